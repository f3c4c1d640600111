"""Wales's rule table: the ALN system's time limits (ALNET 2018, ALN Code and Regulations 2021).

One row per step, the same shape as England's table (sendtime.law.england.rules). Each row's
``wording`` quotes the words that fix its counting; the comment above it says how they count
and how sure the source is (docs/wales.md). Three sources, three behaviours:

- the ALN (Wales) Regulations 2021 (SI 2021/401 (W. 130)): periods "beginning with the day after"
  a day, which reg 2(4) extends to the following working day when they end on a non-working
  day (Roll.NEXT_WORKING_DAY on those rows only);
- the ALN Code for Wales 2021: the school, college and LA periods, mandatory under ALNET s.4(6)
  but taken here from secondary sources (the Code's text was not checked); they never roll;
- the Education Tribunal for Wales Regulations 2021 (SI 2021/406 (W. 132)): "the first working
  day after the expiry of" 8 weeks (Roll.AFTER_EXPIRY), from a secondary source.
"""

from __future__ import annotations

import datetime as dt

from sendtime.engine.model import Citation, Confidence, Method, Roll, Rule, Unit
from sendtime.engine.ruleset import ExceptionRule

ALNET = "Additional Learning Needs and Education Tribunal (Wales) Act 2018"
REGS = "ALN (Wales) Regulations 2021 (SI 2021/401)"
CODE = "ALN Code for Wales 2021"
ETW = "Education Tribunal for Wales Regulations 2021 (SI 2021/406)"
V, S = Confidence.VERIFIED, Confidence.SECONDARY

# The ALN system replaced SEN statements from 1 September 2021 (SI 2021/401 reg 1(2); the Act's
# Part 2 was commenced in phases from that day).
IN_FORCE = dt.date(2021, 9, 1)
BEFORE_REGIME = (
    "is before {start}, when the ALN system (the 2018 Act, the ALN Code and Regulations 2021) "
    "came into force in Wales; sendtime does not compute the SEN regime it replaced"
)
WORKING_DAY_WORDS = (
    "Working day: any day except Saturday, Sunday, Christmas Day, Good Friday and a bank "
    "holiday ({nation}; {source}). sendtime has not seen the Act's definition; this is the "
    "standard statutory meaning, on England-and-Wales bank holidays."
)
SECONDARY_NOTE = (
    "secondary source: the period and paragraph are taken from secondary sources (the Nodi "
    "guide to ALN law, council guidance); sendtime has not checked them against the text of "
    "the ALN Code or the Tribunal Regulations"
)
ASAP_NOTE = "the duty is to act promptly; this date is the latest"
ASAP_REMAINS = "time limit disapplied; the duty to act promptly remains"
NATION_REFUSED = (
    "Wales's ALN law counts working days on England-and-Wales bank holidays whatever the nation "
    "(the 2018 Act and the Regulations apply in Wales), so a nation cannot change its dates"
)
OTHER_NATION = "a calendar of {nation}: " + NATION_REFUSED + "; use Calendar() instead"
DISCLAIMER = (
    "Not legal advice: dates computed from the Additional Learning Needs and Education Tribunal "
    "(Wales) Act 2018, the ALN Code and Regulations 2021; check against the law and your own "
    "records."
)
PRESUMED_PROJECTION = "projected: counted from {anchor} (the real date, if known, wins)"

CODE_NOTE = (
    "a Code period: the ALN Code's time limits are requirements (ALNET s.4(6)), not guidance; "
    "Code periods are not extended when they end on a non-working day (reg 2(4) covers the "
    "Regulations only)"
)
SCHOOL_DAY_NOTE = (
    "counted in the setting's school days from its term file, the day itself not counted; "
    "INSET days listed as closures are not school days (a choice: see docs/wales.md)"
)
TERM_DAY_NOTE = (
    "'term time days' are not defined in the text sendtime has seen: counted as the "
    "institution's school days from its term file (weekdays in term, not bank holidays, not "
    "listed closures), the day itself not counted"
)
REG_2_4_NOTE = (
    "reg 2(4): a period of these Regulations whose last day is not a working day is extended "
    "to include the following working day"
)
REVIEW_NOTE = (
    "later review periods start with the day a revised plan, or notice of a decision not to "
    "revise it, is given in the preceding period (s.23(3)); give that date instead. With neither, "
    "the next period starts the day after this one ends (s.23(4))"
)
LATE_APPEAL_NOTE = (
    "an appeal received out of time may still be considered if it is fair and just to do so "
    "(ETW Regulations 2021 reg 14): ask the Tribunal"
)

