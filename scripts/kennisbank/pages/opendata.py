"""The catalogue as open data: /catalogus.json and /catalogus.csv, one record per practice with its
metadata and address. Withdrawn contacts are left out entirely."""

from __future__ import annotations

import csv
import io
import json
from typing import Any

from ..catalogue import Catalogue
from ..facets import FACETS
from ..model import Practice
from .base import Output, Site
from .trust import source_is_old

CATALOGUE_JSON = "catalogus.json"
CATALOGUE_CSV = "catalogus.csv"
LIST_SEPARATOR = "; "

# The terms of reuse, as the export states them (LICENSE-teksten.md in the repository says the same).
LICENSE = {
    "id": "CC-BY-4.0",
    "url": "https://creativecommons.org/licenses/by/4.0/deed.nl",
    "attribution": "Vermeld de Kennisbank Aanpak Jeugdwerkloosheid en de bron die elk praktijkvoorbeeld noemt "
    "(source).",
    "exception": "De contactgegevens (contacts) vallen niet onder deze licentie: het zijn persoonsgegevens, "
    "alleen bedoeld om vakgenoten met elkaar in contact te brengen.",
}


def opendata_pages(catalogue: Catalogue, site: Site) -> list[Output]:
    records = [catalogue_record(p, catalogue, site) for p in catalogue.practices]
    head: dict[str, Any] = {
        "title": "Kennisbank Aanpak Jeugdwerkloosheid: praktijkvoorbeelden",
        "site": site.url,
        "generated": site.today.isoformat(),  # the date 'source_is_old' is measured from
        "license": LICENSE,
        "count": len(records),
    }
    return [
        Output(CATALOGUE_JSON, catalogue_json(head, records)),
        Output(CATALOGUE_CSV, catalogue_csv(records)),
    ]


def catalogue_record(practice: Practice, catalogue: Catalogue, site: Site) -> dict[str, Any]:
    record: dict[str, Any] = {
        "slug": practice.slug,
        "url": site.absolute(practice.url),
        "title": practice.title,
        "summary": practice.summary,
    }
    for facet in FACETS:
        vocab = catalogue.vocabularies.by_key(facet.key)
        record[facet.name] = [{"id": i, "name": vocab[i].name} for i in facet.ids(practice)]
    source = practice.source
    record |= {
        "municipalities": list(practice.municipalities),
        "organisations": list(practice.organisations),
        "period": practice.period,
        "key_figures": list(practice.key_figures),
        "contacts": [
            {"name": c.name, "organisation": c.organisation, "role": c.role, "email": c.email, "phone": c.phone}
            for c in practice.visible_contacts
        ],
        "links": [{"title": link.title, "url": link.url} for link in practice.links],
        "source": {
            "title": source.title,
            "publisher": source.publisher,
            "date": source.date,
            "page": source.page,
            "url": source.url,
            "organisation": source.organisation,
            "organisation_url": source.organisation_url,
            "organisation_email": source.organisation_email,
        },
        # The practice's date is its source's; the review date is when editors compared the text with it.
        "source_date": source.date,
        "source_is_old": source_is_old(practice, site.today),
        "last_reviewed": practice.last_reviewed.isoformat(),
    }
    return record


def catalogue_json(head: dict[str, Any], records: list[dict[str, Any]]) -> str:
    """The document ``head`` with the records under "practices", one practice per line: as readable and
    diffable as an indented file, and written by json's C encoder (indenting makes it use the Python one)."""
    rows = ",\n".join("  " + json.dumps(record, ensure_ascii=False) for record in records)
    return json.dumps(head, ensure_ascii=False, indent=1)[: -len("\n}")] + f',\n "practices": [\n{rows}\n ]\n}}\n'


def csv_cell(value: Any) -> str:
    """Lists joined; a cell a spreadsheet would run as a formula gets a leading apostrophe."""
    if isinstance(value, list):
        value = LIST_SEPARATOR.join(csv_cell(v) for v in value)
    elif isinstance(value, bool):
        value = "ja" if value else "nee"
    elif isinstance(value, dict):
        value = value.get("id") or " ".join(str(v) for v in value.values() if v)
    text = str(value)
    return "'" + text if text[:1] in ("=", "+", "-", "@") else text


def catalogue_csv(records: list[dict[str, Any]]) -> str:
    columns = [key for key in records[0] if key not in ("source", "links")] if records else []
    columns += [f"source_{key}" for key in records[0]["source"] if f"source_{key}" not in columns] if records else []
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(columns)
    for record in records:
        flat = dict(record)
        flat["contacts"] = [
            ", ".join(x for x in (c["name"], c["organisation"], c["email"], c["phone"]) if x)
            for c in record["contacts"]
        ]
        for key, value in record["source"].items():
            flat[f"source_{key}"] = value
        writer.writerow([csv_cell(flat[c]) for c in columns])
    return out.getvalue()
