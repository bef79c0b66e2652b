"""`kennisbank check` in GitHub's annotation format: escaping, paths relative to the workspace, levels."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from kennisbank.entry.annotations import escape_data, escape_property, github_annotation, workspace_path
from kennisbank.entry.cli import cli
from kennisbank.errors import Problem, Severity

from .conftest import FIXTURES, TODAY


def test_error_and_warning_levels() -> None:
    error = Problem("practices/a.md", 5, "themes", "onbekend thema 'x'")
    warning = Problem("practices/a.md", 9, "body", "sectie ontbreekt", Severity.WARNING)
    assert github_annotation(error) == "::error file=practices/a.md,line=5,title=themes::onbekend thema 'x'"
    assert github_annotation(warning) == "::warning file=practices/a.md,line=9,title=body::sectie ontbreekt"


def test_escaping_of_properties_and_message() -> None:
    problem = Problem("map,met:tekens%/a.md", 3, "onbekend,veld:x", "50% klaar\nregel twee\r")
    assert github_annotation(problem) == (
        "::error file=map%2Cmet%3Atekens%25/a.md,line=3,title=onbekend%2Cveld%3Ax::50%25 klaar%0Aregel twee%0D"
    )
    # '%' first, so an escape is never escaped twice; ':' and ',' stay in the message, where they are allowed
    assert escape_property("%3A:") == "%253A%3A"
    assert escape_data("a: b, c") == "a: b, c"


def test_paths_are_relative_to_the_workspace(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "practices").mkdir()
    monkeypatch.chdir(tmp_path / "practices")
    assert workspace_path("a.md", str(tmp_path)) == "practices/a.md"
    assert workspace_path("a.md", None) == "a.md"
    assert workspace_path("/elders/a.md", str(tmp_path)) == "/elders/a.md"


def run_check(*args: str) -> tuple[int, list[str]]:
    result = CliRunner().invoke(cli, ["check", "--today", TODAY.isoformat(), *args])
    return result.exit_code, result.output.splitlines()


def test_detected_in_github_actions(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(FIXTURES)
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    monkeypatch.setenv("GITHUB_WORKSPACE", str(FIXTURES.parent))
    code, lines = run_check("invalid/unknown-theme.md", "invalid/body-sections-out-of-order.md")
    assert code == 1
    assert lines == [
        "::warning file=fixtures/invalid/body-sections-out-of-order.md,line=14,title=body::de vaste secties "
        "staan niet in de volgorde Het vraagstuk, De aanpak, Resultaten, Wat werkt, Aandachtspunten, "
        "Meer informatie",
        "::error file=fixtures/invalid/unknown-theme.md,line=5,title=themes::onbekend thema 'nazrg' — "
        "bedoelde je 'nazorg'?",
        "2 bestanden gecontroleerd: 1 fout en 1 waarschuwing.",
    ]


def test_plain_text_outside_github_and_when_asked(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(FIXTURES / "invalid")
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)
    assert run_check("unknown-theme.md")[1][0].startswith("unknown-theme.md:5: themes: ")
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    assert run_check("--format", "text", "unknown-theme.md")[1][0].startswith("unknown-theme.md:5: themes: ")
    monkeypatch.delenv("GITHUB_ACTIONS")
    assert run_check("--format", "github", "unknown-theme.md")[1][0].startswith("::error file=unknown-theme.md,")
