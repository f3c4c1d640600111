"""order (regs 44, 45) and mediation agreements (reg 42)."""

from __future__ import annotations

import json

import pytest

import sendtime
from sendtime import BadInput, ExceptionKind, RecordedException
from sendtime.law.england.rules import ORDER_STEPS, UNOPPOSED_STEPS
from sendtime.law.england.tribunal import ORDER_TYPES, UNOPPOSED_TYPES
from tests.conftest import Invoke, d

ORDER_DAY = d("2025-03-03")  # a Monday

# --type -> (step id, date) from the order of Mon 2025-03-03; None = "immediately".
EXPECTED: dict[str, list[tuple[str, str | None]]] = {
    "assess": [
        ("order.assess-notify", "2025-03-17"),
        ("order.no-plan", "2025-05-12"),
        ("order.assess-final", "2025-06-09"),
    ],
    "make-plan": [("order.draft", "2025-04-07"), ("order.final", "2025-05-19")],
    "reconsider": [("order.reconsider", "2025-03-17")],
    "amend": [("order.amend", "2025-04-07")],
    "school": [("order.school", "2025-03-17")],
    "continue": [("order.continue", None)],
    "continue-amend": [("order.continue", None), ("order.continue-amend", "2025-04-07")],
    "cease": [("order.cease", None)],
}


@pytest.mark.parametrize("kind", list(EXPECTED))
def test_every_order_type(kind: str) -> None:
    t = sendtime.order(ORDER_DAY, type=kind)
    got = [(s.id, s.date.isoformat() if s.date else None) for s in t.steps]
    assert got == EXPECTED[kind]
    for s in t.steps:
        if s.date is None:
            assert s.basis.startswith("immediately")
    assert t.trigger == ORDER_DAY


def test_every_order_id_of_the_spec_is_reachable() -> None:
    ids = {s.id for kind in ORDER_TYPES for s in sendtime.order(ORDER_DAY, type=kind).steps}
    assert ids == {f"order.{sfx}" for sfx, *_ in ORDER_STEPS}


def test_inclusive_counting_applies_to_reg_44() -> None:
    t = sendtime.order(ORDER_DAY, type="make-plan", counting=sendtime.Counting.INCLUSIVE)
    assert t.step("order.draft").date == d("2025-04-06")


@pytest.mark.parametrize(
    ("kind", "expected"),
    [
        (
            "assess",
            [
                ("unopposed.assess-notify", "2025-03-17"),
                ("unopposed.no-plan", "2025-05-12"),
                ("unopposed.assess-final", "2025-06-09"),
            ],
        ),
        ("make-plan", [("unopposed.draft", "2025-04-07"), ("unopposed.final", "2025-05-19")]),
        ("amend", [("unopposed.amend", "2025-04-07")]),
        ("school", [("unopposed.school", "2025-03-17")]),
    ],
)
def test_unopposed(kind: str, expected: list[tuple[str, str]]) -> None:
    t = sendtime.order(ORDER_DAY, type=kind, unopposed=True)
    assert [(s.id, s.date.isoformat() if s.date else None) for s in t.steps] == expected
    assert all("LA told the Tribunal it will not oppose" in s.basis for s in t.steps)


def test_every_unopposed_id_is_reachable() -> None:
    ids = {
        s.id
        for kind in UNOPPOSED_TYPES
        for s in sendtime.order(ORDER_DAY, type=kind, unopposed=True).steps
    }
    assert ids == {f"unopposed.{sfx}" for sfx, *_ in UNOPPOSED_STEPS}


@pytest.mark.parametrize("kind", ["reconsider", "continue", "continue-amend", "cease"])
def test_unopposed_without_a_reg_45_period_is_refused(kind: str) -> None:
    with pytest.raises(sendtime.BadInput, match="reg 45"):
        sendtime.order(ORDER_DAY, type=kind, unopposed=True)


def test_unknown_type_is_refused(cli: Invoke) -> None:
    r = cli(["order", "2025-03-03", "--type", "appeal"])
    assert r.exit_code == 2
    assert "--type 'appeal'" in r.stderr


def test_tribunal_direction_replaces_the_last_step_and_is_cited() -> None:
    t = sendtime.order(ORDER_DAY, type="make-plan", tribunal_direction=d("2025-05-01"))
    final = t.step("order.final")
    assert final.date == d("2025-05-01")
    assert final.citation.startswith("First-tier Tribunal direction (2025-05-01)")
    assert "2025-05-19" in final.basis  # the regulation's date is still shown
    assert t.step("order.draft").date == d("2025-04-07")


def test_order_sent_shows_both_counts() -> None:
    t = sendtime.order(ORDER_DAY, type="make-plan", order_sent=d("2025-03-05"))
    assert t.ids == ("order.draft", "order.final", "order.draft-sent", "order.final-sent")
    assert t.step("order.draft").date == d("2025-04-07")
    assert t.step("order.draft-sent").date == d("2025-04-09")
    assert t.step("order.final-sent").date == d("2025-05-21")
    assert t.step("order.final-sent").kind is sendtime.Kind.GUIDANCE
    immediate = sendtime.order(ORDER_DAY, type="cease", order_sent=d("2025-03-05"))
    assert immediate.ids == ("order.cease",)


