"""Deprecated alias of `sendtime.io.rulefile` (moved in 0.2); it warns and will go in 0.3."""

import sys
import warnings

from sendtime.io import rulefile as _moved

warnings.warn(
    "sendtime.rulefile moved to sendtime.io.rulefile; the old path goes in 0.3",
    DeprecationWarning,
    stacklevel=2,
)
sys.modules[__name__] = _moved
