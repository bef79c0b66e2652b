"""The stages from practice files to a catalogue, in order, declared once as data.

    load -> validate -> placeholders -> catalogue        (then ``pages.generate`` turns a catalogue into pages)

Each stage takes the ``State`` and returns it with its own part filled in; problems accumulate, so one
run reports everything that is wrong in every file.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import gc
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from .catalogue import Catalogue, cross_file_problems
from .errors import ContentError, Problem, errors_only
from .load import RawPractice, load_paths
from .model import Practice
from .placeholders import placeholder_problems
from .validate import validate
from .vocabularies import DEFAULT_DIR, Vocabularies, load_vocabularies

DEFAULT_PRACTICES_DIR = DEFAULT_DIR.parent


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


def catalogue_stage(state: State) -> State:
    state.problems.extend(cross_file_problems(state.practices))
    state.catalogue = Catalogue(list(state.practices), state.vocabularies)
    return state


STAGES: tuple[tuple[str, Callable[[State], State]], ...] = (
    ("load", load_stage),
    ("validate", validate_stage),
    ("placeholders", placeholders_stage),
    ("catalogue", catalogue_stage),
)


def run(
    paths: Iterable[Path] = (DEFAULT_PRACTICES_DIR,),
    vocabularies: Vocabularies | None = None,
    today: dt.date | None = None,
) -> State:
    """Run every stage and return the final state; never raises for bad content."""
    state = State(list(paths), vocabularies or load_vocabularies(), today or dt.date.today())
    with _without_cycle_collection():
        for _name, stage in STAGES:
            state = stage(state)
    return state


@contextlib.contextmanager
def _without_cycle_collection() -> Iterator[None]:
    """The stages keep nearly all they make until the end, so Python's cycle collector walks an ever
    larger heap and finds nothing to free: 15% of ``kennisbank check`` at 10,000 practices. Reference
    counting still frees everything as usual; the collector is back on (as it was) afterwards.

    Everything made meanwhile is then still in the youngest generation, and the first collection after
    this would walk it all once more (4% of ``check``). So it moves to the oldest generation at once:
    ``freeze`` and ``unfreeze`` do that without walking it. It stays collectable there as usual."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.freeze()
            gc.unfreeze()
            gc.enable()


def build_catalogue(paths: Iterable[Path] = (DEFAULT_PRACTICES_DIR,), today: dt.date | None = None) -> Catalogue:
    """The catalogue of valid content; raises ``ContentError`` with all problems if any file has errors."""
    state = run(paths, today=today)
    if state.errors or state.catalogue is None:
        raise ContentError(state.problems)
    return state.catalogue
