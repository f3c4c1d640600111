"""What a reader needs around the steps, shared by the table and HTML renderers.

Pure functions from a timeline and a :class:`~sendtime.texts.Catalogue` to words: the one line
on what matters next, the undated steps collapsed by the option that dates them, and the key of
the terms a page actually uses (docs/reading-the-output.md). No Rich, no HTML, no clock: "today"
is already in each step's ``days_left``.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Sequence
from fnmatch import fnmatchcase

from sendtime.engine.model import Kind, Status, Step, Timeline
from sendtime.texts import Catalogue

# Long source names shortened in the table and the HTML step list; the key spells them out.
SHORT = (
    ("SEND Regulations 2014, ", ""),
    ("SEND Code of Practice 2015, paras ", "CoP "),
    ("SEND Code of Practice 2015, para ", "CoP "),
    ("Children and Families Act 2014, ", "CFA "),
    ("R (L, M and P) v Devon CC, [2022] EWHC 493 (Admin)", "Devon [2022]"),
    ("Tribunal Procedure (First-tier Tribunal) (HESC Chamber) Rules 2008, ", "HESC "),
    # Wales (sendtime.law.wales.texts spells them out)
    ("ALN (Wales) Regulations 2021 (SI 2021/401), ", ""),
    ("ALN Code for Wales 2021, ", "Code "),
    ("Additional Learning Needs and Education Tribunal (Wales) Act 2018, ", "ALNET "),
    ("Education Tribunal for Wales Regulations 2021 (SI 2021/406), ", "ETW "),
)
# The kinds a "what matters next" line may name: the law's own limits, not planning dates.
NEXT_KINDS = frozenset({Kind.DEADLINE, Kind.MINIMUM, Kind.FIXED})
# Outcomes (--done) that mean a step needs nothing more.
SETTLED = frozenset({"met", "late", "disapplied", "not-applicable"})
GIVE = re.compile(r"give (--[a-z][a-z0-9-]*)")


def short_citation(citation: str) -> str:
    """A citation shortened for a narrow column."""
    for long, short in SHORT:
        citation = citation.replace(long, short)
    return citation


def long_date(d: dt.date, cat: Catalogue) -> str:
    """A date in words for a sentence, e.g. "Friday 19 July 2024"."""
    return f"{cat.weekdays[d.weekday()]} {d.day} {cat.months[d.month - 1]} {d.year}"


def outcome_of(s: Step) -> str | None:
    """The step's outcome against a done date (met, late, ...) when the timeline has them.

    Reads ``step.outcome`` whether it is an Outcome record (with ``kind``), an OutcomeKind or
    a plain string, so the renderers need nothing from the check engine.
    """
    value = getattr(s, "outcome", None)
    if value is None:
        return None
    kind = getattr(value, "kind", value)
    return str(getattr(kind, "value", kind))


def days_late_of(s: Step) -> int | None:
    """Calendar days late: the outcome's own count, else the done date less the step's date."""
    counted = getattr(getattr(s, "outcome", None), "days_late", None)
    if isinstance(counted, int):
        return counted
    done = done_of(s)
    return (done - s.date).days if done and s.date and done > s.date else None


def done_of(s: Step) -> dt.date | None:
    """The date the step was done (--done STEP_ID=DATE), when given."""
    value = getattr(s, "done", None)
    return value if isinstance(value, dt.date) else None


def is_local(s: Step) -> bool:
    """Whether a step comes from a local rule (only those carry a source)."""
    return s.source is not None


def next_step(t: Timeline) -> Step | None:
    """The nearest statutory date still ahead (days_left >= 0) that is not already settled."""
    ahead = [
        (s.date, i, s)
        for i, s in enumerate(t.steps)
        if s.date is not None
        and s.days_left is not None
        and s.days_left >= 0
        and s.status is Status.STATUTORY
        and s.kind in NEXT_KINDS
        and not is_local(s)
        and outcome_of(s) not in SETTLED
    ]
    return min(ahead, key=lambda x: (x[0], x[1]))[2] if ahead else None


def _last_past(t: Timeline) -> Step | None:
    past = [
        (s.date, i, s)
        for i, s in enumerate(t.steps)
        if s.date is not None
        and s.days_left is not None
        and s.days_left < 0
        and s.status is Status.STATUTORY
        and s.kind in NEXT_KINDS
        and not is_local(s)
    ]
    return max(past, key=lambda x: (x[0], x[1]))[2] if past else None


def action_sentence(s: Step, cat: Catalogue) -> str:
    """Who must act and by when, e.g. "The council (LA) must send the final EHC plan by ..."."""
    when = long_date(s.date, cat) if s.date else cat.no_date
    template = cat.actions.get(s.id)
    if template is None:
        template = next(
            (v for k, v in cat.actions.items() if "*" in k and fnmatchcase(s.id, k)), None
        )
    if template is None:
        return cat.next_prefix + cat.next_by.format(action=s.title, date=when)
    return template.format(date=when)


def days_words(n: int, cat: Catalogue) -> str:
    """Days from today in words: "today", "in 3 days", "2 days ago"."""
    words = cat.next_days
    if n == 0:
        return words["today"]
    if n > 0:
        return words["one"] if n == 1 else words["many"].format(n=n)
    return words["ago_one"] if n == -1 else words["ago_many"].format(n=-n)


def next_line(t: Timeline, cat: Catalogue) -> str | None:
    """One line on what matters next, or None when the timeline was computed without today."""
    if not any(s.days_left is not None for s in t.steps):
        return None
    s = next_step(t)
    if s is None or s.date is None or s.days_left is None:
        last = _last_past(t)
        if last is None or last.date is None:
            return None
        return cat.next_none_past.format(title=last.title, date=long_date(last.date, cat))
    line = (
        f"{action_sentence(s, cat)} ({s.date.isoformat()}, {days_words(s.days_left, cat)}): "
        f"{s.basis} ({short_citation(s.citation)})."
    )
    return line + (cat.next_projected if s.projected else "")


def option_dated(s: Step) -> str | None:
    """The option that would date an undated step ("no date: give --adviser-informed")."""
    if s.date is not None:
        return None
    m = GIVE.search(s.basis)
    return m[1] if m else None


def collapsible(s: Step) -> bool:
    """An undated step that one option would date: listed in the one undated line."""
    return option_dated(s) is not None


def undated_line(
    steps: Sequence[Step], cat: Catalogue, marks: dict[str, list[str]] | None = None
) -> str | None:
    """The undated steps that an option would date, in one line grouped by that option.

    ``marks`` (step id -> note numbers) adds each step's notes, so nothing a note says is lost.
    """
    groups: dict[str, list[str]] = {}
    for s in steps:
        option = option_dated(s)
        if option is not None:
            numbers = (marks or {}).get(s.id)
            shown = s.id + (
                f" ({cat.tag_notes.format(numbers=','.join(numbers))})" if numbers else ""
            )
            groups.setdefault(option, []).append(shown)
    if not groups:
        return None
    parts = [cat.undated_give.format(option=o, steps=", ".join(ids)) for o, ids in groups.items()]
    return cat.undated_one.format(steps="; ".join(parts))


def key_entries(
    shown_text: Iterable[str], steps: Sequence[Step], cat: Catalogue
) -> list[tuple[str, str]]:
    """The key: (term, meaning) for each abbreviation, kind and mark the reader was shown."""
    text = "\n".join(shown_text)
    out = [(t.term, t.meaning) for t in cat.key_terms if t.regex.search(text)]
    kinds: list[str] = []
    for s in steps:
        for v in (s.kind.value, s.status.value):
            if v in cat.kind_terms and v not in kinds and v != Status.STATUTORY.value:
                kinds.append(v)
    order = list(cat.kind_terms)
    out += [(k, cat.kind_terms[k]) for k in sorted(kinds, key=order.index)]
    flags = [
        ("projected", any(s.projected for s in steps)),
        ("disapplied", any(s.disapplied for s in steps)),
        ("not a statutory deadline", any(s.status is not Status.STATUTORY for s in steps)),
        ("local", any(is_local(s) for s in steps)),
    ]
    out += [(name, cat.flag_terms[name]) for name, used in flags if used]
    return out


def step_tags(s: Step, cat: Catalogue, marks: Sequence[str]) -> list[str]:
    """The small print under a step's title: id, kind, status, marks and note numbers."""
    tags = [s.id, s.kind.value]
    if s.status is not Status.STATUTORY:
        if s.status.value != s.kind.value:
            tags.append(s.status.value)
        tags.append(cat.tag_not_statutory)
    if s.projected:
        tags.append(cat.tag_projected)
    if s.disapplied:
        tags.append(cat.tag_disapplied.format(limb=s.disapplied.limb))
    if marks:
        tags.append(cat.tag_notes.format(numbers=",".join(marks)))
    return tags


