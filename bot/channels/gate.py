"""The door of every customer channel: signed conversation ids, safe text, bounded requests, rate limits.

Each channel calls these at its door, before anything reaches Rasa, its tracker store, the
orders database or a log:

- A web conversation id is issued by the server (`POST /webhooks/rest/conversations`) and
  signed with the server's secret; it names the one store the conversation belongs to. A
  message or history request with an id we did not sign is refused (403), so nobody reads
  or continues a conversation by guessing or inventing its id.
- Text is valid Unicode of bounded length with no control characters (a lone surrogate
  once made the SQL tracker store stop the server).
- Bodies are read up to a limit (413 past it) and parsed as one JSON object (400 for
  anything else, deep nesting included).
- Rate limits are token buckets per key (a client address, a chat), in this process.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import re
import secrets
import time
import unicodedata
from collections import OrderedDict
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Mapping, Optional

from sanic import response
from sanic.request import Request
from sanic.response import HTTPResponse

from bot.channels.guard import bilingual
from bot.settings import conversation_secret
from bot.stores.policy import StorePolicy, policies

ID_VERSION = "c1"
_ID = re.compile(rf"{ID_VERSION}\.([a-z0-9_]{{1,32}})\.([A-Za-z0-9_-]{{22}})\.([A-Za-z0-9_-]{{43}})")
MAX_ECHO = 64  # characters of a refused value that an error may repeat

REFUSALS = {
    "unknown_store": {
        "fa": "این فروشگاه شناخته نشد: «{store}». فروشگاه‌های شناخته‌شده: {known}.",
        "ru": "Магазин «{store}» не найден. Известные магазины: {known}.",
    },
    "bad_request": {
        "fa": "درخواست نامعتبر است: {problem}",
        "ru": "Неверный запрос: {problem}",
    },
    "too_large": {
        "fa": "پیام شما خیلی طولانی است. لطفاً کوتاه‌تر بنویسید (حداکثر ۲۰۰۰ نویسه).",
        "ru": "Ваше сообщение слишком длинное. Пожалуйста, напишите короче (не более 2000 символов).",
    },
    "forbidden_conversation": {
        "fa": "این گفتگو معتبر نیست یا منقضی شده است. لطفاً یک گفتگوی تازه شروع کنید.",
        "ru": "Этот разговор недействителен или устарел. Пожалуйста, начните новый разговор.",
    },
    "store_mismatch": {
        "fa": "این گفتگو متعلق به فروشگاه دیگری است. لطفاً برای این فروشگاه یک گفتگوی تازه شروع کنید.",
        "ru": "Этот разговор относится к другому магазину. Пожалуйста, начните новый разговор для этого магазина.",
    },
    "rate_limited": {
        "fa": "درخواست‌ها خیلی زیاد است. لطفاً چند لحظه صبر کنید و دوباره تلاش کنید.",
        "ru": "Слишком много запросов. Пожалуйста, подождите немного и попробуйте снова.",
    },
}


class Refused(ValueError):
    """A request a channel refuses: the HTTP status and the JSON body to answer."""

    def __init__(self, status: int, error: str, problem: str = "", values: Optional[Mapping[str, str]] = None,
                 **extra: Any) -> None:
        """A body with a machine-readable `error` and its text in both languages (`values` fill it)."""
        super().__init__(problem or error)
        self.status = status
        self.body: dict[str, Any] = {"error": error, **extra}
        if problem:
            self.body["problem"] = problem
        self.body.update(bilingual(REFUSALS[error], problem=problem, **(values or {})))

    def response(self) -> HTTPResponse:
        """The refusal as a JSON response (with Retry-After when it says when to come back)."""
        wait = self.body.get("retry_after")
        headers = {"Retry-After": str(wait)} if wait else {}
        return response.json(self.body, status=self.status, headers={"Cache-Control": "no-store", **headers})


def bad_request(problem: str) -> Refused:
    """A 400 naming what is wrong."""
    return Refused(400, "bad_request", problem)


def known_store(value: Any) -> StorePolicy:
    """The store named by `value`, or a 400 that names the known ones."""
    known = policies()
    if isinstance(value, str) and value in known:
        return known[value]
    store = echo(value)
    raise Refused(400, "unknown_store", values={"store": store, "known": ", ".join(known)},
                  store=store, stores=list(known))


def echo(value: Any) -> str:
    """A refused value as an error may repeat it: short, and only what is safe to show."""
    text = value if isinstance(value, str) else str(value)
    return "".join(char for char in text[:MAX_ECHO] if text_problem(char) is None)


# ---------------------------------------------------------------- text


def text_problem(text: str) -> Optional[str]:
    """Why a text may not be kept (a lone surrogate, a control character), or None."""
    for char in text:
        category = unicodedata.category(char)
        if category == "Cs":
            return "the text is not valid Unicode (a lone surrogate)"
        if category == "Cc" and char not in "\t\n\r":
            return f"the text contains a control character (U+{ord(char):04X})"
        if category == "Cn" and (ord(char) & 0xFFFE) == 0xFFFE:
            return f"the text contains a non-character (U+{ord(char):04X})"
    return None


def checked_text(value: Any, name: str, max_length: int) -> str:
    """`value` if it is a safe string of at most `max_length` characters, else a 400."""
    if not isinstance(value, str):
        raise bad_request(f"'{name}' must be a string")
    if len(value) > max_length:
        raise bad_request(f"'{name}' must be at most {max_length} characters")
    problem = text_problem(value)
    if problem:
        raise bad_request(f"'{name}': {problem}")
    return value


# ---------------------------------------------------------------- requests


async def read_body(request: Request, limit: int) -> bytes:
    """The body of a streamed request, or a 413 as soon as it passes `limit` bytes."""
    declared = request.headers.get("content-length")
    stream = request.stream

    def too_large() -> Refused:
        stream.request_max_size = limit  # Sanic then drops the rest instead of reading it
        return Refused(413, "too_large", f"the body is larger than {limit} bytes")

    if declared is not None and declared.isdigit() and int(declared) > limit:
        raise too_large()
    chunks: list[bytes] = []
    size = 0
    while True:
        chunk = await stream.read()
        if chunk is None:
            return b"".join(chunks)
        size += len(chunk)
        if size > limit:
            raise too_large()
        chunks.append(chunk)


def json_object(body: bytes) -> dict[str, Any]:
    """The body as one JSON object, or a 400 (also for nesting too deep to parse)."""
    try:
        payload = json.loads(body or b"")
    except (ValueError, UnicodeDecodeError, RecursionError):
        raise bad_request("the body is not valid JSON (or is nested too deeply)")
    if not isinstance(payload, dict):
        raise bad_request("the body must be a JSON object")
    return payload


def client_address(request: Request) -> str:
    """The client's address as Sanic sees it (behind a proxy: its configured real-IP header)."""
    return request.remote_addr or request.ip or "unknown"


