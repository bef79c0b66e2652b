"""`kennisbank build`: strict, and a failed build leaves the previous site exactly as it was."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from click.testing import CliRunner

from kennisbank.build import BuildFailed, build_site
from kennisbank.cli import cli
from kennisbank.pages import Site
from kennisbank.site import build_content, problems_banner

from .conftest import FIXTURES, REPO, copy_project

pytestmark = pytest.mark.slow


def snapshot(directory: Path) -> dict[str, bytes]:
    return {str(p.relative_to(directory)): p.read_bytes() for p in sorted(directory.rglob("*")) if p.is_file()}


def test_failed_build_keeps_previous_site(tmp_path: Path) -> None:
    practices = sorted((REPO / "practices").glob("*.md"))
    project = copy_project(tmp_path)
    site = tmp_path / "site"
    build_site(project / "mkdocs.yml", site)
    before = snapshot(site)
    assert "index.html" in before

    broken = project / "practices" / practices[0].name
    broken.write_text(broken.read_text().replace("region:", "regio:", 1))
    with pytest.raises(BuildFailed) as failure:
        build_site(project / "mkdocs.yml", site)
    assert f"{practices[0].name}" in str(failure.value)
    assert "onbekend veld 'regio' — bedoelde je 'region'?" in str(failure.value)
    assert snapshot(site) == before
    assert not (tmp_path / ".site-new").exists()


def test_cli_build_reports_failure_and_exit_code(tmp_path: Path) -> None:
    project = copy_project(tmp_path, (FIXTURES / "invalid" / "unknown-theme.md",))
    result = CliRunner().invoke(
        cli, ["build", "--config-file", str(project / "mkdocs.yml"), "--site-dir", str(tmp_path / "site")]
    )
    assert result.exit_code == 1
    assert "onbekend thema 'nazrg' — bedoelde je 'nazorg'?" in result.output
    assert "ongewijzigd" in result.output
    assert not (tmp_path / "site").exists()


def test_serve_keeps_last_good_version_of_a_broken_file(tmp_path: Path) -> None:
    folder = tmp_path / "practices"
    folder.mkdir()
    good = (FIXTURES / "catalogue" / "voorbeeldstad-jobcoach-na-school.md").read_text()
    target = folder / "voorbeeldstad-jobcoach-na-school.md"
    target.write_text(good)
    site = Site(today=dt.date(2026, 11, 22))
    first = build_content(site, folder, keep_last_good=True, today=site.today)
    assert not first.errors
    target.write_text(good.replace("themes: [nazorg, begeleiding-naar-werk]", "themes: [nazrg]"))
    second = build_content(site, folder, keep_last_good=True, today=site.today)
    assert next(str(p) for p in second.errors).endswith("themes: onbekend thema 'nazrg' — bedoelde je 'nazorg'?")
    assert [p.slug for p in second.catalogue.practices] == ["voorbeeldstad-jobcoach-na-school"]
    banner = problems_banner(second.errors)
    assert banner.startswith('!!! failure "Fouten in de praktijkvoorbeelden (1)"')
    target.write_text(good.replace("Een jobcoach volgt", "Een vaste jobcoach volgt"))
    third = build_content(site, folder, keep_last_good=True, today=site.today)
    assert not third.errors
    assert "Een vaste jobcoach volgt" in third.catalogue.practices[0].body


def test_old_review_date_warns_but_does_not_stop_the_build(tmp_path: Path) -> None:
    project = copy_project(tmp_path)
    practice = next((project / "practices").glob("*.md"))
    text = practice.read_text()
    practice.write_text(text.replace("last_reviewed: 2026-11-22", "last_reviewed: 2020-01-01", 1))
    assert "last_reviewed: 2020-01-01" in practice.read_text()
    build_site(project / "mkdocs.yml", tmp_path / "site")
    assert (tmp_path / "site" / "praktijkvoorbeelden" / practice.stem / "index.html").exists()
