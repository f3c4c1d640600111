"""The command line: parse -> call the core -> render -> exit code. Nothing else lives here.

Every error, Typer's usage errors included, becomes one plain line on stderr and its exit code
(main() runs the app with standalone_mode=False and translates exceptions in one place).
"""

import contextlib
import datetime as dt
import functools
import inspect
import os
import re
import sys
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Any

import typer

import sendtime.cli.stderr as stderr
from sendtime import __version__
from sendtime.engine.errors import BadInput, SendtimeError
from sendtime.engine.model import Counting, ExceptionKind, Nation, RecordedException, Timeline
from sendtime.law.england.processes import TABLE as PROCESS_TABLE

APP_SETTINGS: dict[str, Any] = {
    "add_completion": False,
    "pretty_exceptions_enable": False,
    "rich_markup_mode": None,
    "no_args_is_help": True,
    "help": "Statutory SEND deadlines for England, each with the regulation that sets it.",
}
app = typer.Typer(**APP_SETTINGS)
BUILT_IN = frozenset({"holidays", "rules", "schema"})

LAST_YEAR = 2199  # as the core's LAST_DATE: date arithmetic past 9999 would overflow
ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
UK_DATE = re.compile(r"(\d{1,2})[/.](\d{1,2})[/.](\d{4})")
FORMATS = ("table", "json", "csv")


# ----------------------------------------------------------------------------- parsing helpers
def parse_date(value: str, what: str) -> dt.date:
    """An ISO YYYY-MM-DD date, or BadInput naming the value and the ISO form it probably meant."""
    text = value.strip()
    if ISO_DATE.fullmatch(text):
        try:
            d = dt.date.fromisoformat(text)
            if d.year > LAST_YEAR:
                msg = f"{what} {value!r} is after {LAST_YEAR}-12-31, the last date sendtime handles"
                raise BadInput(msg)
            return d
        except ValueError:
            msg = f"{what} {value!r} is not a real date (expected YYYY-MM-DD)"
            raise BadInput(msg) from None
    hint = ""
    m = UK_DATE.fullmatch(text)
    if m:
        try:
            guess = dt.date(int(m[3]), int(m[2]), int(m[1]))
            hint = f"; did you mean {guess.isoformat()} (day first)?"
        except ValueError:
            hint = ""
    msg = f"{what} {value!r}: expected a date as YYYY-MM-DD{hint}"
    raise BadInput(msg)


def opt_date(value: str | None, what: str) -> dt.date | None:
    """Parse an optional date option."""
    return None if value is None else parse_date(value, what)


def choice(value: str, what: str, allowed: tuple[str, ...]) -> str:
    """One of a fixed set of words, or BadInput listing them."""
    if value not in allowed:
        msg = f"{what} {value!r}: expected one of {', '.join(allowed)}"
        raise BadInput(msg)
    return value


def parse_exception(value: str) -> RecordedException:
    """--exception personal|absence[:START..END]."""
    kind_text, _, rng = value.partition(":")
    kind = ExceptionKind(choice(kind_text, "--exception", tuple(k.value for k in ExceptionKind)))
    if not rng:
        return RecordedException(kind)
    start_text, sep, end_text = rng.partition("..")
    if not sep:
        msg = (
            f"--exception {value!r}: expected KIND:START..END, e.g. absence:2025-04-01..2025-05-09"
        )
        raise BadInput(msg)
    start = parse_date(start_text, "--exception start")
    end = parse_date(end_text, "--exception end")
    if end < start:
        msg = f"--exception {value!r}: the end is before the start"
        raise BadInput(msg)
    return RecordedException(kind, start, end)


def london_today() -> dt.date:
    """Today's date in Europe/London (never the machine's local date)."""
    try:
        from zoneinfo import ZoneInfo

        return dt.datetime.now(ZoneInfo("Europe/London")).date()
    except (ImportError, KeyError, OSError):  # no tz database: UTC is at most an hour out
        return dt.datetime.now(dt.UTC).date()


