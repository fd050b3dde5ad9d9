"""The console's page and JSON API, served by the chat server under /console/ (contract: shared/spec/console.md).

Nothing but the page's own files and `POST /console/api/login` answers without a session
cookie (401). Every other POST needs the session's CSRF value in `X-Console-CSRF` (403). An
agent sees and acts on its own stores only: another store's conversation is a 404, as is one
that does not exist, so ids cannot be probed. Tried conversations (`try-…`) run through the
same door as a customer's message (guard, several questions, the real assistant) and are
kept apart: never queued, never listed, never counted.
"""

from __future__ import annotations

import asyncio
import logging
from datetime import timedelta
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any, Awaitable, Callable, Dict, Optional, Text

from rasa.core.channels.channel import CollectingOutputChannel, InputChannel, UserMessage
from rasa.shared.core.events import ActionExecuted, UserUttered
from sanic import Blueprint, response
from sanic.request import Request
from sanic.response import HTTPResponse
from sqlalchemy.orm import Session

from bot.channels.gate import Refused, checked_text, client_address, json_object, read_body
from bot.channels.guard import screen_text
from bot.channels.parts import answer_each
from bot.console import conversations as listing
from bot.console import repository
from bot.console.auth import LoginThrottle, check_password, new_token, token_hash
from bot.console.keep import keep_example, keep_story
from bot.console.models import HELD, Agent
from bot.console.service import now, said_after
from bot.console.views import HIDDEN_ACTIONS, customer_turns, transcript, understanding
from bot.i18n.replies import render
from bot.nlu.language import detect_language
from bot.settings import MAX_MESSAGE_LENGTH
from bot.stores.policy import policies

logger = logging.getLogger(__name__)

COOKIE = "console_session"
CSRF_HEADER = "X-Console-CSRF"
MAX_API_BODY = 16 * 1024
MAX_AGENT_TEXT = 4000
STATIC_DIR = Path(__file__).parent / "static"
FILES = {"index.html": "text/html; charset=utf-8", "console.js": "text/javascript; charset=utf-8",
         "console.css": "text/css; charset=utf-8"}
CSP = ("default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self' data:; "
       "base-uri 'none'; form-action 'none'; frame-ancestors 'none'")
STORY_ACTIONS_HIDDEN = HIDDEN_ACTIONS | {"action_extract_slots", "action_validate_slot_mappings"}


class ApiError(Exception):
    """An answer other than 200: the status and a JSON body with a machine-readable `error`."""

    def __init__(self, status: int, error: str, **extra: Any) -> None:
        """The status and body to answer."""
        super().__init__(error)
        self.status, self.body = status, {"error": error, **extra}

    def response(self) -> HTTPResponse:
        """The error as JSON, never cached."""
        headers = {"Retry-After": str(self.body["retry_after"])} if "retry_after" in self.body else {}
        return response.json(self.body, status=self.status, headers={"Cache-Control": "no-store", **headers})


@dataclass(frozen=True)
class Operator:
    """The signed-in agent of a request: its name, CSRF value, stores and the hash of its token."""

    agent: str
    csrf: str
    stores: tuple[str, ...]
    token_hash: str

    def store(self, value: Any) -> str:
        """A store this agent has, or a 403."""
        if not isinstance(value, str) or value not in self.stores:
            raise ApiError(403, "store_forbidden", stores=list(self.stores))
        return value

    def conversation(self, conversation: str) -> str:
        """The store of a customer conversation this agent may see, or a 404 (also for another store's)."""
        store = repository.conversation_store(conversation)
        if store is None or store not in self.stores or repository.conversation_channel(conversation) == "try":
            raise ApiError(404, "not_found")
        return store


def _json(data: Any, status: int = 200) -> HTTPResponse:
    """A JSON answer that no cache keeps."""
    return response.json(data, status=status, headers={"Cache-Control": "no-store"})


async def _body(request: Request) -> dict[str, Any]:
    """The request's JSON object (an empty body is an empty object), or a 400/413."""
    raw = await read_body(request, MAX_API_BODY)
    return json_object(raw) if raw.strip() else {}


