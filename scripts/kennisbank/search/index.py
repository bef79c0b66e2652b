"""The finder's search index, built once at build time (``lunr_index``) and loaded as is by lunr.js.

Documents are referred to by their position in the catalogue ('0', '1', ...): short references
keep the serialized index small. Field boosts put the title above the summary above the body.

Besides the index shards the finder gets (``pages/search.py`` writes the files):

- the core (``finder_data()``): each practice's facet values as positions in the facet's vocabulary,
  flat and numeric;
- what the query step needs (``query_settings()``): synonym table, stop words, word characters;
- text blocks (``text_blocks()``): slug, title and summary of consecutive practices, what a result
  shows; the finder waits for a block only when a result on the page is in it;
- the surface vocabulary for typo correction (``vocabulary``).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from ..catalogue import Catalogue
from ..facets import FACETS
from ..model import Practice
from ..municipalities import Municipalities
from ..vocabularies import Term, Vocabularies
from . import lunr_index
from .lunr_index import LunrIndex
from .pipeline import (
    LOANWORD_PLURAL_ENDINGS,
    STOP_WORDS,
    WORD_CHARACTERS,
    lunr_tokens,
    token_stems,
    trim,
    word_tokens,
)
from .synonyms import Synonyms, from_glossary

# (field, boost): a word in the title counts ten times a word in the body. ``labels``: the names the
# practice page shows beside the text (themes, target groups, phase, evidence, success factors, region,
# organisations, municipalities) and the aliases of those terms; ``about``: the descriptions of those
# terms; ``towns``: every gemeente of the practice's region (and the former names that merged into one),
# so that a town finds its region's practices, those naming the town (in ``labels``) first.
FIELDS: tuple[tuple[str, int], ...] = (
    ("title", 10),
    ("summary", 4),
    ("labels", 3),
    ("body", 1),
    ("about", 1),
    ("towns", 3),
)

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
    labels: str
    body: str
    about: str
    towns: str

    def field(self, name: str) -> str:
        return str(getattr(self, name))


def practice_terms(practice: Practice, vocabularies: Vocabularies) -> list[Term]:
    """The vocabulary terms a practice carries, facet by facet (``facets.FACETS``), each once."""
    terms: dict[tuple[str, str], Term] = {}
    for facet in FACETS:
        vocab = vocabularies.by_key(facet.key)
        for term_id in facet.ids(practice):
            if term_id in vocab:
                terms.setdefault((facet.key, term_id), vocab[term_id])
    return list(terms.values())


def _with_former_names(names: Iterable[str], municipalities: Municipalities) -> list[str]:
    """The names, and for each that is a gemeente its current name and the names that merged into it."""
    out: list[str] = []
    for name in names:
        out.append(name)
        match = municipalities.find(name)
        if match is None:
            continue
        current = match.municipality
        out += [current.name, *current.aliases]
        out += [old.name for old in municipalities.merged_into(current.id)]
    return list(dict.fromkeys(out))


def labels_text(practice: Practice, vocabularies: Vocabularies) -> str:
    """The labels a practice page shows, and the aliases of its terms: 'vsv Twente' and 'Jongerenparticipatie'
    find the practices that carry them."""
    parts: list[str] = []
    for term in practice_terms(practice, vocabularies):
        parts += [term.name, *term.aliases]
    parts += practice.organisations
    parts += _with_former_names(practice.municipalities, vocabularies.municipalities)
    return "\n".join(dict.fromkeys(parts))


def about_text(practice: Practice, vocabularies: Vocabularies) -> str:
    """The descriptions of the practice's terms (the words the vocabularies tie to each term)."""
    return "\n".join(dict.fromkeys(t.description for t in practice_terms(practice, vocabularies) if t.description))


def towns_text(practice: Practice, vocabularies: Vocabularies) -> str:
    """Every name a town of the practice's region goes by (``Municipalities.towns``)."""
    return "\n".join(dict.fromkeys(name for name, _ in vocabularies.municipalities.towns(practice.region)))


