"""The orders database and the clock, shared by the actions of one server process."""

from __future__ import annotations

from datetime import datetime, timezone
from functools import lru_cache

from sqlalchemy.engine import Engine

from bot.orders.db import create_schema, make_engine


@lru_cache(maxsize=1)
def engine() -> Engine:
    """One engine per action-server process, created on first use (DATABASE_URL)."""
    created = make_engine()
    create_schema(created)
    return created


def now() -> datetime:
    """The current moment; one place so that every rule sees the same clock."""
    return datetime.now(timezone.utc)
