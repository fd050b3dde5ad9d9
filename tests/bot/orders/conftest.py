"""Real databases for the orders tests: a SQLite file per test, and a throw-away PostgreSQL."""

from __future__ import annotations

import os
import subprocess
import uuid
from pathlib import Path
from typing import Iterator

import pytest
from sqlalchemy import text
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session

from bot.orders.db import create_schema, make_engine
from bot.orders.models import Base

ROOT = Path(__file__).resolve().parents[3]
POSTGRES_SCRIPT = ROOT / "scripts" / "postgres.sh"


@pytest.fixture(scope="session")
def postgres_url() -> Iterator[str]:
    """A throw-away PostgreSQL of this test session (`scripts/postgres.sh`), or ORDERS_TEST_POSTGRES_URL."""
    given = os.environ.get("ORDERS_TEST_POSTGRES_URL")
    if given:
        yield given
        return
    env = {**os.environ, "POSTGRES_DIR": f"/tmp/orders-test-postgres-{uuid.uuid4().hex[:12]}"}
    try:
        started = subprocess.run(
            ["bash", str(POSTGRES_SCRIPT), "start"], env=env, capture_output=True, text=True, timeout=900
        )
    except subprocess.TimeoutExpired:
        pytest.skip("scripts/postgres.sh start took more than 15 minutes")
    if started.returncode != 0:
        pytest.skip(f"PostgreSQL could not be installed or started (scripts/postgres.sh): {started.stderr[-1500:]}")
    try:
        yield started.stdout.strip().splitlines()[-1]
    finally:
        subprocess.run(["bash", str(POSTGRES_SCRIPT), "stop"], env=env, capture_output=True, timeout=120)


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
