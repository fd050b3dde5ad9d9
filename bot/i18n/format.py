"""Numbers, money, dates and times the way each language writes them.

Persian: Persian digits, the Persian thousands separator, the Jalali calendar.
Russian: ASCII digits, a narrow space between thousands, a decimal comma, Gregorian dates.
"""

from __future__ import annotations

from datetime import date, datetime, time
from decimal import ROUND_HALF_UP, Decimal

import jdatetime

from bot.nlu.language import Language

_PERSIAN_DIGITS = str.maketrans("0123456789", "۰۱۲۳۴۵۶۷۸۹")
_RU_MONTHS = (
    "января", "февраля", "марта", "апреля", "мая", "июня",
    "июля", "августа", "сентября", "октября", "ноября", "декабря",
)
_FA_WEEKDAYS = ("دوشنبه", "سه‌شنبه", "چهارشنبه", "پنج‌شنبه", "جمعه", "شنبه", "یکشنبه")
_RU_WEEKDAYS = ("понедельник", "вторник", "среда", "четверг", "пятница", "суббота", "воскресенье")
_CURRENCY = {
    ("toman", "fa"): "تومان",
    ("toman", "ru"): "томан",
    ("rial", "fa"): "ریال",
    ("rial", "ru"): "риалов",
    ("gel", "fa"): "لاری",
    ("gel", "ru"): "лари",
}


def digits(text: str, language: Language) -> str:
    """ASCII digits become Persian digits in Persian text; Russian keeps them."""
    return text.translate(_PERSIAN_DIGITS) if language == "fa" else text


def number(value: float | int | Decimal, language: Language, decimals: int | None = None) -> str:
    """1250000 -> "۱٬۲۵۰٬۰۰۰" or "1 250 000"; fractions only where the value has them."""
    amount = Decimal(str(value))
    if decimals is None:
        decimals = 0 if amount == amount.to_integral_value() else 2
    quantized = amount.quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP)
    whole, _, fraction = f"{quantized:,.{decimals}f}".partition(".")
    if language == "fa":
        text = whole.replace(",", "٬") + (f"٫{fraction}" if fraction else "")
        return digits(text, "fa")
    return whole.replace(",", "\u202f") + (f",{fraction}" if fraction else "")


def listing(items: list[str], language: Language) -> str:
    """Items joined with the language's comma ("تفلیس، باتومی", "Тбилиси, Батуми")."""
    return ("، " if language == "fa" else ", ").join(items)


def plural_ru(count: int, forms: tuple[str, str, str]) -> str:
    """Russian noun form for a count: 1 день, 2 дня, 5 дней, 21 день."""
    if count % 10 == 1 and count % 100 != 11:
        return forms[0]
    if 2 <= count % 10 <= 4 and not 12 <= count % 100 <= 14:
        return forms[1]
    return forms[2]


def money(value: float | int | Decimal, currency: str, language: Language) -> str:
    """An amount with its currency word: "۵۰٬۰۰۰ تومان", "1,50 лари"."""
    decimals = None if currency in ("toman", "rial") else (0 if Decimal(str(value)) % 1 == 0 else 2)
    return f"{number(value, language, decimals)} {_CURRENCY[(currency, language)]}"


def day(value: date | datetime, language: Language) -> str:
    """A calendar day: "۱ آذر ۱۴۰۵" (Jalali) or "22 ноября 2026"."""
    if isinstance(value, datetime):
        value = value.date()
    if language == "fa":
        jalali = jdatetime.date.fromgregorian(date=value)
        month = jdatetime.date.j_months_fa[jalali.month - 1]
        return digits(f"{jalali.day} {month} {jalali.year}", "fa")
    return f"{value.day} {_RU_MONTHS[value.month - 1]} {value.year}"


def weekday(value: date | datetime, language: Language) -> str:
    """The day of the week's name."""
    names = _FA_WEEKDAYS if language == "fa" else _RU_WEEKDAYS
    return names[value.weekday()]


def clock(value: datetime | time, language: Language) -> str:
    """Hours and minutes as people write them, the hour unpadded: "۸:۰۰" or "16:00" (a customer's "ساعت ۸" is in it)."""
    return digits(f"{value.hour}:{value.minute:02d}", language)


def moment(value: datetime, language: Language) -> str:
    """A day and a time: "۱ آذر ۱۴۰۵، ساعت ۱۶:۰۰" or "22 ноября 2026, 16:00"."""
    return _at(day(value, language), value, language)


def dated(value: datetime, timed: bool, language: Language) -> str:
    """A deadline's day (and time, when `timed`) with its weekday, which customers plan by: "۳ آذر ۱۴۰۵ (پنج‌شنبه)،
    ساعت ۲۰:۰۰", "3 декабря 2026 (четверг)"."""
    named = f"{day(value, language)} ({weekday(value, language)})"
    return _at(named, value, language) if timed else named


def _at(when: str, value: datetime, language: Language) -> str:
    """A day's words followed by the time of `value`."""
    if language == "fa":
        return f"{when}، ساعت {clock(value, 'fa')}"
    return f"{when}, {clock(value, 'ru')}"
