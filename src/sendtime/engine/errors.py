"""One exception family; the CLI turns each into one line on stderr and its exit code."""

from __future__ import annotations

import datetime as dt
from enum import StrEnum
from typing import TypeVar

E = TypeVar("E", bound=StrEnum)


class SendtimeError(Exception):
    """Base error: a one-line message and the exit code it maps to."""

    exit_code = 1


class BadInput(SendtimeError):
    """A value, option or file is not what was expected (exit 2).

    Raised by the core with ``field`` (the parameter's name, e.g. ``draft_served``; ``date`` for
    a command's trigger) and ``problem`` (what is wrong, without the value), each edge words it:
    the message (str) names the CLI option and the value, as the CLI prints it; a caseload
    names its column and never the value (personal data); a library caller may read the parts.
    """

    exit_code = 2

    def __init__(
        self, message: str = "", *, field: str | None = None, problem: str | None = None
    ) -> None:
        """A message, or a field and problem (the message then names the option)."""
        self.field = field
        self.problem = problem
        if not message and field is not None:
            message = f"{option_name(field)} {problem or 'is not valid'}"
        super().__init__(message)

    @classmethod
    def about(cls, field: str, value: object, problem: str) -> BadInput:
        """The error of one field: its message names the option and the value, the parts not."""
        shown = value.isoformat() if isinstance(value, dt.date) else repr(str(value))
        sep = "" if problem.startswith(":") else " "
        return cls(f"{option_name(field)} {shown}{sep}{problem}", field=field, problem=problem)


def option_name(name: str) -> str:
    """The command-line option of a field: advice_requested -> --advice-requested; date -> date."""
    return name if name in ("date", "YEAR") else "--" + name.replace("_", "-")


class NeedsMoreData(SendtimeError):
    """The input is valid but the question cannot be answered without more data (exit 3)."""

    exit_code = 3


def choose(enum: type[E], value: E | str, what: str) -> E:
    """One member of a fixed set of words, or BadInput naming the value and listing the words.

    The one check of every choice the core takes (a kind of transfer, an order type, a setting's
    structure): the library accepts the member or its word.
    """
    try:
        return enum(value)
    except ValueError:
        problem = f": expected one of {', '.join(e.value for e in enum)}"
        raise BadInput.about(what.removeprefix("--").replace("-", "_"), value, problem) from None
