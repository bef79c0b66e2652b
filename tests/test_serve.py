"""`mkdocs serve` for real: a broken practice shows its error in the terminal and on the page while the
page keeps its last good version, and the site comes back when the file is fixed."""

from __future__ import annotations

import html
import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
import yaml

from .conftest import REPO, copy_project

pytestmark = pytest.mark.slow

MKDOCS = Path(sys.executable).parent / "mkdocs"
SLUG = "arnhem-combinatiefunctionaris-arbeid"
STARTUP_SECONDS = 90
REBUILD_SECONDS = 60
BANNER = "Fouten in de praktijkvoorbeelden"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def fetch(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return html.unescape(response.read().decode("utf-8"))
    except (urllib.error.URLError, OSError):
        return None


def wait_for(what: str, condition: Callable[[], bool], seconds: float) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return
        time.sleep(0.5)
    raise AssertionError(f"gave up after {seconds} s waiting for: {what}")


def site_path(project: Path) -> str:
    """`mkdocs serve` serves the site below the path of its site_url."""
    from mkdocs.config import load_config

    config = load_config(config_file=str(project / "mkdocs.yml"))
    return urllib.parse.urlsplit(config["site_url"]).path or "/"


@pytest.fixture
def served(tmp_path: Path) -> Iterator[tuple[Path, str, Path]]:
    """(project copy, base URL, log file) of a running `mkdocs serve`; always stopped afterwards."""
    (tmp_path / "project").mkdir()
    project = copy_project(tmp_path / "project")
    port = free_port()
    log = tmp_path / "serve.log"
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    with log.open("w") as out:
        process = subprocess.Popen(
            [str(MKDOCS), "serve", "--dev-addr", f"127.0.0.1:{port}", "--watch", "practices"],
            cwd=project,
            stdout=out,
            stderr=subprocess.STDOUT,
            env=env,
        )
    base = f"http://127.0.0.1:{port}{site_path(project)}"
    try:
        wait_for(
            "the first build to be served",
            lambda: process.poll() is None and fetch(base) is not None,
            STARTUP_SECONDS,
        )
        yield project, base, log
    finally:
        process.terminate()
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=15)


def test_broken_file_keeps_last_good_page_and_shows_errors(served: tuple[Path, str, Path]) -> None:
    project, base, log = served
    page_url = f"{base}praktijkvoorbeelden/{SLUG}/"
    source = project / "practices" / f"{SLUG}.md"
    good = source.read_text(encoding="utf-8")
    first = fetch(page_url)
    assert first is not None and BANNER not in first
    title_line = next(line for line in good.splitlines() if line.startswith("title:"))
    title = yaml.safe_load(title_line)["title"]
    assert title in first

    # Break the file: an unknown theme, and a changed title that must NOT appear while it is broken.
    broken = good.replace(title_line, 'title: "Kapotte titel die niet online mag"', 1).replace(
        "themes: [", "themes: [nazrg, ", 1
    )
    assert broken != good
    source.write_text(broken, encoding="utf-8")
    wait_for("the banner after breaking the file", lambda: BANNER in (fetch(page_url) or ""), REBUILD_SECONDS)
    shown = fetch(page_url) or ""
    assert f"practices/{SLUG}.md" in shown and "onbekend thema 'nazrg'" in shown
    assert "Kapotte titel" not in shown  # the last good version stays online
    assert title in shown
    wait_for("the error in the terminal", lambda: "onbekend thema 'nazrg'" in log.read_text(), REBUILD_SECONDS)
    other = fetch(base) or ""
    assert BANNER in other  # on every page, not just the broken one

    # Fix the file with a visible change: the banner goes and the new text is served.
    source.write_text(good.replace(title_line, 'title: "Arnhem: hersteld voorbeeld"', 1), encoding="utf-8")
    wait_for("the banner to go after the fix", lambda: BANNER not in (fetch(page_url) or BANNER), REBUILD_SECONDS)
    assert "Arnhem: hersteld voorbeeld" in (fetch(page_url) or "")
    assert "Traceback" not in log.read_text()


THEMES = Path("practices") / "vocabularies" / "themes.yml"


def practice_title(project: Path) -> str:
    text = (project / "practices" / f"{SLUG}.md").read_text(encoding="utf-8")
    return str(yaml.safe_load(next(line for line in text.splitlines() if line.startswith("title:")))["title"])


def test_renamed_theme_in_use_shows_the_practice_error_and_the_site_stays_up(served: tuple[Path, str, Path]) -> None:
    project, base, log = served
    page_url = f"{base}praktijkvoorbeelden/{SLUG}/"
    title = practice_title(project)
    themes = project / THEMES
    good = themes.read_text(encoding="utf-8")
    assert "themes: [integrale-aanpak, nazorg]" in (project / "practices" / f"{SLUG}.md").read_text(encoding="utf-8")

    themes.write_text(good.replace("- id: nazorg\n", "- id: nazorg-op-school\n", 1), encoding="utf-8")
    wait_for("the banner after renaming the theme", lambda: BANNER in (fetch(base) or ""), REBUILD_SECONDS)
    home = fetch(base) or ""
    assert f"practices/{SLUG}.md" in home and "onbekend thema 'nazorg'" in home
    assert fetch(f"{base}themas/nazorg-op-school/") is not None  # the site follows the new vocabulary
    wait_for("the error in the terminal", lambda: "onbekend thema 'nazorg'" in log.read_text(), REBUILD_SECONDS)

    themes.write_text(good, encoding="utf-8")
    wait_for("the banner to go after the fix", lambda: BANNER not in (fetch(base) or BANNER), REBUILD_SECONDS)
    assert title in (fetch(page_url) or "")
    assert "Traceback" not in log.read_text() and "KeyError" not in log.read_text()


@pytest.mark.parametrize("breaking", ["invalid YAML", "deleted"])
def test_broken_or_missing_themes_file_keeps_the_last_good_site(served: tuple[Path, str, Path], breaking: str) -> None:
    project, base, log = served
    page_url = f"{base}praktijkvoorbeelden/{SLUG}/"
    title = practice_title(project)
    themes = project / THEMES
    good = themes.read_text(encoding="utf-8")
    if breaking == "deleted":
        themes.unlink()
    else:
        themes.write_text(good.replace("- id: nazorg\n", "- id: [nazorg\n", 1), encoding="utf-8")
    wait_for("the banner after breaking themes.yml", lambda: BANNER in (fetch(page_url) or ""), REBUILD_SECONDS)
    shown = fetch(page_url) or ""
    assert "themes.yml" in shown
    assert title in shown  # the last good site stays up
    assert BANNER in (fetch(base) or "")
    wait_for("the error in the terminal", lambda: "themes.yml" in log.read_text(), REBUILD_SECONDS)

    # Fixed again, with a visible change: the banner goes and the site follows.
    themes.write_text(good.replace("name: Nazorg begint al op school", "name: Nazorg vanaf de schoolbank"), "utf-8")
    wait_for("the banner to go after the fix", lambda: BANNER not in (fetch(page_url) or BANNER), REBUILD_SECONDS)
    assert "Nazorg vanaf de schoolbank" in (fetch(f"{base}themas/nazorg/") or "")
    assert "Traceback" not in log.read_text()


def test_the_served_practice_exists() -> None:
    """The practice this test edits is part of the real content."""
    assert (REPO / "practices" / f"{SLUG}.md").exists()
