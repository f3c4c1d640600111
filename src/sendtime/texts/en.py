"""English: every word of the table and HTML outputs (the catalogue described in texts/)."""

from __future__ import annotations

from sendtime.texts import Catalogue, Term

ACTIONS = {
    # What matters next, as a sentence: who must act, and by when ({date}).
    "assess.decision": "The council (LA) must tell you whether it will carry out an EHC needs "
    "assessment by {date}",
    "assess.advice": "Each body asked for advice (health, another council, youth offending team) "
    "must give it by {date}",
    "assess.no-plan": "If it decides not to issue an EHC plan, the council (LA) must tell you "
    "by {date}",
    "assess.representations": "You (the parent or young person) can comment on the draft plan, "
    "ask for a school or college to be named and ask for a meeting until at least {date}",
    "assess.final": "The council (LA) must send the final EHC plan by {date}",
    "review.invitations": "Everyone invited to the annual review meeting must be told of it "
    "by {date}",
    "review.advice-circulated": "The advice for the annual review must be sent to everyone "
    "invited by {date}",
    "review.report": "The school or college must send the report of the review meeting by {date}",
    "review.decision": "The council (LA) must tell you whether it will keep, amend or end the plan "
    "by {date}",
    "review.period-end": "The council (LA) must finish the annual review (its decision sent) "
    "by {date}",
    "review.amend-representations": "You (the parent or young person) can comment on the "
    "proposed amendments until at least {date}",
    "review.amended-final": "The council (LA) must issue the amended EHC plan by {date}",
    "review.no-amend": "If it decides not to amend the plan, the council (LA) must tell you "
    "by {date}",
    "transfer.school": "The council (LA) must review and amend the plan, naming the new school, "
    "by {date}",
    "transfer.post16": "The council (LA) must review and amend the plan, naming the post-16 "
    "institution, by {date}",
    "transfer.post16-other": "The council (LA) must review and amend the plan before the move "
    "between post-16 institutions, by {date}",
    "move.transfer": "The old council must transfer the plan to the new council by {date}",
    "move.notify": "The new council must tell you whether it will assess and when it will "
    "review the plan by {date}",
    "move.review": "The new council must review the plan by {date}",
    "reassess.decision": "The council (LA) must tell you whether it will re-assess by {date}",
    "reassess.final": "The council (LA) must issue the final amended or new plan by {date}",
    "appeal.mediation-contact": "You (the parent or young person) must contact a mediation "
    "adviser, needed before most appeals, by {date}",
    "appeal.certificate": "The mediation adviser must issue a certificate by {date}",
    "appeal.health-notice": "The council (LA) must tell the health bodies the health issues "
    "by {date}",
    "appeal.mediation": "The council (LA) must arrange mediation by {date}",
    "appeal.deemed-certificate": "The mediation adviser must issue a certificate by {date}",
    "appeal.mediation-certificate": "The mediator must issue a certificate by {date}",
    "appeal.deadline": "Your appeal must reach the Tribunal by 5pm on {date}",
    "ombudsman.complaint": "You can complain to the Local Government and Social Care Ombudsman "
    "until {date}",
    "order.*": "The council (LA) must comply with the Tribunal's order by {date}",
    "unopposed.*": "The council (LA) must do what it agreed when it did not oppose the appeal "
    "by {date}",
    "mediation.*": "What was agreed in mediation must be done by {date}",
}

