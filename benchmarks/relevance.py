"""The relevance benchmark: the finder and Pagefind over the same built site, on the queries of ``relevance.txt``.

python -m benchmarks.relevance             # build the site, run both, write the section of RESULTS.md
python -m benchmarks.relevance --print     # the same, and every query's top 5 on the terminal

``make bench`` runs it too, after the speed measurements. It builds the project's own site (the real practices)
with ``mkdocs build``, indexes that site with Pagefind (``pagefind[bin]`` from PyPI, pinned in requirements.txt)
and then, per query:

- the finder: the ranking of ``kennisbank search`` (``search.query.Searcher``; the browser's is the same, the
  finder-cases tests hold them together), and the files the finder page fetches before it can show the first
  result: the page, its scripts, the core, the index shards of the query's words, the vocabulary when a word
  needs correcting, and the text block of the first result;
- Pagefind: its own search (pagefind.js and its WebAssembly, in Node: ``pagefind_search.mjs``) from a cold
  start, the files it fetched before the first result's fragment arrived; of its results, the practice pages in
  its order (its other pages are skipped, in its favour).

A query counts as answered when every practice it lists is in the top 5. Bytes are gzip-compressed sizes, as a
host serves them (Pagefind's own files are compressed already). Mean reciprocal rank: 1 / the rank of the first
listed practice (0 beyond 10).
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from kennisbank.pages.finder import ASSETS, LUNR_SCRIPTS
from kennisbank.pipeline import build_catalogue
from kennisbank.project import find_project
from kennisbank.search.expand import prefixes, reached
from kennisbank.search.index import build_search_data
from kennisbank.search.pipeline import STOP_WORDS, stem, words
from kennisbank.search.query import Searcher, max_distance, typing_last
from kennisbank.search.shards import split
from kennisbank.vocabularies import load_vocabularies

from .sections import write_section

HERE = Path(__file__).resolve().parent
FINDER_MODULES = HERE.parent / "scripts" / "kennisbank" / "search" / "finder"
ROOT = HERE.parent
QUERIES = HERE / "relevance.txt"
RESULTS = HERE / "RESULTS.md"
BIN = Path(sys.executable).parent
SECTION = "relevance"  # its section of RESULTS.md (benchmarks/sections.py)
TOP = 5
PRACTICE_URL = re.compile(r"/praktijkvoorbeelden/([a-z0-9-]+)/$")
# What the finder page loads before any result: the page and its scripts (finder.js and the modules it imports).
# How many shards finder.js asks for at once per prefix of the query in the address: read from the page's
# module, so the model and the page cannot differ.
EARLY_PREFIX_SHARDS = int(
    re.search(r"const EARLY_PREFIX_SHARDS = (\d+);", (FINDER_MODULES / "finder.js").read_text(encoding="utf-8"))[1]
)
# The search page and the scripts it loads before the finder's modules (one list: pages/finder.py).
PAGE_FILES = ("zoeken/index.html", *(ASSETS + name for name in LUNR_SCRIPTS))


@dataclass(frozen=True)
class Query:
    kind: str
    text: str
    expected: tuple[str, ...]


def read_queries(path: Path = QUERIES) -> list[Query]:
    queries = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        kind, text, expected = (part.strip() for part in line.split("|"))
        queries.append(Query(kind, text, tuple(expected.split())))
    return queries


def answered(expected: tuple[str, ...], ranked: list[str]) -> bool:
    return all(slug in ranked[:TOP] for slug in expected)


def reciprocal_rank(expected: tuple[str, ...], ranked: list[str]) -> float:
    ranks = [ranked.index(slug) + 1 for slug in expected if slug in ranked[:10]]
    return 1 / min(ranks) if ranks else 0.0


def wire_bytes(path: Path) -> int:
    """The size as served with gzip (a file that is compressed already stays its own size)."""
    data = path.read_bytes()
    return min(len(data), len(gzip.compress(data, 6)))


def build_site(directory: Path) -> Path:
    site = directory / "site"
    subprocess.run([str(BIN / "mkdocs"), "build", "-q", "-d", str(site)], cwd=ROOT, check=True)
    subprocess.run([str(BIN / "python"), "-m", "pagefind", "--site", str(site)], check=True, capture_output=True)
    return site


class FinderRun:
    """The finder's ranking and its downloads, from the project's own practices."""

    def __init__(self, site: Path) -> None:
        project = find_project(ROOT)
        catalogue = build_catalogue([project.practices_dir], load_vocabularies(project.vocabularies_dir))
        self.data = build_search_data(catalogue)
        self.searcher = Searcher(self.data)
        self.sorted_terms = sorted(self.searcher.index.inverted_index)
        self.sharded = split(self.data.index)
        self.blocks = [block.start for block in self.data.text_blocks()]
        self.site = site
        modules = sorted((site / "assets/finder").glob("*.js"))
        page = [site / name for name in PAGE_FILES]
        self.base = sum(wire_bytes(p) for p in {*page, *modules, site / "assets/finder/data.json"})

    def run(self, text: str) -> tuple[list[str], int]:
        # As the page searches (search.js): the last word, with nothing after it, also as the start of a word.
        results = self.searcher.search(text, prefix=True)
        terms = self.searcher.terms(text, prefix=True)
        known = self.searcher.index.inverted_index
        typed = [stem(w) for w in words(text) if w not in STOP_WORDS]
        searched = [s for t in terms for s in (t.stem, *t.expansions)]
        files = {f"index-{self.sharded.shard_of(s)}.json" for s in [*typed, *searched]}
        typing = typing_last(text, True)
        last = len(typed) - 1
        plain = [w for w in words(text) if w not in STOP_WORDS]
        if any(
            stem(w) not in known and max_distance(w) > 0 and not reached(w, typing and i == last, self.sorted_terms)
            for i, w in enumerate(plain)
        ):
            files.add("words.json")  # search.js needCorrecting: an unknown word that reaches no other term
        # finder.js asks at once for the shards a prefix walks through (Shards.loadStartingWith), a few per prefix.
        for i, word in enumerate(plain):
            for prefix in prefixes(word, typing and i == last):
                first = self.sharded.shard_of(prefix)
                for n in range(first, min(first + EARLY_PREFIX_SHARDS, len(self.sharded.first_terms))):
                    if n > first and not self.sharded.first_terms[n].startswith(prefix):
                        break
                    files.add(f"index-{n}.json")
        if results:  # the page asks for every block of result texts at once (Texts.loadAll)
            files.update(f"texts-{n}.json" for n in range(len(self.blocks)))
        size = self.base + sum(wire_bytes(self.site / "assets/finder" / name) for name in files)
        return [r.slug for r in results], size


def pagefind_run(site: Path, texts: list[str]) -> list[tuple[list[str], int]]:
    """Pagefind's practice pages for each query, and the bytes it fetched before its first result."""
    out = subprocess.run(
        ["node", str(HERE / "pagefind_search.mjs"), str(site)],
        input=json.dumps(texts),
        capture_output=True,
        text=True,
        check=True,
    )
    runs = []
    for found in json.loads(out.stdout):
        slugs = [m.group(1) for m in (PRACTICE_URL.search(url) for url in found["urls"]) if m]
        runs.append((slugs, sum(wire_bytes(site / name) for name in found["files"])))
    return runs


