"""THE rule table: every statutory, guidance and practice step sendtime computes, as data.

One row per step. Each row's ``wording`` quotes the words of the law that fix its counting
("within 6 weeks of" -> exclusive, "beginning with" -> the trigger is day 1). A new rule that
behaves like an existing one is one row here; a new behaviour is one Method or Roll member
plus one function in engine/methods.py (generic counting) or in law/england (England's own,
registered in ruleset.py), with periods.py doing the date arithmetic.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from sendtime.engine.model import Citation, Confidence, Kind, Method, Roll, Rule, Unit
from sendtime.engine.ruleset import ExceptionRule, Relaxation

REGS = "SEND Regulations 2014"
CFA = "Children and Families Act 2014"
COP = "SEND Code of Practice 2015"
IPSEA = "IPSEA (practice)"
INTERP = "Interpretation Act 1978"
LGA1974 = "Local Government Act 1974"


# England's SEND law counts on England's calendar: the SEND Regulations 2014 bind English local
# authorities and the SEND Tribunal is the First-tier Tribunal in England, so working days are
# those of England and Wales whatever the nation of the family, school or council office.
NATION_REFUSED = (
    "England's SEND law counts working days on England-and-Wales bank holidays whatever the "
    "nation (the SEND Regulations 2014 bind English LAs; the SEND Tribunal sits in England), so "
    "a nation cannot change its dates"
)


def regs(ref: str) -> Citation:
    """A citation of the SEND Regulations 2014 (SI 2014/1530)."""
    return Citation(REGS, ref)


# What each process input is called in basis and explain text.
INPUT_LABELS: dict[str, str] = {
    # move, reassess, appeal, order, mediation (plan_date, transfer_date: see review, transfer)
    "decision_sent": "decision sent",
    "certificate": "mediation certificate",
    "adviser_informed": "mediation adviser informed",
    "mediation_requested": "LA told mediation is wanted",
    "la_told_adviser": "LA told the adviser",
    "mediation_ended": "mediation ended",
    "order_date": "order",
    "order_sent": "order sent",
    "la_told_tribunal": "LA told the Tribunal it will not oppose",
    "agreement_date": "mediation agreement",
    "move_date": "move",
    "aware": "old LA aware of the move",
    "notified": "re-assessment decision notified",
    "la_decided": "LA decided to re-assess",
    "request_received": "request received",
    "advice_requested": "advice requested",
    "draft_served": "draft served",
    "consultation_sent": "consultation sent",
    "posted": "posted",
    "delivered": "delivered",
    "service.deemed": "deemed served",
    "assess.received": "deemed received",
    # review, amend, transfer
    "plan_date": "start of the review period",
    "last_meeting": "last review meeting",
    "meeting": "review meeting",
    "notice_sent": "amendment notice sent",
    "served": "amendment notice served",
    "early_years": "start of the review period; child under 5",
    "transfer_year": "the calendar year of transfer",
    "transfer_date": "transfer date",
    "transfer.deadline": "transfer deadline",
    # ombudsman
    "first_notice": "first notice of the matter",
}

SERVICE_NOTE = (
    "an assumption, not a rule of the SEND Regulations: the real date of service or receipt "
    "always wins (Interpretation Act 1978 s.7: 'unless the contrary is proved')"
)
# Inputs that are an alternative to a rule's anchor, not an assumption: never "projected".
GIVEN_ALTERNATIVES = frozenset({"la_decided"})
REGIME_START = dt.date(2014, 9, 1)  # SEND Regulations 2014 in force (SI 2014/1530 reg 1)
BEFORE_REGIME = (
    "is before {start}, when the SEND Regulations 2014 came into force; sendtime does not "
    "compute the earlier regime"
)
WORKING_DAY_WORDS = (
    "Working day: any day except Saturday, Sunday, Christmas Day, Good Friday and a bank "
    "holiday ({nation}; {source}). The Regulations do not define it (reg 2(1)); this is the "
    "standard statutory meaning, as the Tribunal rules use."
)
DEEMED_PROJECTION = (
    "projected: counted from {anchor}, deemed from the posting or delivery date (the real "
    "date, if known, wins)"
)
OTHER_NATION = "a calendar of {nation}: " + NATION_REFUSED + "; use Calendar() instead"
DISCLAIMER = (
    "Not legal advice: dates computed from the SEND Regulations 2014 and related law; "
    "check against the law and your own records."
)
SECONDARY_NOTE = (
    "secondary source: taken from reputable secondary sources (IPSEA, councils); the statutory "
    "text or its paragraph number is not verified"
)
HESC = "Tribunal Procedure (First-tier Tribunal) (HESC Chamber) Rules 2008"
GOVUK_ORDERS = "GOV.UK guidance on SEND Tribunal decisions"
V, S = Confidence.VERIFIED, Confidence.SECONDARY
# Reg 44(2) orders: (id suffix, title, paragraph, weeks or None for "immediately", confidence).
ORDER_STEPS: tuple[tuple[str, str, str, int | None, Confidence], ...] = (
    ("assess-notify", "Order to assess or re-assess: LA notifies it will assess", "(b)", 2, V),
    ("no-plan", "Then: LA notifies a decision not to issue a plan", "(b)(i)", 10, V),
    ("assess-final", "Then: LA issues the final EHC plan", "(b)(ii)", 14, V),
    ("draft", "Order to make and maintain a plan: draft plan issued", "(c)(i)", 5, V),
    ("final", "Order to make and maintain a plan: final plan issued", "(c)(ii)", 11, V),
    ("reconsider", "Case remitted: LA reconsiders and notifies", "(d) (period to verify)", 2, S),
    ("amend", "Order to amend needs or provision: amended plan issued", "(e)", 5, S),
    ("school", "Order to change only the school named: amended plan issued", "(f)", 2, S),
    ("continue", "Order to continue to maintain the plan", "(g) (letter unverified)", None, S),
    (
        "continue-amend",
        "Continue to maintain and amend: amended plan issued",
        "(h) (letter unverified)",
        5,
        S,
    ),
    ("cease", "Appeal against ceasing dismissed: LA may cease to maintain", "(a)", None, V),
)
# Reg 45 unopposed appeals: (id suffix, title, paragraph, weeks, confidence).
UNOPPOSED_STEPS: tuple[tuple[str, str, str, int, Confidence], ...] = (
    ("assess-notify", "Unopposed: LA notifies it will assess", "45(3)", 2, V),
    ("no-plan", "Unopposed: decision not to issue a plan", "45(3A)", 10, V),
    ("assess-final", "Unopposed: final EHC plan issued", "45(3A)", 14, V),
    ("amend", "Unopposed: amended plan issued", "45(4)", 5, V),
    ("school", "Unopposed: plan amended to name the school", "45(5)", 2, S),
    ("draft", "Unopposed: draft plan issued", "45(6)", 5, S),
    ("final", "Unopposed: final plan issued", "45(6)", 11, S),
)
CONTINUE_NOTE = "continue to maintain the plan immediately; the amended plan is due by this date"
DIRECTION_NOTE = (
    "every period is 'subject to ... any direction made by the First-tier Tribunal' "
    "(reg 44(1)): give --tribunal-direction DATE if the Tribunal set a date"
)
ORDER_SENT_NOTE = (
    "GOV.UK guidance counts from the day the order is sent; the regulation counts from the "
    "order: the earlier date is the safe one"
)
AGREED_NOTE = (
    "the parties may agree a different timescale in writing (reg 42(5)): give --agreed-date"
)
NO_CLOSURE_LIMB_NOTE = (
    "reg 8(2) (advice from a body under CFA s.31, assess.advice) has no closure limb: "
    "term dates never disapply that limit"
)
ASAP_NOTE = "the duty is to act as soon as practicable; this date is the latest"
R_NOTE = (
    "the period may instead run from the day the LA became responsible for the child or young "
    "person under CFA s.24, not the day it received the request (regs 5(1)(b), 10(1), 13(2))"
)

OMBUDSMAN_NOTE = (
    "a complaint must be made in writing (s.26B(1)(a)); the Ombudsman may disapply the "
    "12-month limit (s.26B(3))"
)
OMBUDSMAN_FROM_DUTY_NOTE = (
    "counted from the day after the duty fell due, the earliest day the person affected can have "
    "had notice that it was missed; if they learned of it later, the period begins then"
)

# review, amend, transfer
PERIOD_NOTE = (
    "P is the date the plan was first made, or the date the LA notified its decision after the "
    "last review; the period never restarts on an amendment, a re-issue or a move between LAs "
    "(regs 15(3)(a), 22(3)); a plan replaced after re-assessment (reg 27): check"
)
CLEAR_NOTE = (
    "a clear interval: neither the day of notice nor the meeting counts; a lenient reading "
    "(the meeting less 14 days) gives one day later"
)
SAME_DAY_NOTE = (
    "counted from the day the notice was served; when only the day it was sent is known, "
    "that day is used (assumes same-day service)"
)
NO_RESTART_NOTE = "an amended plan does not restart the 12-month review period (reg 22(3))"
BY_BEFORE_NOTE = "the Code (9.179) and many guides say 'by'; the Regulations say 'before'"
TRANSFER_PLAN_CITES = (
    Citation("derived from SEND Regulations 2014", "regs 18(1), 20, 22(2)-(3)"),
    Citation("R (L, M and P) v Devon CC", "[2022] EWHC 493 (Admin)"),
)

# Interpretation Act 1978 s.7: served "at the time at which the letter would be delivered in
# the ordinary course of post ... unless the contrary is proved": a rebuttable presumption, so a
# range. Earliest (the date, acted on): IPSEA model letter 9 -- first class, the next working day
# after posting; by hand or email after 5pm or on a non-working day, the next working day.
# Latest: Practice Direction [1985] 1 All ER 889 -- first class, the 2nd working day, second
# class the 4th (both ends); by hand or email from 4.30pm, the next (CPR 6.26, by analogy).
SERVICE_DEEMED = Rule(
    id="service.deemed",
    process="service",
    title="Deemed day of service or receipt",
    cites=(
        Citation(INTERP, "s.7"),
        Citation("IPSEA model letter 9", "earliest reading"),
        Citation("Practice Direction [1985] 1 All ER 889", "latest reading"),
    ),
    wording="deemed served in the ordinary course of post, or on delivery",
    anchor="posted",
    method=Method.DEEMED_SERVICE,
    unit=Unit.WORKING_DAYS,
    fallback=("delivered",),
    kind=Kind.PLANNING,
    confidence=Confidence.SECONDARY,
    optional=True,
    notes=(SERVICE_NOTE,),
    secondary=(
        "published readings of the Interpretation Act 1978 s.7 presumption (IPSEA model letter "
        "9, earliest; Practice Direction [1985] 1 All ER 889, latest); nothing in the SEND "
        "Regulations deems service or receipt"
    ),
)

RULES: tuple[Rule, ...] = (
    # ---------------------------------------------------------------- service and receipt
    SERVICE_DEEMED,
    # The same deeming for a request posted or delivered to the LA: the day it counts as
    # received (R). A step of its own, so a draft's service is never confused with it.
    replace(
        SERVICE_DEEMED,
        id="assess.received",
        process="assess",
        title="Request deemed received by the LA",
        wording="deemed received in the ordinary course of post, or on delivery",
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
        fallback=("assess.received",),
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
        fallback=("assess.received",),
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
        fallback=("assess.received",),
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
        fallback=("assess.received",),
        amount=20,
        unit=Unit.WEEKS,
        asap=True,
    ),
    # ------------------------------------------------------- annual review, amend, transfer
    # CFA s.44(1): "in the period of 12 months starting with the date on which the plan was
    # first made, and ... each subsequent period of 12 months starting with the date on which
    # the plan was last reviewed" -> ends the day before the corresponding date 12 months on.
    Rule(
        id="review.period-end",
        process="review",
        title="Review complete (LA decision notified)",
        cites=(Citation(CFA, "s.44(1)"),),
        wording="in the period of 12 months starting with P",
        anchor="plan_date",
        fallback=("last_meeting",),
        amount=12,
        unit=Unit.MONTHS,
        method=Method.PERIOD_STARTING,
        notes=(PERIOD_NOTE,),
    ),
    # Derived: the decision is due within 4 weeks of the meeting (reg 20(10)), so the meeting
    # must be 4 weeks before the period ends; moved back to a working (school) day.
    Rule(
        id="review.latest-meeting",
        process="review",
        title="Latest review meeting so the 4-week decision falls inside the period",
        cites=(Citation(CFA, "s.44(1)"), regs("reg 20(10) (derived)")),
        wording="4 weeks before the period ends, moved back to the last working or school day",
        anchor="review.period-end",
        amount=-4,
        unit=Unit.WEEKS,
        method=Method.AFTER,
        kind=Kind.PLANNING,
        roll=Roll.BACK_TO_WORKING_DAY,
    ),
    # regs 20(3), 21(3): "at least two weeks' notice of the date of the meeting" -> clear
    Rule(
        id="review.invitations",
        process="review",
        title="Notice of the review meeting given to the invitees",
        cites=(regs("regs 20(3), 21(3)"),),
        wording="at least two weeks' notice of the date of the meeting",
        anchor="meeting",
        fallback=("review.latest-meeting",),
        amount=2,
        unit=Unit.WEEKS,
        method=Method.CLEAR_BEFORE,
        kind=Kind.MINIMUM,
        notes=(CLEAR_NOTE,),
    ),
    # regs 20(4), 21(4): advice circulated "at least two weeks in advance of the review
    # meeting" -> clear interval
    Rule(
        id="review.advice-circulated",
        process="review",
        title="Advice and information circulated to the invitees",
        cites=(regs("regs 20(4), 21(4)"),),
        wording="at least two weeks in advance of the review meeting",
        anchor="meeting",
        fallback=("review.latest-meeting",),
        amount=2,
        unit=Unit.WEEKS,
        method=Method.CLEAR_BEFORE,
        kind=Kind.MINIMUM,
        notes=(CLEAR_NOTE,),
    ),
    # regs 20(7), 21(7): report "within two weeks of the review meeting" -> exclusive
    Rule(
        id="review.report",
        process="review",
        title="Report of the meeting sent to the LA and invitees",
        cites=(regs("regs 20(7), 21(7)"),),
        wording="within two weeks of the review meeting",
        anchor="meeting",
        fallback=("review.latest-meeting",),
        amount=2,
        unit=Unit.WEEKS,
    ),
    # reg 20(10): the LA decides to keep, amend or cease "within four weeks of the review
    # meeting"; Devon [2022]: proposed amendments go with the decision
    Rule(
        id="review.decision",
        process="review",
        title="LA notifies keep, amend or cease (with proposed amendments if amending)",
        cites=(
            regs("regs 20(10), 21 (paragraphs to verify)"),
            Citation("R (L, M and P) v Devon CC", "[2022] EWHC 493 (Admin)"),
        ),
        wording="within four weeks of the review meeting",
        anchor="meeting",
        fallback=("review.latest-meeting",),
        amount=4,
        unit=Unit.WEEKS,
        confidence=Confidence.SECONDARY,
    ),
    # reg 22(2)(c): "at least 15 days, beginning with the day on which the notice is served"
    Rule(
        id="review.amend-representations",
        process="review",
        title="Parent/young person: representations on the proposed amendments",
        cites=(regs("reg 22(2)(c)"),),
        wording="at least 15 days beginning with the day the notice is served",
        anchor="served",
        fallback=("service.deemed", "notice_sent", "review.decision"),
        amount=15,
        method=Method.BEGINNING_WITH,
        kind=Kind.MINIMUM,
        anchor_notes=(("notice_sent", SAME_DAY_NOTE),),
    ),
    # reg 22(3): "as soon as practicable, and in any event within 8 weeks of the date on which
    # the notice ... was sent"
    Rule(
        id="review.amended-final",
        process="review",
        title="LA issues the amended EHC plan",
        cites=(regs("reg 22(3)"),),
        wording="within 8 weeks of the date the amendment notice was sent",
        anchor="notice_sent",
        fallback=("review.decision",),
        amount=8,
        unit=Unit.WEEKS,
        asap=True,
        notes=(NO_RESTART_NOTE,),
    ),
    # reg 22(4): notify a decision not to amend "within 8 weeks of the date on which the notice
    # ... was sent" (S)
    Rule(
        id="review.no-amend",
        process="amend",
        title="LA notifies a decision not to amend the plan",
        cites=(regs("reg 22(4)"),),
        wording="within 8 weeks of the date the amendment notice was sent",
        anchor="notice_sent",
        amount=8,
        unit=Unit.WEEKS,
        confidence=Confidence.SECONDARY,
    ),
    # CoP 9.178: for children under 5, "consider reviewing ... every three to six months"
    Rule(
        id="review.early-years",
        process="review",
        title="Consider an early review (child under 5): from 3 months",
        cites=(Citation(COP, "para 9.178"),),
        wording="consider reviewing every 3 to 6 months (child under 5)",
        anchor="early_years",
        amount=3,
        unit=Unit.MONTHS,
        method=Method.AFTER,
        kind=Kind.GUIDANCE,
        confidence=Confidence.GUIDANCE,
        optional=True,
    ),
    Rule(
        id="review.early-years-6m",
        process="review",
        title="Consider an early review (child under 5): by 6 months",
        cites=(Citation(COP, "para 9.178"),),
        wording="consider reviewing every 3 to 6 months (child under 5)",
        anchor="early_years",
        amount=6,
        unit=Unit.MONTHS,
        method=Method.AFTER,
        kind=Kind.GUIDANCE,
        confidence=Confidence.GUIDANCE,
        optional=True,
    ),
    # reg 18(1)(b): review and amend "before 15th February in the calendar year of the
    # transfer" -> by 14 February; no roll
    Rule(
        id="transfer.school",
        process="transfer",
        title="Review and amend the plan, naming the new school",
        cites=(regs("reg 18(1)(b)"), Citation(COP, "para 9.179")),
        wording="before 15 February in the calendar year of the transfer",
        anchor="transfer_year",
        method=Method.BEFORE_FIXED,
        unit=Unit.FIXED,
        fixed=(2, 15),
        kind=Kind.FIXED,
        notes=(BY_BEFORE_NOTE,),
    ),
    # reg 18(1)(a): secondary school -> post-16 institution "before 31st March in the calendar
    # year of the transfer" -> by 30 March
    Rule(
        id="transfer.post16",
        process="transfer",
        title="Review and amend the plan, naming the post-16 institution",
        cites=(regs("reg 18(1)(a)"), Citation(COP, "para 9.179")),
        wording="before 31 March in the calendar year of the transfer",
        anchor="transfer_year",
        method=Method.BEFORE_FIXED,
        unit=Unit.FIXED,
        fixed=(3, 31),
        kind=Kind.FIXED,
        notes=(BY_BEFORE_NOTE,),
    ),
    # reg 18(2): post-16 -> another post-16 institution "at least five months before the
    # transfer" -> clear interval: T - 5 months - 1 day
    Rule(
        id="transfer.post16-other",
        process="transfer",
        title="Review and amend the plan before a move between post-16 institutions",
        cites=(regs("reg 18(2)"),),
        wording="at least five months before the transfer",
        anchor="transfer_date",
        amount=5,
        unit=Unit.MONTHS,
        method=Method.CLEAR_BEFORE,
        kind=Kind.MINIMUM,
        notes=(
            "'at least 5 months before' is a clear interval; a lenient reading (the transfer "
            "date less 5 months) gives one day later",
        ),
    ),
    # Not a transfer between phases (sixth form, apprenticeship, unknown): no reg 18 date;
    # CoP 9.179 and many LAs aim for 31 March.
    Rule(
        id="transfer.post16-guidance",
        process="transfer",
        title="Aim to name the next placement (not a reg 18 transfer)",
        cites=(Citation(COP, "para 9.179"),),
        wording="many LAs aim for 31 March (guidance; no reg 18 date)",
        anchor="transfer_year",
        method=Method.BEFORE_FIXED,
        unit=Unit.FIXED,
        fixed=(3, 31),
        kind=Kind.GUIDANCE,
        confidence=Confidence.GUIDANCE,
    ),
    # F: whichever transfer step the command computed (one of the four above).
    Rule(
        id="transfer.deadline",
        process="transfer",
        title="The transfer deadline F",
        cites=(regs("reg 18"),),
        wording="the transfer step's date",
        anchor="transfer.school",
        method=Method.LATER_OF,
        parts=(
            "transfer.school",
            "transfer.post16",
            "transfer.post16-other",
            "transfer.post16-guidance",
        ),
        kind=Kind.PLANNING,
        hidden=True,
    ),
    # Backward plan from F (derived): the LA's full 8 weeks for the amended plan (reg 22(3)),
    # its 4 weeks for the decision (reg 20(10)), two clear weeks' notice (reg 20(3), (4)).
    Rule(
        id="transfer.latest-notice",
        process="transfer",
        title="Latest amendment notice if the LA uses its full 8 weeks",
        cites=TRANSFER_PLAN_CITES,
        wording="8 weeks before the transfer deadline",
        anchor="transfer.deadline",
        amount=-8,
        unit=Unit.WEEKS,
        method=Method.AFTER,
        kind=Kind.PLANNING,
        confidence=Confidence.SECONDARY,
        notes=(
            "the floor: the notice must be served 15 days before the transfer deadline at the "
            "very latest, to leave the 15 days for representations (reg 22(2)(c))",
        ),
    ),
    Rule(
        id="transfer.latest-decision",
        process="transfer",
        title="Latest review decision, sent with the proposed amendments",
        cites=TRANSFER_PLAN_CITES,
        wording="8 weeks before the transfer deadline (with the amendment notice)",
        anchor="transfer.deadline",
        amount=-8,
        unit=Unit.WEEKS,
        method=Method.AFTER,
        kind=Kind.PLANNING,
        confidence=Confidence.SECONDARY,
    ),
    Rule(
        id="transfer.latest-meeting",
        process="transfer",
        title="Latest review meeting for the transfer",
        cites=TRANSFER_PLAN_CITES,
        wording="12 weeks before the transfer deadline, moved back to the last working day",
        anchor="transfer.deadline",
        amount=-12,
        unit=Unit.WEEKS,
        method=Method.AFTER,
        kind=Kind.PLANNING,
        confidence=Confidence.SECONDARY,
        roll=Roll.BACK_TO_WORKING_DAY,
    ),
    Rule(
        id="transfer.invitations",
        process="transfer",
        title="Notice of the transfer review meeting given",
        cites=TRANSFER_PLAN_CITES,
        wording="at least two weeks' notice of the latest meeting",
        anchor="transfer.latest-meeting",
        amount=2,
        unit=Unit.WEEKS,
        method=Method.CLEAR_BEFORE,
        kind=Kind.PLANNING,
        confidence=Confidence.SECONDARY,
    ),
    Rule(
        id="transfer.advice-circulated",
        process="transfer",
        title="Advice circulated for the transfer review meeting",
        cites=TRANSFER_PLAN_CITES,
        wording="at least two weeks in advance of the latest meeting",
        anchor="transfer.latest-meeting",
        amount=2,
        unit=Unit.WEEKS,
        method=Method.CLEAR_BEFORE,
        kind=Kind.PLANNING,
        confidence=Confidence.SECONDARY,
    ),
    # ---------------------------------------------------------------- move, re-assessment
    # reg 15(2)(a): "on the day of the move, where the old authority has become aware of the
    # move at least 15 working days prior to that move"; (b) otherwise "within 15 working days
    # beginning with the day on which the old authority did become aware". The later of the two
    # is exactly this rule: with A on or before the 15th working day before M, day 15 beginning
    # with A falls before M.
    Rule(
        id="move.transfer-on-move",
        process="move",
        title="Plan transferred on the day of the move",
        cites=(regs("reg 15(2)(a)"),),
        wording="on the day of the move (old LA aware at least 15 working days before it)",
        anchor="move_date",
        method=Method.ON_DAY,
        hidden=True,
    ),
    Rule(
        id="move.transfer-aware",
        process="move",
        title="Plan transferred after a late notice of the move",
        cites=(regs("reg 15(2)(b)"),),
        wording="within 15 working days beginning with the day the old LA became aware",
        anchor="aware",
        amount=15,
        unit=Unit.WORKING_DAYS,
        method=Method.WORKING_BEGINNING_WITH,
        hidden=True,
    ),
    Rule(
        id="move.transfer",
        process="move",
        title="Old LA transfers the plan to the new LA",
        cites=(regs("reg 15(2)"),),
        wording=(
            "on the day of the move if the old LA became aware at least 15 working days before "
            "it; otherwise within 15 working days beginning with the day it became aware"
        ),
        anchor="",
        method=Method.LATER_OF,
        parts=("move.transfer-on-move", "move.transfer-aware"),
    ),
    # reg 15(4): "within 6 weeks of the date of transfer" -> exclusive
    Rule(
        id="move.notify",
        process="move",
        title="New LA tells the parent whether it will assess and when it will review",
        cites=(regs("reg 15(4)"),),
        wording="within 6 weeks of the date of transfer",
        anchor="transfer_date",
        fallback=("move.transfer",),
        amount=6,
        unit=Unit.WEEKS,
    ),
    # reg 15(5): the later of the 12 months starting with P and the 3 months beginning with T
    Rule(
        id="move.review-plan",
        process="move",
        title="Review: end of the plan's 12-month period",
        cites=(regs("reg 15(5)"), Citation(CFA, "s.44(1)")),
        wording="the end of the 12 months starting with P (plan made or last reviewed)",
        anchor="plan_date",
        amount=12,
        unit=Unit.MONTHS,
        method=Method.PERIOD_STARTING,
        confidence=Confidence.SECONDARY,
        hidden=True,
    ),
    Rule(
        id="move.review-transfer",
        process="move",
        title="Review: end of the 3 months from the transfer",
        cites=(regs("reg 15(5)"),),
        wording="the end of the 3 months beginning with the date of transfer",
        anchor="transfer_date",
        fallback=("move.transfer",),
        amount=3,
        unit=Unit.MONTHS,
        method=Method.PERIOD_STARTING,
        confidence=Confidence.SECONDARY,
        hidden=True,
    ),
    Rule(
        id="move.review",
        process="move",
        title="New LA reviews the plan",
        cites=(regs("reg 15(5)"),),
        wording=(
            "the later of the end of the 12 months starting with P and the end of the 3 months "
            "beginning with the transfer"
        ),
        anchor="",
        method=Method.LATER_OF,
        parts=("move.review-plan", "move.review-transfer"),
        confidence=Confidence.SECONDARY,
    ),
    # reg 25(1): "within 15 days of receiving a request" -> exclusive
    Rule(
        id="reassess.decision",
        process="reassess",
        title="LA notifies whether it will re-assess",
        cites=(regs("reg 25(1)"),),
        wording="within 15 days of receiving the request",
        anchor="request_received",
        amount=15,
        confidence=Confidence.SECONDARY,
    ),
    # reg 27(2): "as soon as practicable, and in any event within 14 weeks of" the notification
    # under reg 25(1) or the LA's own decision (CFA s.44(3))
    Rule(
        id="reassess.final",
        process="reassess",
        title="LA issues the final amended or replacement plan",
        cites=(regs("reg 27(2)"), Citation(CFA, "s.44(3)")),
        wording="within 14 weeks of notifying the decision to re-assess (or deciding to)",
        anchor="notified",
        fallback=("la_decided", "reassess.decision"),
        amount=14,
        unit=Unit.WEEKS,
        asap=True,
    ),
    # ---------------------------------------------------------------- mediation and appeal, orders
    # reg 33: "within 2 months after written notice of the local authority's decision was sent"
    # -> the corresponding date; it never rolls.
    Rule(
        id="appeal.mediation-contact",
        process="appeal",
        title="Contact a mediation adviser (needed before most appeals)",
        cites=(regs("reg 33"),),
        wording="within 2 months after written notice of the decision was sent",
        anchor="decision_sent",
        amount=2,
        unit=Unit.MONTHS,
        method=Method.AFTER,
    ),
    # reg 34: "within 3 working days of being informed" (period from secondary sources)
    Rule(
        id="appeal.certificate",
        process="appeal",
        title="Adviser issues a certificate (parent does not want mediation)",
        cites=(regs("reg 34 (period from secondary sources)"),),
        wording="within 3 working days of the adviser being informed",
        anchor="adviser_informed",
        amount=3,
        unit=Unit.WORKING_DAYS,
        method=Method.WORKING_WITHIN,
        confidence=Confidence.SECONDARY,
    ),
    Rule(
        id="appeal.health-notice",
        process="appeal",
        title="LA tells each commissioning body the health issues (health care in issue)",
        cites=(regs("regs 35-41 (exact regulation unverified)"),),
        wording="within 3 working days of the LA being told mediation is wanted",
        anchor="mediation_requested",
        amount=3,
        unit=Unit.WORKING_DAYS,
        method=Method.WORKING_WITHIN,
        confidence=Confidence.SECONDARY,
    ),
    # "within 30 days" of the LA being told: a plain day count (not a --counting period)
    Rule(
        id="appeal.mediation",
        process="appeal",
        title="LA (health only: the commissioning body) arranges mediation",
        cites=(regs("regs 35-41 (exact regulation unverified)"),),
        wording="within 30 days of the LA being told mediation is wanted",
        anchor="mediation_requested",
        amount=30,
        unit=Unit.DAYS,
        method=Method.AFTER,
        confidence=Confidence.SECONDARY,
        notes=("sources differ on whether it must also take place within 30 days",),
    ),
    Rule(
        id="appeal.deemed-certificate",
        process="appeal",
        title="Adviser issues a certificate (mediation not arranged in 30 days)",
        cites=(regs("regulation unverified"),),
        wording="within 3 working days of the LA telling the adviser",
        anchor="la_told_adviser",
        amount=3,
        unit=Unit.WORKING_DAYS,
        method=Method.WORKING_WITHIN,
        confidence=Confidence.SECONDARY,
    ),
    Rule(
        id="appeal.mediation-certificate",
        process="appeal",
        title="Mediator issues a certificate after mediation",
        cites=(regs("regulation unverified"),),
        wording="within 3 working days of the end of mediation",
        anchor="mediation_ended",
        amount=3,
        unit=Unit.WORKING_DAYS,
        method=Method.WORKING_WITHIN,
        confidence=Confidence.SECONDARY,
    ),
    # HESC r.20(1)(c): the later of "2 months after written notice ... was sent" and "1 month
    # after the date of issue of the mediation certificate": corresponding dates; then r.12.
    Rule(
        id="appeal.deadline-decision",
        process="appeal",
        title="Two months after the decision was sent",
        cites=(Citation(HESC, "r.20(1)(c)"),),
        wording="2 months after written notice of the decision was sent",
        anchor="decision_sent",
        amount=2,
        unit=Unit.MONTHS,
        method=Method.AFTER,
        hidden=True,
    ),
    Rule(
        id="appeal.deadline-certificate",
        process="appeal",
        title="One month after the mediation certificate",
        cites=(Citation(HESC, "r.20(1)(c)"),),
        wording="1 month after the date of issue of the mediation certificate",
        anchor="certificate",
        amount=1,
        unit=Unit.MONTHS,
        method=Method.AFTER,
        hidden=True,
    ),
    Rule(
        id="appeal.deadline",
        process="appeal",
        title="Appeal received by the Tribunal (by 5pm, r.12(1))",
        cites=(Citation(HESC, "r.20(1)(c), r.12"),),
        wording=(
            "the later of 2 months after the decision was sent and 1 month after the mediation "
            "certificate; r.12(3)(a) (25 December-1 January, August) and r.12(2) (non-working "
            "days) extend it"
        ),
        anchor="",
        method=Method.LATER_OF,
        parts=("appeal.deadline-decision", "appeal.deadline-certificate"),
        roll=Roll.TRIBUNAL,
        notes=("the appeal must reach the Tribunal by 5pm on this day (r.12(1))",),
    ),
    # reg 44(2): "within N weeks of the date of the order" -> exclusive; "immediately" -> no date
    *(
        Rule(
            id=f"order.{sfx}",
            process="order",
            title=title,
            cites=(regs(f"reg 44(2){para}"),),
            wording=f"within {weeks} weeks of the order" if weeks else "immediately",
            anchor="order_date",
            amount=weeks or 0,
            unit=Unit.WEEKS if weeks else Unit.NONE,
            method=Method.WITHIN if weeks else Method.NO_DATE,
            confidence=conf,
            notes=(
                (CONTINUE_NOTE, DIRECTION_NOTE) if sfx == "continue-amend" else (DIRECTION_NOTE,)
            ),
        )
        for sfx, title, para, weeks, conf in ORDER_STEPS
    ),
    # GOV.UK guidance counts the same periods from the day the order is sent (--order-sent).
    *(
        Rule(
            id=f"order.{sfx}-sent",
            process="order",
            title=f"{title} (counted from the day the order was sent)",
            cites=(Citation(GOVUK_ORDERS), regs(f"reg 44(2){para}")),
            wording=f"{weeks} weeks from the day the order was sent (guidance)",
            anchor="order_sent",
            amount=weeks,
            unit=Unit.WEEKS,
            method=Method.AFTER,
            kind=Kind.GUIDANCE,
            confidence=Confidence.GUIDANCE,
            optional=True,
            notes=(ORDER_SENT_NOTE,),
        )
        for sfx, title, para, weeks, conf in ORDER_STEPS
        if weeks
    ),
    # reg 45: "within N weeks of the date on which the local authority notified the Tribunal"
    *(
        Rule(
            id=f"unopposed.{sfx}",
            process="order",
            title=title,
            cites=(regs(f"reg {para}"),),
            wording=f"within {weeks} weeks of the LA telling the Tribunal it will not oppose",
            anchor="la_told_tribunal",
            amount=weeks,
            unit=Unit.WEEKS,
            confidence=conf,
        )
        for sfx, title, para, weeks, conf in UNOPPOSED_STEPS
    ),
    # reg 42(2): appealable matters "as if the mediation agreement were an order" (reg 44).
    *(
        Rule(
            id=f"mediation.{sfx}",
            process="mediation",
            title=f"Mediation agreement (as reg 44(2){para}): {title.split(': ')[-1]}",
            cites=(regs("reg 42(2)"), regs(f"reg 44(2){para}")),
            wording=(
                f"within {weeks} weeks of the mediation agreement (reg 44 periods)"
                if weeks
                else "immediately"
            ),
            anchor="agreement_date",
            amount=weeks or 0,
            unit=Unit.WEEKS if weeks else Unit.NONE,
            method=Method.WITHIN if weeks else Method.NO_DATE,
            confidence=conf,
            notes=(AGREED_NOTE,),
        )
        for sfx, title, para, weeks, conf in ORDER_STEPS
    ),
    # reg 42(3): "within two weeks of the date of the mediation agreement"
    Rule(
        id="mediation.other",
        process="mediation",
        title="Mediation agreement: a non-appealable thing agreed is done",
        cites=(regs("reg 42(3)"),),
        wording="within two weeks of the date of the mediation agreement",
        anchor="agreement_date",
        amount=2,
        unit=Unit.WEEKS,
        notes=(AGREED_NOTE,),
    ),
    # reg 42(4): "within 1 week of the date of that agreement" (42(5) does not apply)
    Rule(
        id="mediation.health-notify",
        process="mediation",
        title="Commissioning body tells the LA of the agreement (LA not a party)",
        cites=(regs("reg 42(4)"),),
        wording="within 1 week of the date of the mediation agreement",
        anchor="agreement_date",
        amount=1,
        unit=Unit.WEEKS,
    ),
    # ---------------------------------------------------------------- complaints
    # LGA 1974 s.26B(1)-(2): a complaint "must be made ... before the end of the permitted
    # period", "the period of 12 months beginning with ... the day on which the person affected
    # first had notice of the matter" -> ends the day before the corresponding date 12 months on
    # (as CFA s.44(1)); s.26B(3): the Ombudsman "may disapply" it.
    Rule(
        id="ombudsman.complaint",
        process="ombudsman",
        title="Complaint to the Local Government and Social Care Ombudsman",
        cites=(Citation(LGA1974, "s.26B(1), (2)(a)"),),
        wording=(
            "before the end of the period of 12 months beginning with the day the person "
            "affected first had notice of the matter"
        ),
        anchor="first_notice",
        amount=12,
        unit=Unit.MONTHS,
        method=Method.PERIOD_STARTING,
        notes=(OMBUDSMAN_NOTE,),
    ),
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

RULES_BY_ID: dict[str, Rule] = {r.id: r for r in RULES}


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
    # move, reassess
    ExceptionRule(
        "reg 27(3)", ("reassess.final",), "reg 27(3)(c)", "reg 27(3)(d)", 28, "reg 27(3)(a)/(b)"
    ),
    # appeal, order: reg 44(3) (S) covers orders and reg 42(2) agreements (treated as orders)
    ExceptionRule(
        "reg 44(3)",
        tuple(f"{p}.{sfx}" for p in ("order", "mediation") for sfx, _, _, w, _ in ORDER_STEPS if w),
        "reg 44(3) (exceptional personal circumstances)",
        "reg 44(3) (absence from the area)",
        14,
        "reg 44(3) (closure circumstances, by reference)",
    ),
)


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