# What each process input is called in basis and explain text.
INPUT_LABELS: dict[str, str] = {
    "brought_to_attention": "brought to attention, or consent",
    "reconsider_requested": "request to reconsider received",
    "consented": "young person consented",
    "referral_received": "referral received by the NHS body",
    "notified": "notifications of the decision to cease given",
    "transfer_requested": "request received by the institution",
    "plan_given": "copy of the plan given",
    "notice_given": "notice of the decision and of the right to appeal given",
}

RULES: tuple[Rule, ...] = (
    # ---------------------------------------------------------------- deciding on ALN and the IDP
    # Code paras 12.12, 12.21 (S: Nodi; Newport CC): "promptly, and in any event within 35 school
    # days from" it being brought to the attention of, or otherwise appearing to, the school that
    # the pupil may have ALN (a young person: from consent). "Within N from X": X is not counted;
    # the 35th school day after X. Duty: ALNET ss.11(1), 12, 22; period set by the Code, s.4(6).
    Rule(
        id="idp.school",
        process="idp",
        title="School decides on ALN and gives the IDP or a notice of no ALN",
        cites=(Citation(CODE, "paras 12.12, 12.21"), Citation(ALNET, "ss.4(6), 11(1), 12")),
        wording="promptly, and in any event within 35 school days from it being brought to the "
        "attention of the school that the pupil may have ALN",
        anchor="brought_to_attention",
        amount=35,
        unit=Unit.SCHOOL_DAYS,
        method=Method.WORKING_WITHIN,
        confidence=S,
        asap=True,
        notes=(SCHOOL_DAY_NOTE, CODE_NOTE),
    ),
    # Code para 16.16 (S: Nodi, "35 days term time"): the same duty of a further education
    # institution (ALNET s.11(2)), counted in the institution's term-time days.
    Rule(
        id="idp.fei",
        process="idp",
        title="Further education institution decides on ALN and gives the IDP or a notice",
        cites=(Citation(CODE, "para 16.16"), Citation(ALNET, "ss.4(6), 11(2), 12")),
        wording="promptly, and in any event within 35 term-time days from it being brought to "
        "the attention of the institution that the student may have ALN",
        anchor="brought_to_attention",
        amount=35,
        unit=Unit.TERM_DAYS,
        method=Method.WORKING_WITHIN,
        confidence=S,
        asap=True,
        notes=(TERM_DAY_NOTE, CODE_NOTE),
    ),
    # Code paras 11.17, 11.24 (S: Nodi; Newport CC): the LA decides and gives the IDP "within 12
    # weeks from the date it was brought to their attention" (or the referral, s.12(2)(a)).
    # "Within 12 weeks from X": X + 84 days (--counting inclusive: X + 83).
    Rule(
        id="idp.la",
        process="idp",
        title="Local authority decides on ALN and gives the IDP or a notice of no ALN",
        cites=(Citation(CODE, "paras 11.17, 11.24"), Citation(ALNET, "ss.4(6), 13, 14")),
        wording="promptly, and in any event within 12 weeks from the matter being brought to "
        "the local authority's attention (or the referral)",
        anchor="brought_to_attention",
        amount=12,
        unit=Unit.WEEKS,
        method=Method.WITHIN,
        confidence=S,
        asap=True,
        notes=(CODE_NOTE,),
    ),
    # ALNET s.26: on a request, the LA "must decide whether the child or young person has
    # additional learning needs" (V). The Code sets 7 weeks (S: Newport CC, "seven weeks where
    # the local authority is reconsidering a school's decision"; paragraph not found). Counted
    # from the request (an inference: the source does not name the start).
    Rule(
        id="idp.reconsider",
        process="reconsider",
        title="Local authority reconsiders the school's decision on ALN",
        cites=(Citation(CODE, "paragraph not identified"), Citation(ALNET, "ss.4(6), 26")),
        wording="within 7 weeks from the request to reconsider",
        anchor="reconsider_requested",
        amount=7,
        unit=Unit.WEEKS,
        method=Method.WITHIN,
        confidence=S,
        notes=(
            CODE_NOTE,
            "the secondary source gives 7 weeks but not its start; counted from the LA "
            "receiving the request",
        ),
    ),
    # ---------------------------------------------------------------- the Regulations' periods
    # reg 10(3) (V): "promptly and in any event before the end of the period of 12 weeks
    # beginning with the day after the day on which the young person consented": the day after
    # consent is day 1, so the period ends consent + 84 days; reg 2(4) rolls it forward.
    Rule(
        id="idp.not-necessary",
        process="not-necessary",
        title="LA decides, and notifies, that an IDP is not necessary for the young person",
        cites=(Citation(REGS, "reg 10(3)-(4), reg 2(4)"), Citation(ALNET, "s.14(1)(c)(ii)")),
        wording="promptly and in any event before the end of the period of 12 weeks beginning "
        "with the day after the day on which the young person consented",
        anchor="consented",
        amount=12,
        unit=Unit.WEEKS,
        method=Method.AFTER,
        roll=Roll.NEXT_WORKING_DAY,
        asap=True,
        notes=(REG_2_4_NOTE,),
    ),
    # reg 11(2) (V): the period "(a) begins with the day on which the NHS body receives the
    # referral ... and (b) ends at the end of 6 weeks beginning with the day after" it: receipt +
    # 42 days. reg 11(1): "promptly and in any event within" it. reg 2(4) rolls it forward.
    Rule(
        id="idp.nhs-response",
        process="nhs-referral",
        title="NHS body tells the LA or school whether there is relevant treatment or service",
        cites=(Citation(REGS, "reg 11(1)-(3), reg 2(4)"), Citation(ALNET, "ss.20, 21")),
        wording="promptly and in any event within a period ending at the end of 6 weeks "
        "beginning with the day after the day on which the NHS body receives the referral",
        anchor="referral_received",
        amount=6,
        unit=Unit.WEEKS,
        method=Method.AFTER,
        roll=Roll.NEXT_WORKING_DAY,
        asap=True,
        notes=(REG_2_4_NOTE,),
    ),
    # reg 12(1) (V): the period to ask the LA to reconsider a school's decision to cease to
    # maintain the IDP (s.32(1)(b)) "ends at the end of 4 weeks beginning with the day after"
    # the day the s.31(8) and (9) notifications are given (the later, reg 12(2)): + 28 days;
    # reg 2(4) rolls it forward. No exception.
    Rule(
        id="idp.cease-reconsider",
        process="cease-reconsider",
        title="Last day to ask the LA to reconsider the school's decision to cease the IDP",
        cites=(Citation(REGS, "reg 12(1)-(2), reg 2(4)"), Citation(ALNET, "ss.31, 32(1)(b)")),
        wording="a period ending at the end of 4 weeks beginning with the day after the day on "
        "which the governing body gives the notifications",
        anchor="notified",
        amount=4,
        unit=Unit.WEEKS,
        method=Method.AFTER,
        roll=Roll.NEXT_WORKING_DAY,
        notes=(
            REG_2_4_NOTE,
            "notifications given on different days: count from the later (reg 12(2)); an "
            "email is given on the day it is sent unless the contrary is proved (s.88(6))",
        ),
    ),
    # reg 13(2) (V, legislation.gov.uk): the period after which the LA may refer the matter to
    # the Welsh Ministers (s.36(3)) "(a) begins with the day on which the governing body
    # receives the request ... and (b) ends at the end of the period of 20 term time days
    # beginning with the day after" it: the 20th term-time day after receipt. "Term time day"
    # is not defined in the text seen (TERM_DAY_NOTE). Its last day is always a working day
    # under that counting, so reg 2(4) could not move it.
    Rule(
        id="idp.fei-transfer",
        process="fei-transfer",
        title="Institution's period to agree to maintain the IDP ends (then the LA may refer it)",
        cites=(Citation(REGS, "reg 13(2)"), Citation(ALNET, "s.36(2)-(3)")),
        wording="ends at the end of the period of 20 term time days beginning with the day "
        "after the day on which the governing body receives the request",
        anchor="transfer_requested",
        amount=20,
        unit=Unit.TERM_DAYS,
        method=Method.WORKING_WITHIN,
        notes=(
            TERM_DAY_NOTE,
            "after this day, if the institution has not agreed, the LA may refer the matter to "
            "the Welsh Ministers (s.36(3), reg 14)",
        ),
    ),
    # ---------------------------------------------------------------- review
    # ALNET s.23(1)-(2) (V): "must review it before the end of each review period"; "The first
    # review period is a period of 12 months starting with the date on which a copy of the plan
    # is given": that date is day 1, so the period ends the day before the same date 12 months
    # on. An Act period: no roll.
    Rule(
        id="idp.review",
        process="review",
        title="IDP reviewed (before the end of the review period)",
        cites=(Citation(ALNET, "s.23(1)-(5)"),),
        wording="before the end of each review period, a period of 12 months starting with the "
        "date on which a copy of the plan is given",
        anchor="plan_given",
        amount=12,
        unit=Unit.MONTHS,
        method=Method.PERIOD_STARTING,
        notes=(REVIEW_NOTE,),
    ),
    # ---------------------------------------------------------------- Education Tribunal for Wales
    # ETW Regs 2021 reg 10 (S: Nodi guide q.12.07): "received on the first working day after
    # expiry of 8 weeks beginning on the date when a notice of decision and right of appeal was
    # given"; "extended by a further 8 weeks if the matter is referred to dispute resolution
    # under s.68 ALNET, before the original time ... expires". The 8 weeks include the notice
    # day (ends notice + 55 days); the appeal is due the first working day after that. The
    # 2012 predecessor (SI 2012/322 reg 12, V) used "two months": never 2 months here.
    Rule(
        id="etw.dispute-resolution",
        process="appeal",
        title="Last day to refer the disagreement to dispute resolution and extend the appeal time",
        cites=(Citation(ETW, "reg 10"), Citation(ALNET, "s.68")),
        wording="referred to dispute resolution before the end of 8 weeks beginning with the "
        "date on which notice of the decision and of the right to appeal was given",
        anchor="notice_given",
        amount=8,
        unit=Unit.WEEKS,
        method=Method.BEGINNING_WITH,
        confidence=S,
        notes=("optional: a referral by this day adds a further 8 weeks to the appeal time",),
    ),
    # The extended period: a further 8 weeks, i.e. 16 weeks beginning with the notice day. Run
    # only when the referral was made in time (sendtime.law.wales.tribunal.appeal).
    Rule(
        id="etw.extended",
        process="appeal",
        title="Appeal period extended by dispute resolution",
        cites=(Citation(ETW, "reg 10"), Citation(ALNET, "s.68")),
        wording="extended by a further 8 weeks: 16 weeks beginning with the date notice was given",
        anchor="notice_given",
        amount=16,
        unit=Unit.WEEKS,
        method=Method.BEGINNING_WITH,
        confidence=S,
        hidden=True,
    ),
    Rule(
        id="etw.appeal",
        process="appeal",
        title="Appeal to the Education Tribunal for Wales received",
        cites=(Citation(ETW, "reg 10"),),
        wording="received on the first working day after the expiry of 8 weeks beginning with "
        "the date on which notice of the decision and of the right to appeal was given",
        anchor="",
        method=Method.LATER_OF,
        parts=("etw.dispute-resolution", "etw.extended"),
        roll=Roll.AFTER_EXPIRY,
        confidence=S,
        notes=(LATE_APPEAL_NOTE,),
    ),
)