def handed_off(conversations: list[str]) -> set[str]:
    """Which of these conversations were ever queued for a person."""
    with Session(repository.engine()) as session:
        return repository.handed_off(session, conversations)


def _known() -> tuple[str, ...]:
    """Every store's id."""
    return tuple(policies())


def operator(request: Request, changes: bool) -> Operator:
    """The signed-in agent of the request (401 without one); a change also needs the CSRF header (403)."""
    token = request.cookies.get(COOKIE)
    if not token:
        raise ApiError(401, "not_signed_in")
    hashed = token_hash(token)
    with Session(repository.engine()) as session, session.begin():
        found = repository.signed_in(session, hashed, now())
        if found is None:
            raise ApiError(401, "not_signed_in")
        sign_in, agent = found
        signed = Operator(agent.name, sign_in.csrf, agent.store_ids(_known()), hashed)
    if changes and request.headers.get(CSRF_HEADER) != signed.csrf:
        raise ApiError(403, "csrf", problem=f"the {CSRF_HEADER} header is missing or wrong")
    return signed


def _me(signed: Operator) -> dict[str, Any]:
    """Who is signed in, what it may see, and the names and languages of its stores."""
    known = policies()
    return {"agent": signed.agent, "stores": list(signed.stores), "csrf": signed.csrf,
            "names": {store: dict(known[store].name) for store in signed.stores},
            "languages": {store: known[store].language for store in signed.stores}}


@lru_cache(maxsize=1)
def _page_file(name: str) -> bytes:
    """One of the page's files, read once."""
    return (STATIC_DIR / name).read_bytes()


def _file(name: str) -> HTTPResponse:
    """A file of the page under the console's strict policy."""
    return response.raw(_page_file(name), content_type=FILES[name], headers={
        "Content-Security-Policy": CSP, "X-Content-Type-Options": "nosniff", "Referrer-Policy": "no-referrer",
        "Cache-Control": "no-cache", "X-Frame-Options": "DENY"})


async def _deliver(request: Request, conversation: str, text: str) -> None:
    """Sends an agent's message (or our notice) to a customer on Telegram at once; the widget fetches it itself."""
    if repository.conversation_channel(conversation) != "telegram":
        return
    for channel in getattr(request.app.ctx, "input_channels", []):
        output = channel.get_output_channel() if channel.name() == "telegram" else None
        if output is not None:
            await output.send_response(conversation, {"text": text})


def _tracker_store(request: Request) -> Any:
    """The chat server's tracker store (a 503 while the model is still loading)."""
    agent = getattr(request.app.ctx, "agent", None)
    store = getattr(agent, "tracker_store", None)
    if store is None:
        raise ApiError(503, "loading")
    return store


def _events_engine(request: Request) -> Any:
    """The SQL engine of the tracker store's events table (Rasa wraps the store in a fail-safe and an awaitable one)."""
    store = _tracker_store(request)
    while getattr(store, "_tracker_store", None) is not None:
        store = store._tracker_store
    engine = getattr(store, "engine", None)
    if engine is None:
        raise ApiError(501, "not_sql", problem="conversations are listed from an SQL tracker store only")
    return engine


