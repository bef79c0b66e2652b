"""The entry layer (``kennisbank.entry``: command line, MkDocs hook, build, PDFs, annotations, the command
line's output) sits on top of a core that never imports it, and generating pages needs no MkDocs."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

from kennisbank.entry import lunr_files as lunr
from kennisbank.pages.finder import ASSETS, LUNR_SCRIPTS

from .conftest import REPO

PACKAGE = REPO / "scripts" / "kennisbank"
ENTRY = "kennisbank.entry"


def module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def core_modules() -> dict[str, Path]:
    """Every module of the package outside ``entry/``, by its dotted name."""
    return {
        module_name(path): path
        for path in sorted(PACKAGE.rglob("*.py"))
        if not module_name(path).startswith(ENTRY) and "node_modules" not in path.parts
    }


def is_entry(name: str) -> bool:
    return name == ENTRY or name.startswith(ENTRY + ".")


def entry_imports(source: str, module: str, is_package: bool = False) -> list[str]:
    """The entry modules that ``source`` (the module ``module``) imports, relative imports made absolute;
    ``from X import name`` counts as importing X.name when X is no entry module, as the name may be one."""
    package = module.split(".") if is_package else module.split(".")[:-1]
    found: set[str] = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names if is_entry(alias.name))
        elif isinstance(node, ast.ImportFrom):
            base = package[: len(package) - node.level + 1] if node.level else []
            origin = ".".join([*base, *(node.module.split(".") if node.module else [])])
            names = [origin] if is_entry(origin) else [f"{origin}.{alias.name}" for alias in node.names]
            found.update(name for name in names if is_entry(name))
    return sorted(found)


@pytest.mark.parametrize(
    ("source", "module", "expected"),
    [
        ("from .entry.cli import cli", "kennisbank.site", ["kennisbank.entry.cli"]),
        ("from ..entry import build", "kennisbank.pages.home", ["kennisbank.entry"]),
        ("from . import entry", "kennisbank.site", ["kennisbank.entry"]),
        ("import kennisbank.entry.pdf", "kennisbank.site", ["kennisbank.entry.pdf"]),
        ("from kennisbank import entry", "kennisbank.search.index", ["kennisbank.entry"]),
        (
            "def f():\n    from ..entry.lunr_files import LUNR_FILES\n",
            "kennisbank.pages.search",
            ["kennisbank.entry.lunr_files"],
        ),
        ("from .entries import x\nfrom ..search import entry", "kennisbank.pages.home", []),
    ],
)
def test_the_scan_finds_every_form_of_import(source: str, module: str, expected: list[str]) -> None:
    assert entry_imports(source, module) == expected


def test_the_scan_resolves_imports_of_a_package_from_its_own_folder() -> None:
    assert entry_imports("from .entry import cli", "kennisbank", is_package=True) == ["kennisbank.entry"]


def test_the_core_never_imports_the_entry_layer() -> None:
    modules = core_modules()
    assert "kennisbank.pipeline" in modules and "kennisbank.pages.finder" in modules
    offenders = {
        name: found
        for name, path in modules.items()
        if (found := entry_imports(path.read_text(encoding="utf-8"), name, path.name == "__init__.py"))
    }
    assert not offenders, "the core imports the entry layer (move that code into entry/ or pass it in): " + "; ".join(
        f"{name} imports {', '.join(found)}" for name, found in offenders.items()
    )


def test_the_core_imports_no_mkdocs_in_a_fresh_interpreter() -> None:
    """Generating pages (pipeline, pages, site) and every other core module work without MkDocs: in a fresh
    interpreter, importing them one by one, the first one after which ``mkdocs`` is loaded is named."""
    names = ["kennisbank.pipeline", "kennisbank.pages", "kennisbank.site", *core_modules()]
    code = (
        "import importlib, sys\n"
        f"for name in {names!r}:\n"
        "    importlib.import_module(name)\n"
        "    if any(m == 'mkdocs' or m.startswith('mkdocs.') for m in sys.modules):\n"
        "        print(name)\n"
        "        break\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120, cwd=REPO)
    assert result.returncode == 0, result.stderr
    assert result.stdout == "", f"importing {result.stdout.strip()} imports mkdocs"


def test_the_lunr_files_the_finder_page_loads_are_found_and_copied_in_its_order() -> None:
    assert set(lunr.LUNR_FILES) == set(LUNR_SCRIPTS)
    assert all(path.is_file() for path in lunr.lunr_paths())
    outputs = lunr.lunr_outputs()
    assert [o.src_uri for o in outputs] == [ASSETS + name for name in LUNR_SCRIPTS]
    assert all(isinstance(o.content, bytes) and o.content for o in outputs)


def test_the_hook_keeps_its_memory_in_the_run_that_on_startup_makes() -> None:
    """What the hook remembers (the content, the last good version while serving) belongs to one run: a new
    `mkdocs serve` starts with an empty memory, and after on_shutdown nothing of the old run is left."""
    from kennisbank.entry import mkdocs_hook

    mkdocs_hook.on_startup(command="serve", dirty=False)
    first = mkdocs_hook._current()
    assert first.serving and first.content is None and not first.last_good.practices
    first.last_good.practices[Path("x.md")] = None  # type: ignore[assignment]
    mkdocs_hook.on_shutdown()
    assert mkdocs_hook._run is None
    mkdocs_hook.on_startup(command="serve", dirty=False)
    second = mkdocs_hook._current()
    assert second is not first and not second.last_good.practices
    mkdocs_hook.on_shutdown()
    mkdocs_hook.on_startup(command="build", dirty=False)
    assert not mkdocs_hook._current().serving
    mkdocs_hook.on_shutdown()


def test_the_hook_module_holds_no_other_state() -> None:
    """Module-level names of the hook are functions, classes, constants, imports and the one run."""
    tree = ast.parse((PACKAGE / "entry" / "mkdocs_hook.py").read_text(encoding="utf-8"))
    assigned = [
        target.id
        for node in tree.body
        if isinstance(node, ast.Assign | ast.AnnAssign)
        for target in (node.targets if isinstance(node, ast.Assign) else [node.target])
        if isinstance(target, ast.Name)
    ]
    assert sorted(assigned) == ["_run", "log"]


def test_no_module_beside_the_hook_shadows_an_installed_package() -> None:
    """MkDocs puts the hook's folder first on ``sys.path``; a module there named like a package (``lunr.py``)
    would then be imported instead of that package by everything loaded after the hook."""
    import importlib.util

    entry = Path(lunr.__file__).parent
    shadowing = []
    for module in sorted(entry.glob("*.py")):
        spec = importlib.util.find_spec(module.stem) if module.stem != "__init__" else None
        if spec is not None and spec.origin and Path(spec.origin).parent != entry:
            shadowing.append(f"{module.name} shadows {spec.origin}")
    assert not shadowing, shadowing
