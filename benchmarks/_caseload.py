"""Shared by the benchmarks: write a synthetic caseload of annual-review rows (fake refs only)."""

from __future__ import annotations

import csv
import datetime as dt
import random
from pathlib import Path


def write_reviews(path: Path, rows: int, *, seed: int = 2026) -> None:
    """A caseload CSV of `rows` review rows with P dates spread over 2023-2025."""
    rng = random.Random(seed)
    start = dt.date(2023, 1, 1).toordinal()
    with path.open("w", encoding="utf-8", newline="") as f:
        w = csv.writer(f)
        w.writerow(["ref", "process", "date", "school"])
        for i in range(rows):
            p = dt.date.fromordinal(start + rng.randrange(3 * 365))
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
