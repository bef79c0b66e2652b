"""Limits before the expensive parts, and every entry of a practices folder accounted for.

Front matter: its size and how deeply it nests are checked before libyaml reads it (libyaml's composer
crashed the process on 40,000 levels). Files: a practice under a wrong name, or in a subfolder, is
reported instead of left out. Titles: two titles that read the same are the same.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

from kennisbank import fastyaml, load, yamllimits
from kennisbank.catalogue import title_key
from kennisbank.entry.cli import cli
from kennisbank.load import YamlProblem, parse_yaml
from kennisbank.schema import MAX_FRONT_MATTER_CHARS, MAX_NESTING

from .conftest import FIXTURES, REPO, TODAY

MINIMAL = (FIXTURES / "valid" / "minimal.md").read_text(encoding="utf-8")
HEAD, BODY = MINIMAL.split("---\n", 2)[1], MINIMAL.split("---\n", 2)[2]


def run_check(*args: str) -> tuple[int, str]:
    """`kennisbank check` with the repository's vocabularies, wherever the test stands (tmp_path too)."""
    result = CliRunner().invoke(cli, ["--project", str(REPO), "check", "--today", TODAY.isoformat(), *args])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result.exit_code, result.output


def practice(extra_front: str = "") -> str:
    return f"---\n{HEAD}{extra_front}---\n{BODY}"


