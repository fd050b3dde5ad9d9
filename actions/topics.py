"""Answers a question from the store's own policy page, or says honestly it cannot."""

from __future__ import annotations

from typing import Any, Dict, List, Text

from rasa_sdk import Action, Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions.context import store_and_language
from bot.stores.policy import StorePolicy


def utter_topic(dispatcher: CollectingDispatcher, store: StorePolicy, language: str, topic: str) -> None:
    """The store's own answer on a topic, or the not-covered reply with a human handoff."""
    answer = store.answer(topic)
    if answer is None:
        dispatcher.utter_message(response="utter_topic_not_covered")
    else:
        dispatcher.utter_message(response="utter_store_answer", answer=answer.text[language])  # type: ignore[index]


class ActionAnswerTopic(Action):
    """The topic is the intent; the answer is the store's, in the customer's language."""

    def name(self) -> Text:
        """Referenced by the topic rules."""
        return "action_answer_topic"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]
    ) -> List[Dict[Text, Any]]:
        """Utters the store's answer for the latest intent."""
        store, language = store_and_language(tracker)
        topic = ((tracker.latest_message or {}).get("intent") or {}).get("name") or ""
        utter_topic(dispatcher, store, language, topic)
        return []
