"""Term dates of one setting (school, college or nursery): terms, closures and coverage.

Loading from TOML or ICS lives in loaders.py; this module is pure.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from enum import StrEnum

from sendtime.engine.model import Closure, ClosureCheck
from sendtime.engine.periods import add_days
from sendtime.law.england.rules import NO_CLOSURE_LIMB_NOTE

LONG_CLOSURE_DAYS = 28  # "closed for a continuous period of not less than 4 weeks"
WINDOW_LEAD_DAYS = 7  # "beginning one week before ... ending one week before it re-opens"
INSET = re.compile(r"\binset\b", re.IGNORECASE)


class SettingKind(StrEnum):
    """The kind of setting; it picks reg 10(4) limb (a) or (b)."""

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

    @property
    def limb(self) -> str:
        """The reg 10(4) closure limb: (a) schools and post-16, (b) early years providers."""
        return "reg 10(4)(b)" if self.kind is SettingKind.EARLY_YEARS else "reg 10(4)(a)"

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

    def closure_check(self, requested: dt.date) -> ClosureCheck:
        """The reg 10(4)(a)/(b) test for one advice request date (england.md section 2).

        The limb is engaged when the date lies in [first closed day - 7, reopening day - 7],
        both ends inclusive, of a continuous closure of at least 4 weeks. Dates the file does
        not cover give ``engaged=None``, never a guess.
        """
        limb = self.limb
        if not self.covers(requested):
            return ClosureCheck(
                requested,
                engaged=None,
                limb=limb,
                note=(
                    f"{requested.isoformat()} is outside the term dates of {self.label} "
                    f"({self.first_day.isoformat()} to {self.last_day.isoformat()}): not known"
                ),
            )
        for c in self.long_closures():
            window = (
                add_days(c.first_closed_day, -WINDOW_LEAD_DAYS),
                add_days(c.reopens, -WINDOW_LEAD_DAYS),
            )
            if window[0] <= requested <= window[1]:
                return ClosureCheck(
                    requested,
                    engaged=True,
                    limb=limb,
                    window=window,
                    closure=c,
                    note=(
                        f"requested within a week before, or during, a closure of "
                        f"{(c.reopens - c.first_closed_day).days} days: the time limit may be "
                        f"disapplied under {limb} if it is impractical to meet it (a judgement, "
                        f"not automatic); {NO_CLOSURE_LIMB_NOTE}"
                    ),
                )
        if requested > add_days(self.last_day, -WINDOW_LEAD_DAYS):
            return ClosureCheck(
                requested,
                engaged=None,
                limb=limb,
                note=(
                    f"the term dates of {self.label} end on {self.last_day.isoformat()}; a "
                    "closure starting after that could engage the limb: add the next term"
                ),
            )
        return ClosureCheck(
            requested,
            engaged=False,
            limb=limb,
            note=(
                "not within a week before, or during, a closure of 4 weeks or more: the "
                f"closure limb does not apply; {NO_CLOSURE_LIMB_NOTE}"
            ),
        )
