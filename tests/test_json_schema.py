"""practices/schema.json: in sync with schema.FIELDS and the vocabularies, and in agreement with the
validator on the front matter: it accepts what the validator accepts and rejects what it rejects."""

from __future__ import annotations

import copy
import datetime as dt
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from click.testing import CliRunner

from kennisbank.entry.cli import cli
from kennisbank.json_schema import render_schema
from kennisbank.load import RawPractice, load_file, split_and_parse
from kennisbank.template import Draft, render
from kennisbank.validation import validate
from kennisbank.vocabularies import Vocabularies

from .conftest import FIXTURES, PRACTICES, REPO, TODAY, repo_vocabularies

SCHEMA_PATH = PRACTICES / "schema.json"

# Rules of the validator that a JSON Schema cannot state: the schema accepts what breaks only these.
NOT_IN_SCHEMA = ("ligt in de toekomst", "maar die contactpersoon is teruggetrokken")
BODY_AND_FILE = ("body", "file", "front matter")

PRACTICES = sorted((REPO / "practices").glob("*.md"))
# Invalid fixtures that have YAML front matter; the others are refused by the loader before any field rule.
INVALID = [p for p in sorted((FIXTURES / "invalid").glob("*.md")) if load_file(p, p.parent)[0] is not None]


@pytest.fixture(scope="module")
def validator() -> jsonschema.Draft7Validator:
    schema = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    jsonschema.Draft7Validator.check_schema(schema)
    return jsonschema.Draft7Validator(schema)


def as_editor_sees_it(value: Any) -> Any:
    """YAML as a YAML editor reads it (YAML 1.2: a date is a string), to check against the schema."""
    if isinstance(value, dict):
        return {key: as_editor_sees_it(item) for key, item in value.items()}
    if isinstance(value, list):
        return [as_editor_sees_it(item) for item in value]
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


def schema_errors(validator: jsonschema.Draft7Validator, meta: Any) -> list[str]:
    return [error.message for error in validator.iter_errors(as_editor_sees_it(meta))]


def front_matter_errors(raw: RawPractice, vocabularies: Vocabularies) -> list[str]:
    _, problems = validate(raw, vocabularies, TODAY)
    return [f"{p.field}: {p.message}" for p in problems if p.is_error and p.field not in BODY_AND_FILE]


def load(path: Path) -> RawPractice:
    raw, problems = load_file(path, path.parent)
    assert raw is not None, problems
    return raw


def test_committed_schema_is_current() -> None:
    result = CliRunner().invoke(cli, ["schema", "--check"])
    assert result.exit_code == 0, "practices/schema.json is out of date: run `kennisbank schema`"
    assert SCHEMA_PATH.read_text(encoding="utf-8") == render_schema_default()


def render_schema_default() -> str:
    return render_schema(repo_vocabularies())


def test_schema_command_writes_and_detects_a_stale_file(tmp_path: Path) -> None:
    target = tmp_path / "schema.json"
    runner = CliRunner()
    assert runner.invoke(cli, ["schema", "--check", "--output", str(target)]).exit_code == 1
    written = runner.invoke(cli, ["schema", "--output", str(target)])
    assert written.exit_code == 0
    assert written.output == f"Geschreven: {target}\n"
    assert runner.invoke(cli, ["schema", "--check", "--output", str(target)]).exit_code == 0
    target.write_text(target.read_text(encoding="utf-8").replace('"twente"', '"twente-oud"'), encoding="utf-8")
    stale = runner.invoke(cli, ["schema", "--check", "--output", str(target)])
    assert stale.exit_code == 1
    assert "verouderd; maak het opnieuw met: kennisbank schema" in stale.output


def test_enums_are_the_vocabulary_ids_with_dutch_names(vocabularies: Vocabularies) -> None:
    properties = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))["properties"]
    assert properties["region"]["enum"] == vocabularies.regions.ids
    assert properties["themes"]["items"]["enum"] == vocabularies.themes.ids
    assert properties["themes"]["items"]["enumDescriptions"] == [t.name for t in vocabularies.themes]
    assert properties["success_factors"]["items"]["enum"] == vocabularies.success_factors.ids
    assert "nazorg = Nazorg begint al op school" in properties["themes"]["items"]["description"]


@pytest.mark.parametrize("path", PRACTICES, ids=[p.name for p in PRACTICES])
def test_schema_accepts_every_practice(validator: jsonschema.Draft7Validator, path: Path) -> None:
    assert schema_errors(validator, load(path).meta) == []


@pytest.mark.parametrize("path", sorted((FIXTURES / "valid").glob("*.md")), ids=lambda p: p.name)
def test_schema_accepts_the_valid_fixtures(validator: jsonschema.Draft7Validator, path: Path) -> None:
    assert schema_errors(validator, load(path).meta) == []


