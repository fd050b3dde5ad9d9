"""The assistant's clock: what "now" is for every rule, deadline and demo order.

The real time, moved on by whole days when `ASSISTANT_DAYS_AHEAD` is set: the test suite sets it
so that answers that depend on the weekday (a Saturday's pickup moves to Monday) are the same
whatever day it runs. The demo orders are dated from the same clock, so "delivered two days ago"
stays two days ago.
"""

from __future__ import annotations

import os
from datetime import datetime, timedelta, timezone

DAYS_AHEAD = "ASSISTANT_DAYS_AHEAD"


def now() -> datetime:
    """The current moment in UTC, `ASSISTANT_DAYS_AHEAD` whole days on when that is set."""
    return datetime.now(timezone.utc) + timedelta(days=int(os.environ.get(DAYS_AHEAD) or 0))
