"""Outcomes (issue 14): hand-worked cases for every process family, and the engine's laws.

Every expected date below is worked by hand from the rules of docs/rules.md; every outcome
from it and the done date. No test computes its expectation with the code under test.
"""

from __future__ import annotations

import datetime as dt

import pytest

import sendtime
from sendtime import BadInput, Counting, ExceptionKind, OutcomeKind, RecordedException
from sendtime.engine.model import Kind, Outcome, Status, Step
from sendtime.engine.outcomes import needs_attention, outcome_of, summary_line, with_boundary

D = dt.date
MET, LATE, OPEN, OVERDUE = OutcomeKind.MET, OutcomeKind.LATE, OutcomeKind.OPEN, OutcomeKind.OVERDUE


def _o(step: Step) -> Outcome:
    assert step.outcome is not None
    return step.outcome


# ------------------------------------------------------------------- assess (Fri 2024-03-01)
@pytest.mark.parametrize(
    ("done", "kind", "days_late", "working_days_late"),
    [
        (D(2024, 4, 11), MET, None, None),  # the day before
        (D(2024, 4, 12), MET, None, None),  # met on the day (Fri, 6 weeks exclusive)
        (D(2024, 4, 13), LATE, 1, 0),  # late by exactly one day: a Saturday, no working day
        (D(2024, 4, 15), LATE, 3, 1),  # Monday: 3 calendar days, 1 working day
        (D(2024, 4, 20), LATE, 8, 5),
    ],
)
def test_assess_decision_outcomes(
    done: dt.date, kind: OutcomeKind, days_late: int | None, working_days_late: int | None
) -> None:
    t = sendtime.assess(D(2024, 3, 1), done={"assess.decision": done}, today=D(2024, 10, 1))
    s = t.step("assess.decision")
    assert s.date == D(2024, 4, 12)
    assert s.done == done
    o = _o(s)
    assert (o.kind, o.days_late, o.working_days_late) == (kind, days_late, working_days_late)


def test_issue_example_final_late_53_days_and_no_plan_not_applicable() -> None:
    t = sendtime.assess(
        D(2024, 3, 1),
        done={"assess.decision": D(2024, 4, 20), "assess.final": D(2024, 9, 10)},
        today=D(2024, 10, 1),
    )
    final = _o(t.step("assess.final"))
    assert t.step("assess.final").date == D(2024, 7, 19)
    assert (final.kind, final.days_late) == (LATE, 53)  # 2024-07-19 -> 2024-09-10
    assert final.label == "late 53 days"
    no_plan = _o(t.step("assess.no-plan"))
    assert no_plan.kind is OutcomeKind.NOT_APPLICABLE
    assert "assess.final" in no_plan.note
    assert t.checked
    assert needs_attention(t.steps)


def test_no_plan_done_moots_the_final_plan_and_the_draft() -> None:
    t = sendtime.assess(
        D(2024, 3, 1), done={"assess.no-plan": D(2024, 6, 21)}, today=D(2024, 12, 1)
    )
    assert _o(t.step("assess.no-plan")).kind is MET  # on the day: Fri 2024-06-21
    for sid in ("assess.final", "assess.representations", "assess.draft-target"):
        assert _o(t.step(sid)).kind is OutcomeKind.NOT_APPLICABLE


def test_weekend_deadline_does_not_roll() -> None:
    # Request Sat 2024-03-02: 6 weeks -> Sat 2024-04-13; no statutory roll-forward, so the
    # following Monday is 2 days late (a roll-forward would wrongly call it met).
    t = sendtime.assess(
        D(2024, 3, 2), done={"assess.decision": D(2024, 4, 15)}, today=D(2024, 5, 1)
    )
    s = t.step("assess.decision")
    assert s.date == D(2024, 4, 13)
    assert (_o(s).kind, _o(s).days_late, _o(s).working_days_late) == (LATE, 2, 1)


