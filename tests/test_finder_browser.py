"""The finder in real headless Chromium: the same ranking as ``kennisbank search``, facets, the URL
as state (reload, back button), Dutch stems computed by lunr.nl.js, no console errors, no script."""

from __future__ import annotations

from collections.abc import Iterator
from urllib.parse import urlparse

import pytest

from kennisbank.pipeline import build_catalogue
from kennisbank.search.index import build_search_data
from kennisbank.search.pipeline import stem
from kennisbank.search.query import Filters, Searcher

pytestmark = [pytest.mark.browser, pytest.mark.slow]

QUERIES = [
    "nazorg vso",
    "heftruck certificaat",
    "vsv Twente",
    "voortijdig schoolverlaters",
    "praktijkverklarign",
    "wat doen regio's voor vso-leerlingen in de nazorg?",
    "stages",
    "coördinatie",
    "jongeren werk school",
]


@pytest.fixture(scope="module")
def searcher() -> Searcher:
    return Searcher(build_search_data(build_catalogue()))


@pytest.fixture
def watched(page):  # type: ignore[no-untyped-def]
    """The page, with console errors and requests to other hosts collected."""
    errors: list[str] = []
    offsite: list[str] = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: errors.append(str(e)))

    def route(r):  # type: ignore[no-untyped-def]
        if urlparse(r.request.url).hostname == "127.0.0.1":
            return r.continue_()
        offsite.append(r.request.url)
        return r.fulfill(status=204, body="")

    page.route("**/*", route)
    page.errors, page.offsite = errors, offsite
    yield page


def open_finder(page, site_url: str, query: str = "") -> None:  # type: ignore[no-untyped-def]
    page.goto(site_url + "zoeken/" + query)
    page.wait_for_selector("#kb-finder[data-ready]")


def slugs(page, n: int = 100) -> list[str]:  # type: ignore[no-untyped-def]
    hrefs = page.eval_on_selector_all(".kb-result h2 a", "links => links.map(a => a.getAttribute('href'))")
    return [h.rstrip("/").rsplit("/", 1)[-1] for h in hrefs][:n]


def wait_for_results(page) -> None:  # type: ignore[no-untyped-def]
    page.wait_for_function("document.querySelector('#kb-finder').dataset.ready > '1'")


def test_finder_ranks_like_the_command_line(watched, site_url: str, searcher: Searcher) -> None:  # type: ignore[no-untyped-def]
    for query in QUERIES:
        open_finder(watched, site_url, "?q=" + query)
        expected = [r.slug for r in searcher.search(query)]
        assert expected, query
        assert slugs(watched) == expected[:50], query
        status = watched.inner_text("#kb-finder-status")
        assert status == (f"{len(expected)} resultaten" if len(expected) != 1 else "1 resultaat")
    assert not watched.errors
    assert all("api.github.com" in url for url in watched.offsite), watched.offsite


def test_typing_and_ticking_update_results_counts_and_url(watched, site_url: str, searcher: Searcher) -> None:  # type: ignore[no-untyped-def]
    open_finder(watched, site_url)
    catalogue = build_catalogue()
    assert len(slugs(watched)) == len(catalogue.practices)
    watched.fill("#kb-finder-q", "jongeren")
    watched.wait_for_function(
        f"document.querySelector('#kb-finder-status').textContent !== '{len(catalogue.practices)} resultaten'"
    )
    twente_label = watched.inner_text("label[for='kb-regio-twente']")
    expected_twente = [r.slug for r in searcher.search("jongeren", Filters({"region": frozenset({"twente"})}))]
    assert twente_label.endswith(f"({len(expected_twente)})")
    watched.check("#kb-regio-twente")
    watched.wait_for_function("location.search.includes('regio=twente')")
    assert slugs(watched) == expected_twente
    assert "q=jongeren" in watched.url
    marks = watched.eval_on_selector_all(".kb-result mark", "ms => ms.map(m => m.textContent.toLowerCase())")
    assert marks and all(stem(m) == stem("jongeren") for m in marks)
    # reload: the same view
    watched.reload()
    watched.wait_for_selector("#kb-finder[data-ready]")
    assert watched.input_value("#kb-finder-q") == "jongeren"
    assert watched.is_checked("#kb-regio-twente")
    assert slugs(watched) == expected_twente
    # back: the view before ticking Twente
    watched.uncheck("#kb-regio-twente")
    watched.wait_for_function("!location.search.includes('regio=twente')")
    watched.go_back()
    watched.wait_for_function("location.search.includes('regio=twente')")
    watched.wait_for_function("document.querySelector('#kb-regio-twente').checked")
    assert slugs(watched) == expected_twente
    assert not watched.errors


def test_keyboard_reaches_the_facets_and_ticks_with_space(watched, site_url: str) -> None:  # type: ignore[no-untyped-def]
    open_finder(watched, site_url)
    watched.focus("#kb-finder-q")
    for _ in range(10):
        watched.keyboard.press("Tab")
        if watched.evaluate("document.activeElement.type") == "checkbox":
            break
    box = watched.evaluate("document.activeElement.id")
    assert box.startswith("kb-")
    watched.keyboard.press("Space")
    watched.wait_for_function(f"document.getElementById('{box}').checked && location.search.length > 1")
    assert not watched.errors


def test_lunr_nl_stems_as_the_build_does(watched, site_url: str, searcher: Searcher) -> None:  # type: ignore[no-untyped-def]
    open_finder(watched, site_url)
    vocabulary = searcher.data.vocabulary
    browser = watched.evaluate("words => words.map(w => lunr.nl.stemmer(w))", vocabulary)
    assert browser == [stem(w) for w in vocabulary]


def test_without_javascript_the_page_links_to_the_indexes(browser, site_url: str) -> None:  # type: ignore[no-untyped-def]
    context = browser.new_context(java_script_enabled=False, locale="nl-NL")
    page = context.new_page()
    try:
        page.goto(site_url + "zoeken/")
        assert not page.is_visible("#kb-finder-q")
        for index in ("themas", "doelgroepen", "regios"):
            assert page.is_visible(f".kb-finder-browse a[href='../{index}/']")
    finally:
        context.close()


@pytest.fixture
def phone(browser) -> Iterator[object]:  # type: ignore[no-untyped-def]
    context = browser.new_context(viewport={"width": 375, "height": 740}, locale="nl-NL")
    yield context.new_page()
    context.close()


def test_on_a_phone_nothing_is_wider_than_the_screen(phone, site_url: str) -> None:  # type: ignore[no-untyped-def]
    open_finder(phone, site_url, "?q=nazorg")
    width = phone.evaluate("document.documentElement.scrollWidth")
    assert width <= 375


def test_materials_own_search_box_finds_practices_by_their_text(watched, site_url: str) -> None:  # type: ignore[no-untyped-def]
    watched.goto(site_url + "over/")
    watched.click("input[data-md-component='search-query']")
    watched.keyboard.type("heftruckcursus")
    watched.wait_for_selector(".md-search-result__item a[href*='praktijkvoorbeelden/id-college-entree-naar-werk']")
    assert watched.get_attribute("input[data-md-component='search-query']", "placeholder") == "Zoeken"
