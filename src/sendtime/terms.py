"""Term dates of one setting (school, college or nursery): terms, closures and coverage.

Loading from TOML or ICS lives in loaders.py; this module is pure.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import StrEnum


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
