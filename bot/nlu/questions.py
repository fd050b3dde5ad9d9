"""Finds the separate questions in one customer message, so that each gets its answer.

"Is delivery to Batumi free, and how many days does it take?" holds two requests;
"can I return the bag and the shoes?" holds one. A message is read sentence by sentence
(a sentence ends with "?", "." or "!"), and a sentence is cut into clauses where
customers join questions (a comma, a line, "و", "ولی", "همچنین", "и", "а", "а также", "кстати") or run one
into the next (after the verb that closes a Persian question, before the question word that opens a Russian one).

- A clause is a question of its own when it has a question word (not where question words
  meet across the connective, as in "کی و کجا", "когда и где").
- A sentence ending with "?" whose clauses have none is one question, and so is a request
  about one's order ("I want to return TS-1043.", "میخوام سفارشمو کنسل کنم.").
- A sentence ending with "." or "!" (also "?!"), or saying the one before again ("یعنی ...",
  "то есть ..."), asks nothing of its own.
- Context that asks nothing stays with a question: within a sentence the one after it
  ("Холодильник за 900 лари в Батуми: доставка бесплатная?"), across sentences the one
  before it ("Is delivery free? I live in Batumi.") or, at the start, the one after it
  ("I bought a kettle. It stopped heating. What now?").
- A question needs two words besides its connective.

Parts are slices of the original text, so offsets and the customer's spelling survive.
"""

from __future__ import annotations

import re

from bot.nlu.entities import PERSIAN_NUMBER_WORD, TENS_BEFORE_AND, extract_entities
from bot.nlu.normalize import fold, normalize

# "can I ...?", "is it possible ...?": the words that ask whether, in both languages
_FA_CAN = r"آیا|میشه|میشود|می ?تون(?:م|ه|ن|یم)|می ?توانم|امکان ?داره|امکانش"
_RU_CAN = r"можно|ли"
# Words that make a clause a question, in both languages (Tehran spoken forms, with their enclitics).
QUESTION_WORDS = re.compile(
    rf"(?<!\w)(?:(?:{_FA_CAN}|چطور|چطوری|چجوری|چگونه|چقدر|چقد|چند|چی|کجا|کی|چیکار|"
    r"چکار|چه ?کار|چه|چیا|چرا|کدوم|کدام|مگه|با کی|گردن کی|عهده کی|هست یا نه)(?:ه|ست|اس|ی)?|"
    rf"{_RU_CAN}|можете|сможет|сможете|как|какой|какая|какое|какие|какую|каким|каком|какого|какому|каких|какими|каков\w*|когда|када|скольк\w*|сколк\w*|скока|почем|кто|кому|где|куда|откуда|"
    r"что|почему|зачем|чей|чья|разве|правда)(?!\w)(?!-(?:то|нибудь|либо)(?!\w))",  # ("какой-то другой" asks nothing)
    re.IGNORECASE,
)
# "рассрочка есть", "پرداخت در محل دارید": "do you have ...?" asked without a question word or mark.
_HAVE_YOU = re.compile(r"(?<!\w)(?<!у меня )(?<!у нас )(?:есть|دارید|دارین|دارن)\W*$|(?<!\w)у вас (?:\w+ )?есть(?!\w)", re.IGNORECASE)
# "а срок по тбилиси", "و زمان تحویل": a clause that "а"/"و" opens with the noun of what it asks (a term, a price) is a
# question without a question word.
_ASKS_FOR = re.compile(r"^\W*(?:а|и|و|همچنین)\s+(?:срок\w*|цен[аыу]|стоимост\w*|هزینه\w*|قیمتش|زمان تحویل\w*|مهلتش)(?!\w)",
                       re.IGNORECASE)
# "… دیرتر میرسه درسته", "هدیه‌ها هم شاملش میشن": a Persian yes/no question closed by its predicate
_FA_ASKS_IF = re.compile(r"(?<!\w)(?:درسته|میشن)\W*$")
# "… دیر بدم جریمه داره": "does it have ...?" closing the message after a question (not earlier: "خونه ما ۸ تا پله داره"
# tells)
_HAS_IT = re.compile(r"(?<!\w)داره\W*$")
# "قبلش باید به کسی خبر بدم", "باید برش دارم": "must I ...?" asked by the modal and the verb closing the clause
_MUST_I = re.compile(r"(?<!\w)باید\s+(?:\w+\s+){0,6}\w+(?:م|یم)\W*$")
# A clause opened by a change of subject ("кстати, вы visa принимаете", "راستی فاکتورشم میفرستین") asks, question word or
# not; so does an alternative offered ("... یا اینکه شما میاین", "... или нет").
_NEW_SUBJECT = re.compile(r"^\W*(?:(?:и|а)\s+)?(?:кстати|и ещ[её]|а также|заодно|плюс|ضمنا|ضمناً|راستی|در ?ضمن|همچنین|یه سوال دیگه|"
                          r"یک سوال دیگر)(?!\w)\W*\w+\W+\w+", re.IGNORECASE)
_AND = r"(?:и|а|و)"
_IF = r"(?:если|اگه|اگر)"
_WHAT_IF = re.compile(rf"^\W*{_AND}\s+{_IF}(?!\w)", re.IGNORECASE)
# "… ? а если оформлю в воскресенье, когда обработаете.", "… ؟ اگه نه با پست چند روز طول میکشه.": what then, asked
# after a question even when the sentence ends with a full stop
_IF_SO = re.compile(rf"^\W*(?:{_AND}\s+)?{_IF}(?!\w)", re.IGNORECASE)
# "اگه قیمتو اشتباه زده باشید و …": a condition (not "اگه میشه لغوش کنید", "если можно, отмените", polite requests)
_CONDITION = re.compile(rf"^\W*(?:{_AND}\s+)?{_IF}(?!\w)(?!\s+(?:میشه|ممکنه|لطف|можно|не сложно))", re.IGNORECASE)
# "… и скиньте адрес", "… и адрес в тбилиси подскажите": a request to the store opened by a connective is a part of its own
_ASKS_TO = re.compile(r"^\W*(?:и|а|также|ещ[её])\s+(?:\w{2,}(?:ьте|йте)|.*(?<!\w)(?:подскажите|скажите|напишите|дайте|скиньте|пришлите)\W*"
                      r"(?:пожалуйста|пожалуста|плиз)?\W*$)(?!\w)", re.IGNORECASE)
# "… ? а в село под Батуми", "… ? و به مشهد": an elliptic question after a question, asked without a mark
_FOLLOWS_UP = re.compile(rf"^\W*{_AND}\s+(?:{_IF}|в|во|на|до|для|за|при|из|от|به|برای)(?!\w)", re.IGNORECASE)
_ALSO = re.compile(r"^\W*(?:и|а|و)\s+.*(?<!\w)(?:هم|тоже|также)(?!\w)", re.IGNORECASE)
_CONTRAST = re.compile(r"^\W*(?:ولی|اما|но|однако)(?!\w)", re.IGNORECASE)
# a clause opening on "that too" asks its question of what the clause before named ("اون کاغذ هدیه چی، اونم شامل ۷ روز
# میشه؟", "а чехол, он тоже по гарантии?"): one question
_REFERS_BACK = re.compile(r"^\W*(?:(?:و|и|а)\s+)?(?:اونم|اینم|اوناهم|اونام|ایناهم|(?:اون|این|اونا|اینا)\s+هم|"
                          r"(?:он|она|оно|они|это|его|её|ее|их|им|ему)\s+тоже)(?!\w)", re.IGNORECASE)
