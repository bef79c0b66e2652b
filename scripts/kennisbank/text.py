"""Plain text utilities shared by the pages and the search index."""

from __future__ import annotations

import re
import unicodedata


def slugify(value: str) -> str:
    """'Wmo' -> 'wmo'; 'Coördinatie & zo' -> 'coordinatie-zo'."""
    ascii_value = unicodedata.normalize("NFKD", value).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_value.lower()).strip("-") or "x"
