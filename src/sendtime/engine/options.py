"""The options every process takes, as one frozen record passed as ``*, options``.

Like black's ``mode``: a process function reads its counting convention, calendar, recorded
exceptions and today from one value, so no option can be dropped on the way. The library's
public functions still take these as keyword arguments (``counting=``, ``calendar=``, ...); they
build an Options with ``Options.of``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, TypedDict, Unpack

from sendtime.engine.model import Counting, RecordedException

if TYPE_CHECKING:
    from sendtime.engine.calendars import Calendar


class OptionFields(TypedDict, total=False):
    """The keyword arguments that build an Options (each one optional)."""

    counting: Counting
    calendar: Calendar | None
    exceptions: Sequence[RecordedException]
    today: dt.date | None
    done: Mapping[str, dt.date] | None


@dataclass(frozen=True, slots=True)
class Options:
    """How to compute: counting convention, calendar, recorded exceptions and today.

    ``calendar`` None means the jurisdiction's own (England and Wales bank holidays, no terms);
    ``today`` None leaves days_left and when empty (the core never reads the clock).
    ``done`` (step id -> the day it actually happened, sorted pairs) None computes the plan
    only; given (even empty) every step also gains an outcome (engine/outcomes.py), and a done
    date anchors the steps that count from its step.
    """

    counting: Counting = Counting.EXCLUSIVE
    calendar: Calendar | None = None
    exceptions: tuple[RecordedException, ...] = ()
    today: dt.date | None = None
    done: tuple[tuple[str, dt.date], ...] | None = None

    @property
    def done_dates(self) -> dict[str, dt.date] | None:
        """The done dates as a mapping (None when none were asked about)."""
        return None if self.done is None else dict(self.done)

    @classmethod
    def of(cls, options: Options | None = None, **fields: Unpack[OptionFields]) -> Options:
        """Options from a record, keyword arguments, or both (the keywords win)."""
        base = options if options is not None else cls()
        if not fields:
            return base
        exceptions = fields.get("exceptions")
        done = fields.get("done", base.done_dates)
        return replace(
            base,
            counting=Counting(fields.get("counting", base.counting)),
            calendar=fields.get("calendar", base.calendar),
            exceptions=base.exceptions if exceptions is None else tuple(exceptions),
            today=fields.get("today", base.today),
            done=None if done is None else tuple(sorted(done.items())),
        )
