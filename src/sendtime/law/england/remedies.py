"""Remedies after a duty is missed: the Local Government and Social Care Ombudsman's time limit.

Pure: the date comes from the ombudsman.complaint rule row through timeline.compute.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from typing import Unpack

from sendtime.engine import periods
from sendtime.engine.model import Step, Timeline
from sendtime.engine.options import OptionFields, Options
from sendtime.engine.timeline import compute, given_dates
from sendtime.law.england.rules import OMBUDSMAN_FROM_DUTY_NOTE
from sendtime.law.england.ruleset import ENGLAND


def ombudsman(
    first_notice: dt.date, *, options: Options | None = None, **fields: Unpack[OptionFields]
) -> Timeline:
    """The last day to complain to the Ombudsman: 12 months beginning with first notice.

    ``first_notice`` is the day the person affected first had notice of the matter (LGA 1974
    s.26B(2)(a)); the period ends the day before the corresponding date 12 months on.
    """
    o = Options.of(options, **fields)
    return compute(ENGLAND, "ombudsman", given_dates(first_notice=first_notice), options=o)


def ombudsman_step(
    duty: Step,
    *,
    first_notice: dt.date | None = None,
    options: Options | None = None,
    **fields: Unpack[OptionFields],
) -> Step | None:
    """The Ombudsman step for a late or overdue duty (None when the duty has no date).

    Without ``first_notice`` the period is counted from the day after the duty's date: the
    earliest day anyone can have known it was missed, so the earliest (safe) end.
    """
    o = Options.of(options, **fields)
    if first_notice is not None:
        return ombudsman(first_notice, options=o).step("ombudsman.complaint")
    if duty.date is None:
        return None
    step = ombudsman(periods.add_days(duty.date, 1), options=o).step("ombudsman.complaint")
    return replace(
        step,
        notes=(*step.notes, OMBUDSMAN_FROM_DUTY_NOTE),
        basis=f"{step.basis}; the day after {duty.id} fell due",
    )
