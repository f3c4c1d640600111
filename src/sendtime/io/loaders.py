"""The edge that reads files: GOV.UK bank-holiday JSON and term dates (TOML and ICS).

Errors name the file, the entry and the problem, in one line (exit 2).
"""

from __future__ import annotations

import datetime as dt
import json
import re
import tomllib
from itertools import pairwise
from pathlib import Path
from typing import Any

from sendtime.engine.errors import BadInput
from sendtime.engine.model import Nation
from sendtime.engine.periods import add_days
from sendtime.engine.terms import Period, SettingKind, Terms


def read_text(path: str | Path, what: str) -> str:
    """A small input file as text (UTF-8, BOM allowed), or BadInput naming it and the problem.

    Read through sendtime.io.files: a regular file under its cap, recorded as a run's input.
    """
    from sendtime.io.files import read_input

    p = Path(path)
    data = read_input(path, what)
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
    text = read_text(path, "--bank-holidays")
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


def _periods(doc: dict[str, Any], key: str, path: str | Path) -> list[tuple[str, Period]]:
    entries = doc.get(key, [])
    if not isinstance(entries, list):
        msg = f"--terms {path}: [[{key}]] must be an array of tables"
        raise BadInput(msg)
    out = []
    for i, e in enumerate(entries, 1):
        name = str(e.get("name", "")) if isinstance(e, dict) else ""
        where = f"{key} {i}" + (f" ({name})" if name else "")
        if not isinstance(e, dict) or "start" not in e or "end" not in e:
            msg = f"--terms {path}: {where}: needs start and end"
            raise BadInput(msg)
        full = f"--terms {path}: {where}"
        start, end = _toml_date(e["start"], full + " start"), _toml_date(e["end"], full + " end")
        if end < start:
            msg = f"{full}: end {end.isoformat()} is before start {start.isoformat()}"
            raise BadInput(msg)
        out.append((where, Period(start, end, name)))
    return out


def _kind(text: str, path: str | Path) -> SettingKind:
    try:
        return SettingKind(text)
    except ValueError:
        msg = f"--terms {path}: setting kind {text!r}: expected one of " + ", ".join(
            k.value for k in SettingKind
        )
        raise BadInput(msg) from None


def _validated(
    path: str | Path,
    terms: list[tuple[str, Period]],
    closures: list[tuple[str, Period]],
    *,
    name: str | None,
    kind: SettingKind,
    between_terms_ok: bool = False,
) -> Terms:
    """Check terms and closures (sorted, no overlapping terms, closures inside a term).

    With ``between_terms_ok`` (ICS files, which often list each holiday as an event), a
    closure lying wholly in a gap between two terms is dropped: those days are closed already.
    """
    if not terms:
        msg = f"--terms {path}: no terms found (expected at least one term)"
        raise BadInput(msg)
    terms = sorted(terms, key=lambda x: x[1].start)
    for (wa, a), (wb, b) in pairwise(terms):
        if b.start <= a.end:
            msg = (
                f"--terms {path}: {wb} ({b.start.isoformat()} to {b.end.isoformat()}) overlaps "
                f"{wa} ({a.start.isoformat()} to {a.end.isoformat()})"
            )
            raise BadInput(msg)
    closures = sorted(closures, key=lambda x: x[1].start)
    if between_terms_ok:
        first, last = terms[0][1].start, terms[-1][1].end
        closures = [
            (w, c)
            for w, c in closures
            if not (
                first <= c.start
                and c.end <= last
                and not any(c.start <= t.end and t.start <= c.end for _, t in terms)
            )
        ]
    for where, c in closures:
        if not any(t.start <= c.start and c.end <= t.end for _, t in terms):
            msg = (
                f"--terms {path}: {where} ({c.start.isoformat()} to {c.end.isoformat()}) lies "
                "outside every term (closures are days inside a term; the gaps between terms "
                "are closures already)"
            )
            raise BadInput(msg)
    return Terms(
        tuple(t for _, t in terms), tuple(c for _, c in closures), name, kind, Path(path).name
    )


