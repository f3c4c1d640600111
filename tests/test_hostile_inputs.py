"""Hostile file contents (issue 13): CSV quoting, over-long cells, what files may be read.

Every case is a bad row or one line naming the file, exit 2; never a silent merge of rows, a
stopped batch or a file's contents echoed back.
"""

from __future__ import annotations

import csv
import io
import json
import os
import zipfile
from pathlib import Path

import pytest

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


# ----------------------------------------------------------------------------- 8-10. injection
def test_csv_cells_with_cr_are_quoted_and_every_line_neutralised(
    cli: Invoke, tmp_path: Path
) -> None:
    p = tmp_path / "c.csv"
    p.write_bytes(
        b"ref,process,date,note,=evil\nEHC-1,assess,2026-09-07,\"ok\r=cmd|' /C calc'!A0\",x\n"
    )
    r = cli(["batch", str(p), "--today", "2026-09-01"])
    assert r.exit_code == 0, r.stderr
    assert "\r" not in r.stdout
    header = r.stdout.splitlines()[0]
    assert header.endswith(",note,'=evil")
    rows = list(csv.DictReader(io.StringIO(r.stdout)))
    assert {row["note"] for row in rows} == {"ok\n'=cmd|' /C calc'!A0"}
    # a line splitter that ignores quotes (LibreOffice with a bare CR) sees no live formula
    assert not any(line.startswith(("=", "+", "-", "@")) for line in r.stdout.splitlines())


def test_control_characters_never_reach_the_terminal(cli: Invoke, tmp_path: Path) -> None:
    p = tmp_path / "c.csv"
    p.write_text(
        'ref,process,date\n"EHC\x1b[31m-1\nsendtime: error: forged",assess,2026-09-07\n'
        '"EHC\x1b]0;title\x07-2\u202e",assess,2026-02-30\n',
        encoding="utf-8",
    )
    r = cli(["due", str(p), "--today", "2026-09-01", "--within", "100"])
    assert r.exit_code == 2
    for text in (r.stdout, r.stderr):
        assert "\x1b" not in text
        assert "\x07" not in text
        assert "\u202e" not in text
    assert "EHC\\u001b[31m-1\\nsendtime: error: forged" in r.stdout
    assert all(line.startswith(("sendtime: warning:", "{")) for line in r.stderr.splitlines())
    (rec,) = records(r.stderr)  # still valid JSON after escaping
    assert rec["ref"] == "EHC\x1b]0;title\x07-2\u202e"


def test_error_line_escapes_a_file_name(cli: Invoke, tmp_path: Path) -> None:
    r = cli(["assess", "2025-10-01", "--terms", str(tmp_path / "a\x1b[2Jb\nsendtime: ok.toml")])
    assert r.exit_code == 2
    assert len(r.stderr.splitlines()) == 1
    assert "\x1b" not in r.stderr


# ----------------------------------------------------------------------------- 11. row paths
TERMS = Path(__file__).parent.parent / "examples" / "terms-staffordshire-2025-26.toml"


def test_row_paths_stay_in_the_caseload_folder(cli: Invoke, tmp_path: Path) -> None:
    inside, outside = tmp_path / "cases", tmp_path / "elsewhere"
    inside.mkdir()
    outside.mkdir()
    (outside / "t.toml").write_bytes(TERMS.read_bytes())
    (inside / "t.toml").write_bytes(TERMS.read_bytes())
    (inside / "sub").mkdir()
    (inside / "sub" / "t.toml").write_bytes(TERMS.read_bytes())
    (inside / "link.toml").symlink_to(outside / "t.toml")
    p = inside / "c.csv"
    p.write_text(
        "ref,process,date,terms,rules\n"
        "OK-1,assess,2025-10-01,t.toml,\n"
        "OK-2,assess,2025-10-01,sub/t.toml,\n"
        "BAD-1,assess,2025-10-01,../elsewhere/t.toml,\n"
        f"BAD-2,assess,2025-10-01,{outside / 't.toml'},\n"
        "BAD-3,assess,2025-10-01,link.toml,\n"
        "BAD-4,assess,2025-10-01,,/etc/passwd\n",
        encoding="utf-8",
    )
    r = cli(["batch", str(p), "--today", "2025-09-01"])
    assert r.exit_code == 2
    assert refs_out(r.stdout) == {"OK-1", "OK-2"}
    recs = records(r.stderr)
    assert [x["ref"] for x in recs] == ["BAD-1", "BAD-2", "BAD-3", "BAD-4"]
    for x in recs:
        assert "expected a file in the caseload's folder or below it" in str(x["error"])
    assert str(recs[3]["error"]).startswith("column rules:")
    assert "root" not in r.stderr


# ----------------------------------------------------------------------------- 12. what is read
def test_option_files_must_be_regular_files(cli: Invoke, tmp_path: Path) -> None:
    fifo = tmp_path / "fifo.toml"
    os.mkfifo(fifo)
    for option, path in (("--bank-holidays", "/dev/zero"), ("--terms", str(fifo))):
        r = cli(["assess", "2025-10-01", option, path])
        assert r.exit_code == 2
        assert r.stderr == (
            f"sendtime: error: {option} {path}: not a regular file (a device, pipe or socket); "
            "expected a file\n"
        )


def test_option_files_have_a_size_cap(cli: Invoke, tmp_path: Path) -> None:
    big = tmp_path / "big.toml"
    with big.open("wb") as f:
        f.truncate(17 << 20)  # sparse: no disk used
    r = cli(["assess", "2025-10-01", "--terms", str(big)])
    assert r.exit_code == 2
    assert "17 MiB, larger than the 16 MiB sendtime reads" in r.stderr


