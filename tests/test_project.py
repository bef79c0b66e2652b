"""The command line works on the project you stand in (the nearest folder upwards with mkdocs.yml), or on the
one ``--project`` names; not on the checkout it was installed from. Without a project: a Dutch message."""

from __future__ import annotations

import os
import shutil
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from kennisbank.entry.cli import cli
from kennisbank.project import Project, ProjectNotFound, find_project

from .conftest import REPO, TODAY, copy_project

SLUG = "voorbeeldstad-jobcoach-na-school"
NEW = [
    "new",
    "--title",
    "Voorbeeldstad: jobcoach na school",
    "--region",
    "twente",
    "--theme",
    "nazorg",
    "--target-group",
    "entree",
    "--today",
    TODAY.isoformat(),
]


def no_project(folder: Path) -> str:
    return (
        f"kennisbank: geen project gevonden: er staat geen mkdocs.yml in {folder} of een map erboven. "
        "Ga naar de map van de kennisbank of geef --project MAP.\n"
    )


def invoke(args: list[str]) -> tuple[int, str]:
    result = CliRunner().invoke(cli, args)
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result.exit_code, result.output


@pytest.fixture
def copy(tmp_path: Path) -> Path:
    """A copy of the project, outside the repository."""
    (tmp_path / "copy").mkdir()
    return copy_project(tmp_path / "copy")


@pytest.fixture
def nowhere(tmp_path: Path) -> Path:
    """A folder with no mkdocs.yml in it or above it (tmp_path is outside the repository)."""
    folder = tmp_path / "nowhere" / "deeper"
    folder.mkdir(parents=True)
    assert not any((parent / "mkdocs.yml").exists() for parent in (folder, *folder.parents))
    return folder


def test_a_project_is_the_nearest_folder_upwards_with_mkdocs_yml(tmp_path: Path) -> None:
    (tmp_path / "mkdocs.yml").touch()
    (tmp_path / "practices" / "vocabularies").mkdir(parents=True)
    assert find_project(tmp_path) == Project(tmp_path)
    assert find_project(tmp_path / "practices" / "vocabularies") == Project(tmp_path)
    project = Project(tmp_path)
    assert project.config_file == tmp_path / "mkdocs.yml"
    assert project.practices_dir == tmp_path / "practices"
    assert project.vocabularies_dir == tmp_path / "practices" / "vocabularies"
    assert project.schema_file == tmp_path / "practices" / "schema.json"
    assert (project.site_dir, project.pdf_dir) == (tmp_path / "site", tmp_path / "pdf")


def test_a_relative_start_gives_an_absolute_root(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "mkdocs.yml").touch()
    (tmp_path / "docs").mkdir()
    monkeypatch.chdir(tmp_path / "docs")
    assert find_project(Path()).root == Path(os.path.abspath(tmp_path))


def test_no_project_names_the_folder_and_what_to_do(nowhere: Path) -> None:
    with pytest.raises(ProjectNotFound) as caught:
        find_project(nowhere)
    assert f"kennisbank: {caught.value}\n" == no_project(nowhere)


