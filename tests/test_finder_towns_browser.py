"""A town typed into the finder, in headless Chromium: its region's practices come first, those naming the town
before the others, and 'Ook op deze site' says which labour-market region the town lies in and links to it."""

from __future__ import annotations

import pytest

from kennisbank.addresses import page_url, term_src
from kennisbank.search.index import build_search_data
from kennisbank.search.query import Searcher

from .conftest import repo_catalogue
from .test_finder_browser import open_finder, slugs, watched

pytestmark = [pytest.mark.browser, pytest.mark.slow]
__all__ = ["watched"]  # the fixture, shared with test_finder_browser


@pytest.mark.parametrize("town", ["Enschede", "Almelo", "Weesp"])
def test_a_town_finds_its_regions_practices_and_names_its_region(watched, site_url: str, town: str) -> None:  # type: ignore[no-untyped-def]
    catalogue = repo_catalogue()
    match = catalogue.vocabularies.municipalities.find(town)
    assert match is not None
    region = catalogue.vocabularies.regions[match.municipality.region]
    in_region = [p.slug for p in catalogue.practices if p.region == region.id]
    naming = [p.slug for p in catalogue.practices if match.municipality.name in p.municipalities]
    open_finder(watched, site_url, f"?q={town}")
    watched.wait_for_selector(".kb-result")
    shown = slugs(watched)
    assert shown == [r.slug for r in Searcher(build_search_data(catalogue)).search(town)]
    assert set(shown[: len(in_region)]) == set(in_region)
    assert set(shown[: len(naming)]) == set(naming)
    watched.wait_for_selector("#kb-finder-pages[data-ready]", state="attached")
    note = watched.locator("#kb-finder-pages:not([hidden]) li.kb-finder-town")
    assert note.inner_text().startswith(f"{town} hoort bij arbeidsmarktregio {region.name}")
    assert note.locator("a").get_attribute("href") == "../" + page_url(term_src("regions", region.id))
    note.locator("a").click()
    watched.wait_for_url(site_url + page_url(term_src("regions", region.id)))
    assert match.municipality.name in watched.locator("article").inner_text()
    assert not watched.errors and not watched.offsite
