"""The only code that knows the console's SQL: agents, sign-ins, handoffs, their messages and tried conversations.

Every function takes an open `Session` and the current moment; the caller owns the
transaction. Taking a conversation is one conditional UPDATE, so two agents taking it at
once get one success and one refusal on any database.
"""

from __future__ import annotations

import re
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta
from functools import lru_cache
from typing import Iterable, Optional, Sequence

from sqlalchemy import func, or_, select, update
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session

from bot.console.models import CLOSED, HELD, QUEUED, Agent, Base, Handoff, Said, SignIn, Try
from bot.orders.db import create_schema, make_engine

ONLINE = timedelta(seconds=60)  # an agent whose console asked anything this recently is online (it polls every 3 s)
SESSION_IDLE = timedelta(hours=12)  # a sign-in unused this long is dead
SEEN_EVERY = timedelta(seconds=10)  # `seen_at` is written at most this often per sign-in
_CONVERSATION = re.compile(r"(?:c1\.|tg-|try-)([a-z0-9_]{1,32})[.-][A-Za-z0-9_.-]{1,120}")
OPEN = (QUEUED, HELD)


@lru_cache(maxsize=1)
def engine() -> Engine:
    """One engine per process for the orders database (DATABASE_URL), with the console's tables made on first use."""
    created = make_engine()
    create_schema(created, Base.metadata)
    return created


def conversation_store(conversation: str) -> Optional[str]:
    """The store a conversation id belongs to (web `c1.<store>.…`, Telegram `tg-<store>-<chat>`, tried `try-<store>-…`)."""
    match = _CONVERSATION.fullmatch(conversation)
    return match.group(1) if match else None


def conversation_channel(conversation: str) -> str:
    """Where the customer is: the website widget, Telegram, or an agent's try in the console."""
    return {"tg-": "telegram", "try": "try"}.get(conversation[:3], "widget")


# ---------------------------------------------------------------- agents and sign-ins


def save_agent(session: Session, name: str, password_hash: str, stores: str, now: datetime) -> bool:
    """Creates or updates an agent; True when it is new."""
    agent = session.get(Agent, name)
    if agent is None:
        session.add(Agent(name=name, password_hash=password_hash, stores=stores, created_at=now))
        return True
    agent.password_hash, agent.stores = password_hash, stores
    return False


def remove_agent(session: Session, name: str) -> bool:
    """Deletes an agent and its sign-ins; False when there was none."""
    agent = session.get(Agent, name)
    if agent is None:
        return False
    for sign_in in session.scalars(select(SignIn).where(SignIn.agent == name)):
        session.delete(sign_in)
    session.delete(agent)
    session.flush()
    return True


def agents(session: Session) -> list[Agent]:
    """Every agent, by name."""
    return list(session.scalars(select(Agent).order_by(Agent.name)))


def sign_in(session: Session, agent: str, token_hash: str, now: datetime) -> SignIn:
    """A new sign-in for the agent, with its own CSRF value."""
    created = SignIn(token_hash=token_hash, agent=agent, csrf=secrets.token_urlsafe(24), created_at=now, seen_at=now)
    session.add(created)
    return created


def signed_in(session: Session, token_hash: str, now: datetime) -> Optional[tuple[SignIn, Agent]]:
    """The live sign-in with this token and its agent (marked as seen now), or None."""
    found = session.get(SignIn, token_hash)
    if found is None or now - found.seen_at > SESSION_IDLE:
        return None
    agent = session.get(Agent, found.agent)
    if agent is None:
        return None
    if now - found.seen_at > SEEN_EVERY:
        found.seen_at = now
    return found, agent


def sign_out(session: Session, token_hash: str) -> None:
    """Ends a sign-in on the server."""
    found = session.get(SignIn, token_hash)
    if found is not None:
        session.delete(found)
        session.flush()


def agents_online(session: Session, store: str, now: datetime) -> list[str]:
    """The agents of a store whose console is open now."""
    rows = session.execute(select(Agent.name, Agent.stores).join(SignIn, SignIn.agent == Agent.name)
                           .where(SignIn.seen_at >= now - ONLINE - SEEN_EVERY)).all()
    return sorted({name for name, stores in rows if stores == "all" or store in stores.split(",")})


# ---------------------------------------------------------------- handoffs


def open_handoff(session: Session, conversation: str) -> Optional[Handoff]:
    """The conversation's handoff that is waiting or held, if any."""
    return session.scalars(select(Handoff).where(Handoff.conversation == conversation, Handoff.state.in_(OPEN))
                           .order_by(Handoff.id.desc()).limit(1)).first()


