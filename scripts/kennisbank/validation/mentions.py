"""When a text mentions a withdrawn contact: one rule, used by the check inside a file, the check across files
and the guard on the built site.

The text and the name, address and number looked for are normalised the same way (``normalise``):

1. HTML entities decoded (``&#32;``, ``&aacute;``, ``&shy;``, ``&nbsp;``);
2. every character on its own casefolded and decomposed (Unicode NFKD), without combining marks (Unicode
   category M: accents) and without invisible format characters (category Cf: soft hyphen, zero-width
   characters, word joiner, byte order mark), repeated until that changes nothing;
3. every run of white space, line breaks included, one space; none at the start or the end.

In the normalised text:

- a NAME is mentioned where it stands as whole words: not preceded or followed by a letter, digit or '_'.
  'An Berg' is not in 'Kan Bergen'. A name without a letter or digit is never looked for.
- an E-MAIL ADDRESS is mentioned where it stands as a whole address: not preceded by a letter, digit or
  one of ``. % + @ -``, and not followed by a letter, digit, one of ``@ % + -``, or a dot with a letter or
  digit after it (the full stop after an address is fine).
- a PHONE NUMBER is mentioned where its digits stand in order, with any spaces, dots, dashes and
  parentheses between them, not preceded or followed by a digit. +31 or 0031 counts as the leading 0
  (also written '+31 (0)30'), and any other 00 as +. A number of fewer than five digits is never looked for.

``Matcher.mentions_plain`` applies this rule key by key. ``Matcher.mentions`` gives the same answer (see
tests/test_fast_paths.py) in one scan of the text, whatever the number of keys: all of them in one
regular expression, written as a trie, matched against the text with only steps 1 and 2 done (a space in
a key matches any run of white space). Only a text in which that finds something is normalised in full and
searched key by key, for the keys found and those that can hide inside or behind them.
"""

from __future__ import annotations

import functools
import html
import re
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field

_WORD = re.compile(r"\w")
_ASCII_RUNS = re.compile(r"[\x00-\x7f]+")
_NOT_DIGIT = re.compile(r"[^0-9]")
# What may stand between the digits of a phone number: white space, dots, parentheses and dashes.
_SEP = r"[\s.()\-\u2010-\u2015]*"
_NATIONAL = rf"(?:0|(?:\+|00)31{_SEP}(?:0{_SEP})?)"  # how a number's leading 0 may be written
_INTERNATIONAL = r"(?:\+|00)"
MIN_PHONE_DIGITS = 5


@dataclass(frozen=True)
class Person:
    """A withdrawn contact, as written in the front matter."""

    name: str = ""
    email: str = ""
    phone: str = ""


@dataclass(frozen=True)
class Key:
    kind: str  # "name", "email" or "phone"
    text: str  # normalised; for a phone the digits, with a leading 0 or +
    shown: str = field(default="", compare=False)  # as written in the front matter, for messages


@dataclass(frozen=True)
class Mention:
    key: Key
    person: Person  # the first person with this key
    start: int  # where it starts in ``normalise(text)``


def normalise(text: str) -> str:
    return " ".join(fold(text).split())


def fold(text: str) -> str:
    """Steps 1 and 2 of the rule. Each distinct character is worked out once (and then remembered): a text
    holds few kinds of character beyond ASCII, and most of its length is ASCII, which only casefolds."""
    if "&" in text:
        text = html.unescape(text)
    lower_will_do = True
    if not text.isascii():
        for char in set(_ASCII_RUNS.sub("", text)):  # the characters beyond ASCII, each once
            folded = fold_char(char)
            if folded != char:
                text = text.replace(char, folded)
            lower_will_do = lower_will_do and _lower_keeps(folded)
    # What ``fold_char`` does to ASCII, and nothing to what it returns. For ASCII that is what lower() does
    # (several times quicker), and lower() may be used unless it would change something fold_char returned.
    return text.lower() if lower_will_do else text.casefold()


@functools.cache
def _lower_keeps(text: str) -> bool:
    return text.lower() == text


def fold_plain(text: str) -> str:
    """Steps 1 and 2 as the rule says them: the reference for ``fold``."""
    return "".join(fold_char(char) for char in html.unescape(text))


@functools.cache
def fold_char(char: str) -> str:
    text = char
    for _ in range(8):  # casefolding after decomposing can give a character that decomposes again
        decomposed = unicodedata.normalize("NFKD", text.casefold())
        step = "".join(c for c in decomposed if unicodedata.category(c)[0] != "M" and unicodedata.category(c) != "Cf")
        if step == text:
            break
        text = step
    return text


