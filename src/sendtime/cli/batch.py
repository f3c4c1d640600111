"""The `batch` command: a caseload file in, one output file (or stdout) out (`due`: due.py).

Parse options, stream rows through sendtime.io.batch, hand each good row to a sink and each bad
row to stderr and --errors as a JSON Lines record, and return the exit code (1 > 2 > 3 > 4 > 0).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import io
import json
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Annotated, Any

import typer

import sendtime.cli.stderr as stderr
from sendtime.cli.app import app
from sendtime.cli.options import _opt, choice, london_today, parse_date
from sendtime.cli.output import outputs
from sendtime.engine.errors import BadInput
from sendtime.engine.model import Counting, Nation
from sendtime.io.batch import Case, Defaults, RowError, Runner, open_caseload

BATCH_FORMATS = ("csv", "json", "ics", "xlsx")
DUE_FORMATS = ("table", "csv", "json")
PRIORITY = {1: 4, 2: 3, 3: 2, 4: 1, 0: 0}  # docs/reference/exit-codes.md: 1 > 2 > 3 > 4 > 0


def worst(a: int, b: int) -> int:
    """The exit code that wins when both apply."""
    return a if PRIORITY.get(a, 4) >= PRIORITY.get(b, 4) else b


def _write_bytes(data: bytes) -> None:
    sys.stdout.flush()
    sys.stdout.buffer.write(data)
    sys.stdout.buffer.flush()


# ----------------------------------------------------------------------------- shared options
CaseloadArg = Annotated[
    str,
    typer.Argument(
        help="The caseload: a .csv or .xlsx file with a header row (ref, process, date, ...).",
        show_default=False,
        metavar="CASELOAD",
    ),
]
Errors = Annotated[
    str | None,
    _opt("--errors", help="Also write the rejected rows' error records here.", metavar="FILE"),
]
Encoding = Annotated[
    str | None,
    _opt("--encoding", help="The CSV's encoding, e.g. cp1252 (default UTF-8).", metavar="ENC"),
]
Sheet = Annotated[
    str | None, _opt("--sheet", help="The .xlsx sheet (default the first).", metavar="NAME")
]
Today = Annotated[
    str | None,
    _opt("--today", help="Today's date (default: today in Europe/London).", metavar="DATE"),
]
NationOpt = Annotated[  # refused, naming why (England's law has England's calendar)
    str | None,
    typer.Option("--nation", hidden=True, show_default=False, metavar="NATION"),
]
Terms = Annotated[
    str | None,
    _opt("--terms", help="Term dates for rows without a terms column.", metavar="FILE"),
]
BankHolidays = Annotated[
    str | None,
    _opt(
        "--bank-holidays",
        help="Extra bank holidays from a GOV.UK bank-holidays.json file.",
        metavar="FILE",
    ),
]
RulesOpt = Annotated[
    str | None,
    _opt("--rules", help="Local rules (TOML) for rows without a rules column.", metavar="FILE"),
]
CountingOpt = Annotated[
    str,
    _opt(
        "--counting", help="exclusive (default) or inclusive, where a row has none.", metavar="MODE"
    ),
]


@dataclass(frozen=True)
class Source:
    """The caseload and the options that shape every row."""

    path: str
    encoding: str | None
    sheet: str | None
    errors: str | None
    today: dt.date | None
    nation: str | None
    terms: str | None
    bank_holidays: str | None
    counting: str
    rules: str | None = None

    def defaults(self) -> Defaults:
        """The batch runner's defaults for cells a row leaves empty."""
        if self.nation is not None:
            from sendtime.law.england.rules import NATION_REFUSED

            msg = f"--nation {self.nation}: {NATION_REFUSED}; --nation belongs to `holidays` only"
            raise BadInput(msg)
        nation = Nation.ENGLAND_AND_WALES
        counting = Counting(choice(self.counting, "--counting", tuple(c.value for c in Counting)))
        extra: dict[dt.date, str] = {}
        source = None
        if self.bank_holidays:
            from sendtime.io.loaders import load_govuk_bank_holidays

            extra = load_govuk_bank_holidays(self.bank_holidays, nation)
            source = Path(self.bank_holidays).name
        terms = _input_file(self.terms, "--terms")
        rules = _input_file(self.rules, "--rules")
        return Defaults(self.today, nation, terms, counting, extra, source, rules)


