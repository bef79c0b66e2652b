"""Stage 3, catalogue: every valid practice with the vocabularies, and the checks across files."""

from __future__ import annotations

import functools
import unicodedata
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from .errors import Problem, display_path
from .facets import FACETS
from .model import Contact, Practice
from .related import Related, related_practices
from .validation import withdrawn_elsewhere, withdrawn_in_vocabularies
from .vocabularies import Vocabularies


@dataclass(frozen=True)
class ContactEntry:
    """One contact person as the directory lists them, with the practices that name them."""

    contact: Contact
    region: str
    practices: tuple[Practice, ...]


@dataclass
class Catalogue:
    practices: list[Practice]
    vocabularies: Vocabularies
    by_term: dict[str, dict[str, list[Practice]]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.practices.sort(key=lambda p: (p.title.casefold(), p.slug))
        for facet in FACETS:
            index: dict[str, list[Practice]] = {term.id: [] for term in self.vocabularies.by_key(facet.key)}
            for practice in self.practices:
                for term_id in facet.ids(practice):
                    index[term_id].append(practice)
            self.by_term[facet.key] = index

    def practices_with(self, vocabulary: str, term_id: str) -> list[Practice]:
        return self.by_term[vocabulary][term_id]

    @functools.cached_property
    def related(self) -> dict[str, tuple[Related, ...]]:
        """Each practice's related practices by slug (related.py), computed once for all pages."""
        return related_practices(self.practices)

    @functools.cached_property
    def _slugs(self) -> dict[str, Practice]:
        return {p.slug: p for p in self.practices}

    def by_slug(self, slug: str) -> Practice:
        return self._slugs[slug]

    def contacts(self) -> list[ContactEntry]:
        """Every contact that is not withdrawn, merged by e-mail (or name) across practices."""
        merged: dict[tuple[str, str], list[tuple[Contact, Practice]]] = defaultdict(list)
        for practice in self.practices:
            for contact in practice.visible_contacts:
                key = (contact.email.lower() or contact.name.casefold(), contact.organisation.casefold())
                merged[key].append((contact, practice))
        entries = [
            ContactEntry(pairs[0][0], pairs[0][1].region, tuple(p for _, p in pairs)) for pairs in merged.values()
        ]
        regions = self.vocabularies.regions
        return sorted(
            entries,
            key=lambda e: (
                regions[e.region].name.casefold(),
                e.contact.organisation.casefold(),
                e.contact.name.casefold(),
            ),
        )


def cross_file_problems(practices: Iterable[Practice], vocabularies: Vocabularies) -> list[Problem]:
    """Slugs and titles must be unique across all files, wherever they come from; a withdrawn contact
    is withdrawn everywhere, the vocabularies included."""
    practices = list(practices)
    problems = withdrawn_elsewhere(practices) + withdrawn_in_vocabularies(practices, vocabularies)
    first_slug: dict[str, Practice] = {}
    first_title: dict[str, Practice] = {}
    for practice in practices:
        if practice.slug in first_slug:
            other = display_path(first_slug[practice.slug].path)
            problems.append(
                Problem(
                    display_path(practice.path),
                    1,
                    "file",
                    f"slug '{practice.slug}' bestaat al ({other}); kies een andere bestandsnaam",
                )
            )
        else:
            first_slug[practice.slug] = practice
        key = title_key(practice.title)
        if key in first_title:
            other = display_path(first_title[key].path)
            problems.append(
                Problem(
                    display_path(practice.path),
                    practice.title_line,
                    "title",
                    f"'{practice.title}' is al de titel van {other}; maak de titel onderscheidend",
                )
            )
        else:
            first_title[key] = practice
    return problems


def title_key(title: str) -> str:
    """What two titles are compared by: titles that read the same are the same. Compatibility forms
    ('ﬁ', full-width letters, a no-break space) become plain characters, invisible ones (a soft hyphen,
    a zero-width space or joiner) are dropped, runs of white space become one space, and case is folded."""
    text = unicodedata.normalize("NFKC", title)
    if not text.isascii():
        text = "".join(c for c in text if unicodedata.category(c) != "Cf")
    return " ".join(unicodedata.normalize("NFKC", text.casefold()).split())
