"""Everything an editor can use is documented: every command (also ones added later), every front-matter
field and sub-field, every body section, and every issue form the documentation names exists."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from kennisbank.entry.cli import cli
from kennisbank.schema import BODY_SECTIONS, FIELDS

from .conftest import REPO

CONTRIBUTING = (REPO / "CONTRIBUTING.md").read_text(encoding="utf-8")
README = (REPO / "README.md").read_text(encoding="utf-8")
FIELD_NAMES = [
    *(fld.name for fld in FIELDS),
    *(f"{fld.name}.{sub.name}" for fld in FIELDS for sub in fld.fields),
]
FORMS = {
    yaml.safe_load(path.read_text(encoding="utf-8"))["name"]: path
    for path in sorted((REPO / ".github" / "ISSUE_TEMPLATE").glob("*.yml"))
    if path.name != "config.yml"
}


@pytest.mark.parametrize("command", sorted(cli.commands))
def test_every_command_is_documented(command: str) -> None:
    assert f"kennisbank {command}" in README + CONTRIBUTING, f"document `kennisbank {command}` in README.md"


@pytest.mark.parametrize("option", sorted(o for p in cli.params for o in p.opts if o not in {"--help", "--version"}))
def test_every_global_option_is_documented(option: str) -> None:
    assert f"kennisbank {option}" in README + CONTRIBUTING, f"document `kennisbank {option}` in README.md"


@pytest.mark.parametrize("name", FIELD_NAMES)
def test_every_field_is_documented_in_contributing(name: str) -> None:
    assert f"`{name}`" in CONTRIBUTING, f"describe the field `{name}` in CONTRIBUTING.md, 'De velden'"


@pytest.mark.parametrize("section", BODY_SECTIONS)
def test_every_body_section_is_documented(section: str) -> None:
    assert f"`## {section}`" in CONTRIBUTING


@pytest.mark.parametrize(
    "document", [REPO / "CONTRIBUTING.md", REPO / "docs" / "over.md", REPO / "docs" / "privacy.md"], ids=str
)
def test_issue_forms_named_in_the_documentation_exist(document: Path) -> None:
    text = document.read_text(encoding="utf-8")
    named = re.findall(r'formulier[^"]{0,40}"([^"]+)"', text)
    assert named, "the document names no issue form"
    for name in named:
        assert any(form.startswith(name) for form in FORMS), f"no issue form called '{name}': {sorted(FORMS)}"


def test_every_issue_form_is_documented() -> None:
    for name in FORMS:
        assert f'"{name}"' in CONTRIBUTING


def test_every_module_the_readme_names_exists() -> None:
    """'Hoe het werkt' walks a practice through the package by module name; a renamed or moved module must
    be renamed there too."""
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    section = readme[readme.index("## Hoe het werkt") :]
    section = section[: section.index("\n## ", 3)]
    package = REPO / "scripts" / "kennisbank"
    existing = {str(p.relative_to(package)) for p in package.rglob("*.py")} | {p.name for p in package.rglob("*.py")}
    folders = {str(p.relative_to(package)) + "/" for p in package.rglob("*") if p.is_dir()}
    named = set(re.findall(r"`([a-z_/]+\.py)`", section))
    missing = sorted(name for name in named if name not in existing and not (REPO / name).exists())
    assert not missing, f"README names modules that do not exist: {missing}"
    named_folders = {
        f
        for f in re.findall(r"`([a-z_]+/)`", section)
        if f not in ("practices/", "docs/", "overrides/", "tests/", "site/", "assets/")
    }
    assert named_folders <= folders | {"vocabularies/"}, named_folders - folders
