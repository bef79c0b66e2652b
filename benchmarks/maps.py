"""The build-time cost of the overview (/overzicht/, pages/overview.py) and the region tile map
(pages/region_map.py, on /regios/ and the home page) at 100 to 10,000 synthetic practices.

``python -m benchmarks.maps [--sizes 100,1000,10000]`` writes the practices (benchmarks/synthetic.py) to a
temporary folder, runs the pipeline once per size, then times each step on the same catalogue (CPU time,
the best of three) and prints a Markdown table for benchmarks/RESULTS.md.
"""

from __future__ import annotations

import argparse
import shutil
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from kennisbank.addresses import HOME, section_src
from kennisbank.catalogue import Catalogue
from kennisbank.facets import GAP_MAPS
from kennisbank.markup import dutch_number
from kennisbank.pages import Site
from kennisbank.pages.overview import gap_matrix, overview_markdown
from kennisbank.pages.region_map import region_tiles
from kennisbank.pipeline import run
from kennisbank.vocabularies import load_vocabularies

from .synthetic import PRACTICES, read_source, write_practices

SIZES = (100, 1000, 10000)
SITE = Site(url="https://kennisbank.example/", repo_url="https://github.com/voorbeeld/kennisbank")


def decimal(value: float, places: int) -> str:
    """A number as Dutch writes it: a decimal comma."""
    return f"{value:.{places}f}".replace(".", ",")


def best_of(step: Callable[[], object], times: int = 3) -> float:
    best = float("inf")
    for _ in range(times):
        start = time.process_time()
        step()
        best = min(best, time.process_time() - start)
    return best


def catalogue_of(size: int, folder: Path) -> Catalogue:
    practices = folder / "practices"
    shutil.copytree(PRACTICES / "vocabularies", practices / "vocabularies")
    write_practices(practices, size, source=read_source())
    state = run([practices], vocabularies=load_vocabularies(practices / "vocabularies"))
    if state.errors or state.catalogue is None:
        raise SystemExit(f"{len(state.errors)} errors in the synthetic practices")
    return state.catalogue


def measure(size: int) -> dict[str, float]:
    with tempfile.TemporaryDirectory() as folder:
        catalogue = catalogue_of(size, Path(folder))
    vocabularies = catalogue.vocabularies
    page = overview_markdown(catalogue, SITE)
    return {
        "cells": best_of(lambda: [gap_matrix(v, catalogue.practices, vocabularies) for v in GAP_MAPS]),
        "overview": best_of(lambda: overview_markdown(catalogue, SITE)),
        "tiles": best_of(lambda: (region_tiles(catalogue, HOME), region_tiles(catalogue, section_src("regions")))),
        "overview_kb": len(page.encode("utf-8")) / 1024,
        "tiles_kb": len(region_tiles(catalogue, HOME).encode("utf-8")) / 1024,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default=",".join(map(str, SIZES)), help="comma-separated numbers of practices")
    sizes = [int(size) for size in parser.parse_args().sizes.split(",")]
    print("| voorbeelden | cellen tellen (ms) | /overzicht/ maken (ms) | tegelkaart, 2 pagina's (ms) |", end="")
    print(" /overzicht/ (KB HTML) | tegelkaart (KB HTML) |")
    print("|---|---|---|---|---|---|")
    for size in sizes:
        m = measure(size)
        cells = [decimal(m[key] * 1000, 1) for key in ("cells", "overview", "tiles")]
        cells += [decimal(m["overview_kb"], 0), decimal(m["tiles_kb"], 1)]
        print(f"| {dutch_number(size)} | {' | '.join(cells)} |")


if __name__ == "__main__":
    main()
