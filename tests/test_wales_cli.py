"""`sendtime wales ...` on the command line: shapes, exit codes and the jurisdiction key."""

from __future__ import annotations

import json
from pathlib import Path

from sendtime.io.schema import validate_timeline
from tests.conftest import Invoke

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
TERMS = str(EXAMPLES / "terms-wales-illustrative-2025-26.toml")


def test_idp_school_json_names_wales(cli: Invoke) -> None:
    r = cli(["wales", "idp", "2025-10-03", "--terms", TERMS, "--format", "json"])
    assert r.exit_code == 0, r.stderr
    doc = json.loads(r.stdout)
    validate_timeline(doc)
    assert doc["jurisdiction"] == "wales"
    assert doc["process"] == "idp"
    assert [(s["id"], s["date"]) for s in doc["steps"]] == [("idp.school", "2025-11-28")]
    assert doc["calendar"]["bank_holidays"] == "england-and-wales"
    assert "Wales" in doc["disclaimer"]


def test_england_documents_name_england(cli: Invoke) -> None:
    doc = json.loads(cli(["assess", "2024-03-01", "--format", "json"]).stdout)
    assert doc["jurisdiction"] == "england"


def test_school_days_without_terms_exit_3(cli: Invoke) -> None:
    r = cli(["wales", "idp", "2025-10-03"])
    assert r.exit_code == 3
    assert r.stdout == ""
    assert r.stderr.strip() == "sendtime: error: school days need term dates: give --terms FILE"


def test_la_needs_no_terms(cli: Invoke) -> None:
    r = cli(["wales", "idp", "2025-10-01", "--by", "la", "--format", "csv"])
    assert r.exit_code == 0, r.stderr
    assert "idp.la" in r.stdout
    assert "2025-12-24" in r.stdout


def test_bad_by_is_one_line_exit_2(cli: Invoke) -> None:
    r = cli(["wales", "idp", "2025-10-01", "--by", "college"])
    assert r.exit_code == 2
    assert r.stderr.count("\n") == 1
    assert "school, fei, la" in r.stderr


def test_nation_is_refused_naming_why(cli: Invoke) -> None:
    r = cli(["wales", "review", "2026-03-15", "--nation", "scotland"])
    assert r.exit_code == 2
    assert "England-and-Wales bank holidays" in r.stderr


def test_local_rules_are_refused_for_now(cli: Invoke) -> None:
    r = cli(["wales", "review", "2026-03-15", "--rules", str(EXAMPLES / "local-rules.toml")])
    assert r.exit_code == 2
    assert "England's commands only" in r.stderr


def test_appeal_dispute_resolution_flag_and_date(cli: Invoke) -> None:
    plain = json.loads(cli(["wales", "appeal", "2025-01-06", "-f", "json"]).stdout)
    flag = cli(["wales", "appeal", "2025-01-06", "--dispute-resolution", "-f", "json"])
    dated = json.loads(
        cli(["wales", "appeal", "2025-01-06", "--referred", "2025-02-01", "-f", "json"]).stdout
    )

    def appeal(doc: dict[str, object]) -> object:
        steps = doc["steps"]
        assert isinstance(steps, list)
        return next(s["date"] for s in steps if s["id"] == "etw.appeal")

    assert appeal(plain) == "2025-03-03"
    assert appeal(json.loads(flag.stdout)) == "2025-04-28"
    assert "--referred DATE" in flag.stderr
    assert appeal(dated) == "2025-04-28"


def test_explain_shows_the_school_day_count(cli: Invoke) -> None:
    r = cli(["wales", "idp", "2025-11-03", "--terms", TERMS, "--explain", "idp.school"])
    assert r.exit_code == 0, r.stderr
    assert "school day 35 after it is 2026-01-06 (Tuesday)" in r.stdout
    assert "INSET" in r.stdout


def test_table_uses_wales_sources_and_disclaimer(cli: Invoke) -> None:
    r = cli(["wales", "nhs-referral", "2026-03-02"])
    assert r.exit_code == 0, r.stderr
    assert "2026-04-13" in r.stdout
    assert "NHS body's answer" in r.stdout
    assert "SEND Regulations" not in r.stdout
    assert "Special Educational Needs and Disability Regulations" not in r.stdout  # the key
    assert "ALN (Wales) Regulations 2021" in r.stdout


def test_rules_per_jurisdiction(cli: Invoke) -> None:
    wales = json.loads(cli(["rules", "--jurisdiction", "wales", "--format", "json"]).stdout)
    assert wales["jurisdiction"] == "wales"
    ids = [r["id"] for r in wales["rules"]]
    assert ids == [
        "idp.school",
        "idp.fei",
        "idp.la",
        "idp.reconsider",
        "idp.not-necessary",
        "idp.nhs-response",
        "idp.cease-reconsider",
        "idp.fei-transfer",
        "idp.review",
        "etw.dispute-resolution",
        "etw.appeal",
    ]
    england = json.loads(cli(["rules", "--format", "json"]).stdout)
    assert england["jurisdiction"] == "england"
    assert not set(ids) & {r["id"] for r in england["rules"]}
    bad = cli(["rules", "--jurisdiction", "scotland"])
    assert bad.exit_code == 2
    assert "england, wales" in bad.stderr


