"""Wales: deciding on ALN and the IDP, the Regulations' periods and the review (process functions).

Every date comes from a row of sendtime.law.wales.rules through the engine's compute; these
functions only check their inputs and pick the rows a command runs.
"""

from __future__ import annotations

import datetime as dt
from typing import Unpack

from sendtime.engine.errors import BadInput
from sendtime.engine.model import Timeline
from sendtime.engine.options import OptionFields, Options
from sendtime.engine.timeline import compute, given_dates
from sendtime.law.wales.ruleset import WALES

# --by -> the step the IDP decision takes: the school's, the college's or the LA's period.
IDP_BODIES: dict[str, str] = {"school": "idp.school", "fei": "idp.fei", "la": "idp.la"}


def _run(
    process: str,
    trigger: dt.date,
    options: Options | None,
    fields: OptionFields,
    *,
    step_ids: tuple[str, ...] | None = None,
) -> Timeline:
    given = given_dates(**{WALES.triggers[process]: trigger})
    return compute(WALES, process, given, options=Options.of(options, **fields), step_ids=step_ids)


def idp(
    brought_to_attention: dt.date,
    *,
    by: str = "school",
    options: Options | None = None,
    **fields: Unpack[OptionFields],
) -> Timeline:
    """The decision on ALN and the IDP, by a school (35 school days), an FEI or the LA.

    ``brought_to_attention`` is the day it was brought to the body's attention (or otherwise
    appeared to it) that the child or young person may have ALN; for a young person at a school
    or college, the day they consented to the decision being made. School and college periods
    count the setting's school days: give a calendar with its term dates.

    Raises:
        BadInput: ``by`` is not school, fei or la.
        NeedsMoreData: a school-day count without term dates, or beyond them (exit 3).
    """
    if by not in IDP_BODIES:
        msg = f"--by {by!r}: expected one of {', '.join(IDP_BODIES)}"
        raise BadInput(msg)
    return _run("idp", brought_to_attention, options, fields, step_ids=(IDP_BODIES[by],))


def reconsider(
    requested: dt.date, *, options: Options | None = None, **fields: Unpack[OptionFields]
) -> Timeline:
    """The LA's reconsideration of a school's decision on ALN (ALNET s.26; Code: 7 weeks)."""
    return _run("reconsider", requested, options, fields)


def not_necessary(
    consented: dt.date, *, options: Options | None = None, **fields: Unpack[OptionFields]
) -> Timeline:
    """The LA's decision that an IDP is not necessary for a young person (reg 10(3))."""
    return _run("not-necessary", consented, options, fields)


def nhs_referral(
    received: dt.date, *, options: Options | None = None, **fields: Unpack[OptionFields]
) -> Timeline:
    """The NHS body's answer to a s.20 referral, from the day it received it (reg 11(2))."""
    return _run("nhs-referral", received, options, fields)


def cease_reconsider(
    notified: dt.date, *, options: Options | None = None, **fields: Unpack[OptionFields]
) -> Timeline:
    """The last day to ask the LA to reconsider a school's decision to cease the IDP (reg 12)."""
    return _run("cease-reconsider", notified, options, fields)


def fei_transfer(
    received: dt.date, *, options: Options | None = None, **fields: Unpack[OptionFields]
) -> Timeline:
    """The end of an FEI's period to agree to maintain an IDP the LA asked it to (reg 13(2))."""
    return _run("fei-transfer", received, options, fields)


def review(
    plan_given: dt.date, *, options: Options | None = None, **fields: Unpack[OptionFields]
) -> Timeline:
    """The IDP's review, before the end of the 12-month period starting with ``plan_given``.

    ``plan_given`` is the day a copy of the plan was given (s.23(2)); for a later period, the
    day a revised plan or notice of a decision not to revise was given (s.23(3)).
    """
    return _run("review", plan_given, options, fields)
