from collections import Counter
from pathlib import Path
from typing import Optional

import pytest
from rasa.shared.nlu.training_data.loading import load_data

from bot.nlu.entities import count_of, counted_as, extract_entities, span_on, spelled_as_digits

ROOT = Path(__file__).resolve().parents[3]


def found(text: str) -> list[tuple[str, str, object]]:
    return [(e.entity, text[e.start : e.end], e.value) for e in extract_entities(text)]


@pytest.mark.parametrize(
    "text, expected",
    [
        # order numbers and phones, typed with any digits
        ("شماره سفارشم ۵۸۱۲۰ هست", [("order_id", "۵۸۱۲۰", "58120")]),
        ("سفارش ٥٨١٢٠", [("order_id", "٥٨١٢٠", "58120")]),
        ("заказ CT-10482, телефон 599 11 22 33", [("order_id", "CT-10482", "CT-10482"), ("phone", "599 11 22 33", "599112233")]),
        ("موبایلم ۰۹۱۲ ۱۲۳ ۴۵۶۷", [("phone", "۰۹۱۲ ۱۲۳ ۴۵۶۷", "09121234567")]),
        ("+98 912 123 4567", [("phone", "+98 912 123 4567", "09121234567")]),
        ("+995 555 12 34 56", [("phone", "+995 555 12 34 56", "995555123456")]),
        ("۴ رقم آخر شماره‌ام ۴۵۶۷ هست", [("phone", "۴۵۶۷", "4567")]),
        ("последние 4 цифры 4567", [("phone", "4567", "4567")]),
        ("номер заканчивается на 0042", [("phone", "0042", "0042")]),
        # the ending said after the digits, and four digits after a phone's word once the order is told
        ("(CK-3004) شماره‌ام به ۳۳۰۴ ختم میشه", [("order_id", "CK-3004", "CK-3004"), ("phone", "۳۳۰۴", "3304")]),
        ("شمارم به 4567 تموم میشه", [("phone", "4567", "4567")]),
        ("на 5502 заканчивается", [("phone", "5502", "5502")]),
        ("سفارش ۳۰۰۳ شماره ۳۳۰۳", [("order_id", "۳۰۰۳", "3003"), ("phone", "۳۳۰۳", "3303")]),
        ("سفارش ۳۰۰۳ شماره سفارش ۳۳۰۳", [("order_id", "۳۰۰۳", "3003"), ("order_id", "۳۳۰۳", "3303")]),
        ("شماره ۳۰۰۳", [("order_id", "۳۰۰۳", "3003")]),
        ("سفارش 123", [("order_id", "123", "123")]),
        ("هزینه 123", []),                                   # three digits need "order" nearby
        ("در 2 روز", []),                                    # durations are not order numbers
        ("24 ساعت بعد", []),
        ("за 24-48 часов", []), ("в течение 24-48 ч", []),  # a span of hours is no order number
        ("۵۸۱۲۰ ۴۵۶۷", [("order_id", "۵۸۱۲۰", "58120"), ("order_id", "۴۵۶۷", "4567")]),  # no Georgian phone
        ("599 12-55-02", [("phone", "599 12-55-02", "599125502")]), ("599 12 5502", [("phone", "599 12 5502", "599125502")]),
        ("заказ 10-14 дней ждать?", []), ("سفارشم ۲۴-۴۸ ساعت دیگه میرسه؟", []),  # spans after "order"
        ("سفارش ۵۸-۱۲۰ روز شنبه ثبت شد", [("order_id", "۵۸-۱۲۰", "58-120"), ("weekday", "شنبه", "saturday")]),
        ("سفارشم TS-1043ه", [("order_id", "TS-1043", "TS-1043")]),  # "it is TS-1043", the "is" joined to it
        ("یه سشوار ۲۲۰۰ واتی بخرم", []), ("пылесос на 1800 Вт", []),  # a measure of the item, no order
        ("۱۴۰۳/۰۸/۱۲", []),                                  # dates are not order numbers
        # amounts become numbers in the store's currency (rial -> toman)
        ("۳ میلیون تومان", [("amount", "۳ میلیون تومان", 3000000)]),
        ("۴۵ هزار تومن", [("amount", "۴۵ هزار تومن", 45000)]),
        ("۱۰۰ میلیون ریال", [("amount", "۱۰۰ میلیون ریال", 10000000)]),
        ("12 млн риалов это сколько томан?", [("amount", "12 млн риалов", 1200000)]),  # Russian rial, toman alike
        ("یه تلویزیون ۱۲۰۰ لاری میخوام", [("amount", "۱۲۰۰ لاری", 1200)]),
        ("۱۲ میلیون و ۵۰۰ هزار ریال بوده", [("amount", "۱۲ میلیون و ۵۰۰ هزار ریال", 1250000)]),  # the rial is the whole's
        ("1,500,000 تومان", [("amount", "1,500,000 تومان", 1500000)]),
        ("۵ و نیم میلیون تومان", [("amount", "۵ و نیم میلیون تومان", 5500000)]),
        ("150 лари", [("amount", "150 лари", 150)]),
        ("۲ میلیون و ۱۰۰ هزار تومان", [("amount", "۲ میلیون و ۱۰۰ هزار تومان", 2100000)]),
        ("2 млн 100 тыс", [("amount", "2 млн 100 тыс", 2100000)]),
        ("یک میلیون تومن", [("amount", "یک میلیون تومن", 1000000)]),
        ("دو میلیون و پونصد هزار", [("amount", "دو میلیون و پونصد هزار", 2500000)]),
        ("два миллиона томан", [("amount", "два миллиона томан", 2000000)]),
        ("сто лари", [("amount", "сто лари", 100)]),
        ("نه، هزار بار گفتم", []),                            # "no", not nine thousand
        ("۱۰۰ هزار تومان و ۲ میلیون", [("amount", "۱۰۰ هزار تومان", 100000), ("amount", "۲ میلیون", 2000000)]),
        ("99,99 GEL", [("amount", "99,99 GEL", 99.99)]),
        ("2,5 млн", [("amount", "2,5 млн", 2500000)]),
        # distances in km
        ("12 км", [("distance", "12 км", 12)]),
        ("за город, километров сорок от Батуми", [("city", "за город", "out_of_town"),
                                                  ("distance", "километров сорок", 40)]),  # about forty, said after
        ("от магазина км двенадцать", [("distance", "км двенадцать", 12)]),
        ("دقیق نمیدونم چند کیلومتریه", []), ("за километр один лари или больше?", [("amount", "один лари", 1)]),
        ("۱۵ کیلومتر", [("distance", "۱۵ کیلومتر", 15)]),
        ("7,5 km", [("distance", "7,5 km", 7.5)]),
        ("مثلا ده کیلومتری؟", [("distance", "ده کیلومتر", 10)]),  # in words
        ("حدود چهل و پنج کیلومتر", [("distance", "چهل و پنج کیلومتر", 45)]),
        ("тридцать километров", [("distance", "тридцать километров", 30)]),
        # times as HH:MM, afternoon words move past noon
        ("заберу в 10:30", [("time", "10:30", "10:30")]),
        ("11 утра", [("time", "11 утра", "11:00")]),
        ("в 3 часа дня", [("time", "3 часа дня", "15:00")]),
        ("к 10 часам", [("time", "10 часам", "10:00")]),
        ("оформлю в полдвенадцатого", [("time", "полдвенадцатого", "11:30")]),  # half past the hour before
        ("в полдвенадцатого дня", [("time", "полдвенадцатого дня", "11:30")]), ("в 11 дня", [("time", "11 дня", "11:00")]),
        ("в пол-второго", [("time", "пол-второго", "13:30")]), ("а в 12", [("time", "12", "12:00")]),
        ("а если в 12?", [("time", "12", "12:00")]), ("а в 5", []),  # a bare hour alone, in shop hours ("полдесятого вечера", [("time", "полдесятого вечера", "21:30")]),
        ("ساعت ۱۰ صبح", [("time", "ساعت ۱۰ صبح", "10:00")]),
        ("ساعت ۵ بعدازظهر", [("time", "ساعت ۵ بعدازظهر", "17:00")]),
        ("10:59", [("time", "10:59", "10:59")]),
        # "before 11" is the cut-off's own side: a minute before
        ("قبل از ساعت ۱۱ سفارش بدم", [("time", "ساعت ۱۱", "10:59")]),
        ("если закажу до 11 часов", [("time", "11 часов", "10:59")]),
        ("после 11 часов", [("time", "11 часов", "11:00")]),
        # a bare hour after ordering, in shop hours; not a count, an amount, or an hour with its part of the day
        ("если закажу в 12 когда можно забрать", [("time", "12", "12:00")]),
        ("а заказ сделан в 15", [("time", "15", "15:00")]),
        ("закажу в 9 вечера", [("time", "9 вечера", "21:00")]),
        ("а если в 12 закажу", [("time", "12", "12:00")]),             # the hour before the verb
        ("а если только в 12 успею оформить?", [("time", "12", "12:00")]),  # a word between them
        ("а если успею оформить только в 12?", [("time", "12", "12:00")]),
        ("а если успею только к 12?", [("time", "12", "12:00")]),
        ("в 12 штук заказ", []),                                        # a count, not an hour
        ("где мой заказ 58 122? тел 0912-444-44-02", [("order_id", "58 122", "58122"), ("phone", "0912-444-44-02", "09124444402")]),
        ("کد سفارشم cK3003 هست و شماره ۹۱۹۳۳۳۳۳۰۳", [("order_id", "cK3003", "CK-3003"), ("phone", "۹۱۹۳۳۳۳۳۰۳", "09193333303")]),  # its 0 left off
        ("заказ на 2 400 000 туманов", [("amount", "2 400 000 туманов", 2400000)]),   # an amount wins
        # number words said as one number; a Persian "نه" before a currency is "not", unless millions follow it
        ("بیست و نه هزار تومان", [("amount", "بیست و نه هزار تومان", 29000)]),
        ("двадцать пять тысяч томан", [("amount", "двадцать пять тысяч томан", 25000)]),
        ("ببخشید ۱۲ میلیون ریال بود نه تومن", [("amount", "۱۲ میلیون ریال", 1200000)]),
        ("نه میلیون تومن", [("amount", "نه میلیون تومن", 9000000)]),
        ("دو سه میلیون", [("amount", "سه میلیون", 3000000)]),                    # two or three: not five
        ("в 2 заказа", []),
        ("заказал в 2 экземплярах", []),
        # cities as ids, Russian case endings and Persian spellings
        ("доставка в Мцхету", [("city", "Мцхету", "mtskheta")]),
        ("ارسال به تهران", [("city", "تهران", "tehran")]),
        ("بندرعباس", [("city", "بندرعباس", "bandar_abbas")]),
        ("کيش", [("city", "کيش", "kish")]),                  # Arabic yeh
        # several at once, in text order
        (
            "заказ на 150 лари, доставка 12 км в Рустави",
            [("amount", "150 лари", 150), ("distance", "12 км", 12), ("city", "Рустави", "rustavi")],
        ),
        ("", []),
        ("😀😀", []),
    ],
)
def test_extract_entities(text: str, expected: list[tuple[str, str, object]]) -> None:
    assert found(text) == expected


