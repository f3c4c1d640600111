"""--format html: a self-contained, accessible page; structure always, a real browser if present.

The browser tests run Debian's chromium headless (skipped when it is not installed): a
screenshot, a print to PDF on A4, and a measurement of the layout at the A4 print width, at
200% zoom and at 320 CSS pixels (a harness copy of the page gets a measuring script; the page
itself has none).
"""

from __future__ import annotations

import datetime as dt
import json
import re
import shutil
import subprocess
import tempfile
from dataclasses import dataclass, replace
from html.parser import HTMLParser
from pathlib import Path

import pytest

from sendtime.engine.model import Step, Timeline
from sendtime.law.england.assess import assess
from sendtime.law.england.tribunal import appeal
from sendtime.render.html import timeline_html
from tests.conftest import Invoke, d


class Page(HTMLParser):
    """The parts of a page the tests look at."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.text: list[str] = []
        self.order: list[str] = []  # section ids / h1 in document order

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        self.tags.append((tag, a))
        if tag == "h1" or (tag == "section" and a.get("aria-labelledby")):
            self.order.append(tag if tag == "h1" else str(a["aria-labelledby"]))
        if tag == "table":
            self.order.append("table")

    def handle_data(self, data: str) -> None:
        self.text.append(data)

    def all(self, tag: str) -> list[dict[str, str | None]]:
        return [a for t, a in self.tags if t == tag]

    @property
    def plain(self) -> str:
        return " ".join("".join(self.text).split())


def parse(html: str) -> Page:
    p = Page()
    p.feed(html)
    return p


TODAY = d("2024-03-04")


def _assess() -> Timeline:
    return assess(d("2024-03-01"), today=TODAY)


def test_page_is_self_contained_and_declares_its_language() -> None:
    html = timeline_html(_assess(), version="0")
    page = parse(html)
    assert html.startswith("<!DOCTYPE html>")
    assert page.all("html")[0]["lang"] == "en-GB"
    assert page.all("meta")[0]["charset"] == "utf-8"
    assert not page.all("script")
    assert not page.all("link")
    assert not page.all("img")
    for tag, attrs in page.tags:
        assert "src" not in attrs, tag
        href = attrs.get("href")
        assert href is None or href.startswith("#"), href
    assert "url(" not in html
    assert "@import" not in html
    assert "@media print" in html
    assert "size: A4" in html


def test_steps_are_a_semantic_table_with_headers() -> None:
    page = parse(timeline_html(_assess(), version="0"))
    cols = [a for a in page.all("th") if a.get("scope") == "col"]
    rows = [a for a in page.all("th") if a.get("scope") == "row"]
    assert len(cols) == 5  # date, day, step, set by, how counted
    assert len(rows) == len(_assess().steps)
    assert page.all("thead")
    assert page.all("caption")


def test_key_date_comes_first_then_steps_notes_key() -> None:
    page = parse(timeline_html(_assess(), version="0"))
    order = page.order
    assert order[0] == "h1"
    assert order[1] == "next-h"
    assert order.index("table") < order.index("notes-h") < order.index("key-h")
    assert (
        "The council (LA) must tell you whether it will carry out an EHC needs assessment by "
        "Friday 12 April 2024 (2024-04-12, in 39 days)" in page.plain
    )


def test_every_step_carries_citation_and_basis() -> None:
    t = _assess()
    page = parse(timeline_html(t, version="0"))
    for s in t.steps:
        assert f"step-{s.id}" in [a.get("id") for a in page.all("tr")]
        assert s.basis in page.plain
    assert "reg 13(2)" in page.plain
    assert "20 weeks after 2024-03-01 (request received)" in page.plain
    assert "Not legal advice" in page.plain


def test_the_nearest_statutory_step_is_marked() -> None:
    page = parse(timeline_html(_assess(), version="0"))
    marked = [a for a in page.all("tr") if "next" in (a.get("class") or "").split()]
    assert [a["id"] for a in marked] == ["step-assess.decision"]


def test_key_lists_only_terms_used() -> None:
    assessed = parse(timeline_html(_assess(), version="0"))
    appealed = parse(timeline_html(appeal(d("2025-06-15"), today=d("2025-06-20")), version="0"))
    dt_text = {
        name: [t for t in page.text if t in {"LA", "HESC", "ICB", "projected", "CoP"}]
        for name, page in (("assess", assessed), ("appeal", appealed))
    }
    assert "ICB" in dt_text["assess"]
    assert "HESC" not in dt_text["assess"]
    assert "HESC" in dt_text["appeal"]
    assert "ICB" not in dt_text["appeal"]


def test_undated_steps_have_their_own_section_saying_which_option_dates_them() -> None:
    page = parse(timeline_html(appeal(d("2025-06-15"), today=d("2025-06-20")), version="0"))
    assert "undated-h" in page.order
    assert "no date: give --adviser-informed" in page.plain


def test_text_is_escaped() -> None:
    t = _assess()
    evil = replace(t.steps[0], title="<script>alert(1)</script>", basis='"&<>')
    html = timeline_html(replace(t, steps=(evil, *t.steps[1:])), version="0")
    assert "<script>" not in html
    assert "&lt;script&gt;" in html


@dataclass(frozen=True, slots=True)
class CheckedStep(Step):
    """A step with the fields the --done check adds (outcome, done), for the renderer's test."""

    outcome: object = None  # an OutcomeKind-like string, or a record with a kind
    done: dt.date | None = None


