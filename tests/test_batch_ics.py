"""ICS out of `batch` and of single timelines: parsed back with icalendar, stable across runs."""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess
from pathlib import Path
from typing import Any

import icalendar
import pytest

import sendtime
from tests.conftest import Invoke, d

CASELOAD = "ref,process,date,draft_served\nA1,assess,2024-03-01,\nB2,assess,2024-03-01,2024-06-03\n"


@pytest.fixture
def caseload(tmp_path: Path) -> Path:
    p = tmp_path / "caseload.csv"
    p.write_text(CASELOAD, encoding="utf-8")
    return p


def events(data: bytes) -> dict[str, Any]:
    cal = icalendar.Calendar.from_ical(data)
    return {str(e["UID"]): e for e in cal.walk("VEVENT")}


def test_round_trip(cli: Invoke, caseload: Path, tmp_path: Path) -> None:
    out = tmp_path / "out.ics"
    r = cli(["batch", str(caseload), "-f", "ics", "-o", str(out)])
    assert r.exit_code == 0, r.stderr
    data = out.read_bytes()
    evs = events(data)
    decision = evs["A1.assess.decision@sendtime"]
    assert decision.decoded("DTSTART") == d("2024-04-12")  # an all-day date, not a datetime
    assert decision.decoded("DTEND") == d("2024-04-13")
    assert str(decision["SUMMARY"]) == "A1: LA notifies whether it will assess"
    assert "6 weeks after 2024-03-01 (request received)" in str(decision["DESCRIPTION"])
    assert "SEND Regulations 2014, regs 4(1), 5(1)" in str(decision["DESCRIPTION"])
    assert decision["CATEGORIES"].cats == ["assess"]
    # DTSTAMP: no --today, so the row's latest input date; SEQUENCE counts days from 2014-09-01
    assert decision.decoded("DTSTAMP") == dt.datetime(2024, 3, 1, tzinfo=dt.UTC)
    assert int(decision["SEQUENCE"]) == (d("2024-03-01") - d("2014-09-01")).days
    b2 = evs["B2.assess.decision@sendtime"]
    assert b2.decoded("DTSTAMP") == dt.datetime(2024, 6, 3, tzinfo=dt.UTC)
    # one event per dated step
    dated = [s.id for s in sendtime.assess(d("2024-03-01")).steps if s.date]
    assert sorted(u for u in evs if u.startswith("A1.")) == sorted(
        f"A1.{i}@sendtime" for i in dated
    )


def test_uids_identical_across_runs_and_crlf_folded(cli: Invoke, caseload: Path) -> None:
    first = cli(["batch", str(caseload), "-f", "ics"]).stdout.encode()
    again = cli(["batch", str(caseload), "-f", "ics"]).stdout.encode()
    assert first == again
    assert set(events(first)) == set(events(again))
    lines = first.split(b"\r\n")
    assert lines[-1] == b""  # every line ends CRLF, the last one too
    assert b"\n" not in first.replace(b"\r\n", b"")
    assert all(len(line) <= 75 for line in lines)  # folded
    assert any(line.startswith(b" ") for line in lines)


def test_today_sets_dtstamp_and_sequence(cli: Invoke, caseload: Path) -> None:
    r = cli(["batch", str(caseload), "-f", "ics", "--today", "2024-04-01"])
    for e in events(r.stdout.encode()).values():
        assert e.decoded("DTSTAMP") == dt.datetime(2024, 4, 1, tzinfo=dt.UTC)
        assert int(e["SEQUENCE"]) == (d("2024-04-01") - d("2014-09-01")).days


def test_reminders_are_separate_events(cli: Invoke, caseload: Path) -> None:
    r = cli(["batch", str(caseload), "-f", "ics", "--remind", "7,1"])
    evs = events(r.stdout.encode())
    seven = evs["A1.assess.decision.remind-7@sendtime"]
    assert seven.decoded("DTSTART") == d("2024-04-05")
    assert str(seven["SUMMARY"]) == "In 7 days: A1: LA notifies whether it will assess"
    assert evs["A1.assess.decision.remind-1@sendtime"].decoded("DTSTART") == d("2024-04-11")
    assert "VALARM" not in r.stdout


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["-f", "ics", "--remind", "soon"], "--remind 'soon': expected days before each step"),
        (["-f", "csv", "--remind", "7"], "--remind: only with --format ics"),
        (["-f", "ics", "--bom"], "--bom: only with --format csv"),
    ],
)
def test_option_errors(cli: Invoke, caseload: Path, args: list[str], expected: str) -> None:
    r = cli(["batch", str(caseload), *args])
    assert (r.exit_code, r.stdout) == (2, "")
    assert expected in r.stderr


def test_single_timeline_ics(cli: Invoke) -> None:
    r = cli(["assess", "2024-03-01", "--format", "ics"])
    assert r.exit_code == 0
    evs = events(r.stdout.encode())
    final = evs["assess-2024-03-01.assess.final@sendtime"]
    assert final.decoded("DTSTART") == d("2024-07-19")
    assert final.decoded("DTSTAMP") == dt.datetime(2024, 3, 1, tzinfo=dt.UTC)


@pytest.mark.skipif(shutil.which("khal") is None, reason="khal not installed")
def test_khal_imports_and_reimport_updates(cli: Invoke, caseload: Path, tmp_path: Path) -> None:
    vdir = tmp_path / "cal"
    vdir.mkdir()
    config = tmp_path / "khal.conf"
    config.write_text(
        f"[calendars]\n[[sendtime]]\npath = {vdir}\ntype = calendar\n"
        "[locale]\nlocal_timezone = Europe/London\ndefault_timezone = Europe/London\n"
        "dateformat = %Y-%m-%d\nlongdateformat = %Y-%m-%d\n"
        f"[sqlite]\npath = {tmp_path / 'khal.db'}\n",
        encoding="utf-8",
    )
    for today in ("2024-03-04", "2024-03-11"):
        ics = tmp_path / f"{today}.ics"
        assert cli(["batch", str(caseload), "-f", "ics", "--today", today, "-o", str(ics)])
        khal = ["khal", "-c", str(config)]
        subprocess.run([*khal, "import", "--batch", "-a", "sendtime", str(ics)], check=True)
    files = sorted(p.name for p in vdir.iterdir())
    a1 = sendtime.assess(d("2024-03-01")).steps
    b2 = sendtime.assess(d("2024-03-01"), draft_served=d("2024-06-03")).steps
    assert len(files) == len([s for s in (*a1, *b2) if s.date])  # updated, not duplicated
    listed = subprocess.run(
        [*khal, "list", "2024-04-12", "1d"], check=True, capture_output=True, text=True
    ).stdout
    assert "A1: LA notifies whether it will assess" in listed


def test_appeal_deadline_says_by_5pm() -> None:
    from dataclasses import replace

    from sendtime.render.ics import events as ics_events

    t = sendtime.assess(d("2024-03-01"))
    step = replace(t.steps[0], id="appeal.deadline", title="Appeal received by the Tribunal")
    t = replace(t, process="appeal", steps=(step, t.steps[1]))
    got = list(ics_events("T1", t, stamp=d("2024-03-01")))
    assert str(got[0]["UID"]) == "T1.appeal.deadline@sendtime"
    assert "by 5pm" in str(got[0]["DESCRIPTION"])
    assert got[0]["CATEGORIES"].cats == ["appeal"]
    assert "by 5pm" not in str(got[1]["DESCRIPTION"])
