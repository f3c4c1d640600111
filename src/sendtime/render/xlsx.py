"""XLSX output with openpyxl's write-only mode: real date cells, a styled and frozen header.

Write-only mode streams rows to disk; it ignores the frozen pane and column widths unless they
are set before the first row, so they are set here first. The saved workbook goes to a
temporary file and its zip entries are copied to the output in chunks (never the whole sheet
in memory: its XML is ~8 KiB per caseload row), so memory stays flat.

Every cell is its own: a cell object handed to openpyxl's write-only sheet is rewritten in
place (its row and column) when appended, so one object reused across rows shows up in the
wrong place and with the wrong type. Text that openpyxl would read as something else (a
formula "=...", an error code "#N/A") gets a fresh cell typed explicitly as a string; headers
too. Characters a workbook cannot hold (controls) are written as escapes, not dropped.
"""

from __future__ import annotations

import datetime as dt
import re
import shutil
import tempfile
import zipfile
from collections.abc import Sequence
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

from sendtime.render.rows import BATCH_COLUMNS

if TYPE_CHECKING:
    from sendtime.io.batch import Case

WIDTHS = {
    "ref": 14,
    "process": 10,
    "step": 26,
    "title": 44,
    "date": 12,
    "weekday": 11,
    "kind": 10,
    "status": 10,
    "confidence": 11,
    "citation": 40,
    "basis": 44,
    "projected": 10,
    "disapplied": 20,
    "date_latest": 12,
    "notes": 60,
}
SHEET = "deadlines"
FORMULA_START = ("=", "+", "-", "@")
ERROR_CODES = frozenset(("#NULL!", "#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#N/A"))
_ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")


def _storable(value: str) -> str:
    """Text an .xlsx can hold: control characters (which openpyxl refuses) as escapes."""
    return _ILLEGAL.sub(lambda m: f"\\x{ord(m[0]):02x}", value)


def _letter(i: int) -> str:
    from openpyxl.utils import get_column_letter

    return get_column_letter(i)


