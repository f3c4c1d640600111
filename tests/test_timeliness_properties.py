"""Laws of the timeliness measures over random cases, 2014-2040."""

from __future__ import annotations

import datetime as dt

from hypothesis import given
from hypothesis import strategies as st

from sendtime.engine.model import Counting
from sendtime.law.england.judge import Verdict, judge
from sendtime.law.england.sen2 import AssessOutcome, RequestOutcome
from sendtime.law.england.timeliness import Assessment, Request, Review, timeliness

YEAR = 2030
received = st.dates(dt.date(2028, 1, 1), dt.date(2030, 12, 31))


@st.composite
def plans(draw: st.DrawFn, *, with_request: bool) -> Assessment:
    r = draw(received)
    issued = r + dt.timedelta(days=draw(st.integers(0, 900)))
    return Assessment(
        ref="x",
        group=draw(st.sampled_from(["a", "b", ""])),
        received=r if with_request or draw(st.booleans()) else None,
        outcome=draw(st.sampled_from([AssessOutcome.ISSUE, AssessOutcome.OTHER_LA])),
        decided=None,
        issued=issued,
        exception=draw(st.booleans()),
        appealed=draw(st.booleans()),
    )


def counts(m: dict[str, int | float | None]) -> dict[str, int]:
    """The count measures of a group (percentages and averages left out)."""
    return {k: v for k, v in m.items() if isinstance(v, int)}


def _run(cases: list[Assessment], counting: Counting = Counting.EXCLUSIVE) -> list[dict[str, int]]:
    r = timeliness([], cases, [], year=YEAR, counting=counting, by="g", today=dt.date(2031, 1, 1))
    return [counts(g.measures) for g in r.groups]


BANDS = ("plans_issued_within_20_weeks", "plans_issued_gt20weeks_ltyear", "plans_issued_gt_1_year")
BANDS_EX = (
    "plans_issued_20_weeks_ex",
    "plans_issued_gt20weeks_ltyear_ex",
    "plans_issued_gt_1_year_ex",
)


@given(st.lists(plans(with_request=True), max_size=40))
def test_bands_sum_to_den_when_every_case_has_a_request_date(cases: list[Assessment]) -> None:
    for m in _run(cases):
        assert sum(m[b] for b in BANDS) == m["plans_issued_den"]
        assert sum(m[b] for b in BANDS_EX) == m["plans_issued_den_ex"]
        assert m["plans_issued_no_request_date"] == 0


@given(st.lists(plans(with_request=False), max_size=40))
def test_bands_and_undated_sum_to_den_and_ex_never_exceeds_incl(cases: list[Assessment]) -> None:
    for m in _run(cases):
        assert sum(m[b] for b in BANDS) + m["plans_issued_no_request_date"] == m["plans_issued_den"]
        assert m["plans_issued_den_ex"] <= m["plans_issued_den"]
        for inc, ex in zip(BANDS, BANDS_EX, strict=True):
            assert m[ex] <= m[inc]
        assert m["plans_with_exceptions"] == m["plans_issued_den"] - m["plans_issued_den_ex"]


@given(st.lists(plans(with_request=True), max_size=40))
def test_groups_add_up_to_all(cases: list[Assessment]) -> None:
    first, *rest = _run(cases)
    for key in ("plans_issued_den", "plans_issued_den_ex", *BANDS, "excluded_appealed"):
        assert sum(m[key] for m in rest) == first[key]


@given(st.lists(plans(with_request=True), max_size=40))
def test_inclusive_loses_exactly_the_boundary_cases(cases: list[Assessment]) -> None:
    ex, inc = _run(cases)[0], _run(cases, Counting.INCLUSIVE)[0]
    lost = ex["plans_issued_within_20_weeks"] - inc["plans_issued_within_20_weeks"]
    assert lost == ex["boundary_cases"] == inc["boundary_cases"]
    assert ex["plans_issued_den"] == inc["plans_issued_den"]


@given(received, st.integers(0, 400))
def test_day_140_is_the_only_boundary(r: dt.date, days: int) -> None:
    done = r + dt.timedelta(days=days)
    ex = judge("assess.final", r, done, counting=Counting.EXCLUSIVE).verdict
    inc = judge("assess.final", r, done, counting=Counting.INCLUSIVE).verdict
    assert (ex is Verdict.MET) == (days <= 140)  # 20 weeks, the day of the request not counted
    assert (inc is Verdict.MET) == (days <= 139)


@given(st.dates(dt.date(2014, 9, 1), dt.date(2040, 12, 31)), st.integers(0, 60))
def test_limits_are_the_rule_rows_on_any_date(r: dt.date, days: int) -> None:
    done = r + dt.timedelta(days=days)
    for step, limit in (("assess.decision", 42), ("assess.no-plan", 112), ("review.decision", 28)):
        met = judge(step, r, done, counting=Counting.EXCLUSIVE).verdict is Verdict.MET
        assert met == (days <= limit)
    assert judge("assess.final", r, None, counting=Counting.EXCLUSIVE, today=done).verdict in (
        Verdict.OPEN,
        Verdict.OVERDUE,
    )


@given(st.lists(st.tuples(received, st.integers(0, 80), st.booleans()), max_size=30))
def test_requests_and_reviews_split_into_in_time_and_late(
    rows: list[tuple[dt.date, int, bool]],
) -> None:
    requests = [
        Request("r", "", r, RequestOutcome.ASSESS, r + dt.timedelta(days=n), concluded=True)
        for r, n, _ in rows
    ]
    reviews = [
        Review("v", "", r, r + dt.timedelta(days=n) if done else None) for r, n, done in rows
    ]
    res = timeliness(requests, [], reviews, year=YEAR, today=dt.date(2031, 6, 1))
    m = counts(res.groups[0].measures)
    in_year = [x for x in rows if x[0].year == YEAR]
    assert m["request_outcome_six_weeks"] + m["request_outcome_over_6_weeks"] == len(in_year)
    assert m["decision_4_weeks"] + m["decision_over_4_weeks"] == sum(1 for x in in_year if x[2])
    assert m["review_decisions_overdue"] == sum(1 for x in rows if not x[2])
