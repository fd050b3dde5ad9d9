"""Reading the customer's answer to the question the assistant just asked.

Pure functions over what NLU found: which entity fills which slot depends on the slot
the open form requested ("4567" answers "last four digits of your phone?", not
"order number?"), and free text maps to return reasons and order items.
"""

from __future__ import annotations

import re
from datetime import date, datetime, time, timedelta
from typing import Any, Iterable, Literal, Mapping, Optional, Sequence

import jdatetime

from bot.nlu.entities import MINUTES_AGO, extract_entities, spelled_as_digits
from bot.nlu.normalize import fold, normalize, to_ascii_digits
from bot.nlu.questions import ASKS_THE_STORE, OWN_ORDER, QUESTION_WORDS, sentences
from bot.stores.rules import WEEKDAYS, Reason

ORDER_PURPOSES = ("order_status", "cancel_order", "return_request", "damaged_item")
REASON_INTENTS: dict[str, Reason] = {
    "reason_defect": "defect",
    "reason_transport_damage": "transport_damage",
    "reason_wrong_item": "wrong_item",
    "reason_change_of_mind": "change_of_mind",
}
# a feature of an item that a site describes ("رمش ۸ گیگه", "цвет другой")
_FEATURE = (r"(?:گیگ|ترابایت|رنگ|سایز|مدل|حافظه|(?<!\w)رم|(?<!\w)میل(?!\w)|اینچ|وات|پردازنده|цвет|размер|модел|памят|"
            r"(?<!\w)гб|(?<!\w)gb|дюйм|ватт|процессор)")
# (what the site said of delivery is no feature: "تو سایت نوشته بود ۲ روزه میرسه")
_NOT_DELIVERY = r"(?![^.!?؟]{0,30}(?:روز|ساعت|ارسال|رایگان|پست|هزینه|میرسه|доставк|бесплатн|дн[яеи]|срок))"
# Words that name a reason, on normalised and folded text (ZWNJ removed, ی/ک, ё->е).
_REASON_WORDS: tuple[tuple[Reason, str], ...] = (
    # a fake is a fault of the goods, whatever else the message says ("بوش فرق داره، به نظرم اصل نیست" is no wrong item)
    ("defect", r"(?<!\w)اصل(?:ی)? (?:نیست|نبود|نیس)|تقلبی|(?<!\w)فیک|غیر ?اصل|не оригинал|подделк|пал[её]н(?:ый|ая|ое|ка)|фейк"),
    # lines that came on a screen in use are its fault, not a scratch ("از دیروز صفحه‌ش خط افتاده"; not "الان باز کردم
    # صفحه تلویزیون خط افتاده", found on opening)
    ("defect", r"(?:از (?:دیروز|امروز|دیشب|پریروز|چند روز|یه مدت|یه هفته)|یهو|یکهو|یکدفعه|یک ?دفعه|کم ?کم)\S* (?:\S+ ){0,4}"
               r"(?:صفحه|نمایشگر|مانیتور|ال ?سی ?دی|lcd)\S* (?:\S+ ){0,2}خط (?:افتاده|انداخته)"),
    # not "حمل" or "при доставке" alone: "are laptops insured at delivery?" names no damage
    ("transport_damage", r"(?:آسیب|صدمه|خسارت)\w*.{0,15}حمل|(?:حین|موقع|در) حمل|ضربه|شکسته|شکستن(?!\w)|شکستند|(?:نصف|همه|کل|نیم)\S* (?:(?!برنامه)\S+ ){0,3}ریخت(?!م|یم)|درش لق|درب\S* لق|(?<!\w)له (?:شده|شد|بود|بوده|اومده|اومد|رسیده|رسید)(?!\w)|(?:بدن|جعبه|کارتن|کارتون|بسته|قاب|رویه)\S* (?:\S+ ){0,3}خط(?: ?و ?خش)?(?: \S+)? (?:داره|دارد|داشت|داشته|هست|بود)(?!\w)|ترک ?(?:خورد|داره|دارد|برداشت)|خط ?و ?خش|بدن\S* ?خط|(?:بدن|جعبه|کارتن|کارتون|بسته|قاب|رویه)\S* (?:\S+ ){0,3}خط ?خطی|خط (?:افتاده|انداخته|برداشته)|خط روش|تورفتگی|قر شده|بسته.*(پاره|خراب)|(?:جعبه|کارتن|بسته)\S* (?:\S+ ){0,2}(?:داغون|خیس|نم ?(?:کشید|دید|زد)|آب ?(?:خورد|دید))|(?<!\w)نم ?(?:کشیده|کشید|زده|دیده)(?!\w)|(?<!\w)پاره ?(?:شده|ست|است|بود|اومده|اومد|رسیده)(?!\w)|(?<!\w)порван\w*|(?<!\w)разорван\w*|رطوبت (?:دیده|زده|خورده)|خیس (?:شده|شد|بود|بوده|اومده|اومد|رسید|رسیده)(?!\w)|(?<!\w)تو ?رفت(?:ه|گی)|"
                         r"повре\w+ при доставке|(?<!\w)(?:промок(?!од)|намок|отсырел|подмок)\w*|при доставке повре\w+|разбит|разлил|пролил|вытекл|треснул|треснувш|помят|(?<!\w)мят(?:ая|ые|ый|ое|ую|ой)(?!\w)|треснут|трещин|царапин|поцарапан|вмятин|(?:повред|разби|слома|помя)\w* (?:в пути|при доставке)|(?:в пути|при доставке) (?:\w+ )?(?:повред|разби|слома|помя)|транспорт|(?:коробк|упаковк)\w* (?:\w+ ){0,2}(?:мокр|промок|сыр|слома|порва)|курьер\w* (?:\w+ ){0,3}(?:слома|разби|повред)|"
                         r"(?:пришел|пришла|пришло|пришли|привезли|доставили) (?:\w+ )?сломан"),
    ("wrong_item", r"(?<!شماره سفارش )(?<!شماره )اشتباه(?!ی?(?: \S+){0,3} (?:زدم|انتخاب کردم|سفارش دادم|خریدم|برداشتم)(?!\w))(?! (?:گفتم|نوشتم|زدم|کردم|تایپ|نصب|وصل|تنظیم|استفاده|انجام|راه ?اندازی|از من|از خودم|ریختم|ریخته|گذاشتم))|مغایر|فرق (?:دار|داشت|کن|میکن)|عوض فرستاد|(?:چیز|(?:یه|یک) (?!بسته|سفارش|پیام|پیامک|کد)\S+) دیگه(?:ای)? (?:[^\s،,.?؟]+ ){0,2}?(?:فرستاد|اومد|رسید)|غیر از (?:اونی|اون|آنچه|چیزی|اون چیزی) که (?:\S+ )?(?:انتخاب|سفارش|خرید)|(?:همونی|همون|همان|اونی) (?:\S+ ){0,2}(?:نباشه|نبود|نیست|نبوده) که (?:\S+ ){0,3}(?:انتخاب|سفارش|خرید)|"
                   r"(?:یه|یک) \S+ دیگه ?(?:س|ست|است|اس)(?!\w)|(?<!ой, )(?<!ой )(?<!извините, )(?<!простите, )не т(?:от|е|у|а)(?!\w)(?! (?:заказ|номер)(?! (?:прислал|пришел|привез|доставил)))(?!,? (?:что|как|чего) (?:я )?(?:ожида|дума|представля))|"
                   r"не то(?!\w)(?!,? (?:что|как|чего) (?:я )?(?:ожида|дума|представля))|"
                   # "رمش ۸ گیگه ولی تو سایت نوشته بود ۱۶", "а на сайте написано 16": not as the site described it
                   # (of a feature: not "the site said 2 days but it has not come", a delivery)
                   rf"{_FEATURE}[^.!?؟]{{0,40}}(?:ولی|اما) (?:\S+ ){{0,2}}(?:تو|توی|در|روی) سایت\S* (?:\S+ ){{0,2}}(?:نوشته|زده|گفته)\S*{_NOT_DELIVERY}|"
                   rf"(?:تو|توی|در|روی) سایت\S* (?:\S+ ){{0,3}}(?:نوشته|زده)\S*{_NOT_DELIVERY} [^.!?؟]{{0,40}}{_FEATURE}[^.!?؟]{{0,30}}(?:ولی|اما) |"
                   rf"{_FEATURE}[^.!?]{{0,40}}(?<!\w)(?:а|но) на сайте (?:\w+ ){{0,2}}(?:написано|указано|было){_NOT_DELIVERY}|"
                   r"перепутали(?! (?:номер|цифр))|другой товар|не соответств|не совпада|не так(?:ой|ая|ое|ие),? как (?:на|в) (?:фото|сайт|картин)|отлича\w* от (?:фото|сайт|картин)|"
                   # "ordered the 100 ml, the 50 ml came": one thing ordered, another delivered
                   r"سفارش (?:داده? ?بودم|دادم).{0,40}(?:ولی|اما) .{0,25}(?<!\w)(?:اومده|اومد|رسیده|رسید|فرستادین|فرستادید|فرستادن)|"

                   # "۱۰۰ میل سفارش داده بودم، ۵۰ میل فرستادین": one size ordered, another sent
                   r"\d+ ?(?:میل|ml|گرم|سانت|لیتر)\S* (?:\S+ )?سفارش (?:داده? ?بودم|دادم)\W{0,3}\s*(?:\S+ )?\d+ ?(?:میل|ml|گرم|سانت|لیتر)|"
                   r"заказ(?:ал|ала|ывал|ывала|али)\w* .{0,40}а (?:пришел|пришёл|пришла|пришли|прислали|привезли|доставили)(?! (?:смс|sms|уведомл|сообщ|письм|код))"),
    # "به جای سشوار برام اتو مو فرستادین", "вместо фена прислали утюжок": one thing sent in the place of another (not
    # a way of shipping: "به جای پیک با پست فرستادن")
    ("wrong_item", r"(?<!\w)به ?جای (?!(?:پیک|پست|تیپاکس|چاپار|اسنپ|آدرس|ادرس)\S*)(?:[^\s،,.?؟!]+ ){1,5}?(?:فرستادین|فرستادید|فرستادن|فرستادند|"
                   r"اومده|اومد|آمده|رسیده|رسید|گذاشتین|گذاشتن)(?!\w)|(?<!\w)вместо (?!(?:курьер|почт|адрес)\w*)(?:\w+ ){1,4}?"
                   r"(?:прислали|привезли|пришел|пришёл|пришла|пришло|доставили|положили)(?!\w)"),
    # "ورساچه اروس سفارش دادم برام اروس فلیم اومده!!": another thing named as what came (not a
    # message, a time or a state: "سفارش دادم برام پیامک اومده", "… برام فرداش اومد")
    ("wrong_item", r"\S+ سفارش (?:داده? ?بودم|دادم)\W+(?:برام|برامون|واسم) (?:(?!(?:پیامک|پیام|پیغام|اس|نوتیفیکیشن|پیک|ایمیل|کد|فاکتور|رسید|روز\S*|"
                   r"هفته\S*|فردا\S*|پس ?فردا\S*|همون|همین|خیلی|زود|دیر|امروز|دیروز|سالم|کامل|به|با|کارتن\S*|جعبه\S*|"
                   r"بسته\S*|سه|دو|یک|چهار|پنج)(?!\w))[^\d\s]+ ){1,3}(?:اومده|اومد|فرستادین|فرستادید|فرستادن)(?!\w)"),
    ("change_of_mind", r"پشیمون(?! ?نشد)|پشیمان(?! ?نشد)|منصرف(?! ?نشد)|(?<!پول )(?<!پولش )(?<!پولشو )(?<!پولمو )(?<!وجه )نمیخوام|(?<!پول )(?<!وجه )نمیخواهم|(?<!\w)نخوام(?:ش|شون)?(?!\w)|"
                       r"(?:больше|мне(?: \w+)?) не нуж(?:ен|на|но|ны)|(?<!\w)(?!\w+ть )(?!(?:чек|ответ|звонок|помощь|пакет|доставка)(?!\w))\w{3,} (?:уже )?не нуж(?:ен|на|ны)(?!\w)|(?:برام|بهم|واسم|برامون)(?: \S+)? (?:بزرگ|کوچیک|کوچک|گشاد|تنگ)\S*|خوشم نیومد|خوشم نمیاد|خوشم نیاد|دوست ندارم|دوسش ندارم|(?:دوست|دوسش) نداشتم|(?:دوست|دوسش) نداشته باش(?:م|یم)|نپسند(?:م|یدم)|به دلم ننشست|نخواستمش|نخواستم(?=\s*(?:$|[،,.!؟?]|پس\S*|دیگه|برگرد))|"
                       r"نظرم عوض شد|(?:بهم|به من|باهام) (?:نمیسازه|نساخت|نمیاد)|не подход|"
                       r"(?:باهاش |باهاشون )?راحت نیستم|(?<!\w)неудобн\w*|"
                       r"لازم\S* ?ندار(?:م|یم)|نیازی ندارم|(?:رو|روی) دستم (?:مونده|موند|باد کرده)|عین همون\S* (?:\S+ )?(?:خرید|گرفت)|دیگه لازم\w* نیست|لازم(?:مون|شون|م) نیست|به ?(کارم|دردم) ?(نمیاد|نمیخوره|نمیخورد)|سلیقه|не пригодил|(?<!не )(?<!не просто )(?<!не просто так )(?<!не только )передума|не понрав|не нрав|не подош|не нужн|"
                       # "بوش براش خیلی تنده", "запах слишком резкий": a smell not to one's taste
                       # (not a smell of burning or rubber, a fault: "запах гари резкий", "بوی سوختگی")
                       r"(?:بوش|بوی?ش|رایحه\S*) (?!(?:\S+ ){0,3}(?:سوخت|پلاستیک|لاستیک))(?:\S+ ){0,3}(?:تند|سنگین|زننده)\S*(?! ?(?:نیست|نیس))|"
                       r"(?:بوش|بوی?ش|رایحه\S*) (?:اصلا |زیاد |خیلی )?(?:خوب|قشنگ) (?:نیست|نیس|نبود)|"  # "بوش اصلا خوب نیست"
                       r"(?:запах|аромат)\w* (?!(?:\w+ )?(?:гар|горел|резин|пластик|проводк))(?:\w+ ){0,2}(?<!не )(?<!не очень )"
                       r"(?:резк|тяжел|удушлив|приторн)\w*|"
                       # "بوش اونی نبود که فکر میکردم", "запах не тот, что я ожидала": not what was expected, a change of mind
                       r"(?:اونی|اون چیزی|چیزی|همونی|آنچه) (?:نبود|نیست|نشد) که (?:فکر|انتظار|تصور)|"
                       r"не (?:тот|то|такой|такая|такое|такие),? (?:что|как|чего) (?:я )?(?:ожида|дума|представля)|"
                       r"разонрав|(?<!\w)(?:великоват|маловат)\w*|(?:запах|аромат)\w* (?:вообще |совсем )?не (?:мой|моё|мое|его|её|ее|наш)(?!\w)(?! вин)|(?<!\w)не мо[её](?!\w)|(?<!\w)не мой (?:запах|аромат|оттенок)|не в моём вкусе|не в моем вкусе"),
    ("defect", r"خراب|معیوب|(?<!\w)(?<!درش )(?<!درب )لق(?:ه|ـه| شده| است| میزنه)(?!\w)|نقص|(?<!پرداختم )(?<!پرداخت )مشکل ?(?:فنی ?|سخت ?افزاری ?)?(?:داره|دارد|پیدا کرده)|خاموش (?:و )?روشن (?:می ?ش|می ?ک)|کار ?نمیکن|بد کار ?میکن|روشن ?نمیش|ایراد|صداش? ?(نمید|نداره|ندارد|نمیاد)|شارژ ?(نمیش|نمیگیر|نمیکن)|"
               r"گرم ?نمیش|داغ ?نمیش|(?:خیلی |زیادی |زود )داغ ?(?:میکن|میشه|میشود)|خاموش ?میش|(?:صفح(?!\S* (?:پرداخت|سایت|درگاه|اپ|برنامه))|تصویر|نمایشگر|مانیتور)\S* (?:\S+ ){0,2}(?:سیاه|سفید) ?میش|سوخت|پرینت ?نمیگیر|چاپ ?نمیکن|(?:درست|خوب) (?:کار|چاپ) ?نکن|گیر ?میکن|هنگ ?میکن|خش ?خش|"
               r"صدای ?(اضافه|عجیب)|صدای \S+ ?(?:میده|میدهد|میاد|میکنه)|صدا ?(میده|میدهد|میکنه)|قطع ?و ?وصل|آب ?پس ?مید|نشتی|نشت ?(میکن|میده|داره|دارد|کرد)|چکه ?میکن|"
               r"брак|не работа(?:ет|ют|л|ла|ли)|перегрева\w*|нагрева(?:ется|ются|лся|лась)|греется|греются|грелся|грелась|запах (?:гари|горел\w*)|пахнет (?:гарью|горелым|паленым|палёным)|плохо работа|работа\w* плохо|сломал|(?<!курьер )сломает|сломаются|(?<!не )сломан|неисправ|дефект|не включ|не греет|не грее|перестал|перестан\w* (?:работать|включаться|греть|заряжа\w*|печатать)|не заряжа|нет звука|"
               r"не звучит|выключается|сгорел|глючит|не печата|плохо печата|шипит|шипят|хрипит|хрипят|трещит|заедает|"
               r"зависает|(?<!сайт )(?<!приложение )(?<!\w)виснет|экран\w* (?:\w+ ){0,2}(?:гаснет|чернеет|мигает|тухнет)|шумит|гудит|мнёт|мнет|мять|жует|жуёт|замина|протека|протекл|подтека|течет|полос(ами|ой|ит|ы)|خط(?: (?:سیاه|سفید|رنگی|افقی|عمودی))?(?: (?:وسطش|روش|روشون|رو کاغذ))? ?(مینداز|میندز|میده|میفته|میافته)|خط ?خطی|"
               r"چاپ\S* (?:\S+ )?(?:کمرنگ|لکه ?دار)|"
               # a device not recognised ("هارد دیگه شناخته نمیشه", "флешка не определяется компьютером"), not a code
               r"^(?!.*(?:کد|تخفیف|پرداخت|رهگیری|درگاه|промокод|код|скидк|плат[её]ж|оплат|банк|смысл))"
               r"(?=.*(?:(?:شناخته|شناسایی|تشخیص داده) ?نمیش|не (?:определя|распозна|видит)))"),
    # "میخوام پرینترو برای تست ۷ روزه بفرستم", "вернуть по 7-дневному тесту": the test period is for faults (last: a
    # fault or damage told beside it is the reason)
    ("defect", r"(?:برای|واسه|با) (?:مهلت )?تست ?(?:7|هفت) ?روزه|(?:по|на) (?:7|семи)[- ]?дневн\w* (?:тест|провер)\w*"),
)
# Each reason in the plain words of the page's rules, to find the rule for it when a follow-up no longer says it
# ("هزینه ارسالش با کیه؟" after "کار نمیکنه").
REASON_NAMES: dict[Reason, dict[str, str]] = {  # the grounds that have rules of their own
    "defect": {"fa": "کالای معیوب", "ru": "бракованный товар"},
    "transport_damage": {"fa": "آسیب در حمل", "ru": "повреждён при доставке"},
    "wrong_item": {"fa": "کالای اشتباه", "ru": "прислали не тот товар"},
}
_DIGITS = re.compile(r"\d")


def _folded(text: Optional[str]) -> str:
    """A message as the word patterns here read it: normalised (digits, ی/ک, ё) and folded (no ZWNJ, lower case)."""
    return fold(normalize(text or ""))


def _values(entities: Iterable[Mapping[str, Any]], kind: str) -> list[Any]:
    """Values of one entity type, in message order."""
    return [e.get("value") for e in entities if e.get("entity") == kind and e.get("value") not in (None, "")]


def _asking_for_something_else(requested_slot: Optional[str], slot: str) -> bool:
    """A form is waiting for another slot (an item code must not become an order number)."""
    return requested_slot is not None and requested_slot != slot


# Where a city is said to be, in the order they weigh: where the order goes ("доставьте в Батуми", "بفرستین شیراز"),
# where the customer is ("мы живём в Мцхете", "من تهرانم"), a city said with "in" or "to" ("в Кутаиси"), one named bare;
# a city it comes from ("из Тбилиси", "از تهران") weighs least, and someone else's claim ("только по Тбилиси") is bare
_CITY_TIERS = (
    re.compile(r"(?:(?<!\w)(?:достав\w*|привез\w*|отправ\w*|заказ\w*|вез\w*)(?: \w+)? (?:в|во|на|до)|"
               r"(?<!\w)(?:به|تا|برای|بفرست\S*|ارسال)(?: \S+)?)\s*$", re.IGNORECASE),
    re.compile(r"(?:(?<!\w)(?:жив\w*|я|мы|пишу|работаю)(?: \w+)? (?:в|во|из)|(?<!\w)(?:من|ما)(?: (?!از)\S+)?)\s*$",
               re.IGNORECASE),
    re.compile(r"(?<!\w)(?:в|во|к|در)\s*$", re.IGNORECASE),
)
_FROM_CITY = re.compile(r"(?<!\w)(?:из|از)\s*$", re.IGNORECASE)


def city_from(entities: Sequence[Mapping[str, Any]], text: str) -> Optional[str]:
    """The city a message is about: of several, the last one of the weightiest kind (`_CITY_TIERS`): "мы живём в Мцхете
    … муж уверен, что бесплатно только по Тбилиси" is Mtskheta, "доставьте в Батуми, я сейчас в Тбилиси" Batumi, "в
    Кутаиси из Тбилиси" Kutaisi; of cities named bare, the last (a correction: "نه تهران نه، اصفهان")."""
    cities = [entity for entity in entities if entity.get("entity") == "city" and entity.get("value")]
    said = [(city, _folded(text[max(0, int(city.get("start") or 0) - 30):int(city.get("start") or 0)]))
            for city in cities if "start" in city]
    for tier in _CITY_TIERS:
        marked = [city for city, before in said if tier.search(before)]
        if marked:
            return str(marked[-1]["value"])
    bare = [city for city, before in said if not _FROM_CITY.search(before)]
    return str((bare or cities)[-1]["value"]) if cities else None


def order_id_from(entities: Sequence[Mapping[str, Any]], requested_slot: Optional[str]) -> Optional[str]:
    """The order number the message gives, unless it answers another question; while the phone is asked,
    only a number that cannot be a phone ("TS-1043", "58120") is a corrected order number."""
    values = [str(value) for value in _values(entities, "order_id")]
    if requested_slot == "phone":
        values = [value for value in values if not (value.isdigit() and valid_phone(value))]
    elif _asking_for_something_else(requested_slot, "order_id"):
        return None
    # the last number named, a correction ("CK-3004, ой нет, CK-3003"), but not four digits after it (a phone's)
    numbers = [value for value in values if not (value.isdigit() and len(value) <= 4)] or values
    return numbers[-1] if numbers else None


# what tells a number put right: an order's label, or "it was", "no", "typo" beside it ("3004 بود", "нет, 3004")
_ORDER_WORD = re.compile(r"(?<!\w)(?:سفارش\S*|شماره\S*|заказ\w*|номер\w*|order|бود|نه|нет|не|а|опечат\w*)(?!\w)",
                         re.IGNORECASE)
TYPO_DIGITS = 1  # digits an order number put right differs in from the one tried ("3004" for CK-3005)


def order_put_right(entities: Sequence[Mapping[str, Any]], tried: Mapping[str, Any], text: str) -> Optional[str]:
    """"ببخشید 3004 بود" right after CK-3005 and its phone did not match: a number put right (a correction's words or
    an order's label with it) as long as the tried order's digits, differing in one of them or by two swapped (and not the tried phone's end, nor as long as the phone tried:
    "3303" after "3330" puts the phone right), is that order number put right, with its letters; None otherwise."""
    order, phone = str(tried.get("order_id") or ""), str(tried.get("phone") or "")
    own = re.sub(r"\D", "", order)
    if not (corrects(text) or _ORDER_WORD.search(_folded(text))):  # "3304" alone, asked for the phone: the phone
        return None
    for value in [*_values(entities, "order_id"), *_values(entities, "phone")]:
        number = str(value)
        shaped = number.isdigit() and len(number) == len(own) != len(phone) and not phone.endswith(number)
        if own and shaped and (0 < sum(a != b for a, b in zip(number, own)) <= TYPO_DIGITS or _swapped(number, own)):
            return order[:len(order) - len(own)] + number
    return None


