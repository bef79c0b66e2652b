"""`kennisbank build`: strict, and a failed build leaves the previous site exactly as it was."""

from __future__ import annotations

import contextlib
import datetime as dt
import errno
import fcntl
import os
import re
import shutil
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from kennisbank.entry.build import BuildBlocked, BuildFailed, build_site
from kennisbank.entry.cli import cli
from kennisbank.pages import Site
from kennisbank.site import LastGood, problems_banner

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
    assert hidden_beside(site) == [".site.lock"]


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
    shutil.copytree(REPO / "practices" / "vocabularies", folder / "vocabularies")
    good = (FIXTURES / "catalogue" / "voorbeeldstad-jobcoach-na-school.md").read_text()
    target = folder / "voorbeeldstad-jobcoach-na-school.md"
    target.write_text(good)
    site = Site(today=dt.date(2026, 11, 22))
    memory = LastGood()
    first = memory.build(site, folder, today=site.today)
    assert not first.errors
    target.write_text(good.replace("themes: [nazorg, begeleiding-naar-werk]", "themes: [nazrg]"))
    second = memory.build(site, folder, today=site.today)
    assert next(str(p) for p in second.errors).endswith("themes: onbekend thema 'nazrg' — bedoelde je 'nazorg'?")
    assert [p.slug for p in second.catalogue.practices] == ["voorbeeldstad-jobcoach-na-school"]
    banner = problems_banner(second.errors)
    assert banner.startswith('!!! failure "Fouten in de praktijkvoorbeelden (1)"')
    target.write_text(good.replace("Een jobcoach volgt", "Een vaste jobcoach volgt"))
    third = memory.build(site, folder, today=site.today)
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


# --- One build at a time, staging that never outlives its build, Dutch messages for system faults ---

KENNISBANK = Path(sys.executable).parent / "kennisbank"


def files(directory: Path) -> list[str]:
    return sorted(str(p.relative_to(directory)) for p in directory.rglob("*") if p.is_file())


def hidden_beside(site: Path) -> list[str]:
    """What a build leaves beside the site folder: only its lock file."""
    return sorted(p.name for p in site.parent.iterdir() if p.name.startswith("."))


@contextlib.contextmanager
def build_lock_held(site: Path, pid: int) -> Iterator[None]:
    """The lock of ``site`` held as another build holds it, with ``pid`` written in it."""
    with (site.parent / f".{site.name}.lock").open("a+") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        lock.truncate(0)
        lock.write(f"{pid}\n")
        lock.flush()
        yield


def test_concurrent_builds_take_turns_and_leave_a_complete_site(tmp_path: Path) -> None:
    project = copy_project(tmp_path)
    single = tmp_path / "single" / "site"
    build_site(project / "mkdocs.yml", single)
    site = tmp_path / "site"
    command = [str(KENNISBANK), "build", "--config-file", str(project / "mkdocs.yml"), "--site-dir", str(site)]
    processes = [subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for _ in range(3)]
    results = [(process, *process.communicate(timeout=600)) for process in processes]
    pids = {process.pid for process in processes}
    waited = []
    for process, out, err in results:
        assert (process.returncode, out) == (0, f"Site gebouwd in {site}\n"), err
        if err:
            holder = re.fullmatch(
                rf"Er draait al een bouw van {re.escape(str(site))} \(pid (\d+)\); deze bouw wacht tot die klaar is "
                r"\(hoogstens 900 s\)\.\n",
                err,
            )
            assert holder is not None, err
            assert int(holder[1]) in pids - {process.pid}
            waited.append(process.pid)
    assert waited  # three builds at once: at least one found another one busy
    assert files(site) == files(single)
    assert len(files(site)) > 200
    assert hidden_beside(site) == [".site.lock"]


def test_a_build_waits_for_the_lock_and_gives_up_after_its_time(tmp_path: Path) -> None:
    project = copy_project(tmp_path)
    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_text("vorige site")
    with build_lock_held(site, 4242):
        result = CliRunner().invoke(
            cli, ["build", "--config-file", str(project / "mkdocs.yml"), "--site-dir", str(site), "--wait", "0.5"]
        )
    assert result.exit_code == 3
    assert result.output == (
        f"Er draait al een bouw van {site} (pid 4242); deze bouw wacht tot die klaar is (hoogstens 0.5 s).\n"
        f"Er draait nog een bouw van {site} (pid 4242); na 0.5 s wachten gestopt. Wacht tot die bouw klaar is "
        "(of stop dat proces) en bouw opnieuw.\n"
        f"Bouwen mislukt; {site} is ongewijzigd.\n"
    )
    assert files(site) == ["index.html"]
    assert hidden_beside(site) == [".site.lock"]


