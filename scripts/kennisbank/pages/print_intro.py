"""The short introduction a region's print overview opens with: its gemeenten and how many of its
practices there are per theme, so a meeting sees at a glance what the region has.

The gemeenten come from the municipality data (``municipalities.yml``, read into
``Vocabularies.municipalities``); ``region_municipalities`` is the one place that reads them for print.
A project without that file prints no gemeenten line.
"""

from __future__ import annotations

from ..catalogue import Catalogue
from ..markup import text
from ..model import Practice
from ..municipalities import normalise
from ..vocabularies import Term, Vocabulary


def region_municipalities(catalogue: Catalogue, region: Term) -> tuple[str, ...]:
    """The names of the gemeenten in ``region``, alphabetically; none for 'landelijk' or without the data."""
    found = catalogue.vocabularies.municipalities.in_region(region.id)
    return tuple(sorted((m.name for m in found), key=normalise))


def print_intro(catalogue: Catalogue, vocab: Vocabulary, term: Term, practices: list[Practice]) -> str:
    """Markdown for the cover of ``term``'s overview, after its description; '' for facets without one."""
    if vocab.key != "regions":
        return ""
    lines = []
    municipalities = region_municipalities(catalogue, term)
    if municipalities:
        lines.append(f"**Gemeenten:** {', '.join(text(name) for name in municipalities)}")
    lines.append(f"**Per thema:** {themes_line(catalogue, practices)}")
    return "  \n".join(lines) + "\n{: .kb-print-intro }\n\n"


def themes_line(catalogue: Catalogue, practices: list[Practice]) -> str:
    """'Nazorg (3), Integrale aanpak (1)': most practices first, then in the order of themes.yml."""
    themes = catalogue.vocabularies.themes
    counts = {t.id: sum(t.id in p.themes for p in practices) for t in themes}
    order = {t.id: index for index, t in enumerate(themes)}
    chosen = sorted((i for i, n in counts.items() if n), key=lambda i: (-counts[i], order[i]))
    return ", ".join(f"{text(themes[i].name)} ({counts[i]})" for i in chosen)
