"""Stage 1, load: practice files -> ``RawPractice`` (front matter as data, with line numbers, and body).

Reading is forgiving where editors' tools differ (a UTF-8 byte-order mark, CRLF line endings, trailing
spaces) and strict where a file could not mean what its author intended.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from . import fastyaml, yaml_messages, yamllimits
from .errors import Problem, display_children, display_path, field_label
from .markup import dutch_number
from .names import VOCABULARY_FOLDER, escaped, is_known_entry, name_problem
from .schema import MAX_BODY_BYTES

# A key path into the front matter: ("contacts", 0, "email").
KeyPath = tuple[str | int, ...]

_FENCE = "---"


@dataclass
class RawPractice:
    path: Path
    display: str  # the path as shown in messages
    slug: str
    meta: dict[str, Any]
    lines: dict[KeyPath, int]  # where each key or list item stands in the file (1-based)
    body: str
    body_line: int  # the file line on which the body starts
    front_matter_end: int  # the line of the closing '---'
    text: str = ""  # the whole file as read (BOM removed, line endings normalised), comments included

    def line(self, *path: str | int) -> int:
        """The line of the deepest known part of ``path``; the front matter's first line otherwise."""
        for end in range(len(path), 0, -1):
            if path[:end] in self.lines:
                return self.lines[path[:end]]
        return 1


@dataclass
class LoadResult:
    practices: list[RawPractice] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    files: int = 0


def discover(paths: Iterable[Path]) -> Iterator[tuple[Path, Path, str | None]]:
    """Yield (file, root, shown) for every file named, and every entry of a named folder except those that
    belong there and are no practice (``names.is_known_entry``): ``load_file`` reports every other one, so
    a practice under a wrong name or in a subfolder is not left out in silence. ``shown`` is the file as
    messages show it where that is cheap to know (None: ``load_file`` works it out)."""
    for path in paths:
        if path.is_dir() and path.suffix != ".md":
            shown = display_children(path)
            # By name: the same order as sorting the paths (all in one folder), without comparing Paths.
            with os.scandir(path) as entries:  # the kind of each entry comes with the listing
                children = sorted(entries, key=_name)
            for entry in children:
                if not is_known_entry(entry.name, _is_dir(entry)):
                    child = path / entry.name
                    yield child, path, shown(child)
        else:
            yield path, path.parent, None


def _is_dir(entry: os.DirEntry[str]) -> bool:
    try:
        return entry.is_dir(follow_symlinks=False)
    except OSError:
        return False


def _name(entry: os.DirEntry[str]) -> str:
    return entry.name


def load_paths(paths: Iterable[Path]) -> LoadResult:
    result = LoadResult()
    for file, root, shown in discover(paths):
        result.files += 1
        practice, problems = load_file(file, root, shown)
        result.problems.extend(problems)
        if practice is not None:
            result.practices.append(practice)
    return result


