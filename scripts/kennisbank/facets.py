"""The facets, declared once: the front-matter fields whose values are ids from a vocabulary file.

One record per facet says everything the rest of the code needs to know about it: its field (the schema
places it in the front matter), its vocabulary file, where its pages live, what the finder calls it and
which parameter it takes, whether a term gets a print overview, and its option of ``kennisbank search``.
The validator, the catalogue, the pages, the finder, the CLI, the PDF step and the open-data export all
read this table, so a new facet is one vocabulary file and one record here (``tests/test_facets.py`` adds
one to a copy of the project and follows it to every place it must appear).

The order of ``FACETS`` is the order in which the finder shows its filters and the export its columns.
"""

from __future__ import annotations

from dataclasses import dataclass

from .fieldtypes import Field, Kind
from .vocabulary_schema import (
    REGION_FIELDS,
    SUCCESS_FACTOR_FIELDS,
    VocabularySpec,
    groups_together,
    region_codes,
)


@dataclass(frozen=True)
class Facet:
    field: Field  # the front-matter field; its name is also the practice's attribute and the export's column
    vocabulary: VocabularySpec  # the vocabulary file its ids come from
    title: str  # the section's title: "Thema's"
    legend: str  # one of them, as the finder's filter and a print overview's cover name it: "Thema"
    param: str  # the finder's URL parameter (?thema=nazorg), also the prefix of a PDF's name
    label: str  # the row on a practice page: "Thema's", or "Regio" for one value
    example: str  # an id for help texts: "nazorg"
    folder: str = ""  # a page per term below /<folder>/<id>/ ...
    page: str = ""  # ... or one page with an anchor per term (source path below docs/)
    browse: bool = False  # listed on the finder's page without JavaScript ("Per thema")
    printable: bool = False  # a term with practices gets a print overview at /<folder>/<id>/afdrukken/
    blurb: str = ""  # what the home page says of the section; a facet without one is not listed there
    short: str = ""  # the title as a link in a list, where ``title`` is long
    this: str = ""  # one term, pointed at: "dit thema" (a term page's "Zoek en filter binnen dit thema")
    related: bool = False  # shared terms make practices related (related.py), and are named as the reason

    @property
    def short_title(self) -> str:
        return self.short or self.title

    @property
    def this_term(self) -> str:
        return self.this or f"deze {self.legend.lower()}"

    @property
    def name(self) -> str:
        return self.field.name

    @property
    def key(self) -> str:
        """The vocabulary's key, as ``Vocabularies.by_key`` and ``Catalogue.practices_with`` take it."""
        return self.vocabulary.key

    @property
    def option(self) -> str:
        """The option of ``kennisbank search``: --theme, --target-group, --region ..."""
        return "--" + self.name.removesuffix("s").replace("_", "-")

    @property
    def multiple(self) -> bool:
        return self.field.kind is Kind.TERM_LIST

    def ids(self, practice: object) -> tuple[str, ...]:
        """The practice's ids for this facet, one or more, in the order of its file."""
        value = getattr(practice, self.name, None)
        if value is None:
            value = dict(getattr(practice, "extra_terms", ())).get(self.name, ())
        return (value,) if isinstance(value, str) else tuple(value)


