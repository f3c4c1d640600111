"""appeal: mediation steps and the Tribunal deadline (HESC r.20(1)(c), r.12), with every roll."""

from __future__ import annotations

import csv
import io
import json

import pytest

import sendtime
from sendtime import Calendar, Confidence
from sendtime.law.england.hesc import TribunalCalendar, tribunal_excluded
from tests.conftest import Invoke, d

APPEAL_IDS = (
    "appeal.mediation-contact",
    "appeal.certificate",
    "appeal.health-notice",
    "appeal.mediation",
    "appeal.deemed-certificate",
    "appeal.mediation-certificate",
    "appeal.deadline",
)


def test_ipsea_example_certificate_later_and_in_christmas_week() -> None:
    t = sendtime.appeal(d("2023-10-01"), certificate=d("2023-11-29"))
    s = t.step("appeal.deadline")
    assert s.date == d("2024-01-02")
    assert "2 months after 2023-10-01 (decision sent) (2023-12-01)" in s.basis
    assert "1 month after 2023-11-29 (mediation certificate) (2023-12-29)" in s.basis
    assert "between 25 December and 1 January" in s.basis
    assert s.basis.endswith("first working day after 1 January: 2024-01-02")
    assert t.step("appeal.mediation-contact").date == d("2023-12-01")
    assert not t.warnings


def test_issue_example_august_basis_reads_as_documented() -> None:
    s = sendtime.appeal(d("2025-06-15")).step("appeal.deadline")
    assert s.date == d("2025-09-01")
    assert s.basis == (
        "2 months after 2025-06-15 (decision sent) is 2025-08-15, in August; r.12(3)(a) moves it "
        "to the first working day after 31 August: 2025-09-01"
    )
    assert any("r.12(3)(a)" in line for line in s.explain)


@pytest.mark.parametrize(
    ("decision", "e0", "deadline", "why"),
    [
        # August -> first working day after 31 August
        ("2025-06-15", "2025-08-15", "2025-09-01", "in August"),
        ("2024-06-30", "2024-08-30", "2024-09-02", "in August"),  # 1 Sep 2024 is a Sunday
        ("2025-06-30", "2025-08-30", "2025-09-01", "in August"),  # a Saturday in August
        # 25 December-1 January -> first working day after 1 January
        ("2023-10-26", "2023-12-26", "2024-01-02", "between 25 December and 1 January"),
        ("2024-11-01", "2025-01-01", "2025-01-02", "between 25 December and 1 January"),
        # substitute New Year's Day Mon 2022-01-03 pushes it to Tuesday
        ("2021-10-29", "2021-12-29", "2022-01-04", "between 25 December and 1 January"),
        # 1 Jan 2027 Friday, weekend after: Monday 4 January
        ("2026-10-31", "2026-12-31", "2027-01-04", "between 25 December and 1 January"),
        # weekends and bank holidays: r.12(2)
        ("2025-01-15", "2025-03-15", "2025-03-17", "not a working day (Saturday)"),
        ("2025-02-21", "2025-04-21", "2025-04-22", "Easter Monday"),
        ("2025-02-18", "2025-04-18", "2025-04-22", "Good Friday"),
        ("2025-03-05", "2025-05-05", "2025-05-06", "May Day"),
        ("2023-03-08", "2023-05-08", "2023-05-09", "Coronation"),
        # a working day outside the windows: no roll
        ("2024-10-24", "2024-12-24", "2024-12-24", "no roll"),
        # r.12(3)(a) is tested on E0 only: a Saturday 24 December rolls under r.12(2) to the
        # next working day, after Boxing Day and the substitute Christmas Day (27 Dec 2022)
        ("2022-10-24", "2022-12-24", "2022-12-28", "not a working day (Saturday)"),
        ("2022-05-31", "2022-07-31", "2022-08-01", "not a working day (Sunday)"),
    ],
)
def test_each_roll(decision: str, e0: str, deadline: str, why: str) -> None:
    s = sendtime.appeal(d(decision)).step("appeal.deadline")
    assert s.date == d(deadline)
    assert f"is {e0}" in s.basis
    assert why in s.basis
    assert s.basis.endswith(deadline) or why == "no roll"


