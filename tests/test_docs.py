"""The docs: generated pages match the code, examples are real output, the site builds strictly."""

from __future__ import annotations

import importlib.util
import re
import subprocess
import sys
from pathlib import Path
from types import ModuleType

import pytest

from sendtime.cli.app import load_commands
from tests.conftest import ROOT

app = load_commands()

README = (ROOT / "README.md").read_text(encoding="utf-8")
DOCS = ROOT / "docs"


def _script(name: str) -> ModuleType:
    spec = importlib.util.spec_from_file_location(name, ROOT / "scripts" / f"{name}.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


def test_generated_docs_are_current() -> None:
    module = _script("update_docs")
    pages = module.expected()
    assert len(pages) == 4
    for path, text in pages.items():
        assert path.read_text(encoding="utf-8") == text, "run: python scripts/update_docs.py"
    assert "| assess.final |" in (DOCS / "rules.md").read_text(encoding="utf-8")
    assert '"sendtime.timeline/1"' in (DOCS / "reference/json.md").read_text(encoding="utf-8")


def test_cli_reference_lists_every_command_and_option() -> None:
    import typer.main

    page = (DOCS / "reference/cli.md").read_text(encoding="utf-8")
    group = typer.main.get_command(app)
    commands = getattr(group, "commands", {})
    assert len(commands) >= 18
    for name, cmd in commands.items():
        assert f"\n## {name}\n" in page, name
        section = page.split(f"\n## {name}\n", 1)[1].split("\n## ", 1)[0]
        for p in cmd.params:
            if p.param_type_name == "option" and not getattr(p, "hidden", False):
                assert f"`{p.opts[0]}`" in section, (name, p.opts[0])


def test_every_command_is_in_a_guide() -> None:
    guides = README + "".join(
        p.read_text(encoding="utf-8") for p in DOCS.glob("*.md") if p.name != "rules.md"
    )
    for c in app.registered_commands:
        assert f"sendtime {c.name}" in guides or f"`{c.name}`" in guides, c.name


def test_every_exit_code_is_documented() -> None:
    page = (DOCS / "reference/exit-codes.md").read_text(encoding="utf-8")
    for code in range(5):
        assert f"| {code} |" in page


def test_readme_is_short_and_links_to_the_docs() -> None:
    assert len(README.splitlines()) < 300
    assert len(README) < 10_000
    for link in re.findall(r"\]\((docs/[^)#]+)", README):
        assert (ROOT / link).is_file(), link


def test_quick_start_has_exactly_two_commands_and_ci_runs_the_second() -> None:
    block = README.split("## Quick start", 1)[1].split("```sh", 1)[1].split("```", 1)[0]
    lines = [line for line in block.strip().splitlines() if line.strip()]
    assert len(lines) == 2
    assert "python3 -m venv" in lines[0]
    assert "pip install" in lines[0]
    assert "sendtime assess 2024-03-01" in lines[0]
    assert lines[1].endswith("python -m pytest")
    ci = (ROOT / ".ci/run").read_text(encoding="utf-8")
    assert re.search(r"^python -m pytest$", ci, flags=re.M)


def test_code_cites_docs_pages_never_files_outside_the_repository() -> None:
    outside = re.compile(r"\.\./shared|\b(?:data|interface|england)\.md\b")
    cited = re.compile(r"docs/[a-z0-9/-]+\.md")
    for folder in ("src", "tests", "scripts", "examples", "benchmarks"):
        for path in (ROOT / folder).rglob("*"):
            if path.suffix not in (".py", ".toml", ".sh", ".ics", ".csv") or path == Path(__file__):
                continue
            text = path.read_text(encoding="utf-8")
            assert not outside.search(text), f"{path.relative_to(ROOT)} cites a file outside"
            for page in cited.findall(text):
                assert (ROOT / page).is_file(), f"{path.relative_to(ROOT)} cites missing {page}"


def test_docs_site_builds_in_strict_mode(tmp_path: Path) -> None:
    # a broken link, a missing anchor or a page left out of the nav fails the build
    r = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-d", str(tmp_path / "site")],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert r.returncode == 0, r.stderr[-2000:]
    assert (tmp_path / "site" / "reference" / "cli" / "index.html").is_file()


@pytest.mark.slow
def test_console_examples_are_real_output() -> None:
    module = _script("readme_examples")
    assert len(module.examples(README)) >= 2
    total = sum(len(module.examples(p.read_text(encoding="utf-8"))) for p in module.pages())
    assert total >= 15
    assert module.mismatches() == [], "run: python scripts/readme_examples.py --fix"
