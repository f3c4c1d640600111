"""The engine: a RuleSet + inputs + Options -> a Timeline (compute), used by every process function.

Pure: no printing, no files, no clock. Every date comes from a Rule row of the RuleSet through
one function per Method and one per Roll (methods.py, or the RuleSet's own). Nothing here knows
a jurisdiction: rule ids, inputs and the law's words all come from the RuleSet.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import replace

from sendtime.engine import outcomes, periods
from sendtime.engine.calendars import Calendar
from sendtime.engine.errors import BadInput, option_name
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
    Confidence,
    Counting,
    DateRange,
    InputValue,
    Kind,
    Method,
    Nation,
    RecordedException,
    Rule,
    Status,
    Step,
    Timeline,
    When,
    status_of,
    weakest,
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
    flag_boundaries: bool = True,
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
        flag_boundaries: with done dates (``options.done``), also compute the other counting
            convention to flag outcomes it would change (that second pass turns this off).

    Returns:
        The timeline, with every step's date, basis, citation and arithmetic. With
        ``options.done``, a done date is the anchor of the steps that count from its step (and
        the input it is the same event as, ``ruleset.same_event``), and every step carries
        its outcome (:func:`check`).
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
    done = options.done_dates
    original = given
    if done is not None:
        given = _same_events(ruleset, process, given, done)
    dates: dict[str, dt.date | None] = {}
    bases: dict[str, str] = {}
    projected: dict[str, bool] = {}
    ranges: dict[str, DateRange] = {}
    confidence: dict[str, Confidence] = {}  # step id -> the confidence it carries on
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
            if done:
                anchors = [
                    a._replace(label=f"{a.date.isoformat()} ({a.name} done)")
                    if a.name in done
                    else a
                    for a in anchors
                ]
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
            step = _capped(ruleset, rule, step, a, confidence)
            first = given.get(trigger_name)
            if rule.in_force and first and first[0] < rule.in_force and rule.before_in_force:
                note = rule.before_in_force  # an earlier wording applied: say which
                step = replace(
                    step,
                    notes=(*step.notes, note),
                    explain=(*step.explain, note[0].upper() + note[1:] + "."),
                )
            confidence[sid] = step.confidence
            dates[sid] = step.date
            bases[sid] = step.basis
            projected[sid] = step.projected
            if step.date_range is not None:
                ranges[sid] = step.date_range
            if done and sid in done:  # what happened anchors what counts from it
                _check_done_anchor(sid, done[sid], step, a, given.get(trigger_name))
                dates[sid] = done[sid]
                projected[sid] = False
                ranges.pop(sid, None)  # a fact, not a presumption: no range carried on
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
    timeline = Timeline(
        trigger=trigger,
        process=process,
        inputs=inputs,
        counting=counting,
        calendar=cal.info,
        steps=tuple(steps),
        warnings=tuple(dict.fromkeys(warns)),
        done=options.done or (),
        jurisdiction=ruleset.name,
    )
    if done is None:
        return timeline
    timeline = check(ruleset, timeline, done, today=today, calendar=cal)
    if not flag_boundaries or not _near_counting_boundary(ruleset, timeline, done, today):
        return timeline
    other = Counting.INCLUSIVE if counting is Counting.EXCLUSIVE else Counting.EXCLUSIVE
    try:
        alt = compute(
            ruleset,
            process,
            original,
            options=replace(options, counting=other),
            values=values,
            step_ids=ids,
            warnings=warnings,
            flag_boundaries=False,
        )
    except BadInput:  # a done date before its anchor on the other reading only
        return timeline
    by_id = {s.id: s.outcome for s in alt.steps}
    return replace(
        timeline,
        steps=tuple(
            replace(
                s,
                outcome=outcomes.with_boundary(
                    s.outcome, by_id.get(s.id), this=counting.value, that=other.value
                ),
            )
            if s.outcome is not None
            else s
            for s in timeline.steps
        ),
    )


def _same_events(
    ruleset: RuleSet,
    process: str,
    given: Mapping[str, Sequence[dt.date]],
    done: Mapping[str, dt.date],
) -> dict[str, Sequence[dt.date]]:
    """The inputs with the done dates that are the same event (``ruleset.same_event``)."""
    out = dict(given)
    for sid, name in ruleset.same_event.get(process, {}).items():
        if sid not in done:
            continue
        if out.get(name) and out[name][0] != done[sid]:
            msg = (
                f"{option_name(name)} {out[name][0].isoformat()} and --done "
                f"{sid}={done[sid].isoformat()} name the same event but disagree"
            )
            raise BadInput(msg)
        out[name] = (done[sid],)
    return out


def _check_done_anchor(
    sid: str, when: dt.date, step: Step, a: Anchor, trigger: Sequence[dt.date] | None
) -> None:
    """Refuse a done date before the date its step counts from (a final plan before the request)."""
    start = a.date if a.name else (trigger[0] if trigger else None)
    label = a.label if a.name else (f"{start.isoformat()} (trigger)" if start else "")
    if start is None or step.date is None or step.date < start:
        return  # a step counted back from its anchor ("at least 2 weeks before") can precede it
    if when < start:
        msg = f"--done {sid}={when.isoformat()} is before {label}, the date it counts from"
        raise BadInput(msg)


def _near_counting_boundary(
    ruleset: RuleSet, t: Timeline, done: Mapping[str, dt.date], today: dt.date | None
) -> bool:
    """Whether the other counting convention could change an outcome (worth a second pass).

    The convention moves a "within N days/weeks" date (Method.WITHIN) by one day, and a step
    counted from one that was not done by as many days as the chain holds such periods. Only a
    step compared within that many days of its date can change, so only then is the other
    reading computed, by the same engine.
    """
    shift: dict[str, int] = {}
    for s in t.steps:
        r = ruleset.rules.get(_base(s.id))
        if r is None:
            continue
        names = (r.anchor, *r.fallback, *r.parts)
        up = max((shift.get(n, 0) for n in names if n not in done), default=0)
        k = shift[s.id] = up + (1 if r.method is Method.WITHIN else 0)
        o = s.outcome
        if k == 0 or o is None or s.date is None:
            continue
        ref = o.done or today
        if ref is not None and abs(periods.days_between(s.date, ref)) <= k:
            return True
    return False


def _base(step_id: str) -> str:
    return step_id.rsplit("-", 1)[0] if step_id[-1].isdigit() else step_id


def _anchors_others(ruleset: RuleSet, sid: str, timeline: Timeline) -> bool:
    """Whether another step of the timeline counts from this step."""
    names = {sid, _base(sid)}
    for other in timeline.steps:
        r = ruleset.rules.get(_base(other.id))
        if r is not None and names & {r.anchor, *r.fallback, *r.parts}:
            return True
    return False


def _also_done(ruleset: RuleSet, done: Mapping[str, dt.date], ids: set[str]) -> dict[str, dt.date]:
    """The done dates with the steps the same event also completes (``ruleset.also_done``)."""
    out = dict(done)
    for sid, when in done.items():
        for other in ruleset.also_done.get(sid, ()):
            if other in ids:
                out.setdefault(other, when)
    return out


_REMEDIES: dict[tuple[object, ...], tuple[Step, ...]] = {}


def _remedy_steps(
    ruleset: RuleSet,
    missed: Sequence[Step],
    done: Mapping[str, dt.date],
    today: dt.date | None,
    cal: Calendar,
) -> tuple[Step, ...]:
    """The remedy's steps, counted from the day after the earliest missed duty fell due."""
    remedy = ruleset.remedy
    assert remedy is not None  # noqa: S101 - checked by the caller
    first = min(missed, key=lambda s: (s.date or dt.date.max, s.id))
    assert first.date is not None  # noqa: S101 - missed duties are dated
    start = periods.add_days(first.date, 1)
    own = tuple(sorted((k, v) for k, v in done.items() if k in ruleset.remedy_steps))
    key = (ruleset.name, first.id, start, today, own, cal.info)
    steps = _REMEDIES.get(key)
    if steps is None:  # pure, and a caseload's missed duties share few dates: computed once each
        given = {remedy.input: (start,)}
        t = compute(ruleset, remedy.process, given, options=Options(today=today))
        extra = tuple(
            replace(
                s,
                basis=f"{s.basis}; the day after {first.id} fell due",
                notes=(*s.notes, remedy.note) if remedy.note else s.notes,
            )
            for s in t.steps
        )
        steps = outcomes.check_steps(
            extra, dict(own), today=today, calendar=cal, party_limits=ruleset.party_limits
        )
        if len(_REMEDIES) >= 8192:  # bounded (a few MB): memory stays flat over a caseload
            del _REMEDIES[next(iter(_REMEDIES))]
        _REMEDIES[key] = steps
    return steps


