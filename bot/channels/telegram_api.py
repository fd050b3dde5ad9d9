"""Telegram settings from the environment and a small Bot API client, without Rasa.

Settings (environment only; tokens never live in the repository):

- `TELEGRAM_BOTS`: `store:token,store:token`, one bot per store, e.g.
  `tisa:123456:AAE...,citadel:654321:AAF...` (a token has a colon itself; the first colon
  ends the store id). Stores must be known ids; a store may appear once and a token too.
  Empty or unset: no bots, the channel still starts and its webhooks answer 404.
- `TELEGRAM_SECRET_TOKEN`: the secret Telegram sends back in the
  `X-Telegram-Bot-Api-Secret-Token` header (1-256 of `A-Z a-z 0-9 _ -`); required as soon
  as a bot is configured.
- `TELEGRAM_API_BASE`: the Bot API server, `https://api.telegram.org` by default (a
  self-hosted Bot API server, a relay, or the tests' fake server).

A bad value stops the start with a `ConfigError` naming the variable; error messages show
a bot's numeric id at most, never a token.

`BotApi` calls one bot's methods over aiohttp. Its HTTP session is created on first use
inside the running event loop (and again if a later call runs on another loop), so it never
outlives its loop ("Event loop is closed"), and nothing is called at import or start-up.
`getMe` is cached after its first success.
"""

from __future__ import annotations

import asyncio
import json
import logging
import os
import re
from dataclasses import dataclass, field
from typing import Any, Mapping, Optional

import aiohttp

from bot.settings import ConfigError
from bot.stores.policy import policies

logger = logging.getLogger(__name__)

ENV_BOTS = "TELEGRAM_BOTS"
ENV_SECRET = "TELEGRAM_SECRET_TOKEN"
ENV_API_BASE = "TELEGRAM_API_BASE"
DEFAULT_API_BASE = "https://api.telegram.org"
SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token"

_TOKEN = re.compile(r"[0-9]{1,20}:[A-Za-z0-9_-]{1,200}")
_SECRET = re.compile(r"[A-Za-z0-9_-]{1,256}")
_API_BASE = re.compile(r"https?://[^\s/?#]+(/[^\s?#]*)?")
MAX_RETRY_AFTER = 5  # seconds we are willing to wait once when Telegram says "429, retry after"


def bot_id(token: str) -> int:
    """The bot's own user id: the number in front of the token's colon."""
    return int(token.split(":", 1)[0])


def masked(token: str) -> str:
    """A token as logs and errors may show it: the bot id only."""
    head = token.split(":", 1)[0]
    return f"{head}:***" if head.isdigit() else "***"


@dataclass(frozen=True)
class TelegramSettings:
    """Which store's bot has which token, the webhook secret and the API server."""

    bots: Mapping[str, str] = field(default_factory=dict)
    secret: Optional[str] = None
    api_base: str = DEFAULT_API_BASE


def parse_bots(value: str) -> dict[str, str]:
    """`store:token,store:token` to {store: token}, or a ConfigError naming TELEGRAM_BOTS."""
    known = policies()
    bots: dict[str, str] = {}
    for number, entry in enumerate((part.strip() for part in value.split(",")), start=1):
        if not entry:
            continue
        store, colon, token = (piece.strip() for piece in entry.partition(":"))
        if not colon or not store:
            raise ConfigError(f"{ENV_BOTS}: entry {number} must look like store:token (e.g. tisa:123456:AAE...)")
        if store not in known:
            raise ConfigError(f"{ENV_BOTS}: entry {number} names the unknown store '{store}' (known: {', '.join(known)})")
        if not _TOKEN.fullmatch(token):
            raise ConfigError(
                f"{ENV_BOTS}: entry {number} ({store}) has no valid bot token "
                "(expected the token from @BotFather, like 123456:AAE...)"
            )
        if store in bots:
            raise ConfigError(f"{ENV_BOTS}: store '{store}' appears twice; each store has one bot")
        if token in bots.values():
            raise ConfigError(f"{ENV_BOTS}: the bot {masked(token)} is given for two stores; each store needs its own bot")
        bots[store] = token
    return bots


