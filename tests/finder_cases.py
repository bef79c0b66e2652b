"""The cases the finder's JavaScript modules are tested against (tests/js, ``node --test``), computed by
the Python side from the same inputs: the golden file ``tests/js/finder-cases.json``.

The collection is small and fixed, made here (not the real practices, whose number and text change with
every contribution): fourteen practices on one practice file's frame, small facet vocabularies and a
small glossary, so the cases change only when the search does. From it the site's own code writes the
data files the finder fetches (``search_outputs``, with small shards and text blocks so there are
several of each) and the page's ``data-finder``; the JavaScript gets exactly those.
"""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path
from typing import Any

from kennisbank.catalogue import Catalogue
from kennisbank.facets import FACETS
from kennisbank.pages.search import ASSETS, finder_boot, search_outputs
from kennisbank.search.index import build_search_data
from kennisbank.search.pipeline import STOP_WORDS, stem, words
from kennisbank.search.query import Filters, Searcher, correct, edit_distance
from kennisbank.search.shards import split
from kennisbank.search.site_pages import SitePage, matching_pages, site_page_index, town_region
from kennisbank.vocabularies import GlossaryEntry, Term

from .conftest import FIXTURES, TODAY, repo_catalogue, repo_vocabularies

GOLDEN = Path(__file__).resolve().parent / "js" / "finder-cases.json"
SHARD_BYTES = 1_500  # small, so the collection's index is in several shards
TEXT_BLOCK_BYTES = 700  # and its result texts in several blocks

VOCABULARIES: dict[str, list[tuple[str, str]]] = {
    "themes": [
        ("nazorg", "Nazorg"),
        ("stage", "Stage en leerbanen"),
        ("werk", "Naar werk"),
        ("school", "Terug naar school"),
    ],
    "target_groups": [
        ("vso", "Vso-leerlingen"),
        ("pro", "Praktijkonderwijs"),
        ("mbo", "Mbo-studenten"),
        ("nieuw", "Nieuwkomers"),
    ],
    "regions": [("twente", "Twente"), ("rijnmond", "Rijnmond"), ("friesland", "Friesland"), ("zeeland", "Zeeland")],
    "phases": [("overstap", "Overstap"), ("nazorg", "Nazorg")],
    "evidence": [("veelbelovend", "Veelbelovend"), ("met-resultaten", "Met resultaten")],
    "success_factors": [
        ("jobcoach", "Vaste jobcoach"),
        ("werkgevers", "Werkgevers betrokken"),
        ("maatwerk", "Maatwerk"),
    ],
}
GLOSSARY = (
    GlossaryEntry("vsv", "Voortijdig schoolverlaten.", "voortijdig schoolverlaters", ("voortijdig schoolverlaten",)),
    GlossaryEntry("pro", "Praktijkonderwijs.", "praktijkonderwijs"),
    GlossaryEntry("WSP", "Werkgeversservicepunt.", "Werkgeversservicepunt"),
    GlossaryEntry("Werkgeversservicepunt", "Eén loket voor werkgevers.", "", ("werkgeverspunt",)),
    GlossaryEntry("OCW", "Het ministerie.", "(ministerie van) Onderwijs, Cultuur en Wetenschap"),
    GlossaryEntry("bbl", "Leren en werken.", "beroepsbegeleidende leerweg"),
)

