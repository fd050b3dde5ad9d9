"""The Telegram channel: one bot per store, webhooks checked, private chats answered.

Replaces Rasa's stock `TelegramInput`, which registers its webhook at start-up (and fails
without network), leaves aiogram's session on a closed loop ("Event loop is closed" on every
update), calls `getMe` on every update, checks no secret and crashes on group messages.

Start-up makes no network call. Settings come from the environment (see
`bot.channels.telegram_api`: `TELEGRAM_BOTS`, `TELEGRAM_SECRET_TOKEN`, `TELEGRAM_API_BASE`);
webhooks are registered only by `python -m bot.telegram set-webhook`.

Webhook: `POST /webhooks/telegram/webhook/<store>`.
- a missing or wrong `X-Telegram-Bot-Api-Secret-Token` header: 403 (checked first, so the
  answers reveal nothing about which stores have bots); a store without a configured bot:
  404; a body over 256 KB: 413; a body that is not a JSON object (or nested too deeply to
  parse): 400; anything else: 200, also for updates
  we ignore and when the assistant fails (the customer gets an apology instead), so
  Telegram never re-sends an update forever. A re-sent `update_id` is handled once.
- Private chats only. Text goes through `guard.screen_text` like the website's, so a typed
  `/intent{...}` is plain text; `/start` and `/help` become `/greet` with Telegram's
  `language_code` as the language hint (used where the text gives none). Callback data from
  inline buttons is screened the same way (a forged callback cannot inject entities), and
  every callback query is answered so the button stops spinning. A chat sending more than
  `MESSAGE_RATE` allows is told once a minute to wait, and the flood is not forwarded. A
  message asking several things is answered question by question (see `parts`), its
  replies sent in order.
- Groups and supergroups get no answers, except one polite "write to me privately" when the
  bot is added, addressed (`/start`, `/help`, `@botname`) or replied to, at most once an hour
  per group; channel posts are
  ignored; an edited message gets "please send it as a new message"; photos, stickers and
  other non-text messages get "I read text only". These notices are written in the language
  of the text, else of `language_code`, else of the store.
- Conversations are keyed `tg-<store>-<chat id>`; metadata always carries the store.
- Phone: a bot message whose `custom` JSON holds `{"request_phone": true}` (from a domain
  response's `custom:` or an action's `json_message`) shows a reply keyboard with a
  "send my number" button (`request_contact`). A shared contact whose `user_id` is the
  sender's own goes to Rasa as the phone digits with metadata `contact_phone: "+<digits>"`
  (and the keyboard is removed); somebody else's contact is refused politely, with the
  button again. Rasa is not involved in the refusal.

Outgoing messages are plain text (no parse mode, nothing to escape); buttons become an inline
keyboard, one button a row, `callback_data` = the payload (payloads over Telegram's 64 bytes
are left out and logged); texts over 4096 characters are split. Failed sends are logged
(never with the token) and do not stop the conversation.
"""

from __future__ import annotations

import asyncio
import hmac
import logging
import re
from collections import OrderedDict
from dataclasses import dataclass, field
from typing import Any, Awaitable, Callable, Literal, Mapping, Optional, Text

from rasa.core.channels.channel import InputChannel, OutputChannel, UserMessage
from sanic import Blueprint, response
from sanic.request import Request
from sanic.response import HTTPResponse

from bot.channels.gate import MESSAGE_RATE, REFUSALS, RateLimiter, Refused, json_object, read_body, text_problem
from bot.channels.guard import UNAVAILABLE, language_hint, screen_text, silent_reply
from bot.channels.parts import answer_each
from bot.console.service import held_by_person
from bot.channels.telegram_api import (
    SECRET_HEADER,
    BotApi,
    TelegramError,
    TelegramSettings,
    load_settings,
)
from bot.nlu.language import Language, detect_language
from bot.settings import ConfigError, rate_limit
from bot.stores.policy import policies

logger = logging.getLogger(__name__)

