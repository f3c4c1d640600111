"""Hostile file contents: random caseloads, workbooks, term and rules files (issue 13).

The command-line fuzzer (test_fuzz_cli.py) varies arguments; this one varies what is inside
the files. Every run must exit 0, 2 or 4 (never 1, never a traceback); every stderr line is a
`sendtime:` line or a JSON error record; no control character reaches stderr raw; and no
row is lost: each data row is either in the output or reported by its line.
"""

from __future__ import annotations

import csv
import io
import json
import zipfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.conftest import Invoke

FUZZ = settings(
    max_examples=60, suppress_health_check=[HealthCheck.function_scoped_fixture], deadline=None
)
PIECES = st.sampled_from(
    [
        '"',
        '""',
        ",",
        "\n",
        "\r",
        "\r\n",
        "=",
        "+44",
        "-",
        "@",
        "\x1b[31m",
        "\x00",
        "\u202e",
        "2024-03-01",
        "2024-02-30",
        "01/03/2024",
        "assess",
        "appeal",
        "pupil",
        "asses",
        " ",
        "x" * 200,
        "é",
        "\ufeff",
        "'",
        ";",
        "absence:2024-01-01..2024-02-01",
    ]
)
CELL = st.lists(PIECES, max_size=4).map("".join)


def _check(r: object, *, allowed: tuple[int, ...] = (0, 2, 4)) -> None:
    code, err = getattr(r, "exit_code", None), str(getattr(r, "stderr", ""))
    assert code in allowed, err
    assert "Traceback" not in err
    assert "\x1b" not in err
    assert "\x00" not in err
    for line in err.splitlines():
        assert line.startswith(("sendtime: ", '{"ref"')), line


@FUZZ
@given(rows=st.lists(st.lists(CELL, min_size=1, max_size=5), max_size=8))
def test_random_csv_contents(cli: Invoke, tmp_path_factory: object, rows: list[list[str]]) -> None:
    folder: Path = tmp_path_factory.mktemp("fz")  # type: ignore[attr-defined]
    body = "ref,process,date,note\n" + "\n".join(",".join(r) for r in rows) + "\n"
    p = folder / "c.csv"
    p.write_bytes(body.encode("utf-8", "surrogatepass"))
    r = cli(["batch", str(p), "--today", "2024-03-01", "-f", "csv"])
    _check(r)
    if r.exit_code in (0, 2):
        out = list(csv.DictReader(io.StringIO(r.stdout)))
        assert not any(line.startswith(("=", "+", "-", "@")) for line in r.stdout.splitlines())
        bad = [json.loads(x) for x in r.stderr.splitlines() if x.startswith('{"ref"')]
        records = list(csv.reader(io.StringIO(body, newline=""), strict=False))[1:]
        has_data = any(c.strip() for rec in records for c in rec)
        if has_data:  # a data row is either out or reported by its line, never dropped
            assert out or bad


@FUZZ
@given(
    parts=st.lists(
        st.tuples(
            st.sampled_from(["xl/worksheets/sheet1.xml", "xl/workbook.xml", "[Content_Types].xml"]),
            st.sampled_from([b"", b"<", b"<worksheet>", b"\x00\xff", b"<?xml?><a>&x;</a>"]),
        ),
        max_size=3,
    ),
    truncate=st.integers(0, 4000),
)
def test_random_xlsx_archives(
    cli: Invoke, tmp_path_factory: object, parts: list[tuple[str, bytes]], truncate: int
) -> None:
    from openpyxl import Workbook

    folder: Path = tmp_path_factory.mktemp("fx")  # type: ignore[attr-defined]
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.append(["ref", "process", "date"])
    ws.append(["A1", "assess", "2024-03-01"])
    p = folder / "c.xlsx"
    wb.save(p)
    if parts:
        with zipfile.ZipFile(p) as z:
            files = {i.filename: z.read(i.filename) for i in z.infolist()}
        files.update(dict(parts))
        with zipfile.ZipFile(p, "w") as z:
            for name, data in files.items():
                z.writestr(name, data)
    if truncate:
        p.write_bytes(p.read_bytes()[:truncate])
    _check(cli(["batch", str(p), "--today", "2024-03-01"]))


@FUZZ
@given(
    depth=st.integers(1, 3000),
    opener=st.sampled_from(["[", "{a = ", "[[", "a = ["]),
    kind=st.sampled_from(["--terms", "--rules"]),
)
def test_nested_toml(
    cli: Invoke, tmp_path_factory: object, depth: int, opener: str, kind: str
) -> None:
    folder: Path = tmp_path_factory.mktemp("ft")  # type: ignore[attr-defined]
    p = folder / "f.toml"
    p.write_text("x = " + opener * depth + "\n", encoding="utf-8")
    _check(cli(["assess", "2024-03-01", kind, str(p)]), allowed=(2,))


ICS_DATE = st.one_of(
    st.dates(min_value=__import__("datetime").date(1, 1, 1)).map(lambda d: d.strftime("%Y%m%d")),
    st.sampled_from(["99991231", "00010101", "2024", "x", ""]),
)


@FUZZ
@given(
    events=st.lists(
        st.tuples(
            st.sampled_from(["Autumn term", "Half term", "INSET closure", "\x1b[2J", ""]),
            ICS_DATE,
            st.one_of(st.none(), ICS_DATE),
            st.one_of(st.none(), st.sampled_from(["P1D", "P99999999D", "-P5D", "PT1H", "Pjunk"])),
        ),
        max_size=6,
    )
)
def test_random_ics_terms(
    cli: Invoke, tmp_path_factory: object, events: list[tuple[str, str, str | None, str | None]]
) -> None:
    folder: Path = tmp_path_factory.mktemp("fi")  # type: ignore[attr-defined]
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:x"]
    for summary, start, end, duration in events:
        lines += ["BEGIN:VEVENT", f"SUMMARY:{summary}", f"DTSTART;VALUE=DATE:{start}"]
        if end is not None:
            lines.append(f"DTEND;VALUE=DATE:{end}")
        if duration is not None:
            lines.append(f"DURATION:{duration}")
        lines.append("END:VEVENT")
    lines.append("END:VCALENDAR")
    p = folder / "t.ics"
    p.write_text("\r\n".join(lines) + "\r\n", encoding="utf-8")
    _check(cli(["assess", "2024-03-01", "--terms", str(p)]), allowed=(0, 2))
