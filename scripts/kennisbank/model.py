"""The typed practice, built only from front matter that passed validation."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from .addresses import practice_src, practice_url


@dataclass(frozen=True)
class Contact:
    name: str
    organisation: str
    role: str = ""
    email: str = ""
    phone: str = ""
    withdrawn: bool = False


@dataclass(frozen=True)
class Link:
    title: str
    url: str


@dataclass(frozen=True)
class Source:
    title: str
    publisher: str = ""
    date: str = ""  # YYYY, YYYY-MM or YYYY-MM-DD
    page: str = ""
    url: str = ""
    organisation: str = ""  # whom to ask where no contact is named, as the source names them
    organisation_url: str = ""
    organisation_email: str = ""


@dataclass(frozen=True)
class Practice:
    slug: str
    path: Path
    title: str
    summary: str
    region: str
    themes: tuple[str, ...]
    target_groups: tuple[str, ...]
    phases: tuple[str, ...]
    evidence: str
    contacts: tuple[Contact, ...]
    source: Source
    last_reviewed: dt.date
    body: str
    municipalities: tuple[str, ...] = ()
    organisations: tuple[str, ...] = ()
    success_factors: tuple[str, ...] = ()
    period: str = ""
    key_figures: tuple[str, ...] = ()
    links: tuple[Link, ...] = ()
    title_line: int = 2  # where 'title' stands in the file, for messages across files
    contacts_line: int = 1  # where 'contacts' stands
    body_line: int = 1  # the file line on which ``body`` starts (its leading blank lines are stripped)
    # The ids of the facets that have no attribute above (one declared only in facets.py): (field, ids) pairs.
    extra_terms: tuple[tuple[str, tuple[str, ...]], ...] = ()

    @property
    def url(self) -> str:
        """The page's path below the site root; stable, so printed links keep working."""
        return practice_url(self.slug)

    @property
    def src_uri(self) -> str:
        return practice_src(self.slug)

    @property
    def visible_contacts(self) -> tuple[Contact, ...]:
        return tuple(c for c in self.contacts if not c.withdrawn)
