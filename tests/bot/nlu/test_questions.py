"""The splitter of several questions in one message: both directions, as tables."""

from __future__ import annotations

import pytest

from bot.nlu.questions import MAX_PARTS, split_questions

SPLIT = [
    ("Холодильник за 900 лари в Батуми: доставка бесплатная? и сколько дней ждать?",
     ["Холодильник за 900 лари в Батуми: доставка бесплатная?", "и сколько дней ждать?"]),
    ("можно еще отменить, и если да, когда вернут деньги?",
     ["можно еще отменить,", "и если да, когда вернут деньги?"]),
    ("اسنپ‌پی دارید؟ حداقل مبلغش چقدره و قسط اولش کیه؟",
     ["اسنپ‌پی دارید؟", "حداقل مبلغش چقدره", "و قسط اولش کیه؟"]),
    ("سلام، هزینه ارسال به شیراز چقدره؟ چند روزه میرسه؟ ممنون",
     ["هزینه ارسال به شیراز چقدره؟", "چند روزه میرسه؟ ممنون"]),
    # a context sentence after a question stays with it (the phone answers "where is it?")
    ("ct 2002 где? телефон 599125502. и сколько вообще ехать по Тбилиси обычно",
     ["ct 2002 где? телефон 599125502.", "и сколько вообще ехать по Тбилиси обычно"]),
    # the "?" of a clause joined by "и" belongs to its own sentence
    ("На коробке можно написать адрес и номер заказа? а что писать про неисправность и куда",
     ["На коробке можно написать адрес и номер заказа?", "а что писать про неисправность и куда"]),
    # a request about a named order is a part of its own
    ("TS-1043 رو میخوام پس بدم، تو حراج گرفته بودمش. هزینه برگشتش با کیه؟",
     ["TS-1043 رو میخوام پس بدم، تو حراج گرفته بودمش.", "هزینه برگشتش با کیه؟"]),
    # Arabic ي/ك and Persian digits are read as their Persian forms
    ("هزينه ارسال ۳ ميليون چقدره؟ كي ميرسه؟", ["هزينه ارسال ۳ ميليون چقدره؟", "كي ميرسه؟"]),
    # "چه" + a noun asks ("what documents"); "чем" opening a clause asks ("with what")
    ("مرجوعی رو با پست بفرستم؟ و چه مدارکی لازمه", ["مرجوعی رو با پست بفرستم؟", "و چه مدارکی لازمه"]),
    ("доставка в Батуми бесплатная? и чем привезёте", ["доставка в Батуми бесплатная?", "и чем привезёте"]),
    # a polite request about one's order, or "I want to return it", is a part of its own
    ("لطفا سفارشمو کنسل کنید. ضمنا پولش کی برمیگرده؟", ["لطفا سفارشمو کنسل کنید.", "ضمنا پولش کی برمیگرده؟"]),
    ("کتری خراب شده، میخوام پسش بدم. راستی گارانتی داره؟", ["کتری خراب شده، میخوام پسش بدم.", "راستی گارانتی داره؟"]),
    ("хочу поменять свой заказ. и ещё: когда привезут?", ["хочу поменять свой заказ.", "и ещё: когда привезут?"]),
    # "а" opening a clause with what it asks for (a term, a price) asks it; "какому" is a question word
    ("заказ на 300 лари, доставка 8 км сколько стоит а срок по Батуми",
     ["заказ на 300 лари, доставка 8 км сколько стоит", "а срок по Батуми"]),
    ("когда можно забрать? и по какому адресу", ["когда можно забрать?", "и по какому адресу"]),
    ("где мой заказ, и когда привезут?", ["где мой заказ,", "и когда привезут?"]),
    ("Скажите, где мой заказ, и когда его привезут?", ["Скажите, где мой заказ,", "и когда его привезут?"]),
    # a question word as people misspell it
    ("сколко стоит доставка а когда привезут", ["сколко стоит доставка", "а когда привезут"]),
]

SINGLE = [
    "کیف و کفش رو میشه پس داد؟",
    "сколько стоит доставка туда и обратно?",
    "сколько стоит доставка холодильника и микроволновки?",
    "Я купил чайник на прошлой неделе. Он перестал греть. Что делать?",
    "серьёзно? когда привезут",
    "Я слышал, что доставка бесплатная, это так?",
    "عطر رو باز کردم ولی بوش رو دوست ندارم، میتونم پس بدم؟",
    "Можно ли оплатить картой и получить в Батуми?",
    "کی و کجا تحویل میدین؟",
    "CT-2002",
    "Хочу вернуть CT-2003",
    "سلام. هزینه ارسال چقدره؟",
    "блин, серьёзно? неделю жду. когда привезут заказ",  # an exclamation with "?" asks nothing
    "جدی؟ سه روزه منتظرم. کی میرسه",
    "дороже, чем 500 лари, доставка бесплатная?",  # "чем" inside a clause compares
    "как проверить, есть ли гарантия на пылесос?",  # a verb of finding out leads into the question after the comma
    "Почему в счёте сумма больше, чем в корзине?",  # "чем" after a comma compares
    "Заказ CT-2002 на номер 599125502. ну и? где он?",
    "Может ли забрать заказ сосед, или только тот, кто оформлял?",  # an alternative; "тот, кто" is relative
    "В том магазине, где я обычно забираю, во сколько можно забрать заказ?",  # a relative clause between commas
    "Что выбрать при оформлении самовывоза, то есть какую опцию отметить?",  # the same question in other words
    "عطرو باز کردم و چند بار زدم ولی بوش رو دوست ندارم، میتونم پسش بدم؟",  # "چند بار": a few times, no question
    "چند روز پیش سفارش دادم و هنوز نرسیده، کی میرسه؟",
    "Подскажите, где забрать заказ в Тбилиси, а то не знаю, где вы находитесь",  # "а то": or else; not knowing
    "можно забрать в другом филиале, например в Рустави, а не там, что у вас на сайте?",
    "за город доставка сколько стоит за км, так же как в городе?",  # "так же как" compares
]