def _swapped(number: str, other: str) -> bool:
    """Whether two numbers differ by two neighbouring digits swapped ("5001" typed "5010")."""
    return any(number == other[:i] + other[i + 1] + other[i] + other[i + 2:] != other for i in range(len(other) - 1))


def phone_from(entities: Sequence[Mapping[str, Any]], requested_slot: Optional[str]) -> Optional[str]:
    """A phone entity; when the phone was asked for, a bare number is the phone (or its last 4)."""
    phones = _values(entities, "phone")
    if phones:
        return str(phones[-1])  # the last, a correction ("09352222201... ой, не тот. … 09352222206")
    if requested_slot == "phone":
        corrected = order_id_from(entities, "phone")  # "ببخشید 58102": an order number put right, not a phone
        numbers = [str(v) for v in _values(entities, "order_id")
                   if str(v).isdigit() and 4 <= len(str(v)) <= 13 and str(v) != corrected]
        if numbers:
            return numbers[0]
    return None


def phone_after_order(entities: Sequence[Mapping[str, Any]]) -> Optional[str]:
    """"ts1046 - 2206", "58120 4567": four digits after an order number named in the same message are its phone's
    last four, whatever was asked; None when the message names no such pair."""
    values = [str(value) for value in _values(entities, "order_id")]
    first = next((index for index, value in enumerate(values) if not (value.isdigit() and len(value) <= 4)), None)
    ends = [value for value in values[first + 1:] if value.isdigit() and len(value) == 4] if first is not None else []
    return ends[-1] if ends else None


# "و ایرادی هم نداشته باشه", "дефектов нет", "без брака": a fault denied, which names no reason
_NO_FAULT = re.compile(r"(?:ایراد|عیب|نقص|مشکل)(?:ی)?(?: هم)? (?:نداره|ندارد|نداشته ?باشه|نداشته باشد|نیست)(?!\w)|"
                       r"(?<!\w)خراب(?:م|ش)? (?:هم )?(?:نیست|نشده)(?!\w)|"  # "خرابم نیست": not broken either
                       r"(?<!\w)никаких (?:дефект|брак|поломок)\w*(?: нет)?|(?:дефект|брак|поломок)\w* нет(?!\w)|"
                       r"(?<!\w)не (?:сломан|слома\w*|бракован\w*)(?!\w)",
                       re.IGNORECASE)
# "ظاهرش ایرادی نداره …", "внешне дефектов нет": a fault denied of the looks only, which tells one with what follows
_LOOKS = re.compile(r"(?<!\w)(?:ظاهرش|ظاهرشون|внешне|снаружи|на вид)(?!\w)", re.IGNORECASE)
# "ایرادی نداره ولی باتریش زود تموم میشه", "дефектов нет, но аромат выветривается": a turn for the worse after a fault
# denied, which tells one (not "ولی میخوام پسش بدم", "но можно вернуть?": a wish or a return asked)
_BUT = re.compile(r"(?<!\w)(?:ولی|اما|یهو|но|однако|а|теперь)(?!\w)", re.IGNORECASE)
_CLAUSE_END = re.compile(r"[.!?؟،,;؛\n]")
_CAN_I = re.compile(r"(?<!\w)(?:можно|могу|получится|میتونم|میتونیم|امکانش)(?!\w)", re.IGNORECASE)  # (not "میشه": "خالی میشه")
# "قیمت تو سایت اشتباه بود", "اشتباه در درج قیمت": a price put wrong on the site, the store's error, no item sent wrong
_PRICE_WRONG = re.compile(r"قیمت[^\s،,.!?؟]*(?: (?!ولی|اما|رنگ|سایز|مدل)[^\s،,.!?؟]+){0,9}? اشتباه\S*|اشتباه\S* (?:\S+ ){0,2}قیمت",
                          re.IGNORECASE)


def reason_from(intent: Optional[str], text: str) -> Optional[Reason]:
    """A reason from a reason button, else from the words of the message."""
    if intent in REASON_INTENTS:
        return REASON_INTENTS[intent]
    folded = _PRICE_WRONG.sub(" ", _folded(text))
    denied = _NO_FAULT.search(folded)
    without = _NO_FAULT.sub(" ", folded)
    for reason, pattern in _REASON_WORDS:
        if re.search(pattern, without):
            return reason
    return "defect" if denied is not None and _turns_worse(folded[:denied.start()], folded[denied.end():]) else None


def _turns_worse(before: str, after: str) -> bool:
    """Whether a fault denied still tells one: of the looks only, with something after it ("ظاهرش ایرادی نداره، باتریش
    زود خالی میشه"), or with a turn for the worse after a "but" ("… ولی باتریش زود تموم میشه"); not when the clause
    after it is a wish, a return or a question ("ولی میخوام پسش بدم", "но можно вернуть?", "а курьер когда приедет?")."""
    turn = _BUT.search(after)
    if turn is None and not _LOOKS.search(before[-25:]):
        return False
    rest = (after[turn.end():] if turn else after).strip(" ،,")
    clause = _CLAUSE_END.split(rest, 1)[0]
    asked = rest[len(clause):len(clause) + 1] in ("?", "؟")  # "а курьер когда приедет?" (not "…, что делать?" after it)
    return (re.search(r"\w", clause) is not None and not asked and not _WANTS_DONE.search(clause)
            and not names_a_return(clause) and not _CAN_I.search(clause))


# The seal's state in the customer's own words (normalised, folded): intact is checked first,
# since "I did not open it" contains "open it".
_SEALED_WORDS = (
    (True, r"باز ?نکرد|بازش ?نکرد|(?:باز|بازش|پلمپ\S*) ?نکنم|باز ?نشده|دست ?نخورده|سلفون\S* (?:\S+ )?(?:روشه|روش هست|سالم|هست|باز ?نشده)|پلمپ\S* (سالم|باز ?نشده)|(سالم|کامل)ه? .{0,12}پلمپ|"
           r"(?<!\w)не ?(вскрыва|вскрыл|вскрыт|вскро|открыва|открыл|открыт|откро|распечат)|запечатан|"
           r"пломб\S* (цел|на месте)|целая пломб|"
           r"هنوز (تو )?پلمپ|پلمپه(?!\w)|پلمپ ?(هست|است)|پلمپ (?:بود|باشه|باشد)(?!\w)(?! (?:ولی|اما) (?:\S+ ){0,2}باز)|تو پلمپ|все ещ[её] в пломб|ещ[её] (в пломб|запечат)|"
           r"в заводской упаковке|(?<!\w)не ?распак(?:ов|у)|не (?:по)?пробова|امتحانش? نکرد|تستش? نکرد"),
    (False, r"باز ?کرد|باز شده|سلفون\S* (?:\S+ )?(?:پاره|باز) ?کرد|بازش کرد|باز ?کنم|بازش ?کنم|پلمپ\S* (باز|پاره|خراب)|استفاده کرد|вскрыл|вскро|открыл|откро|распечатал|распаков|распаку|"
            r"пользовал|пломб\S* (сорван|вскрыт|поврежд)|"
            # tried on: "یه بار زدم", "یه پاف زدم", "اگه فقط یه پیس زده باشم", "побрызгала пару раз"
            r"(?:بار|پاف|پیس|پیف|اسپری) ?(?:زدم|زده ?ام|زده باشم)|اسپری کردم|"
            r"(?:رو|روی) (?:مچ|دست|پوست|گردن|لباس|صورت)\S* (?:\S+ )?(?:زدم|زده ?ام|زدیم|امتحان کردم)|"  # "۳ بار روی مچم زدم"
            r"(?:ادکلن|عطر|ادو ?پرفیوم|ادو ?تویلت|بادی ?اسپلش|بادی ?اسپری)\S* (?:\S+ ){0,3}(?:رو|را|و) زدم(?!\w)|امتحانش? کردم|تستش? کردم|побрызга|брызнул|(?:по)?пробовал|нанесл|нан[её]с"),
)


def sealed_from(intent: Optional[str], text: str = "") -> Optional[bool]:
    """"Is the seal intact?" answered yes or no, by button or in the customer's words."""
    folded = _folded(text)
    for sealed, pattern in _SEALED_WORDS:
        if re.search(pattern, folded):
            return sealed
    return {"affirm": True, "deny": False}.get(intent or "")


# What customers call an item, for the words of item names and categories.
_ITEM_WORDS: dict[str, tuple[str, ...]] = {
    "hair dryer": ("سشوار", "фен"),
    "charger": ("شارژر", "зарядк"),
    "printer": ("پرینتر", "چاپگر", "принтер"),
    "laptop": ("لپ تاپ", "لپتاپ", "ноутбук", "ноут"),
    "perfume": ("عطر", "ادکلن", "ادوپرفیوم", "духи", "парфюм", "туалетн"),
    "cream": ("کرم", "крем"),
    "کرم": ("крем", "cream", "کرم"),  # "کرمه رو هم نمیخوام": the cream, with its ending
    "نیوآ": ("nivea", "нивея", "нивеа"),
    "mascara": ("ریمل", "тушь"),
    "gel": ("ژل", "гель"),
    "sample": ("نمونه", "سمپل", "тестер", "пробник"),
    "headphones": ("هندزفری", "ایرپاد", "ایر پاد", "هدفون", "наушник", "эйрпод", "эирпод", "аирпод", "airpod"),
    "paper": ("کاغذ", "бумаг"),
    "blender": ("مخلوط کن", "блендер"),
    "pan": ("ماهیتابه", "сковород"),
    "shoes": ("کفش", "кроссовк"),
    "vacuum": ("جارو", "пылесос"),
    "monitor": ("مانیتور", "монитор"),
    "fax": ("فکس", "факс"),
    "copier": ("دستگاه کپی", "فتوکپی", "копир"),
    "keyboard": ("کیبورد", "клавиатур"),
    "flash": ("فلش", "флешк"),
    "tablet": ("تبلت", "планшет"),
    "mobile phone": ("گوشی", "موبایل", "телефон", "смартфон"),
    "parfum": ("عطر", "ادکلن", "ادوپرفیوم", "духи", "парфюм"),
}
# brands as customers write them in their own letters
_BRANDS: dict[str, tuple[str, ...]] = {
    "lanc": ("لانکوم", "لانکم", "ланком"), "versace": ("ورساچه", "ورساچ", "версаче"), "dior": ("دیور", "диор"),
    "chanel": ("شنل", "شانل", "шанель"), "philips": ("فیلیپس", "филипс"), "samsung": ("سامسونگ", "самсунг"),
    "epson": ("اپسون", "эпсон"), "canon": ("کانن", "کنون", "канон"), "asus": ("ایسوس", "асус"),
    "lenovo": ("لنوو", "леново"), "xiaomi": ("شیائومی", "شیامی", "сяоми", "ксиаоми"), "garnier": ("گارنیر", "гарнье"),
    "cerave": ("سراوی", "سراوه", "серави"), "anker": ("انکر", "анкер"), "maybelline": ("میبلین", "мейбеллин"),
}
_ITEM_WORDS.update(_BRANDS)
_BRAND = re.compile(r"(?<!\w)(?:" + "|".join(sorted((word for words in _BRANDS.values() for word in words), key=len,
                                                     reverse=True)) + r")\w*", re.IGNORECASE)


def without_brands(folded: str) -> str:
    """Folded text without the brands it names: "ورساچه اروس رسید ولی شیشه‌اش ترک داره" asks the rule for a crack
    whatever the bottle's brand, and an example that names the same brand for another rule is no nearer for it."""
    return _BRAND.sub(" ", folded)


def _words(text: str) -> set[str]:
    """The comparable words of a text: three letters or more, or a two-letter Latin brand ("HP", "LG")."""
    found = re.findall(r"\w{3,}|\b[a-z]{2}\b", _folded(text))
    return {word for word in found if not word.isdigit()}


def item_mentioned(text: str, items: Sequence[tuple[str, str]]) -> Optional[str]:
    """The SKU of the one item a message names (a word of its name, or what customers call it)."""
    folded = _folded(text)
    said = _words(text)
    scores = []
    for sku, name in items:
        named = _folded(name)
        shared = said & _words(name)
        score = len(shared)
        score += sum(1 for key, words in _ITEM_WORDS.items()  # a word the name's own words counted already counts once
                     if key in named and any(w in folded for w in words if w not in shared))
        scores.append((score, sku))
    best = max((score for score, _ in scores), default=0)
    winners = [sku for score, sku in scores if score == best]
    alone = _BOUGHT_WITH.sub(" ", folded) if best > 0 and len(winners) > 1 else folded
    if alone != folded:  # "شارژری که با ایرپاد گرفتم": not the one it came with
        return item_mentioned(alone, items)
    return winners[0] if best > 0 and len(winners) == 1 else None


# "که با ایرپاد", "которую купил с наушниками": the item another was bought with (not "مشکل با پرینتر بود")
_BOUGHT_WITH = re.compile(r"(?<!\w)(?:که|котор\w+)\s+(?:\S+\s+){0,2}?(?:با|همراه|с|со)\s+(?:یه |یک |این |اون )?\S+",
                          re.IGNORECASE)
_GIFT_WORDS = re.compile(r"هدیه|کادو|نمونه|جایزه|подар|пробник|тестер|бонус", re.IGNORECASE)


_WITH = r"(?<!\w)(?:با|همراه|همراهِ|с|со|вместе с|к|ко)\s+(?:یه |یک |این |اون )?"
# "فرستادین", "رسید", "пришла", "положили": sent or arrived, gone by (not "میرسه", "با پرینتر چاپ کردم")
_CAME = re.compile(r"(?<!\w)(?:فرستاد\w*|اومد\w*|آمد\w*|رسید\w*|آورد\w*|اورد\w*|داد(?:ین|ید|ن|ند)|گذاشت\w*|تحویل گرفتم|"
                   r"пришл[аои]|пришел|прислал\w*|привезл\w*|доставил\w*|положил\w*|приложил\w*|получил\w*)(?!\w)",
                   re.IGNORECASE)
# and the words of what comes with a purchase: "که همراه پرینتر میاد", "که با پرینتر بود", "идёт в подарок с принтером"
_COMES_WITH = re.compile(r"(?<!\w)(?:میاد|میان|گرفتم|بود|بودن|ид[её]т|шла|шел|шли|в комплекте)(?!\w)", re.IGNORECASE)
# a sentence's parts, at a "but" (a comma may fall inside one: "бумага, подарок к принтеру, пришла мокрая")
_PARTS = re.compile(r"[;؛]|(?<!\w)(?:ولی|اما|но|однако)(?!\w)", re.IGNORECASE)


def _came_with(sentence: str, name: str) -> bool:
    """Whether a sentence names the item only as what another came with ("… که با پرینتر فرستادین", "пришла с
    принтером"): each time it is named (but where told to be fine), after a "with" in a part that says it came ("کاغذ
    هدیه رو با پرینتر امتحان کردم، پرینتری که دیروز رسید …" speaks of the printer)."""
    named = _folded(name)
    words = {re.escape(_folded(word)) for word in _words(name) | {word for key, words in _ITEM_WORDS.items()
                                                                   if key in named for word in words}}
    mentions = withs = 0
    for part in _PARTS.split(_folded(sentence)):
        clause = _without_fine(part)  # "… ولی پرینتر سالمه", "сам принтер в порядке": not spoken of
        came = _CAME.search(clause) is not None or _COMES_WITH.search(clause) is not None
        for word in words:
            mentions += len(re.findall(word, clause))
            withs += len(re.findall(_WITH + word, clause)) if came else 0
    return mentions > 0 and withs == mentions


# "airpods нормальные", "پرینتر سالمه", "кабель в порядке": an item told to be fine, in a clause of its own
_FINE = re.compile(r"(?<!\w)(?<!не )(?:нормальн\w*|норм|в порядке|работа\w* (?:нормально|хорошо)|"
                   r"(?:سالم(?:ه|ن|ند)?|(?:مشکلی|ایرادی) ندار\w*|خوب(?:ه|ن))(?! ?(?:نیست|نبود|نیس|نمی)))(?!\w)", re.IGNORECASE)


def _without_fine(sentence: str) -> str:
    """A sentence without its clauses that tell an item is fine and no fault."""
    clauses = re.split(r"[،,;؛]", sentence)
    return "،".join(clause for clause in clauses if not (_FINE.search(_folded(clause)) and reason_from(None, clause) is None))


def returned_item(texts: Sequence[str], items: Sequence[tuple[str, str]], gifts: frozenset[str]) -> Optional[str]:
    """The SKU of the item a return is about: the one the customer named in any message (a free gift only
    when called a gift), else the one bought item of an order whose other items are free gifts."""
    if len(items) == 1:
        return items[0][0]
    bought = [item for item in items if item[0] not in gifts]
    # the latest sentence naming one ("یه سشوار و یه کرم نیوا اومد. سشوار رو زدم به برق روشن نمیشه": the dryer); a gift
    # counts as named only with a gift word in its sentence: "the paper keeps jamming" is the printer, "لانکوم رو باز
    # نکردم" after "…با یه سمپل هدیه بود" the perfume
    for text in texts:
        for sentence in reversed(sentences(text)):
            among = items if _GIFT_WORDS.search(_folded(sentence)) else bought
            # "ایرپاد با شارژرش رسید، شارژره کلا کار نمیکنه": the one the clause of the fault names; else the one the
            # sentence names ("ادکلن لانکوم رسید، با یه سمپل هدیه": a gift named beside the item bought, whose story it is)
            named = next((found for clause in reversed(_CLAUSE_END.split(sentence)) if reason_from(None, clause)
                          and (found := item_mentioned(clause, among))), None) or item_mentioned(sentence, among)
            if named is None and (rest := _without_fine(sentence)) != sentence:  # "зарядка не заряжает, airpods
                named = item_mentioned(rest, among)  # нормальные": not the item told to be fine
            if named is None:  # "کاغذ هدیه‌ای که با پرینتر فرستادین مشکل داره", "ایرپاد پرو ۲ با یه شارژر ازتون گرفتم":
                spoken = [item for item in among if not _came_with(sentence, item[1])]  # the item the other came with
                named = item_mentioned(sentence, spoken) or item_mentioned(sentence, bought)  # is not the one spoken of
            if named is not None:
                return named
    if len(bought) == 1 and not any(_GIFT_WORDS.search(_folded(text)) for text in texts):
        return bought[0][0]
    return None


def since_item_named(texts: Sequence[str], items: Sequence[tuple[str, str]]) -> list[str]:
    """The messages (latest first) that speak of the item last named: a reason or seal state given for
    one item ("the dryer is broken") is not carried to the next ("and the cream? I did not open it")."""
    for position, text in enumerate(texts):
        if item_mentioned(text, items):
            return list(texts[: position + 1])
    return list(texts)


# "Do I have to send the charger too?": a question about what a return includes, not a new return.
_MUST_SEND = re.compile(
    r"باید .{0,25}(بفرست|پس بد|برگردون|برگردان|ارسال کن|پست کن)\S*\s*[?؟]|(هم|همراهش)\s*(باید|لازمه|لازم است)\s*\S*\s*[?؟]|"
    r"(надо|нужно|обязательно) ли|(тоже|также|вместе с ним) (надо|нужно) (отправ|вернут|присла)|"
    r"(надо|нужно) (тоже|также) (отправ|вернут|присла)",
    re.IGNORECASE,
)


# a free gift itself, not gift wrapping or a gift box ("کاغذ کادو", "подарочная коробка")
_FREE_GIFT = re.compile(r"هدیه|جایزه|سمپل|пробник|тестер|(?<!\w)в подарок", re.IGNORECASE)


def names_a_gift(text: str) -> bool:
    """Whether a message speaks of a free gift ("пробник, который шёл в подарок"), a thing a page may say nothing of."""
    return _FREE_GIFT.search(_folded(text)) is not None


def asks_what_to_send(text: str) -> bool:
    """Whether the customer asks what a return must include ("شارژرشم باید بفرستم؟", "коробку тоже надо отправить?")."""
    return _MUST_SEND.search(_folded(text)) is not None


def item_from(text: str, items: Sequence[tuple[str, str]]) -> Optional[str]:
    """The SKU of the item the customer picked: by SKU (our buttons), by position or by name."""
    typed = _folded(text).strip()
    if not typed:
        return None
    for sku, _ in items:
        if typed == _folded(sku):
            return sku
    number = to_ascii_digits(typed)
    if number.isdigit() and 1 <= int(number) <= len(items):
        return items[int(number) - 1][0]
    matches = [sku for sku, name in items if typed in _folded(name) or _folded(name) in typed]
    return matches[0] if len(matches) == 1 else item_mentioned(text, items)


# How to follow an order up, asked without wanting one looked up: "where do I see the tracking code?"
_HOW_TO = re.compile(r"(?<!\w)(از کجا|کجا (?:ببینم|بزنم|وارد کنم|چک کنم|پیگیری کنم)|چطور|چطوری|چطوریه|چجوری|چجوریه|چگونه|как|откуда|"
                     r"جایی (?:[^\s؟?.،]+ ){0,2}(?:میتونم|میشه|هست که)(?: [^\s؟?.،]+){0,2} (?:ببینم|چک کنم|پیگیری کنم)|"
                     r"где(?:-то|-нибудь)?( \w+){0,2} (смотреть|посмотреть|узнать|отслеживать|проверить|увидеть))(?!\w)",
                     re.IGNORECASE)
# "وضعیت سفارشم چطوریه؟", "کیفیتش چطوریه؟": what a state or a thing is like, no how-to
_STATE_HOW = re.compile(r"(?<!\w)(?:(?:وضعیت|اوضاع|کیفیت|حالش|جنس|قیمت|رنگ|بو)(?:ش|م|ت|شون|ی|یش)?(?!\w) (?:\S+ ){0,2}|"
                        r"(?:سفارشم|سفارش من) )(?:چطوریه|چجوریه)", re.IGNORECASE)


def _asks_how(folded: str) -> bool:
    """How something is done asked, in folded text (not what a state or a thing is like)."""
    return _HOW_TO.search(_STATE_HOW.sub(" ", folded)) is not None


_NO_ORDER = re.compile(
    r"شماره ?(ی )?سفارش\S* (رو |را )?(هنوز )?(ندارم|نمیدونم|یادم نیست|پیدا ?(?:ش )?نکردم|پیدا ?(?:ش )?نمیکنم|گم کردم)|سفارشی ندارم|سفارش ندادم|(هنوز )?(نخریدم|خرید نکردم|سفارش نداده ?ام)|"
    r"нет (номера|заказа)|номера (нет|не знаю|не помню)|не (знаю|помню) номер|(ещ[её] )?не (заказывал|заказал|покупал|купил)|"
    r"без номера|не (?:могу )?(?:найти|нашёл|нашел|нашла) номер(?! (?:трек|отслеж|курьер|телефон))|"
    r"номер\w*(?: заказа)? (?:не могу найти|не нашёл|не нашел|не нашла|потерял\w*|не помню|не знаю)|"
    # "проверять мой заказ не надо, просто скажите", "لازم نیست سفارشمو چک کنی": the rule, not the look-up
    r"(?:проверять|смотреть|искать) (?:мой |наш )?заказ\w* (?:не надо|не нужно)|(?:не надо|не нужно) (?:проверять|смотреть|искать) (?:мой )?заказ|"
    r"не (?:проверяйте|смотрите|ищите) (?:мой )?заказ|(?:نمی ?خواد|لازم نیست) (?:\S+ ){0,5}سفارش\S* (?:رو |را )?(?:چک|بررسی|پیگیری)|"
    r"سفارش\S* (?:رو |را )?(?:چک|بررسی) نکن",
    re.IGNORECASE,
)


