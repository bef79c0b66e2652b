"""The file ``kennisbank new`` writes: every front-matter field with a short Dutch comment, and the body's
standard sections with a prompt under each.

Rendered from ``schema.FIELDS`` and the vocabularies, so a field or term added there appears here too.
What the editor still has to write is marked with ``placeholders.MARKER``; the file is valid as written.
"""

from __future__ import annotations

import datetime as dt
import json
import textwrap
from collections.abc import Iterator
from dataclasses import dataclass

from .names import suggest_slug
from .schema import BODY_SECTIONS, FIELDS, Field, Kind
from .validation.placeholders import placeholder
from .vocabularies import Vocabularies

SCHEMA_MODELINE = "# yaml-language-server: $schema=schema.json"
# Vocabularies up to this size are listed in the comment; longer ones are referred to by file name.
_LISTED_TERMS = 12
_WIDTH = 100

# The evidence level a new practice starts at: the lowest rung, which every described practice reaches.
DEFAULT_EVIDENCE = "beschreven"

# Texts the editor must replace, by dotted field path; each passes validation as written.
PLACEHOLDERS: dict[str, str] = {
    "summary": placeholder("vat in één tot drie zinnen samen wat de aanpak doet en voor wie."),
    "source.title": placeholder("titel van het document waaruit het voorbeeld komt"),
}
PHASES_PROMPT = placeholder("kies de fasen waarin de aanpak werkt en haal deze aanwijzing weg")

# What each body section is for, as the prompt under its heading.
SECTION_PROMPTS: dict[str, str] = {
    "Het vraagstuk": "Welk probleem pakt de aanpak aan, en bij welke jongeren speelt het?",
    "De aanpak": "Wat doen de partners, wie doet wat, en sinds wanneer? Een opsomming met '- ' mag.",
    "Resultaten": "Wat heeft de aanpak opgeleverd volgens de bron? Wat de bron niet geeft, komt in één "
    "laatste alinea: 'Niet in de bron: ...'.",
    "Wat werkt": "Wat maakt dat de aanpak werkt? Noem twee tot vijf punten, elk op een regel met '- '.",
    "Aandachtspunten": "Waar moet een regio op letten die dit wil overnemen? Noem een tot vier punten.",
    "Meer informatie": "Bij wie kan een lezer terecht, en uit welk document en welke pagina komt het voorbeeld? "
    "Noemt de bron niemand, dan zegt de pagina dat zelf (contacts: []).",
}
_LIST_SECTIONS = frozenset({"Wat werkt", "Aandachtspunten"})

# Example values shown in the commented-out lines of optional fields, by dotted field path.
EXAMPLES: dict[str, str] = {
    "period": "2021–2024",
    "contacts.name": "Voornaam Achternaam",
    "contacts.role": "beleidsadviseur",
    "contacts.organisation": "Gemeente Voorbeeldstad",
    "contacts.email": "naam@voorbeeldstad.nl",
    "contacts.phone": "030 123 45 67",
    "contacts.withdrawn": "false",
    "links.title": "Website van het project",
    "links.url": "https://www.voorbeeldstad.nl/project",
    "source.publisher": "Naam van de uitgever",
    "source.page": "5",
    "source.url": "https://www.voorbeeldstad.nl/brochure.pdf",
}
_KIND_EXAMPLES: dict[Kind, str] = {
    Kind.TEXT: "tekst",
    Kind.PARAGRAPH: "tekst",
    Kind.TEXT_LIST: "[]",
    Kind.TERM: "id",
    Kind.TERM_LIST: "[]",
    Kind.DATE: "2026-01-31",
    Kind.PARTIAL_DATE: "2026-01",
    Kind.EMAIL: "naam@organisatie.nl",
    Kind.PHONE: "030 123 45 67",
    Kind.URL: "https://www.voorbeeld.nl/pagina",
    Kind.BOOL: "false",
    Kind.INT_OR_TEXT: "1",
    Kind.OBJECT: "",
    Kind.OBJECT_LIST: "[]",
}


@dataclass(frozen=True)
class Draft:
    """What the editor told ``kennisbank new``; the rest of the file is the template."""

    title: str
    region: str
    themes: tuple[str, ...]
    target_groups: tuple[str, ...]
    today: dt.date
    phases: tuple[str, ...] = ()

    @property
    def slug(self) -> str:
        return suggest_slug(self.title)


