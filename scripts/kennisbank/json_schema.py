"""practices/schema.json: a JSON Schema of the front matter, for editors that check YAML while you type.

Generated from ``schema.FIELDS``, the vocabularies and the validator's own patterns, so it cannot say
something other than the validator; ``kennisbank schema`` writes it and a test keeps the committed file
in sync. Draft-07, the version YAML editors support best. A few rules stay with the validator alone:
dates in the future, a date written in quotes, and the Markdown body.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from .patterns import (  # the validator's patterns
    EMAIL_RE,
    HTML_RE,
    INVISIBLE_RE,
    PARTIAL_DATE_RE,
    PHONE_RE,
    URL_RE,
)
from .schema import FIELDS, Field, Kind
from .vocabularies import Vocabularies, Vocabulary

SCHEMA_ID = "https://kennisbank-jeugdwerkloosheid.github.io/kennisbank/schema.json"

_NON_BLANK = r"\S"
_ONE_LINE = r"^\s*[^\n]*\S[^\n]*\s*$"
_ISO_DATE = r"^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$"


def _pattern(regex: str) -> str:
    # JSON Schema patterns are ECMAScript regexes, where an escaped quote is not allowed in unicode mode.
    return regex.replace('\\"', '"')


def _text(fld: Field, one_line: bool) -> dict[str, Any]:
    schema: dict[str, Any] = {
        "type": "string",
        "pattern": _ONE_LINE if one_line else _NON_BLANK,
        "not": {"type": "string", "pattern": _pattern(f"{HTML_RE.pattern}|{INVISIBLE_RE.pattern}")},
    }
    if fld.max_length:
        schema["maxLength"] = fld.max_length
    return schema


def _formatted(regex: str, fmt: str | None = None) -> Any:
    def build(fld: Field, vocabularies: Vocabularies) -> dict[str, Any]:
        schema: dict[str, Any] = {"type": "string", "pattern": _pattern(regex)}
        if fmt:
            schema["format"] = fmt
        if fld.max_length:
            schema["maxLength"] = fld.max_length
        return schema

    return build


def _term(vocabulary: Vocabulary) -> dict[str, Any]:
    return {
        "type": "string",
        "enum": vocabulary.ids,
        # VS Code shows these beside each id while completing; validators ignore the keyword.
        "enumDescriptions": [term.name for term in vocabulary],
        "description": f"Een {vocabulary.label}: " + "; ".join(f"{t.id} = {t.name}" for t in vocabulary),
    }


def _build_text(fld: Field, vocabularies: Vocabularies) -> dict[str, Any]:
    # A number where one line of text is asked (period: 2021) is read as that text.
    return {**_text(fld, one_line=True), "type": ["string", "number"]}


def _build_paragraph(fld: Field, vocabularies: Vocabularies) -> dict[str, Any]:
    return _text(fld, one_line=False)


def _build_text_list(fld: Field, vocabularies: Vocabularies) -> dict[str, Any]:
    return {"type": "array", "items": _build_text(fld, vocabularies), "uniqueItems": True}


def _build_term(fld: Field, vocabularies: Vocabularies) -> dict[str, Any]:
    return _term(vocabularies.by_key(fld.vocabulary or ""))


def _build_term_list(fld: Field, vocabularies: Vocabularies) -> dict[str, Any]:
    schema: dict[str, Any] = {"type": "array", "items": _build_term(fld, vocabularies), "uniqueItems": True}
    if fld.min_items:
        schema["minItems"] = fld.min_items
    if fld.max_items is not None:
        schema["maxItems"] = fld.max_items
    return schema


def _build_date(fld: Field, vocabularies: Vocabularies) -> dict[str, Any]:
    return {"type": "string", "format": "date", "pattern": _ISO_DATE}


def _build_partial_date(fld: Field, vocabularies: Vocabularies) -> dict[str, Any]:
    return {
        "type": ["string", "integer"],
        "pattern": _pattern(PARTIAL_DATE_RE.pattern),
        "minimum": 1000,
        "maximum": 9999,
    }


def _build_bool(fld: Field, vocabularies: Vocabularies) -> dict[str, Any]:
    return {"type": "boolean"}


def _build_int_or_text(fld: Field, vocabularies: Vocabularies) -> dict[str, Any]:
    return {**_text(fld, one_line=False), "type": ["integer", "string"]}


def _build_object(fld: Field, vocabularies: Vocabularies) -> dict[str, Any]:
    return object_schema(fld.fields, vocabularies)


def _build_object_list(fld: Field, vocabularies: Vocabularies) -> dict[str, Any]:
    return {"type": "array", "items": object_schema(fld.fields, vocabularies)}


BUILDERS = {
    Kind.TEXT: _build_text,
    Kind.PARAGRAPH: _build_paragraph,
    Kind.TEXT_LIST: _build_text_list,
    Kind.TERM: _build_term,
    Kind.TERM_LIST: _build_term_list,
    Kind.DATE: _build_date,
    Kind.PARTIAL_DATE: _build_partial_date,
    Kind.EMAIL: _formatted(EMAIL_RE.pattern),
    Kind.PHONE: _formatted(PHONE_RE.pattern),
    Kind.URL: _formatted(URL_RE.pattern, "uri"),
    Kind.BOOL: _build_bool,
    Kind.INT_OR_TEXT: _build_int_or_text,
    Kind.OBJECT: _build_object,
    Kind.OBJECT_LIST: _build_object_list,
}


def field_schema(fld: Field, vocabularies: Vocabularies) -> dict[str, Any]:
    schema = BUILDERS[fld.kind](fld, vocabularies)
    description = fld.description + (" Verplicht." if fld.required else "")
    schema["description"] = description + (f" {schema['description']}" if "description" in schema else "")
    if fld.example:
        schema["examples"] = [fld.example]
    if not fld.required:
        schema = _nullable(schema)
    return schema


def _nullable(schema: dict[str, Any]) -> dict[str, Any]:
    """An optional field may be left empty ('links:'); the validator reads that as absent."""
    types = schema["type"] if isinstance(schema["type"], list) else [schema["type"]]
    schema = {**schema, "type": [*types, "null"]}
    if "enum" in schema:
        schema["enum"] = [*schema["enum"], None]
    return schema


def object_schema(fields: tuple[Field, ...], vocabularies: Vocabularies) -> dict[str, Any]:
    return {
        "type": "object",
        "properties": {fld.name: field_schema(fld, vocabularies) for fld in fields},
        "required": [fld.name for fld in fields if fld.required],
        "additionalProperties": False,
    }


def front_matter_schema(vocabularies: Vocabularies) -> dict[str, Any]:
    return {
        "$schema": "http://json-schema.org/draft-07/schema#",
        "$id": SCHEMA_ID,
        "title": "Praktijkvoorbeeld (front matter)",
        "description": "De velden bovenaan een praktijkvoorbeeld in practices/. Gemaakt met 'kennisbank schema'; "
        "niet met de hand wijzigen.",
        **object_schema(FIELDS, vocabularies),
    }


def render_schema(vocabularies: Vocabularies) -> str:
    return json.dumps(front_matter_schema(vocabularies), ensure_ascii=False, indent=2) + "\n"


def is_current(path: Path, vocabularies: Vocabularies) -> bool:
    try:
        return path.read_text(encoding="utf-8") == render_schema(vocabularies)
    except FileNotFoundError:
        return False
