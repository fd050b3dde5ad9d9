"""Rasa's SQL tracker store, minus the `sys.exit` on any ValueError, on the database `TRACKER_STORE_URL` names.

Rasa 3.6's `SQLTrackerStore.session_scope` treats every ValueError raised while a session
is open as "the PostgreSQL schema is missing" and exits the process; a lone surrogate in a
sender id or a text (an encoding error is a ValueError) thus stopped the server for every
store. Here such an error is a `TrackerStoreError`, which the channel answers with a 503
and logs, and the server goes on. Configured in endpoints.yml.

Several Rasa servers share one tracker store: `TRACKER_STORE_URL` (any SQLAlchemy URL, e.g.
`postgresql+psycopg2://user:pw@host:5432/rasa`); unset, the SQLite file `TRACKER_DB`
(`bot.db_settings.tracker_store_url`). Connections come from a pool of `TRACKER_STORE_POOL_SIZE` (default 5: the
server uses one at a time), are checked before use (a restarted database is reconnected), and
have the time limits of `bot/db_settings.py` (`DB_CONNECT_TIMEOUT_S`, `DB_STATEMENT_TIMEOUT_MS`).
"""

from __future__ import annotations

import contextlib
import logging
import os
from typing import Any, Generator, Optional

import sqlalchemy as sa
from rasa.core.brokers.broker import EventBroker
from rasa.core.tracker_store import SQLTrackerStore, TrackerStore, ensure_schema_exists
from rasa.shared.core.domain import Domain
from sqlalchemy.engine import URL
from sqlalchemy.orm import Session, sessionmaker

from bot import rasa_patches
from bot.db_settings import create_tables, engine_options, tracker_store_url

rasa_patches.install()  # the Rasa server loads this module (endpoints.yml): its hot-path fixes go with it

logger = logging.getLogger(__name__)


class TrackerStoreError(RuntimeError):
    """The tracker store could not read or write a conversation."""


DEFAULT_POOL_SIZE = 5


def pool_size() -> int:
    """Connections each Rasa server keeps to the tracker store (`TRACKER_STORE_POOL_SIZE`, default 5)."""
    value = os.environ.get("TRACKER_STORE_POOL_SIZE", "").strip()
    if not value:
        return DEFAULT_POOL_SIZE
    if not value.isdigit() or int(value) < 1:
        raise ValueError(f"TRACKER_STORE_POOL_SIZE must be a whole number of at least 1, not {value!r}")
    return int(value)


def store_engine_options(url: str | URL) -> dict[str, Any]:
    """The tracker store's engine options: a pool of `pool_size()` and no more, since every pooled connection is in
    use at once only while the server awaits holding one (then it waits, as long as for a new connection)."""
    return engine_options(url, pool_size(), max_overflow=0)


class SafeSQLTrackerStore(SQLTrackerStore):
    """The SQL tracker store whose database errors never end the process."""

    def __init__(self, domain: Optional[Domain] = None, db: Optional[str] = None,
                 event_broker: Optional[EventBroker] = None, **endpoint: Any) -> None:
        """The tables on `TRACKER_STORE_URL`, else in the SQLite file `db` or `TRACKER_DB`, made if missing; the rest of
        what Rasa passes from endpoints.yml (its `url` as `host`) is not used: the environment says where they are."""
        url = sa.engine.make_url(tracker_store_url(db))
        try:
            self.engine = sa.create_engine(url, **store_engine_options(url))
        except (ImportError, AttributeError) as error:  # Rasa would quietly keep conversations in memory instead
            raise TrackerStoreError(f"TRACKER_STORE_URL: no driver for {url.drivername}: {error}") from error
        create_tables(self.Base.metadata, self.engine)
        self.sessionmaker = sessionmaker(bind=self.engine)
        TrackerStore.__init__(self, domain, event_broker)  # not Rasa's SQL store's: it made an engine of its own
        logger.info("Conversations are kept in %s", url.render_as_string(hide_password=True))

    @contextlib.contextmanager
    def session_scope(self) -> Generator[Session, None, None]:
        """A session; a ValueError inside it is raised as a TrackerStoreError, not an exit."""
        session = self.sessionmaker()
        try:
            ensure_schema_exists(session)
            yield session
        except ValueError as error:
            raise TrackerStoreError(f"the tracker store refused an operation: {error}") from error
        finally:
            session.close()
