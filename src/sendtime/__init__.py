"""sendtime: the statutory deadlines of England's SEND system, each with its citation.

Pure functions from dates, a calendar and options to immutable timelines::

    import datetime as dt
    import sendtime
    t = sendtime.assess(dt.date(2024, 3, 1))
    t.step("assess.final").date  # dt.date(2024, 7, 19)
"""

from sendtime.calendars import Calendar, TribunalCalendar
from sendtime.errors import BadInput, NeedsMoreData, SendtimeError
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
from sendtime.rules import rule_table
from sendtime.terms import Period, SettingKind, Terms
from sendtime.timeline import assess, draft
from sendtime.tribunal import appeal, mediation, move, order, reassess

__version__ = "0.1.0"


def load_terms(path: str) -> Terms:
    """Load a setting's term dates from a TOML or ICS file (see data.md)."""
    from sendtime.loaders import load_terms as _load

    return _load(path)


__all__ = [
    "BadInput",
    "Calendar",
    "Citation",
    "Confidence",
    "Counting",
    "ExceptionKind",
    "Kind",
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
    "appeal",
    "assess",
    "draft",
    "load_terms",
    "mediation",
    "move",
    "order",
    "reassess",
    "rule_table",
]