# "в выходные заказы принимаете", "فاکتور هم میفرستین": a verb that asks the store what it does, with no mark needed
_FA_ASKS_THE_STORE = r"ن?می\w{2,}(?:ین|ید)"
_RU_ASKS_THE_STORE = r"\w{2,}[её]те"
# (not a relative clause's verb: "عطرای خارجی که میفرستین", the thing then asked about)
ASKS_THE_STORE = re.compile(rf"(?<!\w)(?<!که )(?:{_FA_ASKS_THE_STORE}|{_RU_ASKS_THE_STORE})\W*$", re.IGNORECASE)
_ALTERNATIVE_ASKED = re.compile(r"(?<!\w)(?:یا اینکه|یا نه|или нет)(?!\w)", re.IGNORECASE)
# "и чем отправите": "чем" asks ("with what") where a connective opens its clause; after a comma it compares ("больше,
# чем цена").
_OPENS_WITH_WHAT = re.compile(r"^\W*(?:и|а|но)\s+ч[её]м(?!\w)", re.IGNORECASE)
# "ребят, серьёзно?", "جدی؟": an exclamation with a question mark asks nothing.
_RHETORICAL = re.compile(r"\W*(?:(?:ребят\w*|серь[её]зно|правда|реально|ну и|ну|блин|жесть|капец|جدی|واقعا|واقعاً|آخه|ای بابا|عجب)"
                         r"\W*)+", re.IGNORECASE)
# "می‌دونید چی شد؟", "знаете почему?": the story goes on, nothing is asked
_TEASES = re.compile(r"(?<!\w)(?:می ?دونی[دن]?|میدونی[دن]?|знаете|знаешь|угадайте)\W+(?:چی شد|چیشد|چرا|что (?:случилось|произошло|было)|"
                     r"почему)\W*$", re.IGNORECASE)
# "Tipax или почтой?" after "чем отправлять возврат?": the choices of the question before, not a question of their own
_OPTIONS = re.compile(r"(?<!\w)(?:или|либо|یا)(?!\w)", re.IGNORECASE)
MAX_OPTION_WORDS = 5
# "do you (not) know", asked of the store: "نمیدونید", "می‌دانید"
_FA_YOU_KNOW = r"ن?می[ \u200c]?(?:دون|دان)(?:ید|ین)"
# "как узнать, будет ли гарантия?", "не знаю, где вы", "вы не знаете, сколько ещё?", "دقیقا نمیدونید، چند روز؟": a verb
# of (not) knowing before a comma leads into what it asks.
_LEADS_INTO = re.compile(r"(?<!\w)(?:узнать|понять|проверить|уточнить|подскажите|скажите|не знаю|не помню|(?:не )?знаете|بفهمم|بدونم|"
                         rf"مطمئن بشم|نمیدونم|{_FA_YOU_KNOW})\W*$",
                         re.IGNORECASE)
# "доставка бесплатная? сроки?": a one-word question about a topic of its own stands alone.
_TOPIC_WORD = re.compile(r"^\W*(?:(?:и|а|و)\s+)?(?:срок\w*|цен[аыу]|стоимост\w*|рассрочк\w*|гаранти\w*|самовывоз\w*|время|адрес\w*|часы|زمان\w*|آدرس\w*|"
                         r"مدتش|هزینه\w*|قیمتش|اقساط\w*|گارانتی\w*|مهلتش)\W*$", re.IGNORECASE)
_TOPIC_OPENS = re.compile(_TOPIC_WORD.pattern.replace(r"\W*$", r"(?!\w)"), re.IGNORECASE)
# "TS-1043 رو میخوام پس بدم.", "хочу отменить мой заказ.": a request about one's order is a part of its own (not a
# purchase one meant to make: "دیشب میخواستم سشوار بخرم، … سفارشم هم ثبت نشد." tells what happened)
_WANT = re.compile(r"(?<!\w)(?:کنید|کنین|میخوام|میخام|می ?خواهم|(?:میخواستم|хотел\w*)(?!(?:\s+\S+){0,3}\s+(?:بخرم|بخریم|купить))|"
                   r"میخایم|لطفا|لطفاً|хочу|хотим|нужно|надо|пожалуйста)(?!\w)", re.IGNORECASE)
# "Мне нужна электронная копия счета и как …?": a thing one needs, asked for as a question of its own (not "мне нужно
# вернуть …", what one must do, which a question after it asks of)
_NEEDS_A_THING = re.compile(r"(?<!\w)(?:мне|нам) нужн(?:а|ы|ен|о)\s+(?!\w+(?:ть|ти|чь)(?!\w))\w+", re.IGNORECASE)
_ORDER = frozenset({"order_id"})
# "سفارشمو", "по своему заказу", "заказ мой", "کل سفارشو", "весь заказ": the customer's own order, not orders in general
OWN_ORDER = re.compile(r"(?<!\w)(?:سفارشم\w*|سفارش من|کل سفارش\w*|سفارش قبلی\w*|مرسولم\w*|(?:мо|сво)(?:й|его|ему|им|ём|ем) заказ\w*|"
                       r"заказ\w* (?:мой|свой)|вес(?:ь|его) заказ\w*|(?:предыдущ|прошл)\w* заказ\w*|"
                       # "где мой принтер?", "پرینترم کجاست؟": one's own purchase asked where it is
                       r"(?<=где )(?:мой|моя|моё|мое|мои) (?!(?:чек|промокод|код|скидк|деньг|пароль|логин|аккаунт)\w*)\w+"
                       r"(?!\s+\w+(?:ть|ти)(?!\w))|(?<!\w)(?!(?:کد|اسم|آدرس|ایمیل|پول|سیستم|تخفیف|رمز|فاکتور)م )\w{2,}م کجا(?:ست|س))(?!\w)",
                       re.IGNORECASE)
# or what one does with one's purchase ("مرجوعش کنم", "отменить его"): a request about one's order
_MY_ORDER = re.compile(OWN_ORDER.pattern + r"|(?<!\w)(?:مرجوعش|پسش|کنسلش|لغوش|سفارش (?:رو |را )?(?:لغو|کنسل)|(?:вернуть|отменить|сдать) (?:его|её|ее|их)|"
                       r"отмените заказ|отменить заказ|оформите возврат)(?!\w)",
                       re.IGNORECASE)
