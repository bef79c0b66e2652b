"""What is new: the page "Nieuw en gewijzigd" at /nieuw/ and the same list as an Atom feed at /feed.xml.

The dates come from the version history the entry layer read (``Site.history``, see history.py); a practice
without history counts with its ``last_reviewed`` date and is marked so. Newest first, ties by slug.
"""

from __future__ import annotations

import datetime as dt
import re
from xml.sax.saxutils import escape, quoteattr

from ..addresses import FEED, NEWS, page_url
from ..catalogue import Catalogue
from ..history import Dates, practice_dates
from ..markup import dutch_date, front_matter, link
from ..model import Practice
from .base import Output, Site

LATEST = 50  # how many changes the page and the feed list
SITE_TITLE = "Kennisbank Aanpak Jeugdwerkloosheid"
FEED_TITLE = "Nieuw en gewijzigd in de Kennisbank Aanpak Jeugdwerkloosheid"
# Characters XML 1.0 does not allow, even escaped.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def news_pages(catalogue: Catalogue, site: Site) -> list[Output]:
    changes = latest(catalogue, site)
    return [Output(NEWS, news_markdown(changes, site)), Output(FEED, atom_feed(changes, site))]


def latest(catalogue: Catalogue, site: Site) -> list[tuple[Practice, Dates]]:
    dated = [(p, practice_dates(p, site.history)) for p in catalogue.practices]
    dated.sort(key=lambda pair: pair[0].slug)
    dated.sort(key=lambda pair: pair[1].changed_at, reverse=True)
    return dated[:LATEST]


def what_happened(dates: Dates) -> str:
    if not dates.from_history:
        return "laatst gecontroleerd (geen versiegeschiedenis)"
    return "toegevoegd" if dates.added == dates.changed else "gewijzigd"


def news_markdown(changes: list[tuple[Practice, Dates]], site: Site) -> str:
    src = NEWS
    rows = "\n".join(
        f"| {dutch_date(dates.changed)} | {link(p.title, p.src_uri, src)} | {what_happened(dates)} |"
        for p, dates in changes
    )
    table = (
        "| Datum | Praktijkvoorbeeld | Wat |\n|---|---|---|\n" + rows + "\n"
        if changes
        else "Er zijn nog geen praktijkvoorbeelden.\n"
    )
    return (
        front_matter(
            title="Nieuw en gewijzigd",
            description="De praktijkvoorbeelden die het laatst zijn toegevoegd of gewijzigd.",
        )
        + site.intro(src, "Nieuw en gewijzigd")
        + f"De {LATEST} praktijkvoorbeelden die het laatst zijn toegevoegd of gewijzigd, het nieuwste eerst. "
        "De datum komt uit de versiegeschiedenis van de kennisbank; staat een voorbeeld daar (nog) niet in, "
        "dan staat de datum waarop het voor het laatst is gecontroleerd.\n\n"
        + table
        + f"\nVolg de wijzigingen in uw feedlezer of intranet: {link('Atom-feed van nieuw en gewijzigd', FEED, src)}.\n"
    )


def _xml(value: str) -> str:
    return escape(_NOT_XML.sub("", " ".join(value.split())))


def _stamp(moment: dt.datetime) -> str:
    """RFC 3339, as Atom wants it."""
    return moment.isoformat(timespec="seconds").replace("+00:00", "Z")


def atom_feed(changes: list[tuple[Practice, Dates]], site: Site) -> str:
    self_url = site.absolute(FEED)
    page = site.absolute(page_url(NEWS))
    if changes:
        updated = max(dates.changed_at for _, dates in changes)
    else:
        updated = dt.datetime.combine(site.today, dt.time(), tzinfo=dt.UTC)
    entries = "".join(_entry(p, dates, site) for p, dates in changes)
    return (
        '<?xml version="1.0" encoding="utf-8"?>\n'
        '<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="nl">\n'
        f"  <title>{_xml(FEED_TITLE)}</title>\n"
        f"  <id>{_xml(self_url)}</id>\n"
        f'  <link rel="self" type="application/atom+xml" href={quoteattr(self_url)}/>\n'
        f'  <link rel="alternate" type="text/html" href={quoteattr(page)}/>\n'
        f"  <updated>{_stamp(updated)}</updated>\n"
        f"  <author><name>{_xml(SITE_TITLE)}</name></author>\n"
        f"{entries}"
        "</feed>\n"
    )


def _entry(practice: Practice, dates: Dates, site: Site) -> str:
    address = site.absolute(practice.url)
    published = (
        f"    <published>{_stamp(dt.datetime.combine(dates.added, dt.time(), tzinfo=dt.UTC))}</published>\n"
        if dates.added and dates.from_history
        else ""
    )
    return (
        "  <entry>\n"
        f"    <title>{_xml(practice.title)}</title>\n"
        f"    <id>{_xml(address)}</id>\n"
        f'    <link rel="alternate" type="text/html" href={quoteattr(address)}/>\n'
        f"    <updated>{_stamp(dates.changed_at)}</updated>\n"
        f"{published}"
        f'    <summary type="text">{_xml(practice.summary)} ({_xml(what_happened(dates))})</summary>\n'
        "  </entry>\n"
    )
