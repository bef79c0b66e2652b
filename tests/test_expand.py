"""Compounds, inflections and half-typed words at query time (search/expand.py, query.analyse with
``prefix``), on small term lists and on the real practices; and what ``kennisbank search`` says about
words that match nothing. The browser's copy is tested against the same cases (tests/js)."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from kennisbank.entry.cli import cli
from kennisbank.search.expand import MAX_EXPANSIONS, reached, rests, split, split_candidates, starting_with
from kennisbank.search.index import build_search_data
from kennisbank.search.pipeline import stem
from kennisbank.search.query import Searcher, typing_last

from .conftest import repo_catalogue

TERMS = sorted(["heftruck", "heftruckcertificat", "heftruckcursus", "hef", "schuldhulp", "stag", "werk", "werkgever"])


def knows(term: str) -> bool:
    return term in TERMS


@pytest.fixture(scope="module")
def searcher() -> Searcher:
    return Searcher(build_search_data(repo_catalogue()))


def slugs(searcher: Searcher, query: str, prefix: bool = False) -> set[str]:
    return {r.slug for r in searcher.search(query, prefix=prefix)}


def test_terms_that_start_with_a_prefix_in_sorted_order_and_at_most_the_maximum() -> None:
    assert starting_with(TERMS, "heftruck") == ["heftruck", "heftruckcertificat", "heftruckcursus"]
    assert starting_with(TERMS, "xyz") == []
    many = sorted(f"ver{n:03}" for n in range(MAX_EXPANSIONS + 10))
    assert starting_with(many, "ver") == many[:MAX_EXPANSIONS]


def test_a_word_reaches_the_compounds_its_stem_starts_but_a_short_stem_only_while_typed() -> None:
    assert reached("heftruck", False, TERMS) == ["heftruckcertificat", "heftruckcursus"]
    assert reached("werk", False, TERMS) == []  # 'werk' is too short to start compounds
    assert reached("werk", True, TERMS) == ["werkgever"]  # ... but being typed, it is the start of a word
    assert reached("hef", True, TERMS) == ["heftruck", "heftruckcertificat", "heftruckcursus"]
    assert reached("he", True, TERMS) == []  # two letters start too many words to be worth fetching


def test_a_compound_splits_into_known_parts_preferring_a_known_rest() -> None:
    assert split("heftruckstage", knows) == ["heftruck", "stage"]
    assert split("schuldhulpverlening", knows) == ["schuldhulp"]  # no 'verlening' in the terms
    assert split("kampen", knows) == []  # a rest of two letters is no word
    assert split("heftruck2024", knows) == []
    assert split_candidates("abcdefghij") == ["abcdef", "abcde", "abcd"]
    assert rests("arbeidsmarkt", "arbeid") == ["smarkt", "markt"]


def test_the_last_word_is_being_typed_until_a_space_or_hyphen() -> None:
    assert typing_last("nazorg jon", True)
    assert not typing_last("nazorg jon", False)
    assert not typing_last("nazorg jon ", True)
    assert not typing_last("nazorg-", True)
    assert not typing_last("nazorg de", True)  # a stop word is not searched for


def test_a_word_finds_the_practices_that_have_it_inside_a_compound(searcher: Searcher) -> None:
    found = slugs(searcher, "heftruck")
    assert slugs(searcher, "heftruckcertificaat") < found
    assert slugs(searcher, "heftruckcursus") <= found


def test_a_compound_the_collection_lacks_finds_what_its_parts_find(searcher: Searcher) -> None:
    assert not any(stem("schuldhulpverlening") == t for t in searcher.terms_sorted)
    assert slugs(searcher, "schuldhulpverlening") >= slugs(searcher, "schuldhulp") != set()
    [term] = searcher.terms("schuldhulpverlening")
    assert term.word == "schuldhulp" and term.typed == "schuldhulpverlening"


def test_the_word_itself_ranks_above_a_compound_that_only_contains_it(searcher: Searcher) -> None:
    ranked = [r.slug for r in searcher.search("heftruckcertificaat")]
    with_word = slugs(searcher, "heftruckcertificaat")
    assert set(ranked[: len(with_word)]) == with_word


def test_half_a_word_finds_what_the_word_finds_while_typing_only(searcher: Searcher) -> None:
    assert slugs(searcher, "heftr", prefix=True) >= slugs(searcher, "heftruck") != set()
    # 'hef' is too short to start compounds as a whole word: only while typed.
    assert slugs(searcher, "hef", prefix=True) >= slugs(searcher, "heftruck") != set()
    assert not slugs(searcher, "hef ", prefix=True) >= slugs(searcher, "heftruck")
    assert slugs(searcher, "jeugdwerkloo", prefix=True) >= slugs(searcher, "jeugdwerkloosheid")


def test_words_that_match_nothing_are_named(searcher: Searcher) -> None:
    terms = searcher.terms("xyzzy onbekend")
    assert [t.typed for t in searcher.unmatched(terms)] == ["xyzzy"]
    assert searcher.search("xyzzy onbekend") == searcher.search("onbekend")


def test_cli_says_which_words_match_nothing_and_what_was_searched() -> None:
    result = CliRunner().invoke(cli, ["search", "xyzzy onbekend"])
    assert result.exit_code == 0, result.output
    assert "Geen resultaat voor 'xyzzy'\nGezocht op: onbekend\n" in result.output
    result = CliRunner().invoke(cli, ["search", "schuldhulpverlening"])
    assert "Gezocht op: schuldhulp (voor 'schuldhulpverlening')" in result.output


def test_cli_prefix_ranks_as_the_finder_does_while_typing(searcher: Searcher) -> None:
    result = CliRunner().invoke(cli, ["search", "hef", "--prefix", "--json", "--limit", "0"])
    assert result.exit_code == 0, result.output
    listed = [r["slug"] for r in json.loads(result.output)]
    assert listed == [r.slug for r in searcher.search("hef", prefix=True)] != []
    result = CliRunner().invoke(cli, ["search", "hef", "--json", "--limit", "0"])
    assert [r["slug"] for r in json.loads(result.output)] != listed
