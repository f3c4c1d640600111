"""The pupil: year group, compulsory school age and the next phase transfer, from a date of birth.

Guidance and arithmetic, not time limits (docs/pupil-and-support.md). Pure: today comes in.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace
from enum import StrEnum
from typing import Unpack

from sendtime.engine import periods
from sendtime.engine.errors import BadInput, choose
from sendtime.engine.model import InputValue, PupilSummary, Step, Timeline
from sendtime.engine.options import OptionFields, Options
from sendtime.engine.terms import Terms
from sendtime.engine.timeline import resolve
from sendtime.law.england.reviews import TransferKind, review, transfer
from sendtime.law.england.ruleset import ENGLAND
from sendtime.law.england.school_year import (
    academic_year_start,
    birthday,
    check_year_group,
    compulsory_school_age_end,
    last_friday_of_june,
    year_group_on,
)

__all__ = [  # the school-year arithmetic is re-exported: it was first defined here
    "Destination",
    "PupilFacts",
    "Structure",
    "Transfer",
    "academic_year_start",
    "birthday",
    "compulsory_school_age_end",
    "facts",
    "last_friday_of_june",
    "next_transfer",
    "pupil",
    "year_group_on",
]


class Structure(StrEnum):
    """How a setting's phases are organised (which transfer comes next)."""

    TWO_TIER = "two-tier"
    EARLY_YEARS = "early-years"
    INFANT = "infant"
    JUNIOR = "junior"
    PRIMARY = "primary"
    MIDDLE = "middle"
    SECONDARY = "secondary"


class Destination(StrEnum):
    """Where a Year 11 pupil goes next (only post16 is a transfer between phases)."""

    POST16 = "post16"
    SIXTH_FORM = "sixth-form"
    APPRENTICESHIP = "apprenticeship"
    UNKNOWN = "unknown"


# A destination that is not a transfer between phases is the transfer kind of the same name.
DESTINATION_KIND: dict[Destination, TransferKind] = {
    Destination.POST16: TransferKind.POST16,
    Destination.SIXTH_FORM: TransferKind.SIXTH_FORM,
    Destination.APPRENTICESHIP: TransferKind.APPRENTICESHIP,
    Destination.UNKNOWN: TransferKind.UNKNOWN,
}


@dataclass(frozen=True, slots=True)
class Transfer:
    """The next transfer between phases: the year of the move and which reg 18 date applies."""

    year: int  # the calendar year of transfer (September moves)
    kind: TransferKind  # school (reg 18(1)(b)) or post16 (reg 18(1)(a))
    into: str  # what the child moves into, in words
    after_year: int  # the last year group before the move
    is_transfer: bool = True  # False: sixth form, apprenticeship, unknown destination


@dataclass(frozen=True, slots=True)
class PupilFacts:
    """What the date of birth says about the child in the academic year containing today."""

    dob: dt.date
    today: dt.date
    academic_year_start: int  # 2025 for 2025-26
    year_group: int  # 0 = Reception, -1 = nursery; --year-group wins
    year_group_given: bool
    compulsory_school_age_ends: dt.date
    warnings: tuple[str, ...] = ()

    @property
    def academic_year(self) -> str:
        """E.g. "2025-26"."""
        return f"{self.academic_year_start}-{(self.academic_year_start + 1) % 100:02d}"

    @property
    def preparation_for_adulthood(self) -> bool:
        """From Year 9, reviews must consider preparation for adulthood (regs 20(6), 21(6))."""
        return self.year_group >= 9

    @property
    def age(self) -> int:
        """Age in whole years today."""
        years = self.today.year - self.dob.year
        return years - ((self.today.month, self.today.day) < (self.dob.month, self.dob.day))


def facts(
    dob: dt.date,
    *,
    today: dt.date,
    year_group: int | None = None,
    terms: Terms | None = None,
) -> PupilFacts:
    """The pupil's year group and compulsory school age from the date of birth."""
    if dob > today:
        raise BadInput.about("dob", dob, f"is after today ({today.isoformat()})")
    if year_group is not None:
        check_year_group(year_group)
    y = academic_year_start(today)
    derived = year_group_on(dob, today)
    ends, warns = compulsory_school_age_end(dob, terms)
    warnings = list(warns)
    if year_group is not None and year_group != derived:
        warnings.append(
            f"taught out of year group: Year {year_group} given, Year {derived} by date of birth"
        )
    return PupilFacts(
        dob=dob,
        today=today,
        academic_year_start=y,
        year_group=derived if year_group is None else year_group,
        year_group_given=year_group is not None,
        compulsory_school_age_ends=ends,
        warnings=tuple(warnings),
    )


# structure -> (year groups it covers, last year group before the transfer, kind, into)
_STRUCTURES: dict[Structure, tuple[range, int, TransferKind, str]] = {
    Structure.EARLY_YEARS: (range(-5, 0), -1, TransferKind.SCHOOL, "Reception (school)"),
    Structure.INFANT: (range(0, 3), 2, TransferKind.SCHOOL, "junior school (Year 3)"),
    Structure.JUNIOR: (range(3, 7), 6, TransferKind.SCHOOL, "secondary school (Year 7)"),
    Structure.PRIMARY: (range(0, 7), 6, TransferKind.SCHOOL, "secondary school (Year 7)"),
    Structure.SECONDARY: (range(7, 12), 11, TransferKind.POST16, "a post-16 institution"),
}


