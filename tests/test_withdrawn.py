"""A contact withdrawn in one file may not be mentioned in another, however many withdrawn contacts there
are and however common the words of their names."""

from __future__ import annotations

from pathlib import Path

import pytest

from kennisbank.errors import display_path
from kennisbank.pipeline import run
from kennisbank.validation import mentions as rule

from .conftest import FIXTURES, TODAY, repo_vocabularies

MINIMAL = (FIXTURES / "valid" / "minimal.md").read_text(encoding="utf-8")
MESSAGE = "noemt '{key}', die als contactpersoon is teruggetrokken in {origin}; {advice}"
NAME_ADVICE = "haal de naam weg of schrijf de functie of organisatie"
EMAIL_ADVICE = "haal het e-mailadres weg of schrijf een algemeen adres van de organisatie"


def practice(number: int, withdrawn_contact: bool, extra_text: str = "") -> str:
    """The minimal practice with one contact, 'Contactpersoon <number>-1', and a body that holds the word
    'contactpersoon' (as nearly every synthetic practice of the benchmark does)."""
    contact = (
        f"contacts:\n  - name: Contactpersoon {number}-1\n    organisation: Gemeente\n"
        f"    email: contact-{number}-1@voorbeeld.nl\n" + ("    withdrawn: true\n" if withdrawn_contact else "")
    )
    text = MINIMAL.replace("contacts: []\n", contact).replace(
        "een minimaal geldig praktijkvoorbeeld", f"praktijkvoorbeeld {number}"
    )
    return text + extra_text


def line_of(path: Path, needle: str) -> int:
    return next(n for n, line in enumerate(path.read_text(encoding="utf-8").split("\n"), 1) if needle in line)


def test_many_withdrawn_contacts_sharing_a_first_word(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = tmp_path / "practices"
    folder.mkdir()
    mentions = {
        7: "\nNeem contact op met Contactpersoon 3-1.\n",  # withdrawn in file 3
        8: "\nOf mail naar contact-6-1@voorbeeld.nl of naar contactpersoon 9-1.\n",  # withdrawn in 6 and 9
        10: "\nDe contactpersoon van nummer 12 staat hierboven.\n",  # the first word alone is no mention
    }
    for number in range(1, 301):
        path = folder / f"voorbeeld-{number:03}.md"
        path.write_text(practice(number, number % 3 == 0, mentions.get(number, "")), encoding="utf-8")
    checked: list[str] = []
    real_pattern = rule.key_pattern
    monkeypatch.setattr(rule, "key_pattern", lambda key: checked.append(key.text) or real_pattern(key))

    state = run([folder], repo_vocabularies(), today=TODAY)

    def shown(number: int) -> str:
        return display_path(folder / f"voorbeeld-{number:03}.md")

    def where(number: int, needle: str) -> str:
        return f"{shown(number)}:{line_of(folder / f'voorbeeld-{number:03}.md', needle)}: body: "

    assert sorted(str(p) for p in state.problems) == sorted(
        [
            where(7, "Contactpersoon 3-1")
            + MESSAGE.format(key="Contactpersoon 3-1", origin=shown(3), advice=NAME_ADVICE),
            where(8, "contact-6-1@")
            + MESSAGE.format(key="contact-6-1@voorbeeld.nl", origin=shown(6), advice=EMAIL_ADVICE),
            where(8, "contactpersoon 9-1")
            + MESSAGE.format(key="Contactpersoon 9-1", origin=shown(9), advice=NAME_ADVICE),
        ]
    )
    # 200 withdrawn names and addresses, and 'contactpersoon' in all 300 texts; yet only the three texts
    # that hold a whole name or address were searched for it on its own, once per mention.
    assert len(checked) == 3


def test_a_withdrawn_contact_listed_elsewhere_is_still_reported(tmp_path: Path) -> None:
    folder = tmp_path / "practices"
    folder.mkdir()
    (folder / "voorbeeld-001.md").write_text(practice(1, True), encoding="utf-8")
    (folder / "voorbeeld-002.md").write_text(
        practice(2, False).replace("Contactpersoon 2-1", "Contactpersoon 1-1"), encoding="utf-8"
    )
    state = run([folder], repo_vocabularies(), today=TODAY)
    first, second = (display_path(folder / f"voorbeeld-00{n}.md") for n in (1, 2))
    assert [str(p) for p in state.problems] == [
        f"{second}:9: contacts: 'Contactpersoon 1-1' is teruggetrokken in {first}; "
        "zet hier ook 'withdrawn: true' bij deze contactpersoon"
    ]
