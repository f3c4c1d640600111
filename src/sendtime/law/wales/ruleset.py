"""Wales's RuleSet: the ALN rule table and its processes, for the engine.

Wales needs no mechanics of its own: school and term-time days, reg 2(4)'s roll forward and the
Tribunal's "first working day after the expiry" are the engine's generic units and rolls, chosen
row by row in sendtime.law.wales.rules. Its law counts on England-and-Wales bank holidays.
"""

from __future__ import annotations

from types import MappingProxyType

from sendtime.engine.model import Nation
from sendtime.engine.ruleset import RuleSet, Texts
from sendtime.law.wales import processes, rules

WALES = RuleSet(
    name="wales",
    rules=MappingProxyType(rules.RULES_BY_ID),
    processes=MappingProxyType({p.name: p.step_ids for p in processes.TABLE}),
    triggers=MappingProxyType({p.name: p.trigger for p in processes.TABLE}),
    exceptions=rules.EXCEPTIONS,
    labels=MappingProxyType(rules.INPUT_LABELS),
    nation=Nation.ENGLAND_AND_WALES,
    in_force=rules.IN_FORCE,
    texts=Texts(
        working_day=rules.WORKING_DAY_WORDS,
        secondary=rules.SECONDARY_NOTE,
        asap=rules.ASAP_NOTE,
        asap_remains=rules.ASAP_REMAINS,
        other_nation=rules.OTHER_NATION,
        before_regime=rules.BEFORE_REGIME,
        presumed_projection=rules.PRESUMED_PROJECTION,
    ),
)
PROCESS_INPUTS = WALES.process_inputs
