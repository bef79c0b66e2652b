"""Limits on a body that keep Python-Markdown fast: the first rules for a body (``validation.BODY_LIMITS``).

Python-Markdown (what MkDocs renders pages with) is quick on text, but some markup makes it search far ahead
again and again. Measured with the extensions of mkdocs.yml (``tests/test_body_limits.py`` renders the worst
bodies these rules let through):

- every '[' (a link, image or abbreviation may start there) and every run of '`' (inline code) makes it
  look ahead for the end, up to the end of the paragraph: 190,000 '[' in one paragraph took an hour;
- a '<' directly followed by a letter, '/', '!' or '?' without a '>' after it makes its HTML reader look
  ahead to the end of the whole page, once for every such '<' (on a printed overview, through every
  practice after it);
- thousands of any markup character (escapes, entities, emphasis, code, links) make its placeholders
  slow, and hundreds of levels of lists or quotes in each other exceed Python's recursion limit.

The limits are far above what a real practice has (a few dozen of each character, two levels of lists),
and low enough that the worst accepted body renders in a tenth of a second or so; the build stops a page
that takes too long all the same (``render_limit.py``).
"""

from __future__ import annotations

import re

from ..errors import Problem
from ..markup import dutch_number
from ..schema import MARKUP_CHARACTERS, MAX_BODY_NESTING, MAX_MARKUP_CHARACTERS, MAX_PARAGRAPH_SCAN
from .context import Context

# A '<' that Python-Markdown's HTML reader takes for the start of a tag, end tag, comment or instruction.
_TAG_START_RE = re.compile(r"<[A-Za-z/!?]")
# The start of a line as far as it can nest: indentation, quote markers and list markers.
_NESTING_PREFIX = r"[ \t>*+\-0-9.)]"
# Starting with the newline, so the regex engine can jump from one to the next (searched in the body after a
# newline, so its first line counts too).
_DEEP_LINE_RE = re.compile(rf"\n({_NESTING_PREFIX}{{{MAX_BODY_NESTING + 1},}})")
_LIST_MARKER_RE = re.compile(r"(?:[-*+]|[0-9]{1,9}[.)])(?=[ \t]|$)")
_LOOKS_AHEAD_RE = re.compile(r"[\[`]")
_MARKUP_BYTES = MARKUP_CHARACTERS.encode()


def _error(ctx: Context, offset: int, message: str) -> None:
    ctx.problems.append(Problem(ctx.raw.display, ctx.raw.body_line + offset, "body", message))


def markup_counts(ctx: Context) -> None:
    body = ctx.raw.body
    # All of them together first, in one pass over the bytes (no other character's UTF-8 holds an ASCII byte).
    encoded = body.encode("utf-8", "surrogatepass")
    if len(encoded) - len(encoded.translate(None, _MARKUP_BYTES)) <= MAX_MARKUP_CHARACTERS:
        return
    for char in MARKUP_CHARACTERS:
        count = body.count(char)
        if count > MAX_MARKUP_CHARACTERS:
            at = -1
            for _ in range(MAX_MARKUP_CHARACTERS + 1):  # the first one over the limit
                at = body.index(char, at + 1)
            _error(
                ctx,
                body.count("\n", 0, at),
                f"bevat {dutch_number(count)} keer '{char}'; een tekst heeft er hoogstens "
                f"{dutch_number(MAX_MARKUP_CHARACTERS)} (zoveel opmaaktekens maken het bouwen van de site heel traag)",
            )


def paragraph_scan(ctx: Context) -> None:
    """Each '[' and '`' costs as many steps as there are characters after it in its paragraph (the most
    Python-Markdown looks ahead); a paragraph may cost ``MAX_PARAGRAPH_SCAN`` steps."""
    body = ctx.raw.body
    looking_ahead = body.count("[") + body.count("`")
    if looking_ahead * len(body) <= MAX_PARAGRAPH_SCAN:  # no paragraph can cost more than that
        return
    start = 0  # offset of the paragraph's first line
    lines = body.split("\n")
    paragraph: list[str] = []
    for offset, line in enumerate([*lines, ""]):
        if line.strip():
            if not paragraph:
                start = offset
            paragraph.append(line)
            continue
        if paragraph:
            _check_paragraph("\n".join(paragraph), start, ctx)
            paragraph = []


def _check_paragraph(text: str, offset: int, ctx: Context) -> None:
    if "[" not in text and "`" not in text:
        return
    length = len(text)
    cost = sum(length - match.start() for match in _LOOKS_AHEAD_RE.finditer(text))
    if cost > MAX_PARAGRAPH_SCAN:
        _error(
            ctx,
            offset,
            f"deze alinea van {dutch_number(length)} tekens heeft te veel '[' of '`' voor zijn lengte: elk teken "
            "laat het bouwen van de site de rest van de alinea doorzoeken (een link, een afkorting of code kan "
            "daar beginnen). Splits de alinea met een lege regel, of haal losse '[' en '`' weg",
        )


def tag_starts(ctx: Context) -> None:
    """'<' plus a letter with no '>' after it on its line: the HTML reader looks for the '>' to the end of
    the page. (A closed one is an autolink, or HTML, which ``body.no_html`` refuses.)"""
    body = ctx.raw.body
    if "<" not in body:
        return
    for offset, line in enumerate(body.split("\n")):
        if "<" not in line:
            continue
        for match in _TAG_START_RE.finditer(line):
            if ">" not in line[match.end() :]:
                _error(
                    ctx,
                    offset,
                    f"'{match.group(0)}' zonder '>' erna op deze regel: zo begint HTML, en het bouwen van de site "
                    "zoekt dan de hele pagina af naar het einde; zet een spatie na '<' of schrijf 'kleiner dan'",
                )
                break


def nesting(ctx: Context) -> None:
    """Lists, quotes and indentation at most ``MAX_BODY_NESTING`` levels deep. A line nests at most as many
    levels as its prefix has characters, so only lines with a long prefix are counted."""
    body = ctx.raw.body
    if not _DEEP_LINE_RE.search(body) and not _DEEP_LINE_RE.match("\n" + body[: MAX_BODY_NESTING + 1]):
        return  # most bodies: no line has a prefix that long
    for match in _DEEP_LINE_RE.finditer("\n" + body):
        prefix = match.group(1)
        leading = prefix[: len(prefix) - len(prefix.lstrip(" \t"))]
        indent = len(leading) + 3 * leading.count("\t")  # a tab indents as far as four spaces
        depth = prefix.count(">") + len(_LIST_MARKER_RE.findall(prefix)) + indent // 4
        if depth > MAX_BODY_NESTING:
            _error(
                ctx,
                body.count("\n", 0, match.start(1) - 1),
                f"staat {depth} niveaus diep (lijsten, citaten met '>' of inspringing in elkaar); hoogstens "
                f"{MAX_BODY_NESTING} mag",
            )
