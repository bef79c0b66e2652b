"""'Mijn selectie' in Chromium: save from a practice page and from the finder, order by keyboard, share,
open the link in a fresh browser, print to PDF and read it back with pdftotext; stale and hostile
selections; the page without JavaScript; axe on /selectie/ in each state."""

from __future__ import annotations

import datetime as dt
import json
import re
import subprocess
from pathlib import Path
from typing import Any

import pytest

from kennisbank.entry.pdf import render_pdf
from kennisbank.markup import dutch_date

from .axe import describe, require_axe, violations
from .conftest import repo_catalogue
from .test_print import PDFTOTEXT, compact, dehyphenated

pytestmark = pytest.mark.browser

STORAGE_KEY = "kennisbank-selectie"


@pytest.fixture(scope="module")
def practices() -> list[Any]:
    return list(repo_catalogue().practices)


@pytest.fixture
def watched(page: Any) -> Any:
    """The page, failing the test on any script error, dialog or request to another host."""
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.on("dialog", lambda dialog: errors.append("dialog: " + dialog.message))
    page.on(
        "request",
        lambda request: None if request.url.startswith("http://127.0.0.1") else errors.append(request.url),
    )
    yield page
    assert errors == []


def stored(page: Any) -> dict[str, Any]:
    return json.loads(page.evaluate(f"localStorage.getItem('{STORAGE_KEY}')") or "null")


def list_titles(page: Any) -> list[str]:
    page.wait_for_selector("#kb-selection-list li")
    return [t.strip() for t in page.locator("#kb-selection-list li > a").all_text_contents()]


def pdf_text(pdf: bytes, folder: Path) -> str:
    path = folder / "selection.pdf"
    path.write_bytes(pdf)
    return subprocess.run([PDFTOTEXT, "-enc", "UTF-8", path, "-"], capture_output=True, text=True, check=True).stdout


def print_selection(page: Any, folder: Path) -> str:
    page.wait_for_function("document.querySelectorAll('#kb-selection-bundle .kb-print-practice').length > 0")
    page.emulate_media(media="print")
    text = pdf_text(render_pdf(page), folder)
    page.emulate_media(media="screen")
    return text


def test_toggle_on_a_practice_page_is_pressed_announced_and_counted(watched: Any, site_url: str, practices) -> None:
    practice = practices[0]
    watched.goto(site_url + practice.url)
    button = watched.get_by_role("button", name="Bewaar in mijn selectie")
    assert button.get_attribute("aria-pressed") == "false"
    button.focus()
    watched.keyboard.press("Enter")
    assert button.get_attribute("aria-pressed") == "true"
    assert watched.locator(".kb-selection-count").first.text_content() == " (1)"
    assert " ".join(watched.locator(".kb-selection-link").inner_text().split()) == "Mijn selectie (1)"
    watched.wait_for_function("document.querySelector('#kb-selection-announce').textContent.includes('Bewaard')")
    assert stored(watched)["items"] == [{"slug": practice.slug, "title": practice.title}]
    watched.keyboard.press("Space")
    assert button.get_attribute("aria-pressed") == "false"
    assert watched.locator(".kb-selection-count").first.text_content() == ""
    watched.wait_for_function("document.querySelector('#kb-selection-announce').textContent.includes('Uit uw')")


