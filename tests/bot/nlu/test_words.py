import pytest

from bot.nlu.words import split_words


def table(text: str) -> list[tuple[str, int, int, str]]:
    return [(w.text, w.start, w.end, w.key) for w in split_words(text)]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("سفارشم کجاست؟", [("سفارشم", 0, 6, "سفارشم"), ("کجاست", 7, 12, "کجاست")]),
        # the three ways of writing "I want" give one key
        ("می‌خواهم", [("می‌خواهم", 0, 8, "میخواهم")]),
        ("میخواهم", [("میخواهم", 0, 7, "میخواهم")]),
        ("می خواهم", [("می خواهم", 0, 8, "میخواهم")]),
        ("نمی خوام", [("نمی خوام", 0, 8, "نمیخوام")]),
        # Arabic letters and digits: text stays as typed, key is normalised
        ("سفارش ۵۸۱۲۰ كجاست", [("سفارش", 0, 5, "سفارش"), ("۵۸۱۲۰", 6, 11, "58120"), ("كجاست", 12, 17, "کجاست")]),
        ("کالا ها", [("کالا ها", 0, 7, "کالاها")]),
        # hazm would join these verb parts with "_" into a token not in the text
        ("گفته شده است", [("گفته", 0, 4, "گفته"), ("شده", 5, 8, "شده"), ("است", 9, 12, "است")]),
        ("Где мой заказ №12345?", [("Где", 0, 3, "где"), ("мой", 4, 7, "мой"), ("заказ", 8, 13, "заказ"), ("12345", 15, 20, "12345")]),
        ("Ещё раз", [("Ещё", 0, 3, "еще"), ("раз", 4, 7, "раз")]),
        ("заберу в 10:30", [("заберу", 0, 6, "заберу"), ("в", 7, 8, "в"), ("10:30", 9, 14, "10:30")]),
        ("سلام 😀", [("سلام", 0, 4, "سلام")]),
        # English shop words in a Persian or Russian message are read as the language's own word
        ("سفارشمو cancel کنم", [("سفارشمو", 0, 7, "سفارشمو"), ("cancel", 8, 14, "کنسل"), ("کنم", 15, 18, "کنم")]),
        ("хочу Cancel заказ", [("хочу", 0, 4, "хочу"), ("Cancel", 5, 11, "отменить"), ("заказ", 12, 17, "заказ")]),
        ("😀😀", [("😀😀", 0, 2, "😀😀")]),            # emoji only: one token, never none
        ("  ", []),
        ("", []),
    ],
)
def test_split_words(text: str, expected: list[tuple[str, int, int, str]]) -> None:
    assert table(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "سلام https://tisa.ir/p?id=12&x=%D8 ok",
        "заказ 58120 и سفارش ۵۸۱۲۰ mixed",
        "\u202eسلام\u202c \x00 \ufeff",
        "/greet{\"order_id\": \"1\"}",
        "ﺳﻼﻡ",                         # presentation forms
        "Ω≈ç√ 田中さん 👨‍👩‍👧‍👦 ¯\\_(ツ)_/¯",
        "سلام " * 2000,                  # 10,000 characters
    ],
)
def test_offsets_always_point_into_the_original_text(text: str) -> None:
    words = split_words(text)
    assert words
    for word in words:
        assert text[word.start : word.end] == word.text
        assert word.key
    assert [w.start for w in words] == sorted(w.start for w in words)


@pytest.mark.parametrize(
    "text, expected",
    [
        ("заказ CT-10482, телефон 599 11 22 33", [("заказ", "заказ"), ("CT-10482", "__order_id__"), ("телефон", "телефон"), ("599 11 22 33", "__phone__")]),
        ("سفارش ۵۸۱۲۰ ساعت ۱۰ صبح", [("سفارش", "سفارش"), ("۵۸۱۲۰", "__order_id__"), ("ساعت ۱۰ صبح", "__time__")]),
        ("۳ میلیون تومان به تهران", [("۳ میلیون تومان", "__amount__"), ("به", "به"), ("تهران", "__city__")]),
        ("سلام", [("سلام", "سلام")]),
    ],
)
def test_masked_entities_become_one_word_of_their_type(text: str, expected: list[tuple[str, str]]) -> None:
    words = split_words(text, mask_entities=True)
    assert [(w.text, w.key) for w in words] == expected
    assert all(text[w.start : w.end] == w.text for w in words)


@pytest.mark.parametrize(
    "text, keys",
    [
        ("سلام وقت بخیر، مایکروفری که سفارش دادم کجاست؟", ["مایکروفری", "که", "سفارش", "دادم", "کجاست"]),
        ("здравствуйте, а можно выбрать время доставки?", ["а", "можно", "выбрать", "время", "доставки"]),
        ("سلام وقت بخیر", ["سلام", "وقت", "بخیر"]),              # a greeting alone stays a greeting
        ("привет как дела", ["привет", "как", "дела"]),
        ("وقت دارم تست کنم؟", ["وقت", "دارم", "تست", "کنم"]),     # "time", not "good day"
    ],
)
def test_an_opening_greeting_is_not_what_is_asked(text: str, keys: list[str]) -> None:
    assert [word.key for word in split_words(text, mask_entities=True)] == keys