def search_documents(
    catalogue: Catalogue, synonyms: Synonyms, tokens: dict[str, list[str]] | None = None
) -> list[SearchDocument]:
    """Every practice as the index reads it: each field's text with the canonical words of its glossary
    phrases added. ``tokens``, when given, gets the tokens of each field text (``word_tokens``), so that
    the index and the vocabulary need not split the texts again."""
    docs = []
    vocabularies = catalogue.vocabularies
    towns: dict[str, str] = {}  # by region: the same text for every practice of a region
    with_synonyms = _expander(synonyms, {} if tokens is None else tokens)
    for number, practice in enumerate(catalogue.practices):
        if practice.region not in towns:
            towns[practice.region] = towns_text(practice, vocabularies)
        fields = {
            "title": practice.title,
            "summary": practice.summary,
            "labels": labels_text(practice, vocabularies),
            "body": "\n".join([*practice.key_figures, plain_text(practice.body)]),
            "about": about_text(practice, vocabularies),
            "towns": towns[practice.region],
        }
        # The canonical word of each glossary phrase goes into the field the phrase stands in.
        expanded = {name: with_synonyms(value) for name, value in fields.items()}
        docs.append(SearchDocument(str(number), **expanded))
    return docs


def _expander(synonyms: Synonyms, tokens: dict[str, list[str]]) -> Callable[[str], str]:
    """A field's text with the canonical words of its glossary phrases added, remembered by text: the towns
    of a region and the labels and descriptions of the same terms recur in practice after practice. The
    tokens of each text it makes go into ``tokens``: the text's own (split once for the phrases too), then
    those of the words added."""
    done: dict[str, str] = {}

    def with_synonyms(value: str) -> str:
        found = done.get(value)
        if found is None:
            own = word_tokens(value)
            added = synonyms.additions_for(token_stems(own))
            found = done[value] = " ".join([*value.split(), *added])
            tokens[found] = own + [token for word in added for token in word_tokens(word)]
        return found

    return with_synonyms


def build_index(docs: Iterable[SearchDocument], tokens: Mapping[str, list[str]] | None = None) -> LunrIndex:
    docs = list(docs)
    texts = ([doc.field(name) for name, _ in FIELDS] for doc in docs)
    known = tokens or {}
    return lunr_index.build(
        texts, [doc.ref for doc in docs], FIELDS, lambda text: known[text] if text in known else lunr_tokens(text)
    )


def surface_vocabulary(docs: Iterable[SearchDocument], tokens: Mapping[str, list[str]] | None = None) -> list[str]:
    """Every word the index was built from (no stop words, no numbers), most frequent first: the
    list typos are corrected against, in the same order in Python and in the browser."""
    counts: Counter[str] = Counter()
    field_words: dict[str, set[str]] = {}  # by text: fields recur (a region's towns, the same terms' labels)
    known = tokens or {}
    for doc in docs:
        # words() of every field, counted once per document; trimming the distinct tokens only.
        words: set[str] = set()
        for name, _ in FIELDS:
            text = doc.field(name)
            found = field_words.get(text)
            if found is None:
                split = known[text] if text in known else word_tokens(text)
                found = field_words[text] = {w for w in map(trim, set(split)) if w}
            words |= found
        counts.update(words)
    return [
        w
        for w, _ in sorted(counts.items(), key=lambda item: (-item[1], item[0]))
        if w not in STOP_WORDS and not w.isdigit() and len(w) >= 4
    ]


def record(practice: Practice) -> dict[str, Any]:
    """What a result shows and the facets filter on, keyed by the catalogue's facet fields."""
    fields: dict[str, Any] = {"slug": practice.slug, "title": practice.title, "summary": practice.summary}
    for facet in FACETS:
        fields[facet.name] = list(facet.ids(practice))
    return fields


