"""Finder figures: the size of what the browser downloads and the time to the first results, at the
real content and at synthetic catalogues, beside Material's built-in search on the same pages.

    .venv/bin/python -m benchmarks.finder [--sizes 1000,10000] [--browser]

``finder_sizes(catalogue)`` is the function for ``make bench``: it builds the finder's outputs for any
catalogue (e.g. one from ``benchmarks/synthetic.py``) and returns their sizes. This module's own
``synthetic_catalogue`` mixes the real practices in memory: each synthetic practice takes its title
words, summary and body paragraphs from different real ones, so the index gets realistic postings
rather than repeats that gzip would fold away (summaries are words of two real summaries, shuffled,
so the finder data does not compress better than real text would).
"""

from __future__ import annotations

import argparse
import dataclasses
import gzip
import json
import random
import re
import shutil
import tempfile
import time
from pathlib import Path
from typing import Any

from kennisbank.catalogue import Catalogue
from kennisbank.entry.lunr_files import lunr_outputs
from kennisbank.model import Practice
from kennisbank.pages.base import Site
from kennisbank.pages.finder import finder_page
from kennisbank.pages.search import ASSETS, DATA_FILE, WORDS_FILE, finder_boot, search_outputs
from kennisbank.pipeline import build_catalogue
from kennisbank.project import Project
from kennisbank.search.index import build_search_data
from kennisbank.search.pipeline import STOP_WORDS, stem, words
from kennisbank.search.query import Searcher
from kennisbank.search.shards import ShardedIndex, split
from kennisbank.vocabularies import load_vocabularies

REPO = Path(__file__).resolve().parents[1]
TYPICAL_QUERIES = ("nazorg vso", "heftruck certificaat", "vsv Twente", "jongeren werk school")


def synthetic_catalogue(catalogue: Catalogue, count: int, seed: int = 1) -> Catalogue:
    rng = random.Random(seed)
    real = catalogue.practices
    paragraphs = [p for practice in real for p in practice.body.split("\n\n") if p.strip()]
    vocab = catalogue.vocabularies
    practices: list[Practice] = []
    for number in range(count):
        base = real[number % len(real)]
        other, third = rng.sample(real, k=2)
        summary_words = (other.summary + " " + third.summary).split()
        words = base.title.split()
        rng.shuffle(words)
        body = "\n\n".join(rng.sample(paragraphs, k=min(len(paragraphs), 12)))
        practices.append(
            dataclasses.replace(
                base,
                slug=f"synthetisch-{number}",
                title=f"{' '.join(words[:6])} {other.title.split()[-1]} {number}",
                summary=" ".join(rng.sample(summary_words, k=min(len(summary_words), 45))),
                body=body,
                region=rng.choice(vocab.regions.ids),
                themes=tuple(rng.sample(vocab.themes.ids, k=2)),
                target_groups=tuple(rng.sample(vocab.target_groups.ids, k=2)),
            )
        )
    return Catalogue(practices, vocab)


def gz(data: bytes) -> int:
    return len(gzip.compress(data, 6))


def as_bytes(content: str | bytes) -> bytes:
    return content.encode("utf-8") if isinstance(content, str) else content


