"""`due`: dated steps in the window, exit 4 when any, and the exit-code order 1 > 2 > 3 > 4 > 0."""

from __future__ import annotations

import contextlib
import csv
import datetime as dt
import io
import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sendtime.cli.batch import worst
from tests.conftest import Invoke

# assess 2024-03-01: decision 2024-04-12, advice 2024-05-24, no-plan 2024-06-21, final 2024-07-19
CASELOAD = "ref,process,date,school\nA1,assess,2024-03-01,Oak\nD1,draft,2024-04-02,Ash\n"


@pytest.fixture
def caseload(tmp_path: Path) -> Path:
    p = tmp_path / "caseload.csv"
    p.write_text(CASELOAD, encoding="utf-8")
    return p


def rows(stdout: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(stdout)))


def test_window_includes_today_and_the_last_day(cli: Invoke, caseload: Path) -> None:
    # draft served 2024-04-02: representations by 2024-04-16 (15 days beginning with the day)
    r = cli(["due", str(caseload), "--today", "2024-04-02", "--within", "10", "-f", "csv"])
    assert r.exit_code == 4
    got = [(x["ref"], x["step"], x["date"], x["days_left"]) for x in rows(r.stdout)]
    assert ("A1", "assess.decision", "2024-04-12", "10") in got
    assert all(x[2] <= "2024-04-12" for x in got)
    assert [x[2] for x in got] == sorted(x[2] for x in got)
    assert rows(r.stdout)[0]["school"] in ("Oak", "Ash")  # pass-through kept


def test_window_edges(cli: Invoke, caseload: Path) -> None:
    r = cli(["due", str(caseload), "--today", "2024-04-13", "--within", "0", "-f", "csv"])
    assert (r.exit_code, rows(r.stdout)) == (0, [])
    r = cli(["due", str(caseload), "--today", "2024-04-12", "--within", "0", "-f", "csv"])
    assert r.exit_code == 4
    assert [(x["ref"], x["step"]) for x in rows(r.stdout)] == [("A1", "assess.decision")]


def test_overdue_and_kind(cli: Invoke, caseload: Path) -> None:
    base = ["due", str(caseload), "--today", "2024-07-01", "--within", "0", "-f", "csv"]
    assert rows(cli(base).stdout) == []
    past = rows(cli([*base, "--overdue", "--kind", "deadline"]).stdout)
    assert ("A1", "assess.decision", "-80") in [(x["ref"], x["step"], x["days_left"]) for x in past]
    assert {x["kind"] for x in past} == {"deadline"}


def test_nothing_due_exit_0_and_table(cli: Invoke, caseload: Path) -> None:
    r = cli(["due", str(caseload), "--today", "2030-01-01"])
    assert r.exit_code == 0
    assert "Due from 2030-01-01 to 2030-01-15: nothing due." in r.stdout


def test_table_lists_iso_dates(cli: Invoke, caseload: Path) -> None:
    r = cli(["due", str(caseload), "--today", "2024-04-10", "--within", "3"])
    assert r.exit_code == 4
    assert "2024-04-12" in r.stdout
    assert "A1" in r.stdout


def test_json(cli: Invoke, caseload: Path) -> None:
    r = cli(["due", str(caseload), "--today", "2024-04-12", "--within", "0", "-f", "json"])
    doc = json.loads(r.stdout)
    assert doc["schema"] == "sendtime.due/1"
    assert [(s["ref"], s["id"], s["days_left"]) for s in doc["steps"]] == [
        ("A1", "assess.decision", 0)
    ]


def test_bad_rows_win_over_due_steps(cli: Invoke, tmp_path: Path) -> None:
    p = tmp_path / "c.csv"
    p.write_text(CASELOAD + "B1,assess,someday,Elm\n", encoding="utf-8")
    r = cli(["due", str(p), "--today", "2024-04-12", "--within", "0", "-f", "csv"])
    assert r.exit_code == 2
    assert [x["ref"] for x in rows(r.stdout)] == ["A1"]  # good output still written
    assert '{"ref": "B1", "line": 4, "error": "column date:' in r.stderr


@pytest.mark.parametrize(
    ("codes", "expected"),
    [((0, 4), 4), ((4, 3), 3), ((3, 2), 2), ((2, 1), 1), ((1, 4), 1), ((0, 0), 0), ((4, 2), 2)],
)
def test_exit_code_priority(codes: tuple[int, int], expected: int) -> None:
    assert worst(*codes) == expected
    assert worst(*reversed(codes)) == expected


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["--today", "12/04/2024"], "did you mean 2024-04-12 (day first)?"),
        (["--today", "1/3/2024"], "did you mean 2024-03-01 (day first)?"),
        (["--within", "two weeks"], "--within 'two weeks': expected a whole number from 0 to 3660"),
        (["--kind", "urgent"], "--kind 'urgent': expected one of deadline"),
        (["-f", "ics"], "--format 'ics': expected one of table, csv, json"),
    ],
)
def test_command_line_errors(cli: Invoke, caseload: Path, args: list[str], expected: str) -> None:
    r = cli(["due", str(caseload), *args])
    assert r.exit_code == 2
    assert expected in r.stderr
    assert r.stdout == ""


@settings(max_examples=25, deadline=None)
@given(
    st.dates(min_value=dt.date(2024, 2, 1), max_value=dt.date(2024, 9, 30)),
    st.integers(min_value=0, max_value=60),
    st.booleans(),
)
def test_due_lists_exactly_the_dated_steps_in_the_window(
    tmp_path_factory: pytest.TempPathFactory, today: dt.date, within: int, overdue: bool
) -> None:
    from sendtime.cli.app import run

    tmp = tmp_path_factory.mktemp("due")
    path = tmp / "c.csv"
    path.write_text(CASELOAD, encoding="utf-8")
    every = tmp / "every.csv"
    assert run(["batch", str(path), "-o", str(every)]) == 0
    args = ["due", str(path), "--today", today.isoformat(), "--within", str(within), "-f", "csv"]
    buf = io.StringIO()
    with contextlib.redirect_stdout(buf):
        code = run([*args, "--overdue"] if overdue else args)
    last = today + dt.timedelta(days=within)
    with every.open(encoding="utf-8", newline="") as f:
        expected = sorted(
            (r["date"], r["ref"], r["step"])
            for r in csv.DictReader(f)
            if r["date"]
            and r["date"] <= last.isoformat()
            and (overdue or r["date"] >= today.isoformat())
        )
    got = [(r["date"], r["ref"], r["step"]) for r in rows(buf.getvalue())]
    assert sorted(got) == expected
    assert [g[0] for g in got] == sorted(g[0] for g in got)
    assert code == (4 if expected else 0)
