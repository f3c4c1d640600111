"""The Ombudsman's 12-month limit (LGA 1974 s.26B): exact dates and the classic mistakes."""

from __future__ import annotations

import pytest

import sendtime
from sendtime.engine.model import Confidence, Kind, Method, Unit
from sendtime.law.england.remedies import ombudsman, ombudsman_step
from sendtime.law.england.rules import RULES_BY_ID
from tests.conftest import d


@pytest.mark.parametrize(
    ("notice", "last_day"),
    [
        ("2025-03-15", "2026-03-14"),  # the day before the corresponding date
        ("2023-03-01", "2024-02-29"),  # 365 days would give 2024-02-28
        ("2024-02-29", "2025-02-28"),  # no 29 February: the last day of that month
        ("2024-03-01", "2025-02-28"),
        ("2024-12-31", "2025-12-30"),
    ],
)
def test_twelve_months_beginning_with_first_notice(notice: str, last_day: str) -> None:
    t = ombudsman(d(notice))
    step = t.step("ombudsman.complaint")
    assert step.date == d(last_day)
    assert step.citation == "Local Government Act 1974, s.26B(1), (2)(a)"
    assert step.confidence is Confidence.VERIFIED
    assert any("s.26B(3)" in n for n in step.notes)


def test_the_row_quotes_beginning_with() -> None:
    rule = RULES_BY_ID["ombudsman.complaint"]
    assert rule.method is Method.PERIOD_STARTING
    assert (rule.amount, rule.unit, rule.kind) == (12, Unit.MONTHS, Kind.DEADLINE)
    assert "12 months beginning with the day the person affected first had notice" in rule.wording


def test_from_a_late_duty_counts_from_the_day_after_it_fell_due() -> None:
    final = sendtime.assess(d("2024-03-01")).step("assess.final")
    assert final.date == d("2024-07-19")
    step = ombudsman_step(final)
    assert step is not None
    assert step.date == d("2025-07-19")  # 12 months beginning with 2024-07-20
    assert "assess.final" in step.basis
    assert any("the day after the duty fell due" in n for n in step.notes)


def test_from_a_late_duty_with_a_later_notice_date() -> None:
    final = sendtime.assess(d("2024-03-01")).step("assess.final")
    step = ombudsman_step(final, first_notice=d("2024-09-02"))
    assert step is not None
    assert step.date == d("2025-09-01")


def test_no_date_no_step() -> None:
    t = sendtime.order(d("2025-03-03"), type="continue")
    assert ombudsman_step(t.step("order.continue")) is None
