"""`kennisbank check` on one small fixture file per rule: the exact output, line and exit code.

Each fixture ``tests/fixtures/invalid/<name>.md`` has its golden output beside it in
``<name>.expected``; regenerate them with ``pytest --update-golden`` and review the diff.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from kennisbank.entry.cli import cli

from .conftest import FIXTURES, REPO, TODAY, assert_golden

INVALID = sorted((FIXTURES / "invalid").glob("*.md"))
VALID = sorted((FIXTURES / "valid").glob("*.md"))


def run_check(*args: str) -> tuple[int, str]:
    """`kennisbank check` with the repository's vocabularies, wherever the test stands (tmp_path too)."""
    result = CliRunner().invoke(cli, ["--project", str(REPO), "check", "--today", TODAY.isoformat(), *args])
    return result.exit_code, result.output


@pytest.mark.parametrize("fixture", INVALID, ids=[p.name for p in INVALID])
def test_invalid_fixture_gives_exact_message(
    fixture: Path, monkeypatch: pytest.MonkeyPatch, update_golden: bool
) -> None:
    monkeypatch.chdir(fixture.parent)
    code, output = run_check(fixture.name)
    actual = f"exit: {code}\n{output}"
    assert_golden(fixture.with_suffix(".expected"), actual, update_golden)
    assert "Traceback" not in output


@pytest.mark.parametrize("fixture", VALID, ids=[p.name for p in VALID])
def test_valid_fixture_passes(fixture: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(fixture.parent)
    code, output = run_check(fixture.name)
    assert (code, output) == (0, "1 bestand gecontroleerd: alles in orde.\n")


def test_every_problem_of_every_file_in_one_run(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(FIXTURES)
    # The files by name: the folder holds the golden outputs too, which are no practices.
    code, output = run_check(*(f"invalid/{p.name}" for p in INVALID))
    lines = output.splitlines()
    assert code == 1
    # one line per problem, sorted by file, then the summary
    assert lines[-1].startswith(f"{len(INVALID)} bestanden gecontroleerd: ")
    files_named = {line.split(":", 1)[0] for line in lines[:-1]}
    assert files_named == {f"invalid/{p.name}" for p in INVALID}


def test_the_real_practices_are_valid_without_warnings() -> None:
    # Today's date, not the tests' fixed clock: editors write the day they checked a practice. A practice that
    # is due for another check gives a warning that is the editors' to act on, not a fault of the code.
    result = CliRunner().invoke(cli, ["check"])
    assert result.exit_code == 0, result.output
    *warnings, summary = result.output.splitlines()
    assert [w for w in warnings if "meer dan twee jaar geleden" not in w] == []
    assert summary.endswith("gecontroleerd: alles in orde." if not warnings else "waarschuwing.")


def test_directory_named_like_a_practice(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "map.md").mkdir()
    monkeypatch.chdir(tmp_path)
    assert run_check("map.md") == (
        1,
        "map.md:1: file: is een map, geen bestand; een praktijkvoorbeeld is één .md-bestand, direct in de map "
        "(submappen worden niet gelezen, behalve vocabularies/ met de vaste lijsten)\n"
        "1 bestand gecontroleerd: 1 fout.\n",
    )


def test_symlink_leading_outside_the_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    outside = tmp_path / "elders.md"
    outside.write_text((FIXTURES / "valid" / "minimal.md").read_text())
    folder = tmp_path / "practices"
    folder.mkdir()
    (folder / "link.md").symlink_to(outside)
    monkeypatch.chdir(tmp_path)
    code, output = run_check("practices")
    assert code == 1
    assert output.startswith("practices/link.md:1: file: is een symbolische link naar ")
    assert "buiten practices" in output


def test_body_of_five_megabytes(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    big = tmp_path / "groot.md"
    big.write_text((FIXTURES / "valid" / "minimal.md").read_text() + "Lange tekst. " * 400_000)
    monkeypatch.chdir(tmp_path)
    code, output = run_check("groot.md")
    assert code == 1
    assert output.startswith("groot.md:1: file: is 5.")
    assert "hoogstens 200.000 bytes" in output


def test_duplicate_titles_and_slugs_across_folders(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    minimal = (FIXTURES / "valid" / "minimal.md").read_text()
    for folder in ("a", "b"):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "zelfde.md").write_text(minimal)
    monkeypatch.chdir(tmp_path)
    code, output = run_check("a", "b")
    assert code == 1
    assert output.splitlines() == [
        "b/zelfde.md:1: file: slug 'zelfde' bestaat al (a/zelfde.md); kies een andere bestandsnaam",
        "b/zelfde.md:2: title: 'Voorbeeldstad: een minimaal geldig praktijkvoorbeeld' is al de titel van "
        "a/zelfde.md; maak de titel onderscheidend",
        "2 bestanden gecontroleerd: 2 fouten.",
    ]


def test_github_annotations(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(FIXTURES / "invalid")
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    monkeypatch.delenv("GITHUB_WORKSPACE", raising=False)  # paths stay relative to the working directory
    code, output = run_check("unknown-theme.md")
    assert code == 1
    assert output.splitlines()[0] == (
        "::error file=unknown-theme.md,line=5,title=themes::onbekend thema 'nazrg' — bedoelde je 'nazorg'?"
    )
