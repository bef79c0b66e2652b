"""Print-ready overviews at /themas/<id>/afdrukken/ and /regios/<id>/afdrukken/: a cover part, then
every practice with what a meeting needs on paper, each web address written out in full.

Only themes and regions with practices get an overview (an empty one would print a cover and nothing
else); their pages link here only then (pages/terms.py), so every link stays valid in a strict build.
How the pages look on paper is in docs/assets/print.css; docs/assets/print.js adds the button and
the date of printing.
"""

from __future__ import annotations

import re

from ..addresses import print_src, term_src
from ..catalogue import Catalogue
from ..facets import BY_KEY, PRINTED
from ..markup import attr, dutch_date, front_matter, link, plural, text
from ..model import Practice
from ..related import MIN_RELATED
from ..untrusted import wrap
from ..vocabularies import Term, Vocabulary
from .base import Output, Site
from .practice import fallback_contact, section
from .print_intro import print_intro
from .terms import term_label
from .trust import OLD_SOURCE_WORDS, review_text, source_end, source_is_old

# Material hides its sidebars on this page: on screen it looks like the paper it becomes.
HIDE = ["navigation", "toc"]


def print_pages(catalogue: Catalogue, site: Site) -> list[Output]:
    return [
        Output(print_src(vocab.key, term.id), overview(catalogue, vocab, term, site))
        for vocab, term in printable_terms(catalogue)
    ]


def printable_terms(catalogue: Catalogue) -> list[tuple[Vocabulary, Term]]:
    """The themes and regions that get an overview: those with at least one practice."""
    return [
        (vocab, term)
        for vocab in (catalogue.vocabularies.by_key(key) for key in PRINTED)
        for term in vocab
        if catalogue.practices_with(vocab.key, term.id)
    ]


def overview(catalogue: Catalogue, vocab: Vocabulary, term: Term, site: Site) -> str:
    src = print_src(vocab.key, term.id)
    practices = catalogue.practices_with(vocab.key, term.id)
    return (
        front_matter(
            title=f"{term.name} (afdrukversie)",
            description=term.description,
            hide=HIDE,
        )
        + cover(vocab, term, practices, site, src, print_intro(catalogue, vocab, term, practices))
        + "".join(practice_block(p, catalogue, site) for p in practices)
    )


def cover(vocab: Vocabulary, term: Term, practices: list[Practice], site: Site, src: str, intro: str = "") -> str:
    web_page = site.absolute(term_src(vocab.key, term.id).removesuffix("index.md"))
    contents = "\n".join(f"1. [{text(p.title)}](#{p.slug})" for p in practices)
    back = link(f"terug naar {term.name}", term_src(vocab.key, term.id), src)
    return (
        '<div class="kb-print-cover" markdown>\n\n'
        f"{BY_KEY[vocab.key].legend}-overzicht · Kennisbank Aanpak Jeugdwerkloosheid\n{{: .kb-print-kicker }}\n\n"
        f"# {text(term_label(vocab, term))}\n\n"
        + (f"{text(term.description)}\n{{: .kb-print-lead }}\n\n" if term.description else "")
        + intro
        + sources_line(practices, site)
        + f"{plural(len(practices), 'praktijkvoorbeeld', 'praktijkvoorbeelden')} · afgedrukt op "
        f'<time class="kb-print-date" datetime="{site.today.isoformat()}">{dutch_date(site.today)}</time>  \n'
        f"Actuele versie: {written_url(web_page)}  \n"
        f"Kennisbank: {written_url(site.absolute(''))}\n{{: .kb-print-facts }}\n\n"
        '<p class="kb-print-actions">'
        '<button type="button" class="md-button md-button--primary kb-print-button" hidden>Afdrukken</button> '
        "<noscript>Afdrukken kan via het menu van uw browser (Ctrl+P of Cmd+P).</noscript> "
        f"</p>\n\n{back}\n{{: .kb-print-back }}\n\n"
        f"## In dit overzicht {{ #inhoud }}\n\n{contents}\n\n"
        "</div>\n\n"
    )


