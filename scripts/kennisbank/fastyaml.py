"""The fast way to read ordinary front matter: libyaml composes the nodes in C, and one walk over them
builds both the data and the line of every key and list item.

It handles what practice files contain (mappings with plain field names, lists, text, whole numbers,
true/false, empty values and dates) and gives up on everything else: anchors, explicit tags, other keys,
other numbers, any error. ``load.parse_yaml`` then reads the text with the pure-Python loader, which gives the same data
for ordinary YAML and the exact problem with its line for the rest. ``tests/test_fast_paths.py`` checks
that both ways agree.

Why: PyYAML's pure-Python reader is ten times slower than libyaml, and its generic constructor walks
the nodes again after our walk for the line numbers; at 10,000 practices that was most of
``kennisbank check``.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Callable
from typing import Any

import yaml

from .yamllimits import too_deep

KeyPath = tuple[str | int, ...]

_C_SAFE_LOADER: Any = getattr(yaml, "CSafeLoader", None)


# Bounded: the field names, ids and common values that recur stay; text that occurs once passes through.
@functools.lru_cache(maxsize=4096)
def _resolve(kind: type[yaml.Node], value: str | None, implicit: tuple[bool, bool] | bool) -> str:
    return _RESOLVER.resolve(kind, value, implicit)


_RESOLVER = yaml.resolver.Resolver()


class _Loader(_C_SAFE_LOADER or object):  # type: ignore[misc]
    """libyaml's composer asks Python, for every node, which tag it gets (``resolve``) and tells it where it
    is (``descend_resolver``/``ascend_resolver``, for path resolvers). The tag depends only on the node's
    kind, text and quoting, and the same field names and ids recur in every file, so the answers are
    remembered (in C: a remembered answer runs no Python code); there are no path resolvers, so there is
    nothing to tell. A sixth of composing the nodes at 10,000 practices."""

    resolve = staticmethod(_resolve)

    def descend_resolver(self, current_node: Any, current_index: Any) -> None:
        pass

    def ascend_resolver(self) -> None:
        pass


LOADER: Any = _Loader if _C_SAFE_LOADER is not None else None

# An anchor (&name) or alias (*name) is '&' or '*' directly followed by a name character, where a token
# can start: not right after a letter or digit ('OC&W' is text), and an explicit tag is a '!' where a value
# starts; text without either has none, so libyaml (whose nodes do not say where anchors or tags were) may
# read it. The pure-Python loader refuses all three with a message.
_MAY_ANCHOR_OR_TAG_RE = re.compile(r"(?<![^\W_])[&*][^\s,\[\]{}]|(?:^|[\s\[\]{},:-])!")
# What a field name may be, for both ways of reading: words; anything else would garble
# 'path:line: field: message' (a ':' or a newline). Other keys (a number, 'yes', '<<', odd characters) go
# the pure-Python way, which says what is wrong with them.
FIELD_NAME_RE = re.compile(r"[^\W\d][\w'.-]{0,59}\Z")
_INT_RE = re.compile(r"[-+]?(?:0|[1-9][0-9]*)\Z")  # no octal, hex, underscores or sexagesimal
_DATE_RE = re.compile(r"([0-9]{4})-([0-9]{2})-([0-9]{2})\Z")  # a date without a time
_BOOLS: dict[str, bool] = yaml.constructor.SafeConstructor.bool_values
_TAG = "tag:yaml.org,2002:"


class _Unusual(Exception):
    """Something this path leaves to the pure-Python loader."""


def _int(value: str) -> int:
    if not _INT_RE.match(value):
        raise _Unusual
    return int(value)


def _date(value: str) -> dt.date:
    match = _DATE_RE.match(value)
    if not match:
        raise _Unusual
    return dt.date(int(match[1]), int(match[2]), int(match[3]))


SCALARS: dict[str, Callable[[str], Any]] = {
    _TAG + "str": str,
    _TAG + "int": _int,
    _TAG + "bool": lambda value: _BOOLS[value.lower()],
    _TAG + "null": lambda value: None,
    _TAG + "timestamp": _date,
}


def parse(text: str, first_line: int) -> tuple[Any, dict[KeyPath, int]] | None:
    """(data, lines) for ordinary YAML; None where the pure-Python loader must read it (also where lists
    and mappings nest so deeply that libyaml's composer would crash)."""
    if too_deep(text) is not None:
        return None
    return parse_within_limits(text, first_line)


def parse_within_limits(text: str, first_line: int) -> tuple[Any, dict[KeyPath, int]] | None:
    """``parse`` for text that ``yamllimits`` has passed already."""
    # The substring test first: the pattern has no fixed start, so it is tried at every position.
    if LOADER is None or (("&" in text or "*" in text or "!" in text) and _MAY_ANCHOR_OR_TAG_RE.search(text)):
        return None
    loader = LOADER(text)
    try:
        node = loader.get_single_node()
        lines: dict[KeyPath, int] = {}
        return (None if node is None else _build(node, (), lines, first_line)), lines
    except (_Unusual, yaml.YAMLError, ValueError, OverflowError, KeyError, RecursionError):
        return None
    finally:
        loader.dispose()


def _build(node: yaml.Node, path: KeyPath, lines: dict[KeyPath, int], first_line: int) -> Any:
    if isinstance(node, yaml.ScalarNode):
        if node.tag == _STR:  # most values: the text as it is (what SCALARS[_STR], str(), gives)
            return node.value
        convert = SCALARS.get(node.tag)
        if convert is None:
            raise _Unusual
        return convert(node.value)
    if isinstance(node, yaml.MappingNode) and node.tag == _MAP:
        data = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode) or key_node.tag != _STR:
                raise _Unusual
            key = key_node.value
            if key not in _PLAIN_KEYS:
                if not FIELD_NAME_RE.match(key):
                    raise _Unusual
                if len(_PLAIN_KEYS) < 4096:  # bounded: in `mkdocs serve` the process lives long
                    _PLAIN_KEYS.add(key)
            where = (*path, key)
            if where in lines:  # a key given twice: the pure-Python path names both lines
                raise _Unusual
            lines[where] = key_node.start_mark.line + first_line
            data[key] = _build(value_node, where, lines, first_line)
        return data
    if isinstance(node, yaml.SequenceNode) and node.tag == _SEQ:
        items = []
        for index, item in enumerate(node.value):
            where = (*path, index)
            lines[where] = item.start_mark.line + first_line
            items.append(_build(item, where, lines, first_line))
        return items
    raise _Unusual


_STR, _MAP, _SEQ = _TAG + "str", _TAG + "map", _TAG + "seq"
# Keys that passed FIELD_NAME_RE; the same few dozen recur in every file.
_PLAIN_KEYS: set[str] = set()
