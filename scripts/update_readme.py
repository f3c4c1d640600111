"""Regenerate the rule table in README.md from sendtime.rule_table() (tests check it matches).

Run: python scripts/update_readme.py
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

README = Path(__file__).resolve().parent.parent / "README.md"
START, END = "<!-- rules:start -->", "<!-- rules:end -->"


def rules_markdown() -> str:
    """The rule table as Markdown."""
    from sendtime import rule_table

    lines = ["| id | step | set by | period | kind | confidence |", "|---|---|---|---|---|---|"]
    for r in rule_table():
        cells = (r.id, r.title, r.citation, r.period, r.kind.value, r.confidence.value)
        lines.append("| " + " | ".join(c.replace("|", "/") for c in cells) + " |")
    return "\n".join(lines)


def render(text: str) -> str:
    """README text with the generated block replaced."""
    block = f"{START}\n{rules_markdown()}\n{END}"
    return re.sub(re.escape(START) + r".*?" + re.escape(END), lambda _: block, text, flags=re.S)


if __name__ == "__main__":
    new = render(README.read_text(encoding="utf-8"))
    README.write_text(new, encoding="utf-8")
    sys.stdout.write("README.md rule table regenerated\n")
