"""The vocabulary files: one tiny fixture per rule, with `kennisbank check`'s exact output, and the YAML that
must be refused quickly and without a crash.

Each case ``tests/fixtures/vocabularies/<case>/`` holds the vocabulary files that differ from this
repository's; the test lays them over a copy of ``practices/vocabularies/`` and runs ``check``. The golden
output is ``<case>.expected`` beside the folder; regenerate with ``pytest --update-golden`` and review the
diff.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import textwrap
import time
import tracemalloc
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from kennisbank.entry.cli import cli
from kennisbank.errors import ContentError, KennisbankError, Problem
from kennisbank.facets import SPECS
from kennisbank.vocabularies import VocabularyError, load_vocabularies
from kennisbank.vocabulary_schema import FORMER_MUNICIPALITIES, GLOSSARY, MAX_FILE_BYTES, MUNICIPALITIES
from kennisbank.vocabulary_yaml import read

from .conftest import FIXTURES, REPO, TODAY, VOCABULARIES_DIR, copy_project

CASES = sorted(path for path in (FIXTURES / "vocabularies").iterdir() if path.is_dir())
VALID = [case for case in CASES if case.name.startswith("valid")]
INVALID = [case for case in CASES if case not in VALID]


def vocabulary_copy(root: Path, case: Path | None = None) -> Path:
    """This repository's vocabularies in ``root/practices/vocabularies``, with the files of ``case`` over them."""
    target = root / "practices" / "vocabularies"
    shutil.copytree(VOCABULARIES_DIR, target)
    for file in sorted(case.iterdir()) if case else ():
        shutil.copy(file, target / file.name)
    return target


