"""How each counting convention turns an anchor into a date: one function per Method and per Roll.

A rule row names its Method and Roll (model.py); METHODS and ROLLS map each generic one to the
function here that does the arithmetic and words it for basis and --explain. A jurisdiction adds
its own (England's deemed service and Tribunal roll) through its RuleSet. Pure.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from types import MappingProxyType
from typing import TYPE_CHECKING, NamedTuple, Protocol

from sendtime.engine import periods
from sendtime.engine.calendars import Calendar, SchoolDays
from sendtime.engine.errors import NeedsMoreData, option_name
from sendtime.engine.model import (
    WEEKDAYS,
    Counting,
    DateRange,
    Method,
    Roll,
    Rule,
    Unit,
)

if TYPE_CHECKING:
    from sendtime.engine.ruleset import UnitCalendar


class WorkingDays(Protocol):
    """What a working-day count needs: a Calendar, or a view of one (ExcludingCalendar)."""

    def is_working_day(self, d: dt.date) -> bool:
        """Whether d is a working day."""

    def add_working_days(self, d: dt.date, n: int) -> dt.date:
        """The nth working day after d."""

    def working_days_beginning_with(self, d: dt.date, n: int) -> dt.date:
        """The last day of n working days beginning with d."""


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
    rules: Mapping[str, Rule] = MappingProxyType({})  # the RuleSet's rows (for LATER_OF)
    units: Mapping[Unit, UnitCalendar] = MappingProxyType({})  # units on a calendar view
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


SCHOOL_UNITS = frozenset({Unit.SCHOOL_DAYS, Unit.TERM_DAYS})
SCHOOL_DAY_WORDS = (
    "{noun} ({terms}): a weekday inside one of the setting's terms that is not a bank holiday "
    "and not a closure listed in its term file (INSET days listed as closures are not counted)."
)


def _working_cal(rule: Rule, ctx: Context) -> WorkingDays:
    """The calendar a count uses: a RuleSet's view for the unit, else school or working days.

    School and term-time days count on the setting's school days (SchoolDays).
    """
    view = ctx.units.get(rule.unit)
    if view is not None:
        return view.view(ctx.calendar)
    if rule.unit in SCHOOL_UNITS:
        return SchoolDays(ctx.calendar)
    return ctx.calendar


def _day_noun(unit: Unit) -> str:
    """What one counted day is called: "school day", "term-time day", else "working day"."""
    return unit.value[:-1] if unit in SCHOOL_UNITS else "working day"


def _unit_words(rule: Rule, ctx: Context) -> tuple[str, ...]:
    view = ctx.units.get(rule.unit)
    if view is not None:
        return (view.words,)
    if rule.unit in SCHOOL_UNITS:
        terms = ctx.calendar.terms.label if ctx.calendar.terms else "no term dates"
        noun = _day_noun(rule.unit)
        return (SCHOOL_DAY_WORDS.format(noun=noun[0].upper() + noun[1:], terms=terms),)
    return ()


def _offset(rule: Rule, a: Anchor, ctx: Context, *, n: int) -> tuple[dt.date, str]:
    """Offset the anchor by n of the rule's unit (negative: before)."""
    unit, cal = rule.unit, ctx.calendar
    if unit is Unit.MONTHS:
        return periods.add_months(a.date, n), f"the corresponding date {n} months on"
    if unit in (Unit.WORKING_DAYS, Unit.TRIBUNAL_DAYS) or unit in ctx.units:
        return _working_cal(rule, ctx).add_working_days(
            a.date, n
        ), f"counting {unit.value}, the anchor not counted"
    if unit in SCHOOL_UNITS:
        return cal.add_school_days(a.date, n), f"counting {unit.value}, the anchor not counted"
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
    words = _unit_words(rule, ctx)
    return Computed(
        d,
        f"{_plural(rule.amount, rule.unit)} beginning with {a.label}",
        (
            *words,
            f"'Beginning with': {a.date.isoformat()} {first} a {_day_noun(rule.unit)}, so it "
            f"{'counts as day 1' if first == 'is' else 'does not count'}; "
            f"{_day_noun(rule.unit)} {rule.amount} is {iso(d)}.",
        ),
    )


def _skipped(cal: Calendar, start: dt.date, end: dt.date) -> tuple[str, ...]:
    """The weekdays in (start, end] a school-day count did not count, in runs, with why."""
    runs: list[tuple[dt.date, dt.date, str]] = []
    d = start
    while d < end:
        d = periods.add_days(d, 1)
        if d.weekday() >= 5 or cal.is_school_day(d):
            continue
        closure = cal.terms.why_closed(d) if cal.terms else None
        why = closure or cal.holiday_name(d) or "closed"
        if runs and runs[-1][2] == why and (d - runs[-1][1]).days <= 3:
            runs[-1] = (runs[-1][0], d, why)
        else:
            runs.append((d, d, why))
    if not runs:
        return ()
    shown = "; ".join(
        f"{a.isoformat()}{'' if a == b else '..' + b.isoformat()} ({why})" for a, b, why in runs
    )
    return (f"Weekdays not counted: {shown}.",)


