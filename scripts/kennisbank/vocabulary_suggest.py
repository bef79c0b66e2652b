"""What an editor probably meant by a term that is no id of its vocabulary: one rule for every vocabulary
(regions, target groups, phases, evidence, success factors, themes), used by the check and by
``kennisbank new``.

A term is recognised, in this order, by its name ('Food Valley'), as the start of exactly one id or name
('stedendriehoek' for 'stedendriehoek-en-noordwest-veluwe'), by its words (every word typed starts a word
of the id or name, in any order: 'veluwe noordwest'), and by edit distance ('nazrg' for 'nazorg').
"""

from __future__ import annotations

import difflib
import re

from .vocabularies import Vocabulary

_WORD_RE = re.compile(r"[^\W_]+")
MAX_SUGGESTIONS = 3


def _words(text: str) -> list[str]:
    return _WORD_RE.findall(text.casefold())


def _key(text: str) -> str:
    return " ".join(_words(text))


def exact(text: str, vocabulary: Vocabulary) -> str | None:
    """The id ``text`` is, or names (its name, in any case, with any punctuation); None otherwise."""
    if text in vocabulary:
        return text
    key = _key(text)
    if not key:
        return None
    for term in vocabulary:
        if key in (_key(term.id), _key(term.name)):
            return term.id
    return None


def candidates(text: str, vocabulary: Vocabulary) -> list[str]:
    """The ids ``text`` may mean, best first: an exact id or name; else every id or name it is the start of;
    else every term whose words its words start; else the closest by edit distance. Empty: no idea."""
    found = exact(text, vocabulary)
    if found is not None:
        return [found]
    key = _key(text)
    if not key:
        return []
    prefixed = [t.id for t in vocabulary if _key(t.id).startswith(key) or _key(t.name).startswith(key)]
    if prefixed:
        return prefixed
    typed = key.split()
    by_words = [t.id for t in vocabulary if _all_start(typed, _words(t.id) + _words(t.name))]
    if by_words:
        return by_words
    keys: dict[str, str] = {}
    for term in vocabulary:
        keys.setdefault(_key(term.id), term.id)
        keys.setdefault(_key(term.name), term.id)
    close = difflib.get_close_matches(key, list(keys), n=MAX_SUGGESTIONS, cutoff=0.6)
    return list(dict.fromkeys(keys[k] for k in close))


def _all_start(typed: list[str], words: list[str]) -> bool:
    return all(any(word.startswith(part) for word in words) for part in typed)


def hint(text: str, vocabulary: Vocabulary, file_name: str) -> str:
    """The end of the message for an unknown term: ' — bedoelde je 'x'?', the choices, or where to look."""
    found = candidates(text, vocabulary)
    if len(found) == 1:
        return f" — bedoelde je '{found[0]}'?"
    if found:
        shown = ", ".join(f"'{term_id}'" for term_id in found[:MAX_SUGGESTIONS])
        more = " ..." if len(found) > MAX_SUGGESTIONS else ""
        return f" — bedoelde je een van {shown}{more}?"
    return f"; kies een id uit {file_name}"


def choose(text: str, vocabulary: Vocabulary) -> str | None:
    """The one id an answer to ``kennisbank new`` means: an id, a name, or the start of exactly one of them
    (or of their words). None where it is unknown or could mean more than one."""
    found = exact(text, vocabulary)
    if found is not None:
        return found
    key = _key(text)
    if not key:
        return None
    prefixed = [t.id for t in vocabulary if _key(t.id).startswith(key) or _key(t.name).startswith(key)]
    if not prefixed:
        prefixed = [t.id for t in vocabulary if _all_start(key.split(), _words(t.id) + _words(t.name))]
    return prefixed[0] if len(prefixed) == 1 else None
