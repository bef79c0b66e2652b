"""Printing: every theme and region overview and a practice page printed to PDF by the real headless
Chromium, read back with pdftotext (poppler-utils), the way a region prints them for a meeting."""

from __future__ import annotations

import datetime as dt
import os
import re
import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from kennisbank.addresses import SECTION_FOLDERS, print_src, term_src
from kennisbank.entry.pdf import print_jobs, print_pdf
from kennisbank.facets import PRINTED
from kennisbank.markup import dutch_date
from kennisbank.pages import Site
from kennisbank.pages.printing import print_pages, printable_terms

from .conftest import FIXTURES, repo_catalogue

PDFTOTEXT = Path("/usr/bin/pdftotext")
PDFINFO = Path("/usr/bin/pdfinfo")
PAGE_FOOTER = re.compile(r"Kennisbank Aanpak Jeugdwerkloosheid pagina \d+ van \d+")
# Elements of the site's chrome; none of their text may reach paper.
CHROME = ".md-header, .md-tabs, .md-sidebar, .md-search, .md-footer, .md-skip, .md-top, .md-content__button"


def normalise(value: str) -> str:
    return " ".join(value.split())


def compact(value: str) -> str:
    """Without any whitespace: paper wraps long titles, addresses and e-mails anywhere."""
    return "".join(value.split())


def dehyphenated(value: str) -> str:
    """Compact and without hyphens, for text that may wrap at a hyphen: pdftotext drops a hyphen
    at the end of a line, taking it for hyphenation."""
    return compact(value).replace("-", "")


@pytest.fixture(scope="session")
def pdf_text() -> Callable[[bytes, Path], tuple[str, int]]:
    """PDF bytes -> (its text with whitespace collapsed, its number of pages)."""
    if not (PDFTOTEXT.exists() and PDFINFO.exists()):
        reason = f"{PDFTOTEXT} or {PDFINFO} not found: install Debian's 'poppler-utils' to check printed PDFs"
        if os.environ.get("CI") == "true":
            pytest.fail(reason + " (CI=true: the print tests must run)")
        pytest.skip(reason)

    def read(pdf: bytes, folder: Path) -> tuple[str, int]:
        path = folder / "page.pdf"
        path.write_bytes(pdf)
        text = subprocess.run([PDFTOTEXT, "-enc", "UTF-8", path, "-"], capture_output=True, text=True, check=True)
        info = subprocess.run([PDFINFO, path], capture_output=True, text=True, check=True).stdout
        pages = int(re.search(r"^Pages:\s+(\d+)", info, re.MULTILINE).group(1))  # type: ignore[union-attr]
        # Every page has the print footer of print.css (@page); it is left out of the text to check.
        body, footers = PAGE_FOOTER.subn(" ", normalise(text.stdout))
        assert footers == pages, (footers, pages)
        return normalise(body), pages

    return read


def chrome_lines(page: Any) -> list[str]:
    """Lines of the chrome's text that the page's own content does not contain as well."""
    lines: list[str] = page.evaluate(
        """(selector) => [...document.querySelectorAll(selector)]
            .flatMap(element => element.textContent.split('\\n')).map(line => line.trim())
            .filter(line => line.length > 3)""",
        CHROME,
    )
    content = normalise(page.locator("article").text_content()).casefold()
    return sorted({line for line in lines if normalise(line).casefold() not in content})


def assert_no_chrome(text: str, lines: list[str], where: str) -> None:
    assert lines, "the chrome check found no chrome text to look for"
    for line in lines:
        # Whole words only: the repository name 'kennisbank' is also part of every printed address.
        assert not re.search(rf"(?<!\S){re.escape(normalise(line))}(?!\S)", text), (where, line)


def is_tagged_with_language(pdf: bytes) -> bool:
    """Chromium writes the catalogue uncompressed: structure tree, marked content and /Lang."""
    return b"/StructTreeRoot" in pdf and re.search(rb"/Marked\s+true", pdf) is not None and b"/Lang (nl)" in pdf


