"""The Telegram channel against a fake Bot API server on loopback.

The fake records every call and answers like Telegram (including its 401, 400 for an
over-long callback_data, 403 for a blocked bot and 429 with retry_after). Unit tests read
updates and plan messages without any server; the `server` tests start the real action and
Rasa servers with two bots configured, post real update JSON to the webhook and check what
the customer would see: the fake's recorded sendMessage/answerCallbackQuery calls.
"""

from __future__ import annotations

import asyncio
import itertools
import json
import os
import socket
import sqlite3
import subprocess
import sys
import threading
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterator, Optional

import pytest
import requests
import yaml
from aiohttp import web
from rasa.core.nlg.generator import ResponseVariationFilter

from bot.channels.gate import REFUSALS
from bot.channels.guard import SLASH_ESCAPE, UNAVAILABLE
from bot.channels.telegram import (
    EDITED,
    FOREIGN_CONTACT,
    PHONE_BUTTON,
    PHONE_PROMPT,
    PRIVATE_ONLY,
    UNSUPPORTED,
    Incoming,
    StoreTelegramInput,
    TelegramOutput,
    command_of,
    inline_keyboard,
    mentions,
    outgoing,
    parse_sender,
    read_update,
    sender_id,
    split_text,
)
from bot.channels.telegram_api import SECRET_HEADER, BotApi, TelegramError, TelegramSettings, load_settings
from bot.nlu.language import detect_language
from bot.settings import ConfigError
from bot.stores.installments import offers_installments
from bot.stores.policy import policies
from bot.telegram import main as cli_main
from support import free_shipping_words

ROOT = Path(__file__).resolve().parents[3]
TISA_TOKEN = "7000001:TEST-tisa_token-0123456789abcdef"
CITADEL_TOKEN = "7000005:TEST-citadel_token-0123456789abcdef"
UNKNOWN_TOKEN = "7000009:TEST-not-known-to-telegram-0000"
SECRET = "test-secret_0123456789"
BOT_USERS = {
    TISA_TOKEN: {"id": 7000001, "is_bot": True, "first_name": "Tisa support", "username": "tisa_test_bot"},
    CITADEL_TOKEN: {"id": 7000005, "is_bot": True, "first_name": "Citadel support", "username": "citadel_test_bot"},
}
TISA_BOT_ID = 7000001


# ---------------------------------------------------------------- the fake Bot API


@dataclass
class Call:
    token: str
    method: str
    params: dict[str, Any]


class FakeTelegram:
    """A Bot API server on 127.0.0.1 that records calls and answers like Telegram."""

    def __init__(self, bots: dict[str, dict[str, Any]]) -> None:
        self.bots = bots
        self.calls: list[Call] = []
        self.webhooks: dict[str, dict[str, Any]] = {}
        self.blocked: set[int] = set()  # chats whose user blocked the bot
        self.throttle: dict[str, int] = {}  # method -> retry_after for its next call
        self._ids = itertools.count(1)
        self._lock = threading.Lock()
        self._loop = asyncio.new_event_loop()
        self._started = threading.Event()
        self.url = ""

    def start(self) -> "FakeTelegram":
        thread = threading.Thread(target=self._serve, daemon=True)
        thread.start()
        assert self._started.wait(10), "the fake Bot API did not start"
        self._thread = thread
        return self

    def _serve(self) -> None:
        asyncio.set_event_loop(self._loop)
        app = web.Application()
        app.router.add_route("*", "/bot{token}/{method}", self._handle)
        self._runner = web.AppRunner(app, access_log=None)
        self._loop.run_until_complete(self._runner.setup())
        site = web.TCPSite(self._runner, "127.0.0.1", 0)
        self._loop.run_until_complete(site.start())
        port = site._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]
        self.url = f"http://127.0.0.1:{port}"
        self._started.set()
        self._loop.run_forever()

    def stop(self) -> None:
        asyncio.run_coroutine_threadsafe(self._runner.cleanup(), self._loop).result(10)
        self._loop.call_soon_threadsafe(self._loop.stop)
        self._thread.join(10)

    # what tests read

    def mark(self) -> int:
        return len(self.calls)

    def since(self, mark: int, method: Optional[str] = None, token: Optional[str] = None) -> list[Call]:
        with self._lock:
            calls = self.calls[mark:]
        return [c for c in calls if (method is None or c.method == method) and (token is None or c.token == token)]

    def sent(self, chat_id: int, mark: int = 0) -> list[dict[str, Any]]:
        """The sendMessage parameters for one chat, in order."""
        return [c.params for c in self.since(mark, "sendMessage") if c.params.get("chat_id") == chat_id]

    def texts(self, chat_id: int, mark: int = 0) -> list[str]:
        return [params["text"] for params in self.sent(chat_id, mark)]

    # how it answers

    @staticmethod
    def _ok(result: Any) -> web.Response:
        return web.json_response({"ok": True, "result": result})

    @staticmethod
    def _error(code: int, description: str, **parameters: Any) -> web.Response:
        body: dict[str, Any] = {"ok": False, "error_code": code, "description": description}
        if parameters:
            body["parameters"] = parameters
        return web.json_response(body, status=code)

    async def _handle(self, request: web.Request) -> web.Response:
        token, method = request.match_info["token"], request.match_info["method"]
        params: dict[str, Any] = dict(request.query)
        if request.body_exists:
            if request.content_type == "application/json":
                try:
                    params.update(await request.json())
                except ValueError:
                    return self._error(400, "Bad Request: can't parse JSON")
            else:
                params.update(await request.post())
        with self._lock:
            self.calls.append(Call(token, method, params))
        user = self.bots.get(token)
        if user is None:
            return self._error(401, "Unauthorized")
        if self.throttle.get(method):
            return self._error(429, "Too Many Requests: retry after 1", retry_after=self.throttle.pop(method))
        if method == "getMe":
            return self._ok(user)
        if method in ("sendMessage", "sendPhoto"):
            return self._send(user, method, params)
        if method == "answerCallbackQuery":
            return self._ok(True) if params.get("callback_query_id") else self._error(400, "Bad Request: query is too old")
        if method == "setWebhook":
            if not str(params.get("url", "")).startswith("https://"):
                return self._error(400, "Bad Request: bad webhook: An HTTPS URL must be provided for webhook")
            self.webhooks[token] = params
            return self._ok(True)
        if method == "deleteWebhook":
            self.webhooks.pop(token, None)
            return self._ok(True)
        if method == "getWebhookInfo":
            hook = self.webhooks.get(token, {})
            return self._ok({"url": hook.get("url", ""), "has_custom_certificate": False, "pending_update_count": 0})
        return self._error(404, "Not Found: method not found")

    def _send(self, user: dict[str, Any], method: str, params: dict[str, Any]) -> web.Response:
        chat_id = params.get("chat_id")
        if not isinstance(chat_id, int):
            return self._error(400, "Bad Request: chat not found")
        if chat_id in self.blocked:
            return self._error(403, "Forbidden: bot was blocked by the user")
        if method == "sendMessage":
            text = params.get("text")
            if not isinstance(text, str) or not text.strip():
                return self._error(400, "Bad Request: message text is empty")
            if len(text) > 4096:
                return self._error(400, "Bad Request: message is too long")
        markup = params.get("reply_markup") or {}
        for row in markup.get("inline_keyboard", []):
            for button in row:
                if len(button.get("callback_data", "").encode()) > 64:
                    return self._error(400, "Bad Request: BUTTON_DATA_INVALID")
        message = {"message_id": next(self._ids), "from": user, "date": int(time.time()),
                   "chat": {"id": chat_id, "type": "private" if chat_id > 0 else "supergroup"}}
        if method == "sendMessage":
            message["text"] = params["text"]
        return self._ok(message)


