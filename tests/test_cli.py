"""The command line: formats, explain, errors as one line with the right exit code."""

from __future__ import annotations

import csv
import io
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from sendtime.cli.app import load_commands
from sendtime.io.schema import validate_timeline
from tests.conftest import GOVUK, Invoke

app = load_commands()


def test_assess_table_shows_dates_citations_and_provenance(cli: Invoke) -> None:
    r = cli(["assess", "2024-03-01"])
    assert r.exit_code == 0
    for text in ("2024-04-12", "2024-06-21", "2024-07-19", "reg 13(2)", "regs 4(1), 5(1)"):
        assert text in r.stdout
    assert "Counting: exclusive" in r.stdout
    assert "holidays " in r.stdout
    assert "Not legal advice" in r.stdout
    assert r.stderr == ""


def test_assess_json_matches_the_documented_shape(cli: Invoke) -> None:
    r = cli(["assess", "2024-03-01", "--format", "json", "--today", "2024-03-04"])
    assert r.exit_code == 0
    doc = json.loads(r.stdout)
    validate_timeline(doc)
    assert doc["schema"] == "sendtime.timeline/1"
    assert doc["process"] == "assess"
    assert doc["inputs"] == {"request_received": "2024-03-01"}
    assert doc["counting"] == "exclusive"
    assert doc["calendar"]["bank_holidays"] == "england-and-wales"
    assert doc["calendar"]["source"].startswith("holidays ")
    first = doc["steps"][0]
    assert first == {
        "id": "assess.decision",
        "title": "LA notifies whether it will assess",
        "date": "2024-04-12",
        "weekday": "Friday",
        "kind": "deadline",
        "status": "statutory",
        "confidence": "verified",
        "citation": "SEND Regulations 2014, regs 4(1), 5(1)",
        "basis": "6 weeks after 2024-03-01 (request received)",
        "projected": False,
        "disapplied": None,
        "notes": first["notes"],
        "days_left": 39,
        "when": "upcoming",
        "date_range": None,
    }


def test_assess_csv_has_a_row_per_step(cli: Invoke) -> None:
    r = cli(["assess", "2024-03-01", "--format", "csv"])
    rows = list(csv.DictReader(io.StringIO(r.stdout)))
    assert next(row["step"] for row in rows) == "assess.decision"
    assert {row["step"]: row["date"] for row in rows}["assess.final"] == "2024-07-19"
    assert rows[0]["weekday"] == "Friday"


def test_inclusive_counting_is_named_in_output(cli: Invoke) -> None:
    r = cli(["assess", "2024-03-01", "--counting", "inclusive", "-f", "json"])
    doc = json.loads(r.stdout)
    assert doc["counting"] == "inclusive"
    assert {s["id"]: s["date"] for s in doc["steps"]}["assess.final"] == "2024-07-18"


def test_explain_prints_the_arithmetic(cli: Invoke) -> None:
    r = cli(["assess", "2024-03-01", "--explain", "assess.final"])
    assert r.exit_code == 0
    assert "2024-03-01 (Friday) + 140 days = 2024-07-19 (Friday)" in r.stdout
    assert "reg 13(2)" in r.stdout


def test_explain_unknown_step_lists_the_ids(cli: Invoke) -> None:
    r = cli(["assess", "2024-03-01", "--explain", "assess.nope"])
    assert r.exit_code == 2
    assert "assess.final" in r.stderr
    assert len(r.stderr.strip().splitlines()) == 1


def test_exception_option(cli: Invoke) -> None:
    r = cli(["assess", "2024-03-01", "--exception", "absence:2024-03-10..2024-04-30", "-f", "json"])
    doc = json.loads(r.stdout)
    steps = {s["id"]: s for s in doc["steps"]}
    assert steps["assess.decision"]["disapplied"]["limb"] == "reg 5(4)(d)"
    assert steps["assess.decision"]["date"] == "2024-04-12"


def test_draft_with_posting(cli: Invoke) -> None:
    r = cli(["draft", "--posted", "2025-03-03", "--post", "second", "-f", "json"])
    doc = json.loads(r.stdout)
    steps = {s["id"]: s["date"] for s in doc["steps"]}
    assert steps == {
        "service.deemed": "2025-03-07",
        "assess.representations": "2025-03-21",
        "assess.school-response": "2025-03-22",
    }


def test_holidays_json(cli: Invoke) -> None:
    r = cli(["holidays", "2023", "--format", "json"])
    doc = json.loads(r.stdout)
    assert doc["schema"] == "sendtime.holidays/1"
    assert doc["nation"] == "england-and-wales"
    dates = [h["date"] for h in doc["holidays"]]
    assert "2023-05-08" in dates
    assert "2023-01-01" not in dates  # a Sunday: the substitute 2023-01-02 is listed instead
    assert "2023-01-02" in dates


def test_holidays_scotland_and_file(cli: Invoke) -> None:
    r = cli(["holidays", "2025", "--nation", "scotland", "-f", "csv"])
    assert "2025-12-01" in r.stdout  # St Andrew's Day (substitute)
    r = cli(["holidays", "2025", "--bank-holidays", str(GOVUK), "-f", "json"])
    assert "govuk-bank-holidays-2012-2028.json" in json.loads(r.stdout)["source"]


