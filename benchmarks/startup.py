"""Start-up: `sendtime assess` (JSON and the default table) against a minimal Typer app.

The floor is a minimal Typer app with the same two commands that prints a fixed timeline:
sendtime's own output for the same command, captured once and stored in the app as text. Each
pair runs as whole processes in this environment, alternately (interleaved, so a busy shared
machine slows both alike), many times; the script prints the medians and their ratios.
Targets (issue 20): `--format json` <= 1.2x, the table <= 1.5x.

Bytecode is compiled first, as a pip install does: an editable install under
PYTHONDONTWRITEBYTECODE (as here) never writes it, and would time the compiler.
`--importtime` also prints the largest imports (self time, from `python -X importtime`).

Run: python benchmarks/startup.py [--runs 40] [--importtime]
"""

from __future__ import annotations

import argparse
import compileall
import os
import shutil
import statistics
import subprocess
import sys
import sysconfig
import tempfile
import time
from pathlib import Path

MINIMAL_APP = """
import sys
import typer

app = typer.Typer()
FIXED = {fixed!r}


@app.command()
def assess(date: str, format: str = typer.Option("table", "--format")) -> None:
    sys.stdout.write(FIXED[format])


@app.command()
def other() -> None:
    pass


app()
"""
COMMAND = ["assess", "2024-03-01"]


def time_command(cmd: list[str], env: dict[str, str]) -> float:
    """Wall time of one whole process."""
    start = time.perf_counter()
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, env=env)
    return time.perf_counter() - start


def import_times(cmd: list[str], env: dict[str, str], top: int = 12) -> list[tuple[int, str]]:
    """The `top` largest self times (us) of one run under -X importtime."""
    err = subprocess.run(
        [sys.executable, "-X", "importtime", *cmd],
        check=True,
        capture_output=True,
        text=True,
        env=env,
    ).stderr
    rows = []
    for line in err.splitlines():
        if line.startswith("import time:") and "|" in line and "self" not in line:
            self_us, _cumulative, name = line.removeprefix("import time:").split("|")
            rows.append((int(self_us), name.rstrip()))
    return sorted(rows, reverse=True)[:top]


def main() -> None:
    """Capture the outputs, run the rounds, print the table."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=40)
    parser.add_argument("--importtime", action="store_true")
    args = parser.parse_args()
    exe = shutil.which("sendtime", path=str(Path(sys.executable).parent)) or "sendtime"
    import sendtime

    compileall.compile_dir(str(Path(sendtime.__file__).parent), quiet=1)
    compileall.compile_dir(sysconfig.get_paths()["purelib"], quiet=1)
    with tempfile.TemporaryDirectory() as tmp:
        env = dict(os.environ, SENDTIME_CACHE_DIR=str(Path(tmp) / "cache"), NO_COLOR="1")
        fixed = {}
        for fmt in ("json", "table"):
            fixed[fmt] = subprocess.run(
                [exe, *COMMAND, "--format", fmt],
                check=True,
                capture_output=True,
                text=True,
                env=env,
            ).stdout
        app = Path(tmp) / "minimal_app.py"
        app.write_text(MINIMAL_APP.format(fixed=fixed), encoding="utf-8")
        base = [sys.executable, str(app), *COMMAND, "--format"]
        pairs = {
            "json": ([*base, "json"], [exe, *COMMAND, "--format", "json"]),
            "table": ([*base, "table"], [exe, *COMMAND]),
        }
        times: dict[str, list[float]] = {
            k: [] for k in ("base-json", "json", "base-table", "table")
        }
        for _ in range(args.runs):
            for fmt, (base_cmd, ours_cmd) in pairs.items():
                times[f"base-{fmt}"].append(time_command(base_cmd, env))
                times[fmt].append(time_command(ours_cmd, env))
        if args.importtime:
            for fmt in ("json", "table"):
                print(f"largest imports, assess --format {fmt} (self time):")
                for us, name in import_times(["-m", "sendtime", *COMMAND, "--format", fmt], env):
                    print(f"  {us / 1000:6.1f} ms  {name}")
    med = {k: statistics.median(v) for k, v in times.items()}
    print(f"medians of {args.runs} interleaved runs, compiled bytecode")
    for fmt, target in (("json", 1.2), ("table", 1.5)):
        b, o = med[f"base-{fmt}"], med[fmt]
        print(f"  minimal Typer app printing the fixed {fmt}: {b * 1000:.1f} ms")
        print(f"  sendtime assess --format {fmt}: {o * 1000:.1f} ms")
        print(f"start-up ratio ({fmt}): {o / b:.2f}x (target <= {target}x)")


if __name__ == "__main__":
    main()
