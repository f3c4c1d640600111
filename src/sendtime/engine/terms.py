"""Term dates of one setting (school, college or nursery): terms, closures and coverage.

Loading from TOML or ICS lives in io/loaders.py; the law's tests on closures (England's reg
10(4)(a)/(b)) live in law/england/closures.py. This module is pure.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from enum import StrEnum

from sendtime.engine.model import Closure
from sendtime.engine.periods import add_days

LONG_CLOSURE_DAYS = 28  # England's reg 10(4): "a continuous period of not less than 4 weeks"
INSET = re.compile(r"\binset\b", re.IGNORECASE)


class SettingKind(StrEnum):
    """The kind of setting (in England it picks reg 10(4) limb (a) or (b))."""

    SCHOOL = "school"
    POST_16 = "post-16"
    EARLY_YEARS = "early-years"


@dataclass(frozen=True, slots=True)
class Period:
    """A named inclusive range of dates: a term or a closure."""

    start: dt.date
    end: dt.date
    name: str = ""

    def __contains__(self, d: object) -> bool:
        return isinstance(d, dt.date) and self.start <= d <= self.end


@dataclass(frozen=True, slots=True)
class Terms:
    """A setting's term dates, as validated by the loader."""

    terms: tuple[Period, ...]
    closures: tuple[Period, ...] = ()
    name: str | None = None
    kind: SettingKind = SettingKind.SCHOOL
    source: str = ""

    @property
    def first_day(self) -> dt.date:
        """The first day of the first term."""
        return self.terms[0].start

    @property
    def last_day(self) -> dt.date:
        """The last day of the last term."""
        return self.terms[-1].end

    def covers(self, d: dt.date) -> bool:
        """Whether d lies between the first term's start and the last term's end."""
        return self.first_day <= d <= self.last_day

    def is_open(self, d: dt.date) -> bool:
        """Whether d is inside a term and outside every explicit closure (ignores weekends)."""
        return any(d in t for t in self.terms) and not any(d in c for c in self.closures)

    @property
    def label(self) -> str:
        """How outputs name this term file."""
        return self.name or self.source or "term dates"

    def gaps(self) -> tuple[Period, ...]:
        """The holidays between consecutive terms (weekends included)."""
        out = []
        for a, b in zip(self.terms, self.terms[1:], strict=False):
            first, last = add_days(a.end, 1), add_days(b.start, -1)
            if first <= last:
                names = [n for n in (a.name, b.name) if n]
                name = f"between {' and '.join(names)}" if len(names) == 2 else "between terms"
                out.append(Period(first, last, name))
        return tuple(out)

    def all_closures(self) -> tuple[Period, ...]:
        """Every closure: the gaps between terms and the explicit closures, in date order."""
        return tuple(sorted((*self.gaps(), *self.closures), key=lambda p: (p.start, p.end)))

    def why_closed(self, d: dt.date) -> str | None:
        """The closure d falls in, named ("Spring half term"), or None if it is in no closure."""
        for p in self.all_closures():
            if d in p:
                return p.name or "a closure"
        return None

    def _closed_for_test(self, d: dt.date) -> bool:
        # For the reg 10(4) test INSET days count as open: staff are in.
        if not any(d in t for t in self.terms):
            return True
        return any(d in c and not INSET.search(c.name) for c in self.closures)

    def long_closures(self, min_days: int = LONG_CLOSURE_DAYS) -> tuple[Closure, ...]:
        """Continuous closures of at least min_days: first closed day and reopening day.

        A closure runs over closed days and the weekends joined to them, from the first day
        after a term's last day (or the first day of an explicit closure) to the day before
        the setting reopens. Runs touching the ends of the file are not known in full and are
        left out.
        """
        out: list[Closure] = []
        start: dt.date | None = None
        has_closed = False
        d = self.first_day
        while d <= self.last_day:
            closed = self._closed_for_test(d)
            if closed or d.weekday() >= 5:
                if start is None:
                    start, has_closed = d, False
                has_closed = has_closed or closed
            elif start is not None:
                if has_closed and start > self.first_day and (d - start).days >= min_days:
                    out.append(Closure(start, d, self._closure_name(start, d)))
                start = None
            d = add_days(d, 1)
        return tuple(out)

    def _closure_name(self, first: dt.date, reopens: dt.date) -> str:
        names = [p.name for p in self.all_closures() if p.start < reopens and p.end >= first]
        return ", ".join(n for n in names if n)
