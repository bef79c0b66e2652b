"""Stage 3, catalogue: every valid practice with the vocabularies, and the checks across files."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from .errors import Problem, display_path
from .model import Contact, Practice
from .vocabularies import Vocabularies

# The front-matter fields that hold vocabulary ids, with the vocabulary they use.
FACETS: tuple[tuple[str, str], ...] = (
    ("themes", "themes"),
    ("target_groups", "target_groups"),
    ("region", "regions"),
    ("phases", "phases"),
    ("evidence", "evidence"),
    ("success_factors", "success_factors"),
)


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
        for attribute, vocabulary in FACETS:
            index: dict[str, list[Practice]] = {term.id: [] for term in self.vocabularies.by_key(vocabulary)}
            for practice in self.practices:
                value = getattr(practice, attribute)
                for term_id in (value,) if isinstance(value, str) else value:
                    index[term_id].append(practice)
            self.by_term[vocabulary] = index

    def practices_with(self, vocabulary: str, term_id: str) -> list[Practice]:
        return self.by_term[vocabulary][term_id]

    def by_slug(self, slug: str) -> Practice:
        return next(p for p in self.practices if p.slug == slug)

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


def cross_file_problems(practices: Iterable[Practice]) -> list[Problem]:
    """Slugs and titles must be unique across all files, wherever they come from; a withdrawn contact
    is withdrawn everywhere."""
    practices = list(practices)
    problems = withdrawn_elsewhere(practices)
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
        key = " ".join(practice.title.casefold().split())
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


def withdrawn_elsewhere(practices: list[Practice]) -> list[Problem]:
    """A person withdrawn in one file must not be published by another: not as a contact, not in a text."""
    withdrawn: dict[str, Practice] = {}
    for practice in practices:
        for contact in practice.contacts:
            if contact.withdrawn:
                withdrawn.update({key: practice for key in _person_keys(contact)})
    # Keys by their first word: each body is tokenised once (in C) and searched only for the people
    # whose first word it contains, instead of searching every body for every withdrawn person.
    by_first_word: dict[str, list[str]] = {}
    for key in withdrawn:
        words = _TOKEN.findall(key)
        by_first_word.setdefault(words[0] if words else key, []).append(key)
    problems: list[Problem] = []
    for practice in practices:
        for contact in practice.visible_contacts:
            origin = next((withdrawn[k] for k in _person_keys(contact) if k in withdrawn), None)
            if origin is not None:
                problems.append(
                    Problem(
                        display_path(practice.path),
                        practice.contacts_line,
                        "contacts",
                        f"'{contact.name}' is teruggetrokken in {display_path(origin.path)}; zet hier ook "
                        "'withdrawn: true' bij deze contactpersoon",
                    )
                )
        for key, offset in _first_mentions(practice.body.casefold(), by_first_word):
            origin = withdrawn[key]
            if origin is practice:
                continue  # the validator reports mentions in the file itself
            problems.append(
                Problem(
                    display_path(practice.path),
                    practice.body_line + offset,
                    "body",
                    f"noemt '{key}', die als contactpersoon is teruggetrokken in {display_path(origin.path)}; "
                    "haal de naam weg of schrijf de functie of organisatie",
                )
            )
    return problems


_TOKEN = re.compile(r"\w+")


def _first_mentions(folded: str, by_first_word: dict[str, list[str]]) -> list[tuple[str, int]]:
    """(key, line offset) of the first mention of each key in a casefolded text."""
    if not by_first_word:
        return []
    present = by_first_word.keys() & set(_TOKEN.findall(folded))
    found = []
    for word in present:
        for key in by_first_word[word]:
            start = folded.find(key)
            if start >= 0:
                found.append((key, folded.count("\n", 0, start)))
    return sorted(found, key=lambda item: (item[1], item[0]))


def _person_keys(contact: Contact) -> list[str]:
    return [k for k in (contact.name.casefold(), contact.email.casefold()) if k]
