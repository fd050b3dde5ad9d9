"""Customers who type Russian or Persian in Latin letters ("zakaz gde?", "sefaresham kojast?"), in their own script.

A phone without a Cyrillic or Persian keyboard still writes the language: Russian in
translit and Persian in "Finglish". Such a message is written again in the language's own
script before anything reads it, so the classifier, the entities and the store's rules see
the words they know, and the reply comes in the customer's language. Which language it is
comes from the words each writes most (and the store's language when neither shows);
order codes, numbers, e-mails and names written with a capital inside the message keep
their Latin letters. The Persian is the colloquial spelling without short vowels, read
from the common words of a support chat first and letter by letter after.
"""

from __future__ import annotations

import re
from typing import Optional

LATIN_SHARE = 0.8  # of a message's letters, for it to be read as written in Latin letters
MIN_LATIN_LETTERS = 4  # "ok", "hi": too little to tell a language, left as typed

# words that show Russian: common in its chats, rare in Persian written in Latin letters (Persian's: `_PERSIAN`)
_RUSSIAN = frozenset("""
zdravstvuyte zdravstvujte privet dobryy dobryi dobriy den vecher spasibo pozhaluysta pozhalujsta zakaz zakaza zakazal
zakazala zakazyval gde kogda kak chto pochemu skolko mozhno nelzya esli tovar tovara dostavka dostavku dostavki vozvrat
vozvrata vernut verni dengi oplata oplatit oplatil platit rassrochka rassrochku karta kartoy karty poluchil poluchila
poluchenii prishel prishlo prishla eshe eshche uzhe ne net da ya vy moy moi moya menya mne vam u v na po za iz ot do
ili i a no tolko ochen nuzhno hochu khochu mogu mozhete otmenit otmena telefon nomer kuda otkuda zhdat srok dney dnya
chasa magazin kurer samovyvoz gorod naushniki chaynik holodilnik slomalsya brak tot drugoi drugoy potom samomu otpravlyat
otpravit pisat cherez stoit kto
""".split())

# Russian translit, longest first; "y" and "e" depend on where they stand (below)
_RU_LETTERS = [
    ("shch", "щ"), ("sch", "щ"), ("zh", "ж"), ("kh", "х"), ("ts", "ц"), ("ch", "ч"), ("sh", "ш"),
    ("yu", "ю"), ("ya", "я"), ("yo", "ё"), ("ye", "е"), ("ju", "ю"), ("ja", "я"), ("jo", "ё"),
    ("a", "а"), ("b", "б"), ("v", "в"), ("w", "в"), ("g", "г"), ("d", "д"), ("e", "е"), ("z", "з"), ("i", "и"),
    ("j", "й"), ("k", "к"), ("q", "к"), ("c", "к"), ("l", "л"), ("m", "м"), ("n", "н"), ("o", "о"), ("p", "п"),
    ("r", "р"), ("s", "с"), ("t", "т"), ("u", "у"), ("f", "ф"), ("h", "х"), ("x", "кс"), ("'", "ь"),
]
_RU_VOWELS = "aeiouy"
_RU_NOT_INFINITIVE = frozenset({"stoit", "platit", "zvonit", "khodit", "prikhodit", "prihodit", "ukhodit", "sidit",
                                 "vyglyadit", "govorit", "shtat", "zakat", "mut", "put", "aromat", "format",
                                 "rezultat", "avtomat", "bankomat", "salat", "khalat", "brat", "adresat", "kit"})
_RU_E_WORDS = {"skolko": "сколько", "dengi": "деньги", "tolko": "только", "pochtu": "почту", "pochta": "почта",
               "eto": "это", "etot": "этот", "eta": "эта", "eti": "эти", "etogo": "этого", "etu": "эту",
               "etom": "этом", "eshe": "ещё", "eshche": "ещё", "ekspress": "экспресс"}

