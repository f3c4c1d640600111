"""Annual reviews, amendments and phase transfers: the spec's examples and the laws they obey."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sendtime import Calendar, amend, review, transfer
from sendtime.engine.errors import BadInput
from sendtime.engine.model import (
    Counting,
    ExceptionKind,
    Kind,
    RecordedException,
    Status,
    YearGroup,
)
from sendtime.engine.periods import clear_before_months
from sendtime.io.loaders import load_terms
from sendtime.law.england.processes import REGISTRY
from sendtime.law.england.pupils import year_group_on
from tests.conftest import EXAMPLES, Invoke, d


# ------------------------------------------------------------------------- period end
@pytest.mark.parametrize(
    ("p", "end"),
    [
        ("2019-01-01", "2019-12-31"),  # worked example: plan issued 1 January 2019
        ("2024-03-15", "2025-03-14"),
        ("2023-03-01", "2024-02-29"),  # ends on 29 February
        ("2024-02-29", "2025-02-28"),  # starts on 29 February
        ("2024-01-31", "2025-01-30"),
        ("2023-08-31", "2024-08-30"),
        ("2024-03-31", "2025-03-30"),
        ("2024-12-31", "2025-12-30"),
    ],
)
def test_period_end(p: str, end: str) -> None:
    assert review(d(p)).step("review.period-end").date == d(end)


def test_last_meeting_gives_an_earlier_safe_end_with_a_warning() -> None:
    t = review(last_meeting=d("2024-03-15"))
    s = t.step("review.period-end")
    assert s.date == d("2025-03-14")
    assert s.projected
    assert any("earlier, safe end" in w for w in t.warnings)


# ------------------------------------------------------------------ meeting and notice
def test_review_steps_from_a_given_meeting() -> None:
    t = review(d("2024-03-15"), meeting=d("2025-02-14"))
    assert t.step("review.latest-meeting").date == d("2025-02-14")
    inv = t.step("review.invitations")
    assert inv.date == d("2025-01-30")  # Thu: two clear weeks before Fri 2025-02-14
    assert not inv.projected
    assert any("2025-01-31" in line for line in inv.explain)  # the lenient reading
    assert t.step("review.advice-circulated").date == d("2025-01-30")
    assert t.step("review.report").date == d("2025-02-28")
    assert t.step("review.decision").date == d("2025-03-14")
    assert t.step("review.amend-representations").date == d("2025-03-28")
    assert t.step("review.amended-final").date == d("2025-05-09")
    assert t.step("review.amended-final").projected


def test_review_projects_from_the_latest_meeting() -> None:
    t = review(d("2019-01-01"))
    assert t.step("review.latest-meeting").date == d("2019-12-03")
    assert t.step("review.invitations").date == d("2019-11-18")
    assert t.step("review.invitations").projected
    assert t.step("review.decision").date == d("2019-12-31")
    assert t.step("review.latest-meeting").kind is Kind.PLANNING
    assert any("--terms" in w for w in t.warnings)  # working days, not school days


def test_notice_sent_replaces_the_projection() -> None:
    t = review(d("2024-03-15"), meeting=d("2025-02-14"), notice_sent=d("2025-03-10"))
    assert t.step("review.amended-final").date == d("2025-05-05")
    assert not t.step("review.amended-final").projected
    reps = t.step("review.amend-representations")
    assert reps.date == d("2025-03-24")
    assert any("same-day service" in n for n in reps.notes)


def test_inclusive_counting_changes_within_periods_only() -> None:
    t = review(d("2024-03-15"), meeting=d("2025-02-14"), counting=Counting.INCLUSIVE)
    assert t.step("review.report").date == d("2025-02-27")
    assert t.step("review.decision").date == d("2025-03-13")
    assert t.step("review.invitations").date == d("2025-01-30")  # "at least": unchanged
    assert t.step("review.period-end").date == d("2025-03-14")  # "starting with": unchanged


def test_meeting_too_late_warns_and_before_the_period_is_refused() -> None:
    t = review(d("2024-03-15"), meeting=d("2025-03-01"))
    assert any("may fall after the review period ends (2025-03-14)" in w for w in t.warnings)
    late = review(d("2024-03-15"), meeting=d("2025-03-20"))  # a late meeting still has dates
    assert late.step("review.report").date == d("2025-04-03")
    assert any("after the review period ended (2025-03-14)" in w for w in late.warnings)
    with pytest.raises(BadInput, match="before the start of the review period"):
        review(d("2024-03-15"), meeting=d("2024-03-01"))


# ----------------------------------------------------- latest meeting and term dates
@pytest.mark.parametrize(
    ("p", "raw", "latest", "why"),
    [
        ("2024-06-24", "2025-05-26", "2025-05-23", "spring bank holiday, no terms"),
        ("2024-09-20", "2025-08-22", "2025-08-22", "a Friday in August, no terms: kept"),
        ("2024-11-16", "2025-10-18", "2025-10-17", "a Saturday, no terms"),
    ],
)
def test_latest_meeting_moves_back_to_a_working_day(
    p: str, raw: str, latest: str, why: str
) -> None:
    t = review(d(p))
    assert t.step("review.period-end").date == d(raw) + dt.timedelta(days=28), why
    assert t.step("review.latest-meeting").date == d(latest), why


@pytest.mark.parametrize(
    ("p", "raw", "latest", "why"),
    [
        ("2024-11-27", "2025-10-29", "2025-10-24", "autumn half term"),
        ("2025-01-20", "2025-12-22", "2025-12-19", "Christmas holiday"),
        ("2025-03-14", "2026-02-13", "2026-02-13", "a school day: kept"),
        ("2025-03-17", "2026-02-16", "2026-02-13", "spring half term"),
        ("2025-05-05", "2026-04-06", "2026-03-27", "Easter holiday and Easter Monday"),
        ("2025-06-02", "2026-05-04", "2026-05-01", "early May bank holiday in term"),
    ],
)
def test_term_dates_move_the_latest_meeting_into_term(
    staffordshire: Calendar, staffordshire_ics: Calendar, p: str, raw: str, latest: str, why: str
) -> None:
    for cal in (staffordshire, staffordshire_ics):
        t = review(d(p), calendar=cal)
        assert t.step("review.period-end").date == d(raw) + dt.timedelta(days=28), why
        assert t.step("review.latest-meeting").date == d(latest), why
        assert not any("--terms" in w for w in t.warnings)


SUMMER_2025 = """
[[term]]
name = "Summer 2025"
start = 2025-04-22
end = 2025-07-18

