"""publiccode.yml (Standard for Public Code, version 0.4): the keys it requires, and that it says what the
repository says: its name, address and licence."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from .conftest import REPO

# The keys publiccode.yml 0.4 marks "mandatory" without a condition, as paths.
REQUIRED = (
    "publiccodeYmlVersion",
    "name",
    "url",
    "platforms",
    "categories",
    "developmentStatus",
    "softwareType",
    "legal/license",
    "maintenance/type",
    "localisation/localisationReady",
    "localisation/availableLanguages",
)
DESCRIPTION_REQUIRED = ("shortDescription", "longDescription", "features")
DEVELOPMENT_STATUSES = {"concept", "development", "beta", "stable", "obsolete"}
SOFTWARE_TYPES = {
    "standalone/mobile",
    "standalone/iot",
    "standalone/desktop",
    "standalone/web",
    "standalone/backend",
    "standalone/other",
    "addon",
    "library",
    "configurationFiles",
}
MAINTENANCE_TYPES = {"internal", "contract", "community", "none"}


def load(path: Path) -> Any:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def lookup(document: dict[str, Any], path: str) -> Any:
    value: Any = document
    for key in path.split("/"):
        value = value[key] if isinstance(value, dict) and key in value else None
    return value


def missing_keys(document: dict[str, Any]) -> list[str]:
    """The required keys publiccode.yml 0.4 asks for that ``document`` lacks or leaves empty."""
    missing = [path for path in REQUIRED if lookup(document, path) in (None, "", [])]
    descriptions = document.get("description") or {}
    if not descriptions:
        missing.append("description/[lang]")
    for lang, text in descriptions.items():
        missing += [f"description/{lang}/{key}" for key in DESCRIPTION_REQUIRED if not (text or {}).get(key)]
    if lookup(document, "maintenance/type") == "contract" and not lookup(document, "maintenance/contractors"):
        missing.append("maintenance/contractors")
    return missing


def test_publiccode_has_every_required_key_with_a_valid_value() -> None:
    document = load(REPO / "publiccode.yml")
    assert missing_keys(document) == []
    assert document["publiccodeYmlVersion"] == "0.4"
    assert document["developmentStatus"] in DEVELOPMENT_STATUSES
    assert document["softwareType"] in SOFTWARE_TYPES
    assert document["maintenance"]["type"] in MAINTENANCE_TYPES
    for text in document["description"].values():
        assert len(text["shortDescription"]) <= 150
        assert 150 <= len(text["longDescription"]) <= 10000


def test_the_check_finds_a_missing_key() -> None:
    document = load(REPO / "publiccode.yml")
    del document["legal"]["license"]
    del document["description"]["nl"]["features"]
    document["maintenance"] = {"type": "contract"}
    assert missing_keys(document) == ["legal/license", "description/nl/features", "maintenance/contractors"]


def test_publiccode_matches_the_repository() -> None:
    document = load(REPO / "publiccode.yml")
    config = (REPO / "mkdocs.yml").read_text(encoding="utf-8")
    settings = {
        key: value.strip()
        for key, _, value in (line.partition(": ") for line in config.splitlines())
        if key in ("site_name", "repo_url")
    }
    assert document["name"] == settings["site_name"]
    assert document["url"] == settings["repo_url"]
    assert document["legal"]["license"] == "EUPL-1.2"
    assert "EUROPEAN UNION PUBLIC LICENCE v. 1.2" in (REPO / "LICENSE").read_text(encoding="utf-8")
    # Dutch: the site is Dutch, so the description is, and it is the only language given.
    assert list(document["description"]) == ["nl"]
    assert document["localisation"]["availableLanguages"] == ["nl"]


def test_texts_licence_names_cc_by_and_excepts_contact_details() -> None:
    texts = (REPO / "LICENSE-teksten.md").read_text(encoding="utf-8")
    assert "Creative Commons Naamsvermelding 4.0" in texts
    assert "Attribution 4.0 International" in texts  # the legal code itself
    assert "## Uitgezonderd: contactgegevens" in texts