def test_done_draft_sent_moves_the_parents_15_days() -> None:
    # The draft actually sent Mon 2024-06-10 is the day served: 15 days beginning with it end
    # Mon 2024-06-24 (not the projected draft-target + 14).
    t = sendtime.assess(
        D(2024, 3, 1), done={"assess.draft-target": D(2024, 6, 10)}, today=D(2024, 6, 12)
    )
    reps = t.step("assess.representations")
    assert reps.date == D(2024, 6, 24)
    assert not reps.projected
    o = _o(reps)
    assert (o.kind, o.days_left, o.duty) == (OPEN, 12, False)


def test_open_and_overdue_against_today() -> None:
    t = sendtime.assess(D(2024, 3, 1), done={}, today=D(2024, 4, 10))
    o = _o(t.step("assess.decision"))
    assert (o.kind, o.days_left) == (OPEN, 2)
    t = sendtime.assess(D(2024, 3, 1), done={}, today=D(2024, 4, 22))
    o = _o(t.step("assess.decision"))
    assert (o.kind, o.days_overdue) == (OVERDUE, 10)


def test_guidance_steps_are_marked_not_statutory_and_planning_gets_none() -> None:
    t = sendtime.assess(D(2024, 3, 1), done={}, today=D(2024, 12, 1))
    assert _o(t.step("assess.draft-target")).statutory is False
    r = sendtime.review(D(2024, 3, 1), done={}, today=D(2024, 3, 2))
    assert r.step("review.latest-meeting").kind is Kind.PLANNING
    assert r.step("review.latest-meeting").outcome is None


# ------------------------------------------------------------------- exceptions
def test_absence_disapplies_a_late_decision() -> None:
    # 2024-03-10..2024-04-30 overlaps 2024-03-01..2024-04-12 by 34 days >= 28 (reg 5(4)(d)).
    t = sendtime.assess(
        D(2024, 3, 1),
        exceptions=[RecordedException(ExceptionKind.ABSENCE, D(2024, 3, 10), D(2024, 4, 30))],
        done={"assess.decision": D(2024, 4, 20)},
        today=D(2024, 5, 1),
    )
    o = _o(t.step("assess.decision"))
    assert (o.kind, o.days_late) == (OutcomeKind.DISAPPLIED, 8)
    assert "reg 5(4)(d)" in o.note
    assert "34 days" in o.note
    assert "needs 28" in o.note
    assert not o.needs_attention


def test_absence_that_disapplies_but_decision_met_is_met() -> None:
    t = sendtime.assess(
        D(2024, 3, 1),
        exceptions=[RecordedException(ExceptionKind.ABSENCE, D(2024, 3, 10), D(2024, 4, 30))],
        done={"assess.decision": D(2024, 4, 12)},
        today=D(2024, 5, 1),
    )
    assert _o(t.step("assess.decision")).kind is MET


def test_absence_too_short_leaves_it_late() -> None:
    # 2024-03-20..2024-04-10: 22 days of the period, reg 5(4) needs 28.
    t = sendtime.assess(
        D(2024, 3, 1),
        exceptions=[RecordedException(ExceptionKind.ABSENCE, D(2024, 3, 20), D(2024, 4, 10))],
        done={"assess.decision": D(2024, 4, 13)},
        today=D(2024, 5, 1),
    )
    o = _o(t.step("assess.decision"))
    assert (o.kind, o.days_late) == (LATE, 1)
    assert o.needs_attention


# ------------------------------------------------------------------- draft, review, amend
def test_draft_representations_met_on_the_day_and_late_by_one() -> None:
    # Served Mon 2025-03-03: 15 days beginning with it end Mon 2025-03-17.
    met = sendtime.draft(D(2025, 3, 3), done={"assess.representations": D(2025, 3, 17)})
    late = sendtime.draft(D(2025, 3, 3), done={"assess.representations": D(2025, 3, 18)})
    assert met.step("assess.representations").date == D(2025, 3, 17)
    assert _o(met.step("assess.representations")).kind is MET
    o = _o(late.step("assess.representations"))
    assert (o.kind, o.days_late, o.duty) == (LATE, 1, False)
    assert not o.needs_attention  # the parent's window: no breach by the LA


