"""Real databases for the console tests: a SQLite file per test, and the session's throw-away PostgreSQL."""

from __future__ import annotations

from pathlib import Path
from typing import Iterator

import pytest
from sqlalchemy import text
from sqlalchemy.engine import Engine

from bot.console.models import Base
from bot.orders.db import create_schema, make_engine


@pytest.fixture(params=["sqlite", "postgresql"])
def engine(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Engine]:
    """An empty console database: a new SQLite file, or the session's PostgreSQL with the console's tables emptied."""
    url = request.getfixturevalue("postgres_url") if request.param == "postgresql" else f"sqlite:///{tmp_path / 'c.db'}"
    engine = make_engine(url)
    create_schema(engine, Base.metadata)
    if request.param == "postgresql":
        tables = ", ".join(table.name for table in Base.metadata.sorted_tables)
        with engine.begin() as connection:
            connection.execute(text(f"TRUNCATE {tables} RESTART IDENTITY"))
    try:
        yield engine
    finally:
        engine.dispose()
