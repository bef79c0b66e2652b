"""Which entries of a practices folder are practices, and why any other name is refused.

Every entry of the folder is accounted for: a practice (``<slug>.md``), one of the few files and the one
folder that belong there (``KNOWN_ENTRIES``, ``VOCABULARY_FOLDER``), or a problem. Nothing is skipped in
silence: a practice saved as ``x.MD``, ``x.markdown``, ``x.md `` or in a subfolder would otherwise simply
not appear on the site.
"""

from __future__ import annotations

import re
import unicodedata
from pathlib import PurePath

from .schema import MAX_SLUG_LENGTH, RESERVED_SLUGS, SLUG_PATTERN
from .text import slugify

_SLUG_RE = re.compile(SLUG_PATTERN)
PRACTICE_SUFFIX = ".md"
VOCABULARY_FOLDER = "vocabularies"
# Files that belong in the folder and are no practice: the JSON Schema for editors (``kennisbank schema``),
# a README for who browses the folder on GitHub, and git's placeholders for an empty folder. None of them is
# read for the site.
SCHEMA_FILE = "schema.json"
KNOWN_ENTRIES = frozenset({SCHEMA_FILE, "README.md", ".gitkeep", ".gitignore"})
# Other Markdown extensions: such a file is probably a practice saved under the wrong name.
_MARKDOWN_SUFFIXES = frozenset({".markdown", ".mdown", ".mkd", ".mkdn", ".mdwn", ".txt", ".text"})
# Characters that do not show as themselves in a terminal or a CI log: controls, format characters (soft
# hyphen, zero-width ...), line and paragraph separators, and the surrogates Python makes of bytes in a
# name that are no UTF-8.
_HIDDEN_CATEGORIES = frozenset({"Cc", "Cf", "Cs", "Co", "Cn", "Zl", "Zp"})


def is_known_entry(name: str, is_dir: bool) -> bool:
    """An entry of a practices folder that is no practice and needs no message."""
    return (name == VOCABULARY_FOLDER) if is_dir else (name in KNOWN_ENTRIES)


def escaped(text: str) -> str:
    """``text`` with every character that does not show as itself written as an escape (``\\n``, ``\\x1b``)."""
    if text.isprintable() or not any(unicodedata.category(c) in _HIDDEN_CATEGORIES for c in text):
        return text
    return "".join(_escape(c) if unicodedata.category(c) in _HIDDEN_CATEGORIES else c for c in text)


def _escape(char: str) -> str:
    code = ord(char)
    if char in "\n\r\t":
        return repr(char)[1:-1]
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}" if code < 0x10000 else f"\\U{code:08x}"


def suggest_slug(name: str) -> str:
    slug = slugify(name, empty="")
    return slug[:MAX_SLUG_LENGTH].rstrip("-") or "naam-van-het-voorbeeld"


def name_problem(name: str) -> str | None:
    """Why a file with this name is no practice (a Dutch message), or None for ``<slug>.md``."""
    stem = name[: -len(PRACTICE_SUFFIX)]
    if name.endswith(PRACTICE_SUFFIX) and _is_slug(stem) and stem not in RESERVED_SLUGS:
        return None  # nearly every file: no need to find out what else it is
    path = PurePath(name)
    stem, suffix = (path.stem, path.suffix) if name not in (".", "..") else (name, "")
    advice = f"geef het bestand een naam als '{suggest_slug(stem)}.md': kleine letters, cijfers en koppeltekens"
    hidden = next((c for c in name if unicodedata.category(c) in _HIDDEN_CATEGORIES), None)
    if hidden is not None:
        return f"bestandsnaam '{escaped(name)}' bevat een onzichtbaar teken (U+{ord(hidden):04X}); {advice}"
    if name != name.strip():
        return f"bestandsnaam '{name}' begint of eindigt met een spatie; {advice}"
    if name.startswith("."):
        return (
            f"'{name}' is een verborgen bestand; in deze map horen alleen praktijkvoorbeelden (<slug>.md), "
            f"de map {VOCABULARY_FOLDER}/ en {', '.join(sorted(KNOWN_ENTRIES, key=str.lower))}"
        )
    if suffix != PRACTICE_SUFFIX:
        if suffix.lower() == PRACTICE_SUFFIX:
            return f"de extensie '{suffix}' moet in kleine letters: noem het bestand '{suggest_slug(stem)}.md'"
        if suffix.lower() in _MARKDOWN_SUFFIXES:
            return (
                f"is geen .md-bestand ('{suffix}'); is het een praktijkvoorbeeld, noem het dan "
                f"'{suggest_slug(stem)}.md'"
            )
        return (
            "is geen .md-bestand; een praktijkvoorbeeld heet <slug>.md, en andere bestanden horen niet in deze map "
            f"(alleen de map {VOCABULARY_FOLDER}/ en {', '.join(sorted(KNOWN_ENTRIES, key=str.lower))})"
        )
    if not _is_slug(stem):
        return (
            f"bestandsnaam '{name}' is geen geldige slug: gebruik kleine letters, "
            f"cijfers en koppeltekens (hoogstens {MAX_SLUG_LENGTH} tekens), "
            f"bijvoorbeeld '{suggest_slug(stem)}.md'"
        )
    if stem in RESERVED_SLUGS:
        return (
            f"bestandsnaam '{name}' is gereserveerd voor de site zelf (de pagina kwam niet op "
            f"/praktijkvoorbeelden/{stem}/ te staan); kies een naam die zegt wat het voorbeeld is, "
            "bijvoorbeeld 'plaats-aanpak.md'"
        )
    return None


def _is_slug(text: str) -> bool:
    return len(text) <= MAX_SLUG_LENGTH and _SLUG_RE.fullmatch(text) is not None
