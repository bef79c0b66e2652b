"""The finder on a phone (390 x 844) in headless Chromium: results first, the facets behind one
"Filters" button that counts the ticked filters, focus in the field from the header's magnifier, every
control at least 24 x 24 CSS px (WCAG 2.2, 2.5.8), and axe at 0 violations on phone and desktop."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from .axe import describe, require_axe, violations

pytestmark = [pytest.mark.browser, pytest.mark.slow]

PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 900}

# Every visible control a finger or pointer can hit, on the finder and in the header.
CONTROLS = "a[href], button, input:not([type=hidden]), select, textarea, label[for], summary, [tabindex='0']"


def page_at(browser: Any, viewport: dict[str, int]) -> Iterator[Any]:
    context = browser.new_context(viewport=viewport, locale="nl-NL")
    yield context.new_page()
    context.close()


@pytest.fixture
def phone(browser: Any) -> Iterator[Any]:
    yield from page_at(browser, PHONE)


@pytest.fixture
def desktop(browser: Any) -> Iterator[Any]:
    yield from page_at(browser, DESKTOP)


def search(page: Any, site_url: str, query: str) -> None:
    page.goto(site_url + "zoeken/?q=" + query)
    page.wait_for_selector("#kb-finder[data-ready] .kb-result")


def in_viewport(page: Any, selector: str) -> bool:
    box = page.locator(selector).first.bounding_box()
    return box is not None and box["y"] >= 0 and box["y"] + box["height"] <= PHONE["height"]


def test_after_a_search_the_count_and_first_result_are_in_view(phone: Any, site_url: str) -> None:
    search(phone, site_url, "nazorg")
    assert in_viewport(phone, "#kb-finder-status")
    assert in_viewport(phone, ".kb-result h2 a")
    assert not phone.is_visible("#kb-finder-facets")


def test_the_filters_button_toggles_announces_and_counts(phone: Any, site_url: str) -> None:
    search(phone, site_url, "jongeren")
    button = phone.locator("button.kb-finder-filters")
    assert button.get_attribute("aria-controls") == "kb-finder-facets"
    assert button.get_attribute("aria-expanded") == "false"
    assert button.inner_text() == "Filters"
    button.click()
    assert button.get_attribute("aria-expanded") == "true"
    assert phone.is_visible("#kb-finder-facets")
    before = phone.inner_text("#kb-finder-status")
    assert phone.inner_text("#kb-finder-count") == before
    boxes = phone.locator("#kb-finder-facets input[type=checkbox]")
    boxes.nth(0).check()
    phone.wait_for_function(f"document.getElementById('kb-finder-status').textContent !== {before!r}")
    # The count beside the button follows, and is in view while the box just ticked is.
    assert phone.inner_text("#kb-finder-count") == phone.inner_text("#kb-finder-status")
    last = boxes.last
    last.check()  # far down the facets: the button and the count stay in view above it
    assert button.inner_text() == "Filters (2)"
    assert in_viewport(phone, "#kb-finder-count") and in_viewport(phone, "button.kb-finder-filters")
    assert phone.evaluate(
        "(() => { const b = document.querySelector('.kb-finder-bar').getBoundingClientRect();"
        " const e = document.elementFromPoint(b.left + 5, b.top + b.height / 2);"
        " return e !== null && document.querySelector('.kb-finder-bar').contains(e); })()"
    )
    boxes.nth(1).check()
    boxes.nth(1).uncheck()
    last.uncheck()
    boxes.nth(1).uncheck()
    assert button.inner_text() == "Filters (1)"
    button.click()
    assert button.get_attribute("aria-expanded") == "false"
    assert not phone.is_visible("#kb-finder-facets")
    assert in_viewport(phone, "#kb-finder-status")
    phone.reload()
    phone.wait_for_selector("#kb-finder[data-ready]")
    assert phone.locator("button.kb-finder-filters").inner_text() == "Filters (1)"


def test_the_magnifier_puts_the_focus_in_the_field(phone: Any, site_url: str) -> None:
    phone.goto(site_url + "over/")
    phone.click(".md-header a.kb-header-search-link")
    phone.wait_for_selector("#kb-finder[data-ready]")
    assert phone.evaluate("document.activeElement.id") == "kb-finder-q"


def test_a_load_with_a_query_does_not_take_the_focus(phone: Any, site_url: str) -> None:
    search(phone, site_url, "nazorg")
    assert phone.evaluate("document.activeElement.id") != "kb-finder-q"


def small_targets(page: Any) -> list[str]:
    """Visible controls smaller than 24 x 24 px, unless the WCAG spacing exception holds: a 24 px circle
    centred on the target's box overlaps no other target's circle nor box."""
    return page.evaluate(
        """selector => {
          const all = Array.from(document.querySelectorAll(selector)).filter((el) => {
            const r = el.getBoundingClientRect();
            const s = getComputedStyle(el);
            // A visually hidden label (clipped to nothing) is no target: nothing of it can be hit.
            const clipped = s.clipPath !== "none" && r.width <= 1;
            const shown = s.visibility !== "hidden" && el.closest("[hidden]") === null;
            return r.width > 0 && r.height > 0 && !clipped && shown;
          });
          const boxes = all.map((el) => el.getBoundingClientRect());
          const bad = [];
          all.forEach((el, i) => {
            const r = boxes[i];
            if (r.width >= 24 && r.height >= 24) return;
            const cx = r.left + r.width / 2, cy = r.top + r.height / 2;
            const clash = boxes.some((o, j) => {
              if (j === i || all[j].contains(el) || el.contains(all[j])) return false;
              const dx = Math.max(o.left - cx, 0, cx - o.right), dy = Math.max(o.top - cy, 0, cy - o.bottom);
              return Math.hypot(dx, dy) < 12;
            });
            if (clash) bad.push(el.outerHTML.slice(0, 80) + " " + Math.round(r.width) + "x" + Math.round(r.height));
          });
          return bad;
        }""",
        CONTROLS,
    )


@pytest.mark.parametrize("size", ["phone", "desktop"])
def test_every_control_is_at_least_24_px(size: str, request: pytest.FixtureRequest, site_url: str) -> None:
    page = request.getfixturevalue(size)
    search(page, site_url, "nazorg")
    button = page.locator("button.kb-finder-filters")
    if button.is_visible():
        button.click()
    assert small_targets(page) == []


@pytest.mark.parametrize("size", ["phone", "desktop"])
def test_the_finder_has_no_axe_violations(size: str, request: pytest.FixtureRequest, site_url: str) -> None:
    script = require_axe()
    page = request.getfixturevalue(size)
    search(page, site_url, "nazorg")
    button = page.locator("button.kb-finder-filters")
    if button.is_visible():
        button.click()
        page.mouse.move(0, 0)
        page.wait_for_timeout(400)  # Material's buttons fade their colours; axe must see the settled ones
    found = violations(page, script)
    assert found == [], describe(found)
