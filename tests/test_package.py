"""The package: public surface, lazy imports, the rule table's integrity, py.typed."""

from __future__ import annotations

import subprocess
import sys
from importlib import resources

import pytest

import sendtime
from sendtime.engine.model import Method, Unit
from sendtime.law.england.rules import EXCEPTIONS, RULES, RULES_BY_ID
from sendtime.law.england.ruleset import ENGLAND


def test_all_is_sorted_and_importable() -> None:
    assert list(sendtime.__all__) == sorted(sendtime.__all__)
    for name in sendtime.__all__:
        assert hasattr(sendtime, name), name


def test_importing_the_core_loads_no_edge_library() -> None:
    code = (
        "import sys, sendtime, datetime as dt; sendtime.assess(dt.date(2024, 3, 1));"
        "bad = [m for m in ('typer', 'rich', 'pydantic', 'icalendar', 'openpyxl', 'click')"
        " if m in sys.modules]; print(','.join(bad))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ""


def test_plain_assess_json_does_not_import_pydantic_or_rich() -> None:
    code = (
        "import sys, io, contextlib; from sendtime.cli.app import run;"
        "buf = io.StringIO();\n"
        "with contextlib.redirect_stdout(buf): rc = run(['assess', '2024-03-01', '-f', 'json'])\n"
        "print(rc, [m for m in ('pydantic', 'rich.table', 'holidays') if m in sys.modules])"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    # holidays is only imported to rebuild a missing cache; pydantic and rich never on this path
    assert out.stdout.startswith("0 ")
    assert "pydantic" not in out.stdout
    assert "rich.table" not in out.stdout


def test_py_typed_is_shipped() -> None:
    assert resources.files("sendtime").joinpath("py.typed").is_file()


def test_rule_ids_unique_and_cited() -> None:
    ids = [r.id for r in RULES]
    assert len(ids) == len(set(ids))
    for r in RULES:
        assert r.cites, r.id
        assert r.wording, r.id
        assert r.title, r.id
        assert "." in r.id
        if r.method is Method.BEFORE_FIXED:
            assert r.fixed is not None
        if r.method is Method.LATER_OF:
            assert r.parts
            assert all(p in RULES_BY_ID for p in r.parts)


def test_processes_name_existing_rules_in_anchor_order() -> None:
    for process, ids in ENGLAND.processes.items():
        seen: set[str] = set()
        for rid in ids:
            rule = RULES_BY_ID[rid]
            for anchor in (rule.anchor, *rule.fallback, *rule.parts):
                if anchor in ids:
                    assert anchor in seen, f"{process}: {rid} needs {anchor} earlier"
            seen.add(rid)
        assert process in ENGLAND.triggers


def test_exception_rows_name_existing_steps() -> None:
    for e in EXCEPTIONS:
        for sid in e.steps:
            assert sid in RULES_BY_ID


def test_within_only_in_days_or_weeks() -> None:
    for r in RULES:
        if r.method is Method.WITHIN:
            assert r.unit in (Unit.DAYS, Unit.WEEKS), r.id


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("sendtime.batch", "sendtime.io.batch"),
        ("sendtime.rulefile", "sendtime.io.rulefile"),
        ("sendtime.registry", "sendtime.law.england.processes"),
    ],
)
def test_old_import_paths_warn_and_alias_the_moved_module(old: str, new: str) -> None:
    import importlib
    import sys

    sys.modules.pop(old, None)
    with pytest.warns(DeprecationWarning, match=new.replace(".", r"\.")):
        mod = importlib.import_module(old)
    assert mod is importlib.import_module(new)


def test_the_registry_names_each_process_once_and_its_columns_match_its_function() -> None:
    import inspect

    from sendtime.law.england.processes import BATCH, REGISTRY, TABLE

    assert len(REGISTRY) == len(TABLE)
    for p in TABLE:
        fn = p.load()
        if p.name in sendtime.__all__:  # the library's name comes from the registry
            assert getattr(sendtime, p.name) is fn
        params = inspect.signature(fn).parameters
        needed = {
            n
            for n, x in params.items()
            if x.kind is inspect.Parameter.KEYWORD_ONLY and x.default is inspect.Parameter.empty
        }
        if p.name in BATCH:
            assert {c.arg for c in p.params if c.required} == needed, p.name
            assert {c.arg for c in p.params} <= set(params), p.name
        assert "options" in params, p.name  # every process reads one Options record
