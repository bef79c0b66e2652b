"""The finder's data files and its page: the sharded lunr index, the core data, the result texts in
blocks, the words for typo correction and the finder's modules. (The lunr.js copies that ship inside the
installed mkdocs package are added by the entry layer: ``entry/lunr_files.py``.)

What the script reads, and when:

- the page (``data-finder``, from ``finder_boot``): the text pipeline's settings (word characters,
  stop words, loanword plural endings), the synonym table, and three manifests: ``index`` (lunr's
  version, fields and pipeline, the first term of each shard and the shard files), ``texts`` (the
  first catalogue position of each text block and the block files), the names of ``core`` and
  ``words``, and how many results a page of them shows (``page_size``). So the script asks for the
  shards of the query in the address, the core and the text blocks as soon as it runs;
- ``data.json``, the core (``SearchData.finder_data``): the number of practices, the facet vocabularies
  and each practice's facet values as numbers;
- ``texts-<n>.json``: ``{"slugs": [...], "titles": [...], "summaries": [...]}`` for the practices from
  the block's start on; a result waits only for its own block;
- ``index-<n>.json``: the shards (``search/shards.py``);
- ``words.json``: ``{"vocabulary": [...], "terms": [...]}``, the surface vocabulary for typo correction
  (most frequent first) and every term of the index (sorted), fetched after the first results: with
  the terms, a word being typed that is no term costs no request for a shard;
- ``pages.json``: the site's other pages by their stems (``search/site_pages.py``), also after the first
  results: the finder lists the pages that have every word of the query above the practices.
- the scripts: lunr's three files (``LUNR_SCRIPTS``, copied by the hook) and the finder's ES modules
  (``search/finder/*.js``, ``finder_modules``), all beside the data.

This generator writes the finder page as well (``finder.finder_page``): the page carries the manifests,
and those come from the index built here.
"""

from __future__ import annotations

import json
from importlib import resources
from typing import Any

from ..addresses import FINDER, GLOSSARY, HOME, SINGLE_PAGE_SECTIONS, page_url, term_src
from ..catalogue import Catalogue
from ..facets import FACETS
from ..search.index import SearchData, TextBlock, build_search_data
from ..search.shards import ShardedIndex, split
from ..search.site_pages import SitePage, site_page_index
from .base import Output, Site
from .finder import ASSETS, FINDER_SCRIPT, finder_page
from .terms import term_label

__all__ = [
    "ASSETS",
    "DATA_FILE",
    "FINDER_SCRIPT",
    "PAGES_FILE",
    "RESULTS_PER_PAGE",
    "WORDS_FILE",
    "search_outputs",
    "search_pages",
    "site_pages",
]

DATA_FILE = "data.json"
WORDS_FILE = "words.json"
PAGES_FILE = "pages.json"
# Results shown at once; "Meer resultaten tonen" adds as many again. Twenty fill a few screens, and a
# keystroke then lays out twenty results instead of fifty: at 10,000 practices that is most of its time.
RESULTS_PER_PAGE = 20


def shard_name(number: int) -> str:
    return f"index-{number}.json"


def text_block_name(number: int) -> str:
    return f"texts-{number}.json"


def compact(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def finder_boot(data: SearchData, sharded: ShardedIndex, blocks: list[TextBlock]) -> dict[str, Any]:
    """What the finder page hands its script (``data-finder``)."""
    return {
        **data.query_settings(),
        "index": {**sharded.manifest(), "files": [shard_name(i) for i in range(len(sharded.shards))]},
        "texts": {"starts": [b.start for b in blocks], "files": [text_block_name(i) for i in range(len(blocks))]},
        "core": DATA_FILE,
        "words": WORDS_FILE,
        "pages": PAGES_FILE,
        "page_size": RESULTS_PER_PAGE,
    }


def title_of(markdown: str, default: str) -> str:
    for line in markdown.splitlines():
        if line.startswith("# "):
            return line[2:].strip()
    return default


def site_pages(catalogue: Catalogue, site: Site) -> list[SitePage]:
    """Every page of the site except the practices, the home page and the finder: the handwritten pages
    (with the terms of the one-page sections and the glossary they show), then a page per term."""
    extra: dict[str, list[str]] = {src: [] for src in SINGLE_PAGE_SECTIONS.values()}
    for vocabulary, src in SINGLE_PAGE_SECTIONS.items():
        extra[src] += [f"{t.name} {t.description}" for t in catalogue.vocabularies.by_key(vocabulary)]
    extra[GLOSSARY] = [f"{e.term} {e.expansion} {e.definition}" for e in catalogue.vocabularies.glossary]
    pages = [
        SitePage(title_of(markdown, src), page_url(src), "\n".join([markdown, *extra.get(src, [])]))
        for src, markdown in sorted(site.intros.items())
        if src not in (HOME, FINDER)
    ]
    municipalities = catalogue.vocabularies.municipalities
    for facet in (f for f in FACETS if f.folder):
        vocabulary = facet.key
        vocab = catalogue.vocabularies.by_key(vocabulary)
        label = facet.title
        pages += [
            SitePage(
                term_label(vocab, t),
                page_url(term_src(vocabulary, t.id)),
                " ".join([t.description, label, *t.aliases, *(name for name, _ in municipalities.towns(t.id))]),
            )
            for t in vocab
        ]
    return pages


def town_pages(catalogue: Catalogue) -> list[tuple[str, str]]:
    """(town, URL of its region page) for every town: current gemeenten first, then the former ones."""
    towns = [
        (name, page_url(term_src("regions", region.id)), name != current)
        for region in catalogue.vocabularies.regions
        for name, current in catalogue.vocabularies.municipalities.towns(region.id)
    ]
    return [(name, url) for name, url, _ in sorted(towns, key=lambda town: town[2])]


def finder_modules() -> list[tuple[str, bytes]]:
    """The finder's modules (name, content), from the package's ``search/finder`` folder."""
    folder = resources.files("kennisbank.search").joinpath("finder")
    return sorted((item.name, item.read_bytes()) for item in folder.iterdir() if item.name.endswith(".js"))


def search_outputs(
    data: SearchData,
    sharded: ShardedIndex,
    blocks: list[TextBlock] | None = None,
    pages: list[SitePage] | None = None,
    towns: list[tuple[str, str]] | None = None,
) -> list[Output]:
    """The data files and scripts below ``assets/finder/`` (not the page)."""
    blocks = data.text_blocks() if blocks is None else blocks
    outputs = [Output(ASSETS + DATA_FILE, compact(data.finder_data()))]
    outputs.append(Output(ASSETS + PAGES_FILE, compact(site_page_index(pages or [], towns or []))))
    outputs += [Output(ASSETS + text_block_name(i), compact(b.content())) for i, b in enumerate(blocks)]
    terms = sorted(entry[0] for shard in sharded.shards for entry in shard)
    outputs.append(Output(ASSETS + WORDS_FILE, compact({"vocabulary": data.vocabulary, "terms": terms})))
    outputs += [Output(ASSETS + shard_name(i), text) for i, text in enumerate(sharded.texts)]
    outputs += [Output(ASSETS + name, content) for name, content in finder_modules()]
    return outputs


def search_pages(catalogue: Catalogue, site: Site) -> list[Output]:
    data = build_search_data(catalogue)
    sharded = split(data.index)
    blocks = data.text_blocks()
    pages = site_pages(catalogue, site)
    return [
        finder_page(catalogue, site, finder_boot(data, sharded, blocks)),
        *search_outputs(data, sharded, blocks, pages, town_pages(catalogue)),
    ]
