"""The Tribunal's own time rules (HESC Rules 2008): its working days and its roll-forward.

HESC r.12(3): in a special educational needs case "the days from 25th December to 1st January
inclusive and any day in August must not be taken into account" when calculating the time for
any act other than starting proceedings (r.12(3)(b)), and an act whose time ends on one of
those days is done in time on the first working day after 1 January or 31 August
(r.12(3)(a)); otherwise r.12(2) moves a time ending on a non-working day to the next one.
These are England's rules for its Tribunal, registered with the engine through the RuleSet
(sendtime.law.england.ruleset): the engine only knows calendar views and roll functions.
"""

from __future__ import annotations

import datetime as dt
import weakref
from typing import ClassVar

from sendtime.engine.calendars import Calendar, ExcludingCalendar
from sendtime.engine.methods import Context, iso, why_closed
from sendtime.engine.ruleset import UnitCalendar

TRIBUNAL_DAYS_WORDS = (
    "Tribunal working days (HESC r.12(3)(b)): 25 December-1 January and every day in August "
    "are not counted."
)


def tribunal_excluded(d: dt.date) -> bool:
    """A day HESC r.12(3) leaves out: 25 December to 1 January inclusive, or any day in August."""
    return d.month == 8 or (d.month == 12 and d.day >= 25) or (d.month == 1 and d.day == 1)


class TribunalCalendar(ExcludingCalendar):
    """The Tribunal's own working days (HESC r.12(3)(b)): a view of a Calendar.

    A Tribunal working day is a working day of the base calendar that is not 25 December-1
    January nor in August.

    Args:
        base: the working-day calendar (its nation's bank holidays count).
    """

    counted = "Tribunal working-day"
    _cache: ClassVar[weakref.WeakKeyDictionary[Calendar, TribunalCalendar]] = (
        weakref.WeakKeyDictionary()
    )

    def __init__(self, base: Calendar) -> None:
        super().__init__(base, tribunal_excluded, "HESC r.12(3)(b) days left out")

    @classmethod
    def of(cls, base: Calendar) -> TribunalCalendar:
        """The (cached) Tribunal view of a calendar."""
        view = cls._cache.get(base)
        if view is None:
            view = cls._cache[base] = cls(base)
        return view


TRIBUNAL_DAYS = UnitCalendar(TribunalCalendar.of, TRIBUNAL_DAYS_WORDS)


def _tribunal_move(d: dt.date, ctx: Context) -> tuple[dt.date, str]:
    """HESC r.12(3)(a), tested on the day the time ends (d) only, else r.12(2)."""
    cal = ctx.calendar
    if tribunal_excluded(d):
        rolled = TribunalCalendar.of(cal).working_day_on_or_after(d)
        where, after = (
            ("in August", "31 August")
            if d.month == 8
            else ("between 25 December and 1 January", "1 January")
        )
        return rolled, (
            f"is {d.isoformat()}, {where}; r.12(3)(a) moves it to the first working day after "
            f"{after}: {rolled.isoformat()}"
        )
    if not cal.is_working_day(d):
        rolled = cal.next_working_day(d)
        return rolled, (
            f"is {d.isoformat()}, not a working day ({why_closed(d, cal)}); r.12(2) moves it to "
            f"the next working day: {rolled.isoformat()}"
        )
    return d, f"is {d.isoformat()}, a working day outside 25 December-1 January and August: no roll"


def roll_tribunal(d: dt.date, ctx: Context) -> tuple[dt.date, tuple[str, ...], tuple[str, ...]]:
    """Roll.TRIBUNAL: r.12(3)(a) on the day the time ends, else r.12(2); its explain lines."""
    rolled, phrase = _tribunal_move(d, ctx)
    lines = [
        f"The time ends on {iso(d)}. HESC r.12(3)(a) is tested on that day only; otherwise "
        "r.12(2) moves a non-working day to the next working day.",
        f"{iso(d)} is {phrase.removeprefix(f'is {d.isoformat()}, ')}.",
    ]
    if rolled != d and tribunal_excluded(rolled) and not tribunal_excluded(d):
        lines.append(
            f"{rolled.isoformat()} is itself in 25 December-1 January or August, but r.12(3)(a) "
            f"asks where the time ends ({d.isoformat()}), not the day r.12(2) gives; sendtime "
            "keeps the earlier date."
        )
        warn = (
            f"{rolled.isoformat()} is in 25 December-1 January or August only because r.12(2) "
            f"moved {d.isoformat()} (not a working day); r.12(3)(a) is read on the day the time "
            "ends, so the earlier date is kept"
        )
        return rolled, tuple(lines), (warn,)
    return rolled, tuple(lines), ()


def tribunal_basis(d: dt.date, rolled: dt.date, ctx: Context) -> str:
    """How Roll.TRIBUNAL is recorded in a step's basis."""
    return " " + _tribunal_move(d, ctx)[1]
