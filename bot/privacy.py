"""Phones stay out of logs: one masking rule for our log lines and every library's.

Customers type their phone to prove an order is theirs; whatever path a message takes
into a log line (our own, Rasa's, SQLAlchemy's error with its statement parameters, a
traceback), the record is masked when it is formatted: every Iranian or Georgian mobile
number, in any digits and spacing, keeps only its last four digits.
"""

from __future__ import annotations

import logging
import re
import string
from typing import Any, Optional

from bot.nlu.normalize import to_ascii_digits

LAST_DIGITS = 4

_SEP = r"[\s\-.()]?"
# Iranian mobiles (09xx xxx xxxx, +98 9xx..., 9xxxxxxxxx) and Georgian ones (5xx xxx xxx, +995 5xx...),
# not inside a longer run of digits; matched on the text with its digits made ASCII.
_PHONE = re.compile(
    rf"(?<![\d])(?:(?:\+|00)?98{_SEP}|0)?9\d{{2}}(?:{_SEP}\d){{7}}(?![\d])"
    rf"|(?<![\d])(?:(?:\+|00)?995{_SEP})?5\d{{2}}(?:{_SEP}\d){{6}}(?![\d])"
)
# JSON and repr() write non-ASCII digits as \u06f1 / \u0661 escapes; read them as digits first.
_ESCAPED_DIGIT = re.compile(r"\\u06([fF6])([0-9])")


def phone_digits(phone: str) -> str:
    """The ASCII digits of a phone typed any way (Persian and Arabic-Indic digits too)."""
    return "".join(char for char in to_ascii_digits(phone) if char in string.digits)


def mask_phone(phone: str) -> str:
    """A phone fit for logs: every digit but the last four hidden ("*******4567")."""
    digits = phone_digits(phone)
    if len(digits) <= LAST_DIGITS:
        return "*" * len(digits)
    return "*" * (len(digits) - LAST_DIGITS) + digits[-LAST_DIGITS:]


def _unescape_digit(match: re.Match[str]) -> str:
    """One escaped Persian or Arabic-Indic digit as the character itself."""
    base = 0x06F0 if match.group(1) in "fF" else 0x0660
    return chr(base + int(match.group(2)))


def mask_phones(text: str) -> str:
    """The text with every mobile number in it masked."""
    if "\\u06" in text:
        text = _ESCAPED_DIGIT.sub(_unescape_digit, text)
    pieces: list[str] = []
    end = 0
    for match in _PHONE.finditer(to_ascii_digits(text)):  # one character for one: spans stay valid
        pieces += [text[end:match.start()], mask_phone(match.group(0))]
        end = match.end()
    return "".join(pieces) + text[end:] if pieces else text


class _MaskedText:
    """A log record's text attribute that is masked when it is set (the formatter caches tracebacks in it)."""

    def __set_name__(self, owner: type, name: str) -> None:
        """Where the value lives in the record."""
        self.key = f"_masked_{name}"

    def __get__(self, record: Any, owner: Optional[type] = None) -> Any:
        """The masked text (the descriptor itself on the class)."""
        return self if record is None else record.__dict__.get(self.key)

    def __set__(self, record: Any, value: Optional[str]) -> None:
        """Keeps the text masked."""
        record.__dict__[self.key] = mask_phones(value) if value else value


class MaskedLogRecord(logging.LogRecord):
    """A log record whose message, traceback and stack text come out masked."""

    exc_text = _MaskedText()
    stack_info = _MaskedText()

    def getMessage(self) -> str:
        """The formatted message, masked."""
        return mask_phones(super().getMessage())


def _masked_record(*args: Any, **kwargs: Any) -> logging.LogRecord:
    """The record factory every logger of the process uses once masking is installed."""
    return MaskedLogRecord(*args, **kwargs)


def install_log_masking() -> None:
    """Makes every log record of this process mask phones (idempotent)."""
    logging.setLogRecordFactory(_masked_record)
