"""Kept for old habits: the rule table moved to docs/rules.md; this runs scripts/update_docs.py.

Run: python scripts/update_docs.py
"""

from __future__ import annotations

import runpy
from pathlib import Path

if __name__ == "__main__":
    runpy.run_path(str(Path(__file__).with_name("update_docs.py")), run_name="__main__")
