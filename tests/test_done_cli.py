"""--done STEP_ID=DATE on the timeline commands: outcomes in JSON, CSV and the table; exit 4."""

from __future__ import annotations

import csv
import io
import json

import pytest

from tests.conftest import Invoke

LATE = [
    "assess",
    "2024-03-01",
    "--done",
    "assess.decision=2024-04-20",
    "--done",
    "assess.final=2024-09-10",
    "--today",
    "2024-10-01",
]


def test_json_steps_gain_outcome_fields_and_exit_4(cli: Invoke) -> None:
    r = cli([*LATE, "--format", "json"])
    assert r.exit_code == 4
    doc = json.loads(r.stdout)
    final = next(s for s in doc["steps"] if s["id"] == "assess.final")
    assert final["done"] == "2024-09-10"
    assert final["outcome"] == "late"
    assert (final["days_late"], final["working_days_late"], final["days_overdue"]) == (53, 36, None)
    assert final["boundary"] is False
    no_plan = next(s for s in doc["steps"] if s["id"] == "assess.no-plan")
    assert no_plan["outcome"] == "not-applicable"
    assert any(s["id"] == "ombudsman.complaint" for s in doc["steps"])
    from sendtime.io.schema import StepModel

    for step in doc["steps"]:
        StepModel.model_validate(step)  # the documented shape, outcome fields included


def test_all_met_exits_0(cli: Invoke) -> None:
    r = cli(
        [
            "order",
            "2025-03-03",
            "--type",
            "school",
            "--done",
            "order.school=2025-03-17",
            "--today",
            "2025-03-20",
        ]
    )
    assert r.exit_code == 0, r.stderr
    assert "Checked against the dates done: 1 met." in r.stdout.splitlines()


def test_table_has_outcome_column_and_summary_line(cli: Invoke) -> None:
    r = cli(LATE)
    assert r.exit_code == 4
    # The line after what matters next (here the Ombudsman's limit, as a duty was late) counts
    # the statutory duties only: the parent's limits and assumed steps are left out.
    lines = r.stdout.splitlines()
    summary = "Checked against the dates done: 2 late, 1 not applicable."
    assert lines[0].startswith("You can complain to the Local Government")
    assert summary in lines[:6]
    assert "Outcome" in r.stdout
    assert "late 53 days" in r.stdout


def test_csv_gains_outcome_columns(cli: Invoke) -> None:
    r = cli([*LATE, "--format", "csv"])
    rows = list(csv.DictReader(io.StringIO(r.stdout)))
    final = next(row for row in rows if row["step"] == "assess.final")
    assert (final["done"], final["outcome"], final["days_late"]) == ("2024-09-10", "late", "53")
    assert final["working_days_late"] == "36"


def test_without_done_the_output_keeps_its_shape(cli: Invoke) -> None:
    doc = json.loads(
        cli(["assess", "2024-03-01", "--format", "json", "--today", "2024-10-01"]).stdout
    )
    assert "outcome" not in doc["steps"][0]


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (["--done", "assess.final"], "expected STEP_ID=DATE"),
        (["--done", "assess.final=10/09/2024"], "did you mean 2024-09-10"),
        (["--done", "assess.final=2024-02-01"], "is before 2024-03-01"),
        (["--done", "review.report=2024-05-01"], "no such step"),
    ],
)
def test_bad_done_is_one_line_exit_2(cli: Invoke, args: list[str], words: str) -> None:
    r = cli(["assess", "2024-03-01", *args])
    assert r.exit_code == 2
    assert words in r.stderr
    assert len(r.stderr.strip().splitlines()) == 1


def test_meeting_and_done_meeting_must_agree(cli: Invoke) -> None:
    r = cli(
        [
            "review",
            "2024-03-01",
            "--meeting",
            "2025-01-10",
            "--done",
            "review.latest-meeting=2025-01-13",
        ]
    )
    assert r.exit_code == 2
    assert "same event" in r.stderr


def test_chronology_states_not_legal_advice_and_exceptions(cli: Invoke) -> None:
    r = cli([*LATE, "--format", "chronology"])
    assert r.exit_code == 4
    assert "Not legal advice" in r.stdout
    assert "53 days late (36 working days)" in r.stdout
    assert "Exceptions the LA may rely on" in r.stdout
    assert "reg 5(4)" in r.stdout


def test_every_timeline_command_takes_done(cli: Invoke) -> None:
    cases = [
        ["draft", "2025-03-03", "--done", "assess.representations=2025-03-17"],
        ["amend", "2025-06-02", "--done", "review.amended-final=2025-07-28"],
        ["transfer", "2026", "--kind", "school", "--done", "transfer.school=2026-02-13"],
        ["move", "2025-05-19", "--done", "move.transfer=2025-05-19"],
        ["reassess", "2025-02-03", "--done", "reassess.decision=2025-02-18"],
        ["appeal", "2025-06-15", "--done", "appeal.mediation-contact=2025-07-01"],
        ["mediation", "2025-03-03", "--type", "other", "--done", "mediation.other=2025-03-17"],
        ["pupil", "--dob", "2015-03-10", "--done", "transfer.school=2026-02-13"],
    ]
    for args in cases:
        r = cli([*args, "--today", "2025-11-01", "--format", "json"])
        assert r.exit_code in (0, 4), (args, r.stderr)
        doc = json.loads(r.stdout)
        sid, _, when = args[args.index("--done") + 1].partition("=")
        step = next(s for s in doc["steps"] if s["id"] == sid)
        assert (step["done"], step["outcome"]) == (when, "met"), args
