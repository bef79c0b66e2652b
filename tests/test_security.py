"""The built site runs only its own scripts, carries no event handlers or script URLs, links only to
well-formed addresses, and makes no request to any other host — also when practices try to smuggle markup
in through their metadata or body (every fixture that `kennisbank check` accepts is built with the site)."""

from __future__ import annotations

import functools
import html
import html.parser
import json
import re
import urllib.parse
from pathlib import Path
from typing import Any
from urllib.parse import quote

import pytest
import yaml

from kennisbank.entry.build import build_site
from kennisbank.safety import material_inline_scripts, scan_page, url_scheme

from .conftest import FIXTURES, REPO, copy_project, repo_catalogue

HOSTILE = FIXTURES / "hostile" / "voorbeeldstad-vijandig-maar-geldig.md"
# Every fixture that `kennisbank check` accepts: the hostile ones, the valid ones, the catalogue's.
ACCEPTED = tuple(sorted(p for folder in ("hostile", "valid", "catalogue") for p in (FIXTURES / folder).glob("*.md")))
EMAIL_RE = re.compile(r"^[A-Za-z0-9._%+'-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}$")
HOST_RE = re.compile(r"^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*$")


@functools.cache
def site_config() -> Any:
    """mkdocs.yml as MkDocs reads it (with its !ENV defaults)."""
    from mkdocs.config import load_config

    return load_config(config_file=str(REPO / "mkdocs.yml"))


def site_path() -> str:
    return urllib.parse.urlsplit(site_config()["site_url"]).path


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The real site plus every fixture that `check` accepts (metadata and bodies full of markup), built strictly."""
    root = tmp_path_factory.mktemp("hostile")
    project = copy_project(root, ACCEPTED)
    build_site(project / "mkdocs.yml", root / "site")
    return root / "site"


INLINE_SCRIPTS = material_inline_scripts()


def script_allowed(page: Path, site: Path, attrs: dict[str, str], text: str) -> bool:
    """A script is the site's own if it is
    - Material's configuration: JSON data (type application/json), which browsers do not run;
    - a file of the built site itself below assets/ (Material's bundle, the site's own scripts), as a
      classic script or an ES module (the finder), with no attributes but ``src`` and ``type``;
    - one of the inline scripts Material's templates emit (see ``material_inline_scripts``)."""
    if attrs.get("type") == "application/json" and attrs.get("id") == "__config":
        json.loads(text)
        return True
    if "src" in attrs:
        if not set(attrs) <= {"src", "type"} or attrs.get("type", "module") != "module":
            return False
        src = attrs["src"].split("?")[0]
        if url_scheme(src) or src.startswith("//"):
            return False
        target = (site / src.removeprefix(site_path())) if src.startswith("/") else (page.parent / src)
        target = target.resolve()
        return target.is_file() and target.is_relative_to((site / "assets").resolve()) and not text.strip()
    return set(attrs) <= {"type"} and any(p.fullmatch(text) for p in INLINE_SCRIPTS)


