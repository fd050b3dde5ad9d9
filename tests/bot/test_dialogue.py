"""Reading answers to the open question: which slot a value fills."""

from datetime import date, datetime, timedelta, timezone

import pytest

from bot.dialogue import (
    a_day_later,
    pays_in_part,
    asks_the_rate,
    even_if,
    names_other_cities,
    says_goodbye,
    says_yes,
    asks_what_to_do,
    asks_when_the_span_starts,
    tells_absence,
    asks_if_allowed,
    asks_a_price,
    what_then,
    asks_if_the_same,
    asks_duration,
    asks_own_item_arrival,
    asks_grand_total,
    hour_supposed,
    past_an_hour,
    takes_together,
    tells_arrival,
    asks_what_now,
    asks_where_it_is,
    asks_express,
    asks_about_sending_back,
    asks_money_back,
    store_address_asked,
    meant_another,
    of_a_next_order,
    asks_in_the_other_unit,
    asks_open,
    asks_about_tracking,
    asks_what_to_check,
    tells_misuse,
    refund_to_another,
    money_after_cancel,
    money_back_to_a_card,
    supposed_moment,
    next_week,
    forgot_the_step,
    already_ordered,
    changes_a_placed_order,
    wants_something_done,
    adds_to_order,
    price_and_cost,
    names_a_cancel,
    names_a_return,
    names_a_total,
    names_shipping,
    asks_why,
    removes_an_item,
    says_received,
    cancelled_money_back,
    counterfactual,
    asks_why_asked,
    asks_where_or_when,
    tells_the_store_to_act,
    asks_until_when,
    asks_if_free,
    asks_about_language,
    asks_how_to,
    tells_own_items_fault,
    asks_if_still_in_time,
    asks_the_converse,
    says_now,
    about_own_order,
    asks_about_days_off,
    asks_for_a_person,
    asks_for_contact,
    asks_how_long,
    asks_when_processed,
    asks_how_much,
    asks_how_to_return,
    asks_what_differs,
    asks_what_it_costs,
    asks_when_collected,
    city_from,
    item_from,
    follow_up_total,
    items_total,
    on_the_answer,
    stated_amounts,
    item_mentioned,
    returned_item,
    since_item_named,
    asks_what_the_assistant_is,
    day_given,
    day_part,
    days_ahead,
    moments_said,
    not_delivered_yet,
    done_now,
    never_received,
    order_put_right,
    part_of_day_told,
    past_the_span,
    asks_a_limit,
    goes_on,
    what_if,
    says_the_end_back,
    says_weekend,
    window_reason,
    asks_what_to_send,
    no_order_number,
    order_id_from,
    phone_after_order,
    ordered_moment,
    purpose_from_words,
    names_a_band,
    order_amounts,
    corrects,
    rules_question,
    said_sum,
    phone_from,
    reason_from,
    sealed_from,
    sends_it_oneself,
    asks_who_pays,
    valid_order_id,
    valid_phone,
)
from bot.nlu.entities import extract_entities

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
        # a correction names the last number ("CK-3004, ой нет, CK-3003"); four digits after it are a phone's
        ([{"entity": "order_id", "value": "CK-3004"}, {"entity": "order_id", "value": "CK-3003"}], None, "CK-3003", None),
        ([{"entity": "order_id", "value": "SR-5001"}, {"entity": "order_id", "value": "1101"}], None, "SR-5001", None),
    ],
)
def test_slot_depends_on_the_open_question(entities, requested, order_id, phone) -> None:
    assert order_id_from(entities, requested) == order_id
    assert phone_from(entities, requested) == phone


@pytest.mark.parametrize("values, phone", [
    (["SR-5001", "1101"], "1101"), (["TS-1046", "2206"], "2206"), (["58120", "4567"], "4567"),
    (["4567", "58120"], None),  # a phone's four digits come after the order they prove
    (["CK-3004", "CK-3003"], None), (["5001"], None),
])
def test_four_digits_after_an_order_are_its_phones_last_four(values: list[str], phone: str | None) -> None:
    assert phone_after_order([{"entity": "order_id", "value": value} for value in values]) == phone


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
        ("damaged_item", "а если наушники вообще плохо работают, это другое?", "defect"),
        ("return_request", "این هدفون بد کار میکنه", "defect"),
        ("return_request", "хочу вернуть", None),
        ("inform", "заказ 58120, телефон 0912 123 4567. принтер печатает полосами, хочу вернуть", "defect"),
        ("return_request", "پرینتر خط میندازه", "defect"),
        ("return_request", "لپتاپ از اول فنش صدا میده میخوام مرجوعش کنم", "defect"),
        ("return_request", "ноутбук сильно шумит", "defect"),
        ("return_request", "открыла, побрызгала — запах вообще не мой. могу вернуть?", "change_of_mind"),
        ("return_request", "پلمپه، دیگه لازممون نیست میخوام پسش بدم", "change_of_mind"),
        ("delivery_time", "لازم نیست حتما امروز بیارید", None),
        ("damaged_item", "دیدم بدنه ش ترک داره", "transport_damage"),
        ("damaged_item", "کاغذ هدیه‌ای که همراه پرینتر اومده خیس بوده", "transport_damage"),
        ("damaged_item", "у чайника царапина сбоку", "transport_damage"),
        (None, "الان باز کردم صفحه تلویزیون خط افتاده", "transport_damage"),
        (None, "у них коробки вечно мятые", "transport_damage"),
        ("return_request", "پرینتر به کارم نمیاد، هنوز پلمپه", "change_of_mind"),
        ("return_request", "لپ تاپ ایسوسم مشکل فنی داره، صفحه‌ش هی خاموش روشن میشه. میخوام پسش بدم.", "defect"),
        ("return_request", "не пригодился, хочу вернуть", "change_of_mind"),
        ("damaged_item", "ноутбуки вообще страхуются при доставке?", None),     # delivery named, no damage
        ("damaged_item", "گوشی ها بیمه حمل میشن؟", None),
        ("damaged_item", "کالا در حمل آسیب دیده", "transport_damage"),
        ("damaged_item", "чайник повредили при доставке", "transport_damage"),
        (None, "مهلت تستم هنوز هست؟ صفحه‌ش گاهی سیاه میشه", "defect"),   # a screen that goes dark is a fault
        (None, "اگه یه چیز دیگه غیر از اونی که انتخاب کردم فرستاده باشید چی؟", "wrong_item"),
        (None, "اگه عطری که فرستادین اصلا همونی نباشه که تو سایت انتخاب کردم چی؟", "wrong_item"),
        (None, "همون رنگی نبود که سفارش دادم", "wrong_item"), (None, "همونی که میخواستم بود", None),
        (None, "حالا این عطر رو دستم مونده. میتونم پسش بدم؟", "change_of_mind"),     # bought twice, left over
        (None, "سفارشم رسید ولی من ادکلن ۱۰۰ میل سفارش داده بودم، ۵۰ میل فرستادین!!", "wrong_item"),  # another size
        (None, "ولی اگه کلا یه عطر دیگه فرستاده بودید چی؟", "wrong_item"), (None, "یه بسته دیگه رسید", None),
        (None, "سفارش دادم ولی هنوز نرسیده", None),                                   # not come yet: no wrong item
        (None, "میخوام لغوش کنم چون اشتباهی ۱۰۰ میل زدم جای ۶۰", None),             # my own mistake in ordering
        (None, "وای ببخشید شماره سفارش اشتباه شد، SR-5001 درسته", None),            # the number typed wrong
        (None, "شوهرش عین همونو براش خریده", "change_of_mind"),
        (None, "خلاصه دیگه لازمشون نداریم. میشه سفارشمو کنسل کنم", "change_of_mind"),
        (None, "به غیر از سفارش قبلی یه سفارش دیگه هم دارم", None),
        (None, "یه چیز دیگه هم بپرسم، سفارشم کی اومد", None),
        (None, "ноутбук пришёл, экран иногда гаснет", "defect"),
        ("payment_failed", "صفحه پرداخت سفید میشه", None),                  # the site's page is no item's screen
        (None, "انگار قیمت مانیتوری که سفارش دادم تو سایت اشتباه بوده، لغوش میکنید؟", None),  # the store's price wrong
        (None, "اشتباه در درج قیمت بوده؟", None),
        (None, "قیمت یه گوشی رو سایت خیلی ارزون زدید معلومه اشتباهه، اگه بخرم کنسل میکنید؟", None),  # eight words between
        (None, "قیمتش خوب بود رنگش اشتباه اومد", "wrong_item"),                 # the colour wrong, not the price
        (None, "اگه جعبه‌ش داغون بود چیکار کنم؟", "transport_damage"),           # a wrecked box
        (None, "نه راستش، پشیمون نشدم، درست چاپ نمیکنه", "defect"),              # a change of mind denied
        (None, "я не передумал, он не включается", "defect"),
        (None, "хотя не просто передумал: экран мигает", "defect"),  # "not just changed my mind": the fault
        (None, "موهام با این شامپو سیاه میشه؟", None),
        (None, "راستش فکر کنم درایورشو خودم اشتباه نصب کردم، بازم قبوله؟", None),  # a misuse, not a wrong item
        (None, "رنگش اشتباه اومد", "wrong_item"),
        (None, "کاغذی که هدیه همراه پرینتر فرستادین نم کشیده", "transport_damage"),  # the item itself damp
        (None, "бумага в коробке промокла", "transport_damage"),
        (None, "نم نم بارون میاد، امروز میرسه؟", None),
        (None, "ایرپادم یه طرفش صداش نمیاد", "defect"),
        (None, "لپ تاپ رو که چک کردم رمش ۸ گیگه ولی تو سایت نوشته بود ۱۶. الان چیکار کنم؟", "wrong_item"),  # not as
        (None, "ноутбук пришел с 8 гб, а на сайте написано 16", "wrong_item"),  # described
        (None, "تو سایت زده ۲ روزه میرسه ولی هنوز نرسیده", None), (None, "دیر رسید ولی تو سایت نوشته بود ۲ روزه", None),
        (None, "میخوام پرینتر سفارش ۵۸۱۲۰ رو برای تست ۷ روزه بفرستم", "defect"), (None, "تست ۷ روزه چیه؟", None),
        (None, "бумага пришла мятая, можно её вернуть по 7-дневному тесту?", "transport_damage"),  # the damage told
        (None, "کاغذ هدیه‌ای که با پرینتر اومده پاره‌ست، عوضش میکنین؟", "transport_damage"), (None, "دلم پاره شد", None),
        (None, "ببخشید، اشتباه از من بود؛ منظورم ایرپادهای سفارش CK-3003 بود", None),  # one's own mistake
        (None, "گوشی سامسونگ مدل A54 سفارش دادم ولی تو سایت نوشته بود ۲ روزه میرسه، هنوز نیومده", None),  # delivery
        (None, "Размер стола на сайте указано 120 см, это с учётом ножек?", None),
        (None, "принтер не нужен, коробку не открывал, верните деньги", "change_of_mind"), (None, "чек не нужен", None),
        (None, "ایرپادی که ۲ روز پیش رسید قابش یه خط بزرگ داره", "transport_damage"),  # a scratch on its case
        (None, "جعبشم له بوده", "transport_damage"), (None, "صفحه خط داره", None),
        (None, "а если придут не те духи что я выбирала?", "wrong_item"), (None, "прислали не ту помаду", "wrong_item"),
        (None, "ой, не тот номер написала", None),
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


@pytest.mark.parametrize(
    "text, sealed",
    [
        ("نه، پلمپش باز شده", False),
        ("پلمپش سالمه، اصلا بازش نکردم", True),
        ("بوشو دوست ندارم، هنوز پلمپه", True),
        ("коробка ещё запечатана", True),
        ("просто передумал, коробка даже не вскрыта", True),
        ("درشو باز نکردم", True),
        ("عطرو باز کردم ولی بوشو دوست ندارم", False),
        ("هنوز دست نخورده", True),
        ("открыла versace eros запах не нравится", False),
        ("не вскрывал, пломба целая", True),
        ("принтер ещё в заводской упаковке", True),
        ("نه بابا بازش نکردم، هنوز سلفونش روشه", True),     # "no" to "did you open it?": not a broken seal
        ("سلفونشو پاره کردم", False),
        ("پریروز رسید، یه بار زدم اصلا بوش به دلم ننشست", False),  # tried on: opened
        ("فقط یه پاف زدم رو مچم", False),
        ("побрызгала пару раз, запах не мой", False),
        ("крем не пробовала, просто передумала", True),
        ("هنوز امتحانش نکردم", True),
        ("سلام، می‌خوام پسش بدم", None),
        ("хочу вернуть", None),
        ("و اگه پلمپ بود ولی جای ماوس یه پرینتر خریده بودم؟", True),   # a what-if of a sealed item
        ("اگه پلمپ باشه چی؟", True),
        ("پلمپ بود ولی بازش کردم", False),
        ("а если бы это был принтер, но нераспечатанный?", True),  # "not unsealed" in one word
        ("он ещё невскрытый", True),
        ("курьер при мне вскрыл коробку", False),  # "мне вскрыл" is no "не вскрыл"
        ("حتی اگه فقط یه پیس زده باشم؟", False), ("یه پیف زدم فقط", False),  # sprayed once: opened
        ("اگه یکی دیگه بخرم و پلمپشو باز نکنم و پشیمون شم، هزینه ارسال برگشتش با کیه؟", True),  # a what-if, unopened
        ("ادکلن ورساچه اروس رو زدم بوش به دلم ننشست", False),  # sprayed: opened
        ("۳ بار روی مچم زدم ولی بوش اصلا به من نمیاد", False), ("یه بار زنگ زدم کسی جواب نداد", None),
        ("اگه سالم باشه ولی بازش کنم و بوش رو دوست نداشته باشم چی؟", False),  # opened, supposed
        ("اگه بازش نکنم میشه پس بدم؟", True),
        ("а если уже получу и распакую?", False), ("а если не распакую?", True),
    ],
)
def test_the_seal_in_the_customers_words(text: str, sealed: bool | None) -> None:
    assert sealed_from(None, text) is sealed


def test_buttons_still_answer_the_seal_question() -> None:
    assert (sealed_from("affirm", "بله"), sealed_from("deny", "نه")) == (True, False)


