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
TIMELINE_FORMATS = ("table", "json", "csv", "calendar", "ics", "html")


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

    def options(self) -> Options:
        """The one Options record every process function takes (nothing dropped on the way)."""
        choice(self.format, "--format", TIMELINE_FORMATS)
        return Options(
            counting=self.counting_mode(),
            calendar=self.calendar(),
            exceptions=tuple(self.exceptions()),
            today=self.today_date(),
        )

    def core(self) -> dict[str, Any]:
        """The options as keyword arguments (0.1's form; options() is the record)."""
        o = self.options()
        return {
            "calendar": o.calendar,
            "counting": o.counting,
            "exceptions": list(o.exceptions),
            "today": o.today,
        }


def parse_int(value: str | None, what: str, low: int, high: int) -> int | None:
    """An optional whole number within bounds, or BadInput naming it."""
    if value is None:
        return None
    try:
        n = int(value.strip())
    except ValueError:
        n = None
    if n is None or not low <= n <= high:
        msg = f"{what} {value!r}: expected a whole number from {low} to {high}"
        raise BadInput(msg)
    return n


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
                help="table, json, csv, calendar, ics or html (default table).",
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
                help="Record an exception: personal, absence or beyond-control, optionally "
                ":START..END.",
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
        Annotated[str | None, _opt("--svg", help="Save the calendar view as SVG.", metavar="FILE")],
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
]
COMMON_NAMES = tuple(n for n, _, _ in COMMON_PARAMS)
