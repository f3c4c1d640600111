"""Shared fixtures: a private bank-holiday cache, the GOV.UK snapshot, a CLI runner."""

from __future__ import annotations

import datetime as dt
import os
import tempfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

from sendtime.engine.calendars import Calendar
from sendtime.engine.model import Nation, Timeline
from sendtime.law.england.hesc import TribunalCalendar

# No per-example deadline: a shared CI machine is slow now and then, and a first call builds the
# bank-holiday cache. Loaded here, before the test modules, so their @settings inherit it.
settings.register_profile(
    "sendtime", deadline=None, suppress_health_check=[HealthCheck.too_slow], print_blob=True
)
# Under mutmut (make mutation) every mutant reruns the tests: few, fixed examples, no database.
settings.register_profile(
    "mutation",
    parent=settings.get_profile("sendtime"),
    max_examples=20,
    derandomize=True,
    database=None,
)
settings.load_profile("mutation" if os.environ.get("MUTANT_UNDER_TEST") else "sendtime")

# Every test run uses its own cache folder, so no test depends on a developer's cache.
os.environ.setdefault("SENDTIME_CACHE_DIR", tempfile.mkdtemp(prefix="sendtime-cache-"))
os.environ["NO_COLOR"] = "1"

ROOT = Path(__file__).resolve().parent.parent  # the repository
EXAMPLES = ROOT / "examples"
DATA = Path(__file__).resolve().parent / "data"
GOVUK = DATA / "govuk-bank-holidays-2012-2028.json"


def d(text: str) -> dt.date:
    """An ISO date."""
    return dt.date.fromisoformat(text)


def date_of(t: Timeline, step_id: str) -> dt.date:
    """The date of a step that must have one."""
    value = t.step(step_id).date
    assert value is not None, f"{step_id} has no date"
    return value


@dataclass
class Result:
    """What a CLI run printed and returned."""

    exit_code: int
    stdout: str
    stderr: str


Invoke = Callable[[Sequence[str]], Result]


@pytest.fixture(scope="session")
def eng() -> Calendar:
    """England-and-Wales bank holidays, no terms (session-wide: property tests share it)."""
    return Calendar()


@pytest.fixture(scope="session")
def scotland() -> Calendar:
    """Scotland's bank holidays."""
    return Calendar(Nation.SCOTLAND)


@pytest.fixture(scope="session")
def northern_ireland() -> Calendar:
    """Northern Ireland's bank holidays."""
    return Calendar(Nation.NORTHERN_IRELAND)


@pytest.fixture(scope="session")
def tribunal(eng: Calendar) -> TribunalCalendar:
    """The Tribunal's working days (HESC r.12(3)(b)) over England-and-Wales bank holidays."""
    return TribunalCalendar.of(eng)


@pytest.fixture(scope="session")
def staffordshire() -> Calendar:
    """England-and-Wales bank holidays with the example Staffordshire 2025-26 term dates (TOML)."""
    from sendtime.io.loaders import load_terms

    return Calendar(terms=load_terms(EXAMPLES / "terms-staffordshire-2025-26.toml"))


@pytest.fixture(scope="session")
def staffordshire_ics() -> Calendar:
    """The same term dates read from the example ICS file."""
    from sendtime.io.loaders import load_terms

    return Calendar(terms=load_terms(EXAMPLES / "terms-staffordshire-2025-26.ics"))


@pytest.fixture(autouse=True)
def _no_warm_module_caches() -> None:
    """Each test starts with the batch's parsed-date cache empty: no result depends on order.

    (The memory test bounds the cache's size; entries left by earlier tests would count.)
    """
    import sys

    caseload = sys.modules.get("sendtime.io.caseload")
    if caseload is not None:
        caseload._dates.clear()


@pytest.fixture
def cli(capsys: pytest.CaptureFixture[str]) -> Invoke:
    """Run the CLI in-process through its real entry point (main's error handling included)."""
    from sendtime.cli.app import run

    def invoke(args: Sequence[str]) -> Result:
        code = run(list(args))
        captured = capsys.readouterr()
        return Result(code, captured.out, captured.err)

    return invoke


class NetworkUsed(AssertionError):
    """Raised when any code path tries to open a network connection."""


@pytest.fixture(autouse=True)
def no_network(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every test fails if sendtime opens a socket: the tool makes no network calls."""
    import socket

    def refuse(*args: object, **kwargs: object) -> None:
        msg = f"network access attempted: {args!r}"
        raise NetworkUsed(msg)

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket.socket, "connect_ex", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
