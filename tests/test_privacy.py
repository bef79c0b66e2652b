"""Privacy of contacts: every contact shows where it comes from and links to the privacy page, and a
withdrawn contact's name and address appear nowhere in the built site."""

from __future__ import annotations

import gzip
import html
import json
import re
from pathlib import Path

import pytest
import yaml

from kennisbank.entry.build import build_site
from kennisbank.pipeline import run

from .conftest import REPO, TODAY, copy_project, repo_catalogue, repo_vocabularies

pytestmark = pytest.mark.slow


def read(site: Path, url: str) -> str:
    return (site / url / "index.html").read_text(encoding="utf-8")


def contact_blocks(document: str) -> list[str]:
    return re.findall(r'<div class="kb-contacts">(.*?)</div>', document, re.S)


def test_every_contact_block_names_its_source_and_links_to_privacy(built_site: Path) -> None:
    catalogue = repo_catalogue()
    for practice in catalogue.practices:
        document = read(built_site, f"praktijkvoorbeelden/{practice.slug}")
        blocks = contact_blocks(document)
        assert len(blocks) == 1, practice.slug
        assert 'href="../../privacy/"' in blocks[0], practice.slug
        text = html.unescape(re.sub(r"<[^>]+>", "", blocks[0]))
        if practice.contacts:
            assert f"Genoemd in de bron ({practice.source.title}" in text, practice.slug
        assert "vergeleken met de bron op" in html.unescape(document), practice.slug
    directory = read(built_site, "contacten")
    assert 'href="../privacy/"' in directory
    assert (built_site / "privacy" / "index.html").exists()


def test_privacy_page_says_what_why_and_how_to_be_removed(built_site: Path) -> None:
    text = html.unescape(read(built_site, "privacy"))
    for heading in ("Welke persoonsgegevens", "Waarom tonen we deze gegevens", "verbeteren of verwijderen"):
        assert heading in text


def withdrawn_candidate() -> tuple[str, str, str]:
    """(slug, name, e-mail) of a real contact with an e-mail whose name occurs in one practice file only."""
    files = {path.stem: path.read_text(encoding="utf-8") for path in (REPO / "practices").glob("*.md")}
    for practice in repo_catalogue().practices:
        for contact in practice.contacts:
            others = [s for s, t in files.items() if s != practice.slug and contact.name in t]
            if contact.email and not others and not contact.withdrawn:
                return practice.slug, contact.name, contact.email
    raise AssertionError("no real contact with an e-mail address to withdraw")


def withdraw(source: str, name: str) -> str:
    """The practice file with ``withdrawn: true`` added to the contact called ``name``."""
    lines = source.split("\n")
    at = next(i for i, line in enumerate(lines) if line.strip() in (f"- name: {name}", f'- name: "{name}"'))
    indent = " " * (len(lines[at]) - len(lines[at].lstrip()) + 2)
    lines.insert(at + 1, f"{indent}withdrawn: true")
    return "\n".join(lines)


def every_file_text(site: Path) -> dict[Path, str]:
    out = {}
    for path in site.rglob("*"):
        if not path.is_file():
            continue
        data = gzip.decompress(path.read_bytes()) if path.suffix == ".gz" else path.read_bytes()
        out[path] = data.decode("utf-8", errors="replace")
    return out


def test_withdrawn_contact_appears_nowhere_in_the_site(tmp_path: Path) -> None:
    slug, name, email = withdrawn_candidate()
    project = copy_project(tmp_path)
    target = project / "practices" / f"{slug}.md"
    source = withdraw(target.read_text(encoding="utf-8"), name)
    head, body = source.split("\n---\n", 1)
    # The body may name the person in running text; the editor replaces that (see the validator test below).
    target.write_text(
        head + "\n---\n" + body.replace(name, "de contactpersoon").replace(email, "het algemene adres"),
        encoding="utf-8",
    )
    site = tmp_path / "site"
    build_site(project / "mkdocs.yml", site)

    files = every_file_text(site)
    assert any(p.suffix == ".gz" for p in files)
    assert {"catalogus.json", "catalogus.csv"} <= {p.name for p in files}  # the finder's open data
    needles = {name, email, html.escape(name), name.replace(" ", "\\u00a0"), email.lower()}
    for path, content in files.items():
        for needle in needles:
            assert needle not in content, (path.relative_to(site), needle)
    page = html.unescape(read(site, f"praktijkvoorbeelden/{slug}"))
    organisation = next(c.organisation for c in repo_catalogue().by_slug(slug).contacts if c.name == name)
    assert organisation in page  # the organisation stays, so readers know where to go


def test_validator_refuses_a_withdrawn_name_left_in_the_text(tmp_path: Path) -> None:
    slug, name, _email = withdrawn_candidate()
    folder = tmp_path / "practices"
    folder.mkdir()
    target = folder / f"{slug}.md"
    source = withdraw((REPO / "practices" / f"{slug}.md").read_text(encoding="utf-8"), name)
    target.write_text(source + f"\nNeem contact op met {name}.\n", encoding="utf-8")
    state = run([folder], repo_vocabularies(), today=TODAY)
    messages = [str(p) for p in state.errors]
    assert any(f"noemt '{name}', maar die contactpersoon is teruggetrokken" in m for m in messages), messages


def test_withdrawn_in_one_file_is_withdrawn_in_all(tmp_path: Path) -> None:
    slug, name, email = withdrawn_candidate()
    folder = tmp_path / "practices"
    folder.mkdir()
    original = (REPO / "practices" / f"{slug}.md").read_text(encoding="utf-8")
    head, body = withdraw(original, name).split("\n---\n", 1)
    body = body.replace(name, "de contactpersoon").replace(email, "het algemene adres")
    (folder / f"{slug}.md").write_text(head + "\n---\n" + body, encoding="utf-8")
    # A second file that still lists the same person (same e-mail) as a visible contact.
    title_line = next(line for line in original.split("\n") if line.startswith("title:"))
    new_title = "title: " + json.dumps("Kopie van " + yaml.safe_load(title_line)["title"])
    copy = original.replace(title_line, new_title, 1)
    (folder / f"{slug}-kopie.md").write_text(copy, encoding="utf-8")
    state = run([folder], repo_vocabularies(), today=TODAY)
    messages = [str(p) for p in state.errors]
    assert any(f"{slug}-kopie.md:" in m and f"'{name}' is teruggetrokken in" in m for m in messages), messages
    assert email
