import json

import pytest

from bot.channels.guard import SLASH_ESCAPE, language_hint, screen_text
from bot.channels.rest import RequestError, parse_request
from bot.settings import MAX_MESSAGE_LENGTH


@pytest.mark.parametrize(
    "text, expected",
    [
        ("سلام", "سلام"),
        ("", "/empty_message"),
        ("   \n\t", "/empty_message"),
        ("/order_status", "/order_status"),                       # our buttons' payloads
        ('/order_status{"order_id": "58120"}', SLASH_ESCAPE + '/order_status{"order_id": "58120"}'),
        ("/greet@0.99", SLASH_ESCAPE + "/greet@0.99"),
        ("  /inform{\"phone\":\"1\"}", SLASH_ESCAPE + '/inform{"phone":"1"}'),
        ("/ سلام", SLASH_ESCAPE + "/ سلام"),
        ("a/b", "a/b"),
        ("😀", "😀"),
    ],
)
def test_screen_text(text: str, expected: str) -> None:
    assert screen_text(text).text == expected


def test_too_long_becomes_an_intent_with_the_language_of_the_text() -> None:
    screened = screen_text("привет " * 2000)
    assert screened.text == "/message_too_long"
    assert screened.metadata == {"language": "ru"}
    assert screen_text("a" * MAX_MESSAGE_LENGTH).text == "a" * MAX_MESSAGE_LENGTH


@pytest.mark.parametrize("value, expected", [("fa", "fa"), ("ru-RU", "ru"), ("FA_ir", "fa"), ("en", None), (3, None), (None, None)])
def test_language_hint(value: object, expected: str | None) -> None:
    assert language_hint(value) == expected


def body(**fields: object) -> bytes:
    return json.dumps(fields).encode()


def test_parse_request_keeps_only_safe_metadata() -> None:
    sender, text, metadata = parse_request(body(sender=" u1 ", message="سلام", metadata={"store": "tisa", "language": "ru-RU", "intent": "x"}))
    assert (sender, text, metadata) == ("u1", "سلام", {"store": "tisa", "language": "ru"})


def test_parse_request_defaults_the_store(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DEFAULT_STORE", "citadel")
    assert parse_request(body(sender="u", message="x"))[2] == {"store": "citadel"}


@pytest.mark.parametrize(
    "raw, error",
    [
        (b"{not json", "bad_request"),
        (b"", "bad_request"),
        (b"\xff\xfe", "bad_request"),
        (b"[1, 2]", "bad_request"),
        (body(message="hi"), "bad_request"),
        (body(sender="", message="hi"), "bad_request"),
        (body(sender="x" * 500, message="hi"), "bad_request"),
        (body(sender="tg-tisa-12345", message="hi"), "bad_request"),   # a Telegram chat's conversation
        (body(sender="u", message=42), "bad_request"),
        (body(sender="u", message="hi", metadata="tisa"), "bad_request"),
        (body(sender="u", message="hi", metadata={"store": "amazon"}), "unknown_store"),
        (body(sender="u", message="hi", metadata={"store": 5}), "unknown_store"),
    ],
)
def test_parse_request_refuses_bad_input_clearly(raw: bytes, error: str) -> None:
    with pytest.raises(RequestError) as refused:
        parse_request(raw)
    assert refused.value.status == 400
    assert refused.value.body["error"] == error
    assert refused.value.body["fa"] and refused.value.body["ru"]
