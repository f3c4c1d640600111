"""Reading caseload files (CSV or .xlsx) row by row, and the date forms files may use.

The edge that reads: rows are yielded one at a time, so memory stays flat however long the
file is. Each row carries the 1-based line on which it starts (the header is line 1 of a CSV;
for .xlsx the sheet row). Errors name the file and what was expected, never a cell's value.
"""

from __future__ import annotations

import codecs
import csv
import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from sendtime.engine.errors import BadInput

REQUIRED = ("ref", "process", "date")
ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
UK_DATE = re.compile(r"(\d{1,2})/(\d{1,2})/(\d{4})")
FILE_DATE_FORMS = "a date as YYYY-MM-DD or DD/MM/YYYY (day first)"
CHUNK = 1 << 16

Cell = str | dt.date | int | float
"""A cell as read: text (stripped), a date (Excel date cells), or a number (Excel)."""


class CellError(ValueError):
    """A cell that is not what its column needs; the message names no value."""


@dataclass(frozen=True, slots=True)
class Row:
    """One data row: the line it starts on and its cells, one per header column."""

    line: int
    cells: tuple[Cell, ...]
    extra_cells: int = 0  # non-empty cells beyond the header's last column


@dataclass(frozen=True, slots=True)
class Header:
    """The header row: original names, and lookup by normalised name for known columns."""

    names: tuple[str, ...]
    index: dict[str, int]  # normalised name -> position (first occurrence)

    def position(self, column: str) -> int | None:
        """Where a known column is, or None when the file has no such column."""
        return self.index.get(column)


def normalise(name: str) -> str:
    """A header cell as a column key: case, spaces and dashes do not matter ("Draft served")."""
    return "_".join(name.strip().lower().replace("-", " ").split())


def parse_file_date(value: Cell) -> dt.date:
    """A date from a file: an Excel date cell, ISO 2024-03-01, or UK day-first 01/03/2024.

    Raises:
        CellError: when the cell is anything else (the message names no value).
    """
    if isinstance(value, dt.date):  # dt.datetime is a dt.date too: the time is dropped
        return value.date() if isinstance(value, dt.datetime) else value
    if isinstance(value, str):
        return _text_date(value)
    raise CellError(f"expected {FILE_DATE_FORMS}")


_dates: dict[str, dt.date] = {}
DATE_CACHE_SIZE = 50_000  # a bounded cache: a caseload repeats the same few thousand dates


def _text_date(text: str) -> dt.date:
    hit = _dates.get(text)
    if hit is not None:
        return hit
    d: dt.date | None = None
    try:
        if ISO_DATE.fullmatch(text):
            d = dt.date.fromisoformat(text)
        else:
            m = UK_DATE.fullmatch(text)
            if m:
                d = dt.date(int(m[3]), int(m[2]), int(m[1]))
    except ValueError:
        msg = f"not a real date; expected {FILE_DATE_FORMS}"
        raise CellError(msg) from None
    if d is None:
        raise CellError(f"expected {FILE_DATE_FORMS}")
    if len(_dates) < DATE_CACHE_SIZE:
        _dates[text] = d
    return d


def cell_text(value: Cell) -> str:
    """A cell as text for CSV and JSON output (dates ISO, whole numbers without .0)."""
    if isinstance(value, str):
        return value
    if isinstance(value, dt.datetime):
        return value.isoformat(sep=" ") if value.time() != dt.time() else value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


# ----------------------------------------------------------------------------- opening a file
class Caseload:
    """An open caseload file: its header and an iterator of rows. Use as a context manager.

    Args:
        path: a .csv (or any text) file, or a .xlsx workbook.
        encoding: the CSV's text encoding (default UTF-8, with or without a BOM).
        sheet: the .xlsx sheet to read (default the first).
    """

    def __init__(self, path: str | Path, *, encoding: str | None = None, sheet: str | None = None):
        self.path = Path(path)
        self.folder = self.path.parent
        self.is_xlsx = self.path.suffix.lower() in (".xlsx", ".xlsm")
        self._close: list[Any] = []
        _check_file(self.path)
        if sheet is not None and not self.is_xlsx:
            msg = f"--sheet {sheet!r}: only a .xlsx caseload has sheets"
            raise BadInput(msg)
        if self.is_xlsx and encoding is not None:
            msg = "--encoding: a .xlsx caseload has no text encoding; leave it out"
            raise BadInput(msg)
        try:
            self._raw = self._open_xlsx(sheet) if self.is_xlsx else self._open_csv(encoding)
            self.header = self._read_header()
        except BaseException:
            self.close()
            raise

    # -- context manager ----------------------------------------------------------------------
    def __enter__(self) -> Caseload:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        """Close the file (and the workbook)."""
        for c in reversed(self._close):
            c.close()
        self._close.clear()

    # -- CSV ----------------------------------------------------------------------------------
    def _open_csv(self, encoding: str | None) -> Iterator[tuple[int, list[Cell]]]:
        enc = _encoding(encoding)
        _check_decodes(self.path, enc, given=encoding is not None)
        f: IO[str] = self.path.open(encoding=enc, newline="")
        self._close.append(f)
        return _csv_rows(f)

    # -- XLSX ---------------------------------------------------------------------------------
    def _open_xlsx(self, sheet: str | None) -> Iterator[tuple[int, list[Cell]]]:
        import zipfile

        from openpyxl import load_workbook

        try:
            wb = load_workbook(self.path, read_only=True, data_only=True)
        except (zipfile.BadZipFile, KeyError, OSError, ValueError):
            msg = f"CASELOAD {self.path}: not a readable .xlsx workbook"
            raise BadInput(msg) from None
        self._close.append(wb)
        if sheet is None:
            ws = wb.worksheets[0]
        elif sheet in wb.sheetnames:
            ws = wb[sheet]
        else:
            msg = (
                f"--sheet {sheet!r}: no such sheet in {self.path.name}; expected one of "
                + ", ".join(wb.sheetnames)
            )
            raise BadInput(msg)
        if not hasattr(ws, "reset_dimensions"):
            msg = f"--sheet {sheet!r}: a chart sheet, expected a worksheet"
            raise BadInput(msg)
        ws.reset_dimensions()  # some writers record a wrong size; read every row there is
        return _xlsx_rows(ws.iter_rows(values_only=True))

    # -- header -------------------------------------------------------------------------------
    def _read_header(self) -> Header:
        for _line, cells in self._raw:
            if any(c != "" for c in cells):
                names = [cell_text(c) for c in cells]
                while names and names[-1] == "":
                    names.pop()
                names = [n or f"column {i + 1}" for i, n in enumerate(names)]
                index: dict[str, int] = {}
                for i, n in enumerate(names):
                    index.setdefault(normalise(n), i)
                missing = [c for c in REQUIRED if c not in index]
                if missing:
                    msg = (
                        f"CASELOAD {self.path}: expected a header row with the columns ref, "
                        f"process, date (missing: {', '.join(missing)})"
                    )
                    raise BadInput(msg)
                return Header(tuple(names), index)
        msg = f"CASELOAD {self.path}: the file is empty (expected a header row: ref, process, date)"
        raise BadInput(msg)

    def rows(self) -> Iterator[Row]:
        """The data rows after the header; blank rows are skipped."""
        width = len(self.header.names)
        for line, cells in self._raw:
            n = len(cells)
            if n == width:
                if any(c != "" for c in cells):
                    yield Row(line, tuple(cells))
                continue
            if n < width:
                if any(c != "" for c in cells):
                    yield Row(line, (*cells, *([""] * (width - n))))
                continue
            extra = sum(1 for c in cells[width:] if c != "")
            if extra or any(c != "" for c in cells):
                yield Row(line, tuple(cells[:width]), extra)


