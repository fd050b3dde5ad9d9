"""What the customer is told when the orders database fails behind an action: the channels' words for an action server
that does not answer (`bot.channels.guard.silent_reply`), in the conversation's language.

Nothing the action would have done is kept, and the same message sent again when the database is back does what it
asked: the message is undone as if never sent ("yes" to the offered return is that "yes" again), except when a form
took it (the phone that completed the look-up), where Rasa's rewind would undo the message before it too; then the
slots it filled stay, and sending it again completes the look-up again.

A form's own steps (its validation, its questions) are not wrapped: their failure fails the form's turn as a whole,
the form stays where it was, and the channel says the same words.
"""

from __future__ import annotations

import logging
from functools import wraps
from typing import Any, Awaitable, Callable, Dict, List, Text

from rasa_sdk import Action, Tracker
from rasa_sdk.events import FollowupAction, UserUtteranceReverted
from rasa_sdk.executor import CollectingDispatcher

from actions.context import store_and_language
from bot.channels.guard import silent_reply
from bot.db_settings import DatabaseUnavailable

logger = logging.getLogger(__name__)

Events = List[Dict[Text, Any]]
Run = Callable[[Any, CollectingDispatcher, Tracker, Dict[Text, Any]], Awaitable[Events]]


def told_when_down(run: Run) -> Run:
    """An action's `run` that needs the orders database: when the database fails, the customer is told so with the
    way to a person, the message is undone and the assistant listens again, as it did before the message."""

    @wraps(run)
    async def guarded(action: Action, dispatcher: CollectingDispatcher, tracker: Tracker,
                      domain: Dict[Text, Any]) -> Events:
        try:
            return await run(action, dispatcher, tracker, domain)
        except DatabaseUnavailable as error:
            logger.warning("%s for %s: the orders database failed (%s); the customer is told",
                           action.name(), tracker.sender_id, error)
            _, language = store_and_language(tracker)
            dispatcher.utter_message(**silent_reply(language))  # type: ignore[arg-type]
            return [] if form_took_it(tracker, domain) else [UserUtteranceReverted(), FollowupAction("action_listen")]

    return guarded


def form_took_it(tracker: Tracker, domain: Dict[Text, Any]) -> bool:
    """Whether a form ran on the customer's latest message."""
    forms = domain.get("forms") or {}
    for event in reversed(tracker.events):
        if event.get("event") == "user":
            return False
        if event.get("event") == "action" and event.get("name") in forms:
            return True
    return False
