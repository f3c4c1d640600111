"""sendtime: the statutory deadlines of England's SEND system, each with its citation.

Pure functions from dates, a calendar and options to immutable timelines::

    import datetime as dt
    import sendtime
    t = sendtime.assess(dt.date(2024, 3, 1))
    t.step("assess.final").date  # dt.date(2024, 7, 19)
"""

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # static names for type checkers; at run time they load on first use
    from sendtime.engine.calendars import Calendar
    from sendtime.engine.errors import BadInput, NeedsMoreData, SendtimeError
    from sendtime.engine.localrules import LocalRule
    from sendtime.engine.model import (
        Citation,
        Confidence,
        Counting,
        ExceptionKind,
        Kind,
        Method,
        Nation,
        RecordedException,
        Roll,
        Rule,
        Status,
        Step,
        Timeline,
        Unit,
        When,
    )
    from sendtime.engine.options import Options
    from sendtime.engine.terms import Period, SettingKind, Terms
    from sendtime.law.england.assess import assess, draft
    from sendtime.law.england.hesc import TribunalCalendar
    from sendtime.law.england.local import apply_local_rules
    from sendtime.law.england.pupils import pupil
    from sendtime.law.england.reviews import amend, review, transfer
    from sendtime.law.england.rules import rule_table
    from sendtime.law.england.support import support
    from sendtime.law.england.tribunal import appeal, mediation, move, order, reassess

# name -> module: `import sendtime` stays cheap (a command line loads only what it uses).
_LAZY = {
    "Calendar": "sendtime.engine.calendars",
    "TribunalCalendar": "sendtime.law.england.hesc",
    "Options": "sendtime.engine.options",
    **dict.fromkeys(("BadInput", "NeedsMoreData", "SendtimeError"), "sendtime.engine.errors"),
    "LocalRule": "sendtime.engine.localrules",
    "apply_local_rules": "sendtime.law.england.local",
    **dict.fromkeys(
        (
            "Citation",
            "Confidence",
            "Counting",
            "ExceptionKind",
            "Kind",
            "Method",
            "Nation",
            "RecordedException",
            "Roll",
            "Rule",
            "Status",
            "Step",
            "Timeline",
            "Unit",
            "When",
        ),
        "sendtime.engine.model",
    ),
    "rule_table": "sendtime.law.england.rules",
    **dict.fromkeys(("Period", "SettingKind", "Terms"), "sendtime.engine.terms"),
}


# The process functions (assess, review, ...) are named once, in England's process registry.
_PROCESSES = "sendtime.law.england.processes"


def __getattr__(name: str) -> Any:
    """Load a public name from its module on first use (PEP 562)."""
    from importlib import import_module

    module = _LAZY.get(name)
    if module is not None:
        value = getattr(import_module(module), name)
    elif name in __all__ and (p := import_module(_PROCESSES).REGISTRY.get(name)) is not None:
        value = p.load()
    else:
        msg = f"module 'sendtime' has no attribute {name!r}"
        raise AttributeError(msg)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(_LAZY) | set(__all__))


__version__ = "0.1.0"


def load_terms(path: str) -> "Terms":
    """Load a setting's term dates from a TOML or ICS file (docs/terms-and-reviews.md)."""
    from sendtime.io.loaders import load_terms as _load

    return _load(path)


def load_local_rules(path: str) -> "tuple[LocalRule, ...]":
    """Load and check a local-rules TOML file (docs/local-rules.md)."""
    from sendtime.io.rulefile import load_local_rules as _load

    return _load(path)


__all__ = [
    "BadInput",
    "Calendar",
    "Citation",
    "Confidence",
    "Counting",
    "ExceptionKind",
    "Kind",
    "LocalRule",
    "Method",
    "Nation",
    "NeedsMoreData",
    "Options",
    "Period",
    "RecordedException",
    "Roll",
    "Rule",
    "SendtimeError",
    "SettingKind",
    "Status",
    "Step",
    "Terms",
    "Timeline",
    "TribunalCalendar",
    "Unit",
    "When",
    "__version__",
    "amend",
    "appeal",
    "apply_local_rules",
    "assess",
    "draft",
    "load_local_rules",
    "load_terms",
    "mediation",
    "move",
    "order",
    "pupil",
    "reassess",
    "review",
    "rule_table",
    "support",
    "transfer",
]
