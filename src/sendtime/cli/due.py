"""The `due` command: every dated step of a caseload due within N days, soonest first."""

from __future__ import annotations

import datetime as dt
from typing import Annotated

import typer

from sendtime.cli.app import app
from sendtime.cli.batch import (
    DUE_FORMATS,
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
from sendtime.cli.options import _opt, choice, london_today, parse_date, parse_int
from sendtime.cli.output import console
from sendtime.engine.model import Kind


@app.command("due")
def due_cmd(
    caseload: CaseloadArg,
    within: Annotated[
        str, _opt("--within", help="Days ahead, today included (default 14).", metavar="DAYS")
    ] = "14",
    today: Today = None,
    overdue: Annotated[
        bool, typer.Option("--overdue", help="Also list steps whose date has passed.")
    ] = False,
    kind: Annotated[
        list[str] | None,
        _opt("--kind", help="Only this kind of step (repeat for several).", metavar="KIND"),
    ] = None,
    format: Annotated[
        str, _opt("--format", "-f", help="table (default), csv or json.", metavar="FORMAT")
    ] = "table",
    errors: Errors = None,
    encoding: Encoding = None,
    sheet: Sheet = None,
    nation: NationOpt = None,
    terms: Terms = None,
    bank_holidays: BankHolidays = None,
    counting: CountingOpt = "exclusive",
    rules: RulesOpt = None,
) -> int:
    """Every dated step due from today to today + DAYS; exit 4 when there is any."""
    choice(format, "--format", DUE_FORMATS)
    days = parse_int(within, "--within", 0, 3660) or 0
    kinds = {choice(k, "--kind", tuple(m.value for m in Kind)) for k in kind or []}
    day = parse_date(today, "--today") if today else london_today()
    last = day + dt.timedelta(days=days)
    src = Source(
        caseload, encoding, sheet, errors, day, nation, terms, bank_holidays, counting, rules
    )
    run = Run(src)
    from sendtime.law.jurisdictions import ruleset
    from sendtime.render.due import Due

    found: list[Due] = []
    with run.cases() as (extra_names, good):
        for case in good:
            settled = ruleset(case.timeline.jurisdiction).settled(case.timeline)
            for s in case.timeline.steps:
                if s.id in settled:  # an input shows it has happened (a certificate: contacted)
                    continue
                d = s.date
                if d is None or d > last or (d < day and not overdue):
                    continue
                if kinds and s.kind.value not in kinds:
                    continue
                left = (d - day).days
                found.append(
                    Due(d, case.ref, case.line, case.timeline.process, s, left, case.extra)
                )
    found.sort(key=lambda x: (x.date, x.ref, x.line))
    from sendtime.render import due as render

    if format == "csv":
        render.due_csv(found, extra_names, _utf8_stdout())
    elif format == "json":
        render.due_json(found, day, days, _utf8_stdout(), overdue=overdue)
    else:
        render.due_table(found, day, last, console(), overdue=overdue)
    return worst(run.code, 4 if found else 0)
