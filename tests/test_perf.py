"""Issue 20: the faster paths give the same results as the plain ones they replace."""

from __future__ import annotations

import csv
import datetime as dt
import io
import zipfile
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from openpyxl import Workbook

from sendtime.render.xlsx import W3CDTF, reproducible


def in_memory(xlsx: bytes, stamp: dt.date) -> bytes:
    """The workbook copy as 0.1 made it: every entry read whole and written with writestr."""
    when = stamp.strftime("%Y-%m-%dT00:00:00Z").encode()
    out = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(xlsx)) as src,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst,
    ):
        for info in src.infolist():
            body = src.read(info.filename)
            if info.filename == "docProps/core.xml":
                body = W3CDTF.sub(when, body)
            when_t = (min(max(stamp.year, 1980), 2107), stamp.month, stamp.day, 0, 0, 0)
            fixed = zipfile.ZipInfo(info.filename, date_time=when_t)
            fixed.compress_type = zipfile.ZIP_DEFLATED
            fixed.external_attr = info.external_attr
            dst.writestr(fixed, body)
    return out.getvalue()


def test_chunked_zip_copy_gives_the_bytes_of_the_in_memory_copy() -> None:
    wb = Workbook(write_only=True)
    ws = wb.create_sheet("deadlines")
    for i in range(30_000):  # a sheet of several chunks (the copy moves 1 MiB at a time)
        ws.append([f"R{i:06d}", "review", dt.date(2015, 1, 1) + dt.timedelta(days=i % 5000), i])
    saved = io.BytesIO()
    wb.save(saved)
    with zipfile.ZipFile(saved) as z:
        assert z.getinfo("xl/worksheets/sheet1.xml").file_size > 2 << 20
    stamp = dt.date(2025, 6, 1)
    out = io.BytesIO()
    saved.seek(0)
    reproducible(saved, out, stamp)
    assert out.getvalue() == in_memory(saved.getvalue(), stamp)
    with zipfile.ZipFile(out) as z:
        assert {i.date_time for i in z.infolist()} == {(2025, 6, 1, 0, 0, 0)}
        assert b"2025-06-01T00:00:00Z" in z.read("docProps/core.xml")


@given(
    st.datetimes(
        min_value=dt.datetime(2014, 1, 1),  # noqa: DTZ001 (made UTC below)
        max_value=dt.datetime(2040, 12, 31, 23, 59),  # noqa: DTZ001
    )
)
def test_london_today_reads_the_time_zone_database_only_when_it_can_matter(
    naive: dt.datetime,
) -> None:
    from zoneinfo import ZoneInfo

    from sendtime.cli.options import london_today

    now = naive.replace(tzinfo=dt.UTC)
    assert london_today(now) == now.astimezone(ZoneInfo("Europe/London")).date()


@pytest.mark.parametrize(
    ("utc", "london"),
    [
        ("2025-07-01T22:59", "2025-07-01"),  # BST: 23:59 in London
        ("2025-07-01T23:00", "2025-07-02"),  # BST: midnight in London
        ("2025-12-01T23:59", "2025-12-01"),  # GMT
        ("2025-03-30T00:59", "2025-03-30"),  # the hour BST begins
        ("2025-10-25T23:30", "2025-10-26"),  # BST's last evening
    ],
)
def test_london_today_at_the_edges(utc: str, london: str) -> None:
    from sendtime.cli.options import london_today

    now = dt.datetime.fromisoformat(utc).replace(tzinfo=dt.UTC)
    assert london_today(now) == dt.date.fromisoformat(london)


def test_rows_with_the_same_inputs_share_one_timeline_and_the_same_csv_cells(
    tmp_path: Path,
) -> None:
    from sendtime.io.batch import Case, Defaults, cases
    from sendtime.render.rows import CsvSink

    path = tmp_path / "c.csv"
    path.write_text(
        "ref,process,date,dob,school\n"
        "A1,draft,2025-02-03,,Oak\n"
        "A2,draft,2025-02-03,,Elm\n"  # the same inputs: the cache's timeline
        "A3,draft,2025-02-03,2015-03-10,Oak\n"  # a dob adds transfer steps: its own timeline
        "A4,draft,2025-02-03,,=Ash\n",
        encoding="utf-8",
    )
    defaults = Defaults(today=dt.date(2025, 1, 1))
    got = [c for c in cases(path, defaults=defaults) if isinstance(c, Case)]
    assert [c.shared for c in got] == [True, True, False, True]
    assert got[0].timeline is got[1].timeline is got[3].timeline
    out = io.StringIO()
    sink = CsvSink(out, ["school"])
    for c in got:
        sink.write(c)
    rows = list(csv.reader(io.StringIO(out.getvalue())))[1:]
    by_ref: dict[str, list[list[str]]] = {}
    for r in rows:
        by_ref.setdefault(r[0], []).append(r[1:])
    assert [r[:-1] for r in by_ref["A1"]] == [r[:-1] for r in by_ref["A2"]]
    assert {r[-1] for r in by_ref["A4"]} == {"'=Ash"}  # pass-through cells still neutralised
    assert len(by_ref["A3"]) > len(by_ref["A1"])
