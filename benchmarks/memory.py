"""Memory: peak RSS of `sendtime batch` stays flat as the caseload grows (30k vs 300k rows).

Each run is a child process; its peak resident set size comes from the OS (getrusage of the
waited child, measured by a fresh Python per run). Target (issue 6): flat, at most 150 MiB.

Run: python benchmarks/memory.py [--small 30000] [--large 300000]
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
from _caseload import write_reviews

PEAK = r"""
import resource, subprocess, sys
subprocess.run(sys.argv[1:], check=False, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
"""


def peak_mib(cmd: list[str], env: dict[str, str]) -> float:
    out = subprocess.run(
        [sys.executable, "-c", PEAK, *cmd], check=True, env=env, capture_output=True, text=True
    ).stdout
    return int(out.strip()) / 1024  # ru_maxrss is in KiB on Linux


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--small", type=int, default=30_000)
    parser.add_argument("--large", type=int, default=300_000)
    args = parser.parse_args()
    exe = shutil.which("sendtime", path=str(Path(sys.executable).parent)) or "sendtime"
    with tempfile.TemporaryDirectory() as tmp:
        t = Path(tmp)
        env = dict(os.environ, SENDTIME_CACHE_DIR=str(t / "cache"), NO_COLOR="1")
        results = {}
        for n in (args.small, args.large):
            caseload = t / f"caseload-{n}.csv"
            write_reviews(caseload, n)
            cmd = [
                exe,
                "batch",
                str(caseload),
                "--format",
                "csv",
                "-o",
                str(t / "out.csv"),
                "--today",
                "2025-01-01",
            ]
            results[n] = peak_mib(cmd, env)
            caseload.unlink()
    small, large = results[args.small], results[args.large]
    print(f"peak RSS, {args.small:,} rows: {small:.1f} MiB")
    print(f"peak RSS, {args.large:,} rows: {large:.1f} MiB")
    print(
        f"growth ratio: {large / small:.2f}x for {args.large // args.small}x the rows "
        "(target: flat, <= 150 MiB)"
    )


if __name__ == "__main__":
    main()
