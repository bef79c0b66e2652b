"""The rules for a practice's Markdown body (their order: ``validation.RULES``).

The knowledge base is Markdown only: no HTML, no attribute lists, no images, only http(s) and mailto
links, no invisible characters, and the six standard sections in order.
"""

from __future__ import annotations

import difflib
import functools
import html
import re
from collections.abc import Sequence

from ..errors import Problem, Severity
from ..patterns import EMAIL_RE, HTML_RE, INVISIBLE_RE, URL_RE
from ..safety import ALLOWED_SCHEMES, url_scheme
from ..schema import BODY_SECTIONS
from .context import Context

_AUTOLINK_RE = re.compile(r"<(?:[A-Za-z][A-Za-z0-9+.-]*:[^\s<>]*|[^\s<>@]+@[^\s<>@]+)>")
_LINK_OPEN_RE = re.compile(r"\]\(")
# How far to look for a link's target or its opening '[': no real link is longer, and a limit keeps
# a line of ten thousand '](' from taking quadratic time.
_LINK_SCAN = 2048
_INLINE_TARGET_RE = re.compile(r"\s*(?:<([^>\n]*)>|((?:[^\s()]|\([^\s()]*\))*))")
_REF_DEF_RE = re.compile(r"^\s{0,3}\[[^\]]+\]:\s*<?(\S+?)>?(?:\s.*)?$")
_FENCE_RE = re.compile(r"^\s{0,3}(```|~~~)")
_CODE_SPAN_RE = re.compile(r"`+[^`]*`+")
# Python-Markdown's attr_list turns '{: onclick=... }' or '{#id .class style=...}' into HTML attributes.
_ATTR_LIST_RE = re.compile(r"\{[^{}\n]*\}")
_REF_DEF_OPEN_RE = re.compile(r"^\s{0,3}\[[^\]]+\]:\s*$")  # a reference definition whose target is on the next line
_BACKSLASH_ESCAPE_RE = re.compile(r"\\(.)")


# A line that starts with '#', after the newline before it. A pattern that starts with a literal is found
# quickly; one that starts with '^' (in MULTILINE mode) is tried at every position.
_HASH_LINE_RE = re.compile(r"\n(#[^\n]*)")


@functools.lru_cache(maxsize=4)
def _prose_lines(body: str) -> tuple[tuple[int, str], ...]:
    """Body lines outside fenced code, with inline code removed: (offset, text). Every body rule reads
    them, so they are made once per body (a fifth of ``kennisbank check`` at 10,000 practices)."""
    if _no_code(body):  # every line is prose, as it is
        return tuple(enumerate(body.split("\n")))
    out, in_fence = [], False
    for offset, line in enumerate(body.split("\n")):
        if _FENCE_RE.match(line):
            in_fence = not in_fence
            continue
        if not in_fence:
            out.append((offset, _CODE_SPAN_RE.sub("", line)))
    return tuple(out)


def _no_code(body: str) -> bool:
    """No fence and no inline code. (A one-character search is much quicker than one for '~~~'.)"""
    return "`" not in body and ("~" not in body or "~~~" not in body)


def _hash_lines(body: str) -> list[str]:
    """The prose lines that start with '#' (the headings), in order, as ``_prose_lines`` gives them."""
    if _no_code(body):  # every line is prose, as it is: find them without a loop
        end = body.find("\n")
        first = [body[:end] if end >= 0 else body] if body.startswith("#") else []
        return first + _HASH_LINE_RE.findall(body)
    return [line for _, line in _prose_lines(body) if line.startswith("#")]


def body_error(ctx: Context, offset: int, message: str, severity: Severity = Severity.ERROR) -> None:
    ctx.problems.append(Problem(ctx.raw.display, ctx.raw.body_line + offset, "body", message, severity))


def not_empty(ctx: Context) -> None:
    body = ctx.raw.body
    if not body.strip():
        body_error(
            ctx,
            0,
            "is leeg; schrijf onder de front matter de tekst met de secties "
            + ", ".join(f"'## {s}'" for s in BODY_SECTIONS),
        )