def test_new_in_a_copy_writes_into_the_copy(copy: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(copy)
    code, output = invoke(NEW)
    assert code == 0, output
    assert (copy / "practices" / f"{SLUG}.md").is_file()
    assert not (REPO / "practices" / f"{SLUG}.md").exists()
    assert output.startswith(f"\nNieuw praktijkvoorbeeld: practices/{SLUG}.md\n\nVolgende stappen:\n")


def test_new_in_a_subfolder_of_a_copy_writes_into_the_copy(copy: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(copy / "practices" / "vocabularies")
    code, output = invoke(NEW)
    assert code == 0, output
    assert (copy / "practices" / f"{SLUG}.md").is_file()
    assert not (REPO / "practices" / f"{SLUG}.md").exists()


def test_project_option_points_elsewhere(copy: Path, nowhere: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(nowhere)
    code, output = invoke(["--project", str(copy), *NEW])
    assert code == 0, output
    assert (copy / "practices" / f"{SLUG}.md").is_file()
    assert output.startswith(f"\nNieuw praktijkvoorbeeld: {copy / 'practices' / SLUG}.md\n")


def test_check_reads_the_copy_and_its_vocabularies(copy: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A theme added to the copy's vocabulary only is known in the copy: check uses the copy's lists."""
    themes = copy / "practices" / "vocabularies" / "themes.yml"
    themes.write_text(
        themes.read_text(encoding="utf-8") + "- id: alleen-hier\n  name: Alleen hier\n  description: Proef.\n",
        encoding="utf-8",
    )
    for path in (copy / "practices").glob("*.md"):
        path.unlink()
    shutil.copy(REPO / "tests" / "fixtures" / "valid" / "minimal.md", copy / "practices" / "minimaal.md")
    minimal = (copy / "practices" / "minimaal.md").read_text(encoding="utf-8")
    (copy / "practices" / "minimaal.md").write_text(
        minimal.replace("themes: [", "themes: [alleen-hier, ", 1), encoding="utf-8"
    )
    monkeypatch.chdir(copy / "docs")
    assert invoke(["check", "--today", TODAY.isoformat()]) == (0, "1 bestand gecontroleerd: alles in orde.\n")
    monkeypatch.chdir(REPO)
    code, output = invoke(["check", "--today", TODAY.isoformat(), str(copy / "practices" / "minimaal.md")])
    assert code == 1
    assert "alleen-hier" in output


@pytest.mark.parametrize(
    "args",
    [
        ["check"],
        ["check", "practices/x.md"],
        ["new"],
        ["review"],
        ["schema", "--check"],
        ["search", "nazorg"],
        ["build"],
        ["pdf"],
    ],
    ids=lambda args: " ".join(args),
)
def test_every_command_without_a_project_says_so(
    args: list[str], nowhere: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(nowhere)
    assert invoke(args) == (2, no_project(nowhere))


def test_a_project_option_without_mkdocs_yml_says_so(nowhere: Path) -> None:
    assert invoke(["--project", str(nowhere), "check"]) == (2, no_project(nowhere))


def test_help_works_without_a_project(nowhere: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(nowhere)
    for args in (["--help"], ["check", "--help"], ["new", "--help"]):
        code, output = invoke(args)
        assert code == 0 and output.startswith("Gebruik: "), output
    assert "--project MAP" in invoke(["--help"])[1]


def test_build_and_pdf_use_the_project_paths(copy: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """From a subfolder: the copy's mkdocs.yml, site/ and pdf/ (the work itself is tested in test_build/print)."""
    from kennisbank.entry import build, pdf

    calls: list[tuple[Any, ...]] = []
    monkeypatch.setattr(build, "build_site", lambda *args, **kwargs: calls.append(args[:2]))
    monkeypatch.setattr(pdf, "make_pdfs", lambda *args: calls.append(args[:2]) or [])
    monkeypatch.chdir(copy / "docs")
    assert invoke(["build"]) == (0, f"Site gebouwd in {copy / 'site'}\n")
    assert invoke(["pdf"]) == (0, f"0 pdf's gemaakt in {copy / 'pdf'}\n")
    assert calls == [(copy / "mkdocs.yml", copy / "site"), (copy / "site", copy / "pdf")]


def test_build_and_pdf_with_every_path_given_need_no_project(
    copy: Path, nowhere: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from kennisbank.entry import build, pdf

    calls: list[tuple[Any, ...]] = []
    monkeypatch.setattr(build, "build_site", lambda *args, **kwargs: calls.append(args[:2]))
    monkeypatch.setattr(pdf, "make_pdfs", lambda *args: calls.append(args[:2]) or [])
    monkeypatch.chdir(nowhere)
    site, out = nowhere / "site", nowhere / "pdf"
    assert invoke(["build", "--config-file", str(copy / "mkdocs.yml"), "--site-dir", str(site)]) == (
        0,
        f"Site gebouwd in {site}\n",
    )
    assert invoke(["pdf", "--site-dir", str(site), "--out-dir", str(out)]) == (0, f"0 pdf's gemaakt in {out}\n")
    assert invoke(["build", "--site-dir", str(site)]) == (2, no_project(nowhere))
    assert calls == [(copy / "mkdocs.yml", site), (site, out)]


def test_schema_check_reads_the_copy(copy: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    shutil.copy(REPO / "practices" / "schema.json", copy / "practices" / "schema.json")
    monkeypatch.chdir(copy)
    assert invoke(["schema", "--check"]) == (0, "practices/schema.json is bij.\n")
    (copy / "practices" / "schema.json").write_text("{}", encoding="utf-8")
    assert invoke(["schema", "--check"]) == (
        1,
        "practices/schema.json is verouderd; maak het opnieuw met: kennisbank schema\n",
    )
