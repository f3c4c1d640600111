"""`sendtime timeliness` on a generated Blade export whose answers were worked out by hand."""

from __future__ import annotations

import csv
import io
import json
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from tests.blade_export import BAD, EXPECTED, PREFIX, SECRETS, write_export
from tests.conftest import Invoke


@pytest.fixture
def export(tmp_path: Path) -> Path:
    """The known-answer export."""
    return write_export(tmp_path / "export")


def _json(cli: Invoke, *args: str) -> tuple[dict[str, object], str, int]:
    r = cli(["timeliness", *args, "--format", "json"])
    return json.loads(r.stdout), r.stderr, r.exit_code


def _all(doc: dict[str, object]) -> dict[str, object]:
    groups = doc["groups"]
    assert isinstance(groups, list)
    assert groups[0]["group"] == "all"
    return dict(groups[0])


def test_known_answers(cli: Invoke, export: Path) -> None:
    doc, _, code = _json(cli, str(export))
    assert code == 2  # bad records reported: exit 2, every good record still counted
    assert doc["schema"] == "sendtime.timeliness/1"
    assert doc["year"] == 2025  # the latest complete year before the export's date (20-01-2026)
    assert doc["counting"] == "exclusive"
    assert doc["as_at"] == "2026-01-20"
    got = _all(doc)
    assert {k: got[k] for k in EXPECTED} == EXPECTED
    assert len(doc["groups"]) == 1  # type: ignore[arg-type]


def test_steps_are_the_rule_rows(cli: Invoke, export: Path) -> None:
    doc, _, _ = _json(cli, str(export))
    steps = doc["steps"]
    assert isinstance(steps, dict)
    assert steps["plans_issued_within_20_weeks"]["step"] == "assess.final"
    assert "reg 13(2)" in steps["plans_issued_within_20_weeks"]["citation"]
    assert steps["request_outcome_six_weeks"]["step"] == "assess.decision"
    assert steps["outcome_decision_within_time"]["step"] == "assess.no-plan"
    assert steps["decision_4_weeks"]["step"] == "review.decision"


def test_bad_records_name_file_line_and_id(cli: Invoke, export: Path) -> None:
    r = cli(["timeliness", str(export), "--format", "json"])
    records = [json.loads(line) for line in r.stderr.splitlines() if line.startswith("{")]
    got = {(rec["file"].removeprefix(PREFIX).removesuffix(".csv"), rec["id"]) for rec in records}
    assert got == BAD
    by_id = {rec["id"]: rec for rec in records}
    assert by_id["R14"]["line"] == 15  # header is line 1; R14 is the 14th row
    assert "unknown code" in by_id["R14"]["error"]
    assert "does not join" in by_id["R15"]["error"]
    assert "does not join" in by_id["A-orphan"]["error"]
    assert "does not join" in by_id["NP-orphan"]["error"]
    assert "does not join" in by_id["AP4"]["error"]
    assert "after startdate" in by_id["NP12"]["error"]
    assert "unknown code" in by_id["AP6"]["error"]


def test_errors_file_holds_the_same_records(cli: Invoke, export: Path, tmp_path: Path) -> None:
    errors = tmp_path / "bad.jsonl"
    r = cli(["timeliness", str(export), "--format", "csv", "--errors", str(errors)])
    lines = errors.read_text(encoding="utf-8").splitlines()
    assert lines == [line for line in r.stderr.splitlines() if line.startswith("{")]
    assert len(lines) == 13  # R13 has two faults: no received date and no outcome date


def test_inclusive_counting_moves_day_140(cli: Invoke, export: Path) -> None:
    doc, _, _ = _json(cli, str(export), "--counting", "inclusive")
    got = _all(doc)
    assert got["plans_issued_within_20_weeks"] == 1  # R1 (day 140) is late when day 1 = request
    assert got["plans_issued_gt20weeks_ltyear"] == 3
    assert got["boundary_cases"] == 1
    assert got["request_outcome_six_weeks"] == 8  # R10 on day 42 turns late
    assert got["outcome_decision_within_time"] == 0  # R10's no-plan decision on day 112 too
    assert "inclusive" in str(doc["boundary"])


def test_include_appealed(cli: Invoke, export: Path) -> None:
    doc, _, _ = _json(cli, str(export), "--include-appealed")
    got = _all(doc)
    assert got["plans_issued_den"] == 8
    assert got["plans_issued_within_20_weeks"] == 3  # R6: day 100
    assert got["excluded_appealed"] == 0
    assert doc["include_appealed"] is True