def check(
    ruleset: RuleSet,
    timeline: Timeline,
    done: Mapping[str, dt.date],
    *,
    today: dt.date | None,
    calendar: Calendar | None = None,
) -> Timeline:
    """The timeline's steps with outcomes against done dates and today.

    A done date moves the steps that count from its step; those moves happen when the timeline
    is computed (``Options.done``). Given a timeline computed without them, this refuses a done
    date that would move another step, rather than answer wrong.

    Raises:
        BadInput: a done step id not in the timeline, or one that other steps count from when
            the timeline was computed without it.
    """
    known = {s.id for s in timeline.steps} | ruleset.remedy_steps
    unknown = [sid for sid in done if sid not in known]
    if unknown:
        msg = (
            f"--done {unknown[0]}: no such step in this {timeline.process} timeline; expected "
            "one of " + ", ".join(s.id for s in timeline.steps if s.kind is not Kind.PLANNING)
        )
        raise BadInput(msg)
    computed_with = dict(timeline.done)
    moving = [
        sid
        for sid, d in done.items()
        if computed_with.get(sid) != d and _anchors_others(ruleset, sid, timeline)
    ]
    if moving:
        msg = (
            f"--done {moving[0]}: other steps count from it; compute the timeline with done= "
            f"(e.g. sendtime.{timeline.process}(..., done=...)) so they move with it"
        )
        raise BadInput(msg)
    cal = calendar or default_calendar(ruleset.nation)
    base = tuple(s for s in timeline.steps if s.id not in ruleset.remedy_steps)
    done = _also_done(ruleset, done, {s.id for s in base})
    steps = outcomes.check_steps(
        base,
        done,
        today=today,
        calendar=cal,
        alternatives=ruleset.alternatives,
        party_limits=ruleset.party_limits,
    )
    steps = tuple(outcomes.with_deemed_boundary(s, today=today, calendar=cal) for s in steps)
    missed = [
        s
        for s in steps
        if s.outcome is not None and s.outcome.needs_attention and s.date is not None
    ]
    if missed and ruleset.remedy is not None:
        steps = (*steps, *_remedy_steps(ruleset, missed, done, today, cal))
    return replace(timeline, steps=steps, done=tuple(sorted(done.items())), checked=True)


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


