"""Checking a vocabulary file against its declaration (``vocabulary_schema``): every problem, with its line.

Vocabulary texts are held to more than a practice's front matter, because the pages put them inline in
many places: no markup at all (no HTML, no Markdown link, emphasis, code, table or attribute syntax, no
HTML entity), no invisible or special characters, Unicode's composed form (NFC), letters of the Latin
script only, and names on one line. Ids are lowercase ASCII slugs. So no two entries look alike but
differ, and nothing in them turns into markup on a page.
"""

from __future__ import annotations

import difflib
import functools
import re
import unicodedata
from pathlib import Path
from typing import Any

from .errors import Problem, display_path
from .markup import dutch_number
from .schema import SLUG_PATTERN, Field, Kind
from .vocabulary_schema import DUTCH_NAMES, MAX_DEPTH, MAX_FILE_BYTES, Entry, VocabularySpec
from .vocabulary_yaml import KeyPath, YamlProblem, read

_ID_RE = re.compile(SLUG_PATTERN)
# What HTML or Markdown (with the site's extensions: attribute lists, tables) would read as markup inline:
# tags, links and images, emphasis, code, escapes, attribute lists, table cells, and character references.
# '&' alone is text ('OC&W'): the pages escape it.
_MARKUP_RE = re.compile(r"[<>\[\]*_`\\{}|]|&(?:#[0-9]+|#[xX][0-9a-fA-F]+|[A-Za-z][A-Za-z0-9]*);")
_SHOWN = 60  # characters of a value quoted in a message
_WORD_RE = re.compile(r"[A-Za-z_][A-Za-z0-9_-]{0,59}")


class _File:
    """The file being checked: where its parts stand, and the problems found so far."""

    __slots__ = ("key", "lines", "problems", "shown")

    def __init__(self, shown: str, key: str, lines: dict[KeyPath, int]) -> None:
        self.shown = shown
        self.key = key
        self.lines = lines
        self.problems: list[Problem] = []

    def line(self, path: KeyPath) -> int:
        """The line of the deepest known part of ``path``; the first line otherwise."""
        for end in range(len(path), 0, -1):
            if path[:end] in self.lines:
                return self.lines[path[:end]]
        return 1

    def error(self, path: KeyPath, message: str) -> None:
        """A problem at ``path`` (index, field, item index), named as editors count: ``themes[3].id``. A field
        name that is not a plain word (an unknown field 'a: b') is left out of the name, which it would garble;
        the message quotes it."""
        label = self.key
        for part in path:
            if isinstance(part, int):
                label += f"[{part + 1}]"
            elif _WORD_RE.fullmatch(part):
                label += f".{part}"
        self.problems.append(Problem(self.shown, self.line(path), label, message))


def check_file(path: Path, spec: VocabularySpec) -> tuple[list[Entry], list[Problem]]:
    """The checked entries of one vocabulary file, and its problems; no entries if it has any error."""
    shown = display_path(path)

    def fail(line: int, field: str, message: str) -> tuple[list[Entry], list[Problem]]:
        return [], [Problem(shown, line, field, message)]

    try:
        data = path.read_bytes()
    except FileNotFoundError:
        return fail(1, "file", f"ontbreekt; elke kennisbank heeft de vaste lijst {spec.filename}")
    except OSError as exc:
        return fail(1, "file", f"kan niet worden gelezen: {exc.strerror}")
    if len(data) > MAX_FILE_BYTES:
        size, limit = dutch_number(len(data)), dutch_number(MAX_FILE_BYTES)
        return fail(1, "file", f"is {size} bytes; een vaste lijst is hoogstens {limit} bytes")
    try:
        text = data.decode("utf-8").removeprefix("\ufeff").replace("\r\n", "\n")
    except UnicodeDecodeError as exc:
        return fail(data[: exc.start].count(b"\n") + 1, "file", "is geen UTF-8; sla het bestand op als UTF-8")
    try:
        items, lines = read(text, MAX_DEPTH)
    except YamlProblem as exc:
        return fail(exc.line, spec.key, exc.message)
    file = _File(shown, spec.key, lines)
    items = [] if items is None else items
    if not isinstance(items, list):
        file.error((), f"verwacht een lijst ('- {spec.fields[0].name}: ...' per {spec.label}), niet {_a(items)}")
        return [], file.problems
    if len(items) < spec.min_entries:
        file.error((), f"is leeg; verwacht een lijst met minstens één {spec.label} ('- {spec.fields[0].name}: ...')")
    entries = [_check_entry(item, index, spec, file) for index, item in enumerate(items)]
    valid = [entry for entry in entries if entry is not None]
    _check_unique(valid, spec, file)
    for rule in spec.rules:
        for entry, name, message in rule(valid):
            file.error((entry.number - 1, name), message)
    return ([] if file.problems else valid), file.problems


