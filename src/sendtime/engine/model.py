"""The vocabulary of sendtime: enums and frozen records, with no logic beyond trivial properties."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from enum import StrEnum

WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


class Unit(StrEnum):
    """The unit an offset is counted in."""

    DAYS = "days"
    WEEKS = "weeks"
    MONTHS = "months"
    WORKING_DAYS = "working days"
    TRIBUNAL_DAYS = "Tribunal working days"  # HESC r.12(3)(b): no 25 Dec-1 Jan, no August
    SCHOOL_DAYS = "school days"
    TERM_DAYS = "term-time days"  # a college's days in term: counted as its school days
    FIXED = "fixed date"
    NONE = "none"  # "immediately": no date


class Method(StrEnum):
    """How the law words a period; this fixes how it is counted (docs/rules.md)."""

    WITHIN = "within"  # "within N days/weeks of X": X + N; inclusive counting: X + N - 1
    AFTER = "after"  # "N months after X", "minus 4 weeks": plain offset, never --counting
    BEGINNING_WITH = "beginning with"  # "N days beginning with X": X is day 1, ends X + N - 1
    PERIOD_STARTING = "period starting with"  # "period of N months starting with X"
    CLEAR_BEFORE = "clear interval before"  # "at least N days' notice of M": M - N - 1
    BEFORE_FIXED = "before fixed date"  # "before 15 February": the day before, that year
    WORKING_BEGINNING_WITH = "working days beginning with"  # X counts if it is a working day
    WORKING_WITHIN = "working days within"  # X not counted: the Nth working day after X
    LATER_OF = "later of"  # the later of other (component) rules
    DEEMED_SERVICE = "deemed service"  # Interpretation Act 1978 s.7: a range (DateRange)
    NO_DATE = "no date"  # "immediately": listed without a date
    TERM_PART_END = "term part end"  # dates from the setting's term structure (sen_support.py)
    ON_DAY = "on the day"  # "on the day of the move" (reg 15(2)(a)): the anchor itself


class Roll(StrEnum):
    """What happens when a computed date is not a working day."""

    NONE = "none"  # Regulations: no statutory roll-forward
    BACK_TO_WORKING_DAY = "back to the last working day"  # planning dates (school day with terms)
    TRIBUNAL = "tribunal"  # HESC r.12(2), r.12(3)(a)
    # "the period is extended to include the following working day" (a per-rule roll: only the
    # rows whose instrument says so, e.g. SI 2021/401 reg 2(4))
    NEXT_WORKING_DAY = "forward to the next working day"
    # "no later than the first working day after the expiry of" a period: always the day after
    # the period's last day, or the first working day after that
    AFTER_EXPIRY = "first working day after the period ends"


class Counting(StrEnum):
    """Whether the trigger day of a "within N days/weeks of X" period is counted."""

    EXCLUSIVE = "exclusive"
    INCLUSIVE = "inclusive"


class Kind(StrEnum):
    """The kind of limit a step is."""

    DEADLINE = "deadline"
    MINIMUM = "minimum"
    FIXED = "fixed"
    PLANNING = "planning"
    GUIDANCE = "guidance"
    PRACTICE = "practice"


class Status(StrEnum):
    """Whether a step is the law, guidance, or practice."""

    STATUTORY = "statutory"
    GUIDANCE = "guidance"
    PRACTICE = "practice"


class Confidence(StrEnum):
    """How sure the source of a rule is (docs/rules.md; local rules)."""

    VERIFIED = "verified"
    SECONDARY = "secondary"
    GUIDANCE = "guidance"
    PRACTICE = "practice"
    LOCAL = "local"


class Nation(StrEnum):
    """UK bank-holiday divisions, named as GOV.UK names them."""

    ENGLAND_AND_WALES = "england-and-wales"
    SCOTLAND = "scotland"
    NORTHERN_IRELAND = "northern-ireland"


class When(StrEnum):
    """Where a step's date lies relative to today."""

    PAST = "past"
    DUE = "due"
    UPCOMING = "upcoming"


