"""Output a parent can read: what matters next, undated steps in one line, a key of terms used."""

from __future__ import annotations

import io
import re
from dataclasses import replace

import pytest
from rich.console import Console

from sendtime.engine.model import Timeline
from sendtime.law.england.assess import assess
from sendtime.law.england.reviews import review, transfer
from sendtime.law.england.rules import rule_table
from sendtime.law.england.tribunal import appeal, order
from sendtime.render.reader import collapsible, key_entries, next_line, short_citation, undated_line
from sendtime.render.table import timeline_table
from sendtime.texts import Catalogue, catalogue
from tests.conftest import Invoke, d

EN = catalogue("en")


def table_text(t: Timeline, cat: Catalogue = EN, width: int = 100) -> str:
    buf = io.StringIO()
    timeline_table(t, Console(file=buf, width=width, no_color=True), cat=cat)
    return buf.getvalue()


@pytest.mark.parametrize(
    ("today", "line"),
    [
        (
            "2024-03-04",
            "The council (LA) must tell you whether it will carry out an EHC needs assessment by "
            "Friday 12 April 2024 (2024-04-12, in 39 days): 6 weeks after 2024-03-01 (request "
            "received) (regs 4(1), 5(1)).",
        ),
        (
            "2024-07-19",
            "The council (LA) must send the final EHC plan by Friday 19 July 2024 (2024-07-19, "
            "today): 20 weeks after 2024-03-01 (request received) (reg 13(2)).",
        ),
        (
            "2024-07-18",
            "The council (LA) must send the final EHC plan by Friday 19 July 2024 (2024-07-19, "
            "in 1 day): 20 weeks after 2024-03-01 (request received) (reg 13(2)).",
        ),
        (
            "2024-07-20",
            "No statutory date is still ahead. The last: LA sends the final EHC plan, "
            "Friday 19 July 2024.",
        ),
    ],
)
def test_next_line_names_who_acts_by_when_and_the_citation(today: str, line: str) -> None:
    assert next_line(assess(d("2024-03-01"), today=d(today)), EN) == line


def test_next_line_skips_planning_guidance_and_says_when_projected() -> None:
    # 2024-06-07 is the draft target (practice): not a statutory date, so the next is 06-21,
    # the no-plan decision (assess.representations, also 06-21, is projected and comes later).
    line = next_line(assess(d("2024-03-01"), today=d("2024-06-01")), EN)
    assert line is not None
    assert line.startswith("If it decides not to issue an EHC plan, the council (LA) must tell")
    assert "2024-06-21" in line
    review_line = next_line(review(d("2025-03-17"), today=d("2025-06-01")), EN)
    assert review_line is not None
    assert "projected: it counts from a date you did not give" in review_line


def test_the_appeal_deadline_is_named_with_5pm() -> None:
    line = next_line(appeal(d("2025-06-15"), today=d("2025-08-16")), EN)
    assert line == (
        "Your appeal must reach the Tribunal by 5pm on Monday 1 September 2025 (2025-09-01, in 16 "
        "days): 2 months after 2025-06-15 (decision sent) is 2025-08-15, in August; r.12(3)(a) "
        "moves it to the first working day after 31 August: 2025-09-01 (HESC r.20(1)(c), r.12)."
    )


def test_no_line_without_today() -> None:
    # the library never reads the clock: without today there is nothing to say about "next"
    assert next_line(assess(d("2024-03-01")), EN) is None


def test_table_opens_with_the_next_line(cli: Invoke) -> None:
    r = cli(["assess", "2024-03-01", "--today", "2024-03-04"])
    assert r.stdout.startswith("The council (LA) must tell you whether it will carry out")


def test_undated_steps_collapse_into_one_line_grouped_by_option() -> None:
    t = appeal(d("2025-06-15"), today=d("2025-06-20"))
    assert undated_line(t.steps, EN) == (
        "Not dated yet: give --adviser-informed to date appeal.certificate; give "
        "--mediation-requested to date appeal.health-notice, appeal.mediation; give "
        "--la-told-adviser to date appeal.deemed-certificate; give --mediation-ended to date "
        "appeal.mediation-certificate."
    )
    text = table_text(t)
    assert "no date" not in text  # no undated rows: every one is in the line
    assert "appeal.mediation (notes 3,4)" in " ".join(text.split())
    assert "secondary source" in text  # the notes of collapsed steps are kept


def test_immediately_steps_stay_in_the_table() -> None:
    text = table_text(order(d("2025-03-03"), type="continue", today=d("2025-03-04")))
    assert "│ no date │" in text
    assert "order.continue: immediately from 2025-03-03 (order)" in text


def _key_block(text: str) -> tuple[str, str]:
    body, _, rest = text.partition("\nKey:")
    key = rest.rsplit("Not legal advice", 1)[0]
    return body, key


