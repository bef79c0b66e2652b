"""lunr's Dutch stemmer for the finder page: lunr's stemmer support and its Dutch stemmer from the installed
mkdocs package (copied at build time, not committed), and in place of lunr.js itself the little of it those
two need to load (``search/lunr-base.js``).

The finder page loads them by name (``pages.finder.LUNR_SCRIPTS``); the hook copies them beside the
finder's data. Finding them needs MkDocs, so it happens here and generating pages does not.
"""

from __future__ import annotations

from pathlib import Path

import mkdocs.contrib.search

from ..pages.base import Output
from ..pages.finder import ASSETS, LUNR_SCRIPTS

_MKDOCS_SEARCH = Path(mkdocs.contrib.search.__file__).parent
LUNR_FILES: dict[str, Path] = {
    "lunr-base.js": Path(__file__).resolve().parent.parent / "search" / "lunr-base.js",
    "lunr.stemmer.support.js": _MKDOCS_SEARCH / "lunr-language" / "lunr.stemmer.support.js",
    "lunr.nl.js": _MKDOCS_SEARCH / "lunr-language" / "lunr.nl.js",
}


def lunr_paths() -> list[Path]:
    """The files, in the order the page loads them."""
    return [LUNR_FILES[name] for name in LUNR_SCRIPTS]


def lunr_outputs() -> list[Output]:
    """The files as outputs below the finder's assets, in the order the page loads them."""
    return [Output(ASSETS + name, LUNR_FILES[name].read_bytes()) for name in LUNR_SCRIPTS]
