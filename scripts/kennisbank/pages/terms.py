"""Index pages per vocabulary: /themas/, /doelgroepen/, /regios/, /fasen/ with a page per term, and
the one-page sections /bewijsladder/ (evidence levels) and /handvatten/ (success factors)."""

from __future__ import annotations

from ..addresses import FINDER, SINGLE_PAGE_SECTIONS, finder_query, printable, section_src, term_src
from ..catalogue import Catalogue
from ..facets import BY_KEY, FACETS
from ..markup import front_matter, link, plural, relative, text
from ..model import Practice
from ..vocabularies import Term, Vocabulary
from ..vocabulary_schema import SUCCESS_FACTOR_GROUPS
from .base import Output, Site
from .print_intro import region_municipalities
from .region_map import region_tiles
from .trust import EVIDENCE_NOTE

# Sections and term pages list practices: Material's table of contents would repeat every title.
HIDE_TOC = ["toc"]
# The facets a listed practice names, besides its title and summary: where, about what, for whom, when in
# the route, and how well founded (success factors are too many for one line).
LISTED_FACETS = tuple(BY_KEY[key] for key in ("regions", "themes", "target_groups", "phases", "evidence"))


def term_pages(catalogue: Catalogue, site: Site) -> list[Output]:
    outputs = []
    for facet in FACETS:
        vocab = catalogue.vocabularies.by_key(facet.key)
        if facet.page:
            outputs.append(Output(section_src(facet.key), single_page_section(catalogue, facet.key, site)))
            continue
        outputs.append(Output(section_src(facet.key), section_index(catalogue, vocab, site)))
        outputs += [Output(term_src(facet.key, term.id), term_page(catalogue, vocab, term, site)) for term in vocab]
    return outputs


def term_label(vocab: Vocabulary, term: Term) -> str:
    code = term.extra.get("cbs_code")
    return f"{term.name} ({code})" if code else term.name


def listed_terms(catalogue: Catalogue, vocab: Vocabulary) -> list[Term]:
    """A section's terms in the order its page and the navigation list them: regions with practices
    first (national before the rest), then the others by name; other vocabularies in their file's order."""
    terms = list(vocab)
    if vocab.key == "regions":
        terms.sort(key=lambda t: (not catalogue.practices_with(vocab.key, t.id), t.id != "landelijk", t.name))
    return terms


def section_index(catalogue: Catalogue, vocab: Vocabulary, site: Site) -> str:
    src = section_src(vocab.key)
    title = BY_KEY[vocab.key].title
    lines = [front_matter(title=title, hide=HIDE_TOC), site.intro(src, title)]
    if vocab.key == "regions":
        lines.append(region_tiles(catalogue, src))
        lines.append("Regio's met praktijkvoorbeelden staan bovenaan; daaronder alle andere arbeidsmarktregio's.\n\n")
    for term in listed_terms(catalogue, vocab):
        count = len(catalogue.practices_with(vocab.key, term.id))
        lines.append(
            f"- {link(term_label(vocab, term), term_src(vocab.key, term.id), src)} "
            f"({plural(count, 'praktijkvoorbeeld', 'praktijkvoorbeelden')})"
        )
        if term.description and vocab.key != "regions":
            lines.append(f"  \n  {text(term.description)}")
        lines.append("\n")
    return "".join(lines)


def practice_list(practices: list[Practice], catalogue: Catalogue, src: str, heading: str = "###") -> str:
    """Practices as a list of headed summaries, the way every index shows them."""
    if not practices:
        about = link("Over deze kennisbank", "over.md", src)
        return f"Er zijn nog geen praktijkvoorbeelden. Kent u er een? Zie {about}.\n\n"
    out = []
    for practice in practices:
        out.append(
            f"{heading} {link(practice.title, practice.src_uri, src)}\n\n"
            f"{practice_facts(practice, catalogue)}\n{{: .kb-small .kb-listed-facts }}\n\n"
            f"{text(practice.summary)}\n\n"
        )
    return "".join(out)


