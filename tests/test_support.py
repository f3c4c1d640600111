"""SEN Support: three meetings a year from term dates, and assess-plan-do-review cycles."""

from __future__ import annotations

import pytest

from sendtime import Calendar
from sendtime.engine.errors import BadInput, NeedsMoreData
from sendtime.engine.terms import Period, Terms
from sendtime.io.loaders import load_terms
from sendtime.law.england.support import parse_every, support
from tests.conftest import EXAMPLES, Invoke, d, date_of

STAFFS = EXAMPLES / "terms-staffordshire-2025-26.toml"

# Somerset 2014-15, six terms (docs/pupil-and-support.md)
SOMERSET = Terms(
    (
        Period(d("2014-09-01"), d("2014-10-24"), "Term 1"),
        Period(d("2014-11-03"), d("2014-12-19"), "Term 2"),
        Period(d("2015-01-05"), d("2015-02-13"), "Term 3"),
        Period(d("2015-02-23"), d("2015-03-27"), "Term 4"),
        Period(d("2015-04-13"), d("2015-05-22"), "Term 5"),
        Period(d("2015-06-01"), d("2015-07-20"), "Term 6"),
    )
)


def test_three_terms_with_half_terms() -> None:
    t = support(calendar=Calendar(terms=load_terms(STAFFS)))
    assert [s.id for s in t.steps] == [
        "support.meeting-1",
        "support.meeting-2",
        "support.meeting-3",
    ]
    assert [s.date for s in t.steps] == [d("2025-12-19"), d("2026-03-27"), d("2026-07-17")]
    assert all(s.status.value == "guidance" for s in t.steps)
    assert "CoP" in t.steps[0].citation or "Code of Practice" in t.steps[0].citation


def test_six_term_calendar_pairs_terms() -> None:
    t = support(calendar=Calendar(terms=SOMERSET))
    assert [date_of(t, f"support.meeting-{i}") for i in (1, 2, 3)] == [
        d("2014-12-19"),
        d("2015-03-27"),
        d("2015-07-20"),
    ]
    assert "Term 1, Term 2" in t.step("support.meeting-1").basis


def test_last_term_day_not_a_school_day_moves_back() -> None:
    terms = Terms(
        (Period(d("2025-09-02"), d("2025-12-20")),),  # ends on a Saturday
    )
    t = support(calendar=Calendar(terms=terms))
    assert date_of(t, "support.meeting-1") == d("2025-12-19")


def test_every_six_weeks_on_school_days() -> None:
    t = support(calendar=Calendar(terms=load_terms(STAFFS)), every=6)
    cycles = [s for s in t.steps if s.id.startswith("support.cycle-")]
    cal = Calendar(terms=load_terms(STAFFS))
    assert cycles[0].date == d("2025-10-14")  # 2025-09-02 + 6 weeks
    assert all(s.date is not None and cal.is_school_day(s.date) for s in cycles)
    # 2025-09-02 + 30 weeks = Tue 2026-03-31, Easter holidays: back to Fri 2026-03-27
    assert date_of(t, "support.cycle-5") == d("2026-03-27")
    assert "moved back" in t.step("support.cycle-5").basis


def test_from_and_to_filter() -> None:
    t = support(
        calendar=Calendar(terms=load_terms(STAFFS)), start=d("2026-01-01"), end=d("2026-04-30")
    )
    assert [s.id for s in t.steps] == ["support.meeting-1"]
    assert t.steps[0].date == d("2026-03-27")


def test_without_terms_needs_more_data() -> None:
    with pytest.raises(NeedsMoreData, match="--terms"):
        support(calendar=Calendar())


@pytest.mark.parametrize(("text", "weeks"), [("6w", 6), ("6 weeks", 6), ("4W", 4), ("12wk", 12)])
def test_parse_every(text: str, weeks: int) -> None:
    assert parse_every(text) == weeks


@pytest.mark.parametrize("text", ["six", "0w", "6d", ""])
def test_parse_every_rejects(text: str) -> None:
    with pytest.raises(BadInput, match="--every"):
        parse_every(text)


def test_cli_support(cli: Invoke) -> None:
    r = cli(["support", "--terms", str(STAFFS), "-f", "csv"])
    assert r.exit_code == 0
    assert "support.meeting-3,SEN Support: meet parents (summer 2026),2026-07-17" in r.stdout
    r = cli(["support"])
    assert r.exit_code == 3
    assert "--terms" in r.stderr
