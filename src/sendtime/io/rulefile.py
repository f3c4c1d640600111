"""The edge that reads local rules: a TOML file of [[rule]] tables (docs/local-rules.md).

Every error is one line naming the file, the rule id (or its position, #N, when it has no id)
and the field. The batch runner loads one file per caseload row through RuleFiles, which reads
each file once and resolves paths against the caseload's folder.
"""

from __future__ import annotations

import datetime as dt
import tomllib
from collections.abc import Collection
from pathlib import Path
from typing import Any

from sendtime.engine.calendars import Calendar
from sendtime.engine.errors import BadInput, SendtimeError
from sendtime.engine.localrules import LocalRule, parse_offset, rule_error
from sendtime.engine.model import Timeline
from sendtime.io.loaders import read_text
from sendtime.law.england.local import apply_local_rules, validate

FIELDS = ("id", "title", "after", "offset", "source")


def _field(entry: dict[str, Any], name: str, file: str, rid: str, what: str) -> str:
    value = entry.get(name)
    if value is None:
        raise BadInput(rule_error(file, rid, name, "missing", what=what))
    if not isinstance(value, str) or not value.strip():
        problem = f"expected non-empty text in quotes, got {value!r}"
        raise BadInput(rule_error(file, rid, name, problem, what=what))
    return value.strip()


def _rule(entry: object, i: int, file: str, what: str) -> LocalRule:
    if not isinstance(entry, dict):
        msg = f"{what} {file}: rule #{i}: expected a [[rule]] table"
        raise BadInput(msg)
    raw_id = entry.get("id")
    rid = raw_id.strip() if isinstance(raw_id, str) and raw_id.strip() else f"#{i}"
    unknown = sorted(set(entry) - set(FIELDS))
    if unknown:
        problem = f"unknown field; expected only {', '.join(FIELDS)}"
        raise BadInput(rule_error(file, rid, unknown[0], problem, what=what))
    values = {name: _field(entry, name, file, rid, what) for name in FIELDS}
    try:
        amount, unit, direction = parse_offset(values["offset"])
    except ValueError as exc:
        problem = f"unreadable offset {values['offset']!r}: {exc}"
        raise BadInput(rule_error(file, rid, "offset", problem, what=what)) from None
    return LocalRule(
        id=values["id"],
        title=values["title"],
        after=values["after"],
        amount=amount,
        unit=unit,
        direction=direction,
        source=values["source"],
        file=file,
    )


def parse_local_rules(
    text: str, file: str, *, known: Collection[str] | None = None, what: str = "--rules"
) -> tuple[LocalRule, ...]:
    """Local rules from TOML text, validated against the rule table (or ``known`` ids).

    Raises:
        BadInput: one line naming the file, the rule and the field.
    """
    try:
        doc = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        msg = f"{what} {file}: not valid TOML ({exc})"
        raise BadInput(msg) from None
    extra = sorted(set(doc) - {"rule"})
    if extra:
        msg = f"{what} {file}: unexpected {extra[0]!r}; expected only [[rule]] tables"
        raise BadInput(msg)
    entries = doc.get("rule")
    if not isinstance(entries, list) or not entries:
        msg = f"{what} {file}: no [[rule]] entries"
        raise BadInput(msg)
    rules = [_rule(entry, i, file, what) for i, entry in enumerate(entries, 1)]
    return validate(rules, known=known, what=what)


def load_local_rules(
    path: str | Path, *, known: Collection[str] | None = None, what: str = "--rules"
) -> tuple[LocalRule, ...]:
    """Read and validate a local-rules TOML file.

    Raises:
        BadInput: a missing, empty or unreadable file, or a rule naming the file, id and field.
    """
    return parse_local_rules(read_text(path, what), str(path), known=known, what=what)


def apply_rules_file(
    timeline: Timeline,
    path: str | Path,
    *,
    calendar: Calendar,
    today: dt.date | None = None,
    what: str = "--rules",
) -> Timeline:
    """Load a rules file and append its local steps to a timeline (the CLI's --rules)."""
    rules = load_local_rules(path, what=what)
    return apply_local_rules(timeline, rules, calendar=calendar, today=today, what=what)


class RuleFiles:
    """Local-rules files read once each, for a batch with a ``rules`` column.

    Args:
        folder: relative paths are resolved against it (the caseload file's folder).
        what: how errors name the origin, e.g. "rules column".
    """

    def __init__(self, folder: str | Path | None = None, *, what: str = "--rules") -> None:
        self.folder = Path(folder) if folder is not None else None
        self.what = what
        self._cache: dict[Path, tuple[LocalRule, ...] | SendtimeError] = {}

    def resolve(self, cell: str | Path) -> Path:
        """The file a cell names: relative to the folder, unless absolute."""
        p = Path(str(cell).strip())
        return p if p.is_absolute() or self.folder is None else self.folder / p

    def load(self, cell: str | Path) -> tuple[LocalRule, ...]:
        """The validated rules of a file; a file is read once, its error raised each time.

        Raises:
            BadInput: as load_local_rules.
        """
        path = self.resolve(cell)
        key = path.resolve()
        if key not in self._cache:
            try:
                self._cache[key] = load_local_rules(path, what=self.what)
            except SendtimeError as exc:
                self._cache[key] = exc
        cached = self._cache[key]
        if isinstance(cached, SendtimeError):
            raise type(cached)(str(cached))  # a fresh one: no traceback piling up per row
        return cached

    def apply(
        self,
        timeline: Timeline,
        cell: str | Path | None,
        *,
        calendar: Calendar,
        today: dt.date | None = None,
    ) -> Timeline:
        """Append the local steps of the file a row names (an empty cell: none)."""
        if cell is None or not str(cell).strip():
            return timeline
        rules = self.load(cell)
        return apply_local_rules(timeline, rules, calendar=calendar, today=today, what=self.what)
