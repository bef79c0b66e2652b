"""A withdrawn contact disappears from the site: the checks inside a file (``in_file``, a rule of the validator)
and across files (``withdrawn_elsewhere``, part of the catalogue stage), both with the one rule of ``mentions.py``.

What is searched, in every file: the body and every text field of the front matter that the site shows,
read from the schema (``published_texts``): title, summary, the lists, period, key figures, the source's
texts, every link's title and address (also with %-escapes decoded), and every contact, except what the
site does not show of a withdrawn contact: only its organisation is searched.

Across files, a person withdrawn in one file must not be named by another: not in a text, and not as a
visible contact (same name or e-mail address; reported as such, not again as a mention). Each text is
scanned once for every withdrawn person at the same time (``Matcher``); only a file where that finds
something is looked at more closely, and only then is it read again for the lines of its fields.

Nor by the vocabularies (``withdrawn_in_vocabularies``): a term's aliases and the glossary's synonyms reach the
site only as words of the search index, where the guard on the built site (``leaks.py``) cannot read a name.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any
from urllib.parse import unquote_plus

from ..errors import Problem, display_path, field_label
from ..facets import SPECS
from ..load import KeyPath, load_file
from ..model import Contact, Practice
from ..schema import FIELDS, Field, Kind
from ..vocabularies import Vocabularies
from ..vocabulary_schema import GLOSSARY
from .context import Context
from .mentions import Matcher, Mention, Person, line_offset, normalise, person_keys

_TEXT_KINDS = frozenset({Kind.TEXT, Kind.PARAGRAPH, Kind.TEXT_LIST, Kind.EMAIL, Kind.PHONE, Kind.URL, Kind.INT_OR_TEXT})
BODY: KeyPath = ("body",)
ADVICE = {
    "name": "haal de naam weg of schrijf de functie of organisatie",
    "email": "haal het e-mailadres weg of schrijf een algemeen adres van de organisatie",
    "phone": "haal het telefoonnummer weg of schrijf een algemeen nummer van de organisatie",
}


def person(contact: Contact | dict[str, Any]) -> Person:
    get = contact.get if isinstance(contact, dict) else lambda name, default="": getattr(contact, name, default)
    return Person(get("name", "") or "", get("email", "") or "", get("phone", "") or "")


def published_texts(record: Any) -> list[tuple[KeyPath, str]]:
    """Every text of a practice's front matter that the site shows, with where it stands. ``record`` is a
    ``Practice`` or the validator's mapping of checked values."""
    texts: list[tuple[KeyPath, str]] = []
    _collect(record, _PLAN, (), texts)
    return texts


# What to do with each field, worked out once from the schema instead of for every practice.
_TEXT, _TEXTS, _URL, _OBJECT, _OBJECTS = range(5)
_Plan = tuple[tuple[str, int, Any], ...]


def _plan(fields: tuple[Field, ...]) -> _Plan:
    steps: list[tuple[str, int, Any]] = []
    for fld in fields:
        if fld.kind is Kind.OBJECT:
            steps.append((fld.name, _OBJECT, _plan(fld.fields)))
        elif fld.kind is Kind.OBJECT_LIST:
            # Of an entry that is withdrawn the site shows the organisation only.
            shown = tuple(f for f in fld.fields if f.name == "organisation")
            steps.append((fld.name, _OBJECTS, (_plan(fld.fields), _plan(shown))))
        elif fld.kind in _TEXT_KINDS:
            kind = _TEXTS if fld.kind is Kind.TEXT_LIST else _URL if fld.kind is Kind.URL else _TEXT
            steps.append((fld.name, kind, None))
    return tuple(steps)


_PLAN = _plan(FIELDS)