def finder_sizes(catalogue: Catalogue) -> dict[str, Any]:
    """Build the finder outputs for a catalogue; sizes in bytes (raw and gzipped), totals and per practice.
    ``data_*`` is what the finder needs besides the shards and before its first result: the core
    (facets) and the text blocks (titles, summaries); ``words_gz`` comes after the first result."""
    started = time.perf_counter()
    search_data = build_search_data(catalogue)
    sharded = split(search_data.index)
    blocks = search_data.text_blocks()
    generated = [*search_outputs(search_data, sharded, blocks), *lunr_outputs()]  # lunr as the hook adds it
    outputs = {o.src_uri: as_bytes(o.content) for o in generated}
    page = finder_page(catalogue, Site(), finder_boot(search_data, sharded, blocks))
    outputs[page.src_uri] = as_bytes(page.content)
    seconds = time.perf_counter() - started
    n = len(catalogue.practices)
    shards = {k: v for k, v in outputs.items() if k.startswith(ASSETS + "index-")}
    data = [outputs[ASSETS + DATA_FILE], *(v for k, v in outputs.items() if k.startswith(ASSETS + "texts-"))]
    scripts = finder_scripts(outputs)
    index_raw = sum(len(v) for v in shards.values())
    index_gz = sum(gz(v) for v in shards.values())
    first = first_result_download(Searcher(search_data), sharded, outputs, page.src_uri)
    return {
        "practices": n,
        "build_seconds": round(seconds, 1),
        "shards": len(shards),
        "index_raw": index_raw,
        "index_gz": index_gz,
        "index_raw_per_practice": index_raw // n,
        "index_gz_per_practice": index_gz // n,
        "data_raw": sum(len(d) for d in data),
        "data_gz": sum(gz(d) for d in data),
        "core_gz": gz(outputs[ASSETS + DATA_FILE]),
        "text_blocks": len(data) - 1,
        "page_gz": gz(outputs[page.src_uri]),
        "words_gz": gz(outputs[ASSETS + WORDS_FILE]),
        "scripts_gz": sum(gz(s) for s in scripts),
        "first_result_gz_max": max(first.values()),
        "first_result_gz": first,
        "outputs": outputs,
    }


def finder_scripts(outputs: dict[str, bytes]) -> list[bytes]:
    """lunr's three files and the finder's modules: every script below assets/finder/."""
    return [v for k, v in outputs.items() if k.startswith(ASSETS) and k.endswith(".js")]


def first_result_download(
    searcher: Searcher, sharded: ShardedIndex, outputs: dict[str, bytes], page: str
) -> dict[str, int]:
    """Per typical query: gzipped bytes fetched before the first results, as finder.js asks for them:
    the page's own Markdown (it carries the manifests; Material's frame around it is not counted), the
    scripts (lunr's and every module of the finder), the core, every text block, and the shards of the
    query's words and synonyms (asked for at once) and of its terms after typo correction and compound
    expansion (not the shards a split looks into for parts the index lacks). Not words.json,
    which comes after the first results."""
    base = gz(outputs[page]) + sum(gz(script) for script in finder_scripts(outputs))
    base += gz(outputs[ASSETS + DATA_FILE])
    base += sum(gz(v) for k, v in outputs.items() if k.startswith(ASSETS + "texts-"))
    synonyms = searcher.data.synonyms
    sizes = {}
    for query in TYPICAL_QUERIES:
        typed = [stem(w) for w in words(query) if w not in STOP_WORDS]
        early = typed + [stem(canonical) for _, _, canonical in synonyms.matches(typed)]
        # As the page searches (the last word as typed, --prefix): each word's own stem and the terms it
        # reaches (compounds, the typed word's continuations), which lie in the shards of their prefixes.
        stems = early + [s for t in searcher.terms(query, prefix=True) for s in t.group]
        numbers = {sharded.shard_of(s) for s in stems}
        sizes[query] = base + sum(gz(outputs[f"{ASSETS}index-{i}.json"]) for i in numbers)
    return sizes


def material_index_size(site_dir: Path) -> tuple[int, int, int]:
    """Material's search index of a built site: (bytes raw, gzipped, number of entries)."""
    raw = (site_dir / "search" / "search_index.json").read_bytes()
    return len(raw), gz(raw), len(json.loads(raw)["docs"])


def scaled_material_index(site_dir: Path, count: int) -> bytes:
    """Material's index as if the site had ``count`` practices: the practice pages' entries repeated
    with numbered titles (Material indexes every page's text, so it grows with the pages)."""
    index = json.loads((site_dir / "search" / "search_index.json").read_bytes())
    practice_docs = [d for d in index["docs"] if d["location"].startswith("praktijkvoorbeelden/")]
    pages: dict[str, list[dict[str, Any]]] = {}
    for doc in practice_docs:
        pages.setdefault(doc["location"].split("#")[0], []).append(doc)
    groups = list(pages.values())
    docs = [d for d in index["docs"] if not d["location"].startswith("praktijkvoorbeelden/")]
    for number in range(count):
        for doc in groups[number % len(groups)]:
            docs.append({**doc, "location": f"{doc['location']}?{number}", "title": f"{doc['title']} {number}"})
    return json.dumps({**index, "docs": docs}, ensure_ascii=False).encode()


