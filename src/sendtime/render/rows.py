"""Batch outputs written row by row: CSV and JSON Lines sinks (ICS and XLSX have their own).

A sink takes one good caseload row at a time (`write(case)`) and writes it out at once, so a
batch's memory does not grow with its length; `close()` finishes the document.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable, Sequence
from typing import IO, TYPE_CHECKING, Protocol

from sendtime.engine.model import WEEKDAYS, Step, Timeline
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
PREPARED_SIZE = 8192  # as the batch's timeline cache (io/batch.py MEMO_SIZE)


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
        self._out = out
        self._outcomes, self._keep = outcomes, keep  # `check`: outcome columns, --only
        checked = OUTCOME_COLUMNS if outcomes else ()
        # Rows are formatted into a buffer and handed to the stream once per caseload row: the
        # stream (a guarded temp file) costs a Python call per write, csv.writer makes one a row.
        self._buf = io.StringIO()
        self._w = csv.writer(self._buf, lineterminator="\n")
        self._w.writerow([neutralise(c) for c in (*BATCH_COLUMNS, *checked, *extra_names)])
        self._flush()
        # A rule's id, title, kind, status, confidence and citation are the same in every row:
        # neutralised once per rule, not once per row (a caseload repeats a few dozen rules).
        self._static: dict[tuple[str, str, str], tuple[str, ...]] = {}
        # Rows with the same inputs share one timeline object (the batch's cache): its cells
        # between ref and the pass-through columns are prepared once. Keyed by id(), with the
        # timeline kept in the value so the id cannot be reused while the entry lives.
        self._prepared: dict[int, tuple[Timeline, tuple[tuple[str, ...], ...]]] = {}

    def _flush(self) -> None:
        self._out.write(self._buf.getvalue())
        self._buf.seek(0)
        self._buf.truncate()

    def _cells(self, t: Timeline) -> tuple[tuple[str, ...], ...]:
        """The cells of each step from process to calendar, neutralised."""
        process = neutralise(t.process)
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
                (
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
                )
            )
        return tuple(rows)

    def write(self, case: Case) -> None:
        """Write one row's steps, every cell neutralised."""
        t = case.timeline
        if case.shared:
            entry = self._prepared.pop(id(t), None)
            if entry is None or entry[0] is not t:
                entry = (t, self._cells(t))
                if len(self._prepared) >= PREPARED_SIZE:  # least recently used out, as the cache
                    del self._prepared[next(iter(self._prepared))]
            self._prepared[id(t)] = entry
            rows = entry[1]
        else:  # a timeline of this row only: nothing to keep
            rows = self._cells(t)
        ref = neutralise(case.ref)
        extra = tuple(neutralise(cell_text(v)) for _, v in case.extra)
        self._w.writerows((ref, *cells, *extra) for cells in rows)
        self._flush()

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
