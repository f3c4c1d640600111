"""Memory: peak RSS (and time) of `sendtime batch` as the caseload grows, per output format.

Each run is a child process; its peak resident set size comes from the OS (getrusage of the
waited child, measured by a fresh Python per run). The bank-holiday cache is built before any
measured run (warm, as every run after a user's first is). Targets (issue 20): CSV memory flat
(the largest caseload <= 1.2x the 30,000-row peak); XLSX's peak <= 2x CSV's at 100,000 rows.

Run: python benchmarks/memory.py [--workload reviews] [--sizes 30000,300000]
     [--formats csv,xlsx]
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _caseload import write_workload

PEAK = r"""
import resource, subprocess, sys, time
start = time.perf_counter()
subprocess.run(sys.argv[1:], check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, time.perf_counter() - start)
"""
SUFFIX = {"csv": "csv", "json": "jsonl", "xlsx": "xlsx", "ics": "ics"}


def peak(cmd: list[str], env: dict[str, str]) -> tuple[float, float]:
    """Peak RSS in MiB and wall time in seconds of one whole process."""
    out = subprocess.run(
        [sys.executable, "-c", PEAK, *cmd], check=True, env=env, capture_output=True, text=True
    ).stdout
    kib, seconds = out.split()
    return int(kib) / 1024, float(seconds)  # ru_maxrss is in KiB on Linux


def main() -> None:
    """Run each size and format once and print the table."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--workload", default="reviews", choices=("repeat", "reviews", "mixed"))
    parser.add_argument("--sizes", default="30000,300000", help="comma-separated row counts")
    parser.add_argument("--formats", default="csv", help="comma-separated: csv,json,xlsx,ics")
    args = parser.parse_args()
    sizes = [int(n) for n in args.sizes.split(",")]
    formats = [f for f in args.formats.split(",") if f]
    exe = shutil.which("sendtime", path=str(Path(sys.executable).parent)) or "sendtime"
    with tempfile.TemporaryDirectory() as tmp:
        t = Path(tmp)
        env = dict(os.environ, SENDTIME_CACHE_DIR=str(t / "cache"), NO_COLOR="1")
        results: dict[tuple[int, str], tuple[float, float]] = {}
        warm = t / "warm.csv"
        write_workload(warm, args.workload, 10)
        peak([exe, "batch", str(warm), "-o", str(t / "warm.out"), "--today", "2025-01-01"], env)
        for n in sizes:
            caseload = t / f"caseload-{n}.csv"
            write_workload(caseload, args.workload, n)
            for fmt in formats:
                out = t / f"out.{SUFFIX[fmt]}"
                cmd = [exe, "batch", str(caseload), "-f", fmt, "-o", str(out)]
                results[n, fmt] = peak([*cmd, "--today", "2025-01-01"], env)
                out.unlink()
            caseload.unlink()
    print(f"workload {args.workload}, warm bank-holiday cache")
    for fmt in formats:
        for n in sizes:
            mib, seconds = results[n, fmt]
            print(f"  -f {fmt}, {n:>7,} rows: peak RSS {mib:6.1f} MiB, {seconds:6.2f} s")
    if "csv" in formats and len(sizes) > 1:
        first = 30_000 if 30_000 in sizes[:-1] else sizes[0]  # the target is vs 30,000
        small, large = results[first, "csv"][0], results[sizes[-1], "csv"][0]
        print(
            f"csv growth: {large / small:.2f}x the {first:,}-row peak for "
            f"{sizes[-1] / first:g}x the rows (target <= 1.2x)"
        )
    for fmt in formats:
        if fmt != "csv" and "csv" in formats:
            n = sizes[-1]
            ratio = results[n, fmt][0] / results[n, "csv"][0]
            print(
                f"{fmt} peak at {n:,} rows: {ratio:.2f}x csv's"
                + (" (target <= 2x)" if fmt == "xlsx" else "")
            )


if __name__ == "__main__":
    main()
