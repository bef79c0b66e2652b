"""The controlled vocabularies: one YAML data file each, the single source of truth for ids and names.

Themes, target groups, regions, phases, evidence levels and success factors are lists of terms with
an ``id``; the glossary is a list of terms of the field. The validator, the pages, the JSON Schema and
the finder all read them from here. What each file may hold is declared in ``vocabulary_schema``;
``vocabulary_check`` reads and checks the files.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from .errors import ContentError, Problem
from .vocabulary_check import check_file
from .vocabulary_schema import GLOSSARY, SPECS, Entry, VocabularySpec


class VocabularyError(ContentError):
    """Vocabulary files are missing or have errors; ``problems`` lists all of them, of every file."""


@dataclass(frozen=True)
class Term:
    id: str
    name: str
    description: str = ""
    extra: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class Vocabulary:
    """An ordered set of terms, looked up by id."""

    key: str
    label: str  # Dutch name of the vocabulary, singular, for messages ("thema")
    terms: tuple[Term, ...]
    unknown: str = ""  # "onbekend thema": Dutch adjectives agree with the noun

    def __post_init__(self) -> None:
        object.__setattr__(self, "_by_id", {t.id: t for t in self.terms})

    def __contains__(self, term_id: object) -> bool:
        return term_id in self._by_id  # type: ignore[attr-defined]

    def __getitem__(self, term_id: str) -> Term:
        return self._by_id[term_id]  # type: ignore[attr-defined,no-any-return]

    def __iter__(self):  # type: ignore[no-untyped-def]
        return iter(self.terms)

    def __len__(self) -> int:
        return len(self.terms)

    @property
    def ids(self) -> list[str]:
        return [t.id for t in self.terms]


@dataclass(frozen=True)
class GlossaryEntry:
    term: str
    definition: str
    expansion: str = ""
    synonyms: tuple[str, ...] = ()


@dataclass(frozen=True)
class Vocabularies:
    themes: Vocabulary
    target_groups: Vocabulary
    regions: Vocabulary
    phases: Vocabulary
    evidence: Vocabulary
    success_factors: Vocabulary
    glossary: tuple[GlossaryEntry, ...]

    def by_key(self, key: str) -> Vocabulary:
        vocabulary = getattr(self, key)
        if not isinstance(vocabulary, Vocabulary):
            raise KeyError(key)
        return vocabulary


def load_vocabularies(directory: Path) -> Vocabularies:
    """Every vocabulary of ``directory`` (a project's: ``Project.vocabularies_dir``); raises ``VocabularyError``
    with the problems of all files at once."""
    problems: list[Problem] = []
    loaded = {}
    for spec in SPECS:
        entries, found = check_file(directory / spec.filename, spec)
        problems += found
        loaded[spec.key] = Vocabulary(
            spec.key, spec.label, tuple(_term(entry, spec) for entry in entries), spec.unknown
        )
    glossary: list[GlossaryEntry] = []
    if (directory / GLOSSARY.filename).exists():
        entries, found = check_file(directory / GLOSSARY.filename, GLOSSARY)
        problems += found
        glossary = [_glossary_entry(entry) for entry in entries]
    if problems:
        raise VocabularyError(problems)
    return Vocabularies(glossary=tuple(glossary), **loaded)


def _term(entry: Entry, spec: VocabularySpec) -> Term:
    values = entry.values
    extra = {name: values.get(name, "") for name in spec.extra_fields}
    return Term(values["id"], values["name"], values.get("description", ""), extra)


def _glossary_entry(entry: Entry) -> GlossaryEntry:
    values = entry.values
    return GlossaryEntry(values["term"], values["definition"], values.get("expansion", ""), values.get("synonyms", ()))