@pytest.mark.parametrize(
    "text, reason",
    [
        ("بوشو دوست ندارم", "change_of_mind"),
        ("دیگه لازمش ندارم", "change_of_mind"),
        ("запах не нравится", "change_of_mind"),
        ("сломался фен", "defect"),
        ("یه طرف هندزفری صدا نمیده", "defect"),
        ("گوشی شارژ نمیگیره", "defect"),
        ("کتری گرم نمیشه", "defect"),
        ("наушник не заряжается", "defect"),
        ("принтер не печатает", "defect"),
        ("наушники шипят в правом ухе", "defect"),
        ("پرینتر کاغذ گیر میکنه مدام", "defect"),
        ("کتری فیلیپسی که خریدم آب پس میده", "defect"),              # a leak
        ("из чайника течёт вода", "defect"),
        ("бутылка термоса протекает", "defect"),
        ("открыла коробку а флакон треснутый", "transport_damage"),
        ("امروز بازش کردم دیدم لیوانای سرویس شکستن.", "transport_damage"),
        ("کتری که پریروز رسید بدنش خط داره", "transport_damage"),
        ("заказ ts1046 заказывала версаче эрос 100 мл а пришел 50 мл", "wrong_item"),   # one ordered, another came
        ("سفارش دادم ۱۰۰ میل ولی ۵۰ میل اومده", "wrong_item"),
        ("если придет флакон не такой как на фото на сайте, доставку вернете?", "wrong_item"),  # not as pictured
        ("цвет отличается от фото на сайте", "wrong_item"),
        ("پرداختم شکست خورد", None),                                         # failed, nothing broken
        ("заказала вчера, а пришла смс с кодом", None),
        ("пользовался 3 дня и он начал мять бумагу", "defect"),
        ("درش لق بود و نصفش تو جعبه ریخته بود", "transport_damage"),
        ("половина духов вытекла в коробку", "transport_damage"),
        ("пришел versace eros, флакон треснул и всё протекло", "transport_damage"),
        ("зарядка пришла с треснувшим корпусом", "transport_damage"),
        ("бойлер протекло снизу после недели", "defect"),
        ("پولشو ریختم به حسابتون", None),                                    # money paid in, nothing spilled
        ("نه ببخشید دقیق نگاه کردم اصلا یه عطر دیگه‌س! من رد تمپتیشن زده بودم", "wrong_item"),
        ("وای ببخشید اشتباه گفتم، منظورم اون یکی سفارشم بود", None),           # a slip of the customer's, no wrong item
        ("я перепутала номер заказа", None),
        ("стоп, я перепутал, распечатывал другой флакон", None), ("вы перепутали цвет", "wrong_item"),  # whose slip
        ("заказ TS-1041… ой, извините, не тот. TS-1046", None),                # the order number corrected
        ("не тот заказ прислали", "wrong_item"),
        ("передумал насчет принтера, он еще в пути", "change_of_mind"),       # on its way, not damaged on it
        ("коробка повредилась в пути", "transport_damage"),
        ("کلی هم براش برنامه ریختم، هنوز پیامکی نیومده", None),               # plans made, nothing spilled
        ("открыла попробовала пару раз не мое", "change_of_mind"),            # "не моё": not to one's taste
        ("это не мой заказ", None),
        ("شارژرش اصلا شارژ نمیکنه", "defect"),
        ("لانکوم سفارش TS-1043 رو میخوام پس بدم بوش بهم نمیسازه", "change_of_mind"),  # does not suit me
        ("запах мне не подходит", "change_of_mind"),
        ("از هفته پیش فنش یه صدای وحشتناکی میده", "defect"),
        ("а если он вообще перестанет включаться через месяц?", "defect"),
        ("کتری رسید ولی یه خط روشه، الان میشه اعتراض کنم؟", "transport_damage"),
        ("لپ تاپم مشکل داره میخوام پسش بدم", "defect"),
        ("پرداخت مشکل داره؟", None),
        ("اگه شیشه‌ش نشتی داشته باشه چی؟", "defect"),
        ("راستش بوش با همیشه فرق داره، به نظرم اصل نیست", "defect"),   # a fake: a fault, not a wrong item
        ("кажется это подделка, запах другой", "defect"),
        ("اصلا نمیدونم چی بپرسم", None),
        ("مهلت تستش تا کیه؟ مثلا اگه درست چاپ نکنه", "defect"), ("اگه خوب کار نکنه چی؟", "defect"),  # supposed faults
        ("а если принтер будет плохо печатать?", "defect"),
        ("کار نکن رو بزنم؟", None),
        ("یعنی اگه فقط دیگه نخوامش نمیتونم پس بدم؟", "change_of_mind"), ("если он мне просто больше не нужен?", "change_of_mind"),
        ("نخواستم مزاحم بشم", None),
        ("دستگاه کپی اوردن کارتنش خیسه یه گوشش تو رفته", "transport_damage"),  # a wet, dented box
        ("коробка пришла мокрая", "transport_damage"), ("دسته ش لقه و تکون میخوره", "defect"),  # a loose handle
        ("درش لق بود", "transport_damage"), ("اگه مشکلی نداشت و فقط بوشو دوست نداشتم اونم میشد پس بدم؟", "change_of_mind"), ("حلقه لاستیکی زودپز رو جدا میفروشین؟", None),
        # a fault denied names no reason; a change of mind beside it does
        ("یعنی اگه فقط پلمپشو باز کرده باشم و ایرادی هم نداشته باشه دیگه نمیتونم پسش بدم؟", None),
        ("ایرادی نداره فقط خوشم نیومد", "change_of_mind"), ("дефектов нет, просто передумал", "change_of_mind"),
        ("یه روز باهاش کار کردم ولی راحت نیستم. خرابم نیست. میتونم پس بدم؟", "change_of_mind"),  # not broken, said
        ("он не сломан, просто неудобный", "change_of_mind"),
        ("و اگه سالم باشه ولی فقط از بوش خوشم نیاد میشه پس داد؟", "change_of_mind"),
        ("без брака, просто передумал", "change_of_mind"), ("ایراد داره", "defect"),
        ("ну а если они сломаются в первую же неделю?", "defect"), ("ноутбук виснет постоянно", "defect"),
        ("не сломан, просто передумал", "change_of_mind"),
        # a fault denied only in part, or before a turn for the worse, still tells one
        ("گوشی ظاهرش ایرادی نداره ولی باتریش زود تموم میشه", "defect"), ("تا دیروز هیچ ایرادی نداشت، امروز یهو خاموش شد", "defect"),
        ("внешне дефектов нет, но аромат выветривается за час", "defect"), ("обменяйте на товар без брака", "defect"),
        # a "now" or a wish elsewhere in the message is no turn for the worse
        ("هارد اکسترنال دیگه شناخته نمیشه", "defect"), ("флешка не определяется компьютером", "defect"),
        ("کد تخفیفم شناخته نمیشه", None), ("промокод не распознается", None), ("банк не видит платеж", None),
        ("خانمم گفت بوش براش خیلی تنده، حتی سرش درد گرفت", "change_of_mind"), ("запах слишком резкий", "change_of_mind"),
        ("запах гари резкий, фен не работает", "defect"), ("بوش تند نیست ولی پخش نمیشه", None),
        ("بوش اونی نبود که فکر میکردم", "change_of_mind"), ("запах не тот, что я ожидала", "change_of_mind"),
        ("прислали не то", "wrong_item"), ("ورساچه اروس سفارش دادم برام اروس فلیم اومده!!", "wrong_item"),
        ("یه عطر سفارش دادم برام دیروز اومده", None), ("دیروز سفارش دادم برام پیام اومده که ارسال شده", None),
        ("هدفون سفارش دادم برام کیبورد اومده، نمیخوامش پس میگیرید؟", "wrong_item"),  # what came, before "نمیخوامش" ("открыла, пару раз побрызгала — не мой запах", "change_of_mind"),
        ("купила мужу духи, открыли а запах вообще не его", "change_of_mind"),
        ("الان میخوام پسش بدم، ایرادی هم نداره", None), ("ایرادی نداره ولی میخوام پسش بدم", None),
        ("дефектов нет, но хочу вернуть", None), ("сейчас дефектов нет, можно вернуть?", None),
        ("ظاهرش ایرادی نداره ولی باتریش زود خالی میشه، میخوام پسش بدم", "defect"),  # the wish after the fault told
        ("ظاهرش ایرادی نداره، باتریش زود خالی میشه", "defect"), ("внешне дефектов нет, а батарея быстро садится", "defect"),
        ("ایرادی نداره ولی میشه پسش بدم؟", None), ("дефектов нет, но можно вернуть?", None),
        ("брака нет, но он мне не нужен", "change_of_mind"), ("ایرادی نداره ولی برام بزرگه", "change_of_mind"),
        ("سالمه و ایرادی نداره، امروز رسید. میتونم پسش بدم؟", None),
        ("ظاهرش ایرادی نداره ولی میخوام پسش بدم", None), ("ظاهرا مشکلی نداره", None),  # a wish; "apparently"
        ("брака нет, а курьер когда приедет?", None),  # a question after "а", no turn for the worse
        ("брака нет, но батарея быстро садится, что делать?", "defect"), ("брака нет, но что-то внутри гремит", "defect"),
        ("запах гари резкий", "defect"), ("بوش زیاد تند نیس", None), ("флешка не определяется", "defect"),
        ("کد تخفیف تو سیستم شناسایی نمیشه", None),
        ("если курьер при доставке сломает телевизор, кто платит?", "transport_damage"), ("пришел сломанный", "transport_damage"),
        ("а если я его сам случайно сломаю, можно вернуть?", None), ("چاپاش خط خطی میاد", "defect"), ("بدنه پرینتر خط خطی رسیده", "transport_damage"),
        ("جعبه ش خط خطیه", "transport_damage"), ("رو همه کپی ها یه خط سیاه میندازه", "defect"), ("هر چی چاپ میکنه یه خط سیاه وسطش میفته", "defect"),
        ("принтер печатает с полосой", "defect"), ("хочу вернуть ноутбук, он сильно греется", "defect"),
        ("گوشیم خیلی داغ میکنه", "defect"), ("чайник нагревает воду за минуту", None),
        ("пломба целая, просто понял что он великоват для нашего офиса", "change_of_mind"), ("сайт тормозит", None), ("приложение виснет при оплате", None),
        ("پرینتر خرابه، پول نمیخوام، میخوام عوضش کنین", "defect"),  # no money wanted, an exchange: no change of mind
        ("پول نمیخوام، میخوام عوضش کنین", None), ("دیگه نمیخوامش", "change_of_mind"),
        ("۱۲ روز پیش رسید، از دیروز صفحه‌ش خط افتاده", "defect"),  # lines come on a screen in use
        ("الان باز کردم صفحه تلویزیون خط افتاده", "transport_damage"), ("بدنه‌ش خط افتاده", "transport_damage"),
        ("اگه بسته رسید و جعبه‌ش له بود چی؟", "transport_damage"), ("کارتنش له رسید", "transport_damage"),
        ("خودم نصب کردم درایور اشتباه ریختم دیگه کار نمیکنه", "defect"),  # software put wrong: no wrong item
        ("اگه بازش کنم و بوش رو دوست نداشته باشم چی؟", "change_of_mind"), ("اگه رنگشو نپسندم؟", "change_of_mind"),
        ("عطرو باز کردم بوش اصلا خوب نیست!! همین الان پولمو میخوام", "change_of_mind"), ("بوش خوبه", None),
        ("عطرو نخواستم پس میگیرین؟", "change_of_mind"), ("نخواستم مزاحم بشم، سفارشم کی میرسه", None),
    ],
)
def test_more_ways_to_say_the_reason(text: str, reason: str) -> None:
    assert reason_from(None, text) == reason


ORDER_ITEMS = [("PH-BHD300", "Philips BHD300 hair dryer"), ("NV-SOFT200", "کرم نرم‌کننده نیوآ Soft ۲۰۰ میلی‌لیتر")]


LANCOME = [("LC-EDP50", "Lancôme La Vie Est Belle Eau de Parfum 50 ml perfume"), ("LC-S", "Lancôme Idôle sample 1.2 ml perfume")]


@pytest.mark.parametrize(
    "texts, sku",
    [
        (["سفارش TS-1043 لانکوم رسید ولی بوشو دوست ندارم، هنوز پلمپه"], "LC-EDP50"),  # the bought one, not the gift
        (["نمونه‌ای که همراهش اومده رو میخوام پس بدم"], "LC-S"),                      # named: the sample
        (["پس بدم؟", "هدیه‌اش هم؟"], None),                                            # a gift spoken of: ask
        (["хочу вернуть"], "LC-EDP50"),
        (["sample spray is stuck"], "LC-EDP50"),                                        # a gift's word, no gift word
        (["باشه پس میخوام مرجوعش کنم", "پریروز ادکلن لانکوم ۵۰ میل رسید، با یه سمپل هدیه. بازش نکردم"], "LC-EDP50"),
        (["а пробник в подарок?", "пришёл Lancôme 50 мл и пробник"], "LC-S"),          # the gift asked of, latest
        (["لانکوم ۵۰ میل با یه سمپل هدیه بود. لانکوم رو باز نکردم پلمپه ولی پشیمون شدم"], "LC-EDP50"),  # its sentence
        (["سمپل هدیه‌ش رو میخوام پس بدم"], "LC-S"),
    ],
)
def test_the_item_a_return_is_about(texts: list[str], sku: str | None) -> None:
    assert returned_item(texts, LANCOME, frozenset({"LC-S"})) == sku


PRINTER = [("HP-M236", "HP LaserJet M236 printer"), ("A4-500", "A4 copy paper, 500 sheets paper")]


@pytest.mark.parametrize("text, sku", [
    ("کاغذ هدیه ای که با پرینتر فرستادین مشکل داره، اونم میشه مرجوع کرد؟", "A4-500"),  # what the printer came with
    ("бумага в подарок, которая пришла с принтером, намокла", "A4-500"),
    ("бумага которая шла в подарок к принтеру пришла вся мятая", "A4-500"),
    ("پرینتر رسید با یه بسته کاغذ هدیه، پرینتر روشن نمیشه", "HP-M236"),  # the gift came with the printer told of
    ("کاغذ هدیه رو با پرینتر امتحان کردم، پرینتر کاغذ رو گیر میکنه", "HP-M236"),  # printed with, not came with
    ("کاغذ هدیه رو با پرینتر امتحان کردم، پرینتری که دیروز رسید کاغذ رو گیر میکنه", "HP-M236"),
    ("کاغذ هدیه ای که همراه پرینتر میاد نم کشیده", "A4-500"), ("کاغذ هدیه ای که با پرینتر بود خیس شده", "A4-500"),
    ("бумага, которая идёт в подарок с принтером, намокла", "A4-500"),
    ("подарочная бумага в комплекте с принтером порвана", "A4-500"),
    ("к принтеру прислали бумагу в подарок, принтер не включается", "HP-M236"),  # the printer told of after
    ("бумагу из подарка пришлось к принтеру подносить, принтер не печатает", "HP-M236"),
    ("کاغذ هدیه ای که با پرینتر فرستادین خیس شده ولی پرینتر سالمه", "A4-500"),
    ("бумага в подарок пришла с принтером мокрая, сам принтер в порядке", "A4-500"),
    ("бумага, подарок к принтеру, пришла мокрая", "A4-500"), ("مشکل با پرینتر بود، کاغذ هدیه سالمه", "HP-M236"),
    ("کاغذ هدیه ای که با پرینتر فرستادین خوب نیست", "A4-500"), ("کاغذ هدیه همراه پرینتر بود ولی خیس شده", "A4-500"),
])
def test_the_gift_spoken_of_is_not_the_item_it_came_with(text: str, sku: str) -> None:
    assert returned_item([text], PRINTER, frozenset({"A4-500"})) == sku


@pytest.mark.parametrize(
    "text, sku",
    [
        ("سشواری که خریدم خرابه روشن نمیشه", "PH-BHD300"),       # what customers call it
        ("کرم نیوآ هم که تو همین سفارش بود رو میشه پس بدم؟", "NV-SOFT200"),  # a word of its name
        ("фен сломался", "PH-BHD300"),
        ("philips не включается", "PH-BHD300"),
        ("می‌خوام پسش بدم", None),                                # names nothing
    ],
)
def test_an_item_named_in_a_longer_message(text: str, sku: str | None) -> None:
    assert item_mentioned(text, ORDER_ITEMS) == sku
    assert item_from(text, ORDER_ITEMS) == sku


@pytest.mark.parametrize("text, sku", [
    ("شارژری که با ایرپاد گرفتم بدنش خط و خش داره", "AK-A2633"),   # not the one it came with
    ("зарядка, которую купил с наушниками, не работает", "AK-A2633"),
    ("ایرپاد و شارژر هر دو خرابن", None),                          # both: which one is asked
    ("эирподсы шипят и левый не заряжается", "AP-APP2"),           # the brand as Russian writes it
])
def test_of_two_items_named_the_one_the_other_came_with_is_not_meant(text: str, sku: str | None) -> None:
    items = [("AP-APP2", "Apple AirPods Pro (2nd generation) headphones"), ("AK-A2633", "Anker 312 charger 20 W accessory")]
    assert item_mentioned(text, items) == sku


@pytest.mark.parametrize(
    "text, band",
    [("доставка до 100 лари сколько стоит", True), ("больше 500 лари доставка бесплатная?", True),
     ("а если наберу больше чем на 500 лари, доставка в Батуми бесплатная будет?", True),
     ("خرید زیر ۲ میلیون تومن هزینه ارسال چقدره", True), ("заказ на 120 лари", False), ("خرید ۳ میلیونی", False),
     ("от 500 лари бесплатно, я знаю. а за городом 35 км? заказ на 800 лари", False),
     ("а если доберу до 300 лари? я живу в 10 км от вас", False), ("а если доберу товаров до 520 лари?", False)],
)
def test_a_price_band_is_no_order_total(text: str, band: bool) -> None:
    found = [{"start": e.start, "end": e.end, "value": e.value} for e in extract_entities(text, frozenset({"amount"}))]
    assert names_a_band(text, found) is band


@pytest.mark.parametrize(
    "text, others, kept",
    [
        ("с меня взяли 6 лари за доставку наушников за 40 лари", 0, [40]),      # a fee paid is no price of the order
        ("доставка стоила 6 лари, а товар 40 лари", 0, [40]),
        ("бесплатно только от 500 лари. У меня заказ на 450", 1, []),         # a band's bound beside the order's total
        ("пылесос за 120 лари и чайник за 60 лари", 0, [120, 60]),            # items priced together all count
        ("больше 500 лари", 0, [500]),                                         # alone, a bound is what was said
        ("یه عطر ۸۰۰ تومنی (۸۰۰ هزار) با اسنپ پی", 0, [800000]),               # said again in other words: one item
        ("قیمتش یک و ششصده نه یک و دویست", 0, [1600000]),                     # "X, not Y": Y denied
        ("они стоят миллион восемьсот а не 800 тысяч", 0, [1800000]),
    ],
)
def test_amounts_that_price_the_order(text: str, others: int, kept: list[int]) -> None:
    found = [{"start": e.start, "end": e.end, "value": e.value} for e in extract_entities(text, frozenset({"amount"}))]
    assert [amount["value"] for amount in order_amounts(text, found, others)] == kept


