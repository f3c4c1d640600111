"""The pupil command: facts from the date of birth joined to the transfer plan."""

from __future__ import annotations

import json

import pytest

from sendtime.engine.errors import BadInput
from sendtime.law.england.pupils import pupil
from tests.conftest import Invoke, d, date_of


def test_issue_example_year_6_before_15_february_2026() -> None:
    t = pupil(d("2015-03-10"), today=d("2025-11-01"))
    assert t.pupil is not None
    facts = t.pupil.doc
    assert dict(t.extra)["pupil"] == facts  # 0.1's form, for one release
    assert facts == {
        "year_group": 6,
        "academic_year": "2025-26",
        "compulsory_school_age_ends": "2031-06-27",
        "preparation_for_adulthood": False,
        "next_transfer": "2026-09",
        "structure": "two-tier",
        "transfer_into": "secondary school (Year 7)",
    }
    assert date_of(t, "transfer.school") == d("2026-02-14")
    assert date_of(t, "transfer.latest-meeting") == d("2025-11-21")
    assert t.trigger == d("2015-03-10")


def test_year_9_post16_transfer_and_preparation_for_adulthood() -> None:
    t = pupil(d("2012-03-10"), today=d("2025-11-01"))
    assert t.pupil is not None
    assert t.pupil.year_group == 9
    assert t.pupil.preparation_for_adulthood is True
    assert date_of(t, "transfer.post16") == d("2028-03-30")


def test_sixth_form_destination_is_guidance_not_a_transfer() -> None:
    t = pupil(
        d("2010-03-10"), today=d("2025-11-01"), structure="secondary", destination="sixth-form"
    )
    assert t.pupil is not None
    assert t.pupil.next_transfer is None
    assert t.step("transfer.post16-guidance").status.value == "guidance"


def test_plan_date_adds_review_and_the_one_meeting_window() -> None:
    t = pupil(d("2015-03-10"), today=d("2025-11-01"), plan_date=d("2025-01-20"))
    assert date_of(t, "review.period-end") == d("2026-01-19")
    assert any("one review meeting from 2025-09-01 to 2025-11-21" in w for w in t.warnings)


def test_no_combined_window_when_review_is_due_before_september() -> None:
    t = pupil(d("2015-03-10"), today=d("2025-11-01"), plan_date=d("2024-09-20"))
    assert not any("one review meeting" in w for w in t.warnings)


def test_under_five_gets_the_early_years_guidance() -> None:
    t = pupil(d("2022-01-10"), today=d("2025-11-01"))
    assert any("CoP 9.178" in w for w in t.warnings)
    t2 = pupil(d("2022-01-10"), today=d("2025-11-01"), plan_date=d("2025-06-01"))
    assert date_of(t2, "review.early-years") == d("2025-09-01")


def test_out_of_structure_gives_facts_and_no_transfer() -> None:
    t = pupil(d("2008-03-10"), today=d("2025-11-01"))  # Year 13
    assert t.steps == ()
    assert any("no further transfer" in w for w in t.warnings)


def test_bad_structure_named() -> None:
    with pytest.raises(BadInput, match="--structure 'tri-tier'"):
        pupil(d("2015-03-10"), today=d("2025-11-01"), structure="tri-tier")


def test_cli_pupil_json(cli: Invoke) -> None:
    r = cli(["pupil", "--dob", "2015-03-10", "--today", "2025-11-01", "-f", "json"])
    assert r.exit_code == 0
    doc = json.loads(r.stdout)
    assert doc["pupil"]["year_group"] == 6
    assert doc["pupil"]["next_transfer"] == "2026-09"
    assert {s["id"]: s["date"] for s in doc["steps"]}["transfer.school"] == "2026-02-14"


def test_cli_pupil_table_and_errors(cli: Invoke) -> None:
    r = cli(["pupil", "--dob", "2015-03-10", "--today", "2025-11-01"])
    assert "Year group 6 in 2025-26" in r.stdout
    assert "2026-02-14" in r.stdout
    r = cli(["pupil"])
    assert r.exit_code == 2
    assert "--dob" in r.stderr
    r = cli(["pupil", "--dob", "2015-03-10", "--year-group", "x"])
    assert r.exit_code == 2
    assert "whole number" in r.stderr
