"""The EHC needs assessment and draft timelines: worked examples (docs/rules.md), exceptions."""

from __future__ import annotations

import datetime as dt

import pytest

import sendtime
from sendtime import Counting, ExceptionKind, RecordedException
from sendtime.engine.errors import BadInput
from tests.conftest import d, date_of

ASSESS_IDS = (
    "assess.decision",
    "assess.advice",
    "assess.advice-other",
    "assess.no-plan",
    "assess.draft-target",
    "assess.representations",
    "assess.school-response",
    "assess.final",
)


def test_spec_example_request_2024_03_01() -> None:
    t = sendtime.assess(d("2024-03-01"))
    assert t.ids == ASSESS_IDS
    assert t.step("assess.decision").date == d("2024-04-12")
    assert t.step("assess.no-plan").date == d("2024-06-21")
    assert t.step("assess.final").date == d("2024-07-19")
    assert t.step("assess.draft-target").date == d("2024-06-07")


def test_seed_timeline_weeks() -> None:
    # Salford: week 0 request; 6 decision; 14 draft; 15 days for the parent; 16 no-plan; 20 final
    r = d("2025-01-06")
    t = sendtime.assess(r)
    weeks = {sid: (date_of(t, sid) - r).days / 7 for sid in ASSESS_IDS}
    assert weeks["assess.decision"] == 6
    assert weeks["assess.draft-target"] == 14
    assert weeks["assess.no-plan"] == 16
    assert weeks["assess.final"] == 20
    rep = date_of(t, "assess.representations")
    assert (rep - date_of(t, "assess.draft-target")).days + 1 == 15


@pytest.mark.parametrize(
    ("trigger", "counting", "sid", "want"),
    [
        ("2024-03-01", Counting.EXCLUSIVE, "assess.decision", "2024-04-12"),
        ("2024-03-01", Counting.INCLUSIVE, "assess.decision", "2024-04-11"),
        ("2024-03-01", Counting.EXCLUSIVE, "assess.final", "2024-07-19"),
        ("2024-03-01", Counting.INCLUSIVE, "assess.final", "2024-07-18"),
        ("2025-02-21", Counting.EXCLUSIVE, "assess.decision", "2025-04-04"),
        # practice (IPSEA) and "beginning with" periods ignore --counting
        ("2024-03-01", Counting.INCLUSIVE, "assess.draft-target", "2024-06-07"),
        ("2024-03-01", Counting.INCLUSIVE, "assess.representations", "2024-06-21"),
        # CoP 9.83 "within 15 days" is in the list that --counting changes
        ("2024-03-01", Counting.EXCLUSIVE, "assess.school-response", "2024-06-22"),
        ("2024-03-01", Counting.INCLUSIVE, "assess.school-response", "2024-06-21"),
    ],
)
def test_counting_conventions(trigger: str, counting: Counting, sid: str, want: str) -> None:
    t = sendtime.assess(d(trigger), counting=counting)
    assert t.step(sid).date == d(want)
    assert t.counting is counting


def test_ombudsman_arithmetic_check() -> None:
    # From Fri 2025-02-21, 10 weeks -> 2 May 2025 and 14 weeks -> 30 May 2025 (exclusive)
    t = sendtime.assess(d("2025-02-21"))
    assert t.step("assess.draft-target").date == d("2025-05-30")
    assert d("2025-02-21") + dt.timedelta(weeks=10) == d("2025-05-02")


def test_within_15_days_example() -> None:
    # docs/rules.md: request Mon 2025-01-06: 15 days -> Tue 2025-01-21 (school response uses it)
    t = sendtime.assess(d("2025-01-06"), consultation_sent=d("2025-01-06"))
    assert t.step("assess.school-response").date == d("2025-01-21")
    assert not t.step("assess.school-response").projected


def test_draft_served_example_and_projection() -> None:
    t = sendtime.draft(d("2025-03-03"))
    rep = t.step("assess.representations")
    assert rep.date == d("2025-03-17")
    assert not rep.projected
    assert "beginning with 2025-03-03" in rep.basis
    t2 = sendtime.assess(d("2024-03-01"))
    assert t2.step("assess.representations").projected
    assert not t2.step("assess.decision").projected


def test_draft_served_given_to_assess_replaces_projection() -> None:
    t = sendtime.assess(d("2024-03-01"), draft_served=d("2024-06-03"))
    assert t.step("assess.representations").date == d("2024-06-17")
    assert not t.step("assess.representations").projected


