"""Reading a SEN2 "Blade" CSV export folder (DfE COLLECT) into timeliness records.

Tables and joins: requests.persontableid -> person; assessment.requeststableid -> requests;
namedplan.assessmenttableid -> assessment; activeplans.requeststableid -> requests. The person
file is opened only to collect its ``persontableid`` column: no other cell of it is kept,
compared, or written anywhere, and its errors name the line only.

A row that does not join, holds an unknown code or an unreadable cell is a bad record and is
left out with everything under it (its message says so); a row whose date falls after its own
outcome, or that lacks an outcome date, is a bad record whose case stays where the DfE keeps it.
"""

from __future__ import annotations

import contextlib
import csv
import datetime as dt
import io
import operator
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from sendtime.engine.errors import BadInput
from sendtime.io import files
from sendtime.io.sen2records import BadRecord, FieldError, Records, parse_date, parse_flag
from sendtime.law.england import sen2
from sendtime.law.england.sen2 import AssessOutcome, RequestOutcome
from sendtime.law.england.timeliness import Assessment, Request, Review

TABLES = ("requests", "assessment", "namedplan", "activeplans")
EXPORT_NAME = re.compile(r"(?i)(.*?)(\d{2})-(\d{2})-(\d{4})_(\w+)\.csv")
REQUIRED: dict[str, tuple[str, ...]] = {
    "requests": (
        "requeststableid",
        "persontableid",
        "receiveddate",
        "requestoutcomedate",
        "requestoutcome",
        "requestmediation",
        "requesttribunal",
    ),
    "assessment": (
        "assessmenttableid",
        "requeststableid",
        "assessmentoutcome",
        "assessmentoutcomedate",
        "assessmentmediation",
        "assessmenttribunal",
        "othermediation",
        "othertribunal",
        "week20",
    ),
    "namedplan": ("namedplantableid", "assessmenttableid", "startdate"),
    "activeplans": (
        "activeplanstableid",
        "requeststableid",
        "reviewmeeting",
        "reviewoutcome",
        "lastreview",
    ),
}
APPEAL_FLAGS = ("assessmentmediation", "assessmenttribunal", "othermediation", "othertribunal")


def find_export(folder: Path) -> tuple[dict[str, Path], Path | None, dt.date | None]:
    """The export's table files (and person file), and the date its names carry.

    Raises:
        BadInput: when a table is missing or the folder holds more than one export.
    """
    found: dict[str, list[Path]] = {}
    dates: set[dt.date] = set()
    for p in sorted(folder.iterdir()):
        if p.suffix.lower() != ".csv":
            continue
        m = EXPORT_NAME.fullmatch(p.name)
        table = (m[5] if m else p.stem.rsplit("_", 1)[-1]).lower()
        if table in (*TABLES, "person"):
            found.setdefault(table, []).append(p)
            if m:
                with contextlib.suppress(ValueError):  # a name that is not a date gives none
                    dates.add(dt.date(int(m[4]), int(m[3]), int(m[2])))
    for table, paths in found.items():
        if len(paths) > 1:
            names = ", ".join(p.name for p in paths)
            msg = f"{folder}: holds more than one {table} file ({names}); expected one export"
            raise BadInput(msg)
    missing = [t for t in TABLES if t not in found]
    if missing:
        msg = (
            f"{folder}: no {', '.join(f'*_{t}.csv' for t in missing)}; expected a SEN2 Blade "
            "export folder (requests, assessment, namedplan, activeplans)"
        )
        raise BadInput(msg)
    person = found.get("person", [None])[0]
    return {t: found[t][0] for t in TABLES}, person, (min(dates) if len(dates) == 1 else None)


