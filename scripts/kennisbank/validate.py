"""Stage 2, validate: ``RawPractice`` -> ``Practice``, plus every problem found, with its line.

Each field is checked by the checker of its kind (``CHECKERS``), the body by ``BODY_RULES``. All problems
of a file are collected; a file with errors yields no ``Practice``.
"""

from __future__ import annotations

import datetime as dt
import difflib
import functools
import html
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from .errors import Problem, Severity
from .load import KeyPath, RawPractice
from .model import Contact, Link, Practice, Source
from .safety import ALLOWED_SCHEMES, url_scheme
from .schema import BODY_SECTIONS, FIELDS, REVIEW_WARNING_DAYS, Field, Kind
from .vocabularies import Vocabularies


class _Invalid:
    """Marks a value that failed its check (``None`` is a valid 'absent')."""


INVALID = _Invalid()

_EMAIL_RE = re.compile(r"^[A-Za-z0-9._%+'-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}$")
_URL_RE = re.compile(r"^https?://[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*(?::\d+)?(?:[/?#][^\s<>\"]*)?$")
_PHONE_RE = re.compile(r"^\+?[0-9][0-9 ()-]{5,}[0-9]$")
_PARTIAL_DATE_RE = re.compile(r"^\d{4}(?:-(0[1-9]|1[0-2])(?:-(0[1-9]|[12]\d|3[01]))?)?$")
# An HTML tag or comment; Markdown autolinks (<https://...>, <mailto:...>, <a@b.nl>) are not tags.
# Written so that no input makes it backtrack more than linearly; a tag may run over several lines.
_HTML_RE = re.compile(r"<!--|<[!?][A-Za-z\[]|</?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?/?>")
_AUTOLINK_RE = re.compile(r"<(?:[A-Za-z][A-Za-z0-9+.-]*:[^\s<>]*|[^\s<>@]+@[^\s<>@]+)>")
_LINK_OPEN_RE = re.compile(r"\]\(")
# How far to look for a link's target or its opening '[': no real link is longer, and a limit keeps
# a line of ten thousand '](' from taking quadratic time.
_LINK_SCAN = 2048
_INLINE_TARGET_RE = re.compile(r"\s*(?:<([^>\n]*)>|((?:[^\s()]|\([^\s()]*\))*))")
_REF_DEF_RE = re.compile(r"^\s{0,3}\[[^\]]+\]:\s*<?(\S+?)>?(?:\s.*)?$")
_FENCE_RE = re.compile(r"^\s{0,3}(```|~~~)")
_CODE_SPAN_RE = re.compile(r"`+[^`]*`+")
# Python-Markdown's attr_list turns '{: onclick=... }' or '{#id .class style=...}' into HTML attributes.
_ATTR_LIST_RE = re.compile(r"\{[^{}\n]*\}")
_REF_DEF_OPEN_RE = re.compile(r"^\s{0,3}\[[^\]]+\]:\s*$")  # a reference definition whose target is on the next line
_BACKSLASH_ESCAPE_RE = re.compile(r"\\(.)")
# Characters that do not show but change what text means or how it reads: C0/C1 controls (not tab or
# newline), and bidirectional overrides that can make text read differently from what it is.
_INVISIBLE_RE = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
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


@dataclass
class Context:
    raw: RawPractice
    vocabularies: Vocabularies
    today: dt.date
    problems: list[Problem]

    def error(self, path: KeyPath, field_name: str, message: str) -> None:
        self.problems.append(Problem(self.raw.display, self.raw.line(*path), field_name, message))

    def warn(self, path: KeyPath, field_name: str, message: str) -> None:
        self.problems.append(Problem(self.raw.display, self.raw.line(*path), field_name, message, Severity.WARNING))


def validate(
    raw: RawPractice, vocabularies: Vocabularies, today: dt.date | None = None
) -> tuple[Practice | None, list[Problem]]:
    ctx = Context(raw, vocabularies, today or dt.date.today(), [])
    values = check_fields(raw.meta, FIELDS, (), ctx)
    if "summary" in values and len(_SENTENCE_END_RE.findall(values["summary"] + " ")) > 3:
        ctx.warn(
            ("summary",), "summary", "heeft meer dan drie zinnen; houd de samenvatting kort en zet de rest in de tekst"
        )
    for rule in BODY_RULES:
        rule(raw.body, ctx)
    withdrawn_mentions(values, ctx)
    if any(p.is_error for p in ctx.problems):
        return None, ctx.problems
    return build_practice(raw, values), ctx.problems


