"""Stage 4, generate: a catalogue -> the site's generated files (pages and data), in memory.

Each generator is a plain function ``(catalogue, site) -> list[Output]``; ``GENERATORS`` declares them
once, in order. The MkDocs hook hands the outputs to MkDocs; tests call ``generate`` directly.
"""

from __future__ import annotations

from collections.abc import Callable

from ..catalogue import Catalogue
from ..heap import without_cycle_collection
from .base import Output, Site
from .contacts import contact_pages
from .glossary import glossary_pages
from .home import home_pages
from .navigation import nav_with_term_pages
from .news import news_pages
from .opendata import opendata_pages
from .overview import overview_pages
from .practice import practice_pages
from .practice_list import practice_list_pages
from .printing import print_pages
from .search import search_pages
from .selection import selection_pages
from .terms import term_pages

Generator = Callable[[Catalogue, Site], list[Output]]

GENERATORS: tuple[Generator, ...] = (
    practice_pages,
    practice_list_pages,  # /praktijkvoorbeelden/: all practices in a table, sorted three ways
    term_pages,
    print_pages,
    contact_pages,
    glossary_pages,
    home_pages,
    overview_pages,  # the evidence-and-gap map: /overzicht/
    search_pages,  # the finder's data and its page /zoeken/, which carries the data's manifests
    opendata_pages,
    news_pages,  # "Nieuw en gewijzigd" at /nieuw/ and its Atom feed /feed.xml
    selection_pages,  # "Mijn selectie": /selectie/, its scripts and its list of practices
)


def generate(
    catalogue: Catalogue,
    site: Site,
    generators: tuple[Generator, ...] = GENERATORS,
) -> list[Output]:
    with without_cycle_collection():
        outputs = [output for generator in generators for output in generator(catalogue, site)]
    seen: set[str] = set()
    for output in outputs:
        if output.src_uri in seen:
            raise ValueError(f"two generators write {output.src_uri}")
        seen.add(output.src_uri)
    return outputs


__all__ = ["GENERATORS", "Output", "Site", "generate", "nav_with_term_pages"]