def late_case() -> Timeline:
    """assess with the LA late on the decision and the final plan (as --done would give)."""
    t = assess(d("2024-03-01"), today=d("2024-09-02"))
    done = {"assess.decision": ("late", d("2024-05-03")), "assess.final": ("late", d("2024-08-30"))}
    steps: list[Step] = []
    for s in t.steps:
        if s.id in done:
            outcome, when = done[s.id]
            fields = {f: getattr(s, f) for f in Step.__dataclass_fields__}
            steps.append(CheckedStep(**fields, outcome=outcome, done=when))
        else:
            steps.append(s)
    return replace(t, steps=tuple(steps))


def test_outcomes_and_chronology_are_shown_when_steps_carry_them() -> None:
    page = parse(timeline_html(late_case(), version="0"))
    assert "outcomes-h" in page.order
    assert "chron-h" in page.order
    assert "late: done after the date (21 days late)" in page.plain
    times = [a["datetime"] for a in page.all("time")]
    chron = times[-3:]
    assert chron == ["2024-03-01", "2024-05-03", "2024-08-30"]


def test_no_outcome_section_without_done_dates() -> None:
    page = parse(timeline_html(_assess(), version="0"))
    assert "outcomes-h" not in page.order


def test_cli_writes_the_page(cli: Invoke) -> None:
    r = cli(["assess", "2024-03-01", "--format", "html", "--today", "2024-03-04"])
    assert r.exit_code == 0
    assert r.stdout.startswith("<!DOCTYPE html>")
    assert r.stdout.rstrip().endswith("</html>")


# ------------------------------------------------------------------------ a real browser
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
needs_chromium = pytest.mark.skipif(CHROMIUM is None, reason="chromium is not installed")
FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
)
MEASURE = """<script>
const r = document.documentElement;
const cut = [...document.querySelectorAll("table, th, td, p, dd, li")]
  .filter(e => !e.closest("thead, caption"))  // visually hidden on narrow screens
  .filter(e => e.scrollWidth > e.clientWidth + 1).length;
document.body.setAttribute("data-measure", JSON.stringify(
  {page: r.scrollWidth, view: r.clientWidth, cut: cut}));
</script>"""


