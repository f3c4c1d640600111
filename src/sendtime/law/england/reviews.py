"""Annual reviews, amendments and phase transfers: process functions over the rule table.

Pure: every date comes from a Rule row through timeline.compute. This module only chooses the
inputs and steps of each command and adds the warnings and notes that depend on them.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from enum import StrEnum
from typing import Unpack

from sendtime.engine import periods
from sendtime.engine.errors import BadInput, choose
from sendtime.engine.model import Confidence, Status, Timeline, YearGroup
from sendtime.engine.options import OptionFields, Options
from sendtime.engine.timeline import compute
from sendtime.law.england.ruleset import ENGLAND
from sendtime.law.england.school_year import (
    academic_year_start,
    check_year_group,
    year_group_on,
)
from sendtime.law.england.service import PostClass

LAST_MEETING_WARNING = (
    "review period counted from the last review meeting (--last-meeting): this gives an "
    "earlier, safe end; the period really starts on the day the LA notified its decision after "
    "that review"
)
PFA_NOTE = (
    "Year {year} at the meeting ({academic}): from Year 9 the review must consider "
    "preparation for adulthood (regs 20(6), 21(6))"
)
NO_PFA_NOTE = (
    "Year {year} at the meeting ({academic}): preparation for adulthood is required from "
    "Year 9 (regs 20(6), 21(6))"
)
AMEND_WARNING = (
    "an amendment outside a review follows the reg 22 procedure (applied to amendments at "
    "other times by a regulation to verify, believed reg 28)"
)


class TransferKind(StrEnum):
    """The kind of move (--kind): which reg 18 date applies, or none for a move that is not one."""

    SCHOOL = "school"  # reg 18(1)(b): before 15 February
    POST16 = "post16"  # reg 18(1)(a): before 31 March
    POST16_OTHER = "post16-other"  # reg 18(1)(a) other cases: 5 months before the transfer
    SIXTH_FORM = "sixth-form"  # not a transfer between phases
    APPRENTICESHIP = "apprenticeship"  # not a transfer between phases
    UNKNOWN = "unknown"  # destination unknown


# --kind -> the transfer step it computes.
TRANSFER_KINDS: dict[TransferKind, str] = {
    TransferKind.SCHOOL: "transfer.school",
    TransferKind.POST16: "transfer.post16",
    TransferKind.POST16_OTHER: "transfer.post16-other",
    TransferKind.SIXTH_FORM: "transfer.post16-guidance",
    TransferKind.APPRENTICESHIP: "transfer.post16-guidance",
    TransferKind.UNKNOWN: "transfer.post16-guidance",
}
# The kinds that are not a transfer between phases, and what the timeline says of them.
NOT_A_TRANSFER: dict[TransferKind, str] = {
    TransferKind.SIXTH_FORM: (
        "staying in a school's sixth form, or moving to another school's sixth form, is not a "
        "transfer between phases (a post-16 institution is not a school, CFA s.83(2)): no reg 18 "
        "date; 30 March shown as guidance (CoP 9.179)"
    ),
    TransferKind.APPRENTICESHIP: (
        "an apprenticeship is not a transfer between phases under reg 2(1): no reg 18 date; "
        "30 March shown as guidance (CoP 9.179)"
    ),
    TransferKind.UNKNOWN: (
        "destination unknown: no reg 18 date can be fixed; 30 March shown as guidance, as many "
        "LAs aim for 31 March (CoP 9.179)"
    ),
}
BACKWARD_PLAN = (
    "transfer.deadline",
    "transfer.latest-notice",
    "transfer.latest-decision",
    "transfer.latest-meeting",
    "transfer.invitations",
    "transfer.advice-circulated",
)


def _academic(day: dt.date) -> str:
    y = academic_year_start(day)
    return f"{y}-{(y + 1) % 100:02d}"


def _add_note(t: Timeline, step_id: str, note: str) -> Timeline:
    steps = tuple(replace(s, notes=(*s.notes, note)) if s.id == step_id else s for s in t.steps)
    return replace(t, steps=steps)


def review(
    plan_date: dt.date | None = None,
    *,
    last_meeting: dt.date | None = None,
    meeting: dt.date | None = None,
    notice_sent: dt.date | None = None,
    dob: dt.date | None = None,
    year_group: int | None = None,
    options: Options | None = None,
    **fields: Unpack[OptionFields],
) -> Timeline:
    """The annual review of an EHC plan from P, the first day of the current 12-month period.

    P is the date the plan was first made, or the date the LA notified its decision after the
    last review (CFA s.44(1)). ``last_meeting`` may stand in for P (an earlier, safe end).
    ``meeting`` and ``notice_sent`` replace the projected meeting and amendment notice.
    """
    if plan_date is None and last_meeting is None:
        raise BadInput("give P_DATE (the start of the review period) or --last-meeting")
    if plan_date is not None and last_meeting is not None:
        raise BadInput("give P_DATE or --last-meeting, not both")
    if meeting is not None and meeting < (plan_date or last_meeting or meeting):
        raise BadInput.about("meeting", meeting, "is before the start of the review period")
    if dob is not None and dob > (plan_date or last_meeting or dob):
        raise BadInput("--dob is after the start of the review period")
    if year_group is not None:
        check_year_group(year_group)
    warnings = [LAST_MEETING_WARNING] if last_meeting else []
    start = plan_date or last_meeting
    assert start is not None  # noqa: S101 - checked above
    early = (
        start if dob is not None and start < periods.add_months(dob, 60) else None
    )  # under 5 on the first day of the period
    given = {
        k: (v,)
        for k, v in {
            "plan_date": plan_date,
            "last_meeting": last_meeting,
            "meeting": meeting,
            "notice_sent": notice_sent,
            "dob": dob,
            "early_years": early,
        }.items()
        if v is not None
    }
    o = Options.of(options, **fields)
    t = compute(
        ENGLAND,
        "review",
        given,
        warnings=warnings,
        options=o,
    )
    if year_group is not None:
        t = replace(t, inputs=(*t.inputs, ("year_group", str(year_group))))
    end = t.step("review.period-end").date
    latest = t.step("review.latest-meeting").date
    decision = t.step("review.decision").date
    if meeting is not None and end is not None and decision is not None and decision > end:
        t = replace(
            t,
            warnings=(
                *t.warnings,
                f"the meeting on {meeting.isoformat()} is after the latest meeting "
                f"({latest.isoformat() if latest else '-'}): the LA's 4-week decision "
                f"({decision.isoformat()}) may fall after the review period ends "
                f"({end.isoformat()})",
            ),
        )
    if meeting is not None and end is not None and meeting > end:
        # A late meeting happens: the dates that follow from it still matter, and it is said.
        late = (
            f"the meeting on {meeting.isoformat()} is after the review period ended "
            f"({end.isoformat()}): the review is already late (CFA s.44(1))"
        )
        t = replace(t, warnings=(*t.warnings, late))
    calendar = o.calendar
    terms = calendar.terms if calendar is not None else None
    if (
        meeting is not None
        and calendar is not None
        and terms is not None
        and terms.covers(meeting)
        and not calendar.is_school_day(meeting)
    ):
        warn = f"--meeting {meeting.isoformat()} is not a school day of {terms.label}"
        t = replace(t, warnings=(*t.warnings, warn))
    on = meeting or latest
    if on is not None and (year_group is not None or dob is not None):
        year = year_group if year_group is not None else year_group_on(dob or on, on)
        note = (PFA_NOTE if year >= 9 else NO_PFA_NOTE).format(year=year, academic=_academic(on))
        t = _add_note(t, "review.latest-meeting", note)
        t = replace(t, year_group=YearGroup(year, preparation_for_adulthood=year >= 9))
    return t


def amend(
    notice_sent: dt.date,
    *,
    served: dt.date | None = None,
    posted: dt.date | None = None,
    post: PostClass | str | None = None,
    options: Options | None = None,
    **fields: Unpack[OptionFields],
) -> Timeline:
    """An amendment outside a review, from N, the day the amendment notice was sent (reg 22).

    ``served`` (or ``posted`` with ``post`` first|second, for deemed service) gives S, the day
    the representations period begins; without either S = N (same-day service assumed).
    """
    if served is not None and posted is not None:
        raise BadInput("give --served or --posted, not both")
    from sendtime.law.england.assess import check_service

    opts = check_service(posted, post, None, None, None)
    for name, d in (("--served", served), ("--posted", posted)):
        if d is not None and d < notice_sent:
            msg = (
                f"{name} {d.isoformat()} is before the notice was sent ({notice_sent.isoformat()})"
            )
            raise BadInput(msg)
    given = {
        k: (v,)
        for k, v in {"notice_sent": notice_sent, "served": served, "posted": posted}.items()
        if v is not None
    }
    # Counted from the day sent when only that is known: the rule row says so (anchor_notes).
    o = Options.of(options, **fields)
    return compute(ENGLAND, "amend", given, values=opts, warnings=[AMEND_WARNING], options=o)


def transfer(
    year: int | None = None,
    *,
    kind: TransferKind | str,
    transfer_date: dt.date | None = None,
    options: Options | None = None,
    **fields: Unpack[OptionFields],
) -> Timeline:
    """A phase transfer (reg 18): the transfer deadline and the backward plan to meet it.

    ``kind``: school (before 15 February), post16 (before 31 March), post16-other (at least 5
    months before ``transfer_date``), or a destination that is not a transfer between phases
    (sixth-form, apprenticeship, unknown: 30 March as guidance). ``year`` is the calendar year
    of the transfer; it may come from ``transfer_date``.
    """
    kind = choose(TransferKind, kind, "--kind")
    step = TRANSFER_KINDS[kind]
    year_given = year is not None
    if year is None and transfer_date is not None:
        year = transfer_date.year
    if kind is not TransferKind.POST16_OTHER and year is None:
        msg = f"YEAR is needed for --kind {kind} (the calendar year of the transfer)"
        raise BadInput(msg)
    if year is not None and transfer_date is not None and transfer_date.year != year:
        raise BadInput.about("transfer_date", transfer_date, f"is not in YEAR {year}")
    if year is not None and not 2015 <= year <= 2100:
        msg = f"YEAR {year}: expected a year from 2015 (the 2014 Regulations) to 2100"
        raise BadInput(msg)
    warnings = [NOT_A_TRANSFER[kind]] if kind in NOT_A_TRANSFER else []
    given: dict[str, tuple[dt.date, ...]] = {}
    if kind is TransferKind.POST16_OTHER:
        if transfer_date is not None:
            given["transfer_date"] = (transfer_date,)
    else:
        assert year is not None  # noqa: S101 - checked above
        given["transfer_year"] = (dt.date(year, 1, 1),)
        if transfer_date is not None:
            given["transfer_date"] = (transfer_date,)
    o = Options.of(options, **fields)
    t = compute(
        ENGLAND,
        "transfer",
        given,
        step_ids=(step, *BACKWARD_PLAN),
        warnings=warnings,
        options=o,
    )
    f = t.step(step).date
    if transfer_date is not None and f is not None and kind is not TransferKind.POST16_OTHER:
        fixed = periods.add_days(f, 1)
        if transfer_date <= fixed:
            t = replace(
                t,
                warnings=(
                    *t.warnings,
                    f"the transfer on {transfer_date.isoformat()} is on or before "
                    f"{fixed.day} {fixed:%B} (e.g. a January Reception entry): the reg 18 date "
                    "of this calendar year cannot come before it; review well ahead of the move",
                ),
            )
    if kind in NOT_A_TRANSFER:
        # No reg 18 date: the plan worked back from the guidance date is guidance too.
        t = replace(
            t,
            steps=tuple(
                replace(s, status=Status.GUIDANCE, confidence=Confidence.GUIDANCE) for s in t.steps
            ),
        )
    if kind is TransferKind.POST16_OTHER and year_given and transfer_date is not None:
        t = replace(t, warnings=(*t.warnings, "YEAR is not needed with --transfer-date"))
    shown = tuple((k, str(year) if k == "transfer_year" else v) for k, v in t.inputs)
    return replace(t, inputs=(*shown, ("kind", kind.value)))
