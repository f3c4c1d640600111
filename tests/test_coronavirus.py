"""SI 2020/471: limits on bodies *may* have been relaxed, on a condition; never a parent's."""

from __future__ import annotations

import sendtime
from sendtime.engine.model import Timeline
from tests.conftest import d

CONDITION = "for a reason relating to the incidence or transmission of coronavirus"


def flagged(t: Timeline) -> dict[str, str]:
    return {s.id: n for s in t.steps for n in s.notes if "SI 2020/471" in n}


def test_wording_says_may_and_names_the_condition() -> None:
    note = flagged(sendtime.assess(d("2020-03-02")))["assess.final"]
    assert "may have been relaxed" in note
    assert CONDITION in note
    assert "were relaxed" not in note


def test_parents_own_periods_are_never_flagged() -> None:
    t = sendtime.draft(d("2020-06-01"))
    assert "assess.representations" not in flagged(t)  # reg 13(1)(a): the parent's 15 days
    a = sendtime.appeal(d("2020-06-01"))
    assert "appeal.mediation-contact" not in flagged(a)  # reg 33: the parent's 2 months
    r = sendtime.review(d("2019-10-01"), notice_sent=d("2020-06-01"))
    assert "review.amend-representations" not in flagged(r)  # reg 22(2)(c)


def test_reviews_are_flagged_under_reg_18a() -> None:
    t = sendtime.review(d("2019-10-01"))  # period ends 2020-09-30: overlaps May-September
    notes = flagged(t)
    assert "review.period-end" in notes
    assert "reg 18A" in notes["review.period-end"]
    assert "not verified" in notes["review.period-end"]
    assert "review.latest-meeting" not in notes  # a planning step, not a limit


def test_no_flag_outside_the_window_and_none_on_the_tribunal_deadline() -> None:
    assert not flagged(sendtime.assess(d("2020-09-28")))
    assert not flagged(sendtime.assess(d("2019-09-01")))  # ends 2020-01-19
    assert "appeal.deadline" not in flagged(sendtime.appeal(d("2020-06-01")))  # HESC rules


def test_window_ends_are_inclusive() -> None:
    # assess.decision from 2020-03-20 ends 2020-05-01: touches the first day
    assert "assess.decision" in flagged(sendtime.assess(d("2020-03-20")))
    assert "assess.decision" not in flagged(sendtime.assess(d("2020-03-19")))  # ends 04-30
    assert "assess.decision" in flagged(sendtime.assess(d("2020-09-25")))  # starts the last day
