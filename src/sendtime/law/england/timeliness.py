"""The DfE's timeliness measures, case by case, from normalised SEN2 records (pure, no I/O).

Every "within N weeks" is the outcome of a rule row (sen2.PLAN_STEP, ...) judged by the one
outcome engine (judge.py). The only arithmetic here is statistics: counts, shares, the
average of days/7, and the DfE's 52-week band, which is a reporting band and not a rule of law.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

from sendtime.engine import periods
from sendtime.engine.model import Counting
from sendtime.law.england import sen2
from sendtime.law.england.judge import Verdict, judge
from sendtime.law.england.sen2 import AssessOutcome, RequestOutcome

ALL = "all"
BLANK_GROUP = "(blank)"
Value = int | float | None


@dataclass(frozen=True, slots=True)
class Request:
    """A request for an EHC needs assessment (one SEN2 requests row, or one caseload row)."""

    ref: str
    group: str
    received: dt.date | None  # None: missing, or after its own outcome (a bad record)
    outcome: RequestOutcome
    decided: dt.date | None  # the decision whether to assess (Y or N)
    concluded: bool  # refused, withdrawn, no plan, or a plan issued: no longer open
    exported: bool = False  # moved out of the LA before the assessment was complete


@dataclass(frozen=True, slots=True)
class Assessment:
    """An EHC needs assessment and its outcome (plan issued, or not)."""

    ref: str
    group: str
    received: dt.date | None  # the request's received date; None when not usable
    outcome: AssessOutcome
    decided: dt.date | None  # the decision not to issue a plan (outcome N)
    issued: dt.date | None  # the plan's start date (namedplan startdate): the plan was issued
    exception: bool  # week20: an exception to the 20-week limit applies
    appealed: bool  # any mediation or tribunal flag on the request or the assessment


@dataclass(frozen=True, slots=True)
class Review:
    """The latest annual review of a plan: the meeting and the decision that followed."""

    ref: str
    group: str
    meeting: dt.date
    decided: dt.date | None


@dataclass(frozen=True, slots=True)
class Case:
    """An open request past 20 weeks or an overdue review decision (--cases)."""

    kind: str  # open-request | review-decision
    ref: str
    group: str
    step: str
    due: dt.date
    verdict: Verdict
    weeks_elapsed: float


@dataclass(frozen=True, slots=True)
class Group:
    """The measures of one group and the weeks to issue of its plans."""

    group: str
    measures: dict[str, Value]
    # (completed weeks to issue, band measure) -> plans; band: plans_issued_within_20_weeks, ...
    weeks: Counter[tuple[int, str]] = field(default_factory=Counter)
    weeks_ex: Counter[tuple[int, str]] = field(default_factory=Counter)


@dataclass(frozen=True, slots=True)
class Result:
    """Every group's measures (``all`` first) and the cases to act on."""

    year: int
    counting: Counting
    include_appealed: bool
    groups: tuple[Group, ...]
    cases: tuple[Case, ...]


def pc(n: int, den: int) -> float | None:
    """A DfE percentage: 1 decimal place, half up; None (the DfE's "x") when den is 0."""
    if den == 0:
        return None
    return float((Decimal(100 * n) / Decimal(den)).quantize(Decimal("0.1"), ROUND_HALF_UP))


def avg_weeks(days: Sequence[int]) -> float | None:
    """Mean of days/7, 1 decimal place half up; None when there are no cases."""
    if not days:
        return None
    mean = Decimal(sum(days)) / Decimal(7 * len(days))
    return float(mean.quantize(Decimal("0.1"), ROUND_HALF_UP))


def _weeks(start: dt.date, end: dt.date) -> float:
    return round((end - start).days / 7, 1)