# (title, summary, body, region, themes, target groups, phases, evidence, success factors)
PRACTICES: list[tuple[str, str, str, str, tuple[str, ...], tuple[str, ...], tuple[str, ...], str, tuple[str, ...]]] = [
    ("Nazorg voor vso-leerlingen in Twente", "Een jobcoach volgt oud-leerlingen van het vso twee jaar na school.",
     "De nazorg begint in het laatste schooljaar. Jongeren houden dezelfde coach.", "twente",
     ("nazorg",), ("vso",), ("overstap", "nazorg"), "met-resultaten", ("jobcoach",)),
    ("Heftruckcertificaat in de entreeopleiding", "Studenten halen een heftruck certificaat naast hun diploma.",
     "Met het certificaat vinden jongeren sneller werk in de logistiek. Het Werkgeversservicepunt helpt.",
     "rijnmond", ("werk",), ("mbo",), ("overstap",), "veelbelovend", ("werkgevers",)),
    ("Praktijkverklaring voor leerlingen van het praktijkonderwijs",
     "Wie geen diploma haalt, krijgt een praktijkverklaring.",
     "De praktijkverklaring laat zien wat een leerling kan. Werkgevers lezen haar als een cv.", "friesland",
     ("werk", "school"), ("pro",), ("overstap",), "met-resultaten", ("werkgevers",)),
    ("Voortijdig schoolverlaters terug naar school",
     "Het RMC belt voortijdig schoolverlaters na en zoekt een nieuwe opleiding.",
     "Elke vsv'er krijgt binnen een week een gesprek. In 2022 keerde de helft terug.", "zeeland",
     ("school",), ("mbo",), ("nazorg",), "veelbelovend", ("maatwerk",)),
    ("Stages bij werkgevers in de regio", "Stages en leerbanen voor jongeren, met coaches op de werkvloer.",
     "Regio's delen hun stages. Coaches begeleiden de stagiairs; de bbl is een vervolg.", "twente",
     ("stage",), ("mbo", "vso"), ("overstap",), "veelbelovend", ("werkgevers", "jobcoach")),
    ("Coördinatie van de overstap van school naar werk", "Eén coördinator houdt de overstap bij voor elke jongere.",
     "Coördinatie tussen school, gemeente en werkgevers voorkomt uitval. De coördinator kent elke jongere.",
     "rijnmond", ("werk", "nazorg"), ("vso", "pro"), ("overstap",), "met-resultaten", ("maatwerk",)),
    ("Nieuwkomers leren de taal op de werkvloer", "Taal en werk tegelijk: nieuwkomers werken drie dagen en leren twee.",
     "Naïeve verwachtingen over werk worden bijgesteld. Het café van de school is een leerbaan.", "friesland",
     ("werk", "stage"), ("nieuw",), ("overstap",), "veelbelovend", ("maatwerk",)),
    ("Werkgeverspunt voor jongeren in Rijnmond", "Het WSP zoekt werkgevers voor jongeren zonder startkwalificatie.",
     "Werkgevers melden vacatures bij het werkgeverspunt. Jongeren krijgen een jobcoach.", "rijnmond",
     ("werk",), ("mbo", "nieuw"), ("nazorg",), "met-resultaten", ("werkgevers", "jobcoach")),
    ("Jongeren werk school: de ketenaanpak", "School, gemeente en werkgevers werken samen aan werk voor jongeren.",
     "Jongeren, werk en school: drie partners, één plan. Jongeren jongeren jongeren.", "zeeland",
     ("werk", "school", "nazorg"), ("vso", "pro", "mbo"), ("overstap", "nazorg"), "veelbelovend", ("maatwerk",)),
    ("Beroepsbegeleidende leerweg in de zorg", "De bbl combineert leren en werken in de zorg.",
     "Studenten in de beroepsbegeleidende leerweg werken vier dagen. Hun coaches komen uit de zorg.", "twente",
     ("stage", "werk"), ("mbo",), ("overstap",), "met-resultaten", ("werkgevers",)),
    ("Onderwijs, Cultuur en Wetenschap financiert nazorg", "Het ministerie van OCW betaalt de nazorg twee jaar.",
     "Met het geld van het ministerie van Onderwijs houden scholen contact met oud-leerlingen.", "friesland",
     ("nazorg", "school"), ("vso", "pro"), ("nazorg",), "veelbelovend", ("jobcoach",)),
    ("Zomerschool voor vsv'ers", "Een zomerschool bereidt vsv'ers voor op een nieuwe start na de zomer.",
     "De zomerschool duurt zes weken. Vsv'ers leren plannen en solliciteren.", "zeeland",
     ("school",), ("mbo",), ("overstap",), "veelbelovend", ("maatwerk",)),
    ("Speeddates met werkgevers", "Jongeren ontmoeten werkgevers tijdens speeddates van tien minuten.",
     "Na de speeddates volgen stages of banen. Werkgevers waarderen het snelle kennismaken.", "rijnmond",
     ("werk", "stage"), ("mbo", "nieuw"), ("overstap",), "met-resultaten", ("werkgevers",)),
    ("Praktijkleren met een verklaring", "Praktijkleren in het bedrijf, afgesloten met een praktijkverklaring.",
     "Leerlingen van het praktijkonderwijs leren in het bedrijf. De pro-school begeleidt.", "twente",
     ("school", "werk"), ("pro",), ("overstap",), "veelbelovend", ("jobcoach", "werkgevers")),
]  # fmt: skip

