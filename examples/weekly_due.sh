#!/bin/sh
# Print, or mail, the SEND steps due in the coming week from a caseload (.csv or .xlsx).
#
#   sh examples/weekly_due.sh CASELOAD [EMAIL]
#
# Schedule it with cron, e.g. every Monday at 07:30 (crontab -e):
#   30 7 * * 1  sh /home/senco/sendtime/weekly_due.sh /home/senco/caseload.xlsx senco@school.example
# With EMAIL, the list is mailed with mail(1) when anything is due; without, it is printed.
# DAYS (default 7) sets the window; TODAY (YYYY-MM-DD) fixes the date, for trying it out.
# Rejected rows are listed too, by ref and line only. Nothing leaves the machine but the mail.
set -u

caseload=${1:?usage: weekly_due.sh CASELOAD [EMAIL]}
to=${2:-}
sendtime=${SENDTIME:-sendtime}
days=${DAYS:-7}
problems=$(mktemp) || exit 1
trap 'rm -f "$problems"' EXIT

if [ -n "${TODAY:-}" ]; then
    report=$("$sendtime" due "$caseload" --within "$days" --today "$TODAY" 2>"$problems")
else
    report=$("$sendtime" due "$caseload" --within "$days" 2>"$problems")
fi
status=$?

case $status in
    0) subject="SEND steps: nothing due in the next $days days" ;;
    4) subject="SEND steps due in the next $days days" ;;
    2|3) subject="SEND steps: some caseload rows need fixing" ;;
    *) subject="SEND steps: sendtime failed (exit $status)" ;;
esac

message=$(
    printf '%s\n' "$report"
    if [ -s "$problems" ]; then
        printf '\nRows to fix (ref and line in %s):\n' "$caseload"
        cat "$problems"
    fi
)

if [ -n "$to" ]; then
    [ "$status" -eq 0 ] && exit 0  # no mail when nothing is due
    printf '%s\n' "$message" | mail -s "$subject" "$to"
else
    printf '%s\n\n%s\n' "$subject" "$message"
fi

# 0 or 4 (something due) is success for cron; anything else is passed on.
[ "$status" -eq 0 ] || [ "$status" -eq 4 ] || exit "$status"
exit 0
