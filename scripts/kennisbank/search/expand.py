"""Dutch compounds, inflections and half-typed words at query time, from the collection's own terms.

The index holds stems ('heftruckcertificat'); a query word reaches more of them in three ways, the same
in Python and in the browser (finder/query.js):

- **compounds and inflections that start with the word**: the index terms that start with the word's
  stem, if that stem has at least ``MIN_COMPOUND_STEM`` letters ('heftruck' finds 'heftruckcertificat',
  'jonger' finds 'jongerenparticipatie'); shorter stems ('werk', 'zorg') would reach too much that has
  nothing to do with them ('zorgvuldig');
- **a compound the index does not know**, and that is no typo of a word it knows (``query.correct``,
  tried only when the word reaches nothing else), is split into a first part of at least ``MIN_PART`` letters
  that the index knows, and the rest (after a linking s, e or en): the longest first part whose rest
  the index knows too ('heftruckstage': 'heftruck' + 'stage'), else the longest first part alone
  ('schuldhulpverlening': 'schuldhulp', as the collection has no 'verlening'); each part reaches its own
  compounds, so 'schuldhulpverlening' finds what 'schuldhulp' finds. A rest under ``MIN_PART`` letters
  is no word, so 'kampen' is not 'kamp' + 'en'. The word being typed is split too ('schuldhulpverl');
- **the word being typed** (the last word, with no space after it yet) also matches as a prefix of
  index terms, from ``MIN_PREFIX`` letters on; up to a final double vowel also with one vowel less.

Each search for terms that start with a prefix takes the first ``MAX_EXPANSIONS`` in sorted order:
terms are sorted in the index's shards too, so the browser finds them in the shard of the prefix (and
rarely the next), and 'ver' does not become a thousand clauses. These terms count half (lunr boost
0.5, exact in floating point) against the word itself, so the word as typed ranks first.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Sequence

from .pipeline import stem

MIN_COMPOUND_STEM = 5
MIN_PART = 4
# Three letters and fifteen terms: with two letters and fifty terms a keystroke at 10,000 practices took up to
# 140 ms in Chromium (fetching and scoring the terms), and the relevance set answered no more queries.
MIN_PREFIX = 3
MAX_EXPANSIONS = 15
LINKING = ("", "s", "e", "en")
EXPANSION_BOOST = 0.5


def starting_with(terms: Sequence[str], prefix: str) -> list[str]:
    """The first ``MAX_EXPANSIONS`` of the sorted ``terms`` that start with ``prefix`` (itself included)."""
    found: list[str] = []
    for i in range(bisect.bisect_left(terms, prefix), len(terms)):
        if not terms[i].startswith(prefix) or len(found) == MAX_EXPANSIONS:
            break
        found.append(terms[i])
    return found


def prefixes(word: str, typing: bool) -> list[str]:
    """The prefixes whose terms a word reaches: its stem (long enough), and while typed the word itself."""
    found: list[str] = []
    word_stem = stem(word)
    if len(word_stem) >= MIN_COMPOUND_STEM:
        found.append(word_stem)
    if typing and len(word) >= MIN_PREFIX:
        # The stemmer writes a long vowel single before a final consonant ('werkloos': 'werklos'), so a
        # word typed up to a double vowel ('werkloo') also starts what it starts with one vowel less.
        for typed in (word, word[:-1]) if re.search("(aa|ee|oo|uu)$", word) else (word,):
            if typed not in found:
                found.append(typed)
    return found


def split_candidates(word: str) -> list[str]:
    """The first parts a compound may have, longest first."""
    if re.search("[0-9]", word):
        return []
    return [word[:i] for i in range(len(word) - MIN_PART, MIN_PART - 1, -1)]


def rests(word: str, first: str) -> list[str]:
    """What may follow ``first`` in ``word`` after a linking s, e or en, at least ``MIN_PART`` letters."""
    rest = word[len(first) :]
    return [rest[len(link) :] for link in LINKING if rest.startswith(link) and len(rest) - len(link) >= MIN_PART]


def split(word: str, knows: Callable[[str], bool]) -> list[str]:
    """[first part, rest], or [first part] when no known first part has a known rest, or [] for no split."""
    firsts = [first for first in split_candidates(word) if knows(stem(first))]
    for first in firsts:
        known_rests = [r for r in rests(word, first) if knows(stem(r))]
        if known_rests:
            return [first, known_rests[0]]
    return firsts[:1]


def reached(word: str, typing: bool, terms: Sequence[str]) -> list[str]:
    """The other index terms a word reaches by its prefixes, its own stem excluded."""
    own = stem(word)
    return [t for t in dict.fromkeys(t for p in prefixes(word, typing) for t in starting_with(terms, p)) if t != own]


def part_terms(parts: Sequence[str], terms: Sequence[str]) -> list[str]:
    """The index terms the parts of a split word reach: each part's stem and the compounds it starts."""
    found: list[str] = []
    for part in parts:
        found += [stem(part), *(t for p in prefixes(part, False) for t in starting_with(terms, p))]
    return list(dict.fromkeys(found))