def _input_file(path: str | None, what: str) -> Path | None:
    """An option's file, checked (a regular file under the cap) and recorded as an input now."""
    if path is None or path == "":
        return None
    from sendtime.io import files

    files.open_input(path, what, files.SMALL_CAP).close()
    return Path(path).resolve()


class Run:
    """One pass over a caseload: yields good rows, reports bad ones, tracks the exit code."""

    def __init__(self, src: Source) -> None:
        self.src = src
        self.code = 0
        self.bad = 0
        self.good = 0
        # Duplicate (ref, step) detection: per ref (a hash), the set of its step ids, interned
        # so the few distinct sets a caseload has are stored once. About 100 bytes a ref.
        self._steps_of: dict[int, frozenset[str]] = {}
        self._interned: dict[frozenset[str], frozenset[str]] = {}
        self._warned: dict[str, int] = {}

    @contextlib.contextmanager
    def cases(self) -> Iterator[tuple[tuple[str, ...], Iterator[Case]]]:
        """Open the caseload; yield its pass-through column names and the good rows."""
        defaults = self.src.defaults()
        with (
            open_caseload(self.src.path, encoding=self.src.encoding, sheet=self.src.sheet) as (
                caseload,
                plan,
            ),
            contextlib.ExitStack() as stack,
        ):
            errors = None
            if self.src.errors:
                errors = outputs().text("--errors", self.src.errors)
            runner = Runner(caseload.folder, defaults)
            progress = stack.enter_context(_progress(caseload.path.name))

            def good() -> Iterator[Case]:
                for n, row in enumerate(caseload.rows(), 1):
                    result = runner.run_row(plan, row)
                    if n % 500 == 0:
                        progress(n)
                    if isinstance(result, RowError):
                        self._reject(result, errors)
                    else:
                        self._accept(result)
                        yield result

            yield plan.extra_names, good()
        self._summary()

    def _reject(self, e: RowError, errors: IO[str] | None) -> None:
        self.bad += 1
        self.code = worst(self.code, e.exit_code)
        line = json.dumps(e.record(), ensure_ascii=False)
        stderr.line(line)
        if errors is not None:
            errors.write(line + "\n")

    def _accept(self, case: Case) -> None:
        self.good += 1
        key = hash(case.ref)
        ids = frozenset(s.id for s in case.timeline.steps)
        before = self._steps_of.get(key)
        repeated = [s.id for s in case.timeline.steps if s.id in before] if before else []
        merged = ids if before is None else before | ids
        self._steps_of[key] = self._interned.setdefault(merged, merged)
        if repeated:
            _warn(
                f"ref {case.ref} (line {case.line}) repeats step {repeated[0]} of an earlier row"
                + (f" and {len(repeated) - 1} more" if len(repeated) > 1 else "")
                + "; calendars keep one event per (ref, step)"
            )
        for w in case.warnings:
            count = self._warned.get(w, 0)
            if not count:
                _warn(f"ref {case.ref} (line {case.line}): {w}")
            self._warned[w] = count + 1

    def _summary(self) -> None:
        for w, count in self._warned.items():
            if count > 1:
                _warn(f"the warning above ({w[:60]}...) applies to {count - 1} more row(s)")
        if self.bad:
            _warn(f"{self.bad} row(s) rejected, {self.good} row(s) done; see the records above")


_warn = stderr.warn


@contextlib.contextmanager
def _progress(name: str) -> Iterator[Any]:
    """A Rich progress line on stderr, only when stderr is a terminal."""
    if not sys.stderr.isatty():
        yield lambda n: None
        return
    from rich.console import Console
    from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

    with Progress(
        SpinnerColumn(),
        TextColumn("{task.description}: {task.completed} rows", markup=False),
        TimeElapsedColumn(),
        console=Console(stderr=True),
        transient=True,
        redirect_stdout=False,  # stdout is data: never routed through the progress display
    ) as bar:
        task = bar.add_task(name, total=None)
        yield lambda n: bar.update(task, completed=n)


