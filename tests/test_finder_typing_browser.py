"""The finder in headless Chromium while typing: the last word as the start of a word, Dutch compounds,
and what the page says when words match nothing (search/expand.py, query.py; finder/*.js)."""

from __future__ import annotations

import random

import pytest

from kennisbank.pages.search import RESULTS_PER_PAGE
from kennisbank.search.index import build_search_data
from kennisbank.search.query import Searcher

from .conftest import repo_catalogue
from .test_finder_browser import exactness_queries, open_finder, slugs

pytestmark = [pytest.mark.browser, pytest.mark.slow]


@pytest.fixture(scope="module")
def searcher() -> Searcher:
    return Searcher(build_search_data(repo_catalogue()))


def expected(searcher: Searcher, query: str) -> list[str]:
    """What the page shows: the query as typed, its last word still being typed (``--prefix``)."""
    return [r.slug for r in searcher.search(query, prefix=True)][:RESULTS_PER_PAGE]


def wait_for_status(page, text: str) -> None:  # type: ignore[no-untyped-def]
    page.wait_for_function("t => document.querySelector('#kb-finder-status').textContent === t", arg=text)


def count_text(n: int) -> str:
    return "1 resultaat" if n == 1 else f"{n} resultaten"


def test_while_typing_the_last_word_matches_as_the_start_of_a_word(page, site_url: str, searcher: Searcher) -> None:  # type: ignore[no-untyped-def]
    open_finder(page, site_url)
    page.focus("#kb-finder-q")
    page.keyboard.type("hef")
    half = expected(searcher, "hef")
    assert half and set(half) >= {r.slug for r in searcher.search("heftruck")}
    wait_for_status(page, count_text(len(searcher.search("hef", prefix=True))))
    assert slugs(page) == half
    # A space finishes the word: now it is only itself.
    page.keyboard.type(" ")
    finished = expected(searcher, "hef ")
    wait_for_status(
        page,
        count_text(len(searcher.search("hef ", prefix=True)))
        if finished
        else "Geen resultaten. Probeer andere woorden of vink minder filters aan.",
    )
    assert slugs(page) == finished != half


def test_a_compound_the_collection_lacks_finds_its_parts_and_says_so(page, site_url: str, searcher: Searcher) -> None:  # type: ignore[no-untyped-def]
    open_finder(page, site_url, "?q=schuldhulpverlening")
    shown = slugs(page)
    assert shown == expected(searcher, "schuldhulpverlening")
    assert set(shown) >= {r.slug for r in searcher.search("schuldhulp")}
    note = page.locator("#kb-finder-note")
    assert note.inner_text() == "Gezocht op: ‘schuldhulp’ (u typte ‘schuldhulpverlening’)."


def test_words_that_match_nothing_are_named_and_nothing_at_all_offers_a_way_on(page, site_url: str) -> None:  # type: ignore[no-untyped-def]
    open_finder(page, site_url, "?q=xyzzy onbekend")
    note = page.locator("#kb-finder-note")
    assert note.get_attribute("role") == "status"
    assert note.inner_text() == "Geen resultaat voor ‘xyzzy’; gezocht op: ‘onbekend’."
    assert page.locator(".kb-finder-browse").is_hidden()
    page.fill("#kb-finder-q", "xyzzy qqqqq ")
    page.wait_for_function("document.querySelector('#kb-finder-note').textContent.includes('qqqqq')")
    assert note.inner_text() == "Geen resultaat voor ‘xyzzy’, ‘qqqqq’."
    assert page.inner_text("#kb-finder-status").startswith("Geen resultaten")
    # The way on: browse by theme and by region.
    browse = page.locator(".kb-finder-browse")
    assert browse.is_visible()
    for index in ("themas", "regios"):
        assert page.locator(f".kb-finder-browse a[href='../{index}/']").is_visible()
    # Words near a label: the label as a filter.
    page.fill("#kb-finder-q", "jongxyz ")
    page.wait_for_selector("#kb-finder-near:not([hidden]) a")
    near = page.eval_on_selector_all("#kb-finder-near a", "as => as.map(a => [a.textContent, a.getAttribute('href')])")
    assert near and all(label.lower().startswith("jong") or " jong" in label.lower() for label, _ in near), near
    assert all(href.startswith("/zoeken/?") and "q=" not in href for _, href in near), near
    # A label followed: the finder with that filter on.
    page.click("#kb-finder-near a >> nth=0")
    page.wait_for_selector("#kb-finder[data-ready] .kb-facet input:checked", state="attached")
    page.go_back()
    page.wait_for_selector("#kb-finder-near:not([hidden]) a")
    # A match again: the way on folds away.
    page.fill("#kb-finder-q", "nazorg ")
    page.wait_for_function("document.querySelector('#kb-finder-near').hidden")
    assert browse.is_hidden()
    assert note.is_hidden()


SEARCH_AS_TYPED_JS = """async queries => {
  const out = [];
  for (const query of queries) out.push(await window.kennisbankFinder.search(query, true));
  return out;
}"""


def test_as_typed_the_finder_scores_exactly_as_kennisbank_search_prefix(
    page, site_url: str, searcher: Searcher
) -> None:  # type: ignore[no-untyped-def]
    open_finder(page, site_url)
    rng = random.Random(16)
    queries = exactness_queries(searcher)
    # Half words: the start of a word of the vocabulary, alone and after a whole word.
    vocabulary = searcher.data.vocabulary
    for word in rng.sample(vocabulary[:400], k=60):
        half = word[: rng.randrange(2, len(word) + 1)]
        queries.append(half if rng.random() < 0.5 else rng.choice(vocabulary[:200]) + " " + half)
    found = page.evaluate(SEARCH_AS_TYPED_JS, queries)
    for query, hits in zip(queries, found, strict=True):
        assert hits == [[r.ref, r.score] for r in searcher.search(query, prefix=True)], query
