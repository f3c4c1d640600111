"""Local-rules files: the TOML format, one-line errors naming file, rule and field, the cache."""

from __future__ import annotations

from pathlib import Path

import pytest

import sendtime
from sendtime import Calendar, Unit
from sendtime.engine.errors import BadInput
from sendtime.engine.localrules import Direction
from sendtime.io.rulefile import RuleFiles, load_local_rules, parse_local_rules
from sendtime.law.england.local import known_anchors
from sendtime.law.england.rules import RULES_BY_ID
from tests.conftest import EXAMPLES, d

COUNCIL = EXAMPLES / "local-rules-council.toml"
FULL = EXAMPLES / "local-rules.toml"
REVIEW_IDS = {"review.latest-meeting", "review.report"}
HAS_REVIEW = set(RULES_BY_ID) >= REVIEW_IDS

GOOD = """
[[rule]]
id = "local.hco-contact"
title = "Health co-ordinator contacts the family"
after = "assess.decision"
offset = "1 week"
source = "Kent SEND service: within a week of the decision to assess"
"""


def entry(**fields: object) -> str:
    base: dict[str, object] = {
        "id": "local.a",
        "title": "A",
        "after": "assess.decision",
        "offset": "1 week",
        "source": "Our policy",
    }
    base.update(fields)
    lines = ["[[rule]]"]
    for k, v in base.items():
        if v is not None:
            lines.append(f"{k} = {v!r}".replace("'", '"') if isinstance(v, str) else f"{k} = {v}")
    return "\n".join(lines) + "\n"


def test_a_rule_is_read_with_every_field() -> None:
    (r,) = parse_local_rules(GOOD, "rules.toml")
    assert r.id == "local.hco-contact"
    assert r.title == "Health co-ordinator contacts the family"
    assert r.after == "assess.decision"
    assert (r.amount, r.unit, r.direction) == (1, Unit.WEEKS, Direction.AFTER)
    assert r.source == "Kent SEND service: within a week of the decision to assess"
    assert r.file == "rules.toml"
    assert r.offset == "1 week after"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # unknown anchor
        (
            entry(after="assess.decison"),
            "--rules f.toml: rule local.a, field after: unknown anchor 'assess.decison'",
        ),
        (
            entry(after="review.latest-meetin"),
            "--rules f.toml: rule local.a, field after: unknown anchor 'review.latest-meetin'",
        ),
        (
            entry(after="nosuch.trigger"),
            "--rules f.toml: rule local.a, field after: unknown anchor 'nosuch.trigger'",
        ),
        # unreadable offset
        (
            entry(offset="six weeks"),
            "--rules f.toml: rule local.a, field offset: unreadable offset 'six weeks': expected",
        ),
        (
            entry(offset="-6 weeks before"),
            "--rules f.toml: rule local.a, field offset: unreadable offset '-6 weeks before'",
        ),
        (
            entry(offset=6),
            "--rules f.toml: rule local.a, field offset: expected non-empty text in quotes, got 6",
        ),
        # cycle
        (
            entry(id="local.a", after="local.b") + entry(id="local.b", after="local.a"),
            "--rules f.toml: rule local.a, field after: cycle local.a -> local.b -> local.a",
        ),
        # duplicate id
        (
            entry() + entry(after="assess.final"),
            "--rules f.toml: rule local.a, field id: duplicate id (also rule #1 of the file)",
        ),
        # id not starting with local.
        (
            entry(id="hco-contact"),
            "--rules f.toml: rule hco-contact, field id: 'hco-contact' must start with 'local.'",
        ),
        # missing, empty and unknown fields
        (entry(title=None), "--rules f.toml: rule local.a, field title: missing"),
        (entry(id=None), "--rules f.toml: rule #1, field id: missing"),
        (entry(source=""), "--rules f.toml: rule local.a, field source: expected non-empty text"),
        (
            entry(ofset="1 week"),
            "--rules f.toml: rule local.a, field ofset: unknown field; expected only id, title",
        ),
        # the file as a whole
        ("[[rule]\n", "--rules f.toml: not valid TOML"),
        ('title = "x"\n', "--rules f.toml: unexpected 'title'; expected only [[rule]] tables"),
        ("rule = 3\n", "--rules f.toml: no [[rule]] entries"),
        ("rule = [3]\n", "--rules f.toml: rule #1: expected a [[rule]] table"),
    ],
)
def test_each_error_is_one_line_naming_file_rule_and_field(text: str, expected: str) -> None:
    with pytest.raises(BadInput) as exc:
        parse_local_rules(text, "f.toml")
    assert str(exc.value).startswith(expected)
    assert "\n" not in str(exc.value)


