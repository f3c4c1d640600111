"""iCalendar output with `icalendar`: one all-day event per dated step, written as it comes.

UIDs are `<ref>.<step>@sendtime`, so importing a newer file updates events instead of adding
copies. DTSTAMP is `--today` (00:00:00Z) or else the row's latest input date, never the clock,
and SEQUENCE counts days from 2014-09-01 to DTSTAMP, so a later run (or a row with a newer
input) carries a higher SEQUENCE and calendars take it as the newer version. Reminders are
separate heads-up events: calendar apps drop alarms from imported files.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Sequence
from typing import IO, TYPE_CHECKING, Any

from sendtime.engine.model import WEEKDAYS, Step, Timeline

if TYPE_CHECKING:
    from sendtime.io.batch import Case

EPOCH = dt.date(2014, 9, 1)  # the SEND Regulations 2014 came into force; SEQUENCE 0
CAL_NAME = "sendtime: SEND deadlines"
BY_5PM = {
    "appeal.deadline": "The appeal must reach the Tribunal by 5pm on this day (HESC r.12(1))."
}


def header() -> bytes:
    """BEGIN:VCALENDAR and the calendar's properties, without its END line."""
    from icalendar import Calendar

    from sendtime import __version__

    cal = Calendar()
    cal.add("prodid", f"-//sendtime//sendtime {__version__}//EN")
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    cal.add("x-wr-calname", CAL_NAME)
    text: bytes = cal.to_ical()
    end = b"END:VCALENDAR\r\n"
    return text[: -len(end)] if text.endswith(end) else text


FOOTER = b"END:VCALENDAR\r\n"


def _description(step: Step, process: str, calendar: str = "") -> str:
    lines = [step.basis, step.citation]
    if step.id in BY_5PM:
        lines.append(BY_5PM[step.id])
    status = step.status.value
    lines.append(f"{step.kind.value} ({status}); {process} step {step.id}")
    lines.extend(step.notes)
    if calendar:
        lines.append(f"Bank holidays: {calendar}")
    return "\n".join(line for line in lines if line)


def events(
    ref: str,
    t: Timeline,
    *,
    stamp: dt.date,
    remind: Sequence[int] = (),
    label: str | None = None,
) -> Iterator[Any]:
    """The VEVENTs of one timeline: a step's event, then its heads-up events."""
    from icalendar import Event

    stamp_dt = dt.datetime(stamp.year, stamp.month, stamp.day, tzinfo=dt.UTC)
    sequence = max(0, (stamp - EPOCH).days)
    who = label if label is not None else ref
    source = f"{t.calendar.bank_holidays} ({t.calendar.source})" + (
        f"; terms: {t.calendar.terms}" if t.calendar.terms else ""
    )
    for s in t.steps:
        if s.date is None:
            continue
        e = Event()
        e.add("uid", f"{ref}.{s.id}@sendtime")
        e.add("dtstamp", stamp_dt)
        e.add("sequence", sequence)
        e.add("dtstart", s.date)
        e.add("dtend", s.date + dt.timedelta(days=1))
        e.add("summary", f"{who}: {s.title}")
        e.add("description", _description(s, t.process, source))
        e.add("categories", [t.process])
        e.add("transp", "TRANSPARENT")
        yield e
        for n in remind:
            r = Event()
            day = WEEKDAYS[s.date.weekday()]
            r.add("uid", f"{ref}.{s.id}.remind-{n}@sendtime")
            r.add("dtstamp", stamp_dt)
            r.add("sequence", sequence)
            r.add("dtstart", s.date - dt.timedelta(days=n))
            r.add("dtend", s.date - dt.timedelta(days=n - 1))
            r.add("summary", f"In {n} day{'s' if n != 1 else ''}: {who}: {s.title}")
            r.add(
                "description",
                f"Heads-up: due {s.date.isoformat()} ({day}).\n"
                + _description(s, t.process, source),
            )
            r.add("categories", [t.process, "reminder"])
            r.add("transp", "TRANSPARENT")
            yield r


def latest_input(t: Timeline) -> dt.date | None:
    """The latest date among a timeline's inputs."""
    found: list[dt.date] = []
    for _, v in t.inputs:
        found.extend(x for x in (v if isinstance(v, tuple) else (v,)) if isinstance(x, dt.date))
    return max(found, default=None)


def timeline_ics(t: Timeline, *, today: dt.date | None = None) -> bytes:
    """One timeline as a whole calendar. Its ref is `<process>-<trigger date>`."""
    ref = f"{t.process}-{t.trigger.isoformat()}" if t.trigger else t.process
    stamp = today or latest_input(t) or EPOCH
    body = b"".join(e.to_ical() for e in events(ref, t, stamp=stamp, label=t.process))
    return header() + body + FOOTER


class IcsSink:
    """A calendar written event by event to a binary stream."""

    def __init__(
        self, out: IO[bytes], *, today: dt.date | None = None, remind: Sequence[int] = ()
    ) -> None:
        self._out = out
        self._today = today
        self._remind = tuple(remind)
        out.write(header())

    def write(self, case: Case) -> None:
        """Write one row's events."""
        stamp = self._today or case.latest_input or EPOCH
        for e in events(case.ref, case.timeline, stamp=stamp, remind=self._remind):
            self._out.write(e.to_ical())

    def close(self) -> None:
        """Write END:VCALENDAR."""
        self._out.write(FOOTER)
