"""The guard on the built site: a withdrawn contact's name, address or number in any written file fails the
build, at the practice file that put it there (or the contact's own entry), whatever hides it in the file."""

from __future__ import annotations

import gzip
import json
import re
from pathlib import Path

import pytest

from kennisbank import catalogue, leaks
from kennisbank.entry.build import BuildFailed, build_site
from kennisbank.errors import display_path
from kennisbank.leaks import site_leaks, visible_text
from kennisbank.pipeline import run
from kennisbank.validation.mentions import Matcher, Person

from .conftest import FIXTURES, TODAY, copy_project, repo_vocabularies

JOBCOACH = FIXTURES / "catalogue" / "voorbeeldstad-jobcoach-na-school.md"  # withdraws 'Teruggetrokken Persoon'
CIRCLES = FIXTURES / "catalogue" / "landelijk-leercirkels.md"
PERSON = Person("Jan Jansen", "jan.jansen@voorbeeld.nl", "030 123 45 67")


@pytest.mark.parametrize(
    "written",
    [
        "<p>Jan <b>Jansen</b></p>",
        "<p>Jan Jan<wbr>sen</p>",
        "<P>Jan Jan<B>sen</B></P>",
        '<p>Jan <span class="x">Jan</span><em>sen</em></p>',
        "<li>Jan</li><li>Jansen</li>",  # two cells or items read as two words (a tag there is a space)
        '<a title="Jan Jansen" href="/">x</a>',
        "<a title='Jan&#32;Jansen'>x</a>",
        '<meta name="description" content="Met Jan&nbsp;Jansen">',
        '<a href="mailto:jan.jansen@voorbeeld.nl">mail</a>',
        '<a href="mailto:JAN.JANSEN%40voorbeeld.nl">mail</a>',
        '<a href="tel:+31301234567">bel</a>',
        '<a href="/team/Jan%20Jansen/">team</a>',
        '<a href="/team/Jan+Jansen/">team</a>',
        '<p>Zie <span title="Jan%20Jansen">het team</span></p>',  # an inline tag's attributes are kept too
        "<p>x</p title='Jan Jansen'>",  # and those of an end tag, though a browser ignores them
        "<p>J&aacute;n Jan&shy;sen</p>",
        '{"naam": "J\\u00e1n Jansen"}',
        '{"naam": "Jan\\nJansen"}',
        '{"html": "Jan \\u003cb\\u003eJansen\\u003c/b\\u003e"}',
        "<description>Jan &lt;b&gt;Jansen&lt;/b&gt;</description>",
        "naam,telefoon\nJan Jansen,030-1234567\n",
        "<!-- Jan Jansen -->",
        "<script>var naam = 'Jan Jansen';</script>",
    ],
)
def test_what_a_built_file_hides_is_found(written: str) -> None:
    assert Matcher([PERSON]).mentions(visible_text(written)), visible_text(written)


@pytest.mark.parametrize(
    "written",
    [
        "<p>Jan <b>Janssen</b></p>",
        '<p class="jan jansens">Kan Jansen</p>',  # the class is kept, but holds no name
        '<a href="mailto:x.jan.jansen@voorbeeld.nl">',
        "<p>Tel. 030 123 45 678</p>",
    ],
)
def test_what_is_not_a_mention_is_not_found(written: str) -> None:
    assert Matcher([PERSON]).mentions(visible_text(written)) == []


def test_every_text_file_is_read_and_binary_files_are_not(tmp_path: Path) -> None:
    site = tmp_path / "site"
    (site / "a").mkdir(parents=True)
    (site / "a" / "index.html").write_text("<p>Niets</p>", encoding="utf-8")
    (site / "sitemap.xml.gz").write_bytes(gzip.compress(b"<loc>weg@debrug.example</loc>"))
    (site / "data.json").write_text(json.dumps({"x": "Teruggetrokken Persoon"}), encoding="utf-8")
    (site / "logo.png").write_bytes(b"\x89PNG\r\n\x00Teruggetrokken Persoon")
    (site / "font.bin").write_bytes(b"\x00\x01Teruggetrokken Persoon")
    practices = run([JOBCOACH], repo_vocabularies(), today=TODAY).practices
    assert [str(p) for p in site_leaks(site, practices)] == [
        f"{display_path(JOBCOACH)}:23: contacts[2]: '{shown}' is hier teruggetrokken, maar de gebouwde site noemt "
        f"het nog in {where}; het komt niet uit een praktijkvoorbeeld: zoek het in de pagina's in docs/ en de "
        "lijsten in practices/vocabularies/ en haal het daar weg"
        for shown, where in (("weg@debrug.example", "sitemap.xml.gz"), ("Teruggetrokken Persoon", "data.json"))
    ]