def test_offsets_survive_normalisation() -> None:
    text = "سفارش ۵۸۱۲۰ كيش" + "ـ" * 3
    for entity in extract_entities(text):
        assert text[entity.start : entity.end]


def test_agrees_with_the_annotations_of_our_training_data() -> None:
    """Every type of entity annotated in data/nlu is found at the annotated place."""
    hits: Counter[str] = Counter()
    totals: Counter[str] = Counter()
    for example in load_data(str(ROOT / "data" / "nlu")).training_examples:
        annotations = example.get("entities") or []
        ours = extract_entities(example.get("text"))
        for annotation in annotations:
            totals[annotation["entity"]] += 1
            hits[annotation["entity"]] += any(
                e.entity == annotation["entity"] and e.start < annotation["end"] and annotation["start"] < e.end
                for e in ours
            )
    assert set(totals) == {"order_id", "phone", "amount", "city", "distance", "time"}
    for entity_type, total in totals.items():
        assert hits[entity_type] / total >= 0.97, (entity_type, hits[entity_type], total)


@pytest.mark.parametrize(
    "text, expected",
    [
        # after millions, a bare number counts thousands, as people say it
        ("۲ میلیون و ۳۰۰", [("amount", "۲ میلیون و ۳۰۰", 2300000)]),
        ("جمعا ۲ میلیون و ۳۰۰. ارسالش چجوریه؟", [("amount", "۲ میلیون و ۳۰۰", 2300000)]),  # a full stop after it
        ("2 млн 300, доставка платная?", [("amount", "2 млн 300", 2300000)]),
        ("۱ میلیون و ۸۰۰ تومن", [("amount", "۱ میلیون و ۸۰۰ تومن", 1800000)]),
        ("2 млн 300", [("amount", "2 млн 300", 2300000)]),
        ("۲ میلیون و ۱۰۰ هزار تومان", [("amount", "۲ میلیون و ۱۰۰ هزار تومان", 2100000)]),
        ("۳ میلیون و دویست", [("amount", "۳ میلیون و دویست", 3200000)]),
        ("۳ میلیون و دویست و پنجاه", [("amount", "۳ میلیون و دویست و پنجاه", 3250000)]),
        ("2 млн триста", [("amount", "2 млн триста", 2300000)]),
        ("کلش ۲ تومن و ۲۰۰ شد", [("amount", "۲ تومن و ۲۰۰", 2200000)]),  # "two toman" is two million today
        ("یک و نیم میلیون", [("amount", "یک و نیم میلیون", 1500000)]),
        ("نیم میلیون تومان", [("amount", "نیم میلیون تومان", 500000)]),
        ("полтора миллиона", [("amount", "полтора миллиона", 1500000)]),
        ("они стоят миллион восемьсот", [("amount", "миллион восемьсот", 1800000)]),  # a million without its one
        ("миллион восемьсот тысяч", [("amount", "миллион восемьсот тысяч", 1800000)]),
        ("میلیون و دویست تومن", [("amount", "میلیون و دویست تومن", 1200000)]),
        ("قیمتش یک و ششصده", [("amount", "یک و ششصده", 1600000)]),  # millions and thousands, as toman are said
        ("یه و ۸۰۰ تومن", [("amount", "یه و ۸۰۰ تومن", 1800000)]),
        ("۳ و ۲۰۰", []),  # digits alone: left to the readers of bare numbers
        ("полтораста лари", [("amount", "полтораста лари", 150)]),
        ("за тысячу двести лари", [("amount", "тысячу двести лари", 1200)]),  # a thousand said without "one"
        ("полтысячи", [("amount", "полтысячи", 500)]),
        ("и выйдет лари 300?", [("amount", "лари 300", 300)]),  # the currency said first
        ("и выйдет лари 300, до вас", [("amount", "лари 300", 300)]), ("gel 200 ml для душа", []),
        ("лари 20 км", [("distance", "20 км", 20)]),
        ("заказ на 5000 лари", [("amount", "5000 лари", 5000)]),  # "на 5000" is not an order number
        # thousands set apart by spaces, as Russian writes them; never a price of 0 from the last group
        ("духи за 2 400 000 туманов", [("amount", "2 400 000 туманов", 2400000)]),
        ("заказ на 1 250 лари", [("amount", "1 250 лари", 1250)]),
        ("CT-2002 300 лари", [("order_id", "CT-2002", "CT-2002"), ("amount", "300 лари", 300)]),
        ("0 лари", []),
        ("ارسال به خارج شهر ۱۵ کیلومتر", [("city", "خارج شهر", "out_of_town"), ("distance", "۱۵ کیلومتر", 15)]),
        # times in words and with the part of the day
        ("ساعت یک ظهر", [("time", "ساعت یک ظهر", "13:00")]),
        ("اگه ساعت ۲ و نیم گفته بودم", [("time", "ساعت ۲ و نیم", "02:30")]),  # a half hour
        ("ساعت ۲ و نیم بعدازظهر", [("time", "ساعت ۲ و نیم بعدازظهر", "14:30")]),
        ("دیشب ساعت ۱۱ و ۴۵ دقیقه", [("date", "دیشب", "ago:1"), ("time", "ساعت ۱۱ و ۴۵ دقیقه", "23:45")]),  # minutes
        ("ساعت ۲ و نیم ساعت بعد زنگ زدم", [("time", "ساعت ۲", "02:00")]),  # half an hour later, not half past
        ("ساعت ۱ ظهر", [("time", "ساعت ۱ ظهر", "13:00")]),
        # the afternoon said elsewhere in the message makes a bare early hour the afternoon's (not with a morning said)
        ("اگه بعد ناهار سفارش بدم چی؟ مثلا ساعت ۲", [("time", "ساعت ۲", "14:00")]),
        ("после обеда, часа в 2", [("time", "2", "14:00")]),
        ("دیروز عصر آوردن، امروز صبح ساعت ۶ باز کردم", [("date", "دیروز", "ago:1"), ("date", "امروز", "ago:0"),
                                                       ("time", "ساعت ۶", "06:00")]),
        ("ساعت ۲ شب", [("time", "ساعت ۲ شب", "02:00")]), ("в 3 ночи", [("time", "3 ночи", "03:00")]),  # small hours
        ("ساعت ۱۲ ظهر", [("time", "ساعت ۱۲ ظهر", "12:00")]),
        ("ساعت ده صبح", [("time", "ساعت ده صبح", "10:00")]),
        ("в час дня", [("time", "час дня", "13:00")]),
        ("закажу около часа дня", [("time", "часа дня", "13:00")]), ("около часа прошло", []),
        ("если оформлю после 11, когда заберу?", [("time", "11", "11:00")]),  # a comma after the bare hour
        ("اگه بعد ۱۱ سفارش بدم", [("time", "۱۱", "11:00")]), ("اگه قبل از ۱۱ سفارش بدم", [("time", "۱۱", "10:59")]),
        ("بعد از ۱۰ روز خراب شد", []), ("до 11,5 км", [("distance", "11,5 км", 11.5)]),
        ("в два часа дня", [("time", "два часа дня", "14:00")]),
        ("заказал в 2 дня", [("time", "2 дня", "14:00")]),
        ("уже 2 дня прошло, деньги не вернулись", [("time", "2 дня прошло", "minutes_ago:2880")]),  # days gone by, not 2 pm
        ("уже почти двое суток прошло", [("time", "двое суток прошло", "minutes_ago:2880")]),  # a collective numeral
        ("прошло три дня", [("time", "прошло три дня", "minutes_ago:4320")]),
        ("الان حدود ۴۸ ساعت گذشته", [("time", "۴۸ ساعت گذشته", "minutes_ago:2880")]),  # the hours gone by
        ("прошло уже 30 часов", [("time", "прошло уже 30 часов", "minutes_ago:1800")]),
        ("30 часов прошло", [("time", "30 часов прошло", "minutes_ago:1800")]),
        ("заказал в 10 часов прошлым вечером", [("time", "10 часов", "10:00")]),  # last evening, not hours gone by
        ("الان ۲ روز گذشته هنوز برنگشته", [("time", "۲ روز گذشته", "minutes_ago:2880")]),
        ("الان دو روزه گذشته هنوز برنگشته", [("time", "دو روزه گذشته", "minutes_ago:2880")]),  # "it's two days"
        ("через 3 дня привезут?", []),
        ("ديشب ساعت ۹ رسید", [("date", "ديشب", "ago:1"), ("time", "ساعت ۹", "21:00")]),  # last night is the evening
        ("вчера вечером в 9 часов", [("date", "вчера", "ago:1"), ("time", "9 часов", "21:00")]),
        ("دیروز عصر حدودای ساعت ۶ پرداخت کردم", [("date", "دیروز", "ago:1"), ("time", "ساعت ۶", "18:00")]),  # the evening, then the hour
        ("вечером где-то в 7 часов", [("time", "7 часов", "19:00")]),
        ("صبح ساعت ۶", [("time", "ساعت ۶", "06:00")]),
        ("دیشب ساعت ۲ رسید", [("date", "دیشب", "ago:1"), ("time", "ساعت ۲", "02:00")]),  # the small hours of the night
        ("پریشب ساعت ۹ تحویل گرفتم", [("date", "پریشب", "ago:2"), ("time", "ساعت ۹", "21:00")]),  # the night before last
        ("یک ساعت و نیم پیش تحویل گرفتم", [("time", "یک ساعت و نیم پیش", "minutes_ago:90")]),
        ("полтора часа назад", [("time", "полтора часа назад", "minutes_ago:90")]),
        ("привезли 40 минут назад", [("time", "40 минут назад", "minutes_ago:40")]),
        ("получил уже часов пять назад...", [("time", "часов пять назад", "minutes_ago:300")]),  # about five hours
        ("минут двадцать назад привезли", [("time", "минут двадцать назад", "minutes_ago:20")]),
        ("дня три назад пришёл", [("date", "дня три назад", "ago:3")]),
        ("۲۴ ساعت قبل از تحویل", []),  # before the delivery, not before now
        ("а если успею до 11?", [("time", "11", "10:59")]),  # a bare hour after "до": a minute before it
        ("после 14 заберу", [("time", "14", "14:00")]),
        ("до 20 лари", [("amount", "20 лари", 20)]),
        ("до 12 числа", []),
        # a day of the month without its month, in the customer's calendar
        ("پنج‌شنبه ۱۵ام لپ‌تاپ تحویل گرفتم", [("weekday", "پنج‌شنبه", "thursday"), ("date", "۱۵ام", "jalali:-15")]),
        ("امروز ۲۰امه", [("date", "امروز", "ago:0"), ("date", "۲۰امه", "jalali:-20")]),
        ("получила 15-го, сегодня 20-е", [("date", "15-го", "gregorian:-15"), ("date", "сегодня", "ago:0"),
                                          ("date", "20-е", "gregorian:-20")]),
        ("привезли 3 числа", [("date", "3 числа", "gregorian:-3")]),
        ("هارد رو پنجم ماه تحویل گرفتم امروز دهمه", [("date", "پنجم ماه", "jalali:-5"), ("date", "امروز", "ago:0"),
                                                   ("date", "دهمه", "jalali:-10")]),  # ordinal words of the month's days
        ("пятого числа получил, сегодня двадцать третье", [("date", "пятого числа", "gregorian:-5"),
                                                           ("date", "сегодня", "ago:0"),
                                                           ("date", "двадцать третье", "gregorian:-23")]),
        ("طبقه ۵ام هستم", []),
        ("3-е лицо", []),
        # order numbers however they are typed; Cyrillic look-alikes are Latin
        ("CT2002", [("order_id", "CT2002", "CT-2002")]),
        ("ct 2002", [("order_id", "ct 2002", "CT-2002")]),
        ("ts1042", [("order_id", "ts1042", "TS-1042")]),
        ("заказ СТ-2002", [("order_id", "СТ-2002", "CT-2002")]),
        ("заказ ТS-1043", [("order_id", "ТS-1043", "TS-1043")]),   # a Cyrillic Т, a Latin S
        ("сt-2002", [("order_id", "сt-2002", "CT-2002")]),   # a small Cyrillic с beside a Latin t
        ("заказ тс-1041, телефон 0935 222 22 01", [("order_id", "тс-1041", "TC-1041"),  # small Cyrillic, heard as TS
                                                  ("phone", "0935 222 22 01", "09352222201")]),
        ("на5000 от1000", []),  # prepositions joined to a number are not an order's letters
        ("TS-1043 ، ته شمارم 2203", [("order_id", "TS-1043", "TS-1043"), ("phone", "2203", "2203")]),
        ("سفارش ts_1046 موبایل 0935-222-2206", [("order_id", "ts_1046", "TS-1046"), ("phone", "0935-222-2206", "09352222206")]),
        ("телефон +98 (919) 333-33-03", [("phone", "+98 (919) 333-33-03", "09193333303")]),  # the operator in brackets
        # places: Persian endings, out of town, km before the number
        ("زاهدانم", [("city", "زاهدانم", "zahedan")]),
        ("به شیرازی", [("city", "شیرازی", "shiraz")]),
        ("رشته", []),                                         # a word, not Rasht
        # Iranian cities as a Russian speaker writes them, in any case
        ("срочную доставку в Бандар-Аббас", [("city", "Бандар-Аббас", "bandar_abbas")]),
        ("я в Бендер-Аббасе", [("city", "Бендер-Аббасе", "bandar_abbas")]),
        ("живу в Реште", [("city", "Реште", "rasht")]),
        ("отправка в Тавриз", [("city", "Тавриз", "tabriz")]),
        ("в Куме", [("city", "Куме", "qom")]),
        ("мой кумир", []),                                    # a word, not Qom
        ("خونمون تفلیسه", [("city", "تفلیسه", "tbilisi")]),      # "it is Tbilisi"
        ("خونمون بیرون تفلیسه حدود ۲۰ کیلومتر", [("city", "تفلیسه", "out_of_town"), ("distance", "۲۰ کیلومتر", 20)]),
        ("живу под Кутаиси", [("city", "Кутаиси", "out_of_town")]),
        ("а в Мцхету? это тоже за город?", [("city", "Мцхету", "mtskheta")]),  # whether the city counts as out of town
        ("а если адрес не в самом Рустави, а в деревне рядом?", [("city", "в деревне", "out_of_town")]),  # a village near it
        ("خواهرم کرمانه نه مشهد", [("city", "کرمانه", "kerman")]),  # the place put right, not the one denied
        ("в Батуми, а не в Кутаиси", [("city", "Батуми", "batumi")]),
        ("я не в тегеране, из другого города", []), ("من تهران نیستم", []),  # where the customer is not
        ("с тем же заказом на 700?", []),  # an order's total, not its number
        ("آدرسم باتومیه", [("city", "باتومیه", "batumi")]),
        ("30 км за кутаиси", [("distance", "30 км", 30), ("city", "за кутаиси", "out_of_town")]),
        ("یه کرم ۲۵۰ تومنی", [("amount", "۲۵۰ تومن", 250000)]),  # the thousands people drop
        ("ноутбук за пятнадцать миллионов томанов", [("amount", "пятнадцать миллионов томанов", 15000000)]),
        ("نوزده میلیون تومن", [("amount", "نوزده میلیون تومن", 19000000)]),
        ("500 томанов", [("amount", "500 томанов", 500000)]),
        ("за город, 25 км от Кутаиси", [("city", "за город", "out_of_town"), ("distance", "25 км", 25)]),
        ("в село под Гори", [("city", "в село", "out_of_town")]),
        ("ну от Тбилиси где-то 320 км", [("city", "Тбилиси", "out_of_town"), ("distance", "320 км", 320)]),  # counted from
        ("доставка из Тбилиси в Батуми", [("city", "Тбилиси", "tbilisi"), ("city", "Батуми", "batumi")]),  # no distance
        ("ارسال به روستا", [("city", "روستا", "out_of_town")]),
        ("روستاوی هستم", [("city", "روستاوی", "rustavi")]),       # Rustavi, not a village (روستا)
        ("رستاوی هستم", [("city", "رستاوی", "rustavi")]),
        ("а если его в Зугдиди везти?", [("city", "Зугдиди", "out_of_town")]),  # a town beyond the five cities
        ("категории горизонт", []),
        ("от вас км 12.", [("distance", "км 12", 12)]),
        ("км 30 от тбилиси", [("distance", "км 30", 30), ("city", "от тбилиси", "out_of_town")]),
        ("30 km from Batumi", [("distance", "30 km", 30), ("city", "from Batumi", "out_of_town")]),
        ("۳۰ کیلومتری شیراز", [("distance", "۳۰ کیلومتر", 30), ("city", "شیراز", "out_of_town")]),
        ("۲۰ کیلومتر بیرون از تهران", [("distance", "۲۰ کیلومتر", 20), ("city", "بیرون از تهران", "out_of_town")]),
        ("в тбилиси 20 км", [("city", "тбилиси", "tbilisi"), ("distance", "20 км", 20)]),  # a distance inside the city
        # days: Jalali and Gregorian dates, days back from today
        ("پرینترو ۳ مهر تحویل گرفتم", [("date", "۳ مهر", "jalali:7-3")]),
        ("۱۰ام آذر رسید", [("date", "۱۰ام آذر", "jalali:9-10")]),
        ("یه اسکنر بیست و هفتم بهمن بهم رسید", [("date", "بیست و هفتم بهمن", "jalali:11-27")]),  # an ordinal word
        ("а если бы заказал в полдень?", [("time", "в полдень", "12:00")]),  # noon said as a word
        ("اول مهر خریدم", [("date", "اول مهر", "jalali:7-1")]), ("قسط اول دی ماه", []),  # (the first instalment)
        ("بیست وهفتم بهمن رسید", [("date", "بیست وهفتم بهمن", "jalali:11-27")]),  # typed without its space
        ("فاکتور صفحه اول مهر فروشگاه نداره", []),  # the first page, a stamp
        ("получил 3 декабря", [("date", "3 декабря", "gregorian:12-3")]),
        ("пришёл 2 мая", [("date", "2 мая", "gregorian:5-2")]),
        ("دو روز پیش تحویل گرفتم", [("date", "دو روز پیش", "ago:2")]),
        ("позавчера привезли", [("date", "позавчера", "ago:2")]),
        ("неделю назад", [("date", "неделю назад", "ago:7")]),
        ("لپ تاپ رو دو هفته پیش تحویل گرفتم", [("date", "دو هفته پیش", "ago:14")]),  # weeks counted, not one
        ("две недели назад привезли", [("date", "две недели назад", "ago:14")]),
        ("هفته پیش رسید", [("date", "هفته پیش", "ago:7")]),
        ("مهر سفارش", []),                                       # a stamp, not a month without a day
        # days of the week
        ("заказал в субботу вечером", [("weekday", "субботу", "saturday")]),
        ("اگه پنجشنبه سفارش بدم", [("weekday", "پنجشنبه", "thursday")]),
        ("سه شنبه ساعت ۱۰", [("weekday", "سه شنبه", "tuesday"), ("time", "ساعت ۱۰", "10:00")]),
        ("یک‌شنبه", [("weekday", "یک‌شنبه", "sunday")]),
    ],
)
def test_numbers_times_places_and_ids_as_people_write_them(text: str, expected: list) -> None:
    assert found(text) == expected


