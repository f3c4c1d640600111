"""Hostile input: random command lines never crash, and every refusal is one clear line.

Every run must exit 0, 2, 3 or 4 with no traceback; exit 2 comes with exactly one line on stderr.
The commands and their options are read from the app, so new commands are fuzzed too.
"""

from __future__ import annotations

import datetime as dt

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.main import get_command

from sendtime.cli.app import load_commands
from tests.conftest import GOVUK, ROOT, Invoke

app = load_commands()

GROUP = get_command(app)
COMMANDS: dict[str, list[str]] = {
    name: sorted(opt for p in cmd.params for opt in p.opts if opt.startswith("--"))
    for name, cmd in GROUP.commands.items()  # type: ignore[attr-defined]
}
FILES = [
    str(ROOT / "examples" / "terms-staffordshire-2025-26.toml"),
    str(GOVUK),
    str(ROOT / "README.md"),
    str(ROOT),
    "/no/such/file.toml",
    "",
]
WORDS = [
    "table",
    "json",
    "csv",
    "ics",
    "calendar",
    "xlsx",
    "exclusive",
    "inclusive",
    "first",
    "second",
    "hand",
    "email",
    "school",
    "post16",
    "personal",
    "absence:2024-01-01..2024-02-01",
    "assess",
    "make-plan",
    "england-and-wales",
    "scotland",
    "6w",
    "16:29",
    "[/x]",
    "[[term]",
    "-1",
    "0",
    "7",
    "2026",
    "99999",
    "\x00",
    "é£",
    "--",
    "-",
    "assess.final",
    "--help",
]


def _dates() -> st.SearchStrategy[str]:
    real = st.dates(dt.date(2010, 1, 1), dt.date(2045, 12, 31)).map(dt.date.isoformat)
    odd = st.sampled_from(
        [
            "2024-02-30",
            "01/03/2024",
            "1/3/2024",
            "20240301",
            "2024-W09-5",
            "2024-13-01",
            "0000-01-01",
            "9999-12-31",
            "2014-08-31",
            "2024-02-29",
            "2023-02-29",
            "today",
        ]
    )
    return st.one_of(real, odd)


@st.composite
def command_lines(draw: st.DrawFn) -> list[str]:
    name = draw(st.sampled_from(sorted(COMMANDS)))
    argv = [name]
    positional = draw(st.integers(0, 9))
    if positional < 6:
        argv.append(draw(st.dates(dt.date(2014, 9, 1), dt.date(2040, 12, 31))).isoformat())
    elif positional < 9:
        argv.append(draw(st.one_of(_dates(), st.sampled_from(WORDS))))
    for _ in range(draw(st.integers(0, 4))):
        opts = COMMANDS[name] or ["--format"]
        opt = draw(st.sampled_from([*opts, "--bogus"]))
        value = draw(
            st.one_of(
                _dates(), st.sampled_from(WORDS), st.sampled_from(FILES), st.text(max_size=12)
            )
        )
        argv.extend([opt, value])
    return argv


@settings(
    max_examples=300,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(argv=command_lines())
def test_random_command_lines_never_crash(cli: Invoke, argv: list[str]) -> None:
    r = cli(argv)
    assert r.exit_code in (0, 2, 3, 4), (argv, r.exit_code, r.stderr)
    assert "Traceback" not in r.stderr
    assert "internal error" not in r.stderr
    if r.exit_code in (2, 3):
        lines = r.stderr.strip().splitlines()
        errors = [line for line in lines if line.startswith("sendtime: error: ")]
        assert len(errors) == 1, (argv, r.stderr)
        assert errors[0] == lines[-1]
