"""Reads the practices' version history with one ``git log`` (history.py parses it). No git, no repository
or a failing command gives an empty history: the pages then show their fallback dates."""

from __future__ import annotations

import subprocess
from pathlib import Path

from kennisbank.history import LOG_ARGS, FileHistory, parse_log

TIMEOUT_SECONDS = 120


def read_history(practices_dir: Path) -> dict[str, FileHistory]:
    """File name below ``practices_dir`` -> its history; {} where git cannot tell."""
    try:
        shallow = _git(practices_dir, "rev-parse", "--is-shallow-repository")
        if shallow is None:
            return {}
        output = _git(practices_dir, *LOG_ARGS)
    except (OSError, subprocess.SubprocessError):
        return {}
    return parse_log(output, shallow=shallow.strip() == "true") if output else {}


def _git(directory: Path, *args: str) -> str | None:
    done = subprocess.run(  # noqa: S603 - fixed arguments, no shell
        ["git", "-C", str(directory), *args],  # noqa: S607 - git from PATH, as editors run it
        capture_output=True,
        text=True,
        encoding="utf-8",
        errors="surrogateescape",
        timeout=TIMEOUT_SECONDS,
        check=False,
    )
    return done.stdout if done.returncode == 0 else None