def _capped(
    ruleset: RuleSet, rule: Rule, step: Step, a: Anchor, confidence: Mapping[str, Confidence]
) -> Step:
    """Confidence never rises along a chain: a step is no surer than what it rests on.

    It rests on its own anchor when that is a step (a fallback instead makes it projected, which
    it says), on the dated parts of a later-of rule, and on the rules whose period it uses
    (``derives_from``). The weakest of these is the step's confidence, and its status follows.
    """
    if rule.method is Method.LATER_OF:
        rests = [p for p in rule.parts if p in confidence and step.date is not None]
    else:
        rests = [a.name] if a.name == rule.anchor and a.name in confidence else []
    rests += [r for r in rule.derives_from if r in ruleset.rules]
    if not rests:
        return step
    levels = {r: confidence.get(r) or ruleset.rules[r].confidence for r in rests}
    weak = weakest(step.confidence, *levels.values())
    if weak is step.confidence:
        return step
    why = ", ".join(f"{r} ({c.value})" for r, c in levels.items() if c is weak)
    note = f"{weak.value}: it rests on {why}, so it is no surer than that"
    return replace(step, confidence=weak, status=status_of(weak), notes=(*step.notes, note))


def given_dates(**kwargs: dt.date | Sequence[dt.date] | None) -> dict[str, Sequence[dt.date]]:
    """Keyword inputs as the engine's mapping: None left out, one date made a 1-tuple.

    Raises:
        TypeError: naming the parameter, when a value is not a ``datetime.date`` (a string,
            or a datetime, whose time of day the law does not count, is a caller's mistake).
    """
    out: dict[str, Sequence[dt.date]] = {}
    for k, v in kwargs.items():
        if v is None:
            continue
        values = (v,) if isinstance(v, dt.date | str) else tuple(v)
        for d in values:
            if not isinstance(d, dt.date) or isinstance(d, dt.datetime):
                msg = f"{k}: expected a datetime.date, got {type(d).__name__}"
                raise TypeError(msg)
        out[k] = values
    return out


def in_order(given: Mapping[str, Sequence[dt.date]], *pairs: tuple[str, str, str]) -> None:
    """Refuse an input dated before the one it must follow: (later, earlier, earlier's words).

    Raises:
        BadInput: "--later DATE is before WORDS; expected that day or later" (its field and
            problem name no date, so a batch row's message shows none).
    """
    for later, earlier, words in pairs:
        if later in given and earlier in given:
            first = min(given[earlier])
            for d in given[later]:
                if d < first:
                    problem = f"is before {words}; expected that day or later"
                    raise BadInput.about(later, d, problem)