@pytest.fixture(scope="session")
def fake() -> Iterator[FakeTelegram]:
    api = FakeTelegram(BOT_USERS).start()
    yield api
    api.stop()


def bots_env(fake: FakeTelegram) -> dict[str, str]:
    return {"TELEGRAM_BOTS": f"tisa:{TISA_TOKEN},citadel:{CITADEL_TOKEN}",
            "TELEGRAM_SECRET_TOKEN": SECRET, "TELEGRAM_API_BASE": fake.url}


# ---------------------------------------------------------------- real update JSON

_update_ids = itertools.count(100_000)
_message_ids = itertools.count(1)
_chats = itertools.count(int(time.time()) % 1_000_000 * 100 + 10_000_000)


def new_chat() -> int:
    """A private chat id (= the user's id) no other test uses."""
    return next(_chats)


def person(user_id: int, language_code: Optional[str] = "fa") -> dict[str, Any]:
    user: dict[str, Any] = {"id": user_id, "is_bot": False, "first_name": "Sara"}
    if language_code:
        user["language_code"] = language_code
    return user


def private(chat_id: int, text: Optional[str] = None, language_code: Optional[str] = "fa", key: str = "message",
            **fields: Any) -> dict[str, Any]:
    message: dict[str, Any] = {"message_id": next(_message_ids), "from": person(chat_id, language_code),
                               "chat": {"id": chat_id, "first_name": "Sara", "type": "private"},
                               "date": 1_700_000_000, **fields}
    if text is not None:
        message["text"] = text
        if text.startswith("/"):
            message["entities"] = [{"offset": 0, "length": len(text.split()[0]), "type": "bot_command"}]
    if key == "edited_message":
        message["edit_date"] = 1_700_000_100
    return {"update_id": next(_update_ids), key: message}


def group(chat_id: int, text: Optional[str], user_id: int = 555, **fields: Any) -> dict[str, Any]:
    message: dict[str, Any] = {"message_id": next(_message_ids), "from": person(user_id),
                               "chat": {"id": chat_id, "title": "دوستداران تیسا", "type": "supergroup"},
                               "date": 1_700_000_000, **fields}
    if text is not None:
        message["text"] = text
    return {"update_id": next(_update_ids), "message": message}


def button_press(chat_id: int, data: Any, language_code: str = "fa", chat_type: str = "private") -> dict[str, Any]:
    return {"update_id": next(_update_ids), "callback_query": {
        "id": f"cb{next(_update_ids)}", "from": person(chat_id, language_code), "chat_instance": "-7360",
        "message": {"message_id": next(_message_ids), "from": BOT_USERS[TISA_TOKEN], "date": 1_700_000_000,
                    "chat": {"id": chat_id, "type": chat_type}, "text": "سلام!"},
        "data": data}}


def channel_post(chat_id: int, text: str) -> dict[str, Any]:
    return {"update_id": next(_update_ids), "channel_post": {
        "message_id": next(_message_ids), "sender_chat": {"id": chat_id, "title": "Tisa news", "type": "channel"},
        "chat": {"id": chat_id, "title": "Tisa news", "type": "channel"}, "date": 1_700_000_000, "text": text}}


def shared_contact(chat_id: int, phone: str, owner: Optional[int], language_code: str = "fa") -> dict[str, Any]:
    contact: dict[str, Any] = {"phone_number": phone, "first_name": "Sara"}
    if owner is not None:
        contact["user_id"] = owner
    return private(chat_id, language_code=language_code, contact=contact)


# ---------------------------------------------------------------- settings


def test_settings_from_the_environment() -> None:
    settings = load_settings({"TELEGRAM_BOTS": f" tisa:{TISA_TOKEN} , citadel:{CITADEL_TOKEN},",
                              "TELEGRAM_SECRET_TOKEN": SECRET, "TELEGRAM_API_BASE": "http://127.0.0.1:8081/"})
    assert settings == TelegramSettings({"tisa": TISA_TOKEN, "citadel": CITADEL_TOKEN}, SECRET, "http://127.0.0.1:8081")


def test_no_bots_is_a_valid_setting() -> None:
    assert load_settings({}) == TelegramSettings({}, None, "https://api.telegram.org")
    assert load_settings({"TELEGRAM_BOTS": "  "}).bots == {}


@pytest.mark.parametrize(
    "env, variable, words",
    [
        ({"TELEGRAM_BOTS": f"nope:{TISA_TOKEN}"}, "TELEGRAM_BOTS", "unknown store 'nope'"),
        ({"TELEGRAM_BOTS": TISA_TOKEN}, "TELEGRAM_BOTS", "unknown store '7000001'"),
        ({"TELEGRAM_BOTS": "tisa"}, "TELEGRAM_BOTS", "store:token"),
        ({"TELEGRAM_BOTS": "tisa:not-a-token"}, "TELEGRAM_BOTS", "no valid bot token"),
        ({"TELEGRAM_BOTS": "tisa:"}, "TELEGRAM_BOTS", "no valid bot token"),
        ({"TELEGRAM_BOTS": f"tisa:{TISA_TOKEN},tisa:{CITADEL_TOKEN}"}, "TELEGRAM_BOTS", "appears twice"),
        ({"TELEGRAM_BOTS": f"tisa:{TISA_TOKEN},sitra:{TISA_TOKEN}"}, "TELEGRAM_BOTS", "two stores"),
        ({"TELEGRAM_BOTS": f"tisa:{TISA_TOKEN}"}, "TELEGRAM_SECRET_TOKEN", "must be set"),
        ({"TELEGRAM_BOTS": f"tisa:{TISA_TOKEN}", "TELEGRAM_SECRET_TOKEN": "has spaces!"}, "TELEGRAM_SECRET_TOKEN", "A-Z"),
        ({"TELEGRAM_SECRET_TOKEN": "x" * 257}, "TELEGRAM_SECRET_TOKEN", "1-256"),
        ({"TELEGRAM_API_BASE": "api.telegram.org"}, "TELEGRAM_API_BASE", "http(s) URL"),
        ({"TELEGRAM_API_BASE": "ftp://x"}, "TELEGRAM_API_BASE", "http(s) URL"),
    ],
)
def test_bad_settings_name_the_variable_and_never_the_token(env: dict[str, str], variable: str, words: str) -> None:
    with pytest.raises(ConfigError) as error:
        load_settings(env)
    assert str(error.value).startswith(variable) and words in str(error.value)
    assert "TEST-tisa_token" not in str(error.value) and "TEST-citadel" not in str(error.value)


