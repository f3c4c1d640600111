"""docs/check.md: its console examples are real output (python tests/test_docs_check.py --fix)."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parent.parent
DOC = ROOT / "docs" / "check.md"


def _examples_module() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "readme_examples", ROOT / "scripts/readme_examples.py"
    )
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["readme_examples"] = module
    spec.loader.exec_module(module)
    return module


@pytest.mark.slow
def test_check_doc_console_examples_are_real_output() -> None:
    m = _examples_module()
    found = m.examples(DOC.read_text(encoding="utf-8"))
    assert len(found) >= 3
    for _, command, shown in found:
        cut = shown.index("...") if "..." in shown else len(shown)
        want = [m._same(line) for line in shown[:cut]]
        got = [m._same(line) for line in m.actual(command)]
        assert want == (got[: len(want)] if cut < len(shown) else got), command


def test_check_doc_is_linked_from_the_readme() -> None:
    assert "docs/check.md" in (ROOT / "README.md").read_text(encoding="utf-8")


if __name__ == "__main__":  # rewrite the examples' output with the real one
    m = _examples_module()
    lines = DOC.read_text(encoding="utf-8").splitlines()
    for index, command, shown in reversed(m.examples("\n".join(lines))):
        cut = shown.index("...") if "..." in shown else None
        got = m.actual(command)
        lines[index + 1 : index + 1 + len(shown)] = got[:cut] + shown[cut:] if cut else got
    DOC.write_text("\n".join(lines) + "\n", encoding="utf-8")
