"""Wales's rule table, hand-worked: one table per row, each date counted by hand.

The term file is examples/terms-wales-illustrative-2025-26.toml: terms 1 Sep-19 Dec 2025,
5 Jan-27 Mar 2026, 13 Apr-20 Jul 2026; INSET 1 Sep and 5 Jan; half terms 27-31 Oct, 16-20 Feb,
25-29 May; Early May bank holiday 4 May 2026 falls in term.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from sendtime.engine.calendars import Calendar
from sendtime.engine.errors import BadInput, NeedsMoreData
from sendtime.engine.model import (
    Confidence,
    Counting,
    ExceptionKind,
    Method,
    RecordedException,
    Roll,
    Unit,
)
from sendtime.io.loaders import load_terms
from sendtime.law.wales import idp, rules, tribunal
from sendtime.law.wales.ruleset import WALES
from tests.conftest import d, date_of

TERMS = (
    Path(__file__).resolve().parent.parent / "examples" / "terms-wales-illustrative-2025-26.toml"
)


@pytest.fixture(scope="module")
def school() -> Calendar:
    """England-and-Wales bank holidays with the illustrative Welsh school's terms."""
    return Calendar(terms=load_terms(TERMS))


# ----------------------------------------------------------------------------- school days
@pytest.mark.parametrize(
    ("trigger", "want", "why"),
    [
        # 6 Oct is school day 1; half term 27-31 Oct skipped: 5+5+5, then 3-28 Nov = 20.
        ("2025-10-03", "2025-11-28", "across the autumn half term"),
        # The trigger day is a school day and is not counted: 4 Nov is day 1, 19 Dec day 34,
        # Christmas and the INSET day 5 Jan skipped, 6 Jan day 35 (counting 3 Nov: 19 Dec).
        ("2025-11-03", "2026-01-06", "across Christmas and an INSET day"),
        # 2 Dec is day 1, 19 Dec day 14, 5 Jan INSET, 6 Jan day 15, 3 Feb day 35 (2 Feb if
        # INSET were a school day).
        ("2025-12-01", "2026-02-03", "INSET listed as a closure is not a school day"),
        # A Saturday before half term: 3 Nov is day 1; 19 Dec, the last day of term, is day 35.
        ("2025-10-25", "2025-12-19", "from a non-school day"),
        # 27 Apr day 1, bank holiday 4 May skipped, half term 25-29 May skipped: 22 Jun.
        ("2026-04-24", "2026-06-22", "a bank holiday in term is not a school day"),
        # During the summer half term: 1 Jun is day 1.
        ("2026-05-27", "2026-07-17", "from inside a half term"),
    ],
)
def test_school_35_school_days(school: Calendar, trigger: str, want: str, why: str) -> None:
    t = idp.idp(d(trigger), by="school", calendar=school)
    assert date_of(t, "idp.school") == d(want), why
    assert t.jurisdiction == "wales"
    assert school.is_school_day(d(want))


def test_fei_35_term_time_days_on_its_own_calendar(school: Calendar) -> None:
    t = idp.idp(d("2025-10-03"), by="fei", calendar=school)
    assert t.ids == ("idp.fei",)
    assert date_of(t, "idp.fei") == d("2025-11-28")
    assert any("term time days" in n for n in t.step("idp.fei").notes)


def test_school_days_need_term_dates() -> None:
    with pytest.raises(NeedsMoreData, match="give --terms FILE"):
        idp.idp(d("2025-10-03"), by="school")


def test_school_days_beyond_the_term_file_are_not_guessed(school: Calendar) -> None:
    # 16 Jun is day 1; 20 Jul, the last day in the file, is day 25: the 35th is not known.
    with pytest.raises(NeedsMoreData, match="leave the term dates"):
        idp.idp(d("2026-06-15"), calendar=school)
    with pytest.raises(NeedsMoreData, match="outside the term dates"):
        idp.idp(d("2025-08-20"), calendar=school)


# ----------------------------------------------------------------------------- LA (Code, weeks)
@pytest.mark.parametrize(
    ("counting", "want"),
    [(Counting.EXCLUSIVE, "2025-12-24"), (Counting.INCLUSIVE, "2025-12-23")],
)
def test_la_12_weeks(counting: Counting, want: str) -> None:
    t = idp.idp(d("2025-10-01"), by="la", counting=counting)
    assert date_of(t, "idp.la") == d(want)


def test_code_periods_do_not_roll() -> None:
    # 2 Oct 2025 + 84 days = Christmas Day: a Code period stays there, and says so.
    step = idp.idp(d("2025-10-02"), by="la").step("idp.la")
    assert step.date == d("2025-12-25")
    assert any("no statutory roll-forward" in n for n in step.notes)


