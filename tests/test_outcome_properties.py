"""Hypothesis properties of outcomes over 2014-2040 (issue 14)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from hypothesis import given
from hypothesis import strategies as st

import sendtime
from sendtime import OutcomeKind, Timeline

dates = st.dates(min_value=dt.date(2014, 9, 1), max_value=dt.date(2040, 12, 31))
offsets = st.integers(min_value=0, max_value=400)

# (process function from a trigger, a step that binds the LA)
CASES: list[tuple[Callable[..., Timeline], str]] = [
    (sendtime.assess, "assess.decision"),
    (sendtime.assess, "assess.final"),
    (sendtime.review, "review.period-end"),
    (sendtime.move, "move.transfer"),
    (sendtime.reassess, "reassess.decision"),
    (lambda d, **kw: sendtime.order(d, type="make-plan", **kw), "order.final"),
]


@given(dates, offsets, st.sampled_from(CASES))
def test_met_iff_done_on_or_before_date_and_days_late_is_the_difference(
    trigger: dt.date, offset: int, case: tuple[Callable[..., Timeline], str]
) -> None:
    fn, sid = case
    done = trigger + dt.timedelta(days=offset)
    t = fn(trigger, done={sid: done}, today=trigger)
    s = t.step(sid)
    assert s.date is not None
    assert s.outcome is not None
    met = s.outcome.kind is OutcomeKind.MET
    assert met == (done <= s.date)
    if not met:
        assert s.outcome.kind is OutcomeKind.LATE
        assert s.outcome.days_late == (done - s.date).days
        assert 0 <= (s.outcome.working_days_late or 0) <= s.outcome.days_late


@given(dates, offsets, st.sampled_from(CASES))
def test_not_done_is_open_until_the_date_then_overdue(
    trigger: dt.date, offset: int, case: tuple[Callable[..., Timeline], str]
) -> None:
    fn, sid = case
    today = trigger + dt.timedelta(days=offset)
    s = fn(trigger, done={}, today=today).step(sid)
    assert s.date is not None
    assert s.outcome is not None
    if today > s.date:
        assert (s.outcome.kind, s.outcome.days_overdue) == (
            OutcomeKind.OVERDUE,
            (today - s.date).days,
        )
    else:
        assert (s.outcome.kind, s.outcome.days_left) == (OutcomeKind.OPEN, (s.date - today).days)


ANCHORING = [
    (sendtime.assess, "assess.decision"),
    (sendtime.assess, "assess.draft-target"),
    (sendtime.review, "review.latest-meeting"),
    (sendtime.review, "review.decision"),
    (sendtime.move, "move.transfer"),
    (sendtime.reassess, "reassess.decision"),
]


@given(dates, st.integers(min_value=0, max_value=120), st.sampled_from(ANCHORING))
def test_a_done_date_never_changes_an_earlier_step(
    trigger: dt.date, late: int, case: tuple[Callable[..., Timeline], str]
) -> None:
    fn, sid = case
    plain = fn(trigger)
    planned = plain.step(sid).date
    assert planned is not None
    done = max(planned + dt.timedelta(days=late), trigger)
    checked = fn(trigger, done={sid: done}, today=trigger)
    before = plain.ids[: plain.ids.index(sid) + 1]
    for step_id in before:  # the done step and every step computed before it keep their dates
        assert checked.step(step_id).date == plain.step(step_id).date
