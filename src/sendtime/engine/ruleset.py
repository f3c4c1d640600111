"""What a jurisdiction gives the engine: its rules, processes, exceptions and mechanics, as data.

The engine (timeline.compute) knows counting conventions, calendars and how a step is built; it
knows no law. A RuleSet supplies the law: the rule rows, which steps each process emits, each
process's trigger input, the exception regulations, statutory relaxations, the words that name
inputs, and the methods, rolls and calendars that are the jurisdiction's own (England's deemed
service and the Tribunal's Christmas/August rule live in sendtime.law.england).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import TYPE_CHECKING, NamedTuple

from sendtime.engine.model import Method, Nation, Roll, Rule, Timeline, Unit

if TYPE_CHECKING:
    from sendtime.engine.calendars import Calendar
    from sendtime.engine.methods import MethodFn, RollBasisFn, RollFn, WorkingDays


class ExceptionRule(NamedTuple):
    """A regulation that lets a body disapply a time limit for listed reasons."""

    regulation: str
    steps: tuple[str, ...]
    personal: str  # the limb for exceptional personal circumstances
    absence: str  # the limb for absence from the area
    threshold_days: int  # absence must overlap the tested period by at least this
    closure: str = ""  # the term-dates limb(s)
    # other limbs: (exception kind, limb, reason) engaged when the recorded range (or, with
    # none, the whole period) overlaps the period tested
    limbs: tuple[tuple[str, str, str], ...] = ()
    beyond_control: str = ""  # the limb for "impractical ... circumstances beyond its control"


class Relaxation(NamedTuple):
    """A period in which time limits were (or may have been) relaxed by statutory instrument.

    A statutory limit (a deadline, minimum or fixed date, not a planning step) whose period
    overlaps start..end is flagged with the note when it cites ``source`` (any source when
    empty) and its id starts with one of ``prefixes`` (any id when empty), unless its id starts
    with one of ``skip`` or is in ``excluded`` (e.g. a parent's own period).
    """

    start: dt.date
    end: dt.date
    source: str
    note: str
    prefixes: tuple[str, ...] = ()
    skip: tuple[str, ...] = ()
    excluded: frozenset[str] = frozenset()

    def covers(self, rule: Rule) -> bool:
        """Whether this relaxation can apply to the rule's limit."""
        rid = rule.id
        return (
            (not self.source or any(c.source == self.source for c in rule.cites))
            and (not self.prefixes or rid.startswith(self.prefixes))
            and not (self.skip and rid.startswith(self.skip))
            and rid not in self.excluded
        )


class UnitCalendar(NamedTuple):
    """A unit counted on its own view of the working-day calendar, and the words that say so."""

    view: Callable[[Calendar], WorkingDays]
    words: str  # one explain line, e.g. which days the view leaves out


class Remedy(NamedTuple):
    """A process shown when a duty is missed, counted from the day after the earliest one.

    England's: the Ombudsman's 12 months (process "ombudsman", input "first_notice").
    """

    process: str
    input: str  # the process's trigger input, given the day after the missed duty's date
    note: str = ""  # added to the step: how its start was chosen


@dataclass(frozen=True, slots=True)
class Texts:
    """The sentences a jurisdiction's timelines carry (notes, explain lines, warnings)."""

    working_day: str = (
        "Working day: any day except a weekend or a bank holiday ({nation}; {source})."
    )
    secondary: str = "secondary source: not verified against the statutory text"
    asap: str = "the duty is to act as soon as practicable; this date is the latest"
    asap_remains: str = "time limit disapplied; the duty to act as soon as practicable remains"
    other_nation: str = (  # refused: a law counts on its own jurisdiction's calendar
        "a calendar of {nation}: this law counts on its own jurisdiction's bank holidays"
    )
    before_regime: str = "is before {start}, when the law sendtime computes came into force"
    presumed_projection: str = (
        "projected: counted from {anchor}, presumed from another date (the real date, if known, "
        "wins)"
    )


@dataclass(frozen=True, slots=True)
class RuleSet:
    """One jurisdiction's law, as the engine reads it (frozen: build it once, at import).

    ``rules`` maps each rule id to its row; ``processes`` each process to the ids it emits, in
    order; ``triggers`` each process to its trigger input. ``methods``, ``rolls`` and
    ``roll_basis`` add to (or replace) the engine's generic functions; ``units`` give units that
    count on a view of the calendar. ``presumed`` are the methods whose date is a presumption
    from another date (deemed service): an alternative input to them is given, not projected.
    """

    name: str
    rules: Mapping[str, Rule]
    processes: Mapping[str, tuple[str, ...]]
    triggers: Mapping[str, str]
    exceptions: tuple[ExceptionRule, ...] = ()
    relaxations: tuple[Relaxation, ...] = ()
    labels: Mapping[str, str] = field(default_factory=lambda: MappingProxyType({}))
    nation: Nation = Nation.ENGLAND_AND_WALES  # the calendar its law counts on
    in_force: dt.date = dt.date.min  # inputs before this are refused ...
    before_in_force_ok: frozenset[str] = frozenset()  # ... except these (a date of birth)
    given_alternatives: frozenset[str] = frozenset()  # fallback inputs that are not projected
    trigger_steps: tuple[str, ...] = ()  # steps that stand for a trigger that was not given
    methods: Mapping[Method, MethodFn] = field(default_factory=lambda: MappingProxyType({}))
    rolls: Mapping[Roll, RollFn] = field(default_factory=lambda: MappingProxyType({}))
    roll_basis: Mapping[Roll, RollBasisFn] = field(default_factory=lambda: MappingProxyType({}))
    units: Mapping[Unit, UnitCalendar] = field(default_factory=lambda: MappingProxyType({}))
    presumed: frozenset[Method] = frozenset()
    texts: Texts = Texts()
    # Outcomes (issue 14): steps a done step makes moot; per process, a step whose done date
    # is the same event as an input; limits on the parent, not duties; and the remedy step
    # (dated from the earliest missed duty, today) added when a duty is late or overdue.
    alternatives: Mapping[str, tuple[str, ...]] = field(
        default_factory=lambda: MappingProxyType({})
    )
    same_event: Mapping[str, Mapping[str, str]] = field(
        default_factory=lambda: MappingProxyType({})
    )
    party_limits: Mapping[str, str] = field(default_factory=lambda: MappingProxyType({}))
    also_done: Mapping[str, tuple[str, ...]] = field(default_factory=lambda: MappingProxyType({}))
    # Per process, a step that an input shows has already happened (a mediation certificate
    # means the adviser was contacted): `due` does not list it once that input is given.
    settled_by: Mapping[str, Mapping[str, tuple[str, ...]]] = field(
        default_factory=lambda: MappingProxyType({})
    )
    remedy: Remedy | None = None

    def settled(self, timeline: Timeline) -> frozenset[str]:
        """The step ids of a timeline that its given inputs show have already happened."""
        given = {name for name, _ in timeline.inputs}
        rows = self.settled_by.get(timeline.process, {})
        return frozenset(sid for sid, names in rows.items() if given.intersection(names))

    @property
    def remedy_steps(self) -> frozenset[str]:
        """The step ids the remedy adds (a done date may name them)."""
        return (
            frozenset(self.processes.get(self.remedy.process, ())) if self.remedy else frozenset()
        )

    process_inputs: Mapping[str, Mapping[str, str | None]] = field(init=False)

    def __post_init__(self) -> None:
        """Derive process_inputs: per process, the dates it takes and the step standing in."""
        out: dict[str, dict[str, str | None]] = {}
        for process, ids in self.processes.items():
            inputs: dict[str, str | None] = {}
            for rid in ids:
                rule = self.rules[rid]
                names = (rule.anchor, *rule.fallback)
                for i, name in enumerate(names):
                    if "." in name or not name:
                        continue
                    later = [n for n in names[i + 1 :] if n in self.rules and n in ids]
                    inputs.setdefault(name, later[0] if later else None)
            out[process] = inputs
        object.__setattr__(self, "process_inputs", MappingProxyType(out))

    def exception_rule(self, step_id: str) -> ExceptionRule | None:
        """The exception regulation that can disapply a step (repeats like -2 included), if any."""
        base = step_id.rsplit("-", 1)[0] if step_id[-1].isdigit() else step_id
        for e in self.exceptions:
            if base in e.steps:
                return e
        return None
