"""Sections of RESULTS.md written by their own scripts (``python -m benchmarks.related_history``): each
stands between ``<!-- section:NAME -->`` and ``<!-- /section:NAME -->``, is replaced only by its own
script, and survives ``make bench`` rewriting the rest of the file."""

from __future__ import annotations

import re
from pathlib import Path

_SECTION = re.compile(r"<!-- section:([a-z-]+) -->\n.*?<!-- /section:\1 -->\n", re.S)


def kept_sections(path: Path) -> str:
    """The marked sections of the file at ``path``, to append to its new text ('' if none)."""
    if not path.exists():
        return ""
    return "".join("\n" + match.group(0) for match in _SECTION.finditer(path.read_text(encoding="utf-8")))


def write_section(path: Path, name: str, body: str) -> None:
    """Put ``body`` as the section ``name`` into the file: in its old place, or at the end."""
    block = f"<!-- section:{name} -->\n{body.rstrip()}\n<!-- /section:{name} -->\n"
    text = path.read_text(encoding="utf-8") if path.exists() else ""
    pattern = re.compile(rf"<!-- section:{name} -->\n.*?<!-- /section:{name} -->\n", re.S)
    found = pattern.search(text)
    text = pattern.sub(lambda _: block, text) if found else text.rstrip("\n") + "\n\n" + block
    path.write_text(text, encoding="utf-8")
