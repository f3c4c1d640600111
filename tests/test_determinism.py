"""Determinism: the same input gives byte-identical output in every format, run after run."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT, Invoke

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


FRESH = """
import contextlib, io, json, sys
from sendtime.cli.app import run
outs = []
for argv in json.loads(sys.argv[1]):
    buf, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(buf), contextlib.redirect_stderr(err):
        code = run(argv)
    outs.append([code, buf.getvalue(), err.getvalue()])
print(json.dumps(outs))
"""


@pytest.mark.parametrize("fmt", ["table", "json", "csv", "calendar"])
def test_same_bytes_in_a_fresh_process_with_another_hash_seed(cli: Invoke, fmt: str) -> None:
    # In this process the caches are warm (other tests ran first) and the hash seed is this
    # run's; the fresh process starts cold, with a different seed: set order, cache state or a
    # clock in any output would show as a difference.
    import json

    argvs = [[*args, "--format", fmt, "--today", "2025-11-01"] for args in COMMANDS]
    here = [[(r := cli(a)).exit_code, r.stdout, r.stderr] for a in argvs]
    env = dict(os.environ, PYTHONHASHSEED="12345", NO_COLOR="1")
    p = subprocess.run(
        [sys.executable, "-c", FRESH, json.dumps(argvs)],
        capture_output=True,
        text=True,
        env=env,
        check=True,
    )
    fresh = json.loads(p.stdout)
    for argv, mine, theirs in zip(argvs, here, fresh, strict=True):
        assert mine[0] == 0, (argv, mine[2])
        assert mine[1], argv
        assert mine == theirs, argv


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


def test_xlsx_and_ics_carry_the_given_day_not_the_clock(cli: Invoke, tmp_path: Path) -> None:
    # A clock in the file would show as today's date: every zip entry time, the workbook's
    # created/modified dates and every DTSTAMP must be --today instead (no sleeping needed).
    import re
    import zipfile

    caseload = str(ROOT / "examples" / "caseload.csv")
    paths = {}
    for fmt in ("xlsx", "ics"):
        for name in ("a", "b"):
            path = paths[fmt, name] = tmp_path / f"{name}.{fmt}"
            r = cli(["batch", caseload, "--format", fmt, "-o", str(path), "--today", "2026-11-23"])
            assert r.exit_code == 0, r.stderr
        assert paths[fmt, "a"].read_bytes() == paths[fmt, "b"].read_bytes(), fmt
    with zipfile.ZipFile(paths["xlsx", "a"]) as z:
        assert {i.date_time for i in z.infolist()} == {(2026, 11, 23, 0, 0, 0)}
        core = z.read("docProps/core.xml").decode()
    stamps = re.findall(r"\d{4}-\d{2}-\d{2}T[\d:]+Z", core)
    assert stamps
    assert set(stamps) == {"2026-11-23T00:00:00Z"}
    ics = paths["ics", "a"].read_text(encoding="utf-8")
    dtstamps = set(re.findall(r"^DTSTAMP:(\S+)", ics, re.MULTILINE))
    assert dtstamps == {"20261123T000000Z"}
