"""The site's navigation: mkdocs.yml names each facet's section page (``themas/index.md``); here that entry
becomes a section holding the section page and a page per term. So a theme page sits under the "Thema's"
tab: Material marks that tab as the current one and lists the section's pages in the left column.

Works on the ``nav`` setting as MkDocs reads it (lists of strings and one-key mappings), before MkDocs
builds its navigation; an entry already expanded (a rebuild in ``mkdocs serve``) is expanded again."""

from __future__ import annotations

from typing import Any

from ..addresses import section_src, term_src
from ..catalogue import Catalogue
from ..facets import FACETS, Facet
from .terms import listed_terms

# The section pages with a page per term, by their source path: the entries to expand.
SECTIONS: dict[str, Facet] = {section_src(facet.key): facet for facet in FACETS if facet.folder}


def nav_with_term_pages(nav: list[Any], catalogue: Catalogue) -> list[Any]:
    """``nav`` with every facet section's entry replaced by a section of its page and its term pages."""
    return [_entry(item, catalogue) for item in nav]


def section_pages(src: str, catalogue: Catalogue) -> list[str]:
    """The section page first (Material's ``navigation.indexes`` makes it the section's own page), then
    its terms in the order the section page lists them."""
    facet = SECTIONS[src]
    vocab = catalogue.vocabularies.by_key(facet.key)
    return [src, *(term_src(facet.key, term.id) for term in listed_terms(catalogue, vocab))]


def _entry(item: Any, catalogue: Catalogue) -> Any:
    if isinstance(item, str):
        return {SECTIONS[item].title: section_pages(item, catalogue)} if item in SECTIONS else item
    if not (isinstance(item, dict) and len(item) == 1):
        return item
    ((title, value),) = item.items()
    if isinstance(value, list) and value and isinstance(value[0], str) and value[0] in SECTIONS:
        value = value[0]  # expanded before
    if isinstance(value, str):
        return {title: section_pages(value, catalogue)} if value in SECTIONS else item
    if isinstance(value, list):
        return {title: [_entry(child, catalogue) for child in value]}
    return item
