"""SEN Support (no EHC plan): meetings with parents and review cycles from term dates.

CoP 6.65: "Schools should meet parents at least three times each year". Guidance, not a time
limit. The academic year is split into three parts by the terms' start dates
(docs/pupil-and-support.md): autumn =
terms starting September to December, spring = January to Easter, summer = Easter to July; a
six-term calendar gives Terms 1-2, 3-4 and 5-6. Each part's meeting is due by its last school day.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Unpack

from dateutil.easter import easter

from sendtime.engine.errors import BadInput, NeedsMoreData
from sendtime.engine.methods import iso
from sendtime.engine.model import Counting, InputValue, Step, Timeline
from sendtime.engine.options import OptionFields, Options
from sendtime.engine.terms import Period, Terms
from sendtime.engine.timeline import relative_to_today, resolve, unannounced_holidays_warning
from sendtime.law.england.rules import RULES_BY_ID
from sendtime.law.england.ruleset import ENGLAND

EVERY = re.compile(r"\s*(\d{1,2})\s*(?:w|wk|wks|week|weeks)\s*", re.IGNORECASE)


def parse_every(text: str) -> int:
    """'6w' or '6 weeks' -> 6."""
    m = EVERY.fullmatch(text)
    if not m or int(m[1]) == 0:
        msg = f"--every {text!r}: expected a number of weeks such as 6w"
        raise BadInput(msg)
    return int(m[1])


def part_of(term: Period) -> tuple[int, str]:
    """(academic year start, part name) of a term, by its start date."""
    s = term.start
    if s.month >= 8:
        return s.year, "autumn"
    if s < easter(s.year):
        return s.year - 1, "spring"
    return s.year - 1, "summer"


def parts(terms: Terms) -> list[tuple[str, tuple[Period, ...]]]:
    """The autumn/spring/summer parts of each academic year the file covers, in order."""
    grouped: dict[tuple[int, str], list[Period]] = {}
    for t in terms.terms:
        grouped.setdefault(part_of(t), []).append(t)
    order = {"autumn": 0, "spring": 1, "summer": 2}
    out = []
    for (year, name), ts in sorted(grouped.items(), key=lambda kv: (kv[0][0], order[kv[0][1]])):
        label = f"{name} {year if name == 'autumn' else year + 1}"
        out.append((label, tuple(ts)))
    return out


def _step(
    rule_id: str,
    sid: str,
    title: str,
    d: dt.date,
    basis: str,
    explain: tuple[str, ...],
    today: dt.date | None,
) -> Step:
    rule = RULES_BY_ID[rule_id]
    days_left, when = relative_to_today(d, today)
    return Step(
        id=sid,
        title=title,
        date=d,
        kind=rule.kind,
        status=rule.status,
        confidence=rule.confidence,
        citation=rule.citation,
        basis=basis,
        explain=(f"Rule: {rule.citation}: {rule.wording}.", *explain),
        days_left=days_left,
        when=when,
    )


def support(
    *,
    start: dt.date | None = None,
    end: dt.date | None = None,
    every: int | None = None,
    options: Options | None = None,
    **fields: Unpack[OptionFields],
) -> Timeline:
    """SEN Support meetings (support.meeting-N) and, with ``every`` weeks, review dates.

    ``calendar`` (in ``options`` or as a keyword) must carry the setting's term dates.

    Raises:
        NeedsMoreData: without term dates (exit 3): the parts of the year come from them.
    """
    o = resolve(Options.of(options, **fields), ENGLAND)
    calendar, today = o.calendar, o.today
    assert calendar is not None  # noqa: S101 - resolve fills it
    terms = calendar.terms
    if terms is None:
        raise NeedsMoreData("support needs the setting's term dates: give --terms FILE")
    lo = start or terms.first_day
    hi = end or terms.last_day
    if hi < lo:
        raise BadInput.about("to", hi, f"is before --from {lo.isoformat()}")
    steps: list[Step] = []
    for label, ts in parts(terms):
        last = calendar.school_day_on_or_before(ts[-1].end)
        if not lo <= last <= hi:
            continue
        names = ", ".join(t.name or f"{t.start.isoformat()}..{t.end.isoformat()}" for t in ts)
        steps.append(
            _step(
                "support.meeting",
                f"support.meeting-{len(steps) + 1}",
                f"SEN Support: meet parents ({label})",
                last,
                f"by the last school day of {label} ({names})",
                (f"{label.capitalize()} is {names}; its last school day is {iso(last)}.",),
                today,
            )
        )
    warnings: list[str] = []
    if o.exceptions:  # said, not dropped: SEN Support has no statutory time limit to disapply
        warnings.append("no statutory exception applies to SEN Support (guidance); ignored")
    if o.counting is not Counting.EXCLUSIVE:
        warnings.append("--counting does not change SEN Support dates (school days); ignored")
    if every is not None:
        cycle: list[Step] = []
        d = lo
        while True:
            d = d + dt.timedelta(weeks=every)
            if d > hi or not terms.covers(d):
                break
            on = calendar.school_day_on_or_before(d)
            moved = "" if on == d else f" ({d.isoformat()} is not a school day: moved back)"
            cycle.append(
                _step(
                    "support.cycle",
                    f"support.cycle-{len(cycle) + 1}",
                    "SEN Support: assess, plan, do, review",
                    on,
                    f"{every} weeks after {(d - dt.timedelta(weeks=every)).isoformat()}{moved}",
                    (f"Every {every} weeks from {lo.isoformat()}: {iso(d)}{moved}.",),
                    today,
                )
            )
        steps.extend(cycle)
    warnings.extend(unannounced_holidays_warning([s.date for s in steps], today))
    if not steps:
        warnings.append("no SEN Support dates fall between --from and --to")
    steps.sort(key=lambda s: (s.date or dt.date.max, s.id))
    inputs: tuple[tuple[str, InputValue], ...] = (
        ("from", lo),
        ("to", hi),
    ) + ((("every", f"{every}w"),) if every else ())
    return Timeline(
        process="support",
        inputs=inputs,
        counting=Counting.EXCLUSIVE,
        calendar=calendar.info,
        steps=tuple(steps),
        warnings=tuple(warnings),
        trigger=lo,
    )