# Finglish: whole words people write the same way, then letters (short vowels inside a word are not written)
_FA_WORDS = {
    "salam": "سلام", "slm": "سلام", "salaam": "سلام", "dorood": "درود", "dorud": "درود", "mamnoon": "ممنون",
    "mamnun": "ممنون", "merci": "مرسی", "mersi": "مرسی", "mrc": "مرسی", "lotfan": "لطفا", "sefaresh": "سفارش",
    "sefareshe": "سفارش", "sefaresham": "سفارشم", "sefareshamo": "سفارشمو", "sefareshm": "سفارشم", "kojast": "کجاست",
    "kojas": "کجاس", "koja": "کجا", "key": "کی", "kei": "کی", "kay": "کی", "ki": "کی", "chi": "چی", "chera": "چرا",
    "chand": "چند", "chanda": "چندا", "chejoori": "چجوری", "chetori": "چطوری", "chetor": "چطور", "che": "چه",
    "tori": "طوری", "mikham": "میخوام", "mikhastam": "میخواستم", "mikhaym": "میخوایم", "mitoonam": "میتونم",
    "mitunam": "میتونم", "mishe": "میشه", "mishod": "میشد", "nemishe": "نمیشه", "konam": "کنم", "konid": "کنید",
    "kardam": "کردم", "kardim": "کردیم", "kard": "کرد", "shod": "شد", "shode": "شده", "nashode": "نشده",
    "naresid": "نرسید", "nareside": "نرسیده", "resid": "رسید", "reside": "رسیده", "residam": "رسیدم",
    "barmigarde": "برمیگرده", "bargarde": "برگرده", "barmigardoonid": "برمیگردونید", "pul": "پول", "pool": "پول",
    "pulam": "پولم", "poolam": "پولم", "ersal": "ارسال", "marjoo": "مرجوع", "marjooi": "مرجوعی", "marjui": "مرجوعی",
    "pas": "پس", "bedam": "بدم", "bedim": "بدیم", "kharab": "خراب", "kharid": "خرید", "kharidam": "خریدم",
    "hanooz": "هنوز", "hanuz": "هنوز", "tahvil": "تحویل", "gereftam": "گرفتم", "hazine": "هزینه", "hazineh": "هزینه",
    "ghest": "قسط", "qest": "قسط", "aghsat": "اقساط", "ghesti": "قسطی", "qesti": "قسطی", "darid": "دارید",
    "dari": "داری", "dare": "داره", "hast": "هست", "hastam": "هستم", "nist": "نیست", "ba": "با", "be": "به",
    "az": "از", "dar": "در", "ro": "رو", "ra": "را", "va": "و", "ya": "یا", "in": "این", "oon": "اون", "un": "اون",
    "peygiri": "پیگیری", "rahgiri": "رهگیری", "kod": "کد", "code": "کد", "shomare": "شماره", "shomarash": "شماره‌اش",
    "shomaram": "شمارم", "akhare": "آخر", "akharesh": "آخرش", "akhar": "آخر", "baz": "باز", "nakardam": "نکردم",
    "nakarde": "نکرده", "bashe": "باشه", "salem": "سالم", "plomp": "پلمپ", "plompesh": "پلمپش", "ham": "هم",
    "khodam": "خودم", "man": "من", "shoma": "شما", "ke": "که", "agar": "اگر", "age": "اگه", "ag": "اگه", "ta": "تا",
    "taviz": "تعویض", "avaz": "عوض", "kheili": "خیلی", "kheyli": "خیلی", "alan": "الان", "emrooz": "امروز",
    "emruz": "امروز", "dirooz": "دیروز", "diruz": "دیروز", "farda": "فردا", "rooz": "روز", "ruz": "روز",
    "hafte": "هفته", "mah": "ماه", "toman": "تومان", "tomen": "تومن", "cancel": "کنسل", "lagv": "لغو",
    "post": "پست", "peyk": "پیک", "pishtaz": "پیشتاز", "tipax": "تیپاکس", "garanti": "گارانتی", "gheymat": "قیمت",
    "takhfif": "تخفیف", "kart": "کارت", "snapp": "اسنپ", "snappay": "اسنپ‌پی", "tehran": "تهران",
}
# words that show Persian: those spelled whole above, and a few more written as their letters say
_PERSIAN = frozenset(_FA_WORDS) | {"kheily", "khodet"}
_FA_LETTERS = [
    ("kh", "خ"), ("gh", "ق"), ("sh", "ش"), ("ch", "چ"), ("zh", "ژ"), ("oo", "و"), ("ou", "و"), ("ee", "ی"),
    ("aa", "ا"), ("ey", "ی"), ("b", "ب"), ("p", "پ"), ("t", "ت"), ("s", "س"), ("j", "ج"), ("h", "ه"), ("d", "د"),
    ("r", "ر"), ("z", "ز"), ("f", "ف"), ("k", "ک"), ("g", "گ"), ("l", "ل"), ("m", "م"), ("n", "ن"), ("v", "و"),
    ("w", "و"), ("y", "ی"), ("q", "ق"), ("c", "ک"), ("x", "کس"), ("i", "ی"), ("u", "و"), ("a", "ا"),
    ("e", ""), ("o", ""),
]
_FA_START = {"a": "ا", "e": "ا", "o": "او", "i": "ای", "u": "او"}
_FA_END = {"e": "ه", "o": "و", "a": "ا"}

