"""Properties of Wales's school-day and Regulations counts over random term files, 2021-2040."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from hypothesis import assume, given
from hypothesis import strategies as st

from sendtime.engine.calendars import Calendar
from sendtime.engine.errors import NeedsMoreData
from sendtime.engine.terms import Period, Terms
from sendtime.law.wales import idp, tribunal

HOLIDAYS = Calendar()  # England-and-Wales bank holidays, no terms


@st.composite
def term_files(draw: st.DrawFn) -> Terms:
    """One school year from 1 Sep (2021-2039): three terms, and closures drawn inside them."""
    year = draw(st.integers(min_value=2021, max_value=2039))
    bounds = (
        (dt.date(year, 9, 1), dt.date(year, 12, 19)),
        (dt.date(year + 1, 1, 5), dt.date(year + 1, 3, 27)),
        (dt.date(year + 1, 4, 13), dt.date(year + 1, 7, 20)),
    )
    terms = tuple(Period(a, b, f"term {i}") for i, (a, b) in enumerate(bounds))
    closures = []
    for a, b in bounds:
        for _ in range(draw(st.integers(min_value=0, max_value=2))):
            start = a + dt.timedelta(days=draw(st.integers(0, (b - a).days)))
            end = min(b, start + dt.timedelta(days=draw(st.integers(0, 6))))
            closures.append(Period(start, end, "INSET"))
    return Terms(terms, tuple(sorted(closures, key=lambda p: p.start)))


def _cal(terms: Terms) -> Calendar:
    return Calendar(terms=terms)


@given(term_files(), st.integers(0, 330), st.sampled_from(["school", "fei"]))
def test_a_school_day_result_is_a_school_day_after_the_trigger(
    terms: Terms, offset: int, by: str
) -> None:
    cal = _cal(terms)
    trigger = terms.first_day + dt.timedelta(days=offset)
    assume(terms.covers(trigger))
    try:
        step = idp.idp(trigger, by=by, calendar=cal).steps[0]
    except NeedsMoreData:
        return  # 35 school days run past the file: not guessed
    assert step.date is not None
    assert cal.is_school_day(step.date)
    assert step.date > trigger
    # exactly 35 school days in (trigger, deadline]
    counted = sum(
        cal.is_school_day(trigger + dt.timedelta(days=k))
        for k in range(1, (step.date - trigger).days + 1)
    )
    assert counted == 35


@given(term_files(), st.integers(0, 330), st.integers(0, 320), st.integers(0, 6))
def test_adding_a_closure_never_makes_a_school_day_deadline_earlier(
    terms: Terms, offset: int, at: int, length: int
) -> None:
    trigger = terms.first_day + dt.timedelta(days=offset)
    assume(terms.covers(trigger))
    start = terms.first_day + dt.timedelta(days=at)
    assume(any(start in t for t in terms.terms))
    end = min(start + dt.timedelta(days=length), next(t.end for t in terms.terms if start in t))
    more = replace(terms, closures=(*terms.closures, Period(start, end, "closure")))
    try:
        before = idp.idp(trigger, calendar=_cal(terms)).steps[0].date
    except NeedsMoreData:
        return
    try:
        after = idp.idp(trigger, calendar=_cal(more)).steps[0].date
    except NeedsMoreData:
        return  # pushed past the file: later, certainly not earlier
    assert before is not None
    assert after is not None
    assert after >= before


DAYS = st.dates(dt.date(2021, 9, 1), dt.date(2040, 6, 30))


@given(DAYS)
def test_regulations_periods_end_on_a_working_day_no_earlier_than_the_plain_count(
    x: dt.date,
) -> None:
    for fn, sid, days in (
        (idp.not_necessary, "idp.not-necessary", 84),
        (idp.nhs_referral, "idp.nhs-response", 42),
        (idp.cease_reconsider, "idp.cease-reconsider", 28),
    ):
        got = fn(x).step(sid).date
        plain = x + dt.timedelta(days=days)
        assert got is not None
        assert HOLIDAYS.is_working_day(got)
        assert got >= plain
        # extended only over non-working days
        assert all(
            not HOLIDAYS.is_working_day(plain + dt.timedelta(days=k))
            for k in range((got - plain).days)
        )


@given(DAYS)
def test_etw_appeal_is_the_first_working_day_after_day_55(x: dt.date) -> None:
    got = tribunal.appeal(x).step("etw.appeal").date
    assert got is not None
    end = x + dt.timedelta(days=55)
    assert got > end
    assert HOLIDAYS.is_working_day(got)
    assert all(
        not HOLIDAYS.is_working_day(end + dt.timedelta(days=k)) for k in range(1, (got - end).days)
    )
