"""No English reaches an editor: the output of `kennisbank --help` and every command's help, of check, build,
new and review (fine and failing), of wrong use, and of `make serve`, scanned for common English words.
Code names, paths, URLs and options may be English; sentences may not."""

from __future__ import annotations

import ast
import logging
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from kennisbank.entry import click_dutch
from kennisbank.entry.cli import cli
from kennisbank.entry.mkdocs_dutch import DutchFormatter, dutch, told_rebuilds

from .conftest import REPO, TODAY, copy_project
from .test_serve import fetch, free_port, site_path, wait_for

_WORDS = """the and not with usage options option show this message exit error errors warning warnings found file
files aborted building serving documentation missing invalid such try command commands value directory
following pages should must cannot does seconds built watching changes detected reloading browsers shutting
connected target contains left version required default"""
ENGLISH = frozenset(_WORDS.split())
"""Common English words of click's and MkDocs' messages; none is a Dutch word."""

_CODE = re.compile(
    r"\x1b\[[0-9;]*m"  # terminal colours
    r"|https?://\S+"  # URLs
    r"|\S*[/\\]\S*"  # paths
    r"|\S+\.(?:md|yml|json|html|py|pdf)\b"  # file names
    r"|--?[A-Za-z][\w-]*"  # options
    r"|\b\w+_\w+\b"  # field names (last_reviewed, site_url)
    r"|\[[a-z|]+\]"  # a choice of values: [text|github]
    r"|(?<=\d: )[\w.\[\]]+:"  # the field of a message 'path:line: field: ...' (file, body, contacts[1].name)
)
INVALID = REPO / "tests" / "fixtures" / "invalid"
BROKEN_THEME = ("themes: [", "themes: [nazrg, ")
SLUG = "arnhem-combinatiefunctionaris-arbeid"


def english(text: str) -> list[str]:
    """The English words in ``text``, apart from code names, paths, URLs and options."""
    return sorted({word for word in re.findall(r"[A-Za-z]+", _CODE.sub(" ", text)) if word.lower() in ENGLISH})


def invoke(args: list[str], input: str | None = None) -> str:
    result = CliRunner().invoke(cli, args, input=input, prog_name="kennisbank")
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result.output


def test_the_scanner_finds_english_and_allows_code() -> None:
    assert english("Usage: kennisbank check [OPTIONS]\nError: No such option '--bla'.") == [
        "Error",
        "OPTIONS",
        "Usage",
        "option",
        "such",
    ]
    assert english("Aborted with a BuildError!") == ["Aborted", "with"]
    assert english("practices/the-file.md:3: last_reviewed: zie https://example.org/the/error --show-error") == []


# --- click ------------------------------------------------------------------------------------------------


def _click_texts() -> set[str]:
    """Every text in click's source that passes through gettext (``_()`` and ``ngettext()``)."""
    texts: set[str] = set()
    root = Path(click.__file__).parent
    for name in click_dutch.CLICK_MODULES:
        for node in ast.walk(ast.parse((root / f"{name}.py").read_text(encoding="utf-8"))):
            called = (
                isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in ("_", "ngettext")
            )
            if called and node.args and isinstance(node.args[0], ast.Constant) and isinstance(node.args[0].value, str):
                texts.add(node.args[0].value)
    return texts


def test_every_text_of_click_has_dutch_or_is_for_programmers_only() -> None:
    texts = _click_texts()
    assert "Show this message and exit." in texts and "No such option {name!r}." in texts  # the scan works
    known = set(click_dutch.DUTCH) | set(click_dutch.DUTCH_PLURAL) | click_dutch.PROGRAMMER_TEXTS
    assert sorted(texts - known) == []


def test_the_dutch_keeps_every_placeholder_of_click() -> None:
    fields = re.compile(r"\{(\w+)[^}]*\}|%\((\w+)\)s")
    for english_text, dutch_text in click_dutch.DUTCH.items():
        assert set(fields.findall(dutch_text)) <= set(fields.findall(english_text)), english_text
    for singular, (one, many) in click_dutch.DUTCH_PLURAL.items():
        assert set(fields.findall(one)) <= set(fields.findall(singular)), singular
        assert "{" in many or "{" not in singular, singular


COMMANDS = sorted(cli.commands)