def test_la_reconsiders_in_7_weeks() -> None:
    assert date_of(idp.reconsider(d("2025-11-03")), "idp.reconsider") == d("2025-12-22")


# ----------------------------------------------------------------------------- Regulations
@pytest.mark.parametrize(
    ("consented", "want", "why"),
    [
        ("2025-02-11", "2025-05-06", "+84 = Tue 6 May 2025, a working day"),
        ("2025-01-04", "2025-03-31", "+84 = Sat 29 Mar: reg 2(4) extends to Mon 31 Mar"),
        ("2025-02-10", "2025-05-06", "+84 = Mon 5 May, Early May bank holiday: Tue 6 May"),
    ],
)
def test_not_necessary_12_weeks_from_the_day_after(consented: str, want: str, why: str) -> None:
    assert date_of(idp.not_necessary(d(consented)), "idp.not-necessary") == d(want), why


@pytest.mark.parametrize(
    ("received", "want", "why"),
    [
        ("2026-03-02", "2026-04-13", "6 weeks beginning with 3 Mar end on Mon 13 Apr"),
        ("2025-11-13", "2025-12-29", "+42 = Christmas Day; Boxing Day, weekend: Mon 29 Dec"),
    ],
)
def test_nhs_response_6_weeks(received: str, want: str, why: str) -> None:
    assert date_of(idp.nhs_referral(d(received)), "idp.nhs-response") == d(want), why


def test_nhs_six_weeks_are_calendar_weeks_never_working_days() -> None:
    # 30 working days after 2 Mar 2026 would be 15 Apr (Easter in between); the law says 42 days.
    assert date_of(idp.nhs_referral(d("2026-03-02")), "idp.nhs-response") != d("2026-04-15")


def test_cease_reconsider_4_weeks_rolls_over_easter() -> None:
    # 6 Mar 2026 + 28 = Good Friday 3 Apr; Easter weekend and Easter Monday: Tue 7 Apr.
    step = idp.cease_reconsider(d("2026-03-06")).step("idp.cease-reconsider")
    assert step.date == d("2026-04-07")
    assert "extended to 2026-04-07" in step.basis


def test_fei_transfer_20_term_time_days_across_half_term(school: Calendar) -> None:
    # Received Thu 12 Feb: 13 Feb day 1, half term 16-20 Feb, 19 Mar day 20.
    t = idp.fei_transfer(d("2026-02-12"), calendar=school)
    assert date_of(t, "idp.fei-transfer") == d("2026-03-19")
    assert t.step("idp.fei-transfer").confidence is Confidence.VERIFIED


# ----------------------------------------------------------------------------- review (s.23)
@pytest.mark.parametrize(
    ("given", "want"),
    [
        ("2026-03-15", "2027-03-14"),  # 12 months starting with 15 Mar: ends 14 Mar 2027
        ("2025-09-01", "2026-08-31"),
        ("2024-02-29", "2025-02-28"),  # no 29 Feb 2025: the last day of February
    ],
)
def test_review_before_the_end_of_12_months_starting_with_the_day_given(
    given: str, want: str
) -> None:
    step = idp.review(d(given)).step("idp.review")
    assert step.date == d(want)
    assert not any("roll" in n for n in step.notes if "no statutory" not in n)


# ----------------------------------------------------------------------------- the Tribunal
@pytest.mark.parametrize(
    ("notice", "want", "why"),
    [
        ("2025-01-06", "2025-03-03", "8 weeks end Sun 2 Mar; first working day after: Mon 3 Mar"),
        ("2025-03-10", "2025-05-06", "8 weeks end Sun 4 May; Mon 5 May is a bank holiday"),
        ("2025-10-30", "2025-12-29", "8 weeks end Wed 24 Dec; 25, 26 Dec and the weekend"),
        ("2025-06-16", "2025-08-11", "no August rule in Wales: 8 weeks end Sun 10 Aug"),
    ],
)
def test_etw_appeal_first_working_day_after_8_weeks(notice: str, want: str, why: str) -> None:
    t = tribunal.appeal(d(notice))
    assert date_of(t, "etw.appeal") == d(want), why
    assert date_of(t, "etw.dispute-resolution") == d(notice) + dt.timedelta(days=55)


def test_etw_appeal_is_8_weeks_not_2_months() -> None:
    # 2 months after 6 Jan would be 6 Mar (the 2012 regulations' period); 8 weeks give 3 Mar.
    assert date_of(tribunal.appeal(d("2025-01-06")), "etw.appeal") == d("2025-03-03")


