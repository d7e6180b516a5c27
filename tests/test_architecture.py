"""The packages import one way only, and each module declares its public names."""
from __future__ import annotations

import ast
import importlib
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


@pytest.mark.parametrize("package", sorted(ALLOWED))
def test_public_modules_declare_all(package):
    for path in modules(package):
        if path.name.startswith("_") and path.name != "__init__.py":
            continue
        name = ".".join(path.relative_to(ROOT).with_suffix("").parts).removesuffix(".__init__")
        module = importlib.import_module(name)
        assert hasattr(module, "__all__"), f"{name} has no __all__"
        missing = [n for n in module.__all__ if not hasattr(module, n)]
        assert not missing, f"{name}.__all__ names what it does not define: {missing}"


def test_product_code_never_reads_shared():
    for package in [*ALLOWED, "frus_kg"]:
        for path in modules(package):
            assert "/".join(("..", "shared")) not in path.read_text(encoding="utf-8"), path
