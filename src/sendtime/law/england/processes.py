"""England's processes, each named once: its title, trigger, steps, function and caseload columns.

Like python-holidays' registry, every process is one row here and everything else reads it:
England's RuleSet (steps and triggers), the library's lazy names (``sendtime.assess``), the table
titles, the CLI's command modules and help order, and the batch runner (columns, first input).
A new process is one row here, its rule rows (rules.py) and its function.

Column names are the CLI option names with ``_`` for ``-`` (docs/reference/files.md).
Functions are named as "module:attribute" and imported on first use, so reading the table is
cheap.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum
from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from sendtime.engine.model import Timeline


class ParamKind(StrEnum):
    """How a cell is turned into an argument."""

    DATE = "date"  # one date
    DATES = "dates"  # one or more dates, separated by ";" in a cell
    YEAR = "year"  # a four-digit year
    INT = "int"
    TEXT = "text"  # a word checked by the process function itself


@dataclass(frozen=True, slots=True)
class Param:
    """One column of a caseload row and the keyword argument it becomes."""

    column: str
    kind: ParamKind
    kwarg: str = ""  # default: the column name
    required: bool = False  # the process cannot do without it (transfer's kind)

    @property
    def arg(self) -> str:
        """The keyword argument's name."""
        return self.kwarg or self.column


@dataclass(frozen=True, slots=True)
class Process:
    """One process: a command of the CLI, a function of the library, a caseload's `process`.

    ``steps`` None means every row of rules.py whose ``process`` is this one, in table order.
    ``family`` groups the commands of one CLI module (sendtime.cli.<family>); None, no command.
    ``date_kind`` None: not callable from a caseload row; else the kind of its `date` column,
    the function's first positional argument, and ``params`` its other columns.
    """

    name: str
    title: str
    trigger: str  # the input that is the command's trigger ("<name>.trigger" for local rules)
    function: str  # "module:attribute"
    family: str | None  # None: no command of its own (its step is added to other timelines)
    date_kind: ParamKind | None = ParamKind.DATE
    params: tuple[Param, ...] = ()
    steps: tuple[str, ...] | None = None

    @property
    def step_ids(self) -> tuple[str, ...]:
        """The steps the process emits, in order."""
        if self.steps is not None:
            return self.steps
        from sendtime.law.england.rules import RULES  # the table only when steps are asked for

        return tuple(r.id for r in RULES if r.process == self.name)

    def load(self) -> Callable[..., Timeline]:
        """The process function (imported on first use)."""
        module, _, attr = self.function.partition(":")
        fn: Callable[..., Timeline] = getattr(import_module(module), attr)
        return fn


SERVICE = (
    Param("posted", ParamKind.DATE),
    Param("post", ParamKind.TEXT),
    Param("delivered", ParamKind.DATE),
    Param("by", ParamKind.TEXT),
    Param("at", ParamKind.TEXT),
)
_ASSESS = "sendtime.law.england.assess"
_REVIEWS = "sendtime.law.england.reviews"
_TRIBUNAL = "sendtime.law.england.tribunal"