@pytest.mark.parametrize(
    ("decision", "certificate", "deadline"),
    [
        ("2023-12-31", None, "2024-02-29"),  # leap year: no 31 February
        ("2023-12-30", None, "2024-02-29"),
        ("2022-12-31", None, "2023-02-28"),
        ("2024-12-31", None, "2025-02-28"),
        ("2023-12-01", "2024-01-31", "2024-02-29"),  # certificate + 1 month, leap year
        ("2024-12-15", "2025-01-31", "2025-02-28"),  # D + 2 months is a Saturday; C wins
        ("2025-01-10", "2025-01-20", "2025-03-10"),  # certificate early: D + 2 months wins
        ("2023-10-01", "2023-11-29", "2024-01-02"),
    ],
)
def test_month_ends_leap_years_and_later_of(
    decision: str, certificate: str | None, deadline: str
) -> None:
    t = sendtime.appeal(d(decision), certificate=d(certificate) if certificate else None)
    assert t.step("appeal.deadline").date == d(deadline)


def test_later_of_without_certificate_warns_it_may_be_later() -> None:
    t = sendtime.appeal(d("2025-01-10"))
    s = t.step("appeal.deadline")
    assert s.date == d("2025-03-10")
    assert any("may be later: give --certificate" in n for n in s.notes)
    assert any("may be later: give --certificate" in w for w in t.warnings)
    with_c = sendtime.appeal(d("2025-01-10"), certificate=d("2025-02-20"))
    assert with_c.step("appeal.deadline").date == d("2025-03-20")
    assert not with_c.warnings


def test_certificate_before_decision_is_refused() -> None:
    with pytest.raises(sendtime.BadInput, match="--certificate"):
        sendtime.appeal(d("2025-01-10"), certificate=d("2025-01-01"))


def test_mediation_contact_never_rolls() -> None:
    s = sendtime.appeal(d("2025-01-15")).step("appeal.mediation-contact")
    assert s.date == d("2025-03-15")  # a Saturday, kept
    assert any("no statutory roll-forward" in n for n in s.notes)


def test_mediation_steps_with_their_triggers() -> None:
    t = sendtime.appeal(
        d("2025-12-01"),
        adviser_informed=d("2025-12-18"),
        mediation_requested=d("2025-12-23"),
        la_told_adviser=d("2026-01-20"),
        mediation_ended=d("2026-03-31"),
    )
    assert t.step("appeal.certificate").date == d("2025-12-23")  # Thu + 3 WD
    assert t.step("appeal.health-notice").date == d("2025-12-30")  # over Christmas
    assert t.step("appeal.mediation").date == d("2026-01-22")  # 30 days
    assert t.step("appeal.deemed-certificate").date == d("2026-01-23")
    assert t.step("appeal.mediation-certificate").date == d("2026-04-07")  # Easter 2026


def test_steps_without_trigger_are_listed_undated_with_the_option() -> None:
    t = sendtime.appeal(d("2025-06-15"))
    assert t.ids == APPEAL_IDS
    expected = {
        "appeal.certificate": "--adviser-informed",
        "appeal.health-notice": "--mediation-requested",
        "appeal.mediation": "--mediation-requested",
        "appeal.deemed-certificate": "--la-told-adviser",
        "appeal.mediation-certificate": "--mediation-ended",
    }
    for sid, option in expected.items():
        s = t.step(sid)
        assert s.date is None
        assert s.basis == f"no date: give {option}"


def test_secondary_steps_say_so() -> None:
    t = sendtime.appeal(d("2025-06-15"), adviser_informed=d("2025-06-20"))
    for s in t.steps:
        has = any("secondary source" in n for n in s.notes)
        assert has is (s.confidence is Confidence.SECONDARY), s.id


def test_tribunal_calendar_rolls_over_both_windows() -> None:
    tc = TribunalCalendar.of(Calendar())
    assert not tc.is_working_day(d("2025-08-04"))
    assert not tc.is_working_day(d("2025-12-29"))
    assert tc.is_working_day(d("2025-12-24"))
    assert tc.is_working_day(d("2026-01-02"))
    assert tc.add_working_days(d("2025-07-30"), 3) == d("2025-09-02")
    assert tc.add_working_days(d("2025-12-23"), 2) == d("2026-01-02")
    assert tc.add_working_days(d("2025-09-01"), -1) == d("2025-07-31")
    assert tc.working_days_beginning_with(d("2025-08-10"), 1) == d("2025-09-01")
    assert tc.working_day_on_or_before(d("2026-01-01")) == d("2025-12-24")
    assert tc.working_days_between(d("2025-07-31"), d("2025-09-02")) == 2
    assert tc.add_working_days(d("2021-12-24"), 1) == d("2022-01-04")
    assert TribunalCalendar.of(tc.base) is tc