@pytest.mark.parametrize("args", [["--help"], ["--version"], *[[name, "--help"] for name in COMMANDS]])
def test_help_is_dutch(args: list[str]) -> None:
    output = invoke(args)
    assert output.strip() and english(output) == [], output
    if args == ["--help"]:
        assert output.startswith("Gebruik: kennisbank [OPTIES] OPDRACHT [ARGUMENTEN]...")
        assert "Opties:" in output and "Opdrachten:" in output and "Toon deze hulp en stop." in output


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["check", "--bla"], "Hulp: 'kennisbank check --help'.\n\nFout: Onbekende optie '--bla'."),
        (["chek"], "Fout: Onbekende opdracht 'chek'. (Bedoelde je een van: 'check', 'schema'?)"),
        (["search"], "Fout: Ontbrekend argument 'ZOEKTERMEN'."),
        (["review", "--months", "x"], "Fout: Ongeldige waarde voor '--months': 'x' is geen getal."),
        (["check", "--format", "x"], "Fout: Ongeldige waarde voor '--format': 'x' is niet een van 'text', 'github'."),
        (["check", "--today", "13-13-2026"], "Fout: Ongeldige waarde voor '--today': '13-13-2026' past niet bij"),
        (["review", "--today"], "Fout: Optie '--today' heeft een waarde nodig."),
        (["check", "a", "--format", "text", "b", "--format"], "Fout: Optie '--format' heeft een waarde nodig."),
        (["schema", "extra"], "Fout: Onverwacht extra argument (extra)"),
    ],
)
def test_wrong_use_is_told_in_dutch(args: list[str], expected: str) -> None:
    result = CliRunner().invoke(cli, args, prog_name="kennisbank")
    assert result.exit_code == 2
    assert expected in result.output, result.output
    assert english(result.output) == [], result.output


def test_an_interrupted_question_says_so_in_dutch(tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["new", "--practices-dir", str(tmp_path)], input="")  # end of input: ^D
    assert result.exit_code == 1
    assert "Afgebroken." in result.output.splitlines(), result.output
    assert english(result.output) == []


# --- the editors' commands on a project -------------------------------------------------------------------


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    (tmp_path / "project").mkdir()
    copy = copy_project(tmp_path / "project")
    monkeypatch.chdir(copy)
    return copy


def test_check_review_new_search_and_schema_are_dutch(project: Path) -> None:
    today = TODAY.isoformat()
    clean = invoke(["check", "--today", today])
    assert "alles in orde" in clean
    found = invoke(["search", "jongeren", "--limit", "2"])
    assert "resultaten voor 'jongeren'" in found
    schema = invoke(["schema", "--check"])
    for path in sorted(INVALID.glob("*-*.md")):  # not "Capitals And Spaces.md", whose name is English
        shutil.copy(path, project / "practices" / path.name)
    failing = invoke(["check", "--today", today])
    assert "fout" in failing and len(failing.splitlines()) > 20
    reviewed = invoke(["review", "--today", "2031-01-01"])
    assert "Niet gecontroleerd sinds" in reviewed
    answers = "\n".join(["Voorbeeldstad: jobcoach na school", "atlantis", "twente", "nazorg", "vso", ""])
    created = invoke(["new", "--today", today], input=answers)
    assert "Nieuw praktijkvoorbeeld: " in created and "probeer het nog eens" in created
    for output in (clean, failing, reviewed, created, found, schema):
        assert english(output) == [], output


# --- MkDocs' terminal ------------------------------------------------------------------------------------


def test_mkdocs_messages_in_dutch_and_chatter_dropped() -> None:
    assert dutch("Building documentation...") is None
    assert dutch("[10:02:03] Reloading browsers") is None
    assert dutch("[10:02:03] Serving on http://127.0.0.1:8000/") == (
        "[10:02:03] De site is te zien op http://127.0.0.1:8000/ (stop: Ctrl+C)"
    )
    link = "Doc file 'over.md' contains a link 'nergens.md', but the target is not found among documentation files."
    assert dutch(link) == (
        "docs/over.md: de link 'nergens.md' wijst naar een bestand dat niet in docs/ staat; verbeter het pad."
    )
    assert dutch(link.replace("files.", "files. Did you mean 'over.md'?")) == (
        "docs/over.md: de link 'nergens.md' wijst naar een bestand dat niet in docs/ staat; verbeter het pad. "
        "Bedoelde je 'over.md'?"
    )
    assert dutch("Aborted with a BuildError!") == "Bouwen gestopt door de fout hierboven."
    assert dutch("Config value 'site_nam': Unrecognised configuration name: site_nam") == (
        "mkdocs.yml: site_nam: onbekende instelling; controleer de spelling."
    )
    assert dutch("Config value 'site_name': Required configuration not provided.") == (
        "mkdocs.yml: site_name: deze instelling ontbreekt."
    )
    assert dutch("Something MkDocs has not said before") == "Something MkDocs has not said before"  # still shown


