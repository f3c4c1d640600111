"""England's reg 10(4)(a)/(b) closure test: does a closure of the setting excuse a time limit.

SEND Regulations 2014 reg 10(4)(a) (schools and post-16 institutions) and (b) (early years
providers): the LA need not comply with a time limit if it is impractical because the setting
"is closed for a continuous period of not less than 4 weeks", for a request made "during the
period beginning one week before" the closure "and ending one week before the date on which it
re-opens". The closures themselves come from the setting's term dates (engine/terms.py).
"""

from __future__ import annotations

import datetime as dt

from sendtime.engine.model import ClosureCheck
from sendtime.engine.periods import add_days
from sendtime.engine.terms import SettingKind, Terms
from sendtime.law.england.rules import NO_CLOSURE_LIMB_NOTE

WINDOW_LEAD_DAYS = 7  # "beginning one week before ... ending one week before it re-opens"


def closure_limb(terms: Terms) -> str:
    """The reg 10(4) closure limb: (a) schools and post-16, (b) early years providers."""
    return "reg 10(4)(b)" if terms.kind is SettingKind.EARLY_YEARS else "reg 10(4)(a)"


def closure_check(terms: Terms, requested: dt.date) -> ClosureCheck:
    """The reg 10(4)(a)/(b) test for one advice request date (docs/terms-and-reviews.md).

    The limb is engaged when the date lies in [first closed day - 7, reopening day - 7],
    both ends inclusive, of a continuous closure of at least 4 weeks. Dates the file does
    not cover give ``engaged=None``, never a guess.
    """
    limb = closure_limb(terms)
    if not terms.covers(requested):
        return ClosureCheck(
            requested,
            engaged=None,
            limb=limb,
            note=(
                f"{requested.isoformat()} is outside the term dates of {terms.label} "
                f"({terms.first_day.isoformat()} to {terms.last_day.isoformat()}): not known"
            ),
        )
    for c in terms.long_closures():
        window = (
            add_days(c.first_closed_day, -WINDOW_LEAD_DAYS),
            add_days(c.reopens, -WINDOW_LEAD_DAYS),
        )
        if window[0] <= requested <= window[1]:
            return ClosureCheck(
                requested,
                engaged=True,
                limb=limb,
                window=window,
                closure=c,
                note=(
                    f"requested within a week before, or during, a closure of "
                    f"{(c.reopens - c.first_closed_day).days} days: the time limit may be "
                    f"disapplied under {limb} if it is impractical to meet it (a judgement, "
                    f"not automatic); {NO_CLOSURE_LIMB_NOTE}"
                ),
            )
    if requested > add_days(terms.last_day, -WINDOW_LEAD_DAYS):
        return ClosureCheck(
            requested,
            engaged=None,
            limb=limb,
            note=(
                f"the term dates of {terms.label} end on {terms.last_day.isoformat()}; a "
                "closure starting after that could engage the limb: add the next term"
            ),
        )
    return ClosureCheck(
        requested,
        engaged=False,
        limb=limb,
        note=(
            "not within a week before, or during, a closure of 4 weeks or more: the "
            f"closure limb does not apply; {NO_CLOSURE_LIMB_NOTE}"
        ),
    )
