"""The evidence-and-gap map at /overzicht/: for each view in ``facets.GAP_MAPS`` a table with a row per term
of one facet and a column per term of another; each cell counts the practices with both terms, links to
the finder with both facets ticked, and is shaded by that count and by the highest evidence level among
them. An empty cell says so and links to the form for proposing a practice.

The cells are computed first (``gap_matrix``, plain data), then written as one raw HTML table per view:
header cells with a scope, a caption, the count and the evidence level as text, so the table reads the same
without colour, to a screen reader and on paper (print.css turns this page to A4 landscape).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from ..addresses import OVERVIEW, finder_url, href, new_practice_issue
from ..catalogue import Catalogue
from ..facets import BY_NAME, GAP_MAP_SHADE, GAP_MAPS, GapMap
from ..markup import attr, front_matter, text
from ..model import Practice
from ..vocabularies import Term, Vocabularies
from .base import Output, Site

# The shades of a cell by its count: 0 for none, up to SHADES for the fullest cell of its table.
SHADES = 4
EMPTY = "nog geen voorbeeld"


@dataclass(frozen=True)
class Cell:
    row: str  # the row's term id
    column: str  # the column's term id
    count: int  # the practices with both terms
    evidence: int  # the highest evidence level among them, as its position in evidence.yml from 1; 0 if none


@dataclass(frozen=True)
class GapMatrix:
    view: GapMap
    rows: tuple[Term, ...]
    columns: tuple[Term, ...]
    cells: dict[tuple[str, str], Cell]
    levels: tuple[Term, ...]  # the evidence levels, low to high: ``Cell.evidence`` counts in them

    @property
    def most(self) -> int:
        return max((cell.count for cell in self.cells.values()), default=0)

    def cell(self, row: str, column: str) -> Cell:
        return self.cells[row, column]


def gap_matrix(view: GapMap, practices: Iterable[Practice], vocabularies: Vocabularies) -> GapMatrix:
    """Every (row term, column term) pair of the view with its count and highest evidence level, in one pass
    over the practices. A practice counts once in a cell, as the finder counts it under both filters."""
    row_facet, column_facet, shade = BY_NAME[view.rows], BY_NAME[view.columns], BY_NAME[GAP_MAP_SHADE]
    rows = tuple(vocabularies.by_key(row_facet.key))
    columns = tuple(vocabularies.by_key(column_facet.key))
    levels = tuple(vocabularies.by_key(shade.key))
    level = {term.id: number for number, term in enumerate(levels, start=1)}
    counts: dict[tuple[str, str], int] = {}
    best: dict[tuple[str, str], int] = {}
    for practice in practices:
        evidence = max((level[i] for i in shade.ids(practice)), default=0)
        for row in dict.fromkeys(row_facet.ids(practice)):
            for column in dict.fromkeys(column_facet.ids(practice)):
                key = (row, column)
                counts[key] = counts.get(key, 0) + 1
                if evidence > best.get(key, 0):
                    best[key] = evidence
    cells = {
        (r.id, c.id): Cell(r.id, c.id, counts.get((r.id, c.id), 0), best.get((r.id, c.id), 0))
        for r in rows
        for c in columns
    }
    return GapMatrix(view, rows, columns, cells, levels)


def shade(count: int, most: int) -> int:
    """The shade of a count among counts up to ``most``: 0 for none, else 1 to SHADES."""
    if count <= 0 or most <= 0:
        return 0
    return min(SHADES, 1 + (SHADES * (count - 1)) // most)


def cell_url(view: GapMap, cell: Cell) -> str:
    """The finder with the cell's two facets ticked."""
    return finder_url({view.rows: cell.row, view.columns: cell.column})


def overview_pages(catalogue: Catalogue, site: Site) -> list[Output]:
    return [Output(OVERVIEW, overview_markdown(catalogue, site))]


