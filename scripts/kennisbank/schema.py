"""The front matter of a practice file, declared once.

The validator checks against these declarations, the JSON Schema for editors is generated from them,
and the documentation test makes sure every field here is described in CONTRIBUTING.md. Field names
are plain English; the descriptions are Dutch, because editors read them.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass


class Kind(enum.Enum):
    TEXT = "text"  # one line of text
    PARAGRAPH = "paragraph"  # text that may run over several lines
    TEXT_LIST = "text_list"
    TERM = "term"  # one id from a vocabulary
    TERM_LIST = "term_list"  # ids from a vocabulary
    DATE = "date"  # YYYY-MM-DD, not in the future
    PARTIAL_DATE = "partial_date"  # YYYY, YYYY-MM or YYYY-MM-DD
    EMAIL = "email"
    PHONE = "phone"
    URL = "url"  # http(s) only
    BOOL = "bool"
    INT_OR_TEXT = "int_or_text"  # a page number, or a page range as text
    OBJECT = "object"  # a mapping with its own fields
    OBJECT_LIST = "object_list"  # a list of such mappings
    ID = "id"  # a vocabulary term's own id: a lowercase ASCII slug (see SLUG_PATTERN)


@dataclass(frozen=True)
class Field:
    name: str
    kind: Kind
    description: str
    required: bool = False
    vocabulary: str | None = None  # key in vocabularies.SPECS for TERM and TERM_LIST
    max_length: int | None = None  # for text, per item for lists
    min_items: int = 0
    max_items: int | None = None
    fields: tuple[Field, ...] = ()  # for OBJECT and OBJECT_LIST
    example: str = ""
    pattern: str = ""  # for text: a regular expression the whole text must match
    choices: tuple[str, ...] = ()  # for text: the only values allowed
    unique: bool = False  # in a list of mappings: no two share this value (compared case-insensitively)


CONTACT_FIELDS: tuple[Field, ...] = (
    Field("name", Kind.TEXT, "Naam van de contactpersoon, zoals de bron die noemt.", required=True, max_length=100),
    Field("role", Kind.TEXT, "Functie, bijvoorbeeld 'beleidsadviseur'.", max_length=150),
    Field("organisation", Kind.TEXT, "Organisatie waar de persoon werkt.", required=True, max_length=150),
    Field("email", Kind.EMAIL, "Zakelijk e-mailadres, zoals de bron het geeft.", max_length=254),
    Field("phone", Kind.PHONE, "Zakelijk telefoonnummer, zoals de bron het geeft.", max_length=30),
    Field(
        "withdrawn",
        Kind.BOOL,
        "true als de persoon niet meer genoemd wil worden: de site toont dan alleen de organisatie.",
    ),
)

LINK_FIELDS: tuple[Field, ...] = (
    Field("title", Kind.TEXT, "Tekst van de link: waar leidt hij heen?", required=True, max_length=150),
    Field("url", Kind.URL, "Webadres, beginnend met https:// of http://.", required=True, max_length=500),
)

SOURCE_FIELDS: tuple[Field, ...] = (
    Field("title", Kind.TEXT, "Titel van het brondocument.", required=True, max_length=250),
    Field("publisher", Kind.TEXT, "Uitgever of auteur van de bron.", max_length=150),
    Field("date", Kind.PARTIAL_DATE, "Datum van de bron: JJJJ, JJJJ-MM of JJJJ-MM-DD.", example="2022-04"),
    Field("page", Kind.INT_OR_TEXT, "Pagina in de bron waar het voorbeeld begint.", max_length=20),
    Field("url", Kind.URL, "Webadres van de bron, als die online staat.", max_length=500),
)

FIELDS: tuple[Field, ...] = (
    Field(
        "title",
        Kind.TEXT,
        "Titel die zegt wat het voorbeeld is, bijvoorbeeld 'Plaats: aanpak'.",
        required=True,
        max_length=120,
    ),
    Field("summary", Kind.PARAGRAPH, "Samenvatting in één tot drie zinnen.", required=True, max_length=600),
    Field(
        "region",
        Kind.TERM,
        "Arbeidsmarktregio (id uit regions.yml), of 'landelijk'.",
        required=True,
        vocabulary="regions",
    ),
    Field("municipalities", Kind.TEXT_LIST, "Betrokken gemeenten.", max_length=80),
    Field(
        "organisations", Kind.TEXT_LIST, "Betrokken organisaties: scholen, gemeenten, UWV, werkgevers.", max_length=150
    ),
    Field(
        "themes",
        Kind.TERM_LIST,
        "Thema's (ids uit themes.yml); het belangrijkste eerst.",
        required=True,
        vocabulary="themes",
        min_items=1,
    ),
    Field(
        "target_groups",
        Kind.TERM_LIST,
        "Doelgroepen (ids uit target_groups.yml).",
        required=True,
        vocabulary="target_groups",
        min_items=1,
    ),
    Field(
        "phases",
        Kind.TERM_LIST,
        "Fasen in de route van school naar werk (ids uit phases.yml).",
        required=True,
        vocabulary="phases",
        min_items=1,
    ),
    Field(
        "success_factors",
        Kind.TERM_LIST,
        "Werkzame bestanddelen die het voorbeeld laat zien (ids uit success_factors.yml).",
        vocabulary="success_factors",
    ),
    Field(
        "evidence",
        Kind.TERM,
        "Bewijsniveau (id uit evidence.yml): hoe sterk is onderbouwd dat het werkt?",
        required=True,
        vocabulary="evidence",
    ),
    Field("period", Kind.TEXT, "Looptijd, bijvoorbeeld '2021–2024' of 'sinds 2015'.", max_length=60),
    Field("key_figures", Kind.TEXT_LIST, "Kerncijfers uit de bron: bereikt, geplaatst, kosten.", max_length=250),
    Field(
        "contacts",
        Kind.OBJECT_LIST,
        "Contactpersonen zoals de bron ze noemt; mag leeg zijn ([]).",
        required=True,
        fields=CONTACT_FIELDS,
    ),
    Field("links", Kind.OBJECT_LIST, "Links naar meer informatie.", fields=LINK_FIELDS),
    Field("source", Kind.OBJECT, "Het document waaruit het voorbeeld komt.", required=True, fields=SOURCE_FIELDS),
    Field(
        "last_reviewed",
        Kind.DATE,
        "Datum waarop een redacteur het voorbeeld het laatst controleerde (JJJJ-MM-DD).",
        required=True,
        example="2026-11-22",
    ),
)

FIELDS_BY_NAME = {f.name: f for f in FIELDS}

# The body's standard sections, in order: readers compare practices by them.
BODY_SECTIONS: tuple[str, ...] = (
    "Het vraagstuk",
    "De aanpak",
    "Resultaten",
    "Wat werkt",
    "Aandachtspunten",
    "Meer informatie",
)

SLUG_PATTERN = r"[a-z0-9]+(?:-[a-z0-9]+)*"
MAX_SLUG_LENGTH = 80
# Slugs whose page would take the place of a generated one: praktijkvoorbeelden/index.md is the page at
# /praktijkvoorbeelden/ itself, not at /praktijkvoorbeelden/index/ where every overview links to.
RESERVED_SLUGS = frozenset({"index"})
MAX_BODY_BYTES = 200_000
# The front matter of a real practice is one or two thousand characters and nests 3 levels deep (contacts:
# a list of mappings); libyaml crashes on tens of thousands of levels (see yamllimits.py).
MAX_FRONT_MATTER_CHARS = 50_000
MAX_NESTING = 20
# Limits on a body that keep the Markdown renderer fast (see body_limits.py; measured in
# tests/test_body_limits.py). A real practice has at most a few dozen of each character.
MARKUP_CHARACTERS = "[]()*_`<{!&\\"
MAX_MARKUP_CHARACTERS = 500  # of each of MARKUP_CHARACTERS in one body
MAX_PARAGRAPH_SCAN = 400_000  # per paragraph: for each '[' and '`', the characters after it
MAX_BODY_NESTING = 20  # levels of lists, quotes and indentation
REVIEW_WARNING_DAYS = 2 * 365
