"""python -m sendtime."""

from sendtime.cli import main

main()
