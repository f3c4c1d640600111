"""The one place timeliness asks the engine whether a step was met.

"Within 20 weeks" and every other limit come from the rule rows (assess.decision, assess.no-plan,
assess.final, review.decision) computed by the engine, never from a period written here, and the
verdict is the check command's own outcome engine (``engine.outcomes.outcome_of``): one engine
for planning, auditing and the DfE's figures.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import StrEnum
from functools import lru_cache

from sendtime.engine.model import Counting, Step
from sendtime.engine.options import Options
from sendtime.engine.outcomes import outcome_of
from sendtime.engine.timeline import compute, default_calendar
from sendtime.law.england.rules import RULES_BY_ID
from sendtime.law.england.ruleset import ENGLAND


class Verdict(StrEnum):
    """What happened to a step, compared with its due date (the engine's outcome names)."""

    MET = "met"
    LATE = "late"
    OPEN = "open"
    OVERDUE = "overdue"


@dataclass(frozen=True, slots=True)
class Judged:
    """A step's due date and its outcome."""

    due: dt.date
    verdict: Verdict


@lru_cache(maxsize=65_536)
def due_step(step_id: str, trigger: dt.date, counting: Counting) -> Step:
    """The step from its rule row, for a trigger date (cached: a caseload repeats dates).

    Raises:
        BadInput: when the trigger is outside the dates the engine computes (before 2014-09-01).
    """
    rule = RULES_BY_ID[step_id]
    timeline = compute(
        ENGLAND,
        rule.process,
        {rule.anchor: (trigger,)},
        options=Options(counting=counting),
        step_ids=(step_id,),
    )
    step = timeline.step(step_id)
    if step.date is None:  # pragma: no cover - the four steps used here are all dated
        msg = f"{step_id}: no date from its anchor"
        raise AssertionError(msg)
    return step


_VERDICT_NAMES = frozenset(v.value for v in Verdict)  # the engine's names for the four used here


def judge(
    step_id: str,
    trigger: dt.date,
    done: dt.date | None,
    *,
    counting: Counting,
    today: dt.date | None = None,
) -> Judged:
    """Met or late (done given), open or overdue (not done, relative to today)."""
    step = due_step(step_id, trigger, counting)
    o = outcome_of(step, done, today=today, calendar=default_calendar(ENGLAND.nation))
    if (
        o is None or o.kind.value not in _VERDICT_NAMES
    ):  # pragma: no cover - dated statutory steps only
        msg = f"{step_id}: outcome {o.kind.value if o else None} is not a timeliness verdict"
        raise AssertionError(msg)
    assert step.date is not None  # noqa: S101 - due_step refuses an undated step
    return Judged(step.date, Verdict(o.kind.value))
