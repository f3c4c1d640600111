"""The month calendar view: school days, closures, bank holidays and each deadline marked.

``month_grid`` builds the data (pure); ``calendar_view`` prints it with Rich for a terminal and
``calendar_svg`` draws it as an SVG picture (ElementTree does the XML) to save and share.
"""

from __future__ import annotations

import calendar as stdcal
import datetime as dt
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from enum import StrEnum
from string import ascii_uppercase

from rich.columns import Columns
from rich.console import Console, Group
from rich.table import Table
from rich.text import Text

from sendtime.engine.calendars import Calendar
from sendtime.engine.errors import NeedsMoreData
from sendtime.engine.model import Kind, Step, Timeline
from sendtime.law.england.rules import DISCLAIMER

MAX_SPAN_MONTHS = 6  # up to this many months from first to last step are all shown
DAY_NAMES = ("Mo", "Tu", "We", "Th", "Fr", "Sa", "Su")


class DayType(StrEnum):
    """What kind of day a calendar cell is."""

    SCHOOL = "school day"
    WORKING = "working day"  # no term dates, or outside them
    CLOSED = "closure"  # a weekday the setting is closed (holidays, half terms, INSET)
    WEEKEND = "weekend"
    BANK_HOLIDAY = "bank holiday"


@dataclass(frozen=True, slots=True)
class Cell:
    """One day of a month grid."""

    date: dt.date
    type: DayType
    marks: tuple[str, ...]  # the legend letters of the steps due that day
    holiday: str | None = None


@dataclass(frozen=True, slots=True)
class Month:
    """One month: weeks of seven cells (None outside the month), Monday first."""

    year: int
    month: int
    weeks: tuple[tuple[Cell | None, ...], ...]

    @property
    def title(self) -> str:
        """E.g. "February 2026"."""
        return f"{stdcal.month_name[self.month]} {self.year}"