def _build(project: Path) -> subprocess.CompletedProcess[str]:
    kennisbank = Path(sys.executable).parent / "kennisbank"
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    return subprocess.run([kennisbank, "build"], cwd=project, capture_output=True, text=True, env=env, check=False)


@pytest.mark.slow
def test_build_fine_and_failing_is_dutch(tmp_path: Path) -> None:
    copy = copy_project(tmp_path)
    fine = _build(copy)
    assert fine.returncode == 0, fine.stderr
    practice = copy / "practices" / f"{SLUG}.md"
    good = practice.read_text(encoding="utf-8")
    practice.write_text(good.replace(*BROKEN_THEME, 1), encoding="utf-8")
    broken_practice = _build(copy)
    assert broken_practice.returncode == 1
    assert "Bouwen gestopt door de fout hierboven." in broken_practice.stderr
    practice.write_text(good, encoding="utf-8")
    with (copy / "docs" / "over.md").open("a", encoding="utf-8") as page:
        page.write("\n[kapot](nergens.md)\n")
    broken_link = _build(copy)
    assert broken_link.returncode == 1
    assert "docs/over.md: de link 'nergens.md' wijst naar een bestand dat niet in docs/ staat" in broken_link.stderr
    for result in (fine, broken_practice, broken_link):
        output = result.stdout + result.stderr
        assert "Traceback" not in output
        assert english(output) == [], output


_MAKE_ENV = {key: value for key, value in os.environ.items() if key not in ("NO_MKDOCS_2_WARNING", "MAKEFLAGS")}


# make's own lines: "make: *** ...", or "make[1]: *** ..." when the tests themselves run under make (make test).
MAKE_OWN = re.compile(r"make(\[\d+\])?: ")


def _default_sigint() -> None:
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def _make_project(tmp_path: Path) -> Path:
    """A copy of the project in which `make serve` runs with the repository's .venv."""
    (tmp_path / "project").mkdir()
    copy = copy_project(tmp_path / "project")
    for name in ("Makefile", "requirements.lock", "pyproject.toml"):
        shutil.copy2(REPO / name, copy / name)
        os.utime(copy / name, (0, 0))  # older than the stamp below, so make installs nothing
    # The copy's .venv is the real one's parts with a stamp of its own (the real one may have none): make
    # never installs anything, so the real .venv is never re-pointed at this temporary copy.
    (copy / ".venv").mkdir()
    for part in (REPO / ".venv").iterdir():
        if part.name != ".installed":
            (copy / ".venv" / part.name).symlink_to(part)
    (copy / ".venv" / ".installed").touch()
    (copy / "scripts" / "kennisbank" / "__init__.py").touch()  # --watch scripts/kennisbank
    return copy


def test_make_serve_on_a_port_in_use_says_so_in_dutch(tmp_path: Path) -> None:
    copy = _make_project(tmp_path)
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = subprocess.run(
            ["make", "--no-print-directory", "serve", f"PORT={port}"],
            cwd=copy,
            capture_output=True,
            text=True,
            env=_MAKE_ENV,
            timeout=120,
            check=False,
        )
    assert result.returncode != 0
    ours = [line for line in (result.stdout + result.stderr).splitlines() if line and not MAKE_OWN.match(line)]
    assert ours == [
        f"Poort {port} is al in gebruik: draait make serve al in een andere terminal? Stop die met Ctrl+C, "
        "of kies een andere poort: make serve PORT=8001"
    ]


