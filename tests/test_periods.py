"""Counting conventions of docs/rules.md, as tables of exact cases."""

from __future__ import annotations

import pytest

from sendtime.engine import periods
from tests.conftest import d


@pytest.mark.parametrize(
    ("start", "months", "end"),
    [
        ("2024-03-15", 12, "2025-03-14"),
        ("2023-03-01", 12, "2024-02-29"),
        ("2024-02-29", 12, "2025-02-28"),
        ("2025-03-24", 3, "2025-06-23"),
        ("2019-01-01", 12, "2019-12-31"),
        ("2025-01-31", 1, "2025-02-28"),
        ("2024-01-31", 1, "2024-02-29"),
        ("2024-01-30", 1, "2024-02-29"),
        ("2025-01-28", 1, "2025-02-27"),
        ("2025-01-29", 1, "2025-02-28"),
        ("2024-08-31", 3, "2024-11-30"),
        ("2024-03-31", 12, "2025-03-30"),
    ],
)
def test_period_of_months_starting_with(start: str, months: int, end: str) -> None:
    assert periods.period_of_months_end(d(start), months) == d(end)


@pytest.mark.parametrize(
    ("start", "months", "end"),
    [
        ("2023-12-31", 2, "2024-02-29"),
        ("2025-06-15", 2, "2025-08-15"),
        ("2023-10-01", 2, "2023-12-01"),
        ("2023-11-29", 1, "2023-12-29"),
        ("2025-03-31", -1, "2025-02-28"),
    ],
)
def test_months_after_is_corresponding_date(start: str, months: int, end: str) -> None:
    assert periods.add_months(d(start), months) == d(end)


def test_beginning_with_counts_the_first_day() -> None:
    # "at least 15 days beginning with the day on which the draft was served"
    assert periods.beginning_with(d("2025-03-03"), 15) == d("2025-03-17")


def test_clear_interval_excludes_both_ends() -> None:
    # "at least 2 weeks' notice" of a meeting on Fri 2025-02-14
    assert periods.clear_before(d("2025-02-14"), 14) == d("2025-01-30")


def test_before_fixed_date_is_the_day_before() -> None:
    assert periods.day_before_fixed(2026, 2, 15) == d("2026-02-14")
    assert periods.day_before_fixed(2026, 3, 31) == d("2026-03-30")


def test_overlap_counts_both_ends() -> None:
    assert (
        periods.overlap_days((d("2025-01-01"), d("2025-01-28")), (d("2025-01-01"), d("2025-03-01")))
        == 28
    )
    assert (
        periods.overlap_days((d("2025-01-01"), d("2025-01-05")), (d("2025-02-01"), d("2025-03-01")))
        == 0
    )
