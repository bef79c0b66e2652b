"""The fast paths that keep the pipeline linear give exactly the results of the plain ways they replace."""

from __future__ import annotations

import re

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from kennisbank import load
from kennisbank.load import YamlProblem, parse_yaml
from kennisbank.site import abbreviation_definitions

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


def reference_abbreviations(markdown: str, known: dict[str, str]) -> str:
    lines = [
        f"*[{term}]: {expansion}"
        for term, expansion in known.items()
        if re.search(rf"(?<![\w-]){re.escape(term)}(?![\w])", markdown)
    ]
    return ("\n\n" + "\n".join(lines) + "\n") if lines else ""


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
    found = [line[2 : line.index("]")] for line in abbreviation_definitions(markdown, KNOWN).split("\n") if line]
    assert found == expected


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="RMCmbo-_ x2A+BUWVé\n", max_size=40))
def test_abbreviations_match_the_plain_pattern(markdown: str) -> None:
    assert abbreviation_definitions(markdown, KNOWN) == reference_abbreviations(markdown, KNOWN)


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
