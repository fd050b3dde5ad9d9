"""The REST channel customers' widgets talk to: validated input, store in metadata.

Same URL and answer shape as Rasa's REST channel (`POST /webhooks/rest/webhook`,
`{"sender", "message", "metadata": {"store": ...}}` in, a list of bot messages out),
but malformed requests get a 400 with a clear message instead of a 500, unknown stores
are refused, a missing store gets the configured default, and customer text never
reaches Rasa's `/intent{...}` parser.
"""

from __future__ import annotations

import asyncio
import json
import logging
from typing import Any, Awaitable, Callable, Dict, Optional, Text

from rasa.core.channels.channel import CollectingOutputChannel, UserMessage
from rasa.core.channels.rest import RestInput
from sanic import Blueprint, response
from sanic.request import Request
from sanic.response import HTTPResponse

from bot.channels.guard import (
    BAD_REQUEST,
    MAX_SENDER_LENGTH,
    RESERVED_SENDER_PREFIXES,
    UNAVAILABLE,
    UNKNOWN_STORE,
    bilingual,
    language_hint,
    screen_text,
)
from bot.settings import default_store
from bot.stores.policy import policies

logger = logging.getLogger(__name__)


class RequestError(ValueError):
    """A request the channel refuses, with the HTTP status and the body to answer."""

    def __init__(self, status: int, body: Dict[str, Any]) -> None:
        """Keeps the answer to send."""
        super().__init__(body.get("error", "bad request"))
        self.status = status
        self.body = body


def _bad_request(problem: str) -> RequestError:
    """A 400 naming what is wrong, readable by the store's developers and customers."""
    return RequestError(400, {"error": "bad_request", "problem": problem, **bilingual(BAD_REQUEST, problem=problem)})


def parse_request(body: bytes) -> tuple[str, str, Dict[str, Any]]:
    """Sender, text and safe metadata from a webhook body, or a RequestError."""
    try:
        payload = json.loads(body or b"")
    except (ValueError, UnicodeDecodeError):
        raise _bad_request("the body is not valid JSON")
    if not isinstance(payload, dict):
        raise _bad_request("the body must be a JSON object")
    sender = payload.get("sender")
    if not isinstance(sender, str) or not sender.strip() or len(sender) > MAX_SENDER_LENGTH:
        raise _bad_request(f"'sender' must be a non-empty string of at most {MAX_SENDER_LENGTH} characters")
    if sender.strip().startswith(RESERVED_SENDER_PREFIXES):
        raise _bad_request("this sender id belongs to another channel")
    text = payload.get("message", "")
    if text is None:
        text = ""
    if not isinstance(text, str):
        raise _bad_request("'message' must be a string")
    metadata = payload.get("metadata") or {}
    if not isinstance(metadata, dict):
        raise _bad_request("'metadata' must be a JSON object")
    store = metadata.get("store") or default_store()
    if not isinstance(store, str) or store not in policies():
        known = ", ".join(policies())
        raise RequestError(
            400,
            {"error": "unknown_store", "store": str(store), "stores": list(policies()),
             **bilingual(UNKNOWN_STORE, store=str(store), known=known)},
        )
    safe: Dict[str, Any] = {"store": store}
    hint = language_hint(metadata.get("language"))
    if hint:
        safe["language"] = hint
    return sender.strip(), text, safe


class StoreRestInput(RestInput):
    """Rasa's REST input, hardened for customers' browsers."""

    @classmethod
    def name(cls) -> Text:
        """Served under /webhooks/rest/."""
        return "rest"

    @classmethod
    def from_credentials(cls, credentials: Optional[Dict[Text, Any]]) -> StoreRestInput:
        """Reads the store policies at server start: a malformed one stops the start."""
        policies()
        default_store()
        return cls()

    def blueprint(
        self, on_new_message: Callable[[UserMessage], Awaitable[Any]]
    ) -> Blueprint:
        """Health check and webhook."""
        webhook = Blueprint(f"store_rest_{id(self)}", __name__)

        @webhook.route("/", methods=["GET"])
        async def health(request: Request) -> HTTPResponse:
            return response.json({"status": "ok", "stores": list(policies())})

        @webhook.route("/webhook", methods=["POST"])
        async def receive(request: Request) -> HTTPResponse:
            try:
                sender, text, metadata = parse_request(request.body)
            except RequestError as error:
                return response.json(error.body, status=error.status)
            screened = screen_text(text)
            collector = CollectingOutputChannel()
            message = UserMessage(
                screened.text,
                collector,
                sender,
                input_channel=self.name(),
                metadata={**metadata, **screened.metadata},
            )
            try:
                await on_new_message(message)
            except (asyncio.CancelledError, Exception):  # never a bare 500 to a customer
                logger.exception("Handling a message of conversation %s failed", sender)
                return response.json({"error": "unavailable", **bilingual(UNAVAILABLE)}, status=503)
            return response.json(collector.messages)

        return webhook
