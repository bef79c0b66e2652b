"""What the MkDocs hook needs, as plain functions: content -> generated outputs, abbreviations,
and the 'keep the last good version' memory for ``mkdocs serve``."""

from __future__ import annotations

import datetime as dt
import functools
import html
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from .catalogue import Catalogue
from .errors import KennisbankError, Problem
from .markup import text
from .model import Practice
from .pages import Output, Site, generate
from .pipeline import DEFAULT_PRACTICES_DIR, run
from .safety import scan_content
from .vocabularies import Vocabularies

# Practices that were valid at some earlier rebuild of this `mkdocs serve` process, by file path:
# while an editor's file is broken, the site keeps showing its last good version.
_LAST_GOOD: dict[Path, Practice] = {}


@dataclass
class SiteContent:
    outputs: list[Output]
    problems: list[Problem]
    catalogue: Catalogue
    abbreviations: dict[str, str] = field(default_factory=dict)

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.is_error]


def build_content(
    site: Site,
    practices_dir: Path = DEFAULT_PRACTICES_DIR,
    keep_last_good: bool = False,
    vocabularies: Vocabularies | None = None,
    today: dt.date | None = None,
) -> SiteContent:
    """Run the pipeline and generate every output. With ``keep_last_good`` (serve), broken files are
    replaced by their last valid version instead of failing."""
    state = run([practices_dir], vocabularies=vocabularies, today=today)
    catalogue = state.catalogue
    if catalogue is None:
        raise KennisbankError("the pipeline ended before its catalogue stage")
    if keep_last_good:
        valid_paths = {p.path for p in catalogue.practices}
        for practice in catalogue.practices:
            _LAST_GOOD[practice.path] = practice
        broken = {Path(p.path).resolve() for p in state.errors}
        restored = [
            practice
            for path, practice in _LAST_GOOD.items()
            if path not in valid_paths and path.resolve() in broken and path.exists()
        ]
        if restored:
            catalogue = Catalogue([*catalogue.practices, *restored], catalogue.vocabularies)
    outputs = generate(catalogue, site)
    return SiteContent(outputs, state.problems, catalogue, abbreviations(catalogue.vocabularies))


def abbreviations(vocabularies: Vocabularies) -> dict[str, str]:
    return {entry.term: entry.expansion for entry in vocabularies.glossary if entry.expansion}


def abbreviation_definitions(markdown: str, known: Mapping[str, str]) -> str:
    """Markdown ``*[RMC]: ...`` lines for the abbreviations that occur in a page, for hover tooltips."""
    lines = [
        f"*[{term}]: {expansion}"
        for term, expansion in known.items()
        if term in markdown and _word_pattern(term).search(markdown)
    ]
    return ("\n\n" + "\n".join(lines) + "\n") if lines else ""


@functools.cache
def _word_pattern(term: str) -> re.Pattern[str]:
    """``term`` as a whole word (not after a letter, digit or hyphen, not before a letter or digit). The
    term comes first and the check on what precedes it last, so the regex engine can jump between
    occurrences of the term: a leading lookbehind is tried at every position of the page (40× slower on
    large index pages)."""
    word = re.escape(term)
    return re.compile(rf"{word}(?!\w)(?<![\w-]{word})")


def problems_banner(problems: list[Problem]) -> str:
    """An admonition listing content errors, shown on every page while `mkdocs serve` runs."""
    items = "\n".join(f"    - {text(str(p))}" for p in problems[:50])
    more = f"\n    - ... en nog {len(problems) - 50}" if len(problems) > 50 else ""
    return (
        f'!!! failure "Fouten in de praktijkvoorbeelden ({len(problems)})"\n\n'
        "    De site toont de laatste goede versie van deze bestanden tot de fouten zijn hersteld.\n\n"
        f"{items}{more}\n\n"
    )


def read_intros(docs_dir: Path) -> dict[str, str]:
    """Every handwritten page by its path below docs/: one at the place of a generated page becomes
    that page's introduction."""
    return {path.relative_to(docs_dir).as_posix(): path.read_text(encoding="utf-8") for path in docs_dir.rglob("*.md")}


def unsafe_content(source: str, content: str) -> list[Problem]:
    """Anything in a page's rendered content that must not be published, as problems of its source file."""
    return [
        Problem(
            source, 1, "body", f"de gemaakte pagina bevat {finding}; dit mag niet op de site (gebruik alleen Markdown)"
        )
        for finding in scan_content(content)
    ]


def withheld_content(problems: list[Problem]) -> str:
    """What `mkdocs serve` shows instead of a page whose content is unsafe: the problems, escaped."""
    items = "".join(f"<li>{html.escape(str(p))}</li>" for p in problems)
    return (
        '<div class="admonition failure"><p class="admonition-title">Pagina niet getoond</p>'
        f"<p>Deze pagina bevat iets wat niet gepubliceerd mag worden:</p><ul>{items}</ul></div>"
    )


# Material's header link to the repository asks api.github.com for stars, forks and the latest release
# on every visit; the site makes no requests to other hosts, so the link stays but loses that component.
_REPOSITORY_FACTS = ' data-md-component="source"'


def without_repository_facts(page_html: str) -> str:
    """The page with Material's repository link kept as a plain link, which fetches nothing."""
    return page_html.replace(_REPOSITORY_FACTS, "")