def load_terms_toml(path: str | Path) -> Terms:
    """Term dates from the documented TOML format (docs/terms-and-reviews.md)."""
    text = read_text(path, "--terms")
    try:
        doc = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        msg = f"--terms {path}: not valid TOML ({exc})"
        raise BadInput(msg) from None
    setting = doc.get("setting", {})
    if not isinstance(setting, dict):
        msg = f"--terms {path}: [setting] must be a table"
        raise BadInput(msg)
    kind = _kind(str(setting.get("kind", "school")), path)
    terms = _periods(doc, "term", path)
    if not terms:
        msg = f"--terms {path}: no [[term]] entries"
        raise BadInput(msg)
    name = setting.get("name")
    return _validated(
        path, terms, _periods(doc, "closure", path), name=str(name) if name else None, kind=kind
    )


# Whole words in SUMMARY or CATEGORIES, case-insensitive; closure words are tried first.
CLOSURE_WORDS = re.compile(r"\b(half[ -]term|holidays?|inset|closure|closed)\b", re.IGNORECASE)
TERM_WORD = re.compile(r"\bterms?\b", re.IGNORECASE)


def _ics_date(value: Any, where: str) -> dt.date:
    d = getattr(value, "dt", value)
    if isinstance(d, dt.datetime):
        return d.date()
    if isinstance(d, dt.date):
        return d
    msg = f"{where}: unreadable date"
    raise BadInput(msg)


def load_terms_ics(path: str | Path) -> Terms:
    """Term dates from an iCalendar file of all-day events, parsed with icalendar.

    The format: docs/terms-and-reviews.md.

    Events are classified by whole words in SUMMARY or CATEGORIES: closure words first
    ("half term", "holiday", "inset", "closure", "closed"), otherwise "term". DTEND is
    exclusive; events spanning less than a day are ignored.
    """
    import icalendar

    text = read_text(path, "--terms")
    try:
        cal = icalendar.Calendar.from_ical(text)
    except ValueError as exc:
        msg = f"--terms {path}: not a valid iCalendar file ({' '.join(str(exc).split())})"
        raise BadInput(msg) from None
    terms: list[tuple[str, Period]] = []
    closures: list[tuple[str, Period]] = []
    for i, ev in enumerate(cal.walk("VEVENT"), 1):
        summary = str(ev.get("SUMMARY", "")).strip()
        where = f"event {i}" + (f" ({summary})" if summary else "")
        full = f"--terms {path}: {where}"
        if ev.get("DTSTART") is None:
            msg = f"{full}: no DTSTART"
            raise BadInput(msg)
        try:
            start = _ics_date(ev.decoded("DTSTART"), full + " DTSTART")
            if ev.get("DTEND") is not None:
                end_excl = _ics_date(ev.decoded("DTEND"), full + " DTEND")
            elif ev.get("DURATION") is not None:
                end_excl = start + ev.decoded("DURATION")
            else:
                end_excl = add_days(start, 1)  # an all-day event with no end: one day
        except (ValueError, TypeError, KeyError):
            msg = f"{full}: unreadable DTSTART or DTEND (expected DTSTART;VALUE=DATE:YYYYMMDD)"
            raise BadInput(msg) from None
        if end_excl < start:
            msg = f"{full}: DTEND {end_excl.isoformat()} is before DTSTART {start.isoformat()}"
            raise BadInput(msg)
        if (end_excl - start).days < 1:
            continue  # spans less than a day: not a term or closure
        cats = ev.get("CATEGORIES")
        cat_list = cats if isinstance(cats, list) else [cats] if cats is not None else []
        words = " ".join([summary, *(" ".join(map(str, c.cats)) for c in cat_list)])
        period = Period(start, add_days(end_excl, -1), summary)
        if CLOSURE_WORDS.search(words):
            closures.append((where, period))
        elif TERM_WORD.search(words):
            terms.append((where, period))
    if not terms and not closures:
        msg = f"--terms {path}: no usable all-day events (terms or closures)"
        raise BadInput(msg)
    name = cal.get("X-WR-CALNAME")
    kind = _kind(str(cal.get("X-SENDTIME-KIND", "school")).strip().lower(), path)
    return _validated(
        path,
        terms,
        closures,
        name=str(name) if name else None,
        kind=kind,
        between_terms_ok=True,
    )


def load_terms(path: str | Path) -> Terms:
    """Term dates from TOML (.toml) or ICS (.ics), chosen by extension."""
    suffix = Path(path).suffix.lower()
    if suffix == ".toml":
        return load_terms_toml(path)
    if suffix in (".ics", ".ical", ".ifb", ".icalendar"):
        return load_terms_ics(path)
    msg = f"--terms {path}: expected a .toml or .ics term-dates file"
    raise BadInput(msg)