def test_several_advice_requests_are_numbered() -> None:
    t = sendtime.assess(
        d("2024-03-01"), advice_requested=[d("2024-04-20"), d("2024-04-15"), d("2024-05-01")]
    )
    assert t.step("assess.advice").date == d("2024-05-27")
    assert t.step("assess.advice-2").date == d("2024-06-01")
    assert t.step("assess.advice-3").date == d("2024-06-12")
    assert not t.step("assess.advice").projected


def test_weekend_deadline_keeps_its_date_and_says_so() -> None:
    # Request Sat 2024-03-02: every 'within N weeks' deadline is a Saturday.
    t = sendtime.assess(d("2024-03-02"))
    final = t.step("assess.final")
    assert final.date == d("2024-07-20")
    assert final.weekday == "Saturday"
    assert any("no statutory roll-forward" in n for n in final.notes)


def test_bank_holiday_deadline_keeps_its_date() -> None:
    # Request Mon 2024-01-15: 20 weeks -> Mon 2024-06-03; 16 weeks -> Mon 2024-05-06 (May Day)
    t = sendtime.assess(d("2024-01-15"))
    no_plan = t.step("assess.no-plan")
    assert no_plan.date == d("2024-05-06")
    assert any("non-working day (May Day); no statutory roll-forward" in n for n in no_plan.notes)


def test_asap_note_on_regs_5_10_13_only() -> None:
    t = sendtime.assess(d("2024-03-01"))
    asap = {s.id for s in t.steps if any("as soon as practicable" in n for n in s.notes)}
    assert asap == {"assess.decision", "assess.no-plan", "assess.final"}


def test_every_step_has_a_citation_and_basis() -> None:
    t = sendtime.assess(d("2024-03-01"))
    for s in t.steps:
        assert s.citation
        assert s.basis
        assert s.explain[0].startswith("Rule: ")


def test_coronavirus_relaxation_flags_overlapping_steps() -> None:
    t = sendtime.assess(d("2020-03-02"))
    flagged = {s.id for s in t.steps if any("SI 2020/471" in n for n in s.notes)}
    assert "assess.final" in flagged  # 2020-03-02 .. 2020-07-20 overlaps May-September 2020
    assert "assess.decision" not in flagged  # 2020-03-02 .. 2020-04-13 does not
    assert "assess.draft-target" not in flagged  # practice, not the Regulations
    later = sendtime.assess(d("2020-09-28"))
    assert not any("SI 2020/471" in n for s in later.steps for n in s.notes)


class TestExceptions:
    def test_personal_without_range_disapplies_every_exception_step(self) -> None:
        t = sendtime.assess(d("2024-03-01"), exceptions=[RecordedException(ExceptionKind.PERSONAL)])
        dis = {s.id: s.disapplied for s in t.steps if s.disapplied}
        assert set(dis) == {"assess.decision", "assess.advice", "assess.no-plan", "assess.final"}
        assert dis["assess.decision"].limb == "reg 5(4)(c)"
        assert dis["assess.advice"].limb == "reg 8(2)(a)"
        assert dis["assess.no-plan"].limb == "reg 10(4)(c)"
        # dates never move
        assert t.step("assess.final").date == d("2024-07-19")
        assert "duty to act as soon as practicable remains" in t.step("assess.final").notes[-1]
        assert "underlying duty remains" in t.step("assess.advice").notes[-1]

    @pytest.mark.parametrize(
        ("start", "end", "disapplied"),
        [
            # tested period for reg 5(4): 2024-03-01 .. 2024-04-12 (43 days)
            ("2024-03-15", "2024-04-11", True),  # 28 days inside
            ("2024-03-15", "2024-04-10", False),  # 27 days
            ("2024-03-16", "2024-05-30", True),  # 28 days, runs past the end
            ("2024-02-01", "2024-03-28", True),  # 28 days from the start
            ("2024-02-01", "2024-03-27", False),  # 27 days
        ],
    )
    def test_absence_threshold_28_days_both_ends_inclusive(
        self, start: str, end: str, disapplied: bool
    ) -> None:
        x = RecordedException(ExceptionKind.ABSENCE, d(start), d(end))
        t = sendtime.assess(d("2024-03-01"), exceptions=[x])
        step = t.step("assess.decision")
        assert (step.disapplied is not None) is disapplied
        if disapplied:
            assert step.disapplied is not None
            assert step.disapplied.limb == "reg 5(4)(d)"
        else:
            assert any("needs 28" in n for n in step.notes)
        assert step.date == d("2024-04-12")

    def test_personal_range_outside_period_does_not_disapply(self) -> None:
        x = RecordedException(ExceptionKind.PERSONAL, d("2024-08-01"), d("2024-08-10"))
        t = sendtime.assess(d("2024-03-01"), exceptions=[x])
        assert t.step("assess.decision").disapplied is None
        # assess.final's period runs to 2024-07-19: still outside
        assert t.step("assess.final").disapplied is None

    def test_draft_has_no_exception_and_warns(self) -> None:
        t = sendtime.draft(d("2025-03-03"), exceptions=[RecordedException(ExceptionKind.PERSONAL)])
        assert all(s.disapplied is None for s in t.steps)
        assert any("no statutory exception applies" in w for w in t.warnings)


