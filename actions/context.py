"""What the actions read from the conversation: its store and language (filled on every message), the
customer's recent words and topics, and the computed answer a new detail belongs to."""

from __future__ import annotations

import re
from typing import Any, Dict, List, Optional, Sequence, Text

from rasa_sdk import Tracker
from rasa_sdk.events import EventType, FollowupAction, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.forms import ValidationAction
from rasa_sdk.types import DomainDict

from actions.db import order_items

from bot.channels.guard import SLASH_ESCAPE
from bot.conversation import language_for, store_for
from bot.dialogue import (
    names_a_cancel,
    SMALLEST_TOTAL,
    stated_amounts,
    city_from,
    PUT_RIGHT,
    about_own_order,
    adds_to_order,
    asks_own_item_arrival,
    day_part,
    follow_up_total,
    item_from,
    no_order_number,
    order_id_from,
    order_put_right,
    phone_after_order,
    phone_from,
    purpose_from_words,
    reason_from,
    rules_question,
    sealed_from,
    takes_together,
    wants_something_done,
)
from bot.answers import asked_of_distance
from bot.i18n.format import digits
from bot.nlu.normalize import to_ascii_digits
from bot.settings import default_store
from bot.stores.installments import offers_installments
from bot.stores.policy import StorePolicy


def _metadata(tracker: Tracker) -> Dict[Text, Any]:
    """The latest message's metadata, tolerating its absence."""
    metadata = (tracker.latest_message or {}).get("metadata") or {}
    return metadata if isinstance(metadata, dict) else {}


def current_store(tracker: Tracker) -> StorePolicy:
    """The conversation's store: set by its first message, never changed by a later one."""
    return store_for(_metadata(tracker), tracker.get_slot("store"), default_store())


def client_key(tracker: Tracker) -> Optional[str]:
    """The keyed hash of the customer's address that the web channel put in the metadata."""
    client = _metadata(tracker).get("client")
    return client if isinstance(client, str) else None


def reply_language(tracker: Tracker, store: StorePolicy) -> str:
    """The language chosen for this turn (the slot), else the store's."""
    return tracker.get_slot("language") or store.language


def store_and_language(tracker: Tracker) -> tuple[StorePolicy, str]:
    """The two things every reply depends on."""
    store = current_store(tracker)
    return store, reply_language(tracker, store)


def question_text(tracker: Tracker) -> str:
    """What the customer typed last; empty for a button's payload, which asks nothing particular."""
    text = _text(tracker).strip()
    return "" if text.startswith("/") else text.lstrip(SLASH_ESCAPE).strip()


def set_before(tracker: Tracker, slot: str) -> list[Any]:
    """The values the answer to the customer's message before this one gave `slot`, in order."""
    values: list[Any] = []
    seen = 0  # the customer's messages met, walking back from this one
    for event in reversed(tracker.events):
        if event.get("event") == "user":
            seen += 1
            if seen > 1:
                break
        elif seen and event.get("event") == "slot" and event.get("name") == slot:
            values.append(event.get("value"))
    return values[::-1]


def status_looked_up_before(tracker: Tracker) -> bool:
    """Whether the customer's message before this one was answered with the status of the order proven in this
    conversation ("CT-2002, 599…" then "باتومی هستم، چند روز دیگه میرسه؟": that order's arrival), not with a look-up of
    another that failed."""
    verified = tracker.get_slot("verified_order")
    return (bool(verified) and "order_status" in set_before(tracker, "purpose")
            and not any(set_before(tracker, "lookup_tried")) and tracker.get_slot("order_id") in (None, verified))


def replies_before(tracker: Tracker, messages: int = 1) -> list[dict[str, Any]]:
    """The assistant's messages that answered the customer's message before this one (or the last few before it),
    latest first."""
    replies: list[dict[str, Any]] = []
    seen = 0  # the customer's messages met, walking back from this one
    for event in reversed(tracker.events):
        if event.get("event") == "user":
            if seen == messages:
                return replies
            seen += 1
        elif seen and event.get("event") == "bot":
            replies.append(event)
    return replies if seen > 1 else []