KEY_TERMS = (
    Term("LA", r"\bLAs?\b", "local authority: the council responsible for the child's plan"),
    Term("EHC plan", r"\bEHC\b", "education, health and care plan"),
    Term(
        "ICB",
        r"\bICB\b",
        "integrated care board: the NHS body that plans local health services",
    ),
    Term("NHS", r"\bNHS\b", "National Health Service"),
    Term("SEN", r"\bSEN\b", "special educational needs"),
    Term("SENCO", r"\bSENCO\b", "the school's special educational needs co-ordinator"),
    Term(
        "reg, regs",
        r"\bregs?\b",
        "regulation(s) of the Special Educational Needs and Disability Regulations 2014 "
        "(SI 2014/1530), the law that sets most of these time limits",
    ),
    Term(
        "CoP",
        r"\bCoP\b",
        "the SEND Code of Practice: 0 to 25 years (2015), statutory guidance: what councils "
        "and schools should do",
    ),
    Term("CFA", r"\bCFA\b", "Children and Families Act 2014"),
    Term("s.", r"\bs\.\s?\d", "a section of an Act of Parliament"),
    Term(
        "HESC",
        r"\bHESC\b",
        "the Tribunal's own rules: Tribunal Procedure (First-tier Tribunal) (Health, "
        "Education and Social Care Chamber) Rules 2008",
    ),
    Term("r.", r"\br\.\s?\d", "a rule of the Tribunal's rules (HESC)"),
    Term(
        "Tribunal",
        r"\bTribunal\b",
        "the First-tier Tribunal (Special Educational Needs and Disability), which hears "
        "appeals against councils' decisions",
    ),
    Term(
        "Devon [2022]",
        r"Devon \[2022\]|Devon CC",
        "R (L, M and P) v Devon CC [2022] EWHC 493 (Admin), a High Court judgment on the "
        "time limits of annual reviews",
    ),
    Term("SI", r"\bSI \d", "statutory instrument: a regulation made under an Act"),
    Term(
        "IPSEA",
        r"\bIPSEA\b",
        "Independent Provider of Special Education Advice, a charity giving legal advice",
    ),
    Term("CPR", r"\bCPR\b", "Civil Procedure Rules (court rules, used here as a guide)"),
    Term(
        "step id",
        r"\b[a-z]+\.[a-z][a-z0-9-]*\b",
        "a step's name in sendtime, such as assess.final; --explain STEP_ID shows how its "
        "date was worked out",
    ),
    Term(
        "trigger",
        r"\btrigger\b",
        "the date a period counts from, such as the day the council received the request",
    ),
    Term(
        "working day",
        r"\bworking days?\b",
        "any day except Saturday, Sunday, Christmas Day, Good Friday and bank holidays",
    ),
    Term("school day", r"\bschool days?\b", "a day the setting is open, from its term dates"),
    Term(
        "deemed",
        r"(?<![.-])\bdeemed\b(?!-)",
        "treated by law as having happened on that day (a letter sent first class is deemed "
        "served on the second working day after posting), unless it really happened on "
        "another day",
    ),
    Term(
        "exclusive",
        r"\bexclusive\b",
        "counting: the day a period counts from is not itself counted (6 weeks from Friday "
        "1 March ends on Friday 12 April)",
    ),
    Term(
        "inclusive",
        r"\binclusive\b",
        "counting: the day a period counts from is counted as day 1 (a day earlier)",
    ),
)

