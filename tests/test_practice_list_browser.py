"""/praktijkvoorbeelden/ in Chromium without JavaScript: the navigation tab leads there, a column header
sorts by opening the other static page, and every row leads to its practice; the practice page shows the
source's date and the evidence disclaimer."""

from __future__ import annotations

from typing import Any

import pytest

from kennisbank.pages.trust import EVIDENCE_NOTE

from .conftest import repo_catalogue

pytestmark = [pytest.mark.browser, pytest.mark.slow]


def sorted_column(page: Any) -> tuple[str, str]:
    header = page.locator("thead th[aria-sort]")
    assert header.count() == 1
    return header.inner_text().strip(), header.get_attribute("aria-sort")


def test_list_sorts_without_javascript(browser: Any, site_url: str) -> None:
    catalogue = repo_catalogue()
    context = browser.new_context(locale="nl-NL", java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(site_url)
        page.get_by_role("link", name="Praktijkvoorbeelden", exact=True).first.click()
        assert page.url == site_url + "praktijkvoorbeelden/"
        assert sorted_column(page) == ("Titel", "ascending")
        rows = page.locator("tbody th[scope=row] a")
        assert rows.count() == len(catalogue.practices)
        assert rows.all_inner_texts() == [p.title for p in catalogue.practices]

        page.locator("thead").get_by_role("link", name="Regio").click()
        assert page.url == site_url + "praktijkvoorbeelden/op-regio/"
        assert sorted_column(page)[1] == "ascending" and sorted_column(page)[0].startswith("Regio")
        regions = page.locator("tbody tr td:nth-child(2)").all_inner_texts()
        assert regions == sorted(regions, key=str.casefold)

        page.locator("thead").get_by_role("link", name="Datum van de bron").click()
        assert page.url == site_url + "praktijkvoorbeelden/op-datum/"
        assert sorted_column(page)[1] == "descending"
        dates = page.locator("tbody time").evaluate_all("els => els.map(e => e.getAttribute('datetime'))")
        assert dates == sorted(dates, reverse=True)

        first = page.locator("tbody th[scope=row] a").first
        title = first.inner_text()
        first.click()
        assert page.locator("h1").inner_text().removesuffix("¶").strip() == title  # without the permalink
        practice = next(p for p in catalogue.practices if p.title == title)
        assert page.locator(".kb-dates").inner_text().startswith("Bron: ")
        assert EVIDENCE_NOTE in page.locator(".kb-meta").inner_text()
        assert practice.url in page.url
    finally:
        context.close()
