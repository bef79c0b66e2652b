"""`mkdocs serve` keeps the last good site (``kennisbank.site.LastGood``, held by the hook): a broken practice
keeps its last good version, a broken, missing or renamed vocabulary never stops the server, and whatever
went wrong comes back as problems for the terminal and the banner."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest

import kennisbank.site
from kennisbank.errors import ContentError, KennisbankError, Problem, display_path
from kennisbank.pages import Site
from kennisbank.site import LastGood, SiteContent

from .conftest import FIXTURES, REPO

TODAY = dt.date(2026, 12, 2)
SLUG = "voorbeeldstad-jobcoach-na-school"  # themes: [nazorg, ...]
OTHER = "landelijk-leercirkels"  # not about nazorg
THEME_PAGE = "themas/nazorg/index.md"


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """A practices folder with its own vocabularies, as a copy of the project has."""
    practices = tmp_path / "practices"
    shutil.copytree(REPO / "practices" / "vocabularies", practices / "vocabularies")
    for practice in (FIXTURES / "catalogue").glob("*.md"):
        shutil.copy(practice, practices)
    return practices


def rebuild(memory: LastGood, folder: Path) -> SiteContent:
    return memory.build(Site(today=TODAY), folder, today=TODAY)


def pages(content: SiteContent) -> dict[str, str]:
    return {output.src_uri: output.content for output in content.outputs}


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_a_renamed_theme_still_in_use_is_that_practice_s_error(folder: Path) -> None:
    memory = LastGood()
    assert not rebuild(memory, folder).problems
    edit(folder / "vocabularies" / "themes.yml", "- id: nazorg\n", "- id: nazorg-op-school\n")
    renamed = rebuild(memory, folder)
    assert [str(p) for p in renamed.errors] == [
        f"{display_path(folder / f'{SLUG}.md')}:9: themes: onbekend thema 'nazorg' — bedoelde je 'nazorg-op-school'?"
    ]
    # Its last good version used the old id: restoring it would put an unknown theme in the catalogue.
    assert [p.slug for p in renamed.catalogue.practices] == [OTHER]
    assert "themas/nazorg-op-school/index.md" in pages(renamed)
    edit(folder / "vocabularies" / "themes.yml", "- id: nazorg-op-school\n", "- id: nazorg\n")
    fixed = rebuild(memory, folder)
    assert not fixed.problems
    assert sorted(p.slug for p in fixed.catalogue.practices) == [OTHER, SLUG]


@pytest.mark.parametrize("breaking", ["invalid YAML", "deleted"])
def test_a_broken_vocabulary_keeps_the_last_good_site(folder: Path, breaking: str) -> None:
    memory = LastGood()
    good = rebuild(memory, folder)
    themes = folder / "vocabularies" / "themes.yml"
    if breaking == "deleted":
        text = themes.read_text(encoding="utf-8")
        themes.unlink()
    else:
        edit(themes, "- id: nazorg\n", "- id: [nazorg\n")
        text = themes.read_text(encoding="utf-8").replace("- id: [nazorg\n", "- id: nazorg\n")
    broken = rebuild(memory, folder)
    assert len(broken.errors) == 1
    assert str(broken.errors[0]).startswith(f"{display_path(themes)}:")  # the vocabulary's own problem
    assert pages(broken) == pages(good)
    assert broken.catalogue is good.catalogue

    themes.write_text(text.replace("name: Nazorg begint al op school", "name: Nazorg vanaf de schoolbank"))
    fixed = rebuild(memory, folder)
    assert not fixed.problems
    assert "Nazorg vanaf de schoolbank" in pages(fixed)[THEME_PAGE]


def test_a_broken_vocabulary_at_the_first_build_gives_an_empty_site_with_its_problem(folder: Path) -> None:
    themes = folder / "vocabularies" / "themes.yml"
    themes.unlink()
    content = rebuild(LastGood(), folder)
    assert len(content.errors) == 1 and str(content.errors[0]).startswith(f"{display_path(themes)}:")
    assert content.outputs == [] and content.catalogue.practices == []


def test_the_problems_an_error_carries_are_shown_as_they_are(folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    problem = Problem("practices/vocabularies/themes.yml", 3, "id", "staat twee keer in de lijst")

    def broken(directory: Path) -> None:
        raise ContentError([problem])

    monkeypatch.setattr(kennisbank.site, "load_vocabularies", broken)
    assert rebuild(LastGood(), folder).problems == [problem]


def test_an_error_with_only_a_message_becomes_one_problem(folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(directory: Path) -> None:
        raise KennisbankError("practices/vocabularies/themes.yml: bestand ontbreekt")

    monkeypatch.setattr(kennisbank.site, "load_vocabularies", broken)
    assert [str(p) for p in rebuild(LastGood(), folder).problems] == [
        f"{display_path(folder)}:1: site: practices/vocabularies/themes.yml: bestand ontbreekt"
    ]


def test_an_unexpected_error_keeps_the_last_good_site(folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    memory = LastGood()
    good = rebuild(memory, folder)

    def failing(*args: object) -> None:
        raise KeyError("nazorg")

    monkeypatch.setattr(kennisbank.site, "generate", failing)
    content = rebuild(memory, folder)
    assert [str(p) for p in content.problems] == [
        f"{display_path(folder)}:1: site: onverwachte fout bij het maken van de site (KeyError: 'nazorg'); "
        "de site toont de laatste goede versie. 'kennisbank build' toont de details; meld dit bij de beheerders "
        "van de kennisbank"
    ]
    assert pages(content) == pages(good)


def test_each_server_has_its_own_memory(folder: Path) -> None:
    """The last good version belongs to the object that serves, not to the module (issue 15)."""
    assert not rebuild(LastGood(), folder).problems
    edit(folder / f"{SLUG}.md", "themes: [nazorg", "themes: [nazrg")
    fresh = rebuild(LastGood(), folder)
    assert len(fresh.errors) == 1
    assert [p.slug for p in fresh.catalogue.practices] == [OTHER]
