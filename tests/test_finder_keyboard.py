"""The finder without a mouse: from the search field Tab reaches the facets, Space ticks one, Tab then
reaches the results, and the focused control is always visibly marked (WCAG 2.1.1, 2.4.3, 2.4.7)."""

from __future__ import annotations

from typing import Any

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.slow]

RESULT_LINK = "#kb-finder-results li a"
FOCUS_STYLE_JS = """el => { const s = getComputedStyle(el);
    return {outline: s.outlineStyle + ' ' + s.outlineWidth + ' ' + s.outlineColor, shadow: s.boxShadow}; }"""


def open_finder(page: Any, site_url: str, query: str = "") -> None:
    page.goto(site_url + "zoeken/" + query)
    page.wait_for_selector("#kb-finder-q", state="visible")
    page.wait_for_selector(RESULT_LINK)


def active(page: Any, js: str) -> Any:
    return page.evaluate(f"(() => {{ const el = document.activeElement; return {js}; }})()")


def tab_until(page: Any, selector: str, limit: int) -> int:
    """Press Tab until the focused element matches ``selector``; the number of presses it took."""
    for presses in range(1, limit + 1):
        page.keyboard.press("Tab")
        if active(page, f"el.matches({selector!r})"):
            return presses
    raise AssertionError(f"{limit} Tab presses did not reach {selector}; focus is on {describe_focus(page)}")


def describe_focus(page: Any) -> str:
    return str(active(page, "el.outerHTML.slice(0, 160)"))


def test_tab_from_search_field_to_a_facet_tick_it_and_reach_the_results(page: Any, site_url: str) -> None:
    open_finder(page, site_url)
    everything = page.text_content("#kb-finder-status")
    page.focus("#kb-finder-q")
    page.keyboard.type("nazorg")
    page.wait_for_function("all => document.querySelector('#kb-finder-status').textContent !== all", arg=everything)
    # The search field, its button, the link to the results, then the first facet: no detours.
    tab_until(page, ".kb-facet input[type=checkbox]", limit=3)
    box = active(page, "({id: el.id, name: el.name, value: el.value, checked: el.checked})")
    assert not box["checked"]
    before = page.text_content("#kb-finder-status")
    page.keyboard.press("Space")
    assert active(page, "el.checked"), "Space did not tick the focused checkbox"
    assert page.is_checked(f"#{box['id']}")
    page.wait_for_function(f"location.search.includes('{box['name']}={box['value']}')")
    page.wait_for_function("before => document.querySelector('#kb-finder-status').textContent !== before", arg=before)
    # On from the facets to the first result; every facet is a stop on the way, so allow for all of them.
    stops = page.locator(".kb-finder-form input, .kb-finder-form button").count()
    tab_until(page, RESULT_LINK, limit=stops + 5)
    first = page.locator(RESULT_LINK).first
    assert first.evaluate("el => el === document.activeElement"), describe_focus(page)
    page.keyboard.press("Enter")
    page.wait_for_url("**/praktijkvoorbeelden/**")


@pytest.mark.parametrize(
    "selector", ["#kb-finder-q", ".kb-facet input[type=checkbox]", ".kb-finder-form button", RESULT_LINK]
)
def test_focused_finder_controls_are_visibly_marked(selector: str, page: Any, site_url: str) -> None:
    open_finder(page, site_url)
    element = page.locator(selector).first
    unfocused = element.evaluate(FOCUS_STYLE_JS)
    # Reach it by keyboard (Shift+Tab then Tab), so the browser applies :focus-visible as for a keyboard user.
    element.focus()
    page.keyboard.press("Shift+Tab")
    page.keyboard.press("Tab")
    assert element.evaluate("el => el === document.activeElement"), describe_focus(page)
    focused = element.evaluate(FOCUS_STYLE_JS)
    assert focused != unfocused, f"{selector}: focus changes nothing visible ({focused})"
    assert not focused["outline"].startswith("none") or focused["shadow"] != "none", focused


def test_link_from_the_search_field_straight_to_the_results(page: Any, site_url: str) -> None:
    """Without it a keyboard user passes every facet checkbox on the way to the results."""
    open_finder(page, site_url, "?q=nazorg")
    page.focus("#kb-finder-q")
    tab_until(page, "a.kb-finder-skip", limit=2)
    page.keyboard.press("Enter")
    page.keyboard.press("Tab")
    first = page.locator(RESULT_LINK).first
    assert first.evaluate("el => el === document.activeElement"), describe_focus(page)
