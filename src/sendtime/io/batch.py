"""The batch runner: caseload rows in, timelines or error records out, one row at a time.

Generic over the process registries (England's and Wales's BATCH, picked by a row's
`jurisdiction` cell, default england): a process added there is
callable from a caseload with no change here. Pure of the command line: `cases()` yields a
`Case` (a good row and its timeline) or a `RowError` (a bad row: ref, line, what was expected)
for each row, in file order, and never stops on a bad row. Error messages name the column and
what was expected, never another cell's value.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Generator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sendtime.engine.errors import BadInput, SendtimeError
from sendtime.engine.model import Counting, Nation, Timeline
from sendtime.engine.options import Options
from sendtime.io.caseload import (
    Caseload,
    Cell,
    CellError,
    Header,
    Row,
    cell_text,
    normalise,
)
from sendtime.io.cells import (
    VOCABULARY,
    cell_values,
    column_error,
    convert_cell,
    parse_exceptions,
    scrub,
    word_of,
)
from sendtime.law.england import processes as england
from sendtime.law.england.processes import Param, ParamKind, Process
from sendtime.law.wales import processes as wales

# Columns every row may carry besides its process's own (docs/reference/files.md).
GENERIC = (
    "ref",
    "process",
    "date",
    "jurisdiction",
    "counting",
    "nation",
    "terms",
    "rules",
    "exception",
)
# A row's `jurisdiction` cell (default england) picks the registry its `process` is read from.
BATCHES: dict[str, dict[str, Process]] = {"england": england.BATCH, "wales": wales.BATCH}
REGISTRIES: dict[str, dict[str, Process]] = {"england": england.REGISTRY, "wales": wales.REGISTRY}
# With a date of birth, any row also gets the pupil's next transfer (issue 8): these columns.
PUPIL = ("dob", "structure", "year_group", "destination", "transfer_after_year")
# Timelines kept for rows with the same inputs, least recently used evicted (issue 20). Sized on
# evidence (benchmarks/memory.py, 30,000 review rows over 15 years, 5,479 distinct dates):
# 1,024 hit 19% of rows (7.5 s, 38 MiB), 4,096 6.3 s at 82 MiB, 8,192 holds every date of 15
# years of one process: 3.8 s at 102 MiB, bounded however long the caseload (16,384: 3.6 s).
MEMO_SIZE = 8192
FILES_SIZE = 1024  # file cells looked up once each


@dataclass(frozen=True, slots=True)
class Case:
    """A good row: its ref, line, timeline, pass-through cells and latest input date."""

    ref: str
    line: int
    timeline: Timeline
    extra: tuple[tuple[str, Cell], ...]
    latest_input: dt.date | None
    warnings: tuple[str, ...] = ()  # the timeline's warnings, with the row's values taken out


@dataclass(frozen=True, slots=True)
class RowError:
    """A bad row: `line` is where the record starts (header = line 1; .xlsx: the sheet row)."""

    ref: str
    line: int
    error: str
    exit_code: int = 2  # 2 bad input, 3 needs more data, 1 unexpected

    def record(self) -> dict[str, object]:
        """The documented error record."""
        return {"ref": self.ref, "line": self.line, "error": self.error}


@dataclass(frozen=True)
class Defaults:
    """What a row uses when it has no cell of its own (the command's options)."""

    today: dt.date | None = None
    nation: Nation = Nation.ENGLAND_AND_WALES
    terms: Path | None = None
    counting: Counting = Counting.EXCLUSIVE
    extra_holidays: Mapping[dt.date, str] = field(default_factory=dict)
    extra_source: str | None = None
    rules: Path | None = None  # --rules: for rows without a rules cell (a cell replaces it)


class _Plan:
    """How one file's header maps onto processes: built once, used for every row."""

    def __init__(self, header: Header, path: Path) -> None:
        self.header = header
        self.ref = header.index["ref"]
        self.process = header.index["process"]
        self.date = header.index["date"]
        self.generic = {c: header.position(c) for c in (*GENERIC, *PUPIL)}
        # Cells whose values may appear in messages: the ref and words from a fixed list.
        self.keep = tuple(
            i
            for c in ("ref", "process", "jurisdiction", "nation", "counting")
            if (i := self.generic[c]) is not None
        ) + tuple(
            i  # words from a fixed list (a kind of transfer, an order type): not personal data
            for c in VOCABULARY
            if (i := header.position(c)) is not None
        )
        known: set[int] = {i for i in self.generic.values() if i is not None}
        self.params: dict[tuple[str, str], list[tuple[Param, int]]] = {}
        for jurisdiction, batch in BATCHES.items():
            for name, spec in batch.items():
                cols = []
                for p in spec.params:
                    i = header.position(p.column)
                    if i is not None:
                        cols.append((p, i))
                        known.add(i)
                self.params[jurisdiction, name] = cols
        # A column some process reads must not appear twice: which one would count is unclear.
        first = set(header.index.values())
        for i, n in enumerate(header.names):
            key = normalise(n)
            if i not in first and header.index[key] in known:
                msg = f"CASELOAD {path}: the header has two {key!r} columns; expected each once"
                raise BadInput(msg)
        # A column is passed through when no process reads it.
        self.extra = tuple(
            (n, i) for i, n in enumerate(header.names) if i not in known or i not in first
        )
        self.extra_names = tuple(n for n, _ in self.extra)


class Runner:
    """Turns rows into timelines, keeping one Calendar per (nation, terms file)."""

    def __init__(self, folder: Path, defaults: Defaults) -> None:
        self.folder = folder
        self.defaults = defaults
        self._calendars: dict[tuple[Nation, Path | None], Any] = {}
        self._terms: dict[Path, Any] = {}
        self._files: dict[str, Path] = {}
        # Process functions are pure and timelines frozen: rows with the same inputs (a
        # caseload repeats dates) share one timeline instead of computing it again.
        self._memo: dict[tuple[object, ...], Timeline] = {}
        self._rule_files: Any = None

    def calendar(self, nation: Nation, terms: Path | None) -> Any:
        """The shared Calendar for a nation and terms file, built on first use."""
        key = (nation, terms)
        cal = self._calendars.get(key)
        if cal is None:
            from sendtime.engine.calendars import Calendar
            from sendtime.io import bankholidays

            loaded = None
            if terms is not None:
                loaded = self._terms.get(terms)
                if loaded is None:
                    from sendtime.io.loaders import load_terms

                    loaded = self._terms[terms] = load_terms(terms)
            d = self.defaults
            cal = Calendar(
                nation,
                terms=loaded,
                extra_holidays=d.extra_holidays,
                extra_source=d.extra_source,
                loader=bankholidays.load,
            )
            self._calendars[key] = cal
        return cal

    def run_row(self, plan: _Plan, row: Row) -> Case | RowError:
        """One row's timeline, or the error record saying what its cells lack."""
        cells = row.cells
        ref = cell_text(cells[plan.ref])
        if row.problem is not None:
            return RowError(ref, row.line, row.problem)
        if not ref:
            return RowError("", row.line, "column ref: expected the case reference, it is empty")
        if row.extra_cells:
            return RowError(
                ref,
                row.line,
                f"the row has {row.extra_cells} more filled cell(s) than the header has columns",
            )
        try:
            timeline, latest = self._timeline(plan, cells)
        except (CellError, SendtimeError) as exc:
            code = exc.exit_code if isinstance(exc, SendtimeError) else 2
            process = cell_text(cells[plan.process]).lower()
            message = column_error(exc) or scrub(
                str(exc), cells, plan.keep, process, registry=REGISTRIES.get(_juris(plan, cells))
            )
            return RowError(ref, row.line, message, code)
        except Exception as exc:  # a bug must not stop the batch or show the row's cells
            return RowError(ref, row.line, f"internal error ({type(exc).__name__})", 1)
        extra = tuple((name, cells[i]) for name, i in plan.extra)
        warns: tuple[str, ...] = ()
        if timeline.warnings:
            values = cell_values(cells, plan.keep)  # once per row, not once per warning
            warns = tuple(
                scrub(
                    w,
                    cells,
                    plan.keep,
                    timeline.process,
                    values,
                    registry=REGISTRIES.get(timeline.jurisdiction),
                )
                for w in timeline.warnings
            )
        return Case(ref, row.line, timeline, extra, latest, warns)

    def _timeline(self, plan: _Plan, cells: tuple[Cell, ...]) -> tuple[Timeline, dt.date | None]:
        name = cell_text(cells[plan.process]).lower()
        jurisdiction = _juris(plan, cells)
        if jurisdiction not in BATCHES:
            raise CellError("column jurisdiction: expected one of " + ", ".join(BATCHES))
        batch = BATCHES[jurisdiction]
        spec = batch.get(name)
        if spec is None:
            where = "" if jurisdiction == "england" else f" (jurisdiction {jurisdiction})"
            raise CellError(f"column process: expected one of {', '.join(batch)}{where}")
        latest: dt.date | None = None
        kwargs: dict[str, Any] = {}
        for p, i in plan.params[jurisdiction, name]:
            value = cells[i]
            if value == "":
                continue
            v = convert_cell(value, p.kind, p.column)
            kwargs[p.arg] = v
            for d in v if isinstance(v, list) else [v]:
                if isinstance(d, dt.date) and (latest is None or d > latest):
                    latest = d
        first = _first(spec, cells[plan.date])
        if isinstance(first, dt.date) and (latest is None or first > latest):
            latest = first
        g = self._generic(plan, cells)
        for p in spec.params:  # a keyword the process cannot do without, left empty
            if p.required and p.arg not in kwargs:
                raise CellError(f"column {p.column}: the {name} process needs it")
        for d in (e for x in g["exceptions"] for e in (x.start, x.end) if e):
            latest = d if latest is None or d > latest else latest
        key = (
            name,
            first,
            g["nation"],
            g["terms"],
            g["counting"],
            tuple(g["exceptions"]),
            tuple((k, tuple(v) if isinstance(v, list) else v) for k, v in kwargs.items()),
            jurisdiction,  # Wales's review is not England's
        )
        memo = self._memo
        t = memo.pop(key, None)
        if t is not None:
            memo[key] = t  # most recently used last: eviction takes the least recent first
        else:
            options = Options(
                counting=g["counting"],
                calendar=self.calendar(g["nation"], g["terms"]),
                exceptions=tuple(g["exceptions"]),
                today=self.defaults.today,
            )
            t = spec.load()(first, **kwargs, options=options)
            if len(memo) >= MEMO_SIZE:  # bounded: drop the least recently used, memory stays flat
                del memo[next(iter(memo))]
            memo[key] = t
        england_row = jurisdiction == "england"
        if england_row and name != "pupil" and (dob := self._pupil_cell(plan, cells, "dob")):
            t = self._with_transfer(t, plan, cells, dob, g)
        rules = g["rules"] if g["rules"] is not None else self.defaults.rules
        if rules is not None and not england_row:
            raise CellError("column rules: local rules apply to England's processes only for now")
        if rules is not None:
            if self._rule_files is None:
                from sendtime.io.rulefile import RuleFiles

                self._rule_files = RuleFiles(self.folder, what="column rules")
            calendar = self.calendar(g["nation"], g["terms"])
            t = self._rule_files.apply(t, rules, calendar=calendar, today=self.defaults.today)
        return t, latest

    @staticmethod
    def _pupil_cell(plan: _Plan, cells: tuple[Cell, ...], column: str) -> Cell:
        i = plan.generic[column]
        return "" if i is None else cells[i]

    def _with_transfer(
        self, t: Timeline, plan: _Plan, cells: tuple[Cell, ...], dob: Cell, g: dict[str, Any]
    ) -> Timeline:
        """Add the pupil's next transfer steps (from dob, structure, year_group) to a row."""
        from dataclasses import replace

        from sendtime.law.england.pupils import pupil

        if self.defaults.today is None:
            return t
        kwargs: dict[str, Any] = {"dob": convert_cell(dob, ParamKind.DATE, "dob")}
        for column, kind in (
            ("structure", ParamKind.TEXT),
            ("year_group", ParamKind.INT),
            ("destination", ParamKind.TEXT),
            ("transfer_after_year", ParamKind.INT),
        ):
            if (value := self._pupil_cell(plan, cells, column)) != "":
                kwargs[column] = convert_cell(value, kind, column)
        p = pupil(
            kwargs.pop("dob"),
            today=self.defaults.today,
            calendar=self.calendar(g["nation"], g["terms"]),
            **kwargs,
        )
        have = set(t.ids)
        extra = tuple(s for s in p.steps if s.id not in have)
        return replace(
            t,
            steps=t.steps + extra,
            warnings=tuple(dict.fromkeys((*t.warnings, *p.warnings))),
            pupil=p.pupil,
        )

    def _generic(self, plan: _Plan, cells: tuple[Cell, ...]) -> dict[str, Any]:
        def cell(column: str) -> str:
            i = plan.generic[column]
            return "" if i is None else cell_text(cells[i])

        d = self.defaults
        out: dict[str, Any] = {"nation": d.nation, "counting": d.counting, "terms": d.terms}
        if cell("nation"):  # England's law has England's calendar: a nation cannot move a date
            from sendtime.law.england.rules import NATION_REFUSED

            raise CellError(f"column nation: {NATION_REFUSED}; leave it empty or remove it")
        out["counting_given"] = bool(text := cell("counting"))
        if text:
            out["counting"] = word_of(Counting, text, "counting")
        if text := cell("terms"):
            out["terms"] = self._file(text, "terms")
        out["rules"] = self._file(text, "rules") if (text := cell("rules")) else None
        out["exceptions"] = parse_exceptions(cell("exception"))
        return out

    def _file(self, text: str, column: str) -> Path:
        path = self._files.get(text)
        if path is None:  # a caseload names a few files many times: look each up once
            path = (self.folder / text).resolve()
            if not path.is_file():
                msg = f"column {column}: expected a file, relative to the caseload's folder"
                raise CellError(msg)
            if len(self._files) < FILES_SIZE:
                self._files[text] = path
        return path


def _juris(plan: _Plan, cells: tuple[Cell, ...]) -> str:
    """A row's jurisdiction: its cell, lower-cased, or england when empty or absent."""
    i = plan.generic["jurisdiction"]
    return (cell_text(cells[i]).lower() if i is not None else "") or "england"


def _first(spec: Process, value: Cell) -> Any:
    if value == "":
        return None
    return convert_cell(value, spec.date_kind or ParamKind.DATE, "date")


def cases(
    path: str | Path,
    *,
    defaults: Defaults | None = None,
    encoding: str | None = None,
    sheet: str | None = None,
) -> Generator[Case | RowError, None, None]:
    """Every row of a caseload file as a Case or a RowError, in file order (a generator).

    The file's header is read when iteration starts; a file that cannot be read at all
    (missing, empty, no header, wrong encoding) raises BadInput there.
    """
    with open_caseload(path, encoding=encoding, sheet=sheet) as (caseload, plan):
        runner = Runner(caseload.folder, defaults or Defaults())
        for row in caseload.rows():
            yield runner.run_row(plan, row)


class open_caseload:
    """Open a caseload and plan its columns: `with open_caseload(p) as (caseload, plan)`."""

    def __init__(self, path: str | Path, *, encoding: str | None, sheet: str | None) -> None:
        self.caseload = Caseload(path, encoding=encoding, sheet=sheet)
        try:
            self.plan = _Plan(self.caseload.header, self.caseload.path)
        except BaseException:
            self.caseload.close()
            raise

    def __enter__(self) -> tuple[Caseload, _Plan]:
        return self.caseload, self.plan

    def __exit__(self, *exc: object) -> None:
        self.caseload.close()


__all__ = [
    "Case",
    "Defaults",
    "RowError",
    "Runner",
    "cases",
    "open_caseload",
]