@pytest.mark.parametrize(
    ("referred", "want"),
    [
        ("2025-02-01", "2025-04-28"),  # 16 weeks end Sun 27 Apr: Mon 28 Apr
        ("2025-03-02", "2025-04-28"),  # on the last day of the 8 weeks: still in time
    ],
)
def test_dispute_resolution_in_time_adds_8_weeks(referred: str, want: str) -> None:
    t = tribunal.appeal(d("2025-01-06"), referred=d(referred))
    assert date_of(t, "etw.appeal") == d(want)
    assert not t.warnings


def test_dispute_resolution_too_late_does_not_extend() -> None:
    t = tribunal.appeal(d("2025-01-06"), referred=d("2025-03-03"))
    assert date_of(t, "etw.appeal") == d("2025-03-03")
    assert any("does not extend" in w for w in t.warnings)


def test_dispute_resolution_without_a_date_is_assumed_in_time_and_says_so() -> None:
    t = tribunal.appeal(d("2025-01-06"), dispute_resolution=True)
    assert date_of(t, "etw.appeal") == d("2025-04-28")
    assert any("2025-03-02" in w for w in t.warnings)


def test_referral_before_the_notice_is_refused() -> None:
    with pytest.raises(BadInput, match="before the notice"):
        tribunal.appeal(d("2025-01-06"), referred=d("2025-01-05"))


# ----------------------------------------------------------------------------- exceptions
def test_beyond_control_disapplies_never_extends() -> None:
    x = RecordedException(ExceptionKind.BEYOND_CONTROL, d("2025-02-01"), d("2025-02-20"))
    step = idp.not_necessary(d("2025-02-11"), exceptions=[x]).step("idp.not-necessary")
    assert step.date == d("2025-05-06")  # the date never moves
    assert step.disapplied is not None
    assert step.disapplied.limb == "reg 10(4)"
    assert any("promptly remains" in n for n in step.notes)


def test_reasons_the_regulation_does_not_list_do_not_disapply() -> None:
    x = RecordedException(ExceptionKind.PERSONAL)
    step = idp.nhs_referral(d("2026-03-02"), exceptions=[x]).step("idp.nhs-response")
    assert step.disapplied is None
    assert any("lists no such reason" in n for n in step.notes)


def test_reg_12_has_no_exception() -> None:
    x = RecordedException(ExceptionKind.BEYOND_CONTROL)
    t = idp.cease_reconsider(d("2026-03-06"), exceptions=[x])
    assert t.step("idp.cease-reconsider").disapplied is None
    assert any("no statutory exception applies" in w for w in t.warnings)


def test_code_exception_disapplies_the_school_period(school: Calendar) -> None:
    x = RecordedException(ExceptionKind.BEYOND_CONTROL)
    step = idp.idp(d("2025-10-03"), calendar=school, exceptions=[x]).step("idp.school")
    assert step.date == d("2025-11-28")
    assert step.disapplied is not None


# ----------------------------------------------------------------------------- the table itself
def test_every_row_is_cited_and_worded() -> None:
    for r in rules.RULES:
        assert r.cites, r.id
        assert r.wording, r.id
        assert r.process in WALES.processes, r.id


def test_only_the_regulations_rows_roll_forward() -> None:
    rolled = {r.id for r in rules.RULES if r.roll is Roll.NEXT_WORKING_DAY}
    assert rolled == {"idp.not-necessary", "idp.nhs-response", "idp.cease-reconsider"}
    for r in rules.RULES:
        if r.roll is Roll.NEXT_WORKING_DAY:
            assert r.citation.startswith(rules.REGS)
            assert "reg 2(4)" in r.citation
        if any(c.source == rules.CODE for c in r.cites):
            assert r.roll is Roll.NONE, r.id
            assert r.confidence is Confidence.SECONDARY, r.id


def test_school_periods_count_school_days_from_the_day_after() -> None:
    for rid in ("idp.school", "idp.fei", "idp.fei-transfer"):
        r = rules.RULES_BY_ID[rid]
        assert r.unit in (Unit.SCHOOL_DAYS, Unit.TERM_DAYS)
        assert r.method is Method.WORKING_WITHIN  # the anchor is never day 1


def test_wales_counts_on_england_and_wales_bank_holidays() -> None:
    assert WALES.nation.value == "england-and-wales"
    assert WALES.name == "wales"


def test_before_the_aln_system_is_refused() -> None:
    with pytest.raises(BadInput, match="2021-09-01"):
        idp.review(d("2021-08-31"))


def test_by_must_be_a_known_body() -> None:
    with pytest.raises(BadInput, match="school, fei, la"):
        idp.idp(d("2025-10-03"), by="college")