def practice_block(practice: Practice, catalogue: Catalogue, site: Site) -> str:
    vocab = catalogue.vocabularies
    facts = [
        f"**Regio:** {text(vocab.regions[practice.region].name)} · **Thema's:** "
        + ", ".join(text(vocab.themes[t].name) for t in practice.themes)
    ]
    if practice.organisations:
        facts.append(f"**Organisaties:** {text(', '.join(practice.organisations))}")
    parts = [
        '<section class="kb-print-practice" markdown>\n\n',
        f"## {text(practice.title)} {{ #{practice.slug} }}\n\n",
        "  \n".join(facts) + "\n{: .kb-print-facts }\n\n",
        f"{text(practice.summary)}\n\n",
    ]
    works = section(practice.body, "Wat werkt")
    if works:
        # Marked, so a selection printed in full text puts the whole text here (selection/bundle.js).
        parts.append(f'<div class="kb-print-text" markdown>\n\n### Wat werkt\n\n{wrap(works)}</div>\n\n')
    if practice.key_figures:
        parts.append("### Kerncijfers\n\n" + "\n".join(f"- {text(f)}" for f in practice.key_figures) + "\n\n")
    parts.append(contacts(practice))
    # The source, what the review date means and, for an old source, the warning on one line: a compact
    # overview keeps every practice on one page (tests/test_print.py).
    checked = f"door de redactie {review_text(practice)}"
    if source_is_old(practice, site.today):
        checked += f"; ouder dan {OLD_SOURCE_WORDS}, de situatie kan veranderd zijn"
    parts.append(f"**Bron:** {source(practice)} ({checked})  \n**Online:** {written_url(site.absolute(practice.url))}")
    parts.append(related_line(practice, catalogue) + "\n")
    parts.append("{: .kb-print-source }\n\n</section>\n\n")
    return "".join(parts)


def sources_line(practices: list[Practice], site: Site) -> str:
    """The cover's line on the dates of the sources: their range and how many are older than three years."""
    dated = sorted((p.source.date for p in practices if p.source.date), key=source_end)
    if not dated:
        return "**Bronnen:** zonder datum\n{: .kb-print-intro }\n\n"
    span = dutch_date(dated[0]) if dated[0] == dated[-1] else f"{dutch_date(dated[0])} tot {dutch_date(dated[-1])}"
    notes = []
    old = sum(source_is_old(p, site.today) for p in practices)
    if old:
        notes.append(f"{plural(old, 'bron', 'bronnen')} ouder dan {OLD_SOURCE_WORDS}: de situatie kan veranderd zijn")
    undated = len(practices) - len(dated)
    if undated:
        notes.append(f"{plural(undated, 'bron', 'bronnen')} zonder datum")
    return f"**Bronnen:** {span}" + "".join(f"; {n}" for n in notes) + "\n{: .kb-print-intro }\n\n"


def related_line(practice: Practice, catalogue: Catalogue) -> str:
    """One line, with the source in small print, naming the closest related practices (related.py) and the
    rarest term each shares: the page of the practice lists them all, with every reason."""
    related = catalogue.related.get(practice.slug, ())[:MIN_RELATED]
    if not related:
        return ""
    # Titles only: the page of the practice gives every reason.
    titles = [text(catalogue.by_slug(r.slug).title) for r in related]
    return "  \n**Vergelijkbaar:** " + "; ".join(titles)


def contacts(practice: Practice) -> str:
    people = practice.contacts
    if not people:
        return f"**Contact:** de bron noemt geen contactpersoon.{fallback_contact(practice)}\n\n"
    lines = []
    for person in people:
        if person.withdrawn:
            lines.append(text(person.organisation))
            continue
        who = ", ".join(text(x) for x in (person.name, person.role, person.organisation) if x)
        reach = [f"[{text(person.email)}](mailto:{person.email})"] if person.email else []
        reach += [f"tel. {text(person.phone)}"] if person.phone else []
        lines.append(" · ".join([who, *reach]))
    label = "Contact" if len(people) == 1 else "Contacten"
    return f"**{label}:** " + "  \n".join(lines) + "\n\n"


def source(practice: Practice) -> str:
    src = practice.source
    parts = [text(src.title)]
    parts += [text(src.publisher)] if src.publisher else []
    parts += [dutch_date(src.date)] if src.date else []
    parts += [f"p. {text(src.page)}"] if src.page else []
    line = ", ".join(parts)
    return line + (f" ({written_url(src.url)})" if src.url else "")


def written_url(address: str) -> str:
    """A web address to read on paper: a link whose text is the address, wrapping only after a '/'.

    A break at a hyphen would look like hyphenation and be typed without it; so each part stays whole
    (print.css keeps it on one line) and only the <wbr> after each '/' may break.
    """
    parts = re.findall(r"^[a-z][a-z0-9+.-]*://|[^/]*/|[^/]+$", address)
    spans = "<wbr>".join(f"<span>{text(part)}</span>" for part in parts)
    return f'<a class="kb-url" href="{attr(address)}">{spans}</a>'
