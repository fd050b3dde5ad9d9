"""Payment methods, services and terms customers name, and whether a store's page offers or states them: "PayPal?"
where the page lists cards only, "do you install it?" where it says nothing of installing, "what is the fee, is a
guarantor needed?" where it names no fee, are not answered with the nearest rule, which does not say the thing."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterable, Optional, Sequence

from bot.stores.units import comparable


@dataclass(frozen=True)
class Offering:
    """A way of paying or a service: its name in each reply language, how customers name it, how a page's rule
    names it as offered."""

    name: dict[str, str]
    asked: re.Pattern[str]
    listed: re.Pattern[str]


def _words(pattern: str) -> re.Pattern[str]:
    """A pattern matched as whole words of comparable text (a method is not a piece of another word: نقد in نقدینگی)."""
    return re.compile(rf"(?<!\w)(?:{pattern})(?!\w)")


PAYMENTS = (
    Offering({"fa": "PayPal", "ru": "PayPal"}, _words(r"pay ?pal|پی ?پال|пэй ?пал|пей ?пал|пайпал"), _words("paypal")),
    Offering({"fa": "ارز دیجیتال", "ru": "криптовалюта"},
             _words(r"crypto\w*|bitcoin|usdt|کریپتو|ارز ?(?:های )?دیجیتال|بیت ?کوین|تتر|крипт\w*|биткоин\w*"),
             _words(r"ارز دیجیتال|крипт\w*")),
    Offering({"fa": "پول نقد", "ru": "наличные"}, _words(r"نقد|نقدی|نقدا|پول نقد|پرداخت در محل|наличн\w*|налом|наличкой|кэш\w*|"
                                                      r"оплат\w* при получении|наложенн\w* плат\w*"),
             _words(r"پرداخت در محل|نقد\w*|наличн\w*|оплат\w* при получении")),
    Offering({"fa": "کارت به کارت", "ru": "перевод с карты на карту"},
             _words(r"کارت ?به ?کارت\w*|(?:с )?карт\w* на карт\w*|(?:перевод\w*|перевест\w*|перевед\w*|скин\w*) (?:\w+ )?на карт\w*"),
             _words(r"کارت به کارت|карт\w* на карт\w*")),
    Offering({"fa": "Apple Pay یا Google Pay", "ru": "Apple Pay или Google Pay"},
             _words(r"(?:apple|google) ?pay|(?:اپل|گوگل) ?پی|(?:эппл|эпл|гугл) ?пэй"), _words(r"(?:apple|google) pay")),
    Offering({"fa": "کارت هدیه", "ru": "подарочная карта"},
             _words(r"کارت ?هدیه|گیفت ?کارت|gift ?card|подарочн\w* (?:карт|сертификат)\w*"),
             _words(r"کارت ?هدیه|گیفت ?کارت|подарочн\w* (?:карт|сертификат)\w*")),
    Offering({"fa": "کیف پول", "ru": "электронный кошелёк"}, _words(r"کیف ?پول\w*|wallet|кошел[её]к\w*|кошельк\w*"),
             _words(r"کیف ?پول\w*|кошел[её]к\w*|кошельк\w*")),
    # a provider of instalments named where the page names none ("snapp pay есть?" at Sitra)
    Offering({"fa": "دیجی‌پی", "ru": "Digipay"}, _words(r"دیجی ?پی|digi ?pay|диджи ?п[эе]й"), _words(r"دیجی ?پی|digi ?pay")),
    Offering({"fa": "ازکی وام", "ru": "Azki"}, _words(r"ازکی ?وام|azki|азки"), _words(r"ازکی|azki")),  # (not "ازکی", since when)
    Offering({"fa": "لندو", "ru": "Lendo"}, _words(r"لندو|lendo|лендо"), _words(r"لندو|lendo")),
    Offering({"fa": "اسنپ‌پی", "ru": "SnappPay"}, _words(r"snapp? ?pay|اسنپ ?پی|снапп? ?п[эе]й|снап"),
             _words(r"snapp\w*|اسنپ\w*")),
)
# sending to another country: a place abroad named with a word of sending ("برای خواهرم که آلمانه هم میفرستید؟", "а за
# границу отправляете? в армению например"); no page of ours names one (not "عطر آلمانی", a German perfume, nor "باربری
# لندن", a perfume's name)
_SENDING = r"(?:ارسال|میفرست|بفرست|فرستاد|پست|تحویل|میرسون|برسون|доставл|доставк|достав[иья]|отправ|вышл|пришл|привез|посыл)\w*"
_ABROAD_WORDS = (r"خارج از کشور|خارج کشور|خارج از ایران|(?:کشور|کشورهای) (?:دیگه|دیگر|خارجی|همسایه)|بین ?المللی|"
                 r"за границ\w*|за рубеж\w*|за предел\w* (?:страны|грузии|ирана)|(?:в )?(?:другую|другие|соседн\w*) стран\w*|"
                 r"международн\w*")
# a country's name, not its adjective ("دفترچه انگلیسی", "американский айфон": no place) nor another word it begins
# ("Ираклий", a Georgian name)
_COUNTRIES = ("ایران|иран|گرجستان|грузи[яюие]|ارمنستان|армени|باکو|азербайджан|баку|ترکیه|استانبول|турци|стамбул|امارات|"
              "دبی|оаэ|эмират|дуба[йеию]|آلمان|германи|روسیه|росси[яюи]|عراق|ирак(?!л)|افغانستان|афганистан|اوکراین|украин|"
              "قزاقستان|казахстан|آمریکا|امریکا|сша|америк|انگلیس|англи[яюи]|великобритани|کانادا|канад|فرانسه|франци|"
              "ایتالیا|итали|هلند|голланди|سوئد|швеци|استرالیا|австрали|ترکمنستان|туркмени|قطر|катар|کویت|кувейт")
_COUNTRY = rf"(?:{_COUNTRIES})(?!ی(?!\w))(?!\w*ск)\w*"
ABROAD = Offering({"fa": "ارسال به خارج از کشور", "ru": "доставка за границу"},
                  # the place is where it goes, not where the customer is ("… خودش تحویل بگیره میشه؟ من ایران هستم") nor
                  # where it comes from ("این عطرا از دبی ارسال میشن؟", "из Турции")
                  _words(rf"{_SENDING} (?:\S+ ){{0,5}}?(?:به|برای|تا|в|во|на|до) {_COUNTRY}|"
                         rf"(?<!از )(?<!из ){_COUNTRY} (?:\S+ ){{0,3}}?{_SENDING}|{_SENDING} (?:\S+ ){{0,5}}?(?:{_ABROAD_WORDS})|"
                         rf"(?:{_ABROAD_WORDS}) (?:\S+ ){{0,3}}?{_SENDING}"),
                  _words(r"خارج از کشور|بین المللی|за границ\w*|за рубеж\w*|международн\w*"))
# the names of a store's own country, no place abroad there ("به همه جای ایران میفرستین؟"; not "خارج از ایران"), by the
# country whose public holidays its policy keeps
HOME: dict[str, re.Pattern[str]] = {"IR": _words(r"(?<!خارج از )ایران\S*|иран\w*"),
                                    "GE": _words(r"(?<!пределы )(?<!пределами )(?:گرجستان\S*|грузи[яюие]\w*)")}
# a service is offered when a rule says it is done for the customer, not when a word of it appears ("misuse, such as
# installing it yourself" offers no installing)
SERVICES = (
    Offering({"fa": "نصب", "ru": "установка"},
             _words(r"نصب\w* (?:\S+ )?(?:انجام|میکن|میدین|میدید|دارین|دارید|میاین|میاید)\w*|خدمات نصب|نصب رایگان|"
                    r"راه ?اندازی\w* (?:هم )?(?:انجام|میکن|میدین|دارین|دارید)\w*|установ(?:ите|ят|ит)|устанавлива(?:ете|ют)(?! (?:срок|лимит|врем|цен|правил|дат|приложен))|"
                    r"(?:стоит|стоимость|цена|сколько)\w* (?:\w+ )?(?:установк|монтаж)\w*(?! (?:приложен|программ|игр))|"
                    # asked of the store, not told of one's own ("при установке сам накосячил")
                    r"(?:делаете|сделаете|делают|есть|будет|входит|нужна)\w* (?:\w+ )?(?:установк|монтаж)\w*|"
                    r"(?:установк|монтаж)\w* (?:\w+ ){0,2}(?:делаете|сделаете|делают|есть|входит|включен|бесплатн|платн|"
                    r"оплачива|стоит|предоставля)\w*|(?:услуг|мастер)\w* (?:по )?(?:установк|монтаж)\w*"),
             _words(r"(?:خدمات|سرویس) نصب|نصب رایگان|نصب توسط|услуг\w* (?:по )?установк\w*|бесплатн\w* установк\w*")),
    Offering({"fa": "کادوپیچ", "ru": "подарочная упаковка"},
             _words(r"کادو ?پیچ\w*|بسته ?بندی کادویی|کادویی|подарочн\w* упаков\w*|упаков\w* (?:в|как) подар\w*"),
             _words(r"کادو ?پیچ\w*|بسته ?بندی کادویی|подарочн\w* упаков\w*")),
    Offering({"fa": "نمونه یا تستر", "ru": "пробники"},
             # asked of the store ("а пробники отдельно продаёте?"), not told of a parcel ("в подарок положили пробник")
             _words(r"(?:تستر|نمونه ?(?:ی )?(?:عطر|کوچک))\w* (?:\S+ ){0,2}(?:دارین|دارید|میفروش|میدین|میدید|میذارین|هست|موجود)\w*|"
                    r"(?:пробник|тестер)\w* (?:\w+ ){0,2}(?:прода|есть|можно|положите|дадите|купить|заказать|бывают)\w*|"
                    r"(?:прода\w*|есть|можно|положите|дадите|купить|заказать) (?:\w+ ){0,2}(?:пробник|тестер)\w*"),
             _words(r"تستر\w*|пробник\w*|тестер\w*")),
    Offering({"fa": "عطر دکانت (اسپلیت)", "ru": "отливанты (распив)"},
             # (not a split air conditioner: "کولر اسپلیت")
             _words(r"دکانت\w*|دیکانت\w*|(?:عطر|ادکلن)\w* (?:\S+ ){0,3}اسپلیت\w*|decant\w*|отливант\w*|распив\w*"),
             _words(r"دکانت\w*|اسپلیت\w*|отливант\w*|распив\w*")),
    Offering({"fa": "فروشگاه حضوری", "ru": "магазин, куда можно прийти"},
             # a shop to visit ("у вас есть магазин в тегеране куда можно прийти и понюхать аромат?")
             _words(r"шоу ?рум\w*|оф+лайн\w* магазин\w*|физическ\w* магазин\w*|"
                    r"магазин\w* (?:\w+ ){0,4}(?:прийти|приехать|зайти|заехать|подойти)|(?:прийти|приехать|зайти|заехать) (?:\w+ ){0,2}(?:в магазин|к вам в)\w*|"
                    r"فروشگاه (?:حضوری|فیزیکی)|شو ?روم\w*|مغازه\w* (?:\S+ ){0,2}(?:دارین|دارید|هست)|"
                    r"(?:بیام|برم|سر بزنم) (?:\S+ ){0,2}(?:فروشگاه|مغازه)\w*"),  # (not "حضوری بیام یا آنلاینه؟" of a way to pay)
             _words(r"самовывоз\w*|филиал\w*|تحویل حضوری|شعبه\w*")),
    # what no page of ours offers, which a rule's shared words ("можно купить", "کارت") must not answer
    Offering({"fa": "کارت هدیه", "ru": "подарочные сертификаты"},
             # asked of the store ("کارت هدیه دارید؟"), not told of a parcel ("کارت هدیه هم داخل بسته بود")
             _words(r"کارت ?(?:های )?هدیه (?:\S+ ){0,2}(?:دارین|دارید|میفروش|بخر|خرید|بگیر)\w*|(?:خرید|فروش) کارت ?هدیه|"
                    r"گیفت ?کارت\w*|بن (?:خرید|هدیه)|подарочн\w* сертификат\w*|подарочн\w* карт\w* (?:\w+ ){0,2}(?:есть|"
                    r"прода|купить|можно|бывают)\w*|(?:есть|прода\w*|купить|можно) (?:\w+ ){0,2}подарочн\w* карт\w*"),
             _words(r"کارت هدیه|подарочн\w* (?:сертификат|карт)\w*")),
    Offering({"fa": "کد تخفیف", "ru": "промокоды"},
             _words(r"کد ?(?:های )?تخفیف\w*|کوپن\w*|промо ?код\w*|купон\w*"), _words(r"کد تخفیف|промокод\w*")),
    Offering({"fa": "خرید عمده", "ru": "оптовые покупки"},
             _words(r"(?:خرید|فروش) عمده|عمده (?:بخر|میخر|میفروش|خرید|فروش)\w*|(?:به صورت|بصورت) عمده|оптом|оптов\w*"),
             _words(r"خرید عمده|оптов\w*")),
    Offering({"fa": "باشگاه مشتریان و امتیاز خرید", "ru": "бонусы и программа лояльности"},
             _words(r"باشگاه مشتریان|امتیاز (?:خرید|میدین|میدید|دارین|دارید)\w*|کش ?بک|бонус\w*|кэшб[эе]к\w*|кешб[эе]к\w*|"
                    r"программ\w* лояльност\w*"),
             _words(r"باشگاه مشتریان|бонус\w*|кэшб[эе]к\w*")),
    Offering({"fa": "تعویض کالای کارکرده با نو (ترید-این)", "ru": "трейд-ин (сдача старого устройства в зачёт нового)"},
             # one's own old device given towards a new one, not a return ("сдать обратно будильник") or an old item
             # sent by mistake ("گوشی قدیمی فرستادید، عوضش میکنید؟")
             _words(r"trade ?-?in|ترید ?-?این|трейд ?-?ин|"
                    r"(?:сдать|сдам|сдаю|обменять|обменяю) (?:\w+ ){0,2}(?:стар\w*|б/у|бу(?!\w)) (?:\w+ ){0,3}"
                    r"(?:на нов|в зач[её]т|доплат)\w*|"
                    r"(?:گوشی|لپ ?تاپ|کالای?)\s?(?:\S+ )?(?:کارکرده|قدیمی|کهنه)\s?(?:مو|م رو|ام رو) (?:\S+ ){0,3}"
                    r"(?:میخرین|میخرید|میگیرین|میگیرید)\w*"),
             _words(r"trade ?in|ترید ?این|трейд ?ин")),
    Offering({"fa": "ساعت کاری", "ru": "часы работы"},
             # the store's hours ("до скольки вы работаете?"), not the working hours a refund is counted in
             _words(r"ساعت کاری(?:تون|تان| فروشگاه\w*| دفتر\w*| پشتیبانی| شعبه\w*)|ساعات کاری|تا ساعت چند (?:باز|کار|جواب)\w*|"
                    r"ساعت چند تا (?:ساعت )?چند (?:باز|کار|جواب|هست|هستین|هستید)\w*|(?:کی|چه ساعتی) باز (?:میشه|میشین|هستین|هستید)|"
                    r"до скольки (?:вы |магазин |офис )?(?:работа|открыт)\w*|часы работы|график работы|режим работы|"
                    r"во сколько (?:вы )?(?:открыва|закрыва)\w*"),
             _words(r"ساعات? کاری (?:فروشگاه|دفتر|پشتیبانی|شعبه)\w*|часы работы|режим работы|график работы")),
    Offering({"fa": "بردن وسیله‌ی قدیمی", "ru": "вывоз старой техники"},
             # "и старый холодильник заберёте?", "یخچال قدیمی رو هم میبرین؟" (not an old item sent back by mistake)
             _words(r"стар\w* (?:\w+ ){0,2}(?:заберете|заберёте|забираете|забрать|вывез\w*|вывоз\w*|утилиз\w*)|"
                    r"(?:заберете|заберёте|забираете|вывез\w*|вывоз\w*|утилиз\w*) (?:\w+ ){0,2}стар\w*|"
                    r"(?:قدیمی|کهنه)\S* (?:\S+ ){0,3}(?:میبرین|میبرید|ببرین|ببرید|میبرن|جمع میکنین)\S*"),
             _words(r"утилиз\w*|вывоз\w* стар\w*")),
    Offering({"fa": "جبران خسارت تأخیر در ارسال", "ru": "компенсация за задержку доставки"},
             _words(r"غرامت\w*|جبران (?:خسارت|دیرکرد|تاخیر)\w*|خسارت (?:تاخیر|تأخیر|دیرکرد)\w*|компенсац\w*|неустойк\w*|"
                    r"возмещ\w* (?:\w+ )?(?:за )?(?:задержк|опоздан)\w*"),
             _words(r"غرامت\w*|جبران خسارت|компенсац\w*|неустойк\w*")),
    ABROAD,
)


# terms of paying in instalments: stated when a rule names them at all ("بدون بهره و کارمزد"), which then answers
TERMS = (
    Offering({"fa": "کارمزد یا سود اقساط", "ru": "проценты и комиссия по рассрочке"},
             _words(r"کارمزد\w*|بهره\w*|سود|سودش|(?:چند|چه قدر|چقدر|چقد) درصد\w*|процент\w*|комисси\w*"),
             _words(r"کارمزد\w*|بهره\w*|процент\w*|комисси\w*")),
    Offering({"fa": "ضامن، چک یا وثیقه", "ru": "поручитель, чек или залог"},
             _words(r"ضامن\w*|وثیقه\w*|چک (?:میخوا|لازم|بدم|بدیم|میگیر)\w*|поручител\w*|залог\w*"),
             _words(r"ضامن\w*|ضمانت|وثیقه\w*|поручител\w*|залог\w*")),
)


def unlisted(question: str, rules: Iterable[str], offerings: Sequence[Offering] = PAYMENTS,
             home: Optional[str] = None) -> list[Offering]:
    """The offerings the question names that none of the store's rules (their texts in any language) names; the store's
    `home` country named is none abroad."""
    asked = comparable(question)
    if home in HOME:
        asked = HOME[home].sub(" ", asked)
    named = [offering for offering in offerings if offering.asked.search(asked)]
    if not named:
        return []
    page = "\n".join(comparable(text) for text in rules)
    return [offering for offering in named if not offering.listed.search(page)]
