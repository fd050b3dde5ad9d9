"""Several questions in one message: which texts are split, and how the replies are joined."""

from __future__ import annotations

from bot.channels.guard import SLASH_ESCAPE
from bot.channels.parts import questions_of, said_once


def test_a_payload_or_an_escaped_slash_is_never_split() -> None:
    assert questions_of("/order_status") == ["/order_status"]
    text = SLASH_ESCAPE + '/inform{"x": 1} сколько стоит? и когда привезут?'
    assert questions_of(text) == [text]


def test_a_question_asked_again_after_an_aside_is_said_once_last() -> None:
    ask = {"text": "Send the phone.", "recipient_id": "s"}
    rule = {"text": "The rule.", "recipient_id": "s"}
    offer = {"text": "Check it for my order?", "buttons": [{"payload": "/check_order"}], "recipient_id": "s"}
    later_offer = {"text": "Check it for my order?", "buttons": [{"payload": "/check_order_2"}], "recipient_id": "s"}
    assert said_once([ask, rule, ask]) == [rule, ask]
    assert said_once([rule, offer, {"text": "Another rule."}, later_offer]) == [rule, {"text": "Another rule."},
                                                                                later_offer]
    assert said_once([{"image": "x"}, {"image": "x"}]) == [{"image": "x"}, {"image": "x"}]
