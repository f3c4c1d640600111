"""Caseload rows with a date of birth get the transfer plan; rules files apply per row."""

from __future__ import annotations

import csv
import io
import shutil
from pathlib import Path

from tests.conftest import EXAMPLES, Invoke


def _rows(stdout: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(stdout)))


def test_dob_column_adds_the_transfer_deadline(cli: Invoke, tmp_path: Path) -> None:
    path = tmp_path / "c.csv"
    path.write_text(
        "ref,process,date,dob,structure\n"
        "A1,review,2025-12-08,2015-03-10,\n"  # Year 6 in 2025-26: secondary, Sept 2026
        "A2,review,2025-12-08,2012-03-10,\n"  # Year 9: post-16 in 2028
        "A3,review,2025-12-08,2015-03-10,secondary\n"  # Year 6 is outside a secondary
        "A4,review,2025-12-08,,\n",
        encoding="utf-8",
    )
    r = cli(["batch", str(path), "--today", "2025-11-01"])
    assert r.exit_code == 0, r.stderr
    rows = _rows(r.stdout)
    got = {(x["ref"], x["step"]): x["date"] for x in rows}
    assert got[("A1", "transfer.school")] == "2026-02-14"
    assert got[("A2", "transfer.post16")] == "2028-03-30"
    assert not any(x["step"].startswith("transfer.") for x in rows if x["ref"] in ("A3", "A4"))
    assert got[("A1", "review.period-end")] == "2026-12-07"


def test_rules_column_and_option(cli: Invoke, tmp_path: Path) -> None:
    shutil.copy(EXAMPLES / "local-rules.toml", tmp_path / "school.toml")
    path = tmp_path / "c.csv"
    path.write_text(
        "ref,process,date,rules\nB1,review,2024-03-15,school.toml\nB2,review,2024-03-15,\n",
        encoding="utf-8",
    )
    r = cli(["batch", str(path), "--today", "2024-03-15"])
    assert r.exit_code == 0, r.stderr
    got = {(x["ref"], x["step"]): x["date"] for x in _rows(r.stdout)}
    assert got[("B1", "local.book-meeting")] == "2024-12-20"
    assert got[("B1", "local.invitations")] == "2025-01-03"
    assert ("B2", "local.book-meeting") not in got
    # --rules applies to rows without a rules cell
    r = cli(["batch", str(path), "--today", "2024-03-15", "--rules", str(tmp_path / "school.toml")])
    got = {(x["ref"], x["step"]): x["date"] for x in _rows(r.stdout)}
    assert got[("B2", "local.book-meeting")] == "2024-12-20"


def test_bad_rules_file_is_a_bad_row_not_a_crash(cli: Invoke, tmp_path: Path) -> None:
    (tmp_path / "bad.toml").write_text("[[rule]]\nid = 'nope'\n", encoding="utf-8")
    path = tmp_path / "c.csv"
    path.write_text(
        "ref,process,date,rules\nC1,review,2024-03-15,bad.toml\nC2,review,2024-03-15,\n",
        encoding="utf-8",
    )
    r = cli(["batch", str(path), "--today", "2024-03-15"])
    assert r.exit_code == 2
    assert {x["ref"] for x in _rows(r.stdout)} == {"C2"}
    assert '"ref": "C1", "line": 2' in r.stderr


def test_missing_required_column_is_a_bad_row_naming_it(cli: Invoke, tmp_path: Path) -> None:
    path = tmp_path / "k.csv"
    path.write_text(
        "ref,process,date,kind,type\nK1,transfer,2026,,\nK2,order,2025-03-03,,\n"
        "K3,transfer,2026,wrong,\nK4,transfer,2026,school,\n",
        encoding="utf-8",
    )
    r = cli(["batch", str(path), "--today", "2025-11-01"])
    assert r.exit_code == 2
    assert (
        '"ref": "K1", "line": 2, "error": "column kind: the transfer process needs it"' in r.stderr
    )
    assert '"ref": "K2", "line": 3, "error": "column type: the order process needs it"' in r.stderr
    assert "kind 'wrong': expected one of school" in r.stderr  # a fixed word may be shown
    assert {x["ref"] for x in _rows(r.stdout)} == {"K4"}
