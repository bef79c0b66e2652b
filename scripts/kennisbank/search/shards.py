"""The lunr index split by term, so the browser fetches only what a query needs.

A lunr score depends only on the entries of a document's field vectors at the query's terms (the
similarity divides by the query vector's length, not the document's). So a term's postings together
with its field-vector values are all a query on that term needs, and an index assembled from the
shards of the query's terms ranks exactly like the whole index. At 10,000 practices the whole index
is far beyond what a page should download; a few shards are not.

A shard is ``[[term, term_index, {field: [ref, score, ref, score, ...]}], ...]`` with terms in sorted order;
the manifest lists each shard's first term. ``assemble()`` rebuilds a serialized lunr index from
shards (the tests load it in lunr.py); the browser's score.js scores straight from the entries.
"""

from __future__ import annotations

import bisect
import json
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from .lunr_index import LunrIndex, ShardEntry

TARGET_SHARD_BYTES = 96_000
# One encoder for every entry: json.dumps with options makes a new one per call.
_compact = json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode


@dataclass(frozen=True)
class ShardedIndex:
    fields: list[str]
    pipeline: list[str]
    version: str
    first_terms: list[str]  # the manifest: shard i holds the terms from first_terms[i] up to the next
    shards: list[list[ShardEntry]]
    texts: list[str]  # each shard as the compact JSON file the browser fetches

    def manifest(self) -> dict[str, Any]:
        return {
            "version": self.version,
            "fields": self.fields,
            "pipeline": self.pipeline,
            "shards": self.first_terms,
        }

    def shard_of(self, term: str) -> int:
        return max(0, bisect.bisect_right(self.first_terms, term) - 1)


def split(index: LunrIndex, target_bytes: int = TARGET_SHARD_BYTES) -> ShardedIndex:
    """Split ``index`` by term into shards of about ``target_bytes`` of JSON each."""
    shards: list[list[ShardEntry]] = [[]]
    parts: list[list[str]] = [[]]  # the JSON of each entry: written once, measured and joined
    size = 0
    for entry in index.shard_entries():
        text = _compact(entry)
        if shards[-1] and size + len(text) > target_bytes:
            shards.append([])
            parts.append([])
            size = 0
        shards[-1].append(entry)
        parts[-1].append(text)
        size += len(text)
    serialized_head = index.serialize_head()
    return ShardedIndex(
        fields=list(serialized_head["fields"]),
        pipeline=list(serialized_head["pipeline"]),
        version=str(serialized_head["version"]),
        first_terms=[shard[0][0] if shard else "" for shard in shards],
        shards=shards,
        texts=["[" + ",".join(texts) + "]" for texts in parts],
    )


def assemble(sharded: ShardedIndex, terms: Iterable[str]) -> dict[str, Any]:
    """A serialized lunr index holding just ``terms`` (those the index knows), loadable by lunr."""
    wanted = set(terms)
    entries = [entry for number in sorted({sharded.shard_of(t) for t in wanted}) for entry in sharded.shards[number]]
    entries = [e for e in entries if e[0] in wanted]
    return assemble_entries(sharded, entries)


def assemble_entries(sharded: ShardedIndex, entries: list[ShardEntry]) -> dict[str, Any]:
    vectors: dict[str, list[tuple[int, float]]] = {}
    inverted = []
    for term, term_index, fields in sorted(entries, key=lambda e: e[0]):
        posting: dict[str, Any] = {"_index": term_index}
        for name in sharded.fields:
            posting[name] = {}
            flat = fields.get(name, [])
            for ref, score in zip(flat[::2], flat[1::2], strict=True):
                posting[name][str(ref)] = {}
                vectors.setdefault(f"{name}/{ref}", []).append((term_index, score))
        inverted.append([term, posting])
    field_vectors = [[ref, [x for pair in sorted(pairs) for x in pair]] for ref, pairs in vectors.items()]
    return {
        "version": sharded.version,
        "fields": sharded.fields,
        "fieldVectors": field_vectors,
        "invertedIndex": inverted,
        "pipeline": sharded.pipeline,
    }
