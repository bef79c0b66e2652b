"""Page numbers in the contents list of a printed overview (``make pdf``).

Chromium's PDFs have no cross-references (CSS ``target-counter`` is not supported), so an overview is
printed twice: the first PDF tells on which page each practice starts, the numbers are written into the
contents list of the page still open in the browser, and it is printed again. Adding the numbers can
move the cover's lines, so it repeats until the numbers no longer change (at most ``ROUNDS`` prints).

Where a practice starts comes from the PDF's named destinations: Chromium writes one for every element
with an id that a link in the page points to, and the contents list links each practice's heading.
pypdf reads them.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from typing import Any

from .errors import KennisbankError

ROUNDS = 3

# The contents list's links, in order: the anchor each points to.
_ANCHORS = """() => [...document.querySelectorAll('.kb-print-cover ol a[href^="#"]')]
    .map(a => decodeURIComponent(a.getAttribute('href').slice(1)))"""

# Writes 'p. N' after each entry; true if any number changed.
_FILL = """(numbers) => {
  let changed = false;
  for (const a of document.querySelectorAll('.kb-print-cover ol a[href^="#"]')) {
    const number = numbers[decodeURIComponent(a.getAttribute('href').slice(1))];
    if (number === undefined) continue;
    let ref = a.parentElement.querySelector('.kb-page-ref');
    if (!ref) {
      ref = document.createElement('span');
      ref.className = 'kb-page-ref';
      a.after(ref);
    }
    const text = ' · p. ' + number;
    if (ref.textContent !== text) { ref.textContent = text; changed = true; }
  }
  return changed;
}"""


def start_pages(pdf: bytes, anchors: list[str]) -> dict[str, int]:
    """The page (from 1) on which each anchor's element starts, for the anchors the PDF has."""
    try:
        from pypdf import PdfReader
    except ImportError:
        raise KennisbankError(
            "pypdf ontbreekt (nodig voor de paginanummers); installeer de vastgepinde pakketten "
            "('make .venv/.installed')"
        ) from None
    reader = PdfReader(io.BytesIO(pdf))
    destinations = reader.named_destinations
    pages = {}
    for anchor in anchors:
        destination = destinations.get("/" + anchor) or destinations.get(anchor)
        number = None if destination is None else reader.get_destination_page_number(destination)
        if number is not None:
            pages[anchor] = number + 1
    return pages


def number_contents(page: Any, pdf: bytes, render: Callable[[], bytes]) -> bytes:
    """``pdf``, printed from the open ``page``, again with page numbers in its contents list.

    ``render`` prints the page as it is now. A page without a contents list is returned as it was.
    """
    anchors: list[str] = page.evaluate(_ANCHORS)
    for _round in range(ROUNDS - 1):
        numbers = start_pages(pdf, anchors)
        if not numbers or not page.evaluate(_FILL, numbers):
            break
        pdf = render()
    return pdf
