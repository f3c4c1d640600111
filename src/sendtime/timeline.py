"""The engine: rules + anchors + calendar -> steps, and the process functions built on it.

Pure: no printing, no files, no clock. Every date comes from a Rule row of rules.py through one
function per Method and one per Roll.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace

from sendtime import periods
from sendtime.calendars import Calendar, TribunalCalendar, tribunal_excluded
from sendtime.errors import BadInput, NeedsMoreData
from sendtime.model import (
    WEEKDAYS,
    Confidence,
    Counting,
    Disapplied,
    ExceptionKind,
    Kind,
    Method,
    RecordedException,
    Roll,
    Rule,
    Status,
    Step,
    Timeline,
    Unit,
    When,
)
from sendtime.rules import (
    ASAP_NOTE,
    EXCEPTIONS,
    GIVEN_ALTERNATIVES,
    INPUT_LABELS,
    PROCESSES,
    RELAXATIONS,
    RULES_BY_ID,
    SECONDARY_NOTE,
    TRIGGERS,
    ExceptionRule,
)
from sendtime.terms import NO_CLOSURE_LIMB_NOTE

REGIME_START = dt.date(2014, 9, 1)
LAST_DATE = dt.date(2199, 12, 31)  # bank holidays and date arithmetic stop well before 9999
DUE_WINDOW_DAYS = 14
NO_ROLL_NOTE = "falls on a non-working day ({weekday}); no statutory roll-forward"
WORKING_DAY_WORDS = (
    "Working day: any day except Saturday, Sunday, Christmas Day, Good Friday and a bank "
    "holiday ({nation}; {source}). The Regulations do not define it (reg 2(1)); this is the "
    "standard statutory meaning, as the Tribunal rules use."
)
DISCLAIMER = (
    "Not legal advice: dates computed from the SEND Regulations 2014 and related law; "
    "check against the law and your own records."
)

_default_calendar: Calendar | None = None


def default_calendar() -> Calendar:
    """A shared England-and-Wales calendar, built on first use."""
    global _default_calendar
    if _default_calendar is None:
        _default_calendar = Calendar()
    return _default_calendar


def iso(d: dt.date) -> str:
    """A date as ISO text with its weekday, for basis and explain."""
    return f"{d.isoformat()} ({WEEKDAYS[d.weekday()]})"


@dataclass(frozen=True, slots=True)
class Anchor:
    """The date a rule counts from and how it was found."""

    date: dt.date
    name: str  # input name or step id
    label: str  # "2024-03-01 (request received)"
    projected: bool


@dataclass(frozen=True, slots=True)
class Context:
    """Everything a method function may need besides the rule and its anchor."""

    calendar: Calendar
    counting: Counting
    options: Mapping[str, str]
    dates: Mapping[str, dt.date | None]  # step id -> computed date (hidden parts included)
    bases: Mapping[str, str] = field(default_factory=dict)  # step id -> basis (for LATER_OF)


@dataclass(frozen=True, slots=True)
class Computed:
    """A method's answer: the date (or None), the basis in a phrase, and the arithmetic."""

    date: dt.date | None
    basis: str
    explain: tuple[str, ...] = ()
    notes: tuple[str, ...] = ()  # added to the step's notes
    warnings: tuple[str, ...] = ()  # added to the timeline's warnings


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


def _needed(rule: Rule) -> str:
    """The options that would give a rule its anchor, e.g. "--certificate"."""
    return " or ".join(_option(n) for n in (rule.anchor, *rule.fallback) if "." not in n)


def _later_of(rule: Rule, a: Anchor, ctx: Context) -> Computed:
    dated: list[tuple[dt.date, str]] = []
    for p in rule.parts:
        pd = ctx.dates.get(p)
        if pd is not None:
            dated.append((pd, p))
    missing = [RULES_BY_ID[p] for p in rule.parts if ctx.dates.get(p) is None]
    notes = tuple(
        f"may be later: give {_needed(m) or 'its trigger'} ({m.wording})" for m in missing
    )
    warns = tuple(f"{rule.id} {n}" for n in notes)
    if not dated:
        return Computed(None, "no date: none of its triggers was given", (), notes, warns)
    d, _win = max(dated, key=lambda x: x[0])  # a tie keeps the first part
    shown = [f"{ctx.bases.get(p, p)} ({x.isoformat()})" for x, p in dated]
    basis = ctx.bases.get(_win, _win) if len(dated) == 1 else "the later of " + " and ".join(shown)
    lines = [f"{RULES_BY_ID[p].wording}: {ctx.bases.get(p, p)} = {iso(x)}." for x, p in dated]
    lines += [f"{m.wording}: no date ({n})." for m, n in zip(missing, notes, strict=True)]
    lines.append(f"{'The later of these dates' if len(dated) > 1 else 'The only date'}: {iso(d)}.")
    return Computed(d, basis, tuple(lines), notes, warns)


