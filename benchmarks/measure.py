"""Run one command in a child process and measure it: wall time, CPU time and peak memory.

CPU time (user + system of the child) is the main figure: on a shared 2-core machine the wall time of
the same build varies by a factor of two with the load, the CPU time far less. Peak memory is the
child's own maximum resident set (``os.wait4``), not the largest of all children so far.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

PYTHON = sys.executable
REPO = Path(__file__).resolve().parents[1]  # where ``python -m benchmarks.…`` finds the package
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONDONTWRITEBYTECODE": "1"}


class CommandFailed(RuntimeError):
    pass


@dataclass(frozen=True)
class Run:
    wall: float  # seconds
    cpu: float  # seconds, user + system
    peak_mb: float
    output: str

    def json(self) -> dict[str, Any]:
        """The child's last stdout line, for children that report what they timed inside."""
        lines = self.output.strip().splitlines()
        return json.loads(lines[-1]) if lines else {}


def run(args: Sequence[str | Path], cwd: Path | None = None) -> Run:
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        start = time.perf_counter()
        process = subprocess.Popen([str(a) for a in args], cwd=cwd, env=ENV, stdout=out, stderr=err)
        _pid, status, usage = os.wait4(process.pid, 0)
        wall = time.perf_counter() - start
        process.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        stdout = out.read().decode("utf-8", "replace")
        if process.returncode != 0:
            stderr = err.read().decode("utf-8", "replace")
            raise CommandFailed(f"{' '.join(map(str, args))} exited {process.returncode}:\n{stdout}\n{stderr}"[-4000:])
    return Run(wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024, stdout)


def python_module(module: str, *args: str | Path) -> Run:
    return run([PYTHON, "-m", module, *args], cwd=REPO)
