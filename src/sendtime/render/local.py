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
from sendtime.render.reader import chronological, is_local
from sendtime.texts import Catalogue, catalogue

__all__ = ["is_local", "local_table", "split_local"]


def split_local(t: Timeline) -> tuple[Timeline, tuple[Step, ...]]:
    """The timeline without its local steps, and the local steps."""
    local = tuple(s for s in t.steps if is_local(s))
    if not local:
        return t, ()
    return replace(t, steps=tuple(s for s in t.steps if not is_local(s))), local


def local_table(
    steps: Sequence[Step],
    console: Console,
    *,
    file: str | None = None,
    cat: Catalogue | None = None,
) -> list[str]:
    """Print local steps: date, day, milestone with its anchor, and the source.

    Returns the text shown (for the key); prints nothing when there are no local steps.
    """
    if not steps:
        return []
    cat = cat or catalogue("en")
    origin = cat.local_origin.format(file=Path(file).name) if file else ""
    title = cat.local_heading.format(origin=origin)
    table = Table(
        title=title,
        title_justify="left",
        caption=cat.local_caption,
        caption_justify="left",
        show_lines=True,
    )
    date_col, day_col, step_col, source_col = cat.local_columns
    table.add_column(date_col, no_wrap=True)
    table.add_column(day_col, no_wrap=True)
    table.add_column(step_col, overflow="fold", ratio=3)
    table.add_column(source_col, overflow="fold", ratio=2)
    shown = [title, cat.local_caption]
    for s in chronological(steps):
        cell = Text(s.title, style="italic")
        tags = [s.id, cat.local_tag, s.basis, *s.notes]
        cell.append("\n" + " · ".join(tags), style="dim")
        shown += [cell.plain, s.source or ""]
        table.add_row(
            s.date.isoformat() if s.date else cat.no_date,
            cat.weekdays[s.date.weekday()][:3] if s.date else "",
            cell,
            s.source or "",
        )
    console.print(table)
    return shown
