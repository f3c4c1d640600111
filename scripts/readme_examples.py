"""Check (or --fix) the console examples in README.md and docs/ against sendtime's real output.

Each `$ sendtime ...` line in a ```console block is run at 100 columns with NO_COLOR, in a
scratch folder holding a copy of examples/ (so an example that writes a file writes it there);
its output must match the lines shown (up to a line "...", which cuts an example short). A
command with a pipe runs in bash, with the `cols` helper of docs/terms-and-reviews.md defined.
Examples marked "# columns cut" or "# not run" are processed by hand and skipped.
"""

from __future__ import annotations

import functools
import os
import re
import shlex
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
README = ROOT / "README.md"
SKIP = ("# columns cut", "# not run")
COLS = (
    'cols() { python3 -c \'import csv,sys; w=csv.writer(sys.stdout, lineterminator="\\n"); '
    '[w.writerow([r[c] for c in sys.argv[1:]]) for r in csv.DictReader(sys.stdin)]\' "$@"; }'
)


def pages() -> list[Path]:
    """README.md and every Markdown page under docs/."""
    return [README, *sorted((ROOT / "docs").rglob("*.md"))]


@functools.cache
def scratch() -> Path:
    """A folder with a copy of examples/ (and an empty docs/) to run the examples in."""
    folder = Path(tempfile.mkdtemp(prefix="sendtime-examples-"))
    shutil.copytree(ROOT / "examples", folder / "examples")
    (folder / "docs").mkdir()
    return folder


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
        if in_console and line.startswith("$ sendtime ") and not any(m in line for m in SKIP):
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
    bindir = str(Path(sys.executable).parent)
    exe = shutil.which("sendtime", path=bindir) or "sendtime"
    env = dict(os.environ, COLUMNS="100", NO_COLOR="1", TERM="dumb")
    env["PATH"] = bindir + os.pathsep + env.get("PATH", "")
    if "|" in command:
        argv = ["bash", "-c", f"{COLS}\n{command}"]
    else:
        argv = [exe, *shlex.split(command)[1:]]
    p = subprocess.run(  # noqa: S603 - the docs' own example commands
        argv, capture_output=True, text=True, env=env, cwd=scratch(), check=False
    )
    text = p.stdout if p.stdout else p.stderr
    return [line.rstrip() for line in text.splitlines()]


VERSION = re.compile(r"holidays \d+\.\d+(?:\.\d+)?")


def _same(line: str) -> str:
    """A line with the holidays package version taken out (it changes with each release)."""
    return VERSION.sub("holidays N", line.rstrip())


def mismatches(page: Path | None = None) -> list[str]:
    """A message per example whose shown output differs from the real one."""
    problems = []
    for path in [page] if page else pages():
        for _, command, shown in examples(path.read_text(encoding="utf-8")):
            cut = shown.index("...") if "..." in shown else len(shown)
            want = [_same(line) for line in shown[:cut]]
            real = [_same(line) for line in actual(command)]
            got = real[: len(want)] if cut < len(shown) else real
            if want != got:
                problems.append(
                    f"{path.relative_to(ROOT)}: {command}: shows {len(want)} lines that differ "
                    "from the output"
                )
    return problems


def fix(page: Path) -> None:
    """Rewrite each example's shown output with the real one (keeping a '...' cut)."""
    lines = page.read_text(encoding="utf-8").splitlines()
    for index, command, shown in reversed(examples("\n".join(lines))):
        cut = shown.index("...") if "..." in shown else None
        got = actual(command)
        new = got[:cut] + shown[cut:] if cut is not None else got
        lines[index + 1 : index + 1 + len(shown)] = new
    page.write_text("\n".join(lines) + "\n", encoding="utf-8")


if __name__ == "__main__":
    if "--fix" in sys.argv:
        for path in pages():
            fix(path)
    for problem in mismatches():
        sys.stdout.write(problem + "\n")
