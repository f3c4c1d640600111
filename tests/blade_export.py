"""A generated SEN2 Blade export with known answers (fake ids; the person file is hostile).

Year 2025, export dated 20-01-2026. Each case is named for what it tests; the expected measures
for --year 2025 with exclusive counting are in EXPECTED, worked out by hand in the comments.
"""

from __future__ import annotations

import csv
import datetime as dt
from collections.abc import Sequence
from pathlib import Path

PREFIX = "Blade-Export_20-01-2026_"
SECRETS = ("ZEBEDEE-SECRETNAME", "QX9 9ZZ", "1999-12-25", "=HYPERLINK(evil)")

HEADERS = {
    "person": [
        "persontableid",
        "upn",
        "forename",
        "surname",
        "personbirthdate",
        "postcode",
        "sex",
        "ethnicity",
        "NativeId",
    ],
    "requests": [
        "requeststableid",
        "persontableid",
        "receiveddate",
        "rya",
        "rquestsource",
        "requestoutcomedate",
        "requestoutcome",
        "requestmediation",
        "requesttribunal",
        "exported",
        "NativeId",
    ],
    "assessment": [
        "assessmenttableid",
        "requeststableid",
        "assessmentoutcome",
        "assessmentoutcomedate",
        "assessmentmediation",
        "assessmenttribunal",
        "othermediation",
        "othertribunal",
        "week20",
    ],
    "namedplan": [
        "namedplantableid",
        "assessmenttableid",
        "startdate",
        "plantype",
        "ceasedate",
        "ceasereason",
    ],
    "activeplans": [
        "activeplanstableid",
        "requeststableid",
        "reviewmeeting",
        "reviewoutcome",
        "lastreview",
        "phasetransferduedate",
        "phasetransferfinaldate",
    ],
}


def blade(d: dt.date | None) -> str:
    """A date as Blade writes it: 2025-Sep-28 00:00:00."""
    return d.strftime("%Y-%b-%d 00:00:00") if d else ""


def D(text: str) -> dt.date:
    """An ISO date."""
    return dt.date.fromisoformat(text)


def plus(d: str, days: int) -> dt.date:
    """An ISO date plus days."""
    return D(d) + dt.timedelta(days=days)


def write_table(folder: Path, table: str, rows: Sequence[Sequence[str]]) -> None:
    """One table of the export, header first."""
    with (folder / f"{PREFIX}{table}.csv").open("w", encoding="utf-8", newline="") as f:
        w = csv.writer(f)
        w.writerow(HEADERS[table])
        w.writerows(rows)


def req(
    rid: str,
    pid: str,
    received: dt.date | None,
    decided: dt.date | None,
    outcome: str,
    *,
    source: str = "1",
    med: str = "0",
    trib: str = "0",
) -> list[str]:
    """A requests row."""
    return [rid, pid, blade(received), "0", source, blade(decided), outcome, med, trib, "0", "n"]


def ass(
    aid: str, rid: str, outcome: str, decided: dt.date | None, *, week20: str = "0", med: str = "0"
) -> list[str]:
    """An assessment row."""
    return [aid, rid, outcome, blade(decided), med, "0", "0", "0", week20]


def plan(pid: str, aid: str, start: dt.date | None) -> list[str]:
    """A namedplan row."""
    return [pid, aid, blade(start), "", "", ""]


def review(
    apid: str, rid: str, meeting: dt.date | None, outcome: str, last: dt.date | None
) -> list[str]:
    """An activeplans row."""
    return [apid, rid, blade(meeting), outcome, blade(last), "", ""]


JAN6, FEB3, MAR3 = "2025-01-06", "2025-02-03", "2025-03-03"


