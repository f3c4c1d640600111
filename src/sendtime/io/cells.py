"""A caseload's cells as the core's values, and the core's errors worded for a caseload.

Every message names the column and what was expected, never a cell's value: a caseload holds
children's personal data. Words from fixed lists (VOCABULARY) are no personal data.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import re
from collections.abc import Mapping
from typing import Any

from sendtime.engine.errors import BadInput, SendtimeError
from sendtime.engine.model import ExceptionKind, RecordedException
from sendtime.io.caseload import Cell, CellError, cell_text, parse_file_date
from sendtime.law.england.processes import REGISTRY, ParamKind, Process

# Columns of words from a fixed list (a kind of transfer, an order type): shown in messages.
VOCABULARY = ("kind", "type", "structure", "destination", "post", "by", "unopposed")
OPTION = re.compile(r"--([a-z][a-z0-9-]*)")


def convert_cell(value: Cell, kind: ParamKind, column: str) -> Any:
    """One cell as its argument's type, or CellError naming the column."""
    try:
        if kind is ParamKind.DATE:
            return parse_file_date(value)
        if kind is ParamKind.DATES:
            if isinstance(value, dt.date):
                return [parse_file_date(value)]
            return [parse_file_date(p.strip()) for p in str(value).split(";") if p.strip()]
        if kind is ParamKind.YEAR:
            n = whole_number(value)
            if not 1000 <= n <= 9999:
                raise CellError("expected a four-digit year, e.g. 2026")
            return n
        if kind is ParamKind.INT:
            return whole_number(value)
    except CellError as exc:
        raise CellError(f"column {column}: {exc}") from None
    return cell_text(value)


def whole_number(value: Cell) -> int:
    """A cell as a whole number (an integral float from a spreadsheet too), or CellError."""
    if isinstance(value, bool | dt.date):
        raise CellError("expected a whole number")
    if isinstance(value, int):
        return value
    if isinstance(value, float):
        if value.is_integer():
            return int(value)
        raise CellError("expected a whole number")
    text = str(value).strip()
    if re.fullmatch(r"[+-]?\d+", text):
        return int(text)
    raise CellError("expected a whole number")


def word_of(enum: Any, text: str, column: str) -> Any:
    """A cell as a member of a fixed list of words (any case), or CellError naming the column."""
    try:
        return enum(text.strip().lower())
    except ValueError:
        msg = f"column {column}: expected one of " + ", ".join(m.value for m in enum)
        raise CellError(msg) from None


def parse_exceptions(text: str) -> list[RecordedException]:
    """`personal` or `absence:START..END`, several separated by ";"."""
    out = []
    for part in (p.strip() for p in text.split(";")):
        if not part:
            continue
        kind_text, _, rng = part.partition(":")
        kind = word_of(ExceptionKind, kind_text, "exception")
        if not rng:
            out.append(RecordedException(kind))
            continue
        start_text, sep, end_text = rng.partition("..")
        try:
            if not sep:
                raise CellError("bad range")
            start, end = parse_file_date(start_text.strip()), parse_file_date(end_text.strip())
        except CellError:
            msg = (
                "column exception: expected KIND or KIND:START..END, "
                "e.g. absence:2025-04-01..2025-05-09"
            )
            raise CellError(msg) from None
        if end < start:
            raise CellError("column exception: the end of a range is before its start")
        out.append(RecordedException(kind, start, end))
    return out


def cell_values(cells: tuple[Cell, ...], keep: tuple[int, ...]) -> tuple[str, ...]:
    """A row's cell values as they could appear in a message (dates also in ISO), longest first."""
    values: set[str] = set()
    for i, c in enumerate(cells):
        if i in keep or c == "":
            continue
        values.add(cell_text(c))
        with contextlib.suppress(CellError):
            values.add(parse_file_date(c).isoformat())
    return tuple(sorted((v for v in values if v), key=len, reverse=True))


def column_error(exc: CellError | SendtimeError) -> str | None:
    """A core error worded for a caseload from its parts: the column and the problem, no value.

    A word from a fixed list (a kind of transfer, an order type) is no personal data: those
    errors keep the core's wording, which shows the word.
    """
    if not isinstance(exc, BadInput) or exc.field is None or exc.problem is None:
        return None
    if exc.field in VOCABULARY:
        return None
    problem = exc.problem.removeprefix(":").strip()
    if problem.startswith(("is ", "needed ")):
        problem = "the value " + problem if problem.startswith("is ") else problem
    return " ".join(f"column {exc.field}: {problem}".split())


def scrub(
    message: str,
    cells: tuple[Cell, ...],
    keep: tuple[int, ...],
    process: str = "",
    values: tuple[str, ...] | None = None,
    *,
    registry: Mapping[str, Process] | None = None,
) -> str:
    """An error message with every cell value of the row (but the ref) taken out.

    Core messages name options (--draft-served) and sometimes the value; a caseload holds
    personal data, so the value goes and the option becomes its column name (draft_served).
    """
    registry = REGISTRY if registry is None else registry  # the row's jurisdiction's processes
    trigger = registry[process].trigger if process in registry else None

    def column(m: re.Match[str]) -> str:
        name = m[1].replace("-", "_")
        return "date" if name == trigger else name

    text = OPTION.sub(column, " ".join(message.split()))
    for v in cell_values(cells, keep) if values is None else values:
        if v in text:  # the regex (and its compile) only where the value can match
            text = re.sub(rf"(?<!\w){re.escape(v)}(?!\w)", "…", text)
    return text
