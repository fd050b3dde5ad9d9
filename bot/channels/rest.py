"""The REST channel customers' widgets talk to: signed conversations, validated input.

Same answer shape as Rasa's REST channel (a list of bot messages), with these differences:

- `POST /webhooks/rest/conversations` `{"store": "tisa"}` starts a conversation and
  answers `{"sender": "<signed id>", "store": "tisa"}`; messages use that `sender`. A
  message whose sender we did not sign is refused with 403, one for another store with
  403, and one naming an unknown store with 400.
- `POST /webhooks/rest/webhook` `{"sender", "message", "metadata": {"language"}}`: the body
  is at most `MAX_BODY` bytes (413), one JSON object (400), valid text (400); customer text
  never reaches Rasa's `/intent{...}` parser (see `guard.screen_text`); too many messages from
  one conversation or one address get 429 with Retry-After (`MESSAGE_RATE`,
  `MESSAGE_ADDRESS_RATE`). A message that asks several things is answered question by
  question in one reply (see `parts`).
- Metadata that reaches Rasa is ours: the conversation's store, the language hint, and a
  keyed hash of the client's address that the order look-up counts failures by.
"""

from __future__ import annotations

import asyncio
import logging
from typing import Any, Awaitable, Callable, Dict, Optional, Text

from rasa.core.channels.channel import UserMessage
from rasa.core.channels.rest import RestInput
from sanic import Blueprint, response
from sanic.request import Request
from sanic.response import HTTPResponse

from bot.channels.gate import (
    MESSAGE_RATE,
    RateLimiter,
    Refused,
    bad_request,
    checked_text,
    client_address,
    conversation_ids,
    json_object,
    known_store,
    read_body,
    signed_store,
)
from bot.channels.guard import UNAVAILABLE, bilingual, language_hint, screen_text, silent_reply
from bot.channels.parts import answer_each
from bot.channels.turns import turns
from bot.console.service import held_by_person
from bot.nlu.language import detect_language
from bot.privacy import install_log_masking
from bot.action_calls import close_sessions
from bot.rasa_patches import warm_up
from bot.settings import default_store, rate_limit
from bot.stores.policy import policies

logger = logging.getLogger(__name__)

# bytes: a browser sends a 10,000-character Persian message in 20 KB and gets the polite "too long" reply
# in its language; anything larger is refused with 413 before it is read.
MAX_BODY = 32 * 1024
MAX_START_BODY = 1024
# New conversations per client address: 20 at once, then 10 a minute.
CONVERSATION_RATE = ("CONVERSATION_RATE", "20:10")
# Messages per client address (many customers behind one office address); per conversation: gate.MESSAGE_RATE.
MESSAGE_ADDRESS_RATE = ("MESSAGE_ADDRESS_RATE", "300:600")


def parse_message(payload: Dict[str, Any], client: str) -> tuple[str, str, Dict[str, Any]]:
    """Sender, text and the metadata Rasa gets from a webhook body, or a Refused."""
    sender = payload.get("sender")
    store = signed_store(sender)
    text = payload.get("message")
    text = "" if text is None else checked_text(text, "message", MAX_BODY)
    metadata = payload.get("metadata") or {}
    if not isinstance(metadata, dict):
        raise bad_request("'metadata' must be a JSON object")
    named = metadata.get("store")
    if named is not None and known_store(named).id != store:
        raise Refused(403, "store_mismatch", "this conversation belongs to another store", store=store)
    safe: Dict[str, Any] = {"store": store, "client": client}
    hint = language_hint(metadata.get("language"))
    if hint:
        safe["language"] = hint
    return sender, text, safe  # type: ignore[return-value]


def parse_start(payload: Dict[str, Any]) -> str:
    """The store a new conversation is for (the default one when the body names none)."""
    return known_store(payload.get("store") or default_store()).id


class StoreRestInput(RestInput):
    """Rasa's REST input, hardened for customers' browsers."""

    @classmethod
    def name(cls) -> Text:
        """Served under /webhooks/rest/."""
        return "rest"

    @classmethod
    def from_credentials(cls, credentials: Optional[Dict[Text, Any]]) -> StoreRestInput:
        """Reads the store policies and the signing secret at server start: a problem stops the start."""
        install_log_masking()
        policies()
        default_store()
        conversation_ids()
        turns()  # a bad MESSAGE_CONCURRENCY stops the start, not a customer's message
        return cls()

    def blueprint(
        self, on_new_message: Callable[[UserMessage], Awaitable[Any]]
    ) -> Blueprint:
        """Health check, new conversations and the webhook."""
        webhook = Blueprint(f"store_rest_{id(self)}", __name__)
        starts = RateLimiter(*rate_limit(*CONVERSATION_RATE))
        per_conversation = RateLimiter(*rate_limit(*MESSAGE_RATE))
        per_address = RateLimiter(*rate_limit(*MESSAGE_ADDRESS_RATE))

        @webhook.listener("after_server_start")
        async def warm(app: Any, _: Any) -> None:
            if getattr(app.ctx, "agent", None) is not None:  # Rasa loads its model before the server starts
                await warm_up(app.ctx.agent)

        @webhook.listener("after_server_stop")
        async def close(app: Any, _: Any) -> None:
            await close_sessions()  # the action server's kept connections

        @webhook.route("/", methods=["GET"])
        async def health(request: Request) -> HTTPResponse:
            return response.json({"status": "ok", "stores": list(policies())})

        @webhook.route("/conversations", methods=["POST"], stream=True)
        async def start(request: Request) -> HTTPResponse:
            try:
                store = parse_start(json_object(await read_body(request, MAX_START_BODY)))
                starts.check(client_address(request))
            except Refused as refused:
                return refused.response()
            return response.json({"sender": conversation_ids().issue(store), "store": store},
                                 headers={"Cache-Control": "no-store"})

        @webhook.route("/webhook", methods=["POST"], stream=True)
        async def receive(request: Request) -> HTTPResponse:
            try:
                payload = json_object(await read_body(request, MAX_BODY))
                client = conversation_ids().client_key(client_address(request))
                sender, text, metadata = parse_message(payload, client)
                per_address.check(client)
                per_conversation.check(sender)
            except Refused as refused:
                return refused.response()
            if await held_by_person(sender, text):  # an agent holds it: the agent reads this, the assistant keeps quiet
                return response.json([])
            screened = screen_text(text)
            message = UserMessage(
                screened.text,
                None,
                sender,
                input_channel=self.name(),
                metadata={**metadata, **screened.metadata},
            )
            try:
                replies = await answer_each(on_new_message, message)
            except (asyncio.CancelledError, Exception):  # never a bare 500 to a customer
                logger.exception("Handling a message of conversation %s failed", sender)
                return response.json({"error": "unavailable", **bilingual(UNAVAILABLE)}, status=503)
            if not replies:  # an action failed and Rasa said nothing: say so, never silence
                logger.warning("No reply to a message of conversation %s; the customer is told", sender)
                store = policies().get(str(metadata.get("store")))
                language = (detect_language(text) or language_hint(metadata.get("language"))
                            or (store.language if store else "fa"))
                return response.json([{"recipient_id": sender, **silent_reply(language)}])
            return response.json(replies)

        return webhook

