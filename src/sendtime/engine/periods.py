"""Pure date arithmetic: the only home of timedelta and relativedelta in sendtime.

Each function implements one counting convention of docs/rules.md.
"""

from __future__ import annotations

import datetime as dt


def add_days(d: dt.date, n: int) -> dt.date:
    """Return the date n calendar days after d (before it when n is negative)."""
    return d + dt.timedelta(days=n)


def add_months(d: dt.date, n: int) -> dt.date:
    """Return the corresponding date n months on; with none (29-31), the last day of that month.

    "N months after D": 2023-12-31 + 2 months -> 2024-02-29.
    """
    # imported here: dateutil (and six) cost ~3 ms of a start that may need no month arithmetic
    from dateutil.relativedelta import relativedelta

    return d + relativedelta(months=n)


def has_corresponding_date(d: dt.date, n: int) -> bool:
    """Whether the month n months on has a day d.day."""
    return add_months(d, n).day == d.day


def period_of_months_end(d: dt.date, n: int) -> dt.date:
    """Last day of "a period of n months starting (or beginning) with d" (CFA s.44(1), reg 15(5)).

    It ends the day before the corresponding date n months on; where that month has no
    corresponding date (d is the 29th-31st), it ends on the last day of that month.
    2024-03-15 (12) -> 2025-03-14; 2023-03-01 -> 2024-02-29; 2024-02-29 -> 2025-02-28.
    """
    if has_corresponding_date(d, n):
        return add_months(d, n) - dt.timedelta(days=1)
    return add_months(d, n)  # relativedelta clamps to the last day of the month


def beginning_with(d: dt.date, days: int) -> dt.date:
    """Last day of "n days beginning with d": d is day 1."""
    return d + dt.timedelta(days=days - 1)


def clear_before(m: dt.date, days: int) -> dt.date:
    """Latest day to give "at least n days' notice of m": neither end counts, so m - n - 1."""
    return m - dt.timedelta(days=days + 1)


def clear_before_months(t: dt.date, months: int) -> dt.date:
    """Latest day "at least n months before t" (reg 18(2)): a clear interval.

    The corresponding date n months before t (last day of the month if none), less one day:
    T 2026-09-01, 5 months -> 2026-03-31.
    """
    return add_months(t, -months) - dt.timedelta(days=1)


def day_before_fixed(year: int, month: int, day: int) -> dt.date:
    """The day before a fixed date: "before 15 February" -> 14 February of that year."""
    return dt.date(year, month, day) - dt.timedelta(days=1)


def span_days(start: dt.date, end: dt.date) -> int:
    """Days from start to end, both ends inclusive (0 when end is before start)."""
    return max(0, (end - start).days + 1)


def overlap_days(a: tuple[dt.date, dt.date], b: tuple[dt.date, dt.date]) -> int:
    """Days two inclusive ranges share."""
    return span_days(max(a[0], b[0]), min(a[1], b[1]))