def load_settings(environ: Optional[Mapping[str, str]] = None) -> TelegramSettings:
    """The Telegram settings from the environment, checked; a ConfigError names the variable."""
    env = os.environ if environ is None else environ
    bots = parse_bots(env.get(ENV_BOTS, ""))
    secret = env.get(ENV_SECRET, "").strip() or None
    if bots and secret is None:
        raise ConfigError(f"{ENV_SECRET} must be set when {ENV_BOTS} configures a bot")
    if secret is not None and not _SECRET.fullmatch(secret):
        raise ConfigError(f"{ENV_SECRET} must be 1-256 characters of A-Z, a-z, 0-9, _ and - (Telegram's rule)")
    api_base = (env.get(ENV_API_BASE, "").strip() or DEFAULT_API_BASE).rstrip("/")
    if not _API_BASE.fullmatch(api_base):
        raise ConfigError(f"{ENV_API_BASE} must be an http(s) URL like {DEFAULT_API_BASE}")
    return TelegramSettings(bots=bots, secret=secret, api_base=api_base)


class TelegramError(RuntimeError):
    """A Bot API call that failed, described without the token."""

    def __init__(self, method: str, description: str, error_code: Optional[int] = None,
                 retry_after: Optional[int] = None) -> None:
        """Keeps what the caller may react to (the code, Telegram's retry hint)."""
        super().__init__(f"{method}: {description}" + (f" ({error_code})" if error_code else ""))
        self.method = method
        self.description = description
        self.error_code = error_code
        self.retry_after = retry_after


class BotApi:
    """One bot's Bot API methods, with a loop-bound session and a cached getMe."""

    def __init__(self, token: str, api_base: str = DEFAULT_API_BASE, timeout: float = 30.0) -> None:
        """Stores the settings only: no session and no call before the first use."""
        self._token = token
        self.api_base = api_base.rstrip("/")
        self.bot_id = bot_id(token)
        self._timeout = aiohttp.ClientTimeout(total=timeout)
        self._session: Optional[aiohttp.ClientSession] = None
        self._loop: Optional[asyncio.AbstractEventLoop] = None
        self._me: Optional[dict[str, Any]] = None

    def __repr__(self) -> str:
        """Never shows the token."""
        return f"BotApi({masked(self._token)}, {self.api_base})"

    def _http(self) -> aiohttp.ClientSession:
        """The session of the running loop, created here on first use."""
        loop = asyncio.get_running_loop()
        if self._session is None or self._session.closed or self._loop is not loop:
            # a session left on another (maybe closed) loop cannot be used or closed from here
            self._session = aiohttp.ClientSession(timeout=self._timeout)
            self._loop = loop
        return self._session

    async def close(self) -> None:
        """Closes the session if it belongs to the running loop."""
        if self._session is not None and not self._session.closed and self._loop is asyncio.get_running_loop():
            await self._session.close()
        self._session = None
        self._loop = None

    async def call(self, method: str, **params: Any) -> Any:
        """Calls a method with JSON parameters (None values left out) and returns its result."""
        payload = {key: value for key, value in params.items() if value is not None}
        for attempt in (1, 2):
            try:
                return await self._post(method, payload)
            except TelegramError as error:
                wait = error.retry_after
                if attempt == 1 and error.error_code == 429 and wait is not None and 0 <= wait <= MAX_RETRY_AFTER:
                    await asyncio.sleep(wait)
                    continue
                raise
        raise AssertionError("unreachable")  # pragma: no cover

    async def _post(self, method: str, payload: dict[str, Any]) -> Any:
        """One HTTP round trip; every failure becomes a TelegramError without the URL."""
        url = f"{self.api_base}/bot{self._token}/{method}"
        try:
            async with self._http().post(url, json=payload) as reply:
                status = reply.status
                raw = await reply.read()
        except asyncio.TimeoutError:
            raise TelegramError(method, f"no answer from {self.api_base} in time") from None
        except aiohttp.ClientError as error:
            raise TelegramError(method, f"cannot reach {self.api_base}: {type(error).__name__}") from None
        try:
            answer = json.loads(raw)
        except ValueError:
            answer = None
        if not isinstance(answer, dict) or not isinstance(answer.get("ok"), bool):
            raise TelegramError(method, f"unexpected answer from {self.api_base} (HTTP {status})", status)
        if not answer["ok"]:
            parameters = answer.get("parameters") if isinstance(answer.get("parameters"), dict) else {}
            retry_after = parameters.get("retry_after")
            raise TelegramError(
                method,
                str(answer.get("description") or "failed"),
                answer.get("error_code") if isinstance(answer.get("error_code"), int) else status,
                retry_after if isinstance(retry_after, int) else None,
            )
        return answer.get("result")

    async def get_me(self) -> dict[str, Any]:
        """The bot's own user (id, username), asked once and then remembered."""
        if self._me is None:
            me = await self.call("getMe")
            if not isinstance(me, dict):
                raise TelegramError("getMe", "the answer is not a user")
            self._me = me
        return self._me