# --- front matter -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("deep", "line"),
    [
        ("key_figures: " + "[" * 20_000 + "]" * 20_000 + "\n", 13),
        ("key_figures:\n" + "- " * 20_000 + "x\n", 14),
        ("key_figures: " + "{a: " * 12_000 + "x" + "}" * 12_000 + "\n", 13),
        ("key_figures: " + "[" * 40_000 + "]" * 40_000 + "\n", 13),  # over the size limit too
    ],
    ids=["flow", "block", "mapping", "forty-thousand"],
)
def test_deep_nesting_is_a_message_not_a_crash(tmp_path: Path, deep: str, line: int) -> None:
    """In a process of its own: on the old code, libyaml's composer ended the process (SIGSEGV)."""
    path = tmp_path / "diep.md"
    path.write_text(practice(deep), encoding="utf-8")
    kennisbank = str(Path(sys.executable).with_name("kennisbank"))
    result = subprocess.run(
        [kennisbank, "--project", str(REPO), "check", "--today", TODAY.isoformat(), path.name],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 1, (result.returncode, result.stderr[-2000:])
    assert "Traceback" not in result.stderr
    first = result.stdout.splitlines()[0]
    assert first.startswith(f"diep.md:{line}: front matter: "), first
    assert "niveaus diep" in first or "tekens lang" in first


def test_front_matter_too_long(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    front = f"{HEAD}period: {'x' * MAX_FRONT_MATTER_CHARS}\n"
    (tmp_path / "lang.md").write_text(f"---\n{front}---\n{BODY}", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    code, output = run_check("lang.md")
    size = f"{len(front) - 1:,}".replace(",", ".")  # the front matter without the newline before '---'
    assert (code, output) == (
        1,
        f"lang.md:13: front matter: is {size} tekens lang; de front matter is hoogstens 50.000 tekens "
        "(zet lange tekst onder de front matter, in de hoofdtekst)\n1 bestand gecontroleerd: 1 fout.\n",
    )


@pytest.mark.parametrize(
    ("text", "line", "field"),
    [
        ("a: " + "[" * (MAX_NESTING - 1) + "]" * (MAX_NESTING - 1), None, ""),  # exactly the limit
        ("a: " + "[" * MAX_NESTING + "]" * MAX_NESTING, 0, "a"),
        ("- " * MAX_NESTING + "x", None, ""),
        ("- " * (MAX_NESTING + 1) + "x", 0, ""),
        ("a:\n  b:\n    - c:\n      - " + "[" * (MAX_NESTING - 5) + "]" * (MAX_NESTING - 5), None, ""),
        ("a:\n  b:\n    - c:\n      - " + "[" * (MAX_NESTING - 4) + "]" * (MAX_NESTING - 4), 3, "a"),
        ("x: 1\n? [a, b]\n: " + "[" * MAX_NESTING + "]" * MAX_NESTING, 2, ""),  # a list as field name
        ("'[[[[[[[[[[[[[[[[[[[[[[': x\ny: '" + "{" * 50 + "'", None, ""),  # brackets in text only
        ("a: b: c\n" + "- " * 30 + "x", None, ""),  # no YAML: the loaders say why
        ("a:\n" + "".join("  " * i + f"k{i}:\n" for i in range(1, 25)), 20, "a"),
    ],
)
def test_nesting_depth_is_measured_exactly(text: str, line: int | None, field: str) -> None:
    found = yamllimits.too_deep(text)
    assert found == (None if line is None else (line, field))


def test_the_cheap_bound_holds_for_the_real_practices() -> None:
    """Ordinary front matter never pays for the exact measurement."""
    for path in sorted((REPO / "practices").glob("*.md")):
        front = path.read_text(encoding="utf-8").split("---\n", 2)[1]
        assert yamllimits._within_cheap_bound(front), path.name


@pytest.mark.parametrize(
    "text",
    [
        "- " * 30 + "x",
        "a: " + "[" * 30 + "]" * 30,
        "a:\n" + "".join(" " * i + f"k{i}:\n" for i in range(1, 40)),
        "a:\r" + "- " * 25 + "x",  # a carriage return breaks the line for YAML
        "a:\u2028" + "- " * 25 + "x",  # and so does a line separator
        "a:\n\ufeff" + "- " * 25 + "x",  # libyaml skips a byte-order mark at the start of any line
    ],
)
def test_the_cheap_bound_is_conservative(text: str) -> None:
    assert max_depth(text) > MAX_NESTING
    assert not yamllimits._within_cheap_bound(text)


@settings(max_examples=500, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            ["- ", "-", "? ", ": ", "a: ", "a:", "[", "]", "{", "}", ", ", " ", "  ", "\t", "\n", "x", "\ufeff"]
        ),
        max_size=120,
    )
)
def test_the_cheap_bound_never_passes_text_that_nests_too_deeply(pieces: list[str]) -> None:
    text = "".join(pieces)
    if max_depth(text) > MAX_NESTING:
        assert not yamllimits._within_cheap_bound(text), text


def max_depth(text: str) -> int:
    depth = deepest = 0
    try:
        for event in yaml.parse(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # as libyaml reads
            if isinstance(event, yaml.CollectionStartEvent):
                depth += 1
                deepest = max(deepest, depth)
            elif isinstance(event, yaml.CollectionEndEvent):
                depth -= 1
    except yaml.YAMLError:
        pass
    return deepest


def test_both_ways_of_reading_refuse_the_same_deep_text(monkeypatch: pytest.MonkeyPatch) -> None:
    text = "title: x\nkey_figures: " + "[" * 25 + "]" * 25 + "\n"
    assert fastyaml.parse(text, 2) is None  # direct callers (the vocabularies) never hand it to libyaml
    with pytest.raises(YamlProblem) as fast:
        parse_yaml(text, 2)
    monkeypatch.setattr(fastyaml, "parse_within_limits", lambda text, first_line: None)
    with pytest.raises(YamlProblem) as slow:
        parse_yaml(text, 2)
    assert (fast.value.line, fast.value.message) == (slow.value.line, slow.value.message)
    assert fast.value.line == 3


@pytest.mark.parametrize(
    "key",
    ["title", "Titel", '"thema\'s"', "e-mail", "_x", "a.b", "x" * 60, "x" * 61, "1a", "a b", '"a\\nb"', '"a:"', "ü"],
)
def test_fast_and_slow_yaml_accept_the_same_field_names(key: str) -> None:
    """One definition of a field name (fastyaml.FIELD_NAME_RE): what the fast way reads, the slow way
    reads the same; what the slow way refuses, the fast way leaves to it."""
    text = f"{key}: waarde\n" if key.startswith('"') else f"'{key}': waarde\n"
    fast = fastyaml.parse(text, 2)
    try:
        slow: object = load._parse_slow(text, 2)
    except YamlProblem as exc:
        slow = exc.message
    name = next(iter(yaml.safe_load(text)))
    if fastyaml.FIELD_NAME_RE.match(name):
        assert fast is not None and fast == slow
    else:
        assert fast is None
        assert isinstance(slow, str) and slow.startswith("veldnaam"), slow


# --- file names ---------------------------------------------------------------------------------------


def folder_with(tmp_path: Path, *names: str) -> Path:
    folder = tmp_path / "practices"
    folder.mkdir()
    for name in names:
        if name.endswith("/"):
            (folder / name.rstrip("/")).mkdir()
        else:
            (folder / name).write_text(practice(), encoding="utf-8")
    return folder


def test_every_entry_of_the_folder_is_accounted_for(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = folder_with(
        tmp_path,
        "goed.md",
        "hoofdletters.MD",
        "oud.markdown",
        "notities.txt",
        "spatie.md ",
        "Met Spaties.md",
        ".verborgen.md",
        "oud/",
        "vocabularies/",
        "schema.json",
        "README.md",
        ".gitkeep",
        "index.md",
        "regel\n.md",
        "escape\x1b[31m.md",
    )
    (folder / "oud" / "verstopt.md").write_text(practice(), encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    code, output = run_check("practices")
    assert code == 1
    assert output.splitlines() == [
        "practices/.verborgen.md:1: file: '.verborgen.md' is een verborgen bestand; in deze map horen alleen "
        "praktijkvoorbeelden (<slug>.md), de map vocabularies/ en .gitignore, .gitkeep, README.md, schema.json",
        "practices/Met Spaties.md:1: file: bestandsnaam 'Met Spaties.md' is geen geldige slug: gebruik kleine "
        "letters, cijfers en koppeltekens (hoogstens 80 tekens), bijvoorbeeld 'met-spaties.md'",
        "practices/escape\\x1b[31m.md:1: file: bestandsnaam 'escape\\x1b[31m.md' bevat een onzichtbaar teken "
        "(U+001B); geef het bestand een naam als 'escape-31m.md': kleine letters, cijfers en koppeltekens",
        "practices/hoofdletters.MD:1: file: de extensie '.MD' moet in kleine letters: noem het bestand "
        "'hoofdletters.md'",
        "practices/index.md:1: file: bestandsnaam 'index.md' is gereserveerd voor de site zelf (de pagina kwam "
        "niet op /praktijkvoorbeelden/index/ te staan); kies een naam die zegt wat het voorbeeld is, "
        "bijvoorbeeld 'plaats-aanpak.md'",
        "practices/notities.txt:1: file: is geen .md-bestand ('.txt'); is het een praktijkvoorbeeld, noem het "
        "dan 'notities.md'",
        "practices/oud:1: file: is een map, geen bestand; een praktijkvoorbeeld is één .md-bestand, direct in "
        "de map (submappen worden niet gelezen, behalve vocabularies/ met de vaste lijsten)",
        "practices/oud.markdown:1: file: is geen .md-bestand ('.markdown'); is het een praktijkvoorbeeld, noem "
        "het dan 'oud.md'",
        "practices/regel\\n.md:1: file: bestandsnaam 'regel\\n.md' bevat een onzichtbaar teken (U+000A); geef "
        "het bestand een naam als 'regel.md': kleine letters, cijfers en koppeltekens",
        "practices/spatie.md :1: file: bestandsnaam 'spatie.md ' begint of eindigt met een spatie; geef het "
        "bestand een naam als 'spatie.md': kleine letters, cijfers en koppeltekens",
        "11 bestanden gecontroleerd: 10 fouten.",
    ]


def test_a_name_ending_in_a_newline_is_no_slug(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The slug pattern was anchored with '$', which also matches before a final newline."""
    (tmp_path / "naam\n.md").write_text(practice(), encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    code, output = run_check("naam\n.md")
    assert code == 1
    assert output.startswith("naam\\n.md:1: file: bestandsnaam 'naam\\n.md' bevat een onzichtbaar teken (U+000A)")


def test_a_name_that_is_no_utf8_is_shown_escaped(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = tmp_path / "practices"
    folder.mkdir()
    (folder / "goed.md").write_text(practice(), encoding="utf-8")
    with open(bytes(folder) + b"/caf\xe9.md", "w", encoding="utf-8") as file:
        file.write(practice())
    monkeypatch.chdir(tmp_path)
    code, output = run_check("practices")
    assert code == 1
    assert output.splitlines()[0].startswith(
        "practices/caf\\udce9.md:1: file: bestandsnaam 'caf\\udce9.md' bevat een onzichtbaar teken (U+DCE9)"
    )


def test_new_refuses_a_reserved_slug(tmp_path: Path) -> None:
    from kennisbank.newpractice import NewPracticeError, check_slug

    with pytest.raises(NewPracticeError, match="gereserveerd"):
        check_slug("index")


# --- titles -------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "variant",
    [
        "Voorbeeldstad: een minimaal geldig prak\u00adtijkvoorbeeld",  # soft hyphen
        "Voorbeeldstad: een minimaal\u200b geldig praktijkvoorbeeld",  # zero-width space
        "Voorbeeldstad: een mini\u200dmaal geldig praktijkvoorbeeld",  # zero-width joiner
        "\ufeffVoorbeeldstad: een minimaal geldig praktijkvoorbeeld",
        "Voorbeeldstad: een minimaal\u00a0geldig  praktijkvoorbeeld",  # no-break space, two spaces
        "VOORBEELDSTAD: EEN MINIMAAL GELDIG PRAKTIJKVOORBEELD",
        "Ｖoorbeeldstad: een minimaal geldig praktijkvoorbeeld",  # full-width V
        "Voorbeeldstad: een minimaal geldig praktijkvoorbeeld\u2060",  # word joiner
    ],
)
def test_titles_that_read_the_same_are_duplicates(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, variant: str
) -> None:
    (tmp_path / "eerste.md").write_text(practice(), encoding="utf-8")
    original = "Voorbeeldstad: een minimaal geldig praktijkvoorbeeld"
    second = practice().replace(f'title: "{original}"', f'title: "{variant}"')
    assert variant in second
    (tmp_path / "tweede.md").write_text(second, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    code, output = run_check("eerste.md", "tweede.md")
    assert code == 1
    assert "tweede.md:2: title: '" in output and "' is al de titel van eerste.md" in output


def test_title_key() -> None:
    assert title_key("  Ａ\u00ad b\u200bc\tD ") == "a bc d"
    assert title_key("Straße") == title_key("STRASSE")
    assert title_key("a-b") != title_key("a b")


def test_contributing_states_the_limits_and_the_names() -> None:
    """The editors' guide says what is allowed, with the numbers the code uses."""
    from kennisbank import schema
    from kennisbank.names import KNOWN_ENTRIES, VOCABULARY_FOLDER

    guide = " ".join((REPO / "CONTRIBUTING.md").read_text(encoding="utf-8").split())
    for number in (
        schema.MAX_BODY_BYTES,
        schema.MAX_FRONT_MATTER_CHARS,
        schema.MAX_NESTING,
        schema.MAX_MARKUP_CHARACTERS,
        schema.MAX_PARAGRAPH_SCAN,
        schema.MAX_BODY_NESTING,
        schema.MAX_SLUG_LENGTH,
    ):
        assert f"{number:,}".replace(",", ".") in guide, number
    for char in schema.MARKUP_CHARACTERS:
        assert f"`{char}`" in guide or f"`` {char} ``" in guide, char
    for name in (*KNOWN_ENTRIES, f"{VOCABULARY_FOLDER}/", *schema.RESERVED_SLUGS):
        assert f"`{name}" in guide, name