def run_check(root: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[int, str]:
    """`kennisbank check practices` in ``root`` (a project: it has a mkdocs.yml), with the vocabularies of ``root``."""
    (root / "mkdocs.yml").touch()
    monkeypatch.chdir(root)
    result = CliRunner().invoke(cli, ["check", "--today", TODAY.isoformat(), "practices"])
    assert "Traceback" not in result.output
    return result.exit_code, result.output


@pytest.mark.parametrize("case", INVALID, ids=[case.name for case in INVALID])
def test_invalid_vocabulary_gives_exact_message(
    case: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, update_golden: bool
) -> None:
    vocabulary_copy(tmp_path, case)
    code, output = run_check(tmp_path, monkeypatch)
    actual = f"exit: {code}\n{output}"
    expected_file = case.with_suffix(".expected")
    if update_golden or not expected_file.exists():
        expected_file.write_text(actual, encoding="utf-8")
    assert actual == expected_file.read_text(encoding="utf-8")
    assert code == 1


@pytest.mark.parametrize("case", VALID, ids=[case.name for case in VALID])
def test_valid_vocabulary_passes(case: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    vocabulary_copy(tmp_path, case)
    assert run_check(tmp_path, monkeypatch) == (0, "0 bestanden gecontroleerd: alles in orde.\n")


def test_valid_edge_cases_are_read_as_written(tmp_path: Path) -> None:
    loaded = load_vocabularies(vocabulary_copy(tmp_path, FIXTURES / "vocabularies" / "valid-edge-cases"))
    assert [(t.id, t.name) for t in loaded.themes] == [
        ("nazorg", "Nazorg & school (na 2021)"),
        ("2021", "Sinds 2021: ook 'in' de wijk"),
    ]
    assert [t.extra["cbs_code"] for t in loaded.regions] == ["", "AM05", "AM17"]
    ocw, vsv, wmo = loaded.glossary
    assert ocw.synonyms == ("OC&W", "Onderwijs Cultuur en Wetenschap")
    assert (vsv.expansion, vsv.synonyms, wmo.synonyms) == ("", (), ())
    assert wmo.definition == "Wet maatschappelijke ondersteuning."


def test_the_real_vocabularies_pass_unchanged() -> None:
    loaded = load_vocabularies(VOCABULARIES_DIR)
    assert [len(loaded.by_key(spec.key)) for spec in SPECS] == [8, 12, 36, 4, 4, 19]
    assert len(loaded.glossary) > 80


def test_the_reader_gives_what_pyyaml_gives_for_the_real_files() -> None:
    """The event reader is the only way vocabularies are read; for ordinary YAML it agrees with PyYAML."""
    for spec in (*SPECS, GLOSSARY, MUNICIPALITIES, FORMER_MUNICIPALITIES):
        text = (VOCABULARIES_DIR / spec.filename).read_text(encoding="utf-8")
        data, lines = read(text, 10)
        assert data == yaml.safe_load(text), spec.filename
        assert lines[(0,)] == next(n for n, line in enumerate(text.splitlines(), 1) if line.startswith("- "))


def test_without_libyaml_the_same(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Where PyYAML has no libyaml, its own parser gives the events: the same data, the same refusals."""
    from kennisbank import vocabulary_yaml

    real = load_vocabularies(VOCABULARIES_DIR)
    monkeypatch.setattr(vocabulary_yaml, "_LOADER", yaml.SafeLoader)
    assert load_vocabularies(VOCABULARIES_DIR) == real
    for case, expected in [
        ("yaml-billion-laughs", "glossary: YAML-ankers en -verwijzingen (& en *) zijn niet toegestaan"),
        ("yaml-deep-nesting", "themes: is te diep genest"),
        ("yaml-python-tag", "themes: YAML-label '!!python/object/apply:os.system' is niet toegestaan"),
        ("id-homoglyph", "regions[2].id: 'twеnte' is geen geldige id"),
    ]:
        with pytest.raises(VocabularyError) as caught:
            load_vocabularies(vocabulary_copy(tmp_path / case, FIXTURES / "vocabularies" / case))
        (problem,) = caught.value.problems
        assert str(problem).split(": ", 1)[1].startswith(expected), case


def test_all_problems_of_all_files_at_once(tmp_path: Path) -> None:
    with pytest.raises(VocabularyError) as caught:
        load_vocabularies(vocabulary_copy(tmp_path, FIXTURES / "vocabularies" / "several-files"))
    error = caught.value
    assert isinstance(error, ContentError) and isinstance(error, KennisbankError)
    assert all(isinstance(p, Problem) for p in error.problems)
    assert sorted({p.path.rsplit("/", 1)[1] for p in error.problems}) == ["glossary.yml", "phases.yml", "themes.yml"]
    assert str(error).splitlines() == [str(p) for p in sorted(error.problems)]


def test_github_annotations(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    vocabulary_copy(tmp_path, FIXTURES / "vocabularies" / "id-homoglyph")
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    monkeypatch.delenv("GITHUB_WORKSPACE", raising=False)
    code, output = run_check(tmp_path, monkeypatch)
    assert code == 1
    assert output.splitlines()[0].startswith(
        "::error file=practices/vocabularies/regions.yml,line=4,title=regions[2].id::'twеnte' is geen geldige id"
    )


def test_missing_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (vocabulary_copy(tmp_path) / "phases.yml").unlink()
    assert run_check(tmp_path, monkeypatch) == (
        1,
        "practices/vocabularies/phases.yml:1: file: ontbreekt; elke kennisbank heeft de vaste lijst phases.yml\n"
        "1 fout in de vaste lijsten; de praktijkvoorbeelden zijn niet gecontroleerd.\n",
    )


def test_missing_glossary_is_an_empty_glossary(tmp_path: Path) -> None:
    folder = vocabulary_copy(tmp_path)
    (folder / "glossary.yml").unlink()
    assert load_vocabularies(folder).glossary == ()


def test_file_too_large(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = vocabulary_copy(tmp_path)
    entry = "- term: lol\n  definition: Lol.\n"
    (folder / "glossary.yml").write_text(entry * (MAX_FILE_BYTES // len(entry) + 1), encoding="utf-8")
    code, output = run_check(tmp_path, monkeypatch)
    size = f"{(folder / 'glossary.yml').stat().st_size:,}".replace(",", ".")
    assert (code, output.splitlines()[0]) == (
        1,
        f"practices/vocabularies/glossary.yml:1: file: is {size} bytes; een vaste lijst is hoogstens 500.000 bytes",
    )


def test_billion_laughs_is_refused_quickly_and_small(tmp_path: Path) -> None:
    """Nine levels of nine aliases: 387 million strings if the aliases were followed."""
    folder = vocabulary_copy(tmp_path)
    laughs = '- term: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]\n'
    for level in "bcdefghi":
        previous = chr(ord(level) - 1)
        laughs += f"- term: &{level} [{', '.join([f'*{previous}'] * 9)}]\n"
    laughs += "- term: [" + ", ".join(["*i"] * 9) + "]\n"
    (folder / "glossary.yml").write_text(laughs, encoding="utf-8")
    tracemalloc.start()
    started = time.perf_counter()
    with pytest.raises(VocabularyError) as caught:
        load_vocabularies(folder)
    seconds = time.perf_counter() - started
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert [str(p).split(": ", 1)[1] for p in caught.value.problems] == [
        "glossary: YAML-ankers en -verwijzingen (& en *) zijn niet toegestaan; schrijf de waarde voluit"
    ]
    assert seconds < 1.0
    assert peak < 20_000_000


@pytest.mark.parametrize(
    "nested",
    [
        "[" * 200_000 + "]" * 200_000,
        "{a: " * 90_000 + "}" * 90_000,
        "".join(f"\n{' ' * n}- " for n in range(2, 900)),
    ],
    ids=["flow-lists", "flow-mappings", "block-lists"],
)
def test_deep_nesting_is_refused_without_a_crash(tmp_path: Path, nested: str) -> None:
    """libyaml's composer recursed in C for every level and crashed the process (a segfault) on such a file;
    PyYAML's ran out of Python stack. Run in a process of its own, so that a crash fails the test."""
    folder = vocabulary_copy(tmp_path)
    (folder / "themes.yml").write_text(f"- id: nazorg\n  name: Nazorg\n  description: {nested}\n", encoding="utf-8")
    script = textwrap.dedent(
        f"""
        from pathlib import Path
        from kennisbank.vocabularies import VocabularyError, load_vocabularies
        try:
            load_vocabularies(Path({str(folder)!r}))
        except VocabularyError as exc:
            print(exc)
        """
    )
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=60, cwd=tmp_path)
    assert result.returncode == 0, result.stderr[-2000:]
    assert re.fullmatch(
        r"practices/vocabularies/themes\.yml:\d+: themes: is te diep genest \(meer dan 10 lijsten of velden in "
        r"elkaar\); maak de structuur plat\n",
        result.stdout,
    )


def test_the_build_fails_with_the_problems(tmp_path: Path) -> None:
    from kennisbank.entry.build import BuildFailed, build_site

    copy_project(tmp_path)
    shutil.copy(FIXTURES / "vocabularies" / "id-not-a-slug" / "evidence.yml", tmp_path / "practices" / "vocabularies")
    with pytest.raises(BuildFailed) as caught:
        build_site(tmp_path / "mkdocs.yml", tmp_path / "site")
    assert "evidence.yml:1: evidence[1].id: 'x .md-button data-x=1' is geen geldige id" in str(caught.value)
    assert not (tmp_path / "site").exists()


def test_every_vocabulary_field_is_documented_in_contributing() -> None:
    contributing = (REPO / "CONTRIBUTING.md").read_text(encoding="utf-8")
    section = contributing.split("## Een thema, doelgroep of regio toevoegen", 1)[1].split("\n## ", 1)[0]
    for spec in (*SPECS, GLOSSARY, MUNICIPALITIES, FORMER_MUNICIPALITIES):
        assert f"`{spec.filename}`" in section
        for fld in spec.fields:
            assert f"`{fld.name}`" in section, f"describe `{fld.name}` of {spec.filename} in CONTRIBUTING.md"
