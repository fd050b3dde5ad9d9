"""Rasa's SQL tracker store, minus the `sys.exit` on any ValueError.

Rasa 3.6's `SQLTrackerStore.session_scope` treats every ValueError raised while a session
is open as "the PostgreSQL schema is missing" and exits the process; a lone surrogate in a
sender id or a text (an encoding error is a ValueError) thus stopped the server for every
store. Here such an error is a `TrackerStoreError`, which the channel answers with a 503
and logs, and the server goes on. Configured in endpoints.yml.
"""

from __future__ import annotations

import contextlib
from typing import Generator

from rasa.core.tracker_store import SQLTrackerStore, ensure_schema_exists
from sqlalchemy.orm import Session

from bot import rasa_patches

rasa_patches.install()  # the Rasa server loads this module (endpoints.yml): its hot-path fixes go with it


class TrackerStoreError(RuntimeError):
    """The tracker store could not read or write a conversation."""


class SafeSQLTrackerStore(SQLTrackerStore):
    """The SQL tracker store whose database errors never end the process."""

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
