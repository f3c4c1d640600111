"""Using sendtime from Python: a few timelines, a term calendar, local rules and a caseload.

Run: python examples/library.py   (a test runs it and checks what it prints)
"""

import datetime as dt
from pathlib import Path

import sendtime
from sendtime.io.batch import Case, Defaults, cases

HERE = Path(__file__).resolve().parent

# The 20-week assessment: every step is dated, cited and explained.
t = sendtime.assess(dt.date(2024, 3, 1))
final = t.step("assess.final")
print(final.date, final.weekday, final.citation)  # 2024-07-19 Friday ...reg 13(2)

# An annual review planned in a school's term time, with its own reminders.
cal = sendtime.Calendar(terms=sendtime.load_terms(str(HERE / "terms-staffordshire-2025-26.toml")))
review = sendtime.review(dt.date(2025, 3, 17), calendar=cal)
print(review.step("review.latest-meeting").date)  # 2026-02-13: back out of the half term
rules = sendtime.load_local_rules(str(HERE / "local-rules.toml"))
with_reminders = sendtime.apply_local_rules(review, rules, calendar=cal)
print(
    with_reminders.step("local.book-meeting").date, with_reminders.step("local.book-meeting").source
)

# The Tribunal deadline: the later of two dates, rolled out of Christmas week.
print(
    sendtime.appeal(dt.date(2023, 10, 1), certificate=dt.date(2023, 11, 29))
    .step("appeal.deadline")
    .date
)  # 2024-01-02

# A pupil's next transfer, from the date of birth.
p = sendtime.pupil(dt.date(2015, 3, 10), today=dt.date(2025, 11, 1))
print(p.pupil.year_group if p.pupil else None, p.step("transfer.school").date)  # 6 2026-02-14

# A caseload, row by row: good rows are Cases, bad rows are records with their line.
for row in cases(HERE / "caseload.csv", defaults=Defaults(today=dt.date(2026, 11, 23))):
    if isinstance(row, Case):
        print(row.ref, row.timeline.step(row.timeline.ids[0]).date)
    else:
        print("line", row.line, row.error)
