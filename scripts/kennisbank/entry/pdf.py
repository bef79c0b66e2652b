"""Ready-made PDFs of the print overviews (``kennisbank pdf``, ``make pdf``).

Each overview of a built site is printed by headless Chromium exactly as a browser prints it, with the
site's print styles. Chromium writes tagged PDFs (structure for screen readers), takes the language
from ``<html lang="nl">`` and adds an outline of the headings: Dutch public documents must be
accessible. Chromium is Debian's package, the one the browser tests use; Playwright drives it.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..addresses import pdf_name, print_url
from ..chromium import CHROMIUM_ARGS, DEFAULT_CHROMIUM, serve
from ..errors import KennisbankError
from ..facets import PRINTED
from ..pdf_contents import number_contents

# File name prefix per printable vocabulary: thema-nazorg.pdf, regio-twente.pdf.


class PdfError(KennisbankError):
    """The PDFs cannot be made here: no built site, no Chromium or no Playwright."""


@dataclass(frozen=True)
class PrintJob:
    path: str  # the overview below the site root, e.g. 'themas/nazorg/afdrukken/'
    filename: str  # e.g. 'thema-nazorg.pdf'


def print_jobs(site_dir: Path) -> list[PrintJob]:
    """Every overview the built site has, found in the site itself so the PDFs match what is online."""
    jobs = []
    for vocabulary in PRINTED:
        for page in sorted(site_dir.glob(print_url(vocabulary, "*") + "index.html")):
            term_id = page.parent.parent.name
            jobs.append(PrintJob(print_url(vocabulary, term_id), pdf_name(vocabulary, term_id)))
    return jobs


def print_pdf(page: Any, url: str) -> bytes:
    """One page as the browser prints it: print media, the CSS page size (A4), tagged, with outline."""
    page.goto(url, wait_until="load")
    page.emulate_media(media="print")
    return render_pdf(page)


def render_pdf(page: Any) -> bytes:
    """The open page as it is now, printed: tagged, with outline."""
    pdf: bytes = page.pdf(prefer_css_page_size=True, tagged=True, outline=True)
    return pdf


def make_pdfs(site_dir: Path, out_dir: Path, chromium: Path = DEFAULT_CHROMIUM) -> list[Path]:
    if not (site_dir / "index.html").exists():
        raise PdfError(f"{site_dir}: geen gebouwde site; bouw die eerst met 'make build'")
    if not chromium.exists():
        raise PdfError(f"{chromium}: Chromium ontbreekt; installeer het Debian-pakket 'chromium'")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        raise PdfError("Playwright ontbreekt; installeer de vastgepinde pakketten ('make .venv/.installed')") from None
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(chromium), args=list(CHROMIUM_ARGS))
        try:
            return print_all(browser, site_dir, out_dir)
        finally:
            browser.close()


def print_all(browser: Any, site_dir: Path, out_dir: Path) -> list[Path]:
    """Every overview of the built site in ``site_dir`` as a PDF in ``out_dir``, by a running browser."""
    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    context = browser.new_context(locale="nl-NL")
    try:
        page = context.new_page()
        with serve(site_dir) as base:
            for job in print_jobs(site_dir):
                target = out_dir / job.filename
                first = print_pdf(page, base + job.path)
                target.write_bytes(number_contents(page, first, lambda: render_pdf(page)))
                written.append(target)
    finally:
        context.close()
    return written
