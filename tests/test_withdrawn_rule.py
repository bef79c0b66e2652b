"""One rule for a withdrawn contact, inside its own file and in every other file: each way a name, address or
number was found to slip through is a case here, run through both checks with the exact message.

The withdrawn person is Jan Jansen (jan.jansen@voorbeeld.nl, 030 123 45 67). In the check inside a file
the mention stands in the file that withdraws him; in the check across files, file A withdraws him and
file B holds the mention.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kennisbank.errors import display_path
from kennisbank.pipeline import run

from .conftest import FIXTURES, TODAY, repo_vocabularies

NAME, EMAIL, PHONE = "Jan Jansen", "jan.jansen@voorbeeld.nl", "030 123 45 67"
BODY = (FIXTURES / "valid" / "minimal.md").read_text(encoding="utf-8").split("---\n", 2)[2]
ADVICE = {
    "name": "haal de naam weg of schrijf de functie of organisatie",
    "email": "haal het e-mailadres weg of schrijf een algemeen adres van de organisatie",
    "phone": "haal het telefoonnummer weg of schrijf een algemeen nummer van de organisatie",
}


@dataclass(frozen=True)
class Case:
    id: str
    field: str  # where the problem must point ("" for a case that must give no problem)
    marker: str  # text on the line it must point at: the line of the field, or the first line of the mention
    shown: str = NAME  # what the message quotes
    kind: str = "name"
    title: str = "Voorbeeldstad: een minimaal geldig praktijkvoorbeeld"
    summary: str = "Een klein voorbeeld met alleen de verplichte velden, voor de tests."
    top: str = ""  # front-matter lines before 'contacts:'
    contacts: str = ""  # contact entries after the withdrawn one
    source: str = ""  # lines under 'source:' after its title
    body: str = ""  # text added at the end of the body
    person: str = (
        f"  - name: {NAME}\n    organisation: Gemeente Voorbeeldstad\n    email: {EMAIL}\n    phone: {PHONE}\n"
    )
    own_entry: bool = False  # about the withdrawn contact's own entry: only the check inside a file applies


OTHER = "  - name: Piet Pietersen\n    organisation: UWV\n"
CASES = [
    Case("summary", "summary", "summary:", summary=f"Sinds 2020 geleid door {NAME}."),
    Case("title", "title", "title:", title=f"Voorbeeldstad: de aanpak van {NAME}"),
    Case("organisations", "organisations[2]", f"- Bureau {NAME}", top=f"organisations:\n  - UWV\n  - Bureau {NAME}\n"),
    Case("municipalities", "municipalities[2]", "municipalities:", top=f"municipalities: [{NAME}stad, {NAME}]\n"),
    Case("period", "period", "period:", top=f"period: sinds {NAME} begon\n"),
    Case("key figures", "key_figures[1]", "- 40 jongeren", top=f"key_figures:\n  - 40 jongeren bij {NAME}\n"),
    Case("source title", "source.title", "title: Testbron", source="", body="", top=""),
    Case("source publisher", "source.publisher", "publisher:", source=f"  publisher: {NAME}\n"),
    Case("source page", "source.page", "page:", source=f"  page: bijlage {NAME}\n"),
    Case(
        "link title",
        "links[1].title",
        "- title:",
        top=f"links:\n  - title: Interview met {NAME}\n    url: https://a.nl/\n",
    ),
    Case(
        "link url with the address",
        "links[1].url",
        "url: https://a.nl/?mail",
        EMAIL,
        "email",
        top=f"links:\n  - title: Contact\n    url: https://a.nl/?mail={EMAIL}\n",
    ),
    Case(
        "link url with the name percent-encoded",
        "links[1].url",
        "url: https://a.nl/team",
        top="links:\n  - title: Team\n    url: https://a.nl/team/Jan%20Jansen\n",
    ),
    Case("other contact's role", "contacts[2].role", "role:", contacts=OTHER + f"    role: opvolger van {NAME}\n"),
    Case(
        "other contact's name",
        "contacts[2].name",
        f"- name: {NAME} junior",
        contacts=f"  - name: {NAME} junior\n    organisation: UWV\n",
    ),
    Case(
        "other contact's organisation",
        "contacts[2].organisation",
        "organisation: Bureau",
        contacts=f"  - name: Piet\n    organisation: Bureau {NAME}\n",
    ),
    Case(
        "other contact's phone",
        "contacts[2].phone",
        "phone: +31",
        PHONE,
        "phone",
        contacts=OTHER + "    phone: +31 (0)30 123 45 67\n",
    ),
    Case(
        "other contact's e-mail in capitals",
        "contacts[2].email",
        "email: JAN",
        EMAIL,
        "email",
        contacts=OTHER + f"    email: {EMAIL.upper()}\n",
    ),
    Case("body", "body", "Neem contact", body=f"Neem contact op met {NAME}.\n"),
    Case(
        "name wrapped over two lines",
        "body",
        "met Jan",
        body="Tekst.\n\nNeem contact op met Jan\nJansen van de gemeente.\n",
    ),
    Case("name wrapped over a blank line", "body", "Zie Jan", body="Zie Jan\n\n  Jansen.\n"),
    Case("soft hyphen", "body", "Zie Jan", body="Zie Jan Jan\u00adsen.\n"),
    Case("zero-width space", "body", "Zie Ja", body="Zie Ja\u200bn Jansen.\n"),
    Case("zero-width non-joiner", "body", "Zie Jan", body="Zie Jan\u200c Jansen.\n"),
    Case("zero-width joiner", "body", "Zie Jan", body="Zie Jan Jan\u200dsen.\n"),
    Case("word joiner", "body", "Zie Jan", body="Zie Jan \u2060Jansen.\n"),
    Case("byte order mark", "body", "Zie Jan", body="Zie Jan Jans\ufeffen.\n"),
    Case("space as an entity", "body", "Zie Jan", body="Zie Jan&#32;Jansen.\n"),
    Case("letter as an entity", "body", "Zie J", body="Zie J&aacute;n Jansen.\n"),
    Case("soft hyphen as an entity", "body", "Zie Jan", body="Zie Jan Jan&shy;sen.\n"),
    Case("non-breaking space", "body", "Zie Jan", body="Zie Jan&nbsp;Jansen en Jan\u00a0Jansen.\n"),
    Case("accents", "body", "Zie Ján", body="Zie Ján Jånsen.\n"),
    Case("phone with dashes", "body", "Bel 030", PHONE, "phone", body="Bel 030-1234567.\n"),
    Case("phone with +31", "body", "Bel +31", PHONE, "phone", body="Bel +31 30 123 4567.\n"),
    Case("phone with 0031 and (0)", "body", "Bel 0031", PHONE, "phone", body="Bel 0031 (0)30 - 12.34.567.\n"),
    Case("phone after a year", "body", "In 2021", PHONE, "phone", body="In 2021 030 123 45 67 gebeld.\n"),
    Case("phone wrapped", "body", "Bel (030)", PHONE, "phone", body="Bel (030)\n123 45 67.\n"),
    Case("e-mail at the end of a sentence", "body", "Mail", EMAIL, "email", body=f"Mail {EMAIL}.\n"),
    Case("e-mail with an entity", "body", "Mail", EMAIL, "email", body="Mail jan.jansen&#64;voorbeeld.nl\n"),
    Case(
        "own organisation",
        "contacts[1].organisation",
        "organisation: Bureau",
        own_entry=True,
        person=f"  - name: {NAME}\n    organisation: Bureau {NAME}\n",
    ),
    # Not mentions: part of a longer word, address or number; and the withdrawn entry itself.
    Case(
        "inside a longer word",
        "",
        "",
        person="  - name: An Berg\n    organisation: Gemeente\n",
        title="Voorbeeldstad: De Kan Bergen-aanpak",
        body="De Kan Bergen-aanpak werkt.\n",
    ),
    Case("inside a longer address", "", "", body=f"Mail x.{EMAIL} of {EMAIL}x.nl of {EMAIL}-b.nl\n"),
    Case("inside a longer number", "", "", body="Nummer 10301234567 of 030 123 45 678.\n"),
    Case("first name alone", "", "", body="Jan en Jansen zijn twee namen.\n"),
]


def text(case: Case, *, withdrawn: bool, mention: bool, title: str = "") -> str:
    person = case.person + "    withdrawn: true\n" if withdrawn else ""
    contacts = person + (case.contacts if mention else "")
    return (
        "---\n"
        f'title: "{title or (case.title if mention else "Voorbeeldstad: zonder vermelding")}"\n'
        f'summary: "{case.summary if mention else "Een samenvatting."}"\n'
        "region: twente\nthemes: [nazorg]\ntarget_groups: [entree]\nphases: [nazorg]\nevidence: beschreven\n"
        + (case.top if mention else "")
        + ("contacts:\n" + contacts if contacts else "contacts: []\n")
        + "source:\n"
        + ("  title: Testbron\n" if not (mention and case.id == "source title") else f"  title: Testbron van {NAME}\n")
        + (case.source if mention else "")
        + "last_reviewed: 2026-01-15\n---\n"
        + BODY
        + (case.body if mention else "")
    )


def line_of(content: str, marker: str) -> int:
    return next(n for n, line in enumerate(content.split("\n"), 1) if marker in line)


def messages(folder: Path) -> list[str]:
    # The names in these files are people's, not towns: that 'Jan Jansenstad' is no gemeente is another rule.
    problems = run([folder], repo_vocabularies(), today=TODAY).problems
    return sorted(str(p) for p in problems if not p.message.startswith("onbekende gemeente"))


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_inside_the_file(tmp_path: Path, case: Case) -> None:
    content = text(case, withdrawn=True, mention=True)
    path = tmp_path / "practices" / "voorbeeld.md"
    path.parent.mkdir()
    path.write_text(content, encoding="utf-8")
    expected = []
    if case.field:
        expected.append(
            f"{display_path(path)}:{line_of(content, case.marker)}: {case.field}: noemt '{case.shown}', maar die "
            f"contactpersoon is teruggetrokken (withdrawn: true bij contacts[1]); {ADVICE[case.kind]}"
        )
    assert messages(path.parent) == expected


# Across files, a contact with the withdrawn person's address is that person, still listed: see the test below.
ELSEWHERE = [c for c in CASES if not c.own_entry and c.id != "other contact's e-mail in capitals"]


@pytest.mark.parametrize("case", ELSEWHERE, ids=[c.id for c in ELSEWHERE])
def test_in_another_file(tmp_path: Path, case: Case) -> None:
    folder = tmp_path / "practices"
    folder.mkdir()
    origin = folder / "a-trekt-terug.md"
    origin.write_text(text(case, withdrawn=True, mention=False, title="Voorbeeldstad: A"), encoding="utf-8")
    content = text(case, withdrawn=False, mention=True)
    other = folder / "b-noemt.md"
    other.write_text(content, encoding="utf-8")
    expected = []
    if case.field:
        field = case.field.replace("contacts[2]", "contacts[1]")  # file B does not list the withdrawn person
        expected.append(
            f"{display_path(other)}:{line_of(content, case.marker)}: {field}: noemt '{case.shown}', die als "
            f"contactpersoon is teruggetrokken in {display_path(origin)}; {ADVICE[case.kind]}"
        )
    assert messages(folder) == expected


def test_a_withdrawn_person_listed_in_another_file_is_reported_once(tmp_path: Path) -> None:
    """As a visible contact elsewhere the person is reported as such, not again as a mention of the name."""
    case = Case("listed", "", "")
    folder = tmp_path / "practices"
    folder.mkdir()
    origin = folder / "a.md"
    origin.write_text(text(case, withdrawn=True, mention=False, title="Voorbeeldstad: A"), encoding="utf-8")
    listed = text(case, withdrawn=False, mention=False, title="Voorbeeldstad: B").replace(
        "contacts: []\n", "contacts:\n" + case.person
    )
    other = folder / "b.md"
    other.write_text(listed, encoding="utf-8")
    assert messages(folder) == [
        f"{display_path(other)}:{line_of(listed, 'contacts:')}: contacts: '{NAME}' is teruggetrokken in "
        f"{display_path(origin)}; zet hier ook 'withdrawn: true' bij deze contactpersoon"
    ]


def test_the_same_person_withdrawn_in_two_files_gives_no_problem(tmp_path: Path) -> None:
    case = Case("twice", "", "")
    folder = tmp_path / "practices"
    folder.mkdir()
    for name in ("a", "b"):
        content = text(case, withdrawn=True, mention=False, title=f"Voorbeeldstad: {name}")
        (folder / f"{name}.md").write_text(content, encoding="utf-8")
    assert messages(folder) == []


# Characters that do not show, and entities, that an editor (or an attacker) may put inside a name.
HIDDEN = st.sampled_from(
    ["\u00ad", "\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "&shy;", "&#8203;", "&#x200B;", "&ZeroWidthSpace;"]
)


@settings(max_examples=150, deadline=None)
@given(st.data())
def test_hidden_characters_and_entities_inside_a_name_do_not_hide_it(data: st.DataObject) -> None:
    from kennisbank.validation.mentions import Matcher, Person

    name = data.draw(st.sampled_from(["Jan Jansen", "Özlem Yılmaz", "An de Berg", "Marie-José Smit"]))
    written = ""
    for char in name:
        if char == " ":
            written += data.draw(st.sampled_from([" ", "\n", "  ", "&#32;", "&nbsp;", " \n  "]))
        else:
            upper = char.upper() if char.upper().casefold() == char.casefold() else char  # not 'ı' -> 'I'
            written += data.draw(st.sampled_from([char, upper, f"&#{ord(char)};", f"&#x{ord(char):x};"]))
        written += "".join(data.draw(st.lists(HIDDEN, max_size=2)))
    matcher = Matcher([Person(name=name)])
    found = matcher.mentions(f"Tekst.\nZie {written}, en meer.")
    assert [(m.person.name, m.key.kind) for m in found] == [(name, "name")], written


def test_each_line_that_names_the_person_is_reported_once(tmp_path: Path) -> None:
    case = Case(
        "twice",
        "",
        "",
        top=f"key_figures:\n  - {NAME} en {NAME}\n",
        body=f"Met {NAME} en {NAME}.\nEn weer met Jan\nJansen, en met {NAME}.\n",
    )
    content = text(case, withdrawn=True, mention=True)
    path = tmp_path / "practices" / "voorbeeld.md"
    path.parent.mkdir()
    path.write_text(content, encoding="utf-8")
    message = (
        f"noemt '{NAME}', maar die contactpersoon is teruggetrokken (withdrawn: true bij contacts[1]); {ADVICE['name']}"
    )
    assert messages(path.parent) == sorted(
        f"{display_path(path)}:{line_of(content, marker)}: {field}: {message}"
        for field, marker in (
            ("key_figures[1]", "  - Jan"),
            ("body", "Met Jan"),
            ("body", "En weer"),
            ("body", "Jansen, en"),
        )
    )
