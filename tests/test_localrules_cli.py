"""--rules on the command line: local steps in table, JSON and CSV; errors as one line, exit 2."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from sendtime.io.schema import StepModel
from sendtime.law.england.rules import RULES_BY_ID
from tests.conftest import EXAMPLES, Invoke

COUNCIL = str(EXAMPLES / "local-rules-council.toml")
FULL = str(EXAMPLES / "local-rules.toml")
HAS_REVIEW = "review.latest-meeting" in RULES_BY_ID
HCO_SOURCE = "Example Council SEND service standard 3: within a week of the decision to assess"

TERMS = """
[[term]]
start = 2025-09-02
end = 2025-12-19

[[closure]]
start = 2025-10-27
end = 2025-10-31
"""
SCHOOL_DAYS = """
[[rule]]
id = "local.pupil-views"
title = "Pupil views gathered"
after = "assess.trigger"
offset = "2 school days"
source = "School policy"
"""


def test_json_has_local_steps_after_unchanged_statutory_steps(cli: Invoke) -> None:
    args = ["assess", "2025-01-10", "--format", "json", "--today", "2025-01-13"]
    plain = json.loads(cli(args).stdout)
    r = cli([*args, "--rules", COUNCIL])
    assert r.exit_code == 0, r.stderr
    doc = json.loads(r.stdout)
    n = len(plain["steps"])
    assert doc["steps"][:n] == plain["steps"]
    local = doc["steps"][n:]
    for step in local:
        StepModel.model_validate(step)  # the documented shape, "source" included
    assert [s["id"] for s in local] == [
        "local.acknowledge",
        "local.panel",
        "local.hco-contact",
        "local.keyworker-call",
        "local.draft-check",
    ]
    assert local[2] == {
        "id": "local.hco-contact",
        "title": "Health co-ordinator contacts the family",
        "date": "2025-02-28",
        "weekday": "Friday",
        "kind": "practice",
        "status": "practice",
        "confidence": "local",
        "citation": HCO_SOURCE,
        "basis": "1 week after 2025-02-21 (assess.decision)",
        "projected": False,
        "disapplied": None,
        "notes": [],
        "days_left": 46,
        "when": "upcoming",
        "date_range": None,
        "source": HCO_SOURCE,
    }
    assert local[0]["date"] == "2025-01-15"
    assert (local[0]["days_left"], local[0]["when"]) == (2, "due")


def test_csv_has_local_rows_with_the_source_as_citation(cli: Invoke) -> None:
    r = cli(["assess", "2025-01-10", "--format", "csv", "--rules", COUNCIL])
    assert r.exit_code == 0, r.stderr
    rows = {row["step"]: row for row in csv.DictReader(io.StringIO(r.stdout))}
    assert rows["assess.final"]["date"] == "2025-05-30"
    row = rows["local.draft-check"]
    assert row["date"] == "2025-04-11"
    assert (row["kind"], row["status"], row["confidence"]) == ("practice", "practice", "local")
    assert row["citation"].startswith("Example Council quality assurance")
    assert row["basis"] == "5 working days before 2025-04-18 (assess.draft-target)"


def test_table_shows_local_milestones_in_a_section_of_their_own(cli: Invoke) -> None:
    r = cli(["assess", "2025-01-10", "--rules", COUNCIL])
    assert r.exit_code == 0, r.stderr
    out = r.stdout
    statutory, _, local = out.partition("Local milestones from local-rules-council.toml")
    assert local, out
    assert "2025-05-30" in statutory  # the final plan, in the statutory table
    assert "local.hco-contact" not in statutory
    for text in ("2025-01-15", "2025-02-28", "practice (local)", "Example Council SEND"):
        assert text in local
    assert "Local practice, not statutory deadlines" in local


def test_table_without_rules_has_no_local_section(cli: Invoke) -> None:
    r = cli(["assess", "2025-01-10"])
    assert "Local milestones" not in r.stdout


def test_explain_works_for_a_local_step(cli: Invoke) -> None:
    r = cli(["assess", "2025-01-10", "--rules", COUNCIL, "--explain", "local.acknowledge"])
    assert r.exit_code == 0, r.stderr
    assert "Date: 2025-01-15 (Wednesday)" in r.stdout
    assert "The 3rd working day after 2025-01-10 (Friday)" in r.stdout


def test_a_command_without_matching_anchors_skips_every_rule(cli: Invoke) -> None:
    r = cli(["draft", "2025-01-10", "--format", "json", "--rules", COUNCIL])
    assert r.exit_code == 0, r.stderr
    assert not [s for s in json.loads(r.stdout)["steps"] if s["id"].startswith("local.")]


def test_school_days_need_terms_exit_2_naming_file_rule_and_field(
    cli: Invoke, tmp_path: Path
) -> None:
    rules = tmp_path / "school.toml"
    rules.write_text(SCHOOL_DAYS, encoding="utf-8")
    r = cli(["assess", "2025-10-24", "--rules", str(rules)])
    assert r.exit_code == 2
    assert r.stdout == ""
    assert r.stderr == (
        f"sendtime: error: --rules {rules}: rule local.pupil-views, field offset: school days "
        "need term dates: give --terms FILE\n"
    )
    terms = tmp_path / "terms.toml"
    terms.write_text(TERMS, encoding="utf-8")
    ok = cli(["assess", "2025-10-24", "--rules", str(rules), "--terms", str(terms), "-f", "csv"])
    assert ok.exit_code == 0, ok.stderr
    rows = {row["step"]: row for row in csv.DictReader(io.StringIO(ok.stdout))}
    assert rows["local.pupil-views"]["date"] == "2025-11-04"  # over the half term


def test_a_bad_rules_file_is_one_line_and_exit_2(cli: Invoke, tmp_path: Path) -> None:
    rules = tmp_path / "bad.toml"
    rules.write_text(SCHOOL_DAYS.replace("assess.trigger", "assess.trigge"), encoding="utf-8")
    r = cli(["assess", "2025-01-10", "--rules", str(rules)])
    assert r.exit_code == 2
    assert r.stderr.startswith(
        f"sendtime: error: --rules {rules}: rule local.pupil-views, field after: unknown anchor "
        "'assess.trigge'"
    )
    assert r.stderr.count("\n") == 1
    missing = cli(["assess", "2025-01-10", "--rules", str(tmp_path / "none.toml")])
    assert missing.exit_code == 2
    assert "no such file" in missing.stderr


@pytest.mark.skipif(not HAS_REVIEW, reason="needs the review command (review branch)")
def test_a_sencos_review_reminders(cli: Invoke) -> None:
    r = cli(["review", "2024-03-15", "--format", "csv", "--rules", FULL])
    assert r.exit_code == 0, r.stderr
    rows = {row["step"]: row for row in csv.DictReader(io.StringIO(r.stdout))}
    assert rows["review.latest-meeting"]["date"] == "2025-02-14"
    assert rows["local.book-meeting"]["date"] == "2024-12-20"
    assert rows["local.invitations"]["date"] == "2025-01-03"
    assert rows["local.pupil-views"]["date"] == "2025-01-17"
    assert "local.hco-contact" not in rows  # an assess rule, skipped for review


def test_the_docs_show_real_council_output(cli: Invoke) -> None:
    docs = (Path(__file__).parent.parent / "docs" / "local-rules.md").read_text(encoding="utf-8")
    shown = [line for line in docs.splitlines() if line.startswith("assess,local.")]
    assert len(shown) == 5
    r = cli(["assess", "2025-01-10", "--rules", COUNCIL, "-f", "csv"])
    assert r.exit_code == 0, r.stderr
    import re

    def same(line: str) -> str:  # the holidays version in the calendar column changes
        return re.sub(r"holidays \d+\.\d+(?:\.\d+)?", "holidays N", line)

    got = {same(line) for line in r.stdout.splitlines()}
    for line in shown:
        assert same(line) in got
