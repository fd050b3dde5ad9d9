"""Length-preserving normalisation of Persian and Russian customer text.

Every function here maps one character to one character, so an offset into the
normalised text is an offset into what the customer typed: entities and tokens found
on the normalised text point at the original characters.
"""

from __future__ import annotations

import re
import unicodedata

# Characters that carry no meaning for matching: ZWNJ/ZWJ and friends, keshide,
# Arabic diacritics, bidi marks. They become ZWNJ in normalised text, and `fold`
# drops them, so "می‌خواهم", "میخواهم" and "مـیخواهم" compare equal.
IGNORABLE = "\u200c"
_IGNORABLE_SOURCES = (
    "\u200b\u200c\u200d\u200e\u200f\u2060\ufeff\u00ad\u0640"
    "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
    + "".join(chr(c) for c in range(0x064B, 0x0660))  # harakat, shadda, sukun...
    + "\u0670"  # superscript alef
)

_DIGITS: dict[int, str] = {0x06F0 + d: str(d) for d in range(10)}  # Persian
_DIGITS.update({0x0660 + d: str(d) for d in range(10)})  # Arabic-Indic

_TABLE: dict[int, str] = {
    **_DIGITS,
    ord("ي"): "ی",
    ord("ى"): "ی",
    ord("ې"): "ی",
    ord("ك"): "ک",
    ord("ڪ"): "ک",
    ord("ة"): "ه",
    ord("ۀ"): "ه",
    ord("ە"): "ه",
    ord("أ"): "ا",
    ord("إ"): "ا",
    ord("ٱ"): "ا",
    ord("ؤ"): "و",
    ord("ё"): "е",
    ord("Ё"): "Е",
    ord("٫"): ".",  # Arabic decimal separator
    ord("٬"): ",",  # Arabic thousands separator
}
_TABLE.update({ord(c): IGNORABLE for c in _IGNORABLE_SOURCES})


def _normalize_char(char: str) -> str:
    """One character in, one character out; whitespace of any kind becomes a space."""
    mapped = _TABLE.get(ord(char))
    if mapped is not None:
        return mapped
    if char.isspace():
        return " "
    if unicodedata.category(char) == "Cc":
        return " "
    return char


# Cyrillic and Latin letters that look alike: a word typed half on each keyboard ("тipax", "пoлучил") is read in the
# script most of its letters are in (a tie goes to Latin: "сt-2002" is a code); order numbers typed in Cyrillic
# ("СТ-2002") are read with LOOKALIKES too
_CYRILLIC_LOOKALIKES = "АВЕКМНОРСТХавекмнорстху"
_LATIN_LOOKALIKES = "ABEKMHOPCTXabekmhopctxy"
LOOKALIKES = str.maketrans(_CYRILLIC_LOOKALIKES, _LATIN_LOOKALIKES)
_TO_CYRILLIC = str.maketrans(_LATIN_LOOKALIKES, _CYRILLIC_LOOKALIKES)
_MIXED_WORD = re.compile(r"(?=[^\W\d_]*[а-яА-Я])(?=[^\W\d_]*[a-zA-Z])[^\W\d_]+")


def _one_script(word: re.Match[str]) -> str:
    """A word of Cyrillic and Latin letters in the script most of them are in, look-alike for look-alike."""
    letters = word.group()
    cyrillic = sum("а" <= char.lower() <= "я" for char in letters)
    return letters.translate(_TO_CYRILLIC if cyrillic > len(letters) - cyrillic else LOOKALIKES)


def normalize(text: str) -> str:
    """Return `text` with letters, digits and invisible marks unified, same length."""
    normalized = "".join(_normalize_char(char) for char in text)
    return normalized if normalized.isascii() else _MIXED_WORD.sub(_one_script, normalized)


def fold(text: str) -> str:
    """Comparable form of a normalised span: no ignorable marks, lower case."""
    return text.replace(IGNORABLE, "").lower()


def to_ascii_digits(text: str) -> str:
    """Only the digit part of `normalize`, for look-ups of numbers typed any way."""
    return text.translate(_DIGITS)