@dataclass(frozen=True, slots=True)
class Citation:
    """One legal or published source, e.g. Citation("SEND Regulations 2014", "regs 4(1), 5(1)")."""

    source: str
    ref: str = ""

    def __str__(self) -> str:
        return f"{self.source}, {self.ref}" if self.ref else self.source


@dataclass(frozen=True, slots=True)
class Rule:
    """One row of the rule table: a step and how its date is computed from an anchor.

    ``anchor`` names an input of the process (e.g. ``request_received``) or the id of an
    earlier step. When the anchor is an input the user did not give, ``fallback`` (inputs or
    step ids, tried in turn) supplies a projected anchor; with none the step is listed undated.
    """

    id: str
    process: str
    title: str
    cites: tuple[Citation, ...]
    wording: str  # the words of the law that fix the counting, shown in explain
    anchor: str
    amount: int = 0
    unit: Unit = Unit.DAYS
    method: Method = Method.WITHIN
    kind: Kind = Kind.DEADLINE
    confidence: Confidence = Confidence.VERIFIED
    roll: Roll = Roll.NONE
    fallback: tuple[str, ...] = ()  # inputs or step ids tried in turn when anchor is absent
    fixed: tuple[int, int] | None = None  # (month, day) for Method.BEFORE_FIXED
    parts: tuple[str, ...] = ()  # component rule ids for Method.LATER_OF
    asap: bool = False  # "as soon as practicable, and in any event within"
    repeat: bool = False  # one step per given anchor date: id, id-2, id-3, ...
    hidden: bool = False  # a component of another rule, not a step of its own
    optional: bool = False  # left out (not listed undated) when no anchor is given
    notes: tuple[str, ...] = ()
    secondary: str = ""  # confidence secondary: who says it, and what primary text is unseen
    # (anchor, note): a note that holds when the step counts from that anchor, e.g. from the day
    # a notice was sent when only that is known (declared here, not added after compute)
    anchor_notes: tuple[tuple[str, str], ...] = ()

    # Derived once per rule (a batch asks for them for every step of every row).
    status: Status = field(init=False, compare=False, repr=False)
    citation: str = field(init=False, compare=False, repr=False)

    def __post_init__(self) -> None:
        """Derive status (statutory, guidance or practice, from the confidence) and citation."""
        if self.confidence is Confidence.GUIDANCE:
            status = Status.GUIDANCE
        elif self.confidence in (Confidence.PRACTICE, Confidence.LOCAL):
            status = Status.PRACTICE
        else:
            status = Status.STATUTORY
        object.__setattr__(self, "status", status)
        object.__setattr__(self, "citation", "; ".join(str(c) for c in self.cites))

    @property
    def period(self) -> str:
        """The period in words: the law's own ``wording`` ("within 6 weeks of the request")."""
        return self.wording


class ExceptionKind(StrEnum):
    """The reasons a recorded exception can give (docs/rules.md, exceptions)."""

    PERSONAL = "personal"
    ABSENCE = "absence"
    # "impractical ... due to circumstances beyond its control" (e.g. SI 2021/401 regs 10(4), 11(3))
    BEYOND_CONTROL = "beyond-control"


@dataclass(frozen=True, slots=True)
class RecordedException:
    """An exception the user records with --exception KIND[:START..END]."""

    kind: ExceptionKind
    start: dt.date | None = None
    end: dt.date | None = None


@dataclass(frozen=True, slots=True)
class Disapplied:
    """A recorded exception that disapplies a step's time limit (the date never moves)."""

    limb: str
    reason: str


@dataclass(frozen=True, slots=True)
class DateRange:
    """A presumption's dates: the earliest defensible (the step's date, acted on) and the latest.

    A deemed day of service or receipt is rebuttable; each end names the published reading it
    follows, and every step counted from it carries the range on.
    """

    earliest: dt.date
    latest: dt.date
    earliest_source: str
    latest_source: str