def letters(n: int) -> list[str]:
    """Legend letters: A..Z, then AA, AB, ... (lower case h and - are the day signs)."""
    out = list(ascii_uppercase[:n])
    i = 0
    while len(out) < n:
        out.append(ascii_uppercase[i // 26] + ascii_uppercase[i % 26])
        i += 1
    return out


def legend(t: Timeline) -> list[tuple[str, Step]]:
    """The dated steps with their letters, in timeline order."""
    dated = [s for s in t.steps if s.date is not None]
    return list(zip(letters(len(dated)), dated, strict=True))


def _months(dates: list[dt.date]) -> list[tuple[int, int]]:
    first, last = min(dates), max(dates)
    span = (last.year - first.year) * 12 + last.month - first.month
    if span < MAX_SPAN_MONTHS:
        out, y, m = [], first.year, first.month
        for _ in range(span + 1):
            out.append((y, m))
            y, m = (y + 1, 1) if m == 12 else (y, m + 1)
        return out
    return sorted({(d.year, d.month) for d in dates})


def day_type(cal: Calendar, d: dt.date) -> DayType:
    """Classify a day: bank holiday, weekend, school day or closure (with terms), working day."""
    if d.weekday() >= 5:
        return DayType.WEEKEND
    if not cal.is_working_day(d):
        return DayType.BANK_HOLIDAY
    if cal.terms is not None and cal.terms.covers(d):
        try:
            return DayType.SCHOOL if cal.is_school_day(d) else DayType.CLOSED
        except NeedsMoreData:
            return DayType.WORKING
    return DayType.WORKING


def month_grid(t: Timeline, cal: Calendar) -> list[Month]:
    """The months that hold the timeline's dated steps, each day classified and marked."""
    marks: dict[dt.date, list[str]] = {}
    for letter, s in legend(t):
        assert s.date is not None  # noqa: S101 - legend holds dated steps only
        marks.setdefault(s.date, []).append(letter)
    if not marks:
        return []
    out = []
    for y, m in _months(list(marks)):
        weeks = []
        for week in stdcal.Calendar().monthdatescalendar(y, m):
            row: list[Cell | None] = []
            for d in week:
                if d.month != m:
                    row.append(None)
                    continue
                kind = day_type(cal, d)
                name = cal.holiday_name(d) if kind is DayType.BANK_HOLIDAY else None
                row.append(Cell(d, kind, tuple(marks.get(d, ())), name))
            weeks.append(tuple(row))
        out.append(Month(y, m, tuple(weeks)))
    return out


# ------------------------------------------------------------------------------ terminal
STYLES = {
    DayType.SCHOOL: "green",
    DayType.WORKING: "",
    DayType.CLOSED: "yellow",
    DayType.WEEKEND: "dim",
    DayType.BANK_HOLIDAY: "red",
}
SIGN = {DayType.CLOSED: "-", DayType.BANK_HOLIDAY: "h"}
STEP_STYLE = {
    Kind.DEADLINE: "bold white on red",
    Kind.FIXED: "bold white on red",
    Kind.MINIMUM: "bold black on yellow",
    Kind.PLANNING: "bold white on blue",
}


def _cell_text(c: Cell | None, step_kind: dict[str, Kind]) -> Text:
    if c is None:
        return Text("")
    mark = c.marks[0] if c.marks else SIGN.get(c.type, "")
    if len(c.marks) > 1:
        mark += "+"
    text = Text(f"{c.date.day:>2}", style=STYLES[c.type])
    if c.marks:
        style = STEP_STYLE.get(step_kind[c.marks[0]], "bold reverse")
        text = Text(f"{c.date.day:>2}", style=style)
        text.append(mark, style="bold")
    else:
        text.append(mark, style=STYLES[c.type])
    return text


def calendar_view(t: Timeline, cal: Calendar, console: Console) -> None:
    """Print the months with the steps marked, a legend, and what the signs mean."""
    steps = legend(t)
    kinds = {letter: s.kind for letter, s in steps}
    tables = []
    for month in month_grid(t, cal):
        table = Table(
            title=month.title, show_edge=False, box=None, pad_edge=False, padding=(0, 1, 0, 0)
        )
        for name in DAY_NAMES:
            table.add_column(name, justify="left", no_wrap=True, min_width=4)
        for week in month.weeks:
            table.add_row(*(_cell_text(c, kinds) for c in week))
        tables.append(table)
    if not tables:
        console.print(Text("No dated steps to show: give the trigger dates the steps need."))
    else:
        console.print(Columns(tables, padding=(1, 3)))
    console.print()
    lines = [
        Text(f"{letter}  {s.date.isoformat() if s.date else ''} {(s.weekday or '')[:3]}  ")
        + Text(s.title, style="bold" if s.kind is not Kind.GUIDANCE else "italic")
        + Text(f"  {s.id} ({s.kind.value}{', projected' if s.projected else ''})", style="dim")
        for letter, s in steps
    ]
    console.print(Group(*lines))
    terms = cal.terms.label if cal.terms else None
    key = (
        "Key: A, B, ... a step due that day (+: more than one); h bank holiday; "
        "- setting closed (with --terms)"
    )
    if terms:
        key += f"; coloured green: school days of {terms}"
    else:
        key += "; no term dates given (--terms), so no school days or closures are shown"
    console.print(Text(key, style="dim"))
    for s in t.steps:
        if s.date is None:
            console.print(Text(f"not shown: {s.id}: {s.basis}", style="dim"))
    console.print(Text(DISCLAIMER, style="dim"))


# ------------------------------------------------------------------------------ SVG
FILL = {
    DayType.SCHOOL: "#e3f4e1",
    DayType.WORKING: "#ffffff",
    DayType.CLOSED: "#fbe7b5",
    DayType.WEEKEND: "#eeeeee",
    DayType.BANK_HOLIDAY: "#f6c6c6",
}
STEP_FILL = {
    Kind.DEADLINE: "#c62828",
    Kind.FIXED: "#c62828",
    Kind.MINIMUM: "#ef8f00",
    Kind.PLANNING: "#1f5fbf",
    Kind.GUIDANCE: "#6a3d9a",
    Kind.PRACTICE: "#6a3d9a",
}
CELL, GAP, PER_ROW, FONT = 34, 24, 3, "DejaVu Sans, Arial, sans-serif"
MONTH_W = 7 * CELL
MONTH_H = 7 * CELL + 26  # title, weekday row and up to six weeks


def _el(parent: ET.Element, tag: str, text: str | None = None, **attrs: object) -> ET.Element:
    e = ET.SubElement(
        parent, tag, {k.rstrip("_").replace("_", "-"): str(v) for k, v in attrs.items()}
    )
    if text is not None:
        e.text = text
    return e


def _legend_line(s: Step) -> str:
    day = f"{s.date.isoformat()} {(s.weekday or '')[:3]}" if s.date else ""
    projected = ", projected" if s.projected else ""
    return f"{day}  {s.title}  ({s.id}, {s.kind.value}{projected})"


def calendar_svg(t: Timeline, cal: Calendar, *, title: str) -> str:
    """The calendar view as an SVG document (text)."""
    steps = legend(t)
    kinds = {letter: s.kind for letter, s in steps}
    months = month_grid(t, cal)
    cols = min(PER_ROW, max(1, len(months)))
    rows = (len(months) + cols - 1) // cols
    longest = max((len(_legend_line(s)) for _, s in steps), default=0)
    width = max(GAP + cols * (MONTH_W + GAP), GAP + 24 + int(longest * 6.6) + GAP)
    top = 56
    legend_y = top + rows * (MONTH_H + GAP)
    height = legend_y + 22 * (len(steps) + 4) + GAP
    svg = ET.Element(
        "svg",
        {
            "xmlns": "http://www.w3.org/2000/svg",
            "width": str(width),
            "height": str(height),
            "viewBox": f"0 0 {width} {height}",
            "font-family": FONT,
        },
    )
    _el(svg, "rect", x=0, y=0, width=width, height=height, fill="#ffffff")
    _el(svg, "text", title, x=GAP, y=32, font_size=18, font_weight="bold")
    for i, month in enumerate(months):
        x0 = GAP + (i % cols) * (MONTH_W + GAP)
        y0 = top + (i // cols) * (MONTH_H + GAP)
        _el(svg, "text", month.title, x=x0, y=y0 + 14, font_size=14, font_weight="bold")
        for j, name in enumerate(DAY_NAMES):
            _el(
                svg,
                "text",
                name,
                x=x0 + j * CELL + CELL / 2,
                y=y0 + 36,
                font_size=11,
                text_anchor="middle",
                fill="#555555",
            )
        for w, week in enumerate(month.weeks):
            for j, c in enumerate(week):
                if c is None:
                    continue
                x, y = x0 + j * CELL, y0 + 44 + w * CELL
                fill = FILL[c.type]
                colour = "#222222"
                if c.marks:
                    fill = STEP_FILL[kinds[c.marks[0]]]
                    colour = "#ffffff"
                _el(
                    svg,
                    "rect",
                    x=x + 1,
                    y=y + 1,
                    width=CELL - 2,
                    height=CELL - 2,
                    rx=4,
                    fill=fill,
                    stroke="#cccccc",
                    stroke_width=0.5,
                )
                _el(svg, "text", str(c.date.day), x=x + 5, y=y + 14, font_size=11, fill=colour)
                if c.marks:
                    _el(
                        svg,
                        "text",
                        ",".join(c.marks),
                        x=x + CELL - 4,
                        y=y + CELL - 6,
                        font_size=11,
                        font_weight="bold",
                        text_anchor="end",
                        fill=colour,
                    )
                elif c.type is DayType.BANK_HOLIDAY:
                    _el(
                        svg,
                        "text",
                        "BH",
                        x=x + CELL - 4,
                        y=y + CELL - 6,
                        font_size=9,
                        text_anchor="end",
                        fill="#9b1c1c",
                    )
    y = legend_y
    for letter, s in steps:
        _el(svg, "rect", x=GAP, y=y - 12, width=16, height=16, rx=3, fill=STEP_FILL[s.kind])
        _el(
            svg,
            "text",
            letter,
            x=GAP + 8,
            y=y + 1,
            font_size=11,
            fill="#ffffff",
            text_anchor="middle",
            font_weight="bold",
        )
        _el(svg, "text", _legend_line(s), x=GAP + 24, y=y + 1, font_size=12)
        y += 22
    y += 6
    x = GAP
    for kind in (DayType.SCHOOL, DayType.CLOSED, DayType.BANK_HOLIDAY, DayType.WEEKEND):
        if kind in (DayType.SCHOOL, DayType.CLOSED) and cal.terms is None:
            continue
        _el(
            svg, "rect", x=x, y=y - 12, width=16, height=16, rx=3, fill=FILL[kind], stroke="#cccccc"
        )
        _el(svg, "text", kind.value, x=x + 22, y=y + 1, font_size=12)
        x += 34 + 8 * len(kind.value)
    terms = f"Term dates: {cal.terms.label}." if cal.terms else "No term dates given (--terms)."
    _el(
        svg,
        "text",
        f"{terms} Bank holidays: {t.calendar.bank_holidays} ({t.calendar.source}).",
        x=GAP,
        y=y + 26,
        font_size=11,
        fill="#555555",
    )
    _el(svg, "text", DISCLAIMER, x=GAP, y=y + 44, font_size=10, fill="#777777")
    ET.indent(svg)
    return ET.tostring(svg, encoding="unicode", xml_declaration=True) + "\n"
