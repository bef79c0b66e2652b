"""Shared fixtures: the repository, a strict build of the real site, a local web server, Chromium.

Browser tests skip with a clear reason where Chromium is absent, except on CI (CI=true), where a
missing browser is a failure: there the browser tests must run.
"""

from __future__ import annotations

import datetime as dt
import functools
import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from kennisbank.catalogue import Catalogue
from kennisbank.chromium import CHROMIUM_ARGS, DEFAULT_CHROMIUM, start_server
from kennisbank.pipeline import build_catalogue
from kennisbank.vocabularies import Vocabularies, load_vocabularies

REPO = Path(__file__).resolve().parents[1]
FIXTURES = Path(__file__).resolve().parent / "fixtures"
CHROMIUM = Path(os.environ.get("KENNISBANK_CHROMIUM", str(DEFAULT_CHROMIUM)))
TODAY = dt.date(2026, 12, 2)
PRACTICES = REPO / "practices"
VOCABULARIES_DIR = PRACTICES / "vocabularies"


@functools.cache
def repo_vocabularies() -> Vocabularies:
    """The repository's vocabularies, read once: the core takes them as a parameter, it has no default."""
    return load_vocabularies(VOCABULARIES_DIR)


def repo_catalogue(paths: tuple[Path, ...] | list[Path] = (PRACTICES,), today: dt.date | None = None) -> Catalogue:
    """The catalogue of ``paths`` (default: the repository's practices) with the repository's vocabularies."""
    return build_catalogue(paths, repo_vocabularies(), today)


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--update-golden", action="store_true", help="rewrite the golden files from the current output")


@pytest.fixture(scope="session")
def update_golden(request: pytest.FixtureRequest) -> bool:
    return bool(request.config.getoption("--update-golden"))


def assert_golden(golden: Path, actual: str, update: bool) -> None:
    """``actual`` equals the golden file; with ``--update-golden`` it becomes the golden file. A missing golden
    file fails: a test that writes what it compares with cannot fail."""
    if update:
        golden.parent.mkdir(parents=True, exist_ok=True)
        golden.write_text(actual, encoding="utf-8")
    elif not golden.exists():
        pytest.fail(f"golden file {golden} is missing: run pytest --update-golden and review the new file")
    assert actual == golden.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def vocabularies() -> Vocabularies:
    return repo_vocabularies()


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The real site, built strictly once per test session."""
    from kennisbank.entry.build import build_site

    site = tmp_path_factory.mktemp("site") / "site"
    build_site(REPO / "mkdocs.yml", site)
    return site


@functools.cache
def _serve(directory: str) -> str:
    """One server per directory for the whole session (its thread ends with the process)."""
    return start_server(Path(directory))[0]


@pytest.fixture(scope="session")
def site_url(built_site: Path) -> str:
    """The built site served on loopback; base URL ends in '/'."""
    return _serve(str(built_site))


def serve_directory(directory: Path) -> str:
    return _serve(str(directory))


@pytest.fixture(scope="session")
def browser() -> Iterator[object]:
    if not CHROMIUM.exists():
        reason = f"Chromium not found at {CHROMIUM}: install Debian's 'chromium' package to run browser tests"
        if os.environ.get("CI") == "true":
            pytest.fail(reason + " (CI=true: the browser tests must run)")
        pytest.skip(reason)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        instance = playwright.chromium.launch(executable_path=str(CHROMIUM), args=list(CHROMIUM_ARGS))
        yield instance
        instance.close()


@pytest.fixture
def page(browser: object) -> Iterator[object]:
    context = browser.new_context(locale="nl-NL")  # type: ignore[attr-defined]
    page = context.new_page()
    yield page
    context.close()


def copy_project(destination: Path, extra_practices: tuple[Path, ...] = (), real_practices: bool = True) -> Path:
    """A copy of the project's site sources (mkdocs.yml, docs, overrides, vocabularies, the practices unless
    ``real_practices`` is false, plus extra practice files) to build in isolation."""
    shutil.copy(REPO / "mkdocs.yml", destination / "mkdocs.yml")
    shutil.copytree(REPO / "docs", destination / "docs")
    shutil.copytree(REPO / "overrides", destination / "overrides")
    (destination / "scripts" / "kennisbank" / "entry").mkdir(parents=True)
    shutil.copy(
        REPO / "scripts" / "kennisbank" / "entry" / "mkdocs_hook.py", destination / "scripts" / "kennisbank" / "entry"
    )
    target = destination / "practices"
    shutil.copytree(REPO / "practices" / "vocabularies", target / "vocabularies")
    real = sorted((REPO / "practices").glob("*.md")) if real_practices else []
    for path in [*real, *extra_practices]:
        shutil.copy(path, target / path.name)
    return destination
