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
there are and however common their words; a very short key that occurs everywhere ('an' in 'van') costs
at most one match per occurrence, still in C. ``tests/test_fast_paths.py`` compares it with the plain
search, which is what this module did before (each body cut into words, and every key whose first word
is among them searched for on its own).
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
        self._trie = make_trie(self._first_word)
        self._inside: dict[str, set[str]] = {}
        self._crossing: dict[str, list[str]] = {}
        try:
            self._pattern = re.compile(trie_pattern(self._trie)) if self._trie else None
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
            # The regex engine finds, from left to right, the longest key at each place and goes on after
            # it: all in C, however often a short key ('an') occurs. Each key found brings the keys inside
            # it (its start 'an' in 'anna', or 'contact-1@x.nl' in 'jan.contact-1@x.nl'). Only a key that
            # starts inside one found and runs on past it can be missed; those are looked for on their own.
            for key in set(self._pattern.findall(folded)):
                present |= self.inside(key)
                present.update(other for other in self.crossing(key) if other not in present and other in folded)
        found = []
        for key in present:
            if _has_word(folded, self._first_word[key]):
                found.append((key, folded.count("\n", 0, folded.find(key))))
        return sorted(found, key=lambda item: (item[1], item[0]))

    def inside(self, key: str) -> set[str]:
        """The keys that ``key`` contains, itself included."""
        if key not in self._inside:
            self._inside[key] = {key[start:end] for start in range(len(key)) for end in self._ends(key, start)}
        return self._inside[key]

    def crossing(self, key: str) -> list[str]:
        """The keys that can start inside ``key`` and run on past its end: those that start with the rest of
        ``key`` from some place after its first character."""
        if key not in self._crossing:
            crossing = []
            for start in range(1, len(key)):
                node = _walk(self._trie, key[start:])
                if node is not None:
                    crossing += [key[start:] + rest for rest in _words_below(node) if rest]
            self._crossing[key] = crossing
        return self._crossing[key]

    def _ends(self, key: str, start: int) -> list[int]:
        """Where the keys that start at ``start`` in ``key`` end, within ``key``."""
        ends, node = [], self._trie
        for end in range(start, len(key)):
            next_node = node.get(key[end])
            if next_node is None:
                break
            node = next_node
            if "" in node:
                ends.append(end + 1)
        return ends


def _walk(node: Trie, text: str) -> Trie | None:
    """The node of the trie that ``text`` leads to from ``node``; None if no word goes on with ``text``."""
    for char in text:
        next_node = node.get(char)
        if next_node is None:
            return None
        node = next_node
    return node


def _words_below(node: Trie) -> list[str]:
    """The words of the trie below ``node``, as the rest after it ("" if a word ends at ``node``)."""
    words = []
    stack = [(node, "")]
    while stack:
        node, prefix = stack.pop()
        for char, child in node.items():
            if char:
                stack.append((child, prefix + char))
            else:
                words.append(prefix)
    return words


def _has_word(text: str, word: str) -> bool:
    """Whether ``word`` stands in ``text`` as a whole word, as ``\\w+`` would cut it out. Written to start
    with the word itself, so that the engine looks for it quickly instead of trying every position."""
    escaped = re.escape(word)
    return re.search(rf"{escaped}(?<!\w{escaped})(?!\w)", text) is not None


def make_trie(words: Iterable[str]) -> Trie:
    root: Trie = {}
    for word in words:
        node = root
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}
    return root


def trie_pattern(node: Trie) -> str:
    """A regex that matches any word of the trie, the longest where one is a prefix of another. The engine
    tries each character once per position, instead of once per word."""
    branches = [re.escape(char) + trie_pattern(child) for char, child in sorted(node.items()) if char]
    if not branches:
        return ""
    alternatives = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    # Greedy: the longer word first; the engine falls back to the word that ends here.
    return f"(?:{alternatives})?" if "" in node else alternatives
