"""JSON documents written with the stdlib from the core's dataclasses (docs/reference/json.md)."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable
from typing import Any

from sendtime.engine.model import ClosureCheck, InputValue, Rule, Step, Timeline
from sendtime.law.jurisdictions import DEFAULT, disclaimer

TIMELINE_SCHEMA = "sendtime.timeline/1"


def _d(d: dt.date | None) -> str | None:
    return d.isoformat() if d else None


def step_dict(s: Step) -> dict[str, Any]:
    """One step as the documented JSON object."""
    out: dict[str, Any] = {
        "id": s.id,
        "title": s.title,
        "date": _d(s.date),
        "weekday": s.weekday,
        "kind": s.kind.value,
        "status": s.status.value,
        "confidence": s.confidence.value,
        "citation": s.citation,
        "basis": s.basis,
        "projected": s.projected,
        "disapplied": (
            {"limb": s.disapplied.limb, "reason": s.disapplied.reason} if s.disapplied else None
        ),
        "notes": list(s.notes),
        "days_left": s.days_left,
        "when": s.when.value if s.when else None,
    }
    r = s.date_range
    out["date_range"] = (
        {
            "earliest": r.earliest.isoformat(),
            "latest": r.latest.isoformat(),
            "earliest_source": r.earliest_source,
            "latest_source": r.latest_source,
        }
        if r
        else None
    )
    if s.source is not None:
        out["source"] = s.source
    return out


def closure_check_dict(c: ClosureCheck) -> dict[str, Any]:
    """One reg 10(4)(a)/(b) closure check."""
    return {
        "advice_requested": c.advice_requested.isoformat(),
        "engaged": c.engaged,
        "limb": c.limb,
        "window": [c.window[0].isoformat(), c.window[1].isoformat()] if c.window else None,
        "closure": (
            {
                "first_closed_day": c.closure.first_closed_day.isoformat(),
                "reopens": c.closure.reopens.isoformat(),
                "name": c.closure.name or None,  # which closure decided it
            }
            if c.closure
            else None
        ),
        "note": c.note or None,
    }


def timeline_dict(t: Timeline) -> dict[str, Any]:
    """A timeline as the documented JSON object (schema sendtime.timeline/1)."""
    doc: dict[str, Any] = {
        "schema": TIMELINE_SCHEMA,
        "jurisdiction": t.jurisdiction or DEFAULT,
        "process": t.process,
        "inputs": {k: input_json(v) for k, v in t.inputs},
        "counting": t.counting.value,
        "calendar": {
            "bank_holidays": t.calendar.bank_holidays,
            "source": t.calendar.source,
            "terms": t.calendar.terms,
        },
        "steps": [step_dict(s) for s in t.steps],
        "closure_checks": [closure_check_dict(c) for c in t.closure_checks],
        "warnings": list(t.warnings),
        "disclaimer": disclaimer(t.jurisdiction),
    }
    if t.year_group is not None:
        doc["year_group"] = t.year_group.year_group
        doc["preparation_for_adulthood"] = t.year_group.preparation_for_adulthood
    if t.pupil is not None:
        doc["pupil"] = t.pupil.doc
    return doc


def input_json(v: InputValue) -> str | list[str]:
    """An input as JSON: a date as ISO text, several dates as a list of them, text as given."""
    if isinstance(v, tuple):
        return [d.isoformat() for d in v]
    return v.isoformat() if isinstance(v, dt.date) else v


def dumps(doc: object) -> str:
    """Stable, readable JSON text (keys in insertion order, UTF-8 kept)."""
    return json.dumps(doc, indent=2, ensure_ascii=False)


def rules_dict(rules: Iterable[Rule], *, jurisdiction: str = DEFAULT) -> dict[str, Any]:
    """The rule table document (schema sendtime.rules/1) of one jurisdiction."""
    return {
        "schema": "sendtime.rules/1",
        "jurisdiction": jurisdiction,
        "rules": [
            {
                "id": r.id,
                "title": r.title,
                "citation": r.citation,
                "period": r.period,
                "kind": r.kind.value,
                "status": r.status.value,
                "confidence": r.confidence.value,
            }
            for r in rules
        ],
    }


def holidays_dict(nation: str, source: str, days: Iterable[tuple[dt.date, str]]) -> dict[str, Any]:
    """The bank-holiday document (schema sendtime.holidays/1)."""
    return {
        "schema": "sendtime.holidays/1",
        "nation": nation,
        "source": source,
        "holidays": [
            {"date": d.isoformat(), "weekday": d.strftime("%A"), "name": n} for d, n in days
        ],
    }