RULES_BY_ID: dict[str, Rule] = {r.id: r for r in RULES}

_CODE_EXCEPTION = (
    "ALN Code 2021 exception (ALNET s.4(6); wording from a secondary source: impractical due to "
    "circumstances beyond the body's control)"
)
# "need not comply ... if it is impractical to do so due to circumstances beyond its control"
# (reg 10(4), reg 11(3), V). The Code provides exceptions too (s.4(6)); their list was not seen
# (the LA's "impractical ... beyond their control" is secondary). An exception disapplies the
# limit (the date stays, marked disapplied); it never extends it.
EXCEPTIONS: tuple[ExceptionRule, ...] = (
    ExceptionRule("reg 10(4)", ("idp.not-necessary",), "", "", 0, beyond_control="reg 10(4)"),
    ExceptionRule("reg 11(3)", ("idp.nhs-response",), "", "", 0, beyond_control="reg 11(3)"),
    ExceptionRule(
        "the ALN Code's exceptions",
        ("idp.school", "idp.fei", "idp.la", "idp.reconsider"),
        "",
        "",
        0,
        beyond_control=_CODE_EXCEPTION,
    ),
)


def rule_table() -> tuple[Rule, ...]:
    """Every visible Wales rule, in table order (the hidden extended period left out)."""
    return tuple(r for r in RULES if not r.hidden)
