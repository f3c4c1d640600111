"""How loading an ICS term file scales: seconds for 3,000 and 30,000 events, and their ratio.

Issue 13: a 30,000-event file ran past two minutes (each closure was checked against every
term). Linear loading gives a ratio near 10 for ten times the events; quadratic, near 100.

    python benchmarks/ics_terms.py
"""

from __future__ import annotations

import datetime as dt
import tempfile
import time
from pathlib import Path


def write(path: Path, events: int) -> None:
    """Alternating one-day terms and holidays from 2000 (events + 1 so it ends on a term)."""
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:benchmark"]
    first = dt.date(2000, 1, 3)
    for i in range(events + 1):
        start = first + dt.timedelta(days=i)
        lines += [
            "BEGIN:VEVENT",
            f"SUMMARY:{'Term' if i % 2 == 0 else 'Holiday'} {i}",
            f"DTSTART;VALUE=DATE:{start:%Y%m%d}",
            f"DTEND;VALUE=DATE:{start + dt.timedelta(days=1):%Y%m%d}",
            "END:VEVENT",
        ]
    lines.append("END:VCALENDAR")
    path.write_text("\r\n".join(lines) + "\r\n", encoding="utf-8")


def seconds(events: int, folder: Path) -> float:
    """Seconds to load a file of `events` events (best of two)."""
    from sendtime.io.loaders import load_terms

    path = folder / f"t{events}.ics"
    write(path, events)
    best = float("inf")
    for _ in range(2):
        start = time.perf_counter()
        load_terms(path)
        best = min(best, time.perf_counter() - start)
    return best


def main() -> None:
    """Print both timings and the ratio."""
    with tempfile.TemporaryDirectory() as tmp:
        small, large = seconds(3_000, Path(tmp)), seconds(30_000, Path(tmp))
    print(f"3,000 events: {small:.2f} s; 30,000 events: {large:.2f} s")
    print(f"ratio {large / small:.1f} (10 = linear, 100 = quadratic)")


if __name__ == "__main__":
    main()
