"""What a reader can rely on: the source's date as the practice's date, what the review date means, a
notice where the source is old, and what the evidence label is (and is not).

One place for these texts, so the practice page, the print overviews and the list of all practices
say the same. The age of a source is measured against the build date (``Site.today``), so tests can set it.
"""

from __future__ import annotations

import calendar
import datetime as dt

from ..addresses import change_request_url
from ..markup import dutch_date, url
from ..model import Practice

OLD_SOURCE_YEARS = 3  # a source older than this gets the notice that the situation may have changed
OLD_SOURCE_WORDS = "drie jaar"  # the same, as the pages write it

EVIDENCE_NOTE = (
    "Het bewijsniveau is de lezing van de redactie van wat de bron zegt, geen onafhankelijke beoordeling "
    "zoals de databanken van Movisie en het NJi die maken."
)
NO_SOURCE_DATE = "zonder datum"


def source_end(date: str) -> dt.date:
    """The last day a partial date can mean: '2022' -> 2022-12-31, '2022-04' -> 2022-04-30."""
    parts = [int(p) for p in date.split("-")]
    if len(parts) == 1:
        return dt.date(parts[0], 12, 31)
    if len(parts) == 2:
        return dt.date(parts[0], parts[1], calendar.monthrange(parts[0], parts[1])[1])
    return dt.date(parts[0], parts[1], parts[2])


def years_before(day: dt.date, years: int) -> dt.date:
    """The same day ``years`` earlier (28 February for a 29 February that year lacks)."""
    try:
        return day.replace(year=day.year - years)
    except ValueError:
        return day.replace(year=day.year - years, day=28)


def source_is_old(practice: Practice, today: dt.date) -> bool:
    """Whether the source is older than OLD_SOURCE_YEARS on ``today``, even at the latest day its date can
    mean; a source without a date is not called old (the page says it has no date)."""
    date = practice.source.date
    return bool(date) and source_end(date) < years_before(today, OLD_SOURCE_YEARS)


def source_date_text(practice: Practice) -> str:
    """'april 2022', or 'zonder datum'."""
    return dutch_date(practice.source.date) if practice.source.date else NO_SOURCE_DATE


def review_text(practice: Practice) -> str:
    """What the review date means: 'vergeleken met de bron op 22 november 2026'."""
    return f"vergeleken met de bron op {dutch_date(practice.last_reviewed)}"


def dates_line(practice: Practice) -> str:
    """The line under a practice's summary: the source's date is the practice's date."""
    if practice.source.date:
        source = f"Bron: {dutch_date(practice.source.date)}"
    else:
        source = "Bron: zonder datum (de bron noemt geen datum, dus hoe oud de gegevens zijn is niet bekend)"
    return f"{source} · Deze tekst is door de redactie {review_text(practice)}.\n{{: .kb-dates }}\n\n"


def age_notice(practice: Practice, today: dt.date, repo_url: str, page: str) -> str:
    """A visible notice on a practice whose source is older than three years; '' otherwise."""
    if not source_is_old(practice, today):
        return ""
    body = (
        f"De bron is van {dutch_date(practice.source.date)}, meer dan {OLD_SOURCE_WORDS} geleden. "
        "De situatie kan sindsdien veranderd zijn."
    )
    if repo_url:
        body += f" Weet u hoe het nu zit? [Meld een wijziging]({url(change_request_url(repo_url, page))})."
    return f'!!! warning "Bron ouder dan {OLD_SOURCE_WORDS}"\n\n    {body}\n\n'
