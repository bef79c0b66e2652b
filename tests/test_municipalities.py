"""The gemeenten and their labour-market regions: the lookup by name, and the real data file.

The rules on the files themselves have one fixture each in ``tests/fixtures/vocabularies/`` (municipality-*,
former-*, region-without-municipalities); the warnings on a practice in ``tests/fixtures/invalid/municipality-*``.
"""

from __future__ import annotations

import pytest

from kennisbank.municipalities import FormerMunicipality, Municipalities, Municipality, normalise
from kennisbank.text import slugify
from kennisbank.vocabulary_schema import NATIONAL_REGION

from .conftest import repo_vocabularies

REAL = repo_vocabularies()

SMALL = Municipalities(
    [
        Municipality("s-gravenhage", "'s-Gravenhage", "GM0518", "haaglanden", ("Den Haag",)),
        Municipality("bergen-l", "Bergen (L.)", "GM0893", "noord-limburg"),
        Municipality("bergen-nh", "Bergen (NH.)", "GM0373", "noord-holland-noord"),
        Municipality("hengelo-o", "Hengelo (O.)", "GM0164", "twente"),
        Municipality("sudwest-fryslan", "Súdwest-Fryslân", "GM1900", "friesland"),
        Municipality("maashorst", "Maashorst", "GM1991", "noordoost-brabant"),
    ],
    [FormerMunicipality("Uden", "maashorst", "2022")],
)


@pytest.mark.parametrize(
    ("typed", "found"),
    [
        ("'s-Gravenhage", "s-gravenhage"),
        ("s-gravenhage", "s-gravenhage"),
        ("Den Haag", "s-gravenhage"),
        ("DEN  HAAG", "s-gravenhage"),
        ("Sudwest Fryslan", "sudwest-fryslan"),
        ("súdwest-fryslân", "sudwest-fryslan"),
        ("Hengelo", "hengelo-o"),
        ("Hengelo (O.)", "hengelo-o"),
        ("Bergen (NH.)", "bergen-nh"),
        ("uden", "maashorst"),
    ],
)
def test_find_ignores_case_accents_and_punctuation(typed: str, found: str) -> None:
    match = SMALL.find(typed)
    assert match is not None
    assert match.municipality.id == found


def test_a_former_name_says_what_it_became() -> None:
    match = SMALL.find("Uden")
    assert match is not None
    assert match.former == FormerMunicipality("Uden", "maashorst", "2022")
    assert SMALL.find("Maashorst") is not None
    assert SMALL.find("Maashorst").former is None  # type: ignore[union-attr]


def test_an_ambiguous_short_name_is_not_guessed() -> None:
    assert SMALL.find("Bergen") is None
    assert SMALL.suggest("Bergen") == ("Bergen (L.)", "Bergen (NH.)")


def test_the_gemeenten_that_merged_into_one_and_the_short_name_that_names_one_alone() -> None:
    assert SMALL.merged_into("maashorst") == (FormerMunicipality("Uden", "maashorst", "2022"),)
    assert SMALL.merged_into("hengelo-o") == ()
    assert SMALL.short_name(SMALL["hengelo-o"]) == "Hengelo"
    assert SMALL.short_name(SMALL["bergen-l"]) is None  # 'Bergen' names two
    assert SMALL.short_name(SMALL["maashorst"]) is None  # no province to leave out


def test_every_name_a_town_of_a_region_goes_by() -> None:
    assert SMALL.towns("twente") == [("Hengelo (O.)", "Hengelo (O.)"), ("Hengelo", "Hengelo (O.)")]
    assert SMALL.towns("haaglanden") == [("'s-Gravenhage", "'s-Gravenhage"), ("Den Haag", "'s-Gravenhage")]
    assert SMALL.towns("noordoost-brabant") == [("Maashorst", "Maashorst"), ("Uden", "Maashorst")]
    assert SMALL.towns("noord-limburg") == [("Bergen (L.)", "Bergen (L.)")]  # 'Bergen' names two
    assert SMALL.towns("landelijk") == []


def test_suggest_a_near_name_or_nothing() -> None:
    assert SMALL.suggest("Maashosrt") == ("Maashorst",)
    assert SMALL.suggest("Hoofddorp") == ()


def test_normalise() -> None:
    assert normalise("  ’s-Hertogenbosch ") == normalise("S Hertogenbosch") == "s hertogenbosch"


def test_empty_municipalities_find_nothing() -> None:
    empty = Municipalities()
    assert not empty
    assert empty.find("Kampen") is None
    assert empty.in_region("twente") == ()


# The real file. Each pair below was checked against a source; see the header of municipalities.yml.
def test_the_real_file_has_every_gemeente_once() -> None:
    municipalities = REAL.municipalities
    assert len(municipalities) == 342  # the CBS indeling since 1 January 2023
    assert len({m.gm_code for m in municipalities}) == 342
    assert len({m.id for m in municipalities}) == 342
    assert all(m.id == slugify(m.name) for m in municipalities)


def test_every_labour_market_region_has_gemeenten_and_no_gemeente_is_national() -> None:
    municipalities = REAL.municipalities
    regions = [r.id for r in REAL.regions if r.id != NATIONAL_REGION]
    assert len(regions) == 35
    assert all(municipalities.in_region(r) for r in regions)
    assert sum(len(municipalities.in_region(r)) for r in regions) == 342
    assert not municipalities.in_region(NATIONAL_REGION)


@pytest.mark.parametrize(
    ("name", "gm_code", "region"),
    [
        # In CBS tables on the stored pages (83553NED, Gebieden in Nederland 2017; 70072NED, 2020-2022):
        ("Zwolle", "GM0193", "regio-zwolle"),
        ("Amsterdam", "GM0363", "groot-amsterdam"),
        ("Den Haag", "GM0518", "haaglanden"),
        ("Uitgeest", "GM0450", "noord-holland-noord"),
        ("Meierijstad", "GM1948", "noordoost-brabant"),
        ("Haarlem", "GM0392", "zuid-kennemerland-en-ijmond"),
        ("Zwijndrecht", "GM0642", "drechtsteden"),
        ("Arnhem", "GM0202", "midden-gelderland"),
        # Not in a CBS table that could be consulted; from the VNG list per region (see the file's header):
        ("Kampen", "GM0166", "regio-zwolle"),
        ("Hardenberg", "GM0160", "regio-zwolle"),
    ],
)
def test_known_pairs(name: str, gm_code: str, region: str) -> None:
    match = REAL.municipalities.find(name)
    assert match is not None
    assert (match.municipality.gm_code, match.municipality.region) == (gm_code, region)


def test_confirmed_marks_only_the_pairs_seen_in_a_cbs_table() -> None:
    confirmed = sorted(m.name for m in REAL.municipalities if m.confirmed)
    assert confirmed == [
        "'s-Gravenhage",
        "Amsterdam",
        "Arnhem",
        "Haarlem",
        "Meierijstad",
        "Rotterdam",
        "Uitgeest",
        "Utrecht",
        "Zwijndrecht",
        "Zwolle",
    ]


@pytest.mark.parametrize(
    ("former", "current", "year"),
    [("Uden", "Maashorst", "2022"), ("Weesp", "Amsterdam", "2022"), ("Haren", "Groningen", "2019")],
)
def test_real_former_names(former: str, current: str, year: str) -> None:
    match = REAL.municipalities.find(former)
    assert match is not None
    assert match.former is not None
    assert (match.municipality.name, match.former.year) == (current, year)
