"""Several questions in one message: each goes to Rasa in turn, and the customer gets one reply with every answer.

The parts are handed over one after the other as messages of the same conversation (the
tracker then holds each question with its own intent, and a later part leans on the facts
of an earlier one as any follow-up does); their metadata says which question of how many
each is, and the first carries the message as typed (the widget's history shows it whole).
An answer that ends by asking for something (the order number) is said once, last: the rules
are answered at once, the order asked for the rest — also when a later part, answered after
the form stood aside, did not ask it again. A question a later part answers ("… شماره‌ام به
۳۳۰۴ ختم میشه" after the order's question) is not said at all.
"""

from __future__ import annotations

from typing import Any, Awaitable, Callable, Optional

from rasa.core.channels.channel import CollectingOutputChannel, UserMessage

from bot.answers import without_yes
from bot.channels.guard import SLASH_ESCAPE
from bot.channels.turns import turns
from bot.conversation import store_for
from bot.nlu.entities import extract_entities
from bot.nlu.questions import split_questions
from bot.nlu.translit import in_own_script
from bot.settings import default_store


def questions_of(text: str) -> list[str]:
    """The questions a customer's text asks; a button's payload or a channel intent is one thing."""
    if text.startswith(("/", SLASH_ESCAPE)):
        return [text]
    return split_questions(text)


def said_once(messages: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The replies without a text that a later one repeats: a form's question asked again after an aside, the offer
    to check one's own order after each rule, a rule a later answer says again, are said once, where the last one was
    (with its buttons); a rule an earlier answer said already, with another, is not said again, nor are the lines of
    rules ("A\nC" after "A\nB\nC") an earlier answer said, with or without its opening "yes"."""
    kept: list[dict[str, Any]] = []
    for index, message in enumerate(messages):
        text = message.get("text")
        if text and any(_repeats(later.get("text") or "", text) for later in messages[index + 1:]):
            continue
        if text and not message.get("buttons"):
            said = {without_yes(line) for earlier in kept for line in (earlier.get("text") or "").split("\n")}
            new = [line for line in text.split("\n") if len(line) < REPEATED_LENGTH or without_yes(line) not in said]
            if not new or any(_repeats(earlier.get("text") or "", text) for earlier in kept):
                continue  # a rule the answer to an earlier question said already, with another
            if len(new) < len(text.split("\n")):
                message = {**message, "text": "\n".join(new)}
        kept.append(message)
    return kept


REPEATED_LENGTH = 30  # a shorter text ("بله.") may be part of a later one without being said twice


def _repeats(later: str, text: str) -> bool:
    """A later reply says the text again: the same, or a rule that a later answer of two rules says with another."""
    return later == text or len(text) >= REPEATED_LENGTH and text in later


class _Collector(CollectingOutputChannel):
    """Collects the replies and remembers which ask the customer for something (a form's `utter_ask_…`)."""

    def __init__(self) -> None:
        super().__init__()
        self.part = 0  # the number of the part being answered
        self.asks: list[tuple[dict[str, Any], str, int]] = []  # each ask with the slot it asks and its part

    async def send_response(self, recipient_id: str, message: dict[str, Any]) -> None:
        """Rasa passes each reply with its response's name (`utter_action`), which the client never sees."""
        response = str(message.get("utter_action") or "")
        before = len(self.messages)
        await super().send_response(recipient_id, message)
        if response.startswith("utter_ask_"):
            self.asks.extend((ask, response.removeprefix("utter_ask_"), self.part) for ask in self.messages[before:])

    def pending(self, parts: list[str]) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
        """The replies without the asks a later part answered (it tells the slot asked), and the asks still waiting."""
        answered = [ask for ask, slot, number in self.asks
                    if any(extract_entities(later, only=frozenset({slot})) for later in parts[number:])]
        replies = [message for message in self.messages if not any(message is ask for ask in answered)]
        return replies, [ask for ask, _, _ in self.asks if not any(ask is done for done in answered)]


def asked_last(messages: list[dict[str, Any]], asks: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The replies with the last question asked of the customer moved to the end, where the next message answers it."""
    waiting = next((message for message in reversed(messages) if any(message is ask for ask in asks)), None)
    if waiting is None:
        return messages
    return [message for message in messages if message is not waiting] + [waiting]


def _store_language(metadata: Any) -> str:
    """The language of the store a message was sent to, for a message in Latin letters that shows neither."""
    return store_for(metadata if isinstance(metadata, dict) else {}, None, default_store()).language


def as_typed(metadata: Any, text: str) -> str:
    """A customer's message as typed: one written in Latin letters was read in its language's own script."""
    typed = metadata.get("typed") if isinstance(metadata, dict) else None
    return typed if isinstance(typed, str) else text


def part_of(metadata: Any) -> Optional[tuple[int, str]]:
    """Which question of a several-question message a stored user message was, with the message as typed (the
    whole text comes with the first question only)."""
    if not isinstance(metadata, dict) or not isinstance(metadata.get("question"), int):
        return None
    return metadata["question"], str(metadata.get("message") or "")


async def answer_each(on_new_message: Callable[[UserMessage], Awaitable[Any]],
                      message: UserMessage) -> list[dict[str, Any]]:
    """Hands every question of the message to Rasa in order and returns all the replies, each said once (also those
    of a message of one question: the rule, then the form's question asked by the answer and by the form), in the
    message's turn among the customers' messages (bot/channels/turns.py)."""
    typed = message.text or ""
    text = typed if typed.startswith(("/", SLASH_ESCAPE)) else in_own_script(typed, _store_language(message.metadata))
    parts = questions_of(text)
    collector = _Collector()
    async with turns().turn():  # the whole message in one turn: its questions are answered one after the other
        for number, part in enumerate(parts, 1):
            collector.part = number
            metadata = dict(message.metadata or {})
            if len(parts) > 1:
                metadata.update(question=number, questions=len(parts))
                if number == 1:
                    metadata["message"] = typed
            elif text != typed:
                metadata["typed"] = typed  # "zakaz gde?" read as "заказ где?": the history shows what was typed
            await on_new_message(UserMessage(part, collector, message.sender_id, input_channel=message.input_channel,
                                             metadata=metadata))
    if len(parts) == 1:  # a form's question asked by the answer and again by the form: once
        return said_once(collector.messages)
    replies, asks = collector.pending(parts)
    return asked_last(said_once(replies), asks)
