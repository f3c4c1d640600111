"""The library's check(): outcomes for an England timeline already computed (issue 14)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping

from sendtime.engine.calendars import Calendar
from sendtime.engine.model import Timeline
from sendtime.engine.timeline import check as check_timeline
from sendtime.law.england.ruleset import ENGLAND


def check(
    timeline: Timeline,
    done: Mapping[str, dt.date],
    *,
    today: dt.date | None,
    calendar: Calendar | None = None,
) -> Timeline:
    """Outcomes for a timeline already computed: ``sendtime.check(t, done={...}, today=...)``.

    Each step's own date is compared with its done date (met iff done <= date) or with today
    (open or overdue). A done date that other steps count from must be given when the timeline
    is computed (the process functions' ``done=``), so those steps move with it; here it is
    refused (BadInput) rather than answered wrong.
    """
    return check_timeline(ENGLAND, timeline, done, today=today, calendar=calendar)
