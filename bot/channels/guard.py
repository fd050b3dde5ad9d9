"""What a customer channel lets through to Rasa, shared by the website and Telegram.

Customers' text is text: Rasa would read `/intent{"slot": "x"}` as an intent with
entities, so only a bare `/name` (what our own buttons send) passes as a command, and
anything else starting with `/` is made plain text. Empty and over-long messages become
the channel's own intents so that the reply comes from the domain like every other.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any, Mapping, Optional

from bot.nlu.language import LANGUAGES, Language, detect_language
from bot.settings import MAX_MESSAGE_LENGTH

# A word joiner in front of "/" keeps Rasa's slash parser away; the normaliser ignores it.
SLASH_ESCAPE = "\u2060"
_BUTTON_PAYLOAD = re.compile(r"/[a-z_]{2,40}")
UNAVAILABLE = {
    "fa": "متأسفیم، دستیار الان در دسترس نیست. لطفاً چند لحظه‌ی دیگر دوباره تلاش کنید.",
    "ru": "Извините, помощник сейчас недоступен. Пожалуйста, попробуйте ещё раз через минуту.",
}
# When the assistant answered nothing (a part behind it failed): the customer is never left in silence.
SILENT = {
    "fa": "متأسفیم، بخشی از سیستم ما الان پاسخ نمی‌دهد. لطفاً چند لحظه‌ی دیگر دوباره بنویسید یا با پشتیبانی صحبت کنید.",
    "ru": "Извините, часть нашей системы сейчас не отвечает. Напишите, пожалуйста, ещё раз через минуту или обратитесь к оператору.",
}
HUMAN_BUTTON = {"fa": "صحبت با پشتیبان", "ru": "Связаться с оператором"}


def silent_reply(language: Language) -> dict[str, Any]:
    """The message sent in place of none: what happened, what to do, and the way to a person."""
    return {"text": SILENT[language], "buttons": [{"title": HUMAN_BUTTON[language], "payload": "/human_handoff"}]}


@dataclass(frozen=True)
class Screened:
    """The text to hand to Rasa and the metadata to send with it."""

    text: str
    metadata: dict[str, Any] = field(default_factory=dict)


def screen_text(text: str) -> Screened:
    """Turns what a customer typed into what Rasa may see."""
    stripped = text.strip()
    if not stripped:
        return Screened("/empty_message")
    if len(text) > MAX_MESSAGE_LENGTH:
        language = detect_language(text)
        return Screened("/message_too_long", {"language": language} if language else {})
    if stripped.startswith("/") and not _BUTTON_PAYLOAD.fullmatch(stripped):
        return Screened(SLASH_ESCAPE + stripped)
    return Screened(text)


def language_hint(value: Any) -> Optional[Language]:
    """A channel's language hint ("fa", "ru-RU", "fa_IR"), if it is one of ours."""
    if not isinstance(value, str):
        return None
    code = value.strip().lower()[:2]
    return code if code in LANGUAGES else None  # type: ignore[return-value]


def bilingual(texts: Mapping[str, str], **values: str) -> dict[str, str]:
    """An error text in both languages, for callers that cannot know the customer's."""
    return {language: texts[language].format(**values) for language in LANGUAGES}
