"""What goes into the search index besides a practice's text: the labels its page shows and the aliases of its
terms (``labels``), the descriptions of its terms (``about``), and the gemeenten of its region (``towns``); and
how a town's name finds its region, in the ranking and in 'Ook op deze site'.

The expectations are read off the repository's practices and vocabularies, not written out."""

from __future__ import annotations

from functools import cache
from typing import Any

from kennisbank.addresses import page_url, term_src
from kennisbank.catalogue import Catalogue
from kennisbank.municipalities import normalise
from kennisbank.pages.base import Site
from kennisbank.pages.search import site_pages, town_pages
from kennisbank.search.index import FIELDS, about_text, build_search_data, labels_text, towns_text
from kennisbank.search.pipeline import words
from kennisbank.search.query import Searcher
from kennisbank.search.site_pages import site_page_index, stems_of, town_region
from kennisbank.site import read_intros

from .conftest import REPO, repo_catalogue


@cache
def catalogue() -> Catalogue:
    return repo_catalogue()


@cache
def searcher() -> Searcher:
    return Searcher(build_search_data(catalogue()))


def slugs(query: str) -> list[str]:
    return [result.slug for result in searcher().search(query)]


def test_the_fields_and_their_weights() -> None:
    boosts = dict(FIELDS)
    assert list(boosts) == ["title", "summary", "labels", "body", "about", "towns"]
    assert boosts["title"] > boosts["summary"] > boosts["labels"] > boosts["body"]


def test_labels_hold_every_term_name_alias_organisation_and_municipality() -> None:
    vocab = catalogue().vocabularies
    for practice in catalogue().practices:
        labels = labels_text(practice, vocab).splitlines()
        names = [vocab.themes[t].name for t in practice.themes]
        names += [vocab.target_groups[t].name for t in practice.target_groups]
        names += [vocab.phases[t].name for t in practice.phases]
        names += [vocab.regions[practice.region].name, vocab.evidence[practice.evidence].name]
        names += [vocab.success_factors[t].name for t in practice.success_factors]
        aliases = [a for t in practice.target_groups for a in vocab.target_groups[t].aliases]
        assert set(names) | set(aliases) | set(practice.organisations) | set(practice.municipalities) <= set(labels)


def test_labels_hold_the_former_names_of_a_named_municipality() -> None:
    vocab = catalogue().vocabularies
    municipalities = vocab.municipalities
    practice = next(p for p in catalogue().practices if "Amsterdam" in p.municipalities)
    former = [old.name for old in municipalities.former if old.merged_into == municipalities.find("Amsterdam")[0].id]
    assert former  # Weesp
    assert set(former) <= set(labels_text(practice, vocab).splitlines())


def test_about_holds_the_descriptions_of_the_terms() -> None:
    vocab = catalogue().vocabularies
    practice = catalogue().practices[0]
    about = about_text(practice, vocab)
    for theme in practice.themes:
        assert vocab.themes[theme].description in about


def test_towns_hold_every_gemeente_of_the_region_and_the_former_ones() -> None:
    vocab = catalogue().vocabularies
    for practice in catalogue().practices:
        towns = set(towns_text(practice, vocab).splitlines())
        region = vocab.municipalities.in_region(practice.region)
        assert {m.name for m in region} <= towns
        ids = {m.id for m in region}
        assert {old.name for old in vocab.municipalities.former if old.merged_into in ids} <= towns


def test_the_index_knows_a_region_by_the_names_its_page_lists() -> None:
    """One list of town names (``Municipalities.towns``) for the index, the region pages and town queries."""
    vocab = catalogue().vocabularies
    for practice in catalogue().practices:
        listed = [name for name, _ in vocab.municipalities.towns(practice.region)]
        assert towns_text(practice, vocab).splitlines() == list(dict.fromkeys(listed))
    twente = next(p for p in catalogue().practices if p.region == "twente")
    assert "Hengelo" in towns_text(twente, vocab).splitlines()  # the short name of 'Hengelo (O.)'


