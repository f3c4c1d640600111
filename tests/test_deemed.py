"""A deemed date is a presumption: its range, the earliest end acted on (issue 17, item 2)."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

import sendtime
from sendtime.io.schema import validate_timeline
from tests.conftest import Invoke, d

IPSEA = "IPSEA model letter 9"
PD = "Practice Direction [1985] 1 All ER 889"


def test_first_class_request_range_and_every_user_of_it() -> None:
    # Posted Mon 2025-03-03: IPSEA, received Tue 03-04; Practice Direction, Wed 03-05.
    t = sendtime.assess(posted=d("2025-03-03"), post="first")
    got = {
        s.id: (s.date, s.date_range.latest if s.date_range else None)
        for s in t.steps
        if s.id in ("assess.received", "assess.decision", "assess.no-plan", "assess.final")
    }
    assert got == {
        "assess.received": (d("2025-03-04"), d("2025-03-05")),
        "assess.decision": (d("2025-04-15"), d("2025-04-16")),
        "assess.no-plan": (d("2025-06-24"), d("2025-06-25")),
        "assess.final": (d("2025-07-22"), d("2025-07-23")),
    }
    r = t.step("assess.received").date_range
    assert r is not None
    assert r.earliest_source.startswith(IPSEA)
    assert r.latest_source.startswith(PD)


def test_a_given_receipt_date_has_no_range() -> None:
    t = sendtime.assess(d("2025-03-04"))
    assert all(s.date_range is None for s in t.steps)


def test_minimum_period_says_whoever_gives_it_waits_for_the_latest_end() -> None:
    t = sendtime.draft(posted=d("2025-03-03"), post="first")
    rep = t.step("assess.representations")
    assert rep.date == d("2025-03-18")  # 15 days beginning with Tue 03-04
    assert rep.date_range is not None
    assert rep.date_range.latest == d("2025-03-19")
    assert any("should not treat it as over before 2025-03-19" in n for n in rep.notes)


def test_amendment_notice_posted_carries_the_range() -> None:
    t = sendtime.amend(d("2025-06-02"), posted=d("2025-06-02"), post="first")
    rep = t.step("review.amend-representations")
    assert (rep.date, rep.date_range.latest if rep.date_range else None) == (
        d("2025-06-17"),  # 15 days beginning with Tue 06-03
        d("2025-06-18"),
    )
    # the 8 weeks run from the day the notice was sent: no presumption, no range
    assert t.step("review.amended-final").date_range is None


def test_explain_gives_both_readings_and_sources(cli: Invoke) -> None:
    r = cli(["assess", "--posted", "2025-03-03", "--post", "first", "--explain", "assess.final"])
    assert r.exit_code == 0
    assert f"Earliest reading ({IPSEA}" in r.stdout
    assert f"Latest reading ({PD}" in r.stdout
    assert "2025-07-22 (Tuesday), the date sendtime acts on" in r.stdout
    assert "2025-07-23 (Wednesday)" in r.stdout
    r = cli(["draft", "--posted", "2025-03-03", "--post", "first", "--explain", "service.deemed"])
    assert "the 1st working day after 2025-03-03 (Monday) is 2025-03-04 (Tuesday)" in r.stdout
    assert "the 2nd working day after posting is 2025-03-05 (Wednesday)" in r.stdout


def test_json_date_range_fields(cli: Invoke) -> None:
    r = cli(["draft", "--posted", "2025-03-03", "--post", "first", "-f", "json"])
    doc = json.loads(r.stdout)
    validate_timeline(doc)
    step = next(s for s in doc["steps"] if s["id"] == "service.deemed")
    assert step["date"] == "2025-03-04"
    assert step["date_range"]["earliest"] == "2025-03-04"
    assert step["date_range"]["latest"] == "2025-03-05"
    assert step["date_range"]["earliest_source"].startswith(IPSEA)
    assert step["date_range"]["latest_source"].startswith(PD)
    r = cli(["draft", "2025-03-03", "-f", "json"])
    assert all(s["date_range"] is None for s in json.loads(r.stdout)["steps"])


def test_csv_date_latest_column(cli: Invoke) -> None:
    r = cli(["draft", "--posted", "2025-03-03", "--post", "first", "-f", "csv"])
    rows = {x["step"]: x for x in csv.DictReader(io.StringIO(r.stdout))}
    assert rows["service.deemed"]["date"] == "2025-03-04"
    assert rows["service.deemed"]["date_latest"] == "2025-03-05"


def test_no_note_attributes_the_post_convention_to_ipsea_alone() -> None:
    svc = sendtime.draft(posted=d("2025-03-03"), post="second").step("service.deemed")
    assert not any("(IPSEA, councils)" in n for n in svc.notes)
    assert any("nothing in the SEND Regulations deems" in n for n in svc.notes)
    assert svc.date_range is not None
    assert svc.date_range.earliest == svc.date_range.latest == d("2025-03-07")


@given(
    st.dates(dt.date(2014, 9, 1), dt.date(2040, 6, 30)),
    st.sampled_from(["first", "second"]),
)
def test_range_holds_for_every_posting_day(posted: dt.date, cls: str) -> None:
    t = sendtime.assess(posted=posted, post=cls)
    cal = sendtime.Calendar()
    received = t.step("assess.received")
    assert received.date is not None
    assert received.date_range is not None
    assert received.date == received.date_range.earliest
    assert received.date_range.earliest <= received.date_range.latest
    assert cal.is_working_day(received.date)
    lag = received.date_range.latest - received.date_range.earliest
    for s in t.steps:
        assert s.date_range is not None, s.id
        assert s.date == s.date_range.earliest
        assert s.date_range.latest - s.date_range.earliest <= lag + dt.timedelta(days=4)


@pytest.mark.parametrize("by", ["hand", "email"])
@given(st.dates(dt.date(2014, 9, 1), dt.date(2040, 6, 30)), st.times())
def test_delivery_earliest_never_after_latest(by: str, day: dt.date, at: dt.time) -> None:
    t = sendtime.draft(delivered=day, by=by, at=at.strftime("%H:%M"))
    r = t.step("service.deemed").date_range
    assert r is not None
    assert day <= r.earliest <= r.latest
