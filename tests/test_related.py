"""Related practices (related.py): three to five others, never the practice itself, stable, and each with
the terms it shares as its reason."""

from __future__ import annotations

import random
from dataclasses import replace

import pytest

from kennisbank import related as related_module
from kennisbank.model import Practice
from kennisbank.related import MAX_RELATED, MIN_RELATED, WORDS_ONLY, reason, related_practices

from .conftest import repo_catalogue


@pytest.fixture(scope="module")
def practices() -> list[Practice]:
    return repo_catalogue().practices


@pytest.fixture(scope="module")
def related(practices: list[Practice]) -> dict[str, tuple[related_module.Related, ...]]:
    return related_practices(practices)


def test_every_practice_gets_three_to_five_others(practices, related) -> None:  # type: ignore[no-untyped-def]
    assert set(related) == {p.slug for p in practices}
    for slug, others in related.items():
        assert MIN_RELATED <= len(others) <= MAX_RELATED, slug
        slugs = [r.slug for r in others]
        assert slug not in slugs
        assert len(set(slugs)) == len(slugs)


def test_best_first(related) -> None:  # type: ignore[no-untyped-def]
    for others in related.values():
        keys = [(-r.score, r.slug) for r in others]
        assert keys == sorted(keys)


def test_the_same_in_any_order(practices, related) -> None:  # type: ignore[no-untyped-def]
    shuffled = list(practices)
    random.Random(7).shuffle(shuffled)
    assert related_practices(shuffled) == related


def test_the_reason_names_the_shared_terms(practices, related, vocabularies) -> None:  # type: ignore[no-untyped-def]
    by_slug = {p.slug: p for p in practices}
    for slug, others in related.items():
        for other in others:
            for key, term_id in other.shared:
                facet = next(f for f in related_module.RELATED_FACETS if f.key == key)
                assert term_id in facet.ids(by_slug[slug]) and term_id in facet.ids(by_slug[other.slug])
            text = reason(other, vocabularies)
            assert text.startswith("ook: ")
            if other.shared:
                first_key, first_id = other.shared[0]
                assert vocabularies.by_key(first_key)[first_id].name in text


def _plain(practice: Practice, slug: str, **changes: object) -> Practice:
    return replace(practice, slug=slug, title=slug, summary="", body="", success_factors=(), **changes)  # type: ignore[arg-type]


def test_shared_terms_beat_unshared_ones(practices) -> None:  # type: ignore[no-untyped-def]
    base = practices[0]
    me = _plain(base, "a-me", themes=("nazorg",), target_groups=("vso",), phases=("nazorg",))
    twin = _plain(base, "z-twin", themes=("nazorg",), target_groups=("vso",), phases=("nazorg",))
    half = _plain(base, "b-half", themes=("nazorg",), target_groups=("pro",), phases=("tijdens-school",))
    others = [
        _plain(base, f"c-other-{n}", themes=("integrale-aanpak",), target_groups=("pro",), phases=("overstap",))
        for n in range(3)
    ]
    result = related_practices([me, twin, half, *others])
    assert [r.slug for r in result["a-me"]][:2] == ["z-twin", "b-half"]
    assert set(result["a-me"][0].shared) == {("themes", "nazorg"), ("target_groups", "vso"), ("phases", "nazorg")}


def test_ties_go_by_slug(practices) -> None:  # type: ignore[no-untyped-def]
    base = _plain(practices[0], "m-base", themes=("nazorg",), target_groups=("vso",), phases=("nazorg",))
    copies = [replace(base, slug=f"{letter}-copy", title=f"{letter}-copy") for letter in "qbxfa"]
    result = related_practices([base, *copies])
    assert [r.slug for r in result["m-base"]] == sorted(c.slug for c in copies)


def test_words_alone_say_so(practices, vocabularies) -> None:  # type: ignore[no-untyped-def]
    shared = related_module.Related("x", 0.1, ())
    assert reason(shared, vocabularies) == f"ook: {WORDS_ONLY}"


def test_a_long_reason_is_cut(vocabularies) -> None:  # type: ignore[no-untyped-def]
    shared = related_module.Related(
        "x", 1.0, (("themes", "nazorg"), ("target_groups", "vso"), ("target_groups", "pro"), ("phases", "nazorg"))
    )
    text = reason(shared, vocabularies)
    assert text.endswith(" en 1 meer")
    assert vocabularies.target_groups["vso"].name in text


def test_fewer_than_three_others(practices) -> None:  # type: ignore[no-untyped-def]
    two = practices[:2]
    result = related_practices(two)
    assert [r.slug for r in result[two[0].slug]] == [two[1].slug]
    assert related_practices([]) == {}


def test_the_candidate_budget_keeps_the_answer_valid(practices, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """With a tiny budget (as at 10,000 practices) each still gets others, from the rarest shared features."""
    monkeypatch.setattr(related_module, "CANDIDATE_BUDGET", 5)
    monkeypatch.setattr(related_module, "POOL", 4)
    for slug, others in related_practices(practices).items():
        assert slug not in {r.slug for r in others}
        assert len(others) <= MAX_RELATED


def test_the_benchmark_section_survives_a_new_report(tmp_path) -> None:  # type: ignore[no-untyped-def]
    """benchmarks/related_history.py writes its own section of RESULTS.md; `make bench` keeps it."""
    from benchmarks.sections import kept_sections, write_section

    results = tmp_path / "RESULTS.md"
    results.write_text("# Prestaties\n\nalt\n", encoding="utf-8")
    write_section(results, "related-history", "## Verwant\n\neen\n")
    write_section(results, "related-history", "## Verwant\n\ntwee\n")
    text = results.read_text(encoding="utf-8")
    assert text.count("## Verwant") == 1 and "twee" in text and "een\n" not in text
    assert (
        kept_sections(results)
        == "\n<!-- section:related-history -->\n## Verwant\n\ntwee\n<!-- /section:related-history -->\n"
    )
