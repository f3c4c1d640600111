"""The runner is generic over the process registry; laws of the file edge (dates, pass-through)."""

from __future__ import annotations

import csv
import datetime as dt
import io
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import sendtime
from sendtime.engine.model import Timeline
from sendtime.io.batch import Case, RowError, cases
from sendtime.io.caseload import parse_file_date
from sendtime.law.england.processes import BATCH, Param, ParamKind, Process
from tests.conftest import Invoke, d

CALLS: list[dict[str, Any]] = []


def fake(year: int | None, *, options: sendtime.Options, **kwargs: Any) -> Timeline:
    """A process that records how it was called and answers with a plain assess timeline."""
    CALLS.append(
        {
            "year": year,
            **kwargs,
            "counting": options.counting,
            "exceptions": options.exceptions,
            "today": options.today,
        }
    )
    return sendtime.assess(d("2024-03-01"))


@pytest.fixture
def fake_spec(monkeypatch: pytest.MonkeyPatch) -> None:
    spec = Process(
        "fake",
        "A fake",
        "year",
        "tests.test_batch_generic:fake",
        "fake",
        ParamKind.YEAR,
        (
            Param("year_group", ParamKind.INT),
            Param("kind", ParamKind.TEXT),
            Param("meeting", ParamKind.DATE, kwarg="meeting_date"),
        ),
    )
    monkeypatch.setitem(BATCH, "fake", spec)
    CALLS.clear()


def test_every_option_reaches_the_process(fake_spec: None, tmp_path: Path) -> None:
    p = tmp_path / "c.csv"
    p.write_text(
        "ref,process,date,counting,exception\nP1,fake,2026,inclusive,personal\n",
        encoding="utf-8",
    )
    got = list(cases(p))
    assert isinstance(got[0], Case)
    assert [
        {
            "year": 2026,
            "counting": sendtime.Counting.INCLUSIVE,
            "exceptions": (sendtime.RecordedException(sendtime.ExceptionKind.PERSONAL),),
            "today": None,
        }
    ] == CALLS


def test_a_registered_process_just_works(fake_spec: None, tmp_path: Path) -> None:
    p = tmp_path / "c.csv"
    p.write_text(
        "ref,process,date,year_group,kind,meeting,counting,other\n"
        "F1,fake,2026,7,school,3/6/2026,inclusive,kept\n"
        "F2,FAKE,2026,seven,,,,\n"
        "F3,fake,26,,,,,\n"
        "A1,assess,2024-03-01,9,school,2024-06-03,,kept\n",  # assess ignores fake's columns
        encoding="utf-8",
    )
    got = list(cases(p))
    assert isinstance(got[0], Case)
    assert CALLS[0] == {
        "year": 2026,
        "year_group": 7,
        "kind": "school",
        "meeting_date": dt.date(2026, 6, 3),
        "counting": sendtime.Counting.INCLUSIVE,
        "exceptions": (),
        "today": None,
    }
    assert got[0].extra == (("other", "kept"),)
    assert got[1] == RowError("F2", 3, "column year_group: expected a whole number")
    assert got[2] == RowError("F3", 4, "column date: expected a four-digit year, e.g. 2026")
    assert isinstance(got[3], Case)
    assert got[3].timeline.process == "assess"
    assert got[3].extra == (("other", "kept"),)  # known to some process: read, not passed on


def test_unknown_process_lists_the_registry(fake_spec: None, cli: Invoke, tmp_path: Path) -> None:
    p = tmp_path / "c.csv"
    p.write_text("ref,process,date\nZ1,nope,2024-03-01\n", encoding="utf-8")
    r = cli(["batch", str(p)])
    assert r.exit_code == 2
    names = ", ".join(BATCH)  # every registered process, the fake last
    assert names.startswith("assess, draft, ")
    assert names.endswith(", pupil, fake")
    assert f'"error": "column process: expected one of {names}"' in r.stderr


@given(st.dates(min_value=dt.date(2014, 9, 1), max_value=dt.date(2040, 12, 31)))
def test_every_file_date_form_reads_the_same_day(day: dt.date) -> None:
    assert parse_file_date(day.isoformat()) == day
    assert parse_file_date(f"{day.day:02d}/{day.month:02d}/{day.year}") == day
    assert parse_file_date(f"{day.day}/{day.month}/{day.year}") == day
    assert parse_file_date(dt.datetime(day.year, day.month, day.day, 9, 30)) == day  # noqa: DTZ001


CELL = st.text(
    alphabet=st.characters(blacklist_categories=("Cs", "Cc"), blacklist_characters="\x00")
    | st.sampled_from(["\n", '"', ",", "£", "é", "=", "+", "-", "@", ";"]),
    max_size=30,
).map(str.strip)


@settings(max_examples=60, deadline=None)
@given(st.lists(CELL, min_size=1, max_size=5))
def test_pass_through_cells_are_never_lost(tmp_path_factory: Any, cells: list[str]) -> None:
    tmp = tmp_path_factory.mktemp("pass")
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(["ref", "process", "date", *[f"x{i}" for i in range(len(cells))]])
    w.writerow(["R1", "assess", "2024-03-01", *cells])
    path = tmp / "c.csv"
    path.write_text(buf.getvalue(), encoding="utf-8")
    from sendtime.cli.app import run

    out = tmp / "out.csv"
    assert run(["batch", str(path), "-o", str(out)]) == 0
    with out.open(encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    for i, cell in enumerate(cells):
        shown = rows[0][f"x{i}"]
        assert shown == ("'" + cell if cell.startswith(("=", "+", "-", "@")) else cell)
