"""What every validation rule works with: the file being checked, what it is checked against, and the problems
found so far. Every rule module imports this one; it imports no rule."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from ..errors import Problem, Severity
from ..load import KeyPath, RawPractice
from ..vocabularies import Vocabularies


@dataclass
class Context:
    raw: RawPractice
    vocabularies: Vocabularies
    today: dt.date
    problems: list[Problem]
    # The front matter's valid values, converted: filled by the first rule (``fields.front_matter``) for the
    # rules after it.
    values: dict[str, Any] = field(default_factory=dict)

    def error(self, path: KeyPath, field_name: str, message: str) -> None:
        self.problems.append(Problem(self.raw.display, self.raw.line(*path), field_name, message))

    def warn(self, path: KeyPath, field_name: str, message: str) -> None:
        self.problems.append(Problem(self.raw.display, self.raw.line(*path), field_name, message, Severity.WARNING))
