"""One full strict build, as ``make build`` does it, with the shares of its parts timed inside the process.
``python -m benchmarks.build_child MKDOCS_YML SITE_DIR`` prints JSON on its last line.

Our hook (mkdocs_hook.py) calls ``build_content`` once (load, validate, catalogue, generate),
``abbreviation_definitions`` for every page and ``unsafe_page`` on every written page; Markdown calls our
``untrusted.sanitise`` for every region of outside text, and the guard on withdrawn contacts reads each page as
it is written (``leaks.PageGuard.look``) and the rest of the written site once (``leaks.site_leaks``). All are
wrapped here before MkDocs imports them. MkDocs' own work per page (Markdown to HTML and the theme's
template) is timed per kind of page, so the report can say which pages cost what. (Our site has no Material
search plugin: the finder is its search.)
"""

from __future__ import annotations

import json
import sys
import time
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path
from typing import Any

import kennisbank.leaks
import kennisbank.pages
import kennisbank.site
import kennisbank.untrusted
from kennisbank.entry import git_history

SPENT: dict[str, float] = defaultdict(float)


def timed(name: str | Callable[..., str], function: Callable[..., Any]) -> Callable[..., Any]:
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        start = time.process_time()
        try:
            return function(*args, **kwargs)
        finally:
            SPENT[name if isinstance(name, str) else name(*args, **kwargs)] += time.process_time() - start

    return wrapper


def page_kind(src_uri: str) -> str:
    if src_uri.startswith("praktijkvoorbeelden/"):
        return "practice"
    if src_uri.endswith("afdrukken.md"):
        return "print"
    return "other"


def main() -> None:
    import mkdocs.commands.build as mkdocs_build

    kennisbank.site.build_content = timed("build_content", kennisbank.site.build_content)
    # The hook's other steps of ours, small but ours: the handwritten pages' intros, the git history (none in the
    # benchmark's projects), the navigation's term pages, the guard's pattern, and Material's repository
    # component taken off every page (inside the template step, as the page scan).
    kennisbank.site.read_intros = timed("build_content", kennisbank.site.read_intros)
    git_history.read_history = timed("build_content", git_history.read_history)
    kennisbank.pages.nav_with_term_pages = timed("build_content", kennisbank.pages.nav_with_term_pages)
    kennisbank.leaks.PageGuard.__init__ = timed("leak_guard", kennisbank.leaks.PageGuard.__init__)
    kennisbank.site.without_repository_facts = timed("page_scan", kennisbank.site.without_repository_facts)
    kennisbank.site.abbreviation_definitions = timed("page_markdown", kennisbank.site.abbreviation_definitions)
    kennisbank.site.unsafe_page = timed("page_scan", kennisbank.site.unsafe_page)
    kennisbank.untrusted.sanitise = timed("sanitise", kennisbank.untrusted.sanitise)
    kennisbank.leaks.site_leaks = timed("leak_guard", kennisbank.leaks.site_leaks)
    # As pages are written, inside MkDocs' template step (the report takes it out of that, as the page scan).
    kennisbank.leaks.PageGuard.look = timed("leak_guard_pages", kennisbank.leaks.PageGuard.look)
    # Markdown to HTML (MkDocs calls our on_page_markdown inside it: subtracted in the report).
    mkdocs_build._populate_page = timed(
        lambda page, *a, **k: f"render_{page_kind(page.file.src_uri)}", mkdocs_build._populate_page
    )
    mkdocs_build._build_page = timed(
        lambda page, *a, **k: f"template_{page_kind(page.file.src_uri)}", mkdocs_build._build_page
    )
    from kennisbank.entry.build import build_site

    start = time.process_time()
    build_site(Path(sys.argv[1]), Path(sys.argv[2]))
    total = time.process_time() - start
    print(json.dumps({"build_cpu": total, **SPENT}))


if __name__ == "__main__":
    main()
