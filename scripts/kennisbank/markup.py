"""Small helpers for writing generated Markdown safely.

Metadata from front matter is never trusted as markup: ``text()`` turns every character that HTML or
Markdown would interpret into an entity, so a title like ``[x](javascript:...)`` or ``<b>`` shows as
the literal characters it is.
"""

from __future__ import annotations

import datetime as dt
import functools
import html
import json
import posixpath
import re

_ESCAPES = {
    "&": "&amp;",
    "<": "&lt;",
    ">": "&gt;",
    '"': "&quot;",
    "'": "&#39;",
    "[": "&#91;",
    "]": "&#93;",
    "*": "&#42;",
    "_": "&#95;",
    "`": "&#96;",
    "\\": "&#92;",
    "#": "&#35;",
    "|": "&#124;",
    "{": "&#123;",
    "}": "&#125;",
}
_ESCAPE_RE = re.compile("[" + re.escape("".join(_ESCAPES)) + "]")

MONTHS = (
    "januari", "februari", "maart", "april", "mei", "juni",
    "juli", "augustus", "september", "oktober", "november", "december",
)  # fmt: skip


@functools.lru_cache(maxsize=65_536)  # the same names and labels stand on hundreds of pages
def text(value: str) -> str:
    """Literal text for Markdown or HTML: nothing in it is interpreted."""
    return _ESCAPE_RE.sub(lambda m: _ESCAPES[m.group(0)], " ".join(value.split()))


def url(value: str) -> str:
    """A validated URL as a Markdown link target: parentheses would end the target early."""
    return value.replace("(", "%28").replace(")", "%29").replace(" ", "%20")


def attr(value: str) -> str:
    """A value for an HTML attribute."""
    return text(value)


def link(label: str, target_src: str, from_src: str) -> str:
    """A Markdown link from one source file to another, so MkDocs checks and rewrites it."""
    return f"[{text(label)}]({relative(target_src, from_src)})"


def relative(target_src: str, from_src: str) -> str:
    """``posixpath.relpath(target_src, dirname(from_src))`` for the project's source paths. relpath makes
    both paths absolute against the working directory first, which costs more than the rest of a link;
    paths inside the docs folder need only their common folders dropped. Anything unusual (a '..', an
    absolute path) goes to relpath itself (tests/test_markup_relative.py holds both equal)."""
    start = posixpath.dirname(from_src)
    if ".." in target_src or ".." in start or target_src.startswith("/") or start.startswith("/"):
        return posixpath.relpath(target_src, start or ".")
    target = [part for part in target_src.split("/") if part and part != "."]
    folders = [part for part in start.split("/") if part and part != "."]
    common = 0
    for a, b in zip(target, folders, strict=False):
        if a != b:
            break
        common += 1
    return "/".join([".."] * (len(folders) - common) + target[common:]) or "."


def front_matter(**meta: str | list[str]) -> str:
    """YAML front matter for a generated page; JSON strings are valid YAML and need no escaping rules.

    Text values are HTML-escaped too: Material's templates put ``title`` and ``description`` into the page
    without escaping (``<title>``, the header, ``<meta content="...">``), so a quote in a summary would
    otherwise end the attribute and let the rest of the summary add attributes of its own. Lists (such
    as ``hide``) are settings for the theme, not text, and stay as they are."""
    lines = [
        f"{key}: {json.dumps(_html_text(value) if isinstance(value, str) else value, ensure_ascii=False)}"
        for key, value in meta.items()
        if value
    ]
    return "---\n" + "\n".join(lines) + "\n---\n\n"


def dutch_date(value: str | dt.date) -> str:
    """'2022-04' -> 'april 2022'; '2020-04-23' -> '23 april 2020'; '2015' -> '2015'."""
    iso = value.isoformat() if isinstance(value, dt.date) else value
    parts = iso.split("-")
    if len(parts) == 1:
        return parts[0]
    month = MONTHS[int(parts[1]) - 1]
    if len(parts) == 2:
        return f"{month} {parts[0]}"
    return f"{int(parts[2])} {month} {parts[0]}"


def dutch_number(number: int) -> str:
    """12345 -> '12.345': a dot between thousands, as Dutch writes them."""
    return f"{number:,}".replace(",", ".")


def plural(count: int, one: str, many: str) -> str:
    return f"{count} {one if count == 1 else many}"


def _html_text(value: str) -> str:
    """Text for a double-quoted attribute or an element: '&', '<', '>' and '"' as entities; an apostrophe
    stays readable, because Material quotes its attributes with double quotes."""
    return html.escape(" ".join(value.split()), quote=False).replace('"', "&quot;")
