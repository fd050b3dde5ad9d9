"""Fills the store and language slots on every customer message."""

from __future__ import annotations

from typing import Any, Dict, Text

from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.forms import ValidationAction
from rasa_sdk.types import DomainDict

from bot.conversation import language_for, store_for
from bot.settings import default_store
from bot.stores.policy import StorePolicy


def _metadata(tracker: Tracker) -> Dict[Text, Any]:
    """The latest message's metadata, tolerating its absence."""
    metadata = (tracker.latest_message or {}).get("metadata") or {}
    return metadata if isinstance(metadata, dict) else {}


def current_store(tracker: Tracker) -> StorePolicy:
    """The store of the latest message, else of the conversation, else the default."""
    return store_for(_metadata(tracker), tracker.get_slot("store"), default_store())


class ValidateSlotMappings(ValidationAction):
    """Store from the message metadata, language from the text (see bot.conversation)."""

    def name(self) -> Text:
        """Rasa runs this action after every user message."""
        return "action_validate_slot_mappings"

    async def extract_store(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> Dict[Text, Any]:
        """The store the message came for."""
        return {"store": current_store(tracker).id}

    async def extract_language(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> Dict[Text, Any]:
        """The language to answer in."""
        store = current_store(tracker)
        text = (tracker.latest_message or {}).get("text") or ""
        return {"language": language_for(text, _metadata(tracker), tracker.get_slot("language"), store)}

    async def extract_store_name(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> Dict[Text, Any]:
        """The store's name in the reply language, for the responses' {store_name}."""
        store = current_store(tracker)
        return {"store_name": store.name[tracker.get_slot("language") or store.language]}
