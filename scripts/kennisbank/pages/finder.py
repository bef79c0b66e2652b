"""The finder at /zoeken/. Without JavaScript it is a set of ways into the indexes; the script
(assets/finder.js) turns it into free-text search with facets."""

from __future__ import annotations

from ..catalogue import Catalogue
from ..markup import front_matter, link, plural
from .base import Output, Site
from .paths import FINDER, section_src, term_src

NO_SCRIPT_VOCABULARIES: tuple[tuple[str, str, str], ...] = (
    ("themes", "Per thema", "Alle thema's"),
    ("target_groups", "Per doelgroep", "Alle doelgroepen"),
    ("regions", "Per regio", "Alle regio's"),
)


def finder_pages(catalogue: Catalogue, site: Site) -> list[Output]:
    return [Output(FINDER, finder_markdown(catalogue, site))]


def finder_markdown(catalogue: Catalogue, site: Site) -> str:
    src = FINDER
    parts = [
        front_matter(title="Zoeken", description="Zoek praktijkvoorbeelden op woorden, thema, doelgroep en regio."),
        site.intro(src, "Zoeken in de praktijkvoorbeelden"),
        '<div id="kb-finder" class="kb-finder" markdown>\n\n',
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
    parts.append("</div>\n")
    return "".join(parts)