class TestService:
    @pytest.mark.parametrize(
        ("posted", "cls", "earliest", "latest"),
        [
            ("2025-03-03", "first", "2025-03-04", "2025-03-05"),  # Mon -> Tue (IPSEA) / Wed (PD)
            ("2025-03-03", "second", "2025-03-07", "2025-03-07"),  # Mon -> Fri both
            ("2025-03-06", "first", "2025-03-07", "2025-03-10"),  # Thu -> Fri / Mon
            ("2025-03-07", "first", "2025-03-10", "2025-03-11"),  # Fri -> Mon / Tue
            ("2025-04-16", "first", "2025-04-17", "2025-04-22"),  # Wed before Easter
            ("2025-12-23", "second", "2025-12-31", "2025-12-31"),
        ],
    )
    def test_deemed_service_by_post(
        self, posted: str, cls: str, earliest: str, latest: str
    ) -> None:
        t = sendtime.draft(posted=d(posted), post=cls)
        svc = t.step("service.deemed")
        assert svc.date == d(earliest)  # the earliest defensible day is the one acted on
        assert svc.date_range is not None
        assert (svc.date_range.earliest, svc.date_range.latest) == (d(earliest), d(latest))
        assert svc.confidence.value == "secondary"
        assert any("an assumption" in n for n in svc.notes)
        rep = t.step("assess.representations")
        assert rep.date == d(earliest) + dt.timedelta(days=14)
        assert rep.date_range is not None
        assert rep.date_range.latest == d(latest) + dt.timedelta(days=14)
        assert rep.projected

    @pytest.mark.parametrize(
        ("delivered", "at", "earliest", "latest"),
        [
            ("2025-03-03", "16:29", "2025-03-03", "2025-03-03"),
            ("2025-03-03", "16:30", "2025-03-03", "2025-03-04"),  # CPR 6.26: from 4.30pm
            ("2025-03-03", "17:00", "2025-03-03", "2025-03-04"),  # IPSEA: "after 5pm"
            ("2025-03-03", "17:01", "2025-03-04", "2025-03-04"),
            ("2025-03-07", "17:00", "2025-03-07", "2025-03-10"),  # Friday evening
            ("2025-03-07", "18:00", "2025-03-10", "2025-03-10"),  # -> Monday
            ("2025-03-08", "09:00", "2025-03-10", "2025-03-10"),  # Saturday -> Monday
            ("2025-03-03", None, "2025-03-03", "2025-03-03"),
        ],
    )
    def test_delivery_by_hand_or_email(
        self, delivered: str, at: str | None, earliest: str, latest: str
    ) -> None:
        t = sendtime.draft(delivered=d(delivered), by="email", at=at)
        svc = t.step("service.deemed")
        assert svc.date == d(earliest)
        assert svc.date_range is not None
        assert svc.date_range.latest == d(latest)
        assert not svc.projected

    def test_assess_request_posted_counts_as_received_on_deemed_day(self) -> None:
        t = sendtime.assess(posted=d("2024-02-28"), post="first")
        assert t.step("assess.received").date == d("2024-02-29")  # Thu: the next working day
        assert t.step("assess.final").date == d("2024-07-18")
        final = t.step("assess.final").date_range
        assert final is not None
        assert final.latest == d("2024-07-19")  # from Fri 2024-03-01, the 2nd working day
        assert t.trigger == d("2024-02-29")

    @pytest.mark.parametrize(
        ("kwargs", "message"),
        [
            ({"posted": d("2025-03-03")}, "--posted needs --post"),
            ({"posted": d("2025-03-03"), "post": "third"}, "expected first or second"),
            ({"delivered": d("2025-03-03")}, "--delivered needs --by"),
            ({"delivered": d("2025-03-03"), "by": "pigeon"}, "expected hand or email"),
            ({"delivered": d("2025-03-03"), "by": "hand", "at": "5pm"}, "HH:MM"),
            ({}, "give the day the draft was served"),
        ],
    )
    def test_bad_service_options(self, kwargs: dict[str, object], message: str) -> None:
        with pytest.raises(BadInput, match=message):
            sendtime.draft(**kwargs)  # type: ignore[arg-type]