_NOT_DELIVERED = re.compile(
    r"(هنوز|فعلا) ?(?:(?:بهم|به ?دستم|برام|واسم) )?(نرسیده|نیومده|نیامده|تحویل نگرفتم|دستم نرسیده|ارسال نشده|نفرستادین)|تحویل نگرفتم|"
    r"ещ[её] не (доставил|привез|пришл|приш[её]л|получил|отправил|доехал|дош[её]л|дошл)|не (?:приш[её]л|пришл\w*|доставлен\w*) ещ[её]|не (доставили|привезли|получил)|до (получения|доставки)|"
    r"(?<!курьер )(?<!вы )(?:ещ[её] )?не забрал(?:а)?(?!и) (?:\w+ )?(?:посылк|заказ|с почты|из пункта)|"
    r"قبل از (تحویل|رسیدن|دریافت)|(?:قبل|پیش) (?:از )?(?:این ?که|اینکه) (?:\S+ ){0,3}(?:برسه|برسد|بیاد|بیارن|"
    r"تحویل بگیرم|ارسال ?(?:بشه|شه|کنین|کنید)|بفرستین|بفرستید|خارج ?(?:بشه|شه))|"
    r"(?:до того|прежде чем) (?:как )?(?:\w+ )?(?:привез|достав|отправ|получу|получим|получит)|пока (?:\w+ )?не отправ",
    re.IGNORECASE,
)


# the money asked onto someone else's card or account ("پولشو به کارت شوهرم بریزین", "верните на карту брата"): the
# refund's rules (which account it goes back to), not the ways of paying
_SOMEONE_ELSE = (r"(?:خانم|همسر|شوهر|زن|برادر|داداش|خواهر|آبجی|بابا|پدر|مادر|مامان|پسر|دختر|دوست|همکار|فامیل|یکی دیگه|"
                 r"یه نفر دیگه|شخص دیگه|دیگه|دیگر)")
_KIN_ENDING = r"(?:م|ت|ش|مون|تون|شون|ای|ی|ام)?(?!\w)"  # "داداشم", "کارت یکی دیگه‌ای": a possessive, no other word
_TO_ANOTHER_CARD = re.compile(
    # (not "کارت به کارت دیگه واریز کردم", a way of paying; not "زنگ" for "زن")
    rf"(?<!کارت به )(?:کارت|حساب|شبا)\S* (?:\S+ )?{_SOMEONE_ELSE}{_KIN_ENDING}(?=.{{0,25}}(?:بریز|واریز|برگردون|برگردان|بزنی|پس بد))|"
    rf"(?:بریز|واریز|برگردون|برگردان)\S* (?:\S+ )?(?:به|رو|روی) (?:کارت|حساب|شبا)\S* (?:\S+ )?{_SOMEONE_ELSE}{_KIN_ENDING}|"
    r"(?:верн|возврат|перевед|перечисл|отправ)\w* (?:\w+ ){0,3}на (?:карт|сч[её]т)\w* (?:\w+ )?(?:жены|мужа|брата|сестры|отца|папы|мамы|"
    r"матери|сына|дочери|друга|коллеги|друго)|"
    # "а можно на карту жены перевести?": the card named before the word of sending
    r"на (?:карт|сч[её]т)\w* (?:\w+ )?(?:жены|мужа|брата|сестры|отца|папы|мамы|матери|сына|дочери|друга|коллеги|друго)\w* "
    r"(?:\w+ )?(?:верн|перевед|перевест|перечисл|отправ|скин)", re.IGNORECASE)


# "پولش به کارت خودم برمیگرده؟", "деньги вернут на мою карту?": the money back asked onto a card, whoever's
_MONEY_ONTO_CARD = re.compile(r"(?<!\w)(?:پول|وجه|مبلغ)\S* (?:\S+ ){0,2}(?:به|رو|روی) (?:(?:کدوم|کدام|چه) )?(?:کارت|حساب|شبا)\S*(?: \S+){0,2} "
                              r"(?:برمی ?گرد|برگرد|واریز|بریز)|(?<!\w)(?:деньги|средства|возврат)\w* (?:\w+ ){0,2}(?:на|по) "
                              r"(?:\w+ )?(?:карт|сч[её]т)|"
                              # "а можно на карту а не на шебу?", "به جای شبا به کارتم": a card instead of the Sheba
                              r"(?:на карт\w*|به کارت\S*)[^.?!؟]{0,20}(?:не|نه) (?:на )?(?:шеб|шэб|sheba|شبا)|"
                              r"(?:вместо|به ?جای) (?:шеб|шэб|sheba|شبا)", re.IGNORECASE)


def money_back_to_a_card(text: str) -> bool:
    """"اگه قبول کردن، پولش به کارت خودم برمیگرده دیگه؟": where the money back goes, which the refund rules answer."""
    return refund_to_another(text) or _MONEY_ONTO_CARD.search(_folded(text)) is not None


def refund_to_another(text: str) -> bool:
    """"پولشو به کارت شوهرم بریزین میشه؟": the money back asked onto someone else's card, which the refund rules answer."""
    return _TO_ANOTHER_CARD.search(_folded(text)) is not None


# an amount asked in the other unit of Iran's money ("این ۱۰ میلیون به ریال چقد میشه؟", "۱۰۰ میلیون ریال چند تومنه؟",
# "10 млн томан это сколько в риалах?"), not a price asked of an amount in rial ("ارسال خرید ۵۰۰ هزار ریالی چقدره؟")
_IN_THE_OTHER_UNIT = re.compile(r"(?<!\w)(?:(?:به|در|چند) ریال|ریالش|ریالی\S* (?:\S+ )?(?:چقد|چند)|(?:به|چند) (?:تومن|تومان)|"
                                r"(?:в|сколько|скольк\w*) (?:\w+ )?(?:риал|томан)\w*)", re.IGNORECASE)
# words of another question beside it: a price, a time, an ID check
_OTHER_MATTER = re.compile(r"ارسال|هزینه|پست|قسط|(?<!\w)کی(?!\w)|چند روز|طول می|доставк|стоит|рассрочк|когда|сколько дн|срок",
                           re.IGNORECASE)
# "این ۱۰ میلیون", "اینو", "это": an amount of the conversation referred back to
_REFERS_BACK = re.compile(r"(?<!\w)(?:این|اینو|اون|اونو|همین|همون|это|эти|этот|эта|эту)(?!\w)", re.IGNORECASE)


def refers_back(text: str) -> bool:
    """Whether a message points back at something said before ("اینو به ریال بگید"), which a value kept may stand for."""
    return _REFERS_BACK.search(_folded(text)) is not None


def asks_in_the_other_unit(text: str) -> bool:
    """"این ۱۰ میلیون به ریال دقیقا چقد میشه؟": an amount in toman asked in rial, or in rial asked in toman."""
    folded = _folded(text)
    rial = re.search(r"ریال|риал", folded, re.IGNORECASE) is not None
    return rial and _IN_THE_OTHER_UNIT.search(folded) is not None and not _OTHER_MATTER.search(folded)


def not_delivered_yet(text: str) -> bool:
    """"It hasn't arrived yet": rules for before delivery apply, not those for an item in hand."""
    return _NOT_DELIVERED.search(_folded(text)) is not None


# "я ничего не получал", "به دستم نرسیده", "تحویل نگرفتم": a parcel not received, said of an order marked delivered
_NEVER_RECEIVED = re.compile(r"(?<!\w)(?:(?:به )?دستم نرسید\w*|تحویل(?: \S+)? نگرفتم|(?:چیزی|هیچی|هیچ چیزی|سفارشم|بسته\u200c?م)(?: \S+)? نرسید\w*|"
                             r"нич(?:его|[её])(?: \w+)? не (?:получ|пришл|привез|достав)\w*|не получ[аи]л\w*|"
                             r"мне не (?:доставили|привезли|пришл\w*))(?!\w)", re.IGNORECASE)


# "نه به من نرسیده!!", "من نگرفتمش": not to me, of a parcel (not "پول مرجوعی بهم نرسیده", "کد رهگیری بهم نرسیده")
_NOT_TO_ME = re.compile(r"(?<!\w)(?:(?:به من|بهم|به ما|بهمون) نرسید\w*|(?:من|ما) (?:(?:تحویل|هیچی|چیزی|هیچ چیزی) )?نگرفت(?:م|یم)\S*)")
_NOT_A_PARCEL = re.compile(r"(?:پول|وجه|مبلغ|(?<!\w)کد|پیامک|اس ?ام ?اس|فاکتور|ایمیل|قسط|تخفیف|رسید)\S*(?: \S+){0,2} "
                           r"(?:به من|بهم|به ما|بهمون) نرسید")  # the money or the code not come, not the parcel


def never_received(text: str) -> bool:
    """"как доставлен?? я ничего не получал": the customer has not got a parcel the store may have marked delivered."""
    folded = _folded(text)
    return _NEVER_RECEIVED.search(folded) is not None or (
        _NOT_TO_ME.search(folded) is not None and _NOT_A_PARCEL.search(folded) is None)


_PERSON = re.compile(
    r"صحبت|حرف ?بزن|وصل|آدم|انسان|اپراتور|اوپراتور|پشتیبان|تماس|زنگ|человек|оператор|живо|связ|поговор|позов|менеджер|"
    r"сотрудник|консультант|^/human_handoff$",
    re.IGNORECASE,
)


# "оператор позвонил и предложил …", "мне позвонил оператор", "کارشناس زنگ زد": a person who did something, told of,
# not asked for ("хочу, чтобы мне позвонил оператор" asks)
_PERSON_DID = re.compile(r"(?:оператор|менеджер|сотрудник|консультант|اپراتور|اوپراتور|پشتیبان\w*|کارشناس\w*)\W+(?:\w+\W+)?"
                         r"(?:\w+(?:ил|ал|ел|ял)[аи]?|گفت\w*|زنگ زد\w*|تماس گرفت\w*|پیشنهاد داد\w*)(?!\w)|"
                         r"(?<!чтобы )(?<!чтоб )(?<!чтобы мне )(?<!чтоб мне )(?<!\w)\w+(?:ил|ал|ел|ял)[аи]?\W+(?:мне\W+)?"
                         r"(?:оператор|менеджер|сотрудник|консультант)\w*", re.IGNORECASE)


# Words that ask what the assistant is: "ты бот?", "с кем я говорю", "تو رباتی؟", "آدمی یا ماشین؟"
_WHO_ANSWERS = re.compile(r"бот|робот|челов|живо[йм]|живые|искусствен|нейросет|нейронк|программ(?!\w*\s+лояльн)|автомат|"
                          r"автоответ|ассистент|помощник|настоящ|реальн|машин|компьютер|скрипт|гпт|gpt|chatgpt|с кем|(?<!\w)(?:ии|ai)(?!\w)|"
                          r"خودکار|اتومات|بات|چت ?بات|دستیار|برنامه|کامپیوتر|جی ?پی ?تی|یه نفر|کسی پشت|"
                          r"(?<!\w)(?:кто|с кем)\s+(?:\w+\s+)?(?:ты|вы|со мной|мне|отвечает|пишет|говорит|общается)(?!\w)|"
                          r"(?<!\w)(?:ты|вы)\s+кто|ربات|روبات|آدم|انسان|هوش|ماشین|واقعی|کی (?:هستی|هستید|هستین|جواب|داره جواب)|"
                          r"(?:تو|شما) کی|^\W*(?:ты|тебя|تو)(?!\w)|(?<!\w)(?:هستی|هستید|هستین|هستي)\W*$", re.IGNORECASE)


def asks_what_the_assistant_is(text: str) -> bool:
    """Whether a message read as "are you a bot?" asks that: not "а кто решает, виноваты мы или нет?", whose "who"
    and "or not" the classifier took for it."""
    return _WHO_ANSWERS.search(_folded(text)) is not None


def asks_for_a_person(text: str) -> bool:
    """Whether the customer asks to reach a person, rather than mentioning the store's experts in a question or
    telling what one of them did."""
    folded = _folded(text)
    return _PERSON.search(_MY_CALL_SUPPOSED.sub(" ", _PERSON_DID.sub(" ", folded))) is not None


# "اگه فردا ظهر زنگ بزنم دیر نیست؟", "а если завтра позвоню, не поздно?": the customer's own call supposed, not a wish;
# so is the store's ("اگه ساعت ۱۰ صبح زنگ بزنن تا کی وقت دارم؟", "если мне позвонят в 10")
_MY_CALL_SUPPOSED = re.compile(r"(?<!\w)(?:اگه|اگر|если)\s+(?:(?:\S+\s+){0,4}?(?:زنگ بزنم|تماس بگیرم|خبر بدم|позвоню|свяжусь|"
                               r"напишу)|(?!(?:\S+\s+){0,4}?(?:میشه|ممکنه|امکان|لطفا|можно|пусть|пожалуйста|اپراتور|پشتیبان|"
                               r"کارشناس|оператор|поддержк|менеджер))(?:\S+\s+){0,4}?(?:زنگ بزنن|زنگ بزنند|تماس بگیرن|"
                               r"تماس بگیرند|позвонят|позвонит))(?!\w)",
                               re.IGNORECASE)


_CONTACT = re.compile(r"ایمیل|ایمیلتون|شماره تماس|شماره تلفن|تلفنتون|شمارتون|راه ارتباطی|e-?mail|имейл|почт[аыу] (?:для связи|поддержки)|"
                      r"электронн\w+ почт\w*|(?:номер )?телефона? (?:службы )?(?:поддержки|для связи|магазина|оператора)|"
                      r"ваш (?:телефон|номер)|как (?:с вами )?связаться|с кем (?:мне )?связаться|"
                      # how to arrange it with them: "چجوری هماهنگ کنم؟", "как согласовать?"
                      r"(?:چجوری|چطوری|چطور|از کجا|با کی) (?:\S+ )?هماهنگ (?:کنم|کنیم|بشه)|как (?:мне )?(?:это )?согласовать|"
                      # whom to tell: "خبر بدم و به کی؟", "куда писать или звонить?"
                      r"(?:به|با) کی (?:\S+ )?(?:زنگ|خبر|بگم|اطلاع|تماس|گزارش)|"
                      r"(?:خبر|بگم|اطلاع|تماس|زنگ|گزارش)\S* (?:\S+ ){0,2}(?:به|با) کی(?!\w)|کجا (?:زنگ|تماس|خبر|بگم|اطلاع|گزارش)|"
                      r"(?:چه|کدوم|کدام) شماره|куда (?:писать|звонить|обращаться|обратиться|написать|позвонить|сообщ)|"
                      r"кому (?:звонить|писать|сообщ|позвонить|написать|обращаться|жаловаться)|(?:какой|по какому) (?:номер|телефон)|"
                      r"(?:на )?как(?:ую|ой|ая) (?:у вас )?(?:почт|адрес почты|email|мейл)\w*|"  # "на какую почту писать?"
                      r"(?:номер (?:телефона )?|телефон )у вас (?:\w+ )?как(?:ой|ие)|"  # "а номер телефона у вас какой?"
                      # "а написать куда можно, почта есть?"
                      r"(?:написать|писать|звонить|позвонить) куда|(?<!\w)(?:почта|email|имейл|мейл) (?:у вас )?есть|"
                      r"есть (?:ли )?(?:у вас )?(?:почта|email|имейл|мейл)(?!\w)",
                      re.IGNORECASE)


def asks_for_contact(text: str) -> bool:
    """"What is your email?", "как с вами связаться?": the store's own contact from its page answers."""
    folded = _folded(text)
    return _CONTACT.search(folded) is not None and (QUESTION_WORDS.search(folded) is not None or "?" in folded
                                                    or "؟" in folded)  # ("почта есть у вас?")


# "آدرستون کجاست؟", "آدرس برای مرجوعی چیه؟", "какой у вас адрес для возврата?": an address of the store asked (not
# "آدرس تحویل", "какой адрес указать для доставки?", "где адрес поменять?", the customer's own; nor its e-mail, site, or
# a carrier's office)
_STORE_ADDRESS = re.compile(r"(?<!\w)(?:[آا]درس(?:تون|تان|ت)(?!\w)|[آا]درس (?:شما|فروشگاه\S*|مغاز\S*|انبار\S*|مرجوعی|برای|"
                            r"شرکت(?:تون|تان)?(?! (?:حمل|پست|پیک))|دفتر(?!\S* پست)\S*)|"
                            r"ваш адрес(?! (?:почт|электрон|сайт))|"
                            r"адрес (?:магазина|офиса|склада|компании|шоурума|салона|для возврата|возврата|куда)|"
                            r"(?:какой|где) (?:у вас )?адрес(?!\s*(?:электрон|почт|сайт|e-?mail|доставк|"
                            r"получател|указ|писать|в заказе|для доставки|поменя|измен|смен|исправ|обнов|редакт)))", re.IGNORECASE)
# what asks for it: "کجاست؟", "چیه؟", "какой?", "скажите" (not "آدرس دفترتونو رو جعبه بنویسم دیگه؟", asked of the box)
_ADDRESS_ASKED = re.compile(r"(?<!\w)(?:کجا\S*|چیه|چیست|چی هست|کدومه|بدین|بدید|بگین|بگید|بفرستین|بفرستید|"
                            r"какой|какие|где|куда|скажите|подскажите|дайте|напишите|пришлите)(?!\w)", re.IGNORECASE)
ADDRESS_ALONE_WORDS = 3  # "ваш адрес?", "آدرستون؟": the address asked in so few words needs no question word


def store_address_asked(text: str) -> Optional[Literal["store", "return"]]:
    """"آدرستون کجاست؟": "store"; "адрес для возврата?": "return" (where to send an item back); None when the message
    asks no address of the store."""
    folded = _folded(text)
    short = len(folded.split()) <= ADDRESS_ALONE_WORDS and ("?" in text or "؟" in text)
    if not (_ADDRESS_ASKED.search(folded) or short) or not _STORE_ADDRESS.search(folded):
        return None
    return "return" if _SENT_BACK.search(folded) else "store"  # a return named beside it ("آدرستون برای مرجوعی کجاست؟")


def no_order_number(text: str) -> bool:
    """"I have no order number", "I haven't bought yet", "нет номера": the general rule, not the look-up."""
    return _NO_ORDER.search(_folded(text)) is not None


def purpose_from_words(text: str) -> str:
    """What a message that gives an order's number and phone wants: a return for a reason, else its status."""
    if removes_an_item(text):
        return "order_status"  # "تابه رو دیگه نمیخوام، از سفارش حذف کنین": a change, looked up with its status
    if names_a_cancel(text):
        return "cancel_order"
    if _RETURN_APPROVED.search(_folded(text)):
        return "order_status"  # "مرجوعی پرینترم تایید شده … پول به کدوم کارت میاد؟": no return to begin, the order's state
    reason = reason_from(None, text)
    if reason in ("defect", "transport_damage"):
        return "damaged_item"
    return "return_request" if reason or names_a_return(text) else "order_status"


# a return the store has already accepted: "مرجوعیم تایید شد", "возврат уже одобрили"
_RETURN_APPROVED = re.compile(r"مرجوعی\S* (?:\S+ )?(?:تایید|تأیید|قبول) (?:شد|شده|کردن|کردند)|"
                              r"возврат\w* (?:уже )?(?:одобрил|подтвердил|принял|одобрен|подтвержд[её]н)", re.IGNORECASE)


# "کل خریدم دو میلیون و صد", "جمعا ۲ میلیون و ۳۰۰", "всего на 3,2 млн": an amount said as the whole order's
# "دو تا عطر … ۲ میلیون و ۳۰۰", "купила два за 3,2 млн", "заказ был на 2 млн 300": so is the price of two together,
# or the order's
_TOTAL_WORDS = re.compile(r"(?<!\w)(?:کل|کلش|جمعا|جمعاً|مجموعا|مجموعاً|روی ?هم|سبدم|سفارشم|سفارشمون|مبلغ سفارش|دو ?تا|всего|итого|"
                          r"в сумме|вместе|общ\w*|на сумму|сумма заказа|заказ\w*(?: был\w*)? на|два|две|оба|обе)(?!\w)",
                          re.IGNORECASE)


# "پست برگشتش ۹۰ تومن میشه", "пересылка обойдётся в 500": the words before an amount that make it a cost of sending
_COST_BEFORE = re.compile(r"(?:پست|ارسال|هزینه|کرایه|پیک|почт|пересыл|доставк|отправк)\w*(?:\s+\S+){0,3}\s*$", re.IGNORECASE)
COST_BEFORE = 30  # characters before an amount in which its cost words are read
# (of sending it back: not "هزینه ارسالش ۹۰ هزار بود", the delivery paid)
_SENT_BACK = re.compile(r"برگشت|برگردوند|مرجوع|پس ?فرست|پس(?:ش|شون)? (?:فرستادن|بفرست|دادن|بدم|بدیم)|دفتر گارانتی|"
                        r"обратн|возврат|верну|гарантийн\w* отдел", re.IGNORECASE)  # ("… بفرستم به دفتر گارانتی")


def price_and_cost(text: str, amounts: Sequence[tuple[int, float]]) -> Optional[tuple[float, float]]:
    """Of the two amounts a message names (each by its start), an item's price and what sending it back costs ("یه
    ماوس ۸۰۰ هزار تومنی … پست برگشتش ۹۰ تومن"): the one after cost words is the cost, less than the price; None
    otherwise."""
    if len(amounts) != 2:
        return None
    before = [(amount, _folded(text[max(0, amount[0] - COST_BEFORE):amount[0]])) for amount in amounts]
    costs = [amount for amount, words in before if _COST_BEFORE.search(words) and _SENT_BACK.search(words)]
    if len(costs) != 1:
        return None
    price = next(amount for amount in amounts if amount is not costs[0])[1]
    return (price, costs[0][1]) if 0 < costs[0][1] < price else None


def names_a_total(text: str) -> bool:
    """Whether the message marks one of its amounts as the whole order's (not two prices of items side by side)."""
    return _TOTAL_WORDS.search(_folded(text)) is not None


# "پسش بدم", "مرجوع کنم", "хочу вернуть": giving an item back, said in so many words
_RETURN_WORDS = re.compile(r"مرجوع|پس بد|پسش بد|(?<!\w)پس(?:ش)? ?می ?د(?:م|یم)(?!\w)|(?<!\w)پس ?(?:ش )?میگیر(?:ین|ید|ن)(?!\w)|پسش میگیر(?:ین|ید|ن)(?!\w)|"
                           r"(?<!\w)(?:برمی ?گردونم|برگردونم|برمی ?گردانم|برگردانم)(?:ش|شون)?(?!\w)|"  # "حالا که برمیگردونم"
                           r"(?<!\w)(?:вернуть|верну)(?!\w)|возврат|"  # not "завернуть" (wrap)
                           r"(?<!\w)(?:его|её|ее|их) (?:тоже |же )?(?:примут|примете|возьм[её]те)(?!\w)",
                           re.IGNORECASE)


def names_a_cancel(text: str) -> bool:
    """Whether the message speaks of cancelling an order in so many words, whatever it was read as."""
    folded = _folded(text)
    return _CANCEL.search(folded) is not None and _NOT_CANCELLING.search(folded) is None


_CANCEL = re.compile(r"لغو|کنسل|باطل|ابطال|cancel|отмен(?!н)|аннулир", re.IGNORECASE)  # not "отменный" (excellent); "cancel کنم" typed in English
# "سفارشو لغو نمی‌کنم", "отменять не буду": no cancel
_NOT_CANCELLING = re.compile(r"(?:لغو|کنسل|cancel)\S* (?:\S+ )?نمی|(?<!\w)не (?:\w+ )?отмен|отмен\w* не (?:буду|стану|хочу)",
                             re.IGNORECASE)


# "… لغو کنم اونم همون ۷۲ ساعته برمیگرده؟", "если отменю, деньги когда придут?": what comes back after a cancel is money
_COMES_BACK = re.compile(r"(?<!\w)(?:پول|مبلغ|وجه|деньг|сумм|средств)\w*|برمی ?گرد(?:ه|ن)(?!\w)|(?<!\w)вернутся(?!\w)|"
                         # or the instalment already paid ("قسط اولی که دادم چی میشه؟", "что будет с первым платежом?")
                         r"(?<!\w)قسط (?:اول|اولی|اولم)(?!\w)|قسطی که (?:داد|پرداخت|زد)|(?:قسط|اقساط)(?:های)? پرداخت ?شده|"
                         r"(?:перв|оплаченн|внесенн|внесённ)\w* (?:платеж|платёж|взнос)",
                         re.IGNORECASE)  # money named, or "it comes back" (not "برگردونم", "вернуть": an item given back)


def money_after_cancel(text: str) -> bool:
    """Whether the message asks of the money back after a cancel, which the refund rules answer, not the cancel's."""
    return names_a_cancel(text) and _COMES_BACK.search(_folded(text)) is not None


def names_a_return(text: str) -> bool:
    """Whether the message speaks of giving an item back in so many words, whatever it was read as."""
    return _RETURN_WORDS.search(_folded(text)) is not None


