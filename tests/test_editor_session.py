"""A scripted editor session: in a copy of the project, an editor writes a fresh practice file and makes
one common mistake at a time. Each mistake gets one Dutch message that names that file, the line where the
editor must look, the field, and the fix; `kennisbank check` of that one file refuses it (it still compares
it with the whole collection), and so does the build of the site.

The fixtures' mistakes (tests/fixtures/invalid) are made the same way, each in a fresh file of the project.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from click.testing import CliRunner

from kennisbank.entry.build import BuildFailed, build_site
from kennisbank.entry.cli import cli

from .conftest import FIXTURES, REPO, TODAY, copy_project

SECTIONS = (
    "(de vaste secties zijn, in deze volgorde: '## Het vraagstuk', '## De aanpak', '## Resultaten', "
    "'## Wat werkt', '## Aandachtspunten', '## Meer informatie')"
)

# The file the editor starts from: valid, with its line numbers in the comments of the mistakes below.
START = """\
---
title: "Voorbeeldstad: een nieuw praktijkvoorbeeld"
summary: Een klein voorbeeld voor een redactiesessie in de tests.
region: twente
themes: [nazorg]
target_groups: [entree]
phases: [nazorg]
evidence: beschreven
success_factors: [warme-overdracht]
contacts: []
source:
  title: Testbron
  date: 2026-01-10
last_reviewed: 2026-01-15
---

## Het vraagstuk

Tekst.

## De aanpak

Tekst.

## Resultaten

Tekst.

## Wat werkt

- Tekst.

## Aandachtspunten

- Tekst.

## Meer informatie

