"""Term dates: TOML and ICS loading, validation errors, closures and the reg 10(4) window test."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sendtime import Calendar
from sendtime.engine.errors import BadInput, NeedsMoreData
from sendtime.engine.model import Closure
from sendtime.engine.terms import Period, SettingKind, Terms
from sendtime.io.loaders import load_terms
from sendtime.law.england.assess import assess
from sendtime.law.england.closures import closure_check
from tests.conftest import EXAMPLES, Invoke, d

STAFFS_TOML = EXAMPLES / "terms-staffordshire-2025-26.toml"
STAFFS_ICS = EXAMPLES / "terms-staffordshire-2025-26.ics"

# Summer 2025 to autumn 2025: the summer closure runs Sat 2025-07-19 to Mon 2025-09-01.
SUMMER_TOML = """
[setting]
name = "Test school"

[[term]]
name = "Summer 2025"
start = 2025-04-22
end = 2025-07-18

[[term]]
name = "Autumn 2025"
start = "2025-09-02"
end = 2025-12-19

[[closure]]
name = "INSET day"
start = 2025-09-02
end = 2025-09-02

[[closure]]
name = "Half term"
start = 2025-10-27
end = 2025-10-31
"""


def write(tmp_path: Path, name: str, text: str) -> Path:
    p = tmp_path / name
    p.write_text(text, encoding="utf-8")
    return p


def ics(*events: tuple[str, str, str], extra: str = "") -> str:
    """An ICS text of all-day events (summary, DTSTART, exclusive DTEND as YYYYMMDD)."""
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//test//EN"]
    if extra:
        lines.append(extra)
    for i, (summary, start, end) in enumerate(events):
        lines += [
            "BEGIN:VEVENT",
            f"UID:{i}@test",
            "DTSTAMP:20250101T000000Z",
            f"DTSTART;VALUE=DATE:{start}",
            *([f"DTEND;VALUE=DATE:{end}"] if end else []),
            f"SUMMARY:{summary}",
            "END:VEVENT",
        ]
    lines.append("END:VCALENDAR")
    return "\r\n".join(lines) + "\r\n"


SUMMER_ICS = ics(
    ("Summer term 2025", "20250422", "20250719"),
    ("Autumn term 2025", "20250902", "20251220"),
    ("INSET day", "20250902", "20250903"),
    ("Half term", "20251027", "20251101"),
    ("Summer holidays", "20250719", "20250902"),  # wholly between terms: dropped
)


@pytest.fixture
def summer(tmp_path: Path) -> Terms:
    return load_terms(write(tmp_path, "summer.toml", SUMMER_TOML))


# ------------------------------------------------------------------------------- loading
def test_toml_loads_terms_closures_and_setting() -> None:
    t = load_terms(STAFFS_TOML)
    assert t.name == "A Staffordshire school 2025-26"
    assert t.kind is SettingKind.SCHOOL
    assert [(p.start, p.end) for p in t.terms] == [
        (d("2025-09-02"), d("2025-12-19")),
        (d("2026-01-05"), d("2026-03-27")),
        (d("2026-04-13"), d("2026-07-17")),
    ]
    assert len(t.closures) == 4


def test_toml_and_ics_describe_the_same_calendar() -> None:
    a, b = load_terms(STAFFS_TOML), load_terms(STAFFS_ICS)
    assert [(p.start, p.end) for p in a.terms] == [(p.start, p.end) for p in b.terms]
    assert [(p.start, p.end) for p in a.closures] == [(p.start, p.end) for p in b.closures]
    assert [(p.start, p.end) for p in a.all_closures()] == [
        (p.start, p.end) for p in b.all_closures()
    ]
    ca, cb = Calendar(terms=a), Calendar(terms=b)
    day = a.first_day
    while day <= a.last_day:
        assert ca.is_school_day(day) == cb.is_school_day(day), day
        assert closure_check(a, day).engaged == closure_check(b, day).engaged, day
        day += dt.timedelta(days=1)


def test_summer_toml_and_ics_give_the_same_closures(tmp_path: Path) -> None:
    a = load_terms(write(tmp_path, "s.toml", SUMMER_TOML))
    b = load_terms(write(tmp_path, "s.ics", SUMMER_ICS))
    assert [(c.first_closed_day, c.reopens) for c in a.long_closures()] == [
        (c.first_closed_day, c.reopens) for c in b.long_closures()
    ]
    assert [(p.start, p.end) for p in a.closures] == [(p.start, p.end) for p in b.closures]


@pytest.mark.parametrize(
    ("day", "open_"),
    [
        ("2025-09-05", True),
        ("2025-09-02", True),  # first day of term
        ("2025-10-27", False),  # half term
        ("2025-10-25", False),  # Saturday
        ("2025-12-19", True),  # last day of autumn term
        ("2025-12-22", False),  # Christmas holiday
        ("2026-04-06", False),  # Easter Monday, in the Easter holiday
        ("2026-05-04", False),  # Early May bank holiday, a closure in term
        ("2026-05-05", True),
        ("2026-07-17", True),  # last day of the file
    ],
)
def test_is_school_day_staffordshire(day: str, open_: bool) -> None:
    cal = Calendar(terms=load_terms(STAFFS_TOML))
    assert cal.is_school_day(d(day)) is open_


def test_school_day_outside_the_file_is_not_guessed() -> None:
    cal = Calendar(terms=load_terms(STAFFS_TOML))
    with pytest.raises(NeedsMoreData, match="outside the term dates"):
        cal.is_school_day(d("2025-09-01"))
    with pytest.raises(NeedsMoreData, match="--terms"):
        Calendar().is_school_day(d("2025-09-02"))


def test_closures_list_gaps_and_explicit_closures() -> None:
    t = load_terms(STAFFS_TOML)
    assert [(p.start.isoformat(), p.end.isoformat()) for p in t.all_closures()] == [
        ("2025-10-27", "2025-10-31"),
        ("2025-12-20", "2026-01-04"),
        ("2026-02-16", "2026-02-20"),
        ("2026-03-28", "2026-04-12"),
        ("2026-05-04", "2026-05-04"),
        ("2026-05-25", "2026-05-29"),
    ]
    assert t.long_closures() == ()  # no closure of 4 weeks inside one academic year


def test_summer_closure_of_at_least_four_weeks(summer: Terms) -> None:
    # INSET day on 2 September counts as open for the test: the setting reopens then.
    assert summer.long_closures() == (
        Closure(d("2025-07-19"), d("2025-09-02"), "between Summer 2025 and Autumn 2025"),
    )


def test_a_closure_of_exactly_28_days_counts_and_27_does_not() -> None:
    # Term ends Tue 2025-07-15; the closure runs from Wed 07-16 to the day before reopening.
    def terms(reopen: str) -> Terms:
        return Terms((Period(d("2025-01-06"), d("2025-07-15")), Period(d(reopen), d("2025-12-19"))))

    assert terms("2025-08-13").long_closures() == (
        Closure(d("2025-07-16"), d("2025-08-13"), "between terms"),
    )
    assert terms("2025-08-12").long_closures() == ()


# ------------------------------------------------------------------------ closure window
@pytest.mark.parametrize(
    ("requested", "engaged"),
    [
        ("2025-07-11", False),  # a day before the window opens
        ("2025-07-12", True),  # first_closed_day - 7: the window's first day
        ("2025-07-15", True),  # docs/reference/json.md's example
        ("2025-08-26", True),  # reopens - 7: the window's last day
        ("2025-08-27", False),  # a day after it
        ("2025-10-20", False),  # a week before half term: too short a closure
    ],
)
def test_closure_window_both_endpoints(summer: Terms, requested: str, engaged: bool) -> None:
    c = closure_check(summer, d(requested))
    assert c.engaged is engaged
    assert c.limb == "reg 10(4)(a)"
    if engaged:
        assert c.window == (d("2025-07-12"), d("2025-08-26"))
        assert c.closure is not None
        assert (c.closure.first_closed_day, c.closure.reopens) == (d("2025-07-19"), d("2025-09-02"))
        assert "may be disapplied" in c.note
    else:
        assert c.closure is None
    assert "reg 8(2)" in c.note


@pytest.mark.parametrize("requested", ["2025-04-21", "2025-12-20", "2025-12-15"])
def test_closure_window_outside_the_file_is_not_known(summer: Terms, requested: str) -> None:
    c = closure_check(summer, d(requested))
    assert c.engaged is None
    assert c.window is None


def test_early_years_setting_uses_limb_b(tmp_path: Path) -> None:
    text = SUMMER_TOML.replace('name = "Test school"', 'name = "Nursery"\nkind = "early-years"')
    t = load_terms(write(tmp_path, "n.toml", text))
    assert closure_check(t, d("2025-07-15")).limb == "reg 10(4)(b)"


def test_assess_fills_closure_checks_and_notes_the_steps(summer: Terms) -> None:
    t = assess(
        d("2025-06-02"),
        advice_requested=[d("2025-07-15"), d("2025-06-16")],
        calendar=Calendar(terms=summer),
    )
    assert [(c.advice_requested, c.engaged) for c in t.closure_checks] == [
        (d("2025-06-16"), False),
        (d("2025-07-15"), True),
    ]
    assert any("may be disapplied under reg 10(4)(a)" in n for n in t.step("assess.no-plan").notes)
    assert any("reg 13(3) with reg 10(4)(a)" in n for n in t.step("assess.final").notes)
    assert not any("may be disapplied" in n for n in t.step("assess.advice").notes)
    assert t.step("assess.final").date == d("2025-10-20")  # the date never moves


def test_assess_without_terms_says_the_closure_test_needs_them() -> None:
    t = assess(d("2025-06-02"), advice_requested=[d("2025-07-15")])
    assert t.closure_checks == ()
    assert any("--terms" in w for w in t.warnings)


def test_cli_closure_checks_json(cli: Invoke, tmp_path: Path) -> None:
    import json

    f = write(tmp_path, "s.ics", SUMMER_ICS)
    r = cli(
        [
            "assess",
            "2025-06-02",
            "--advice-requested",
            "2025-07-15",
            "--terms",
            str(f),
            "-f",
            "json",
        ]
    )
    assert r.exit_code == 0, r.stderr
    doc = json.loads(r.stdout)
    assert doc["closure_checks"][0] == {
        "advice_requested": "2025-07-15",
        "engaged": True,
        "limb": "reg 10(4)(a)",
        "window": ["2025-07-12", "2025-08-26"],
        "closure": {
            "first_closed_day": "2025-07-19",
            "reopens": "2025-09-02",
            "name": doc["closure_checks"][0]["closure"]["name"],
        },
        "note": doc["closure_checks"][0]["note"],
    }
    assert "reg 8(2)" in doc["closure_checks"][0]["note"]
    assert doc["closure_checks"][0]["closure"]["name"]  # the closure that decided it
    assert doc["calendar"]["terms"] == "s.ics"


def test_cli_closure_checks_table(cli: Invoke) -> None:
    r = cli(
        ["assess", "2025-09-08", "--advice-requested", "2025-09-15", "--terms", str(STAFFS_TOML)]
    )
    assert r.exit_code == 0, r.stderr
    assert "Closure test reg 10(4)(a), advice requested 2025-09-15: not engaged" in r.stdout


# ---------------------------------------------------------------------- invalid files
BAD_TOML = [
    ("", "the file is empty"),
    ("[[term]\n", "not valid TOML"),
    ("[setting]\nname='x'\n", "no [[term]] entries"),
    ("[[term]]\nstart = 2025-09-01\n", "term 1: needs start and end"),
    (
        "[[term]]\nname='Autumn'\nstart = 2025-09-01\nend = 'soon'\n",
        "term 1 (Autumn) end: 'soon' is not a date",
    ),
    (
        "[[term]]\nname='Autumn'\nstart = 2025-12-19\nend = 2025-09-01\n",
        "term 1 (Autumn): end 2025-09-01 is before start 2025-12-19",
    ),
    (
        "[[term]]\nname='A'\nstart = 2025-09-01\nend = 2025-12-19\n"
        "[[term]]\nname='B'\nstart = 2025-12-01\nend = 2026-03-27\n",
        "term 2 (B) (2025-12-01 to 2026-03-27) overlaps term 1 (A)",
    ),
    (
        "[[term]]\nstart = 2025-09-01\nend = 2025-12-19\n"
        "[[closure]]\nname='Xmas'\nstart = 2025-12-22\nend = 2025-12-31\n",
        "closure 1 (Xmas) (2025-12-22 to 2025-12-31) lies outside every term",
    ),
    (
        "[setting]\nkind='college'\n[[term]]\nstart = 2025-09-01\nend = 2025-12-19\n",
        "setting kind 'college'",
    ),
    ("term = 3\n", "[[term]] must be an array of tables"),
]


@pytest.mark.parametrize(("text", "problem"), BAD_TOML)
def test_invalid_toml_names_file_entry_and_problem(tmp_path: Path, text: str, problem: str) -> None:
    f = write(tmp_path, "bad.toml", text)
    with pytest.raises(BadInput) as e:
        load_terms(f)
    assert str(f) in str(e.value)
    assert problem in str(e.value)
    assert "\n" not in str(e.value)


BAD_ICS = [
    ("BEGIN:VCALENDAR\r\nthis is not ical\r\n", "not a valid iCalendar file"),
    (ics(("Staff party", "20250901", "20250901")), "no usable all-day events"),
    (ics(("Half term", "20251027", "20251101")), "no terms found"),
    (
        ics(("Autumn term", "20251219", "20250901")),
        "event 1 (Autumn term): DTEND 2025-09-01 is before DTSTART",
    ),
    (
        ics(("Autumn term", "20250901", "20251220"), ("Spring term", "20251201", "20260328")),
        "event 2 (Spring term) (2025-12-01 to 2026-03-27) overlaps event 1 (Autumn term)",
    ),
    (
        ics(("Autumn term", "20250901", "20251220"), ("INSET closure", "20250820", "20250821")),
        "event 2 (INSET closure) (2025-08-20 to 2025-08-20) lies outside every term",
    ),
    (ics(("Autumn term", "2025-09-01", "20251220")), "event 1 (Autumn term) DTSTART: unreadable"),
]


@pytest.mark.parametrize(("text", "problem"), BAD_ICS)
def test_invalid_ics_names_file_entry_and_problem(tmp_path: Path, text: str, problem: str) -> None:
    f = write(tmp_path, "bad.ics", text)
    with pytest.raises(BadInput) as e:
        load_terms(f)
    assert str(f) in str(e.value)
    assert problem in str(e.value)
    assert "\n" not in str(e.value)


def test_missing_file_and_wrong_extension(tmp_path: Path) -> None:
    with pytest.raises(BadInput, match="no such file"):
        load_terms(tmp_path / "none.toml")
    with pytest.raises(BadInput, match=r"expected a \.toml or \.ics"):
        load_terms(write(tmp_path, "t.txt", "x"))


def test_ics_words_classify_events(tmp_path: Path) -> None:
    text = ics(
        ("Autumn Term", "20250901", "20251220"),
        ("Half-Term", "20251027", "20251101"),
        ("School closed (polling day)", "20251106", "20251107"),
        ("Termly assembly", "20251110", "20251111"),  # "termly" is not the word "term"
        ("Timed meeting", "20251112", "20251112"),  # less than a day: ignored
        extra="X-WR-CALNAME:Example school",
    )
    t = load_terms(write(tmp_path, "t.ics", text))
    assert t.name == "Example school"
    assert [(p.start, p.end) for p in t.terms] == [(d("2025-09-01"), d("2025-12-19"))]
    assert [p.name for p in t.closures] == ["Half-Term", "School closed (polling day)"]


def test_cli_bad_terms_file_exits_2_with_one_line(cli: Invoke, tmp_path: Path) -> None:
    f = write(tmp_path, "bad.toml", "[[term]]\nstart = 2025-09-01\n")
    r = cli(["assess", "2025-06-02", "--terms", str(f)])
    assert r.exit_code == 2
    assert r.stderr.count("\n") == 1
    assert "bad.toml: term 1: needs start and end" in r.stderr


def test_engaged_check_says_reg_8_2_has_no_closure_limb_on_the_advice_step(summer: Terms) -> None:
    t = assess(
        d("2025-06-02"),
        advice_requested=[d("2025-07-15"), d("2025-07-16")],
        calendar=Calendar(terms=summer),
    )
    for sid in ("assess.advice", "assess.advice-2"):
        assert any("reg 8(2)" in n and "no closure limb" in n for n in t.step(sid).notes)
    assert not any("reg 8(2)" in n for n in t.step("assess.advice-other").notes)


def test_why_closed_names_the_closure() -> None:
    t = load_terms(STAFFS_TOML)
    assert t.why_closed(d("2026-02-17")) == "Spring half term"
    assert t.why_closed(d("2025-12-24")) == "between Autumn 2025 and Spring 2026"
    assert t.why_closed(d("2026-02-12")) is None


@settings(max_examples=300, deadline=None)
@given(st.dates(min_value=dt.date(2025, 4, 22), max_value=dt.date(2025, 12, 19)))
def test_closure_check_law(day: dt.date) -> None:
    t = Terms(
        (
            Period(d("2025-04-22"), d("2025-07-18"), "Summer"),
            Period(d("2025-09-02"), d("2025-12-19"), "Autumn"),
        )
    )
    c = closure_check(t, day)
    in_window = d("2025-07-12") <= day <= d("2025-08-26")
    if day > d("2025-12-12"):
        assert c.engaged is None  # a closure after the file could begin within a week
    else:
        assert c.engaged is in_window
    if c.engaged:
        assert c.closure is not None
        assert (c.closure.reopens - c.closure.first_closed_day).days >= 28


def test_cli_terms_checks_a_file(cli: Invoke, tmp_path: Path) -> None:
    r = cli(
        [
            "terms",
            str(STAFFS_ICS),
            "--date",
            "2026-02-17",
            "--date",
            "2026-03-02",
            "--date",
            "2026-08-01",
        ]
    )
    assert r.exit_code == 0, r.stderr
    assert "2026-02-17 Tue: school day? no (Spring half term)" in r.stdout
    assert "2026-03-02 Mon: school day? yes" in r.stdout
    assert "2026-08-01 Sat: school day? not known (outside the term dates)" in r.stdout
    f = write(tmp_path, "s.toml", SUMMER_TOML.replace("Half term", "[Half] term"))
    r = cli(["terms", str(f), "-f", "json"])
    assert r.exit_code == 0, r.stderr
    import json

    doc = json.loads(r.stdout)
    assert doc["long_closures"] == [
        {
            "name": "between Summer 2025 and Autumn 2025",
            "first_closed_day": "2025-07-19",
            "reopens": "2025-09-02",
            "days": 45,
        }
    ]
    r = cli(["terms", str(f)])
    assert "[Half] term" in r.stdout
    assert "Closure of 45 days: first closed day 2025-07-19, reopens 2025-09-02" in r.stdout