def test_rules_json(cli: Invoke) -> None:
    doc = json.loads(cli(["rules", "--format", "json"]).stdout)
    assert doc["schema"] == "sendtime.rules/1"
    ids = [r["id"] for r in doc["rules"]]
    assert "assess.final" in ids
    assert all(r["citation"] for r in doc["rules"])


def test_schema_is_a_json_schema(cli: Invoke) -> None:
    doc = json.loads(cli(["schema"]).stdout)
    assert doc["title"] == "TimelineModel"
    assert "schema" in doc["properties"]
    assert "steps" in doc["required"]


@pytest.mark.parametrize(
    ("args", "code", "needle"),
    [
        (["assess", "not-a-date"], 2, "expected a date as YYYY-MM-DD"),
        (["assess", "01/03/2024"], 2, "did you mean 2024-03-01"),
        (["assess", "2024-02-30"], 2, "not a real date"),
        (["assess", "20240301"], 2, "expected a date as YYYY-MM-DD"),
        (["assess", "2024-W09-5"], 2, "expected a date as YYYY-MM-DD"),
        (["assess", "2014-08-01"], 2, "before 2014-09-01"),
        (["assess", "9999-12-31"], 2, "after 2199-12-31"),
        (["draft", "9999-12-31", "--post", "first"], 2, "after 2199-12-31"),
        (["assess", "2024-03-01", "--format", "yaml"], 2, "expected one of"),
        (["assess", "2024-03-01", "--counting", "sideways"], 2, "exclusive, inclusive"),
        (["assess", "2024-03-01", "--nation", "wales"], 2, "belongs to `holidays` only"),
        (["assess", "2024-03-01", "--bogus"], 2, "No such option"),
        (["assess", "2024-03-01", "--exception", "holiday"], 2, "personal, absence"),
        (["assess", "2024-03-01", "--exception", "absence:2024-05-01..2024-04-01"], 2, "end"),
        (["assess", "2024-03-01", "--today", "yesterday"], 2, "--today"),
        (["assess", "2024-03-01", "--bank-holidays", "/no/such.json"], 2, "no such file"),
        (["assess"], 2, "give the request date"),
        (["frobnicate"], 2, "No such command"),
        (["holidays", "twenty"], 2, "expected a year"),
        (["assess", "2024-03-01", "--terms", "/no/such.toml"], 2, "no such file"),
        (["appeal", "2014-09-01", "--bank-holidays", "\x00"], 2, "contains a NUL byte"),
        (["assess", "2024-03-01", "--terms", ""], 2, "expected a .toml or .ics"),
    ],
)
def test_errors_are_one_line_with_exit_code(
    cli: Invoke, args: list[str], code: int, needle: str
) -> None:
    r = cli(args)
    assert r.exit_code == code
    lines = r.stderr.strip().splitlines()
    assert len(lines) == 1, r.stderr
    assert lines[0].startswith("sendtime: error: ")
    assert needle in lines[0]
    assert "Traceback" not in r.stderr
    assert r.stdout == ""


def test_bad_bank_holiday_file_names_the_file(cli: Invoke, tmp_path: object) -> None:
    from pathlib import Path

    p = Path(str(tmp_path)) / "bh.json"
    p.write_text('{"england-and-wales": []}', encoding="utf-8")
    r = cli(["assess", "2024-03-01", "--bank-holidays", str(p)])
    assert r.exit_code == 2
    assert "bh.json" in r.stderr
    assert "events" in r.stderr


def test_version(cli: Invoke) -> None:
    r = cli(["--version"])
    assert r.exit_code == 0
    assert r.stdout.startswith("sendtime 0.")


def test_typer_runner_assess_json() -> None:
    result = CliRunner().invoke(app, ["assess", "2024-03-01", "--format", "json"])
    assert result.exit_code == 0
    steps = {s["id"]: s["date"] for s in json.loads(result.stdout)["steps"]}
    assert steps["assess.no-plan"] == "2024-06-21"


def test_help_lists_commands() -> None:
    result = CliRunner().invoke(app, ["--help"])
    assert result.exit_code == 0
    for cmd in ("assess", "draft", "holidays", "rules", "schema"):
        assert cmd in result.stdout


