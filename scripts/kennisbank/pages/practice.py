"""One page per practice at /praktijkvoorbeelden/<slug>/: metadata panel, contacts, body, source."""

from __future__ import annotations

from collections.abc import Mapping

from ..addresses import PRIVACY, practice_file, practice_src, section_src, term_src
from ..catalogue import Catalogue
from ..facets import BY_NAME, FACETS
from ..history import Dates, practice_dates
from ..markup import dutch_date, front_matter, link, plural, text, url
from ..model import Contact, Practice
from ..related import Related, reason
from ..untrusted import wrap
from ..vocabularies import Vocabularies
from .base import Output, Site
from .selection import select_button
from .trust import EVIDENCE_NOTE, age_notice, dates_line, review_text

EVIDENCE = BY_NAME["evidence"]


def practice_pages(catalogue: Catalogue, site: Site) -> list[Output]:
    titles = {p.slug: p.title for p in catalogue.practices}
    return [
        Output(
            p.src_uri,
            practice_markdown(
                p,
                catalogue.vocabularies,
                site,
                related_block(p, catalogue.related.get(p.slug, ()), titles, catalogue.vocabularies),
                practice_dates(p, site.history),
            ),
            edit_path=practice_file(p.slug),
        )
        for p in catalogue.practices
    ]


def practice_markdown(
    practice: Practice,
    vocabularies: Vocabularies,
    site: Site,
    related: str = "",
    dates: Dates | None = None,
) -> str:
    src = practice.src_uri
    parts = [
        front_matter(title=practice.title, description=practice.summary),
        f"# {text(practice.title)}\n\n",
        f"{text(practice.summary)}\n{{: .kb-summary }}\n\n",
        dates_line(practice),
        age_notice(practice, site.today, site.repo_url, site.absolute(practice.url)),
        select_button(practice),
        metadata_panel(practice, vocabularies, src, dates),
        key_figures(practice),
        contacts_block(practice, src),
        wrap(practice.body.strip()),
        links_block(practice),
        related,
        source_block(practice),
    ]
    return "".join(parts)


def terms(vocabularies: Vocabularies, vocabulary: str, ids: tuple[str, ...], src: str) -> str:
    vocab = vocabularies.by_key(vocabulary)
    return ", ".join(link(vocab[i].name, term_src(vocabulary, i), src) for i in ids)


def metadata_panel(practice: Practice, vocabularies: Vocabularies, src: str, dates: Dates | None = None) -> str:
    # Where the practice is comes first, then the other facets every practice has, then its own details,
    # then the facets a practice may leave out.
    required = sorted((f for f in FACETS if f.field.required), key=lambda f: f.name != "region")
    rows: list[tuple[str, str]] = [(f.label, terms(vocabularies, f.key, f.ids(practice), src)) for f in required]
    rows = [(label, evidence_with_note(value, src) if label == EVIDENCE.label else value) for label, value in rows]
    if practice.organisations:
        rows.append(("Organisaties", ", ".join(text(o) for o in practice.organisations)))
    if practice.municipalities:
        rows.append(("Gemeenten", ", ".join(text(m) for m in practice.municipalities)))
    if practice.period:
        rows.append(("Looptijd", text(practice.period)))
    for facet in (f for f in FACETS if not f.field.required):
        if facet.ids(practice):
            rows.append((facet.label, terms(vocabularies, facet.key, facet.ids(practice), src)))
    rows.append(("Bron", source_line(practice)))
    rows.append(("Vergeleken met de bron", dutch_date(practice.last_reviewed)))
    if dates is not None:
        rows.extend(date_rows(dates))
    body = "\n\n".join(f"{label}\n:   {value}" for label, value in rows)
    return f'<div class="kb-meta" markdown>\n\n{body}\n\n</div>\n\n'


def evidence_with_note(label: str, src: str) -> str:
    """The evidence label with what it is: the editors' reading of the source, not an independent assessment."""
    more = link("Over de bewijsladder", section_src("evidence"), src)
    return f'{label}  \n    <span class="kb-small">{EVIDENCE_NOTE} {more}.</span>'


def date_rows(dates: Dates) -> list[tuple[str, str]]:
    """When the practice came into the kennisbank and last changed; a fallback says that it is one."""
    if not dates.from_history:
        note = "onbekend (geen versiegeschiedenis); vergeleken met de bron op " + dutch_date(dates.changed)
        return [("Toegevoegd en gewijzigd", note)]
    added = dutch_date(dates.added) if dates.added else "onbekend (niet in de beschikbare versiegeschiedenis)"
    return [("Toegevoegd", added), ("Laatst gewijzigd", dutch_date(dates.changed))]


