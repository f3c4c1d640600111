"""The working-day calendar: weekends, bank holidays of one UK nation, and a setting's term dates.

Working day (docs/rules.md): any day except Saturday, Sunday, Christmas Day, Good Friday
and a bank holiday. Working-day arithmetic uses a sorted array of working-day ordinals and bisect,
so each question is O(log n).
"""

from __future__ import annotations

import datetime as dt
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Mapping
from functools import lru_cache
from typing import TYPE_CHECKING

from dateutil.easter import easter

from sendtime.engine.errors import NeedsMoreData
from sendtime.engine.model import CalendarInfo, Nation

if TYPE_CHECKING:
    from sendtime.engine.terms import Terms

FIRST_YEAR = 2012
LAST_YEAR = 2045
MIN_YEAR = 1950
MAX_YEAR = 2200

HolidayLoader = Callable[[Nation, int, int], tuple[dict[dt.date, str], str]]


SUBDIVISION = {
    Nation.ENGLAND_AND_WALES: "ENG",
    Nation.SCOTLAND: "SCT",
    Nation.NORTHERN_IRELAND: "NIR",
}


def build_bank_holidays(nation: Nation, first: int, last: int) -> dict[dt.date, str]:
    """{date: name} of a nation's bank holidays in [first, last], from the `holidays` package."""
    import holidays

    # Always with a subdivision: without one the package drops Easter Monday and the
    # August bank holiday (docs/rules.md).
    table = holidays.country_holidays(
        "GB", subdiv=SUBDIVISION[nation], years=range(first, last + 1), language="en_GB"
    )
    return {d: str(name) for d, name in sorted(table.items())}


@lru_cache(maxsize=16)
def _built(nation: Nation, first: int, last: int) -> tuple[tuple[tuple[dt.date, str], ...], str]:
    import holidays

    table = build_bank_holidays(nation, first, last)
    return tuple(table.items()), f"holidays {holidays.__version__}"


def in_memory_loader(nation: Nation, first: int, last: int) -> tuple[dict[dt.date, str], str]:
    """The default loader: built in memory from the `holidays` package; reads and writes no file.

    Each list is built once per process. sendtime.io.bankholidays.load is the same list cached
    on disk; the CLI and the batch runner pass it as ``loader`` (the engine never touches files).
    """
    items, source = _built(nation, first, last)
    return dict(items), source


