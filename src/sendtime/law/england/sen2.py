"""SEN2 and the DfE's published timeliness measures: codes and names, as data.

Sources (docs/timeliness.md lists them with what each fixes):
- DfE "Education, health and care plans" releases 2025 and 2026, data guidance of
  timeliness_20_week.csv, requests.csv, assessments.csv and annual_reviews.csv (measure names).
- SEN2 person-level return: items 2.x request outcome, 3.1 assessment outcome, 3.7 week20,
  4.x named plan, 5.4-5.6 reviews (Blade column names). The DfE guide's code lists could not be
  read for this release; codes marked ``verified=False`` come from vendor and public code and are
  reported, never dropped, when a file holds any other code.
"""

from __future__ import annotations

from enum import StrEnum
from typing import NamedTuple


class RequestOutcome(StrEnum):
    """SEN2 requestoutcome: what the LA decided about the request for an assessment."""

    ASSESS = "assess"  # Y
    NOT_ASSESS = "not-assess"  # N
    ONGOING = "ongoing"  # A, or blank: no decision yet
    WITHDRAWN = "withdrawn"  # W
    HISTORIC = "historic"  # H: a record carried from earlier returns, in no measure


class AssessOutcome(StrEnum):
    """SEN2 assessmentoutcome: the decision whether to issue an EHC plan."""

    ISSUE = "issue"  # Y
    NO_PLAN = "no-plan"  # N
    ONGOING = "ongoing"  # A, or blank
    WITHDRAWN = "withdrawn"  # W
    HISTORIC = "historic"  # H
    OTHER_LA = "other-la"  # S: plan issued after an assessment completed by another LA


class Code(NamedTuple):
    """One code of a SEN2 item, its meaning and whether a DfE document confirmed it."""

    code: str
    meaning: str
    verified: bool


REQUEST_CODES: dict[str, tuple[RequestOutcome, Code]] = {
    "Y": (RequestOutcome.ASSESS, Code("Y", "decided to assess", verified=False)),
    "N": (RequestOutcome.NOT_ASSESS, Code("N", "decided not to assess", verified=False)),
    "A": (RequestOutcome.ONGOING, Code("A", "decision not yet made", verified=False)),
    "W": (RequestOutcome.WITHDRAWN, Code("W", "withdrawn before a decision", verified=False)),
    "H": (RequestOutcome.HISTORIC, Code("H", "historic record", verified=False)),
    "": (RequestOutcome.ONGOING, Code("", "blank: no decision yet", verified=False)),
}
ASSESS_CODES: dict[str, tuple[AssessOutcome, Code]] = {
    "Y": (AssessOutcome.ISSUE, Code("Y", "decided to issue a plan", verified=False)),
    "N": (AssessOutcome.NO_PLAN, Code("N", "decided not to issue a plan", verified=False)),
    "A": (AssessOutcome.ONGOING, Code("A", "decision not yet made", verified=False)),
    "W": (AssessOutcome.WITHDRAWN, Code("W", "withdrawn or ceased", verified=False)),
    "H": (AssessOutcome.HISTORIC, Code("H", "historic record", verified=False)),
    "S": (
        AssessOutcome.OTHER_LA,
        Code("S", "plan issued after an assessment completed by another LA", verified=False),
    ),
    "": (AssessOutcome.ONGOING, Code("", "blank: no decision yet", verified=False)),
}
REVIEW_CODES: dict[str, Code] = {
    "A": Code("A", "amend the EHC plan", verified=False),
    "C": Code("C", "cease the EHC plan", verified=False),
    "M": Code("M", "maintain the EHC plan", verified=False),
    "": Code("", "blank: no decision recorded", verified=False),
}
TRUE_WORDS = frozenset({"1", "true", "y", "yes"})
FALSE_WORDS = frozenset({"0", "false", "n", "no", ""})

