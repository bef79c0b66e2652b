"""The finder in real headless Chromium: the same ranking as ``kennisbank search``, facets, the URL
as state (reload, back button), Dutch stems computed by lunr.nl.js, no console errors, no script."""

from __future__ import annotations

import bisect
import random
from collections.abc import Iterator
from urllib.parse import urlparse

import pytest

from kennisbank.pages import Site
from kennisbank.pages.search import RESULTS_PER_PAGE, site_pages
from kennisbank.search.index import build_search_data
from kennisbank.search.pipeline import STOP_WORDS, stem, words
from kennisbank.search.query import Filters, Searcher, correct
from kennisbank.search.site_pages import matching_pages, site_page_index
from kennisbank.site import read_intros

from .conftest import REPO, TODAY, copy_project, repo_catalogue, serve_directory

pytestmark = [pytest.mark.browser, pytest.mark.slow]

QUERIES = [
    "nazorg vso",
    "heftruck certificaat",
    "vsv Twente",
    "voortijdig schoolverlaters",
    "praktijkverklarign",
    "wat doen regio's voor vso-leerlingen in de nazorg?",
    "stages",
    "coördinatie",
    "jongeren werk school",
]


@pytest.fixture(scope="module")
def searcher() -> Searcher:
    return Searcher(build_search_data(repo_catalogue()))


@pytest.fixture
def watched(page):  # type: ignore[no-untyped-def]
    """The page, with console errors and requests to other hosts collected."""
    errors: list[str] = []
    offsite: list[str] = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: errors.append(str(e)))

    def route(r):  # type: ignore[no-untyped-def]
        if urlparse(r.request.url).hostname == "127.0.0.1":
            return r.continue_()
        offsite.append(r.request.url)
        return r.fulfill(status=204, body="")

    page.route("**/*", route)
    page.errors, page.offsite = errors, offsite
    yield page


def open_finder(page, site_url: str, query: str = "") -> None:  # type: ignore[no-untyped-def]
    page.goto(site_url + "zoeken/" + query)
    page.wait_for_selector("#kb-finder[data-ready]")


def slugs(page, n: int = 100) -> list[str]:  # type: ignore[no-untyped-def]
    hrefs = page.eval_on_selector_all(".kb-result h2 a", "links => links.map(a => a.getAttribute('href'))")
    return [h.rstrip("/").rsplit("/", 1)[-1] for h in hrefs][:n]


def wait_for_results(page) -> None:  # type: ignore[no-untyped-def]
    page.wait_for_function("document.querySelector('#kb-finder').dataset.ready > '1'")


def test_finder_ranks_like_the_command_line(watched, site_url: str, searcher: Searcher) -> None:  # type: ignore[no-untyped-def]
    for query in QUERIES:
        open_finder(watched, site_url, "?q=" + query)
        # The page takes the last word as still being typed (kennisbank search --prefix).
        expected = [r.slug for r in searcher.search(query, prefix=True)]
        assert expected, query
        assert slugs(watched) == expected[:RESULTS_PER_PAGE], query
        status = watched.inner_text("#kb-finder-status")
        assert status == (f"{len(expected)} resultaten" if len(expected) != 1 else "1 resultaat")
    assert not watched.errors
    assert all("api.github.com" in url for url in watched.offsite), watched.offsite


def test_typing_and_ticking_update_results_counts_and_url(watched, site_url: str, searcher: Searcher) -> None:  # type: ignore[no-untyped-def]
    open_finder(watched, site_url)
    catalogue = repo_catalogue()
    assert len(slugs(watched)) == min(len(catalogue.practices), RESULTS_PER_PAGE)
    assert watched.inner_text("#kb-finder-status") == f"{len(catalogue.practices)} resultaten"
    watched.fill("#kb-finder-q", "werkgevers")
    watched.wait_for_function(
        f"document.querySelector('#kb-finder-status').textContent !== '{len(catalogue.practices)} resultaten'"
    )
    twente_label = watched.inner_text("label[for='kb-regio-twente']")
    expected_twente = [
        r.slug for r in searcher.search("werkgevers", Filters({"region": frozenset({"twente"})}), prefix=True)
    ]
    assert twente_label.endswith(f"({len(expected_twente)})")
    expected_twente = expected_twente[:RESULTS_PER_PAGE]
    watched.check("#kb-regio-twente")
    watched.wait_for_function("location.search.includes('regio=twente')")
    assert slugs(watched) == expected_twente
    assert "q=werkgevers" in watched.url
    marks = watched.eval_on_selector_all(".kb-result mark", "ms => ms.map(m => m.textContent.toLowerCase())")
    assert marks and all(stem(m) == stem("werkgevers") for m in marks)
    # reload: the same view
    watched.reload()
    watched.wait_for_selector("#kb-finder[data-ready]")
    assert watched.input_value("#kb-finder-q") == "werkgevers"
    assert watched.is_checked("#kb-regio-twente")
    assert slugs(watched) == expected_twente
    # back: the view before ticking Twente
    watched.uncheck("#kb-regio-twente")
    watched.wait_for_function("!location.search.includes('regio=twente')")
    watched.go_back()
    watched.wait_for_function("location.search.includes('regio=twente')")
    watched.wait_for_function("document.querySelector('#kb-regio-twente').checked")
    assert slugs(watched) == expected_twente
    assert not watched.errors


