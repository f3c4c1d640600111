"""The engine: a RuleSet + inputs + Options -> a Timeline (compute), used by every process function.

Pure: no printing, no files, no clock. Every date comes from a Rule row of the RuleSet through
one function per Method and one per Roll (methods.py, or the RuleSet's own). Nothing here knows
a jurisdiction: rule ids, inputs and the law's words all come from the RuleSet.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import replace

from sendtime.engine.calendars import Calendar
from sendtime.engine.errors import BadInput
from sendtime.engine.methods import (
    METHODS,
    ROLL_BASIS,
    ROLLS,
    Anchor,
    Context,
    iso,
    moved_basis,
    needed_options,
)
from sendtime.engine.model import (
    DateRange,
    InputValue,
    Method,
    Nation,
    RecordedException,
    Rule,
    Status,
    Step,
    Timeline,
    When,
)
from sendtime.engine.notes import (
    apply_exceptions,
    carried_note,
    carried_range,
    status_notes,
)
from sendtime.engine.options import Options
from sendtime.engine.ruleset import RuleSet

LAST_DATE = dt.date(2199, 12, 31)  # bank holidays and date arithmetic stop well before 9999
DUE_WINDOW_DAYS = 14

_default_calendars: dict[Nation, Calendar] = {}


def default_calendar(nation: Nation = Nation.ENGLAND_AND_WALES) -> Calendar:
    """A shared calendar of a nation's bank holidays (no terms), built in memory on first use."""
    cal = _default_calendars.get(nation)
    if cal is None:
        cal = _default_calendars[nation] = Calendar(nation)
    return cal


def resolve(options: Options, ruleset: RuleSet) -> Options:
    """The options with the calendar filled in: the RuleSet's nation when none was given."""
    if options.calendar is not None:
        return options
    return replace(options, calendar=default_calendar(ruleset.nation))


def _label(ruleset: RuleSet, name: str, d: dt.date) -> str:
    what = ruleset.labels.get(name) or (name if "." in name else name.replace("_", " "))
    return f"{d.isoformat()} ({what})"


def _anchors(
    ruleset: RuleSet,
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
                and rule.method not in ruleset.presumed
                and name not in ruleset.given_alternatives
            )
            return [Anchor(d, name, _label(ruleset, name, d), proj) for d in seq]
        if name in dates and dates[name] is not None:
            d = dates[name]
            assert d is not None  # noqa: S101 - checked above
            proj = i > 0 or projected.get(name, False)
            return [Anchor(d, name, _label(ruleset, name, d), proj)]
    return []


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
    ruleset: RuleSet,
    process: str,
    given: Mapping[str, Sequence[dt.date]],
    *,
    options: Options,
    values: Mapping[str, str] | None = None,
    step_ids: Iterable[str] | None = None,
    warnings: Sequence[str] = (),
) -> Timeline:
    """Compute a process's timeline from its given input dates.

    Args:
        ruleset: the jurisdiction's rules, processes and mechanics.
        process: the command name, e.g. "assess".
        given: input name -> dates given (most inputs take one date).
        options: counting, calendar (default: the RuleSet's nation, no terms), recorded
            exceptions that may disapply limits, and today (for days_left and when; never read
            from the clock here).
        values: non-date inputs some methods read (post class, delivery means and time).
        step_ids: the rules to run (default: the process's own list).
        warnings: warnings the caller adds.

    Returns:
        The timeline, with every step's date, basis, citation and arithmetic.
    """
    cal = options.calendar or default_calendar(ruleset.nation)
    if cal.nation is not ruleset.nation:  # a law counts on its own jurisdiction's calendar
        raise BadInput(ruleset.texts.other_nation.format(nation=cal.nation.value))
    counting, exceptions, today = options.counting, options.exceptions, options.today
    opts = dict(values or {})
    trigger_name = ruleset.triggers.get(process, "")
    for name, ds in given.items():
        # The trigger is the command's positional date: named as such, not as an option.
        field = "date" if name == trigger_name else name
        for d in ds:
            if d > LAST_DATE:
                problem = f"is after {LAST_DATE.isoformat()}, the last date sendtime computes from"
                raise BadInput.about(field, d, problem)
            if d < ruleset.in_force and name not in ruleset.before_in_force_ok:
                problem = ruleset.texts.before_regime.format(start=ruleset.in_force.isoformat())
                raise BadInput.about(field, d, problem)
    ids = tuple(step_ids) if step_ids is not None else ruleset.processes[process]
    dates: dict[str, dt.date | None] = {}
    bases: dict[str, str] = {}
    projected: dict[str, bool] = {}
    ranges: dict[str, DateRange] = {}
    steps: list[Step] = []
    warns: list[str] = list(warnings)
    ctx = Context(cal, counting, opts, dates, bases, ruleset.rules, ruleset.units, ranges)
    for rid in ids:
        rule = ruleset.rules[rid]
        if rule.method is Method.LATER_OF:
            # projected when the part that wins (the latest dated one) was projected
            dated = [(x, p) for p in rule.parts if (x := dates.get(p)) is not None]
            top = max((x for x, _ in dated), default=None)
            proj = any(projected.get(p, False) for x, p in dated if x == top)
            anchors = [Anchor(dt.date.min, "", "", projected=proj)]
        else:
            anchors = _anchors(ruleset, rule, given, dates, projected)
        if not anchors:
            if rule.optional:
                continue
            dates[rule.id] = None
            needed = needed_options(rule)
            if not rule.hidden:
                basis = f"no date: give {needed or 'its trigger'}"
                steps.append(_undated(ruleset, rule, basis, cal))
            continue
        for k, a in enumerate(anchors):
            sid = rule.id if k == 0 else f"{rule.id}-{k + 1}"
            step = _one(ruleset, rule, sid, a, ctx, exceptions, today, warns)
            dates[sid] = step.date
            bases[sid] = step.basis
            projected[sid] = step.projected
            if step.date_range is not None:
                ranges[sid] = step.date_range
            if not rule.hidden:
                steps.append(step)
    if exceptions and not any(ruleset.exception_rule(s.id) for s in steps):
        statutory = ", ".join(s.id for s in steps if s.status is Status.STATUTORY)
        warns.append(f"no statutory exception applies to {statutory or process}; ignored")
    warns.extend(unannounced_holidays_warning([s.date for s in steps], today))
    inputs: tuple[tuple[str, InputValue], ...] = tuple(
        (name, ds[0] if len(ds) == 1 else tuple(ds)) for name, ds in given.items() if ds
    ) + tuple(opts.items())
    trigger = (
        given[trigger_name][0]
        if given.get(trigger_name)
        else next((x for sid in ruleset.trigger_steps if (x := dates.get(sid))), None)
    )
    return Timeline(
        trigger=trigger,
        process=process,
        inputs=inputs,
        counting=counting,
        calendar=cal.info,
        steps=tuple(steps),
        warnings=tuple(dict.fromkeys(warns)),
        jurisdiction=ruleset.name,
    )


