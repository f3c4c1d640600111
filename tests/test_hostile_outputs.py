"""Outputs whole or not at all, never over an input, never shortened by a closed stderr (issue 13).

Items 1, 2, 5, 6 and 7: the XLSX sink's cells, a closed stderr pipe, atomic outputs under
SIGINT/SIGTERM, outputs compared with every input by device and inode, a full disk.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.conftest import Invoke

TERMS = Path(__file__).parent.parent / "examples" / "terms-staffordshire-2025-26.toml"
RULES = Path(__file__).parent.parent / "examples" / "local-rules.toml"
GOVUK = Path(__file__).parent / "data" / "govuk-bank-holidays-2012-2028.json"


def caseload(tmp_path: Path, n: int, *, bad_every: int = 0, name: str = "c.csv") -> Path:
    lines = ["ref,process,date,phone,school"]
    for i in range(n):
        date = "2026-02-30" if bad_every and i % bad_every == 0 else f"2026-0{1 + i % 9}-1{i % 10}"
        lines.append(f"EHC-{i},assess,{date},+4477009{i:05d},School {i}")
    p = tmp_path / name
    p.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return p


def sendtime_cmd(*args: str | Path) -> list[str]:
    return [sys.executable, "-m", "sendtime", *map(str, args)]


def env(tmp: Path) -> dict[str, str]:
    e = dict(os.environ)
    e["TMPDIR"] = str(tmp)
    e.pop("SENDTIME_DEBUG", None)
    return e


# ----------------------------------------------------------------------------- 1. XLSX cells
def test_xlsx_every_cell_is_its_own_and_text_stays_text(cli: Invoke, tmp_path: Path) -> None:
    """A pass-through '+44...' cell must not move into other columns or rows (cell reuse)."""
    from openpyxl import load_workbook

    text = (
        'ref,process,date,phone,note,=HYPERLINK("x")\n'
        "EHC-1,assess,2026-09-07,+447700900123,hello,#N/A\n"
        "EHC-2,assess,2026-09-08,=1+2,-3,@SUM(A1)\n"
    )
    p = tmp_path / "c.csv"
    p.write_text(text, encoding="utf-8")
    out = tmp_path / "o.xlsx"
    r = cli(["batch", str(p), "-f", "xlsx", "-o", str(out), "--today", "2026-09-01"])
    assert r.exit_code == 0, r.stderr
    ws = load_workbook(out).active
    assert ws is not None
    rows = list(ws.iter_rows())
    header = [c.value for c in rows[0]]
    assert header[-3:] == ["phone", "note", '=HYPERLINK("x")']
    assert rows[0][-1].data_type == "s"  # a header is never a live formula (item 9)
    by_ref: dict[str, set[tuple[object, ...]]] = {}
    for row in rows[1:]:
        by_ref.setdefault(str(row[0].value), set()).add(
            tuple((c.value, c.data_type) for c in row[-3:])
        )
    assert by_ref["EHC-1"] == {(("+447700900123", "s"), ("hello", "s"), ("#N/A", "s"))}
    assert by_ref["EHC-2"] == {(("=1+2", "s"), ("-3", "s"), ("@SUM(A1)", "s"))}


# ----------------------------------------------------------------------------- 2. closed stderr
def _closed_stderr_run(args: list[str], tmp_path: Path) -> tuple[int, bytes]:
    r, w = os.pipe()
    os.close(r)  # nobody reads stderr: every write to it fails with EPIPE
    try:
        proc = subprocess.run(
            sendtime_cmd(*args), stdout=subprocess.PIPE, stderr=w, env=env(tmp_path), timeout=120
        )
    finally:
        os.close(w)
    return proc.returncode, proc.stdout


def test_closed_stderr_never_shortens_batch(tmp_path: Path) -> None:
    p = caseload(tmp_path, 600, bad_every=3)
    out = tmp_path / "out.csv"
    args = ["batch", str(p), "-o", str(out), "--today", "2026-01-01"]
    code, _ = _closed_stderr_run(args, tmp_path)
    assert code == 2  # bad rows, not a quiet 0
    refs = {line.split(",", 1)[0] for line in out.read_text(encoding="utf-8").splitlines()[1:]}
    assert refs == {f"EHC-{i}" for i in range(600) if i % 3}


def test_closed_stderr_never_shortens_due(tmp_path: Path) -> None:
    p = caseload(tmp_path, 300, bad_every=3)
    args = ["due", str(p), "--today", "2026-01-01", "--within", "3000", "-f", "csv"]
    code, stdout = _closed_stderr_run(args, tmp_path)
    assert code == 2
    refs = {line.split(",", 1)[0] for line in stdout.decode().splitlines()[1:]}
    assert refs == {f"EHC-{i}" for i in range(300) if i % 3}


# ----------------------------------------------------------------------------- 5. atomic outputs
def _wait_for_work(folder: Path, before: dict[str, bytes], tmpdir: Path, proc: object) -> None:
    """Until the run has started writing (a changed file, a new file, an openpyxl temp)."""
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        now = {p.name for p in folder.iterdir()}
        changed = any(
            (folder / n).exists() and (folder / n).stat().st_size != len(b)
            for n, b in before.items()
        )
        if changed or now - set(before) or any(tmpdir.iterdir()):
            return
        time.sleep(0.02)
    pytest.fail("the batch never started writing")


@pytest.mark.slow
@pytest.mark.parametrize(
    ("sig", "fmt"),
    [(signal.SIGINT, "csv"), (signal.SIGTERM, "csv"), (signal.SIGTERM, "xlsx")],
)
def test_interrupted_run_leaves_previous_outputs_and_no_temp_files(
    tmp_path: Path, sig: signal.Signals, fmt: str
) -> None:
    work, tmp = tmp_path / "work", tmp_path / "tmp"
    work.mkdir()
    tmp.mkdir()
    p = caseload(work, 40_000, bad_every=97)
    out, errors = work / f"out.{fmt}", work / "errors.jsonl"
    out.write_bytes(b"previous complete output\n")
    errors.write_bytes(b"previous errors\n")
    before = {q.name: q.read_bytes() for q in work.iterdir()}
    args: list[str | Path] = [
        *("batch", p, "-f", fmt, "-o", out, "--errors", errors, "--today", "2026-01-01")
    ]
    proc = subprocess.Popen(
        sendtime_cmd(*args), stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env(tmp)
    )
    _wait_for_work(work, before, tmp, proc)
    time.sleep(0.3)
    proc.send_signal(sig)
    _, err = proc.communicate(timeout=60)
    assert proc.returncode == 128 + sig
    assert err.decode().splitlines()[-1] == "sendtime: interrupted: no output written"
    assert "Traceback" not in err.decode()
    assert {q.name: q.read_bytes() for q in work.iterdir()} == before  # untouched, no temps
    assert list(tmp.iterdir()) == []  # openpyxl's temporary sheet too


def test_outputs_appear_together_on_success(cli: Invoke, tmp_path: Path) -> None:
    p = caseload(tmp_path, 10, bad_every=4)
    out, errors = tmp_path / "out.csv", tmp_path / "e.jsonl"
    r = cli(["batch", str(p), "-o", str(out), "--errors", str(errors), "--today", "2026-01-01"])
    assert r.exit_code == 2
    assert len(out.read_text(encoding="utf-8").splitlines()) > 10
    assert len(errors.read_text(encoding="utf-8").splitlines()) == 3
    assert sorted(q.name for q in tmp_path.iterdir()) == ["c.csv", "e.jsonl", "out.csv"]


# ----------------------------------------------------------------------------- 6. inputs by inode
def _terms_caseload(tmp_path: Path) -> Path:
    shutil.copy(TERMS, tmp_path / "terms.toml")
    shutil.copy(RULES, tmp_path / "rules.toml")
    p = tmp_path / "c.csv"
    p.write_text(
        "ref,process,date,terms\nEHC-1,assess,2025-10-01,row-terms.toml\n", encoding="utf-8"
    )
    shutil.copy(TERMS, tmp_path / "row-terms.toml")
    return p


@pytest.mark.parametrize(
    ("option", "target", "extra"),
    [
        ("-o", "terms.toml", ["--terms", "terms.toml"]),
        ("--errors", "rules.toml", ["--rules", "rules.toml"]),
        ("-o", "govuk.json", ["--bank-holidays", "govuk.json"]),
        ("-o", "row-terms.toml", []),  # a file a row names
        ("-o", "hard.csv", []),  # a hard link to the caseload
        ("--errors", "soft.csv", []),  # a symlink to the caseload
        ("-o", "sub/../c.csv", []),
    ],
)
def test_no_output_over_any_input(
    cli: Invoke,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    option: str,
    target: str,
    extra: list[str],
) -> None:
    p = _terms_caseload(tmp_path)
    shutil.copy(GOVUK, tmp_path / "govuk.json")
    os.link(p, tmp_path / "hard.csv")
    (tmp_path / "soft.csv").symlink_to(p)
    (tmp_path / "sub").mkdir()
    monkeypatch.chdir(tmp_path)
    before = {q.name: q.read_bytes() for q in tmp_path.iterdir() if q.is_file()}
    r = cli(["batch", "c.csv", option, target, *extra, "--today", "2025-09-01"])
    assert r.exit_code == 2, r.stderr
    assert "which this run reads; expected a different file" in r.stderr
    assert len(r.stderr.splitlines()) == 1
    assert {q.name: q.read_bytes() for q in tmp_path.iterdir() if q.is_file()} == before


def test_svg_not_over_the_terms_file(cli: Invoke, tmp_path: Path) -> None:
    terms = tmp_path / "terms.toml"
    shutil.copy(TERMS, terms)
    before = terms.read_bytes()
    r = cli(["assess", "2025-10-01", "--terms", str(terms), "-f", "calendar", "--svg", str(terms)])
    assert r.exit_code == 2
    assert "--svg" in r.stderr
    assert terms.read_bytes() == before


# ----------------------------------------------------------------------------- 7. full disk
def _limited(limit: int) -> None:
    import resource

    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # a write past the limit fails with EFBIG
    resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))


@pytest.mark.parametrize("fmt", ["csv", "xlsx", "ics"])
def test_full_disk_is_one_line_naming_the_file(tmp_path: Path, fmt: str) -> None:
    work = tmp_path / "work"
    work.mkdir()
    p = caseload(work, 400)
    out = work / f"out.{fmt}"
    out.write_bytes(b"previous\n")
    proc = subprocess.run(
        sendtime_cmd("batch", p, "-f", fmt, "-o", out, "--today", "2026-01-01"),
        capture_output=True,
        env=env(tmp_path),
        preexec_fn=lambda: _limited(40_000),  # the limit is the point
        timeout=120,
        check=False,
    )
    err = proc.stderr.decode()
    assert proc.returncode == 2, err
    assert len(err.splitlines()) == 1
    assert f"-o {out}: cannot be written (File too large)" in err
    assert out.read_bytes() == b"previous\n"
    assert sorted(q.name for q in work.iterdir()) == ["c.csv", f"out.{fmt}"]
