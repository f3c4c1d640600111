"""Ceasing to maintain a plan (17.10): notice -> appeal deadline (rolls) -> earliest stop."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest

import sendtime
from sendtime.engine.model import Confidence, Kind
from tests.conftest import Invoke, d, date_of


@pytest.mark.parametrize(
    ("notice", "certificate", "deadline", "stop"),
    [
        # + 2 months = Thu 2025-12-25: r.12(3)(a) -> first working day after 1 January
        ("2025-10-25", None, "2026-01-02", "2026-01-03"),
        # + 2 months = Sat 2025-05-03; Mon 05-05 is a bank holiday: r.12(2) -> Tue 05-06
        ("2025-03-03", None, "2025-05-06", "2025-05-07"),
        # + 2 months = Sun 2025-08-10, in August: first working day after 31 August (Mon 09-01)
        ("2025-06-10", None, "2025-09-01", "2025-09-02"),
        # the later of + 2 months (2023-12-01) and certificate + 1 month (2023-12-29) -> 2024-01-02
        ("2023-10-01", "2023-11-29", "2024-01-02", "2024-01-03"),
        # a plain case: Tue 2025-01-14 + 2 months = Fri 2025-03-14 (not "8 weeks": 2025-03-11)
        ("2025-01-14", None, "2025-03-14", "2025-03-15"),
    ],
)
def test_cease_dates(notice: str, certificate: str | None, deadline: str, stop: str) -> None:
    t = sendtime.cease(d(notice), certificate=d(certificate) if certificate else None)
    assert t.ids == ("appeal.mediation-contact", "appeal.deadline", "cease.earliest-stop")
    assert date_of(t, "appeal.deadline") == d(deadline)
    assert date_of(t, "cease.earliest-stop") == d(stop)


def test_the_earliest_stop_says_what_an_appeal_changes() -> None:
    step = sendtime.cease(d("2025-01-14")).step("cease.earliest-stop")
    assert step.kind is Kind.MINIMUM
    assert step.confidence is Confidence.SECONDARY  # CFA s.45's words not seen
    assert step.citation.startswith("Children and Families Act 2014, s.45")
    assert any("maintained until the appeal is determined" in n for n in step.notes)
    assert any("no time limit for the decision to cease" in n for n in step.notes)


def test_certificate_before_notice_is_refused() -> None:
    with pytest.raises(sendtime.BadInput, match="before the notice was sent"):
        sendtime.cease(d("2025-01-14"), certificate=d("2025-01-01"))


def test_cli_and_caseload(cli: Invoke, tmp_path: Path) -> None:
    r = cli(["cease", "2025-01-14", "-f", "csv"])
    assert r.exit_code == 0
    rows = {x["step"]: x["date"] for x in csv.DictReader(io.StringIO(r.stdout))}
    assert rows["cease.earliest-stop"] == "2025-03-15"
    p = tmp_path / "c.csv"
    p.write_text("ref,process,date,certificate\nC1,cease,2023-10-01,2023-11-29\n", encoding="utf-8")
    r = cli(["batch", str(p)])
    assert r.exit_code == 0, r.stderr
    rows = {x["step"]: x["date"] for x in csv.DictReader(io.StringIO(r.stdout))}
    assert rows["appeal.deadline"] == "2024-01-02"
    assert rows["cease.earliest-stop"] == "2024-01-03"
