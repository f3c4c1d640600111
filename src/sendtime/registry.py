"""Deprecated alias of `sendtime.law.england.processes` (moved in 0.2); goes in 0.3."""

import sys
import warnings

from sendtime.law.england import processes as _moved

warnings.warn(
    "sendtime.registry moved to sendtime.law.england.processes; the old path goes in 0.3",
    DeprecationWarning,
    stacklevel=2,
)
sys.modules[__name__] = _moved