def load_file(path: Path, root: Path, shown: str | None = None) -> tuple[RawPractice | None, list[Problem]]:
    """``shown``: ``display_path(path)``, where the caller knows it already."""
    shown = escaped(display_path(path) if shown is None else shown)  # a name may hold a newline

    def problem(line: int, fld: str, message: str) -> tuple[None, list[Problem]]:
        return None, [Problem(shown, line, fld, message)]

    if not _is_plain_file(path):  # a plain file is no symlink, exists and is no folder: one system call
        if path.is_symlink():
            target = path.resolve()
            if not target.is_relative_to(root.resolve()):
                return problem(
                    1,
                    "file",
                    f"is een symbolische link naar {target}, buiten {display_path(root)}; "
                    "zet het praktijkvoorbeeld zelf in de map",
                )
        if not path.exists():
            return problem(1, "file", "bestaat niet")
        if path.is_dir():
            return problem(
                1,
                "file",
                "is een map, geen bestand; een praktijkvoorbeeld is één .md-bestand, direct in de map "
                f"(submappen worden niet gelezen, behalve {VOCABULARY_FOLDER}/ met de vaste lijsten)",
            )
    wrong_name = name_problem(path.name)
    if wrong_name is not None:
        return problem(1, "file", wrong_name)
    slug = path.stem
    try:
        data = path.read_bytes()
    except OSError as exc:
        return problem(1, "file", f"kan niet worden gelezen: {exc.strerror}")
    if len(data) > MAX_BODY_BYTES:
        return problem(
            1,
            "file",
            f"is {dutch_number(len(data))} bytes; een praktijkvoorbeeld is hoogstens "
            f"{dutch_number(MAX_BODY_BYTES)} bytes (zet lange bijlagen elders en link ernaar)",
        )
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        return problem(
            line,
            "file",
            "is geen UTF-8; sla het bestand op als UTF-8 (in de meeste editors: 'Opslaan als' > codering UTF-8)",
        )
    text = text.removeprefix("\ufeff")
    if "\r" in text:  # one quick search for the character saves two searches for what to replace
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text or text.isspace():
        return problem(1, "file", "is leeg; een praktijkvoorbeeld begint met front matter tussen twee regels '---'")
    if "\x00" in text:
        return problem(
            text[: text.index("\x00")].count("\n") + 1, "file", "bevat een NUL-teken; is dit een tekstbestand?"
        )
    return split_and_parse(path, shown, slug, text)


def _is_plain_file(path: Path) -> bool:
    try:
        return stat.S_ISREG(os.lstat(path).st_mode)
    except (OSError, ValueError):
        return False


def split_and_parse(path: Path, shown: str, slug: str, text: str) -> tuple[RawPractice | None, list[Problem]]:
    # The text is cut at its newlines where needed, not split into lines as a whole: most of it is the
    # body, which is then split only once, to strip trailing spaces from its lines.
    first_end = text.find("\n")
    if (text if first_end < 0 else text[:first_end]).rstrip() != _FENCE:
        return None, [
            Problem(
                shown,
                1,
                "front matter",
                "ontbreekt: de eerste regel moet '---' zijn, gevolgd door "
                "de velden (title: ..., summary: ...) en een afsluitende regel '---'",
            )
        ]
    before_closing = None if first_end < 0 else _closing_fence(text, first_end)
    if before_closing is None:
        heading = _first_heading(text)
        where = ", vóór dit kopje" if heading > 1 else ""
        return None, [
            Problem(
                shown,
                heading,
                "front matter",
                f"is niet afgesloten: zet een regel '---' na de laatste regel van de velden{where}",
            )
        ]
    closing = text.count("\n", 0, before_closing) + 1  # the line number, from 0
    yaml_text = text[first_end + 1 : before_closing]
    try:
        meta, key_lines = parse_yaml(yaml_text, first_line=2)
    except YamlProblem as exc:
        return None, [Problem(shown, exc.line, exc.field or "front matter", exc.message)]
    if not isinstance(meta, dict):
        kind = "een lijst" if isinstance(meta, list) else "leeg" if meta is None else "een losse waarde"
        return None, [Problem(shown, 2, "front matter", f"is {kind}; verwacht velden als 'title: ...' op elke regel")]
    body_start = text.find("\n", before_closing + 1) + 1  # 0: no line after the closing fence
    body = "\n".join(map(str.rstrip, text[body_start:].split("\n"))) if body_start else ""
    return RawPractice(path, shown, slug, meta, key_lines, body, closing + 2, closing + 1, text), []


def _first_heading(text: str) -> int:
    """The line of the first Markdown heading ('## '), where the fields should have ended; else 1."""
    at = text.find("\n## ")
    return text.count("\n", 0, at) + 2 if at >= 0 else 1


