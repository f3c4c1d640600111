"""The jurisdictions sendtime knows, by name: each one's RuleSet, rule table and disclaimer.

Each jurisdiction is one package under sendtime.law (england, wales) with the same shape; this
registry, above them all, lets the edges (render, io, cli) pick one by name without importing
the others. Imports happen on first use.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING

from sendtime.engine.errors import BadInput

if TYPE_CHECKING:
    from sendtime.engine.model import Rule
    from sendtime.engine.ruleset import RuleSet

JURISDICTIONS = ("england", "wales")
DEFAULT = "england"


def check(name: str, what: str = "jurisdiction") -> str:
    """The name if sendtime knows it, else BadInput listing the ones it does."""
    if name not in JURISDICTIONS:
        msg = f"{what} {name!r}: expected one of {', '.join(JURISDICTIONS)}"
        raise BadInput(msg)
    return name


def ruleset(name: str) -> RuleSet:
    """The jurisdiction's RuleSet."""
    found: RuleSet = getattr(import_module(f"sendtime.law.{check(name)}.ruleset"), name.upper())
    return found


def rule_table(name: str) -> tuple[Rule, ...]:
    """The jurisdiction's visible rules, in table order."""
    table: tuple[Rule, ...] = import_module(f"sendtime.law.{check(name)}.rules").rule_table()
    return table


def disclaimer(name: str) -> str:
    """The jurisdiction's "not legal advice" line, naming the law it computes from."""
    text: str = import_module(f"sendtime.law.{check(name or DEFAULT)}.rules").DISCLAIMER
    return text
