"""`sendtime wales ...`: Wales's ALN deadlines (IDPs, the Regulations' periods, the Tribunal).

Each command parses its date, calls the process function of sendtime.law.wales and renders the
timeline with the common options, as England's commands do.
"""

from typing import Annotated, Any

import typer

from sendtime.cli.app import APP_SETTINGS, app, timeline_command
from sendtime.cli.options import Common, _opt, opt_date, parse_date
from sendtime.engine.errors import BadInput
from sendtime.engine.model import Timeline

wales = typer.Typer(
    **{
        **APP_SETTINGS,
        "help": "Wales: ALN deadlines (IDPs, the ALN Regulations 2021 and the Education "
        "Tribunal for Wales), each with its source.",
    }
)
app.add_typer(wales, name="wales")


def _arg(help: str, metavar: str = "DATE") -> Any:
    return typer.Argument(help=help, show_default=False, metavar=metavar)


def _core(common: Common) -> dict[str, Any]:
    """The process options, refusing what Wales's commands do not offer yet."""
    if common.nation is not None:
        from sendtime.law.wales.rules import NATION_REFUSED

        msg = f"--nation {common.nation}: {NATION_REFUSED}; --nation belongs to `holidays` only"
        raise BadInput(msg)
    if common.rules is not None:
        msg = "--rules: local rules apply to England's commands only for now"
        raise BadInput(msg)
    return {"options": common.options()}  # the one record: --done, --today, ... all reach it


@timeline_command("idp", group=wales)
def idp_cmd(
    common: Common,
    date: Annotated[
        str,
        _arg(
            "The day it was brought to the body's attention that the child or young person may "
            "have ALN (a young person: the day they consented), YYYY-MM-DD."
        ),
    ],
    by: Annotated[
        str, _opt("--by", help="school (default), fei or la: who decides.", metavar="BODY")
    ] = "school",
) -> Timeline:
    """The decision on ALN and the IDP: school 35 school days, FEI 35 term days, LA 12 weeks."""
    from sendtime.law.wales.idp import idp

    return idp(parse_date(date, "DATE"), by=by, **_core(common))


@timeline_command("reconsider", group=wales)
def reconsider_cmd(
    common: Common,
    date: Annotated[str, _arg("The day the LA received the request to reconsider, YYYY-MM-DD.")],
) -> Timeline:
    """The LA reconsiders a school's decision on ALN (ALNET s.26; the Code's 7 weeks)."""
    from sendtime.law.wales.idp import reconsider

    return reconsider(parse_date(date, "DATE"), **_core(common))


@timeline_command("not-necessary", group=wales)
def not_necessary_cmd(
    common: Common,
    date: Annotated[str, _arg("The day the young person consented, YYYY-MM-DD.")],
) -> Timeline:
    """The LA decides an IDP is not necessary for a young person (reg 10: 12 weeks)."""
    from sendtime.law.wales.idp import not_necessary

    return not_necessary(parse_date(date, "DATE"), **_core(common))


@timeline_command("nhs-referral", group=wales)
def nhs_referral_cmd(
    common: Common,
    date: Annotated[str, _arg("The day the NHS body received the referral, YYYY-MM-DD.")],
) -> Timeline:
    """The NHS body answers a s.20 referral (reg 11: 6 weeks)."""
    from sendtime.law.wales.idp import nhs_referral

    return nhs_referral(parse_date(date, "DATE"), **_core(common))


@timeline_command("cease-reconsider", group=wales)
def cease_reconsider_cmd(
    common: Common,
    date: Annotated[
        str, _arg("The day the school gave notice of its decision to cease the IDP, YYYY-MM-DD.")
    ],
) -> Timeline:
    """The last day to ask the LA to reconsider a decision to cease the IDP (reg 12: 4 weeks)."""
    from sendtime.law.wales.idp import cease_reconsider

    return cease_reconsider(parse_date(date, "DATE"), **_core(common))


@timeline_command("fei-transfer", group=wales)
def fei_transfer_cmd(
    common: Common,
    date: Annotated[str, _arg("The day the institution received the LA's request, YYYY-MM-DD.")],
) -> Timeline:
    """An FEI's period to agree to maintain an IDP (reg 13: 20 term-time days)."""
    from sendtime.law.wales.idp import fei_transfer

    return fei_transfer(parse_date(date, "DATE"), **_core(common))


@timeline_command("review", group=wales)
def review_cmd(
    common: Common,
    date: Annotated[
        str,
        _arg(
            "The day a copy of the plan (or revised plan, or notice not to revise) was given, "
            "YYYY-MM-DD."
        ),
    ],
) -> Timeline:
    """The IDP review, before the end of the 12-month review period (ALNET s.23)."""
    from sendtime.law.wales.idp import review

    return review(parse_date(date, "DATE"), **_core(common))


@timeline_command("appeal", group=wales)
def appeal_cmd(
    common: Common,
    date: Annotated[
        str,
        _arg("The day notice of the decision and of the right to appeal was given, YYYY-MM-DD."),
    ],
    dispute_resolution: Annotated[
        bool,
        typer.Option(
            "--dispute-resolution",
            help="The disagreement was referred to dispute resolution (s.68) in time.",
            show_default=False,
        ),
    ] = False,
    referred: Annotated[
        str | None,
        _opt(
            "--referred",
            help="The day it was referred to dispute resolution (checked; implies "
            "--dispute-resolution).",
            metavar="DATE",
        ),
    ] = None,
) -> Timeline:
    """The appeal to the Education Tribunal for Wales (8 weeks, +8 after dispute resolution)."""
    from sendtime.law.wales.tribunal import appeal

    return appeal(
        parse_date(date, "DATE"),
        dispute_resolution=dispute_resolution,
        referred=opt_date(referred, "--referred"),
        **_core(common),
    )