# A sentence ends with "?", "." or "!" (not a decimal point); a clause opens with a comma, a line or a connective
# ("و" between two numbers joins them: "۲ و ۱۰۰" is two million one hundred thousand, "۲ میلیون و ۱۰۰" too, "پنجاه و
# هفت" fifty-seven).
_SENTENCE_END = re.compile(r"[?؟!]+[?؟!.]*|\.+(?!\d)")
# a story's sentences end at an emoji as well ("… لازم نیست بخریم 😅 خلاصه … میخوام سفارشمو لغو کنم."), though a
# question is not cut from the context before it there
_STORY_END = re.compile(_SENTENCE_END.pattern + r"|[\U0001F300-\U0001FAFF\u2600-\u27BF]+")
_CLAUSE = re.compile(
    r"[,،;:\n]|(?<!\w)(?:(?<![0-9۰-۹]\s)(?<!میلیون\s)(?<!ملیون\s)(?<!هزار\s)" + "".join(rf"(?<!{word}\s)" for word in TENS_BEFORE_AND)
    + rf"و|و(?!\s(?:[0-9۰-۹]|(?:{PERSIAN_NUMBER_WORD})(?!\w)))|ولی|اما|همچنین|ضمنا|ضمناً|راستی|یه سوال دیگه|یک سوال دیگر|"
    r"и|а(?!\s+(?:то|не)(?!\w))|но|а также|и ещ[её]|(?<!можно )(?<!ли )(?<!и )(?<!а )ещ[её]|кстати|и ещ[её] вопрос|плюс|заодно|در ?ضمن|بعدشم)(?!\w)"  # not "а то", "а не"
    r"|\s/\s",
    re.IGNORECASE,
)
# "یعنی ...", "то есть ...": the sentence says the question before it again, in other words.
_IN_OTHER_WORDS = r"(?:یعنی|منظورم|به عبارتی|ну то есть|то есть|т\. ?е\.|в смысле|иначе говоря|точнее)(?!\w)"
_RESTATES = re.compile(r"^\W*" + _IN_OTHER_WORDS, re.IGNORECASE)
_SAYS_AGAIN = re.compile(r"(?<!\w)" + _IN_OTHER_WORDS, re.IGNORECASE)
# A clause that goes on the one before rather than asking anew: an alternative ("..., или только тот, кто оформлял?"),
# an example ("..., например в Рустави"), a contrast ("..., а не там"), the same question in other words ("..., ну то есть какую опцию?").
_GOES_ON = re.compile(r"^\W*(?:(?:или|либо|например|а не|یا|مثلا|مثلاً)(?!\w)|" + _IN_OTHER_WORDS + ")", re.IGNORECASE)
# A Russian relative clause between commas, or after "тот,": "в том филиале, где я забираю, ...", "тот, кто оформлял".
_RELATIVE = re.compile(r"^\W*(?:где|куда|откуда|когда|кто|что)(?!\w)", re.IGNORECASE)
# Question words that ask nothing: what one does not know ("не знаю, когда привезут", "نمیدونم کی"), a comparison ("так
# же, как в городе"), a few times or days ago ("چند بار زدم", "چند روز پیش"), whoever or wherever ("هر کی میپرسم"), and
# "میشه" that a fault's state opens ("صفحه‌ش گاهی سیاه میشه": becomes black, not "can it?") or an amount comes to.
_NOT_ASKING = re.compile(r"(?<!\w)(?:(?:не знаю|не помню|не понимаю|نمیدونم|نمیدانم|نمی دونم)(?:\W+[^,،;?؟]*)?|так же,? как|также,? как|"
                         r"как и|(?:до|после) того,? как|прежде чем|как только|так как|چند بار|چند \w+ پیش|هر (?:کی|کجا|چقدر|چند|کدوم)|"
                         r"(?:سیاه|سفید|خاموش|داغ|قطع|هنگ|کند|گرم|تار|کج|شل|پاک) میشه|"
                         # an amount or a span it comes to ("پست برگشتش ۹۰ تومن میشه", "۳ روز میشه که رسیده")
                         r"\d\S* (?:\S+ )?(?:تومن|تومان|هزار|میلیون|ریال|لاری|روز|ساعت|ماه|هفته|کیلومتر) میشه(?!\s*[?؟]))(?!\w)", re.IGNORECASE)
_RELATIVE_CLAUSE = re.compile(r",\s*(?:где|куда|откуда|когда|кто|что)(?!\w)[^,?]*,", re.IGNORECASE)
_CORRELATIVE = re.compile(r"(?<!\w)(?:тот|та|то|те|того|тем|там|тогда|такой|так)\W*$", re.IGNORECASE)
# question words on both sides of a connective ask one thing: "کی و کجا", "چجوری و به کجا", "когда и где" (not across a
# change of subject: "… شاملش میشه راستی پولو میشه …")
_ENDS_ASKING = re.compile(QUESTION_WORDS.pattern + r"\W*$", re.IGNORECASE)
# "حالا چی میشه، پولمو پس میدین یا …؟", "что теперь, вернёте деньги?": a vague question the clause after it spells out
_VAGUE = re.compile(r"(?<!\w)(?:چی میشه|چیکار کنم|چه کار کنم|چکار کنم|что (?:теперь|тогда|делать|будет)(?: делать| будет)?)[,،]\s*$",
                    re.IGNORECASE)
_OPENS_ASKING = re.compile(r"^\W*(?:\w+\W+){0,2}?" + QUESTION_WORDS.pattern, re.IGNORECASE)
# "сколько стоит доставка. когда привезут?", "کی میرسه. هزینه ارسال چقدره": a question closed by a full stop, known by a
# question word that asks what, when, where or how much — one opening a Russian sentence without a comma after it
# ("Когда курьер приедет, меня не будет." tells), or a Persian one anywhere (not "что", "как", "можно", which tell as
# often: "сказали, что привезут.")
# Russian question words: what, how much, why, who ...; when and where, which also join conditions and places;
# the misspellings of "сколько" people type
_RU_WHAT = r"сколько|скольк\w+|почему|зачем|кто|почем|как(?:ой|ая|ое|ие|ую|им|ом|ого|ому|их|ими)"
_RU_WHEN_WHERE = r"когда|где|куда|откуда"
_RU_HOW_MUCH_TYPED = r"сколк\w*|скока"
_ASKS_PLAINLY = re.compile(rf"^\W*(?:\w+\W+){{0,2}}?(?:{_RU_WHAT}|{_RU_WHEN_WHERE})(?!\w)[^,]*$|"
                           r"(?<!\w)(?:چقدر|چقد|کی|کجا|چند|چرا|چطوری|چجوری|کدوم|کدام)(?:ه|ست|اس)?(?!\w)", re.IGNORECASE)
