"""How Wales's timelines are titled and their sources shortened in tables (render/table.py)."""

from __future__ import annotations

from sendtime.law.wales.rules import ALNET, CODE, DISCLAIMER, ETW, REGS

__all__ = ["DISCLAIMER", "LEGEND", "SHORT", "TITLES"]

TITLES = {
    "idp": "ALN decision and IDP",
    "reconsider": "LA reconsiders a school's ALN decision",
    "not-necessary": "IDP not necessary (young person)",
    "nhs-referral": "NHS body's answer to a referral",
    "cease-reconsider": "Request to reconsider ceasing an IDP",
    "fei-transfer": "IDP transferred to a further education institution",
    "review": "IDP review",
    "appeal": "Appeal to the Education Tribunal for Wales",
}
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
