"""Local rules, the pure core: offsets in every unit, chains, skipping, statutory steps kept."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import pytest
from hypothesis import given
from hypothesis import strategies as st

import sendtime
from sendtime import Calendar, Confidence, Kind, Status, Unit, When
from sendtime.engine.errors import BadInput, NeedsMoreData
from sendtime.engine.localrules import Direction, LocalRule, parse_offset
from sendtime.engine.model import CalendarInfo, Counting, Step, Timeline
from sendtime.engine.terms import Period, Terms
from sendtime.law.england.local import apply_local_rules, known_anchors, validate
from tests.conftest import d

TERMS = Terms(
    terms=(
        Period(d("2025-09-02"), d("2025-12-19"), "Autumn 2025"),
        Period(d("2026-01-05"), d("2026-03-27"), "Spring 2026"),
    ),
    closures=(Period(d("2025-10-27"), d("2025-10-31"), "Half term"),),
    name="Test school",
)
SCHOOL = Calendar(terms=TERMS)


def rule(after: str, offset: str, rid: str = "local.x", file: str = "test.toml") -> LocalRule:
    amount, unit, direction = parse_offset(offset)
    return LocalRule(rid, f"Title of {rid}", after, amount, unit, direction, "Our policy", file)


def fake_timeline(
    steps: dict[str, dt.date | None],
    *,
    process: str = "assess",
    trigger: dt.date | None = None,
    projected: frozenset[str] = frozenset(),
) -> Timeline:
    return Timeline(
        process=process,
        inputs=(),
        counting=Counting.EXCLUSIVE,
        calendar=CalendarInfo("england-and-wales", "test"),
        steps=tuple(
            Step(
                id=sid,
                title=sid,
                date=date,
                kind=Kind.DEADLINE,
                status=Status.STATUTORY,
                confidence=Confidence.VERIFIED,
                citation="SEND Regulations 2014",
                basis="test",
                projected=sid in projected,
            )
            for sid, date in steps.items()
        ),
        trigger=trigger,
    )


def one(anchor: str, offset: str, cal: Calendar | None = None) -> dt.date | None:
    t = fake_timeline({"assess.decision": d(anchor)})
    out = apply_local_rules(t, [rule("assess.decision", offset)], calendar=cal or Calendar())
    return out.step("local.x").date


# ------------------------------------------------------------------------------ parsing
@pytest.mark.parametrize(
    ("text", "amount", "unit", "direction"),
    [
        ("1 week", 1, Unit.WEEKS, Direction.AFTER),
        ("-6 weeks", 6, Unit.WEEKS, Direction.BEFORE),
        ("8 weeks", 8, Unit.WEEKS, Direction.AFTER),
        ("6 weeks before", 6, Unit.WEEKS, Direction.BEFORE),
        ("6 weeks after", 6, Unit.WEEKS, Direction.AFTER),
        ("+2 weeks", 2, Unit.WEEKS, Direction.AFTER),
        ("3 working days", 3, Unit.WORKING_DAYS, Direction.AFTER),
        ("1 working day", 1, Unit.WORKING_DAYS, Direction.AFTER),
        ("2 school days", 2, Unit.SCHOOL_DAYS, Direction.AFTER),
        ("-1 school day", 1, Unit.SCHOOL_DAYS, Direction.BEFORE),
        ("1 month", 1, Unit.MONTHS, Direction.AFTER),
        ("-3 months", 3, Unit.MONTHS, Direction.BEFORE),
        ("10 days", 10, Unit.DAYS, Direction.AFTER),
        ("1 day", 1, Unit.DAYS, Direction.AFTER),
        ("0 days", 0, Unit.DAYS, Direction.AFTER),
        ("  - 6   WEEKS  ", 6, Unit.WEEKS, Direction.BEFORE),
        ("3 Working  Days", 3, Unit.WORKING_DAYS, Direction.AFTER),
        ("10days", 10, Unit.DAYS, Direction.AFTER),
        ("2 School Days Before", 2, Unit.SCHOOL_DAYS, Direction.BEFORE),
    ],
)
def test_offsets_are_read_in_every_spelling(
    text: str, amount: int, unit: Unit, direction: Direction
) -> None:
    assert parse_offset(text) == (amount, unit, direction)


@pytest.mark.parametrize(
    ("text", "why"),
    [
        ("six weeks", "expected N days"),
        ("6 fortnights", "expected N days"),
        ("6", "expected N days"),
        ("weeks", "expected N days"),
        ("1.5 weeks", "expected N days"),
        ("6 working weeks", "expected N days"),
        ("-6 weeks before", "not both"),
        ("0 working days", "no day"),
        ("0 school days", "no day"),
        ("1000 days", "999 at most"),
        ("", "expected N days"),
    ],
)
def test_unreadable_offsets_say_what_was_expected(text: str, why: str) -> None:
    with pytest.raises(ValueError, match=why):
        parse_offset(text)


# ------------------------------------------------------------------------------ arithmetic
@pytest.mark.parametrize(
    ("anchor", "offset", "expected"),
    [
        # days and weeks: anchor + N (the anchor day is not counted)
        ("2025-03-14", "10 days", "2025-03-24"),
        ("2025-03-14", "-10 days", "2025-03-04"),
        ("2025-03-14", "0 days", "2025-03-14"),
        ("2025-02-21", "1 week", "2025-02-28"),
        ("2025-03-14", "-6 weeks", "2025-01-31"),
        ("2025-03-14", "-8 weeks", "2025-01-17"),
        ("2024-12-20", "3 weeks", "2025-01-10"),
        # months: the corresponding date; none (29th-31st): the month's last day
        ("2025-01-15", "1 month", "2025-02-15"),
        ("2025-01-31", "1 month", "2025-02-28"),
        ("2025-03-31", "-1 month", "2025-02-28"),
        ("2024-02-29", "12 months", "2025-02-28"),
        ("2025-05-15", "-3 months", "2025-02-15"),
        ("2023-12-31", "2 months", "2024-02-29"),
    ],
)
def test_calendar_offsets(anchor: str, offset: str, expected: str) -> None:
    assert one(anchor, offset) == d(expected)


@pytest.mark.parametrize(
    ("anchor", "offset", "expected"),
    [
        # Easter 2025: Good Friday 18 April, Easter Monday 21 April
        ("2025-04-17", "1 working day", "2025-04-22"),
        ("2025-04-17", "3 working days", "2025-04-24"),
        ("2025-04-22", "-1 working day", "2025-04-17"),
        ("2025-04-22", "-2 working days", "2025-04-16"),
        ("2025-04-19", "1 working day", "2025-04-22"),  # from a Saturday
        ("2025-04-19", "-1 working day", "2025-04-17"),
        # Christmas 2025: 25, 26 December and 1 January 2026 are bank holidays
        ("2025-12-18", "3 working days", "2025-12-23"),
        ("2025-12-23", "1 working day", "2025-12-24"),
        ("2025-12-23", "2 working days", "2025-12-29"),
        ("2025-12-23", "5 working days", "2026-01-02"),
        ("2026-01-02", "-5 working days", "2025-12-23"),
        ("2025-12-24", "-1 working day", "2025-12-23"),
    ],
)
def test_working_day_offsets_skip_weekends_and_bank_holidays(
    anchor: str, offset: str, expected: str
) -> None:
    assert one(anchor, offset) == d(expected)


@pytest.mark.parametrize(
    ("anchor", "offset", "expected"),
    [
        ("2025-10-24", "1 school day", "2025-11-03"),  # over the half term
        ("2025-11-03", "-1 school day", "2025-10-24"),
        ("2025-10-22", "5 school days", "2025-11-05"),
        ("2025-12-19", "1 school day", "2026-01-05"),  # over the Christmas holiday
        ("2026-01-06", "-2 school days", "2025-12-19"),
        ("2025-12-20", "1 school day", "2026-01-05"),  # from a holiday
        ("2025-10-29", "-1 school day", "2025-10-24"),  # from inside the half term
    ],
)
def test_school_day_offsets_use_the_term_dates(anchor: str, offset: str, expected: str) -> None:
    assert one(anchor, offset, SCHOOL) == d(expected)


def test_school_days_without_terms_name_file_rule_and_field(eng: Calendar) -> None:
    with pytest.raises(BadInput) as exc:
        one("2025-10-24", "2 school days", eng)
    msg = str(exc.value)
    assert msg.startswith("--rules test.toml: rule local.x, field offset: ")
    assert "--terms" in msg


def test_school_days_leaving_the_term_file_need_more_data() -> None:
    with pytest.raises(NeedsMoreData, match=r"test\.toml: rule local\.x, field offset: "):
        one("2026-03-20", "10 school days", SCHOOL)
    with pytest.raises(NeedsMoreData, match="outside the term dates"):
        one("2026-06-01", "1 school day", SCHOOL)


# ------------------------------------------------------------------------------ the steps
def test_a_local_step_is_practice_with_its_source_and_basis(eng: Calendar) -> None:
    t = fake_timeline({"review.latest-meeting": d("2025-03-14")}, process="review")
    r = replace(rule("review.latest-meeting", "-6 weeks"), source="School policy")
    s = apply_local_rules(t, [r], calendar=eng, today=d("2025-01-20")).step("local.x")
    assert s.date == d("2025-01-31")
    assert s.weekday == "Friday"
    assert (s.kind, s.status, s.confidence) == (Kind.PRACTICE, Status.PRACTICE, Confidence.LOCAL)
    assert s.citation == "School policy"
    assert s.source == "School policy"
    assert s.basis == "6 weeks before 2025-03-14 (review.latest-meeting)"
    assert (s.days_left, s.when) == (11, When.DUE)
    assert s.projected is False
    assert s.notes == ()
    assert "2025-03-14 (Friday) - 42 days = 2025-01-31 (Friday)." in s.explain
    assert any("not a statutory deadline" in line for line in s.explain)


def test_a_trigger_anchor_counts_from_the_commands_trigger(eng: Calendar) -> None:
    t = sendtime.assess(d("2025-01-10"))
    out = apply_local_rules(t, [rule("assess.trigger", "3 working days")], calendar=eng)
    s = out.step("local.x")
    assert s.date == d("2025-01-15")
    assert s.basis == "3 working days after 2025-01-10 (assess.trigger)"


def test_chains_follow_through_local_rules_in_any_file_order(eng: Calendar) -> None:
    t = fake_timeline({"assess.decision": d("2025-02-21")})
    rules = [
        rule("local.b", "2 weeks", "local.c"),  # c <- b <- a <- assess.decision
        rule("local.a", "3 working days", "local.b"),
        rule("assess.decision", "1 week", "local.a"),
    ]
    out = apply_local_rules(t, rules, calendar=eng)
    assert out.step("local.a").date == d("2025-02-28")
    assert out.step("local.b").date == d("2025-03-05")
    assert out.step("local.c").date == d("2025-03-19")
    assert out.step("local.c").basis == "2 weeks after 2025-03-05 (local.b)"
    assert out.ids[-3:] == ("local.c", "local.b", "local.a")  # file order


def test_rules_anchored_elsewhere_are_skipped_with_their_chains(eng: Calendar) -> None:
    t = sendtime.draft(d("2025-01-10"))
    rules = [
        rule("assess.decision", "1 week", "local.a"),  # draft emits no assess.decision
        rule("local.a", "1 week", "local.b"),
        rule("assess.trigger", "1 week", "local.c"),  # another command's trigger
        rule("draft.trigger", "1 day", "local.d"),
    ]
    out = apply_local_rules(t, rules, calendar=eng)
    assert out.ids[len(t.steps) :] == ("local.d",)
    assert out.step("local.d").date == d("2025-01-11")


def test_no_rule_applying_returns_the_timeline_itself(eng: Calendar) -> None:
    t = sendtime.draft(d("2025-01-10"))
    assert apply_local_rules(t, [rule("assess.decision", "1 week")], calendar=eng) is t
    assert apply_local_rules(t, [], calendar=eng) is t


def test_an_undated_anchor_gives_an_undated_local_step(eng: Calendar) -> None:
    t = fake_timeline({"assess.decision": None})
    rules = [rule("assess.decision", "1 week", "local.a"), rule("local.a", "1 week", "local.b")]
    out = apply_local_rules(t, rules, calendar=eng)
    assert out.step("local.a").date is None
    assert out.step("local.a").basis == "no date: assess.decision has no date"
    assert out.step("local.b").basis == "no date: local.a has no date"


def test_a_projected_anchor_makes_the_local_step_projected(eng: Calendar) -> None:
    t = sendtime.assess(d("2025-01-10"))  # assess.advice is projected from the decision
    out = apply_local_rules(t, [rule("assess.advice", "1 week")], calendar=eng)
    s = out.step("local.x")
    assert s.projected is True
    assert s.date == d("2025-04-11")
    assert s.notes == ("projected: counted from assess.advice, which was projected",)


def test_a_weekend_date_is_noted_not_moved(eng: Calendar) -> None:
    s = apply_local_rules(
        fake_timeline({"assess.decision": d("2025-01-31")}),
        [rule("assess.decision", "1 day")],
        calendar=eng,
    ).step("local.x")
    assert s.date == d("2025-02-01")
    assert s.notes == ("falls on a non-working day (Saturday)",)


def test_repeated_steps_can_be_anchors(eng: Calendar) -> None:
    t = sendtime.assess(d("2025-01-10"), advice_requested=[d("2025-03-03"), d("2025-03-10")])
    assert "assess.advice-2" in t.ids
    validate([rule("assess.advice-2", "1 week")])
    out = apply_local_rules(t, [rule("assess.advice-2", "1 week")], calendar=eng)
    assert out.step("local.x").date == d("2025-04-28")


def test_statutory_steps_are_unchanged_by_local_rules(eng: Calendar) -> None:
    t = sendtime.assess(d("2024-03-01"), today=d("2024-03-04"))
    rules = [
        rule("assess.decision", "-6 weeks", "local.a"),
        rule("assess.final", "3 working days", "local.b"),
        rule("local.a", "1 month", "local.c"),
        rule("assess.trigger", "-2 days", "local.d"),
    ]
    out = apply_local_rules(t, rules, calendar=eng, today=d("2024-03-04"))
    assert out.steps[: len(t.steps)] == t.steps
    assert replace(out, steps=t.steps) == t
    assert len(out.steps) == len(t.steps) + 4


@given(
    st.dates(dt.date(2015, 1, 1), dt.date(2040, 12, 31)),
    st.integers(1, 60),
    st.sampled_from(["days", "weeks", "months", "working days"]),
    st.booleans(),
)
def test_property_statutory_steps_never_move(
    eng: Calendar, received: dt.date, n: int, unit: str, before: bool
) -> None:
    t = sendtime.assess(received)
    offset = f"{'-' if before else ''}{n} {unit}"
    out = apply_local_rules(t, [rule("assess.decision", offset)], calendar=eng)
    assert out.steps[:-1] == t.steps
    assert out.steps[-1].id == "local.x"


@given(st.dates(dt.date(2015, 1, 1), dt.date(2040, 12, 31)), st.integers(1, 40))
def test_property_nth_working_day_is_a_working_day_n_working_days_on(
    eng: Calendar, anchor: dt.date, n: int
) -> None:
    later = one(anchor.isoformat(), f"{n} working days")
    assert later is not None
    assert eng.is_working_day(later)
    assert eng.working_days_between(anchor, later) == n
    earlier = one(anchor.isoformat(), f"-{n} working days")
    assert earlier is not None
    assert eng.is_working_day(earlier)
    # n working days lie in [earlier, anchor): the anchor itself never counts
    assert eng.working_days_between(earlier, anchor - dt.timedelta(days=1)) == n - 1


# ------------------------------------------------------------------------------ validation
def test_validation_accepts_step_ids_triggers_and_local_ids() -> None:
    rules = [
        rule("assess.decision", "1 week", "local.a"),
        rule("local.a", "1 week", "local.b"),
        rule("draft.trigger", "1 week", "local.c"),
        rule("service.deemed", "1 day", "local.d"),
    ]
    assert validate(rules) == tuple(rules)
    assert {"assess.trigger", "draft.trigger", "assess.final"} <= known_anchors()


def test_a_test_only_fake_anchor_is_accepted_when_known() -> None:
    fake = known_anchors() | {"review.latest-meeting"}
    r = rule("review.latest-meeting", "-8 weeks")
    assert validate([r], known=fake) == (r,)


@pytest.mark.parametrize(
    ("rules", "expected"),
    [
        (
            [rule("assess.decisoin", "1 week")],
            "--rules test.toml: rule local.x, field after: unknown anchor 'assess.decisoin'",
        ),
        (
            [rule("local.nowhere", "1 week")],
            "--rules test.toml: rule local.x, field after: unknown anchor 'local.nowhere'",
        ),
        (
            [rule("assess.advice-2", "1 day", "local.a"), rule("assess.final-2", "1 day")],
            "--rules test.toml: rule local.x, field after: unknown anchor 'assess.final-2'",
        ),
        (
            [rule("assess.decision", "1 week", "hco-contact")],
            "--rules test.toml: rule hco-contact, field id: 'hco-contact' must start with",
        ),
        (
            [rule("assess.decision", "1 week", "local.")],
            "--rules test.toml: rule local., field id: 'local.' must start with",
        ),
        (
            [
                rule("assess.decision", "1 week", "local.a"),
                rule("assess.final", "1 day", "local.a"),
            ],
            "--rules test.toml: rule local.a, field id: duplicate id (also rule #1 of the file)",
        ),
        (
            [rule("local.b", "1 week", "local.a"), rule("local.a", "1 week", "local.b")],
            "--rules test.toml: rule local.a, field after: cycle local.a -> local.b -> local.a",
        ),
        (
            [rule("local.a", "1 week", "local.a")],
            "--rules test.toml: rule local.a, field after: cycle local.a -> local.a",
        ),
        (
            [
                rule("assess.decision", "1 week", "local.z"),
                rule("local.c", "1 week", "local.a"),
                rule("local.a", "1 week", "local.b"),
                rule("local.b", "1 week", "local.c"),
            ],
            "rule local.a, field after: cycle local.a -> local.c -> local.b -> local.a",
        ),
    ],
)
def test_each_validation_error_names_file_rule_and_field(
    rules: list[LocalRule], expected: str
) -> None:
    with pytest.raises(BadInput) as exc:
        validate(rules)
    assert expected in str(exc.value)
    assert "\n" not in str(exc.value)


def test_command_input_anchor_uses_the_given_date_else_its_stand_in() -> None:
    from sendtime import Calendar, review
    from sendtime.engine.localrules import LocalRule
    from sendtime.law.england.local import apply_local_rules, known_anchors

    assert {"review.meeting", "review.notice-sent", "assess.draft-served"} <= known_anchors()
    rule = LocalRule(
        id="local.invites",
        title="Invitations",
        after="review.meeting",
        amount=6,
        unit=Unit.WEEKS,
        direction=Direction.BEFORE,
        source="school policy",
        file="t.toml",
    )
    cal = Calendar()
    given = apply_local_rules(
        review(d("2024-03-15"), meeting=d("2025-02-03")), [rule], calendar=cal
    )
    assert given.step("local.invites").date == d("2024-12-23")  # 6 weeks before the meeting
    assert not given.step("local.invites").projected
    projected = apply_local_rules(review(d("2024-03-15")), [rule], calendar=cal)
    assert projected.step("local.invites").date == d("2025-01-03")  # before the latest meeting
    assert projected.step("local.invites").projected
