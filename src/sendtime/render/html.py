"""--format html: one self-contained page a parent can read, keep and print.

No external assets and no scripts: the CSS is inline, with a print stylesheet (A4, no cut
columns) and a narrow-screen layout that keeps the page readable at 200% zoom. The content is
the table format's: what matters next first, every step with its citation and basis, the notes,
the undated steps, outcomes and a chronology when done dates were given (--done), the key of
the terms used, and the disclaimer. Every word comes from the catalogue (sendtime.texts).
See docs/reading-the-output.md.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from html import escape

from sendtime.engine.model import Step, Timeline
from sendtime.render.reader import (
    chronological,
    days_late_of,
    days_words,
    done_of,
    heading,
    input_dates,
    is_local,
    key_entries,
    next_line,
    next_step,
    outcome_of,
    outcome_summary,
    provenance,
    pupil_lines,
    short_citation,
    step_tags,
)
from sendtime.texts import Catalogue, catalogue

# Colours chosen for contrast on white (WCAG AA or better): text #1a1a1a (17:1), muted
# #4d4d4d (8.5:1), the key-date box #5c3c00 on #fff3d6 (10:1); nothing is told by colour alone.
CSS = """
:root { color-scheme: light; }
* { box-sizing: border-box; }
body { margin: 0; background: #ffffff; color: #1a1a1a;
  font: 1rem/1.5 system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif; }
main { max-width: 60rem; margin: 0 auto; padding: 1rem 1.25rem 2rem; }
h1 { font-size: 1.6rem; line-height: 1.25; margin: 0.5rem 0 1rem; }
h2 { font-size: 1.2rem; margin: 1.75rem 0 0.5rem; }
.key-date { border: 3px solid #8a5a00; background: #fff3d6; color: #5c3c00;
  padding: 0.75rem 1rem; border-radius: 0.4rem; }
