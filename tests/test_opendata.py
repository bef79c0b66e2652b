"""The open-data catalogue (/catalogus.json, /catalogus.csv) and the finder page's HTML, from the
fixture catalogue."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import re

import pytest

from kennisbank.pages import Site, generate
from kennisbank.pipeline import build_catalogue

from .conftest import FIXTURES

SITE = Site(url="https://kennisbank.example/", today=dt.date(2026, 11, 22))


@pytest.fixture(scope="module")
def outputs() -> dict[str, str | bytes]:
    catalogue = build_catalogue([FIXTURES / "catalogue"], today=SITE.today)
    return {o.src_uri: o.content for o in generate(catalogue, SITE)}


def test_json_has_one_record_per_practice_with_metadata_and_url(outputs: dict[str, str | bytes]) -> None:
    catalogue = build_catalogue([FIXTURES / "catalogue"], today=SITE.today)
    document = json.loads(outputs["catalogus.json"])
    records = {r["slug"]: r for r in document["practices"]}
    assert document["count"] == len(records) == len(catalogue.practices)
    for practice in catalogue.practices:
        record = records[practice.slug]
        assert record["url"] == f"https://kennisbank.example/praktijkvoorbeelden/{practice.slug}/"
        assert record["title"] == practice.title
        assert [t["id"] for t in record["themes"]] == list(practice.themes)
        assert record["region"][0]["id"] == practice.region


def test_csv_has_the_same_practices(outputs: dict[str, str | bytes]) -> None:
    content = outputs["catalogus.csv"]
    assert isinstance(content, str)
    rows = list(csv.DictReader(io.StringIO(content)))
    document = json.loads(outputs["catalogus.json"])
    assert [r["slug"] for r in rows] == [r["slug"] for r in document["practices"]]
    assert all(r["url"].startswith("https://kennisbank.example/praktijkvoorbeelden/") for r in rows)


def test_withdrawn_contacts_are_not_in_the_open_data_at_all(outputs: dict[str, str | bytes]) -> None:
    for name in ("catalogus.json", "catalogus.csv"):
        content = outputs[name]
        assert isinstance(content, str)
        assert "Teruggetrokken Persoon" not in content and "weg@debrug.example" not in content
    document = json.loads(outputs["catalogus.json"])
    assert any(r["contacts"] for r in document["practices"]), "the fixture should have a visible contact"


def test_finder_page_has_labelled_controls_and_keeps_the_links_for_no_script(outputs: dict[str, str | bytes]) -> None:
    page = outputs["zoeken.md"]
    assert isinstance(page, str)
    assert '<label for="kb-finder-q">' in page and 'id="kb-finder-q"' in page
    assert page.count("<fieldset") == page.count("<legend>") >= 5
    for box in re.findall(r'<input type="checkbox" id="([^"]+)"', page):
        assert f'<label for="{box}">' in page
    assert 'role="status"' in page and 'aria-live="polite"' in page
    assert "](themas/index.md)" in page and "](regios/index.md)" in page and "](doelgroepen/index.md)" in page


def test_finder_data_and_lunr_copies_are_emitted(outputs: dict[str, str | bytes]) -> None:
    data = json.loads(outputs["assets/finder/data.json"])
    assert len(data["records"]) == len(json.loads(outputs["catalogus.json"])["practices"])
    for name in data["index"]["files"]:
        assert f"assets/finder/{name}" in outputs
    for name in ("lunr.js", "lunr.stemmer.support.js", "lunr.nl.js", "finder.js"):
        assert outputs[f"assets/finder/{name}"]