def test_a_term_file_value_is_not_echoed(cli: Invoke, tmp_path: Path) -> None:
    secret = tmp_path / "t.toml"
    secret.write_text("[[term]]\nname = 'x'\nstart = 2025-09-01\nend = 'Jane Doe'\n", "utf-8")
    r = cli(["assess", "2025-10-01", "--terms", str(secret)])
    assert r.exit_code == 2
    assert "Jane" not in r.stderr


# ----------------------------------------------------------------------------- 13. XLSX archives
def _workbook(tmp_path: Path) -> Path:
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.append(["ref", "process", "date"])
    ws.append(["EHC-1", "assess", "2026-09-07"])
    p = tmp_path / "c.xlsx"
    wb.save(p)
    return p


def _replace_part(p: Path, part: str, body: bytes) -> None:
    with zipfile.ZipFile(p) as z:
        parts = {i.filename: z.read(i.filename) for i in z.infolist()}
    parts[part] = body
    with zipfile.ZipFile(p, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in parts.items():
            z.writestr(name, data)


def test_xlsx_zip_bomb_is_refused_before_opening(cli: Invoke, tmp_path: Path) -> None:
    p = _workbook(tmp_path)
    sheet = b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
    _replace_part(p, "xl/worksheets/sheet1.xml", sheet + b" " * (40 << 20) + b"</worksheet>")
    assert p.stat().st_size < 1 << 20
    r = cli(["batch", str(p)])
    assert r.exit_code == 2
    assert "unpacks more than 100 times its stored size" in r.stderr
    assert len(r.stderr.splitlines()) == 1


@pytest.mark.parametrize(
    "body",
    [
        b"<worksheet><sheetData><row r='1'><c r='A1' t='inlineStr'><is><t>ref",  # cut short
        b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaaaaaaaa">'
        b'<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]><worksheet>&b;</worksheet>',
    ],
)
def test_unreadable_sheet_xml_is_one_line(cli: Invoke, tmp_path: Path, body: bytes) -> None:
    p = _workbook(tmp_path)
    _replace_part(p, "xl/worksheets/sheet1.xml", body)
    r = cli(["batch", str(p), "--today", "2026-09-01"])
    assert r.exit_code == 2, r.stderr
    assert r.stderr.startswith(f"sendtime: error: CASELOAD {p}: not a readable .xlsx workbook")
    assert len(r.stderr.splitlines()) == 1


def test_openpyxl_parses_with_defusedxml() -> None:
    from openpyxl.xml import DEFUSEDXML

    assert DEFUSEDXML


# ----------------------------------------------------------------------------- 14. depth, dates
def test_deeply_nested_toml_is_one_line(cli: Invoke, tmp_path: Path) -> None:
    deep = tmp_path / "deep.toml"
    deep.write_text("a = " + "[" * 5000 + "]" * 5000 + "\n", encoding="utf-8")
    for option in ("--terms", "--rules"):
        r = cli(["assess", "2025-10-01", option, str(deep)])
        assert r.exit_code == 2
        assert r.stderr == (
            f"sendtime: error: {option} {deep}: arrays or tables nested more than 100 deep\n"
        )


@pytest.mark.parametrize(
    "event",
    [
        "DTSTART;VALUE=DATE:99991231",
        "DTSTART;VALUE=DATE:20250901\r\nDURATION:P99999999D",
        "DTSTART;VALUE=DATE:20250901\r\nDTEND;VALUE=DATE:99991231",
    ],
)
def test_ics_dates_out_of_range_are_one_line(cli: Invoke, tmp_path: Path, event: str) -> None:
    ics = tmp_path / "t.ics"
    ics.write_text(
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:x\r\nBEGIN:VEVENT\r\nSUMMARY:Autumn term\r\n"
        f"{event}\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n",
        encoding="utf-8",
    )
    r = cli(["assess", "2025-10-01", "--terms", str(ics)])
    assert r.exit_code == 2, r.stderr
    assert len(r.stderr.splitlines()) == 1
    assert "event 1" in r.stderr


# ----------------------------------------------------------------------------- 15. personal data
def test_warnings_carry_no_derived_dates(cli: Invoke, tmp_path: Path) -> None:
    p = tmp_path / "c.csv"
    p.write_text("ref,process,date,dob\nEHC-1,assess,2026-09-07,2015-09-03\n", encoding="utf-8")
    r = cli(["batch", str(p), "--today", "2026-09-01"])
    assert r.exit_code == 0, r.stderr
    assert "16th birthday" in r.stderr  # the warning is still given...
    assert "2031-09-03" not in r.stderr  # ...without the date of birth + 16 years
    assert "2015" not in r.stderr


def test_library_warnings_are_reworded(cli: Invoke, tmp_path: Path) -> None:
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.append(["ref", "process", "date", "dob"])
    ws.append(["EHC-1", "assess", "2026-09-07", 20150310])  # a date of birth typed as a number
    ws["D2"].number_format = "yyyy-mm-dd"
    p = tmp_path / "c.xlsx"
    wb.save(p)
    r = cli(["batch", str(p), "--today", "2026-09-01"])
    assert r.exit_code == 2
    assert "20150310" not in r.stderr
    assert "sendtime: warning: openpyxl warned (UserWarning) about cell D2" in r.stderr
    assert all(line.startswith(("sendtime:", "{")) for line in r.stderr.splitlines())
