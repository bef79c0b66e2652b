"""The overview (/overzicht/) and the region tile map in Chromium: a cell's link opens the finder with the
cell's two facets ticked and as many results as the cell says; the tables print on A4 landscape, other
pages stay portrait; the tiles are a list of links a screen reader hears with their counts."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlparse

import pytest

from kennisbank.entry.pdf import print_pdf
from kennisbank.facets import FACETS

pytestmark = [pytest.mark.browser, pytest.mark.slow]

PDFINFO = Path("/usr/bin/pdfinfo")
BY_PARAM = {facet.param: facet for facet in FACETS}
CELLS_JS = """() => [...document.querySelectorAll('table.kb-map td:not(.kb-map-empty) a')]
    .map(a => ({href: a.href, raw: a.getAttribute('href'), count: a.querySelector('.kb-map-count').textContent}))"""


def sample(items: list[Any], n: int) -> list[Any]:
    """``n`` items spread evenly over the list, first and last included."""
    if len(items) <= n:
        return items
    return [items[round(i * (len(items) - 1) / (n - 1))] for i in range(n)]


def status_count(page: Any) -> int:
    page.wait_for_selector("#kb-finder[data-ready]", state="attached")
    status = page.inner_text("#kb-finder-status")
    match = re.fullmatch(r"(\d+) resulta(at|ten)", status)
    assert match, status
    return int(match.group(1))


def test_a_cells_link_opens_the_finder_with_its_filters_and_count(page: Any, site_url: str) -> None:
    page.goto(site_url + "overzicht/")
    cells = page.evaluate(CELLS_JS)
    assert cells, "no cell with practices"
    for cell in sample(cells, 10):
        page.goto(site_url + "overzicht/")
        page.locator(f'table.kb-map a[href="{cell["raw"]}"]').first.click()
        assert urlparse(page.url).path.endswith("/zoeken/")
        assert status_count(page) == int(cell["count"]), cell
        query = parse_qs(urlparse(cell["href"]).query)
        ticked: dict[str, list[str]] = {}
        for box in page.query_selector_all(".kb-facet input:checked"):
            ticked.setdefault(box.get_attribute("name") or "", []).append(box.get_attribute("value") or "")
        assert ticked == query, cell
        assert len(ticked) == 2 and all(param in BY_PARAM for param in ticked)


def test_a_cell_opened_by_keyboard_lands_in_the_finder(page: Any, site_url: str) -> None:
    page.goto(site_url + "overzicht/")
    first = page.locator("table.kb-map td:not(.kb-map-empty) a").first
    count = int(first.locator(".kb-map-count").inner_text())
    first.focus()
    page.keyboard.press("Enter")
    page.wait_for_url("**/zoeken/?**")
    assert status_count(page) == count


def page_size(pdf: bytes, folder: Path) -> tuple[float, float]:
    path = folder / "page.pdf"
    path.write_bytes(pdf)
    info = subprocess.run([PDFINFO, path], capture_output=True, text=True, check=True).stdout
    match = re.search(r"^Page size:\s+([\d.]+) x ([\d.]+) pts", info, re.MULTILINE)
    assert match, info
    return float(match.group(1)), float(match.group(2))


def test_the_overview_prints_on_a4_landscape_and_other_pages_stay_portrait(
    page: Any, site_url: str, tmp_path: Path
) -> None:
    if not PDFINFO.exists():
        pytest.skip(f"{PDFINFO} not found: install Debian's 'poppler-utils'")
    pdf = print_pdf(page, site_url + "overzicht/")
    width, height = page_size(pdf, tmp_path)
    assert (round(width), round(height)) == (842, 595)
    # The cells' links do not write out their addresses on paper: the counts and levels are what counts.
    text = subprocess.run(["pdftotext", tmp_path / "page.pdf", "-"], capture_output=True, text=True, check=True)
    assert "Thema's en doelgroepen" in text.stdout
    assert "zoeken/?" not in text.stdout and "issues/new" not in text.stdout
    width, height = page_size(print_pdf(page, site_url + "regios/"), tmp_path)
    assert (round(width), round(height)) == (595, 842)


@pytest.mark.parametrize("path", ["", "regios/"])
def test_tiles_are_a_list_of_links_named_with_their_counts(path: str, page: Any, site_url: str) -> None:
    page.goto(site_url + path)
    tiles = page.locator("ul.kb-tiles > li > a")
    assert tiles.count() == 36
    names = tiles.evaluate_all("links => links.map(a => a.textContent.replace(/\\s+/g, ' ').trim())")
    assert all(re.fullmatch(r".+ \d+ praktijkvoorbeeld(en)?", name) for name in names), names
    # Each tile lies on the grid where its class puts it: Groningen north of Zuid-Limburg, Zeeland west of Twente.
    box = {name.rsplit(" ", 2)[0]: tiles.nth(i).bounding_box() for i, name in enumerate(names)}
    assert box["Groningen"]["y"] < box["Zuid-Limburg"]["y"]
    assert box["Zeeland"]["x"] < box["Twente"]["x"]
    twente = tiles.filter(has_text="Twente").first
    twente.click()
    assert urlparse(page.url).path.endswith("/regios/twente/")


SCRIPTS_JS = (
    "() => [...document.scripts].map(s => s.getAttribute('src') || 'inline').map(s => s.replace(/^(\\.\\.\\/)+/, ''))"
)


def test_the_maps_load_no_script_of_their_own_and_ask_no_other_host(page: Any, site_url: str) -> None:
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    page.goto(site_url + "themas/")
    ordinary = sorted(page.evaluate(SCRIPTS_JS))
    for path in ("overzicht/", "regios/", ""):
        page.goto(site_url + path, wait_until="networkidle")
        assert sorted(page.evaluate(SCRIPTS_JS)) == ordinary, path
    assert requested and all(urlparse(url).hostname == "127.0.0.1" for url in requested), requested
