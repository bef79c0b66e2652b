"""The guard on the output: after MkDocs has written the site, no file in it may name a withdrawn contact.

The checks on the input (``validation/withdrawn.py``) look where practices publish text; this guard looks at what was
published, wherever it came from: a practice, a page in docs/, a vocabulary, a template. Every file below
the site folder that is text (pages, print pages, the finder's JSON, the catalogue export, the sitemap, also
gzipped) is read as a reader or a program would: JavaScript and JSON escapes decoded (``\\u00e9``), tags
removed (inline tags such as ``<b>`` and ``<wbr>`` without a trace, so ``Jan <b>Jansen</b>`` is one name;
other tags as a space) and their attribute values kept (``title="..."``, ``href="mailto:..."``, also with
%-escapes decoded). Then the rule of ``validation/mentions.py`` applies, with its entities, invisible characters and
white space. Each file costs one scan with one pattern for every withdrawn person; with nobody withdrawn the
guard does nothing.

A mention fails the build with a message at the practice file whose text names the person, or, when no
practice text does, at the contact's own entry in the file that withdraws them.
"""

from __future__ import annotations

import gzip
import html
import re
import zlib
from collections.abc import Sequence
from pathlib import Path
from urllib.parse import unquote_plus

from .errors import Problem, display_path, field_label
from .model import Practice
from .validation.mentions import Key, Matcher, make_trie, trie_pattern
from .validation.withdrawn import ADVICE, contact_line, practice_mentions, withdrawn_people

_BINARY_SUFFIXES = frozenset(
    {".png", ".jpg", ".jpeg", ".gif", ".webp", ".avif", ".ico", ".bmp", ".pdf", ".zip"}
    | {".woff", ".woff2", ".ttf", ".otf", ".eot", ".mp3", ".mp4", ".webm"}
)
# Phrasing elements: a tag of one of them sits inside a line of text, so it joins what stands around it.
_INLINE_NAMES = (
    "a abbr b bdi bdo cite code data del dfn em i ins kbd mark q s samp small span strong sub sup time u var wbr"
)
_INLINE = trie_pattern(make_trie(_INLINE_NAMES.split()), "", re.escape)  # a trie: quicker than a list
# In either case, for a file that has upper-case tags (a handwritten page in docs/ may write '<B>').
_INLINE_ANY_CASE = trie_pattern(make_trie(_INLINE_NAMES.split()), "", lambda char: f"[{char}{char.upper()}]")
_UPPER_CASE_TAG = re.compile(r"</?[A-Z]")
# A tag's attributes, whose quoted values may hold '>'; written as runs of plain characters between quoted
# values, so the engine takes a run in one step instead of trying the alternatives at each character.
_ATTRIBUTES = r"""[^'">]*(?:(?:"[^"]*"|'[^']*')[^'">]*)*"""
# Each with one group, the tag's attributes: ``split`` gives the text around the tags and what they carry
# in one pass.
_INLINE_TAG = re.compile(rf"</?(?:{_INLINE})(?=[\s/>])({_ATTRIBUTES})>")
_INLINE_TAG_ANY_CASE = re.compile(rf"</?(?:{_INLINE_ANY_CASE})(?=[\s/>])({_ATTRIBUTES})>")
_TAG = re.compile(rf"</?[A-Za-z][\w:-]*({_ATTRIBUTES})>")
_ESCAPED_TAG = re.compile(r"&(?:lt|#0*60|#x0*3c);/?[A-Za-z]", re.IGNORECASE)
_ESCAPE = re.compile(r"\\(?:u([0-9a-fA-F]{4})|([\"\\/bfnrt]))")
_SIMPLE_ESCAPES = {'"': '"', "\\": "\\", "/": "/", "b": "\b", "f": "\f", "n": "\n", "r": "\r", "t": "\t"}


def site_leaks(
    site_dir: Path, practices: Sequence[Practice], packaged: Sequence[Path] = (), guard: PageGuard | None = None
) -> list[Problem]:
    """Every withdrawn name, address or number found in the built site, as a problem of the file behind it.
    A file copied unchanged from one of the ``packaged`` theme folders (installed packages, not this project:
    see ``packaged_theme_dirs``) is code, not content, and is not read. Nor is a page that ``guard`` (the
    ``PageGuard`` of the same practices) read as it was written and found nothing in, while it has that size."""
    guard = guard or PageGuard(practices)
    people, matcher = guard.people, guard.matcher
    if matcher is None:
        return []
    found: dict[Key, list[str]] = {}
    read = guard.read
    for path in sorted(site_dir.rglob("*")):
        if not path.is_file():
            continue
        relative = path.relative_to(site_dir)
        size = read.get(relative.as_posix())
        if size is not None and path.stat().st_size == size:
            continue
        text = readable_text(path, [folder / relative for folder in packaged])
        if text is None:
            continue
        for key in sorted({mention.key for mention in matcher.mentions(visible_text(text))}, key=_order):
            found.setdefault(key, []).append(relative.as_posix())
    if not found:
        return []
    sources = _sources(matcher, practices, set(found))
    problems = []
    for key, files in sorted(found.items(), key=lambda item: _order(item[0])):
        where = files[0] + (f" en {len(files) - 1} andere bestand(en)" if len(files) > 1 else "")
        origin, index = min(people[matcher.keys[key]], key=lambda place: (str(place[0].path), place[1]))
        if key in sources:
            practice, field, line = sources[key]
            message = (
                f"noemt '{key.shown}', en dat staat daardoor in de gebouwde site ({where}), maar die contactpersoon "
                f"is teruggetrokken in {display_path(origin.path)}; {ADVICE[key.kind]}"
            )
            problems.append(Problem(display_path(practice.path), line, field, message))
        else:
            message = (
                f"'{key.shown}' is hier teruggetrokken, maar de gebouwde site noemt het nog in {where}; het komt niet "
                "uit een praktijkvoorbeeld: zoek het in de pagina's in docs/ en de lijsten in practices/vocabularies/ "
                "en haal het daar weg"
            )
            problems.append(
                Problem(display_path(origin.path), contact_line(origin, index), f"contacts[{index + 1}]", message)
            )
    return problems