def _closing_fence(text: str, first_end: int) -> int | None:
    """The position of the newline before the first line after the first that is '---' (trailing spaces
    allowed), searching from the newline at ``first_end``; None if there is none."""
    at = text.find("\n" + _FENCE, first_end)
    while at >= 0:
        end = text.find("\n", at + 1)
        if text[at + 1 : end if end >= 0 else len(text)].rstrip() == _FENCE:
            return at
        at = text.find("\n" + _FENCE, at + 1)
    return None


class YamlProblem(Exception):
    """``field``: the field the problem is in, where known ('' for the front matter as a whole)."""

    def __init__(self, line: int, message: str, field: str = "") -> None:
        super().__init__(message)
        self.line = line
        self.message = message
        self.field = field


_STR_TAG = "tag:yaml.org,2002:str"
# How a YAML 1.1 plain key that is not text reads to an editor: 'yes: ...' is a boolean key.
_KEY_TYPES = {
    "tag:yaml.org,2002:bool": "een ja/nee-waarde",
    "tag:yaml.org,2002:int": "een getal",
    "tag:yaml.org,2002:float": "een getal",
    "tag:yaml.org,2002:null": "leeg",
    "tag:yaml.org,2002:timestamp": "een datum",
}


class _NoAliasLoader(yaml.SafeLoader):
    """SafeLoader that refuses anchors, aliases and explicit tags: they make a file hard to read, can blow
    up in size, and build values (bytes, sets) that no field accepts. ``!!str`` stays allowed."""

    def compose_node(self, parent: Any, index: Any) -> Any:
        event = self.peek_event()
        if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None):
            raise YamlProblem(
                event.start_mark.line,
                "YAML-ankers en -verwijzingen (& en *) zijn niet toegestaan; schrijf de waarde voluit",
            )
        tag = getattr(event, "tag", None)
        if tag not in (None, "!", _STR_TAG):
            raise YamlProblem(
                event.start_mark.line,
                f"YAML-label '{tag.replace('tag:yaml.org,2002:', '!!')}' is niet toegestaan; "
                "schrijf tekst, een getal, een datum, een lijst of velden zonder label",
            )
        return super().compose_node(parent, index)

    def construct_yaml_int(self, node: yaml.ScalarNode) -> Any:
        try:
            return super().construct_yaml_int(node)
        except ValueError:
            raise _NodeProblem(
                node, f"getal '{node.value[:20]}...' is te lang; zet tekst tussen aanhalingstekens"
            ) from None

    def construct_yaml_timestamp(self, node: yaml.ScalarNode) -> Any:
        try:
            return super().construct_yaml_timestamp(node)
        except (ValueError, OverflowError):
            raise _NodeProblem(
                node,
                f"'{node.value}' is geen bestaande datum; schrijf een echte datum als JJJJ-MM-DD, bijvoorbeeld "
                "2026-11-22",
            ) from None


_NoAliasLoader.add_constructor("tag:yaml.org,2002:int", _NoAliasLoader.construct_yaml_int)
_NoAliasLoader.add_constructor("tag:yaml.org,2002:timestamp", _NoAliasLoader.construct_yaml_timestamp)


class _NodeProblem(Exception):
    """A value that YAML cannot build, at its node (line counted from 0 in the YAML text)."""

    def __init__(self, node: yaml.Node, message: str) -> None:
        super().__init__(message)
        self.line = node.start_mark.line
        self.message = message
        self.node_id = id(node)


def parse_yaml(text: str, first_line: int = 1) -> tuple[Any, dict[KeyPath, int]]:
    """Parse YAML and return the data with the line of every key and list item (``first_line``-based)."""
    limit = yamllimits.limit_problem(text)  # before libyaml sees the text, for both ways of reading it
    if limit is not None:
        raise YamlProblem(limit[0] + first_line, limit[1])
    fast = fastyaml.parse_within_limits(text, first_line)
    if fast is not None:
        return fast
    return _parse_slow(text, first_line)