def test_a_kind_left_out_still_claims_its_words() -> None:
    """Asking for order numbers only must not read an amount's number as one ("за 1200 лари" is no order 1200)."""
    text = "Нужно доставить телевизор за 1200 лари в Гори, это 85 км от Тбилиси."
    assert extract_entities(text, only=frozenset({"order_id"})) == []
    assert [entity.entity for entity in extract_entities(text, only=frozenset({"amount", "distance"}))] == ["amount", "distance"]
    assert [entity.value for entity in extract_entities("заказ CT-2002 на 300 лари", only=frozenset({"order_id"}))] == ["CT-2002"]


@pytest.mark.parametrize("text", [
    "پول سفارشو با كارت بابام دادم، refund رو ميشه به كارت خودم بريزيد؟ شبام IR12 0170 ...",
    "شبا: IR120170000000123456789001", "номер карты 6037 9911 2233 4455",
])
def test_a_bank_account_or_card_number_is_no_order_phone_or_amount(text: str) -> None:
    assert extract_entities(text) == []  # given for a refund: none of its digit groups is an order
    assert [e.entity for e in extract_entities(f"{text} 09351234567")] == ["phone"]  # a phone after it stays one


@pytest.mark.parametrize("text, spelled", [
    ("за четыреста девяносто девять?", "за 499                       ?"),  # the same length: offsets hold
    ("یه کرم سیصد و پنجاه تومنی", "یه کرم 350          تومنی"),  # under ten stays a word ("a cream")
    ("نه، پونصد تا", "نه، 500   تا"),
    ("صد تا", "صد تا"),  # "100" is longer than the word: left as said
])
def test_numbers_in_words_are_written_in_digits_for_readers_of_bare_numbers(text: str, spelled: str) -> None:
    assert spelled_as_digits(text) == spelled and len(spelled) == len(text)


