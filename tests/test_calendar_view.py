"""The month calendar view: day classification, marks, terminal output and the SVG picture."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from sendtime import Calendar, review, transfer
from sendtime.render.calendar import DayType, calendar_svg, day_type, letters, month_grid
from tests.conftest import Invoke, d

TERMS = Path(__file__).parent.parent / "examples" / "terms-staffordshire-2025-26.toml"


@pytest.mark.parametrize(
    ("day", "kind"),
    [
        ("2026-02-13", DayType.SCHOOL),
        ("2026-02-16", DayType.CLOSED),  # spring half term
        ("2026-02-14", DayType.WEEKEND),
        ("2025-12-25", DayType.BANK_HOLIDAY),
        ("2026-05-04", DayType.BANK_HOLIDAY),
        ("2026-08-03", DayType.WORKING),  # after the term file: not guessed
    ],
)
def test_day_type_with_terms(staffordshire: Calendar, day: str, kind: DayType) -> None:
    assert day_type(staffordshire, d(day)) is kind


def test_day_type_without_terms() -> None:
    assert day_type(Calendar(), d("2026-02-16")) is DayType.WORKING


def test_letters_run_past_z() -> None:
    assert letters(3) == ["A", "B", "C"]
    assert letters(28)[-2:] == ["AA", "AB"]


def test_month_grid_marks_each_step_once(staffordshire: Calendar) -> None:
    t = transfer(2026, kind="school", calendar=staffordshire)
    months = month_grid(t, staffordshire)
    assert [m.title for m in months] == [
        "November 2025",
        "December 2025",
        "January 2026",
        "February 2026",
    ]
    marked = {c.date: c.marks for m in months for w in m.weeks for c in w if c and c.marks}
    assert marked == {
        d("2026-02-14"): ("A",),
        d("2025-12-20"): ("B", "C"),
        d("2025-11-21"): ("D",),
        d("2025-11-06"): ("E", "F"),
    }


def test_long_spans_show_only_months_with_steps() -> None:
    t = review(d("2025-01-10"), dob=d("2022-06-01"))  # early-years steps in April and July
    titles = [m.title for m in month_grid(t, Calendar())]
    assert titles[:2] == ["April 2025", "July 2025"]
    assert "May 2025" not in titles


def test_svg_is_well_formed_and_names_every_step(staffordshire: Calendar) -> None:
    t = review(d("2025-03-17"), meeting=d("2026-02-11"), calendar=staffordshire)
    svg = calendar_svg(t, staffordshire, title="Annual review")
    root = ET.fromstring(svg)  # noqa: S314 - our own output
    assert root.tag == "{http://www.w3.org/2000/svg}svg"
    text = " ".join(e.text or "" for e in root.iter("{http://www.w3.org/2000/svg}text"))
    for s in t.steps:
        assert s.id in text
    assert "March 2026" in text
    assert "A Staffordshire school 2025-26" in text


def test_cli_calendar_in_a_terminal_and_as_svg(cli: Invoke, tmp_path: Path) -> None:
    out = tmp_path / "review.svg"
    r = cli(["review", "2025-03-17", "--terms", str(TERMS), "-f", "calendar", "--svg", str(out)])
    assert r.exit_code == 0, r.stderr
    assert "February 2026" in r.stdout
    assert "16-" in r.stdout  # half term marked closed
    assert "13B" in r.stdout  # the latest meeting, Fri 2026-02-13
    assert out.read_text(encoding="utf-8").startswith("<?xml")
    assert f"calendar saved to {out}" in r.stderr


def test_cli_calendar_without_terms_says_so(cli: Invoke) -> None:
    r = cli(["transfer", "2026", "--kind", "post16", "-f", "calendar"])
    assert r.exit_code == 0, r.stderr
    assert "no term dates given" in r.stdout


def test_svg_needs_the_calendar_format(cli: Invoke, tmp_path: Path) -> None:
    r = cli(["review", "2025-03-17", "--svg", str(tmp_path / "x.svg")])
    assert r.exit_code == 2
    assert "--svg needs --format calendar" in r.stderr
    r = cli(["review", "2025-03-17", "-f", "calendar", "--svg", str(tmp_path / "no" / "x.svg")])
    assert r.exit_code == 2
    assert "cannot be written" in r.stderr