def write_export(folder: Path) -> Path:
    """Write the known-answer export into folder and return it."""
    folder.mkdir(parents=True, exist_ok=True)
    people = [
        [f"P{i}", f"A{i:011d}", SECRETS[0], SECRETS[3], SECRETS[2], SECRETS[1], "F", "WBRI", "x"]
        for i in range(1, 20)
    ]
    people.append(["P-bad", SECRETS[0]])  # a malformed person row: never described
    write_table(folder, "person", people)
    write_table(
        folder,
        "requests",
        [
            req("R1", "P1", D(JAN6), plus(JAN6, 28), "Y"),  # plan on day 140: within, boundary
            req("R2", "P2", D(JAN6), plus(JAN6, 28), "Y"),  # day 139: within
            req("R3", "P3", D(JAN6), plus(JAN6, 28), "Y", source="2"),  # day 141: 20-52 weeks
            req("R4", "P4", D("2024-01-08"), D("2024-02-05"), "Y"),  # day 378: over 52 weeks
            req("R5", "P5", D(FEB3), plus(FEB3, 28), "Y", source="2"),  # week20 exception, day 250
            req("R6", "P6", D(FEB3), plus(FEB3, 28), "Y"),  # mediation: excluded by default
            req("R7", "P7", D("2024-06-03"), D("2024-07-01"), "Y"),  # plan in 2024: not 2025
            req("R8", "P8", D(MAR3), plus(MAR3, 29), "N"),  # refused in 29 days: within 6 weeks
            req("R9", "P9", D(MAR3), plus(MAR3, 59), "Y"),  # 59 days: over 6 weeks; no plan day 119
            req("R10", "P10", D(MAR3), plus(MAR3, 42), "Y"),  # day 42: within; no plan day 112
            req("R11", "P11", D("2025-09-01"), D("2025-10-01"), "Y"),  # open: day 141 at export
            req("R12", "P12", D("2025-04-07"), D("2025-05-01"), "Y"),  # plan dated before request
            req("R13", "P13", None, None, "Y"),  # no received date (and no outcome date)
            req("R14", "P14", D(MAR3), None, "Q"),  # unknown code
            req("R15", "P99", D(MAR3), None, "A"),  # no such person
            req("R16", "P16", D("2025-10-01"), None, "Y"),  # Y without its outcome date
        ],
    )
    write_table(
        folder,
        "assessment",
        [
            ass("A1", "R1", "Y", plus(JAN6, 140)),
            ass("A2", "R2", "Y", plus(JAN6, 139)),
            ass("A3", "R3", "Y", plus(JAN6, 141)),
            ass("A4", "R4", "Y", plus("2024-01-08", 378)),
            ass("A5", "R5", "Y", plus(FEB3, 250), week20="1"),
            ass("A6", "R6", "Y", plus(FEB3, 100), med="Yes"),
            ass("A7", "R7", "Y", D("2024-10-01")),
            ass("A9", "R9", "N", plus(MAR3, 119)),
            ass("A10", "R10", "N", plus(MAR3, 112)),
            ass("A11", "R11", "A", None),
            ass("A12", "R12", "Y", D("2025-03-01")),
            ass("A13", "R13", "Y", D("2025-07-01")),
            ass("A16", "R16", "N", None),  # N without its outcome date
            ass("A-orphan", "R999", "Y", D("2025-05-01")),
        ],
    )
    write_table(
        folder,
        "namedplan",
        [
            plan("NP1", "A1", plus(JAN6, 140)),
            plan("NP2", "A2", plus(JAN6, 139)),
            plan("NP3", "A3", plus(JAN6, 141)),
            plan("NP4", "A4", plus("2024-01-08", 378)),
            plan("NP5", "A5", plus(FEB3, 250)),
            plan("NP6", "A6", plus(FEB3, 100)),
            plan("NP7", "A7", D("2024-10-01")),
            plan("NP11", "A11", None),  # a plan row without a start date: not issued
            plan("NP12", "A12", D("2025-03-01")),
            plan("NP13", "A13", D("2025-07-01")),
            plan("NP-orphan", "A999", D("2025-05-01")),
        ],
    )
    write_table(
        folder,
        "activeplans",
        [
            review("AP1", "R7", D(MAR3), "M", plus(MAR3, 28)),  # 28 days: within 4 weeks
            review("AP2", "R4", D("2025-06-02"), "A", plus("2025-06-02", 42)),  # over 4 weeks
            review("AP3", "R3", D("2025-12-01"), "", None),  # due 2025-12-29: overdue at export
            review("AP4", "R999", D(MAR3), "M", plus(MAR3, 7)),  # no such request
            review("AP5", "R2", D("2025-05-01"), "M", D("2025-04-01")),  # meeting after decision
            review("AP6", "R1", D("2025-06-02"), "Z", D("2025-06-20")),  # unknown code
        ],
    )
    return folder


# --year 2025, exclusive counting, mediation/tribunal cases excluded.
EXPECTED = {
    "plans_issued_den": 7,  # R1 R2 R3 R4 R5 R12 R13 (R6 appealed, R7 issued in 2024)
    "plans_issued_within_20_weeks": 2,  # R1 (day 140) R2 (day 139)
    "plans_issued_gt20weeks_ltyear": 2,  # R3 (141) R5 (250)
    "plans_issued_gt_1_year": 1,  # R4 (378)
    "plans_issued_no_request_date": 2,  # R12 (request after plan), R13 (no request date)
    "plans_issued_den_ex": 6,  # R5 claims an exception
    "plans_issued_20_weeks_ex": 2,
    "plans_issued_gt20weeks_ltyear_ex": 1,
    "plans_issued_gt_1_year_ex": 1,
    "pc_plans_issued_within_20_weeks": 28.6,  # 2/7
    "pc_plans_issued_20_weeks_ex": 33.3,  # 2/6
    "pc_plans_issued_gt20weeks_ltyear": 28.6,
    "pc_plans_issued_gt_1_year": 14.3,
    "avg_weeks_issue_plan": 29.9,  # (140+139+141+378+250)/5/7 = 29.94
    "avg_weeks_issue_plan_exc": 28.5,  # (140+139+141+378)/4/7 = 28.50
    "plans_with_exceptions": 1,
    "pc_plans_with_exceptions": 14.3,
    "boundary_cases": 1,  # R1
    "excluded_appealed": 1,  # R6
    "requests_received_in_year": 11,  # R1-3 R5 R6 R8-R12 R16
    "request_outcome_six_weeks": 9,  # all decided ones but R9
    "request_outcome_over_6_weeks": 1,  # R9
    "outcome_decision_within_time": 1,  # R10, day 112
    "outcome_decision_over_time": 1,  # R9, day 119
    "decision_4_weeks": 1,  # AP1
    "decision_over_4_weeks": 1,  # AP2
    "open_requests_past_20_weeks": 1,  # R11
    "review_decisions_overdue": 1,  # AP3
}
BAD = {
    ("requests", "R13"),  # receiveddate missing
    ("requests", "R14"),  # unknown code
    ("requests", "R15"),  # no such person
    ("requests", "R16"),  # Y without requestoutcomedate
    ("assessment", "A16"),  # N without assessmentoutcomedate
    ("assessment", "A-orphan"),
    ("assessment", "A12"),  # its request's receiveddate after assessmentoutcomedate
    ("namedplan", "NP-orphan"),
    ("namedplan", "NP12"),  # request after startdate
    ("activeplans", "AP4"),
    ("activeplans", "AP5"),
    ("activeplans", "AP6"),
}
