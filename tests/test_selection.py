"""'Mijn selectie' without a browser: what the build ships for it (the page, the list of practices, the
modules, the button on each practice page) and the print work around it (target-group overviews, the
region introduction with its gemeenten)."""

from __future__ import annotations

import datetime as dt
import json
import re

import pytest
import yaml

from kennisbank.addresses import SELECTION, SELECTION_ASSETS, practice_url, print_src, print_url
from kennisbank.pages import GENERATORS, Site
from kennisbank.pages import print_intro as intro_module
from kennisbank.pages.practice import practice_pages
from kennisbank.pages.printing import print_pages
from kennisbank.pages.selection import (
    PAGE_SCRIPT,
    PRACTICES_FILE,
    STORE_SCRIPT,
    selection_modules,
    selection_pages,
)
from kennisbank.safety import scan_page

from .conftest import FIXTURES, REPO, repo_catalogue

TODAY = dt.date(2026, 11, 22)


@pytest.fixture(scope="module")
def catalogue():  # type: ignore[no-untyped-def]
    return repo_catalogue([FIXTURES / "catalogue"], today=TODAY)


@pytest.fixture(scope="module")
def site() -> Site:
    return Site(url="https://kennisbank.example/", today=TODAY)


def outputs(catalogue, site) -> dict[str, str | bytes]:  # type: ignore[no-untyped-def]
    return {o.src_uri: o.content for o in selection_pages(catalogue, site)}


def test_the_generator_is_registered_and_writes_page_data_and_modules(catalogue, site) -> None:  # type: ignore[no-untyped-def]
    assert selection_pages in GENERATORS
    written = outputs(catalogue, site)
    names = {name for name, _content in selection_modules()}
    assert {"list.js", STORE_SCRIPT, PAGE_SCRIPT, "bundle.js"} <= names
    assert set(written) == {SELECTION, SELECTION_ASSETS + PRACTICES_FILE} | {SELECTION_ASSETS + n for n in names}


def test_the_list_of_practices_follows_the_catalogue_and_the_address_rules(catalogue, site) -> None:  # type: ignore[no-untyped-def]
    data = json.loads(outputs(catalogue, site)[SELECTION_ASSETS + PRACTICES_FILE])
    practices = catalogue.practices
    assert data["slugs"] == [p.slug for p in practices]
    assert data["titles"] == [p.title for p in practices]
    assert data["regions"] == [p.region for p in practices]
    for p in practices:
        assert data["page"].replace("{slug}", p.slug) == practice_url(p.slug)
        # Every practice's block is on the print overview of its region: that overview exists.
        assert data["print"].replace("{region}", p.region) == print_url("regions", p.region)
        assert print_src("regions", p.region) in {o.src_uri for o in print_pages(catalogue, site)}


def test_modules_import_only_each_other_and_the_page_loads_the_store_on_every_page() -> None:
    modules = dict(selection_modules())
    for name, content in modules.items():
        for target in re.findall(r"^\s*import\b[^;]*?[\"']([^\"']+)[\"']", content.decode("utf-8"), re.M):
            assert re.fullmatch(r"\./[a-z]+\.js", target) and target[2:] in modules, (name, target)
    config = (REPO / "mkdocs.yml").read_text(encoding="utf-8").replace("!ENV", "")
    scripts = yaml.safe_load(config)["extra_javascript"]
    assert {"path": SELECTION_ASSETS + STORE_SCRIPT, "type": "module"} in scripts
    assert "assets/selection.css" in yaml.safe_load(config)["extra_css"]


def test_titles_are_set_as_text_in_the_modules() -> None:
    for name, content in selection_modules():
        source = content.decode("utf-8")
        for forbidden in ("innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval("):
            assert forbidden not in source, (name, forbidden)


def test_the_page_explains_itself_without_javascript_and_passes_the_safety_scan(catalogue, site) -> None:  # type: ignore[no-untyped-def]
    page = outputs(catalogue, site)[SELECTION]
    assert isinstance(page, str)
    assert "<noscript><p>Voor Mijn selectie is JavaScript nodig" in page
    for folder in ("themas", "doelgroepen", "regios"):
        assert f'<a href="../{folder}/">' in page
    assert f'<script type="module" src="../{SELECTION_ASSETS}{PAGE_SCRIPT}"></script>' in page
    # The raw HTML of the page (the rest is Markdown): nothing in it that the last scan refuses.
    raw = page[page.index("<noscript>") : page.index("</noscript>")] + page[page.index('<div id="kb-selection"') :]
    assert scan_page(raw, "selectie/index.html") == []


def test_every_practice_page_has_its_hidden_toggle(catalogue, site) -> None:  # type: ignore[no-untyped-def]
    for output, practice in zip(practice_pages(catalogue, site), catalogue.practices, strict=True):
        button = (
            f'<button type="button" class="md-button kb-select-toggle" data-slug="{practice.slug}" '
            'aria-pressed="false" hidden>Bewaar in mijn selectie</button>'
        )
        assert button in output.content
        assert scan_page(button, "praktijkvoorbeelden/x/index.html") == []


def test_target_groups_get_print_overviews(catalogue, site) -> None:  # type: ignore[no-untyped-def]
    printed = {o.src_uri: o.content for o in print_pages(catalogue, site)}
    assert "doelgroepen/pro/afdrukken.md" in printed
    assert "Doelgroep-overzicht · Kennisbank Aanpak Jeugdwerkloosheid" in printed["doelgroepen/pro/afdrukken.md"]


def test_a_region_overview_opens_with_its_themes_counted(catalogue, site) -> None:  # type: ignore[no-untyped-def]
    printed = {o.src_uri: o.content for o in print_pages(catalogue, site)}
    twente = printed["regios/twente/afdrukken.md"]
    practice = next(p for p in catalogue.practices if p.region == "twente")
    themes = catalogue.vocabularies.themes
    expected = ", ".join(f"{themes[t].name} (1)" for t in sorted(practice.themes, key=themes.ids.index))
    assert f"**Per thema:** {expected}\n{{: .kb-print-intro }}" in twente
    names = sorted(m.name for m in catalogue.vocabularies.municipalities.in_region("twente"))
    assert "Enschede" in names
    assert f"**Gemeenten:** {', '.join(names)}  \n**Per thema:**" in twente
    assert "Gemeenten" not in printed["regios/landelijk/afdrukken.md"]  # the whole country: no list
    assert "Per thema" not in printed["themas/nazorg/afdrukken.md"]


def test_the_municipality_hook_fills_the_introduction(catalogue, site, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(intro_module, "region_municipalities", lambda catalogue, region: ("Enschede", "Hengelo"))
    printed = {o.src_uri: o.content for o in print_pages(catalogue, site)}
    assert "**Gemeenten:** Enschede, Hengelo  \n**Per thema:** " in printed["regios/twente/afdrukken.md"]


@pytest.mark.slow
def test_the_selection_adds_at_most_10_kb_gzipped_to_a_page(built_site) -> None:  # type: ignore[no-untyped-def]
    from benchmarks.selection import BUDGET_BYTES, selection_weight

    weight = selection_weight(built_site)
    assert set(weight["files"]) == {
        "assets/selection/store.js",
        "assets/selection/list.js",
        "assets/selection.css",
    }, weight
    assert weight["total_gz"] <= BUDGET_BYTES, weight
