"""The quick ways of the two walls on the built site (``safety.scan_page``, ``leaks.site_leaks``) find exactly
what their plain ways find."""

from __future__ import annotations

from pathlib import Path

from hypothesis import example, given, settings
from hypothesis import strategies as st

from kennisbank import safety
from kennisbank.safety import ELEMENTS, scan_page, scan_page_plain

# Allowed and forbidden elements, attributes whose value is checked and those passed on their name, in all
# the forms a page can write them (no value, upper case, twice, an unknown aria-*, an event handler).
TAGS = [*sorted(ELEMENTS), "img", "iframe", "style", "template", "object", "math", "foreignObject", "image", "x-y"]
NAMES = [
    *sorted({name for names in ELEMENTS.values() for name in names}),
    *["class", "id", "aria-label", "aria-x", "data-md-component", "data-md-type", "data-x", "onclick", "ONLOAD"],
    *["style", "href", "HREF", "src", "action", "formaction", "xlink:href", "srcdoc", "role", "hidden"],
]
VALUES = [
    *["", "x", "javascript:alert(1)", "java\tscript:x", "https://x.nl", "//x.nl/a.js", "../assets/a.js"],
    *["/assets/a.js", "/kb/assets/a.js", "./x", "#kop", "?q=1", ".javascript:x", "#\njavascript:x"],
    *["text-align: left", "color: red", "source", "_blank", "_top", "get", "post", "module", "application/json"],
    *["search", "image", "canonical", "stylesheet", "__config", 'a"b', "a'b", "<b>", "&amp;", "&#106;avascript:x"],
]
ATTRIBUTE = st.tuples(st.sampled_from(NAMES), st.sampled_from(VALUES) | st.none()).map(
    lambda pair: pair[0] if pair[1] is None else f'{pair[0]}="{pair[1].replace(chr(34), "&quot;")}"'
)
TAG = st.tuples(st.sampled_from(TAGS), st.lists(ATTRIBUTE, max_size=4)).map(
    lambda pair: f"<{' '.join([pair[0], *pair[1]])}>"
)
PIECES = st.lists(
    TAG
    | st.sampled_from(TAGS).map(lambda tag: f"</{tag}>")
    | st.sampled_from(["tekst", "{}", "x = 1", "<!-- c -->", "</svg>", "<svg><path d='M0'>", "&lt;", "\n"]),
    max_size=25,
).map("".join)


@settings(max_examples=500, deadline=None)
@given(PIECES, st.sampled_from(["index.html", "praktijkvoorbeelden/x/index.html"]), st.sampled_from(["/", "/kb/"]))
@example('<a href="javascript:x" class="a">', "index.html", "/")
@example('<a class="a" aria-label="b">x</a><a class="a" aria-label="b">y</a>', "index.html", "/")
@example('<th style="text-align: left" STYLE="color: red">', "index.html", "/")
@example('<script src="../assets/a.js"></script><script src="../assets/a.js">x</script>', "a/index.html", "/")
@example("<div onclick=x></div><div onclick=x></div>", "index.html", "/")
# Links within the site share one remembered answer: not where href is not allowed, nor for what else is wrong.
@example('<a href="../x/">a</a><abbr href="../x/">b</abbr><abbr href="#k">c</abbr>', "a/index.html", "/")
@example('<a href="#k" onclick="y">a</a><a href="#k">b</a><a href="#j" target="_top">c</a>', "index.html", "/")
@example('<link rel="stylesheet" href="./a.css"><link rel="stylesheet" href="//x.nl/a.css">', "index.html", "/")
def test_the_scan_finds_what_the_plain_scan_finds(document: str, page_path: str, base: str) -> None:
    """Twice, so the second time the elements remembered from the first are answered from memory."""
    expected = scan_page_plain(document, page_path, base)
    assert scan_page(document, page_path, base) == expected
    assert scan_page(document, page_path, base) == expected


def test_a_script_remembered_on_one_page_is_judged_again_on_a_page_in_another_folder() -> None:
    script = '<script src="../assets/a.js"></script>'
    for page_path in ("a/index.html", "index.html", "a/b/index.html", "a/index.html"):
        assert scan_page(script, page_path) == scan_page_plain(script, page_path)
    assert scan_page(script, "a/index.html") == []
    assert [str(f) for f in scan_page(script, "index.html")] == [
        "script dat geen bestand van de site zelf is: <script src>"
    ]


def test_the_scan_finds_what_the_plain_scan_finds_on_every_built_page(built_site: Path) -> None:
    """The real pages: Material's header, navigation and scripts, and every kind of page the site makes."""
    pages = sorted(built_site.rglob("*.html"))
    assert len(pages) > 20
    for page in pages:
        document, page_path = page.read_text(encoding="utf-8"), page.relative_to(built_site).as_posix()
        assert scan_page(document, page_path) == scan_page_plain(document, page_path)


def test_an_element_with_only_names_passed_whatever_their_value_is_passed_whatever_the_values() -> None:
    """What the quick way of the scan stands on: ``_plain_names`` are the attributes no value can fail."""
    hostile = ["javascript:alert(1)", "//evil.example/x.js", "color: red", "source", "post", "x" * 100, ""]
    for tag, plain in safety._PLAIN_NAMES.items():
        for name in plain:
            for value in hostile:
                assert safety._tag_findings(tag, {name: value}) == [], (tag, name, value)
    assert "script" not in safety._PLAIN_NAMES  # its content is checked too
    assert not safety._PLAIN_NAMES["a"] & {"href", "target", "onclick", "style"}