@pytest.mark.slow
def test_make_serve_shows_only_dutch_and_real_problems(tmp_path: Path) -> None:
    """`make serve` in a copy of the project: the practice's error and the broken link of a docs page, the
    address, and nothing else (no list of pages outside the menu, no MkDocs chatter)."""
    copy = _make_project(tmp_path)
    source = copy / "practices" / f"{SLUG}.md"
    source.write_text(source.read_text(encoding="utf-8").replace(*BROKEN_THEME, 1), encoding="utf-8")
    with (copy / "docs" / "over.md").open("a", encoding="utf-8") as page:
        page.write("\n[kapot](nergens.md)\n")
    port = free_port()
    log = tmp_path / "serve.log"
    with log.open("w") as out:
        process = subprocess.Popen(
            ["make", "--no-print-directory", "serve", f"PORT={port}"],
            cwd=copy,
            stdout=out,
            stderr=subprocess.STDOUT,
            env=_MAKE_ENV,
            start_new_session=True,  # make and mkdocs in a group of their own, stopped together
            # Ctrl+C as in a terminal: a test run started in the background by a shell without job control
            # ignores SIGINT, and its children would inherit that.
            preexec_fn=_default_sigint,
        )
    base = f"http://127.0.0.1:{port}{site_path(copy)}"
    try:
        wait_for("the first build to be served", lambda: process.poll() is None and fetch(base) is not None, 90)
        wait_for("the address in the terminal", lambda: "De site is te zien op" in log.read_text(), 30)
    finally:
        os.killpg(process.pid, signal.SIGINT)  # as Ctrl+C in the terminal
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait(timeout=15)
    # make's own line on Ctrl+C ("make: *** [Makefile:18: serve] Interrupt") is make's, not the project's.
    lines = [line for line in log.read_text().splitlines() if line.strip() and not MAKE_OWN.match(line)]
    assert lines[-1] == "Gestopt.", (process.returncode, log.read_text()[-3000:])
    assert f"practices/{SLUG}.md:13: themes: onbekend thema 'nazrg' — bedoelde je 'nazorg'?" in lines, lines
    assert any("docs/over.md: de link 'nergens.md'" in line for line in lines), lines
    assert any(f"De site is te zien op http://127.0.0.1:{port}/" in line for line in lines), lines
    assert len(lines) == 5, lines  # the two problems, "Site gebouwd (... s)", the address, "Gestopt."
    assert english("\n".join(lines)) == [], lines


def test_the_terminal_formatter_labels_mkdocs_and_leaves_the_hook_alone() -> None:
    formatter = DutchFormatter()

    def record(name: str, level: int, message: str) -> logging.LogRecord:
        return logging.LogRecord(name, level, __file__, 1, message, None, None)

    link = "Doc file 'over.md' contains a link 'x.md', but the target is not found among documentation files."
    assert formatter.format(record("mkdocs.structure.pages", logging.WARNING, link)).startswith(
        "let op: docs/over.md: de link 'x.md'"
    )
    problem = "practices/x.md:3: themes: onbekend thema 'nazrg'"
    assert formatter.format(record("mkdocs.hooks.kennisbank", logging.WARNING, problem)) == problem
    assert formatter.format(record("mkdocs.commands.build", logging.ERROR, "Iets nieuws")) == "fout: Iets nieuws"


def _menu(items: object) -> list[str]:
    """The page paths of a MkDocs nav: strings, or lists and mappings of them."""
    if isinstance(items, str):
        return [items]
    values = items.values() if isinstance(items, dict) else items if isinstance(items, list) else []
    return [path for value in values for path in _menu(value)]


def test_not_in_nav_covers_every_generated_page_and_no_page_of_docs() -> None:
    """MkDocs lists the pages outside the menu on every build; the generated ones are meant to be (not_in_nav),
    a page an editor adds to docs/ and forgets in the menu is still listed."""
    from mkdocs.config import load_config

    from kennisbank.pages import Site
    from kennisbank.site import build_content

    config = load_config(config_file=str(REPO / "mkdocs.yml"))
    spec = config.not_in_nav
    content = build_content(Site(url="/", intros={}), REPO / "practices", today=TODAY)
    generated = [output.src_uri for output in content.outputs if output.src_uri.endswith(".md")]
    written = [path.relative_to(REPO / "docs").as_posix() for path in (REPO / "docs").rglob("*.md")]
    assert len(generated) > 100 and written
    in_menu = set(_menu(config.nav))
    assert "themas/index.md" in in_menu
    assert [uri for uri in generated if uri not in in_menu and not spec.match_file(uri)] == []
    assert [uri for uri in written if spec.match_file(uri)] == []
    assert not spec.match_file("nieuwe-pagina.md") and not spec.match_file("handvatten/nieuw.md")


def test_a_failed_rebuild_while_serving_is_told_in_dutch_and_the_server_goes_on(
    caplog: pytest.LogCaptureFixture,
) -> None:
    from mkdocs.exceptions import Abort, MkDocsException

    def broken() -> None:
        raise Abort("Aborted with a configuration error!")

    assert told_rebuilds(broken, MkDocsException)() is None
    assert caplog.messages == [
        "Bouwen gestopt: mkdocs.yml klopt niet (zie hierboven). De browser toont de vorige versie tot de fout is "
        "opgelost."
    ]

    def faulty() -> None:
        raise KeyError("nazorg")

    with pytest.raises(KeyError):  # a fault in the program still shows its traceback
        told_rebuilds(faulty, MkDocsException)()