MAX_TEXT = 4096  # Telegram's limit for one message
MAX_CALLBACK_DATA = 64  # bytes
GREETING_COMMANDS = ("start", "help")
GREET = "/greet"
SEEN_UPDATES = 1000  # per store: how many update ids we remember to skip re-sent updates
MAX_UPDATE = 256 * 1024  # bytes: a text message with a quoted one is a few KB
GROUP_NOTICE_PERIOD = 3600.0  # seconds: one "write to me privately" per group in this time
FLOOD_NOTICE_PERIOD = 60.0  # seconds: one "too many messages, wait" per chat in this time

PRIVATE_ONLY = {
    "fa": "من فقط در گفتگوی خصوصی پاسخ می‌دهم. لطفاً به {bot} پیام خصوصی بدهید.",
    "ru": "Я отвечаю только в личных сообщениях. Пожалуйста, напишите {bot} в личный чат.",
}
EDITED = {
    "fa": "پیام ویرایش‌شده را نمی‌توانم بخوانم. لطفاً متن اصلاح‌شده را در یک پیام تازه بفرستید.",
    "ru": "Я не вижу изменённых сообщений. Пожалуйста, отправьте исправленный текст новым сообщением.",
}
UNSUPPORTED = {
    "fa": "فعلاً فقط پیام متنی را می‌فهمم. لطفاً سؤالتان را بنویسید.",
    "ru": "Пока я понимаю только текстовые сообщения. Пожалуйста, напишите ваш вопрос текстом.",
}
FOREIGN_CONTACT = {
    "fa": "برای حفظ حریم خصوصی فقط شماره‌ی خودتان را می‌پذیرم. لطفاً با دکمه‌ی «{button}» شماره‌ی خودتان را بفرستید.",
    "ru": "Из соображений конфиденциальности я принимаю только ваш собственный номер. "
          "Пожалуйста, отправьте его кнопкой «{button}».",
}
PHONE_BUTTON = {"fa": "📱 ارسال شماره‌ی من", "ru": "📱 Отправить мой номер"}
PHONE_PROMPT = {
    "fa": "برای ارسال شماره‌ی موبایلتان دکمه‌ی «{button}» را بزنید.",
    "ru": "Чтобы отправить свой номер телефона, нажмите кнопку «{button}».",
}
CHOOSE = {"fa": "یکی از گزینه‌ها را انتخاب کنید:", "ru": "Выберите вариант:"}
NOTICES: dict[str, Mapping[str, str]] = {
    "private_only": PRIVATE_ONLY,
    "edited": EDITED,
    "unsupported": UNSUPPORTED,
    "foreign_contact": FOREIGN_CONTACT,
    "unavailable": UNAVAILABLE,
    "rate_limited": REFUSALS["rate_limited"],
}

_COMMAND = re.compile(r"/([A-Za-z0-9_]{1,32})(?:@([A-Za-z0-9_]{1,64}))?(?:\s|$)")
_SENDER = re.compile(r"tg-([a-z0-9_]+)-(-?[0-9]{1,20})")


# ---------------------------------------------------------------- reading updates (pure)


@dataclass(frozen=True)
class Incoming:
    """What one update asks of the channel."""

    action: Literal["forward", "notice", "group", "ignore"]
    reason: str
    chat_id: Optional[int] = None
    text: str = ""
    metadata: Mapping[str, Any] = field(default_factory=dict)
    notice: Optional[str] = None  # a key of NOTICES
    language: Optional[Language] = None  # the notice's language
    callback_query_id: Optional[str] = None
    own_contact: bool = False  # the customer just shared their number: remove the keyboard
    addressed: bool = False  # a group message that is a bare command or a reply to the bot


def _dict(value: Any) -> dict[str, Any]:
    """The value if it is a JSON object, else an empty one: updates are read defensively."""
    return value if isinstance(value, dict) else {}


def _int(value: Any) -> Optional[int]:
    """The value if it is an integer (not a bool)."""
    return value if isinstance(value, int) and not isinstance(value, bool) else None


def _str(value: Any) -> Optional[str]:
    """The value if it is a string."""
    return value if isinstance(value, str) else None


