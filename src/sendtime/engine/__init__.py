"""The engine: dates, calendars, counting conventions and timelines; no law, no I/O."""
