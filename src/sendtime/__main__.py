"""python -m sendtime."""

from sendtime.cli.app import main

main()
