"""One exception family; the CLI turns each into one line on stderr and its exit code."""

from __future__ import annotations


class SendtimeError(Exception):
    """Base error: a one-line message and the exit code it maps to."""

    exit_code = 1


class BadInput(SendtimeError):
    """A value, option or file is not what was expected (exit 2)."""

    exit_code = 2


class NeedsMoreData(SendtimeError):
    """The input is valid but the question cannot be answered without more data (exit 3)."""

    exit_code = 3
