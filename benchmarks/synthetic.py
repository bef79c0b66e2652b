"""Synthetic practices for the benchmarks: valid, varied, deterministic for a seed.

Each synthetic practice takes its summary and each body section from a different real practice, its
facets from the vocabularies, and a unique title composed from a place, an approach and a focus. The
result passes ``kennisbank check`` without errors, so the benchmarks measure the normal path.
"""

from __future__ import annotations

import datetime as dt
import itertools
import random
from dataclasses import dataclass
from pathlib import Path

import yaml

from kennisbank.pages.practice import section
from kennisbank.pipeline import run
from kennisbank.schema import BODY_SECTIONS, MAX_SLUG_LENGTH
from kennisbank.text import slugify
from kennisbank.vocabularies import Vocabularies, load_vocabularies

REPO = Path(__file__).resolve().parents[1]
PRACTICES = REPO / "practices"

APPROACHES = (
    "jobcoaches begeleiden",
    "een jongerenpunt helpt",
    "de werkschool leidt op",
    "nazorg volgt",
    "een ketenaanpak verbindt",
    "leerwerktrajecten openen de weg voor",
    "speeddates brengen werkgevers bij",
    "een taskforce zoekt",
    "een startklaar-traject ondersteunt",
    "het RMC belt na bij",
    "maatwerk in kleine klassen helpt",
    "een loopbaanplein adviseert",
    "werkgevers en school coachen samen",
    "een regionaal dashboard volgt",
    "praktijkleren met een verklaring helpt",
    "een meet-and-greet verbindt werkgevers met",
    "een combinatiefunctionaris volgt",
    "een gezamenlijke pot financiert steun voor",
    "outreachende teams bereiken",
    "een zomerschool bereidt voor:",
)
FOCUSES = (
    "entreestudenten",
    "pro-leerlingen na school",
    "vso-leerlingen in de overstap",
    "voortijdig schoolverlaters",
    "jongeren buiten beeld",
    "nieuwkomers op weg naar werk",
    "jongvolwassenen zonder startkwalificatie",
    "mbo-2-gediplomeerden",
    "jongeren met een uitkering",
    "thuiszitters zonder diploma",
    "laatstejaars in de zorg",
    "starters in de techniek",
    "jongeren in de bijstand",
    "studenten die stage zoeken",
    "jongeren met schulden",
    "oud-studenten zonder baan",
    "jongeren in de logistiek",
    "jongeren met een beperking",
    "statushouders onder de 27",
    "jongeren in de horeca",
)
PROFILES = ("gemeente", "mbo-school", "RMC", "werkgeversservicepunt", "regio")


@dataclass(frozen=True)
class Source:
    """What the generator mixes: the real practices' parts and the vocabularies."""

    summaries: tuple[str, ...]
    sections: dict[str, tuple[str, ...]]
    organisations: tuple[str, ...]
    vocabularies: Vocabularies


def read_source(practices_dir: Path = PRACTICES) -> Source:
    vocabularies = load_vocabularies(practices_dir / "vocabularies")
    state = run([practices_dir], vocabularies=vocabularies)
    if state.errors or state.catalogue is None:
        raise RuntimeError("the real practices must be valid to generate synthetic ones")
    practices = state.catalogue.practices
    sections = {name: tuple(text for p in practices if (text := section(p.body, name))) for name in BODY_SECTIONS}
    organisations = tuple(sorted({o for p in practices for o in p.organisations}))
    return Source(tuple(p.summary for p in practices), sections, organisations, vocabularies)


def titles(rng: random.Random, vocabularies: Vocabularies) -> list[tuple[str, str]]:
    """Every (region id, title) combination once, in a seeded order: titles are unique by construction."""
    regions = [t for t in vocabularies.regions if t.id != "landelijk"]
    combos = list(itertools.product(regions, APPROACHES, FOCUSES))
    rng.shuffle(combos)
    return [(region.id, f"{region.name}: {approach} {focus}") for region, approach, focus in combos]


def practice_text(rng: random.Random, source: Source, number: int, region: str, title: str, reviewed: dt.date) -> str:
    vocab = source.vocabularies
    contacts: list[dict[str, object]] = []
    for n in range(rng.choice((0, 0, 1, 1, 2))):
        # Names and addresses unique per practice; one contact in fifty has withdrawn, so the check that
        # a withdrawn person appears nowhere else runs at scale too.
        contact: dict[str, object] = {
            "name": f"Contactpersoon {number}-{n + 1}",
            "role": rng.choice(("projectleider", "beleidsadviseur", "coördinator", "jobcoach")),
            "organisation": rng.choice(source.organisations),
            "email": f"contact-{number}-{n + 1}@voorbeeld.nl",
        }
        if rng.randrange(50) == 0:
            contact["withdrawn"] = True
        contacts.append(contact)
    meta = {
        "title": title,
        "summary": rng.choice(source.summaries),
        "region": region,
        "municipalities": [],
        "organisations": rng.sample(source.organisations, rng.randint(1, 4)),
        "themes": rng.sample(_ids(vocab, "themes"), rng.randint(1, 3)),
        "target_groups": rng.sample(_ids(vocab, "target_groups"), rng.randint(1, 3)),
        "phases": rng.sample(_ids(vocab, "phases"), rng.randint(1, 2)),
        "success_factors": rng.sample(_ids(vocab, "success_factors"), rng.randint(0, 4)),
        "evidence": rng.choice(_ids(vocab, "evidence")),
        "period": f"sinds {rng.randint(2012, 2024)}",
        "key_figures": [f"{rng.randint(5, 900)} jongeren bereikt, van wie {rng.randint(2, 80)}% aan het werk"],
        "contacts": contacts,
        "links": [],
        "source": {
            "title": f"Synthetisch voorbeeld voor de prestatiemeting ({rng.choice(PROFILES)})",
            "publisher": "Kennisbank Aanpak Jeugdwerkloosheid",
            "date": f"{rng.randint(2015, 2024)}-{rng.randint(1, 12):02d}",
        },
        "last_reviewed": reviewed - dt.timedelta(days=rng.randrange(300)),
    }
    body = "\n\n".join(f"## {name}\n\n{rng.choice(source.sections[name])}" for name in BODY_SECTIONS)
    front = yaml.safe_dump(meta, allow_unicode=True, sort_keys=False, width=100)
    return f"---\n{front}---\n\n{body}\n"


def _ids(vocabularies: Vocabularies, key: str) -> list[str]:
    return vocabularies.by_key(key).ids


def write_practices(
    directory: Path, count: int, seed: int = 20261122, source: Source | None = None, reviewed: dt.date | None = None
) -> list[Path]:
    """Write ``count`` synthetic practice files into ``directory``; the same seed gives the same files."""
    source = source or read_source()
    rng = random.Random(seed)
    reviewed = reviewed or dt.date.today()
    candidates = titles(rng, source.vocabularies)
    if count > len(candidates):
        raise ValueError(f"at most {len(candidates)} unique synthetic titles; asked for {count}")
    directory.mkdir(parents=True, exist_ok=True)
    paths = []
    used: set[str] = set()
    for number, (region, title) in enumerate(candidates[:count]):
        slug = "synth-" + slugify(title)[: MAX_SLUG_LENGTH - 12].rstrip("-")
        if slug in used:
            slug = f"{slug}-{number}"
        used.add(slug)
        path = directory / f"{slug}.md"
        path.write_text(practice_text(rng, source, number, region, title, reviewed), encoding="utf-8")
        paths.append(path)
    return paths
