"""The conversations agents saved in the console (tests/stories/*.yml), replayed against the real servers.

Each story names its store; every customer step is sent as a customer would send it, and the
intent Rasa recognised and the actions it ran must be the ones saved.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

import pytest
import yaml

from bot.console.api import STORY_ACTIONS_HIDDEN

STORIES = sorted((Path(__file__).resolve().parent / "stories").glob("*.yml"))


def saved() -> list[tuple[str, dict[str, Any]]]:
    """Every saved story, with its file's name."""
    found = []
    for path in STORIES:
        for story in yaml.safe_load(path.read_text(encoding="utf-8")).get("stories") or []:
            found.append((f"{path.name}: {story['story']}", story))
    return found


def turns(steps: list[dict[str, Any]]) -> list[tuple[str, str, list[str]]]:
    """(message, intent, actions) of each customer step."""
    grouped: list[tuple[str, str, list[str]]] = []
    for step in steps:
        if "intent" in step:
            grouped.append((step.get("user") or f"/{step['intent']}", step["intent"], []))
        elif "action" in step:
            grouped[-1][2].append(step["action"])
    return grouped


def test_there_are_saved_stories() -> None:
    assert saved(), "tests/stories/ holds no story saved from the console"


@pytest.mark.server
@pytest.mark.parametrize("name, story", saved(), ids=[name for name, _ in saved()])
def test_a_saved_conversation_goes_as_it_went(servers: Any, name: str, story: dict[str, Any]) -> None:
    store = story["metadata"]["store"]
    sender = servers.conversation(store)
    expected = turns(story["steps"])
    for text, _, _ in expected:
        servers.say(sender, text, store=store)
    with sqlite3.connect(servers.tracker_db) as db:
        rows = db.execute("SELECT type_name, intent_name, action_name FROM events WHERE sender_id = ? "
                          "AND type_name IN ('user', 'action') ORDER BY id", (sender,)).fetchall()
    happened: list[tuple[str, list[str]]] = []
    for kind, intent, action in rows:
        if kind == "user":
            happened.append((intent, []))
        elif happened and action not in STORY_ACTIONS_HIDDEN:
            happened[-1][1].append(action)
    assert happened == [(intent, actions) for _, intent, actions in expected], name
