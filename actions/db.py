"""The orders database and the clock, shared by the actions of one server process."""

from __future__ import annotations

from datetime import datetime, timezone
from functools import lru_cache

from zoneinfo import ZoneInfo

from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session

from bot.orders.db import create_schema, make_engine
from bot.orders.repository import find_order
from bot.stores.policy import StorePolicy


@lru_cache(maxsize=1)
def engine() -> Engine:
    """One engine per action-server process, created on first use (DATABASE_URL)."""
    created = make_engine()
    create_schema(created)
    return created


def now() -> datetime:
    """The current moment; one place so that every rule sees the same clock."""
    return datetime.now(timezone.utc)


def local_now(store: StorePolicy) -> datetime:
    """The current moment on the store's own clock."""
    return now().astimezone(ZoneInfo(store.timezone))


def order_items(store: StorePolicy, order_id: str) -> list[tuple[str, str]]:
    """(SKU, name) of each item of a store's order; empty when there is no such order."""
    with Session(engine()) as session:
        order = find_order(session, store.id, order_id)
        return [(item.sku, item.name) for item in order.items] if order else []
