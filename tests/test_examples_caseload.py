"""The caseload examples work: the CSV, the generated .xlsx (same answers) and the cron script."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from openpyxl import load_workbook

from tests.conftest import EXAMPLES, Invoke

SENDTIME = Path(sys.executable).parent / "sendtime"


def values(path: Path) -> list[tuple[object, ...]]:
    wb = load_workbook(path, read_only=True)
    try:
        return [tuple(r) for r in wb.worksheets[0].iter_rows(values_only=True)]
    finally:
        wb.close()


def test_committed_xlsx_is_what_the_script_makes(tmp_path: Path) -> None:
    out = tmp_path / "caseload.xlsx"
    subprocess.run([sys.executable, str(EXAMPLES / "make_caseload_xlsx.py"), str(out)], check=True)
    assert values(out) == values(EXAMPLES / "caseload.xlsx")


def test_xlsx_and_csv_give_the_same_batch(cli: Invoke) -> None:
    from_csv = cli(["batch", str(EXAMPLES / "caseload.csv"), "--today", "2026-11-23"])
    from_xlsx = cli(["batch", str(EXAMPLES / "caseload.xlsx"), "--today", "2026-11-23"])
    assert (from_csv.exit_code, from_xlsx.exit_code) == (0, 0)
    assert from_csv.stderr == from_xlsx.stderr
    # warnings only (the sample has no term file for the closure test): no row is rejected
    assert all(line.startswith("sendtime: warning: ") for line in from_csv.stderr.splitlines())
    assert from_csv.stdout == from_xlsx.stdout
    refs = {line.split(",")[0] for line in from_csv.stdout.splitlines()[1:]}
    assert refs == {f"EHC-{n:04d}" for n in range(101, 111)}  # every row out


@pytest.mark.skipif(not SENDTIME.exists() or shutil.which("sh") is None, reason="needs sh")
def test_weekly_script_prints_the_weeks_steps() -> None:
    env = {**os.environ, "SENDTIME": str(SENDTIME), "TODAY": "2026-11-23", "NO_COLOR": "1"}
    r = subprocess.run(
        ["sh", str(EXAMPLES / "weekly_due.sh"), str(EXAMPLES / "caseload.csv")],
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert r.returncode == 0, r.stderr
    assert r.stdout.startswith("SEND steps due in the next 7 days\n")
    assert "Due from 2026-11-23 to 2026-11-30" in r.stdout
    assert "EHC-0110" in r.stdout  # its decision is due on 2026-11-30
    assert "EHC-0104" not in r.stdout


def doc_block(after: str) -> list[str]:
    """The lines of docs/caseloads.md's code block that starts with the command `after`."""
    text = (EXAMPLES.parent / "docs" / "caseloads.md").read_text(encoding="utf-8")
    start = text.index(after + "\n") + len(after) + 1
    return text[start : text.index("\n$ ", start)].splitlines()


def test_docs_show_real_due_output(cli: Invoke, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", "100")
    monkeypatch.chdir(EXAMPLES.parent)
    r = cli(["due", "examples/caseload.xlsx", "--today", "2026-11-23", "--within", "7"])
    assert r.exit_code == 4
    shown = doc_block("$ sendtime due examples/caseload.xlsx --today 2026-11-23 --within 7")
    assert [x.rstrip() for x in r.stdout.splitlines()] == shown
