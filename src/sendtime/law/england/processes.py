"""How each process is called from a caseload row: its function, positional input and options.

The batch runner (and anything else that calls processes by name) reads this table. Column
names are the CLI option names with ``_`` for ``-`` (docs/reference/files.md).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum

from sendtime.engine.model import Timeline
from sendtime.law.england import assess as assessment
from sendtime.law.england import pupils, reviews, tribunal


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

    @property
    def arg(self) -> str:
        """The keyword argument's name."""
        return self.kwarg or self.column


@dataclass(frozen=True, slots=True)
class ProcessSpec:
    """A process callable by name: the `date` column is its first positional argument."""

    name: str
    function: Callable[..., Timeline]
    date_kind: ParamKind
    params: tuple[Param, ...]


SERVICE = (
    Param("posted", ParamKind.DATE),
    Param("post", ParamKind.TEXT),
    Param("delivered", ParamKind.DATE),
    Param("by", ParamKind.TEXT),
    Param("at", ParamKind.TEXT),
)

PROCESS_SPECS: dict[str, ProcessSpec] = {
    "assess": ProcessSpec(
        "assess",
        assessment.assess,
        ParamKind.DATE,
        (
            Param("advice_requested", ParamKind.DATES),
            Param("draft_served", ParamKind.DATE),
            Param("consultation_sent", ParamKind.DATE),
            *SERVICE,
        ),
    ),
    "draft": ProcessSpec(
        "draft",
        assessment.draft,
        ParamKind.DATE,
        (Param("consultation_sent", ParamKind.DATE), *SERVICE),
    ),
    # review, amend, transfer
    "review": ProcessSpec(
        "review",
        reviews.review,
        ParamKind.DATE,
        (
            Param("last_meeting", ParamKind.DATE),
            Param("meeting", ParamKind.DATE),
            Param("notice_sent", ParamKind.DATE),
            Param("dob", ParamKind.DATE),
            Param("year_group", ParamKind.INT),
        ),
    ),
    "amend": ProcessSpec(
        "amend",
        reviews.amend,
        ParamKind.DATE,
        (
            Param("served", ParamKind.DATE),
            Param("posted", ParamKind.DATE),
            Param("post", ParamKind.TEXT),
        ),
    ),
    "transfer": ProcessSpec(
        "transfer",
        reviews.transfer,
        ParamKind.YEAR,
        (Param("kind", ParamKind.TEXT), Param("transfer_date", ParamKind.DATE)),
    ),
    # move, reassess
    "move": ProcessSpec(
        "move",
        tribunal.move,
        ParamKind.DATE,
        (
            Param("aware", ParamKind.DATE),
            Param("transfer_date", ParamKind.DATE),
            Param("plan_date", ParamKind.DATE),
        ),
    ),
    "reassess": ProcessSpec(
        "reassess",
        tribunal.reassess,
        ParamKind.DATE,
        (Param("notified", ParamKind.DATE), Param("la_decided", ParamKind.DATE)),
    ),
    # appeal, order
    "appeal": ProcessSpec(
        "appeal",
        tribunal.appeal,
        ParamKind.DATE,
        tuple(
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
    "order": ProcessSpec(
        "order",
        tribunal.order,
        ParamKind.DATE,
        (
            Param("type", ParamKind.TEXT),
            Param("unopposed", ParamKind.TEXT),
            Param("tribunal_direction", ParamKind.DATE),
            Param("order_sent", ParamKind.DATE),
        ),
    ),
    "mediation": ProcessSpec(
        "mediation",
        tribunal.mediation,
        ParamKind.DATE,
        (
            Param("type", ParamKind.TEXT),
            Param("agreed_date", ParamKind.DATE),
        ),
    ),
    "pupil": ProcessSpec(
        "pupil",
        pupils.pupil,
        ParamKind.DATE,  # the date of birth
        (
            Param("structure", ParamKind.TEXT),
            Param("transfer_after_year", ParamKind.INT),
            Param("destination", ParamKind.TEXT),
            Param("year_group", ParamKind.INT),
            Param("plan_date", ParamKind.DATE),
        ),
    ),
}
