"""The region tile map: one tile per arbeidsmarktregio (and one for 'landelijk'), placed on a grid roughly
where the region lies, each with its number of practices and a link to the region's page. On /regios/ and
the home page.

It is an HTML list in reading order (north to south, west to east), so a screen reader hears a list of
links, "Twente, 3 praktijkvoorbeelden"; the CSS places the items on the grid by their classes
(``kb-tile-row-N``, ``kb-tile-col-N``; a page may carry no inline style) and shades them by their count,
which stands in each tile as text. No geographic data and no map service: the positions are the table below.
"""

from __future__ import annotations

from ..addresses import href, page_url, term_src
from ..catalogue import Catalogue
from ..markup import attr, plural, text
from .overview import shade

REGIONS = "regions"

# Region id -> (row, column) on the grid, from the north-west. Rough geography, one tile per region:
# tests/test_region_map.py checks that every region of regions.yml has exactly one place and no two share one.
TILES: dict[str, tuple[int, int]] = {
    "landelijk": (0, 0),
    "friesland": (0, 3),
    "groningen": (0, 4),
    "noord-holland-noord": (1, 2),
    "drenthe": (1, 4),
    "zaanstreek-waterland": (2, 2),
    "flevoland": (2, 3),
    "regio-zwolle": (2, 4),
    "twente": (2, 5),
    "zuid-kennemerland-en-ijmond": (3, 1),
    "groot-amsterdam": (3, 2),
    "gooi-en-vechtstreek": (3, 3),
    "stedendriehoek-en-noordwest-veluwe": (3, 4),
    "achterhoek": (3, 5),
    "holland-rijnland": (4, 1),
    "midden-utrecht": (4, 2),
    "amersfoort": (4, 3),
    "food-valley": (4, 4),
    "midden-gelderland": (4, 5),
    "haaglanden": (5, 0),
    "zuid-holland-centraal": (5, 1),
    "midden-holland": (5, 2),
    "rivierenland": (5, 3),
    "rijk-van-nijmegen": (5, 4),
    "rijnmond": (6, 1),
    "drechtsteden": (6, 2),
    "gorinchem": (6, 3),
    "noordoost-brabant": (6, 4),
    "noord-limburg": (6, 5),
    "zeeland": (7, 0),
    "west-brabant": (7, 1),
    "midden-brabant": (7, 2),
    "zuidoost-brabant": (7, 3),
    "helmond-de-peel": (7, 4),
    "midden-limburg": (8, 4),
    "zuid-limburg": (9, 4),
}
# The grid's size; kennisbank.css has a class for every row and column below these.
ROWS = 10
COLUMNS = 6


def region_tiles(catalogue: Catalogue, src: str) -> str:
    """The tile map as one raw HTML block (no blank lines), for the page whose source is ``src``. A region
    the table does not place (a new one in regions.yml, until it gets a place) follows below the grid."""
    vocab = catalogue.vocabularies.by_key(REGIONS)
    counts = {term.id: len(catalogue.practices_with(REGIONS, term.id)) for term in vocab}
    most = max(counts.values(), default=0)
    placed = sorted((term for term in vocab), key=lambda t: TILES.get(t.id, (ROWS, COLUMNS)))
    items = []
    for term in placed:
        count = counts[term.id]
        where = TILES.get(term.id)
        position = f" kb-tile-row-{where[0]} kb-tile-col-{where[1]}" if where else " kb-tile-unplaced"
        target = href(page_url(term_src(REGIONS, term.id)), src)
        number = plural(count, "praktijkvoorbeeld", "praktijkvoorbeelden")
        items.append(
            f'<li class="kb-tile kb-shade-{shade(count, most)}{position}">'
            f'<a href="{attr(target)}"><span class="kb-tile-name">{text(term.name)}</span> '
            f'<span class="kb-tile-count">{count}<span class="kb-visually-hidden"> '
            f"{number.split(' ', 1)[1]}</span></span></a></li>"
        )
    return (
        '<ul class="kb-tiles" aria-label="Praktijkvoorbeelden per arbeidsmarktregio, van noord naar zuid">'
        f"{''.join(items)}</ul>\n\n"
    )
