"""What the site may publish, checked on every page as a browser reads it.

Each page MkDocs writes is parsed by Lexbor (selectolax), an HTML5 parser that treats duplicate attributes
(the first one wins), character references, SVG and MathML as browsers do. Every element must be on the
allow-list ``ELEMENTS``, with only the attributes listed for it; links go to http(s), mailto or the site
itself; what loads (styles, scripts, form targets) comes from the site itself; a script is a file below the
site's ``assets/``, Material's JSON configuration, or one of the inline scripts Material's own templates
write. Anything else is a finding, and the build stops on it.

Content from outside never reaches a page as raw HTML (``untrusted.py``), so nothing here should fire for
content that passed ``kennisbank check``: this is the last wall, not the first.
"""

from __future__ import annotations

import functools
import json
import posixpath
import re
from dataclasses import dataclass
from pathlib import Path

from selectolax.lexbor import LexborHTMLParser, LexborNode

ALLOWED_SCHEMES = ("http", "https", "mailto")
# Browsers drop these from a URL before they read its scheme: "java\tscript:" is "javascript:".
_URL_IGNORED_RE = re.compile(r"[\x00-\x20\x7f]+")
_SCHEME_RE = re.compile(r"^([A-Za-z][A-Za-z0-9+.-]*):")
# Tables align columns with an inline style; that is the only style a page may carry.
_ALLOWED_STYLE_RE = re.compile(r"^text-align:\s*(left|right|center);?$")

_GLOBAL = frozenset({"class", "id", "title", "lang", "dir", "hidden", "role", "tabindex"})
# Material's scripts act on these data attributes (one of them, on the repository link, would fetch from
# GitHub); the finder reads its own. Nothing else may carry data for a script.
_DATA = frozenset(
    {"data-md-color-accent", "data-md-color-primary", "data-md-color-scheme", "data-md-component"}
    | {"data-md-level", "data-md-scrollfix", "data-md-state", "data-md-toggle", "data-md-type"}
    | {"data-assets", "data-finder", "data-root", "data-facet", "data-param"}
    | {"data-slug"}  # the practice a "Bewaar in mijn selectie" button saves (selection/store.js)
)
_TEXT = frozenset(
    {"p", "span", "div", "strong", "em", "b", "i", "small", "code", "pre", "blockquote", "abbr", "br", "wbr", "hr"}
    | {"ul", "ol", "li", "dl", "dt", "dd", "table", "thead", "tbody", "tfoot", "tr", "caption", "legend"}
    | {"h1", "h2", "h3", "h4", "h5", "h6", "header", "footer", "main", "nav", "article", "section", "aside"}
    | {"html", "head", "body", "title", "noscript", "fieldset", "details", "summary", "sup", "sub"}
)
# The allow-list: element -> its attributes besides the global ones (and aria-*).
ELEMENTS: dict[str, frozenset[str]] = {
    **{tag: frozenset() for tag in _TEXT},
    "a": frozenset({"href", "rel", "target"}),
    "ol": frozenset({"start"}),
    "th": frozenset({"style", "scope"}),  # scope: the table of all practices (pages/practice_list.py)
    "td": frozenset({"style"}),
    "time": frozenset({"datetime"}),
    "meta": frozenset({"charset", "name", "content"}),
    "link": frozenset({"href", "rel", "type"}),
    "script": frozenset({"src", "type"}),
    "form": frozenset({"action", "method"}),
    "label": frozenset({"for"}),
    "input": frozenset({"type", "name", "value", "checked", "placeholder", "autocomplete", "spellcheck"})
    | {"enterkeyhint", "required"},
    "button": frozenset({"type"}),
    "svg": frozenset({"viewBox", "xmlns", "width", "height"}),
    "path": frozenset({"d"}),
}
_VALUES: dict[tuple[str, str], frozenset[str]] = {
    ("input", "type"): frozenset({"search", "checkbox", "text", "radio"}),
    ("button", "type"): frozenset({"button", "submit", "reset"}),
    ("form", "method"): frozenset({"get"}),
    ("script", "type"): frozenset({"module", "application/json"}),
    ("a", "target"): frozenset({"_blank"}),
    ("th", "scope"): frozenset({"col", "row"}),
    ("link", "type"): frozenset({"application/atom+xml"}),  # the feed in every page's head (overrides/main.html)
}
# Material's component on the repository link that asks GitHub for stars and releases on every visit.
REPOSITORY_FACTS = "source"
# A <link> that the browser does not fetch may point elsewhere (the page's own public address).
_LINKS_NOT_FETCHED = frozenset({"canonical", "prev", "next", "edit", "noopener", "alternate"})
# The attributes whose value ``_attribute_problem`` reads; any other allowed attribute passes on its name.
_VALUE_CHECKED = frozenset({name for _, name in _VALUES} | {"data-md-component", "style", "href", "action"})
# The states and properties of WAI-ARIA 1.2, all allowed ('aria-*'): known by name, so that an element carrying
# one can take the quick way past ``_attribute_problem``; another aria-* name takes the long way, to the same end.
_ARIA_NAMES = (
    "activedescendant atomic autocomplete braillelabel brailleroledescription busy checked colcount colindex "
    "colindextext colspan controls current describedby description details disabled dropeffect errormessage "
    "expanded flowto grabbed haspopup hidden invalid keyshortcuts label labelledby level live modal multiline "
    "multiselectable orientation owns placeholder posinset pressed readonly relevant required roledescription "
    "rowcount rowindex rowindextext rowspan selected setsize sort valuemax valuemin valuenow valuetext"
)
_ARIA = frozenset(f"aria-{name}" for name in _ARIA_NAMES.split())


