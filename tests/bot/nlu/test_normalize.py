import pytest

from bot.nlu.normalize import IGNORABLE, fold, normalize, to_ascii_digits


@pytest.mark.parametrize(
    "text, expected",
    [
        ("كيك", "کیک"),                                   # Arabic kaf/yeh -> Persian
        ("۰۱۲۳۴۵۶۷۸۹", "0123456789"),                      # Persian digits
        ("٠١٢٣٤٥٦٧٨٩", "0123456789"),                      # Arabic-Indic digits
        ("می\u200cخواهم", "می\u200cخواهم"),                # ZWNJ kept (length), folded later
        ("کتــاب", f"کت{IGNORABLE}{IGNORABLE}اب"),         # keshide is ignorable
        ("مُحَمَّد", f"م{IGNORABLE}ح{IGNORABLE}م{IGNORABLE}{IGNORABLE}د"),  # diacritics
        ("Ёлка ещё", "Елка еще"),                          # Cyrillic yo
        ("a\u00a0b\tc\nd", "a b c d"),                     # all whitespace is a space
        ("x\u200by\u200dz", f"x{IGNORABLE}y{IGNORABLE}z"),  # zero-width space / joiner
        ("۱٫۵", "1.5"),                                     # Arabic decimal separator
        ("😀 https://a.ir/x?q=1", "😀 https://a.ir/x?q=1"),  # emoji and URLs untouched
        ("тipax можно?", "tipax можно?"),                  # a word typed half on each keyboard: its main script
        ("я пoлучил", "я получил"), ("сt-2002", "ct-2002"),  # (a tie is Latin: a code)
        ("обычный текст, Tipax", "обычный текст, Tipax"),  # words of one script untouched
        ("", ""),
    ],
)
def test_normalize_maps_one_character_to_one(text: str, expected: str) -> None:
    assert normalize(text) == expected
    assert len(normalize(text)) == len(text)


@pytest.mark.parametrize(
    "variants",
    [
        ("می‌خواهم", "میخواهم", "مي‌خواهم", "مـیخواهم"),
        ("کیک", "كيك"),
        ("ёлка", "Елка", "ЕЛКА"),
    ],
)
def test_fold_makes_spelling_variants_equal(variants: tuple[str, ...]) -> None:
    assert len({fold(normalize(v)) for v in variants}) == 1


def test_to_ascii_digits_only_touches_digits() -> None:
    assert to_ascii_digits("سفارش ۵۸۱۲۰ و ٤٥") == "سفارش 58120 و 45"


def test_long_and_naughty_text_keeps_length() -> None:
    text = ("سلام 😀 " * 2000) + "\x00\x1f\u202e\ufeff" + "Ω≈ç√∫˜µ≤≥÷"
    assert len(normalize(text)) == len(text)
