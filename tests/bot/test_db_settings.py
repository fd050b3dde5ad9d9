"""Database time limits from the environment, and the tracker store on the database TRACKER_STORE_URL names."""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import Any

import pytest
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import UserUttered
from rasa.shared.core.trackers import DialogueStateTracker
from sqlalchemy import text
from sqlalchemy.engine import make_url
from sqlalchemy.pool import QueuePool

from bot.db_settings import connect_args, connect_timeout_s, statement_timeout_ms, tracker_store_url
from bot.orders.db import make_engine
from bot.tracker_store import SafeSQLTrackerStore, TrackerStoreError, store_engine_options


@pytest.fixture(autouse=True)
def no_settings(monkeypatch: pytest.MonkeyPatch) -> None:
    """Each test starts from the defaults."""
    for variable in ("DB_CONNECT_TIMEOUT_S", "DB_STATEMENT_TIMEOUT_MS", "TRACKER_STORE_URL", "TRACKER_STORE_POOL_SIZE"):
        monkeypatch.delenv(variable, raising=False)


def test_the_defaults_are_five_seconds() -> None:
    assert (connect_timeout_s(), statement_timeout_ms()) == (5.0, 5000)


@pytest.mark.parametrize("connect, statement, url, expected", [
    ("2.5", "0", "postgresql+psycopg2://u:p@db:5432/rasa", {"connect_timeout": 3, "options": "-c statement_timeout=0"}),
    ("", "750", "postgresql://u:p@db/rasa", {"connect_timeout": 5, "options": "-c statement_timeout=750"}),
    ("0.2", "", "postgresql://u:p@db/rasa", {"connect_timeout": 1, "options": "-c statement_timeout=5000"}),
    ("2", "", "sqlite:///var/tracker.db", {"timeout": 2.0}),
    ("2", "100", "mysql+pymysql://u:p@db/rasa", {}),  # no driver arguments we know of: none given
])
def test_connect_args_speak_each_drivers_terms(monkeypatch: pytest.MonkeyPatch, connect: str, statement: str, url: str,
                                               expected: dict[str, Any]) -> None:
    monkeypatch.setenv("DB_CONNECT_TIMEOUT_S", connect)
    monkeypatch.setenv("DB_STATEMENT_TIMEOUT_MS", statement)
    assert connect_args(url) == expected


@pytest.mark.parametrize("variable, value", [
    ("DB_CONNECT_TIMEOUT_S", "five"), ("DB_CONNECT_TIMEOUT_S", "0"), ("DB_CONNECT_TIMEOUT_S", "nan"),
    ("DB_STATEMENT_TIMEOUT_MS", "-1"), ("DB_STATEMENT_TIMEOUT_MS", "inf"),
])
def test_a_bad_value_is_refused_naming_the_variable(monkeypatch: pytest.MonkeyPatch, variable: str, value: str) -> None:
    monkeypatch.setenv(variable, value)
    with pytest.raises(ValueError, match=f"^{variable}"):
        connect_timeout_s() if variable == "DB_CONNECT_TIMEOUT_S" else statement_timeout_ms()


def test_tracker_store_url_wins_over_the_sqlite_file(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("TRACKER_DB", str(tmp_path / "tracker.db"))
    monkeypatch.setenv("TRACKER_STORE_URL", f"sqlite:///{tmp_path / 'shared.db'}")
    store = SafeSQLTrackerStore(Domain.empty(), db=str(tmp_path / "other.db"), host="ignored")
    tracker = DialogueStateTracker("c1.tisa.x", [])
    tracker.update(UserUttered("سلام"))
    asyncio.run(store.save(tracker))
    assert (tmp_path / "shared.db").exists() and not (tmp_path / "tracker.db").exists()
    assert [event.text for event in asyncio.run(store.retrieve("c1.tisa.x")).events] == ["سلام"]


@pytest.mark.parametrize("url, path, expected", [
    ("", "", "sqlite:///var/tracker.db"),
    ("", "/data/t.db", "sqlite:////data/t.db"),
    ("postgresql+psycopg2://u:p@db:5432/rasa", "/data/t.db", "postgresql+psycopg2://u:p@db:5432/rasa"),
])
def test_where_the_conversations_are_kept(monkeypatch: pytest.MonkeyPatch, url: str, path: str, expected: str) -> None:
    monkeypatch.setenv("TRACKER_STORE_URL", url)
    monkeypatch.setenv("TRACKER_DB", path)
    assert tracker_store_url() == expected


def test_a_url_without_its_driver_stops_the_start_instead_of_keeping_conversations_in_memory(
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TRACKER_STORE_URL", "mysql+pymysql://u:p@127.0.0.1/rasa")  # pymysql is not installed
    with pytest.raises(TrackerStoreError, match="TRACKER_STORE_URL"):
        SafeSQLTrackerStore(Domain.empty())


@pytest.mark.parametrize("size, refused", [("", False), ("12", False), ("0", True), ("many", True)])
def test_the_pool_of_a_server_database(monkeypatch: pytest.MonkeyPatch, size: str, refused: bool) -> None:
    monkeypatch.setenv("TRACKER_STORE_POOL_SIZE", size)
    url = make_url("postgresql+psycopg2://u:p@db/rasa")
    if refused:
        with pytest.raises(ValueError, match="^TRACKER_STORE_POOL_SIZE"):
            store_engine_options(url)
        return
    options = store_engine_options(url)
    assert (options["pool_size"], options["max_overflow"], options["pool_pre_ping"]) == (int(size or 5), 0, True)


def test_a_sqlite_tracker_store_keeps_its_connections_open(tmp_path: Path) -> None:
    options = store_engine_options(make_url(f"sqlite:///{tmp_path / 'tracker.db'}"))
    assert options["poolclass"] is QueuePool and options["connect_args"]["check_same_thread"] is False
    store = SafeSQLTrackerStore(Domain.empty(), db=str(tmp_path / "tracker.db"))
    with store.session_scope():
        pass
    assert store.engine.pool.checkedin() == 1  # returned to the pool, not closed


def test_the_orders_database_on_a_sqlite_file_keeps_its_connections_open(tmp_path: Path) -> None:
    """The orders (and console) engine asked on every message whether a person holds the conversation: one pooled
    connection serves the threads in turn instead of a new one (and its PRAGMA) per question."""
    engine = make_engine(f"sqlite:///{tmp_path / 'orders.db'}")
    seen = set()
    for _ in range(3):
        with engine.connect() as connection:
            seen.add(id(connection.connection.dbapi_connection))
            assert connection.execute(text("PRAGMA foreign_keys")).scalar() == 1
    assert isinstance(engine.pool, QueuePool) and len(seen) == 1 and engine.pool.checkedin() == 1


def test_an_in_memory_sqlite_database_keeps_sqlalchemys_own_pool() -> None:
    """Each new connection to `sqlite://` is another, empty database: it is not pooled as a file is."""
    assert not isinstance(make_engine("sqlite://").pool, QueuePool)