def sender_id(store: str, chat_id: int) -> str:
    """The conversation id of a Telegram chat with a store's bot."""
    return f"tg-{store}-{chat_id}"


def parse_sender(sender: str) -> Optional[tuple[str, int]]:
    """Store and chat id back from a conversation id, if it is one of ours."""
    match = _SENDER.fullmatch(sender or "")
    return (match.group(1), int(match.group(2))) if match else None


def command_of(text: str) -> Optional[tuple[str, Optional[str]]]:
    """The command and the bot it names in `/start`, `/start@shop_bot payload`, else None."""
    match = _COMMAND.match(text.strip() + " ") if text.strip().startswith("/") else None
    return (match.group(1).lower(), match.group(2)) if match else None


def mentions(text: str, username: Optional[str]) -> bool:
    """Whether a group message names the bot (`@shop_bot`, `/start@shop_bot`)."""
    if not username:
        return False
    return re.search(rf"@{re.escape(username)}(?![A-Za-z0-9_])", text, re.IGNORECASE) is not None


def notice_language(text: str, language_code: Any, store: str) -> Language:
    """The language of a notice: of the text, else of the user's Telegram, else of the store."""
    return detect_language(text) or language_hint(language_code) or policies()[store].language


def read_update(update: Mapping[str, Any], store: str, bot_user_id: int) -> Incoming:
    """What to do with one Telegram update; never raises on odd input."""
    callback = _dict(update.get("callback_query"))
    if callback:
        return _read_callback(callback, store)
    for kind in ("edited_message", "edited_channel_post"):
        edited = _dict(update.get(kind))
        if edited:
            chat = _dict(edited.get("chat"))
            chat_id = _int(chat.get("id"))
            if kind == "edited_message" and chat.get("type") == "private" and chat_id is not None:
                text = _str(edited.get("text")) or _str(edited.get("caption")) or ""
                code = _dict(edited.get("from")).get("language_code")
                return Incoming("notice", "edited message", chat_id, notice="edited",
                                language=notice_language(text, code, store))
            return Incoming("ignore", f"{kind} outside a private chat")
    if update.get("channel_post") is not None:
        return Incoming("ignore", "channel post")
    message = _dict(update.get("message"))
    if not message:
        kinds = sorted(key for key in update if key != "update_id")
        return Incoming("ignore", f"no message in the update ({', '.join(kinds) or 'empty'})")
    return _read_message(message, store, bot_user_id)


def _read_callback(callback: Mapping[str, Any], store: str) -> Incoming:
    """A pressed inline button: its data is screened like typed text."""
    query_id = _str(callback.get("id"))
    chat = _dict(_dict(callback.get("message")).get("chat"))
    chat_id = _int(chat.get("id"))
    data = _str(callback.get("data"))
    if chat.get("type") != "private" or chat_id is None:
        return Incoming("ignore", "callback outside a private chat", callback_query_id=query_id)
    if data is None or text_problem(data):
        return Incoming("ignore", "callback without usable data", callback_query_id=query_id)
    screened = screen_text(data)
    return Incoming("forward", "button", chat_id, screened.text, {"store": store, **screened.metadata},
                    callback_query_id=query_id)


