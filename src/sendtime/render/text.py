"""Text made safe for a terminal: control characters shown as escapes, never sent raw.

A ref or a cell from a caseload may hold ANSI escape sequences (which recolour or clear a
terminal) or a line break (which can forge a `sendtime: error:` line). Everything sendtime
prints to a terminal or to stderr goes through `printable`; data written to files does not.
"""

from __future__ import annotations

import unicodedata
from typing import Any


def _escape(c: str) -> str:
    named = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}.get(c)
    if named:
        return named
    n = ord(c)
    return f"\\u{n:04x}" if n <= 0xFFFF else f"\\U{n:08x}"


# Controls (Cc), format characters such as bidi overrides (Cf), line and paragraph separators,
# surrogates and unassigned code points; spaces of every width stay as they are.
UNSAFE = frozenset(("Cc", "Cf", "Zl", "Zp", "Cs", "Cn"))


def printable(text: str, *, newlines: bool = False) -> str:
    r"""``text`` with every control character written as an escape (``\u001b``, ``\n``).

    The escapes are JSON's too, so a JSON Lines record stays valid JSON. With ``newlines``,
    line feeds are kept (a renderer's own line breaks).
    """
    if text.isprintable():  # the common case, tested in C
        return text
    return "".join(
        c if unicodedata.category(c) not in UNSAFE or (newlines and c == "\n") else _escape(c)
        for c in text
    )


_console_class: Any = None


def terminal_console(**options: Any) -> Any:
    """A Rich Console whose text segments are escaped as ``printable`` (its own codes are not).

    Rich passes ESC and most other control characters through to the terminal as they are;
    every table, calendar and message sendtime prints is rendered by this one console, so a
    caseload's ref or a term file's name cannot recolour, clear or rewrite the screen.
    """
    global _console_class
    if _console_class is None:
        from rich.console import Console
        from rich.segment import Segment

        class _Escaping(Console):
            def _render_buffer(self, buffer: Any) -> str:
                return super()._render_buffer(
                    seg
                    if seg.control or seg.text.isprintable()
                    else Segment(printable(seg.text, newlines=True), seg.style, seg.control)
                    for seg in buffer
                )

        _console_class = _Escaping
    return _console_class(**options)
