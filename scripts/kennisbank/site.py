"""What the MkDocs hook needs, as plain functions: content -> generated outputs, abbreviations,
and the 'keep the last good version' memory for ``mkdocs serve`` (``LastGood``, held by the hook)."""

from __future__ import annotations

import datetime as dt
import functools
import html
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path

from .catalogue import Catalogue
from .errors import KennisbankError, Problem, display_path
from .facets import FACETS, SPECS
from .markup import text
from .model import Practice
from .names import VOCABULARY_FOLDER
from .pages import Output, Site, generate
from .pipeline import run
from .safety import REPOSITORY_FACTS, scan_page
from .untrusted import wrap
from .validation.mentions import make_trie, trie_pattern
from .vocabularies import Vocabularies, Vocabulary, load_vocabularies


@dataclass
class SiteContent:
    outputs: list[Output]
    problems: list[Problem]
    catalogue: Catalogue
    abbreviations: dict[str, str] = field(default_factory=dict)
    sources: tuple[Path, ...] = ()  # the content files pages are made from, to name the one that caused a problem

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.is_error]


def build_content(
    site: Site,
    practices_dir: Path,
    last_good: LastGood | None = None,
    vocabularies: Vocabularies | None = None,
    today: dt.date | None = None,
) -> SiteContent:
    """Run the pipeline and generate every output. With ``last_good`` (serve), broken files are replaced
    by their last valid version instead of failing. The vocabularies are those in ``practices_dir``, so a
    copy of the project (tests, benchmarks) uses its own."""
    vocabulary_dir = practices_dir / VOCABULARY_FOLDER
    if vocabularies is None:
        vocabularies = load_vocabularies(vocabulary_dir)
    state = run([practices_dir], vocabularies=vocabularies, today=today)
    catalogue = state.catalogue
    if catalogue is None:
        raise KennisbankError("the pipeline ended before its catalogue stage")
    if last_good is not None:
        catalogue = last_good.restore(catalogue, state.errors)
    outputs = generate(catalogue, site)
    sources = (*(p.path for p in catalogue.practices), *sorted(vocabulary_dir.glob("*.yml")))
    return SiteContent(outputs, state.problems, catalogue, abbreviations(catalogue.vocabularies), sources)


@dataclass
class LastGood:
    """What one `mkdocs serve` remembers between rebuilds: the practices that were valid at some earlier
    rebuild, by file path, and the last site content it made. While an editor's file is broken the site
    shows its last good version; while the vocabularies are broken (or anything else goes wrong) the
    last good site, with the problems in the terminal and the banner."""

    practices: dict[Path, Practice] = field(default_factory=dict)
    content: SiteContent | None = None

    def build(self, site: Site, practices_dir: Path, today: dt.date | None = None) -> SiteContent:
        try:
            self.content = build_content(site, practices_dir, last_good=self, today=today)
        # An editor's save must never stop `mkdocs serve`, not even by a bug it triggers: the server keeps
        # the last good site and says what is wrong (`kennisbank build` shows a bug's traceback).
        except Exception as exc:
            problems = _problems_of(exc, practices_dir)
            if self.content is None:
                return SiteContent([], problems, Catalogue([], _no_vocabularies()))
            return replace(self.content, problems=problems)
        return self.content

    def restore(self, catalogue: Catalogue, errors: list[Problem]) -> Catalogue:
        """The catalogue plus the last good version of each practice whose file now has errors."""
        valid_paths = {p.path for p in catalogue.practices}
        for practice in catalogue.practices:
            self.practices[practice.path] = practice
        broken = {Path(p.path).resolve() for p in errors}
        restored = [
            practice
            for path, practice in self.practices.items()
            if path not in valid_paths
            and path.resolve() in broken
            and path.exists()
            and _known_terms(practice, catalogue.vocabularies)
        ]
        return Catalogue([*catalogue.practices, *restored], catalogue.vocabularies) if restored else catalogue


def _known_terms(practice: Practice, vocabularies: Vocabularies) -> bool:
    """A last good version may use an id the vocabularies no longer have (a renamed theme): it then waits,
    off the site, until its file is fixed; its file's error says which id is unknown."""
    for facet in FACETS:
        vocabulary = vocabularies.by_key(facet.key)
        if any(term_id not in vocabulary for term_id in facet.ids(practice)):
            return False
    return True


def _problems_of(exc: Exception, practices_dir: Path) -> list[Problem]:
    """A ContentError (a VocabularyError too) carries its problems; any other error becomes one."""
    problems = getattr(exc, "problems", None)
    if problems:
        return list(problems)
    message = (
        str(exc)
        if isinstance(exc, KennisbankError)
        else f"onverwachte fout bij het maken van de site ({type(exc).__name__}: {exc}); de site toont de laatste "
        "goede versie. 'kennisbank build' toont de details; meld dit bij de beheerders van de kennisbank"
    )
    return [Problem(display_path(practices_dir), 1, "site", message)]