# "доставка бесплатная", "ارسالش رایگانه" closing a clause ask whether it is (not after what one heard: "слышал, что
# доставка бесплатная")
_PREDICATE_ASKED = re.compile(r"(?<!\w)(?:бесплатн\w*|возможн\w*|رایگانه|مجانیه)\W*$", re.IGNORECASE)
_HEARD = re.compile(r"(?<!\w)(?:слышал\w*|сказал\w*|написан\w*|читал\w*|говорят|شنیدم|گفتن|گفتند|نوشته)(?!\w)", re.IGNORECASE)
_CONNECTIVES = frozenset(("و", "ولی", "اما", "همچنین", "ضمنا", "راستی", "и", "а", "но", "также", "кстати"))
# "Hi, do you take Mastercard?": a greeting before a question is no request of its own (the classifier would read the
# whole as a greeting); courtesy questions ("how are you?") belong to it.
_GREETING = re.compile(
    r"\W*(?:(?:سلام|درود|وقت[ \u200c]?(?:تون|ت)?[ \u200c]?بخیر|روز[ \u200c]?(?:تون|ت)?[ \u200c]?بخیر|(?:صبح|عصر)[ \u200c]?(?:تون|ت)?[ \u200c]?بخیر|خسته نباشید|خسته نباشین|"
    r"خوبی|خوبین|خوبید|حالتون خوبه|привет\w*|салам\w*|здравствуй\w*|добр\w+ (?:день|вечер|утро|дня|времени суток)|доброе утро|"
    r"как дела|как поживаете|hi|hello|"
    r"(?:у меня )?(?:есть )?(?:один |небольшой )?вопрос|можно (?:задать )?вопрос|(?:вы )?можете (?:мне )?помочь|"
    r"(?:یه|یک) سوال(?: (?:قبل|پیش) (?:از )?(?:خرید|سفارش))?(?: داشتم| دارم)?|سوال داشتم|میشه کمکم کنید|میشه کمک کنید|ببخشید مزاحم (?:میشم|شدم))(?:\s+(?:و|и)\s+|\W+|$))+",
    re.IGNORECASE,
)
_WORD = re.compile(r"\w+")
# A question run on into the next without a mark or connective. Persian closes a clause with its verb ("وضعیتش رو کجا
# ثبت کنم کی تماس میگیرن"): after a question word, the next verb ends the question; a question word with its copula
# ("چیه", "چقدره", "کجاست") is its own verb. Verbs of knowing and modals ("بفهمم", "میدونم", "میتونم", "میخوام") lead
# into the question they ask, so they end nothing ("چطوری میفهمم سفارشم کجاست").
_FA_VERB = re.compile(
    r"(?:بر|در|باز|ور)?ن?می(?!لیون|ز|ل|وه|کرو|خ|فهم|دون|دان|پرس|بین|گ[یه]?[دنم]?$|تون|توان|شه$|شود$)\w{2,}|"
    r"(?:چی|کی|چقدر|چقد|کجا|چند|کدوم|کدام|چطوری|چجوری|چطور)(?:ه|ست|اس)|"
    r"(?:کن|بکن|بد|بفرست|ببر|بزن|بذار|بگذار|بنویس|بگیر|بخر|بش|باش|بیا|کرد|شد|رسید|گرفت|داد)(?:م|ی|ه|یم|ید|ین|ن|ند)?|"
    r"(?:دار|هست)(?:م|ی|ه|یم|ید|ین|ن|ند)|هست|است|نیست|بود"
)
# A request or "do you have" closed by its verb runs on into a question too ("میخوام سفارشمو لغو کنم پولم کی برمیگرده",
# "اسنپ پی دارین حداقلش چقدره"); "دارین" is its own verb.
_RUNS_ON = frozenset({"میخوام", "میخواستم", "دارین", "دارید", "دارن"})
# the verb's clause goes on ("چطوری خبردار میشم که ثبت شده", "کجا بزنم ببینم بسته کجاست") or is the object of the next
# ("کی تماس میگیره رو کجا ببینم")
_FA_GOES_ON = frozenset({"که", "یا", "تا", "چون", "رو", "را", "ببینم", "بفهمم", "بدونم"})
# a light verb after these leads into the question it looks up: "چطوری پیگیری کنم سفارشم کجاست"
_FA_LOOKS_UP = frozenset({"چک", "پیگیری", "مشخص", "انتخاب", "تعیین", "بررسی", "پیدا", "معلوم", "استعلام", "سوال"})
# "میشه" after a noun is the verb of its clause ("چطوری حساب میشه"); after a question word or these it is "can"
# before the verb ("کیف رو میشه پس داد", "چطوری میشه پس داد").
_FA_BEFORE_CAN = frozenset({"رو", "را", "هم", "اینو", "اونو"})
# Russian opens a question with its question word ("сколько стоит доставка когда привезут", "... на какой счёт"),
# unless a verb of knowing or a subordinator leads into it ("как узнать когда привезут", "если не помню где чек").
_RU_OPENS = re.compile(rf"{_RU_WHAT}|{_RU_HOW_MUCH_TYPED}|{_RU_WHEN_WHERE}|как(?:ов|ова|ово|овы)")
_RU_PREPOSITIONS = frozenset("в во на с со до по за к ко от из у о об про для через".split())
_RU_LEADS_IN = re.compile(r"\w+(?:ть|ти|чь)|зна\w*|(?:по)?нят\w*|понима\w*|(?:под)?скаж\w*|уточн\w*|провер\w*|"
                          r"посмотр\w*|объясн\w*|напиш\w*|сообщ\w*|интересно|помн\w*|если|что|чтобы|как|так|не|ни|"
                          r"даже|и|или|а|но|то|тот|та|те|того|тем|там|тогда|такой|так")
_INDEFINITE = re.compile(r"-(?:то|нибудь|либо)(?!\w)")  # "где-то", "когда-нибудь" ask nothing
_INDEFINITE_WORD = re.compile(r"(?<!\w)\w+-(?:то|нибудь|либо)(?!\w)")
# "can I ...?" runs on into what it asks about ("میشه خودم تعیین کنم کی بیارن", "можно выбрать во сколько привезут"):
# only a question word asking what, when, where or how much ends where the next question begins ("что" mostly joins a
# clause: "сказали что товара нет").
# A yes/no question runs on into the next one too ("ارسال به شیراز رایگانه چند روزه میرسه", "можно вернуть если не
# понравился кто оплачивает доставку"): after one of these, a closing verb or a question word opening a clause (not
# "когда"/"где", which also join a condition or a place: "можно вернуть, когда коробка вскрыта?") ends it, when a
# question word is still to come.
_CAN = rf"{_FA_CAN}|{_RU_CAN}"
_ASKS_YES_NO = re.compile(rf"{_CAN}|возможн\w*|бесплатн\w*")
# ... and these ask and close it at once: the adjective with its copula ("ارسالش رایگانه"), a verb asking the store
# what it does ("پس میگیرید")
_FA_PREDICATE = re.compile(rf"رایگانه|مجانیه|{_FA_ASKS_THE_STORE}")
# a Russian question closed by the verb that asks the store, with another asked after it ("какие карты принимаете
# рассрочка есть")
_RU_CLOSES = re.compile(_RU_ASKS_THE_STORE)
# "دقیقا نمیدونید چند روز دیگه؟", "تا کی میتونین سفارشمو کنسل کنین؟": whether the store knows, or can, leads into
# what it asks, no question of its own
_FA_LEADS_ON = re.compile(rf"{_FA_YOU_KNOW}|ن?می[ \u200c]?(?:تون|توان)(?:ید|ین)")
_RU_OPENS_AFTER_YES_NO = re.compile(rf"{_RU_WHAT}|{_RU_HOW_MUCH_TYPED}")
_YES_NO = re.compile(rf"{_CAN}|مگه|разве|правда|что")
NEXT_WORDS = 12  # words looked at for a question after a yes/no one runs on (a bound: a long message stays linear)
MIN_WORDS = 2  # words besides connectives: "серьёзно?", "и куда?" are not questions of their own
MAX_PARTS = 4
LEANING_WORDS = 2  # a question of so few words ("کی میرسه؟", "и сколько?") takes the story told just before it

Span = tuple[int, int]


def _words(text: str) -> int:
    """The words of a part that are not connectives."""
    return sum(word not in _CONNECTIVES for word in _WORD.findall(fold(text)))


def _sentences(normalized: str, ends: re.Pattern[str] = _SENTENCE_END) -> list[Span]:
    """The message's sentences, each with its closing punctuation."""
    spans, start = [], 0
    for match in ends.finditer(normalized):
        if _WORD.search(normalized[start:match.end()]):
            spans.append((start, match.end()))
            start = match.end()
    if _WORD.search(normalized[start:]):
        spans.append((start, len(normalized)))
    elif spans:
        spans[-1] = (spans[-1][0], len(normalized))
    return spans