SITE_PAGES = [
    SitePage("Over deze kennisbank", "over/", "Hier leest u over privacy en over toegankelijkheid."),
    SitePage("Privacyverklaring", "privacy/", "Welke persoonsgegevens de site toont."),
    SitePage("Toegankelijkheidsverklaring", "toegankelijkheid/", "De site volgt de richtlijnen."),
    SitePage("Twente (AM05)", "regios/twente/", "Arbeidsmarktregio Regio's"),
    SitePage("Begrippenlijst", "begrippen/", "vsv voortijdig schoolverlaters; WSP Werkgeversservicepunt; bbl"),
    SitePage("Nazorg", "themas/nazorg/", "Nazorg na school Thema's"),
]
# (town, its region page): a town typed alone names its region above the pages; a URL without a page is left out.
SITE_TOWNS = [
    ("Enschede", "regios/twente/"),
    ("Hof van Twente", "regios/twente/"),
    ("Nergenshuizen", "regios/nergens/"),
]

TEXTS = [
    "Coördinatie", "coördinatie.", "Regio's", "regio’s", "aoc's", "stages", "coaches", "vso-leerlingen",
    "VSO-Leerling", "2022", "070-1234567", "de en het", "Wat doen regio's voor vso-leerlingen in de nazorg?",
    "café", "naïeve", "één", "‘praktijkverklaring’", "(ministerie van) Onderwijs", "e-mail", "jongeren--werk",
    "— ...", "Leerwerktrajecten", "heftruckcertificaat", "werkgeversservicepunt", "Straße", "ĳsselmeer",
    "groningen, friesland; drenthe", "  ", "mbo-2", "hbo'ers", "vsv'ers", "Jongeren\twerken\nSCHOOL",
    "ondernemers ondernemen onderneming", "gelukkig geluk gelukkige", "lichamelijke lichamelijk", "opgaven opgave",
]  # fmt: skip

QUERIES = [
    "nazorg vso", "heftruck certificaat", "vsv Twente", "voortijdig schoolverlaters", "praktijkverklarign",
    "wat doen regio's voor vso-leerlingen in de nazorg?", "stages", "coördinatie", "jongeren werk school",
    "werk jongeren", "jongeren jongeren werk", "de en het", "", "xyzzyq", "werkgeverspunt", "WSP", "wsp jongeren",
    "ministerie van onderwijs", "beroepsbegeleidende leerweg", "bbl zorg", "voortijdig schoolverlatrs",
    "cordinatie", "coachs", "werkgevres", "2022", "zomerschool vsv'ers", "praktijkleren", "nieuwkomers taal",
    "Almelo", "Enschede", "Hengelo", "Weesp", "statushouders", "Enschede nazorg", "Vaste jobcoach",
    # compounds and inflections (search/expand.py): a word inside a compound, a compound split into its parts
    "heftruck", "certificaten", "nazorgtraject", "heftruckstage", "zomerschoolweken", "xyzzy nazorg",
    "werkgeversservicepuntje", "taalcoaches", "leerbaanaanpak", "kampen",
]  # fmt: skip
# As typed into the finder (prefix): the last word, with no space after it, is the start of a word.
PREFIX_QUERIES = [
    "hef", "heftr", "nazorg vs", "werkg", "stag ", "jongeren wer", "xyzzy nazo", "nazorg-", "ze", "coördin",
    "praktijkverklarign", "voortijdig schoolverl", "de", "zomerschoolw", "leer", "werkgeverspunt", "schoo",
]  # fmt: skip