@dataclass(frozen=True)
class Finding:
    """One thing in the HTML that must not be published."""

    what: str  # Dutch, for editors: what was found
    evidence: str  # the offending tag, attribute or URL, to find it in the source
    needle: str = ""  # what to look for in the source files to find who wrote it

    def __str__(self) -> str:
        return f"{self.what}: {self.evidence}"


def url_scheme(value: str) -> str:
    """The scheme a browser would use for ``value`` ('' for a relative URL), lower case."""
    match = _SCHEME_RE.match(_URL_IGNORED_RE.sub("", value))
    return match.group(1).lower() if match else ""


def is_safe_url(value: str) -> bool:
    return url_scheme(value) in ("", *ALLOWED_SCHEMES)


def is_local(value: str) -> bool:
    """A URL of this site: no scheme, no other host ('//host/...')."""
    cleaned = _URL_IGNORED_RE.sub("", value).replace("\\", "/")
    return not url_scheme(value) and not cleaned.startswith("//")


def scan_page(document: str, page_path: str = "index.html", base: str = "/") -> list[Finding]:
    """Everything in a page that is not on the allow-list. ``page_path``: where the page lies in the site
    ('praktijkvoorbeelden/x/index.html'), and ``base`` the path of the site's address ('/'), to tell which
    scripts are files of the site's own assets. Gives what ``scan_page_plain`` gives (tests/test_wall_fast_paths.py),
    without checking attribute by attribute an element whose attributes no rule can object to."""
    findings: list[Finding] = []
    root = LexborHTMLParser(document).root
    for node in root.traverse() if root is not None else ():
        tag = node.tag or ""
        attributes = node.attributes
        plain = _PLAIN_NAMES.get(tag)
        if plain is not None and plain.issuperset(attributes):
            continue
        if tag == "script":
            items = tuple((name, value or "") for name, value in attributes.items())
            findings.extend(_page_script_findings(items, node.text(deep=True), posixpath.dirname(page_path), base))
        else:  # what is found depends on the tag and the attributes alone: the same element, the same answer
            href = attributes.get("href")
            if href and href[0] in _RELATIVE_STARTS and tag in _HREF_TAGS:
                # A link within the site ('../../themas/x/', '#kop') where a link is allowed: no rule objects
                # to it whatever follows, so all such links share one answer (one entry of the memory
                # instead of thousands). Where href is not allowed, the finding names the address itself.
                attributes["href"] = href[0]
            findings.extend(_element_findings(tag, tuple(attributes.items())))
    return findings


# How a relative address may start: a character that is not a letter and that a browser does not drop
# (``_URL_IGNORED_RE``) leaves no scheme, and '/' is not among them ('//host' is another site for <link>).
_RELATIVE_STARTS = frozenset(".#?")
_HREF_TAGS = frozenset(tag for tag, names in ELEMENTS.items() if "href" in names)


def scan_page_plain(document: str, page_path: str = "index.html", base: str = "/") -> list[Finding]:
    """The scan element by element and attribute by attribute: the reference for ``scan_page``."""
    findings: list[Finding] = []
    root = LexborHTMLParser(document).root
    for node in root.traverse() if root is not None else ():
        findings.extend(_node_findings(node, page_path, base))
    return findings


def _node_findings(node: LexborNode, page_path: str, base: str) -> list[Finding]:
    attributes = {name: value or "" for name, value in node.attributes.items()}
    tag = node.tag or ""
    if tag == "script":
        return list(
            _script_findings(tuple(attributes.items()), node.text(deep=True), posixpath.dirname(page_path), base)
        )
    return _tag_findings(tag, attributes)


def _script_findings(items: tuple[tuple[str, str], ...], text: str, folder: str, base: str) -> tuple[Finding, ...]:
    """What is wrong with a script element with these attributes and this content, on a page in ``folder``."""
    attributes = dict(items)
    findings = _tag_findings("script", attributes)
    problem = _script_problem(attributes, text, folder, base)
    if problem:
        findings.append(Finding(problem, f"<script {' '.join(attributes)}>", attributes.get("src", "<script")))
    return tuple(findings)


# ``_script_findings``, remembered: pages at one depth carry the same scripts.
_page_script_findings = functools.lru_cache(maxsize=4096)(_script_findings)


