"""The Dutch municipalities and their labour-market regions: looking a town up by name, and the warnings for a
practice whose ``municipalities`` do not lie in its ``region``.

Pure lookups on data that ``municipality_check`` has read and checked (``municipalities.yml`` and
``former_municipalities.yml``). Names are matched without regard to case, accents, apostrophes, hyphens or
spaces ('s-Hertogenbosch, S Hertogenbosch, Súdwest-Fryslân, sudwest fryslan), and a CBS name with a province
suffix ('Hengelo (O.)') is also found without it where that is not ambiguous ('Bergen' is two gemeenten).
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections.abc import Iterable, Mapping
from typing import Any, NamedTuple, Protocol

from .errors import Problem, Severity, field_label

NATIONAL_REGION = "landelijk"  # as in vocabulary_schema; repeated so this module needs nothing but errors

_SUFFIX_RE = re.compile(r"\s*\([^)]*\)\s*$")  # 'Hengelo (O.)', 'Bergen (NH.)'
_SEPARATORS_RE = re.compile(r"[\s\-‐‑–—_/.,]+")
_APOSTROPHES = str.maketrans("", "", "'’‘`´")


class Municipality(NamedTuple):
    id: str
    name: str
    gm_code: str
    region: str
    aliases: tuple[str, ...] = ()
    confirmed: bool = False


class FormerMunicipality(NamedTuple):
    name: str
    merged_into: str  # a Municipality id
    year: str


class Match(NamedTuple):
    """A name found: the current gemeente, and the former one the name belonged to (None for a current name)."""

    municipality: Municipality
    former: FormerMunicipality | None = None


def normalise(name: str) -> str:
    """The key a name is looked up by: 'Súdwest-Fryslân' and 'sudwest fryslan' give the same key."""
    decomposed = unicodedata.normalize("NFKD", name)
    letters = "".join(c for c in decomposed if not unicodedata.combining(c)).casefold().translate(_APOSTROPHES)
    return _SEPARATORS_RE.sub(" ", letters).strip()


class Municipalities:
    """All gemeenten, looked up by id, by name (current, alias or former) and by region."""

    def __init__(self, items: Iterable[Municipality] = (), former: Iterable[FormerMunicipality] = ()) -> None:
        self.items = tuple(items)
        self.former = tuple(former)
        self._by_id = {m.id: m for m in self.items}
        self._by_region: dict[str, list[Municipality]] = {}
        for m in self.items:
            self._by_region.setdefault(m.region, []).append(m)
        keys: dict[str, Match] = {}
        short: dict[str, list[Match]] = {}
        for m in self.items:
            for name in (m.name, *m.aliases):
                keys.setdefault(normalise(name), Match(m))
                if _SUFFIX_RE.search(name):
                    short.setdefault(normalise(_SUFFIX_RE.sub("", name)), []).append(Match(m))
        self._merged: dict[str, list[FormerMunicipality]] = {}
        for old in self.former:
            current = self._by_id.get(old.merged_into)
            if current is not None:
                keys.setdefault(normalise(old.name), Match(current, old))
                self._merged.setdefault(current.id, []).append(old)
        for key, matches in short.items():
            if len(matches) == 1:
                keys.setdefault(key, matches[0])
        self._by_key = keys
        # 'Bergen': the short name of more than one gemeente, which a suggestion names all of.
        self._ambiguous = {
            key: tuple(m.municipality.name for m in matches)
            for key, matches in short.items()
            if len(matches) > 1 and key not in keys
        }
        # What a suggestion shows for each key: the name as written in the data.
        self._shown = {normalise(m.name): m.name for m in self.items}
        self._shown.update({normalise(a): a for m in self.items for a in m.aliases})
        self._shown.update({normalise(o.name): o.name for o in self.former})

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Municipalities) and (self.items, self.former) == (other.items, other.former)

    def __hash__(self) -> int:
        return hash((self.items, self.former))

    def __len__(self) -> int:
        return len(self.items)

    def __bool__(self) -> bool:
        return bool(self.items)

    def __iter__(self):  # type: ignore[no-untyped-def]
        return iter(self.items)

    def __getitem__(self, municipality_id: str) -> Municipality:
        return self._by_id[municipality_id]

    def find(self, name: str) -> Match | None:
        """The gemeente a name stands for (a current name, an alias, or a former gemeente's name), or None."""
        return self._by_key.get(normalise(name))

    def merged_into(self, municipality_id: str) -> tuple[FormerMunicipality, ...]:
        """The former gemeenten that merged into this one, in the order of the data file."""
        return tuple(self._merged.get(municipality_id, ()))

    def short_name(self, municipality: Municipality) -> str | None:
        """The name without its province ('Hengelo' for 'Hengelo (O.)'), where that names this gemeente alone."""
        short = _SUFFIX_RE.sub("", municipality.name)
        found = self.find(short) if short != municipality.name else None
        return short if found is not None and found.municipality == municipality else None

    def in_region(self, region_id: str) -> tuple[Municipality, ...]:
        """The gemeenten of a labour-market region, in the order of the data file (alphabetical)."""
        return tuple(self._by_region.get(region_id, ()))

    def towns(self, region_id: str) -> list[tuple[str, str]]:
        """(name, current gemeente) for every name a town of the region goes by: each gemeente's name, its
        short name ('Hengelo' for 'Hengelo (O.)', where that is not ambiguous) and aliases, and the former
        gemeenten that merged into it. What a region page lists, what a town query is matched on, and what
        the search index knows of a practice's region."""
        towns: list[tuple[str, str]] = []
        for m in self.in_region(region_id):
            short = self.short_name(m)
            names = (m.name, short) if short is not None else (m.name,)
            towns += [(name, m.name) for name in (*names, *m.aliases)]
            towns += [(old.name, m.name) for old in self.merged_into(m.id)]
        return towns

    def suggest(self, name: str) -> tuple[str, ...]:
        """The known names a misspelt or ambiguous one may mean: ('Amsterdam',) for 'Amsterdm', ('Bergen (L.)',
        'Bergen (NH.)') for 'Bergen'; () if none is close."""
        key = normalise(name)
        if key in self._ambiguous:
            return self._ambiguous[key]
        near = difflib.get_close_matches(key, self._shown, n=1, cutoff=0.8)
        return (self._shown[near[0]],) if near else ()


class _Lines(Protocol):
    """What the warnings need of a practice file (``load.RawPractice``): its name as shown, and its lines."""

    display: str

    def line(self, *path: str | int) -> int: ...


class _Regions(Protocol):
    """The regions vocabulary (``vocabularies.Vocabulary``): a term with a ``name`` by id."""

    def __contains__(self, region_id: object) -> bool: ...

    def __getitem__(self, region_id: str) -> Any: ...


def region_warnings(
    values: Mapping[str, Any], municipalities: Municipalities, regions: _Regions, raw: _Lines
) -> list[Problem]:
    """Warnings for the ``municipalities`` of a checked practice that are not gemeenten of its ``region``, or
    not gemeenten at all. None without the data (a copy of the project without municipalities.yml), and none
    for a national practice, which may name towns anywhere."""
    region = values.get("region")
    names = values.get("municipalities") or ()
    if not municipalities or not names or region is None or region == NATIONAL_REGION:
        return []
    problems = []
    for index, name in enumerate(names):
        path = ("municipalities", index)
        match = municipalities.find(name)
        if match is None:
            near = municipalities.suggest(name)
            if len(near) > 1:
                message = f"'{name}' is de naam van meer dan één gemeente; schrijf " + " of ".join(
                    f"'{n}'" for n in near
                )
            elif near:
                message = f"onbekende gemeente '{name}' — bedoelde je '{near[0]}'?"
            else:
                message = (
                    f"onbekende gemeente '{name}'; noem de gemeente zoals in practices/vocabularies/municipalities.yml "
                    "(bij een dorp of wijk: de gemeente waar het in ligt)"
                )
        elif match.municipality.region != region:
            home = match.municipality.region
            shown = f"'{name}'"
            if match.former is not None:
                shown += f" (sinds {match.former.year} deel van '{match.municipality.name}')"
            message = f"gemeente {shown} hoort bij regio '{_name(regions, home)}', niet bij '{_name(regions, region)}'"
        else:
            continue
        problems.append(Problem(raw.display, raw.line(*path), field_label(path), message, Severity.WARNING))
    return problems


def _name(regions: _Regions, region_id: str) -> str:
    return str(regions[region_id].name) if region_id in regions else region_id
