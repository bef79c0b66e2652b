"""The site's other pages in the finder (search/site_pages.py): which pages a query lists, in what order."""

from __future__ import annotations

from pathlib import Path

import pytest

from kennisbank.addresses import page_url
from kennisbank.pages import Site
from kennisbank.pages.search import site_pages
from kennisbank.search.pipeline import STOP_WORDS, stem, words
from kennisbank.search.site_pages import SitePage, matching_pages, site_page_index
from kennisbank.site import read_intros

from .conftest import repo_catalogue

REPO = Path(__file__).resolve().parent.parent

PAGES = [
    SitePage("Over deze kennisbank", "over/", "Hier leest u over privacy en over toegankelijkheid."),
    SitePage("Privacyverklaring", "privacy/", "Welke persoonsgegevens de site toont."),
    SitePage("Toegankelijkheidsverklaring", "toegankelijkheid/", "De site volgt de richtlijnen."),
    SitePage("Twente (AM05)", "regios/twente/", "Arbeidsmarktregio Regio's"),
]


def stems(query: str) -> list[str]:
    return [stem(w) for w in words(query) if w not in STOP_WORDS]


def titles(query: str, pages: list[SitePage] = PAGES, limit: int = 5) -> list[str]:
    return matching_pages(site_page_index(pages), stems(query), limit)


def test_a_word_at_the_start_of_a_title_word_counts_and_title_matches_come_first() -> None:
    assert titles("privacy") == ["Privacyverklaring", "Over deze kennisbank"]
    assert titles("toegankelijkheid") == ["Toegankelijkheidsverklaring", "Over deze kennisbank"]


def test_every_word_of_the_query_must_be_on_the_page() -> None:
    assert titles("privacy toegankelijkheid") == ["Over deze kennisbank"]
    assert titles("privacy twente") == []


def test_short_words_match_whole_title_words_only() -> None:
    assert titles("pri") == []  # 'pri' is no stem of any page, and too short to be a start
    assert titles("twente") == ["Twente (AM05)"]


def test_no_words_or_only_stop_words_list_no_pages() -> None:
    assert titles("") == []
    assert titles("de en het") == []


def test_at_most_the_limit_in_site_order_after_title_matches() -> None:
    assert titles("site") == ["Privacyverklaring", "Toegankelijkheidsverklaring"]
    assert titles("site", limit=1) == ["Privacyverklaring"]


@pytest.mark.parametrize(
    ("src", "url"),
    [
        ("over.md", "over/"),
        ("themas/index.md", "themas/"),
        ("themas/nazorg/index.md", "themas/nazorg/"),
        ("index.md", ""),
    ],
)
def test_page_urls_follow_mkdocs(src: str, url: str) -> None:
    assert page_url(src) == url


def test_the_real_site_lists_its_handwritten_and_term_pages_but_not_home_or_the_finder() -> None:
    pages = site_pages(repo_catalogue(), Site(intros=read_intros(REPO / "docs")))
    urls = [p.url for p in pages]
    assert "" not in urls and "zoeken/" not in urls
    assert {"privacy/", "over/", "begrippen/", "handvatten/", "themas/nazorg/", "regios/twente/"} <= set(urls)
    assert titles("privacy", pages)[0] == "Privacyverklaring"
    assert titles("twente", pages)[0] == "Twente (AM05)"
    # The terms shown on one-page sections and in the glossary are part of those pages.
    assert "Begrippenlijst" in titles("oogo", pages)
    assert "Bewijsladder" in titles("effect aangetoond", pages)
