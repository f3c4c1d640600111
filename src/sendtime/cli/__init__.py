"""The command line: Typer app and one module per command family."""

from sendtime.cli.app import main

__all__ = ["main"]
