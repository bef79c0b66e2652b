"""The finder's search engine on the real practices: the Dutch pipeline, synonyms, typos, facets,
relevance, the shards, and ``kennisbank search``."""

from __future__ import annotations

import json
import re
from pathlib import Path

import mkdocs.contrib.search
import pytest
from click.testing import CliRunner
from lunr.index import Index

from kennisbank.entry.cli import cli
from kennisbank.search.index import build_search_data, plain_text, text_blocks
from kennisbank.search.pipeline import DUTCH_WORD_CHARACTERS, STOP_WORDS, stem, words
from kennisbank.search.query import Filters, Searcher, correct, edit_distance
from kennisbank.search.shards import assemble, split
from kennisbank.search.synonyms import from_glossary

from .conftest import repo_catalogue

LUNR_NL = Path(mkdocs.contrib.search.__file__).parent / "lunr-language" / "lunr.nl.js"


@pytest.fixture(scope="module")
def searcher() -> Searcher:
    return Searcher(build_search_data(repo_catalogue()))


def top(searcher: Searcher, query: str, n: int = 3, **selected: list[str]) -> list[str]:
    filters = Filters({key: frozenset(values) for key, values in selected.items()})
    return [r.slug for r in searcher.search(query, filters)[:n]]


# (query, a practice that must be among the first three): questions professionals ask.
RELEVANCE = [
    ("nazorg vso", "arnhem-combinatiefunctionaris-arbeid"),
    ("wat doen regio's voor vso-leerlingen in de nazorg?", "arnhem-combinatiefunctionaris-arbeid"),
    ("heftruck certificaat", "id-college-entree-naar-werk"),
    ("vsv Twente", "twente-twentse-belofte-nazorg"),
    ("speeddates met werkgevers", "friesland-speeddates-werkgevers-oud-mbo-studenten"),
    ("studenten als assistent in de klas", "friesland-college-student-assistenten"),
    ("opleiden voor de energietransitie", "drechtsteden-werk-in-zicht-leerwerktrajecten"),
    ("thuiszitters zonder diploma", "hilversum-mbo-college-productief-leren"),
    ("dashboard mismatch arbeidsmarkt", "zeeland-dashboard-en-subregionale-samenwerking"),
    ("kleine klas voor vsv'ers", "noorderpoort-route-rubicon"),
    ("groepsprogramma jongeren zonder startkwalificatie", "west-brabant-onmyway-persoonlijke-ontwikkeling"),
    ("werkgeversservicepunt voor jongeren in Rijnmond", "rijnmond-wspr-jong-werkgeversservicepunt-jongeren"),
    ("jobcoaches die oud-studenten nabellen", "stedendriehoek-aventus-nabellen-en-jobcoaches"),
    ("campagne ontworpen met jongeren", "helmond-taskforce-jeugdwerkloosheid-zoekvindwerk"),
    ("praktijkleren met een praktijkverklaring", "gilde-opleidingen-praktijkleren-met-praktijkverklaring"),
    ("gedifferentieerde entree", "almere-mbo-college-gedifferentieerde-entree"),
    ("jongeren actief opzoeken", "regio-zwolle-groei-vooruit-ketenaanpak"),
]


@pytest.mark.parametrize(("query", "expected"), RELEVANCE)
def test_realistic_queries_find_the_practice_in_the_top_three(searcher: Searcher, query: str, expected: str) -> None:
    assert expected in top(searcher, query), top(searcher, query, 10)


@pytest.mark.parametrize(("one", "other"), [("jongere", "jongeren"), ("stage", "stages"), ("regio", "regio's")])
def test_inflections_find_the_same_practices(searcher: Searcher, one: str, other: str) -> None:
    assert top(searcher, one, 100) == top(searcher, other, 100)
    assert top(searcher, one, 100)


@pytest.mark.parametrize(
    ("short", "long"),
    [
        ("vsv", "voortijdig schoolverlaten"),
        ("vsv", "voortijdig schoolverlaters"),
        ("pro", "praktijkonderwijs"),
        ("vso", "voortgezet speciaal onderwijs"),
        ("bbl", "beroepsbegeleidende leerweg"),
        ("WSP", "Werkgeversservicepunt"),
    ],
)
def test_acronym_and_expansion_find_the_same_practices(searcher: Searcher, short: str, long: str) -> None:
    assert top(searcher, short, 100) == top(searcher, long, 100)
    assert top(searcher, short, 100)


def test_a_practice_that_only_writes_the_expansion_is_found_by_the_acronym(searcher: Searcher) -> None:
    only_long = [
        p.slug
        for p in repo_catalogue().practices
        if re.search(r"praktijkonderwijs", p.body + p.summary, re.I) and not re.search(r"\bpro\b", p.body, re.I)
    ]
    assert only_long, "the content changed: pick another expansion"
    assert set(only_long) <= set(top(searcher, "pro", 100))


@pytest.mark.parametrize(
    ("typo", "meant"),
    [("praktijkverklarign", "praktijkverklaring"), ("combinatiefunctonaris", "combinatiefunctionaris")],
)
def test_typos_in_longer_words_are_corrected(searcher: Searcher, typo: str, meant: str) -> None:
    assert [t.word for t in searcher.terms(typo)] == [meant]
    assert top(searcher, typo, 100) == top(searcher, meant, 100)


def test_short_words_are_not_corrected(searcher: Searcher) -> None:
    assert correct("vsw", searcher.data.vocabulary) is None


def test_edit_distance_counts_a_swap_as_one() -> None:
    assert edit_distance("praktijkverklarign", "praktijkverklaring", 2) == 1
    assert edit_distance("abc", "abc", 1) == 0
    assert edit_distance("kitten", "sitting", 3) == 3
    assert edit_distance("kitten", "sitting", 1) == 2


