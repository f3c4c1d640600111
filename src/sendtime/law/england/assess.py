"""The EHC needs assessment and the draft plan: assess and draft, with deemed service.

Pure: every date comes from rule rows through the engine's compute, with England's RuleSet.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import replace
from typing import Unpack

from sendtime.engine import periods
from sendtime.engine.calendars import Calendar
from sendtime.engine.errors import BadInput
from sendtime.engine.model import Timeline
from sendtime.engine.options import OptionFields, Options
from sendtime.engine.timeline import compute, given_dates, resolve
from sendtime.law.england.closures import closure_check
from sendtime.law.england.rules import NO_CLOSURE_LIMB_NOTE
from sendtime.law.england.ruleset import ENGLAND
from sendtime.law.england.service import POST_DAYS, Delivery, PostClass


def _hhmm(at: dt.time) -> str:
    return at.isoformat(timespec="minutes" if not at.second and not at.microsecond else "auto")


def check_service(
    posted: dt.date | None,
    post: PostClass | str | None,
    delivered: dt.date | None,
    by: Delivery | str | None,
    at: dt.time | str | None,
) -> dict[str, str]:
    """Check the service options (post class, delivery means and time); the options to keep.

    The library takes the enum members or their words, and ``at`` as a dt.time or HH:MM text.
    """
    if posted and delivered:
        raise BadInput("give --posted or --delivered, not both")
    opts: dict[str, str] = {}
    if posted:
        if post not in POST_DAYS:
            if post:
                raise BadInput.about("post", post, ": expected first or second")
            msg = "--posted needs --post first or --post second"
            raise BadInput(msg, field="post", problem="needed with posted: first or second")
        opts["post"] = PostClass(post).value
    if delivered:
        if by not in tuple(Delivery):
            if by:
                raise BadInput.about("by", by, ": expected hand or email")
            msg = "--delivered needs --by hand or --by email"
            raise BadInput(msg, field="by", problem="needed with delivered: hand or email")
        opts["by"] = Delivery(by).value
        if at is not None:
            when = at if isinstance(at, dt.time) else parse_time(at)
            opts["at"] = at if isinstance(at, str) else _hhmm(when)
    return opts


def parse_time(text: str) -> dt.time:
    """A time of delivery as HH:MM (the CLI's --at), or BadInput naming it."""
    try:
        return dt.time.fromisoformat(text)
    except ValueError:
        raise BadInput.about("at", text, ": expected a time as HH:MM, e.g. 15:30") from None


def assess(
    request_received: dt.date | None = None,
    *,
    advice_requested: Sequence[dt.date] = (),
    draft_served: dt.date | None = None,
    consultation_sent: dt.date | None = None,
    posted: dt.date | None = None,
    post: PostClass | str | None = None,
    delivered: dt.date | None = None,
    by: Delivery | str | None = None,
    at: dt.time | str | None = None,
    options: Options | None = None,
    **fields: Unpack[OptionFields],
) -> Timeline:
    """The 20-week EHC needs assessment timeline from the day the LA received the request.

    ``posted``/``delivered`` instead give the day the request was sent; the day it counts as
    received is then deemed (Interpretation Act 1978 s.7), as a range: the earliest reading
    (IPSEA model letter 9) is the date acted on, the latest (Practice Direction [1985]; CPR 6.26
    for hand and email) is carried in each step's ``date_range``. ``options`` (or the keywords
    counting, calendar, exceptions, today) say how to compute.
    """
    if request_received is None and posted is None and delivered is None:
        raise BadInput("give the request date, or --posted/--delivered")
    if request_received is not None and (posted or delivered):
        raise BadInput("give the request date or --posted/--delivered, not both")
    opts = check_service(posted, post, delivered, by, at)
    given = given_dates(
        request_received=request_received,
        posted=posted,
        delivered=delivered,
        advice_requested=sorted(advice_requested) or None,
        draft_served=draft_served,
        consultation_sent=consultation_sent,
    )
    o = resolve(Options.of(options, **fields), ENGLAND)
    t = compute(ENGLAND, "assess", given, options=o, values=opts)
    assert o.calendar is not None  # noqa: S101 - resolve fills it
    return with_closure_checks(t, sorted(advice_requested), o.calendar)


def with_closure_checks(t: Timeline, requested: Sequence[dt.date], cal: Calendar) -> Timeline:
    """Fill closure_checks (reg 10(4)(a)/(b)) for advice request dates, from the term dates.

    An engaged check adds a "may be disapplied" note to each step whose regulation has a
    closure limb and whose tested period (anchor to date) contains the request date.
    """
    if not requested:
        return t
    if cal.terms is None:
        warn = "the reg 10(4)(a)/(b) closure test needs the setting's term dates: give --terms FILE"
        return replace(t, warnings=(*t.warnings, warn))
    checks = tuple(closure_check(cal.terms, d) for d in requested)
    steps = list(t.steps)
    if any(c.engaged for c in checks):
        # Steps whose regulation has exceptions but no closure limb (reg 8(2)): say so.
        no_limb = {s.id for s in steps if (e := ENGLAND.exception_rule(s.id)) and not e.closure}
        steps = [
            replace(s, notes=(*s.notes, NO_CLOSURE_LIMB_NOTE)) if s.id in no_limb else s
            for s in steps
        ]
    start = t.trigger
    for i, s in enumerate(steps):
        e = ENGLAND.exception_rule(s.id)
        if e is None or not e.closure or s.date is None or start is None:
            continue
        for c in checks:
            if c.engaged and c.closure and start <= c.advice_requested <= s.date:
                limb = e.closure.replace("(a)/(b)", "(b)" if c.limb.endswith("(b)") else "(a)")
                note = (
                    f"may be disapplied under {limb}: advice requested {c.advice_requested} "
                    f"within the window of the closure {c.closure.first_closed_day} to "
                    f"{periods.add_days(c.closure.reopens, -1)} (if impractical: a judgement)"
                )
                steps[i] = replace(s, notes=(*s.notes, note))
                break
    return replace(t, steps=tuple(steps), closure_checks=checks)


def draft(
    served: dt.date | None = None,
    *,
    consultation_sent: dt.date | None = None,
    posted: dt.date | None = None,
    post: PostClass | str | None = None,
    delivered: dt.date | None = None,
    by: Delivery | str | None = None,
    at: dt.time | str | None = None,
    options: Options | None = None,
    **fields: Unpack[OptionFields],
) -> Timeline:
    """The parent's window on a draft plan: at least 15 days beginning with the day it was served.

    Give the day served, or when it was posted (``post`` first|second) or delivered (``by``
    hand|email, ``at`` HH:MM) to use deemed service.
    """
    if served is None and posted is None and delivered is None:
        raise BadInput("give the day the draft was served, or --posted/--delivered")
    if served is not None and (posted or delivered):
        raise BadInput("give the day served or --posted/--delivered, not both")
    opts = check_service(posted, post, delivered, by, at)
    given = given_dates(
        draft_served=served, posted=posted, delivered=delivered, consultation_sent=consultation_sent
    )
    return compute(ENGLAND, "draft", given, options=Options.of(options, **fields), values=opts)