def check_fields(meta: dict[str, Any], fields: tuple[Field, ...], path: KeyPath, ctx: Context) -> dict[str, Any]:
    """Check a mapping against its declared fields; return the converted values of the valid ones."""
    known = {f.name: f for f in fields}
    label = field_label(path)
    for key in meta:
        if key not in known:
            near = [DUTCH_NAMES[str(key).lower()]] if DUTCH_NAMES.get(str(key).lower()) in known else []
            near = near or difflib.get_close_matches(str(key), known, n=1, cutoff=0.75)
            hint = f" — bedoelde je '{near[0]}'?" if near else f"; toegestaan zijn: {', '.join(known)}"
            ctx.error((*path, str(key)), _join(label, str(key)), f"onbekend veld '{key}'{hint}")
    values: dict[str, Any] = {}
    for fld in fields:
        name = _join(label, fld.name)
        if fld.name not in meta or meta[fld.name] is None:
            if fld.required:
                where = path
                example = f", bijvoorbeeld '{fld.name}: {fld.example}'" if fld.example else ""
                ctx.error(
                    where,
                    name,
                    f"ontbreekt; verplicht veld: {fld.description[0].lower()}{fld.description[1:]}{example}".rstrip(),
                )
            continue
        value = CHECKERS[fld.kind](meta[fld.name], fld, (*path, fld.name), name, ctx)
        if value is not INVALID:
            values[fld.name] = value
    return values


def field_label(path: KeyPath) -> str:
    """("contacts", 0, "email") -> "contacts[1].email": list items counted from 1, as editors count."""
    label = ""
    for part in path:
        label += f"[{part + 1}]" if isinstance(part, int) else (f".{part}" if label else part)
    return label


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
    invisible = _INVISIBLE_RE.search(value)
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
    tag = _HTML_RE.search(text)
    if tag:
        ctx.error(path, name, f"bevat HTML ('{tag.group(0)[:40]}'); schrijf gewone tekst zonder <...>")
        return INVALID
    return text


def _check_text_list(value: Any, fld: Field, path: KeyPath, name: str, ctx: Context) -> Any:
    items = _as_list(value, path, name, ctx)
    if items is None:
        return INVALID
    item_field = Field(fld.name, Kind.TEXT, fld.description, max_length=fld.max_length)
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
    by_name = {t.name.lower(): t.id for t in vocabulary}
    if value.lower() in by_name:
        hint = f" — gebruik de id '{by_name[value.lower()]}'"
    else:
        near = difflib.get_close_matches(value.lower(), vocabulary.ids, n=1, cutoff=0.6)
        hint = f" — bedoelde je '{near[0]}'?" if near else f"; kies uit {fld.vocabulary}.yml"
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
    out = [_check_term(item, fld, (*path, i), name, ctx) for i, item in enumerate(items)]
    if INVALID in out:
        return INVALID
    duplicates = sorted({v for v in out if out.count(v) > 1})
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
    if not _PARTIAL_DATE_RE.match(text):
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


CHECKERS: dict[Kind, Callable[[Any, Field, KeyPath, str, Context], Any]] = {
    Kind.TEXT: _check_text,
    Kind.PARAGRAPH: _check_text,
    Kind.TEXT_LIST: _check_text_list,
    Kind.TERM: _check_term,
    Kind.TERM_LIST: _check_term_list,
    Kind.DATE: _check_date,
    Kind.PARTIAL_DATE: _check_partial_date,
    Kind.EMAIL: _formatted(_EMAIL_RE, "e-mailadres", "naam@organisatie.nl"),
    Kind.PHONE: _formatted(_PHONE_RE, "telefoonnummer", "030 123 45 67"),
    Kind.URL: _formatted(_URL_RE, "webadres (alleen http:// of https://)", "https://www.voorbeeld.nl/pagina"),
    Kind.BOOL: _check_bool,
    Kind.INT_OR_TEXT: _check_int_or_text,
    Kind.OBJECT: _check_object,
    Kind.OBJECT_LIST: _check_object_list,
}


# --- the body ---------------------------------------------------------------------------------------


@functools.lru_cache(maxsize=4)
def _prose_lines(body: str) -> tuple[tuple[int, str], ...]:
    """Body lines outside fenced code, with inline code removed: (offset, text). Every body rule reads
    them, so they are made once per body (a fifth of ``kennisbank check`` at 10,000 practices)."""
    if "`" not in body and "~~~" not in body:  # no code at all: every line is prose, as it is
        return tuple(enumerate(body.split("\n")))
    out, in_fence = [], False
    for offset, line in enumerate(body.split("\n")):
        if _FENCE_RE.match(line):
            in_fence = not in_fence
            continue
        if not in_fence:
            out.append((offset, _CODE_SPAN_RE.sub("", line)))
    return tuple(out)


