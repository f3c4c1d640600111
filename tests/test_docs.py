"""The README: its rule table is generated from RULES, and every command is documented."""

from __future__ import annotations

import importlib.util
import sys

import pytest

from sendtime.cli.app import load_commands
from tests.conftest import ROOT

app = load_commands()

README = (ROOT / "README.md").read_text(encoding="utf-8")


def _update_readme() -> object:
    spec = importlib.util.spec_from_file_location(
        "update_readme", ROOT / "scripts/update_readme.py"
    )
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["update_readme"] = module
    spec.loader.exec_module(module)
    return module


def test_readme_rule_table_is_current() -> None:
    module = _update_readme()
    assert module.render(README) == README, "run: python scripts/update_readme.py"  # type: ignore[attr-defined]
    assert "| assess.final |" in README


def test_every_command_is_in_the_readme() -> None:
    names = [c.name for c in app.registered_commands]
    assert names
    for name in names:
        assert f"sendtime {name}" in README or f"`{name}`" in README, name


def test_quick_start_has_exactly_two_commands() -> None:
    block = README.split("## Quick start", 1)[1].split("```sh", 1)[1].split("```", 1)[0]
    lines = [line for line in block.strip().splitlines() if line.strip()]
    assert len(lines) == 2
    assert "python3 -m venv" in lines[0]
    assert "sendtime assess 2024-03-01" in lines[0]
    assert "pytest" in lines[1]


@pytest.mark.slow
def test_readme_console_examples_are_real_output() -> None:
    spec = importlib.util.spec_from_file_location(
        "readme_examples", ROOT / "scripts/readme_examples.py"
    )
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["readme_examples"] = module
    spec.loader.exec_module(module)
    assert len(module.examples(README)) >= 10
    assert module.mismatches() == [], "run: python scripts/readme_examples.py --fix"