def _remind(text: str | None) -> tuple[int, ...]:
    if not text:
        return ()
    try:
        days = tuple(sorted({int(p) for p in text.split(",") if p.strip()}, reverse=True))
    except ValueError:
        days = ()
    if not days or any(not 1 <= n <= 365 for n in days):
        msg = f"--remind {text!r}: expected days before each step, e.g. 7,3,1 (1 to 365)"
        raise BadInput(msg)
    return days


# ----------------------------------------------------------------------------- batch
@app.command("batch")
def batch_cmd(
    caseload: CaseloadArg,
    format: Annotated[
        str, _opt("--format", "-f", help="csv (default), json, ics or xlsx.", metavar="FORMAT")
    ] = "csv",
    output: Annotated[
        str | None, _opt("--output", "-o", help="Write here (default stdout).", metavar="FILE")
    ] = None,
    errors: Errors = None,
    encoding: Encoding = None,
    sheet: Sheet = None,
    remind: Annotated[
        str | None,
        _opt("--remind", help="ics: heads-up events N days before, e.g. 7,3,1.", metavar="DAYS"),
    ] = None,
    bom: Annotated[
        bool, typer.Option("--bom", help="csv: start with a BOM so Excel reads UTF-8.")
    ] = False,
    today: Today = None,
    nation: NationOpt = None,
    terms: Terms = None,
    bank_holidays: BankHolidays = None,
    counting: CountingOpt = "exclusive",
    rules: RulesOpt = None,
) -> int:
    """Every step of every row of a caseload, as CSV, JSON Lines, ICS or XLSX."""
    choice(format, "--format", BATCH_FORMATS)
    days = _remind(remind)
    if days and format != "ics":
        raise BadInput("--remind: only with --format ics")
    if bom and format != "csv":
        raise BadInput("--bom: only with --format csv")
    given_today = parse_date(today, "--today") if today else None
    if format == "xlsx" and output is None and sys.stdout.isatty():
        raise BadInput("--format xlsx: give -o FILE.xlsx (a workbook is not for the terminal)")
    src = Source(
        caseload,
        encoding,
        sheet,
        errors,
        given_today or london_today(),
        nation,
        terms,
        bank_holidays,
        counting,
        rules,
    )
    run = Run(src)
    with run.cases() as (extra_names, good):
        sink = _sink(format, output, extra_names, bom=bom, today=given_today, remind=days)
        try:
            for case in good:
                sink.write(case)
            sink.close()
        except BrokenPipeError:
            raise
        except OSError as exc:  # openpyxl's own temporary sheet on a full disk, say
            from sendtime.io.outputs import OutputError

            where = f"-o {output}" if output else "stdout"
            reason = exc.strerror or type(exc).__name__
            msg = f"{where}: cannot be written ({reason}); no output written"
            raise OutputError(msg) from None
    return run.code


def _sink(
    fmt: str,
    output: str | None,
    extra_names: tuple[str, ...],
    *,
    bom: bool,
    today: dt.date | None,
    remind: tuple[int, ...],
) -> Any:
    if fmt == "xlsx":
        from sendtime.render.xlsx import XlsxSink

        target = outputs().binary("-o", output) if output else sys.stdout.buffer
        sink = XlsxSink(target, extra_names, today=today)
        outputs().on_abort(sink.discard)
        return sink
    if fmt == "ics":
        from sendtime.render.ics import IcsSink

        if output:
            binary: IO[bytes] = outputs().binary("-o", output)
        else:
            sys.stdout.flush()
            binary = sys.stdout.buffer
        return IcsSink(binary, today=today, remind=remind)
    text = outputs().text("-o", output) if output else _utf8_stdout()
    if fmt == "json":
        from sendtime.render.rows import JsonLinesSink

        return JsonLinesSink(text)
    from sendtime.render.rows import CsvSink

    return CsvSink(text, extra_names, bom=bom)


def _utf8_stdout() -> IO[str]:
    """stdout, switched to UTF-8 if it is not (Windows redirects default to cp1252)."""
    out = sys.stdout
    enc = (getattr(out, "encoding", None) or "utf-8").lower().replace("_", "-")
    if enc not in ("utf-8", "utf8") and isinstance(out, io.TextIOWrapper):
        out.reconfigure(encoding="utf-8")
    return out


# ----------------------------------------------------------------------------- due
