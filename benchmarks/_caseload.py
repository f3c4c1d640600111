"""Shared by the benchmarks: synthetic caseloads (fake refs only), written with the csv module."""

from __future__ import annotations

import csv
import datetime as dt
import random
from pathlib import Path

MIXED_COLUMNS = ("ref", "process", "date", "kind", "type", "school")
# (process, date kind, kind cell, type cell): every process a caseload row can name but pupil.
MIXED = (
    ("assess", "date", "", ""),
    ("draft", "date", "", ""),
    ("review", "date", "", ""),
    ("amend", "date", "", ""),
    ("transfer", "year", "school", ""),
    ("move", "date", "", ""),
    ("reassess", "date", "", ""),
    ("appeal", "date", "", ""),
    ("order", "date", "", "make-plan"),
    ("mediation", "date", "", "other"),
)


def write_reviews(
    path: Path, rows: int, *, seed: int = 2026, first: int = 2023, years: int = 3
) -> None:
    """A caseload CSV of `rows` review rows with P dates spread over `years` from `first`.

    The repository's first benchmark used 3 years (2023-2025), so its dates repeat and the
    timeline cache hits 90% of rows; issue 20 spreads them over 15 years (2015-2029).
    """
    rng = random.Random(seed)
    start = dt.date(first, 1, 1).toordinal()
    with path.open("w", encoding="utf-8", newline="") as f:
        w = csv.writer(f)
        w.writerow(["ref", "process", "date", "school"])
        for i in range(rows):
            p = dt.date.fromordinal(start + rng.randrange(years * 365))
            w.writerow([f"R{i:06d}", "review", p.isoformat(), f"School {i % 40}"])


def write_checked_reviews(path: Path, rows: int, *, seed: int = 2026) -> None:
    """Review rows with done:STEP_ID columns: the meeting held and the decision sent (fake).

    The meeting is also given as a `meeting` column, the input `batch` reads, so a `batch` of
    the same file computes one timeline per row just as `check` must.
    """
    rng = random.Random(seed)
    start = dt.date(2023, 1, 1).toordinal()
    with path.open("w", encoding="utf-8", newline="") as f:
        w = csv.writer(f)
        w.writerow(
            [
                "ref",
                "process",
                "date",
                "meeting",
                "done:review.latest-meeting",
                "done:review.decision",
                "school",
            ]
        )
        for i in range(rows):
            p = dt.date.fromordinal(start + rng.randrange(3 * 365))
            meeting = p + dt.timedelta(days=300 + rng.randrange(60))
            decision = meeting + dt.timedelta(days=20 + rng.randrange(20))
            w.writerow(
                [
                    f"R{i:06d}",
                    "review",
                    p.isoformat(),
                    meeting.isoformat(),
                    meeting.isoformat(),
                    decision.isoformat() if i % 3 else "",
                    f"School {i % 40}",
                ]
            )


def write_mixed(path: Path, rows: int, *, seed: int = 2026) -> None:
    """A caseload CSV cycling through ten processes, dates spread over 2015-2029."""
    rng = random.Random(seed)
    start = dt.date(2015, 1, 1).toordinal()
    with path.open("w", encoding="utf-8", newline="") as f:
        w = csv.writer(f)
        w.writerow(MIXED_COLUMNS)
        for i in range(rows):
            process, kind, kind_cell, type_cell = MIXED[i % len(MIXED)]
            d = dt.date.fromordinal(start + rng.randrange(15 * 365))
            date = str(d.year) if kind == "year" else d.isoformat()
            w.writerow([f"M{i:06d}", process, date, kind_cell, type_cell, f"School {i % 40}"])


def write_workload(path: Path, workload: str, rows: int) -> None:
    """`repeat` (2023-2025 reviews), `reviews` (2015-2029 reviews) or `mixed` (ten processes)."""
    if workload == "repeat":
        write_reviews(path, rows)
    elif workload == "reviews":
        write_reviews(path, rows, first=2015, years=15)
    elif workload == "mixed":
        write_mixed(path, rows)
    else:
        msg = f"workload {workload!r}: expected repeat, reviews or mixed"
        raise SystemExit(msg)
