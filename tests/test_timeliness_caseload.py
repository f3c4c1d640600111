"""`sendtime timeliness` on a caseload with done: columns: the same engine, the same answers."""

from __future__ import annotations

import json
from pathlib import Path

from tests.conftest import Invoke

HEADER = (
    "ref,process,date,done:assess.decision,done:assess.final,done:assess.no-plan,exceptions,"
    "mediation,team,meeting,done:review.decision\n"
)
ROWS = [
    "C1,assess,2025-01-06,2025-02-03,2025-05-26,,no,,North,,",  # day 140: within, boundary
    "C2,assess,06/01/2025,2025-02-03,2025-05-27,,,,North,,",  # day 141, UK date form
    "C3,assess,2025-01-06,2025-02-03,2025-06-30,,reg 10(4)(a),,South,,",  # exception claimed
    "C4,assess,2025-01-06,2025-02-03,2025-03-01,,week20,yes,South,,",  # appealed: excluded
    "C5,assess,2025-03-03,2025-04-14,,2025-06-23,no,,North,,",  # no plan, day 112: in time
    "C6,assess,2025-08-01,2025-09-01,,,no,,North,,",  # open: past 20 weeks on 2026-01-20
    "C7,assess,2025-06-01,2025-05-01,,,no,,North,,",  # decision before request: bad record
    "C8,assess,2025-01-06,,,,maybe,,North,,",  # unreadable exceptions cell: bad record
    "V1,review,2024-03-01,,,,,,North,2025-03-03,2025-03-31",  # 28 days: within 4 weeks
    "V2,review,2024-03-01,,,,,,South,2025-04-01,2025-05-01",  # 30 days: over
    "T1,transfer,2026,,,,,,North,,",  # another process: skipped with a note
]


def _caseload(tmp_path: Path) -> Path:
    p = tmp_path / "caseload.csv"
    p.write_text(HEADER + "\n".join(ROWS) + "\n", encoding="utf-8")
    return p


def test_caseload_known_answers(cli: Invoke, tmp_path: Path) -> None:
    path = _caseload(tmp_path)
    r = cli(["timeliness", str(path), "--format", "json", "--today", "2026-01-20", "--by", "team"])
    assert r.exit_code == 2
    doc = json.loads(r.stdout)
    assert doc["year"] == 2025
    assert doc["source"] == "caseload"
    groups = {g["group"]: g for g in doc["groups"]}
    a = groups["all"]
    assert a["plans_issued_den"] == 3  # C1 C2 C3; C4 appealed
    assert a["excluded_appealed"] == 1
    assert a["plans_issued_within_20_weeks"] == 1
    assert a["plans_issued_gt20weeks_ltyear"] == 2
    assert a["plans_issued_den_ex"] == 2
    assert a["boundary_cases"] == 1
    assert a["outcome_decision_within_time"] == 1
    assert a["decision_4_weeks"] == 1
    assert a["decision_over_4_weeks"] == 1
    assert a["open_requests_past_20_weeks"] == 1  # C6
    assert groups["South"]["pc_plans_with_exceptions"] == 100.0
    assert groups["North"]["plans_issued_den"] == 2
    bad = [json.loads(x) for x in r.stderr.splitlines() if x.startswith("{")]
    assert [(b["id"], b["line"]) for b in bad] == [("C7", 8), ("C8", 9)]
    assert "1 rows of other processes skipped" in r.stderr


def test_caseload_and_blade_agree_on_day_140(cli: Invoke, tmp_path: Path) -> None:
    path = _caseload(tmp_path)
    for counting, within in (("exclusive", 1), ("inclusive", 0)):
        r = cli(["timeliness", str(path), "--format", "json", "--counting", counting])
        assert json.loads(r.stdout)["groups"][0]["plans_issued_within_20_weeks"] == within
