"""Wrong answers to ordinary input (issue 13, items 16-21): each is exit 2 and one line."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

import sendtime
from sendtime.engine.errors import BadInput
from tests.conftest import Invoke


def one_line(r: object) -> str:
    err = getattr(r, "stderr", "")
    assert len(err.splitlines()) == 1, err
    return str(err)


# ----------------------------------------------------------------------------- 16
@pytest.mark.parametrize(
    "args",
    [
        ["due", "{c}", "--within", "²"],
        ["due", "{c}", "--within", "①"],
        ["due", "{c}", "--within", "١٤"],
        ["batch", "{c}", "--encoding", "rot13"],
        ["batch", "{c}", "--encoding", "base64"],
        ["review", "2025-01-01", "--year-group", "20"],
        ["holidays", "1800"],
    ],
)
def test_unusual_values_are_exit_2(cli: Invoke, tmp_path: Path, args: list[str]) -> None:
    c = tmp_path / "c.csv"
    c.write_text("ref,process,date\nA1,assess,2026-09-07\n", encoding="utf-8")
    r = cli([a.format(c=c) for a in args])
    assert r.exit_code == 2
    assert one_line(r).startswith("sendtime: error: ")
    assert "internal error" not in r.stderr


def test_xlsx_after_2107(cli: Invoke, tmp_path: Path) -> None:
    c = tmp_path / "c.csv"
    c.write_text("ref,process,date\nA1,assess,2026-09-07\n", encoding="utf-8")
    r = cli(
        ["batch", str(c), "-f", "xlsx", "-o", str(tmp_path / "o.xlsx"), "--today", "2150-01-01"]
    )
    assert r.exit_code == 0, r.stderr


def test_pupil_and_appeal_rows_without_a_date_are_bad_rows(cli: Invoke, tmp_path: Path) -> None:
    c = tmp_path / "c.csv"
    c.write_text(
        "ref,process,date,posted,post\nA1,pupil,\nA2,appeal,\nA3,assess,2026-09-07\n"
        "A4,draft,,2026-09-01,first\n",
        encoding="utf-8",
    )
    r = cli(["batch", str(c), "--today", "2026-09-01"])
    assert r.exit_code == 2
    recs = [json.loads(x) for x in r.stderr.splitlines() if x.startswith("{")]
    assert [(x["ref"], x["line"]) for x in recs] == [("A1", 2), ("A2", 3)]
    assert all("column date" in x["error"] for x in recs)
    assert {"A3", "A4"} <= {line.split(",")[0] for line in r.stdout.splitlines()}


# ----------------------------------------------------------------------------- 17
@pytest.mark.parametrize(
    ("args", "words"),
    [
        (["assess", "2024-03-01", "--draft-served", "2024-02-01"], "--draft-served 2024-02-01"),
        (["reassess", "2025-03-03", "--notified", "2025-03-01"], "--notified 2025-03-01"),
        (["mediation", "2025-03-03", "--agreed-date", "2025-02-01"], "--agreed-date 2025-02-01"),
    ],
)
def test_impossible_date_orders_are_refused(cli: Invoke, args: list[str], words: str) -> None:
    r = cli(args)
    assert r.exit_code == 2
    assert f"sendtime: error: {words} is before" in one_line(r)


def test_impossible_date_order_in_a_row_and_the_library(cli: Invoke, tmp_path: Path) -> None:
    c = tmp_path / "c.csv"
    c.write_text(
        "ref,process,date,draft_served\nA1,assess,2024-03-01,2024-02-01\n", encoding="utf-8"
    )
    r = cli(["batch", str(c), "--today", "2024-03-01"])
    assert r.exit_code == 2
    (rec,) = [json.loads(x) for x in r.stderr.splitlines() if x.startswith("{")]
    assert rec["error"] == (
        "column draft_served: the value is before the request; expected that day or later"
    )
    with pytest.raises(BadInput, match="is before the request"):
        sendtime.assess(dt.date(2024, 3, 1), draft_served=dt.date(2024, 2, 1))


# ----------------------------------------------------------------------------- 19
@pytest.mark.parametrize("value", ["2024-03-01", dt.datetime(2024, 3, 1, 9, 0, tzinfo=dt.UTC)])
def test_library_refuses_a_non_date(value: object) -> None:
    with pytest.raises(TypeError, match=r"request_received: expected a datetime\.date"):
        sendtime.assess(value)  # type: ignore[arg-type]


def test_calendar_of_an_unknown_nation_is_bad_input() -> None:
    with pytest.raises(BadInput, match="nation 'wales': expected one of"):
        sendtime.Calendar(nation="wales")


# ----------------------------------------------------------------------------- 20
@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["assess", "2024-03-01", "--draft-serve", "x"], "did you mean --draft-served?"),
        (["assess", "2024-03-01", "--bogus"], "--bogus: no such option for sendtime assess"),
        (["appeal"], "DECISION_SENT_DATE is missing; expected a date as YYYY-MM-DD"),
        (["pupil", "2015-03-10"], "e.g. --dob 2015-03-10"),
    ],
)
def test_parser_errors_name_what_was_expected(cli: Invoke, args: list[str], expected: str) -> None:
    r = cli(args)
    assert r.exit_code == 2
    assert expected in one_line(r)
    assert "Possible options" not in r.stderr


def test_process_typo_gets_a_suggestion(cli: Invoke, tmp_path: Path) -> None:
    c = tmp_path / "c.csv"
    c.write_text("ref,process,date\nA1,asses,2026-09-07\n", encoding="utf-8")
    r = cli(["batch", str(c)])
    assert "column process: did you mean assess? expected one of" in r.stderr


# ----------------------------------------------------------------------------- 21 (part)
def test_terms_command_names_its_argument(cli: Invoke, tmp_path: Path) -> None:
    r = cli(["terms", str(tmp_path / "missing.toml")])
    assert r.exit_code == 2
    assert one_line(r).startswith("sendtime: error: FILE ")


def test_help_says_svg_needs_the_calendar_format(cli: Invoke) -> None:
    r = cli(["assess", "--help"])
    assert "With --format calendar" in r.stdout
    assert "ics" in r.stdout.split("--format", 1)[1].split("\n", 1)[0]


def test_caseload_columns_named_like_output_columns_are_renamed(
    cli: Invoke, tmp_path: Path
) -> None:
    from sendtime.io.batch import OUTPUT_COLUMNS
    from sendtime.render.due import DUE_COLUMNS
    from sendtime.render.rows import BATCH_COLUMNS

    assert {*BATCH_COLUMNS, *DUE_COLUMNS, "notes"} <= set(OUTPUT_COLUMNS)
    c = tmp_path / "c.csv"
    c.write_text("ref,process,date,notes,status,title\nA1,assess,2026-09-07,n,s,t\n", "utf-8")
    r = cli(["batch", str(c), "--today", "2026-09-01"])
    assert r.exit_code == 0, r.stderr
    header = r.stdout.splitlines()[0].split(",")
    assert header[-3:] == ["input_notes", "input_status", "input_title"]
    assert len(header) == len(set(header))
    assert "column 'notes' has an output column's name: written as 'input_notes'" in r.stderr


def test_explain_with_an_unknown_id_is_one_line(cli: Invoke) -> None:
    r = cli(["assess", "2024-03-01", "--explain", "nosuch"])
    assert r.exit_code == 2
    assert "--explain 'nosuch': no such step" in one_line(r)


def test_long_errors_are_not_wrapped(cli: Invoke, tmp_path: Path) -> None:
    long = tmp_path / ("a-very-long-folder-name-" * 5) / "terms.toml"
    r = cli(["assess", "2024-03-01", "--terms", str(long)])
    assert r.exit_code == 2
    assert str(long) in one_line(r)  # one line, however long, broken nowhere


def test_due_lists_no_adviser_contact_once_a_certificate_is_given(
    cli: Invoke, tmp_path: Path
) -> None:
    c = tmp_path / "c.csv"
    c.write_text("ref,process,date,certificate\nA1,appeal,2026-09-01,2026-09-10\n", "utf-8")
    r = cli(["due", str(c), "--today", "2026-09-01", "--within", "90", "-f", "csv"])
    assert "appeal.deadline" in r.stdout  # the window holds the appeal's steps
    assert "appeal.mediation-contact" not in r.stdout


def test_due_still_lists_the_adviser_contact_without_a_certificate(
    cli: Invoke, tmp_path: Path
) -> None:
    c = tmp_path / "c.csv"
    c.write_text("ref,process,date\nA1,appeal,2026-09-01\n", "utf-8")
    r = cli(["due", str(c), "--today", "2026-09-01", "--within", "90", "-f", "csv"])
    assert "appeal.mediation-contact" in r.stdout