def _check_file(path: Path) -> None:
    if path.is_dir():
        msg = f"CASELOAD {path}: is a folder, expected a file"
        raise BadInput(msg)
    try:
        size = path.stat().st_size
    except FileNotFoundError:
        msg = f"CASELOAD {path}: no such file"
        raise BadInput(msg) from None
    except OSError as exc:
        msg = f"CASELOAD {path}: cannot be read ({exc.strerror})"
        raise BadInput(msg) from None
    if size == 0:
        msg = f"CASELOAD {path}: the file is empty (expected a header row: ref, process, date)"
        raise BadInput(msg)


def _encoding(name: str | None) -> str:
    if name is None:
        return "utf-8-sig"
    try:
        codec = codecs.lookup(name)
    except LookupError:
        msg = f"--encoding {name!r}: not a known text encoding (expected e.g. utf-8 or cp1252)"
        raise BadInput(msg) from None
    return "utf-8-sig" if codec.name in ("utf-8", "utf-8-sig") else codec.name


def _check_decodes(path: Path, enc: str, *, given: bool) -> None:
    """Decode the whole file once, in chunks, so a bad byte stops the run before any output."""
    decoder = codecs.getincrementaldecoder(enc)()
    line = 1
    with path.open("rb") as f:
        while chunk := f.read(CHUNK):
            try:
                decoder.decode(chunk)
            except UnicodeDecodeError as exc:
                line += chunk.count(b"\n", 0, exc.start)
                raise BadInput(_decode_message(path, enc, line, given=given)) from None
            line += chunk.count(b"\n")
        try:
            decoder.decode(b"", final=True)
        except UnicodeDecodeError:
            raise BadInput(_decode_message(path, enc, line, given=given)) from None


def _decode_message(path: Path, enc: str, line: int, *, given: bool) -> str:
    shown = "UTF-8" if enc == "utf-8-sig" else enc
    msg = f"CASELOAD {path}: line {line} is not {shown} text"
    if enc == "utf-8-sig" and _decodes_as(path, "cp1252"):
        msg += (
            "; it reads as Windows-1252 (a CSV saved by Excel on Windows): "
            "rerun with --encoding cp1252, or save it as 'CSV UTF-8'"
        )
    elif not given:
        msg += "; give its encoding with --encoding"
    return msg


def _decodes_as(path: Path, enc: str) -> bool:
    decoder = codecs.getincrementaldecoder(enc)()
    try:
        with path.open("rb") as f:
            while chunk := f.read(CHUNK):
                decoder.decode(chunk)
            decoder.decode(b"", final=True)
    except UnicodeDecodeError:
        return False
    return True


def _csv_rows(f: IO[str]) -> Iterator[tuple[int, list[Cell]]]:
    reader = csv.reader(f, strict=False)
    start = 1
    try:
        for record in reader:
            yield start, [c.strip() for c in record]
            start = reader.line_num + 1
    except csv.Error as exc:
        msg = f"CASELOAD {getattr(f, 'name', '')}: line {reader.line_num}: not readable CSV ({exc})"
        raise BadInput(msg) from None


def _xlsx_rows(rows: Iterator[tuple[Any, ...]]) -> Iterator[tuple[int, list[Cell]]]:
    for line, values in enumerate(rows, 1):
        yield line, [_xlsx_cell(v) for v in values]


def _xlsx_cell(v: Any) -> Cell:
    if v is None:
        return ""
    if isinstance(v, str):
        return v.strip()
    if isinstance(v, bool):
        return "TRUE" if v else "FALSE"
    if isinstance(v, dt.datetime | dt.date | int | float):
        return v
    if isinstance(v, dt.time):
        return v.isoformat()
    return str(v)