def related_block(
    practice: Practice, related: tuple[Related, ...], titles: Mapping[str, str], vocabularies: Vocabularies
) -> str:
    """'Vergelijkbare voorbeelden': the related practices, each with what it shares (related.py)."""
    if not related:
        return ""
    src = practice.src_uri
    items = "\n".join(
        f"- {link(titles[r.slug], practice_src(r.slug), src)} ({text(reason(r, vocabularies))})" for r in related
    )
    return f'<div class="kb-related" markdown>\n\n## Vergelijkbare voorbeelden\n\n{items}\n\n</div>\n\n'


def source_line(practice: Practice) -> str:
    source = practice.source
    parts = [f"*{text(source.title)}*"]
    if source.publisher:
        parts.append(text(source.publisher))
    if source.date:
        parts.append(dutch_date(source.date))
    if source.page:
        parts.append(f"p. {text(source.page)}")
    line = ", ".join(parts)
    if source.url:
        line += f" ([bron online]({url(source.url)}))"
    return line


def key_figures(practice: Practice) -> str:
    if not practice.key_figures:
        return ""
    items = "\n".join(f"- {text(f)}" for f in practice.key_figures)
    return f'<div class="kb-figures" markdown>\n\n**Kerncijfers**\n\n{items}\n\n</div>\n\n'


def links_block(practice: Practice) -> str:
    """The links the source gives, under the body's last section ('Meer informatie')."""
    if not practice.links:
        return ""
    items = "\n".join(f"- [{text(link.title)}]({url(link.url)})" for link in practice.links)
    return f"**Links**\n\n{items}\n\n"


def contact_markdown(contact: Contact) -> str:
    """A contact as a list item; a withdrawn contact shows its organisation only."""
    if contact.withdrawn:
        return f"- {text(contact.organisation)}"
    who = f"**{text(contact.name)}**"
    details = [text(d) for d in (contact.role, contact.organisation) if d]
    line = f"- {who}" + (f", {', '.join(details)}" if details else "")
    if contact.email:
        line += f"  \n  E-mail: [{text(contact.email)}](mailto:{contact.email})"
    if contact.phone:
        line += f"  \n  Telefoon: {text(contact.phone)}"
    return line


def contacts_block(practice: Practice, src: str) -> str:
    privacy = link("Hoe wij met contactgegevens omgaan", PRIVACY, src)
    if practice.contacts:
        items = "\n".join(contact_markdown(c) for c in practice.contacts)
        count = plural(len(practice.contacts), "contactpersoon", "contactpersonen")
        note = f"Genoemd in de bron ({source_short(practice)}). {privacy}."
        body = f"{items}\n\n{note}"
    else:
        count = "Contact"
        body = f"De bron noemt geen contactpersoon.{fallback_contact(practice)} {privacy}."
    return f'<div class="kb-contacts" markdown>\n\n**{count}**\n\n{body}\n{{: .kb-small }}\n\n</div>\n\n'


def fallback_contact(practice: Practice) -> str:
    """Whom to ask where no contact is named: the organisation the source names, with its general address."""
    source = practice.source
    if not source.organisation:
        return ""
    reach = []
    if source.organisation_url:
        reach.append(f"[{text(source.organisation_url)}]({url(source.organisation_url)})")
    if source.organisation_email:
        reach.append(f"[{text(source.organisation_email)}](mailto:{source.organisation_email})")
    return f" Voor vragen noemt de bron: {', '.join([text(source.organisation), *reach])}."


def source_short(practice: Practice) -> str:
    date = f", {dutch_date(practice.source.date)}" if practice.source.date else ""
    return f"*{text(practice.source.title)}*{date}"


def source_block(practice: Practice) -> str:
    return f"---\n\nBron: {source_line(practice)}. Door de redactie {review_text(practice)}.\n{{: .kb-small }}\n"


def section(body: str, heading: str) -> str:
    """The Markdown under ``## heading`` in a practice body, up to the next H2 ('' if absent)."""
    out: list[str] = []
    inside = False
    for line in body.split("\n"):
        if line.startswith("## "):
            if inside:
                break
            inside = line[3:].strip() == heading
            continue
        if inside:
            out.append(line)
    return "\n".join(out).strip()
