"""The assessment commands: assess and draft (deemed service by post, hand or email)."""

from typing import Annotated

import typer

from sendtime.cli.app import timeline_command
from sendtime.cli.options import Common, _opt, opt_date, parse_date
from sendtime.engine.model import Timeline
from sendtime.law.england.assess import parse_time


@timeline_command("assess")
def assess_cmd(
    common: Common,
    request_date: Annotated[
        str | None,
        typer.Argument(
            help="The day the LA received the request (YYYY-MM-DD).",
            show_default=False,
            metavar="REQUEST_DATE",
        ),
    ] = None,
    advice_requested: Annotated[
        list[str] | None,
        _opt(
            "--advice-requested",
            help="The day a body received the LA's request for advice (repeat for several).",
            metavar="DATE",
        ),
    ] = None,
    draft_served: Annotated[
        str | None,
        _opt("--draft-served", help="The day the draft plan was served.", metavar="DATE"),
    ] = None,
    consultation_sent: Annotated[
        str | None,
        _opt(
            "--consultation-sent", help="The day a school or college was consulted.", metavar="DATE"
        ),
    ] = None,
    posted: Annotated[
        str | None,
        _opt("--posted", help="The request was posted on DATE (deemed received).", metavar="DATE"),
    ] = None,
    post: Annotated[
        str | None, _opt("--post", help="first or second class.", metavar="CLASS")
    ] = None,
    delivered: Annotated[
        str | None,
        _opt(
            "--delivered",
            help="The request was delivered by hand or email on DATE.",
            metavar="DATE",
        ),
    ] = None,
    by: Annotated[str | None, _opt("--by", help="hand or email.", metavar="MEANS")] = None,
    at: Annotated[str | None, _opt("--at", help="Time of delivery, HH:MM.", metavar="TIME")] = None,
) -> Timeline:
    """The EHC needs assessment timeline (20 weeks) from the day the request was received."""
    from sendtime.law.england.assess import assess

    return assess(
        opt_date(request_date, "REQUEST_DATE"),
        advice_requested=[parse_date(d, "--advice-requested") for d in advice_requested or []],
        draft_served=opt_date(draft_served, "--draft-served"),
        consultation_sent=opt_date(consultation_sent, "--consultation-sent"),
        posted=opt_date(posted, "--posted"),
        post=post,
        delivered=opt_date(delivered, "--delivered"),
        by=by,
        at=None if at is None else parse_time(at),
        options=common.options(),
    )


@timeline_command("draft")
def draft_cmd(
    common: Common,
    served_date: Annotated[
        str | None,
        typer.Argument(
            help="The day the draft plan was served (YYYY-MM-DD).",
            show_default=False,
            metavar="SERVED_DATE",
        ),
    ] = None,
    consultation_sent: Annotated[
        str | None,
        _opt(
            "--consultation-sent", help="The day a school or college was consulted.", metavar="DATE"
        ),
    ] = None,
    posted: Annotated[
        str | None, _opt("--posted", help="The draft was posted on DATE.", metavar="DATE")
    ] = None,
    post: Annotated[
        str | None, _opt("--post", help="first or second class.", metavar="CLASS")
    ] = None,
    delivered: Annotated[
        str | None,
        _opt(
            "--delivered", help="The draft was delivered by hand or email on DATE.", metavar="DATE"
        ),
    ] = None,
    by: Annotated[str | None, _opt("--by", help="hand or email.", metavar="MEANS")] = None,
    at: Annotated[str | None, _opt("--at", help="Time of delivery, HH:MM.", metavar="TIME")] = None,
) -> Timeline:
    """The response window on a draft EHC plan, with deemed service when it was posted."""
    from sendtime.law.england.assess import draft

    return draft(
        opt_date(served_date, "SERVED_DATE"),
        consultation_sent=opt_date(consultation_sent, "--consultation-sent"),
        posted=opt_date(posted, "--posted"),
        post=post,
        delivered=opt_date(delivered, "--delivered"),
        by=by,
        at=None if at is None else parse_time(at),
        options=common.options(),
    )