@pytest.mark.parametrize(
    "intent, text, question",
    [
        ("cancel_order", "ميخوام سفارشمو لغو كنم", False),                      # a request: the order is needed
        ("cancel_order", "можно отменить заказ пока он еще в обработке?", True),
        ("return_request", "عطرو تو حراج خریدم و پشیمون شدم، هزینه ارسال برگشتش با کیه", True),
        ("damaged_item", "ایرپادی که خریدم یه طرفش صدا نمیده", False),
        ("damaged_item", "هدفونم یه طرفش قطع و وصل میشه، میخوام برگردونم", False),  # "میشه" is "becomes" here
        ("return_request", "чайник не греет, хочу вернуть", False),
        ("return_request", "хочу узнать, можно ли вернуть чайник", True),          # wanting to know is a question
        ("return_request", "میخوام پسش بدم، میشه؟", True),
        ("return_request", "رسید پستشو چیکار کنم", True),
        ("order_status", "где мой заказ?", False),                              # status: only how-to counts
        ("order_status", "سفارشم کجاست؟", False),
        ("order_status", "سلام سفارشم هنوز نرسیده، کد رهگیری هم برام نیومده. کی میاد پس؟", False),  # one's own, missing
        ("order_status", "کد رهگیری رو از کجا ببینم؟", True),
        ("order_status", "کد رهگیری رو پیامک میکنید؟", True),                  # a yes/no question about the code
        ("order_status", "кинете трек-номер смс?", True),
        ("order_status", "کد رهگیری سفارشم SR-5001", False),
        ("order_status", "заказал в субботу, когда начнут обрабатывать?", True),   # the weekend rule
        ("order_status", "شنبه سفارش دادم، کی پردازش میشه؟", True),
        ("order_status", "когда обработают CT-2002?", False),                       # that order's status
        ("order_status", "как узнать статус заказа", True),
        ("order_status", "я в прошлом году перед новрузом ждала очень долго, почему так?", True),  # how things went
        ("order_status", "почему так долго мой заказ?", False),                      # this order: looked up
        ("cancel_order", "хочу отменить свой заказ, это возможно?", False),           # wanting it done with one's order
        ("cancel_order", "میشه سفارشمو لغو کنید؟", False),                         # asked of the store for one's order
        ("cancel_order", "میخوام کل سفارشو کنسل کنم، میشه؟", False),                # the whole order: one's own
        ("cancel_order", "хочу отменить весь заказ, можно?", False),
        ("cancel_order", "میشه کل سفارش رو لغو کرد؟", True),                        # no wish: whether one may
        ("return_request", "برای سفارشم درخواست مرجوعی ثبت میکنید؟", False),
        ("cancel_order", "можно ли отменить заказ, если он уже отправлен?", True),     # orders in general
        ("cancel_order", "شنیدم ممکنه سفارشمو کنسل کنین، راسته؟", True),             # whether the store might: a rule
        ("order_status", "ضمنا سفارشم هنوز نرسیده ببینید کجاست", False),               # look at my order: a request
        ("order_status", "проверьте мой заказ, где он?", False),
        ("order_status", "دفعه قبلم تو عید سفارشم یه هفته طول کشید، همیشه اینجوریه؟", True),  # how it usually goes
        ("order_status", "в прошлый раз заказ шёл неделю, у вас всегда так?", True),
        ("cancel_order", "заказал в سیترا, его уже отправили. отменить теперь нельзя да", True),  # "…, right": asked
        ("return_request", "برای مرجوعی با تیپاکس بفرستم، درسته", True),
        ("return_request", "کالا رسید ولی کارتن بیرونی درسته", False),  # intact, said: no tag without its comma
        ("return_request", "یعنی پسش میدم", False),
        ("cancel_order", "хочу отменить заказ, да", False),  # a wish confirmed, not a question
        ("installment_info", "یعنی چک و ضامن نمیخواد", True), ("cancel_order", "یعنی میخوام کنسلش کنم", False),
        ("order_status", "а где ещё можно посмотреть статус кроме смс?", True),  # where to look, not where it is
        ("order_status", "کدو که گرفتم کجا بزنم ببینم بسته کجاست؟", True),  # where to enter the code
        ("order_status", "سفارشم کجاست؟", False),
        ("order_status", "а сама могу где-то смотреть статус?", True), ("order_status", "خودم جایی میتونم وضعیتشو ببینم؟", True),
        ("order_status", "سفارشم جایی گیر کرده؟ میخوام ببینم کجاست", False),
        ("cancel_order", "если выберу оплату при получении, вы можете отменить мой заказ?", True),  # an order supposed
        ("cancel_order", "اگه پرداخت در محل رو انتخاب کنم میتونین سفارشمو کنسل کنین؟", True),
        ("order_status", "а если я оплатил онлайн, но меня не было дома когда привезли?", True),  # a case supposed
        ("order_status", "а если мой заказ не придет завтра?", False),  # one's own order's
        ("order_status", "عید سفارش دادم هنوز نیومده! چرا انقد طول کشیده؟", True),  # why holidays are slow
        ("order_status", "سفارشم هنوز نرسیده، چرا؟", False),
        (None, "мне привезли не тот товар!! заказывал чайник филипс а пришел какой-то другой", False),  # no "какой?"
        ("return_request", "عطرو باز کردم بوشو دوس ندارم پس میگیرین", True),  # the store asked what it does, no mark
        ("return_request", "открыла крем, не подошёл, обратно примете", True),
        ("return_request", "عطرو باز کردم بوشو دوس ندارم میخوام پس بدم", False),  # a wish
        ("return_request", "хочу вернуть наушники просто не понравились. как это сделать", True),  # how, oneself
        ("return_request", "میخوام پسش بدم، چطوری باید این کارو بکنم؟", True),
    ],
)
def test_a_question_about_the_rules_or_a_request_about_an_order(intent: str, text: str, question: bool) -> None:
    assert rules_question(intent, text) is question


@pytest.mark.parametrize(
    "text, purpose",
    [
        ("заказ CK-3004, 3304, перестал включаться", "damaged_item"),
        ("سفارش ۵۸۱۲۰، ۴۵۶۷، میخوام لغوش کنم", "cancel_order"),
        ("TS-1046 09352222206 میخوام پس بدم", "return_request"),
        ("CT-2002 599125502", "order_status"),
        # an item taken off an order not yet sent: a change, looked up with its status, not a return
        ("سفارش SR5001، تابه رو دیگه نمیخوام. میشه تابه رو از سفارش حذف کنین؟", "order_status"),
        ("ct2002 уберите чайник из заказа, он мне больше не нужен", "order_status"),
        ("SR-5001 میخوام پسش بدم", "return_request"),
        # a return already accepted: no return to begin
        ("مرجوعی پرینترم تایید شده (سفارش 58120، آخر شمارم ۴۵۶۷). پول به کدوم کارت میاد؟", "order_status"),
        ("CT-2003 599125503 возврат уже одобрили, когда деньги?", "order_status"),
    ],
)
def test_what_a_message_with_an_orders_number_and_phone_wants(text: str, purpose: str) -> None:
    assert purpose_from_words(text) == purpose


@pytest.mark.parametrize(
    "text, none",
    [("شماره سفارش ندارم", True), ("شماره‌ی سفارشمو ندارم", True), ("هنوز نخریدم", True), ("нет номера", True),
     ("я еще не заказывал", True), ("у меня нет заказа", True), ("شماره سفارش ۵۸۱۲۰", False), ("номер CT-2002", False),
     # the look-up declined: the rule is wanted
     ("проверять мой заказ не надо, просто скажите: цена останется?", True), ("не надо проверять заказ", True),
     ("نه مرسی نمیخواد الان چیزی ثبت کنی یا سفارشمو چک کنی، فقط بگو", True), ("لازم نیست سفارشمو بررسی کنی", True),
     ("проверьте мой заказ", False), ("سفارشمو چک کن", False),
     ("شماره سفارشو هنوز پیدا نکردم، فقط بگین هزینه پستش با کیه؟", True), ("не могу найти номер заказа", True),
     ("не могу найти номер трека", False), ("номер потерял", True), ("не нашла номер", True),
     ("я вчера заказал но номер заказа не помню, где его посмотреть?", True)],
)
def test_no_order_number_in_the_customers_words(text: str, none: bool) -> None:
    assert no_order_number(text) is none


TUESDAY = datetime(2026, 12, 1, 15, 20, tzinfo=timezone(timedelta(hours=4)))


@pytest.mark.parametrize(
    "weekday, clock, text, expected",
    [
        (None, None, "сколько дней доставка?", TUESDAY),
        ("saturday", None, "заказал в субботу вечером, когда обработаете?", datetime(2026, 11, 28, 18, 0)),  # done: last
        ("saturday", None, "если закажу в субботу утром", datetime(2026, 12, 5, 9, 0)),                     # will: next
        ("tuesday", "10:30", "если закажу во вторник в 10:30", datetime(2026, 12, 1, 10, 30)),               # today
        ("thursday", None, "اگه پنجشنبه سفارش بدم کی میرسه؟", datetime(2026, 12, 3, 15, 20)),
        ("friday", None, "جمعه شب سفارش دادم", datetime(2026, 11, 27, 22, 0)),
        (None, "13:00", "а если в час дня закажу", datetime(2026, 12, 1, 13, 0)),
    ],
)
def test_when_the_order_asked_about_is_placed(weekday, clock, text: str, expected: datetime) -> None:
    assert ordered_moment(TUESDAY, weekday, clock, text) == expected.replace(tzinfo=TUESDAY.tzinfo)


@pytest.mark.parametrize(
    "said_day, clock, text, expected",
    [
        ("gregorian:1-7", None, "если оформлю заказ 7 января, на Рождество, когда его обработают?",
         datetime(2027, 1, 7, 15, 20)),                                                     # will: the next 7 January
        ("gregorian:11-28", None, "заказал 28 ноября, когда привезут?", datetime(2026, 11, 28, 15, 20)),  # done: last
        ("jalali:9-12", "10:00", "اگه ۱۲ آذر ساعت ۱۰ سفارش بدم کی میرسه؟", datetime(2026, 12, 3, 10, 0)),
        ("gregorian:2-30", None, "если закажу 30 февраля", TUESDAY),                      # no such day: now
    ],
)
def test_the_day_an_order_is_placed_on(said_day: str, clock, text: str, expected: datetime) -> None:
    assert ordered_moment(TUESDAY, None, clock, text, said_day) == expected.replace(tzinfo=TUESDAY.tzinfo)


@pytest.mark.parametrize(
    "text, hour",
    [("хотя нет, закажу вечером после работы", 18), ("اگه صبح سفارش بدم", 9), ("а если днём?", 13),
     ("شب سفارش بدم چی؟", 22), ("а в Гори у вас есть филиал?", None), ("هزینه ارسالش چقدره؟", None)],
)
def test_a_part_of_the_day_is_a_time(text: str, hour: int | None) -> None:
    assert day_part(text) == hour


@pytest.mark.parametrize(
    "text, earlier, currency, total",
    [
        ("а если еще саундбар за 250 возьму?", 300, "gel", 550),             # "also": added to the order
        ("اگه یه بادی اسپلش هم بزارم بشه ۲ و نیم چی؟", 1_800_000, "toman", 2_500_000),  # "becomes 2.5", in millions
        ("а за 700?", 300, "gel", 700),                                        # another total
        ("و اگه ۸۰۰ باشه؟", 1_500_000, "toman", 800_000),                      # thousands of a millions total
        ("و اگه ۸۰۰ باشه؟", 500_000, "toman", 800_000),                        # thousands of toman, as people say it
        ("и ещё вопрос", 300, "gel", None),                                    # no number
        ("250", None, "gel", 250),
        ("۹۰۰", None, "toman", 900_000),                                       # "what is your total?" "900"
        ("а до 5 этажа занесут? лифта нет", 300, "gel", None),                 # floors, not lari
        ("۸ تا پله داره، طبقه چندم حساب میشه؟", 1_500_000, "toman", None),      # steps
        ("а через 3 дня привезёте?", 300, "gel", None),                        # days
        ("а если еще наушники за 45 добавлю, будет 125", 80, "gel", 125),      # the sum the customer made
        ("а если еще чайник за 80 лари, но отдельным заказом?", 900, "gel", 80),  # an order of its own
        ("یه کرم ۳۰۰ تومنی هم جداگانه سفارش بدم چی؟", 1_800_000, "toman", 300_000),
        ("и утюг за 40 добавлю, тогда сколько будет?", 75, "gel", 115),        # "сколько будет?" names no total
        ("اگه یه بادی اسپلش ۳۰۰ تومنی هم بذارم میشه ۲ و ۱۰۰، اونوقت چی؟", 1_800_000, "toman", 2_100_000),  # 2 million 100
        ("а если возьму ещё дешевле, за четыреста девяносто девять?", 700, "gel", 499),  # in words; "still cheaper"
        ("ещё один за пятьдесят", 700, "gel", 750),                              # one more, priced in words
        ("а если доберу до 520?", 250, "gel", 520),                             # brought up to a total
        ("اگه سبدمو برسونم به ۲ میلیون و ۱۰۰ چی؟", 1_800_000, "toman", 2_100_000),
        ("а если возьму два флакона по 45 = 90?", 45_000, "toman", 90_000),     # the sum written out
        ("=) а если добавлю ещё крем за 45, сколько будет?", 300_000, "toman", 345_000),  # a smile, no sum
        ("а если 3 штуки?", 700_000, "toman", 2_100_000), ("اگه ۳ تا بخرم چی؟", 700_000, "toman", 2_100_000),  # three
        ("اگه ۲ تا ۳ روز طول بکشه", 700_000, "toman", 2000),  # a span, no pieces (a bare 2, as before)
        ("а если добавлю ещё 2 штуки?", 700_000, "toman", 2_100_000),  # two more of it: three
        ("اگه ۲ تا دیگه بخرم؟", 700_000, "toman", 2_100_000),
    ],
)
def test_the_total_a_follow_up_means(text: str, earlier: float | None, currency: str, total: float | None) -> None:
    assert follow_up_total(text, earlier, currency) == total


@pytest.mark.parametrize("text, earlier, currency, total", [
    ("а если ещё маску добавлю и выйдет 120 тыс, сколько тогда каждый платёж?", 45_000, "toman", 120_000),
    ("اگه یه بادی اسپلش ۳۰۰ تومنی هم بذارم میشه ۲ و ۱۰۰، اونوقت چی؟", 1_800_000, "toman", 2_100_000),
    ("اوکی اگه یه کرم دست ۳۰۰ تومنی هم بذارم میشه ۲ میلیون و ۱۰۰، اونوقت چی؟", 1_800_000, "toman", 2_100_000),
    ("а если еще наушники за 45 добавлю, будет 125", 80, "gel", 125),
    ("اگه یه کرم ۲۵۰ تومنی هم بذارم چی می‌شه؟", 1_800_000, "toman", None),  # "what happens?" names no total
    ("и утюг за 40 добавлю, тогда сколько будет?", 75, "gel", None),
])
def test_the_total_an_added_item_makes_as_said(text: str, earlier: float, currency: str, total: float | None) -> None:
    assert said_sum(text, earlier, currency) == total


@pytest.mark.parametrize(
    "text, currency, amounts",
    [  # prices said without a currency, where words of price or of the order say they are prices
        ("а если телевизор за 300, до меня от вас км 8 по тбилиси", "gel", [300]),  # the 8 is a distance
        ("заказ на 300", "gel", [300]),
        ("за 1500", "gel", [1500]),                              # a price, though four digits could be an order's code
        ("سفارش ۹۰۰", "toman", [900_000]),                       # the thousands of toman people drop
        ("سفارش ۹۰۰", "gel", [900]),
        ("قیمتش ۴۵۰ بود", "toman", [450_000]),
        ("в корзине пылесос за 120 и чайник за 60 лари", "gel", [120]),  # the 60 is an amount with its currency
        ("сколько доставка?", "gel", []),
        ("سفارش 58120", "toman", []),                            # an order's code
        ("заказ CT-2002", "gel", []),
        ("номер 599125502", "gel", []),                          # a phone
        ("за 3 дня привезут?", "gel", []),                       # days
        ("за 2 телевизора", "gel", []),                          # a count of things
        ("доставка за 10 км", "gel", []),                        # a distance
        ("заказал в 10 утра", "gel", []),                        # a time
        ("заказ на 5 этаж", "gel", []),                          # a floor
        ("за 12:30", "gel", []),
        ("за 300 лари", "gel", []),                              # said with its currency: the amount entity has it
        ("а если на 300 и я в 10 км", "gel", [300]),             # "and if for 300" after a price asked
        ("а если на 5 этаж", "gel", []),
        ("а если сумма 300?", "gel", [300]), ("اگه مبلغش ۹۰۰ باشه؟", "toman", [900_000]),  # the sum named
        ("а если 105 и 10 км?", "gel", [105]),                   # "and if 105" without "на"
        ("а 300 и 10 км", "gel", [300]), ("а 80", "gel", [80]),  # "and 300" after a price: a new total
        ("اگه ۳۰۰ باشه چی", "toman", [300_000]),
        ("а если закажу в 12", "gel", []),                       # an hour
        ("если 3 дня ждать", "gel", []),
        ("хочу другой, подешевле, за семьсот", "gel", [700]),   # said in words
        ("за два телевизора", "gel", []),                       # a count of things, in words
        ("хочу духи за 3 200 000 через снапп пэй", "toman", [3_200_000]),  # thousands grouped by spaces
        ("دو تا عطر، یکی ۱,۱۵۰,۰۰۰ یکی ۹۸۰ هزار تومن", "toman", [1_150_000]),  # grouped by commas: a price, no words
        ("سفارش ۱,۵ میلیون", "toman", []),  # a fraction with its multiplier is an amount the entities took
    ],
)
def test_prices_said_without_a_currency(text: str, currency: str, amounts: list[float]) -> None:
    entities = [entity.as_dict() for entity in extract_entities(text)]
    assert stated_amounts(text, entities, currency) == amounts


@pytest.mark.parametrize(
    "text, asks",
    [
        ("شارژرشم باید بفرستم؟", True),
        ("نمونه هدیه ای که باهاش اومده رو هم باید پس بدم؟", True),
        ("коробку тоже надо отправить?", True),
        ("нужно ли отправлять зарядку", True),
        ("میخوام پسش بدم", False),          # a return, not a question about one
        ("چطوری پس بفرستم؟", False),         # how, not what
    ],
)
def test_questions_about_what_a_return_includes(text: str, asks: bool) -> None:
    assert asks_what_to_send(text) is asks


def test_facts_of_one_item_are_not_carried_to_the_next() -> None:
    items = [("PH-BHD300", "Philips BHD300 hair dryer"), ("NV-SOFT200", "کرم نرم‌کننده نیوآ Soft ۲۰۰ میلی‌لیتر")]
    texts = ["کرم نیوآ هم که تو همین سفارش بود رو میشه پس بدم؟ درشو باز نکردم",
             "سلام سشواری که خریدم خرابه روشن نمیشه میخوام پسش بدم"]
    assert since_item_named(texts, items) == texts[:1]
    assert reason_from(None, " ".join(since_item_named(texts, items))) is None
    assert since_item_named(["4405", "ck-3003", "ایرپادی که خریدم صدا نمیده"], items) == ["4405", "ck-3003", "ایرپادی که خریدم صدا نمیده"]


@pytest.mark.parametrize(
    "value, day",
    [
        ("jalali:7-3", date(2026, 9, 25)),       # 3 Mehr 1405
        ("jalali:9-10", date(2026, 12, 1)),      # today, 10 Azar
        ("jalali:9-11", date(2025, 12, 2)),      # tomorrow's date: last year's
        ("gregorian:11-28", date(2026, 11, 28)),
        ("ago:2", date(2026, 11, 29)),
        ("weekday:sunday", date(2026, 11, 29)),  # 1 Dec 2026 is a Tuesday
        ("weekday:tuesday", date(2026, 12, 1)),
        ("gregorian:2-30", None),
        ("jalali:-10", date(2026, 12, 1)),       # "۱۰ام": today, 10 Azar
        ("jalali:-15", date(2026, 11, 6)),       # "۱۵ام": 15 Aban, this month's is still to come
        ("gregorian:-31", date(2026, 10, 31)),   # "31-го": November has no 31st
    ],
)
def test_the_day_a_customer_names(value: str, day: date | None) -> None:
    assert day_given(value, date(2026, 12, 1)) == day


