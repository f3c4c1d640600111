"""The mistakes peers make, each made impossible by a test that would catch it (issue 17)."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

import sendtime
from sendtime.engine.calendars import Calendar
from sendtime.engine.model import Kind, Nation, Unit
from sendtime.law.england.rules import RULES
from tests.conftest import d, date_of


@pytest.mark.parametrize(
    ("served", "law", "as_working_days"),
    [
        ("2025-03-03", "2025-03-17", "2025-03-21"),  # Mon: 15 days beginning with; 15 WD later
        ("2025-04-14", "2025-04-28", "2025-05-07"),  # over Easter and 5 May: 3 days skipped
    ],
)
def test_parents_15_days_are_calendar_days(served: str, law: str, as_working_days: str) -> None:
    t = sendtime.draft(d(served))
    assert date_of(t, "assess.representations") == d(law)
    assert Calendar().working_days_beginning_with(d(served), 15) == d(as_working_days)
    assert d(law) != d(as_working_days)


@given(st.dates(dt.date(2014, 9, 1), dt.date(2040, 6, 30)))
def test_never_a_day_late(day: dt.date) -> None:
    # "beginning with the day served": the day served is day 1 -> day 15 is day + 14, not + 15
    assert date_of(sendtime.draft(day), "assess.representations") == day + dt.timedelta(days=14)
    # "within 6 weeks of" the request: the request day is not counted -> + 42, not + 43
    t = sendtime.assess(day)
    assert date_of(t, "assess.decision") == day + dt.timedelta(days=42)
    assert date_of(t, "assess.final") == day + dt.timedelta(days=140)


@pytest.mark.parametrize(
    ("sent", "two_months", "eight_weeks"),
    [
        ("2025-01-14", "2025-03-14", "2025-03-11"),
        ("2024-12-31", "2025-02-28", "2025-02-25"),  # no 31 February: the last day of the month
        ("2025-03-18", "2025-05-19", "2025-05-13"),  # Sun 18 May rolls to Mon 19 May (r.12(2))
    ],
)
def test_two_months_is_never_eight_weeks(sent: str, two_months: str, eight_weeks: str) -> None:
    t = sendtime.appeal(d(sent))
    assert date_of(t, "appeal.deadline") == d(two_months)
    assert date_of(t, "appeal.deadline") != d(eight_weeks)
    assert date_of(t, "appeal.deadline") - d(sent) != dt.timedelta(weeks=8)


def test_there_is_no_12_week_stage() -> None:
    twelve = [
        r.id
        for r in RULES
        if abs(r.amount) == 12
        and r.unit is Unit.WEEKS
        and r.kind in (Kind.DEADLINE, Kind.MINIMUM, Kind.FIXED)
    ]
    assert twelve == []  # only the derived planning step transfer.latest-meeting counts 12 weeks
    t = sendtime.assess(d("2024-03-01"))
    assert not [s.id for s in t.steps if s.basis.startswith("12 weeks")]


def test_wrong_nations_holidays_cannot_move_an_england_date() -> None:
    assert date_of(sendtime.appeal(d("2025-10-25")), "appeal.deadline") == d("2026-01-02")
    with pytest.raises(sendtime.BadInput):
        sendtime.appeal(d("2025-10-25"), calendar=Calendar(Nation.SCOTLAND))
