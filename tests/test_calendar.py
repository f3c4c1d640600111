"""The working-day calendar: bank holidays per nation, one-off days, working-day arithmetic."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from sendtime import Calendar, Nation
from sendtime.engine.errors import NeedsMoreData
from sendtime.io.loaders import load_govuk_bank_holidays
from tests.conftest import GOVUK, d


@pytest.mark.parametrize(
    ("day", "name"),
    [
        ("2012-06-05", "Diamond Jubilee"),
        ("2020-05-08", "May Day"),
        ("2022-06-03", "Platinum Jubilee"),
        ("2022-09-19", "State Funeral"),
        ("2023-05-08", "Coronation"),
    ],
)
def test_one_off_bank_holidays_are_not_working_days(
    eng: Calendar, northern_ireland: Calendar, scotland: Calendar, day: str, name: str
) -> None:
    for cal in (eng, scotland, northern_ireland):
        assert not cal.is_working_day(d(day))
        assert name.lower() in (cal.holiday_name(d(day)) or "").lower()


def test_moved_may_day_2020_replaces_the_monday(eng: Calendar) -> None:
    assert eng.is_working_day(d("2020-05-04"))
    assert not eng.is_working_day(d("2020-05-08"))


@pytest.mark.parametrize(
    ("nation", "closed", "open_"),
    [
        (Nation.ENGLAND_AND_WALES, ["2025-04-21", "2025-08-25"], ["2025-08-04", "2025-03-17"]),
        (Nation.SCOTLAND, ["2025-01-02", "2025-08-04", "2025-12-01"], ["2025-04-21", "2025-08-25"]),
        (Nation.NORTHERN_IRELAND, ["2025-03-17", "2025-07-14", "2025-04-21"], ["2025-01-02"]),
    ],
)
def test_each_nation_has_its_own_days(nation: Nation, closed: list[str], open_: list[str]) -> None:
    cal = Calendar(nation)
    for day in closed:
        assert not cal.is_working_day(d(day)), day
    for day in open_:
        assert cal.is_working_day(d(day)), day


def test_easter_monday_and_august_holiday_present_in_england(eng: Calendar) -> None:
    # Without a subdivision the package drops these: the calendar must always pass one.
    assert not eng.is_working_day(d("2024-04-01"))
    assert not eng.is_working_day(d("2024-08-26"))


def test_christmas_and_good_friday_never_working_days_whatever_the_list() -> None:
    def empty(nation: Nation, first: int, last: int) -> tuple[dict[dt.date, str], str]:
        return {}, "empty test list"

    cal = Calendar(loader=empty)
    assert not cal.is_working_day(d("2025-12-25"))
    assert not cal.is_working_day(d("2025-04-18"))  # Good Friday 2025
    assert cal.is_working_day(d("2025-12-26"))  # Boxing Day is only in the (empty) list


@pytest.mark.parametrize(
    ("start", "n", "end"),
    [
        ("2025-12-18", 3, "2025-12-23"),  # docs/rules.md: Thu + 3 WD -> Tue
        ("2025-12-23", 1, "2025-12-24"),
        ("2025-12-24", 1, "2025-12-29"),  # 25, 26 and the weekend closed
        ("2025-04-17", 1, "2025-04-22"),  # Easter
        ("2025-04-22", -1, "2025-04-17"),
        ("2025-01-06", -1, "2025-01-03"),
    ],
)
def test_within_n_working_days_of(eng: Calendar, start: str, n: int, end: str) -> None:
    assert eng.add_working_days(d(start), n) == d(end)


@pytest.mark.parametrize(
    ("start", "n", "end"),
    [
        ("2025-04-14", 15, "2025-05-07"),  # docs/rules.md: aware Mon 2025-04-14 -> Wed 2025-05-07
        ("2025-04-19", 1, "2025-04-22"),  # Saturday: the first working day counts as day 1
        ("2025-12-22", 3, "2025-12-24"),
    ],
)
def test_n_working_days_beginning_with(eng: Calendar, start: str, n: int, end: str) -> None:
    assert eng.working_days_beginning_with(d(start), n) == d(end)


def test_working_day_on_or_before(eng: Calendar) -> None:
    assert eng.working_day_on_or_before(d("2025-05-26")) == d("2025-05-23")
    assert eng.working_day_on_or_before(d("2025-05-27")) == d("2025-05-27")


def test_source_is_named_with_version(eng: Calendar) -> None:
    assert eng.source.startswith("holidays ")
    assert eng.info.bank_holidays == "england-and-wales"


def test_holidays_in_lists_weekday_days_only_with_names(eng: Calendar) -> None:
    days = dict(eng.holidays_in(2022))
    assert d("2022-12-25") not in days  # a Sunday
    assert d("2022-12-27") in days  # the substitute
    assert days[d("2022-09-19")].startswith("State Funeral")


def test_years_far_outside_the_range_extend_the_calendar() -> None:
    cal = Calendar()
    assert not cal.is_working_day(d("2060-12-25"))
    assert cal.is_working_day(d("2060-12-29"))


def test_years_the_calendar_cannot_build_need_more_data() -> None:
    with pytest.raises(NeedsMoreData, match="outside the calendar"):
        Calendar().is_working_day(d("1900-01-02"))


@pytest.mark.parametrize("nation", list(Nation))
def test_package_agrees_with_govuk_snapshot_on_weekdays(nation: Nation) -> None:
    govuk = load_govuk_bank_holidays(GOVUK, nation)
    cal = Calendar(nation)
    package = {day for y in range(2012, 2029) for day, _ in cal.holidays_in(y)}
    snapshot = {day for day in govuk if day.weekday() < 5}
    if nation is Nation.SCOTLAND:
        # docs/counting.md: the package has 2026-06-15 which an early-2026 GOV.UK snapshot lacks.
        assert package - snapshot <= {d("2026-06-15")}  # later releases may drop it
        assert snapshot - package == set()
    else:
        assert package == snapshot


def test_bank_holidays_file_adds_dates(tmp_path: object) -> None:
    from pathlib import Path

    path = Path(str(tmp_path)) / "extra.json"
    path.write_text(
        json.dumps(
            {
                "england-and-wales": {
                    "division": "england-and-wales",
                    "events": [
                        {
                            "title": "A new one-off",
                            "date": "2027-06-07",
                            "notes": "",
                            "bunting": True,
                        }
                    ],
                }
            }
        ),
        encoding="utf-8",
    )
    extra = load_govuk_bank_holidays(path, Nation.ENGLAND_AND_WALES)
    cal = Calendar(extra_holidays=extra, extra_source="extra.json")
    assert not cal.is_working_day(d("2027-06-07"))
    assert Calendar().is_working_day(d("2027-06-07"))
    assert cal.source.endswith("+ extra.json")


def test_cache_is_written_and_reused(tmp_path: object, monkeypatch: pytest.MonkeyPatch) -> None:
    from pathlib import Path

    from sendtime.io import bankholidays

    monkeypatch.setenv("SENDTIME_CACHE_DIR", str(tmp_path))
    first, _ = bankholidays.load(Nation.ENGLAND_AND_WALES, 2020, 2021)
    files = list(Path(str(tmp_path)).glob("bank-holidays-*-england-and-wales-2020-2021.json"))
    assert len(files) == 1
    real = bankholidays.build_bank_holidays
    built: list[int] = []

    def counting_build(nation: Nation, a: int, b: int) -> dict[dt.date, str]:
        built.append(a)
        return real(nation, a, b)

    monkeypatch.setattr(bankholidays, "build_bank_holidays", counting_build)
    reused, _ = bankholidays.load(Nation.ENGLAND_AND_WALES, 2020, 2021)
    assert reused == first
    assert built == []  # read from the file: the holidays package was not asked again
    files[0].write_text("not json", encoding="utf-8")  # unreadable: rebuilt, not an error
    again, _ = bankholidays.load(Nation.ENGLAND_AND_WALES, 2020, 2021)
    assert again == first
    assert built == [2020]


def test_read_only_cache_still_works(monkeypatch: pytest.MonkeyPatch) -> None:
    from sendtime.io import bankholidays

    monkeypatch.setenv("SENDTIME_CACHE_DIR", "/proc/no-such-place/sendtime")
    dates, source = bankholidays.load(Nation.ENGLAND_AND_WALES, 2023, 2023)
    assert d("2023-05-08") in dates
    assert source.startswith("holidays")


@pytest.mark.parametrize("xdg", [None, "/srv/xdg-cache", "  "])
def test_cache_dir_is_the_one_platformdirs_gives(
    monkeypatch: pytest.MonkeyPatch, xdg: str | None
) -> None:
    import sys
    from pathlib import Path

    from platformdirs import user_cache_dir

    from sendtime.io import bankholidays

    monkeypatch.delenv("SENDTIME_CACHE_DIR", raising=False)
    if xdg is None:
        monkeypatch.delenv("XDG_CACHE_HOME", raising=False)
    else:
        monkeypatch.setenv("XDG_CACHE_HOME", xdg)
    assert bankholidays.cache_dir() == Path(user_cache_dir("sendtime", appauthor=False))
    if sys.platform.startswith("linux"):
        assert bankholidays.cache_dir().name == "sendtime"
