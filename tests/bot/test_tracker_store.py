"""The tracker store keeps every event in the database but hands the server a compacted, cached tracker."""

from __future__ import annotations

import asyncio
import sqlite3
from pathlib import Path

import pytest
from rasa.shared.core.constants import ACTION_LISTEN_NAME
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import ActionExecuted, ActiveLoop, BotUttered, SlotSet, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker

from bot.tracker_store import KEEP_TURNS, SafeSQLTrackerStore, cache_size, compacted
from support import ROOT

DOMAIN = Domain.load(str(ROOT / "domain.yml"))


def customer_turns(tracker: DialogueStateTracker) -> int:
    """How many customer messages the tracker holds."""
    return sum(isinstance(event, UserUttered) for event in tracker.events)


def rows(path: Path, sender: str) -> int:
    """The events of a conversation in the database file."""
    with sqlite3.connect(path) as connection:
        return connection.execute("SELECT count(*) FROM events WHERE sender_id = ?", (sender,)).fetchone()[0]


async def talk(store: SafeSQLTrackerStore, sender: str, turns: int, start: int = 0) -> None:
    """`turns` messages the way the server handles them: read the tracker, add the turn's events, save it."""
    for turn in range(start, start + turns):
        tracker = await store.get_or_create_tracker(sender)
        tracker.update(UserUttered(f"سلام {turn}", {"name": "greet"}, timestamp=1000.0 + turn))
        if turn == 0:
            tracker.update(SlotSet("store", "tisa", timestamp=1000.0))
            tracker.update(SlotSet("order_id", "TS-1046", timestamp=1000.0))
        if turn == 3:
            tracker.update(ActiveLoop("return_form", timestamp=1003.0))
            tracker.update(SlotSet("requested_slot", "return_reason", timestamp=1003.0))
        tracker.update(BotUttered(f"پاسخ {turn}", timestamp=1000.5 + turn))
        tracker.update(ActionExecuted(ACTION_LISTEN_NAME, timestamp=1000.6 + turn))
        await store.save(tracker)


def test_a_long_conversation_is_stored_whole_and_served_short_with_its_state(tmp_path: Path) -> None:
    path = tmp_path / "tracker.db"
    store = SafeSQLTrackerStore(DOMAIN, db=str(path))
    asyncio.run(talk(store, "long", 60))

    full = asyncio.run(store.retrieve_full_tracker("long"))
    served = asyncio.run(store.retrieve("long"))
    assert customer_turns(full) == 60 and rows(path, "long") == len(full.events)
    assert KEEP_TURNS <= customer_turns(served) <= 2 * KEEP_TURNS
    assert served.latest_message.text == "سلام 59"
    assert served.current_slot_values() == full.current_slot_values()
    assert served.current_slot_values()["store"] == "tisa" and served.active_loop_name == "return_form"


def test_saving_a_served_tracker_writes_only_its_new_events_and_a_fresh_server_reads_the_same(tmp_path: Path) -> None:
    path = tmp_path / "tracker.db"
    store = SafeSQLTrackerStore(DOMAIN, db=str(path))
    asyncio.run(talk(store, "long", 45))
    before = rows(path, "long")
    asyncio.run(talk(store, "long", 1, start=45))
    assert rows(path, "long") == before + 3

    other = SafeSQLTrackerStore(DOMAIN, db=str(path))  # another server: nothing kept, everything read
    served = asyncio.run(other.retrieve("long"))
    assert served.latest_message.text == "سلام 45"
    assert served.current_slot_values() == asyncio.run(store.retrieve_full_tracker("long")).current_slot_values()


def test_a_kept_tracker_is_not_used_once_another_server_has_answered(tmp_path: Path) -> None:
    path = tmp_path / "tracker.db"
    first, second = SafeSQLTrackerStore(DOMAIN, db=str(path)), SafeSQLTrackerStore(DOMAIN, db=str(path))
    asyncio.run(talk(first, "shared", 3))
    asyncio.run(talk(second, "shared", 1, start=3))
    tracker = asyncio.run(first.retrieve("shared"))
    assert tracker.latest_message.text == "سلام 3" and customer_turns(tracker) == 4


def test_a_tracker_made_elsewhere_is_saved_beyond_the_rows_the_session_has(tmp_path: Path) -> None:
    path = tmp_path / "tracker.db"
    store = SafeSQLTrackerStore(DOMAIN, db=str(path))
    tracker = DialogueStateTracker("made", DOMAIN.slots)
    tracker.update(UserUttered("سلام", timestamp=1.0))
    asyncio.run(store.save(tracker))
    tracker.update(BotUttered("سلام!", timestamp=2.0))
    asyncio.run(store.save(DialogueStateTracker.from_events("made", list(tracker.events), DOMAIN.slots)))
    assert rows(path, "made") == 2


def test_the_kept_conversations_are_bounded(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TRACKER_CACHE_SIZE", "2")
    store = SafeSQLTrackerStore(DOMAIN, db=str(tmp_path / "tracker.db"))
    for sender in ("a", "b", "c"):
        asyncio.run(talk(store, sender, 1))
    assert list(store.kept) == ["b", "c"]
    monkeypatch.setenv("TRACKER_CACHE_SIZE", "many")
    with pytest.raises(ValueError, match="TRACKER_CACHE_SIZE"):
        cache_size()


def test_a_short_conversation_is_not_compacted() -> None:
    tracker = DialogueStateTracker("short", DOMAIN.slots)
    for turn in range(2 * KEEP_TURNS):
        tracker.update(UserUttered(f"{turn}", timestamp=float(turn)))
    assert compacted(tracker, DOMAIN.slots) is tracker


def test_a_sqlite_tracker_store_commits_to_a_write_ahead_log(tmp_path: Path) -> None:
    path = tmp_path / "tracker.db"
    store = SafeSQLTrackerStore(DOMAIN, db=str(path))
    asyncio.run(talk(store, "logged", 1))
    with sqlite3.connect(path) as connection:
        assert connection.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    with store.engine.connect() as connection:
        assert connection.exec_driver_sql("PRAGMA synchronous").scalar() == 1  # NORMAL: synced at checkpoints
