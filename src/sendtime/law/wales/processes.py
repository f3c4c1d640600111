"""Wales's processes, each named once: title, trigger, steps, function and caseload columns.

The same registry shape as England's (sendtime.law.england.processes): Wales's RuleSet reads
steps and triggers from it, tables their titles, and the batch runner a caseload row's columns
(rows with ``jurisdiction`` wales). Wales's commands live under ``sendtime wales``
(sendtime.cli.wales), so no row names a top-level command family.
"""

from __future__ import annotations

from sendtime.law.england.processes import Param, ParamKind, Process

_IDP = "sendtime.law.wales.idp"

# In the order a case meets them.
TABLE: tuple[Process, ...] = (
    Process(
        "idp",
        "ALN decision and IDP",
        "brought_to_attention",
        f"{_IDP}:idp",
        None,
        params=(Param("by", ParamKind.TEXT),),
        steps=("idp.school", "idp.fei", "idp.la"),
    ),
    Process(
        "reconsider",
        "LA reconsiders a school's ALN decision",
        "reconsider_requested",
        f"{_IDP}:reconsider",
        None,
        steps=("idp.reconsider",),
    ),
    Process(
        "not-necessary",
        "IDP not necessary (young person)",
        "consented",
        f"{_IDP}:not_necessary",
        None,
        steps=("idp.not-necessary",),
    ),
    Process(
        "nhs-referral",
        "NHS body's answer to a referral",
        "referral_received",
        f"{_IDP}:nhs_referral",
        None,
        steps=("idp.nhs-response",),
    ),
    Process(
        "cease-reconsider",
        "Request to reconsider ceasing an IDP",
        "notified",
        f"{_IDP}:cease_reconsider",
        None,
        steps=("idp.cease-reconsider",),
    ),
    Process(
        "fei-transfer",
        "IDP transferred to a further education institution",
        "transfer_requested",
        f"{_IDP}:fei_transfer",
        None,
        steps=("idp.fei-transfer",),
    ),
    Process(
        "review",
        "IDP review",
        "plan_given",
        f"{_IDP}:review",
        None,
        steps=("idp.review",),
    ),
    Process(
        "appeal",
        "Appeal to the Education Tribunal for Wales",
        "notice_given",
        "sendtime.law.wales.tribunal:appeal",
        None,
        params=(Param("referred", ParamKind.DATE),),  # a caseload gives the referral's date
        # etw.extended runs only after a referral to dispute resolution in time (tribunal.py)
        steps=("etw.dispute-resolution", "etw.appeal"),
    ),
)
REGISTRY: dict[str, Process] = {p.name: p for p in TABLE}
BATCH: dict[str, Process] = {p.name: p for p in TABLE if p.date_kind is not None}


def title(name: str) -> str:
    """How outputs name a Wales process; the name itself if it is not one."""
    p = REGISTRY.get(name)
    return p.title if p is not None else name