SELECTIONS: list[tuple[str, dict[str, list[str]]]] = [
    ("jongeren", {}),
    ("jongeren", {"region": ["twente"]}),
    ("werk", {"region": ["rijnmond", "twente"], "themes": ["werk"]}),
    ("", {"target_groups": ["pro"], "evidence": ["met-resultaten"]}),
    ("nazorg", {"phases": ["nazorg"], "success_factors": ["jobcoach"], "region": ["zeeland"]}),
    ("werkgevers", {"themes": ["onbekend"]}),
]

EDITS = [
    ("praktijkverklarign", "praktijkverklaring", 2), ("coachs", "coaches", 1), ("abcd", "abdc", 1),
    ("jongeren", "jongeren", 2), ("werk", "wekr", 1), ("kitten", "sitting", 2), ("kitten", "sitting", 3),
    ("a", "abc", 1), ("coördinatie", "coordinatie", 1), ("", "ab", 2), ("ca", "abc", 2),
]  # fmt: skip

PAGE_QUERIES = ["privacy", "twente", "toegankelijkheid", "privacy toegankelijkheid", "vsv", "nazorg", "pri", "site"]
PAGE_QUERIES += ["Enschede", "hof van twente", "twente hof", "enschede privacy", "Nergenshuizen"]


def catalogue() -> Catalogue:
    real = repo_vocabularies()
    aliases = {"nieuw": ("statushouders", "anderstaligen")}  # a term's other words are in the index too
    terms = {
        key: dataclasses.replace(
            real.by_key(key), terms=tuple(Term(i, name, aliases=aliases.get(i, ())) for i, name in terms)
        )
        for key, terms in VOCABULARIES.items()
    }
    vocabularies = dataclasses.replace(real, glossary=GLOSSARY, terms={**real.terms, **terms})
    frame = repo_catalogue([FIXTURES / "catalogue"], today=TODAY).practices[0]
    practices = [
        dataclasses.replace(
            frame,
            slug=f"voorbeeld-{number}",
            title=title,
            summary=summary,
            body=f"## Het vraagstuk\n\n{body}\n",
            region=region,
            themes=themes,
            target_groups=groups,
            phases=phases,
            evidence=evidence,
            success_factors=factors,
            # every other practice in Twente names Enschede: it ranks above the region's others for 'Enschede'
            municipalities=("Enschede",) if region == "twente" and number % 2 == 0 else (),
            organisations=(),
            key_figures=(),
        )
        for number, (title, summary, body, region, themes, groups, phases, evidence, factors) in enumerate(PRACTICES)
    ]
    return Catalogue(practices, vocabularies)


def facet_counts(searcher: Searcher, query: str, selected: dict[str, list[str]]) -> dict[str, list[int]]:
    """Per facet, per value in vocabulary order: the results with that value and the other facets' selections."""
    vocabularies = searcher.data.catalogue.vocabularies
    counts = {}
    for facet in FACETS:
        attribute, vocabulary = facet.name, facet.key
        others = {k: frozenset(v) for k, v in selected.items() if k != attribute}
        counts[attribute] = [
            len(searcher.search(query, Filters({**others, attribute: frozenset({term.id})})))
            for term in vocabularies.by_key(vocabulary)
        ]
    return counts


