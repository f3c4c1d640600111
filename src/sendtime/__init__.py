"""sendtime: the statutory deadlines of England's SEND system, each with its citation.

Pure functions from dates, a calendar and options to immutable timelines::

    import datetime as dt
    import sendtime
    t = sendtime.assess(dt.date(2024, 3, 1))
    t.step("assess.final").date  # dt.date(2024, 7, 19)
"""

from sendtime.calendars import Calendar, TribunalCalendar
from sendtime.errors import BadInput, NeedsMoreData, SendtimeError
from sendtime.localrules import LocalRule, apply_local_rules
from sendtime.model import (
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
from sendtime.pupils import pupil
from sendtime.reviews import amend, review, transfer
from sendtime.rules import rule_table
from sendtime.sen_support import support
from sendtime.terms import Period, SettingKind, Terms
from sendtime.timeline import assess, draft
from sendtime.tribunal import appeal, mediation, move, order, reassess

__version__ = "0.1.0"


def load_terms(path: str) -> Terms:
    """Load a setting's term dates from a TOML or ICS file (see data.md)."""
    from sendtime.loaders import load_terms as _load

    return _load(path)


def load_local_rules(path: str) -> tuple[LocalRule, ...]:
    """Load and check a local-rules TOML file (interface.md, "Local rules")."""
    from sendtime.rulefile import load_local_rules as _load

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