_LATIN = re.compile(r"[a-z]", re.IGNORECASE)
_LETTER = re.compile(r"[^\W\d_]")
_WORD = re.compile(r"[A-Za-z']+")
# an order code, an e-mail or a web address keeps its letters
_KEPT = re.compile(r"[\w.+-]+@[\w.-]+|https?://\S+|www\.\S+|\b[A-Za-z]{1,4}-?\d+\b")


def latin_language(text: str, store_language: str) -> Optional[str]:
    """The language ("ru" or "fa") of a message written in Latin letters; None for one in another script, or too
    short to tell."""
    letters = _LETTER.findall(text)
    latin = [letter for letter in letters if _LATIN.fullmatch(letter)]
    if len(latin) < MIN_LATIN_LETTERS or len(latin) < LATIN_SHARE * len(letters):
        return None
    words = [word.lower() for word in _WORD.findall(_KEPT.sub(" ", text))]
    russian = sum(word in _RUSSIAN for word in words) + sum(word.endswith(("iy", "yy", "ogo", "aya", "oye")) for word in words)
    persian = sum(word in _PERSIAN for word in words)
    if russian == persian == 0:
        return None  # "Philips BHD300", "ok thanks": no word of either
    if russian == persian:
        return store_language
    return "ru" if russian > persian else "fa"


def in_own_script(text: str, store_language: str) -> str:
    """The message in Cyrillic or Persian letters when the customer wrote Russian or Persian in Latin ones; else as
    typed."""
    language = latin_language(text, store_language)
    if language is None:
        return text
    spell = _russian if language == "ru" else _persian
    kept = [(found.start(), found.end()) for found in _KEPT.finditer(text)]

    def written(found: re.Match[str]) -> str:
        word = found.group(0)
        inside = any(start <= found.start() < end for start, end in kept)
        named = word[:1].isupper() and found.start() > 0 and not _sentence_start(text, found.start())
        return word if inside or named else spell(word.lower())

    written_text = _WORD.sub(written, text)
    return written_text.replace("?", "؟") if language == "fa" else written_text


def _sentence_start(text: str, index: int) -> bool:
    """Whether a word at `index` begins a sentence (its capital says nothing of a name)."""
    before = text[:index].rstrip()
    return not before or before[-1] in ".!?؟\n"


def _russian(word: str) -> str:
    """One translit word in Cyrillic: "zakazyval" as "заказывал", "drugoi" as "другой", "eto" as "это"."""
    if word in _RU_E_WORDS:
        return _RU_E_WORDS[word]
    out, index = [], 0
    while index < len(word):
        rest = word[index:]
        if rest[0] == "y" and not rest.startswith(("yu", "ya", "yo", "ye")):
            after_vowel = index > 0 and word[index - 1] in _RU_VOWELS
            out.append("й" if after_vowel or len(rest) > 1 and rest[1] in "aeiou" else "ы")  # "moy", "vy"
            index += 1
            continue
        if rest == "i" and index > 0 and word[index - 1] in "aeou":
            out.append("й")  # "drugoi", "moi"
            break
        if rest[0] == "e" and index == 0 and len(word) > 1:
            out.append("е")
            index += 1
            continue
        letters, cyrillic = next(((latin, cyr) for latin, cyr in _RU_LETTERS if rest.startswith(latin)), (rest[0], rest[0]))
        out.append(cyrillic)
        index += len(letters)
    if re.search(r"[aiuy]t$", word) and word not in _RU_NOT_INFINITIVE:
        out.append("ь")  # "vernut", "pisat", "otmenit": the infinitive's soft sign, left out in translit
    return "".join(out)


def _persian(word: str) -> str:
    """One Finglish word in Persian letters: the common words as people spell them, others letter by letter."""
    if word in _FA_WORDS:
        return _FA_WORDS[word]
    stem = word.replace("'", "")
    if not stem:
        return word
    out = []
    index = 0
    if stem[0] in _FA_START:
        start = "آ" if stem.startswith("aa") else _FA_START[stem[0]]
        out.append(start)
        index = 2 if stem.startswith(("aa", "oo", "ou", "ee")) else 1
    while index < len(stem):
        rest = stem[index:]
        if len(rest) == 1 and rest in _FA_END:
            out.append(_FA_END[rest])
            break
        letters, persian = next(((latin, fa) for latin, fa in _FA_LETTERS if rest.startswith(latin)), (rest[0], ""))
        out.append(persian)
        index += len(letters)
    return "".join(out)