def test_review_meeting_held_moves_report_and_decision() -> None:
    # Period from 2024-03-01 ends 2025-02-28; the meeting held Fri 2025-01-10: the report is
    # due 2 weeks later (Fri 2025-01-24), the decision 4 weeks later (Fri 2025-02-07).
    t = sendtime.review(
        D(2024, 3, 1),
        done={"review.latest-meeting": D(2025, 1, 10), "review.decision": D(2025, 2, 10)},
        today=D(2025, 3, 1),
    )
    assert t.step("review.report").date == D(2025, 1, 24)
    assert not t.step("review.report").projected
    assert t.step("review.decision").date == D(2025, 2, 7)
    o = _o(t.step("review.decision"))
    assert (o.kind, o.days_late, o.working_days_late) == (LATE, 3, 1)


def test_review_meeting_and_done_meeting_must_agree() -> None:
    with pytest.raises(BadInput, match="same event"):
        sendtime.review(
            D(2024, 3, 1),
            meeting=D(2025, 1, 10),
            done={"review.latest-meeting": D(2025, 1, 12)},
        )
    same = sendtime.review(
        D(2024, 3, 1), meeting=D(2025, 1, 10), done={"review.latest-meeting": D(2025, 1, 10)}
    )
    assert same.step("review.report").date == D(2025, 1, 24)


def test_amend_amended_plan_late_by_one_day() -> None:
    # Notice Mon 2025-06-02 + 8 weeks = Mon 2025-07-28.
    t = sendtime.amend(D(2025, 6, 2), done={"review.amended-final": D(2025, 7, 29)})
    s = t.step("review.amended-final")
    assert s.date == D(2025, 7, 28)
    assert (_o(s).kind, _o(s).days_late) == (LATE, 1)
    assert _o(t.step("review.no-amend")).kind is OutcomeKind.NOT_APPLICABLE


# ------------------------------------------------------------------- transfer, move, reassess
def test_transfer_saturday_fixed_date() -> None:
    # Transfer Sept 2026: before 15 February -> by Sat 2026-02-14; done Mon 16th: 2 days late.
    t = sendtime.transfer(2026, kind="school", done={"transfer.school": D(2026, 2, 16)})
    s = t.step("transfer.school")
    assert s.date == D(2026, 2, 14)
    assert (_o(s).kind, _o(s).days_late, _o(s).working_days_late) == (LATE, 2, 1)


def test_move_transfer_done_late_moves_the_notification() -> None:
    # No awareness date: transfer on the day of the move (Mon 2025-05-19). Done Wed 21st: 2
    # days late; the new LA's 6 weeks then run from the actual transfer: Wed 2025-07-02.
    t = sendtime.move(D(2025, 5, 19), done={"move.transfer": D(2025, 5, 21)}, today=D(2025, 6, 1))
    assert t.step("move.transfer").date == D(2025, 5, 19)
    assert (_o(t.step("move.transfer")).kind, _o(t.step("move.transfer")).days_late) == (LATE, 2)
    notify = t.step("move.notify")
    assert notify.date == D(2025, 7, 2)
    assert not notify.projected


def test_reassess_decision_late_moves_the_final_plan() -> None:
    # Request Mon 2025-02-03: 15 days -> Tue 2025-02-18. Notified Thu 20th (2 late); the final
    # plan is due 14 weeks after the notification: Thu 2025-05-29.
    t = sendtime.reassess(D(2025, 2, 3), done={"reassess.decision": D(2025, 2, 20)})
    assert t.step("reassess.decision").date == D(2025, 2, 18)
    assert _o(t.step("reassess.decision")).days_late == 2
    assert t.step("reassess.final").date == D(2025, 5, 29)


# ------------------------------------------------------------------- appeal, order, mediation
def test_appeal_deadline_met_on_the_rolled_day() -> None:
    # IPSEA: decision 2023-10-01, certificate 2023-11-29 -> 29 Dec falls in 25 Dec-1 Jan ->
    # 2 Jan 2024 (r.12(3)(a)). An appeal received then is in time.
    t = sendtime.appeal(
        D(2023, 10, 1), certificate=D(2023, 11, 29), done={"appeal.deadline": D(2024, 1, 2)}
    )
    o = _o(t.step("appeal.deadline"))
    assert t.step("appeal.deadline").date == D(2024, 1, 2)
    assert (o.kind, o.duty) == (MET, False)
    late = sendtime.appeal(
        D(2023, 10, 1), certificate=D(2023, 11, 29), done={"appeal.deadline": D(2024, 1, 3)}
    )
    assert _o(late.step("appeal.deadline")).days_late == 1