def unclear_before(tracker: Tracker) -> bool:
    """Whether the assistant's answer to the customer's message before this one was "I did not understand"."""
    return any((reply.get("metadata") or {}).get("utter_action") == "utter_default" for reply in replies_before(tracker))


def offered_a_person(tracker: Tracker) -> bool:
    """Whether the assistant's last reply before this message offered a person ("shall a colleague answer?")."""
    return "/human_handoff" in _offered(tracker)


def offered_a_check(tracker: Tracker) -> bool:
    """Whether the assistant's last reply offered to check the rule for the customer's order (its button starts the
    purpose the conversation keeps), so a typed "yes" takes it."""
    purpose = tracker.get_slot("purpose")
    return bool(purpose) and f"/{purpose}" in _offered(tracker)


def offered_a_return(tracker: Tracker, messages: int = 3) -> bool:
    """Whether one of the assistant's last few replies offered to file the return it keeps pending (questions of
    that return answered since), and none offered a person after it, so a yes files it."""
    if not isinstance(tracker.get_slot("pending_return"), dict) or offered_a_person(tracker):
        return False
    return {"/affirm", "/deny"} <= _offered(tracker, messages)


def _offered(tracker: Tracker, messages: int = 1) -> set[str]:
    """The payloads of the buttons in the assistant's last reply before this message (or its last few)."""
    return {button.get("payload") for reply in replies_before(tracker, messages)
            for button in (reply.get("data") or {}).get("buttons") or [] if isinstance(button, dict)}


def ranked_intents(tracker: Tracker) -> list[str]:
    """The classifier's intents for the latest message, likeliest first."""
    return [entry["name"] for entry in (tracker.latest_message or {}).get("intent_ranking") or []
            if isinstance(entry, dict) and entry.get("name")]


UNSURE = 0.5  # below this confidence the classifier's intent is a guess: the topic asked before weighs more
CERTAIN = 0.9  # at or above it, an "and if …" is about the intent read, not the topic asked before
TORN = 0.3  # a second intent at least this likely is a reading the message may have as well


def second_guess(tracker: Tracker) -> Optional[str]:
    """The classifier's second intent when it was torn between two ("как оформляется возврат, через сайт?": how to
    order 0.56, a return 0.43), else None."""
    ranking = [entry for entry in (tracker.latest_message or {}).get("intent_ranking") or []
               if isinstance(entry, dict) and entry.get("name")]
    second = ranking[1] if len(ranking) > 1 else {}
    confidence = second.get("confidence")
    return second["name"] if isinstance(confidence, (int, float)) and confidence >= TORN else None


def classifier_sure(tracker: Tracker, least: float = UNSURE) -> bool:
    """Whether the classifier named the latest message's intent with at least this confidence (a button's payload
    always does)."""
    confidence = ((tracker.latest_message or {}).get("intent") or {}).get("confidence")
    return not isinstance(confidence, (int, float)) or confidence >= least


def likely_intents(tracker: Tracker) -> list[str]:
    """The topics likely meant besides the latest intent, most likely first: the topic of the customer's
    message before (a follow-up such as "and the gift?" leans on it), then the classifier's next intents."""
    ranking = ranked_intents(tracker)
    earlier = earlier_topic(tracker)
    if earlier is None and reason_from(None, _text(tracker)) is not None:
        earlier = "return_request"  # "opened it, don't like it: refund?" is about returns, whatever else it asks
    names = [earlier] if earlier and earlier not in ranking[:1] else []
    topical = [name for name in ranking[1:] if name not in _NO_TOPIC]  # "out of scope" second says nothing of a topic
    return names + [name for name in topical[:2] if name not in names]


# Intents that carry no topic of their own: a follow-up after them has nothing to lean on.
_NO_TOPIC = frozenset({"greet", "goodbye", "thank", "affirm", "deny", "inform", "out_of_scope", "nlu_fallback",
                       "bot_challenge", "human_handoff", "empty_message", "message_too_long"})


