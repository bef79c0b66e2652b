"""The home page: what the site is, the counts, and the ways in."""

from __future__ import annotations

from ..addresses import CONTACTS, FINDER, GLOSSARY, HOME, NEWS, OVERVIEW, section_src
from ..catalogue import Catalogue
from ..facets import FACETS
from ..markup import front_matter, link, plural
from .base import Output, Site
from .region_map import region_tiles

REGIONS_PLURAL = "arbeidsmarktregio's"


def home_pages(catalogue: Catalogue, site: Site) -> list[Output]:
    return [Output(HOME, home_markdown(catalogue, site))]


def home_markdown(catalogue: Catalogue, site: Site) -> str:
    src = HOME
    practices = catalogue.practices
    regions = {p.region for p in practices} - {"landelijk"}
    contacts = catalogue.contacts()
    vocab = catalogue.vocabularies
    counts = (
        f"De kennisbank bevat **{plural(len(practices), 'praktijkvoorbeeld', 'praktijkvoorbeelden')}** uit "
        f"**{plural(len(regions), 'arbeidsmarktregio', REGIONS_PLURAL)}**, geordend in "
        f"**{len(vocab.themes)} thema's** en **{len(vocab.target_groups)} doelgroepen**, met "
        f"**{plural(len(contacts), 'contactpersoon', 'contactpersonen')}**.\n\n"
    )
    # The finder, the sections with a page per term, the contacts, the one-page sections, the glossary.
    sections = [f for f in FACETS if f.blurb and f.folder]
    pages = [f for f in FACETS if f.blurb and not f.folder]
    ways = [
        (FINDER, "Zoeken en filteren", "Zoek op woorden en filter op thema, doelgroep, regio, fase en bewijsniveau."),
        (
            OVERVIEW,
            "Overzicht",
            "Waar zijn voorbeelden, en waar nog niet? Thema's, doelgroepen en regio's in één tabel.",
        ),
        *((section_src(f.key), f.short_title, f.blurb) for f in sections),
        (CONTACTS, "Contactpersonen", "Wie kunt u bellen of mailen over een aanpak?"),
        *((section_src(f.key), f.short_title, f.blurb) for f in pages),
        (GLOSSARY, "Begrippenlijst", "Van RMC tot praktijkverklaring."),
        (NEWS, "Nieuw en gewijzigd", "De voorbeelden die het laatst zijn toegevoegd of gewijzigd, ook als feed."),
    ]
    items = "\n".join(f"- {link(title, target, src)}: {description}" for target, title, description in ways)
    return (
        front_matter(title="Home", description="Praktijkvoorbeelden van de regionale aanpak jeugdwerkloosheid.")
        + site.intro(src, "Kennisbank Aanpak Jeugdwerkloosheid")
        + counts
        + "## Zo vindt u wat u zoekt\n\n"
        + items
        + "\n\n## Praktijkvoorbeelden per regio\n\n"
        + region_tiles(catalogue, src)
    )
