"""Build-time cost of related practices and of "what is new" (history, /nieuw/, /feed.xml) at scale.

``python -m benchmarks.related_history [--sizes 1000,10000]`` writes synthetic practices (synthetic.py), makes
a git repository of them with a history (every file added in one of 100 commits, a tenth of them changed
later in 50 more), and measures CPU time of: the related practices of all, the one ``git log`` and its
parsing, the dates of every practice, and the page and feed. Its section of RESULTS.md is its own.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import re
import resource
import shutil
import subprocess
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from kennisbank.entry.git_history import read_history
from kennisbank.history import practice_dates
from kennisbank.markup import dutch_number
from kennisbank.pages import Site
from kennisbank.pages.news import news_pages
from kennisbank.pipeline import build_catalogue
from kennisbank.related import MAX_RELATED, related_practices
from kennisbank.vocabularies import load_vocabularies

from .sections import write_section
from .synthetic import PRACTICES, read_source, write_practices

RESULTS = Path(__file__).resolve().parent / "RESULTS.md"
ADD_COMMITS = 100
CHANGE_COMMITS = 50


def _git(repo: Path, *args: str, when: dt.datetime | None = None) -> None:
    env = {**os.environ, "GIT_CONFIG_GLOBAL": os.devnull, "GIT_CONFIG_NOSYSTEM": "1"}
    env |= {"GIT_AUTHOR_NAME": "Bench", "GIT_AUTHOR_EMAIL": "bench@example.org"}
    env |= {"GIT_COMMITTER_NAME": "Bench", "GIT_COMMITTER_EMAIL": "bench@example.org"}
    if when is not None:
        env |= {"GIT_AUTHOR_DATE": when.isoformat(), "GIT_COMMITTER_DATE": when.isoformat()}
    subprocess.run(["git", "-C", str(repo), *args], env=env, check=True, capture_output=True)


def make_history(repo: Path, paths: list[Path]) -> None:
    """Commit ``paths`` (inside ``repo``) in ``ADD_COMMITS`` commits, then change every tenth one."""
    _git(repo, "init", "-q", "-b", "main")
    start = dt.datetime(2025, 1, 1, 9, tzinfo=dt.UTC)
    for n in range(ADD_COMMITS):
        _git(repo, "add", *(str(p) for p in paths[n::ADD_COMMITS]))
        _git(repo, "commit", "-q", "-m", f"add {n}", when=start + dt.timedelta(days=n))
    changed = paths[::10]
    for n in range(CHANGE_COMMITS):
        batch = changed[n::CHANGE_COMMITS]
        for path in batch:
            path.write_text(path.read_text(encoding="utf-8") + "\nGewijzigd.\n", encoding="utf-8")
        _git(repo, "add", *(str(p) for p in batch))
        _git(repo, "commit", "-q", "-m", f"change {n}", when=start + dt.timedelta(days=ADD_COMMITS + n))


def _cpu(step: Callable[[], Any]) -> tuple[Any, float, float]:
    """The step's result, its CPU time (this process and its children, e.g. git) and its wall time."""
    before, children, wall = time.process_time(), resource.getrusage(resource.RUSAGE_CHILDREN), time.perf_counter()
    result = step()
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    child = (after.ru_utime - children.ru_utime) + (after.ru_stime - children.ru_stime)
    return result, time.process_time() - before + child, time.perf_counter() - wall


def measure(size: int, work: Path) -> dict[str, Any]:
    repo = work / f"project-{size}"
    folder = repo / "practices"
    shutil.copytree(PRACTICES / "vocabularies", folder / "vocabularies")
    paths = write_practices(folder, size, source=read_source(), reviewed=dt.date(2026, 12, 1))
    make_history(repo, paths)
    catalogue = build_catalogue([folder], load_vocabularies(folder / "vocabularies"), dt.date(2026, 12, 2))
    related, related_cpu, related_wall = _cpu(lambda: related_practices(catalogue.practices))
    history, history_cpu, history_wall = _cpu(lambda: read_history(folder))
    _, dates_cpu, _ = _cpu(lambda: [practice_dates(p, history) for p in catalogue.practices])
    site = Site(url="https://kennisbank.example/", history=history)
    _, news_cpu, _ = _cpu(lambda: news_pages(catalogue, site))
    counts = [len(others) for others in related.values()]
    return {
        "practices": len(catalogue.practices),
        "related_cpu": related_cpu,
        "related_wall": related_wall,
        "history_cpu": history_cpu,
        "history_wall": history_wall,
        "dates_cpu": dates_cpu,
        "news_cpu": news_cpu,
        "files_in_history": len(history),
        "related_min": min(counts),
        "related_max": max(counts),
        "related_full": sum(c == MAX_RELATED for c in counts) / len(counts),
    }


