"""Throughput: `sendtime batch` on review rows writing CSV, against a bare csv loop.

The baseline is the floor any Python tool pays: read the same CSV with the csv module, parse
each date, and write the same number of dated rows (8 per input row) with csv.writer. Both
run as whole processes on the same file, alternately; the script prints the medians and the
ratio. Target (issue 6): <= 3x, aim 2x.

Run: python benchmarks/throughput.py [--rows 30000] [--runs 3]
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _caseload import write_reviews

BASELINE = r"""
import csv, datetime as dt, sys
src, dst = sys.argv[1], sys.argv[2]
with open(src, encoding="utf-8", newline="") as f, \
        open(dst, "w", encoding="utf-8", newline="") as o:
    r = csv.reader(f)
    w = csv.writer(o, lineterminator="\n")
    header = next(r)
    w.writerow(["ref", "process", "step", "title", "date", "weekday", "kind", "status",
                "confidence", "citation", "basis", "projected", "disapplied", "school"])
    for ref, process, date, school in r:
        d = dt.date.fromisoformat(date)
        for k in range(8):
            x = d + dt.timedelta(days=30 * k)
            w.writerow([ref, process, f"review.step-{k}", "A step title", x.isoformat(),
                        x.strftime("%A"), "deadline", "statutory", "verified",
                        "SEND Regulations 2014, reg 20", "12 months starting with P", "false", "",
                        school])
"""


def timed(cmd: list[str], env: dict[str, str]) -> float:
    start = time.perf_counter()
    subprocess.run(cmd, check=False, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rows", type=int, default=30_000)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    exe = shutil.which("sendtime", path=str(Path(sys.executable).parent)) or "sendtime"
    with tempfile.TemporaryDirectory() as tmp:
        t = Path(tmp)
        caseload = t / "caseload.csv"
        write_reviews(caseload, args.rows)
        (t / "baseline.py").write_text(BASELINE, encoding="utf-8")
        env = dict(os.environ, SENDTIME_CACHE_DIR=str(t / "cache"), NO_COLOR="1")
        base_cmd = [sys.executable, str(t / "baseline.py"), str(caseload), str(t / "base.csv")]
        ours_cmd = [
            exe,
            "batch",
            str(caseload),
            "--format",
            "csv",
            "-o",
            str(t / "ours.csv"),
            "--today",
            "2025-01-01",
        ]
        timed(ours_cmd, env)  # builds the bank-holiday cache
        base, ours = [], []
        for _ in range(args.runs):
            base.append(timed(base_cmd, env))
            ours.append(timed(ours_cmd, env))
        out_rows = sum(1 for _ in (t / "ours.csv").open(encoding="utf-8")) - 1
        base_rows = sum(1 for _ in (t / "base.csv").open(encoding="utf-8")) - 1
    b, o = statistics.median(base), statistics.median(ours)
    print(f"input: {args.rows} review rows; sendtime wrote {out_rows} rows, baseline {base_rows}")
    print(f"bare csv loop (baseline): median {b:.2f} s ({args.rows / b:,.0f} rows/s)")
    print(f"sendtime batch --format csv: median {o:.2f} s ({args.rows / o:,.0f} rows/s)")
    print(f"throughput ratio: {o / b:.2f}x (target <= 3x, aim 2x)")
    national = 640_000
    minutes = national / (args.rows / o) / 60
    print(f"England's ~{national:,} EHC plans on one core: about {minutes:.1f} minutes")


if __name__ == "__main__":
    main()