def test_wales_is_listed_in_help(cli: Invoke) -> None:
    r = cli(["--help"])
    assert "wales" in r.stdout
    sub = cli(["wales", "--help"])
    for name in ("idp", "reconsider", "not-necessary", "nhs-referral", "cease-reconsider"):
        assert name in sub.stdout
    for name in ("fei-transfer", "review", "appeal"):
        assert name in sub.stdout


def test_dates_before_the_aln_system_are_refused(cli: Invoke) -> None:
    r = cli(["wales", "review", "2021-08-31"])
    assert r.exit_code == 2
    assert "2021-09-01" in r.stderr


def test_caseload_jurisdiction_column(cli: Invoke, tmp_path: Path) -> None:
    caseload = tmp_path / "caseload.csv"
    caseload.write_text(
        "ref,jurisdiction,process,date,by,referred\n"
        "W1,wales,idp,2025-10-01,la,\n"
        "W2,Wales,appeal,2025-01-06,,2025-02-01\n"
        "E1,,review,2025-03-17,,\n"
        "W3,wales,assess,2024-03-01,,\n"
        "W4,scotland,idp,2025-10-01,,\n"
        "W5,wales,idp,2025-10-01,school,\n",
        encoding="utf-8",
    )
    r = cli(["batch", str(caseload), "--format", "json", "--today", "2025-11-01"])
    docs = [json.loads(line) for line in r.stdout.splitlines()]
    got = {(x["ref"], x["jurisdiction"], x["process"]): [s["id"] for s in x["steps"]] for x in docs}
    assert got[("W1", "wales", "idp")] == ["idp.la"]
    assert got[("W2", "wales", "appeal")] == ["etw.dispute-resolution", "etw.appeal"]
    assert ("E1", "england", "review") in got  # no cell: England
    appeal = next(x for x in docs if x["ref"] == "W2")
    assert appeal["steps"][1]["date"] == "2025-04-28"
    errors = [json.loads(line) for line in r.stderr.splitlines() if line.startswith("{")]
    assert [(e["ref"], e["line"]) for e in errors] == [("W3", 5), ("W4", 6), ("W5", 7)]
    assert "jurisdiction wales" in errors[0]["error"]
    assert "england, wales" in errors[1]["error"]
    assert "terms" in errors[2]["error"]
    assert r.exit_code == 2  # bad rows (2) outrank the row that needs term dates (3)


def test_explain_names_the_weekdays_not_counted(cli: Invoke) -> None:
    r = cli(["wales", "idp", "2026-04-24", "--terms", TERMS, "--explain", "idp.school"])
    assert (
        "Weekdays not counted: 2026-05-04 (May Day); 2026-05-25..2026-05-29 (Summer half term)."
    ) in r.stdout


def test_the_engine_names_no_jurisdiction() -> None:
    import re

    engine = Path(__file__).resolve().parent.parent / "src" / "sendtime" / "engine"
    for path in engine.glob("*.py"):
        text = path.read_text(encoding="utf-8")
        assert not re.search(r"""['"](wales|england)['"]""", text), path.name
        assert not re.search(r"^\s*(from|import) sendtime\.law", text, re.MULTILINE), path.name


def test_docs_page_names_every_wales_command_and_step() -> None:
    from sendtime.law.wales.processes import TABLE
    from sendtime.law.wales.rules import rule_table

    page = (Path(__file__).resolve().parent.parent / "docs" / "wales.md").read_text(
        encoding="utf-8"
    )
    for p in TABLE:
        assert f"sendtime wales {p.name}" in page, p.name
    for r in rule_table():
        assert f"`{r.id}`" in page, r.id


def test_same_process_name_and_date_in_two_jurisdictions_are_two_timelines(
    cli: Invoke, tmp_path: Path
) -> None:
    caseload = tmp_path / "c.csv"
    caseload.write_text(
        "ref,jurisdiction,process,date\nE,england,review,2025-03-17\nW,wales,review,2025-03-17\n",
        encoding="utf-8",
    )
    r = cli(["batch", str(caseload), "--format", "json", "--today", "2025-03-01"])
    docs = {x["ref"]: x for x in map(json.loads, r.stdout.splitlines())}
    assert docs["W"]["jurisdiction"] == "wales"
    assert [s["id"] for s in docs["W"]["steps"]] == ["idp.review"]
    assert docs["W"]["steps"][0]["date"] == "2026-03-16"
    assert docs["E"]["jurisdiction"] == "england"
    assert "idp.review" not in [s["id"] for s in docs["E"]["steps"]]


def test_done_reaches_wales_commands_late_by_a_day_and_met_on_the_day(cli: Invoke) -> None:
    # idp.school for 2025-10-03 is 2025-11-28 (above): done a day later is late by 1, exit 4
    base = ["wales", "idp", "2025-10-03", "--terms", TERMS, "--today", "2025-12-10", "-f", "json"]
    late = cli([*base, "--done", "idp.school=2025-11-29"])
    assert late.exit_code == 4, late.stderr
    step = json.loads(late.stdout)["steps"][0]
    assert (step["done"], step["outcome"], step["days_late"]) == ("2025-11-29", "late", 1)
    met = cli([*base, "--done", "idp.school=2025-11-28"])
    assert met.exit_code == 0, met.stderr
    assert json.loads(met.stdout)["steps"][0]["outcome"] == "met"
