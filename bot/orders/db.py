"""Engines and schema for the orders database: `DATABASE_URL`, else a SQLite file in var/.

Nothing is created at import time: callers make an engine when they need one and open a
short `Session(engine)` per unit of work. Every engine has time limits (`bot.db_settings`): a
dead or hanging database fails one unit of work in seconds instead of holding it forever.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any, Optional

from sqlalchemy import MetaData, create_engine, event, inspect, text
from sqlalchemy.engine import Engine

from bot.db_settings import create_tables, engine_options
from bot.orders.models import Base

PROJECT_ROOT = Path(__file__).resolve().parents[2]
# Connections a process keeps open, and how many more it may open at a busy moment (SQLAlchemy's defaults, named
# so that the actions' database threads match them: a thread never waits for a connection another thread holds).
POOL_SIZE = 5
POOL_OVERFLOW = 10


def database_url() -> str:
    """`DATABASE_URL`, else `sqlite:///<project root>/var/orders.db` (var/ is created)."""
    url = os.environ.get("DATABASE_URL", "").strip()
    if url:
        return url
    var = PROJECT_ROOT / "var"
    var.mkdir(parents=True, exist_ok=True)
    return f"sqlite:///{var / 'orders.db'}"


def _enable_sqlite_foreign_keys(dbapi_connection: Any, connection_record: Any) -> None:
    """SQLite ignores foreign keys unless asked, per connection."""
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.close()


def make_engine(url: Optional[str] = None) -> Engine:
    """A 2.0-style engine for `url` (default: `database_url()`), with the connect and statement time limits; waiting
    for a free pooled connection counts as connecting."""
    url = url or database_url()
    engine = create_engine(url, future=True, **engine_options(url, POOL_SIZE, POOL_OVERFLOW))
    if engine.dialect.name == "sqlite":
        event.listen(engine, "connect", _enable_sqlite_foreign_keys)
    return engine


def create_schema(engine: Engine, metadata: MetaData = Base.metadata) -> None:
    """Creates the missing tables (the orders', or another room's on the same database), and the columns and indexes
    newer code added; safe to run again."""
    create_tables(metadata, engine)
    existing = inspect(engine)
    for table in metadata.sorted_tables:
        present = {column["name"] for column in existing.get_columns(table.name)}
        missing = [column for column in table.columns if column.name not in present]
        with engine.begin() as connection:
            for column in missing:  # only nullable columns are ever added to a table in use
                kind = column.type.compile(dialect=engine.dialect)
                connection.execute(text(f'ALTER TABLE {table.name} ADD COLUMN {column.name} {kind}'))
        if missing:
            for index in table.indexes:
                index.create(engine, checkfirst=True)


def display_url(engine: Engine) -> str:
    """The engine's URL without its password, for messages and logs."""
    return engine.url.render_as_string(hide_password=True)