# "when will orders placed on Saturday be processed?": the weekend rule, asked of no order in particular
_PROCESSING = re.compile(r"обраб\w*|پردازش", re.IGNORECASE)
def asks_when_processed(text: str) -> bool:
    """"оформил заказ в субботу, когда его обработают?": when an order is taken up, which its arrival's count says."""
    folded = _folded(text)
    return _PROCESSING.search(folded) is not None and _WHEN_ASKED.search(folded) is not None


_WHEN_ASKED = re.compile(r"(?<!\w)(?:когда|کی|چه (?:وقت|زمانی|روزی))(?!\w)", re.IGNORECASE)
# "میخوام برگردونم", "хочу вернуть" without a question mark: something to be done with an order (not "I want to know")
_WANTS_DONE = re.compile(r"(?<!\w)(?:میخوام|میخام|می ?خواهم|میخواستم|хочу|хотел[аи]? бы)(?!\w)(?!\s+(?:\w+\s+)?(?:بدونم|بپرسم|ببینم|بفهمم|узнать|спросить|уточнить|понять|разобраться))",
                         re.IGNORECASE)
# "میشه سفارشمو لغو کنید؟", "سفارشم نرسیده ببینید کجاست", "можете отменить мой заказ?": asked of the store for one's
# own order, a request
# ("ممکنه سفارشمو کنسل کنین، راسته؟" asks whether the store might, a rule)
_DO_IT = re.compile(r"(?<!\w)(?:میشه|لطفا|لطفاً)(?!\w).*(?<!\w)(?:ب?کن|بزن|بد|بریز)(?:ید|ین)(?!\w)|"
                    r"(?<!\w)(?:ثبت می ?کنی[دن]|ببینی[دن]|(?:چک|بررسی|پیگیری) کنی[دن]|можете|сможете|оформите|отмените|верните|"
                    r"проверьте|посмотрите)(?!\w)", re.IGNORECASE)
# the tracking code itself: "when do you send the tracking code?", "where do I track it?" ask how tracking works
_TRACKING = re.compile(r"کد ?(رهگیری|پیگیری)|"
                       r"(?<!\w)(?:کدو|کد رو|کدشو)\s+(?:[^\s،,.?؟]+\s+){0,3}?(?:کجا(?!\w)|بزنم|وارد|میاد|نیومده)|"
                       r"трек|отследить|отслеживать", re.IGNORECASE)
# a tracking code given, not asked for: "вот трек CTD-2002-5821", "کد رهگیری 123456789 هست"
_CODE_GIVEN = re.compile(r"(?:трек\w*|کد ?(?:رهگیری|پیگیری))\W*(?:(?!سفارش|заказ)\w+\W+)?[A-Za-z-]*\d{4,}",
                         re.IGNORECASE)


# "…، درخواستشو از کجا ثبت کنم؟", "как мне это оформить?": how the customer does it themselves
_HOW_I_DO = re.compile(r"(?<!\w)(?:از کجا|کجا|چطوری?|چجوری|چه جوری|چگونه)\s+(?:\w+\s+)?ثبت\w*\s+(?:کنم|بکنم)(?!\w)|"
                       # "چطوری باید این کارو بکنم؟", "как это сделать": how to do it oneself
                       r"(?<!\w)(?:چطوری?|چجوری|چه جوری|چگونه)\s+(?:باید\s+)?(?:\S+\s+){0,2}?(?:بکنم|انجام بدم|پس بدم|"
                       r"برگردونم|بفرستم)(?!\w)|"
                       r"(?<!\w)(?:как|где)\s+(?:(?:мне|это|его|её|ее)\s+)*(?:оформить|подать|сделать|вернуть|отправить)(?!\w)",
                       re.IGNORECASE)


def wants_something_done(text: str) -> bool:
    """"میخوام برگردونم", "хочу вернуть", "سفارشم نرسیده ببینید کجاست": the customer wants something done (with an
    order), not to know something ("میخوام مرجوعش کنم، از کجا ثبت کنم؟" asks how to do it themselves)."""
    folded = _folded(text)
    return (_WANTS_DONE.search(folded) is not None or _DO_IT.search(folded) is not None) and not _HOW_I_DO.search(folded)


# "مرجوعی ثبت کنید", "لغوش کنین", "оформите возврат": the store told to do it, for the customer's own order, or the
# customer's own decision to cancel it
_ACT = re.compile(r"(?<!\w)(?:(?:ثبت|لغو|کنسل|مرجوع|پیگیری|بررسی|چک)(?:ش|اش)? (?:کنید|کنین|بکنید|بکنین)|оформите|отмените|"
                  r"верните|примите|проверьте|"
                  # the customer's own decision: "ладно, тогда отменю", "پس کنسلش میکنم"
                  r"(?:لغو|کنسل)(?:ش|اش)? می ?کنم|отменю|отменяю)(?!\w)", re.IGNORECASE)


# "شنیدم ممکنه سفارشمو کنسل کنین، راسته؟", "правда ли, что вы можете отменить": whether the store may, not a request;
# "اگه قیمتو اشتباه زده باشید و کنسل کنید، ...": what follows if the store does it (not "اگه میشه لغو کنید", a polite request);
# "شما تا کی میتونین سفارشمو کنسل کنین؟", "до какого момента вы можете отменить?": until when the store may
_MAY = re.compile(r"(?<!\w)(?:(?<!اگه )(?<!اگر )ممکنه|ممکن است|شنیدم|راسته|حق (?:دارید|دارین)|(?:اگه|اگر)(?! (?:میشه|ممکنه|لطف))|"
                  r"تا کی (?:می ?تونی[دن]|می ?توانید)|до как(?:ого|их) (?:момента|времени|пор|числа)|"
                  r"правда ли|слышал\w*|вправе|имеете право|если(?! можно))(?!\w)", re.IGNORECASE)


# "میگن موجود نیست!! مگه میشه؟", "они имеют право так делать?": whether the store may do what it did, which a rule answers
_ALLOWED = re.compile(r"(?<!\w)(?:مگه (?:\S+ ){0,2}?(?:میشه|می شه|ممکنه|می ?تونی[نند]|می ?توانید)|حق (?:دارید|دارین|داره|دارن|دارند)|"
                      r"(?:همچین|چنین|چه) حقی|по какому праву|это нормально|нормально ли|(?:این )?طبیعیه|عادیه|قانونیه|قانونی (?:است|هست)|разве (?:так )?можно|(?:имеют|имеете|имеет) право|"
                      r"вправе|это законно|так можно)(?!\w)", re.IGNORECASE)


def asks_if_allowed(text: str) -> bool:
    """"الان زنگ زدن میگن موجود نیست!! مگه میشه؟": whether the store may do what the customer tells of, a rule's
    matter even of one's own order."""
    return _ALLOWED.search(_folded(text)) is not None


def tells_the_store_to_act(text: str) -> bool:
    """The customer tells the store to do something with their order ("میخوام مرجوعی ثبت کنید"), not only asks how
    or whether the store may: the rule asked alongside is answered, and the order is asked for, not offered to be
    checked."""
    folded = _folded(text)  # ("مگه میتونین همینجوری کنسل کنین؟" asks whether the store may)
    return _ACT.search(folded) is not None and _MAY.search(folded) is None and _ALLOWED.search(folded) is None


# "سشواری که ازتون گرفتم", "ادکلنی که پریروز برام اومده", "наушники, которые я купил", "سفارشم رسیده ولی": an item of
# one's own purchase
_BOUGHT = re.compile(r"(?<!\w)که (?:\S+ ){0,2}(?:خریدم|گرفتم|خریده بودم|برام اومده|برام اومد|به دستم رسید|سفارش دادم|"
                     r"سفارش داده بودم)(?!\w)|"
                     r"(?<!\w)(?:я )?(?:купил|купила|заказывал|заказывала|заказал|заказала)(?!\w)|"
                     # "سفارشم رسیده ولی سشوارش …", "мой заказ пришёл, а …": one's own order come
                     r"(?<!\w)سفارشم\S* (?:\S+ ){0,2}(?:رسید|رسیده|اومد|اومده|آمد|آمده)(?!\w)|"
                     r"(?<!\w)(?:мой )?заказ (?:\w+ )?(?:пришел|пришёл|привезли|доставили)(?!\w)", re.IGNORECASE)


def tells_own_items_fault(text: str) -> bool:
    """"سشواری که ازتون گرفتم روشن نمیشه اصلا", "لانکومی که تو حراج خریدم هنوز پلمپه ولی دیگه نمیخوامش": a fault (or a
    change of mind) of one's own purchase told, asking nothing, which is dealt with for that order (not "بسته امروز
    رسید شیشه عطر ترک داره 😡", nor "… что делать?", which the rule answers)."""
    folded = _folded(text)
    return (_BOUGHT.search(folded) is not None and reason_from(None, text) in ("defect", "transport_damage", "change_of_mind")
            and not rules_question(None, text))


# "по-русски понимаете?", "فارسی هم جواب میدین؟": whether the assistant speaks the customer's language
_LANGUAGE = re.compile(r"по[- ]?русски|на русском|русский язык|(?<!\w)фарси|به فارسی|فارسی (?:هم |بلد|میفهم|می فهم|صحبت|جواب)",
                       re.IGNORECASE)


# what asks it of the assistant: "можно по-русски?", "понимаете", "بلدین", "جواب میدین"
_ASKS_LANGUAGE = re.compile(r"(?<!\w)(?:можно|понимаете|говорите|ответите|отвечаете|пишите|объясните|напишите|بلدین|بلدید|"
                            r"میفهمین|میفهمید|جواب میدین|جواب میدید|صحبت میکنین|صحبت میکنید|توضیح بدین|توضیح بدید|بنویسین|"
                            r"بنویسید)(?!\w)", re.IGNORECASE)
# the words of another matter in the message ("по-русски можно узнать, сколько стоит доставка?"): that question, not the
# language, is what it asks
_OTHER_MATTER_ASKED = re.compile(r"доставк|стоит|сколько|верн|возврат|заказ|оплат|هزینه|ارسال|مرجوع|سفارش|قیمت|چقدر|پرداخت",
                                 re.IGNORECASE)


def asks_about_language(text: str) -> bool:
    """"здравствуйте, по-русски понимаете?", "فارسی بلدین": the language asked about, which the greeting in it answers;
    not "читаю по-персидски плохо, поэтому пишу по-русски. …", told on the way to another question."""
    if _OTHER_MATTER_ASKED.search(_folded(text)):
        return False  # the matter is answered, in the customer's language
    return any(_LANGUAGE.search(folded) and (clause.rstrip().endswith(("?", "؟")) or _ASKS_LANGUAGE.search(folded))
               for clause in re.findall(r"[^.!,،;\n?؟]+[?؟]?", text) for folded in [_folded(clause)])


def about_own_order(text: str) -> bool:
    """"где мой заказ", "سفارشم کجاست": the message speaks of the customer's own order."""
    return OWN_ORDER.search(_folded(text)) is not None


# "همیشه اینجوریه؟", "всегда так долго?": how things usually go, asked of the store, not of one order
# ... or why a past order went as it did ("в прошлом году перед Новрузом ждала очень долго, почему так?")
_AS_A_RULE = re.compile(r"همیشه (?:این|همین) ?(?:جوری|طوری|طور)|همیشه اینقدر|معمولا(?:ً)? (?:چقدر|چند)|всегда так|"
                        r"обычно (?:так|столько|сколько)|как правило|"
                        r"(?:в прошлом году|в прошлый раз|прошлый раз|پارسال|سال (?:قبل|پیش)|دفعه (?:قبل|پیش))\w*.*"
                        r"(?:почему|отчего|с чем (?:это )?связано|چرا|به چه دلیل)", re.IGNORECASE)


# "отменить теперь нельзя да", "با تیپاکس بفرستم درسته", "یعنی …": a statement the customer asks to be confirmed, no
# mark typed
_TAG_QUESTION = re.compile(r"(?:[,،]\s*|\s)(?:да|не так ли|так ведь|ведь так|مگه نه)\W*$|"
                           r"[,،]\s*(?:верно|правильно|درسته)\W*$|"
                           # "یعنی چک و ضامن نمیخواد": so it is not needed? (not "یعنی پسش میدم", a wish)
                           r"^\W*(?:یعنی|то есть)\s.*(?:نمی ?خواد|لازم نیست|لازم نداره|نمیشه|نداره|не нужн\w*|не надо|"
                           r"нельзя)\W*$", re.IGNORECASE)


# "если выберу оплату при получении", "اگه پرداخت در محل رو انتخاب کنم": an order not yet placed, supposed
_ORDER_SUPPOSED = re.compile(r"(?<!\w)(?:если|اگه|اگر)\s+(?:\S+\s+){0,4}?(?:выберу|закажу|оформлю|оплачу|куплю|буду\s+заказывать|"
                             r"انتخاب کنم|سفارش بدم|بخرم|پرداخت کنم|بزنم)(?!\w)", re.IGNORECASE)


def rules_question(intent: Optional[str], text: str) -> bool:
    """Whether an order-topic message asks about the store's rules, not for an order to be looked up.

    "Can I cancel while it is processing?" is answered from the page; "I want to cancel my
    order" and "where is my order?" need the order. Status questions count only as how-to, or
    as questions about the tracking code.
    """
    folded = _folded(text)
    marked = "?" in folded or "؟" in folded
    if (wants_something_done(folded) and (not marked or about_own_order(folded))
            and not _ORDER_SUPPOSED.search(folded)):  # ("если выберу оплату при получении, вы можете отменить мой
        return False  # заказ?": an order supposed) "یه طرفش قطع و وصل میشه، میخوام برگردونم", "хочу отменить свой
        # заказ, это возможно?": a request
    if intent == "order_status":
        # "عید سفارش دادم هنوز نیومده! چرا انقد طول کشیده؟": why holidays are slow, which a rule says
        holidays_why = asks_about_days_off(text) and _WHY_SO.search(folded) is not None
        if never_received(text) and not what_if(text) and not holidays_why:  # "سفارشم هنوز نرسیده، کد رهگیری هم
            return False  # نیومده. کی میاد؟": one's own order missing, which its look-up answers (not the tracking rule)
        asks = QUESTION_WORDS.search(folded) is not None or marked  # "do you text the code?"
        if asks and what_if(text) and not about_own_order(folded) and not extract_entities(text, only=frozenset({"order_id"})):
            return True  # "а если я оплатил онлайн, но меня не было дома когда привезли?": a case supposed, the rule's
        asks_about_processing = (_PROCESSING.search(folded) is not None and asks
                                 and not extract_entities(text, only=frozenset({"order_id"})))
        as_a_rule = _AS_A_RULE.search(folded) is not None and asks  # "last time at Nowruz it took a week, always so?"
        # "оформил заказ в субботу, никто не позвонил, это нормально?": whether it goes so, of no order of one's own
        normal = (asks and _ALLOWED.search(folded) is not None and not about_own_order(folded)
                  and not not_delivered_yet(text))
        return (_asks_how(folded) or asks_about_tracking(text) or asks_about_processing or as_a_rule or holidays_why
                or normal)
    # "عطرو باز کردم بوشو دوس ندارم پس میگیرین": the store asked what it does, with no mark typed
    return (marked or QUESTION_WORDS.search(folded) is not None or _TAG_QUESTION.search(folded) is not None
            or ASKS_THE_STORE.search(folded) is not None)


_WHY_WORDS = r"(?:چرا(?! که نه)|واسه چی|برای چی|به چه دلیل|почему|зачем|с чего|отчего)(?!\w)"
_WHY_SO = re.compile(rf"(?<!\w){_WHY_WORDS}", re.IGNORECASE)  # "why", wherever it stands


def asks_about_tracking(text: str) -> bool:
    """"и как я узнаю трек номер?", "کد رهگیری کی میاد؟": a question on the tracking code, which a rule answers."""
    folded = _folded(text)
    return _TRACKING.search(folded) is not None and _CODE_GIVEN.search(folded) is None and (
        QUESTION_WORDS.search(folded) is not None or "?" in folded or "؟" in folded)


# what one tops the order up with or to: "доберу", "докуплю"
_TOPS_UP = r"(?:добер|добира|дотян|докуп|докин|докида|доложу|доложи|докладыва)\w*"
_UP_TO = rf"(?:{_TOPS_UP}|довед\w*)(?:\s+\w+)?\s+до"  # "доберу (товаров) до 520": the total it comes to
# "ещё дешевле", "еще дороже": more of a comparison, not an item more
_ADDING = re.compile(rf"(?<!\w)(ещ[её](?!\s+\w+(?:ше|же|ее|ле)(?!\w))|плюс|также|вдобавок|добав\w*|{_TOPS_UP}|"
                     r"هم|اضافه|به ?علاوه|بعلاوه)(?!\w)|"
                     # "۲۵۰ هزار تومن دیگه بذارم تو سبد": an amount more, put in the basket
                     r"(?:تومن|تومان|هزار|میلیون|تومنی|تومانی|لاری) (?:دیگه|دیگر) (?:\S+ ){0,2}(?:بذار|بزار|بخرم|بگیرم|اضافه|بریز)|"
                     r"(?:تو|توی|به) سبد\S* (?:بذار|بزار|بنداز|بریز)",
                     re.IGNORECASE)


# "برعکسش چی؟", "а наоборот?": the other way round of the rule just said, asked (not "наоборот, я доволен")
_CONVERSE = re.compile(r"^\W*(?:(?:و|خب|حالا|а|и|ну)\s+)?(?:برعکس\w*|بالعکس|наоборот)(?!\w)(?=.*(?:[?؟]|چی|چطور))", re.IGNORECASE)


CONVERSE_WORDS = 8  # longer, it tells a case of its own ("پس اگه برعکسش بشه چی؟ مثلا شما قیمتو اشتباهی نصف زده باشین …")


def asks_the_converse(text: str) -> bool:
    """"برعکسش چی، ارزون شد پولشو پس میدین؟" after "the price cannot change after the order": the rule just said,
    asked the other way round."""
    return _CONVERSE.search(_folded(text)) is not None and len(text.split()) <= CONVERSE_WORDS


# "но отдельным заказом", "جداگانه سفارش بدم": an order of its own, whatever else it adds
_SEPARATELY = re.compile(r"(?<!\w)(?:отдельн\w*|другим заказом|в другом заказе|جداگانه|جدا ?جدا|جدا (?:بخرم|بگیرم|سفارش بدم|سفارش بدیم|بخریم)|(?:یه|یک) سفارش (?:دیگه|دیگر|جدا))(?!\w)",
                         re.IGNORECASE)


def adds_to_order(text: str) -> bool:
    """"And if I also take ...": the amount named is added to the order asked about before (not "a cheaper one
    still": "ещё дешевле", nor "also a kettle, but as a separate order")."""
    folded = _folded(text)
    return _ADDING.search(folded) is not None and _SEPARATELY.search(folded) is None


# "доставка до 100 лари", "больше 500", "от 100 до 500", "خرید زیر ۲ میلیون": a price band asked about, not a total
_BOUND = re.compile(r"(?<!\w)(?:(?:до|меньше|менее|ниже|свыше|больше|более|выше)(?:\s+чем)?(?:\s+на)?|от|زیر|کمتر از|"
                    r"بیشتر از|بالای|بیش از)\s*$",
                    re.IGNORECASE)


# "6 лари за доставку", "доставка 6 лари", "هزینه ارسال ۶۰ هزار": a fee paid, not a price of the order
_FEE_BEFORE = re.compile(r"(?:доставк\w*|пересылк\w*|هزینه(?:ی)? (?:ارسال|پست)|کرایه)\W*(?:стоит|стоила|была|обошлась)?\W*$",
                         re.IGNORECASE)
_FEE_AFTER = re.compile(r"^\W*(?:\w+\W+)?(?:за доставку|за пересылку|برای ارسال|هزینه(?:ی)? ارسال)", re.IGNORECASE)


# "عطر ۸۰۰ تومنی (۸۰۰ هزار)", "300 лари, то есть …": the amount before said again in other words, not another item
_RESTATED = re.compile(r"\w*\s*(?:\(|[,،]?\s*(?:یعنی|то есть|т\.\s?е\.))\s*", re.IGNORECASE)  # (after "تومن"'s "ی")


def order_amounts(text: str, amounts: Sequence[Mapping[str, Any]], others: int = 0) -> list[Mapping[str, Any]]:
    """Of several amounts in a message (`others` more were said without a currency), those that price the order: not one
    said again in other words ("عطر ۸۰۰ تومنی (۸۰۰ هزار)"), a band's bound ("бесплатно от 500 лари, а у меня заказ на
    450"), a fee paid ("взяли 6 лари за доставку наушников за 40 лари"), nor one denied ("۱.۶ نه ۱.۲"); all of them
    when none is left."""
    if len(amounts) + others < 2:
        return list(amounts)
    kept = [found for index, found in enumerate(amounts)
            if not (index and _RESTATED.fullmatch(text[int(amounts[index - 1].get("end", 0)):int(found.get("start", 0))]))
            and not bounds_a_band(text, found)
            and not _FEE_BEFORE.search(text[:int(found.get("start", 0))])
            and not _FEE_AFTER.search(text[int(found.get("end", 0)):])
            and not _DENIED_BEFORE.search(text[:int(found.get("start", 0))])]
    return kept if kept or others else list(amounts)


# "قیمتش یک و ششصده نه یک و دویست", "стоят 1,8 млн, а не 800 тысяч": an amount said not to be the one
_DENIED_BEFORE = re.compile(r"(?<!\w)(?:نه|не|а не)\s*$", re.IGNORECASE)


def names_a_band(text: str, amounts: Sequence[Mapping[str, Any]]) -> bool:
    """Every amount said bounds a price band ("до 100 лари", "от 100 до 500"), which the store's table answers; an order
    total beside one ("от 500 бесплатно, я знаю; а заказ на 800?") is computed as usual."""
    return bool(amounts) and all(bounds_a_band(text, found) for found in amounts)


def bounds_a_band(text: str, amount: Mapping[str, Any]) -> bool:
    """The amount (an entity of `text`) follows a word that makes it a band's bound ("до 100", "زیر ۲ میلیون")."""
    before = text[:int(amount.get("start", 0))].rstrip()
    return _BOUND.search(before) is not None and _TOPPED_UP.search(before) is None


_TOPPED_UP = re.compile(rf"(?<!\w){_UP_TO}$", re.IGNORECASE)  # "доберу до 300 лари": a total, no bound


_DAYS_OFF = re.compile(r"выходн|праздни|нерабоч|تعطیل|جمعه|نوروز|عید", re.IGNORECASE)


def asks_about_days_off(text: str) -> bool:
    """"Do you process orders at the weekend / on holidays?": the store's days-off rule is part of the answer."""
    return _DAYS_OFF.search(_folded(text)) is not None


_HOW_LONG = re.compile(r"срок|сколько (?:еще )?(?:дней|времени|идет|ждать)|сколько (?:(?!сто|бер|возьм|плат)\w+ ){0,2}(?:везти|везут|ехать|едет|идти)(?!\w)|(?<!\w)(?:ехать|едет|идти|ждать) сколько|(?<!\w)(?:долго ждать|ждать долго)|как (?:долго|быстро)|долго еще|за сколько|дольше|"
                       r"دیرتر (?:میرسه|می رسه|میاد|ارسال)|طول (?:میکشه|می کشه|می‌کشد|میکشد)|"
                       r"когда (?:(?:он|она|оно|они|заказ|посылка|принтер|товар)\w* )?(?:придет|придёт|приедет|привез|доставят|будет|получу)|"
                       r"چند روز(?! (?:پیش|قبل))|چه مدت|چقدر طول|چقد طول|چقدر دیگه (?:میرسه|می رسه|میاد)|"
                       r"کی (?:میرسه|می رسه|میاد|به ?دستم|بدستم)|زمان (?:ارسال|تحویل|رسیدن)|"
                       r"فوری|اکسپرس|срочн|экспресс", re.IGNORECASE)


# "فوری بفرستین", "срочной доставкой", "экспресс": the fast way of shipping (not "срочно скажите", "فوری بگید",
# urgently)
_EXPRESS = re.compile(r"اکسپرس|экспресс|срочн\w* (?:\w+ )?(?:доставк|отправ|привез)\w*|(?:доставк|отправ)\w* срочн\w*|"
                      r"(?:ارسال|پست|پیک)\S* (?:\S+ )?فوری|فوری (?:\S+ )?(?:بفرست|ارسال|بیار|برس|برسون)\S*|"
                      r"بفرست\S* (?:\S+ ){0,2}فوری",  # "بفرستم بندرعباس، فوری میشه؟"
                      re.IGNORECASE)