@functools.lru_cache(maxsize=65536)
def _element_findings(tag: str, items: tuple[tuple[str, str | None], ...]) -> tuple[Finding, ...]:
    """``_tag_findings``, remembered: a site's pages repeat the same links and navigation, and the answer
    depends on the tag and the attributes alone. Room for the links of a large site (at 1,000 practices some
    20,000 different ones; with 4,096 places more than half were worked out again)."""
    return tuple(_tag_findings(tag, {name: value or "" for name, value in items}))


def _tag_findings(tag: str, attributes: dict[str, str]) -> list[Finding]:
    """What is wrong with an element's tag and attributes (for a script, not yet its content)."""
    allowed = ELEMENTS.get(tag)
    if allowed is None:
        return [Finding("element dat niet is toegestaan", f"<{tag}>", f"<{tag}")]
    findings = []
    for name, value in attributes.items():
        problem = _attribute_problem(tag, name, value, allowed, attributes)
        if problem:
            findings.append(Finding(problem, f'<{tag} {name}="{value[:60]}">', value or name))
    return findings


def _attribute_problem(tag: str, name: str, value: str, allowed: frozenset[str], attrs: dict[str, str]) -> str:
    problem = _name_problem(name, allowed)
    if problem or name not in _VALUE_CHECKED:
        return problem
    if (tag, name) in _VALUES and value.strip().lower() not in _VALUES[tag, name]:
        return "waarde die niet is toegestaan"
    if name == "data-md-component" and value == REPOSITORY_FACTS:
        return "gegevens van een andere site"
    if name == "style" and not _ALLOWED_STYLE_RE.match(value.strip()):
        return "opmaak via style-attribuut"
    if name == "href" and not is_safe_url(value):
        return "link met een schema dat niet is toegestaan"
    if tag == "link" and name == "href" and not is_local(value):
        fetched = not set(attrs.get("rel", "").lower().split()) <= _LINKS_NOT_FETCHED
        if fetched or url_scheme(value) not in ("http", "https"):
            return "bestand van een andere site"
    if tag == "form" and name == "action" and not is_local(value):
        return "formulier dat naar een andere site verstuurt"
    return ""


def _name_problem(name: str, allowed: frozenset[str]) -> str:
    """What is wrong with an attribute whatever its value."""
    if name.startswith("on"):
        return "gebeurtenis-attribuut (script)"
    if not (name in allowed or name in _GLOBAL or name in _DATA or name.startswith("aria-")):
        return "attribuut dat niet is toegestaan"
    return ""


def _plain_names(tag: str) -> frozenset[str]:
    """The attributes of ``tag`` that ``_attribute_problem`` passes whatever their value: its name is allowed
    and no rule reads its value. An element with only these has no finding, unless it is a script, whose
    content counts too."""
    allowed = ELEMENTS[tag]
    names = allowed | _GLOBAL | _DATA | _ARIA
    return frozenset(name for name in names if not _name_problem(name, allowed) and name not in _VALUE_CHECKED)


def _script_problem(attrs: dict[str, str], text: str, folder: str, base: str) -> str:
    if "src" in attrs:
        if text.strip():
            return "script met eigen tekst naast een bestand"
        return "" if _is_own_asset(attrs["src"], folder, base) else "script dat geen bestand van de site zelf is"
    if attrs.get("type") == "application/json":
        return "" if attrs.get("id") == "__config" and _is_json(text) else "gegevens in een script-element"
    if any(pattern.fullmatch(text) for pattern in material_inline_scripts()):
        return ""
    return "script in de pagina"


def _is_own_asset(src: str, folder: str, base: str) -> bool:
    """A file below the site's assets/, addressed relative to the page's ``folder`` or from the site's root path."""
    path = _URL_IGNORED_RE.sub("", src).split("?", 1)[0].split("#", 1)[0]
    if not is_local(path):
        return False
    if path.startswith("/"):
        if not path.startswith(base):
            return False
        path, folder = path[len(base) :], ""
    resolved = posixpath.normpath(posixpath.join(folder, path))
    return resolved.startswith("assets/") and ".." not in resolved.split("/")


def _is_json(text: str) -> bool:
    try:
        json.loads(text)
    except ValueError:
        return False
    return True


@functools.cache
def material_inline_scripts() -> tuple[re.Pattern[str], ...]:
    """The inline scripts Material's own templates write, as patterns: the template's text exactly, with each
    Jinja expression (``{{ base_url }}`` and the like) standing for a quoted value without markup. Read from
    the installed theme, so the allow-list follows the pinned version and allows nothing else."""
    import material

    patterns = []
    for template in sorted((Path(material.__file__).parent / "templates" / "partials" / "javascripts").glob("*.html")):
        for body in re.findall(r"<script>(.*?)</script>", template.read_text(encoding="utf-8"), re.S):
            parts = re.split(r"\{\{.*?\}\}", body)
            patterns.append(re.compile('[^"<>]*'.join(re.escape(part) for part in parts)))
    return tuple(patterns)


# Every element but the script, whose content is checked too (``_plain_names``).
_PLAIN_NAMES = {tag: _plain_names(tag) for tag in ELEMENTS if tag != "script"}
