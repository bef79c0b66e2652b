"""The directly computed index equals what lunr.py's own Builder makes of the same documents."""

from __future__ import annotations

import dataclasses
import json
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kennisbank.search.index import FIELDS, SearchDocument, build_index, search_documents
from kennisbank.search.pipeline import dutch_builder
from kennisbank.search.synonyms import from_glossary

from .conftest import repo_catalogue


def lunr_builder_index(docs: list[SearchDocument]) -> dict[str, Any]:
    """The reference: lunr.py tokenizing the raw text and running its own pipeline."""
    builder = dutch_builder()
    builder.ref("ref")
    for name, boost in FIELDS:
        builder.field(name, boost=boost)
    for doc in docs:
        builder.add(dataclasses.asdict(doc))
    return dict(builder.build().serialize())


def entries_from_serialized(serialized: dict[str, Any]) -> list[list[Any]]:
    """Shard entries read off a serialized lunr index: [term, term_index, {field: [ref, score, ...]}]."""
    values = {}
    for field_ref, elements in serialized["fieldVectors"]:
        for i in range(0, len(elements), 2):
            values[(field_ref, elements[i])] = elements[i + 1]
    entries = []
    for term, posting in serialized["invertedIndex"]:
        fields = {
            name: [x for ref in posting[name] for x in (int(ref), values[(f"{name}/{ref}", posting["_index"])])]
            for name in serialized["fields"]
            if posting[name]
        }
        entries.append([term, posting["_index"], fields])
    return entries


@pytest.fixture(scope="module")
def real_docs() -> list[SearchDocument]:
    catalogue = repo_catalogue()
    docs = search_documents(catalogue, from_glossary(catalogue.vocabularies.glossary))
    odd = "Stage's -- coaches’s  x's's\u00a0de HET-mbo\t’t 2022 ... é É ß"
    return [*docs, dataclasses.replace(docs[0], ref=str(len(docs)), body=odd, labels="")]


def test_the_tokens_split_once_give_the_index_and_vocabulary_the_texts_give() -> None:
    """build_search_data splits each field text once (search_documents' ``tokens``): the index and the
    vocabulary are what lunr's tokenizer and words() make of the texts themselves, here with odd white
    space, hyphens, apostrophes and a glossary phrase in them."""
    from kennisbank.search.index import surface_vocabulary

    catalogue = repo_catalogue()
    practice = catalogue.practices[0]
    odd = "Stage's -- coaches\u2003’s\u00a0x's\u2028de HET-mbo\t’t regionaal meld- en coördinatiepunt 2022 é É ß ΑΣ"
    catalogue = dataclasses.replace(
        catalogue, practices=[*catalogue.practices, dataclasses.replace(practice, summary=odd, body=odd)]
    )
    synonyms = from_glossary(catalogue.vocabularies.glossary)
    tokens: dict[str, list[str]] = {}
    docs = search_documents(catalogue, synonyms, tokens)
    assert docs == search_documents(catalogue, synonyms)
    assert len(tokens) > len(docs)
    assert build_index(docs, tokens).serialize() == build_index(docs).serialize()
    assert surface_vocabulary(docs, tokens) == surface_vocabulary(docs)


def test_the_index_of_the_real_practices_is_lunrs_to_the_byte(real_docs: list[SearchDocument]) -> None:
    ours = build_index(real_docs).serialize()
    theirs = lunr_builder_index(real_docs)
    assert ours == theirs
    assert json.dumps(ours, ensure_ascii=False) == json.dumps(theirs, ensure_ascii=False)


def test_shard_entries_are_read_off_the_same_index(real_docs: list[SearchDocument]) -> None:
    assert build_index(real_docs).shard_entries() == entries_from_serialized(lunr_builder_index(real_docs))


WORDS = st.sampled_from(
    ["jongeren", "Jongere", "de", "het", "stage's", "coaches", "werk-leer", "2022", "\u2019t", "...", "é"]
)
TEXT = st.lists(WORDS, max_size=12).map(" ".join)


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(TEXT, TEXT, TEXT, TEXT, TEXT, TEXT), min_size=1, max_size=6))
def test_any_small_collection_is_indexed_as_lunr_does(fields: list[tuple[str, ...]]) -> None:
    docs = [SearchDocument(str(i), *texts) for i, texts in enumerate(fields)]
    ours = build_index(docs)
    theirs = lunr_builder_index(docs)
    assert ours.serialize() == theirs
    assert ours.shard_entries() == entries_from_serialized(theirs)


def test_the_surface_vocabulary_counts_each_word_once_per_document(real_docs: list[SearchDocument]) -> None:
    from collections import Counter

    from kennisbank.search.index import surface_vocabulary
    from kennisbank.search.pipeline import STOP_WORDS, words

    counts: Counter[str] = Counter()
    for doc in real_docs:
        counts.update({w for name, _ in FIELDS for w in words(doc.field(name))})
    plain = [
        w
        for w, _ in sorted(counts.items(), key=lambda item: (-item[1], item[0]))
        if w not in STOP_WORDS and not w.isdigit() and len(w) >= 4
    ]
    assert surface_vocabulary(real_docs) == plain


def test_kennisbank_search_works_in_a_fresh_process() -> None:
    """lunr.py loads the index's pipeline by name: a fresh process must register the Dutch stemmer
    itself (in the test process another test may have done it already)."""
    import subprocess
    import sys

    code = (
        "import sys; from kennisbank.entry.cli import main; sys.argv = ['kennisbank', 'search', 'nazorg vso']; main()"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert "resultaten voor 'nazorg vso'" in result.stdout


def test_an_index_of_no_documents() -> None:
    """A build whose every practice has errors still generates its pages before it stops (found by
    test_fuzz.py's build of generated files)."""
    from kennisbank.search.lunr_index import build

    index = build([], [], [("title", 10), ("body", 1)])
    assert index.shard_entries() == []
