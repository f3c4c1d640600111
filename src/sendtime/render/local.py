"""Local steps (--rules) in the table format: a section of their own below the statutory table.

JSON, CSV and ICS need nothing special: a local step is a Step with kind and status
``practice``, confidence ``local`` and its ``source`` in the citation field.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path

from rich.console import Console
from rich.table import Table
from rich.text import Text

from sendtime.engine.model import Step, Timeline


def is_local(s: Step) -> bool:
    """Whether a step comes from a local rule (only those carry a source)."""
    return s.source is not None


def split_local(t: Timeline) -> tuple[Timeline, tuple[Step, ...]]:
    """The timeline without its local steps, and the local steps."""
    local = tuple(s for s in t.steps if is_local(s))
    if not local:
        return t, ()
    return replace(t, steps=tuple(s for s in t.steps if not is_local(s))), local


def local_table(steps: Sequence[Step], console: Console, *, file: str | None = None) -> None:
    """Print local steps: date, day, milestone with its anchor, and the source. Nothing if none."""
    if not steps:
        return
    origin = f" from {Path(file).name}" if file else ""
    table = Table(
        title=f"Local milestones{origin}",
        title_justify="left",
        caption="Local practice, not statutory deadlines: they never move a statutory date.",
        caption_justify="left",
        show_lines=True,
    )
    table.add_column("Date", no_wrap=True)
    table.add_column("Day", no_wrap=True)
    table.add_column("Local milestone", overflow="fold", ratio=3)
    table.add_column("Source", overflow="fold", ratio=2)
    for s in sorted(steps, key=lambda s: (s.date is None, s.date or 0)):
        cell = Text(s.title, style="italic")
        tags = [s.id, "practice (local)", s.basis, *s.notes]
        cell.append("\n" + " · ".join(tags), style="dim")
        table.add_row(
            s.date.isoformat() if s.date else "no date",
            (s.weekday or "")[:3],
            cell,
            s.source or "",
        )
    console.print(table)