def practice_facts(practice: Practice, catalogue: Catalogue) -> str:
    """One line with what a practice is about: 'Regio: Twente · Thema's: Nazorg · Doelgroepen: ... ·
    Fase: ... · Bewijsniveau: ...'."""
    facts = []
    for facet in LISTED_FACETS:
        vocab = catalogue.vocabularies.by_key(facet.key)
        names = ", ".join(text(vocab[i].name) for i in facet.ids(practice))
        if names:
            facts.append(f"{text(facet.label)}: {names}")
    return " · ".join(facts)


def finder_link(vocabulary: str, term_id: str, src: str) -> str:
    """'Zoek en filter binnen dit thema': the finder with this term's filter on (its URL parameter)."""
    facet = BY_KEY[vocabulary]
    target = relative(FINDER, src) + finder_query({facet.name: term_id})
    return f"[Zoek en filter binnen {facet.this_term}]({target}){{ .md-button .kb-finder-link }}"


def term_page(catalogue: Catalogue, vocab: Vocabulary, term: Term, site: Site) -> str:
    src = term_src(vocab.key, term.id)
    practices = catalogue.practices_with(vocab.key, term.id)
    parts = [
        front_matter(title=term.name, description=term.description, hide=HIDE_TOC),
        site.intro(src, text(term_label(vocab, term))),
    ]
    if term.description:
        parts.append(f"{text(term.description)}\n\n")
    if vocab.key == "regions":
        municipalities = region_municipalities(catalogue, term)
        if municipalities:
            names = ", ".join(text(name) for name in municipalities)
            parts.append(f"**Gemeenten in deze arbeidsmarktregio ({len(municipalities)}):** {names}\n\n")
    count = plural(len(practices), "praktijkvoorbeeld", "praktijkvoorbeelden")
    section = link(BY_KEY[vocab.key].title, section_src(vocab.key), src)
    parts.append(f"{count} · terug naar {section}\n{{: .kb-small }}\n\n")
    buttons = [finder_link(vocab.key, term.id, src)] if practices else []
    if printable(vocab.key) and practices:
        buttons.append("[Afdrukken of opslaan als pdf](afdrukken.md){ .md-button .kb-print-link }")
    if buttons:
        parts.append(" ".join(buttons) + "\n\n")
    parts.append(f"## Praktijkvoorbeelden\n\n{practice_list(practices, catalogue, src)}")
    return "".join(parts)


def single_page_section(catalogue: Catalogue, vocabulary: str, site: Site) -> str:
    vocab = catalogue.vocabularies.by_key(vocabulary)
    src = SINGLE_PAGE_SECTIONS[vocabulary]
    title = BY_KEY[vocabulary].title
    parts = [front_matter(title=title), site.intro(src, title)]
    if vocabulary == "evidence":
        parts.append(f'!!! note "Wie het label geeft"\n\n    {EVIDENCE_NOTE}\n\n')
    level = "##"
    if vocabulary == "success_factors":
        parts.append("## Werkzame bestanddelen en de voorbeelden die ze laten zien\n\n")
        level = "###"
    group = None
    for term in vocab:
        if vocabulary == "success_factors" and term.extra.get("group") != group:
            group = term.extra.get("group", "")
            parts.append(f"### {SUCCESS_FACTOR_GROUPS.get(group, group.capitalize())}\n\n")
            level = "####"
        practices = catalogue.practices_with(vocabulary, term.id)
        parts.append(f"{level} {text(term.name)} {{ #{term.id} }}\n\n{text(term.description)}\n\n")
        if practices:
            items = "\n".join(f"- {link(p.title, p.src_uri, src)}" for p in practices)
            parts.append(f"{plural(len(practices), 'praktijkvoorbeeld', 'praktijkvoorbeelden')}:\n\n{items}\n\n")
        else:
            parts.append("Nog geen praktijkvoorbeelden met dit kenmerk.\n\n")
    return "".join(parts)
