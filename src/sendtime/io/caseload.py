"""Reading caseload files (CSV or .xlsx) row by row, and the date forms files may use.

The edge that reads: rows are yielded one at a time, so memory stays flat however long the
file is. Each row carries the 1-based line on which it starts (the header is line 1 of a CSV;
for .xlsx the sheet row). Errors name the file and what was expected, never a cell's value.
"""

from __future__ import annotations

import codecs
import contextlib
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


Raw = tuple[int, list[Cell], str | None]
"""A record as read: its first line, its cells, and what makes it unreadable (or None)."""
MAX_CELL = 131_072  # Python's csv field limit: no caseload cell is this long on purpose
READ_LIMIT = 16 << 20  # what the csv reader may hold in one field before it gives up


class CellError(ValueError):
    """A cell that is not what its column needs; the message names no value."""


@dataclass(frozen=True, slots=True)
class Row:
    """One data row: the line it starts on and its cells, one per header column."""

    line: int
    cells: tuple[Cell, ...]
    extra_cells: int = 0  # non-empty cells beyond the header's last column
    problem: str | None = None  # an unreadable record (unclosed quote, over-long cell)


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
        if sheet is not None and not self.is_xlsx:
            msg = f"--sheet {sheet!r}: only a .xlsx caseload has sheets"
            raise BadInput(msg)
        if self.is_xlsx and encoding is not None:
            msg = "--encoding: a .xlsx caseload has no text encoding; leave it out"
            raise BadInput(msg)
        try:
            self._file = _open_file(self.path, is_xlsx=self.is_xlsx)
            self._close.append(self._file)
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
    def _open_csv(self, encoding: str | None) -> Iterator[Raw]:
        import io

        enc = _encoding(encoding)
        _check_decodes(self._file, self.path, enc, given=encoding is not None)
        self._file.seek(0)
        f: IO[str] = io.TextIOWrapper(self._file, encoding=enc, newline="")
        self._close.append(f)
        return _csv_rows(f, self.path)

    # -- XLSX ---------------------------------------------------------------------------------
    def _open_xlsx(self, sheet: str | None) -> Iterator[Raw]:
        from sendtime.io.files import check_xlsx

        check_xlsx(self._file, self.path, "CASELOAD")
        with _xlsx_errors(self.path):
            from openpyxl import load_workbook

            wb = load_workbook(self._file, read_only=True, data_only=True)
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
        return _xlsx_rows(ws.iter_rows(values_only=True), self.path)

    # -- header -------------------------------------------------------------------------------
    def _read_header(self) -> Header:
        for line, cells, problem in self._raw:
            if problem is not None:
                msg = f"CASELOAD {self.path}: the header (line {line}): {problem}"
                raise BadInput(msg)
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
        names = self.header.names
        width = len(names)
        for line, cells, problem in self._raw:
            if problem is not None:
                yield Row(line, _padded(cells, width), problem=problem)
                continue
            for i, c in enumerate(cells):
                if isinstance(c, str) and len(c) > MAX_CELL:
                    column = names[i] if i < width else f"column {i + 1}"
                    problem = (
                        f"column {column}: {len(c):,} characters, more than the "
                        f"{MAX_CELL:,} a cell may hold"
                    )
                    yield Row(line, _padded(cells, width), problem=problem)
                    break
            if problem is not None:
                continue
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


def _padded(cells: list[Cell], width: int) -> tuple[Cell, ...]:
    """Exactly ``width`` cells (a bad row keeps its ref for the error record)."""
    out = [c if not isinstance(c, str) or len(c) <= MAX_CELL else "" for c in cells[:width]]
    return (*out, *([""] * (width - len(out))))


def _open_file(path: Path, *, is_xlsx: bool) -> IO[bytes]:
    """The caseload, through sendtime.io.files (a regular file under its cap), not empty."""
    import os

    from sendtime.io import files

    cap = files.XLSX_CAP if is_xlsx else files.CSV_CAP
    f = files.open_input(path, "CASELOAD", cap, label="the caseload")
    if os.fstat(f.fileno()).st_size == 0:
        f.close()
        msg = f"CASELOAD {path}: the file is empty (expected a header row: ref, process, date)"
        raise BadInput(msg)
    return f


def _encoding(name: str | None) -> str:
    if name is None:
        return "utf-8-sig"
    try:
        codec = codecs.lookup(name)
    except LookupError:
        codec = None
    if codec is None or not getattr(codec, "_is_text_encoding", True):  # rot13, base64, zlib
        msg = f"--encoding {name!r}: not a known text encoding (expected e.g. utf-8 or cp1252)"
        raise BadInput(msg) from None
    return "utf-8-sig" if codec.name in ("utf-8", "utf-8-sig") else codec.name


def _check_decodes(f: IO[bytes], path: Path, enc: str, *, given: bool) -> None:
    """Decode the whole file once, in chunks, so a bad byte stops the run before any output."""
    decoder = codecs.getincrementaldecoder(enc)()
    line = 1
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


def _csv_rows(f: IO[str], path: Path) -> Iterator[Raw]:
    """Records of a CSV file; an unreadable record is yielded with its problem, not raised.

    A quote that opens a cell and never closes makes the csv module read every later line
    into that one cell, silently. It is found by counting the record's quote characters: a
    record whose quoted cells are all closed holds an even number; one that runs to the end
    of the file with an odd number and a line break was swallowed by an unclosed quote.
    """
    if csv.field_size_limit() < READ_LIMIT:  # longer cells are bad rows, not a stopped run
        csv.field_size_limit(READ_LIMIT)
    state = [0, False]  # quote characters in the current record; end of file reached

    def lines() -> Iterator[str]:
        for text in f:
            state[0] += text.count('"')
            yield text
        state[1] = True

    reader = csv.reader(lines(), strict=False)
    start = 1
    while True:
        state[0] = 0
        try:
            record = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            yield start, [], f"not readable CSV ({exc})"
            start = reader.line_num + 1
            continue
        problem = None
        if state[1] and state[0] % 2 and reader.line_num > start:
            problem = (
                f"a quote opened on line {start} is never closed, so every later line was read "
                "into one cell; close the quote (or remove it) and run again"
            )
            # the swallowed cell holds other rows' data: dropped, so no message can show it
            record = ["" if "\n" in c or "\r" in c else c for c in record]
        yield start, [c.strip() for c in record], problem
        start = reader.line_num + 1


def _xlsx_rows(rows: Iterator[tuple[Any, ...]], path: Path) -> Iterator[Raw]:
    with _xlsx_errors(path):
        for line, values in enumerate(rows, 1):
            yield line, [_xlsx_cell(v) for v in values], None


@contextlib.contextmanager
def _xlsx_errors(path: Path) -> Iterator[None]:
    """Whatever openpyxl raises on a broken workbook (zip, XML, styles) is one line, exit 2."""
    try:
        yield
    except BadInput:
        raise
    except Exception as exc:  # openpyxl raises many kinds: KeyError, ParseError, TypeError...
        msg = f"CASELOAD {path}: not a readable .xlsx workbook ({type(exc).__name__})"
        raise BadInput(msg) from None


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
