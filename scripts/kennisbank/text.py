"""Plain text utilities shared by the pages and the search index."""

from __future__ import annotations

import re
import unicodedata


def slugify(value: str, empty: str = "x") -> str:
    """'Wmo' -> 'wmo'; 'Coördinatie & zo' -> 'coordinatie-zo'; ``empty`` when nothing is left. The one slug
    rule: anchors, file names suggested to editors and new practices all use it."""
    ascii_value = unicodedata.normalize("NFKD", value).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_value.lower()).strip("-") or empty