_EXPRESS_WORD = re.compile(r"(?<!\w)(?:срочн\w*|экспресс\w*|فوری(?:ش|شو)?|اکسپرس)(?!\w)", re.IGNORECASE)  # ("فوریش")


def names_express(text: str) -> bool:
    """Whether a message names express shipping at all ("а срочно?" after the post's days asks its days)."""
    return _EXPRESS_WORD.search(_folded(text)) is not None


def asks_express(text: str) -> bool:
    """"نمیشه فوری بفرستین؟", "а срочной доставкой?": the fast way of shipping asked, not when an order comes."""
    return _EXPRESS.search(_folded(text)) is not None


# "зачем вам телефон?", "شماره واسه چی میخواین؟", "без телефона никак?", "همون شماره‌ای که پیامک اومد؟": a question about
# the number being asked for, not an answer to it
_WHY_ASKED = re.compile(
    r"(?:зачем|почему|для чего|к чему|чего)\W+(?:\w+\W+){0,3}(?:телефон|номер)|(?:телефон|номер)\w*\W+(?:\w+\W+){0,2}(?:зачем|для чего)|"
    r"без (?:телефона|номера)\w* (?:никак|нельзя|не)|(?:тот же|тот самый|какой(?: именно)?|чей) (?:номер|телефон)|"
    r"(?:چرا|واسه چی|برای چی|به چه درد)\W+(?:\w+\W+){0,3}(?:شماره|موبایل|تلفن)|(?:شماره|موبایل|تلفن)\S*(?: \S+){0,3} (?:واسه|برای) چی|"
    r"بدون (?:شماره|موبایل|تلفن)\S* نمیشه|با (?:شماره|موبایل) ?(?:تلفن)?\S* پیدا نمیش|همون شماره|کدوم شماره|شماره کی",
    re.IGNORECASE)


def asks_why_asked(text: str) -> bool:
    """"зачем вам телефон?", "شماره سفارش واسه چی؟": the customer asks why (or which) number is wanted."""
    return _WHY_ASKED.search(_folded(text)) is not None


# ... or when it was sent or came: "سفارش قبلیم کی تحویل شده؟", "когда его доставили?"
_WHERE = re.compile(r"(?<!\w)(?:کجاست|کجاس|کجا(?: هست| است)?|чи?[её] с ним|где|статус\w*|وضعیت\w*|"
                    r"کی (?:تحویل|ارسال|رسید|فرستاد)\w*|когда (?:\w+ )?(?:доставил|отправил|пришел|пришёл|привезл)\w*)(?!\w)",
                    re.IGNORECASE)


# (or whether it was sent: "سفارشم ارسال شده یا نه؟", "мой заказ уже отправили?"; or how far it got: "سفارشم به کجا
# رسید؟", "на каком этапе мой заказ?")
_WHERE_IS = re.compile(r"(?<!\w)(?:کجاست|کجاس|где|به کجا رسید\S*|(?:در|تو) چه (?:مرحله|وضعیت)\S*|на каком этапе|(?:ارسال|فرستاده|پست) (?:شده|شد|کردین|کردید|کردن)(?: یا نه)?(?=\s*[?؟]|\s+یا نه)|"
                       r"(?<!если )(?<!если его )(?<!если уже )(?<!если его уже )(?<!\w)(?:уже )?(?:отправлен|отправили|отправлено|выслали)(?: ли)?(?=\W*$|\s+или нет))(?!\w)", re.IGNORECASE)


def asks_where_it_is(text: str) -> bool:
    """"… هنوز کد رهگیری پیامک نشده. سفارشم کجاست؟", "سفارشم ارسال شده یا نه؟": where the order is, or whether it was
    sent, which only its look-up answers."""
    return _WHERE_IS.search(_folded(text)) is not None


# "عطر ساواجم کی میرسه؟", "когда придёт мой фен?": when one's own item comes (not "اگه امروز سفارش بدم کی میرسه؟", a verb
# of one's own, nor "پولم", the money back)
_OWN_ITEM_COMES = re.compile(r"(?<!\w)(?!(?:ب\w+|کنم|کردم|دادم|خریدم|گرفتم|زدم|شدم|پولم|کدم|پیامم|جوابم|وقتم|نوبتم)(?!\w))"
                             r"\w{2,}م (?:کی|چه ?موقع|چه ?زمانی) (?:میرسه|می ?رسه|میرسد|می ?رسد|میاد|میان|می ?آد|به دستم)|"
                             r"(?:мой|моя|моё|мое|мои) (?!(?:деньги|возврат|платеж|платёж)\w*)\w+ когда (?:придет|придёт|придут|привезут|доставят)|"
                             r"когда (?:придет|придёт|придут|привезут|доставят) (?:мой|моя|моё|мое|мои) (?!(?:деньги|возврат|платеж|платёж)\w*)\w+",
                             re.IGNORECASE)


def asks_own_item_arrival(text: str) -> bool:
    """"سلام عطر ساواجم کی میرسه؟": when the customer's own item comes, which its order's look-up answers, not the page's
    times for an order placed now."""
    return _OWN_ITEM_COMES.search(_folded(text)) is not None and not what_if(text)


# "مرجوعی هم همینطوره؟", "а при возврате так же?": whether the rule just asked holds for another case too (not "اینجا هم
# همینطوره؟", this store compared with another the message tells of)
_THE_SAME = re.compile(r"(?<!اینجا )(?<!شما )(?<!\w)(?:هم|اونم|اینم) (?:همینطور|همین ?طوری|همین ?جوری|همینه|همونه|همون ?طور|"
                       r"همون ?جوری|همین حکم|همین قانون|شامل همین)\S*(?=\s*(?:[?؟]|$))|"
                       # "اونم همینقدر طول میکشه؟", "это тоже столько же?": the same span asked of another case
                       r"(?<!\w)(?:هم|اونم|اینم) (?:همین ?قدر|همون ?قدر|همین ?مدت|همون ?مدت)(?: \S+){0,2}(?=\s*(?:[?؟]|$))|"
                       r"(?<!\w)столько же(?: \w+){0,2}(?=\s*\?)|"
                       r"(?<!у вас )(?<!здесь )(?<!\w)(?:тоже|так же|также|то же самое)(?: (?:самое|так|действует|работает))?(?=\s*\?)",
                       re.IGNORECASE)


def asks_if_the_same(text: str) -> bool:
    """"مرجوعی هم همینطوره؟ یعنی اگه کالا رو پس بدم": the rule asked before, asked again of another case."""
    return _THE_SAME.search(_folded(text)) is not None


# "…، اونوقت چی میشه؟", "а что тогда?", "и что будет?": what follows in the case the message tells
_WHAT_THEN = re.compile(r"(?<!\w)(?:اونوقت|اون وقت|آنوقت|در این صورت|در اون صورت|پس)\s+(?:چی|چه)\s*(?:میشه|می شه|میشود|می\u200cشود)?\s*[?؟]|"
                        r"(?:что|как)\s+(?:же\s+)?(?:тогда|в таком случае)\s*(?:будет|делать|быть)?\s*\?|и что (?:тогда|будет)\s*\?|"
                        r"(?<!\w)что (?:же )?теперь(?: делать| будет)?\s*(?:\?|$)|"  # "я уже оформил без коммента что теперь"
                        r"(?<!\w)(?:حالا|الان) (?:باید )?(?:چی|چیکار|چکار|چه ?کار)(?: (?:کنم|بکنم|میشه))?\s*(?:[?؟]|$)",
                        re.IGNORECASE)


def what_then(text: str) -> bool:
    """"من شماره شبا ثبت نکردم، اونوقت چی میشه؟": what follows in the case told, which a rule said again does not
    answer."""
    return _WHAT_THEN.search(_folded(text)) is not None


def asks_where_or_when(text: str) -> bool:
    """"کی میرسه دستم؟", "где он?", "какой статус?": asks where an order is or when it comes (or came)."""
    return asks_how_long(text) or _WHERE.search(_folded(text)) is not None


def asks_how_to(text: str) -> bool:
    """"اسنپ پی ندارم، چطوری فعالش کنم؟", "как оформить?": how something is done, which a rule says, not a sum."""
    folded = _folded(text)
    return _asks_how(folded) and not asks_how_much(folded)


# "مرجوعی چطوره؟", "روال پس دادنش", "مراحلش": how a return goes, in words `asks_how_to` leaves out
_HOW_RETURN = re.compile(r"(?<!\w)(?:چطوره|روال\S*|مراحل\S*)(?!\w)", re.IGNORECASE)


# "کیلومتری چند حساب میکنین؟", "сколько за километр?": the rate asked, not a price for a distance not yet given
_RATE = re.compile(r"(?<!\w)(?:کیلومتری|هر کیلومتر\S*|за (?:один |1 |каждый )?(?:км|километр)\w*|километр\w* (?:сколько|поч[её]м))(?!\w)",
                   re.IGNORECASE)


def asks_the_rate(text: str) -> bool:
    """Whether a price question asks what a kilometre costs, which the rate answers without a distance."""
    return _RATE.search(_folded(text)) is not None


# "можно часть рассрочкой а остальное картой?", "میشه بخشیشو قسطی بدم بقیه‌شو نقد؟": a sum paid in part one way
_IN_PART = re.compile(r"(?<!\w)(?:часть|частично|частичн\w*|остальн\w* (?:картой|сам|наличн)|بخشی(?:ش|شو)?|قسمتی(?:ش|شو)?|"
                      r"نصفش(?:و|رو)?|بقیه\S* (?:رو |را )?(?:با )?(?:کارت|نقد))(?!\w)", re.IGNORECASE)


def pays_in_part(text: str) -> bool:
    """Whether a question asks to pay only part of a sum one way (by instalments), which a rule answers, not a plan."""
    return _IN_PART.search(_folded(text)) is not None


def asks_how_to_return(text: str) -> bool:
    """Whether a message asks how a return is done, which the return rules answer with their how."""
    return names_a_return(text) and (asks_how_to(text) or _HOW_RETURN.search(_folded(text)) is not None)


# "چند روزه برمیگرده؟", "сколько ждать?": how long something takes, which only a rule that gives a time answers
_DURATION = re.compile(r"چند (?:روز|ساعت|هفته)|چه مدت|چقدر? طول|چقدر? (?:زمان|وقت) (?:می ?بر|می ?گیر|لازم)\S*|"
                       r"сколько по времени|по времени сколько|"
                       r"مدت\S* (?:گارانتی|ضمانت|زمان|ارسال|تحویل|بازگشت|مرجوعی|تست)\S* (?:\S+ )?چ(?:قدر|قد|نده|ند)\S*|"
                       # "گارانتیش چند ساله؟" (not "قسط‌ها چند ماهه‌ست؟", how many instalments)
                       r"(?:گارانتی|ضمانت)\S* (?:\S+ )?چند (?:ماه|سال)|چند (?:ماه|سال)\S* (?:\S+ )?(?:گارانتی|ضمانت)|"
                       # "на сколько гарантия?", "срок гарантии какой?": how long a warranty lasts
                       r"на сколько (?:\w+ )?гарант\w*|какой (?:\w+ )?срок\w* гарант\w*|срок\w* гарант\w* какой|"
                       # "پولم کی برمیگرده؟", "когда вернут деньги?": when money comes back is how long it takes
                       r"(?<!\w)(?<!کارت )(?<!حساب )(?<!شبای )(?<!نام )کی (?:بر ?می ?گرد|واریز می|به حسابم می)|"
                       r"сколько (?:еще |ещё )?(?:дней|часов|времени|ждать|длит\w*)|как долго|"
                       r"когда (?:мне )?(?:вернут\w*|верн[её]тся|придут|поступ\w+|зачисл\w+) (?:мне )?(?:деньг|средств|оплат)|"
                       r"(?:деньги|средства) (?:\S+ )?когда (?:мне )?(?:вернут|верн[её]тся|придут|поступ)|"
                       r"когда (?:мне )?(?:деньги|средства) (?:вернут|верн[её]тся|придут|поступ)",
                       re.IGNORECASE)


def asks_duration(text: str) -> bool:
    """"چند روزه برمیگرده؟": the question asks how long, which a rule that gives no time does not answer."""
    return _DURATION.search(_folded(text)) is not None


# "скока", "скоко": "сколько" typed short
_SLANG_HOW_MANY = re.compile(r"(?<!\w)(?:скока|скоко|скок)(?!\w)", re.IGNORECASE)


def _counted(text: str) -> str:
    """A message folded, with "сколько" typed short spelled out, for the how-long and how-much questions."""
    return _SLANG_HOW_MANY.sub("сколько", _folded(text))


def asks_how_long(text: str) -> bool:
    """"The price, and how many days?", "express to Bandar Abbas?": a delivery price asked with the time or the speed."""
    return _HOW_LONG.search(_counted(text)) is not None


_HOW_MUCH = re.compile(r"стоимост|сколько стоит|сколько (?:бы )?(?:будет )?сто(?:ить|ило)|(?:во )?сколько (?:\w+ )?обош(?:лось|лась)|обойд[её]тся|сколько (?:бы )?вышло|сколько (?:\w+ )?(?:берёте|берете|возьмёте|возьмете)|(?<!\w)цен[аыу]|бесплатн|платн|(?<!\w)поч[её]м(?!\w)|هزینه|قیمت|رایگان|مجانی|"
                       # "ارسالش چقدر میشه", not "ارسالش چقدر طول میکشه"
                       r"(?<!\w)(?:ارسال|پست|پیک)\S* (?:\S+ )?(?:چقدر|چقد)(?!\w)(?! ?(?:طول|دیگه|وقت|زمان|روز))",
                       re.IGNORECASE)


# "а доставка бесплатная?", "ارسالش رایگانه؟", "у меня была платная?": whether it is free, not what it costs
_IF_FREE = re.compile(r"бесплатн|(?<!\w)платн(?:ая|ый|ое|о)(?!\w)|رایگان|مجانی|(?<!\w)پولیه(?!\w)", re.IGNORECASE)
_WHAT_COST = re.compile(r"сколько|стоимост|почем|цен[аыу]|چقدر|چقد|هزینه\S* چند|قیمت", re.IGNORECASE)


def asks_if_free(text: str) -> bool:
    """"а доставка бесплатная?": whether delivery is free, which a price per km answers without the distance."""
    folded = _folded(text)
    return _IF_FREE.search(folded) is not None and _WHAT_COST.search(folded) is None


# "قسطی هم میفروشین؟", "в рассрочку можно?": instalments named
_INSTALMENTS = re.compile(r"قسط|اقساط|ماهانه|ماهیانه|اعتباری|рассроч|в кредит(?!\w)|частями|долями|помесячн|snapp ?pay|"
                          r"(?:перв|втор|трет|четв[её]рт|последн|ежемесячн|кажд)\w* (?:платеж|платёж|взнос)\w*|"
                          r"اسنپ ?پی(?!ک)", re.IGNORECASE)


def names_installments(text: str) -> bool:
    """Whether a message names paying in instalments, which only a store's plans (or its silence) answer."""
    return _INSTALMENTS.search(_folded(text)) is not None


# "قسطش چقدر میشه؟", "сколько в месяц?": a sum asked (of a plan), not a rule
_A_SUM = re.compile(r"(?<!\w)(?:چقدر|چقد|چه قدر|چند تومن|ماهی چند|сколько|какая сумма|по сколько|в месяц)(?!\w)",
                    re.IGNORECASE)


def asks_a_sum(text: str) -> bool:
    """Whether a question asks how much is paid ("اگه ۳ ماهه بگیرم قسطش چقدر میشه؟"), which a plan computes."""
    return _A_SUM.search(_folded(text)) is not None


def asks_how_much(text: str) -> bool:
    """"Is it free, and how many days?": a delivery time asked together with the delivery price."""
    return _HOW_MUCH.search(_counted(text)) is not None


# what it costs asked in so many words (not "бесплатная доставка во сколько приедет?", a kind of shipping named)
_COSTS = re.compile(r"(?<!\w)(?<!во )сколько(?! (?:\w+ )?(?:дн|день|час|недел|ждать|ехать|ид|вез|едет|суток|времен|займ|в пути))|"
                    r"поч[её]м|стоимост|стоит|(?<!\w)цен[аыу]|هزینه|قیمت|چقدر|چقد", re.IGNORECASE)


def asks_what_it_costs(text: str) -> bool:
    """Whether a message asks a price in so many words, which a delivery time never answers ("доставка в батуми скока")."""
    counted = _counted(text)
    priced = asks_how_much(text) or re.search(  # "доставка в батуми скока", "скока доставка в батуми?"
        r"(?<!\w)(?<!во )(?<!через )сколько(?:\W*$| (?:за )?доставк)", counted) is not None
    return (priced and _COSTS.search(counted) is not None  # (not "цена и время доставки", "2-3 дня, а в Батуми сколько?")
            and re.search(r"(?<!\w)(?:врем|срок|дн(?:я|ей)|день|روز|زمان|مدت)", counted) is None)


# the words of shipping: a price question without them ("حداقلش چقدره" after SnappPay) may be about another topic
_SHIPPING = re.compile(r"ارسال|پست|پیک|تحویل|باربری|доставк|курьер|пересыл|отправ|привез|везти|shipping|delivery",
                       re.IGNORECASE)


def names_shipping(text: str) -> bool:
    """The question (or a rule) speaks of shipping ("هزینه ارسال", "доставка"), not only of a price or of money."""
    return _SHIPPING.search(_folded(text)) is not None


# "هزینه ارسال برگشتش با کیه", "кто платит за пересылку обратно": the post of a return, not a delivery's price
# "کی میان ببرنش؟", "پیک کی میاد ببره", "когда заберут?": the item collected from the customer for its return
_COLLECTED = re.compile(r"(?<!\w)(?:می ?[اآ]?ن|میاین|میاد|بیان|بیاین)(?: \S+)? (?:ببر\S*|بگیر(?:ن|ه|ین)\S*|تحویل (?:بگیر|ببر)\S*)|"
                        r"(?<!\w)(?:забер[уе]т|заберете|заберет|приедут за|придут забирать|приедут забирать)", re.IGNORECASE)


def asks_when_collected(text: str) -> bool:
    """Whether a message asks when or how the item is collected for its return, which the return's rules answer."""
    return _COLLECTED.search(_folded(text)) is not None


# "کل پولشو پس میدین؟", "мне вернут все 600?": the money of a return asked about
_MONEY_BACK = re.compile(r"پول\S* (?:\S+ ){0,3}(?:پس|برمیگرد|برگشت)|(?:вернут|возвращ|вернёте|вернете)\w* (?:мне )?(?:все|всю|деньги|сумм|полн)|"
                         # "کل پولمو میگیرم؟", "всю сумму вернут?", "все деньги получу обратно?"
                         r"(?:کل|همه|تمام)\S* (?:\S+ )?پول\S* (?:\S+ )?(?:میگیرم|می گیرم|میگیریم|میگرفتم|می گرفتم)(?!\w)|"
                         r"(?:все|всю) (?:деньги|сумм\w*) (?:\w+ )?(?:вернут|верн[её]те|получу|возвращ)",
                         re.IGNORECASE)


def asks_money_back(text: str) -> bool:
    """Whether a message asks how much of its money comes back ("کل پولشو پس میدین؟"), which a return's rules answer."""
    return _MONEY_BACK.search(_folded(text)) is not None


def asks_about_sending_back(text: str) -> bool:
    """A shipping price asked about a return ("who pays the post to send it back?"): the return rules answer it."""
    return _SENT_BACK.search(_folded(text)) is not None


# "если нет, сколько?", "اگه نه، اگه ایرادی داشت چی؟": a question on the answer to the one before, which the
# classifier reads as a plain "no"
_ON_THE_ANSWER = re.compile(r"^\W*(?:(?:а|и|و)\s+)?(?:если|اگه|اگر)\s+(?:нет|да|نه|آره|بله)(?!\w)\W*", re.IGNORECASE)


# a yes in so many words: "آره لطفا", "да, давайте", "باشه وصلم کن"
_YES = re.compile(r"(?<!\w)(?:да|ага|угу|конечно|давайте|давай|хорошо|ладно|хочу|можно|пожалуйста|соедините|آره|اره|بله|"
                  r"باشه|حتما|حتماً|اوکی|لطفا|لطفاً|میخوام|وصل|ok|okay|ок|окей|yes)(?!\w)", re.IGNORECASE)
YES_ALONE_WORDS = 2  # "اوکی مرسی", "ну давай": so few words are a yes whatever they are


# "واسه شهرای دیگه فوری چقدر طول میکشه؟", "а в другие города?": the cities other than the one said before
_OTHER_CITIES = re.compile(r"(?<!\w)(?:شهر(?:ای|های|ها|هاي)? ?(?:دیگه|دیگر|دیگ)|بقیه (?:شهرا|شهرها)|"
                           r"други[ехм] город\w*|другой город|остальн\w* город\w*)(?!\w)", re.IGNORECASE)


def names_other_cities(text: str) -> bool:
    """Whether a message asks of the cities other than the one the conversation named, which it no longer means."""
    return _OTHER_CITIES.search(_folded(text)) is not None


# a farewell in so many words: "خداحافظ", "شب بخیر", "пока", "до свидания"
# (not "пока", "فعلا" alone: "yet", "for now")
_FAREWELL = re.compile(r"(?<!\w)(?:خدا ?حافظ\S*|خدافظ\S*|خدانگهدار|بای|فعلا خدا\S*|شب\S* (?:بخیر|خوش)|روز\S* (?:بخیر|خوش)|"
                       r"ممنون|مرسی|(?:ну )?пока(?! не)(?= *[!.)]*$)|до свидания|всего доброго|всего хорошего|хорошего дня|"
                       r"спасибо|bye)(?!\w)", re.IGNORECASE)


def says_goodbye(text: str) -> bool:
    """A farewell, not a fact read as one ("شبا ندارم" after the refund to one's Sheba number)."""
    return len(text.split()) <= 1 or _FAREWELL.search(_folded(text)) is not None


# a no: "نمیخوام وصل بشم", "не хочу", "лифта нет", "آسانسور نداریم"
_NOT = re.compile(r"(?<!\w)(?:نه|نمی ?\S+|ندار\S*|نیست|нет|не)(?!\w)", re.IGNORECASE)


def says_yes(text: str) -> bool:
    """A yes to the offer just made, not a fact read as one ("ده تا پله داریم" after the offer of a person) nor a no."""
    folded = _folded(text)
    return (len(text.split()) <= YES_ALONE_WORDS or _YES.search(folded) is not None) and _NOT.search(folded) is None


def on_the_answer(text: str) -> Optional[str]:
    """What a question asks after "if not" / "if so" opening it ("если нет, сколько?": "сколько?"); None without one."""
    found = _ON_THE_ANSWER.match(text)
    return text[found.end():] if found else None


# "اگه تا اون موقع برنگشت چیکار کنم؟", "а если не вернут?", "حتی اگه فقط یه بار زده باشم؟": what follows if the rule
# just given does not hold
_WHAT_IF = re.compile(r"(?:^|[.:!?؟،,]\s*)(?:(?:و|ولی|خب|حالا|پس|یعنی|باشه|اوکی|راستی|حتی|а|и|но|ну|то есть|значит|ок|окей|ладно|хорошо|кстати|даже)\s+){0,2}"
                      # "وقتی رسید اگه جعبه‌ش داغون بود", "когда привезут, если коробка мятая": the moment, then the case
                      r"(?:(?:وقتی|موقعی که|когда)\s+\S+(?:\s+\S+)?\s*,?\s+)?"
                      r"(?:اگه|اگر|فرض کن(?:ید|ین)?|(?:что\s+)?если|допустим)(?!\w)"
                      # "а если честно, …", "اگه راستشو بخوای": to be honest, no case supposed
                      r"(?!\s*(?:честно|по[- ]честному|راستش|راستشو|راستشُ|حقیقتش))", re.IGNORECASE)


# "حتی اگه پلمپش باز نشده باشه؟", "даже если пломба цела?": a case supposed against an answer given
_EVEN_SO = re.compile(r"(?<!\w)(?:حتی|даже)\s+(?:اگه|اگر|если)(?!\w)", re.IGNORECASE)