def test_credentials_yml_cannot_carry_tokens(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("TELEGRAM_BOTS", raising=False)
    assert isinstance(StoreTelegramInput.from_credentials(None), StoreTelegramInput)
    with pytest.raises(ConfigError, match="TELEGRAM_BOTS"):
        StoreTelegramInput.from_credentials({"access_token": TISA_TOKEN, "verify": "tisa_bot"})


def test_rasa_refuses_to_start_with_bad_settings_naming_the_variable() -> None:
    env = {**os.environ, "TELEGRAM_BOTS": f"nope:{TISA_TOKEN}", "RASA_TELEMETRY_ENABLED": "false",
           "ACTION_ENDPOINT_URL": "http://127.0.0.1:9/webhook", "TRACKER_DB": "/nonexistent/tracker.db"}
    run = subprocess.run(
        [sys.executable, "-m", "rasa", "run", "-i", "127.0.0.1", "-p", str(free_port()), "-m", "models/none.tar.gz",
         "--credentials", "credentials.yml", "--endpoints", "endpoints.yml"],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=180)
    assert run.returncode != 0
    assert "TELEGRAM_BOTS: entry 1 names the unknown store 'nope'" in run.stdout + run.stderr
    assert "TEST-tisa_token" not in run.stdout + run.stderr


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


# ---------------------------------------------------------------- reading updates


def forward(chat_id: int, text: str, **metadata: Any) -> Incoming:
    return Incoming("forward", "", chat_id, text, {"store": "tisa", **metadata})


@pytest.mark.parametrize(
    "update, expected",
    [
        (private(11, "سفارشم کجاست؟"), forward(11, "سفارشم کجاست؟")),
        (private(11, "Где мой заказ?", "ru"), forward(11, "Где мой заказ?")),
        (private(11, '/order_status{"order_id": "58120"}'), forward(11, SLASH_ESCAPE + '/order_status{"order_id": "58120"}')),
        (private(11, "/order_status"), forward(11, "/order_status")),
        (private(11, "/start", "ru"), forward(11, "/greet", language="ru")),
        (private(11, "/start", "fa-IR"), forward(11, "/greet", language="fa")),
        (private(11, "/start", "en"), forward(11, "/greet")),
        (private(11, "/start", None), forward(11, "/greet")),
        (private(11, "/start@tisa_test_bot promo-42", "ru"), forward(11, "/greet", language="ru")),
        (private(11, "/HELP", "fa"), forward(11, "/greet", language="fa")),
        (private(11, "/starter"), forward(11, "/starter")),
        (private(11, "   "), forward(11, "/empty_message")),
        (private(11, "سلام " * 500), forward(11, "/message_too_long", language="fa")),
        (shared_contact(11, "+98 912 123 4567", 11), forward(11, "989121234567", contact_phone="+989121234567")),
        (shared_contact(11, "995555123456", 11, "ru"), forward(11, "995555123456", contact_phone="+995555123456")),
        (button_press(11, "/installment_info"), forward(11, "/installment_info")),
        (button_press(11, '/greet{"store": "citadel"}'), forward(11, SLASH_ESCAPE + '/greet{"store": "citadel"}')),
        (button_press(11, "/human_handoff@1.0"), forward(11, SLASH_ESCAPE + "/human_handoff@1.0")),
    ],
)
def test_private_messages_are_forwarded_screened(update: dict[str, Any], expected: Incoming) -> None:
    incoming = read_update(update, "tisa", TISA_BOT_ID)
    assert (incoming.action, incoming.chat_id, incoming.text, dict(incoming.metadata)) == (
        expected.action, expected.chat_id, expected.text, dict(expected.metadata))


def test_a_button_press_is_answered_and_an_own_contact_removes_the_keyboard() -> None:
    pressed = button_press(11, "/order_status")
    assert read_update(pressed, "tisa", TISA_BOT_ID).callback_query_id == pressed["callback_query"]["id"]
    assert read_update(shared_contact(11, "+989121234567", 11), "tisa", TISA_BOT_ID).own_contact


@pytest.mark.parametrize(
    "update, action, notice, language",
    [
        (private(11, "سلامم", key="edited_message"), "notice", "edited", "fa"),
        (private(11, "Исправил", "fa", key="edited_message"), "notice", "edited", "ru"),
        (private(11, None, "ru", photo=[{"file_id": "x", "width": 1, "height": 1}]), "notice", "unsupported", "ru"),
        (private(11, None, "en", sticker={"file_id": "x"}), "notice", "unsupported", "fa"),
        (private(11, None, "ru", caption="این عکس کالاست", photo=[]), "notice", "unsupported", "fa"),
        (shared_contact(11, "+989120000000", 99), "notice", "foreign_contact", "fa"),
        (shared_contact(11, "+995555000000", None, "ru"), "notice", "foreign_contact", "ru"),
        (shared_contact(11, "12", 11), "notice", "foreign_contact", "fa"),
        (group(-100123, None, new_chat_members=[BOT_USERS[TISA_TOKEN]]), "notice", "private_only", "fa"),
    ],
)
def test_notices_in_the_customers_language(update: dict[str, Any], action: str, notice: str, language: str) -> None:
    incoming = read_update(update, "tisa", TISA_BOT_ID)
    assert (incoming.action, incoming.notice, incoming.language) == (action, notice, language)
    assert incoming.chat_id is not None


@pytest.mark.parametrize(
    "update, action, addressed",
    [
        (group(-100123, "سلام به همه"), "group", False),
        (group(-100123, "/start"), "group", True),
        (group(-100123, "/start@other_bot"), "group", False),
        (group(-100123, "@tisa_test_bot سلام"), "group", False),  # needs our @name: decided with getMe
        (group(-100123, "ممنون", reply_to_message={"message_id": 1, "from": BOT_USERS[TISA_TOKEN]}), "group", True),
        (group(-100123, None, photo=[]), "ignore", False),
        (group(-100123, None, new_chat_members=[person(77)]), "ignore", False),
        (channel_post(-100777, "تخفیف ویژه"), "ignore", False),
        ({"update_id": 1, "edited_channel_post": channel_post(-100777, "x")["channel_post"]}, "ignore", False),
        ({"update_id": 1, "edited_message": group(-100123, "x")["message"]}, "ignore", False),
        (button_press(-100123, "/order_status", chat_type="supergroup"), "ignore", False),
        ({"update_id": 1, "callback_query": {"id": "c1", "inline_message_id": "abc", "data": "/greet"}}, "ignore", False),
        ({"update_id": 1, "callback_query": {"id": "c1", "message": {"chat": {"id": 5, "type": "private"}}}}, "ignore", False),
        ({"update_id": 1, "my_chat_member": {"chat": {"id": 1}}}, "ignore", False),
        ({"update_id": 1, "message": {"chat": {"id": 5, "type": "private"}, "from": {"id": 5, "is_bot": True}, "text": "x"}},
         "ignore", False),
        ({}, "ignore", False),
        ({"message": 5}, "ignore", False),
        ({"message": {"chat": "private", "text": "x"}}, "ignore", False),
        ({"message": {"chat": {"id": "5", "type": "private"}, "text": "x"}}, "ignore", False),
        ({"message": {"chat": {"id": True, "type": "private"}, "text": "x"}}, "ignore", False),
        ({"message": {"chat": {"id": 5, "type": ["private"]}, "text": "x"}}, "ignore", False),
        ({"callback_query": ["x"], "message": None}, "ignore", False),
    ],
)
def test_groups_channels_and_odd_updates_are_not_forwarded(update: dict[str, Any], action: str, addressed: bool) -> None:
    incoming = read_update(update, "tisa", TISA_BOT_ID)
    assert (incoming.action, incoming.addressed) == (action, addressed)


def test_odd_field_types_never_raise() -> None:
    weird: list[Any] = [None, 0, -1, 1.5, True, "", "x", [], {}, [{}], {"id": None}]
    for value in weird:
        for update in ({"message": {"chat": {"id": 5, "type": "private"}, "from": {"id": 5}, "text": value}},
                       {"message": {"chat": {"id": 5, "type": "private"}, "from": value, "contact": value}},
                       {"callback_query": {"id": value, "data": value, "message": {"chat": value}}},
                       {"edited_message": {"chat": {"id": 5, "type": "private"}, "text": value, "from": value}},
                       {"message": {"chat": {"id": -5, "type": "group"}, "text": value, "new_chat_members": value,
                                    "reply_to_message": value}}):
            read_update(update, "tisa", TISA_BOT_ID)


@pytest.mark.parametrize(
    "text, expected",
    [("/start", ("start", None)), ("/start@Shop_bot hi", ("start", "Shop_bot")), ("/Help", ("help", None)),
     ("start", None), ("/", None), ("/ start", None), ("/start{}", None)],
)
def test_command_of(text: str, expected: Optional[tuple[str, Optional[str]]]) -> None:
    assert command_of(text) == expected


@pytest.mark.parametrize(
    "text, username, expected",
    [("@tisa_test_bot سلام", "tisa_test_bot", True), ("/start@TISA_TEST_BOT", "tisa_test_bot", True),
     ("@tisa_test_bot2 hi", "tisa_test_bot", False), ("mail me at a@b.c", "tisa_test_bot", False),
     ("@tisa_test_bot", None, False)],
)
def test_mentions(text: str, username: Optional[str], expected: bool) -> None:
    assert mentions(text, username) is expected


def test_sender_ids_round_trip() -> None:
    assert sender_id("tisa", 123) == "tg-tisa-123"
    assert parse_sender("tg-tisa-123") == ("tisa", 123)
    assert parse_sender("tg-citadel--100123") == ("citadel", -100123)
    assert parse_sender("web-123") is None and parse_sender("tg-tisa-12a") is None


# ---------------------------------------------------------------- planning messages


GREETING_BUTTONS = [{"title": "پیگیری سفارش", "payload": "/order_status"},
                    {"title": "صحبت با پشتیبان", "payload": "/human_handoff"}]


def test_buttons_become_an_inline_keyboard_one_a_row() -> None:
    [(method, params)] = outgoing({"text": "سلام!", "buttons": GREETING_BUTTONS}, "fa")
    assert method == "sendMessage" and params["text"] == "سلام!"
    assert params["reply_markup"] == {"inline_keyboard": [
        [{"text": "پیگیری سفارش", "callback_data": "/order_status"}],
        [{"text": "صحبت با پشتیبان", "callback_data": "/human_handoff"}]]}


def test_buttons_telegram_cannot_carry_are_left_out() -> None:
    keyboard = inline_keyboard([{"title": "ok", "payload": "/greet"}, {"title": "long", "payload": "/" + "x" * 64},
                                {"title": "", "payload": "/greet"}, {"payload": "/greet"}, "junk",
                                {"title": "site", "url": "https://tisa.example/help"}, {"title": "n", "payload": 5}])
    assert keyboard == {"inline_keyboard": [[{"text": "ok", "callback_data": "/greet"}],
                                            [{"text": "site", "url": "https://tisa.example/help"}]]}
    assert inline_keyboard([{"title": "long", "payload": "/" + "ж" * 32}]) is None  # 65 bytes in UTF-8
    assert inline_keyboard(None) is None


@pytest.mark.parametrize("language, text", [("fa", "شماره‌ی موبایل سفارش را بفرستید."), ("ru", "Пришлите номер телефона заказа.")])
def test_a_phone_request_shows_the_contact_button(language: str, text: str) -> None:
    [(method, params)] = outgoing({"text": text, "custom": {"request_phone": True}}, language)  # type: ignore[arg-type]
    assert params["text"] == text
    assert params["reply_markup"] == {"keyboard": [[{"text": PHONE_BUTTON[language], "request_contact": True}]],
                                      "resize_keyboard": True, "one_time_keyboard": True}


def test_a_phone_request_with_buttons_needs_a_second_message() -> None:
    calls = outgoing({"text": "سفارش را چطور پیدا کنم؟", "buttons": GREETING_BUTTONS, "custom": {"request_phone": True}}, "fa")
    assert [params["reply_markup"].get("inline_keyboard") is not None for _, params in calls] == [True, False]
    assert calls[1][1]["text"] == PHONE_PROMPT["fa"].format(button=PHONE_BUTTON["fa"])
    assert calls[1][1]["reply_markup"]["keyboard"][0][0]["request_contact"] is True
    [(_, only)] = outgoing({"custom": {"request_phone": True}}, "ru")
    assert only["text"] == PHONE_PROMPT["ru"].format(button=PHONE_BUTTON["ru"])


def test_other_custom_json_and_empty_messages_send_nothing() -> None:
    assert outgoing({"custom": {"chat_id": 1, "text": "spoofed"}}, "fa") == []
    assert outgoing({"text": "   "}, "fa") == []
    assert outgoing({"image": "file:///etc/passwd"}, "fa") == []
    assert outgoing({"image": "https://tisa.example/a.jpg"}, "fa") == [("sendPhoto", {"photo": "https://tisa.example/a.jpg"})]


def test_long_texts_are_split_at_word_ends_and_the_keyboard_goes_last() -> None:
    text = ("کلمه " * 2000).strip()
    pieces = split_text(text)
    assert all(len(piece) <= 4096 for piece in pieces) and " ".join(pieces) == text
    calls = outgoing({"text": text, "buttons": GREETING_BUTTONS}, "fa")
    assert len(calls) == len(pieces) == 3
    assert [("reply_markup" in params) for _, params in calls] == [False, False, True]
    assert split_text("x" * 5000) == ["x" * 4096, "x" * 904]


# ---------------------------------------------------------------- the client and the output channel


def test_one_client_works_on_one_loop_after_another(fake: FakeTelegram) -> None:
    """The stock channel's "Event loop is closed": a session bound to a loop that is gone."""
    bot = BotApi(TISA_TOKEN, fake.url)
    first_loop = asyncio.new_event_loop()
    assert first_loop.run_until_complete(bot.call("getMe"))["username"] == "tisa_test_bot"
    first_session = bot._session

    async def send_and_close() -> Any:
        try:
            return await bot.call("sendMessage", chat_id=5, text="x")
        finally:
            await bot.close()

    assert asyncio.run(send_and_close())["text"] == "x"  # a new loop gets its own session
    assert first_session is not None and not first_session.closed
    first_loop.run_until_complete(first_session.close())
    first_loop.close()


async def test_get_me_is_asked_once(fake: FakeTelegram) -> None:
    bot = BotApi(CITADEL_TOKEN, fake.url)
    mark = fake.mark()
    assert (await bot.get_me())["username"] == (await bot.get_me())["username"] == "citadel_test_bot"
    assert len(fake.since(mark, "getMe")) == 1
    await bot.close()


async def test_errors_never_show_the_token(fake: FakeTelegram) -> None:
    known, nowhere = BotApi(UNKNOWN_TOKEN, fake.url), BotApi(UNKNOWN_TOKEN, f"http://127.0.0.1:{free_port()}")
    with pytest.raises(TelegramError) as refused:
        await known.call("getMe")
    assert refused.value.error_code == 401 and "Unauthorized" in str(refused.value)
    with pytest.raises(TelegramError) as unreachable:
        await nowhere.call("getMe")
    await known.close()
    await nowhere.close()
    assert "cannot reach" in str(unreachable.value)
    for error in (refused.value, unreachable.value):
        assert "TEST-not-known" not in str(error) and "TEST-not-known" not in repr(error.__cause__)
    assert "TEST-not-known" not in repr(BotApi(UNKNOWN_TOKEN, fake.url))


async def test_a_short_429_is_waited_out_once(fake: FakeTelegram) -> None:
    bot = BotApi(TISA_TOKEN, fake.url)
    mark = fake.mark()
    fake.throttle["sendMessage"] = 1
    assert (await bot.call("sendMessage", chat_id=6, text="صبر"))["text"] == "صبر"
    assert len(fake.since(mark, "sendMessage")) == 2
    await bot.close()


async def test_output_routes_by_conversation_and_survives_a_blocked_chat(fake: FakeTelegram) -> None:
    bots = {"tisa": BotApi(TISA_TOKEN, fake.url), "citadel": BotApi(CITADEL_TOKEN, fake.url)}
    output = TelegramOutput(bots)
    chat, blocked = new_chat(), new_chat()
    fake.blocked.add(blocked)
    mark = fake.mark()
    await output.send_response(f"tg-citadel-{chat}", {"text": "Здравствуйте!", "buttons": [{"title": "Да", "payload": "/affirm"}]})
    await output.send_response(f"tg-tisa-{blocked}", {"text": "سلام"})  # logged, not raised
    await output.send_response("web-visitor-1", {"text": "lost"})
    await output.send_response(f"tg-sitra-{chat}", {"text": "no bot for sitra"})
    [call] = [c for c in fake.since(mark, "sendMessage") if c.params["chat_id"] == chat]
    assert call.token == CITADEL_TOKEN
    assert call.params["reply_markup"] == {"inline_keyboard": [[{"text": "Да", "callback_data": "/affirm"}]]}
    assert len(fake.since(mark, "sendMessage")) == 2
    for bot in bots.values():
        await bot.close()


@pytest.mark.parametrize("hint, text, label", [(None, "Пришлите номер", "ru"), ("ru", "58120", "ru"), (None, "58120", "fa")])
async def test_the_phone_button_speaks_the_reply_language(fake: FakeTelegram, hint: Any, text: str, label: str) -> None:
    bot = BotApi(TISA_TOKEN, fake.url)
    chat = new_chat()
    await TelegramOutput({"tisa": bot}, language=hint).send_response(
        f"tg-tisa-{chat}", {"text": text, "custom": {"request_phone": True}})
    [sent] = fake.sent(chat)
    assert sent["reply_markup"]["keyboard"] == [[{"text": PHONE_BUTTON[label], "request_contact": True}]]
    await bot.close()


async def test_after_an_own_contact_the_first_plain_reply_removes_the_keyboard(fake: FakeTelegram) -> None:
    bot = BotApi(TISA_TOKEN, fake.url)
    chat = new_chat()
    output = TelegramOutput({"tisa": bot}, remove_keyboard=True)
    await output.send_response(f"tg-tisa-{chat}", {"text": "ممنون", "buttons": GREETING_BUTTONS})
    await output.send_response(f"tg-tisa-{chat}", {"text": "شماره ثبت شد."})
    await output.send_response(f"tg-tisa-{chat}", {"text": "دیگر چه کمکی؟"})
    markups = [params.get("reply_markup") for params in fake.sent(chat)]
    assert "inline_keyboard" in markups[0] and markups[1:] == [{"remove_keyboard": True}, None]
    await bot.close()


# ---------------------------------------------------------------- the webhook, without Rasa


class Recorder:
    """Stands in for Rasa: records messages and answers through their output channel."""

    def __init__(self, reply: Optional[dict[str, Any]] = None, fail: bool = False) -> None:
        self.messages: list[Any] = []
        self.reply = reply
        self.fail = fail

    async def __call__(self, message: Any) -> None:
        self.messages.append(message)
        if self.fail:
            raise RuntimeError("the action server is down")
        if self.reply:
            await message.output_channel.send_response(message.sender_id, dict(self.reply))


@pytest.fixture
async def channel(fake: FakeTelegram) -> Any:
    """The channel as Rasa creates it, with both bots on the fake Bot API."""
    created = StoreTelegramInput(load_settings(bots_env(fake)))
    yield created
    for bot in created.bots.values():
        await bot.close()


def body(update: Any) -> bytes:
    return json.dumps(update, ensure_ascii=False).encode()


async def test_without_bots_every_webhook_is_403() -> None:
    channel = StoreTelegramInput(load_settings({}))  # no bot and so no secret: nothing can pass
    for store in ("tisa", "citadel", "nope"):
        status, answer = await channel.handle(store, SECRET, body(private(1, "سلام")), Recorder())
        assert (status, answer["error"]) == (403, "forbidden")


@pytest.mark.parametrize(
    "store, secret, raw, status",
    [
        ("sitra", SECRET, body(private(1, "سلام")), 404),  # a known store without a bot
        ("nope", SECRET, body(private(1, "سلام")), 404),
        ("tisa", None, body(private(1, "سلام")), 403),
        ("tisa", "", body(private(1, "سلام")), 403),
        ("tisa", SECRET + "x", body(private(1, "سلام")), 403),
        ("tisa", "تست", body(private(1, "سلام")), 403),
        ("tisa", "\udcc3\udca9", body(private(1, "سلام")), 403),   # a non-UTF-8 header as Sanic decodes it
        ("nope", None, body(private(1, "سلام")), 403),     # the secret first: no store is revealed
        ("sitra", "wrong", body(private(1, "سلام")), 403),
        ("tisa", SECRET, b"[" * 5000 + b"]" * 5000, 400),  # nested too deeply to parse
        ("tisa", SECRET, b"{not json", 400),
        ("tisa", SECRET, b"", 400),
        ("tisa", SECRET, b"\xff\xfe", 400),
        ("tisa", SECRET, b"[1, 2]", 400),
        ("tisa", SECRET, b'"text"', 400),
        ("tisa", SECRET, b"null", 400),
    ],
)
async def test_webhook_refusals(fake: FakeTelegram, channel: StoreTelegramInput, store: str, secret: Optional[str],
                                raw: bytes, status: int) -> None:
    recorder = Recorder()
    mark = fake.mark()
    assert (await channel.handle(store, secret, raw, recorder))[0] == status
    assert recorder.messages == [] and fake.since(mark) == []


async def test_a_message_reaches_rasa_with_the_store_and_a_stable_sender(fake: FakeTelegram,
                                                                       channel: StoreTelegramInput) -> None:
    recorder, chat = Recorder({"text": "سلام!", "buttons": GREETING_BUTTONS}), new_chat()
    mark = fake.mark()
    for text in ("سلام", "/start"):
        assert await channel.handle("tisa", SECRET, body(private(chat, text, "ru")), recorder) == (200, {"ok": True})
    first, second = recorder.messages
    assert (first.text, first.sender_id, first.input_channel, first.metadata) == (
        "سلام", f"tg-tisa-{chat}", "telegram", {"store": "tisa"})
    assert (second.text, second.sender_id, second.metadata) == ("/greet", f"tg-tisa-{chat}", {"store": "tisa", "language": "ru"})
    assert [c.token for c in fake.since(mark)] == [TISA_TOKEN, TISA_TOKEN]
    assert fake.since(mark, "getMe") == []


async def test_a_flooding_chat_is_told_to_wait_once_and_the_flood_never_reaches_rasa(
        fake: FakeTelegram, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("MESSAGE_RATE", "3:1")  # 3 at once, then one a minute
    limited = StoreTelegramInput(load_settings(bots_env(fake)))
    recorder, flooder, other = Recorder({"text": "سلام!"}), new_chat(), new_chat()
    try:
        for number in range(8):
            assert (await limited.handle("tisa", SECRET, body(private(flooder, f"سلام {number}")), recorder))[0] == 200
        assert (await limited.handle("tisa", SECRET, body(private(other, "سلام")), recorder))[0] == 200
    finally:
        for bot in limited.bots.values():
            await bot.close()
    assert [message.text for message in recorder.messages] == ["سلام 0", "سلام 1", "سلام 2", "سلام"]
    assert fake.texts(flooder) == ["سلام!"] * 3 + [REFUSALS["rate_limited"]["fa"]]  # told once, not five times


async def test_a_resent_update_is_handled_once(channel: StoreTelegramInput) -> None:
    recorder, update = Recorder(), private(new_chat(), "سلام")
    for _ in range(3):
        assert (await channel.handle("tisa", SECRET, body(update), recorder))[0] == 200
    assert len(recorder.messages) == 1


async def test_when_the_assistant_fails_the_customer_gets_an_apology_not_a_500(fake: FakeTelegram,
                                                                                channel: StoreTelegramInput) -> None:
    chat = new_chat()
    status, _ = await channel.handle("citadel", SECRET, body(private(chat, "Где мой заказ?", "fa")), Recorder(fail=True))
    assert status == 200
    assert fake.texts(chat) == [UNAVAILABLE["ru"]]


async def test_a_button_press_is_answered_before_rasa_sees_its_data(fake: FakeTelegram,
                                                                      channel: StoreTelegramInput) -> None:
    recorder, chat = Recorder(), new_chat()
    update = button_press(chat, '/order_status{"order_id": "58120"}')
    mark = fake.mark()
    assert (await channel.handle("tisa", SECRET, body(update), recorder))[0] == 200
    [answered] = fake.since(mark, "answerCallbackQuery")
    assert answered.params == {"callback_query_id": update["callback_query"]["id"]}
    [message] = recorder.messages
    assert message.text == SLASH_ESCAPE + '/order_status{"order_id": "58120"}'


# ---------------------------------------------------------------- the command line


def cli(fake: FakeTelegram, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], *args: str,
        env: Optional[dict[str, str]] = None) -> tuple[int, str, str]:
    for key, value in (env if env is not None else bots_env(fake)).items():
        monkeypatch.setenv(key, value)
    code = cli_main(list(args))
    out, err = capsys.readouterr()
    assert "TEST-tisa_token" not in out + err and "TEST-citadel_token" not in out + err
    return code, out, err


def test_set_webhook_registers_our_secret_and_the_updates_we_read(fake: FakeTelegram, monkeypatch: pytest.MonkeyPatch,
                                                                    capsys: pytest.CaptureFixture[str]) -> None:
    url = "https://example.com/webhooks/telegram/webhook/tisa"
    mark = fake.mark()
    code, out, err = cli(fake, monkeypatch, capsys, "set-webhook", "--store", "tisa", "--url", url, "--drop-pending-updates")
    assert (code, err) == (0, "")
    assert out.strip() == f"tisa: webhook of @tisa_test_bot set to {url}"
    [call] = fake.since(mark, "setWebhook")
    assert call.token == TISA_TOKEN
    assert call.params == {"url": url, "secret_token": SECRET, "drop_pending_updates": True,
                           "allowed_updates": ["message", "edited_message", "callback_query"]}
    code, out, _ = cli(fake, monkeypatch, capsys, "info")
    assert code == 0 and f"webhook: {url}" in out and "@tisa_test_bot" in out and "@citadel_test_bot" in out
    assert SECRET not in out
    code, out, _ = cli(fake, monkeypatch, capsys, "delete-webhook", "--store", "tisa")
    assert code == 0 and fake.since(mark, "deleteWebhook")[0].token == TISA_TOKEN
    code, out, _ = cli(fake, monkeypatch, capsys, "info", "--store", "tisa")
    assert code == 0 and "webhook: (none)" in out


@pytest.mark.parametrize(
    "args, env, code, words",
    [
        (["set-webhook", "--store", "tisa", "--url", "http://example.com/webhooks/telegram/webhook/tisa"], None, 2, "https://"),
        (["set-webhook", "--store", "sitra", "--url", "https://example.com/webhooks/telegram/webhook/sitra"], None, 2,
         "no bot for store 'sitra'"),
        (["info"], {"TELEGRAM_BOTS": "tisa:x"}, 2, "TELEGRAM_BOTS"),
        (["info"], {"TELEGRAM_BOTS": ""}, 2, "configures no bot"),
        (["info"], {"TELEGRAM_BOTS": f"tisa:{UNKNOWN_TOKEN}"}, 1, "Unauthorized"),
    ],
)
def test_cli_errors(fake: FakeTelegram, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str],
                    args: list[str], env: Optional[dict[str, str]], code: int, words: str) -> None:
    environment = {**bots_env(fake), **(env or {})}
    got, out, err = cli(fake, monkeypatch, capsys, *args, env=environment)
    assert got == code and words in err and out == ""
    assert "TEST-not-known" not in err