def overview_markdown(catalogue: Catalogue, site: Site) -> str:
    src = OVERVIEW
    vocabularies = catalogue.vocabularies
    matrices = [gap_matrix(view, catalogue.practices, vocabularies) for view in GAP_MAPS]
    parts = [
        front_matter(
            title="Overzicht",
            description="Waar zijn praktijkvoorbeelden, en waar nog niet? Per thema, doelgroep en regio.",
            hide=["navigation", "toc"],  # the tables need the page's full width
        ),
        site.intro(src, "Overzicht: wat is er, en waar nog niet?"),
        '<div class="kb-overview" markdown>\n\n',
        "Elke cel telt de praktijkvoorbeelden met beide kenmerken en opent de zoekpagina met die twee filters "
        "aan. Een lege cel is een witte vlek: kent u een voorbeeld, meld het dan aan.\n\n",
        "Ga naar: " + ", ".join(f"[{text(view.title)}](#{view.anchor})" for view in GAP_MAPS) + "\n\n",
        legend(vocabularies),
    ]
    for matrix in matrices:
        parts.append(f"## {text(matrix.view.title)} {{ #{matrix.view.anchor} }}\n\n")
        parts.append(matrix_table(matrix, src, new_practice_issue(site.repo_url)))
    parts.append("</div>\n")
    return "".join(parts)


def legend(vocabularies: Vocabularies) -> str:
    """What the shades mean, in words: the cells say it as text too."""
    levels = [term.name for term in vocabularies.by_key(BY_NAME[GAP_MAP_SHADE].key)]
    items = "".join(
        f'<li><span class="kb-map-swatch kb-ev-{number}" aria-hidden="true"></span>{text(name)}</li>'
        for number, name in enumerate(levels, start=1)
    )
    return (
        '<div class="kb-map-legend">\n'
        "<p>Hoe donkerder een cel, hoe meer voorbeelden. De streep links in een cel toont het hoogste "
        "bewijsniveau van de voorbeelden erin; het staat er ook als tekst. Van laag naar hoog:</p>\n"
        f'<ul class="kb-map-levels">{items}</ul>\n'
        "</div>\n\n"
    )


def matrix_table(matrix: GapMatrix, src: str, issue_url: str) -> str:
    """The view as one raw HTML block (no blank lines), in a region that scrolls on a narrow screen and can
    take the keyboard's focus to do so."""
    view = matrix.view
    row_facet, column_facet = BY_NAME[view.rows], BY_NAME[view.columns]
    levels = {number: term.name for number, term in enumerate(matrix.levels, start=1)}
    most = matrix.most
    head = f'<th scope="col">{text(row_facet.legend)}</th>' + "".join(
        f'<th scope="col">{text(term.name)}</th>' for term in matrix.columns
    )
    body = []
    for row in matrix.rows:
        cells = "".join(
            _cell_html(view, matrix.cell(row.id, column.id), most, levels, src, issue_url) for column in matrix.columns
        )
        body.append(f'<tr><th scope="row">{text(row.name)}</th>{cells}</tr>')
    caption = (
        f"{text(view.title)}: praktijkvoorbeelden per {text(row_facet.legend.lower())} (rijen) "
        f"en {text(column_facet.legend.lower())} (kolommen)"
    )
    return (
        f'<div class="kb-map-scroll" role="region" aria-label="{attr(view.title)}" tabindex="0">\n'
        f'<table class="kb-map" id="kb-map-{attr(view.anchor)}">\n'
        f"<caption>{caption}</caption>\n"
        f"<thead><tr>{head}</tr></thead>\n"
        "<tbody>\n" + "\n".join(body) + "\n</tbody>\n"
        "</table>\n</div>\n\n"
    )


def _cell_html(view: GapMap, cell: Cell, most: int, levels: dict[int, str], src: str, issue_url: str) -> str:
    if not cell.count:
        empty = f'<a href="{attr(issue_url)}">{EMPTY}</a>' if issue_url else EMPTY
        return f'<td class="kb-map-cell kb-map-empty">{empty}</td>'
    level = levels.get(cell.evidence, "")
    evidence = f'<span class="kb-map-level">{text(level)}</span>' if level else ""
    return (
        f'<td class="kb-map-cell kb-shade-{shade(cell.count, most)} kb-ev-{cell.evidence}">'
        f'<a href="{attr(href(cell_url(view, cell), src))}"><span class="kb-map-count">{cell.count}</span>'
        f"{evidence}</a></td>"
    )
