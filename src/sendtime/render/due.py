"""What `due` prints: the dated steps in the window as a table, CSV or one JSON document."""

from __future__ import annotations

import csv
import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import IO, TYPE_CHECKING

from sendtime.engine.model import Step
from sendtime.io.caseload import Cell, cell_text
from sendtime.render.csv import neutralise

if TYPE_CHECKING:
    from rich.console import Console

DUE_COLUMNS = (
    "ref",
    "process",
    "step",
    "title",
    "date",
    "weekday",
    "days_left",
    "kind",
    "status",
    "citation",
    "basis",
)


@dataclass(frozen=True, slots=True)
class Due:
    """One dated step in the window."""

    date: dt.date
    ref: str
    line: int
    process: str
    step: Step
    days_left: int
    extra: tuple[tuple[str, Cell], ...]


def due_csv(found: Sequence[Due], extra_names: Sequence[str], out: IO[str]) -> None:
    """The due steps as CSV: ISO dates, days_left, then the pass-through columns."""
    w = csv.writer(out, lineterminator="\n")
    w.writerow([neutralise(c) for c in (*DUE_COLUMNS, *extra_names)])
    for x in found:
        s = x.step
        text = [x.ref, x.process, s.id, s.title, x.date.isoformat(), s.weekday or ""]
        rest = [s.kind.value, s.status.value, s.citation, s.basis]
        extra = [cell_text(v) for _, v in x.extra]
        # days_left is a number of ours (negative when overdue), not text to neutralise
        w.writerow([*map(neutralise, text), x.days_left, *map(neutralise, rest + extra)])


def due_json(found: Sequence[Due], day: dt.date, days: int, out: IO[str], *, overdue: bool) -> None:
    """The due steps as one JSON document (schema sendtime.due/1)."""
    from sendtime.render.json import dumps, step_dict

    doc = {
        "schema": "sendtime.due/1",
        "today": day.isoformat(),
        "within": days,
        "overdue": overdue,
        "steps": [
            {"ref": x.ref, "line": x.line, "process": x.process, **step_dict(x.step)}
            | {"days_left": x.days_left}
            for x in found
        ],
    }
    out.write(dumps(doc) + "\n")


def due_table(
    found: Sequence[Due], day: dt.date, last: dt.date, con: Console, *, overdue: bool
) -> None:
    """The due steps as a Rich table, soonest first."""
    from rich.table import Table
    from rich.text import Text

    past = " (and overdue)" if overdue else ""
    title = f"Due from {day.isoformat()} to {last.isoformat()}{past}"
    if not found:
        con.print(Text(f"{title}: nothing due."))
        return
    table = Table(title=title, title_justify="left")
    for col in ("Date", "Day", "In", "Ref"):
        table.add_column(col, no_wrap=True)
    table.add_column("Step", overflow="fold", ratio=1)
    table.add_column("Kind", no_wrap=True)
    for x in found:
        left = "today" if x.days_left == 0 else f"{x.days_left}d"
        step = Text(x.step.title)
        step.append(f" {x.step.id}", style="dim")
        if x.step.projected:
            step.append(" (projected)", style="italic")
        table.add_row(
            x.date.isoformat(),
            (x.step.weekday or "")[:3],
            left,
            Text(x.ref),
            step,
            x.step.kind.value,
        )
    con.print(table)
    con.print(Text("Rules and the basis of each date: add --format csv.", style="dim"))
    from sendtime.render.reader import key_entries
    from sendtime.render.table import CAT, key_grid

    shown = [f"{x.step.title} {x.step.id}" for x in found]
    steps = [x.step for x in found]
    entries = [(t, m) for t, m in key_entries(shown, steps, CAT) if t != "not a statutory deadline"]
    if any(x.days_left != 0 for x in found):
        entries.append(("3d", CAT.extra["due_in"]))
    con.print(key_grid(entries, CAT))