@pytest.mark.browser
@pytest.mark.slow
def test_every_overview_prints_every_practice_without_chrome(
    page: Any, site_url: str, built_site: Path, pdf_text: Callable[[bytes, Path], tuple[str, int]], tmp_path: Path
) -> None:
    catalogue = repo_catalogue()
    jobs = {job.path: job for job in print_jobs(built_site)}
    assert len(jobs) == len(printable_terms(catalogue))
    total_pages = total_practices = 0
    for vocab, term in printable_terms(catalogue):
        path = print_src(vocab.key, term.id).removesuffix(".md") + "/"
        prefix = {"themes": "thema", "regions": "regio", "target_groups": "doelgroep"}[vocab.key]
        assert jobs[path].filename == f"{prefix}-{term.id}.pdf"
        pdf = print_pdf(page, site_url + path)
        text, pages = pdf_text(pdf, tmp_path)
        practices = catalogue.practices_with(vocab.key, term.id)
        assert compact(term.name) in compact(text), path
        for practice in practices:
            assert dehyphenated(practice.title) in dehyphenated(text), (path, practice.slug)
            for contact in practice.visible_contacts:
                assert contact.email in compact(text), (path, contact.email)
            assert f"praktijkvoorbeelden/{practice.slug}/" in compact(text), (path, practice.slug)
        assert_no_chrome(text, chrome_lines(page), path)
        assert "Afdrukken" not in text, path  # the button stays on screen
        # Each practice fits on a page and is never split, so at most one page per practice plus the cover.
        assert pages <= len(practices) + 1, (path, pages, len(practices))
        assert is_tagged_with_language(pdf), path
        total_pages += pages
        total_practices += len(practices)
    # Compact: covers share their page with practices and short practices share pages, so all the
    # overviews together take fewer pages than they hold practices.
    assert total_pages <= total_practices, (total_pages, total_practices)


@pytest.mark.browser
@pytest.mark.slow
def test_printed_overview_shows_date_of_printing(
    page: Any, site_url: str, pdf_text: Callable[[bytes, Path], tuple[str, int]], tmp_path: Path
) -> None:
    page.clock.set_fixed_time(dt.datetime(2031, 3, 5, 10, 0))
    text, _ = pdf_text(print_pdf(page, site_url + "themas/nazorg/afdrukken/"), tmp_path)
    assert "afgedrukt op 5 maart 2031" in text


@pytest.mark.browser
@pytest.mark.slow
def test_print_button_opens_the_print_dialog(page: Any, site_url: str) -> None:
    page.goto(site_url + "regios/twente/afdrukken/")
    button = page.get_by_role("button", name="Afdrukken")
    assert button.is_visible()
    page.evaluate("() => { window.printed = 0; window.print = () => { window.printed += 1; }; }")
    button.focus()
    page.keyboard.press("Enter")
    button.click()
    assert page.evaluate("window.printed") == 2


