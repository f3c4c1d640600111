"""examples/library.py runs and prints the dates its comments promise."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from tests.conftest import ROOT


@pytest.mark.slow
def test_library_example_prints_real_dates() -> None:
    p = subprocess.run(
        [sys.executable, str(ROOT / "examples" / "library.py")],
        capture_output=True,
        text=True,
        check=True,
        env=dict(os.environ, NO_COLOR="1"),
    )
    lines = p.stdout.splitlines()
    assert lines[0] == "2024-07-19 Friday SEND Regulations 2014, reg 13(2)"
    assert lines[1] == "2026-02-13"
    assert lines[2].startswith("2025-12-19 Example Primary School SEND policy")
    assert lines[3] == "2024-01-02"
    assert lines[4] == "6 2026-02-14"
    assert "EHC-0101 2026-10-19" in lines
    assert p.stderr == ""