CATALOGUE = Catalogue(
    lang="en-GB",
    titles={},  # English titles are the process registry's own (law/england/processes.py)
    columns=("Date", "Day", "Step", "Set by"),
    html_columns=("Date", "Day", "Step", "Set by", "How the date is worked out"),
    weekdays=("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"),
    months=(
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ),
    no_date="no date",
    tag_not_statutory="not a statutory deadline",
    tag_projected="projected",
    tag_disapplied="disapplied: {limb}",
    tag_notes="notes {numbers}",
    next_heading="What matters next",
    next_prefix="Next: ",
    next_by="{action}, by {date}",
    next_days={
        "today": "today",
        "one": "in 1 day",
        "many": "in {n} days",
        "ago_one": "1 day ago",
        "ago_many": "{n} days ago",
    },
    next_projected=(
        " This date is projected: it counts from a date you did not give, so it may move."
    ),
    next_none="No statutory date is still ahead of {date}.",
    next_none_past="No statutory date is still ahead. The last: {title}, {date}.",
    actions=ACTIONS,
    undated_one="Not dated yet: {steps}.",
    undated_give="give {option} to date {steps}",
    undated_other="{steps} (see the notes)",
    undated_heading="Steps without a date yet",
    notes_heading="Notes",
    key_heading="Key",
    key_terms=KEY_TERMS,
    kind_terms={
        "deadline": "the latest date the law allows",
        "minimum": "a period that must be allowed: the next step cannot come before this date",
        "fixed": "a date the law fixes in the calendar (such as before 15 February)",
        "planning": "worked back from a deadline to leave enough time; not itself a legal limit",
        "guidance": "what the Code of Practice says should happen; not a legal time limit",
        "practice": "common or local practice; not law",
    },
    flag_terms={
        "projected": "counted from a date you did not give, which sendtime assumed; give the "
        "real date to replace it",
        "disapplied": "an exception in the law (reg 5(4), 8(2), 10(4) or 13(3)) lets this limit "
        "be missed; the duty to act as soon as practicable remains",
        "local": "a milestone from local rules (--rules), not the law",
        "not a statutory deadline": "guidance or practice: useful to plan by, but nobody "
        "breaks the law by missing it",
    },
    provenance="Counting: {counting}. Bank holidays: {bank_holidays} ({source}){terms}.",
    counting_words={
        "exclusive": "exclusive (the day a period counts from is not counted)",
        "inclusive": "inclusive (the day a period counts from is day 1)",
    },
    terms_part="; terms: {terms}",
    explain_hint="How a date was worked out: --explain STEP_ID.",
    disclaimer=(
        "Not legal advice: dates computed from the SEND Regulations 2014 and related law; "
        "check against the law and your own records."
    ),
    disapplied_line="{id} disapplied under {limb}: {reason}",
    closure_line="Closure test {limb}, advice requested {requested}: {engaged}",
    closure_detail=(
        "closure{named}: first closed day {first}, reopens {reopens}; window {start} to {end}"
    ),
    closure_engaged={"true": "engaged", "false": "not engaged", "none": "not known"},
    local_heading="Local milestones{origin}",
    local_origin=" from {file}",
    local_caption="Local practice, not statutory deadlines: they never move a statutory date.",
    local_columns=("Date", "Day", "Local milestone", "Source"),
    local_tag="practice (local)",
    outcome_heading="What happened",
    outcome_columns=("Step", "Due", "Done", "Outcome"),
    outcome_words={
        "met": "met: done by the date",
        "late": "late: done after the date",
        "open": "open: not done yet, the date is still ahead",
        "overdue": "overdue: not done, and the date has passed",
        "disapplied": "disapplied: an exception in the law applies",
        "undated": "no date to compare with yet",
        "not-applicable": "not applicable",
    },
    outcome_short={
        "met": "met",
        "late": "late",
        "open": "open",
        "overdue": "overdue",
        "disapplied": "disapplied",
        "undated": "no date yet",
        "not-applicable": "not applicable",
        "late_n": "late {n} days",
        "overdue_n": "overdue {n} days",
        "done": " (done {date})",
    },
    outcome_summary="Checked against the dates done: {counts}.",
    chronology_heading="Chronology",
    html_title="{title}",
    html_generated="Made with sendtime {version}.",
    html_step_id="step id",
    html_basis="How the date is worked out",
    html_no_key_date="No statutory date is still ahead.",
    pupil_lines={
        "year": "Year group {year_group} in {academic_year} ({structure} structure).",
        "csa": "Compulsory school age ends {date} (Education Act 1996 s.8(3); the last Friday "
        "in June).",
        "pfa_now": "Reviews must consider preparation for adulthood (regs 20(6), 21(6)).",
        "pfa_later": "Preparation for adulthood: from Year 9 (regs 20(6), 21(6)).",
        "transfer": "Next transfer between phases: {when}, into {into}.",
    },
    extra={
        "late_by": " ({n} days late)",
        "steps_caption": "Every step, in date order",
        "due_in": "due in 3 days (a negative number: that many days overdue)",
    },
)
