"""The command line's parsers, checked once: dates, choices, exceptions and the common options.

Every command and the caseload's defaults (batch, due) parse their words here, so a value is
refused the same way wherever it is given. The core checks the law's own ranges (a year group,
a date before 2014) itself, for the library and caseload rows alike.
"""

import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Any

import typer

from sendtime.engine.errors import BadInput
from sendtime.engine.model import Counting, ExceptionKind, Nation, RecordedException
from sendtime.engine.options import Options

LAST_YEAR = 2199  # as the core's LAST_DATE: date arithmetic past 9999 would overflow
ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
UK_DATE = re.compile(r"(\d{1,2})[/.](\d{1,2})[/.](\d{4})")
FORMATS = ("table", "json", "csv")
# --format of a timeline command (cli/output.py has one renderer each).
TIMELINE_FORMATS = ("table", "json", "csv", "calendar", "ics", "html", "chronology")


# ----------------------------------------------------------------------------- parsing helpers
def parse_date(value: str, what: str) -> dt.date:
    """An ISO YYYY-MM-DD date, or BadInput naming the value and the ISO form it probably meant."""
    text = value.strip()
    if ISO_DATE.fullmatch(text):
        try:
            d = dt.date.fromisoformat(text)
            if d.year > LAST_YEAR:
                msg = f"{what} {value!r} is after {LAST_YEAR}-12-31, the last date sendtime handles"
                raise BadInput(msg)
            return d
        except ValueError:
            msg = f"{what} {value!r} is not a real date (expected YYYY-MM-DD)"
            raise BadInput(msg) from None
    hint = ""
    m = UK_DATE.fullmatch(text)
    if m:
        try:
            guess = dt.date(int(m[3]), int(m[2]), int(m[1]))
            hint = f"; did you mean {guess.isoformat()} (day first)?"
        except ValueError:
            hint = ""
    msg = f"{what} {value!r}: expected a date as YYYY-MM-DD{hint}"
    raise BadInput(msg)


def opt_date(value: str | None, what: str) -> dt.date | None:
    """Parse an optional date option."""
    return None if value is None else parse_date(value, what)


def choice(value: str, what: str, allowed: tuple[str, ...]) -> str:
    """One of a fixed set of words, or BadInput listing them."""
    if value not in allowed:
        msg = f"{what} {value!r}: expected one of {', '.join(allowed)}"
        raise BadInput(msg)
    return value


def parse_exception(value: str) -> RecordedException:
    """--exception personal|absence[:START..END]."""
    kind_text, _, rng = value.partition(":")
    kind = ExceptionKind(choice(kind_text, "--exception", tuple(k.value for k in ExceptionKind)))
    if not rng:
        return RecordedException(kind)
    start_text, sep, end_text = rng.partition("..")
    if not sep:
        msg = (
            f"--exception {value!r}: expected KIND:START..END, e.g. absence:2025-04-01..2025-05-09"
        )
        raise BadInput(msg)
    start = parse_date(start_text, "--exception start")
    end = parse_date(end_text, "--exception end")
    if end < start:
        msg = f"--exception {value!r}: the end is before the start"
        raise BadInput(msg)
    return RecordedException(kind, start, end)


def london_today(now: dt.datetime | None = None) -> dt.date:
    """Today's date in Europe/London (never the machine's local date); `now` is UTC.

    London is UTC+0 or UTC+1 (tzdata since 1971), so before 22:00 UTC its date is UTC's and the
    time-zone database (2.7 ms to load, a tenth of start-up) is read only in the last two hours.
    """
    utc = now if now is not None else dt.datetime.now(dt.UTC)
    if utc.hour < 22:
        return utc.date()
    try:
        from zoneinfo import ZoneInfo

        return utc.astimezone(ZoneInfo("Europe/London")).date()
    except (ImportError, KeyError, OSError):  # no tz database: UTC is at most an hour out
        return utc.date()


# ----------------------------------------------------------------------------- common options
def build_calendar(nation: Nation, bank_holidays: str | None, terms_file: str | None) -> Any:
    """A Calendar of one nation's bank holidays (plus a GOV.UK file's) and a term file."""
    from sendtime.engine.calendars import Calendar

    extra: dict[dt.date, str] = {}
    source = None
    if bank_holidays is not None:
        from sendtime.io.loaders import load_govuk_bank_holidays

        extra = load_govuk_bank_holidays(bank_holidays, nation)
        source = Path(bank_holidays).name
    terms = None
    if terms_file is not None:
        from sendtime.io.loaders import load_terms

        terms = load_terms(terms_file)
    from sendtime.io import bankholidays

    return Calendar(
        nation,
        terms=terms,
        extra_holidays=extra,
        extra_source=source,
        loader=bankholidays.load,
    )


