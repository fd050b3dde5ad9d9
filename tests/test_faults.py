"""A part behind the assistant fails: the customer is told so in their language, never left in silence, and the
conversation goes on with its state when the part is back."""

from __future__ import annotations

from pathlib import Path
from typing import Iterator

import pytest

from bot.channels.guard import SILENT
from bot.nlu.language import detect_language
from bot.nlu.normalize import to_ascii_digits
from support import ACTION_SERVER, ARTIFACTS, RASA_SERVER, Servers

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


@pytest.fixture(scope="module")
def restarting(model_path: Path) -> Iterator[Servers]:
    """Both servers, for tests that crash and restart one of them."""
    running = Servers(model_path, ARTIFACTS / "server-logs-restarts")
    yield running
    running.stop()


def test_a_conversation_goes_on_with_its_state_after_the_rasa_server_restarts(restarting: Servers) -> None:
    sender = restarting.conversation("citadel")
    [ask] = restarting.say(sender, "где мой заказ CT-2002?", store="citadel")
    assert "телефон" in ask["text"]
    restarting.restart(RASA_SERVER)
    [status] = restarting.say(sender, "5502", store="citadel")  # the order number asked before the restart is kept
    assert "CT-2002" in status["text"] and "отправлен" in status["text"]


def test_a_conversation_goes_on_when_the_action_server_is_back(restarting: Servers) -> None:
    sender = restarting.conversation("offykala")
    restarting.say(sender, "وضعیت سفارش ۵۸۱۲۰ چیه؟", store="offykala")  # the phone is asked
    restarting.stop_action_server()
    down = restarting.say(sender, "4567", store="offykala")
    assert [reply["text"] for reply in down] == [SILENT["fa"]]
    restarting.restart(ACTION_SERVER)
    again = " ".join(reply.get("text") or "" for reply in restarting.say(sender, "4567", store="offykala"))
    assert "58120" in to_ascii_digits(again)  # the order asked for before the outage, now verified