@pytest.mark.parametrize(
    "value, day",
    [
        ("gregorian:1-7", date(2027, 1, 7)),     # "if I order on 7 January": next year's
        ("gregorian:12-1", date(2026, 12, 1)),   # today
        ("jalali:9-11", date(2026, 12, 2)),      # tomorrow
        ("ago:2", date(2026, 11, 29)),           # "two days ago" is behind whatever the tense
        ("weekday:sunday", date(2026, 12, 6)),   # "if I order on Sunday"
        ("gregorian:2-30", None),
        ("gregorian:-15", date(2026, 12, 15)),   # "if I order on the 15th"
    ],
)
def test_the_day_a_customer_names_for_what_is_still_to_come(value: str, day: date | None) -> None:
    assert day_given(value, date(2026, 12, 1), ahead=True) == day


def test_the_window_a_question_is_about() -> None:
    assert window_reason("تا چندم وقت دارم تستش کنم؟") == "defect"        # testing: the defect window
    assert window_reason("до какого числа можно вернуть, если не понравится?") == "change_of_mind"
    assert window_reason("تا کی وقت دارم؟") is None
    assert window_reason("сколько дней можно проверять ноутбук?") == "defect"
    assert window_reason("проверять мой заказ не надо, просто скажите: цена останется вчерашняя?") is None


def test_when_it_came_and_what_now_is_as_the_customer_says() -> None:
    now = datetime(2026, 12, 1, 15, 0, tzinfo=timezone.utc)
    said = [{"entity": "date", "value": "ago:1"}, {"entity": "time", "value": "17:00"},
            {"entity": "date", "value": "ago:0"}, {"entity": "time", "value": "10:00"}]
    assert moments_said(said, now) == (datetime(2026, 11, 30, 17, tzinfo=timezone.utc), True,
                                       datetime(2026, 12, 1, 10, tzinfo=timezone.utc))
    assert moments_said([{"entity": "time", "value": "13:00"}], now) == (datetime(2026, 12, 1, 13, tzinfo=timezone.utc), True, now)
    # "got it at 4 pm" told at 3 pm: yesterday's 4 pm; "the courier brings it at 5 pm": today's, still to come
    came = [{"entity": "time", "value": "16:00", "start": 11, "end": 22}]
    assert moments_said(came, now, "گوشیو ساعت ۴ عصر تحویل گرفتم") == (
        datetime(2026, 11, 30, 16, tzinfo=timezone.utc), True, now)
    assert moments_said(came, now, "پیک ساعت ۴ عصر گوشی رو میاره. تا چه ساعتی وقت دارم؟")[0] == datetime(
        2026, 12, 1, 16, tzinfo=timezone.utc)
    # a word of tomorrow beside a delivery gone by is the customer's plan, not the delivery's day
    assert moments_said(came, now, "گوشیو ساعت ۴ عصر تحویل گرفتم، فردا میتونم پسش بدم؟")[0] == datetime(
        2026, 11, 30, 16, tzinfo=timezone.utc)
    # an hour still to come stays today's, whatever came before it ("an SMS came that the courier brings it at 4")
    assert moments_said(came, now, "پیامک اومد که پیک ساعت ۴ عصر میاره، تا کی میتونم پسش بدم؟")[0] == datetime(
        2026, 12, 1, 16, tzinfo=timezone.utc)
    assert moments_said(came, now, "получил в 4 дня, сколько дней будет на возврат?")[0] == datetime(
        2026, 11, 30, 16, tzinfo=timezone.utc)  # "будет" is of the question, not of the delivery
    # "got it at 7 pm, it is 8 am now": the present morning, as said, and the delivery yesterday evening's
    text = "گوشیو ساعت ۷ عصر تحویل گرفتم، الان ساعت ۸ صبحه"
    said = [{"entity": "time", "value": "19:00", "start": 6, "end": 16}, {"entity": "time", "value": "08:00", "start": 35, "end": 45}]
    assert moments_said(said, now, text) == (datetime(2026, 11, 30, 19, tzinfo=timezone.utc), True,
                                             datetime(2026, 12, 1, 8, tzinfo=timezone.utc))
    assert moments_said([{"entity": "date", "value": "ago:2"}], now) == (datetime(2026, 11, 29, 12, tzinfo=timezone.utc), False, now)
    assert moments_said([], now) == (None, False, now)
    # "bought last week and got it 3 days ago": the day it came, which windows count from, in either order
    text = "هفته پیش یه اسکنر خریدیم و ۳ روز پیش تحویل گرفتیم"
    said = [{"entity": "date", "value": "ago:7", "start": 0, "end": 8}, {"entity": "date", "value": "ago:3", "start": 27, "end": 36}]
    assert moments_said(said, now, text)[0] == datetime(2026, 11, 28, 12, tzinfo=timezone.utc)
    text = "получили вчера, а купили неделю назад"
    said = [{"entity": "date", "value": "ago:1", "start": 9, "end": 14}, {"entity": "date", "value": "ago:7", "start": 25, "end": 37}]
    assert moments_said(said, now, text)[0] == datetime(2026, 11, 30, 12, tzinfo=timezone.utc)
    # two days without a purchase told: the first, as before
    text = "۳ روز پیش رسید، ولی فکر کنم دیروز خرابش کردم"
    said = [{"entity": "date", "value": "ago:3", "start": 0, "end": 9}, {"entity": "date", "value": "ago:1", "start": 28, "end": 33}]
    assert moments_said(said, now, text)[0] == datetime(2026, 11, 28, 12, tzinfo=timezone.utc)
    # "got it yesterday at 10 am, it is 9 am now": the present hour is today's, not yesterday's
    said = [{"entity": "date", "value": "ago:1"}, {"entity": "time", "value": "10:00"}, {"entity": "time", "value": "09:00"}]
    assert moments_said(said, now) == (datetime(2026, 11, 30, 10, tzinfo=timezone.utc), True,
                                       datetime(2026, 12, 1, 9, tzinfo=timezone.utc))
    # "ساعت یک ظهر رسید، الان ساعت ۲ و نیمه": the present half past two in the afternoon, after it came
    text = "ساعت یک ظهر رسید، الان ساعت ۲ و نیمه"
    said = [{"entity": "time", "value": "13:00", "start": 0, "end": 11}, {"entity": "time", "value": "02:30", "start": 23, "end": 36}]
    assert moments_said(said, now, text) == (datetime(2026, 12, 1, 13, tzinfo=timezone.utc), True,
                                             datetime(2026, 12, 1, 14, 30, tzinfo=timezone.utc))
    # "received on Sunday, today is Wednesday": the last Sunday; "an hour and a half ago": counted back from now
    said = [{"entity": "weekday", "value": "sunday"}, {"entity": "date", "value": "ago:0"}]
    assert moments_said(said, now) == (datetime(2026, 11, 29, 12, tzinfo=timezone.utc), False, now)
    assert moments_said([{"entity": "time", "value": "minutes_ago:90"}], now) == (
        datetime(2026, 12, 1, 13, 30, tzinfo=timezone.utc), True, now)
    # "پنجشنبه ۱۵ام گرفتم، امروز ۲۰امه": the date says which Thursday, and the day it is now is the customer's 20th
    said = [{"entity": "weekday", "value": "thursday", "start": 0, "end": 8},
            {"entity": "date", "value": "jalali:-15", "start": 9, "end": 13},
            {"entity": "date", "value": "ago:0", "start": 30, "end": 35},
            {"entity": "date", "value": "jalali:-20", "start": 36, "end": 41}]
    assert moments_said(said, now) == (datetime(2026, 11, 6, 12, tzinfo=timezone.utc), False,
                                       datetime(2026, 11, 11, 15, tzinfo=timezone.utc))
    # "it is 9 am now, I got it yesterday at about 6 pm": the hour told as now is the present, though it comes first
    text = "الان ساعت ۹ صبحه، دیروز حدود ۶ عصر تحویل گرفتم. هنوز تو مهلتم؟"
    said = [{"entity": "time", "value": "09:00", "start": 5}, {"entity": "date", "value": "ago:1", "start": 18},
            {"entity": "time", "value": "18:00", "start": 29}]
    assert moments_said(said, now, text) == (datetime(2026, 11, 30, 18, tzinfo=timezone.utc), True,
                                             datetime(2026, 12, 1, 9, tzinfo=timezone.utc))
    # "it came on Thursday, now 4 days have gone by": days gone by after "now" are a moment, not the present's hour
    text = "پنجشنبه بستم رسید ولی شیشه ادکلن ترک داشت. الان ۴ روز گذشته هنوز میشه کاری کرد؟"
    said = [{"entity": "weekday", "value": "thursday", "start": 0},
            {"entity": "time", "value": "minutes_ago:5760", "start": text.index("۴")}]
    assert moments_said(said, now, text) == (datetime(2026, 11, 26, 12, tzinfo=timezone.utc), False, now)
    # "the night before last at 9, not last night; now it is the same 8 pm": "الانم" tells the present too
    text = "ببخشید قاطی کردم، پریشب ساعت ۹ تحویل گرفتم نه دیشب. الانم همون ۸ شبه"
    said = [{"entity": "date", "value": "ago:2", "start": text.index("پریشب")},
            {"entity": "time", "value": "21:00", "start": text.index("ساعت")},
            {"entity": "date", "value": "ago:1", "start": text.index("دیشب.")},
            {"entity": "time", "value": "20:00", "start": text.index("۸")}]
    assert moments_said(said, now, text) == (datetime(2026, 11, 29, 21, tzinfo=timezone.utc), True,
                                             datetime(2026, 12, 1, 20, tzinfo=timezone.utc))



@pytest.mark.parametrize("text, hour, present", [
    ("بسته ساعت ۳ رسید الان ساعت ۶ عصره", 15, 18),   # 3 without a part of the day, before 6 pm: the afternoon's
    ("посылку привезли в 5 часов, сейчас 7 вечера", 17, 19),
    ("ساعت ۵ رسید", 5, 15),                           # now 3 pm: 5 pm has not come yet, so the morning's
    ("ساعت ۵ صبح رسید الان ساعت ۶ عصره", 5, 18),      # the morning said
    ("ساعت ۹ رسید الان ساعت ۶ عصره", 9, 18),          # 9 is the morning's: a parcel at 9 am is common
])
def test_an_early_hour_said_alone_is_the_afternoons_when_that_has_come(text: str, hour: int, present: int) -> None:
    now = datetime(2026, 12, 1, 15, 0, tzinfo=timezone.utc)
    received, timed, told_present = moments_said([entity.as_dict() for entity in extract_entities(text)], now, text)
    assert received is not None and timed and (received.hour, told_present.hour) == (hour, present)


@pytest.mark.parametrize(
    "value, order_id",
    [("1101", None), ("TS-1043", "TS-1043"), ("58120", "58120"), ("09121111101", None)],
)
def test_while_the_phone_is_asked_only_a_number_that_is_no_phone_is_an_order(value: str, order_id: str | None) -> None:
    assert order_id_from([{"entity": "order_id", "value": value}], "phone") == order_id


@pytest.mark.parametrize(
    "text, not_yet",
    [("کارتریج سفارش دادم هنوز نرسیده پشیمون شدم", True), ("их ещё не доставили, можно отказаться?", True),
     ("پرینتر رسید ولی پشیمون شدم", False),
     ("اگه قبل اینکه برسه دستم پشیمون میشدم چی؟", True), ("а если передумаю до того как привезут?", True),
     ("قبل اینکه تحویل پست بدم باید فاکتورو بذارم توش؟", False), ("пока не пришли деньги за возврат", False),
     ("اگه قبل اینکه بسته از انبارتون بیاد بیرون منصرف میشدم چی؟", True), ("а если бы передумал до того как отправят?", True),
     ("سفارشو قبل از ارسال لغو کردم. فرقی میکنه؟", False),  # a cancel told as done, not a case before delivery
     ("заказал ноут еще не пришел передумал можно вернуть?", True), ("не пришёл ещё заказ, можно отказаться?", True),
     ("если я передумал, а клавиатура ещё не доехала, её можно вернуть?", True),
     ("если я закажу и передумаю до того как получу посылку, можно будет вернуть?", True),
     ("курьер пришел, а меня не было дома", False), ("اگه هنوز بهم نرسیده باشه چی؟ یعنی تو راه باشه", True)],
)
def test_not_delivered_yet(text: str, not_yet: bool) -> None:
    assert not_delivered_yet(text) is not_yet


@pytest.mark.parametrize(
    "text, contact",
    [("در ضمن ایمیلتون چیه", True), ("как с вами связаться?", True), ("какая у вас почта для связи?", True),
     ("ایمیل تایید برام نیومده", False), ("телефон указал неверный", False),
     ("چند روز فرصت دارم خبر بدم و به کی؟", True), ("куда писать или звонить чтобы оформить", True),
     ("کجا زنگ بزنم؟", True), ("кому звонить если сломался?", True), ("به کی تحویل میدید؟", False),
     ("با کی میفرستید؟", False), ("باشه، حالا چجوری هماهنگ کنم که بفرستمش؟", True), ("как согласовать возврат?", True),
     ("هماهنگ شد", False), ("на какую почту писать и что указать в письме?", True), ("какая у вас почта?", True),
     ("почта доставляет долго?", False), ("а номер телефона у вас какой?", True),
     ("а написать куда можно, почта есть?", True), ("почта есть у вас?", True),
     ("номер телефона поддержки какой?", True), ("с кем связаться?", True), ("номер телефона нужно указывать?", False)],
)
def test_asking_for_the_stores_contact(text: str, contact: bool) -> None:
    assert asks_for_contact(text) is contact


@pytest.mark.parametrize(
    "text, person",
    [("میخوام با کارشناس صحبت کنم", True), ("позовите оператора", True), ("кто-нибудь живой есть?", True),
     ("اگه بفرستم و کارشناساتون بگن ایراد فنی نداره هزینه پستش با کیه؟", False),  # the experts, not a person now
     ("оператор позвонил и предложил другую модель, а разницу как доплачивать?", False),  # what one of them did
     ("کارشناس زنگ زد گفت مدل دیگه هست، مابه التفاوت رو چطوری بدم؟", False), ("хочу поговорить с оператором", True),
     ("мне позвонил оператор и сказал что цена другая, это нормально?", False),
     ("хочу, чтобы мне позвонил оператор", True), ("позовите оператора", True),
     ("یعنی اگه ساعت ۱۰ صبح زنگ بزنن تا کی وقت دارم جواب بدم؟", False),  # the store's call supposed
     ("а если мне позвонят в 10, до скольки можно ответить?", False),
     ("اگه میشه یه اپراتور بهم زنگ بزنن", True), ("если можно, пусть оператор мне позвонит", True)],  # requests
)
def test_asking_for_a_person(text: str, person: bool) -> None:
    assert asks_for_a_person(text) is person


@pytest.mark.parametrize("amounts, text, total", [
    ([120, 60], "в корзине пылесос за 120 и чайник за 60 лари, сколько доставка?", 180),
    ([2_000_000, 500_000], "یه عطر ۲ میلیونی و یه کرم ۵۰۰ تومنی بخرم ارسالش چقدره؟", 2_500_000),
    ([300, 600], "заказ на 300 или на 600, какая доставка?", None),      # alternatives, not a cart
    ([300, 600], "а если вместо 300 взять за 600?", None),
    ([300], "заказ на 300", None),
])
def test_items_priced_together_are_one_total(amounts: list[float], text: str, total: float | None) -> None:
    assert items_total(amounts, text) == total


@pytest.mark.parametrize("text, asked", [
    ("В выходные заказы обрабатываете?", True), ("если закажу в праздник, когда обработают?", True),
    ("روز تعطیل سفارش بدم کی ارسال میشه؟", True), ("сколько дней доставка в Батуми?", False),
])
def test_days_off_asked(text: str, asked: bool) -> None:
    assert asks_about_days_off(text) is asked


@pytest.mark.parametrize("text, long, much", [
    ("Доставка в посёлок за 18 км от Рустави, заказ 900 лари. Цена и сроки?", True, True),
    ("сколько стоит доставка 300 лари в Батуми плюс сроки", True, True),
    ("Телевизор 700 лари в Кутаиси — доставка бесплатная, и за сколько дней привезут", True, True),
    ("ارسال به شیراز چند روز طول میکشه هزینه‌اش چقدره", True, True),
    ("عطر ۳ میلیونی برای بندرعباس، ارسال فوری میشه؟", True, False),
    ("هزینه ارسال به شیراز چقدره؟", False, True),
    ("کی می‌رسه؟", True, False),
    ("я в Кутаиси, сколько ещё ждать?", True, False), ("долго ещё ждать?", True, False),
    ("من شیرازم، چقدر دیگه میرسه؟", True, False), ("а перед новым годом доставка дольше будет?", True, False),
    ("شب عید ارسال طول میکشه؟", True, False),
    ("сколько стоит доставка в Батуми?", False, True),
    ("и сколько туда везти будете", True, False), ("сколько ехать до Гори?", True, False),  # how long the ride is
    ("сколько стоит везти в Гори?", False, True), ("сколько вы берёте везти в Гори?", False, True),
    ("а ехать сколько будет", True, False),  # the ride asked after its price
    ("یخچال ۱۲۰۰ لاری، باتومی هستم. ارسالش چقدر میشه و چند روزه میرسه؟", True, True),
    ("ارسالش چقدر طول میکشه؟", True, False),
    ("а везти сколько будет за 300 лари?", False, False),  # not how long
    ("как оплатить заказ?", False, False),
    ("ждала очень долго, почему так?", False, False), ("почём доставка в Гори?", False, True),  # not "почему"
    ("скока дней идет", True, False), ("скока будет идти до батуми", True, False),  # "скока": "сколько" typed short
    ("а когда он приедет?", True, False),
    ("а ждать сколько? я в кутаиси", True, False), ("долго ждать?", True, False),  # after a price: how long
    ("کی بدستم میرسه؟ شیرازم", True, False),  # "به دستم" typed joined
])
def test_a_delivery_question_that_also_asks_the_other_half(text: str, long: bool, much: bool) -> None:
    assert (asks_how_long(text), asks_how_much(text)) == (long, much)


@pytest.mark.parametrize(
    "text, rest",
    [
        ("если нет, сколько?", "сколько?"),
        ("а если да, когда привезут", "когда привезут"),
        ("اگه نه، اگه ایرادی داشت چی؟", "اگه ایرادی داشت چی؟"),
        ("нет", None),                      # a plain no
        ("если не трудно, подскажите адрес", None),  # "не" of another word
    ],
)
def test_a_question_on_the_answer_before_is_read_without_its_if_not(text: str, rest: str | None) -> None:
    assert on_the_answer(text) == rest


