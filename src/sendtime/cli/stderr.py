"""Every line sendtime writes to stderr: escaped, and never able to stop the data.

stderr carries warnings, error records and the final error line. When the program reading it
goes away (`sendtime batch big.csv -o out.csv 2>&1 | head -1`), writing raises BrokenPipeError;
that must not be taken for a closed stdout: only a closed stdout may end a run quietly. So a
failed write to stderr marks it closed, points file descriptor 2 at the null device (so
Python's shutdown does not complain) and the run carries on; later lines are dropped.
"""

from __future__ import annotations

import os
import sys

from sendtime.render.text import printable

_closed = False


def line(text: str) -> None:
    """Write one line to stderr, control characters escaped; a closed stderr is ignored."""
    global _closed
    if _closed:
        return
    err = sys.stderr
    try:
        err.write(printable(text) + "\n")
        err.flush()
    except (OSError, ValueError):  # BrokenPipeError, EPIPE, a closed file object
        _closed = True
        try:
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, err.fileno())
            os.close(devnull)
        except (OSError, ValueError, AttributeError):
            pass  # not a real file descriptor (tests)


def warn(text: str) -> None:
    """`sendtime: warning: ...` on stderr."""
    line(f"sendtime: warning: {text}")


def reset() -> None:
    """Forget a closed stderr (each in-process run starts afresh)."""
    global _closed
    _closed = False
