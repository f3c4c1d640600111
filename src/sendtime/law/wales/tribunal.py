"""Wales: the appeal to the Education Tribunal for Wales (ETW Regulations 2021 reg 10, secondary).

The appeal must be received by the first working day after 8 weeks beginning with the day
notice of the decision and of the right to appeal was given; a referral to dispute resolution
(ALNET s.68) before those 8 weeks end adds a further 8 weeks.
"""

from __future__ import annotations

import datetime as dt
from typing import Unpack

from sendtime.engine.errors import BadInput
from sendtime.engine.model import Timeline
from sendtime.engine.options import OptionFields, Options
from sendtime.engine.periods import beginning_with
from sendtime.engine.timeline import compute, given_dates
from sendtime.law.wales.ruleset import WALES

NO_DATE_NOTE = (
    "referred to dispute resolution (date not given): the extension assumes the referral was "
    "made by {last}; give --referred DATE to check"
)
LATE_REFERRAL = (
    "--referred {referred}: the referral was after the 8 weeks ended ({last}), so it does not "
    "extend the time to appeal"
)


def appeal(
    notice_given: dt.date,
    *,
    dispute_resolution: bool = False,
    referred: dt.date | None = None,
    options: Options | None = None,
    **fields: Unpack[OptionFields],
) -> Timeline:
    """The appeal deadline, extended by 8 weeks after a referral to dispute resolution in time.

    Args:
        notice_given: the day notice of the decision and of the right to appeal was given.
        dispute_resolution: the disagreement was referred to dispute resolution (s.68) in time.
        referred: the day it was referred (implies dispute_resolution; checked against the 8
            weeks).
        options: counting, calendar, exceptions and today (or give them as keywords).
        **fields: the Options fields as keywords.

    Raises:
        BadInput: ``referred`` is before ``notice_given``.
    """
    if referred is not None and referred < notice_given:
        msg = f"--referred {referred.isoformat()} is before the notice was given"
        raise BadInput(msg)
    last = beginning_with(notice_given, 8 * 7)  # the last day of the 8 weeks
    warnings: list[str] = []
    extended = dispute_resolution or referred is not None
    if referred is not None and referred > last:
        warnings.append(LATE_REFERRAL.format(referred=referred.isoformat(), last=last.isoformat()))
        extended = False
    elif extended and referred is None:
        warnings.append(NO_DATE_NOTE.format(last=last.isoformat()))
    ids = WALES.processes["appeal"]
    if extended:
        ids = ("etw.dispute-resolution", "etw.extended", "etw.appeal")
    given = given_dates(notice_given=notice_given, referred=referred)
    return compute(
        WALES,
        "appeal",
        given,
        options=Options.of(options, **fields),
        values={"dispute_resolution": "referred"} if dispute_resolution else None,
        step_ids=ids,
        warnings=warnings,
    )
