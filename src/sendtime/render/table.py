"""Rich tables for people at a terminal. Imported only when the table format is chosen."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from rich.console import Console
from rich.table import Table
from rich.text import Text

from sendtime.engine.model import InputValue, Rule, Status, Step, Timeline
from sendtime.law.england.processes import title
from sendtime.law.england.rules import DISCLAIMER

# Long source names shortened in the table; the legend below it spells them out.
SHORT = (
    ("SEND Regulations 2014, ", ""),
    ("SEND Code of Practice 2015, paras ", "CoP "),
    ("SEND Code of Practice 2015, para ", "CoP "),
    ("Children and Families Act 2014, ", "CFA "),
    ("R (L, M and P) v Devon CC, [2022] EWHC 493 (Admin)", "Devon [2022]"),
    ("Tribunal Procedure (First-tier Tribunal) (HESC Chamber) Rules 2008, ", "HESC "),
)
LEGEND = (
    "reg(s) = SEND Regulations 2014 (SI 2014/1530); CoP = SEND Code of Practice 0-25 (2015); "
    "CFA = Children and Families Act 2014; Devon [2022] = R (L, M and P) v Devon CC [2022] "
    "EWHC 493 (Admin); HESC = Tribunal Procedure (First-tier Tribunal) (HESC Chamber) Rules 2008."
)
STYLE = {Status.STATUTORY: "", Status.GUIDANCE: "italic", Status.PRACTICE: "italic"}


def short_citation(citation: str) -> str:
    """A citation shortened for a narrow column."""
    for long, short in SHORT:
        citation = citation.replace(long, short)
    return citation


def input_text(v: InputValue) -> str:
    """An input as text: a date in ISO, several dates joined with ", ", text as given."""
    if isinstance(v, tuple):
        return ", ".join(d.isoformat() for d in v)
    return v.isoformat() if isinstance(v, dt.date) else v


def _inputs(t: Timeline) -> str:
    parts = []
    for k, v in t.inputs:
        shown = input_text(v)
        parts.append(f"{k.replace('_', ' ')} {shown}")
    return "; ".join(parts)


def _step_cell(s: Step, marks: list[str]) -> Text:
    cell = Text(s.title, style=STYLE[s.status])
    tags = [s.id, s.kind.value]
    if s.status is not Status.STATUTORY:
        if s.status.value != s.kind.value:
            tags.append(s.status.value)
        tags.append("not a statutory deadline")
    if s.projected:
        tags.append("projected")
    if s.disapplied:
        tags.append(f"disapplied: {s.disapplied.limb}")
    if marks:
        tags.append("notes " + ",".join(marks))
    cell.append("\n" + " · ".join(tags), style="dim")
    return cell


def _pupil_facts(t: Timeline, console: Console) -> None:
    facts = t.pupil
    if facts is None:
        return
    lines = [
        f"Year group {facts.year_group} in {facts.academic_year} ({facts.structure} structure).",
        f"Compulsory school age ends {facts.compulsory_school_age_ends.isoformat()} "
        "(Education Act 1996 s.8(3); the last Friday in June).",
        "Reviews must consider preparation for adulthood (regs 20(6), 21(6))."
        if facts.preparation_for_adulthood
        else "Preparation for adulthood: from Year 9 (regs 20(6), 21(6)).",
    ]
    if facts.next_transfer:
        lines.append(
            f"Next transfer between phases: {facts.next_transfer}, into "
            f"{facts.transfer_into or ''}."
        )
    for line in lines:
        console.print(Text(line))


def timeline_table(t: Timeline, console: Console) -> None:
    """Print a timeline: a row per step, numbered notes below, provenance and disclaimer."""
    _pupil_facts(t, console)
    table = Table(
        title=f"{title(t.process)}: {_inputs(t)}",
        title_justify="left",
        show_lines=True,
    )
    table.add_column("Date", no_wrap=True)
    table.add_column("Day", no_wrap=True)
    table.add_column("Step", overflow="fold", ratio=3)
    table.add_column("Set by", overflow="fold", ratio=1, min_width=14, max_width=24)
    numbered: dict[str, int] = {}
    # Chronological, as a timeline reads; undated steps last. JSON and CSV keep rule order.
    for s in sorted(t.steps, key=lambda s: (s.date is None, s.date or 0)):
        marks = []
        for n in s.notes:
            numbered.setdefault(n, len(numbered) + 1)
            marks.append(str(numbered[n]))
        table.add_row(
            s.date.isoformat() if s.date else "no date",
            (s.weekday or "")[:3],
            _step_cell(s, marks),
            short_citation(s.citation),
        )
    console.print(table)
    for note, i in numbered.items():
        console.print(Text(f"{i}. {note}"))
    for s in t.steps:
        if s.date is None:
            console.print(Text(f"{s.id}: {s.basis}"))
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
            f"({t.calendar.source}){terms}. Explain a date: --explain STEP_ID.",
            style="dim",
        )
    )
    console.print(Text(LEGEND, style="dim"))
    console.print(Text(DISCLAIMER, style="dim"))


def rules_table(rules: Iterable[Rule], console: Console) -> None:
    """Print the rule table."""
    table = Table(title="sendtime rules", title_justify="left", show_lines=True)
    for col in ("Id", "Title", "Set by", "Period", "Kind", "Confidence"):
        table.add_column(col, overflow="fold")
    for r in rules:
        table.add_row(
            r.id, r.title, short_citation(r.citation), r.period, r.kind.value, r.confidence.value
        )
    console.print(table)
    console.print(Text(LEGEND, style="dim"))