# In the order a case meets them (the CLI's --help lists them so).
TABLE: tuple[Process, ...] = (
    Process(
        "assess",
        "EHC needs assessment",
        "request_received",
        f"{_ASSESS}:assess",
        "assess",
        params=(
            Param("advice_requested", ParamKind.DATES),
            Param("draft_served", ParamKind.DATE),
            Param("consultation_sent", ParamKind.DATE),
            *SERVICE,
        ),
    ),
    Process(
        "draft",
        "Draft EHC plan: the response window",
        "draft_served",
        f"{_ASSESS}:draft",
        "assess",
        params=(Param("consultation_sent", ParamKind.DATE), *SERVICE),
        steps=("service.deemed", "assess.representations", "assess.school-response"),
    ),
    Process(
        "review",
        "Annual review",
        "plan_date",
        f"{_REVIEWS}:review",
        "reviews",
        params=(
            Param("last_meeting", ParamKind.DATE),
            Param("meeting", ParamKind.DATE),
            Param("notice_sent", ParamKind.DATE),
            Param("dob", ParamKind.DATE),
            Param("year_group", ParamKind.INT),
        ),
        steps=(
            "review.period-end",
            "review.latest-meeting",
            "review.invitations",
            "review.advice-circulated",
            "review.report",
            "review.decision",
            "review.amend-representations",
            "review.amended-final",
            "review.early-years",
            "review.early-years-6m",
        ),
    ),
    Process(
        "amend",
        "Amendment outside a review",
        "notice_sent",
        f"{_REVIEWS}:amend",
        "reviews",
        params=(
            Param("served", ParamKind.DATE),
            Param("posted", ParamKind.DATE),
            Param("post", ParamKind.TEXT),
        ),
        steps=(
            "service.deemed",
            "review.amend-representations",
            "review.amended-final",
            "review.no-amend",
        ),
    ),
    Process(
        "transfer",
        "Phase transfer",
        "transfer_year",
        f"{_REVIEWS}:transfer",
        "reviews",
        ParamKind.YEAR,
        (Param("kind", ParamKind.TEXT, required=True), Param("transfer_date", ParamKind.DATE)),
        steps=(
            "transfer.school",
            "transfer.post16",
            "transfer.post16-other",
            "transfer.post16-guidance",
            "transfer.deadline",
            "transfer.latest-notice",
            "transfer.latest-decision",
            "transfer.latest-meeting",
            "transfer.invitations",
            "transfer.advice-circulated",
        ),
    ),
    Process(
        "move",
        "Move between local authorities",
        "move_date",
        f"{_TRIBUNAL}:move",
        "tribunal",
        params=(
            Param("aware", ParamKind.DATE),
            Param("transfer_date", ParamKind.DATE),
            Param("plan_date", ParamKind.DATE),
        ),
    ),
    Process(
        "reassess",
        "Re-assessment",
        "request_received",
        f"{_TRIBUNAL}:reassess",
        "tribunal",
        params=(Param("notified", ParamKind.DATE), Param("la_decided", ParamKind.DATE)),
    ),
    Process(
        "appeal",
        "Mediation and Tribunal appeal",
        "decision_sent",
        f"{_TRIBUNAL}:appeal",
        "tribunal",
        params=tuple(
            Param(c, ParamKind.DATE)
            for c in (
                "certificate",
                "adviser_informed",
                "mediation_requested",
                "la_told_adviser",
                "mediation_ended",
            )
        ),
    ),
    Process(
        "order",
        "Tribunal order",
        "order_date",
        f"{_TRIBUNAL}:order",
        "tribunal",
        params=(
            Param("type", ParamKind.TEXT, required=True),
            Param("unopposed", ParamKind.TEXT),
            Param("tribunal_direction", ParamKind.DATE),
            Param("order_sent", ParamKind.DATE),
        ),
    ),
    Process(
        "mediation",
        "Mediation agreement",
        "agreement_date",
        f"{_TRIBUNAL}:mediation",
        "tribunal",
        params=(Param("type", ParamKind.TEXT), Param("agreed_date", ParamKind.DATE)),
    ),
    Process(
        "pupil",
        "Pupil",
        "dob",
        "sendtime.law.england.pupils:pupil",
        "pupil",
        ParamKind.DATE,  # the date of birth
        (
            Param("structure", ParamKind.TEXT),
            Param("transfer_after_year", ParamKind.INT),
            Param("destination", ParamKind.TEXT),
            Param("year_group", ParamKind.INT),
            Param("plan_date", ParamKind.DATE),
        ),
        steps=(),  # the pupil's transfer (and review) steps come from those processes
    ),
    Process(
        "support",
        "SEN Support (no EHC plan)",
        "from",
        "sendtime.law.england.support:support",
        "pupil",
        date_kind=None,  # term dates, not a date, drive it: not in a caseload
        steps=("support.meeting", "support.cycle"),
    ),
    Process(
        "ombudsman",
        "Complaint to the Ombudsman",
        "first_notice",
        "sendtime.law.england.remedies:ombudsman",
        None,
        date_kind=None,
        steps=("ombudsman.complaint",),
    ),
)
REGISTRY: dict[str, Process] = {p.name: p for p in TABLE}
# The processes a caseload row may name, in table order.
BATCH: dict[str, Process] = {p.name: p for p in TABLE if p.date_kind is not None}


def title(name: str) -> str:
    """How outputs name a process ("Annual review"); the name itself if it is not one."""
    p = REGISTRY.get(name)
    return p.title if p is not None else name


def __getattr__(name: str) -> Any:
    if name == "PROCESS_SPECS":  # the 0.1 name of BATCH
        return BATCH
    msg = f"module {__name__!r} has no attribute {name!r}"
    raise AttributeError(msg)
