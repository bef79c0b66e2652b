"""Every address rule in one place: where a practice's file lies in the repository, where its generated page
lies below docs/, and the URL MkDocs makes of a page's source path. Pages, search, the CLI and the PDFs all
read them from here, so a URL cannot drift between them. Each facet's folder or single page is declared in
``facets.FACETS``; how those become paths is written here. The URLs are Dutch and stable: printed overviews
and links from elsewhere keep working."""

from __future__ import annotations

import posixpath
from urllib.parse import quote

from .facets import BY_KEY, FACETS

PRACTICES_FOLDER = "practices"  # the repository folder with one file per practice
PRACTICE_PAGES = "praktijkvoorbeelden"  # the folder of their pages: /praktijkvoorbeelden/<slug>/


def practice_file(slug: str) -> str:
    """The practice's file in the repository, as editors and `edit` links know it."""
    return f"{PRACTICES_FOLDER}/{slug}.md"


def practice_src(slug: str) -> str:
    """The source path of the practice's generated page below docs/."""
    return f"{PRACTICE_PAGES}/{slug}.md"


def practice_url(slug: str) -> str:
    """The practice's page below the site root: 'praktijkvoorbeelden/<slug>/'."""
    return page_url(practice_src(slug))


def page_url(src_uri: str) -> str:
    """A page's address from the site's root, as MkDocs makes it from its source path (directory URLs)."""
    path = src_uri.removesuffix(".md")
    if path == "index":
        return ""
    if path.endswith("/index"):
        return path.removesuffix("index")
    return path + "/"


# vocabulary key -> folder of its pages; the folder is the Dutch URL (/themas/<id>/ ...)
SECTION_FOLDERS: dict[str, str] = {facet.key: facet.folder for facet in FACETS if facet.folder}

# Vocabularies shown as one page with an anchor per term, rather than a page per term.
SINGLE_PAGE_SECTIONS: dict[str, str] = {facet.key: facet.page for facet in FACETS if facet.page}

HOME = "index.md"
CONTACTS = "contacten.md"
FINDER = "zoeken.md"
GLOSSARY = "begrippen/index.md"
PRIVACY = "privacy.md"
NEWS = "nieuw.md"  # "Nieuw en gewijzigd": /nieuw/, the latest additions and changes
FEED = "feed.xml"  # the same as an Atom feed, at the site's root
SELECTION = "selectie.md"  # "Mijn selectie": /selectie/, and /selectie/?p=slug,slug to share one
SELECTION_ASSETS = "assets/selection/"  # its scripts and the list of practices they read
OVERVIEW = "overzicht.md"  # the evidence-and-gap map: /overzicht/
NEW_PRACTICE_FORM = "nieuw-praktijkvoorbeeld.yml"  # the issue form (.github/ISSUE_TEMPLATE/) for a new practice


def term_src(vocabulary: str, term_id: str) -> str:
    if vocabulary in SINGLE_PAGE_SECTIONS:
        return f"{SINGLE_PAGE_SECTIONS[vocabulary]}#{term_id}"
    return f"{SECTION_FOLDERS[vocabulary]}/{term_id}/index.md"


def section_src(vocabulary: str) -> str:
    return SINGLE_PAGE_SECTIONS.get(vocabulary) or f"{SECTION_FOLDERS[vocabulary]}/index.md"


def print_src(vocabulary: str, term_id: str) -> str:
    return f"{SECTION_FOLDERS[vocabulary]}/{term_id}/afdrukken.md"


def print_url(vocabulary: str, term_id: str) -> str:
    return f"{SECTION_FOLDERS[vocabulary]}/{term_id}/afdrukken/"


def pdf_name(vocabulary: str, term_id: str) -> str:
    """The file ``make pdf`` writes for a print overview: 'thema-nazorg.pdf'."""
    return f"{BY_KEY[vocabulary].param}-{term_id}.pdf"


def printable(vocabulary: str) -> bool:
    """Whether the terms of ``vocabulary`` get a print overview (those with practices do)."""
    return BY_KEY[vocabulary].printable


# The issue form for reporting a change to a practice or its contacts (.github/ISSUE_TEMPLATE/).
CHANGE_REQUEST_FORM = "gegevens-wijzigen.yml"
# Reserved slugs below /praktijkvoorbeelden/ for the list of all practices sorted otherwise (pages/practice_list.py).
PRACTICE_LIST = f"{PRACTICE_PAGES}/index.md"
PRACTICE_LIST_SORTS: dict[str, str] = {"regio": "op-regio", "datum": "op-datum"}


def practice_list_src(sort: str = "") -> str:
    """The list of all practices: by title at /praktijkvoorbeelden/, otherwise /praktijkvoorbeelden/op-<x>/."""
    return f"{PRACTICE_PAGES}/{PRACTICE_LIST_SORTS[sort]}.md" if sort else PRACTICE_LIST


def issue_form_url(repo_url: str, form: str, **fields: str) -> str:
    """The issue form ``form`` (.github/ISSUE_TEMPLATE/) of the repository at ``repo_url``, with ``fields``
    filled in; '' without a repository."""
    if not repo_url:
        return ""
    filled = "".join(f"&{name}={quote(value, safe='')}" for name, value in fields.items())
    return f"{repo_url.rstrip('/')}/issues/new?template={form}{filled}"


def change_request_url(repo_url: str, page: str) -> str:
    """The 'Gegevens wijzigen' issue form, with the page filled in."""
    return issue_form_url(repo_url, CHANGE_REQUEST_FORM, pagina=page)


def finder_query(selected: dict[str, str]) -> str:
    """The finder's address query with facets ticked, by facet name -> id, its parameters in the order of
    ``FACETS`` as the finder itself writes its address: '?thema=nazorg&doelgroep=vso' ('' for none)."""
    query = "&".join(
        f"{facet.param}={quote(selected[facet.name], safe='')}" for facet in FACETS if facet.name in selected
    )
    return f"?{query}" if query else ""


def finder_url(selected: dict[str, str]) -> str:
    """The finder with facets ticked: 'zoeken/?thema=nazorg&doelgroep=vso'."""
    return page_url(FINDER) + finder_query(selected)


def new_practice_issue(repo_url: str) -> str:
    """The repository's form for proposing a new practice ('' without a repository)."""
    return issue_form_url(repo_url, NEW_PRACTICE_FORM)


def href(target_url: str, from_src: str) -> str:
    """A link in raw HTML from the page of ``from_src`` to ``target_url`` (below the site root, as
    ``page_url`` gives it, a query allowed): MkDocs does not rewrite links in raw HTML."""
    path, _, query = target_url.partition("?")
    here = page_url(from_src).rstrip("/") or "."
    relative = posixpath.relpath(path.rstrip("/") or ".", here)
    relative = "./" if relative == "." else relative + "/"
    return relative + (f"?{query}" if query else "")