def _clauses(normalized: str, sentence: Span) -> tuple[list[Span], set[int]]:
    """A sentence cut before each connective and after each comma or line break (a cut leaving no word is not
    made), and where a yes/no question run on into the next ends (its clause asks, with no question word)."""
    start, end = sentence
    marks = {match.end() if normalized[match.start()] in ",،;:\n" else match.start(): normalized[match.start()] in ",،;:\n"
             for match in _CLAUSE.finditer(normalized, start, end)}
    spans, begin = [], start
    for cut in sorted(marks):
        before, after = fold(normalized[begin:cut]), fold(normalized[cut:end])
        # question words meet across "و"/"и" ("کی و کجا"), not across a line or a comma ("…сколько\n- можно …")
        one_question = (not marks[cut] and _ENDS_ASKING.search(before) is not None and _OPENS_ASKING.search(after) is not None
                        and _NEW_SUBJECT.search(after) is None
                        or marks[cut] and _VAGUE.search(before) is not None and _NEW_SUBJECT.search(after) is None
                        or _LEADS_INTO.search(before) is not None or _GOES_ON.search(after) is not None
                        or _relative(before, after))
        if _WORD.search(before) and _WORD.search(after) and not one_question:
            spans.append((begin, cut))
            begin = cut
    pieces, yes_no_ends = [], set()
    for span in spans + [(begin, end)]:
        cut, ends = _run_on(normalized, span)
        pieces += cut
        yes_no_ends |= ends
    return pieces, yes_no_ends


def _relative(before: str, after: str) -> bool:
    """The clause after a comma is a Russian relative clause, no question: "тот, кто оформлял", or one closed by a comma
    of its own after a clause that ended in one ("в том филиале, где я забираю заказы, ...")."""
    if not before.rstrip().endswith(",") or _RELATIVE.search(after) is None:
        return False
    return _CORRELATIVE.search(before.rstrip()[:-1]) is not None or "," in after.split("?")[0]


def _opens_russian(keys: list[str], index: int) -> int | None:
    """The word where a Russian question opened by the question word at `index` begins (its preposition), if the
    question word opens one rather than being led into by the words before it."""
    if _RU_OPENS.fullmatch(keys[index]) is None:
        return None
    first = index - 1 if index > 0 and keys[index - 1] in _RU_PREPOSITIONS else index
    return first if first > 0 and _RU_LEADS_IN.fullmatch(keys[first - 1]) is None else None


def _closes_persian(keys: list[str], index: int) -> bool:
    """The word at `index` is the verb that closes a Persian clause, with more of the sentence after it."""
    if index + 1 == len(keys) or keys[index + 1] in _FA_GOES_ON or (index > 0 and keys[index - 1] in _FA_LOOKS_UP):
        return False
    if keys[index] == "نه" and index > 0 and keys[index - 1] == "یا" or (
            _FA_PREDICATE.fullmatch(keys[index]) and not _FA_LEADS_ON.fullmatch(keys[index]) and index > 0):
        return True  # "… دارید یا نه هزینش چقدره": the alternative closes the question
    return _FA_VERB.fullmatch(keys[index]) is not None or (
        keys[index] == "میشه" and index > 0 and keys[index - 1] not in _FA_BEFORE_CAN
        and QUESTION_WORDS.fullmatch(keys[index - 1]) is None)


def _run_on(normalized: str, clause: Span) -> tuple[list[Span], set[int]]:
    """A clause cut where one question runs on into the next: after the Persian verb that closes a question, before
    the Russian question word (with its preposition) that opens one; and the cuts that end a yes/no question."""
    words = list(_WORD.finditer(normalized, *clause))
    keys = [fold(word.group()) for word in words]
    wh = [QUESTION_WORDS.fullmatch(key) is not None and _YES_NO.fullmatch(key) is None
          and _INDEFINITE.match(normalized, word.end()) is None for key, word in zip(keys, words)]
    cuts, asked, yes_no, yes_no_ends = [], False, False, set()
    opened = 0  # the first word of the question under way ("... که با شرکت حمل میفرستید": a relative clause's verb)
    for index, word in enumerate(words):
        asking = wh[index] or keys[index] in _RUNS_ON
        opens = _opens_russian(keys, index) if asking and (
            asked or yes_no and _RU_OPENS_AFTER_YES_NO.fullmatch(keys[index]) is not None) else None
        if opens is not None:
            cuts.append(words[opens].start())
            opened = opens
            if yes_no and not asked:
                yes_no_ends.add(words[opens].start())
            yes_no = False
        if _SAYS_AGAIN.match(normalized, word.start()):
            asked = False  # "когда смогу забрать, то есть в какой день": the same question again
        asked = asking or (asked and opens is None)
        yes_no = yes_no or (_FA_PREDICATE.fullmatch(keys[index]) is not None and _FA_LEADS_ON.fullmatch(keys[index]) is None
                            and "که" not in keys[opened:index])
        closes = _closes_persian(keys, index)
        closes_russian = asked and _RU_CLOSES.fullmatch(keys[index]) is not None and not any(wh[index + 1:index + 2])
        if asked and closes or (yes_no and closes or closes_russian) and _asks(" ".join(keys[index + 1:index + 1 + NEXT_WORDS])):
            cuts.append(word.end())
            opened = index + 1
            if not asked:
                yes_no_ends.add(word.end())
            asked = yes_no = False
        else:
            yes_no = yes_no or _ASKS_YES_NO.fullmatch(keys[index]) is not None
    bounds = [clause[0], *cuts, clause[1]]
    return list(zip(bounds, bounds[1:])), yes_no_ends


def _asks(clause: str, new_subject: bool = True) -> bool:
    """A folded clause asks something: a question word, "do you have ...?" at its end, "чем" or what it asks for
    opening it, or (`new_subject`) a change of subject opening it."""
    # "в том филиале, где я забираю заказы, ..." asks nothing by its "где"; "скажите, где мой заказ, ..." does
    clause = _RELATIVE_CLAUSE.sub(lambda found: found.group() if _LEADS_INTO.search(clause[:found.start() + 1]) else ",", clause)
    clause = _NOT_ASKING.sub(" ", _INDEFINITE_WORD.sub(" ", clause))  # "это где-то 85 км" asks nothing
    return any(pattern.search(clause) is not None for pattern in (
        QUESTION_WORDS, _HAVE_YOU, _MUST_I, _FA_ASKS_IF, _OPENS_WITH_WHAT, _ASKS_FOR, _ALTERNATIVE_ASKED, ASKS_THE_STORE, _ASKS_TO,
        _NEEDS_A_THING)) or (
        new_subject and _NEW_SUBJECT.search(clause) is not None) or (
        _PREDICATE_ASKED.search(clause) is not None and _HEARD.search(clause) is None)


def _topics_asked(clauses: list[str]) -> int:
    """How many clauses at the end of a marked sentence ask for a topic each, by the noun opening them: "Цена и
    сроки?", "адреса самовывоза и часы?", "هزینه و زمان ارسال به مشهد؟"; none when fewer than two."""
    count = 1 if clauses and _TOPIC_OPENS.match(clauses[-1]) else 0
    while count and count < len(clauses) and _TOPIC_OPENS.match(clauses[-1 - count]):
        count += 1
    return count if count > 1 else 0


def _requests(text: str) -> bool:
    """A request about one's own order ("TS-1043 رو میخوام پس بدم", "хочу отменить мой заказ"): a part of its own."""
    folded = fold(text)
    return _WANT.search(folded) is not None and (_MY_ORDER.search(folded) is not None
                                                 or bool(extract_entities(text, only=_ORDER)))


# "پولشم لطفا بریزین به کارت خانمم", "и пожалуйста переведите деньги на карту жены": the store asked, please, to do
_PLEASE = re.compile(r"(?<!\w)(?:لطفا|لطفاً|خواهشا|خواهشاً|пожалуйста)(?!\w)", re.IGNORECASE)
_DO_FOR_ME = re.compile(r"(?<!\w)(?:ب\w{2,}(?:ین|ید)|(?:\w+ )?(?:کنین|کنید)|\w{3,}ите)(?!\w)", re.IGNORECASE)