# ----------------------------------------------------------------------------- common options
def build_calendar(nation: Nation, bank_holidays: str | None, terms_file: str | None) -> Any:
    """A Calendar of one nation's bank holidays (plus a GOV.UK file's) and a term file."""
    from sendtime.engine.calendars import Calendar

    extra: dict[dt.date, str] = {}
    source = None
    if bank_holidays is not None:
        from sendtime.io.loaders import load_govuk_bank_holidays

        extra = load_govuk_bank_holidays(bank_holidays, nation)
        source = Path(bank_holidays).name
    terms = None
    if terms_file is not None:
        from sendtime.io.loaders import load_terms

        terms = load_terms(terms_file)
    from sendtime.io import bankholidays

    return Calendar(
        nation,
        terms=terms,
        extra_holidays=extra,
        extra_source=source,
        loader=bankholidays.load,
    )


@dataclass(frozen=True)
class Common:
    """Options every timeline command takes, after the command name."""

    format: str
    explain: str | None
    nation: str | None
    terms: str | None
    rules: str | None
    bank_holidays: str | None
    exception: list[str] | None
    today: str | None
    svg: str | None
    counting: str
    done: list[str] | None = None

    def calendar(self) -> Any:
        """The calendar these options ask for: always England-and-Wales bank holidays.

        The law of a process decides its calendar, so --nation is refused here (one line saying
        why); it belongs to `holidays` only.
        """
        if self.nation is not None:
            from sendtime.law.england.rules import NATION_REFUSED

            msg = f"--nation {self.nation}: {NATION_REFUSED}; --nation belongs to `holidays` only"
            raise BadInput(msg)
        return build_calendar(Nation.ENGLAND_AND_WALES, self.bank_holidays, self.terms)

    def counting_mode(self) -> Counting:
        """--counting exclusive|inclusive."""
        return Counting(choice(self.counting, "--counting", tuple(c.value for c in Counting)))

    def exceptions(self) -> list[RecordedException]:
        """The recorded exceptions."""
        return [parse_exception(v) for v in self.exception or []]

    def today_date(self) -> dt.date:
        """--today, else today in Europe/London."""
        return parse_date(self.today, "--today") if self.today else london_today()

    def done_dates(self) -> dict[str, dt.date] | None:
        """--done STEP_ID=DATE (repeatable); None when not given (the plan only)."""
        if not self.done:
            return None if self.format != "chronology" else {}
        out: dict[str, dt.date] = {}
        for value in self.done:
            sid, sep, when = value.partition("=")
            sid = sid.strip()
            if not sep or not sid:
                msg = f"--done {value!r}: expected STEP_ID=DATE, e.g. assess.final=2024-09-10"
                raise BadInput(msg)
            d = parse_date(when, f"--done {sid}")
            if sid in out and out[sid] != d:
                msg = f"--done {sid} given twice with different dates"
                raise BadInput(msg)
            out[sid] = d
        return out

    def core(self) -> dict[str, Any]:
        """Keyword arguments every process function takes."""
        choice(self.format, "--format", tuple(RENDERERS))
        kw: dict[str, Any] = {
            "calendar": self.calendar(),
            "counting": self.counting_mode(),
            "exceptions": self.exceptions(),
            "today": self.today_date(),
        }
        done = self.done_dates()
        if done is not None:
            kw["done"] = done
        return kw


def _opt(*names: str, help: str, metavar: str | None = None) -> Any:
    return typer.Option(*names, help=help, metavar=metavar, show_default=False)