[[term]]
name = "Autumn 2025"
start = 2025-09-02
end = 2025-12-19

[[closure]]
name = "INSET day"
start = 2025-09-02
end = 2025-09-02
"""


@pytest.mark.parametrize(
    ("p", "raw", "latest"),
    [
        ("2024-09-03", "2025-08-05", "2025-07-18"),  # summer holidays
        ("2024-09-25", "2025-08-27", "2025-07-18"),
        ("2024-10-01", "2025-09-02", "2025-07-18"),  # an INSET day is not a school day
        ("2024-10-02", "2025-09-03", "2025-09-03"),
    ],
)
def test_summer_holidays_move_the_latest_meeting_to_the_end_of_term(
    tmp_path: Path, p: str, raw: str, latest: str
) -> None:
    f = tmp_path / "summer.toml"
    f.write_text(SUMMER_2025, encoding="utf-8")
    t = review(d(p), calendar=Calendar(terms=load_terms(f)))
    assert t.step("review.period-end").date == d(raw) + dt.timedelta(days=28)
    assert t.step("review.latest-meeting").date == d(latest)
    assert t.warnings == ()


def test_summer_after_the_last_term_of_the_file_is_not_guessed(staffordshire: Calendar) -> None:
    t = review(d("2025-09-03"), calendar=staffordshire)
    assert t.step("review.latest-meeting").date == d("2026-08-05")  # a working day only
    assert any("outside the term dates" in w for w in t.warnings)


def test_latest_meeting_outside_the_term_file_warns_and_uses_working_days(
    staffordshire: Calendar,
) -> None:
    t = review(d("2024-01-10"), calendar=staffordshire)
    assert t.step("review.latest-meeting").date == d("2024-12-12")
    assert any("outside the term dates" in w for w in t.warnings)


def test_toml_and_ics_give_the_same_review_dates(
    staffordshire: Calendar, staffordshire_ics: Calendar
) -> None:
    p = d("2024-10-01")
    while p < d("2025-09-15"):
        a, b = review(p, calendar=staffordshire), review(p, calendar=staffordshire_ics)
        assert [s.date for s in a.steps] == [s.date for s in b.steps], p
        p += dt.timedelta(days=3)


# ---------------------------------------------------------------- pupil facts in review
@pytest.mark.parametrize(
    ("dob", "on", "year"),
    [
        ("2015-03-10", "2025-10-01", 6),  # worked example (docs/pupil-and-support.md)
        ("2015-03-10", "2026-08-31", 6),
        ("2015-03-10", "2026-09-01", 7),
        ("2014-09-01", "2025-09-01", 6),  # oldest in the year
        ("2015-08-31", "2025-09-01", 6),  # youngest in the year
        ("2015-09-01", "2025-09-01", 5),
        ("2021-01-15", "2025-10-01", 0),  # Reception
        ("2022-01-15", "2025-10-01", -1),  # nursery
    ],
)
def test_year_group(dob: str, on: str, year: int) -> None:
    assert year_group_on(d(dob), d(on)) == year


def test_preparation_for_adulthood_from_year_9() -> None:
    t = review(d("2025-01-15"), dob=d("2012-01-10"))  # meeting in 2025-26: Year 8 -> 9?
    latest = t.step("review.latest-meeting")
    assert latest.date == d("2025-12-17")
    assert t.year_group == YearGroup(9, preparation_for_adulthood=True)
    assert dict(t.extra) == {"year_group": 9, "preparation_for_adulthood": True}  # 0.1's form
    assert any("preparation for adulthood (regs 20(6), 21(6))" in n for n in latest.notes)
    t8 = review(d("2025-01-15"), year_group=8)
    assert t8.year_group is not None
    assert t8.year_group.preparation_for_adulthood is False


def test_early_years_review_for_a_child_under_5() -> None:
    t = review(d("2025-01-10"), dob=d("2022-06-01"))
    ey = t.step("review.early-years")
    assert ey.date == d("2025-04-10")
    assert ey.status is Status.GUIDANCE
    assert t.step("review.early-years-6m").date == d("2025-07-10")
    older = review(d("2025-01-10"), dob=d("2019-06-01"))
    assert "review.early-years" not in older.ids
    assert "review.early-years" not in review(d("2025-01-10")).ids


def test_reviews_have_no_exceptions() -> None:
    t = review(d("2025-01-10"), exceptions=[RecordedException(ExceptionKind.PERSONAL)])
    assert any("no statutory exception applies" in w for w in t.warnings)
    assert all(s.disapplied is None for s in t.steps)


@pytest.mark.parametrize(
    ("kwargs", "problem"),
    [
        ({}, "P_DATE"),
        ({"plan_date": d("2024-01-01"), "last_meeting": d("2023-12-01")}, "not both"),
        ({"plan_date": d("2014-06-01")}, "before 2014-09-01"),
    ],
)
def test_review_bad_input(kwargs: dict[str, Any], problem: str) -> None:
    with pytest.raises(BadInput, match=problem):
        review(**kwargs)


# ---------------------------------------------------------------------------- amend
def test_amend_from_the_notice() -> None:
    t = amend(d("2025-03-03"))
    assert t.step("review.amend-representations").date == d("2025-03-17")
    assert t.step("review.amended-final").date == d("2025-04-28")
    assert t.step("review.no-amend").date == d("2025-04-28")
    assert any("same-day service" in n for n in t.step("review.amend-representations").notes)
    assert any("reg 28" in w for w in t.warnings)


def test_amend_with_service() -> None:
    assert amend(d("2025-03-03"), served=d("2025-03-05")).step(
        "review.amend-representations"
    ).date == d("2025-03-19")
    t = amend(d("2025-03-03"), posted=d("2025-03-03"), post="second")
    assert t.step("service.deemed").date == d("2025-03-07")
    assert t.step("review.amend-representations").date == d("2025-03-21")
    assert t.step("review.amended-final").date == d("2025-04-28")  # from the notice, not service
    with pytest.raises(BadInput, match="--post"):
        amend(d("2025-03-03"), posted=d("2025-03-03"))
    with pytest.raises(BadInput, match="before the notice"):
        amend(d("2025-03-03"), served=d("2025-03-01"))


# ------------------------------------------------------------------------- transfer
def test_transfer_school_and_backward_plan() -> None:
    t = transfer(2026, kind="school")
    f = t.step("transfer.school")
    assert (f.date, f.weekday) == (d("2026-02-14"), "Saturday")
    assert f.basis == "before 15 February 2026"
    assert any("the Regulations say 'before'" in n for n in f.notes)
    assert any("no statutory roll-forward" in n for n in f.notes)
    assert t.step("transfer.latest-notice").date == d("2025-12-20")
    assert t.step("transfer.latest-decision").date == d("2025-12-20")
    assert t.step("transfer.latest-meeting").date == d("2025-11-21")  # Sat 22nd moved back
    assert t.step("transfer.invitations").date == d("2025-11-06")
    assert t.step("transfer.advice-circulated").date == d("2025-11-06")
    assert dict(t.inputs) == {"transfer_year": "2026", "kind": "school"}  # a year, not a date
    assert "transfer.deadline" not in t.ids


def test_transfer_post16() -> None:
    t = transfer(2026, kind="post16")
    assert t.step("transfer.post16").date == d("2026-03-30")
    assert t.step("transfer.latest-meeting").date == d("2026-01-05")


@pytest.mark.parametrize(
    ("t_date", "by"),
    [
        ("2026-09-01", "2026-03-31"),  # worked example (docs/pupil-and-support.md)
        ("2026-07-31", "2026-02-27"),  # no 31 February: 28th, less a day
        ("2027-01-05", "2026-08-04"),
    ],
)
def test_transfer_post16_other(t_date: str, by: str) -> None:
    t = transfer(kind="post16-other", transfer_date=d(t_date))
    assert t.step("transfer.post16-other").date == d(by)


@pytest.mark.parametrize(
    ("t", "months", "by"),
    [
        ("2026-09-01", 5, "2026-03-31"),
        ("2026-07-31", 5, "2026-02-27"),
        ("2024-08-29", 6, "2024-02-28"),
    ],
)
def test_clear_before_months(t: str, months: int, by: str) -> None:
    assert clear_before_months(d(t), months) == d(by)


def test_post16_other_without_a_date_is_listed_undated() -> None:
    t = transfer(kind="post16-other")
    assert t.step("transfer.post16-other").date is None
    assert "--transfer-date" in t.step("transfer.post16-other").basis
    assert t.step("transfer.latest-meeting").date is None


@pytest.mark.parametrize("kind", ["sixth-form", "apprenticeship", "unknown"])
def test_destinations_that_are_not_transfers(kind: str) -> None:
    t = transfer(2026, kind=kind)
    g = t.step("transfer.post16-guidance")
    assert g.date == d("2026-03-30")
    assert g.status is Status.GUIDANCE
    assert any("no reg 18 date" in w for w in t.warnings)


def test_transfer_on_or_before_the_fixed_date_warns() -> None:
    t = transfer(2026, kind="school", transfer_date=d("2026-01-05"))
    assert any("January Reception" in w for w in t.warnings)
    assert not any(
        "January" in w
        for w in transfer(2026, kind="school", transfer_date=d("2026-09-02")).warnings
    )


def test_transfer_with_terms_moves_the_latest_meeting_to_a_school_day(
    staffordshire: Calendar,
) -> None:
    t = transfer(2026, kind="post16", calendar=staffordshire)
    # 2026-03-30 - 12 weeks = Mon 2026-01-05, a school day of the sample file
    assert t.step("transfer.latest-meeting").date == d("2026-01-05")
    t = transfer(2026, kind="school", calendar=staffordshire)
    assert t.step("transfer.latest-meeting").date == d("2025-11-21")


@pytest.mark.parametrize(
    ("args", "problem"),
    [
        ({"kind": "school"}, "YEAR is needed"),
        ({"year": 2026, "kind": "college"}, "--kind 'college'"),
        ({"year": 2026, "kind": "school", "transfer_date": d("2027-09-01")}, "not in YEAR 2026"),
        ({"year": 2014, "kind": "school"}, "YEAR 2014"),
    ],
)
def test_transfer_bad_input(args: dict[str, object], problem: str) -> None:
    with pytest.raises(BadInput, match=problem):
        transfer(**args)  # type: ignore[arg-type]


# ------------------------------------------------------------------------- properties
DATES = st.dates(min_value=dt.date(2014, 9, 1), max_value=dt.date(2040, 12, 31))


@settings(max_examples=200, deadline=None)
@given(DATES, DATES)
def test_review_dates_non_decreasing_in_p(a: dt.date, b: dt.date) -> None:
    a, b = min(a, b), max(a, b)
    ta, tb = review(a), review(b)
    for sid in ("review.period-end", "review.latest-meeting", "review.invitations"):
        da, db = ta.step(sid).date, tb.step(sid).date
        assert da is not None
        assert db is not None
        assert da <= db


@settings(max_examples=200, deadline=None)
@given(DATES)
def test_latest_meeting_leaves_the_decision_inside_the_period(p: dt.date) -> None:
    t = review(p)
    end, latest = t.step("review.period-end").date, t.step("review.latest-meeting").date
    assert end is not None
    assert latest is not None
    assert end - dt.timedelta(days=34) <= latest <= end - dt.timedelta(days=28)
    assert Calendar().is_working_day(latest)
    assert t.step("review.decision").date is not None
    assert t.step("review.decision").date <= end  # type: ignore[operator]


# ---------------------------------------------------------------------- CLI, registry
def test_cli_review_json(cli: Invoke) -> None:
    r = cli(["review", "2019-01-01", "-f", "json", "--today", "2019-11-01"])
    assert r.exit_code == 0, r.stderr
    doc = json.loads(r.stdout)
    assert doc["process"] == "review"
    steps = {s["id"]: s for s in doc["steps"]}
    assert steps["review.period-end"]["date"] == "2019-12-31"
    assert steps["review.invitations"]["days_left"] == 17


def test_cli_review_with_terms_table(cli: Invoke) -> None:
    terms = str(EXAMPLES / "terms-staffordshire-2025-26.ics")
    r = cli(["review", "2025-06-02", "--terms", terms])
    assert r.exit_code == 0, r.stderr
    assert "2026-05-01" in r.stdout
    assert r.stderr == ""


def test_cli_transfer_and_amend(cli: Invoke) -> None:
    r = cli(["transfer", "2026", "--kind", "school", "-f", "csv"])
    assert r.exit_code == 0, r.stderr
    row = next(line for line in r.stdout.splitlines() if ",transfer.school," in line)
    assert ",2026-02-14,Saturday,fixed,statutory,verified," in row
    r = cli(
        [
            "amend",
            "2025-03-03",
            "--served",
            "2025-03-04",
            "--explain",
            "review.amend-representations",
        ]
    )
    assert r.exit_code == 0, r.stderr
    assert "Date: 2025-03-18 (Tuesday)" in r.stdout


@pytest.mark.parametrize(
    ("args", "problem"),
    [
        (["transfer", "2026"], "--kind is needed"),
        (["transfer", "26", "--kind", "school"], "YEAR '26'"),
        (["review", "01/03/2024"], "did you mean 2024-03-01"),
        (["review", "2024-03-01", "--year-group", "nine"], "--year-group 'nine'"),
    ],
)
def test_cli_errors_exit_2_on_one_line(cli: Invoke, args: list[str], problem: str) -> None:
    r = cli(args)
    assert r.exit_code == 2
    assert problem in r.stderr
    assert r.stderr.count("\n") == 1


def test_registry_calls_the_processes() -> None:
    assert REGISTRY["review"].load()(d("2019-01-01")).step("review.period-end").date == d(
        "2019-12-31"
    )
    assert REGISTRY["transfer"].load()(2026, kind="post16").step("transfer.post16").date == d(
        "2026-03-30"
    )
    assert REGISTRY["amend"].load()(d("2025-03-03")).step("review.no-amend").date == d("2025-04-28")


@pytest.mark.parametrize(
    "args",
    [
        ["review", "2025-03-17", "--meeting", "2026-02-11", "--dob", "2012-01-10"],
        [
            "review",
            "2025-01-10",
            "--dob",
            "2022-06-01",
            "--terms",
            str(EXAMPLES / "terms-staffordshire-2025-26.ics"),
        ],
        ["amend", "2025-03-03", "--posted", "2025-03-03", "--post", "first"],
        ["transfer", "2026", "--kind", "school", "--transfer-date", "2026-09-02"],
        ["transfer", "--kind", "post16-other"],
        [
            "assess",
            "2025-09-08",
            "--advice-requested",
            "2025-12-12",
            "--terms",
            str(EXAMPLES / "terms-staffordshire-2025-26.toml"),
        ],
    ],
)
def test_json_output_matches_the_schema(cli: Invoke, args: list[str]) -> None:
    from sendtime.io.schema import validate_timeline

    r = cli([*args, "-f", "json"])
    assert r.exit_code == 0, r.stderr
    validate_timeline(json.loads(r.stdout))


def test_explain_names_the_closure_the_meeting_moved_out_of(staffordshire: Calendar) -> None:
    t = review(d("2025-03-17"), calendar=staffordshire)
    assert any(
        "2026-02-16 (Monday) is not a school day (Spring half term)" in line
        for line in t.step("review.latest-meeting").explain
    )


def test_a_meeting_on_a_closed_day_warns(staffordshire: Calendar) -> None:
    t = review(d("2025-06-02"), meeting=d("2026-02-17"), calendar=staffordshire)
    assert any("not a school day" in w for w in t.warnings)
    t = review(d("2025-06-02"), meeting=d("2026-02-12"), calendar=staffordshire)
    assert not any("not a school day" in w for w in t.warnings)


def test_docs_name_every_review_amend_and_transfer_step() -> None:
    from sendtime.law.england.rules import RULES_BY_ID
    from sendtime.law.england.ruleset import ENGLAND

    text = (Path(__file__).parent.parent / "docs" / "terms-and-reviews.md").read_text(
        encoding="utf-8"
    )
    for process in ("review", "amend", "transfer"):
        for sid in ENGLAND.processes[process]:
            if not RULES_BY_ID[sid].hidden:
                assert sid in text, sid


def test_transfer_does_not_warn_about_other_kinds_of_transfer() -> None:
    from sendtime.law.england.reviews import transfer

    t = transfer(2026, kind="school")
    assert not any("may be later" in w for w in t.warnings)
    assert not any("may be later" in n for s in t.steps for n in s.notes)


def test_sixth_form_plan_is_guidance_and_post16_other_needs_its_date() -> None:
    from sendtime.engine.model import Status
    from sendtime.law.england.reviews import transfer

    t = transfer(2026, kind="sixth-form")
    assert {s.status for s in t.steps} == {Status.GUIDANCE}
    undated = transfer(kind="post16-other")
    assert undated.step("transfer.post16-other").date is None
    assert "give --transfer-date" in undated.step("transfer.post16-other").basis
    assert not any("may be later" in w for w in undated.warnings)
    both = transfer(2026, kind="post16-other", transfer_date=d("2026-09-01"))
    assert any("YEAR is not needed" in w for w in both.warnings)