def _on_day(rule: Rule, a: Anchor, ctx: Context) -> Computed:
    return Computed(a.date, f"on {a.label}", (f"On the day itself: {iso(a.date)}.",))


POST_DAYS = {"first": 2, "second": 4}
CUT_OFF = dt.time(16, 30)


def _deemed_service(rule: Rule, a: Anchor, ctx: Context) -> Computed:
    cal = ctx.calendar
    if a.name == "posted":
        cls = ctx.options.get("post", "first")
        n = POST_DAYS[cls]
        d = cal.add_working_days(a.date, n)
        nth = f"{n}{'nd' if n == 2 else 'th'}"
        return Computed(
            d,
            f"posted {cls} class on {a.date.isoformat()}: deemed served on the {nth} working "
            "day after posting",
            (
                f"{cls.capitalize()} class post is deemed delivered on the {nth} working day after "
                f"posting: {iso(d)}.",
            ),
        )
    by = ctx.options.get("by", "hand")
    at = ctx.options.get("at")
    when = dt.time.fromisoformat(at) if at else None
    same_day = cal.is_working_day(a.date) and (when is None or when < CUT_OFF)
    d = a.date if same_day else cal.next_working_day(a.date)
    why = (
        "a working day before 16:30"
        if same_day
        else "not a working day before 16:30, so the next working day"
    )
    lines = [f"Delivered by {by} on {iso(a.date)}{' at ' + at if at else ''}: {why}: {iso(d)}."]
    if when is None:
        lines.append("No time given (--at): assumed before 16:30.")
    return Computed(d, f"delivered by {by} on {a.date.isoformat()} ({why})", tuple(lines))


def _no_date(rule: Rule, a: Anchor, ctx: Context) -> Computed:
    return Computed(None, f"{rule.wording} from {a.label}")


def _term_part_end(rule: Rule, a: Anchor, ctx: Context) -> Computed:
    msg = f"{rule.id} is computed from term dates by sendtime.sen_support, not from an anchor"
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


def _moved(d: dt.date, rolled: dt.date, ctx: Context) -> str:
    return f" ({d.isoformat()}), moved to {rolled.isoformat()}" if rolled != d else ""


def _tribunal_basis(d: dt.date, rolled: dt.date, ctx: Context) -> str:
    return " " + _tribunal_move(d, ctx)[1]


# How a roll is recorded in a step's basis (default: "(date), moved to rolled").
ROLL_BASIS: dict[Roll, RollBasisFn] = {Roll.TRIBUNAL: _tribunal_basis}


def _label(name: str, d: dt.date) -> str:
    what = INPUT_LABELS.get(name) or (name if "." in name else name.replace("_", " "))
    return f"{d.isoformat()} ({what})"


def _option(name: str) -> str:
    return "--" + name.replace("_", "-")


def _anchors(
    rule: Rule,
    given: Mapping[str, Sequence[dt.date]],
    dates: Mapping[str, dt.date | None],
    projected: Mapping[str, bool],
) -> list[Anchor]:
    for i, name in enumerate((rule.anchor, *rule.fallback)):
        if given.get(name):
            seq = given[name] if rule.repeat else given[name][:1]
            # Service alternatives (posted/delivered) and other alternative inputs are given,
            # not assumed.
            proj = (
                i > 0
                and rule.method is not Method.DEEMED_SERVICE
                and name not in GIVEN_ALTERNATIVES
            )
            return [Anchor(d, name, _label(name, d), proj) for d in seq]
        if name in dates and dates[name] is not None:
            d = dates[name]
            assert d is not None  # noqa: S101 - checked above
            proj = i > 0 or projected.get(name, False)
            return [Anchor(d, name, _label(name, d), proj)]
    return []