def test_the_message_names_the_practice_whose_text_mentions_the_person(tmp_path: Path) -> None:
    folder = tmp_path / "practices"
    folder.mkdir()
    (folder / JOBCOACH.name).write_text(JOBCOACH.read_text(encoding="utf-8"), encoding="utf-8")
    circles = folder / CIRCLES.name
    circles.write_text(
        CIRCLES.read_text(encoding="utf-8").replace(
            "  title: Testnieuws\n", "  title: Testnieuws\n  publisher: Teruggetrokken Persoon en X\n"
        ),
        encoding="utf-8",
    )
    state = run([folder], repo_vocabularies(), today=TODAY)
    assert [p.field for p in state.errors] == ["source.publisher"]  # the check on the input finds it too
    site = tmp_path / "site"
    (site / "leercirkels").mkdir(parents=True)
    (site / "leercirkels" / "index.html").write_text("<p>Uitgever: Teruggetrokken <b>Persoon</b></p>", "utf-8")
    (site / "catalogus.csv").write_text("uitgever\nTeruggetrokken Persoon en X\n", encoding="utf-8")
    line = next(n for n, text in enumerate(circles.read_text("utf-8").split("\n"), 1) if "publisher:" in text)
    assert [str(p) for p in site_leaks(site, state.practices)] == [
        f"{display_path(circles)}:{line}: source.publisher: noemt 'Teruggetrokken Persoon', en dat staat daardoor "
        "in de gebouwde site (catalogus.csv en 1 andere bestand(en)), maar die contactpersoon is teruggetrokken in "
        f"{display_path(folder / JOBCOACH.name)}; haal de naam weg of schrijf de functie of organisatie"
    ]


def test_nothing_is_read_when_nobody_is_withdrawn(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "index.html").write_text("<p>Teruggetrokken Persoon</p>", encoding="utf-8")
    monkeypatch.setattr(leaks, "readable_text", lambda path: pytest.fail(f"read {path}"))
    assert site_leaks(tmp_path, run([CIRCLES], repo_vocabularies(), today=TODAY).practices) == []


def test_a_page_the_guard_read_as_it_was_written_is_not_read_again_while_it_has_that_size(tmp_path: Path) -> None:
    practices = run([JOBCOACH], repo_vocabularies(), today=TODAY).practices
    guard = leaks.PageGuard(practices)
    site = tmp_path / "site"
    (site / "a").mkdir(parents=True)
    clean, naming = "<p>Niets hier</p>", "<p>Teruggetrokken <b>Persoon</b></p>"
    guard.look("a/index.html", clean)
    guard.look("b.html", naming)  # names someone: left to site_leaks, which says who and where
    assert guard.read == {"a/index.html": len(clean.encode())}
    (site / "a" / "index.html").write_text(clean, encoding="utf-8")
    (site / "b.html").write_text(naming, encoding="utf-8")
    read: list[str] = []
    original = leaks.readable_text

    def reading(path: Path, twins: object = ()) -> str | None:
        read.append(path.relative_to(site).as_posix())
        return original(path)

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(leaks, "readable_text", reading)
        assert [p.field for p in site_leaks(site, practices, guard=guard)] == ["contacts[2]"]
        assert read == ["b.html"]
        # Changed after it was written (another size): read again, and what it now says is found.
        (site / "a" / "index.html").write_text(clean + "<p>Teruggetrokken Persoon</p>", encoding="utf-8")
        read.clear()
        assert len(site_leaks(site, practices, guard=guard)) == 1
        assert sorted(read) == ["a/index.html", "b.html"]


