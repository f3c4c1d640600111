"""Commands review, amend and transfer: parse the options, call the England review law, return."""

import re
from typing import Annotated

import typer

from sendtime.cli.app import app, timeline_command
from sendtime.cli.options import Common, _opt, opt_date, parse_int
from sendtime.cli.output import console
from sendtime.engine.errors import BadInput
from sendtime.engine.model import Timeline
from sendtime.law.england.school_year import YEAR_GROUPS


def _int(value: str | None, what: str, pattern: str, expected: str) -> int | None:
    if value is None:
        return None
    if not re.fullmatch(pattern, value.strip()):
        msg = f"{what} {value!r}: expected {expected}"
        raise BadInput(msg)
    return int(value)


@timeline_command("review")
def review_cmd(
    common: Common,
    p_date: Annotated[
        str | None,
        typer.Argument(
            help="P: the day the plan was first made, or the LA notified its decision after the "
            "last review (YYYY-MM-DD).",
            show_default=False,
            metavar="P_DATE",
        ),
    ] = None,
    last_meeting: Annotated[
        str | None,
        _opt(
            "--last-meeting",
            help="Count from the last review meeting instead of P (an earlier, safe end).",
            metavar="DATE",
        ),
    ] = None,
    meeting: Annotated[
        str | None,
        _opt("--meeting", help="The review meeting's date, when it is set.", metavar="DATE"),
    ] = None,
    notice_sent: Annotated[
        str | None,
        _opt("--notice-sent", help="The day the amendment notice was sent.", metavar="DATE"),
    ] = None,
    dob: Annotated[
        str | None,
        _opt("--dob", help="Date of birth (early years, year group).", metavar="DATE"),
    ] = None,
    year_group: Annotated[
        str | None,
        _opt("--year-group", help="The year group (wins over --dob).", metavar="N"),
    ] = None,
) -> Timeline:
    """The annual review: period end, latest meeting, notice, report, decision, amendments."""
    from sendtime.law.england.reviews import review

    return review(
        opt_date(p_date, "P_DATE"),
        last_meeting=opt_date(last_meeting, "--last-meeting"),
        meeting=opt_date(meeting, "--meeting"),
        notice_sent=opt_date(notice_sent, "--notice-sent"),
        dob=opt_date(dob, "--dob"),
        year_group=parse_int(year_group, "--year-group", *YEAR_GROUPS),
        options=common.options(),
    )


@timeline_command("amend")
def amend_cmd(
    common: Common,
    notice_date: Annotated[
        str,
        typer.Argument(
            help="N: the day the amendment notice was sent (YYYY-MM-DD).",
            show_default=False,
            metavar="NOTICE_DATE",
        ),
    ],
    served: Annotated[
        str | None,
        _opt("--served", help="The day the notice was served.", metavar="DATE"),
    ] = None,
    posted: Annotated[
        str | None,
        _opt("--posted", help="The notice was posted on DATE (deemed served).", metavar="DATE"),
    ] = None,
    post: Annotated[
        str | None, _opt("--post", help="first or second class.", metavar="CLASS")
    ] = None,
) -> Timeline:
    """An amendment outside a review: representations, amended plan, decision not to amend."""
    from sendtime.cli.options import parse_date
    from sendtime.law.england.reviews import amend

    return amend(
        parse_date(notice_date, "NOTICE_DATE"),
        served=opt_date(served, "--served"),
        posted=opt_date(posted, "--posted"),
        post=post,
        options=common.options(),
    )


