"""Deemed service: the day a document sent by post, by hand or by email counts as received.

Interpretation Act 1978 s.7 (post: first class on the 2nd working day after posting, second
class on the 4th, as the CPR 6.26 table and the courts read it) and CPR 6.26 for hand delivery
and email (a working day before 16:30, else the next working day). A deemed date is a
presumption: its row is Method.DEEMED_SERVICE, which the engine reads through England's RuleSet.
"""

from __future__ import annotations

import datetime as dt

from sendtime.engine.methods import Anchor, Computed, Context, iso
from sendtime.engine.model import Rule

POST_DAYS = {"first": 2, "second": 4}
CUT_OFF = dt.time(16, 30)


def deemed_service(rule: Rule, a: Anchor, ctx: Context) -> Computed:
    """Method.DEEMED_SERVICE: the deemed day of service from the day posted or delivered."""
    cal = ctx.calendar
    if a.name == "posted":
        cls = ctx.options.get("post", "first")
        n = POST_DAYS[cls]
        d = cal.add_working_days(a.date, n)
        nth = f"{n}{'nd' if n == 2 else 'th'}"
        return Computed(
            d,
            f"posted {cls} class on {a.date.isoformat()}: deemed served on the {nth} working "
            "day after posting",
            (
                f"{cls.capitalize()} class post is deemed delivered on the {nth} working day after "
                f"posting: {iso(d)}.",
            ),
        )
    by = ctx.options.get("by", "hand")
    at = ctx.options.get("at")
    when = dt.time.fromisoformat(at) if at else None
    same_day = cal.is_working_day(a.date) and (when is None or when < CUT_OFF)
    d = a.date if same_day else cal.next_working_day(a.date)
    why = (
        "a working day before 16:30"
        if same_day
        else "not a working day before 16:30, so the next working day"
    )
    lines = [f"Delivered by {by} on {iso(a.date)}{' at ' + at if at else ''}: {why}: {iso(d)}."]
    notes: tuple[str, ...] = ()
    if when is None and cal.is_working_day(a.date):
        notes = ("no time of delivery given (--at): assumed before 16:30",)
        lines.append("No time given (--at): assumed before 16:30.")
    return Computed(d, f"delivered by {by} on {a.date.isoformat()} ({why})", tuple(lines), notes)
