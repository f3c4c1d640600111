"""Renderers: core records as a Rich table, JSON, CSV, ICS, XLSX, a month calendar or SVG."""