def _s(seconds: float) -> str:
    return f"{seconds:.2f}".replace(".", ",") + " s"


_BUILD = re.compile(r"Bij 10\.000 voorbeelden \(CPU-tijd van één bouw, ([\d.]+,?\d*) s\)")


def build_share(results: dict[int, dict[str, Any]], existing: str) -> str:
    """What a real project's build adds at 10,000 to the build ``make bench`` measured: that build makes the
    related practices too (the catalogue's, on the practice pages), but its projects have no git history, so
    reading it, the dates and /nieuw/ with real changes are the extra."""
    found = _BUILD.search(existing)
    if 10_000 not in results or not found:
        return ""
    build = float(found.group(1).replace(".", "").replace(",", "."))
    r = results[10_000]
    added = r["history_cpu"] + r["dates_cpu"] + r["news_cpu"]
    share = f"{100 * added / build:.1f}".replace(".", ",")
    return (
        "\nDe verwante voorbeelden zitten al in de bouw hierboven (de catalogus rekent ze uit voor de "
        "praktijkpagina's). Die bouw heeft geen git-geschiedenis; in een echte repository komen daar bij "
        f"10.000 voorbeelden het lezen van de geschiedenis, de data en /nieuw/ bij: samen {_s(added)} CPU-tijd, "
        f"{share}% van de bouw van {found.group(1)} s hierboven. Het aandeel van onze pijplijn stijgt met "
        "ongeveer zoveel procentpunt (doel: onder de 20%).\n"
    )


def _percent(fraction: float) -> str:
    return f"{100 * fraction:.1f}%".replace(".", ",")


def section(results: dict[int, dict[str, Any]], existing: str = "") -> str:
    rows = "\n".join(
        f"| {dutch_number(size)} | {_s(r['related_cpu'])} ({_s(r['related_wall'])}) | {_s(r['history_cpu'])} "
        f"({_s(r['history_wall'])}) | {_s(r['dates_cpu'])} | {_s(r['news_cpu'])} | "
        f"{r['related_min']}–{r['related_max']} ({_percent(r['related_full'])} met {MAX_RELATED}) |"
        for size, r in sorted(results.items())
    )
    return (
        "## Verwante voorbeelden en nieuw en gewijzigd\n\n"
        "Gemaakt met `python -m benchmarks.related_history` (niet met `make bench`; dit deel blijft staan als "
        "`make bench` de rest overschrijft). Synthetische voorbeelden als hierboven, in een git-repository met "
        f"een geschiedenis: elk bestand toegevoegd in een van {ADD_COMMITS} commits, een op de tien later "
        f"gewijzigd in {CHANGE_COMMITS} commits. CPU-tijd (tussen haakjes de wandkloktijd); bij de "
        "geschiedenis telt de CPU-tijd van `git log` mee.\n\n"
        "| voorbeelden | verwante voorbeelden van allemaal | `git log` lezen | data per voorbeeld | "
        "/nieuw/ en /feed.xml | aantal verwant |\n|---|---|---|---|---|---|\n"
        f"{rows}\n\n"
        "Verwante voorbeelden rekenen niet elk paar door (bij 10.000 zijn dat 50 miljoen paren): elk voorbeeld "
        "zoekt kandidaten via een omgekeerde index van zijn zeldzaamste kenmerken (termen en woordstammen), tot "
        "2.000 vermeldingen, en scoort alleen de beste 40 daarvan volledig (`related.py`). De geschiedenis is "
        "één `git log` voor de hele map, niet één per bestand.\n" + build_share(results, existing)
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default="1000,10000")
    parser.add_argument("--output", type=Path, default=RESULTS)
    args = parser.parse_args()
    results = {}
    with tempfile.TemporaryDirectory(prefix="kb-related-history-") as work:
        for size in (int(s) for s in args.sizes.split(",") if s.strip()):
            results[size] = measure(size, Path(work))
            print(size, results[size], flush=True)
    existing = args.output.read_text(encoding="utf-8") if args.output.exists() else ""
    write_section(args.output, "related-history", section(results, existing))


if __name__ == "__main__":
    main()