@pytest.mark.parametrize("text, parts", SPLIT)
def test_several_questions_are_found_in_order(text: str, parts: list[str]) -> None:
    assert split_questions(text) == parts


@pytest.mark.parametrize("text", SINGLE)
def test_one_question_is_not_split(text: str) -> None:
    assert split_questions(text) == [text]


# Questions run together without a mark or connective: a Persian question ends with its verb (or a question word with
# its copula), a Russian one begins with its question word (and its preposition); a line break cuts as a comma does.
RUN_ON = [
    ("هزینه ارسال به شیراز چقدره چند روزه میرسه", ["هزینه ارسال به شیراز چقدره", "چند روزه میرسه"]),
    ("سفارشم کی میاد ارسال فوری کلا چقدر طول میکشه", ["سفارشم کی میاد", "ارسال فوری کلا چقدر طول میکشه"]),
    ("اقساط چطوری حساب میشه حداقل خرید چقدره", ["اقساط چطوری حساب میشه", "حداقل خرید چقدره"]),
    ("وقتی سفارش میدم چطوری خبردار میشم که ثبت شده اگه بعدش کالا تموم شده بود چی",
     ["وقتی سفارش میدم چطوری خبردار میشم که ثبت شده", "اگه بعدش کالا تموم شده بود چی"]),
    ("Сколько стоит доставка в Батуми когда привезут", ["Сколько стоит доставка в Батуми", "когда привезут"]),
    ("Отменил заказ когда придут деньги на какой счёт", ["Отменил заказ когда придут деньги", "на какой счёт"]),
    ("как оформить возврат кто платит за доставку", ["как оформить возврат", "кто платит за доставку"]),
    ("где мой заказ\nсколько стоит доставка в Батуми", ["где мой заказ", "сколько стоит доставка в Батуми"]),
    ("هزینه ارسال چقدره\r\nکی میرسه", ["هزینه ارسال چقدره", "کی میرسه"]),
]

RUN_ON_SINGLE = [
    "چطوری بفهمم سفارشم کجاست",  # a verb of knowing leads into what it asks
    "چطوری پیگیری کنم سفارشم کجاست",
    "میشه خودم تعیین کنم کی بیارن",  # "can I ...?" asks about what follows
    "کیف و کفش رو میشه پس داد",
    "چطوری خبردار میشم که ثبت شده",
    "وضعیت مرجوعی و اینکه کی تماس میگیرن رو کجا ببینم",  # the clause is the object of the verb after "رو"
    "как узнать когда привезут мой заказ",
    "а можно выбрать во сколько привезут заказ",
    "можно ли вернуть товар если я не помню когда купил",
    "сколько стоит доставка если я живу где-то за городом",
    "когда смогу забрать то есть в какой день",
    "Если оформлю самовывоз в 14:00 когда смогу забрать",
    "Сколько стоит доставка\nв Батуми, заказ на 900 лари?",  # a line that asks nothing goes on the question
    "Здравствуйте, у меня вопрос\nможно ли вернуть товар если я его открыл\nи он мне не понравился?",
]


@pytest.mark.parametrize("text, parts", RUN_ON)
def test_questions_run_together_are_found(text: str, parts: list[str]) -> None:
    assert split_questions(text) == parts


@pytest.mark.parametrize("text", RUN_ON_SINGLE)
def test_a_question_word_led_into_is_no_new_question(text: str) -> None:
    assert split_questions(text) == [text]


# A greeting before the first of several questions is left out of it (the classifier would read that part as a
# greeting); a message of one question is left as typed, greeting and all.
GREETED = [
    ("سلام. هزینه ارسال چقدره؟ چند روزه میرسه؟", ["هزینه ارسال چقدره؟", "چند روزه میرسه؟"]),
    ("приветствую, мастеркард подходит? и нужен ли гарантийный талон", ["мастеркард подходит?", "и нужен ли гарантийный талон"]),
    ("سلام وقت‌تون بخیر، هزینه ارسال به شیراز چقدره؟ کی میرسه؟", ["هزینه ارسال به شیراز چقدره؟", "کی میرسه؟"]),
    ("Здравствуйте, можно вернуть товар? и кто оплатит доставку", ["можно вернуть товар?", "и кто оплатит доставку"]),
    ("Привет, как дела? где мой заказ?", ["Привет, как дела?", "где мой заказ?"]),
    ("приветствую, мастеркард подходит?", ["приветствую, мастеркард подходит?"]),
    ("سلام", ["سلام"]),
]


@pytest.mark.parametrize("text, parts", GREETED)
def test_a_greeting_before_several_questions_is_left_out(text: str, parts: list[str]) -> None:
    assert split_questions(text) == parts


@pytest.mark.parametrize("text, parts", SPLIT + RUN_ON + GREETED)
def test_parts_are_slices_of_the_text_in_order(text: str, parts: list[str]) -> None:
    position = 0
    for part in split_questions(text):
        assert part in text[position:]
        position = text.index(part, position) + len(part)


@pytest.mark.parametrize("text", ["", " ", "😀😀", "???", "؟ ؟", "\n\n", "a" * 10_000, "چقدره؟ " * 2_000,
                                  "/greet", "\u200c\u200c", "1.5.2?"])
def test_odd_input_does_not_crash_and_stays_bounded(text: str) -> None:
    parts = split_questions(text)
    assert 1 <= len(parts) <= MAX_PARTS
    assert all(part in text for part in parts)