def _parse_slow(text: str, first_line: int) -> tuple[Any, dict[KeyPath, int]]:
    """The pure-Python loader: every check, every problem with its line."""
    try:
        loader = _NoAliasLoader(text)  # the reader refuses control characters here already
    except yaml.reader.ReaderError as exc:
        raise YamlProblem(text[: exc.position].count("\n") + first_line, _control_message(exc)) from None
    paths: dict[int, KeyPath] = {}
    try:
        try:
            node = loader.get_single_node()
        except YamlProblem as exc:
            raise YamlProblem(exc.line + first_line, exc.message) from None
        if node is None:
            return None, {}
        lines: dict[KeyPath, int] = {}
        _record_lines(node, (), lines, first_line, paths)
        data = loader.construct_document(node)
    except _NodeProblem as exc:  # a value, in the field it is the value of
        path = paths.get(exc.node_id)
        raise YamlProblem(exc.line + first_line, exc.message, field_label(path) if path else "") from None
    except yaml.MarkedYAMLError as exc:
        line, fld, message = yaml_messages.explain(exc, text)
        raise YamlProblem(line + first_line, message, fld) from None
    except yaml.YAMLError:
        raise YamlProblem(first_line, yaml_messages.GENERIC, "") from None
    except (ValueError, OverflowError):
        raise YamlProblem(
            first_line, "bevat een waarde die YAML niet kan lezen; zet tekst en getallen tussen aanhalingstekens"
        ) from None
    except RecursionError:
        raise YamlProblem(
            first_line, "is te diep genest (lijsten of velden in elkaar); maak de structuur plat"
        ) from None
    finally:
        loader.dispose()
    return data, lines


def _control_message(exc: yaml.reader.ReaderError) -> str:
    code = exc.character if isinstance(exc.character, int) else 0
    return f"bevat een onzichtbaar stuurteken (U+{code:04X}); verwijder het of typ de tekst op die regel opnieuw"


def _record_lines(
    node: yaml.Node, path: KeyPath, lines: dict[KeyPath, int], first_line: int, paths: dict[int, KeyPath]
) -> None:
    """Fills ``lines`` and ``paths``: the key path of every value node, by ``id``."""
    paths[id(node)] = path
    if isinstance(node, yaml.MappingNode):
        seen: dict[str, int] = {}
        for key_node, value_node in node.value:
            line = key_node.start_mark.line + first_line
            if not isinstance(key_node, yaml.ScalarNode):
                raise YamlProblem(line, "een veldnaam moet gewone tekst zijn, zoals 'title'")
            key = key_node.value
            if key_node.tag == "tag:yaml.org,2002:merge":
                raise YamlProblem(line, "'<<' (velden samenvoegen) is niet toegestaan; schrijf elk veld voluit")
            if key_node.tag in _KEY_TYPES:
                raise YamlProblem(
                    line,
                    f"veldnaam '{key}' leest YAML als {_KEY_TYPES[key_node.tag]}, niet als tekst; "
                    "gebruik een veldnaam als 'title' of 'summary'",
                )
            if not fastyaml.FIELD_NAME_RE.match(key):
                shown = key if len(key) <= 40 else key[:40] + "..."
                raise YamlProblem(
                    line,
                    f"veldnaam {shown!r} kan niet: een veldnaam bestaat uit letters, cijfers en '_', "
                    "zoals 'title' of 'last_reviewed'",
                )
            if key in seen:
                raise YamlProblem(
                    line,
                    f"veld '{key}' staat twee keer in de front matter (ook op regel {seen[key]}); "
                    "houd er één over en zet de waarden daar samen",
                    field_label((*path, key)),
                )
            seen[key] = line
            lines[(*path, key)] = line
            _record_lines(value_node, (*path, key), lines, first_line, paths)
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            lines[(*path, index)] = item.start_mark.line + first_line
            _record_lines(item, (*path, index), lines, first_line, paths)