def test_a_theme_name_typed_alone_finds_the_practices_with_that_theme() -> None:
    theme = catalogue().vocabularies.themes["jongerenparticipatie"]
    carrying = {p.slug for p in catalogue().practices if theme.id in p.themes}
    assert carrying
    assert set(slugs(theme.name)[: len(carrying)]) == carrying


def test_an_alias_finds_the_practices_of_its_term() -> None:
    group = catalogue().vocabularies.target_groups["nieuwkomers"]
    assert "statushouders" in group.aliases
    buiten_beeld = catalogue().vocabularies.target_groups["buiten-beeld"]
    carrying = {p.slug for p in catalogue().practices if buiten_beeld.id in p.target_groups}
    assert "nuggers" in buiten_beeld.aliases
    assert carrying <= set(slugs("nuggers"))


def region_of(town: str) -> str:
    match = catalogue().vocabularies.municipalities.find(town)
    assert match is not None
    return match.municipality.region


def test_a_town_finds_the_practices_of_its_region_first() -> None:
    for town in ("Almelo", "Hardenberg", "Lelystad", "Veendam"):
        region = {p.slug for p in catalogue().practices if p.region == region_of(town)}
        assert region
        assert set(slugs(town)[: len(region)]) == region, town


def test_a_former_municipality_finds_the_practices_of_its_current_region() -> None:
    for former in ("Weesp", "Uden", "Bussum"):
        region = {p.slug for p in catalogue().practices if p.region == region_of(former)}
        assert set(slugs(former)[: len(region)]) == region, former


def test_the_practices_naming_the_town_rank_first_in_its_region() -> None:
    practices = catalogue().practices
    for town in ("Enschede", "Leeuwarden", "Den Haag"):
        naming = {p.slug for p in practices if town in p.municipalities}
        others = {p.slug for p in practices if p.region == region_of(town)} - naming
        assert naming and others, town
        ranked = slugs(town)
        assert set(ranked[: len(naming)]) == naming, town
        assert others <= set(ranked), town


def test_a_town_not_on_the_site_finds_nothing_outside_its_region() -> None:
    """Gemeenten are not words of other regions' practices: 'Hardenberg' gives only the practices of its region."""
    region = region_of("Hardenberg")
    assert {p.region for p in catalogue().practices if p.slug in slugs("Hardenberg")} == {region}


def real_pages_index() -> dict[str, Any]:
    site = Site(intros=read_intros(REPO / "docs"))
    return site_page_index(site_pages(catalogue(), site), town_pages(catalogue()))


def test_ook_op_deze_site_names_and_links_the_region_of_a_town() -> None:
    index = real_pages_index()
    regions = catalogue().vocabularies.regions
    for town in ("Kampen", "Hengelo", "Súdwest-Fryslân", "Den Bosch", "Weesp"):
        match = catalogue().vocabularies.municipalities.find(town)
        assert match is not None
        shown = town_region(index, stems_of(town))
        region = regions[match.municipality.region]
        assert shown is not None, town
        assert shown[2] == page_url(term_src("regions", region.id))
        assert shown[1].startswith(region.name)
        assert normalise(shown[0]) in (normalise(town), normalise(match.municipality.name)) or town == "Den Bosch"


def test_a_word_that_is_no_town_names_no_region() -> None:
    index = real_pages_index()
    for query in ("nazorg", "privacy", "Kampen nazorg", "xyzzy"):
        assert town_region(index, stems_of(query)) is None, query


def test_the_region_page_text_lists_its_gemeenten() -> None:
    site_page = {p.url: p for p in site_pages(catalogue(), Site(intros={}))}
    municipalities = catalogue().vocabularies.municipalities
    for region in catalogue().vocabularies.regions:
        page = site_page[page_url(term_src("regions", region.id))]
        for m in municipalities.in_region(region.id):
            assert set(words(m.name)) <= set(words(page.text)), (region.id, m.name)
