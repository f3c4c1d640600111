"""Every scenario's JSON matches its golden file (python tests/golden.py --regenerate)."""

from __future__ import annotations

import pytest

from tests.golden import ROOT, SCENARIOS, path, render


@pytest.mark.parametrize("name", sorted(SCENARIOS))
def test_golden(name: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    want = path(name).read_text(encoding="utf-8")
    assert render(SCENARIOS[name]) == want, "python tests/golden.py --regenerate, then review"


def test_every_golden_file_has_a_scenario() -> None:
    files = {p.stem for p in path("x").parent.glob("*.json")}
    assert files == set(SCENARIOS)
