"""The front matter's rules: each field is checked by the checker of its kind (``CHECKERS``), against its
declaration in ``schema.FIELDS``; the valid values, converted, go to ``Context.values``.
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
from collections.abc import Callable
from typing import Any

from .. import vocabulary_suggest
from ..errors import field_label
from ..load import KeyPath
from ..patterns import EMAIL_RE, HTML_RE, INVISIBLE_RE, PARTIAL_DATE_RE, PHONE_RE, URL_RE
from ..schema import FIELDS, REVIEW_WARNING_DAYS, Field, Kind
from .context import Context


class _Invalid:
    """Marks a value that failed its check (``None`` is a valid 'absent')."""


INVALID = _Invalid()

_SENTENCE_END_RE = re.compile(r"[.!?](?=\s+[A-Z0-9\"'‘(])|[.!?]\s*$")


# Editors write Dutch; the field names are English. The Dutch word points to the field it means.
DUTCH_NAMES: dict[str, str] = {
    "titel": "title",
    "samenvatting": "summary",
    "regio": "region",
    "gemeenten": "municipalities",
    "organisaties": "organisations",
    "themas": "themes",
    "thema's": "themes",
    "doelgroepen": "target_groups",
    "fasen": "phases",
    "bewijsniveau": "evidence",
    "looptijd": "period",
    "kerncijfers": "key_figures",
    "contactpersonen": "contacts",
    "contacten": "contacts",
    "bron": "source",
    "gecontroleerd": "last_reviewed",
    "naam": "name",
    "functie": "role",
    "rol": "role",
    "organisatie": "organisation",
    "telefoon": "phone",
    "telefoonnummer": "phone",
    "e-mail": "email",
    "mail": "email",
    "teruggetrokken": "withdrawn",
    "uitgever": "publisher",
    "auteur": "publisher",
    "datum": "date",
    "pagina": "page",
    "webadres": "url",
    "link": "url",
}


def front_matter(ctx: Context) -> None:
    """Every declared field by the checker of its kind, and every undeclared one named with a hint."""
    ctx.values = check_fields(ctx.raw.meta, FIELDS, (), ctx)


def summary_sentences(ctx: Context) -> None:
    """A summary is shown on every overview: a warning past three sentences."""
    if "summary" in ctx.values and len(_SENTENCE_END_RE.findall(ctx.values["summary"] + " ")) > 3:
        ctx.warn(
            ("summary",), "summary", "heeft meer dan drie zinnen; houd de samenvatting kort en zet de rest in de tekst"
        )


def check_fields(meta: dict[str, Any], fields: tuple[Field, ...], path: KeyPath, ctx: Context) -> dict[str, Any]:
    """Check a mapping against its declared fields; return the converted values of the valid ones."""
    known, checks = _plan(fields)
    label = field_label(path)
    if not meta.keys() <= known.keys():  # a field name that is not declared
        for key in meta:
            if key not in known:
                near = [DUTCH_NAMES[str(key).lower()]] if DUTCH_NAMES.get(str(key).lower()) in known else []
                near = near or difflib.get_close_matches(str(key), known, n=1, cutoff=0.75)
                hint = f" — bedoelde je '{near[0]}'?" if near else f"; toegestaan zijn: {', '.join(known)}"
                ctx.error((*path, str(key)), _join(label, str(key)), f"onbekend veld '{key}'{hint}")
    values: dict[str, Any] = {}
    for fld, checker in checks:
        name = f"{label}.{fld.name}" if label else fld.name
        value = meta.get(fld.name)
        if value is None:  # absent or empty
            if fld.required:
                where = path
                example = f", bijvoorbeeld '{fld.name}: {fld.example}'" if fld.example else ""
                ctx.error(
                    where,
                    name,
                    f"ontbreekt; verplicht veld: {fld.description[0].lower()}{fld.description[1:]}{example}".rstrip(),
                )
            continue
        value = checker(value, fld, (*path, fld.name), name, ctx)
        if value is not INVALID:
            values[fld.name] = value
    return values


Checker = Callable[[Any, Field, KeyPath, str, Context], Any]
# Per tuple of fields: the fields by name and each field with its checker, made once instead of for every
# mapping checked (the schema's tuples live as long as the program; the tuple is kept to check identity).
_PLANS: dict[int, tuple[tuple[Field, ...], dict[str, Field], tuple[tuple[Field, Checker], ...]]] = {}


def _plan(fields: tuple[Field, ...]) -> tuple[dict[str, Field], tuple[tuple[Field, Checker], ...]]:
    plan = _PLANS.get(id(fields))
    if plan is None or plan[0] is not fields:
        plan = _PLANS[id(fields)] = (fields, {f.name: f for f in fields}, tuple((f, CHECKERS[f.kind]) for f in fields))
    return plan[1], plan[2]


def _join(prefix: str, name: str) -> str:
    return f"{prefix}.{name}" if prefix else name


def _type_name(value: Any) -> str:
    names = {
        bool: "ja/nee-waarde",
        int: "getal",
        float: "getal",
        str: "tekst",
        list: "lijst",
        dict: "velden",
        dt.date: "datum",
        dt.datetime: "datum met tijd",
    }
    return names.get(type(value), type(value).__name__)


def _check_text(value: Any, fld: Field, path: KeyPath, name: str, ctx: Context) -> Any:
    if not isinstance(value, str):
        if fld.kind is Kind.TEXT and isinstance(value, int | float) and not isinstance(value, bool):
            value = str(value)  # a number where text is asked, e.g. a period '2021', is meant as text
        elif isinstance(value, dict):
            ctx.error(
                path,
                name,
                "verwacht tekst, maar de regel is gelezen als 'naam: waarde'; staat er een "
                "dubbele punt met een spatie in? Zet de tekst dan tussen aanhalingstekens",
            )
            return INVALID
        elif isinstance(value, bool):
            ctx.error(
                path,
                name,
                "verwacht tekst, maar YAML leest de waarde als ja/nee (zoals yes, no, true, false, on, off); "
                "zet de tekst tussen aanhalingstekens",
            )
            return INVALID
        elif isinstance(value, list):
            ctx.error(path, name, "verwacht één tekst, niet een lijst; schrijf de tekst zonder '- ' of [ ]")
            return INVALID
        else:
            ctx.error(path, name, f"verwacht tekst, niet een {_type_name(value)}; zet de tekst tussen aanhalingstekens")
            return INVALID
    text = " ".join(value.split()) if fld.kind is not Kind.PARAGRAPH else value.strip()
    if not text:
        ctx.error(path, name, "is leeg; vul het in, of laat het veld weg als het niet verplicht is")
        return INVALID
    invisible = INVISIBLE_RE.search(value)
    if invisible:
        ctx.error(
            path,
            name,
            f"bevat een onzichtbaar teken (U+{ord(invisible.group(0)):04X}); typ de tekst opnieuw zonder dat teken",
        )
        return INVALID
    if fld.kind is Kind.TEXT and "\n" in value.strip():
        ctx.error(path, name, "moet op één regel staan; haal de regelovergang weg")
        return INVALID
    if fld.max_length and len(text) > fld.max_length:
        ctx.error(path, name, f"is {len(text)} tekens; hoogstens {fld.max_length}: maak het korter")
        return INVALID
    tag = HTML_RE.search(text) if "<" in text else None  # every tag and comment starts with '<'
    if tag:
        ctx.error(path, name, f"bevat HTML ('{tag.group(0)[:40]}'); schrijf gewone tekst zonder <...>")
        return INVALID
    return text


def _check_text_list(value: Any, fld: Field, path: KeyPath, name: str, ctx: Context) -> Any:
    items = _as_list(value, path, name, ctx)
    if items is None:
        return INVALID
    item_field = _item_field(fld)
    out = [_check_text(item, item_field, (*path, i), f"{name}[{i + 1}]", ctx) for i, item in enumerate(items)]
    if INVALID in out:
        return INVALID
    seen: dict[str, int] = {}
    for i, item in enumerate(out):
        key = item.casefold()
        if key in seen:
            ctx.error(
                (*path, i),
                f"{name}[{i + 1}]",
                f"'{item}' staat er al (als nummer {seen[key] + 1}); noem elke waarde één keer",
            )
            return INVALID
        seen[key] = i
    return tuple(out)


_ITEM_FIELDS: dict[int, tuple[Field, Field]] = {}


def _item_field(fld: Field) -> Field:
    """The field of one item of a text list: made once per list field, not for every list checked."""
    cached = _ITEM_FIELDS.get(id(fld))
    if cached is None or cached[0] is not fld:
        cached = _ITEM_FIELDS[id(fld)] = (fld, Field(fld.name, Kind.TEXT, fld.description, max_length=fld.max_length))
    return cached[1]


def _as_list(value: Any, path: KeyPath, name: str, ctx: Context) -> list[Any] | None:
    if isinstance(value, list):
        return value
    if isinstance(value, str):
        ctx.error(
            path,
            name,
            f"verwacht een lijst, niet tekst; schrijf [{value}] of elke waarde op een eigen regel die begint met '- '",
        )
    elif isinstance(value, dict):
        ctx.error(
            path, name, "verwacht een lijst; zet '- ' voor het eerste veld van elk item, bijvoorbeeld '  - name: ...'"
        )
    else:
        ctx.error(path, name, f"verwacht een lijst, niet een {_type_name(value)}; bijvoorbeeld [a, b]")
    return None


def _check_term(value: Any, fld: Field, path: KeyPath, name: str, ctx: Context) -> Any:
    vocabulary = ctx.vocabularies.by_key(fld.vocabulary or "")
    if not isinstance(value, str):
        ctx.error(path, name, f"verwacht een {vocabulary.label}-id (tekst), niet een {_type_name(value)}")
        return INVALID
    if value in vocabulary:
        return value
    named = vocabulary_suggest.exact(value, vocabulary)
    if named is not None:
        hint = f" — gebruik de id '{named}'"
    else:
        hint = vocabulary_suggest.hint(value, vocabulary, f"{fld.vocabulary}.yml")
    ctx.error(path, name, f"{vocabulary.unknown} '{value}'{hint}")
    return INVALID


def _check_term_list(value: Any, fld: Field, path: KeyPath, name: str, ctx: Context) -> Any:
    items = _as_list(value, path, name, ctx)
    if items is None:
        return INVALID
    if len(items) < fld.min_items:
        example_id = next(iter(ctx.vocabularies.by_key(fld.vocabulary or "").ids), "id")
        ctx.error(path, name, f"noem er minstens {fld.min_items}, bijvoorbeeld [{example_id}]")
        return INVALID
    vocabulary = ctx.vocabularies.by_key(fld.vocabulary or "")
    if all(isinstance(item, str) and item in vocabulary for item in items):
        out = items  # what _check_term returns for each of them: the id itself
    else:
        out = [_check_term(item, fld, (*path, i), name, ctx) for i, item in enumerate(items)]
        if INVALID in out:
            return INVALID
    duplicates = sorted({v for v in out if out.count(v) > 1}) if len(set(out)) < len(out) else None
    if duplicates:
        ctx.error(path, name, f"'{duplicates[0]}' staat er meer dan eens in; noem elke id één keer")
        return INVALID
    return tuple(out)


def _check_date(value: Any, fld: Field, path: KeyPath, name: str, ctx: Context) -> Any:
    if isinstance(value, dt.datetime):
        ctx.error(path, name, f"bevat een tijd; schrijf alleen de datum: {value.date().isoformat()}")
        return INVALID
    if not isinstance(value, dt.date):
        shown = f"'{value}'" if isinstance(value, str | int | float) and not isinstance(value, bool) else None
        what = shown or f"een {_type_name(value)}"
        ctx.error(path, name, f"{what} is geen datum in de vorm JJJJ-MM-DD, bijvoorbeeld {fld.example}")
        return INVALID
    if value > ctx.today:
        ctx.error(path, name, f"{value.isoformat()} ligt in de toekomst; vul de datum van vandaag of eerder in")
        return INVALID
    if fld.name == "last_reviewed" and (ctx.today - value).days > REVIEW_WARNING_DAYS:
        ctx.warn(
            path,
            name,
            f"laatst gecontroleerd op {value.isoformat()}, meer dan twee jaar geleden; "
            "controleer het voorbeeld en zet de datum van vandaag",
        )
    return value


def _check_partial_date(value: Any, fld: Field, path: KeyPath, name: str, ctx: Context) -> Any:
    if isinstance(value, dt.datetime):
        ctx.error(path, name, f"bevat een tijd; schrijf alleen de datum: {value.date().isoformat()}")
        return INVALID
    if isinstance(value, dt.date):
        text = value.isoformat()
    elif isinstance(value, int) and not isinstance(value, bool):
        text = str(value)
    elif isinstance(value, str):
        text = value.strip()
    else:
        ctx.error(path, name, f"verwacht een datum (JJJJ, JJJJ-MM of JJJJ-MM-DD), niet een {_type_name(value)}")
        return INVALID
    if not PARTIAL_DATE_RE.match(text):
        ctx.error(
            path, name, f"'{text}' is geen datum in de vorm JJJJ, JJJJ-MM of JJJJ-MM-DD, bijvoorbeeld {fld.example}"
        )
        return INVALID
    if text > ctx.today.isoformat()[: len(text)]:
        ctx.error(path, name, f"{text} ligt in de toekomst; vul de datum van de bron in")
        return INVALID
    return text


def _formatted(pattern: re.Pattern[str], what: str, example: str) -> Callable[..., Any]:
    def check(value: Any, fld: Field, path: KeyPath, name: str, ctx: Context) -> Any:
        text = _check_text(value, fld, path, name, ctx)
        if text is INVALID:
            return INVALID
        if not pattern.match(text):
            ctx.error(path, name, f"'{text}' is geen geldig {what}, bijvoorbeeld {example}")
            return INVALID
        return text

    return check


def _check_int_or_text(value: Any, fld: Field, path: KeyPath, name: str, ctx: Context) -> Any:
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    return _check_text(value, fld, path, name, ctx)


def _check_bool(value: Any, fld: Field, path: KeyPath, name: str, ctx: Context) -> Any:
    if not isinstance(value, bool):
        shown = f"'{value}'" if isinstance(value, str | int | float) else f"een {_type_name(value)}"
        ctx.error(path, name, f"verwacht true of false (zonder aanhalingstekens), niet {shown}")
        return INVALID
    return value


def _check_object(value: Any, fld: Field, path: KeyPath, name: str, ctx: Context) -> Any:
    if not isinstance(value, dict):
        sub = ", ".join(f"{f.name}: ..." for f in fld.fields if f.required)
        ctx.error(
            path,
            name,
            f"verwacht velden op de regels eronder, twee spaties ingesprongen ({sub}), niet een {_type_name(value)}",
        )
        return INVALID
    before = len(ctx.problems)
    values = check_fields(value, fld.fields, path, ctx)
    return INVALID if any(p.is_error for p in ctx.problems[before:]) else values


def _check_object_list(value: Any, fld: Field, path: KeyPath, name: str, ctx: Context) -> Any:
    items = _as_list(value, path, name, ctx)
    if items is None:
        return INVALID
    out = [_check_object(item, fld, (*path, i), f"{name}[{i + 1}]", ctx) for i, item in enumerate(items)]
    return INVALID if INVALID in out else tuple(out)


CHECKERS: dict[Kind, Checker] = {
    Kind.TEXT: _check_text,
    Kind.PARAGRAPH: _check_text,
    Kind.TEXT_LIST: _check_text_list,
    Kind.TERM: _check_term,
    Kind.TERM_LIST: _check_term_list,
    Kind.DATE: _check_date,
    Kind.PARTIAL_DATE: _check_partial_date,
    Kind.EMAIL: _formatted(EMAIL_RE, "e-mailadres", "naam@organisatie.nl"),
    Kind.PHONE: _formatted(PHONE_RE, "telefoonnummer", "030 123 45 67"),
    Kind.URL: _formatted(URL_RE, "webadres (alleen http:// of https://)", "https://www.voorbeeld.nl/pagina"),
    Kind.BOOL: _check_bool,
    Kind.INT_OR_TEXT: _check_int_or_text,
    Kind.OBJECT: _check_object,
    Kind.OBJECT_LIST: _check_object_list,
}