def install_finder(site: Path, outputs: dict[str, bytes]) -> None:
    """Put these finder outputs into a built site: the files below assets/finder/ replace the old ones,
    and the finder's element in zoeken/index.html takes the one from the generated page (it carries the
    manifests of these files; the facet checkboxes around it stay those of the built site)."""
    shutil.rmtree(site / ASSETS.rstrip("/"))
    for src_uri, content in outputs.items():
        if src_uri.endswith(".md"):
            replace_finder_element(site / "zoeken" / "index.html", content)
            continue
        target = site / src_uri
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(content)


FINDER_ELEMENT = re.compile(rb'<div id="kb-finder"[^\n]*>\n')


def replace_finder_element(page: Path, markdown: bytes) -> None:
    found = FINDER_ELEMENT.search(markdown)
    assert found, "no finder element in the generated page"
    element = found.group(0)
    html, count = FINDER_ELEMENT.subn(lambda _: element, page.read_bytes())
    assert count == 1, f"no finder element in {page}"
    page.write_bytes(html)


def browser_timings(site_dir: Path, outputs: dict[str, bytes], count: int) -> dict[str, float]:
    """Milliseconds from navigation to the first results: the finder, and Material's search box, on a
    copy of the built site with these finder outputs and a Material index of ``count`` practices."""
    from playwright.sync_api import sync_playwright
    from tests.conftest import CHROMIUM, CHROMIUM_ARGS, serve_directory

    work = Path(tempfile.mkdtemp(prefix="finder-bench-"))
    copy = work / "site"
    shutil.copytree(site_dir, copy)
    install_finder(copy, outputs)
    (copy / "search" / "search_index.json").write_bytes(scaled_material_index(site_dir, count))
    url = serve_directory(copy)
    timings: dict[str, float] = {}
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=list(CHROMIUM_ARGS))
        page = browser.new_page()
        page.route("**/*", lambda r: r.continue_() if "127.0.0.1" in r.request.url else r.abort())
        page.goto(url + "over/")  # warm up the browser, so neither measurement pays for its start
        page.goto(url + "zoeken/?q=nazorg+vso")
        page.wait_for_selector("#kb-finder[data-ready] .kb-result", timeout=120_000)
        timings["finder_ms"] = page.evaluate("performance.now()")
        page.goto(url + "over/?q=nazorg+vso")
        page.wait_for_selector(".md-search-result__item", timeout=300_000)
        timings["material_ms"] = page.evaluate("performance.now()")
        browser.close()
    shutil.rmtree(work)
    return {k: round(v) for k, v in timings.items()}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", default="1000,10000", help="synthetic catalogue sizes, comma-separated")
    parser.add_argument("--browser", action="store_true", help="also time the first results in Chromium")
    args = parser.parse_args()
    project = Project(REPO)
    real = build_catalogue([project.practices_dir], load_vocabularies(project.vocabularies_dir))
    site_dir = REPO / "site"
    catalogues = [("echt", real)] + [
        (f"synthetisch {n}", synthetic_catalogue(real, int(n))) for n in args.sizes.split(",") if n
    ]
    if (site_dir / "search" / "search_index.json").exists():
        raw, packed, entries = material_index_size(site_dir)
        print(f"Material (echte site): {raw / 1e6:.2f} MB, gzip {packed / 1e6:.2f} MB, {entries} ingangen")
    for label, catalogue in catalogues:
        sizes = finder_sizes(catalogue)
        line = {k: v for k, v in sizes.items() if k not in ("first_result_gz", "outputs")}
        if args.browser and site_dir.exists():
            line |= browser_timings(site_dir, sizes["outputs"], len(catalogue.practices))
            scaled = scaled_material_index(site_dir, len(catalogue.practices))
            line["material_index_gz"] = gz(scaled)
        print(label, json.dumps(line))


if __name__ == "__main__":
    main()
