"""How each counting convention turns an anchor into a date: one function per Method and per Roll.

A rule row names its Method and Roll (model.py); METHODS and ROLLS map each to the function
here that does the arithmetic and words it for basis and --explain. Pure.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from types import MappingProxyType
from typing import NamedTuple

from sendtime.engine import periods
from sendtime.engine.calendars import Calendar, TribunalCalendar, tribunal_excluded
from sendtime.engine.errors import NeedsMoreData
from sendtime.engine.model import (
    WEEKDAYS,
    Counting,
    DateRange,
    Method,
    Roll,
    Rule,
    Unit,
)
from sendtime.law.england.rules import (
    RULES_BY_ID,
)


def iso(d: dt.date) -> str:
    """A date as ISO text with its weekday, for basis and explain."""
    return f"{d.isoformat()} ({WEEKDAYS[d.weekday()]})"


class Anchor(NamedTuple):
    """The date a rule counts from and how it was found."""

    date: dt.date
    name: str  # input name or step id
    label: str  # "2024-03-01 (request received)"
    projected: bool


class Context(NamedTuple):
    """Everything a method function may need besides the rule and its anchor."""

    calendar: Calendar
    counting: Counting
    options: Mapping[str, str]
    dates: Mapping[str, dt.date | None]  # step id -> computed date (hidden parts included)
    bases: Mapping[str, str] = MappingProxyType({})  # step id -> basis (for LATER_OF)
    ranges: Mapping[str, DateRange] = MappingProxyType({})  # step id -> range it rests on


class Computed(NamedTuple):
    """A method's answer: the date (or None), the basis in a phrase, and the arithmetic."""

    date: dt.date | None
    basis: str
    explain: tuple[str, ...] = ()
    notes: tuple[str, ...] = ()  # added to the step's notes
    warnings: tuple[str, ...] = ()  # added to the timeline's warnings
    range: DateRange | None = None  # a presumption's range (deemed service); date = its earliest


MethodFn = Callable[[Rule, Anchor, Context], Computed]


def _amount_in_days(rule: Rule) -> int:
    return rule.amount * 7 if rule.unit is Unit.WEEKS else rule.amount


def _plural(n: int, unit: Unit) -> str:
    word = unit.value
    return f"{n} {word[:-1] if n == 1 and word.endswith('s') else word}"


TRIBUNAL_DAYS_WORDS = (
    "Tribunal working days (HESC r.12(3)(b)): 25 December-1 January and every day in August "
    "are not counted."
)


def _working_cal(rule: Rule, ctx: Context) -> Calendar | TribunalCalendar:
    """The calendar a working-day count uses: the Tribunal's own for HESC periods."""
    if rule.unit is Unit.TRIBUNAL_DAYS:
        return TribunalCalendar.of(ctx.calendar)
    return ctx.calendar


def _offset(rule: Rule, a: Anchor, ctx: Context, *, n: int) -> tuple[dt.date, str]:
    """Offset the anchor by n of the rule's unit (negative: before)."""
    unit, cal = rule.unit, ctx.calendar
    if unit is Unit.MONTHS:
        return periods.add_months(a.date, n), f"the corresponding date {n} months on"
    if unit in (Unit.WORKING_DAYS, Unit.TRIBUNAL_DAYS):
        return _working_cal(rule, ctx).add_working_days(
            a.date, n
        ), f"counting {unit.value}, the anchor not counted"
    if unit is Unit.SCHOOL_DAYS:
        return cal.add_school_days(a.date, n), "counting school days, the anchor not counted"
    days = n * 7 if unit is Unit.WEEKS else n
    return periods.add_days(
        a.date, days
    ), f"{a.date.isoformat()} {'+' if days >= 0 else '-'} {abs(days)} days"