De bron noemt geen contactpersoon.
"""

# The first real practice: the new file takes its title; it sorts before every 'voorbeeldstad-' file.
EXISTING = sorted((REPO / "practices").glob("*.md"))[0]
EXISTING_TITLE = re.search(r"^title: (.*)$", EXISTING.read_text(encoding="utf-8"), re.MULTILINE)[1]  # type: ignore[index]

# Already in the collection before the session: a practice that withdraws Jan Jansen.
WITHDRAWING = START.replace("een nieuw praktijkvoorbeeld", "een contact trekt zich terug").replace(
    "contacts: []\n",
    "contacts:\n  - name: Jan Jansen\n    organisation: Gemeente Voorbeeldstad\n    withdrawn: true\n",
)


@dataclass(frozen=True)
class Mistake:
    name: str  # the file's slug is 'voorbeeldstad-<name>'
    old: str
    new: str
    expected: str  # 'line: field: message', after the file's path


MISTAKES = (
    # YAML: where the bracket or quote was opened, not where the parser noticed.
    Mistake(
        "haak-niet-gesloten",
        "themes: [nazorg]",
        "themes: [nazorg",
        "5: themes: de lijst die hier begint met '[' wordt niet gesloten: zet ']' aan het eind, "
        "bijvoorbeeld [nazorg, school]",
    ),
    Mistake(
        "haak-te-veel",
        "themes: [nazorg]",
        "themes: [nazorg]]",
        "5: themes: hier staat een ']' zonder '[' ervoor: haal hem weg, of zet tekst met een ']' tussen "
        "aanhalingstekens",
    ),
    Mistake(
        "lijst-zonder-komma",
        "themes: [nazorg]",
        'themes: ["nazorg" praktijkleren]',
        "5: themes: de items van de lijst die hier begint met '[' staan niet goed: zet een komma tussen de items, "
        "bijvoorbeeld [nazorg, school], en tekst met een komma of aanhalingsteken tussen aanhalingstekens",
    ),
    Mistake(
        "backslash",
        "summary: Een klein voorbeeld voor een redactiesessie in de tests.",
        'summary: "Een klein voorbeeld voor C:\\Documenten in de tests."',
        '3: summary: tussen "..." begint een \\ een speciaal teken, en dit kent YAML niet: schrijf \\\\ voor '
        "één \\, of zet de tekst tussen '...'",
    ),
    Mistake(
        "accolade-niet-gesloten",
        "source:\n  title: Testbron\n  date: 2026-01-10\n",
        "source: {title: Testbron,\n  date: 2026-01-10\n\n",
        "11: source: de velden die hier beginnen met '{' worden niet gesloten: zet '}' aan het eind, "
        "bijvoorbeeld {url: https://..., date: 2026-11-22}",
    ),
    Mistake(
        "aanhalingsteken-niet-gesloten",
        "summary: Een klein",
        'summary: "Een klein',
        '3: summary: de tekst die hier begint met " wordt niet gesloten: zet " aan het eind van de tekst '
        "(een aanhalingsteken in de tekst schrijft u als \\\" of u zet de tekst tussen '...')",
    ),
    Mistake(
        "apostrof-niet-gesloten",
        'title: "Voorbeeldstad: een nieuw praktijkvoorbeeld"',
        "title: 'Voorbeeldstad: een nieuw praktijkvoorbeeld",
        "2: title: de tekst die hier begint met ' wordt niet gesloten: zet ' aan het eind van de tekst "
        "(een apostrof in de tekst schrijft u dubbel (''))",
    ),
    Mistake(
        "tekst-achter-aanhalingsteken",
        'title: "Voorbeeldstad: een nieuw praktijkvoorbeeld"',
        'title: "Voorbeeldstad" een nieuw praktijkvoorbeeld',
        '2: title: na het afsluitende " staat nog tekst: zet de hele tekst tussen aanhalingstekens en schrijf een '
        "aanhalingsteken in de tekst als \\\" (of zet de tekst tussen '...')",
    ),
    Mistake(
        "dubbele-punt",
        'title: "Voorbeeldstad: een nieuw praktijkvoorbeeld"',
        "title: Voorbeeldstad: een nieuw praktijkvoorbeeld",
        "2: title: de tekst bevat een dubbele punt met een spatie erna, en dan leest YAML er een nieuw veld in: "
        'zet de tekst tussen aanhalingstekens, zo: title: "Voorbeeldstad: een nieuw praktijkvoorbeeld"',
    ),
    Mistake(
        "tab",
        "  title: Testbron",
        "\ttitle: Testbron",
        "12: source: op deze regel staat een tab; YAML kent alleen spaties: vervang de tab door spaties "
        "(twee per niveau van inspringen)",
    ),
    Mistake(
        "inspringing",
        "  date: 2026-01-10",
        "    date: 2026-01-10",
        "13: source.date: 'date' springt verder in dan 'title' erboven, dat al een waarde heeft: zet 'date' even "
        "ver in als 'title' (met spaties); is dit vervolgtekst met een dubbele punt, zet dan de hele tekst "
        "tussen aanhalingstekens",
    ),
    Mistake(
        "inspringing-terug",
        "  date: 2026-01-10",
        " date: 2026-01-10",
        "13: source.date: de inspringing klopt niet: deze regel springt anders in dan de regels van hetzelfde "
        "blok erboven; zet hem even ver in als die regels (YAML kent alleen spaties), en een lijstitem met "
        "'- ' ervoor",
    ),
    Mistake(
        "geen-dubbele-punt",
        "evidence: beschreven",
        "evidence beschreven",
        "8: evidence: op deze regel staat geen ':' na de veldnaam: elk veld heeft de vorm 'naam: waarde'; "
        "loopt hier de tekst van het veld erboven door, spring dan in met spaties",
    ),
    Mistake(
        "veld-twee-keer",
        "evidence: beschreven\n",
        "evidence: beschreven\nregion: twente\n",
        "9: region: veld 'region' staat twee keer in de front matter (ook op regel 4); houd er één over en "
        "zet de waarden daar samen",
    ),
    Mistake(
        "eerste-streepjes-weg",
        "---\ntitle:",
        "title:",
        "1: front matter: ontbreekt: de eerste regel moet '---' zijn, gevolgd door de velden (title: ..., "
        "summary: ...) en een afsluitende regel '---'",
    ),
    Mistake(
        "laatste-streepjes-weg",
        "last_reviewed: 2026-01-15\n---\n",
        "last_reviewed: 2026-01-15\n",
        "16: front matter: is niet afgesloten: zet een regel '---' na de laatste regel van de velden, vóór dit kopje",
    ),
    # An impossible date, under its field.
    Mistake(
        "maand-13",
        "last_reviewed: 2026-01-15",
        "last_reviewed: 2026-13-15",
        "14: last_reviewed: '2026-13-15' is geen bestaande datum; schrijf een echte datum als JJJJ-MM-DD, "
        "bijvoorbeeld 2026-11-22",
    ),
    Mistake(
        "dag-32",
        "  date: 2026-01-10",
        "  date: 2026-01-32",
        "13: source.date: '2026-01-32' is geen bestaande datum; schrijf een echte datum als JJJJ-MM-DD, "
        "bijvoorbeeld 2026-11-22",
    ),
    # Every vocabulary suggests: by prefix, by words, by edit distance.
    Mistake(
        "regio-begin",
        "region: twente",
        "region: stedendriehoek",
        "4: region: onbekende regio 'stedendriehoek' — bedoelde je 'stedendriehoek-en-noordwest-veluwe'?",
    ),
    Mistake(
        "regio-naam",
        "region: twente",
        "region: Food Valley",
        "4: region: onbekende regio 'Food Valley' — gebruik de id 'food-valley'",
    ),
    Mistake(
        "thema-tikfout",
        "themes: [nazorg]",
        "themes: [nazrg]",
        "5: themes: onbekend thema 'nazrg' — bedoelde je 'nazorg'?",
    ),
    Mistake(
        "doelgroep-twee",
        "target_groups: [entree]",
        "target_groups: [mbo]",
        "6: target_groups: onbekende doelgroep 'mbo' — bedoelde je een van 'mbo-niveau-2', 'mbo-moeizame-start'?",
    ),
    Mistake(
        "fase-woord",
        "phases: [nazorg]",
        "phases: [school]",
        "7: phases: onbekende fase 'school' — bedoelde je een van 'tijdens-school', 'overstap'?",
    ),
    Mistake(
        "bewijs-woord",
        "evidence: beschreven",
        "evidence: resultaten",
        "8: evidence: onbekend bewijsniveau 'resultaten' — bedoelde je 'met-resultaten'?",
    ),
    Mistake(
        "succesfactor-woord",
        "success_factors: [warme-overdracht]",
        "success_factors: [overdracht]",
        "9: success_factors: onbekend werkzaam bestanddeel 'overdracht' — bedoelde je 'warme-overdracht'?",
    ),
    # The six sections are required.
    Mistake(
        "sectie-hernoemd",
        "## Resultaten",
        "## Resultaat",
        f"25: body: kopje '## Resultaat' is geen vaste sectie, en '## Resultaten' ontbreekt: noem dit kopje "
        f"'## Resultaten' {SECTIONS}",
    ),
    Mistake(
        "sectie-weg",
        "## Wat werkt\n\n- Tekst.\n\n",
        "",
        f"29: body: sectie '## Wat werkt' ontbreekt: voeg het kopje '## Wat werkt' toe vóór '## Aandachtspunten' "
        f"{SECTIONS}",
    ),
    # Across files: the new file is the one blamed.
    Mistake(
        "titel-bestaat",
        'title: "Voorbeeldstad: een nieuw praktijkvoorbeeld"',
        f"title: {EXISTING_TITLE}",
        f"2: title: {EXISTING_TITLE.strip(chr(34))!r} is al de titel van practices/{EXISTING.name}; maak de "
        "titel onderscheidend".replace('"', "'"),
    ),
    Mistake(
        "teruggetrokken-contact",
        "contacts: []\n",
        "contacts:\n  - name: Jan Jansen\n    organisation: Gemeente Voorbeeldstad\n",
        "10: contacts: 'Jan Jansen' is teruggetrokken in practices/voorbeeldstad-contact-trekt-zich-terug.md; "
        "zet hier ook 'withdrawn: true' bij deze contactpersoon",
    ),
)


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of the project, with the practice that withdraws Jan Jansen."""
    folder = copy_project(tmp_path_factory.mktemp("session"))
    (folder / "practices" / "voorbeeldstad-contact-trekt-zich-terug.md").write_text(WITHDRAWING, encoding="utf-8")
    return folder


