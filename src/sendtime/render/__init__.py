"""Renderers: turn core records into table, JSON, CSV (and later ICS, calendar) text."""
