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

A message's cost must not grow with its conversation (issue 8: turn 300 took six times turn 1, as
Rasa reloaded, replayed and featurised every event of the session on each message). So each server
keeps the trackers it saved last (`TRACKER_CACHE_SIZE` conversations, default 200; 0 keeps none),
checked against the database's latest event id before use (another server may have answered since),
and hands out a *compacted* tracker: the slots, form and pause the older turns left behind, then the
latest `KEEP_TURNS` customer turns. The database keeps every event; the agents' console and the
widget's history read them all (`retrieve_full_tracker`). Saving writes only the events added since
the tracker was read, found by a mark on the events read or written, not by counting the rows again.
"""

from __future__ import annotations

import contextlib
import json
import logging
from collections import OrderedDict
from typing import Any, Generator, Iterable, Optional

import sqlalchemy as sa
from rasa.core.brokers.broker import EventBroker
from rasa.core.tracker_store import SQLTrackerStore, TrackerStore, ensure_schema_exists
from rasa.shared.core.constants import ACTION_LISTEN_NAME, ACTION_SESSION_START_NAME
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import (ActionExecuted, ActiveLoop, ConversationPaused, Event, SessionStarted,
                                     SlotSet, UserUttered)
from rasa.shared.core.slots import Slot
from rasa.shared.core.trackers import DialogueStateTracker
from sqlalchemy.engine import URL
from sqlalchemy.orm import Session, sessionmaker

from bot import corrections, rasa_patches
from bot.db_settings import count_setting, create_tables, engine_options, tracker_store_url

corrections.install()  # a correction is parsed as the question before, put right
rasa_patches.install()  # the Rasa server loads this module (endpoints.yml): its hot-path fixes go with it

logger = logging.getLogger(__name__)


class TrackerStoreError(RuntimeError):
    """The tracker store could not read or write a conversation."""


DEFAULT_POOL_SIZE = 5
DEFAULT_CACHE_SIZE = 200
KEEP_TURNS = 10  # customer turns a compacted tracker keeps: the actions look back at most six (actions/context.py)
STORED = "_in_tracker_store"  # the mark of an event the database has (or that stands for events it has)


def pool_size() -> int:
    """Connections each Rasa server keeps to the tracker store (`TRACKER_STORE_POOL_SIZE`, default 5)."""
    return count_setting("TRACKER_STORE_POOL_SIZE", DEFAULT_POOL_SIZE, 1)


def cache_size() -> int:
    """Conversations each Rasa server keeps in memory between messages (`TRACKER_CACHE_SIZE`, default 200)."""
    return count_setting("TRACKER_CACHE_SIZE", DEFAULT_CACHE_SIZE, 0)


def _write_ahead(connection: Any, _: Any) -> None:
    """A SQLite tracker store commits to a write-ahead log, synced at its checkpoints: a commit no longer waits for the
    disk (an fsync held the server's event loop for every customer), and readers do not wait for the writer. A crash
    of the process loses nothing; a power cut may lose the last commits, never the file's consistency."""
    cursor = connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.close()


def _mark(events: Iterable[Event]) -> None:
    """Marks events as ones the database has, so that saving skips them."""
    for event in events:
        setattr(event, STORED, True)


def unsaved_events(tracker: DialogueStateTracker) -> Optional[list[Event]]:
    """The events after the last one the database has; None when the tracker was not read from this store."""
    events = list(tracker.events)
    for position in range(len(events) - 1, -1, -1):
        if getattr(events[position], STORED, False):
            return events[position + 1:]
    return None


def compacted(tracker: DialogueStateTracker, slots: Iterable[Slot], keep_turns: int = KEEP_TURNS) -> DialogueStateTracker:
    """The tracker with only its latest `keep_turns` customer turns, once it has twice as many, preceded by the state
    the earlier ones left (a session start, then the slots set, the active form, a pause): what the policies and
    actions look at, at a cost that does not grow with the conversation."""
    events = list(tracker.events)
    turns = [position for position, event in enumerate(events) if isinstance(event, UserUttered)]
    if len(turns) <= 2 * keep_turns:
        return tracker
    cut = turns[-keep_turns]
    before = events[cut - 1] if cut else None
    if isinstance(before, ActionExecuted) and before.action_name == ACTION_LISTEN_NAME:
        cut -= 1
    slots = list(slots)
    earlier = DialogueStateTracker.from_events(tracker.sender_id, events[:cut], slots)
    at = events[cut].timestamp
    state: list[Event] = [ActionExecuted(ACTION_SESSION_START_NAME, timestamp=at), SessionStarted(timestamp=at)]
    state += [SlotSet(slot.name, earlier.slots[slot.name].value, timestamp=at) for slot in slots
              if earlier.slots[slot.name].value != slot.initial_value]
    if earlier.active_loop_name:
        state.append(ActiveLoop(earlier.active_loop_name, timestamp=at))
    if earlier.is_paused():
        state.append(ConversationPaused(timestamp=at))
    _mark(state)
    return DialogueStateTracker.from_events(tracker.sender_id, state + events[cut:], slots,
                                            sender_source=tracker.sender_source)


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
        if url.get_backend_name() == "sqlite":
            sa.event.listen(self.engine, "connect", _write_ahead)
        create_tables(self.Base.metadata, self.engine)
        self.sessionmaker = sessionmaker(bind=self.engine)
        TrackerStore.__init__(self, domain, event_broker)  # not Rasa's SQL store's: it made an engine of its own
        self.kept: OrderedDict[str, tuple[int, DialogueStateTracker]] = OrderedDict()  # sender -> (last event id, tracker)
        self.keep = cache_size()
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

    def _last_id(self, session: Session, sender_id: str) -> Optional[int]:
        """The id of the conversation's latest event in the database: a kept tracker is current only if it matches."""
        return session.execute(LATEST_ID, {"sender": sender_id}).scalar()

    async def retrieve(self, sender_id: str) -> Optional[DialogueStateTracker]:
        """The conversation's latest session, compacted: the tracker this server saved last when it is still the
        latest (handed over, not copied: the server holds the conversation's lock until it saves it again), else
        read from the database."""
        kept = self.kept.pop(sender_id, None)
        with self.session_scope() as session:
            last_id = self._last_id(session, sender_id)
            if kept is not None and kept[0] == last_id:
                return kept[1]
            if last_id is None or not self.domain:
                return None
            events = [json.loads(data) for data in session.execute(SESSION_EVENTS, {"sender": sender_id}).scalars()]
        tracker = DialogueStateTracker.from_dict(sender_id, events, self.domain.slots)
        _mark(tracker.events)
        return compacted(tracker, self.domain.slots)

    async def save(self, tracker: DialogueStateTracker) -> None:
        """Writes the events added since the tracker was read (a tracker made elsewhere: all of them for a new
        conversation, else those beyond the rows its session has, as Rasa does), then keeps the tracker for the
        conversation's next message when it is what the database now holds."""
        sender, new = tracker.sender_id, unsaved_events(tracker)
        with self.session_scope() as session:
            whole = new is not None or self._last_id(session, sender) is None
            if new is None:
                new = list(tracker.events) if whole else list(self._additional_events(session, tracker))
            if new:
                session.execute(sa.insert(EVENT), [_row(sender, event) for event in new])
            last_id = self._last_id(session, sender)
            session.commit()
        _mark(new)
        if self.event_broker is not None:
            await self._stream_new_events(self.event_broker, new, sender)
        if whole and self.keep and self.domain:
            self.kept[sender] = (last_id, compacted(tracker, self.domain.slots))
            self.kept.move_to_end(sender)
            while len(self.kept) > self.keep:
                self.kept.popitem(last=False)


EVENT = SafeSQLTrackerStore.SQLEvent
LATEST_ID = sa.select(sa.func.max(EVENT.id)).where(EVENT.sender_id == sa.bindparam("sender"))
_SESSION_START = (sa.select(sa.func.max(EVENT.timestamp))
                  .where(EVENT.sender_id == sa.bindparam("sender"), EVENT.type_name == SessionStarted.type_name)
                  .scalar_subquery())
SESSION_EVENTS = (sa.select(EVENT.data)  # the latest session's, or all when none started (Rasa's `_event_query`)
                  .where(EVENT.sender_id == sa.bindparam("sender"),
                         sa.or_(_SESSION_START.is_(None), EVENT.timestamp >= _SESSION_START))
                  .order_by(EVENT.id))


def _row(sender_id: str, event: Event) -> dict[str, Any]:
    """The database row of one event, with the columns Rasa fills."""
    data = event.as_dict()
    return {"sender_id": sender_id, "type_name": event.type_name, "timestamp": data.get("timestamp"),
            "intent_name": data.get("parse_data", {}).get("intent", {}).get("name"),
            "action_name": data.get("name"), "data": json.dumps(data)}