def _within(rule: Rule, a: Anchor, ctx: Context) -> Computed:
    days = _amount_in_days(rule)
    span = _plural(rule.amount, rule.unit)
    if ctx.counting is Counting.INCLUSIVE:
        d = periods.add_days(a.date, days - 1)
        return Computed(
            d,
            f"{span} after {a.label}, counting that day as day 1",
            (
                f"Counting: inclusive (at the user's choice): {a.date.isoformat()} is day 1, "
                f"so the last day is {a.date.isoformat()} + {days - 1} days.",
                f"{iso(a.date)} + {days - 1} days = {iso(d)}.",
            ),
        )
    d = periods.add_days(a.date, days)
    return Computed(
        d,
        f"{span} after {a.label}",
        (
            f"Counting: exclusive (the default): the day of {a.label} is not counted; "
            f"{span} = {days} days.",
            f"{iso(a.date)} + {days} days = {iso(d)}.",
        ),
    )


def _after(rule: Rule, a: Anchor, ctx: Context) -> Computed:
    d, how = _offset(rule, a, ctx, n=rule.amount)
    span = _plural(abs(rule.amount), rule.unit)
    side = "after" if rule.amount >= 0 else "before"
    return Computed(d, f"{span} {side} {a.label}", (f"{how}: {iso(d)}.",))


def _beginning_with(rule: Rule, a: Anchor, ctx: Context) -> Computed:
    days = _amount_in_days(rule)
    d = periods.beginning_with(a.date, days)
    return Computed(
        d,
        f"{_plural(rule.amount, rule.unit)} beginning with {a.label}",
        (
            f"'Beginning with': {a.date.isoformat()} is day 1, so day {days} is "
            f"{a.date.isoformat()} + {days - 1} days = {iso(d)}.",
        ),
    )


def _period_starting(rule: Rule, a: Anchor, ctx: Context) -> Computed:
    d = periods.period_of_months_end(a.date, rule.amount)
    if periods.has_corresponding_date(a.date, rule.amount):
        how = (
            f"The period ends the day before the corresponding date {rule.amount} months on "
            f"({periods.add_months(a.date, rule.amount).isoformat()}): {iso(d)}."
        )
    else:
        how = (
            f"{rule.amount} months on has no day {a.date.day}, so the period ends on the last "
            f"day of that month: {iso(d)}."
        )
    return Computed(d, f"period of {rule.amount} months starting with {a.label}", (how,))


def _clear_before(rule: Rule, a: Anchor, ctx: Context) -> Computed:
    span = _plural(rule.amount, rule.unit)
    if rule.unit is Unit.MONTHS:
        d = periods.clear_before_months(a.date, rule.amount)
        lenient = periods.add_months(a.date, -rule.amount)
        how = (
            f"'At least {span} before': a clear interval, so the latest day is the day before "
            f"the corresponding date {rule.amount} months before {a.date.isoformat()} "
            f"({lenient.isoformat()}): {iso(d)}."
        )
        lenient_how = f"A lenient reading ({a.date.isoformat()} - {span}) gives {iso(lenient)}."
    else:
        days = _amount_in_days(rule)
        d = periods.clear_before(a.date, days)
        lenient = periods.add_days(a.date, -days)
        how = (
            f"'At least {span}': neither the day it is given nor {a.date.isoformat()} "
            f"counts, so the latest day is {a.date.isoformat()} - {days + 1} days = {iso(d)}."
        )
        lenient_how = (
            f"A lenient reading ({a.date.isoformat()} - {days} days) gives {iso(lenient)}."
        )
    return Computed(d, f"{span} clear before {a.label}", (how, lenient_how))


def _before_fixed(rule: Rule, a: Anchor, ctx: Context) -> Computed:
    assert rule.fixed is not None  # noqa: S101 - the rule table test checks this
    month, day = rule.fixed
    fixed = dt.date(a.date.year, month, day)
    d = periods.day_before_fixed(a.date.year, month, day)
    return Computed(
        d,
        f"before {fixed.day} {fixed:%B} {fixed.year}",
        (f"'Before {fixed.day} {fixed:%B}' means by the day before: {iso(d)}.",),
    )


