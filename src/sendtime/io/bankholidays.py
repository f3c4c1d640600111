"""Bank holidays per UK nation from the `holidays` package, cached under the user cache folder.

The engine's Calendar takes this as its ``loader``; the engine builds the list in memory when it
is not given.

Building the holiday list costs about as much as the rest of start-up, so the dates are cached
as JSON keyed by the package version, the nation and the years. The cache is safe to delete,
rebuilt when stale or unreadable, and never required: a read-only home still works.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import sys
from pathlib import Path

from sendtime.engine.calendars import SUBDIVISION, build_bank_holidays
from sendtime.engine.model import Nation

__all__ = ["SUBDIVISION", "build_bank_holidays", "cache_dir", "holidays_version", "load"]


def holidays_version() -> str:
    """The installed `holidays` package version, read without importing the package.

    importlib.metadata costs ~15 ms at start-up, so look for the wheel's dist-info folder beside
    the package first (holidays-0.109.dist-info) and fall back to importlib.metadata.
    """
    from importlib.util import find_spec

    spec = find_spec("holidays")
    if spec is not None and spec.origin:
        site = Path(spec.origin).parent.parent
        try:
            names = os.listdir(site)  # noqa: PTH208 - plain names, no Path objects at start-up
        except OSError:
            names = []
        for name in names:
            if name.startswith("holidays-") and name.endswith(".dist-info"):
                return name[len("holidays-") : -len(".dist-info")]
    from importlib.metadata import version

    return version("holidays")


def cache_dir() -> Path:
    """The cache folder: $SENDTIME_CACHE_DIR, else platformdirs' user cache folder.

    On Linux that folder is $XDG_CACHE_HOME/sendtime or ~/.cache/sendtime; it is worked out
    here without importing platformdirs (3-4 ms of every start), and a test checks that it is
    the folder platformdirs gives. Other systems ask platformdirs.
    """
    override = os.environ.get("SENDTIME_CACHE_DIR")
    if override:
        return Path(override)
    if sys.platform.startswith("linux"):
        xdg = os.environ.get("XDG_CACHE_HOME", "").strip()
        return (Path(xdg) if xdg else Path("~/.cache").expanduser()) / "sendtime"
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("sendtime", appauthor=False))


def load(nation: Nation, first: int, last: int) -> tuple[dict[dt.date, str], str]:
    """Return {date: name} for the nation's bank holidays in [first, last] and the source label.

    A HolidayLoader for sendtime.engine.calendars.Calendar(loader=...): the edges (CLI, batch)
    pass it, so the engine itself never reads or writes a file.
    """
    version = holidays_version()
    source = f"holidays {version}"
    path = cache_dir() / f"bank-holidays-{version}-{nation.value}-{first}-{last}.json"
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
        return {dt.date.fromisoformat(d): str(n) for d, n in raw["dates"]}, source
    except (OSError, ValueError, KeyError, TypeError):
        pass  # missing, stale or unreadable: rebuild below
    dates = build_bank_holidays(nation, first, last)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(f".{os.getpid()}.tmp")
        tmp.write_text(
            json.dumps({"dates": [[d.isoformat(), n] for d, n in dates.items()]}),
            encoding="utf-8",
        )
        tmp.replace(path)
    except OSError:
        pass  # the cache is never required
    return dates, source
