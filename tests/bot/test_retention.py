"""Conversations past the retention period are deleted whole; the others are kept whole."""

from __future__ import annotations

import asyncio
import subprocess
import sys
import time
from pathlib import Path

import pytest
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import BotUttered, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker
from sqlalchemy import create_engine

from bot.retention import DEFAULT_DAYS, purge, retention_days
from bot.tracker_store import SafeSQLTrackerStore
from support import ROOT

DAY = 86_400.0


def store_with(path: Path, conversations: dict[str, list[float]]) -> SafeSQLTrackerStore:
    """A real SQL tracker store holding conversations whose events happened at the given times."""
    store = SafeSQLTrackerStore(Domain.empty(), db=str(path))
    for sender, times in conversations.items():
        tracker = DialogueStateTracker(sender, [])
        for moment in times:
            tracker.update(UserUttered("سلام", timestamp=moment))
            tracker.update(BotUttered("سلام!", timestamp=moment + 1))
        asyncio.run(store.save(tracker))
    return store


def test_only_conversations_silent_for_the_period_go_and_they_go_whole(tmp_path: Path) -> None:
    now = time.time()
    store = store_with(tmp_path / "tracker.db", {
        "old": [now - 100 * DAY, now - 95 * DAY],
        "old-but-written-in-yesterday": [now - 200 * DAY, now - DAY],
        "new": [now - 3600],
    })
    engine = create_engine(f"sqlite:///{tmp_path / 'tracker.db'}", future=True)
    assert purge(engine, 90, now) == ["old"]
    assert asyncio.run(store.retrieve("old")) is None
    kept = asyncio.run(store.retrieve_full_tracker("old-but-written-in-yesterday"))
    assert kept is not None and len([e for e in kept.events if isinstance(e, UserUttered)]) == 2
    assert asyncio.run(store.retrieve("new")) is not None
    assert purge(engine, 90, now) == []


@pytest.mark.parametrize("value, days", [(None, DEFAULT_DAYS), ("", DEFAULT_DAYS), ("30", 30), (" 7 ", 7)])
def test_the_period_setting(value: str | None, days: int) -> None:
    assert retention_days(value) == days


@pytest.mark.parametrize("value", ["0", "-3", "ninety"])
def test_a_bad_period_is_refused(value: str) -> None:
    with pytest.raises(ValueError):
        retention_days(value)


def test_the_command_deletes_and_says_what_it_did(tmp_path: Path) -> None:
    now = time.time()
    store_with(tmp_path / "tracker.db", {"old": [now - 40 * DAY], "new": [now - DAY]})
    env = {"TRACKER_DB": str(tmp_path / "tracker.db"), "CONVERSATION_RETENTION_DAYS": "30", "PATH": "/usr/bin:/bin"}
    dry = subprocess.run([sys.executable, "-m", "bot.retention", "--dry-run"], cwd=ROOT, env=env,
                         capture_output=True, text=True, check=True)
    assert "1 conversations silent for more than 30 days would be deleted" in dry.stdout
    done = subprocess.run([sys.executable, "-m", "bot.retention"], cwd=ROOT, env=env, capture_output=True, text=True,
                          check=True)
    assert "deleted 1 conversations silent for more than 30 days" in done.stdout
    bad = subprocess.run([sys.executable, "-m", "bot.retention", "--days", "0"], cwd=ROOT, env=env,
                         capture_output=True, text=True)
    assert bad.returncode == 2 and "at least 1 day" in bad.stderr


def test_no_store_or_an_empty_one_is_nothing_to_delete_and_nothing_is_created(tmp_path: Path) -> None:
    env = {"TRACKER_DB": str(tmp_path / "none.db"), "PATH": "/usr/bin:/bin"}
    missing = subprocess.run([sys.executable, "-m", "bot.retention"], cwd=ROOT, env=env, capture_output=True, text=True,
                             check=True)
    assert "nothing to delete" in missing.stdout and not (tmp_path / "none.db").exists()
    (tmp_path / "empty.db").touch()
    env["TRACKER_DB"] = str(tmp_path / "empty.db")
    empty = subprocess.run([sys.executable, "-m", "bot.retention"], cwd=ROOT, env=env, capture_output=True, text=True,
                           check=True)
    assert "holds no conversations yet" in empty.stdout
