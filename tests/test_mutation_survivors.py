"""Tests that kill the survivors mutation testing found on 0.1 (docs/development.md, Mutation).

Each test names the mutant it kills; each asserts exact values, so the mutant changes the answer.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from types import MappingProxyType

import pytest

from sendtime.engine.calendars import Calendar, ExcludingCalendar, build_bank_holidays
from sendtime.engine.errors import BadInput, NeedsMoreData
from sendtime.engine.methods import (
    METHODS,
    Anchor,
    Computed,
    Context,
    _closed_because,
    _offset,
)
from sendtime.engine.model import (
    Citation,
    Counting,
    ExceptionKind,
    Method,
    Nation,
    RecordedException,
    Rule,
    Step,
    Unit,
    When,
)
from sendtime.engine.notes import NO_ROLL_NOTE, apply_exceptions, status_notes
from sendtime.engine.options import Options
from sendtime.engine.ruleset import ExceptionRule, RuleSet
from sendtime.engine.timeline import DUE_WINDOW_DAYS, compute, relative_to_today
from sendtime.law.england.hesc import TribunalCalendar, roll_tribunal
from sendtime.law.england.ruleset import ENGLAND
from sendtime.law.england.service import (
    HAND_SOURCES,
    POST_SOURCES,
    PostClass,
    _nth,
    deemed_service,
)
from tests.conftest import d

LAW = Citation("Fake Act 2020", "s.1")


def no_bank_holidays(nation: Nation, first: int, last: int) -> tuple[dict[dt.date, str], str]:
    """Weekends, Christmas Day and Good Friday only: quick to build for any year."""
    return {}, "none"


def every_day_closed(nation: Nation, first: int, last: int) -> tuple[dict[dt.date, str], str]:
    """Every day of the loaded years a holiday: no working day at all."""
    start, end = dt.date(first, 1, 1), dt.date(last, 12, 31)
    days = (start + dt.timedelta(days=i) for i in range((end - start).days + 1))
    return dict.fromkeys(days, "closed"), "closed"


QUICK = Calendar(loader=no_bank_holidays)
ONCE = Rule("fake.once", "fake", "Once", (LAW,), "within 10 days of the start", "start", 10)
EACH = Rule("fake.each", "fake", "Each", (LAW,), "within 5 days of each", "start", 5, repeat=True)
FAKE = RuleSet(
    name="fake",
    rules=MappingProxyType({r.id: r for r in (ONCE, EACH)}),
    processes=MappingProxyType({"fake": ("fake.once", "fake.each")}),
    triggers=MappingProxyType({"fake": "start"}),
    exceptions=(ExceptionRule("s.9", ("fake.once",), "s.9(a)", "s.9(b)", 28),),
    labels=MappingProxyType({"start": "the start"}),
    in_force=dt.date(2020, 1, 1),
)


def ctx(cal: Calendar, counting: Counting = Counting.EXCLUSIVE, /, **options: str) -> Context:
    return Context(cal, counting, options, {}, units=ENGLAND.units)


def anchor(text: str, name: str = "start") -> Anchor:
    return Anchor(d(text), name, f"{text} (the {name})", projected=False)


# -- timeline.relative_to_today: `left < 0` -> `<= 0`; `left <= DUE_WINDOW_DAYS` -> `<` ------
@pytest.mark.parametrize(
    ("due", "left", "when"),
    [
        ("2025-03-09", -1, When.PAST),
        ("2025-03-10", 0, When.DUE),  # due today is due, not past
        ("2025-03-24", 14, When.DUE),  # the window's last day
        ("2025-03-25", 15, When.UPCOMING),
    ],
)
def test_due_today_and_the_edge_of_the_due_window(due: str, left: int, when: When) -> None:
    assert DUE_WINDOW_DAYS == 14
    assert relative_to_today(d(due), d("2025-03-10")) == (left, when)


# -- methods._offset: the working-day and Tribunal-day branch of Method.AFTER ----------------
def test_offset_in_working_days(eng: Calendar) -> None:
    rule = Rule("x", "fake", "X", (LAW,), "3 working days after", "start", 3, Unit.WORKING_DAYS)
    # Wed 2025-07-30: Thu 31, Fri 1 Aug, Mon 4 Aug.
    got = _offset(rule, anchor("2025-07-30"), ctx(eng), n=3)
    assert got == (d("2025-08-04"), "counting working days, the anchor not counted")
    assert _offset(rule, anchor("2025-07-30"), ctx(eng), n=-3)[0] == d("2025-07-25")
    after = METHODS[Method.AFTER](
        Rule("x", "fake", "X", (LAW,), "w", "start", 3, Unit.WORKING_DAYS, method=Method.AFTER),
        anchor("2025-07-30"),
        ctx(eng),
    )
    assert after.date == d("2025-08-04")
    assert after.explain == ("counting working days, the anchor not counted: 2025-08-04 (Monday).",)


def test_offset_in_tribunal_days_skips_august(eng: Calendar) -> None:
    rule = Rule("x", "fake", "X", (LAW,), "3 days", "start", 3, Unit.TRIBUNAL_DAYS)
    # Wed 2025-07-30: Thu 31 July, then August is not a Tribunal working day: Mon 1, Tue 2 Sep.
    got = _offset(rule, anchor("2025-07-30"), ctx(eng), n=3)
    assert got == (d("2025-09-02"), "counting Tribunal working days, the anchor not counted")


# -- service.deemed_service: the same-day basis and the default post class -------------------
def test_hand_delivery_before_the_cut_off_is_served_that_day(eng: Calendar) -> None:
    rule = ENGLAND.rules[
        next(r for r, x in ENGLAND.rules.items() if x.method.name == "DEEMED_SERVICE")
    ]
    same = deemed_service(rule, anchor("2025-03-03", "delivered"), ctx(eng, at="10:00"))
    assert same.date == d("2025-03-03")
    assert same.basis == (
        "delivered by hand on 2025-03-03: deemed received that day (earliest reading)"
    )
    late = deemed_service(rule, anchor("2025-03-03", "delivered"), ctx(eng, at="18:00"))
    assert late.date == d("2025-03-04")
    assert late.basis == (
        "delivered by hand on 2025-03-03: deemed received the next working day (earliest reading)"
    )


def test_post_defaults_to_first_class(eng: Calendar) -> None:
    rule = ENGLAND.rules[
        next(r for r, x in ENGLAND.rules.items() if x.method.name == "DEEMED_SERVICE")
    ]
    got = deemed_service(rule, anchor("2025-03-03", "posted"), ctx(eng))  # no post option
    assert got.date == d("2025-03-04")
    assert got.range is not None
    assert (got.range.earliest, got.range.latest) == (d("2025-03-04"), d("2025-03-05"))
    assert got.basis.startswith("posted first class on 2025-03-03: deemed served on the 1st")


# -- methods._closed_because: `weekday() >= 5` -> `> 5` (a Saturday, not a bank holiday) ------
def test_a_closed_day_is_named_saturday_sunday_or_the_holiday(eng: Calendar) -> None:
    assert _closed_because(eng, d("2025-03-01")) == " (a Saturday)"
    assert _closed_because(eng, d("2025-03-02")) == " (a Sunday)"
    assert _closed_because(eng, d("2025-05-05")) == " (May Day)"
    assert _closed_because(eng, d("2025-03-03")) == ""


# -- methods._working_beginning_with: `first == 'is'` -> `!=` ---------------------------------
@pytest.mark.parametrize(
    ("start", "words", "last"),
    [
        (
            "2025-03-03",
            "2025-03-03 is a working day, so it counts as day 1",
            "2025-03-05 (Wednesday)",
        ),
        (
            "2025-03-01",
            "2025-03-01 is not a working day, so it does not count",
            "2025-03-05 (Wednesday)",
        ),
    ],
)
def test_working_days_beginning_with_explain(
    eng: Calendar, start: str, words: str, last: str
) -> None:
    rule = Rule(
        "x",
        "fake",
        "X",
        (LAW,),
        "3 working days beginning with",
        "start",
        3,
        Unit.WORKING_DAYS,
        method=Method.WORKING_BEGINNING_WITH,
    )
    got = METHODS[Method.WORKING_BEGINNING_WITH](rule, anchor(start), ctx(eng))
    assert got.explain == (f"'Beginning with': {words}; working day 3 is {last}.",)


# -- methods._within, inclusive: `{days - 1}` -> `{days + 1}` in the explain -----------------
def test_inclusive_counting_explain_matches_the_date() -> None:
    rule = Rule("x", "fake", "X", (LAW,), "within 15 days", "start", 15)
    got = METHODS[Method.WITHIN](rule, anchor("2025-03-03"), ctx(QUICK, Counting.INCLUSIVE))
    assert got.date == d("2025-03-17")
    assert got.explain == (
        "Counting: inclusive (at the user's choice): 2025-03-03 is day 1, "
        "so the last day is 2025-03-03 + 14 days.",
        "2025-03-03 (Monday) + 14 days = 2025-03-17 (Monday).",
    )


# -- notes.status_notes: a weekend that is also a holiday is named by its weekday -------------
def test_no_roll_note_on_christmas_saturday(eng: Calendar) -> None:
    notes = status_notes(FAKE, ONCE, d("2021-12-25"), None, eng)  # Christmas Day, a Saturday
    assert NO_ROLL_NOTE.format(weekday="Saturday") in notes
    assert not any("Christmas" in n for n in notes)
    weekday = status_notes(FAKE, ONCE, d("2025-12-25"), None, eng)  # a Thursday: the holiday
    assert NO_ROLL_NOTE.format(weekday="Christmas Day") in weekday


# -- notes.apply_exceptions: undated absence covers the whole period; a 1-day overlap --------
def _step(on: str) -> Step:
    t = compute(FAKE, "fake", {"start": (d("2025-03-03"),)}, options=Options(calendar=QUICK))
    step = t.step("fake.once")
    assert step.date == d(on)
    return step


def test_undated_absence_covers_the_whole_period() -> None:
    rule = Rule("fake.once", "fake", "Once", (LAW,), "within 40 days", "start", 40)
    t = compute(
        replace(
            FAKE,
            rules=MappingProxyType({"fake.once": rule}),
            processes=MappingProxyType({"fake": ("fake.once",)}),
        ),
        "fake",
        {"start": (d("2025-03-03"),)},
        options=Options(calendar=QUICK, exceptions=(RecordedException(ExceptionKind.ABSENCE),)),
    )
    step = t.step("fake.once")
    assert step.date == d("2025-04-12")
    assert step.disapplied is not None
    assert step.disapplied.limb == "s.9(b)"
    assert step.disapplied.reason == (
        "absence from the LA's area for 41 days of the period tested (2025-03-03 to 2025-04-12; "
        "s.9 needs 28); no dates given, so assumed to cover the whole period"
    )


def test_personal_exception_overlapping_by_one_day_disapplies() -> None:
    step = _step("2025-03-13")
    a = anchor("2025-03-03")
    last_day = RecordedException(ExceptionKind.PERSONAL, d("2025-03-13"), d("2025-03-20"))
    got = apply_exceptions(FAKE, step, ONCE, a, (last_day,))
    assert got.disapplied is not None
    assert got.disapplied.limb == "s.9(a)"
    after = RecordedException(ExceptionKind.PERSONAL, d("2025-03-14"), d("2025-03-20"))
    assert apply_exceptions(FAKE, step, ONCE, a, (after,)).disapplied is None


# -- timeline._anchors and Timeline.inputs with several dates --------------------------------
def test_several_dates_make_one_step_unless_the_rule_repeats() -> None:
    given = {"start": (d("2025-03-03"), d("2025-04-01"))}
    t = compute(FAKE, "fake", given, options=Options(calendar=QUICK))
    assert [(s.id, s.date) for s in t.steps] == [
        ("fake.once", d("2025-03-13")),
        ("fake.each", d("2025-03-08")),
        ("fake.each-2", d("2025-04-06")),
    ]
    assert t.inputs == (("start", (d("2025-03-03"), d("2025-04-01"))),)
    one = compute(FAKE, "fake", {"start": (d("2025-03-03"),)}, options=Options(calendar=QUICK))
    assert one.inputs == (("start", d("2025-03-03")),)


# -- calendars.Calendar._ensure: the calendar grows beyond 2012-2045 -------------------------
def test_the_calendar_grows_past_2045() -> None:
    cal = Calendar()
    assert cal.holiday_name(d("2046-12-25")) == "Christmas Day"
    assert cal.holiday_name(d("2046-08-27")) == "Late Summer Bank Holiday"
    assert not cal.is_working_day(d("2046-08-27"))
    assert cal.covered_years == (2012, 2048)
    assert cal.add_working_days(d("2046-08-24"), 1) == d("2046-08-28")  # Fri -> past the holiday


# -- add_working_days(d, 0): `n >= 0` -> `n > 0` (Calendar and the Tribunal's view) ----------
def test_zero_working_days_from_a_non_working_day(
    eng: Calendar, tribunal: TribunalCalendar
) -> None:
    assert eng.add_working_days(d("2025-03-01"), 0) == d("2025-02-28")  # Saturday -> Friday
    assert eng.add_working_days(d("2025-03-03"), 0) == d("2025-03-03")
    assert tribunal.add_working_days(d("2025-03-01"), 0) == d("2025-02-28")
    assert tribunal.add_working_days(d("2025-08-15"), 0) == d("2025-07-31")  # August left out


# -- calendars._pick: NeedsMoreData, not IndexError, off the end of the working days ---------
def test_running_off_the_calendar_is_needs_more_data() -> None:
    closed = Calendar(loader=every_day_closed)
    with pytest.raises(
        NeedsMoreData, match="working-day arithmetic from 2025-03-03 leaves 2012-2045"
    ):
        closed.add_working_days(d("2025-03-03"), 1)
    view = ExcludingCalendar(QUICK, lambda _: True, "nothing")
    with pytest.raises(
        NeedsMoreData, match="working-day arithmetic from 2025-03-03 leaves the calendar"
    ):
        view.add_working_days(d("2025-03-03"), 1)


# -- the last year and date: MAX_YEAR 2200 and LAST_DATE 2199-12-31 --------------------------
def test_year_2200_is_the_calendars_last() -> None:
    cal = Calendar(loader=no_bank_holidays)
    assert cal.holiday_name(d("2200-12-25")) == "Christmas Day"
    assert cal.is_working_day(d("2200-12-24"))  # a Wednesday
    with pytest.raises(NeedsMoreData, match="year 2201 is outside the calendar"):
        Calendar(loader=no_bank_holidays).is_working_day(d("2201-01-01"))


def test_2199_12_31_is_the_last_date_computed_from() -> None:
    opts = Options(calendar=Calendar(loader=no_bank_holidays))
    t = compute(FAKE, "fake", {"start": (d("2199-12-31"),)}, options=opts)
    assert t.step("fake.once").date == d("2200-01-10")
    with pytest.raises(BadInput, match="is after 2199-12-31, the last date sendtime computes from"):
        compute(FAKE, "fake", {"start": (d("2200-01-01"),)}, options=opts)


# -- service.deemed_service: the explain and notes, and the cut-offs' edges -------------------
def _deemed(eng: Calendar, how: str, **options: str) -> Computed:
    rule = ENGLAND.rules["service.deemed"]
    return deemed_service(rule, anchor("2025-03-03", how), ctx(eng, **options))


def test_hand_delivery_without_a_time_explains_the_assumption(eng: Calendar) -> None:
    got = _deemed(eng, "delivered")
    early, late = HAND_SOURCES
    assert got.explain == (
        "Delivered by hand on 2025-03-03 (Monday).",
        f"Earliest reading ({early}): 2025-03-03 (Monday).",
        f"Latest reading ({late}): 2025-03-03 (Monday).",
        "No time given (--at): assumed before 4.30pm.",
    )
    assert got.notes == (
        f"a presumption, not a fact: both published readings give 2025-03-03 ({early})",
        "no time of delivery given (--at): assumed before 4.30pm",
    )


@pytest.mark.parametrize(
    ("at", "earliest", "latest"),
    [
        ("16:29", "2025-03-03", "2025-03-03"),
        ("16:30", "2025-03-03", "2025-03-04"),  # CPR 6.26: after 4.30pm is the next day
        ("17:00", "2025-03-03", "2025-03-04"),  # IPSEA: after 5pm is the next day
        ("17:01", "2025-03-04", "2025-03-04"),
    ],
)
def test_email_cut_offs(eng: Calendar, at: str, earliest: str, latest: str) -> None:
    got = _deemed(eng, "delivered", by="email", at=at)
    assert got.range is not None
    assert (got.range.earliest, got.range.latest) == (d(earliest), d(latest))
    assert got.explain[0] == f"Delivered by email on 2025-03-03 (Monday) at {at}."
    assert len(got.explain) == 3  # no "no time given" line
    assert len(got.notes) == 1


def test_second_class_post_explain(eng: Calendar) -> None:
    got = _deemed(eng, "posted", post="second")
    early, late = POST_SOURCES[PostClass.SECOND]
    assert got.date == d("2025-03-07")
    assert got.explain == (
        f"Earliest reading ({early}): the 4th working day after 2025-03-03 (Monday) is "
        "2025-03-07 (Friday).",
        f"Latest reading ({late}): the 4th working day after posting is 2025-03-07 (Friday).",
        "sendtime acts on the earliest, 2025-03-07 (Friday); the real date of receipt always wins.",
    )
    assert got.basis == (
        "posted second class on 2025-03-03: deemed served on the 4th working day after posting "
        "(earliest reading)"
    )


def test_ordinals() -> None:
    assert [_nth(n) for n in (1, 2, 3, 4, 11)] == ["1st", "2nd", "3rd", "4th", "11th"]


# -- Calendar.add_school_days: n = 0 and both ends of the term dates --------------------------
def test_school_days_zero_and_the_ends_of_the_terms(staffordshire: Calendar) -> None:
    cal = staffordshire  # the first school day 2025-09-02, the last 2026-07-17
    assert cal.add_school_days(d("2025-09-06"), 0) == d("2025-09-05")  # Saturday -> Friday
    assert cal.add_school_days(d("2025-09-08"), 0) == d("2025-09-08")
    assert cal.add_school_days(d("2025-09-03"), -1) == d("2025-09-02")
    assert cal.add_school_days(d("2026-07-16"), 1) == d("2026-07-17")
    with pytest.raises(
        NeedsMoreData, match=r"^1 school days from 2025-09-02 leave the term dates$"
    ):
        cal.add_school_days(d("2025-09-02"), -1)
    with pytest.raises(
        NeedsMoreData, match=r"^1 school days from 2026-07-17 leave the term dates$"
    ):
        cal.add_school_days(d("2026-07-17"), 1)


# -- ExcludingCalendar.next_working_day / working_day_on_or_before ----------------------------
def test_tribunal_days_either_side_of_august(tribunal: TribunalCalendar) -> None:
    assert tribunal.next_working_day(d("2025-07-31")) == d("2025-09-01")
    assert tribunal.working_day_on_or_before(d("2025-08-15")) == d("2025-07-31")
    assert tribunal.working_day_on_or_before(d("2026-01-01")) == d("2025-12-24")
    view = ExcludingCalendar(QUICK, lambda _: True, "nothing")
    with pytest.raises(NeedsMoreData, match=r"^working-day arithmetic from 2025-03-03 leaves"):
        view.working_day_on_or_before(d("2025-03-03"))


# -- methods: the basis and explain of BEFORE_FIXED and WORKING_WITHIN ------------------------
def test_before_fixed_and_working_within_words() -> None:
    fixed = Rule(
        "x", "fake", "X", (LAW,), "before", "start", method=Method.BEFORE_FIXED, fixed=(9, 1)
    )
    got = METHODS[Method.BEFORE_FIXED](fixed, anchor("2025-03-03"), ctx(QUICK))
    assert (got.date, got.basis) == (d("2025-08-31"), "before 1 September 2025")
    assert got.explain == ("'Before 1 September' means by the day before: 2025-08-31 (Sunday).",)
    within = Rule(
        "x", "fake", "X", (LAW,), "w", "start", 3, Unit.WORKING_DAYS, method=Method.WORKING_WITHIN
    )
    got = METHODS[Method.WORKING_WITHIN](within, anchor("2025-03-03"), ctx(QUICK))
    assert got.basis == "3 working days after 2025-03-03 (the start)"
    assert got.explain == (
        "2025-03-03 is not counted; working day 3 after it is 2025-03-06 (Thursday).",
    )


# -- growing the calendar at its edges (2011 and 2046), where the year arguments matter -------
def test_working_days_across_the_loaded_years_edges() -> None:
    # Fresh calendars load 2012-2045 first, so each call below must grow the list.
    assert Calendar().working_days_beginning_with(d("2045-12-20"), 10) == d("2046-01-05")
    assert Calendar().add_working_days(d("2045-12-20"), 10) == d("2046-01-08")
    assert Calendar().add_working_days(d("2012-01-10"), -10) == d("2011-12-22")
    # The Tribunal's view leaves out 25 December-1 January as well.
    assert TribunalCalendar(Calendar()).add_working_days(d("2045-12-20"), 5) == d("2046-01-04")
    assert TribunalCalendar(Calendar()).add_working_days(d("2012-01-10"), -10) == d("2011-12-19")
    assert TribunalCalendar(Calendar()).working_day_on_or_before(d("2012-01-01")) == d("2011-12-23")
    between = TribunalCalendar(Calendar()).working_days_between
    assert between(d("2045-12-01"), d("2046-01-10")) == 22
    assert TribunalCalendar(Calendar()).working_days_between(d("2011-12-01"), d("2012-01-10")) == 22


def test_beginning_with_off_the_working_days_is_needs_more_data() -> None:
    closed = Calendar(loader=every_day_closed)
    with pytest.raises(
        NeedsMoreData, match=r"^working-day arithmetic from 2025-03-03 leaves 2012-2045$"
    ):
        closed.working_days_beginning_with(d("2025-03-03"), 1)


def test_school_day_on_or_before_the_first_school_day(staffordshire: Calendar) -> None:
    assert staffordshire.school_day_on_or_before(d("2025-09-02")) == d("2025-09-02")
    assert staffordshire.school_day_on_or_before(d("2025-09-07")) == d("2025-09-05")
    # (a date before the first school day is refused earlier, as outside the term dates)


# -- build_bank_holidays: England's subdivision, years and British names ----------------------
def test_build_bank_holidays_2025() -> None:
    assert build_bank_holidays(Nation.ENGLAND_AND_WALES, 2025, 2025) == {
        d("2025-01-01"): "New Year's Day",
        d("2025-04-18"): "Good Friday",
        d("2025-04-21"): "Easter Monday",  # missing without the subdivision
        d("2025-05-05"): "May Day",
        d("2025-05-26"): "Spring Bank Holiday",
        d("2025-08-25"): "Late Summer Bank Holiday",
        d("2025-12-25"): "Christmas Day",
        d("2025-12-26"): "Boxing Day",
    }


def test_views_name_their_rule_in_the_source() -> None:
    assert TribunalCalendar(QUICK).source == "none; HESC r.12(3)(b) days left out"
    assert ExcludingCalendar(QUICK, lambda _: False, "no rule").source == "none; no rule"


def test_on_day_explain() -> None:
    rule = Rule("x", "fake", "X", (LAW,), "on the day", "start", method=Method.ON_DAY)
    got = METHODS[Method.ON_DAY](rule, anchor("2025-03-03"), ctx(QUICK))
    assert got == Computed(
        d("2025-03-03"), "on 2025-03-03 (the start)", ("On the day itself: 2025-03-03 (Monday).",)
    )


# -- hesc.roll_tribunal: its explain lines and the r.12(2)-into-August warning ---------------
RULE_12 = (
    "HESC r.12(3)(a) is tested on that day only; otherwise r.12(2) moves a non-working day to the "
    "next working day."
)


def test_roll_tribunal_from_a_sunday_into_august(eng: Calendar) -> None:
    assert roll_tribunal(d("2022-07-31"), ctx(eng)) == (
        d("2022-08-01"),
        (
            f"The time ends on 2022-07-31 (Sunday). {RULE_12}",
            "2022-07-31 (Sunday) is not a working day (Sunday); r.12(2) moves it to the next "
            "working day: 2022-08-01.",
            "2022-08-01 is itself in 25 December-1 January or August, but r.12(3)(a) asks where "
            "the time ends (2022-07-31), not the day r.12(2) gives; sendtime keeps the earlier "
            "date.",
        ),
        (
            "2022-08-01 is in 25 December-1 January or August only because r.12(2) moved "
            "2022-07-31 (not a working day); r.12(3)(a) is read on the day the time ends, so the "
            "earlier date is kept",
        ),
    )


def test_roll_tribunal_in_august_and_on_a_working_day(eng: Calendar) -> None:
    assert roll_tribunal(d("2025-08-15"), ctx(eng)) == (
        d("2025-09-01"),
        (
            f"The time ends on 2025-08-15 (Friday). {RULE_12}",
            "2025-08-15 (Friday) is in August; r.12(3)(a) moves it to the first working day after "
            "31 August: 2025-09-01.",
        ),
        (),
    )
    assert roll_tribunal(d("2025-03-03"), ctx(eng))[1][1] == (
        "2025-03-03 (Monday) is a working day outside 25 December-1 January and August: no roll."
    )


# -- timeline._undated: the explain of a step with no date ------------------------------------
def test_an_undated_step_explains_what_to_give() -> None:
    later = Rule(
        "fake.later", "fake", "Later", (LAW,), "within 5 days of the decision", "decision", 5
    )
    rs = replace(
        FAKE,
        rules=MappingProxyType({"fake.once": ONCE, "fake.later": later}),
        processes=MappingProxyType({"fake": ("fake.once", "fake.later")}),
    )
    t = compute(rs, "fake", {"start": (d("2025-03-03"),)}, options=Options(calendar=QUICK))
    step = t.step("fake.later")
    assert (step.date, step.basis) == (None, "no date: give --decision")
    assert step.explain == (
        "Rule: Fake Act 2020, s.1: within 5 days of the decision.",
        "No date: give --decision.",
    )


# -- methods._clear_before: the months branch and both explain lines --------------------------
def test_clear_before_explain_in_months_and_weeks() -> None:
    months = Rule(
        "x", "fake", "X", (LAW,), "at least", "start", 2, Unit.MONTHS, Method.CLEAR_BEFORE
    )
    got = METHODS[Method.CLEAR_BEFORE](months, anchor("2025-03-31"), ctx(QUICK))
    assert got == Computed(
        d("2025-01-30"),
        "2 months clear before 2025-03-31 (the start)",
        (
            "'At least 2 months before': a clear interval, so the latest day is the day before the "
            "corresponding date 2 months before 2025-03-31 (2025-01-31): 2025-01-30 (Thursday).",
            "A lenient reading (2025-03-31 - 2 months) gives 2025-01-31 (Friday).",
        ),
    )
    weeks = Rule("x", "fake", "X", (LAW,), "at least", "start", 2, Unit.WEEKS, Method.CLEAR_BEFORE)
    got = METHODS[Method.CLEAR_BEFORE](weeks, anchor("2025-03-31"), ctx(QUICK))
    assert got.date == d("2025-03-16")
    assert got.explain == (
        "'At least 2 weeks': neither the day it is given nor 2025-03-31 counts, so the latest day "
        "is 2025-03-31 - 15 days = 2025-03-16 (Sunday).",
        "A lenient reading (2025-03-31 - 14 days) gives 2025-03-17 (Monday).",
    )