def no_html(ctx: Context) -> None:
    body = ctx.raw.body
    if "<" not in body:  # every tag and comment starts with '<' (most bodies have none)
        return
    prose = dict(_prose_lines(body))
    # One text with the body's line structure (code blanked out), so a tag split over lines is found too;
    # autolinks become spaces of the same length so offsets stay put.
    text = "\n".join(
        _AUTOLINK_RE.sub(_blank, line) if "<" in line else line
        for line in (prose.get(i, "") for i in range(body.count("\n") + 1))
    )
    reported: set[int] = set()
    for match in HTML_RE.finditer(text):
        offset = text.count("\n", 0, match.start())
        if offset not in reported:
            reported.add(offset)
            body_error(
                ctx,
                offset,
                f"bevat HTML ('{' '.join(match.group(0).split())[:40]}'); de kennisbank gebruikt alleen "
                "Markdown, bijvoorbeeld **vet**, *schuin* en [tekst](https://...)",
            )


def _blank(match: re.Match[str]) -> str:
    return " " * len(match.group(0))


def _link_targets(lines: Sequence[tuple[int, str]]) -> list[tuple[int, bool, str]]:
    """(offset, is_image, target) of every inline link, autolink and reference definition."""
    out: list[tuple[int, bool, str]] = []
    for index, (offset, line) in enumerate(lines):
        # Every '](' opens a link target, whatever the title or nesting around it looks like.
        for match in _LINK_OPEN_RE.finditer(line) if "](" in line else ():
            target = _inline_target(line[match.end() : match.end() + _LINK_SCAN])
            opening = line.rfind("[", max(0, match.start() - _LINK_SCAN), match.start())
            out.append((offset, opening > 0 and line[opening - 1] == "!", target))
        if "<" in line:  # an autolink's first character; most lines have none
            out += [(offset, False, m.group(0)[1:-1]) for m in _AUTOLINK_RE.finditer(line)]
        ref = _REF_DEF_RE.match(line) if "]:" in line else None
        if ref:
            out.append((offset, False, ref.group(1)))
        elif "]:" in line and _REF_DEF_OPEN_RE.match(line) and index + 1 < len(lines):
            following = lines[index + 1][1].split()
            if following:
                out.append((offset, False, following[0].strip("<>")))
    return out


def _inline_target(rest: str) -> str:
    """The target of an inline link from just after '](': angle-bracketed, or up to a space or the ')'
    that closes it (one level of parentheses inside, as in Wikipedia URLs)."""
    match = _INLINE_TARGET_RE.match(rest)
    return (match.group(1) if match and match.group(1) is not None else match.group(2) if match else "") or ""


def allowed_links(ctx: Context) -> None:
    body = ctx.raw.body
    # Every link target starts at '](', '<' or ']:'. Without them in the body there is none, as long as
    # there is no inline code, whose removal from a line could join a ']' and a '(' (most bodies).
    if "`" not in body and "<" not in body and ("]" not in body or ("](" not in body and "]:" not in body)):
        return
    reported: set[tuple[int, str]] = set()
    for offset, is_image, target in _link_targets(_prose_lines(body)):
        message = _link_problem(is_image, target)
        if message and (offset, message) not in reported:
            reported.add((offset, message))
            body_error(ctx, offset, message)