def test_select_order_by_keyboard_share_open_elsewhere_and_print(
    watched: Any, browser: Any, site_url: str, practices, tmp_path: Path
) -> None:
    first = practices[0]
    watched.goto(site_url + first.url)
    watched.get_by_role("button", name="Bewaar in mijn selectie").click()
    # Two from the finder's results.
    watched.goto(site_url + "zoeken/?q=nazorg")
    watched.wait_for_selector("li.kb-result .kb-select-toggle")
    results = watched.locator("li.kb-result")
    chosen = [first.title]
    for index in (0, 1):
        result = results.nth(index)
        title = result.locator("h2 a").text_content().strip()
        if title == first.title:
            result = results.nth(index + 2)
            title = result.locator("h2 a").text_content().strip()
        toggle = result.locator(".kb-select-toggle")
        assert toggle.get_attribute("aria-label") == "Bewaar in mijn selectie: " + title
        toggle.click()
        assert toggle.get_attribute("aria-pressed") == "true"
        chosen.append(title)
    assert watched.locator(".kb-selection-count").first.text_content() == " (3)"

    watched.goto(site_url + "selectie/")
    assert list_titles(watched) == chosen
    # The last one to the top, by keyboard: focus stays on its "Omhoog" as it moves.
    watched.locator("#kb-selection-list li").nth(2).get_by_role("button", name="Omhoog: " + chosen[2]).focus()
    watched.keyboard.press("Enter")
    watched.keyboard.press("Enter")
    order = [chosen[2], chosen[0], chosen[1]]
    assert list_titles(watched) == order
    assert watched.evaluate("document.activeElement.getAttribute('aria-label')") == "Omhoog: " + chosen[2]
    watched.wait_for_function("document.querySelector('#kb-selection-announce').textContent.includes('plaats 1')")
    watched.keyboard.press("Enter")  # already at the top: said so, nothing moves
    assert list_titles(watched) == order
    assert [item["title"] for item in stored(watched)["items"]] == order
    watched.fill("#kb-selection-title", "Overleg <b>jeugd</b> 3 december")

    text = dehyphenated(print_selection(watched, tmp_path))
    assert dehyphenated("Overleg <b>jeugd</b> 3 december") in text
    assert compact("3 praktijkvoorbeelden · afgedrukt op " + dutch_date(dt.date.today())) in text
    contents = text.index(compact("In dit overzicht"))
    positions = [text.index(dehyphenated(title), contents + 1) for title in order]
    assert positions == sorted(positions)
    starts = [text.index(dehyphenated(title), positions[-1] + 1) for title in order]
    assert starts == sorted(starts)
    assert "Omhoog" not in text and "Bewaarin" not in text

    share = watched.get_attribute("#kb-selection-share", "href")
    assert "?p=" in share
    other = browser.new_context(locale="nl-NL")
    try:
        fresh = other.new_page()
        fresh.goto(share)
        assert list_titles(fresh) == order
        assert fresh.locator("#kb-selection-shared").is_visible()
        assert "gedeelde selectie van 3 praktijkvoorbeelden" in fresh.text_content("#kb-selection-shared-text")
        assert fresh.input_value("#kb-selection-title") == "Overleg <b>jeugd</b> 3 december"
        assert stored(fresh) is None  # not stored before the user says so
        assert fresh.locator("#kb-selection-list button").count() == 0
        fresh.get_by_role("button", name="Bewaar als mijn selectie").click()
        assert [item["title"] for item in stored(fresh)["items"]] == order
        assert fresh.url.endswith("/selectie/")
        assert fresh.locator(".kb-selection-count").first.text_content() == " (3)"
        assert fresh.locator("#kb-selection-list button").count() == 9
    finally:
        other.close()


def test_full_text_prints_every_section(watched: Any, site_url: str, practices, tmp_path: Path) -> None:
    practice = next(p for p in practices if "## Het vraagstuk" in p.body and "## Wat werkt" in p.body)
    watched.goto(site_url + "selectie/?p=" + practice.slug)
    compact_text = compact(print_selection(watched, tmp_path))
    assert compact("Wat werkt") in compact_text and compact("Het vraagstuk") not in compact_text
    watched.check("#kb-selection-full")
    watched.wait_for_function("document.querySelector('#kb-selection-bundle h4, #kb-selection-bundle h3') !== null")
    watched.wait_for_timeout(300)
    full_text = compact(print_selection(watched, tmp_path))
    for heading in ("Het vraagstuk", "Wat werkt", "Kerncijfers"):
        assert compact(heading) in full_text, heading
    assert len(full_text) > len(compact_text)


def test_stale_and_junk_selections_are_named_dropped_and_never_blank(watched: Any, site_url: str, practices) -> None:
    known = practices[1]
    watched.goto(site_url + "selectie/")
    # The page has read (and cleaned) the storage before the test writes to it.
    watched.wait_for_selector("#kb-selection-empty:not([hidden])")
    junk = {
        "v": 1,
        "title": "Oud",
        "items": [{"slug": "bestaat-niet-meer", "title": "Weg"}, {"slug": known.slug, "title": "<img src=x>"}],
    }
    watched.evaluate("([key, value]) => localStorage.setItem(key, value)", [STORAGE_KEY, json.dumps(junk)])
    watched.reload()
    assert list_titles(watched) == [known.title]  # the site's title, not the stored one
    message = watched.text_content("#kb-selection-message")
    assert "niet (meer) in de kennisbank: bestaat-niet-meer" in message
    assert [item["slug"] for item in stored(watched)["items"]] == [known.slug]

    many = ",".join([known.slug, "<script>alert(1)</script>", "../../etc", *[f"p{i}" for i in range(400)]])
    watched.goto(site_url + "selectie/?p=" + many)
    assert list_titles(watched) == [known.title]
    message = watched.text_content("#kb-selection-message")
    assert "2 delen die geen praktijkvoorbeeld noemen" in message
    assert "alleen de eerste 100" in message
    assert "p0, p1" in message

    watched.goto(site_url + "selectie/?p=" + "x" * 50000)
    watched.wait_for_selector("#kb-selection-empty:not([hidden])")
    watched.evaluate(f"localStorage.setItem('{STORAGE_KEY}', '{{not json')")
    watched.goto(site_url + "selectie/")
    watched.wait_for_selector("#kb-selection-empty:not([hidden])")