def _read_message(message: Mapping[str, Any], store: str, bot_user_id: int) -> Incoming:
    """A new message in a private chat, a group or elsewhere."""
    chat = _dict(message.get("chat"))
    chat_id = _int(chat.get("id"))
    user = _dict(message.get("from"))
    if chat_id is None:
        return Incoming("ignore", "message without a chat id")
    if user.get("is_bot") is True:
        return Incoming("ignore", "message from a bot")
    text = _str(message.get("text"))
    code = user.get("language_code")
    chat_type = chat.get("type")
    if chat_type in ("group", "supergroup"):
        joined = message.get("new_chat_members")
        if isinstance(joined, list) and any(_int(_dict(member).get("id")) == bot_user_id for member in joined):
            return Incoming("notice", "added to a group", chat_id, notice="private_only",
                            language=notice_language("", code, store))
        written = text or _str(message.get("caption"))
        if not written:
            return Incoming("ignore", "group message without text")
        command = command_of(written)
        bare_command = command is not None and command[0] in GREETING_COMMANDS and command[1] is None
        replied_to_bot = _int(_dict(_dict(message.get("reply_to_message")).get("from")).get("id")) == bot_user_id
        return Incoming("group", "group message", chat_id, written, language=notice_language(written, code, store),
                        addressed=bare_command or replied_to_bot)
    if chat_type != "private":
        return Incoming("ignore", f"message in a chat of type {chat_type!r}")
    contact = _dict(message.get("contact"))
    if contact:
        return _read_contact(contact, chat_id, _int(user.get("id")), code, store)
    if text is None or text_problem(text):
        return Incoming("notice", "not a (valid) text message", chat_id, notice="unsupported",
                        language=notice_language(_str(message.get("caption")) or "", code, store))
    command = command_of(text)
    if command is not None and command[0] in GREETING_COMMANDS:
        hint = language_hint(code)
        return Incoming("forward", f"/{command[0]}", chat_id, GREET, {"store": store, **({"language": hint} if hint else {})})
    screened = screen_text(text)
    return Incoming("forward", "text", chat_id, screened.text, {"store": store, **screened.metadata})


def _read_contact(contact: Mapping[str, Any], chat_id: int, user_id: Optional[int], code: Any, store: str) -> Incoming:
    """A shared contact: the customer's own phone goes to Rasa, anybody else's is refused."""
    digits = re.sub(r"[^0-9]", "", _str(contact.get("phone_number")) or "")
    own = user_id is not None and _int(contact.get("user_id")) == user_id
    if own and 7 <= len(digits) <= 15:
        return Incoming("forward", "own contact", chat_id, digits, {"store": store, "contact_phone": f"+{digits}"},
                        own_contact=True)
    return Incoming("notice", "somebody else's contact", chat_id, notice="foreign_contact",
                    language=notice_language("", code, store))


# ---------------------------------------------------------------- writing messages (pure)


def inline_keyboard(buttons: Any) -> Optional[dict[str, Any]]:
    """Rasa buttons as an inline keyboard, one a row; None when no button fits."""
    rows = []
    for button in buttons if isinstance(buttons, list) else []:
        if not isinstance(button, dict) or not isinstance(button.get("title"), str) or not button["title"].strip():
            continue
        title = button["title"].strip()
        url = button.get("url")
        payload = button.get("payload")
        if isinstance(url, str) and url.startswith(("https://", "http://")):
            rows.append([{"text": title, "url": url}])
        elif isinstance(payload, str) and payload and len(payload.encode("utf-8")) <= MAX_CALLBACK_DATA:
            rows.append([{"text": title, "callback_data": payload}])
        else:
            logger.warning("Left out a button whose payload Telegram cannot carry: %r", title)
    return {"inline_keyboard": rows} if rows else None


def contact_keyboard(language: Language) -> dict[str, Any]:
    """A one-time reply keyboard with the "send my number" button."""
    return {
        "keyboard": [[{"text": PHONE_BUTTON[language], "request_contact": True}]],
        "resize_keyboard": True,
        "one_time_keyboard": True,
    }


def split_text(text: str, limit: int = MAX_TEXT) -> list[str]:
    """A text in pieces Telegram accepts, cut at paragraph, line or word ends when possible."""
    pieces = []
    rest = text.strip()
    while len(rest) > limit:
        window = rest[:limit]
        cut = max(window.rfind("\n\n"), window.rfind("\n"), window.rfind(" "))
        cut = cut if cut > limit // 2 else limit
        pieces.append(rest[:cut].rstrip())
        rest = rest[cut:].lstrip()
    if rest:
        pieces.append(rest)
    return pieces