def test_keyboard_reaches_the_facets_and_ticks_with_space(watched, site_url: str) -> None:  # type: ignore[no-untyped-def]
    open_finder(watched, site_url)
    watched.focus("#kb-finder-q")
    for _ in range(10):
        watched.keyboard.press("Tab")
        if watched.evaluate("document.activeElement.type") == "checkbox":
            break
    box = watched.evaluate("document.activeElement.id")
    assert box.startswith("kb-")
    watched.keyboard.press("Space")
    watched.wait_for_function(f"document.getElementById('{box}').checked && location.search.length > 1")
    assert not watched.errors


def test_lunr_nl_stems_as_the_build_does(watched, site_url: str, searcher: Searcher) -> None:  # type: ignore[no-untyped-def]
    open_finder(watched, site_url)
    vocabulary = searcher.data.vocabulary
    browser = watched.evaluate("words => words.map(w => lunr.nl.stemmer(w))", vocabulary)
    assert browser == [stem(w) for w in vocabulary]


def test_without_javascript_the_page_links_to_the_indexes(browser, site_url: str) -> None:  # type: ignore[no-untyped-def]
    context = browser.new_context(java_script_enabled=False, locale="nl-NL")
    page = context.new_page()
    try:
        page.goto(site_url + "zoeken/")
        assert not page.is_visible("#kb-finder-q")
        for index in ("themas", "doelgroepen", "regios"):
            assert page.is_visible(f".kb-finder-browse a[href='../{index}/']")
    finally:
        context.close()


@pytest.fixture
def phone(browser) -> Iterator[object]:  # type: ignore[no-untyped-def]
    context = browser.new_context(viewport={"width": 375, "height": 740}, locale="nl-NL")
    yield context.new_page()
    context.close()


def test_on_a_phone_nothing_is_wider_than_the_screen(phone, site_url: str) -> None:  # type: ignore[no-untyped-def]
    open_finder(phone, site_url, "?q=nazorg")
    width = phone.evaluate("document.documentElement.scrollWidth")
    assert width <= 375


def test_the_header_search_on_any_page_opens_the_finder_with_the_query(watched, site_url: str) -> None:  # type: ignore[no-untyped-def]
    watched.goto(site_url + "over/")
    assert watched.get_attribute("#kb-header-q", "placeholder") == "Zoeken"
    watched.fill("#kb-header-q", "heftruckcursus")
    watched.keyboard.press("Enter")
    watched.wait_for_selector("#kb-finder[data-ready] .kb-result")
    assert watched.url == site_url + "zoeken/?q=heftruckcursus"
    assert watched.input_value("#kb-finder-q") == "heftruckcursus"
    assert slugs(watched)[0] == "id-college-entree-naar-werk"


def test_on_a_phone_the_header_has_a_link_to_the_finder_instead_of_the_field(phone, site_url: str) -> None:  # type: ignore[no-untyped-def]
    phone.goto(site_url + "over/")
    assert not phone.is_visible("#kb-header-q")
    phone.click(".md-header a[aria-label='Zoeken']")
    phone.wait_for_selector("#kb-finder[data-ready]")
    assert phone.url == site_url + "zoeken/#zoekveld"


