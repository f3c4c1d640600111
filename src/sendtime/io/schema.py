"""The JSON Schema of the timeline document, generated with pydantic (imported only here)."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


class DisappliedModel(_Model):
    """A disapplied time limit."""

    limb: str
    reason: str


class DateRangeModel(_Model):
    """A step resting on a deemed date: its earliest end (the step's date) and its latest."""

    earliest: str
    latest: str
    earliest_source: str
    latest_source: str


class StepModel(_Model):
    """One step of a timeline."""

    id: str
    title: str
    date: str | None
    weekday: str | None
    kind: Literal["deadline", "minimum", "fixed", "planning", "guidance", "practice"]
    status: Literal["statutory", "guidance", "practice"]
    confidence: Literal["verified", "secondary", "guidance", "practice", "local"]
    citation: str
    basis: str
    projected: bool
    disapplied: DisappliedModel | None
    notes: list[str]
    days_left: int | None
    when: Literal["past", "due", "upcoming"] | None
    date_range: DateRangeModel | None = None
    source: str | None = None


class CalendarModel(_Model):
    """Which calendar was used."""

    bank_holidays: Literal["england-and-wales", "scotland", "northern-ireland"]
    source: str
    terms: str | None


class ClosureModel(_Model):
    """A closure of at least four weeks."""

    first_closed_day: str
    reopens: str
    name: str | None = None


class ClosureCheckModel(_Model):
    """The reg 10(4)(a)/(b) window test for one advice request."""

    advice_requested: str
    engaged: bool | None
    limb: str
    window: list[str] | None
    closure: ClosureModel | None
    note: str | None = None


class TimelineModel(BaseModel):
    """A timeline document (sendtime.timeline/1). Commands may add top-level keys (e.g. pupil)."""

    model_config = ConfigDict(extra="allow", populate_by_name=True)

    schema_: Literal["sendtime.timeline/1"] = Field(alias="schema")
    jurisdiction: Literal["england", "wales"] = "england"
    process: str
    inputs: dict[str, str | list[str]]
    counting: Literal["exclusive", "inclusive"]
    calendar: CalendarModel
    steps: list[StepModel]
    closure_checks: list[ClosureCheckModel]
    warnings: list[str]
    disclaimer: str


def timeline_schema() -> dict[str, Any]:
    """The JSON Schema of sendtime.timeline/1."""
    return TimelineModel.model_json_schema(by_alias=True)


def validate_timeline(doc: dict[str, Any]) -> TimelineModel:
    """Validate a timeline document (tests use this on every JSON output)."""
    return TimelineModel.model_validate(doc)