@pytest.mark.parametrize("text, hour", [
    ("دیروز ظهر بود", 12), ("بعدازظهر میام", 15), ("в полдень закажу", 12), ("после обеда", 15), ("вечером", 18),
    ("امروز", None), ("دیروز عصر آورد، امروز صبح باز کردم", 18),  # the first said: the evening it came
])
def test_a_part_of_the_day_stands_for_its_hour(text: str, hour: int | None) -> None:
    assert day_part(text) == hour


@pytest.mark.parametrize("text, limit", [
    ("حداقل مبلغ برای قسطی چقدره؟", True), ("حداکثر چند قسط میشه؟", True), ("какая минимальная сумма рассрочки?", True),
    ("а максимум на сколько месяцев?", True), ("قسطی هم دارین؟", False), ("сколько стоит доставка?", False),
])
def test_a_question_for_a_minimum_or_a_maximum(text: str, limit: bool) -> None:
    assert asks_a_limit(text) is limit


@pytest.mark.parametrize("text, leans", [
    ("اگه تا اون موقع برنگشت چیکار کنم", True), ("ну а если не вернут?", True), ("و اگر باز کرده باشم؟", True),
    ("اگرچه دیر شد", False), ("когда вернут деньги?", False),
    ("۰۹۱۲ ۴۴۴ ۴۴۰۲ . وقتی رسید اگه جعبه‌ش داغون بود چیکار کنم؟", True),  # the moment it comes, then the case
    ("когда привезут, если коробка мятая, что делать?", True), ("وقتی میخوام پس بدم باید چیکار کنم", False),
    ("09124444402 . راستی اگه موقع تحویل دیدم کارتنش ضربه خورده چیکار کنم؟", True),  # "by the way, if …"
    ("кстати, если коробка мятая?", True), ("راستی کد رهگیری چی شد؟", False),
    ("а если честно он пахнет не так как в магазине. может подделка?", False),  # "to be honest", no case supposed
    ("اگه راستشو بخواین بوش عوض شده", False),
    ("حتی اگه فقط یه بار زده باشم؟", True), ("а даже если пломбу сорвал только чтобы понюхать?", True),  # "even if"
    ("حتی یه بار هم نزدم", False),
])
def test_a_question_opening_with_and_if_leans_on_the_topic(text: str, leans: bool) -> None:
    assert what_if(text) is leans


@pytest.mark.parametrize("text, asks", [
    ("سفارشم کجاست؟", True), ("کی میرسه دستم؟", True), ("سفارش قبلیم کی تحویل شده؟", True),
    ("а когда его доставили?", True), ("когда отправили заказ?", True),
    ("کی جوابگوئه؟", False), ("когда вернут деньги?", False), ("چه مدرکی لازمه؟", False),
])
def test_a_question_where_an_order_is_or_when_it_comes(text: str, asks: bool) -> None:
    assert asks_where_or_when(text) is asks


@pytest.mark.parametrize("text, together", [
    ("а если оба вместе одним заказом", True), ("اگه هر دو رو با هم بگیرم چی؟", True), ("и обе в одном заказе?", True),
    ("а если за 500?", False), ("هزینه ارسال چقدره؟", False), ("با همسرم میام تحویل بگیرم", False),
])
def test_the_items_priced_before_bought_at_once(text: str, together: bool) -> None:
    assert takes_together(text) is together


@pytest.mark.parametrize("text, asks", [
    ("یعنی دیگه هیچ کاری نمیشه کرد؟", True), ("پس الان چیکار کنم؟", True), ("راه دیگه‌ای نیست؟", True),
    ("а что теперь делать?", True), ("то есть ничего нельзя сделать?", True),
    ("کار نمیکنه", False), ("هیچ مشکلی نداره", False), ("что делать с квитанцией?", True),
    ("حتی اگه هزینه پستشو خودم بدم؟؟", True), ("а даже если доставку оплачу сам?", True),  # an offer of one's own
    ("حتی اگه خراب باشه؟", False),  # a fault: its own rule
    ("حتی اگه فاکتور خرید داشته باشم؟", False), ("даже если я постоянный клиент?", False),  # no offer of one's own
])
def test_what_is_left_to_do(text: str, asks: bool) -> None:
    assert asks_what_now(text) is asks


@pytest.mark.parametrize("text, removes", [
    ("اصلا کنسل نکنم، فقط بلندرو از سفارش حذف کنید میشه؟", True), ("فقط ماهیتابه رو میخوام حذف کنم مخلوط کن بمونه", True),
    ("اصلا کل سفارشو لغو نکنم، فقط بلندرو ازش حذف کنین میشه؟", True),
    ("уберите, пожалуйста, чайник из заказа", True), ("можно из заказа убрать одну позицию?", True),
    ("اگه فقط بلندر رو کنسل کنم و ماهیتابه بمونه چی؟ میشه؟", True), ("можно отменить только чайник, а сковородку оставить?", True),
    ("فقط سفارش رو کنسل کنم؟", False),
    ("سفارشمو حذف کنید", False), ("حذف سفارش", False), ("удалите мой заказ пожалуйста", False),
    ("چطور کارت بانکی ثبت شده رو حذف کنم", False),
])
def test_an_item_taken_out_of_the_order(text: str, removes: bool) -> None:
    assert removes_an_item(text) is removes


@pytest.mark.parametrize("text, taken", [
    ("گرفتمش دیگه 😕", True), ("نه دیگه تحویل گرفتم پیک رفت", True), ("уже забрала, курьер уехал", True),
    ("получила уже", True), ("کی تحویل میگیرم؟", False), ("можно не забирать, если коробка мятая?", False),
    ("я уже расписался за посылку", True), ("امضا کردم و گرفتمش", True),  # signed for it
    ("я еще не расписался, что делать?", False), ("هنوز امضا نکردم", False),
])
def test_a_parcel_told_taken_already(text: str, taken: bool) -> None:
    assert says_received(text) is taken


def test_an_order_number_put_right_after_a_mismatch() -> None:
    tried = {"order_id": "CK-3005", "phone": "09193333304"}
    said = "ببخشید 3004 بود"
    assert order_put_right([{"entity": "order_id", "value": "3004"}], tried, said) == "CK-3004"
    assert order_put_right([{"entity": "phone", "value": "3004"}], tried, said) == "CK-3004"
    assert order_put_right([{"entity": "phone", "value": "3004"}], tried, "3004") is None  # alone, asked the phone: its end
    assert order_put_right([{"entity": "phone", "value": "3304"}], tried, "ببخشید 3304") is None  # the phone's end again
    assert order_put_right([{"entity": "order_id", "value": "3994"}], tried, said) is None  # not one digit off
    assert order_put_right([{"entity": "order_id", "value": "58125"}], {"order_id": "58120", "phone": "4567"},
                           "سفارش ۵۸۱۲۵") == "58125"
    assert order_put_right([], tried, said) is None
    assert order_put_right([{"entity": "phone", "value": "3004"}], tried, "نه 3004") == "CK-3004"  # "no", then the number
    assert order_put_right([{"entity": "phone", "value": "3303"}], {"order_id": "CK-3003", "phone": "3330"},
                           "ой, перепутал — 3303") is None  # as long as the phone tried: the phone put right
    assert order_put_right([{"entity": "phone", "value": "5001"}], {"order_id": "SR-5010", "phone": "09121111101"},
                           "ой извините, 5001") == "SR-5001"  # two digits swapped


@pytest.mark.parametrize("text, missing", [
    ("как доставлен?? я ничего не получал", True), ("هنوز به دستم نرسیده", True), ("من چیزی تحویل نگرفتم", True),
    ("سفارشم هنوز نرسیده", True), ("мне не привезли", True), ("نه به من نرسیده!! کی تحویلش گرفته؟", True),
    ("من نگرفتمش", True), ("بهم نرسیده", True),
    ("پول مرجوعی بهم نرسیده", False), ("کد رهگیری بهم نرسیده", False), ("سفارشم کی تحویل گرفته شد؟", False),
    ("پیامک تحویل اومده ولی بسته بهم نرسیده", True), ("کد رهگیری رو زدم نوشته تحویل شده ولی به من نرسیده", True),
    ("تحویل گرفتم", False), ("а если не получу?", False), ("получил вчера", False), ("کی میرسه؟", False),
])
def test_a_parcel_not_received(text: str, missing: bool) -> None:
    assert never_received(text) is missing


@pytest.mark.parametrize("text, why", [
    ("چرا آخه؟ فقط یه پیس زدم", True), ("а почему?", True), ("و چرا؟", True), ("почему нельзя?", True),
    ("پس الان چیکار کنم؟", False), ("خب چرا که نه", False), ("سفارشم چرا نرسیده؟", False),
])
def test_the_reason_of_an_answer_asked(text: str, why: bool) -> None:
    assert asks_why(text) is why


@pytest.mark.parametrize("text, asked", [
    ("заказ отменили а первый платеж уже неделю не вернулся", True), ("سفارشم لغو شد ولی هنوز پولم برنگشته", True),
    ("заказ был отменён, когда вернут деньги?", True), ("سفارشمو کنسل کردن، قسط اولم کی برمیگرده؟", True),
    ("хочу отменить заказ и вернуть деньги", False), ("میخوام سفارشمو لغو کنم پولم کی برمیگرده؟", False),
    ("заказ отменили?", False), ("سفارشم لغو شد؟", False),
    ("а если заказ отменить, то сколько ждать?", True), ("اگه سفارشو کنسل کنم چند روز طول میکشه پولم برگرده؟", True),
    ("можно отменить заказ?", False), ("а если отменить, можно потом заново заказать?", False),  # no wait asked
    ("а если не отменить заказ, сколько ждать доставки?", False), ("а если отменить, сколько времени на отмену?", False),
    ("پرداخت درمحل زده بودم بعد اس ام اس اومد سفارشت لغو شد. مگه شما خودتون میتونین لغو کنین؟", False),  # a way of paying
    # voided by the store: "باطل", "аннулировали"
    ("یه هارد رو سایت خیلی ارزون زده بود سفارش دادم، الان پیام دادن سفارش باطل شده! پولم چی میشه؟", True),
    ("الان میگین سفارش باطله! پولشم دادم", True), ("заказ аннулировали, а деньги?", True), ("سفارشم باطل شد؟", False),
])
def test_the_money_of_an_order_already_cancelled(text: str, asked: bool) -> None:
    assert cancelled_money_back(text) is asked


@pytest.mark.parametrize("text, imagined", [
    ("а если бы получил и передумал, сколько дней на возврат?", True), ("اگه رسیده بود و بازش کرده بودم چی؟", True),
    ("اگه پرینتر اپسونم با کارتن داغون رسید چیکار کنم؟ سفارشم 58122 ـه", True),  # a case on arrival, what to do
    ("если придёт разбитым, что делать?", True),
    ("а если передумаю?", False), ("اگه بازش کنم چی میشه؟", False), ("سفارش داده بودم ولی نیومد", False),
])
def test_a_case_that_did_not_happen(text: str, imagined: bool) -> None:
    assert counterfactual(text) is imagined


@pytest.mark.parametrize("text, asks", [
    ("من شماره شبا تو حسابم ثبت نکردم، اونوقت چی میشه؟", True), ("а если карты нет, что тогда?", True),
    ("и что будет?", True), ("اونوقت میشه؟", False), ("تا کی وقت دارم؟", False),
    ("я уже оформил без коммента что теперь", True), ("ثبت کردم بدون کامنت، حالا چی", True), ("حالا چیکار کنم؟", True),
    ("что теперь с заказом будет, его доставят?", False), ("برام ادو تویلت فرستادین!! الان چی میشه؟", True),
])
def test_what_follows_in_the_case_told(text: str, asks: bool) -> None:
    assert what_then(text) is asks


@pytest.mark.parametrize("text, same", [
    ("مرجوعی هم همینطوره؟ یعنی اگه کالا رو پس بدم", True), ("а при возврате так же?", True), ("а для возврата тоже?", True),
    ("تو تیسا هزینه برگشتو خود فروشگاه میده، اینجا هم همینطوره؟", False),  # this store compared with another
    ("я тоже хочу вернуть", False), ("راستش اون یکی سفارشم همینطوری بود", False),  # told, not asked
    ("اگه مرجوعی باشه چی؟ اونم همینقدر طول میکشه؟", True), ("а при возврате столько же ждать?", True),
    ("چقدر طول میکشه؟", False),
])
def test_the_rule_asked_again_of_another_case(text: str, same: bool) -> None:
    assert asks_if_the_same(text) is same


@pytest.mark.parametrize("text, own", [
    ("хотел узнать где мой заказ", True), ("سفارشم کجاست", True), ("کسی هست پیگیری کنه؟", False),
    ("راستی سفارش قبلیم CK-3003 کی تحویل شده؟", True), ("а мой прошлый заказ где?", True),
    ("предыдущий заказ CT-2002 пришёл?", True), ("قبل از سفارش باید ثبت نام کنم؟", False),
])
def test_a_message_about_the_customers_own_order(text: str, own: bool) -> None:
    assert about_own_order(text) is own


@pytest.mark.parametrize("text, past", [
    ("اگه تا اون موقع برنگشت چیکار کنم", True), ("а если к тому времени деньги не вернут?", True),
    ("اگه ۵ تا پله بود چی؟", False), ("а если не вскрою?", False), ("تا اون موقع صبر میکنم", False),
    ("اگه تا سه روز دیگه برنگشت چیکار کنم؟", True), ("а если через 3 дня деньги не вернутся?", True),
    ("а если не вернут за 72 часа?", True), ("اگه طی ۷ روز خراب شد چی؟", False), ("اگه تا ۷ روز خراب شد چی؟", False),
    ("а если за 3 дня сломается?", False),
    ("اگه بعد ۷۲ ساعت برنگشت باید به کی بگم؟", True), ("а если после 72 часов не вернут?", True),
    ("а если за эти 72 часа так и не вернулись?", True),  # the span pointed back at
    # what was arranged failing once more
    ("و اگه بازم اون موقع خونه نبودم چی میشه؟", True), ("а если и тогда меня не будет дома?", True),
    ("اگه باز هم برنگشت چی؟", True), ("و اگه بازم بخوام عوض کنم؟", False), ("а если опять придет с браком?", False),
    # in time after all is no span passed; not in time is
    ("а если всё-таки в срок, что положить в посылку?", False), ("а если деньги не придут вовремя?", True),
    # a day ahead named, and it not done by then
    ("یعنی دقیقا تا کی صبر کنم؟ اگه پسفردا ظهر نیومد چی", True), ("а если к послезавтра не вернут, что тогда?", True),
    ("если завтра не привезут, что делать?", True), ("а если завтра не будет дома?", False),
    ("اگه فردا زنگ بزنم چی؟", False), ("اگه فردا نرسه میتونم کنسلش کنم؟", False),  # another rule asked
    ("а если завтра не приду за посылкой, что тогда?", False),  # one's own doing
    # a span gone by, and what was awaited not come (not a fault found in it)
    ("а если бы уже 4 дня прошло и денег нет?", True), ("اگه ۴ روز گذشته بود و پول برنگشته بود چی؟", True),
    ("а если 2 дня прошло и они не работают?", False), ("اگه ۲ روز گذشت و کار نکرد چی؟", False),
    ("а если 10 дней прошло и не доставили, можно отменить заказ?", False),  # another rule asked after it
    ("اگه ۷ روز گذشت و سفارش نرسید میتونم لغوش کنم؟", False), ("а если 3 дня прошло и деньги не списались?", False),
])
def test_an_and_if_past_the_span_just_given(text: str, past: bool) -> None:
    assert past_the_span(text) is past


@pytest.mark.parametrize("text, later", [
    ("اگه فرداش صبح دیدم چی", True), ("اگه روز بعدش متوجه شدم چی؟", True),
    ("а если замечу только на следующий день?", True), ("а если наутро увижу царапину?", True),
    ("فرداش صبح دیدم خط داره", False),  # told, not supposed
    ("اگه بعد از باز کردن دیدم یه خط روی بدنشه چی؟", False),  # the same day
])
def test_a_day_later_supposed(text: str, later: bool) -> None:
    assert a_day_later(text) is later


@pytest.mark.parametrize("text, part", [
    ("у меня лимит в снапп пэй 1 млн а духи стоят 1,5 млн. можно часть рассрочкой а остальное картой?", True),
    ("میشه بخشیشو قسطی بدم بقیه‌شو با کارت؟", True), ("۳ میلیون قسطی چقدر میشه؟", False),
    ("часть заказа пришла, где остальное?", True),  # (read only by the instalments' action, where it is a payment)
])
def test_a_sum_paid_in_part(text: str, part: bool) -> None:
    assert pays_in_part(text) is part


@pytest.mark.parametrize("text, rate", [
    ("بیرون شهر هم ارسال دارین؟ کیلومتری چند حساب میکنین", True), ("а за город сколько за километр?", True),
    ("هر کیلومترش چنده؟", True), ("۱۵ کیلومتر بیرون شهرم، چقدر میشه؟", False), ("доставка 20 км сколько?", False),
])
def test_the_rate_per_kilometre_asked(text: str, rate: bool) -> None:
    assert asks_the_rate(text) is rate


@pytest.mark.parametrize("text, even", [
    ("حتی اگه پلمپش باز نشده باشه؟", True), ("а даже если пломба цела?", True), ("اگه پلمپش باز نشده باشه؟", False),
    ("حتی یه بار هم نزدم", False),
])
def test_even_if_asks_whether_the_answer_holds(text: str, even: bool) -> None:
    assert even_if(text) is even


