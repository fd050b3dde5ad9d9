"""Customers' conversations as the console lists and counts them, read from the tracker store's events table.

Conversations are found by their ids (`c1.<store>.…` on the web, `tg-<store>-…` on Telegram),
so a store's list never reads another store's rows, and agents' tries (`try-…`) are never
among them. Search matches the customer's and the assistant's words after the same folding
the assistant reads with (Arabic ي/ك, digits, ZWNJ, case).
"""

from __future__ import annotations

import json
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from typing import Any, Callable, Optional, Sequence

from rasa.core.tracker_store import SQLTrackerStore
from rasa.shared.core.events import Event
from sqlalchemy import func, or_, select
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session

from bot.console.repository import conversation_channel, conversation_store
from bot.console.views import FALLBACK_ACTIONS, customer_turns, iso, outcome, top_intents
from bot.nlu.normalize import fold, normalize

RECENT = 200  # conversations read for the list (the most recently active first)
KINDS = ("user", "bot", "action", "active_loop")
SQLEvent = SQLTrackerStore.SQLEvent


def _of_stores(stores: Sequence[str]) -> Any:
    """The events of these stores' customer conversations."""
    return or_(*(SQLEvent.sender_id.like(f"{prefix}{store}{joint}%")
                 for store in stores for prefix, joint in (("c1.", "."), ("tg-", "-"))))


@dataclass
class Summary:
    """One conversation in the list."""

    conversation: str
    started: float
    last_at: float
    messages: int
    events: list[Event] = field(default_factory=list)
    words: list[str] = field(default_factory=list)


def _events(session: Session, senders: Sequence[str]) -> dict[str, list[tuple[Event, str]]]:
    """Each conversation's events of the kinds the console reads, in order, with their searchable text."""
    found: dict[str, list[tuple[Event, str]]] = defaultdict(list)
    rows = session.execute(select(SQLEvent.sender_id, SQLEvent.data).where(
        SQLEvent.sender_id.in_(senders), SQLEvent.type_name.in_(KINDS)).order_by(SQLEvent.id))
    for sender, data in rows:
        payload = json.loads(data)
        event = Event.from_parameters(payload)
        if event is not None:
            found[sender].append((event, str(payload.get("text") or "")))
    return found


def recent(engine: Engine, stores: Sequence[str], handed_off: Callable[[list[str]], set[str]],
           query: str = "", wanted: Optional[str] = None, limit: int = 50) -> list[dict[str, Any]]:
    """The stores' most recently active conversations, matching the query and the outcome when given."""
    with Session(engine) as session:
        rows = session.execute(select(SQLEvent.sender_id, func.min(SQLEvent.timestamp), func.max(SQLEvent.timestamp))
                               .where(_of_stores(stores)).group_by(SQLEvent.sender_id)
                               .order_by(func.max(SQLEvent.timestamp).desc()).limit(RECENT)).all()
        events = _events(session, [row[0] for row in rows])
    handed = handed_off([row[0] for row in rows])
    needle = fold(normalize(query.strip()))
    listed = []
    for sender, started, last_at in rows:
        pairs = events.get(sender, [])
        said = [event for event, _ in pairs]
        turns = customer_turns(said)
        if needle and needle not in sender.lower() and not any(needle in fold(normalize(text)) for _, text in pairs):
            continue
        result = outcome(said, sender in handed)
        if wanted and result != wanted:
            continue
        listed.append({"conversation": sender, "store": conversation_store(sender), "channel": conversation_channel(sender),
                       "started": iso(started or 0.0), "last_at": iso(last_at or 0.0),
                       "last_message": turns[-1] if turns else "", "outcome": result, "messages": len(turns)})
        if len(listed) >= limit:
            break
    return listed


def figures(engine: Engine, stores: Sequence[str], days: int, handed_off: Sequence[tuple[str, datetime]],
            now: datetime) -> dict[str, Any]:
    """Conversations, handoffs, fallbacks, deflection rate, top intents and conversations per day over `days` days."""
    since = (now - timedelta(days=days)).timestamp()
    with Session(engine) as session:
        rows = session.execute(select(SQLEvent.sender_id, SQLEvent.type_name, SQLEvent.timestamp,
                                      SQLEvent.intent_name, SQLEvent.action_name)
                               .where(_of_stores(stores), SQLEvent.timestamp >= since,
                                      SQLEvent.type_name.in_(("user", "action")))).all()
    first_seen: dict[str, float] = {}
    intents, fallbacks = [], 0
    for sender, kind, at, intent, action in rows:
        if kind == "user":
            first_seen[sender] = min(at, first_seen.get(sender, at))
            intents.append(intent)
        elif action in FALLBACK_ACTIONS:
            fallbacks += 1
    handed = {conversation for conversation, at in handed_off if at.timestamp() >= since}
    conversations = len(first_seen)
    series: dict[str, dict[str, Any]] = {}
    for offset in range(days - 1, -1, -1):
        day = (now - timedelta(days=offset)).date().isoformat()
        series[day] = {"day": day, "conversations": 0, "handed_off": 0}
    for at in first_seen.values():
        day = datetime.fromtimestamp(at, timezone.utc).date().isoformat()
        if day in series:
            series[day]["conversations"] += 1
    for conversation, at in handed_off:
        day = at.date().isoformat()
        if day in series:
            series[day]["handed_off"] += 1
    return {
        "conversations": conversations,
        "handed_off": len(handed),
        "fallbacks": fallbacks,
        "deflection_rate": round((conversations - len(handed & set(first_seen))) / conversations, 3)
        if conversations else None,
        "top_intents": top_intents(intents),
        "days": list(series.values()),
    }
