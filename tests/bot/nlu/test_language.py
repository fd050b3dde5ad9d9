import pytest

from bot.conversation import language_for
from bot.nlu.language import detect_language
from bot.stores.policy import policies


@pytest.mark.parametrize(
    "text, expected",
    [
        ("سلام، سفارشم کجاست؟", "fa"),
        ("سلام ميخواهم", "fa"),               # Arabic letters still Persian script
        ("Где мой заказ?", "ru"),
        ("заказ 58120 tisa", "ru"),
        ("سفارش order 58120", "fa"),
        ("привет سلام سلام", "fa"),           # majority of letters decides
        ("привет привет سلام", "ru"),
        ("hello", None),
        ("58120", None),
        ("😀😀", None),
        ("", None),
    ],
)
def test_detect_language_by_script(text: str, expected: str | None) -> None:
    assert detect_language(text) == expected


@pytest.mark.parametrize("text, current, expected", [
    ("СК-3004", "fa", "fa"),        # an order's code typed in Cyrillic at a Persian store: no change of language
    ("сt-2002", "fa", "fa"),
    ("СК-3004", None, "ru"),         # the first message: its letters are all there is
    ("СК-3004 где?", "fa", "ru"),     # words beside it: a Russian message
    ("да", "fa", "ru"),
])
def test_a_code_alone_keeps_the_language(text: str, current: str | None, expected: str) -> None:
    assert language_for(text, {}, current, policies()["chistatek"]) == expected