def exactness_queries(searcher: Searcher) -> list[str]:
    """Queries of one to four words drawn from the index's own vocabulary (frequent and rare ones),
    with the glossary phrases and the queries above: many documents with several matching fields."""
    rng = random.Random(11)
    vocabulary = searcher.data.vocabulary
    frequent, rare = vocabulary[:200], vocabulary[200:]
    queries = [*QUERIES, "de en het", "xyzzyq", "jongeren jongeren werk", "werk jongeren", "jongeren werk"]
    queries += [" ".join(phrase[1:]) for phrase in searcher.data.synonyms.table()[:20]]
    for n in range(150):
        pool = frequent if n % 3 else rare
        queries.append(" ".join(rng.sample(pool, k=1 + n % 4)))
    # Typos: the finder corrects them as query.correct does (same vocabulary order, same tie rules).
    for word in rng.sample([w for w in vocabulary if len(w) >= 5], k=60):
        i = rng.randrange(len(word) - 1)
        deleted, swapped = word[:i] + word[i + 1 :], word[:i] + word[i + 1] + word[i] + word[i + 2 :]
        inserted, replaced = word[:i] + "x" + word[i:], word[:i] + rng.choice("qzë") + word[i + 1 :]
        queries.append(rng.choice((deleted, swapped, inserted, replaced, replaced[:-1] + "k")))
    return queries


SEARCH_ALL_JS = """async queries => {
  const out = [];
  for (const query of queries) out.push(await window.kennisbankFinder.search(query));
  return out;
}"""


def test_finder_scores_are_exactly_those_of_the_command_line(watched, site_url: str, searcher: Searcher) -> None:  # type: ignore[no-untyped-def]
    """The finder scores from the shard entries itself; lunr.py's Index.query is the reference. Every
    hit, every score, to the last bit, in the same order."""
    open_finder(watched, site_url)
    queries = exactness_queries(searcher)
    found = watched.evaluate(SEARCH_ALL_JS, queries)
    compared = 0
    for query, hits in zip(queries, found, strict=True):
        expected = [[r.ref, r.score] for r in searcher.search(query)]
        assert hits == expected, query
        compared += len(hits)
    assert compared > 2_000  # many documents, not a handful
    index = searcher.index.inverted_index
    typos = [q for q in queries if stem(q) not in index and correct(q, searcher.data.vocabulary)]
    assert len(typos) > 30  # and many corrected typos among the queries
    assert not watched.errors


def test_a_typo_is_corrected_and_said_so(watched, site_url: str) -> None:  # type: ignore[no-untyped-def]
    open_finder(watched, site_url, "?q=praktijkverklarign")
    note = watched.locator("#kb-finder-note")
    assert note.is_visible()
    assert note.inner_text() == "Gezocht op: ‘praktijkverklaring’ (u typte ‘praktijkverklarign’)."
    # Typing another typo: the words for correcting it come after the first results, or on demand.
    watched.fill("#kb-finder-q", "combinatiefunctonaris")
    watched.wait_for_function(
        "document.querySelector('#kb-finder-note').textContent.includes('combinatiefunctionaris')"
    )
    watched.fill("#kb-finder-q", "nazorg")
    watched.wait_for_function("document.querySelector('#kb-finder-note').hidden")
    assert not watched.errors


PAGE_QUERIES = ["privacy", "twente", "toegankelijkheid", "vsv", "bewijsladder", "nazorg vso", "heftruck", "oogo"]


def test_the_sites_other_pages_that_match_are_listed_above_the_practices(watched, site_url: str) -> None:  # type: ignore[no-untyped-def]
    """The header's search lands on the finder, so 'privacy' must lead to the privacy statement too;
    the browser lists the pages site_pages.matching_pages gives."""
    pages = site_pages(repo_catalogue(), Site(intros=read_intros(REPO / "docs")))
    index = site_page_index(pages)
    urls = {p.title: p.url for p in pages}
    listed = []
    for query in PAGE_QUERIES:
        expected = matching_pages(index, [stem(w) for w in words(query) if w not in STOP_WORDS])
        listed += expected
        open_finder(watched, site_url, f"?q={query}")
        watched.wait_for_selector("#kb-finder-pages[data-ready]", state="attached")
        shown = watched.eval_on_selector_all(
            "#kb-finder-pages:not([hidden]) a", "as => as.map(a => [a.textContent, a.getAttribute('href')])"
        )
        assert shown == [[title, "../" + urls[title]] for title in expected], query
    assert {"Privacyverklaring", "Twente (AM05)", "Begrippenlijst"} <= set(listed)
    assert not matching_pages(index, [stem("heftruck")])
    open_finder(watched, site_url, "?q=privacy")
    watched.click("#kb-finder-pages a")
    watched.wait_for_url(site_url + "privacy/")
    assert not watched.errors


@pytest.mark.parametrize("missing", ["data.json", "texts-0.json", "index-"])
def test_the_finder_says_so_when_its_data_cannot_load(browser, site_url: str, missing: str) -> None:  # type: ignore[no-untyped-def]
    context = browser.new_context(locale="nl-NL")
    page = context.new_page()
    page.route(f"**/assets/finder/{missing}*", lambda route: route.fulfill(status=404, body=""))
    try:
        page.goto(site_url + "zoeken/?q=nazorg")
        page.wait_for_function("document.querySelector('#kb-finder-status').textContent.startsWith('Zoeken lukt')")
        assert page.is_visible(".kb-finder-browse a[href='../themas/']")
        assert page.locator(".kb-result").count() == 0
    finally:
        context.close()


