"""The facet registry: everything a facet needs is one record in facets.py plus its vocabulary file.

The last test proves it end to end: it adds a made-up facet ("sector") to a copy of the project, one
registry record and one vocabulary file, tags three practices with it, builds the site with MkDocs and
runs the CLI, and finds the facet everywhere a facet belongs.
"""

from __future__ import annotations

import csv
import io
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from kennisbank import facets
from kennisbank.addresses import SECTION_FOLDERS, SINGLE_PAGE_SECTIONS, pdf_name, print_url
from kennisbank.schema import FIELDS_BY_NAME

from .conftest import repo_vocabularies

ROOT = Path(__file__).resolve().parents[1]


def test_every_facet_is_a_vocabulary_field_of_the_schema():
    for facet in facets.FACETS:
        field = FIELDS_BY_NAME[facet.name]
        assert field is facet.field
        assert field.vocabulary == facet.key


def test_every_facet_has_exactly_one_kind_of_page():
    for facet in facets.FACETS:
        assert bool(facet.folder) != bool(facet.page), facet.name
    assert set(SECTION_FOLDERS) | set(SINGLE_PAGE_SECTIONS) == {f.key for f in facets.FACETS}


def test_names_parameters_and_options_are_unique():
    for attribute in ("name", "key", "param", "option", "folder", "title", "legend"):
        values = [getattr(f, attribute) for f in facets.FACETS if getattr(f, attribute)]
        assert len(values) == len(set(values)), attribute


def test_the_examples_are_real_ids():
    vocabularies = repo_vocabularies()
    for facet in facets.FACETS:
        assert facet.example in vocabularies.by_key(facet.key), facet.name


def test_print_addresses_follow_the_registry():
    assert facets.PRINTED == ("regions", "target_groups", "themes")
    assert print_url("themes", "nazorg") == "themas/nazorg/afdrukken/"
    assert pdf_name("themes", "nazorg") == "thema-nazorg.pdf"
    assert pdf_name("regions", "twente") == "regio-twente.pdf"
    assert pdf_name("target_groups", "vso") == "doelgroep-vso.pdf"


SECTOR_RECORD = """
    Facet(
        Field(
            "sectors",
            Kind.TERM_LIST,
            "Sectoren waarin de jongeren aan het werk gaan (ids uit sectors.yml).",
            vocabulary="sectors",
        ),
        VocabularySpec("sectors", "sectors.yml", "sector", "onbekende sector"),
        title="Sectoren",
        legend="Sector",
        param="sector",
        label="Sectoren",
        example="zorg",
        folder="sectoren",
        browse=True,
        printable=True,
    ),
)
"""

SECTORS_YML = """\
# Sectoren (een bedacht facet voor de test).
- id: zorg
  name: Zorg en welzijn
  description: Werk in de zorg.
- id: techniek
  name: Techniek
  description: Werk in de techniek.
"""


def _copy_project(tmp_path: Path) -> Path:
    project = tmp_path / "project"
    for name in ("scripts", "practices", "docs", "overrides"):
        shutil.copytree(ROOT / name, project / name, ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(ROOT / "mkdocs.yml", project / "mkdocs.yml")
    registry = project / "scripts" / "kennisbank" / "facets.py"
    source = registry.read_text(encoding="utf-8")
    start = source.index("FACETS: tuple[Facet, ...] = (")
    end = source.index("\n)\n", start)
    registry.write_text(source[:end] + SECTOR_RECORD + source[end + 3 :], encoding="utf-8")
    (project / "practices" / "vocabularies" / "sectors.yml").write_text(SECTORS_YML, encoding="utf-8")
    return project


def _tag(project: Path, count: int, sector: str) -> list[str]:
    """Gives the first ``count`` practices (by file name) the sector; returns their slugs."""
    files = sorted((project / "practices").glob("*.md"))[:count]
    for path in files:
        text = path.read_text(encoding="utf-8")
        path.write_text(text.replace("\nevidence:", f"\nsectors: [{sector}]\nevidence:", 1), encoding="utf-8")
    return [path.stem for path in files]


def _run(project: Path, *code_and_args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(project / "scripts")}
    return subprocess.run(
        [sys.executable, *code_and_args], cwd=project, env=env, capture_output=True, text=True, timeout=600
    )


CLI = "import sys; from kennisbank.entry.cli import main; sys.argv[0] = 'kennisbank'; main()"


@pytest.mark.slow
def test_a_new_facet_is_one_record_and_one_vocabulary_file(tmp_path):
    project = _copy_project(tmp_path)
    tagged = _tag(project, 3, "zorg")

    check = _run(project, "-c", CLI, "check")
    assert check.returncode == 0, check.stdout + check.stderr

    # The validator knows the new field and its vocabulary, with the registry's Dutch names.
    wrong = project / "practices" / f"{tagged[0]}.md"
    wrong.write_text(wrong.read_text(encoding="utf-8").replace("sectors: [zorg]", "sectors: [zorgg]"), "utf-8")
    check = _run(project, "-c", CLI, "check")
    assert check.returncode == 1
    assert "sectors: onbekende sector 'zorgg'" in check.stdout + check.stderr
    wrong.write_text(wrong.read_text(encoding="utf-8").replace("sectors: [zorgg]", "sectors: [zorg]"), "utf-8")

    # The CLI's search has a filter for it.
    found = _run(project, "-c", CLI, "search", "", "--sector", "zorg", "--json", "--limit", "0")
    assert found.returncode == 0, found.stderr
    assert sorted(re.findall(r'"slug": "([^"]+)"', found.stdout)) == sorted(tagged)
    help_text = _run(project, "-c", CLI, "search", "--help").stdout
    assert "--sector ID" in help_text and "Alleen deze sector (id, bijv. zorg); mag vaker." in help_text

    site = project / "site"
    build = _run(project, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site))
    assert build.returncode == 0, build.stdout + build.stderr

    # Index pages: the section and a page per term, listing the tagged practices.
    section = (site / "sectoren" / "index.html").read_text(encoding="utf-8")
    assert "Sectoren" in section and "Zorg en welzijn" in section and "Techniek" in section
    term = (site / "sectoren" / "zorg" / "index.html").read_text(encoding="utf-8")
    for slug in tagged:
        assert f"praktijkvoorbeelden/{slug}/" in term
    # A print overview for the term with practices, and none for the empty one.
    overview = (site / "sectoren" / "zorg" / "afdrukken" / "index.html").read_text(encoding="utf-8")
    assert "Sector-overzicht" in overview
    assert not (site / "sectoren" / "techniek" / "afdrukken").exists()
    # The finder: a filter with the count, and the way in without JavaScript.
    finder = (site / "zoeken" / "index.html").read_text(encoding="utf-8")
    fieldset = re.search(r'<fieldset[^>]*data-facet="sectors" data-param="sector">.*?</fieldset>', finder, re.S)
    assert fieldset, "no finder filter for the new facet"
    assert "<legend>Sector</legend>" in fieldset.group(0)
    assert 'value="zorg"' in fieldset.group(0) and "(3)" in fieldset.group(0)
    assert "Per sector" in finder and "Alle sectoren" in finder
    # A practice page shows it.
    page = (site / "praktijkvoorbeelden" / tagged[0] / "index.html").read_text(encoding="utf-8")
    assert "Sectoren" in page and "../../sectoren/zorg/" in page
    # The catalogue export has a column for it.
    rows = list(csv.DictReader(io.StringIO((site / "catalogus.csv").read_text(encoding="utf-8"))))
    assert "sectors" in rows[0]
    assert sorted(r["slug"] for r in rows if "zorg" in r["sectors"]) == sorted(tagged)
