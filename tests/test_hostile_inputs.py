"""Hostile file contents (issue 13): CSV quoting, over-long cells, what files may be read.

Every case is a bad row or one line naming the file, exit 2; never a silent merge of rows, a
stopped batch or a file's contents echoed back.
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

from tests.conftest import Invoke


def records(stderr: str) -> list[dict[str, object]]:
    return [json.loads(line) for line in stderr.splitlines() if line.startswith("{")]


def refs_out(stdout: str) -> set[str]:
    return {row["ref"] for row in csv.DictReader(io.StringIO(stdout))}


# ----------------------------------------------------------------------------- 3. unclosed quote
def test_unclosed_quote_is_reported_where_it_opened(cli: Invoke, tmp_path: Path) -> None:
    p = tmp_path / "c.csv"
    p.write_text(
        "ref,process,date,name\n"
        "EHC-0,assess,2026-09-01,Ann\n"
        'EHC-1,assess,2026-09-07,"Smith\n'
        "EHC-2,assess,2026-09-08,Jones\n"
        "EHC-3,assess,2026-09-09,Brown\n",
        encoding="utf-8",
    )
    r = cli(["batch", str(p), "--today", "2026-09-01"])
    assert r.exit_code == 2
    assert refs_out(r.stdout) == {"EHC-0"}  # the row before it still done
    (rec,) = records(r.stderr)
    assert rec["ref"] == "EHC-1"
    assert rec["line"] == 3
    assert "quote opened on line 3 is never closed" in str(rec["error"])
    for other in ("Jones", "Brown"):
        assert other not in r.stderr
        assert other not in r.stdout


def test_closed_multiline_cell_at_end_without_newline_is_fine(cli: Invoke, tmp_path: Path) -> None:
    p = tmp_path / "c.csv"
    p.write_text('ref,process,date,note\nEHC-1,assess,2026-09-07,"a\nb"', encoding="utf-8")
    r = cli(["batch", str(p), "--today", "2026-09-01"])
    assert r.exit_code == 0, r.stderr
    assert refs_out(r.stdout) == {"EHC-1"}


# ----------------------------------------------------------------------------- 4. over-long cell
def test_overlong_cell_is_one_bad_row(cli: Invoke, tmp_path: Path) -> None:
    p = tmp_path / "c.csv"
    long = "x" * 140_000
    p.write_text(
        "ref,process,date,note\n"
        "EHC-1,assess,2026-09-07,ok\n"
        f'EHC-2,assess,2026-09-07,"{long}"\n'
        f"EHC-3,assess,2026-09-07,{long}\n"
        "EHC-4,assess,2026-09-07,ok\n",
        encoding="utf-8",
    )
    r = cli(["batch", str(p), "--today", "2026-09-01"])
    assert r.exit_code == 2
    assert refs_out(r.stdout) == {"EHC-1", "EHC-4"}
    recs = records(r.stderr)
    assert [(x["ref"], x["line"]) for x in recs] == [("EHC-2", 3), ("EHC-3", 4)]
    assert all("column note: 140,000 characters" in str(x["error"]) for x in recs)
    assert "xxxx" not in r.stderr