def test_before_regime_start_is_refused() -> None:
    with pytest.raises(BadInput, match="before 2014-09-01"):
        sendtime.assess(d("2014-08-31"))
    assert sendtime.assess(d("2014-09-01")).step("assess.final").date == d("2015-01-19")


def test_today_fills_days_left_and_when() -> None:
    t = sendtime.assess(d("2024-03-01"), today=d("2024-04-01"))
    assert t.step("assess.decision").days_left == 11
    assert t.step("assess.decision").when is sendtime.When.DUE
    assert t.step("assess.final").when is sendtime.When.UPCOMING
    t2 = sendtime.assess(d("2024-03-01"), today=d("2024-04-13"))
    assert t2.step("assess.decision").when is sendtime.When.PAST
    assert t2.step("assess.decision").days_left == -1


def test_explain_names_convention_rule_and_calendar() -> None:
    text = "\n".join(sendtime.assess(d("2024-03-01")).step("assess.decision").explain)
    assert "regs 4(1), 5(1)" in text
    assert "exclusive" in text
    assert "2024-03-01 (Friday) + 42 days = 2024-04-12 (Friday)" in text
    assert "holidays " in text
    assert "Good Friday" in text


def test_far_future_dates_warn_about_unannounced_one_off_holidays() -> None:
    near = sendtime.assess(d("2026-11-23"), today=d("2026-11-23"))
    assert not any("one-off holidays" in w for w in near.warnings)
    far = sendtime.assess(d("2027-10-01"), today=d("2026-11-23"))  # final plan in 2028
    assert any("after 2027-12-31" in w and "--bank-holidays" in w for w in far.warnings)
    assert not sendtime.assess(d("2027-10-01")).warnings  # no today: nothing to measure from


def test_coronavirus_note_only_on_statutory_limits() -> None:
    t = sendtime.assess(d("2020-03-02"))
    flagged = {s.id for s in t.steps if any("SI 2020/471" in n for n in s.notes)}
    assert "assess.advice-other" not in flagged  # practice
    assert "assess.school-response" not in flagged  # CoP guidance
    assert {"assess.no-plan", "assess.final", "assess.advice", "assess.representations"} <= flagged


def test_posted_request_does_not_date_the_draft_window() -> None:
    t = sendtime.assess(posted=d("2025-12-23"), post="first")
    assert t.step("assess.received").date == d("2025-12-24")
    assert t.step("assess.representations").date == d("2026-04-15")  # from the draft target
    assert t.step("assess.school-response").date == d("2026-04-16")
    assert "deemed from the posting" in t.step("assess.decision").notes[0]


def test_delivery_time_assumption_is_said() -> None:
    t = sendtime.draft(delivered=d("2025-03-03"), by="hand")
    assert any("assumed before 4.30pm" in n for n in t.step("service.deemed").notes)
    t2 = sendtime.draft(delivered=d("2025-03-03"), by="hand", at="10:00")
    assert not any("assumed" in n for n in t2.step("service.deemed").notes[1:])


def test_service_options_take_enums_and_a_time() -> None:
    import datetime as dt

    from sendtime.law.england.assess import draft
    from sendtime.law.england.service import Delivery, PostClass

    by_word = draft(posted=d("2025-03-03"), post="second")
    by_enum = draft(posted=d("2025-03-03"), post=PostClass.SECOND)
    assert by_enum.steps == by_word.steps
    assert dict(by_enum.inputs)["post"] == "second"
    late = draft(delivered=d("2025-03-03"), by=Delivery.EMAIL, at=dt.time(17, 1))
    early = draft(delivered=d("2025-03-03"), by="email", at="16:29")
    assert late.step("service.deemed").date == d("2025-03-04")  # after 5pm even at the earliest
    assert early.step("service.deemed").date == d("2025-03-03")
    assert dict(late.inputs)["at"] == "17:01"


def test_core_errors_carry_their_field_and_problem() -> None:
    import pytest

    from sendtime.engine.errors import BadInput

    with pytest.raises(BadInput) as caught:
        sendtime.assess(d("2024-03-01"), draft_served=d("2013-05-01"))
    exc = caught.value
    assert str(exc).startswith("--draft-served 2013-05-01 is before 2014-09-01")  # the CLI's
    assert exc.field == "draft_served"
    assert exc.problem is not None
    assert exc.problem.startswith("is before 2014-09-01")
    assert "2013" not in exc.problem  # the value is not part of the problem