def even_if(text: str) -> bool:
    """Whether a question asks if an answer holds even in another case (of a proven order: its decision holds)."""
    return _EVEN_SO.search(_folded(text)) is not None


def what_if(text: str) -> bool:
    """A question that opens with "and if …": it leans on the conversation's topic, whatever its words."""
    return _WHAT_IF.search(_folded(text)) is not None


# "что проверить?", "چطوری بفرستم؟", "اگه جعبه له شده بود چیکار کنم؟": asked what, how, where or when, not whether
# ("можно ли …", "میشه …"; "что если …", "а если вскрою, то что?", "اگه باز کنم چی؟" ask whether too); not a word that
# only joins or quantifies ("понимаю, что …", "кто-нибудь", "چند روز پیش", "هر چی")
_ASKS_OPEN = re.compile(r"(?<!\w)(?:что(?!,? если)|чего|как|какой|какая|какое|какие|какую|где|куда|когда|"
                        r"скольк\w*|кто|кому|почему|зачем|(?<!هر )(?<!یه )(?:چی|چیه)|چیو|چیا|کی|کیه|چیکار|چکار|چطور|"
                        r"چطوری|چجوری|چگونه|کجا|کجاست|کدوم|کدام|چرا|چقدر|چقدره|"
                        r"چند(?! (?:روز|ساعت|هفته|ماه|وقت) (?:پیش|قبل)))(?![\w-])", re.IGNORECASE)
_ASKS_WHETHER = re.compile(r"(?<!\w)(?:можно|ли|можете|может|могу|разве|правда|или нет|правильно понимаю|то есть|"
                           r"آیا|میشه|میشود|می ?تون\w*|امکان\w*|مگه|یا نه|درسته)(?!\w)|"
                           r"(?<!\w)(?:то|тогда) что\W*$|"
                           r"(?<!\w)(?:اگه|اگر)(?!\w).*(?<!\w)چی(?!\w)(?!\s*(?:رو|را|باید|کار))", re.IGNORECASE)
# "что" that joins what one knows or was told to what follows ("понимаю, что …", "сказали, что …"), asking nothing
_KNOWS_THAT = re.compile(r"(?:понима\w*|понял\w*|зна\w*|дума\w*|вижу|слышал\w*|сказал\w*|написано),?\s*$",
                         re.IGNORECASE)


def asks_open(text: str) -> bool:
    """A question of what, how, where or when, not of whether (each question the message asks): its answer opens with
    no "yes"."""
    parts = [part for part in re.split(r"(?<=[?؟])", _folded(text)) if part.strip()]
    asked = [part for part in parts if part.rstrip().endswith(("?", "؟")) or _ASKS_OPEN.search(part)
             or _ASKS_WHETHER.search(part)] or parts  # ("…چیکار کنم؟ سفارشم 58122 ـه": the number told asks nothing)
    return bool(asked) and all(_ASKS_WHETHER.search(part) is None and any(
        found.group() != "что" or not _KNOWS_THAT.search(part[:found.start()]) for found in _ASKS_OPEN.finditer(part))
        for part in asked)


# "خودم تنظیماتشو برخلاف دفترچه دستکاری کردم", "сам неправильно установил": a fault of one's own making
_MISUSE = re.compile(r"(?:خودم|خودمون)\s+(?:\S+\s+){0,4}?(?:(?:دستکاری|خراب|اشتباه|غلط)\S*\s+(?:\S+\s+)?"
                     r"(?:کردم|کردیم|زدم|دادم|گذاشتم|ریختم|نصب کردم|کنم|بکنم|بدم|بزنم|بذارم|بریزم)(?!\w)|"
                     r"(?:بر)?خلاف (?:دفترچه|توصیه))|"  # (and as supposed: "اگه خودم نصبشو اشتباه انجام بدم")
                     r"(?<!\w)я\s+сам(?:а)?\s+(?:\w+\s+){0,3}?(?:сломал|неправильно|напутал|накосячил|поменял)|"
                     r"(?<!\w)сам(?:а)?\s+(?:\w+\s+){0,2}?(?:сломал|напутал|накосячил|поменял|неправильно \w+л)(?:а)?"
                     r"(?!\w|ся|сь)|"
                     r"(?:использовал|пользовал|установил|подключил)\w*\s+не по инструкции", re.IGNORECASE)
# ... unless denied, or the fault is the item's own or another's ("خودم هیچ کار اشتباهی نکردم", "сам по себе", "ваш
# мастер сам")
_NOT_MISUSE = re.compile(r"(?<!\w)(?:هیچ|نکردم|نزدم|دست نزدم|ничего|не делал\w*|не трогал\w*|не менял\w*|по себе|"
                         r"(?:вы|ваш\w*|мастер|курьер)\s+(?:\w+\s+){0,2}сам)(?!\w)", re.IGNORECASE)


def tells_misuse(text: str) -> bool:
    """The customer tells they caused the fault themselves (settings changed, used against the manual)."""
    folded = _folded(text)
    return _MISUSE.search(folded) is not None and _NOT_MISUSE.search(folded) is None


# "и что проверить когда привезут?", "بسته رو که میارن چیا رو باید چک کنم؟": what to look at on delivery
_WHAT_TO_CHECK = re.compile(r"(?<!\w)(?:(?:на )?что|чего)\s+(?:мне\s+)?(?:нужно\s+|надо\s+|стоит\s+|следует\s+)?"
                            r"(?:проверить|проверять|посмотреть|смотреть|осмотреть|обратить внимание)|"
                            r"(?<!\w)(?:چی|چیا|چیو|چه چیزی|چه چیزهایی)\s+(?:رو\s+|را\s+)?(?:باید\s+)?"
                            r"(?:چک|بررسی|نگاه|کنترل)\s*(?:کنم|بکنم|کنیم)",
                            re.IGNORECASE)


# the parcel coming, which what to check is about (not "что проверить, чтобы узнать статус?")
_COMES = re.compile(r"привез|привоз|доставк|доставя|получени|получу|курьер|посылк|принес|принос|прид[её]т|приедет|"
                    r"заберу|выдач|تحویل|میارن|بیارن|پیک|بسته|میرسه|رسید|اومد|آورد|اورد", re.IGNORECASE)
_STATUS_WORDS = re.compile(r"статус|وضعیت", re.IGNORECASE)


def asks_what_to_check(text: str) -> bool:
    """What to look at when the parcel comes, whatever time word beside it ("когда привезут"): the damage rules."""
    folded = _folded(text)
    return (_WHAT_TO_CHECK.search(folded) is not None and _COMES.search(folded) is not None
            and _STATUS_WORDS.search(folded) is None)


# "بعدش باید خودم ببرمش پست؟", "آخه فقط یه پاف زدم", "а потом что?": a message that goes on from the answer just given
_GOES_ON = re.compile(r"^\W*(?:(?:و|ولی|خب|حالا|а|и|но|ну)\s+)?(?:بعدش|بعد از اون|بعد از آن|آخه|اخه|اونوقت|اون وقت|"
                      r"потом|после этого|дальше|тогда|я же|ведь)(?!\w)|"
                      # "اون چیزایی که هدیه میفرستین چی؟", "а как насчёт подарков?": what about another thing
                      r"\s(?:چی|چطور)\s*[?؟]+\s*$|^\W*(?:а|и) (?:как насч[её]т|что (?:насч[её]т|с))(?!\w)", re.IGNORECASE)


# "فرقی میکرد؟", "а что бы изменилось?": asks how the answer before would differ, a question only with it
_DIFFERS = re.compile(r"فرقی\s*(?:می ?کرد|می ?کنه|داره|داشت|نمی ?کرد|نمی ?کنه)|فرق\s*(?:می ?کرد|نمی ?کرد)|"
                      r"تفاوتی\s*(?:داره|داشت|می ?کرد)|(?<!\w)(?:изменил\w* бы|по-другому|иначе|отличал\w* бы|"
                      r"(?:есть|была бы|будет)(?: ли)? (?:какая-то )?разниц\w*)(?!\w)|"
                      # "اگه همینو تو یه روز معمولی خریده بودم چی؟", "а если бы в обычный день, что тогда?": the case
                      # before with one fact otherwise, and nothing else asked
                      r"(?:(?<!\w)(?:بود(?:م|ی|ید|ین|ن|یم)?|می ?شد|می ?کرد)\s*چی|если бы(?: \w+){1,6},? (?:что|как) (?:бы )?тогда)"
                      r"(?=\W*$)", re.IGNORECASE)


def asks_what_differs(text: str) -> bool:
    """Whether a message asks what would differ from the answer just given, which only that answer's topic says."""
    return _DIFFERS.search(_folded(text)) is not None


# "جای دیگه ای هم میشه دیدش؟", "а где ещё можно посмотреть?", "по-другому никак?": another way than the one just said
_ANOTHER_WAY = re.compile(r"(?<!\w)(?:جای|جا|راه|طریق) ?(?:دیگه|دیگر)(?:ای|ی)?(?!\w)|(?<!\w)где(?:-то)? (?:ещ[её]|еще)|"
                          r"(?<!\w)(?:по-другому|другим (?:способом|путем|путём))(?!\w)", re.IGNORECASE)


def asks_another_way(text: str) -> bool:
    """Whether a message asks for another way or place than the answer just given, which only that answer's topic
    says ("پیامکی نیومده، جای دیگه ای هم میشه دیدش؟" after the tracking code's SMS: "My orders")."""
    return _ANOTHER_WAY.search(_folded(text)) is not None


def goes_on(text: str) -> bool:
    """A message that leans on the answer just given: an "and if …", a "then …?", a "but I only …"."""
    return what_if(text) or _GOES_ON.search(_folded(text)) is not None


# "فقط بلندرو از سفارش حذف کنید", "уберите чайник из заказа": one item out of the order, an edit, not a cancellation
_REMOVES_ITEM = re.compile(r"(?:از (?:این )?سفارش\S*|ازش|ازشون|فقط \S+(?: \S+){0,3} (?:رو|را)) (?:\S+ )?(?:حذف|کم|بردار|دربیار)\w*|"
                           r"(?:убра|удали|убер|исключи)\w*,?(?: \S+){0,4} из заказа|из заказа (?:\S+ )?(?:убра|удали|убер|исключи)\w*|"
                           # "فقط بلندر رو کنسل کنم و ماهیتابه بمونه", "отменить только чайник, а сковородку оставить": one
                           # item cancelled, the rest kept
                           r"فقط \S+(?: \S+){0,3} (?:رو|را) (?:\S+ )?(?:کنسل|لغو)\S*(?: \S+){0,2} (?:و|ولی) (?:\S+ ){1,3}(?:بمونه|بمونن|بماند|باشه)|"
                           r"(?:отмен|убр)\w* только (?:\w+,? ){1,3}(?:а|и) (?:\w+ ){1,3}остав\w*",
                           re.IGNORECASE)


def removes_an_item(text: str) -> bool:
    """"اصلا کنسل نکنم، فقط بلندرو از سفارش حذف کنید": an item taken out of the order, which the rules on editing
    an order answer, whatever the word for cancelling beside it."""
    return _REMOVES_ITEM.search(_folded(text)) is not None


# "заказ отменили а первый платеж не вернулся", "سفارشم لغو شد ولی پولم برنگشته": a cancellation told as done and
# the money it should have brought back: a question of refunds, not a wish to cancel
_CANCELLED = re.compile(r"(?<!\w)(?:отменили|отменил[аи]?|отмен[её]н\w*|был\w* отмен\w*|(?:لغو|کنسل|باطل)\S* (?:شد|شده|کرد|کردن|کردند|کردین|کردید)\w*|"
                        r"باطله|аннулир\w*)(?!\w)",
                        re.IGNORECASE)
_MONEY_OF_IT = re.compile(r"(?<!\w)(?:деньги|денег|платеж\w*|платёж\w*|оплат\w*(?! при получении)|взнос\w*|средств\w*|сумм\w*|"
                         r"возврат\w*|پول\S*|مبلغ\S*|وجه\S*|قسط\S*|پرداخت\S*(?! ?در ?محل)|برگشت\S*|برنگشت\S*|واریز\S*)(?!\w)",
                         re.IGNORECASE)  # (a way of paying named, "پرداخت در محل", is no money asked after)


# "а если заказ отменить", "اگه کنسلش کنم": a cancellation supposed
_CANCEL_SUPPOSED = re.compile(r"(?<!\w)(?:отменить|отменю|отменим|отмени(?:те)?|"
                              r"(?:لغو|کنسل)\S* (?:کنم|کنیم|بشه|شود|بکنم))(?!\w)", re.IGNORECASE)


# "а если не отменю, сколько ждать доставки?", "… сколько времени на отмену?": a wait for something else than money
_OTHER_WAIT = re.compile(r"(?<!\w)не отмен|доставк|заказать|на отмену|سفارش جدید|برسه|بیاد", re.IGNORECASE)


def cancelled_money_back(text: str) -> bool:
    """"заказ отменили а первый платеж уже неделю не вернулся": the order already cancelled and its money asked
    after, which the refund rules answer, though the words read as cancelling; so does "а если заказ отменить, то
    сколько ждать?", the wait after a cancellation supposed."""
    folded = _folded(text)
    supposed = (what_if(text) and _CANCEL_SUPPOSED.search(folded) is not None and asks_duration(text)
                and _OTHER_WAIT.search(folded) is None)
    return supposed or _CANCELLED.search(folded) is not None and _MONEY_OF_IT.search(folded) is not None


# "گرفتمش دیگه", "نه دیگه تحویل گرفتم پیک رفت", "уже забрала, курьер уехал": the parcel taken already
_RECEIVED = re.compile(r"(?<!\w)(?:تحویل\S* ?گرفتم\S*|گرفتمش|قبولش کردم|پیک رفت|"
                       r"(?:уже )(?:получил|получила|забрал|забрала|принял|приняла|взял|взяла)\w*|"
                       r"(?:получил|получила|забрал|забрала|принял|приняла)\w* уже|"
                       r"курьер уехал|курьер ушел|курьер ушёл|"
                       # signed for it: "я уже расписался и забрал", "امضا کردم و گرفتم"
                       r"(?<!не )расписал(?:ся|ась)|امضا ?(?:کردم|زدم)|امضاش کردم)(?!\w)",
                       re.IGNORECASE)


# "امروز صبح رسید", "вчера привезли": when the item came, told (a correction of it is counted again)
_ARRIVED = re.compile(r"(?<!\w)(?:رسید|رسیده|اومد|اومده|آوردن|اوردن|تحویل\S* ?گرفت(?:م|یم)\S*|تحویل\S* ?گرفته (?:بودم|باشم)|получил\w*|привезли|пришл[аио]|пришёл|"
                      r"пришел|доставили)(?!\w)", re.IGNORECASE)


def tells_arrival(text: str) -> bool:
    """Whether a message tells that the item came ("نه ببخشید، امروز صبح رسید نه دیروز"), not another moment."""
    return _ARRIVED.search(_folded(text)) is not None


def says_received(text: str) -> bool:
    """"گرفتمش دیگه 😕" after "do not accept a damaged box": the parcel is taken already, which other rules answer."""
    return _RECEIVED.search(_folded(text)) is not None


# "а если бы получил и передумал", "اگه رسیده بود و بازش کرده بودم": a case that did not happen, asked of the rules
_COUNTERFACTUAL = re.compile(r"(?<!\w)(?:если бы|если б|(?:اگه|اگر)(?: \S+){0,6} \S*(?:ه|ده) بود(?:م|ی|ید|ین|ن|یم)?|"
                             # "اگه پرینترم با کارتن داغون رسید چیکار کنم؟", "если придёт разбитым, что делать?": a case
                             # on arrival, asked what to do then
                             r"(?:اگه|اگر)(?: \S+){0,8} (?:برسه|رسید|بیاد|اومد|آوردن|اوردن)(?: \S+){0,3} (?:چیکار|چکار|چه ?کار) "
                             r"(?:باید )?(?:کنم|بکنم)|"
                             r"если(?: \w+){0,6} (?:прид[её]т|привезут|доставят)(?: \w+){0,3},? что (?:мне )?(?:делать|нужно делать))(?!\w)",
                             re.IGNORECASE)


def counterfactual(text: str) -> bool:
    """"If I had received it and changed my mind, how many days?" of an order still on its way: the rules' case,
    not the order's decision."""
    return what_if(text) and _COUNTERFACTUAL.search(_folded(text)) is not None


# "هزینه ارسالش با کیه", "за чей счёт доставка": who pays, which after a return question is the return's post
_WHO_PAYS = re.compile(r"(?<!\w)(?:با کیه?|گردن کیه?|عهده کیه?|کی میده|کی میدهد|кто (?:платит|оплачивает|оплатит)|"
                       r"за чей сч[её]т|за ваш сч[её]т|за мой сч[её]т|"
                       # "هزینه ارسالش با منه یا شما؟", "платить мне или вам?": the customer or the store
                       r"(?:با )?منه? یا (?:با )?(?:شما|شماست|فروشگاه)|(?:я|мне) или вы|(?:я|мне) или магазин|"
                       # "هزینه ارسال برگشتش هم با شماست؟", "доставку обратно вы оплачиваете?": the store asked if it pays
                       r"(?:هزینه|کرایه|پول)\S* (?:\S+ ){0,3}(?:هم )?(?:با|به عهده|گردن) (?:شما|شماست|شماس|خودتون|خودتونه)|"
                       r"вы (?:\w+ )?(?:оплачиваете|оплатите|компенсируете))(?!\w)", re.IGNORECASE)


# "من مشهدم با پست سفارشی میفرستم", "خودم باید ببرم پست؟", "отправлю почтой": the customer sending something themselves
_SENDING = re.compile(r"(?<!\w)(?:می ?فرستم(?:ش|شون)?|بفرستم(?:ش|شون)?|پست ?(?:ش )?کنم|پستش کنم|"
                      r"ببرم(?:ش)? (?:اداره ?)?پست|"
                      r"(?:به|تا) (?:اداره ?)?پست ببرم(?:ش)?|отправлю|отправить|отправлять|отправляю|пошлю|послать|переслать|пересылать|"
                      r"(?:отнести|отвезти|сдать) (?:\w+ )?на почту)(?!\w)", re.IGNORECASE)


def sends_it_oneself(text: str) -> bool:
    """Whether the customer speaks of sending something themselves: after a return, its shipment ("رسید پستو چیکار کنم؟")."""
    return _SENDING.search(_folded(text)) is not None


def asks_who_pays(text: str) -> bool:
    """The question asks who pays ("هزینه ارسالش با کیه؟", "доставка за чей счёт?"), not how much."""
    return _WHO_PAYS.search(_folded(text)) is not None


_ALTERNATIVE = re.compile(r"(?<!\w)(или|либо|а если|вместо|یا|به جای)(?!\w)", re.IGNORECASE)


# "а если оба вместе одним заказом", "اگه هر دو رو با هم بگیرم": the items priced before, bought at once
_TOGETHER = re.compile(r"(?<!\w)(?:оба|обе|обоих|вместе|одним заказом|в одном заказе|هر ?دو|با ?هم|تو (?:یه|یک) سفارش|"
                       r"در یک سفارش)(?!\w)", re.IGNORECASE)


def takes_together(text: str) -> bool:
    """"а если оба вместе одним заказом?": the items priced in the messages before, in one order."""
    return _TOGETHER.search(_folded(text)) is not None


def items_total(amounts: Sequence[float], text: str) -> Optional[float]:
    """The total of items priced together in one message ("a 120-lari vacuum and a 60-lari kettle": 180); None for
    one amount, or for amounts offered as alternatives ("300 or 600?")."""
    if len(amounts) < 2 or _ALTERNATIVE.search(_folded(text)):
        return None
    return float(sum(amounts))


# ... or what they bring it up to: "доберу до 520", "برسونمش به ۲ میلیون"
_BECOMES = re.compile(rf"(?<!\w)(بشه|میشه|شد|станет|будет|выйдет|получится|{_UP_TO}|"
                      r"(?:برسونمش|برسونم|برسه|برسد|برسونیم)\s+به)(?!\w)|=(?=\s*\d)", re.IGNORECASE)  # "два по 45 = 90"
# A number of floors, steps, kilometres, days or hours is no order total ("а до 5 этажа занесут?").
_COUNTED = r"этаж|ступен|км\b|километр|дн|день|недел|час|месяц|год|лет|шт|процент|%|طبقه|پله|کیلومتر|روز|هفته|ساعت|ماه|سال|عدد|درصد"
# a number grouped in thousands ("1,150,000", "1 150 000"): money, whatever words come before it
_GROUPED = r"\d{1,3}(?:[ \u00a0\u202f]\d{3})+|\d{1,3}(?:,\d{3}){2,}"
_BARE_NUMBER = re.compile(rf"(?<![\w.,])((?:{_GROUPED})(?![\d.,])|\d+(?:[.,]\d+)?)(\s*(?:و\s*نیم|с\s*половиной))?(?:\s+(?P<million>میلیون|ملیون))?"
                          r"(?:\s+و\s*(\d{3})(?!\d))?(?![\d\w])"
                          rf"(?!\s*(?:تا\s*)?(?:{_COUNTED}))", re.IGNORECASE)


# "ببخشید ریالی دیده بودم", "ой, я ошиблась, 8 км": the customer corrects what they said before
_CORRECTS = re.compile(r"(?<!\w)(?:ببخشید|اشتباه\w*|منظورم|извин\w*|ой|точнее|ошиб\w*|перепута\w*|поправл\w*)(?!\w)|"
                       # "нет, посмотрел в почте — заказ прошел в 11:10": a "no" that goes on to another figure
                       r"^\W*(?:нет|неа|نه|نخیر)\s*[,،.—-]+\s*(?=.*\d)|"
                       # "نه صبر کن الان شمردم، ۵ تاست", "نه وایسا …", "стоп, их пять", "хотя нет, раньше 12 не успею":
                       # wait, the figure was another
                       r"^\W*(?:(?:نه|нет)\s+)?(?:صبر کن(?:ید|ین)?|وایس(?:ت)?ا|стоп|погоди\w*|подожди\w*|хотя нет)(?!\w)(?=.*\d)",
                       re.IGNORECASE)


# "ببخشید اون سفارش قبلیم بود! منظورم ایرپاده", "ой, перепутал заказ": another order or item meant than the one told
# of (not a polite "ببخشید" before a second order: "ببخشید یه سفارش دیگه هم دارم")
_MEANT_ANOTHER = re.compile(r"(?<!\w)(?:منظورم|قبلی\S*|اشتباه ?(?:گفتم|نوشتم|زدم|کردم)|перепута\w*|ошиб\w*|"
                            r"имел\w* в виду|не тот(?! товар))(?!\w)", re.IGNORECASE)


def meant_another(text: str) -> bool:
    """Whether the customer says they meant another order or item than the one they told of before."""
    return _MEANT_ANOTHER.search(_folded(text)) is not None


PUT_RIGHT = "put_right"  # the parse data's mark of a message read as the one before with a fact put right


def corrects(text: str) -> bool:
    """"وای ببخشید قیمتو ریالی دیده بودم، …": a correction of a fact said before, not a question of its own."""
    return _CORRECTS.search(_folded(text)) is not None


def said_sum(text: str, earlier: Optional[float], currency: str) -> Optional[float]:
    """"… и выйдет 120 тыс", "… میشه ۲ و ۱۰۰": the total an added item makes, as the customer names it after "it
    makes"; None when they name none ("… چی میشه؟") or a bound it is compared with ("будет больше 500?")."""
    folded = spelled_as_digits(_folded(text))
    becomes = _BECOMES.search(folded)
    found = _BARE_NUMBER.search(folded, becomes.end()) if becomes else None
    if found is None or _BOUND.search(folded[becomes.end():found.start()]):  # "будет уже больше 500?" compares
        return None
    return _said_total(found, earlier, currency)


# "3 штуки", "۳ تا بخرم", "دو عدد": that many of the item priced (not "۲ تا ۳ روز", a span)
_PIECES = re.compile(r"(?<![\w.,])(\d{1,2})\s*(?:штук\w*|шт\.?|عدد|دونه|دانه|"  # not "۸ تا پله", "۲ تا ۳ روز"
                     r"تا(?=\s*(?:[؟?.!،,]|$|دیگه|بخر|بگیر|بردار|بشه|باشه|بود)))(?!\w)", re.IGNORECASE)