def _working_beginning_with(rule: Rule, a: Anchor, ctx: Context) -> Computed:
    cal = _working_cal(rule, ctx)
    d = cal.working_days_beginning_with(a.date, rule.amount)
    first = "is" if cal.is_working_day(a.date) else "is not"
    tribunal = (TRIBUNAL_DAYS_WORDS,) if rule.unit is Unit.TRIBUNAL_DAYS else ()
    return Computed(
        d,
        f"{_plural(rule.amount, rule.unit)} beginning with {a.label}",
        (
            *tribunal,
            f"'Beginning with': {a.date.isoformat()} {first} a working day, so it "
            f"{'counts as day 1' if first == 'is' else 'does not count'}; working day "
            f"{rule.amount} is {iso(d)}.",
        ),
    )


def _working_within(rule: Rule, a: Anchor, ctx: Context) -> Computed:
    d = _working_cal(rule, ctx).add_working_days(a.date, rule.amount)
    tribunal = (TRIBUNAL_DAYS_WORDS,) if rule.unit is Unit.TRIBUNAL_DAYS else ()
    return Computed(
        d,
        f"{_plural(rule.amount, rule.unit)} after {a.label}",
        (
            *tribunal,
            f"{a.date.isoformat()} is not counted; working day {rule.amount} after it is {iso(d)}.",
        ),
    )


def needed_options(rule: Rule) -> str:
    """The options that would date an undated step, in words."""
    """The options that would give a rule its anchor, e.g. "--certificate"."""
    return " or ".join(option_name(n) for n in (rule.anchor, *rule.fallback) if "." not in n)


def _later_of(rule: Rule, a: Anchor, ctx: Context) -> Computed:
    dated: list[tuple[dt.date, str]] = []
    for p in rule.parts:
        pd = ctx.dates.get(p)
        if pd is not None:
            dated.append((pd, p))
    # A part this command ran without a date may still make it later; parts it did not run
    # (the other kinds of transfer, say) are not the case's and say nothing.
    missing = [RULES_BY_ID[p] for p in rule.parts if p in ctx.dates and ctx.dates[p] is None]
    notes = tuple(
        f"may be later: give {needed_options(m) or 'its trigger'} ({m.wording})" for m in missing
    )
    warns = tuple(f"{rule.id} {n}" for n in notes)
    if not dated:
        needed = " or ".join(needed_options(m) or "its trigger" for m in missing)
        return Computed(None, f"no date: give {needed or 'its trigger'}")
    d, _win = max(dated, key=lambda x: x[0])  # a tie keeps the first part
    shown = [f"{ctx.bases.get(p, p)} ({x.isoformat()})" for x, p in dated]
    basis = ctx.bases.get(_win, _win) if len(dated) == 1 else "the later of " + " and ".join(shown)
    lines = [f"{RULES_BY_ID[p].wording}: {ctx.bases.get(p, p)} = {iso(x)}." for x, p in dated]
    lines += [f"{m.wording}: no date ({n})." for m, n in zip(missing, notes, strict=True)]
    lines.append(f"{'The later of these dates' if len(dated) > 1 else 'The only date'}: {iso(d)}.")
    return Computed(d, basis, tuple(lines), notes, warns)


def _on_day(rule: Rule, a: Anchor, ctx: Context) -> Computed:
    return Computed(a.date, f"on {a.label}", (f"On the day itself: {iso(a.date)}.",))


# The two published readings of a deemed day (england.md, "Service and receipt"). The earliest is
# the default date, acted on: safe for whoever must act (the LA answering a request, a parent
# answering a draft); the latest is shown beside it. (earliest, latest) working days after posting:
POST_DAYS = {"first": (1, 2), "second": (4, 4)}
POST_SOURCES = {
    "first": (
        "IPSEA model letter 9: first class post, the next working day after posting",
        "Practice Direction [1985] 1 All ER 889: first class, the 2nd working day after posting",
    ),
    "second": (
        "Practice Direction [1985] 1 All ER 889: second class, the 4th working day after posting; "
        "no earlier reading is published",
        "Practice Direction [1985] 1 All ER 889: second class, the 4th working day after posting",
    ),
}
# By hand or email: IPSEA counts the day itself unless after 5pm or not a working day; CPR 6.26
# (a court rule, by analogy) moves anything from 4.30pm to the next working day.
CUT_OFFS = (dt.time(17, 0), dt.time(16, 30))
HAND_SOURCES = (
    "IPSEA model letter 9: by hand or email after 5pm or on a non-working day, the next working "
    "day; otherwise that day",
    "CPR 6.26 (a court rule, by analogy): by hand or email after 4.30pm or on a non-working day, "
    "the next working day",
)