def test_a_url_for_another_store_is_set_with_a_warning(fake: FakeTelegram, monkeypatch: pytest.MonkeyPatch,
                                                       capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = cli(fake, monkeypatch, capsys, "set-webhook", "--store", "citadel",
                       "--url", "https://example.com/webhooks/telegram/webhook/tisa")
    assert code == 0 and err.startswith("warning:") and "/webhooks/telegram/webhook/citadel" in err


def test_the_cli_runs_as_a_module(fake: FakeTelegram) -> None:
    url = "https://shop.example/webhooks/telegram/webhook/citadel"
    run = subprocess.run([sys.executable, "-m", "bot.telegram", "set-webhook", "--store", "citadel", "--url", url],
                         cwd=ROOT, env={**os.environ, **bots_env(fake)}, capture_output=True, text=True, timeout=60)
    assert run.returncode == 0, run.stderr
    assert run.stdout.strip() == f"citadel: webhook of @citadel_test_bot set to {url}"
    assert fake.webhooks[CITADEL_TOKEN]["url"] == url


# ---------------------------------------------------------------- the real servers


@pytest.fixture(scope="session")
def telegram(model_path: Path, fake: FakeTelegram) -> Iterator[Any]:
    """The action and Rasa servers with the tisa and citadel bots on the fake Bot API."""
    from support import ARTIFACTS, Servers

    mark = fake.mark()
    running = Servers(model_path, ARTIFACTS / "telegram-server-logs", extra_env=bots_env(fake))
    running.calls_at_start = fake.since(mark)
    yield running
    running.stop()


def post(servers: Any, store: str, update: Any, secret: Optional[str] = SECRET) -> requests.Response:
    headers = {"Content-Type": "application/json", **({SECRET_HEADER: secret} if secret is not None else {})}
    raw = update if isinstance(update, bytes) else body(update)
    return requests.post(f"{servers.url}/webhooks/telegram/webhook/{store}", data=raw, headers=headers, timeout=90)


def deliver(servers: Any, store: str, update: Any) -> None:
    """Posts an update as Telegram would and expects Telegram's 200."""
    answer = post(servers, store, update)
    assert answer.status_code == 200, answer.text
    assert answer.json()["ok"] is True


def user_events(servers: Any, sender: str) -> list[dict[str, Any]]:
    """The customer's messages as Rasa stored them (text, intent, entities, metadata)."""
    with sqlite3.connect(servers.tracker_db) as db:
        rows = db.execute("SELECT data FROM events WHERE sender_id = ? AND type_name = 'user' ORDER BY id", (sender,))
        return [json.loads(data) for (data,) in rows]


def metadata(event: dict[str, Any]) -> dict[str, Any]:
    """What the channel put in a user event's metadata (Rasa adds its model and assistant ids)."""
    return {key: value for key, value in event["metadata"].items() if key not in ("model_id", "assistant_id")}


def greeting(store: str, language: str) -> tuple[str, list[list[dict[str, str]]]]:
    """The greeting as domain.yml words it for the store, and its buttons as an inline keyboard."""
    responses = yaml.safe_load((ROOT / "domain.yml").read_text(encoding="utf-8"))["responses"]
    slots = {"language": language, "offers_installments": offers_installments(policies()[store])}
    [variation] = ResponseVariationFilter(responses).responses_for_utter_action("utter_greet", "telegram", slots)
    text = variation["text"].format(store_name=policies()[store].name[language])
    return text, [[{"text": b["title"], "callback_data": b["payload"]}] for b in variation["buttons"]]


@pytest.mark.server
def test_the_server_starts_without_calling_telegram(telegram: Any) -> None:
    assert telegram.calls_at_start == []
    assert requests.get(f"{telegram.url}/webhooks/telegram/", timeout=10).json() == {"status": "ok", "stores": ["tisa", "citadel"]}


@pytest.mark.server
@pytest.mark.parametrize("store, language_code, language", [("tisa", "ru", "ru"), ("tisa", "fa", "fa"),
                                                            ("citadel", "fa", "fa"), ("citadel", "en", "ru"),
                                                            ("tisa", None, "fa")])
def test_start_greets_in_the_users_telegram_language(telegram: Any, fake: FakeTelegram, store: str,
                                                     language_code: Optional[str], language: str) -> None:
    chat = new_chat()
    mark = fake.mark()
    deliver(telegram, store, private(chat, "/start", language_code))
    text, keyboard = greeting(store, language)
    [sent] = fake.sent(chat, mark)
    assert sent["text"] == text
    assert sent["reply_markup"] == {"inline_keyboard": keyboard}
    assert {c.token for c in fake.since(mark)} == {TISA_TOKEN if store == "tisa" else CITADEL_TOKEN}
    assert fake.since(mark, "getMe") == []


@pytest.mark.server
@pytest.mark.parametrize("store, text, language", [("tisa", "سلام، سفارشم کی می‌رسه؟", "fa"),
                                                   ("citadel", "Здравствуйте, где мой заказ?", "ru"),
                                                   ("tisa", "Привет, сколько стоит доставка?", "ru"),
                                                   ("citadel", "سلام، هزینه‌ی ارسال چقدر است؟", "fa")])
def test_private_text_is_answered_in_its_language(telegram: Any, fake: FakeTelegram, store: str, text: str,
                                                  language: str) -> None:
    chat = new_chat()
    deliver(telegram, store, private(chat, text, "fa" if language == "ru" else "ru"))  # the text wins over language_code
    texts = fake.texts(chat)
    assert texts and all(detect_language(reply) == language for reply in texts)
    [event] = user_events(telegram, f"tg-{store}-{chat}")
    assert event["text"] == text and metadata(event) == {"store": store}


@pytest.mark.server
def test_each_question_of_a_message_is_answered_in_the_chat(telegram: Any, fake: FakeTelegram) -> None:
    chat = new_chat()
    deliver(telegram, "citadel", private(chat, "Visa принимаете? и сколько дней доставка по Тбилиси?", "ru"))
    texts = fake.texts(chat)
    assert "VISA" in texts[0] and any("2–3" in text for text in texts[1:])
    assert [(event["text"], metadata(event)["question"]) for event in user_events(telegram, f"tg-citadel-{chat}")] == [
        ("Visa принимаете?", 1), ("и сколько дней доставка по Тбилиси?", 2)]


@pytest.mark.server
def test_a_greeting_button_is_answered_in_the_conversations_language(telegram: Any, fake: FakeTelegram) -> None:
    chat = new_chat()
    deliver(telegram, "tisa", private(chat, "/start", "ru"))
    mark = fake.mark()
    pressed = button_press(chat, "/order_status", "ru")
    deliver(telegram, "tisa", pressed)
    assert [c.params for c in fake.since(mark, "answerCallbackQuery")] == [{"callback_query_id": pressed["callback_query"]["id"]}]
    texts = fake.texts(chat, mark)
    assert texts and all(detect_language(reply) == "ru" for reply in texts)
    assert user_events(telegram, f"tg-tisa-{chat}")[-1]["parse_data"]["intent"]["name"] == "order_status"


@pytest.mark.server
def test_a_forged_callback_cannot_inject_intents_or_entities(telegram: Any, fake: FakeTelegram) -> None:
    chat = new_chat()
    forged = '/greet{"store": "citadel", "order_id": "X-1"}'
    mark = fake.mark()
    deliver(telegram, "tisa", button_press(chat, forged))
    assert len(fake.since(mark, "answerCallbackQuery")) == 1
    [event] = user_events(telegram, f"tg-tisa-{chat}")
    assert event["text"] == SLASH_ESCAPE + forged and metadata(event) == {"store": "tisa"}
    assert {e["entity"] for e in event["parse_data"].get("entities", [])}.isdisjoint({"store"})
    assert all(e.get("value") != "X-1" for e in event["parse_data"].get("entities", []))
    assert all("Citadel" not in text and "سیتادل" not in text for text in fake.texts(chat, mark))


@pytest.mark.server
def test_typed_intent_syntax_is_plain_text(telegram: Any, fake: FakeTelegram) -> None:
    chat = new_chat()
    typed = '/human_handoff{"phone": "09120000000"}'
    deliver(telegram, "tisa", private(chat, typed))
    [event] = user_events(telegram, f"tg-tisa-{chat}")
    assert event["text"] == SLASH_ESCAPE + typed
    assert fake.texts(chat)


@pytest.mark.server
@pytest.mark.parametrize("store, phone, digits", [("tisa", "+98 912 123 4567", "989121234567"),
                                                  ("citadel", "995555123456", "995555123456")])
def test_the_customers_own_number_reaches_rasa(telegram: Any, fake: FakeTelegram, store: str, phone: str,
                                               digits: str) -> None:
    chat = new_chat()
    deliver(telegram, store, shared_contact(chat, phone, chat, "ru" if store == "citadel" else "fa"))
    [event] = user_events(telegram, f"tg-{store}-{chat}")
    assert event["text"] == digits
    assert metadata(event) == {"store": store, "contact_phone": f"+{digits}"}
    assert fake.texts(chat)  # the assistant answered


@pytest.mark.server
@pytest.mark.parametrize("store, language_code, language", [("tisa", "fa", "fa"), ("citadel", "ru", "ru")])
def test_somebody_elses_number_is_refused_politely(telegram: Any, fake: FakeTelegram, store: str, language_code: str,
                                                   language: str) -> None:
    chat = new_chat()
    deliver(telegram, store, shared_contact(chat, "+989350000000", chat + 1, language_code))
    [sent] = fake.sent(chat)
    assert sent["text"] == FOREIGN_CONTACT[language].format(button=PHONE_BUTTON[language])
    assert sent["reply_markup"]["keyboard"] == [[{"text": PHONE_BUTTON[language], "request_contact": True}]]
    assert user_events(telegram, f"tg-{store}-{chat}") == []


@pytest.mark.server
def test_groups_get_no_answers_unless_they_address_the_bot(telegram: Any, fake: FakeTelegram) -> None:
    room = -(new_chat() * 1000)
    mark = fake.mark()
    deliver(telegram, "tisa", group(room, "سلام به همه، کسی از تیسا خرید کرده؟"))
    deliver(telegram, "tisa", group(room, "/start@other_bot"))  # needs our @name: one getMe, no answer
    assert fake.since(mark, "sendMessage") == []
    deliver(telegram, "tisa", group(room, "/start@tisa_test_bot"))
    deliver(telegram, "tisa", group(room, "@tisa_test_bot سفارشم کجاست؟"))
    deliver(telegram, "tisa", group(room, None, new_chat_members=[BOT_USERS[TISA_TOKEN]]))
    for _ in range(10):
        deliver(telegram, "tisa", group(room, "/start"))
    expected = PRIVATE_ONLY["fa"].format(bot="@tisa_test_bot")
    assert fake.texts(room, mark) == [expected]  # one notice per group per hour, however often addressed
    other = room - 1
    deliver(telegram, "tisa", group(other, "/start"))
    assert fake.texts(other, mark) == [expected]  # another group hears it too
    assert len(fake.since(mark, "getMe")) <= 1  # cached for the whole process
    assert user_events(telegram, f"tg-tisa-{room}") == []


@pytest.mark.server
def test_channel_posts_are_ignored(telegram: Any, fake: FakeTelegram) -> None:
    mark = fake.mark()
    deliver(telegram, "tisa", channel_post(-1009999, "تخفیف ویژه‌ی یلدا"))
    assert fake.since(mark) == []


@pytest.mark.server
@pytest.mark.parametrize("store, text, language", [("tisa", "سلام، سفارشم کجاست", "fa"), ("tisa", "Где заказ", "ru"),
                                                   ("citadel", "Где заказ?", "ru")])
def test_an_edited_message_is_declined_in_its_language(telegram: Any, fake: FakeTelegram, store: str, text: str,
                                                        language: str) -> None:
    chat = new_chat()
    deliver(telegram, store, private(chat, text, key="edited_message"))
    assert fake.texts(chat) == [EDITED[language]]
    assert user_events(telegram, f"tg-{store}-{chat}") == []


@pytest.mark.server
def test_a_photo_gets_a_polite_text_only_note(telegram: Any, fake: FakeTelegram) -> None:
    chat = new_chat()
    deliver(telegram, "citadel", private(chat, None, "ru", photo=[{"file_id": "AgAD", "width": 90, "height": 90}]))
    assert fake.texts(chat) == [UNSUPPORTED["ru"]]


@pytest.mark.server
@pytest.mark.parametrize(
    "store, secret, raw, status",
    [("tisa", None, None, 403), ("tisa", "wrong-secret", None, 403), ("sitra", SECRET, None, 404),
     ("nope", SECRET, None, 404), ("tisa", SECRET, b'{"update_id": 1, "message": ', 400), ("tisa", SECRET, b"[]", 400),
     ("tisa", SECRET, b"\xff", 400)],
)
def test_the_webhook_refuses_without_a_500(telegram: Any, fake: FakeTelegram, store: str, secret: Optional[str],
                                           raw: Optional[bytes], status: int) -> None:
    chat = new_chat()
    mark = fake.mark()
    answer = post(telegram, store, raw if raw is not None else private(chat, "سلام"), secret)
    assert answer.status_code == status and answer.json()["ok"] is False
    assert fake.since(mark) == [] and user_events(telegram, f"tg-{store}-{chat}") == []


@pytest.mark.server
@pytest.mark.parametrize("update", [{"update_id": 5}, {"message": 5}, {"message": {"chat": {"id": "x"}, "text": 1}},
                                    {"callback_query": {"id": 1, "data": {"x": 1}}},
                                    {"message": {"chat": {"id": -5, "type": "group"}, "from": {"id": 5}, "contact": []}}])
def test_odd_updates_get_a_200_and_no_answer(telegram: Any, fake: FakeTelegram, update: dict[str, Any]) -> None:
    mark = fake.mark()
    deliver(telegram, "tisa", update)
    assert fake.since(mark, "sendMessage") == []


@pytest.mark.server
def test_an_agent_takes_a_telegram_chat_writes_to_it_at_once_and_hands_it_back(telegram: Any,
                                                                              fake: FakeTelegram) -> None:
    chat = new_chat()
    conversation = f"tg-tisa-{chat}"
    telegram.add_agent("leila", "leila's long password", "tisa")
    console = requests.Session()
    csrf = console.post(f"{telegram.url}/console/api/login", json={"agent": "leila", "password": "leila's long password"},
                        timeout=30).json()["csrf"]
    headers = {"X-Console-CSRF": csrf}
    mark = fake.mark()
    deliver(telegram, "tisa", private(chat, "می‌خواهم با اپراتور صحبت کنم"))
    assert "الان آنلاین است" in fake.texts(chat, mark)[-1]  # she is signed in: online
    queue = console.get(f"{telegram.url}/console/api/queue", timeout=30).json()
    assert [item["channel"] for item in queue if item["conversation"] == conversation] == ["telegram"]
    mark = fake.mark()
    assert console.post(f"{telegram.url}/console/api/conversations/{conversation}/take", headers=headers,
                        timeout=30).status_code == 200
    [joined] = fake.texts(chat, mark)
    assert "leila" in joined
    mark = fake.mark()
    deliver(telegram, "tisa", private(chat, "سفارشم TS-1041 کجاست؟"))
    assert fake.texts(chat, mark) == []  # the assistant keeps quiet: the agent answers
    written = console.post(f"{telegram.url}/console/api/conversations/{conversation}/messages",
                           json={"text": "سلام، بررسی می‌کنم"}, headers=headers, timeout=30)
    assert written.status_code == 200
    assert fake.texts(chat, mark)[-1] == "سلام، بررسی می‌کنم"  # sent to Telegram before the answer came back
    transcript = console.get(f"{telegram.url}/console/api/conversations/{conversation}", timeout=30).json()
    assert [line["text"] for line in transcript["messages"] if line["author"] != "bot"][-2:] == [
        "سفارشم TS-1041 کجاست؟", "سلام، بررسی می‌کنم"]
    assert console.post(f"{telegram.url}/console/api/conversations/{conversation}/release", headers=headers,
                        timeout=30).status_code == 200
    mark = fake.mark()
    deliver(telegram, "tisa", private(chat, "هزینه ارسال چقدر است؟"))
    assert any(free_shipping_words() in text for text in fake.texts(chat, mark))  # the assistant answers again
