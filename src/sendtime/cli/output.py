"""What a timeline command writes: data on stdout in the chosen format, warnings on stderr.

Each --format has one renderer here, which imports what it needs when it is chosen.
"""

import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import sendtime.cli.stderr as stderr
from sendtime.cli.options import Common, parse_date
from sendtime.engine.errors import BadInput
from sendtime.engine.model import Timeline

_outputs: list[Any] = []


def outputs() -> Any:
    """The run's outputs (sendtime.io.outputs.Outputs): every file a command writes."""
    if not _outputs:  # a command invoked outside run() (Typer's own test runner)
        from sendtime.io.outputs import Outputs

        _outputs.append(Outputs())
    return _outputs[-1]


# ----------------------------------------------------------------------------- output
def out(text: str) -> None:
    """Write data to stdout."""
    sys.stdout.write(text if text.endswith("\n") else text + "\n")


def warn(text: str) -> None:
    """One plain line on stderr (no Rich markup, no wrapping, control characters escaped)."""
    stderr.warn(text)


def console() -> Any:
    """A Rich console on stdout; no colour when NO_COLOR is set or stdout is not a terminal."""
    from rich.console import Console

    return Console(no_color="NO_COLOR" in os.environ, highlight=False, soft_wrap=False)


def _render_json(t: Timeline, common: Common) -> None:
    from sendtime.render.json import dumps, timeline_dict

    out(dumps(timeline_dict(t)))


def _render_csv(t: Timeline, common: Common) -> None:
    from sendtime.render.csv import timeline_csv

    sys.stdout.write(timeline_csv(t))


def _render_table(t: Timeline, common: Common) -> None:
    from sendtime.render.table import timeline_table

    timeline_table(t, console(), rules_file=common.rules)


def _render_html(t: Timeline, common: Common) -> None:
    """--format html: one self-contained page (docs/reading-the-output.md)."""
    from sendtime import __version__
    from sendtime.render.html import timeline_html

    out(timeline_html(t, version=__version__, rules_file=common.rules))


# --format NAME -> renderer. Each renderer imports what it needs when it is chosen.
def _render_calendar(t: Timeline, common: Common) -> None:
    """--format calendar: the month view on stdout; with --svg FILE, also saved as a picture."""
    from sendtime.law.england.processes import title
    from sendtime.render.calendar import calendar_svg, calendar_view
    from sendtime.render.reader import input_text

    cal = common.calendar()
    calendar_view(t, cal, console())
    if common.svg:
        inputs = "; ".join(f"{k.replace('_', ' ')} {input_text(v)}" for k, v in t.inputs)
        heading = f"{title(t.process)}: {inputs}"
        path = Path(common.svg)
        outputs().text("--svg", path).write(calendar_svg(t, cal, title=heading))
        stderr.line(f"sendtime: calendar saved to {path}")


def _render_ics(t: Timeline, common: Common) -> None:
    """--format ics: one all-day event per dated step (icalendar), bytes with CRLF lines."""
    from sendtime.render.ics import timeline_ics

    today = parse_date(common.today, "--today") if common.today else None
    data = timeline_ics(t, today=today)
    sys.stdout.flush()
    sys.stdout.buffer.write(data)
    sys.stdout.buffer.flush()


RENDERERS: dict[str, Callable[[Timeline, Common], None]] = {
    "table": _render_table,
    "json": _render_json,
    "csv": _render_csv,
    "calendar": _render_calendar,
    "ics": _render_ics,
    "html": _render_html,
}


def render_timeline(t: Timeline, common: Common) -> int:
    """Render a timeline in the chosen format; warnings to stderr. Returns the exit code."""
    if common.rules is not None:  # local rules apply to every timeline command, in every format
        from sendtime.io.rulefile import apply_rules_file

        cal, today = common.calendar(), common.today_date()
        t = apply_rules_file(t, common.rules, calendar=cal, today=today)
    for w in t.warnings:
        warn(w)
    if common.explain:
        return explain(t, common.explain, common.format)
    if common.svg and common.format != "calendar":
        raise BadInput("--svg needs --format calendar")
    RENDERERS[common.format](t, common)
    return 0


def explain(t: Timeline, step_id: str, fmt: str) -> int:
    """Print the arithmetic for one step."""
    try:
        step = t.step(step_id)
    except KeyError:
        msg = f"--explain {step_id!r}: no such step in this timeline; expected one of " + ", ".join(
            t.ids
        )
        raise BadInput(msg) from None
    if fmt == "json":
        from sendtime.render.json import dumps

        out(
            dumps(
                {
                    "id": step.id,
                    "date": step.date.isoformat() if step.date else None,
                    "explain": list(step.explain),
                }
            )
        )
    else:
        out(f"{step.id}: {step.title}")
        when = f"{step.date.isoformat()} ({step.weekday})" if step.date else "none"
        out(f"Date: {when}")
        for line in step.explain:
            out(f"  {line}")
    return 0