def _nth(n: int) -> str:
    return {1: "1st", 2: "2nd", 3: "3rd"}.get(n, f"{n}th")


def _range_note(r: DateRange) -> str:
    if r.earliest == r.latest:
        return (
            f"a presumption, not a fact: both published readings give {r.earliest.isoformat()} "
            f"({r.earliest_source})"
        )
    return (
        f"a presumption, not a fact: earliest {r.earliest.isoformat()} ({r.earliest_source}); "
        f"latest {r.latest.isoformat()} ({r.latest_source}); sendtime acts on the earliest"
    )


def _deemed_service(rule: Rule, a: Anchor, ctx: Context) -> Computed:
    cal = ctx.calendar
    if a.name == "posted":
        cls = ctx.options.get("post", "first")
        n_early, n_late = POST_DAYS[cls]
        early = cal.add_working_days(a.date, n_early)
        late = cal.add_working_days(a.date, n_late)
        src_early, src_late = POST_SOURCES[cls]
        r = DateRange(early, late, src_early, src_late)
        lines = [
            f"Earliest reading ({src_early}): the {_nth(n_early)} working day after "
            f"{iso(a.date)} is {iso(early)}.",
            f"Latest reading ({src_late}): the {_nth(n_late)} working day after posting is "
            f"{iso(late)}.",
            f"sendtime acts on the earliest, {iso(early)}; the real date of receipt always wins.",
        ]
        return Computed(
            early,
            f"posted {cls} class on {a.date.isoformat()}: deemed served on the {_nth(n_early)} "
            "working day after posting (earliest reading)",
            tuple(lines),
            (_range_note(r),),
            range=r,
        )
    by = ctx.options.get("by", "hand")
    at = ctx.options.get("at")
    when = dt.time.fromisoformat(at) if at else None
    working = cal.is_working_day(a.date)
    ends = []
    for cut, inclusive in zip(CUT_OFFS, (True, False), strict=True):
        in_time = when is None or (when <= cut if inclusive else when < cut)
        ends.append(a.date if working and in_time else cal.next_working_day(a.date))
    early, late = ends
    r = DateRange(early, late, *HAND_SOURCES)
    on = f"{iso(a.date)}{' at ' + at if at else ''}"
    lines = [
        f"Delivered by {by} on {on}.",
        f"Earliest reading ({HAND_SOURCES[0]}): {iso(early)}.",
        f"Latest reading ({HAND_SOURCES[1]}): {iso(late)}.",
    ]
    notes = [_range_note(r)]
    if when is None and working:
        notes.append("no time of delivery given (--at): assumed before 4.30pm")
        lines.append("No time given (--at): assumed before 4.30pm.")
    why = "that day" if early == a.date else "the next working day"
    return Computed(
        early,
        f"delivered by {by} on {a.date.isoformat()}: deemed received {why} (earliest reading)",
        tuple(lines),
        tuple(notes),
        range=r,
    )


def _no_date(rule: Rule, a: Anchor, ctx: Context) -> Computed:
    return Computed(None, f"{rule.wording} from {a.label}")


def _term_part_end(rule: Rule, a: Anchor, ctx: Context) -> Computed:
    msg = (
        f"{rule.id} is computed from term dates by sendtime.law.england.support, not from an anchor"
    )
    raise NeedsMoreData(msg)


