"""The frame of every page in Chromium (issue 18): the Dutch 404 page at any depth with its search field,
the colophon in the footer, and the theme, target-group and region pages under their tab, with the finder
one click away with the term's filter on. axe runs on these pages in tests/test_accessibility.py."""

from __future__ import annotations

from typing import Any

import pytest

from kennisbank.facets import BY_KEY

from .conftest import repo_catalogue

pytestmark = [pytest.mark.browser, pytest.mark.slow]

WIDE = {"width": 1400, "height": 900}  # wide enough for Material's left column and tabs
CHECKED_JS = "([name, value]) => document.querySelector(`.kb-facet input[name='${name}'][value='${value}']`)?.checked"
SECTIONS = {"themes": "themas", "target_groups": "doelgroepen", "regions": "regios"}


@pytest.mark.parametrize("address", ["bestaat-niet", "praktijkvoorbeelden/oud/adres/", "a/b/c/d.html"])
def test_an_unknown_address_gets_the_dutch_404_page_with_its_styles(page: Any, site_url: str, address: str) -> None:
    response = page.goto(site_url + address)
    assert response.status == 404
    assert page.locator("h1").inner_text() == "Pagina niet gevonden"
    # Material's stylesheet loaded from the deep address: the header is fixed at the top, as on every page.
    assert page.evaluate("getComputedStyle(document.querySelector('.md-header')).position") == "sticky"
    for label, path in (("Thema's", "themas/"), ("Doelgroepen", "doelgroepen/"), ("Regio's", "regios/")):
        link = page.locator("article").get_by_role("link", name=label, exact=True)
        assert link.evaluate("a => a.href") == site_url + path


def test_the_404_search_field_opens_the_finder_with_the_query(page: Any, site_url: str) -> None:
    page.goto(site_url + "oud/adres/")
    page.get_by_label("Zoek in de praktijkvoorbeelden", exact=True).last.fill("nazorg")
    page.locator(".kb-notfound-search button").click()
    page.wait_for_url("**/zoeken/?q=nazorg")
    page.wait_for_selector("#kb-finder-results li a")
    assert page.locator("#kb-finder-results li").count() > 0


@pytest.mark.parametrize("path", ["", "themas/", "over/"])
def test_the_colophon_is_in_the_footer_and_its_links_work(page: Any, site_url: str, path: str) -> None:
    page.goto(site_url + path)
    footer = page.locator("footer .kb-colophon")
    assert footer.is_visible()
    assert "Made with" not in page.locator("footer").inner_text()
    for name in ("catalogus.json", "catalogus.csv", "Privacy", "Toegankelijkheid"):
        href = footer.get_by_role("link", name=name, exact=True).evaluate("a => a.href")
        assert page.request.get(href).status == 200, href
    assert footer.get_by_role("link", name="EUPL-1.2").count() == 1
    assert footer.get_by_role("link", name="CC BY 4.0").count() == 1


def test_the_header_link_to_the_repository_says_what_it_is(page: Any, site_url: str) -> None:
    page.set_viewport_size(WIDE)
    page.goto(site_url)
    source = page.locator(".md-header .md-source")
    assert source.inner_text().strip() == "Meewerken op GitHub"


@pytest.mark.parametrize("key", SECTIONS)
def test_a_term_page_is_under_its_tab_with_a_left_column_and_no_toc(page: Any, site_url: str, key: str) -> None:
    catalogue = repo_catalogue()
    term = next(t for t in catalogue.vocabularies.by_key(key) if catalogue.practices_with(key, t.id))
    facet = BY_KEY[key]
    page.set_viewport_size(WIDE)
    page.goto(f"{site_url}{SECTIONS[key]}/{term.id}/")
    assert page.locator(".md-tabs__item--active").inner_text().strip() == facet.title
    assert page.locator(".md-sidebar--secondary").is_hidden()
    primary = page.locator(".md-sidebar--primary")
    assert primary.is_visible()
    assert primary.locator(".md-nav__link--active").first.inner_text().strip() == term.name
    # Every listed practice names its target groups, phase and evidence as well.
    facts = page.locator(".kb-listed-facts").all_inner_texts()
    assert len(facts) == len(catalogue.practices_with(key, term.id))
    for line in facts:
        for label in ("Regio:", "Thema's:", "Doelgroepen:", "Fase:", "Bewijsniveau:"):
            assert label in line, line
    page.locator(".kb-finder-link").click()
    page.wait_for_url(f"**/zoeken/?{facet.param}={term.id}")
    checked = page.locator(f'.kb-facet input[name="{facet.param}"][value="{term.id}"]')
    checked.wait_for(state="attached")
    page.wait_for_function(CHECKED_JS, arg=[facet.param, term.id])
    page.wait_for_selector("#kb-finder-results li a", state="attached")
    assert page.locator("#kb-finder-results li").count() == len(catalogue.practices_with(key, term.id))


def test_the_phone_menu_of_a_term_page_lists_the_sections_terms_without_a_table_of_contents(
    page: Any, site_url: str
) -> None:
    catalogue = repo_catalogue()
    term = next(t for t in catalogue.vocabularies.themes if catalogue.practices_with("themes", t.id))
    page.set_viewport_size({"width": 390, "height": 800})
    page.goto(f"{site_url}themas/{term.id}/")
    page.locator('label.md-header__button[for="__drawer"]').click()
    drawer = page.locator(".md-nav--primary")
    current = drawer.locator("a.md-nav__link--active").first
    current.wait_for(state="visible")
    assert current.inner_text().strip() == term.name
    assert drawer.locator(".md-nav--secondary").first.is_hidden()
    assert drawer.locator('label[for="__toc"]').first.is_hidden()
