"""One exception family; the CLI turns each into one line on stderr and its exit code."""

from __future__ import annotations

from enum import StrEnum
from typing import TypeVar

E = TypeVar("E", bound=StrEnum)


class SendtimeError(Exception):
    """Base error: a one-line message and the exit code it maps to."""

    exit_code = 1


class BadInput(SendtimeError):
    """A value, option or file is not what was expected (exit 2)."""

    exit_code = 2


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
        msg = f"{what} {str(value)!r}: expected one of {', '.join(e.value for e in enum)}"
        raise BadInput(msg) from None
