"""Every scenario's JSON matches its golden file (python tests/golden.py --regenerate)."""

from __future__ import annotations

import pytest

from tests.golden import (
    CHRONOLOGIES,
    ROOT,
    SCENARIOS,
    path,
    render,
    render_chronology,
    text_path,
)


@pytest.mark.parametrize("name", sorted(SCENARIOS))
def test_golden(name: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    want = path(name).read_text(encoding="utf-8")
    assert render(SCENARIOS[name]) == want, "python tests/golden.py --regenerate, then review"


def test_every_golden_file_has_a_scenario() -> None:
    files = {p.stem for p in path("x").parent.glob("*.json")}
    assert files == set(SCENARIOS)


@pytest.mark.parametrize("name", sorted(CHRONOLOGIES))
def test_golden_chronology(name: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    want = text_path(name).read_text(encoding="utf-8")
    assert render_chronology(CHRONOLOGIES[name]) == want, (
        "python tests/golden.py --regenerate, then review"
    )


def test_every_golden_text_file_has_a_chronology() -> None:
    files = {p.stem for p in path("x").parent.glob("*.txt")}
    assert files == set(CHRONOLOGIES)
