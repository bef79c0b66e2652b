"""The site's own pages for the finder: the header's search opens the finder, so a search for
'privacy', 'bewijsladder' or 'Twente' should also point at the pages about those, not only at practices.

Each page becomes its stems (the same Dutch pipeline as the index). The file the finder gets maps each
stem to the pages that contain it, and each title stem to the pages with it in their title:

    {"pages": [[title, url], ...], "text": {stem: [page, ...]}, "titles": {stem: [page, ...]}}

with URLs from the site's root. A page is shown when it has every stem of the query, in its text or
at the start of a word of its title (Dutch compounds: 'privacy' finds 'Privacyverklaring'; from
``PREFIX_FROM`` letters on); pages with more of them in their title come first, then the site's order.
``matching_pages`` is that rule in Python, for the tests; finder.js repeats it.

A query that is the name of a gemeente (or of a former gemeente that merged into one) also says which
labour-market region the town lies in: ``towns`` maps the stems of each town's name, joined by a space,
to [the name as written, the region page]; ``town_region`` is that lookup (pages.js ``townRegion``).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from .index import plain_text
from .lunr_index import index_terms

PREFIX_FROM = 4


@dataclass(frozen=True)
class SitePage:
    title: str
    url: str  # from the site's root: "privacy/", "themas/nazorg/"
    text: str  # Markdown or plain text; the title is added to it


def stems_of(text: str) -> list[str]:
    return index_terms(plain_text(text))


def town_key(stems: Iterable[str]) -> str:
    return " ".join(dict.fromkeys(stems))


def site_page_index(pages: Sequence[SitePage], towns: Iterable[tuple[str, str]] = ()) -> dict[str, Any]:
    """``towns``: (a town's name, the URL of its region's page), in the order they should win a tie."""
    text: dict[str, list[int]] = {}
    titles: dict[str, list[int]] = {}
    for number, page in enumerate(pages):
        title_stems = set(stems_of(page.title))
        for stem in sorted(title_stems | set(stems_of(page.text))):
            text.setdefault(stem, []).append(number)
        for stem in sorted(title_stems):
            titles.setdefault(stem, []).append(number)
    by_url = {page.url: number for number, page in enumerate(pages)}
    town_pages: dict[str, list[Any]] = {}
    for name, url in towns:
        key = town_key(stems_of(name))
        if key and url in by_url:
            town_pages.setdefault(key, [name, by_url[url]])
    return {
        "pages": [[p.title, p.url] for p in pages],
        "text": text,
        "titles": titles,
        "prefixFrom": PREFIX_FROM,
        "towns": town_pages,
    }


def town_region(index: dict[str, Any], stems: Iterable[str]) -> tuple[str, str, str] | None:
    """(the town, its region page's title, its URL) when the query's stems are a town's name, else None."""
    found = index.get("towns", {}).get(town_key(stems))
    if found is None:
        return None
    title, url = index["pages"][found[1]]
    return str(found[0]), str(title), str(url)


def _in_titles(index: dict[str, Any], stem: str) -> set[int]:
    if len(stem) < PREFIX_FROM:
        return set(index["titles"].get(stem, []))
    return {n for title_stem, found in index["titles"].items() if title_stem.startswith(stem) for n in found}


def matching_pages(index: dict[str, Any], stems: Iterable[str], limit: int = 5) -> list[str]:
    """The titles of the pages with every stem, most title matches first, then in site order."""
    wanted = list(dict.fromkeys(stems))
    if not wanted:
        return []
    titled = [_in_titles(index, stem) for stem in wanted]
    found = set(range(len(index["pages"])))
    for stem, in_its_title in zip(wanted, titled, strict=True):
        found &= set(index["text"].get(stem, [])) | in_its_title
    in_title = {n: sum(n in t for t in titled) for n in found}
    ordered = sorted(found, key=lambda n: (-in_title[n], n))
    return [index["pages"][n][0] for n in ordered[:limit]]
