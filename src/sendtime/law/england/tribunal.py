"""Moves between LAs, re-assessment, mediation, Tribunal appeals and orders: process functions.

Every date comes from the rule rows of rules.py through timeline.compute. What is added here is
only what the user gives outright: a Tribunal direction (reg 44(1)) or a timescale agreed in
writing (reg 42(5)) replaces a step's date, and is cited as such.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import replace
from enum import StrEnum
from typing import Unpack

from sendtime.engine.errors import BadInput
from sendtime.engine.methods import iso
from sendtime.engine.model import Step, Timeline
from sendtime.engine.options import OptionFields, Options
from sendtime.engine.timeline import compute, given_dates, relative_to_today, resolve
from sendtime.law.england.rules import ORDER_STEPS
from sendtime.law.england.ruleset import ENGLAND


class OrderType(StrEnum):
    """What a Tribunal order (reg 44(2)) or a mediation agreement (reg 42) requires (--type)."""

    ASSESS = "assess"
    MAKE_PLAN = "make-plan"
    RECONSIDER = "reconsider"
    AMEND = "amend"
    SCHOOL = "school"
    CONTINUE = "continue"
    CONTINUE_AMEND = "continue-amend"
    CEASE = "cease"
    OTHER = "other"  # mediation only: a matter that is not appealable (reg 42(3))


# --type -> the reg 44(2) steps it emits (the last one is what a direction replaces).
ORDER_TYPES: dict[OrderType, tuple[str, ...]] = {
    OrderType.ASSESS: ("assess-notify", "no-plan", "assess-final"),
    OrderType.MAKE_PLAN: ("draft", "final"),
    OrderType.RECONSIDER: ("reconsider",),
    OrderType.AMEND: ("amend",),
    OrderType.SCHOOL: ("school",),
    OrderType.CONTINUE: ("continue",),
    OrderType.CONTINUE_AMEND: ("continue", "continue-amend"),
    OrderType.CEASE: ("cease",),
}
# --type with --unopposed -> the reg 45 steps; reg 45 sets no period for the others.
UNOPPOSED_TYPES: dict[OrderType, tuple[str, ...]] = {
    OrderType.ASSESS: ("assess-notify", "no-plan", "assess-final"),
    OrderType.MAKE_PLAN: ("draft", "final"),
    OrderType.AMEND: ("amend",),
    OrderType.SCHOOL: ("school",),
}
MEDIATION_TYPES: dict[OrderType, tuple[str, ...]] = {**ORDER_TYPES, OrderType.OTHER: ()}
_WEEKS = {sfx: weeks for sfx, _, _, weeks, _ in ORDER_STEPS}


def _type(value: OrderType | str, allowed: Sequence[OrderType]) -> OrderType:
    """--type: one of the allowed order types (the enum member or its word)."""
    if value not in allowed:
        raise BadInput.about("type", value, f": expected one of {', '.join(allowed)}")
    return OrderType(value)


def _replace_date(
    t: Timeline, step_id: str, new: dt.date, citation: str, why: str, today: dt.date | None
) -> Timeline:
    """Give one step a date the user fixed (a direction, an agreed timescale), citing it."""
    steps: list[Step] = []
    for s in t.steps:
        if s.id != step_id:
            steps.append(s)
            continue
        was = f"the regulation's date would be {s.date.isoformat()}" if s.date else "no date"
        days_left, when = relative_to_today(new, today)
        steps.append(
            replace(
                s,
                date=new,
                citation=f"{citation}; {s.citation}",
                basis=f"{why}: {new.isoformat()} ({was})",
                projected=False,
                notes=(f"{why}; {was}", *s.notes),
                explain=(f"{why}: {iso(new)}; {was}.", *s.explain),
                days_left=days_left,
                when=when,
            )
        )
    return replace(t, steps=tuple(steps))


def appeal(
    decision_sent: dt.date,
    *,
    certificate: dt.date | None = None,
    adviser_informed: dt.date | None = None,
    mediation_requested: dt.date | None = None,
    la_told_adviser: dt.date | None = None,
    mediation_ended: dt.date | None = None,
    options: Options | None = None,
    **fields: Unpack[OptionFields],
) -> Timeline:
    """Mediation and the Tribunal appeal deadline from the day the decision letter was sent.

    ``appeal.deadline`` is the later of D + 2 months and certificate + 1 month (HESC r.20(1)(c)),
    moved by r.12(3)(a) when that day is 25 December-1 January or in August (to the first
    working day after 1 January / 31 August), else by r.12(2) when it is not a working day.
    Steps whose trigger is not given are listed without a date.
    """
    if certificate is not None and certificate < decision_sent:
        raise BadInput.about("certificate", certificate, "is before the decision was sent")
    given = given_dates(
        decision_sent=decision_sent,
        certificate=certificate,
        adviser_informed=adviser_informed,
        mediation_requested=mediation_requested,
        la_told_adviser=la_told_adviser,
        mediation_ended=mediation_ended,
    )
    o = Options.of(options, **fields)
    return compute(
        ENGLAND,
        "appeal",
        given,
        options=o,
    )


def order(
    order_date: dt.date,
    *,
    type: OrderType | str,  # the CLI's --type, named as docs/reference/cli.md names it
    unopposed: bool | str = False,
    tribunal_direction: dt.date | None = None,
    order_sent: dt.date | None = None,
    options: Options | None = None,
    **fields: Unpack[OptionFields],
) -> Timeline:
    """What the LA must do after a Tribunal order (reg 44(2)) or an unopposed appeal (reg 45).

    ``order_date`` is the date of the order, or with ``unopposed`` the date the LA told the
    Tribunal it would not oppose. ``tribunal_direction`` replaces the date of the order's last
    step (reg 44(1): "subject to ... any direction"); ``order_sent`` adds the same periods
    counted from the day the order was sent (GOV.UK guidance), beside the regulation's.
    """
    if isinstance(unopposed, str):
        flag = unopposed.strip().lower()
        if flag not in ("", "true", "false", "yes", "no", "1", "0", "y", "n"):
            msg = f"unopposed {unopposed!r}: expected true or false"
            raise BadInput(msg)
        unopposed = flag in ("true", "yes", "1", "y")
    kind = _type(type, tuple(ORDER_TYPES))
    warnings: list[str] = []
    if unopposed:
        if kind not in UNOPPOSED_TYPES:
            msg = (
                f"--type {kind} with --unopposed: reg 45 sets periods only for "
                f"{', '.join(UNOPPOSED_TYPES)}"
            )
            raise BadInput(msg)
        ids = tuple(f"unopposed.{s}" for s in UNOPPOSED_TYPES[kind])
        given = given_dates(la_told_tribunal=order_date)
        if order_sent is not None:
            warnings.append("--order-sent applies to Tribunal orders, not reg 45; ignored")
    else:
        sfx = ORDER_TYPES[kind]
        ids = tuple(f"order.{s}" for s in sfx) + tuple(
            f"order.{s}-sent" for s in sfx if _WEEKS[s] and order_sent is not None
        )
        given = given_dates(order_date=order_date, order_sent=order_sent)
    if order_sent is not None and order_sent < order_date:
        raise BadInput.about("order_sent", order_sent, "is before the order date")
    o = Options.of(options, **fields)
    t = compute(
        ENGLAND,
        "order",
        given,
        values={"type": kind.value, **({"unopposed": "true"} if unopposed else {})},
        step_ids=ids,
        warnings=warnings,
        options=o,
    )
    t = replace(t, trigger=order_date)
    if tribunal_direction is not None:
        last = ids[len(ORDER_TYPES[kind] if not unopposed else UNOPPOSED_TYPES[kind]) - 1]
        t = _replace_date(
            t,
            last,
            tribunal_direction,
            f"First-tier Tribunal direction ({tribunal_direction.isoformat()})",
            "date set by a direction of the First-tier Tribunal (reg 44(1))",
            o.today,
        )
        t = replace(t, inputs=(*t.inputs, ("tribunal_direction", tribunal_direction)))
    return t


def mediation(
    agreement_date: dt.date,
    *,
    type: OrderType | str = OrderType.OTHER,  # the CLI's --type
    la_not_party: bool = False,
    agreed_date: dt.date | None = None,
    options: Options | None = None,
    **fields: Unpack[OptionFields],
) -> Timeline:
    """What follows a mediation agreement (reg 42).

    ``type`` names the appealable matter agreed (the reg 44 order types: its periods run from
    the agreement, reg 42(2)) or ``other`` for a non-appealable matter (2 weeks, reg 42(3)).
    ``la_not_party`` adds the commissioning body's 1-week notice to the LA (reg 42(4)).
    ``agreed_date`` is a timescale agreed in writing (reg 42(5)): it replaces the date of the
    last reg 42(2)/(3) step, never the reg 42(4) notice.
    """
    kind = _type(type, tuple(MEDIATION_TYPES))
    sfx = MEDIATION_TYPES[kind] or ("other",)
    ids = tuple(f"mediation.{s}" for s in sfx)
    if la_not_party:
        ids += ("mediation.health-notify",)
    o = Options.of(options, **fields)
    t = compute(
        ENGLAND,
        "mediation",
        given_dates(agreement_date=agreement_date),
        values={"type": kind.value},
        step_ids=ids,
        options=o,
    )
    if agreed_date is not None:
        t = _replace_date(
            t,
            f"mediation.{sfx[-1]}",
            agreed_date,
            f"timescale agreed in writing ({agreed_date.isoformat()}), reg 42(5)",
            "date agreed in writing by the parties (reg 42(5))",
            o.today,
        )
        t = replace(t, inputs=(*t.inputs, ("agreed_date", agreed_date)))
    return t


def move(
    move_date: dt.date,
    *,
    aware: dt.date | None = None,
    transfer_date: dt.date | None = None,
    plan_date: dt.date | None = None,
    options: Options | None = None,
    **fields: Unpack[OptionFields],
) -> Timeline:
    """A plan moving with the family to a new LA (reg 15), from the day of the move M.

    ``move.transfer`` is M when the old LA became aware (``aware``) on or before the 15th
    working day before M (M not counted), or when ``aware`` is not given; otherwise the 15th
    working day beginning with the day it became aware. ``move.review`` is the later of the
    end of the 12 months starting with ``plan_date`` and the end of the 3 months beginning
    with the transfer.
    """
    o = resolve(Options.of(options, **fields), ENGLAND)
    cal = o.calendar
    assert cal is not None  # noqa: S101 - resolve fills it
    given = given_dates(
        move_date=move_date, aware=aware, transfer_date=transfer_date, plan_date=plan_date
    )
    t = compute(ENGLAND, "move", given, options=o)
    if aware is None:
        return t
    w = cal.add_working_days(move_date, -15)
    on_time = aware <= w
    line = (
        f"The 15th working day before {iso(move_date)} (the move not counted) is {iso(w)}; "
        f"the old LA became aware on {iso(aware)}, "
        + (
            "on or before it: reg 15(2)(a), transfer on the day of the move."
            if on_time
            else "after it: reg 15(2)(b), within 15 working days beginning with that day."
        )
    )
    steps = tuple(
        replace(s, explain=(*s.explain[:1], line, *s.explain[1:])) if s.id == "move.transfer" else s
        for s in t.steps
    )
    return replace(t, steps=steps)


def reassess(
    request_received: dt.date,
    *,
    notified: dt.date | None = None,
    la_decided: dt.date | None = None,
    options: Options | None = None,
    **fields: Unpack[OptionFields],
) -> Timeline:
    """Re-assessment of an EHC plan (regs 25, 27) from the day the request was received.

    ``reassess.final`` runs 14 weeks from the reg 25(1) notification (``notified``) or the
    LA's own decision under CFA s.44(3) (``la_decided``); with neither, it is projected from
    ``reassess.decision``.
    """
    if notified is not None and la_decided is not None:
        raise BadInput("give --notified or --la-decided, not both")
    given = given_dates(request_received=request_received, notified=notified, la_decided=la_decided)
    o = Options.of(options, **fields)
    return compute(
        ENGLAND,
        "reassess",
        given,
        options=o,
    )
