"""The picture of timeliness: weeks to issue a plan, with the 20- and 52-week lines.

One histogram of completed weeks from request to plan (all plans in the figures), coloured by
the DfE's bands, and one stacked bar per group giving the share in each band. ElementTree
writes the XML, so every label is escaped.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET

from sendtime.law.england.timeliness import Group, Result, pc
from sendtime.render.timeliness import About, boundary_words

FONT = "DejaVu Sans, Arial, sans-serif"
BANDS = (
    ("plans_issued_within_20_weeks", "within 20 weeks", "#2e7d32"),
    ("plans_issued_gt20weeks_ltyear", "20 to 52 weeks", "#f9a825"),
    ("plans_issued_gt_1_year", "over 52 weeks", "#c62828"),
)
LAST_WEEK = 104  # the last bar holds every plan at 104 weeks or more
W, LEFT, RIGHT = 820, 64, 24
HIST_TOP, HIST_H = 96, 240
BAR_H, BAR_GAP = 22, 10


def _el(parent: ET.Element, tag: str, text: str | None = None, **attrs: object) -> ET.Element:
    e = ET.SubElement(
        parent, tag, {k.rstrip("_").replace("_", "-"): str(v) for k, v in attrs.items()}
    )
    if text is not None:
        e.text = text
    return e


NO_DATE = ("plans_issued_no_request_date", "no usable request date", "#9e9e9e")


def _pc(v: object) -> str:
    return "x" if v is None else f"{v}%"


def _histogram(svg: ET.Element, g: Group) -> None:
    plot_w = W - LEFT - RIGHT
    step = plot_w / (LAST_WEEK + 1)
    stacks: list[list[tuple[str, int]]] = [[] for _ in range(LAST_WEEK + 1)]
    for key, _, colour in BANDS:  # each bar stacks the bands in order (day 140 may be either)
        for (w, band), n in sorted(g.weeks.items()):
            if band == key:
                stacks[min(w, LAST_WEEK)].append((colour, n))
    counts = [sum(n for _, n in stack) for stack in stacks]
    top = max(counts, default=0) or 1
    base: float = HIST_TOP + HIST_H
    _el(svg, "line", x1=LEFT, y1=base, x2=W - RIGHT, y2=base, stroke="#555555")
    _el(svg, "line", x1=LEFT, y1=HIST_TOP, x2=LEFT, y2=base, stroke="#555555")
    for frac in (0.5, 1.0):
        y = base - HIST_H * frac
        _el(
            svg,
            "text",
            str(round(top * frac)),
            x=LEFT - 6,
            y=y + 4,
            font_size=11,
            text_anchor="end",
            fill="#555555",
        )
    _el(svg, "text", "0", x=LEFT - 6, y=base + 4, font_size=11, text_anchor="end", fill="#555555")
    for w, stack in enumerate(stacks):
        y = float(base)
        for colour, n in stack:
            h = HIST_H * n / top
            y -= h
            _el(
                svg,
                "rect",
                x=round(LEFT + w * step, 2),
                y=round(y, 2),
                width=round(max(step - 1, 1), 2),
                height=round(h, 2),
                fill=colour,
            )
    for w in range(0, LAST_WEEK + 1, 13):
        x = LEFT + w * step
        _el(
            svg,
            "text",
            str(w) if w < LAST_WEEK else f"{w}+",
            x=round(x, 2),
            y=base + 16,
            font_size=11,
            text_anchor="middle",
            fill="#555555",
        )
    _el(
        svg,
        "text",
        "completed weeks from request received to plan issued",
        x=LEFT + plot_w / 2,
        y=base + 34,
        font_size=12,
        text_anchor="middle",
    )
    for week, label in ((20, "20 weeks"), (52, "52 weeks")):
        x = round(LEFT + week * step, 2)
        _el(
            svg,
            "line",
            x1=x,
            y1=HIST_TOP - 8,
            x2=x,
            y2=base,
            stroke="#212121",
            stroke_width=1.5,
            stroke_dasharray="5,3",
        )
        _el(svg, "text", label, x=x + 4, y=HIST_TOP - 10, font_size=12, font_weight="bold")


def _group_bars(svg: ET.Element, groups: tuple[Group, ...], y0: float) -> float:
    label_w = 150
    plot_w = W - LEFT - RIGHT - label_w
    y = y0
    for g in groups:
        den = int(g.measures["plans_issued_den"] or 0)
        _el(svg, "text", g.group, x=LEFT, y=y + 15, font_size=12)
        x: float = LEFT + label_w
        if den == 0:
            _el(svg, "text", "no plans issued", x=x, y=y + 15, font_size=12, fill="#777777")
        for key, _, colour in (*BANDS, NO_DATE):
            n = int(g.measures[key] or 0)
            if not den or not n:
                continue
            w = plot_w * n / den
            _el(svg, "rect", x=round(x, 2), y=y, width=round(w, 2), height=BAR_H, fill=colour)
            share = g.measures.get("pc_" + key, pc(n, den))
            if w > 44:
                _el(
                    svg,
                    "text",
                    _pc(share),
                    x=round(x + w / 2, 2),
                    y=y + 15,
                    font_size=11,
                    text_anchor="middle",
                    fill="#ffffff",
                    font_weight="bold",
                )
            x += w
        y += BAR_H + BAR_GAP
    return y


def timeliness_svg(r: Result, about: About) -> str:
    """The SVG document (text)."""
    groups = r.groups
    bars_top = HIST_TOP + HIST_H + 70
    height = bars_top + len(groups) * (BAR_H + BAR_GAP) + 90
    svg = ET.Element(
        "svg",
        {
            "xmlns": "http://www.w3.org/2000/svg",
            "width": str(W),
            "height": str(height),
            "viewBox": f"0 0 {W} {height}",
            "font-family": FONT,
        },
    )
    _el(svg, "rect", x=0, y=0, width=W, height=height, fill="#ffffff")
    a = groups[0].measures
    _el(
        svg,
        "text",
        f"EHC plans issued in {r.year}: weeks from request to plan",
        x=LEFT - 40,
        y=28,
        font_size=18,
        font_weight="bold",
    )
    summary = (
        f"{a['plans_issued_den']} plans; "
        f"within 20 weeks {_pc(a['pc_plans_issued_within_20_weeks'])}"
        f" (excluding exceptions {_pc(a['pc_plans_issued_20_weeks_ex'])}); "
        f"{a['excluded_appealed']} mediation/tribunal cases "
        + ("included" if r.include_appealed else "excluded")
    )
    _el(svg, "text", summary, x=LEFT - 40, y=50, font_size=12)
    x = LEFT - 40
    for key, label, colour in (*BANDS, NO_DATE):
        _el(svg, "rect", x=x, y=62, width=12, height=12, fill=colour)
        den = int(a["plans_issued_den"] or 0)
        text = f"{label} {_pc(a.get('pc_' + key, pc(int(a[key] or 0), den)))}"
        _el(svg, "text", text, x=x + 16, y=72, font_size=12)
        x += 16 + 7 * len(text) + 18
    _histogram(svg, groups[0])
    _el(
        svg,
        "text",
        "Share in each band, by group" + (f" ({about.by})" if about.by else ""),
        x=LEFT - 40,
        y=bars_top - 12,
        font_size=14,
        font_weight="bold",
    )
    y = _group_bars(svg, groups, bars_top)
    words = f"Counting: {boundary_words(r.counting)}."
    for i, chunk in enumerate(_wrap(words, 120)):
        _el(svg, "text", chunk, x=LEFT - 40, y=y + 20 + 14 * i, font_size=10, fill="#555555")
    ET.indent(svg)
    return ET.tostring(svg, encoding="unicode") + "\n"


def _wrap(text: str, width: int) -> list[str]:
    lines: list[str] = []
    line = ""
    for word in text.split():
        if line and len(line) + 1 + len(word) > width:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}".strip()
    return [*lines, line] if line else lines
