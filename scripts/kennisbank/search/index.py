"""The finder's search index, built once at build time (``lunr_index``) and loaded as is by lunr.js.

Documents are referred to by their position in the catalogue ('0', '1', ...): short references
keep the serialized index small. Field boosts put the title above the summary above the body.
The finder also gets a compact data file: per practice the fields a result shows and the facets
filter on, plus what the query step needs (synonym table, stop words, word characters and the
surface vocabulary for typo correction).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from ..catalogue import FACETS, Catalogue
from ..model import Practice
from ..vocabularies import Vocabularies
from . import lunr_index
from .lunr_index import LunrIndex
from .pipeline import LOANWORD_PLURAL_ENDINGS, SEPARATOR, STOP_WORDS, WORD_CHARACTERS, trim
from .synonyms import Synonyms, from_glossary

# (field, boost): a word in the title counts ten times a word in the body.
FIELDS: tuple[tuple[str, int], ...] = (("title", 10), ("summary", 4), ("meta", 2), ("body", 1))

_MARKDOWN_NOISE = (
    (re.compile(r"\[([^\]]*)\]\([^)]*\)"), r"\1"),  # [label](target) -> label
    (re.compile(r"<?https?://[^\s>)]+>?"), " "),  # addresses are not words anyone searches for
    (re.compile(r"\{:[^}]*\}"), " "),  # attribute lists
    (re.compile(r"[#*_`|>]+"), " "),
)


def plain_text(markdown: str) -> str:
    for pattern, replacement in _MARKDOWN_NOISE:
        markdown = pattern.sub(replacement, markdown)
    return markdown


@dataclass(frozen=True)
class SearchDocument:
    ref: str
    title: str
    summary: str
    meta: str
    body: str

    def field(self, name: str) -> str:
        return str(getattr(self, name))


def meta_text(practice: Practice, vocabularies: Vocabularies) -> str:
    """Region, municipalities and organisations: 'vsv Twente' should find practices in Twente."""
    parts = [vocabularies.regions[practice.region].name, *practice.municipalities, *practice.organisations]
    return "\n".join(parts)


def search_documents(catalogue: Catalogue, synonyms: Synonyms) -> list[SearchDocument]:
    docs = []
    for number, practice in enumerate(catalogue.practices):
        fields = {
            "title": practice.title,
            "summary": practice.summary,
            "meta": meta_text(practice, catalogue.vocabularies),
            "body": "\n".join([*practice.key_figures, plain_text(practice.body)]),
        }
        # The canonical word of each glossary phrase goes into the field the phrase stands in.
        expanded = {name: " ".join([*value.split(), *synonyms.additions(value)]) for name, value in fields.items()}
        docs.append(SearchDocument(str(number), **expanded))
    return docs


def build_index(docs: Iterable[SearchDocument]) -> LunrIndex:
    docs = list(docs)
    texts = ([doc.field(name) for name, _ in FIELDS] for doc in docs)
    return lunr_index.build(texts, [doc.ref for doc in docs], FIELDS)


def surface_vocabulary(docs: Iterable[SearchDocument]) -> list[str]:
    """Every word the index was built from (no stop words, no numbers), most frequent first: the
    list typos are corrected against, in the same order in Python and in the browser."""
    counts: Counter[str] = Counter()
    for doc in docs:
        # words() of every field, counted once per document; trimming the distinct tokens only.
        tokens = set(SEPARATOR.split("\n".join(doc.field(name) for name, _ in FIELDS).lower()))
        counts.update({word for word in map(trim, tokens) if word})
    return [
        w
        for w, _ in sorted(counts.items(), key=lambda item: (-item[1], item[0]))
        if w not in STOP_WORDS and not w.isdigit() and len(w) >= 4
    ]


def record(practice: Practice) -> dict[str, Any]:
    """What a result shows and the facets filter on, keyed by the catalogue's facet fields."""
    fields: dict[str, Any] = {"slug": practice.slug, "title": practice.title, "summary": practice.summary}
    for attribute, _vocabulary in FACETS:
        value = getattr(practice, attribute)
        fields[attribute] = [value] if isinstance(value, str) else list(value)
    return fields


@dataclass(frozen=True)
class SearchData:
    """Everything the finder and ``kennisbank search`` need, built from one catalogue."""

    catalogue: Catalogue
    synonyms: Synonyms
    documents: list[SearchDocument]
    index: LunrIndex
    vocabulary: list[str]

    def finder_data(self) -> dict[str, Any]:
        vocab = self.catalogue.vocabularies
        return {
            "records": [record(p) for p in self.catalogue.practices],
            "facets": {key: [[t.id, t.name] for t in vocab.by_key(key)] for key in dict.fromkeys(v for _, v in FACETS)},
            "synonyms": self.synonyms.table(),
            "stopWords": sorted(STOP_WORDS),
            "wordCharacters": WORD_CHARACTERS,
            "loanwordPluralEndings": list(LOANWORD_PLURAL_ENDINGS),
            "vocabulary": self.vocabulary,
        }


def build_search_data(catalogue: Catalogue) -> SearchData:
    synonyms = from_glossary(catalogue.vocabularies.glossary)
    docs = search_documents(catalogue, synonyms)
    return SearchData(catalogue, synonyms, docs, build_index(docs), surface_vocabulary(docs))
