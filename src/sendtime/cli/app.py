"""The command line's app: commands register here; run() parses, calls, renders, exits.

The parsers live in options.py, the renderers in output.py, the commands in one module per
family (assess, reviews, tribunal, pupil, batch, reference). Every error, Typer's usage errors
included, becomes one plain line on stderr and its exit code (main() runs the app with
standalone_mode=False and translates exceptions in one place).
"""

import contextlib
import functools
import inspect
import os
import re
import sys
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Annotated, Any

import typer

import sendtime.cli.stderr as stderr
from sendtime import __version__

# Re-exported: the command modules and 0.1's callers import these from here.
from sendtime.cli.options import (
    COMMON_NAMES,
    COMMON_PARAMS,
    Common,
)
from sendtime.cli.output import (
    _outputs,
    out,
    render_timeline,
)
from sendtime.engine.errors import SendtimeError
from sendtime.engine.model import Timeline
from sendtime.law.england.processes import TABLE as PROCESS_TABLE

APP_SETTINGS: dict[str, Any] = {
    "add_completion": False,
    "pretty_exceptions_enable": False,
    "rich_markup_mode": None,
    "no_args_is_help": True,
    "help": "Statutory SEND deadlines for England (and Wales: sendtime wales), each with its "
    "source.",
}
app = typer.Typer(**APP_SETTINGS)
BUILT_IN: frozenset[str] = frozenset()  # every command lives in a family module


def timeline_command(
    name: str, *, group: typer.Typer | None = None
) -> Callable[[Callable[..., Timeline]], Callable[..., Timeline]]:
    """Register a timeline command: fn(common, **own options) -> Timeline; render and exit here.

    The common options are added to the command's signature once, here, instead of being
    repeated in every command. ``group`` registers it under a command group (``sendtime wales``)
    instead of on the app itself.
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
        (group or app).command(name)(command)
        return fn

    return register


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
    """Statutory SEND deadlines for England (and Wales: sendtime wales), each with its source."""


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


@contextlib.contextmanager
def _library_warnings() -> Iterator[None]:
    """Warnings from libraries (openpyxl, icalendar) as one reworded line each, no values.

    A library's warning text can quote a cell (openpyxl names the serial number of a date
    cell out of range, which can be a date of birth), so only where it came from is said.
    """
    import warnings

    seen: set[tuple[str, str, str]] = set()

    def show(message: Any, category: type[Warning], filename: str, *args: Any, **kw: Any) -> None:
        parts = Path(filename).parts
        module = parts[parts.index("site-packages") + 1] if "site-packages" in parts else "python"
        cell = re.search(r"\bCell ([A-Z]{1,3}[0-9]{1,7})\b", str(message))
        where = f" about cell {cell[1]}" if cell else ""
        key = (module, category.__name__, where)
        if key not in seen:
            seen.add(key)
            stderr.warn(
                f"{module} warned ({category.__name__}){where} while reading the input; its "
                "text is not shown as it may quote a cell's value"
            )

    with warnings.catch_warnings():
        warnings.simplefilter("always")
        warnings.showwarning = show
        yield


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
        with _signals(), _library_warnings(), files.recording(), outs:
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
        return _fail(_usage_message(exc), int(getattr(exc, "exit_code", 2) or 2))
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


FORMS = {"DATE": "a date as YYYY-MM-DD", "FILE": "a file name", "N": "a whole number"}


def _expected(param: Any) -> str:
    """What a parameter takes, in words, from its metavar and help."""
    metavar = getattr(param, "metavar", None) or param.human_readable_name
    form = FORMS.get(metavar) or ("a date as YYYY-MM-DD" if metavar.endswith("DATE") else "")
    helptext = " ".join((getattr(param, "help", None) or "").split()).rstrip(".")
    helptext = helptext[:1].lower() + helptext[1:]
    return "; ".join(x for x in (form, helptext) if x) or metavar


def _usage_message(exc: Any) -> str:
    """Click's usage errors reworded: each names what was expected (issue 13, item 20)."""
    import difflib

    fmt = getattr(exc, "format_message", None)
    message = fmt() if callable(fmt) else str(exc)
    ctx = getattr(exc, "ctx", None)
    command = getattr(ctx, "command", None)
    info = getattr(ctx, "info_name", None)
    name = f"sendtime {info}" if info else "sendtime"
    params = [p for p in getattr(command, "params", ()) if getattr(p, "opts", None)]
    options = [o for p in params for o in p.opts if o.startswith("--")]
    kind = type(exc).__name__
    if kind == "NoSuchOption":
        close = difflib.get_close_matches(exc.option_name, options, n=1, cutoff=0.75)
        hint = f"did you mean {close[0]}? " if close else ""
        return f"{exc.option_name}: no such option for {name}; {hint}see {name} --help"
    if kind == "MissingParameter" and exc.param is not None:
        what = exc.param.human_readable_name
        return f"{name}: {what} is missing; expected {_expected(exc.param)}"
    m = re.fullmatch(r"Option '(--[a-z-]+)' requires an argument\.", message)
    if m:
        param = next((p for p in params if m[1] in p.opts), None)
        what = _expected(param) if param else "a value (see the command's --help)"
        return f"{m[1]} needs a value: expected {what}"
    m = re.fullmatch(r"Got unexpected extra argument(?:s|\(s\))? \((.*)\)", message)
    if m:
        dated = [p for p in params if (getattr(p, "metavar", "") or "").endswith("DATE")]
        words = m[1].split()
        hint = f", e.g. {dated[0].opts[0]} {words[0]}" if dated and words else ""
        return (
            f"{name}: unexpected extra argument {m[1]!r}; expected options by name{hint} "
            f"(see {name} --help)"
        )
    return message


def main() -> None:
    """Console-script entry point."""
    sys.exit(run())


# Commands of each family register themselves on `app` when their module is imported.
# Typer builds every registered command's parameters at each start, so a command line imports
# and registers only the module of the command it runs (all of them for help and errors).
# A process's family names its module (sendtime.cli.<family>); the other commands are listed.
_OTHERS = {
    "batch": "batch",
    "due": "due",
    "check": "check",
    "terms": "reviews",
    "timeliness": "timeliness",
    **dict.fromkeys(("holidays", "rules", "schema"), "reference"),
    "wales": "wales",  # a group: sendtime wales idp, ... (cli/wales.py)
}
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
    "timeliness",
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
    sub.registered_groups = [g for g in app.registered_groups if g.name in keep]
    return sub


def _command_name(argv: list[str]) -> str | None:
    """The command a command line runs: its first word that is not an option."""
    for word in argv:
        if not word.startswith("-"):
            return word
        if word in ("--help", "--version"):
            return None
    return None