def test_key_lists_the_terms_used_and_only_those() -> None:
    for t in (
        assess(d("2024-03-01"), today=d("2024-03-04")),
        appeal(d("2025-06-15"), today=d("2025-06-20")),
        transfer(2026, kind="school", today=d("2025-10-01")),
    ):
        body, key = _key_block(table_text(t))
        terms = [line.split()[0] for line in key.splitlines() if line and not line[0].isspace()]
        assert terms, t.process
        # what the reader was shown, unwrapped: the text outside the table and each step's cells
        shown = "\n".join(
            [
                body,
                *(
                    f"{s.title} {s.id} {short_citation(s.citation)}"
                    for s in t.steps
                    if not collapsible(s)
                ),
            ]
        )
        for term in EN.key_terms:
            assert bool(term.regex.search(shown)) is (term.term.split()[0] in terms), term.term
    assessed = _key_block(table_text(assess(d("2024-03-01"), today=d("2024-03-04"))))[1]
    assert "local authority: the council" in assessed
    assert "HESC" not in assessed
    appealed = _key_block(table_text(appeal(d("2025-06-15"), today=d("2025-06-20"))))[1]
    assert "HESC" in appealed
    assert "ICB" not in appealed


def test_key_explains_kinds_and_marks_shown() -> None:
    t = assess(d("2024-03-01"), today=d("2024-03-04"))
    terms = dict(key_entries([], t.steps, EN))
    assert set(terms) >= {"deadline", "minimum", "guidance", "practice", "projected"}
    assert "fixed" not in terms
    assert terms["projected"].startswith("counted from a date you did not give")


def test_rules_table_ends_with_a_key(cli: Invoke) -> None:
    r = cli(["rules"])
    assert "Key:" in r.stdout
    assert "HESC" in r.stdout.split("Key:")[1]


# Standalone capital letters a note might use as symbols ("R may instead be", "F - 15 days").
SYMBOL = re.compile(r"(?<![(\w,])\b([A-Z])\b(?![)\w])")


def test_notes_spell_out_any_symbol_they_use() -> None:
    notes = {n for r in rule_table() for n in r.notes}
    for t in (
        assess(d("2024-03-01")),
        review(d("2025-03-17")),
        transfer(2026, kind="school"),
        transfer(kind="post16-other", transfer_date=d("2026-09-01")),
        appeal(d("2025-06-15")),
    ):
        notes |= {n for s in t.steps for n in s.notes}
    assert len(notes) > 20
    for note in notes:
        for m in SYMBOL.finditer(note):
            letter = m[1]
            if letter in ("A", "I"):  # English words
                continue
            assert re.search(rf"\b{letter} (is|=|means)\b", note), f"{letter!r} undefined: {note}"


def test_a_translation_is_a_catalogue() -> None:
    # What a Welsh file would change: every heading and sentence comes from the catalogue.
    welsh = replace(
        EN,
        lang="cy",
        key_heading="Allwedd",
        titles={**EN.titles, "assess": "Asesiad anghenion EHC"},
        actions={**EN.actions, "assess.decision": "Rhaid i'r cyngor ddweud erbyn {date}"},
        months=("Ionawr", "Chwefror", "Mawrth", "Ebrill", *EN.months[4:]),
        weekdays=("Llun", "Mawrth", "Mercher", "Iau", "Gwener", "Sadwrn", "Sul"),
        disclaimer="Nid cyngor cyfreithiol.",
    )
    text = table_text(assess(d("2024-03-01"), today=d("2024-03-04")), welsh)
    assert text.startswith("Rhaid i'r cyngor ddweud erbyn Gwener 12 Ebrill 2024")
    assert "Asesiad anghenion EHC: request received 2024-03-01" in text
    assert "Allwedd:" in text
    assert "Key:" not in text
    assert "Nid cyngor cyfreithiol." in text
    assert "Not legal advice" not in text


def test_unknown_language_is_refused() -> None:
    with pytest.raises(ValueError, match="no catalogue"):
        catalogue("xx")
    with pytest.raises(ValueError, match="expected a code"):
        catalogue("../en")


def test_the_catalogue_disclaimer_is_the_documents_disclaimer() -> None:
    from sendtime.law.england.rules import DISCLAIMER

    assert EN.disclaimer == DISCLAIMER


def test_checked_timelines_get_an_outcome_column_and_a_summary() -> None:
    from tests.test_html import late_case

    text = table_text(late_case())
    assert "Checked against the dates done: 2 late." in text
    assert "Outcome" in text
    assert "late 21 days (done" in " ".join(text.split())
    plain = table_text(assess(d("2024-03-01"), today=d("2024-03-04")))
    assert "Outcome" not in plain
    assert "Checked against" not in plain
