"""Start-up: `sendtime assess 2024-03-01 --format json` against a minimal Typer app (the floor).

Both run as whole processes in this environment, alternately, many times; the script prints the
medians and their ratio. Target (issue 6): ratio <= 1.5, aim 1.2.

Run: python benchmarks/startup.py [--runs 40]
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

MINIMAL_APP = """
import typer

app = typer.Typer()


@app.command()
def assess(date: str, format: str = typer.Option("table", "--format")) -> None:
    print('{"schema": "sendtime.timeline/1", "process": "assess", "steps": []}')


@app.command()
def other() -> None:
    pass


app()
"""


def time_command(cmd: list[str], env: dict[str, str]) -> float:
    start = time.perf_counter()
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, env=env)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=40)
    args = parser.parse_args()
    exe = shutil.which("sendtime", path=str(Path(sys.executable).parent)) or "sendtime"
    # A pip install compiles bytecode; an editable install under PYTHONDONTWRITEBYTECODE (as
    # here) never does, and would time the compiler. Compile once, as an install would.
    import compileall

    import sendtime

    compileall.compile_dir(str(Path(sendtime.__file__).parent), quiet=1)
    with tempfile.TemporaryDirectory() as tmp:
        app = Path(tmp) / "minimal_app.py"
        app.write_text(MINIMAL_APP, encoding="utf-8")
        env = dict(os.environ, SENDTIME_CACHE_DIR=str(Path(tmp) / "cache"), NO_COLOR="1")
        base_cmd = [sys.executable, str(app), "assess", "2024-03-01", "--format", "json"]
        ours_cmd = [exe, "assess", "2024-03-01", "--format", "json"]
        # warm both (the first sendtime run builds the bank-holiday cache)
        time_command(base_cmd, env)
        time_command(ours_cmd, env)
        base, ours = [], []
        for _ in range(args.runs):
            base.append(time_command(base_cmd, env))
            ours.append(time_command(ours_cmd, env))
    b, o = statistics.median(base), statistics.median(ours)
    print(f"minimal Typer app (baseline): median {b * 1000:.1f} ms over {args.runs} runs")
    print(f"sendtime assess --format json: median {o * 1000:.1f} ms over {args.runs} runs")
    print(f"start-up ratio: {o / b:.2f}x (target <= 1.5x, aim 1.2x)")


if __name__ == "__main__":
    main()
