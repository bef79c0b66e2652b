"""Markdown from outsiders rendered so that it cannot carry HTML: the renderer's wall, not the validator's.

Practice bodies and glossary texts arrive by pull request. The generators wrap every such text with
``wrap()``; the Markdown extension in this module (listed in mkdocs.yml, so every page is rendered with it)
then treats a wrapped region in two steps:

1. Before Python-Markdown parses anything, every ``<`` and ``{`` in the region is written as Markdown's own
   escape of that character (what ``\\<`` would give). Neither the raw-HTML parser nor ``attr_list`` ever
   sees one, whatever the Markdown around it looks like (an escaped backtick, a code span that is no code
   span, a tag split over lines): the character is shown as itself. Autolinks (``<https://...>``) keep
   working through patterns that read the escaped form.
2. After rendering, the region's HTML goes through nh3 (the Ammonia sanitiser) with an allow-list: the
   elements and attributes that Markdown makes of a body, and links only to http(s), mailto and anchors.

A region is delimited by two comment lines that carry the SHA-256 of the wrapped text. The text cannot
contain the digest of itself, so it cannot end its own region early, and the markers are deterministic
(golden files stay stable). The comments are removed from the output.
"""

from __future__ import annotations

import functools
import hashlib
import re
from typing import Any

import nh3
from markdown import Markdown
from markdown.extensions import Extension
from markdown.inlinepatterns import AutolinkInlineProcessor, AutomailInlineProcessor
from markdown.postprocessors import Postprocessor
from markdown.preprocessors import Preprocessor
from markdown.util import ETX, STX

from .safety import ALLOWED_SCHEMES, url_scheme

# Characters that start raw HTML or an attribute list: inside a region they are only ever text.
ESCAPED = "<{"
_MARKER = "kb-untrusted"
_START_RE = re.compile(rf"^<!--{_MARKER}:([0-9a-f]{{64}})-->$")
_ESCAPED_RE = re.compile(rf"{STX}(\d+){ETX}")
_REGION_RE = re.compile(rf"<!--{_MARKER}:([0-9a-f]{{64}})-->(.*?)(?:<!--/{_MARKER}:\1-->|\Z)", re.S)
_LT = f"{STX}{ord('<')}{ETX}"

# What Markdown makes of a body, and nothing else.
TAGS = frozenset(
    {"p", "br", "hr", "h1", "h2", "h3", "h4", "h5", "h6", "strong", "em", "code", "pre", "blockquote", "ul", "ol"}
    | {"li", "dl", "dt", "dd", "table", "thead", "tbody", "tr", "th", "td", "a", "abbr", "div"}
)
ATTRIBUTES: dict[str, set[str]] = {
    "a": {"href", "title"},
    "abbr": {"title"},
    **{f"h{level}": {"id"} for level in range(1, 7)},
    "th": {"style"},
    "td": {"style"},
    "ol": {"start"},
}
# Classes, which nh3 takes apart from the attributes: Material's admonition types (``!!! note``) and the
# permalink of a heading.
ADMONITIONS = frozenset(
    {"note", "abstract", "summary", "tldr", "info", "todo", "tip", "hint", "important", "success", "check"}
    | {"done", "question", "help", "faq", "warning", "caution", "attention", "failure", "fail", "missing"}
    | {"danger", "error", "bug", "example", "quote", "cite"}
)
CLASSES: dict[str, set[str]] = {"a": {"headerlink"}, "div": {"admonition", *ADMONITIONS}, "p": {"admonition-title"}}


def wrap(markdown_text: str) -> str:
    """``markdown_text`` as an untrusted region, rendered without HTML and sanitised; it starts a block of its
    own, so what comes before it must end with a blank line."""
    digest = hashlib.sha256(markdown_text.encode("utf-8")).hexdigest()
    return f"<!--{_MARKER}:{digest}-->\n\n{markdown_text}\n\n<!--/{_MARKER}:{digest}-->\n\n"


@functools.lru_cache(maxsize=512)
def sanitise(fragment: str) -> str:
    """The allow-listed part of an HTML fragment rendered from untrusted Markdown. Remembered: most regions
    are small ones that recur on page after page (the abbreviations a page uses, a glossary text)."""
    return nh3.clean(
        fragment,
        tags=set(TAGS),
        attributes=ATTRIBUTES,
        allowed_classes=CLASSES,
        attribute_filter=_attribute_filter,
        url_schemes=set(ALLOWED_SCHEMES),
        filter_style_properties={"text-align"},
        link_rel=None,
        strip_comments=True,
    )


def _attribute_filter(element: str, attribute: str, value: str) -> str | None:
    """Links to other sites (http, https, mailto) and within the page; nothing relative to another page."""
    if attribute == "href" and not (value.startswith("#") or url_scheme(value) in ALLOWED_SCHEMES):
        return None
    return value


class _EscapeRegions(Preprocessor):
    """Step 1: escape '<' and '{' inside every region; the markers become stashed comments."""

    def run(self, lines: list[str]) -> list[str]:
        out: list[str] = []
        end: str | None = None
        for line in lines:
            if end is None:
                start = _START_RE.match(line)
                if start:
                    end = f"<!--/{_MARKER}:{start.group(1)}-->"
                    out.append(self.md.htmlStash.store(line))
                else:
                    out.append(line)
            elif line == end:
                out.append(self.md.htmlStash.store(line))
                end = None
            else:
                out.append(_escape(line))
        return out


def _escape(line: str) -> str:
    for char in ESCAPED:
        if char in line:
            line = line.replace(char, f"{STX}{ord(char)}{ETX}")
    return line


class _SanitiseRegions(Postprocessor):
    """Step 2: what is still escaped (in code) becomes a character reference; every region is sanitised."""

    def run(self, text: str) -> str:
        if STX in text:
            text = _ESCAPED_RE.sub(lambda m: f"&#{m.group(1)};", text)
        if f"<!--{_MARKER}:" not in text:
            return text
        return _REGION_RE.sub(lambda m: sanitise(m.group(2)), text)


class UntrustedExtension(Extension):
    def extendMarkdown(self, md: Markdown) -> None:
        # After normalize_whitespace (30), before fenced code (25) and raw HTML blocks (20).
        md.preprocessors.register(_EscapeRegions(md), "kb_untrusted", 27)
        # Beside the standard autolink (120) and automail (110) patterns, for the escaped '<'.
        md.inlinePatterns.register(
            AutolinkInlineProcessor(rf"{_LT}((?:[Ff]|[Hh][Tt])[Tt][Pp][Ss]?://[^<>{STX}{ETX}]*)>", md),
            "kb_autolink",
            121,
        )
        md.inlinePatterns.register(
            AutomailInlineProcessor(rf"{_LT}([^<> !{STX}{ETX}]+@[^@<> {STX}{ETX}]+)>", md), "kb_automail", 111
        )
        # After raw HTML is put back (30) and '&' restored (20): nh3 sees the final HTML.
        md.postprocessors.register(_SanitiseRegions(md), "kb_untrusted", 5)


def makeExtension(**kwargs: Any) -> UntrustedExtension:
    return UntrustedExtension(**kwargs)
