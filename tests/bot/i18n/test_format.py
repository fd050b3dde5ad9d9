from datetime import date, datetime, timedelta, timezone

import pytest

from bot.i18n.format import clock, dated, day, digits, money, moment, number, weekday

TEHRAN = timezone(timedelta(hours=3, minutes=30))


@pytest.mark.parametrize(
    "value, language, expected",
    [
        (1250000, "fa", "۱٬۲۵۰٬۰۰۰"),
        (1250000, "ru", "1\u202f250\u202f000"),
        (1.5, "fa", "۱٫۵۰"),
        (1.5, "ru", "1,50"),
        (0, "fa", "۰"),
        (999, "ru", "999"),
    ],
)
def test_number(value: float, language: str, expected: str) -> None:
    assert number(value, language) == expected  # type: ignore[arg-type]


@pytest.mark.parametrize(
    "value, currency, language, expected",
    [
        (50000, "toman", "fa", "۵۰٬۰۰۰ تومان"),
        (2000000, "toman", "ru", "2\u202f000\u202f000 томан"),
        (6, "gel", "ru", "6 лари"),
        (1.5, "gel", "ru", "1,50 лари"),
        (127.5, "gel", "fa", "۱۲۷٫۵۰ لاری"),
    ],
)
def test_money(value: float, currency: str, language: str, expected: str) -> None:
    assert money(value, currency, language) == expected  # type: ignore[arg-type]


@pytest.mark.parametrize(
    "value, language, expected",
    [
        (date(2026, 11, 22), "fa", "۱ آذر ۱۴۰۵"),          # Jalali with Persian digits
        (date(2026, 3, 21), "fa", "۱ فروردین ۱۴۰۵"),       # Nowruz
        (date(2026, 11, 22), "ru", "22 ноября 2026"),
        (datetime(2026, 1, 1, 9, 5, tzinfo=TEHRAN), "ru", "1 января 2026"),
    ],
)
def test_day(value: date, language: str, expected: str) -> None:
    assert day(value, language) == expected  # type: ignore[arg-type]


def test_moment_and_clock() -> None:
    when = datetime(2026, 11, 22, 16, 0, tzinfo=TEHRAN)
    assert clock(when, "fa") == "۱۶:۰۰"
    assert moment(when, "fa") == "۱ آذر ۱۴۰۵، ساعت ۱۶:۰۰"
    assert moment(when, "ru") == "22 ноября 2026, 16:00"


def test_a_deadline_names_its_weekday() -> None:
    """"received Thursday: until when?" is planned by the weekday: the deadline says it, with or without the time."""
    when = datetime(2026, 12, 3, 20, 0, tzinfo=TEHRAN)
    assert dated(when, False, "fa") == "۱۲ آذر ۱۴۰۵ (پنج‌شنبه)"
    assert dated(when, True, "fa") == "۱۲ آذر ۱۴۰۵ (پنج‌شنبه)، ساعت ۲۰:۰۰"
    assert dated(when, True, "ru") == "3 декабря 2026 (четверг), 20:00"


def test_weekday_and_digits() -> None:
    assert weekday(date(2026, 11, 20), "fa") == "جمعه"
    assert weekday(date(2026, 11, 21), "ru") == "суббота"
    assert digits("کد 12", "fa") == "کد ۱۲" and digits("код 12", "ru") == "код 12"


@pytest.mark.parametrize("count, expected", [(1, "день"), (2, "дня"), (5, "дней"), (11, "дней"), (21, "день"), (24, "дня"), (7, "дней")])
def test_plural_ru(count: int, expected: str) -> None:
    from bot.i18n.format import plural_ru

    assert plural_ru(count, ("день", "дня", "дней")) == expected
