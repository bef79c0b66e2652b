"""The finder's index for one project's practices: build time, sizes raw and gzipped, per practice, and
what the browser fetches before the first result of typical queries (``finder.finder_sizes``).
``python -m benchmarks.finder_child PRACTICES_DIR`` prints JSON on its last line."""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

from kennisbank.names import VOCABULARY_FOLDER
from kennisbank.pipeline import build_catalogue
from kennisbank.vocabularies import load_vocabularies

from .finder import finder_sizes


def main() -> None:
    practices = Path(sys.argv[1])
    catalogue = build_catalogue([practices], load_vocabularies(practices / VOCABULARY_FOLDER))
    start = time.process_time()
    sizes = finder_sizes(catalogue)
    cpu = time.process_time() - start
    sizes.pop("outputs")
    print(json.dumps({**sizes, "cpu_with_measuring": cpu}))


if __name__ == "__main__":
    main()
