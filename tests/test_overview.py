"""The evidence-and-gap map (/overzicht/) and the region tile map: their counts are the finder's, every
cell and tile links where it says, and the tile table places every region once."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace
from urllib.parse import parse_qs, urlsplit

import pytest
from selectolax.lexbor import LexborHTMLParser

from kennisbank.addresses import FINDER, HOME, OVERVIEW, finder_url, href, new_practice_issue, page_url, section_src
from kennisbank.catalogue import Catalogue
from kennisbank.facets import BY_NAME, FACETS, GAP_MAPS, GapMap
from kennisbank.pages import Site, generate
from kennisbank.pages.overview import EMPTY, SHADES, gap_matrix, overview_markdown, shade
from kennisbank.pages.region_map import COLUMNS, ROWS, TILES, region_tiles
from kennisbank.search.index import build_search_data
from kennisbank.search.query import Filters, Searcher
from kennisbank.vocabularies import Vocabulary

from .conftest import REPO, repo_catalogue

REPO_URL = "https://github.com/voorbeeld/kennisbank"
SITE = Site(url="https://kennisbank.example/", repo_url=REPO_URL, today=dt.date(2026, 11, 22))
BY_PARAM = {facet.param: facet for facet in FACETS}


@pytest.fixture(scope="module")
def catalogue() -> Catalogue:
    return repo_catalogue()


@pytest.fixture(scope="module")
def searcher(catalogue: Catalogue) -> Searcher:
    return Searcher(build_search_data(catalogue))


def finder_count(searcher: Searcher, selected: dict[str, str]) -> list[str]:
    """The slugs the finder (as `kennisbank search` runs it) shows with these facets ticked and no words."""
    filters = Filters({name: frozenset({term}) for name, term in selected.items()})
    return [result.slug for result in searcher.search("", filters)]


# A view of every pair the registry could be asked for, besides the page's own: a new facet gets a map.
OTHER_VIEWS = (GapMap("phases", "success_factors", "Fasen en bestanddelen", "x"), GapMap("evidence", "region", "", "y"))


@pytest.mark.parametrize("view", GAP_MAPS + OTHER_VIEWS, ids=lambda v: f"{v.rows}-{v.columns}")
def test_every_cell_counts_what_the_finder_finds_with_both_facets(
    view: GapMap, catalogue: Catalogue, searcher: Searcher
) -> None:
    matrix = gap_matrix(view, catalogue.practices, catalogue.vocabularies)
    evidence = [term.id for term in catalogue.vocabularies.evidence]
    assert len(matrix.cells) == len(matrix.rows) * len(matrix.columns)
    assert sum(cell.count for cell in matrix.cells.values()) > 0
    for cell in matrix.cells.values():
        found = finder_count(searcher, {view.rows: cell.row, view.columns: cell.column})
        assert cell.count == len(found), (cell, found)
        levels = [evidence.index(catalogue.by_slug(slug).evidence) + 1 for slug in found]
        assert cell.evidence == max(levels, default=0), cell


def test_a_cell_counts_a_practice_once_and_its_highest_evidence() -> None:
    def practice(themes: tuple[str, ...], groups: tuple[str, ...], evidence: str) -> object:
        return type("P", (), {"themes": themes, "target_groups": groups, "evidence": evidence})()

    vocabularies = repo_catalogue().vocabularies
    theme, other = (t.id for t in list(vocabularies.themes)[:2])
    group = next(iter(vocabularies.target_groups)).id
    low, high = (t.id for t in list(vocabularies.evidence)[:2])
    practices = [practice((theme, other), (group,), low), practice((theme,), (group, group), high)]
    matrix = gap_matrix(GAP_MAPS[0], practices, vocabularies)  # type: ignore[arg-type]
    assert (matrix.cell(theme, group).count, matrix.cell(theme, group).evidence) == (2, 2)
    assert (matrix.cell(other, group).count, matrix.cell(other, group).evidence) == (1, 1)
    assert sum(c.count for c in matrix.cells.values()) == 3


def test_shades_grow_with_the_count_and_none_is_zero() -> None:
    assert shade(0, 10) == 0
    assert shade(1, 1) == 1
    assert [shade(n, 40) for n in (1, 10, 11, 21, 31, 40)] == [1, 1, 2, 3, 4, 4]
    assert max(shade(n, 7) for n in range(8)) <= SHADES


def page_html(markdown: str) -> LexborHTMLParser:
    return LexborHTMLParser(markdown)


def test_every_cell_links_to_the_finder_with_its_row_and_column_ticked(catalogue: Catalogue) -> None:
    tree = page_html(overview_markdown(catalogue, SITE))
    tables = tree.css("table.kb-map")
    assert len(tables) == len(GAP_MAPS)
    finder = page_url(FINDER)
    for table, view in zip(tables, GAP_MAPS, strict=True):
        rows = list(catalogue.vocabularies.by_key(BY_NAME[view.rows].key))
        columns = list(catalogue.vocabularies.by_key(BY_NAME[view.columns].key))
        heads = [th.text() for th in table.css("thead th")]
        assert heads[1:] == [t.name for t in columns]
        assert all(th.attributes.get("scope") == "col" for th in table.css("thead th"))
        assert table.css_first("caption").text().startswith(view.title)
        for tr, row in zip(table.css("tbody tr"), rows, strict=True):
            assert tr.css_first("th").attributes.get("scope") == "row"
            assert tr.css_first("th").text() == row.name
            for td, column in zip(tr.css("td"), columns, strict=True):
                link = td.css_first("a")
                assert link is not None
                count = len([p for p in catalogue.practices_with(BY_NAME[view.rows].key, row.id)
                             if column.id in BY_NAME[view.columns].ids(p)])  # fmt: skip
                target = urlsplit(link.attributes["href"] or "")
                if not count:
                    assert td.text() == EMPTY
                    assert link.attributes["href"] == f"{REPO_URL}/issues/new?template=nieuw-praktijkvoorbeeld.yml"
                    continue
                assert td.css_first(".kb-map-count").text() == str(count)
                path = page_url(OVERVIEW) + target.path  # relative to /overzicht/
                assert re.sub(r"[^/]+/\.\./", "", path) == finder
                ticked = {BY_PARAM[p].name: v for p, v in parse_qs(target.query, strict_parsing=True).items()}
                assert ticked == {view.rows: [row.id], view.columns: [column.id]}


def test_empty_cells_link_to_the_issue_form_that_exists() -> None:
    url = new_practice_issue(REPO_URL + "/")
    assert url == f"{REPO_URL}/issues/new?template=nieuw-praktijkvoorbeeld.yml"
    assert (REPO / ".github" / "ISSUE_TEMPLATE" / url.rsplit("=", 1)[1]).is_file()
    assert new_practice_issue("") == ""


def test_without_a_repository_an_empty_cell_is_plain_text(catalogue: Catalogue) -> None:
    tree = page_html(overview_markdown(catalogue, Site(today=SITE.today)))
    empty = tree.css("td.kb-map-empty")
    assert empty and all(td.css_first("a") is None and td.text() == EMPTY for td in empty)


def test_hostile_term_names_are_escaped(catalogue: Catalogue) -> None:
    hostile = '<img src=x onerror=alert(1)>"&'
    vocabularies = catalogue.vocabularies
    themes = vocabularies.themes
    renamed = Vocabulary(themes.key, themes.label, tuple(replace(t, name=hostile + t.id) for t in themes))
    changed = replace(vocabularies, terms={**vocabularies.terms, "themes": renamed})
    markdown = overview_markdown(Catalogue(list(catalogue.practices), changed), SITE)
    assert "<img" not in markdown
    assert "&lt;img src=x onerror=alert(1)&gt;&quot;&amp;" in markdown


def test_finder_url_orders_parameters_as_the_finder_writes_them() -> None:
    assert finder_url({"region": "twente", "themes": "nazorg"}) == "zoeken/?thema=nazorg&regio=twente"
    assert finder_url({}) == "zoeken/"


def test_href_is_relative_to_the_page() -> None:
    assert href("zoeken/?thema=a&doelgroep=b", OVERVIEW) == "../zoeken/?thema=a&doelgroep=b"
    assert href("regios/twente/", HOME) == "regios/twente/"
    assert href("regios/twente/", section_src("regions")) == "twente/"
    assert href("regios/", section_src("regions")) == "./"


def test_the_page_is_generated_linked_from_home_and_in_the_navigation(catalogue: Catalogue) -> None:
    outputs = {o.src_uri: o.content for o in generate(catalogue, SITE)}
    assert OVERVIEW in outputs
    assert "(overzicht.md)" in str(outputs[HOME])
    assert "Overzicht: overzicht.md" in (REPO / "mkdocs.yml").read_text(encoding="utf-8")


# The region tile map


def test_the_tile_table_places_every_region_exactly_once_on_the_grid(catalogue: Catalogue) -> None:
    regions = [term.id for term in catalogue.vocabularies.regions]
    assert sorted(TILES) == sorted(regions)
    assert len(set(TILES.values())) == len(TILES), "two regions share a tile"
    assert all(0 <= row < ROWS and 0 <= column < COLUMNS for row, column in TILES.values())
    css = (REPO / "docs" / "assets" / "kennisbank.css").read_text(encoding="utf-8")
    for row, column in TILES.values():
        assert f".kb-tile-row-{row} {{ grid-row: {row + 1}; }}" in css
        assert f".kb-tile-col-{column} {{ grid-column: {column + 1}; }}" in css
    assert f"repeat({COLUMNS}," in css


@pytest.mark.parametrize("src", [HOME, section_src("regions")])
def test_each_tile_links_to_its_region_with_its_count_as_text(src: str, catalogue: Catalogue) -> None:
    tree = page_html(region_tiles(catalogue, src))
    tiles = tree.css("ul.kb-tiles > li")
    regions = list(catalogue.vocabularies.regions)
    assert len(tiles) == len(regions)
    names = {term.name: term for term in regions}
    order = []
    for tile in tiles:
        term = names[tile.css_first(".kb-tile-name").text()]
        count = len(catalogue.practices_with("regions", term.id))
        noun = "praktijkvoorbeeld" if count == 1 else "praktijkvoorbeelden"
        assert tile.css_first(".kb-tile-count").text() == f"{count} {noun}"
        assert href(f"regios/{term.id}/", src) == tile.css_first("a").attributes["href"]
        order.append(TILES[term.id])
    assert order == sorted(order), "the list reads north to south, west to east"


def test_home_and_regions_pages_carry_the_tile_map(catalogue: Catalogue) -> None:
    outputs = {o.src_uri: str(o.content) for o in generate(catalogue, SITE)}
    for src in (HOME, section_src("regions")):
        assert region_tiles(catalogue, src) in outputs[src]
