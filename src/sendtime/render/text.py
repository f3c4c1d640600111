"""Text made safe for a terminal: control characters shown as escapes, never sent raw.

A ref or a cell from a caseload may hold ANSI escape sequences (which recolour or clear a
terminal) or a line break (which can forge a `sendtime: error:` line). Everything sendtime
prints to a terminal or to stderr goes through `printable`; data written to files does not.
"""

from __future__ import annotations

import unicodedata


def _escape(c: str) -> str:
    named = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}.get(c)
    if named:
        return named
    n = ord(c)
    return f"\\x{n:02x}" if n < 0x100 else f"\\u{n:04x}"


# Controls (Cc), format characters such as bidi overrides (Cf), line and paragraph separators,
# surrogates and unassigned code points; spaces of every width stay as they are.
UNSAFE = frozenset(("Cc", "Cf", "Zl", "Zp", "Cs", "Cn"))


def printable(text: str) -> str:
    r"""``text`` with every control character written as an escape (``\x1b``, ``\n``)."""
    if text.isprintable():  # the common case, tested in C
        return text
    return "".join(_escape(c) if unicodedata.category(c) in UNSAFE else c for c in text)
