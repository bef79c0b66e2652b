"""Limits on YAML text, checked before libyaml composes it: its size, and how deeply lists and mappings nest.

libyaml's composer (the C code behind PyYAML's fast loader) calls itself once per level of nesting; 40,000
levels (``key_figures: [[[[...`` or ``- - - - ...``) overflow the C stack and end the process with a
segmentation fault, without a message. Reading *events* does not recurse, in C or in Python, so the exact
depth is measured that way; and a cheap bound, which holds for every ordinary file, saves that second
reading almost always.

``load.parse_yaml`` refuses text over either limit with a message, before the fast or the slow loader
sees it; ``fastyaml.parse`` gives up on text that nests too deeply, for the callers that use it directly.
"""

from __future__ import annotations

import functools
import re
from typing import Any

import yaml

from .markup import dutch_number
from .schema import MAX_FRONT_MATTER_CHARS, MAX_NESTING

_EVENT_LOADER: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

# A line as YAML counts them (YAML 1.1, which libyaml reads: NEL, LS and PS break lines too), then the
# characters that can stand before the first entry of a block collection on it: indentation, and the
# indicators of compact entries ('- - x', '? a', ': - b').
_BREAK = "\n\r\x85\u2028\u2029"
_PREFIX = "[ \t?:-]"


def limit_problem(text: str) -> tuple[int, str] | None:
    """(line counted from 0, message) where ``text`` is too long or nests too deeply; None within limits."""
    if len(text) > MAX_FRONT_MATTER_CHARS:
        return (
            text.count("\n", 0, MAX_FRONT_MATTER_CHARS),
            f"is {dutch_number(len(text))} tekens lang; de front matter is hoogstens "
            f"{dutch_number(MAX_FRONT_MATTER_CHARS)} tekens (zet lange tekst onder de front matter, in de hoofdtekst)",
        )
    deep = too_deep(text)
    if deep is None:
        return None
    line, field = deep
    where = f" (in '{field}')" if field else ""
    return (
        line,
        f"lijsten en velden staan hier meer dan {MAX_NESTING} niveaus diep in elkaar{where}; hoogstens "
        f"{MAX_NESTING} mag (de velden van een praktijkvoorbeeld gaan niet dieper dan 3)",
    )


def too_deep(text: str) -> tuple[int, str] | None:
    """Where lists and mappings first nest more than ``MAX_NESTING`` levels deep: (line counted from 0, the
    top-level field it is in, or ''); None if they nowhere do, or if the text is no YAML (the loaders say why)."""
    if _within_cheap_bound(text):
        return None
    return _measure(text)


def _within_cheap_bound(text: str) -> bool:
    """True if the text certainly nests no more than ``MAX_NESTING`` levels deep, by counting characters.

    A flow collection ('[', '{') adds at most one level per opening bracket in the text. A block
    collection nested in another starts in a later column, except a list that is the value of a field
    (it may stand at the field's indentation); so block collections nest at most 2 * (c + 1) deep, where c
    is the last column a block collection starts in: at most the length of the longest line prefix of
    spaces, tabs and entry indicators ('  - - name: x': 6)."""
    budget = MAX_NESTING - text.count("[") - text.count("{")
    longest = budget // 2  # no prefix of this length: 2 * (longest - 1 + 1) <= budget
    if longest <= 0:
        return False
    start, after_newline, after_any_break = _prefix_patterns(longest)
    if start.match(text):
        return False
    # A pattern that starts with one character is searched for quickly; the other line breaks are rare.
    other_breaks = "\r" in text or (not text.isascii() and any(c in text for c in _BREAK[2:]))
    return (after_any_break if other_breaks else after_newline).search(text) is None


@functools.cache
def _prefix_patterns(length: int) -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    """A line prefix of ``length`` characters at the start of the text, after a newline, after any line
    break. libyaml skips a byte-order mark at the start of a line."""
    prefix = rf"\ufeff?{_PREFIX}{{{length}}}"
    return re.compile(prefix), re.compile(rf"\n{prefix}"), re.compile(rf"[{_BREAK}]{prefix}")


def _measure(text: str) -> tuple[int, str] | None:
    """The exact depth, from the parser's events (libyaml's parser keeps its own stack; it does not recurse)."""
    depth = 0
    top_mapping = False
    index = 0  # of the node in the top-level mapping: even is a field name, odd its value
    field = ""
    try:
        for event in yaml.parse(text, Loader=_EVENT_LOADER):
            if depth == 1 and top_mapping and isinstance(event, _NODE_EVENTS):
                if index % 2 == 0:
                    field = event.value if isinstance(event, yaml.ScalarEvent) else ""
                index += 1
            if isinstance(event, yaml.CollectionStartEvent):
                top_mapping = top_mapping or (depth == 0 and isinstance(event, yaml.MappingStartEvent))
                depth += 1
                if depth > MAX_NESTING:
                    return (event.start_mark.line if event.start_mark else 0), field
            elif isinstance(event, yaml.CollectionEndEvent):
                depth -= 1
    except yaml.YAMLError:
        return None  # not YAML: the loaders report the error where it is, before they get this deep
    return None


_NODE_EVENTS = (yaml.ScalarEvent, yaml.CollectionStartEvent, yaml.AliasEvent)
