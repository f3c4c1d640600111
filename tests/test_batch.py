"""Caseloads through `batch`: every good row out, every bad row reported by line, nothing lost."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Any

import pytest

import sendtime
from sendtime.io.batch import Case, RowError, cases
from sendtime.io.caseload import CellError, parse_file_date
from sendtime.law.england.processes import BATCH
from tests.conftest import Invoke, d

HEADER = "ref,process,date,draft_served,school,notes_for_office\n"


def write(tmp_path: Path, text: str, name: str = "caseload.csv", encoding: str = "utf-8") -> Path:
    p = tmp_path / name
    p.write_bytes(text.encode(encoding))
    return p


def out_rows(stdout: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(stdout)))


def errors_of(stderr: str) -> list[dict[str, Any]]:
    return [json.loads(line) for line in stderr.splitlines() if line.startswith("{")]


# ----------------------------------------------------------------------------- a generated caseload
def generated(tmp_path: Path, n: int = 120) -> tuple[Path, set[str], dict[int, tuple[str, str]]]:
    """n rows, a multi-line quoted cell every 7th row, bad rows of each kind at known lines.

    Returns the file, the good refs, and line -> (ref, column named in the error).
    """
    lines = [HEADER.rstrip("\n")]
    good: set[str] = set()
    bad: dict[int, tuple[str, str]] = {}
    faults = {
        5: ("date", "2024-02-30"),  # not a real date
        17: ("date", "March 1st"),  # not a date form files may use
        29: ("process", "assesss"),  # unknown process
        41: ("ref", ""),  # empty ref
        53: ("draft_served", "31/02/2024"),  # bad optional date
        65: ("date", "2013-05-01"),  # before the 2014 regime
    }
    for i in range(n):
        line_no = sum(x.count("\n") + 1 for x in lines) + 1  # where it starts (header = 1)
        ref = f"C{i:04d}"
        process, date, served, office = "assess", f"{1 + i % 28:02d}/03/2024", "", "plain"
        if i % 7 == 3:
            office = "two\nlines, quoted"  # the record spans two physical lines
        if i % 2:
            date = f"2024-04-{1 + i % 28:02d}"
        fault = faults.get(i)
        if fault:
            column, value = fault
            if column == "ref":
                ref = value
            elif column == "process":
                process = value
            elif column == "date":
                date = value
            else:
                served = value
            bad[line_no] = (ref, column)
        else:
            good.add(ref)
        buf = io.StringIO()
        csv.writer(buf, lineterminator="\n").writerow(
            [ref, process, date, served, "Oak Primary", office]
        )
        lines.append(buf.getvalue().rstrip("\n"))
    return write(tmp_path, "\n".join(lines) + "\n"), good, bad


def test_every_good_row_out_every_bad_row_reported_by_line(cli: Invoke, tmp_path: Path) -> None:
    path, good, bad = generated(tmp_path)
    errors_file = tmp_path / "errors.jsonl"
    r = cli(["batch", str(path), "--today", "2024-03-04", "--errors", str(errors_file)])
    assert r.exit_code == 2
    rows = out_rows(r.stdout)
    assert {row["ref"] for row in rows} == good
    assert all(row["school"] == "Oak Primary" for row in rows)  # pass-through kept
    records = errors_of(r.stderr)
    assert {rec["line"]: rec["ref"] for rec in records} == {k: v[0] for k, v in bad.items()}
    assert all(isinstance(rec["line"], int) for rec in records)
    for rec in records:
        column = bad[int(str(rec["line"]))][1]
        assert f"{column}" in str(rec["error"])
    from_file = [json.loads(x) for x in errors_file.read_text(encoding="utf-8").splitlines()]
    assert from_file == records  # the errors file holds the rejected rows only


def test_line_numbers_in_the_file_are_the_records_first_physical_line(tmp_path: Path) -> None:
    path, _, bad = generated(tmp_path, n=70)
    text = path.read_text(encoding="utf-8").split("\n")
    for line_no, (ref, _) in bad.items():
        if ref:
            assert text[line_no - 1].startswith(ref + ",")


def test_errors_never_show_other_cells(cli: Invoke, tmp_path: Path) -> None:
    p = write(
        tmp_path,
        "ref,process,date,draft_served,child\n"
        "R1,assess,2013-05-01,,Jane Example\n"
        "R2,assess,2024-03-01,1st of May,Jane Example\n"
        "R3,sharpen,2024-03-01,,Jane Example\n"
        "R4,draft,,,Jane Example\n",
    )
    r = cli(["batch", str(p)])
    assert r.exit_code == 2
    recs = errors_of(r.stderr)
    assert [x["line"] for x in recs] == [2, 3, 4, 5]
    for secret in ("Jane", "2013-05-01", "1st of May", "sharpen"):
        assert secret not in r.stderr
    assert recs[0]["error"].startswith("column date: the value is before 2014-09-01")
    assert recs[1]["error"].startswith("column draft_served:")
    assert recs[2]["error"] == "column process: expected one of " + ", ".join(BATCH)
    assert recs[2]["error"].startswith("column process: expected one of assess, draft")


def test_csv_output_columns_and_neutralised_cells(cli: Invoke, tmp_path: Path) -> None:
    p = write(
        tmp_path,
        "Ref,Process,Date,note\nA1,assess,01/03/2024,=HYPERLINK(1)\n@B2,draft,2024-06-03,-3\n",
    )
    r = cli(["batch", str(p), "--today", "2024-03-04"])
    assert r.exit_code == 0, r.stderr
    head = r.stdout.splitlines()[0].split(",")
    assert head[:13] == [
        "ref", "process", "step", "title", "date", "weekday", "kind", "status",
        "confidence", "citation", "basis", "projected", "disapplied",
    ]  # fmt: skip
    assert head[-1] == "note"
    rows = out_rows(r.stdout)
    decision = next(x for x in rows if x["step"] == "assess.decision")
    assert (decision["date"], decision["weekday"]) == ("2024-04-12", "Friday")  # UK date read
    assert decision["note"] == "'=HYPERLINK(1)"
    assert {x["ref"] for x in rows} == {"A1", "'@B2"}
    assert all(x["note"] == "'-3" for x in rows if x["ref"] == "'@B2")


def test_bom_ragged_rows_and_blank_lines(cli: Invoke, tmp_path: Path) -> None:
    p = tmp_path / "c.csv"
    p.write_bytes(
        b"\xef\xbb\xbfref,process,date,school\r\n"
        b"A1,assess,2024-03-01\r\n"  # short: missing cells are empty
        b"\r\n"
        b"A2,assess,2024-03-01,Oak,,\r\n"  # trailing empty cells are fine
        b"A3,assess,2024-03-01,Oak,surplus\r\n"  # a filled cell beyond the header: bad
    )
    r = cli(["batch", str(p)])
    assert r.exit_code == 2
    assert {x["ref"] for x in out_rows(r.stdout)} == {"A1", "A2"}
    assert errors_of(r.stderr) == [
        {
            "ref": "A3",
            "line": 5,
            "error": "the row has 1 more filled cell(s) than the header has columns",
        }
    ]


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (b"", "the file is empty"),
        (b"\n\n", "the file is empty"),
        (b"A1,assess,2024-03-01\n", "expected a header row with the columns ref, process, date"),
        (b"ref,date\nA1,2024-03-01\n", "(missing: process)"),
    ],
)
def test_unusable_files_exit_2_with_one_line(
    cli: Invoke, tmp_path: Path, content: bytes, expected: str
) -> None:
    p = tmp_path / "c.csv"
    p.write_bytes(content)
    r = cli(["batch", str(p)])
    assert r.exit_code == 2
    assert r.stdout == ""
    assert expected in r.stderr
    assert len(r.stderr.splitlines()) == 1


def test_header_only_is_an_empty_result(cli: Invoke, tmp_path: Path) -> None:
    r = cli(["batch", str(write(tmp_path, "ref,process,date\n"))])
    assert (r.exit_code, r.stdout.splitlines()[1:]) == (0, [])


def test_missing_file(cli: Invoke, tmp_path: Path) -> None:
    r = cli(["batch", str(tmp_path / "nope.csv")])
    assert r.exit_code == 2
    assert "no such file" in r.stderr


def test_cp1252_hint_and_encoding_option(cli: Invoke, tmp_path: Path) -> None:
    text = "ref,process,date,fee,school\nA1,assess,01/03/2024,£12,École Élan\n"
    p = write(tmp_path, text, encoding="cp1252")
    r = cli(["batch", str(p)])
    assert r.exit_code == 2
    assert "line 2 is not UTF-8" in r.stderr
    assert "--encoding cp1252" in r.stderr
    r = cli(["batch", str(p), "--encoding", "cp1252"])
    assert r.exit_code == 0, r.stderr
    rows = out_rows(r.stdout)
    assert (rows[0]["fee"], rows[0]["school"]) == ("£12", "École Élan")


def test_unknown_encoding(cli: Invoke, tmp_path: Path) -> None:
    r = cli(["batch", str(write(tmp_path, HEADER)), "--encoding", "klingon"])
    assert r.exit_code == 2
    assert "--encoding 'klingon'" in r.stderr


def test_bom_option_and_output_file(cli: Invoke, tmp_path: Path) -> None:
    p = write(tmp_path, "ref,process,date\nA1,assess,2024-03-01\n")
    out = tmp_path / "out.csv"
    r = cli(["batch", str(p), "--bom", "-o", str(out)])
    assert (r.exit_code, r.stdout) == (0, "")
    data = out.read_bytes()
    assert data.startswith(b"\xef\xbb\xbfref,process,step")


def test_json_lines_with_ref_and_extra(cli: Invoke, tmp_path: Path) -> None:
    p = write(
        tmp_path, "ref,process,date,school\nA1,assess,2024-03-01,Oak\nA2,draft,2024-06-03,Ash\n"
    )
    r = cli(["batch", str(p), "-f", "json", "--today", "2024-03-04"])
    assert r.exit_code == 0
    docs = [json.loads(x) for x in r.stdout.splitlines()]
    assert [(x["ref"], x["process"], x["extra"]) for x in docs] == [
        ("A1", "assess", {"school": "Oak"}),
        ("A2", "draft", {"school": "Ash"}),
    ]
    assert docs[0]["steps"][0]["date"] == "2024-04-12"
    assert docs[0]["steps"][0]["days_left"] == 39


def test_duplicate_ref_and_process_is_warned(cli: Invoke, tmp_path: Path) -> None:
    p = write(tmp_path, "ref,process,date\nA1,assess,2024-03-01\nA1,assess,2024-03-08\n")
    r = cli(["batch", str(p)])
    assert r.exit_code == 0
    assert "ref A1 (line 3) repeats step assess.decision of an earlier row and 7 more" in r.stderr


def test_row_options_terms_counting_exception(cli: Invoke, tmp_path: Path) -> None:
    (tmp_path / "terms").mkdir()
    (tmp_path / "terms" / "school.toml").write_text(
        "[[term]]\nstart = 2024-01-08\nend = 2024-07-19\n", encoding="utf-8"
    )
    p = write(
        tmp_path,
        "ref,process,date,counting,terms,exception,rules\n"
        "A1,assess,2024-03-01,inclusive,terms/school.toml,,\n"
        "A2,assess,2024-03-01,sometimes,,,\n"
        "A3,assess,2024-03-01,,missing.toml,,\n"
        "A4,assess,2024-03-01,,,absence:2024-04-01..2024-03-01,\n"
        "A5,assess,2024-03-01,,,,terms/school.toml\n",
    )
    r = cli(["batch", str(p)])
    rows = out_rows(r.stdout)
    decision = next(x for x in rows if x["ref"] == "A1" and x["step"] == "assess.decision")
    assert decision["date"] == "2024-04-11"  # inclusive: day 1 is the request day
    recs = {x["ref"]: x["error"] for x in errors_of(r.stderr)}
    assert recs["A2"] == "column counting: expected one of exclusive, inclusive"
    assert recs["A3"] == "column terms: expected a file, relative to the caseload's folder"
    assert recs["A4"] == "column exception: the end of a range is before its start"
    assert recs["A5"].startswith("column rules")


def test_library_generator_yields_cases_and_errors(tmp_path: Path) -> None:
    p = write(tmp_path, "ref,process,date\nA1,assess,2024-03-01\nA2,assess,x\n")
    got = list(cases(p))
    assert isinstance(got[0], Case)
    assert got[0].timeline.step("assess.final").date == d("2024-07-19")
    assert got[1] == RowError(
        "A2", 3, "column date: expected a date as YYYY-MM-DD or DD/MM/YYYY (day first)"
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2024-03-01", "2024-03-01"),
        ("01/03/2024", "2024-03-01"),
        ("1/3/2024", "2024-03-01"),
        ("31/12/2025", "2025-12-31"),
        ("29/02/2024", "2024-02-29"),
    ],
)
def test_file_dates(text: str, expected: str) -> None:
    assert parse_file_date(text) == d(expected)


@pytest.mark.parametrize(
    "text", ["2024-3-1", "20240301", "2024-W09-5", "03/01/24", "1.3.2024", "29/02/2023", "", "x"]
)
def test_file_dates_refused(text: str) -> None:
    with pytest.raises(CellError):
        parse_file_date(text)


@pytest.mark.parametrize(
    "args",
    [["-o", "{c}"], ["--errors", "{c}"], ["-o", "{o}", "--errors", "{o}"]],
)
def test_never_writes_over_the_caseload(cli: Invoke, tmp_path: Path, args: list[str]) -> None:
    text = "ref,process,date\nA1,assess,2024-03-01\n"
    p = write(tmp_path, text)
    out = tmp_path / "out.csv"
    r = cli(["batch", str(p), *[a.format(c=p, o=out) for a in args]])
    assert r.exit_code == 2
    assert "expected a different file" in r.stderr
    assert p.read_text(encoding="utf-8") == text


def test_one_calendar_per_nation_and_terms_file(tmp_path: Path) -> None:
    from sendtime.io.batch import Defaults, Runner

    runner = Runner(tmp_path, Defaults())
    a = runner.calendar(sendtime.Nation.ENGLAND_AND_WALES, None)
    assert runner.calendar(sendtime.Nation.ENGLAND_AND_WALES, None) is a
    assert runner.calendar(sendtime.Nation.SCOTLAND, None) is not a


def test_row_warnings_once_each_then_counted(cli: Invoke, tmp_path: Path) -> None:
    rows = "".join(f"S{i},draft,2024-03-01,personal\n" for i in range(4))
    p = write(tmp_path, "ref,process,date,exception\n" + rows)
    r = cli(["batch", str(p)])
    assert r.exit_code == 0
    lines = r.stderr.splitlines()
    assert lines[0].startswith("sendtime: warning: ref S0 (line 2): no statutory exception")
    assert lines[-1].endswith("applies to 3 more row(s)")
    assert len(lines) == 2


def test_a_column_read_twice_is_refused(cli: Invoke, tmp_path: Path) -> None:
    p = write(tmp_path, "ref,process,date,Date,school,school\nA1,assess,2024-03-01,,a,b\n")
    r = cli(["batch", str(p)])
    assert (r.exit_code, r.stdout) == (2, "")
    assert "the header has two 'date' columns" in r.stderr
    p = write(tmp_path, "ref,process,date,school,school\nA1,assess,2024-03-01,a,b\n")
    r = cli(["batch", str(p)])
    assert r.exit_code == 0  # your own columns may repeat: both are passed through
    assert r.stdout.splitlines()[1].endswith(",a,b")


def test_progress_on_a_terminal_leaves_stdout_alone(
    cli: Invoke, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import sys

    rows = "".join(f"P{i},assess,2024-03-01\n" for i in range(600))
    p = write(tmp_path, "ref,process,date\n" + rows)
    monkeypatch.setattr(sys.stderr, "isatty", lambda: True)
    r = cli(["batch", str(p), "-f", "json"])
    assert r.exit_code == 0
    assert [json.loads(x)["ref"] for x in r.stdout.splitlines()] == [f"P{i}" for i in range(600)]
