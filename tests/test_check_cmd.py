"""`sendtime check CASELOAD`: done:STEP_ID columns, outcomes per (ref, step), summary, exit 4."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from tests.conftest import Invoke

HEADER = "ref,process,date,done:assess.decision,done:assess.final,school\n"


def _write(tmp_path: Path, body: str, header: str = HEADER) -> str:
    p = tmp_path / "caseload.csv"
    p.write_text(header + body, encoding="utf-8")
    return str(p)


def _rows(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text)))


def test_outcomes_per_ref_and_step_and_exit_4(cli: Invoke, tmp_path: Path) -> None:
    path = _write(
        tmp_path,
        # request Fri 2024-03-01: decision due Fri 2024-04-12, final Fri 2024-07-19
        "C1,assess,2024-03-01,12/04/2024,2024-07-19,Oak\nC2,assess,2024-03-01,2024-04-13,,Elm\n",
    )
    r = cli(["check", path, "--today", "2024-10-01"])
    assert r.exit_code == 4, r.stderr
    rows = {(x["ref"], x["step"]): x for x in _rows(r.stdout)}
    assert rows["C1", "assess.decision"]["outcome"] == "met"  # UK day-first done cell
    assert rows["C1", "assess.final"]["outcome"] == "met"
    assert rows["C1", "assess.no-plan"]["outcome"] == "not-applicable"
    late = rows["C2", "assess.decision"]
    assert (late["outcome"], late["days_late"], late["working_days_late"]) == ("late", "1", "0")
    assert rows["C2", "assess.final"]["outcome"] == "overdue"
    assert rows["C2", "assess.final"]["days_overdue"] == "74"  # 2024-07-19 -> 2024-10-01
    assert rows["C1", "assess.decision"]["school"] == "Oak"  # pass-through kept
    assert "done:assess.decision" not in rows["C1", "assess.decision"]  # read, not passed on


def test_all_met_exits_0(cli: Invoke, tmp_path: Path) -> None:
    path = _write(tmp_path, "C1,assess,2024-03-01,2024-04-12,2024-07-19,Oak\n")
    r = cli(["check", path, "--today", "2024-07-20", "--only", "late,overdue"])
    assert r.exit_code == 0, r.stderr
    kept = _rows(r.stdout)
    assert {x["outcome"] for x in kept} == {"overdue"}  # only guidance and assumptions
    assert all(x["duty"] == "false" or x["assumed"] == "true" for x in kept)


def test_only_filters_and_json_lines_carry_outcomes(cli: Invoke, tmp_path: Path) -> None:
    path = _write(tmp_path, "C2,assess,2024-03-01,2024-04-13,,Elm\n")
    r = cli(["check", path, "--today", "2024-10-01", "--only", "late", "--format", "json"])
    docs = [json.loads(line) for line in r.stdout.splitlines()]
    assert [d["step"] if "step" in d else d["id"] for d in docs] == ["assess.decision"]
    d = docs[0]
    assert (d["ref"], d["outcome"], d["days_late"], d["extra"]) == (
        "C2",
        "late",
        1,
        {"school": "Elm"},
    )


def test_summary_file_by_column(cli: Invoke, tmp_path: Path) -> None:
    path = _write(
        tmp_path,
        "C1,assess,2024-03-01,2024-04-13,,Oak\n"
        "C2,assess,2024-03-01,2024-04-22,,Oak\n"
        "C3,assess,2024-03-01,2024-04-12,,Elm\n",
    )
    out = tmp_path / "summary.json"
    r = cli(["check", path, "--today", "2024-10-01", "--by", "school", "--summary", str(out)])
    assert r.exit_code == 4
    doc = json.loads(out.read_text(encoding="utf-8"))
    assert doc["schema"] == "sendtime.check-summary/1"
    oak = next(x for x in doc["rows"] if x["school"] == "Oak" and x["step"] == "assess.decision")
    # late by 1 and by 10 days: median (nearest rank) 1, 90th percentile 10
    assert (oak["late"], oak["median_days_late"], oak["p90_days_late"]) == (2, 1, 10)
    elm = next(x for x in doc["rows"] if x["school"] == "Elm" and x["step"] == "assess.decision")
    assert (elm["met"], elm["late"]) == (1, 0)
    assert "Outcomes" in r.stderr  # the table on stderr
    assert not any(x["step"] == "assess.draft-target" for x in doc["rows"])  # duties only


def test_done_column_of_another_process_is_a_bad_row_naming_it(cli: Invoke, tmp_path: Path) -> None:
    path = _write(
        tmp_path,
        "R1,review,2024-03-01,,,Oak\nR2,review,2024-03-01,2024-04-12,,Oak\n",
    )
    r = cli(["check", path, "--today", "2024-10-01"])
    assert r.exit_code == 2
    records = [json.loads(x) for x in r.stderr.splitlines() if x.startswith("{")]
    assert records == [
        {
            "ref": "R2",
            "line": 3,
            "error": "column done:assess.decision: the review process has no step assess.decision",
        }
    ]
    assert {x["ref"] for x in _rows(r.stdout)} == {"R1"}  # the good row still comes out


def test_bad_done_date_and_done_before_anchor_echo_nothing_personal(
    cli: Invoke, tmp_path: Path
) -> None:
    path = _write(
        tmp_path,
        "C1,assess,2024-03-01,soon,,Oak\nC2,assess,2024-03-07,,2024-02-29,Oak\n",
    )
    r = cli(["check", path, "--today", "2024-10-01"])
    assert r.exit_code == 2
    records = [json.loads(x) for x in r.stderr.splitlines() if x.startswith("{")]
    assert [x["line"] for x in records] == [2, 3]
    assert "column done:assess.decision: expected a date" in records[0]["error"]
    assert "column done:assess.final" in records[1]["error"]
    assert "before" in records[1]["error"]
    for x in records:
        assert "2024-03-07" not in x["error"]
        assert "2024-02-29" not in x["error"]
        assert "soon" not in x["error"]


def test_done_column_naming_no_step_anywhere_is_a_file_error(cli: Invoke, tmp_path: Path) -> None:
    path = _write(tmp_path, "C1,assess,2024-03-01,\n", header="ref,process,date,done:assess.nope\n")
    r = cli(["check", path])
    assert r.exit_code == 2
    assert "done:assess.nope" in r.stderr


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (["--only", "late,soon"], "--only"),
        (["--by", "team"], "--by 'team'"),
        (["--format", "ics"], "--format"),
    ],
)
def test_bad_options(cli: Invoke, tmp_path: Path, args: list[str], words: str) -> None:
    path = _write(tmp_path, "C1,assess,2024-03-01,,,Oak\n")
    r = cli(["check", path, "--today", "2024-10-01", *args])
    assert r.exit_code == 2
    assert words in r.stderr


def test_xlsx_has_outcome_columns(cli: Invoke, tmp_path: Path) -> None:
    from openpyxl import load_workbook

    path = _write(tmp_path, "C2,assess,2024-03-01,2024-04-13,,Elm\n")
    out = tmp_path / "out.xlsx"
    r = cli(["check", path, "--today", "2024-10-01", "--format", "xlsx", "-o", str(out)])
    assert r.exit_code == 4, r.stderr
    ws = load_workbook(out, read_only=True).active
    assert ws is not None
    rows = list(ws.iter_rows(values_only=True))
    header = list(rows[0])
    row = dict(zip(header, next(r for r in rows[1:] if r[2] == "assess.decision"), strict=True))
    assert (row["outcome"], row["days_late"]) == ("late", 1)


def test_example_caseload_runs(cli: Invoke) -> None:
    root = Path(__file__).resolve().parent.parent
    r = cli(["check", str(root / "examples" / "check-caseload.csv"), "--today", "2025-11-01"])
    assert r.exit_code == 4, r.stderr
    assert len(_rows(r.stdout)) > 50
