"""Related practices: for each practice the three to five others that share the most with it.

What counts is shared: the terms of the facets marked ``related`` in ``facets.py`` (themes, target groups,
phases, success factors), each weighted by how rare it is (a term few practices have says more than one
most have), and similar words in the text (tf-idf over the stems of the search pipeline). Both are cosine
similarities between 0 and 1; a practice's score is the facets' plus half the text's.

Scoring every pair is quadratic; at 10,000 practices that is 50 million pairs. Instead each practice first
gathers candidates from an inverted index (feature -> practices), its rarest features first, until it has
looked at ``CANDIDATE_BUDGET`` postings; only the best ``POOL`` of those, by the number of features they
share, are scored in full. With a few hundred practices the budget covers every posting, so the result is
exact; at scale it is the best among the practices that share the rarest features.

Pure and deterministic: the same catalogue gives the same lists, ties broken by slug.
"""

from __future__ import annotations

import math
import sys
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from operator import itemgetter, mul
from typing import TypeVar

from .facets import FACETS, Facet
from .model import Practice
from .search.pipeline import lunr_tokens, token_stems
from .vocabularies import Vocabularies

MIN_RELATED = 3
MAX_RELATED = 5
KEEP_FRACTION = 0.5  # the 4th and 5th are shown only when they score at least this share of the best
TEXT_WEIGHT = 0.5  # similar words count half as much as shared terms
TEXT_STEMS = 20  # a practice's text vector keeps its strongest stems only
CANDIDATE_BUDGET = 2000  # postings a practice looks at to gather candidates
POOL = 40  # candidates scored in full
REASON_TERMS = 3  # the reason names the rarest shared terms, then how many more
WORDS_ONLY = "vergelijkbare tekst"  # the reason when no term is shared

# A feature is a string, whose hash Python keeps: "<vocabulary key>\t<term id>", or " <a word's stem>".
Feature = str
_T = TypeVar("_T")
RELATED_FACETS: tuple[Facet, ...] = tuple(f for f in FACETS if f.related)


@dataclass(frozen=True)
class Related:
    """One related practice: its slug, its score, and the terms it shares as (vocabulary key, term id), the
    rarest (most telling) first."""

    slug: str
    score: float
    shared: tuple[tuple[str, str], ...]


def facet_features(practice: Practice) -> list[Feature]:
    return [sys.intern(f"{facet.key}\t{term_id}") for facet in RELATED_FACETS for term_id in facet.ids(practice)]


def _term(feature: Feature) -> tuple[str, str]:
    key, _, term_id = feature.partition("\t")
    return key, term_id


def text_counts(practice: Practice) -> Counter[str]:
    return Counter(token_stems(lunr_tokens(f"{practice.title} {practice.summary} {practice.body}")))


def _normalised(weights: Mapping[Feature, float]) -> dict[Feature, float]:
    norm = math.sqrt(sum(w * w for w in weights.values())) or 1.0
    return {key: w / norm for key, w in weights.items()}


def _idf(document_frequency: int, total: int) -> float:
    return math.log((total + 1) / (document_frequency + 1)) + 1.0