@pytest.mark.browser
@pytest.mark.slow
def test_overview_without_script_has_no_button_and_prints_the_build_date(
    browser: Any, site_url: str, built_site: Path, pdf_text: Callable[[bytes, Path], tuple[str, int]], tmp_path: Path
) -> None:
    html = (built_site / "themas" / "nazorg" / "afdrukken" / "index.html").read_text(encoding="utf-8")
    build_date = re.search(r'<time class="kb-print-date" datetime="[\d-]+">([^<]+)</time>', html).group(1)  # type: ignore[union-attr]
    context = browser.new_context(locale="nl-NL", java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(site_url + "themas/nazorg/afdrukken/")
        assert page.get_by_role("button", name="Afdrukken").count() == 0
        # Playwright's text selectors skip <noscript>, so look at the visible text of its paragraph.
        assert "via het menu van uw browser" in page.locator(".kb-print-actions").inner_text()
        text, _ = pdf_text(print_pdf(page, site_url + "themas/nazorg/afdrukken/"), tmp_path)
    finally:
        context.close()
    assert f"afgedrukt op {build_date}" in text
    assert "menu van uw browser" not in text


@pytest.mark.browser
@pytest.mark.slow
def test_practice_pages_print_cleanly_with_link_targets(
    page: Any, site_url: str, pdf_text: Callable[[bytes, Path], tuple[str, int]], tmp_path: Path
) -> None:
    catalogue = repo_catalogue()
    with_link = next(p for p in catalogue.practices if re.search(r"\]\(https?://", p.body))
    with_contact = next(p for p in catalogue.practices if p.visible_contacts)
    for practice in (with_link, with_contact):
        text, pages = pdf_text(print_pdf(page, site_url + practice.url), tmp_path)
        assert dehyphenated(practice.title) in dehyphenated(text)
        for contact in practice.visible_contacts:
            assert contact.email in compact(text)
        assert_no_chrome(text, chrome_lines(page), practice.slug)
        # Links in running text show their address; an internal link its public address (from the
        # canonical link), not this test server's.
        public_root = page.locator('link[rel="canonical"]').get_attribute("href").removesuffix(practice.url)
        assert public_root.startswith("https://")
        assert dehyphenated(f"omgaan ({public_root}privacy/)") in dehyphenated(text)
        for label, target in re.findall(r"\[([^\]]+)\]\((https?://[^)]+)\)", practice.body):
            assert dehyphenated(f"{label} ({target})") in dehyphenated(text)
        # Links in the metadata panel (region, themes) do not: they would crowd the panel.
        assert f"/regios/{practice.region}/)" not in compact(text)
        assert "127.0.0.1" not in text
        assert pages <= 3


def test_overviews_exist_exactly_for_terms_with_practices(vocabularies) -> None:  # type: ignore[no-untyped-def]
    catalogue = repo_catalogue([FIXTURES / "catalogue"], today=dt.date(2026, 11, 22))
    site = Site(url="https://kennisbank.example/", today=dt.date(2026, 11, 22))
    printed = {o.src_uri for o in print_pages(catalogue, site)}
    assert printed
    for key in PRINTED:
        for term in vocabularies.by_key(key):
            has_practices = bool(catalogue.practices_with(key, term.id))
            assert (print_src(key, term.id) in printed) == has_practices, (key, term.id)
    assert {src.split("/")[0] for src in printed} == {SECTION_FOLDERS[key] for key in PRINTED}
    assert {"themes", "regions", "target_groups"} <= set(PRINTED)
    assert term_src("regions", "twente").replace("index.md", "afdrukken.md") in printed


def test_overview_cover_has_build_date_fallback_and_a_hidden_real_button() -> None:
    catalogue = repo_catalogue([FIXTURES / "catalogue"], today=dt.date(2026, 11, 22))
    site = Site(url="https://kennisbank.example/", today=dt.date(2027, 1, 9))
    page = next(o.content for o in print_pages(catalogue, site) if o.src_uri == "themas/nazorg/afdrukken.md")
    assert isinstance(page, str)
    assert f'datetime="2027-01-09">{dutch_date(dt.date(2027, 1, 9))}</time>' in page
    button = '<button type="button" class="md-button md-button--primary kb-print-button" hidden>Afdrukken</button>'
    assert button in page
    assert 'Kennisbank: <a class="kb-url" href="https://kennisbank.example/">' in page


@pytest.mark.browser
@pytest.mark.slow
def test_make_pdf_writes_one_tagged_pdf_per_overview(browser: Any, built_site: Path, tmp_path: Path) -> None:
    from kennisbank.entry.pdf import print_all

    # The theme overviews only, to keep the test short; print_jobs is checked against all of them above.
    small = tmp_path / "site"
    shutil.copytree(built_site, small, ignore=shutil.ignore_patterns("regios", "doelgroepen"))
    written = print_all(browser, small, tmp_path / "pdf")
    themes = sorted(path.parent.name for path in (built_site / "themas").glob("*/afdrukken"))
    assert sorted(path.name for path in written) == [f"thema-{theme}.pdf" for theme in themes]
    assert themes
    assert all(is_tagged_with_language(path.read_bytes()) for path in written)


def test_make_pdfs_explains_what_is_missing(tmp_path: Path) -> None:
    from kennisbank.entry.pdf import PdfError, make_pdfs

    with pytest.raises(PdfError, match="make build"):
        make_pdfs(tmp_path, tmp_path / "pdf")
    (tmp_path / "index.html").write_text("<html></html>", encoding="utf-8")
    with pytest.raises(PdfError, match="chromium"):
        make_pdfs(tmp_path, tmp_path / "pdf", chromium=tmp_path / "no-chromium")
