"""The edge that reads files: GOV.UK bank-holiday JSON and term dates (TOML; ICS later).

Errors name the file, the entry and the problem, in one line (exit 2).
"""

from __future__ import annotations

import datetime as dt
import json
import tomllib
from itertools import pairwise
from pathlib import Path
from typing import Any

from sendtime.errors import BadInput
from sendtime.model import Nation
from sendtime.terms import Period, SettingKind, Terms


def _read_text(path: str | Path, what: str) -> str:
    p = Path(path)
    if p.is_dir():
        msg = f"{what} {p}: is a folder, expected a file"
        raise BadInput(msg)
    try:
        data = p.read_bytes()
    except FileNotFoundError:
        msg = f"{what} {p}: no such file"
        raise BadInput(msg) from None
    except OSError as exc:
        msg = f"{what} {p}: cannot be read ({exc.strerror})"
        raise BadInput(msg) from None
    if not data.strip():
        msg = f"{what} {p}: the file is empty"
        raise BadInput(msg)
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        msg = f"{what} {p}: not UTF-8 text"
        raise BadInput(msg) from None


def load_govuk_bank_holidays(path: str | Path, nation: Nation) -> dict[dt.date, str]:
    """Dates of one division from a GOV.UK bank-holidays.json file.

    Raises:
        BadInput: naming the file and what is wrong with its shape.
    """
    text = _read_text(path, "--bank-holidays")
    try:
        doc = json.loads(text)
    except json.JSONDecodeError as exc:
        msg = f"--bank-holidays {path}: not JSON ({exc.msg} at line {exc.lineno})"
        raise BadInput(msg) from None
    division = doc.get(nation.value) if isinstance(doc, dict) else None
    events = division.get("events") if isinstance(division, dict) else None
    if not isinstance(events, list):
        msg = (
            f"--bank-holidays {path}: expected GOV.UK bank-holidays.json with "
            f'"{nation.value}": {{"events": [...]}}'
        )
        raise BadInput(msg)
    out: dict[dt.date, str] = {}
    for i, ev in enumerate(events, 1):
        try:
            out[dt.date.fromisoformat(ev["date"])] = str(ev.get("title", "bank holiday"))
        except (TypeError, KeyError, ValueError, AttributeError):
            msg = f'--bank-holidays {path}: {nation.value} event {i} has no valid "date"'
            raise BadInput(msg) from None
    return out


def _toml_date(value: Any, where: str) -> dt.date:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value.strip())
        except ValueError:
            pass
    msg = f"{where}: {value!r} is not a date (expected YYYY-MM-DD)"
    raise BadInput(msg)


def _periods(doc: dict[str, Any], key: str, path: str | Path) -> list[Period]:
    entries = doc.get(key, [])
    if not isinstance(entries, list):
        msg = f"--terms {path}: [[{key}]] must be an array of tables"
        raise BadInput(msg)
    out = []
    for i, e in enumerate(entries, 1):
        name = str(e.get("name", "")) if isinstance(e, dict) else ""
        where = f"--terms {path}: {key} {i}" + (f" ({name})" if name else "")
        if not isinstance(e, dict) or "start" not in e or "end" not in e:
            msg = f"{where}: needs start and end"
            raise BadInput(msg)
        start, end = _toml_date(e["start"], where + " start"), _toml_date(e["end"], where + " end")
        if end < start:
            msg = f"{where}: end {end.isoformat()} is before start {start.isoformat()}"
            raise BadInput(msg)
        out.append(Period(start, end, name))
    return out


def load_terms_toml(path: str | Path) -> Terms:
    """Term dates from the documented TOML format (data.md)."""
    text = _read_text(path, "--terms")
    try:
        doc = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        msg = f"--terms {path}: not valid TOML ({exc})"
        raise BadInput(msg) from None
    setting = doc.get("setting", {})
    if not isinstance(setting, dict):
        msg = f"--terms {path}: [setting] must be a table"
        raise BadInput(msg)
    kind_text = str(setting.get("kind", "school"))
    try:
        kind = SettingKind(kind_text)
    except ValueError:
        msg = f"--terms {path}: setting kind {kind_text!r}: expected one of " + ", ".join(
            k.value for k in SettingKind
        )
        raise BadInput(msg) from None
    terms = sorted(_periods(doc, "term", path), key=lambda p: p.start)
    if not terms:
        msg = f"--terms {path}: no [[term]] entries"
        raise BadInput(msg)
    for a, b in pairwise(terms):
        if b.start <= a.end:
            msg = f"--terms {path}: terms {a.name or a.start} and {b.name or b.start} overlap"
            raise BadInput(msg)
    closures = sorted(_periods(doc, "closure", path), key=lambda p: p.start)
    for c in closures:
        if not any(t.start <= c.start and c.end <= t.end for t in terms):
            msg = f"--terms {path}: closure {c.name or c.start.isoformat()} lies outside every term"
            raise BadInput(msg)
    name = setting.get("name")
    return Terms(tuple(terms), tuple(closures), str(name) if name else None, kind, Path(path).name)


def load_terms(path: str | Path) -> Terms:
    """Term dates from TOML (.toml) or, later, ICS (.ics), chosen by extension."""
    suffix = Path(path).suffix.lower()
    if suffix == ".toml":
        return load_terms_toml(path)
    msg = f"--terms {path}: expected a .toml (or .ics) term-dates file"
    raise BadInput(msg)
