"""`check`'s summary: per group, process and step, how many met, late, overdue, open, disapplied.

Streaming: a caseload is read once and each row added as it passes. Days late are kept as a
histogram (days -> count), so memory grows with the distinct values, not with the rows, and the
median and 90th percentile (nearest rank) are exact.
"""

from __future__ import annotations

import json
from collections import Counter
from typing import IO, TYPE_CHECKING, Any

from sendtime.engine.model import OutcomeKind, Step

if TYPE_CHECKING:
    from rich.console import Console

COUNTED = (
    OutcomeKind.MET,
    OutcomeKind.LATE,
    OutcomeKind.OVERDUE,
    OutcomeKind.OPEN,
    OutcomeKind.DISAPPLIED,
)
SUMMARY_SCHEMA = "sendtime.check-summary/1"


def percentile(hist: Counter[int], num: int, den: int) -> int | None:
    """The nearest-rank num/den quantile of a histogram of whole numbers (exact integers)."""
    n = sum(hist.values())
    if n == 0:
        return None
    rank = max(1, -(-num * n // den))  # ceil(num * n / den)
    seen = 0
    for value in sorted(hist):
        seen += hist[value]
        if seen >= rank:
            return value
    return max(hist)  # pragma: no cover - the loop always reaches rank


class _Cell:
    __slots__ = ("counts", "late_days")

    def __init__(self) -> None:
        self.counts: Counter[OutcomeKind] = Counter()
        self.late_days: Counter[int] = Counter()


class OutcomeSummary:
    """Counts by (group, process, step); ``by`` names the grouping column, if any."""

    def __init__(self, by: str | None = None) -> None:
        self.by = by
        self._cells: dict[tuple[str, str, str], _Cell] = {}

    def add(self, group: str, process: str, steps: tuple[Step, ...]) -> None:
        """Count one row's statutory duties (not guidance, the parent's limits, or assumptions)."""
        for s in steps:
            o = s.outcome
            if o is None or o.kind not in COUNTED or not (o.statutory and o.duty) or o.assumed:
                continue
            key = (group, process, s.id)
            cell = self._cells.get(key)
            if cell is None:
                cell = self._cells[key] = _Cell()
            cell.counts[o.kind] += 1
            if o.kind is OutcomeKind.LATE and o.days_late is not None:
                cell.late_days[o.days_late] += 1

    def rows(self) -> list[dict[str, Any]]:
        """One record per (group, process, step), sorted."""
        out = []
        for (group, process, sid), cell in sorted(self._cells.items()):
            rec: dict[str, Any] = {}
            if self.by is not None:
                rec[self.by] = group
            rec |= {"process": process, "step": sid}
            rec |= {k.value: cell.counts.get(k, 0) for k in COUNTED}
            rec["median_days_late"] = percentile(cell.late_days, 1, 2)
            rec["p90_days_late"] = percentile(cell.late_days, 9, 10)
            out.append(rec)
        return out

    def write_json(self, out: IO[str]) -> None:
        """The summary document (--summary FILE)."""
        doc = {"schema": SUMMARY_SCHEMA, "by": self.by, "rows": self.rows()}
        out.write(json.dumps(doc, ensure_ascii=False, indent=2) + "\n")

    def print(self, console: Console) -> None:
        """A Rich table (stderr in the CLI)."""
        from rich.table import Table

        table = Table(title="Outcomes", title_justify="left")
        cols = ([self.by] if self.by else []) + ["process", "step"]
        cols += [k.value for k in COUNTED] + ["median late", "p90 late"]
        for c in cols:
            table.add_column(c, no_wrap=c == "step")
        for rec in self.rows():
            cells = [str(rec[self.by])] if self.by else []
            cells += [rec["process"], rec["step"]]
            cells += [str(rec[k.value]) for k in COUNTED]
            cells += [
                "" if rec[k] is None else str(rec[k]) for k in ("median_days_late", "p90_days_late")
            ]
            table.add_row(*cells)
        console.print(table)