# The steps each measure judges: the rule rows of rules.py, through the one outcome engine.
PLAN_STEP = "assess.final"  # reg 13(2): 20 weeks
REQUEST_STEP = "assess.decision"  # reg 5(1): 6 weeks
NO_PLAN_STEP = "assess.no-plan"  # reg 10(1): 16 weeks
REVIEW_STEP = "review.decision"  # reg 20(10): 4 weeks
YEAR_BAND_WEEKS = 52  # the DfE's statistical band "after 52 weeks"; no rule of law

# Measures in the DfE 2026 release's spelling, in its file's column order; then sendtime's own.
PLAN_MEASURES = (
    "plans_issued_den",
    "plans_issued_den_ex",
    "plans_issued_within_20_weeks",
    "plans_issued_20_weeks_ex",
    "pc_plans_issued_within_20_weeks",
    "pc_plans_issued_20_weeks_ex",
    "plans_issued_gt20weeks_ltyear",
    "plans_issued_gt20weeks_ltyear_ex",
    "pc_plans_issued_gt20weeks_ltyear",
    "pc_plans_issued_gt20weeks_ltyear_ex",
    "plans_issued_gt_1_year",
    "plans_issued_gt_1_year_ex",
    "pc_plans_issued_gt_1_year",
    "pc_plans_issued_gt_1_year_ex",
    "avg_weeks_issue_plan",
    "avg_weeks_issue_plan_exc",
)
REQUEST_MEASURES = (
    "requests_received_in_year",
    "request_outcome_six_weeks",
    "request_outcome_over_6_weeks",
    "request_outcome_six_weeks_pc",
    "request_outcome_over_6_weeks_pc",
)
ASSESS_MEASURES = (
    "outcome_decision_within_time",
    "outcome_decision_over_time",
    "outcome_decision_within_time_pc",
    "outcome_decision_over_time_pc",
)
REVIEW_MEASURES = (
    "decision_4_weeks",
    "decision_over_4_weeks",
    "pc_decision_4_weeks",
    "pc_decision_over_4_weeks",
)
OWN_MEASURES = (
    "plans_with_exceptions",
    "pc_plans_with_exceptions",
    "boundary_cases",
    "excluded_appealed",
    "plans_issued_no_request_date",
    "plans_issued_other_la",
    "open_requests_past_20_weeks",
    "review_decisions_overdue",
)
MEASURES = PLAN_MEASURES + REQUEST_MEASURES + ASSESS_MEASURES + REVIEW_MEASURES + OWN_MEASURES

# The 2025 release (calendar 2024) spelled these differently; --release 2025 uses its names.
# pc_decision_4_weeks and pc_decision_over_4_weeks are sendtime's names for the 2026 release,
# whose guidance names no percentage columns for annual reviews.
RELEASE_2025 = {
    "pc_plans_issued_20_weeks_ex": "PC_plans_issued_20_weeks_ex",
    "plans_issued_gt20weeks_ltyear": "plans_issued_gt20weeks_ltYear",
    "pc_plans_issued_gt20weeks_ltyear": "pc_plans_issued_gt20weeks_ltYear",
    "plans_issued_gt20weeks_ltyear_ex": "plans_issued_gt20weeks_ltYear_ex",
    "pc_plans_issued_gt20weeks_ltyear_ex": "PC_plans_issued_gt20weeks_ltYear_ex",
    "pc_plans_issued_gt_1_year_ex": "PC_plans_issued_gt_1_year_ex",
    "decision_4_weeks": "number_decsion_4weeks",
    "decision_over_4_weeks": "number_decision_gt_4weeks",
    "pc_decision_4_weeks": "pc_decsion_4weeks",
    "pc_decision_over_4_weeks": "pc_decision_gt_4weeks",
}
RELEASES = ("2026", "2025")


def measure_names(release: str) -> dict[str, str]:
    """Map sendtime's key (the 2026 spelling) -> the column name of that DfE release."""
    rename = RELEASE_2025 if release == "2025" else {}
    return {m: rename.get(m, m) for m in MEASURES}
