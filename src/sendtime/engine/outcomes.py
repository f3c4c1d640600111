"""Outcomes: a step's date compared with the day it was done, or with today (issue 14).

Pure functions from a computed Step, a done date, today and a calendar to an immutable Outcome.
The date compared is the step's own date from the rule table: there is no second
implementation of any period here. A done date also anchors the steps that count from it; that
happens in timeline.compute, which then calls :func:`check_steps`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import replace
from typing import Protocol

from sendtime.engine import periods
from sendtime.engine.model import Kind, Outcome, OutcomeKind, Status, Step


class WorkingDays(Protocol):
    """What an outcome needs of a calendar: working days between two dates."""

    def working_days_between(self, a: dt.date, b: dt.date) -> int:
        """Working days in (a, b]."""
        ...


def binds(step: Step) -> bool:
    """Whether a step gets an outcome: every dated or undated step except planning steps."""
    return step.kind is not Kind.PLANNING


def outcome_of(
    step: Step,
    done: dt.date | None,
    *,
    today: dt.date | None,
    calendar: WorkingDays,
    moot: str | None = None,
) -> Outcome | None:
    """The outcome of one step: met, late, open, overdue, disapplied, undated or not-applicable.

    Args:
        step: the computed step (its date already counts from any done anchor).
        done: the day it actually happened, or None if it has not (yet) been done.
        today: tells open from overdue; None leaves a not-done step open with no days_left.
        calendar: counts working_days_late.
        moot: why the step no longer applies (e.g. "assess.final done on 2024-09-10"), if so.

    Returns:
        None for planning steps (they bind no one); otherwise the Outcome. met iff done <= date;
        days_late = done - date in calendar days; working_days_late = working days in
        (date, done]. An exception that disapplies the limit turns late/overdue into disapplied.
    """
    if not binds(step):
        return None
    statutory = step.status is Status.STATUTORY
    if moot is not None:
        return Outcome(OutcomeKind.NOT_APPLICABLE, done=done, statutory=statutory, note=moot)
    d = step.date
    if d is None:
        note = "no date to compare with: " + step.basis
        return Outcome(OutcomeKind.UNDATED, done=done, statutory=statutory, note=note)
    why = f"{step.disapplied.limb}: {step.disapplied.reason}" if step.disapplied else ""
    if done is not None:
        if done <= d:
            return Outcome(OutcomeKind.MET, done=done, statutory=statutory)
        late = periods.days_between(d, done)
        kind = OutcomeKind.DISAPPLIED if step.disapplied else OutcomeKind.LATE
        return Outcome(
            kind,
            done=done,
            days_late=late,
            working_days_late=calendar.working_days_between(d, done),
            statutory=statutory,
            note=why,
        )
    assumed = step.projected
    if today is None:
        note = "not done; no today given"
        return Outcome(OutcomeKind.OPEN, statutory=statutory, note=note, assumed=assumed)
    if today > d:
        kind = OutcomeKind.DISAPPLIED if step.disapplied else OutcomeKind.OVERDUE
        if assumed:
            why = (
                f"{why}; projected from an assumed trigger"
                if why
                else ("projected from an assumed trigger: give its date, or its done date")
            )
        return Outcome(
            kind,
            days_overdue=periods.days_between(d, today),
            statutory=statutory,
            note=why,
            assumed=assumed,
        )
    left = periods.days_between(today, d)
    return Outcome(OutcomeKind.OPEN, days_left=left, statutory=statutory, assumed=assumed)


_COPIED = tuple(f for f in Step.__slots__ if f not in ("done", "outcome"))


def with_outcome(step: Step, done: dt.date | None, outcome: Outcome | None) -> Step:
    """The step with its done date and outcome: dataclasses.replace without its checks.

    A caseload asks for this once per step of every row; replace's per-field work was a tenth of
    `check`'s time.
    """
    new = object.__new__(Step)
    for name in _COPIED:
        object.__setattr__(new, name, getattr(step, name))
    object.__setattr__(new, "done", done)
    object.__setattr__(new, "outcome", outcome)
    return new


def moot_reasons(
    done: Mapping[str, dt.date], alternatives: Mapping[str, tuple[str, ...]]
) -> dict[str, str]:
    """Steps made moot by a done step (the final plan issued moots the no-plan notice), and why.

    A step that was itself done is never moot: both outcomes are then shown.
    """
    out: dict[str, str] = {}
    for sid, when in sorted(done.items(), key=lambda kv: kv[1]):
        for other in alternatives.get(sid, ()):
            if other not in done:
                out.setdefault(other, f"not applicable: {sid} was done on {when.isoformat()}")
    return out


def check_steps(
    steps: Iterable[Step],
    done: Mapping[str, dt.date],
    *,
    today: dt.date | None,
    calendar: WorkingDays,
    alternatives: Mapping[str, tuple[str, ...]] = {},
    party_limits: Mapping[str, str] = {},
) -> tuple[Step, ...]:
    """Every step with its done date and outcome (planning steps get none).

    ``party_limits`` names the steps that limit the parent or young person rather than bind the
    LA (id -> whose limit): their outcome has ``duty`` False and says so.
    """
    moot = moot_reasons(done, alternatives)
    out = []
    for s in steps:
        o = outcome_of(s, done.get(s.id), today=today, calendar=calendar, moot=moot.get(s.id))
        whose = party_limits.get(s.id)
        if o is not None and whose:
            note = f"{whose}, not a duty on the LA"
            o = replace(o, duty=False, note=f"{o.note}; {note}" if o.note else note)
        when = done.get(s.id)
        out.append(s if o is None and when is None else with_outcome(s, when, o))
    return tuple(out)


def with_boundary(outcome: Outcome, other: Outcome | None, *, this: str, that: str) -> Outcome:
    """Flag an outcome whose kind another reading (``that``) of the same rule would change.

    ``other`` is the outcome of the same step computed (by the same engine) under the other
    reading, e.g. inclusive counting, or the latest end of a deemed date's range.
    """
    if other is None or other.kind is outcome.kind:
        return outcome
    note = f"{outcome.label} on the {this} reading, {other.label} on the {that}"
    joined = f"{outcome.note}; {note}" if outcome.note else note
    return replace(outcome, boundary=True, note=joined)


def needs_attention(steps: Iterable[Step]) -> bool:
    """Any statutory duty late or overdue (exit code 4)."""
    return any(s.outcome is not None and s.outcome.needs_attention for s in steps)


def summary_line(steps: Iterable[Step]) -> str:
    """One line summing up the statutory duties, e.g. "2 duties late, 1 overdue; 3 met, 1 open".

    Guidance and practice steps, the parent's own limits, and steps not done whose date rests
    on an assumed trigger are left out.
    """
    counts: dict[OutcomeKind, int] = {}
    for s in steps:
        o = s.outcome
        if o is not None and o.statutory and o.duty and not o.assumed:
            counts[o.kind] = counts.get(o.kind, 0) + 1
    bad = [
        f"{counts[k]} {'duty' if counts[k] == 1 else 'duties'} {k.value}"
        if i == 0
        else f"{counts[k]} {k.value}"
        for i, k in enumerate(k for k in (OutcomeKind.LATE, OutcomeKind.OVERDUE) if counts.get(k))
    ]
    rest = [
        f"{counts[k]} {k.value}"
        for k in (
            OutcomeKind.MET,
            OutcomeKind.OPEN,
            OutcomeKind.DISAPPLIED,
            OutcomeKind.NOT_APPLICABLE,
            OutcomeKind.UNDATED,
        )
        if counts.get(k)
    ]
    head = ", ".join(bad) if bad else "no statutory duty late or overdue"
    return f"{head}; {', '.join(rest)}" if rest else head


def with_deemed_boundary(step: Step, *, today: dt.date | None, calendar: WorkingDays) -> Step:
    """Flag an outcome that the latest end of a deemed date's range would change.

    The range is the engine's own (``step.date_range``, both published readings carried on from
    the deemed day); only the date compared changes.
    """
    r = step.date_range
    o = step.outcome
    if r is None or o is None or r.latest == step.date or o.kind is OutcomeKind.NOT_APPLICABLE:
        return step
    latest = outcome_of(replace(step, date=r.latest), step.done, today=today, calendar=calendar)
    flagged = with_boundary(o, latest, this="earliest deemed", that="latest deemed")
    return step if flagged is o else with_outcome(step, step.done, flagged)
