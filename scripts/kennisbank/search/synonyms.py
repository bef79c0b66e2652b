"""Domain synonyms and acronyms from the glossary: 'voortijdig schoolverlaters' and 'vsv' are one term.

Every glossary entry gives phrases (term, expansion without a parenthesised part and with it,
synonyms); entries that share a phrase are merged (WSP's expansion is the term Werkgeversservicepunt).
Each group gets one canonical word. Phrases are matched as sequences of stems of the words that are
not stop words, so 'voortijdige schoolverlaters' matches too. At build time the canonical word is
added to a document where a phrase occurs; in a query the phrase is replaced by it. finder.js
applies the same table, which the finder data carries.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from ..vocabularies import GlossaryEntry
from .pipeline import NOT_WORD, stem, token_stems, word_tokens


def content_stems(text: str) -> list[str]:
    """The stems of the words of ``text`` that are not stop words (``words()``, stemmed)."""
    return token_stems(word_tokens(text))


def phrase_variants(phrase: str) -> list[str]:
    """'(ministerie van) Onderwijs' -> both 'ministerie van Onderwijs' and 'Onderwijs'."""
    if "(" not in phrase:
        return [phrase]
    return [re.sub(r"[()]", "", phrase), re.sub(r"\([^)]*\)", "", phrase)]


@dataclass(frozen=True)
class Synonyms:
    phrases: Mapping[tuple[str, ...], str]  # stems of a phrase -> the canonical word of its group

    @functools.cached_property
    def longest(self) -> int:
        return max((len(p) for p in self.phrases), default=0)

    @functools.cached_property
    def first_stems(self) -> frozenset[str]:
        return frozenset(p[0] for p in self.phrases)

    def matches(self, stems: Sequence[str]) -> list[tuple[int, int, str]]:
        """Phrases in a sequence of stems, longest first, left to right: (start, end, canonical)."""
        found = []
        longest = self.longest
        first_stems = self.first_stems
        end = 0  # where the last phrase found ends: the next may not start inside it
        # Most words start no phrase: only the places where one may start are looked at.
        for i in [i for i, stem_ in enumerate(stems) if stem_ in first_stems]:
            if i < end:
                continue
            for n in range(min(longest, len(stems) - i), 0, -1):
                canonical = self.phrases.get(tuple(stems[i : i + n]))
                if canonical is not None:
                    found.append((i, i + n, canonical))
                    end = i + n
                    break
        return found

    def additions(self, text: str) -> list[str]:
        """The canonical words to add to a document for the phrases in ``text`` that are not already
        the canonical word itself."""
        return self.additions_for(content_stems(text))

    def additions_for(self, stems: Sequence[str]) -> list[str]:
        """``additions`` of a text whose stems (``content_stems``) are worked out already."""
        return [c for start, end, c in self.matches(stems) if list(stems[start:end]) != [stem(c)]]

    def table(self) -> list[list[str]]:
        """The table for finder.js: [canonical, stem, stem, ...], sorted for a stable file."""
        return sorted([canonical, *phrase] for phrase, canonical in self.phrases.items())


def canonical_word(term: str) -> str:
    return NOT_WORD.sub("", term.lower())


def from_glossary(entries: Iterable[GlossaryEntry]) -> Synonyms:
    groups: list[tuple[list[str], set[tuple[str, ...]]]] = []  # (terms, phrases) per merged group
    for entry in entries:
        phrases = {
            tuple(stems)
            for text in (entry.term, entry.expansion, *entry.synonyms)
            if text
            for variant in phrase_variants(text)
            if (stems := content_stems(variant))
        }
        if not canonical_word(entry.term):
            continue
        terms = [entry.term]
        for group in [g for g in groups if g[1] & phrases]:
            groups.remove(group)
            terms += group[0]
            phrases |= group[1]
        groups.append((terms, phrases))
    table: dict[tuple[str, ...], str] = {}
    for terms, phrases in groups:
        canonical = min((canonical_word(t) for t in terms), key=lambda w: (len(w), w))
        for phrase in phrases:
            table[phrase] = canonical
    return Synonyms(table)
