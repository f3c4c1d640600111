"""Confidence never rises along a chain: a step is no surer than what it rests on (17.7)."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

import sendtime
from sendtime.engine.model import CONFIDENCE_ORDER, Confidence, Method, Rule, Status, weakest
from sendtime.law.england.rules import RULES, RULES_BY_ID
from tests.conftest import d


def rank(c: Confidence) -> int:
    return CONFIDENCE_ORDER.index(c)  # 0 = verified, the strongest


def chain_best(rule: Rule) -> Confidence:
    """The strongest confidence the rule's chain allows (alternative parts: the best of them)."""
    caps = [RULES_BY_ID[x].confidence for x in rule.derives_from]
    if rule.anchor in RULES_BY_ID:
        caps.append(chain_best(RULES_BY_ID[rule.anchor]))
    if rule.method is Method.LATER_OF and rule.parts:
        caps.append(min((chain_best(RULES_BY_ID[p]) for p in rule.parts), key=rank))
    return weakest(rule.confidence, *caps)


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.id)
def test_table_never_claims_more_than_its_chain(rule: Rule) -> None:
    assert rule.confidence is chain_best(rule), (
        f"{rule.id} is {rule.confidence.value} but rests on something weaker"
    )
    for name in rule.derives_from:
        assert name in RULES_BY_ID, name


def test_latest_meeting_rests_on_reg_20_10_which_is_secondary() -> None:
    t = sendtime.review(d("2024-03-15"))
    assert t.step("review.decision").confidence is Confidence.SECONDARY
    assert t.step("review.latest-meeting").confidence is Confidence.SECONDARY
    assert RULES_BY_ID["review.latest-meeting"].derives_from == ("review.decision",)
    # a step projected from it says so (projected), and keeps its own rule's confidence
    assert t.step("review.invitations").projected


def test_a_given_meeting_is_not_weakened_by_the_projection() -> None:
    t = sendtime.review(d("2024-03-15"), meeting=d("2025-02-10"))
    assert t.step("review.invitations").confidence is Confidence.VERIFIED


@pytest.mark.parametrize("kind", ["sixth-form", "apprenticeship", "unknown"])
def test_a_plan_worked_back_from_guidance_is_guidance(kind: str) -> None:
    t = sendtime.transfer(2026, kind=kind)
    assert {s.confidence for s in t.steps} == {Confidence.GUIDANCE}
    assert {s.status for s in t.steps} == {Status.GUIDANCE}


def test_a_school_transfer_plan_stays_secondary() -> None:
    t = sendtime.transfer(2026, kind="school")
    assert t.step("transfer.school").confidence is Confidence.VERIFIED
    assert t.step("transfer.latest-meeting").confidence is Confidence.SECONDARY


def _timelines(day: dt.date) -> list[sendtime.Timeline]:
    return [
        sendtime.assess(day),
        sendtime.assess(posted=day, post="first"),
        sendtime.draft(day),
        sendtime.review(day),
        sendtime.review(day, meeting=day + dt.timedelta(days=300)),
        sendtime.amend(day),
        sendtime.transfer(day.year + 1, kind="school"),
        sendtime.transfer(day.year + 1, kind="sixth-form"),
        sendtime.move(day + dt.timedelta(days=20), aware=day),
        sendtime.reassess(day),
        sendtime.appeal(day, certificate=day + dt.timedelta(days=40)),
        sendtime.order(day, type="make-plan"),
        sendtime.cease(day),
        sendtime.appeal(day, la_received_appeal=day + dt.timedelta(days=70)),
        sendtime.reassess(day + dt.timedelta(days=100), last_assessment=day),
    ]


@given(st.dates(dt.date(2014, 9, 1), dt.date(2040, 6, 30)))
def test_no_step_is_surer_than_its_rule_or_what_it_rests_on(day: dt.date) -> None:
    for t in _timelines(day):
        by_id = {s.id: s for s in t.steps}
        for s in t.steps:
            rule = RULES_BY_ID.get(s.id.rsplit("-", 1)[0] if s.id[-1].isdigit() else s.id)
            if rule is None:
                continue
            assert rank(s.confidence) >= rank(rule.confidence), s.id
            rests = [*rule.derives_from]
            if rule.anchor in by_id and not s.projected:
                rests.append(rule.anchor)
            for r in rests:
                other = by_id.get(r)
                level = other.confidence if other else RULES_BY_ID[r].confidence
                assert rank(s.confidence) >= rank(level), (s.id, r)