def measure(queries: list[Query], show: bool = False) -> dict[str, Any]:
    with tempfile.TemporaryDirectory(prefix="kb-relevance-") as tmp:
        site = build_site(Path(tmp))
        finder = FinderRun(site)
        ours = [finder.run(q.text) for q in queries]
        theirs = pagefind_run(site, [q.text for q in queries])
        shutil.rmtree(site / "pagefind", ignore_errors=True)
    rows = []
    for query, (ranked, size), (pf_ranked, pf_size) in zip(queries, ours, theirs, strict=True):
        rows.append(
            {
                "kind": query.kind,
                "query": query.text,
                "expected": list(query.expected),
                "finder": {"top": ranked[:TOP], "hit": answered(query.expected, ranked), "bytes": size},
                "pagefind": {"top": pf_ranked[:TOP], "hit": answered(query.expected, pf_ranked), "bytes": pf_size},
                "finder_rr": reciprocal_rank(query.expected, ranked),
                "pagefind_rr": reciprocal_rank(query.expected, pf_ranked),
            }
        )
        if show:
            print(f"{query.kind:12} {query.text!r}: finder {ranked[:TOP]} / pagefind {pf_ranked[:TOP]}")
    return {"rows": rows}


def summary(rows: list[dict[str, Any]], name: str) -> dict[str, float]:
    return {
        "hits": sum(r[name]["hit"] for r in rows),
        "mrr": statistics.fmean(r[f"{name}_rr"] for r in rows),
        "bytes": statistics.median(r[name]["bytes"] for r in rows),
        "fewer": sum(r["finder"]["bytes"] <= r["pagefind"]["bytes"] for r in rows),
    }


