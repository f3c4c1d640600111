"""Rows added or corrected by the legal audit (issue 17: items 3, 4, 5, 9, 11, 13, 14, 17)."""

from __future__ import annotations

import pytest

import sendtime
from sendtime.engine.model import Confidence, ExceptionKind, RecordedException, Status, Unit
from sendtime.law.england.rules import RULES, RULES_BY_ID
from tests.conftest import Invoke, d, date_of


def test_every_secondary_row_names_its_source() -> None:  # 17.17
    missing = [r.id for r in RULES if r.confidence is Confidence.SECONDARY and not r.secondary]
    assert missing == []
    t = sendtime.reassess(d("2025-03-03"))
    note = t.step("reassess.decision").notes[0]
    assert note.startswith("secondary source: Kent County Council")


def test_advice_other_is_the_codes_guidance_not_practice() -> None:  # 17.3
    t = sendtime.assess(d("2024-03-01"), advice_requested=[d("2024-03-20")])
    s = t.step("assess.advice-other")
    assert (s.confidence, s.status) == (Confidence.GUIDANCE, Status.GUIDANCE)
    assert s.date == d("2024-05-01")  # 6 weeks = 42 days after Wed 2024-03-20
    assert "paragraph not verified" in s.citation


def test_health_only_mediation_runs_from_the_las_notice_to_the_body() -> None:  # 17.4
    given = sendtime.appeal(
        d("2025-06-02"), mediation_requested=d("2025-06-09"), la_told_body=d("2025-06-11")
    )
    assert date_of(given, "appeal.mediation") == d("2025-07-09")  # LA: from being told
    assert date_of(given, "appeal.mediation-health") == d("2025-07-11")  # body: from the notice
    assert not given.step("appeal.mediation-health").projected
    projected = sendtime.appeal(d("2025-06-02"), mediation_requested=d("2025-06-09"))
    step = projected.step("appeal.mediation-health")
    assert step.projected  # from appeal.health-notice, Thu 2025-06-12 (3 working days)
    assert step.date == d("2025-07-12")


def test_la_response_counts_tribunal_working_days() -> None:  # 17.11
    rule = RULES_BY_ID["appeal.la-response"]
    assert rule.unit is Unit.TRIBUNAL_DAYS
    # Mon 2025-07-14: 13 working days to 31 July, August not counted, the 30th is Tue 09-23
    t = sendtime.appeal(d("2025-06-02"), la_received_appeal=d("2025-07-14"))
    assert date_of(t, "appeal.la-response") == d("2025-09-23")
    # Mon 2025-12-01: 25 December-1 January not counted -> Tue 2026-01-20
    t = sendtime.appeal(d("2025-10-01"), la_received_appeal=d("2025-12-01"))
    assert date_of(t, "appeal.la-response") == d("2026-01-20")
    assert t.step("appeal.la-response").confidence is Confidence.SECONDARY
    assert sendtime.appeal(d("2025-06-02")).step("appeal.la-response").date is None


def test_a_decision_before_21_july_2020_says_which_r12_wording_applied() -> None:  # 17.9
    old = sendtime.appeal(d("2020-06-01")).step("appeal.deadline")
    assert any("decision sent before 21 July 2020" in n for n in old.notes)
    assert any("decision sent before 21 july 2020" in x.lower() for x in old.explain)
    new = sendtime.appeal(d("2020-07-21")).step("appeal.deadline")
    assert not any("before 21 July 2020" in n for n in new.notes)


def test_reg_8_2_c_missed_appointment_disapplies_advice() -> None:  # 17.5
    x = RecordedException(ExceptionKind.APPOINTMENT, d("2024-04-10"), d("2024-04-10"))
    t = sendtime.assess(d("2024-03-01"), advice_requested=[d("2024-03-20")], exceptions=[x])
    advice = t.step("assess.advice")
    assert advice.disapplied is not None
    assert advice.disapplied.limb == "reg 8(2)(c)"
    assert advice.date == d("2024-05-01")  # the date never moves
    assert t.step("assess.decision").disapplied is None  # reg 5(4) has no such limb


def test_reg_44_3_limbs() -> None:  # 17.5
    late = RecordedException(ExceptionKind.REPRESENTATIONS)
    t = sendtime.order(d("2025-03-03"), type="amend", exceptions=[late])
    s = t.step("order.amend")
    assert s.disapplied is not None
    assert "GOV.UK SEND18" in s.disapplied.limb
    short = RecordedException(ExceptionKind.ABSENCE, d("2025-03-10"), d("2025-03-22"))  # 13 days
    assert (
        sendtime.order(d("2025-03-03"), type="amend", exceptions=[short])
        .step("order.amend")
        .disapplied
        is None
    )
    long = RecordedException(ExceptionKind.ABSENCE, d("2025-03-10"), d("2025-03-23"))  # 14 days
    assert (
        sendtime.order(d("2025-03-03"), type="amend", exceptions=[long])
        .step("order.amend")
        .disapplied
        is not None
    )


def test_order_reconsider_has_no_invented_period() -> None:  # 17.17
    s = sendtime.order(d("2025-03-03"), type="reconsider").step("order.reconsider")
    assert s.date is None
    assert any("SI 2001/3455" in n for n in s.notes)
    dated = sendtime.order(
        d("2025-03-03"), type="reconsider", tribunal_direction=d("2025-03-24")
    ).step("order.reconsider")
    assert dated.date == d("2025-03-24")


def test_continue_amend_names_its_sources() -> None:  # 17.17
    assert "Surrey SENDIASS" in RULES_BY_ID["order.continue-amend"].secondary


@pytest.mark.parametrize(
    ("last", "next_request"),
    [
        ("2024-09-10", "2025-03-11"),  # 6 months on is 2025-03-10: a request that day is within
        ("2024-08-31", "2025-03-01"),  # no 31 February: 2025-02-28, then the day after
    ],
)
def test_next_reassessment_request_after_six_months(last: str, next_request: str) -> None:
    t = sendtime.reassess(d("2025-04-01"), last_assessment=d(last))  # 17.13
    assert date_of(t, "reassess.next-request") == d(next_request)
    assert "reassess.next-request" not in sendtime.reassess(d("2025-04-01")).ids


def test_post16_to_post16_guidance_beside_the_five_months() -> None:  # 17.14
    t = sendtime.transfer(kind="post16-other", transfer_date=d("2026-09-01"))
    assert date_of(t, "transfer.post16-other") == d("2026-03-31")  # 5 months clear
    g = t.step("transfer.post16-other-guidance")
    assert g.date == d("2026-03-31")  # "normally by 31 March"
    assert g.status is Status.GUIDANCE
    january = sendtime.transfer(kind="post16-other", transfer_date=d("2026-01-05"))
    assert "transfer.post16-other-guidance" not in january.ids


def test_cli_options_for_the_new_inputs(cli: Invoke) -> None:
    r = cli(["appeal", "2025-06-02", "--la-received-appeal", "2025-07-14", "-f", "json"])
    assert r.exit_code == 0
    assert '"2025-09-23"' in r.stdout
    r = cli(["reassess", "2025-04-01", "--last-assessment", "2024-09-10", "-f", "csv"])
    assert "reassess.next-request" in r.stdout
    assert "2025-03-11" in r.stdout
    r = cli(["assess", "2024-03-01", "--exception", "appointment:2024-04-10..2024-04-10"])
    assert r.exit_code == 0
