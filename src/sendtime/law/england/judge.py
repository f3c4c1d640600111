"""The one place timeliness asks the engine whether a step was met: a thin, switchable adapter.

"Within 20 weeks" and every other limit come from the rule rows (assess.decision, assess.no-plan,
assess.final, review.decision) computed by the engine, never from a period written here. Until the
outcome engine of the check command (issue 14) lands, the due date comes from ``compute`` for the
one step asked for and the comparison with the done date is the engine's met/late/open/overdue
rule: done on or before the due date is met. Switching to that API changes this module only.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import StrEnum
from functools import lru_cache

from sendtime.engine.model import Counting
from sendtime.engine.options import Options
from sendtime.engine.timeline import compute
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
def due_date(step_id: str, trigger: dt.date, counting: Counting) -> dt.date:
    """The step's date from its rule row, for a trigger date (cached: a caseload repeats dates).

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
    d = timeline.step(step_id).date
    if d is None:  # pragma: no cover - the four steps used here are all dated from their anchor
        msg = f"{step_id}: no date from its anchor"
        raise AssertionError(msg)
    return d


def judge(
    step_id: str,
    trigger: dt.date,
    done: dt.date | None,
    *,
    counting: Counting,
    today: dt.date | None = None,
) -> Judged:
    """Met or late (done given), open or overdue (not done, relative to today)."""
    due = due_date(step_id, trigger, counting)
    if done is not None:
        return Judged(due, Verdict.MET if done <= due else Verdict.LATE)
    if today is not None and today > due:
        return Judged(due, Verdict.OVERDUE)
    return Judged(due, Verdict.OPEN)
