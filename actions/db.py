"""The orders database and the clock, shared by the actions of one server process.

Database work never runs on the server's event loop: each unit of work is one transaction in one of a few
threads, waited for within a time limit, so a slow or hanging database costs the customer who waits for it a
few seconds and the other customers nothing.
"""

from __future__ import annotations

import time
from concurrent.futures import ThreadPoolExecutor
from datetime import datetime
from functools import lru_cache, partial
from typing import Callable, TypeVar

from zoneinfo import ZoneInfo

from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session

from bot import clock
from bot.db_settings import DatabaseUnavailable, off_the_loop, work_limit_s
from bot.orders.db import POOL_OVERFLOW, POOL_SIZE, create_schema, make_engine
from bot.orders.repository import find_order
from bot.stores.policy import StorePolicy

T = TypeVar("T")


@lru_cache(maxsize=1)
def engine() -> Engine:
    """One engine per action-server process, created on first use (DATABASE_URL)."""
    created = make_engine()
    create_schema(created)
    return created


@lru_cache(maxsize=1)
def _threads() -> ThreadPoolExecutor:
    """The threads database work runs in, as many as the engine's connections: none waits for a connection."""
    return ThreadPoolExecutor(max_workers=POOL_SIZE + POOL_OVERFLOW, thread_name_prefix="orders-db")


def _waited_for(deadline: float) -> None:
    """Refuses to go on once the customer has been told the database did not answer (the transaction rolls back)."""
    if time.monotonic() > deadline:
        raise DatabaseUnavailable("the customer stopped waiting")


def _transaction(work: Callable[[Session], T], deadline: float) -> T:
    """`work` in one transaction, begun and committed only while the customer still waits for it."""
    with Session(engine()) as session, session.begin():
        _waited_for(deadline)
        done = work(session)
        _waited_for(deadline)
        return done


async def in_database(work: Callable[[Session], T]) -> T:
    """Runs `work` as one transaction in a database thread and returns what it returns (plain values: its ORM
    objects expire with the transaction); DatabaseUnavailable when the database fails or is too slow, with nothing
    of the work kept."""
    return await off_the_loop(_transaction, work, time.monotonic() + work_limit_s(), threads=_threads())


def now() -> datetime:
    """The current moment; one place so that every rule sees the same clock (the assistant's, `bot.clock`)."""
    return clock.now()


def local_now(store: StorePolicy) -> datetime:
    """The current moment on the store's own clock."""
    return now().astimezone(ZoneInfo(store.timezone))


def _item_names(store: str, order_id: str, session: Session) -> list[tuple[str, str]]:
    """(SKU, name) of each item of a store's order, read in `session`."""
    order = find_order(session, store, order_id)
    return [(item.sku, item.name) for item in order.items] if order else []


async def order_items(store: StorePolicy, order_id: str) -> list[tuple[str, str]]:
    """(SKU, name) of each item of a store's order; empty when there is no such order."""
    return await in_database(partial(_item_names, store.id, order_id))