@pytest.fixture
def inside(project: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    monkeypatch.chdir(project)
    yield project


def check(*args: str) -> tuple[int, list[str]]:
    result = CliRunner().invoke(cli, ["check", "--format", "text", "--today", TODAY.isoformat(), *args])
    assert "Traceback" not in result.output
    return result.exit_code, result.output.splitlines()


def written(mistake: Mistake) -> str:
    assert mistake.old in START, mistake.name  # the session makes the mistake it says it makes
    return START.replace(mistake.old, mistake.new, 1)


def test_the_start_and_the_collection_pass(inside: Path) -> None:
    path = inside / "practices" / "voorbeeldstad-begin.md"
    path.write_text(START, encoding="utf-8")
    try:
        assert check("practices/voorbeeldstad-begin.md") == (0, ["1 bestand gecontroleerd: alles in orde."])
        assert check()[1][-1].endswith("alles in orde.")
    finally:
        path.unlink()


@pytest.mark.parametrize("mistake", MISTAKES, ids=[m.name for m in MISTAKES])
def test_each_mistake_gets_one_dutch_message_with_the_fix(inside: Path, mistake: Mistake) -> None:
    shown = f"practices/voorbeeldstad-{mistake.name}.md"
    path = inside / shown
    path.write_text(written(mistake), encoding="utf-8")
    try:
        assert check(shown) == (1, [f"{shown}:{mistake.expected}", "1 bestand gecontroleerd: 1 fout."])
    finally:
        path.unlink()


def test_a_taken_slug_is_blamed_on_the_checked_file(inside: Path) -> None:
    drafts = inside / "concepten"
    drafts.mkdir()
    (drafts / EXISTING.name).write_text(START.replace("een nieuw", "een ander"), encoding="utf-8")
    code, lines = check(f"concepten/{EXISTING.name}")
    assert (code, lines) == (
        1,
        [
            f"concepten/{EXISTING.name}:1: file: slug '{EXISTING.stem}' bestaat al (practices/{EXISTING.name}); "
            "kies een andere bestandsnaam",
            "1 bestand gecontroleerd: 1 fout.",
        ],
    )


def test_the_build_refuses_every_mistake(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    project = copy_project(tmp_path)
    (project / "practices" / "voorbeeldstad-contact-trekt-zich-terug.md").write_text(WITHDRAWING, encoding="utf-8")
    for mistake in MISTAKES:
        (project / "practices" / f"voorbeeldstad-{mistake.name}.md").write_text(written(mistake), encoding="utf-8")
    monkeypatch.chdir(project)
    with pytest.raises(BuildFailed) as failure:
        build_site(project / "mkdocs.yml", tmp_path / "site")
    for mistake in MISTAKES:
        assert f"practices/voorbeeldstad-{mistake.name}.md:{mistake.expected}" in str(failure.value)
    assert not (tmp_path / "site").exists()


INVALID = sorted((FIXTURES / "invalid").glob("*.md"))


@pytest.mark.parametrize("fixture", INVALID, ids=[p.name for p in INVALID])
def test_each_fixture_mistake_in_a_fresh_file(inside: Path, fixture: Path) -> None:
    """The fixture's own messages (its golden file), now naming the new file in the project."""
    golden = fixture.with_suffix(".expected").read_text(encoding="utf-8").splitlines()
    exit_code = int(golden[0].removeprefix("exit: "))
    shown = f"practices/{fixture.name}"
    (inside / shown).write_bytes(fixture.read_bytes())
    try:
        code, lines = check(shown)
    finally:
        (inside / shown).unlink()
    expected = [f"practices/{line}" if line.startswith(fixture.name) else line for line in golden[1:]]
    assert (code, lines) == (exit_code, expected)
    for line in lines[:-1]:
        place, field, _message = line.split(": ", 2)
        assert re.fullmatch(rf"{re.escape(shown)}:\d+", place)
        assert field


def test_a_new_file_that_withdraws_a_contact_is_told_where_it_is_still_listed(inside: Path) -> None:
    """The checks across files also report what the checked file causes elsewhere, naming it."""
    listing = inside / "practices" / "voorbeeldstad-lijst-met-piet.md"
    listing.write_text(
        START.replace("een nieuw", "een ander").replace(
            "contacts: []\n", "contacts:\n  - name: Piet Pietersen\n    organisation: Gemeente Voorbeeldstad\n"
        ),
        encoding="utf-8",
    )
    new = inside / "practices" / "voorbeeldstad-piet-trekt-zich-terug.md"
    new.write_text(
        START.replace(
            "contacts: []\n",
            "contacts:\n  - name: Piet Pietersen\n    organisation: Gemeente Voorbeeldstad\n    withdrawn: true\n",
        ),
        encoding="utf-8",
    )
    try:
        assert check("practices/voorbeeldstad-piet-trekt-zich-terug.md") == (
            1,
            [
                "practices/voorbeeldstad-lijst-met-piet.md:10: contacts: 'Piet Pietersen' is teruggetrokken in "
                "practices/voorbeeldstad-piet-trekt-zich-terug.md; zet hier ook 'withdrawn: true' bij deze "
                "contactpersoon",
                "1 bestand gecontroleerd: 1 fout.",
            ],
        )
    finally:
        listing.unlink()
        new.unlink()