class XlsxSink:
    """A workbook with one sheet of (ref, step) rows, saved on close()."""

    def __init__(
        self,
        target: str | Path | IO[bytes],
        extra_names: Sequence[str],
        *,
        today: dt.date | None = None,
    ) -> None:
        from openpyxl import Workbook
        from openpyxl.styles import Alignment, Border, Font, PatternFill, Side

        self._target = target
        self._today = today  # the workbook's created/modified time: --today, else latest input
        self._latest: dt.date | None = None
        self._wb = Workbook(write_only=True)
        ws = self._ws = self._wb.create_sheet(SHEET)
        # a workbook keeps the notes (the calendar column is the CSV's provenance)
        names = (*(c for c in BATCH_COLUMNS if c != "calendar"), "notes", *extra_names)
        self._width = len(names)
        # Both are ignored in write-only mode once a row is written: set them first.
        ws.freeze_panes = "A2"
        for i, name in enumerate(names, 1):
            ws.column_dimensions[_letter(i)].width = WIDTHS.get(name, max(12, len(name) + 2))
        font = Font(bold=True, color="FFFFFF")
        fill = PatternFill("solid", fgColor="305496")
        line = Border(bottom=Side(style="thin", color="000000"))
        row = []
        for name in names:
            c = self._string(name)
            c.font, c.fill, c.border = font, fill, line
            c.alignment = Alignment(vertical="center")
            row.append(c)
        ws.append(row)
        self._rows = 1

    def _string(self, value: str) -> Any:
        """A new cell holding ``value`` as a string, whatever it looks like."""
        from openpyxl.cell import WriteOnlyCell

        c = WriteOnlyCell(self._ws)
        c._value = _storable(value)  # type: ignore[attr-defined]  # the setter guesses a type
        c.data_type = "s"
        return c

    def _text(self, value: Any) -> Any:
        """A cell value: text openpyxl would misread gets its own string cell; else as it is."""
        if isinstance(value, str) and (
            value.startswith(FORMULA_START) or value in ERROR_CODES or not value.isprintable()
        ):
            return self._string(value)
        return value

    def write(self, case: Case) -> None:
        """Append one row per step; dates as date cells, pass-through cells as they came."""
        t = case.timeline
        if case.latest_input and (self._latest is None or case.latest_input > self._latest):
            self._latest = case.latest_input
        extra = [v for _, v in case.extra]
        for s in t.steps:
            self._ws.append(
                [
                    self._text(case.ref),
                    t.process,
                    s.id,
                    self._text(s.title),
                    s.date,
                    s.weekday,
                    s.kind.value,
                    s.status.value,
                    s.confidence.value,
                    self._text(s.citation),
                    self._text(s.basis),
                    s.projected,
                    f"{s.disapplied.limb}: {s.disapplied.reason}" if s.disapplied else None,
                    s.date_range.latest if s.date_range else None,
                    self._text("; ".join(s.notes)) if s.notes else None,
                    *(self._text(v) for v in extra),  # new cells for every row
                ]
            )
            self._rows += 1

    def close(self) -> None:
        """Add the filter over every row and save the workbook."""
        self._ws.auto_filter.ref = f"A1:{_letter(self._width)}{self._rows}"
        stamp = self._today or self._latest or dt.date(2014, 9, 1)
        with tempfile.TemporaryFile() as saved:
            self._wb.save(saved)
            saved.seek(0)
            if isinstance(self._target, str | Path):
                with Path(self._target).open("wb") as out:
                    reproducible(saved, out, stamp)
            elif self._target.seekable():
                reproducible(saved, self._target, stamp)
            else:  # a pipe cannot seek back to finish a zip entry's header: build it aside
                with tempfile.TemporaryFile() as built:
                    reproducible(saved, built, stamp)
                    built.seek(0)
                    shutil.copyfileobj(built, self._target, CHUNK)

    def discard(self) -> None:
        """Remove openpyxl's temporary file of the sheet (in $TMPDIR; it holds every cell)."""
        import contextlib

        writer = getattr(self._ws, "_writer", None)
        name = getattr(writer, "out", None)
        # The sheet's row generator first, while its file is open: left to the garbage
        # collector it writes to the closed file at exit ("Exception ignored ... closed file").
        with contextlib.suppress(Exception):
            rows = getattr(self._ws, "_rows", None)
            if rows is not None:
                rows.close()
        with contextlib.suppress(Exception):
            if writer is not None:
                writer.xf.close()
        if isinstance(name, str):
            with contextlib.suppress(OSError):
                Path(name).unlink()


W3CDTF = re.compile(rb"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ")
CHUNK = 1 << 20


def reproducible(xlsx: IO[bytes], out: IO[bytes], stamp: dt.date) -> None:
    """Copy a workbook with the clock taken out: fixed zip entry times and document dates.

    openpyxl stamps the save time into docProps/core.xml and every zip entry; the same input
    must give the same bytes, so both become the run's date (--today, else the latest input).
    Entries are copied in chunks, so the sheet is never held whole; `out` must be seekable
    (zipfile then writes each entry's sizes into its header, as it does from memory).
    """
    when = stamp.strftime("%Y-%m-%dT00:00:00Z").encode()
    with zipfile.ZipFile(xlsx) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            fixed = zipfile.ZipInfo(
                info.filename,
                date_time=(min(max(stamp.year, 1980), 2107), stamp.month, stamp.day, 0, 0, 0),
            )
            fixed.compress_type = zipfile.ZIP_DEFLATED
            fixed.external_attr = info.external_attr
            if info.filename == "docProps/core.xml":
                dst.writestr(fixed, W3CDTF.sub(when, src.read(info.filename)))
                continue
            fixed.file_size = info.file_size  # as writestr sets it: decides zip64 the same way
            with src.open(info) as body, dst.open(fixed, "w") as entry:
                shutil.copyfileobj(body, entry, CHUNK)
