"""/praktijkvoorbeelden/: every practice in one table, sorted by title, region or source date, three static
pages without JavaScript; headers with scope, a caption, aria-sort on the sorted column only."""

from __future__ import annotations

import dataclasses
import datetime as dt
import posixpath
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from kennisbank.addresses import page_url, practice_list_src
from kennisbank.catalogue import Catalogue
from kennisbank.pages import Site, generate
from kennisbank.pages.practice_list import ORDERS, practice_list_page

from .conftest import FIXTURES, REPO, TODAY, repo_catalogue

SITE = Site(url="https://kennisbank.example/", today=TODAY)


class Table(HTMLParser):
    """The table's header cells (with their attributes), row titles and every link."""

    def __init__(self) -> None:
        super().__init__()
        self.headers: list[dict[str, str | None]] = []
        self.row_titles: list[str] = []
        self.cells: list[list[str]] = []
        self.links: list[str] = []
        self.caption = ""
        self._in: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._in.append(tag)
        values = dict(attrs)
        if tag == "th" and values.get("scope") == "col":
            self.headers.append(values)
        if tag == "tr" and "tbody" in self._in:
            self.cells.append([])
        if tag == "a":
            self.links.append(values["href"] or "")

    def handle_endtag(self, tag: str) -> None:
        while self._in and self._in.pop() != tag:
            pass

    def handle_data(self, data: str) -> None:
        if "caption" in self._in:
            self.caption += data
        elif "tbody" in self._in and data.strip():
            if self._in[-2:] == ["th", "a"]:
                self.row_titles.append(data)
            self.cells[-1].append(data.strip())


def parsed(page: str) -> Table:
    table = Table()
    table.feed(page)
    return table


@pytest.fixture(scope="module")
def catalogue() -> Catalogue:
    return repo_catalogue(today=SITE.today)


def test_three_static_pages_one_per_order(catalogue: Catalogue) -> None:
    outputs = {o.src_uri for o in generate(catalogue, SITE)}
    assert {"praktijkvoorbeelden/index.md", "praktijkvoorbeelden/op-regio.md", "praktijkvoorbeelden/op-datum.md"} <= (
        outputs
    )


@pytest.mark.parametrize("order", ORDERS, ids=lambda o: o.sort or "titel")
def test_table_is_accessible_and_marks_the_sorted_column(catalogue: Catalogue, order) -> None:  # type: ignore[no-untyped-def]
    table = parsed(practice_list_page(catalogue, SITE, order))
    assert table.caption.startswith("Alle praktijkvoorbeelden, gesorteerd op ")
    sorted_headers = [h for h in table.headers if "aria-sort" in h]
    assert len(sorted_headers) == 1
    assert table.headers.index(sorted_headers[0]) == order.column
    assert sorted_headers[0]["aria-sort"] == order.direction
    assert len(table.row_titles) == len(catalogue.practices)


def test_orders_sort_by_title_region_and_date(catalogue: Catalogue) -> None:
    by_title, by_region, by_date = (parsed(practice_list_page(catalogue, SITE, o)) for o in ORDERS)
    assert by_title.row_titles == [p.title for p in catalogue.practices]
    regions = [row[1] for row in by_region.cells]
    assert regions == sorted(regions, key=str.casefold)
    titles = {p.title: p for p in catalogue.practices}
    seen = [titles[t].source.date for t in by_date.row_titles]
    assert seen == sorted(seen, reverse=True) and len(set(seen)) > 1


def test_undated_sources_come_last_and_say_so(catalogue: Catalogue) -> None:
    first = catalogue.practices[0]
    undated = dataclasses.replace(first, source=dataclasses.replace(first.source, date=""))
    changed = Catalogue([undated, *catalogue.practices[1:]], catalogue.vocabularies)
    table = parsed(practice_list_page(changed, SITE, ORDERS[2]))
    undated_rows = [i for i, row in enumerate(table.cells) if row[2] == "zonder datum"]
    assert undated_rows == list(range(len(table.cells) - len(undated_rows), len(table.cells)))  # all at the end
    assert first.title in [table.row_titles[i] for i in undated_rows]


def test_old_sources_are_marked_in_the_table() -> None:
    catalogue = repo_catalogue([FIXTURES / "catalogue"], today=SITE.today)
    early = practice_list_page(catalogue, Site(today=dt.date(2023, 1, 1)), ORDERS[0])
    late = practice_list_page(catalogue, Site(today=dt.date(2026, 11, 22)), ORDERS[0])
    assert "(ouder dan drie jaar)" not in early
    assert late.count("(ouder dan drie jaar)") == 2


def test_every_link_in_the_table_reaches_a_generated_page(catalogue: Catalogue) -> None:
    outputs = {o.src_uri for o in generate(catalogue, SITE) if o.is_page}
    handwritten = {str(p.relative_to(REPO / "docs")) for p in (REPO / "docs").rglob("*.md")}
    urls = {page_url(src) for src in outputs | handwritten}
    for order in ORDERS:
        here = page_url(practice_list_src(order.sort))
        for link in parsed(practice_list_page(catalogue, SITE, order)).links:
            path = link.split("#")[0]
            target = posixpath.normpath(posixpath.join("/" + here, path)).lstrip("/")
            target = "" if target == "." else target + "/"
            assert target in urls, (order.sort, link)


def test_navigation_has_the_list() -> None:
    config = Path(REPO / "mkdocs.yml").read_text(encoding="utf-8")
    assert re.search(r"^  - Praktijkvoorbeelden: praktijkvoorbeelden/index\.md$", config, re.M)