def content_stems(text: str) -> list[str]:
    return [stem(w) for w in words(text) if w not in STOP_WORDS]


def query_case(searcher: Searcher, query: str, prefix: bool) -> dict[str, Any]:
    terms = searcher.terms(query, prefix)
    return {
        "query": query,
        "terms": [{"word": t.word, "stem": t.stem, "typed": t.typed, "expansions": list(t.expansions)} for t in terms],
        "unmatched": [t.typed for t in searcher.unmatched(terms)],
        "results": [[r.ref, r.score] for r in searcher.search(query, prefix=prefix)],
    }


def finder_cases() -> dict[str, Any]:
    data = build_search_data(catalogue())
    sharded = split(data.index, SHARD_BYTES)
    blocks = data.text_blocks(TEXT_BLOCK_BYTES)
    outputs = search_outputs(data, sharded, blocks, SITE_PAGES, SITE_TOWNS)
    files = {
        o.src_uri.removeprefix(ASSETS): json.loads(o.content)
        for o in outputs
        if o.src_uri.endswith(".json") and isinstance(o.content, str)
    }
    searcher = Searcher(data)
    vocabulary = data.vocabulary
    pages = site_page_index(SITE_PAGES, SITE_TOWNS)
    return {
        "about": "Written by tests/test_finder_js.py from tests/finder_cases.py: do not edit; see there.",
        "boot": finder_boot(data, sharded, blocks),
        "files": files,
        "facetParams": [[facet.name, facet.param] for facet in FACETS],
        "texts": [{"text": t, "words": words(t), "stems": content_stems(t)} for t in TEXTS],
        "vocabularyStems": [stem(w) for w in vocabulary],
        "synonymMatches": [
            {"stems": content_stems(q), "matches": [list(m) for m in data.synonyms.matches(content_stems(q))]}
            for q in QUERIES
        ],
        "edits": [{"a": a, "b": b, "limit": limit, "distance": edit_distance(a, b, limit)} for a, b, limit in EDITS],
        "corrections": [
            {"word": w, "correction": correct(w, vocabulary)}
            for w in dict.fromkeys([*(w for q in QUERIES for w in words(q)), "praktijkverklaringen", "jongren"])
        ],
        "queries": [query_case(searcher, q, False) for q in QUERIES],
        "prefixQueries": [query_case(searcher, q, True) for q in PREFIX_QUERIES],
        "facets": [
            {
                "query": q,
                "selected": selected,
                "shown": [r.ref for r in searcher.search(q, Filters({k: frozenset(v) for k, v in selected.items()}))],
                "counts": facet_counts(searcher, q, selected),
            }
            for q, selected in SELECTIONS
        ],
        "pages": [
            {
                "query": q,
                "limit": limit,
                "stems": content_stems(q),
                "titles": matching_pages(pages, content_stems(q), limit),
                "town": town_region(pages, content_stems(q)),
            }
            for q in PAGE_QUERIES
            for limit in (5, 1)
        ],
    }


def golden_text(cases: dict[str, Any]) -> str:
    """One line per case and per data file, so a change shows as a readable diff."""
    lines = []
    for key, value in cases.items():
        if isinstance(value, list):
            items = [json.dumps(item, ensure_ascii=False) for item in value]
            lines.append(f"{json.dumps(key)}: [\n  " + ",\n  ".join(items) + "\n]")
        elif isinstance(value, dict):
            items = [f"{json.dumps(k)}: {json.dumps(v, ensure_ascii=False)}" for k, v in value.items()]
            lines.append(f"{json.dumps(key)}: {{\n  " + ",\n  ".join(items) + "\n}")
        else:
            lines.append(f"{json.dumps(key)}: {json.dumps(value, ensure_ascii=False)}")
    return "{\n" + ",\n".join(lines) + "\n}\n"