def test_the_guard_on_pages_reads_them_by_the_rule_of_the_whole_site() -> None:
    guard = leaks.PageGuard([])  # nobody withdrawn: nothing to look for, nothing noted
    guard.look("a.html", "<p>x</p>")
    assert guard.read == {}
    guard = leaks.PageGuard(run([JOBCOACH], repo_vocabularies(), today=TODAY).practices)
    for written in (
        "<p>Teruggetrokken <b>Per</b>soon</p>",
        "<a title='Teruggetrokken&#32;Persoon'>x</a>",
        "<p>weg@debrug.example</p>",
    ):
        guard.look("p.html", written)
        assert guard.read == {}, written
    guard.look("p.html", "<p>Teruggetrokken Personen</p>")
    assert list(guard.read) == ["p.html"]


@pytest.mark.slow
def test_a_leak_the_input_checks_miss_fails_the_build_and_keeps_the_old_site(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "project").mkdir()
    project = copy_project(tmp_path / "project", (JOBCOACH,))
    site = tmp_path / "site"
    build_site(project / "mkdocs.yml", site)
    before = sorted(p.relative_to(site) for p in site.rglob("*"))

    # A handwritten page that names the person: no check on the input reads those pages.
    about = project / "docs" / "over.md"
    original = about.read_text(encoding="utf-8")
    about.write_text(original + "\nMet dank aan Teruggetrokken\nPersoon.\n", encoding="utf-8")
    with pytest.raises(BuildFailed) as failure:
        build_site(project / "mkdocs.yml", site)
    practice = display_path(project / "practices" / JOBCOACH.name)
    assert (
        f"{practice}:23: contacts[2]: 'Teruggetrokken Persoon' is hier teruggetrokken, maar de gebouwde site noemt "
        "het nog in over/index.html; het komt niet uit een praktijkvoorbeeld: zoek het in de pagina's in docs/ en "
        "de lijsten in practices/vocabularies/ en haal het daar weg"
    ) in str(failure.value).splitlines()
    assert sorted(p.relative_to(site) for p in site.rglob("*")) == before  # the previous site stays

    # Another practice's summary names the person, and the checks on the input are switched off.
    about.write_text(original, encoding="utf-8")
    monkeypatch.setattr(catalogue, "withdrawn_elsewhere", lambda practices: [])
    circles = project / "practices" / CIRCLES.name
    circles.write_text(
        CIRCLES.read_text(encoding="utf-8").replace("summary: ", "summary: Met Teruggetrokken&#32;Persoon. "),
        encoding="utf-8",
    )
    with pytest.raises(BuildFailed) as failure:
        build_site(project / "mkdocs.yml", site)
    # The summary stands on the practice's page, the overviews, the print pages, the finder's data and the
    # catalogue export: the message names the first of them and counts the others.
    first, *_ = str(failure.value).splitlines()
    assert re.fullmatch(
        re.escape(f"{display_path(circles)}:3: summary: noemt 'Teruggetrokken Persoon', en dat staat daardoor in ")
        + r"de gebouwde site \(assets/finder/\S+\.json en \d+ andere bestand\(en\)\), maar die contactpersoon is "
        + re.escape(f"teruggetrokken in {practice}; haal de naam weg of schrijf de functie of organisatie"),
        first,
    ), first
    assert sorted(p.relative_to(site) for p in site.rglob("*")) == before


def test_files_copied_unchanged_from_the_installed_theme_are_not_read(tmp_path: Path) -> None:
    site, theme, project = tmp_path / "site", tmp_path / "theme", tmp_path / "project"
    for folder in (site / "assets", theme / "assets", project / "overrides" / "assets"):
        folder.mkdir(parents=True)
    for name, content in (("same.js", "x = 'Teruggetrokken Persoon'"), ("changed.js", "x = 1")):
        (theme / "assets" / name).write_text(content, encoding="utf-8")
        (project / "overrides" / "assets" / name).write_text(content, encoding="utf-8")
    (site / "assets" / "same.js").write_text("x = 'Teruggetrokken Persoon'", encoding="utf-8")
    (site / "assets" / "changed.js").write_text("x = 'Teruggetrokken Persoon'", encoding="utf-8")
    # The project's own overrides/ are content: a copy from there is read like any other file.
    packaged = leaks.packaged_theme_dirs([str(project / "overrides"), str(theme)], project)
    assert packaged == [theme]
    practices = run([JOBCOACH], repo_vocabularies(), today=TODAY).practices
    assert [p.message.split("noemt het nog in ")[1].split(";")[0] for p in site_leaks(site, practices, packaged)] == [
        "assets/changed.js"
    ]