def outgoing(message: Mapping[str, Any], language: Language) -> list[tuple[str, dict[str, Any]]]:
    """The Bot API calls (method, parameters without chat_id) that show one bot message."""
    text = message.get("text") if isinstance(message.get("text"), str) else ""
    buttons = message.get("buttons") or message.get("quick_replies")
    keyboard = inline_keyboard(buttons)
    custom = message.get("custom")
    request_phone = isinstance(custom, dict) and custom.get("request_phone") is True
    phone_prompt = PHONE_PROMPT[language].format(button=PHONE_BUTTON[language])
    calls: list[tuple[str, dict[str, Any]]] = []
    pieces = split_text(text)
    if not pieces and keyboard:
        pieces = [CHOOSE[language]]
    if not pieces and request_phone:
        pieces = [phone_prompt]
    for number, piece in enumerate(pieces, start=1):
        params: dict[str, Any] = {"text": piece}
        if number == len(pieces):
            if keyboard:
                params["reply_markup"] = keyboard
            elif request_phone:
                params["reply_markup"] = contact_keyboard(language)
        calls.append(("sendMessage", params))
    if request_phone and keyboard:  # one message cannot carry both keyboards
        calls.append(("sendMessage", {"text": phone_prompt, "reply_markup": contact_keyboard(language)}))
    image = message.get("image")
    if isinstance(image, str) and image.startswith(("https://", "http://")):
        calls.append(("sendPhoto", {"photo": image}))
    return calls


# ---------------------------------------------------------------- the channel


class TelegramOutput(OutputChannel):
    """Sends the assistant's messages to the chat named by the conversation id."""

    def __init__(self, bots: Mapping[str, BotApi], language: Optional[Language] = None,
                 remove_keyboard: bool = False) -> None:
        """Bots by store; the language for our own labels when a text shows none."""
        self._bots = bots
        self._language = language
        self._remove_keyboard = remove_keyboard
        self.sent = 0  # messages handed to Telegram: none after a turn means the customer heard nothing

    @classmethod
    def name(cls) -> Text:
        """The channel name responses may be specialised for (`channel: telegram`)."""
        return "telegram"

    async def send_response(self, recipient_id: Text, message: dict[str, Any]) -> None:
        """Text, buttons, a phone request and an image, as Telegram shows them."""
        target = parse_sender(recipient_id)
        bot = self._bots.get(target[0]) if target else None
        if target is None or bot is None:
            logger.warning("No Telegram bot for conversation %r; message dropped", recipient_id)
            return
        store, chat_id = target
        text = message.get("text") if isinstance(message.get("text"), str) else ""
        language = detect_language(text) or self._language or policies()[store].language
        for method, params in outgoing(message, language):
            if self._remove_keyboard and method == "sendMessage" and "reply_markup" not in params:
                params["reply_markup"] = {"remove_keyboard": True}
                self._remove_keyboard = False
            await send(bot, method, chat_id=chat_id, **params)
            self.sent += 1

    async def send_text_message(self, recipient_id: Text, text: Text, **kwargs: Any) -> None:
        """A plain text."""
        await self.send_response(recipient_id, {"text": text})

    async def send_text_with_buttons(self, recipient_id: Text, text: Text, buttons: list[dict[str, Any]],
                                     **kwargs: Any) -> None:
        """A text with an inline keyboard."""
        await self.send_response(recipient_id, {"text": text, "buttons": buttons})

    async def send_image_url(self, recipient_id: Text, image: Text, **kwargs: Any) -> None:
        """A photo by URL."""
        await self.send_response(recipient_id, {"image": image})

    async def send_custom_json(self, recipient_id: Text, json_message: dict[str, Any], **kwargs: Any) -> None:
        """Only our `{"request_phone": true}` convention; other custom JSON is not forwarded."""
        await self.send_response(recipient_id, {"custom": json_message})


async def send(bot: BotApi, method: str, **params: Any) -> bool:
    """One Bot API call whose failure is logged, not raised (a blocked bot, a network error)."""
    try:
        await bot.call(method, **params)
        return True
    except TelegramError as error:
        logger.warning("Telegram %s failed for chat %s: %s", method, params.get("chat_id"), error)
        return False


