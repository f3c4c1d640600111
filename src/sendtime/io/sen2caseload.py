"""Reading a sendtime caseload (CSV or .xlsx, `done:` columns) into timeliness records.

Rows with ``process`` assess give requests and assessments: ``date`` is the request received,
``done:assess.decision`` the decision whether to assess, ``done:assess.final`` the plan issued,
``done:assess.no-plan`` the decision not to issue one; ``exceptions`` (or ``week20``) says
whether an exception to the 20-week limit applies (yes/no, 1/0, or the limb or kind claimed);
``mediation`` and ``tribunal`` (optional flags) mark appealed cases; ``requestoutcome``
(optional, the SEN2 code Y/N/A/W/H) tells a refusal or a withdrawal from an open request.
Rows with ``process`` review give reviews: ``meeting`` and ``done:review.decision``. Other
processes are counted and skipped with a note.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from sendtime.engine.errors import BadInput
from sendtime.io.caseload import Caseload, Cell, CellError, cell_text, normalise, parse_file_date
from sendtime.io.sen2records import BadRecord, FieldError, Records, parse_flag
from sendtime.law.england import sen2
from sendtime.law.england.sen2 import AssessOutcome, RequestOutcome
from sendtime.law.england.timeliness import Assessment, Request, Review

DONE = {
    "decision": normalise("done:assess.decision"),
    "final": normalise("done:assess.final"),
    "no_plan": normalise("done:assess.no-plan"),
    "review": normalise("done:review.decision"),
}
EXCEPTION_WORDS = ("week20", "reg ", "personal", "absence")


def _exception(text: str) -> bool:
    word = text.strip().lower()
    if word in sen2.TRUE_WORDS:
        return True
    if word in sen2.FALSE_WORDS:
        return False
    if word.startswith(EXCEPTION_WORDS):
        return True
    msg = "exceptions: expected yes/no, 1/0, week20, or the limb claimed (e.g. reg 10(4)(a))"
    raise FieldError(msg)


def read_caseload(
    path: str | Path, *, by: str | None = None, encoding: str | None = None
) -> Records:
    """Read a caseload's assess and review rows into records.

    Raises:
        BadInput: when the file or its header is not as expected, or --by names no column.
    """
    out = Records()
    skipped = 0
    with Caseload(path, encoding=encoding) as cl:
        index = cl.header.index
        group_at = None
        if by is not None:
            group_at = index.get(normalise(by))
            if group_at is None:
                msg = f"--by {by}: not a column of {Path(path).name}"
                raise BadInput(msg)
        name = Path(path).name

        def cell(cells: tuple[Cell, ...], column: str) -> Cell:
            at = index.get(column)
            return cells[at] if at is not None else ""

        def date(cells: tuple[Cell, ...], column: str) -> dt.date | None:
            value = cell(cells, column)
            if value == "":
                return None
            try:
                return parse_file_date(value)
            except CellError as exc:
                raise FieldError(f"{column}: {exc}") from None

        ex_col = "exceptions" if "exceptions" in index else "week20"
        for row in cl.rows():
            c = row.cells
            ref = cell_text(cell(c, "ref"))
            process = cell_text(cell(c, "process")).strip().lower()
            group = cell_text(c[group_at]) if group_at is not None else ""
            try:
                if process == "review":
                    meeting = date(c, "meeting")
                    decided = date(c, DONE["review"])
                    out.seen(meeting)
                    out.seen(decided)
                    if meeting is None:
                        continue
                    if decided is not None and meeting > decided:
                        msg = "meeting is after done:review.decision; left out"
                        raise FieldError(msg)
                    out.reviews.append(Review(ref, group, meeting, decided))
                    continue
                if process != "assess":
                    skipped += 1
                    continue
                received = date(c, "date")
                decision = date(c, DONE["decision"])
                final = date(c, DONE["final"])
                no_plan = date(c, DONE["no_plan"])
                exception = _exception(cell_text(cell(c, ex_col)))
                appealed = any(
                    parse_flag(cell_text(cell(c, f)), f) for f in ("mediation", "tribunal")
                )
            except FieldError as exc:
                out.bad.append(BadRecord(name, row.line, ref, f"{exc}"))
                continue
            if final is not None and no_plan is not None:
                out.bad.append(
                    BadRecord(
                        name,
                        row.line,
                        ref,
                        "both done:assess.final and done:assess.no-plan; left out",
                    )
                )
                continue
            for d in (received, decision, final, no_plan):
                out.seen(d)
            if received is None:
                out.bad.append(BadRecord(name, row.line, ref, "date missing"))
            later = [d for d in (decision, final, no_plan) if d is not None]
            if received is not None and later and received > min(later):
                out.bad.append(
                    BadRecord(name, row.line, ref, "date (request received) is after a done: date")
                )
                received = None
            if final is not None:
                outcome = AssessOutcome.ISSUE
            elif no_plan is not None:
                outcome = AssessOutcome.NO_PLAN
            else:
                outcome = AssessOutcome.ONGOING
            concluded = final is not None or no_plan is not None
            req_outcome = RequestOutcome.ASSESS if decision is not None else RequestOutcome.ONGOING
            code = cell_text(cell(c, "requestoutcome")).strip().upper()
            if code:  # optional: the SEN2 code, so a refusal or withdrawal is not an open case
                if code not in sen2.REQUEST_CODES:
                    out.bad.append(
                        BadRecord(
                            name,
                            row.line,
                            ref,
                            "requestoutcome: unknown code; expected Y, N, A, W, H or blank",
                        )
                    )
                    continue
                req_outcome = sen2.REQUEST_CODES[code][0]
            if req_outcome in (RequestOutcome.NOT_ASSESS, RequestOutcome.WITHDRAWN):
                concluded = True
            out.requests.append(Request(ref, group, received, req_outcome, decision, concluded))
            out.assessments.append(
                Assessment(ref, group, received, outcome, no_plan, final, exception, appealed)
            )
    if skipped:
        out.notes.append(
            f"{skipped} rows of other processes skipped (timeliness reads assess and review rows)"
        )
    return out