def _rows(path: Path, need: tuple[str, ...]) -> Iterator[tuple[int, dict[str, str]]]:
    """(line the record starts on, {column: cell}) for the columns asked for only."""
    raw = files.open_input(path, "SEN2 file", files.CSV_CAP, label=f"the SEN2 file {path.name}")
    with io.TextIOWrapper(raw, encoding="utf-8-sig", newline="") as f:
        reader = csv.reader(f)
        try:
            header = [h.strip().lower() for h in next(reader)]
        except StopIteration:
            msg = f"{path}: is empty; expected a header row"
            raise BadInput(msg) from None
        except (UnicodeDecodeError, csv.Error):
            msg = f"{path}: line 1 is not UTF-8 CSV"
            raise BadInput(msg) from None
        index = {h: i for i, h in reversed(list(enumerate(header)))}
        absent = [c for c in need if c not in index]
        if absent:
            msg = f"{path}: lacks the column {', '.join(absent)}"
            raise BadInput(msg)
        at = [index[c] for c in need]
        pick = operator.itemgetter(*at) if len(at) > 1 else lambda r: (r[at[0]],)
        width = len(header)
        start = 2
        try:
            for row in reader:
                line, start = start, reader.line_num + 1
                if not row or (len(row) == 1 and not row[0].strip()):
                    continue
                if len(row) != width:
                    yield line, {"": f"has {len(row)} fields; the header has {width}"}
                    continue
                yield line, dict(zip(need, map(str.strip, pick(row)), strict=True))
        except (UnicodeDecodeError, csv.Error):
            msg = f"{path}: line {start} is not UTF-8 CSV"
            raise BadInput(msg) from None


def header_of(path: Path) -> tuple[str, ...]:
    """The lower-cased column names of a table (its first line only)."""
    raw = files.open_input(path, "SEN2 file", files.CSV_CAP, label=f"the SEN2 file {path.name}")
    with io.TextIOWrapper(raw, encoding="utf-8-sig", newline="") as f:
        try:
            return tuple(h.strip().lower() for h in next(csv.reader(f), []))
        except (UnicodeDecodeError, csv.Error):
            msg = f"{path}: line 1 is not UTF-8 CSV"
            raise BadInput(msg) from None


@dataclass(slots=True)
class _Req:
    line: int
    received: dt.date | None
    outcome: RequestOutcome
    decided: dt.date | None
    appealed: bool
    exported: bool
    group: str
    concluded: bool = False


@dataclass(slots=True)
class _Ass:
    line: int
    request: str
    outcome: AssessOutcome
    decided: dt.date | None
    exception: bool
    appealed: bool
    issued: dt.date | None = None
    plans: list[str] = field(default_factory=list)


