"""Streaming: a batch's memory does not grow with the number of rows; output comes row by row."""

from __future__ import annotations

import datetime as dt
import io
import tracemalloc
from pathlib import Path

import pytest

from sendtime.io import batch
from sendtime.io.batch import Case, cases
from sendtime.render.rows import CsvSink


class Null(io.StringIO):
    """A text stream that forgets what it is given."""

    def write(self, s: str) -> int:
        return len(s)


def caseload(path: Path, n: int) -> Path:
    start = dt.date(2015, 1, 5)
    with path.open("w", encoding="utf-8", newline="") as f:
        f.write("ref,process,date,school\n")
        for i in range(n):
            day = start + dt.timedelta(days=i)  # every row different: no shared timelines
            f.write(f"R{i},{'assess' if i % 2 else 'draft'},{day.isoformat()},Oak\n")
    return path


def peak(path: Path) -> int:
    tracemalloc.start()
    try:
        sink = CsvSink(Null(), ("school",))
        for result in cases(path):
            assert isinstance(result, Case)
            sink.write(result)
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


@pytest.mark.slow
def test_memory_is_flat_in_the_number_of_rows(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from sendtime.io import caseload as caseload_module
    from sendtime.render import rows as rows_module

    # All three caches are bounded (timelines, their CSV cells, parsed date texts); keep them
    # small here so the measure is what grows per row, not what a cache holds before it is full.
    monkeypatch.setattr(batch, "MEMO_SIZE", 16)
    monkeypatch.setattr(rows_module, "PREPARED_SIZE", 16)
    monkeypatch.setattr(caseload_module, "DATE_CACHE_SIZE", 16)
    peak(caseload(tmp_path / "warm.csv", 300))  # one-time allocations (caches, lazy tables)
    small = peak(caseload(tmp_path / "small.csv", 600))
    large = peak(caseload(tmp_path / "large.csv", 2400))
    assert large < small * 1.3, (small, large)


def test_rows_come_out_before_the_file_is_read(tmp_path: Path) -> None:
    path = caseload(tmp_path / "c.csv", 400)
    gen = cases(path)
    first = next(gen)
    assert isinstance(first, Case)
    assert first.ref == "R0"
    assert first.line == 2
    gen.close()  # closing early closes the file


def test_the_timeline_cache_evicts_the_least_recently_used(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(batch, "MEMO_SIZE", 2)
    path = tmp_path / "c.csv"
    dates = ("2025-01-06", "2025-01-07", "2025-01-06", "2025-01-08", "2025-01-06")
    path.write_text(
        "ref,process,date\n" + "".join(f"R{i},draft,{d}\n" for i, d in enumerate(dates)),
        encoding="utf-8",
    )
    with batch.open_caseload(path, encoding=None, sheet=None) as (loaded, plan):
        runner = batch.Runner(loaded.folder, batch.Defaults())
        got, kept = [], []
        for row in loaded.rows():
            got.append(runner.run_row(plan, row))
            kept.append([key[1] for key in runner._memo])
    assert all(isinstance(c, Case) for c in got)
    # 01-06 was used again after 01-07, so 01-08 pushed out 01-07 (first-in would drop 01-06)
    assert kept[3] == [dt.date(2025, 1, 6), dt.date(2025, 1, 8)]
    first, again = got[0], got[4]
    assert isinstance(first, Case)
    assert isinstance(again, Case)
    assert again.timeline is first.timeline  # a hit shares the timeline, never recomputes it
