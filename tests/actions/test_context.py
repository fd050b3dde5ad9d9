"""What the actions read of the conversation so far, on trackers built from plain events."""

from __future__ import annotations

from typing import Any

from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

import pytest

from actions.context import asked_before, pressed_since, told_in_message
from actions.orders import ActionOrderFlow, _tells_more
from actions.topics import offer_person


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


def part(text: str, number: int, entities: list[dict[str, Any]] | None = None) -> dict[str, Any]:
    metadata = {"question": number, "questions": 2}  # Rasa gives the latest message's metadata with its parse data
    return {"event": "user", "text": text, "metadata": metadata,
            "parse_data": {"intent": {"name": "inform"}, "entities": entities or [], "metadata": metadata}}


def test_a_later_question_reads_the_day_its_message_told_before_it() -> None:
    saturday = [{"entity": "weekday", "value": "saturday"}]
    first = part("جاروبرقی ۸۰ لاری، کوتائیسی. شنبه سفارش میدم. هزینه ارسال چقدره", 1, saturday)
    later = part("و کی میرسه؟", 2)
    assert told_in_message(tracker(first, {"event": "bot", "text": "۶ لاری"}, later), "weekday") == "saturday"
    # a day told in an earlier message is not this message's
    assert told_in_message(tracker(user("شنبه سفارش دادم", "inform") | {"parse_data": {
        "intent": {"name": "inform"}, "entities": saturday}}, user("کی میرسه؟")), "weekday") is None
    assert told_in_message(tracker(part("هزینه ارسال چقدره", 1), part("کی میرسه؟", 2)), "weekday") is None


async def test_a_question_no_rule_answers_is_never_left_without_a_reply() -> None:
    dispatcher = CollectingDispatcher()
    text = "che tori khodam peygiri konam?"  # (as Rasa had it before it was read in Persian letters)
    said = {"event": "user", "text": text, "parse_data": {"text": text, "intent": {"name": "inform"}, "entities": []}}
    await ActionOrderFlow().run(dispatcher, tracker(said), {})
    assert dispatcher.messages


def test_a_person_is_offered_once_in_an_answer() -> None:
    said = CollectingDispatcher()
    offer_person(said, "fa")
    offer_person(said, "fa")  # a silent page's summary, then the flow's own offer: the channel would drop the second
    assert len(said.messages) == 1 and said.messages[0]["buttons"]  # and the tracker would keep both
