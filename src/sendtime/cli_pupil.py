"""Commands about one pupil: SEN Support meetings (and, with transfers, the pupil's plan)."""

from typing import Annotated

from sendtime.cli import Common, _opt, opt_date, timeline_command
from sendtime.model import Timeline


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
    from sendtime.support import parse_every, support

    core = common.core()
    return support(
        calendar=core["calendar"],
        start=opt_date(from_, "--from"),
        end=opt_date(to, "--to"),
        every=parse_every(every) if every else None,
        today=core["today"],
    )
