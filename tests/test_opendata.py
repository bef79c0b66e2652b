"""The open-data catalogue (/catalogus.json, /catalogus.csv) and the finder page's HTML, from the
fixture catalogue."""

from __future__ import annotations

import csv
import datetime as dt
import html
import io
import json
import re
from html.parser import HTMLParser
from typing import Any, cast

import pytest

from kennisbank.pages import Site, generate
from kennisbank.pages.finder import json_attribute

from .conftest import FIXTURES, repo_catalogue

SITE = Site(url="https://kennisbank.example/", today=dt.date(2026, 11, 22))


@pytest.fixture(scope="module")
def outputs() -> dict[str, str | bytes]:
    catalogue = repo_catalogue([FIXTURES / "catalogue"], today=SITE.today)
    return {o.src_uri: o.content for o in generate(catalogue, SITE)}


def test_json_has_one_record_per_practice_with_metadata_and_url(outputs: dict[str, str | bytes]) -> None:
    catalogue = repo_catalogue([FIXTURES / "catalogue"], today=SITE.today)
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


def finder_boot(outputs: dict[str, str | bytes]) -> dict[str, Any]:
    """What the finder page hands its script: the JSON in data-finder, as the browser reads it."""
    page = outputs["zoeken.md"]
    assert isinstance(page, str)
    found = re.search(r"data-finder='([^']*)'", page)
    assert found, "the finder page has no data-finder"
    return cast(dict[str, Any], json.loads(html.unescape(found.group(1))))


def test_finder_data_and_modules_are_emitted(outputs: dict[str, str | bytes]) -> None:
    catalogue = repo_catalogue([FIXTURES / "catalogue"], today=SITE.today)
    boot = finder_boot(outputs)
    data = json.loads(outputs["assets/finder/" + boot["core"]])
    assert data["count"] == len(json.loads(outputs["catalogus.json"])["practices"]) == len(catalogue.practices)
    for name in [*boot["index"]["files"], *boot["texts"]["files"], boot["words"]]:
        assert f"assets/finder/{name}" in outputs, name
    assert outputs["assets/finder/finder.js"]  # lunr's files come from the entry layer (test_entry_layer.py)
    # The text blocks hold every practice once, in catalogue order, from the starts the manifest gives.
    slugs: list[str] = []
    for start, name in zip(boot["texts"]["starts"], boot["texts"]["files"], strict=True):
        assert start == len(slugs)
        block = json.loads(outputs["assets/finder/" + name])
        assert len(block["slugs"]) == len(block["titles"]) == len(block["summaries"]) > 0
        slugs += block["slugs"]
    assert slugs == [p.slug for p in catalogue.practices]


def test_finder_facet_values_decode_to_each_practices_ids(outputs: dict[str, str | bytes]) -> None:
    catalogue = repo_catalogue([FIXTURES / "catalogue"], today=SITE.today)
    data = json.loads(outputs["assets/finder/data.json"])
    assert set(data["facetValues"]) == {"themes", "target_groups", "region", "phases", "evidence", "success_factors"}
    for attribute, spec in data["facetValues"].items():
        ids = [term_id for term_id, _name in data["facets"][spec["facet"]]]
        assert len(spec["lengths"]) == len(catalogue.practices) and sum(spec["lengths"]) == len(spec["values"])
        position = 0
        for practice, length in zip(catalogue.practices, spec["lengths"], strict=True):
            value = getattr(practice, attribute)
            expected = [value] if isinstance(value, str) else list(value)
            assert [ids[v] for v in spec["values"][position : position + length]] == expected
            position += length


def test_finder_page_carries_the_settings_and_manifests_as_json(outputs: dict[str, str | bytes]) -> None:
    boot = finder_boot(outputs)
    settings = {"synonyms", "stopWords", "wordCharacters", "loanwordPluralEndings"}
    assert settings | {"index", "texts", "core", "words"} <= set(boot)
    assert boot["index"]["fields"] == ["title", "summary", "labels", "body", "about", "towns"]
    assert len(boot["index"]["shards"]) == len(boot["index"]["files"]) >= 1
    words = json.loads(outputs["assets/finder/" + boot["words"]])
    terms = [entry[0] for name in boot["index"]["files"] for entry in json.loads(outputs["assets/finder/" + name])]
    assert words["terms"] == sorted(terms) and words["vocabulary"]


def test_json_in_an_attribute_reads_back_as_the_same_value() -> None:
    value = {"a": "it's <b> & \"quoted\" 'x'", "b": ["</div>", "&amp;"], "c": 1.5}
    parser = AttributeReader()
    parser.feed(f"<div data-x={json_attribute(value)}></div>")
    assert json.loads(parser.attributes["data-x"]) == value


class AttributeReader(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.attributes: dict[str, str] = {}

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.attributes.update({name: value or "" for name, value in attrs})
