"""The finder's data files: the sharded lunr index, the finder data, the finder script and the
lunr.js copies that ship inside the installed mkdocs package (copied at build time, not committed)."""

from __future__ import annotations

import json
from importlib import resources
from pathlib import Path
from typing import Any

import mkdocs.contrib.search

from ..catalogue import Catalogue
from ..search.index import SearchData, build_search_data
from ..search.shards import ShardedIndex, split
from .base import Output, Site

ASSETS = "assets/finder/"
_MKDOCS_SEARCH = Path(mkdocs.contrib.search.__file__).parent
# The browser loads these in this order: lunr, its stemmer support, then Dutch.
LUNR_FILES: tuple[tuple[str, Path], ...] = (
    ("lunr.js", _MKDOCS_SEARCH / "templates" / "search" / "lunr.js"),
    ("lunr.stemmer.support.js", _MKDOCS_SEARCH / "lunr-language" / "lunr.stemmer.support.js"),
    ("lunr.nl.js", _MKDOCS_SEARCH / "lunr-language" / "lunr.nl.js"),
)
FINDER_SCRIPT = "finder.js"
DATA_FILE = "data.json"


def shard_name(number: int) -> str:
    return f"index-{number}.json"


def compact(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def search_outputs(data: SearchData, sharded: ShardedIndex) -> list[Output]:
    finder_data = data.finder_data()
    finder_data["index"] = {**sharded.manifest(), "files": [shard_name(i) for i in range(len(sharded.shards))]}
    outputs = [Output(ASSETS + DATA_FILE, compact(finder_data))]
    outputs += [Output(ASSETS + shard_name(i), text) for i, text in enumerate(sharded.texts)]
    outputs += [Output(ASSETS + name, path.read_bytes()) for name, path in LUNR_FILES]
    script = resources.files("kennisbank.search").joinpath(FINDER_SCRIPT).read_bytes()
    outputs.append(Output(ASSETS + FINDER_SCRIPT, script))
    return outputs


def search_pages(catalogue: Catalogue, site: Site) -> list[Output]:
    data = build_search_data(catalogue)
    return search_outputs(data, split(data.index))