@pytest.mark.parametrize(
    ("day", "excluded"),
    [
        ("2025-12-24", False),
        ("2025-12-25", True),
        ("2025-12-31", True),
        ("2026-01-01", True),
        ("2026-01-02", False),
        ("2025-07-31", False),
        ("2025-08-01", True),
        ("2025-08-31", True),
        ("2025-09-01", False),
    ],
)
def test_tribunal_excluded_days(day: str, excluded: bool) -> None:
    assert tribunal_excluded(d(day)) is excluded


def test_cli_json_carries_every_appeal_id(cli: Invoke) -> None:
    r = cli(["appeal", "2023-10-01", "--certificate", "2023-11-29", "--format", "json"])
    assert r.exit_code == 0
    doc = json.loads(r.stdout)
    assert [s["id"] for s in doc["steps"]] == list(APPEAL_IDS)
    deadline = doc["steps"][-1]
    assert deadline["date"] == "2024-01-02"
    assert "r.12(3)(a)" in deadline["basis"]
    for s in doc["steps"]:
        if s["confidence"] == "secondary":
            assert any("secondary source" in n for n in s["notes"]), s["id"]


def test_cli_csv_and_table_say_secondary_source(cli: Invoke) -> None:
    r = cli(["appeal", "2025-06-15", "--format", "csv"])
    assert r.exit_code == 0
    rows = list(csv.DictReader(io.StringIO(r.stdout)))
    assert {row["step"] for row in rows} == set(APPEAL_IDS)
    for row in rows:
        assert ("secondary source" in row["notes"]) is (row["confidence"] == "secondary")
    assert "may be later: give --certificate" in r.stderr
    table = cli(["appeal", "2025-06-15"])
    assert table.exit_code == 0
    assert "secondary source" in table.stdout
    assert "2025-09-01" in table.stdout


def test_r12_2_into_a_window_keeps_the_earlier_date_and_warns() -> None:
    t = sendtime.appeal(d("2022-10-24"))
    assert t.step("appeal.deadline").date == d("2022-12-28")
    assert any("only because r.12(2) moved 2022-12-24" in w for w in t.warnings)
    assert not any("only because" in w for w in sendtime.appeal(d("2025-06-15")).warnings)


def test_cli_explain_shows_the_roll(cli: Invoke) -> None:
    r = cli(["appeal", "2022-10-24", "--explain", "appeal.deadline"])
    assert r.exit_code == 0
    assert "Date: 2022-12-28 (Wednesday)" in r.stdout
    assert "r.12(2)" in r.stdout
    assert "tested on that day only" in r.stdout


def test_exception_is_ignored_for_appeals() -> None:
    t = sendtime.appeal(
        d("2025-06-15"), exceptions=[sendtime.RecordedException(sendtime.ExceptionKind.PERSONAL)]
    )
    assert any("no statutory exception applies" in w for w in t.warnings)
    assert t.step("appeal.deadline").disapplied is None


@pytest.mark.parametrize(
    ("method", "start", "n", "working", "tribunal"),
    [
        # "within N working days of X": the Tribunal's calendar skips August
        ("within", "2025-07-30", 3, "2025-08-04", "2025-09-02"),
        # and 25 December-1 January
        ("within", "2025-12-22", 4, "2025-12-30", "2026-01-05"),
        ("beginning", "2025-12-24", 2, "2025-12-29", "2026-01-02"),
    ],
)
def test_tribunal_days_unit_counts_on_the_tribunal_calendar(
    method: str, start: str, n: int, working: str, tribunal: str
) -> None:
    from sendtime.engine.methods import METHODS, Anchor, Context
    from sendtime.engine.model import Method, Rule, Unit

    m = Method.WORKING_WITHIN if method == "within" else Method.WORKING_BEGINNING_WITH
    from sendtime.law.england.ruleset import ENGLAND

    ctx = Context(Calendar(), sendtime.Counting.EXCLUSIVE, {}, {}, units=ENGLAND.units)
    anchor = Anchor(d(start), "x", f"{start} (x)", projected=False)
    for unit, want in ((Unit.WORKING_DAYS, working), (Unit.TRIBUNAL_DAYS, tribunal)):
        rule = Rule("t.x", "t", "t", (), "w", "x", amount=n, unit=unit, method=m)
        got = METHODS[m](rule, anchor, ctx)
        assert got.date == d(want), unit
    assert any("r.12(3)(b)" in line for line in got.explain)