COMMON_PARAMS = [
    (
        "format",
        Annotated[
            str,
            _opt(
                "--format",
                "-f",
                help="table, json, csv, ics, calendar or chronology (default table).",
                metavar="FORMAT",
            ),
        ],
        "table",
    ),
    (
        "explain",
        Annotated[
            str | None,
            _opt("--explain", help="Show the arithmetic for one step id.", metavar="STEP_ID"),
        ],
        None,
    ),
    (
        # Refused (England's law has England's calendar); hidden, but named so the error can
        # say why instead of "No such option".
        "nation",
        Annotated[
            str | None,
            typer.Option("--nation", hidden=True, show_default=False, metavar="NATION"),
        ],
        None,
    ),
    (
        "terms",
        Annotated[
            str | None,
            _opt("--terms", help="The setting's term dates (TOML or ICS).", metavar="FILE"),
        ],
        None,
    ),
    (
        "rules",
        Annotated[str | None, _opt("--rules", help="Local rules (TOML).", metavar="FILE")],
        None,
    ),
    (
        "bank_holidays",
        Annotated[
            str | None,
            _opt(
                "--bank-holidays",
                help="Extra bank holidays from a GOV.UK bank-holidays.json file.",
                metavar="FILE",
            ),
        ],
        None,
    ),
    (
        "exception",
        Annotated[
            list[str] | None,
            _opt(
                "--exception",
                help="Record an exception: personal or absence, optionally :START..END.",
                metavar="KIND",
            ),
        ],
        None,
    ),
    (
        "today",
        Annotated[
            str | None,
            _opt("--today", help="Today's date (default: today in Europe/London).", metavar="DATE"),
        ],
        None,
    ),
    (
        "svg",
        Annotated[str | None, _opt("--svg", help="Save the calendar view as SVG.", metavar="FILE")],
        None,
    ),
    (
        "counting",
        Annotated[
            str,
            _opt(
                "--counting",
                help="exclusive (default) or inclusive: "
                "whether the trigger day of 'within N days/weeks' counts.",
                metavar="MODE",
            ),
        ],
        "exclusive",
    ),
]
COMMON_PARAMS.append(
    (
        "done",
        Annotated[
            list[str] | None,
            _opt(
                "--done",
                help="When a step actually happened, STEP_ID=DATE (repeat): adds outcomes "
                "(met, late, open, overdue, ...); exit 4 if a duty is late or overdue.",
                metavar="STEP_ID=DATE",
            ),
        ],
        None,
    )
)
COMMON_NAMES = tuple(n for n, _, _ in COMMON_PARAMS)


def timeline_command(name: str) -> Callable[[Callable[..., Timeline]], Callable[..., Timeline]]:
    """Register a timeline command: fn(common, **own options) -> Timeline; render and exit here.

    The common options are added to the command's signature once, here, instead of being
    repeated in every command.
    """

    def register(fn: Callable[..., Timeline]) -> Callable[..., Timeline]:
        sig = inspect.signature(fn)
        own = [p for p in sig.parameters.values() if p.name != "common"]
        extra = [
            inspect.Parameter(n, inspect.Parameter.KEYWORD_ONLY, default=d, annotation=a)
            for n, a, d in COMMON_PARAMS
        ]

        @functools.wraps(fn)
        def command(**kwargs: Any) -> int:
            common = Common(**{n: kwargs.pop(n) for n in COMMON_NAMES})
            timeline = fn(common, **kwargs)
            return render_timeline(timeline, common)

        params = own + extra
        command.__signature__ = sig.replace(  # type: ignore[attr-defined]
            parameters=params, return_annotation=int
        )
        command.__annotations__ = {p.name: p.annotation for p in params}
        app.command(name)(command)
        return fn

    return register


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
    from sendtime.render.local import local_table, split_local
    from sendtime.render.table import timeline_table

    statutory, local = split_local(t)
    timeline_table(statutory, console())
    local_table(local, console(), file=common.rules)


# --format NAME -> renderer. Each renderer imports what it needs when it is chosen.
def _render_calendar(t: Timeline, common: Common) -> None:
    """--format calendar: the month view on stdout; with --svg FILE, also saved as a picture."""
    from sendtime.law.england.processes import title
    from sendtime.render.calendar import calendar_svg, calendar_view

    cal = common.calendar()
    calendar_view(t, cal, console())
    if common.svg:
        inputs = "; ".join(
            f"{k.replace('_', ' ')} {', '.join(v) if isinstance(v, tuple) else v}"
            for k, v in t.inputs
        )
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


