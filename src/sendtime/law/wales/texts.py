"""How Wales's sources are shortened, and spelled out, in tables (render/table.py)."""

from __future__ import annotations

from sendtime.law.wales.rules import ALNET, CODE, DISCLAIMER, ETW, REGS

__all__ = ["DISCLAIMER", "LEGEND", "SHORT"]

SHORT = (
    (f"{REGS}, ", ""),
    (f"{CODE}, ", "Code "),
    (f"{ALNET}, ", "ALNET "),
    (f"{ETW}, ", "ETW "),
)
LEGEND = (
    "reg(s) = ALN (Wales) Regulations 2021 (SI 2021/401 (W. 130)); Code = ALN Code for Wales "
    "2021; ALNET = Additional Learning Needs and Education Tribunal (Wales) Act 2018; ETW = "
    "Education Tribunal for Wales Regulations 2021 (SI 2021/406 (W. 132))."
)
