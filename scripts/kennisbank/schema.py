"""The front matter of a practice file, declared once.

The validator checks against these declarations, the JSON Schema for editors is generated from them,
and the documentation test makes sure every field here is described in CONTRIBUTING.md. Field names
are plain English; the descriptions are Dutch, because editors read them.
"""

from __future__ import annotations

from .addresses import PRACTICE_LIST_SORTS
from .facets import FACETS, facet_field
from .fieldtypes import Field as Field
from .fieldtypes import Kind as Kind

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
    Field(
        "organisation",
        Kind.TEXT,
        "Organisatie voor vragen zoals de bron die noemt; zonder contactpersoon verwijst de pagina hierheen.",
        max_length=150,
    ),
    Field(
        "organisation_url",
        Kind.URL,
        "Algemeen webadres van die organisatie, alleen als de bron het geeft.",
        max_length=500,
    ),
    Field(
        "organisation_email",
        Kind.EMAIL,
        "Algemeen e-mailadres van die organisatie (geen persoonlijk adres), alleen als de bron het geeft.",
        max_length=254,
    ),
)

# Where the facets stand among the other fields: in the template of a new practice, the JSON Schema and the
# guide. Their declarations are in facets.py.
_PLACED = ("region", "themes", "target_groups", "phases", "success_factors", "evidence")

FIELDS: tuple[Field, ...] = (
    Field(
        "title",
        Kind.TEXT,
        "Titel die zegt wat het voorbeeld is, bijvoorbeeld 'Plaats: aanpak'.",
        required=True,
        max_length=120,
    ),
    Field("summary", Kind.PARAGRAPH, "Samenvatting in één tot drie zinnen.", required=True, max_length=600),
    facet_field("region"),
    Field("municipalities", Kind.TEXT_LIST, "Betrokken gemeenten.", max_length=80),
    Field(
        "organisations", Kind.TEXT_LIST, "Betrokken organisaties: scholen, gemeenten, UWV, werkgevers.", max_length=150
    ),
    facet_field("themes"),
    facet_field("target_groups"),
    facet_field("phases"),
    facet_field("success_factors"),
    facet_field("evidence"),
    # A facet declared only in facets.py (a new one) comes after those above.
    *(facet.field for facet in FACETS if facet.name not in _PLACED),
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
# Slugs whose page would take the place of a generated one: praktijkvoorbeelden/index.md is the list of all
# practices at /praktijkvoorbeelden/ itself, and op-regio/op-datum are that list sorted otherwise.
RESERVED_SLUGS = frozenset({"index", *PRACTICE_LIST_SORTS.values()})
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