def queue(session: Session, conversation: str, store: str, language: str, reason: str, last_message: str,
          now: datetime) -> Handoff:
    """Puts the conversation in the store's queue (once: asking again keeps its place)."""
    waiting = open_handoff(session, conversation)
    if waiting is not None:
        return waiting
    handoff = Handoff(conversation=conversation, store=store, channel=conversation_channel(conversation),
                      language=language, reason=reason, state=QUEUED, last_message=last_message[:500], queued_at=now)
    session.add(handoff)
    session.flush()
    return handoff


def waiting(session: Session, stores: Sequence[str]) -> list[Handoff]:
    """The open handoffs of these stores, oldest first."""
    return list(session.scalars(select(Handoff).where(Handoff.store.in_(stores), Handoff.state.in_(OPEN))
                                .order_by(Handoff.queued_at, Handoff.id)))


@dataclass(frozen=True)
class Taken:
    """What taking a conversation came to: held by this agent (`fresh` when it was waiting), by another, or nothing
    to take."""

    handoff: Optional[Handoff]
    holder: Optional[str]
    fresh: bool = False


def take(session: Session, conversation: str, agent: str, now: datetime) -> Taken:
    """Holds a waiting conversation for the agent, unless another agent took it first."""
    handoff = open_handoff(session, conversation)
    if handoff is None:
        return Taken(None, None)
    waited = handoff.state == QUEUED
    done = session.execute(update(Handoff).where(Handoff.id == handoff.id, or_(
        Handoff.state == QUEUED, Handoff.agent == agent)).values(state=HELD, agent=agent)
        .execution_options(synchronize_session=False))
    session.refresh(handoff)
    if done.rowcount == 0:  # type: ignore[attr-defined]
        return Taken(handoff, handoff.agent)
    if waited:
        handoff.taken_at = now
    return Taken(handoff, agent, fresh=waited)


def release(session: Session, conversation: str, agent: str, now: datetime) -> Optional[Handoff]:
    """Closes the handoff the agent holds; None when it holds none here."""
    handoff = open_handoff(session, conversation)
    if handoff is None or handoff.state != HELD or handoff.agent != agent:
        return None
    handoff.state, handoff.closed_at = CLOSED, now
    return handoff


def holder(session: Session, conversation: str) -> Optional[str]:
    """The agent holding the conversation now (the assistant keeps quiet), or None."""
    return session.scalars(select(Handoff.agent).where(Handoff.conversation == conversation, Handoff.state == HELD)
                           .limit(1)).first()


def handed_off(session: Session, conversations: Iterable[str]) -> set[str]:
    """Which of these conversations were ever put in the queue."""
    names = list(conversations)
    if not names:
        return set()
    return set(session.scalars(select(Handoff.conversation).where(Handoff.conversation.in_(names))))


def handoffs_since(session: Session, stores: Sequence[str], since: datetime) -> list[Handoff]:
    """The handoffs of these stores queued since a moment, for the figures."""
    return list(session.scalars(select(Handoff).where(Handoff.store.in_(stores), Handoff.queued_at >= since)))


# ---------------------------------------------------------------- what was said


def say(session: Session, conversation: str, author: str, text: str, now: datetime,
        agent: Optional[str] = None) -> Said:
    """Keeps one message of a handoff (numbered in the order kept)."""
    said = Said(conversation=conversation, author=author, agent=agent, text=text, at=now)
    session.add(said)
    session.flush()
    return said


def said(session: Session, conversation: str, after: int = 0) -> list[Said]:
    """The handoff messages of a conversation after a number, in order."""
    return list(session.scalars(select(Said).where(Said.conversation == conversation, Said.id > after)
                                .order_by(Said.id)))


def last_said(session: Session, conversation: str) -> int:
    """The number of the conversation's latest handoff message (0 when there is none)."""
    return session.scalar(select(func.coalesce(func.max(Said.id), 0)).where(Said.conversation == conversation))


# ---------------------------------------------------------------- tried conversations


def new_try(session: Session, agent: str, store: str, now: datetime) -> str:
    """A conversation id for an agent's try, kept apart from customers' by its `try-` prefix."""
    conversation = f"try-{store}-{secrets.token_hex(12)}"
    session.add(Try(conversation=conversation, agent=agent, store=store, created_at=now))
    return conversation


def try_of(session: Session, conversation: str, agent: str) -> Optional[Try]:
    """The agent's own tried conversation by id, or None."""
    found = session.get(Try, conversation)
    return found if found is not None and found.agent == agent else None
