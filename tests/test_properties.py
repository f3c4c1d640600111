"""Hypothesis properties over 2014-2040: the laws the arithmetic must obey."""

from __future__ import annotations

import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st

import sendtime
from sendtime import Calendar, Counting
from sendtime.engine import periods

dates = st.dates(min_value=dt.date(2014, 9, 1), max_value=dt.date(2040, 12, 31))
weeks = st.integers(min_value=1, max_value=60)


@given(dates)
def test_within_n_weeks_exclusive_is_7n_days_and_inclusive_7n_minus_1(r: dt.date) -> None:
    ex = sendtime.assess(r)
    inc = sendtime.assess(r, counting=Counting.INCLUSIVE)
    for sid, n in (("assess.decision", 6), ("assess.no-plan", 16), ("assess.final", 20)):
        assert ex.step(sid).date == r + dt.timedelta(days=7 * n)
        assert inc.step(sid).date == r + dt.timedelta(days=7 * n - 1)
        assert ex.step(sid).date.weekday() == r.weekday()  # type: ignore[union-attr]


@given(dates, st.integers(min_value=1, max_value=60))
def test_working_day_arithmetic_lands_on_working_days(eng: Calendar, d: dt.date, n: int) -> None:
    after = eng.add_working_days(d, n)
    before = eng.add_working_days(d, -n)
    begin = eng.working_days_beginning_with(d, n)
    for x in (after, before, begin):
        assert eng.is_working_day(x)
    assert before < d < after
    assert d <= begin <= after
    assert eng.working_days_between(d, after) == n


@given(dates, st.integers(min_value=1, max_value=40))
def test_working_day_arithmetic_matches_a_day_by_day_count(
    eng: Calendar, d: dt.date, n: int
) -> None:
    x, k = d, 0
    while k < n:
        x += dt.timedelta(days=1)
        k += eng.is_working_day(x)
    assert eng.add_working_days(d, n) == x


@given(dates)
def test_working_day_on_or_before_is_latest(eng: Calendar, d: dt.date) -> None:
    w = eng.working_day_on_or_before(d)
    assert w <= d
    assert eng.is_working_day(w)
    assert all(not eng.is_working_day(w + dt.timedelta(days=i)) for i in range(1, (d - w).days + 1))


@given(dates, dates)
def test_deadlines_non_decreasing_in_the_trigger(a: dt.date, b: dt.date) -> None:
    a, b = min(a, b), max(a, b)
    ta, tb = sendtime.assess(a), sendtime.assess(b)
    for sa, sb in zip(ta.steps, tb.steps, strict=True):
        assert sa.date is not None
        assert sb.date is not None
        assert sa.date <= sb.date, sa.id


@given(dates, st.integers(min_value=1, max_value=24))
def test_period_of_months_never_before_its_start_and_non_decreasing(d: dt.date, n: int) -> None:
    end = periods.period_of_months_end(d, n)
    assert end >= d
    assert periods.period_of_months_end(d + dt.timedelta(days=1), n) >= end
    # it ends before the corresponding date n months on, and within a month of it
    assert end < periods.add_months(d, n) or not periods.has_corresponding_date(d, n)
    assert (periods.add_months(d, n) - end).days <= 1


@settings(max_examples=50)
@given(dates)
def test_deadlines_never_before_their_anchor(r: dt.date) -> None:
    t = sendtime.assess(r)
    for s in t.steps:
        assert s.date is not None
        assert s.date > r, s.id