def test_a_waiting_build_goes_ahead_when_the_lock_is_released(tmp_path: Path) -> None:
    project = copy_project(tmp_path)
    site = tmp_path / "site"
    messages: list[str] = []
    with build_lock_held(site, 4242):
        waiting = threading.Thread(
            target=build_site, args=(project / "mkdocs.yml", site), kwargs={"notify": messages.append}
        )
        waiting.start()
        time.sleep(1.5)
        assert not (site / "index.html").exists()  # still waiting
    waiting.join(timeout=120)
    assert messages == [
        f"Er draait al een bouw van {site} (pid 4242); deze bouw wacht tot die klaar is (hoogstens 900 s)."
    ]
    assert (site / "index.html").exists()


def test_the_next_build_removes_staging_folders_of_killed_builds(tmp_path: Path) -> None:
    project = copy_project(tmp_path)
    site = tmp_path / "site"
    for leftover in (".site-new", ".site-old", ".site-new-k1ll3d00", ".site-old-k1ll3d00"):
        (tmp_path / leftover / "assets").mkdir(parents=True)
        (tmp_path / leftover / "assets" / "half.html").write_text("half")
    build_site(project / "mkdocs.yml", site)
    assert hidden_beside(site) == [".site.lock"]
    assert "index.html" in files(site)


def fake_mkdocs_build(monkeypatch: pytest.MonkeyPatch, failure: BaseException | None) -> None:
    """MkDocs' build replaced by one that writes a page and then fails with ``failure`` (or succeeds)."""
    import mkdocs.commands.build

    def build(config: Any, **kwargs: Any) -> None:
        (Path(config.site_dir) / "index.html").write_text("nieuwe site")
        if failure is not None:
            raise failure

    monkeypatch.setattr(mkdocs.commands.build, "build", build)


def previous_site(tmp_path: Path) -> Path:
    site = tmp_path / "site"
    (site / "assets").mkdir(parents=True)
    (site / "index.html").write_text("vorige site")
    (site / "assets" / "extra.css").write_text("body {}")
    return site


@pytest.mark.parametrize(
    ("code", "message"),
    [
        (errno.ENOSPC, "de schijf is vol. Maak ruimte vrij op die schijf en bouw opnieuw."),
        (
            errno.EACCES,
            "geen toestemming. Controleer de eigenaar en de rechten van dit pad (ls -l) en bouw opnieuw, of bouw in "
            "een andere map met --site-dir.",
        ),
        (
            errno.EROFS,
            "het bestandssysteem is alleen-lezen. Bouw in een map op een schrijfbare schijf (--site-dir) en bouw "
            "opnieuw.",
        ),
    ],
)
def test_system_faults_during_the_build_give_a_dutch_message(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, code: int, message: str
) -> None:
    project = copy_project(tmp_path)
    site = previous_site(tmp_path)
    before = snapshot(site)
    failing = tmp_path / ".site-new-x" / "zoeken" / "index.html"
    fake_mkdocs_build(monkeypatch, OSError(code, os.strerror(code), str(failing)))
    result = CliRunner().invoke(cli, ["build", "--config-file", str(project / "mkdocs.yml"), "--site-dir", str(site)])
    assert isinstance(result.exception, SystemExit)
    assert result.exit_code == 3
    assert result.output == f"{failing}: {message}\nBouwen mislukt; {site} is ongewijzigd.\n"
    assert snapshot(site) == before
    assert hidden_beside(site) == [".site.lock"]


def test_a_system_fault_without_a_path_names_the_site_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    project = copy_project(tmp_path)
    site = previous_site(tmp_path)
    fake_mkdocs_build(monkeypatch, OSError(errno.ENOSPC, os.strerror(errno.ENOSPC)))
    with pytest.raises(BuildBlocked) as failure:
        build_site(project / "mkdocs.yml", site)
    assert str(failure.value) == f"{site}: de schijf is vol. Maak ruimte vrij op die schijf en bouw opnieuw."
    assert hidden_beside(site) == [".site.lock"]


def test_ctrl_c_during_the_build_removes_the_staging_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    project = copy_project(tmp_path)
    site = previous_site(tmp_path)
    before = snapshot(site)
    fake_mkdocs_build(monkeypatch, KeyboardInterrupt())
    with pytest.raises(KeyboardInterrupt):
        build_site(project / "mkdocs.yml", site)
    assert snapshot(site) == before
    assert hidden_beside(site) == [".site.lock"]


def failing_rename(monkeypatch: pytest.MonkeyPatch, failing_source: Callable[[Path], bool]) -> None:
    rename = os.rename

    def fake(source: Any, destination: Any, *args: Any, **kwargs: Any) -> None:
        if failing_source(Path(source)):
            raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), str(source), None, str(destination))
        rename(source, destination, *args, **kwargs)

    monkeypatch.setattr(os, "rename", fake)


