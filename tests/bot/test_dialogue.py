"""Reading answers to the open question: which slot a value fills."""

import pytest

from bot.dialogue import item_from, order_id_from, phone_from, reason_from, sealed_from, valid_order_id, valid_phone

ORDER = [{"entity": "order_id", "value": "4567"}]
PHONE = [{"entity": "phone", "value": "09121234567"}]


@pytest.mark.parametrize(
    "entities, requested, order_id, phone",
    [
        (ORDER, None, "4567", None),            # no question open: a number is an order number
        (ORDER, "order_id", "4567", None),
        (ORDER, "phone", None, "4567"),         # asked for the phone: "4567" is its last four digits
        (PHONE, "order_id", None, "09121234567"),
        (ORDER + PHONE, None, "4567", "09121234567"),
        (ORDER, "return_item", None, None),     # an item code is not an order number
        ([], "phone", None, None),
    ],
)
def test_slot_depends_on_the_open_question(entities, requested, order_id, phone) -> None:
    assert order_id_from(entities, requested) == order_id
    assert phone_from(entities, requested) == phone


@pytest.mark.parametrize(
    "intent, text, reason",
    [
        ("reason_wrong_item", "", "wrong_item"),
        ("damaged_item", "کالا شکسته رسید", "transport_damage"),
        ("return_request", "رنگش اشتباه فرستادید", "wrong_item"),
        ("return_request", "پشیمون شدم نمي‌خوام", "change_of_mind"),
        ("damaged_item", "روشن نمیشه اصلا", "defect"),
        ("damaged_item", "чайник пришёл разбитым", "transport_damage"),
        ("return_request", "передумал, не понравился", "change_of_mind"),
        ("return_request", "не работает", "defect"),
        ("return_request", "хочу вернуть", None),
    ],
)
def test_reason_from_buttons_and_words(intent: str, text: str, reason: str | None) -> None:
    assert reason_from(intent, text) == reason


def test_items_sealed_and_shapes() -> None:
    items = [("HP-M236", "HP LaserJet M236"), ("OK-A4", "A4 copy paper")]
    assert item_from("HP-M236", items) == "HP-M236"
    assert item_from("۲", items) == "OK-A4"
    assert item_from("copy paper", items) == "OK-A4"
    assert item_from("something else", items) is None
    assert (sealed_from("affirm"), sealed_from("deny"), sealed_from("greet")) == (True, False, None)
    assert valid_phone("۴۵۶۷") and valid_phone("+995 599 12 55 02") and not valid_phone("12")
    assert valid_order_id("CT-2001") and valid_order_id("۵۸۱۲۰") and not valid_order_id("a b")