def _chromium(tmp: Path, *args: str) -> subprocess.CompletedProcess[str]:
    assert CHROMIUM is not None
    profile = tempfile.mkdtemp(dir=tmp)
    return subprocess.run(
        [CHROMIUM, *FLAGS, f"--user-data-dir={profile}", *args],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def _measure(tmp: Path, html: str, width: int, *, print_layout: bool = False) -> dict[str, int]:
    """Lay the page out at ``width`` CSS pixels; with print_layout, the print rules applied."""
    if print_layout:  # the print stylesheet, on screen, at the printable width of A4
        html = html.replace("@media print", "@media all").replace(
            "@media screen and (max-width: 44rem)", "@media not all"
        )
    harness = tmp / f"measure-{width}-{print_layout}.html"
    harness.write_text(html.replace("</body>", MEASURE + "</body>"), encoding="utf-8")
    r = _chromium(tmp, f"--window-size={width},900", "--dump-dom", harness.as_uri())
    m = re.search(r'data-measure="([^"]*)"', r.stdout)
    assert m, r.stderr[-500:]
    return dict(json.loads(m[1].replace("&quot;", '"')))


CASES = {
    "assess": lambda: assess(d("2024-03-01"), today=TODAY),
    "appeal": lambda: appeal(d("2025-06-15"), today=d("2025-06-20")),
    "late": late_case,
}


@pytest.mark.slow
@needs_chromium
@pytest.mark.parametrize("case", sorted(CASES))
def test_chromium_screenshot_and_a4_pdf(case: str, tmp_path: Path) -> None:
    page = tmp_path / f"{case}.html"
    page.write_text(timeline_html(CASES[case](), version="0"), encoding="utf-8")
    png, pdf = tmp_path / f"{case}.png", tmp_path / f"{case}.pdf"
    _chromium(tmp_path, "--window-size=1280,2400", f"--screenshot={png}", page.as_uri())
    _chromium(tmp_path, "--no-pdf-header-footer", f"--print-to-pdf={pdf}", page.as_uri())
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    data = pdf.read_bytes()
    assert data[:5] == b"%PDF-"
    boxes = set(re.findall(rb"/MediaBox \[0 0 ([\d.]+) ([\d.]+)\]", data))
    assert boxes
    for w, h in boxes:  # A4 is 595 x 842 points
        assert round(float(w)) == 595
        assert round(float(h)) == 842


@pytest.mark.slow
@needs_chromium
@pytest.mark.parametrize(
    ("width", "print_layout"),
    [(703, True), (640, False), (320, False)],  # A4 print width; 200% of 1280; WCAG reflow
)
def test_chromium_layout_never_cuts_a_column(
    width: int, print_layout: bool, tmp_path: Path
) -> None:
    html = timeline_html(
        appeal(d("2023-10-01"), certificate=d("2023-11-29"), today=TODAY), version="0"
    )
    m = _measure(tmp_path, html, width, print_layout=print_layout)
    assert m["page"] <= m["view"], m
    assert m["cut"] == 0, m


@dataclass(frozen=True, slots=True)
class RecordOutcome:
    """The shape of the check engine's Outcome record: a kind and its own day counts."""

    kind: str
    days_late: int | None = None


def test_outcome_records_are_read_by_kind_and_their_own_day_count() -> None:
    t = late_case()
    steps = tuple(
        replace(s, outcome=RecordOutcome("late", days_late=99)) if isinstance(s, CheckedStep) else s
        for s in t.steps
    )
    page = parse(timeline_html(replace(t, steps=steps), version="0"))
    assert page.plain.count("late: done after the date (99 days late)") == 2


def test_every_note_number_in_the_page_is_listed() -> None:
    from sendtime.engine.calendars import Calendar
    from sendtime.io.rulefile import apply_rules_file
    from sendtime.law.england.reviews import review

    root = Path(__file__).resolve().parent.parent
    t = review(d("2024-03-15"), today=d("2024-12-01"))
    t = apply_rules_file(
        t, str(root / "examples/local-rules.toml"), calendar=Calendar(), today=d("2024-12-01")
    )
    html = timeline_html(t, version="0", rules_file="local-rules.toml")
    page = parse(html)
    linked = {a["href"] for a in page.all("a") if (a.get("href") or "").startswith("#note-")}
    listed = {f"#{a['id']}" for a in page.all("li") if (a.get("id") or "").startswith("note-")}
    assert linked
    assert linked == listed
    assert "local-h" in page.order
    assert page.order.index("local-h") < page.order.index("notes-h")
    assert "Source" in page.plain
