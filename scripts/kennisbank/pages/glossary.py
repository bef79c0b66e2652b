"""The glossary at /begrippen/, from the one glossary data file."""

from __future__ import annotations

from ..addresses import GLOSSARY
from ..catalogue import Catalogue
from ..markup import front_matter, text
from ..text import slugify
from .base import Output, Site


def glossary_pages(catalogue: Catalogue, site: Site) -> list[Output]:
    entries = sorted(catalogue.vocabularies.glossary, key=lambda e: e.term.casefold())
    parts = [front_matter(title="Begrippenlijst"), site.intro(GLOSSARY, "Begrippenlijst")]
    lines = []
    for entry in entries:
        name = text(entry.term) + (f" ({text(entry.expansion)})" if entry.expansion else "")
        lines.append(f"{name} {{ #{slugify(entry.term)} }}\n:   {text(entry.definition)}\n")
    parts.append("\n".join(lines))
    return [Output(GLOSSARY, "".join(parts))]
