"""A withdrawn contact named in a vocabulary: a term's aliases and the glossary's synonyms reach the site only as
words of the search index, where the guard on the built site cannot read a name, so the vocabularies are
checked on the input, with the one rule of ``mentions.py``, and reported at the contact that is withdrawn."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from kennisbank.errors import display_path
from kennisbank.pipeline import run
from kennisbank.vocabularies import GlossaryEntry, Vocabularies

from .conftest import FIXTURES, TODAY, repo_vocabularies

JOBCOACH = FIXTURES / "catalogue" / "voorbeeldstad-jobcoach-na-school.md"  # withdraws 'Teruggetrokken Persoon'
CIRCLES = FIXTURES / "catalogue" / "landelijk-leercirkels.md"
WITHDRAWN = f"{display_path(JOBCOACH)}:23: contacts[2]: "


def with_theme_alias(alias: str) -> Vocabularies:
    vocabularies = repo_vocabularies()
    themes = vocabularies.themes
    first = dataclasses.replace(themes.terms[0], aliases=(*themes.terms[0].aliases, alias))
    terms = {**vocabularies.terms, "themes": dataclasses.replace(themes, terms=(first, *themes.terms[1:]))}
    return dataclasses.replace(vocabularies, terms=terms)


def messages(vocabularies: Vocabularies, *paths: Path, collection: Path | None = None) -> list[str]:
    state = run(paths or (JOBCOACH, CIRCLES), vocabularies, today=TODAY, collection=collection)
    return [str(p) for p in state.problems if "vaste lijst" in p.message]


# What the vocabularies' own text rules let through (markup, entities, invisible characters and bidi controls
# are refused when the lists are read: tests/fixtures/vocabularies/alias-*): case, accents and white space.
@pytest.mark.parametrize(
    "alias", ["aanpak van Teruggetrokken  persoon", "TERUGGETROKKEN PERSOON", "Téruggetrokken Persóón-aanpak"]
)
def test_a_term_alias_that_names_a_withdrawn_contact_is_reported_at_that_contact(alias: str) -> None:
    vocabularies = with_theme_alias(alias)
    term = vocabularies.themes.terms[0].id
    assert messages(vocabularies) == [
        f"{WITHDRAWN}'Teruggetrokken Persoon' is hier teruggetrokken, maar de vaste lijst themes.yml, bij '{term}' "
        "(aliases) noemt het nog; haal de naam weg of schrijf de functie of organisatie"
    ]


def test_a_glossary_synonym_with_a_withdrawn_address_is_reported() -> None:
    vocabularies = repo_vocabularies()
    entry = GlossaryEntry("WEG", "Een begrip.", synonyms=("mail WEG@debrug.example",))
    vocabularies = dataclasses.replace(vocabularies, glossary=(*vocabularies.glossary, entry))
    assert messages(vocabularies) == [
        f"{WITHDRAWN}'weg@debrug.example' is hier teruggetrokken, maar de vaste lijst glossary.yml, bij 'WEG' "
        "(synonyms) noemt het nog; haal het e-mailadres weg of schrijf een algemeen adres van de organisatie"
    ]


def test_a_word_that_only_resembles_the_name_is_not_reported() -> None:
    assert messages(with_theme_alias("Teruggetrokken Personeel")) == []


def test_nothing_is_reported_when_nobody_is_withdrawn() -> None:
    assert messages(with_theme_alias("Teruggetrokken Persoon"), CIRCLES) == []


def test_checking_some_files_reports_it_only_at_the_file_that_withdraws_the_person() -> None:
    vocabularies = with_theme_alias("Teruggetrokken Persoon")
    collection = JOBCOACH.parent
    assert messages(vocabularies, CIRCLES, collection=collection) == []
    assert len(messages(vocabularies, JOBCOACH, collection=collection)) == 1
