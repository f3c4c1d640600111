"""Timeliness results as JSON, CSV, a terminal table, and the --cases list.

Measures are keyed by the DfE's names of the release asked for (sen2.measure_names); a
percentage with no denominator is JSON null and CSV "x", as the DfE's files show it.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sendtime.engine.model import Counting
from sendtime.law.england import sen2
from sendtime.law.england.rules import RULES_BY_ID
from sendtime.law.england.timeliness import Case, Group, Result, Value
from sendtime.render.csv import write_rows

SCHEMA = "sendtime.timeliness/1"
STEPS = {
    "plans_issued_within_20_weeks": sen2.PLAN_STEP,
    "request_outcome_six_weeks": sen2.REQUEST_STEP,
    "outcome_decision_within_time": sen2.NO_PLAN_STEP,
    "decision_4_weeks": sen2.REVIEW_STEP,
}
CASE_COLUMNS = ("kind", "ref", "group", "step", "due", "outcome", "weeks_elapsed")
BAND_KEYS = (
    "plans_issued_within_20_weeks",
    "plans_issued_gt20weeks_ltyear",
    "plans_issued_gt_1_year",
)


@dataclass(frozen=True, slots=True)
class About:
    """What the figures were computed from and how (shown in every format)."""

    source: str  # "sen2-blade" or "caseload"
    release: str
    by: str | None
    as_at: str
    bad_records: int
    notes: tuple[str, ...] = ()


def boundary_words(counting: Counting) -> str:
    """Which reading of "within 20 weeks of" the figures use, and what boundary_cases counts."""
    if counting is Counting.EXCLUSIVE:
        reading = (
            "exclusive: the day of the request is not counted, so a plan issued on day 140 "
            "(20 weeks to the day) is within 20 weeks"
        )
    else:
        reading = "inclusive: the day of the request is day 1, so a plan issued on day 140 is late"
    return (
        f"{reading}; boundary_cases counts the plans on which the exclusive and inclusive "
        "readings differ (the DfE has not published its convention)"
    )


def _names(release: str) -> dict[str, str]:
    return sen2.measure_names(release)


def result_dict(r: Result, about: About) -> dict[str, Any]:
    """The JSON document (schema sendtime.timeliness/1)."""
    names = _names(about.release)
    return {
        "schema": SCHEMA,
        "year": r.year,
        "counting": r.counting.value,
        "release": about.release,
        "source": about.source,
        "as_at": about.as_at,
        "by": about.by,
        "include_appealed": r.include_appealed,
        "boundary": boundary_words(r.counting),
        "steps": {
            names[m]: {"step": s, "citation": RULES_BY_ID[s].citation} for m, s in STEPS.items()
        },
        "bad_records": about.bad_records,
        "groups": [
            {"group": g.group, **{names[k]: v for k, v in g.measures.items()}} for g in r.groups
        ],
        "notes": list(about.notes),
    }


def _cell(v: Value) -> str:
    if v is None:
        return "x"
    return str(v)


def result_csv(r: Result, about: About) -> str:
    """One row per group: time_period, counting, group, then the measures."""
    names = _names(about.release)
    out = io.StringIO()
    header = ["time_period", "counting", "group", *(names[m] for m in sen2.MEASURES)]
    rows = [
        [str(r.year), r.counting.value, g.group, *(_cell(g.measures[m]) for m in sen2.MEASURES)]
        for g in r.groups
    ]
    write_rows(out, header, rows)
    return out.getvalue()


def cases_rows(cases: Sequence[Case]) -> list[list[str]]:
    """The --cases records as CSV cells."""
    return [
        [c.kind, c.ref, c.group, c.step, c.due.isoformat(), c.verdict.value, str(c.weeks_elapsed)]
        for c in cases
    ]


def cases_csv(cases: Sequence[Case]) -> str:
    """The --cases file as CSV."""
    out = io.StringIO()
    write_rows(out, CASE_COLUMNS, cases_rows(cases))
    return out.getvalue()


def cases_jsonl(cases: Sequence[Case]) -> str:
    """The --cases file as JSON Lines."""
    import json

    lines = []
    for row in cases_rows(cases):
        rec: dict[str, object] = dict(zip(CASE_COLUMNS, row, strict=True))
        rec["weeks_elapsed"] = float(row[-1])
        lines.append(json.dumps(rec, ensure_ascii=False))
    return "".join(line + "\n" for line in lines)


def histogram_bins(g: Group, *, width: int = 4, last: int = 104) -> list[tuple[str, int]]:
    """Plans per band of ``width`` completed weeks to issue, the last band open-ended."""
    bins: list[tuple[str, int]] = []
    for lo in range(0, last, width):
        n = sum(c for (w, _), c in g.weeks.items() if lo <= w < lo + width)
        bins.append((f"{lo}-{lo + width - 1}", n))
    bins.append((f"{last}+", sum(c for (w, _), c in g.weeks.items() if w >= last)))
    while len(bins) > 56 // width + 1 and bins[-1][1] == 0:
        bins.pop()  # the empty tail after the 52-week line says nothing
    return bins


TABLE_ROWS = (
    "plans_issued_den",
    "plans_issued_within_20_weeks",
    "pc_plans_issued_within_20_weeks",
    "plans_issued_den_ex",
    "plans_issued_20_weeks_ex",
    "pc_plans_issued_20_weeks_ex",
    "plans_issued_gt20weeks_ltyear",
    "plans_issued_gt_1_year",
    "avg_weeks_issue_plan",
    "avg_weeks_issue_plan_exc",
    "pc_plans_with_exceptions",
    "boundary_cases",
    "excluded_appealed",
    "plans_issued_no_request_date",
    "request_outcome_six_weeks",
    "request_outcome_over_6_weeks",
    "outcome_decision_within_time",
    "outcome_decision_over_time",
    "decision_4_weeks",
    "decision_over_4_weeks",
    "open_requests_past_20_weeks",
    "review_decisions_overdue",
)


def result_table(r: Result, about: About, console: Any) -> None:
    """The terminal view: key measures per group, then weeks to issue as bars with 20/52 marks."""
    from rich.table import Table
    from rich.text import Text

    names = _names(about.release)
    title = f"EHC plan timeliness {r.year} ({r.counting.value} counting; DfE {about.release} names)"
    t = Table(title=title, title_justify="left")
    t.add_column("measure")
    for g in r.groups:
        t.add_column(Text(g.group), justify="right")
    for m in TABLE_ROWS:
        t.add_row(names[m], *(_cell(g.measures[m]) for g in r.groups))
    console.print(t)
    g = r.groups[0]
    top = max((n for _, n in histogram_bins(g)), default=0)
    console.print(Text(f"Weeks to issue, {g.group} plans (each # ~ {max(1, -(-top // 40))})"))
    for label, n in histogram_bins(g):
        bar = "#" * (0 if top == 0 else round(40 * n / top))
        lo = int(label.rstrip("+").split("-")[0])
        mark = " <- 20 weeks" if lo == 20 else " <- 52 weeks" if lo == 52 else ""
        console.print(Text(f"{label:>8} {n:>6} {bar}{mark}"))
    for g in r.groups:
        shares = " / ".join(_cell(g.measures["pc_" + k]) for k in BAND_KEYS)
        console.print(Text(f"{g.group}: within 20 / 20-52 / over 52 weeks (%): {shares}"))
    console.print(Text(boundary_words(r.counting)))
