"""Stage 2, validate: ``RawPractice`` -> ``Practice``, plus every problem found, with its line.

The rules of one file run in the order of ``RULES``, each with the same ``Context``; all problems of a file are
collected, and a file with errors yields no ``Practice``. The modules, each named for what it checks:

- ``context.py``: the ``Context`` every rule works with (imports no rule);
- ``fields.py``: the front matter, each field by the checker of its kind (``schema.FIELDS``);
- ``body_limits.py`` and ``body.py``: the Markdown body (what keeps the renderer fast, then what it may hold);
- ``withdrawn.py`` with ``mentions.py``: a withdrawn contact named nowhere, inside the file (a rule here) and
  across files and in the vocabularies (``withdrawn_elsewhere``, ``withdrawn_in_vocabularies``, called by the
  catalogue stage), by the one rule of ``mentions.py``;
- ``placeholders.py``: the prompts ``kennisbank new`` leaves (the pipeline's next stage, ``placeholder_problems``).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable
from typing import Any

from ..errors import Problem
from ..facets import FACETS
from ..load import RawPractice
from ..model import Contact, Link, Practice, Source
from ..vocabularies import Vocabularies
from . import body, body_limits, fields, places, withdrawn
from .context import Context
from .placeholders import placeholder_problems
from .withdrawn import withdrawn_elsewhere, withdrawn_in_vocabularies

Rule = Callable[[Context], None]

# First in the body: what keeps the renderer fast (tests/test_body_limits.py runs these alone).
BODY_LIMITS: tuple[Rule, ...] = (
    body_limits.markup_counts,
    body_limits.paragraph_scan,
    body_limits.tag_starts,
    body_limits.nesting,
)

RULES: tuple[Rule, ...] = (
    fields.front_matter,  # first: the rules after it read the values it checked (``Context.values``)
    fields.summary_sentences,
    *BODY_LIMITS,
    body.not_empty,
    body.no_invisible_characters,
    body.no_html,
    body.no_attribute_lists,
    body.allowed_links,
    body.standard_sections,
    withdrawn.in_file,
    places.municipalities_in_region,
)


def validate(
    raw: RawPractice, vocabularies: Vocabularies, today: dt.date | None = None
) -> tuple[Practice | None, list[Problem]]:
    ctx = Context(raw, vocabularies, today or dt.date.today(), [])
    for rule in RULES:
        rule(ctx)
    if any(p.is_error for p in ctx.problems):
        return None, ctx.problems
    return build_practice(raw, ctx.values), ctx.problems


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
        # ``body`` above starts after the blank lines that follow the front matter; offsets into it count
        # from the line where it starts.
        body_line=raw.body_line + len(raw.body) - len(raw.body.lstrip("\n")),
        extra_terms=tuple((f.name, _ids(values.get(f.name, ()))) for f in FACETS if f.name not in _ATTRIBUTES),
    )


_ATTRIBUTES = frozenset(f.name for f in dataclasses.fields(Practice))


def _ids(value: str | tuple[str, ...]) -> tuple[str, ...]:
    return (value,) if isinstance(value, str) else tuple(value)


__all__ = [
    "BODY_LIMITS",
    "RULES",
    "Context",
    "build_practice",
    "placeholder_problems",
    "validate",
    "withdrawn_elsewhere",
    "withdrawn_in_vocabularies",
]
