"""What a step says besides its date: status notes, recorded exceptions, carried presumptions.

Used by compute (timeline.py) as it builds each step. Pure; every word of the law comes from the
RuleSet (its exception regulations, relaxations and texts).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import replace

from sendtime.engine import periods
from sendtime.engine.calendars import Calendar
from sendtime.engine.methods import METHODS, ROLLS, Anchor, Context
from sendtime.engine.model import (
    WEEKDAYS,
    Confidence,
    DateRange,
    Disapplied,
    ExceptionKind,
    Kind,
    Method,
    RecordedException,
    Roll,
    Rule,
    Status,
    Step,
)
from sendtime.engine.ruleset import RuleSet

NO_ROLL_NOTE = "falls on a non-working day ({weekday}); no statutory roll-forward"


def apply_exceptions(
    ruleset: RuleSet,
    step: Step,
    rule: Rule,
    anchor: Anchor,
    exceptions: Sequence[RecordedException],
) -> Step:
    """The step with a recorded exception applied: disapplied with its limb, or a note why not."""
    e = ruleset.exception_rule(step.id)
    if e is None or step.date is None or not exceptions:
        return step
    period = (anchor.date, step.date)
    remains = (
        ruleset.texts.asap_remains
        if rule.asap
        else "time limit disapplied; the underlying duty remains"
    )
    notes = list(step.notes)
    for x in exceptions:
        rng = (x.start or period[0], x.end or period[1])
        overlap = periods.overlap_days(rng, period)
        where = f"{rng[0].isoformat()}..{rng[1].isoformat()}" if x.start else "the whole period"
        limb = {
            ExceptionKind.PERSONAL: e.personal,
            ExceptionKind.ABSENCE: e.absence,
            ExceptionKind.BEYOND_CONTROL: e.beyond_control,
        }[x.kind]
        if not limb:  # the regulation does not list this reason
            notes.append(
                f"recorded {x.kind.value} exception does not disapply this limit: "
                f"{e.regulation} lists no such reason"
            )
            continue
        if x.kind is ExceptionKind.BEYOND_CONTROL and overlap > 0:
            reason = (
                f"circumstances beyond the body's control ({where}) made it impractical to meet "
                "the time limit"
            )
            return replace(step, disapplied=Disapplied(limb, reason), notes=(*notes, remains))
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


def status_notes(
    ruleset: RuleSet, rule: Rule, d: dt.date | None, anchor: Anchor | None, cal: Calendar
) -> list[str]:
    """A step's notes from its rule: secondary source, asap, non-working day, relaxations."""
    notes = list(rule.notes)
    if rule.confidence is Confidence.SECONDARY:  # the row names its source, else the generic note
        notes.insert(
            0, f"secondary source: {rule.secondary}" if rule.secondary else ruleset.texts.secondary
        )
    if rule.asap:
        notes.append(ruleset.texts.asap)
    if d is None:
        return notes
    if rule.roll is Roll.NONE and not cal.is_working_day(d):
        why = cal.holiday_name(d) if d.weekday() < 5 else None  # the reason, not "Friday"
        day = why or WEEKDAYS[d.weekday()]
        if rule.status is Status.STATUTORY and rule.kind is not Kind.PLANNING:
            notes.append(NO_ROLL_NOTE.format(weekday=day))
        elif rule.kind is Kind.PLANNING:
            notes.append(f"falls on a non-working day ({day}): plan for the working day before")
    if anchor is not None and rule.status is Status.STATUTORY:  # relaxed limits were the law's
        lo, hi = min(anchor.date, d), max(anchor.date, d)
        notes.extend(
            r.note
            for r in ruleset.relaxations
            if any(c.source == r.source for c in rule.cites) and lo <= r.end and hi >= r.start
        )
    return notes


def carried_range(
    ruleset: RuleSet, rule: Rule, a: Anchor, ctx: Context, d: dt.date
) -> DateRange | None:
    """The range a step inherits when it counts from a presumption (a deemed date).

    The step's own date came from the earliest end; the latest end is counted the same way from
    the anchor's latest end (for a later-of step: the later of its parts' latest ends).
    """
    if rule.method is Method.LATER_OF:
        parts = [p for p in rule.parts if ctx.dates.get(p) is not None]
        carried = [ctx.ranges[p] for p in parts if p in ctx.ranges]
        if not carried:
            return None
        base = carried[0]
        ends = [ctx.ranges[p].latest if p in ctx.ranges else ctx.dates[p] for p in parts]
        late: dt.date | None = max(e for e in ends if e is not None)
    else:
        found = ctx.ranges.get(a.name)
        if found is None:
            return None
        base = found
        method = ruleset.methods.get(rule.method) or METHODS[rule.method]
        late = method(rule, a._replace(date=base.latest), ctx).date
    if late is None:
        return None
    roll = ruleset.rolls.get(rule.roll) or ROLLS[rule.roll]
    late = roll(late, ctx)[0]
    return DateRange(d, late, base.earliest_source, base.latest_source)


def carried_note(r: DateRange, kind: Kind) -> str:
    """The note of a step that counts from a presumed date: the latest reading's date."""
    if r.earliest == r.latest:
        return f"rests on a presumed date; both published readings give {r.earliest.isoformat()}"
    note = (
        f"rests on a presumed date: {r.latest.isoformat()} on the latest reading "
        f"({r.latest_source}); sendtime acts on the earliest, {r.earliest.isoformat()}"
    )
    if kind is Kind.MINIMUM:  # the period someone is given: whoever gives it waits for its end
        note += f" (whoever gives this period should not treat it as over before {r.latest})"
    return note
