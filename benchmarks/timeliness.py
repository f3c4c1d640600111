"""Speed: `sendtime timeliness` on a SEN2 Blade export, against reading the same files with csv.

The baseline is the floor: a process that reads every table of the export (person included) with
the csv module and does nothing else. Both run as whole processes on the same folder,
alternately; the script prints the medians, the ratio and the seconds. Target (issue 15):
100,000 requests (a large LA's five years) in seconds.

Run: python benchmarks/timeliness.py [--requests 100000] [--runs 3]
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _blade import write_blade

BASELINE = r"""
import csv, pathlib, sys
n = 0
for p in sorted(pathlib.Path(sys.argv[1]).glob("*.csv")):
    with p.open(encoding="utf-8-sig", newline="") as f:
        for row in csv.reader(f):
            n += len(row)
print(n)
"""


def _time(cmd: list[str]) -> float:
    t0 = time.perf_counter()
    subprocess.run(cmd, check=False, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - t0


def main() -> None:
    """Build the export, time both, print the ratio."""
    ap = argparse.ArgumentParser()
    ap.add_argument("--requests", type=int, default=100_000)
    ap.add_argument("--runs", type=int, default=3)
    args = ap.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="sendtime-bench-"))
    try:
        folder = tmp / "export"
        write_blade(folder, args.requests)
        rows = sum(sum(1 for _ in p.open(encoding="utf-8")) - 1 for p in folder.glob("*.csv"))
        sendtime = [sys.executable, "-m", "sendtime", "timeliness", str(folder), "--format",
                    "json", "--year", "2024", "--cases", str(tmp / "cases.csv")]  # fmt: skip
        baseline = [sys.executable, "-c", BASELINE, str(folder)]
        ours, base = [], []
        for _ in range(args.runs):
            ours.append(_time(sendtime))
            base.append(_time(baseline))
        o, b = statistics.median(ours), statistics.median(base)
        print(f"requests: {args.requests}, rows in all tables: {rows}")
        print(f"csv module alone: {b:.2f} s (median of {args.runs})")
        print(f"sendtime timeliness: {o:.2f} s (median of {args.runs})")
        print(f"ratio: {o / b:.1f}x")
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
