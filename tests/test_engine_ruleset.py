"""The engine runs any RuleSet: a three-row fake jurisdiction, with its own roll and calendar view.

Nothing here is England's: the rows, the process, the trigger, the exception regulation, the
roll and the unit's calendar view are all the fake's, so the engine must take every one of them
from the RuleSet it is given.
"""

from __future__ import annotations

import datetime as dt
from types import MappingProxyType

import pytest

from sendtime.engine.calendars import Calendar, ExcludingCalendar
from sendtime.engine.errors import BadInput
from sendtime.engine.methods import Context
from sendtime.engine.model import (
    Citation,
    Counting,
    ExceptionKind,
    Method,
    Nation,
    RecordedException,
    Roll,
    Rule,
    Unit,
)
from sendtime.engine.options import Options
from sendtime.engine.ruleset import ExceptionRule, RuleSet, Texts, UnitCalendar
from sendtime.engine.timeline import compute
from tests.conftest import d

LAW = Citation("Fake Act 2020", "s.1")


def no_bank_holidays(nation: Nation, first: int, last: int) -> tuple[dict[dt.date, str], str]:
    """A calendar with weekends, Christmas Day and Good Friday only."""
    return {}, "none"


def to_monday(day: dt.date, ctx: Context) -> tuple[dt.date, tuple[str, ...], tuple[str, ...]]:
    """The fake's own roll: any day moves to the Monday on or after it."""
    rolled = day + dt.timedelta(days=(7 - day.weekday()) % 7)
    return rolled, (f"moved to Monday {rolled.isoformat()}.",), ("rolled to a Monday",)


def no_fridays(cal: Calendar) -> ExcludingCalendar:
    """The fake's unit view: working days that are not Fridays."""
    return ExcludingCalendar(cal, lambda day: day.weekday() == 4, "Fridays left out")


RULES = (
    Rule("fake.notice", "fake", "Notice", (LAW,), "within 10 days of the start", "start", 10),
    Rule(
        "fake.reply",
        "fake",
        "Reply",
        (LAW,),
        "within 3 fake working days of the notice",
        "fake.notice",
        3,
        unit=Unit.TRIBUNAL_DAYS,
        method=Method.WORKING_WITHIN,
    ),
    Rule(
        "fake.hearing",
        "fake",
        "Hearing",
        (LAW,),
        "1 week after the reply, on a Monday",
        "fake.reply",
        1,
        unit=Unit.WEEKS,
        method=Method.AFTER,
        roll=Roll.TRIBUNAL,
    ),
)
FAKE = RuleSet(
    name="fake",
    rules=MappingProxyType({r.id: r for r in RULES}),
    processes=MappingProxyType({"fake": tuple(r.id for r in RULES)}),
    triggers=MappingProxyType({"fake": "start"}),
    exceptions=(ExceptionRule("s.9", ("fake.notice",), "s.9(a)", "s.9(b)", 5),),
    labels=MappingProxyType({"start": "the fake start"}),
    nation=Nation.SCOTLAND,
    in_force=dt.date(2020, 1, 1),
    rolls=MappingProxyType({Roll.TRIBUNAL: to_monday}),
    units=MappingProxyType({Unit.TRIBUNAL_DAYS: UnitCalendar(no_fridays, "No Fridays.")}),
    texts=Texts(working_day="Fake working day ({nation}; {source})."),
)
CAL = Calendar(Nation.SCOTLAND, loader=no_bank_holidays)


def run(start: str, counting: Counting = Counting.EXCLUSIVE) -> dict[str, dt.date | None]:
    opts = Options(calendar=CAL, counting=counting)
    t = compute(FAKE, "fake", {"start": (d(start),)}, options=opts)
    return {s.id: s.date for s in t.steps}


def test_the_fake_rows_give_their_dates() -> None:
    # Mon 2024-03-04 + 10 days = Thu 03-14; 3 working days, Fridays skipped: Mon 18, Tue 19,
    # Wed 20; + 1 week = Wed 03-27, rolled by the fake's roll to Mon 04-01.
    assert run("2024-03-04") == {
        "fake.notice": d("2024-03-14"),
        "fake.reply": d("2024-03-20"),
        "fake.hearing": d("2024-04-01"),
    }


def test_counting_comes_from_options() -> None:
    assert run("2024-03-04", Counting.INCLUSIVE)["fake.notice"] == d("2024-03-13")


def test_the_timeline_carries_the_fakes_words_and_warnings() -> None:
    t = compute(FAKE, "fake", {"start": (d("2024-03-04"),)}, options=Options(calendar=CAL))
    assert t.trigger == d("2024-03-04")
    notice = t.step("fake.notice")
    assert "(the fake start)" in notice.basis
    assert "Fake working day (scotland; none)." in notice.explain
    assert "No Fridays." in t.step("fake.reply").explain
    assert "moved to Monday 2024-04-01." in t.step("fake.hearing").explain
    assert "rolled to a Monday" in t.warnings
    assert not any("England" in w for w in t.warnings)  # the fake's nation is Scotland's


def test_the_fakes_exception_regulation_disapplies_its_step() -> None:
    opts = Options(calendar=CAL, exceptions=(RecordedException(ExceptionKind.PERSONAL),))
    t = compute(FAKE, "fake", {"start": (d("2024-03-04"),)}, options=opts)
    dis = t.step("fake.notice").disapplied
    assert dis is not None
    assert dis.limb == "s.9(a)"
    assert t.step("fake.reply").disapplied is None


def test_the_fakes_in_force_date_is_the_limit() -> None:
    assert run("2020-01-01")["fake.notice"] == d("2020-01-11")
    with pytest.raises(BadInput, match="date 2019-12-31 is before 2020-01-01"):
        run("2019-12-31")