.key-date h2 { margin: 0 0 0.25rem; color: #1a1a1a; }
.key-date p { margin: 0; font-size: 1.15rem; font-weight: 600; color: #1a1a1a; }
.facts { padding-left: 1.25rem; }
table { width: 100%; border-collapse: collapse; table-layout: fixed; }
caption { text-align: left; font-weight: 600; padding: 0.25rem 0; }
th, td { border: 1px solid #6b6b6b; padding: 0.4rem 0.5rem; vertical-align: top;
  text-align: left; overflow-wrap: anywhere; hyphens: auto; }
thead th { background: #ececec; }
col.date { width: 7.5rem; } col.day { width: 3.5rem; } col.step { width: 38%; }
col.cite { width: 20%; } col.basis { width: auto; }
table.steps caption { position: absolute; width: 1px; height: 1px; overflow: hidden;
  clip: rect(0 0 0 0); }
tbody th { font-weight: 600; }
.tags, .when { display: block; font-weight: 400; font-size: 0.85rem; color: #4d4d4d; }
tr.guidance th, tr.practice th { font-style: italic; font-weight: 400; }
tr.next th::before { content: "\\2192\\00a0"; }
tr.next { outline: 3px solid #8a5a00; outline-offset: -3px; }
.outcome-late, .outcome-overdue { font-weight: 700; }
dl.key { display: grid; grid-template-columns: max-content 1fr; gap: 0.2rem 1rem; }
dl.key dt { font-weight: 700; } dl.key dd { margin: 0; }
footer { margin-top: 2rem; border-top: 1px solid #6b6b6b; padding-top: 0.5rem;
  color: #4d4d4d; font-size: 0.9rem; }
.nw, time { white-space: nowrap; }
.disclaimer { font-weight: 600; color: #1a1a1a; }
a { color: #0b4f8a; }
/* Narrow screens and 200% zoom: each row becomes a card; header cells stay for assistive
   technology, each cell shows its column name. */
@media screen and (max-width: 44rem) {
  table.steps, table.steps thead, table.steps tbody, table.steps tr, table.steps th,
  table.steps td { display: block; width: auto; }
  table.steps thead tr { position: absolute; width: 1px; height: 1px; overflow: hidden;
    clip: rect(0 0 0 0); }
  table.steps tr { border: 1px solid #6b6b6b; margin-bottom: 0.75rem; }
  table.steps th, table.steps td { border: 0; border-top: 1px solid #d0d0d0; }
  table.steps td[data-label]::before { content: attr(data-label) ": "; font-weight: 700; }
  dl.key { grid-template-columns: 1fr; } dl.key dd { margin: 0 0 0.4rem 1rem; }
}
@page { size: A4; margin: 14mm 12mm; }
@media print {
  html { font-size: 9.5pt; }
  main { max-width: none; padding: 0; }
  h1 { font-size: 15pt; } h2 { font-size: 12pt; break-after: avoid; }
  tr, .key-date, dl.key dt, dl.key dd { break-inside: avoid; }
  thead { display: table-header-group; }
  col.date { width: 7.8rem; } col.day { width: 3.4rem; } col.step { width: 33%; }
  col.cite { width: 18%; }
  .key-date { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  a { color: #1a1a1a; text-decoration: none; }
}
"""


NOWRAP = re.compile(r"\d{4}-\d{2}-\d{2}|--[a-z][a-z0-9-]*|\b[a-z]+\.[a-z][a-z0-9-]+")


def _e(text: object) -> str:
    return escape(str(text), quote=True)


def _prose(text: str) -> str:
    """Escaped text in which dates and options never break at their hyphens."""
    out, last = [], 0
    for m in NOWRAP.finditer(text):
        out += [_e(text[last : m.start()]), f'<span class="nw">{_e(m[0])}</span>']
        last = m.end()
    out.append(_e(text[last:]))
    return "".join(out)


def _when(s: Step, cat: Catalogue) -> str:
    if s.days_left is None:
        return ""
    return f'<span class="when">{_e(days_words(s.days_left, cat))}</span>'


def _step_rows(
    steps: Sequence[Step],
    numbered: dict[str, int],
    cat: Catalogue,
    nxt: Step | None,
    *,
    dated: bool = True,
) -> list[str]:
    date_h, day_h, _step_h, cite_h, basis_h = cat.html_columns
    rows = []
    for s in steps:
        marks = []
        for n in s.notes:
            numbered.setdefault(n, len(numbered) + 1)
            marks.append(str(numbered[n]))
        tags = step_tags(s, cat, [])
        if marks:
            links = ",".join(f'<a href="#note-{m}">{m}</a>' for m in marks)
            tags_html = _e(" · ".join(tags)) + " · " + cat.tag_notes.format(numbers=links)
        else:
            tags_html = _e(" · ".join(tags))
        classes = [s.status.value]
        if s is nxt:
            classes.append("next")
        date = (
            f'<time datetime="{s.date.isoformat()}">{s.date.isoformat()}</time>{_when(s, cat)}'
            if s.date
            else _e(cat.no_date)
        )
        day = _e(cat.weekdays[s.date.weekday()][:3]) if s.date else ""
        when = (
            f'<td data-label="{_e(date_h)}">{date}</td><td data-label="{_e(day_h)}">{day}</td>'
            if dated
            else ""
        )
        rows.append(
            f'<tr class="{" ".join(classes)}" id="step-{_e(s.id)}">{when}'
            f'<th scope="row">{_e(s.title)}<span class="tags">{tags_html}</span></th>'
            f'<td data-label="{_e(cite_h)}">{_prose(short_citation(s.citation))}</td>'
            f'<td data-label="{_e(basis_h)}">{_prose(s.basis)}</td></tr>'
        )
    return rows


def _steps_table(
    caption: str, rows: list[str], cat: Catalogue, *, dated: bool = True, source: bool = False
) -> str:
    names = cat.html_columns if dated else cat.html_columns[2:]
    if source:  # local milestones: their source stands where a citation would
        names = (*names[:3], cat.local_columns[3], *names[4:])
    heads = "".join(f'<th scope="col">{_e(h)}</th>' for h in names)
    kinds = ("date", "day", "step", "cite", "basis") if dated else ("step", "cite", "basis")
    cols = "".join(f'<col class="{c}">' for c in kinds)
    return (
        f'<table class="steps"><caption>{_e(caption)}</caption><colgroup>{cols}</colgroup>'
        f"<thead><tr>{heads}</tr></thead><tbody>{''.join(rows)}</tbody></table>"
    )


def _outcomes(steps: Sequence[Step], t: Timeline, cat: Catalogue) -> list[str]:
    """The check outcomes and a chronology, when any step carries an outcome (--done)."""
    checked = [s for s in steps if outcome_of(s) is not None]
    if not checked:
        return []
    summary = outcome_summary(steps, cat)
    heads = "".join(f'<th scope="col">{_e(h)}</th>' for h in cat.outcome_columns)
    rows = []
    for s in checked:
        outcome = outcome_of(s) or ""
        done = done_of(s)
        words = cat.outcome_words.get(outcome, outcome)
        late = days_late_of(s)
        if outcome == "late" and late is not None:
            words += cat.extra["late_by"].format(n=late)
        rows.append(
            f'<tr><th scope="row">{_e(s.title)}<span class="tags">{_e(s.id)}</span></th>'
            f"<td>{_e(s.date.isoformat() if s.date else cat.no_date)}</td>"
            f"<td>{_e(done.isoformat() if done else '')}</td>"
            f'<td class="outcome-{_e(outcome)}">{_e(words)}</td></tr>'
        )
    events: list[tuple[dt.date, str]] = []
    for name, value in t.inputs:
        events += [(d, name.replace("_", " ")) for d in input_dates(value)]
    for s in checked:
        done = done_of(s)
        if done:
            events.append((done, f"{s.title} ({s.id}): {outcome_of(s)}"))
    events.sort(key=lambda e: e[0])
    chronology = "".join(
        f'<li><time datetime="{d.isoformat()}">{d.isoformat()}</time> {_e(what)}</li>'
        for d, what in events
    )
    return [
        f'<section aria-labelledby="outcomes-h"><h2 id="outcomes-h">{_e(cat.outcome_heading)}</h2>'
        f"<p>{_e(summary or '')}</p><table><thead><tr>{heads}</tr></thead>"
        f"<tbody>{''.join(rows)}</tbody></table></section>",
        f'<section aria-labelledby="chron-h"><h2 id="chron-h">{_e(cat.chronology_heading)}</h2>'
        f"<ol>{chronology}</ol></section>",
    ]


def timeline_html(
    t: Timeline, *, version: str, rules_file: str | None = None, lang: str = "en"
) -> str:
    """The whole page as one string (UTF-8 text, no external references)."""
    cat = catalogue(lang)
    title = heading(t, cat)
    statutory = [s for s in t.steps if not is_local(s)]
    local = [s for s in t.steps if is_local(s)]
    dated = [s for s in chronological(statutory) if s.date is not None]
    undated = [s for s in statutory if s.date is None]
    nxt = next_step(t)
    first = next_line(t, cat)
    shown = [title, first or ""]
    parts = [f"<header><h1>{_e(title)}</h1></header>"]
    parts.append(
        '<section class="key-date" aria-labelledby="next-h">'
        f'<h2 id="next-h">{_e(cat.next_heading)}</h2>'
        f"<p>{_prose(first or cat.html_no_key_date)}</p></section>"
    )
    facts = pupil_lines(t, cat)
    if facts:
        shown += facts
        parts.append('<ul class="facts">' + "".join(f"<li>{_e(f)}</li>" for f in facts) + "</ul>")
    numbered: dict[str, int] = {}
    if dated:
        rows = _step_rows(dated, numbered, cat, nxt)
        parts.append(_steps_table(cat.extra["steps_caption"], rows, cat))
    if undated:
        parts.append(
            f'<section aria-labelledby="undated-h"><h2 id="undated-h">'
            f"{_e(cat.undated_heading)}</h2>"
            + _steps_table(
                cat.undated_heading,
                _step_rows(undated, numbered, cat, None, dated=False),
                cat,
                dated=False,
            )
            + "</section>"
        )
    if local:
        from pathlib import Path

        origin = cat.local_origin.format(file=Path(rules_file).name) if rules_file else ""
        caption = cat.local_heading.format(origin=origin)
        rows = _step_rows(chronological(local), numbered, cat, None)
        table = _steps_table(caption, rows, cat, source=True)
        parts.append(
            f'<section aria-labelledby="local-h"><h2 id="local-h">{_e(caption)}</h2>'
            f"<p>{_e(cat.local_caption)}</p>{table}</section>"
        )
        shown += [f"{s.title} {s.basis} {s.source}" for s in local]
    parts += _outcomes(statutory, t, cat)
    if numbered:
        items = "".join(f'<li id="note-{i}">{_e(n)}</li>' for n, i in numbered.items())
        parts.append(
            f'<section aria-labelledby="notes-h"><h2 id="notes-h">{_e(cat.notes_heading)}</h2>'
            f"<ol>{items}</ol></section>"
        )
    extra = [
        cat.disapplied_line.format(id=s.id, limb=s.disapplied.limb, reason=s.disapplied.reason)
        for s in statutory
        if s.disapplied
    ]
    for c in t.closure_checks:
        engaged = cat.closure_engaged[str(c.engaged).lower()]
        line = cat.closure_line.format(limb=c.limb, requested=c.advice_requested, engaged=engaged)
        if c.closure and c.window:
            named = f" ({c.closure.name})" if c.closure.name else ""
            line += "; " + cat.closure_detail.format(
                named=named,
                first=c.closure.first_closed_day,
                reopens=c.closure.reopens,
                start=c.window[0],
                end=c.window[1],
            )
        extra.append(line + (f"; {c.note}" if c.note else ""))
    if extra:
        parts.append("<ul>" + "".join(f"<li>{_e(x)}</li>" for x in extra) + "</ul>")
    for s in t.steps:
        shown += [s.title, s.id, short_citation(s.citation), s.basis, *s.notes]
    shown += extra
    prov = provenance(t, cat)
    shown.append(prov)
    entries = key_entries(shown, [*dated, *undated, *local], cat)
    if entries:
        items = "".join(f"<dt>{_e(term)}</dt><dd>{_e(meaning)}</dd>" for term, meaning in entries)
        parts.append(
            f'<section aria-labelledby="key-h"><h2 id="key-h">{_e(cat.key_heading)}</h2>'
            f'<dl class="key">{items}</dl></section>'
        )
    parts.append(
        f"<footer><p>{_e(prov)} {_e(cat.explain_hint)}</p>"
        f'<p class="disclaimer">{_e(cat.disclaimer)}</p>'
        f"<p>{_e(cat.html_generated.format(version=version))}</p></footer>"
    )
    page_title = cat.html_title.format(title=title)
    return (
        f'<!DOCTYPE html>\n<html lang="{_e(cat.lang)}">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{_e(page_title)}</title>\n<style>{CSS}</style>\n</head>\n<body>\n<main>\n"
        + "\n".join(parts)
        + "\n</main>\n</body>\n</html>\n"
    )