def _undated(ruleset: RuleSet, rule: Rule, basis: str, cal: Calendar) -> Step:
    return Step(
        id=rule.id,
        title=rule.title,
        date=None,
        kind=rule.kind,
        status=rule.status,
        confidence=rule.confidence,
        citation=rule.citation,
        basis=basis,
        notes=tuple(status_notes(ruleset, rule, None, None, cal)),
        explain=(f"Rule: {rule.citation}: {rule.wording}.", basis[0].upper() + basis[1:] + "."),
    )


def _one(
    ruleset: RuleSet,
    rule: Rule,
    sid: str,
    a: Anchor,
    ctx: Context,
    exceptions: Sequence[RecordedException],
    today: dt.date | None,
    warns: list[str],
) -> Step:
    method = ruleset.methods.get(rule.method) or METHODS[rule.method]
    computed = method(rule, a, ctx)
    d = computed.date
    roll_lines: tuple[str, ...] = ()
    basis = computed.basis
    if d is not None:
        roll = ruleset.rolls.get(rule.roll) or ROLLS[rule.roll]
        rolled, roll_lines, roll_warns = roll(d, ctx)
        warns.extend(roll_warns)
        worded = ruleset.roll_basis.get(rule.roll) or ROLL_BASIS.get(rule.roll, moved_basis)
        basis += worded(d, rolled, ctx)
        d = rolled
    warns.extend(computed.warnings)
    cal = ctx.calendar
    notes = status_notes(ruleset, rule, d, a if a.name else None, cal) + list(computed.notes)
    date_range = computed.range
    range_lines: tuple[str, ...] = ()
    if date_range is None and d is not None:
        date_range = carried_range(ruleset, rule, a, ctx, d)
        if date_range is not None:
            notes.append(carried_note(date_range, rule.kind))
            r = date_range
            range_lines = (
                f"This date rests on a presumption. Earliest reading ({r.earliest_source}): "
                f"{iso(r.earliest)}, the date sendtime acts on. Latest reading "
                f"({r.latest_source}): {iso(r.latest)}.",
            )
    if a.projected:
        anchor_rule = ruleset.rules.get(a.name)
        presumed = anchor_rule is not None and anchor_rule.method in ruleset.presumed
        notes.insert(
            0,
            ruleset.texts.presumed_projection.format(anchor=a.label)
            if presumed
            else f"projected: the trigger was not given, so {a.label} was assumed"
            if a.label
            else "projected: it builds on a step whose trigger was not given",
        )
    explain = (
        f"Rule: {rule.citation}: {rule.wording}.",
        *(["Anchor: " + a.label + (" (projected)" if a.projected else "") + "."] if a.name else []),
        *computed.explain,
        *roll_lines,
        *range_lines,
        ruleset.texts.working_day.format(nation=cal.nation.value, source=cal.source),
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
        date_range=date_range,
    )
    step = apply_exceptions(ruleset, step, rule, a, exceptions) if a.name else step
    if said := [n for name, n in rule.anchor_notes if name == a.name]:
        step = replace(step, notes=(*step.notes, *said))
    return step


def given_dates(**kwargs: dt.date | Sequence[dt.date] | None) -> dict[str, Sequence[dt.date]]:
    """Keyword inputs as the engine's mapping: None left out, one date made a 1-tuple."""
    out: dict[str, Sequence[dt.date]] = {}
    for k, v in kwargs.items():
        if v is None:
            continue
        out[k] = (v,) if isinstance(v, dt.date) else tuple(v)
    return out