METHODS: dict[Method, MethodFn] = {
    Method.WITHIN: _within,
    Method.AFTER: _after,
    Method.BEGINNING_WITH: _beginning_with,
    Method.PERIOD_STARTING: _period_starting,
    Method.CLEAR_BEFORE: _clear_before,
    Method.BEFORE_FIXED: _before_fixed,
    Method.WORKING_BEGINNING_WITH: _working_beginning_with,
    Method.WORKING_WITHIN: _working_within,
    Method.LATER_OF: _later_of,
    Method.DEEMED_SERVICE: _deemed_service,
    Method.NO_DATE: _no_date,
    Method.TERM_PART_END: _term_part_end,
    Method.ON_DAY: _on_day,
}

RollFn = Callable[[dt.date, Context], tuple[dt.date, tuple[str, ...], tuple[str, ...]]]


def _roll_none(d: dt.date, ctx: Context) -> tuple[dt.date, tuple[str, ...], tuple[str, ...]]:
    return d, (), ()


def _closed_because(cal: Calendar, d: dt.date) -> str:
    if d.weekday() >= 5:
        return f" (a {WEEKDAYS[d.weekday()]})"
    if not cal.is_working_day(d):
        return f" ({cal.holiday_name(d) or 'a bank holiday'})"
    why = cal.terms.why_closed(d) if cal.terms else None
    return f" ({why})" if why else ""


def _roll_back(d: dt.date, ctx: Context) -> tuple[dt.date, tuple[str, ...], tuple[str, ...]]:
    cal = ctx.calendar
    if cal.terms is not None:
        try:
            back = cal.school_day_on_or_before(d)
        except NeedsMoreData as exc:
            warn = f"{exc}; used working days instead"
        else:
            if back == d:
                return d, (f"{iso(d)} is a school day of {cal.terms.label}.",), ()
            return (
                back,
                (
                    f"{iso(d)} is not a school day{_closed_because(cal, d)}; the last school day "
                    f"before it is {iso(back)}.",
                ),
                (),
            )
    else:
        warn = "no term dates given: moved back to a working day, not a school day (give --terms)"
    back = cal.working_day_on_or_before(d)
    if back == d:
        return d, (f"{iso(d)} is a working day.",), (warn,)
    return (
        back,
        (f"{iso(d)} is not a working day; the last working day before it is {iso(back)}.",),
        (warn,),
    )


def _why_closed(d: dt.date, cal: Calendar) -> str:
    name = cal.holiday_name(d)
    return f"{WEEKDAYS[d.weekday()]}, {name}" if name else WEEKDAYS[d.weekday()]


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
            f"is {d.isoformat()}, not a working day ({_why_closed(d, cal)}); r.12(2) moves it to "
            f"the next working day: {rolled.isoformat()}"
        )
    return d, f"is {d.isoformat()}, a working day outside 25 December-1 January and August: no roll"


def _roll_tribunal(d: dt.date, ctx: Context) -> tuple[dt.date, tuple[str, ...], tuple[str, ...]]:
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


ROLLS: dict[Roll, RollFn] = {
    Roll.NONE: _roll_none,
    Roll.BACK_TO_WORKING_DAY: _roll_back,
    Roll.TRIBUNAL: _roll_tribunal,
}

RollBasisFn = Callable[[dt.date, dt.date, Context], str]


def moved_basis(d: dt.date, rolled: dt.date, ctx: Context) -> str:
    """How a roll's move is added to a step's basis (the default wording)."""
    return f" ({d.isoformat()}), moved to {rolled.isoformat()}" if rolled != d else ""


def _tribunal_basis(d: dt.date, rolled: dt.date, ctx: Context) -> str:
    return " " + _tribunal_move(d, ctx)[1]


# How a roll is recorded in a step's basis (default: "(date), moved to rolled").
ROLL_BASIS: dict[Roll, RollBasisFn] = {Roll.TRIBUNAL: _tribunal_basis}


def option_name(name: str) -> str:
    """The command-line option for an input name: advice_requested -> --advice-requested."""
    return "--" + name.replace("_", "-")
