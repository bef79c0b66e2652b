"""Page generation alone: the pipeline (load, validate, catalogue), then every generator, timed apart.
``python -m benchmarks.generation_child PRACTICES_DIR`` prints JSON on its last line."""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

from kennisbank.heap import without_cycle_collection
from kennisbank.pages import GENERATORS, Site
from kennisbank.pipeline import run
from kennisbank.vocabularies import load_vocabularies


def main() -> None:
    practices = Path(sys.argv[1])
    vocabularies = load_vocabularies(practices / "vocabularies")
    start = time.process_time()
    state = run([practices], vocabularies=vocabularies)
    pipeline = time.process_time() - start
    if state.errors or state.catalogue is None:
        raise SystemExit(f"{len(state.errors)} errors in {practices}")
    site = Site(url="https://kennisbank.example/")
    generators: dict[str, float] = {}
    pages = 0
    size = 0
    for generator in GENERATORS:
        start = time.process_time()
        with without_cycle_collection():  # as pages.generate() runs them
            outputs = generator(state.catalogue, site)
        generators[generator.__name__] = time.process_time() - start
        pages += sum(o.is_page for o in outputs)
        size += sum(len(o.content) for o in outputs)
    print(
        json.dumps(
            {
                "pipeline": pipeline,
                "generate": sum(generators.values()),
                "generators": generators,
                "pages": pages,
                "markdown_mb": size / 1e6,
            }
        )
    )


if __name__ == "__main__":
    main()
