"""Rich tables for people at a terminal. Imported only when the table format is chosen.

Every word comes from the catalogue (sendtime.texts); docs/reading-the-output.md shows the result.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from rich.console import Console
from rich.table import Table
from rich.text import Text

from sendtime.engine.model import Rule, Status, Step, Timeline
from sendtime.render.local import local_table, split_local
from sendtime.render.reader import (
    checked,
    chronological,
    collapsible,
    heading,
    key_entries,
    next_line,
    outcome_cell,
    outcome_of,
    outcome_summary,
    provenance,
    pupil_lines,
    short_citation,
    step_tags,
    undated_line,
)
from sendtime.render.reader import input_text as input_text  # re-exported for callers
from sendtime.texts import Catalogue, catalogue

CAT = catalogue("en")
ATTENTION = frozenset({"late", "overdue"})
STYLE = {Status.STATUTORY: "", Status.GUIDANCE: "italic", Status.PRACTICE: "italic"}


def _step_cell(s: Step, marks: list[str], cat: Catalogue) -> Text:
    cell = Text(s.title, style=STYLE[s.status])
    cell.append("\n" + " · ".join(step_tags(s, cat, marks)), style="dim")
    return cell


# Wales's sources in the key: England's "reg" entry would name the SEND Regulations 2014.
WALES_KEY = (
    ("reg, regs", "regulation(s) of the ALN (Wales) Regulations 2021 (SI 2021/401 (W. 130))"),
    ("Code", "the ALN Code for Wales 2021 (its time limits bind: ALNET s.4(6))"),
    ("ALNET", "the Additional Learning Needs and Education Tribunal (Wales) Act 2018"),
    ("ETW", "the Education Tribunal for Wales Regulations 2021 (SI 2021/406 (W. 132))"),
)


def print_key(
    shown: Sequence[str],
    steps: Sequence[Step],
    console: Console,
    cat: Catalogue,
    *,
    jurisdiction: str = "england",
) -> None:
    """The key of the terms this output used, one per line (Wales's sources for Wales)."""
    entries = key_entries(shown, steps, cat)
    if jurisdiction == "wales":
        text = "\n".join(shown)
        entries = [(t, m) for t, m in entries if not t.startswith("reg")]
        entries = [(t, m) for t, m in WALES_KEY if t.split(",")[0] in text] + entries
    if not entries:
        return
    console.print(key_grid(entries, cat))


def key_grid(entries: Sequence[tuple[str, str]], cat: Catalogue) -> Table:
    """The key as a two-column grid (term, meaning) under a heading, wrapped with an indent."""
    grid = Table.grid(padding=(0, 1))
    grid.title = f"{cat.key_heading}:"
    grid.title_justify = "left"
    grid.add_column(no_wrap=True)
    grid.add_column(overflow="fold")
    for term, meaning in entries:
        grid.add_row(term, meaning)
    return grid


def timeline_table(
    t: Timeline, console: Console, *, rules_file: str | None = None, cat: Catalogue = CAT
) -> None:
    """Print a timeline for a person: what matters next, a row per step, notes, key, disclaimer.

    Undated steps that an option would date are collapsed into one line; local steps (--rules)
    get a table of their own; the key lists only the terms the output used.
    """
    statutory, local = split_local(t)
    shown: list[str] = []

    def say(line: str, style: str = "") -> None:
        shown.append(line)
        console.print(Text(line, style=style))

    first = next_line(t, cat)
    if first:
        say(first, "bold")
    summary = outcome_summary(t.steps, cat) if checked(t) else None
    if summary:
        say(summary, "bold")
    for line in pupil_lines(t, cat):
        say(line)
    title = heading(t, cat)
    shown.append(title)
    table = Table(title=title, title_justify="left", show_lines=True)
    date_col, day_col, step_col, cite_col = cat.columns
    table.add_column(date_col, no_wrap=True)
    table.add_column(day_col, no_wrap=True)
    table.add_column(step_col, overflow="fold", ratio=3)
    table.add_column(cite_col, overflow="fold", ratio=1, min_width=14, max_width=24)
    with_outcomes = checked(t)
    if with_outcomes:
        table.add_column(cat.outcome_columns[3], overflow="fold", ratio=1, min_width=10)
    numbered: dict[str, int] = {}
    rows = [s for s in chronological(statutory.steps) if not collapsible(s)]
    collapsed = [s for s in statutory.steps if collapsible(s)]
    for s in rows:
        marks = []
        for n in s.notes:
            numbered.setdefault(n, len(numbered) + 1)
            marks.append(str(numbered[n]))
        cell = _step_cell(s, marks, cat)
        citation = short_citation(s.citation)
        shown += [cell.plain, citation]
        cells: list[str | Text] = [
            s.date.isoformat() if s.date else cat.no_date,
            cat.weekdays[s.date.weekday()][:3] if s.date else "",
            cell,
            citation,
        ]
        if with_outcomes:
            kind = outcome_of(s)
            cells.append(Text(outcome_cell(s, cat), style="bold" if kind in ATTENTION else ""))
        table.add_row(*cells)
    if rows:
        console.print(table)
    else:
        say(title)
    collapsed_marks: dict[str, list[str]] = {}
    for s in collapsed:
        for n in s.notes:
            numbered.setdefault(n, len(numbered) + 1)
            collapsed_marks.setdefault(s.id, []).append(str(numbered[n]))
    undated = undated_line(collapsed, cat, collapsed_marks)
    if undated:
        say(undated)
    for note, i in numbered.items():
        say(f"{i}. {note}")
    for s in rows:
        if s.date is None:
            say(f"{s.id}: {s.basis}")
    for s in statutory.steps:
        if s.disapplied:
            say(
                cat.disapplied_line.format(
                    id=s.id, limb=s.disapplied.limb, reason=s.disapplied.reason
                )
            )
    for c in t.closure_checks:
        engaged = cat.closure_engaged[str(c.engaged).lower()]
        say(cat.closure_line.format(limb=c.limb, requested=c.advice_requested, engaged=engaged))
        if c.closure and c.window:
            named = f" ({c.closure.name})" if c.closure.name else ""
            detail = cat.closure_detail.format(
                named=named,
                first=c.closure.first_closed_day,
                reopens=c.closure.reopens,
                start=c.window[0],
                end=c.window[1],
            )
            say(f"  {detail}")
        if c.note:
            say(f"  {c.note}")
    shown += local_table(local, console, file=rules_file, cat=cat)
    say(f"{provenance(t, cat)} {cat.explain_hint}", "dim")
    print_key(shown, [*rows, *collapsed, *local], console, cat, jurisdiction=t.jurisdiction)
    if t.jurisdiction == "wales":
        from sendtime.law.wales.texts import DISCLAIMER

        console.print(Text(DISCLAIMER, style="dim"))
    else:
        console.print(Text(cat.disclaimer, style="dim"))


def rules_table(rules: Iterable[Rule], console: Console, *, jurisdiction: str = "england") -> None:
    """Print the rule table, then the key of the terms it used."""
    rules = list(rules)
    title = "sendtime rules" if jurisdiction == "england" else f"sendtime rules: {jurisdiction}"
    table = Table(title=title, title_justify="left", show_lines=True)
    for col in ("Id", "Title", "Set by", "Period", "Kind", "Confidence"):
        table.add_column(col, overflow="fold")
    for r in rules:
        table.add_row(
            r.id, r.title, short_citation(r.citation), r.period, r.kind.value, r.confidence.value
        )
    console.print(table)
    shown = [f"{short_citation(r.citation)} {r.title} {r.period}" for r in rules]
    entries = [(t.term, t.meaning) for t in CAT.key_terms if t.regex.search("\n".join(shown))]
    kinds = {r.kind.value for r in rules} | {r.status.value for r in rules}
    entries += [(k, v) for k, v in CAT.kind_terms.items() if k in kinds]
    console.print(key_grid(entries, CAT))