def _exception_rule(step_id: str) -> ExceptionRule | None:
    base = step_id.rsplit("-", 1)[0] if step_id[-1].isdigit() else step_id
    for e in EXCEPTIONS:
        if base in e.steps:
            return e
    return None


def _apply_exceptions(
    step: Step, rule: Rule, anchor: Anchor, exceptions: Sequence[RecordedException]
) -> Step:
    e = _exception_rule(step.id)
    if e is None or step.date is None or not exceptions:
        return step
    period = (anchor.date, step.date)
    remains = (
        "time limit disapplied; the duty to act as soon as practicable remains"
        if rule.asap
        else "time limit disapplied; the underlying duty remains"
    )
    notes = list(step.notes)
    for x in exceptions:
        rng = (x.start or period[0], x.end or period[1])
        overlap = periods.overlap_days(rng, period)
        where = f"{rng[0].isoformat()}..{rng[1].isoformat()}" if x.start else "the whole period"
        if x.kind is ExceptionKind.PERSONAL and overlap > 0:
            reason = f"exceptional personal circumstances ({where}) in the period tested"
            return replace(step, disapplied=Disapplied(e.personal, reason), notes=(*notes, remains))
        if x.kind is ExceptionKind.ABSENCE and overlap >= e.threshold_days:
            reason = (
                f"absence from the LA's area for {overlap} days of the period tested "
                f"({period[0].isoformat()} to {period[1].isoformat()}; {e.regulation} needs "
                f"{e.threshold_days})"
            )
            if not x.start:
                reason += "; no dates given, so assumed to cover the whole period"
            return replace(step, disapplied=Disapplied(e.absence, reason), notes=(*notes, remains))
        notes.append(
            f"recorded {x.kind.value} exception does not disapply this limit: it overlaps the "
            f"period tested ({period[0].isoformat()} to {period[1].isoformat()}) by {overlap} "
            f"days"
            + (
                f"; {e.regulation} needs {e.threshold_days}"
                if x.kind is ExceptionKind.ABSENCE
                else ""
            )
        )
    return replace(step, notes=tuple(notes))


def _status_notes(rule: Rule, d: dt.date | None, anchor: Anchor | None, cal: Calendar) -> list[str]:
    notes = list(rule.notes)
    if rule.confidence is Confidence.SECONDARY:
        notes.insert(0, SECONDARY_NOTE)
    if rule.asap:
        notes.append(ASAP_NOTE)
    if d is None:
        return notes
    statutory = rule.status is Status.STATUTORY and rule.kind is not Kind.PLANNING
    if statutory and rule.roll is Roll.NONE and not cal.is_working_day(d):
        notes.append(NO_ROLL_NOTE.format(weekday=WEEKDAYS[d.weekday()]))
    if anchor is not None:
        lo, hi = min(anchor.date, d), max(anchor.date, d)
        notes.extend(
            r.note
            for r in RELAXATIONS
            if any(c.source == r.source for c in rule.cites) and lo <= r.end and hi >= r.start
        )
    return notes


def unannounced_holidays_warning(
    dates: Iterable[dt.date | None], today: dt.date | None
) -> list[str]:
    """A warning when dates lie beyond the bank holidays announced so far (to the end of next year).

    One-off bank holidays (a jubilee, a state funeral) are announced months ahead at most, so
    later dates are computed from the regular holidays only.
    """
    if today is None:
        return []
    horizon = dt.date(today.year + 1, 12, 31)
    late = [d for d in dates if d is not None and d > horizon]
    if not late:
        return []
    return [
        f"dates after {horizon.isoformat()} use the regular bank holidays only: one-off holidays "
        "not yet announced may be missing (add them with --bank-holidays FILE)"
    ]


def relative_to_today(d: dt.date | None, today: dt.date | None) -> tuple[int | None, When | None]:
    """days_left and when (past; due within DUE_WINDOW_DAYS; upcoming) of a date, or Nones."""
    if d is None or today is None:
        return None, None
    left = (d - today).days
    if left < 0:
        return left, When.PAST
    return left, When.DUE if left <= DUE_WINDOW_DAYS else When.UPCOMING


