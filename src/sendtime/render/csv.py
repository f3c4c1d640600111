"""CSV output with the stdlib csv module; cells that a spreadsheet would execute are neutralised."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence
from typing import IO

from sendtime.engine.model import Step, Timeline

STEP_COLUMNS = (
    "process",
    "step",
    "title",
    "date",
    "weekday",
    "kind",
    "status",
    "confidence",
    "citation",
    "basis",
    "projected",
    "disapplied",
    "date_latest",  # resting on a deemed date: the latest reading (date is the earliest)
    "notes",
    "calendar",  # where the bank holidays (and term dates) came from, on every row
)
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def neutralise(cell: str) -> str:
    """Prefix a cell that begins with = + - @ (or tab/CR) with ' so spreadsheets show it as text."""
    return "'" + cell if cell.startswith(FORMULA_START) else cell


def calendar_label(t: Timeline) -> str:
    """The calendar's provenance in one cell: nation, source and term file."""
    c = t.calendar
    return f"{c.bank_holidays}; {c.source}" + (f"; terms: {c.terms}" if c.terms else "")


def step_row(process: str, s: Step, calendar: str = "") -> list[str]:
    """The CSV cells of one step (without ref and pass-through columns)."""
    return [
        process,
        s.id,
        s.title,
        s.date.isoformat() if s.date else "",
        s.weekday or "",
        s.kind.value,
        s.status.value,
        s.confidence.value,
        s.citation,
        s.basis,
        "true" if s.projected else "false",
        f"{s.disapplied.limb}: {s.disapplied.reason}" if s.disapplied else "",
        s.date_range.latest.isoformat() if s.date_range else "",
        "; ".join(s.notes),
        calendar,
    ]


def write_rows(out: IO[str], header: Sequence[str], rows: Iterable[Sequence[str]]) -> None:
    """Write a header and rows as CSV with LF line ends, neutralising every cell."""
    w = csv.writer(out, lineterminator="\n")
    w.writerow(header)
    for row in rows:
        w.writerow([neutralise(c) for c in row])


def timeline_csv(t: Timeline) -> str:
    """One timeline as CSV text: a row per step."""
    buf = io.StringIO()
    label = calendar_label(t)
    write_rows(buf, STEP_COLUMNS, (step_row(t.process, s, label) for s in t.steps))
    return buf.getvalue()