def test_schema_accepts_a_new_practice(validator: jsonschema.Draft7Validator, vocabularies: Vocabularies) -> None:
    text = render(Draft("Voorbeeldstad: stage", "twente", ("nazorg",), ("vso",), TODAY), vocabularies)
    raw, problems = split_and_parse(Path("nieuw.md"), "nieuw.md", "nieuw", text)
    assert raw is not None, problems
    assert schema_errors(validator, raw.meta) == []


@pytest.mark.parametrize("path", INVALID, ids=[p.name for p in INVALID])
def test_schema_agrees_with_the_validator_on_invalid_fixtures(
    validator: jsonschema.Draft7Validator, vocabularies: Vocabularies, path: Path
) -> None:
    raw = load(path)
    errors = [e for e in front_matter_errors(raw, vocabularies) if not any(rule in e for rule in NOT_IN_SCHEMA)]
    assert bool(schema_errors(validator, raw.meta)) == bool(errors), (errors, schema_errors(validator, raw.meta))


def _set(*path: str | int, value: Any) -> Callable[[dict[str, Any]], None]:
    def change(meta: dict[str, Any]) -> None:
        target: Any = meta
        for key in path[:-1]:
            target = target[key]
        target[path[-1]] = value

    return change


def _delete(key: str) -> Callable[[dict[str, Any]], None]:
    return lambda meta: meta.pop(key)


CONTACT = {"name": "Jan Jansen", "organisation": "Gemeente Voorbeeldstad"}

# Changes to a valid front matter; for each, the schema must reach the validator's verdict.
MUTATIONS: dict[str, Callable[[dict[str, Any]], None]] = {
    "title of 120 characters": _set("title", value="x" * 120),
    "title of 121 characters": _set("title", value="x" * 121),
    "title on two lines": _set("title", value="een\ntwee"),
    "title blank": _set("title", value="   "),
    "title as number": _set("title", value=2021),
    "title with html comment": _set("title", value="a <!-- b"),
    "summary as number": _set("summary", value=12),
    "summary on several lines": _set("summary", value="Eén.\nTwee.\n"),
    "summary missing": _delete("summary"),
    "region unknown": _set("region", value="atlantis"),
    "region empty": _set("region", value=None),
    "themes empty": _set("themes", value=[]),
    "themes repeated": _set("themes", value=["nazorg", "nazorg"]),
    "themes as text": _set("themes", value="nazorg"),
    "success factors null": _set("success_factors", value=None),
    "success factor unknown": _set("success_factors", value=["toverkracht"]),
    "municipalities with number": _set("municipalities", value=["Weert", 5]),
    "period as year": _set("period", value=2021),
    "links null": _set("links", value=None),
    "link without url": _set("links", value=[{"title": "Site"}]),
    "link with ftp": _set("links", value=[{"title": "Site", "url": "ftp://voorbeeld.nl"}]),
    "link fine": _set("links", value=[{"title": "Site", "url": "https://www.voorbeeld.nl/a?b=c"}]),
    "contact fine": _set("contacts", value=[{**CONTACT, "email": "j.jansen@voorbeeld.nl", "phone": "030 123 45 67"}]),
    "contact bad phone": _set("contacts", value=[{**CONTACT, "phone": "bel mij"}]),
    "contact withdrawn as text": _set("contacts", value=[{**CONTACT, "withdrawn": "ja"}]),
    "contact without organisation": _set("contacts", value=[{"name": "Jan"}]),
    "contact unknown key": _set("contacts", value=[{**CONTACT, "mobiel": "06"}]),
    "contact null item": _set("contacts", value=[None]),
    "contacts null": _set("contacts", value=None),
    "source as text": _set("source", value="Brochure"),
    "source date year": _set("source", "date", value=2017),
    "source date month": _set("source", "date", value="2022-04"),
    "source date month 13": _set("source", "date", value="2022-13"),
    "source page number": _set("source", "page", value=5),
    "source page range": _set("source", "page", value="5-7"),
    "source page bool": _set("source", "page", value=True),
    "source publisher null": _set("source", "publisher", value=None),
    "evidence unknown": _set("evidence", value="bewezen"),
    "last reviewed as text": _set("last_reviewed", value="gisteren"),
    "unknown field": _set("themas", value=["nazorg"]),
}


@pytest.mark.parametrize("name", list(MUTATIONS))
def test_schema_and_validator_agree(
    validator: jsonschema.Draft7Validator, vocabularies: Vocabularies, name: str
) -> None:
    raw = load(FIXTURES / "valid" / "minimal.md")
    raw.meta = copy.deepcopy(raw.meta)
    MUTATIONS[name](raw.meta)
    errors = front_matter_errors(raw, vocabularies)
    assert bool(schema_errors(validator, raw.meta)) == bool(errors), (errors, schema_errors(validator, raw.meta))


def test_front_matter_that_is_a_list_is_rejected(validator: jsonschema.Draft7Validator) -> None:
    assert schema_errors(validator, [{"title": "x"}])
