"""The Dutch text pipeline, the same in Python (lunr.py, at build time) and in the browser (lunr.js).

lunr.py's own Dutch support needs nltk and downloads its stop words on every build; instead the
project carries the stop words of lunr.nl.js (``stopwords-nl.txt``) and uses snowballstemmer's
'dutch' stemmer, which gives the same stems as lunr.nl.js. The stemmer is registered as
'stemmer-nl', the name lunr.nl.js registers, so the serialized search pipeline loads in lunr.js.

The trimmer uses lunr.nl.js's Dutch word characters plus digits: lunr.py's default trimmer treats
'ë' as punctuation and would keep the full stop on 'coördinatie.'; lunr.nl.js's trimmer would turn
'2022' or '070' into nothing. finder.js repeats ``words()`` with the same characters.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable
from importlib import resources

import snowballstemmer
from lunr.builder import Builder
from lunr.pipeline import Pipeline
from lunr.token import Token

# lunr.nl.wordCharacters, verbatim (tests compare it with the file in mkdocs), plus the digits.
DUTCH_WORD_CHARACTERS = (
    r"A-Za-z\xAA\xBA\xC0-\xD6\xD8-\xF6\xF8-\u02B8\u02E0-\u02E4\u1D00-\u1D25\u1D2C-\u1D5C\u1D62-\u1D65"
    r"\u1D6B-\u1D77\u1D79-\u1DBE\u1E00-\u1EFF\u2071\u207F\u2090-\u209C\u212A\u212B\u2132\u214E\u2160-\u2188"
    r"\u2C60-\u2C7F\uA722-\uA787\uA78B-\uA7AD\uA7B0-\uA7B7\uA7F7-\uA7FF\uAB30-\uAB5A\uAB5C-\uAB64\uFB00-\uFB06"
    r"\uFF21-\uFF3A\uFF41-\uFF5A"
)
WORD_CHARACTERS = DUTCH_WORD_CHARACTERS + "0-9"
# lunr.tokenizer.separator in lunr.js: whitespace and hyphens split words.
SEPARATOR = re.compile(r"[\s\-]+")
_TRIM = re.compile(rf"^[^{WORD_CHARACTERS}]+|[^{WORD_CHARACTERS}]+$")
NOT_WORD = re.compile(rf"[^{WORD_CHARACTERS}]+")

STEMMER_LABEL = "stemmer-nl"
TRIMMER_LABEL = "trimmer-kb-nl"
STOP_WORD_LABEL = "stopWordFilter-kb-nl"


def _load_stop_words() -> frozenset[str]:
    text = resources.files(__package__).joinpath("stopwords-nl.txt").read_text(encoding="utf-8")
    return frozenset(line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#"))


STOP_WORDS = _load_stop_words()
# snowballstemmer hands out PyStemmer's C build of the same Snowball 'dutch' algorithm when it is installed
# (pinned in requirements.lock): two hundred times quicker, and the same stems (tests/test_stemmer.py). Without
# it, the pure-Python stemmer gives the same results more slowly.
_SNOWBALL = snowballstemmer.stemmer("dutch")


# Two spellings the Dutch stemmer leaves apart, folded before stemming (finder.js does the same):
# the plural "'s" ('regio's', 'aoc's'), and loanword plurals in -es that Dutch Snowball keeps
# ('stages', 'coaches'), by their endings.
_POSSESSIVE = re.compile(r"['’]s$")
LOANWORD_PLURAL_ENDINGS = ("ges", "ches")


@functools.lru_cache(maxsize=100_000)
def trim(word: str) -> str:
    word = _TRIM.sub("", word)
    if _POSSESSIVE.search(word):
        word = _TRIM.sub("", word[:-2])
    if word.endswith(LOANWORD_PLURAL_ENDINGS):
        word = word[:-1]
    return word


# lunr's tokenizer splits on exactly these characters (lunr.tokenizer.SEPARATOR_CHARS).
LUNR_SEPARATOR = re.compile(r"[ \t\n\r\f\v\xa0-]+")


def lunr_tokens(text: str) -> list[str]:
    """What lunr.py's Tokenizer makes of ``text``, as strings: it walks the text a character at a time in
    Python (a third of building the index); a regex split gives the same tokens."""
    return [token for token in LUNR_SEPARATOR.split(text.lower()) if token]


def word_tokens(text: str) -> list[str]:
    """The lower-cased tokens of ``text``, split at white space and hyphens (``SEPARATOR``), untrimmed. For a
    text whose white space is single spaces (a field as ``index.search_documents`` writes it) these are
    ``lunr_tokens`` too."""
    return [token for token in SEPARATOR.split(text.lower()) if token]


def words(text: str) -> list[str]:
    """Lower-cased, trimmed words as lunr's tokenizer and trimmer see them (stop words included)."""
    return [w for w in map(trim, word_tokens(text)) if w]


@functools.lru_cache(maxsize=100_000)
def stem(word: str) -> str:
    return str(_SNOWBALL.stemWord(word))


# raw token -> its stem, or "" for a stop word or a token that trims to nothing. Every word of every
# practice passes through here on each build (index and synonyms): one dict lookup per word instead of a
# trim, a set lookup and a call to the stemmer.
_TOKEN_STEMS: dict[str, str] = {}


def _token_stem(token: str) -> str:
    word = trim(token)
    found = stem(word) if word and word not in STOP_WORDS else ""
    _TOKEN_STEMS[token] = found
    return found


def token_stems(tokens: Iterable[str]) -> list[str]:
    """The stems of lower-cased tokens, in order, without stop words: what lunr's indexing pipeline
    (trimmer, stop-word filter, stemmer) makes of them."""
    tokens = tokens if isinstance(tokens, list) else list(tokens)
    stems = list(map(_TOKEN_STEMS.get, tokens))  # None: a token not met before
    if None in stems:
        stems = [_token_stem(t) if s is None else s for t, s in zip(tokens, stems, strict=True)]
    return list(filter(None, stems))


def _trimmer(token: Token, i: int | None = None, tokens: list[Token] | None = None) -> Token:
    return token.update(lambda s, metadata=None: trim(s))


def _stop_word_filter(token: Token, i: int | None = None, tokens: list[Token] | None = None) -> Token | None:
    text = str(token)
    return None if not text or text in STOP_WORDS else token


def _stemmer(token: Token, i: int | None = None, tokens: list[Token] | None = None) -> Token:
    return token.update(lambda s, metadata=None: stem(s))


def register() -> None:
    """Register the functions once, under the labels lunr.js knows (only the stemmer is serialized)."""
    for fn, label in ((_stemmer, STEMMER_LABEL), (_trimmer, TRIMMER_LABEL), (_stop_word_filter, STOP_WORD_LABEL)):
        if Pipeline.registered_functions.get(label) is not fn:
            Pipeline.register_function(fn, label)


def dutch_builder() -> Builder:
    """A lunr builder that indexes Dutch: trim, drop stop words, stem; queries are stemmed only."""
    register()
    builder = Builder()
    builder.pipeline.add(_trimmer, _stop_word_filter, _stemmer)
    builder.search_pipeline.add(_stemmer)
    return builder
