"""Local rules over England's steps: the engine's local-rule functions, bound to England."""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection, Sequence

from sendtime.engine import localrules
from sendtime.engine.calendars import Calendar
from sendtime.engine.localrules import LocalRule
from sendtime.engine.model import Timeline
from sendtime.law.england.ruleset import ENGLAND


def known_anchors() -> frozenset[str]:
    """Every id a local rule may anchor on besides other local rules (England's steps)."""
    return localrules.known_anchors(ENGLAND)


def validate(
    rules: Sequence[LocalRule], *, known: Collection[str] | None = None, what: str = "--rules"
) -> tuple[LocalRule, ...]:
    """Check local rules against England's rule table (see sendtime.engine.localrules.validate)."""
    return localrules.validate(rules, ruleset=ENGLAND, known=known, what=what)


def apply_local_rules(
    timeline: Timeline,
    rules: Sequence[LocalRule],
    *,
    calendar: Calendar,
    today: dt.date | None = None,
    what: str = "--rules",
) -> Timeline:
    """Append local steps to a timeline of England's processes.

    See sendtime.engine.localrules.apply_local_rules: statutory steps never change; a local
    step follows each rule whose anchor chain reaches a step of the timeline or its trigger.
    """
    return localrules.apply_local_rules(
        timeline, rules, ruleset=ENGLAND, calendar=calendar, today=today, what=what
    )
