"""The pupil: year groups from dates of birth, compulsory school age, the next transfer."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sendtime.engine.errors import BadInput
from sendtime.engine.terms import Period, Terms
from sendtime.law.england.pupils import (
    Destination,
    Structure,
    compulsory_school_age_end,
    facts,
    last_friday_of_june,
    next_transfer,
)
from tests.conftest import d


def test_spec_example_born_2015_03_10() -> None:
    p = facts(d("2015-03-10"), today=d("2025-11-01"))
    assert p.year_group == 6
    assert p.academic_year == "2025-26"
    assert p.compulsory_school_age_ends == d("2031-06-27")
    assert not p.preparation_for_adulthood
    t, warns = next_transfer(p)
    assert t is not None
    assert (t.year, t.kind) == (2026, "school")
    assert warns == ()


@pytest.mark.parametrize(
    ("dob", "today", "year_group"),
    [
        ("2014-08-31", "2025-11-01", 7),  # youngest in the 2013-14 cohort
        ("2014-09-01", "2025-11-01", 6),  # oldest in the next cohort
        ("2020-08-31", "2025-09-01", 1),  # turned 5 in 2024-25: Year 1
        ("2020-09-01", "2025-09-01", 0),  # turns 5 in 2025-26: Reception
        ("2016-02-29", "2025-11-01", 5),  # leap day
        ("2010-06-01", "2025-08-31", 10),  # last day of the academic year
        ("2010-06-01", "2025-09-01", 11),  # first day of the next
    ],
)
def test_year_group_boundaries(dob: str, today: str, year_group: int) -> None:
    assert facts(d(dob), today=d(today)).year_group == year_group


def test_out_of_year_group_wins_and_warns() -> None:
    p = facts(d("2014-09-01"), today=d("2025-11-01"), year_group=5)
    assert p.year_group == 5
    assert p.year_group_given
    assert any("out of year group" in w for w in p.warnings)
    t, _ = next_transfer(p)
    assert t is not None
    assert t.year == 2027


@pytest.mark.parametrize(
    ("year", "friday"),
    [(2031, "2031-06-27"), (2026, "2026-06-26"), (2025, "2025-06-27"), (2024, "2024-06-28")],
)
def test_last_friday_of_june(year: int, friday: str) -> None:
    assert last_friday_of_june(year) == d(friday)


@pytest.mark.parametrize(
    ("dob", "ends"),
    [
        ("2009-08-31", "2025-06-27"),  # turns 16 on 2025-08-31: after June, before the new year
        ("2009-06-28", "2025-06-27"),  # the day after the leaving date: s.8(3)(a)
        ("2009-06-27", "2025-06-27"),  # on the leaving date: s.8(3)(b)
        ("2010-01-15", "2026-06-26"),
        ("2008-02-29", "2024-06-28"),  # leap-day birth
        ("2009-09-20", "2026-06-26"),  # after term has surely started
    ],
)
def test_compulsory_school_age_end(dob: str, ends: str) -> None:
    end, warns = compulsory_school_age_end(d(dob))
    assert end == d(ends)
    assert warns == ()


def test_early_september_birthday_warns_without_terms_and_is_decided_with_them() -> None:
    end, warns = compulsory_school_age_end(d("2009-09-02"))
    assert end == d("2026-06-26")
    assert warns
    assert "2025-06-27" in warns[0]
    terms = Terms((Period(d("2025-09-03"), d("2025-12-19")),))
    assert compulsory_school_age_end(d("2009-09-02"), terms) == (d("2025-06-27"), ())
    early = Terms((Period(d("2025-09-01"), d("2025-12-19")),))
    assert compulsory_school_age_end(d("2009-09-02"), early) == (d("2026-06-26"), ())


@pytest.mark.parametrize(
    ("dob", "today", "structure", "after", "year", "kind"),
    [
        ("2021-10-01", "2025-11-01", Structure.TWO_TIER, None, 2026, "school"),  # nursery -> R
        ("2015-03-10", "2025-11-01", Structure.TWO_TIER, None, 2026, "school"),  # Y6 -> Y7
        ("2012-03-10", "2025-11-01", Structure.TWO_TIER, None, 2028, "post16"),  # Y9 -> post-16
        ("2019-03-10", "2025-11-01", Structure.INFANT, None, 2026, "school"),  # Y2 -> junior
        ("2017-03-10", "2025-11-01", Structure.JUNIOR, None, 2028, "school"),  # Y4 -> Y7
        ("2014-03-10", "2025-11-01", Structure.MIDDLE, 8, 2027, "school"),  # Y7 -> Y9
        ("2010-03-10", "2025-11-01", Structure.SECONDARY, None, 2026, "post16"),  # Y11
    ],
)
def test_next_transfer_by_structure(
    dob: str, today: str, structure: Structure, after: int | None, year: int, kind: str
) -> None:
    t, warns = next_transfer(facts(d(dob), today=d(today)), structure, transfer_after_year=after)
    assert t is not None
    assert (t.year, t.kind) == (year, kind)
    assert t.is_transfer
    assert warns == ()


def test_sixth_form_is_not_a_transfer() -> None:
    p = facts(d("2010-03-10"), today=d("2025-11-01"))
    t, _ = next_transfer(p, Structure.SECONDARY, destination=Destination.SIXTH_FORM)
    assert t is not None
    assert not t.is_transfer


def test_year_group_outside_structure_warns_without_transfer() -> None:
    p = facts(d("2012-03-10"), today=d("2025-11-01"))  # Year 9
    t, warns = next_transfer(p, Structure.PRIMARY)
    assert t is None
    assert "outside a primary setting" in warns[0]
    t, warns = next_transfer(facts(d("2008-03-10"), today=d("2025-11-01")))  # Year 13
    assert t is None
    assert warns


def test_middle_needs_transfer_year_and_dob_not_in_future() -> None:
    p = facts(d("2014-03-10"), today=d("2025-11-01"))
    with pytest.raises(BadInput, match="--transfer-after-year"):
        next_transfer(p, Structure.MIDDLE)
    with pytest.raises(BadInput, match="after today"):
        facts(d("2026-01-01"), today=d("2025-11-01"))


@given(
    st.dates(dt.date(2000, 1, 1), dt.date(2035, 12, 31)),
    st.dates(dt.date(2014, 9, 1), dt.date(2040, 12, 31)),
)
def test_year_group_rises_by_one_each_first_of_september(dob: dt.date, today: dt.date) -> None:
    if dob > today:
        return
    p = facts(dob, today=today)
    later = (
        today.replace(year=today.year + 1)
        if (today.month, today.day) != (2, 29)
        else dt.date(today.year + 1, 3, 1)
    )
    assert facts(dob, today=later).year_group == p.year_group + 1
    # older children are never in a lower year group
    assert facts(dob - dt.timedelta(days=1), today=today).year_group >= p.year_group