EARLIER = 4  # customer messages looked back over: a flow's answers ("yes", "4567") have no topic of their own


def earlier_topic(tracker: Tracker) -> Optional[str]:
    """The topic of the customer's latest message before this one that had one ("and for the gift?" follows it); one
    the page had nothing on (a misread: "کارت مامانش باشه اشکال داره؟" read as payment methods after a refund rule) is
    passed over for the topic before it. While a return is offered for an order, it is a return's ("а упаковывать
    как?" after it, whatever the first message was read as)."""
    found = _earlier_topic(tracker)
    offered = tracker.get_slot("pending_return") and "/affirm" in _offered(tracker)  # the assistant's last answer
    return "return_request" if offered and found not in RETURN_TOPICS else found


RETURN_TOPICS = ("return_request", "damaged_item")  # the topics of giving an item back


def _earlier_topic(tracker: Tracker) -> Optional[str]:
    """`earlier_topic` read from the messages alone."""
    replies: list[Dict[Text, Any]] = []  # the assistant's answers to the message met next, walking back
    seen = 0
    for event in reversed(tracker.events):
        if event.get("event") == "bot":
            replies.append(event)
            continue
        if event.get("event") != "user":
            continue
        seen += 1
        intent = ((event.get("parse_data") or {}).get("intent") or {}).get("name")
        topical = intent and intent not in _NO_TOPIC and not intent.startswith("reason_")
        if seen > 1 and topical and not _not_covered(replies):
            # "جعبشو ... آدرسو روش نوشتم اوکیه؟" read as a change of order by a near guess, answered by a return rule
            confidence = ((event.get("parse_data") or {}).get("intent") or {}).get("confidence")
            guessed = isinstance(confidence, float) and confidence < CERTAIN
            answered = _answered_topics(tracker, replies) if guessed else []
            return intent if not answered or intent in answered else answered[0]
        if seen > 1 and intent in ("affirm", "deny") and reason_from(None, event.get("text") or ""):
            return "return_request"  # "نه، اصلا یه عطر دیگه‌س!": a wrong item told as a "no" is about returning it
        if seen > EARLIER:
            return None
        replies = []
    return None


def sources_of(replies: list[Dict[Text, Any]]) -> list[dict[str, str]]:
    """The page's sentences (with their rules' ids) that the assistant's `replies` cited, in their order."""
    return [source for reply in replies
            for source in (reply.get("metadata") or {}).get("sources") or [] if isinstance(source, dict)]


def _answered_topics(tracker: Tracker, replies: list[Dict[Text, Any]]) -> list[str]:
    """The topics of the store's rules that the assistant's answer to a message gave, in the order it gave them
    (`replies` are met walking back)."""
    topics = {unit.id: unit.topic for unit in current_store(tracker).units}
    given = [source.get("unit") for source in sources_of(replies[::-1])]
    return list(dict.fromkeys(topics[unit] for unit in given if unit in topics))


def _not_covered(replies: list[Dict[Text, Any]]) -> bool:
    """Whether the assistant's answer to a message was only that the page does not cover it."""
    return bool(replies) and all((reply.get("metadata") or {}).get("utter_action") == "utter_topic_not_covered"
                                 for reply in replies)


def side_question(tracker: Tracker) -> bool:
    """The customer asked about the rules instead of answering the form's question ("do I send the charger too?"),
    or said there is no order to look up ("I haven't bought yet")."""
    text, intent = question_text(tracker), _intent(tracker)
    if no_order_number(text):
        return True
    if asks_own_item_arrival(text):
        return False  # "عطر ساواجم کی میرسه؟": that order is looked up, whatever topic it was read as
    own_status = intent == "order_status" and about_own_order(text)  # "… где мой заказ": that order is looked up
    asks_rules = rules_question(intent, text) or not (wants_something_done(text) or own_status)
    if later_question(tracker) and asks_rules and not any(
            entity.get("entity") in ("order_id", "phone") for entity in _entities(tracker)):
        # "where is CT-2002, and can I return it if I don't like it?", "… и ещё ноутбуки страхуются": the rule now, the
        # order after (the splitter found a question there, mark or no mark); "привет, как дела? где мой заказ" asks
        # for the order
        return True
    if not text or intent in ("affirm", "deny") or intent.startswith("reason_") or _entities(tracker):
        return False
    return rules_question(intent, text) and reason_from(None, text) is None and sealed_from(None, text) is None