@pytest.mark.parametrize("text, leans", [
    ("بعدش باید خودم ببرمش پست؟", True), ("آخه فقط یه پاف زدم رو مچم", True), ("а если будет меньше?", True),
    ("а потом что?", True), ("ну тогда отменить его можно?", True), ("اونوقت هزینه‌ش با کیه؟", True),
    ("یعنی اگه برعکس بود و گرون میشد هم ازم پول بیشتری نمیگرفتین؟", True), ("то есть если подорожает, доплачивать?", True),
    ("ладно, тогда оставлю. а сколько стоит доставка в Тебриз?", False), ("а сколько дней даётся на возврат?", False),
    ("قسطی هم دارین؟", False), ("заказ ts1046. успеваю ещё?", False),
    ("اون چیزایی که هدیه کنار خرید میفرستین چی؟", True), ("а как насчёт подарков?", True), ("کدوم چیه؟", False),
])
def test_a_message_that_goes_on_from_the_answer_just_given(text: str, leans: bool) -> None:
    assert goes_on(text) is leans


@pytest.mark.parametrize("text, differs", [
    ("اگه روز عادی خریده بودم فرقی میکرد؟", True), ("а если бы заказал в будни, что-то изменилось бы?", True),
    ("اگه خوشم نیومد چند روز وقت دارم پسش بدم؟", False), ("а если бы получил и передумал, сколько дней на возврат?", False),
    ("اگه همینو تو یه روز معمولی خریده بودم چی؟", True), ("а если бы купила в обычный день, что тогда?", True),
    ("اگه نبود چی شد؟", False),
])
def test_a_question_on_what_would_differ_leans_on_the_answer_before(text: str, differs: bool) -> None:
    assert asks_what_differs(text) is differs


@pytest.mark.parametrize("text, asked", [
    ("یک ساعت و نیم پیش تحویل گرفتم. هنوز وقت دارم؟", True), ("دیروز رسید، دیر نشده؟", True),
    ("получил в воскресенье, сегодня среда. успеваю?", True), ("а не поздно ещё сообщить?", True),
    ("چند روز دیگه وقت دارم؟", True), ("خود پرینتر چند روز دیگه فرصت تست داره؟", True),
    ("получил его 5 дней назад, тестовый срок еще идет?", True), ("сколько ещё у меня дней?", True),
    ("جمعه ظهر دیدم ترک داره. هنوز میتونم پیگیری کنم؟", True), ("هنوز قبول میکنین؟", True),
    ("получил позавчера, ещё можно вернуть?", True), ("сколько дней у меня еще осталось?", True),
    ("کی میرسه؟", False), ("сколько дней доставка?", False), ("а ещё можно оплатить картой?", False),
    ("هنوز نرسیده، کی میرسه؟", False), ("هنوز میشه سفارش داد؟", False), ("هنوز میتونم با اسنپ پی بخرم؟", False),
])
def test_whether_a_window_is_still_open_is_asked(text: str, asked: bool) -> None:
    assert asks_if_still_in_time(text) is asked


@pytest.mark.parametrize("text, now", [
    ("الان ساعت ۴ عصره، دیر نشده؟", True), ("сейчас уже 16:00", True), ("الان ۱۰ صبحه", True),
    ("الان 2 روز گذشته هنوز برنگشته", False), ("сейчас уже 3 дня жду", False), ("الان صدا نمیده", False),
])
def test_the_present_time_told(text: str, now: bool) -> None:
    assert says_now(text) is now


@pytest.mark.parametrize("text, acts", [
    ("سلام، پرینتری که خریدم روشن نمیشه میخوام مرجوعی ثبت کنید. رو تنظیماتش رمز گذاشتم باید برش دارم؟", True),
    ("سفارشمو لغو کنین لطفا، پولش کی برمیگرده؟", True),
    ("наушники сломались, оформите возврат. коробку тоже отправлять?", True),
    ("میخوام یه کالا رو مرجوع کنم با تیپاکس بفرستم زودتر میرسه؟", False),  # how to, not "do it"
    ("если выберу оплату при получении, вы можете потом отменить заказ?", False),  # the store's right, a rule
    ("شنیدم اگه پرداخت در محل بزنم ممکنه سفارشمو کنسل کنین، راسته؟", False),  # whether the store may
    ("اگه قیمتو اشتباهی زده باشید و سفارشمو کنسل کنید، پولم کی برمیگرده؟", False),  # what follows if it does
    ("اگه میشه سفارشمو لغو کنید", True),
    ("پرداخت در محل زدم. شما تا کی میتونین سفارشمو کنسل کنین؟", False),  # until when the store may
    ("ладно тогда отменю и закажу заново, отменить то можно?", True),  # the customer's own decision
    ("پس کنسلش میکنم، میشه؟", True),
    ("если я отменю заказ, деньги вернут?", False),  # what follows if they do
    ("امروز پیامک اومده سفارش لغو شده!! مگه میتونین همینجوری کنسل کنین؟", False),  # whether the store may
    ("اس ام اس اومد سفارشت لغو شد. مگه شما خودتون میتونین لغو کنین؟", False),
])
def test_telling_the_store_to_act_is_told_from_asking_how(text: str, acts: bool) -> None:
    assert tells_the_store_to_act(text) is acts


@pytest.mark.parametrize(
    "text, sending",
    [("من مشهدم با پست سفارشی میفرستم، رسید پستو چیکار کنم؟", True), ("отправлю почтой, квитанцию куда?", True),
     ("خودم با پست بفرستمش؟ از مشهد", True), ("کی برام میفرستین؟", False), ("когда отправите заказ?", False),
     ("خودم باید ببرم پست یا چی؟", True), ("сам должен отнести на почту?", True), ("پست کجاست", False),
     ("и как его тогда отправлять?", True), ("вы когда отправляете?", False)],
)
def test_the_customer_sending_something_themselves(text: str, sending: bool) -> None:
    assert sends_it_oneself(text) is sending


@pytest.mark.parametrize("text, asks", [
    ("هزینه ارسالش با کیه؟", True), ("هزینه ارسالش با منه یا شما؟", True), ("доставка за чей счёт?", True),
    ("обратную доставку платить мне или вы оплатите?", True), ("هزینه ارسالش چقدره؟", False),
    ("сколько стоит доставка?", False), ("با من تماس بگیرید", False),
    ("هزینه ارسال برگشتش هم با شماست؟", True), ("доставку обратно вы оплачиваете?", True),  # the store asked if it pays
    ("با شما تماس میگیرم", False),
])
def test_who_pays_is_told_from_how_much(text: str, asks: bool) -> None:
    assert asks_who_pays(text) is asks


@pytest.mark.parametrize("text, asks", [
    ("а без телефона никак? зачем он вам", True), ("شماره سفارش واسه چی؟ با شماره تلفن پیدا نمیشه؟", True),
    ("همون شماره‌ای که پیامک کد سفارش بهش اومد؟", True), ("چرا شماره موبایل لازمه؟", True),
    ("0912 111 1103", False), ("мой номер 09121111103, фен сломался", False), ("номер заказа SR-5001", False),
])
def test_a_question_about_the_number_asked_for(text: str, asks: bool) -> None:
    assert asks_why_asked(text) is asks


@pytest.mark.parametrize("text, asked", [
    ("до какого дня можно сообщить?", True), ("تا کی وقت دارم خبر بدم؟", True), ("تا چه تاریخی میشه پس داد؟", True),
    ("مهلت تستش تا کیه؟", True), ("تا کی هست این مهلت؟", True),
    ("یعنی دقیقا تا ساعت چند وقت دارم؟", True), ("до какого часа можно позвонить?", True),
    ("ساعت چند میرسه؟", False), ("کی میرسه؟", False), ("сколько стоит доставка?", False),
    ("تا کیهان چقدر راهه؟", False),
])
def test_until_when_a_window_runs_is_asked(text: str, asked: bool) -> None:
    assert asks_until_when(text) is asked


@pytest.mark.parametrize("text, asked", [
    ("а доставка бесплатная?", True), ("ارسالش رایگانه؟", True),
    ("доставка бесплатная или сколько стоит?", False), ("هزینه ارسال چقدره؟", False),
    ("а доставка до Рустави у меня была платная? заказ на 350 лари", True), ("ارسالش پولیه؟", True),
])
def test_whether_delivery_is_free_is_told_from_what_it_costs(text: str, asked: bool) -> None:
    assert asks_if_free(text) is asked


@pytest.mark.parametrize("text, asked", [
    ("здравствуйте, по-русски понимаете?", True), ("سلام، فارسی هم جواب میدین؟", True), ("а на русском можно?", True),
    ("как оплатить заказ?", False), ("عطر فرانسوی دارین؟", False),
    # told on the way to another question, not asked
    ("Я живу в Тегеране, по-персидски читаю плохо, поэтому пишу по-русски. Можно как-то выбрать время доставки?", False),
    ("здравствуйте а можно по русски писать у вас тут все на персидском", True), ("пишу по-русски, доставка в Батуми сколько?", False),
    ("Здравствуйте, по-русски можно узнать, сколько стоит доставка в Гори?", False), ("سلام. به فارسی توضیح بدین لطفا", True),
    ("سلام ببخشید فارسی بلدین یا فقط روسی جواب میدین من روسی بلد نیستم", True),
])
def test_the_language_asked_about_is_told(text: str, asked: bool) -> None:
    assert asks_about_language(text) is asked


@pytest.mark.parametrize("text, told", [
    ("سلام سشواری که ازتون گرفتم روشن نمیشه اصلا", True),
    ("ادکلن ورساچه اروس که پریروز برام اومده درش خرابه نشت میکنه", True),
    ("бутылка, которую я купила, протекает", True),
    ("ادکلن ورساچه اروس که سفارش دادم شیشه‌اش شکسته رسید", True),  # ordered, as well as bought
    ("سلام سفارشم رسیده ولی سشوارش ضربه خورده و کار نمیکنه", True),  # one's own order come
    ("мой заказ пришел, а фен не включается", True),
    ("بسته امروز رسید شیشه عطر ترک داره نشتی داره 😡", False),       # no purchase of one's own named: the rule first
    ("здравствуйте купил наушники один не работает что делать", False),  # a question: the rule answers it
    ("سلام لانکومی که تو حراج خریدم هنوز پلمپه ولی دیگه نمیخوامش", True),  # a change of mind, told
    ("پرینتر گرفتم پلمپشم باز نکردم ولی دیگه لازمش ندارم پس میگیرین", False),  # asked: the rule answers it
])
def test_a_fault_of_ones_own_purchase_told_without_a_question(text: str, told: bool) -> None:
    assert tells_own_items_fault(text) is told


@pytest.mark.parametrize("text, asked", [
    ("اسنپ پی ندارم اصلا، چطوری فعالش کنم", True), ("как оформить рассрочку?", True),
    ("یعنی هر قسط چقدر میشه؟", False), ("как долго идёт и сколько стоит?", False),
])
def test_how_something_is_done_is_told_from_a_sum(text: str, asked: bool) -> None:
    assert asks_how_to(text) is asked


@pytest.mark.parametrize("text, asked", [
    ("مرجوعی چطوریه؟", True), ("روال مرجوع کردنش چجوریه", True), ("как вернуть товар?", True),
    ("کیفیتش چطوریه؟", False), ("وضعیت سفارشم چطوریه؟", False),  # what something is like, no how
    ("چند روز برای مرجوعی وقت دارم؟", False), ("حالا مرجوعی چطوریه؟", True), ("مرجوع کردن سفارش چطوریه", True),
])
def test_how_a_return_is_done_is_asked(text: str, asked: bool) -> None:
    assert asks_how_to_return(text) is asked


@pytest.mark.parametrize("text, correcting", [
    ("وای ببخشید قیمتو ریالی دیده بودم، ۱۲ میلیون و ۵۰۰ هزار ریال بوده", True),
    ("ой, я ошиблась: не 12 а 8 км", True),
    ("منظورم زنجان بود نه زاهدان", True),
    ("а если у меня на полтора миллиона?", False),  # another amount asked about, no correction
    ("нет, посмотрел в почте — заказ прошел в 11:10", True), ("نه، ۹۰۰ بود", True),  # a "no" going on to a figure
    ("нет, спасибо", False), ("نه مرسی", False),
    ("نه صبر کن الان شمردم، ۵ تاست", True), ("стоп, их 5", True),  # wait: the figure was another
    ("صبر کنید ببینم", False), ("تا کی باید صبر کنم؟ ۳ روز گذشته", False),  # no figure put right; waiting asked
])
def test_a_correction_of_what_was_said_before(text: str, correcting: bool) -> None:
    assert corrects(text) is correcting


@pytest.mark.parametrize("text, converse", [
    ("برعکسش چی، ارزون شد پولشو پس میدین؟", True), ("а наоборот? если подешевеет?", True), ("و برعکس؟", True),
    ("اگه ارزون شد پولشو پس میدین؟", False), ("наоборот, я доволен", False),
    ("برعکسش چی؟ مثلا شما یه تلویزیونو اشتباهی نصف قیمت زده باشین و من خریده باشم، باید بفرستین دیگه", False),
])
def test_the_other_way_round_of_the_rule_just_said(text: str, converse: bool) -> None:
    assert asks_the_converse(text) is converse


@pytest.mark.parametrize("text, asks", [
    ("ты бот?", True), ("с кем я сейчас общаюсь", True), ("а вы кто?", True), ("تو رباتی؟", True),
    ("با آدم حرف میزنم؟", True), ("دستیار مجازی هستی؟", True), ("это автоматический ответ?", True),
    ("а кто решает, виноваты мы или нет?", False),  # "who" and "or not" about a rule
    ("виноваты мы или нет?", False), ("کی تصمیم میگیره که تقصیر من بوده؟", False),
    ("Есть ли программа лояльности, бонусы?", False), ("ты программа?", True),  # a loyalty programme is no program
])
def test_whether_a_message_asks_what_the_assistant_is(text: str, asks: bool) -> None:
    assert asks_what_the_assistant_is(text) is asks


@pytest.mark.parametrize(
    "texts, sku",
    [
        # both named, the fault told of one in a sentence of its own: that one, though the other's name has more words
        (["پریروز سفارشم رسید، یه سشوار و یه کرم نیوا. سشوار رو امروز زدم به برق اصلا روشن نمیشه. چیکار کنم؟"], "PH-BHD300"),
        (["کرمه رو هم نمیخوام، درشو باز نکردم. اونو چطوری پس بدم؟"], "NV-SOFT200"),  # "the cream", with its ending
        (["یه سشوار و یه کرم خریدم، پس میدم"], None),                                    # both, in one sentence: ask
        # both in one sentence, the fault in a clause that names one: that one
        (["یه سشوار با کرم نیوا پریروز رسید، سشواره کلا روشن نمیشه"], "PH-BHD300"),
    ],
)
def test_the_item_a_story_speaks_of(texts: list[str], sku: str | None) -> None:
    assert returned_item(texts, ORDER_ITEMS, frozenset()) == sku


@pytest.mark.parametrize("text, back", [
    ("یعنی تا پس فردا شب باید برگرده دیگه؟", True), ("то есть до воскресенья вечера?", True),
    ("значит до понедельника, да", True), ("تا پس فردا صبر کنم؟", False), ("یعنی دیگه هیچ کاری نمیشه کرد؟", False),
])
def test_the_end_of_a_span_said_back_is_no_new_start(text: str, back: bool) -> None:
    assert says_the_end_back(text) is back


@pytest.mark.parametrize("text, back", [
    ("کل خریدم دو میلیون و صد بود و ارسالش رایگان شد، این یکی ۶۰۰ تومنه. اگه پسش بدم چی میشه؟", True),
    ("هزینه پست برگشتش با کیه؟", True), ("а если я верну одну помаду?", True),
    ("قراره با پست پیشتاز بفرستم به دفتر گارانتی، این هزینه رو کی میده؟", True),  # sent to the warranty office
    ("ارسال به شیراز چقدره؟", False), ("доставка до Батуми сколько стоит?", False),
])
def test_a_shipping_question_about_sending_back(text: str, back: bool) -> None:
    assert asks_about_sending_back(text) is back


@pytest.mark.parametrize("text, back", [
    ("کل پولشو پس میدین؟", True), ("اگه پسش بدم همه پولمو میگیرم؟", True), ("всю сумму вернут?", True),
    ("а все деньги получу обратно?", True), ("کل پول سفارشو با کارت میدم", False), ("сколько стоит доставка?", False),
    ("همه پولو یکجا میگیرید یا قسطی؟", False),  # the store taking the money, not giving it back
    ("میخوام سفارشمو لغو کنم، پولش چند روزه برمیگرده؟", True),
    ("پولشو با هزینه ارسال پس میدین؟", True),  # the shipping with it
    ("اگه پس میدادم کل پولمو میگرفتم؟", True),  # supposed in the past
])
def test_the_money_back_a_return_brings(text: str, back: bool) -> None:
    assert asks_money_back(text) is back


@pytest.mark.parametrize("text, own", [
    ("سلام عطر ساواجم کی میرسه؟", True), ("گوشیم کی میاد؟", True), ("когда придёт мой фен?", True),
    ("اگه امروز سفارش بدم کی میرسه؟", False), ("الان ثبت کنم کی میرسه", False),  # an order placed now
    ("پولم کی میاد", False), ("когда придут мои деньги", False),  # the money back, a refund's time
])
def test_when_ones_own_item_comes(text: str, own: bool) -> None:
    assert asks_own_item_arrival(text) is own


@pytest.mark.parametrize("text, asks", [
    ("پولم کی برمی‌گرده؟", True), ("کی واریز میشه پولم؟", True), ("Когда вернут деньги?", True),
    ("а деньги когда вернутся", True), ("چند روز طول میکشه؟", True),
    ("مدت گارانتیش چقدره؟", True), ("на сколько гарантия?", True), ("گارانتی چند ماهه؟", True),  # how long it lasts
    ("на сколько месяцев рассрочка?", False), ("срок гарантии истёк, что делать?", False),  # (instalments; a fact)
    ("هزینه ارسال در این مدت چقدره؟", False),
    ("کی جواب میده؟", False), ("когда можно вернуть товар?", False),  # who answers; until when a return may be asked
    ("پول مرجوعیو به کارت کی میریزین؟", False), ("به حساب کی واریز میشه؟", False),  # whose card, not when
    ("а ремонт сколько по времени?", True), ("تعمیرش چقدر زمان میبره؟", True), ("چقد وقت میگیره تا برسه", True),
    ("چقدر وقت دارم؟", False),  # the time left, not how long something takes
])
def test_when_money_comes_back_asks_how_long(text: str, asks: bool) -> None:
    assert asks_duration(text) is asks


