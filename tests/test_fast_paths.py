"""The fast paths that keep the pipeline linear give exactly the results of the plain ways they replace."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest
import yaml
from hypothesis import example, given, settings
from hypothesis import strategies as st

from kennisbank import load
from kennisbank.errors import Problem
from kennisbank.load import RawPractice, YamlProblem, parse_yaml
from kennisbank.site import abbreviations_used

pytestmark = pytest.mark.skipif(not hasattr(yaml, "CSafeLoader"), reason="PyYAML without libyaml: no fast path")


def slow_parse(text: str) -> tuple[object, object]:
    """The pure-Python loader alone: the reference the fast path must match."""
    try:
        return load._parse_slow(text, 2)
    except YamlProblem as exc:
        return "problem", (exc.line, exc.message)


def fast_parse(text: str) -> tuple[object, object]:
    try:
        return parse_yaml(text, first_line=2)
    except YamlProblem as exc:
        return "problem", (exc.line, exc.message)


YAML_PIECES = st.sampled_from(
    [
        "title: Tekst",
        "title: 'Tekst: met dubbele punt'",
        'summary: "regel"',
        "summary: >-\n  twee\n  regels",
        "themes: [nazorg, maatwerk]",
        "themes:\n  - nazorg\n  - maatwerk",
        "contacts:\n  - name: A\n    email: a@b.nl",
        "last_reviewed: 2026-11-22",
        "last_reviewed: 2021-02-30",
        "date: 2022-04",
        "page: 44",
        "title: Tekst",  # a duplicate key when drawn twice
        "a: &x 1",
        "b: *x",
        "c: Onderwijs & Arbeidsmarkt",
        "c: OC&W",
        "c: OC&W &x",
        "c: a&*b",
        "c: [a,&x b]",
        "c: {a:&x b}",
        "c: {a:*x}",
        '- "a"&x',
        "- a_&x",
        "k: |2&a\n  x",
        "- ?&x a",
        "d: **vet**",
        "\ttab: 1",
        "e: [open",
        "f: 'open",
        "g: a: b",
        "- lijst",
        "h: \x07",
        "h2: \x7f x",
        "i: ü é ‘x’",
        "? complex\n: key",
        "j: {k: 1}",
        "n: 0x1F",
        "n: 1_000",
        "n: 012",
        "n: 1:30",
        "n: -0",
        "n: +7",
        "n: 1.5",
        "n: .inf",
        "b: yes",
        "b: Off",
        "z: ~",
        "z: null",
        "z:",
        "t: 2021-02-03 10:00:00",
        "t: 2021-2-3",
        "t: 2021-02-03",
        "2021: jaar",
        "x: !!binary aGVsbG8=",
        "<<: {a: 1}",
        "s: !!set {a, b}",
        "s: !!str 5",
        "s: !onbekend x",
        "[a, b]: c",
        "'title': dubbel",
        "---",
        "...",
        "yes: ja",
        "null: x",
        "Title: hoofdletter",
        "a b: spatie",
        "n: !!int 5",
        "n: ! x",
        "s: 'Doe mee!'",
        "s: mee! nu",
        "- [- [- [- [- [x]]]]]",
        "",
    ]
)


@settings(max_examples=300, deadline=None)
@given(st.lists(YAML_PIECES, max_size=8))
def test_fast_yaml_gives_the_same_data_lines_and_problems(pieces: list[str]) -> None:
    text = "\n".join(pieces)
    assert fast_parse(text) == slow_parse(text)


def test_fast_yaml_is_used_for_plain_front_matter(monkeypatch: pytest.MonkeyPatch) -> None:
    used: list[str] = []
    real = load._parse_slow
    monkeypatch.setattr(load, "_parse_slow", lambda text, first: used.append(text) or real(text, first))
    parse_yaml("title: Tekst\nthemes: [nazorg]\n")
    parse_yaml("title: Onderwijs &amp; meer\n")
    parse_yaml("title: !!str 5\n")
    assert used == ["title: Onderwijs &amp; meer\n", "title: !!str 5\n"]


def reference_abbreviations(markdown: str, known: dict[str, str]) -> list[str]:
    return [term for term in known if re.search(rf"(?<![\w-]){re.escape(term)}(?![\w])", markdown)]


KNOWN = {"RMC": "Regionaal Meld- en Coördinatiepunt", "mbo": "middelbaar beroepsonderwijs", "A+B": "plus", "UWV": "x"}


@pytest.mark.parametrize(
    ("markdown", "expected"),
    [
        ("RMC", ["RMC"]),
        ("het RMC.", ["RMC"]),
        ("RMC-regio", ["RMC"]),
        ("pre-RMC", []),
        ("xRMC", []),
        ("RMCs", []),
        ("_RMC", []),
        ("mbo-2 en A+B", ["mbo", "A+B"]),
        ("mboRijnland, UWV", ["UWV"]),
        ("", []),
    ],
)
def test_abbreviations_only_for_whole_words(markdown: str, expected: list[str]) -> None:
    assert abbreviations_used(markdown, KNOWN) == expected


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="RMCmbo-_ x2A+BUWVé\n", max_size=40))
def test_abbreviations_match_the_plain_pattern(markdown: str) -> None:
    assert abbreviations_used(markdown, KNOWN) == reference_abbreviations(markdown, KNOWN)


# Terms that start, end or stand inside one another, as the glossary's do ('vo', 'vso', 'havo', 'WW', 'Wwb').
NESTED = dict.fromkeys(["vo", "vso", "havo", "WW", "Wwb", "w", "a-b", "o"], "x")


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet="vsohaWbw-_ 2é\n", max_size=40))
def test_abbreviations_found_together_match_the_plain_pattern(markdown: str) -> None:
    assert abbreviations_used(markdown, NESTED) == reference_abbreviations(markdown, NESTED)
    # With what earlier pages' lines held remembered, as the hook keeps it for a whole build.
    assert abbreviations_used(markdown, NESTED, SEEN) == reference_abbreviations(markdown, NESTED)


SEEN: dict[str, frozenset[str]] = {}


def test_real_front_matter_goes_the_fast_way() -> None:
    from kennisbank import fastyaml

    from .conftest import REPO

    fast = slow = 0
    for path in sorted((REPO / "practices").glob("*.md")):
        front = path.read_text(encoding="utf-8").split("---\n", 2)[1]
        if fastyaml.parse(front, 2) is not None:
            fast += 1
            assert fastyaml.parse(front, 2) == slow_parse(front)
        else:
            slow += 1
            assert any(c in front for c in "&*!")  # only a possible anchor or tag sends a valid file the slow way
    assert fast > slow


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet="ab -\u00a0\t\n'’sS.É", max_size=30))
def test_synonym_matches_skip_only_words_that_start_no_phrase(text: str) -> None:
    from kennisbank.search.synonyms import Synonyms

    synonyms = Synonyms({("a",): "x", ("a", "b"): "y", ("b", "s"): "z"})
    stems = text.split()
    expected, i = [], 0
    while i < len(stems):  # the plain scan: every length at every position
        for n in range(min(2, len(stems) - i), 0, -1):
            if tuple(stems[i : i + n]) in synonyms.phrases:
                expected.append((i, i + n, synonyms.phrases[tuple(stems[i : i + n])]))
                i += n
                break
        else:
            i += 1
    assert synonyms.matches(stems) == expected


# Few characters, so keys overlap, nest and share beginnings; 'ß' and 'İ' change length when folded, 'é'
# and '&#233;' fold to 'e', the soft hyphen and the zero-width space vanish, digits and '+' make numbers.
KEY_TEXT = st.text(alphabet="ab -.@1ßİé\u00ad", min_size=1, max_size=6)
PHONE_TEXT = st.text(alphabet="0123+ -()", min_size=1, max_size=9)
MENTION_TEXT = st.lists(
    st.sampled_from([*"ab -.@1ßİéAB\n0123+()\u00ad\u200b", "&#233;", "&amp;", "&shy;", "\x00", "  "]),
    max_size=40,
).map("".join)


def people(names: list[str], phones: list[str]) -> list[object]:
    from kennisbank.validation.mentions import Person

    phones = phones + [""] * (len(names) - len(phones))
    return [Person(name=name, email=name, phone=phone) for name, phone in zip(names, phones[: len(names)], strict=True)]


@settings(max_examples=500, deadline=None)
@given(st.lists(KEY_TEXT, max_size=8), st.lists(PHONE_TEXT, max_size=4), MENTION_TEXT)
@example(["a", "a b"], [], "a b")  # one key starts another: the scan matches only the longer one
@example(["b", "a b"], [], "x a b")  # one key inside another's match
@example(["ab", "b a"], [], "b\nab a")  # one key starts inside another's match and runs on past it
@example(["!", "a"], [], "! a")  # a name without a word is never looked for
@example(["a1"], ["12345"], "a12345")  # a number that starts inside a name found
@example(["a"], ["0111111"], "+31 (0)11-1111 1 a")  # a number that hides a name behind it
@example(["ab"], [], "a&shy;b a\u200bb")
def test_withdrawn_mentions_match_the_plain_rule(names: list[str], phones: list[str], text: str) -> None:
    from kennisbank.validation.mentions import Matcher

    matcher = Matcher(people(names, phones))
    assert matcher.mentions(text) == matcher.mentions_plain(text)
    pieces = text.split("\x00")
    assert matcher.mentions_in(pieces) == [matcher.mentions_plain(piece) for piece in pieces]


def test_withdrawn_mentions_of_keys_nested_too_deep_for_one_pattern() -> None:
    """Hundreds of keys each the start of the next are searched one by one, with the same answer."""
    from kennisbank.validation.mentions import Matcher

    matcher = Matcher(people(["x" * n + " y" for n in range(1, 600)] + ["x" * n for n in range(1, 600)], []))
    assert matcher._scan is None  # the fallback is what this test is about
    for text in ("xxx y\nxxxxx", "x" * 700 + " y", "y x", ""):
        assert matcher.mentions(text) == matcher.mentions_plain(text)


@settings(max_examples=500, deadline=None)
@given(st.text(max_size=30) | MENTION_TEXT)
def test_folding_distinct_characters_is_folding_each_character(text: str) -> None:
    from kennisbank.validation.mentions import fold, fold_plain

    assert fold(text) == fold_plain(text)


@settings(max_examples=300, deadline=None)
@given(MENTION_TEXT | st.text(alphabet=" \n\t\u00a0\u2028a&#;3\u00ad", max_size=30))
def test_normalising_line_by_line_gives_the_same_text(text: str) -> None:
    """What ``line_offset`` counts on, to give the line of a mention without a map of every character."""
    from kennisbank.validation.mentions import line_offset, normalise

    lines = [normalise(line) for line in text.split("\n")]
    assert normalise(text) == " ".join(line for line in lines if line)
    normalised = normalise(text)
    for start, char in enumerate(normalised):
        if char != " ":
            offset = line_offset(text, start)
            assert char in normalise(text.split("\n")[offset])


# Characters that make or break headings, code, links and fences.
BODY_TEXT = st.text(alphabet="#` ~\n]([<:a!{}", max_size=80)


@settings(max_examples=400, deadline=None)
@given(BODY_TEXT)
@example("# a\n```\n# b\n```\n## c `x` \n~~~\n#d")
@example("#\n\n#")
def test_heading_lines_are_the_prose_lines_that_start_with_a_hash(body: str) -> None:
    from kennisbank.validation import body as body_rules

    plain = [line for _, line in body_rules._prose_lines(body) if line.startswith("#")]
    assert body_rules._hash_lines(body) == plain


@settings(max_examples=400, deadline=None)
@given(BODY_TEXT)
@example("]`x`(https://a.nl)")  # removing inline code makes a link: not skipped, because of the '`'
def test_bodies_the_link_rule_skips_have_no_link_targets(body: str) -> None:
    from kennisbank.validation import body as body_rules

    if "`" not in body and "](" not in body and "<" not in body and "]:" not in body:
        assert body_rules._link_targets(body_rules._prose_lines(body)) == []


def plain_split_and_parse(path: Path, shown: str, slug: str, text: str) -> tuple[object, list[Problem]]:
    """load.split_and_parse as it was, splitting the whole file into lines."""
    lines = text.split("\n")
    if lines[0].rstrip() != "---":
        return None, [Problem(shown, 1, "front matter", "ontbreekt")]
    closing = next((i for i in range(1, len(lines)) if lines[i].rstrip() == "---"), None)
    if closing is None:
        heading = next((i + 1 for i in range(1, len(lines)) if lines[i].startswith("## ")), 1)
        return None, [Problem(shown, heading, "front matter", "is niet afgesloten")]
    try:
        meta, key_lines = parse_yaml("\n".join(lines[1:closing]), first_line=2)
    except YamlProblem as exc:
        return None, [Problem(shown, exc.line, exc.field or "front matter", exc.message)]
    if not isinstance(meta, dict):
        return None, [Problem(shown, 2, "front matter", "geen velden")]
    body = "\n".join(line.rstrip() for line in lines[closing + 1 :])
    return RawPractice(path, shown, slug, meta, key_lines, body, closing + 2, closing + 1, text), []


def _short(result: tuple[object, list[Problem]]) -> tuple[object, list[tuple[int, str]]]:
    """The result with each problem as its line and field: the reference does not repeat the messages."""
    raw, problems = result
    return raw, [(p.line, p.field) for p in problems]


@settings(max_examples=500, deadline=None)
@given(
    st.lists(
        st.sampled_from(["---", "--- ", "----", "---x", " ---", "a: b", "", "x  ", "\u00a0", "- c", "a: ["]), max_size=9
    )
)
@example(["---", "a: 1", "---"])
@example(["---", "---"])
@example(["---"])
@example(["--- \t", "a: 1", "---  ", "tekst  ", ""])
def test_cutting_a_file_at_its_fences_matches_splitting_it_into_lines(lines: list[str]) -> None:
    text = "\n".join(lines)
    args = (Path("x.md"), "x.md", "x", text)
    assert _short(load.split_and_parse(*args)) == _short(plain_split_and_parse(*args))


def test_paths_shown_for_a_folder_listing_are_the_display_paths(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from kennisbank.errors import display_path

    folder = tmp_path / "a" / "practices"
    (folder / "d.md").mkdir(parents=True)  # a folder named like a practice, to stand in
    for name in ("b.md", "a-1.md", "c.md"):
        (folder / name).write_text("---\n---\n", encoding="utf-8")
    (tmp_path / "elders").mkdir()
    for cwd in (folder, folder.parent, folder / "d.md", Path("/"), tmp_path / "elders"):
        monkeypatch.chdir(cwd)
        for named in (folder, Path(os.path.relpath(folder)), folder / ".." / "practices"):
            listed = list(load.discover([named]))
            assert [file.name for file, _, _ in listed] == ["a-1.md", "b.md", "c.md", "d.md"]
            for file, _root, shown in listed:
                assert shown == display_path(file), (cwd, named)
            assert [p.path for p in load.load_paths([named]).problems] == [display_path(f) for f, _, _ in listed]
