"""The whole real site, built strictly: every practice, term and contact is where it should be."""

from __future__ import annotations

import html
import posixpath
import re
from pathlib import Path

import pytest

from .conftest import copy_project, repo_catalogue

pytestmark = pytest.mark.slow


def page(site: Path, url: str) -> str:
    return html.unescape((site / url / "index.html").read_text(encoding="utf-8"))


def test_every_practice_has_its_page_and_is_linked_from_its_indexes(built_site: Path) -> None:
    catalogue = repo_catalogue()
    assert len(catalogue.practices) >= 35
    for practice in catalogue.practices:
        own = page(built_site, f"praktijkvoorbeelden/{practice.slug}")
        assert "<h1" in own and practice.title in own
        link = f"praktijkvoorbeelden/{practice.slug}/"
        for theme in practice.themes:
            assert link in page(built_site, f"themas/{theme}"), (practice.slug, theme)
        for group in practice.target_groups:
            assert link in page(built_site, f"doelgroepen/{group}"), (practice.slug, group)
        assert link in page(built_site, f"regios/{practice.region}"), practice.slug
        for theme in practice.themes:
            printed = page(built_site, f"themas/{theme}/afdrukken")
            assert practice.title in printed


def test_every_contact_is_in_the_directory_with_source_date(built_site: Path) -> None:
    catalogue = repo_catalogue()
    directory = page(built_site, "contacten")
    for practice in catalogue.practices:
        for contact in practice.visible_contacts:
            assert contact.name in directory
            if contact.email:
                assert f'href="mailto:{contact.email}"' in directory
    assert "(bron: " in directory


def test_every_term_page_exists(built_site: Path, vocabularies) -> None:  # type: ignore[no-untyped-def]
    for folder, vocabulary in (
        ("themas", vocabularies.themes),
        ("doelgroepen", vocabularies.target_groups),
        ("regios", vocabularies.regions),
    ):
        index = page(built_site, folder)
        for term in vocabulary:
            assert term.name in page(built_site, f"{folder}/{term.id}")
            assert f"{folder}/{term.id}/" in index or f"{term.id}/" in index


def test_site_is_dutch_and_edit_links_point_at_sources(built_site: Path) -> None:
    home = (built_site / "index.html").read_text(encoding="utf-8")
    assert re.search(r'<html lang="nl"', home)
    practice = page(built_site, "praktijkvoorbeelden/midden-limburg-gezamenlijk-plan-van-aanpak")
    assert "edit/main/practices/midden-limburg-gezamenlijk-plan-van-aanpak.md" in practice
    over = page(built_site, "over")
    assert "edit/main/docs/over.md" in over


def test_no_google_fonts_or_other_hosts_in_head(built_site: Path) -> None:
    home = (built_site / "index.html").read_text(encoding="utf-8")
    assert "fonts.googleapis" not in home and "fonts.gstatic" not in home


def test_links_from_the_source_are_on_the_practice_page(built_site: Path) -> None:
    catalogue = repo_catalogue()
    with_links = [p for p in catalogue.practices if p.links]
    assert with_links
    for practice in with_links:
        own = page(built_site, f"praktijkvoorbeelden/{practice.slug}")
        for link in practice.links:
            assert f'href="{link.url}"' in own and link.title in own


def test_every_page_searches_through_the_finder_and_none_downloads_materials_index(built_site: Path) -> None:
    """The header's form opens /zoeken/ from every page (relative, so the site works below any path);
    Material's search plugin is off, so no page fetches an index of every page's text."""
    assert not (built_site / "search").exists()
    pages = sorted(built_site.rglob("index.html"))
    assert len(pages) > 100
    for path in pages:
        here = path.parent.relative_to(built_site).as_posix()
        content = path.read_text(encoding="utf-8")
        finder = posixpath.relpath("zoeken", here) + "/"  # "./" on the finder itself, as MkDocs writes it
        form = f'<form class="kb-header-search" role="search" aria-label="Zoeken in de kennisbank" action="{finder}"'
        assert form in content, path
        assert 'name="q"' in content and "search_index" not in content, path


def test_trimmed_templates_keep_every_page_s_text(tmp_path: Path) -> None:
    """The hook has Jinja drop the line breaks and indentation around Material's {% %} tags (on_env): every
    page keeps its text, word for word, also where a tag stands between two words without a space, and
    becomes smaller. Two copies of the project, built alike but for that."""
    from kennisbank.entry.build import build_site

    sites = {}
    for name in ("trimmed", "untrimmed"):
        (tmp_path / name).mkdir()
        project = copy_project(tmp_path / name)
        if name == "untrimmed":
            hook = project / "scripts" / "kennisbank" / "entry" / "mkdocs_hook.py"
            source = hook.read_text(encoding="utf-8")
            assert "def on_env(" in source
            hook.write_text(source.replace("def on_env(", "def _untrimmed_env("), encoding="utf-8")
        sites[name] = tmp_path / name / "site"
        build_site(project / "mkdocs.yml", sites[name])

    def words(page: str) -> str:
        page = re.sub(r"<script\b.*?</script>", "", page, flags=re.S)
        return " ".join(html.unescape(re.sub(r"<[^>]+>", "", page)).split())

    pages = sorted(sites["untrimmed"].rglob("*.html"))
    assert len(pages) > 100
    before = after = 0
    for page in pages:
        plain = page.read_text(encoding="utf-8")
        trimmed = (sites["trimmed"] / page.relative_to(sites["untrimmed"])).read_text(encoding="utf-8")
        assert words(trimmed) == words(plain), page.relative_to(sites["untrimmed"])
        before, after = before + len(plain), after + len(trimmed)
    assert after < 0.95 * before, (after, before)
