"""Commands for moves, re-assessment, mediation, Tribunal appeals and orders (docs/tribunal.md)."""

from typing import Annotated, Any

import typer

from sendtime.cli.app import timeline_command
from sendtime.cli.options import Common, _opt, opt_date, parse_date
from sendtime.engine.model import Timeline

DATE = "DATE"


def _arg(help: str, metavar: str) -> Any:
    return typer.Argument(help=help, show_default=False, metavar=metavar)


@timeline_command("appeal")
def appeal_cmd(
    common: Common,
    decision_sent_date: Annotated[
        str,
        _arg("The day written notice of the decision was sent (YYYY-MM-DD).", "DECISION_SENT_DATE"),
    ],
    certificate: Annotated[
        str | None,
        _opt("--certificate", help="The day the mediation certificate was issued.", metavar=DATE),
    ] = None,
    adviser_informed: Annotated[
        str | None,
        _opt(
            "--adviser-informed",
            help="The day the mediation adviser was told mediation is not wanted.",
            metavar=DATE,
        ),
    ] = None,
    mediation_requested: Annotated[
        str | None,
        _opt(
            "--mediation-requested",
            help="The day the LA was told mediation is wanted.",
            metavar=DATE,
        ),
    ] = None,
    la_told_adviser: Annotated[
        str | None,
        _opt(
            "--la-told-adviser",
            help="The day the LA told the adviser mediation could not be arranged in 30 days.",
            metavar=DATE,
        ),
    ] = None,
    mediation_ended: Annotated[
        str | None,
        _opt("--mediation-ended", help="The day mediation ended.", metavar=DATE),
    ] = None,
) -> Timeline:
    """Mediation and the Tribunal appeal deadline (HESC r.20, r.12) from the decision letter."""
    from sendtime.law.england.tribunal import appeal

    return appeal(
        parse_date(decision_sent_date, "DECISION_SENT_DATE"),
        certificate=opt_date(certificate, "--certificate"),
        adviser_informed=opt_date(adviser_informed, "--adviser-informed"),
        mediation_requested=opt_date(mediation_requested, "--mediation-requested"),
        la_told_adviser=opt_date(la_told_adviser, "--la-told-adviser"),
        mediation_ended=opt_date(mediation_ended, "--mediation-ended"),
        options=common.options(),
    )


@timeline_command("order")
def order_cmd(
    common: Common,
    order_date: Annotated[
        str,
        _arg(
            "The date of the Tribunal's order, or with --unopposed the day the LA told the "
            "Tribunal it would not oppose (YYYY-MM-DD).",
            "ORDER_DATE",
        ),
    ],
    type: Annotated[
        str,
        _opt(
            "--type",
            help="assess, make-plan, reconsider, amend, school, continue, continue-amend, cease.",
            metavar="TYPE",
        ),
    ],
    unopposed: Annotated[
        bool,
        typer.Option(
            "--unopposed",
            help="The LA did not oppose the appeal (reg 45): count from ORDER_DATE as that day.",
        ),
    ] = False,
    tribunal_direction: Annotated[
        str | None,
        _opt(
            "--tribunal-direction",
            help="A date the Tribunal directed: replaces the order's last step (reg 44(1)).",
            metavar=DATE,
        ),
    ] = None,
    order_sent: Annotated[
        str | None,
        _opt(
            "--order-sent",
            help="The day the order was sent: also count from it (GOV.UK guidance).",
            metavar=DATE,
        ),
    ] = None,
) -> Timeline:
    """What the LA must do after a Tribunal order (reg 44) or an unopposed appeal (reg 45)."""
    from sendtime.law.england.tribunal import order

    return order(
        parse_date(order_date, "ORDER_DATE"),
        type=type,
        unopposed=unopposed,
        tribunal_direction=opt_date(tribunal_direction, "--tribunal-direction"),
        order_sent=opt_date(order_sent, "--order-sent"),
        options=common.options(),
    )


@timeline_command("mediation")
def mediation_cmd(
    common: Common,
    agreement_date: Annotated[
        str, _arg("The date of the mediation agreement (YYYY-MM-DD).", "AGREEMENT_DATE")
    ],
    type: Annotated[
        str,
        _opt(
            "--type",
            help="The matter agreed: an order type (assess, make-plan, ..., cease) for an "
            "appealable matter, or other (default).",
            metavar="TYPE",
        ),
    ] = "other",
    la_not_party: Annotated[
        bool,
        typer.Option(
            "--la-not-party",
            help="The LA was not a party: the commissioning body must tell it (reg 42(4)).",
        ),
    ] = False,
    agreed_date: Annotated[
        str | None,
        _opt(
            "--agreed-date",
            help="A different timescale agreed in writing (reg 42(5)).",
            metavar=DATE,
        ),
    ] = None,
) -> Timeline:
    """What the LA (or commissioning body) must do after a mediation agreement (reg 42)."""
    from sendtime.law.england.tribunal import mediation

    return mediation(
        parse_date(agreement_date, "AGREEMENT_DATE"),
        type=type,
        la_not_party=la_not_party,
        agreed_date=opt_date(agreed_date, "--agreed-date"),
        options=common.options(),
    )


@timeline_command("move")
def move_cmd(
    common: Common,
    move_date: Annotated[str, _arg("The day of the move (YYYY-MM-DD).", "MOVE_DATE")],
    aware: Annotated[
        str | None,
        _opt("--aware", help="The day the old LA became aware of the move.", metavar=DATE),
    ] = None,
    transfer_date: Annotated[
        str | None,
        _opt("--transfer-date", help="The day the plan was transferred.", metavar=DATE),
    ] = None,
    plan_date: Annotated[
        str | None,
        _opt(
            "--plan-date",
            help="P: the day the plan was made or the last review decision notified.",
            metavar=DATE,
        ),
    ] = None,
) -> Timeline:
    """A plan moving to a new local authority (reg 15): transfer, notice, review."""
    from sendtime.law.england.tribunal import move

    return move(
        parse_date(move_date, "MOVE_DATE"),
        aware=opt_date(aware, "--aware"),
        transfer_date=opt_date(transfer_date, "--transfer-date"),
        plan_date=opt_date(plan_date, "--plan-date"),
        options=common.options(),
    )


@timeline_command("reassess")
def reassess_cmd(
    common: Common,
    request_date: Annotated[
        str, _arg("The day the LA received the re-assessment request (YYYY-MM-DD).", "REQUEST_DATE")
    ],
    notified: Annotated[
        str | None,
        _opt("--notified", help="The day the LA notified its decision to re-assess.", metavar=DATE),
    ] = None,
    la_decided: Annotated[
        str | None,
        _opt(
            "--la-decided",
            help="The day the LA itself decided to re-assess (CFA s.44(3)).",
            metavar=DATE,
        ),
    ] = None,
) -> Timeline:
    """Re-assessment of an EHC plan (regs 25, 27)."""
    from sendtime.law.england.tribunal import reassess

    return reassess(
        parse_date(request_date, "REQUEST_DATE"),
        notified=opt_date(notified, "--notified"),
        la_decided=opt_date(la_decided, "--la-decided"),
        options=common.options(),
    )
