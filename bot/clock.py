"""The one clock the assistant reads ("is it open now?", dated notices).

Why a module of its own: tests freeze time by replacing `now` here, and nothing else in the
project calls datetime.now() for a resident-facing decision.
"""

from __future__ import annotations

import datetime as dt


def now() -> dt.datetime:
    """The current moment, time-zone aware (UTC)."""
    return dt.datetime.now(dt.timezone.utc)