class _Vectors:
    """Each practice's vector: its facet terms and its text's strongest stems, each part of unit length, the
    text's scaled so that a dot product is the facets' cosine plus ``TEXT_WEIGHT`` times the text's; and the
    postings of every feature."""

    def __init__(self, practices: list[Practice]) -> None:
        total = len(practices)
        facets = [facet_features(p) for p in practices]
        counts = [text_counts(p) for p in practices]
        facet_df = Counter(f for features in facets for f in set(features))
        stem_df = Counter(stem for c in counts for stem in c)
        self.facets = [_normalised({f: _idf(facet_df[f], total) for f in features}) for features in facets]
        stem_idf = {stem: _idf(n, total) for stem, n in stem_df.items()}
        scale = math.sqrt(TEXT_WEIGHT)  # one vector per practice: its dot product is facets' + TEXT_WEIGHT * text's
        self.vectors: list[dict[Feature, float]] = []
        for features, c in zip(self.facets, counts, strict=True):
            weighted = {stem: (1 + math.log(n)) * stem_idf[stem] for stem, n in c.items()}
            strongest = _normalised(dict(_largest(weighted.items(), TEXT_STEMS)))
            # Interned: the same feature is then the same object in every vector, which dot products compare.
            self.vectors.append({**features, **{sys.intern(" " + stem): w * scale for stem, w in strongest.items()}})
        postings: dict[Feature, list[int]] = {}
        for i in range(total):
            for feature in self.vectors[i]:
                postings.setdefault(feature, []).append(i)
        self.postings = postings
        # A practice's features, rarest first (ties by the feature itself), for gathering candidates.
        self.order = [sorted(vector, key=lambda f: (len(postings[f]), f)) for vector in self.vectors]

    def candidates(self, i: int) -> list[int]:
        seen: Counter[int] = Counter()
        looked = 0
        for feature in self.order[i]:
            posting = self.postings[feature]
            if looked and looked + len(posting) > CANDIDATE_BUDGET:
                break
            seen.update(posting)
            looked += len(posting)
        seen.pop(i, None)
        return [j for j, _ in _largest(seen.items(), POOL)]  # ties: first seen first, which is deterministic

    def score(self, i: int, j: int) -> float:
        return _dot(self.vectors[i], self.vectors[j])


def _dot(a: Mapping[Feature, float], b: Mapping[Feature, float]) -> float:
    # The shared keys and their products in C; fsum is exact, so the set's order (which varies with string
    # hashing) cannot change the result.
    shared = a.keys() & b.keys()
    return math.fsum(map(mul, map(a.__getitem__, shared), map(b.__getitem__, shared)))


def _largest(items: Iterable[tuple[_T, float]], n: int) -> list[tuple[_T, float]]:
    """The ``n`` items with the largest value, ties in their first order: what ``heapq.nlargest`` and
    ``Counter.most_common`` give, by one sort in C (the sort is stable, also in reverse)."""
    return sorted(items, key=itemgetter(1), reverse=True)[:n]


def related_practices(practices: Iterable[Practice]) -> dict[str, tuple[Related, ...]]:
    """slug -> its related practices, best first: at least ``MIN_RELATED`` (if there are that many others),
    at most ``MAX_RELATED``; never the practice itself."""
    ordered = sorted(practices, key=lambda p: p.slug)
    if not ordered:
        return {}
    vectors = _Vectors(ordered)
    result: dict[str, tuple[Related, ...]] = {}
    for i, practice in enumerate(ordered):
        scored = sorted(
            ((round(vectors.score(i, j), 9), ordered[j].slug, j) for j in vectors.candidates(i)),
            key=lambda item: (-item[0], item[1]),
        )
        best = scored[0][0] if scored else 0.0
        chosen = [s for n, s in enumerate(scored[:MAX_RELATED]) if n < MIN_RELATED or s[0] >= best * KEEP_FRACTION]
        mine = vectors.facets[i]
        result[practice.slug] = tuple(
            Related(
                slug,
                score,
                tuple(_term(f) for f in sorted((f for f in vectors.facets[j] if f in mine), key=lambda f: -mine[f])),
            )
            for score, slug, j in chosen
        )
    return result


def reason(related: Related, vocabularies: Vocabularies, terms: int = REASON_TERMS, more: bool = True) -> str:
    """Why a practice is related, in the vocabularies' names: 'ook: Nazorg, Voortgezet speciaal onderwijs (vso)',
    the ``terms`` rarest shared terms and (with ``more``) how many others."""
    names = [vocabularies.by_key(key)[term_id].name for key, term_id in related.shared[:terms]]
    rest = len(related.shared) - terms
    return "ook: " + (", ".join(names) if names else WORDS_ONLY) + (f" en {rest} meer" if more and rest > 0 else "")
