"""What the rest of the assistant asks of the console, each in its own short transaction.

- The channels ask one question at their door: `passed_to_person` (held by an agent? then the
  message is kept for the agent and the assistant keeps quiet).
- The actions put a conversation in the queue (`queue_for_person`) and say truthfully what
  happens next: an agent is online and will answer here, or none is.
- The widget reads what agents said (`said_after`) to show it within seconds and after a reload.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime, timezone
from typing import Any, Optional

from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session

from bot.console import repository
from bot.console.models import Said
from bot.db_settings import DatabaseUnavailable, off_the_loop

logger = logging.getLogger(__name__)


def now() -> datetime:
    """The current moment, in UTC."""
    return datetime.now(timezone.utc)


def passed_to_person(conversation: str, text: str) -> bool:
    """True when an agent holds the conversation: the customer's message is kept for the agent, not answered. With
    the database down the assistant answers (never silence)."""
    try:
        with Session(repository.engine()) as session, session.begin():
            if repository.holder(session, conversation) is None:
                return False
            repository.say(session, conversation, "customer", text, now())
            return True
    except SQLAlchemyError:
        logger.exception("Could not ask whether a person holds conversation %s; the assistant answers", conversation)
        return False


async def held_by_person(conversation: str, text: str) -> bool:
    """`passed_to_person` asked off the server's event loop; a database too slow to say counts as "not held" (the
    assistant answers: never silence)."""
    try:
        return await off_the_loop(passed_to_person, conversation, text)
    except DatabaseUnavailable:
        logger.exception("Could not ask in time whether a person holds conversation %s; the assistant answers",
                         conversation)
        return False


@dataclass(frozen=True)
class Queued:
    """A conversation in its store's queue, and the agents online who will see it now."""

    conversation: str
    online: tuple[str, ...]


def queue_for_person(conversation: str, store: str, language: str, reason: str, last_message: str) -> Queued:
    """Queues the conversation for the store's agents (a tried conversation only learns who is online)."""
    moment = now()
    with Session(repository.engine()) as session, session.begin():
        online = tuple(repository.agents_online(session, store, moment))
        if repository.conversation_channel(conversation) != "try":
            repository.queue(session, conversation, store, language, reason, last_message, moment)
    return Queued(conversation, online)


def handoff_state(conversation: str) -> Optional[dict[str, Any]]:
    """`{"state": "queued" | "held", "agent", "after"}` while a person is wanted or holds it, else None."""
    with Session(repository.engine()) as session:
        handoff = repository.open_handoff(session, conversation)
        if handoff is None:
            return None
        return {"state": handoff.state, "agent": handoff.agent, "after": repository.last_said(session, conversation)}


def said_after(conversation: str, after: int = 0) -> list[dict[str, Any]]:
    """The handoff messages of a conversation after a number, as the widget shows them."""
    with Session(repository.engine()) as session:
        return [shown(said) for said in repository.said(session, conversation, after)]


def shown(said: Said) -> dict[str, Any]:
    """One handoff message in the widget's shape (`role` user, bot or agent; `timestamp` in seconds)."""
    role = {"customer": "user"}.get(said.author, said.author)
    message: dict[str, Any] = {"id": said.id, "role": role, "text": said.text, "timestamp": said.at.timestamp()}
    if said.agent:
        message["agent"] = said.agent
    return message


def merged(history: list[dict[str, Any]], kept: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The assistant's history and the handoff messages as one conversation, in the order they were said."""
    return sorted([*history, *kept], key=lambda message: float(message.get("timestamp") or 0.0))
