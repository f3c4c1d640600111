"""--format chronology: a dated, plain-words account of every duty, to paste into a letter.

For each step with an outcome: the date the law set, what the law requires (its words and
citation), what happened, and by how much it was late. It names the exceptions the LA may rely
on and says it is not legal advice. Plain text, no Rich: it is meant to be copied.
"""

from __future__ import annotations

import datetime as dt

from sendtime.engine.model import WEEKDAYS, OutcomeKind, Step, Timeline
from sendtime.engine.outcomes import summary_line
from sendtime.law.england.processes import title
from sendtime.law.england.rules import DISCLAIMER
from sendtime.law.england.ruleset import ENGLAND
from sendtime.render.table import input_text


def _day(d: dt.date | None) -> str:
    if d is None:
        return "no date"
    return f"{d.isoformat()} ({WEEKDAYS[d.weekday()]})"


def _base(step_id: str) -> str:
    return step_id.rsplit("-", 1)[0] if step_id[-1].isdigit() else step_id


def _n(k: int | None, unit: str = "day") -> str:
    return f"1 {unit}" if k == 1 else f"{k} {unit}s"


def _happened(s: Step) -> str:
    o = s.outcome
    assert o is not None  # noqa: S101 - only steps with outcomes are written
    done = f"done on {_day(s.done)}" if s.done else "not recorded as done"
    if o.kind is OutcomeKind.MET:
        text = f"{done}: on time."
    elif o.kind is OutcomeKind.LATE:
        text = f"{done}: {_n(o.days_late)} late ({_n(o.working_days_late, 'working day')})."
    elif o.kind is OutcomeKind.OVERDUE:
        text = f"{done}; {_n(o.days_overdue)} overdue."
    elif o.kind is OutcomeKind.OPEN:
        left = f"; {_n(o.days_left)} left" if o.days_left is not None else ""
        text = f"{done}; not yet due{left}."
    elif o.kind is OutcomeKind.DISAPPLIED:
        late = o.days_late if o.days_late is not None else o.days_overdue
        text = f"{done}; {_n(late)} after the date, but the time limit is disapplied."
    elif o.kind is OutcomeKind.NOT_APPLICABLE:
        return f"Not applicable ({o.note.removeprefix('not applicable: ')})."
    else:
        text = f"{done}; the law's date cannot be worked out from what was given."
    return f"{text} Note: {o.note}." if o.note else text


def timeline_chronology(t: Timeline) -> str:
    """The chronology of a checked timeline as plain text (LF line ends)."""
    inputs = "; ".join(f"{k.replace('_', ' ')} {input_text(v)}" for k, v in t.inputs)
    lines = [
        f"Chronology: {title(t.process)} ({inputs})",
        "",
        DISCLAIMER,
        f"Dates counted {t.counting.value} of the trigger day, on {t.calendar.bank_holidays} "
        f"bank holidays ({t.calendar.source}).",
        "",
    ]
    if t.checked:
        lines += [f"In short: {summary_line(t.steps)}.", ""]
    dated = [s for s in t.steps if s.outcome is not None]
    dated.sort(key=lambda s: (s.date is None, s.date or s.done or 0, s.id))
    for s in dated:
        rule = ENGLAND.rules.get(_base(s.id))
        words = f'"{rule.wording}"' if rule is not None else s.basis
        kind = "" if s.outcome and s.outcome.statutory else " (guidance, not a statutory duty)"
        when = _day(s.date) if s.date else "no date"
        lines += [
            f"{when}: {s.title}{kind}",
            f"    The law: {words} ({s.citation}); here: {s.basis}.",
            f"    What happened: {_happened(s)}",
            "",
        ]
    exceptions = [
        (s.id, e) for s in t.steps if s.outcome and (e := ENGLAND.exception_rule(s.id)) is not None
    ]
    if exceptions:
        lines.append("Exceptions the LA may rely on (they disapply a time limit, never move it):")
        for sid, e in exceptions:
            limbs = [
                f"exceptional personal circumstances ({e.personal})",
                f"absence from the LA's area of at least {e.threshold_days} days ({e.absence})",
            ]
            if e.closure:
                limbs.append(f"a school or setting closure of 4 weeks or more ({e.closure})")
            lines.append(f"- {sid}, {e.regulation}: {'; '.join(limbs)}.")
        lines.append("")
    return "\n".join(lines).rstrip("\n") + "\n"
