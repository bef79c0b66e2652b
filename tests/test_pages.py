"""Generated pages, compared with golden files (``pytest --update-golden`` rewrites them), plus the
properties every generated page must have."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from kennisbank.pages import Site, generate

from .conftest import FIXTURES, assert_golden, repo_catalogue

GOLDEN = Path(__file__).resolve().parent / "golden"
CATALOGUE_DIR = FIXTURES / "catalogue"
SITE = Site(url="https://kennisbank.example/", today=dt.date(2026, 11, 22), repo_url="https://git.example/kb")

# The outputs under golden test: one of every kind of page.
GOLDEN_OUTPUTS = (
    "praktijkvoorbeelden/voorbeeldstad-jobcoach-na-school.md",
    "praktijkvoorbeelden/landelijk-leercirkels.md",
    "praktijkvoorbeelden/index.md",
    "praktijkvoorbeelden/op-datum.md",
    "themas/index.md",
    "themas/nazorg/index.md",
    "themas/nazorg/afdrukken.md",
    "doelgroepen/pro/index.md",
    "regios/index.md",
    "regios/twente/index.md",
    "contacten.md",
    "handvatten/index.md",
    "bewijsladder/index.md",
    "index.md",
    "overzicht.md",
)


@pytest.fixture(scope="module")
def outputs() -> dict[str, str | bytes]:
    catalogue = repo_catalogue([CATALOGUE_DIR], today=SITE.today)
    return {o.src_uri: o.content for o in generate(catalogue, SITE)}


@pytest.mark.parametrize("src_uri", GOLDEN_OUTPUTS)
def test_page_matches_golden_file(outputs: dict[str, str | bytes], src_uri: str, update_golden: bool) -> None:
    actual = outputs[src_uri]
    assert isinstance(actual, str)
    assert_golden(GOLDEN / src_uri, actual, update_golden)


def test_every_vocabulary_term_has_a_page(outputs: dict[str, str | bytes], vocabularies) -> None:  # type: ignore[no-untyped-def]
    for folder, vocabulary in (
        ("themas", vocabularies.themes),
        ("doelgroepen", vocabularies.target_groups),
        ("regios", vocabularies.regions),
        ("fasen", vocabularies.phases),
    ):
        for term in vocabulary:
            assert f"{folder}/{term.id}/index.md" in outputs


def test_metadata_is_escaped(outputs: dict[str, str | bytes]) -> None:
    page = outputs["praktijkvoorbeelden/landelijk-leercirkels.md"]
    assert isinstance(page, str)
    heading = next(line for line in page.splitlines() if line.startswith("# "))
    assert heading == "# Landelijk: leercirkels voor &#91;regio&#39;s&#93; &amp; &#42;partners&#42; (1 &lt; 2)"


def test_withdrawn_contact_shows_organisation_only(outputs: dict[str, str | bytes]) -> None:
    for content in outputs.values():
        text = content if isinstance(content, str) else content.decode("utf-8", "replace")
        assert "weg@debrug.example" not in text
        assert "Teruggetrokken Persoon" not in text
    page = outputs["praktijkvoorbeelden/voorbeeldstad-jobcoach-na-school.md"]
    assert isinstance(page, str)
    assert "- Praktijkschool De Brug" in page


def test_practice_without_contact_says_so(outputs: dict[str, str | bytes]) -> None:
    page = outputs["praktijkvoorbeelden/landelijk-leercirkels.md"]
    assert isinstance(page, str)
    assert "De bron noemt geen contactpersoon." in page
