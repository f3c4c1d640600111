"""Build examples/caseload.xlsx from examples/caseload.csv, as Excel users keep a caseload.

Date columns become real Excel date cells, except on a few rows where they stay as UK text
(01/03/2024), as they often do in real sheets; sendtime reads both. Run from the repository:

    python examples/make_caseload_xlsx.py [OUTPUT.xlsx]
"""

from __future__ import annotations

import csv
import datetime as dt
import sys
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Font, PatternFill

HERE = Path(__file__).parent
DATE_COLUMNS = ("date", "draft_served", "posted")
TEXT_ROWS = ("EHC-0102", "EHC-0107")  # rows whose dates stay typed-in UK text


def as_cell(column: str, value: str, ref: str) -> object:
    """A CSV cell as Excel would hold it."""
    if column in DATE_COLUMNS and value and ref not in TEXT_ROWS:
        if "/" in value:
            day, month, year = (int(p) for p in value.split("/"))
            return dt.date(year, month, day)
        return dt.date.fromisoformat(value)
    return value or None


def build(out: Path) -> None:
    """Write the workbook."""
    wb = Workbook()
    ws = wb.active
    if ws is None:
        raise SystemExit("openpyxl made a workbook without a sheet")
    ws.title = "Caseload"
    with (HERE / "caseload.csv").open(encoding="utf-8", newline="") as f:
        rows = list(csv.reader(f))
    header, body = rows[0], rows[1:]
    ws.append(header)
    for cell in ws[1]:
        cell.font = Font(bold=True)
        cell.fill = PatternFill("solid", fgColor="DDEBF7")
    for row in body:
        ws.append([as_cell(c, v, row[0]) for c, v in zip(header, row, strict=True)])
    for i, _ in enumerate(header):
        for row_cells in ws.iter_rows(min_row=2, min_col=i + 1, max_col=i + 1):
            for cell in row_cells:
                if isinstance(cell.value, dt.date):
                    cell.number_format = "dd/mm/yyyy"  # how UK Excel shows dates
    ws.freeze_panes = "A2"
    for letter, width in zip("ABCDEFGHI", (11, 9, 12, 22, 13, 12, 7, 18, 8), strict=True):
        ws.column_dimensions[letter].width = width
    wb.properties.creator = "sendtime examples"
    wb.properties.created = wb.properties.modified = dt.datetime(2026, 1, 1)  # noqa: DTZ001
    wb.save(out)


if __name__ == "__main__":
    build(Path(sys.argv[1]) if len(sys.argv) > 1 else HERE / "caseload.xlsx")
