"""The words a person reads in the table and HTML outputs, one catalogue per language.

Renderers take every heading, label, key entry and sentence from a :class:`Catalogue`, so a
translation (Welsh, for the Wales processes) is one new module, ``sendtime/texts/<lang>.py``,
defining ``CATALOGUE``; nothing in the renderers changes. See docs/reading-the-output.md.

The law's own words (step titles, citations, notes, bases) come from the rule tables of each
jurisdiction, not from here. This package imports nothing but the standard library.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from importlib import import_module


@dataclass(frozen=True, slots=True)
class Term:
    """One entry of the key printed under a table: a term, when it is used, what it means.

    ``pattern`` is a regular expression searched in the text the reader is shown; the entry
    is printed only when it matches (a key of the terms actually used).
    """

    term: str
    pattern: str
    meaning: str
    regex: re.Pattern[str] = field(init=False, compare=False, repr=False)

    def __post_init__(self) -> None:
        """Compile the pattern once."""
        object.__setattr__(self, "regex", re.compile(self.pattern))


@dataclass(frozen=True, slots=True)
class Catalogue:
    """Every reader-facing word of the table and HTML renderers, for one language."""

    lang: str  # BCP 47 tag, used as <html lang>
    titles: dict[str, str]  # process -> heading; a process not here: the registry's title
    columns: tuple[str, str, str, str]  # date, day, step, set by
    html_columns: tuple[str, str, str, str, str]  # date, day, step, set by, how it is counted
    weekdays: tuple[str, ...]  # Monday first
    months: tuple[str, ...]  # January first
    no_date: str
    tag_not_statutory: str
    tag_projected: str
    tag_disapplied: str  # "{limb}"
    tag_notes: str  # "{numbers}"
    next_heading: str
    next_prefix: str
    next_by: str  # "{action} by {date}" when a step has no sentence of its own
    next_days: dict[str, str]  # "today", "one", "many" ("{n}")
    next_projected: str
    next_none: str  # "{date}"
    next_none_past: str  # "{title}", "{date}"
    actions: dict[str, str]  # step id or fnmatch pattern -> sentence with {date}
    undated_one: str  # "{steps}"
    undated_give: str  # "{option}", "{steps}"
    undated_other: str  # "{steps}"
    undated_heading: str
    notes_heading: str
    key_heading: str
    key_terms: tuple[Term, ...]
    kind_terms: dict[str, str]  # kind or status value -> meaning
    flag_terms: dict[str, str]  # "projected", "disapplied", "local" -> meaning
    provenance: str  # "{counting}", "{bank_holidays}", "{source}", "{terms}"
    counting_words: dict[str, str]  # exclusive/inclusive -> words
    terms_part: str  # "{terms}"
    explain_hint: str
    disclaimer: str
    disapplied_line: str  # "{id}", "{limb}", "{reason}"
    closure_line: str  # "{limb}", "{requested}", "{engaged}"
    closure_detail: str  # "{named}", "{first}", "{reopens}", "{start}", "{end}"
    closure_engaged: dict[str, str]  # "true", "false", "none"
    local_heading: str  # "{origin}"
    local_origin: str  # "{file}"
    local_caption: str
    local_columns: tuple[str, str, str, str]
    local_tag: str
    outcome_heading: str
    outcome_columns: tuple[str, ...]
    outcome_words: dict[str, str]  # outcome value -> words
    outcome_short: dict[str, str]  # outcome value -> a table cell; late_n, overdue_n, done
    outcome_summary: str  # "{counts}"
    chronology_heading: str
    html_title: str  # "{title}"
    html_generated: str  # "{version}"
    html_step_id: str
    html_basis: str
    html_no_key_date: str
    pupil_lines: dict[str, str]
    extra: dict[str, str] = field(default_factory=dict)


def catalogue(lang: str = "en") -> Catalogue:
    """The catalogue for a language (``en``; ``cy`` once Welsh is written).

    Raises:
        ValueError: if no catalogue exists for ``lang``.
    """
    if not re.fullmatch(r"[a-z]{2,3}", lang):
        msg = f"language {lang!r}: expected a code such as en or cy"
        raise ValueError(msg)
    try:
        module = import_module(f"sendtime.texts.{lang}")
    except ModuleNotFoundError:
        msg = f"language {lang!r}: no catalogue (sendtime/texts/{lang}.py)"
        raise ValueError(msg) from None
    cat = module.CATALOGUE
    assert isinstance(cat, Catalogue)  # noqa: S101 - a catalogue module's one duty
    return cat