def render(draft: Draft, vocabularies: Vocabularies) -> str:
    given: dict[str, str] = {
        "title": _quote(draft.title),
        "region": draft.region,
        "themes": _flow(draft.themes),
        "target_groups": _flow(draft.target_groups),
        "evidence": DEFAULT_EVIDENCE,
        "last_reviewed": draft.today.isoformat(),
        **{path: _quote(text) for path, text in PLACEHOLDERS.items()},
    }
    if draft.phases:
        given["phases"] = _flow(draft.phases)
    else:
        # phases is required, so it needs a valid value; the marker in the comment keeps it flagged.
        given["phases"] = f"[{vocabularies.phases.ids[0]}]  # {PHASES_PROMPT}"
    lines = [
        "---",
        SCHEMA_MODELINE,
        "# Een nieuw praktijkvoorbeeld. Boven elk veld staat wat erin hoort; velden met een # ervoor zijn",
        "# niet verplicht: haal de # weg om ze te gebruiken. Uitleg en voorbeelden: CONTRIBUTING.md.",
    ]
    for fld in FIELDS:
        lines.append("")
        lines.extend(_field_lines(fld, "", given, vocabularies, ""))
    lines.append("---")
    for section in BODY_SECTIONS:
        prompt = placeholder(SECTION_PROMPTS[section])
        lines.extend(["", f"## {section}", "", f"- {prompt}" if section in _LIST_SECTIONS else prompt])
    return "\n".join(lines) + "\n"


def _field_lines(fld: Field, parent: str, given: dict[str, str], vocabularies: Vocabularies, indent: str) -> list[str]:
    path = f"{parent}.{fld.name}" if parent else fld.name
    out = [f"{indent}# {line}" for line in _wrap(_comment(fld, vocabularies), _WIDTH - len(indent) - 2)]
    if path in given:
        out.append(f"{indent}{fld.name}: {given[path]}")
    elif fld.kind is Kind.OBJECT:
        out.append(f"{indent}{fld.name}:")
        for sub in fld.fields:
            out.extend(_field_lines(sub, path, given, vocabularies, indent + "  "))
    elif fld.kind is Kind.OBJECT_LIST:
        out.append(f"{indent}# Een voorbeeld (haal de # weg en vul in; herhaal vanaf '- ' voor de volgende):")
        out.append(f"{indent}# {fld.name}:")
        examples = [f"{'- ' if n == 0 else '  '}{sub.name}: {_example(sub, path)}" for n, sub in enumerate(fld.fields)]
        width = max(len(example) for example in examples) + 2
        for example, sub in zip(examples, fld.fields, strict=True):
            required = "verplicht; " if sub.required else ""
            out.append(f"{indent}#   {example:<{width}}# {required}{_first_sentence(sub.description)}")
        out.append(f"{indent}{fld.name}: []")
    elif fld.kind in (Kind.TEXT_LIST, Kind.TERM_LIST):
        out.append(f"{indent}{fld.name}: []")
    else:
        out.append(f"{indent}# {fld.name}: {_example(fld, parent)}")
    return out


def _comment(fld: Field, vocabularies: Vocabularies) -> str:
    text = fld.description + (" Verplicht." if fld.required else "")
    if fld.vocabulary:
        vocabulary = vocabularies.by_key(fld.vocabulary)
        if len(vocabulary) <= _LISTED_TERMS:
            text += " Kies uit: " + ", ".join(vocabulary.ids) + "."
        else:
            text += f" De ids staan in practices/vocabularies/{fld.vocabulary}.yml."
    return text


def _example(fld: Field, parent: str) -> str:
    path = f"{parent}.{fld.name}" if parent else fld.name
    return EXAMPLES.get(path) or fld.example or _KIND_EXAMPLES[fld.kind]


def _first_sentence(text: str) -> str:
    return text.split(": ")[0].split(". ")[0].rstrip(".")


def _wrap(text: str, width: int) -> Iterator[str]:
    yield from textwrap.wrap(text, width=width, break_long_words=False, break_on_hyphens=False)


def _quote(text: str) -> str:
    """A YAML double-quoted scalar; JSON's string syntax is valid YAML."""
    return json.dumps(text, ensure_ascii=False)


def _flow(ids: tuple[str, ...]) -> str:
    return "[" + ", ".join(ids) + "]"