def follow_up_total(text: str, earlier: Optional[float], currency: str) -> Optional[float]:
    """The order total meant by a bare number after an earlier one: "and if I add a 250 one?" adds,
    "if it becomes 2.5?" after 1.8 million means 2,500,000, "۹۰۰" in toman 900,000, "add one for 45, it makes 125"
    the sum said; None when the message has no number."""
    said = spelled_as_digits(_folded(text))  # "а если за четыреста девяносто девять?"
    pieces = _PIECES.search(said)
    if pieces is not None and earlier is not None and not _BARE_NUMBER.search(said, pieces.end()):
        more = adds_to_order(text) or said.startswith(" دیگه", pieces.end())  # "добавлю ещё 2 штуки", "۲ تا دیگه"
        count = int(pieces.group(1)) + (1 if more else 0)  # two more of the one priced: three
        return earlier * count  # "а если 3 штуки?" after a 700-thousand cream: three of it
    found = _BARE_NUMBER.search(said)
    if found is None:
        return None
    number = _said_total(found, earlier, currency)
    made = said_sum(text, earlier, currency)  # "будет 125", "میشه ۲ و ۱۰۰"
    if made is not None and made > number:
        return made  # "а если ещё наушники за 45 добавлю, будет 125": the sum the customer made
    if earlier is not None and made is None and adds_to_order(text):  # "…, сколько будет?" names no total
        return earlier + number
    return number


def _said_total(found: re.Match[str], earlier: Optional[float], currency: str) -> float:
    """A bare number as a total: in the earlier amount's millions or thousands ("2.5" after 1.8 million), else as the
    store counts (`_as_counted`)."""
    number = _bare_value(found)
    if earlier is not None and earlier >= 1_000_000 and number < 1000:
        return number * (1_000_000 if number < 100 else 1000)
    return _as_counted(number, currency)


# Words after which a number is a price ("за 300", "на сумму 300", "а если сумма 300", "а если (на) 300", "مبلغ ۹۰۰", "قیمتش ۳۰۰"), or the order's total when
# it is too short to be an order's code ("заказ на 300", "سفارش ۹۰۰": every store's codes have four digits or more).
_PRICE_WORDS = re.compile(r"(?:(?<!\w)(?:за|на сумму|сумм[аеуы]|стоимостью|ценой|по цене|(?:если|а) на|если|اگه|اگر)|^\W*а|مبلغ(?:ش)?|قیمت(?:ش|ی)?|به ارزش)[ \u200c]*$",
                          re.IGNORECASE)
_ORDER_WORDS = re.compile(r"(?:(?<!\w)(?:заказ\w*|покупк\w*)(?: на)?|سفارش(?:م|ی)?|خرید(?:م|ی)?)[ \u200c]*$",
                          re.IGNORECASE)
_TAKEN = frozenset({"amount", "distance", "time", "phone", "date", "weekday"})  # what a number may be instead
SMALLEST_TOTAL = 10  # "за 2 телевизора": a smaller bare number counts things, not lari or thousands of toman


def stated_amounts(text: str, entities: Iterable[Mapping[str, Any]], currency: str) -> list[float]:
    """The prices a message gives without a currency after words of price or of the order ("за 300", "заказ на 300",
    "سفارش ۹۰۰", "пылесос за 120 и чайник за 60 лари", "за четыреста девяносто девять"), for a computation that takes
    a total; in toman the thousands people drop ("۹۰۰" is 900,000). Never a number another detail took (an amount with its currency, a distance,
    time, phone or date), an order's code, or a count of days, floors or items."""
    normalized = spelled_as_digits(normalize(text))  # "а за семьсот?" as "а за 700?"
    taken = [(int(e.get("start", 0)), int(e.get("end", 0))) for e in entities if e.get("entity") in _TAKEN]
    amounts = []
    for found in _BARE_NUMBER.finditer(normalized):
        start, before = found.start(), normalized[: found.start()]
        number = _bare_value(found)
        if (number >= SMALLEST_TOTAL and not any(first <= start < last for first, last in taken)
                and (_PRICE_WORDS.search(before) or (number < 1000 and _ORDER_WORDS.search(before))
                     or re.fullmatch(_GROUPED, found.group(1)))):  # "یکی ۱,۱۵۰,۰۰۰ یکی ۹۸۰ هزار تومن": grouped, a price
            amounts.append(_as_counted(number, currency))
    return amounts


def _bare_value(found: re.Match[str]) -> float:
    """The number a `_BARE_NUMBER` match says, "و نیم" and "с половиной" adding a half, "۲ و ۱۰۰" (millions and
    thousands, the way a total in toman is said) a fraction, "۲ میلیون و ۱۰۰" the millions named."""
    raw = found.group(1)
    raw = raw.replace(",", "") if raw.count(",") > 1 else raw.replace(",", ".")  # "1,150,000" grouped; "1,5" a fraction
    number = float(re.sub(r"[ \u00a0\u202f]", "", raw)) + (0.5 if found.group(2) else 0)  # "3 200 000"
    number = number + int(found.group(4)) / 1000 if found.group(4) and number < 100 else number
    return number * 1_000_000 if found.group("million") else number  # "۲ میلیون و ۱۰۰"


def _as_counted(number: float, currency: str) -> float:
    """A total said without a currency, as the store counts it: in toman people drop the thousands ("۹۰۰" is
    900,000), as `bot.nlu.entities` reads "۲۵۰ تومنی"."""
    return number * 1000 if currency == "toman" and number < 1000 else number


_ALREADY_ORDERED = re.compile(r"заказал|оформил|оформлен|сделал заказ|купил|оплатил|سفارش دادم|ثبت کردم|ثبت شده|(?<!ن)خرید(?:م|یم)|سفارش دادیم|"
                              r"پرداخت کردم", re.IGNORECASE)
# "можно теперь вписать брата?", "میشه الان اسم داداشمو اضافه کنم؟": something put into or changed in an order
_A_CHANGE = re.compile(r"(?<!\w)(?:вписа|добави|измени|поменя|исправи|указа|дописа|внести|внес)\w*|اضافه|عوض|تغییر|اصلاح|"
                       r"ویرایش|بنویس|وارد کن", re.IGNORECASE)
_DAY_PARTS = ((r"утр|صبح", 9), (r"بعد ?از ?ظهر|после обеда", 15), (r"ظهر|полдень|полдн", 12), (r"днем|днём|обед|ناهار", 13),
              (r"вечер|عصر|غروب", 18), (r"ноч|شب", 22))


def day_part(text: str) -> Optional[int]:
    """The hour a part of the day stands for ("вечером", "صبح"): a time said without a clock; the first one said
    ("دیروز عصر آورد … امروز صبح باز کردم": the evening it came)."""
    folded = _folded(text)
    found = [(match.start(), hour) for pattern, hour in _DAY_PARTS if (match := re.search(pattern, folded))]
    return min(found)[1] if found else None


# "همون روز میتونم بگیرم؟", "а в тот же день можно?": the day of the order asked of, a pickup question of its own
_SAME_DAY = re.compile(r"(?<!\w)(?:همون|همان|همین) روز|(?<!\w)(?:в )?(?:тот|этот) же день|(?<!\w)сегодня же(?!\w)",
                       re.IGNORECASE)


def asks_same_day(text: str) -> bool:
    """Whether a question asks about the very day of the order (the same-day pickup rule), not the hour told before."""
    return _SAME_DAY.search(_folded(text)) is not None


def ordered_moment(now: datetime, weekday: Optional[str], clock: Optional[str], text: str,
                   said_day: Optional[str] = None) -> datetime:
    """When the order the customer speaks of was (or will be) placed: "I ordered on Saturday evening",
    "if I order at 10:30", "if I order on 7 January" (`said_day`, a date entity); the last such weekday or date for
    what was done, the next one for what will be."""
    folded = _folded(text)
    moment = now
    said_day = said_day or (f"weekday:{weekday}" if weekday else None)
    found = day_given(said_day, now.date(), ahead=not _ALREADY_ORDERED.search(folded)) if said_day else None
    if found is not None:
        moment = now.replace(year=found.year, month=found.month, day=found.day)
    if clock and clock.startswith(MINUTES_AGO):  # "ordered two hours ago"
        return now - timedelta(minutes=int(clock.partition(":")[2]))
    if clock and ":" in clock:
        hours, minutes = (int(part) for part in clock.split(":"))
        return moment.replace(hour=hours, minute=minutes, second=0, microsecond=0)
    hour = day_part(text)
    if hour is not None:
        return moment.replace(hour=hour, minute=0, second=0, microsecond=0)
    return moment


# "اگه آخر هفته سفارش بدم", "если закажу в выходные": the weekend, whichever days it is at the store
_WEEKEND = re.compile(r"(?<!\w)(?:آخر ?هفته|تعطیلات آخر هفته|в выходн\w*|на выходн\w*|по выходн\w*)(?!\w)", re.IGNORECASE)


def says_weekend(text: str) -> bool:
    """Whether the message speaks of ordering at the weekend, not on a named day."""
    return _WEEKEND.search(_folded(text)) is not None


# "دوشنبه هفته بعد", "в понедельник на следующей неделе": the weekday of the week after
_NEXT_WEEK = re.compile(r"هفته(?:[ \u200c]?(?:ی|ٔ))? (?:بعد|بعدی|دیگه|دیگر|آینده)(?!\w)|следующ\w* недел", re.IGNORECASE)


def next_week(text: str) -> bool:
    """"اگه تا دوشنبه هفته بعد دست دست میکردم": a weekday said of the week after, not the first such day."""
    return _NEXT_WEEK.search(_folded(text)) is not None


# "فردا ظهر", "پس‌فردا", "завтра", "послезавтра": a day counted on from today
_DAYS_AHEAD = ((re.compile(r"(?<!\w)(?:پس ?فردا|послезавтра)(?!\w)", re.IGNORECASE), 2),
               (re.compile(r"(?<!\w)(?:فردا|завтра)(?!\w)", re.IGNORECASE), 1))


def days_ahead(text: str) -> Optional[int]:
    """The days from today to the day a message names as tomorrow or the day after ("اگه فردا ظهر زنگ بزنم"), which
    no date entity carries."""
    folded = _folded(text)
    return next((days for pattern, days in _DAYS_AHEAD if pattern.search(folded)), None)


def supposed_moment(said_day: Optional[str], clock: Optional[str], received: datetime,
                    hour: Optional[int] = None, timed: bool = True, week_after: bool = False) -> Optional[datetime]:
    """When a what-if supposes the customer acts ("اگه تا شنبه صبح طول بکشه تا زنگ بزنم"): the day it names, the first
    such after the delivery `received`, at its hour (or the part of the day said, else noon); None for a day it does
    not name after the delivery ("today", a date before it). A delivery told without its hour (`timed` False) is not
    followed by a moment of the same day: "اگه تا شنبه بعد عصر خبر بدم" after "got it on Saturday" is a week on; so is
    a weekday said `week_after`."""
    if said_day is None or said_day.startswith("ago:"):
        return None
    day = day_given(said_day, received.date(), ahead=True)
    if day is None:
        return None
    hours, minutes = (int(part) for part in clock.split(":")) if clock else (12 if hour is None else hour, 0)
    moment = received.replace(year=day.year, month=day.month, day=day.day, hour=hours, minute=minutes)
    if (moment <= received or not timed and moment.date() == received.date()) and said_day.startswith("weekday:"):
        # "Thursday" said of a Thursday delivery: the next one
        moment += timedelta(days=7)
    if week_after and said_day.startswith("weekday:"):
        moment += timedelta(days=7)
    return moment if moment > received else None


def hour_supposed(clock: str, received: datetime, now: datetime, part_said: bool, done: bool) -> datetime:
    """When a what-if supposes the customer acts at an hour alone, in the afternoon too when no part of the day was
    said: done already ("اگه ساعت ۲ و نیم گفته بودم چی؟" after "came at 1 pm"), the last such hour after the delivery
    up to now; still to do ("اگه ساعت ۹ خبر بدم چی؟"), the first such hour from now."""
    hours, minutes = (int(part) for part in clock.split(":"))
    twelve = (hours, hours + 12) if not part_said and hours < 12 else (hours,)
    moments = sorted(moment for days in (-1, 0, 1, 2) for said in twelve
                     if (moment := received.replace(hour=said, minute=minutes) + timedelta(days=days)) > received)
    if done:
        return max((moment for moment in moments if moment <= now), default=moments[0])
    return next((moment for moment in moments if moment >= now), moments[-1])


# "اگه بعد ساعت ۱۰ خبر بدم", "если после 10 сообщу": past an hour, not at it
_PAST_AN_HOUR = re.compile(r"(?<!\w)(?:بعد|پس)\s*(?:از\s*)?(?:ساعت\s*)?\d|(?<!\w)после\s+(?:\d|час)", re.IGNORECASE)


def past_an_hour(text: str) -> bool:
    """"اگه بعد ساعت ۱۰ خبر بدم": a moment past the hour named, not the hour itself."""
    return _PAST_AN_HOUR.search(_folded(text)) is not None


def day_given(value: str, today: date, ahead: bool = False) -> Optional[date]:
    """The day a date entity names ("jalali:7-3", "gregorian:12-3", "ago:2", "weekday:sunday"): the latest such day
    up to today, or with `ahead` the first from today on ("if I order on 7 January", "if I order on Saturday")."""
    kind, _, spec = value.partition(":")
    if kind == "ago" and spec.isdigit():
        return today - timedelta(days=int(spec))
    if kind == "weekday" and spec in WEEKDAYS:
        target = WEEKDAYS.index(spec)
        return today + timedelta(days=(target - today.weekday()) % 7) if ahead else \
            today - timedelta(days=(today.weekday() - target) % 7)
    month, _, day = spec.partition("-")
    if kind in ("jalali", "gregorian") and not month and day.isdigit():
        return _day_of_month(kind, int(day), today, ahead)
    if kind not in ("jalali", "gregorian") or not (month.isdigit() and day.isdigit()):
        return None
    for years in ((0, 1) if ahead else (0, -1)):
        try:
            if kind == "jalali":
                year = jdatetime.date.fromgregorian(date=today).year + years
                found = jdatetime.date(year, int(month), int(day)).togregorian()
            else:
                found = date(today.year + years, int(month), int(day))
        except ValueError:
            return None
        if (found >= today) if ahead else (found <= today):
            return found
    return None


MONTHS_LOOKED_AT = 3  # a day of the month said without its month: this one, or one of the last (the 31st skips some)


def _day_of_month(calendar: str, day: int, today: date, ahead: bool) -> Optional[date]:
    """"۱۵ام", "15-го": the latest day of that number in the customer's calendar up to today (with `ahead` the first
    from today on)."""
    if calendar == "jalali":
        current = jdatetime.date.fromgregorian(date=today)
        year, month = current.year, current.month
    else:
        year, month = today.year, today.month
    step = 1 if ahead else -1
    for _ in range(MONTHS_LOOKED_AT):
        try:
            found = jdatetime.date(year, month, day).togregorian() if calendar == "jalali" else date(year, month, day)
        except ValueError:
            found = None
        if found is not None and ((found >= today) if ahead else (found <= today)):
            return found
        month += step
        year, month = (year + 1, 1) if month > 12 else (year - 1, 12) if month < 1 else (year, month)
    return None


def moments_told(entities: Sequence[Mapping[str, Any]], now: datetime) -> list[tuple[Optional[str], Optional[str]]]:
    """The moments a message names, in order, each a day (a date entity's value, or none: today) and an hour (or
    none): "پنجشنبه ساعت ۱۱ … الان جمعه ساعت ۹" names two, the delivery and the present."""
    moments: list[tuple[Optional[str], Optional[str]]] = []
    for entity, following in zip(entities, [*entities[1:], None]):
        value = str(entity.get("value"))
        if entity.get("entity") == "weekday" and _names_the_day(entity, following):
            continue  # "پنجشنبه ۱۵ام": the date says which Thursday
        if entity.get("entity") in ("date", "weekday"):  # "получил в воскресенье": the last Sunday
            moments.append((value if entity.get("entity") == "date" else f"weekday:{value}", None))
        elif entity.get("entity") == "time" and value.startswith(MINUTES_AGO):  # "یک ساعت و نیم پیش"
            nearest = (now + timedelta(seconds=30)).replace(second=0, microsecond=0)  # moments are said to the minute
            moment = nearest - timedelta(minutes=int(value.partition(":")[2]))
            moments.append((f"ago:{(now.date() - moment.date()).days}", moment.strftime("%H:%M")))
        elif entity.get("entity") == "time" and ":" in value:
            if moments and moments[-1][1] is None:  # "دیروز ساعت ۱۰": the hour of the day just said
                moments[-1] = (moments[-1][0], value)
            else:  # "… الان ساعت ۹ صبحه": an hour of its own is today's
                moments.append((None, value))
    return moments


# "الان ساعت ۹ صبحه، دیروز …", "الانم همون ۸ شبه", "сейчас 9 утра, а получила вчера …": the hour right after this is
# the present
_NOW_BEFORE = re.compile(r"(?<!\w)(?:(?:الان|الآن)(?:م|هم)?|اکنون|сейчас|щас)\W+(?:\w+\W+){0,2}$", re.IGNORECASE)


def _told_as_now(entity: Mapping[str, Any], text: str) -> bool:
    """Whether a time entity is the hour the `text` says it is now (an earlier message's entity has no offset here)."""
    start, value = int(entity.get("start") or 0), str(entity.get("value"))
    return (entity.get("entity") == "time" and ":" in value and not value.startswith(MINUTES_AGO)  # "الان ۴ روز
            and _NOW_BEFORE.search(text[max(0, start - 20):start]) is not None)  # گذشته": days gone by, not a clock


def moments_said(entities: Sequence[Mapping[str, Any]], now: datetime,
                 text: str = "", _told_now: bool = False) -> tuple[Optional[datetime], bool, datetime]:
    """When the item came and what "now" is, as the customer tells them ("came yesterday at 5 pm, it is
    10 am now"): the first day or hour given is the delivery, a later hour the present; without a
    day the hour is the last such up to now, without an hour the day's noon (and `timed` is False); without a later
    hour "now" is the clock's. An hour told as now in the `text` ("الان ساعت ۹ صبحه، دیروز ۶ عصر گرفتم") is the
    present wherever it stands (`_told_now`: the rest, read beside it, is placed as said)."""
    today = next((pair for pair in zip(entities, entities[1:]) if str(pair[0].get("value")) == "ago:0"
                  and _names_the_day(*pair)), None)  # "امروز ۲۰امه", "сегодня 20-е": the day it is, as told
    present_day = day_given(str(today[1].get("value")), now.date()) if today else None
    if today and present_day:
        return moments_said([entity for entity in entities if entity not in today],
                            datetime.combine(present_day, now.timetz()), text)
    told_now = [entity for entity in entities if _told_as_now(entity, text)]
    if told_now and len(told_now) < len(entities):
        rest = [entity for entity in entities if entity not in told_now]
        received, timed, _ = moments_said(rest, now, _told_now=True)
        present = _afternoon_after(received, _placed(None, str(told_now[0]["value"]), now) or now, told_now[0], text)
        received = _afternoon_if_open(received, entities, text, present) if received else None
        if received is not None and not any(entity.get("entity") in ("date", "weekday") for entity in rest):
            received = _yesterday_if_later(received, present, text)  # "ساعت ۱۰ شب رسید، الان ساعت ۹ صبحه"
        return received, timed, present
    moments = moments_told(_gone_by_after_a_moment_left_out(_arrival_over_purchase(entities, text)), now)
    if not moments:
        return None, False, now
    placed = [_placed(said_day, clock, now) for said_day, clock in moments[:2]]
    received = placed[0]
    second = next((entity for entity in entities if entity.get("entity") == "time"
                   and str(entity.get("value")) == moments[1][1]), None) if len(moments) > 1 else None
    present = (_afternoon_after(received, placed[1], second, text)
               if len(placed) > 1 and moments[1][1] is not None else None) or now
    if received is None:
        return None, False, now
    received = _afternoon_if_open(received, entities, text, present)
    if moments[0][0] is None and not _told_now:
        received = _yesterday_if_later(received, present, text)
    return received, moments[0][1] is not None, present


# a clause: what lies between punctuation or "and"/"but" ("هفته پیش خریدیم و ۳ روز پیش تحویل گرفتیم")
_CLAUSE_OR_AND = re.compile(r"[.,;!?،؛\n]|\s(?:و|ولی|اما|а|и|но)\s", re.IGNORECASE)


def _clause_of(entity: Mapping[str, Any], text: str) -> str:
    """The clause of `text` that holds an entity, by its offsets."""
    start, end = int(entity["start"]), int(entity["end"])
    before = [found.end() for found in _CLAUSE_OR_AND.finditer(text, 0, start)]
    after = _CLAUSE_OR_AND.search(text, end)
    return text[before[-1] if before else 0:after.start() if after else len(text)]


def _arrival_over_purchase(entities: Sequence[Mapping[str, Any]], text: str) -> list[Mapping[str, Any]]:
    """"هفته پیش خریدیم و ۳ روز پیش تحویل گرفتیم", "купили в пятницу, а получили вчера": the day the item came, which
    windows count from, and not the day it was bought, where a message tells both."""
    days = [entity for entity in entities if entity.get("entity") in ("date", "weekday") and "start" in entity
            and "end" in entity]
    if len(days) < 2 or not text:
        return list(entities)
    clauses = {id(entity): _folded(_clause_of(entity, text)) for entity in days}
    bought = [entity for entity in days if _ALREADY_ORDERED.search(clauses[id(entity)])
              and not tells_arrival(clauses[id(entity)])]
    if not bought or not any(tells_arrival(clauses[id(entity)]) for entity in days if entity not in bought):
        return list(entities)
    return [entity for entity in entities if all(entity is not day for day in bought)]


NAMING_GAP = 2  # characters between a day's name and the date that says which ("پنجشنبه ۱۵ام", "сегодня 20-е")


def _names_the_day(entity: Mapping[str, Any], following: Optional[Mapping[str, Any]]) -> bool:
    """A date right after a weekday or "today" (their offsets this close) is the same day, said exactly."""
    return (following is not None and following.get("entity") == "date" and "start" in following and "end" in entity
            and 0 <= int(following["start"]) - int(entity["end"]) <= NAMING_GAP)


def _gone_by_after_a_moment_left_out(entities: Sequence[Mapping[str, Any]]) -> list[Mapping[str, Any]]:
    """"پنجشنبه رسید، الان ۴ روز گذشته": a span gone by said after the moment it counts from tells the time since that
    moment, not a moment of its own (nor the present's)."""
    kept: list[Mapping[str, Any]] = []
    for entity in entities:
        gone_by = str(entity.get("value")).startswith(MINUTES_AGO)
        if not (gone_by and any(moment.get("entity") in ("date", "weekday", "time") for moment in kept)):
            kept.append(entity)
    return kept


EARLY_HOURS = 7  # an hour up to this, said alone, may be the afternoon's ("ساعت ۵ رسید"); "at 9" is the morning's
# a part of the day said with an hour ("ساعت ۵ عصر", "دیروز عصر ساعت ۶", "в 5 утра") leaves it no other reading
_DAY_PART = re.compile(r"صبح|ظهر|عصر|شب|بامداد|утр|дн[её]м|дня|вечер|ноч", re.IGNORECASE)


def _afternoon_if_open(received: datetime, entities: Sequence[Mapping[str, Any]], text: str, present: datetime) -> datetime:
    """"بسته ساعت ۳ رسید، الان ساعت ۶ عصره": an hour from 1 to 7 said without a part of the day is the afternoon's
    when that is not after the present (15:00), since a parcel or a payment at 3 in the morning is the rarer reading
    (at 9 it is not); else as said."""
    said = next((entity for entity in entities if entity.get("entity") == "time" and ":" in str(entity.get("value"))
                 and not str(entity.get("value")).startswith(MINUTES_AGO) and not _told_as_now(entity, text)), None)
    if said is None or "start" not in said or not text or not 1 <= received.hour <= EARLY_HOURS:
        return received
    if _DAY_PART.search(text[max(0, int(said["start"]) - 20):int(said["end"])]):
        return received
    afternoon = received + timedelta(hours=12)
    return afternoon if afternoon <= present else received