def _link_problem(is_image: bool, target: str) -> str | None:
    if is_image:
        return (
            "bevat een afbeelding; afbeeldingen worden niet ondersteund (ze laden "
            "vaak van andere sites); beschrijf wat erop staat of link ernaar"
        )
    # What the browser will see: Markdown keeps character references and drops backslash escapes.
    decoded = html.unescape(_BACKSLASH_ESCAPE_RE.sub(r"\1", target)).strip()
    scheme = url_scheme(decoded)
    shown = target[:60]
    if not scheme:
        if "@" in decoded or decoded.startswith("#") or not decoded:
            return None  # <naam@organisatie.nl> is an e-mail autolink; '#kop' a link within the page
        return f"link '{shown}' is geen volledig webadres; begin met https://, http:// of mailto:"
    if scheme not in ALLOWED_SCHEMES or decoded.split(":", 1)[0].lower() != scheme:
        return f"link '{shown}' is niet toegestaan; gebruik https://, http:// of mailto:"
    if scheme == "mailto":
        address = decoded.split(":", 1)[1].split("?", 1)[0]
        if not EMAIL_RE.match(address):
            return f"link '{shown}' bevat geen geldig e-mailadres, bijvoorbeeld mailto:naam@organisatie.nl"
    elif not URL_RE.match(decoded):
        return f"link '{shown}' is geen geldig webadres, bijvoorbeeld https://www.voorbeeld.nl/pagina"
    return None


def no_attribute_lists(ctx: Context) -> None:
    body = ctx.raw.body
    if "{" not in body:
        return
    for offset, line in _prose_lines(body):
        match = _ATTR_LIST_RE.search(line)
        if match:
            body_error(
                ctx,
                offset,
                f"bevat '{match.group(0)[:40]}': tekst tussen accolades geeft in Markdown HTML-attributen aan een "
                "alinea, kop of link, en dat is niet toegestaan; laat de accolades weg of gebruik haakjes ( )",
            )


def no_invisible_characters(ctx: Context) -> None:
    body = ctx.raw.body
    if not INVISIBLE_RE.search(body):  # one pass over the whole body; lines only where one is
        return
    for offset, line in enumerate(body.split("\n")):
        match = INVISIBLE_RE.search(line)
        if match:
            body_error(
                ctx,
                offset,
                f"bevat een onzichtbaar teken (U+{ord(match.group(0)):04X}); typ de tekst op deze regel opnieuw",
            )


def standard_sections(ctx: Context) -> None:
    body = ctx.raw.body
    if not body.strip():
        return
    hash_lines = _hash_lines(body)
    found = [line[3:].strip() for line in hash_lines if line.startswith("## ")]
    missing = [s for s in BODY_SECTIONS if s not in found]
    if missing:
        _missing_sections(ctx, missing, [h for h in found if h not in BODY_SECTIONS])
        return
    order = [found.index(s) for s in BODY_SECTIONS]
    if order != sorted(order):
        body_error(ctx, 0, "de vaste secties staan niet in de volgorde " + ", ".join(BODY_SECTIONS), Severity.WARNING)
    if not any(line.startswith("# ") for line in hash_lines):
        return
    for offset, line in _prose_lines(body):
        if line.startswith("# "):
            body_error(ctx, offset, "gebruik geen kop van niveau 1 ('# '); de titel komt uit 'title'", Severity.WARNING)


def _missing_sections(ctx: Context, missing: list[str], others: list[str]) -> None:
    """An error for each required section that is not there: at a heading that looks like it (renamed,
    misspelt: '## Resultaat'), with the name it should have; otherwise at the start of the body."""
    listed = "de vaste secties zijn, in deze volgorde: " + ", ".join(f"'## {s}'" for s in BODY_SECTIONS)
    headings = {line[3:].strip(): offset for offset, line in _prose_lines(ctx.raw.body) if line.startswith("## ")}
    for section in missing:
        near = difflib.get_close_matches(section.casefold(), [o.casefold() for o in others], n=1, cutoff=0.6)
        if near:
            heading = next(o for o in others if o.casefold() == near[0])
            others.remove(heading)
            body_error(
                ctx,
                headings.get(heading, 0),
                f"kopje '## {heading}' is geen vaste sectie, en '## {section}' ontbreekt: "
                f"noem dit kopje '## {section}' ({listed})",
            )
        else:
            after = BODY_SECTIONS[BODY_SECTIONS.index(section) + 1 :]
            following = next((s for s in after if s in headings), None)
            where = f" vóór '## {following}'" if following else ""
            body_error(
                ctx,
                headings[following] if following else 0,
                f"sectie '## {section}' ontbreekt: voeg het kopje '## {section}' toe{where} ({listed})",
            )
