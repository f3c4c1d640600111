"""Deemed service: the day a document sent by post, by hand or by email counts as received.

A deemed date is a rebuttable presumption (Interpretation Act 1978 s.7: "unless the contrary is
proved"), and the published readings disagree, so it is a range (docs/counting.md,
deemed dates). The earliest end is the step's date, acted on: safe for whoever must act (the LA
answering a request, a parent answering a draft). The latest is carried beside it:

- earliest: IPSEA model letter 9 -- first class post, the next working day after posting; by
  hand or email after 5pm or on a non-working day, the next working day, otherwise that day;
- latest: Practice Direction [1985] 1 All ER 889 -- first class, the 2nd working day after
  posting; second class, the 4th (no earlier reading is published, so both ends); by hand or
  email from 4.30pm or on a non-working day, the next working day (CPR 6.26, by analogy).

Its row is Method.DEEMED_SERVICE, which the engine reads through England's RuleSet.
"""

from __future__ import annotations

import datetime as dt
from enum import StrEnum

from sendtime.engine.methods import Anchor, Computed, Context, iso
from sendtime.engine.model import DateRange, Rule


class PostClass(StrEnum):
    """First or second class post."""

    FIRST = "first"
    SECOND = "second"


class Delivery(StrEnum):
    """How a document was delivered other than by post (the cut-off time counts)."""

    HAND = "hand"
    EMAIL = "email"


# (earliest, latest) working days after posting
POST_DAYS = {PostClass.FIRST: (1, 2), PostClass.SECOND: (4, 4)}
POST_SOURCES = {
    PostClass.FIRST: (
        "IPSEA model letter 9: first class post, the next working day after posting",
        "Practice Direction [1985] 1 All ER 889: first class, the 2nd working day after posting",
    ),
    PostClass.SECOND: (
        "Practice Direction [1985] 1 All ER 889: second class, the 4th working day after posting; "
        "no earlier reading is published",
        "Practice Direction [1985] 1 All ER 889: second class, the 4th working day after posting",
    ),
}
# (earliest, latest): IPSEA's "after 5pm" keeps 17:00 that day; CPR 6.26 moves 16:30 on.
CUT_OFFS = (dt.time(17, 0), dt.time(16, 30))
HAND_SOURCES = (
    "IPSEA model letter 9: by hand or email after 5pm or on a non-working day, the next working "
    "day; otherwise that day",
    "CPR 6.26 (a court rule, by analogy): by hand or email after 4.30pm or on a non-working day, "
    "the next working day",
)


def _nth(n: int) -> str:
    return {1: "1st", 2: "2nd", 3: "3rd"}.get(n, f"{n}th")


def range_note(r: DateRange) -> str:
    """The note on a deemed step: both ends and their sources."""
    if r.earliest == r.latest:
        return (
            f"a presumption, not a fact: both published readings give {r.earliest.isoformat()} "
            f"({r.earliest_source})"
        )
    return (
        f"a presumption, not a fact: earliest {r.earliest.isoformat()} ({r.earliest_source}); "
        f"latest {r.latest.isoformat()} ({r.latest_source}); sendtime acts on the earliest"
    )


def deemed_service(rule: Rule, a: Anchor, ctx: Context) -> Computed:
    """Method.DEEMED_SERVICE: the deemed day of service, a range, from the day posted or sent."""
    cal = ctx.calendar
    if a.name == "posted":
        cls = PostClass(ctx.options.get("post", PostClass.FIRST))
        n_early, n_late = POST_DAYS[cls]
        early = cal.add_working_days(a.date, n_early)
        late = cal.add_working_days(a.date, n_late)
        src_early, src_late = POST_SOURCES[cls]
        r = DateRange(early, late, src_early, src_late)
        lines = [
            f"Earliest reading ({src_early}): the {_nth(n_early)} working day after "
            f"{iso(a.date)} is {iso(early)}.",
            f"Latest reading ({src_late}): the {_nth(n_late)} working day after posting is "
            f"{iso(late)}.",
            f"sendtime acts on the earliest, {iso(early)}; the real date of receipt always wins.",
        ]
        return Computed(
            early,
            f"posted {cls.value} class on {a.date.isoformat()}: deemed served on the "
            f"{_nth(n_early)} working day after posting (earliest reading)",
            tuple(lines),
            (range_note(r),),
            range=r,
        )
    by = Delivery(ctx.options.get("by", Delivery.HAND)).value
    at = ctx.options.get("at")
    when = dt.time.fromisoformat(at) if at else None
    working = cal.is_working_day(a.date)
    ends = []
    for cut, inclusive in zip(CUT_OFFS, (True, False), strict=True):
        in_time = when is None or (when <= cut if inclusive else when < cut)
        ends.append(a.date if working and in_time else cal.next_working_day(a.date))
    early, late = ends
    r = DateRange(early, late, *HAND_SOURCES)
    on = f"{iso(a.date)}{' at ' + at if at else ''}"
    lines = [
        f"Delivered by {by} on {on}.",
        f"Earliest reading ({HAND_SOURCES[0]}): {iso(early)}.",
        f"Latest reading ({HAND_SOURCES[1]}): {iso(late)}.",
    ]
    notes = [range_note(r)]
    if when is None and working:
        notes.append("no time of delivery given (--at): assumed before 4.30pm")
        lines.append("No time given (--at): assumed before 4.30pm.")
    why = "that day" if early == a.date else "the next working day"
    return Computed(
        early,
        f"delivered by {by} on {a.date.isoformat()}: deemed received {why} (earliest reading)",
        tuple(lines),
        tuple(notes),
        range=r,
    )
