"""England's RuleSet: the rule table, its processes and England's own mechanics, for the engine.

Everything the engine (sendtime.engine.timeline.compute) needs to know about England's SEND law
is named here once: the rows of rules.py, which steps each process emits, each process's
trigger, the exception regulations and the 2020 relaxation, the words for each input, deemed
service (service.py) and the Tribunal's calendar and roll (hesc.py). Each process's steps and
trigger come from the process registry (processes.py).
"""

from __future__ import annotations

from types import MappingProxyType

from sendtime.engine.errors import NeedsMoreData
from sendtime.engine.methods import Anchor, Computed, Context
from sendtime.engine.model import Method, Nation, Roll, Rule, Unit
from sendtime.engine.ruleset import Remedy, RuleSet, Texts
from sendtime.law.england import checks, hesc, processes, rules, service


def _term_part_end(rule: Rule, a: Anchor, ctx: Context) -> Computed:
    msg = (
        f"{rule.id} is computed from term dates by sendtime.law.england.support, not from an anchor"
    )
    raise NeedsMoreData(msg)


ENGLAND = RuleSet(
    name="england",
    rules=MappingProxyType(rules.RULES_BY_ID),
    processes=MappingProxyType({p.name: p.step_ids for p in processes.TABLE}),
    triggers=MappingProxyType({p.name: p.trigger for p in processes.TABLE}),
    exceptions=rules.EXCEPTIONS,
    relaxations=rules.RELAXATIONS,
    labels=MappingProxyType(rules.INPUT_LABELS),
    nation=Nation.ENGLAND_AND_WALES,
    in_force=rules.REGIME_START,
    before_in_force_ok=frozenset({"dob"}),  # a child's date of birth may predate the 2014 Act
    given_alternatives=rules.GIVEN_ALTERNATIVES,
    # With no trigger given (assess from --posted), the deemed day of receipt stands for it.
    trigger_steps=("assess.received", "service.deemed"),
    methods=MappingProxyType(
        {Method.DEEMED_SERVICE: service.deemed_service, Method.TERM_PART_END: _term_part_end}
    ),
    rolls=MappingProxyType({Roll.TRIBUNAL: hesc.roll_tribunal}),
    roll_basis=MappingProxyType({Roll.TRIBUNAL: hesc.tribunal_basis}),
    units=MappingProxyType({Unit.TRIBUNAL_DAYS: hesc.TRIBUNAL_DAYS}),
    presumed=frozenset({Method.DEEMED_SERVICE}),
    texts=Texts(
        working_day=rules.WORKING_DAY_WORDS,
        secondary=rules.SECONDARY_NOTE,
        asap=rules.ASAP_NOTE,
        other_nation=rules.OTHER_NATION,
        before_regime=rules.BEFORE_REGIME,
        presumed_projection=rules.DEEMED_PROJECTION,
    ),
    alternatives=MappingProxyType(checks.ALTERNATIVES),
    same_event=MappingProxyType(checks.SAME_EVENT),
    party_limits=MappingProxyType(checks.PARTY_LIMITS),
    also_done=MappingProxyType(checks.ALSO_DONE),
    settled_by=MappingProxyType(checks.SETTLED_BY),
    remedy=Remedy(*checks.REMEDY, note=rules.OMBUDSMAN_FROM_DUTY_NOTE),
)
PROCESS_INPUTS = ENGLAND.process_inputs
