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
import sys
from collections.abc import Callable, Iterable, Iterator
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
_OTHERS = {
    "batch": "batch",
    "due": "due",
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