def section(result: dict[str, Any]) -> str:
    rows = result["rows"]
    n = len(rows)
    ours, theirs = summary(rows, "finder"), summary(rows, "pagefind")
    kinds = list(dict.fromkeys(r["kind"] for r in rows))
    lines = [
        "## Relevantie: de zoekpagina naast Pagefind",
        "",
        f"{n} zoekvragen zoals professionals ze typen (`benchmarks/relevance.txt`), over dezelfde gebouwde site "
        "met de echte praktijkvoorbeelden. Een vraag telt als beantwoord als alle genoemde praktijkvoorbeelden in "
        "de eerste vijf staan. Bij Pagefind tellen alleen zijn resultaten die praktijkvoorbeelden zijn. Bytes: "
        "gzip-gecomprimeerd, wat er is opgehaald tot het eerste resultaat (mediaan per vraag). Alleen deze meting: "
        "`.venv/bin/python -m benchmarks.relevance`.",
        "",
        "| | Zoekpagina | Pagefind |",
        "|---|---:|---:|",
        f"| Beantwoord (top 5) | {ours['hits']} van {n} ({ours['hits'] / n:.0%}) | {theirs['hits']} van {n} "
        f"({theirs['hits'] / n:.0%}) |",
        f"| Mean reciprocal rank | {ours['mrr']:.3f} | {theirs['mrr']:.3f} |",
        f"| Bytes tot het eerste resultaat (mediaan) | {ours['bytes'] / 1000:.0f} kB "
        f"| {theirs['bytes'] / 1000:.0f} kB |",
        "",
        f"De zoekpagina haalde bij {ours['fewer']} van de {n} vragen niet meer bytes op dan Pagefind.",
        "",
        "| Soort vraag | Vragen | Zoekpagina | Pagefind |",
        "|---|---:|---:|---:|",
    ]
    for kind in kinds:
        mine = [r for r in rows if r["kind"] == kind]
        lines.append(
            f"| {kind} | {len(mine)} | {sum(r['finder']['hit'] for r in mine)} | "
            f"{sum(r['pagefind']['hit'] for r in mine)} |"
        )
    missed = [r for r in rows if not r["finder"]["hit"]]
    lines += ["", "Niet beantwoord door de zoekpagina:" if missed else "De zoekpagina beantwoordde alle vragen.", ""]
    lines += [f"- {r['kind']}: `{r['query']}` (top 5: {', '.join(r['finder']['top']) or 'niets'})" for r in missed]
    if any(r["kind"] == "compound" for r in missed):
        lines += [
            "",
            "Een woord aan het eind van een samenstelling ('servicepunt' in 'werkgeversservicepunt') vindt de "
            "zoekpagina nog niet: een woord vindt de samenstellingen die ermee beginnen, en een onbekende "
            "samenstelling wordt in delen gesplitst (README, Bekende beperkingen van het zoeken).",
        ]
    lines += [""]
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--output", type=Path, default=RESULTS)
    parser.add_argument("--print", action="store_true", help="show every query's top 5")
    args = parser.parse_args()
    result = measure(read_queries(), show=args.print)
    write_section(args.output, SECTION, section(result))
    ours, theirs = summary(result["rows"], "finder"), summary(result["rows"], "pagefind")
    print(
        f"finder {ours['hits']}/{len(result['rows'])} MRR {ours['mrr']:.3f}; pagefind {theirs['hits']} MRR "
        f"{theirs['mrr']:.3f}; written {args.output}"
    )


if __name__ == "__main__":
    main()