# not to see to, answer or help with what was just asked ("کی میرسه؟ لطفا پیگیری کنید", "пожалуйста, ответьте быстрее")
_SEE_TO_IT = re.compile(r"(?<!\w)(?:پیگیری|بررسی|چک|جواب|راهنمایی|کمک|توضیح|بگین|بگید|بفرمایید|проверьте|ответьте|"
                        r"помогите|подскажите|объясните|скажите|уточните|посмотрите|разберитесь)", re.IGNORECASE)


def _pleads(text: str) -> bool:
    """A request the store is asked, please, to do, told after a question: a part of its own (its rule answers it)."""
    folded = fold(text)
    return (_PLEASE.search(folded) is not None and _DO_FOR_ME.search(folded) is not None
            and _SEE_TO_IT.search(folded) is None)


def _in_condition(normalized: str, clauses: list[Span], texts: list[str]) -> list[bool]:
    """Which clauses belong to a condition: from one that opens with "if" to the comma that closes it."""
    inside, found = False, []
    for (start, end), clause in zip(clauses, texts):
        inside = inside or _CONDITION.match(clause) is not None
        found.append(inside)
        if normalized[start:end].rstrip().endswith((",", "،")):
            inside = False
    return found


# "… هزینه پس فرستادنش با کیه؟ یادم نیست تو حراج گرفتم یا نه", "… не помню, по акции брала или нет": whether it was so,
# not remembered, is told of the question before, not asked
_UNSURE_WHETHER = re.compile(r"^\W*(?:(?:و|ولی|اما|а|но|и)\s+)?(?:یادم نیست|یادم نمیاد|مطمئن نیستم|не помню|не уверен\w*)"
                             r"(?!\w).*(?:یا نه|или нет)\W*$", re.IGNORECASE)


def _questions_in(normalized: str, sentence: Span, after_question: bool) -> list[Span]:
    """A sentence's questions, each with the context around it; empty when the sentence asks nothing (`after_question`:
    a question came before it)."""
    text = normalized[sentence[0]:sentence[1]].rstrip()
    folded = fold(text)
    if after_question and not text.endswith(("?", "؟")) and _UNSURE_WHETHER.match(folded):
        return []
    request = not text.endswith(("?", "؟")) and (_requests(text) or after_question and _pleads(text))
    options = (after_question and _OPTIONS.search(folded) and QUESTION_WORDS.search(folded) is None
               and _ALTERNATIVE_ASKED.search(folded) is None and _words(text) <= MAX_OPTION_WORDS)
    # "... когда его обработают... и потом сколько ...": an ellipsis trails off a question rather than telling
    told = text.endswith((".", "!")) and not text.endswith("..")
    if told and text.endswith(".") and (after_question and (_WHAT_IF.match(folded) or _IF_SO.match(folded) and _asks(folded))
                               or _ASKS_PLAINLY.search(_NOT_ASKING.sub(" ", folded))):
        return [sentence]
    if told or _RESTATES.search(folded) or _RHETORICAL.fullmatch(folded) or _TEASES.search(folded) or options:
        # a request told is a part ("TS-1043 رو میخوام پس بدم."); anything else told, exclaimed ("?!", "серьёзно?") or
        # said again in other words is context, not a question of its own
        return [sentence] if request else []
    clauses, yes_no_ends = _clauses(normalized, sentence)
    texts = [fold(normalized[start:end]) for start, end in clauses]
    # a request is a part of its own unless "but" makes it the context of what follows ("میخواستم اضافه کنم ولی …"),
    # or it is in the condition of what follows ("اگه قیمتو اشتباه زده باشید و سفارشمو کنسل کنید، پولم کی برمیگرده؟")
    conditions = _in_condition(normalized, clauses, texts)
    asking = [_asks(clause) or end in yes_no_ends or (_requests(clause) and not _CONTRAST.match(following) and not condition)
              for clause, (_, end), following, condition in zip(texts, clauses, texts[1:] + [""], conditions)]
    marked = text.endswith(("?", "؟"))
    for index in range(len(texts) - 1):  # "ضمنا ارسالش رایگان بود، اونم کم میکنید؟": the new subject told, then asked
        if asking[index + 1] and (_asks(texts[index]) and not _asks(texts[index], new_subject=False)
                                  and not _requests(texts[index]) or _REFERS_BACK.match(texts[index + 1])):
            asking[index] = False
    ends_message = sentence[1] >= len(normalized.rstrip())
    if len(texts) > 1 and any(asking[:-1]) and ends_message and _HAS_IT.search(texts[-1]):
        asking[-1] = True  # "… کی باید بدم دیر بدم جریمه داره": "does it have …?" closing the message asks
    topics = _topics_asked(texts) if marked else 0
    asking[len(texts) - topics:] = [True] * topics
    if (marked and len(texts) > 1 and normalized[clauses[-1][0] - 1] == "\n" and any(asking[:-1])
            and _WORD.findall(texts[-1])[0] not in _CONNECTIVES):
        asking[-1] = True  # "کد رهگیری رو کی میفرستین\nوضعیت سفارشم جایی هست ببینم؟": a line of its own, marked, asks
    if len(texts) > 1 and marked and (_WHAT_IF.match(texts[-1]) or _ALSO.search(texts[-1])):
        asking[-1] = True  # "…, and if I'm in Gori?", "… و فاکتور هم میدین؟": what then, or what else, asked anew
    what_if = [index for index, clause in enumerate(texts) if index and _WHAT_IF.match(clause) and any(asking[:index])]
    if what_if and not any(asking[what_if[-1]:]):
        asking[what_if[-1]] = True  # "сколько будет доставка а если на 300 и я в 10 км": asked anew without a mark
    if not any(asking):
        last = after_question and ends_message
        return [sentence] if marked or request or after_question and _FOLLOWS_UP.match(folded) or last and _HAS_IT.search(folded) else []
    groups: list[Span] = []
    begin = sentence[0]
    for (_, end), asks in zip(clauses, asking):
        if asks:
            groups.append((begin, end))
            begin = end
    groups[-1] = (groups[-1][0], sentence[1])
    return groups


# "…, اونوقت چی؟", "…؟ اونوقت میشد؟", "…, что тогда?": the question is the clause before, asked as "then what?"
_THEN_WHAT = re.compile(r"\W*(?:(?:و|и|а|ну)\s+)?(?:اونوقت|اون وقت|آنوقت|آن وقت|در این صورت|در اون صورت|پس|тогда|в таком случае|"
                        r"и что|что)\s*(?:چی|چطور|چطوری|چی میشه|چه میشه|میشه|میشد|ممکنه|ممکن بود|тогда|как|что|что тогда|будет|"
                        r"можно|можно было бы|получится)?\W*", re.IGNORECASE)


# "…? зачем он вам", "…؟ واسه چی اونو میخواین": why, of what the question before named, asked with pronouns only
_WHY_OF_IT = re.compile(r"\W*(?:(?:و|и|а|ну)\s+)?(?:зачем|для чего|почему|چرا|واسه چی|برای چی)"
                        r"(?:\s+(?:он|она|оно|они|его|её|ее|их|это|вам|тебе|мне|нужен|нужна|нужно|اون|اونو|اینو|این|ازش|"
                        r"میخواین|میخواید|لازمه|لازم|دارین|شما))*\W*", re.IGNORECASE)

