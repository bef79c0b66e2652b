"""The controlled vocabularies: one YAML data file each, the single source of truth for ids and names.

Themes, target groups, regions, phases, evidence levels and success factors are lists of terms with
an ``id``; the glossary is a list of terms of the field. The validator, the pages, the JSON Schema and
the finder all read them from here. What each file may hold is declared in ``vocabulary_schema``;
``vocabulary_check`` reads and checks the files.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from .errors import ContentError, Problem
from .facets import SPECS
from .municipalities import Municipalities
from .municipality_check import load_municipalities
from .vocabulary_check import check_file
from .vocabulary_schema import GLOSSARY, Entry, VocabularySpec


class VocabularyError(ContentError):
    """Vocabulary files are missing or have errors; ``problems`` lists all of them, of every file."""


@dataclass(frozen=True)
class Term:
    id: str
    name: str
    description: str = ""
    extra: dict[str, str] = field(default_factory=dict)
    aliases: tuple[str, ...] = ()  # other words for the term, for the search index


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
    """Every facet's vocabulary, by key (see ``facets.FACETS``), the glossary and the gemeenten."""

    terms: Mapping[str, Vocabulary]
    glossary: tuple[GlossaryEntry, ...] = ()
    # Empty where a project has no municipalities.yml (or a set of vocabularies is made from SPECS alone).
    municipalities: Municipalities = field(default_factory=Municipalities)

    def by_key(self, key: str) -> Vocabulary:
        return self.terms[key]

    # The vocabularies that pages use by name (the region of a contact, the themes of a print cover).
    @property
    def themes(self) -> Vocabulary:
        return self.terms["themes"]

    @property
    def target_groups(self) -> Vocabulary:
        return self.terms["target_groups"]

    @property
    def regions(self) -> Vocabulary:
        return self.terms["regions"]

    @property
    def phases(self) -> Vocabulary:
        return self.terms["phases"]

    @property
    def evidence(self) -> Vocabulary:
        return self.terms["evidence"]

    @property
    def success_factors(self) -> Vocabulary:
        return self.terms["success_factors"]


def load_vocabularies(directory: Path) -> Vocabularies:
    """Every vocabulary of ``directory`` (a project's: ``Project.vocabularies_dir``); raises ``VocabularyError``
    with the problems of all files at once."""
    problems: list[Problem] = []
    loaded = {}
    regions: list[Entry] = []
    for spec in SPECS:
        entries, found = check_file(directory / spec.filename, spec)
        problems += found
        regions = entries if spec.key == "regions" else regions
        loaded[spec.key] = Vocabulary(
            spec.key, spec.label, tuple(_term(entry, spec) for entry in entries), spec.unknown
        )
    glossary: list[GlossaryEntry] = []
    if (directory / GLOSSARY.filename).exists():
        entries, found = check_file(directory / GLOSSARY.filename, GLOSSARY)
        problems += found
        glossary = [_glossary_entry(entry) for entry in entries]
    municipalities, found = load_municipalities(directory, regions)
    problems += found
    if problems:
        raise VocabularyError(problems)
    return Vocabularies(loaded, tuple(glossary), municipalities)


def _term(entry: Entry, spec: VocabularySpec) -> Term:
    values = entry.values
    extra = {name: values.get(name, "") for name in spec.extra_fields}
    return Term(values["id"], values["name"], values.get("description", ""), extra, tuple(values.get("aliases", ())))


def _glossary_entry(entry: Entry) -> GlossaryEntry:
    values = entry.values
    return GlossaryEntry(values["term"], values["definition"], values.get("expansion", ""), values.get("synonyms", ()))
