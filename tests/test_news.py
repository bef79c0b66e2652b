"""What is new: /nieuw/ and the Atom feed /feed.xml, read back with a real feed parser (feedparser), and
the feed's links in the built site."""

from __future__ import annotations

import datetime as dt
import posixpath
import re
from pathlib import Path
from urllib.parse import urlsplit

import feedparser
import pytest

from kennisbank.history import FileHistory
from kennisbank.pages import Site, generate
from kennisbank.pages.news import LATEST

from .conftest import FIXTURES, repo_catalogue

UTC = dt.UTC
SITE_URL = "https://kennisbank.example/"
HOSTILE = "landelijk-leercirkels"  # its title holds [ ] ' & * < and more
PLAIN = "voorbeeldstad-jobcoach-na-school"


def outputs(history: dict[str, FileHistory]) -> dict[str, str]:
    catalogue = repo_catalogue([FIXTURES / "catalogue"], today=dt.date(2026, 11, 22))
    site = Site(url=SITE_URL, today=dt.date(2026, 11, 22), history=history)
    return {o.src_uri: str(o.content) for o in generate(catalogue, site) if o.src_uri in ("nieuw.md", "feed.xml")}


HISTORY = {
    f"{PLAIN}.md": FileHistory(dt.datetime(2026, 5, 1, 8, tzinfo=UTC), dt.datetime(2026, 10, 3, 14, 5, tzinfo=UTC)),
    f"{HOSTILE}.md": FileHistory(dt.datetime(2026, 11, 1, 9, tzinfo=UTC), dt.datetime(2026, 11, 1, 9, tzinfo=UTC)),
}


def test_the_feed_is_valid_atom_with_the_newest_first() -> None:
    feed = feedparser.parse(outputs(HISTORY)["feed.xml"])
    assert not feed.bozo, feed.get("bozo_exception")
    assert feed.version == "atom10"
    assert feed.feed.title == "Nieuw en gewijzigd in de Kennisbank Aanpak Jeugdwerkloosheid"
    assert feed.feed.updated == "2026-11-01T09:00:00Z"
    assert [link.href for link in feed.feed.links] == [SITE_URL + "feed.xml", SITE_URL + "nieuw/"]
    assert [e.link for e in feed.entries] == [
        f"{SITE_URL}praktijkvoorbeelden/{HOSTILE}/",
        f"{SITE_URL}praktijkvoorbeelden/{PLAIN}/",
    ]
    assert [e.updated for e in feed.entries] == ["2026-11-01T09:00:00Z", "2026-10-03T14:05:00Z"]
    assert feed.entries[1].published == "2026-05-01T00:00:00Z"
    assert feed.entries[0].summary.endswith("(toegevoegd)")
    assert feed.entries[1].summary.endswith("(gewijzigd)")


def test_the_feed_escapes_what_practices_say() -> None:
    catalogue = repo_catalogue([FIXTURES / "catalogue"])
    hostile = catalogue.by_slug(HOSTILE)
    assert any(c in hostile.title for c in "<&")
    feed = feedparser.parse(outputs(HISTORY)["feed.xml"])
    assert not feed.bozo
    assert feed.entries[0].title == " ".join(hostile.title.split())


def test_without_history_the_review_date_counts_and_says_so() -> None:
    pages = outputs({})
    feed = feedparser.parse(pages["feed.xml"])
    assert not feed.bozo
    assert all(e.summary.endswith("(laatst gecontroleerd (geen versiegeschiedenis))") for e in feed.entries)
    assert all("published" not in e for e in feed.entries)
    assert "laatst gecontroleerd (geen versiegeschiedenis)" in pages["nieuw.md"]


def test_the_page_lists_the_latest_changes_newest_first() -> None:
    page = outputs(HISTORY)["nieuw.md"]
    rows = [line for line in page.splitlines() if line.startswith("| ") and "praktijkvoorbeelden/" in line]
    assert len(rows) == 2 <= LATEST
    assert rows[0].startswith("| 1 november 2026 |") and rows[0].endswith("| toegevoegd |")
    assert rows[1].startswith("| 3 oktober 2026 |") and HOSTILE not in rows[1] and rows[1].endswith("| gewijzigd |")
    assert "[Atom-feed van nieuw en gewijzigd](feed.xml)" in page


@pytest.mark.slow
def test_the_built_feed_links_to_pages_of_the_site(built_site: Path) -> None:
    feed = feedparser.parse((built_site / "feed.xml").read_bytes())
    assert not feed.bozo and feed.version == "atom10"
    self_link = next(link.href for link in feed.feed.links if link.rel == "self")
    root = self_link.removesuffix("feed.xml")
    links = [link.href for link in feed.feed.links] + [e.link for e in feed.entries]
    assert feed.entries
    for address in links:
        assert address.startswith(root), address
        path = urlsplit(address).path.removeprefix(urlsplit(root).path)
        target = built_site / path / "index.html" if path.endswith("/") or not path else built_site / path
        assert target.is_file(), address


@pytest.mark.slow
@pytest.mark.parametrize("page", ["index.html", "nieuw/index.html", "themas/nazorg/index.html", "404.html"])
def test_every_page_names_the_feed_in_its_head(built_site: Path, page: str) -> None:
    html = (built_site / page).read_text(encoding="utf-8")
    head = html[: html.index("</head>")]
    (href,) = re.findall(r'<link rel="alternate feed" type="application/atom\+xml" title="[^"]+" href="([^"]+)"', head)
    if page != "404.html":  # the 404 page may be served anywhere: its links start at the site's root
        assert (built_site / posixpath.normpath(posixpath.join(posixpath.dirname(page), href))).is_file()
    else:
        assert href.endswith("feed.xml")


@pytest.mark.slow
def test_nieuw_is_in_the_navigation_and_linked_from_home(built_site: Path) -> None:
    home = (built_site / "index.html").read_text(encoding="utf-8")
    assert 'href="nieuw/"' in home
    assert (built_site / "nieuw" / "index.html").is_file()
