"""The controlled vocabularies: one YAML data file each, the single source of truth for ids and names.

Themes, target groups, regions, phases, evidence levels and success factors are lists of terms with
an ``id``; the glossary is a list of terms of the field. The validator, the pages, the JSON Schema and
the finder all read them from here.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from . import fastyaml
from .errors import KennisbankError

# The folder with the vocabulary files of this repository; tests and tools may pass another one.
DEFAULT_DIR = Path(__file__).resolve().parents[2] / "practices" / "vocabularies"


class VocabularyError(KennisbankError):
    """A vocabulary file is missing or malformed; the message names the file."""


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
class VocabularySpec:
    """Where a vocabulary lives and how it is called; declared once in ``SPECS``."""

    key: str
    filename: str
    label: str
    unknown: str
    extra_fields: tuple[str, ...] = ()


SPECS: tuple[VocabularySpec, ...] = (
    VocabularySpec("themes", "themes.yml", "thema", "onbekend thema"),
    VocabularySpec("target_groups", "target_groups.yml", "doelgroep", "onbekende doelgroep"),
    VocabularySpec("regions", "regions.yml", "regio", "onbekende regio", ("cbs_code",)),
    VocabularySpec("phases", "phases.yml", "fase", "onbekende fase"),
    VocabularySpec("evidence", "evidence.yml", "bewijsniveau", "onbekend bewijsniveau"),
    VocabularySpec(
        "success_factors", "success_factors.yml", "werkzaam bestanddeel", "onbekend werkzaam bestanddeel", ("group",)
    ),
)


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


def load_vocabularies(directory: Path = DEFAULT_DIR) -> Vocabularies:
    loaded = {spec.key: _load_vocabulary(directory, spec) for spec in SPECS}
    glossary = _load_glossary(directory / "glossary.yml")
    return Vocabularies(glossary=glossary, **loaded)


def _read_list(path: Path) -> list[Any]:
    try:
        text = path.read_text(encoding="utf-8")
        # libyaml where it gives the same data (see fastyaml); PyYAML's own loader for anything unusual,
        # and for the message of an error. It is most of the start-up of ``kennisbank check`` otherwise.
        fast = fastyaml.parse(text, 1)
        data = fast[0] if fast is not None else yaml.safe_load(text)
    except FileNotFoundError:
        raise VocabularyError(f"{path}: bestand ontbreekt") from None
    except (yaml.YAMLError, UnicodeDecodeError) as exc:
        raise VocabularyError(f"{path}: geen geldige YAML: {exc}") from None
    if data is None:
        return []
    if not isinstance(data, list):
        raise VocabularyError(f"{path}: verwacht een lijst van termen ('- id: ...')")
    return data


def _load_vocabulary(directory: Path, spec: VocabularySpec) -> Vocabulary:
    path = directory / spec.filename
    terms = []
    seen: set[str] = set()
    for number, item in enumerate(_read_list(path), 1):
        if not isinstance(item, dict) or not isinstance(item.get("id"), str) or not item.get("name"):
            raise VocabularyError(f"{path}: term {number}: elke term heeft een 'id' en een 'name'")
        term_id = item["id"]
        if term_id in seen:
            raise VocabularyError(f"{path}: id '{term_id}' komt twee keer voor")
        seen.add(term_id)
        extra = {name: str(item.get(name) or "") for name in spec.extra_fields}
        terms.append(Term(term_id, str(item["name"]), str(item.get("description") or "").strip(), extra))
    return Vocabulary(spec.key, spec.label, tuple(terms), spec.unknown)


def _load_glossary(path: Path) -> tuple[GlossaryEntry, ...]:
    if not path.exists():
        return ()
    entries = []
    for number, item in enumerate(_read_list(path), 1):
        if not isinstance(item, dict) or not item.get("term") or not item.get("definition"):
            raise VocabularyError(f"{path}: begrip {number}: elk begrip heeft een 'term' en een 'definition'")
        synonyms = item.get("synonyms") or []
        if not isinstance(synonyms, list):
            raise VocabularyError(f"{path}: begrip '{item['term']}': 'synonyms' is een lijst")
        entries.append(
            GlossaryEntry(
                term=str(item["term"]),
                definition=str(item["definition"]).strip(),
                expansion=str(item.get("expansion") or ""),
                synonyms=tuple(str(s) for s in synonyms),
            )
        )
    return tuple(entries)
