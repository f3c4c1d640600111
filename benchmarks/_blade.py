"""Shared by the benchmarks: write a synthetic SEN2 Blade export (fake ids, no real person)."""

from __future__ import annotations

import contextlib
import csv
import datetime as dt
import random
from pathlib import Path
from typing import Any

PREFIX = "Blade-Export_20-01-2026_"


def _blade(d: dt.date | None) -> str:
    return d.strftime("%Y-%b-%d 00:00:00") if d else ""


def write_blade(folder: Path, requests: int, *, seed: int = 2026) -> None:
    """An export of ``requests`` requests received over 2021-2025, with their assessments, plans
    and latest reviews, in the proportions of a large LA (about 3 in 4 assessed, 2 in 3 plans).
    """
    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    start = dt.date(2021, 1, 1).toordinal()

    stack = contextlib.ExitStack()
    writers: dict[str, Any] = {}
    for name, header in (
        ("person", ["persontableid", "forename", "surname", "personbirthdate", "postcode"]),
        ("requests", ["requeststableid", "persontableid", "receiveddate", "rquestsource",
                      "requestoutcomedate", "requestoutcome", "requestmediation",
                      "requesttribunal", "exported"]),
        ("assessment", ["assessmenttableid", "requeststableid", "assessmentoutcome",
                        "assessmentoutcomedate", "assessmentmediation", "assessmenttribunal",
                        "othermediation", "othertribunal", "week20"]),
        ("namedplan", ["namedplantableid", "assessmenttableid", "startdate", "ceasedate"]),
        ("activeplans", ["activeplanstableid", "requeststableid", "reviewmeeting",
                         "reviewoutcome", "lastreview"]),
    ):  # fmt: skip
        f = stack.enter_context(
            (folder / f"{PREFIX}{name}.csv").open("w", encoding="utf-8", newline="")
        )
        writers[name] = csv.writer(f)
        writers[name].writerow(header)
    day = dt.timedelta(days=1)
    for i in range(requests):
        pid, rid = f"P{i}", f"R{i}"
        writers["person"].writerow([pid, "Name", "Surname", "2015-Jan-01 00:00:00", "AB1 2CD"])
        received = dt.date.fromordinal(start + rng.randrange(5 * 365))
        decided = received + rng.randrange(20, 70) * day
        outcome = rng.choices("YNWA", weights=(75, 18, 4, 3))[0]
        med = "1" if rng.random() < 0.03 else "0"
        writers["requests"].writerow(
            [
                rid,
                pid,
                _blade(received),
                rng.choice("12345"),
                _blade(decided if outcome in "YN" else None),
                outcome,
                med,
                "0",
                "0",
            ]
        )
        if outcome != "Y":
            continue
        aid = f"A{i}"
        result = rng.choices("YNA", weights=(85, 12, 3))[0]
        out_date = received + rng.randrange(90, 420) * day
        writers["assessment"].writerow(
            [
                aid,
                rid,
                result,
                _blade(out_date if result != "A" else None),
                "0",
                "0",
                "0",
                "0",
                "1" if rng.random() < 0.07 else "0",
            ]
        )
        if result != "Y":
            continue
        writers["namedplan"].writerow([f"N{i}", aid, _blade(out_date), ""])
        meeting = out_date + rng.randrange(300, 400) * day
        last = meeting + rng.randrange(10, 60) * day if rng.random() < 0.9 else None
        writers["activeplans"].writerow(
            [f"V{i}", rid, _blade(meeting), rng.choice("ACM"), _blade(last)]
        )
    stack.close()