def _render_chronology(t: Timeline, common: Common) -> None:
    """--format chronology: plain words for a letter or complaint (outcomes from --done)."""
    from sendtime.render.chronology import timeline_chronology

    out(timeline_chronology(t))


RENDERERS: dict[str, Callable[[Timeline, Common], None]] = {
    "chronology": _render_chronology,
    "table": _render_table,
    "json": _render_json,
    "csv": _render_csv,
    "calendar": _render_calendar,
    "ics": _render_ics,
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
    from sendtime.engine.outcomes import needs_attention

    return 4 if t.checked and needs_attention(t.steps) else 0


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


# ----------------------------------------------------------------------------- commands
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
) -> int:
    """The rule table: id, title, citation, period, kind and confidence of every step."""
    from sendtime.law.england.rules import rule_table

    choice(format, "--format", FORMATS)
    rules = rule_table()
    if format == "json":
        from sendtime.render.json import dumps, rules_dict

        out(dumps(rules_dict(rules)))
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

        rules_table(rules, console())
    return 0


@app.command("schema")
def schema_cmd() -> int:
    """The JSON Schema of the timeline document (generated with pydantic)."""
    from sendtime.io.schema import timeline_schema
    from sendtime.render.json import dumps

    out(dumps(timeline_schema()))
    return 0


def _version(value: bool) -> None:
    if value:
        out(f"sendtime {__version__}")
        raise typer.Exit(0)


@app.callback()
def root(
    version: Annotated[
        bool,
        typer.Option(
            "--version", help="Show the version and exit.", callback=_version, is_eager=True
        ),
    ] = False,
) -> None:
    """Statutory SEND deadlines for England, each with the regulation that sets it."""


# ----------------------------------------------------------------------------- entry point
def _fail(message: str, code: int) -> int:
    line = " ".join(message.split())  # one line, whatever the message held
    stderr.line(f"sendtime: error: {line}")
    return code


def _closed_pipe() -> int:
    """The reader of stdout went away: stop quietly (no 'Exception ignored' at exit)."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass  # not a real file descriptor (tests): nothing left to silence
    return 0


class Interrupted(BaseException):
    """SIGINT or SIGTERM: unwinds the run (outputs discarded) past Click's own handlers."""

    def __init__(self, signum: int) -> None:
        super().__init__(signum)
        self.code = 128 + signum


def _interrupt(signum: int, frame: object) -> None:
    raise Interrupted(signum)


@contextlib.contextmanager
def _signals() -> Iterator[None]:
    """SIGINT and SIGTERM raise Interrupted for the length of a run (main thread only)."""
    import signal
    import threading

    if threading.current_thread() is not threading.main_thread():
        yield
        return
    wanted = (signal.SIGINT, signal.SIGTERM)
    before = {s: signal.getsignal(s) for s in wanted}
    for s in wanted:
        signal.signal(s, _interrupt)
    try:
        yield
    finally:
        for s, handler in before.items():
            signal.signal(s, handler)


_outputs: list[Any] = []


def outputs() -> Any:
    """The run's outputs (sendtime.io.outputs.Outputs): every file a command writes."""
    if not _outputs:  # a command invoked outside run() (Typer's own test runner)
        from sendtime.io.outputs import Outputs

        _outputs.append(Outputs())
    return _outputs[-1]


