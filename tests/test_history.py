"""When a practice was added and last changed: one ``git log`` over a temporary repository the test makes
(never this repository's own history), a shallow clone of it, and the fallback without history."""

from __future__ import annotations

import datetime as dt
import os
import shutil
import subprocess
from dataclasses import replace
from pathlib import Path

import pytest

from kennisbank.entry.git_history import read_history
from kennisbank.history import FileHistory, parse_log, practice_dates
from kennisbank.model import Practice
from kennisbank.pages.practice import date_rows

from .conftest import repo_catalogue

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")

UTC = dt.UTC


def git(repo: Path, *args: str, when: str = "2026-01-01T12:00:00+00:00") -> str:
    env = {
        **os.environ,
        "GIT_AUTHOR_NAME": "Test",
        "GIT_AUTHOR_EMAIL": "test@example.org",
        "GIT_COMMITTER_NAME": "Test",
        "GIT_COMMITTER_EMAIL": "test@example.org",
        "GIT_AUTHOR_DATE": when,
        "GIT_COMMITTER_DATE": when,
        "GIT_CONFIG_GLOBAL": os.devnull,
        "GIT_CONFIG_NOSYSTEM": "1",
    }
    done = subprocess.run(["git", "-C", str(repo), *args], env=env, capture_output=True, text=True, check=True)
    return done.stdout


def commit(repo: Path, files: dict[str, str], when: str) -> None:
    for name, content in files.items():
        path = repo / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(content, encoding="utf-8")
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", f"change at {when}", when=when)


@pytest.fixture
def repository(tmp_path: Path) -> Path:
    """practices/a.md added in January and changed in March; b.md added in February; other.md outside."""
    repo = tmp_path / "repo"
    repo.mkdir()
    git(repo, "init", "-q", "-b", "main")
    commit(repo, {"practices/a.md": "a1\n", "other.md": "x\n"}, "2026-01-10T09:00:00+01:00")
    commit(repo, {"practices/b.md": "b1\n"}, "2026-02-20T10:00:00+00:00")
    commit(repo, {"practices/a.md": "a2\n", "other.md": "y\n"}, "2026-03-05T23:30:00+00:00")
    return repo


def test_one_log_gives_every_file_its_first_and_last_commit(repository: Path) -> None:
    history = read_history(repository / "practices")
    assert history == {
        "a.md": FileHistory(
            dt.datetime(2026, 1, 10, 9, tzinfo=dt.timezone(dt.timedelta(hours=1))),
            dt.datetime(2026, 3, 5, 23, 30, tzinfo=UTC),
        ),
        "b.md": FileHistory(dt.datetime(2026, 2, 20, 10, tzinfo=UTC), dt.datetime(2026, 2, 20, 10, tzinfo=UTC)),
    }


def test_a_shallow_clone_does_not_pretend_everything_was_added_at_its_edge(repository: Path, tmp_path: Path) -> None:
    clone = tmp_path / "clone"
    git(tmp_path, "clone", "-q", "--depth", "1", repository.as_uri(), str(clone))
    assert read_history(clone / "practices") == {"a.md": FileHistory(None, None), "b.md": FileHistory(None, None)}
    deeper = tmp_path / "deeper"
    git(tmp_path, "clone", "-q", "--depth", "2", repository.as_uri(), str(deeper))
    history = read_history(deeper / "practices")
    assert history["a.md"] == FileHistory(None, dt.datetime(2026, 3, 5, 23, 30, tzinfo=UTC))
    assert history["b.md"] == FileHistory(None, None)  # only the clone's edge lists it


def test_no_repository_means_no_history(tmp_path: Path) -> None:
    folder = tmp_path / "practices"
    folder.mkdir()
    (folder / "a.md").write_text("a\n", encoding="utf-8")
    assert read_history(folder) == {}


def practice(name: str = "a") -> Practice:
    return replace(repo_catalogue().practices[0], slug=name, path=Path(f"practices/{name}.md"))


def test_dates_from_history(repository: Path) -> None:
    dates = practice_dates(practice("a"), read_history(repository / "practices"))
    assert (dates.added, dates.changed, dates.from_history) == (dt.date(2026, 1, 10), dt.date(2026, 3, 5), True)
    assert date_rows(dates) == [("Toegevoegd", "10 januari 2026"), ("Laatst gewijzigd", "5 maart 2026")]


def test_an_uncommitted_file_falls_back_to_its_review_date(repository: Path) -> None:
    (repository / "practices" / "new.md").write_text("new\n", encoding="utf-8")
    new = practice("new")
    dates = practice_dates(new, read_history(repository / "practices"))
    assert (dates.added, dates.changed, dates.from_history) == (None, new.last_reviewed, False)
    assert dates.changed_at == dt.datetime.combine(new.last_reviewed, dt.time(), tzinfo=UTC)
    ((label, value),) = date_rows(dates)
    assert label == "Toegevoegd en gewijzigd"
    assert value.startswith("onbekend (geen versiegeschiedenis); vergeleken met de bron op ")


def test_a_shallow_history_keeps_what_it_knows() -> None:
    history = {"a.md": FileHistory(None, dt.datetime(2026, 3, 5, tzinfo=UTC))}
    dates = practice_dates(practice("a"), history)
    assert (dates.added, dates.changed, dates.from_history) == (None, dt.date(2026, 3, 5), True)
    assert date_rows(dates)[0] == ("Toegevoegd", "onbekend (niet in de beschikbare versiegeschiedenis)")


def test_parse_log_skips_what_it_cannot_read() -> None:
    output = "\x1ehash\x1f\x1fnot a date\0\na.md\0\x1egarbage\0\nb.md\0\x1eh2\x1fp\x1f2026-01-01T00:00:00Z\0\nc.md\0"
    assert parse_log(output) == {
        "c.md": FileHistory(dt.datetime(2026, 1, 1, tzinfo=UTC), dt.datetime(2026, 1, 1, tzinfo=UTC))
    }
    assert parse_log("") == {}
