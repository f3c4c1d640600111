"""Commands about one pupil: the pupil's year group and transfer plan; SEN Support meetings."""

from typing import Annotated

from sendtime.cli.app import timeline_command
from sendtime.cli.options import Common, _opt, opt_date, parse_date, parse_int
from sendtime.engine.errors import BadInput
from sendtime.engine.model import Timeline
from sendtime.law.england.school_year import YEAR_GROUPS


@timeline_command("support")
def support_cmd(
    common: Common,
    from_: Annotated[
        str | None,
        _opt("--from", help="First date to plan from (default: the first term).", metavar="DATE"),
    ] = None,
    to: Annotated[
        str | None,
        _opt("--to", help="Last date (default: the end of the last term).", metavar="DATE"),
    ] = None,
    every: Annotated[
        str | None,
        _opt(
            "--every",
            help="Add assess-plan-do-review dates every N weeks, e.g. 6w.",
            metavar="WEEKS",
        ),
    ] = None,
) -> Timeline:
    """SEN Support: meetings with parents three times a year, from the setting's term dates."""
    from sendtime.law.england.support import parse_every, support

    return support(
        start=opt_date(from_, "--from"),
        end=opt_date(to, "--to"),
        every=parse_every(every) if every else None,
        options=common.options(),
    )


@timeline_command("pupil")
def pupil_cmd(
    common: Common,
    dob: Annotated[
        str | None, _opt("--dob", help="Date of birth (YYYY-MM-DD).", metavar="DATE")
    ] = None,
    structure: Annotated[
        str,
        _opt(
            "--structure",
            help="two-tier (default), early-years, infant, junior, primary, middle or secondary.",
            metavar="STRUCTURE",
        ),
    ] = "two-tier",
    transfer_after_year: Annotated[
        str | None,
        _opt(
            "--transfer-after-year",
            help="With --structure middle: the last year group before the move (e.g. 8).",
            metavar="N",
        ),
    ] = None,
    destination: Annotated[
        str,
        _opt(
            "--destination",
            help="After Year 11: post16 (default), sixth-form, apprenticeship or unknown.",
            metavar="WHERE",
        ),
    ] = "post16",
    year_group: Annotated[
        str | None,
        _opt(
            "--year-group",
            help="The year group the child is taught in, if not the one for their age.",
            metavar="N",
        ),
    ] = None,
    plan_date: Annotated[
        str | None,
        _opt(
            "--plan-date", help="P: the start of the current annual-review period.", metavar="DATE"
        ),
    ] = None,
) -> Timeline:
    """A pupil's year group, school-leaving date and next phase transfer, from a date of birth."""
    from sendtime.law.england.pupils import pupil

    if dob is None:
        raise BadInput("pupil needs --dob DATE (the date of birth)")
    return pupil(
        parse_date(dob, "--dob"),
        structure=structure,
        transfer_after_year=parse_int(transfer_after_year, "--transfer-after-year", 1, 13),
        destination=destination,
        year_group=parse_int(year_group, "--year-group", *YEAR_GROUPS),
        plan_date=opt_date(plan_date, "--plan-date"),
        options=common.options(),  # every common option reaches the core, --exception too
    )