def _body_error(ctx: Context, offset: int, message: str, severity: Severity = Severity.ERROR) -> None:
    ctx.problems.append(Problem(ctx.raw.display, ctx.raw.body_line + offset, "body", message, severity))


def _rule_not_empty(body: str, ctx: Context) -> None:
    if not body.strip():
        _body_error(
            ctx,
            0,
            "is leeg; schrijf onder de front matter de tekst met de secties "
            + ", ".join(f"'## {s}'" for s in BODY_SECTIONS),
        )


def _rule_no_html(body: str, ctx: Context) -> None:
    if "<" not in body:  # every tag and comment starts with '<' (most bodies have none)
        return
    prose = dict(_prose_lines(body))
    # One text with the body's line structure (code blanked out), so a tag split over lines is found too;
    # autolinks become spaces of the same length so offsets stay put.
    text = "\n".join(
        _AUTOLINK_RE.sub(lambda m: " " * len(m.group(0)), prose.get(i, "")) for i in range(body.count("\n") + 1)
    )
    reported: set[int] = set()
    for match in _HTML_RE.finditer(text):
        offset = text.count("\n", 0, match.start())
        if offset not in reported:
            reported.add(offset)
            _body_error(
                ctx,
                offset,
                f"bevat HTML ('{' '.join(match.group(0).split())[:40]}'); de kennisbank gebruikt alleen "
                "Markdown, bijvoorbeeld **vet**, *schuin* en [tekst](https://...)",
            )


def _link_targets(lines: Sequence[tuple[int, str]]) -> list[tuple[int, bool, str]]:
    """(offset, is_image, target) of every inline link, autolink and reference definition."""
    out: list[tuple[int, bool, str]] = []
    for index, (offset, line) in enumerate(lines):
        # Every '](' opens a link target, whatever the title or nesting around it looks like.
        for match in _LINK_OPEN_RE.finditer(line):
            target = _inline_target(line[match.end() : match.end() + _LINK_SCAN])
            opening = line.rfind("[", max(0, match.start() - _LINK_SCAN), match.start())
            out.append((offset, opening > 0 and line[opening - 1] == "!", target))
        if "<" in line:  # an autolink's first character; most lines have none
            out += [(offset, False, m.group(0)[1:-1]) for m in _AUTOLINK_RE.finditer(line)]
        ref = _REF_DEF_RE.match(line) if "]:" in line else None
        if ref:
            out.append((offset, False, ref.group(1)))
        elif "]:" in line and _REF_DEF_OPEN_RE.match(line) and index + 1 < len(lines):
            following = lines[index + 1][1].split()
            if following:
                out.append((offset, False, following[0].strip("<>")))
    return out


def _inline_target(rest: str) -> str:
    """The target of an inline link from just after '](': angle-bracketed, or up to a space or the ')'
    that closes it (one level of parentheses inside, as in Wikipedia URLs)."""
    match = _INLINE_TARGET_RE.match(rest)
    return (match.group(1) if match and match.group(1) is not None else match.group(2) if match else "") or ""


def _rule_links(body: str, ctx: Context) -> None:
    reported: set[tuple[int, str]] = set()
    for offset, is_image, target in _link_targets(_prose_lines(body)):
        message = _link_problem(is_image, target)
        if message and (offset, message) not in reported:
            reported.add((offset, message))
            _body_error(ctx, offset, message)


def _link_problem(is_image: bool, target: str) -> str | None:
    if is_image:
        return (
            "bevat een afbeelding; afbeeldingen worden niet ondersteund (ze laden "
            "vaak van andere sites); beschrijf wat erop staat of link ernaar"
        )
    # What the browser will see: Markdown keeps character references and drops backslash escapes.
    decoded = html.unescape(_BACKSLASH_ESCAPE_RE.sub(r"\1", target)).strip()
    scheme = url_scheme(decoded)
    shown = target[:60]
    if not scheme:
        if "@" in decoded or decoded.startswith("#") or not decoded:
            return None  # <naam@organisatie.nl> is an e-mail autolink; '#kop' a link within the page
        return f"link '{shown}' is geen volledig webadres; begin met https://, http:// of mailto:"
    if scheme not in ALLOWED_SCHEMES or decoded.split(":", 1)[0].lower() != scheme:
        return f"link '{shown}' is niet toegestaan; gebruik https://, http:// of mailto:"
    if scheme == "mailto":
        address = decoded.split(":", 1)[1].split("?", 1)[0]
        if not _EMAIL_RE.match(address):
            return f"link '{shown}' bevat geen geldig e-mailadres, bijvoorbeeld mailto:naam@organisatie.nl"
    elif not _URL_RE.match(decoded):
        return f"link '{shown}' is geen geldig webadres, bijvoorbeeld https://www.voorbeeld.nl/pagina"
    return None


