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
    "la_told_body": "LA told the commissioning body the issues",
    "la_received_appeal": "LA received the appeal",
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
    "last_assessment": "last assessment",
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
    # No source for the 2014 regime gives (d) a period (GOV.UK SEND18 lists none); the 2 weeks
    # of SI 2001/3455 reg 25(2)(c) were the old statements law: undated, with a note.
    ("reconsider", "Case remitted: LA reconsiders and notifies", "(d) (no period found)", None, S),
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
HESC_R12_BEFORE_2020 = (
    "decision sent before 21 July 2020: r.12(3) then read that 25 December-1 January and every "
    "day in August 'must not be counted' (the wording before the Tribunal Procedure (Amendment) "
    "Rules 2020; secondary: seen through the Upper Tribunal's identical rule), which extends the "
    "time by the days left out rather than moving its end; this date uses the current r.12(3)(a)"
    ": check it against the rule in force when the decision was sent"
)
RECONSIDER_NOTE = (
    "no source for the 2014 Regulations gives a period for a remitted case (reg 44(2)(d); GOV.UK "
    "SEND18 lists none), so no date is guessed; the 2 weeks often quoted were the old statements "
    "law (SI 2001/3455 reg 25(2)(c)); a Tribunal direction dates it (--tribunal-direction)"
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

CEASE_APPEAL_NOTE = (
    "if an appeal is brought in time the plan is maintained until the appeal is determined (no "
    "date); if the Tribunal dismisses it the LA ceases immediately (reg 44(2)(a): sendtime order "
    "--type cease)"
)
CEASE_NO_LIMIT_NOTE = (
    "the Regulations set no time limit for the decision to cease (regs 29-31); the LA must first "
    "inform and consult the parent or young person and the school or college (reg 31(1))"
)

# review, amend, transfer
# No provision says in terms that the period never restarts: it is sendtime's reading of CFA
# s.44(1), whose periods run from the plan first made or last *reviewed*; an amendment, a
# re-issue or a move is not a review (reg 22(3) only sets the 8 weeks; reg 15(3)(a), on moves,
# text not verified).
PERIOD_NOTE = (
    "P is the date the plan was first made, or the date the LA notified its decision after the "
    "last review; sendtime reads CFA s.44(1) as never restarting the period on an amendment, a "
    "re-issue or a move between LAs (its periods run from the last review, and none of these is "
    "a review; on moves see also reg 15(3)(a), text not verified); a plan replaced after "
    "re-assessment (reg 27): check"
)
CLEAR_NOTE = (
    "a clear interval: neither the day of notice nor the meeting counts; a lenient reading "
    "(the meeting less 14 days) gives one day later"
)
SAME_DAY_NOTE = (
    "counted from the day the notice was served; when only the day it was sent is known, "
    "that day is used (assumes same-day service)"
)
NO_RESTART_NOTE = (
    "an amended plan does not restart the 12-month review period: sendtime's reading of CFA "
    "s.44(1) (its periods run from the last review, and an amendment is not one)"
)
NO_AMEND_NOTE = (
    "the alternative to review.amended-final: after the amendment notice the LA either issues "
    "the amended plan or tells the parent or young person it has decided not to amend"
)
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
    # reg 6 lists the advice but sets no limit; the Code says those asked for advice should
    # respond within a maximum of 6 weeks (issue 17.3; the paragraph, quoted by councils, was not
    # found: cited as chapter 9, unverified). Guidance, not practice.
    Rule(
        id="assess.advice-other",
        process="assess",
        title="Advice from the school or setting, educational psychologist, social care",
        cites=(Citation(COP, "ch. 9 (paragraph not verified)"), regs("reg 6 (no time limit set)")),
        wording="within a maximum of 6 weeks of the request for advice (the Code's guidance)",
        anchor="advice_requested",
        fallback=("assess.decision",),
        amount=6,
        unit=Unit.WEEKS,
        method=Method.AFTER,
        kind=Kind.GUIDANCE,
        confidence=Confidence.GUIDANCE,
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
    # Derived: the decision is due within 4 weeks of the meeting (reg 20(10), as review.decision,
    # secondary), so the meeting must be 4 weeks before the period ends; moved back to a working
    # (school) day. It is no surer than review.decision: secondary.
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
        confidence=Confidence.SECONDARY,
        roll=Roll.BACK_TO_WORKING_DAY,
        derives_from=("review.decision",),
        secondary=(
            "derived from review.decision's 4 weeks (reg 20(10)), whose paragraph is taken from "
            "secondary sources, so this date is no surer than that"
        ),
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
    # reg 22(3): the amended plan "within 8 weeks of the local authority sending a copy of the
    # EHC plan in accordance with paragraph (2)(a)" (the copy goes with the amendment notice)
    # -> exclusive; as soon as practicable
    Rule(
        id="review.amended-final",
        process="review",
        title="LA issues the amended EHC plan",
        cites=(regs("reg 22(3)"),),
        wording=(
            "within 8 weeks of the LA sending a copy of the plan with the amendment notice "
            "(reg 22(2)(a))"
        ),
        anchor="notice_sent",
        fallback=("review.decision",),
        amount=8,
        unit=Unit.WEEKS,
        asap=True,
        notes=(NO_RESTART_NOTE,),
    ),
    # reg 22(4): the decision not to amend, "as soon as practicable and in any event wit[hin]"
    # (text seen only to there) 8 weeks of the notice being sent (spec, secondary) -> exclusive.
    # The alternative to review.amended-final: in a review it follows the review decision.
    Rule(
        id="review.no-amend",
        process="amend",
        title="LA notifies a decision not to amend the plan (instead of amending it)",
        cites=(regs("reg 22(4)"),),
        wording="as soon as practicable, within 8 weeks of the day the amendment notice was sent",
        anchor="notice_sent",
        fallback=("review.decision",),
        amount=8,
        unit=Unit.WEEKS,
        asap=True,
        confidence=Confidence.SECONDARY,
        notes=(NO_AMEND_NOTE,),
        secondary=(
            "reg 22(4)'s text was seen only as far as 'as soon as practicable and in any event "
            "wit[hin]' (legislation.gov.uk); the 8 weeks are from secondary sources"
        ),
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
    # Post-16 to post-16 in the new academic year: the Code's "should normally be completed by
    # 31 March" beside reg 18(2)'s 5 months (as Birkett Long and Simpson Millar paraphrase it;
    # the Code's paragraph number not seen) -> "by 31 March" = before 1 April.
    Rule(
        id="transfer.post16-other-guidance",
        process="transfer",
        title="Review normally completed (post-16 to post-16 in the new academic year)",
        cites=(Citation(COP, "ch. 9 (paragraph not verified)"),),
        wording="should normally be completed by 31 March of the year of the transfer",
        anchor="transfer_year",
        method=Method.BEFORE_FIXED,
        unit=Unit.FIXED,
        fixed=(4, 1),
        kind=Kind.GUIDANCE,
        confidence=Confidence.GUIDANCE,
        notes=(
            "guidance beside the 5-month rule (reg 18(2)), for a move at the start of a new "
            "academic year; transfers between post-16 institutions may happen at other times",
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
        derives_from=("review.amended-final",),
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
        derives_from=("review.decision",),
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
        derives_from=("review.decision", "review.amended-final"),
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
    # Reg 24 (S): an LA may refuse a re-assessment request made within 6 months of the last
    # assessment ("within the period of 6 months prior to the request"): from the day after the
    # corresponding date 6 months on, that ground no longer applies. A discretion, not a bar.
    Rule(
        id="reassess.six-months",
        process="reassess",
        title="Six months after the last assessment",
        cites=(regs("reg 24"), Citation(CFA, "s.44(2)")),
        wording="6 months after the last assessment",
        anchor="last_assessment",
        amount=6,
        unit=Unit.MONTHS,
        method=Method.AFTER,
        confidence=Confidence.SECONDARY,
        hidden=True,
        optional=True,
    ),
    Rule(
        id="reassess.next-request",
        process="reassess",
        title="First day a re-assessment request cannot be refused as within 6 months",
        cites=(regs("reg 24"), Citation(CFA, "s.44(2)")),
        wording=(
            "the LA may refuse a request made within 6 months of the last assessment: the day "
            "after the date 6 months on"
        ),
        anchor="reassess.six-months",
        amount=1,
        unit=Unit.DAYS,
        method=Method.AFTER,
        kind=Kind.MINIMUM,
        confidence=Confidence.SECONDARY,
        optional=True,
        notes=(
            "a discretion, not a bar: within 6 months the LA may still re-assess, and must "
            "decide the request; which date counts as the last assessment (its completion, the "
            "plan) is not settled",
            "for a first assessment there is no such bar and no bar on appealing: within 6 months "
            "of a previous request the LA need only skip the s.36(7) notice (IPSEA)",
        ),
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
    # "within 30 days" of the LA being told: a plain day count (not a --counting period).
    # IPSEA: the LA, where education or social care is in issue, within 30 days "from the date you
    # told the LA you want to mediate"; health only: see appeal.mediation-health.
    Rule(
        id="appeal.mediation",
        process="appeal",
        title="LA arranges mediation (education or social care in issue)",
        cites=(regs("regs 35-41 (exact regulation unverified)"),),
        wording="within 30 days of the LA being told mediation is wanted",
        anchor="mediation_requested",
        amount=30,
        unit=Unit.DAYS,
        method=Method.AFTER,
        confidence=Confidence.SECONDARY,
        notes=("sources differ on whether it must also take place within 30 days",),
    ),
    # IPSEA: health only, the commissioning body "must arrange for mediation ... within 30 days
    # from the date the LA told them what the mediation issues are" -> from the LA's notice,
    # not from the day the LA was told; projected from appeal.health-notice (3 working days).
    Rule(
        id="appeal.mediation-health",
        process="appeal",
        title="Commissioning body arranges mediation (health care only in issue)",
        cites=(regs("regs 35-41 (exact regulation unverified)"),),
        wording="within 30 days of the LA telling the commissioning body the mediation issues",
        anchor="la_told_body",
        fallback=("appeal.health-notice",),
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
        # r.12(3) as reworded by the Tribunal Procedure (Amendment) Rules 2020, in force 21 July
        # 2020; before it, 25 December-1 January and August "must not be counted" (as the Upper
        # Tribunal's r.12(3) still reads), which extends the time rather than moving its end.
        in_force=dt.date(2020, 7, 21),
        before_in_force=HESC_R12_BEFORE_2020,
    ),
    # ---------------------------------------------------------------- ceasing to maintain a plan
    # Regs 29-31 set no time limit for the decision; reg 31(2)-(3): the LA "must notify" the
    # decision with "the time limits for" appealing. The plan must then be maintained "until the
    # time has passed for bringing an appeal or the appeal has been determined" (CFA s.45, as its
    # Explanatory Notes para 247 put it; the subsection's words not seen) -> the earliest day it
    # may stop is the day after the appeal deadline (appeal.deadline, rolls included).
    Rule(
        id="cease.earliest-stop",
        process="cease",
        title="Earliest day the LA may stop maintaining the plan (if no appeal is brought)",
        cites=(Citation(CFA, "s.45"), regs("reg 31"), Citation(HESC, "r.20(1)(c), r.12")),
        wording=(
            "maintained until the time for bringing an appeal has passed: the day after the "
            "appeal deadline"
        ),
        anchor="appeal.deadline",
        amount=1,
        unit=Unit.DAYS,
        method=Method.AFTER,
        kind=Kind.MINIMUM,
        confidence=Confidence.SECONDARY,
        derives_from=("appeal.deadline",),
        notes=(CEASE_APPEAL_NOTE, CEASE_NO_LIMIT_NOTE),
        secondary=(
            "the duty to maintain the plan until the time for appealing has passed or an appeal "
            "is determined is CFA s.45 as its Explanatory Notes (para 247) describe it; the "
            "subsection's words were not seen"
        ),
    ),
    # The LA's response to an appeal: 30 working days (IPSEA, S) on the Tribunal's calendar (r.12(3)
    # (b): 25 December-1 January and August not counted), from the day the LA received the appeal
    # from the Tribunal; HESC r.21(1) as made: "within 21 days after the date on which the
    # respondent received the application notice" unless the Schedule sets a time.
    Rule(
        id="appeal.la-response",
        process="appeal",
        title="LA sends its response to the appeal to the Tribunal",
        cites=(
            Citation(HESC, "r.21(1) (as amended; period from IPSEA)"),
            Citation(HESC, "r.12(3)(b)"),
        ),
        wording="within 30 working days of the LA receiving the appeal from the Tribunal",
        anchor="la_received_appeal",
        amount=30,
        unit=Unit.TRIBUNAL_DAYS,
        method=Method.WORKING_WITHIN,
        confidence=Confidence.SECONDARY,
        notes=(
            "the Tribunal's letter registering the appeal sets the actual date (a direction, "
            "r.12): that date wins",
        ),
    ),
    # reg 44(2): "within N weeks of the date of the order" -> exclusive; "immediately" -> no date
    *(
        Rule(
            id=f"order.{sfx}",
            process="order",
            title=title,
            cites=(regs(f"reg 44(2){para}"),),
            wording=(
                f"within {weeks} weeks of the order"
                if weeks
                else "no period found in the 2014 Regulations' sources"
                if sfx == "reconsider"
                else "immediately"
            ),
            anchor="order_date",
            amount=weeks or 0,
            unit=Unit.WEEKS if weeks else Unit.NONE,
            method=Method.WITHIN if weeks else Method.NO_DATE,
            confidence=conf,
            notes=(
                (CONTINUE_NOTE, DIRECTION_NOTE)
                if sfx == "continue-amend"
                else (RECONSIDER_NOTE, DIRECTION_NOTE)
                if sfx == "reconsider"
                else (DIRECTION_NOTE,)
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
                else "no period found in the 2014 Regulations' sources"
                if sfx == "reconsider"
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

# Who says each secondary (S) row's period, and which primary text was not seen (issue 17.17;
# each row names its source; docs/rules.md lists them). A test holds every S row to naming one.
_ORDERS_44 = (
    "GOV.UK SEND18 'Carry out an order' (2 weeks to change the school named, 5 weeks to change "
    "a plan, counted from the day the order is sent); IPSEA on reg 44(2)(e), (f); reg 44(2)(d)-(h) "
    "text not seen"
)
_MEDIATION = (
    "IPSEA, 'The mediation process'; Surrey SENDIASS, 'Mediation'; the text and numbering of "
    "regs 34-41 not seen"
)
SECONDARY_SOURCES: dict[str, str] = {
    "assess.advice": (
        "edyourself.org's summary of reg 8 (6 weeks, and reg 8(2)(c)'s missed appointment); "
        "reg 8's text not seen"
    ),
    "review.decision": (
        "councils and IPSEA (4 weeks after the meeting); the Devon judgment ([2022] EWHC 493 "
        "(Admin)) on sending proposed amendments with it; reg 20(10)'s paragraph number not "
        "verified"
    ),
    **dict.fromkeys(
        (
            "transfer.latest-notice",
            "transfer.latest-decision",
            "transfer.latest-meeting",
            "transfer.invitations",
            "transfer.advice-circulated",
        ),
        "a plan worked back from reg 18's date with the LA's full periods (regs 20, 22; the Devon "
        "judgment, [2022] EWHC 493 (Admin)); review.decision's 4 weeks are themselves secondary",
    ),
    **dict.fromkeys(
        ("move.review-plan", "move.review-transfer", "move.review"),
        "published guides on moves between LAs; reg 15(5)'s text not seen",
    ),
    "reassess.decision": (
        "Kent County Council and SEN-help ('within 15 calendar days of receiving the request'), "
        "Dorset SENDIASS; reg 25(1)'s text not seen (legislation.gov.uk shows its heading)"
    ),
    "appeal.certificate": _MEDIATION + " (reg 34(1) seen to its heading only)",
    "appeal.health-notice": _MEDIATION,
    "appeal.mediation": _MEDIATION + "; IPSEA says 'arrange', Surrey 'take place'",
    "appeal.mediation-health": _MEDIATION,
    "appeal.deemed-certificate": _MEDIATION,
    "appeal.mediation-certificate": _MEDIATION,
    "appeal.la-response": (
        "IPSEA ('within 30 working days of the appeal being sent to it'; its timeline: 'of LA "
        "receiving appeal'); HESC r.21(1) as made said 21 days unless the Schedule or a "
        "direction sets a time; where the 30 working days now sit was not found"
    ),
    **{
        f"{p}.{sfx}": _ORDERS_44
        for p in ("order", "mediation")
        for sfx in ("amend", "school", "continue", "reconsider")
    },
    **dict.fromkeys(
        ("order.continue-amend", "mediation.continue-amend"),
        "Surrey SENDIASS for the reg 45 analogue ('if the LA has also agreed to amend they must "
        "amend the plan within 5 weeks'); SI 2001/3455 reg 25(2)(f) gave 5 weeks under the old "
        "law; reg 44(2)(h) text not seen",
    ),
    **dict.fromkeys(
        ("unopposed.school", "unopposed.draft", "unopposed.final"),
        "Surrey SENDIASS ('within 2 weeks', 'draft Plan within 5 weeks and ... final Plan within "
        "11 weeks'); SI 2015/359 reg 8's text was seen only to reg 45(4)",
    ),
    "reassess.six-months": "as reassess.next-request",
    "reassess.next-request": (
        "Staffordshire Connects and Kent County Council (an LA may refuse a re-assessment "
        "requested within 6 months of the last assessment; CFA s.44 and reg 24); reg 24's text "
        "not seen"
    ),
}
RULES = tuple(
    replace(r, secondary=SECONDARY_SOURCES[r.id]) if r.id in SECONDARY_SOURCES else r for r in RULES
)

RULES_BY_ID: dict[str, Rule] = {r.id: r for r in RULES}


# Regs 5(4), 8(2), 10(4), 13(3), 27(3), 44(3): "need not comply with the time limit ... if it is
# impractical to do so because" of a listed reason. The tested period runs from the step's
# anchor to its date. No other step can be disapplied.
EXCEPTIONS: tuple[ExceptionRule, ...] = (
    ExceptionRule(
        "reg 5(4)", ("assess.decision",), "reg 5(4)(c)", "reg 5(4)(d)", 28, "reg 5(4)(a)/(b)"
    ),
    # reg 8(2)(c): the child or young person "fails to keep an appointment for an examination
    # or test made by the body during that 6 week period" (edyourself.org's summary, S)
    ExceptionRule(
        "reg 8(2)",
        ("assess.advice",),
        "reg 8(2)(a)",
        "reg 8(2)(b)",
        28,
        limbs=(
            (
                "appointment",
                "reg 8(2)(c)",
                "the child or young person failed to keep an appointment for an examination or "
                "test made by the body",
            ),
        ),
    ),
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
    # reg 44(3), text not seen. GOV.UK SEND18: more time if "exceptional personal circumstances
    # affect you or your child", "you or your child are absent from the area ... for a continuous
    # period of 2 weeks or longer", or "you indicate ... that you want to make representations
    # about the content of the ... EHC plan after th[e period]". Surrey SENDIASS instead names
    # "the circumstances referred to in SEND Regulation 13(3)" (the closure limbs): both
    # secondary, and the closure limb is named as unverified.
    ExceptionRule(
        "reg 44(3)",
        tuple(f"{p}.{sfx}" for p in ("order", "mediation") for sfx, _, _, w, _ in ORDER_STEPS if w),
        "reg 44(3) (exceptional personal circumstances; GOV.UK SEND18)",
        "reg 44(3) (absence from the area for a continuous 2 weeks or longer; GOV.UK SEND18)",
        14,
        "reg 44(3) (the reg 13(3) circumstances, by reference: Surrey SENDIASS only; unverified)",
        limbs=(
            (
                "representations",
                "reg 44(3) (representations about the plan after the period; GOV.UK SEND18)",
                "the parent or young person said they want to make representations about the "
                "content of the plan after the period",
            ),
        ),
    ),
)


# SI 2020/471 (from DfE's published guidance and Annex A; the SI's own text not seen): for
# 1 May-25 September 2020 inclusive, a limit "may be modified if, for a reason relating to the
# transmission or incidence of coronavirus, it is ... not reasonably practicable or impractical"
# to meet it, to "as soon as reasonably practicable" (or similar). The duty was on "a local
# authority, health commissioning body or others", so a parent's or young person's own period
# is never flagged (reg 13(1)(a), reg 22(2)(c) representations; reg 33 mediation contact).
# Reviews and transfers: reg 18A, inserted temporarily to 25 September 2020 by SI 2020/471
# (legislation.gov.uk annotation to reg 18); its words not seen, so its note says so.
PARENTS_OWN_PERIODS = frozenset(
    {"assess.representations", "review.amend-representations", "appeal.mediation-contact"}
)
COVID_CONDITION = (
    "only where it could not reasonably be met for a reason relating to the incidence or "
    "transmission of coronavirus"
)
RELAXATIONS: tuple[Relaxation, ...] = (
    Relaxation(
        dt.date(2020, 5, 1),
        dt.date(2020, 9, 25),
        REGS,
        "this period overlaps 1 May-25 September 2020: the time limit may have been relaxed to "
        f"'as soon as reasonably practicable' (SI 2020/471), {COVID_CONDITION}",
        skip=("review.", "transfer."),
        excluded=PARENTS_OWN_PERIODS,
    ),
    Relaxation(
        dt.date(2020, 5, 1),
        dt.date(2020, 9, 25),
        "",
        "this period overlaps 1 May-25 September 2020: review and transfer time limits may have "
        f"been relaxed by reg 18A (inserted until 25 September 2020 by SI 2020/471; its text not "
        f"verified), {COVID_CONDITION}",
        prefixes=("review.", "transfer."),
        excluded=PARENTS_OWN_PERIODS,
    ),
)


def rule_table() -> tuple[Rule, ...]:
    """Every visible rule, in table order (component rules of later-of steps are left out)."""
    return tuple(r for r in RULES if not r.hidden)