class StoreTelegramInput(InputChannel):
    """Telegram webhooks for every store that has a bot."""

    @classmethod
    def name(cls) -> Text:
        """Served under /webhooks/telegram/."""
        return "telegram"

    @classmethod
    def from_credentials(cls, credentials: Optional[dict[Text, Any]]) -> InputChannel:
        """Settings from the environment; credentials.yml must not hold tokens."""
        if credentials:
            raise ConfigError(
                "bot.channels.telegram.StoreTelegramInput takes no settings in credentials.yml: "
                "set TELEGRAM_BOTS and TELEGRAM_SECRET_TOKEN in the environment (see README, Telegram)"
            )
        return cls(load_settings())

    def __init__(self, settings: TelegramSettings) -> None:
        """One API client per store; nothing is called here."""
        self.settings = settings
        self.bots = {store: BotApi(token, settings.api_base) for store, token in settings.bots.items()}
        self._seen: dict[str, OrderedDict[int, None]] = {store: OrderedDict() for store in self.bots}
        self._group_notices = RateLimiter(1, 1 / GROUP_NOTICE_PERIOD)
        self._messages = RateLimiter(*rate_limit(*MESSAGE_RATE))
        self._flood_notices = RateLimiter(1, 1 / FLOOD_NOTICE_PERIOD)
        if self.bots:
            logger.info("Telegram bots configured for: %s", ", ".join(self.bots))

    def get_output_channel(self) -> Optional[OutputChannel]:
        """For messages Rasa sends on its own (e.g. `trigger_intent` with `output_channel=telegram`)."""
        return TelegramOutput(self.bots)

    def _secret_ok(self, given: Optional[str]) -> bool:
        """Whether the request carries our webhook secret (compared in constant time)."""
        secret = self.settings.secret
        if not secret or not isinstance(given, str):
            return False
        # a header that is not UTF-8 arrives with surrogate escapes: compare its bytes as they came
        return hmac.compare_digest(given.encode("utf-8", "surrogateescape"), secret.encode())

    def _first_time(self, store: str, update_id: Any) -> bool:
        """False for an update id this store's webhook has handled already."""
        update = _int(update_id)
        if update is None:
            return True
        seen = self._seen[store]
        if update in seen:
            return False
        seen[update] = None
        while len(seen) > SEEN_UPDATES:
            seen.popitem(last=False)
        return True

    async def handle(self, store: str, secret: Optional[str], body: bytes,
                     on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> tuple[int, dict[str, Any]]:
        """One webhook request: the HTTP status and JSON body to answer.

        The secret is checked first, so that nobody without it learns which stores have bots.
        """
        if not self._secret_ok(secret):
            return 403, {"ok": False, "error": "forbidden"}
        bot = self.bots.get(store)
        if bot is None:
            return 404, {"ok": False, "error": "unknown_store"}
        try:
            update = json_object(body)
        except Refused as refused:
            return 400, {"ok": False, "error": "bad_request", "problem": refused.body.get("problem", "")}
        if not self._first_time(store, update.get("update_id")):
            return 200, {"ok": True, "duplicate": True}
        try:
            await self._act(store, bot, read_update(update, store, bot.bot_id), on_new_message)
        except asyncio.CancelledError:
            raise
        except Exception:  # an answer to Telegram, never a 500 that it would re-send forever
            logger.exception("Handling Telegram update %r for %s failed", update.get("update_id"), store)
        return 200, {"ok": True}

    async def _act(self, store: str, bot: BotApi, incoming: Incoming,
                   on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> None:
        """Answers the callback query, then forwards, notifies or ignores."""
        logger.debug("Telegram update for %s: %s (%s)", store, incoming.action, incoming.reason)
        if incoming.callback_query_id:
            await send(bot, "answerCallbackQuery", callback_query_id=incoming.callback_query_id)
        if incoming.chat_id is None:
            return
        chat = f"{store}:{incoming.chat_id}"
        if incoming.action == "forward":
            if self._messages.allow(chat):
                await self._forward(store, bot, incoming, on_new_message)
            elif self._flood_notices.allow(chat):  # said once a minute; the flood itself never reaches the assistant
                await self._notice(store, bot, incoming.chat_id, "rate_limited", incoming.language)
        elif incoming.action == "notice" and incoming.notice:
            await self._notice(store, bot, incoming.chat_id, incoming.notice, incoming.language)
        elif incoming.action == "group" and await self._addressed(bot, incoming):
            await self._notice(store, bot, incoming.chat_id, "private_only", incoming.language)

    async def _addressed(self, bot: BotApi, incoming: Incoming) -> bool:
        """Whether a group message speaks to this bot; getMe (cached) tells our @name."""
        if incoming.addressed:
            return True
        if "@" not in incoming.text:
            return False
        try:
            username = (await bot.get_me()).get("username")
        except TelegramError as error:
            logger.warning("getMe failed: %s", error)
            return False
        return mentions(incoming.text, username if isinstance(username, str) else None)

    async def _forward(self, store: str, bot: BotApi, incoming: Incoming,
                       on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> None:
        """Hands the message to Rasa; the replies go out through TelegramOutput."""
        assert incoming.chat_id is not None
        hint = language_hint(incoming.metadata.get("language"))
        output = TelegramOutput(self.bots, language=hint, remove_keyboard=incoming.own_contact)
        message = UserMessage(incoming.text, output, sender_id(store, incoming.chat_id),
                              input_channel=self.name(), metadata=dict(incoming.metadata))
        if await held_by_person(message.sender_id, incoming.text):  # an agent holds the chat: the agent answers
            return
        try:
            for reply in await answer_each(on_new_message, message):
                await output.send_response(message.sender_id, reply)
        except asyncio.CancelledError:
            raise
        except Exception:
            logger.exception("The assistant failed on a message of conversation %s", message.sender_id)
            language = detect_language(incoming.text) or hint or policies()[store].language
            await self._notice(store, bot, incoming.chat_id, "unavailable", language)
            return
        if not output.sent:  # an action failed and Rasa said nothing: say so, never silence
            logger.warning("No reply to a message of conversation %s; the customer is told", message.sender_id)
            language = detect_language(incoming.text) or hint or policies()[store].language
            await output.send_response(message.sender_id, silent_reply(language))

    async def _notice(self, store: str, bot: BotApi, chat_id: int, notice: str, language: Optional[Language]) -> None:
        """One of the channel's own messages, in the customer's language."""
        language = language or policies()[store].language
        params: dict[str, Any] = {}
        if notice == "private_only":
            if not self._group_notices.allow(f"{store}:{chat_id}"):
                return  # a group hears it once per GROUP_NOTICE_PERIOD, however often it is addressed
            try:
                username = (await bot.get_me()).get("username")  # asked once per process
            except TelegramError as error:
                logger.warning("getMe failed: %s", error)
                username = None
            values = {"bot": f"@{username}" if isinstance(username, str) else policies()[store].name[language]}
        elif notice == "foreign_contact":
            values = {"button": PHONE_BUTTON[language]}
            params["reply_markup"] = contact_keyboard(language)
        else:
            values = {}
        await send(bot, "sendMessage", chat_id=chat_id, text=NOTICES[notice][language].format(**values), **params)

    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> Blueprint:
        """Health check and one webhook per store."""
        webhook = Blueprint(f"store_telegram_{id(self)}", __name__)

        @webhook.route("/", methods=["GET"])
        async def health(request: Request) -> HTTPResponse:
            return response.json({"status": "ok", "stores": list(self.bots)})

        @webhook.route("/webhook/<store>", methods=["POST"], stream=True)
        async def receive(request: Request, store: str) -> HTTPResponse:
            secret = request.headers.get(SECRET_HEADER)
            if not self._secret_ok(secret):  # before reading a body that may be large
                return response.json({"ok": False, "error": "forbidden"}, status=403)
            try:
                body = await read_body(request, MAX_UPDATE)
            except Refused as refused:
                return response.json({"ok": False, "error": "too_large", "problem": refused.body.get("problem", "")},
                                     status=refused.status)
            status, answer = await self.handle(store, secret, body, on_new_message)
            return response.json(answer, status=status)

        @webhook.listener("after_server_stop")
        async def close_sessions(app: Any, loop: Any) -> None:
            for bot in self.bots.values():
                await bot.close()

        return webhook