def run(argv: list[str] | None = None) -> int:
    """Run the CLI and return its exit code, turning every error into one line on stderr."""
    from sendtime.io import files
    from sendtime.io.outputs import Outputs

    stderr.reset()
    args = sys.argv[1:] if argv is None else list(argv)
    for word in args:
        if "\x00" in word:  # no shell passes one; a program might, and paths cannot hold it
            return _fail(f"argument {word!r} contains a NUL byte", 2)
    name = _command_name(args)
    outs = Outputs()
    _outputs.append(outs)
    try:
        with _signals(), files.recording(), outs:
            known = name in COMMAND_MODULES or name in BUILT_IN
            to_run = load_commands([name] if known and name is not None else None)
            rv = to_run(args=args, standalone_mode=False, prog_name="sendtime")
    except Interrupted as exc:
        done = "outputs already written" if outs.committed else "no output written"
        stderr.line(f"sendtime: interrupted: {done}")
        return exc.code
    except KeyboardInterrupt:  # before the handlers were in place, or on another thread
        stderr.line("sendtime: interrupted: no output written")
        return 130
    except SendtimeError as exc:
        return _fail(str(exc), exc.exit_code)
    except typer.Exit as exc:
        return int(exc.exit_code or 0)
    except typer.Abort:
        return _fail("aborted", 1)
    except typer.TyperException as exc:
        ctx = getattr(exc, "ctx", None)
        if type(exc).__name__ == "NoArgsIsHelpError" and ctx is not None:
            out(ctx.get_help())  # a bare `sendtime`: show what it can do
            return 0
        fmt = getattr(exc, "format_message", None)
        message = fmt() if callable(fmt) else str(exc)
        return _fail(message, int(getattr(exc, "exit_code", 2) or 2))
    except BrokenPipeError:
        return _closed_pipe()
    except SystemExit as exc:
        # Typer and Rich turn a closed stdout (`sendtime ... | head`) into exit 1 while handling
        # the BrokenPipeError; a reader that stopped early is not an error of ours.
        if isinstance(exc.__context__, BrokenPipeError):
            return _closed_pipe()
        raise
    except Exception as exc:
        if os.environ.get("SENDTIME_DEBUG"):
            raise
        return _fail(
            f"internal error ({type(exc).__name__}); rerun with SENDTIME_DEBUG=1 and report it", 1
        )
    finally:
        _outputs.remove(outs)
    return rv if isinstance(rv, int) else 0


def main() -> None:
    """Console-script entry point."""
    sys.exit(run())


# Commands of each family register themselves on `app` when their module is imported.
# Typer builds every registered command's parameters at each start, so a command line imports
# and registers only the module of the command it runs (all of them for help and errors).
# A process's family names its module (sendtime.cli.<family>); the other commands are listed.
_OTHERS = {"batch": "batch", "due": "batch", "check": "check", "terms": "reviews"}
COMMAND_MODULES: dict[str, str] = {
    **{p.name: f"sendtime.cli.{p.family}" for p in PROCESS_TABLE if p.family},
    **{name: f"sendtime.cli.{family}" for name, family in _OTHERS.items()},
}
# --help lists the processes in the order a case meets them, then the other commands.
HELP_ORDER = (
    *(p.name for p in PROCESS_TABLE if p.family),
    "batch",
    "due",
    "check",
    "terms",
    "holidays",
    "rules",
    "schema",
)


def load_commands(names: Iterable[str] | None = None) -> typer.Typer:
    """Import the command modules (all, or those of ``names``) and return the app to run.

    With names, the returned app holds only the commands named, so Typer builds no parameters
    for the others.
    """
    from importlib import import_module

    wanted = set(COMMAND_MODULES) if names is None else set(names) & set(COMMAND_MODULES)
    for module in sorted({COMMAND_MODULES[n] for n in wanted}):
        import_module(module)
    if names is None:
        # --help lists the commands in the order a case meets them, not in import order
        rank = {n: i for i, n in enumerate(HELP_ORDER)}
        app.registered_commands.sort(key=lambda c: rank.get(c.name or "", len(rank)))
        return app
    keep = set(names)
    sub = typer.Typer(**APP_SETTINGS)
    sub.registered_callback = app.registered_callback
    sub.registered_commands = [c for c in app.registered_commands if c.name in keep]
    return sub


def _command_name(argv: list[str]) -> str | None:
    """The command a command line runs: its first word that is not an option."""
    for word in argv:
        if not word.startswith("-"):
            return word
        if word in ("--help", "--version"):
            return None
    return None