def phone_key(phone: str) -> str:
    """'+31 (0)30 123 45 67' -> '0301234567'; '0032 2 123 45 67' -> '+3221234567'."""
    digits = _NOT_DIGIT.sub("", phone)
    if phone.strip().startswith("+"):
        digits = "+" + digits
    elif digits.startswith("00"):
        digits = "+" + digits[2:]
    if digits.startswith("+31"):
        rest = digits[3:]
        digits = rest if rest.startswith("0") else "0" + rest
    return digits


def person_keys(person: Person) -> list[Key]:
    keys = []
    name = normalise(person.name)
    if _WORD.search(name):
        keys.append(Key("name", name, person.name))
    email = normalise(person.email)
    if email:
        keys.append(Key("email", email, person.email))
    phone = phone_key(person.phone)
    if len(phone.lstrip("+")) >= MIN_PHONE_DIGITS:
        keys.append(Key("phone", phone, person.phone))
    return keys


@functools.cache
def key_pattern(key: Key) -> re.Pattern[str]:
    """Where ``key`` is mentioned in a normalised text. A name or address comes first and what precedes it
    is checked last, so the engine can jump between occurrences instead of trying every position."""
    if key.kind == "phone":
        return re.compile(rf"(?<![0-9]){phone_pattern(key.text)}(?![0-9])")
    escaped = re.escape(key.text)
    if key.kind == "email":
        return re.compile(rf"{escaped}(?![\w@%+-]|\.[\w-])(?<![\w.%+@-]{escaped})")
    return re.compile(rf"{escaped}(?!\w)(?<!\w{escaped})")


def phone_pattern(digits: str) -> str:
    """A number's digits as a text may write them: any separators between the digits, and its leading 0 or +
    in every form the rule allows."""
    head, rest = _phone_head(digits)
    return head + _SEP.join(rest)


def _phone_head(digits: str) -> tuple[str, str]:
    if digits.startswith("0"):
        return _NATIONAL + _SEP, digits[1:]
    if digits.startswith("+"):
        return _INTERNATIONAL + _SEP, digits[1:]
    return "", digits


