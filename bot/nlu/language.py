"""Which of our two languages a message is written in, by its letters."""

from __future__ import annotations

from typing import Literal, Optional

Language = Literal["fa", "ru"]
LANGUAGES: tuple[Language, ...] = ("fa", "ru")


def _is_arabic_script(char: str) -> bool:
    """Persian letters live in the Arabic blocks (and their presentation forms)."""
    code = ord(char)
    return (
        0x0600 <= code <= 0x06FF
        or 0x0750 <= code <= 0x077F
        or 0xFB50 <= code <= 0xFDFF
        or 0xFE70 <= code <= 0xFEFF
    ) and char.isalpha()


def _is_cyrillic(char: str) -> bool:
    """Russian letters, including ё and the rest of the Cyrillic block."""
    return 0x0400 <= ord(char) <= 0x04FF and char.isalpha()


def detect_language(text: str) -> Optional[Language]:
    """Persian or Russian by majority of letters; None when neither script is present."""
    persian = sum(1 for char in text if _is_arabic_script(char))
    russian = sum(1 for char in text if _is_cyrillic(char))
    if persian == 0 and russian == 0:
        return None
    return "fa" if persian >= russian else "ru"
