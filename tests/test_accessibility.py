"""WCAG 2.1 AA in a real browser: axe-core on every kind of page, heading order, the skip link,
visible keyboard focus and reflow on a phone-sized screen (WCAG 1.4.10)."""

from __future__ import annotations

from itertools import pairwise
from pathlib import Path
from typing import Any

import pytest

from kennisbank.model import Practice

from .axe import describe, require_axe, violations
from .conftest import repo_catalogue

pytestmark = [pytest.mark.browser, pytest.mark.slow]

# WCAG 1.4.10 measures reflow at 320 CSS pixels wide (a 1280px screen at 400% zoom); phones are wider.
PHONE = {"width": 320, "height": 640}

# The rendered headings in document order (hidden ones, e.g. a no-script fallback, are not read out).
HEADINGS_JS = """() => [...document.querySelectorAll('h1, h2, h3, h4, h5, h6')]
    .filter(h => h.checkVisibility())
    .map(h => ({level: Number(h.tagName[1]), text: h.textContent.trim().slice(0, 60)}))"""


def richest_practice() -> Practice:
    """The practice that shows most of the page's parts: contacts, key figures, success factors."""

    def score(p: Practice) -> tuple[bool, bool, int, int, str]:
        return (len(p.contacts) > 0, len(p.key_figures) > 0, len(p.success_factors), len(p.body), p.slug)

    return max(repo_catalogue().practices, key=score)


def page_kinds() -> dict[str, str]:
    """One URL (relative to the site root) for each kind of page."""
    practice = richest_practice()
    theme, region = practice.themes[0], practice.region
    return {
        "home": "",
        "practice": practice.url,
        "practice-list": "praktijkvoorbeelden/",
        "practice-list-by-region": "praktijkvoorbeelden/op-regio/",
        "practice-list-by-date": "praktijkvoorbeelden/op-datum/",
        "themes": "themas/",
        "theme": f"themas/{theme}/",
        "theme-print": f"themas/{theme}/afdrukken/",
        "target-groups": "doelgroepen/",
        "target-group": f"doelgroepen/{practice.target_groups[0]}/",
        "regions": "regios/",
        "region": f"regios/{region}/",
        "region-print": f"regios/{region}/afdrukken/",
        "phase": f"fasen/{practice.phases[0]}/",
        "evidence-ladder": "bewijsladder/",
        "success-factors": "handvatten/",
        "contacts": "contacten/",
        "news": "nieuw/",
        "finder": "zoeken/",
        "overview": "overzicht/",
        "finder-with-query": "zoeken/?q=nazorg",
        "finder-with-site-pages": "zoeken/?q=privacy",
        "finder-with-facet": f"zoeken/?thema={theme}",
        "finder-with-query-and-facets": f"zoeken/?q=jongeren&thema={theme}&regio={region}",
        "finder-partial-match": "zoeken/?q=xyzzy%20nazorg",
        "finder-no-match": "zoeken/?q=xyzzy%20jongxyz",
        "glossary": "begrippen/",
        "about": "over/",
        "privacy": "privacy/",
        "accessibility-statement": "toegankelijkheid/",
        "not-found": "niet/bestaand/adres/",  # the server answers with the site's 404.html
    }


PAGE_KINDS = page_kinds()
# Pages whose script changes them after loading: what to wait for before checking.
FINDER_RESULTS = "#kb-finder-results li a"
READY: dict[str, tuple[str, ...]] = {
    "finder": (FINDER_RESULTS,),
    "finder-with-query": (FINDER_RESULTS, "#kb-finder-results mark"),
    "finder-with-site-pages": ("#kb-finder-pages:not([hidden]) a",),
    "finder-with-facet": (FINDER_RESULTS, ".kb-facet input:checked"),
    "finder-with-query-and-facets": (FINDER_RESULTS, ".kb-facet input:checked"),
    "finder-partial-match": (FINDER_RESULTS, "#kb-finder-note:not([hidden])"),
    "finder-no-match": ("#kb-finder-near:not([hidden]) a", ".kb-finder-browse:not([hidden])"),
}


def open_page(page: Any, site_url: str, kind: str) -> None:
    page.goto(site_url + PAGE_KINDS[kind])
    for selector in READY.get(kind, ()):
        # Attached, not visible: on a phone the ticked facets are folded behind the Filters button.
        page.wait_for_selector(selector, state="attached")


@pytest.fixture(scope="module")
def axe_script() -> Path:
    return require_axe()


def heading_problems(headings: list[dict[str, Any]]) -> list[str]:
    """One H1, first; no level skipped on the way down (an H2 may follow an H4, not an H3 an H1)."""
    problems = []
    if [h["level"] for h in headings].count(1) != 1:
        problems.append(f"expected exactly one h1, got {[h['text'] for h in headings if h['level'] == 1]}")
    if headings and headings[0]["level"] != 1:
        problems.append(f"first heading is h{headings[0]['level']} {headings[0]['text']!r}, not h1")
    for before, after in pairwise(headings):
        if after["level"] > before["level"] + 1:
            problems.append(f"h{before['level']} {before['text']!r} is followed by h{after['level']} {after['text']!r}")
    return problems