def _collect(record: Any, plan: _Plan, path: KeyPath, texts: list[tuple[KeyPath, str]]) -> None:
    mapping = isinstance(record, dict)
    for name, kind, inner in plan:
        value = record.get(name) if mapping else getattr(record, name)
        if not value:
            continue
        if kind == _TEXT:
            texts.append(((*path, name), str(value)))
        elif kind == _TEXTS:
            texts.extend(((*path, name, index), str(item)) for index, item in enumerate(value))
        elif kind == _URL:
            # 'Jan%20Jansen' in an address is a name as well.
            texts.append(
                ((*path, name), f"{value}\x00{unquote_plus(value)}" if "%" in value or "+" in value else value)
            )
        elif kind == _OBJECT:
            _collect(value, inner, (*path, name), texts)
        else:
            every, withdrawn = inner
            for index, item in enumerate(value):
                hidden = item.get("withdrawn") if isinstance(item, dict) else getattr(item, "withdrawn", False)
                _collect(item, withdrawn if hidden else every, (*path, name, index), texts)


def in_file(ctx: Context) -> None:
    """The validator's rule: the file's own withdrawn contacts, anywhere in its body or front matter."""
    withdrawn = [(i, person(c)) for i, c in enumerate(ctx.values.get("contacts", ())) if c.get("withdrawn")]
    if not withdrawn:
        return
    raw = ctx.raw
    index_of: dict[Person, int] = {}
    for index, someone in withdrawn:
        index_of.setdefault(someone, index)
    matcher = Matcher(index_of)
    texts = [*published_texts(ctx.values), (BODY, raw.body)]
    for path, mention, offset in _located(matcher, texts):
        line = raw.body_line + offset if path == BODY else raw.line(*path)
        ctx.problems.append(
            Problem(
                raw.display,
                line,
                field_label(path),
                f"noemt '{mention.key.shown}', maar die contactpersoon is teruggetrokken (withdrawn: true bij "
                f"contacts[{index_of[mention.person] + 1}]); {ADVICE[mention.key.kind]}",
            )
        )


def withdrawn_people(practices: Iterable[Practice]) -> dict[Person, list[tuple[Practice, int]]]:
    """Every withdrawn contact, with the files (and the contact's place in each) that withdraw them."""
    people: dict[Person, list[tuple[Practice, int]]] = {}
    for practice in practices:
        for index, contact in enumerate(practice.contacts):
            if contact.withdrawn:
                people.setdefault(person(contact), []).append((practice, index))
    return people


def withdrawn_elsewhere(practices: list[Practice]) -> list[Problem]:
    """A person withdrawn in one file must not be published by another: not as a contact, not in a text."""
    people = withdrawn_people(practices)
    if not people:
        return []
    matcher = Matcher(people)
    # Which files withdraw each name, address and number: a file that withdraws it too is checked by the
    # validator (and may hold it in its own entry).
    holders: dict[tuple[str, str], dict[Path, Practice]] = {}
    listed_as: dict[str, Practice] = {}
    for someone, places in people.items():
        for key in person_keys(someone):
            holders.setdefault((key.kind, key.text), {}).update((p.path, p) for p, _ in places)
            if key.kind != "phone":
                listed_as.setdefault(key.text, places[0][0])
    problems: list[Problem] = []
    for practice in practices:
        listed = set()
        for index, contact in enumerate(practice.contacts):
            if contact.withdrawn:
                continue
            origin = next(
                (listed_as[k] for k in (normalise(contact.name), normalise(contact.email)) if k in listed_as), None
            )
            if origin is not None:
                listed.add(index)
                problems.append(
                    Problem(
                        display_path(practice.path),
                        practice.contacts_line,
                        "contacts",
                        f"'{contact.name}' is teruggetrokken in {display_path(origin.path)}; zet hier ook "
                        "'withdrawn: true' bij deze contactpersoon",
                    )
                )
        for path, mention, line in practice_mentions(matcher, practice):
            holding = holders[(mention.key.kind, mention.key.text)]
            if practice.path in holding or (path[0] == "contacts" and path[1] in listed):
                continue
            origin = holding[min(holding, key=str)]
            problems.append(
                Problem(
                    display_path(practice.path),
                    line,
                    field_label(path),
                    f"noemt '{mention.key.shown}', die als contactpersoon is teruggetrokken in "
                    f"{display_path(origin.path)}; {ADVICE[mention.key.kind]}",
                )
            )
    return problems