class Matcher:
    """Finds the mentions of a fixed set of people in texts, by the rule of this module."""

    def __init__(self, people: Iterable[Person]) -> None:
        self.keys: dict[Key, Person] = {}
        for person in people:
            for key in person_keys(person):
                self.keys.setdefault(key, person)
        # Names and addresses by their normalised text (a name and an address may be the same text).
        self._words: dict[str, list[Key]] = {}
        for key in self.keys:
            if key.kind != "phone":
                self._words.setdefault(key.text, []).append(key)
        self._phones = [key for key in self.keys if key.kind == "phone"]
        self._trie = make_trie(self._words)
        self._inside: dict[str, set[str]] = {}
        self._crossing: dict[str, list[str]] = {}
        self._scan = self._compile()

    def _compile(self) -> re.Pattern[str] | None:
        """One pattern with two groups: a name or address, and a phone number."""
        heads: dict[str, list[str]] = {}
        for key in self._phones:
            head, rest = _phone_head(key.text)
            heads.setdefault(head, []).append(rest)
        try:
            words = trie_pattern(self._trie, "", _word_char)
            phones = "|".join(head + trie_pattern(make_trie(rests), _SEP, re.escape) for head, rests in heads.items())
            if not (words or phones):
                return None
            # An alternative that never matches would keep the engine from skipping to where a key can start.
            return re.compile(
                f"({words})()" if not phones else f"()({phones})" if not words else f"({words})|({phones})"
            )
        except RecursionError:
            # Hundreds of keys nested inside each other (each a prefix of the next) nest the pattern too
            # deeply for the regex compiler; then every key is searched for on its own.
            return None

    def mentions(self, text: str) -> list[Mention]:
        """Every mention in ``text``, by position in ``normalise(text)`` and then key."""
        return self.mentions_in([text])[0] if self.keys else []

    def mentions_in(self, texts: Sequence[str]) -> list[list[Mention]]:
        """``mentions`` of each of ``texts``, with one scan for all of them."""
        found: list[list[Mention]] = [[] for _ in texts]
        keys = self.candidates("\x00".join(texts))
        if keys:
            for index, text in enumerate(texts):
                found[index] = self._exact(normalise(text), keys)
        return found

    def mentions_plain(self, text: str) -> list[Mention]:
        """The rule key by key: the reference for ``mentions``."""
        return self._exact(normalise(text), set(self.keys))

    def _exact(self, normalised: str, keys: Iterable[Key]) -> list[Mention]:
        found = [
            Mention(key, self.keys[key], match.start())
            for key in keys
            if key.kind == "phone" or key.text in normalised  # a quick look first: most texts of a file lack it
            for match in key_pattern(key).finditer(normalised)
        ]
        return sorted(found, key=lambda m: (m.start, m.key.kind, m.key.text))

    def candidates(self, text: str) -> set[Key]:
        """The keys that may be mentioned in ``text``: at least those that are, in one scan of it."""
        if self._scan is None:
            return set(self.keys)
        found = self._scan.findall(fold(text))
        if not found:
            return set()
        normalised = normalise(text)
        words: set[str] = set()
        phones = False
        for word, phone in found:
            if phone:
                # A number found may hide the start of a name or address (or of another number): then
                # every key is looked for on its own. This is rare: a withdrawn number is in the text.
                return set(self.keys)
            word = " ".join(word.split())
            # Each key found brings the keys inside it (its start 'an' in 'anna', or 'contact-1@x.nl' in
            # 'jan.contact-1@x.nl'). Only a key that starts inside one found and runs on past it can be
            # missed; those are looked for on their own.
            words |= self.inside(word)
            words.update(other for other in self.crossing(word) if other not in words and other in normalised)
            phones = phones or any(char.isdigit() or char == "+" for char in word)
        keys = {key for word in words for key in self._words[word]}
        if phones:  # a number may start inside a name or address found
            keys.update(self._phones)
        return keys

    def inside(self, word: str) -> set[str]:
        """The names and addresses that ``word`` contains, itself included."""
        if word not in self._inside:
            self._inside[word] = {word[start:end] for start in range(len(word)) for end in self._ends(word, start)}
        return self._inside[word]

    def crossing(self, word: str) -> list[str]:
        """The names and addresses that can start inside ``word`` and run on past its end: those that start
        with the rest of ``word`` from some place after its first character."""
        if word not in self._crossing:
            crossing = []
            for start in range(1, len(word)):
                node = _walk(self._trie, word[start:])
                if node is not None:
                    crossing += [word[start:] + rest for rest in _words_below(node) if rest]
            self._crossing[word] = crossing
        return self._crossing[word]

    def _ends(self, word: str, start: int) -> list[int]:
        """Where the keys that start at ``start`` in ``word`` end, within ``word``."""
        ends, node = [], self._trie
        for end in range(start, len(word)):
            next_node = node.get(word[end])
            if next_node is None:
                break
            node = next_node
            if "" in node:
                ends.append(end + 1)
        return ends


def line_offset(text: str, start: int) -> int:
    """The line of ``text`` (counted from 0) on which the character at ``start`` in ``normalise(text)``
    stands: normalising line by line and joining the lines that are not empty with a space gives the same
    text, so this counts along."""
    position = 0
    for offset, line in enumerate(text.split("\n")):
        normalised = normalise(line)
        if not normalised:
            continue
        position += len(normalised) + 1
        if start < position:
            return offset
    return text.count("\n")


# A trie of words, one character per level; the key "" marks the end of a word.
Trie = dict[str, "Trie"]


def make_trie(words: Iterable[str]) -> Trie:
    root: Trie = {}
    for word in words:
        node = root
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}
    return root


def _word_char(char: str) -> str:
    """A name or address in the folded text, before white space is made one space."""
    return r"\s+" if char == " " else re.escape(char)


def trie_pattern(node: Trie, between: str, pattern: Callable[[str], str]) -> str:
    """A regex that matches any word of the trie, the longest where one is a prefix of another, with
    ``between`` between two characters. The engine tries each character once per position, instead of
    once per word."""
    branches = []
    for char, child in sorted(node.items()):
        if not char:
            continue
        rest = trie_pattern(child, between, pattern)
        if rest:
            rest = between + rest
            # Greedy: the longer word first; the engine falls back to the word that ends here.
            rest = f"(?:{rest})?" if "" in child else rest
        branches.append(pattern(char) + rest)
    if len(branches) <= 1:
        return "".join(branches)
    return "(?:" + "|".join(branches) + ")"


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
