"""The body limits (validation/body_limits.py): the worst bodies they accept render quickly with the extensions of
mkdocs.yml, and the bodies that made the renderer slow or crash are refused with a message."""

from __future__ import annotations

import datetime as dt
import time
from pathlib import Path
from typing import Any

import markdown
import pytest
from mkdocs.config import load_config

from kennisbank.load import RawPractice
from kennisbank.schema import MARKUP_CHARACTERS, MAX_BODY_NESTING, MAX_MARKUP_CHARACTERS
from kennisbank.validation import BODY_LIMITS, Context

from .conftest import REPO

# What an accepted body may take to render, in CPU seconds: "well under a second". The worst measured on the
# development machine is a quarter of this.
RENDER_LIMIT = 1.0
TEXT = "Jongeren vinden werk met een vaste coach. "  # 42 characters of plain prose
TAIL = "\n\n".join([TEXT * 20] * 200)  # 170,000 characters of paragraphs after the markup


def limit_problems(body: str) -> list[str]:
    raw = RawPractice(Path("x.md"), "x.md", "x", {}, {}, body, 1, 0)
    ctx = Context(raw, None, dt.date(2026, 11, 22), [])  # type: ignore[arg-type]  # the limits need no vocabularies
    for rule in BODY_LIMITS:
        rule(ctx)
    return [f"{p.line}: {p.message}" for p in ctx.problems]


def render_seconds(body: str) -> float:
    config: Any = load_config(config_file=str(REPO / "mkdocs.yml"))
    md = markdown.Markdown(extensions=config["markdown_extensions"], extension_configs=config["mdx_configs"])
    start = time.process_time()
    md.convert(body)
    return time.process_time() - start


N = MAX_MARKUP_CHARACTERS


def _most(char: str, filler: str = "") -> str:
    """As many of ``char`` as accepted, each followed by ``filler``, in paragraphs short enough for the
    look-ahead limit. ('<' before a letter needs a '>' after it: see "closed tag starts".)"""
    per_paragraph = 25 if char in "[`" else N
    items = [char + (" " if char == "<" else filler)] * N
    return "\n\n".join("a " + "".join(items[i : i + per_paragraph]) for i in range(0, N, per_paragraph))


WORST_ACCEPTED = {
    **{f"{char!r} alone": _most(char) + "\n\n" + TAIL for char in MARKUP_CHARACTERS},
    **{f"{char!r} before letters": _most(char, "ab") + "\n\n" + TAIL for char in MARKUP_CHARACTERS},
    **{f"{char!r} before spaces": _most(char, " ") + "\n\n" + TAIL for char in MARKUP_CHARACTERS},
    "every character at its limit": "\n\n".join(_most(c, "a") for c in MARKUP_CHARACTERS) + "\n\n" + TAIL,
    "one long paragraph after brackets": "[" * 20 + TEXT * 450,
    "abbreviations": "\n".join(f"*[A{i}]: x" for i in range(N // 2)) + "\n\n" + TAIL,
    "nested lists": "\n".join("    " * i + "- x" for i in range(MAX_BODY_NESTING)) + "\n\n" + TAIL,
    "nested quotes": "\n".join(">" * i + " x" for i in range(1, MAX_BODY_NESTING + 1)) + "\n\n" + TAIL,
    "compact lists": "\n\n".join(["- " * MAX_BODY_NESTING + "x"] * 100) + "\n\n" + TAIL,
    "emphasis in emphasis": "*a " * (N // 2) + "b" + "*" * (N // 2) + "\n\n" + TAIL,
    "closed tag starts": "\n".join(["<a x>"] * N) + "\n\n" + TAIL,
    "backtick runs": "\n\n".join("`" * i + "a" for i in range(1, 30)) + "\n\n" + TAIL,
}


@pytest.mark.parametrize("body", WORST_ACCEPTED.values(), ids=WORST_ACCEPTED.keys())
def test_the_worst_accepted_bodies_render_well_under_a_second(body: str) -> None:
    assert len(body.encode()) < 200_000
    assert limit_problems(body) == []
    assert render_seconds(body) < RENDER_LIMIT


SLOW_OR_CRASHING = {
    "190,000 '['": "[" * 190_000,
    "'[' before a long paragraph": "[" * 200 + TEXT * 400,
    "'![' before text": "![a" * 2000,
    "backslashes": "\\" * 190_000,
    "emphasis": "*a" * 90_000,
    "code": "`a" * 90_000,
    "tag starts without '>'": "<a " * 2000,
    "tag starts before a long page": "\n\n".join(["<a x"] * 100) + "\n\n" + TAIL,
    "distinct backtick runs": "".join("`" * i + "a" for i in range(1, 30)) + TEXT * 4000,
    "compact list": "- " * 1000 + "x",
    "nested quotes": "\n".join(">" * i + " x" for i in range(1, 1000)),
    "indented lists": "\n".join("    " * i + "- x" for i in range(200)),
    "emphasis in emphasis": "*a " * 1000 + "b" + "*" * 1000,
    "abbreviations": "\n".join(f"*[A{i}]: x" for i in range(3000)),
}


@pytest.mark.parametrize("body", SLOW_OR_CRASHING.values(), ids=SLOW_OR_CRASHING.keys())
def test_bodies_that_made_the_renderer_slow_or_crash_are_refused(body: str) -> None:
    assert limit_problems(body)


def test_a_real_practice_is_far_from_every_limit() -> None:
    """Ten times every real body, as one body, is still accepted."""
    bodies = [p.read_text(encoding="utf-8").split("---\n", 2)[2] for p in sorted((REPO / "practices").glob("*.md"))]
    for body in bodies:
        assert limit_problems(body * 10) == []


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("a\n\n" + "&" * (N + 2), [f"3: bevat {N + 2} keer '&'; een tekst heeft er hoogstens {N} "]),
        ("<https://x.nl> en <a@b.nl> en < 18 en <18 jaar", []),
        ("x\n<b\ny <c>", ["2: '<b' zonder '>' erna op deze regel"]),
        ("- " * MAX_BODY_NESTING + "x", []),
        ("x\n" + "- " * (MAX_BODY_NESTING + 1) + "x", [f"2: staat {MAX_BODY_NESTING + 1} niveaus diep"]),
        ("\t" * (MAX_BODY_NESTING + 1) + "x", [f"1: staat {MAX_BODY_NESTING + 1} niveaus diep"]),
        ("-" * 80 + "\n" + "=" * 80 + "\n" + "1.000.000.000.000.000.000.000 euro", []),
    ],
)
def test_limit_messages(body: str, expected: list[str]) -> None:
    problems = limit_problems(body)
    assert len(problems) == len(expected), problems
    for problem, start in zip(problems, expected, strict=True):
        assert problem.startswith(start), problem
