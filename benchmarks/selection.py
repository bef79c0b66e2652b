"""What "Mijn selectie" adds to every page, gzipped: the scripts a practice page loads from
assets/selection/ (with the modules they import statically; overview.js is imported only on print
overviews, page.js only on /selectie/) and its style sheet. Each file is compressed on its own, as a
host sends it. The target: at most 10 KB (issue #20)."""

from __future__ import annotations

import gzip
import posixpath
import re
from pathlib import Path
from typing import Any

BUDGET_BYTES = 10 * 1024
_LOADED = re.compile(r'<(?:script[^>]*\ssrc|link[^>]*\shref)="([^"]*assets/selection[^"]*)"')
_STATIC_IMPORT = re.compile(r"^\s*import\b[^;(]*?[\"'](\./[a-z]+\.js)[\"']", re.M)


def selection_weight(site: Path) -> dict[str, Any]:
    """{'files': {path: gzipped bytes}, 'total_gz': bytes} for one practice page of the built ``site``."""
    pages = sorted((site / "praktijkvoorbeelden").glob("*/index.html"))
    if not pages:
        return {"files": {}, "total_gz": None}
    page = pages[0]
    html = page.read_text(encoding="utf-8")
    folder = str(page.parent.relative_to(site))
    todo = [posixpath.normpath(posixpath.join(folder, src)) for src in _LOADED.findall(html)]
    files: dict[str, int] = {}
    while todo:
        path = todo.pop()
        if path in files:
            continue
        content = (site / path).read_bytes()
        files[path] = len(gzip.compress(content, 6))
        if path.endswith(".js"):
            folder = posixpath.dirname(path)
            todo += [posixpath.join(folder, name[2:]) for name in _STATIC_IMPORT.findall(content.decode("utf-8"))]
    return {"files": files, "total_gz": sum(files.values())}


if __name__ == "__main__":
    import sys

    print(selection_weight(Path(sys.argv[1] if len(sys.argv) > 1 else "site")))
