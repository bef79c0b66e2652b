"""The finder at /zoeken/. Without JavaScript it is a set of ways into the indexes; the script
(assets/finder/finder.js, an ES module importing the others beside it) shows the form, with free-text
search and facets, and hides those links.

The form is real HTML in the page (a labelled search field, a fieldset with a legend per facet,
labelled checkboxes), so it works with a keyboard and a screen reader; the script only fills in the
counts and the results. Its state is the URL: ?q=nazorg&thema=nazorg&regio=twente.

The page also carries what the script needs before any data file has arrived (``data-finder``, made by
``pages/search.py``): the text pipeline's settings, the synonym table and the manifests of the index
shards and the text blocks. With them the script asks for the shards of the query in the address and
for the result texts while the page is still loading, instead of after a first round trip.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

from ..addresses import FINDER, section_src, term_src
from ..catalogue import Catalogue
from ..facets import FACETS, Facet
from ..markup import attr, front_matter, link, plural, text
from .base import Output, Site

ASSETS = "assets/finder/"
# lunr's Dutch stemmer, in the order the browser loads its scripts: the little of lunr that the other two
# need (search/lunr-base.js, ours), lunr's stemmer support, then Dutch. The last two ship inside the installed
# mkdocs package; the entry layer copies all three here (``entry/lunr_files.py``).
LUNR_SCRIPTS: tuple[str, ...] = ("lunr-base.js", "lunr.stemmer.support.js", "lunr.nl.js")
# The finder's ES modules (search/finder/*.js), shipped side by side below ASSETS; this one imports the rest.
FINDER_SCRIPT = "finder.js"


def finder_page(catalogue: Catalogue, site: Site, boot: Mapping[str, Any]) -> Output:
    """The page; ``boot`` is what the script gets in ``data-finder`` (see ``search.finder_boot``)."""
    return Output(FINDER, finder_markdown(catalogue, site, boot))


def finder_markdown(catalogue: Catalogue, site: Site, boot: Mapping[str, Any]) -> str:
    src = FINDER
    meta = front_matter(title="Zoeken", description="Zoek praktijkvoorbeelden op woorden, thema, doelgroep en regio.")
    parts = [
        meta.replace("\n---\n", "\nhide:\n  - toc\n---\n", 1),
        site.intro(src, "Zoeken in de praktijkvoorbeelden"),
        finder_form(catalogue, boot),
        '<div class="kb-finder-browse" markdown>\n\n',
        f"Bladeren door alle {plural(len(catalogue.practices), 'praktijkvoorbeeld', 'praktijkvoorbeelden')}:\n\n",
    ]
    for facet in (f for f in FACETS if f.browse):
        vocabulary = facet.key
        vocab = catalogue.vocabularies.by_key(vocabulary)
        items = [
            f"- {link(t.name, term_src(vocabulary, t.id), src)} ({len(catalogue.practices_with(vocabulary, t.id))})"
            for t in vocab
            if catalogue.practices_with(vocabulary, t.id)
        ]
        parts.append(f"## Per {facet.legend.lower()}\n\n" + "\n".join(items) + "\n\n")
        parts.append(f"{link('Alle ' + facet.title.lower(), section_src(vocabulary), src)}\n\n")
    parts.append("</div>\n\n")
    parts.append(scripts())
    return "".join(parts)


def facet_fieldset(catalogue: Catalogue, facet: Facet) -> str:
    param = facet.param
    rows = []
    for term in catalogue.vocabularies.by_key(facet.key):
        count = len(catalogue.practices_with(facet.key, term.id))
        if not count:
            continue
        control = f"kb-{param}-{term.id}"
        rows.append(
            f'<li><input type="checkbox" id="{attr(control)}" name="{param}" value="{attr(term.id)}">'
            f'<label for="{attr(control)}">{text(term.name)} <span class="kb-count">({count})</span></label></li>'
        )
    long = " kb-facet-long" if len(rows) > 12 else ""
    return (
        f'<fieldset class="kb-facet{long}" data-facet="{facet.name}" data-param="{param}">'
        f"<legend>{text(facet.legend)}</legend><ul>{''.join(rows)}</ul></fieldset>"
    )


def json_attribute(value: Any) -> str:
    """JSON for an HTML attribute in single quotes: only &, <, > and ' become entities, so the JSON's
    own double quotes stay one character each."""
    encoded = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    return "'" + encoded.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("'", "&#39;") + "'"


def finder_form(catalogue: Catalogue, boot: Mapping[str, Any]) -> str:
    """One raw HTML block (no blank lines, so Markdown leaves it alone), hidden until the script runs."""
    fieldsets = "".join(facet_fieldset(catalogue, facet) for facet in FACETS)
    total = plural(len(catalogue.practices), "resultaat", "resultaten")
    return (
        f'<div id="kb-finder" class="kb-finder" data-assets="../{ASSETS}" data-root="../" '
        f"data-finder={json_attribute(boot)} hidden>\n"
        '<form class="kb-finder-form" role="search" aria-label="Praktijkvoorbeelden zoeken">\n'
        '<div class="kb-finder-query"><label for="kb-finder-q">Zoek op woorden</label>'
        '<input type="search" id="kb-finder-q" name="q" autocomplete="off" spellcheck="false" '
        'aria-describedby="kb-finder-hint">'
        '<button type="submit" class="md-button md-button--primary">Zoeken</button>'
        '<p id="kb-finder-hint" class="kb-small">Bijvoorbeeld: nazorg vso, heftruck certificaat, vsv Twente. '
        "Vink hieronder aan om te filteren.</p>"
        # Keyboard users would otherwise tab past every facet checkbox to reach the results.
        '<p class="kb-small"><a class="kb-finder-skip" href="#kb-finder-status">Direct naar de resultaten</a></p>'
        "</div>\n"
        # On a phone the facets fold away behind this button, so the results follow the field; the script
        # shows it (and the CSS only on narrow screens), counts the ticked filters in it and folds.
        '<div class="kb-finder-bar"><button type="button" class="md-button kb-finder-filters" aria-expanded="false" '
        'aria-controls="kb-finder-facets" hidden>Filters</button>'
        # The count again, beside the button (both stay in view, CSS sticky, while the facets are open), so a
        # tick shows its effect in view;
        # hidden from screen readers, which hear the status below.
        '<span id="kb-finder-count" class="kb-finder-count kb-small" aria-hidden="true"></span></div>\n'
        f'<div id="kb-finder-facets" class="kb-finder-facets">{fieldsets}'
        '<button type="reset" class="md-button kb-finder-reset">Alles wissen</button></div>\n'
        "</form>\n"
        '<div class="kb-finder-output">'
        # The site's other pages that match (search/site_pages.py): the header's search lands here. Above
        # the status, so "Direct naar de resultaten" and one Tab reach the first practice.
        '<div id="kb-finder-pages" class="kb-finder-pages" hidden>'
        '<p id="kb-finder-pages-label">Ook op deze site:</p>'
        '<ul aria-labelledby="kb-finder-pages-label"></ul></div>'
        f'<p id="kb-finder-status" class="kb-finder-status" role="status" aria-live="polite">{total}</p>'
        # Which words matched nothing, and what was searched instead (corrections, compound parts).
        '<p id="kb-finder-note" class="kb-small" role="status" hidden></p>'
        # When nothing matches: the filters nearest to the words typed (finder/suggest.js).
        '<div id="kb-finder-near" class="kb-finder-pages" hidden>'
        '<p id="kb-finder-near-label">Misschien bedoelt u:</p>'
        '<ul aria-labelledby="kb-finder-near-label"></ul></div>'
        '<ol id="kb-finder-results" class="kb-finder-results"></ol></div>\n'
        "</div>\n\n"
    )


def scripts() -> str:
    """The scripts, on this page only: lunr and its Dutch support (for lunr.nl's stemmer), then the finder,
    a module: the browser fetches it and its imports while it reads the page, and runs it once the page
    is read, after the lunr scripts."""
    lunr = "".join(f'<script src="../{ASSETS}{name}"></script>\n' for name in LUNR_SCRIPTS)
    return lunr + f'<script type="module" src="../{ASSETS}{FINDER_SCRIPT}"></script>\n'