def test_order_sent_before_the_order_is_refused() -> None:
    with pytest.raises(sendtime.BadInput, match="--order-sent"):
        sendtime.order(ORDER_DAY, type="amend", order_sent=d("2025-03-01"))


@pytest.mark.parametrize(
    ("start", "end", "disapplied"),
    [("2025-03-03", "2025-03-16", True), ("2025-03-03", "2025-03-15", False)],
)
def test_reg_44_3_absence_threshold_is_14_days(start: str, end: str, disapplied: bool) -> None:
    ex = RecordedException(ExceptionKind.ABSENCE, d(start), d(end))
    s = sendtime.order(ORDER_DAY, type="amend", exceptions=[ex]).step("order.amend")
    assert (s.disapplied is not None) is disapplied
    assert s.date == d("2025-04-07")  # never moved
    if s.disapplied:
        assert s.disapplied.limb.startswith("reg 44(3)")


def test_reg_44_3_does_not_reach_unopposed_or_guidance_steps() -> None:
    ex = RecordedException(ExceptionKind.PERSONAL)
    t = sendtime.order(ORDER_DAY, type="amend", order_sent=d("2025-03-05"), exceptions=[ex])
    assert t.step("order.amend").disapplied is not None
    assert t.step("order.amend-sent").disapplied is None


def test_mediation_agreement_shapes() -> None:
    a = d("2025-02-03")
    other = sendtime.mediation(a)
    assert [(s.id, s.date) for s in other.steps] == [("mediation.other", d("2025-02-17"))]
    plan = sendtime.mediation(a, type="make-plan", la_not_party=True)
    assert [(s.id, s.date) for s in plan.steps] == [
        ("mediation.draft", d("2025-03-10")),
        ("mediation.final", d("2025-04-21")),
        ("mediation.health-notify", d("2025-02-10")),
    ]
    agreed = sendtime.mediation(a, type="make-plan", agreed_date=d("2025-06-30"))
    final = agreed.step("mediation.final")
    assert final.date == d("2025-06-30")
    assert "reg 42(5)" in final.citation
    ex = RecordedException(ExceptionKind.PERSONAL)
    assert sendtime.mediation(a, type="amend", exceptions=[ex]).step("mediation.amend").disapplied
    assert sendtime.mediation(a, exceptions=[ex]).step("mediation.other").disapplied is None


def test_cli_order_json_ids(cli: Invoke) -> None:
    seen: set[str] = set()
    for kind in ORDER_TYPES:
        r = cli(["order", "2025-03-03", "--type", kind, "--order-sent", "2025-03-04", "-f", "json"])
        assert r.exit_code == 0, r.stderr
        seen |= {s["id"] for s in json.loads(r.stdout)["steps"]}
    for kind in UNOPPOSED_TYPES:
        r = cli(["order", "2025-03-03", "--type", kind, "--unopposed", "-f", "json"])
        assert r.exit_code == 0, r.stderr
        seen |= {s["id"] for s in json.loads(r.stdout)["steps"]}
    spec = {f"order.{sfx}" for sfx, *_ in ORDER_STEPS} | {
        f"unopposed.{sfx}" for sfx, *_ in UNOPPOSED_STEPS
    }
    assert spec <= seen
    assert {f"order.{sfx}-sent" for sfx, _, _, w, _ in ORDER_STEPS if w} <= seen


def test_cli_immediately_is_null_with_basis(cli: Invoke) -> None:
    r = cli(["order", "2025-03-03", "--type", "cease", "-f", "json"])
    step = json.loads(r.stdout)["steps"][0]
    assert step["date"] is None
    assert "immediately" in step["basis"]


def test_cli_direction_and_mediation(cli: Invoke) -> None:
    r = cli(["order", "2025-03-03", "--type", "school", "--tribunal-direction", "2025-03-31"])
    assert r.exit_code == 0
    assert "2025-03-31" in r.stdout
    assert "direction" in r.stdout
    m = cli(["mediation", "2025-02-03", "--type", "school", "--la-not-party", "-f", "csv"])
    assert m.exit_code == 0
    assert "mediation.school,Mediation agreement" in m.stdout
    assert "mediation.health-notify" in m.stdout


def test_order_and_transfer_kinds_take_enums_or_words() -> None:
    from sendtime.law.england.reviews import TransferKind, transfer
    from sendtime.law.england.tribunal import OrderType, order

    a = order(d("2025-03-03"), type=OrderType.MAKE_PLAN)
    assert a.steps == order(d("2025-03-03"), type="make-plan").steps
    assert dict(a.inputs)["type"] == "make-plan"
    t = transfer(2026, kind=TransferKind.SCHOOL)
    assert t.steps == transfer(2026, kind="school").steps
    assert dict(t.inputs)["kind"] == "school"
    with pytest.raises(BadInput, match="--type 'other': expected one of assess, make-plan"):
        order(d("2025-03-03"), type=OrderType.OTHER)  # a mediation's type, not an order's