def next_transfer(
    pupil: PupilFacts,
    structure: Structure = Structure.TWO_TIER,
    *,
    transfer_after_year: int | None = None,
    destination: Destination = Destination.POST16,
) -> tuple[Transfer | None, tuple[str, ...]]:
    """The next transfer between phases on the setting's structure, or None with a warning."""
    g = pupil.year_group
    if structure is Structure.TWO_TIER:
        for s in (Structure.EARLY_YEARS, Structure.PRIMARY, Structure.SECONDARY):
            if g in _STRUCTURES[s][0]:
                structure = s
                break
        else:
            return None, (f"Year {g} has no further transfer between phases in a two-tier path",)
    if structure is Structure.MIDDLE:
        if transfer_after_year is None:
            raise BadInput("--structure middle needs --transfer-after-year N (e.g. 8)")
        # a middle school spans the four year groups up to the transfer (e.g. Years 5-8)
        covers, last, kind, into = (
            range(transfer_after_year - 3, transfer_after_year + 1),
            transfer_after_year,
            TransferKind.SCHOOL,
            f"secondary school (Year {transfer_after_year + 1})",
        )
    else:
        covers, last, kind, into = _STRUCTURES[structure]
    if g not in covers:
        return None, (
            f"Year {g} is outside a {structure.value} setting's year groups; no transfer computed",
        )
    year = pupil.academic_year_start + (last - g) + 1
    if structure is Structure.SECONDARY and destination is not Destination.POST16:
        return Transfer(year, kind, destination.value, last, is_transfer=False), ()
    return Transfer(year, kind, into, last), ()


UNDER_FIVE_NOTE = (
    "child under 5: the Code says the LA should consider reviewing the plan at least every 3 to "
    "6 months (CoP 9.178, guidance); give --plan-date for the dates"
)


def _combined_window(t: Timeline, transfer: Transfer, plan_date: dt.date) -> str | None:
    """When one meeting could serve as both the annual review and the transfer review."""
    ids = {s.id: s.date for s in t.steps}
    review_latest = ids.get("review.latest-meeting")
    transfer_latest = ids.get("transfer.latest-meeting")
    if review_latest is None or transfer_latest is None:
        return None
    start = max(plan_date, dt.date(transfer.year - 1, 9, 1))
    end = min(review_latest, transfer_latest)
    if start > end:
        return None
    return (
        f"one review meeting from {start.isoformat()} to {end.isoformat()} can serve as both the "
        "annual review and the phase-transfer review"
    )


def pupil(
    dob: dt.date,
    *,
    structure: Structure | str = Structure.TWO_TIER,
    transfer_after_year: int | None = None,
    destination: Destination | str = Destination.POST16,
    year_group: int | None = None,
    plan_date: dt.date | None = None,
    options: Options | None = None,
    **fields: Unpack[OptionFields],
) -> Timeline:
    """A pupil's year group, compulsory school age and next phase transfer, with its plan.

    Guidance and arithmetic from the date of birth (docs/pupil-and-support.md); the transfer steps
    are those of ``transfer`` for the computed year, and with ``plan_date`` the annual review's.
    ``today`` (in ``options`` or as a keyword) is required: a year group changes with it.
    """
    o = resolve(Options.of(options, **fields), ENGLAND)
    today, calendar, counting, exceptions = o.today, o.calendar, o.counting, o.exceptions
    if today is None:
        raise BadInput("pupil needs today's date (today=...) for the year group")
    assert calendar is not None  # noqa: S101 - resolve fills it
    plain = replace(o, exceptions=())  # warned about below, not passed on
    structure = choose(Structure, structure, "--structure")
    destination = choose(Destination, destination, "--destination")
    terms = calendar.terms
    p = facts(dob, today=today, year_group=year_group, terms=terms)
    move, warns = next_transfer(
        p, structure, transfer_after_year=transfer_after_year, destination=destination
    )
    warnings = [*p.warnings, *warns]
    if exceptions:
        warnings.append("no statutory exception applies to a pupil's transfer plan; ignored")
    steps: list[Step] = []
    if move is not None:
        kind = move.kind if move.is_transfer else DESTINATION_KIND[destination]
        t = transfer(move.year, kind=kind, options=plain)
        steps.extend(t.steps)
        warnings.extend(t.warnings)
    under_five = today < periods.add_months(dob, 60)
    if plan_date is not None:
        r = review(
            plan_date,
            dob=dob,
            year_group=p.year_group if p.year_group_given else None,
            options=plain,
        )
        steps.extend(r.steps)
        warnings.extend(r.warnings)
        if move is not None and move.is_transfer:
            merged = Timeline("pupil", (), counting, r.calendar, tuple(steps))
            window = _combined_window(merged, move, plan_date)
            if window:
                warnings.append(window)
    elif under_five:
        warnings.append(UNDER_FIVE_NOTE)
    summary = PupilSummary(
        year_group=p.year_group,
        academic_year=p.academic_year,
        compulsory_school_age_ends=p.compulsory_school_age_ends,
        preparation_for_adulthood=p.preparation_for_adulthood,
        next_transfer=f"{move.year}-09" if move is not None and move.is_transfer else None,
        structure=structure.value,
        transfer_into=move.into if move is not None else None,
    )
    inputs: list[tuple[str, InputValue]] = [
        ("dob", dob),
        ("today", today),
        ("structure", structure.value),
    ]
    if year_group is not None:
        inputs.append(("year_group", str(year_group)))
    if plan_date is not None:
        inputs.append(("plan_date", plan_date))
    cal = calendar
    return Timeline(
        process="pupil",
        inputs=tuple(inputs),
        counting=counting,
        calendar=cal.info,
        steps=tuple(steps),
        warnings=tuple(dict.fromkeys(warnings)),
        pupil=summary,
        trigger=dob,
    )
