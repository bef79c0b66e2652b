"""Problems found in the content, and the one exception base class of the package.

Every stage reports problems as data (``Problem``); only the entry points (the CLI and the MkDocs
hook) turn them into messages and exit codes.
"""

from __future__ import annotations

import dataclasses
import enum
import os
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path


class KennisbankError(Exception):
    """Base class of every error this package raises on purpose."""


class ContentError(KennisbankError):
    """The content has errors; ``problems`` lists all of them."""

    def __init__(self, problems: Iterable[Problem]) -> None:
        self.problems = tuple(problems)
        super().__init__(format_problems(self.problems))


class Severity(enum.Enum):
    ERROR = "fout"
    WARNING = "waarschuwing"


# Every character str.splitlines() breaks at, written as an escape.
_LINE_BREAKS = str.maketrans({c: repr(c)[1:-1] for c in "\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029"})


def one_line(message: str) -> str:
    """A message quotes what the editor wrote; a line break in that (a region of just "\\n") must not
    split the message over two lines, which editors and CI annotations read line by line."""
    return message.translate(_LINE_BREAKS)


@dataclass(frozen=True, order=True)
class Problem:
    """One problem at one place: ``path:line: field: message``."""

    path: str
    line: int
    field: str
    message: str
    severity: Severity = Severity.ERROR
    # False for a warning that must not reach the published site (a template placeholder): the build
    # refuses it, while `check` and `mkdocs serve` only warn, so the editor can still preview the file.
    publishable: bool = dataclasses.field(default=True, compare=False)

    def __str__(self) -> str:
        prefix = "waarschuwing: " if self.severity is Severity.WARNING else ""
        return f"{self.path}:{self.line}: {self.field}: {prefix}{one_line(self.message)}"

    @property
    def is_error(self) -> bool:
        return self.severity is Severity.ERROR

    @property
    def blocks_build(self) -> bool:
        return self.is_error or not self.publishable


def field_label(path: tuple[str | int, ...]) -> str:
    """The field part of a problem: ("contacts", 0, "email") -> "contacts[1].email", list items counted from
    1, as editors count."""
    label = ""
    for part in path:
        label += f"[{part + 1}]" if isinstance(part, int) else (f".{part}" if label else part)
    return label


def display_path(path: Path) -> str:
    """The path as editors see it: relative to the working directory where possible."""
    absolute = Path(os.path.abspath(path))  # not resolve(): a symlink is shown by its own name
    try:
        # os.getcwd() is already free of symlinks; resolving it again cost a system call per component
        # for every file (a fifth of loading 10,000 practices).
        return str(absolute.relative_to(os.getcwd()))
    except ValueError:
        return str(path)


def display_children(folder: Path) -> Callable[[Path], str]:
    """``display_path`` for the files that a listing of ``folder`` gives (``folder / name``), without asking
    the system for the working directory again for every file."""
    cwd = os.getcwd()
    absolute = os.path.abspath(folder)
    try:
        inside = str(Path(absolute).relative_to(cwd))
    except ValueError:  # outside the working directory, and so is every file in it ...
        if os.path.dirname(cwd) != absolute:
            return str
        # ... except the working directory itself, if it is one of them
        return lambda child: display_path(child) if child.name == os.path.basename(cwd) else str(child)
    return lambda child: child.name if inside == "." else f"{inside}/{child.name}"


def format_problems(problems: Iterable[Problem]) -> str:
    return "\n".join(str(p) for p in sorted_problems(problems))


def sorted_problems(problems: Iterable[Problem]) -> list[Problem]:
    """In the order editors read them: by file, line, field and message."""
    return sorted(problems, key=_sort_key)


def _sort_key(problem: Problem) -> tuple[str, int, str, str]:
    return (problem.path, problem.line, problem.field, problem.message)


def errors_only(problems: Iterable[Problem]) -> list[Problem]:
    return [p for p in problems if p.is_error]
