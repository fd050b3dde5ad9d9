"""Payment methods, services and terms a question names that the store's page does not offer or state: PayPal where
only cards are listed, installing where no rule offers it, a fee where no rule names one."""

import pytest

from bot.stores.offerings import PAYMENTS, SERVICES, TERMS, Offering, unlisted
from bot.stores.policy import policies


def _unlisted(store: str, question: str, offerings: tuple[Offering, ...] | None = None) -> list[str]:
    """The names (in Russian) of the methods (or services) the question names and the store's rules do not."""
    policy = policies()[store]
    rules = [text for unit in policy.units for text in unit.text.values()]
    return [method.name["ru"] for method in unlisted(question, rules, offerings or PAYMENTS, policy.rules.week.country)]


@pytest.mark.parametrize("store, question, expected", [
    ("citadel", "а PayPal или крипта?", ["PayPal", "криптовалюта"]),
    ("citadel", "با پی‌پال میشه پرداخت کرد؟", ["PayPal"]),
    ("chistatek", "با بیت کوین میشه؟", ["криптовалюта"]),
    ("sitra", "а можно забрать наличными у вас в офисе?", ["наличные"]),   # online payment only
    ("sitra", "میشه نقدی حساب کنم؟", ["наличные"]),
    ("tisa", "میشه نقدی حساب کنم؟", []),          # cash on delivery by arrangement
    ("chistatek", "можно оплатить наличными?", []),  # cash on delivery is one of its methods
    ("citadel", "можно наличными курьеру?", ["наличные"]),  # "при получении" of a claims rule is no payment
    ("offykala", "اپل پی دارین؟", ["Apple Pay или Google Pay"]),
    ("sitra", "نقدینگی ندارم، قسطی میشه؟", []),   # a word that starts like "cash" names no method
    ("citadel", "какие способы оплаты?", []),
    ("tisa", "А переводом с карты на карту можно?", ["перевод с карты на карту"]),  # online payment only
    ("tisa", "کارت به کارت قبول میکنین؟", ["перевод с карты на карту"]),
    ("chistatek", "کارت به کارت کردم، کی تایید میشه؟", []),  # one of its ways of paying
    ("sitra", "میتونم با کارت هدیه یا کیف پول پرداخت کنم؟", ["подарочная карта", "электронный кошелёк"]),
    ("sitra", "а какие именно сервисы? snapp pay есть?", ["SnappPay"]),  # its credit services are not named
    ("tisa", "با اسنپ پی میشه قسطی خرید؟", []),  # Tisa's own
    ("offykala", "پرداخت در محل چی، دارین؟", ["наличные"]), ("chistatek", "پرداخت در محل دارین؟", []),  # its own
    ("tisa", "با دیجی پی یا ازکی وام هم میشه قسطی خرید؟", ["Digipay", "Azki"]),  # SnappPay is the one it names
    ("tisa", "قسطا ازکی شروع میشه؟", []),  # "since when", typed as one word
    ("chistatek", "قسطی هم میشه پرداخت کرد؟", ["рассрочка"]), ("offykala", "а в рассрочку можно?", ["рассрочка"]),
    ("sitra", "اقساطی میشه خرید؟", []), ("citadel", "в рассрочку можно?", []),  # instalments are on their pages
])
def test_the_methods_named_that_the_page_does_not_name(store: str, question: str, expected: list[str]) -> None:
    assert _unlisted(store, question) == expected


