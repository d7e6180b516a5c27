"""The packages import one way only, no module of a package imports itself back (even lazily, inside a
function), and each module declares its public names."""
from __future__ import annotations

import ast
import importlib
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
ALLOWED = {
    "ontology": set(),
    "ingest": {"ontology"},
    "graph": {"ontology"},
    "api": {"graph", "ontology"},
}
OURS = {"ontology", "ingest", "graph", "api", "frus_kg"}


def modules(package: str):
    return sorted(p for p in (ROOT / package).rglob("*.py"))


def imported_packages(path: Path) -> set[str]:
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found |= {a.name.split(".")[0] for a in node.names}
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            found.add(node.module.split(".")[0])
    return found & OURS


@pytest.mark.parametrize("package", sorted(ALLOWED))
def test_imports_are_one_way(package):
    for path in modules(package):
        wrong = imported_packages(path) - ALLOWED[package] - {package}
        assert not wrong, f"{path.relative_to(ROOT)} imports {sorted(wrong)}: {package} may import only {sorted(ALLOWED[package])}"


def module_name(path: Path) -> str:
    return ".".join(path.relative_to(ROOT).with_suffix("").parts).removesuffix(".__init__")


def internal_imports(package: str) -> dict[str, set[str]]:
    """module -> the modules of the same package it imports, at the top or inside a function.

    `from . import x` is an edge to module x (not to the package's __init__), as Python resolves it."""
    paths = {module_name(p): p for p in modules(package)}
    graph = {}
    for name, path in paths.items():
        here = name if path.name == "__init__.py" else name.rpartition(".")[0]
        found = set()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                found |= {a.name for a in node.names if a.name in paths}
            elif isinstance(node, ast.ImportFrom):
                base = node.module or ""
                if node.level:
                    parts = here.split(".")[: len(here.split(".")) - node.level + 1]
                    base = ".".join(parts + ([node.module] if node.module else []))
                for alias in node.names:
                    target = f"{base}.{alias.name}"
                    found.add(target if target in paths else base)
        graph[name] = (found & set(paths)) - {name}
    return graph


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected components with more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    found = []

    def visit(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        for w in sorted(graph[v]):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            component = []
            while True:
                w = stack.pop()
                component.append(w)
                if w == v:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for v in sorted(graph):
        if v not in index:
            visit(v)
    return found


CYCLE_FREE = ["ontology", "ingest", "graph", "api", "frus_kg"]


@pytest.mark.parametrize("package", CYCLE_FREE)
def test_no_import_cycle_inside_a_package(package):
    assert cycles(internal_imports(package)) == []


def test_the_cycle_check_sees_lazy_imports(tmp_path, monkeypatch):
    (tmp_path / "pkg").mkdir()
    (tmp_path / "pkg" / "__init__.py").write_text("")
    (tmp_path / "pkg" / "a.py").write_text("from .b import f\n")
    (tmp_path / "pkg" / "b.py").write_text("def f():\n    from . import a\n    return a\n")
    monkeypatch.setattr(sys.modules[__name__], "ROOT", tmp_path)
    assert cycles(internal_imports("pkg")) == [["pkg.a", "pkg.b"]]


@pytest.mark.parametrize("package", sorted(ALLOWED))
def test_public_modules_declare_all(package):
    for path in modules(package):
        if path.name.startswith("_") and path.name != "__init__.py":
            continue
        name = module_name(path)
        module = importlib.import_module(name)
        assert hasattr(module, "__all__"), f"{name} has no __all__"
        missing = [n for n in module.__all__ if not hasattr(module, n)]
        assert not missing, f"{name}.__all__ names what it does not define: {missing}"


def test_product_code_never_reads_shared():
    for package in [*ALLOWED, "frus_kg"]:
        for path in modules(package):
            assert "/".join(("..", "shared")) not in path.read_text(encoding="utf-8"), path


def _names_bound_twice(path: Path) -> list[str]:
    """Module-level names a module binds more than once (an assignment, a function, a class)."""
    seen: dict[str, int] = {}
    for node in ast.parse(path.read_text(encoding="utf-8")).body:
        targets = node.targets if isinstance(node, ast.Assign) else \
            [node.target] if isinstance(node, ast.AnnAssign) else []
        names = [t.id for t in targets if isinstance(t, ast.Name)]
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            names.append(node.name)
        for name in names:
            seen[name] = seen.get(name, 0) + 1
    return sorted(name for name, count in seen.items() if count > 1)


@pytest.mark.parametrize("package", [*sorted(OURS), "tests", "bench"])
def test_regression_a_module_constant_bound_twice_shadowed_the_first(package):
    """Session 51: a second `_FROM_THE_DEPARTMENT` in ingest/claims/coreference.py replaced the first for every use of
    it in the module, and a 1940s Department telegram lost its signer's claims. In a test module, a test function
    named twice would silently never run."""
    for path in modules(package):
        twice = _names_bound_twice(path)
        assert not twice, f"{path.relative_to(ROOT)} binds {twice} more than once at module level"


def test_the_shadowing_check_sees_a_constant_bound_twice(tmp_path):
    path = tmp_path / "m.py"
    path.write_text("import re\n_A = re.compile('a')\n\ndef f():\n    return _A\n\n_A = re.compile('b')\n")
    assert _names_bound_twice(path) == ["_A"]