@dataclass(frozen=True, slots=True)
class Step:
    """One computed step of a timeline."""

    id: str
    title: str
    date: dt.date | None
    kind: Kind
    status: Status
    confidence: Confidence
    citation: str
    basis: str
    projected: bool = False
    disapplied: Disapplied | None = None
    notes: tuple[str, ...] = ()
    explain: tuple[str, ...] = ()
    days_left: int | None = None
    when: When | None = None
    source: str | None = None  # local rules: where the milestone comes from
    date_range: DateRange | None = None  # resting on a deemed date: date is its earliest end

    @property
    def weekday(self) -> str | None:
        """The weekday's English name, or None without a date."""
        return WEEKDAYS[self.date.weekday()] if self.date else None


@dataclass(frozen=True, slots=True)
class CalendarInfo:
    """What calendar a timeline was computed with, for provenance in every output."""

    bank_holidays: str
    source: str
    terms: str | None = None


@dataclass(frozen=True, slots=True)
class Closure:
    """A continuous closure of a setting: first closed day and the day it reopens."""

    first_closed_day: dt.date
    reopens: dt.date
    name: str = ""


@dataclass(frozen=True, slots=True)
class ClosureCheck:
    """The reg 10(4)(a)/(b) closure-window test for one advice request date."""

    advice_requested: dt.date
    engaged: bool | None
    limb: str
    window: tuple[dt.date, dt.date] | None = None
    closure: Closure | None = None
    note: str = ""


# A timeline's input as given: a date, several dates (advice requests), or a word or number
# (post class, kind of transfer, year group) as text. ISO text only at the edges (render).
InputValue = dt.date | tuple[dt.date, ...] | str


@dataclass(frozen=True, slots=True)
class YearGroup:
    """The year group at a review meeting, and whether preparation for adulthood is due."""

    year_group: int  # 0 = Reception, -1 = nursery
    preparation_for_adulthood: bool  # from Year 9


@dataclass(frozen=True, slots=True)
class PupilSummary:
    """What a date of birth says about a pupil today (the JSON "pupil" object)."""

    year_group: int
    academic_year: str  # "2025-26"
    compulsory_school_age_ends: dt.date
    preparation_for_adulthood: bool
    next_transfer: str | None  # "2026-09", or None when there is no transfer between phases
    structure: str
    transfer_into: str | None = None  # what the child moves into, when there is a next move

    @property
    def doc(self) -> dict[str, object]:
        """As JSON values, in field order; transfer_into only when there is a next move."""
        return {
            k: v.isoformat() if isinstance(v, dt.date) else v
            for k, v in ((f, getattr(self, f)) for f in self.__slots__)
            if not (k == "transfer_into" and v is None)
        }


@dataclass(frozen=True, slots=True)
class Timeline:
    """The result of a timeline command: inputs, convention, calendar, steps and warnings."""

    process: str
    inputs: tuple[tuple[str, InputValue], ...]
    counting: Counting
    calendar: CalendarInfo
    steps: tuple[Step, ...]
    closure_checks: tuple[ClosureCheck, ...] = ()
    warnings: tuple[str, ...] = ()
    year_group: YearGroup | None = None  # review: the year group at the meeting
    pupil: PupilSummary | None = None  # pupil (and caseload rows with a dob)
    trigger: dt.date | None = None  # the command's trigger date ("<process>.trigger")
    jurisdiction: str = ""  # whose law: the name of the RuleSet that computed it

    @property
    def extra(self) -> tuple[tuple[str, object], ...]:
        """Deprecated (0.1): year_group and pupil as (key, JSON value) pairs; goes in 0.3."""
        out: list[tuple[str, object]] = []
        if self.year_group is not None:
            out += [
                ("year_group", self.year_group.year_group),
                ("preparation_for_adulthood", self.year_group.preparation_for_adulthood),
            ]
        if self.pupil is not None:
            out.append(("pupil", self.pupil.doc))
        return tuple(out)

    def step(self, step_id: str) -> Step:
        """Return the step with this id.

        Raises:
            KeyError: if the timeline has no such step.
        """
        for s in self.steps:
            if s.id == step_id:
                return s
        raise KeyError(step_id)

    @property
    def ids(self) -> tuple[str, ...]:
        """The step ids in order."""
        return tuple(s.id for s in self.steps)