def test_facets_combine_any_within_and_all_across(searcher: Searcher) -> None:
    catalogue = repo_catalogue()
    everything = searcher.search("jongeren")
    twente = top(searcher, "jongeren", 100, region=["twente"])
    assert twente and all(catalogue.by_slug(s).region == "twente" for s in twente)
    nazorg_twente = top(searcher, "jongeren", 100, region=["twente"], themes=["nazorg"])
    assert nazorg_twente and set(nazorg_twente) < set(twente)
    assert all("nazorg" in catalogue.by_slug(s).themes for s in nazorg_twente)
    either = top(searcher, "jongeren", 100, region=["twente", "achterhoek"])
    assert set(twente) < set(either) <= {r.slug for r in everything}


def test_title_weighs_more_than_summary_and_body(searcher: Searcher) -> None:
    # 'speeddates' is in one practice's title and in another's body text only
    results = searcher.search("speeddates")
    assert results[0].slug == "friesland-speeddates-werkgevers-oud-mbo-studenten"


def test_dutch_words_with_diacritics_lose_their_punctuation() -> None:
    assert words("coördinatie. ideeën! (vóór)") == ["coördinatie", "ideeën", "vóór"]
    assert stem("coördinatie") == stem("coordinatie")


def test_diacritic_words_are_found(searcher: Searcher) -> None:
    for word in ("coördinatie", "ideeën"):
        assert searcher.search(word), word


def test_stop_words_and_word_characters_are_those_of_lunr_nl() -> None:
    source = LUNR_NL.read_text(encoding="utf-8")
    listed = re.search(r"generateStopWordFilter\('([^']*)'", source)
    characters = re.search(r'lunr\.nl\.wordCharacters = "([^"]*)"', source)
    assert listed and characters
    assert set(listed.group(1).split()) == STOP_WORDS
    assert characters.group(1) == DUTCH_WORD_CHARACTERS


def test_glossary_synonyms_merge_entries_that_share_a_phrase(vocabularies) -> None:  # type: ignore[no-untyped-def]
    synonyms = from_glossary(vocabularies.glossary)
    assert synonyms.phrases[(stem("werkgeversservicepunt"),)] == "wsp"
    assert synonyms.phrases[(stem("voortijdig"), stem("schoolverlaters"))] == "vsv"
    assert synonyms.additions("Voortijdige schoolverlaters en vsv") == ["vsv"]


def test_plain_text_drops_addresses_and_markup() -> None:
    assert plain_text("**Zie** [de site](https://x.example/a) en <https://y.example>.").split() == [
        "Zie",
        "de",
        "site",
        "en",
        ".",
    ]


def test_an_index_assembled_from_shards_ranks_exactly_like_the_whole_index(searcher: Searcher) -> None:
    serialized = searcher.data.index.serialize()
    sharded = split(searcher.data.index, target_bytes=20_000)
    assert len(sharded.shards) > 3
    assert [json.loads(text) for text in sharded.texts] == json.loads(json.dumps(sharded.shards))
    for query in ("nazorg vso", "heftruck certificaat", "jongeren werk school", "vsv Twente"):
        stems = [t.stem for t in searcher.terms(query)]
        whole = Index.load(serialized).query(callback=lambda q, s=stems: [q.term(x, use_pipeline=False) for x in s])
        part = Index.load(assemble(sharded, stems))
        partial = part.query(callback=lambda q, s=stems: [q.term(x, use_pipeline=False) for x in s])
        assert [(h["ref"], h["score"]) for h in whole] == [(h["ref"], h["score"]) for h in partial]


def test_cli_json_lists_results_best_first(searcher: Searcher) -> None:
    result = CliRunner().invoke(cli, ["search", "vsv Twente", "--json"])
    assert result.exit_code == 0, result.output
    listed = json.loads(result.output)
    assert [r["slug"] for r in listed] == [r.slug for r in searcher.search("vsv Twente")]
    assert listed[0]["path"] == f"practices/{listed[0]['slug']}.md"
    assert [r["score"] for r in listed] == sorted((r["score"] for r in listed), reverse=True)


def test_cli_filters_and_speaks_dutch() -> None:
    result = CliRunner().invoke(cli, ["search", "jongeren", "--region", "twente", "--theme", "nazorg"])
    assert result.exit_code == 0, result.output
    assert "resultaten voor 'jongeren'" in result.output or "resultaat voor 'jongeren'" in result.output
    assert "twente-twentse-belofte-nazorg" in result.output


def test_cli_rejects_an_unknown_facet_value() -> None:
    result = CliRunner().invoke(cli, ["search", "x", "--region", "atlantis"])
    assert result.exit_code == 2
    assert "atlantis" in result.output and "twente" in result.output


def test_a_query_of_stop_words_only_lists_every_practice_in_catalogue_order(searcher: Searcher) -> None:
    assert [r.slug for r in searcher.search("de en het")] == [p.slug for p in repo_catalogue().practices]


def test_text_blocks_hold_every_practice_once_in_catalogue_order_within_the_size() -> None:
    practices = repo_catalogue().practices
    blocks = text_blocks(practices, target_bytes=4_000)
    assert len(blocks) >= 5
    assert [slug for b in blocks for slug in b.slugs] == [p.slug for p in practices]
    assert [b.start for b in blocks] == [sum(len(b.slugs) for b in blocks[:i]) for i in range(len(blocks))]
    for block in blocks:
        practice = practices[block.start]
        assert block.titles[0] == practice.title and block.summaries[0] == practice.summary
        size = len(json.dumps(block.content(), ensure_ascii=False).encode())
        assert len(block.slugs) == 1 or size <= 4_000, (block.start, size)
    assert len(text_blocks(practices)) == 1  # the real practices fit in one block of the default size
