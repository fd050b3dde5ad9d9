"""Time limits for every database the servers use, from the environment, so a slow or dead database fails
one request instead of hanging the server.

- `DB_CONNECT_TIMEOUT_S` (default 5): seconds to wait for a connection (the tracker store, the orders
  database, the Redis lock store).
- `DB_STATEMENT_TIMEOUT_MS` (default 5000; 0: no limit): the longest one SQL statement may run, enforced
  by PostgreSQL itself.

The tracker store (`bot/tracker_store.py`) and the orders database pass `connect_args(url)` to
`create_engine`.
"""

from __future__ import annotations

import asyncio
import math
import os
from concurrent.futures import Executor
from functools import partial
from typing import Any, Callable, Optional, TypeVar

from sqlalchemy import MetaData
from sqlalchemy.engine import URL, Engine, make_url
from sqlalchemy.exc import DBAPIError, SQLAlchemyError
from sqlalchemy.pool import QueuePool

DEFAULT_CONNECT_TIMEOUT_S = 5.0
DEFAULT_STATEMENT_TIMEOUT_MS = 5000
T = TypeVar("T")


class DatabaseUnavailable(Exception):
    """A database failed, refused the work or did not answer in time: the caller answers without it."""


def number_setting(variable: str, default: float, smallest: float) -> float:
    """A number from the environment, else `default`; anything else is refused naming the variable."""
    value = os.environ.get(variable, "").strip()
    if not value:
        return default
    try:
        number = float(value)
    except ValueError:
        raise ValueError(f"{variable} must be a number, not {value!r}") from None
    if not math.isfinite(number) or number < smallest:
        raise ValueError(f"{variable} must be a finite number of at least {smallest:g}, not {value!r}")
    return number


def count_setting(variable: str, default: int, smallest: int) -> int:
    """A whole number from the environment (a pool's size, a cache's), else `default`; anything else is refused naming
    the variable."""
    value = os.environ.get(variable, "").strip()
    if not value:
        return default
    if not value.isdigit() or int(value) < smallest:
        raise ValueError(f"{variable} must be a whole number of at least {smallest}, not {value!r}")
    return int(value)


def connect_timeout_s() -> float:
    """Seconds to wait for a database connection (`DB_CONNECT_TIMEOUT_S`, default 5): a dead host fails fast."""
    return number_setting("DB_CONNECT_TIMEOUT_S", DEFAULT_CONNECT_TIMEOUT_S, 0.1)


def statement_timeout_ms() -> int:
    """The longest one SQL statement may run, in ms (`DB_STATEMENT_TIMEOUT_MS`, default 5000; 0: no limit)."""
    return int(number_setting("DB_STATEMENT_TIMEOUT_MS", DEFAULT_STATEMENT_TIMEOUT_MS, 0))


def connect_args(url: str | URL) -> dict[str, Any]:
    """SQLAlchemy `connect_args` applying both limits in the terms of the URL's driver (none for other drivers)."""
    parsed = make_url(url)
    driver = (parsed.get_backend_name(), parsed.get_driver_name())
    if driver == ("postgresql", "psycopg2"):
        # libpq takes whole seconds; the statement limit is a setting of each connection, enforced by the server
        return {"connect_timeout": max(1, math.ceil(connect_timeout_s())),
                "options": f"-c statement_timeout={statement_timeout_ms()}"}
    if driver == ("sqlite", "pysqlite"):
        return {"timeout": connect_timeout_s()}  # how long to wait for another writer's lock on the file
    return {}


def engine_options(url: str | URL, pool_size: int, max_overflow: int) -> dict[str, Any]:
    """`create_engine` options of a server's database: the time limits, and a pool of `pool_size` (and `max_overflow`
    more at a busy moment), where waiting for a free connection counts as connecting. A database server's connections
    are checked before use; a SQLite file's are pooled too (SQLAlchemy 1.4 opens and closes one per session, and
    closing the last one checkpoints the write-ahead log with an fsync), shared by the threads the pool serves. An
    in-memory SQLite database keeps SQLAlchemy's own pooling (each new connection would be another, empty database)."""
    options: dict[str, Any] = {"connect_args": connect_args(url)}
    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite":
        options.update(pool_size=pool_size, max_overflow=max_overflow, pool_timeout=connect_timeout_s(),
                       pool_pre_ping=True)
    elif parsed.database not in (None, "", ":memory:"):
        options.update(poolclass=QueuePool, pool_size=pool_size, max_overflow=max_overflow,
                       pool_timeout=connect_timeout_s(),
                       connect_args={**options["connect_args"], "check_same_thread": False})
    return options


# How much longer than the database's own limits a caller waits: those end a refused connection or a statement that
# runs too long, this ends what they do not (a connection that went silent in the middle of a statement).
GRACE_S = 1.0


def work_limit_s() -> float:
    """How long one unit of database work may take: the longer of the connect and statement limits."""
    return max(connect_timeout_s(), statement_timeout_ms() / 1000)


async def off_the_loop(call: Callable[..., T], *args: Any, threads: Optional[Executor] = None) -> T:
    """`call(*args)` in a thread (of `threads`, else the loop's own), waited for within the database's limits: a
    database that hangs holds up the one message waiting for it, never the server's event loop and every other
    customer. DatabaseUnavailable when it fails or does not answer in time."""
    limit = work_limit_s() + GRACE_S
    try:
        return await asyncio.wait_for(asyncio.get_running_loop().run_in_executor(threads, partial(call, *args)), limit)
    except asyncio.TimeoutError:
        raise DatabaseUnavailable(f"no answer within {limit:g} s") from None
    except SQLAlchemyError as error:
        raise DatabaseUnavailable(str(error).splitlines()[0]) from error


def tracker_store_url(sqlite_file: Optional[str] = None) -> str:
    """Where the conversations are kept: `TRACKER_STORE_URL` (PostgreSQL for several servers), else the SQLite file
    given, else `TRACKER_DB` (default var/tracker.db, relative to where the server runs)."""
    configured = os.environ.get("TRACKER_STORE_URL", "").strip()
    return configured or f"sqlite:///{sqlite_file or os.environ.get('TRACKER_DB', '').strip() or 'var/tracker.db'}"


def create_tables(metadata: MetaData, engine: Engine) -> None:
    """Creates the missing tables; another server that creates them at the same moment (two Rasa servers starting
    together on one database) is no error: the second attempt finds them there."""
    try:
        metadata.create_all(engine)
    except DBAPIError:
        metadata.create_all(engine)