def compute(
    process: str,
    given: Mapping[str, Sequence[dt.date]],
    *,
    calendar: Calendar | None = None,
    counting: Counting = Counting.EXCLUSIVE,
    options: Mapping[str, str] | None = None,
    exceptions: Sequence[RecordedException] = (),
    today: dt.date | None = None,
    step_ids: Iterable[str] | None = None,
    warnings: Sequence[str] = (),
) -> Timeline:
    """Compute a process's timeline from its given input dates.

    Args:
        process: the command name, e.g. "assess".
        given: input name -> dates given (most inputs take one date).
        calendar: working and school days (default: England and Wales, no terms).
        counting: how "within N days/weeks of X" periods count.
        options: non-date inputs some methods read (post class, delivery means and time).
        exceptions: recorded exceptions that may disapply limits.
        today: for days_left and when; never read from the clock here.
        step_ids: the rules to run (default: the process's own list).
        warnings: warnings the caller adds.

    Returns:
        The timeline, with every step's date, basis, citation and arithmetic.
    """
    cal = calendar or default_calendar()
    opts = dict(options or {})
    for name, ds in given.items():
        for d in ds:
            if d > LAST_DATE:
                msg = (
                    f"{_option(name)} {d.isoformat()} is after {LAST_DATE.isoformat()}, the last "
                    "date sendtime computes from"
                )
                raise BadInput(msg)
            if d < REGIME_START and name not in ("dob",):
                msg = (
                    f"{_option(name)} {d.isoformat()} is before 2014-09-01, when the SEND "
                    "Regulations 2014 came into force; sendtime does not compute the earlier regime"
                )
                raise BadInput(msg)
    ids = tuple(step_ids) if step_ids is not None else PROCESSES[process]
    dates: dict[str, dt.date | None] = {}
    bases: dict[str, str] = {}
    projected: dict[str, bool] = {}
    steps: list[Step] = []
    warns: list[str] = list(warnings)
    ctx = Context(cal, counting, opts, dates, bases)
    for rid in ids:
        rule = RULES_BY_ID[rid]
        if rule.method is Method.LATER_OF:
            # projected when the part that wins (the latest dated one) was projected
            dated = [(x, p) for p in rule.parts if (x := dates.get(p)) is not None]
            top = max((x for x, _ in dated), default=None)
            proj = any(projected.get(p, False) for x, p in dated if x == top)
            anchors = [Anchor(dt.date.min, "", "", projected=proj)]
        else:
            anchors = _anchors(rule, given, dates, projected)
        if not anchors:
            if rule.optional:
                continue
            dates[rule.id] = None
            needed = _needed(rule)
            if not rule.hidden:
                steps.append(_undated(rule, f"no date: give {needed or 'its trigger'}", cal))
            continue
        for k, a in enumerate(anchors):
            sid = rule.id if k == 0 else f"{rule.id}-{k + 1}"
            step = _one(rule, sid, a, ctx, exceptions, today, warns)
            dates[sid] = step.date
            bases[sid] = step.basis
            projected[sid] = step.projected
            if not rule.hidden:
                steps.append(step)
    if exceptions and not any(_exception_rule(s.id) for s in steps):
        statutory = ", ".join(s.id for s in steps if s.status is Status.STATUTORY)
        warns.append(f"no statutory exception applies to {statutory or process}; ignored")
    warns.extend(unannounced_holidays_warning([s.date for s in steps], today))
    if cal.nation.value != "england-and-wales":
        warns.append(
            f"bank holidays of {cal.nation.value} used at your request; the SEND Regulations "
            "apply in England, where England-and-Wales bank holidays count"
        )
    inputs = tuple(
        (name, ds[0].isoformat() if len(ds) == 1 else tuple(d.isoformat() for d in ds))
        for name, ds in given.items()
        if ds
    ) + tuple(opts.items())
    trigger_name = TRIGGERS.get(process, "")
    trigger = given[trigger_name][0] if given.get(trigger_name) else dates.get("service.deemed")
    return Timeline(
        trigger=trigger,
        process=process,
        inputs=inputs,
        counting=counting,
        calendar=cal.info,
        steps=tuple(steps),
        warnings=tuple(dict.fromkeys(warns)),
    )