@pytest.mark.parametrize("kind", PAGE_KINDS)
def test_page_has_no_axe_violations(kind: str, page: Any, site_url: str, axe_script: Path) -> None:
    open_page(page, site_url, kind)
    found = violations(page, axe_script)
    if found:
        pytest.fail(f"axe found WCAG 2.1 A/AA violations on /{PAGE_KINDS[kind]}:\n{describe(found)}", pytrace=False)


@pytest.mark.parametrize("kind", PAGE_KINDS)
def test_page_is_dutch_with_skip_link_and_ordered_headings(kind: str, page: Any, site_url: str) -> None:
    open_page(page, site_url, kind)
    assert page.evaluate("document.documentElement.lang") == "nl"
    skip = page.locator("a.md-skip")
    assert skip.count() == 1, "no skip link"
    target = skip.get_attribute("href")
    assert target and target.startswith("#") and page.locator(target).count() == 1, target
    problems = heading_problems(page.evaluate(HEADINGS_JS))
    assert not problems, "\n".join(problems)


def test_axe_check_reports_rule_and_element(page: Any, axe_script: Path) -> None:
    """The check itself: a page with known faults must fail, naming rule and element."""
    page.set_content(
        '<html><body><main><h1>Test</h1><p style="color:#999;background:#fff">licht grijs</p>'
        '<img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" id="zonder-alt"></main></body></html>'
    )
    found = violations(page, axe_script)
    report = describe(found)
    assert {"html-has-lang", "image-alt", "color-contrast"} <= {v["id"] for v in found}, report
    assert "#zonder-alt" in report


def test_heading_check_finds_a_skipped_level() -> None:
    headings = [{"level": 1, "text": "Thema"}, {"level": 3, "text": "Voorbeeld"}]
    assert heading_problems(headings) == ["h1 'Thema' is followed by h3 'Voorbeeld'"]
    assert heading_problems([{"level": 1, "text": "a"}, {"level": 2, "text": "b"}, {"level": 2, "text": "c"}]) == []


def test_skip_link_is_first_and_moves_focus_to_the_content(page: Any, site_url: str) -> None:
    page.goto(site_url + PAGE_KINDS["practice"])
    page.keyboard.press("Tab")
    skip = page.locator("a.md-skip")
    assert page.evaluate("document.activeElement.classList.contains('md-skip')")
    page.wait_for_function("getComputedStyle(document.querySelector('a.md-skip')).opacity === '1'")
    assert skip.is_visible()
    page.keyboard.press("Enter")
    assert page.url.endswith(skip.get_attribute("href") or "?")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.closest('.md-content') !== null"), page.evaluate(
        "document.activeElement.outerHTML.slice(0, 200)"
    )


FOCUS_STYLE_JS = """el => { const s = getComputedStyle(el);
    return [s.outlineStyle, s.outlineWidth, s.outlineColor, s.boxShadow].join(' | '); }"""


def test_keyboard_focus_is_visible_on_links_and_tabs(page: Any, site_url: str) -> None:
    page.goto(site_url + PAGE_KINDS["practice"])
    for selector in (".md-content a[href]:not(.headerlink)", ".md-tabs__link"):
        element = page.locator(selector).first
        unfocused = element.evaluate(FOCUS_STYLE_JS)
        page.evaluate("el => el.blur()", element.element_handle())
        # Focus as a keyboard user does, so :focus-visible applies.
        element.focus()
        page.keyboard.press("Shift+Tab")
        page.keyboard.press("Tab")
        assert element.evaluate("el => el === document.activeElement")
        focused = element.evaluate(FOCUS_STYLE_JS)
        assert focused != unfocused, (selector, focused)
        assert "none" not in focused.split(" | ")[0], (selector, focused)


@pytest.mark.parametrize(
    "kind",
    # home and regions: the tile map; overview: its tables scroll inside their own region
    [
        *(
            "practice",
            "practice-list",
            "contacts",
            "theme-print",
            "region-print",
            "finder",
            "finder-with-query-and-facets",
        ),
        *("home", "regions", "overview"),
    ],
)
def test_phone_width_needs_no_horizontal_scrolling(kind: str, page: Any, site_url: str) -> None:
    page.set_viewport_size(PHONE)
    open_page(page, site_url, kind)
    widths = page.evaluate("[document.documentElement.scrollWidth, document.documentElement.clientWidth]")
    assert widths[0] <= widths[1], f"/{PAGE_KINDS[kind]} is {widths[0]}px wide in a {widths[1]}px viewport"
