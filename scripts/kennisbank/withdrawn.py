"""A person withdrawn in one file is withdrawn everywhere: the check across files (part of the catalogue
stage). The validator already refuses a withdrawn name or address anywhere in its own file; this module
finds the files that still publish it as a contact or mention it in their text.

A mention is a key (the casefolded name or e-mail address) that occurs in the casefolded body, reported
on the line of its first occurrence, provided the key's first word also stands somewhere in that body
as a whole word. A key without any word characters is never reported.

Why the search is shaped like this: searching every body for every withdrawn key is bodies x keys, and a
filter on the first word does not help when that word is common (the synthetic contacts are all called
'Contactpersoon <n>-<k>', and 'contactpersoon' stands in nearly every text). So all keys go into one
regular expression, written as a trie (keys that share a beginning share its branch), and each body is
scanned once by the regex engine, in C: it skips every character that no key starts with and gives up
on a branch at the first character that differs. The cost is one pass over the text, however many keys
there are and however common their words. ``tests/test_fast_paths.py`` compares it with the plain search.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from .errors import Problem, display_path
from .model import Contact, Practice

_WORD = re.compile(r"\w+")


def withdrawn_elsewhere(practices: list[Practice]) -> list[Problem]:
    """A person withdrawn in one file must not be published by another: not as a contact, not in a text."""
    withdrawn: dict[str, Practice] = {}
    for practice in practices:
        for contact in practice.contacts:
            if contact.withdrawn:
                withdrawn.update({key: practice for key in person_keys(contact)})
    finder = MentionFinder(withdrawn)
    problems: list[Problem] = []
    for practice in practices:
        for contact in practice.visible_contacts:
            origin = next((withdrawn[k] for k in person_keys(contact) if k in withdrawn), None)
            if origin is not None:
                problems.append(
                    Problem(
                        display_path(practice.path),
                        practice.contacts_line,
                        "contacts",
                        f"'{contact.name}' is teruggetrokken in {display_path(origin.path)}; zet hier ook "
                        "'withdrawn: true' bij deze contactpersoon",
                    )
                )
        for key, offset in finder.first_mentions(practice.body.casefold()):
            origin = withdrawn[key]
            if origin is practice:
                continue  # the validator reports mentions in the file itself
            problems.append(
                Problem(
                    display_path(practice.path),
                    practice.body_line + offset,
                    "body",
                    f"noemt '{key}', die als contactpersoon is teruggetrokken in {display_path(origin.path)}; "
                    "haal de naam weg of schrijf de functie of organisatie",
                )
            )
    return problems


def person_keys(contact: Contact) -> list[str]:
    return [k for k in (contact.name.casefold(), contact.email.casefold()) if k]


# A trie of words, one character per level; the key "" marks the end of a word.
Trie = dict[str, "Trie"]


class MentionFinder:
    """Finds which of a fixed set of casefolded keys a casefolded text mentions, in one scan of the text."""

    def __init__(self, keys: Iterable[str]) -> None:
        # Only keys with a word can be mentioned (see the module docstring); each with its first word.
        self._first_word = {key: words[0] for key in keys if (words := _WORD.findall(key))}
        trie = make_trie(self._first_word)
        # Where one key starts with another, a match of the longer one is a match of the shorter one too,
        # at the same place; the regex reports only the longest, so the shorter ones are added from here.
        self._prefixes = {key: keys_along(trie, key) for key in self._first_word}
        try:
            self._pattern = re.compile(trie_pattern(trie)) if trie else None
        except RecursionError:
            # Hundreds of keys nested inside each other (each a prefix of the next) nest the pattern too
            # deeply for the regex compiler; then every key is searched for on its own, as plain text.
            self._pattern = None

    def first_mentions(self, folded: str) -> list[tuple[str, int]]:
        """(key, line offset of its first occurrence), by line and then key."""
        if self._pattern is None:
            present = {key for key in self._first_word if key in folded}
        else:
            present = set()
            search, start = self._pattern.search, 0
            # The next search starts one position after a match, not at its end: a key may begin inside
            # another key's match ('contact-12@x.nl' inside a match of 'jan.contact-12@x.nl'): matches may overlap.
            while (match := search(folded, start)) is not None:
                present.update(self._prefixes[match.group(0)])
                start = match.start() + 1
        found = []
        for key in present:
            if _has_word(folded, self._first_word[key]):
                found.append((key, folded.count("\n", 0, folded.find(key))))
        return sorted(found, key=lambda item: (item[1], item[0]))


def _has_word(text: str, word: str) -> bool:
    """Whether ``word`` stands in ``text`` as a whole word, as ``\\w+`` would cut it out."""
    return re.search(rf"(?<!\w){re.escape(word)}(?!\w)", text) is not None


def make_trie(words: Iterable[str]) -> Trie:
    root: Trie = {}
    for word in words:
        node = root
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}
    return root


def keys_along(trie: Trie, word: str) -> list[str]:
    """The words of ``trie`` that ``word`` (one of them) starts with, itself included."""
    found, node = [], trie
    for end, char in enumerate(word, 1):
        node = node[char]
        if "" in node:
            found.append(word[:end])
    return found


def trie_pattern(node: Trie) -> str:
    """A regex that matches any word of the trie, the longest where one is a prefix of another. The engine
    tries each character once per position, instead of once per word."""
    branches = [re.escape(char) + trie_pattern(child) for char, child in sorted(node.items()) if char]
    if not branches:
        return ""
    alternatives = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    # Greedy: the longer word first; the engine falls back to the word that ends here.
    return f"(?:{alternatives})?" if "" in node else alternatives
