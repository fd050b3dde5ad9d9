"""Russian and Persian typed in Latin letters, read in their own script."""

from __future__ import annotations

import pytest

from bot.nlu.translit import in_own_script, latin_language


@pytest.mark.parametrize("text, store_language, language", [
    ("zdravstvuyte, zakaz TS-1046 prishel ne tot aromat", "fa", "ru"),  # Russian at a Persian store
    ("salam mikham sefareshamo cancel konam", "ru", "fa"),  # Finglish at Citadel
    ("pulam key barmigarde?", "fa", "fa"),
    ("privet, zakaz ct2002 gde?", "ru", "ru"),
    ("ok", "fa", None),  # too little to tell
    ("Philips BHD300", "fa", None),  # a name, no word of either language
    ("hi, where is my order?", "fa", None),  # English is neither
    ("ارسال Philips HD300 به تهران", "fa", None),  # Persian letters with a Latin name
    ("где мой заказ?", "fa", None),
    ("", "fa", None),
])
def test_the_language_of_latin_letters_comes_from_its_words(text: str, store_language: str, language: str | None) -> None:
    assert latin_language(text, store_language) == language


@pytest.mark.parametrize("text, written", [
    ("privet! kak vernut tovar?", "привет! как вернуть товар?"),  # the infinitive's soft sign
    ("zdravstvuyte, zakaz TS-1046 prishel ne tot aromat, ya zakazyval drugoi",
     "здравствуйте, заказ TS-1046 пришел не тот аромат, я заказывал другой"),  # the order code kept
    ("esli oplata pri poluchenii, vy mozhete otmenit zakaz?", "если оплата при получении, вы можете отменить заказ?"),
    ("moy zakaz novyy gde? yesli ne pridet", "мой заказ новый где? если не придет"),  # y as й, ы and е
    ("a dostavka skolko stoit? eto dorogo", "а доставка сколько стоит? это дорого"),  # "stoit" is no infinitive
    ("zakaz gde? pishite na shop@citadel.ge", "заказ где? пишите на shop@citadel.ge"),  # an e-mail kept
    ("salam mikham sefareshamo cancel konam", "سلام میخوام سفارشمو کنسل کنم"),
    ("pulam key barmigarde?", "پولم کی برمیگرده؟"),
    ("salam sefareshe 58122 kojas??", "سلام سفارش 58122 کجاس؟؟"),
    ("ag baz nakarde bashe chi? plompesh salem", "اگه باز نکرده باشه چی؟ پلمپش سالم"),
    ("salam, Samsung A54 kharidam", "سلام, Samsung A54 خریدم"),  # a name with its capital kept
    ("salam boro", "سلام برو"),  # a word not listed, letter by letter without its short vowels
    ("где мой заказ?", "где мой заказ?"),  # its own script: as typed
])
def test_latin_letters_are_written_in_the_languages_script(text: str, written: str) -> None:
    assert in_own_script(text, "fa") == written