# "…میخوام مرجوعش کنم، درخواستشو از کجا ثبت کنم؟", "…, как это оформить?": how to do what the clause before wants
_HOW_OF_IT = re.compile(r"\W*(?:(?:و|پس|и|а|ну)\s+)?(?:(?:درخواست|این ?کار|اینو)\w*\s+)?(?:از کجا|کجا|چطور|چطوری|چجوری|چه جوری|"
                        r"چگونه|как|где)\s+(?:(?:мне|это|его|её|ее)\s+)*(?:ثبت\w*\s+(?:کنم|بکنم)|оформить|подать)\W*", re.IGNORECASE)

# "…میشه کنسلش کنید؟ مراحلش چیه؟", "можно отменить? как это сделать?": the steps of what the question before asks
_STEPS_OF_IT = re.compile(r"\W*(?:(?:و|پس|خب|и|а|ну)\s+)?(?:(?:مراحل|روال|روند|پروسه)(?:ش|اش|ش رو)\s+(?:چیه|چیست|"
                          r"چطوره|چجوریه|چطوریه|چیا هست|چیان)|"
                          r"(?:چطوری|چجوری|چطور|چه جوری)\s+(?:باید\s+)?انجامش\s+(?:بدم|بدیم)|"
                          r"как\s+(?:(?:мне|это|его|её|ее)\s+)*(?:сделать|делается|это сделать)|"
                          r"как\s+(?:(?:это|она|он|оно)\s+)?(?:работает|устроено|происходит)|"  # "как это работает"
                          r"(?:چطوری|چطور|چجوری|چه جوری)\s+(?:کار میکنه|کار می کنه|انجام میشه|هست|است)|"
                          r"какие\s+(?:шаги|действия)|"
                          r"что\s+(?:для этого|мне)\s+(?:нужно|надо)(?:\s+сделать)?)\W*", re.IGNORECASE)
# "… تحویل بگیرم یا نه؟ باید چیکار کنم؟", "принимать? что мне делать?": what to do in the case the question before tells
_WHAT_TO_DO = re.compile(r"\W*(?:(?:پس|اونوقت|خب)\s+)?(?:باید\s+)?(?:چیکار|چکار|چه ?کار)\s+(?:باید\s+)?(?:کنم|بکنم)\W*|"
                         r"\W*(?:(?:и|а|ну)\s+)?что\s+(?:мне\s+)?(?:тогда\s+)?(?:делать|нужно делать|надо делать)\W*",
                         re.IGNORECASE)
# "بقیه قسطا چی؟ باید بدمشون؟", "а остальные платежи? их надо платить?": a must asked of what the question before names
_MUST_OF_IT = re.compile(r"\W*(?:(?:و|پس|خب|и|а|ну)\s+)?(?:(?:باید|لازمه)\s+\S+(?:شون|شونو|شان|ش|شو)(?:\s+(?:کنم|بکنم|بدم))?|"
                         r"(?:(?:их|его|её|ее)\s+(?:тоже\s+)?(?:надо|нужно|придётся|придется)\s+\w+|"
                         r"(?:надо|нужно|придётся|придется)\s+(?:их|его|её|ее)\s+\w+|"
                         r"(?:надо|нужно|придётся|придется)\s+\w+\s+(?:их|его|её|ее)))\W*", re.IGNORECASE)
# "اگه مرجوعی باشه چی؟ اونم همینقدر طول میکشه؟", "а при возврате? тоже столько же?": the same asked of the case just told
_SAME_OF_IT = re.compile(r"\W*(?:(?:و|پس|خب|и|а|ну)\s+)?(?:(?:اونم|اینم|اون هم|این هم)\s+(?:همین ?قدر|همون ?قدر|همین ?طور|"
                         r"همون ?طور|همین ?جوری|همون ?جوری)\S*|(?:(?:это|он|она|оно)\s+)?(?:тоже\s+)?столько же)"
                         r"(?:\s+\S+){0,2}\W*", re.IGNORECASE)
# "اگه بازش کنم و بوش رو دوست نداشته باشم چی؟ پس میگیرین؟", "а если вскрою? примете?": whether the case just supposed
# is taken back, part of its question
_TAKEN_BACK = re.compile(r"\W*(?:(?:و|خب|и|а|ну)\s+)?(?:پس ?می ?گیر(?:ین|ید|ن|ی)|قبول ?می ?کن(?:ین|ید|ن|ی)|"
                         r"(?:обратно\s+)?(?:возьм[её]те|примете|принимаете)(?:\s+обратно)?)\W*", re.IGNORECASE)
# "а в Мцхету? это тоже за город?", "ارسال به روستاوی؟ اونم خارج از شهر حساب میشه؟": whether the place just asked
# of counts as out of town, part of its question
_COUNTS_AS_IT = re.compile(r"\W*(?:(?:و|پس|и|а|ну)\s+)?(?:это|он|она|оно|اونم|اینم|اون هم|این هم|اون|این)\s+(?:\S+\s+){0,3}?"
                           r"(?:за ?город\w*|считает\w*|خارج (?:از )?شهر\S*|جزو\S*|حساب می ?شه|حساب می ?شود)(?:\s+\S+){0,2}\W*",
                           re.IGNORECASE)
# "а по цене? заказ на 700 лари, туда тоже бесплатно?", "از نظر هزینه؟ ...": a topic named, then asked in full: one
# question with the one after it
_AS_FOR = re.compile(r"\W*(?:(?:а|и|ну)\s+)?(?:как\s+)?по\s+(?:цен\w*|стоимост\w*|срок\w*|времени|деньг\w*|оплат\w*)\W*|"
                     r"\W*(?:(?:و|خب)\s+)?از (?:نظر|لحاظ) (?:هزینه|قیمت|زمان|مدت)\S*\W*", re.IGNORECASE)
# "چند روز طول میکشه؟ ۳ روز کاری؟", "сколько ждать? дня три?": a span guessed, part of the question before it
_GUESSED_SPAN = re.compile(r"\W*(?:(?:یعنی|مثلا|مثلاً|типа|или)\s+)?(?:\d+|یک|یه|دو|سه|چهار|پنج|شش|هفت|ده|один|два|две|три|"
                           r"четыре|пять|семь|десять)\s+(?:روز|ساعت|هفته|ماه|дн\w*|день|час\w*|недел\w*|"
                           r"месяц\w*)(?:\s+(?:\S+\s+)?(?:کاری|рабоч\w*))?\W*", re.IGNORECASE)
_STEPS_AFTER = re.compile(rf"[?؟]\s*(?:{_STEPS_OF_IT.pattern})$", re.IGNORECASE)


def without_steps_asked(text: str) -> str:
    """"میشه عطرو پس بدم؟ مراحلش چیه؟" as the rules are chosen for it: the question the steps are asked of, whose
    rule says them ("steps" alone would choose the steps of ordering)."""
    found = _STEPS_AFTER.search(normalize(text))  # (offsets kept: Arabic ي, Persian digits)
    return text[:found.start() + 1] if found is not None and _words(text[:found.start()]) >= MIN_WORDS else text