def test_year_basis_is_the_year_issued(cli: Invoke, export: Path) -> None:
    doc, _, _ = _json(cli, str(export), "--year", "2024")
    got = _all(doc)
    assert got["plans_issued_den"] == 1  # R7, issued 2024-10-01; R4 (requested 2024) is 2025's
    assert got["plans_issued_within_20_weeks"] == 1
    assert got["requests_received_in_year"] == 2  # R4 and R7 were received in 2024
    assert got["decision_4_weeks"] == 0  # reviews go by the meeting's year


def test_by_group(cli: Invoke, export: Path) -> None:
    doc, _, _ = _json(cli, str(export), "--by", "rquestsource")
    groups = {g["group"]: g for g in doc["groups"]}  # type: ignore[attr-defined]
    assert list(groups) == ["all", "1", "2"]
    assert groups["2"]["plans_issued_den"] == 2  # R3 and R5
    assert groups["2"]["plans_with_exceptions"] == 1
    assert groups["2"]["pc_plans_with_exceptions"] == 50.0
    assert groups["1"]["pc_plans_with_exceptions"] == 0.0
    assert groups["1"]["plans_issued_den"] + groups["2"]["plans_issued_den"] == 7


def test_release_2025_names(cli: Invoke, export: Path) -> None:
    doc, _, _ = _json(cli, str(export), "--release", "2025")
    got = _all(doc)
    assert got["PC_plans_issued_20_weeks_ex"] == 33.3
    assert got["plans_issued_gt20weeks_ltYear"] == 2
    assert got["number_decsion_4weeks"] == 1  # the DfE's own spelling
    assert got["number_decision_gt_4weeks"] == 1
    assert "pc_plans_issued_20_weeks_ex" not in got
    new, _, _ = _json(cli, str(export))
    assert _all(new)["pc_plans_issued_20_weeks_ex"] == 33.3
    assert _all(new)["decision_4_weeks"] == 1


def test_csv_one_row_per_group_and_x_for_no_denominator(cli: Invoke, export: Path) -> None:
    r = cli(["timeliness", str(export), "--format", "csv", "--by", "rquestsource"])
    rows = list(csv.DictReader(io.StringIO(r.stdout)))
    assert [row["group"] for row in rows] == ["all", "1", "2"]
    assert rows[0]["plans_issued_den"] == "7"
    assert rows[0]["time_period"] == "2025"
    assert rows[2]["outcome_decision_within_time_pc"] == "x"  # no no-plan decisions in group 2


def test_cases_file(cli: Invoke, export: Path, tmp_path: Path) -> None:
    cases = tmp_path / "cases.csv"
    cli(["timeliness", str(export), "--format", "json", "--cases", str(cases)])
    rows = list(csv.DictReader(io.StringIO(cases.read_text(encoding="utf-8"))))
    assert rows == [
        {"kind": "open-request", "ref": "R11", "group": "", "step": "assess.final",
         "due": "2026-01-19", "outcome": "overdue", "weeks_elapsed": "20.1"},
        {"kind": "review-decision", "ref": "AP3", "group": "", "step": "review.decision",
         "due": "2025-12-29", "outcome": "overdue", "weeks_elapsed": "7.1"},
    ]  # fmt: skip
    jl = tmp_path / "cases.json"
    cli(["timeliness", str(export), "--format", "csv", "--cases", str(jl), "--today", "2026-01-19"])
    recs = [json.loads(line) for line in jl.read_text(encoding="utf-8").splitlines()]
    assert [r["ref"] for r in recs] == ["AP3"]  # on 2026-01-19 R11 is due, not yet overdue


def test_personal_columns_never_output(cli: Invoke, export: Path, tmp_path: Path) -> None:
    outputs = []
    for fmt in ("table", "json", "csv", "svg"):
        r = cli(["timeliness", str(export), "--format", fmt, "--by", "rquestsource"])
        outputs += [r.stdout, r.stderr]
    cases, errors = tmp_path / "c.csv", tmp_path / "e.jsonl"
    cli(["timeliness", str(export), "--cases", str(cases), "--errors", str(errors)])
    outputs += [cases.read_text(encoding="utf-8"), errors.read_text(encoding="utf-8")]
    for fmt in ("forename", "postcode", "personbirthdate"):
        r = cli(["timeliness", str(export), "--by", fmt])
        assert r.exit_code == 2
        assert "never reads personal columns" in r.stderr
        outputs += [r.stdout, r.stderr]
    text = "\n".join(outputs)
    for secret in (*SECRETS, "A00000000001"):
        assert secret not in text


