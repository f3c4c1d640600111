"""The package's import graph: dependencies point one way (style.md, "The shape").

Read from the source with ast, every import counted, at module level or inside a function (a
deferred import only hides a cycle), except those under ``if TYPE_CHECKING:``, which never run.
"""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

SRC = Path(__file__).parent.parent / "src"
PACKAGE = SRC / "sendtime"
EDGE_LIBRARIES = ("typer", "rich", "pydantic", "icalendar", "openpyxl", "click")
CORE = ("sendtime.engine", "sendtime.law")


def _module_name(path: Path) -> str:
    parts = path.relative_to(SRC).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _is_type_checking(node: ast.If) -> bool:
    test = node.test
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"
    )


def _imports(tree: ast.AST, package: str) -> set[str]:
    """Every module a tree imports (absolute names), skipping TYPE_CHECKING blocks."""
    out: set[str] = set()

    def visit(node: ast.AST) -> None:
        if isinstance(node, ast.If) and _is_type_checking(node):
            for other in node.orelse:
                visit(other)
            return
        if isinstance(node, ast.Import):
            out.update(a.name for a in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                up = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*up, base] if base else up)
            out.add(base)
            # "from sendtime.law.england import rules" imports the module sendtime...rules
            out.update(f"{base}.{a.name}" for a in node.names)
        for child in ast.iter_child_nodes(node):
            visit(child)

    visit(tree)
    return out


def graph() -> dict[str, set[str]]:
    """Module -> the sendtime modules it imports."""
    modules = {_module_name(p): p for p in PACKAGE.rglob("*.py")}
    out: dict[str, set[str]] = {}
    for name, path in modules.items():
        package = name if path.name == "__init__.py" else name.rpartition(".")[0]
        tree = ast.parse(path.read_text(encoding="utf-8"))
        out[name] = {m for m in _imports(tree, package) if m in modules and m != name}
    return out


def _cycle(g: dict[str, set[str]]) -> list[str] | None:
    """One import cycle, as a path that returns to its start, or None."""
    state: dict[str, int] = {}
    stack: list[str] = []

    def walk(n: str) -> list[str] | None:
        state[n] = 1
        stack.append(n)
        for m in sorted(g[n]):
            if state.get(m) == 1:
                return [*stack[stack.index(m) :], m]
            if m not in state and (found := walk(m)):
                return found
        stack.pop()
        state[n] = 2
        return None

    for n in sorted(g):
        if n not in state and (found := walk(n)):
            return found
    return None


def test_the_graph_is_read() -> None:
    g = graph()
    # The reader sees module-level, from-package and deferred imports alike.
    assert "sendtime.engine.model" in g["sendtime.engine.timeline"]
    assert "sendtime.law.england.rules" in g["sendtime.law.england.ruleset"]
    assert "sendtime.io.bankholidays" in g["sendtime.cli.options"]  # inside a function


def test_cycle_finder_finds_a_cycle() -> None:
    assert _cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == ["a", "b", "c", "a"]
    assert _cycle({"a": {"b"}, "b": set()}) is None


def test_no_module_imports_one_that_imports_it_back() -> None:
    g = graph()
    # A package's __init__ re-exporting its children is not a cycle of the code; leave the
    # root package's lazy exports out (they load on first use, never at import).
    g = {k: {m for m in v if m != "sendtime"} for k, v in g.items() if k != "sendtime"}
    assert _cycle(g) is None


@pytest.mark.parametrize("edge", ["sendtime.law", "sendtime.io", "sendtime.render", "sendtime.cli"])
def test_the_engine_imports_no_law_and_no_edge(edge: str) -> None:
    g = graph()
    bad = {
        (m, i)
        for m, imported in g.items()
        if m.startswith("sendtime.engine")
        for i in imported
        if i == edge or i.startswith(edge + ".")
    }
    assert bad == set()


def test_the_law_imports_no_edge() -> None:
    g = graph()
    edges = ("sendtime.io", "sendtime.render", "sendtime.cli")
    bad = {
        (m, i)
        for m, imported in g.items()
        if m.startswith("sendtime.law")
        for i in imported
        if i.startswith(edges)
    }
    assert bad == set()


def test_the_core_imports_no_edge_library() -> None:
    bad = []
    for path in PACKAGE.rglob("*.py"):
        name = _module_name(path)
        if not name.startswith(CORE):
            continue
        package = name if path.name == "__init__.py" else name.rpartition(".")[0]
        imported = _imports(ast.parse(path.read_text(encoding="utf-8")), package)
        bad += [(name, m) for m in imported if m.split(".")[0] in EDGE_LIBRARIES]
    assert bad == []


def test_running_the_core_loads_no_edge_library_or_edge_module() -> None:
    code = (
        "import sys, datetime as dt, sendtime;"
        "sendtime.assess(dt.date(2024, 3, 1)); sendtime.appeal(dt.date(2024, 3, 1));"
        "sendtime.review(dt.date(2024, 3, 1)); sendtime.pupil(dt.date(2015, 3, 1), "
        "today=dt.date(2024, 3, 1));"
        f"libs = {EDGE_LIBRARIES!r};"
        "bad = [m for m in sys.modules if m.split('.')[0] in libs"
        " or m.startswith(('sendtime.io', 'sendtime.render', 'sendtime.cli'))];"
        "print(','.join(sorted(bad)))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ""
