"""From what a professional types to ranked practices: the query step of ``kennisbank search``.

finder.js does the same steps in the same order, so the finder and the command line agree:

1. words as the index saw them (lower case, split, trimmed); stop words dropped;
2. a word of five letters or more whose stem the index does not know is corrected to the nearest
   word of the index's surface vocabulary (edit distance 1, or 2 from eight letters), because the
   index holds stems and 'praktijkverklarign' is not within reach of the stem 'praktijkverklar';
3. glossary phrases become their canonical word ('voortijdig schoolverlaters' -> 'vsv');
   Before that, a word reaches compounds and inflections, and the word being typed reaches terms that
   start with it (``expand.py``); only a word that reaches nothing is corrected, and one that has no
   correction either is split into the parts of a compound the index knows;
4. each distinct index term is one optional lunr clause (the terms a word reaches besides its own stem
   with boost 0.5); lunr scores, and the score is multiplied by the share of the query's words a
   practice contains one of the terms of (Lucene's 'coordination'), so for 'heftruck certificaat' the
   practice with both words beats one that says 'certificaat' often. Equal scores (to nine decimals,
   see ``tie_key``) keep catalogue order.

With ``prefix`` (the finder while typing; ``kennisbank search --prefix``) the last word counts as being
typed unless the text ends in a space or hyphen.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from lunr.index import Index

from ..addresses import practice_file
from .expand import EXPANSION_BOOST, part_terms, reached, split
from .index import SearchData, record
from .pipeline import STOP_WORDS, register, stem, words
from .synonyms import Synonyms


@dataclass(frozen=True)
class QueryTerm:
    word: str  # what is searched for: the typed word, its correction, or a canonical word
    stem: str
    typed: str  # the words typed, for messages ('praktijkverklarign')
    expansions: tuple[str, ...] = ()  # the other index terms the word reaches (expand.py)

    @property
    def group(self) -> tuple[str, ...]:
        """The index terms that count as this word."""
        return (self.stem, *self.expansions)


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


def typing_last(text: str, prefix: bool) -> bool:
    """Whether the last word is still being typed: ``prefix`` asked for, and no space or hyphen after it."""
    all_words = words(text)
    return prefix and bool(re.search(r"[^\s-]$", text)) and bool(all_words) and all_words[-1] not in STOP_WORDS


def analyse(
    text: str,
    knows: Callable[[str], bool],
    synonyms: Synonyms,
    vocabulary: Sequence[str],
    terms_sorted: Sequence[str] = (),
    prefix: bool = False,
) -> list[QueryTerm]:
    typed = [w for w in words(text) if w not in STOP_WORDS]
    typing = typing_last(text, prefix)
    corrected: list[str] = []
    found: list[tuple[list[str], list[str]]] = []  # per word: (the other terms it reaches, its parts)
    for number, word in enumerate(typed):
        is_typing = typing and number == len(typed) - 1
        more, parts = reached(word, is_typing, terms_sorted), []
        if not knows(stem(word)):
            fixed = None if more else correct(word, vocabulary)
            if fixed:
                word = fixed
            else:
                parts = split(word, knows)
                more = [t for t in dict.fromkeys([*more, *part_terms(parts, terms_sorted)]) if t != stem(word)]
        corrected.append(word)
        found.append((more, parts))
    stems = [stem(w) for w in corrected]
    terms: list[QueryTerm] = []
    position = 0
    for start, end, canonical in [*synonyms.matches(stems), (len(stems), len(stems), "")]:
        for i in range(position, start):
            more, parts = found[i]
            shown = " ".join(parts) if parts else corrected[i]
            terms.append(QueryTerm(shown, stems[i], typed[i], tuple(more)))
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


def rank(index: Index, terms: Sequence[QueryTerm]) -> list[tuple[int, float]]:
    """(ref, score) best first, the score weighed by the share of words matched, as in finder.js."""
    known = index.inverted_index
    groups = list(dict.fromkeys(tuple(t for t in term.group if t in known) for term in terms))
    groups = [g for g in groups if g]
    boosts: dict[str, float] = {}
    for term in terms:
        for t in term.group:
            if t in known:
                boost = 1.0 if t == term.stem else EXPANSION_BOOST
                boosts[t] = max(boosts.get(t, 0.0), boost)
    if not groups:
        return []
    hits = index.query(callback=lambda q: [q.term(t, use_pipeline=False, boost=b) for t, b in boosts.items()])
    share = len(groups)
    scored = []
    for hit in hits:
        contains = hit["match_data"].metadata
        matched = sum(1 for g in groups if any(t in contains for t in g))
        scored.append((int(hit["ref"]), hit["score"] * matched / share))
    return sorted(scored, key=lambda hit: (-tie_key(hit[1]), hit[0]))


class Searcher:
    """The index as the browser loads it (serialized, then loaded), with the query step around it."""

    def __init__(self, data: SearchData) -> None:
        self.data = data
        register()  # lunr.py loads the serialized pipeline by name: 'stemmer-nl' must be known
        self.index = Index.load(json.loads(json.dumps(data.index.serialize())))
        self.records = [record(p) for p in data.catalogue.practices]
        self.terms_sorted = sorted(self.index.inverted_index)

    def terms(self, text: str, prefix: bool = False) -> list[QueryTerm]:
        known = self.index.inverted_index
        return analyse(text, known.__contains__, self.data.synonyms, self.data.vocabulary, self.terms_sorted, prefix)

    def unmatched(self, terms: Sequence[QueryTerm]) -> list[QueryTerm]:
        """The words that match nothing in the index."""
        return [t for t in terms if not any(s in self.index.inverted_index for s in t.group)]

    def search(self, text: str, filters: Filters | None = None, prefix: bool = False) -> list[Result]:
        filters = filters or Filters()
        terms = self.terms(text, prefix)
        # Nothing to search for (only stop words): every practice, in catalogue order, as in the finder.
        ranked = rank(self.index, terms) if terms else [(i, 0.0) for i in range(len(self.records))]
        return [
            Result(ref, self.records[ref]["slug"], self.records[ref]["title"], score)
            for ref, score in ranked
            if filters.accepts(self.records[ref])
        ]
