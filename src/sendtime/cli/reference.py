"""Reference commands: the bank holidays of a year, the rule table, the JSON Schema."""

import re
import sys
from typing import Annotated

import typer

from sendtime.cli.app import app
from sendtime.cli.options import FORMATS, _opt, build_calendar, choice
from sendtime.cli.output import console, out
from sendtime.engine.errors import BadInput
from sendtime.engine.model import Nation


@app.command("holidays")
def holidays_cmd(
    year: Annotated[
        str, typer.Argument(help="The year, e.g. 2026.", show_default=False, metavar="YEAR")
    ],
    nation: Annotated[
        str,
        _opt(
            "--nation",
            help="england-and-wales (default), scotland, northern-ireland.",
            metavar="NATION",
        ),
    ] = "england-and-wales",
    bank_holidays: Annotated[
        str | None,
        _opt(
            "--bank-holidays",
            help="Extra bank holidays from a GOV.UK bank-holidays.json file.",
            metavar="FILE",
        ),
    ] = None,
    format: Annotated[
        str, _opt("--format", "-f", help="table, json or csv.", metavar="FORMAT")
    ] = "table",
) -> int:
    """Bank holidays on weekdays for one year and nation, with the data source."""
    if not re.fullmatch(r"\d{4}", year.strip()):
        msg = f"YEAR {year!r}: expected a year such as 2026"
        raise BadInput(msg)
    choice(format, "--format", FORMATS)
    chosen = Nation(choice(nation, "--nation", tuple(n.value for n in Nation)))
    cal = build_calendar(chosen, bank_holidays, None)
    days = cal.holidays_in(int(year))
    if format == "json":
        from sendtime.render.json import dumps, holidays_dict

        out(dumps(holidays_dict(cal.nation.value, cal.source, days)))
    elif format == "csv":
        from sendtime.render.csv import write_rows

        write_rows(
            sys.stdout,
            ("date", "weekday", "name"),
            ([d.isoformat(), d.strftime("%A"), n] for d, n in days),
        )
    else:
        from rich.table import Table

        table = Table(
            title=f"Bank holidays {year}, {cal.nation.value}",
            title_justify="left",
            caption=f"Weekdays only. Source: {cal.source}.",
            caption_justify="left",
        )
        for col in ("Date", "Day", "Holiday"):
            table.add_column(col)
        for d, n in days:
            table.add_row(d.isoformat(), d.strftime("%a"), n)
        console().print(table)
    return 0


@app.command("rules")
def rules_cmd(
    format: Annotated[
        str, _opt("--format", "-f", help="table, json or csv.", metavar="FORMAT")
    ] = "table",
    jurisdiction: Annotated[
        str,
        _opt(
            "--jurisdiction", help="england (default) or wales: whose rule table.", metavar="NAME"
        ),
    ] = "england",
) -> int:
    """The rule table: id, title, citation, period, kind and confidence of every step."""
    from sendtime.law.jurisdictions import check, rule_table

    choice(format, "--format", FORMATS)
    rules = rule_table(check(jurisdiction, "--jurisdiction"))
    if format == "json":
        from sendtime.render.json import dumps, rules_dict

        out(dumps(rules_dict(rules, jurisdiction=jurisdiction)))
    elif format == "csv":
        from sendtime.render.csv import write_rows

        write_rows(
            sys.stdout,
            ("id", "title", "citation", "period", "kind", "status", "confidence"),
            (
                [
                    r.id,
                    r.title,
                    r.citation,
                    r.period,
                    r.kind.value,
                    r.status.value,
                    r.confidence.value,
                ]
                for r in rules
            ),
        )
    else:
        from sendtime.render.table import rules_table

        rules_table(rules, console(), jurisdiction=jurisdiction)
    return 0


@app.command("schema")
def schema_cmd() -> int:
    """The JSON Schema of the timeline document (generated with pydantic)."""
    from sendtime.io.schema import timeline_schema
    from sendtime.render.json import dumps

    out(dumps(timeline_schema()))
    return 0