class _Tally:
    """Counts for one group while the records stream past."""

    def __init__(self) -> None:
        self.n: Counter[str] = Counter()
        self.days: list[int] = []
        self.days_ex: list[int] = []
        self.weeks: Counter[tuple[int, str]] = Counter()
        self.weeks_ex: Counter[tuple[int, str]] = Counter()

    def measures(self) -> dict[str, Value]:
        n = self.n
        out: dict[str, Value] = dict.fromkeys(sen2.MEASURES, 0)
        out.update({k: v for k, v in n.items() if k in out})
        den, den_ex = n["plans_issued_den"], n["plans_issued_den_ex"]
        for inc, ex, pc_inc, pc_ex in (
            (
                "plans_issued_within_20_weeks",
                "plans_issued_20_weeks_ex",
                "pc_plans_issued_within_20_weeks",
                "pc_plans_issued_20_weeks_ex",
            ),
            (
                "plans_issued_gt20weeks_ltyear",
                "plans_issued_gt20weeks_ltyear_ex",
                "pc_plans_issued_gt20weeks_ltyear",
                "pc_plans_issued_gt20weeks_ltyear_ex",
            ),
            (
                "plans_issued_gt_1_year",
                "plans_issued_gt_1_year_ex",
                "pc_plans_issued_gt_1_year",
                "pc_plans_issued_gt_1_year_ex",
            ),
        ):
            out[pc_inc], out[pc_ex] = pc(n[inc], den), pc(n[ex], den_ex)
        out["avg_weeks_issue_plan"] = avg_weeks(self.days)
        out["avg_weeks_issue_plan_exc"] = avg_weeks(self.days_ex)
        out["plans_with_exceptions"] = den - den_ex
        out["pc_plans_with_exceptions"] = pc(den - den_ex, den)
        req = n["request_outcome_six_weeks"] + n["request_outcome_over_6_weeks"]
        out["request_outcome_six_weeks_pc"] = pc(n["request_outcome_six_weeks"], req)
        out["request_outcome_over_6_weeks_pc"] = pc(n["request_outcome_over_6_weeks"], req)
        no_plan = n["outcome_decision_within_time"] + n["outcome_decision_over_time"]
        out["outcome_decision_within_time_pc"] = pc(n["outcome_decision_within_time"], no_plan)
        out["outcome_decision_over_time_pc"] = pc(n["outcome_decision_over_time"], no_plan)
        rev = n["decision_4_weeks"] + n["decision_over_4_weeks"]
        out["pc_decision_4_weeks"] = pc(n["decision_4_weeks"], rev)
        out["pc_decision_over_4_weeks"] = pc(n["decision_over_4_weeks"], rev)
        return out


class _Groups:
    def __init__(self, *, grouped: bool) -> None:
        self.by: defaultdict[str, _Tally] = defaultdict(_Tally)
        self.grouped = grouped

    def tallies(self, group: str) -> Iterator[_Tally]:
        yield self.by[ALL]
        if self.grouped:
            yield self.by[group or BLANK_GROUP]


def timeliness(
    requests: Iterable[Request],
    assessments: Iterable[Assessment],
    reviews: Iterable[Review],
    *,
    year: int,
    counting: Counting = Counting.EXCLUSIVE,
    include_appealed: bool = False,
    by: str | None = None,
    today: dt.date,
) -> Result:
    """The DfE measures for one calendar year, per group, and the cases past their limits.

    Year basis (as the DfE publishes): plans by the year issued; requests by the year received;
    decisions not to issue a plan by the year decided; reviews by the year of the meeting.
    Cases (open requests past 20 weeks, overdue review decisions) are as at ``today``. With
    ``by`` (the column the records' ``group`` came from) each value is a group after ``all``.
    """
    groups = _Groups(grouped=by is not None)
    groups.by[ALL]  # "all" exists even with no records
    cases: list[Case] = []
    for r in requests:
        _request(r, year, counting, today, groups, cases)
    for a in assessments:
        _assessment(a, year, counting, groups, include_appealed=include_appealed)
    for v in reviews:
        _review(v, year, counting, today, groups, cases)
    names = [ALL, *sorted(g for g in groups.by if g != ALL)]
    out = tuple(
        Group(g, groups.by[g].measures(), groups.by[g].weeks, groups.by[g].weeks_ex) for g in names
    )
    cases.sort(key=lambda c: (c.kind, c.due, c.ref))
    return Result(year, counting, include_appealed, out, tuple(cases))


