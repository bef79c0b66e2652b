"""``kennisbank new`` without the prompting: reading answers, and writing a new practice file safely.

The file is written only if it does not exist yet (never overwritten) and only if the rendered text
passes the validator without errors, so what an editor gets is always a valid start.
"""

from __future__ import annotations

import re
from pathlib import Path

from . import vocabulary_suggest
from .errors import KennisbankError, display_path
from .load import split_and_parse
from .names import suggest_slug
from .schema import FIELDS_BY_NAME, MAX_SLUG_LENGTH, RESERVED_SLUGS, SLUG_PATTERN
from .template import Draft, render
from .validation import validate
from .validation.placeholders import MARKER
from .vocabularies import Vocabularies, Vocabulary


class NewPracticeError(KennisbankError):
    """The practice cannot be created as asked; the message says why and what to do."""


def choices_table(vocabulary: Vocabulary) -> list[str]:
    """The numbered choices an editor picks from: '  3  drechtsteden  Drechtsteden'."""
    width = max(len(term.id) for term in vocabulary)
    return [f"{number:>4}  {term.id:<{width}}  {term.name}" for number, term in enumerate(vocabulary, 1)]


def parse_choices(answer: str, vocabulary: Vocabulary, multiple: bool) -> tuple[str, ...]:
    """Turn '2, nazorg' into ids: each part is a number from the table, an id or a name."""
    parts = [part.strip() for part in answer.replace(";", ",").split(",") if part.strip()]
    if not parts:
        raise NewPracticeError(f"kies minstens één {vocabulary.label}")
    if len(parts) > 1 and not multiple:
        raise NewPracticeError(f"kies één {vocabulary.label}")
    ids: list[str] = []
    for part in parts:
        if part.isdigit() and 1 <= int(part) <= len(vocabulary):
            term_id = vocabulary.ids[int(part) - 1]
        else:
            chosen = vocabulary_suggest.choose(part, vocabulary)
            if chosen is None:
                raise NewPracticeError(_unknown_choice(part, vocabulary))
            term_id = chosen
        if term_id not in ids:
            ids.append(term_id)
    return tuple(ids)


def _unknown_choice(part: str, vocabulary: Vocabulary) -> str:
    found = vocabulary_suggest.candidates(part, vocabulary)
    what = f"typ een nummer uit de lijst (1 tot {len(vocabulary)}), een id, een naam of het begin daarvan"
    if len(found) > 1:
        shown = ", ".join(f"'{term_id}'" for term_id in found[: vocabulary_suggest.MAX_SUGGESTIONS])
        more = " ..." if len(found) > vocabulary_suggest.MAX_SUGGESTIONS else ""
        return f"'{part}' kan meer dan één {vocabulary.label} zijn: {shown}{more}; typ meer van de id of de naam"
    if found:
        return f"{vocabulary.unknown} '{part}' — bedoelde je '{found[0]}'? {what[0].upper()}{what[1:]}"
    return f"{vocabulary.unknown} '{part}'; {what}"


def title_problem(title: str) -> str | None:
    """Why a title cannot be used, or None; the full check runs on the rendered file."""
    limit = FIELDS_BY_NAME["title"].max_length or 0
    text = " ".join(title.split())
    if not text:
        return "de titel is leeg"
    if len(text) > limit:
        return f"de titel is {len(text)} tekens; hoogstens {limit}"
    return None


def check_slug(slug: str) -> None:
    if not re.fullmatch(SLUG_PATTERN, slug) or len(slug) > MAX_SLUG_LENGTH:
        raise NewPracticeError(
            f"'{slug}' is geen geldige bestandsnaam: gebruik kleine letters, cijfers en koppeltekens "
            f"(hoogstens {MAX_SLUG_LENGTH} tekens), bijvoorbeeld '{suggest_slug(slug)}'"
        )
    if slug in RESERVED_SLUGS:
        raise NewPracticeError(f"'{slug}' is gereserveerd voor de site zelf; kies een andere bestandsnaam")


def practice_path(directory: Path, draft: Draft, slug: str | None = None) -> Path:
    return directory / f"{slug or draft.slug}.md"


def create_practice(directory: Path, draft: Draft, vocabularies: Vocabularies, slug: str | None = None) -> Path:
    """Write the new practice file and return its path; refuse to overwrite or to write an invalid file."""
    if slug is not None:
        check_slug(slug)
    path = practice_path(directory, draft, slug)
    if path.exists():
        raise NewPracticeError(
            f"{display_path(path)} bestaat al; een bestaand praktijkvoorbeeld wordt nooit overschreven. "
            "Kies een titel die dit voorbeeld onderscheidt, of geef met --slug een andere bestandsnaam"
        )
    text = render(draft, vocabularies)
    raw, problems = split_and_parse(path, display_path(path), path.stem, text)
    if raw is not None:
        _, problems = validate(raw, vocabularies, draft.today)
    errors = [p for p in problems if p.is_error]
    if errors:
        details = "; ".join(f"{p.field}: {p.message}" for p in errors)
        raise NewPracticeError(f"het praktijkvoorbeeld kan zo niet worden gemaakt: {details}")
    if not directory.is_dir():
        raise NewPracticeError(f"de map {display_path(directory)} bestaat niet")
    try:
        with path.open("x", encoding="utf-8", newline="\n") as file:
            file.write(text)
    except FileExistsError:
        raise NewPracticeError(f"{display_path(path)} bestaat al; het wordt niet overschreven") from None
    return path


def next_steps(path: Path) -> list[str]:
    shown = display_path(path)
    return [
        f"Open {shown} en vervang elke invulaanwijzing (de tekst na '{MARKER}:') door eigen tekst.",
        "Vul ook de andere velden in; boven elk veld staat wat erin hoort.",
        f"Controleer het bestand: .venv/bin/kennisbank check {shown}",
        "Bekijk de pagina: make serve, en open http://127.0.0.1:8000",
        "Maak een branch, commit het bestand en open een pull request (zie CONTRIBUTING.md).",
    ]
