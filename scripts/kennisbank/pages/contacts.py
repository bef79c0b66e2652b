"""The contact directory at /contacten/: grouped by region and organisation, each contact with the
practices that name them and the date of the source, so readers know how current it is."""

from __future__ import annotations

from itertools import groupby

from ..addresses import CONTACTS, PRIVACY, term_src
from ..catalogue import Catalogue
from ..markup import dutch_date, front_matter, link, plural, text
from .base import Output, Site
from .practice import contact_markdown


def contact_pages(catalogue: Catalogue, site: Site) -> list[Output]:
    return [Output(CONTACTS, contacts_markdown(catalogue, site))]


def contacts_markdown(catalogue: Catalogue, site: Site) -> str:
    src = CONTACTS
    entries = catalogue.contacts()
    regions = catalogue.vocabularies.regions
    parts = [
        front_matter(title="Contactpersonen", description="Contactpersonen van de praktijkvoorbeelden, per regio."),
        site.intro(src, "Contactpersonen"),
        f"{plural(len(entries), 'contactpersoon', 'contactpersonen')}, per regio en organisatie. Elke naam komt uit "
        "een openbare bron; de datum van die bron staat erbij, zodat u ziet hoe actueel het gegeven is. "
        f"{link('Lees hoe wij met contactgegevens omgaan', PRIVACY, src)}.\n\n",
    ]
    for region_id, in_region in groupby(entries, key=lambda e: e.region):
        parts.append(f"## {link(regions[region_id].name, term_src('regions', region_id), src)}\n\n")
        for _organisation, in_org in groupby(in_region, key=lambda e: e.contact.organisation.casefold()):
            people = list(in_org)
            parts.append(f"### {text(people[0].contact.organisation)}\n\n")
            for entry in people:
                parts.append(contact_markdown(entry.contact) + "\n")
                for practice in entry.practices:
                    source = practice.source
                    when = f", {dutch_date(source.date)}" if source.date else ""
                    parts.append(
                        f"    - {link(practice.title, practice.src_uri, src)} (bron: *{text(source.title)}*{when})\n"
                    )
            parts.append("\n")
    return "".join(parts)
