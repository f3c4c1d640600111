"""School-year arithmetic in England: academic years, year groups, compulsory school age.

A leaf: pure date arithmetic that reviews (preparation for adulthood from Year 9) and the pupil
command (year group, next transfer) both build on.
"""

from __future__ import annotations

import datetime as dt

from sendtime.engine.errors import BadInput
from sendtime.engine.terms import Terms

LAST_FRIDAY_OF_JUNE_WEEKDAY = 4  # Friday
YEAR_GROUPS = (-3, 14)  # the year groups sendtime knows: nursery (-3 to -1) to Year 14


def check_year_group(year_group: int) -> int:
    """A year group within YEAR_GROUPS, or BadInput naming it (CLI, caseload, library alike)."""
    low, high = YEAR_GROUPS
    if not low <= year_group <= high:
        problem = f": expected a whole number from {low} to {high}"
        raise BadInput.about("year_group", year_group, problem)
    return year_group


def academic_year_start(d: dt.date) -> int:
    """The calendar year in which the academic year containing d began (1 September)."""
    return d.year if d.month >= 9 else d.year - 1


def year_group_on(dob: dt.date, day: dt.date) -> int:
    """National Curriculum year group on a day: Y - B - 5 (0 = Reception, -1 = nursery).

    Y and B are the years the academic years of ``day`` and of the birth began.
    Born 2015-03-10 -> Year 6 in 2025-26.
    """
    return academic_year_start(day) - academic_year_start(dob) - 5


def last_friday_of_june(year: int) -> dt.date:
    """The school leaving date (Education (School Leaving Date) Order 1997)."""
    d = dt.date(year, 6, 30)
    return d - dt.timedelta(days=(d.weekday() - LAST_FRIDAY_OF_JUNE_WEEKDAY) % 7)


def birthday(dob: dt.date, age: int) -> dt.date:
    """The day a child born on dob reaches an age (29 February -> 1 March in other years)."""
    try:
        return dob.replace(year=dob.year + age)
    except ValueError:
        return dt.date(dob.year + age, 3, 1)


def compulsory_school_age_end(
    dob: dt.date, terms: Terms | None = None
) -> tuple[dt.date, tuple[str, ...]]:
    """The day compulsory school age ends (Education Act 1996 s.8(3)) and any warning.

    It ends on the school leaving date (the last Friday in June) of the academic year in which
    the child turns 16; a 16th birthday after that June date but before the next school year
    begins ends it in that June (s.8(3)(a)). The school year begins with the autumn term, so
    birthdays from 1 September to the day before term starts need term dates to decide.
    """
    sixteen = birthday(dob, 16)
    june = last_friday_of_june(academic_year_start(sixteen) + 1)
    if sixteen.month != 9:
        return june, ()
    previous = last_friday_of_june(sixteen.year)
    if terms is not None:
        autumn = [
            t.start for t in terms.terms if t.start.year == sixteen.year and t.start.month >= 8
        ]
        if autumn:
            return (previous, ()) if sixteen < min(autumn) else (june, ())
    if sixteen.day <= 7:
        return june, (
            f"16th birthday {sixteen.isoformat()} falls in early September: if it comes before "
            f"the autumn term starts, compulsory school age ended on {previous.isoformat()} "
            "(Education Act 1996 s.8(3)(a)); give --terms to decide",
        )
    return june, ()