# A site larger than one page of results, with the result texts in many small blocks.
LARGER_SITE_SYNTHETIC = 90


@pytest.fixture(scope="module")
def larger_site(tmp_path_factory: pytest.TempPathFactory) -> tuple[str, Searcher, list[int]]:
    """The site's address, its searcher, and where its text blocks start."""
    from benchmarks.synthetic import write_practices

    from kennisbank.entry.build import build_site
    from kennisbank.search import index

    root = tmp_path_factory.mktemp("larger")
    extra = write_practices(root / "synthetic", LARGER_SITE_SYNTHETIC, reviewed=TODAY)
    (root / "project").mkdir()
    project = copy_project(root / "project", tuple(extra))
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(index, "TEXT_BLOCK_BYTES", 6_000)
        build_site(project / "mkdocs.yml", root / "site")
        catalogue = repo_catalogue([project / "practices"])
        searcher = Searcher(build_search_data(catalogue))
        starts = [block.start for block in searcher.data.text_blocks()]
    assert len(starts) >= 10
    return serve_directory(root / "site"), searcher, starts


RESULT_TEXTS_JS = """items => items.map(li => [
  li.querySelector('h2 a').getAttribute('href'),
  li.querySelector('h2').textContent,
  li.querySelector('p:last-child').textContent,
])"""
COUNTS_JS = """boxes => boxes.map(b => [
  b.closest('fieldset').dataset.facet, b.value, document.querySelector(`label[for='${b.id}'] .kb-count`).textContent,
])"""


def test_results_show_their_texts_from_the_blocks_and_page_on(
    watched, larger_site: tuple[str, Searcher, list[int]]
) -> None:  # type: ignore[no-untyped-def]
    url, searcher, starts = larger_site
    expected = searcher.search("jongeren", prefix=True)
    first = [r.slug for r in expected[:RESULTS_PER_PAGE]]
    assert len(expected) > 100
    blocks = {bisect.bisect_right(starts, r.ref) for r in expected[:RESULTS_PER_PAGE]}
    assert len(blocks) > 1  # texts from several blocks
    open_finder(watched, url, "?q=jongeren")
    shown = watched.eval_on_selector_all(".kb-result", RESULT_TEXTS_JS)
    practices = {p.slug: p for p in searcher.data.catalogue.practices}
    assert [href.rstrip("/").rsplit("/", 1)[-1] for href, _, _ in shown] == first
    for href, title, summary in shown:
        practice = practices[href.rstrip("/").rsplit("/", 1)[-1]]
        assert title == practice.title and summary == practice.summary
    # The next page: its texts, in ranking order, and the focus on its first result.
    watched.click(".kb-finder-more button")
    watched.wait_for_function(f"document.querySelectorAll('.kb-result').length === {2 * RESULTS_PER_PAGE}")
    assert slugs(watched, 100) == [r.slug for r in expected[: 2 * RESULTS_PER_PAGE]]
    focused = "n => document.activeElement.closest('.kb-result') === document.querySelectorAll('.kb-result')[n]"
    assert watched.evaluate(focused, RESULTS_PER_PAGE)
    assert watched.is_visible(".kb-finder-more button")
    assert not watched.errors


def test_facet_counts_on_the_larger_site_are_those_of_the_command_line(
    watched, larger_site: tuple[str, Searcher, list[int]]
) -> None:  # type: ignore[no-untyped-def]
    url, searcher, _starts = larger_site
    open_finder(watched, url, "?q=jongeren&regio=twente&thema=nazorg")
    counts = watched.eval_on_selector_all("fieldset[data-facet] input[type=checkbox]", COUNTS_JS)
    selected = {"region": frozenset({"twente"}), "themes": frozenset({"nazorg"})}
    for facet, value, label in counts:
        # A value's count: the results it gives with the other facets' selections kept.
        others = {k: v for k, v in selected.items() if k != facet}
        with_value = {**others, facet: frozenset({value})}
        expected = len(searcher.search("jongeren", Filters(with_value), prefix=True))
        assert label == f"({expected})", (facet, value)
    status = watched.inner_text("#kb-finder-status")
    assert status.startswith(str(len(searcher.search("jongeren", Filters(selected), prefix=True))))
