"""Batch outputs written row by row: CSV and JSON Lines sinks (ICS and XLSX have their own).

A sink takes one good caseload row at a time (`write(case)`) and writes it out at once, so a
batch's memory does not grow with its length; `close()` finishes the document.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Callable, Sequence
from typing import IO, TYPE_CHECKING, Protocol

from sendtime.engine.model import WEEKDAYS, Step
from sendtime.io.caseload import Cell, cell_text
from sendtime.render.csv import (
    OUTCOME_COLUMNS,
    STEP_COLUMNS,
    calendar_label,
    neutralise,
    outcome_row,
)

if TYPE_CHECKING:
    from sendtime.io.batch import Case

# The interface's batch columns exactly (docs/reference/files.md): a step's notes repeat
# long rule texts in every row and would triple the file; they are in JSON Lines and ICS.
BATCH_COLUMNS = ("ref", *(c for c in STEP_COLUMNS if c != "notes"))


class Sink(Protocol):
    """Where good rows go."""

    def write(self, case: Case) -> None:
        """Write one row's steps."""

    def close(self) -> None:
        """Finish the document (the caller closes the stream)."""


class CsvSink:
    """One CSV row per (ref, step): the step columns, then the pass-through columns."""

    def __init__(
        self,
        out: IO[str],
        extra_names: Sequence[str],
        *,
        bom: bool = False,
        outcomes: bool = False,
        keep: Callable[[Step], bool] | None = None,
    ) -> None:
        if bom:
            out.write("\ufeff")
        self._w = csv.writer(out, lineterminator="\n")
        self._outcomes, self._keep = outcomes, keep  # `check`: outcome columns, --only
        checked = OUTCOME_COLUMNS if outcomes else ()
        self._w.writerow([neutralise(c) for c in (*BATCH_COLUMNS, *checked, *extra_names)])
        # A rule's id, title, kind, status, confidence and citation are the same in every row:
        # neutralised once per rule, not once per row (a caseload repeats a few dozen rules).
        self._static: dict[tuple[str, str, str], tuple[str, ...]] = {}

    def write(self, case: Case) -> None:
        """Write one row's steps, every cell neutralised."""
        t = case.timeline
        ref, process = neutralise(case.ref), neutralise(t.process)
        extra = [neutralise(cell_text(v)) for _, v in case.extra]
        calendar = neutralise(calendar_label(t))
        rows = []
        for s in t.steps:
            if self._keep is not None and not self._keep(s):
                continue
            key = (s.id, s.title, s.citation)
            static = self._static.get(key)
            if static is None:
                cells = (
                    s.id,
                    s.title,
                    s.kind.value,
                    s.status.value,
                    s.confidence.value,
                    s.citation,
                )
                static = self._static[key] = tuple(neutralise(c) for c in cells)
            sid, title, kind, status, confidence, citation = static
            d = s.date
            rows.append(
                [
                    ref,
                    process,
                    sid,
                    title,
                    d.isoformat() if d else "",
                    WEEKDAYS[d.weekday()] if d else "",
                    kind,
                    status,
                    confidence,
                    citation,
                    neutralise(s.basis),
                    "true" if s.projected else "false",
                    neutralise(f"{s.disapplied.limb}: {s.disapplied.reason}")
                    if s.disapplied
                    else "",
                    s.date_range.latest.isoformat() if s.date_range else "",
                    calendar,
                    *([neutralise(c) for c in outcome_row(s)] if self._outcomes else ()),
                    *extra,
                ]
            )
        self._w.writerows(rows)

    def close(self) -> None:
        """Nothing to finish: CSV has no footer."""


class JsonLinesSink:
    """One JSON object per good row: the timeline document with `ref` and `extra` added."""

    def __init__(self, out: IO[str]) -> None:
        self._out = out

    def write(self, case: Case) -> None:
        """Write one row's timeline as one line."""
        from sendtime.render.json import timeline_dict

        doc = {"ref": case.ref, **timeline_dict(case.timeline)}
        doc["extra"] = {k: _json_value(v) for k, v in case.extra}
        self._out.write(json.dumps(doc, ensure_ascii=False, separators=(",", ":")) + "\n")

    def close(self) -> None:
        """Nothing to finish: one line per row."""


class StepLinesSink:
    """`check --format json`: one JSON object per (ref, step), with the outcome fields."""

    def __init__(self, out: IO[str], *, keep: Callable[[Step], bool] | None = None) -> None:
        self._out = out
        self._keep = keep

    def write(self, case: Case) -> None:
        """Write one line per kept step of the row."""
        from sendtime.render.json import outcome_fields, step_dict

        t = case.timeline
        extra = {k: _json_value(v) for k, v in case.extra}
        for s in t.steps:
            if self._keep is not None and not self._keep(s):
                continue
            doc = {
                "ref": case.ref,
                "process": t.process,
                **step_dict(s),
                **outcome_fields(s),
                "extra": extra,
            }
            self._out.write(json.dumps(doc, ensure_ascii=False, separators=(",", ":")) + "\n")

    def close(self) -> None:
        """Nothing to finish: one line per step."""


def _json_value(v: Cell) -> object:
    return v if isinstance(v, str | int | float) else cell_text(v)
