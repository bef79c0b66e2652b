"""The contribution path's configuration: issue forms in step with the vocabularies, and pre-commit running
what `make lint` runs from .venv. The workflows are tested in tests/test_workflows.py."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
import yaml

from kennisbank.vocabularies import Vocabularies

from .conftest import REPO

GITHUB = REPO / ".github"


def load(path: Path) -> Any:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def test_new_practice_form_offers_the_vocabularies(vocabularies: Vocabularies) -> None:
    form = load(GITHUB / "ISSUE_TEMPLATE" / "nieuw-praktijkvoorbeeld.yml")
    dropdowns = {item["id"]: item["attributes"]["options"] for item in form["body"] if item["type"] == "dropdown"}
    assert dropdowns["regio"] == [term.name for term in vocabularies.regions]
    assert dropdowns["themas"] == [term.name for term in vocabularies.themes]
    assert dropdowns["doelgroepen"] == [term.name for term in vocabularies.target_groups]


def test_issue_forms_are_well_formed() -> None:
    for path in sorted((GITHUB / "ISSUE_TEMPLATE").glob("*.yml")):
        form = load(path)
        if path.name == "config.yml":
            assert isinstance(form["blank_issues_enabled"], bool)
            continue
        assert {"name", "description", "body"} <= set(form), path.name
        ids = [item["id"] for item in form["body"] if "id" in item]
        assert len(ids) == len(set(ids)), f"{path.name}: ids must be unique"
        for item in form["body"]:
            assert item["type"] in {"markdown", "input", "textarea", "dropdown", "checkboxes"}
            if item["type"] != "markdown":
                assert item["attributes"]["label"], path.name


def _hooks() -> dict[str, dict[str, Any]]:
    config = load(REPO / ".pre-commit-config.yaml")
    assert all(repo["repo"] == "local" for repo in config["repos"]), "only local hooks: nothing is downloaded"
    return {hook["id"]: hook for repo in config["repos"] for hook in repo["hooks"]}


def test_pre_commit_uses_only_the_project_venv() -> None:
    for hook in _hooks().values():
        assert hook["language"] == "system"
        assert hook["entry"].startswith(".venv/bin/")
        assert (REPO / hook["entry"].split()[0]).name in {"kennisbank", "ruff", "mypy"}


def test_pre_commit_lints_exactly_like_make_lint() -> None:
    makefile = (REPO / "Makefile").read_text(encoding="utf-8")
    recipe = re.search(r"^lint:.*\n((?:\t.*\n)+)", makefile, re.MULTILINE)
    assert recipe is not None
    make_lint = [line.strip().replace("$(BIN)", ".venv/bin") for line in recipe.group(1).splitlines()]
    hooks = _hooks()
    assert [hooks[name]["entry"] for name in ("ruff-check", "ruff-format", "mypy")] == make_lint
    assert all(hooks[name]["pass_filenames"] is False for name in ("ruff-check", "ruff-format", "mypy"))


def test_pre_commit_checks_changed_practice_files() -> None:
    hook = _hooks()["kennisbank-check"]
    pattern = re.compile(hook["files"])
    assert pattern.search("practices/voorbeeldstad-jobcoach.md")
    assert not pattern.search("practices/vocabularies/themes.yml")
    assert not pattern.search("tests/fixtures/invalid/yaml-error.md")
    assert hook.get("pass_filenames", True)
    assert re.search(_hooks()["kennisbank-check-all"]["files"], "practices/vocabularies/themes.yml")


# The workflows: tests/test_workflows.py.


def test_pull_request_template_has_the_checklist() -> None:
    template = (GITHUB / "pull_request_template.md").read_text(encoding="utf-8")
    assert template.count("- [ ]") >= 8
    assert "CONTRIBUTING.md" in template


def test_a_missing_golden_file_fails(tmp_path: Path) -> None:
    from .conftest import assert_golden

    with pytest.raises(pytest.fail.Exception, match=r"golden file .* is missing"):
        assert_golden(tmp_path / "ontbreekt.expected", "x", update=False)
    assert not (tmp_path / "ontbreekt.expected").exists()
    assert_golden(tmp_path / "nieuw.expected", "x", update=True)
    assert_golden(tmp_path / "nieuw.expected", "x", update=False)
