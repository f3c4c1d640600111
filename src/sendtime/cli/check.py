"""The `check` command: a caseload's actual dates against the law, one record per (ref, step).

The caseload columns of `batch`, plus `done:STEP_ID` columns (when each step happened). Rows
stream through sendtime.io.batch exactly as in `batch` (bad rows reported with their line, never
dropped); each good row's steps carry outcomes; a summary goes to stderr (and --summary FILE).
Exit 4 when a statutory duty is late or overdue, keeping 1 > 2 > 3 > 4 > 0.
"""

from __future__ import annotations

import sys
from typing import Annotated, Any

from sendtime.cli.app import app
from sendtime.cli.batch import (
    BankHolidays,
    CaseloadArg,
    CountingOpt,
    Encoding,
    Errors,
    NationOpt,
    RulesOpt,
    Run,
    Sheet,
    Source,
    Terms,
    Today,
    _utf8_stdout,
    worst,
)
from sendtime.cli.options import _opt, choice, london_today, parse_date
from sendtime.cli.output import outputs
from sendtime.engine.errors import BadInput
from sendtime.engine.model import OutcomeKind, Step
from sendtime.io.caseload import cell_text, normalise

CHECK_FORMATS = ("csv", "json", "xlsx")


def _only(text: str | None) -> frozenset[OutcomeKind] | None:
    """--only late,overdue: the outcome kinds to keep (None: every step)."""
    if not text:
        return None
    allowed = tuple(k.value for k in OutcomeKind)
    kinds = [p.strip() for p in text.split(",") if p.strip()]
    bad = [k for k in kinds if k not in allowed]
    if bad or not kinds:
        msg = f"--only {text!r}: expected outcomes separated by commas, from {', '.join(allowed)}"
        raise BadInput(msg)
    return frozenset(OutcomeKind(k) for k in kinds)


@app.command("check")
def check_cmd(
    caseload: CaseloadArg,
    format: Annotated[
        str, _opt("--format", "-f", help="csv (default), json or xlsx.", metavar="FORMAT")
    ] = "csv",
    output: Annotated[
        str | None, _opt("--output", "-o", help="Write here (default stdout).", metavar="FILE")
    ] = None,
    only: Annotated[
        str | None,
        _opt("--only", help="Keep these outcomes, e.g. late,overdue.", metavar="OUTCOMES"),
    ] = None,
    by: Annotated[
        str | None,
        _opt("--by", help="Group the summary by this column (school, team).", metavar="COLUMN"),
    ] = None,
    summary: Annotated[
        str | None, _opt("--summary", help="Also write the summary as JSON.", metavar="FILE")
    ] = None,
    errors: Errors = None,
    encoding: Encoding = None,
    sheet: Sheet = None,
    today: Today = None,
    nation: NationOpt = None,
    terms: Terms = None,
    bank_holidays: BankHolidays = None,
    counting: CountingOpt = "exclusive",
    rules: RulesOpt = None,
) -> int:
    """Was it done on time? Every step of every row with its outcome (done:STEP_ID columns)."""
    from sendtime.engine.outcomes import needs_attention
    from sendtime.render.outcome_summary import OutcomeSummary

    choice(format, "--format", CHECK_FORMATS)
    kinds = _only(only)
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
    run = Run(src, check=True)
    totals = OutcomeSummary(by)
    attention = False

    def keep(s: Step) -> bool:
        return kinds is None or (s.outcome is not None and s.outcome.kind in kinds)

    summary_out = outputs().text("--summary", summary) if summary else None
    with run.cases() as (extra_names, good):
        group_at = _group_column(by, extra_names)
        sink = _check_sink(format, output, extra_names, today=given_today, keep=keep)
        for case in good:
            steps = case.timeline.steps
            attention = attention or needs_attention(steps)
            group = "" if group_at is None else cell_text(case.extra[group_at][1]) or "(none)"
            totals.add(group, case.timeline.process, steps)
            sink.write(case)
        sink.close()
    _print_summary(totals)
    if summary_out is not None:
        totals.write_json(summary_out)
    return worst(run.code, 4 if attention else 0)


def _group_column(by: str | None, extra_names: tuple[str, ...]) -> int | None:
    """Where --by's column is among the pass-through columns (BadInput if absent)."""
    if by is None:
        return None
    keys = [normalise(n) for n in extra_names]
    if normalise(by) not in keys:
        msg = f"--by {by!r}: no such pass-through column in the caseload; expected one of " + (
            ", ".join(extra_names) or "(none: the caseload has no other columns)"
        )
        raise BadInput(msg)
    return keys.index(normalise(by))


def _check_sink(
    fmt: str, output: str | None, extra_names: tuple[str, ...], *, today: Any, keep: Any
) -> Any:
    if fmt == "xlsx":
        from sendtime.render.xlsx import XlsxSink

        target = outputs().binary("-o", output) if output else sys.stdout.buffer
        sink = XlsxSink(target, extra_names, today=today, outcomes=True, keep=keep)
        outputs().on_abort(sink.discard)
        return sink
    text = outputs().text("-o", output) if output else _utf8_stdout()
    if fmt == "json":
        from sendtime.render.rows import StepLinesSink

        return StepLinesSink(text, keep=keep)
    from sendtime.render.rows import CsvSink

    return CsvSink(text, extra_names, outcomes=True, keep=keep)


def _print_summary(totals: Any) -> None:
    """The summary table on stderr (Rich; plain, wide lines when stderr is not a terminal)."""
    import os

    from rich.console import Console

    tty = sys.stderr.isatty()
    err = Console(
        stderr=True,
        no_color=not tty or "NO_COLOR" in os.environ,
        highlight=False,
        width=None if tty else 160,
    )
    totals.print(err)