@pytest.mark.parametrize("store, question, expected", [
    ("chistatek", "نصبشم انجام میدین؟", ["установка"]),
    ("offykala", "نصب و راه اندازی هم انجام میدین؟", ["установка"]),  # its page names installing only as misuse
    ("citadel", "а установку кондиционера делаете?", ["установка"]),
    ("tisa", "کادوپیچ هم دارین؟ میخوام برای تولد دوستم بفرستم", ["подарочная упаковка"]),
    ("tisa", "а пробники отдельно продаёте?", ["пробники"]),
    ("tisa", "تستر هم دارین؟", ["пробники"]),
    ("tisa", "Купила Ланком 50 мл, в подарок положили пробник. Можно вернуть?", []),  # told of the parcel, not asked
    ("tisa", "باید اپ اسنپ رو نصب کنم؟", []),                    # installing an app oneself: no service asked
    ("citadel", "можно установить время доставки?", []),
    ("citadel", "установка входит в стоимость?", ["установка"]),
    ("citadel", "а мастер по установке у вас есть?", ["установка"]),
    ("citadel", "вы устанавливаете кондиционеры?", ["установка"]),
    ("citadel", "сколько стоит монтаж если куплю у вас?", ["установка"]),
    ("citadel", "кто устанавливает сроки доставки?", []), ("citadel", "вы устанавливаете срок возврата 14 дней?", []),
    ("citadel", "сколько стоит установка приложения магазина?", []),
    ("offykala", "купил мфу, при установке сам накосячил с настройками, теперь не печатает. могу вернуть?", []),  # told
    ("sitra", "سفارشم کی میرسه؟", []),
    # what no page offers, which shared words ("можно купить" of instalments) must not answer
    ("sitra", "У вас можно купить подарочный сертификат?", ["подарочные сертификаты"]),
    ("offykala", "کارت هدیه دارید؟", ["подарочные сертификаты"]),
    ("offykala", "کارت هدیه‌ای که همراه سفارش بود رو هم پس میگیرین؟", []),  # a gift in the parcel: the gift exception
    ("chistatek", "کد تخفیف کجا وارد کنم؟", ["промокоды"]),
    ("sitra", "برای خرید عمده تخفیف ویژه دارید؟", ["оптовые покупки"]), ("tisa", "عمده مشکلم اینه که دیر رسید", []),
    ("citadel", "Есть ли программа лояльности, бонусы?", ["бонусы и программа лояльности"]),
    ("chistatek", "у вас есть trade-in? хочу сдать старый айфон",
     ["трейд-ин (сдача старого устройства в зачёт нового)"]),
    ("chistatek", "گوشی قدیمیمو میگیرین و نو بدین؟", ["трейд-ин (сдача старого устройства в зачёт нового)"]),
    ("chistatek", "хочу вернуть старый заказ", []), ("sitra", "گوشی کارکرده میفروشین؟", []),
    ("chistatek", "можно обменять на будущей неделе?", []), ("chistatek", "хочу сдать обратно будильник", []),
    ("chistatek", "گوشی قدیمی فرستادید، عوضش میکنید؟", []),  # an old item sent by mistake: a wrong item
    ("tisa", "شما عطر دکانت یا اسپلیت هم دارین؟ یا فقط شیشه کامل میفروشین", ["отливанты (распив)"]),
    ("tisa", "а распив духов у вас есть?", ["отливанты (распив)"]),
    ("tisa", "здравствуйте, у вас есть магазин в тегеране куда можно прийти и понюхать аромат перед покупкой?",
     ["магазин, куда можно прийти"]), ("chistatek", "فروشگاه حضوری دارین بیام گوشی رو ببینم؟", ["магазин, куда можно прийти"]),
    ("citadel", "можно приехать к вам в магазин и забрать самому?", []),  # its branches: the pickup rules
    ("sitra", "خب واسه قسطی باید حضوری بیام یا آنلاینه؟", []),  # how instalments are taken, not a shop
    ("citadel", "а если доставка задержится, будет компенсация?", ["компенсация за задержку доставки"]),
    ("sitra", "ارسال دیر برسه غرامت میدین؟", ["компенсация за задержку доставки"]),
    ("citadel", "и до скольки вы работаете?", ["часы работы"]), ("tisa", "ساعت کاریتون تا چنده؟", ["часы работы"]),
    ("citadel", "فروشگاه تفلیس ساعت چند تا چند بازه؟", ["часы работы"]),
    ("sitra", "پولم طی ۷۲ ساعت کاری برمیگرده؟", []),  # the working hours a refund is counted in
    # a country named with a word of sending (the store's own is no place abroad, a German perfume no destination)
    ("sitra", "برای خواهرم که آلمانه هم میفرستید؟", ["доставка за границу"]),
    ("tisa", "А за границу отправляете? В Армению например", ["доставка за границу"]),
    ("citadel", "به ایران هم ارسال دارین؟", ["доставка за границу"]), ("sitra", "به همه جای ایران ارسال دارین؟", []),
    ("citadel", "واسه مادرم تو تفلیس یه اتو میخوام بخرم، خودش تحویل بگیره میشه؟ من ایران هستم", []),  # where one is
    ("citadel", "доставляете по всей Грузии?", []), ("tisa", "عطر آلمانی اصل دارین؟ ارسالش چند روزه", []),
    ("tisa", "باربری لندن رو برام بفرستید", []), ("citadel", "в Батуми доставка сколько?", []),
    ("sitra", "ارسال به خارج از ایران دارین؟", ["доставка за границу"]),
    ("citadel", "доставляете за пределы Грузии?", ["доставка за границу"]),
    ("citadel", "доставка на Ираклия Абашидзе 5 сколько?", []), ("sitra", "دفترچه راهنمای انگلیسی هم براش میفرستین؟", []),
    ("citadel", "американский айфон доставите в Кутаиси?", []),  # a name or an adjective, no place
    ("tisa", "این عطرا از دبی ارسال میشن؟", []), ("citadel", "заказ из Турции отправляете?", []),  # where it comes from
    ("citadel", "и старый холодильник заберёте?", ["вывоз старой техники"]),
    ("sitra", "این جارو برقی که تو سایت ناموجود زده کی موجود میشه؟", ["когда товар снова появится в наличии"]),
    ("citadel", "когда чайник снова появится в наличии?", ["когда товар снова появится в наличии"]),
    ("tisa", "این عطر که ناموجوده کی موجود میشه؟", []),  # questions of stock go to its support, the page says
    ("tisa", "شماره‌مو عوض کردم، چطوری تو سایت شماره جدیدمو ثبت کنم؟", ["смена номера телефона в аккаунте"]),
    ("citadel", "я сменил номер телефона, как поменять в аккаунте?", ["смена номера телефона в аккаунте"]),
    ("sitra", "شمارمو عوض کردم چطوری ثبت کنم", []),  # its profile page edits the phone number
    ("sitra", "شماره سفارشمو عوض کنم؟", []),
    ("citadel", "а сколько дней вы храните заказ, если я не успею?", ["срок хранения заказа, если его не забрали"]),
    ("sitra", "اگه نرسم بیام بگیرم چند روز نگهش میدارین؟", ["срок хранения заказа, если его не забрали"]),
    ("citadel", "сколько хранить гарантийный талон?", []), ("citadel", "сколько ждать доставку?", []),
    ("citadel", "هزینه ارسالش برای تعمیر با کیه؟", ["пересылка товара в ремонт"]),
    ("offykala", "отправить принтер в ремонт кто оплачивает?", ["пересылка товара в ремонт"]),
    ("offykala", "پرینتر رو با پست پیشتاز بفرستم؟", []),
    ("tisa", "با هر سفارش سمپل رایگان هم میدید؟", ["пробники"]),
    ("sitra", "اسپلیت ۱۸ هزار ال جی موجود دارید؟", []), ("chistatek", "можно оплатить оффлайн картой при получении?", []), ("sitra", "کولر اسپلیت ۱۲ هزار قسطی میشه؟", []),
])
def test_the_services_named_that_the_page_does_not_offer(store: str, question: str, expected: list[str]) -> None:
    assert _unlisted(store, question, SERVICES) == expected


@pytest.mark.parametrize("store, question, expected", [
    ("sitra", "کارمزدش چند درصده ضامن هم میخواد؟", ["проценты и комиссия по рассрочке", "поручитель, чек или залог"]),
    ("sitra", "چک یا ضامن لازمه؟", ["поручитель, чек или залог"]),
    ("sitra", "какой процент переплаты по рассрочке?", ["проценты и комиссия по рассрочке"]),
    ("offykala", "با سودا پاکش کردم", []),                 # soda, not interest
    ("tisa", "سود یا کارمزد داره؟ ضامن میخواد؟", []),     # SnappPay: no interest or fee, no guarantee
    ("tisa", "процент какой-то есть?", []),
    ("sitra", "موقع تحویل چک کنم لازمه؟", []),          # checking the parcel is no cheque
    ("chistatek", "ضمانت داره؟", []),                    # a warranty asked, not a guarantor
])
def test_the_terms_named_that_the_page_does_not_state(store: str, question: str, expected: list[str]) -> None:
    assert _unlisted(store, question, TERMS) == expected
