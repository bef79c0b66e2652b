"""The finder's lunr index, computed directly instead of through lunr.py's ``Builder``.

lunr.py's builder wraps every word in a ``Token`` object, runs it through its pipeline one function at
a time, inserts each score into a sorted vector with a binary search and finally builds a token-set
automaton the serialized index does not even contain: at 10,000 practices that was most of our share
of the build. The index itself is simple (BM25 per field, as lunr.js computes it), so this module
computes the same numbers with plain dicts and counters, in lunr's order of operations.

``LunrIndex.serialize()`` is exactly what ``Builder.build().serialize()`` gives for the same documents,
field boosts and Dutch pipeline: the same term numbers, the same floats, the same order
(``tests/test_fast_paths.py`` compares them). ``shards.split`` splits the index by term for the browser.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from itertools import chain
from typing import Any

from lunr import __TARGET_JS_VERSION__

from .pipeline import STEMMER_LABEL, lunr_tokens, token_stems

# lunr's BM25 parameters (Builder._k1, Builder._b): term-frequency saturation and length normalisation.
K1 = 1.2
B = 0.75

# field -> {document number: score}, in the order lunr adds the documents.
Posting = dict[str, dict[int, float]]
# [term, term_index, {field: [ref, score, ref, score, ...]}]: flat, so the browser parses one array of numbers per
# field, not an array per document, and scores from it without reaching into each pair.
ShardEntry = list[Any]


def index_terms(text: str) -> list[str]:
    """The terms of one field, in text order, as lunr's tokenizer and pipeline give them."""
    return token_stems(lunr_tokens(text))


@dataclass(frozen=True)
class LunrIndex:
    fields: tuple[str, ...]
    refs: tuple[str, ...]  # document number -> lunr reference
    term_numbers: dict[str, int]  # term -> lunr's term index (order of first occurrence)
    postings: dict[str, Posting]

    def serialize_head(self) -> dict[str, Any]:
        """The parts of the serialized index besides the terms and vectors."""
        return {"version": __TARGET_JS_VERSION__, "fields": list(self.fields), "pipeline": [STEMMER_LABEL]}

    def serialize(self) -> dict[str, Any]:
        """The index as lunr.py's ``Index.serialize()`` gives it: what ``lunr.Index.load`` reads."""
        vectors: dict[tuple[int, str], list[tuple[int, float]]] = {
            (number, name): [] for number in range(len(self.refs)) for name in self.fields
        }
        inverted = []
        for term in sorted(self.postings):
            posting = self.postings[term]
            term_number = self.term_numbers[term]
            serialized: dict[str, Any] = {}
            for name in self.fields:
                scores = posting.get(name, {})
                serialized[name] = {self.refs[number]: {} for number in scores}
                for number, score in scores.items():
                    vectors[(number, name)].append((term_number, score))
            serialized["_index"] = term_number
            inverted.append([term, serialized])
        field_vectors = [
            [f"{name}/{self.refs[number]}", [x for pair in sorted(pairs) for x in pair]]
            for (number, name), pairs in vectors.items()
        ]
        head = self.serialize_head()
        return {
            "version": head["version"],
            "fields": head["fields"],
            "fieldVectors": field_vectors,
            "invertedIndex": inverted,
            "pipeline": head["pipeline"],
        }

    def shard_entries(self) -> list[ShardEntry]:
        """One entry per term, sorted by term: its number and, per field, the documents and scores, flat (made in
        C: at 10,000 practices there are millions)."""
        return [
            [
                term,
                self.term_numbers[term],
                {name: list(chain.from_iterable(scores.items())) for name, scores in fields.items() if scores},
            ]
            for term, fields in sorted(self.postings.items())
        ]


def build(
    documents: Iterable[Sequence[str]],
    refs: Sequence[str],
    fields: Sequence[tuple[str, int]],
    tokens: Callable[[str], Sequence[str]] = lunr_tokens,
) -> LunrIndex:
    """Index ``documents`` (each the text of every field, in the order of ``fields``: (name, boost)).
    ``tokens``: a text's tokens as ``lunr_tokens`` gives them (a caller that split the texts already)."""
    names = [name for name, _ in fields]
    # Pass 1, in lunr's order (document by document, field by field): term frequencies, field
    # lengths, term numbers, and in how many fields of all documents each term occurs (lunr's idf
    # counts a document once per field it has the term in).
    frequencies: dict[str, list[Counter[str]]] = {name: [] for name in names}
    term_numbers: dict[str, int] = {}
    field_count: Counter[str] = Counter()
    document_count = 0
    # The counts of a text, worked out once: a region's towns and the same terms' labels and descriptions
    # recur in practice after practice. Read only, so documents with the same text share one Counter.
    counted: dict[str, Counter[str]] = {}
    for document in documents:
        document_count += 1
        for name, text in zip(names, document, strict=True):
            counts = counted.get(text)
            if counts is None:
                counts = counted[text] = Counter(token_stems(tokens(text)))
            frequencies[name].append(counts)
            for term in counts:
                if term not in term_numbers:
                    term_numbers[term] = len(term_numbers)
            field_count.update(counts.keys())
    idf = {term: _idf(count, document_count) for term, count in field_count.items()}
    # Pass 2: BM25 per field, with exactly lunr's floating-point operations.
    k1_plus_1 = K1 + 1
    by_field: dict[str, dict[str, dict[int, float]]] = {}
    for name, boost in fields:
        scored: dict[str, dict[int, float]] = {}
        by_field[name] = scored
        # No documents (a site whose every practice has errors): no postings, and no division by zero.
        average = sum(counts.total() for counts in frequencies[name]) / max(document_count, 1)
        for number, counts in enumerate(frequencies[name]):
            if not counts:
                continue
            normalisation = K1 * (1 - B + B * (counts.total() / average))
            for term, tf in counts.items():
                score = idf[term] * (k1_plus_1 * tf) / (normalisation + tf)
                score *= boost
                documents_of_term = scored.get(term)
                if documents_of_term is None:
                    documents_of_term = scored[term] = {}
                documents_of_term[number] = round(score, 3)
    # lunr's posting lists every field, used or not, in field order.
    terms = dict.fromkeys(term for name in names for term in by_field[name])
    postings = {term: {name: by_field[name].get(term, {}) for name in names} for term in terms}
    return LunrIndex(tuple(names), tuple(refs), term_numbers, postings)


def _idf(documents_with_term: int, document_count: int) -> float:
    """lunr.idf: never negative, even for a term in every field of every document."""
    x = (document_count - documents_with_term + 0.5) / (documents_with_term + 0.5)
    return math.log(1 + abs(x))
