"""What may appear in the HTML the site publishes: no scripts, no event handlers, no style overrides, and
links only to http(s), mailto and anchors.

The validator refuses raw HTML, attribute lists and other link schemes in practice files, so nothing
here should ever fire for content that passed ``kennisbank check``. This module checks the rendered
result anyway: the MkDocs hook runs it over every page's content (a second line of defence that costs
no extra rendering), and the tests run it over every file of the built site.
"""

from __future__ import annotations

import html.parser
import re
from collections.abc import Callable
from dataclasses import dataclass

ALLOWED_SCHEMES = ("http", "https", "mailto")
URL_ATTRIBUTES = frozenset({"href", "src", "action", "formaction", "data", "poster", "srcset", "xlink:href"})
# Browsers drop these from a URL before they read its scheme: "java\tscript:" is "javascript:".
_URL_IGNORED_RE = re.compile(r"[\x00-\x20\x7f]+")
_SCHEME_RE = re.compile(r"^([A-Za-z][A-Za-z0-9+.-]*):")
# Tables align columns with an inline style; that is the only style content may carry.
_ALLOWED_STYLE_RE = re.compile(r"^text-align:\s*(left|right|center);?$")
# Elements that run code, restyle or redirect the page, or embed another document: never in content
# (a script only as a file of the site itself: see _content_element).
FORBIDDEN_ELEMENTS = frozenset(
    [
        "iframe",
        "frame",
        "frameset",
        "object",
        "embed",
        "applet",
        "style",
        "link",
        "meta",
        "base",
        "template",
        "portal",
    ]
)
# Elements that load a resource: in content only from the site itself, never from another host.
LOADING_ELEMENTS = frozenset(["img", "source", "video", "audio", "track", "picture", "input"])


@dataclass(frozen=True)
class Finding:
    """One thing in the HTML that must not be published."""

    what: str  # Dutch, for editors: what was found
    evidence: str  # the offending tag, attribute or URL, to find it in the source

    def __str__(self) -> str:
        return f"{self.what}: {self.evidence}"


def url_scheme(value: str) -> str:
    """The scheme a browser would use for ``value`` ('' for a relative URL), lower case."""
    match = _SCHEME_RE.match(_URL_IGNORED_RE.sub("", value))
    return match.group(1).lower() if match else ""


def is_safe_url(value: str) -> bool:
    return url_scheme(value) in ("", *ALLOWED_SCHEMES)


class _Scanner(html.parser.HTMLParser):
    def __init__(self, element_allowed: Callable[[str, dict[str, str]], bool], inline_scripts: bool = True) -> None:
        super().__init__(convert_charrefs=True)
        self.element_allowed = element_allowed
        self.inline_scripts = inline_scripts
        self.findings: list[Finding] = []
        self.scripts: list[tuple[dict[str, str], str]] = []
        self._in_script: dict[str, str] | None = None
        self._script_text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name: value or "" for name, value in attrs}  # attribute values arrive unescaped
        if not self.element_allowed(tag, values):
            self.findings.append(Finding("element dat niet is toegestaan", f"<{tag}>"))
        for name, value in values.items():
            if name.startswith("on"):
                self.findings.append(Finding("gebeurtenis-attribuut (script)", f'{name}="{value[:60]}"'))
            elif name in URL_ATTRIBUTES and not is_safe_url(value):
                self.findings.append(Finding("link met een schema dat niet is toegestaan", f'{name}="{value[:60]}"'))
            elif name == "style" and not _ALLOWED_STYLE_RE.match(value.strip()):
                self.findings.append(Finding("opmaak via style-attribuut", f'style="{value[:60]}"'))
        if tag == "script":
            self._in_script, self._script_text = values, []

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        if tag == "script":
            self.handle_endtag(tag)

    def handle_data(self, data: str) -> None:
        if self._in_script is not None:
            self._script_text.append(data)

    def handle_endtag(self, tag: str) -> None:
        if tag == "script" and self._in_script is not None:
            text = "".join(self._script_text)
            if text.strip() and not self.inline_scripts:
                self.findings.append(Finding("script in de pagina", f"<script>{text.strip()[:60]}"))
            self.scripts.append((self._in_script, text))
            self._in_script = None


def _is_local(url: str) -> bool:
    return bool(url) and not url_scheme(url) and not url.startswith("//")


def _content_element(tag: str, attrs: dict[str, str]) -> bool:
    if tag in FORBIDDEN_ELEMENTS:
        return False
    if tag == "script":  # only a file of the site itself (a generated page may load one); see scan_content
        return _is_local(attrs.get("src", ""))
    if tag in LOADING_ELEMENTS:
        return not any(
            url_scheme(attrs.get(name, "")) or attrs.get(name, "").startswith("//") for name in ("src", "srcset")
        )
    return True


def scan_content(content: str) -> list[Finding]:
    """Problems in the HTML that Markdown made of one page's source (no theme around it)."""
    scanner = _Scanner(_content_element, inline_scripts=False)
    scanner.feed(content)
    scanner.close()
    return scanner.findings


def scan_page(document: str) -> tuple[list[Finding], list[tuple[dict[str, str], str]]]:
    """Event handlers and unsafe URLs anywhere in a whole page, and its scripts (attributes, inline text),
    for the caller to hold against the scripts it expects."""
    scanner = _Scanner(lambda tag, attrs: True)
    scanner.feed(document)
    scanner.close()
    return scanner.findings, scanner.scripts