def facet_values(practices: Iterable[Practice], vocabularies: Vocabularies) -> dict[str, dict[str, Any]]:
    """Per facet field the values of every practice, compact: ``lengths[i]`` is how many values practice
    i has, and ``values`` holds them all in catalogue order, each as its position in the vocabulary
    ``facet`` (the finder's ``facets[facet]``). Numbers parse into typed arrays without an object per
    practice; at 10,000 practices the records as objects cost the browser more than all else together."""
    practices = list(practices)
    out: dict[str, dict[str, Any]] = {}
    for facet in FACETS:
        position = {term.id: number for number, term in enumerate(vocabularies.by_key(facet.key))}
        lengths: list[int] = []
        values: list[int] = []
        for practice in practices:
            ids = facet.ids(practice)
            lengths.append(len(ids))
            values += [position[i] for i in ids]
        out[facet.name] = {"facet": facet.key, "lengths": lengths, "values": values}
    return out


# Raw bytes of one block of result texts. At 10,000 practices a first page of 50 results lands in
# nearly every block whatever their size, and in the benchmark's setting (a local server, one request
# per connection) a request costs more than the bytes: a few large blocks, fetched together at once.
TEXT_BLOCK_BYTES = 1_000_000


@dataclass(frozen=True)
class TextBlock:
    start: int  # the catalogue position of the block's first practice
    slugs: list[str]
    titles: list[str]
    summaries: list[str]

    def content(self) -> dict[str, list[str]]:
        return {"slugs": self.slugs, "titles": self.titles, "summaries": self.summaries}


def text_blocks(practices: Iterable[Practice], target_bytes: int | None = None) -> list[TextBlock]:
    """What a result shows (slug, title, summary) for consecutive practices, in blocks of at most
    ``target_bytes`` (``TEXT_BLOCK_BYTES``) of UTF-8, give or take the JSON around it; a practice that
    is larger on its own still gets a block."""
    target_bytes = target_bytes or TEXT_BLOCK_BYTES
    blocks: list[TextBlock] = []
    size = 0
    for number, practice in enumerate(practices):
        length = len(practice.slug) + len(practice.title.encode()) + len(practice.summary.encode()) + 12
        if not blocks or size + length > target_bytes:
            blocks.append(TextBlock(number, [], [], []))
            size = 0
        blocks[-1].slugs.append(practice.slug)
        blocks[-1].titles.append(practice.title)
        blocks[-1].summaries.append(practice.summary)
        size += length
    return blocks


@dataclass(frozen=True)
class SearchData:
    """Everything the finder and ``kennisbank search`` need, built from one catalogue."""

    catalogue: Catalogue
    synonyms: Synonyms
    documents: list[SearchDocument]
    index: LunrIndex
    vocabulary: list[str]

    def finder_data(self) -> dict[str, Any]:
        """The finder's core file: the facet vocabularies and every practice's facet values."""
        vocab = self.catalogue.vocabularies
        return {
            "count": len(self.catalogue.practices),
            "facets": {
                key: [[t.id, t.name] for t in vocab.by_key(key)] for key in dict.fromkeys(f.key for f in FACETS)
            },
            "facetValues": facet_values(self.catalogue.practices, vocab),
        }

    def query_settings(self) -> dict[str, Any]:
        """What the query step needs besides the index: the synonym table and the text pipeline's
        settings (the finder page carries them, see ``pages/search.py``)."""
        return {
            "synonyms": self.synonyms.table(),
            "stopWords": sorted(STOP_WORDS),
            "wordCharacters": WORD_CHARACTERS,
            "loanwordPluralEndings": list(LOANWORD_PLURAL_ENDINGS),
        }

    def text_blocks(self, target_bytes: int | None = None) -> list[TextBlock]:
        return text_blocks(self.catalogue.practices, target_bytes)


def build_search_data(catalogue: Catalogue) -> SearchData:
    synonyms = from_glossary(catalogue.vocabularies.glossary)
    tokens: dict[str, list[str]] = {}
    docs = search_documents(catalogue, synonyms, tokens)
    return SearchData(catalogue, synonyms, docs, build_index(docs, tokens), surface_vocabulary(docs, tokens))
