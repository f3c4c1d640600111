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
# With done dates (issue 14), after STEP_COLUMNS; as the JSON fields.
OUTCOME_COLUMNS = (
    "done",
    "outcome",
    "days_late",
    "working_days_late",
    "days_overdue",
    "boundary",
    "duty",
    "assumed",
    "outcome_note",
)
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def neutralise(cell: str) -> str:
    """A cell a spreadsheet shows as text: ' before = + - @ (or tab) at its start or any line's.

    Line breaks become LF: the csv module quotes a cell holding LF (our line terminator) but
    not one holding a bare CR, which LibreOffice and Excel take for the end of the row, reading
    the rest as a new row whose first cell can be a live formula. With every break an LF the
    cell is quoted; and in case an importer splits lines anyway, each line is neutralised too.
    """
    if "\r" in cell:
        cell = cell.replace("\r\n", "\n").replace("\r", "\n")
    if "\n" in cell:
        return "\n".join(map(_start, cell.split("\n")))
    return "'" + cell if cell.startswith(FORMULA_START) else cell


def _start(line: str) -> str:
    return "'" + line if line.startswith(FORMULA_START) else line


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


def outcome_row(s: Step) -> list[str]:
    """The OUTCOME_COLUMNS cells of one step (empty when it has no outcome)."""
    o = s.outcome
    if o is None:
        return [s.done.isoformat() if s.done else "", *[""] * (len(OUTCOME_COLUMNS) - 1)]

    def n(x: int | None) -> str:
        return "" if x is None else str(x)

    return [
        s.done.isoformat() if s.done else "",
        o.kind.value,
        n(o.days_late),
        n(o.working_days_late),
        n(o.days_overdue),
        "true" if o.boundary else "false",
        "true" if o.statutory and o.duty else "false",
        "true" if o.assumed else "false",
        o.note,
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
    if t.checked:
        write_rows(
            buf,
            STEP_COLUMNS + OUTCOME_COLUMNS,
            (step_row(t.process, s, label) + outcome_row(s) for s in t.steps),
        )
    else:
        write_rows(buf, STEP_COLUMNS, (step_row(t.process, s, label) for s in t.steps))
    return buf.getvalue()