FACETS: tuple[Facet, ...] = (
    Facet(
        Field(
            "themes",
            Kind.TERM_LIST,
            "Thema's (ids uit themes.yml); het belangrijkste eerst.",
            required=True,
            vocabulary="themes",
            min_items=1,
        ),
        VocabularySpec("themes", "themes.yml", "thema", "onbekend thema"),
        title="Thema's",
        legend="Thema",
        param="thema",
        label="Thema's",
        related=True,
        example="nazorg",
        folder="themas",
        this="dit thema",
        browse=True,
        printable=True,
        blurb="Van integrale aanpak tot kleinschalig onderwijs.",
    ),
    Facet(
        Field(
            "target_groups",
            Kind.TERM_LIST,
            "Doelgroepen (ids uit target_groups.yml).",
            required=True,
            vocabulary="target_groups",
            min_items=1,
        ),
        VocabularySpec("target_groups", "target_groups.yml", "doelgroep", "onbekende doelgroep"),
        title="Doelgroepen",
        legend="Doelgroep",
        param="doelgroep",
        label="Doelgroepen",
        related=True,
        example="vso",
        folder="doelgroepen",
        browse=True,
        printable=True,
        blurb="Pro, vso, entree, voortijdig schoolverlaters en meer.",
    ),
    Facet(
        Field(
            "region",
            Kind.TERM,
            "Arbeidsmarktregio (id uit regions.yml), of 'landelijk'.",
            required=True,
            vocabulary="regions",
        ),
        VocabularySpec("regions", "regions.yml", "regio", "onbekende regio", REGION_FIELDS, (region_codes,)),
        title="Regio's",
        legend="Regio",
        param="regio",
        label="Regio",
        example="twente",
        folder="regios",
        browse=True,
        printable=True,
        blurb="Wat doen de 35 arbeidsmarktregio's?",
    ),
    Facet(
        Field(
            "phases",
            Kind.TERM_LIST,
            "Fasen in de route van school naar werk (ids uit phases.yml).",
            required=True,
            vocabulary="phases",
            min_items=1,
        ),
        VocabularySpec("phases", "phases.yml", "fase", "onbekende fase"),
        title="Fasen van school naar werk",
        short="Fasen",
        legend="Fase",
        param="fase",
        label="Fase",
        related=True,
        example="nazorg",
        folder="fasen",
        blurb="Tijdens school, de stap van school, nazorg, jongeren buiten beeld.",
    ),
    Facet(
        Field(
            "evidence",
            Kind.TERM,
            "Bewijsniveau (id uit evidence.yml): hoe sterk is onderbouwd dat het werkt?",
            required=True,
            vocabulary="evidence",
        ),
        VocabularySpec("evidence", "evidence.yml", "bewijsniveau", "onbekend bewijsniveau"),
        title="Bewijsladder",
        legend="Bewijsniveau",
        param="bewijs",
        label="Bewijsniveau",
        example="met-resultaten",
        page="bewijsladder/index.md",
    ),
    Facet(
        Field(
            "success_factors",
            Kind.TERM_LIST,
            "Werkzame bestanddelen die het voorbeeld laat zien (ids uit success_factors.yml).",
            vocabulary="success_factors",
        ),
        VocabularySpec(
            "success_factors",
            "success_factors.yml",
            "werkzaam bestanddeel",
            "onbekend werkzaam bestanddeel",
            SUCCESS_FACTOR_FIELDS,
            (groups_together,),
        ),
        title="Handvatten: werkzame bestanddelen",
        short="Handvatten",
        legend="Werkzaam bestanddeel",
        param="bestanddeel",
        label="Werkzame bestanddelen",
        related=True,
        example="regie-gemeente",
        page="handvatten/index.md",
        blurb="Wat werkt in de samenwerking tussen mbo en gemeente?",
    ),
)

BY_NAME: dict[str, Facet] = {facet.name: facet for facet in FACETS}
BY_KEY: dict[str, Facet] = {facet.key: facet for facet in FACETS}

# The vocabularies whose terms get print overviews, in the order their PDFs are made.
PRINTED: tuple[str, ...] = tuple(sorted(facet.key for facet in FACETS if facet.printable))

# The vocabulary files every project has: one per facet.
SPECS: tuple[VocabularySpec, ...] = tuple(facet.vocabulary for facet in FACETS)


@dataclass(frozen=True)
class GapMap:
    """One view of the overview page (/overzicht/): a table with a row per term of one facet and a column per
    term of another, each cell the practices with both. A new facet gets a map with one record here."""

    rows: str  # the facet (its name) whose terms are the rows
    columns: str  # the facet whose terms are the columns
    title: str  # the view's heading and the table's caption
    anchor: str  # the heading's id on the page


GAP_MAPS: tuple[GapMap, ...] = (
    GapMap("themes", "target_groups", "Thema's en doelgroepen", "themas-doelgroepen"),
    GapMap("region", "themes", "Regio's en thema's", "regios-themas"),
)
# The facet whose highest term in a cell (in the order of its vocabulary file) shades the cell.
GAP_MAP_SHADE = "evidence"


def facet_field(name: str) -> Field:
    """The front-matter field of the facet ``name``, for the schema to place among the others."""
    return BY_NAME[name].field
