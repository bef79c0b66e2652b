"""What editors should look at again: practices not reviewed for a while, and contacts without e-mail.

Plain functions from the pipeline's state to data; ``kennisbank review`` formats the result. Only
valid practices are reviewed: a file with errors is reported by ``kennisbank check``.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from .load import RawPractice
from .model import Contact, Practice
from .pipeline import State

DEFAULT_MONTHS = 12


@dataclass(frozen=True)
class StalePractice:
    practice: Practice
    display: str  # the file as editors see it
    line: int  # the line of last_reviewed
    age_days: int


@dataclass(frozen=True)
class ContactWithoutEmail:
    practice: Practice
    display: str
    line: int  # the line of the contact's list item
    contact: Contact


@dataclass(frozen=True)
class Review:
    cutoff: dt.date  # practices last reviewed before this date are stale
    stale: tuple[StalePractice, ...]
    without_email: tuple[ContactWithoutEmail, ...]
    skipped: int  # files not reviewed because they have errors

    @property
    def empty(self) -> bool:
        return not self.stale and not self.without_email


def months_before(day: dt.date, months: int) -> dt.date:
    """The same day ``months`` calendar months earlier (the month's last day where it is shorter)."""
    index = day.year * 12 + day.month - 1 - months
    year, month = divmod(index, 12)
    for candidate in range(day.day, 0, -1):
        try:
            return dt.date(year, month + 1, candidate)
        except ValueError:
            continue
    raise ValueError(day)  # unreachable: every month has a first day


def stale_practices(state: State, cutoff: dt.date) -> tuple[StalePractice, ...]:
    raws = _raw_by_path(state)
    found = [
        StalePractice(p, raws[p.path].display, raws[p.path].line("last_reviewed"), (state.today - p.last_reviewed).days)
        for p in state.practices
        if p.last_reviewed < cutoff
    ]
    return tuple(sorted(found, key=lambda s: (s.practice.last_reviewed, s.display)))


def contacts_without_email(state: State) -> tuple[ContactWithoutEmail, ...]:
    """Contacts shown on the site that readers cannot e-mail; withdrawn contacts are not shown, so not listed."""
    raws = _raw_by_path(state)
    found = [
        ContactWithoutEmail(p, raws[p.path].display, raws[p.path].line("contacts", index), contact)
        for p in state.practices
        for index, contact in enumerate(p.contacts)
        if not contact.email and not contact.withdrawn
    ]
    return tuple(sorted(found, key=lambda c: (c.display, c.line)))


def review(state: State, months: int = DEFAULT_MONTHS) -> Review:
    cutoff = months_before(state.today, months)
    skipped = state.files - len(state.practices)
    return Review(cutoff, stale_practices(state, cutoff), contacts_without_email(state), skipped)


def _raw_by_path(state: State) -> dict[Path, RawPractice]:
    return {raw.path: raw for raw in state.raw}