# ---------------------------------------------------------------- conversation ids


def _b64(data: bytes) -> str:
    """URL-safe base64 without padding."""
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


@dataclass(frozen=True)
class ConversationIds:
    """Issues and checks signed conversation ids: `c1.<store>.<nonce>.<HMAC-SHA256>`."""

    secret: bytes

    def _signature(self, store: str, nonce: str) -> str:
        """The id's signature over its version, store and nonce."""
        message = f"{ID_VERSION}.{store}.{nonce}".encode("ascii")
        return _b64(hmac.new(self.secret, message, hashlib.sha256).digest())

    def issue(self, store: str) -> str:
        """A new conversation id for `store`."""
        nonce = _b64(secrets.token_bytes(16))
        return f"{ID_VERSION}.{store}.{nonce}.{self._signature(store, nonce)}"

    def store_of(self, sender: Any) -> Optional[str]:
        """The store a conversation id was issued for; None when we did not sign it."""
        match = _ID.fullmatch(sender) if isinstance(sender, str) else None
        if match is None:
            return None
        store, nonce, signature = match.groups()
        return store if hmac.compare_digest(signature, self._signature(store, nonce)) else None

    def client_key(self, address: str) -> str:
        """A keyed hash of a client address: failures can be counted without keeping addresses."""
        digest = hmac.new(self.secret, f"client:{address}".encode("utf-8", "replace"), hashlib.sha256).digest()
        return _b64(digest)[:22]


@lru_cache(maxsize=1)
def conversation_ids() -> ConversationIds:
    """The process's signer, with the server secret (see `bot.settings.conversation_secret`)."""
    return ConversationIds(conversation_secret())


def signed_store(sender: Any) -> str:
    """The store of a signed conversation id, or a 403."""
    store = conversation_ids().store_of(sender)
    if store is None:
        raise Refused(403, "forbidden_conversation", "unsigned or forged conversation id")
    return store


# ---------------------------------------------------------------- rate limits


# Messages per conversation, on every channel: a person types far slower, so a flood is refused (429 on the web,
# a polite "wait a moment" on Telegram) before it reaches the assistant.
MESSAGE_RATE = ("MESSAGE_RATE", "20:30")


class RateLimiter:
    """Token buckets per key: `burst` requests at once, then one every `1 / rate` seconds."""

    def __init__(self, burst: int, per_second: float, max_keys: int = 50_000) -> None:
        """Remembers at most `max_keys` keys (the least recently used are forgotten)."""
        self.burst = burst
        self.per_second = per_second
        self.max_keys = max_keys
        self._buckets: OrderedDict[str, tuple[float, float]] = OrderedDict()

    def allow(self, key: str, now: Optional[float] = None) -> bool:
        """Takes a token for `key` if one is left."""
        now = time.monotonic() if now is None else now
        tokens, last = self._buckets.pop(key, (float(self.burst), now))
        tokens = min(float(self.burst), tokens + (now - last) * self.per_second)
        allowed = tokens >= 1.0
        self._buckets[key] = (tokens - 1.0 if allowed else tokens, now)
        while len(self._buckets) > self.max_keys:
            self._buckets.popitem(last=False)
        return allowed

    def retry_after(self, key: str) -> int:
        """Whole seconds until `key` has a token again."""
        tokens, _ = self._buckets.get(key, (float(self.burst), 0.0))
        return max(1, int((1.0 - tokens) / self.per_second + 0.999))

    def check(self, key: str, now: Optional[float] = None) -> None:
        """Takes a token or raises a 429 that says when to come back."""
        if not self.allow(key, now):
            raise Refused(429, "rate_limited", "too many requests", retry_after=self.retry_after(key))