@dataclass(frozen=True)
class Common:
    """Options every timeline command takes, after the command name."""

    format: str
    explain: str | None
    nation: str | None
    terms: str | None
    rules: str | None
    bank_holidays: str | None
    exception: list[str] | None
    today: str | None
    svg: str | None
    counting: str
    done: list[str] | None = None

    def calendar(self) -> Any:
        """The calendar these options ask for: always England-and-Wales bank holidays.

        The law of a process decides its calendar, so --nation is refused here (one line saying
        why); it belongs to `holidays` only.
        """
        if self.nation is not None:
            from sendtime.law.england.rules import NATION_REFUSED

            msg = f"--nation {self.nation}: {NATION_REFUSED}; --nation belongs to `holidays` only"
            raise BadInput(msg)
        return build_calendar(Nation.ENGLAND_AND_WALES, self.bank_holidays, self.terms)

    def counting_mode(self) -> Counting:
        """--counting exclusive|inclusive."""
        return Counting(choice(self.counting, "--counting", tuple(c.value for c in Counting)))

    def exceptions(self) -> list[RecordedException]:
        """The recorded exceptions."""
        return [parse_exception(v) for v in self.exception or []]

    def today_date(self) -> dt.date:
        """--today, else today in Europe/London."""
        return parse_date(self.today, "--today") if self.today else london_today()

    def done_dates(self) -> dict[str, dt.date] | None:
        """--done STEP_ID=DATE (repeatable); None when not given (the plan only)."""
        if not self.done:
            return None if self.format != "chronology" else {}
        out: dict[str, dt.date] = {}
        for value in self.done:
            sid, sep, when = value.partition("=")
            sid = sid.strip()
            if not sep or not sid:
                msg = f"--done {value!r}: expected STEP_ID=DATE, e.g. assess.final=2024-09-10"
                raise BadInput(msg)
            d = parse_date(when, f"--done {sid}")
            if sid in out and out[sid] != d:
                msg = f"--done {sid} given twice with different dates"
                raise BadInput(msg)
            out[sid] = d
        return out

    def options(self) -> Options:
        """The one Options record every process function takes (nothing dropped on the way)."""
        choice(self.format, "--format", TIMELINE_FORMATS)
        done = self.done_dates()
        return Options(
            counting=self.counting_mode(),
            calendar=self.calendar(),
            exceptions=tuple(self.exceptions()),
            today=self.today_date(),
            done=None if done is None else tuple(sorted(done.items())),
        )


ASCII_INT = re.compile(r"[+-]?[0-9]{1,9}")


def parse_int(value: str | None, what: str, low: int, high: int) -> int | None:
    """An optional whole number in ASCII digits within bounds, or BadInput naming it.

    Every number on the command line comes through here: str.isdigit() and int() also take
    "²", "①" and other scripts' digits, which no user means as a count (issue 13).
    """
    if value is None:
        return None
    text = value.strip()
    if not ASCII_INT.fullmatch(text) or not low <= int(text) <= high:
        msg = f"{what} {value!r}: expected a whole number from {low} to {high}"
        raise BadInput(msg)
    return int(text)


def _opt(*names: str, help: str, metavar: str | None = None) -> Any:
    return typer.Option(*names, help=help, metavar=metavar, show_default=False)


COMMON_PARAMS = [
    (
        "format",
        Annotated[
            str,
            _opt(
                "--format",
                "-f",
                help="table, json, csv, calendar, ics, html or chronology (default table).",
                metavar="FORMAT",
            ),
        ],
        "table",
    ),
    (
        "explain",
        Annotated[
            str | None,
            _opt("--explain", help="Show the arithmetic for one step id.", metavar="STEP_ID"),
        ],
        None,
    ),
    (
        # Refused (England's law has England's calendar); hidden, but named so the error can
        # say why instead of "No such option".
        "nation",
        Annotated[
            str | None,
            typer.Option("--nation", hidden=True, show_default=False, metavar="NATION"),
        ],
        None,
    ),
    (
        "terms",
        Annotated[
            str | None,
            _opt("--terms", help="The setting's term dates (TOML or ICS).", metavar="FILE"),
        ],
        None,
    ),
    (
        "rules",
        Annotated[str | None, _opt("--rules", help="Local rules (TOML).", metavar="FILE")],
        None,
    ),
    (
        "bank_holidays",
        Annotated[
            str | None,
            _opt(
                "--bank-holidays",
                help="Extra bank holidays from a GOV.UK bank-holidays.json file.",
                metavar="FILE",
            ),
        ],
        None,
    ),
    (
        "exception",
        Annotated[
            list[str] | None,
            _opt(
                "--exception",
                help=(
                    "Record an exception: personal, absence, appointment (reg 8(2)(c)), "
                    "representations (reg 44(3)) or beyond-control, optionally :START..END."
                ),
                metavar="KIND",
            ),
        ],
        None,
    ),
    (
        "today",
        Annotated[
            str | None,
            _opt("--today", help="Today's date (default: today in Europe/London).", metavar="DATE"),
        ],
        None,
    ),
    (
        "svg",
        Annotated[
            str | None,
            _opt("--svg", help="With --format calendar: also save it as SVG.", metavar="FILE"),
        ],
        None,
    ),
    (
        "counting",
        Annotated[
            str,
            _opt(
                "--counting",
                help="exclusive (default) or inclusive: "
                "whether the trigger day of 'within N days/weeks' counts.",
                metavar="MODE",
            ),
        ],
        "exclusive",
    ),
    (
        "done",
        Annotated[
            list[str] | None,
            _opt(
                "--done",
                help="When a step actually happened, STEP_ID=DATE (repeat): adds outcomes "
                "(met, late, open, overdue, ...); exit 4 if a duty is late or overdue.",
                metavar="STEP_ID=DATE",
            ),
        ],
        None,
    ),
]
COMMON_NAMES = tuple(n for n, _, _ in COMMON_PARAMS)
