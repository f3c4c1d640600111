"""move (reg 15) and reassess (regs 25, 27)."""

from __future__ import annotations

import json

import pytest

import sendtime
from sendtime import ExceptionKind, RecordedException
from tests.conftest import Invoke, d


@pytest.mark.parametrize(
    ("move", "aware", "transfer", "limb"),
    [
        # the spec's example: aware Mon 2025-04-14 -> 15 WD beginning with it -> Wed 2025-05-07
        # (Good Friday, Easter Monday and the early May bank holiday skipped)
        ("2025-05-01", "2025-04-14", "2025-05-07", "15(2)(b)"),
        # the 15th working day before Wed 2025-05-07 (not counted) is Fri 2025-04-11
        ("2025-05-07", "2025-04-11", "2025-05-07", "15(2)(a)"),
        ("2025-05-07", "2025-04-14", "2025-05-07", "15(2)(b)"),  # day 15 falls on M itself
        ("2025-05-07", "2025-04-15", "2025-05-08", "15(2)(b)"),
        # 15th working day before Thu 2025-05-08 is Mon 2025-04-14
        ("2025-05-08", "2025-04-14", "2025-05-08", "15(2)(a)"),
        ("2025-05-08", "2025-03-01", "2025-05-08", "15(2)(a)"),
        # aware after the move
        ("2025-05-08", "2025-05-09", "2025-05-30", "15(2)(b)"),
    ],
)
def test_reg_15_transfer(move: str, aware: str, transfer: str, limb: str) -> None:
    t = sendtime.move(d(move), aware=d(aware))
    s = t.step("move.transfer")
    assert s.date == d(transfer)
    assert any(f"reg {limb}" in line for line in s.explain)


def test_transfer_without_aware_is_the_move_day_with_a_note() -> None:
    t = sendtime.move(d("2025-05-08"))
    s = t.step("move.transfer")
    assert s.date == d("2025-05-08")
    assert any("may be later: give --aware" in n for n in s.notes)


def test_notify_and_review_from_the_transfer() -> None:
    t = sendtime.move(d("2025-03-24"))
    assert t.ids == ("move.transfer", "move.notify", "move.review")
    notify = t.step("move.notify")
    assert notify.date == d("2025-05-05")  # a bank holiday: no roll
    assert notify.projected
    review = t.step("move.review")
    assert review.date == d("2025-06-23")  # 3 months beginning with 2025-03-24
    assert review.projected
    assert any("may be later: give --plan-date" in n for n in review.notes)
    assert any("may be later: give --plan-date" in w for w in t.warnings)
    assert any("secondary source" in n for n in review.notes)


def test_review_projection_follows_the_later_part() -> None:
    t = sendtime.move(d("2025-05-01"), aware=d("2025-04-14"), plan_date=d("2024-09-01"))
    review = t.step("move.review")
    assert review.date == d("2025-08-31")  # 12 months from P: given, not projected
    assert not review.projected
    early = sendtime.move(d("2025-05-01"), plan_date=d("2024-03-01")).step("move.review")
    assert early.date == d("2025-07-31")  # 3 months from the projected transfer
    assert early.projected


@pytest.mark.parametrize(
    ("plan_date", "review"),
    [
        ("2024-03-15", "2025-06-23"),  # 12 months end 2025-03-14: the 3 months are later
        ("2024-09-01", "2025-08-31"),  # 12 months end later
        ("2024-06-25", "2025-06-24"),  # a day apart
        ("2024-02-29", "2025-06-23"),
    ],
)
def test_review_is_the_later_of_both_periods(plan_date: str, review: str) -> None:
    t = sendtime.move(d("2025-03-20"), transfer_date=d("2025-03-24"), plan_date=d(plan_date))
    s = t.step("move.review")
    assert s.date == d(review)
    assert not s.projected
    assert not any(w.startswith("move.review") for w in t.warnings)
    assert "the later of" in s.basis


def test_reassess_dates() -> None:
    q = d("2025-01-06")
    t = sendtime.reassess(q)
    assert t.step("reassess.decision").date == d("2025-01-21")
    final = t.step("reassess.final")
    assert final.date == d("2025-04-29")
    assert final.projected
    notified = sendtime.reassess(q, notified=d("2025-01-20")).step("reassess.final")
    assert notified.date == d("2025-04-28")
    assert not notified.projected
    decided = sendtime.reassess(q, la_decided=d("2025-01-10")).step("reassess.final")
    assert decided.date == d("2025-04-18")
    assert not decided.projected
    assert "LA decided to re-assess" in decided.basis
    inclusive = sendtime.reassess(q, counting=sendtime.Counting.INCLUSIVE)
    assert inclusive.step("reassess.decision").date == d("2025-01-20")
    with pytest.raises(sendtime.BadInput, match="not both"):
        sendtime.reassess(q, notified=d("2025-01-20"), la_decided=d("2025-01-10"))


def test_reg_27_3_disapplies_the_final_step_only() -> None:
    ex = RecordedException(ExceptionKind.ABSENCE, d("2025-02-01"), d("2025-02-28"))
    t = sendtime.reassess(d("2025-01-06"), notified=d("2025-01-20"), exceptions=[ex])
    final = t.step("reassess.final")
    assert final.disapplied is not None
    assert final.disapplied.limb == "reg 27(3)(d)"
    assert final.date == d("2025-04-28")
    assert t.step("reassess.decision").disapplied is None


def test_cli_move_and_reassess_json_ids(cli: Invoke) -> None:
    r = cli(["move", "2025-05-01", "--aware", "2025-04-14", "-f", "json"])
    assert r.exit_code == 0
    doc = json.loads(r.stdout)
    assert [s["id"] for s in doc["steps"]] == ["move.transfer", "move.notify", "move.review"]
    assert doc["steps"][0]["date"] == "2025-05-07"
    assert "may be later: give --plan-date" in r.stderr
    r = cli(["reassess", "2025-01-06", "--notified", "2025-01-20", "-f", "json"])
    assert r.exit_code == 0
    doc = json.loads(r.stdout)
    assert [s["id"] for s in doc["steps"]] == ["reassess.decision", "reassess.final"]
    assert doc["steps"][0]["notes"][0].startswith("secondary source")
