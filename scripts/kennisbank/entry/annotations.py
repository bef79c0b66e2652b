"""Problems as GitHub Actions workflow commands, so they show on the right line of a pull request.

Format: ``::error file=PATH,line=N,title=FIELD::MESSAGE`` (``::warning`` for warnings). GitHub matches
``file`` against paths relative to the repository root (``GITHUB_WORKSPACE``), so a path is made
relative to it where possible. Property values escape ``%``, CR, LF, ``:`` and ``,``; the message only
``%``, CR and LF.
"""

from __future__ import annotations

import os
from pathlib import Path

from ..errors import Problem, Severity

LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning"}


def escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def workspace_path(path: str, workspace: str | None) -> str:
    """``path`` (as shown, relative to the working directory) relative to the workspace, in POSIX form."""
    if not workspace:
        return Path(path).as_posix()
    absolute = Path(os.path.abspath(path))
    try:
        return absolute.relative_to(Path(os.path.abspath(workspace))).as_posix()
    except ValueError:
        return Path(path).as_posix()


def github_annotation(problem: Problem, workspace: str | None = None) -> str:
    properties = {
        "file": workspace_path(problem.path, workspace),
        "line": str(problem.line),
        "title": problem.field,
    }
    joined = ",".join(f"{key}={escape_property(value)}" for key, value in properties.items())
    return f"::{LEVELS[problem.severity]} {joined}::{escape_data(problem.message)}"
