"""Golden files: one JSON document per scenario, so a rule change shows up as a reviewed diff.

Check: the tests (tests/test_golden.py). Regenerate after an intended change:
    python tests/golden.py --regenerate
"""

from __future__ import annotations

import io
import json
import re
import sys
from contextlib import redirect_stderr, redirect_stdout
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
GOLDEN = Path(__file__).resolve().parent / "data" / "golden"
TERMS = "examples/terms-staffordshire-2025-26.toml"
SUMMER = "examples/terms-illustrative-summer-2025.toml"
RULES = "examples/local-rules.toml"
WALES_TERMS = "examples/terms-wales-illustrative-2025-26.toml"
TODAY = ["--today", "2025-11-01"]

SCENARIOS: dict[str, list[str]] = {
    "assess-2024-03-01": ["assess", "2024-03-01"],
    "assess-inclusive": ["assess", "2024-03-01", "--counting", "inclusive"],
    "assess-advice-closure": [
        "assess",
        "2025-06-10",
        "--advice-requested",
        "2025-07-15",
        "--terms",
        SUMMER,
    ],
    "assess-absence": ["assess", "2024-03-01", "--exception", "absence:2024-03-10..2024-04-30"],
    "assess-posted": ["assess", "--posted", "2024-02-28", "--post", "first"],
    "assess-covid": ["assess", "2020-03-02"],
    "draft-served": ["draft", "2025-03-03"],
    "draft-delivered": ["draft", "--delivered", "2025-03-07", "--by", "email", "--at", "17:00"],
    "review-2019-01-01": ["review", "2019-01-01"],
    "review-terms-rules": ["review", "2025-03-17", "--terms", TERMS, "--rules", RULES],
    "review-leap-day": ["review", "2024-02-29"],
    "amend-posted": ["amend", "2025-06-02", "--posted", "2025-06-02", "--post", "second"],
    "transfer-school-2026": ["transfer", "2026", "--kind", "school"],
    "transfer-post16-other": [
        "transfer",
        "--kind",
        "post16-other",
        "--transfer-date",
        "2026-09-01",
    ],
    "appeal-ipsea": ["appeal", "2023-10-01", "--certificate", "2023-11-29"],
    "appeal-august": ["appeal", "2025-06-15"],
    "order-make-plan": ["order", "2025-03-03", "--type", "make-plan"],
    "order-unopposed": ["order", "2025-03-03", "--type", "assess", "--unopposed"],
    "mediation-other": ["mediation", "2025-03-03", "--type", "other"],
    "move-easter": ["move", "2025-05-19", "--aware", "2025-04-14", "--plan-date", "2024-11-01"],
    "reassess": ["reassess", "2025-02-03"],
    "pupil-year-6": ["pupil", "--dob", "2015-03-10", *TODAY],
    "support-staffordshire": ["support", "--terms", TERMS, "--every", "6w"],
    # Wales (docs/wales.md)
    "wales-idp-school-christmas": ["wales", "idp", "2025-11-03", "--terms", WALES_TERMS],
    "wales-idp-fei": ["wales", "idp", "2025-10-03", "--by", "fei", "--terms", WALES_TERMS],
    "wales-idp-la": ["wales", "idp", "2025-10-02", "--by", "la"],
    "wales-reconsider": ["wales", "reconsider", "2025-11-03"],
    "wales-not-necessary-roll": ["wales", "not-necessary", "2025-02-10"],
    "wales-nhs-referral-christmas": ["wales", "nhs-referral", "2025-11-13"],
    "wales-cease-reconsider-easter": ["wales", "cease-reconsider", "2026-03-06"],
    "wales-fei-transfer": ["wales", "fei-transfer", "2026-02-12", "--terms", WALES_TERMS],
    "wales-review": ["wales", "review", "2026-03-15"],
    "wales-appeal": ["wales", "appeal", "2025-03-10"],
    "wales-appeal-dispute-resolution": [
        "wales",
        "appeal",
        "2025-01-06",
        "--referred",
        "2025-02-01",
    ],
    "wales-not-necessary-beyond-control": [
        "wales",
        "not-necessary",
        "2025-02-11",
        "--exception",
        "beyond-control",
    ],
}
VERSION = re.compile(r"holidays \d+\.\d+(?:\.\d+)?")


def render(argv: list[str]) -> str:
    """The scenario's JSON, with the holidays version masked (it changes with each release)."""
    from sendtime.cli.app import run

    out, err = io.StringIO(), io.StringIO()
    with redirect_stdout(out), redirect_stderr(err):
        code = run([*argv, "--format", "json", *([] if "--today" in argv else TODAY)])
    if code != 0:
        msg = f"{argv}: exit {code}: {err.getvalue()}"
        raise RuntimeError(msg)
    doc = json.loads(out.getvalue())
    return VERSION.sub("holidays N", json.dumps(doc, indent=2, ensure_ascii=False)) + "\n"


def path(name: str) -> Path:
    """The golden file of a scenario."""
    return GOLDEN / f"{name}.json"


if __name__ == "__main__":
    import os

    os.chdir(ROOT)
    if "--regenerate" not in sys.argv:
        sys.exit("usage: python tests/golden.py --regenerate")
    sys.path.insert(0, str(ROOT))
    for name, argv in SCENARIOS.items():
        path(name).write_text(render(argv), encoding="utf-8")
    sys.stdout.write(f"{len(SCENARIOS)} golden files written to {GOLDEN}\n")
