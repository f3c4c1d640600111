"""Determinism: the same input gives byte-identical output in every format, run after run."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import Invoke

ROOT = Path(__file__).resolve().parent.parent
TERMS = str(ROOT / "examples" / "terms-staffordshire-2025-26.toml")
RULES = str(ROOT / "examples" / "local-rules.toml")
COMMANDS = [
    ["assess", "2025-01-10", "--advice-requested", "2025-02-03", "--terms", TERMS],
    ["draft", "--posted", "2025-03-03", "--post", "second"],
    ["review", "2025-03-17", "--terms", TERMS, "--rules", RULES],
    ["transfer", "2026", "--kind", "school"],
    ["appeal", "2023-10-01", "--certificate", "2023-11-29"],
    ["order", "2025-03-03", "--type", "make-plan"],
    ["move", "2025-05-19", "--aware", "2025-04-14"],
    ["reassess", "2025-02-03"],
    ["pupil", "--dob", "2015-03-10"],
    ["support", "--terms", TERMS, "--every", "6w"],
]


@pytest.mark.parametrize("fmt", ["table", "json", "csv", "calendar"])
@pytest.mark.parametrize("args", COMMANDS, ids=lambda a: a[0])
def test_same_input_same_bytes(cli: Invoke, args: list[str], fmt: str) -> None:
    argv = [*args, "--format", fmt, "--today", "2025-11-01"]
    first, second = cli(argv), cli(argv)
    assert first.exit_code == 0, first.stderr
    assert first.stdout == second.stdout
    assert first.stderr == second.stderr
    assert first.stdout


def test_same_bytes_across_processes_and_hash_seeds(tmp_path: Path) -> None:
    outs = []
    for seed in ("1", "2"):
        env = dict(os.environ, PYTHONHASHSEED=seed, NO_COLOR="1")
        p = subprocess.run(
            [
                sys.executable,
                "-m",
                "sendtime",
                "review",
                "2025-03-17",
                "--terms",
                TERMS,
                "--rules",
                RULES,
                "--format",
                "json",
                "--today",
                "2025-11-01",
            ],
            capture_output=True,
            env=env,
            check=True,
        )
        outs.append(p.stdout)
    assert outs[0] == outs[1]


def test_svg_is_byte_identical(cli: Invoke, tmp_path: Path) -> None:
    a, b = tmp_path / "a.svg", tmp_path / "b.svg"
    for path in (a, b):
        r = cli(
            [
                "review",
                "2025-03-17",
                "--terms",
                TERMS,
                "--format",
                "calendar",
                "--svg",
                str(path),
                "--today",
                "2025-11-01",
            ]
        )
        assert r.exit_code == 0, r.stderr
    assert a.read_bytes() == b.read_bytes()


def test_xlsx_and_ics_are_byte_identical(cli: Invoke, tmp_path: Path) -> None:
    import time

    caseload = str(ROOT / "examples" / "caseload.csv")
    for fmt in ("xlsx", "ics"):
        a, b = tmp_path / f"a.{fmt}", tmp_path / f"b.{fmt}"
        for path in (a, b):
            r = cli(["batch", caseload, "--format", fmt, "-o", str(path), "--today", "2026-11-23"])
            assert r.exit_code == 0, r.stderr
            time.sleep(1.05)  # a clock in the file (zip entry times) would now differ
        assert a.read_bytes() == b.read_bytes(), fmt
