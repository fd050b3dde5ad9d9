"""Finding order numbers, phones, amounts, cities, distances and times in messages.

Deterministic patterns over the normalised text (so Persian and Arabic-Indic digits,
Arabic ي/ك and ZWNJ variants all match) with canonical values the store rules can
compute with: amounts as numbers in the store's currency (rial turned into toman),
distances in km, times as "HH:MM", cities as ids, phones and order numbers as ASCII.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Callable, Iterator, Optional, Sequence, Union

from bot.nlu.language import detect_language
from bot.nlu.normalize import LOOKALIKES, normalize

Value = Union[str, int, float]

_NUM = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?!\d)|\d+(?:[.,/]\d+)?"  # "2 400 000" too
# Number words customers use in front of "million", "thousand" or a currency.
_NUMBER_WORDS: dict[str, float] = {
    "یک": 1, "یه": 1, "دو": 2, "سه": 3, "چهار": 4, "پنج": 5, "شش": 6, "شیش": 6, "هفت": 7, "هشت": 8, "نه": 9,
    "ده": 10, "یازده": 11, "دوازده": 12, "سیزده": 13, "چهارده": 14, "پانزده": 15, "پونزده": 15, "شانزده": 16,
    "هفده": 17, "هجده": 18, "هیجده": 18, "نوزده": 19, "بیست": 20, "سی": 30, "چهل": 40, "پنجاه": 50, "شصت": 60,
    "هفتاد": 70, "هشتاد": 80, "نود": 90, "صد": 100, "دویست": 200, "سیصد": 300, "چهارصد": 400, "پانصد": 500,
    "پونصد": 500, "ششصد": 600, "هفتصد": 700, "هشتصد": 800, "نهصد": 900,
    "один": 1, "одна": 1, "одну": 1, "два": 2, "две": 2, "три": 3, "четыре": 4, "пять": 5, "шесть": 6,
    "семь": 7, "восемь": 8, "девять": 9, "десять": 10, "одиннадцать": 11, "двенадцать": 12, "тринадцать": 13,
    "четырнадцать": 14, "пятнадцать": 15, "шестнадцать": 16, "семнадцать": 17, "восемнадцать": 18,
    "девятнадцать": 19, "двадцать": 20, "тридцать": 30, "сорок": 40, "пятьдесят": 50, "шестьдесят": 60,
    "семьдесят": 70, "восемьдесят": 80, "девяносто": 90, "сто": 100, "двести": 200, "триста": 300,
    "четыреста": 400, "пятьсот": 500, "шестьсот": 600, "семьсот": 700, "восемьсот": 800, "девятьсот": 900,
    "полтора": 1.5, "полторы": 1.5, "полтораста": 150, "пол": 0.5, "نیم": 0.5,
    "двое": 2, "трое": 3, "четверо": 4,  # "двое суток": collective numerals, for days and people
    "тысяча": 1000, "тысячу": 1000,  # "за тысячу двести лари": one thousand, said without "one"
}
_GAP = r"[ \u200c]*"
_WORD_NUM = "|".join(sorted(_NUMBER_WORDS, key=len, reverse=True))


def _words_between(low: int, high: int, step: int = 1) -> str:
    """The number words of whole values from low to high (by step), longest first, as a regex alternation."""
    return "|".join(sorted((word for word, value in _NUMBER_WORDS.items()
                            if value == int(value) and low <= value <= high and value % step == 0), key=len, reverse=True))


# "بیست و نه", "سیصد و پنجاه", "двадцать пять", "сто двадцать": hundreds, tens and units said one after another
# (only falling place values: "دو سه میلیون" is two or three, not five)
_AND = rf"{_GAP}(?:و{_GAP})?"
_UNDER_HUNDRED = (rf"(?:{_words_between(20, 90, 10)})(?:{_AND}(?:{_words_between(1, 9)})(?!\w))?"
                  rf"|{_words_between(10, 19)}|{_words_between(1, 9)}")
_UNDER_THOUSAND = rf"(?:{_words_between(100, 900, 100)})(?:{_AND}(?:{_UNDER_HUNDRED})(?!\w))?|{_UNDER_HUNDRED}"
_WORD_NUM_PHRASE = rf"тысяч[ау](?:{_GAP}(?:{_UNDER_THOUSAND})(?!\w))?|{_UNDER_THOUSAND}|{_WORD_NUM}"
# "پنجاه و هفت", "سیصد و بیست": the Persian tens and hundreds a "و" joins to the number word after it, one number
TENS_BEFORE_AND = tuple(word for word, value in _NUMBER_WORDS.items()
                        if value >= 20 and value % 10 == 0 and "\u0600" <= word[0] <= "\u06ff")
PERSIAN_NUMBER_WORD = "|".join(sorted((word for word, value in _NUMBER_WORDS.items()
                                      if value == int(value) and "\u0600" <= word[0] <= "\u06ff"), key=len, reverse=True))
_SPELLED = re.compile(rf"(?<!\w)(?:{_WORD_NUM_PHRASE})(?!\w)", re.IGNORECASE)


def spelled_as_digits(text: str) -> str:
    """The text with numbers of ten or more said in words written in digits, padded to the same length so that
    offsets hold ("за четыреста девяносто девять?" → "за 499                       ?"): for readers of bare numbers
    (smaller ones stay words: "یه کرم" is a cream, "نه" is no)."""
    def digits_for(found: re.Match[str]) -> str:
        value = _clean(parse_number(found.group()))
        written = f"{value}"  # never longer than the words ("صد" stays: "100" would move what follows)
        return written.ljust(len(found.group())) if value >= 10 and len(written) <= len(found.group()) else found.group()
    return _SPELLED.sub(digits_for, text)


_BOUND_BEFORE = re.compile(r"(?:بیشتر|بیش|کمتر|زیر|بالای|более|больше|меньше|менее|свыше|до)(?:\s*از)?\s*$")
_COUNT = re.compile(rf"(?<![\w.,])(\d+|{_WORD_NUM_PHRASE})(?!\w){_GAP}(?:تا{_GAP})?(\w+)", re.IGNORECASE)
# the thing named first, its count a word later: "پله‌هام دقیقا ۶ تا بود", "ступенек ровно 6"
_NOUN_THEN_COUNT = re.compile(rf"(?<!\w)(?=(\w+)[\w\u200c]*(?:{_GAP}\S+)??{_GAP}(\d+|{_WORD_NUM_PHRASE})(?![\w.,٫]))",
                              re.IGNORECASE)  # (a lookahead: every word tried, "а если ступенек 10" not lost to "если")


def count_of(text: str, nouns: tuple[str, ...]) -> Optional[int]:
    """How many of a thing a message names ("۵ تا پله", "پنج پله", "у нас шесть ступенек"), the thing's word given by
    its beginnings (`nouns`: "پله", "ступен"); None when it names no count of it."""
    said, beginnings = normalize(text).lower(), tuple(noun.lower() for noun in nouns)
    for found in _COUNT.finditer(said):
        if found.group(2).startswith(beginnings):
            # "بیشتر از شش پله", "больше шести": a bound asked about, not a count
            return None if _BOUND_BEFORE.search(said, 0, found.start()) else int(parse_number(found.group(1)))
    for found in _NOUN_THEN_COUNT.finditer(said):
        if found.group(1).startswith(beginnings) and not _BOUND_BEFORE.search(said, 0, found.start(2)):
            return int(parse_number(found.group(2)))
    return None


def _span_patterns(fa: str, ru: str, ordinals: bool) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """A number of days or hours on ("اگه ده روز بعد خراب شه؟", "а если через 3 часа?") and gone by, when no span on is
    named ("اگه ۱۰ روز گذشته بود", "а если прошло уже 10 дней", "3 часа прошло"), with `fa` and `ru` the unit's words.
    `ordinals` is for days: their ordinal ("на 8-й день") and "после N дней" count ("после 3 часов" is an hour)."""
    number = rf"(?:(?<![\d.,/٫])\d{{1,3}}(?![.,/٫]\d)|{_WORD_NUM_PHRASE})"  # whole: not "1.5 часа" read as 5
    unit = rf"(?:{fa}|{ru})"
    after = rf"(?:بعد(?:{_GAP}از)?|через|спустя{'|после' if ordinals else ''})"
    ordinal = (rf"|(?<!\w)на{_GAP}(?P<n3>\d{{1,3}})-?(?:й|ой|ий|ый|ом)?{_GAP}(?:{ru})"
               rf"|(?<!\w)(?:{fa}){_GAP}(?P<n4>\d{{1,3}})(?:ام|م)") if ordinals else ""
    on = (rf"(?<!\w)(?:{after}{_GAP}(?P<n>{number}){_GAP}{unit}"
          rf"|(?P<n2>{number}){_GAP}{unit}{_GAP}(?:بعد|دیگه|دیگر|спустя){ordinal})(?!\w)")
    passed = rf"(?:прошло|прошли|прошёл|прошел)(?:{_GAP}(?:уже|больше|почти|около))?"
    gone = (rf"(?<!\w)(?:(?P<n>{number}){_GAP}(?:{fa})(?:{_GAP}از{_GAP}\S+)?{_GAP}گذشته{_GAP}(?:بود|باشه|باشد)"
            rf"|{passed}{_GAP}(?P<n2>{number}){_GAP}(?:{ru})"
            rf"|(?P<n3>{number}){_GAP}(?:{ru}){_GAP}(?:уже{_GAP})?прошло)(?!\w)")
    return re.compile(on, re.IGNORECASE), re.compile(gone, re.IGNORECASE)


# "после 3 часов" is after three o'clock, not three hours on; "ساعت ۸ام" no hour's ordinal
_SPANS = (("days", _span_patterns(r"روز", r"дн[яейи]\w*|день", True)),
          ("hours", _span_patterns(r"ساعت", r"час(?:а|ов)?", False)),
          ("weeks", _span_patterns(r"هفته", r"недел[юиь]\w*", False)))
_DAYS_IN = {"weeks": 7}  # a span of weeks is counted in days


def span_on(text: str) -> Optional[tuple[int, str]]:
    """How many days or hours on a message asks about ("اگه ده روز بعد خراب شه؟": 10 days, "و اگه ۳ ساعت گذشته بود
    چی؟": 3 hours, "اگه دو هفته از تحویلش گذشته باشه": 14 days), a span on before a span gone by; None when it names
    no such span."""
    said = normalize(text)
    for unit, (on, gone) in _SPANS:
        found = on.search(said) or gone.search(said)
        if found:
            count = int(parse_number(next(group for group in found.groups() if group)))
            return (count * _DAYS_IN[unit], "days") if unit in _DAYS_IN else (count, unit)
    return None


_BARE_COUNT = re.compile(rf"(?<![\w.,])(?:\d+|{_WORD_NUM_PHRASE})(?!\w)(?:{_GAP}تا(?!\w))?", re.IGNORECASE)


def counted_as(text: str, nouns: tuple[str, ...]) -> str:
    """A bare count ("و اگه ۵ تا بود؟", "а если 5?") with the word of what the rule before counted put after it, so
    that the rule's count reads it; the text unchanged when it names no bare count, or a count of the thing itself."""
    found = _BARE_COUNT.search(normalize(text).lower())
    if not nouns or found is None or count_of(text, nouns) is not None:
        return text
    language = detect_language(text) or "ru"  # no letters ("5?"): not Persian
    noun = next((noun for noun in nouns if detect_language(noun) == language), nouns[0])
    return f"{text[:found.end()]} {noun}{text[found.end():]}"


@dataclass(frozen=True)
class Entity:
    """One entity found in a message, with offsets into the original text."""

    entity: str
    start: int
    end: int
    value: Value

    def as_dict(self) -> dict[str, object]:
        """The dictionary shape Rasa keeps in a message's parse data."""
        return {"entity": self.entity, "start": self.start, "end": self.end, "value": self.value}


def parse_number(raw: str) -> float:
    """"1,500" is fifteen hundred, "1,5" and "1/5" are one and a half; "دو" and "два" are two."""
    words = [word for word in re.split(r"[\s\u200c]+|(?<!\w)و(?!\w)", raw.lower()) if word]
    if words and all(word in _NUMBER_WORDS for word in words):  # "بیست و نه": the words' values added
        return float(sum(_NUMBER_WORDS[word] for word in words))
    if re.fullmatch(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?", raw):
        return float(raw.replace(",", ""))
    if re.fullmatch(r"\d{1,3}(?:[ \u00a0\u202f]\d{3})+", raw):  # "2 400 000", thousands apart as Russian writes them
        return float(re.sub(r"\D", "", raw))
    return float(raw.replace(",", ".").replace("/", "."))


def _clean(number: float) -> Value:
    """Whole numbers stay integers in slots and replies."""
    return int(number) if number == int(number) else round(number, 2)


_HUNDREDS = "|".join(word for word, value in _NUMBER_WORDS.items() if value in range(100, 1000, 100))
_SMALL_FA = "یک|یه|دو|سه|چهار|پنج|شش|شیش|هفت|هشت"  # a few millions, said before "و" and their thousands
_MULTIPLIERS: list[tuple[str, int]] = [
    (r"میلیارد|миллиард\w*|млрд\.?", 1_000_000_000),
    (r"میلیون|ملیون|تومنی? ?میلیون|миллион\w*|млн\.?|mln", 1_000_000),
    (r"هزار|тысяч\w*|тыс\.?|k\b", 1_000),
]
_MULTIPLIER = "|".join(pattern for pattern, _ in _MULTIPLIERS)
_CURRENCY = r"تومان|تومانی|تومن|ریال|риал\w*|لاری|лари|лар|томан\w*|туман\w*|gel\b|₾|toman\b|tmn\b"

_HALF = rf"(?P<half>{_GAP}و{_GAP}نیم|{_GAP}с{_GAP}половиной)?"
_TOMAN = ("توم", "том", "тум", "toman", "tmn")
_RIAL = ("ریال", "риал")
_TOMAN_MILLIONS = 10  # "۲ تومن" is two million toman: nothing the stores sell costs two thousand
_KM = rf"کیلومتر|کیلو{_GAP}متر|کیلومتری|km\b|км\b|километр\w*"
_AMOUNT = re.compile(
    rf"(?<![\w.,/])(?P<num>{_NUM}){_HALF}{_GAP}(?:(?P<mult>{_MULTIPLIER}){_GAP})?(?P<cur>{_CURRENCY})"
    rf"|(?<![\w.,/])(?P<num2>{_NUM}){_HALF.replace('half', 'half2')}{_GAP}(?P<mult2>{_MULTIPLIER})"
    rf"|(?<![\w])(?P<num3>{_WORD_NUM_PHRASE}){_HALF.replace('half', 'half3')}{_GAP}(?:(?P<mult3>{_MULTIPLIER}){_GAP})?(?P<cur3>{_CURRENCY})"
    rf"|(?<![\w])(?P<num4>{_WORD_NUM_PHRASE}){_HALF.replace('half', 'half4')}{_GAP}(?P<mult4>{_MULTIPLIER})"
    # "и выйдет лари 300": about that many lari, the currency said first
    rf"|(?<![\w])(?P<cur5>лари|лар|gel|₾)[ ]{{0,3}}(?P<num5>\d{{1,6}})(?!\d|[.,]\d|{_GAP}(?:{_KM}|мл|ml|раз))"
    # "миллион восемьсот", "میلیون و دویست": a million said without its one, the thousands after it
    rf"|(?<![\w.,/])(?P<mult6>миллион|میلیون|ملیون)(?=\s+(?:و\s*)?(?:\d{{3}}|{_HUNDREDS})(?!\w))"
    # "یک و ششصد", "۲ و سیصد تومن", "یه و ۸۰۰": millions and thousands, the way a price in toman is said (a word on
    # one side at least: "۳ و ۲۰۰" is left to the readers of bare numbers)
    rf"|(?<![\w.,/])(?:(?P<m7>{_SMALL_FA})|(?P<m8>[1-9]))[ \u200c]*و[ \u200c]*(?:(?P<k7>\d{{3}})(?=\D|$)(?(m8)(?!))|(?P<k8>{_HUNDREDS}))"
    rf"(?:ه)?(?:{_GAP}(?:تومن|تومان))?(?!\w)",
    re.IGNORECASE,
)
_DISTANCE = re.compile(
    rf"(?<![\w.,/])(?P<num>{_NUM}){_GAP}(?:{_KM})|(?<![\w])(?:{_KM})[ \u200c]{{0,3}}(?P<num2>{_NUM})(?!\d|[.,]\d)"
    rf"|(?<![\w])(?P<words>{_WORD_NUM_PHRASE}){_GAP}(?:{_KM})"  # "ده کیلومتری", "тридцать км"
    rf"|(?<![\w])(?:километров|км)\s+(?!один)(?P<words2>{_WORD_NUM_PHRASE})(?!\w)",  # "километров сорок": about forty,
    # "км двенадцать"
    re.IGNORECASE,
)
# Hours said in words: "ساعت یک ظهر", "в два часа дня", "в час дня" (an hour alone is one o'clock). "2 дня" without "час"
# or "в" before it is two days ("уже 2 дня прошло"), "в 2 дня" two in the afternoon.
_HOUR_WORDS: dict[str, int] = {
    "یک": 1, "یه": 1, "دو": 2, "سه": 3, "چهار": 4, "پنج": 5, "شش": 6, "شیش": 6, "هفت": 7, "هشت": 8, "نه": 9,
    "ده": 10, "یازده": 11, "دوازده": 12,
    "час": 1, "часа": 1, "один": 1, "два": 2, "три": 3, "четыре": 4, "пять": 5, "шесть": 6, "семь": 7, "восемь": 8,
    "девять": 9, "десять": 10, "одиннадцать": 11, "двенадцать": 12,
}
_HOUR = r"(?:[01]?\d|2[0-3])"
_ORDER_HOUR = r"(?:0?[89]|1\d|2[0-3])"  # "закажу в 12", "в 12 закажу": a bare hour with ordering, in shop hours (not "в 3", 3 or 15)
# what a bare number after "закажу в", "до", "после" counts instead of hours: "до 20 лари", "до 5 этажа", "после 10 дней"
_NOT_HOURS = (r"час|лар|gel|₾|км|шт|штук|дн|день|недел|мес|раз|товар|экземпляр|этаж|числ|процент|%|тыс|млн|мил|том|ступен|"
              r"روز|هفته|ماه|سال|دقیقه|ساعت|تا(?!\w)|میلیون|ملیون|تومن|تومان|هزار|کیلو|پله|طبقه|درصد")
_WORD_HOUR = "|".join(sorted((word for word in _HOUR_WORDS if not word.startswith("час")), key=len, reverse=True))
_PM = r"بعد{_GAP}از{_GAP}ظهر|بعدازظهر|عصر|شب|дня|вечера|ночи".replace("{_GAP}", _GAP)
_DAY = rf"صبح|ظهر|{_PM}|утра"
_TIME = re.compile(
    rf"(?:ساعت{_GAP})?(?<![\w:])(?P<h>{_HOUR}):(?P<m>[0-5]\d)(?![\d:])"
    rf"(?:{_GAP}(?P<day>{_DAY}))?"
    rf"|ساعت{_GAP}(?P<h2>{_HOUR}|{_WORD_HOUR})(?![\d\w])(?:(?P<half>{_GAP}و{_GAP}نیمه?(?!\w)(?!{_GAP}ساعت))|"
    rf"{_GAP}و{_GAP}(?P<m2>[0-5]?\d){_GAP}دقیقه)?(?:{_GAP}(?P<day2>{_DAY}))?"  # "ساعت ۱۱ و ۴۵ دقیقه"
    rf"|(?<![\w.,])(?P<h3>{_HOUR}){_GAP}(?:час(?:а|ов)?{_GAP}|(?!дня))(?P<day3>{_DAY})"
    rf"|(?<!\w)(?:в|к|до|после|около){_GAP}(?P<h4>{_HOUR}|{_WORD_HOUR}){_GAP}(?:час\w*(?:{_GAP}(?P<day4>{_DAY}))?|(?P<day6>дня)(?!\w))"
    rf"|(?<!\w)(?:в|к|до|после|около){_GAP}(?P<h5>часа?)(?:{_GAP}(?P<day5>{_DAY}))(?!\w)"
    rf"|(?<!\w)(?:закаж\w*|заказ\w*|оформ\w*|сделан\w*|успе\w*)(?:{_GAP}заказ\w*)?(?:{_GAP}(?:только|лишь|уже|где-то|примерно))?"
    rf"{_GAP}(?:в|к){_GAP}(?P<h6>{_ORDER_HOUR})(?![\d\w:]|[.,]\d)"  # "успею оформить только в 12?", "успею только к 12"
    rf"(?!{_GAP}(?:{_DAY}|{_NOT_HOURS}))"
    # "после 11, когда заберу?", "اگه بعد ۱۱ سفارش بدم": a bare hour after "after"/"before" (not "после 11,5 км")
    rf"|(?<!\w)(?:до|после|(?:بعد|قبل|پیش){_GAP}(?:از{_GAP})?){_GAP}(?P<h7>{_ORDER_HOUR})(?![\d\w:]|[.,]\d)"
    rf"(?!{_GAP}(?:{_DAY}|{_NOT_HOURS}))"
    rf"|(?<!\w)в{_GAP}(?P<h8>{_ORDER_HOUR})(?={_GAP}(?:(?!{_NOT_HOURS})\w+{_GAP})?(?:закаж|заказ|оформ))"  # "в 12 успею оформить"
    rf"|^\W*(?:(?:а|и|ну){_GAP})?(?:если{_GAP})?(?:в|к){_GAP}(?P<h9>{_ORDER_HOUR})(?=\W*$)"  # "а в 12?" alone, after a pickup time
    rf"|(?<!\w)часа?{_GAP}(?:в|к){_GAP}(?P<h10>{_HOUR}|{_WORD_HOUR})(?:{_GAP}(?P<day7>{_DAY}))?(?![\d\w:]|[.,]\d)",  # "часа в 2"
    re.IGNORECASE,
)
# "بعد ناهار … مثلا ساعت ۲", "после обеда, часа в 2": the afternoon said anywhere in the message, for an hour before 8
# said without a part of the day (a shop's hours: 2 is 14:00)
_AFTERNOON_SAID = re.compile(rf"(?<!\w)(?:(?:بعد|موقع|وقت|سر){_GAP}(?:از{_GAP})?(?:ناهار|نهار|ظهر)|بعدازظهر|عصر|"
                             rf"(?:после|в){_GAP}обед\w*|дн[её]м|"
                             r"вечер\w*)(?!\w)", re.IGNORECASE)
_MORNING = re.compile(r"صبح|(?<!\w)утр", re.IGNORECASE)  # (not "… عصر آوردن، صبح ساعت ۶ باز کردم": the morning's)
AFTERNOON_HOURS_END = 8  # "ساعت ۲" with the afternoon said is 14:00; "ساعت ۹" stays the morning's
# "в полдвенадцатого", "пол-второго": half past the hour before the one named (11:30, 13:30); an hour before 8 with
# no part of the day is the shop's afternoon
_HALF_PAST = re.compile(r"(?<!\w)пол[ -]?(?P<ord>первого|второго|третьего|четв[её]ртого|пятого|шестого|седьмого|восьмого|"
                        r"девятого|десятого|одиннадцатого|двенадцатого)(?!\w)(?:\s+(?P<day>утра|дня|вечера|ночи))?",
                        re.IGNORECASE)
_ORDINAL_HOURS = ("первого", "второго", "третьего", "четвертого", "пятого", "шестого", "седьмого", "восьмого", "девятого",
                  "десятого", "одиннадцатого", "двенадцатого")
# "دیشب ساعت ۹", "امشب ساعت ۸", "دیروز عصر حدودای ساعت ۶", "вечером около 7": an evening said before the hour
_EVENING_BEFORE = re.compile(rf"(?<!\w)(?:(?P<night>پریشب|دیشب|امشب|شب)|عصر|بعد{_GAP}از{_GAP}ظهر|بعدازظهر|вечером)"
                             r"(?:[ \u200c]+(?:حدود\w*|تقریبا|около|примерно|где-то))?[ \u200c]*$", re.IGNORECASE)
NIGHT_ENDS = 5  # "last night at 9" is 21:00, "last night at 2" still 2 am
AFTERNOON_ENDS = 6  # "в 3 дня" is 15:00, "в 11 дня" still 11:00
# "قبل از ساعت ۱۱", "до 11:00": a time just before the hour named (the cut-off's own side of it)
_BEFORE = re.compile(rf"(?:(?<!\w)(?:قبل|پیش){_GAP}(?:از{_GAP})?|(?<!\w)(?:до|раньше){_GAP})$", re.IGNORECASE)
_PHONE = re.compile(
    r"(?<![\w+])(?P<ir>(?:(?:\+98|0098|98|0)[ -]?)?(?:9\d{2}|\(9\d{2}\))[ -]?\d{3}[ -]?\d{2}[ -]?\d{2})(?!\d)"  # "+98 (919)
    # 333-33-03", "۹۱۹۳۳۳۳۳۰۳" (its 0 left off)
    # "599125502", "599 12 55 02", "599 125 502": one way of grouping (not "58120 4567", an order and a phone's end)
    r"|(?<![\w+])(?P<ge>(?:\+?995[ -]?)?(?:5\d{2}|\(5\d{2}\))"
    r"(?:\d{6}|[ -]?\d{2}(?P<gs>[ -])\d{2}(?P=gs)\d{2}|[ -]?\d{3}[ -]\d{3}|[ -]\d{2}[ -]?\d{4}|[ -]\d{6}))(?!\d)"
    r"|(?<![\w+])(?P<intl>\+\d{1,3}(?:[ -]?\d){8,12})(?!\d)",
)
_LAST_FOUR = re.compile(
    rf"(?:(?:4|چهار)(?:{_GAP}تا)?{_GAP}رقم{_GAP}[آا]خر|رقم(?:{_GAP}ها|ا)(?:ی)?{_GAP}[آا]خر|[آا]خرش(?:{_GAP}میشه|{_GAP}هست)?|[آا]خرین{_GAP}(?:4|چهار){_GAP}رقم|(?:[آا]خر|ته){_GAP}شمار\w*|"
    rf"последни[ехйи](?:{_GAP}(?:4|четыре))?(?:{_GAP}цифр\w*)?|(?:4|четыре){_GAP}последни[ехй]{_GAP}цифр\w*|"
    rf"(?:о|за)?канчивается{_GAP}на)"
    r"\D{0,30}?(?<!\d)(?P<digits>\d{4})(?!\d)"
    # the ending said after the digits: "شماره‌ام به ۳۳۰۴ ختم میشه", "۴۵۶۷ تموم میشه", "на 5502 заканчивается"
    rf"|(?<!\d)(?P<ending>\d{{4}})(?!\d){_GAP}(?:(?:ختم|تموم|تمام){_GAP}می|(?:о|за)?канчивается)",
    re.IGNORECASE,
)
_ORDER_KEYWORD = re.compile(r"(?:سفارش|فاکتور|заказ\w*|номер|#|№)\W{0,3}[^\d\s]{0,12}\W{0,3}$", re.IGNORECASE)
_ORDER_ID = re.compile(
    r"(?<![\w.,/:+-])(?P<id>(?:(?=[авекмнорстх]*(?:(?i:[a-z])|[АВЕКМНОРСТХ]))(?:(?i:[a-z])|[АВЕКМНОРСТХавекмнорстх]){1,4}[ _-]?|(?!(?:на|от)\d)[авекмнорстх]{2,4}[_-]?)?\d[\w-]{1,30}\d|\d{3})"
    r"(?!(?!ه(?!\w))[\w/:-]|[.,]\d)"  # "TS-1043ه، شماره موبایلم …": a Persian "is" joined to the number
)
# Cyrillic letters that look like Latin ones (LOOKALIKES): "СТ-2002" typed on a Russian keyboard is CT-2002; small ones
# ("тс-1041") only joined to the number, since "на 5000" is a word before it, unless beside a Latin or capital one
# ("сt-2002").
_NOT_ORDER_UNITS = re.compile(
    rf"^{_GAP}(?:روز|ساعت|دقیقه|ماه|سال|درصد|%|день|дня|дней|час|ч(?![а-яё])|минут|месяц|год|лет|процент|шт"
    # a measure of the item: "سشوار ۲۲۰۰ واتی", "пылесос на 1800 Вт", "1000 mAh"
    r"|وات|ولت|میلی|گرم|گیگ|ترابایت|اینچ|سانت|مگا|ватт|вт(?![а-яё])|мач|мл(?![а-яё])|гб|дюйм|грамм|w(?![a-z])|mah|gb|ml(?![a-z]))",
    re.IGNORECASE,
)

_CITIES: dict[str, str] = {
    # Georgia (Citadel's delivery and pickup cities, and other towns)
    "tbilisi": r"тбилиси|tbilisi|تفلیس|تبیلیسی",
    "kutaisi": r"кутаиси|kutaisi|کوتایسی|کوتائیسی|کوتاییسی",
    "batumi": r"батуми|batumi|باتومی|باتوم",
    "rustavi": r"рустави|rustavi|روستاوی|رستاوی",
    "mtskheta": r"мцхет[аеуы]|мцхетой|mtskheta|متسختا|مسختا",
    "senaki": r"сенаки",
    "tskneti": r"цхнети",
    "gori": r"гори|gori",
    "zugdidi": r"зугдиди|zugdidi",
    "telavi": r"телави|telavi",
    "poti": r"поти|poti",
    "zestafoni": r"зестафони",
    "borjomi": r"боржоми",
    "akhaltsikhe": r"ахалцихе",
    "kobuleti": r"кобулети",
    "gurjaani": r"гурджаани",
    "marneuli": r"марнеули",
    "khashuri": r"хашури",
    "ozurgeti": r"озургети",
    "samtredia": r"самтредиа",
    "sighnaghi": r"сигнахи",
    # Iran
    "tehran": r"تهران|тегеран\w*|tehran",
    "karaj": r"کرج|карадж\w*",
    "isfahan": r"اصفهان|исфахан\w*",
    "mashhad": r"مشهد|мешхед\w*|машхад\w*",
    "shiraz": r"شیراز|шираз\w*",
    "tabriz": r"تبریز|тебриз\w*|тавриз\w*",
    "ahvaz": r"اهواز|ахваз\w*",
    "qom": r"قم|кум[еау]?",
    "kerman": r"کرمان|керман(?!ш)\w*",
    "kermanshah": r"کرمانشاه|керманшах\w*",
    "zahedan": r"زاهدان|захедан\w*",
    "bandar_abbas": rf"بندر{_GAP}عباس|(?:бандар|бендер)[\s-]?аббас\w*",
    "rasht": r"رشت|решт\w*|рашт\w*",
    "yazd": r"یزد|йезд\w*|язд\w*",
    "urmia": r"ارومیه|урми[яиюей]|урмие\w*|орумие\w*",
    "hamedan": r"همدان|хамадан\w*|хамедан\w*",
    "arak": r"اراک|арак[еау]?",
    "sari": r"ساری|сари",
    "qazvin": r"قزوین|казвин\w*|газвин\w*",
    "gorgan": r"گرگان|горган\w*",
    "sanandaj": r"سنندج|сенендедж\w*|санандадж\w*",
    "zanjan": r"زنجان|зенджан\w*|занджан\w*",
    "bushehr": r"بوشهر|бушир\w*|бушехр\w*",
    "khorramabad": rf"خرم{_GAP}آباد|хорр?[еа]мабад\w*",
    "ardabil": r"اردبیل|ардеби?л\w*|ардабил\w*",
    "kish": r"کیش|киш[еау]?",
    "varamin": r"ورامین|варамин\w*",
    "pardis": r"پردیس",
    "anzali": rf"(?:بندر{_GAP})?انزلی|энзели|анзали",
    "neyshabur": r"نیشابور|нишапур\w*|нейшабур\w*",
    "kashan": r"کاشان|кашан\w*",
    "qeshm": r"قشم|кешм\w*|гешм\w*",
    "babol": r"بابل|бабол\w*",
    "amol": r"آمل|амол\w*",
    "dezful": r"دزفول|дезфул\w*",
    "birjand": r"بیرجند|бирдженд\w*|бирджанд\w*",
    "semnan": r"سمنان|семнан\w*",
    "ilam": r"ایلام",
    "yasuj": r"یاسوج|ясудж\w*",
    "shahrekord": rf"شهر{_GAP}کرد|шахрекорд\w*",
    "bojnurd": r"بجنورد|боджнурд\w*",
    "eslamshahr": rf"اسلام{_GAP}شهر",
}
# A place outside any city: the stores price it per km, whatever town it is near.
OUT_OF_TOWN = "out_of_town"
_OUT_OF_TOWN = re.compile(
    r"за ?город\w*|загород\w*|в сел[оеа]\w*|в деревн\w*|в посел\w*|пригород\w*|за пределы город\w*|"
    # Georgian towns beyond the five cities Citadel's prices name: priced per km like any place out of town
    r"(?<!\w)(?:зугдиди|гори|телави|поти|зестафони|кобулети|боржоми|самтредиа|хашури|сенаки|озургети|ахалцихе|"
    r"марнеули|сигнахи|гардабани|кварели|ахалкалаки|زوگدیدی|گوری|تلاوی|پوتی|بورجومی|کوبولتی)(?!\w)|"
    rf"خارج{_GAP}(?:از{_GAP})?شهر|بیرون{_GAP}(?:از{_GAP})?شهر|روستا(?!وی)\w*|حومه",
    re.IGNORECASE,
)
# What joins a distance to the city it is measured from: "30 км от Тбилиси", "۳۰ کیلومتر بیرون از شیراز".
_FROM = re.compile(
    rf"(?P<ezafe>ی(?!\w))?[ \u200c]*(?P<from>от|из|за|from|(?:بعد|بیرون|خارج|دور|اطراف){_GAP}از|از)?[ \u200c]*(?:г\.|города|شهر)?[ \u200c]*",
    re.IGNORECASE,
)
# What says a place lies just outside the city named after it: "بیرون تفلیس", "خارج از شیراز", "под Кутаиси"
_OUTSIDE_OF = re.compile(rf"(?<!\w)(?:(?:بیرون|خارج|اطراف|حومه)\u0650?{_GAP}(?:از{_GAP})?|(?:под|за пределами)\s+(?:г\.\s*)?)$",
                         re.IGNORECASE)
# What denies the place named after it, once another was named: "… نه مشهد", "… а не в Кутаиси"
_NOT_THIS = re.compile(r"(?<!\w)(?:نه|а не|не)\s+(?:в\s+|во\s+|به\s+)?$", re.IGNORECASE)
_NOT_THERE = re.compile(r"(?<!\w)не\s+(?:в|во|из|с)\s+$", re.IGNORECASE)
_NOT_THERE_AFTER = re.compile(r"[ \u200c]*(?:نیستم|نیستیم|نیست|نیستش|نمیشینم|زندگی نمیکنم)(?!\w)")
# Persian attaches endings to a city's name: "زاهدانم" (I am in Zahedan), "شیرازی" (from Shiraz), "باتومیه" (it is Batumi).
_CITY_ENDING = r"(?:(?:م|ی|یم|یی|ام|یه|(?<=ی)ه|(?<=\w{4})ه)(?![\w]))?"
_CITY = re.compile(
    "|".join(rf"(?<![\w])(?P<{key}>{pattern}){_CITY_ENDING}(?![\w])" for key, pattern in _CITIES.items()),
    re.IGNORECASE,
)


def _amounts(text: str) -> Iterator[tuple[Entity, int, bool]]:
    """Numbers with a currency or a multiplier ("۳ میلیون تومان", "150 лари", "2 млн"), with the multiplier and
    whether they were in rial (already made toman)."""
    for match in _AMOUNT.finditer(text):
        if match.group("m7") or match.group("m8"):
            millions = parse_number(match.group("m7") or match.group("m8"))
            thousands = parse_number(match.group("k7") or match.group("k8"))
            yield Entity("amount", match.start(), match.end(), _clean(millions * 1_000_000 + thousands * 1000)), 1_000_000, False
            continue
        raw = next((match.group(g) for g in ("num", "num2", "num3", "num4", "num5") if match.group(g)), "1")
        multiplier_text = next((match.group(g) for g in ("mult", "mult2", "mult3", "mult4", "mult6") if match.group(g)), "")
        half = any(match.group(g) for g in ("half", "half2", "half3", "half4"))
        if raw == "نه" and not multiplier_text:  # "۱۲ میلیون ریال بود نه تومن": "not", no nine
            continue
        number = parse_number(raw) + (0.5 if half else 0)
        factor = next((factor for pattern, factor in _MULTIPLIERS
                       if multiplier_text and re.fullmatch(pattern, multiplier_text, re.IGNORECASE)), 1)
        number *= factor
        if number <= 0:  # "0 лари" prices nothing; a number the pattern cut short must not become a price of 0
            continue
        currency = (match.group("cur") or match.group("cur3") or match.group("cur5") or "").lower()
        in_rial = currency.startswith(_RIAL)
        if in_rial:
            number /= 10  # the stores count in toman; 10 rial make a toman
        elif factor == 1 and number < _TOMAN_MILLIONS and currency.startswith(_TOMAN):
            number, factor = number * 1_000_000, 1_000_000  # "۲ تومن و ۲۰۰": the millions, in today's slang
        elif factor == 1 and number < 1000 and currency.startswith(_TOMAN):
            number, factor = number * 1000, 1000  # "یه کرم ۲۵۰ تومنی": people drop the thousands of toman
        yield Entity("amount", match.start(), match.end(), _clean(number)), factor, in_rial


_TENS = "|".join(word for word, value in _NUMBER_WORDS.items() if value in range(10, 100, 10))
# "۲ میلیون و ۳۰۰", "۳ میلیون و دویست (و پنجاه)", "2 млн триста": thousands without their word
_BARE_THOUSANDS = re.compile(
    rf"{_GAP}(?:و{_GAP})?(?:(?P<n>\d{{1,3}})|(?P<hundreds>{_HUNDREDS})(?:{_GAP}و{_GAP}(?P<tens>{_TENS}))?(?!\w))"
    rf"(?![\d/]|[.,٫٬]\d|{_GAP}(?:{_MULTIPLIER}))",  # (a full stop or comma ending the sentence, not a fraction)
    re.IGNORECASE,
)


def _compound_amounts(text: str) -> Iterator[Entity]:
    """Parts that add up: "۲ میلیون و ۱۰۰ هزار تومان", "2 млн 100 тыс"; after millions a bare number
    counts thousands, as people say it: "۲ میلیون و ۳۰۰" is 2,300,000, "2 млн 300" too. The currency closing the
    last part is the whole's: "۱۲ میلیون و ۵۰۰ هزار ریال" is 1,250,000 toman."""
    parts = list(_amounts(text))
    index = 0
    while index < len(parts):
        merged, factor, in_rial = parts[index]
        while index + 1 < len(parts):
            following, following_factor, following_in_rial = parts[index + 1]
            joint = text[merged.end : following.start]
            value, before = following.value, merged.value
            if following_in_rial and not in_rial:
                before /= 10  # type: ignore[operator]
            if not (re.fullmatch(rf"{_GAP}(?:و{_GAP})?", joint) and value < before):  # type: ignore[operator]
                break
            if factor == 1_000_000 and following_factor == 1 and value < 1000:  # type: ignore[operator]
                value *= 1000  # type: ignore[operator]
            merged = Entity("amount", merged.start, following.end, _clean(before + value))  # type: ignore[operator]
            in_rial = in_rial or following_in_rial
            factor = following_factor
            index += 1
        tail = _BARE_THOUSANDS.match(text, merged.end) if factor == 1_000_000 else None
        if tail is not None:
            thousands = sum(parse_number(tail.group(g)) for g in ("n", "hundreds", "tens") if tail.group(g))
            merged = Entity("amount", merged.start, tail.end(), _clean(merged.value + thousands * 1000))  # type: ignore[operator]
        yield merged
        index += 1


def _distances(text: str) -> Iterator[Entity]:
    """A number of kilometres."""
    for match in _DISTANCE.finditer(text):
        yield Entity("distance", match.start(), match.end(),
                     _clean(parse_number(match.group("num") or match.group("num2") or match.group("words")
                                         or match.group("words2"))))


# a time of day said as a word: "в полдень", "سر ظهر", "ساعت دوازده ظهر" aside (a clock time of its own)
_NOON = re.compile(r"(?<!\w)(?:(?:в|примерно в) полдень|(?:около|к|до|после) полудн[яю]|سر ?ظهر|(?:لنگ|نصف) ?ظهر)(?!\w)",
                   re.IGNORECASE)


def _times(text: str) -> Iterator[Entity]:
    """Clock times, with the afternoon and evening words moving the hour past noon; "before 11" is a minute before."""
    for match in _NOON.finditer(text):
        yield Entity("time", match.start(), match.end(), "11:59" if _BEFORE.search(text[: match.start()]) else "12:00")
    for match in _TIME.finditer(text):
        said = next(match.group(g) for g in ("h", "h2", "h3", "h4", "h5", "h6", "h7", "h8", "h9", "h10")
                    if match.group(g))
        hour = int(said) if said.isdigit() else _HOUR_WORDS[said.lower()]
        minute = 30 if match.group("half") else int(match.group("m") or match.group("m2") or 0)  # "ساعت ۲ و نیم"
        day = next((match.group(g) for g in ("day", "day2", "day3", "day4", "day5", "day6", "day7") if match.group(g)), "")
        evening = _EVENING_BEFORE.search(text[: match.start()]) if not day and hour < 12 else None
        if evening and (hour >= NIGHT_ENDS or not evening.group("night")):  # "دیشب ساعت ۲" is 2 am
            day = "شب"
        if not day and 0 < hour < AFTERNOON_HOURS_END and _AFTERNOON_SAID.search(text) and not _MORNING.search(text):
            hour += 12  # "بعد ناهار … مثلا ساعت ۲"
        elif day.lower() == "дня" and hour > AFTERNOON_ENDS:  # "в 11 дня", "полдвенадцатого дня": late morning
            pass
        elif day.lower() in ("شب", "ночи") and 0 < hour < NIGHT_ENDS:  # "ساعت ۲ شب", "в 3 ночи": the small hours
            pass
        elif day and re.fullmatch(_PM, day, re.IGNORECASE):
            hour = 0 if (day.lower() == "ночи" and hour == 12) else (hour + 12 if hour < 12 else hour)
        elif day == "ظهر" and hour < 6:  # "one at noon" is one in the afternoon
            hour += 12
        first = next((g for g in ("h4", "h5", "h6", "h7", "h8", "h9", "h10") if match.group(g)), None)
        start = match.start(first) if first else match.start()  # not the "в" (nor the verb before it)
        if _BEFORE.search(text[:start]):
            hour, minute = divmod((hour * 60 + minute - 1) % (24 * 60), 60)
        yield Entity("time", start, match.end(), f"{hour:02d}:{minute:02d}")
    for match in _HALF_PAST.finditer(text):
        hour = _ORDINAL_HOURS.index(match.group("ord").lower().replace("ё", "е"))  # "полпервого": 0, i.e. 12:30
        day = (match.group("day") or "").lower()
        if (day == "дня" and hour <= AFTERNOON_ENDS) or day == "вечера" or (not day and hour < 8):
            hour += 12
        minute = 30
        if _BEFORE.search(text[: match.start()]):
            hour, minute = divmod(hour * 60 + minute - 1, 60)
        yield Entity("time", match.start(), match.end(), f"{hour % 24:02d}:{minute:02d}")


def _phones(text: str) -> Iterator[Entity]:
    """Iranian and Georgian mobiles in their usual spellings, and "last four digits 4567"."""
    for match in _PHONE.finditer(text):
        digits = re.sub(r"\D", "", match.group(0))
        if match.group("ir"):
            digits = "0" + digits[-10:]
        elif match.group("intl"):
            digits = "+" + digits
        yield Entity("phone", match.start(), match.end(), digits)
    for match in _LAST_FOUR.finditer(text):
        said = "digits" if match.group("digits") else "ending"
        yield Entity("phone", match.start(said), match.end(said), match.group(said))


# "заказ 58 122": an order's digits in groups, as thousands are written (only right after "order")
_SPACED_ORDER_ID = re.compile(r"(?<![\w.,/:+-])\d{1,3}(?: \d{3})+(?![\w/:-]|[.,]\d)")


def _order_ids(text: str) -> Iterator[Entity]:
    """Order numbers: codes with digits; a bare three-digit number, or digits in groups, only after "order"."""
    for match in _SPACED_ORDER_ID.finditer(text):
        if _ORDER_KEYWORD.search(text[max(0, match.start() - 25): match.start()]):
            yield Entity("order_id", match.start(), match.end(), match.group().replace(" ", ""))
    for match in _ORDER_ID.finditer(text):
        value = match.group("id")
        span = re.fullmatch(r"\d{1,3}[-–]\d{1,3}", value) and not (re.fullmatch(r"\d{1,3}[-–]\d{3}", value) and (
            _ORDER_KEYWORD.search(text[max(0, match.start() - 25): match.start()])))  # not "سفارش ۵۸-۱۲۰ روز شنبه"
        if (len(value) <= 4 or span) and _NOT_ORDER_UNITS.match(text[match.end() :]):
            continue  # "24 ساعت", "10 дней", "24-48 часов", "2025 год": a duration, a span or a year
        if sum(char.isdigit() for char in value) < 4 and (not _ORDER_KEYWORD.search(
            text[max(0, match.start() - 25) : match.start()]) or re.search(r"(?<!\w)на\s*$", text[: match.start()])):
            continue  # (not "с тем же заказом на 700": an order's total)
        prefix = re.match(r"([^\W\d_]+)[ _-]?(?=\d)", value)
        if prefix and prefix.group(1).translate(LOOKALIKES).isascii():
            value = prefix.group(1) + "-" + value[prefix.end():]  # "ct 2002", "СТ2002": CT-2002
        elif prefix:
            continue  # other letters before a number ("на 5000") are words, not an order's prefix
        yield Entity("order_id", match.start(), match.end(), value.translate(LOOKALIKES).upper())


# Days of the week, Monday = 0: "در روز شنبه", "в субботу", "в пятницу вечером".
_WEEKDAYS: dict[str, str] = {
    "monday": rf"دو{_GAP}شنبه|понедельник\w*",
    "tuesday": rf"سه{_GAP}شنبه|вторник\w*",
    "wednesday": rf"چهار{_GAP}شنبه|сред[аыуе]",
    "thursday": rf"پنج{_GAP}شنبه|четверг\w*",
    "friday": r"جمعه|пятниц[аыуе]",
    "saturday": r"شنبه|суббот[аыуе]",
    "sunday": rf"یک{_GAP}شنبه|воскресень[ея]",
}
_WEEKDAY = re.compile(
    "|".join(rf"(?<![\w\u200c])(?P<{key}>{pattern})(?![\w])" for key, pattern in _WEEKDAYS.items()),
    re.IGNORECASE,
)


_JALALI_MONTHS = ("فروردین", "اردیبهشت", "خرداد", "تیر", "مرداد", "شهریور", "مهر", "آبان", "آذر", "دی", "بهمن", "اسفند")
_RU_MONTHS = ("январ", "феврал", "март", "апрел", "ма[йя]", "июн", "июл", "август", "сентябр", "октябр", "ноябр", "декабр")
_FA_UNIT_ORDINALS = ("یکم", "دوم", "سوم", "چهارم", "پنجم", "ششم", "هفتم", "هشتم", "نهم")
# "بیست و هفتم بهمن", "اول مهر": a day of the month said as an ordinal word (not "قسط اول دی", the first instalment)
_FA_DAY_ORDINALS: dict[str, int] = {
    "اول": 1, **{word: day for day, word in enumerate(_FA_UNIT_ORDINALS, 1)},
    **{word: day for day, word in enumerate(("دهم", "یازدهم", "دوازدهم", "سیزدهم", "چهاردهم", "پانزدهم", "شانزدهم",
                                              "هفدهم", "هجدهم", "نوزدهم", "بیستم"), 10)},
    "پونزدهم": 15, "شونزدهم": 16, "هیفدهم": 17, "هیجدهم": 18,
    **{f"بیست و {word}": 20 + day for day, word in enumerate(_FA_UNIT_ORDINALS, 1)},
    "سی ام": 30, "سیام": 30, "سی و یکم": 31,
}
_DAY_WORD = "|".join(sorted((word.replace(" ", _GAP) for word in _FA_DAY_ORDINALS), key=len, reverse=True))


def _unspaced(word: str) -> str:
    """An ordinal word as the look-up keys it: without its spaces and ZWNJs, however it was typed ("بیست وهفتم")."""
    return re.sub(r"[ \u200c]+", "", word)


_DAY_BY_WORD = {_unspaced(word): day for word, day in _FA_DAY_ORDINALS.items()}
_DAY_MONTH = re.compile(
    rf"(?<![\d\w])(?:(?P<day>[1-9]|[12]\d|3[01]){_GAP}(?:ام|م|ُم)?|(?<!قسط )(?<!هفته )(?<!دهه )(?<!بار )(?<!صفحه )(?<!دفعه )(?<!نفر )(?<!نسخه )(?<!طبقه )(?P<dayword>{_DAY_WORD})){_GAP}"
    rf"(?:(?P<fa>{'|'.join(_JALALI_MONTHS)})|(?P<ru>{'|'.join(_RU_MONTHS)})\w*)(?![\w])",
    re.IGNORECASE,
)
_RU_UNIT_STEMS = ("перв", "втор", "треть", "четв[её]рт", "пят", "шест", "седьм", "восьм", "девят")
_RU_TEEN_STEMS = ("десят", "одиннадцат", "двенадцат", "тринадцат", "четырнадцат", "пятнадцат", "шестнадцат", "семнадцат",
                  "восемнадцат", "девятнадцат")


def _ru_ordinal(stem: str) -> str:
    """A Russian ordinal's stem with its endings of a day: "пятого" (числа), "пятое" (сегодня); "третьего", "третье"."""
    return rf"{stem}(?:его|е)" if stem.endswith("ь") else rf"{stem}(?:ого|ое)"


# "пятого числа", "сегодня двадцать третье": a day of the month said as a Russian ordinal word
_RU_DAY_ORDINALS: dict[str, int] = {
    **{_ru_ordinal(stem): day for day, stem in enumerate(_RU_UNIT_STEMS, 1)},
    **{_ru_ordinal(stem): day for day, stem in enumerate(_RU_TEEN_STEMS, 10)},
    _ru_ordinal("двадцат"): 20, **{rf"двадцать{_GAP}{_ru_ordinal(stem)}": 20 + day for day, stem in enumerate(_RU_UNIT_STEMS, 1)},
    _ru_ordinal("тридцат"): 30, rf"тридцать{_GAP}{_ru_ordinal('перв')}": 31,
}
_RU_DAY_WORD = "|".join(sorted(_RU_DAY_ORDINALS, key=len, reverse=True))


def _ru_day(word: str) -> int:
    """The day a Russian ordinal word names."""
    return next(day for pattern, day in _RU_DAY_ORDINALS.items() if re.fullmatch(pattern, word, re.IGNORECASE))


# A day of the month without its month: "پنجشنبه ۱۵ام", "امروز ۲۰امه", "پنجم ماه", "امروز دهمه", "получил 15-го",
# "15 числа", "пятого числа", "сегодня 20-е", "сегодня десятое" (not a floor, an instalment or a step, nor a day things
# are due by: "до 12 числа")
_DAY_OF_MONTH = re.compile(
    r"(?<![\d\w])(?<!طبقه )(?<!قسط )(?<!ردیف )(?<!مرحله )(?<!تا )(?<!до )(?<!к )(?:(?P<fa>[1-9]|[12]\d|3[01])[ \u200c]?(?:ام|اُم|ُم)(?:ه|ین)?|"
    rf"(?P<faword>{_DAY_WORD}){_GAP}ماه|(?<=امروز )(?P<today>{_DAY_WORD})ه?|"
    r"(?P<ru>[1-9]|[12]\d|3[01])(?:-?го(?: числа)?| числа)|(?<=сегодня )(?P<now>[1-9]|[12]\d|3[01])-?(?:е|ое)|"
    rf"(?P<ruword>{_RU_DAY_WORD}) числа|(?<=сегодня )(?P<nowword>{_RU_DAY_WORD}))"
    r"(?![\w])(?! (?:этаж|платеж|взнос))",
    re.IGNORECASE,
)
# Days counted back from today: "دیروز", "۳ روز پیش", "позавчера", "неделю назад", "دو هفته پیش".
_DAYS_AGO = re.compile(
    rf"(?P<n>\d{{1,2}}|{_WORD_NUM}){_GAP}(?:روز|дн\w*|день){_GAP}(?:پیش|قبل|назад)|"
    rf"(?:дн\w*|день){_GAP}(?P<n2>\d{{1,2}}|{_WORD_NUM}){_GAP}назад|"  # "дня три назад": about three days
    rf"(?:(?P<weeks>\d{{1,2}}|{_WORD_NUM}){_GAP})?(?P<week>هفته|недел\w*){_GAP}(?:پیش|قبل|назад)|"
    r"(?P<word>پریروز|پریشب|دیروز|دیشب|امروز|позавчера|вчера|сегодня)",
    re.IGNORECASE,
)
_NAMED_DAYS = {"امروز": 0, "сегодня": 0, "دیروز": 1, "دیشب": 1, "вчера": 1, "پریروز": 2, "پریشب": 2, "позавчера": 2}


MINUTES_AGO = "minutes_ago"  # a time entity's value "minutes_ago:90": "یک ساعت و نیم پیش", placed by bot.dialogue
_HOURS_AGO = re.compile(
    rf"(?<!\w)(?:(?P<n>\d{{1,2}}|{_WORD_NUM}){_GAP}(?:(?P<unit>ساعت|час\w*|دقیقه|минут\w*)(?P<half>{_GAP}و{_GAP}نیم)?)"
    rf"|(?P<half_hour>نیم{_GAP}ساعت|полчаса)|(?P<hour>час|полтора{_GAP}часа)"
    rf"|(?P<unit2>час\w*|минут\w*){_GAP}(?P<n2>\d{{1,2}}|{_WORD_NUM})){_GAP}(?:پیش|قبل|назад)(?!\w|{_GAP}از)"  # "часов пять назад": about
    # the days gone by since, a span up to now: "الان ۲ روز گذشته", "уже 2 дня прошло", "прошло 3 дня", "двое суток прошло"
    rf"|(?<!\w)(?P<days>\d{{1,2}}|{_WORD_NUM}){_GAP}(?:روزه?|дн[яей]|день|сут(?:ки|ок)){_GAP}(?:گذشته|прошл[оиа])(?!\w)"
    rf"|(?<!\w)прошл[оиа]{_GAP}(?:уже{_GAP})?(?P<days2>\d{{1,2}}|{_WORD_NUM}){_GAP}(?:дн[яей]|день|сут(?:ки|ок))(?!\w)"
    # and the hours: "الان حدود ۴۸ ساعت گذشته", "прошло уже 30 часов", "30 часов прошло"
    rf"|(?<!\w)(?P<hours>\d{{1,2}}|{_WORD_NUM}){_GAP}(?:ساعته?|час\w*){_GAP}(?:گذشته|прошл[оиа])(?!\w)"
    rf"|(?<!\w)прошл[оиа]{_GAP}(?:уже{_GAP})?(?P<hours2>\d{{1,2}}|{_WORD_NUM}){_GAP}час\w*(?!\w)",
    re.IGNORECASE,
)


def _hours_ago(text: str) -> Iterator[Entity]:
    """"یک ساعت و نیم پیش", "2 часа назад", "полчаса назад", "۲ روز گذشته": a moment counted back from now, in minutes."""
    for match in _HOURS_AGO.finditer(text):
        days = match.group("days") or match.group("days2")
        hours = match.group("hours") or match.group("hours2")
        if days:
            minutes = parse_number(days) * 24 * 60
        elif hours:
            minutes = parse_number(hours) * 60
        elif match.group("half_hour"):
            minutes = 30.0
        elif match.group("hour"):
            minutes = 90.0 if match.group("hour").lower().startswith("полтора") else 60.0
        else:
            unit = match.group("unit") or match.group("unit2")
            minutes = parse_number(match.group("n") or match.group("n2")) * (
                1 if unit.lower().startswith(("دقیقه", "минут")) else 60)
            minutes += 30 if match.group("half") else 0
        yield Entity("time", match.start(), match.end(), f"{MINUTES_AGO}:{int(minutes)}")


def _dates(text: str) -> Iterator[Entity]:
    """Calendar days as customers give them: "۳ مهر" (Jalali), "3 декабря", or days back from today;
    values "jalali:MONTH-DAY", "gregorian:MONTH-DAY", a day of a month left unsaid ("jalali:-15": the calendar the
    customer's words count in) or "ago:DAYS", placed in a year by `bot.dialogue`."""
    for match in _DAY_MONTH.finditer(text):
        if match.group("fa"):
            month, calendar = _JALALI_MONTHS.index(match.group("fa")) + 1, "jalali"
        else:
            said = text[match.start("ru") : match.end()].lower()
            month = next(n for n, stem in enumerate(_RU_MONTHS, 1) if re.fullmatch(rf"{stem}\w*", said))
            calendar = "gregorian"
        said = match.group("dayword")
        day = _DAY_BY_WORD[_unspaced(said)] if said else int(match.group("day"))
        yield Entity("date", match.start(), match.end(), f"{calendar}:{month}-{day}")
    for match in _DAY_OF_MONTH.finditer(text):
        word = match.group("faword") or match.group("today")
        calendar = "jalali" if match.group("fa") or word else "gregorian"
        russian = match.group("ruword") or match.group("nowword")
        day = (_DAY_BY_WORD[_unspaced(word)] if word else _ru_day(russian) if russian
               else int(match.group("fa") or match.group("ru") or match.group("now")))
        yield Entity("date", match.start(), match.end(), f"{calendar}:-{day}")
    for match in _DAYS_AGO.finditer(text):
        if match.group("word"):
            days = _NAMED_DAYS[match.group("word").lower()]
        elif match.group("week"):  # "هفته پیش", "دو هفته پیش", "две недели назад"
            weeks = match.group("weeks")
            days = 7 * (1 if weeks is None else int(weeks) if weeks.isdigit() else int(_NUMBER_WORDS[weeks.lower()]))
        else:
            number = match.group("n") or match.group("n2")
            days = int(number) if number.isdigit() else int(_NUMBER_WORDS[number.lower()])
        yield Entity("date", match.start(), match.end(), f"ago:{days}")


def _weekdays(text: str) -> Iterator[Entity]:
    """Days of the week, as their English names."""
    for match in _WEEKDAY.finditer(text):
        yield Entity("weekday", match.start(), match.end(), match.lastgroup or "")


def _out_of_town(text: str, named: Sequence[re.Match[str]]) -> Optional[Entity]:
    """Words for a place outside the cities, or a distance from a city: "30 км от Тбилиси", "۲۰ کیلومتری شیراز", or
    one of the cities `named` just outside it."""
    outside = _OUT_OF_TOWN.search(text)
    question = _ASKED_AFTER.match(text, outside.end()) if outside is not None else None
    asked = question is not None and any(city.end() <= outside.start() and (  # type: ignore[union-attr]
        _COUNTS_AS.search(text, city.end(), outside.start()) or _COUNTS_AS.search(text, outside.end(), question.end()))  # type: ignore[union-attr]
        for city in named)
    if outside is not None and not asked:  # ("а в Мцхету? это тоже за город?": whether the city named counts as out
        # of town, asked; not "не в самом Рустави, а в деревне рядом?", a village near it)
        return Entity("city", outside.start(), outside.end(), OUT_OF_TOWN)
    for distance in _DISTANCE.finditer(text):
        beyond = _FROM.match(text, distance.end())
        city = _CITY.match(text, beyond.end()) if beyond and (beyond.group("from") or beyond.group("ezafe")) else None
        if beyond is not None and city is not None:
            return Entity("city", beyond.start("from") if beyond.group("from") else city.start(), city.end(), OUT_OF_TOWN)
    for city in named:  # "بیرون تفلیسه", "под Кутаиси": just outside a city; "от Тбилиси где-то 320 км": a distance
        # counted from it
        if _OUTSIDE_OF.search(text, max(0, city.start() - 20), city.start()) or len(named) == 1 and (
                _FROM_BEFORE.search(text, max(0, city.start() - 6), city.start())
                and (after := _DISTANCE.search(text, city.end(), city.end() + DISTANCE_AFTER_CITY))
                and not re.search(r"[,.;!?،؛]", text[city.end():after.start()])):  # not "я из Тбилиси, живу в 10 км …"
            return Entity("city", city.start(), city.end(), OUT_OF_TOWN)
    return None


_ASKED_AFTER = re.compile(r"[^.!?؟\n]{0,20}[?؟]")  # the words just said end a question
_COUNTS_AS = re.compile(r"(?<!\w)(?:это|считает\w*|относит\w*|اونم|اینم|حساب|جزو\S*)(?!\w)", re.IGNORECASE)
_FROM_BEFORE = re.compile(r"(?<!\w)(?:от|из|از)\s+$", re.IGNORECASE)  # a city said as where a distance starts
DISTANCE_AFTER_CITY = 20  # characters within which "от Тбилиси где-то 320 км" gives the distance counted from it


def _cities(text: str) -> Iterator[Entity]:
    """City names from the gazetteer, as ids; "out of town" (even "25 km from Kutaisi") is one place."""
    named = list(_CITY.finditer(text))
    outside = _out_of_town(text, named)
    if outside is not None:
        yield outside
        return
    found = False
    for match in named:
        if found and _NOT_THIS.search(text, max(0, match.start() - 12), match.start()):
            continue  # "کرمانه نه مشهد", "в Батуми, а не в Кутаиси": the place put right, not the one denied
        if _NOT_THERE.search(text, max(0, match.start() - 12), match.start()) or _NOT_THERE_AFTER.match(text, match.end()):
            continue  # "я не в тегеране", "تهران نیستم": where the customer is not
        found = True
        yield Entity("city", match.start(), match.end(), match.lastgroup or "")


# Earlier finders win where spans overlap: "10:30" is a time, not an order number.
# a Sheba (IBAN) or a bank card number ("شبام IR12 0170 ...", "6037 9911 2233 4455"): no order, phone or amount
_BANK_NUMBER = re.compile(r"(?<!\w)(?:IR ?\d{2}(?:(?:[ -]?\d{4}){5}[ -]?\d{2}|(?:[ -]?\d{4}){0,4}(?=\s*(?:\.{2,}|…)))|\d{4}(?:[ -]?\d{4}){3})(?!\w)", re.IGNORECASE)
BANK_NUMBER = "bank_number"  # a kind found only to claim its words: not given out


def _bank_numbers(text: str) -> Iterator[Entity]:
    """Bank account and card numbers, which the customer gives for a refund, not to name an order or a phone."""
    for match in _BANK_NUMBER.finditer(text):
        yield Entity(BANK_NUMBER, match.start(), match.end(), re.sub(r"[ -]", "", match.group()).upper())


_FINDERS: tuple[Callable[[str], Iterator[Entity]], ...] = (
    _bank_numbers,
    _hours_ago,
    _times,
    _distances,
    _compound_amounts,
    _phones,
    _order_ids,
    _cities,
    _dates,
    _weekdays,
)


# A phone's word just before four digits: "سفارش ۳۰۰۳ شماره ۳۳۰۳" tells the order, then its phone's end.
_PHONE_WORD_BEFORE = re.compile(r"(?:شمار\w*|موبایل\w*|تلفن\w*|телефон\w*|тел|номер)\W{0,3}$", re.IGNORECASE)


def _phone_ends(text: str, found: list[Entity]) -> list[Entity]:
    """Four digits after a phone's word, once an order is told before them, are the phone's last four, not an order."""
    ordered = sorted(found, key=lambda entity: entity.start)
    told_order = False
    for index, entity in enumerate(ordered):
        if entity.entity != "order_id":
            continue
        if told_order and re.fullmatch(r"\d{4}", entity.value) and _PHONE_WORD_BEFORE.search(
            text[max(0, entity.start - 15) : entity.start]
        ):
            ordered[index] = Entity("phone", entity.start, entity.end, entity.value)
        told_order = True
    return ordered


def extract_entities(text: str, only: Optional[frozenset[str]] = None) -> list[Entity]:
    """All entities of `text` (or those of the kinds `only`), non-overlapping, in text order: a kind left out still
    claims its words ("за 1200 лари" is an amount, never order 1200)."""
    normalized = normalize(text)
    found: list[Entity] = []
    for finder in _FINDERS:
        for entity in finder(normalized):
            if not any(entity.start < other.end and other.start < entity.end for other in found):
                found.append(entity)
    return [entity for entity in _phone_ends(normalized, found)
            if entity.entity != BANK_NUMBER and (only is None or entity.entity in only)]
