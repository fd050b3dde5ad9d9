"""What the actions read of the conversation so far, on trackers built from plain events."""

from __future__ import annotations

from typing import Any

from rasa_sdk import Tracker

import pytest

from actions.context import asked_before, pressed_since
from actions.orders import _tells_more


def user(text: str, intent: str = "inform") -> dict[str, Any]:
    return {"event": "user", "text": text, "parse_data": {"intent": {"name": intent}, "entities": []}}


def tracker(*events: dict[str, Any]) -> Tracker:
    latest = next(event for event in reversed(events) if event["event"] == "user")
    return Tracker("t", {}, latest["parse_data"], list(events), False, None, {}, "action_listen")


def test_a_button_pressed_after_the_words_that_named_an_item_is_the_choice() -> None:
    named = "یعنی اگه فقط دیگه پرینترو نخوامش"
    slot = {"event": "slot", "name": "return_item", "value": "OK-A4"}
    assert pressed_since(tracker(user(named), slot, user('/inform{"return_item": "OK-A4"}')), named)
    assert not pressed_since(tracker(user('/inform{"return_item": "OK-A4"}'), user(named)), named)
    assert not pressed_since(tracker(user(named), user("۰۹۱۲۱۲۳۴۵۶۷")), named)  # words since, no button


def test_what_an_orders_look_up_was_asked_for_is_found_a_few_messages_back() -> None:
    asked = "میشه تابه رو از سفارش حذف کنین؟"
    events = tracker(user(asked, "order_change"), user("۰۹۱۲ ۱۱۱ ۱۱۰۱"))
    assert asked_before(events, "order_change") == asked
    assert asked_before(events, "cancel_order") is None
    assert asked_before(tracker(user(asked, "order_change")), "order_change") is None  # the latest message is not before


@pytest.mark.parametrize("rest, tells", [
    ("заказ , последние 4 цифры", False), ("سفارش به شماره", False),  # labels of the number and the phone
    ("заказали телевизор, треснул", True),  # "заказали", "телевизор": words of a statement, not labels
    ("в посылке не было счёта", True),
])
def test_words_beside_an_orders_number_that_tell_something(rest: str, tells: bool) -> None:
    assert _tells_more(rest) is tells