def _request(
    r: Request,
    year: int,
    counting: Counting,
    today: dt.date,
    groups: _Groups,
    cases: list[Case],
) -> None:
    if r.received is None or r.outcome is RequestOutcome.HISTORIC:
        return
    if not r.concluded and not r.exported and r.outcome is not RequestOutcome.WITHDRAWN:
        j = judge(sen2.PLAN_STEP, r.received, None, counting=counting, today=today)
        if j.verdict is Verdict.OVERDUE:
            for t in groups.tallies(r.group):
                t.n["open_requests_past_20_weeks"] += 1
            weeks = _weeks(r.received, today)
            cases.append(
                Case("open-request", r.ref, r.group, sen2.PLAN_STEP, j.due, j.verdict, weeks)
            )
    if r.received.year != year:
        return
    key = ""
    if r.outcome in _DECIDED and r.decided is not None:
        j = judge(sen2.REQUEST_STEP, r.received, r.decided, counting=counting)
        key = (
            "request_outcome_six_weeks"
            if j.verdict is Verdict.MET
            else "request_outcome_over_6_weeks"
        )
    for t in groups.tallies(r.group):
        t.n["requests_received_in_year"] += 1
        if key:
            t.n[key] += 1


_DECIDED = (RequestOutcome.ASSESS, RequestOutcome.NOT_ASSESS)


def _assessment(
    a: Assessment, year: int, counting: Counting, groups: _Groups, *, include_appealed: bool
) -> None:
    no_plan = a.outcome is AssessOutcome.NO_PLAN and a.decided is not None
    if no_plan and a.decided is not None and a.decided.year == year and a.received is not None:
        j = judge(sen2.NO_PLAN_STEP, a.received, a.decided, counting=counting)
        met = j.verdict is Verdict.MET
        key = "outcome_decision_within_time" if met else "outcome_decision_over_time"
        for t in groups.tallies(a.group):
            t.n[key] += 1
    if a.issued is None or a.issued.year != year or a.outcome is AssessOutcome.HISTORIC:
        return
    tallies = tuple(groups.tallies(a.group))
    if a.appealed and not include_appealed:
        for t in tallies:
            t.n["excluded_appealed"] += 1
        return
    band = ""
    days = -1
    boundary = False
    if a.received is not None:
        j = judge(sen2.PLAN_STEP, a.received, a.issued, counting=counting)
        other = Counting.INCLUSIVE if counting is Counting.EXCLUSIVE else Counting.EXCLUSIVE
        boundary = judge(sen2.PLAN_STEP, a.received, a.issued, counting=other).verdict != j.verdict
        year_line = periods.add_days(a.received, 7 * sen2.YEAR_BAND_WEEKS)
        if j.verdict is Verdict.MET:
            band = "plans_issued_within_20_weeks"
        elif a.issued <= year_line:
            band = "plans_issued_gt20weeks_ltyear"
        else:
            band = "plans_issued_gt_1_year"
        days = (a.issued - a.received).days
    for t in tallies:
        n = t.n
        n["plans_issued_den"] += 1
        n["plans_issued_other_la"] += a.outcome is AssessOutcome.OTHER_LA
        n["boundary_cases"] += boundary
        if not band:
            n["plans_issued_no_request_date"] += 1
        else:
            n[band] += 1
            t.days.append(days)
            t.weeks[days // 7, band] += 1
        if a.exception:
            continue
        n["plans_issued_den_ex"] += 1
        if band:
            n[_EX[band]] += 1
            t.days_ex.append(days)
            t.weeks_ex[days // 7, band] += 1


_EX = {
    "plans_issued_within_20_weeks": "plans_issued_20_weeks_ex",
    "plans_issued_gt20weeks_ltyear": "plans_issued_gt20weeks_ltyear_ex",
    "plans_issued_gt_1_year": "plans_issued_gt_1_year_ex",
}


def _review(
    v: Review,
    year: int,
    counting: Counting,
    today: dt.date,
    groups: _Groups,
    cases: list[Case],
) -> None:
    j = judge(sen2.REVIEW_STEP, v.meeting, v.decided, counting=counting, today=today)
    if j.verdict is Verdict.OVERDUE:
        for t in groups.tallies(v.group):
            t.n["review_decisions_overdue"] += 1
        weeks = _weeks(v.meeting, today)
        cases.append(
            Case("review-decision", v.ref, v.group, sen2.REVIEW_STEP, j.due, j.verdict, weeks)
        )
    if v.meeting.year != year or v.decided is None:
        return
    key = "decision_4_weeks" if j.verdict is Verdict.MET else "decision_over_4_weeks"
    for t in groups.tallies(v.group):
        t.n[key] += 1