def withdrawn_in_vocabularies(practices: Sequence[Practice], vocabularies: Vocabularies) -> list[Problem]:
    """A withdrawn contact named in a vocabulary (a term or a glossary entry, any of its texts), reported at the
    contact's entry in the file that withdraws them, once per vocabulary text."""
    people = withdrawn_people(practices)
    if not people:
        return []
    texts = vocabulary_texts(vocabularies)
    matcher = Matcher(people)
    problems: list[Problem] = []
    for (where, _text), mentions in zip(texts, matcher.mentions_in([text for _, text in texts]), strict=True):
        for key in dict.fromkeys(mention.key for mention in mentions):
            origin, index = min(people[matcher.keys[key]], key=lambda place: (str(place[0].path), place[1]))
            problems.append(
                Problem(
                    display_path(origin.path),
                    contact_line(origin, index),
                    f"contacts[{index + 1}]",
                    f"'{key.shown}' is hier teruggetrokken, maar de vaste lijst {where} noemt het nog; "
                    f"{ADVICE[key.kind]}",
                )
            )
    return problems


def vocabulary_texts(vocabularies: Vocabularies) -> list[tuple[str, str]]:
    """Every text of the vocabularies' terms and of the glossary, with where it stands ('themes.yml, bij
    'nazorg' (aliases)'). Not the gemeenten: their names are public data, checked against CBS's list."""
    texts: list[tuple[str, str]] = []
    for spec in SPECS:
        for term in vocabularies.by_key(spec.key):
            fields = [("name", term.name), ("description", term.description), *term.extra.items()]
            fields += [("aliases", alias) for alias in term.aliases]
            texts += [(f"{spec.filename}, bij '{term.id}' ({name})", text) for name, text in fields if text]
    for entry in vocabularies.glossary:
        fields = [("term", entry.term), ("expansion", entry.expansion), ("definition", entry.definition)]
        fields += [("synonyms", synonym) for synonym in entry.synonyms]
        texts += [(f"{GLOSSARY.filename}, bij '{entry.term}' ({name})", text) for name, text in fields if text]
    return texts


def practice_mentions(matcher: Matcher, practice: Practice) -> list[tuple[KeyPath, Mention, int]]:
    """The mentions in a valid practice: where (field), what, and on which line of its file."""
    found = _located(matcher, [*published_texts(practice), (BODY, practice.body)])
    if not found:
        return []
    lines = _field_lines(practice) if any(path != BODY for path, _, _ in found) else {}
    return [
        (
            path,
            mention,
            practice.body_line + offset if path == BODY else _line(lines, path, practice.title_line),
        )
        for path, mention, offset in found
    ]


def _located(matcher: Matcher, texts: Sequence[tuple[KeyPath, str]]) -> list[tuple[KeyPath, Mention, int]]:
    """(where, mention, line within that text) of every mention, one per key and line."""
    found = []
    seen = set()
    for (path, text), mentions in zip(texts, matcher.mentions_in([text for _, text in texts]), strict=True):
        for mention in mentions:
            # In the body, the line of the mention; a field is reported on its own line.
            offset = line_offset(text, mention.start) if path == BODY and "\n" in text else 0
            if (path, offset, mention.key) not in seen:
                seen.add((path, offset, mention.key))
                found.append((path, mention, offset))
    return found


def _field_lines(practice: Practice) -> dict[KeyPath, int]:
    """Where each field of a practice stands in its file: a ``Practice`` does not keep that, so the file is
    read again (only for a file with a mention in its front matter)."""
    raw, _problems = load_file(practice.path, practice.path.parent)
    return raw.lines if raw is not None else {}


def _line(lines: dict[KeyPath, int], path: KeyPath, default: int) -> int:
    for end in range(len(path), 0, -1):
        if path[:end] in lines:
            return lines[path[:end]]
    return default


def contact_line(practice: Practice, index: int) -> int:
    """The line of a practice's contact in its file (``index`` counted from 0)."""
    return _line(_field_lines(practice), ("contacts", index), practice.contacts_line)
