"""A part behind the assistant fails: the customer is told so in their language, never left in silence."""

from __future__ import annotations

from pathlib import Path
from typing import Iterator

import pytest

from bot.channels.guard import SILENT
from bot.nlu.language import detect_language
from support import ARTIFACTS, Servers

pytestmark = pytest.mark.server


@pytest.fixture(scope="module")
def without_actions(model_path: Path) -> Iterator[Servers]:
    """Both servers, then the action server stopped."""
    running = Servers(model_path, ARTIFACTS / "server-logs-faults")
    running.stop_action_server()
    yield running
    running.stop()


@pytest.mark.parametrize(
    "store, message, language",
    [
        ("offykala", "وضعیت سفارش ۵۸۱۲۰ چیه؟", "fa"),
        ("citadel", "где мой заказ CT-2002?", "ru"),
        ("tisa", "Сколько стоит доставка в Шираз?", "ru"),  # a Russian speaker at a Persian store
    ],
)
def test_the_action_server_down_is_said_not_silent(without_actions: Servers, store: str, message: str,
                                                   language: str) -> None:
    replies = without_actions.say(without_actions.conversation(store), message, store=store)
    texts = [reply.get("text") or "" for reply in replies]
    assert texts and all(texts), replies
    assert SILENT[language] in texts and detect_language(texts[0]) == language
    assert any(button["payload"] == "/human_handoff" for reply in replies for button in reply.get("buttons", []))
