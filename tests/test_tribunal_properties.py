"""Laws of the Tribunal deadline and reg 15, checked over 2014-2040 with Hypothesis."""

from __future__ import annotations

import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st

import sendtime
from sendtime import Calendar
from sendtime.engine import periods
from sendtime.law.england.hesc import TribunalCalendar, tribunal_excluded

DAYS = st.dates(min_value=dt.date(2014, 9, 1), max_value=dt.date(2040, 10, 31))


def deadline(decision: dt.date, certificate: dt.date | None = None) -> dt.date:
    s = sendtime.appeal(decision, certificate=certificate).step("appeal.deadline")  # E&W
    assert s.date is not None
    return s.date


@settings(max_examples=300, deadline=None)
@given(DAYS)
def test_deadline_is_a_working_day_never_before_d_plus_2_months(
    eng: Calendar, tribunal: TribunalCalendar, decision: dt.date
) -> None:
    e0 = periods.add_months(decision, 2)
    got = deadline(decision)
    assert got >= e0
    assert eng.is_working_day(got)
    if tribunal_excluded(e0):
        # r.12(3)(a): the first working day after 1 January / 31 August
        assert got == tribunal.working_day_on_or_after(e0)
        assert not tribunal_excluded(got)
    elif eng.is_working_day(e0):
        assert got == e0
    else:
        assert got == eng.next_working_day(e0)  # r.12(2)


@settings(max_examples=300, deadline=None)
@given(DAYS)
def test_deadline_leaves_the_windows_unless_r12_2_ran_into_them(
    eng: Calendar, decision: dt.date
) -> None:
    # Never in August or 25 December-1 January, except when the time ends on a non-working
    # day just before a window and r.12(2) (tested after r.12(3)(a)) carries it in.
    e0 = periods.add_months(decision, 2)
    got = deadline(decision)
    if tribunal_excluded(got):
        assert not tribunal_excluded(e0)
        assert not eng.is_working_day(e0)
        assert (got - e0).days <= 4


@settings(max_examples=200, deadline=None)
@given(DAYS, DAYS)
def test_deadline_is_non_decreasing_in_the_decision_date(a: dt.date, b: dt.date) -> None:
    lo, hi = min(a, b), max(a, b)
    assert deadline(lo) <= deadline(hi)


@settings(max_examples=200, deadline=None)
@given(DAYS, st.integers(min_value=0, max_value=120), st.integers(min_value=0, max_value=30))
def test_certificate_never_makes_it_earlier_and_is_monotone(
    decision: dt.date, after: int, more: int
) -> None:
    c1 = decision + dt.timedelta(days=after)
    c2 = c1 + dt.timedelta(days=more)
    assert deadline(decision) <= deadline(decision, c1) <= deadline(decision, c2)
    assert deadline(decision, c1) >= periods.add_months(c1, 1)


@settings(max_examples=200, deadline=None)
@given(DAYS, st.integers(min_value=-60, max_value=10))
def test_reg_15_transfer_is_exactly_the_spec_rule(
    eng: Calendar, move: dt.date, offset: int
) -> None:
    aware = move + dt.timedelta(days=offset)
    if aware < dt.date(2014, 9, 1):
        return
    got = sendtime.move(move, aware=aware, calendar=eng).step("move.transfer").date
    fifteenth_before = eng.add_working_days(move, -15)
    if aware <= fifteenth_before:
        assert got == move
    else:
        assert got == eng.working_days_beginning_with(aware, 15)


@settings(max_examples=200, deadline=None)
@given(DAYS, st.integers(min_value=-400, max_value=400))
def test_tribunal_working_days_skip_the_windows(
    tribunal: TribunalCalendar, start: dt.date, n: int
) -> None:
    got = tribunal.add_working_days(start, n)
    assert tribunal.is_working_day(got)
    assert not tribunal_excluded(got)
    if n > 0:
        assert tribunal.working_days_between(start, got) == n
    elif n < 0:
        # (got, start]: the -n - 1 days between, and start itself if it is one
        assert tribunal.working_days_between(got, start) == -n - 1 + tribunal.is_working_day(start)
