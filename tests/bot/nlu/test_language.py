import pytest

from bot.nlu.language import detect_language


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