def _no_vocabularies() -> Vocabularies:
    empty = {spec.key: Vocabulary(spec.key, spec.label, (), spec.unknown) for spec in SPECS}
    return Vocabularies(empty)


def abbreviations(vocabularies: Vocabularies) -> dict[str, str]:
    return {entry.term: entry.expansion for entry in vocabularies.glossary if entry.expansion}


def abbreviation_definitions(
    markdown: str, known: Mapping[str, str], memory: dict[str, frozenset[str]] | None = None
) -> str:
    """Markdown ``*[RMC]: ...`` lines for the abbreviations that occur in a page, for hover tooltips. The
    glossary comes from outside like the practices: its lines are an untrusted region (``untrusted.py``).
    ``memory``: what ``abbreviations_used`` found in each line so far, kept by the caller for a whole build."""
    lines = [f"*[{term}]: {known[term]}" for term in abbreviations_used(markdown, known, memory)]
    return ("\n\n" + wrap("\n".join(lines))) if lines else ""


def abbreviations_used(
    markdown: str, known: Iterable[str], memory: dict[str, frozenset[str]] | None = None
) -> list[str]:
    """The terms of ``known`` that stand in ``markdown`` as whole words (``_word_pattern``). The terms made of
    word characters only (all of the glossary's) are looked for line by line, all together (a line break is
    not a word character, so no such term runs over one), and what a line holds is remembered in ``memory``
    (for one ``known``): the overviews and print pages repeat the practices' lines. Any other term is looked
    for on its own."""
    terms = tuple(known)
    together = _word_terms(terms)
    found: set[str] = set()
    if together is not None:
        memory = {} if memory is None else memory
        for line in markdown.split("\n"):
            in_line = memory.get(line)
            if in_line is None:
                candidates = set(together.findall(line))
                in_line = memory[line] = frozenset(t for t in candidates if _word_pattern(t).search(line))
            if in_line:
                found |= in_line
    return [
        term
        for term in terms
        if term in found
        or (not _WORD_TERM.fullmatch(term) and term in markdown and _word_pattern(term).search(markdown))
    ]


@functools.cache
def _word_terms(terms: tuple[str, ...]) -> re.Pattern[str] | None:
    """Where a term of word characters ends a run of word characters, all terms in one pattern (a trie: each
    character is tried once per position). A whole-word occurrence is such an ending, and no match can hide
    one: a match covers word characters only, and a whole word does not start after one."""
    words = [term for term in terms if _WORD_TERM.fullmatch(term)]
    return re.compile(f"({trie_pattern(make_trie(words), '', re.escape)})(?!\\w)") if words else None


_WORD_TERM = re.compile(r"\w+")


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


def unsafe_page(
    source: str, page_path: str, document: str, base: str = "/", suspects: Iterable[Path] = ()
) -> list[Problem]:
    """Anything in a written page that is not on the site's allow-list (``safety.py``), as problems of the
    file that caused it: the first of ``suspects`` (practice and vocabulary files) that holds the offending
    text, else the page's own source."""
    problems = []
    for finding in scan_page(document, page_path, base):
        message = (
            f"de pagina {page_path} bevat {finding}; dit mag niet op de site (schrijf gewone Markdown, zonder HTML)"
        )
        path, line = _culprit(finding.needle, suspects) or (source, 1)
        problems.append(Problem(path, line, "inhoud", message))
    return problems


def _culprit(needle: str, suspects: Iterable[Path]) -> tuple[str, int] | None:
    if not needle:
        return None
    for path in suspects:
        try:
            content = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            continue
        at = content.find(needle)
        if at >= 0:
            return display_path(path), content.count("\n", 0, at) + 1
    return None


def withheld_page(problems: list[Problem]) -> str:
    """What `mkdocs serve` shows instead of a page that must not be published: the problems, escaped."""
    items = "".join(f"<li>{html.escape(str(p))}</li>" for p in problems)
    return (
        '<!doctype html><html lang="nl"><head><meta charset="utf-8"><title>Pagina niet getoond</title></head>'
        "<body><h1>Pagina niet getoond</h1><p>Deze pagina bevat iets wat niet gepubliceerd mag worden:</p>"
        f"<ul>{items}</ul></body></html>"
    )


# Material's header link to the repository asks api.github.com for stars, forks and the latest release
# on every visit; the site makes no requests to other hosts, so the link stays but loses that component.
_REPOSITORY_FACTS = f' data-md-component="{REPOSITORY_FACTS}"'


def without_repository_facts(page_html: str) -> str:
    """The page with Material's repository link kept as a plain link, which fetches nothing."""
    return page_html.replace(_REPOSITORY_FACTS, "")
