"""Reading a vocabulary file: YAML's event stream straight to data, without aliases, anchors, tags or deep nesting.

Why events: composing YAML into nodes follows aliases (a 'billion laughs' file of a few hundred bytes
becomes gigabytes) and recurses once per level of nesting (libyaml's composer in C crashes the process on
a deep enough file, PyYAML's runs out of Python stack). The parser that makes the events does neither:
it is a state machine, in C where libyaml is there. This module takes the events one by one, refuses
an alias, anchor or tag at the first one, counts the depth as it goes, and builds lists, mappings and
text with a stack of its own, so nothing here recurses either. It is also the only way vocabulary files
are read: there is no faster or slower path beside it.

Every value is text: a vocabulary holds ids, names and descriptions, so YAML's guesses at numbers and
dates are not made (``cbs_code: 0501`` stays '0501'). YAML's null (an empty value, ``~``, ``null``) is an
absent value, and yes/no/true/false/on/off are ja/nee-values, which the checks refuse where text is asked.
"""

from __future__ import annotations

from typing import Any

import yaml

from . import yaml_messages

KeyPath = tuple[str | int, ...]

# libyaml's parser where it is there (as fast as reading the file), PyYAML's own otherwise.
_LOADER: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_STR_TAGS = ("!", "tag:yaml.org,2002:str")  # the explicit tags that still mean text: ! and !!str
_NULLS = frozenset({"", "~", "null", "Null", "NULL"})
# As YAML 1.1 resolves a plain value (PyYAML's resolver): the ja/nee-values.
_BOOLS: dict[str, bool] = yaml.constructor.SafeConstructor.bool_values
_BOOL_SPELLINGS = frozenset(spelling for word in _BOOLS for spelling in (word, word.capitalize(), word.upper()))
_START = (yaml.MappingStartEvent, yaml.SequenceStartEvent)
_END = (yaml.MappingEndEvent, yaml.SequenceEndEvent)


class YamlProblem(Exception):
    """What makes the file unreadable, at its line (1-based)."""

    def __init__(self, line: int, message: str) -> None:
        super().__init__(message)
        self.line = line
        self.message = message


class _NoKey:
    """Marks a mapping that waits for its next key."""


_NO_KEY = _NoKey()


def read(text: str, max_depth: int) -> tuple[Any, dict[KeyPath, int]]:
    """The data of one YAML document, and the line of every key and list item (1-based)."""
    root: Any = None
    lines: dict[KeyPath, int] = {}
    # Per open list or mapping: the container, its key path, and for a mapping the key waiting for its value.
    stack: list[tuple[Any, KeyPath, Any]] = []
    documents = 0
    loader = _LOADER(text)  # only its parser is used: the events, never a node
    try:
        while (event := loader.get_event()) is not None:
            kind = type(event)
            if kind is yaml.ScalarEvent:
                if event.anchor is not None or event.tag is not None:
                    _refuse(event)
                value = event.value
                if event.implicit[0]:  # written without quotes: YAML would guess its type
                    if value in _NULLS:
                        value = None
                    elif value in _BOOL_SPELLINGS:
                        value = _BOOLS[value.lower()]
            elif kind in _START:
                if event.anchor is not None or event.tag is not None:
                    _refuse(event)
                if len(stack) >= max_depth:
                    raise YamlProblem(
                        event.start_mark.line + 1,
                        f"is te diep genest (meer dan {max_depth} lijsten of velden in elkaar); maak de structuur plat",
                    )
                value = {} if kind is yaml.MappingStartEvent else []
            elif kind in _END:
                stack.pop()
                continue
            elif kind is yaml.AliasEvent:
                _refuse(event)
            else:  # the stream's and the document's start and end
                if kind is yaml.DocumentStartEvent:
                    documents += 1
                    if documents > 1:
                        raise YamlProblem(
                            event.start_mark.line + 1, "bevat meer dan één YAML-document; haal de regel '---' weg"
                        )
                continue
            if not stack:
                root = value
                if kind in _START:
                    stack.append((value, (), _NO_KEY))
                continue
            container, path, key = stack[-1]
            if key is _NO_KEY:
                if isinstance(container, list):
                    where: KeyPath = (*path, len(container))
                    lines[where] = event.start_mark.line + 1
                    container.append(value)
                else:
                    stack[-1] = (container, path, _key(event, container, path, lines))
                    continue
            else:
                where = (*path, key)
                container[key] = value
                stack[-1] = (container, path, _NO_KEY)
            if kind in _START:
                stack.append((value, where, _NO_KEY))
    except yaml.MarkedYAMLError as exc:
        line, _field, message = yaml_messages.explain(exc, text)
        raise YamlProblem(line + 1, message) from None
    except yaml.reader.ReaderError as exc:
        code = exc.character if isinstance(exc.character, int) else 0
        raise YamlProblem(
            text[: exc.position].count("\n") + 1,
            f"bevat een onzichtbaar stuurteken (U+{code:04X}); verwijder het of typ de tekst op die regel opnieuw",
        ) from None
    except yaml.YAMLError:
        raise YamlProblem(1, yaml_messages.GENERIC) from None
    finally:
        loader.dispose()
    return root, lines


def _refuse(event: Any) -> None:
    """An alias, an anchor or a tag other than text's: each is refused where it stands."""
    line = event.start_mark.line + 1
    if isinstance(event, yaml.AliasEvent) or event.anchor is not None:
        raise YamlProblem(line, "YAML-ankers en -verwijzingen (& en *) zijn niet toegestaan; schrijf de waarde voluit")
    tag = event.tag
    if tag not in _STR_TAGS or not isinstance(event, yaml.ScalarEvent):
        shown = str(tag).replace("tag:yaml.org,2002:", "!!")[:40]
        raise YamlProblem(
            line, f"YAML-label '{shown}' is niet toegestaan; schrijf tekst, een lijst of velden zonder label"
        )


def _key(event: Any, mapping: dict[str, Any], path: KeyPath, lines: dict[KeyPath, int]) -> str:
    line = event.start_mark.line + 1
    if not isinstance(event, yaml.ScalarEvent):
        raise YamlProblem(line, "een veldnaam moet gewone tekst zijn, zoals 'name'")
    key = str(event.value)  # as written: 'yes:' is the field 'yes', which the checks then call unknown
    if key == "<<" and event.implicit[0]:  # YAML 1.1's merge key, which would copy fields from an anchor
        raise YamlProblem(line, "'<<' (velden samenvoegen) is niet toegestaan; schrijf elk veld voluit")
    if key in mapping:
        raise YamlProblem(
            line, f"veld '{key[:40]}' staat twee keer in hetzelfde item (ook op regel {lines[(*path, key)]})"
        )
    lines[(*path, key)] = line
    return key
