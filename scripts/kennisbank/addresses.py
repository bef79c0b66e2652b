"""Every address rule in one place: where a practice's file lies in the repository, where its generated page
lies below docs/, and the URL MkDocs makes of a page's source path. Pages, search, the CLI and the PDFs all
read them from here, so a URL cannot drift between them. The URLs are Dutch and stable: printed overviews
and links from elsewhere keep working."""

from __future__ import annotations

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