@pytest.mark.parametrize("text, counted, count", [
    ("و اگه ۵ تا بود؟", "و اگه ۵ تا پله بود؟", 5), ("а если 12?", "а если 12 ступен?", 12),
    ("а если пять?", "а если пять ступен?", 5), ("و اگه پنج تا پله بود؟", "و اگه پنج تا پله بود؟", 5),
    ("اگه بیشتر بود؟", "اگه بیشتر بود؟", None),
])
def test_a_bare_count_counts_what_the_rule_before_counted(text: str, counted: str, count: Optional[int]) -> None:
    assert counted_as(text, ("پله", "ступен")) == counted
    assert count_of(counted, ("پله", "ступен")) == count


@pytest.mark.parametrize("text, days", [
    ("و اگه ده روز بعد خراب شه؟", 10), ("а если через 10 дней сломается?", 10), ("اگه بعد از ۱۲ روز خراب شد چی", 12),
    ("а если сломается через 5 дней", 5), ("۱۲ روز پیش رسیده", None), ("اگه تا ۷ روز خراب شد چی؟", None),
    ("ок а если номер есть, но сломалась на 8-й день после доставки?", 8), ("اگه روز ۸ام خراب شه چی؟", 8),  # the ordinal
    ("حالا اگه ۱۰ روز گذشته بود چی؟", 10), ("а если прошло десять дней?", 10),  # the days gone by
    ("10 дней уже прошло", 10), ("прошло больше 10 дней", 10),
    ("а если прошло 2 дня с покупки, и через 10 дней сломается?", 10),  # the day on, before the days gone by
    ("اگه تو این ۱۰ روز گذشته یه بار هم استفاده نکرده باشم چی؟", None),  # "the past ten days"
    ("اگه دو هفته از تحویلش گذشته باشه چی؟", 14), ("а если прошло 2 недели?", 14),  # weeks, counted in days
])
def test_the_days_on_a_what_if_asks_about(text: str, days: Optional[int]) -> None:
    assert span_on(text) == ((days, "days") if days is not None else None)