class ConsoleInput(InputChannel):
    """The agents' console: page and API on the chat server."""

    @classmethod
    def name(cls) -> Text:
        """The console is not a customer channel; its messages are agents' tries."""
        return "console"

    def url_prefix(self) -> Text:
        """Served under /console/, beside the channels' /webhooks/."""
        return "/console"

    @classmethod
    def from_credentials(cls, credentials: Optional[Dict[Text, Any]]) -> ConsoleInput:
        """Makes the console's tables at start, so a database problem stops the start with a clear error."""
        repository.engine()
        return cls()

    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> Blueprint:
        """The page, sign-in, tries, corrections, the queue, conversations and figures."""
        console = Blueprint(f"console_{id(self)}", __name__)
        throttle = LoginThrottle()

        def guarded(changes: bool) -> Callable[..., Any]:
            """Runs a handler with the signed-in agent; any refusal becomes its JSON answer."""
            def wrap(handler: Callable[..., Awaitable[HTTPResponse]]) -> Callable[..., Awaitable[HTTPResponse]]:
                async def run(request: Request, **params: Any) -> HTTPResponse:
                    try:
                        return await handler(request, operator(request, changes), **params)
                    except ApiError as error:
                        return error.response()
                    except Refused as refused:
                        return refused.response()
                run.__name__ = handler.__name__
                return run
            return wrap

        @console.route("/", methods=["GET"])
        async def page(request: Request) -> HTTPResponse:
            return _file("index.html")

        @console.route("/console.js", methods=["GET"])
        async def script(request: Request) -> HTTPResponse:
            return _file("console.js")

        @console.route("/console.css", methods=["GET"])
        async def stylesheet(request: Request) -> HTTPResponse:
            return _file("console.css")

        @console.route("/api/login", methods=["POST"], stream=True)
        async def login(request: Request) -> HTTPResponse:
            try:
                body = await _body(request)
            except Refused as refused:
                return refused.response()
            name = body.get("agent") if isinstance(body.get("agent"), str) else ""
            password = body.get("password") if isinstance(body.get("password"), str) else ""
            keys = (f"agent:{name[:64].lower()}", f"address:{client_address(request)}")
            wait = throttle.retry_after(keys)
            if wait:
                return ApiError(429, "rate_limited", retry_after=wait).response()
            await asyncio.sleep(throttle.delay(keys))
            with Session(repository.engine()) as session, session.begin():
                agent = session.get(Agent, name[:64]) if name else None
                ok = check_password(password, agent.password_hash if agent else None)
                if not ok or agent is None:
                    throttle.failed(keys)
                    return ApiError(401, "bad_login").response()
                throttle.succeeded(keys)
                token, hashed = new_token()
                sign_in = repository.sign_in(session, agent.name, hashed, now())
                signed = Operator(agent.name, sign_in.csrf, agent.store_ids(_known()), hashed)
            answer = _json(_me(signed))
            answer.cookies[COOKIE] = token
            cookie = answer.cookies[COOKIE]
            cookie["httponly"] = True
            cookie["samesite"] = "Strict"
            cookie["path"] = "/console"
            cookie["secure"] = request.scheme == "https"
            return answer

        @console.route("/api/logout", methods=["POST"], stream=True)
        @guarded(changes=True)
        async def logout(request: Request, signed: Operator) -> HTTPResponse:
            with Session(repository.engine()) as session, session.begin():
                repository.sign_out(session, signed.token_hash)
            answer = response.empty(status=204)
            answer.cookies[COOKIE] = ""
            answer.cookies[COOKIE]["max-age"] = 0
            answer.cookies[COOKIE]["path"] = "/console"
            return answer

        @console.route("/api/me", methods=["GET"])
        @guarded(changes=False)
        async def me(request: Request, signed: Operator) -> HTTPResponse:
            return _json(_me(signed))

        @console.route("/api/intents", methods=["GET"])
        @guarded(changes=False)
        async def intents(request: Request, signed: Operator) -> HTTPResponse:
            domain = request.app.ctx.agent.domain if getattr(request.app.ctx, "agent", None) else None
            return _json({"intents": sorted(domain.intents) if domain else []})

        @console.route("/api/try", methods=["POST"], stream=True)
        @guarded(changes=True)
        async def try_reply(request: Request, signed: Operator) -> HTTPResponse:
            body = await _body(request)
            store = signed.store(body.get("store"))
            text = checked_text(body.get("message", ""), "message", MAX_MESSAGE_LENGTH * 2)
            conversation = body.get("conversation")
            with Session(repository.engine()) as session, session.begin():
                if conversation is None:
                    conversation = repository.new_try(session, signed.agent, store, now())
                else:
                    tried = repository.try_of(session, str(conversation), signed.agent)
                    if tried is None or tried.store != store:
                        raise ApiError(404, "not_found")
            tracker_store = _tracker_store(request)
            before = await tracker_store.retrieve_full_tracker(conversation)
            start = len(before.events) if before is not None else 0
            turn = len(customer_turns(before.events)) if before is not None else 0
            screened = screen_text(text)
            message = UserMessage(screened.text, CollectingOutputChannel(), conversation, input_channel=self.name(),
                                  metadata={"store": store, "client": f"console:{signed.agent}", **screened.metadata})
            replies = await answer_each(on_new_message, message)
            tracker = await tracker_store.retrieve_full_tracker(conversation)
            events = list(tracker.events)[start:]
            return _json({"conversation": conversation, "turn": turn,
                          "replies": [{"text": reply.get("text") or "", "buttons": reply.get("buttons") or []}
                                      for reply in replies],
                          "understanding": understanding(events, tracker.current_slot_values(), store)})

        async def tried_events(request: Request, signed: Operator, conversation: Any) -> tuple[str, list[Any]]:
            """The store and events of one of the agent's tries, or a 404."""
            with Session(repository.engine()) as session:
                tried = repository.try_of(session, str(conversation), signed.agent)
                if tried is None:
                    raise ApiError(404, "not_found")
                store = tried.store
            tracker = await _tracker_store(request).retrieve_full_tracker(str(conversation))
            return store, list(tracker.events) if tracker is not None else []

        @console.route("/api/corrections", methods=["POST"], stream=True)
        @guarded(changes=True)
        async def correction(request: Request, signed: Operator) -> HTTPResponse:
            body = await _body(request)
            store, events = await tried_events(request, signed, body.get("conversation"))
            turns = customer_turns(events)
            turn = body.get("turn")
            intent = body.get("intent")
            known = request.app.ctx.agent.domain.intents
            if not isinstance(turn, int) or not 0 <= turn < len(turns):
                raise ApiError(400, "bad_turn", turns=len(turns))
            if not isinstance(intent, str) or intent not in known or intent == "nlu_fallback":
                raise ApiError(400, "unknown_intent")
            text = turns[turn]
            language = detect_language(text) or policies()[store].language
            path = keep_example(text, intent, language)
            logger.info("Agent %s kept a %s example of %s", signed.agent, language, intent)
            return _json({"file": str(path), "example": text, "intent": intent})

        @console.route("/api/stories", methods=["POST"], stream=True)
        @guarded(changes=True)
        async def story(request: Request, signed: Operator) -> HTTPResponse:
            body = await _body(request)
            store, events = await tried_events(request, signed, body.get("conversation"))
            name = checked_text(body.get("name") or f"{store} conversation", "name", 200).strip()
            turns: list[tuple[str, Optional[str], list[str]]] = []
            for event in events:
                if isinstance(event, UserUttered) and event.text and not event.text.startswith("/empty"):
                    turns.append((event.text, event.intent_name, []))
                elif isinstance(event, ActionExecuted) and turns and event.action_name not in STORY_ACTIONS_HIDDEN:
                    turns[-1][2].append(str(event.action_name))
            if not turns:
                raise ApiError(400, "empty_conversation")
            path = keep_story(name or "console story", store, turns)
            return _json({"file": str(path), "story": name})

        @console.route("/api/queue", methods=["GET"])
        @guarded(changes=False)
        async def queue(request: Request, signed: Operator) -> HTTPResponse:
            stores = (signed.store(request.args.get("store")),) if request.args.get("store") else signed.stores
            with Session(repository.engine()) as session:
                waiting = repository.waiting(session, stores)
            return _json([{"conversation": handoff.conversation, "store": handoff.store, "channel": handoff.channel,
                           "language": handoff.language, "since": handoff.queued_at.isoformat(timespec="seconds"),
                           "last_message": handoff.last_message, "reason": handoff.reason, "state": handoff.state,
                           "agent": handoff.agent} for handoff in waiting])

        @console.route("/api/conversations", methods=["GET"])
        @guarded(changes=False)
        async def conversations(request: Request, signed: Operator) -> HTTPResponse:
            stores = (signed.store(request.args.get("store")),) if request.args.get("store") else signed.stores
            wanted = request.args.get("outcome") or None
            if wanted not in (None, "answered", "handed_off", "abandoned"):
                raise ApiError(400, "unknown_outcome")
            found = listing.recent(_events_engine(request), stores, handed_off, request.args.get("q") or "",
                                   wanted)
            return _json(found)

        @console.route("/api/conversations/<conversation>", methods=["GET"])
        @guarded(changes=False)
        async def conversation(request: Request, signed: Operator, conversation: str) -> HTTPResponse:
            store = signed.conversation(conversation)
            tracker = await _tracker_store(request).retrieve_full_tracker(conversation)
            events = list(tracker.events) if tracker is not None else []
            kept = said_after(conversation)
            with Session(repository.engine()) as session:
                handoff = repository.open_handoff(session, conversation)
                state = {"state": handoff.state, "agent": handoff.agent} if handoff else None
            if not events and not kept and state is None:
                raise ApiError(404, "not_found")
            return _json({"conversation": conversation, "store": store,
                          "channel": repository.conversation_channel(conversation), "handoff": state,
                          "messages": transcript(events, kept)})

        @console.route("/api/conversations/<conversation>/take", methods=["POST"], stream=True)
        @guarded(changes=True)
        async def take(request: Request, signed: Operator, conversation: str) -> HTTPResponse:
            signed.conversation(conversation)
            with Session(repository.engine()) as session, session.begin():
                taken = repository.take(session, conversation, signed.agent, now())
                if taken.handoff is None:
                    raise ApiError(404, "not_queued")
                if taken.holder != signed.agent:
                    raise ApiError(409, "taken", agent=taken.holder)
                language, store = taken.handoff.language, taken.handoff.store
                notice = render("handoff.joined", language, agent=signed.agent,  # type: ignore[arg-type]
                                store=policies()[store].name[language])  # type: ignore[index]
                if taken.fresh:  # taking it again (a second click) says nothing twice
                    repository.say(session, conversation, "bot", notice, now())
            if taken.fresh:
                await _deliver(request, conversation, notice)
            return _json({"conversation": conversation, "state": HELD, "agent": signed.agent})

        @console.route("/api/conversations/<conversation>/messages", methods=["POST"], stream=True)
        @guarded(changes=True)
        async def write(request: Request, signed: Operator, conversation: str) -> HTTPResponse:
            signed.conversation(conversation)
            body = await _body(request)
            text = checked_text(body.get("text"), "text", MAX_AGENT_TEXT).strip()
            if not text:
                raise ApiError(400, "empty_text")
            with Session(repository.engine()) as session, session.begin():
                if repository.holder(session, conversation) != signed.agent:
                    raise ApiError(409, "not_held", problem="take the conversation first")
                said = repository.say(session, conversation, "agent", text, now(), agent=signed.agent)
                kept = {"id": said.id, "at": said.at.isoformat(timespec="seconds")}
            await _deliver(request, conversation, text)
            return _json(kept)

        @console.route("/api/conversations/<conversation>/release", methods=["POST"], stream=True)
        @guarded(changes=True)
        async def release(request: Request, signed: Operator, conversation: str) -> HTTPResponse:
            signed.conversation(conversation)
            with Session(repository.engine()) as session, session.begin():
                released = repository.release(session, conversation, signed.agent, now())
                if released is None:
                    raise ApiError(409, "not_held", problem="this agent does not hold the conversation")
                notice = render("handoff.back", released.language)  # type: ignore[arg-type]
                repository.say(session, conversation, "bot", notice, now())
            await _deliver(request, conversation, notice)
            return _json({"conversation": conversation, "state": "released"})

        @console.route("/api/stats", methods=["GET"])
        @guarded(changes=False)
        async def stats(request: Request, signed: Operator) -> HTTPResponse:
            stores = (signed.store(request.args.get("store")),) if request.args.get("store") else signed.stores
            days = request.args.get("days") or "7"
            if not days.isdigit() or not 1 <= int(days) <= 365:
                raise ApiError(400, "bad_days", problem="days is a whole number from 1 to 365")
            moment = now()
            with Session(repository.engine()) as session:
                handed = [(handoff.conversation, handoff.queued_at)
                          for handoff in repository.handoffs_since(session, stores, moment - timedelta(days=int(days)))]
            return _json(listing.figures(_events_engine(request), stores, int(days), handed, moment))

        @console.route("/api/<rest:path>", methods=["GET", "POST", "PUT", "DELETE", "PATCH"])
        @guarded(changes=False)
        async def unknown(request: Request, signed: Operator, rest: str) -> HTTPResponse:
            raise ApiError(404, "not_found")

        return console
