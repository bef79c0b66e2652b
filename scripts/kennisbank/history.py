"""When each practice was added and last changed: from the version history, or a labelled fallback.

The entry layer runs one ``git log`` over the practices folder (``entry/git_history.py``, with ``LOG_ARGS``)
and hands its output here as text; this module only reads it. A practice that the history does not know
(no git, a file not committed yet) gets its ``last_reviewed`` date instead, and says so. In a shallow clone
the oldest commit that is there seems to add every file, so what it lists tells nothing: a file seen only
there has no known date of adding, and a file changed only there no known date of changing.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass

from .model import Practice

# One record per commit (\x1e), its fields split by \x1f: hash, parents, committer date; then the names of
# the files it touched, relative to the folder git runs in, each ended by NUL (-z).
LOG_ARGS = (
    "log",
    "-z",
    "--format=%x1e%H%x1f%P%x1f%cI",
    "--name-only",
    "--no-renames",
    "--relative",
    "--",
    ".",
)


@dataclass(frozen=True)
class FileHistory:
    """What the history says of one file: when it first and last appeared in a commit (None: unknown)."""

    added: dt.datetime | None
    changed: dt.datetime | None


@dataclass(frozen=True)
class Dates:
    """The dates a page shows for a practice. ``from_history`` is false when they are a fallback."""

    added: dt.date | None
    changed: dt.date
    changed_at: dt.datetime  # for ordering and the feed; a fallback date at midnight UTC
    from_history: bool


def parse_log(output: str, shallow: bool = False) -> dict[str, FileHistory]:
    """File name -> its history, from the output of ``git log`` with ``LOG_ARGS`` (newest commit first)."""
    added: dict[str, dt.datetime | None] = {}
    changed: dict[str, dt.datetime | None] = {}
    for record in output.split("\x1e"):
        if not record.strip("\0\n"):
            continue
        header, _, names = record.partition("\0")
        fields = header.split("\x1f")
        if len(fields) != 3:
            continue
        _, parents, date = fields
        try:
            when = dt.datetime.fromisoformat(date.strip())
        except ValueError:
            continue
        # A shallow clone's oldest commits have no parents here: they list every file there was.
        boundary = shallow and not parents.strip()
        for name in names.removeprefix("\n").split("\0"):
            if not name:
                continue
            changed.setdefault(name, None if boundary else when)
            added[name] = None if boundary else when  # older commits come later: the last one seen is the first
    return {name: FileHistory(added[name], changed[name]) for name in changed}


def practice_dates(practice: Practice, history: Mapping[str, FileHistory]) -> Dates:
    """The dates of ``practice``, looked up by its file name; ``last_reviewed`` where the history has none."""
    known = history.get(practice.path.name)
    if known is None or known.changed is None:
        midnight = dt.datetime.combine(practice.last_reviewed, dt.time(), tzinfo=dt.UTC)
        added = known.added.date() if known is not None and known.added is not None else None
        return Dates(added, practice.last_reviewed, midnight, from_history=False)
    added_date = known.added.date() if known.added is not None else None
    return Dates(added_date, known.changed.date(), known.changed, from_history=True)
