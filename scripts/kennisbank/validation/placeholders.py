"""Placeholders that ``kennisbank new`` leaves for the editor, and the check that finds them.

A new practice must pass ``kennisbank check`` the moment it is written, so the editor can preview it
with ``make serve``; yet its prompts must never reach the published site. Every prompt therefore
carries one marker, ``VUL IN``, in a value that is valid (summary, source title, body text) or in a
comment (phases). Each line that still holds the marker is a warning that is not publishable:
``check`` exits 0, but the build refuses the file until every marker is gone.
"""

from __future__ import annotations

from ..errors import Problem, Severity, field_label
from ..load import KeyPath, RawPractice

MARKER = "VUL IN"


def placeholder(prompt: str) -> str:
    """A placeholder text as the template writes it: the marker, then what belongs there."""
    return f"{MARKER}: {prompt}"


def placeholder_problems(raw: RawPractice) -> list[Problem]:
    """One warning per line of the file (front matter, comments included, and body) with the marker."""
    if MARKER not in raw.text:  # most files: no line to name, so no need to map lines to fields
        return []
    by_line: dict[int, KeyPath] = {}
    for path, start in sorted(raw.lines.items(), key=lambda item: len(item[0])):
        # the deepest key that starts on the line names it; an item of a one-line list, [a, b], does not
        if not (isinstance(path[-1], int) and raw.lines.get(path[:-1]) == start):
            by_line[start] = path
    problems = []
    for number, line in enumerate(raw.text.split("\n"), 1):
        if MARKER not in line:
            continue
        if number >= raw.body_line:
            name = "body"
        elif number in by_line:
            name = field_label(by_line[number])
        else:
            name = "front matter"
        problems.append(
            Problem(
                raw.display,
                number,
                name,
                f"bevat nog de invulaanwijzing '{MARKER}'; vervang die door eigen tekst "
                "(tot dan weigert de strenge bouw het bestand)",
                Severity.WARNING,
                publishable=False,
            )
        )
    return problems
