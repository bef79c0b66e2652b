"""Print-ready overviews at /themas/<id>/afdrukken/ and /regios/<id>/afdrukken/: a cover part, then
every practice with what a meeting needs on paper, each link written out in full."""

from __future__ import annotations

from ..catalogue import Catalogue
from ..markup import dutch_date, front_matter, plural, text
from ..model import Practice
from ..vocabularies import Term, Vocabulary
from .base import Output, Site
from .paths import print_src, term_src
from .practice import section
from .terms import PRINTABLE, term_label


def print_pages(catalogue: Catalogue, site: Site) -> list[Output]:
    outputs = []
    for vocabulary in sorted(PRINTABLE):
        vocab = catalogue.vocabularies.by_key(vocabulary)
        for term in vocab:
            practices = catalogue.practices_with(vocabulary, term.id)
            if practices:
                outputs.append(Output(print_src(vocabulary, term.id), overview(catalogue, vocab, term, site)))
    return outputs


def overview(catalogue: Catalogue, vocab: Vocabulary, term: Term, site: Site) -> str:
    practices = catalogue.practices_with(vocab.key, term.id)
    kind = {"themes": "Thema", "regions": "Regio"}[vocab.key]
    web_page = site.absolute(term_src(vocab.key, term.id).removesuffix("index.md"))
    cover = [
        front_matter(title=f"{term.name} (afdrukversie)"),
        '<div class="kb-print-cover" markdown>\n\n',
        f"{kind} · Kennisbank Aanpak Jeugdwerkloosheid\n{{: .kb-small }}\n\n",
        f"# {text(term_label(vocab, term))}\n\n",
        f"{text(term.description)}\n\n" if term.description else "",
        f"{plural(len(practices), 'praktijkvoorbeeld', 'praktijkvoorbeelden')} · "
        f'afgedrukt op <span class="kb-print-date">{dutch_date(site.today)}</span> · '
        f"online: {text(web_page)}\n\n",
        '[Afdrukken](#){ .md-button .kb-print-button data-kb-print="" }\n\n',
        "</div>\n\n",
    ]
    body = [practice_block(p, catalogue, site) for p in practices]
    return "".join(cover) + "".join(body)


def practice_block(practice: Practice, catalogue: Catalogue, site: Site) -> str:
    vocab = catalogue.vocabularies
    region = vocab.regions[practice.region].name
    themes = ", ".join(vocab.themes[t].name for t in practice.themes)
    lines = [
        '<section class="kb-print-practice" markdown>\n\n',
        f"## {text(practice.title)}\n\n",
        f"**Regio:** {text(region)} · **Thema's:** {text(themes)}",
    ]
    if practice.organisations:
        lines.append(f"  \n**Organisaties:** {text(', '.join(practice.organisations))}")
    lines.append(f"\n\n{text(practice.summary)}\n\n")
    works = section(practice.body, "Wat werkt")
    if works:
        lines.append(f"**Wat werkt**\n\n{works}\n\n")
    if practice.key_figures:
        lines.append("**Kerncijfers**\n\n" + "\n".join(f"- {text(f)}" for f in practice.key_figures) + "\n\n")
    contacts = [c for c in practice.contacts]
    if contacts:
        people = []
        for c in contacts:
            if c.withdrawn:
                people.append(text(c.organisation))
                continue
            details = ", ".join(text(x) for x in (c.role, c.organisation) if x)
            reach = " · ".join(text(x) for x in (c.email, c.phone) if x)
            people.append(f"{text(c.name)} ({details})" + (f", {reach}" if reach else ""))
        lines.append("**Contact:** " + "; ".join(people) + "\n\n")
    else:
        lines.append("**Contact:** de bron noemt geen contactpersoon.\n\n")
    source = practice.source
    when = f", {dutch_date(source.date)}" if source.date else ""
    page = f", p. {text(source.page)}" if source.page else ""
    lines.append(f"**Bron:** {text(source.title)}{when}{page}  \n")
    lines.append(f"**Online:** {text(site.absolute(practice.url))}\n\n")
    lines.append("</section>\n\n")
    return "".join(lines)
