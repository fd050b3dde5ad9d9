"""Payment methods a question names that the store's page does not: PayPal where only cards are listed."""

import pytest

from bot.stores.payment import unlisted
from bot.stores.policy import policies


def _unlisted(store: str, question: str) -> list[str]:
    """The names (in Russian) of the methods the question names and the store's rules do not."""
    rules = [text for unit in policies()[store].units for text in unit.text.values()]
    return [method.name["ru"] for method in unlisted(question, rules)]


@pytest.mark.parametrize("store, question, expected", [
    ("citadel", "а PayPal или крипта?", ["PayPal", "криптовалюта"]),
    ("citadel", "با پی‌پال میشه پرداخت کرد؟", ["PayPal"]),
    ("chistatek", "با بیت کوین میشه؟", ["криптовалюта"]),
    ("sitra", "а можно забрать наличными у вас в офисе?", ["наличные"]),   # online payment only
    ("sitra", "میشه نقدی حساب کنم؟", ["наличные"]),
    ("tisa", "میشه نقدی حساب کنم؟", []),          # cash on delivery by arrangement
    ("chistatek", "можно оплатить наличными?", []),  # cash on delivery is one of its methods
    ("citadel", "можно наличными курьеру?", ["наличные"]),  # "при получении" of a claims rule is no payment
    ("offykala", "اپل پی دارین؟", ["Apple Pay или Google Pay"]),
    ("sitra", "نقدینگی ندارم، قسطی میشه؟", []),   # a word that starts like "cash" names no method
    ("citadel", "какие способы оплаты?", []),
])
def test_the_methods_named_that_the_page_does_not_name(store: str, question: str, expected: list[str]) -> None:
    assert _unlisted(store, question) == expected