class _Attributes(html.parser.HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.attributes: list[tuple[str, str, str]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.attributes += [(tag, name, value or "") for name, value in attrs]


class _Scripts(html.parser.HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[tuple[dict[str, str], str]] = []
        self._open: dict[str, str] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "script":
            self._open = {name: value or "" for name, value in attrs}
            self.found.append((self._open, ""))

    def handle_data(self, data: str) -> None:
        if self._open is not None:
            self.found[-1] = (self._open, self.found[-1][1] + data)

    def handle_endtag(self, tag: str) -> None:
        if tag == "script":
            self._open = None


def scripts(document: str) -> list[tuple[dict[str, str], str]]:
    parser = _Scripts()
    parser.feed(document)
    assert len(parser.found) == len(re.findall(r"<script\b", document, re.I))
    return parser.found


def attributes(document: str) -> list[tuple[str, str, str]]:
    parser = _Attributes()
    parser.feed(document)
    return parser.attributes


def html_pages(site: Path) -> list[Path]:
    pages = sorted(site.rglob("*.html"))
    assert len(pages) > 50
    return pages


@pytest.mark.slow
@pytest.mark.parametrize("which", ["built_site", "hostile_site"])
def test_only_own_scripts_no_handlers_no_script_urls(which: str, request: pytest.FixtureRequest) -> None:
    site: Path = request.getfixturevalue(which)
    for page in html_pages(site):
        document = page.read_text(encoding="utf-8")
        assert scan_page(document, page.relative_to(site).as_posix(), site_path()) == [], page
        # A second opinion from another parser: Python's, which keeps every attribute it reads.
        for attrs, text in scripts(document):
            assert script_allowed(page, site, attrs, text), (page, attrs, text[:200])
        for tag, name, value in attributes(document):
            assert not name.startswith("on"), (page, tag, name)
            assert url_scheme(value) not in ("javascript", "vbscript", "data"), (page, tag, name, value)


def test_the_script_allow_list_refuses_what_it_should(tmp_path: Path) -> None:
    site = tmp_path
    (site / "assets").mkdir()
    (site / "assets" / "eigen.js").write_text("")
    page = site / "index.html"
    assert script_allowed(page, site, {"src": "assets/eigen.js"}, "")
    assert not script_allowed(page, site, {"src": "assets/ander.js"}, "")
    assert not script_allowed(page, site, {"src": "https://cdn.example/x.js"}, "")
    assert not script_allowed(page, site, {"src": "//cdn.example/x.js"}, "")
    assert script_allowed(page, site, {"type": "module", "src": "assets/eigen.js"}, "")
    assert not script_allowed(page, site, {"type": "module", "src": "https://cdn.example/x.js"}, "")
    assert not script_allowed(page, site, {"type": "module", "src": "assets/ander.js"}, "")
    assert not script_allowed(page, site, {"type": "module"}, 'import "https://cdn.example/x.js";')
    assert not script_allowed(page, site, {"type": "text/plain", "src": "assets/eigen.js"}, "")
    assert not script_allowed(page, site, {"src": "assets/eigen.js", "integrity": "sha384-x"}, "")
    assert not script_allowed(page, site, {}, "alert(1)")
    material_script = next(p for p in INLINE_SCRIPTS if "__md_scope" in p.pattern)
    assert not material_script.fullmatch('__md_scope=new URL("x",location);alert(1)')


@pytest.mark.slow
def test_hostile_metadata_shows_as_text(hostile_site: Path) -> None:
    meta = yaml.safe_load(HOSTILE.read_text(encoding="utf-8").split("---\n")[1])
    page = hostile_site / "praktijkvoorbeelden" / HOSTILE.stem / "index.html"
    document = page.read_text(encoding="utf-8")
    text = html.unescape(re.sub(r"<[^>]+>", "", document))
    h1 = re.search(r"<h1[^>]*>(.*?)</h1>", document, re.S)
    assert h1 is not None
    assert html.unescape(re.sub(r"<[^>]+>", "", h1.group(1))).strip().removesuffix("¶") == meta["title"]
    title = re.search(r"<title>(.*?)</title>", document, re.S)
    assert title is not None and html.unescape(title.group(1)).startswith(meta["title"] + " - ")
    descriptions = [v for tag, name, v in attributes(document) if tag == "meta" and name == "content"]
    assert " ".join(meta["summary"].split()) in descriptions  # one attribute, the quotes inside it escaped
    for value in [
        meta["summary"],
        *meta["organisations"],
        meta["period"],
        *meta["key_figures"],
        meta["contacts"][0]["name"],
        meta["contacts"][0]["role"],
        meta["source"]["publisher"],
    ]:
        assert " ".join(value.split()) in " ".join(text.split()), value
    found = attributes(document)
    hrefs = {value for _tag, name, value in found if name == "href"}
    assert "mailto:o'neil@voorbeeld.example" in hrefs
    assert {"https://voorbeeld.example/bron", "https://voorbeeld.example/?q=a&b=c"} <= hrefs
    assert not any("evil.example" in value for _tag, name, value in found if name in ("href", "src"))
    assert "<img" not in document.split('class="md-content"', 1)[1]
    assert not any(name == "autofocus" for _tag, name, _value in found)


@pytest.mark.slow
def test_external_links_are_well_formed(built_site: Path) -> None:
    checked = 0
    for page in html_pages(built_site):
        for _tag, name, value in attributes(page.read_text(encoding="utf-8")):
            if name != "href":
                continue
            scheme = url_scheme(value)
            if scheme in ("http", "https"):
                parts = urllib.parse.urlsplit(value)
                assert parts.hostname and HOST_RE.match(parts.hostname), (page, value)
                assert not re.search(r"\s", value), (page, value)
                checked += 1
            elif scheme == "mailto":
                address = urllib.parse.unquote(value[len("mailto:") :].split("?")[0])
                assert EMAIL_RE.match(address), (page, value)
                checked += 1
            else:
                assert scheme == "", (page, value)
    assert checked > 100


@pytest.mark.slow
def test_no_fonts_analytics_or_embeds_from_elsewhere(built_site: Path) -> None:
    config = site_config()
    assert config["theme"]["font"] is False
    assert "analytics" not in config["extra"]
    for path in built_site.rglob("*"):
        if path.suffix in (".html", ".css", ".xml", ".json"):
            content = path.read_text(encoding="utf-8")
            for needle in ("fonts.googleapis", "fonts.gstatic", "googletagmanager", "google-analytics", "<iframe"):
                assert needle not in content, (path, needle)
            # Material's repository widget would ask api.github.com for stars and releases
            assert 'data-md-component="source"' not in content, path
    home = (built_site / "index.html").read_text(encoding="utf-8")
    assert f'href="{config["repo_url"]}"' in home  # the repository link itself stays


# --- the browser: every request of every kind of page stays on the site ---------------------------------

PAGE_KINDS = {
    "home": "",
    "theme": "themas/nazorg/",
    "target group": "doelgroepen/{target_group}/",
    "region": "regios/{region}/",
    "practice": "praktijkvoorbeelden/{slug}/",
    "contacts": "contacten/",
    "finder": "zoeken/",
    "print overview": "themas/nazorg/afdrukken/",
    "news": "nieuw/",
    "glossary": "begrippen/",
    "privacy": "privacy/",
    "404": "404.html",
}


@pytest.mark.browser
@pytest.mark.parametrize("kind", list(PAGE_KINDS))
def test_no_request_leaves_the_site(kind: str, page: object, site_url: str, built_site: Path) -> None:

    practice = repo_catalogue().practices[0]
    path = PAGE_KINDS[kind].format(target_group=practice.target_groups[0], region=practice.region, slug=practice.slug)
    assert (built_site / (path or "index.html")).exists() or (built_site / path / "index.html").exists(), path
    origin = site_url.rstrip("/")
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))  # type: ignore[attr-defined]
    page.goto(site_url + path, wait_until="networkidle")  # type: ignore[attr-defined]
    if kind in ("home", "finder"):
        # Searching from the header opens the finder, which fetches its data: that must be local too.
        page.fill("#kb-header-q", "nazorg vso")  # type: ignore[attr-defined]
        page.keyboard.press("Enter")  # type: ignore[attr-defined]
        page.wait_for_selector("#kb-finder[data-ready] .kb-result")  # type: ignore[attr-defined]
        page.fill("#kb-finder-q", "heftruck")  # type: ignore[attr-defined]
        page.wait_for_load_state("networkidle")  # type: ignore[attr-defined]
        assert any("/assets/finder/index-" in url for url in requests)
    assert requests, "the page made no requests at all: is the recording working?"
    elsewhere = [url for url in requests if not url.startswith((origin + "/", "data:", "blob:", "about:"))]
    assert not elsewhere, elsewhere
    # Material's script downloads the whole sitemap when a page has a link[rel=alternate] (a language
    # version, it assumes): 2 MB at 10,000 practices, on every page (overrides/main.html).
    assert not [url for url in requests if url.endswith("sitemap.xml")]


@pytest.mark.slow
def test_smuggled_body_html_shows_as_text(hostile_site: Path) -> None:
    page = hostile_site / "praktijkvoorbeelden" / "voorbeeldstad-html-langs-de-controle" / "index.html"
    document = page.read_text(encoding="utf-8")
    article = document.split('id="het-vraagstuk"', 1)[1].split("</article>", 1)[0]
    for tag in ("<script", "<svg", "<animate", "<form", "<video", "<image", "<img", "<iframe", "<input"):
        assert tag not in article, tag
    text = html.unescape(re.sub(r"<[^>]+>", "", article))
    assert '<script src="https://evil.example/x.js" src="../../assets/print.js"></script>' in text
    assert '<a href="https://voorbeeld.example/meer">https://voorbeeld.example/meer</a>' in article


@pytest.mark.browser
@pytest.mark.slow
def test_no_fixture_runs_script_or_reaches_another_host(browser: Any, hostile_site: Path) -> None:
    """Every page made from a fixture `check` accepts, in Chromium: only the site's own scripts load, no
    dialog opens (every payload calls alert), no element carries a handler or a script URL, and no request
    leaves the site — also after clicking every link-like element of the content that stays on the page."""
    from .conftest import serve_directory

    origin = serve_directory(hostile_site).rstrip("/")
    finder = "zoeken/?q=voorbeeldstad"  # the finder writes the hostile titles and summaries into its results
    # The selection copies the hostile practices' titles and print blocks into its page, and shows the title
    # that the shared link carries.
    selection = "selectie/?p=" + ",".join(p.stem for p in ACCEPTED) + "&t=" + quote("<img src=x onerror=alert(1)>")
    paths = [f"praktijkvoorbeelden/{p.stem}/" for p in ACCEPTED] + [
        "themas/nazorg/afdrukken/",
        "contacten/",
        "",
        finder,
        selection,
    ]
    context = browser.new_context(locale="nl-NL")
    page = context.new_page()
    requests: list[str] = []
    dialogs: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    try:
        for path in paths:
            page.goto(f"{origin}/{path}", wait_until="networkidle")
            if path == finder:
                page.wait_for_selector("#kb-finder[data-ready] .kb-result")
                results = page.inner_text("#kb-finder-results")
                assert "[klik](javascript:alert(1)) {: onclick=alert(1) }" in results, results
            sources = page.eval_on_selector_all("script", "els => els.map(e => e.src)")
            assert all(not s or s.startswith(f"{origin}/assets/") for s in sources), (path, sources)
            dangerous = page.evaluate(
                """() => [...document.querySelectorAll('*')].flatMap(e => [...e.attributes]
                    .filter(a => a.name.startsWith('on') || /^\\s*(javascript|data|vbscript):/i.test(a.value))
                    .map(a => e.tagName + ' ' + a.name + '=' + a.value))"""
            )
            assert dangerous == [], (path, dangerous)
            links = page.locator("article a:not([href]):visible, article a[href^='#']:visible")
            for index in range(links.count()):
                links.nth(index).click(timeout=2000, no_wait_after=True)
            page.wait_for_load_state("networkidle")
    finally:
        context.close()
    assert dialogs == []
    elsewhere = [url for url in requests if not url.startswith((origin + "/", "data:", "blob:", "about:"))]
    assert elsewhere == []
