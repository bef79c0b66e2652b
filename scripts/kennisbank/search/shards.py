"""The serialized lunr index split by term, so the browser fetches only what a query needs.

A lunr score depends only on the entries of a document's field vectors at the query's terms (the
similarity divides by the query vector's length, not the document's). So a term's postings together
with its field-vector values are all a query on that term needs, and an index assembled from the
shards of the query's terms ranks exactly like the whole index. At 10,000 practices the whole index
is far beyond what a page should download; a few shards are not.

A shard is ``[[term, term_index, {field: [[ref, score], ...]}], ...]`` with terms in sorted order;
the manifest lists each shard's first term. ``assemble()`` rebuilds a serialized lunr index from
shards; finder.js does the same before ``lunr.Index.load``.
"""

from __future__ import annotations

import bisect
import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

ShardEntry = list[Any]  # [term, term_index, {field: [[ref, score], ...]}]

TARGET_SHARD_BYTES = 96_000


@dataclass(frozen=True)
class ShardedIndex:
    fields: list[str]
    pipeline: list[str]
    version: str
    first_terms: list[str]  # the manifest: shard i holds the terms from first_terms[i] up to the next
    shards: list[list[ShardEntry]]

    def manifest(self) -> dict[str, Any]:
        return {
            "version": self.version,
            "fields": self.fields,
            "pipeline": self.pipeline,
            "shards": self.first_terms,
        }

    def shard_of(self, term: str) -> int:
        return max(0, bisect.bisect_right(self.first_terms, term) - 1)


def split(serialized: Mapping[str, Any], target_bytes: int = TARGET_SHARD_BYTES) -> ShardedIndex:
    """Split a serialized lunr index (``Index.serialize()``) into shards of about ``target_bytes``."""
    values: dict[tuple[str, int], float] = {}  # (field ref, term index) -> score
    for field_ref, elements in serialized["fieldVectors"]:
        for i in range(0, len(elements), 2):
            values[(field_ref, elements[i])] = elements[i + 1]
    entries: list[ShardEntry] = []
    for term, posting in sorted(serialized["invertedIndex"], key=lambda pair: pair[0]):
        term_index = posting["_index"]
        fields = {
            name: [[int(ref), values[(f"{name}/{ref}", term_index)]] for ref in posting[name]]
            for name in serialized["fields"]
            if posting.get(name)
        }
        entries.append([term, term_index, fields])
    shards: list[list[ShardEntry]] = [[]]
    size = 0
    for entry in entries:
        entry_size = len(json.dumps(entry, ensure_ascii=False, separators=(",", ":")))
        if shards[-1] and size + entry_size > target_bytes:
            shards.append([])
            size = 0
        shards[-1].append(entry)
        size += entry_size
    return ShardedIndex(
        fields=list(serialized["fields"]),
        pipeline=list(serialized["pipeline"]),
        version=str(serialized["version"]),
        first_terms=[shard[0][0] if shard else "" for shard in shards],
        shards=shards,
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
            for ref, score in fields.get(name, []):
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
