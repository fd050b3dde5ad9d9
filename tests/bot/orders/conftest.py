"""Real databases for the orders tests: a SQLite file per test, and the session's throw-away PostgreSQL."""

from __future__ import annotations

from pathlib import Path
from typing import Iterator

import pytest
from sqlalchemy import text
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session

from bot.orders.db import create_schema, make_engine
from bot.orders.models import Base


@pytest.fixture(scope="session")
def postgres_engine(postgres_url: str) -> Iterator[Engine]:
    """One engine on the session's PostgreSQL, with freshly made tables."""
    engine = make_engine(postgres_url)
    Base.metadata.drop_all(engine)
    create_schema(engine)
    try:
        yield engine
    finally:
        engine.dispose()


@pytest.fixture(params=["sqlite", "postgresql"])
def engine(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Engine]:
    """An empty orders database: a new SQLite file, or the session's PostgreSQL emptied."""
    if request.param == "postgresql":
        engine = request.getfixturevalue("postgres_engine")
        tables = ", ".join(table.name for table in Base.metadata.sorted_tables)
        with engine.begin() as connection:
            connection.execute(text(f"TRUNCATE {tables} RESTART IDENTITY CASCADE"))
        yield engine
        return
    engine = make_engine(f"sqlite:///{tmp_path / 'orders.db'}")
    create_schema(engine)
    try:
        yield engine
    finally:
        engine.dispose()


@pytest.fixture
def session(engine: Engine) -> Iterator[Session]:
    """A session on the test database."""
    with Session(engine) as session:
        yield session