@pytest.mark.slow
def test_installed_console_script_and_module() -> None:
    exe = shutil.which("sendtime", path=str(Path(sys.executable).parent)) or shutil.which(
        "sendtime"
    )
    assert exe, "the sendtime console script is not installed"
    env = dict(os.environ, NO_COLOR="1")
    p = subprocess.run(
        [exe, "assess", "2024-03-01", "--format", "json"],
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    assert p.returncode == 0, p.stderr
    assert {s["id"]: s["date"] for s in json.loads(p.stdout)["steps"]}[
        "assess.final"
    ] == "2024-07-19"
    p = subprocess.run(
        [exe, "assess", "2024-13-01"], capture_output=True, text=True, env=env, check=False
    )
    assert p.returncode == 2
    assert len(p.stderr.strip().splitlines()) == 1
    m = subprocess.run(
        [sys.executable, "-m", "sendtime", "assess", "2024-03-01", "-f", "csv"],
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    assert m.returncode == 0
    assert "assess.final,LA sends the final EHC plan,2024-07-19" in m.stdout


def test_bare_sendtime_shows_help(cli: Invoke) -> None:
    r = cli([])
    assert r.exit_code == 0
    assert "Usage: sendtime" in r.stdout
    assert "assess" in r.stdout


def test_missing_argument_is_one_line(cli: Invoke) -> None:
    r = cli(["holidays"])
    assert r.exit_code == 2
    assert r.stderr.strip() == "sendtime: error: Missing argument 'YEAR'."


def test_every_command_is_built_in_or_mapped_to_its_module() -> None:
    from sendtime.cli.app import BUILT_IN, COMMAND_MODULES

    loaded = load_commands()
    names = {c.name for c in loaded.registered_commands}
    groups = {g.name for g in loaded.registered_groups}  # sendtime wales ...
    assert names | groups == set(BUILT_IN) | set(COMMAND_MODULES)


def test_a_command_line_builds_only_its_own_command() -> None:
    sub = load_commands(["appeal"])
    names = {c.name for c in sub.registered_commands}
    assert names == {"appeal"}
    assert {c.name for c in load_commands(["assess"]).registered_commands} == {"assess"}


@pytest.mark.slow
@pytest.mark.parametrize(
    ("command", "fmt", "n"),
    # the Rich table of due with enough rows (about 2,000 steps) to overflow the pipe's buffer
    [("batch", "default", 3000), ("due", "csv", 3000), ("due", "table", 300)],
)
def test_reader_closing_stdout_early_is_not_an_error(
    tmp_path: Path, command: str, fmt: str, n: int
) -> None:
    caseload = tmp_path / "c.csv"
    rows = "".join(f"R{i},assess,2025-{1 + i % 12:02d}-{1 + i % 28:02d}\n" for i in range(n))
    caseload.write_text("ref,process,date\n" + rows, encoding="utf-8")
    exe = shutil.which("sendtime", path=str(Path(sys.executable).parent)) or "sendtime"
    p = subprocess.Popen(
        # not Rich laying out a 20,000-row table (23 s): what is tested is a closed stdout
        [exe, command, str(caseload), "--today", "2025-01-01", "--within", "400", "-f", fmt]
        if command == "due"
        else [exe, command, str(caseload), "--today", "2025-01-01"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=dict(os.environ, NO_COLOR="1"),
    )
    assert p.stdout is not None
    assert p.stderr is not None
    p.stdout.readline()
    p.stdout.close()  # like `| head -1`
    err = p.stderr.read().decode()
    p.stderr.close()
    assert p.wait() == 0
    assert "Traceback" not in err
    assert "Exception ignored" not in err


def test_closure_check_json_names_the_closure(cli: Invoke) -> None:
    terms = str(
        Path(__file__).resolve().parent.parent / "examples" / "terms-illustrative-summer-2025.toml"
    )
    r = cli(
        ["assess", "2025-06-10", "--advice-requested", "2025-07-15", "--terms", terms, "-f", "json"]
    )
    check = json.loads(r.stdout)["closure_checks"][0]
    assert check["engaged"] is True
    assert check["window"] == ["2025-07-12", "2025-08-26"]
    assert check["closure"] == {
        "first_closed_day": "2025-07-19",
        "reopens": "2025-09-02",
        "name": "between Summer 2025 and Autumn 2025",
    }


def test_help_lists_every_command_in_case_order() -> None:
    from sendtime.cli.app import HELP_ORDER

    names = [c.name for c in load_commands().registered_commands]
    assert names == list(HELP_ORDER)


@pytest.mark.parametrize(
    "args",
    [
        ["review", "2025-01-10", "--year-group", "99"],
        ["pupil", "--dob", "2015-03-10", "--today", "2025-11-01", "--year-group", "99"],
    ],
)
def test_year_group_is_checked_once_for_every_command(cli: Invoke, args: list[str]) -> None:
    r = cli(args)
    assert r.exit_code == 2
    assert r.stderr == (
        "sendtime: error: --year-group '99': expected a whole number from -3 to 14\n"
    )


def test_pupil_says_it_ignores_a_recorded_exception(cli: Invoke) -> None:
    r = cli(["pupil", "--dob", "2015-03-10", "--today", "2025-11-01", "--exception", "personal"])
    assert r.exit_code == 0
    assert "no statutory exception applies to a pupil's transfer plan; ignored" in r.stderr


def test_caseload_year_group_is_checked_like_the_cli(cli: Invoke, tmp_path: Path) -> None:
    p = tmp_path / "c.csv"
    p.write_text("ref,process,date,year_group\nY1,review,2025-01-10,99\n", encoding="utf-8")
    r = cli(["batch", str(p), "--today", "2025-01-10"])
    assert r.exit_code == 2
    assert "column year_group: expected a whole number from -3 to 14" in r.stderr
    assert "99" not in r.stderr.replace('"line": 2', "")