@pytest.mark.parametrize("text, hours", [
    ("و اگه مثلا ۴ ساعت گذشته بود چی؟", 4), ("اگه ۵ ساعت بعد دیدم چی؟", 5), ("а если прошло 3 часа?", 3),
    ("а если через три часа заметил?", 3), ("۶ часов уже прошло", 6),
    ("а если после 3 часов дня?", None), ("اگه بعد از ساعت ۳ بیارن چی", None),  # an hour of the day, not hours on
    ("اگه ۱.۵ ساعت بعد بگم چی؟", None), ("а если 1,5 часа прошло?", None),  # a part of an hour is no whole count
])
def test_the_hours_on_a_what_if_asks_about(text: str, hours: Optional[int]) -> None:
    assert span_on(text) == ((hours, "hours") if hours is not None else None)


@pytest.mark.parametrize("text, count", [
    ("خونه‌م ۸ تا پله میخوره", 8), ("اگه پله‌هام دقیقا ۶ تا بود چی؟", 6),  # the count after the thing counted
    ("а если ступенек 10?", 10), ("ступенек ровно 6", 6),
    ("پله‌ها بیشتر از ۶ تا باشه چی", None), ("طبقه ۳ هستم", None),  # a bound asked; another thing counted
])
def test_a_count_is_read_before_or_after_the_thing_it_counts(text: str, count: Optional[int]) -> None:
    assert count_of(text, ("پله", "ступен")) == count