def test_order_final_late_by_one_day_and_direction_compared() -> None:
    # Order Mon 2025-03-03, make-plan: final within 11 weeks -> Mon 2025-05-19.
    t = sendtime.order(D(2025, 3, 3), type="make-plan", done={"order.final": D(2025, 5, 20)})
    assert t.step("order.final").date == D(2025, 5, 19)
    assert _o(t.step("order.final")).days_late == 1
    # A direction fixing 2025-05-30 replaces the date the done date is compared with.
    directed = sendtime.order(
        D(2025, 3, 3),
        type="make-plan",
        tribunal_direction=D(2025, 5, 30),
        done={"order.final": D(2025, 5, 20)},
    )
    assert _o(directed.step("order.final")).kind is MET


def test_mediation_other_two_weeks() -> None:
    # Agreement Mon 2025-03-03: within two weeks -> Mon 2025-03-17.
    t = sendtime.mediation(D(2025, 3, 3), done={"mediation.other": D(2025, 3, 17)})
    assert _o(t.step("mediation.other")).kind is MET


def test_support_and_pupil_take_done(tmp_path: object) -> None:
    p = sendtime.pupil(D(2015, 3, 10), today=D(2025, 11, 1), done={})
    assert p.checked
    ids = [s.id for s in p.steps if s.outcome is not None]
    assert "transfer.school" in ids


# ------------------------------------------------------------------- refusals, the Ombudsman
def test_done_before_its_anchor_is_refused_naming_both_dates() -> None:
    with pytest.raises(BadInput) as e:
        sendtime.assess(D(2024, 3, 1), done={"assess.final": D(2024, 2, 1)})
    assert "2024-02-01" in str(e.value)
    assert "2024-03-01" in str(e.value)


def test_unknown_done_step_is_refused() -> None:
    with pytest.raises(BadInput, match="no such step"):
        sendtime.assess(D(2024, 3, 1), done={"review.report": D(2024, 5, 1)})


def test_ombudsman_step_when_a_duty_is_late() -> None:
    t = sendtime.assess(D(2024, 3, 1), done={"assess.decision": D(2024, 4, 20)})
    omb = t.step("ombudsman.complaint")
    # From the day after the decision fell due (2024-04-13): 12 months beginning with it end
    # 2025-04-12 (LGA 1974 s.26B).
    assert omb.date == D(2025, 4, 12)
    assert "26B" in omb.citation
    on_time = sendtime.assess(
        D(2024, 3, 1),
        done={k: D(2024, 4, 1) for k in ("assess.decision",)},
        today=D(2024, 4, 2),
    )
    assert "ombudsman.complaint" not in on_time.ids


# ------------------------------------------------------------------- library check()
def test_check_an_existing_timeline() -> None:
    t = sendtime.assess(D(2024, 3, 1))
    c = sendtime.check(t, done={"assess.final": D(2024, 7, 19)}, today=D(2024, 8, 1))
    assert _o(c.step("assess.final")).kind is MET
    assert c.step("assess.final").done == D(2024, 7, 19)


def test_check_refuses_a_done_date_that_would_move_other_steps() -> None:
    t = sendtime.review(D(2024, 3, 1))
    with pytest.raises(BadInput, match="count from it"):
        sendtime.check(t, done={"review.decision": D(2025, 2, 10)}, today=D(2025, 3, 1))


