"""The last line of defence: what the hook refuses to publish in any page's rendered content."""

from __future__ import annotations

import functools

import markdown
import pytest
from mkdocs.config import load_config

from kennisbank.safety import scan_content, url_scheme
from kennisbank.site import unsafe_content, withheld_content

from .conftest import REPO


@functools.cache
def render_like_the_site(source: str) -> str:
    """Markdown with the extensions and settings of mkdocs.yml, as MkDocs renders practice bodies."""
    config = load_config(config_file=str(REPO / "mkdocs.yml"))
    md = markdown.Markdown(extensions=config["markdown_extensions"], extension_configs=config["mdx_configs"])
    return md.convert(source)


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


@pytest.mark.parametrize(
    "source",
    [
        "Tekst\n{: onclick=alert(1) }",
        '## Kop {style="position:fixed;top:0"}',
        "[x](jav&#x61;script:alert(1))",
        "[x](java\tscript:alert(1))",
        "<script>alert(1)</script>",
        "<iframe src='https://x.nl'></iframe>",
        "![x](https://elders.example/beeld.png)",
        '<a href="data:text/html,x">x</a>',
    ],
)
def test_unsafe_markdown_is_found_after_rendering(source: str) -> None:
    rendered = render_like_the_site(source)
    assert scan_content(rendered), rendered


@pytest.mark.parametrize(
    "source",
    [
        "| a | b |\n|:--|--:|\n| 1 | 2 |",
        '!!! note "Let op"\n\n    Tekst met [link](https://x.nl) en <mailto:a@b.nl>.',
        "## Kop\n\nTekst *schuin*, **vet**, `code`.\n\nTerm\n:   Uitleg\n\n*[RMC]: Regionaal Meldpunt",
        "[binnen de pagina](#kop)",
    ],
)
def test_ordinary_markdown_passes(source: str) -> None:
    rendered = render_like_the_site(source)
    assert scan_content(rendered) == [], rendered


def test_withheld_page_shows_problems_escaped() -> None:
    problems = unsafe_content("practices/x.md", '<p onclick="alert(1)">x</p><script>alert(2)</script>')
    messages = " ".join(str(p) for p in problems)
    assert "gebeurtenis-attribuut" in messages and "script in de pagina" in messages
    assert str(problems[0]).startswith("practices/x.md:1: body: de gemaakte pagina bevat ")
    page = withheld_content(problems)
    assert "<script" not in page and "&lt;script&gt;" in page
    assert "onclick=&quot;" in page


def test_a_generated_page_may_load_the_sites_own_script_only() -> None:
    assert scan_content('<script src="../assets/finder.js"></script>') == []
    for html in (
        '<script src="https://cdn.example/x.js"></script>',
        '<script src="//cdn.example/x.js"></script>',
        '<script src="../assets/x.js">alert(1)</script>',
    ):
        assert scan_content(html), html
