"""The finder's JavaScript modules without a browser: ``node --test tests/js/*.test.mjs`` against the cases
Python computes (tests/finder_cases.py), so a change to tokens, stems, typo correction, scores, facet
counts or site-page matches made in only one language fails here.

The cases file is a golden file: a missing or stale one fails; ``pytest --update-golden`` rewrites it
(then review the diff). Without node the node tests skip with the reason, except on CI (CI=true), where
a missing node is a failure, as a missing Chromium is for the browser tests.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from kennisbank.entry.lunr_files import lunr_paths
from kennisbank.pages.finder import FINDER_SCRIPT
from kennisbank.pages.search import finder_modules

from .conftest import REPO
from .finder_cases import GOLDEN, finder_cases, golden_text

JS_TESTS = REPO / "tests" / "js"


def test_the_cases_file_is_what_python_computes(update_golden: bool) -> None:
    expected = golden_text(finder_cases())
    if update_golden:
        GOLDEN.write_text(expected, encoding="utf-8")
    if not GOLDEN.exists():
        pytest.fail(f"{GOLDEN.relative_to(REPO)} is missing: write it with `.venv/bin/pytest --update-golden`")
    assert GOLDEN.read_text(encoding="utf-8") == expected, (
        f"{GOLDEN.relative_to(REPO)} differs from what Python computes: if the search changed on purpose, "
        "rewrite it with `.venv/bin/pytest tests/test_finder_js.py --update-golden`, review the diff, and make "
        "the JavaScript pass it too"
    )


def node() -> str:
    found = shutil.which("node")
    if not found:
        reason = "node not found: install Node.js (Debian: nodejs) to run the finder's JavaScript unit tests"
        if os.environ.get("CI") == "true":
            pytest.fail(reason + " (CI=true: the JavaScript tests must run)")
        pytest.skip(reason)
    return found


def test_the_javascript_modules_pass_their_node_tests() -> None:
    files = sorted(JS_TESTS.glob("*.test.mjs"))
    assert len(files) >= 5, files
    env = {**os.environ, "KENNISBANK_LUNR_FILES": os.pathsep.join(str(path) for path in lunr_paths())}
    result = subprocess.run(
        [node(), "--test", *map(str, files)], cwd=REPO, env=env, capture_output=True, text=True, timeout=300
    )
    output = result.stdout + result.stderr
    assert result.returncode == 0, output
    passed = re.search(r"^# pass (\d+)$", output, re.M)
    assert passed and int(passed.group(1)) >= 20, output


IMPORT = re.compile(r"^\s*import\b[^;]*?[\"']([^\"']+)[\"']", re.M)


def test_the_modules_import_only_each_other_and_the_page_imports_them_all_at_once() -> None:
    """Everything on the site itself: a module may import only a sibling module (no CDN, no bare name that
    needs a bundler); and the one the page loads imports every other one itself, so the browser asks for
    all of them at once instead of one level after another."""
    modules = dict(finder_modules())
    assert FINDER_SCRIPT in modules and len(modules) >= 8
    for name, content in modules.items():
        for target in IMPORT.findall(content.decode("utf-8")):
            assert re.fullmatch(r"\./[a-z]+\.js", target) and target[2:] in modules, (name, target)
    entry = {target[2:] for target in IMPORT.findall(modules[FINDER_SCRIPT].decode("utf-8"))}
    assert entry == set(modules) - {FINDER_SCRIPT}


COMMENT = re.compile(r"/\*.*?\*/|//[^\n]*", re.S)


def test_only_the_page_module_touches_the_page() -> None:
    """The others run in node as they are (eslint holds them to the globals both have, too)."""
    for name, content in finder_modules():
        code = COMMENT.sub("", content.decode("utf-8"))
        uses = re.findall(r"\b(document|window|location|history|fetch|navigator)\b", code)
        assert bool(uses) == (name == FINDER_SCRIPT), (name, uses)


def test_the_modules_ship_as_package_data() -> None:
    assert '"search/finder/*.js"' in (REPO / "pyproject.toml").read_text(encoding="utf-8")
    assert sorted(p.name for p in Path(REPO / "scripts" / "kennisbank" / "search" / "finder").glob("*.js")) == [
        name for name, _content in finder_modules()
    ]