def _rule_no_attributes(body: str, ctx: Context) -> None:
    if "{" not in body:
        return
    for offset, line in _prose_lines(body):
        match = _ATTR_LIST_RE.search(line)
        if match:
            _body_error(
                ctx,
                offset,
                f"bevat '{match.group(0)[:40]}': tekst tussen accolades geeft in Markdown HTML-attributen aan een "
                "alinea, kop of link, en dat is niet toegestaan; laat de accolades weg of gebruik haakjes ( )",
            )


def _rule_no_invisible(body: str, ctx: Context) -> None:
    if not _INVISIBLE_RE.search(body):  # one pass over the whole body; lines only where one is
        return
    for offset, line in enumerate(body.split("\n")):
        match = _INVISIBLE_RE.search(line)
        if match:
            _body_error(
                ctx,
                offset,
                f"bevat een onzichtbaar teken (U+{ord(match.group(0)):04X}); typ de tekst op deze regel opnieuw",
            )


def _rule_sections(body: str, ctx: Context) -> None:
    if not body.strip():
        return
    headings = [(offset, line[3:].strip()) for offset, line in _prose_lines(body) if line.startswith("## ")]
    found = [h for _, h in headings]
    missing = [s for s in BODY_SECTIONS if s not in found]
    if missing:
        _body_error(
            ctx,
            0,
            f"sectie '## {missing[0]}' ontbreekt; de vaste secties zijn, in deze volgorde: " + ", ".join(BODY_SECTIONS),
            Severity.WARNING,
        )
        return
    order = [found.index(s) for s in BODY_SECTIONS]
    if order != sorted(order):
        _body_error(ctx, 0, "de vaste secties staan niet in de volgorde " + ", ".join(BODY_SECTIONS), Severity.WARNING)
    for offset, line in _prose_lines(body):
        if line.startswith("# "):
            _body_error(
                ctx, offset, "gebruik geen kop van niveau 1 ('# '); de titel komt uit 'title'", Severity.WARNING
            )


BODY_RULES: tuple[Callable[[str, Context], None], ...] = (
    _rule_not_empty,
    _rule_no_invisible,
    _rule_no_html,
    _rule_no_attributes,
    _rule_links,
    _rule_sections,
)


def withdrawn_mentions(values: dict[str, Any], ctx: Context) -> None:
    """A withdrawn contact's name or e-mail must not be published anywhere else in the file either:
    the privacy page promises that it disappears from the site."""
    for index, contact in enumerate(values.get("contacts", ())):
        if not contact.get("withdrawn"):
            continue
        for needle in (contact.get("name", ""), contact.get("email", "")):
            if not needle:
                continue
            for offset, line in enumerate(ctx.raw.body.split("\n")):
                if needle.casefold() in line.casefold():
                    _body_error(
                        ctx,
                        offset,
                        f"noemt '{needle}', maar die contactpersoon is teruggetrokken (withdrawn: true bij "
                        f"contacts[{index + 1}]); haal de naam weg of schrijf de functie of organisatie",
                    )
            for key in ("title", "summary", "period", "key_figures", "organisations"):
                if needle.casefold() in str(values.get(key, "")).casefold():
                    ctx.error(
                        (key,),
                        key,
                        f"noemt '{needle}', maar die contactpersoon is teruggetrokken (withdrawn: true bij "
                        f"contacts[{index + 1}]); haal de naam weg",
                    )


def build_practice(raw: RawPractice, values: dict[str, Any]) -> Practice:
    return Practice(
        slug=raw.slug,
        path=raw.path,
        title=values["title"],
        summary=values["summary"],
        region=values["region"],
        themes=values["themes"],
        target_groups=values["target_groups"],
        phases=values["phases"],
        evidence=values["evidence"],
        contacts=tuple(Contact(**c) for c in values["contacts"]),
        source=Source(**values["source"]),
        last_reviewed=values["last_reviewed"],
        body=raw.body.strip("\n") + "\n",
        municipalities=values.get("municipalities", ()),
        organisations=values.get("organisations", ()),
        success_factors=values.get("success_factors", ()),
        period=values.get("period", ""),
        key_figures=values.get("key_figures", ()),
        links=tuple(Link(**link) for link in values.get("links", ())),
        title_line=raw.line("title"),
        contacts_line=raw.line("contacts"),
        body_line=raw.body_line,
    )
