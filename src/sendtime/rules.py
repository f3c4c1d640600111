"""THE rule table: every statutory, guidance and practice step sendtime computes, as data.

One row per step. Each row's ``wording`` quotes the words of the law that fix its counting
("within 6 weeks of" -> exclusive, "beginning with" -> the trigger is day 1). A new rule that
behaves like an existing one is one row here; a new behaviour is one Method or Roll member
plus one function in timeline.py / periods.py.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sendtime.model import Citation, Confidence, Kind, Method, Rule, Unit

REGS = "SEND Regulations 2014"
CFA = "Children and Families Act 2014"
COP = "SEND Code of Practice 2015"
IPSEA = "IPSEA (practice)"
INTERP = "Interpretation Act 1978"


def regs(ref: str) -> Citation:
    """A citation of the SEND Regulations 2014 (SI 2014/1530)."""
    return Citation(REGS, ref)


# What each process input is called in basis and explain text.
INPUT_LABELS: dict[str, str] = {
    "request_received": "request received",
    "advice_requested": "advice requested",
    "draft_served": "draft served",
    "consultation_sent": "consultation sent",
    "posted": "posted",
    "delivered": "delivered",
    "service.deemed": "deemed served",
}

SERVICE_NOTE = (
    "an assumption, not a rule of the SEND Regulations: the real date of service or receipt "
    "always wins (Interpretation Act 1978 s.7: 'unless the contrary is proved')"
)
ASAP_NOTE = "the duty is to act as soon as practicable; this date is the latest"
R_NOTE = (
    "R may instead be the date the LA became responsible for the child or young person "
    "under CFA s.24 (regs 5(1)(b), 10(1), 13(2))"
)

RULES: tuple[Rule, ...] = (
    # ---------------------------------------------------------------- service and receipt
    # "in the ordinary course of post" (Interpretation Act 1978 s.7; Practice Direction
    # [1985] 1 All ER 889): first class -> 2nd working day after posting, second -> 4th;
    # by hand or email before 16:30 on a working day -> that day, else the next (as CPR 6.26).
    Rule(
        id="service.deemed",
        process="service",
        title="Deemed day of service or receipt",
        cites=(Citation(INTERP, "s.7"), Citation("Practice Direction [1985] 1 All ER 889")),
        wording="deemed served in the ordinary course of post, or on delivery",
        anchor="posted",
        method=Method.DEEMED_SERVICE,
        unit=Unit.WORKING_DAYS,
        fallback=("delivered",),
        kind=Kind.PLANNING,
        confidence=Confidence.SECONDARY,
        optional=True,
        notes=(SERVICE_NOTE,),
    ),
    # ---------------------------------------------------------------- EHC needs assessment
    # reg 5(1): "as soon as practicable, and in any event within 6 weeks of" R -> exclusive
    Rule(
        id="assess.decision",
        process="assess",
        title="LA notifies whether it will assess",
        cites=(regs("regs 4(1), 5(1)"),),
        wording="within 6 weeks of receiving the request",
        anchor="request_received",
        fallback=("service.deemed",),
        amount=6,
        unit=Unit.WEEKS,
        asap=True,
        notes=(R_NOTE,),
    ),
    # reg 8(1): "must provide ... within 6 weeks of the date on which the request was received"
    Rule(
        id="assess.advice",
        process="assess",
        title="Advice from a body asked to co-operate (ICB/NHS, another LA, youth offending team)",
        cites=(regs("reg 8(1)"), Citation(CFA, "s.31")),
        wording="within 6 weeks of the date the body received the LA's request",
        anchor="advice_requested",
        fallback=("assess.decision",),
        amount=6,
        unit=Unit.WEEKS,
        confidence=Confidence.SECONDARY,
        repeat=True,
    ),
    # reg 6 lists the advice but sets no limit: 6 weeks is practice.
    Rule(
        id="assess.advice-other",
        process="assess",
        title="Advice from the school or setting, educational psychologist, social care",
        cites=(regs("reg 6 (no time limit set)"), Citation("local practice")),
        wording="6 weeks from the request for advice (practice; no statutory limit)",
        anchor="advice_requested",
        fallback=("assess.decision",),
        amount=6,
        unit=Unit.WEEKS,
        method=Method.AFTER,
        kind=Kind.GUIDANCE,
        confidence=Confidence.PRACTICE,
    ),
    # reg 10(1): "as soon as practicable, and in any event within 16 weeks of" R
    Rule(
        id="assess.no-plan",
        process="assess",
        title="LA notifies a decision not to issue a plan",
        cites=(regs("reg 10(1)"),),
        wording="within 16 weeks of receiving the request",
        anchor="request_received",
        fallback=("service.deemed",),
        amount=16,
        unit=Unit.WEEKS,
        asap=True,
    ),
    # IPSEA: week 14 leaves 15 + 15 days before week 20 (practice, not law).
    Rule(
        id="assess.draft-target",
        process="assess",
        title="Draft plan sent, so 15 + 15 days still fit before week 20",
        cites=(Citation(IPSEA, "draft by week 14"),),
        wording="14 weeks from the request (practice)",
        anchor="request_received",
        fallback=("service.deemed",),
        amount=14,
        unit=Unit.WEEKS,
        method=Method.AFTER,
        kind=Kind.GUIDANCE,
        confidence=Confidence.PRACTICE,
    ),
    # reg 13(1)(a): "a period of at least 15 days beginning with the day on which the draft
    # plan was served" -> the day of service is day 1
    Rule(
        id="assess.representations",
        process="assess",
        title="Parent/young person: representations, school preference, meeting request",
        cites=(regs("reg 13(1)(a)"),),
        wording="at least 15 days beginning with the day the draft plan was served",
        anchor="draft_served",
        fallback=("service.deemed", "assess.draft-target"),
        amount=15,
        unit=Unit.DAYS,
        method=Method.BEGINNING_WITH,
        kind=Kind.MINIMUM,
    ),
    # CoP 9.83: the school "should" respond "within 15 days" (the Regulations set no limit)
    Rule(
        id="assess.school-response",
        process="assess",
        title="Consulted school or college responds",
        cites=(Citation(COP, "para 9.83"), regs("no time limit set")),
        wording="within 15 days of being consulted",
        anchor="consultation_sent",
        fallback=("draft_served", "service.deemed", "assess.draft-target"),
        amount=15,
        unit=Unit.DAYS,
        kind=Kind.GUIDANCE,
        confidence=Confidence.GUIDANCE,
    ),
    # reg 13(2): "as soon as practicable, and in any event within 20 weeks of" R
    Rule(
        id="assess.final",
        process="assess",
        title="LA sends the final EHC plan",
        cites=(regs("reg 13(2)"),),
        wording="within 20 weeks of receiving the request",
        anchor="request_received",
        fallback=("service.deemed",),
        amount=20,
        unit=Unit.WEEKS,
        asap=True,
    ),
    # ------------------------------------------------------- annual review, amend, transfer
    # ---------------------------------------------------------------- move, re-assessment
    # ---------------------------------------------------------------- mediation and appeal, orders
    # ---------------------------------------------------------------- SEN Support (no EHC plan)
    # CoP 6.65: "Schools should meet parents at least three times each year": guidance, one
    # meeting in each of the autumn, spring and summer parts, due by the part's last school day.
    Rule(
        id="support.meeting",
        process="support",
        title="SEN Support: meet parents",
        cites=(Citation(COP, "para 6.65"),),
        wording="at least three times each year (should), by the last school day of each part",
        anchor="terms",
        method=Method.TERM_PART_END,
        kind=Kind.GUIDANCE,
        confidence=Confidence.GUIDANCE,
        repeat=True,
    ),
    # CoP 6.44-6.56: the assess-plan-do-review cycle; the interval is the school's choice.
    Rule(
        id="support.cycle",
        process="support",
        title="SEN Support: assess, plan, do, review",
        cites=(Citation(COP, "paras 6.44-6.56"),),
        wording="a review every N weeks chosen by the school (--every), on a school day",
        anchor="terms",
        method=Method.TERM_PART_END,
        unit=Unit.WEEKS,
        kind=Kind.GUIDANCE,
        confidence=Confidence.GUIDANCE,
        repeat=True,
    ),
)

# Which steps each command emits, in order. Commands named after a family emit all its rows.
PROCESSES: dict[str, tuple[str, ...]] = {
    "assess": ("service.deemed", *(r.id for r in RULES if r.process == "assess")),
    "draft": ("service.deemed", "assess.representations", "assess.school-response"),
    # review, amend, transfer
    # move, reassess
    # appeal, order
    "support": ("support.meeting", "support.cycle"),
}

# The input that is each command's trigger ("<command>.trigger" for local rules).
TRIGGERS: dict[str, str] = {
    "assess": "request_received",
    "draft": "draft_served",
    # review, amend, transfer
    # move, reassess
    # appeal, order
    "support": "from",
}

RULES_BY_ID: dict[str, Rule] = {r.id: r for r in RULES}


@dataclass(frozen=True, slots=True)
class ExceptionRule:
    """A regulation that lets a body disapply a time limit for listed reasons (england.md s.2)."""

    regulation: str
    steps: tuple[str, ...]
    personal: str  # the limb for exceptional personal circumstances
    absence: str  # the limb for absence from the area
    threshold_days: int  # absence must overlap the tested period by at least this
    closure: str = ""  # the term-dates limb(s)


# Regs 5(4), 8(2), 10(4), 13(3), 27(3), 44(3): "need not comply with the time limit ... if it is
# impractical to do so because" of a listed reason. The tested period runs from the step's
# anchor to its date. No other step can be disapplied.
EXCEPTIONS: tuple[ExceptionRule, ...] = (
    ExceptionRule(
        "reg 5(4)", ("assess.decision",), "reg 5(4)(c)", "reg 5(4)(d)", 28, "reg 5(4)(a)/(b)"
    ),
    ExceptionRule("reg 8(2)", ("assess.advice",), "reg 8(2)(a)", "reg 8(2)(b)", 28),
    ExceptionRule(
        "reg 10(4)", ("assess.no-plan",), "reg 10(4)(c)", "reg 10(4)(d)", 28, "reg 10(4)(a)/(b)"
    ),
    ExceptionRule(
        "reg 13(3)",
        ("assess.final",),
        "reg 13(3) with reg 10(4)(c)",
        "reg 13(3) with reg 10(4)(d)",
        28,
        "reg 13(3) with reg 10(4)(a)/(b)",
    ),
)


@dataclass(frozen=True, slots=True)
class Relaxation:
    """A period in which time limits were relaxed by statutory instrument."""

    start: dt.date
    end: dt.date
    source: str  # only rules citing this source are flagged
    note: str


RELAXATIONS: tuple[Relaxation, ...] = (
    Relaxation(
        dt.date(2020, 5, 1),
        dt.date(2020, 9, 25),
        REGS,
        "this period overlaps 1 May-25 September 2020, when many SEND time limits were relaxed "
        "to 'as soon as reasonably practicable' (SI 2020/471)",
    ),
)


def rule_table() -> tuple[Rule, ...]:
    """Every visible rule, in table order (component rules of later-of steps are left out)."""
    return tuple(r for r in RULES if not r.hidden)
