"""The actions' database work: off the event loop, within a time limit, and never committed after the customer was
told it failed."""

from __future__ import annotations

import asyncio
import time
from pathlib import Path
from typing import Callable, Iterator

import pytest
from sqlalchemy import text
from sqlalchemy.orm import Session

from actions import db
from actions.db import in_database
from bot.db_settings import GRACE_S, DatabaseUnavailable, work_limit_s
from hanging import SilentServer


@pytest.fixture
def database(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Iterator[Path]:
    """A SQLite orders database of this test (the orders' tables, and one to write marks in), with short limits: 1 s
    to connect, no statement limit."""
    path = tmp_path / "orders.db"
    monkeypatch.setenv("DATABASE_URL", f"sqlite:///{path}")
    monkeypatch.setenv("DB_CONNECT_TIMEOUT_S", "1")
    monkeypatch.setenv("DB_STATEMENT_TIMEOUT_MS", "0")
    db.engine.cache_clear()
    with db.engine().begin() as connection:
        connection.execute(text("CREATE TABLE marks (name TEXT)"))
    yield path
    db.engine.cache_clear()


def marks() -> list[str]:
    """What the tests' units of work committed."""
    with db.engine().connect() as connection:
        return list(connection.scalars(text("SELECT name FROM marks")))


def mark_slowly(name: str, seconds: float) -> Callable[[Session], str]:
    """A unit of work that writes a mark, then takes `seconds` (a database slow to answer)."""
    def work(session: Session) -> str:
        session.execute(text("INSERT INTO marks VALUES (:name)"), {"name": name})
        time.sleep(seconds)
        return name
    return work


async def largest_gap(until: asyncio.Future, every: float = 0.05) -> float:
    """The longest the event loop was held up while `until` ran: what every other customer would wait."""
    gap, last = 0.0, time.monotonic()
    while not until.done():
        await asyncio.sleep(every)
        gap, last = max(gap, time.monotonic() - last - every), time.monotonic()
    return gap


async def test_work_done_in_time_is_committed(database: Path) -> None:
    assert await in_database(mark_slowly("quick", 0)) == "quick"
    assert marks() == ["quick"]


@pytest.mark.parametrize("seconds", [1.3, 4])  # past the 1 s limit: the customer still waits / no longer waits
async def test_work_past_the_limit_is_rolled_back_and_the_event_loop_is_never_held(database: Path,
                                                                                    seconds: float) -> None:
    started = time.monotonic()
    job = asyncio.ensure_future(in_database(mark_slowly("late", seconds)))
    gap = await largest_gap(job)
    with pytest.raises(DatabaseUnavailable):
        job.result()
    assert time.monotonic() - started < work_limit_s() + GRACE_S + 0.5 and gap < 0.5
    await asyncio.sleep(seconds + 0.5)  # the thread the customer stopped waiting for has finished
    assert marks() == []


async def test_a_database_that_refuses_to_write_is_unavailable(database: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DATABASE_URL", f"sqlite:///file:{database}?mode=ro&uri=true")
    db.engine.cache_clear()
    with pytest.raises(DatabaseUnavailable, match="readonly"):
        await in_database(mark_slowly("refused", 0))


async def test_a_database_that_accepts_and_never_answers_costs_seconds_and_holds_up_nobody(
        database: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    with SilentServer() as hanging:
        monkeypatch.setenv("DATABASE_URL", f"postgresql+psycopg2://x:y@127.0.0.1:{hanging.port}/orders")
        db.engine.cache_clear()
        started = time.monotonic()
        job = asyncio.ensure_future(in_database(mark_slowly("never", 0)))
        gap = await largest_gap(job)
        with pytest.raises(DatabaseUnavailable):
            job.result()
        waited = time.monotonic() - started
        assert hanging.connections >= 1
    assert waited < 4 and gap < 0.5  # libpq's 2 s minimum connect time-out, our 2 s limit, and some slack
