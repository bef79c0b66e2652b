"""``make bench``: build the projects for each size, run every measurement interleaved, write RESULTS.md.

python -m benchmarks.run                      # 100, 1,000 and 10,000 practices
python -m benchmarks.run --sizes 100,1000     # quicker, for development
python -m benchmarks.relevance                # only the relevance set, finder against Pagefind (also run last here)
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import time
from pathlib import Path
from typing import Any

from . import browser, relevance, report
from .projects import WORK, make_projects
from .sections import kept_sections, write_section
from .selection import selection_weight
from .steps import STEPS, finder_index
from .synthetic import read_source

DEFAULT_SIZES = (100, 1000, 10_000)
RESULTS = Path(__file__).resolve().parent / "RESULTS.md"


def repetitions(size: int) -> int:
    """More repetitions where a run is short, at least one at 10,000."""
    return max(1, min(5, 3000 // size))


def median_figures(runs: list[dict[str, Any]]) -> dict[str, Any]:
    """The median of every number over the repetitions (nested dictionaries too)."""
    out: dict[str, Any] = {}
    for key, first in runs[0].items():
        values = [r.get(key, 0.0) for r in runs]
        if isinstance(first, dict):
            out[key] = median_figures(values)
        elif isinstance(first, int | float) and not isinstance(first, bool):
            out[key] = statistics.median(values)
        else:
            out[key] = first
    return out


def measure_size(size: int, log: Any) -> dict[str, Any]:
    started = time.perf_counter()
    projects = make_projects(size, source=read_source())
    log(f"{size}: projects written in {time.perf_counter() - started:.0f} s")
    names = list(STEPS)
    runs: dict[str, list[dict[str, Any]]] = {name: [] for name in names}
    for repetition in range(repetitions(size)):
        shift = repetition % len(names)
        for name in names[shift:] + names[:shift]:
            figures = STEPS[name](projects)
            runs[name].append(figures)
            log(f"{size}: {name} #{repetition + 1}: {figures['cpu']:.2f} s CPU, {figures['wall']:.2f} s wall")
    result: dict[str, Any] = {name: median_figures(values) for name, values in runs.items()}
    result["repetitions"] = repetitions(size)
    result["finder_index"] = finder_index(projects)
    result["browser"] = browser.measure({"ours": projects.ours / "site", "bare": projects.bare / "site"}, log)
    result["selection"] = selection_weight(projects.ours / "site")
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default="", help="comma-separated numbers of practices (default 100,1000,10000)")
    parser.add_argument("--output", type=Path, default=RESULTS)
    parser.add_argument(
        "--report-only", action="store_true", help="write RESULTS.md again from the last run's results.json"
    )
    args = parser.parse_args()
    if args.report_only:
        saved = json.loads((WORK / "results.json").read_text())
        kept = kept_sections(args.output)
        args.output.write_text(report.markdown(saved["machine"], saved["sizes"]) + kept, encoding="utf-8")
        return
    sizes = tuple(int(s) for s in args.sizes.split(",") if s.strip()) or DEFAULT_SIZES
    started = time.perf_counter()

    def log(message: str) -> None:
        print(f"[{time.perf_counter() - started:6.0f} s] {message}", flush=True)

    machine = report.machine(load_before=os.getloadavg())
    results = {str(size): measure_size(size, log) for size in sizes}
    machine["load_after"] = os.getloadavg()
    machine["duration_s"] = time.perf_counter() - started
    WORK.mkdir(exist_ok=True)
    (WORK / "results.json").write_text(json.dumps({"machine": machine, "sizes": results}, indent=1))
    kept = kept_sections(args.output)  # the sections other scripts write (benchmarks/sections.py)
    args.output.write_text(report.markdown(machine, results) + kept, encoding="utf-8")
    log("relevance: the finder and Pagefind on benchmarks/relevance.txt")
    result = relevance.measure(relevance.read_queries())
    write_section(args.output, relevance.SECTION, relevance.section(result))
    log(f"written {args.output}")


if __name__ == "__main__":
    main()