def question_number(tracker: Tracker) -> Optional[int]:
    """Which question of a message that asked several the latest message is (see bot.channels.parts); None for a
    message of one question."""
    number = _metadata(tracker).get("question")
    return number if isinstance(number, int) else None


def rest_of_message(tracker: Tracker) -> str:
    """The text after the first question of a message that asked several (the first part carries it whole), for what
    a later part will ask; "" for any other message."""
    whole, part = str(_metadata(tracker).get("message") or ""), question_text(tracker)
    return whole.split(part, 1)[1] if question_number(tracker) == 1 and part and part in whole else ""


def later_question(tracker: Tracker) -> bool:
    """The latest message is the second (or later) question of a message that asked several."""
    number = question_number(tracker)
    return number is not None and number > 1


def recent_texts(tracker: Tracker, count: int = 6) -> list[str]:
    """The customer's last few messages, latest first: facts given earlier are not asked again."""
    texts = [event.get("text") or "" for event in reversed(tracker.events) if event.get("event") == "user"]
    return [text for text in texts[:count] if text and not text.startswith("/")]


def change_of_mind_opens(tracker: Tracker) -> bool:
    """"لانکوم رو نمیخوام دیگه" as the conversation's first message: no "no" to a question (none was asked) but a
    change of mind of one's own purchase, whose return is looked at for that order."""
    texts = recent_texts(tracker)
    return (len(texts) == 1 and reason_from(None, texts[0]) == "change_of_mind" and not rules_question(None, texts[0])
            and not names_a_cancel(texts[0]))  # ("سفارشمو نمیخوام، لغوش کنید": a cancel)


def asked_before(tracker: Tracker, intent: str, count: int = 3) -> Optional[str]:
    """The text of one of the customer's last messages before the latest read as `intent`: what an order's look-up
    was asked for ("حذف تابه از سفارش" before the phone)."""
    users = [event for event in reversed(tracker.events) if event.get("event") == "user"][1:count + 1]
    return next((event.get("text") or "" for event in users
                 if ((event.get("parse_data") or {}).get("intent") or {}).get("name") == intent), None)


def pressed_since(tracker: Tracker, text: str) -> bool:
    """Whether the customer pressed a button (a "/…" message) after their latest message with `text`: a choice made
    since, which the words before it do not override."""
    for event in reversed(tracker.events):
        if event.get("event") != "user":
            continue
        said = event.get("text") or ""
        if said == text:
            return False
        if said.startswith("/"):
            return True
    return False


def recent_entities(tracker: Tracker, count: int = 3) -> list[list[Dict[Text, Any]]]:
    """What NLU found in the customer's last few messages, latest first (as `recent_texts`)."""
    found = [(event.get("parse_data") or {}).get("entities") or [] for event in reversed(tracker.events)
             if event.get("event") == "user" and not (event.get("text") or "").startswith("/")]
    return found[:count]


def latest_entity(tracker: Tracker, entity: str) -> Optional[Any]:
    """The value of an entity in the latest message."""
    for found in (tracker.latest_message or {}).get("entities") or []:
        if found.get("entity") == entity:
            return found.get("value")
    return None


def told_in_message(tracker: Tracker, entity: str) -> Optional[Any]:
    """The value of an entity in the latest message, or, for a later question of a message that asked several, in the
    story its earlier parts told ("شنبه سفارش میدم. هزینه ارسال چقدره و کی میرسه؟": Saturday for "کی میرسه؟")."""
    found = latest_entity(tracker, entity)
    if found is not None or not later_question(tracker):
        return found
    for event in list(reversed(tracker.events))[1:]:
        if event.get("event") != "user":
            continue
        earlier = next((said.get("value") for said in (event.get("parse_data") or {}).get("entities") or []
                        if said.get("entity") == entity), None)
        number = (event.get("metadata") or {}).get("question")
        if earlier is not None or not isinstance(number, int) or number <= 1:
            return earlier
    return None