def test_the_second_rule_is_named_by_position_when_it_has_no_id() -> None:
    with pytest.raises(BadInput, match=r"^--rules f\.toml: rule #2, field id: missing$"):
        parse_local_rules(entry() + entry(id=None), "f.toml")


@pytest.mark.parametrize(
    ("content", "expected"),
    [(None, "no such file"), ("", "the file is empty"), ("  \n", "the file is empty")],
)
def test_unreadable_files_are_named(tmp_path: Path, content: str | None, expected: str) -> None:
    path = tmp_path / "rules.toml"
    if content is not None:
        path.write_text(content, encoding="utf-8")
    with pytest.raises(BadInput, match=f"^--rules {path}: {expected}"):
        load_local_rules(path)


def test_the_council_example_loads_and_applies_to_assess() -> None:
    rules = load_local_rules(COUNCIL)
    assert [r.id for r in rules] == [
        "local.acknowledge",
        "local.panel",
        "local.hco-contact",
        "local.keyworker-call",
        "local.draft-check",
    ]
    t = sendtime.apply_local_rules(
        sendtime.assess(d("2025-01-10")), rules, calendar=Calendar(), today=None
    )
    dates = {s.id: s.date for s in t.steps if s.id.startswith("local.")}
    assert dates == {
        "local.acknowledge": d("2025-01-15"),
        "local.panel": d("2025-02-14"),
        "local.hco-contact": d("2025-02-28"),
        "local.keyworker-call": d("2025-03-14"),
        "local.draft-check": d("2025-04-11"),
    }


def test_the_full_example_is_valid_given_the_review_steps() -> None:
    # review.* steps come from the review branch; until it is merged, a test-only fake set.
    rules = parse_local_rules(
        FULL.read_text(encoding="utf-8"), str(FULL), known=known_anchors() | REVIEW_IDS
    )
    by_id = {r.id: r for r in rules}
    assert (by_id["local.book-meeting"].amount, by_id["local.book-meeting"].unit) == (8, Unit.WEEKS)
    assert by_id["local.book-meeting"].direction is Direction.BEFORE
    assert by_id["local.invitations"].after == "review.meeting"
    assert by_id["local.pupil-views"].after == "local.invitations"


@pytest.mark.skipif(not HAS_REVIEW, reason="needs the review steps (review branch) in RULES")
def test_the_full_example_loads_against_the_real_rule_table() -> None:
    assert len(load_local_rules(FULL)) == 7


def test_the_library_loader_is_exported() -> None:
    assert sendtime.load_local_rules(str(COUNCIL))[0].id == "local.acknowledge"


# ------------------------------------------------------------------------------ batch helper
def test_rule_files_resolve_relative_to_the_caseload_folder_and_read_once(tmp_path: Path) -> None:
    sub = tmp_path / "rules"
    sub.mkdir()
    path = sub / "school.toml"
    path.write_text(GOOD, encoding="utf-8")
    files = RuleFiles(tmp_path, what="rules column")
    t = sendtime.assess(d("2025-01-10"))
    out = files.apply(t, "rules/school.toml", calendar=Calendar())
    assert out.step("local.hco-contact").date == d("2025-02-28")
    path.write_text("not toml [", encoding="utf-8")  # the cached rules are used from now on
    again = files.apply(t, " rules/school.toml ", calendar=Calendar())
    assert again.step("local.hco-contact").date == d("2025-02-28")
    assert files.apply(t, "", calendar=Calendar()) is t
    assert files.apply(t, None, calendar=Calendar()) is t


def test_rule_files_raise_a_bad_files_error_for_every_row(tmp_path: Path) -> None:
    (tmp_path / "bad.toml").write_text(entry(offset="soon"), encoding="utf-8")
    files = RuleFiles(tmp_path, what="rules column")
    t = sendtime.assess(d("2025-01-10"))
    for _ in range(2):
        with pytest.raises(
            BadInput, match=r"^rules column .*bad\.toml: rule local\.a, field offset"
        ):
            files.apply(t, "bad.toml", calendar=Calendar())
    with pytest.raises(BadInput, match="no such file"):
        files.load("missing.toml")