def test_a_site_folder_that_cannot_be_moved_stays_as_it_was(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    project = copy_project(tmp_path)
    site = previous_site(tmp_path)
    before = snapshot(site)
    fake_mkdocs_build(monkeypatch, None)
    failing_rename(monkeypatch, lambda source: source == site)
    with pytest.raises(BuildBlocked) as failure:
        build_site(project / "mkdocs.yml", site)
    assert str(failure.value).startswith(f"{site}: geen toestemming. ")
    assert snapshot(site) == before
    assert hidden_beside(site) == [".site.lock"]


def test_the_old_site_is_put_back_when_the_new_one_cannot_be_moved_in(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    project = copy_project(tmp_path)
    site = previous_site(tmp_path)
    before = snapshot(site)
    fake_mkdocs_build(monkeypatch, None)
    failing_rename(monkeypatch, lambda source: source.name.startswith(".site-new-"))
    with pytest.raises(BuildBlocked) as failure:
        build_site(project / "mkdocs.yml", site)
    assert re.match(rf"{re.escape(str(tmp_path))}/\.site-new-\w+: geen toestemming\. ", str(failure.value))
    assert snapshot(site) == before
    assert hidden_beside(site) == [".site.lock"]


def test_an_old_site_that_cannot_be_removed_is_reported_and_removed_by_the_next_build(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    project = copy_project(tmp_path)
    site = previous_site(tmp_path)
    fake_mkdocs_build(monkeypatch, None)
    rmtree = shutil.rmtree

    def undeletable(path: Any, *args: Any, **kwargs: Any) -> None:
        if Path(path).name.startswith(".site-old-"):
            raise PermissionError(errno.EPERM, os.strerror(errno.EPERM), str(Path(path) / "assets" / "extra.css"))
        rmtree(path, *args, **kwargs)

    monkeypatch.setattr(shutil, "rmtree", undeletable)
    result = CliRunner().invoke(cli, ["build", "--config-file", str(project / "mkdocs.yml"), "--site-dir", str(site)])
    assert result.exit_code == 0
    [old] = [name for name in hidden_beside(site) if name.startswith(".site-old-")]
    assert result.output == (
        f"Let op: de vorige site in {tmp_path / old} is niet helemaal verwijderd: "
        f"{tmp_path / old / 'assets' / 'extra.css'}: geen toestemming. De volgende bouw probeert het opnieuw; "
        "blijft de map staan, verwijder hem dan zelf.\n"
        f"Site gebouwd in {site}\n"
    )
    assert snapshot(site) == {"index.html": b"nieuwe site"}
    monkeypatch.setattr(shutil, "rmtree", rmtree)
    build_site(project / "mkdocs.yml", site)
    assert hidden_beside(site) == [".site.lock"]


def started_build(project: Path, site: Path) -> subprocess.Popen[str]:
    """A `kennisbank build` process that has taken the lock and begun to build in its staging folder."""
    command = [str(KENNISBANK), "build", "--config-file", str(project / "mkdocs.yml"), "--site-dir", str(site)]
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 60
    while not list(site.parent.glob(".site-new-*")) and time.monotonic() < deadline:
        time.sleep(0.01)
    return process


def test_sigterm_stops_a_build_cleanly(tmp_path: Path) -> None:
    project = copy_project(tmp_path)
    site = previous_site(tmp_path)
    before = snapshot(site)
    process = started_build(project, site)
    process.send_signal(signal.SIGTERM)
    out, err = process.communicate(timeout=60)
    assert (process.returncode, out, err) == (143, "", f"Bouwen afgebroken; {site} is ongewijzigd.\n")
    assert snapshot(site) == before
    assert hidden_beside(site) == [".site.lock"]


def test_a_killed_build_releases_the_lock_and_the_next_build_cleans_up(tmp_path: Path) -> None:
    project = copy_project(tmp_path)
    site = previous_site(tmp_path)
    before = snapshot(site)
    process = started_build(project, site)
    process.kill()  # SIGKILL: no clean-up possible
    process.communicate(timeout=60)
    assert snapshot(site) == before
    assert [name for name in hidden_beside(site) if name.startswith(".site-new-")]
    messages: list[str] = []
    build_site(project / "mkdocs.yml", site, wait_seconds=0, notify=messages.append)
    assert messages == []
    assert hidden_beside(site) == [".site.lock"]
    assert len(files(site)) > 200


def test_a_site_that_cannot_be_put_back_says_where_it_is(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    project = copy_project(tmp_path)
    site = previous_site(tmp_path)
    before = snapshot(site)
    fake_mkdocs_build(monkeypatch, None)
    failing_rename(monkeypatch, lambda source: source.name.startswith((".site-new-", ".site-old-")))
    result = CliRunner().invoke(cli, ["build", "--config-file", str(project / "mkdocs.yml"), "--site-dir", str(site)])
    assert result.exit_code == 3
    [old] = [name for name in hidden_beside(site) if name.startswith(".site-old-")]
    assert result.output.endswith(
        f" De vorige site staat nu in {tmp_path / old}; zet hem terug met: mv {tmp_path / old} {site}\n"
        "Bouwen mislukt.\n"
    )
    assert snapshot(tmp_path / old) == before
    assert not site.exists()