def _check_entry(item: Any, index: int, spec: VocabularySpec, file: _File) -> Entry | None:
    if not isinstance(item, dict):
        first = spec.fields[0].name
        file.error((index,), f"verwacht de velden van een {spec.label} ('- {first}: ...'), niet {_a(item)}")
        return None
    known = {fld.name: fld for fld in spec.fields}
    for key in item:
        if key not in known:
            near = [DUTCH_NAMES[key.lower()]] if DUTCH_NAMES.get(key.lower()) in known else []
            near = near or difflib.get_close_matches(key, known, n=1, cutoff=0.75)
            hint = f" — bedoelde je '{near[0]}'?" if near else f"; toegestaan zijn: {', '.join(known)}"
            file.error((index, key), f"onbekend veld '{_cut(key)}'{hint}")
    values: dict[str, Any] = {}
    invalid: set[str] = set()
    for fld in spec.fields:
        value = _check_value(item.get(fld.name), fld, (index, fld.name), file)
        if value is _INVALID:
            invalid.add(fld.name)
        elif value is not None:
            values[fld.name] = value
        elif fld.required:
            file.error((index, fld.name), f"ontbreekt; verplicht veld: {_lower(fld.description)}")
            invalid.add(fld.name)
    lines = {key: file.lines[(index, key)] for key in item}
    lines[""] = file.line((index,))
    return Entry(index + 1, values, frozenset(invalid), lines)


class _Invalid:
    """Marks a value that failed its check (``None`` is a valid 'absent')."""


_INVALID = _Invalid()


def _check_value(value: Any, fld: Field, path: KeyPath, file: _File) -> Any:
    if value is None:
        return None
    if fld.kind is Kind.TEXT_LIST:
        return _check_list(value, fld, path, file)
    text = _check_text(value, fld, path, file)
    if text is _INVALID or text is None:
        return text
    if fld.pattern and not re.fullmatch(fld.pattern, text):
        file.error(path, f"'{_cut(text)}' klopt niet: {_lower(fld.description)} Bijvoorbeeld '{fld.example}'.")
        return _INVALID
    if fld.choices and text not in fld.choices:
        near = difflib.get_close_matches(text.lower(), fld.choices, n=1, cutoff=0.6)
        hint = f" — bedoelde je '{near[0]}'?" if near else f"; kies uit: {', '.join(fld.choices)}"
        file.error(path, f"onbekende waarde '{_cut(text)}'{hint}")
        return _INVALID
    return text


def _check_list(value: Any, fld: Field, path: KeyPath, file: _File) -> Any:
    if not isinstance(value, list):
        example = f"[{_cut(value)}]" if isinstance(value, str) else "[a, b]"
        file.error(
            path, f"verwacht een lijst, niet {_a(value)}; schrijf bijvoorbeeld {example}, of [] als er geen zijn"
        )
        return _INVALID
    if fld.max_items is not None and len(value) > fld.max_items:
        file.error(path, f"heeft {len(value)} waarden; hoogstens {fld.max_items}")
        return _INVALID
    out: list[str] = []
    seen: dict[str, int] = {}
    for index, item in enumerate(value):
        text = None if item is None else _check_text(item, fld, (*path, index), file)
        if text is None:
            file.error((*path, index), "is leeg; haal de lege waarde uit de lijst")
        elif text is not _INVALID:
            key = text.casefold()
            if key in seen:
                file.error(
                    (*path, index),
                    f"'{_cut(text)}' staat er al (als nummer {seen[key] + 1}); noem elke waarde één keer",
                )
            else:
                seen[key] = index
                out.append(text)
    return tuple(out) if len(out) == len(value) else _INVALID


