"""Every document a docstring, comment or page names is in this repository (issue 13, item 23).

The public contract lives in the repository's docs: a reference to a file someone with only
the repo cannot open (a spec page in the developers' shared folder) is a defect.
"""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).parent.parent
MD = re.compile(r"(?<![\w/.-])([\w./-]*[\w-]\.md)\b")


def _sources() -> list[Path]:
    files = [*ROOT.glob("src/**/*.py"), *ROOT.glob("docs/**/*.md"), *ROOT.glob("examples/*")]
    files += [ROOT / n for n in ("README.md", "RELIABILITY.md", "CHANGELOG.md")]
    return [f for f in files if f.is_file()]


def test_every_md_reference_resolves_inside_the_repo() -> None:
    missing = []
    for f in _sources():
        text = f.read_text(encoding="utf-8", errors="replace")
        for m in MD.finditer(text):
            name = m[1]
            if "://" in text[max(0, m.start() - 60) : m.start()]:
                continue  # a web address
            candidates = (ROOT / name, ROOT / "docs" / name, f.parent / name)
            inside = [c for c in candidates if c.resolve().is_relative_to(ROOT.resolve())]
            if not any(c.is_file() for c in inside):  # a file beside the checkout is not the repo's
                missing.append(f"{f.relative_to(ROOT)}: {name}")
    assert missing == []