@pytest.mark.parametrize("text, asked", [
    ("آدرس شرکتتون کجاست؟", "store"), ("где находится ваш адрес?", "store"), ("адрес магазина какой?", "store"),
    ("ادرس مغازتون کجاس؟ میخام حضوری بیام بخرم", "store"),
    ("مرجوعی رو به کدوم آدرس بفرستم؟ آدرس برای مرجوعی چیه؟", "return"),
    ("на какой адрес для возврата слать?", "return"),
    ("آدرس تحویل رو عوض کنم؟", None), ("какой адрес доставки указать?", None), ("آدرسمو اشتباه زدم", None),
    ("ваш адрес?", "store"), ("آدرس شرکتتونو رو کارتن بنویسم دیگه؟", None),  # asked of the box, not where the store is
    ("ادرستون کجاست؟", "store"), ("куда отправить возврат, какой адрес?", "return"),  # a return named anywhere
    ("какой у вас адрес электронной почты?", None), ("какой адрес в заказе указан?", None),
    ("آدرس شرکت حمل و نقل چیه؟", None), ("آدرس دفتر پست کجاست؟", None),  # a carrier's, the post office's
    ("а в профиле где адрес поменять", None), ("где адрес изменить?", None),  # one's own, where to change it
])
def test_the_stores_address_asked(text: str, asked: str | None) -> None:
    assert store_address_asked(text) == asked


@pytest.mark.parametrize("text, another", [
    ("اوه ببخشید اون سفارش قبلیم بود! منظورم ایرپاده", True), ("ой, перепутал заказ, я про наушники", True),
    ("ببخشید یه سفارش دیگه هم دارم CK-3005", False), ("Ой, а ещё заказ CT-2005", False),  # a second order, politely
    ("ببخشید، ماوس رو هم میخوام پس بدم", False),
])
def test_another_order_or_item_meant(text: str, another: bool) -> None:
    assert meant_another(text) is another


@pytest.mark.parametrize("text, next_one", [
    ("а если в следующий раз закажу, брат может получить?", True), ("دفعه بعد سفارش بدم مامانم تحویل بگیره؟", True),
    ("а может его принять сосед?", False), ("داداشم میتونه تحویلش بگیره؟", False),
])
def test_a_question_of_an_order_still_to_be_placed(text: str, next_one: bool) -> None:
    assert of_a_next_order(text) is next_one


THURSDAY_EVENING = datetime(2026, 12, 3, 18, 0, tzinfo=timezone.utc)


def test_an_hour_alone_supposed_is_the_last_one_done_or_the_next_one_to_do() -> None:
    one_pm = datetime(2026, 12, 7, 13, 0, tzinfo=timezone.utc)  # "گوشیم ساعت ۱ ظهر رسید"
    four_pm = datetime(2026, 12, 7, 16, 0, tzinfo=timezone.utc)  # "الان ساعت ۴ عصره"
    # "اگه ساعت ۲ و نیم گفته بودم چی؟": done, so the last half past two since it came, in the afternoon
    assert hour_supposed("02:30", one_pm, four_pm, part_said=False, done=True) == datetime(2026, 12, 7, 14, 30,
                                                                                           tzinfo=timezone.utc)
    five_pm = datetime(2026, 12, 5, 17, 0, tzinfo=timezone.utc)  # "دیروز ساعت ۵ عصر رسید", asked at 7:45 am
    morning = datetime(2026, 12, 6, 7, 45, tzinfo=timezone.utc)
    # "اگه ساعت ۹ خبر بدم چی؟": still to do, so the next nine o'clock, this morning's
    assert hour_supposed("09:00", five_pm, morning, part_said=False, done=False) == datetime(2026, 12, 6, 9, 0,
                                                                                             tzinfo=timezone.utc)
    assert hour_supposed("20:00", one_pm, four_pm, part_said=True, done=False) == datetime(2026, 12, 7, 20, 0,
                                                                                           tzinfo=timezone.utc)


@pytest.mark.parametrize("text, past", [
    ("اگه بعد ساعت ۱۰ خبر بدم چی میشه", True), ("а если после 10 сообщу?", True), ("اگه بعد از ۳ بگم؟", True),
    ("اگه ساعت ۲ و نیم گفته بودم چی؟", False), ("а если в 14:30 сообщу?", False),
])
def test_past_an_hour_is_not_the_hour(text: str, past: bool) -> None:
    assert past_an_hour(text) is past


@pytest.mark.parametrize("text, price", [
    ("طبقه دوم پول اضافه میگیرین؟ چقدر؟", True), ("هزینه‌ش چقدره؟", True), ("за подъём доплачивать надо?", True),
    ("сколько это стоит?", True), ("طبقه دوم حساب میشه؟", False), ("сколько дней доставка?", False),
    ("پولم بیشتر از ۷۲ ساعته برنگشته", False), ("هزینه ارسال چند روزه برمیگرده؟", False), ("دو بار پول اضافه ازم کم شده", False),
    ("а какой именно штраф после пятого числа?", True), ("و اگه روز دهم بدم چقدر جریمه میشه؟", True),  # a fine's size
    ("اگه قسطو ۱۰ روز دیرتر بدم جریمش چقدره؟", True), ("فوریش چقدر گرونتره؟", True), ("насколько дороже срочная?", True),
    ("اگه دیر بدم جریمه داره؟", False), ("будет штраф?", False),  # whether, not how much
])
def test_a_price_asked(text: str, price: bool) -> None:
    assert asks_a_price(text) is price


@pytest.mark.parametrize("text, grand", [
    ("а сколько это в итоге?", True), ("и сколько всего с доставкой?", True), ("با ارسالش جمعا چقدر میشه؟", True),
    ("کلا چقدر میشه؟", True), ("а в итоге бесплатно?", False), ("доставка сколько?", False),
    ("а сколько всего дней ехать?", False), ("с доставкой сколько дней?", False), ("با پیک چقدر طول میکشه؟", False),
])
def test_the_order_with_its_delivery_asked(text: str, grand: bool) -> None:
    assert asks_grand_total(text) is grand


@pytest.mark.parametrize("said_day, clock, hour, supposed", [
    ("weekday:saturday", None, 9, datetime(2026, 12, 5, 9, 0, tzinfo=timezone.utc)),   # "تا شنبه صبح"
    ("weekday:friday", "17:00", None, datetime(2026, 12, 4, 17, 0, tzinfo=timezone.utc)),
    ("weekday:thursday", None, None, datetime(2026, 12, 10, 12, 0, tzinfo=timezone.utc)),  # the next Thursday
    ("weekday:thursday", "20:00", None, datetime(2026, 12, 3, 20, 0, tzinfo=timezone.utc)),  # later that evening
    ("ago:0", None, None, None), (None, "10:00", None, None),                          # no day after the delivery
])
def test_the_moment_a_what_if_supposes(said_day: str | None, clock: str | None, hour: int | None,
                                       supposed: datetime | None) -> None:
    assert supposed_moment(said_day, clock, THURSDAY_EVENING, hour) == supposed


def test_a_weekday_of_the_week_after_is_a_week_later() -> None:
    saturday = datetime(2026, 12, 5, 9, 0, tzinfo=timezone.utc)  # "بسته‌م شنبه صبح رسید"
    assert next_week("اگه تا دوشنبه هفته بعد دست دست میکردم چی؟") and next_week("а если в понедельник на следующей неделе?")
    assert not next_week("اگه تا دوشنبه صبر کنم چی؟")
    assert supposed_moment("weekday:monday", None, saturday, None, week_after=True) == datetime(
        2026, 12, 14, 12, 0, tzinfo=timezone.utc)  # not the Monday two days on
    assert supposed_moment("weekday:monday", None, saturday, None) == datetime(2026, 12, 7, 12, 0, tzinfo=timezone.utc)


@pytest.mark.parametrize("text, forgot", [
    ("а если я уже оформил и забыл это написать?", True), ("اگه یادم رفت بنویسم چی؟", True),
    ("اگه فراموش کردم کامنت بذارم چی میشه؟", True), ("я забыл пароль", False),   # no what-if
])
def test_a_what_if_of_the_step_left_undone(text: str, forgot: bool) -> None:
    assert forgot_the_step(text) is forgot


@pytest.mark.parametrize("text, now", [
    ("اگه الان لغوش کنم میشه؟ دیگه نمیخوامش", True), ("если сейчас отменю, можно?", True),
    ("اگه بعد از ارسال پشیمون بشم میتونم لغو کنم؟", False), ("а если его уже отправят?", False),
])
def test_a_what_if_of_doing_it_now(text: str, now: bool) -> None:
    assert done_now(text) is now
    assert already_ordered(text) is ("оформил" in text)


def test_a_what_if_after_a_delivery_told_without_its_hour_supposes_a_later_day() -> None:
    saturday = datetime(2026, 12, 5, 12, 0, tzinfo=timezone.utc)  # "got it on Saturday": the day's noon
    assert supposed_moment("weekday:saturday", None, saturday, 18, timed=False) == datetime(2026, 12, 12, 18, 0,
                                                                                           tzinfo=timezone.utc)


@pytest.mark.parametrize("text, another", [
    ("پولشو به کارت شوهرم بریزین میشه؟", True), ("پول برگشتی رو به کارت داداشم واریز کنین", True),
    ("верните деньги на карту жены", True), ("возврат можно на карту брата?", True),
    ("پولو به کارت دیگه ای برگردونید میشه؟", True),
    ("کارت به کارت کردم به حسابتون", False), ("میشه با کارت همسرم پرداخت کنم؟", False),   # paying, not the refund
    ("можно оплатить картой мужа?", False),
    ("کارت به کارت دیگه واریز کردم، کی تایید میشه؟", False), ("حساب زنگ زد پول واریز شد", False),  # not "زن"
    ("پول رو به کارت زنم بریزین", True),
    ("а можно на карту жены перевести? 6037 **** **** 1234", True),  # the card before the word of sending
])
def test_the_money_back_asked_onto_another_card(text: str, another: bool) -> None:
    assert refund_to_another(text) is another


@pytest.mark.parametrize("text, asked", [
    ("این ۱۰ میلیون به ریال دقیقا چقد میشه؟ قیمتا تو سایت ریالیه", True), ("۱۰۰ میلیون ریال چند تومنه؟", True),
    ("10 млн томан это сколько в риалах?", True), ("12 млн риалов это сколько томан?", True),
    ("ارسال برای خرید ۵۰ میلیون ریالی چند تومنه؟", False),   # a shipping price, asked of an amount in rial
    ("چند تومن میشه؟", False), ("قیمتا ریالیه یا تومنی؟", False),
    ("хочу купить ноутбук за 450 миллионов риалов, при получении какие-то документы нужны?", False),  # "…в риалов"
    ("پول ۵۰ میلیون ریالی به تومن کی برمیگرده؟", False), ("12 млн риалов в томанах когда вернут?", False),  # a time
])
def test_an_amount_asked_in_the_other_unit_of_irans_money(text: str, asked: bool) -> None:
    assert asks_in_the_other_unit(text) is asked


@pytest.mark.parametrize("text, done", [
    ("میخوام مرجوعش کنم", True),
    # how to file it oneself asks to know, not to have it done
    ("хочу вернуть его как это сделать", False),
    ("سلام یه سشوار خریدم میخوام مرجوعش کنم، درخواستشو از کجا ثبت کنم؟", False), ("хочу вернуть фен, как мне это оформить?", False),
])
def test_a_want_with_how_to_file_it_oneself(text: str, done: bool) -> None:
    assert wants_something_done(text) is done


@pytest.mark.parametrize("text, adds", [
    ("یه کتری ۸۵ لاری هم بخرم، ارسالش چقدر میشه؟", True),
    ("یه کتری ۸۵ لاری هم جدا بخرم، ارسال اون چقدر میشه؟", False),  # bought separately: an order of its own
    ("اگه ۲۵۰ هزار تومن دیگه بذارم تو سبد چی؟", True), ("دیگه نمیخوامش", False),  # an amount more, in the basket
    ("خریدم ۲ میلیون تومنه دیگه، چرا هزینه ارسال گرفتین؟", False),  # "after all", no amount more
    ("а если докину фильтр за 15 лари?", True), ("доложу ещё чехол за 20", True),
])
def test_an_amount_bought_separately_is_not_added(text: str, adds: bool) -> None:
    assert adds_to_order(text) is adds


@pytest.mark.parametrize("text, supposes", [
    ("ок а если номер есть, но сломалась на 8-й день?", True), ("باشه اگه دیر خبر بدم چی؟", True),
    ("ок, спасибо", False),
])
def test_a_what_if_after_an_ok(text: str, supposes: bool) -> None:
    assert what_if(text) is supposes


@pytest.mark.parametrize("text, back", [
    ("اگه ادکلن ۴۰۰ تومنیشو که پلمپه پس بدم چی میشه؟", True), ("хочу вернуть фен", True),
    ("اگه با پیک بفرستید چی میشه؟", False),
    ("а крем из того же заказа я уже открыла, его тоже примут?", True), ("اونم پس میگیرین؟", True),
    ("оплату картой примут?", False), ("پولمو کی پس میگیرم؟", False),  # one's money back, not an item
    ("И можете завернуть в подарочную упаковку", False),  # wrapping, not "вернуть"
    ("حالا که برمیگردونم چی میشه؟", True), ("فردا برمیگردم خونه", False),
    ("یه رژ ۶۰ تومنی میذارم بالای ۲ میلیون بشه، بعدا رژو پس میدم", True), ("потом верну его", True), ("когда вернуться деньги?", False),
])
def test_giving_an_item_back_in_so_many_words(text: str, back: bool) -> None:
    assert names_a_return(text) is back


@pytest.mark.parametrize("text, express", [
    ("نمیشه فوری بفرستین که ۲۴ ساعته برسه؟", True), ("а срочной доставкой можно?", True), ("اکسپرس دارید؟", True),
    ("срочно скажите, когда придёт заказ", False), ("فوری بگید کی میرسه", False),  # urgently, not the express
    ("یه عطرم برا خواهرم میخوام بفرستم بندرعباس، فوری میشه؟", True),
])
def test_the_fast_way_of_shipping_asked(text: str, express: bool) -> None:
    assert asks_express(text) is express


@pytest.mark.parametrize("text, cancel, money", [
    ("اگه یه سفارش موفق رو خودم لغو کنم اونم همون ۷۲ ساعته برمیگرده؟", True, True),
    ("если отменю заказ, деньги когда придут?", True, True), ("کنسلش کنم پولش کی واریز میشه؟", True, True),
    ("میشه سفارشمو لغو کنم؟", True, False),  # the cancel itself, asked
    ("پولم کی برمیگرده؟", False, False), ("хочу вернуть фен", False, False),
    # an item given back, a payment made, no cancel at all
    ("Хочу отменить заказ или вернуть товар после получения — как лучше?", True, False),
    ("اگه کارت به کارت واریز کردم بازم میشه سفارشو لغو کنم؟", True, False),
    ("سفارشو لغو نمی‌کنم، فقط میخوام یکیشو برگردونم", False, False), ("отменять не буду, когда вернут разницу?", False, False),
    ("отменный сервис", False, False),
    ("با اسنپ پی قسطی خریده بودم. اگه لغو بشه قسط اولی که دادم چی میشه؟", True, True),  # the instalment paid
    ("если отменю, что будет с первым платежом?", True, True), ("اگه لغو کنم قسطای بعدی چی میشه؟", True, False),
])
def test_the_money_back_after_a_cancel(text: str, cancel: bool, money: bool) -> None:
    assert (names_a_cancel(text), money_after_cancel(text)) == (cancel, money)


@pytest.mark.parametrize("text, total", [
    ("کل خریدم دو میلیون و صد بود، این یکی ۶۰۰ تومنه", True), ("دو تا عطر خریدم جمعا ۲ میلیون و ۳۰۰", True),
    ("заказ был на 2 млн 300 тысяч, эти духи стоят 600 тысяч", True),
    ("یه رژ ۴۰۰ تومنی و یه ادکلن ۳ میلیونی خریدم، اگه رژ رو پس بدم چی میشه؟", False),  # two prices side by side
])
def test_an_amount_marked_as_the_whole_orders(text: str, total: bool) -> None:
    assert names_a_total(text) is total


@pytest.mark.parametrize("text, change", [
    ("заказ уже оформлен, CT-2002, 599125502. можно теперь вписать брата?", True),
    ("سفارشمو ثبت کردم، میشه الان آدرسشو عوض کنم؟", True),
    ("можно вписать брата получателем?", False),  # no order placed yet
    ("заказ уже оформлен, когда привезут?", False),  # no change asked
])
def test_a_change_asked_of_an_order_already_placed(text: str, change: bool) -> None:
    assert changes_a_placed_order(text) is change


@pytest.mark.parametrize("text, card", [
    ("اگه یه جوری قبول کردن، پولش به کارت خودم برمیگرده دیگه؟", True), ("деньги вернут на какую карту?", True),
    ("پولشو به کارت شوهرم بریزین میشه؟", True), ("а можно на карту а не на шебу? шебы в профиле нет", True),
    ("اگه ایراد فنی داشت و پس دادم، پولش به کدوم کارت واریز میشه؟", True),  # which card
    ("با کارت پرداخت کنم؟", False), ("پول رو کارت به کارت کردم", False),  # paying, not the money back
])
def test_where_the_money_back_goes(text: str, card: bool) -> None:
    assert money_back_to_a_card(text) is card


@pytest.mark.parametrize("text, shipping", [
    ("ارسال به شیراز چند روز طول میکشه؟", True), ("сколько дней доставка в Батуми?", True),
    ("پس از لغو سفارش یا تأیید مرجوعی، مبلغ سفارش طی ۲۴ تا ۷۲ ساعت کاری واریز خواهد شد.", False),  # money, not a parcel
])
def test_a_question_or_rule_that_names_shipping(text: str, shipping: bool) -> None:
    assert names_shipping(text) is shipping


