"""The shape of the package: no import circle among the modules of ``scripts/kennisbank/``, and no module over
400 lines (CONTRIBUTING.md).

Every import statement counts, wherever it stands: at the top, under ``if TYPE_CHECKING:`` and inside a
function, and so does the package that importing a submodule runs first. An import moved into a function or
behind TYPE_CHECKING to dodge a circle is still a circle: the two modules still need each other.
"""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "scripts" / "kennisbank"
MAX_LINES = 400


def module_name(path: Path, root: Path = PACKAGE) -> str:
    parts = [root.name, *path.relative_to(root).with_suffix("").parts]
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def modules(root: Path = PACKAGE) -> dict[str, Path]:
    return {module_name(path, root): path for path in sorted(root.rglob("*.py"))}


def imported(name: str, path: Path, known: set[str]) -> set[str]:
    """The modules of the package that the module ``name`` (at ``path``) imports."""
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")
                base = base[: len(base) - (node.level - 1)]
                source = ".".join([*base, node.module] if node.module else base)
            else:
                source = node.module or ""
            for alias in node.names:
                # 'from . import pages' imports a module; 'from .pages import Output' a name of one.
                submodule = f"{source}.{alias.name}"
                found.add(submodule if submodule in known else source)
    # Importing 'a.b.c' runs the packages 'a.b' and 'a' first: they count, unless the importer is inside them
    # (then they are already being imported).
    found |= {parent for module in found for parent in _parents(module)}
    return {module for module in found if module in known and not (name == module or name.startswith(module + "."))}


def _parents(module: str) -> list[str]:
    parts = module.split(".")
    return [".".join(parts[:end]) for end in range(1, len(parts))]


def import_graph(root: Path = PACKAGE) -> dict[str, set[str]]:
    found = modules(root)
    return {name: imported(name, path, set(found)) for name, path in found.items()}


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """One circle through each group of modules that import each other (Tarjan's strongly connected
    components), as the list of modules along it, the first repeated at the end."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    groups: list[set[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for target in sorted(graph[node]):
            if target not in index:
                visit(target)
                low[node] = min(low[node], low[target])
            elif target in on_stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            group = set()
            while True:
                member = stack.pop()
                on_stack.discard(member)
                group.add(member)
                if member == node:
                    break
            if len(group) > 1:
                groups.append(group)

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return [_circle(graph, group) for group in groups]


def _circle(graph: dict[str, set[str]], group: set[str]) -> list[str]:
    """The shortest circle from the group's first module back to itself (breadth first, inside the group)."""
    start = min(group)
    previous: dict[str, str] = {}
    queue = [start]
    while queue:
        node = queue.pop(0)
        for target in sorted(graph[node] & group):
            if target == start:
                path = [node]
                while path[-1] != start:
                    path.append(previous[path[-1]])
                return [start, *reversed(path[:-1]), start]
            if target not in previous:
                previous[target] = node
                queue.append(target)
    raise AssertionError(f"no circle in {sorted(group)}")


def test_the_graph_sees_every_kind_of_import(tmp_path: Path) -> None:
    package = tmp_path / "pkg"
    (package / "sub").mkdir(parents=True)
    (package / "__init__.py").write_text("")
    (package / "a.py").write_text("from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    from .b import B\n")
    (package / "b.py").write_text("def f():\n    from . import c\n")
    (package / "c.py").write_text("import pkg.sub.d\n")
    (package / "sub" / "__init__.py").write_text("from .d import D\n")
    (package / "sub" / "d.py").write_text("from ..a import A\nfrom .. import c\n")
    graph = import_graph(package)
    assert graph == {
        "pkg": set(),
        "pkg.a": {"pkg.b"},
        "pkg.b": {"pkg.c"},
        "pkg.c": {"pkg.sub", "pkg.sub.d"},
        "pkg.sub": {"pkg.sub.d"},
        "pkg.sub.d": {"pkg.a", "pkg.c"},
    }
    assert cycles(graph) == [["pkg.a", "pkg.b", "pkg.c", "pkg.sub.d", "pkg.a"]]


def test_no_import_circle() -> None:
    found = cycles(import_graph())
    assert not found, "import circle(s): " + "; ".join(" -> ".join(circle) for circle in found)


def test_no_module_over_400_lines() -> None:
    counts = {name: len(path.read_text(encoding="utf-8").splitlines()) for name, path in modules().items()}
    over = sorted(f"{name} ({count} lines)" for name, count in counts.items() if count > MAX_LINES)
    assert not over, f"over {MAX_LINES} lines: " + ", ".join(over)


def test_every_validation_rule_runs_once() -> None:
    """A rule is a function of a ``Context`` alone, in a module of ``validation/``; ``validation.RULES`` is the
    one place that says which run, and in which order, so a rule written but not listed there fails here."""
    import importlib
    import inspect
    import pkgutil

    from kennisbank import validation

    submodules = [
        importlib.import_module(f"kennisbank.validation.{m.name}") for m in pkgutil.iter_modules(validation.__path__)
    ]
    written = {
        function
        for module in submodules
        for _, function in inspect.getmembers(module, inspect.isfunction)
        if function.__module__ == module.__name__ and list(inspect.signature(function).parameters) == ["ctx"]
    }
    assert len(validation.RULES) == len(set(validation.RULES)), "a rule listed twice in validation.RULES"
    assert set(validation.RULES) == written