def provenance(t: Timeline, cat: Catalogue) -> str:
    """Counting convention, bank holidays and term dates used."""
    terms = cat.terms_part.format(terms=t.calendar.terms) if t.calendar.terms else ""
    return cat.provenance.format(
        counting=cat.counting_words.get(t.counting.value, t.counting.value),
        bank_holidays=t.calendar.bank_holidays,
        source=t.calendar.source,
        terms=terms,
    )


def input_text(v: object) -> str:
    """An input as text: a date in ISO, several dates joined with ", ", text as given."""
    if isinstance(v, tuple):
        return ", ".join(input_text(x) for x in v)
    return v.isoformat() if isinstance(v, dt.date) else str(v)


def input_dates(v: object) -> list[dt.date]:
    """The dates an input holds (none for a text input such as a type or a class of post)."""
    values = v if isinstance(v, tuple) else (v,)
    return [x for x in values if isinstance(x, dt.date)]


def inputs_text(t: Timeline) -> str:
    """The inputs in a heading: "request received 2024-03-01; ..."."""
    return "; ".join(f"{k.replace('_', ' ')} {input_text(v)}" for k, v in t.inputs)


def process_title(process: str, cat: Catalogue) -> str:
    """How the reader's language names a process; else the registry's title; else its name."""
    if process in cat.titles:
        return cat.titles[process]
    from sendtime.law.england.processes import title

    return title(process)