def _afternoon_after(received: Optional[datetime], present: datetime, said: Optional[Mapping[str, Any]],
                     text: str) -> datetime:
    """The present hour told after the delivery's, in the afternoon when the morning's would come before it and no
    part of the day was said with it: "ساعت یک ظهر رسید، الان ساعت ۲ و نیمه" is half past two in the afternoon (not
    "… الان ساعت ۸ صبحه")."""
    span = text[int(said["start"]):int(said.get("end", said["start"])) + 4] if said and "start" in said and text else ""
    if received is not None and present < received <= present + timedelta(hours=12) and not _DAY_PART.search(span):
        return present + timedelta(hours=12)
    return present


# "پیک ساعت ۵ عصر میاره", "привезут в 5 вечера": an hour still to come, not a delivery gone by
_TO_COME = re.compile(r"(?<!\w)(?:قراره|میاره|میارن|میرسه|میرسد|میاد|میان|привез[уеё]т|приедет|прид[её]т|доставят|будет)(?!\w)",
                      re.IGNORECASE)
_TOMORROW = re.compile(r"(?<!\w)(?:فردا|завтра)(?!\w)", re.IGNORECASE)


def _yesterday_if_later(received: datetime, present: datetime, text: str) -> datetime:
    """An hour of the delivery told without its day and later than now is yesterday's ("گوشیو ساعت ۴ عصر تحویل
    گرفتم" told at 7 am), unless supposed or still to come ("اگه ساعت ۱۰ زنگ بزنن", "پیک ساعت ۵ عصر میاره"); a word
    of tomorrow beside a delivery gone by is the customer's plan ("ساعت ۸ شب رسید، فردا میتونم پس بدم؟")."""
    # the words of what is told, not of what is asked ("получил в 9 вечера, сколько дней будет на возврат?": "будет" is
    # of the question, not of the delivery)
    folded = " ".join(re.sub(r"[،,][^،,]*$", "", sentence) if mark in ("?", "؟") else sentence  # a question's last
                      for sentence, mark in re.findall(r"([^.!?؟]+)([.!?؟]?)", _folded(text)))  # clause is what it asks
    if (received <= present or not text or what_if(text) or _TO_COME.search(folded)
            or (_TOMORROW.search(folded) and not _CAME.search(folded))):
        return received
    return received - timedelta(days=1)


def _placed(said_day: Optional[str], clock: Optional[str], now: datetime) -> Optional[datetime]:
    """A day and an hour the customer gave, as a moment on the clock of `now`."""
    found = day_given(said_day, now.date()) if said_day else now.date()
    if found is None:
        return None
    hours, minutes = (int(part) for part in (clock or "12:00").split(":"))
    return datetime.combine(found, time(hours, minutes), now.tzinfo)


# Testing an item is what the defect window is for ("until when can I test it?").
# (not checking an order: "проверять мой заказ не надо")
_TESTING = re.compile(r"تست|امتحان|آزمایش|тест|провер(?!\w* (?:\w+ )?заказ)|испыт", re.IGNORECASE)


# "تا اون موقع", "к тому времени": the span just given, which an "and if … not by then" asks past
_BY_THEN = re.compile(r"(?<!\w)(?:تا (?:اون|آن|این) (?:موقع|زمان|تاریخ|روز|ساعت)|к (?:тому|этому) (?:времени|сроку|дню)|"
                      r"до (?:того|этого) (?:времени|срока|дня)|не (?:\w+ ){0,2}(?:в срок|вовремя))(?!\w)", re.IGNORECASE)  # not "а если всё-таки в срок"


# "اگه تا سه روز دیگه برنگشت", "если через 3 дня не вернут": the span said again in its days or hours, with what
# did not happen in it
_SPAN_SAID = r"\S+ (?:روز|ساعت|هفته)\w*(?: کاری)?(?: دیگه| دیگر)?"
_NOT_DONE = r"(?:بر)?ن(?:گشت|گرد|یومد|یامد|یاد|رسید|رسه|شد|شه|کرد|کنه|ریخت|ریز|زد)\w*"  # "برنگشت", "نریختین", "نیومد"
_NOT_COME = r"(?:верн|поступ|зачисл|привез|достав)"  # "не вернут", "не привезут" (not "не приду": one's own doing)
_THEN = r"\W*(?:\S+ ){0,2}(?:چی|چیکار\w*|чт[оа]|тогда)(?!\w)"
_NOT_WITHIN = re.compile(rf"(?<!\w)(?:تا|ظرف|طی|بعد(?: از)?) {_SPAN_SAID}(?: \S+){{0,3}} {_NOT_DONE}|"
                         r"(?<!\w)(?:через|за|в течение|после) (?:эти |те |этих |тех )?\S+ (?:дн|час|недел|сут)\w*(?: \w+){0,3} не |"
                         r"(?<!\w)не \w+(?: \w+){0,2} (?:через|за|в течение) \S+ (?:дн|час|недел|сут)|"
                         # "а если бы уже 4 дня прошло и денег нет?", "اگه ۴ روز گذشته بود و پول برنگشته بود؟": gone by, undone
                         rf"(?<!\w){_SPAN_SAID} (?:\S+ )?گذشت\S*(?: \S+){{0,4}} (?:برنگشت|نیومد|نیامد|نرسید|نریخت|واریز نشد)\S*"
                         rf"(?:{_THEN}|\W*$)|"
                         r"(?<!\w)\S+ (?:дн|час|недел|сут)\w* (?:\w+ )?прош\w*(?: \w+){0,2} (?:и )?(?:денег нет|деньги не "
                         rf"{_NOT_COME}|не {_NOT_COME})\w*(?:{_THEN}|\W*$)",
                         re.IGNORECASE)


# "اگه پسفردا ظهر نیومد چی", "а если к послезавтра не вернут, что тогда?": a day ahead named, what it was for not
# done by it, and what then asked (not "اگه فردا نرسه میتونم کنسلش کنم؟", which asks another rule)
_NOT_BY_A_DAY = re.compile(rf"(?<!\w)(?:تا )?(?:پس ?فردا|فردا)(?: \S+){{0,2}} {_NOT_DONE}{_THEN}|"
                           rf"(?<!\w)(?:(?:к|до) )?(?:послезавтра|завтра)(?!\w)(?: \w+){{0,2}} не {_NOT_COME}\w*{_THEN}|"
                           rf"(?<!\w)не {_NOT_COME}\w* (?:\w+ )?(?:к|до) (?:послезавтра|завтра)(?!\w){_THEN}", re.IGNORECASE)
# "و اگه بازم اون موقع خونه نبودم؟", "а если и тогда меня не будет дома?": what was arranged fails once more
_AGAIN_NOT = re.compile(r"(?<!\w)(?:بازم|باز هم|دوباره)(?: \S+){0,4} (?:بر)?ن\w+|"
                        r"(?<!\w)(?:опять|снова|и тогда|и в этот раз)(?: \w+){0,3} не ", re.IGNORECASE)


# "حداقل مبلغ برای قسطی چقدره؟", "какая минимальная сумма?": a limit asked, which a rule without a figure does not give
_LIMIT = re.compile(r"(?<!\w)(?:حداقل|حداکثر|کمترین|بیشترین|минимальн\w*|максимальн\w*|минимум|максимум)(?!\w)", re.IGNORECASE)


# "طبقه دوم پول اضافه میگیرین؟ چقدر؟", "за подъём доплачивать надо?": a price asked of what a rule names
_A_PRICE = re.compile(r"(?:پول|هزینه|مبلغ)(?!م)\S* (?:\S+ )?(?:اضافه|اضافی|جدا)\S* (?:\S+ )?(?:میگیر|می گیر|بدم|بدیم|بپرداز|"
                      r"حساب میکن|میخواد|داره|دارد|باید)|(?:چقدر|چقد) (?:پول|هزینه|تومن)|هزینه(?:ش|اش)? (?:چقدر|چقد|چنده)|"
                      r"(?<!\w)допла[тч]\w*|(?<!\w)сколько (?:это |за это )?(?:стоит|будет стоить|берете|берёте|платить|"
                      r"заплатить)|(?<!\w)платн\w*|за отдельную плату|(?:دقیقا|دقیقاً|دقیق) (?:چقدر|چقد)(?! طول)|"
                      # a fine's size: "چقدر جریمه میشه؟", "какой именно штраф?"
                      r"(?:چقدر|چقد|چه قدر) جریم|جریم\S* (?:چقدر|چقد|چنده|چند)|میزان جریم|"  # ("جریمش چقدره": no "ه")
                      r"(?<!\w)(?:какой|каков)\w* (?:именно |же )?штраф|сколько\s+(?:будет\s+)?штраф\w*|размер\w* штраф|"
                      # how much dearer: "فوریش چقدر گرونتره؟", "насколько дороже срочная?"
                      r"(?:چقدر|چقد|چه قدر) (?:\S+ )?گرون ?تر|(?<!\w)насколько (?:\w+ )?дороже", re.IGNORECASE)


def asks_a_price(text: str) -> bool:
    """"پول اضافه میگیرین؟ چقدر؟": the question asks what something costs."""
    return _A_PRICE.search(_folded(text)) is not None


# "а сколько это в итоге?", "با ارسالش جمعا چقدر میشه؟": the order and its delivery together
_GRAND_TOTAL = re.compile(r"(?<!\w)(?:в итоге|итого|всего|в сумме|вместе с доставкой|с доставкой|общая сумма|"
                          r"جمعا|جمعاً|جمع کل|روی ?هم|(?:همه|کل)\S* ?(?:با|به علاوه) (?:هزینه )?(?:ارسال|پیک)|"
                          r"با (?:هزینه )?(?:ارسال|پیک)\S* (?:\S+ )?(?:چقدر|چقد|چند)|کلا? (?:چقدر|چقد|چند) "
                          r"(?:میشه|می شود|میشود))(?!\w)", re.IGNORECASE)


def asks_grand_total(text: str) -> bool:
    """"а сколько это в итоге?" after a delivery price: what the order comes to with its delivery."""
    folded = _folded(text)
    return (_GRAND_TOTAL.search(folded) is not None and asks_a_sum(text) and not asks_duration(text)
            and _TIME_WORDS.search(folded) is None)


# "сколько всего дней ехать?", "با پیک چقدر طول میکشه؟": a time asked, not a sum
_TIME_WORDS = re.compile(r"(?<!\w)(?:дн\w*|час\w*|времен\w*|ехать|ждать|طول|روز\S*|ساعت\S*|زمان\S*)(?!\w)", re.IGNORECASE)


def asks_a_limit(text: str) -> bool:
    """"حداقل خرید برای قسطی چقدره؟": the question asks for a minimum or a maximum."""
    return _LIMIT.search(_folded(text)) is not None


# "а если я уже оформил и забыл это написать?", "اگه یادم رفت بنویسم چی؟": the step the rule asks for left undone
_FORGOT = re.compile(r"(?<!\w)(?:забыл\w*|فراموش (?:کرد|کن|بشه|شد)\w*|یادم (?:رفت|بره))(?!\w)", re.IGNORECASE)


# "از روز خرید حساب میشه؟", "از وقتی تایید شد حساب میشه یا …؟", "с какого момента считается?", "یعنی حداکثر چند ساعت
# کاری؟": from when a span just given counts, or how long it is at most
_SPAN_START = re.compile(r"(?<!\w)(?:از (?:\S+ ){0,8}?حساب (?:میشه|می ?شود|میشن)|(?:حداکثر|نهایتا|نهایتاً) چند (?:ساعت|روز)|"
                         r"(?:считает\w*|отсчитыва\w*) (?:с|от)|(?:с|от) какого (?:момента|дня|числа)|"
                         r"максимум сколько (?:часов|дней))(?!\w)", re.IGNORECASE)


def asks_when_the_span_starts(text: str) -> bool:
    """"این ۷ روز از روز خرید حساب میشه؟", "с какого момента считаются эти дни?": a question about the span of the rule
    just given (from when it counts, how long at most), which that rule answers."""
    folded = _folded(text)  # (not "۱۰ تا پله از طبقه اول حساب میشه؟", floors counted)
    return _SPAN_START.search(folded) is not None and not what_if(text) and _COUNTED_THINGS.search(folded) is None


_COUNTED_THINGS = re.compile(r"طبقه|پله|этаж|ступен", re.IGNORECASE)


# "талона в коробке нет", "кода в смс нет": something told missing, read as a "no" by its last word
_THERE_IS_NO = re.compile(r"^(?!\W*(?:нет|неа|не|ну нет)(?!\w))\W*\w+(?:\W+\w+)*?\W+(?:нет|не было)\W*$", re.IGNORECASE)


def tells_absence(text: str) -> bool:
    """"талона в коробке нет": a thing told missing, a fact the rule just given goes on with, not a "no" to it."""
    return _THERE_IS_NO.search(_folded(text)) is not None


def past_the_span(text: str) -> bool:
    """"اگه تا اون موقع برنگشت؟", "а если к тому времени не вернут?", "اگه تا سه روز دیگه برنگشت؟", "اگه پسفردا ظهر
    نیومد چی": what if the span just given passes, or what was arranged fails again ("و اگه بازم اون موقع خونه
    نبودم؟")."""
    folded = _folded(text)
    return what_if(text) and any(pattern.search(folded) is not None
                                 for pattern in (_BY_THEN, _NOT_WITHIN, _NOT_BY_A_DAY, _AGAIN_NOT))


# "اگه فرداش صبح دیدم چی", "а если замечу только на следующий день?": a moment a day after the one spoken of
_A_DAY_LATER = re.compile(r"(?<!\w)(?:فرداش|فردای (?:اون|آن|همون|همان) روز|(?:صبح |عصر |شب )?روز بعد(?:ش|ی)?|"
                          r"на следующий день|наутро|назавтра|на другой день)(?!\w)", re.IGNORECASE)


def a_day_later(text: str) -> bool:
    """What if it were only a day after (the delivery, the opening): past any span of a few hours."""
    return what_if(text) and _A_DAY_LATER.search(_folded(text)) is not None


def forgot_the_step(text: str) -> bool:
    """"а если я уже оформил и забыл это написать?": what if the step a rule asks for was left undone."""
    return what_if(text) and _FORGOT.search(_folded(text)) is not None


# "если в следующий раз закажу", "سفارش بعدیم", "next order": an order still to be placed
_NEXT_ORDER = re.compile(r"(?<!\w)(?:в следующий раз|следующ\w* заказ\w*|в другой раз|دفعه بعد\S*|سفارش بعدی\S*|"
                         r"بار بعد\S*|next (?:time|order))(?!\w)", re.IGNORECASE)


def of_a_next_order(text: str) -> bool:
    """Whether a question is about an order still to be placed, whatever order the conversation checked before."""
    return _NEXT_ORDER.search(_folded(text)) is not None


def already_ordered(text: str) -> bool:
    """"я уже оформил", "سفارش دادم": the order is placed, so what is left undone is a change to it."""
    return _ALREADY_ORDERED.search(_folded(text)) is not None


def changes_a_placed_order(text: str) -> bool:
    """"заказ уже оформлен … можно теперь вписать брата?": a change asked of an order already placed."""
    return already_ordered(text) and _A_CHANGE.search(_folded(text)) is not None


# "هنوز وقت دارم؟", "دیر نشده؟", "успеваю?": whether a window is still open, which a moment said counts
_STILL_TIME = re.compile(r"هنوز (?:وقت|مهلت)|وقت دارم|مهلت دارم|دیر (?:که |هم )?(?:نشده|شده|نیست)|دیره|успева\w*|успею|не поздно|"
                         r"поздно ли|уже поздно|ещё в срок|еще в срок|"
                         # "هنوز میتونم پیگیری کنم؟", "هنوز قبول میکنین؟", "ещё можно вернуть?": still allowed, at this time
                         # (not "هنوز میشه سفارش داد؟", still possible to order)
                         r"هنوز (?:هم )?(?:قبول|پس می|(?:می ?تونم|می ?توانم|میشه)(?: \S+){0,2} (?:پس|برگردون|برگردوند|مرجوع|"
                         r"پیگیری|خبر|اطلاع|گزارش|تماس|زنگ|عوض|تعویض|شکایت)|(?:می ?تونم|می ?توانم|میشه)\W*$)|"
                         r"(?:ещ[её]|все ещ[её]) можно (?:вернуть|сдать|обменять|заявить|сообщить|пожаловаться)|"
                         # "тестовый срок еще идет?", "срок ещё не истёк?": the window still running
                         r"срок\w* (?:\w+ )?ещ[её] (?:ид[её]т|действует)|срок\w* (?:ещ[её] )?не (?:истек|истёк|прош[её]л|закончил)\w*|"
                         # "сколько у меня осталось дней на тест?", "چند روز از مهلتم مونده؟": the time left
                         r"остал\w* (?:\w+ )?(?:дн|дней|времени|часов)|сколько (?:\w+ ){0,4}остал|"
                         r"چند (?:روز|ساعت) (?:\S+ ){0,3}(?:مونده|مانده|باقی)|"
                         # "چند روز دیگه وقت دارم؟", "сколько ещё у меня дней?": the days still ahead
                         r"چند (?:روز|ساعت) (?:دیگه|دیگر) (?:\S+ )?(?:وقت|مهلت|فرصت)|сколько (?:\w+ )?(?:ещ[её]|еще) (?:\w+ ){0,2}(?:дн|времени|часов)", re.IGNORECASE)


def asks_if_still_in_time(text: str) -> bool:
    """"یک ساعت و نیم پیش گرفتم، هنوز وقت دارم؟", "получил в воскресенье, успеваю?": a window counted to now."""
    return _STILL_TIME.search(_folded(text)) is not None


# "now" with the time of day it is ("الان ساعت ۴ عصره", "сейчас уже 16:00"), not "الان صدا نمیده" (now it is silent) nor
# the days gone by ("الان ۲ روز گذشته")
_NOW = re.compile(r"(?<!\w)(?:الان|الآن|اکنون|الانم|сейчас|щас|теперь уже)(?!\w)(?=.{0,12}(?:(?<!\d)\d+(?!\d|\s*(?:روز|هفته|дн|день|недел))|ساعت|صبح|ظهر|عصر|شب|"
                  r"час|утр|вечер|ночь|ночи|полдень|обед|دیگه دیر|поздно))", re.IGNORECASE)


def says_now(text: str) -> bool:
    """"الان ساعت ۴ عصره", "сейчас уже 16:00": the message tells the present time, not when something happened."""
    return _NOW.search(_folded(text)) is not None


# "اگه الان لغوش کنم میشه؟", "если сейчас отменю, можно?": a what-if of doing it now, which the order's own state answers
_DONE_NOW = re.compile(r"(?<!\w)(?:الان|الآن|همین الان|сейчас|прямо сейчас|щас|right now)(?!\w)", re.IGNORECASE)


def done_now(text: str) -> bool:
    """Whether a what-if is of doing it now ("اگه الان لغوش کنم"), not of a case to come."""
    return _DONE_NOW.search(_folded(text)) is not None


# a day named and the word after it: "دیروز صبح", "вчера вечером" (not "دیروز رسید، امروز صبح بازش کردم")
_DAY_AND_NEXT = re.compile(r"(?<!\w)(?:دیروز|امروز|پریروز|دیشب|پریشب|вчера|сегодня|позавчера)\W+(\w+)", re.IGNORECASE)


def part_of_day_told(text: str) -> Optional[int]:
    """"دیروز صبح تحویل گرفتم الان عصره": the part of the day said right after the day a moment is told at."""
    found = _DAY_AND_NEXT.search(_folded(text))
    return day_part(found.group(1)) if found else None


# "до какого дня можно сообщить?", "تا کی وقت دارم؟": until when a window runs
_UNTIL_WHEN = re.compile(r"до какого (?:дня|числа|времени|срока|часа)|до каких пор|до скольки|"
                         r"(?<!\w)تا (?:کی(?:ه| هست| است)?|چه (?:روزی|تاریخی|موقع|ساعتی)|ساعت چند)(?!\w)",
                         re.IGNORECASE)


def asks_until_when(text: str) -> bool:
    """"до какого дня можно сообщить?" right after an order's return decision: the day its window ends."""
    return _UNTIL_WHEN.search(_folded(text)) is not None


# "یعنی تا پس فردا شب باید برگرده دیگه؟", "то есть до воскресенья вечера?": the end of a span just given, said back
_UNTIL_SAID_BACK = re.compile(r"^\W*(?:(?:یعنی|پس|خب|то есть|значит|получается|а|и)\W+){1,2}(?:\S+\s+){0,2}?(?:تا|до)\s+\S+"
                              r"(?=.*[?؟]|.*(?:دیگه|درسته|آره|да\b|верно|правильно))", re.IGNORECASE)


def says_the_end_back(text: str) -> bool:
    """"یعنی تا پس فردا شب؟" after a span counted to a day: the day named is the end the customer checks, not a new
    start to count from."""
    return _UNTIL_SAID_BACK.search(_folded(text)) is not None


# "یعنی دیگه هیچ کاری نمیشه کرد؟", "что теперь делать?": what is left to do after an answer that closed the way
_WHAT_NOW = re.compile(r"(?<!\w)(?:(?:هیچ )?کاری (?:نمیشه|نمیشود|نمیتونم|نمیتونید|نمیتونین) ?(?:کرد|بکنم|کنم|بکنید|کنید|کنین)?|"
                       r"راه(?:ی)? (?:دیگه ?ای |دیگری )?(?:نیست|نداره|ندارد|هست)|(?:چیکار|چه ?کار|چکار) (?:باید )?ب?کنم|"
                       r"ничего (?:нельзя|не (?:сделать|поделать|можно))|что (?:теперь |же |мне |надо |нужно )*(?:с)?делать|"
                       r"как (?:теперь )?быть)(?!\w)", re.IGNORECASE)
# the lead words of a message that asks only that: "и что надо сделать", "خب حالا باید چیکار کنم؟"
_ONLY_LEAD = re.compile(r"\W*(?:(?:и|а|ну|так|خب|خوب|پس|حالا|الان|من|باید) )*", re.IGNORECASE)


def asks_what_to_do(text: str) -> bool:
    """"и что надо сделать", "حالا باید چیکار کنم؟" alone: what to do, which only the case told before says."""
    folded = _folded(text)
    lead = _ONLY_LEAD.match(folded)
    found = _WHAT_NOW.match(folded, lead.end() if lead else 0)
    return found is not None and not folded[found.end():].strip(" ?؟!.")


# "چرا آخه؟ فقط یه پیس زدم", "а почему?": a message that opens by asking why (of the answer just given)
_WHY = re.compile(rf"^\W*(?:(?:و|ولی|خب|آخه|اخه|а|но|ну|и)\s+)?{_WHY_WORDS}",
                  re.IGNORECASE)


def asks_why(text: str) -> bool:
    """"چرا آخه؟", "а почему?": the customer asks the reason of the answer just given, which its rule says."""
    return _WHY.search(_folded(text)) is not None


def asks_what_now(text: str) -> bool:
    """"یعنی دیگه هیچ کاری نمیشه کرد؟" after a refusal: whether anything is left to do, which the refusal's rule and
    a person answer, not a rule read in its words; and "حتی اگه هزینه پستشو خودم بدم؟", "даже если доставку оплачу
    сам?": whether an offer of one's own changes it (not "حتی اگه خراب باشه؟", a fault, which has its own rule)."""
    folded = _folded(text)
    return _WHAT_NOW.search(folded) is not None or (
        _EVEN_IF.search(folded) is not None and reason_from(None, text) is None)


# an offer of one's own: "حتی اگه هزینه پستشو خودم بدم؟", "даже если доставку оплачу сам?"
_EVEN_IF = re.compile(r"^\W*(?:\S+\W+)?(?:حتی اگه|حتی اگر|даже если|даже при)(?!\w)(?=.*(?<!\w)(?:خودم|خودمون|сам|сама|сами)(?!\w))",
                      re.IGNORECASE)


def window_reason(text: str) -> Optional[Reason]:
    """The reason whose return window a question is about: a reason said, or testing (the defect window)."""
    return reason_from(None, text) or ("defect" if _TESTING.search(_folded(text)) else None)


def valid_phone(value: str) -> bool:
    """Four last digits or a whole mobile number (9 to 13 digits)."""
    digits = "".join(_DIGITS.findall(to_ascii_digits(value)))
    return len(digits) == 4 or 9 <= len(digits) <= 13


def valid_order_id(value: str) -> bool:
    """Order numbers are 3 to 32 letters, digits or dashes (spec/orders.md)."""
    return re.fullmatch(r"[A-Za-z0-9-]{3,32}", to_ascii_digits(value)) is not None