@pytest.mark.parametrize("text, days", [
    ("اگه فردا ظهر زنگ بزنم دیر نیست؟", 1), ("اگه پس‌فردا خبر بدم چی؟", 2), ("اگه پسفردا بگم؟", 2),
    ("а если завтра позвоню?", 1), ("а послезавтра не поздно?", 2), ("دیروز رسید", None),
])
def test_a_day_named_ahead_of_today(text: str, days: int | None) -> None:
    assert days_ahead(text) == days


@pytest.mark.parametrize("text, hour", [
    ("نه اشتباه گفتم دیروز صبح تحویل گرفتم الان عصره", 9),  # the morning it came, not the evening it is now
    ("الان ساعت ۴ عصره", None), ("вчера вечером получила", 18),
    ("دیروز رسید، امروز صبح بازش کردم دیدم بدنه‌ش ترک داره", None),  # the morning it was opened, not when it came
])
def test_the_part_of_the_day_a_moment_is_told_at(text: str, hour: int | None) -> None:
    assert part_of_day_told(text) == hour


@pytest.mark.parametrize("text, person", [
    ("اگه فردا ظهر زنگ بزنم دیر نیست؟", False), ("а если завтра позвоню, не поздно?", False),  # one's own call supposed
    ("میخوام با یه کارشناس صحبت کنم، اگه فردا زنگ بزنم کسی جواب میده؟", True), ("позовите оператора", True),
])
def test_a_call_supposed_is_no_wish_for_a_person(text: str, person: bool) -> None:
    assert asks_for_a_person(text) is person


@pytest.mark.parametrize("text, arrival", [
    ("نه ببخشید اشتباه گفتم امروز صبح رسید نه دیروز", True), ("ой, привезли вчера, а не сегодня", True),
    ("ببخشید دیروز ساعت ۵ عصر زنگ زدم پشتیبانی کسی جواب نداد", False),  # a call, not the delivery
])
def test_a_message_that_tells_when_the_item_came(text: str, arrival: bool) -> None:
    assert tells_arrival(text) is arrival


@pytest.mark.parametrize("text, items, sku", [
    ("ورساچه رو میخوام پس بدم", [("VE", "Versace Eros Eau de Toilette 100 ml"), ("LP", "La Roche-Posay gel")], "VE"),
    ("эпсон не печатает", [("EP", "Epson EcoTank L3250 printer"), ("PA", "A4 copy paper")], "EP"),
    ("شیائومی شارژ نمیشه", [("XI", "Xiaomi Redmi Note 13"), ("AN", "Anker 312 charger 20 W")], "XI"),
])
def test_a_brand_named_in_the_customers_letters_names_its_item(text: str, items: list[tuple[str, str]], sku: str) -> None:
    assert item_mentioned(text, items) == sku


@pytest.mark.parametrize("text, where", [
    ("هنوز کد رهگیری برام پیامک نشده. سفارشم کجاست؟", True), ("где мой заказ?", True),
    ("سفارشم کی میرسه؟", False),  # when, which a rule on delivery times may answer
    ("کد رهگیری برام نیومده هنوز، سفارشم ارسال شده یا نه؟", True), ("мой заказ уже отправили?", True),  # whether sent
    ("اگه ارسال شده باشه میشه لغو کرد؟", False), ("Можно отменить заказ, если его уже отправили?", False),
    ("سلام سفارشم به كجا رسيد؟ شماره فاكتور TS-1041", True), ("سفارشم در چه مرحله‌ایه؟", True),  # how far it got
    ("на каком этапе мой заказ?", True), ("اگه بسته به مقصد رسید چی؟", False),
])
def test_where_the_order_is_asked(text: str, where: bool) -> None:
    assert asks_where_it_is(text) is where


@pytest.mark.parametrize("text, open_", [
    ("а что проверить когда принесут?", True), ("چطوری بفرستم؟", True), ("Сколько дней на возврат?", True),
    ("اگه جعبه له شده بود چیکار کنم؟", True), ("هزینش چیه؟", True),
    ("можно отказаться если коробка мятая?", False), ("میشه پس بدم؟", False), ("اگه باز کنم چی؟", False),
    ("что если не понравится?", False), ("باید کارت ملی نشون بدم؟", False),
    # words that join or quantify, and whether asked another way
    ("Я правильно понимаю, что возврат бесплатный?", False), ("Кто-нибудь позвонит перед доставкой?", False),
    ("چند روز پیش خریدم، قابل مرجوعه؟", False), ("هر چی خریدم رو پس میگیرید؟", False),
    ("а что, если не понравится?", False), ("а если вскрою, то что?", False), ("اگه پلمپ باشه چی، پس میگیرید؟", False),
    ("Есть рассрочка? Какие шаги?", False),  # of two questions, one of whether
    ("если коробка помятая, что мне делать?", True), ("اگه جعبه له شده بود چی کار کنم؟", True),
    ("اگه پرینتر اپسونم با کارتن داغون رسید چیکار کنم؟ سفارشم 58122 ـه", True),  # the number told after asks nothing
    ("Какие способы оплаты есть?", True), ("کدوم روش‌های پرداخت رو دارید؟", True),
    ("мне сказали, что можно вернуть?", False),  # "что" after being told: joins, asks nothing
])
def test_a_question_of_what_or_how_not_of_whether(text: str, open_: bool) -> None:
    assert asks_open(text) is open_



@pytest.mark.parametrize("text, tracking", [
    ("и как я узнаю трек номер?", True), ("کد رهگیری کی میاد؟", True), ("کدو که گرفتم کجا بزنم؟", True),
    ("трек номер CTD-2002-5821", False),  # given, not asked
    ("вот трек CTD-2002-5821, когда привезут?", False), ("کد رهگیری 123456789 هست، کی میرسه؟", False),
    ("کد رهگیری سفارش ۵۸۱۲۲ کی میاد؟", True),  # the order's number, not a code given
    ("کد تخفیف دارید؟", False), ("کدشو نمیدونم، سفارشم کجاست؟", False),  # where the order is, its code unknown
])
def test_a_question_on_the_tracking_code(text: str, tracking: bool) -> None:
    assert asks_about_tracking(text) is tracking


@pytest.mark.parametrize("text, check", [
    ("и что проверить когда привезут?", True), ("на что смотреть при получении?", True),
    ("بسته رو که میارن چیا رو باید چک کنم؟", True), ("موقع تحویل چی رو باید بررسی کنم؟", True),
    ("когда привезут?", False), ("چک کارت به کارت رو کی انجام میدید؟", False),
    ("что мне нужно проверить, чтобы узнать статус заказа?", False),  # no parcel coming: another matter
    ("на что смотреть, когда придёт заказ?", True), ("وقتی اومد چیا رو باید چک کنم؟", True),
    ("хочу вернуть наушники, что мне нужно проверить перед отправкой?", False),
    ("چی رو باید چک کنم که بفهمم سفارشم ارسال شده؟", False),
])
def test_what_to_look_at_when_the_parcel_comes(text: str, check: bool) -> None:
    assert asks_what_to_check(text) is check


@pytest.mark.parametrize("text, misuse", [
    ("خودم تنظیماتشو برخلاف دفترچه دستکاری کردم الان چاپ نمیکنه", True), ("сам неправильно установил", True),
    ("использовал не по инструкции", True), ("پرینتر کاغذ گیر میکنه", False), ("сам принтер не включается", False),
    ("خودم هیچ کار اشتباهی نکردم و تنظیماتشو دست نزدم", False), ("я сам ничего неправильно не делал", False),  # denied
    ("ваш мастер сам неправильно установил принтер", False), ("телефон сам сломался", False),  # another's, its own
    ("خودم دیدم صفحه‌اش خرابه", False), ("курьер собрал не по инструкции", False), ("خودم موقع نصب خرابش کردم", True),
    ("خودم نصب کردم درایور اشتباه ریختم دیگه کار نمیکنه", True),
    ("اگه خودم نصبشو اشتباه انجام بدم و خراب شه چی؟", True),  # supposed
])
def test_a_fault_of_the_customers_own_making(text: str, misuse: bool) -> None:
    assert tells_misuse(text) is misuse


@pytest.mark.parametrize("text, city", [
    ("Мы живём в Мцхете. Доставка бесплатная? Муж уверен, что бесплатно возят только в Тбилиси", "mtskheta"),
    ("من شیرازم ولی خواهرم تهرانه، بفرستین تهران چقدر میشه؟", "tehran"),  # where it goes
    ("доставка из Тбилиси в Батуми", "batumi"), ("نه تهران نه، اصفهان", "isfahan"),  # said with "to"; put right
    ("Батуми", "batumi"), ("сколько стоит доставка?", None),
    ("Доставьте в Батуми, я сейчас в Тбилиси на работе", "batumi"), ("بفرستین شیراز، من الان تهرانم", "shiraz"),
    ("в Кутаиси из Тбилиси сколько дней?", "kutaisi"), ("مشهد از تهران چند روزه میرسه؟", "mashhad"),
    ("من از تهران سفارش میدم برای شیراز", "shiraz"),
])
def test_the_city_a_message_is_about(text: str, city: str | None) -> None:
    found = [{"entity": e.entity, "value": e.value, "start": e.start} for e in extract_entities(text)]
    assert city_from(found, text) == city


def test_an_item_told_to_be_fine_is_not_the_one_returned() -> None:
    items = [("APP2", "Apple AirPods Pro (2nd generation) earphones"), ("CH", "Anker 312 charger 20 W charger")]
    told = "заказ CK-3003, телефон 09193333303. зарядка из комплекта вообще не заряжает, airpods нормальные"
    assert returned_item([told], items, frozenset()) == "CH"
    assert returned_item(["airpods и зарядка пришли"], items, frozenset()) is None  # both named, neither told of


@pytest.mark.parametrize("text, collected", [
    ("کی میان ببرنش", True), ("پیک کی میاد ببره", True), ("когда заберут?", True), ("курьер когда заберёт?", True),
    ("а деньги когда вернут?", False), ("کی میرسه دستم؟", False), ("پیک کی میاد تحویل بده؟", False), ("کی می‌آن ببرنش؟", True),
])
def test_when_the_item_is_collected_for_its_return_is_asked(text: str, collected: bool) -> None:
    assert asks_when_collected(text) is collected


@pytest.mark.parametrize("text, costs", [
    ("доставка в батуми скока", True), ("сколько стоит доставка в Гори?", True), ("هزینه ارسال به شیراز؟", True),
    ("В Тбилиси доставка 2-3 дня, а в Батуми сколько?", False), ("бесплатная доставка во сколько приедет?", False),
    ("цена и время доставки в Кутаиси", False),  # the time asked too
    ("скока доставка в батуми?", True), ("и через сколько привезут", False), ("и сколько он потом будет ехать до Тебриза?", False),
])
def test_a_price_asked_in_so_many_words(text: str, costs: bool) -> None:
    assert asks_what_it_costs(text) is costs


@pytest.mark.parametrize("text, own", [
    ("где мой принтер?", True), ("پرینترم کجاست؟", True), ("میخوام مرجوع کنم پرینترم کجا ببرم؟", False),
    ("хочу вернуть товар, где мой чек найти?", False), ("کد تخفیفم کجاست", False),
])
def test_ones_own_purchase_asked_where_it_is(text: str, own: bool) -> None:
    assert about_own_order(text) is own


@pytest.mark.parametrize("text, found", [
    ("یه ماوس ۸۰۰ هزار تومنی گرفتم. پست برگشتش ۹۰ تومن میشه، چقد برمیگرده؟", (800_000, 90_000)),
    ("купил мышку за 800 тысяч, пересылка обратно обойдётся в 90 тысяч, сколько вернут?", (800_000, 90_000)),
    ("یه ماوس ۸۰۰ هزار تومنی و یه کیبورد ۹۰۰ هزار تومنی گرفتم", None),  # two prices, no cost
    ("پست برگشتش ۹۰۰ هزار میشه برای یه ماوس ۸۰۰ هزاری", None),  # a cost above the price is no deduction
    ("سفارش ۸۰۰ هزار تومنی رو لغو کردم، هزینه ارسالش ۹۰ هزار تومن بود، پولم کی برمیگرده؟", None),  # delivery paid
])
def test_a_price_and_the_cost_of_sending_it_back(text: str, found: tuple[float, float] | None) -> None:
    amounts = [(entity.start, float(entity.value)) for entity in extract_entities(text) if entity.entity == "amount"]
    assert price_and_cost(text, amounts) == found


@pytest.mark.parametrize("text, weekend", [
    ("اگه آخر هفته سفارش بدم چی؟", True), ("а если закажу в выходные?", True), ("на выходных привезёте?", True),
    ("شنبه سفارش بدم کی میرسه؟", False), ("выходной у вас когда?", False),
])
def test_ordering_at_the_weekend_is_told_apart_from_a_named_day(text: str, weekend: bool) -> None:
    assert says_weekend(text) is weekend


@pytest.mark.parametrize("text, starts", [
    ("این ۷ روز از روز خرید حساب میشه؟", True), ("از وقتی که کالا رو تحویل مامورتون میدم حساب میشه یا از وقتی تایید شد؟", True),
    ("یعنی حداکثر چند ساعت کاری؟", True), ("эти 7 дней считаются с какого момента?", True),
    ("طبقه چندم حساب میشه؟", False), ("۱۰ تا پله از طبقه اول حساب میشه؟", False), ("это какой этаж считается", False),
    ("اگه از روز خرید حساب بشه چی؟", False),  # a case supposed, not the span asked about
])
def test_from_when_a_span_counts_is_asked(text: str, starts: bool) -> None:
    assert asks_when_the_span_starts(text) is starts


@pytest.mark.parametrize("text, only", [
    ("и что надо сделать", True), ("حالا باید چیکار کنم؟", True), ("خب چیکار کنم", True), ("что делать?", True),
    ("что делать с возвратом?", False), ("اگه جعبه له شده بود چیکار کنم؟", False),
])
def test_what_to_do_asked_alone(text: str, only: bool) -> None:
    assert asks_what_to_do(text) is only


@pytest.mark.parametrize("text, absent", [
    ("талона в коробке нет", True), ("а чека нет", True), ("нет", False), ("нет, спасибо", False), ("не, талона нет", False),
])
def test_a_thing_told_missing_is_no_plain_no(text: str, absent: bool) -> None:
    assert tells_absence(text) is absent


@pytest.mark.parametrize("text, allowed", [
    ("اصلا به چه حقی سفارشمو باطل کردین؟", True), ("по какому праву отменили заказ?", True),
    ("оформил в субботу, никто не позвонил, это нормально?", True), ("سفارشمو باطل کنید", False),
])
def test_whether_the_store_may_is_asked(text: str, allowed: bool) -> None:
    assert asks_if_allowed(text) is allowed


def test_the_item_another_came_with_is_not_the_one_told_of() -> None:
    items = [("APP2", "Apple AirPods Pro (2nd generation) headphones"), ("CH", "Anker 312 charger 20 W accessory")]
    told = "پریروز ایرپاد پرو ۲ با یه شارژر ازتون گرفتم. از دیروز گوشی چپش خش خش میکنه"
    assert returned_item([told], items, frozenset()) == "APP2"


@pytest.mark.parametrize("text, received", [
    ("سایت زده سفارشم تحویل شده ولی من هیچی نگرفتم!", True), ("من چیزی نگرفتم", True), ("بسته رو گرفتم", False),
])
def test_nothing_received_told_in_other_words(text: str, received: bool) -> None:
    assert never_received(text) is received


@pytest.mark.parametrize("text, reason", [
    ("سلام به جای سشوار برام اتو مو فرستادین", "wrong_item"), ("вместо фена прислали утюжок", "wrong_item"),
    ("به جای پیک با پست فرستادن", None), ("میشه به جای این یکی اون یکی رو بفرستید؟", None),
    ("و اگه به جای هارد دستگاه کپی بود، رسیده بود ولی پلمپش سالم بود؟", None),  # another item supposed
])
def test_one_thing_sent_in_the_place_of_another_is_a_wrong_item(text: str, reason: str | None) -> None:
    assert reason_from(None, text) == reason


@pytest.mark.parametrize("text, rules", [
    ("оформил заказ в субботу до сих пор никто не позвонил это нормально?", True),  # how it goes, a rule
    ("سفارشم هنوز نرسیده، مگه میشه؟", False),  # one's own order missing: its look-up
])
def test_whether_it_is_normal_is_a_rule_unless_of_ones_own_order(text: str, rules: bool) -> None:
    assert rules_question("order_status", text) is rules


@pytest.mark.parametrize("text, other", [
    ("واسه شهرای ديگه فوري چقدر طول ميكشه؟", True), ("а в другие города сколько?", True),
    ("در شهر ما فوری دارین؟", False), ("а в Кутаиси?", False),
])
def test_the_other_cities_are_not_the_one_said_before(text: str, other: bool) -> None:
    assert names_other_cities(text) is other


@pytest.mark.parametrize("text, yes", [
    ("آره لطفا", True), ("да, соедините", True), ("اوکی مرسی", True),
    ("ده تا پله داریم", False),  # a fact read as a yes after the offer of a person
    ("лифта нет", False), ("نمیخوام وصل بشم", False), ("не хочу, спасибо", False),  # a no
])
def test_a_yes_in_so_many_words(text: str, yes: bool) -> None:
    assert says_yes(text) is yes


@pytest.mark.parametrize("text, farewell", [
    ("خداحافظ", True), ("مرسی خدافظ", True), ("спасибо, пока", True),
    ("شبا ندارم", False),  # a fact read as a farewell, after the refund to one's Sheba number
    ("деньги пока не пришли", False), ("فعلا پولی نیومده", False),  # "yet", "for now"
    ("شبتون بخیر", True), ("хорошего дня", True),
])
def test_a_farewell_in_so_many_words(text: str, farewell: bool) -> None:
    assert says_goodbye(text) is farewell


@pytest.mark.parametrize("text, asked", [
    ("оформил заказ CT-2002 в субботу, когда его обработают?", True), ("سفارشم کی پردازش میشه؟", True),
    ("обработка заказа платная?", False), ("سفارشم در حال پردازشه", False),
])
def test_when_an_order_is_processed_asked(text: str, asked: bool) -> None:
    assert asks_when_processed(text) is asked