def _check_text(value: Any, fld: Field, path: KeyPath, file: _File) -> Any:
    """Plain text: the text (one-line kinds with their spaces evened out), None for an empty value, or _INVALID."""
    if not isinstance(value, str):
        if isinstance(value, bool):
            file.error(
                path,
                "verwacht tekst, maar YAML leest de waarde als ja/nee (zoals yes, no, true, false, on, off); "
                "zet de tekst tussen aanhalingstekens",
            )
        elif isinstance(value, dict):
            file.error(
                path,
                "verwacht tekst, maar de regel is gelezen als 'naam: waarde'; staat er een dubbele punt met een "
                "spatie in? Zet de tekst dan tussen aanhalingstekens",
            )
        else:
            file.error(path, f"verwacht één tekst, niet {_a(value)}; schrijf de tekst zonder '- ' of [ ]")
        return _INVALID
    stripped = value.strip()
    if not stripped:
        if fld.required:
            file.error(path, "is leeg; vul het in")
            return _INVALID
        return None
    if fld.kind is not Kind.PARAGRAPH and "\n" in stripped:
        file.error(path, "moet op één regel staan; haal de regelovergang weg")
        return _INVALID
    if not stripped.isprintable():  # in C: every character that is not a letter, mark, number, sign or space ' '
        odd = next((c for c in stripped if not c.isprintable() and c != "\n"), None)
        if odd is not None:
            file.error(
                path,
                f"bevat een onzichtbaar of bijzonder teken (U+{ord(odd):04X}); "
                "typ de tekst opnieuw met gewone letters en spaties",
            )
            return _INVALID
    text = stripped if fld.kind is Kind.PARAGRAPH else " ".join(stripped.split())
    if fld.max_length and len(text) > fld.max_length:
        file.error(path, f"is {len(text)} tekens; hoogstens {fld.max_length}: maak het korter")
        return _INVALID
    if fld.kind is Kind.ID:
        if not _ID_RE.fullmatch(text):
            file.error(
                path,
                f"'{_cut(text)}' is geen geldige id: gebruik kleine letters (a-z), cijfers en koppeltekens{_odd(text)}",
            )
            return _INVALID
        return text
    if not unicodedata.is_normalized("NFC", text):
        file.error(
            path,
            "bevat een letter met een los accentteken (niet de NFC-vorm van Unicode); "
            "typ de letters met accent opnieuw",
        )
        return _INVALID
    foreign = None if text.isascii() else next((c for c in text if c.isalpha() and not _is_latin(c)), None)
    if foreign is not None:
        file.error(
            path,
            f"bevat de letter '{foreign}' ({unicodedata.name(foreign, f'U+{ord(foreign):04X}')}) uit een ander schrift "
            "dan het Latijnse, die op een gewone letter kan lijken; typ de tekst opnieuw met gewone letters",
        )
        return _INVALID
    markup = _MARKUP_RE.search(text)
    if markup:
        found = markup.group(0)
        if found.startswith("&"):
            file.error(path, f"bevat de HTML-code '{found}'; schrijf het teken zelf")
        else:
            file.error(
                path,
                f"bevat '{found}', dat de site als opmaak leest; schrijf gewone tekst zonder < > [ ] * _ ` \\ {{ }} |",
            )
        return _INVALID
    return text


def _check_unique(entries: list[Entry], spec: VocabularySpec, file: _File) -> None:
    for fld in spec.fields:
        if not fld.unique:
            continue
        seen: dict[str, Entry] = {}
        for entry in entries:
            value = entry.values.get(fld.name)
            if value is None:
                continue
            other = seen.setdefault(value.casefold(), entry)
            if other is not entry:
                file.error(
                    (entry.number - 1, fld.name),
                    f"'{_cut(value)}' staat al bij {spec.label} {other.number} (regel {other.line(fld.name)}); "
                    f"{fld.name} moet voor {spec.each} {spec.label} anders zijn",
                )


@functools.cache
def _is_latin(letter: str) -> bool:
    """Dutch is written in the Latin script; a Cyrillic 'е' or Greek 'ο' in a name makes a second 'Twente'."""
    return unicodedata.name(letter, "").startswith("LATIN ")


def _a(value: Any) -> str:
    names = {bool: "een ja/nee-waarde", str: "tekst", list: "een lijst", dict: "velden", type(None): "een lege waarde"}
    return names.get(type(value), type(value).__name__)


def _odd(text: str) -> str:
    """What is wrong in an id that is not a slug; a character named, since a Cyrillic 'е' looks like a Latin 'e'."""
    odd = next((c for c in text if not ("a" <= c <= "z" or "0" <= c <= "9" or c == "-")), None)
    if odd is None:
        return " (een koppelteken alleen tussen letters of cijfers)"
    if odd == " ":
        return "; geen spaties"
    if "A" <= odd <= "Z":
        return "; geen hoofdletters"
    name = unicodedata.name(odd, "")
    return f"; het teken '{odd}' (U+{ord(odd):04X}{' ' + name if name else ''}) mag er niet in"


def _cut(value: Any) -> str:
    text = str(value)
    return text if len(text) <= _SHOWN else text[:_SHOWN] + "…"


def _lower(text: str) -> str:
    return text[0].lower() + text[1:]
