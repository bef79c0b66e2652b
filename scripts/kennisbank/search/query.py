"""From what a professional types to ranked practices: the query step of ``kennisbank search``.

finder.js does the same steps in the same order, so the finder and the command line agree:

1. words as the index saw them (lower case, split, trimmed); stop words dropped;
2. a word of five letters or more whose stem the index does not know is corrected to the nearest
   word of the index's surface vocabulary (edit distance 1, or 2 from eight letters), because the
   index holds stems and 'praktijkverklarign' is not within reach of the stem 'praktijkverklar';
3. glossary phrases become their canonical word ('voortijdig schoolverlaters' -> 'vsv');
4. each distinct stem is one optional lunr clause; lunr scores, and the score is multiplied by the
   share of the query's terms a practice contains (Lucene's 'coordination'), so for 'heftruck
   certificaat' the practice with both words beats one that says 'certificaat' often. Equal scores
   (to nine decimals, see ``tie_key``) keep catalogue order.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from lunr.index import Index

from ..addresses import practice_file
from .index import SearchData, record
from .pipeline import STOP_WORDS, register, stem, words
from .synonyms import Synonyms


@dataclass(frozen=True)
class QueryTerm:
    word: str  # what is searched for: the typed word, its correction, or a canonical word
    stem: str
    typed: str  # the words typed, for messages ('praktijkverklarign')


def max_distance(word: str) -> int:
    return 2 if len(word) >= 8 else 1 if len(word) >= 5 else 0


def edit_distance(a: str, b: str, limit: int) -> int:
    """Optimal string alignment distance (a swap of neighbours counts one), or limit + 1 if larger."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    previous2: list[int] = []
    previous = list(range(len(b) + 1))
    for i in range(1, len(a) + 1):
        current = [i] + [0] * len(b)
        for j in range(1, len(b) + 1):
            cost = 0 if a[i - 1] == b[j - 1] else 1
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                current[j] = min(current[j], previous2[j - 2] + 1)
        if min(current) > limit:
            return limit + 1
        previous2, previous = previous, current
    return previous[-1]


def correct(word: str, vocabulary: Sequence[str]) -> str | None:
    """The nearest vocabulary word; the vocabulary is ordered most frequent first, so ties go to it."""
    limit = max_distance(word)
    if limit == 0 or re.search("[0-9]", word):
        return None
    best, best_distance = None, limit + 1
    for candidate in vocabulary:
        distance = edit_distance(word, candidate, limit)
        if distance < best_distance:
            best, best_distance = candidate, distance
            if distance <= 1:
                break
    return best


def analyse(
    text: str, known: Mapping[str, Any] | set[str], synonyms: Synonyms, vocabulary: Sequence[str]
) -> list[QueryTerm]:
    typed = [w for w in words(text) if w not in STOP_WORDS]
    corrected = []
    for word in typed:
        if stem(word) not in known:
            word = correct(word, vocabulary) or word
        corrected.append(word)
    stems = [stem(w) for w in corrected]
    terms: list[QueryTerm] = []
    position = 0
    for start, end, canonical in [*synonyms.matches(stems), (len(stems), len(stems), "")]:
        terms += [QueryTerm(corrected[i], stems[i], typed[i]) for i in range(position, start)]
        if canonical:
            terms.append(QueryTerm(canonical, stem(canonical), " ".join(typed[start:end])))
        position = end
    return terms


@dataclass(frozen=True)
class Result:
    ref: int
    slug: str
    title: str
    score: float

    @property
    def path(self) -> str:
        return practice_file(self.slug)

    def as_json(self) -> dict[str, Any]:
        return {"path": self.path, "slug": self.slug, "title": self.title, "score": round(self.score, 6)}


@dataclass(frozen=True)
class Filters:
    """Facet selections: within a facet any selected value will do, across facets all must hold."""

    selected: Mapping[str, frozenset[str]] = field(default_factory=dict)

    def accepts(self, record: Mapping[str, Any]) -> bool:
        return all(not values or values & set(record[facet]) for facet, values in self.selected.items())


def tie_key(score: float) -> int:
    """The score in units of 1e-9, rounded half up: scores that differ less count as equal. finder.js
    computes ``Math.floor(score * 1e9 + 0.5)``, the same floating-point operations, so both order ties
    alike (``round(score, 9)`` rounds the exact decimal value and could differ on a half)."""
    return math.floor(score * 1e9 + 0.5)


def rank(index: Index, stems: Sequence[str]) -> list[tuple[int, float]]:
    """(ref, score) best first, the score weighed by the share of terms matched, as in finder.js."""
    unique = list(dict.fromkeys(s for s in stems if s in index.inverted_index))
    if not unique:
        return []
    hits = index.query(callback=lambda q: [q.term(s, use_pipeline=False) for s in unique])
    share = len(unique)
    scored = [(int(hit["ref"]), hit["score"] * len(hit["match_data"].metadata) / share) for hit in hits]
    return sorted(scored, key=lambda hit: (-tie_key(hit[1]), hit[0]))


class Searcher:
    """The index as the browser loads it (serialized, then loaded), with the query step around it."""

    def __init__(self, data: SearchData) -> None:
        self.data = data
        register()  # lunr.py loads the serialized pipeline by name: 'stemmer-nl' must be known
        self.index = Index.load(json.loads(json.dumps(data.index.serialize())))
        self.records = [record(p) for p in data.catalogue.practices]

    def terms(self, text: str) -> list[QueryTerm]:
        return analyse(text, self.index.inverted_index, self.data.synonyms, self.data.vocabulary)

    def search(self, text: str, filters: Filters | None = None) -> list[Result]:
        filters = filters or Filters()
        terms = self.terms(text)
        # Nothing to search for (only stop words): every practice, in catalogue order, as in the finder.
        ranked = rank(self.index, [t.stem for t in terms]) if terms else [(i, 0.0) for i in range(len(self.records))]
        return [
            Result(ref, self.records[ref]["slug"], self.records[ref]["title"], score)
            for ref, score in ranked
            if filters.accepts(self.records[ref])
        ]
