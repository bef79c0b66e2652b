"""What frames every page (issue 18): the footer's colophon, the Dutch 404 page, the header's link to the
repository, and the theme, target-group and region pages under their own tab with the finder one click away."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from kennisbank.catalogue import Catalogue
from kennisbank.facets import BY_KEY
from kennisbank.pages import Site, generate, nav_with_term_pages
from kennisbank.pages.terms import finder_link, practice_facts

from .conftest import FIXTURES, repo_catalogue

# The sections whose pages this issue puts under their tab, and one of their terms with practices.
SECTIONS = {"themes": "themas", "target_groups": "doelgroepen", "regions": "regios"}


ACTIVE_TAB = r'md-tabs__item md-tabs__item--active">\s*<a href="[^"]*" class="md-tabs__link">\s*([^<]*?)\s*<'


def read(site: Path, path: str) -> str:
    return (site / path).read_text(encoding="utf-8")


def colophon(page: str) -> str:
    match = re.search(r'<div class="md-copyright kb-colophon">.*?</div>', page, re.S)
    assert match, "no colophon"
    return match.group(0)


def test_every_page_has_the_dutch_colophon_instead_of_materials_credit(built_site: Path) -> None:
    pages = sorted(built_site.rglob("*.html"))
    assert len(pages) > 20
    for path in pages:
        page = path.read_text(encoding="utf-8")
        assert "Made with" not in page, path
        assert "kb-colophon" in page, path


def test_the_colophon_names_keeper_licences_open_data_privacy_accessibility_and_source(built_site: Path) -> None:
    footer = colophon(read(built_site, "themas/nazorg/index.html"))
    assert "wordt bijgehouden door de redactie" in footer
    assert 'href="https://creativecommons.org/licenses/by/4.0/deed.nl" rel="license">CC BY 4.0</a>' in footer
    assert "contactgegevens vallen daar niet onder" in footer
    repo = "https://github.com/kennisbank-jeugdwerkloosheid/kennisbank"
    assert f'href="{repo}/blob/main/LICENSE">EUPL-1.2</a>' in footer
    assert f'href="{repo}/blob/main/LICENSE-teksten.md"' in footer
    assert f'href="{repo}">Broncode</a>' in footer
    # Site links relative to the page (absolute paths on the 404 page); each one exists.
    for path, prefix in (("themas/nazorg/index.html", "../../"), ("index.html", ""), ("404.html", "/")):
        footer = colophon(read(built_site, path))
        for target in ("catalogus.json", "catalogus.csv", "privacy/", "toegankelijkheid/", "over/"):
            assert f'href="{prefix}{target}"' in footer, (path, target)
            assert (built_site / target).is_file() or (built_site / target / "index.html").is_file(), target


def test_the_about_page_links_the_downloads_and_states_the_licences(built_site: Path) -> None:
    about = read(built_site, "over/index.html")
    assert 'href="../catalogus.json"' in about and 'href="../catalogus.csv"' in about
    assert "Creative Commons Naamsvermelding 4.0" in about and "EUPL-1.2" in about


def test_the_404_page_is_dutch_with_a_search_field_and_the_overviews(built_site: Path) -> None:
    page = read(built_site, "404.html")
    assert "404 - Not found" not in page
    assert '<h1 id="pagina-niet-gevonden">Pagina niet gevonden</h1>' in page
    assert "<title>Pagina niet gevonden - Kennisbank Aanpak Jeugdwerkloosheid</title>" in page
    assert '<a href="#pagina-niet-gevonden" class="md-skip">' in page
    form = re.search(r'<form class="kb-notfound-search".*?</form>', page, re.S)
    assert form and 'action="/zoeken/" method="get"' in form.group(0) and 'name="q"' in form.group(0)
    for target, label in (("/themas/", "Thema's"), ("/doelgroepen/", "Doelgroepen"), ("/regios/", "Regio's")):
        assert f'<a href="{target}">{label}</a>' in page
    assert '<a href="/">Naar de startpagina</a>' in page
    assert 'href="/assets/kennisbank.css"' in page  # the stylesheet, from any depth


def test_the_header_link_says_where_it_goes(built_site: Path) -> None:
    page = read(built_site, "index.html")
    assert re.search(r'md-source__repository">\s*Meewerken op GitHub\s*<', page)


@pytest.mark.parametrize("key", SECTIONS)
def test_term_pages_sit_under_their_tab_without_a_table_of_contents(built_site: Path, key: str) -> None:
    catalogue = repo_catalogue()
    term = next(t for t in catalogue.vocabularies.by_key(key) if catalogue.practices_with(key, t.id))
    folder = SECTIONS[key]
    for path in (f"{folder}/index.html", f"{folder}/{term.id}/index.html"):
        page = read(built_site, path)
        active = re.search(ACTIVE_TAB, page)
        assert active and active.group(1) == BY_KEY[key].title, path
        assert re.search(r'md-sidebar--secondary"[^>]*data-md-type="toc" hidden>', page), path
        # The left column lists the section's pages: it is not empty.
        primary = page[page.index("md-sidebar--primary") : page.index("md-sidebar--secondary")]
        assert f'href="{"" if path.endswith(f"{folder}/index.html") else "../"}{term.id}/"' in primary or (
            'href="./"' in primary
        ), path
    term_page = read(built_site, f"{folder}/{term.id}/index.html")
    finder = f'href="../../zoeken/?{BY_KEY[key].param}={term.id}"'
    assert re.search(rf'<a class="md-button kb-finder-link" {re.escape(finder)}>Zoek en filter binnen ', term_page)


def test_nav_holds_each_sections_term_pages_and_leaves_the_rest() -> None:
    catalogue = repo_catalogue()
    nav = [
        {"Home": "index.md"},
        {"Thema's": "themas/index.md"},
        {"Achtergrond": ["over.md", "fasen/index.md"]},
    ]
    expanded = nav_with_term_pages(nav, catalogue)
    themes = [f"themas/{t.id}/index.md" for t in catalogue.vocabularies.themes]
    phases = [f"fasen/{t.id}/index.md" for t in catalogue.vocabularies.phases]
    assert expanded == [
        {"Home": "index.md"},
        {"Thema's": ["themas/index.md", *themes]},
        {"Achtergrond": ["over.md", {BY_KEY["phases"].title: ["fasen/index.md", *phases]}]},
    ]
    assert nav_with_term_pages(expanded, catalogue) == expanded  # a rebuild in `mkdocs serve`
    assert nav[1] == {"Thema's": "themas/index.md"}  # the setting itself is left as it was


def test_regions_in_the_nav_come_in_the_order_of_their_page(catalogue: Catalogue) -> None:
    (entry,) = nav_with_term_pages(["regios/index.md"], catalogue)
    pages = entry[BY_KEY["regions"].title]
    index = next(o.content for o in generate(catalogue, Site()) if o.src_uri == "regios/index.md")
    assert isinstance(index, str)
    listed = re.findall(r"\]\(([\w-]+)/index\.md\)", index)
    assert pages == ["regios/index.md", *(f"regios/{term}/index.md" for term in listed)]


@pytest.fixture(scope="module")
def catalogue() -> Catalogue:
    return repo_catalogue([FIXTURES / "catalogue"])


def test_a_listed_practice_names_region_themes_target_groups_phase_and_evidence(catalogue: Catalogue) -> None:
    practice = catalogue.practices[0]
    vocabularies = catalogue.vocabularies
    facts = practice_facts(practice, catalogue)
    assert facts.split(" · ") == [
        f"Regio: {vocabularies.regions[practice.region].name}",
        "Thema&#39;s: " + ", ".join(vocabularies.themes[t].name for t in practice.themes),
        "Doelgroepen: " + ", ".join(vocabularies.target_groups[t].name for t in practice.target_groups),
        "Fase: " + ", ".join(vocabularies.phases[t].name for t in practice.phases),
        f"Bewijsniveau: {vocabularies.evidence[practice.evidence].name}",
    ]


@pytest.mark.parametrize(
    ("key", "expected"),
    [
        ("themes", "[Zoek en filter binnen dit thema](../../zoeken.md?thema=nazorg)"),
        ("target_groups", "[Zoek en filter binnen deze doelgroep](../../zoeken.md?doelgroep=nazorg)"),
        ("regions", "[Zoek en filter binnen deze regio](../../zoeken.md?regio=nazorg)"),
        ("phases", "[Zoek en filter binnen deze fase](../../zoeken.md?fase=nazorg)"),
    ],
)
def test_the_finder_link_turns_on_the_terms_filter(key: str, expected: str) -> None:
    src = f"{BY_KEY[key].folder}/nazorg/index.md"
    assert finder_link(key, "nazorg", src) == expected + "{ .md-button .kb-finder-link }"


def test_the_catalogue_export_states_its_licence(catalogue: Catalogue) -> None:
    outputs = {o.src_uri: o.content for o in generate(catalogue, Site(url="https://example.org/"))}
    document = json.loads(outputs["catalogus.json"])
    assert document["license"]["id"] == "CC-BY-4.0"
    assert "contactgegevens" in document["license"]["exception"]
