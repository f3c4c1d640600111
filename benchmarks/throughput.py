"""Throughput: `sendtime batch` against a bare csv loop writing the same rows and columns.

The baseline is the floor any Python tool pays: read the same CSV with the csv module, parse
each date, and write as many rows per input row as sendtime wrote for it (counted from a
first sendtime run), with the same number of columns, with csv.writer. Each format asked for
(`--formats csv,json,xlsx,ics`; json is JSON Lines) runs as a whole process on the same file.
Every round runs the baseline and each format once, in turn (interleaved, so a busy shared
machine slows all of them alike); the script prints medians and the ratios: CSV against the
baseline, the other formats against CSV.

Workloads (`--workload`): `repeat` is the first benchmark's 3 years of review dates (the
timeline cache hits most rows); `reviews` spreads review dates over 2015-2029 and `mixed`
cycles through ten processes over the same years (issue 20: distinct dates). Targets
(issue 20): CSV <= 1.5x the baseline; JSON Lines and XLSX within 1.5x of CSV (XLSX 3x and ICS
2x as the first steps).

Run: python benchmarks/throughput.py [--workload reviews] [--rows 30000] [--runs 3]
     [--formats csv,json,xlsx,ics]
"""

from __future__ import annotations

import argparse
import collections
import csv
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _caseload import write_workload

BASELINE = r"""
import csv, datetime as dt, sys
src, counts, dst = sys.argv[1], sys.argv[2], sys.argv[3]
with open(counts, encoding="utf-8") as f:
    per_row = [int(n) for n in f]
with open(src, encoding="utf-8", newline="") as f, \
        open(dst, "w", encoding="utf-8", newline="") as o:
    r = csv.reader(f)
    w = csv.writer(o, lineterminator="\n")
    header = next(r)
    w.writerow(["ref", "process", "step", "title", "date", "weekday", "kind", "status",
                "confidence", "citation", "basis", "projected", "disapplied", "calendar",
                *header[3:]])
    for n, (ref, process, date, *rest) in zip(per_row, r):
        d = dt.date(int(date), 9, 1) if len(date) == 4 else dt.date.fromisoformat(date)
        rows = []
        for k in range(n):
            x = d + dt.timedelta(days=30 * k)
            rows.append([ref, process, f"review.step-{k}", "A step title", x.isoformat(),
                         x.strftime("%A"), "deadline", "statutory", "verified",
                         "SEND Regulations 2014, reg 20", "12 months starting with P", "false",
                         "", "england-and-wales; holidays 0.109 GB-ENG", *rest])
        w.writerows(rows)
"""
SUFFIX = {"csv": "csv", "json": "jsonl", "xlsx": "xlsx", "ics": "ics"}


def timed(cmd: list[str], env: dict[str, str]) -> float:
    """Wall time of one whole process."""
    start = time.perf_counter()
    subprocess.run(cmd, check=True, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - start


def steps_per_row(output: Path) -> collections.Counter[str]:
    """How many rows sendtime's CSV output has for each ref."""
    with output.open(encoding="utf-8", newline="") as f:
        return collections.Counter(row[0] for row in csv.reader(f))


def main() -> None:
    """Run the rounds and print the table."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--workload", default="reviews", choices=("repeat", "reviews", "mixed"))
    parser.add_argument("--rows", type=int, default=30_000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument(
        "--formats", default="csv", help="comma-separated: csv,json,xlsx,ics (json: JSON Lines)"
    )
    args = parser.parse_args()
    formats = [f for f in args.formats.split(",") if f]
    if "csv" not in formats:
        formats.insert(0, "csv")
    exe = shutil.which("sendtime", path=str(Path(sys.executable).parent)) or "sendtime"
    with tempfile.TemporaryDirectory() as tmp:
        t = Path(tmp)
        caseload = t / "caseload.csv"
        write_workload(caseload, args.workload, args.rows)
        (t / "baseline.py").write_text(BASELINE, encoding="utf-8")
        env = dict(os.environ, SENDTIME_CACHE_DIR=str(t / "cache"), NO_COLOR="1")

        def ours(fmt: str) -> list[str]:
            out = t / f"ours.{SUFFIX[fmt]}"
            return [exe, "batch", str(caseload), "-f", fmt, "-o", str(out), "--today", "2025-01-01"]

        timed(ours("csv"), env)  # builds the bank-holiday cache; its output gives the row counts
        counts = steps_per_row(t / "ours.csv")
        with caseload.open(encoding="utf-8", newline="") as f:
            refs = [row[0] for row in csv.reader(f)][1:]
        (t / "counts.txt").write_text(
            "".join(f"{counts.get(r, 0)}\n" for r in refs), encoding="utf-8"
        )
        base_cmd = [sys.executable, str(t / "baseline.py"), str(caseload), str(t / "counts.txt")]
        base_cmd.append(str(t / "base.csv"))
        times: dict[str, list[float]] = {"baseline": [], **{f: [] for f in formats}}
        for _ in range(args.runs):
            times["baseline"].append(timed(base_cmd, env))
            for fmt in formats:
                times[fmt].append(timed(ours(fmt), env))
        out_rows = sum(counts.values()) - 1
        base_rows = sum(1 for _ in (t / "base.csv").open(encoding="utf-8")) - 1
    med = {k: statistics.median(v) for k, v in times.items()}
    print(
        f"workload {args.workload}: {args.rows:,} input rows, {out_rows:,} output rows "
        f"(baseline {base_rows:,}); medians of {args.runs} interleaved runs"
    )
    b = med["baseline"]
    print(f"  bare csv loop (baseline): {b:.2f} s ({args.rows / b:,.0f} rows/s)")
    for fmt in formats:
        o = med[fmt]
        against = f"{o / b:.2f}x baseline" + (
            f", {o / med['csv']:.2f}x csv" if fmt != "csv" else ""
        )
        print(f"  sendtime batch -f {fmt}: {o:.2f} s ({args.rows / o:,.0f} rows/s; {against})")
    print(f"throughput ratio (csv / baseline): {med['csv'] / b:.2f}x (target <= 1.5x)")


if __name__ == "__main__":
    main()