class Calendar:
    """Answers "is this a working day / a school day" and counts working and school days.

    Args:
        nation: whose bank holidays count (default England and Wales, as the Regulations apply
            in England).
        terms: the setting's term dates, for school-day questions.
        extra_holidays: more closed dates, e.g. from a GOV.UK bank-holidays.json file.
        extra_source: how to name those extra dates in outputs.
        loader: where bank holidays come from (default: built in memory, no files; the CLI
            passes sendtime.io.bankholidays.load, which caches them; tests pass a fixed table).
    """

    def __init__(
        self,
        nation: Nation | str = Nation.ENGLAND_AND_WALES,
        *,
        terms: Terms | None = None,
        extra_holidays: Mapping[dt.date, str] | None = None,
        extra_source: str | None = None,
        loader: HolidayLoader | None = None,
    ) -> None:
        self.nation = Nation(nation)
        self.terms = terms
        self._extra = dict(extra_holidays or {})
        self._extra_source = extra_source
        self._loader = loader or in_memory_loader
        self._first = FIRST_YEAR
        self._last = LAST_YEAR
        self._names: dict[dt.date, str] | None = None
        self._source = ""
        self._closed: frozenset[dt.date] = frozenset()
        self._wd_list: list[int] | None = None
        self._sd: list[int] | None = None

    # -- loading -----------------------------------------------------------------------------
    def _ensure(self, year: int) -> None:
        if self._names is not None and self._first <= year <= self._last:
            return
        if not MIN_YEAR <= year <= MAX_YEAR:
            msg = f"year {year} is outside the calendar sendtime can build ({MIN_YEAR}-{MAX_YEAR})"
            raise NeedsMoreData(msg)
        if not self._first <= year <= self._last:
            self._first = min(self._first, year - 2)
            self._last = max(self._last, year + 2)
        names, self._source = self._loader(self.nation, self._first, self._last)
        for d, n in self._extra.items():
            names.setdefault(d, n)
        for y in range(self._first, self._last + 1):
            # Christmas Day and Good Friday are never working days, whatever the list says.
            names.setdefault(dt.date(y, 12, 25), "Christmas Day")
            names.setdefault(easter(y) - dt.timedelta(days=2), "Good Friday")
        self._names = names
        self._closed = frozenset(names)
        self._wd_list = None  # built on first use: a plain "is it a working day" never needs it
        self._sd = None

    @property
    def _wd(self) -> list[int]:
        """Ordinals of the working days in the loaded years, ascending (for bisect)."""
        if self._wd_list is None:
            start = dt.date(self._first, 1, 1).toordinal()
            end = dt.date(self._last, 12, 31).toordinal()
            closed = {d.toordinal() for d in self._closed}
            # 1 January 0001 (ordinal 1) is a Monday, so (o - 1) % 7 is the weekday.
            self._wd_list = [
                o for o in range(start, end + 1) if (o - 1) % 7 < 5 and o not in closed
            ]
        return self._wd_list

    @property
    def source(self) -> str:
        """Where the bank holidays come from, e.g. "holidays 0.109" or "holidays 0.109 + file"."""
        self._ensure(self._first)
        if self._extra_source:
            return f"{self._source} + {self._extra_source}"
        return self._source

    @property
    def info(self) -> CalendarInfo:
        """Provenance for outputs."""
        return CalendarInfo(
            bank_holidays=self.nation.value,
            source=self.source,
            terms=self.terms.label if self.terms else None,
        )

    @property
    def covered_years(self) -> tuple[int, int]:
        """The years the loaded holiday list spans."""
        return self._first, self._last

    def holidays_in(self, year: int) -> list[tuple[dt.date, str]]:
        """Bank holidays of a year that fall on weekdays (the days that stop work), with names."""
        self._ensure(year)
        assert self._names is not None  # noqa: S101 - set by _ensure
        return sorted((d, n) for d, n in self._names.items() if d.year == year and d.weekday() < 5)

    def holiday_name(self, d: dt.date) -> str | None:
        """The bank holiday's name if d is one (weekend-dated entries included)."""
        self._ensure(d.year)
        assert self._names is not None  # noqa: S101 - set by _ensure
        return self._names.get(d)

    # -- working days ------------------------------------------------------------------------
    def is_working_day(self, d: dt.date) -> bool:
        """Not a Saturday, Sunday, Christmas Day, Good Friday or bank holiday."""
        self._ensure(d.year)
        return d.weekday() < 5 and d not in self._closed

    def _index(self, o: int, *, right: bool) -> int:
        return bisect_right(self._wd, o) if right else bisect_left(self._wd, o)

    def _pick(self, d: dt.date, i: int, span_year: int) -> dt.date:
        if not 0 <= i < len(self._wd):
            self._ensure(span_year)
            msg = f"working-day arithmetic from {d.isoformat()} leaves {self._first}-{self._last}"
            raise NeedsMoreData(msg)
        return dt.date.fromordinal(self._wd[i])

    def add_working_days(self, d: dt.date, n: int) -> dt.date:
        """The nth working day after d (d not counted); before d when n is negative.

        "within n working days of d". Thu 2025-12-18 + 3 -> Tue 2025-12-23.
        """
        self._ensure(d.year)
        self._ensure(d.year + (n // 250) + (1 if n > 0 else -1))
        o = d.toordinal()
        if n >= 0:
            return self._pick(d, self._index(o, right=True) + n - 1, d.year + 1)
        return self._pick(d, self._index(o, right=False) + n, d.year - 1)

    def working_days_beginning_with(self, d: dt.date, n: int) -> dt.date:
        """Last day of "n working days beginning with d": d is day 1 if it is a working day."""
        self._ensure(d.year)
        self._ensure(d.year + (n // 250) + 1)
        return self._pick(d, self._index(d.toordinal(), right=False) + n - 1, d.year + 1)

    def working_day_on_or_before(self, d: dt.date) -> dt.date:
        """D if it is a working day, else the last working day before it."""
        self._ensure(d.year - 1)
        self._ensure(d.year)
        return self._pick(d, self._index(d.toordinal(), right=True) - 1, d.year - 1)

    def next_working_day(self, d: dt.date) -> dt.date:
        """The first working day after d."""
        return self.add_working_days(d, 1)

    def working_days_between(self, a: dt.date, b: dt.date) -> int:
        """Working days in (a, b]: how many lie after a up to and including b."""
        self._ensure(a.year)
        self._ensure(b.year)
        return self._index(b.toordinal(), right=True) - self._index(a.toordinal(), right=True)

    # -- school days -------------------------------------------------------------------------
    def is_school_day(self, d: dt.date) -> bool:
        """Inside a term, not a closure, not a weekend, not a bank holiday.

        Raises:
            NeedsMoreData: without term dates, or for a date the term file does not cover.
        """
        terms = self._require_terms(d)
        return self.is_working_day(d) and terms.is_open(d)

    def _require_terms(self, d: dt.date) -> Terms:
        if self.terms is None:
            raise NeedsMoreData("school days need term dates: give --terms FILE")
        if not self.terms.covers(d):
            msg = (
                f"{d.isoformat()} is outside the term dates of {self.terms.label} "
                f"({self.terms.first_day.isoformat()} to {self.terms.last_day.isoformat()})"
            )
            raise NeedsMoreData(msg)
        return self.terms

    def _school_days(self) -> list[int]:
        if self._sd is None:
            terms = self._require_terms(self.terms.first_day if self.terms else dt.date.min)
            self._ensure(terms.first_day.year)
            self._ensure(terms.last_day.year)
            start, end = terms.first_day.toordinal(), terms.last_day.toordinal()
            self._sd = [
                o
                for o in range(start, end + 1)
                if self.is_working_day(dt.date.fromordinal(o))
                and terms.is_open(dt.date.fromordinal(o))
            ]
        return self._sd

    def school_day_on_or_before(self, d: dt.date) -> dt.date:
        """D if it is a school day, else the last school day before it (within the term file)."""
        self._require_terms(d)
        sd = self._school_days()
        i = bisect_right(sd, d.toordinal()) - 1
        if i < 0:
            msg = f"no school day on or before {d.isoformat()} in the term dates"
            raise NeedsMoreData(msg)
        return dt.date.fromordinal(sd[i])

    def school_days_beginning_with(self, d: dt.date, n: int) -> dt.date:
        """Last day of "n school days beginning with d": d is day 1 if it is a school day."""
        self._require_terms(d)
        sd = self._school_days()
        i = bisect_left(sd, d.toordinal()) + n - 1
        if not 0 <= i < len(sd):
            msg = f"{n} school days beginning with {d.isoformat()} leave the term dates"
            raise NeedsMoreData(msg)
        return dt.date.fromordinal(sd[i])

    def add_school_days(self, d: dt.date, n: int) -> dt.date:
        """The nth school day after d (before it when negative), d not counted."""
        self._require_terms(d)
        sd = self._school_days()
        o = d.toordinal()
        i = bisect_right(sd, o) + n - 1 if n >= 0 else bisect_left(sd, o) + n
        if not 0 <= i < len(sd):
            msg = f"{abs(n)} school days from {d.isoformat()} leave the term dates"
            raise NeedsMoreData(msg)
        return dt.date.fromordinal(sd[i])


# ----------------------------------------------------------------------------- calendar views
class SchoolDays:
    """A Calendar's school days seen as the days a count steps over (units school/term days).

    A school day is a weekday inside one of the setting's terms that is not a bank holiday and
    not a closure its term file lists (an INSET day listed as a closure is not a school day).
    Every question needs the term file; without it, or outside it, NeedsMoreData (exit 3).

    Args:
        base: the calendar holding the bank holidays and the setting's terms.
    """

    counted = "school-day"

    def __init__(self, base: Calendar) -> None:
        self.base = base

    def is_working_day(self, d: dt.date) -> bool:
        """Whether d is a school day of the setting."""
        return self.base.is_school_day(d)

    def add_working_days(self, d: dt.date, n: int) -> dt.date:
        """The nth school day after d (d not counted); before d when n is negative."""
        return self.base.add_school_days(d, n)

    def working_days_beginning_with(self, d: dt.date, n: int) -> dt.date:
        """Last day of "n school days beginning with d"."""
        return self.base.school_days_beginning_with(d, n)


class ExcludingCalendar:
    """A view of a Calendar whose working days leave out the days a predicate names.

    A jurisdiction builds its own rule on it (England's Tribunal leaves out 25 December-1
    January and August: sendtime.law.england.hesc). The same ordinals + bisect scheme as
    Calendar keeps each question O(log n); the list is rebuilt only when the base calendar
    grows its years.

    Args:
        base: the working-day calendar (its nation's bank holidays count).
        excluded: the days the view leaves out.
        label: how outputs name the rule that narrows the base calendar.
    """

    counted = "working-day"  # how errors name what was being counted

    def __init__(self, base: Calendar, excluded: Callable[[dt.date], bool], label: str) -> None:
        self.base = base
        self.excluded = excluded
        self.label = label
        self._src: list[int] | None = None
        self._wd: list[int] = []

    @property
    def source(self) -> str:
        """The base calendar's source, with the rule that narrows it."""
        return f"{self.base.source}; {self.label}"

    def _days(self, *years: int) -> list[int]:
        for y in years:
            self.base._ensure(y)  # same module: the view shares the base's list
        if self._src is not self.base._wd:
            self._src = self.base._wd
            self._wd = [o for o in self._src if not self.excluded(dt.date.fromordinal(o))]
        return self._wd

    def _pick(self, wd: list[int], d: dt.date, i: int) -> dt.date:
        if not 0 <= i < len(wd):
            msg = f"{self.counted} arithmetic from {d.isoformat()} leaves the calendar"
            raise NeedsMoreData(msg)
        return dt.date.fromordinal(wd[i])

    def is_working_day(self, d: dt.date) -> bool:
        """A working day of the base calendar that the view does not leave out."""
        return self.base.is_working_day(d) and not self.excluded(d)

    def add_working_days(self, d: dt.date, n: int) -> dt.date:
        """The nth working day of the view after d (d not counted); before d when negative."""
        wd = self._days(d.year, d.year + (n // 200) + (1 if n >= 0 else -1))
        o = d.toordinal()
        if n >= 0:
            return self._pick(wd, d, bisect_right(wd, o) + n - 1)
        return self._pick(wd, d, bisect_left(wd, o) + n)

    def working_days_beginning_with(self, d: dt.date, n: int) -> dt.date:
        """Last day of "n working days beginning with d" on the view."""
        wd = self._days(d.year, d.year + (n // 200) + 1)
        return self._pick(wd, d, bisect_left(wd, d.toordinal()) + n - 1)

    def next_working_day(self, d: dt.date) -> dt.date:
        """The first working day of the view after d."""
        return self.add_working_days(d, 1)

    def working_day_on_or_after(self, d: dt.date) -> dt.date:
        """D if it is a working day of the view, else the first one after it."""
        return self.working_days_beginning_with(d, 1)

    def working_day_on_or_before(self, d: dt.date) -> dt.date:
        """D if it is a working day of the view, else the last one before it."""
        wd = self._days(d.year - 1, d.year)
        return self._pick(wd, d, bisect_right(wd, d.toordinal()) - 1)

    def working_days_between(self, a: dt.date, b: dt.date) -> int:
        """Working days of the view in (a, b]."""
        wd = self._days(a.year, b.year)
        return bisect_right(wd, b.toordinal()) - bisect_right(wd, a.toordinal())
