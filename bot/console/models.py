"""The console's tables, in the orders database: agents, their sign-in sessions, handoffs and what was said in them.

They live beside the orders because the two server processes share that database: the
action server queues a handoff, the chat server's console takes it and its channels ask
whether a conversation is held by a person.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any, Optional

from sqlalchemy import Column, Index, Integer, MetaData, String, Text
from sqlalchemy.orm import declarative_base

from bot.orders.models import UTCDateTime

QUEUED, HELD, CLOSED = "queued", "held", "closed"
AUTHORS = ("customer", "bot", "agent")

Base: Any = declarative_base(
    metadata=MetaData(
        naming_convention={
            "ix": "ix_%(table_name)s_%(column_0_N_name)s",
            "pk": "pk_%(table_name)s",
        }
    )
)


class Agent(Base):  # type: ignore[misc]
    """A store's support agent: a name, a slow salted password hash, the stores it may see ("all" or a list)."""

    __tablename__ = "console_agents"
    name = Column(String(64), primary_key=True)
    password_hash = Column(String(255), nullable=False)
    stores = Column(String(255), nullable=False)
    created_at = Column(UTCDateTime, nullable=False)

    def store_ids(self, known: tuple[str, ...]) -> tuple[str, ...]:
        """The stores this agent may act on, of those that exist."""
        if self.stores == "all":
            return known
        named = self.stores.split(",")
        return tuple(store for store in known if store in named)


class SignIn(Base):  # type: ignore[misc]
    """A signed-in agent: only a hash of the cookie's token is kept; `seen_at` also says the agent is online."""

    __tablename__ = "console_sessions"
    token_hash = Column(String(64), primary_key=True)
    agent = Column(String(64), nullable=False, index=True)
    csrf = Column(String(64), nullable=False)
    created_at = Column(UTCDateTime, nullable=False)
    seen_at = Column(UTCDateTime, nullable=False)


class Handoff(Base):  # type: ignore[misc]
    """A conversation a customer wants a person for: queued, then held by one agent, then closed."""

    __tablename__ = "console_handoffs"
    id = Column(Integer, primary_key=True, autoincrement=True)
    conversation = Column(String(160), nullable=False)
    store = Column(String(32), nullable=False)
    channel = Column(String(16), nullable=False)
    language = Column(String(2), nullable=False)
    reason = Column(String(32), nullable=False)
    state = Column(String(8), nullable=False)
    agent = Column(String(64))
    last_message = Column(Text, nullable=False, default="")
    queued_at = Column(UTCDateTime, nullable=False)
    taken_at: Optional[datetime] = Column(UTCDateTime)  # type: ignore[assignment]
    closed_at: Optional[datetime] = Column(UTCDateTime)  # type: ignore[assignment]

    __table_args__ = (Index("ix_console_handoffs_conversation_state", "conversation", "state"),
                      Index("ix_console_handoffs_store_state", "store", "state"))


class Said(Base):  # type: ignore[misc]
    """A message of a handoff: the agent's, the customer's while an agent held the conversation, our notices."""

    __tablename__ = "console_messages"
    id = Column(Integer, primary_key=True, autoincrement=True)
    conversation = Column(String(160), nullable=False, index=True)
    author = Column(String(8), nullable=False)
    agent = Column(String(64))
    text = Column(Text, nullable=False)
    at = Column(UTCDateTime, nullable=False)


class Try(Base):  # type: ignore[misc]
    """A conversation an agent tried in the console: kept apart from customers' (never queued, never counted)."""

    __tablename__ = "console_tries"
    conversation = Column(String(160), primary_key=True)
    agent = Column(String(64), nullable=False)
    store = Column(String(32), nullable=False)
    created_at = Column(UTCDateTime, nullable=False)