def _undated(rule: Rule, basis: str, cal: Calendar) -> Step:
    return Step(
        id=rule.id,
        title=rule.title,
        date=None,
        kind=rule.kind,
        status=rule.status,
        confidence=rule.confidence,
        citation=rule.citation,
        basis=basis,
        notes=tuple(_status_notes(rule, None, None, cal)),
        explain=(f"Rule: {rule.citation}: {rule.wording}.", basis[0].upper() + basis[1:] + "."),
    )


def _one(
    rule: Rule,
    sid: str,
    a: Anchor,
    ctx: Context,
    exceptions: Sequence[RecordedException],
    today: dt.date | None,
    warns: list[str],
) -> Step:
    computed = METHODS[rule.method](rule, a, ctx)
    d = computed.date
    roll_lines: tuple[str, ...] = ()
    basis = computed.basis
    if d is not None:
        rolled, roll_lines, roll_warns = ROLLS[rule.roll](d, ctx)
        warns.extend(roll_warns)
        basis += ROLL_BASIS.get(rule.roll, _moved)(d, rolled, ctx)
        d = rolled
    warns.extend(computed.warnings)
    cal = ctx.calendar
    notes = _status_notes(rule, d, a if a.name else None, cal) + list(computed.notes)
    if a.projected:
        notes.insert(
            0,
            f"projected: the trigger was not given, so {a.label} was assumed"
            if a.label
            else "projected: it builds on a step whose trigger was not given",
        )
    explain = (
        f"Rule: {rule.citation}: {rule.wording}.",
        *(["Anchor: " + a.label + (" (projected)" if a.projected else "") + "."] if a.name else []),
        *computed.explain,
        *roll_lines,
        WORKING_DAY_WORDS.format(nation=cal.nation.value, source=cal.source),
        *[n[0].upper() + n[1:] + "." for n in notes],
    )
    days_left, when = relative_to_today(d, today)
    step = Step(
        id=sid,
        title=rule.title,
        date=d,
        kind=rule.kind,
        status=rule.status,
        confidence=rule.confidence,
        citation=rule.citation,
        basis=basis,
        projected=a.projected,
        notes=tuple(notes),
        explain=explain,
        days_left=days_left,
        when=when,
    )
    return _apply_exceptions(step, rule, a, exceptions) if a.name else step


# ------------------------------------------------------------------------- process functions
def _check_service(
    posted: dt.date | None,
    post: str | None,
    delivered: dt.date | None,
    by: str | None,
    at: str | None,
) -> dict[str, str]:
    if posted and delivered:
        raise BadInput("give --posted or --delivered, not both")
    opts: dict[str, str] = {}
    if posted:
        if post not in POST_DAYS:
            msg = (
                f"--post {post!r}: expected first or second"
                if post
                else "--posted needs --post first or --post second"
            )
            raise BadInput(msg)
        opts["post"] = post
    if delivered:
        if by not in ("hand", "email"):
            msg = (
                f"--by {by!r}: expected hand or email"
                if by
                else "--delivered needs --by hand or --by email"
            )
            raise BadInput(msg)
        opts["by"] = by
        if at is not None:
            try:
                dt.time.fromisoformat(at)
            except ValueError:
                msg = f"--at {at!r}: expected a time as HH:MM, e.g. 15:30"
                raise BadInput(msg) from None
            opts["at"] = at
    return opts


def _given(**kwargs: dt.date | Sequence[dt.date] | None) -> dict[str, Sequence[dt.date]]:
    out: dict[str, Sequence[dt.date]] = {}
    for k, v in kwargs.items():
        if v is None:
            continue
        out[k] = (v,) if isinstance(v, dt.date) else tuple(v)
    return out


