"""What the SEN2 readers share: bad records, file dates and flags, and the records they yield.

Messages name the file, the line, the table id and the column, never a cell's value (a person
file's cells are never read into a message; a requests row's dates are not echoed either).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from sendtime.law.england import sen2
from sendtime.law.england.timeliness import Assessment, Request, Review

MONTHS = {
    m: i
    for i, m in enumerate(
        ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"), 1
    )
}
BLADE_DATE = re.compile(r"(\d{4})-([A-Za-z]{3})-(\d{1,2})")
ISO_DATE = re.compile(r"(\d{4})-(\d{2})-(\d{2})")
UK_DATE = re.compile(r"(\d{1,2})/(\d{1,2})/(\d{4})")
DATE_FORMS = "a date like 2025-Sep-28 00:00:00, 2025-09-28 or 28/09/2025"
FLAG_FORMS = "1/0, true/false, Y/N or Yes/No"


class FieldError(ValueError):
    """A cell that is not what its column needs; the message names the column, not the value."""


@dataclass(frozen=True, slots=True)
class BadRecord:
    """A row reported, never dropped silently: where it is and what is wrong with it."""

    file: str
    line: int
    id: str
    error: str

    def record(self) -> dict[str, object]:
        """The JSON Lines error record (the same keys as batch's, plus the file)."""
        return {"file": self.file, "line": self.line, "id": self.id, "error": self.error}


@dataclass(slots=True)
class Records:
    """Everything a reader found: the records to measure and the bad records to report."""

    requests: list[Request] = field(default_factory=list)
    assessments: list[Assessment] = field(default_factory=list)
    reviews: list[Review] = field(default_factory=list)
    bad: list[BadRecord] = field(default_factory=list)
    latest: dt.date | None = None  # the latest date in the data (the export date for Blade)
    as_at: dt.date | None = None  # the export's own date, when its name gives one
    notes: list[str] = field(default_factory=list)

    def seen(self, d: dt.date | None) -> None:
        """Track the latest date in the data (for the default --year)."""
        if d is not None and (self.latest is None or d > self.latest):
            self.latest = d


_dates: dict[str, dt.date | None] = {}


def parse_date(text: str, column: str) -> dt.date | None:
    """A SEN2 date cell (blank -> None); the time part of Blade's ``00:00:00`` is ignored.

    Raises:
        FieldError: naming the column and the forms expected.
    """
    if text in _dates:
        return _dates[text]
    raw = text.strip().split(" ")[0].split("T")[0]
    d: dt.date | None = None
    try:
        if not raw:
            d = None
        elif m := BLADE_DATE.fullmatch(raw):
            month = MONTHS.get(m[2].lower())
            if month is None:
                raise ValueError(raw)
            d = dt.date(int(m[1]), month, int(m[3]))
        elif m := ISO_DATE.fullmatch(raw):
            d = dt.date(int(m[1]), int(m[2]), int(m[3]))
        elif m := UK_DATE.fullmatch(raw):
            d = dt.date(int(m[3]), int(m[2]), int(m[1]))
        else:
            raise ValueError(raw)
    except ValueError:
        msg = f"{column}: expected {DATE_FORMS}"
        raise FieldError(msg) from None
    if len(_dates) < 100_000:
        _dates[text] = d
    return d


_FLAGS = {"0": False, "1": True, "": False}


def parse_flag(text: str, column: str) -> bool:
    """A SEN2 flag: 1/0, true/false, Y/N, Yes/No (any case); blank is no.

    Raises:
        FieldError: naming the column and the forms expected.
    """
    hit = _FLAGS.get(text)
    if hit is not None:
        return hit
    word = text.strip().lower()
    if word in sen2.TRUE_WORDS:
        return True
    if word in sen2.FALSE_WORDS:
        return False
    msg = f"{column}: expected {FLAG_FORMS}"
    raise FieldError(msg)


def default_year(as_at: dt.date, latest: dt.date | None) -> int | None:
    """The latest complete calendar year as at ``as_at``, but none after the data's last year.

    As at 2026-01-20 that is 2025; a caseload whose last date is in 2022 gives 2022.
    """
    if latest is None:
        return None
    complete = as_at.year if (as_at.month, as_at.day) == (12, 31) else as_at.year - 1
    return min(complete, latest.year)
