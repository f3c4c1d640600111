"""Deprecated alias of `sendtime.io.batch` (moved in 0.2); it warns and will go in 0.3."""

import sys
import warnings

from sendtime.io import batch as _moved

warnings.warn(
    "sendtime.batch moved to sendtime.io.batch; the old path goes in 0.3",
    DeprecationWarning,
    stacklevel=2,
)
sys.modules[__name__] = _moved
