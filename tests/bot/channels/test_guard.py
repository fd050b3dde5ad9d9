import pytest

from bot.channels.guard import SLASH_ESCAPE, language_hint, screen_text
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
