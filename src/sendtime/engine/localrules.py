"""Local rules: a council's or school's own milestones, added beside the statutory steps.

Pure: reading the TOML file lives in io/rulefile.py. A local rule is anchored on a step id of a
RuleSet's table, on a command's trigger ("assess.trigger") or on another local rule, and is offset
from it in days, weeks, months, working days or school days (docs/local-rules.md). The
anchor never counts itself, ``--counting`` does not apply, and no statutory step ever changes:
local steps are only appended.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Collection, Sequence
from dataclasses import dataclass, replace
from enum import StrEnum

from sendtime.engine import periods
from sendtime.engine.calendars import Calendar
from sendtime.engine.errors import BadInput, NeedsMoreData
from sendtime.engine.methods import iso
from sendtime.engine.model import WEEKDAYS, Confidence, Kind, Status, Step, Timeline, Unit
from sendtime.engine.ruleset import RuleSet
from sendtime.engine.timeline import relative_to_today

PREFIX = "local."
ID_PATTERN = re.compile(r"local\.[A-Za-z0-9][A-Za-z0-9._-]*")
TRIGGER_SUFFIX = ".trigger"
MAX_AMOUNT = 999
UNITS = (Unit.DAYS, Unit.WEEKS, Unit.MONTHS, Unit.WORKING_DAYS, Unit.SCHOOL_DAYS)
OFFSET = re.compile(
    r"\s*(?P<sign>[+-])?\s*(?P<n>\d+)\s*"
    r"(?P<unit>days?|weeks?|months?|working\s+days?|school\s+days?)"
    r"(?:\s+(?P<side>before|after))?\s*",
    re.IGNORECASE,
)
OFFSET_HELP = (
    'expected N days, weeks, months, working days or school days, e.g. "1 week", '
    '"-6 weeks" or "6 weeks before", "3 working days"'
)
NOT_STATUTORY = "Local practice, not a statutory deadline: it never moves a statutory date."


class Direction(StrEnum):
    """Which side of its anchor a local step falls."""

    AFTER = "after"
    BEFORE = "before"


@dataclass(frozen=True, slots=True)
class LocalRule:
    """One local milestone: ``amount`` ``unit`` ``direction`` its anchor ``after``.

    ``file`` names where the rule was read from, for error messages; ``source`` is the
    council's or school's own wording, shown where a statutory step shows its citation.
    """

    id: str
    title: str
    after: str
    amount: int
    unit: Unit
    direction: Direction
    source: str
    file: str = ""

    @property
    def offset(self) -> str:
        """The offset in words, e.g. "6 weeks before"."""
        return f"{span(self.amount, self.unit)} {self.direction.value}"


def span(n: int, unit: Unit) -> str:
    """N units in words: "1 week", "6 weeks", "1 working day"."""
    word = unit.value
    return f"{n} {word[:-1] if n == 1 else word}"


def rule_error(file: str, rule_id: str, field: str, problem: str, *, what: str = "--rules") -> str:
    """The one-line message of every local-rule error: file, rule id, field, problem."""
    return f"{what} {file}: rule {rule_id}, field {field}: {problem}"


def parse_offset(text: str) -> tuple[int, Unit, Direction]:
    """Read an offset such as "1 week", "-6 weeks", "6 weeks before" or "3 working days".

    Singular or plural, any case, spaces anywhere between the parts.

    Raises:
        ValueError: naming what was expected.
    """
    m = OFFSET.fullmatch(text)
    if not m:
        raise ValueError(OFFSET_HELP)
    n = int(m["n"])
    unit = Unit(" ".join(m["unit"].lower().split()).rstrip("s") + "s")
    side = (m["side"] or "").lower()
    if m["sign"] and side:
        raise ValueError('give a sign or "before"/"after", not both')
    if n > MAX_AMOUNT:
        raise ValueError(f"{n} is more than sendtime counts ({MAX_AMOUNT} at most)")
    if n == 0 and unit in (Unit.WORKING_DAYS, Unit.SCHOOL_DAYS):
        raise ValueError(f"0 {unit.value} is no day: give 1 or more")
    before = m["sign"] == "-" or side == "before"
    return n, unit, Direction.BEFORE if before else Direction.AFTER


def known_anchors(ruleset: RuleSet) -> frozenset[str]:
    """Every id a local rule may anchor on besides other local rules.

    Steps, "<command>.trigger", and "<command>.<input>" for the dates a command takes
    (review.meeting, review.notice-sent: hyphens or underscores).
    """
    triggers = {p + TRIGGER_SUFFIX for p in (*ruleset.processes, *ruleset.triggers)}
    inputs = {
        f"{p}.{spelling}"
        for p, names in ruleset.process_inputs.items()
        for name in names
        for spelling in (name, name.replace("_", "-"))
    }
    return frozenset(ruleset.rules) | triggers | inputs


def _is_known(anchor: str, known: Collection[str], ruleset: RuleSet) -> bool:
    if anchor in known:
        return True
    # Repeated steps are numbered id, id-2, id-3, ... (e.g. assess.advice-2).
    base, dash, n = anchor.rpartition("-")
    rule = ruleset.rules.get(base)
    return bool(dash and n.isdigit() and int(n) >= 2 and rule is not None and rule.repeat)


def dependency_order(rules: Sequence[LocalRule], *, what: str = "--rules") -> tuple[LocalRule, ...]:
    """The rules ordered so that each comes after the local rule it is anchored on.

    Raises:
        BadInput: naming the first rule of a cycle and the cycle.
    """
    by_id = {r.id: r for r in rules}
    done: set[str] = set()
    out: list[LocalRule] = []
    for r in rules:
        # Each rule has one anchor, so following anchors is walking a chain, not a tree.
        chain: list[LocalRule] = []
        cur: LocalRule | None = r
        while cur is not None and cur.id not in done and cur not in chain:
            chain.append(cur)
            cur = by_id.get(cur.after)
        if cur is not None and cur in chain:
            loop = [c.id for c in chain[chain.index(cur) :]] + [cur.id]
            msg = rule_error(cur.file, cur.id, "after", "cycle " + " -> ".join(loop), what=what)
            raise BadInput(msg)
        for c in reversed(chain):
            done.add(c.id)
            out.append(c)
    return tuple(out)


def validate(
    rules: Sequence[LocalRule],
    *,
    ruleset: RuleSet,
    known: Collection[str] | None = None,
    what: str = "--rules",
) -> tuple[LocalRule, ...]:
    """Check ids, duplicates, anchors and cycles against the whole rule table; return the rules.

    Args:
        rules: the rules as read, in file order.
        ruleset: the jurisdiction whose steps the rules anchor on.
        known: step ids and triggers that exist (default: the RuleSet's, see known_anchors).
        what: how errors name the file's origin ("--rules", or a caseload column).

    Raises:
        BadInput: one line naming the file, the rule id and the field.
    """
    ids = known_anchors(ruleset) if known is None else known
    seen: dict[str, int] = {}
    for i, r in enumerate(rules, 1):
        if not ID_PATTERN.fullmatch(r.id):
            problem = (
                f"{r.id!r} must start with {PREFIX!r} and go on with letters, digits, '.', "
                "'-' or '_', e.g. local.hco-contact"
            )
            raise BadInput(rule_error(r.file, r.id or f"#{i}", "id", problem, what=what))
        if r.id in seen:
            problem = f"duplicate id (also rule #{seen[r.id]} of the file)"
            raise BadInput(rule_error(r.file, r.id, "id", problem, what=what))
        seen[r.id] = i
    for r in rules:
        if r.after not in seen and not _is_known(r.after, ids, ruleset):
            problem = (
                f"unknown anchor {r.after!r}: expected a step id (see `sendtime rules`), "
                "<command>.trigger such as assess.trigger, or the id of another local rule"
            )
            raise BadInput(rule_error(r.file, r.id, "after", problem, what=what))
    dependency_order(rules, what=what)
    return tuple(rules)


def _nth(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def offset_date(
    rule: LocalRule, anchor: dt.date, calendar: Calendar, *, what: str = "--rules"
) -> tuple[dt.date, str]:
    """The rule's date from its anchor's, and the arithmetic in one sentence.

    Raises:
        BadInput: school days without term dates (naming file, rule and field).
        NeedsMoreData: a count that leaves the term dates or the calendar's years.
    """
    n = rule.amount if rule.direction is Direction.AFTER else -rule.amount
    side = rule.direction.value
    unit = rule.unit
    try:
        if unit is Unit.MONTHS:
            d = periods.add_months(anchor, n)
            clamp = (
                ""
                if periods.has_corresponding_date(anchor, n)
                else " (that month has no corresponding date: its last day)"
            )
            what_date = f"The corresponding date {span(rule.amount, unit)} {side} {iso(anchor)}"
            return d, f"{what_date}{clamp}: {iso(d)}."
        if unit is Unit.WORKING_DAYS:
            d = calendar.add_working_days(anchor, n)
            return d, (
                f"The {_nth(rule.amount)} working day {side} {iso(anchor)}, the anchor not "
                f"counted (weekends and bank holidays skipped): {iso(d)}."
            )
        if unit is Unit.SCHOOL_DAYS:
            if calendar.terms is None:
                problem = "school days need term dates: give --terms FILE"
                raise BadInput(rule_error(rule.file, rule.id, "offset", problem, what=what))
            d = calendar.add_school_days(anchor, n)
            return d, (
                f"The {_nth(rule.amount)} school day {side} {iso(anchor)}, the anchor not "
                f"counted ({calendar.terms.label}): {iso(d)}."
            )
        days = n * 7 if unit is Unit.WEEKS else n
        d = periods.add_days(anchor, days)
        sign = "+" if days >= 0 else "-"
        return d, f"{iso(anchor)} {sign} {abs(days)} days = {iso(d)}."
    except NeedsMoreData as exc:
        raise NeedsMoreData(rule_error(rule.file, rule.id, "offset", str(exc), what=what)) from None


def local_step(
    rule: LocalRule,
    anchor: tuple[dt.date | None, bool],
    calendar: Calendar,
    *,
    today: dt.date | None = None,
    what: str = "--rules",
) -> Step:
    """One local step from its anchor's (date, projected); undated when the anchor is."""
    date, projected = anchor
    head = f"Local rule {rule.id}" + (f" ({rule.file})" if rule.file else "")
    head += f": {rule.title}, {rule.offset} {rule.after}. Source: {rule.source}."
    notes: list[str] = []
    if date is None:
        basis = f"no date: {rule.after} has no date"
        return Step(
            id=rule.id,
            title=rule.title,
            date=None,
            kind=Kind.PRACTICE,
            status=Status.PRACTICE,
            confidence=Confidence.LOCAL,
            citation=rule.source,
            basis=basis,
            projected=projected,
            explain=(head, basis[0].upper() + basis[1:] + ".", NOT_STATUTORY),
            source=rule.source,
        )
    d, arithmetic = offset_date(rule, date, calendar, what=what)
    if projected:
        notes.append(f"projected: counted from {rule.after}, which was projected")
    if not calendar.is_working_day(d):
        notes.append(f"falls on a non-working day ({WEEKDAYS[d.weekday()]})")
    days_left, when = relative_to_today(d, today)
    return Step(
        id=rule.id,
        title=rule.title,
        date=d,
        kind=Kind.PRACTICE,
        status=Status.PRACTICE,
        confidence=Confidence.LOCAL,
        citation=rule.source,
        basis=f"{rule.offset} {date.isoformat()} ({rule.after})",
        projected=projected,
        notes=tuple(notes),
        explain=(
            head,
            f"Anchor: {iso(date)} ({rule.after}){' (projected)' if projected else ''}.",
            arithmetic,
            *[n[0].upper() + n[1:] + "." for n in notes],
            NOT_STATUTORY,
        ),
        days_left=days_left,
        when=when,
        source=rule.source,
    )


def apply_local_rules(
    timeline: Timeline,
    rules: Sequence[LocalRule],
    *,
    ruleset: RuleSet,
    calendar: Calendar,
    today: dt.date | None = None,
    what: str = "--rules",
) -> Timeline:
    """Append the local steps whose anchor chain reaches a step of this timeline or its trigger.

    A rule anchored on a step the command did not emit (or on another command's trigger) is
    skipped silently, and so is every local rule anchored on it. A step listed without a date
    gives an undated local step. Statutory steps are returned unchanged, in their order; local
    steps follow in the order of the rules.

    Args:
        timeline: a computed timeline of any command.
        rules: validated local rules (see validate; rulefile.load_local_rules does it).
        ruleset: the jurisdiction the timeline was computed under (its inputs' stand-ins).
        calendar: the calendar the timeline was computed with (working and school days).
        today: for days_left and when, as the statutory steps.
        what: how errors name the rules' origin.

    Raises:
        BadInput: a rule in school days applied without term dates.
        NeedsMoreData: a count that leaves the term dates.
    """
    if not rules:
        return timeline
    reached: dict[str, tuple[dt.date | None, bool]] = {
        s.id: (s.date, s.projected) for s in timeline.steps
    }
    if timeline.trigger is not None:
        reached[timeline.process + TRIGGER_SUFFIX] = (timeline.trigger, False)
    given = dict(timeline.inputs)
    for name, stand_in in ruleset.process_inputs.get(timeline.process, {}).items():
        value = given.get(name)
        if isinstance(value, tuple):  # a repeated input (advice requests): the first
            value = value[0] if value else None
        if isinstance(value, dt.date):
            at: tuple[dt.date | None, bool] = (value, False)
        elif stand_in is not None and stand_in in reached:
            at = (reached[stand_in][0], True)  # not given: the step that stands in for it
        else:
            continue
        for spelling in (name, name.replace("_", "-")):
            reached[f"{timeline.process}.{spelling}"] = at
    local: dict[str, Step] = {}
    for rule in dependency_order(rules, what=what):
        anchor = reached.get(rule.after)
        if anchor is None or rule.id in reached:
            continue  # anchored elsewhere (another command's step), or already applied
        step = local_step(rule, anchor, calendar, today=today, what=what)
        local[rule.id] = step
        reached[rule.id] = (step.date, step.projected)
    added = tuple(local[r.id] for r in rules if r.id in local)
    return replace(timeline, steps=timeline.steps + added) if added else timeline
