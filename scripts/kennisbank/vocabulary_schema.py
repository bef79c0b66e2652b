"""The vocabulary files (``practices/vocabularies/*.yml``), declared once: for each file its fields, which are
required, their kind and limits, and the few rules that span entries.

The fields use ``schema.Field`` as the practice front matter does; ``vocabulary_check`` checks against
these declarations and CONTRIBUTING.md describes them for editors. Vocabulary files arrive by pull request
like practices, and their texts reach every page (names in lists and headings, a glossary expansion as
the tooltip of an abbreviation wherever it occurs), so they are held to plain one-line text.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

from .fieldtypes import Field, Kind
from .text import slugify

# The success factors' groups, in the order and with the headings of the page /handvatten/.
SUCCESS_FACTOR_GROUPS: dict[str, str] = {
    "bestuurlijk": "Bestuurlijk",
    "organisatie": "Organisatie",
    "werkgevers": "Werkgevers",
    "methodiek": "Methodiek",
    "houding": "Houding",
}

NATIONAL_REGION = "landelijk"  # the one region that is not a labour-market region and has no CBS code

MAX_FILE_BYTES = 500_000  # the glossary, the largest file, is some 35 kB
MAX_DEPTH = 10  # a file is a list of mappings whose values may be lists: 3 levels; the rest is room for mistakes

ID = Field(
    "id",
    Kind.ID,
    "Vaste naam van de term in kleine letters (a-z), cijfers en koppeltekens; staat in webadressen en "
    "praktijkvoorbeelden en verandert nooit.",
    required=True,
    max_length=60,
    unique=True,
    example="nazorg",
)
NAME = Field(
    "name", Kind.TEXT, "De Nederlandse naam op de site, op één regel.", required=True, max_length=80, unique=True
)
DESCRIPTION = Field(
    "description", Kind.PARAGRAPH, "Uitleg in gewone zinnen, zonder opmaak.", required=True, max_length=600
)

ALIASES = Field(
    "aliases",
    Kind.TEXT_LIST,
    "Andere woorden waarmee professionals dit bedoelen (afkortingen, spreektaal, oude namen); de zoekfunctie "
    "vindt de term ook onder deze woorden. Mag ontbreken.",
    max_length=60,
    max_items=12,
)

TERM_FIELDS: tuple[Field, ...] = (ID, NAME, DESCRIPTION, ALIASES)
REGION_FIELDS: tuple[Field, ...] = (
    ID,
    NAME,
    Field(
        "cbs_code",
        Kind.TEXT,
        "De CBS-code van de arbeidsmarktregio: AM en twee cijfers; leeg ('') bij landelijk.",
        max_length=4,
        pattern=r"AM[0-9]{2}",
        unique=True,
        example="AM05",
    ),
    dataclasses.replace(DESCRIPTION, required=False),
    ALIASES,
)
SUCCESS_FACTOR_FIELDS: tuple[Field, ...] = (
    ID,
    NAME,
    Field(
        "group",
        Kind.TEXT,
        "De groep waaronder de pagina /handvatten/ de factor zet: " + ", ".join(SUCCESS_FACTOR_GROUPS) + ".",
        required=True,
        choices=tuple(SUCCESS_FACTOR_GROUPS),
    ),
    DESCRIPTION,
    ALIASES,
)
GLOSSARY_FIELDS: tuple[Field, ...] = (
    Field("term", Kind.TEXT, "Het begrip zoals het in lopende tekst staat.", required=True, max_length=60, unique=True),
    Field(
        "expansion",
        Kind.TEXT,
        "Alleen bij een afkorting: waar de letters voor staan. De site toont het als uitleg bij de afkorting, "
        "op elke pagina waar die staat.",
        max_length=120,
    ),
    Field("definition", Kind.PARAGRAPH, "Uitleg in gewone zinnen, zonder opmaak.", required=True, max_length=800),
    Field(
        "synonyms",
        Kind.TEXT_LIST,
        "Andere woorden en vormen (meervoud, voluit) die bij het zoeken hetzelfde vinden; mag leeg zijn ([]).",
        max_length=60,
        max_items=20,
    ),
)

CONFIRMED = Field(
    "confirmed",
    Kind.TEXT,
    "'ja' als de gegevens in de bron zijn nagekeken die de kop van het bestand noemt, anders 'nee'.",
    required=True,
    choices=("ja", "nee"),
)
MUNICIPALITY_FIELDS: tuple[Field, ...] = (
    dataclasses.replace(
        ID,
        description="Vaste naam van de gemeente: de naam in kleine letters (a-z), cijfers en koppeltekens; "
        "verandert nooit.",
        example="kampen",
    ),
    dataclasses.replace(NAME, description="De naam van de gemeente zoals het CBS die schrijft, op één regel."),
    Field(
        "gm_code",
        Kind.TEXT,
        "De CBS-gemeentecode: GM en vier cijfers.",
        required=True,
        max_length=6,
        pattern=r"GM[0-9]{4}",
        unique=True,
        example="GM0166",
    ),
    Field(
        "region",
        Kind.TEXT,
        "De id van de arbeidsmarktregio in regions.yml waar de gemeente bij hoort.",
        required=True,
        max_length=60,
    ),
    Field(
        "aliases",
        Kind.TEXT_LIST,
        "Andere namen waaronder de gemeente bekend is, zoals Den Haag; mag ontbreken.",
        max_length=60,
        max_items=5,
    ),
    CONFIRMED,
)
FORMER_MUNICIPALITY_FIELDS: tuple[Field, ...] = (
    Field("name", Kind.TEXT, "De naam van de opgeheven gemeente.", required=True, max_length=80, unique=True),
    Field(
        "merged_into",
        Kind.TEXT,
        "De id van de gemeente in municipalities.yml waarin ze is opgegaan.",
        required=True,
        max_length=60,
    ),
    Field(
        "year",
        Kind.TEXT,
        "Het jaar van de herindeling: vier cijfers.",
        required=True,
        max_length=4,
        pattern=r"(19|20)[0-9]{2}",
        example="2022",
    ),
    CONFIRMED,
)

# Editors write Dutch; the field names are English. The Dutch word points to the field it means.
DUTCH_NAMES: dict[str, str] = {
    "naam": "name",
    "titel": "name",
    "beschrijving": "description",
    "omschrijving": "description",
    "toelichting": "description",
    "groep": "group",
    "code": "cbs_code",
    "cbs": "cbs_code",
    "cbs-code": "cbs_code",
    "begrip": "term",
    "afkorting": "term",
    "voluit": "expansion",
    "uitleg": "definition",
    "definitie": "definition",
    "betekenis": "definition",
    "synoniemen": "synonyms",
    "aliassen": "aliases",
    "andere_namen": "aliases",
    "gemeentecode": "gm_code",
    "regio": "region",
    "opgegaan_in": "merged_into",
    "jaar": "year",
    "bevestigd": "confirmed",
}


class Entry:
    """One entry of a vocabulary file after its fields were checked: the valid values, and the fields
    that had an error (so that a rule does not report them a second time). A plain class: a dataclass
    costs more to define than ``kennisbank check`` spends reading all vocabularies."""

    __slots__ = ("invalid", "lines", "number", "values")

    def __init__(self, number: int, values: dict[str, Any], invalid: frozenset[str], lines: dict[str, int]) -> None:
        self.number = number  # counted from 1, as editors count
        self.values = values
        self.invalid = invalid
        self.lines = lines  # field name -> line; "" -> the line of the entry itself

    def line(self, name: str = "") -> int:
        return self.lines.get(name, self.lines[""])


# A rule that spans the entries of one file: yields (entry, field name, message).
Rule = Callable[[list[Entry]], Iterator[tuple[Entry, str, str]]]


def region_codes(entries: list[Entry]) -> Iterator[tuple[Entry, str, str]]:
    """Every labour-market region has a CBS code; 'landelijk' is none and has none."""
    for entry in entries:
        code = entry.values.get("cbs_code")
        if entry.values.get("id") == NATIONAL_REGION:
            if code:
                yield (
                    entry,
                    "cbs_code",
                    "landelijk is geen arbeidsmarktregio en heeft geen CBS-code; schrijf cbs_code: ''",
                )
        elif not code and "cbs_code" not in entry.invalid and "id" in entry.values:
            yield (
                entry,
                "cbs_code",
                "ontbreekt; elke arbeidsmarktregio heeft een CBS-code: AM en twee cijfers, "
                "bijvoorbeeld 'cbs_code: AM05'",
            )


def groups_together(entries: list[Entry]) -> Iterator[tuple[Entry, str, str]]:
    """The page /handvatten/ gives each group one heading, above the factors that follow it."""
    last_line: dict[str, int] = {}
    previous = None
    for entry in entries:
        group = entry.values.get("group")
        if group is None:
            continue
        if group != previous and group in last_line:
            yield (
                entry,
                "group",
                f"groep '{group}' stond al eerder (tot regel {last_line[group]}); "
                "zet de werkzame bestanddelen van één groep onder elkaar",
            )
        last_line[group] = entry.line("group")
        previous = group


def distinct_anchors(entries: list[Entry]) -> Iterator[tuple[Entry, str, str]]:
    """Each glossary entry has its own anchor on /begrippen/ (``#wmo``), made from the term."""
    seen: dict[str, Entry] = {}
    for entry in entries:
        term = entry.values.get("term")
        if term is None:
            continue
        anchor = slugify(term)
        other = seen.setdefault(anchor, entry)
        if other is not entry and other.values["term"].casefold() != term.casefold():  # the same term: ``unique``
            yield (
                entry,
                "term",
                f"'{term}' krijgt op de begrippenpagina hetzelfde anker (#{anchor}) als '{other.values['term']}' "
                f"(regel {other.line('term')}); maak er één begrip van en zet de andere vorm bij synonyms",
            )


@dataclass(frozen=True)
class VocabularySpec:
    """A vocabulary file: where it lives, what its entries are called, and their fields."""

    key: str
    filename: str
    label: str  # Dutch name of one entry, singular, for messages ("thema")
    unknown: str  # "onbekend thema": Dutch adjectives agree with the noun
    fields: tuple[Field, ...] = TERM_FIELDS
    rules: tuple[Rule, ...] = ()
    min_entries: int = 1

    @property
    def extra_fields(self) -> tuple[str, ...]:
        """The fields a ``Term`` keeps in ``extra``."""
        return tuple(f.name for f in self.fields if f.name not in ("id", "name", "description", "aliases"))

    @property
    def each(self) -> str:
        """'elke regio', 'elk thema': the article agrees with the noun as the adjective of ``unknown`` does."""
        return "elke" if self.unknown.startswith("onbekende") else "elk"


# The glossary is optional (a copy of the project may leave it out) and may be empty.
GLOSSARY = VocabularySpec(
    "glossary", "glossary.yml", "begrip", "onbekend begrip", GLOSSARY_FIELDS, (distinct_anchors,), min_entries=0
)
# The municipalities and the former ones are optional too (a copy of the project may leave them out); where they
# are, ``municipality_check`` ties them to the regions and to each other.
MUNICIPALITIES = VocabularySpec(
    "municipalities", "municipalities.yml", "gemeente", "onbekende gemeente", MUNICIPALITY_FIELDS
)
FORMER_MUNICIPALITIES = VocabularySpec(
    "former_municipalities",
    "former_municipalities.yml",
    "opgeheven gemeente",
    "onbekende opgeheven gemeente",
    FORMER_MUNICIPALITY_FIELDS,
    min_entries=0,
)