def _entities(tracker: Tracker) -> list[Dict[Text, Any]]:
    """What NLU found in the latest message."""
    return list((tracker.latest_message or {}).get("entities") or [])


def _intent(tracker: Tracker) -> str:
    """The latest message's intent name."""
    return ((tracker.latest_message or {}).get("intent") or {}).get("name") or ""


def amount_before(tracker: Tracker, back: int = 0) -> Optional[Any]:
    """The order total the conversation had before the latest message (`back` messages further back: before the one a
    correction puts right), not the amount the latest message named, which Rasa has put in the slot already."""
    events = list(tracker.events)
    users = [number for number, event in enumerate(events) if event.get("event") == "user"]
    last_user = users[-1 - back] if len(users) > back else 0
    return next((event.get("value") for event in reversed(events[:last_user])
                 if event.get("event") == "slot" and event.get("name") == "amount"), None)


def put_right(tracker: Tracker) -> int:
    """How many of the customer's latest messages in a row were read as the one before with a fact put right
    (bot.corrections), 0 when the latest was not: its amounts are that question's, added only as it added them ("۴۰۰
    لاریه نه ۶۰۰. ۱۰ کیلومتر هم …"; "ой, не 12 а 14 км" after "не 8 а 12 км" after an iron added)."""
    users = [event for event in reversed(tracker.events) if event.get("event") == "user"]
    return next((number for number, event in enumerate(users) if not (event.get("parse_data") or {}).get(PUT_RIGHT)),
                len(users))


def _text(tracker: Tracker) -> str:
    """The latest message's text."""
    return (tracker.latest_message or {}).get("text") or ""


