"""The conversation sets' runner reads what the assistant asked as a customer would."""

from __future__ import annotations

from conversation_set import asked

RULE = ("Как вернуть: Сначала сообщите в службу поддержки Тиса: телефон 02155690688 или e-mail support@tisaperfume.com, "
        "укажите номер счёта и причину возврата.")


def test_the_forms_slot_is_what_was_asked() -> None:
    assert asked(["Почему хотите вернуть?"], "return_reason") == "reason"


def test_a_question_or_a_short_request_asks() -> None:
    assert asked(["لطفاً شماره سفارش را بفرستید (مثلاً SR-۵۰۰۱)."], None) == "order_number"
    assert asked(["Для защиты данных пришлите номер телефона, указанный в заказе."], None) == "phone"
    assert asked(["Какое расстояние в километрах?"], None) == "distance"


def test_a_rule_that_names_a_phone_asks_nothing() -> None:
    assert asked([RULE], None) == "nothing"
    assert asked(["Актуальный статус заказа можно посмотреть в разделе «Мои заказы»."], None) == "nothing"


def test_the_question_is_the_sentence_that_asks() -> None:
    assert asked(["Доставка за город стоит 2 лари за км. Какое расстояние в километрах?"], None) == "distance"


def test_an_offer_to_compute_asks_nothing() -> None:
    assert asked(["اگر مبلغ سفارش (و شهر) را بنویسید، هزینه‌ی ارسال را دقیق حساب می‌کنم."], None) == "nothing"
