"""`kennisbank new`: with options and with questions on standard input; never overwrites; the new file
passes `kennisbank check` with only placeholder warnings, and the strict build refuses it until they are gone."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from kennisbank.entry.cli import cli
from kennisbank.schema import BODY_SECTIONS, FIELDS
from kennisbank.template import SCHEMA_MODELINE, Draft, render
from kennisbank.validation.placeholders import MARKER
from kennisbank.vocabularies import Vocabularies

from .conftest import TODAY

TITLE = "Voorbeeldstad: jobcoach na school"
SLUG = "voorbeeldstad-jobcoach-na-school"


def new(directory: Path, *args: str, input: str | None = None) -> tuple[int, str]:
    result = CliRunner().invoke(
        cli, ["new", "--practices-dir", str(directory), "--today", TODAY.isoformat(), *args], input=input
    )
    assert "Traceback" not in result.output
    return result.exit_code, result.output


def check(*paths: Path) -> tuple[int, list[str]]:
    result = CliRunner().invoke(cli, ["check", "--format", "text", "--today", TODAY.isoformat(), *map(str, paths)])
    return result.exit_code, result.output.splitlines()


def options(title: str = TITLE, **replaced: str) -> list[str]:
    """The options of a complete ``new`` call; ``replaced`` swaps one (region="x" for --region x)."""
    given = {"title": title, "region": "twente", "theme": "nazorg", "target-group": "entree", **replaced}
    args = [item for key, value in given.items() for item in (f"--{key}", value)]
    return [*args, "--theme", "praktijkleren"]


def test_new_with_options_writes_a_file_that_passes_check(tmp_path: Path) -> None:
    code, output = new(tmp_path, *options())
    path = tmp_path / f"{SLUG}.md"
    assert code == 0, output
    assert f"Nieuw praktijkvoorbeeld: {path}" in output
    assert "Volgende stappen:" in output
    assert f"kennisbank check {path}" in output
    text = path.read_text(encoding="utf-8")
    assert text.splitlines()[:2] == ["---", SCHEMA_MODELINE]
    assert f'title: "{TITLE}"' in text
    assert "region: twente" in text
    assert "themes: [nazorg, praktijkleren]" in text
    assert f"last_reviewed: {TODAY.isoformat()}" in text

    code, lines = check(path)
    assert code == 0, lines
    assert not [line for line in lines if ": waarschuwing: " not in line and "gecontroleerd" not in line]
    # every warning is a placeholder, on a line that holds the marker, and every such line is reported
    marker_lines = [n for n, line in enumerate(text.splitlines(), 1) if MARKER in line]
    reported = [int(line.split(":")[1]) for line in lines[:-1]]
    assert reported == marker_lines
    assert all("invulaanwijzing" in line for line in lines[:-1])


def test_new_asks_for_what_is_missing(tmp_path: Path, vocabularies: Vocabularies) -> None:
    # region by number, themes by number and id, target group by its Dutch name
    answers = f"{TITLE}\n2\n1, nazorg\nEntreeopleiding\n"
    code, output = new(tmp_path, input=answers)
    assert code == 0, output
    assert "Titel (bijvoorbeeld" in output
    assert "Regio (een nummer of id)" in output
    assert re.search(r"^\s+2  achterhoek\s+Achterhoek$", output, re.MULTILINE)
    assert f"{len(vocabularies.target_groups)}  nieuwkomers" in output
    text = (tmp_path / f"{SLUG}.md").read_text(encoding="utf-8")
    assert f"region: {vocabularies.regions.ids[1]}" in text
    assert f"themes: [{vocabularies.themes.ids[0]}, nazorg]" in text
    assert "target_groups: [entree]" in text
    assert check(tmp_path / f"{SLUG}.md")[0] == 0


def test_a_wrong_answer_is_explained_and_asked_again(tmp_path: Path) -> None:
    answers = f"\n{TITLE}\n99\ntwente\nnazorg, nazorg\ngeen-doelgroep\nvso\n"
    code, output = new(tmp_path, input=answers)
    assert code == 0, output
    assert "de titel is leeg; probeer het nog eens." in output
    assert "onbekende regio '99'; typ een nummer uit de lijst" in output
    assert "onbekende doelgroep 'geen-doelgroep'" in output
    text = (tmp_path / f"{SLUG}.md").read_text(encoding="utf-8")
    assert "themes: [nazorg]" in text  # a repeated choice counts once
    assert "target_groups: [vso]" in text


def test_only_the_missing_questions_are_asked(tmp_path: Path) -> None:
    code, output = new(tmp_path, "--title", TITLE, "--region", "twente", input="nazorg\nvso\n")
    assert code == 0, output
    assert "Titel (" not in output
    assert "Regio (" not in output
    assert "Thema's (" in output


def test_never_overwrites(tmp_path: Path) -> None:
    existing = tmp_path / f"{SLUG}.md"
    existing.write_text("eigen werk van een redacteur\n", encoding="utf-8")
    code, output = new(tmp_path, *options())
    assert code == 1
    assert f"{existing} bestaat al" in output
    assert "nooit overschreven" in output
    assert existing.read_text(encoding="utf-8") == "eigen werk van een redacteur\n"


def test_second_practice_with_the_same_slug_is_refused(tmp_path: Path) -> None:
    assert new(tmp_path, *options())[0] == 0
    first = (tmp_path / f"{SLUG}.md").read_bytes()
    code, output = new(tmp_path, *options("Voorbeeldstad - jobcoach na school!"))
    assert code == 1
    assert "bestaat al" in output
    assert (tmp_path / f"{SLUG}.md").read_bytes() == first
    # with another slug it works
    code, _ = new(tmp_path, *options("Voorbeeldstad - jobcoach na school!"), "--slug", "voorbeeldstad-jobcoach-2")
    assert code == 0
    assert (tmp_path / "voorbeeldstad-jobcoach-2.md").exists()


def test_interactive_title_that_exists_is_asked_again(tmp_path: Path) -> None:
    (tmp_path / f"{SLUG}.md").write_text("bestaand\n", encoding="utf-8")
    code, output = new(tmp_path, input=f"{TITLE}\nVoorbeeldstad: tweede jobcoach\ntwente\nnazorg\nvso\n")
    assert code == 0, output
    assert "bestaat al; kies een titel die dit voorbeeld onderscheidt" in output
    assert (tmp_path / "voorbeeldstad-tweede-jobcoach.md").exists()
    assert (tmp_path / f"{SLUG}.md").read_text(encoding="utf-8") == "bestaand\n"


@pytest.mark.parametrize(
    ("replaced", "message"),
    [
        ({"region": "atlantis"}, "onbekende regio 'atlantis'"),
        ({"theme": "geen-thema"}, "onbekend thema 'geen-thema'"),
        ({"title": "x" * 121}, "de titel is 121 tekens; hoogstens 120"),
        ({"slug": "Met Spaties"}, "'Met Spaties' is geen geldige bestandsnaam"),
    ],
)
def test_wrong_options_are_refused_before_anything_is_written(
    tmp_path: Path, replaced: dict[str, str], message: str
) -> None:
    code, output = new(tmp_path, *options(**replaced))
    assert code == 2
    assert f"fout: {message}" in output
    assert list(tmp_path.iterdir()) == []


def test_phases_given_leave_no_phase_placeholder(tmp_path: Path) -> None:
    code, _ = new(tmp_path, *options(), "--phase", "nazorg", "--phase", "overstap")
    assert code == 0
    text = (tmp_path / f"{SLUG}.md").read_text(encoding="utf-8")
    phases_line = next(line for line in text.splitlines() if line.startswith("phases:"))
    assert phases_line == "phases: [nazorg, overstap]"


def test_template_holds_every_field_with_a_comment(vocabularies: Vocabularies) -> None:
    text = render(Draft(TITLE, "twente", ("nazorg",), ("vso",), TODAY), vocabularies)
    front, body = text.split("\n---\n", 1)
    lines = front.splitlines()
    for fld in FIELDS:
        index = next(i for i, line in enumerate(lines) if re.match(rf"^(# )?{fld.name}:", line))
        assert lines[index - 1].startswith("# "), f"{fld.name} has no comment above it"
        for sub in fld.fields:
            assert re.search(rf"^\s*#?\s*(- )?{sub.name}: ", front, re.MULTILINE), f"{fld.name}.{sub.name} missing"
    assert [line[3:] for line in body.splitlines() if line.startswith("## ")] == list(BODY_SECTIONS)


@pytest.mark.slow
def test_filled_in_file_is_clean_and_builds_only_then(tmp_path: Path) -> None:
    """Replace every placeholder as an editor would: then check is silent and the strict build passes."""
    from kennisbank.entry.build import BuildFailed, build_site

    from .conftest import copy_project

    directory = tmp_path / "nieuw"
    directory.mkdir()
    assert new(directory, *options(), "--phase", "nazorg")[0] == 0
    path = directory / f"{SLUG}.md"
    project = tmp_path / "project"
    project.mkdir()
    copy_project(project, extra_practices=(path,))
    with pytest.raises(BuildFailed) as failure:
        build_site(project / "mkdocs.yml", tmp_path / "site")
    assert "invulaanwijzing" in str(failure.value)

    filled = re.sub(rf"{MARKER}: ", "", path.read_text(encoding="utf-8"))
    path.write_text(filled, encoding="utf-8")
    assert check(path) == (0, ["1 bestand gecontroleerd: alles in orde."])
    (project / "practices" / path.name).write_text(filled, encoding="utf-8")
    build_site(project / "mkdocs.yml", tmp_path / "site")
    assert (tmp_path / "site" / "praktijkvoorbeelden" / SLUG / "index.html").exists()


def test_an_answer_may_be_a_unique_prefix_or_a_name(tmp_path: Path) -> None:
    code, output = new(tmp_path, *options(region="stedendriehoek", **{"target-group": "Entreeopleiding"}))
    assert code == 0, output
    text = (tmp_path / f"{SLUG}.md").read_text(encoding="utf-8")
    assert "region: stedendriehoek-en-noordwest-veluwe" in text
    assert "target_groups: [entree]" in text


def test_an_ambiguous_or_misspelt_answer_gets_suggestions_and_is_asked_again(tmp_path: Path) -> None:
    answers = f"{TITLE}\nnoord\ndrechtstedn\ndrecht\nnazorg\nvso\n"
    code, output = new(tmp_path, input=answers)
    assert code == 0, output
    assert (
        "'noord' kan meer dan één regio zijn: 'noord-holland-noord', 'noord-limburg', 'noordoost-brabant'; "
        "typ meer van de id of de naam"
    ) in output
    assert "onbekende regio 'drechtstedn' — bedoelde je 'drechtsteden'? Typ een nummer uit de lijst" in output
    assert "region: drechtsteden" in (tmp_path / f"{SLUG}.md").read_text(encoding="utf-8")
