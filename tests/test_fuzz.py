"""Property-based tests: whatever a file contains, `kennisbank check` answers with messages and exit code
0 or 1 — never a traceback, never a hang.

Three kinds of input: raw bytes; arbitrary YAML front matter; and near-valid practices, a valid file with
one part replaced by something generated, which reaches the deeper checks that random data never gets to.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import tracemalloc
from pathlib import Path
from typing import Any

import pytest
import yaml
from click.testing import CliRunner
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from kennisbank.entry.cli import cli
from kennisbank.pipeline import run

from .conftest import FIXTURES, TODAY, repo_vocabularies

MINIMAL = (FIXTURES / "valid" / "minimal.md").read_text(encoding="utf-8")
_, MINIMAL_YAML, MINIMAL_BODY = MINIMAL.split("---\n", 2)
MINIMAL_META: dict[str, Any] = yaml.safe_load(MINIMAL_YAML)
VOCABULARIES = repo_vocabularies()
# path:line: field: message, with a line number of at least 1
MESSAGE_RE = re.compile(r"^.+:[1-9]\d*: [^:]+: .+$")

SETTINGS = settings(
    max_examples=200,
    deadline=dt.timedelta(seconds=10),  # a guard against hangs, not a speed target
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


def check_file(folder: Path, content: bytes) -> None:
    """What `kennisbank check` does with one file, and assert it answered properly.

    The pipeline with the vocabularies loaded once, as ``check`` runs it (``check`` itself would load
    them again for every example, which is most of its time); ``test_cli_check_on_hostile_files`` runs
    the real command on the corpus."""
    path = folder / "fuzz.md"
    path.write_bytes(content)
    state = run([path], vocabularies=VOCABULARIES, today=TODAY)  # an exception here fails the test
    assert state.files == 1
    for problem in state.problems:
        assert MESSAGE_RE.match(str(problem)), str(problem)
        assert "\n" not in str(problem)


def as_file(meta: Any, body: str = MINIMAL_BODY) -> bytes:
    front = yaml.safe_dump(meta, allow_unicode=True, sort_keys=False, width=1_000_000)
    return f"---\n{front}---\n{body}".encode()


# --- strategies --------------------------------------------------------------------------------------

scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(10**30), max_value=10**30),
    st.floats(allow_nan=True, allow_infinity=True),
    st.text(max_size=300),
    st.dates(),
    st.datetimes(),
)
yaml_values = st.recursive(
    scalars,
    lambda children: st.lists(children, max_size=5) | st.dictionaries(st.text(max_size=20), children, max_size=5),
    max_leaves=25,
)
field_names = st.sampled_from(
    [*MINIMAL_META, "links", "municipalities", "organisations", "key_figures", "period", "success_factors"]
)
contact = st.fixed_dictionaries(
    {"name": st.text(max_size=120), "organisation": st.text(max_size=160)},
    optional={
        "role": yaml_values,
        "email": st.emails() | st.text(max_size=40),
        "phone": st.text(alphabet="0123456789 +()-x", max_size=35),
        "withdrawn": yaml_values,
        "extra": yaml_values,
    },
)
# Markdown with the characters and constructs the body rules look at.
MARKDOWN_PIECES = [
    "[", "]", "(", ")", "<", ">", "{", "}", ":", "!", "#", "*", "`", "&", ";", "\\", "\n", " ", "\t", "@",
    "](", "![", "{: ", "<a ", "<!--", "&#x61;", "&colon;", "javascript:", "mailto:", "https://", "http://x.nl",
    "data:", "## ", "# ", "```", "- ", "[x]: ", "\u202e", "\x01", "Jan Jansen", "tekst",
]  # fmt: skip
markdown_text = st.lists(st.sampled_from(MARKDOWN_PIECES) | st.text(max_size=10), max_size=80).map("".join)


@st.composite
def near_valid(draw: st.DrawFn) -> dict[str, Any]:
    """The minimal valid front matter with a few fields replaced, removed or added."""
    meta = dict(MINIMAL_META)
    for _ in range(draw(st.integers(1, 3))):
        name = draw(field_names)
        action = draw(st.sampled_from(["replace", "remove", "contacts", "source", "list"]))
        if action == "remove":
            meta.pop(name, None)
        elif action == "contacts":
            meta["contacts"] = draw(st.lists(contact, max_size=3))
        elif action == "source":
            meta["source"] = draw(
                st.dictionaries(
                    st.sampled_from(["title", "publisher", "date", "page", "url", "x"]), yaml_values, max_size=5
                )
            )
        elif action == "list":
            meta[name] = draw(st.lists(scalars, max_size=4))
        else:
            meta[name] = draw(yaml_values)
    return meta


# --- properties --------------------------------------------------------------------------------------


@SETTINGS
@given(content=st.binary(max_size=2000))
@example(content=b"---\n" + b"[" * 5000 + b"\n---\n")
@example(content=b"---\n\x00\n---\n")
@example(content=b"\xff\xfe---\n")
def test_arbitrary_bytes(tmp_path: Path, content: bytes) -> None:
    check_file(tmp_path, content)


@SETTINGS
@given(front=st.binary(max_size=500) | st.text(max_size=500).map(str.encode), body=st.binary(max_size=300))
def test_arbitrary_bytes_between_fences(tmp_path: Path, front: bytes, body: bytes) -> None:
    check_file(tmp_path, b"---\n" + front + b"\n---\n" + body)


@SETTINGS
@given(meta=yaml_values)
def test_arbitrary_yaml(tmp_path: Path, meta: Any) -> None:
    check_file(tmp_path, as_file(meta))


@SETTINGS
@given(meta=near_valid())
def test_near_valid_front_matter(tmp_path: Path, meta: dict[str, Any]) -> None:
    check_file(tmp_path, as_file(meta))


@SETTINGS
@given(extra=markdown_text)
@example(extra="[a](" * 20_000)
@example(extra="](" * 40_000)
@example(extra="<a" + " " * 100_000)
@example(extra="![" * 50_000)
@example(extra="{" * 50_000 + "}")
def test_near_valid_body(tmp_path: Path, extra: str) -> None:
    body = MINIMAL_BODY.replace("De bron noemt", extra + "\n\nDe bron noemt")
    check_file(tmp_path, as_file(MINIMAL_META, body))


@SETTINGS
@given(name=st.text(min_size=1, max_size=40), body=markdown_text)
def test_withdrawn_contact_with_arbitrary_body(tmp_path: Path, name: str, body: str) -> None:
    meta = dict(MINIMAL_META, contacts=[{"name": name, "organisation": "Gemeente", "withdrawn": True}])
    check_file(tmp_path, as_file(meta, MINIMAL_BODY + body))


def test_the_harness_tells_valid_from_invalid(tmp_path: Path) -> None:
    """A valid file round-tripped through YAML is accepted; the same with one bad field is refused."""
    path = tmp_path / "fuzz.md"
    for meta, expected in ((MINIMAL_META, 0), (dict(MINIMAL_META, region=5), 1)):
        check_file(tmp_path, as_file(meta))
        result = CliRunner().invoke(cli, ["check", "--today", TODAY.isoformat(), str(path)])
        assert result.exit_code == expected, result.output


@pytest.mark.parametrize(
    "content",
    [
        b"---\n" + b"[" * 5000 + b"\n---\n",
        b"---\ntitle: a\x01b\n---\n",
        b"---\n? [a]\n: b\n---\n",
        b"---\n'': x\n---\n",
        b"---\n'a: b': x\n---\n",
        as_file(dict(MINIMAL_META, last_reviewed="2021-02-30")),
        f"---\n{MINIMAL_YAML}key_figures: {'[' * 40_000}{']' * 40_000}\n---\n".encode(),  # crashed libyaml
        f"---\n{MINIMAL_YAML}key_figures:\n{'- ' * 20_000}x\n---\n".encode(),
        f"---\n{MINIMAL_YAML}---\n{MINIMAL_BODY}{'[' * 190_000}".encode(),  # an hour in the build
    ],
)
def test_cli_check_on_hostile_files(tmp_path: Path, content: bytes) -> None:
    """The real command on inputs that once crashed or garbled it: messages, exit 1, no traceback."""
    path = tmp_path / "vijandig.md"
    path.write_bytes(content)
    result = CliRunner().invoke(cli, ["check", "--today", TODAY.isoformat(), str(path)])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    assert result.exit_code == 1
    *messages, summary = result.output.splitlines()
    assert summary.startswith("1 bestand gecontroleerd: ")
    assert messages and all(MESSAGE_RE.match(line) for line in messages), result.output


# --- hostile shapes: deep nesting, long runs of markup, invisible characters -----------------------------

INVISIBLE = "\u00ad\u200b\u200c\u200d\u2060\ufeff\u202e\u2066\x01\x1b\x7f\x85\u2028"
MARKUP_RUNS = "[]()*_`<{!&\\>#-|:~"
PEAK_BYTES = 64 * 1024 * 1024  # memory while checking one file of at most 200 kB


@st.composite
def deep_yaml(draw: st.DrawFn) -> str:
    """A field whose value nests lists and mappings, in flow or block style, up to well past the limit."""
    depth = draw(st.integers(1, 3000))
    style = draw(st.sampled_from(["flow-list", "flow-map", "block-list", "block-map", "mixed"]))
    if style == "flow-list":
        value = " " + "[" * depth + "x" + "]" * depth
    elif style == "flow-map":
        value = " " + "{a: " * depth + "x" + "}" * depth
    elif style == "block-list":
        value = "\n" + "- " * depth + "x"
    elif style == "block-map":
        value = "".join("\n" + "  " * i + f"k{i}:" for i in range(1, min(depth, 400))) + " x"
    else:
        value = "\n  - " + "[{a: " * (depth // 2) + "x" + "}]" * (depth // 2)
    if draw(st.booleans()):
        value = value[: draw(st.integers(0, len(value)))]  # cut off: not YAML any more
    return f"{draw(field_names)}:{value}\n"


@st.composite
def markup_runs(draw: st.DrawFn) -> str:
    """Long runs and large counts of markup characters, alone, with letters or spaces, in one paragraph or many."""
    pieces = draw(st.lists(st.sampled_from(list(MARKUP_RUNS)), min_size=1, max_size=3))
    unit = "".join(pieces) + draw(st.sampled_from(["", "a", " ", "ab ", "\n", "\n\n"]))
    return unit * draw(st.integers(1, 150_000 // len(unit)))


@st.composite
def hostile_practice(draw: st.DrawFn) -> bytes:
    front = MINIMAL_YAML
    if draw(st.booleans()):
        front += draw(deep_yaml())
    title = draw(st.text(alphabet=INVISIBLE + "Ab ", max_size=20))
    front = front.replace("title: ", f"title: {json.dumps('Voorbeeldstad: ' + title)} #", 1)
    body = MINIMAL_BODY
    if draw(st.booleans()):
        body = body.replace("De bron noemt", draw(markup_runs()) + "\n\nDe bron noemt")
    if draw(st.booleans()):
        body += draw(st.text(alphabet=INVISIBLE + "x \n", max_size=50))
    return f"---\n{front}---\n{body}".encode()


@settings(SETTINGS, max_examples=60)
@given(content=hostile_practice())
@example(content=f"---\n{MINIMAL_YAML}key_figures: {'[' * 40_000}{']' * 40_000}\n---\n{MINIMAL_BODY}".encode())
@example(content=f"---\n{MINIMAL_YAML}key_figures:\n{'- ' * 20_000}x\n---\n{MINIMAL_BODY}".encode())
@example(content=f"---\n{MINIMAL_YAML}---\n{MINIMAL_BODY}{'[' * 190_000}".encode())
def test_hostile_files_get_messages_in_bounded_memory(tmp_path: Path, content: bytes) -> None:
    tracemalloc.start()
    try:
        check_file(tmp_path, content)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < PEAK_BYTES, f"{peak / 1e6:.0f} MB"


@pytest.mark.slow
@settings(SETTINGS, max_examples=4, deadline=dt.timedelta(minutes=2))
@given(contents=st.lists(hostile_practice(), min_size=1, max_size=3))
@example(contents=[f"---\n{MINIMAL_YAML}---\n{MINIMAL_BODY}{'[a' * 400}".encode()])
def test_building_hostile_files_fails_or_succeeds_but_never_crashes(
    tmp_path_factory: Any, contents: list[bytes]
) -> None:
    """The real build of a small site from generated practices: it succeeds or reports content errors
    (BuildFailed), within the deadline, and no other exception gets out."""
    from kennisbank.entry.build import BuildFailed, build_site

    from .conftest import copy_project

    project = copy_project(tmp_path_factory.mktemp("project"), real_practices=False)
    for number, content in enumerate(contents):
        title = f"Voorbeeldstad: nummer {number}".encode()  # titles differ, so only the content can fail
        (project / "practices" / f"voorbeeld-{number}.md").write_bytes(
            content.replace(b"Voorbeeldstad: ", title + b" ", 1)
        )
    try:
        build_site(project / "mkdocs.yml", project / "site")
    except BuildFailed as failed:
        assert "Traceback" not in str(failed)
