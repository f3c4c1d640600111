"""Throughput of `sendtime check` against `sendtime batch` on the same caseload (issue 14).

The file has review rows with a meeting column (the input batch reads) and
done:review.latest-meeting (the same date) and done:review.decision columns. `batch` computes
every step and passes the done columns through; `check` also anchors on the done dates and
computes every outcome (the Ombudsman's step for a late duty and, near a boundary, the other
counting convention). Every row's inputs differ, so neither can reuse another row's timeline:
the ratio measures the outcome work itself. (On a caseload whose rows repeat their dates,
batch shares one timeline between them; check's rows differ by their done dates.)
Both run as whole processes on the same file, alternately; the script prints the medians and
the ratio. Target: check within 1.5x of batch.

Run: python benchmarks/check_throughput.py [--rows 20000] [--runs 3]
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
from _caseload import write_checked_reviews

TARGET = 1.5


def timed(cmd: list[str], env: dict[str, str]) -> float:
    start = time.perf_counter()
    subprocess.run(cmd, check=False, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rows", type=int, default=20_000)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    exe = shutil.which("sendtime", path=str(Path(sys.executable).parent)) or "sendtime"
    with tempfile.TemporaryDirectory() as tmp:
        t = Path(tmp)
        caseload = t / "caseload.csv"
        write_checked_reviews(caseload, args.rows)
        env = dict(os.environ, SENDTIME_CACHE_DIR=str(t / "cache"), NO_COLOR="1")
        common = [str(caseload), "--format", "csv", "--today", "2026-01-01"]
        batch = [exe, "batch", *common, "-o", str(t / "batch.csv")]
        check = [exe, "check", *common, "-o", str(t / "check.csv")]
        timed(batch, env)  # builds the bank-holiday cache
        b, c = [], []
        for _ in range(args.runs):
            b.append(timed(batch, env))
            c.append(timed(check, env))
        mb, mc = statistics.median(b), statistics.median(c)
        rows = args.rows
        print(f"batch: {mb:.2f} s ({rows / mb:,.0f} rows/s)")
        print(f"check: {mc:.2f} s ({rows / mc:,.0f} rows/s)")
        verdict = "within" if mc / mb <= TARGET else "OVER"
        print(f"ratio check/batch: {mc / mb:.2f}x ({verdict} the {TARGET}x target)")


if __name__ == "__main__":
    main()