def test_svg_is_well_formed_with_both_lines(cli: Invoke, export: Path, tmp_path: Path) -> None:
    out = tmp_path / "t.svg"
    r = cli(["timeliness", str(export), "--format", "svg", "-o", str(out), "--by", "rquestsource"])
    assert r.stdout == ""
    root = ET.fromstring(out.read_text(encoding="utf-8"))  # noqa: S314 - our own output
    texts = [e.text for e in root.iter("{http://www.w3.org/2000/svg}text")]
    assert "20 weeks" in texts
    assert "52 weeks" in texts
    assert "28.6%" in texts  # the all group's share within 20 weeks, on its bar


def test_table_shows_distribution_and_counting(cli: Invoke, export: Path) -> None:
    r = cli(["timeliness", str(export)])
    assert "plans_issued_within_20_weeks" in r.stdout
    assert "<- 20 weeks" in r.stdout
    assert "<- 52 weeks" in r.stdout
    assert "day 140" in r.stdout


def test_never_writes_over_an_input(cli: Invoke, export: Path) -> None:
    target = export / f"{PREFIX}requests.csv"
    before = target.read_bytes()
    r = cli(["timeliness", str(export), "--format", "csv", "-o", str(target)])
    assert r.exit_code == 2
    assert "which this run reads" in r.stderr
    assert r.stdout == ""
    assert target.read_bytes() == before


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--year", "25"], "--year '25': expected a calendar year"),
        (["--format", "xml"], "--format 'xml': expected one of table, json, csv, svg"),
        (["--counting", "both"], "--counting 'both'"),
        (["--release", "2024"], "--release '2024'"),
        (["--by", "nosuch"], "--by nosuch: not a column of"),
    ],
)
def test_bad_usage_is_one_line_exit_2(
    cli: Invoke, export: Path, args: list[str], message: str
) -> None:
    r = cli(["timeliness", str(export), *args])
    assert r.exit_code == 2
    assert message in r.stderr
    assert r.stdout == ""


def test_missing_table_and_missing_column(cli: Invoke, export: Path) -> None:
    (export / f"{PREFIX}namedplan.csv").unlink()
    r = cli(["timeliness", str(export)])
    assert r.exit_code == 2
    assert "*_namedplan.csv" in r.stderr
    write_export(export)
    p = export / f"{PREFIX}assessment.csv"
    p.write_text(p.read_text(encoding="utf-8").replace("week20", "wk20"), encoding="utf-8")
    r = cli(["timeliness", str(export)])
    assert r.exit_code == 2
    assert "lacks the column week20" in r.stderr


def test_clean_export_exits_0_and_accepts_other_forms(cli: Invoke, tmp_path: Path) -> None:
    from tests.blade_export import HEADERS

    folder = tmp_path / "clean"
    folder.mkdir()

    def table(name: str, rows: list[list[str]]) -> None:
        with (folder / f"{PREFIX}{name}.csv").open("w", encoding="utf-8-sig", newline="") as f:
            w = csv.writer(f)
            w.writerow([h.upper() for h in HEADERS[name]])  # header case does not matter
            w.writerows(rows)

    table("requests", [["R1", "P1", "2025-01-06", "0", "1", "06/02/2025", "Y", "No", "false",
                        "N", ""]])  # fmt: skip
    table("assessment", [["A1", "R1", "Y", "2025-05-26 00:00:00", "N", "0", "", "", "Yes"]])
    table("namedplan", [["NP1", "A1", "2025-05-26", "", "", ""]])
    table("activeplans", [])
    doc, err, code = _json(cli, str(folder), "--year", "2025")
    assert code == 0, err
    got = _all(doc)
    assert got["plans_issued_den"] == 1
    assert got["plans_issued_den_ex"] == 0  # week20 Yes: out of both numerator and denominator
    assert got["pc_plans_issued_20_weeks_ex"] is None
    assert got["plans_issued_within_20_weeks"] == 1
    assert "persontableid not checked" in err  # no person file: said, not assumed


def test_docs_page_names_every_measure_in_both_releases() -> None:
    from sendtime.law.england import sen2

    page = (Path(__file__).parent.parent / "docs" / "timeliness.md").read_text(encoding="utf-8")
    for release in sen2.RELEASES:
        for name in sen2.measure_names(release).values():
            assert f"`{name}`" in page or f"`{name.removesuffix('_pc')}`" in page, name
    for step in ("assess.final", "assess.decision", "assess.no-plan", "review.decision"):
        assert f"`{step}`" in page
