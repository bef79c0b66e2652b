"""Reading ``municipalities.yml`` and ``former_municipalities.yml``, and the rules that tie them to the regions.

Each file is read and checked like every vocabulary file (``vocabulary_check.check_file``, against the
declarations in ``vocabulary_schema``); then: every gemeente names a region of regions.yml (a single value, so
exactly one), every labour-market region has at least one gemeente, and every former gemeente points to a
current one. Both files are optional: without municipalities.yml there is nothing to look towns up in.
"""

from __future__ import annotations

import difflib
from pathlib import Path

from .errors import Problem, display_path
from .municipalities import FormerMunicipality, Municipalities, Municipality
from .vocabulary_check import check_file
from .vocabulary_schema import FORMER_MUNICIPALITIES, MUNICIPALITIES, NATIONAL_REGION, Entry, VocabularySpec


def load_municipalities(directory: Path, regions: list[Entry]) -> tuple[Municipalities, list[Problem]]:
    """The gemeenten of ``directory``, checked against the checked ``regions`` entries (none if regions.yml
    has errors: then only the files themselves are checked)."""
    path = directory / MUNICIPALITIES.filename
    if not path.exists():
        return Municipalities(), []
    entries, problems = check_file(path, MUNICIPALITIES)
    former_path = directory / FORMER_MUNICIPALITIES.filename
    former: list[Entry] = []
    if former_path.exists():
        former, found = check_file(former_path, FORMER_MUNICIPALITIES)
        problems += found
    if entries and regions:
        problems += _region_problems(entries, regions, path, directory / "regions.yml")
    if entries and former:
        problems += _former_problems(former, entries, former_path)
    if problems:
        return Municipalities(), problems
    return Municipalities(map(_municipality, entries), map(_former, former)), []


def _region_problems(entries: list[Entry], regions: list[Entry], path: Path, regions_path: Path) -> list[Problem]:
    shown = display_path(path)
    names = {r.values["id"]: r.values["name"] for r in regions if "id" in r.values and "name" in r.values}
    problems = []
    used: set[str] = set()
    for entry in entries:
        region = entry.values["region"]
        used.add(region)
        if region not in names or region == NATIONAL_REGION:
            ids = [i for i in names if i != NATIONAL_REGION]
            why = "is geen arbeidsmarktregio" if region == NATIONAL_REGION else "staat niet in regions.yml"
            near = difflib.get_close_matches(region, ids, n=1, cutoff=0.75)
            hint = f"bedoelde je '{near[0]}'?" if near else f"bijvoorbeeld 'region: {ids[0]}'" if ids else ""
            problems.append(
                Problem(
                    shown,
                    entry.line("region"),
                    _label(MUNICIPALITIES, entry, "region"),
                    f"regio '{region}' {why}; elke gemeente hoort bij precies één arbeidsmarktregio uit "
                    f"regions.yml: {hint}",
                )
            )
    if problems:  # a gemeente with a wrong region leaves its own region empty: one message is enough
        return problems
    for region_entry in regions:
        region_id = region_entry.values.get("id")
        if region_id is None or region_id == NATIONAL_REGION or region_id in used:
            continue
        problems.append(
            Problem(
                display_path(regions_path),
                region_entry.line("id"),
                f"regions[{region_entry.number}]",
                f"regio '{names.get(region_id, region_id)}' heeft geen gemeenten in {MUNICIPALITIES.filename}; "
                f"zet er minstens één gemeente bij met 'region: {region_id}'",
            )
        )
    return problems


def _former_problems(former: list[Entry], entries: list[Entry], path: Path) -> list[Problem]:
    shown = display_path(path)
    ids = {entry.values["id"] for entry in entries}
    current = {entry.values["name"].casefold(): entry for entry in entries}
    problems = []
    for entry in former:
        target = entry.values["merged_into"]
        if target not in ids:
            problems.append(
                Problem(
                    shown,
                    entry.line("merged_into"),
                    _label(FORMER_MUNICIPALITIES, entry, "merged_into"),
                    f"gemeente '{target}' staat niet in {MUNICIPALITIES.filename}; "
                    "schrijf de id van de gemeente waarin deze is opgegaan, bijvoorbeeld 'merged_into: maashorst'",
                )
            )
        same = current.get(entry.values["name"].casefold())
        if same is not None:
            problems.append(
                Problem(
                    shown,
                    entry.line("name"),
                    _label(FORMER_MUNICIPALITIES, entry, "name"),
                    f"'{entry.values['name']}' is nog een gemeente ({MUNICIPALITIES.filename}, regel "
                    f"{same.line('name')}); een opgeheven gemeente heeft een naam die niet meer in gebruik is",
                )
            )
    return problems


def _label(spec: VocabularySpec, entry: Entry, field: str) -> str:
    return f"{spec.key}[{entry.number}].{field}"


def _municipality(entry: Entry) -> Municipality:
    v = entry.values
    return Municipality(v["id"], v["name"], v["gm_code"], v["region"], v.get("aliases", ()), v["confirmed"] == "ja")


def _former(entry: Entry) -> FormerMunicipality:
    v = entry.values
    return FormerMunicipality(v["name"], v["merged_into"], v["year"])
