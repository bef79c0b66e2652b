"""Placeholders left by `kennisbank new`: each line with the marker is one warning, named by its field."""

from __future__ import annotations

from pathlib import Path

from kennisbank.errors import Severity
from kennisbank.load import load_file
from kennisbank.validation.placeholders import MARKER, placeholder, placeholder_problems

from .conftest import FIXTURES

MINIMAL = (FIXTURES / "valid" / "minimal.md").read_text(encoding="utf-8")


def problems_for(tmp_path: Path, text: str) -> list[tuple[int, str]]:
    path = tmp_path / "voorbeeld.md"
    path.write_text(text, encoding="utf-8")
    raw, load_problems = load_file(path, tmp_path)
    assert raw is not None, load_problems
    found = placeholder_problems(raw)
    assert all(p.severity is Severity.WARNING for p in found)
    return [(p.line, p.field) for p in found]


def test_a_file_without_marker_has_no_placeholder_problems(tmp_path: Path) -> None:
    assert problems_for(tmp_path, MINIMAL) == []


def test_marker_in_values_comments_and_body(tmp_path: Path) -> None:
    text = (
        MINIMAL.replace("contacts: []", f'contacts:\n  - name: "{placeholder("naam")}"\n    organisation: X')
        .replace("themes: [nazorg]", f"# {MARKER}: kies thema's\nthemes: [nazorg]  # {MARKER}")
        .replace("  title: Testbron", f'  title: "{placeholder("bron")}"')
        .replace("## Resultaten\n\nTekst.", f"## Resultaten\n\n{placeholder('resultaten')}")
    )
    lines = text.splitlines()
    where = {line: n for n, line in enumerate(lines, 1)}
    assert problems_for(tmp_path, text) == [
        (where[f"# {MARKER}: kies thema's"], "front matter"),
        (where[f"themes: [nazorg]  # {MARKER}"], "themes"),
        (where[f'  - name: "{placeholder("naam")}"'], "contacts[1].name"),
        (where[f'  title: "{placeholder("bron")}"'], "source.title"),
        (where[placeholder("resultaten")], "body"),
    ]
