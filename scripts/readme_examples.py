"""Check (or --fix) the console examples in README.md against the real output of sendtime.

Each `$ sendtime ...` line in a ```console block is run at 100 columns with NO_COLOR; its
output must match the lines shown (up to a line "...", which cuts an example short). Examples
marked "# columns cut" are processed by hand and skipped.
"""

from __future__ import annotations

import os
import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
README = ROOT / "README.md"


def examples(text: str) -> list[tuple[int, str, list[str]]]:
    """(line index of the command, the command, the output lines shown) for each example."""
    lines = text.splitlines()
    out = []
    in_console = False
    i = 0
    while i < len(lines):
        line = lines[i]
        if line.startswith("```"):
            in_console = line.strip() == "```console"
            i += 1
            continue
        if in_console and line.startswith("$ sendtime ") and "# columns cut" not in line:
            shown = []
            j = i + 1
            while j < len(lines) and not lines[j].startswith(("$ ", "```")):
                shown.append(lines[j])
                j += 1
            out.append((i, line[2:], shown))
            i = j
            continue
        i += 1
    return out


def actual(command: str) -> list[str]:
    """What the command prints (stdout, or stderr when stdout is empty), lines right-stripped."""
    exe = shutil.which("sendtime", path=str(Path(sys.executable).parent)) or "sendtime"
    args = shlex.split(command)[1:]
    env = dict(os.environ, COLUMNS="100", NO_COLOR="1", TERM="dumb")
    p = subprocess.run(  # noqa: S603 - the README's own example commands
        [exe, *args], capture_output=True, text=True, env=env, cwd=ROOT, check=False
    )
    text = p.stdout if p.stdout else p.stderr
    return [line.rstrip() for line in text.splitlines()]


VERSION = re.compile(r"holidays \d+\.\d+(?:\.\d+)?")


def _same(line: str) -> str:
    """A line with the holidays package version taken out (it changes with each release)."""
    return VERSION.sub("holidays N", line.rstrip())


def mismatches() -> list[str]:
    """A message per example whose shown output differs from the real one."""
    problems = []
    for _, command, shown in examples(README.read_text(encoding="utf-8")):
        cut = shown.index("...") if "..." in shown else len(shown)
        want = [_same(line) for line in shown[:cut]]
        real = [_same(line) for line in actual(command)]
        got = real[: len(want)] if cut < len(shown) else real
        if want != got:
            problems.append(
                f"{command}: README shows {len(want)} lines that differ from the output"
            )
    return problems


def fix() -> None:
    """Rewrite each example's shown output with the real one (keeping a '...' cut)."""
    lines = README.read_text(encoding="utf-8").splitlines()
    for index, command, shown in reversed(examples("\n".join(lines))):
        cut = shown.index("...") if "..." in shown else None
        got = actual(command)
        new = got[:cut] + shown[cut:] if cut is not None else got
        lines[index + 1 : index + 1 + len(shown)] = new
    README.write_text("\n".join(lines) + "\n", encoding="utf-8")


if __name__ == "__main__":
    if "--fix" in sys.argv:
        fix()
    for problem in mismatches():
        sys.stdout.write(problem + "\n")