class PageGuard:
    """The guard's look at a page while MkDocs writes it, by the same rule as ``site_leaks``: a page that
    names nobody is noted (``read``: path below the site -> size in bytes as written), so that ``site_leaks``
    need not read it from disk again. A page that names someone is left to ``site_leaks``, whose message
    says who and where."""

    def __init__(self, practices: Sequence[Practice]) -> None:
        self.people = withdrawn_people(practices)
        self.matcher = Matcher(self.people) if self.people else None
        self.read: dict[str, int] = {}

    def look(self, page_path: str, document: str) -> None:
        if self.matcher is not None and not self.matcher.mentions(visible_text(document)):
            # Its size as MkDocs writes it (mkdocs.commands.build._build_page).
            self.read[page_path] = len(document.encode("utf-8", errors="xmlcharrefreplace"))


def _order(key: Key) -> tuple[str, str]:
    return (key.kind, key.text)


def _sources(matcher: Matcher, practices: Sequence[Practice], keys: set[Key]) -> dict[Key, tuple[Practice, str, int]]:
    """For each key, the first practice file (by path) whose text mentions it: field and line."""
    sources: dict[Key, tuple[Practice, str, int]] = {}
    for practice in sorted(practices, key=lambda p: str(p.path)):
        for path, mention, line in practice_mentions(matcher, practice):
            if mention.key in keys and mention.key not in sources:
                sources[mention.key] = (practice, field_label(path), line)
        if len(sources) == len(keys):
            break
    return sources


def packaged_theme_dirs(theme_dirs: Sequence[str], project: Path) -> list[Path]:
    """The theme's folders outside the project (the installed theme; not overrides/, which is content)."""
    project = project.resolve()
    return [Path(folder) for folder in theme_dirs if not Path(folder).resolve().is_relative_to(project)]


def readable_text(path: Path, twins: Sequence[Path] = ()) -> str | None:
    """The file as text; None for a file that is not text (images, fonts) or that is the same as one of
    ``twins``."""
    if path.suffix.lower() in _BINARY_SUFFIXES:
        return None
    data = path.read_bytes()
    if any(twin.is_file() and twin.stat().st_size == len(data) and twin.read_bytes() == data for twin in twins):
        return None
    if path.suffix == ".gz":
        try:
            data = gzip.decompress(data)
        except (OSError, EOFError, zlib.error):
            return None
    if b"\x00" in data[:4096]:
        return None
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return None


def visible_text(text: str) -> str:
    """What a reader or a program gets from a built file: escapes decoded, tags removed with their attribute
    values kept. Markup written as text (``&lt;b&gt;`` in a data file) counts as markup too."""
    if "\\" in text:
        text = _ESCAPE.sub(_unescape, text)
    if "<" in text:
        text = _without_tags(text)
    if "&" in text and _ESCAPED_TAG.search(text):
        text = _without_tags(html.unescape(text))
    return text


def _without_tags(text: str) -> str:
    # Inline tags go first, then the others, and the attributes of every tag removed are kept: each distinct
    # attribute text once (a page repeats its classes and links hundreds of times), as no mention runs from
    # one into the next.
    inline = _INLINE_TAG_ANY_CASE if _UPPER_CASE_TAG.search(text) else _INLINE_TAG
    parts = inline.split(text)
    attributes = parts[1::2]
    parts = _TAG.split("".join(parts[0::2]))
    attributes += parts[1::2]
    distinct = [value for value in dict.fromkeys(attributes) if value]
    # And with %-escapes decoded, where there are any (unquote_plus changes no other text, and is slow).
    decoded = [unquote_plus(value) for value in distinct if "%" in value or "+" in value]
    return "\x00".join([" ".join(parts[0::2]), *distinct, *decoded])


def _unescape(match: re.Match[str]) -> str:
    return chr(int(match[1], 16)) if match[1] else _SIMPLE_ESCAPES[match[2]]