@timeline_command("transfer")
def transfer_cmd(
    common: Common,
    year: Annotated[
        str | None,
        typer.Argument(
            help="The calendar year of the transfer (needed for school and post16).",
            show_default=False,
            metavar="YEAR",
        ),
    ] = None,
    kind: Annotated[
        str | None,
        _opt(
            "--kind",
            help="school, post16, post16-other, or not a phase transfer: sixth-form, "
            "apprenticeship, unknown.",
            metavar="KIND",
        ),
    ] = None,
    transfer_date: Annotated[
        str | None,
        _opt("--transfer-date", help="The day of the transfer.", metavar="DATE"),
    ] = None,
) -> Timeline:
    """A phase transfer: the reg 18 deadline and the backward plan to meet it."""
    from sendtime.law.england.reviews import TRANSFER_KINDS, transfer

    if kind is None:
        msg = f"--kind is needed: one of {', '.join(TRANSFER_KINDS)}"
        raise BadInput(msg)
    return transfer(
        _int(year, "YEAR", r"\d{4}", "a year such as 2026"),
        kind=kind,
        transfer_date=opt_date(transfer_date, "--transfer-date"),
        options=common.options(),
    )


@app.command("terms")
def terms_cmd(
    file: Annotated[
        str,
        typer.Argument(
            help="The setting's term dates (TOML or ICS).", show_default=False, metavar="FILE"
        ),
    ],
    date: Annotated[
        list[str] | None,
        _opt("--date", help="Is DATE a school day? (repeat for several).", metavar="DATE"),
    ] = None,
    format: Annotated[str, _opt("--format", "-f", help="table or json.", metavar="FORMAT")] = (
        "table"
    ),
) -> int:
    """Check a term-dates file: terms, closures, closures of 4 weeks or more, school days."""
    from sendtime.cli.options import choice, parse_date
    from sendtime.cli.output import out
    from sendtime.engine.calendars import Calendar
    from sendtime.io import bankholidays
    from sendtime.io.loaders import load_terms

    choice(format, "--format", ("table", "json"))
    terms = load_terms(file)
    cal = Calendar(terms=terms, loader=bankholidays.load)
    days = []
    for text in date or []:
        d = parse_date(text, "--date")
        if not terms.covers(d):
            answer, why = None, "outside the term dates"
        elif cal.is_school_day(d):
            answer, why = True, "school day"
        else:
            why = terms.why_closed(d) or (
                "weekend" if d.weekday() >= 5 else cal.holiday_name(d) or "closed"
            )
            answer = False
        days.append((d, answer, why))
    doc = {
        "schema": "sendtime.terms/1",
        "setting": terms.label,
        "kind": terms.kind.value,
        "terms": [
            {"name": p.name, "start": p.start.isoformat(), "end": p.end.isoformat()}
            for p in terms.terms
        ],
        "closures": [
            {"name": p.name, "start": p.start.isoformat(), "end": p.end.isoformat()}
            for p in terms.all_closures()
        ],
        "long_closures": [
            {
                "name": c.name,
                "first_closed_day": c.first_closed_day.isoformat(),
                "reopens": c.reopens.isoformat(),
                "days": (c.reopens - c.first_closed_day).days,
            }
            for c in terms.long_closures()
        ],
        "school_days": [{"date": d.isoformat(), "school_day": a, "why": w} for d, a, w in days],
    }
    if format == "json":
        from sendtime.render.json import dumps

        out(dumps(doc))
        return 0
    from rich.table import Table
    from rich.text import Text

    con = console()
    table = Table(title=f"{terms.label} ({terms.kind.value})", title_justify="left")
    for col in ("What", "Name", "From", "To"):
        table.add_column(col)
    for p in terms.terms:
        table.add_row("term", Text(p.name), p.start.isoformat(), p.end.isoformat())
    for p in terms.all_closures():
        table.add_row("closure", Text(p.name), p.start.isoformat(), p.end.isoformat())
    con.print(table)
    if not doc["long_closures"]:
        con.print(Text("No closure of 4 weeks or more lies inside the file (reg 10(4) test)."))
    for c in terms.long_closures():
        con.print(
            Text(
                f"Closure of {(c.reopens - c.first_closed_day).days} days: first closed day "
                f"{c.first_closed_day.isoformat()}, reopens {c.reopens.isoformat()}"
            )
        )
    for d, a, w in days:
        verdict = {True: "yes", False: "no", None: "not known"}[a]
        con.print(Text(f"{d.isoformat()} {d:%a}: school day? {verdict} ({w})"))
    return 0
