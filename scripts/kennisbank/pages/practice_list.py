"""The list of all practices at /praktijkvoorbeelden/: a table, sortable by title, region and the source's date.

Sorting works without JavaScript: each order is its own static page (by title at /praktijkvoorbeelden/, by
region and by date at the reserved slugs in ``addresses.PRACTICE_LIST_SORTS``), and the column headers link
to them. The table is plain HTML, so it can have a caption, ``scope`` on its headers and ``aria-sort`` on
the sorted column; its links are written as the URLs MkDocs gives the pages (directory URLs).
"""

from __future__ import annotations

import posixpath
from collections.abc import Callable
from dataclasses import dataclass

from ..addresses import FINDER, page_url, practice_list_src, term_src
from ..catalogue import Catalogue
from ..facets import BY_NAME
from ..markup import attr, front_matter, link, plural, text
from ..model import Practice
from .base import Output, Site
from .trust import OLD_SOURCE_WORDS, source_date_text, source_is_old


@dataclass(frozen=True)
class Order:
    sort: str  # '' for the default page, else a key of PRACTICE_LIST_SORTS
    column: int  # the sorted column
    direction: str  # aria-sort: 'ascending' or 'descending'
    description: str  # 'op titel (A–Z)'


ORDERS = (
    Order("", 0, "ascending", "op titel (A–Z)"),
    Order("regio", 1, "ascending", "op regio (A–Z), daarbinnen op titel"),
    Order("datum", 2, "descending", "op datum van de bron, nieuwste eerst; bronnen zonder datum achteraan"),
)
HEADERS = ("Titel", "Regio", "Datum van de bron", BY_NAME["evidence"].label)


def practice_list_pages(catalogue: Catalogue, site: Site) -> list[Output]:
    return [Output(practice_list_src(order.sort), practice_list_page(catalogue, site, order)) for order in ORDERS]


def href(target_url: str, from_url: str) -> str:
    """A relative link between two directory URLs below the site root ('' is the home page)."""
    relative = posixpath.relpath("/" + target_url, "/" + from_url)
    return "./" if relative == "." else relative + "/"


def sorted_practices(catalogue: Catalogue, order: Order) -> list[Practice]:
    practices = list(catalogue.practices)  # by title already
    regions = catalogue.vocabularies.regions
    keys: dict[str, Callable[[Practice], str]] = {
        "regio": lambda p: regions[p.region].name.casefold(),
        "datum": lambda p: p.source.date,
    }
    if order.sort:
        practices.sort(key=keys[order.sort], reverse=order.direction == "descending")  # stable: titles stay in order
    return practices


def practice_list_page(catalogue: Catalogue, site: Site, order: Order) -> str:
    src = practice_list_src(order.sort)
    here = page_url(src)
    practices = sorted_practices(catalogue, order)
    count = plural(len(practices), "praktijkvoorbeeld", "praktijkvoorbeelden")
    intro = (
        f"Alle {count} uit deze kennisbank. De datum is die van de bron: de situatie kan sindsdien veranderd "
        f"zijn. Bij bronnen ouder dan {OLD_SOURCE_WORDS} staat dat erbij. Klik op een kolomkop om "
        f"anders te sorteren, of gebruik {link('de zoekfunctie', FINDER, src)} om te filteren.\n\n"
    )
    return (
        front_matter(title="Alle praktijkvoorbeelden", description="Alle praktijkvoorbeelden in één tabel.")
        + "# Alle praktijkvoorbeelden\n\n"
        + intro
        + table(catalogue, practices, order, here, site)
    )


def header_row(order: Order, here: str) -> str:
    cells = []
    for column, label in enumerate(HEADERS):
        by = next((o for o in ORDERS if o.column == column), None)
        if by is None:
            cells.append(f'<th scope="col">{text(label)}</th>')
            continue
        target = href(page_url(practice_list_src(by.sort)), here)
        if by == order:
            cells.append(
                f'<th scope="col" aria-sort="{order.direction}">'
                f'<a href="{attr(target)}" aria-current="page">{text(label)}</a></th>'
            )
        else:
            cells.append(f'<th scope="col"><a href="{attr(target)}">{text(label)}</a></th>')
    return "<tr>" + "".join(cells) + "</tr>"


def table(catalogue: Catalogue, practices: list[Practice], order: Order, here: str, site: Site) -> str:
    vocab = catalogue.vocabularies
    rows = []
    for p in practices:
        region = href(page_url(term_src(BY_NAME["region"].key, p.region)), here)
        evidence_page, _, anchor = term_src(BY_NAME["evidence"].key, p.evidence).partition("#")
        evidence = attr(href(page_url(evidence_page), here)) + "#" + anchor  # a term id: a slug
        when = text(source_date_text(p))
        if p.source.date:
            when = f'<time datetime="{attr(p.source.date)}">{when}</time>'
        if source_is_old(p, site.today):
            when += f' <span class="kb-small">(ouder dan {OLD_SOURCE_WORDS})</span>'
        rows.append(
            "<tr>"
            f'<th scope="row"><a href="{attr(href(p.url, here))}">{text(p.title)}</a></th>'
            f'<td><a href="{attr(region)}">{text(vocab.regions[p.region].name)}</a></td>'
            f"<td>{when}</td>"
            f'<td><a href="{evidence}">{text(vocab.evidence[p.evidence].name)}</a></td>'
            "</tr>"
        )
    caption = f"Alle praktijkvoorbeelden, gesorteerd {text(order.description)}"
    # A wide table scrolls in its own region on a phone (WCAG 1.4.10), reachable by keyboard.
    return (
        '<div class="kb-table-scroll" role="region" tabindex="0" aria-labelledby="kb-practice-list-caption">\n'
        f'<table class="kb-practice-table">\n<caption id="kb-practice-list-caption">{caption}</caption>\n'
        f"<thead>{header_row(order, here)}</thead>\n<tbody>\n" + "\n".join(rows) + "\n</tbody>\n</table>\n</div>\n\n"
    )
