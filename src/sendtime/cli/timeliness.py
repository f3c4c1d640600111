"""The `timeliness` command: the DfE's timeliness measures from a caseload or a SEN2 export.

Parse -> read (io.blade or io.sen2caseload) -> measure (law.england.timeliness) -> render.
Bad records go to stderr (and --errors) as JSON Lines and make the exit code 2; every good
record still counts. Outputs are written whole (a temporary file renamed into place).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated

import typer

import sendtime.cli.stderr as stderr
from sendtime.cli.app import app
from sendtime.cli.options import _opt, choice, london_today, parse_date
from sendtime.cli.output import console, outputs, warn
from sendtime.engine.errors import BadInput, NeedsMoreData
from sendtime.engine.model import Counting

FORMATS = ("table", "json", "csv", "svg")
FIRST_YEAR, LAST_YEAR = 2014, 2199


def _write(what: str, path: str, text: str) -> None:
    """Write an output whole or not at all (sendtime.io.outputs: renamed into place at the end)."""
    f = outputs().text(what, path)
    f.write(text)


def _year(text: str | None, latest_year: int | None) -> int:
    if text is None:
        if latest_year is None:
            msg = "no dates in the data to choose a year from; give --year YYYY"
            raise NeedsMoreData(msg)
        return latest_year
    t = text.strip()
    if not (t.isdigit() and len(t) == 4 and FIRST_YEAR <= int(t) <= LAST_YEAR):
        msg = f"--year {text!r}: expected a calendar year from {FIRST_YEAR} to {LAST_YEAR}"
        raise BadInput(msg)
    return int(t)


@app.command("timeliness")
def timeliness_cmd(
    path: Annotated[
        str,
        typer.Argument(
            help="A caseload (.csv/.xlsx with done: columns) or a SEN2 Blade export folder.",
            show_default=False,
            metavar="PATH",
        ),
    ],
    year: Annotated[
        str | None,
        _opt(
            "--year",
            help="Calendar year of the figures (default: the latest complete one).",
            metavar="YYYY",
        ),
    ] = None,
    by: Annotated[
        str | None,
        _opt("--by", help="Group by this column (requests' columns for SEN2).", metavar="COLUMN"),
    ] = None,
    counting: Annotated[
        str, _opt("--counting", help="exclusive (default) or inclusive.", metavar="MODE")
    ] = "exclusive",
    format: Annotated[
        str, _opt("--format", "-f", help="table (default), json, csv or svg.", metavar="FORMAT")
    ] = "table",
    output: Annotated[
        str | None, _opt("--output", "-o", help="Write here (default stdout).", metavar="FILE")
    ] = None,
    cases: Annotated[
        str | None,
        _opt(
            "--cases",
            help="Write open requests past 20 weeks and overdue review decisions "
            "here (.csv, or .json for JSON Lines).",
            metavar="FILE",
        ),
    ] = None,
    include_appealed: Annotated[
        bool,
        typer.Option("--include-appealed", help="Keep cases with mediation or a tribunal."),
    ] = False,
    release: Annotated[
        str,
        _opt(
            "--release", help="DfE column names of release 2026 (default) or 2025.", metavar="YEAR"
        ),
    ] = "2026",
    today: Annotated[
        str | None,
        _opt(
            "--today",
            help="As-at date for --cases (default: the export's date, else today).",
            metavar="DATE",
        ),
    ] = None,
    errors: Annotated[
        str | None, _opt("--errors", help="Also write the bad records here.", metavar="FILE")
    ] = None,
    encoding: Annotated[
        str | None, _opt("--encoding", help="A caseload CSV's encoding.", metavar="ENC")
    ] = None,
) -> int:
    """The DfE's timeliness measures (20 weeks, 6 and 16 weeks, 4-week reviews), case by case."""
    from sendtime.io.sen2records import default_year
    from sendtime.law.england.sen2 import RELEASES
    from sendtime.law.england.timeliness import timeliness
    from sendtime.render.timeliness import About, cases_csv, cases_jsonl, result_csv, result_dict

    choice(format, "--format", FORMATS)
    choice(release, "--release", RELEASES)
    mode = Counting(choice(counting, "--counting", tuple(c.value for c in Counting)))
    given_today = parse_date(today, "--today") if today else None
    where = Path(path)
    if where.is_dir():
        from sendtime.io.blade import read_blade

        if encoding is not None:
            raise BadInput("--encoding: a Blade export is UTF-8; leave it out")
        records, source = read_blade(where, by=by), "sen2-blade"
    else:
        from sendtime.io.sen2caseload import read_caseload

        records, source = read_caseload(where, by=by, encoding=encoding), "caseload"
    for what, target in (("-o", output), ("--cases", cases), ("--errors", errors)):
        if target is not None:  # after reading: an output that is an input is refused here
            outputs().claim(what, target)
    as_at = given_today or records.as_at or london_today()
    the_year = _year(year, default_year(as_at, records.latest))
    result = timeliness(
        records.requests,
        records.assessments,
        records.reviews,
        year=the_year,
        counting=mode,
        include_appealed=include_appealed,
        by=by,
        today=as_at,
    )
    for note in records.notes:
        warn(note)
    lines = [json.dumps(b.record(), ensure_ascii=False) + "\n" for b in records.bad]
    for line in lines:
        stderr.line(line.rstrip("\n"))
    if records.bad:
        warn(f"{len(records.bad)} bad records (listed above); every good record was counted")
    about = About(source, release, by, as_at.isoformat(), len(records.bad), tuple(records.notes))
    if format == "json":
        text = json.dumps(result_dict(result, about), indent=2, ensure_ascii=False) + "\n"
    elif format == "csv":
        text = result_csv(result, about)
    elif format == "svg":
        from sendtime.render.timeliness_svg import timeliness_svg

        text = timeliness_svg(result, about)
    else:
        text = ""
    if errors is not None:
        _write("--errors", errors, "".join(lines))
    if cases is not None:
        json_cases = Path(cases).suffix.lower() in (".json", ".jsonl")
        _write(
            "--cases", cases, cases_jsonl(result.cases) if json_cases else cases_csv(result.cases)
        )
    if format == "table" and output is None:
        from sendtime.render.timeliness import result_table

        result_table(result, about, console())
    elif format == "table" and output is not None:
        import io

        from rich.console import Console

        from sendtime.render.timeliness import result_table

        buf = io.StringIO()
        result_table(result, about, Console(file=buf, no_color=True, width=200, soft_wrap=False))
        _write("-o", output, buf.getvalue())
    elif output is not None:
        _write("-o", output, text)
    else:
        sys.stdout.write(text)
        sys.stdout.flush()
    return 2 if records.bad else 0
