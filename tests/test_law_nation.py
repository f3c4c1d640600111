"""England's law has England's calendar: only England-and-Wales bank holidays move a date.

The SEND Regulations 2014 bind English LAs and the SEND Tribunal is the First-tier Tribunal in
England, so --nation (option or caseload column) is refused on every England process, one line
saying why, exit 2; `holidays --nation` stays (issue 17, item 1).
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import sendtime
from sendtime.engine.calendars import Calendar
from sendtime.engine.model import Nation
from tests.conftest import Invoke, d, date_of

TIMELINE_COMMANDS = (
    ["assess", "2024-03-01"],
    ["draft", "2025-03-03"],
    ["review", "2024-03-15"],
    ["amend", "2025-03-03"],
    ["transfer", "2026", "--kind", "school"],
    ["move", "2025-12-01", "--aware", "2025-11-17"],
    ["reassess", "2025-03-03"],
    ["appeal", "2025-10-25"],
    ["order", "2025-03-03", "--type", "school"],
    ["mediation", "2025-03-03", "--type", "school"],
    ["pupil", "--dob", "2015-03-10", "--today", "2025-11-01"],
)


@pytest.mark.parametrize("args", TIMELINE_COMMANDS, ids=lambda a: a[0])
@pytest.mark.parametrize("nation", ["scotland", "northern-ireland", "england-and-wales"])
def test_every_england_command_refuses_nation(cli: Invoke, args: list[str], nation: str) -> None:
    r = cli([*args, "--nation", nation])
    assert r.exit_code == 2
    lines = r.stderr.strip().splitlines()
    assert len(lines) == 1, r.stderr
    assert lines[0].startswith(f"sendtime: error: --nation {nation}: England's SEND law")
    assert "England-and-Wales bank holidays" in lines[0]
    assert "belongs to `holidays` only" in lines[0]
    assert r.stdout == ""


def test_nation_is_not_offered_in_help(cli: Invoke) -> None:
    r = cli(["assess", "--help"])
    assert r.exit_code == 0
    assert "--nation" not in r.stdout


def test_holidays_keeps_nation(cli: Invoke) -> None:
    r = cli(["holidays", "2026", "--nation", "scotland", "-f", "json"])
    assert r.exit_code == 0
    doc = json.loads(r.stdout)
    assert doc["nation"] == "scotland"
    assert "2026-01-02" in {h["date"] for h in doc["holidays"]}  # Scotland's 2 January


@pytest.mark.parametrize("command", ["batch", "due"])
def test_batch_and_due_refuse_nation(cli: Invoke, tmp_path: Path, command: str) -> None:
    p = tmp_path / "c.csv"
    p.write_text("ref,process,date\nA1,appeal,2025-10-25\n", encoding="utf-8")
    r = cli([command, str(p), "--nation", "scotland"])
    assert r.exit_code == 2
    assert r.stderr.count("\n") == 1
    assert "--nation scotland: England's SEND law" in r.stderr


def test_caseload_nation_cell_is_a_bad_row_good_rows_still_out(cli: Invoke, tmp_path: Path) -> None:
    p = tmp_path / "c.csv"
    p.write_text(
        "ref,process,date,nation\nA1,appeal,2025-10-25,scotland\nA2,appeal,2025-10-25,\n",
        encoding="utf-8",
    )
    r = cli(["batch", str(p), "--format", "json"])
    assert r.exit_code == 2
    errors = [json.loads(x) for x in r.stderr.splitlines() if x.startswith("{")]
    assert [(e["ref"], e["line"]) for e in errors] == [("A1", 2)]
    assert errors[0]["error"].startswith("column nation: England's SEND law")
    docs = [json.loads(x) for x in r.stdout.splitlines()]
    assert [x["ref"] for x in docs] == ["A2"]
    deadline = {s["id"]: s["date"] for s in docs[0]["steps"]}["appeal.deadline"]
    assert deadline == "2026-01-02"


def test_library_refuses_another_nations_calendar() -> None:
    with pytest.raises(sendtime.BadInput, match="England-and-Wales bank holidays"):
        sendtime.appeal(d("2025-10-25"), calendar=Calendar(Nation.SCOTLAND))
    with pytest.raises(sendtime.BadInput, match="England-and-Wales bank holidays"):
        sendtime.move(d("2025-12-01"), aware=d("2025-11-17"), calendar=Calendar(Nation.SCOTLAND))


# The dates another nation's calendar would have given, and the law's (the classic mistake).
@pytest.mark.parametrize(
    ("nation", "law", "wrong"),
    [
        (Nation.SCOTLAND, "2026-01-02", "2026-01-05"),  # 2 January: Scotland only
    ],
)
def test_appeal_deadline_on_england_and_wales_days(nation: Nation, law: str, wrong: str) -> None:
    # decision 2025-10-25 + 2 months = Thu 2025-12-25: r.12(3)(a) -> first working day after
    # 1 January. England and Wales: Fri 2 January 2026; Scotland would say Mon 5 January.
    assert date_of(sendtime.appeal(d("2025-10-25")), "appeal.deadline") == d(law)
    assert Calendar(nation).next_working_day(d("2026-01-01")) == d(wrong)  # what it would be


def test_move_transfer_on_england_and_wales_days() -> None:
    # 15 working days beginning with Mon 2025-11-17 (reg 15(2)(b)): Fri 2025-12-05 in England and
    # Wales; Scotland's St Andrew's Day (substitute Mon 2025-12-01) would give Mon 2025-12-08.
    t = sendtime.move(d("2025-12-01"), aware=d("2025-11-17"))
    assert date_of(t, "move.transfer") == d("2025-12-05")
    assert Calendar(Nation.SCOTLAND).working_days_beginning_with(d("2025-11-17"), 15) == d(
        "2025-12-08"
    )


def test_a_govuk_file_adds_only_england_and_wales_days(cli: Invoke, tmp_path: Path) -> None:
    doc = {
        "england-and-wales": {"division": "england-and-wales", "events": []},
        "scotland": {"division": "scotland", "events": [{"title": "x", "date": "2026-01-02"}]},
        "northern-ireland": {"division": "northern-ireland", "events": []},
    }
    p = tmp_path / "bank-holidays.json"
    p.write_text(json.dumps(doc), encoding="utf-8")
    r = cli(["appeal", "2025-10-25", "--bank-holidays", str(p), "-f", "json"])
    assert r.exit_code == 0
    steps = {s["id"]: s for s in json.loads(r.stdout)["steps"]}
    assert steps["appeal.deadline"]["date"] == "2026-01-02"
    assert json.loads(r.stdout)["calendar"]["bank_holidays"] == "england-and-wales"


def _oracle_15_working_days(start: dt.date) -> dt.date:
    """15 working days beginning with start, counted on holidays' GB-ENG days directly."""
    import holidays

    closed = holidays.country_holidays("GB", subdiv="ENG", years=range(start.year, start.year + 2))
    n, day = 0, start
    while True:
        if day.weekday() < 5 and day not in closed:
            n += 1
            if n == 15:
                return day
        day += dt.timedelta(days=1)


@given(st.dates(dt.date(2014, 9, 1), dt.date(2040, 6, 30)))
def test_working_days_are_england_and_wales_days_2014_2040(aware: dt.date) -> None:
    """Reg 15(2)(b)'s 15 working days always end where England and Wales's calendar says."""
    t = sendtime.move(aware + dt.timedelta(days=1), aware=aware)  # late notice: (b) decides
    assert date_of(t, "move.transfer") == _oracle_15_working_days(aware)
    assert t.calendar.bank_holidays == "england-and-wales"
