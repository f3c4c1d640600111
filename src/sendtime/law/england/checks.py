"""What done dates mean for other steps (issue 14): data only.

ALTERNATIVES: steps that exclude each other. Each key is a step whose being done makes the
listed steps moot; the outcome engine (sendtime.engine.outcomes) marks them not-applicable and
says which step decided it.

PARTY_LIMITS: limits on the parent or young person, not duties on the LA: their outcome is
shown, but a late or overdue one is no breach and never sets exit code 4.

SAME_EVENT: per command, a step whose done date is the same event as an input option (the
meeting held is the review meeting): the done date is then that input, so the steps that count
from it are not projected; given both, they must agree.
"""

from __future__ import annotations

ALTERNATIVES: dict[str, tuple[str, ...]] = {
    # Regs 10(1) and 13(2): after an assessment the LA either notifies that it will not issue a
    # plan (16 weeks) or issues the final plan (20 weeks); the draft steps lead to the plan.
    "assess.final": ("assess.no-plan",),
    "assess.no-plan": (
        "assess.final",
        "assess.draft-target",
        "assess.representations",
        "assess.school-response",
    ),
    # Reg 44(2)(b)(i)/(ii) and reg 45(3A): the same choice after a Tribunal order or an
    # unopposed appeal.
    "order.assess-final": ("order.no-plan",),
    "order.no-plan": ("order.assess-final",),
    "unopposed.assess-final": ("unopposed.no-plan",),
    "unopposed.no-plan": ("unopposed.assess-final",),
    # Reg 22(3)/(4): the LA issues the amended plan or notifies that it will not amend.
    "review.amended-final": ("review.no-amend",),
    "review.no-amend": ("review.amended-final", "review.amend-representations"),
}

SAME_EVENT: dict[str, dict[str, str]] = {
    "assess": {"assess.draft-target": "draft_served"},  # the draft plan sent to the parent
    "draft": {"service.deemed": "draft_served"},
    "review": {"review.latest-meeting": "meeting"},
    "amend": {"service.deemed": "served"},
    "move": {"move.transfer": "transfer_date"},
    "reassess": {"reassess.decision": "notified"},
}

PARTY_LIMITS: dict[str, str] = {
    # Reg 13(1)(a), reg 22(2)(c): "at least 15 days" for the parent's representations.
    "assess.representations": "the parent's or young person's period for representations",
    "review.amend-representations": "the parent's or young person's period for representations",
    # Reg 33, HESC r.20(1)(c): the parent's steps towards an appeal.
    "appeal.mediation-contact": "the parent's or young person's time limit",
    "appeal.deadline": "the parent's or young person's time limit",
    # LGA 1974 s.26B: the complainant's limit.
    "ombudsman.complaint": "the complainant's time limit",
}


# LGA 1974 s.26B: when a duty is late or overdue, the Ombudsman's 12 months are shown, counted
# from the day after the earliest missed duty fell due (the earliest the person affected can
# have had notice: the safe end). (process, input) of the ombudsman.complaint row.
REMEDY = ("ombudsman", "first_notice")

# One event that completes two steps: the LA's decision after the review meeting is also the
# end of the review (CFA s.44(1): the review is complete when the LA notifies its decision).
ALSO_DONE: dict[str, tuple[str, ...]] = {
    "review.decision": ("review.period-end",),
}

# Steps an input shows have happened: reg 33 and CFA s.55(3)-(5): a mediation adviser issues the
# certificate only after the parent has contacted them, so a given certificate settles the contact.
SETTLED_BY: dict[str, dict[str, tuple[str, ...]]] = {
    "appeal": {"appeal.mediation-contact": ("certificate",)},
}