class _Reader:
    def __init__(self, files: dict[str, Path], person: Path | None, by: str | None) -> None:
        self.files, self.person, self.by = files, person, by
        self.out = Records()
        self.reqs: dict[str, _Req] = {}
        self.asss: dict[str, _Ass] = {}

    def bad(self, table: str, line: int, tid: str, error: str) -> None:
        self.out.bad.append(BadRecord(self.files[table].name, line, tid, error))

    def person_ids(self) -> set[str] | None:
        if self.person is None:
            self.out.notes.append("no *_person.csv: requests' persontableid not checked")
            return None
        ids: set[str] = set()
        for _line, row in _rows(self.person, ("persontableid",)):
            if "persontableid" in row:  # a malformed person row is never described: no cell of it
                ids.add(row["persontableid"])
        return ids

    def requests(self) -> None:
        people = self.person_ids()
        extra = ("exported",) if "exported" in header_of(self.files["requests"]) else ()
        need = REQUIRED["requests"] + extra + ((self.by,) if self.by else ())
        for line, row in _rows(self.files["requests"], need):
            tid = row.get("requeststableid", "")
            if "" in row:
                self.bad("requests", line, tid, row[""] + "; left out")
                continue
            if not tid or tid in self.reqs:
                self.bad("requests", line, tid, "requeststableid missing or repeated; left out")
                continue
            if people is not None and row["persontableid"] not in people:
                self.bad(
                    "requests",
                    line,
                    tid,
                    "persontableid does not join the person file; left out with its "
                    "assessments, plans and reviews",
                )
                continue
            try:
                code = row["requestoutcome"].upper()
                if code not in sen2.REQUEST_CODES:
                    raise FieldError(
                        "requestoutcome: unknown code "
                        + repr(code[:3])
                        + "; expected Y, N, A, W, H or blank"
                    )
                outcome = sen2.REQUEST_CODES[code][0]
                received = parse_date(row["receiveddate"], "receiveddate")
                decided = parse_date(row["requestoutcomedate"], "requestoutcomedate")
                appealed = parse_flag(row["requestmediation"], "requestmediation") or parse_flag(
                    row["requesttribunal"], "requesttribunal"
                )
                exported = parse_flag(row["exported"], "exported") if extra else False
            except FieldError as exc:
                self.bad("requests", line, tid, f"{exc}; left out with everything under it")
                continue
            self.out.seen(received)
            self.out.seen(decided)
            if received is None:
                self.bad("requests", line, tid, "receiveddate missing: no weeks can be counted")
            elif decided is not None and received > decided:
                self.bad("requests", line, tid, "receiveddate is after requestoutcomedate")
                received = None
            if outcome in (RequestOutcome.ASSESS, RequestOutcome.NOT_ASSESS) and decided is None:
                self.bad("requests", line, tid, f"requestoutcome {code} without requestoutcomedate")
            group = row.get(self.by, "") if self.by else ""
            concluded = outcome in (RequestOutcome.NOT_ASSESS, RequestOutcome.WITHDRAWN)
            self.reqs[tid] = _Req(
                line, received, outcome, decided, appealed, exported, group, concluded
            )

    def assessments(self) -> None:
        for line, row in _rows(self.files["assessment"], REQUIRED["assessment"]):
            tid = row.get("assessmenttableid", "")
            if "" in row:
                self.bad("assessment", line, tid, row[""] + "; left out")
                continue
            if not tid or tid in self.asss:
                self.bad("assessment", line, tid, "assessmenttableid missing or repeated; left out")
                continue
            req = self.reqs.get(row["requeststableid"])
            if req is None:
                self.bad(
                    "assessment",
                    line,
                    tid,
                    "requeststableid does not join a good requests row; left out",
                )
                continue
            try:
                code = row["assessmentoutcome"].upper()
                if code not in sen2.ASSESS_CODES:
                    raise FieldError(
                        "assessmentoutcome: unknown code "
                        + repr(code[:3])
                        + "; expected Y, N, A, W, H, S or blank"
                    )
                outcome = sen2.ASSESS_CODES[code][0]
                decided = parse_date(row["assessmentoutcomedate"], "assessmentoutcomedate")
                appealed = any(parse_flag(row[c], c) for c in APPEAL_FLAGS)
                exception = parse_flag(row["week20"], "week20")
            except FieldError as exc:
                self.bad("assessment", line, tid, f"{exc}; left out with its plan")
                continue
            self.out.seen(decided)
            if outcome is AssessOutcome.NO_PLAN and decided is None:
                self.bad(
                    "assessment", line, tid, "assessmentoutcome N without assessmentoutcomedate"
                )
            elif decided is not None and req.received is not None and req.received > decided:
                self.bad(
                    "assessment",
                    line,
                    tid,
                    "its request's receiveddate is after assessmentoutcomedate",
                )
            if outcome in (AssessOutcome.NO_PLAN, AssessOutcome.WITHDRAWN):
                req.concluded = True  # no longer open, even when its date is missing
            self.asss[tid] = _Ass(
                line, row["requeststableid"], outcome, decided, exception, appealed or req.appealed
            )

    def plans(self) -> None:
        for line, row in _rows(self.files["namedplan"], REQUIRED["namedplan"]):
            tid = row.get("namedplantableid", "")
            if "" in row:
                self.bad("namedplan", line, tid, row[""] + "; left out")
                continue
            ass = self.asss.get(row["assessmenttableid"])
            if ass is None:
                self.bad(
                    "namedplan",
                    line,
                    tid,
                    "assessmenttableid does not join a good assessment row; left out",
                )
                continue
            try:
                start = parse_date(row["startdate"], "startdate")
            except FieldError as exc:
                self.bad("namedplan", line, tid, f"{exc}; left out")
                continue
            if start is None:
                continue  # no start date: no plan issued (yet)
            if ass.outcome in (AssessOutcome.NO_PLAN, AssessOutcome.WITHDRAWN):
                self.bad(
                    "namedplan",
                    line,
                    tid,
                    "has a startdate but its assessment's outcome is no plan or withdrawn; "
                    "left out",
                )
                continue
            if ass.issued is not None:
                self.bad(
                    "namedplan",
                    line,
                    tid,
                    "a second plan with a startdate for one assessment; left out",
                )
                continue
            self.out.seen(start)
            ass.issued = start
            req = self.reqs[ass.request]
            req.concluded = True
            if req.received is not None and req.received > start:
                self.bad(
                    "namedplan",
                    line,
                    tid,
                    "its request's receiveddate is after startdate: counted in "
                    "plans_issued_den, in no band",
                )

    def reviews(self) -> None:
        for line, row in _rows(self.files["activeplans"], REQUIRED["activeplans"]):
            tid = row.get("activeplanstableid", "")
            if "" in row:
                self.bad("activeplans", line, tid, row[""] + "; left out")
                continue
            req = self.reqs.get(row["requeststableid"])
            if req is None:
                self.bad(
                    "activeplans",
                    line,
                    tid,
                    "requeststableid does not join a good requests row; left out",
                )
                continue
            try:
                code = row["reviewoutcome"].upper()
                if code not in sen2.REVIEW_CODES:
                    raise FieldError(
                        "reviewoutcome: unknown code "
                        + repr(code[:3])
                        + "; expected A, C, M or blank"
                    )
                meeting = parse_date(row["reviewmeeting"], "reviewmeeting")
                decided = parse_date(row["lastreview"], "lastreview")
            except FieldError as exc:
                self.bad("activeplans", line, tid, f"{exc}; left out")
                continue
            self.out.seen(meeting)
            self.out.seen(decided)
            if meeting is None:
                continue  # no review meeting recorded: no review decision to time
            if decided is not None and meeting > decided:
                self.bad("activeplans", line, tid, "reviewmeeting is after lastreview; left out")
                continue
            self.out.reviews.append(Review(tid, req.group, meeting, decided))

    def finish(self) -> Records:
        out = self.out
        for tid, r in self.reqs.items():
            out.requests.append(
                Request(tid, r.group, r.received, r.outcome, r.decided, r.concluded, r.exported)
            )
        for tid, a in self.asss.items():
            req = self.reqs[a.request]
            received = req.received
            if received is not None and a.issued is not None and received > a.issued:
                received = None
            if received is not None and a.decided is not None and received > a.decided:
                received = None
            out.assessments.append(
                Assessment(
                    tid,
                    req.group,
                    received,
                    a.outcome,
                    a.decided,
                    a.issued,
                    a.exception,
                    a.appealed,
                )
            )
        return out


PERSON_COLUMNS_REFUSED = "a column of the person file: sendtime never reads personal columns"


def read_blade(folder: str | Path, *, by: str | None = None) -> Records:
    """Read a Blade export folder into records; ``by`` is a requests column to group by.

    Raises:
        BadInput: when the folder, a file, a header or the --by column is not as expected.
    """
    path = Path(folder)
    if not path.is_dir():
        msg = f"{folder}: not a folder; expected a SEN2 Blade export folder"
        raise BadInput(msg)
    files, person, as_at = find_export(path)
    column = by.strip().lower() if by else None
    if column is not None and column not in header_of(files["requests"]):
        if person is not None and column in header_of(person):
            msg = f"--by {by}: {PERSON_COLUMNS_REFUSED}"
            raise BadInput(msg)
        msg = f"--by {by}: not a column of {files['requests'].name}; expected one of its columns"
        raise BadInput(msg)
    reader = _Reader(files, person, column)
    reader.requests()
    reader.assessments()
    reader.plans()
    reader.reviews()
    out = reader.finish()
    out.as_at = as_at
    out.seen(as_at)
    return out