def test_without_javascript_the_page_points_to_the_print_overviews(browser: Any, site_url: str) -> None:
    context = browser.new_context(java_script_enabled=False, locale="nl-NL")
    try:
        page = context.new_page()
        page.goto(site_url + "selectie/")
        body = page.locator("article").inner_text()
        assert "Voor Mijn selectie is JavaScript nodig" in body
        assert not page.locator("#kb-selection").is_visible()
        for folder in ("themas", "doelgroepen", "regios"):
            assert page.locator(f'noscript a[href="../{folder}/"]').count() == 1, folder
        page.goto(site_url + "praktijkvoorbeelden/" + repo_catalogue().practices[0].slug + "/")
        assert not page.locator(".kb-select-toggle").is_visible()
    finally:
        context.close()


def test_selection_page_has_no_axe_violations_in_any_state(page: Any, site_url: str, practices) -> None:
    script = require_axe()
    slugs = ",".join(p.slug for p in practices[:3])

    def check(state: str) -> None:
        found = violations(page, script)
        assert not found, f"{state}:\n{describe(found)}"

    page.goto(site_url + "selectie/")
    page.wait_for_selector("#kb-selection-empty:not([hidden])")
    check("empty")
    page.goto(site_url + "selectie/?p=" + slugs + ",bestaat-niet,<x>")
    page.wait_for_selector("#kb-selection-list li")
    check("shared, with a message")
    page.get_by_role("button", name="Bewaar als mijn selectie").click()
    check("own selection")
    page.locator("#kb-selection-list li").nth(1).get_by_role("button", name="Omhoog: " + practices[1].title).click()
    page.check("#kb-selection-full")
    check("reordered, full text")
    page.locator("#kb-selection-list li").nth(0).locator("[data-action=remove]").click()
    check("one removed")
    while page.locator("#kb-selection-list li").count():
        page.locator("#kb-selection-list li").nth(0).locator("[data-action=remove]").focus()
        page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "kb-selection-empty"
    check("emptied")


def test_make_pdf_numbers_the_contents_and_keeps_tags_language_and_bookmarks(
    page: Any, site_url: str, tmp_path: Path
) -> None:
    import io

    from pypdf import PdfReader

    from kennisbank.entry.pdf import print_pdf
    from kennisbank.pdf_contents import number_contents

    from .test_print import is_tagged_with_language

    catalogue = repo_catalogue()
    theme = max(catalogue.vocabularies.themes, key=lambda t: len(catalogue.practices_with("themes", t.id)))
    practices = catalogue.practices_with("themes", theme.id)
    first = print_pdf(page, site_url + f"themas/{theme.id}/afdrukken/")
    pdf = number_contents(page, first, lambda: render_pdf(page))
    path = tmp_path / "overview.pdf"
    path.write_bytes(pdf)
    reader = PdfReader(io.BytesIO(pdf))
    assert len(reader.pages) > 2
    # The contents list in its order, one 'title · p. N' per practice.
    numbers = [int(n) for n in re.findall(r"· p\. (\d+)", " ".join(pdf_text(pdf, tmp_path).split()))]
    assert len(numbers) == len(practices)
    assert numbers == sorted(numbers)
    seen = set()
    for practice, number in zip(practices, numbers, strict=True):
        on_page = subprocess.run(
            [PDFTOTEXT, "-enc", "UTF-8", "-f", str(number), "-l", str(number), path, "-"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        assert dehyphenated(practice.title) in dehyphenated(on_page), (practice.slug, number)
        seen.add(number)
    assert len(seen) > 1
    assert is_tagged_with_language(pdf)
    assert reader.outline  # bookmarks per heading


def test_an_overview_prints_compact_or_in_full_text(watched: Any, site_url: str, tmp_path: Path) -> None:
    catalogue = repo_catalogue()
    region = next(r for r in catalogue.vocabularies.regions if len(catalogue.practices_with("regions", r.id)) >= 2)
    practices = catalogue.practices_with("regions", region.id)
    watched.goto(site_url + f"regios/{region.id}/afdrukken/")
    watched.wait_for_selector(".kb-print-mode")
    watched.emulate_media(media="print")
    compact_text = compact(pdf_text(render_pdf(watched), tmp_path))
    watched.emulate_media(media="screen")
    watched.get_by_label("Volledige tekst van elk praktijkvoorbeeld").check()
    watched.wait_for_function("document.querySelector('[role=status]').textContent.includes('geladen')")
    watched.emulate_media(media="print")
    full_text = compact(pdf_text(render_pdf(watched), tmp_path))
    assert len(full_text) > len(compact_text)
    for practice in practices:
        for heading in re.findall(r"^## (.+)$", practice.body, re.M):
            assert compact(heading) in full_text, (practice.slug, heading)
    assert "Tekstoppapier" not in full_text  # the choice stays on screen
    watched.emulate_media(media="screen")
    watched.get_by_label("Compact").check()
    watched.emulate_media(media="print")
    assert compact(pdf_text(render_pdf(watched), tmp_path)) == compact_text
