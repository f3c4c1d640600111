"""Rich tables for people at a terminal. Imported only when the table format is chosen."""

from __future__ import annotations

from collections.abc import Iterable

from rich.console import Console
from rich.table import Table
from rich.text import Text

from sendtime.model import Rule, Status, Timeline
from sendtime.timeline import DISCLAIMER

TITLES = {
    "assess": "EHC needs assessment",
    "draft": "Draft EHC plan: the response window",
    "review": "Annual review",
    "amend": "Amendment outside a review",
    "transfer": "Phase transfer",
}
STYLE = {Status.STATUTORY: "", Status.GUIDANCE: "italic", Status.PRACTICE: "italic dim"}


def _inputs(t: Timeline) -> str:
    parts = []
    for k, v in t.inputs:
        shown = ", ".join(v) if isinstance(v, tuple) else v
        parts.append(f"{k.replace('_', ' ')} {shown}")
    return "; ".join(parts)


def timeline_table(t: Timeline, console: Console) -> None:
    """Print a timeline: a row per step, numbered notes below, provenance and disclaimer."""
    table = Table(
        title=f"{TITLES.get(t.process, t.process)}: {_inputs(t)}",
        title_justify="left",
        show_lines=False,
        expand=False,
    )
    table.add_column("Step", overflow="fold", ratio=3)
    table.add_column("Date", no_wrap=True)
    table.add_column("Day", no_wrap=True)
    table.add_column("Kind", no_wrap=True)
    table.add_column("Rule", overflow="fold", ratio=2)
    table.add_column("Notes", no_wrap=True)
    numbered: dict[str, int] = {}
    for s in t.steps:
        marks = []
        for n in s.notes:
            numbered.setdefault(n, len(numbered) + 1)
            marks.append(str(numbered[n]))
        kind = s.kind.value
        if s.disapplied:
            kind += " (disapplied)"
        if s.projected:
            kind += " *"
        step = Text(s.title, style=STYLE[s.status])
        step.append(f"\n{s.id}", style="dim")
        if s.status is not Status.STATUTORY:
            step.append(f" ({s.status.value}, not a statutory deadline)", style="dim")
        table.add_row(
            step,
            s.date.isoformat() if s.date else "no date",
            (s.weekday or "")[:3],
            kind,
            s.citation,
            ",".join(marks),
        )
    console.print(table)
    if any(s.projected for s in t.steps):
        console.print("* projected: the trigger was not given, so an earlier step was assumed")
    for note, i in numbered.items():
        console.print(Text(f"{i}. {note}"))
    no_date = [s for s in t.steps if s.date is None]
    for s in no_date:
        console.print(Text(f"{s.id}: {s.basis}"))
    for s in t.steps:
        if s.disapplied:
            console.print(
                Text(f"{s.id} disapplied under {s.disapplied.limb}: {s.disapplied.reason}")
            )
    for c in t.closure_checks:
        engaged = {True: "engaged", False: "not engaged", None: "not known"}[c.engaged]
        console.print(
            Text(f"Closure test {c.limb}, advice requested {c.advice_requested}: {engaged}")
        )
        if c.closure and c.window:
            named = f" ({c.closure.name})" if c.closure.name else ""
            console.print(
                Text(
                    f"  closure{named}: first closed day {c.closure.first_closed_day}, reopens "
                    f"{c.closure.reopens}; window {c.window[0]} to {c.window[1]}"
                )
            )
        if c.note:
            console.print(Text(f"  {c.note}"))
    terms = f"; terms: {t.calendar.terms}" if t.calendar.terms else ""
    console.print(
        Text(
            f"Counting: {t.counting.value}. Bank holidays: {t.calendar.bank_holidays} "
            f"({t.calendar.source}){terms}.",
            style="dim",
        )
    )
    console.print(Text(DISCLAIMER, style="dim"))


def rules_table(rules: Iterable[Rule], console: Console) -> None:
    """Print the rule table."""
    table = Table(title="sendtime rules", title_justify="left")
    for col in ("Id", "Title", "Citation", "Period", "Kind", "Confidence"):
        table.add_column(col, overflow="fold")
    for r in rules:
        table.add_row(r.id, r.title, r.citation, r.period, r.kind.value, r.confidence.value)
    console.print(table)
