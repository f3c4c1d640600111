"""Caseloads straight from Excel: .xlsx in (date cells, text dates, bad cells) and .xlsx out."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook

from tests.conftest import Invoke


def workbook(path: Path, rows: list[list[object]], *, sheet: str = "Caseload") -> Path:
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = sheet
    for row in rows:
        ws.append(row)
    for row_cells in ws.iter_rows():
        for c in row_cells:
            if isinstance(c.value, str) and c.value.startswith("="):
                c.data_type = "s"  # text that looks like a formula, as a user may type it
    wb.create_sheet("Notes").append(["ref", "process", "date"])
    wb.save(path)
    return path


ROWS: list[list[object]] = [
    ["Ref", "Process", "Date", "Draft served", "School", "Group"],
    ["X1", "assess", dt.date(2024, 3, 1), None, "Oak £", 7],  # a real date cell
    ["X2", "assess", dt.datetime(2024, 3, 1, 14, 30), None, "Élan", 7.0],  # noqa: DTZ001 (Excel: no tz)
    ["X3", "assess", "01/03/2024", "3/6/2024", "Ash", None],  # UK text dates
    ["X4", "assess", "2024-03-01", None, "=1+1", None],  # ISO text, formula-like pass-through
    ["X5", "assess", 45352, None, "Elm", None],  # a number, not a date cell: bad
    [None, "assess", dt.date(2024, 3, 1), None, "Elm", None],  # no ref: bad
    ["X7", "assess", "March 2024", None, "Elm", None],  # bad text date
    ["X8", "assess", dt.date(2024, 3, 1), True, "Elm", None],  # a boolean is no date
]


@pytest.fixture
def xlsx(tmp_path: Path) -> Path:
    return workbook(tmp_path / "caseload.xlsx", ROWS)


def test_xlsx_in_csv_out(cli: Invoke, xlsx: Path) -> None:
    r = cli(["batch", str(xlsx), "--today", "2024-03-04"])
    assert r.exit_code == 2
    rows = list(csv.DictReader(io.StringIO(r.stdout)))
    decisions = {x["ref"]: x["date"] for x in rows if x["step"] == "assess.decision"}
    assert decisions == dict.fromkeys(("X1", "X2", "X3", "X4"), "2024-04-12")
    reps = [x for x in rows if x["ref"] == "X3" and x["step"] == "assess.representations"]
    assert reps[0]["date"] == "2024-06-17"  # draft served 3 June 2024, day first
    school = {x["ref"]: (x["School"], x["Group"]) for x in rows}
    assert school["X1"] == ("Oak £", "7")
    assert school["X2"] == ("Élan", "7")
    assert school["X4"] == ("'=1+1", "")
    errors = [json.loads(x) for x in r.stderr.splitlines() if x.startswith("{")]
    assert [(e["ref"], e["line"]) for e in errors] == [("X5", 6), ("", 7), ("X7", 8), ("X8", 9)]
    assert errors[0]["error"].startswith("column date: expected a date")
    assert errors[3]["error"].startswith("column draft_served: expected a date")


def test_sheet_option_and_line_numbers_are_sheet_rows(cli: Invoke, tmp_path: Path) -> None:
    path = tmp_path / "c.xlsx"
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = "First"
    ws.append(["nothing here"])
    other = wb.create_sheet("Cases")
    other.append([])
    other.append(["ref", "process", "date"])  # the header on row 2
    other.append(["A1", "assess", "2024-03-01"])
    other.append([])
    other.append(["A2", "assess", "bad"])
    wb.save(path)
    r = cli(["batch", str(path), "--sheet", "Cases", "-f", "json"])
    assert r.exit_code == 2
    assert [json.loads(x)["ref"] for x in r.stdout.splitlines()] == ["A1"]
    assert '"ref": "A2", "line": 5' in r.stderr  # sheet rows: 1 empty, 2 header, 3 A1, 4 empty
    r = cli(["batch", str(path), "--sheet", "Missing"])
    assert r.exit_code == 2
    assert "expected one of First, Cases" in r.stderr
    r = cli(["batch", str(path)])  # the first sheet has no header
    assert (r.exit_code, r.stdout) == (2, "")
    assert "expected a header row" in r.stderr


def test_not_a_workbook(cli: Invoke, tmp_path: Path) -> None:
    p = tmp_path / "fake.xlsx"
    p.write_text("ref,process,date\n", encoding="utf-8")
    r = cli(["batch", str(p)])
    assert r.exit_code == 2
    assert "not a readable .xlsx workbook" in r.stderr


def test_xlsx_out_reads_back(cli: Invoke, xlsx: Path, tmp_path: Path) -> None:
    out = tmp_path / "out.xlsx"
    r = cli(["batch", str(xlsx), "-f", "xlsx", "-o", str(out), "--today", "2024-03-04"])
    assert (r.exit_code, r.stdout) == (2, "")
    wb = load_workbook(out)
    ws = wb["deadlines"]
    header = [c.value for c in ws[1]]
    assert header[:5] == ["ref", "process", "step", "title", "date"]
    assert header[-2:] == ["School", "Group"]  # draft served is read, not passed through
    assert len(header) == 17
    assert ws.freeze_panes == "A2"
    assert ws[1][0].font.b
    assert ws.column_dimensions["D"].width == 44
    assert ws.auto_filter.ref == f"A1:Q{ws.max_row}"
    rows = [dict(zip(header, (c.value for c in row), strict=True)) for row in ws.iter_rows(2)]
    first = rows[0]
    assert (first["ref"], first["step"]) == ("X1", "assess.decision")
    assert first["date"] == dt.datetime(2024, 4, 12)  # noqa: DTZ001 - a real (naive) date cell
    assert ws["E2"].is_date
    assert ws["E2"].number_format == "yyyy-mm-dd"
    assert first["projected"] is False
    assert first["Group"] == 7  # numbers stay numbers
    formula = next(x for x in rows if x["ref"] == "X4")
    assert formula["School"] == "=1+1"  # kept as text...
    cell = next(c for row in ws.iter_rows(2) for c in row if c.value == "=1+1")
    assert cell.data_type == "s"  # ...and never a formula
    assert {x["ref"] for x in rows} == {"X1", "X2", "X3", "X4"}


def test_xlsx_needs_a_file_on_a_terminal(
    cli: Invoke, xlsx: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import sys

    monkeypatch.setattr(sys.stdout, "isatty", lambda: True)
    r = cli(["batch", str(xlsx), "-f", "xlsx"])
    assert r.exit_code == 2
    assert "give -o FILE.xlsx" in r.stderr


def test_due_reads_xlsx(cli: Invoke, xlsx: Path) -> None:
    r = cli(["due", str(xlsx), "--today", "2024-04-12", "--within", "0", "-f", "csv"])
    assert r.exit_code == 2  # bad rows outrank the due steps
    refs = [row["ref"] for row in csv.DictReader(io.StringIO(r.stdout))]
    assert refs == ["X1", "X2", "X3", "X4"]


def test_encoding_is_refused_for_xlsx(cli: Invoke, xlsx: Path) -> None:
    r = cli(["batch", str(xlsx), "--encoding", "cp1252"])
    assert r.exit_code == 2
    assert "no text encoding" in r.stderr
