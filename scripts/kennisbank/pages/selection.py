"""The page "Mijn selectie" (/selectie/), the list of practices its script reads, and the scripts.

The selection itself lives in the browser (localStorage, ``selection/store.js``); the site only ships
what the scripts need:

- ``assets/selection/practices.json``: every practice's slug, title and region, in catalogue order, and
  the address patterns of a practice page and a region's print overview. The page checks a stored or
  shared selection against it (a slug the site no longer has is named and dropped) and lists titles
  without asking for any page;
- the page /selectie/: without JavaScript an explanation and the ways to the print overviews; with it,
  the list in the user's order, the title for the cover, compact or full text, printing and sharing
  (``selection/page.js``);
- the modules (``selection/*.js``): ``store.js`` runs on every page (mkdocs.yml) for the toggle buttons
  and the count in the header; ``page.js`` and ``bundle.js`` only on /selectie/.

Printed, the selection is a print overview: ``bundle.js`` copies each practice's block from the print
overview of its region (the one every practice has, made by ``pages/printing.py``), so a bundle prints
exactly as the overviews do and the block is defined once. For full text it puts the practice page's
own text in place of the block's 'Wat werkt'. Both are pages of this site that passed ``safety.py``;
the script parses them inert (DOMParser) and copies their nodes; titles from the list go in as text.
"""

from __future__ import annotations

import json
from importlib import resources

from ..addresses import PRIVACY, SELECTION, SELECTION_ASSETS, page_url, practice_url, print_url, section_src
from ..catalogue import Catalogue
from ..facets import FACETS
from ..markup import attr, front_matter, link
from ..model import Practice
from .base import Output, Site

PRACTICES_FILE = "practices.json"
# The module every page loads (mkdocs.yml, extra_javascript), and the one of the page /selectie/.
STORE_SCRIPT = "store.js"
PAGE_SCRIPT = "page.js"


def selection_pages(catalogue: Catalogue, site: Site) -> list[Output]:
    return [
        Output(SELECTION, selection_markdown(catalogue)),
        Output(SELECTION_ASSETS + PRACTICES_FILE, practices_data(catalogue)),
        *(Output(SELECTION_ASSETS + name, content) for name, content in selection_modules()),
    ]


def practices_data(catalogue: Catalogue) -> str:
    practices = catalogue.practices
    data = {
        "page": practice_url("{slug}"),
        "print": print_url("regions", "{region}"),
        "slugs": [p.slug for p in practices],
        "titles": [p.title for p in practices],
        "regions": [p.region for p in practices],
    }
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"))


def selection_modules() -> list[tuple[str, bytes]]:
    """The selection's modules (name, content), from the package's ``selection`` folder."""
    folder = resources.files("kennisbank").joinpath("selection")
    return sorted((item.name, item.read_bytes()) for item in folder.iterdir() if item.name.endswith(".js"))


def select_button(practice: Practice) -> str:
    """The toggle on a practice page; hidden until store.js runs, since without it the button does nothing."""
    return (
        f'<p class="kb-select"><button type="button" class="md-button kb-select-toggle" '
        f'data-slug="{attr(practice.slug)}" aria-pressed="false" hidden>Bewaar in mijn selectie</button></p>\n\n'
    )


def selection_markdown(catalogue: Catalogue) -> str:
    src = SELECTION
    root = "../"
    printable = [f for f in FACETS if f.printable and f.folder]
    overviews = ", ".join(link(f.title.lower(), section_src(f.key), src) for f in printable)
    noscript_links = " ".join(
        f'<a href="{attr(root + page_url(section_src(f.key)))}">{attr(f.title)}</a>' for f in printable
    )
    return (
        front_matter(
            title="Mijn selectie",
            description="Uw eigen keuze van praktijkvoorbeelden, op volgorde, om af te drukken of te delen.",
            hide=["navigation", "toc"],
        )
        + '<div class="kb-selection-screen" markdown>\n\n'
        "# Mijn selectie\n\n"
        "Kies op de pagina van een praktijkvoorbeeld of bij een zoekresultaat **Bewaar in mijn selectie**. "
        "Hier zet u de gekozen voorbeelden op volgorde, geeft u de bundel een titel en drukt u alles in één "
        "keer af, bijvoorbeeld voor een overleg. Met **Deel** maakt u een link naar dezelfde bundel voor een "
        "collega.\n\n"
        "Uw selectie blijft in deze browser, op dit apparaat: er is geen account voor nodig en niets wordt "
        f"verstuurd ({link('privacy', PRIVACY, src)}). Hele thema's, doelgroepen en regio's drukt u af via "
        f"de afdrukversie op hun pagina: {overviews}.\n{{: .kb-small }}\n\n"
        "<noscript><p>Voor Mijn selectie is JavaScript nodig, en dat staat in uw browser uit. U kunt wel de "
        "afdrukversie van een heel thema, een doelgroep of een regio afdrukken: kies er een via "
        f"{noscript_links} en dan <strong>Afdrukversie</strong>.</p></noscript>\n\n"
        f'<div id="kb-selection" class="kb-selection" data-assets="{root}{SELECTION_ASSETS}" '
        f'data-root="{root}" hidden>\n'
        '<p id="kb-selection-message" class="kb-selection-message" role="status" aria-live="polite"></p>\n'
        '<div id="kb-selection-shared" class="kb-selection-shared" hidden>'
        '<p id="kb-selection-shared-text"></p>'
        '<p><button type="button" id="kb-selection-save" class="md-button md-button--primary">'
        "Bewaar als mijn selectie</button></p></div>\n"
        '<p id="kb-selection-empty" tabindex="-1" hidden>Uw selectie is nog leeg.</p>\n'
        '<div id="kb-selection-tools" class="kb-selection-tools" hidden>'
        '<p><label for="kb-selection-title">Titel op het voorblad</label><br>'
        '<input type="text" id="kb-selection-title" name="titel" autocomplete="off" '
        'placeholder="Mijn selectie"></p>'
        '<fieldset class="kb-selection-mode"><legend>Afdrukken</legend>'
        '<input type="radio" id="kb-selection-compact" name="tekst" value="compact" checked>'
        '<label for="kb-selection-compact">Compact, zoals de afdrukversies</label><br>'
        '<input type="radio" id="kb-selection-full" name="tekst" value="volledig">'
        '<label for="kb-selection-full">Volledige tekst van elk praktijkvoorbeeld</label></fieldset>'
        '<h2 id="kb-selection-order" tabindex="-1">Volgorde</h2>'
        '<ol id="kb-selection-list" class="kb-selection-list" aria-labelledby="kb-selection-order"></ol>'
        '<p class="kb-selection-actions">'
        '<button type="button" id="kb-selection-print" class="md-button md-button--primary">Afdrukken</button> '
        '<a id="kb-selection-share" class="md-button" href="./">Deel</a> '
        '<button type="button" id="kb-selection-copy" class="md-button">Kopieer de link</button></p>'
        '<p id="kb-selection-share-text" class="kb-small"></p>'
        "</div>\n</div>\n\n</div>\n\n"
        '<div id="kb-selection-bundle" class="kb-selection-bundle"></div>\n\n'
        f'<script type="module" src="{root}{SELECTION_ASSETS}{PAGE_SCRIPT}"></script>\n'
    )
