"""The assistant's clock: what "now" is for every rule, deadline and demo order.

The real time, moved on by whole days when `ASSISTANT_DAYS_AHEAD` is set and by seconds when
`ASSISTANT_SECONDS_AHEAD` is: the test suite sets them so that answers that depend on the weekday (a
Saturday's pickup moves to Monday) or the hour (a pickup ordered before 11:00, "today at 10 am") are the
same whenever it runs, and so that a run never crosses a store's midnight (the demo orders, dated from
the same clock when loaded, stay "delivered two days ago").
"""

from __future__ import annotations

import os
from datetime import datetime, timedelta, timezone

DAYS_AHEAD = "ASSISTANT_DAYS_AHEAD"
SECONDS_AHEAD = "ASSISTANT_SECONDS_AHEAD"


def now() -> datetime:
    """The current moment in UTC, moved on by `ASSISTANT_DAYS_AHEAD` days and `ASSISTANT_SECONDS_AHEAD` seconds."""
    return datetime.now(timezone.utc) + timedelta(days=int(os.environ.get(DAYS_AHEAD) or 0),
                                                  seconds=float(os.environ.get(SECONDS_AHEAD) or 0))
