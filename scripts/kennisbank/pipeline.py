"""The stages from practice files to a catalogue, in order, declared once as data.

    load -> validate -> placeholders -> catalogue        (then ``pages.generate`` turns a catalogue into pages)

Each stage takes the ``State`` and returns it with its own part filled in; problems accumulate, so one
run reports everything that is wrong in every file.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from .catalogue import Catalogue, cross_file_problems
from .errors import ContentError, Problem, errors_only
from .heap import without_cycle_collection
from .load import RawPractice, load_paths
from .model import Practice
from .validation import placeholder_problems, validate
from .vocabularies import Vocabularies


@dataclass
class State:
    paths: list[Path]
    vocabularies: Vocabularies
    today: dt.date
    files: int = 0
    raw: list[RawPractice] = field(default_factory=list)
    practices: list[Practice] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    catalogue: Catalogue | None = None
    # The rest of the collection, where only some of its files are checked: the checks across files
    # compare the checked files with these (``collection_stage``), and blame the checked ones.
    collection: Path | None = None
    others: list[Practice] = field(default_factory=list)

    @property
    def errors(self) -> list[Problem]:
        return errors_only(self.problems)


def load_stage(state: State) -> State:
    result = load_paths(state.paths)
    state.files, state.raw = result.files, result.practices
    state.problems.extend(result.problems)
    return state


def validate_stage(state: State) -> State:
    for raw in state.raw:
        practice, problems = validate(raw, state.vocabularies, state.today)
        state.problems.extend(problems)
        if practice is not None:
            state.practices.append(practice)
    return state


def placeholders_stage(state: State) -> State:
    for raw in state.raw:
        state.problems.extend(placeholder_problems(raw))
    return state


def collection_stage(state: State) -> State:
    """Where single files are checked: the valid practices of the rest of the collection, to check them
    against (their own problems are not reported here)."""
    if state.collection is None or not state.collection.is_dir():
        return state
    checked = {os.path.abspath(p) for p in state.paths}
    if os.path.abspath(state.collection) in checked:
        return state
    rest = load_paths([state.collection])
    for raw in rest.practices:
        if os.path.abspath(raw.path) not in checked:
            practice, _ = validate(raw, state.vocabularies, state.today)
            if practice is not None:
                state.others.append(practice)
    return state


def catalogue_stage(state: State) -> State:
    if state.others:
        state.problems.extend(_against_collection(state.others, state.practices, state.vocabularies))
    else:
        state.problems.extend(cross_file_problems(state.practices, state.vocabularies))
    state.catalogue = Catalogue(list(state.practices), state.vocabularies)
    return state


def _against_collection(others: list[Practice], checked: list[Practice], vocabularies: Vocabularies) -> list[Problem]:
    """The problems across files that the checked files bring: the other files come first, so a title or
    slug that is already taken is blamed on the checked file; a problem in another file that only the
    checked files cause (a contact they withdraw) is reported too."""
    before = set(cross_file_problems(others, vocabularies))
    return [p for p in cross_file_problems([*others, *checked], vocabularies) if p not in before]


STAGES: tuple[tuple[str, Callable[[State], State]], ...] = (
    ("load", load_stage),
    ("validate", validate_stage),
    ("placeholders", placeholders_stage),
    ("collection", collection_stage),
    ("catalogue", catalogue_stage),
)


def run(
    paths: Iterable[Path], vocabularies: Vocabularies, today: dt.date | None = None, collection: Path | None = None
) -> State:
    """Run every stage and return the final state; never raises for bad content. ``collection``: the
    folder the checked files belong to, for the checks across files when not all of it is checked."""
    state = State(list(paths), vocabularies, today or dt.date.today(), collection=collection)
    with without_cycle_collection():
        for _name, stage in STAGES:
            state = stage(state)
    return state


def build_catalogue(paths: Iterable[Path], vocabularies: Vocabularies, today: dt.date | None = None) -> Catalogue:
    """The catalogue of valid content; raises ``ContentError`` with all problems if any file has errors."""
    state = run(paths, vocabularies, today)
    if state.errors or state.catalogue is None:
        raise ContentError(state.problems)
    return state.catalogue