def _merged(groups: list[Span], normalized: str) -> list[Span]:
    """Questions too short to stand alone joined to the one before (the first to the one after); at most MAX_PARTS."""
    merged: list[Span] = []
    for group in groups:
        text = normalized[group[0]:group[1]]
        if merged and (_words(text) < MIN_WORDS and not _TOPIC_WORD.search(fold(text)) or _THEN_WHAT.fullmatch(fold(text))
                       or _WHY_OF_IT.fullmatch(fold(text)) or _HOW_OF_IT.fullmatch(fold(text))
                       or _STEPS_OF_IT.fullmatch(fold(text)) or _WHAT_TO_DO.fullmatch(fold(text))
                       or _MUST_OF_IT.fullmatch(fold(text)) or _SAME_OF_IT.fullmatch(fold(text))
                       or _COUNTS_AS_IT.fullmatch(fold(text)) or _TAKEN_BACK.fullmatch(fold(text))
                       or _AS_FOR.fullmatch(fold(normalized[merged[-1][0]:merged[-1][1]]))
                       or _GUESSED_SPAN.fullmatch(fold(text))):
            merged[-1] = (merged[-1][0], group[1])
        else:
            merged.append(group)
    first = normalized[merged[0][0]:merged[0][1]]
    if len(merged) > 1 and _words(first) < MIN_WORDS and not _TOPIC_WORD.search(fold(first)):
        merged[:2] = [(merged[0][0], merged[1][1])]
    while len(merged) > MAX_PARTS:  # a list of many short questions: the last ones go together
        merged[-2:] = [(merged[-2][0], merged[-1][1])]
    return merged


def question_spans(normalized: str) -> list[Span]:
    """The questions of a normalised message as spans covering it; context sentences join a neighbour."""
    groups: list[Span] = []
    leading: int | None = None  # where context sentences before the first question began
    between: int | None = None  # where context sentences after a question began
    for sentence in _sentences(normalized):
        found = _questions_in(normalized, sentence, bool(groups))
        if not found:
            if groups and between is None:
                between = sentence[0]
            elif not groups and leading is None:
                leading = sentence[0]
            continue
        if not groups and leading is not None:
            found[0] = (leading, found[0][1])
        elif between is not None:  # the story between two questions: the next one's when it is too short to stand
            # alone ("… بخرم؟ شنبه سفارش میدم، تحویل تو تفلیس. کی میرسه؟"), else the one before's ("ct 2002 где? телефон …")
            if _words(normalized[found[0][0]:found[0][1]]) <= LEANING_WORDS:
                found[0] = (between, found[0][1])
            else:
                groups[-1] = (groups[-1][0], found[0][0])
        between = None
        groups += found
    if not groups:
        return [(0, len(normalized))]
    groups[0] = (0, groups[0][1])
    groups[-1] = (groups[-1][0], len(normalized))
    return _merged(groups, normalized)


def greets(text: str) -> bool:
    """Whether a message has words of greeting or opening anywhere ("سلام", "добрый день", "یه سوال داشتم")."""
    return _GREETING.search(fold(normalize(text)).lower()) is not None  # one greeting at least, wherever it stands


def _after_greeting(normalized: str, span: Span) -> Span:
    """A question without the greeting before it; a greeting with nothing asked after it stays whole."""
    greeting = _GREETING.match(normalized.lower(), span[0], span[1])  # lower(), not fold(): offsets stay those of the text
    if greeting is None:
        return span
    rest = fold(normalized[greeting.end():span[1]]).rstrip()
    asks = QUESTION_WORDS.search(rest) or rest.endswith(("?", "؟")) or _WANT.search(rest)
    return (greeting.end(), span[1]) if asks and _words(rest) >= MIN_WORDS else span


# "… и сколько ждать? Спасибо", "… کی میرسه؟ پیشاپیش ممنون": thanks after the last question are no part of it
_THANKS = re.compile(r"(?:\W+(?:(?:большое |заранее )?спасибо(?: большое| заранее)?|благодарю|پیشاپیش ممنون|ممنونم|ممنون|مرسی|سپاس"
                     r"|thanks|thank you))+\W*$", re.IGNORECASE)


def _before_thanks(normalized: str, span: Span) -> Span:
    """The last question without the thanks after it."""
    thanks = _THANKS.search(normalized.lower(), span[0], span[1])
    if thanks is None or _words(normalized[span[0]:thanks.start()]) < MIN_WORDS:
        return span
    return (span[0], thanks.start() + 1 if normalized[thanks.start()] in "?؟.!" else thanks.start())


def _lines_kept(text: str) -> str:
    """The text normalised with its line breaks, which end clauses (normalize makes every space a blank)."""
    return "".join("\n" if char == "\n" else same for char, same in zip(text, normalize(text)))


def asked_span(text: str) -> Span | None:
    """Where a message that tells its story first asks its question ("… کلی برنامه ریختم… هنوز پیامکی نیومده. سفارشم
    کجاست؟"): the last question of its last asking sentence, when a sentence comes before it; None for a message of one
    sentence, or one that asks first and tells after ("Is delivery free? I live in Batumi.")."""
    normalized = _lines_kept(text)
    sentences = _sentences(normalized, _STORY_END)
    asking = [(sentence, found) for sentence in sentences if (found := _questions_in(normalized, sentence, False))]
    if len(sentences) < 2 or not asking:
        return None
    sentence, found = asking[-1]
    start, end = found[-1]
    if _words(normalized[start:end]) < MIN_WORDS:  # "میخوام پسش بدم، میشه؟": a bare "can I?" asks of its sentence
        start = sentence[0]
    return (start, end) if start > 0 else None


# "سلام ببخشید، …", "Здравствуйте, извините, …": an "excuse me" after the greeting opens the question, asks nothing
_EXCUSE_ME = re.compile(r"(?:ببخشید|ببخشین|извините|простите)(?:\W+|$)", re.IGNORECASE)
GREETED_QUESTION_WORDS = 6  # a question this long after a greeting asks more than how one is ("… وقت دارید سوال بپرسم؟")


def asked_after_greeting(text: str) -> Span | None:
    """Where the question of a message that opens with a greeting begins ("سلام ببخشید اگه جنس خراب برسه تا چن ساعت
    وقت دارم خبر بدم؟"): after the greeting and an "excuse me"; None when it opens with none or asks nothing long."""
    normalized = _lines_kept(text)
    lowered = normalized.lower()  # lower(), not fold(): offsets stay those of the text
    excused = _EXCUSE_ME.match(lowered)  # "ببخشید یه سوال قبل خرید، …": the question after the excuse and the opening
    greeting = _GREETING.match(lowered, excused.end() if excused else 0)
    if greeting is None:
        return None
    start = greeting.end()
    for opening in (_EXCUSE_ME, _GREETING):  # "سلام ببخشید یه سوال داشتم، …"
        found = opening.match(lowered, start)
        start = found.end() if found else start
    rest = fold(normalized[start:]).rstrip()
    asks = QUESTION_WORDS.search(rest) or rest.endswith(("?", "؟"))
    return (start, len(normalized)) if asks and _words(rest) >= GREETED_QUESTION_WORDS else None


def sentences(text: str) -> list[str]:
    """The message's sentences as the splitter cuts them, as slices of `text` (what a message told before its question)."""
    return [text[start:end].strip() for start, end in _sentences(_lines_kept(text))]


def split_questions(text: str) -> list[str]:
    """The message's questions in the order asked, as slices of `text` (the first without a greeting before it); the
    text itself when it asks one thing."""
    normalized = _lines_kept(text)
    spans = question_spans(normalized)
    if len(spans) == 1:
        return [text]
    spans[0] = _after_greeting(normalized, spans[0])
    spans[-1] = _before_thanks(normalized, spans[-1])
    parts = [part for part in (text[start:end].strip() for start, end in spans) if part]
    return parts if len(parts) > 1 else [text]
