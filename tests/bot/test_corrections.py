"""A correction read into the message before it: the fact put right, nothing else changed."""

from typing import Optional

import pytest
from rasa.shared.core.events import UserUttered
from rasa.shared.core.trackers import DialogueStateTracker

from bot.corrections import _before, corrected


@pytest.mark.parametrize("previous, correction, expected", [
    # a city, after "not": the words the customer put in its place
    ("ارسال فوری به زاهدان دارید؟ میخوام ۲۴ ساعته برسه", "ببخشید منظورم زنجان بود نه زاهدان",
     "ارسال فوری به زنجان دارید؟ میخوام 24 ساعته برسه"),
    # a number for a number, whatever words are around it
    ("بسته ساعت ۳ رسید الان ساعت ۶ عصره، تازه دیدم خط و خش هست", "نه ببخشید ساعت ۵ رسید نه ۳",
     "بسته ساعت 5 رسید الان ساعت 6 عصره، تازه دیدم خط و خش هست"),
    ("من ۱۶ سالمه کارت ندارم، پولو میشه بریزین به کارت بابام؟", "ببخشید اشتباه تایپ کردم، ۱۹ سالمه نه ۱۶",
     "من 19 سالمه کارت ندارم، پولو میشه بریزین به کارت بابام؟"),
    # what is new is what is put right: not the words the message before already held ("ساعت ۱۰ صبح")
    ("امروز ساعت ۱۰ صبح تحویل گرفتم", "ببخشید اشتباه گفتم، دیروز ساعت ۱۰ صبح بود نه امروز", "دیروز ساعت 10 صبح تحویل گرفتم"),
    ("دیروز ساعت ۸ شب بسته رسید", "نه ببخشید اشتباه گفتم، پریروز شب رسید نه دیروز", "پریروز ساعت 8 شب بسته رسید"),
    # Russian: "X, а не Y" and "не Y, а X", the customer's capitals kept
    ("доставка в Кутаиси сколько будет за 300 лари", "ой, в Батуми, а не в Кутаиси", "доставка в Батуми сколько будет за 300 лари"),
    ("доставка в Кутаиси сколько будет за 300 лари", "извините, не 300, а 600", "доставка в Кутаиси сколько будет за 600 лари"),
    ("CT-2002", "ой, ошибся: не 2002, а 2003", "CT-2003"),
    # a correction in one sentence, a fact added in another: both read into the message before (not "ой, ошибся.")
    ("سلام یه یخچال ۶۰۰ لاری میخوام، ارسالش به تفلیس چقدر میشه؟",
     "ببخشید قیمتش ۴۰۰ لاریه نه ۶۰۰. ۱۲ کیلومتر فاصله دارم",
     "سلام یه یخچال 400 لاری میخوام، ارسالش به تفلیس چقدر میشه؟ 12 کیلومتر فاصله دارم"),
    ("доставка в Кутаиси сколько будет за 300 лари", "ой, ошибся. не 300, а 600. и еще 5 км от города",
     "доставка в Кутаиси сколько будет за 600 лари и еще 5 км от города"),
    ("доставка в Кутаиси сколько будет за 300 лари", "извините, не 300, а 600. а сколько ждать?",
     None),  # asks a question of its own
    ("чайник за 90 лари, до меня 8 км", "ой не 8 а 11 км", "чайник за 90 лари, до меня 11 км"),  # its word once
    ("یه یخچال ۶۰۰ لاری میخوام، ارسالش چقدره؟", "ببخشید. یه یخچال ۴۰۰ لاری هم میخوام. ۱۲ کیلومتر فاصله دارم",
     None),  # a second item added, nothing put right
    ("чайник за 90 лари, доставка по тбилиси?", "Ой, спасибо! Еще утюг за 70 лари. До меня 8 км", None),
    ("2 шт можно вернуть за 500 руб.", "ой, не 2 а 3 шт. за 500 руб.", "3 шт можно вернуть за 500 руб."),  # said once
    # one number said again: it takes the place of the number the message before gave with the same word after it
    ("خونه‌م همکفه ولی ۹ تا پله میخوره تا در، طبقه چندم حساب میشه؟", "ببخشید الان رفتم دوباره شمردم، ۶ تا بیشتر نیست",
     "خونه‌م همکفه ولی 6 تا پله میخوره تا در، طبقه چندم حساب میشه؟"),
    ("сколько доставка 300 лари, 13 км?", "ой, я ошиблась, 8 км", "сколько доставка 300 лари, 8 км?"),
    ("заказ TS-1041, тел 09352222201", "ой, извините, не тот. TS-1046, телефон 09352222206", None),  # two numbers
    # the same count with another Persian ending ("۱۸ سالم" for "۱۷ سالمه")
    ("من ۱۷ سالمه کارت بانکی ندارم، پول مرجوعیم کجا واریز میشه؟", "ببخشید اشتباه گفتم، هفته پیش ۱۸ سالم تموم شد",
     "من 18 سالمه کارت بانکی ندارم، پول مرجوعیم کجا واریز میشه؟"),
    # a price put right in another form of its word ("تومنی" for "تومنه"), said twice before: both times
    ("یکیشون که ۶۰۰ تومنه و پلمپه رو میخوام پس بدم، کل ۶۰۰ رو بهم برمیگردونین؟",
     "اوه ببخشید قاطی کردم، اونی که میخوام پس بدم ۲۰۰ تومنیه نه ۶۰۰ تومنی",
     "یکیشون که 200 تومنه و پلمپه رو میخوام پس بدم، کل 200 رو بهم برمیگردونین؟"),
    # the same number inside other amounts ("۱ میلیون و ۶۰۰", "۶۰۰ هزار") is not the price put right
    ("جمعا ۱ میلیون و ۶۰۰ شد، یکیشون ۶۰۰ تومنه و یه کرم ۶۰۰ هزاری، کل ۶۰۰ رو برمیگردونین؟",
     "ببخشید ۲۰۰ تومنیه نه ۶۰۰ تومنی",
     "جمعا 1 میلیون و 600 شد، یکیشون 200 تومنه و یه کرم 600 هزاری، کل 200 رو برمیگردونین؟"),
    ("۶۰۰ تومن خرید کردم، ارسال ۶۰۰ ساعته؟", "ببخشید ۲۰۰ روزه نه ۶۰۰ ساعت", None),  # another thing counted: not it
    # the other of two kinds the page tells apart, named without "not …"
    ("سلام یه عطر خارجی میخام بگیرم، تاریخ انقضاش حداقل چقده؟", "نه ببخشید، منظورم یه برند ایرانیه",
     "سلام یه عطر ایرانی میخام بگیرم، تاریخ انقضاش حداقل چقده؟"),
    ("какой минимальный срок годности у иностранной косметики?", "ой, я имела в виду иранскую",
     "какой минимальный срок годности у иранский косметики?"),
    ("یه عطر خارجی و یه کرم خارجی", "ببخشید منظورم ایرانی بود", None),  # which of the two is not known
    # a fact said again beside the new one: the new one is put right ("۱۰ روز پیش" was the order, not the delivery)
    ("اسکنر ۱۰ روز پیش رسید، شامل تست میشه؟", "ببخشید اشتباه گفتم، ۱۰ روز پیش سفارش دادم، ۵ روز پیش تحویلش گرفتم",
     "اسکنر 5 روز پیش رسید، شامل تست میشه؟"),
    ("اسکنر ۱۰ روز پیش رسید، شامل تست میشه؟", "ببخشید، ۶ روز پیش سفارش دادم، ۵ روز پیش تحویلش گرفتم", None),  # two new
    ("اسکنر ۱۰ روز پیش رسید الان خراب شده، شامل تست ۷ روزه میشه؟",  # the same word first: not the "۷ روزه" beside it
     "ببخشید اشتباه گفتم، ۱۰ روز پیش سفارش دادم، ۵ روز پیش تحویلش گرفتم",
     "اسکنر 5 روز پیش رسید الان خراب شده، شامل تست 7 روزه میشه؟"),
    # no correction: a question of its own, no word that corrects, a fact not said before or said twice
    ("سفارش ۲ میلیون و ۳۰۰ بود", "ببخشید ۲ میلیون و ۸۰۰ بود نه ۳۰۰. فرقی میکنه؟", None),
    ("میشه عوض کنم؟", "میخوام پس بدم نه عوض کنم", None),
    ("доставка в Кутаиси", "ой, в Батуми, а не в Рустави", None),
    ("۳ تا ۳ تا بفرستید", "ببخشید ۵ بود نه ۳", None),
    ("خب", "نه ممنون", None),
])
def test_a_correction_puts_the_fact_right_in_the_message_before(previous: str, correction: str,
                                                                 expected: Optional[str]) -> None:
    assert corrected(previous, correction) == expected


def test_the_message_before_is_read_as_it_was_understood() -> None:
    tracker = DialogueStateTracker.from_events("s", [UserUttered("ой, в Батуми, а не в Кутаиси",
                                                                 parse_data={"text": "доставка в Батуми"})])
    assert _before(tracker) == "доставка в Батуми"  # a correction of a correction starts from the first one put right
    assert _before(DialogueStateTracker.from_events("s", [])) is None