class ValidateSlotMappings(ValidationAction):
    """Store from the message metadata, language from the text (see bot.conversation)."""

    def name(self) -> Text:
        """Rasa runs this action after every user message."""
        return "action_validate_slot_mappings"

    async def get_validation_events(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> List[EventType]:
        """The slots this message set, as they are: none has a check of its own, and Rasa SDK's loop logged a warning
        for each of them on every message (a tenth of this action's time, and most of the server's log)."""
        mapped = set(self.domain_slots(domain))
        return [SlotSet(name, value) for name, value in tracker.slots_to_validate().items() if name in mapped]

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

    async def extract_order_example(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> Dict[Text, Any]:
        """An order number in the store's format, with the reply language's digits, for the prompts."""
        store = current_store(tracker)
        return {"order_example": digits(store.order_example, tracker.get_slot("language") or store.language)}

    async def extract_offers_installments(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> Dict[Text, Any]:
        """Whether the store offers installments, for the greeting's buttons."""
        return {"offers_installments": offers_installments(current_store(tracker))}

    async def extract_city(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> Dict[Text, Any]:
        """The city the message is about (the customer's own of several), kept until another is named: the actions
        read the slot, already set by this when the message names one."""
        value = city_from(_entities(tracker), _text(tracker))
        if not value:
            return {}
        moved = value != tracker.get_slot("city") and latest_entity(tracker, "distance") is None
        return {"city": value, "distance": None} if moved else {"city": value}  # the kilometres told were to the
        # place before ("а если те же 520 лари, но в Гори?" after 12 km in Tbilisi): asked again

    async def extract_order_id(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> Dict[Text, Any]:
        """An order number, unless the message answers another question of a form; once an order is named,
        a number that can be a phone ("2203") is the phone's digits, not another order."""
        requested = tracker.get_slot("requested_slot")
        if tracker.get_slot("order_id") or tracker.get_slot("verified_order"):
            requested = requested or "phone"
        value = order_id_from(_entities(tracker), requested)
        if value is None and any(set_before(tracker, "lookup_tried")):  # "ببخشید 3004 بود" after CK-3005 failed
            value = order_put_right(_entities(tracker), tracker.get_slot("lookup_tried") or {}, _text(tracker))
        return {"order_id": value} if value else {}

    async def extract_phone(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> Dict[Text, Any]:
        """A phone, or a bare number when the phone was asked for (or is all an order named here still lacks); after a
        mismatch, the phone tried before for an order number put right."""
        requested, named = tracker.get_slot("requested_slot"), tracker.get_slot("order_id")
        if requested is None and named and not tracker.get_slot("verified_order"):
            requested = "phone"  # asked again after a side question, the form standing aside
        # the order's own number, named in this message, is not its phone
        entities = [e for e in _entities(tracker) if not (e.get("entity") == "order_id" and str(e.get("value")) == named)]
        value = phone_from(entities, requested) or phone_after_order(_entities(tracker))
        tried = tracker.get_slot("lookup_tried") or {}  # (kept from the answer just before: the mismatch)
        retried = any(set_before(tracker, "lookup_tried"))
        if retried and order_put_right(_entities(tracker), tried, _text(tracker)):
            value = tried.get("phone")  # "ببخشید 3004 بود": the order number put right, with the phone given before
        elif (value is None and requested == "phone" and retried
                and order_id_from(_entities(tracker), "phone") not in (None, tried.get("order_id"))):
            value = tried.get("phone")  # "ببخشید، SR-5003" after a mismatch: the number put right, tried with the
            # phone given before it
        return {"phone": value} if value else {}

    async def extract_return_reason(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> Dict[Text, Any]:
        """A reason button, or reason words while the reason is asked for or a return starts."""
        intent = _intent(tracker)
        asked = tracker.get_slot("requested_slot") == "return_reason" or tracker.active_loop_name == "return_form"
        if not (asked or intent in ("return_request", "damaged_item") or intent.startswith("reason_")):
            return {}
        value = reason_from(intent, _text(tracker))
        if value is None and tracker.get_slot("requested_slot") == "return_reason" and sealed_from(None, _text(tracker)):
            value = "change_of_mind"  # "پلمپش سالمه، اصلا بازش نکردم" to "why?": unopened, no fault named
        return {"return_reason": value} if value else {}

    async def extract_sealed(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> Dict[Text, Any]:
        """Yes or no to the seal question, or the seal's state in any message of a return."""
        intent = _intent(tracker)
        if tracker.get_slot("requested_slot") == "sealed":
            value = sealed_from(intent, _text(tracker))
        elif (intent in ("return_request", "damaged_item", "inform") or intent.startswith("reason_")
              or tracker.active_loop_name == "return_form"):
            value = sealed_from(None, _text(tracker))
        else:
            return {}
        return {"sealed": value} if value is not None else {}

    async def extract_return_item(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> Dict[Text, Any]:
        """The item picked by button (SKU), position or name while the item is asked for."""
        if tracker.get_slot("requested_slot") != "return_item":
            return {}
        items = await order_items(current_store(tracker), tracker.get_slot("verified_order") or "")
        value = item_from(_text(tracker), items)
        return {"return_item": value} if value else {}


COMPUTED = ("action_delivery_cost", "action_installments", "action_pickup", "action_delivery_time")
DETAILS = ("amount", "city", "distance", "time", "weekday")


def last_computed(tracker: Tracker, before_this_message: bool = False,
                  among: Sequence[str] = ()) -> Optional[str]:
    """The computed answer given last in this conversation (delivery cost, time, pickup, installments; `among`: of
    these alone); with `before_this_message`, the last one given before the customer's latest message."""
    events = list(tracker.events)
    if before_this_message:
        events = events[: max((n for n, event in enumerate(events) if event.get("event") == "user"), default=0)]
    return next((event.get("name") for event in reversed(events)
                 if event.get("event") == "action" and event.get("name") in (among or COMPUTED)), None)


# The details each computed answer uses.
_USES = {
    "action_delivery_cost": {"amount", "city", "distance"},
    "action_installments": {"amount"},
    "action_pickup": {"city", "time", "weekday"},
    "action_delivery_time": {"city", "time", "weekday"},
}
# the part of a store's rules each computation needs: none computes where the page is silent (no pickup at Tisa)
_NEEDS = {"action_delivery_cost": "delivery", "action_installments": "installments", "action_pickup": "pickup",
          "action_delivery_time": "delivery_times"}


# The facts that are enough to compute an answer the classifier thought likely: (intent, action, facts needed).
_COMPUTED_FROM = (
    ("delivery_cost", "action_delivery_cost", {"distance"}),
    ("delivery_cost", "action_delivery_cost", {"amount", "city"}),
    ("installment_info", "action_installments", {"amount"}),
    ("delivery_time", "action_delivery_time", {"city"}),
)


def _details(tracker: Tracker) -> set[str]:
    """The details of a computation (amount, city, distance, time, weekday) the latest message gives; a part of the
    day ("закажу вечером") is a time."""
    found = {e.get("entity") for e in (tracker.latest_message or {}).get("entities") or [] if e.get("entity") in DETAILS}
    return found | ({"time"} if day_part(_text(tracker)) is not None else set())


def computed_again(tracker: Tracker) -> List[Dict[Text, Any]]:
    """A new detail ("and to a village near Gori?") re-runs the last computed answer with it (or the one that uses
    every detail given), with a price said beside it as the new total; else nothing."""
    last = last_computed(tracker)
    if not (_details(tracker) and last):
        return []
    events: List[Dict[Text, Any]] = computed_elsewhere(tracker, last) or [FollowupAction(last)]
    if last in TOTALS and latest_entity(tracker, "amount") is None:  # "а 300 и 10 км": a price said beside the detail
        text, currency = _text(tracker), current_store(tracker).currency
        stated = stated_amounts(text, _entities(tracker), currency)[:1] or [
            total for total in [follow_up_total(text, as_number(tracker.get_slot("amount")), currency)]
            if total is not None and total >= SMALLEST_TOTAL and not re.search(r"(?<!\w)(?:в|во|к|до)\s+\d", text)
            and not any(latest_entity(tracker, name) for name in ("time", "date", "weekday"))]  # "а в Гори на 300?",
        events = [SlotSet("amount", total) for total in stated] + events  # "اگه ۲.۵ بشه و به کرج؟" (not "а в 12?")
    return events


TOTALS = ("action_delivery_cost", "action_installments")  # the computed answers that take an order's total
_BARE_DISTANCE = re.compile(r"\W*(?:около|примерно|где-то|حدود|تقریبا)?\s*(\d+(?:[.,]\d+)?)\W*", re.IGNORECASE)  # "35", "~35"


def names_a_price(tracker: Tracker) -> bool:
    """Whether the latest message prices something without a currency ("а если ещё саундбар за 200 добавлю?")."""
    return bool(stated_amounts(_text(tracker), _entities(tracker), current_store(tracker).currency))


def as_number(value: Any) -> Optional[float]:
    """A slot's number, tolerating text."""
    try:
        return float(value) if value is not None else None
    except (TypeError, ValueError):
        return None


def total_again(tracker: Tracker) -> List[Dict[Text, Any]]:
    """A bare number after a computed answer that takes a total ("а если бы заказ был на 520", "and for 250?", "if
    it becomes 2.5?"): that answer again with the new total (a distance, where the answer asked for one: "35" after
    "Какое расстояние в километрах?"); else nothing."""
    text = (tracker.latest_message or {}).get("text") or ""
    distance = _BARE_DISTANCE.fullmatch(to_ascii_digits(text))
    if distance:  # (the language read only for a bare number)
        language = store_and_language(tracker)[1]
        if any(asked_of_distance(str(reply.get("text") or ""), language) for reply in replies_before(tracker)):
            return [SlotSet("distance", float(distance.group(1).replace(",", "."))), FollowupAction("action_delivery_cost")]
    last = last_computed(tracker)
    if last not in TOTALS and adds_to_order(text):  # "а если добавлю ещё чайник за 250?" after a price and then a
        last = last_computed(tracker, among=TOTALS)  # processing day: the price again, for the total it comes to
    if last not in TOTALS:
        return []
    total = follow_up_total(text, as_number(tracker.get_slot("amount")), current_store(tracker).currency)
    if total is None and takes_together(text):  # "а если оба вместе?" after a 900 and an 80: 980
        total = _priced_before(tracker)
    return [SlotSet("amount", total), FollowupAction(last)] if total is not None else []


def _priced_before(tracker: Tracker) -> Optional[float]:
    """The sum of the amounts the customer's two messages before this one named, one each, when both did."""
    amounts = [next((as_number(entity.get("value")) for entity in found if entity.get("entity") == "amount"), None)
               for found in recent_entities(tracker, 3)[1:]]
    named = [amount for amount in amounts if amount is not None]
    return float(sum(named)) if len(named) > 1 else None


def order_named_instead(tracker: Tracker) -> List[Dict[Text, Any]]:
    """An order's number after a computed answer ("мой заказ CT-2002" after a delivery price): that order looked up for
    what its words want ("CT-2003 …, کتری رسید ولی یه خط روشه" after installments: a damage), not the computation
    again; else nothing."""
    named = any(entity.get("entity") == "order_id" for entity in _entities(tracker))
    if _intent(tracker) != "inform" or not named or _details(tracker):
        return []
    return [SlotSet("purpose", wanted_of_order(tracker)), FollowupAction("action_order_flow")]


def wanted_of_order(tracker: Tracker) -> str:
    """What an order named is for: what its message's words want, else the return a fault told just before wants
    ("به جای ورساچه اروس یه عطر دیگه فرستادین! …" then "سفارشم TS-1046": its return, not its status)."""
    texts = recent_texts(tracker, 2)
    wanted = purpose_from_words(question_text(tracker))
    if wanted == "order_status" and len(texts) > 1 and reason_from(None, texts[1]) is not None:
        return purpose_from_words(texts[1])
    return wanted


def computed_elsewhere(tracker: Tracker, own: str) -> List[Dict[Text, Any]]:
    """The computation that uses every detail the latest message gives, when `own` cannot use them all ("а если
    курьером, заказ 300 лари, до дома 6 км" after a pickup time: the delivery price); else nothing."""
    details = _details(tracker)
    if not details or details <= _USES[own]:
        return []
    rules = current_store(tracker).rules
    other = next((action for action, uses in _USES.items() if details <= uses and getattr(rules, _NEEDS[action])), None)
    return [FollowupAction(other)] if other else []


def computed_instead(tracker: Tracker, own: str, asks_own: bool) -> List[Dict[Text, Any]]:
    """A new detail for the computed answer given last, read by the classifier as another topic ("and if I order at
    2 pm?" after a pickup time, "and to Zugdidi?" after a price): that answer again with it; nothing when the
    message asks its own topic's question ("and how many days?"), gives a detail the last answer does not use ("and
    for 900 lari?" after a delivery time), or the last computed answer was this one (`own`)."""
    last, details = last_computed(tracker, before_this_message=True), _details(tracker)
    follows = last and last != own and not asks_own and details and details <= _USES[last]
    return [FollowupAction(last)] if follows else []


def computed_from_details(tracker: Tracker) -> List[Dict[Text, Any]]:
    """Details alone at the start ("out of town, 25 km from Kutaisi, a 700-lari order") start the computation they
    complete, when the classifier thought it likely; else nothing."""
    details = _details(tracker)
    if not details or last_computed(tracker) or earlier_topic(tracker):
        return []
    ranking = ranked_intents(tracker)
    likely = [(ranking.index(intent), action) for intent, action, needed in _COMPUTED_FROM
              if intent in ranking[:3] and needed <= details]
    return [FollowupAction(min(likely)[1])] if likely else []
