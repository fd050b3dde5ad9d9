"""What the console shows, computed from a conversation's Rasa events and its handoff messages: pure functions.

- `understanding`: for the latest customer message, what the assistant understood and why.
- `transcript`: both sides of a conversation, the assistant's turns and the agents', in order.
- `customer_turns`: the messages as the customer typed them (a message of several questions once).
- `outcome`: answered, handed off, or abandoned (the assistant did not understand the last
  message, or a question it asked was never answered).
"""

from __future__ import annotations

from collections import Counter
from datetime import datetime, timezone
from typing import Any, Iterable, Mapping, Optional, Sequence

from rasa.shared.core.events import ActionExecuted, ActiveLoop, BotUttered, Event, UserUttered

from bot.channels.parts import as_typed, part_of
from bot.channels.widget import history_messages
from bot.console.service import merged
from bot.nlu.language import detect_language

FALLBACK_ACTIONS = frozenset({"action_unclear", "action_default_fallback"})
HIDDEN_ACTIONS = frozenset({"action_listen", "action_session_start"})
OUTCOMES = ("answered", "handed_off", "abandoned")
RANKED = 5  # intents shown in the ranking


def iso(seconds: float) -> str:
    """A moment as ISO 8601 in UTC."""
    return datetime.fromtimestamp(seconds, timezone.utc).isoformat(timespec="seconds")


def customer_turns(events: Iterable[Event]) -> list[str]:
    """The customer's messages as typed: a message of several questions once, buttons and hidden commands left out."""
    turns = []
    for event in events:
        if not isinstance(event, UserUttered):
            continue
        part = part_of(event.metadata)
        if part is not None:
            if part[0] == 1:
                turns.append(part[1])
        elif event.text and not event.text.startswith("/"):
            turns.append(as_typed(event.metadata, event.text))
    return turns


def understanding(events: Sequence[Event], slots: Mapping[str, Any], store: str) -> dict[str, Any]:
    """Intent, ranking, entities, slots, actions with their policies and the page's sentences behind the replies,
    for the latest customer message among `events` (those of one turn)."""
    users = [index for index, event in enumerate(events) if isinstance(event, UserUttered)]
    last = users[-1] if users else -1
    user = events[last] if users else None
    parse = user.parse_data if isinstance(user, UserUttered) else {}
    actions = [{"name": event.action_name, "policy": event.policy, "confidence": event.confidence}
               for event in events[last + 1:]
               if isinstance(event, ActionExecuted) and event.action_name not in HIDDEN_ACTIONS]
    sources: list[dict[str, str]] = []
    for event in events:
        if isinstance(event, BotUttered):
            for source in (event.metadata or {}).get("sources") or []:
                cited = {"store": store, "unit": str(source.get("unit", "")), "sentence": str(source.get("sentence", ""))}
                if cited not in sources:
                    sources.append(cited)
    intent = parse.get("intent") or {}
    return {
        "language": slots.get("language") or detect_language(user.text or "") if user else None,
        "intent": {"name": intent.get("name"), "confidence": intent.get("confidence")},
        "intent_ranking": [{"name": ranked.get("name"), "confidence": ranked.get("confidence")}
                           for ranked in (parse.get("intent_ranking") or [])[:RANKED]],
        "entities": [{key: entity.get(key) for key in ("entity", "value", "start", "end")}
                     for entity in parse.get("entities") or []],
        "slots": {name: value for name, value in slots.items() if value not in (None, "", [], {})},
        "actions": actions,
        "policy": actions[0]["policy"] if actions else None,
        "sources": sources,
    }


def transcript(events: Iterable[Event], kept: Sequence[Mapping[str, Any]]) -> list[dict[str, Any]]:
    """Both sides of a conversation in order: the customer's and the assistant's turns, the agents' messages, and
    what the customer wrote while an agent held it."""
    authors = {"user": "customer", "bot": "bot", "agent": "agent"}
    lines = []
    for message in merged(history_messages(events, limit=0), list(kept)):
        line = {"author": authors[message["role"]], "text": message.get("text") or "",
                "at": iso(float(message.get("timestamp") or 0.0))}
        if message.get("agent"):
            line["agent"] = message["agent"]
        lines.append(line)
    return lines


def outcome(events: Sequence[Event], handed_off: bool) -> str:
    """Handed off when it was ever queued for a person; abandoned when its last customer message was not understood
    or a question the assistant asked (a form) was left open; else answered."""
    if handed_off:
        return "handed_off"
    last_action: Optional[str] = None
    open_form: Optional[str] = None
    for event in events:
        if isinstance(event, ActionExecuted) and event.action_name not in HIDDEN_ACTIONS:
            last_action = event.action_name
        elif isinstance(event, ActiveLoop):
            open_form = event.name
    return "abandoned" if last_action in FALLBACK_ACTIONS or open_form else "answered"


def top_intents(intents: Iterable[Optional[str]], count: int = RANKED) -> list[dict[str, Any]]:
    """The intents customers came with most, with how often."""
    counted = Counter(intent for intent in intents if intent and intent not in ("nlu_fallback",))
    return [{"intent": intent, "count": times} for intent, times in counted.most_common(count)]