def assess(
    request_received: dt.date | None = None,
    *,
    advice_requested: Sequence[dt.date] = (),
    draft_served: dt.date | None = None,
    consultation_sent: dt.date | None = None,
    posted: dt.date | None = None,
    post: str | None = None,
    delivered: dt.date | None = None,
    by: str | None = None,
    at: str | None = None,
    counting: Counting = Counting.EXCLUSIVE,
    calendar: Calendar | None = None,
    exceptions: Sequence[RecordedException] = (),
    today: dt.date | None = None,
) -> Timeline:
    """The 20-week EHC needs assessment timeline from the day the LA received the request.

    ``posted``/``delivered`` instead give the day the request was sent; the day it counts as
    received is then deemed (Interpretation Act 1978 s.7; CPR 6.26).
    """
    if request_received is None and posted is None and delivered is None:
        raise BadInput("give the request date, or --posted/--delivered")
    if request_received is not None and (posted or delivered):
        raise BadInput("give the request date or --posted/--delivered, not both")
    opts = _check_service(posted, post, delivered, by, at)
    given = _given(
        request_received=request_received,
        posted=posted,
        delivered=delivered,
        advice_requested=sorted(advice_requested) or None,
        draft_served=draft_served,
        consultation_sent=consultation_sent,
    )
    t = compute(
        "assess",
        given,
        calendar=calendar,
        counting=counting,
        options=opts,
        exceptions=exceptions,
        today=today,
    )
    return with_closure_checks(t, sorted(advice_requested), calendar or default_calendar())


def with_closure_checks(t: Timeline, requested: Sequence[dt.date], cal: Calendar) -> Timeline:
    """Fill closure_checks (reg 10(4)(a)/(b)) for advice request dates, from the term dates.

    An engaged check adds a "may be disapplied" note to each step whose regulation has a
    closure limb and whose tested period (anchor to date) contains the request date.
    """
    if not requested:
        return t
    if cal.terms is None:
        warn = "the reg 10(4)(a)/(b) closure test needs the setting's term dates: give --terms FILE"
        return replace(t, warnings=(*t.warnings, warn))
    checks = tuple(cal.terms.closure_check(d) for d in requested)
    steps = list(t.steps)
    if any(c.engaged for c in checks):
        # Steps whose regulation has exceptions but no closure limb (reg 8(2)): say so.
        no_limb = {s.id for s in steps if (e := _exception_rule(s.id)) and not e.closure}
        steps = [
            replace(s, notes=(*s.notes, NO_CLOSURE_LIMB_NOTE)) if s.id in no_limb else s
            for s in steps
        ]
    start = t.trigger
    for i, s in enumerate(steps):
        e = _exception_rule(s.id)
        if e is None or not e.closure or s.date is None or start is None:
            continue
        for c in checks:
            if c.engaged and c.closure and start <= c.advice_requested <= s.date:
                limb = e.closure.replace("(a)/(b)", "(b)" if c.limb.endswith("(b)") else "(a)")
                note = (
                    f"may be disapplied under {limb}: advice requested {c.advice_requested} "
                    f"within the window of the closure {c.closure.first_closed_day} to "
                    f"{periods.add_days(c.closure.reopens, -1)} (if impractical: a judgement)"
                )
                steps[i] = replace(s, notes=(*s.notes, note))
                break
    return replace(t, steps=tuple(steps), closure_checks=checks)


def draft(
    served: dt.date | None = None,
    *,
    consultation_sent: dt.date | None = None,
    posted: dt.date | None = None,
    post: str | None = None,
    delivered: dt.date | None = None,
    by: str | None = None,
    at: str | None = None,
    counting: Counting = Counting.EXCLUSIVE,
    calendar: Calendar | None = None,
    exceptions: Sequence[RecordedException] = (),
    today: dt.date | None = None,
) -> Timeline:
    """The parent's window on a draft plan: at least 15 days beginning with the day it was served.

    Give the day served, or when it was posted (``post`` first|second) or delivered (``by``
    hand|email, ``at`` HH:MM) to use deemed service.
    """
    if served is None and posted is None and delivered is None:
        raise BadInput("give the day the draft was served, or --posted/--delivered")
    if served is not None and (posted or delivered):
        raise BadInput("give the day served or --posted/--delivered, not both")
    opts = _check_service(posted, post, delivered, by, at)
    given = _given(
        draft_served=served, posted=posted, delivered=delivered, consultation_sent=consultation_sent
    )
    return compute(
        "draft",
        given,
        calendar=calendar,
        counting=counting,
        options=opts,
        exceptions=exceptions,
        today=today,
    )