def _working_within(rule: Rule, a: Anchor, ctx: Context) -> Computed:
    d = _working_cal(rule, ctx).add_working_days(a.date, rule.amount)
    words = _unit_words(rule, ctx)
    skipped = _skipped(ctx.calendar, a.date, d) if rule.unit in SCHOOL_UNITS else ()
    return Computed(
        d,
        f"{_plural(rule.amount, rule.unit)} after {a.label}",
        (
            *words,
            f"{a.date.isoformat()} is not counted; {_day_noun(rule.unit)} {rule.amount} after it "
            f"is {iso(d)}.",
            *skipped,
        ),
    )


def needed_options(rule: Rule) -> str:
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
    missing = [ctx.rules[p] for p in rule.parts if p in ctx.dates and ctx.dates[p] is None]
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
    lines = [f"{ctx.rules[p].wording}: {ctx.bases.get(p, p)} = {iso(x)}." for x, p in dated]
    lines += [f"{m.wording}: no date ({n})." for m, n in zip(missing, notes, strict=True)]
    lines.append(f"{'The later of these dates' if len(dated) > 1 else 'The only date'}: {iso(d)}.")
    return Computed(d, basis, tuple(lines), notes, warns)


def _on_day(rule: Rule, a: Anchor, ctx: Context) -> Computed:
    return Computed(a.date, f"on {a.label}", (f"On the day itself: {iso(a.date)}.",))


def _no_date(rule: Rule, a: Anchor, ctx: Context) -> Computed:
    return Computed(None, f"{rule.wording} from {a.label}")


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
    Method.NO_DATE: _no_date,
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


def why_closed(d: dt.date, cal: Calendar) -> str:
    """The weekday of a closed day, with the bank holiday's name if it is one."""
    name = cal.holiday_name(d)
    return f"{WEEKDAYS[d.weekday()]}, {name}" if name else WEEKDAYS[d.weekday()]


def _roll_next(d: dt.date, ctx: Context) -> tuple[dt.date, tuple[str, ...], tuple[str, ...]]:
    """A period whose last day is not a working day is extended to the following working day."""
    cal = ctx.calendar
    if cal.is_working_day(d):
        return d, (f"{iso(d)} is a working day, so the period is not extended.",), ()
    rolled = cal.next_working_day(d)
    return (
        rolled,
        (
            f"{iso(d)} is not a working day{_closed_because(cal, d)}; the period is extended to "
            f"include the following working day: {iso(rolled)}.",
        ),
        (),
    )


def _roll_after_expiry(
    d: dt.date, ctx: Context
) -> tuple[dt.date, tuple[str, ...], tuple[str, ...]]:
    """'The first working day after the expiry of' a period that ends on d."""
    rolled = ctx.calendar.next_working_day(d)
    return (
        rolled,
        (f"The period ends on {iso(d)}; the first working day after it is {iso(rolled)}.",),
        (),
    )


ROLLS: dict[Roll, RollFn] = {
    Roll.NONE: _roll_none,
    Roll.BACK_TO_WORKING_DAY: _roll_back,
    Roll.NEXT_WORKING_DAY: _roll_next,
    Roll.AFTER_EXPIRY: _roll_after_expiry,
}

RollBasisFn = Callable[[dt.date, dt.date, Context], str]


def moved_basis(d: dt.date, rolled: dt.date, ctx: Context) -> str:
    """How a roll's move is added to a step's basis (the default wording)."""
    return f" ({d.isoformat()}), moved to {rolled.isoformat()}" if rolled != d else ""


# How a roll is recorded in a step's basis (default: "(date), moved to rolled"); a RuleSet adds
# its own rolls' wording.
def _next_basis(d: dt.date, rolled: dt.date, ctx: Context) -> str:
    return f" ({d.isoformat()}, not a working day), extended to {rolled.isoformat()}" * (
        rolled != d
    )


def _after_expiry_basis(d: dt.date, rolled: dt.date, ctx: Context) -> str:
    return f", which ends {d.isoformat()}: the first working day after it"


ROLL_BASIS: dict[Roll, RollBasisFn] = {
    Roll.NEXT_WORKING_DAY: _next_basis,
    Roll.AFTER_EXPIRY: _after_expiry_basis,
}