# ------------------------------------------------------------------- boundaries
def test_counting_boundary_flags_met_on_exclusive_late_on_inclusive() -> None:
    t = sendtime.assess(D(2024, 3, 1), done={"assess.decision": D(2024, 4, 12)})
    o = _o(t.step("assess.decision"))
    assert (o.kind, o.boundary) == (MET, True)
    assert o.note == "met on the exclusive reading, late 1 day on the inclusive"
    inc = sendtime.assess(
        D(2024, 3, 1), counting=Counting.INCLUSIVE, done={"assess.decision": D(2024, 4, 12)}
    )
    o = _o(inc.step("assess.decision"))
    assert (o.kind, o.days_late, o.boundary) == (LATE, 1, True)
    assert o.note == "late 1 day on the inclusive reading, met on the exclusive"


def test_no_boundary_when_both_readings_agree() -> None:
    t = sendtime.assess(D(2024, 3, 1), done={"assess.decision": D(2024, 4, 13)})
    o = _o(t.step("assess.decision"))
    assert (o.kind, o.boundary) == (LATE, False)


def test_beginning_with_period_is_not_counting_sensitive() -> None:
    # 15 days beginning with the day served: --counting does not apply, so no boundary.
    t = sendtime.draft(D(2025, 3, 3), done={"assess.representations": D(2025, 3, 17)})
    assert _o(t.step("assess.representations")).boundary is False


# ------------------------------------------------------------------- the pure function
STEP = Step(
    id="x.y",
    title="t",
    date=D(2025, 3, 14),
    kind=Kind.DEADLINE,
    status=Status.STATUTORY,
    confidence=sendtime.Confidence.VERIFIED,
    citation="c",
    basis="b",
)


class _Cal:
    def working_days_between(self, a: dt.date, b: dt.date) -> int:
        return 99


def test_outcome_of_reads_only_its_arguments() -> None:
    o = outcome_of(STEP, D(2025, 3, 20), today=None, calendar=_Cal())
    assert o == Outcome(LATE, done=D(2025, 3, 20), days_late=6, working_days_late=99)
    assert outcome_of(STEP, None, today=None, calendar=_Cal()).kind is OPEN  # type: ignore[union-attr]
    undated = outcome_of(
        Step("a", "t", None, Kind.DEADLINE, Status.STATUTORY, STEP.confidence, "c", "no date"),
        None,
        today=D(2025, 1, 1),
        calendar=_Cal(),
    )
    assert undated is not None
    assert undated.kind is OutcomeKind.UNDATED


def test_with_boundary_and_summary_line() -> None:
    a = Outcome(MET, done=D(2025, 3, 14))
    b = Outcome(LATE, done=D(2025, 3, 14), days_late=1)
    assert with_boundary(a, a, this="x", that="y") is a
    flagged = with_boundary(a, b, this="earliest deemed", that="latest deemed")
    assert flagged.boundary
    assert flagged.note == "met on the earliest deemed reading, late 1 day on the latest deemed"
    t = sendtime.assess(
        D(2024, 3, 1),
        done={"assess.decision": D(2024, 4, 20), "assess.final": D(2024, 9, 10)},
        today=D(2024, 10, 1),
    )
    # late: decision, final; the advice (projected from the decision: its request date was
    # not given) is an assumption, the parent's window and guidance are not duties; the
    # no-plan notice is moot.
    assert summary_line(t.steps) == "2 duties late; 1 not-applicable"
    advice = t.step("assess.advice").outcome
    assert advice is not None
    assert (advice.kind, advice.assumed, advice.needs_attention) == (OVERDUE, True, False)


def test_deemed_date_boundary_names_both_readings() -> None:
    # Posted first class Mon 2025-03-03: deemed served Tue 4th (IPSEA, earliest) or Wed 5th
    # (Practice Direction, latest); 15 days beginning with it end Tue 18th or Wed 19th.
    t = sendtime.draft(
        posted=D(2025, 3, 3), post="first", done={"assess.representations": D(2025, 3, 19)}
    )
    s = t.step("assess.representations")
    assert s.date == D(2025, 3, 18)
    o = _o(s)
    assert (o.kind, o.days_late, o.boundary) == (LATE, 1, True)
    assert "late 1 day on the earliest deemed reading, met on the latest deemed" in o.note
    on_time = sendtime.draft(
        posted=D(2025, 3, 3), post="first", done={"assess.representations": D(2025, 3, 18)}
    )
    assert _o(on_time.step("assess.representations")).boundary is False  # met on both