def heading(t: Timeline, cat: Catalogue) -> str:
    """The heading of a timeline: process title and inputs."""
    if t.jurisdiction == "wales":  # Wales's process names are its own (its review, its appeal)
        from sendtime.law.wales.processes import title

        return f"{title(t.process)}: {inputs_text(t)}"
    return f"{process_title(t.process, cat)}: {inputs_text(t)}"


def chronological(steps: Iterable[Step]) -> list[Step]:
    """Steps by date, undated last (the order a timeline reads; JSON and CSV keep rule order)."""
    return sorted(steps, key=lambda s: (s.date is None, s.date or dt.date.min))


def pupil_lines(t: Timeline, cat: Catalogue) -> list[str]:
    """The pupil's facts (year group, end of compulsory school age, ...) as sentences."""
    facts = dict(t.extra).get("pupil")
    if not isinstance(facts, dict):
        return []
    words = cat.pupil_lines
    lines = [
        words["year"].format(**facts),
        words["csa"].format(date=facts["compulsory_school_age_ends"]),
        words["pfa_now"] if facts["preparation_for_adulthood"] else words["pfa_later"],
    ]
    if facts.get("next_transfer"):
        lines.append(
            words["transfer"].format(
                when=facts["next_transfer"], into=facts.get("transfer_into", "")
            )
        )
    return lines


def checked(t: Timeline) -> bool:
    """Whether the timeline carries outcomes (done dates were given, or it was checked)."""
    return bool(getattr(t, "checked", False)) or any(outcome_of(s) for s in t.steps)


def outcome_cell(s: Step, cat: Catalogue) -> str:
    """A step's outcome in a few words: "late 21 days (done 2024-05-03)", "open", ..."""
    kind = outcome_of(s)
    if kind is None:
        return ""
    words = cat.outcome_short.get(kind, kind)
    late = days_late_of(s)
    if kind == "late" and late is not None:
        words = cat.outcome_short["late_n"].format(n=late)
    overdue = getattr(getattr(s, "outcome", None), "days_overdue", None)
    if kind == "overdue" and isinstance(overdue, int):
        words = cat.outcome_short["overdue_n"].format(n=overdue)
    done = done_of(s)
    if done is not None:
        words += cat.outcome_short["done"].format(date=done.isoformat())
    return words


def outcome_summary(steps: Sequence[Step], cat: Catalogue) -> str | None:
    """One line counting the statutory steps' outcomes: "Checked: 2 late, 1 overdue, 3 met."."""
    counts: dict[str, int] = {}
    for s in steps:
        kind = outcome_of(s)
        if kind is not None and s.status is Status.STATUTORY and not is_local(s):
            counts[kind] = counts.get(kind, 0) + 1
    if not counts:
        return None
    order = list(cat.outcome_words)
    parts = [
        f"{n} {cat.outcome_short.get(k, k)}"
        for k, n in sorted(
            counts.items(), key=lambda kv: order.index(kv[0]) if kv[0] in order else 99
        )
    ]
    return cat.outcome_summary.format(counts=", ".join(parts))
