"""The finder at /zoeken/. Without JavaScript it is a set of ways into the indexes; the script
(assets/finder/finder.js) shows the form, with free-text search and facets, and hides those links.

The form is real HTML in the page (a labelled search field, a fieldset with a legend per facet,
labelled checkboxes), so it works with a keyboard and a screen reader; the script only fills in the
counts and the results. Its state is the URL: ?q=nazorg&thema=nazorg&regio=twente.
"""

from __future__ import annotations

from ..catalogue import Catalogue
from ..markup import attr, front_matter, link, plural, text
from .base import Output, Site
from .paths import FINDER, section_src, term_src
from .search import ASSETS, FINDER_SCRIPT, LUNR_FILES

NO_SCRIPT_VOCABULARIES: tuple[tuple[str, str, str], ...] = (
    ("themes", "Per thema", "Alle thema's"),
    ("target_groups", "Per doelgroep", "Alle doelgroepen"),
    ("regions", "Per regio", "Alle regio's"),
)

# (practice attribute, vocabulary, URL parameter, legend): the facets, in the order they show.
FINDER_FACETS: tuple[tuple[str, str, str, str], ...] = (
    ("themes", "themes", "thema", "Thema"),
    ("target_groups", "target_groups", "doelgroep", "Doelgroep"),
    ("region", "regions", "regio", "Regio"),
    ("phases", "phases", "fase", "Fase"),
    ("evidence", "evidence", "bewijs", "Bewijsniveau"),
    ("success_factors", "success_factors", "bestanddeel", "Werkzaam bestanddeel"),
)


def finder_pages(catalogue: Catalogue, site: Site) -> list[Output]:
    return [Output(FINDER, finder_markdown(catalogue, site))]


def finder_markdown(catalogue: Catalogue, site: Site) -> str:
    src = FINDER
    meta = front_matter(title="Zoeken", description="Zoek praktijkvoorbeelden op woorden, thema, doelgroep en regio.")
    parts = [
        meta.replace("\n---\n", "\nhide:\n  - toc\n---\n", 1),
        site.intro(src, "Zoeken in de praktijkvoorbeelden"),
        finder_form(catalogue),
        '<div class="kb-finder-browse" markdown>\n\n',
        f"Bladeren door alle {plural(len(catalogue.practices), 'praktijkvoorbeeld', 'praktijkvoorbeelden')}:\n\n",
    ]
    for vocabulary, heading, all_label in NO_SCRIPT_VOCABULARIES:
        vocab = catalogue.vocabularies.by_key(vocabulary)
        items = [
            f"- {link(t.name, term_src(vocabulary, t.id), src)} ({len(catalogue.practices_with(vocabulary, t.id))})"
            for t in vocab
            if catalogue.practices_with(vocabulary, t.id)
        ]
        parts.append(f"## {heading}\n\n" + "\n".join(items) + "\n\n")
        parts.append(f"{link(all_label, section_src(vocabulary), src)}\n\n")
    parts.append("</div>\n\n")
    parts.append(scripts())
    return "".join(parts)


def facet_fieldset(catalogue: Catalogue, attribute: str, vocabulary: str, param: str, legend: str) -> str:
    rows = []
    for term in catalogue.vocabularies.by_key(vocabulary):
        count = len(catalogue.practices_with(vocabulary, term.id))
        if not count:
            continue
        control = f"kb-{param}-{term.id}"
        rows.append(
            f'<li><input type="checkbox" id="{attr(control)}" name="{param}" value="{attr(term.id)}">'
            f'<label for="{attr(control)}">{text(term.name)} <span class="kb-count">({count})</span></label></li>'
        )
    long = " kb-facet-long" if len(rows) > 12 else ""
    return (
        f'<fieldset class="kb-facet{long}" data-facet="{attribute}" data-param="{param}">'
        f"<legend>{text(legend)}</legend><ul>{''.join(rows)}</ul></fieldset>"
    )


def finder_form(catalogue: Catalogue) -> str:
    """One raw HTML block (no blank lines, so Markdown leaves it alone), hidden until the script runs."""
    fieldsets = "".join(facet_fieldset(catalogue, *facet) for facet in FINDER_FACETS)
    total = plural(len(catalogue.practices), "resultaat", "resultaten")
    return (
        f'<div id="kb-finder" class="kb-finder" data-assets="../{ASSETS}" data-root="../" hidden>\n'
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
        f'<div class="kb-finder-facets">{fieldsets}'
        '<button type="reset" class="md-button kb-finder-reset">Alles wissen</button></div>\n'
        "</form>\n"
        '<div class="kb-finder-output">'
        f'<p id="kb-finder-status" class="kb-finder-status" role="status" aria-live="polite">{total}</p>'
        '<p id="kb-finder-note" class="kb-small" hidden></p>'
        '<ol id="kb-finder-results" class="kb-finder-results"></ol></div>\n'
        "</div>\n\n"
    )


def scripts() -> str:
    """The scripts, on this page only: lunr and its Dutch support, then the finder. Not deferred: the
    finder has to run before Material's bundle (see finder.js), and the form stands above them."""
    names = [name for name, _path in LUNR_FILES] + [FINDER_SCRIPT]
    return "".join(f'<script src="../{ASSETS}{name}"></script>\n' for name in names)
