"""Reviews after the legal audit: the decision not to amend (17.16), no restart (17.8)."""

from __future__ import annotations

import sendtime
from sendtime.law.england.rules import NO_RESTART_NOTE, PERIOD_NOTE, RULES_BY_ID
from tests.conftest import d, date_of


def test_review_shows_the_decision_not_to_amend() -> None:
    t = sendtime.review(d("2024-03-15"))
    assert t.ids.index("review.no-amend") == t.ids.index("review.amended-final") + 1
    step = t.step("review.no-amend")
    # projected from the latest decision (2025-03-14) + 8 weeks, as the amended plan is
    assert step.date == d("2025-05-09") == date_of(t, "review.amended-final")
    assert step.projected
    assert step.citation == "SEND Regulations 2014, reg 22(4)"
    assert any("alternative to review.amended-final" in n for n in step.notes)


def test_no_amend_counts_from_the_notice_given() -> None:
    t = sendtime.review(d("2024-03-15"), notice_sent=d("2025-03-20"))
    assert date_of(t, "review.no-amend") == d("2025-05-15")  # Thu + 56 days, exclusive
    assert not t.step("review.no-amend").projected
    # "8 weeks" is 56 days, never 2 months (2025-05-20)
    assert date_of(t, "review.no-amend") != d("2025-05-20")


def test_amend_keeps_it() -> None:
    t = sendtime.amend(d("2025-03-20"))
    assert date_of(t, "review.no-amend") == d("2025-05-15")


def test_no_restart_is_the_projects_reading_not_reg_22_3() -> None:
    assert "reg 22(3)" not in NO_RESTART_NOTE
    assert "CFA s.44(1)" in NO_RESTART_NOTE
    assert "22(3)" not in PERIOD_NOTE
    assert "sendtime reads CFA s.44(1)" in PERIOD_NOTE
    assert "reg 22(2)(a)" in RULES_BY_ID["review.amended-final"].wording
