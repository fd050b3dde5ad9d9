"""Order status, cancellation and returns: verified look-up, then the store's rules."""

from __future__ import annotations

import logging
import re
from functools import partial
from zoneinfo import ZoneInfo
from typing import Any, Dict, List, Optional, Sequence, Text

from rasa_sdk import Action, FormValidationAction, Tracker
from rasa_sdk.events import ActiveLoop, FollowupAction, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict
from sqlalchemy.orm import Session

from actions.context import (
    change_of_mind_opens,
    rest_of_message,
    RETURN_TOPICS,
    asked_before,
    pressed_since,
    classifier_sure,
    client_key,
    computed_again,
    computed_from_details,
    computed_instead,
    current_store,
    earlier_topic,
    likely_intents,
    offered_a_check,
    latest_entity,
    later_question,
    question_number,
    question_text,
    recent_texts,
    replies_before,
    second_guess,
    side_question,
    store_and_language,
    total_again,
)
from actions.db import in_database, local_now, now, order_items
from actions.faults import told_when_down
from actions.numbers import ActionUnclear, utter_return_post
from actions.topics import (
    express_to_place_asked,
    follow_up_answered,
    placed_before_the_step,
    FAULTS,
    NO_FIRST,
    ORDER_SLOTS,
    amount_put_right,
    asks_an_unlisted_service,
    other_unit_asked,
    span_passed_supposed,
    utter_store_address,
    window_supposed,
    damage_rules_first,
    ground_supposed,
    bound_follow_up,
    deadline_follow_up,
    fault_what_if,
    chosen_units,
    cited,
    hand_to_person,
    human_button,
    offer_person,
    received_after_damage_rule,
    refused_what_if,
    refused_with_reason_before,
    say_refused,
    inspection_asked,
    said_of_faults,
    say_units,
    sealed_follow_up,
    status_asked_for,
    tracking_asked_with_order,
    utter_topic,
    utter_units,
    utter_window,
    why_asked_now,
    window_asked_now,
)
from bot import answers
from bot.dialogue import (
    ORDER_PURPOSES,
    even_if,
    about_own_order,
    asks_if_allowed,
    tells_misuse,
    asks_where_it_is,
    asks_how_long,
    asks_when_processed,
    asks_how_to,
    asks_how_to_return,
    asks_if_still_in_time,
    asks_until_when,
    asks_what_to_send,
    names_a_gift,
    asks_where_or_when,
    cancelled_money_back,
    done_now,
    asks_money_back,
    money_back_to_a_card,
    refund_to_another,
    corrects,
    meant_another,
    counterfactual,
    item_mentioned,
    names_a_cancel,
    no_order_number,
    never_received,
    not_delivered_yet,
    purpose_from_words,
    reason_from,
    removes_an_item,
    returned_item,
    rules_question,
    sealed_from,
    since_item_named,
    tells_own_items_fault,
    asks_who_pays,
    asks_what_to_do,
    tells_the_store_to_act,
    valid_order_id,
    valid_phone,
    wants_something_done,
    what_if,
    window_reason,
)
from bot.i18n.format import clock, digits
from bot.nlu.entities import extract_entities
from bot.nlu.normalize import normalize
from bot.i18n.replies import render
from bot.orders.models import Order
from bot.orders.repository import (
    create_return_request,
    find_order,
    fits_store_format,
    in_store_format,
    mask_phone,
    verify_order,
)
from bot.stores.cancel import can_cancel
from bot.stores.delivery import arrivals
from bot.stores.facts import ItemFacts, OrderFacts
from bot.stores.policy import AnswerUnit, StorePolicy
from bot.stores.returns import can_return, one_rule_for_every_reason, refused_for_any_order, window_from
from bot.stores.units import answers_who_pays, choose_units, closest_of, plainly_answered, short_follow_up, store_index

logger = logging.getLogger(__name__)
_FLOW_SLOTS = ("return_item", "return_reason", "sealed")
# Questions of the forms asked again after a side question, in their own words (domain responses)
_ASKED_AGAIN = (*ORDER_SLOTS, "sealed")
# Rules whose answer, for a customer's own order, is that order's status: "when will my order arrive?"
_STATUS_TOPICS = ("order_status", "delivery_time")
DECISION_RECALLED = 3  # a decision said this many messages back is not said again for a question on it
_AMOUNT = frozenset({"amount"})
_DETAILS = ("amount", "city", "distance", "time")  # what a rule's answer is computed from, never an order's proof
_ORDER_NUMBER = frozenset({"order_id"})
_ORDER_AND_PHONE = frozenset({"order_id", "phone"})


def facts(order: Order) -> OrderFacts:
    """The database row as the plain facts the store rules read."""
    return OrderFacts(
        store=order.store, order_id=order.order_id, status=order.status, placed_at=order.placed_at,
        shipped_at=order.shipped_at, delivered_at=order.delivered_at, carrier=order.carrier,
        tracking_code=order.tracking_code, payment_method=order.payment_method, total=float(order.total),
        city=order.city, on_sale=order.on_sale,
        items=tuple(
            ItemFacts(i.sku, i.name, i.category, float(i.price), i.quantity, i.serial_number, i.gift, i.large,
                      i.hygiene, i.needs_testing)
            for i in order.items
        ),
    )


def _purpose(tracker: Tracker) -> Optional[str]:
    """What the customer wants done with the order: the latest order intent, else the slot; a rules question asked
    after another in the same message ("где CT-2002? и можно ли вернуть…?") keeps the purpose the order is asked for,
    and so does an order named right after the offer to check a rule for one's order."""
    intent = (tracker.latest_message.get("intent") or {}).get("name")
    looking_up = tracker.get_slot("requested_slot") in ORDER_SLOTS or (
        tracker.get_slot("order_id") and not tracker.get_slot("verified_order"))  # an order named, not yet proven
    waiting = tracker.get_slot("purpose") if looking_up else None
    question = question_text(tracker)
    if (intent == "order_status" and offered_a_check(tracker) and latest_entity(tracker, "order_id")
            and not asks_where_or_when(question)):
        return tracker.get_slot("purpose")  # "من که تحویلش گرفتم. سفارش ۵۸۱۲۰. حالا چی؟" after the damage rule and the
        # offer to check it for one's order: that check, for this order
    if (intent in ("order_status", "inform") and latest_entity(tracker, "order_id") and _only_the_order(question)
            and not asks_where_or_when(question) and not tracker.get_slot("purpose") and not tracker.get_slot("verified_order")
            and (earlier := earlier_topic(tracker)) in RETURN_TOPICS
            and any(reason_from(None, text) for text in recent_texts(tracker, 3)[1:])):
        return earlier  # "سفارش ۵۸۱۲۰" right after the rule for a return told with its reason: that return, for it
    if (intent in ("order_status", "inform") and latest_entity(tracker, "order_id") and _only_the_order(question)
            and not tracker.get_slot("purpose") and not tracker.get_slot("verified_order")
            and len(texts := recent_texts(tracker, 3)) == 3
            and no_order_number(texts[1]) and (wanted := purpose_from_words(texts[2])) != "order_status"):
        return wanted  # "میخوام کنسل کنم", "شماره سفارش ندارم", then "پیداش کردم TS1041 شمارمم …": the wish told first
    if intent == "damaged_item" and second_guess(tracker) == "order_status" and reason_from(None, question) is None:
        return "order_status"  # "ну что там с моей микроволновкой? заказ ct2002", torn and telling no fault: its status
    if (waiting and intent in ORDER_PURPOSES and intent != waiting and what_if(question)
            and any(latest_entity(tracker, name) for name in ORDER_SLOTS)):
        return waiting  # "۰۹۱۲ ۴۴۴ ۴۴۰۲. وقتی رسید اگه جعبه‌ش داغون بود چیکار کنم؟": the phone asked for, and a case
        # to come, which the rules answer after what the order was looked up for
    if intent in ORDER_PURPOSES and not (waiting and later_question(tracker) and side_question(tracker)):
        return intent
    return waiting or tracker.get_slot("purpose")


# the words that only say what the numbers are: "سفارش TS-1046 با شماره ۰۹۳۵…", "заказ CT-2002, телефон 599…"
_ORDER_WORDS = frozenset({"سفارش", "سفارشم", "شماره", "شمارم", "شمارمم", "موبایل", "موبایلم", "با", "و", "تلفن", "کد",
                          "پیداش", "پیدا", "کردم", "بفرمایید", "заказ", "номер", "телефон", "тел", "мой", "моя", "и",
                          "вот", "это", "нашла", "нашел", "нашёл"})


def _only_the_order(question: str) -> bool:
    """Whether a message gives an order (and its phone) and says nothing else: what it is for is what came before."""
    spans = [(entity.start, entity.end) for entity in extract_entities(question, _ORDER_AND_PHONE)]
    text = "".join(" " if any(start <= at < end for start, end in spans) else char
                   for at, char in enumerate(normalize(question)))
    return all(word in _ORDER_WORDS for word in re.findall(r"\w+", text.lower()))


def _given_to_look_up(intent: str, question: str) -> bool:
    """An order given with its phone ("заказ SR-5001, телефон 1101. трек уже есть?") or asked where it is ("سفارش ۵۸۱۲۲
    من هنوز نرسیده، کجاست؟"): to be looked up, whatever rule the words also meet."""
    named = [entity.entity for entity in extract_entities(question, _ORDER_AND_PHONE)]
    return (intent == "order_status" and "order_id" in named and (len(named) > 1 or asks_where_or_when(question))
            and not what_if(question))


class ActionOrderFlow(Action):
    """Verifies the order (asking for number and phone), then answers the purpose."""

    def name(self) -> Text:
        """Started by order_status, cancel_order, return_request and damaged_item."""
        return "action_order_flow"

    @told_when_down
    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]
    ) -> List[Dict[Text, Any]]:
        """One step of the flow; forms fill what is missing and hand back here."""
        store, language = store_and_language(tracker)
        if _ended_this_turn(tracker):  # "بازش کردم دیگه" while the order is asked: the form said the refusal
            return []
        if _why_asked(dispatcher, tracker):  # "а без телефона никак?", whatever the classifier made of it
            dispatcher.utter_message(response=f"utter_ask_{tracker.get_slot('requested_slot')}")
            return []
        unnamed = tracker.get_slot("requested_slot") is None and not any(
            latest_entity(tracker, name) for name in ORDER_SLOTS)
        status_read = (tracker.latest_message.get("intent") or {}).get("name") == "order_status"
        if unnamed and (other_unit_asked(dispatcher, tracker)  # "۱۰۰ میلیون ریال چند تومنه؟", read as a detail
                        or utter_store_address(dispatcher, tracker, question_text(tracker))  # "آدرستون کجاست؟"
                        or window_supposed(dispatcher, tracker)  # "اگه یکشنبه بعدش بگم چی؟" after a window counted
                        or span_passed_supposed(dispatcher, tracker)  # "و اگه ۳ ساعت گذشته بود چی؟" after 2 hours'
                        or status_read and inspection_asked(dispatcher, tracker)  # "بسته رو که میارن چیا رو باید
                        or placed_before_the_step(dispatcher, tracker)):  # چک کنم؟", read as a status: what to look at on
            return []  # delivery; "а я уже оформил, что теперь" after naming the recipient while ordering: how to change it
        if unnamed and express_to_place_asked(tracker):  # "یه عطر میخوام بفرستم بندرعباس، فوری میشه؟", read as a
            return [FollowupAction("action_delivery_time")]  # return: express to that city
        question = question_text(tracker)
        if unnamed and not classifier_sure(tracker):
            again = total_again(tracker)  # "а если ещё чайник возьму и выйдет 550?" after a delivery price, read as a
            if again:  # fault by a guess: the price again for the new total
                return again
            if deadline_follow_up(dispatcher, tracker):  # "уже почти двое суток прошло, сколько ещё ждать?" after "the
                return []  # bank returns it within 72 hours", read as a status by a guess: that span from then
        if unnamed and (what_if(question) or corrects(question)) and reason_from(None, question) is None:
            # "а если только в 12 успею оформить?" after a pickup time, read as a return: the pickup again for the new
            # hour ("нет, заказ прошел в 11:10", a correction, likewise); "а если возьму модель подороже за 620?" after
            # a price, read as a return even when sure: the price again for that total
            again = computed_instead(tracker, self.name(), False) or total_again(tracker)
            if again:
                return again
        if unnamed and amount_put_right(dispatcher, tracker):
            return []  # "ببخشید، ۱۲ میلیون و ۵۰۰ هزار ریال بوده" after the rule for purchases over 10 million, a
            # correction telling no fault: that rule's bound for the amount (or, for a rule of any amount, that again)
        purpose = _purpose(tracker)
        intent = (tracker.latest_message.get("intent") or {}).get("name")
        reason = reason_from(None, question)
        if removes_an_item(question) and (intent == "cancel_order" or tracker.get_slot("verified_order") and intent not in (
                "order_status", "inform")):  # "کنسل نکنم، فقط بلندرو از سفارش حذف کنید", "اگه فقط بلندر رو کنسل کنم و
            # ماهیتابه بمونه چی؟" of an order proven (read as out of scope): an edit
            utter_topic(dispatcher, tracker, "order_change", question, likely_intents(tracker), "order_change")
            return [SlotSet("purpose", None)]
        if (intent == "cancel_order" or intent == "order_status" and unnamed) and cancelled_money_back(question):
            # "заказ отменили а первый платеж не вернулся", "… الان پیام دادن سفارش باطل شده! پولم چی میشه؟"
            utter_topic(dispatcher, tracker, "refund_time", question, likely_intents(tracker))
            return [SlotSet("purpose", None)]
        names_order = any(latest_entity(tracker, name) for name in ORDER_SLOTS)
        beside = (_rule_beside(question, store) if intent in ("order_status", "inform") and names_order
                  and tracker.get_slot("requested_slot") is None and reason is None
                  and not _own_return_cost_asked(tracker, question)
                  and not (corrects(question) and meant_another(question))
                  and not (not_delivered_yet(question) and not what_if(question)) else None)  # ("اروس فلیم اومده!!
        # TS-1046, 0935…": a complaint of the order, its return; not "اشتباه گفتم، منظورم sr5003 بود", an order put
        # right, nor "سفارش ۵۸۱۲۲ چرا هنوز نرسیده؟", where it is)
        if beside is not None and beside[0].topic not in _STATUS_TOPICS and utter_units(
                dispatcher, tracker, beside[1], [beside[0].topic]) and not (
                purpose in (*RETURN_TOPICS, "cancel_order") and not latest_entity(tracker, "order_id")):
            return [SlotSet("purpose", None)]  # "CK-3004, 0919…: был ли ноутбук застрахован?": the rule, not the status
        # (a return or cancel whose order was named before goes on after it: "۴ رقم آخر ۴۵۶۷. هزینه پستشم با منه؟")
        unasked = not any(tracker.get_slot(slot) for slot in ("requested_slot", "order_id", "phone", "verified_order"))
        if (intent == "inform" and purpose == tracker.get_slot("purpose") and unasked
                and any(latest_entity(tracker, name) for name in _DETAILS)):
            purpose = None  # "ببخشید ۹ میلیون و ۸۰۰ بود نه ۱۲" after a rule, no order asked for: a detail for the rule
        if tracker.get_slot("order_id") and ((purpose is None and intent == "inform" and names_order) or (
                purpose == intent == "order_status" and latest_entity(tracker, "order_id") and reason)):
            purpose = purpose_from_words(question)  # "order CK-3004, 3304, it stopped working", "заказ ts1046: 100 мл
            # заказывала, а пришел 50 мл" (read as its status: the reason says a return)
            if purpose == "order_status" and meant_another(question):  # "ببخشید اون سفارش قبلیم بود! منظورم CK-3003":
                purpose = next((wanted for text in recent_texts(tracker, 4)[1:]  # what the order before was asked
                                if (wanted := purpose_from_words(text)) != "order_status"), purpose)  # for
        elif purpose is None and intent == "inform" and latest_entity(tracker, "phone") and reason:
            purpose = purpose_from_words(question)  # "мой номер 09121111103, фен сломался": a return, its order asked
        elif (purpose in ("return_request", "damaged_item") and asks_if_still_in_time(question) and window_reason(question)
              and (tracker.get_slot("order_id") or tracker.get_slot("verified_order"))
              and not any(reason_from(None, text) for text in recent_texts(tracker, 3))):
            purpose = "order_status"  # "58120, 0912…: сколько у меня осталось дней на тест?": its window, no return yet
        elif (purpose != "order_status" and intent == "inform" and latest_entity(tracker, "order_id")
              and tracker.get_slot("requested_slot") not in ORDER_SLOTS and asks_where_or_when(question)
              and reason is None):
            purpose = "order_status"  # "58122, 0912…. کی میرسه دستم؟" after a rule on returns: its status, not a return
        returning = tracker.get_slot("purpose") in ("return_request", "damaged_item") and reason
        if purpose == "cancel_order" and (sealed_from(None, question) is not None or returning
                                          or reason in FAULTS) and not (names_a_cancel(question)
                                                                        and not_delivered_yet(question)):
            purpose = "return_request"  # "a printer, still sealed, I changed my mind", "پشیمون شدم" to "why return
            # it?", "CK-3004 … نه ببخشید CK-3003 … شارژ نمیکنه" (a "no" read as a cancel): it has come, so a return
            # (not "هنوز ارسال نشده، میخوام لغوش کنم چون اشتباهی ۱۰۰ میل زدم": a cancel, its reason told)
        if purpose is None and intent == "inform" and utter_return_post(dispatcher, tracker):
            return []  # "چطوری بفرستم؟ من اصفهانم" after a return's decision: how to send it back, not a delivery price
        if purpose is None:
            again = (computed_again(tracker) or computed_from_details(tracker)) if intent == "inform" else []
            if again:  # "and if it is to Mashhad?" after a delivery answer
                return again
            if intent == "inform" and (bound_follow_up(dispatcher, tracker)  # "а если за 8 млн?" after a rule over 10
                                       or window_asked_now(dispatcher, tracker)  # "получил уже часов пять назад..."
                                       or utter_units(dispatcher, tracker, question, likely_intents(tracker))):
                return []  # details with a question the page answers: "ordered yesterday, cheaper today: refund the difference?"
            # a form just answered it, or a later question of the message leaves it to the others: nothing to add; a
            # question nothing answered ("che tori khodam peygiri konam?") is not left without a reply
            if not said_this_turn(tracker) and not (side_question(tracker) and later_question(tracker)):
                dispatcher.utter_message(response="utter_inform_without_context" if intent == "inform" else "utter_anything_else")
            return []
        if intent == "deny" and not tracker.get_slot("verified_order") and not change_of_mind_opens(tracker):
            return self._general_answer(dispatcher, tracker, purpose)
        if tracker.get_slot("verified_order") and asks_what_to_send(question):
            said = CollectingDispatcher()
            utter_topic(said, tracker, purpose, question, likely_intents(tracker))
            told = " ".join(f"{message.get('text') or ''} {message.get('answer') or ''}" for message in said.messages)
            if names_a_gift(question) and not names_a_gift(told):
                dispatcher.utter_message(response="utter_topic_not_covered")  # "а пробник, который шёл в подарок,
                return []  # тоже отправлять?": the page says nothing of gifts sent back, not a neighbouring rule
            dispatcher.messages.extend(said.messages)
            return []
        unknown_order = not any(tracker.get_slot(slot) for slot in ("verified_order", "order_id", "phone"))
        if purpose in ("return_request", "damaged_item") and unknown_order and (
                self._refused_by_rule(dispatcher, store, language, question)  # "opened it, I don't like the smell"
                or refused_what_if(dispatcher, tracker)  # "and if I open it?" after a change of mind: still refused
                or fault_what_if(dispatcher, tracker)  # "and if it is faulty?" after it: the fault's own rule
                or sealed_follow_up(dispatcher, tracker)  # "and if I hadn't opened it?": the rule for a sealed item
                or received_after_damage_rule(dispatcher, tracker)):  # "دیگه گرفتمش رفت 😅 بازش کردم یه خط رو درش
            return [SlotSet("purpose", None)]  # هست" after "do not accept a damaged box": the rules for a parcel taken
        awaiting_phone = (not tracker.get_slot("verified_order") and bool(tracker.get_slot("order_id"))
                          and not tracker.get_slot("phone") and not names_order)
        if purpose in ("return_request", "damaged_item") and awaiting_phone and fault_what_if(dispatcher, tracker):
            return [SlotSet("purpose", None)]  # "و اگه خراب بود چی؟" after a change of mind refused for any order,
            # while that order's phone was asked: the fault's rule, not the phone again
        # with an order proven, the rules answer "and if I hadn't opened it, who would pay?" (not "and if it breaks?",
        # which is the order's decision) and a status-worded question about another rule ("what to check on delivery?")
        # "and if it broke?" of a proven order is its decision; "if you ship it and I regret, can I cancel then?" a rule
        # ("اگه الان لغوش کنم میشه؟" of a proven order is its decision: what it is now)
        cancel_now = purpose == "cancel_order" and done_now(question)
        hypothetical = (what_if(question) and not cancel_now and not even_if(question)  # ("حتی اگه پلمپش باز نشده
                        and (reason is None or purpose == "cancel_order" or counterfactual(question)))  # باشه؟": the
        # order's decision holds, said again)
        # an order whose phone is asked again (after a mismatch) is no order to answer a question of another kind for
        # (or whose number came with a question the rules answered: "اگه تحویل گرفتم بعد دیدم ضربه خورده چی؟" after "اگه
        # … با کارتن داغون رسید چیکار کنم؟ سفارشم 58122")
        unproven = unknown_order or (not tracker.get_slot("verified_order") and not names_order
                                     and tracker.get_slot("requested_slot") in ("phone", None))
        # "я ничего не получал" of a proven order: its own state, not a rule
        not_received = bool(tracker.get_slot("verified_order")) and never_received(question) and not what_if(question)
        if (intent in (purpose, "inform") and (unproven or hypothetical or intent == "order_status")
                and not _given_to_look_up(intent, question) and not not_received
                and (self._about_the_rules(intent, question, store, likely_intents(tracker) if unproven else [])
                     or self._rules_follow_up(tracker, question)
                     or window_asked_now(CollectingDispatcher(), tracker)
                     or (unproven and (no_order_number(question)  # "проверять мой заказ не надо, просто скажите: …"
                                       or asks_an_unlisted_service(store, question))))):  # "завернёте в подарок?"
            if said_this_turn(tracker, *_RULES_SAID):
                return []  # answered before the form stood aside: once is enough
            return self._rules_answer(dispatcher, tracker, store, language, purpose, question)
        later = rest_of_message(tracker)
        giving_back = purpose in ("return_request", "damaged_item") and unknown_order
        if giving_back and asks_how_to_return(later):
            # "میخوام پسش بدم. … مرجوعی چطوریه؟": a return wished for and asked how: the rules, with the offer to check
            return self._rules_answer(dispatcher, tracker, store, language, purpose, question)  # the order (no ask)
        if purpose in ("return_request", "damaged_item") and unknown_order and intent != "inform":
            _seal_rule_first(dispatcher, store, language, question)  # before the order is asked for
        if purpose == "cancel_order" and unknown_order and intent != "inform":
            _cancel_rule_first(dispatcher, store, language, question)
        events: List[Dict[Text, Any]] = [SlotSet("purpose", purpose)]
        said = CollectingDispatcher()  # what the look-up says is said only when it was done in time
        order, lookup_events, locked = await in_database(
            lambda session: self._verified_order(said, tracker, session, store, language))
        dispatcher.messages.extend(said.messages)
        if (order is None and not lookup_events and not dispatcher.messages and side_question(tracker)
                and not tracker.get_slot("order_id") and not said_this_turn(tracker)):  # (a form may have answered it)
            return self._rules_answer(dispatcher, tracker, store, language, purpose, question)  # "مرجوعی رو از کجا ثبت
            # کنم؟" after a phone given unasked: no order to look up, the rule rather than silence
        events += lookup_events
        if order is not None:
            events += self._answer(dispatcher, tracker, store, language, purpose, order)
        if locked:  # after the look-up's transaction: the queue is written in its own
            await hand_to_person(dispatcher, tracker, "locked", locked)
        return events

    @staticmethod
    def _rules_answer(dispatcher: CollectingDispatcher, tracker: Tracker, store: StorePolicy, language: str,
                      purpose: str, question: str) -> List[Dict[Text, Any]]:
        """Answered now from the page; checked for an order on request (the button, or its number)."""
        reason = reason_from(None, question)
        topic = "damaged_item" if purpose == "order_status" and reason else purpose
        fallback = "warranty" if reason == "defect" else None  # a defect where the page has only a warranty
        also = likely_intents(tracker)
        if topic in _STATUS_TOPICS and asks_if_allowed(question):  # "… الان زنگ زدن میگن موجود نیست!! مگه میشه؟":
            ruled = [name for name in also if name not in _STATUS_TOPICS]  # what the store may do is no status
            topic, also = (ruled[0], ruled[1:]) if ruled else (topic, also)
        if reason in ("defect", "transport_damage") and topic != "damaged_item":  # "it jams paper after 3 days: can
            also = damage_rules_first(also)  # I return it?": damage rules
        elif reason in ("defect", "transport_damage"):  # a fault told of a damage: the return rules next ("مهلت تستش تا
            also = ["return_request", *(name for name in also if name != "return_request")]  # کیه؟ اگه درست چاپ نکنه")
        # "купил пылесос, просто передумали, можно вернуть или поменять?" where the page has no rule for that reason:
        # said so, with the page's way to ask and a person (not a rule whose words come near)
        returns = store.rules.returns
        if (topic == "return_request" and reason and returns and reason not in returns.grounds
                and not names_a_cancel(question)):
            dispatcher.utter_message(text=answers.reason_not_covered(reason, store, language),  # type: ignore[arg-type]
                                     buttons=human_button(language))  # type: ignore[arg-type]
            return [SlotSet("purpose", None)]
        said, window = CollectingDispatcher(), CollectingDispatcher()
        counted = utter_window(window, tracker, store, language, question)
        # "got it the day before yesterday: too late?" after a damage rule: the window answers, not a status rule
        answered = (counted and topic == "order_status") or utter_topic(said, tracker, topic, question, also, fallback,
                                                                        deadline=not counted)  # the window says it
        if answered and fallback and not said_of_faults(said, store):  # "купил фен … перестал включаться … вернуть
            warranty = CollectingDispatcher()  # или поменять?": a fault whose words took it to another topic's rule
            if utter_topic(warranty, tracker, fallback, question):  # (an order corrected by phone): the warranty's
                said = warranty
        if not answered and not counted:  # "اگه روز عادی خریده بودم فرقی میکرد؟" after who pays for a sale-day return:
            leaned = CollectingDispatcher()  # read with the question before
            if follow_up_answered(leaned, tracker, unsure=False):
                said, answered = leaned, True
        ground = store.rules.returns.grounds.get(reason) if store.rules.returns and reason else None
        line = answers.rule_line(ground, language) if not answered else None
        if line and not answers_who_pays([line], question):  # "Кто оплачивает доставку, если я возвращаю бракованную
            line = None  # микроволновку?": the ground's rule says nothing of it, which "not covered" says
        if line:  # "ورساچه اروس گرفتم … بوش به دلم ننشست. میشه پسش بدم؟", whose brand words no rule's examples share,
            said = CollectingDispatcher()  # "вчера получила духи, флакон протек, вся коробка мокрая!" (its window
            said.utter_message(text=line, sources=cited([ground], "returns"))  # counted): the reason's own rule, not
            answered = True  # "not covered"
        elif not answered and counted:
            said = CollectingDispatcher()  # the window counted answers: no "not covered" before it
        # where the page says nothing, the order is asked for: "где посмотреть статус заказа?", which we look up
        # ourselves (not for a later question of a message that is not about one's order, "… آدرستون کجاست؟"), and
        # "мне привезли не тот товар!!", a complaint of one's order told, not asked
        complaint = reason is not None and not rules_question(None, question)
        if not answered and not no_order_number(question) and (complaint or topic == "order_status" and (
                not later_question(tracker) or about_own_order(question) or not_delivered_yet(question))):
            dispatcher.utter_message(response="utter_ask_order_id")
            return [SlotSet("purpose", purpose)]
        if answered:
            ground_supposed(said, tracker)  # "если придет не такой как на фото, доставку вернете?" after the batch's looks
        dispatcher.messages.extend(said.messages + window.messages)
        answered = answered or counted
        asked = tracker.get_slot("requested_slot")
        if asked in _ASKED_AGAIN:  # asked in the middle of giving the order: the rule, then the interrupted question
            if (tracker.active_loop or {}).get("name") != "order_lookup_form":  # (a form still active asks it itself)
                dispatcher.utter_message(response=f"utter_ask_{asked}")
        elif answered and (tells_the_store_to_act(question) or about_own_order(question) and asks_where_it_is(
                question) and not asks_how_to(question) or _case_told_first(tracker, question)) and not no_order_number(
                question) and not tracker.get_slot("verified_order"):  # ("как узнать, где моя посылка?" asks how to
            # look, which the rule answers; "به جای سشوار برام اتو مو فرستادین": a wrong item sent is that order's)
            # "پرینتری که خریدم روشن نمیشه، میخوام مرجوعی ثبت کنید. رمزشو بردارم؟", "… هنوز کد رهگیری پیامک نشده.
            # سفارشم کجاست؟": the rule, then the order it is to be done with (or to say where it is)
            dispatcher.utter_message(response="utter_ask_order_id")
        elif answered and purpose == "cancel_order" and store.rules.cancel is None and not tracker.get_slot(
                "verified_order"):  # "خب پس کنسلش کنم؟ میشه؟" where the page gives customers no way to cancel: a
            offer_person(dispatcher, language)  # person may, a look at the order would not tell more
        elif answered and not tracker.get_slot("verified_order") and not no_order_number(question):  # an order proven
            # already needs no offer to check one, nor does a customer who just said not to check theirs
            button = {"title": render("button.check_order", language), "payload": f"/{purpose}"}  # type: ignore[arg-type]
            dispatcher.utter_message(text=render("order.check_offer", language), buttons=[button])  # type: ignore[arg-type]
        return [SlotSet("purpose", purpose)]

    @staticmethod
    def _refused_by_rule(dispatcher: CollectingDispatcher, store: StorePolicy, language: str, question: str) -> bool:
        """"I opened the perfume and don't like it", "a printer, changed my mind": refused by the rule, no order needed."""
        reason = reason_from(None, question)
        refused = refused_for_any_order(reason, sealed_from(None, question), store, question,
                                        delivered=not not_delivered_yet(question)) if reason else None
        return say_refused(dispatcher, reason, refused, language)

    @staticmethod
    def _rules_follow_up(tracker: Tracker, question: str) -> bool:
        """A question right after one on a topic that, with that topic's help, a rule other than an order's
        status answers: "and the gift that comes with the order?" after the serial-number exception."""
        earlier = earlier_topic(tracker)
        if not earlier or not rules_question(None, question) or latest_entity(tracker, "order_id"):
            return False  # "заказ ts1046. успеваю ещё?" after the 7 days for a leak: that order's window
        chosen = chosen_units(tracker, question, [earlier])
        return bool(chosen) and chosen[0].topic not in _STATUS_TOPICS

    @staticmethod
    def _about_the_rules(intent: str, question: str, store: StorePolicy, others: Sequence[str]) -> bool:
        """A question about the rules; a status question only when it is about damage ("the box came crushed, what
        now?"), plainly about another rule of the page ("and the gift that comes with the order?"), or, not about
        one's own order, answered by a rule of the classifier's next topics ("отправляю назад ноутбук на проверку, там
        пароль. так и оставить?")."""
        if rules_question(intent, question) or refund_to_another(question):  # "پولشم به کارت خانمم برگردونید": only
            return True  # to the paying account, whatever the order
        if intent == "damaged_item" and not (wants_something_done(question) or tells_own_items_fault(question)):
            return True  # "the bottle came cracked 😡": the rule for damage first, then the offer to check the order
        plain = plainly_answered(question, store_index(store)) if intent != "order_status" else None
        if (plain is not None and plain.topic not in _STATUS_TOPICS and not wants_something_done(question)
                and not tells_own_items_fault(question)):
            return True  # "برای مرجوعی با تیپاکس بفرستم راحت‌ترم": no question typed, but a rule plainly answers it
        if intent != "order_status":
            return False
        index = store_index(store)
        unit = plainly_answered(question, index)
        numbered = bool(extract_entities(question, _ORDER_NUMBER))
        if not numbered and unit is not None and unit.within is not None:
            return True  # "курьер приехал, а меня не было дома. что теперь?": the page's rule for what follows, with
            # its span (24 hours to get in touch, then cancelled), then the offer to check the order
        if not rules_question(None, question):
            return False
        if (about_own_order(question) or not_delivered_yet(question)) and not what_if(question) and numbered:
            return False  # "سفارشم هنوز نرسیده، کجاست؟ کدش 58122", "سفارش ۵۸۱۲۲ چرا هنوز نرسیده؟": one's own order,
            # named: looked up
        # "سفارشم ۱۲ میلیون تومنه، موقع تحویل چه مدرکی لازمه؟": a status needs no amount, a rule for amounts does
        priced = bool(extract_entities(question, _AMOUNT)) and not asks_where_or_when(question)
        if unit is None and others and (priced or not about_own_order(question) or asks_if_allowed(question)):
            chosen = choose_units(question, [topic for topic in others if topic not in _STATUS_TOPICS], index)
            unit = chosen[0].unit if chosen else None
        return reason_from(None, question) is not None or (unit is not None and unit.topic not in _STATUS_TOPICS)

    def _general_answer(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, purpose: str
    ) -> List[Dict[Text, Any]]:
        """Without an order: the store's general rule on the topic, or an honest 'not covered'."""
        utter_topic(dispatcher, tracker, purpose)
        return [SlotSet("purpose", None), SlotSet("order_id", None), SlotSet("phone", None), SlotSet("lookup_tried", None)]

    def _verified_order(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, session: Session, store: StorePolicy, language: str
    ) -> tuple[Optional[OrderFacts], List[Dict[Text, Any]], str]:
        """The order this conversation proved it owns, or the events that ask for proof; and after a lock-out, what
        to tell the customer as the conversation goes to a person."""
        verified = tracker.get_slot("verified_order")
        order_id = tracker.get_slot("order_id")
        phone = tracker.get_slot("phone")
        if verified and order_id in (None, verified):
            order = find_order(session, store.id, verified)
            if order is not None:
                return facts(order), [], ""
        if order_id and not fits_store_format(order_id, store.order_example):  # "TS-1041" at Sitra: no number of
            _say_not_the_stores(dispatcher, order_id, store, language)  # its at all, asked again (no attempt counted)
            return None, [SlotSet("order_id", None), SlotSet("requested_slot", "order_id")], ""
        if not order_id or not phone:
            return None, [] if side_question(tracker) else [FollowupAction("order_lookup_form")], ""
        result = verify_order(session, tracker.sender_id, store.id, in_store_format(order_id, store.order_example), phone,
                              now(), client_key(tracker))
        logger.info("verification for %s in %s: %s (phone %s)", tracker.sender_id, store.id, result.status, mask_phone(phone))
        reset = [SlotSet("order_id", None), SlotSet("phone", None), SlotSet("lookup_tried", None)]
        if result.status == "locked" or result.locked_until is not None:  # the 5th failure locks at once
            local = result.locked_until.astimezone(ZoneInfo(store.timezone))  # type: ignore[union-attr]
            key = "lookup.order_locked" if result.lock_scope == "order" else "lookup.locked"
            return None, reset + [SlotSet("purpose", None)], render(key, language, time=clock(local, language))  # type: ignore[arg-type]
        if result.status == "mismatch":
            dispatcher.utter_message(text=render("lookup.mismatch", language,  # type: ignore[arg-type]
                                                 attempts=digits(str(result.attempts_left), language)))  # type: ignore[arg-type]
            # no form here: a form would refill the slots from the message that just failed. The number is
            # kept and the phone asked again (a mistyped digit is the usual cause); a new number replaces it, and
            # is tried with the phone kept aside ("ببخشید، SR-5003" after SR-5030 and the right phone)
            return None, [SlotSet("phone", None), SlotSet("lookup_tried", {"order_id": order_id, "phone": phone}),
                          SlotSet("requested_slot", "phone")], ""
        return facts(result.order), [SlotSet("verified_order", result.order.order_id), SlotSet("phone", None),  # type: ignore[union-attr,arg-type]
                              SlotSet("lookup_tried", None),
                              SlotSet("order_id", result.order.order_id),  # type: ignore[union-attr]  # "58-120" is 58120
                              SlotSet("requested_slot", None)], ""  # the phone asked again after a mismatch is answered

    def _answer(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, store: StorePolicy, language: str,
        purpose: str, order: OrderFacts,
    ) -> List[Dict[Text, Any]]:
        """Status, cancellation or return decision for a verified order."""
        asked = asked_before(tracker, "order_status") or ""  # "TS-1046 کی میرسه؟ هنوز دستم نرسیده!!" before its phone
        if purpose == "order_status" and order.status == "delivered" and (
                never_received(question_text(tracker)) or never_received(asked) and not what_if(asked)):
            dispatcher.utter_message(text=answers.not_received(order, store, language, now()),  # type: ignore[arg-type]
                                     buttons=human_button(language))  # "как доставлен?? я ничего не получал"
            return [SlotSet("purpose", None)]
        if purpose == "order_status":
            status = answers.order_status(order, store, language, now())  # type: ignore[arg-type]
            arrival = CollectingDispatcher()
            _utter_order_arrival(arrival, tracker, store, language, order)
            # "کی میرسه؟" right after it: its arrival, not the status again (where the page gives no times, the status
            # says what comes next, beside that the page gives none)
            window = CollectingDispatcher()
            _utter_order_window(window, tracker, store, language, order)
            if not (arrival.messages and store.rules.delivery_times and _said_last(tracker, status)
                    or window.messages and asks_if_still_in_time(question_text(tracker))):  # "خود پرینتر چند روز دیگه
                dispatcher.utter_message(text=status)  # فرصت تست داره؟": the days left, not its status again
            dispatcher.messages.extend(window.messages)
            dispatcher.messages.extend(arrival.messages)
            tracking_asked_with_order(dispatcher, tracker, answers.status_rules(order, store))
            change = asked_before(tracker, "order_change")
            if change is not None and not utter_units(dispatcher, tracker, change, ["order_change"]):  # "تابه رو از
                dispatcher.utter_message(response="utter_topic_not_covered")  # سفارش حذف کنین" before the phone: the
                # page's rule on changes, for it; where it has none, a person (the address changed to one's office)
            question = question_text(tracker)
            if what_if(question) and not said_this_turn(tracker, *_RULES_SAID):  # "…, 4402. وقتی رسید اگه جعبه‌ش
                intent = (tracker.latest_message.get("intent") or {}).get("name")  # داغون بود؟": the case's rule
                utter_units(dispatcher, tracker, question, [intent, *likely_intents(tracker)])
            return [SlotSet("purpose", None)]
        if purpose == "cancel_order":
            decision = can_cancel(order, store)
            text = answers.cancel_decision(decision, order, store, language)  # type: ignore[arg-type]
            question = question_text(tracker)
            decided = any(reply.get("text") == text for reply in replies_before(tracker, DECISION_RECALLED))
            if decided and rules_question(None, question) and utter_units(dispatcher, tracker, question, [
                    "cancel_order", *likely_intents(tracker)]):  # "کلا تو پرداخت در محل تا کی میشه سفارش کنسل بشه؟"
                return [SlotSet("purpose", None)]  # after its decision: the rule asked, not the decision again
            person_may = decision.verdict in ("possible", "not_covered") or decision.verdict == "received" and not store.rules.returns
            buttons = human_button(language) if person_may else []
            dispatcher.utter_message(text=text, buttons=buttons, sources=cited([store.rules.cancel], "cancel"))
            money = next((text for text in recent_texts(tracker, 3) if asks_money_back(text)), None)
            if decision.verdict == "possible" and money:  # "۴ رقم آخر ۱۱۰۱. پولم کی برمیگرده؟", or asked with the
                utter_units(dispatcher, tracker, money, ["refund_time", "cancel_order"])  # wish to cancel: the refund's too
            return [SlotSet("purpose", None)]
        return self._return(dispatcher, tracker, store, language, purpose, order)

    def _return(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, store: StorePolicy, language: str,
        purpose: str, order: OrderFacts,
    ) -> List[Dict[Text, Any]]:
        """The return decision once item, reason and (if needed) seal are known."""
        if not order.items:
            dispatcher.utter_message(text=render("return.no_items", language))  # type: ignore[arg-type]
            return [SlotSet("purpose", None)]
        names = [(i.sku, f"{i.name} {i.category}") for i in order.items]
        texts = recent_texts(tracker)  # what the customer already told of this item ("do I send the gift sample back
        # too?" asked before is no return of the sample)
        said = since_item_named(texts[:1] + [text for text in texts[1:] if not asks_what_to_send(text)], names)
        gifts = frozenset(i.sku for i in order.items if i.gift)
        # "اصلا پشیمون شدم کلا پرینترو نمیخوام" after a question on the gift paper: the item named last (now, or in "اگه
        # کارشناستون گفت پرینتر ایراد نداره چی میشه؟" before "یعنی اگه فقط دیگه نخوامش…"), not the one the slot kept
        named_now = (returned_item(said[-1:], names, gifts)  # (an item chosen by button since is the one)
                     if len(names) > 1 and said and item_mentioned(said[-1], names)
                     and not pressed_since(tracker, said[-1]) else None)
        sku = named_now or tracker.get_slot("return_item") or returned_item(said, names, gifts)
        other = named_now is not None and named_now != tracker.get_slot("return_item")  # its reason and seal are its own
        told_now = reason_from(None, texts[0]) if texts else None  # "ولی جعبه اش هم موقع تحویل له شده بود" after a
        # defect's refusal: the ground told now decides, not the one kept
        kept = None if other or told_now in FAULTS else tracker.get_slot("return_reason")
        reason = kept or next((found for text in said if (found := reason_from(None, text))), None)
        if reason is None and texts and meant_another(texts[0]):  # "ببخشید اون سفارش قبلیم بود! منظورم ایرپاده": the
            # item put in the place of the one the reason was told of
            reason = next((found for text in texts[1:4] if (found := reason_from(None, text))), None)
        if purpose == "damaged_item" and reason == "change_of_mind" and not tracker.get_slot("return_reason"):
            reason = None  # words of a damage report ("I don't want a broken one") are not a change of mind; an answer is
        pending = tracker.get_slot("pending_return") or {}
        if reason is None and pending.get("order_id") == order.order_id and pending.get("sku") == sku:
            reason = pending.get("reason")  # "ای وای ببخشید، پلمپشو باز کرده بودم" after its decision, a question
            # between: the seal put right, decided again for the reason told before
        sealed = None if other else tracker.get_slot("sealed")
        if sealed is None:
            sealed = next((found for text in said if (found := sealed_from(None, text)) is not None), None)
        if reason is None and sealed is True and purpose == "return_request":
            reason = "change_of_mind"  # "the cream too? I haven't opened it": an unopened item with no fault named
        known = [SlotSet("return_item", sku), SlotSet("return_reason", reason), SlotSet("sealed", sealed)]
        cleared = [SlotSet(slot, None) for slot in _FLOW_SLOTS] + [SlotSet("purpose", None)]
        question = question_text(tracker)
        item = next((i for i in order.items if i.sku == sku), None)
        if what_if(question) and order.delivered_at is None:  # "а если придет бракованным?" of an order on its way:
            refused = refused_for_any_order(reason, sealed, store, flags=item.flags()) if reason and item else None
            if not say_refused(dispatcher, reason, refused, language):  # "а если получу и не понравится?" of a printer:
                utter_topic(dispatcher, tracker, purpose, question, likely_intents(tracker))  # refused as its kind is;
            return cleared  # else the page's rule for when it has come, not "not delivered yet"
        shared = one_rule_for_every_reason(store)
        if reason is None and shared is not None and not side_question(tracker):  # why would not change the answer
            if purpose == "damaged_item":  # "it came broken": the one rule, whichever damage it is
                reason = shared.reason
            else:  # "I want to return the cream": the one rule, where this order stands by it, and how
                present = now()
                decision = can_return(order, item or order.items[0], shared.reason, present, store, sealed)
                dispatcher.utter_message(text=answers.return_any_reason(decision, store, language, present),  # type: ignore[arg-type]
                                         sources=cited([shared, store.rules.returns], "returns"))
                return cleared
        if reason is None and _how_to_return_asked(dispatcher, store, language, question):  # "پشتیبانی گفت پرینتر رو
            return known  # بفرستم. … چطوری بفرستم؟": how it is sent back, no reason asked for it
        if item is None or reason is None:
            if side_question(tracker):  # "and the gift paper that came with it?": answered, the return waits
                utter_topic(dispatcher, tracker, purpose, question, likely_intents(tracker))
                return known
            return known + _ask_on(tracker)
        decision = can_return(order, item, reason, now(), store, sealed)
        if decision.verdict == "needs_seal":
            return known + _ask_on(tracker)
        text = answers.return_decision(decision, item, store, language, now())  # type: ignore[arg-type]
        sources = cited([decision.ground or store.rules.returns], "returns")
        again = any(reply.get("text") == text for reply in replies_before(tracker))  # "پس الان چیکار کنم؟" after it
        decided = any(reply.get("text") == text for reply in replies_before(tracker, DECISION_RECALLED))
        if decided and decision.verdict in ("eligible", "needs_evidence") and (
                asks_if_still_in_time(question) or asks_until_when(question)):
            window = CollectingDispatcher()  # "چند روز دیگه وقت دارم؟" after it: this order's window, counted
            _utter_order_window(window, tracker, store, language, order)
            if window.messages:
                dispatcher.messages.extend(window.messages)
                return []
        if decided and decision.verdict in ("eligible", "needs_evidence") and rules_question(None, question):
            if _how_to_return_asked(dispatcher, store, language, question, sources):  # "چطوری بفرستم؟" after the
                return []  # decision: its how alone (the return still waits to be filed)
            if utter_units(dispatcher, tracker, question, [purpose, *likely_intents(tracker)]):
                return []  # "бیمه هم لازمه؟": the rule asked, not the whole decision again
        refusal = _misuse_refused(tracker, store, language) if decision.verdict == "eligible" else None
        # "خودم تنظیماتشو برخلاف دفترچه دستکاری کردم …": the page's rule for a fault of one's own making, not the test
        # period's "yes"; "who decides it was me?" right after it: the rule asked
        if refusal is not None:
            said = _said_last(tracker, refusal.text[language])  # type: ignore[index]
            if not (said and rules_question(None, question)
                    and utter_units(dispatcher, tracker, question, [purpose, *likely_intents(tracker)])):
                say_units(dispatcher, [refusal], language)
                offer_person(dispatcher, language)
            return cleared
        if decision.verdict in ("eligible", "needs_evidence"):
            dispatcher.utter_message(text=text, sources=sources)
            _where_money_goes(dispatcher, tracker)
            dispatcher.utter_message(text=render("return.offer", language, item=item.name),  # type: ignore[arg-type]
                                     buttons=_file_buttons(language))
            pending = {"order_id": order.order_id, "sku": item.sku, "reason": reason, "sealed": sealed,
                       "verdict": decision.verdict, "problems": list(decision.problems),
                       "deadline": decision.deadline.isoformat() if decision.deadline else None,
                       "shipping": decision.shipping}
            return cleared + [SlotSet("pending_return", pending)]
        if again and (asks_how_long(question) or asks_until_when(question)) and (
                rule := answers.rule_line(decision.ground, language)):  # type: ignore[arg-type]
            dispatcher.utter_message(text=rule, sources=sources)
            offer_person(dispatcher, language)  # the store decides in the end
            return cleared  # "сколько времени даётся, чтобы сообщить?" after the refusal: its rule's time, not "the same"
        window = CollectingDispatcher()
        if again and "window_passed" in decision.problems and asks_if_still_in_time(question):
            # "دیر که نشده؟ دو روزه دستمه" after a refusal for its window: the window counted, not "the same answer"
            _utter_order_window(window, tracker, store, language, order)
            if window.messages:
                dispatcher.messages.extend(window.messages)
                offer_person(dispatcher, language)
                return cleared
        # "то есть ничего нельзя сделать? принимал вообще муж, не я": a fact told with it gets the rule that decides it
        # (the seal told or supposed: "ولی هنوز پلمپشو باز نکردم!", "حتی اگه پلمپش باز نشده باشه؟")
        told = again and (len([part for part in re.split(r"[?؟.!,،;]+", question) if part.strip()]) > 1
                          or sealed_from(None, question) is not None or even_if(question)
                          or reason_from(None, question) is not None)  # ("ولی جعبه اش هم موقع تحویل له شده بود")
        rule = answers.rule_line(decision.ground, language) if told else None  # type: ignore[arg-type]
        dispatcher.utter_message(text="\n".join(filter(None, (rule, answers.refused_again(store, language)))) if again
                                 else text, buttons=human_button(language) if again else [], sources=sources)  # type: ignore[arg-type]
        if not again:  # the store decides in the end: a person is offered
            _where_money_goes(dispatcher, tracker)
            offer_person(dispatcher, language)
        return cleared


def _where_money_goes(dispatcher: CollectingDispatcher, tracker: Tracker) -> None:
    """"… میخوام پولشو برگردونید به کارت خانمم" told with the return: the page's rule on where the money goes, after
    the decision."""
    asked = next((text for text in recent_texts(tracker, 3) if money_back_to_a_card(text)), None)
    if asked is not None:
        utter_units(dispatcher, tracker, asked, ["refund_time"])



def _utter_order_window(dispatcher: CollectingDispatcher, tracker: Tracker, store: StorePolicy, language: str,
                        order: OrderFacts) -> None:
    """"58120, 4567: how many test days are left?": for a delivered order, the window the question is about, counted
    from its delivery."""
    # four messages: a question in two parts, the order's number and its phone ("… کار نمیکنه، میشه پس بدم؟ هزینه پستش با کیه",
    # "CK-3003, هنوز وقت دارم؟", "۳۳۰۳")
    reason = next((found for text in recent_texts(tracker, 4) if (found := window_reason(text))), None)
    window = window_from(order.delivered_at, True, reason, store) if order.delivered_at and reason else None
    if window is not None:
        dispatcher.utter_message(text=answers.order_window(order, *window, local_now(store), store, language))  # type: ignore[arg-type]


def _utter_order_arrival(dispatcher: CollectingDispatcher, tracker: Tracker, store: StorePolicy, language: str,
                         order: OrderFacts) -> None:
    """"TS1041, 0935…, I'm in Kerman: when will it come?" (or "… still not here"): for an order still on its way, when
    it arrives by each way of shipping to its city (the one the customer names, else the order's), counted from the day
    it was placed; where the page gives no times, what it says of them (or that it says nothing, with a person)."""
    texts = recent_texts(tracker, 3)
    asked = next((text for text in texts if asks_how_long(text) or asks_when_processed(text)), None)
    late = store.rules.delivery_times and any(not_delivered_yet(text) for text in texts)  # its days, where the page
    placed = order.placed_at  # gives them; or where the customer named the city it goes to ("где мой заказ ct2002?
    bound = store.rules.delivery_times and any(extract_entities(text, frozenset({"city"})) for text in texts)  # Батуми")
    if asked is None and not late and not bound or placed is None or order.status not in _ON_ITS_WAY:
        return
    if not store.rules.delivery_times:  # "58122, 0912…: когда приедет принтер?" at a store that states no days: what
        said = closest_of("delivery_time", asked or "", store_index(store))
        say_units(dispatcher, said, language)  # its page says of times (the days it leaves out, with a person), or
        if not said:  # that it says nothing
            dispatcher.utter_message(response="utter_topic_not_covered")
        return
    on_file = [str(e.value) for e in extract_entities(order.city or "", frozenset({"city"}))]  # "Batumi": batumi
    city = tracker.get_slot("city") or (on_file[0] if on_file else None)
    found = arrivals(store.rules, city, placed.astimezone(ZoneInfo(store.timezone)))
    if found:
        dispatcher.utter_message(text=answers.delivery_times(found, store, language, ordered=placed, own=True),  # type: ignore[arg-type]
                                 sources=cited([arrived.lane for arrived in found], "delivery_time"))
    else:  # "TS-1041 … когда привезут? я в тегеране": no days for the city (couriers at a chosen time), in the
        utter_topic(dispatcher, tracker, "delivery_time")  # store's words


_ON_ITS_WAY = ("processing", "shipped")
# a yes in so many words, or the check asked for: "آره", "بررسی کنید", "да, проверьте"
_ACCEPTS = re.compile(r"(?<!\w)(?:да|ага|конечно|давайте|давай|провер\w*|آره|اره|بله|باشه|حتما|بررسی|چک|ok|ок|окей)"
                      r"(?!\w)", re.IGNORECASE)
def _file_buttons(language: str) -> list[dict[str, str]]:
    """The yes and no of the offer to file a return, whose payloads the confirmation answers."""
    return [{"title": render("button.yes_file", language), "payload": "/affirm"},  # type: ignore[arg-type]
            {"title": render("button.no", language), "payload": "/deny"}]  # type: ignore[arg-type]


# "ثبت کن", "قبول", "оформляйте": the offered return accepted in words of its own
_FILE_IT = re.compile(r"قبول|ثبت ?(?:کن|بشه|شه)|оформ\w*|подава\w*|подайте", re.IGNORECASE)
_YES_FIRST = re.compile(r"^\W*(?:да|ага|конечно|давайте|آره|اره|بله|باشه|حتما|ok|ок|окей)(?!\w)", re.IGNORECASE)


def _said_last(tracker: Tracker, text: str) -> bool:
    """Whether the assistant's answer to the customer's message before this one said `text` (its first line)."""
    head = text.splitlines()[0]
    return any((reply.get("text") or "").startswith(head) for reply in replies_before(tracker))


class ActionReturnConfirmation(Action):
    """Files the offered return request on yes, drops it on no."""

    def name(self) -> Text:
        """Runs after the offer, on affirm or deny."""
        return "action_return_confirmation"

    @told_when_down
    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]
    ) -> List[Dict[Text, Any]]:
        """A stored request with a reference number, or a polite no."""
        pending = tracker.get_slot("pending_return")
        store, language = store_and_language(tracker)
        intent = (tracker.latest_message.get("intent") or {}).get("name")
        if not isinstance(pending, dict):  # no return was offered: this "yes" or "no" answers something else
            typed = question_text(tracker)
            # "ببخشید دقیق نگاه کردم، رنگش درسته" read as a yes is a fact put right ("ببخشید، آره بررسی کنید" is a yes)
            told = corrects(typed) and not _ACCEPTS.search(typed)
            if (intent == "affirm" and offered_a_check(tracker) and not asks_beyond_yes_or_no(tracker)
                    and not (what_if(typed) and not _YES_FIRST.match(typed)) and not told):
                # "а если опоздаю?" read as a yes is no yes ("да, если можно" is)
                return await ActionOrderFlow().run(dispatcher, tracker, domain)  # "yes" to "shall I check your order?"
            return await ActionUnclear().run(dispatcher, tracker, domain)  # "yes" to a person, "no, it's 4 pm: late?"
        typed = question_text(tracker)
        asked = re.search(r"[?؟]", typed) and not _ACCEPTS.search(typed) and not _FILE_IT.search(typed)
        if (asked and (intent == "affirm" or not NO_FIRST.match(typed))
                and utter_units(dispatcher, tracker, typed, ["return_request", *likely_intents(tracker)])):
            dispatcher.utter_message(text=render("return.offer_again", language), buttons=_file_buttons(language))  # type: ignore[arg-type]
            return []  # "خب بسته‌بندیش چی؟ همینجوری بفرستم؟" read as a yes, "من تهران نیستم، چجوری بفرستم؟" as a no: a
            # question, answered; the offer stands
        if intent != "affirm":  # (listening after: it may follow the answer to a question between, not the offer)
            dispatcher.utter_message(text=render("return.not_filed", language))  # type: ignore[arg-type]
            return [SlotSet("pending_return", None), FollowupAction("action_listen")]
        reference = await in_database(lambda session: file_return(session, store, pending, tracker.sender_id))
        if reference is None:
            dispatcher.utter_message(response="utter_anything_else")
            return [SlotSet("pending_return", None)]
        dispatcher.utter_message(text=render("return.filed", language, reference=reference))  # type: ignore[arg-type]
        # "باشه چطوری بفرستمش؟": filed, and how to send it back; "باشه قبول. من شهرستانم، …": the question answered
        if not _how_to_return_asked(dispatcher, store, language, question_text(tracker)) and asks_beyond_yes_or_no(tracker):
            utter_units(dispatcher, tracker, question_text(tracker), ["return_request", *likely_intents(tracker)])
        return [SlotSet("pending_return", None), FollowupAction("action_listen")]


def asks_beyond_yes_or_no(tracker: Tracker) -> bool:
    """A message read as a yes that asks a question of the rules in words of its own ("خب بعد از ثبت میتونم آدرسو
    بزنم محل کارم؟"): no yes to checking an order, but a question (ActionUnclear answers it); one naming an order is
    that order's business."""
    question = question_text(tracker)
    return (not short_follow_up(question) and rules_question(None, question)
            and latest_entity(tracker, "order_id") is None)


def file_return(session: Session, store: StorePolicy, pending: Dict[Text, Any], sender_id: str) -> Optional[str]:
    """Files the offered return request (in the caller's transaction); its reference, or None when the order or item
    is gone."""
    order = find_order(session, store.id, pending["order_id"])
    item = next((i for i in order.items if i.sku == pending["sku"]), None) if order else None
    if order is None or item is None:
        return None
    return create_return_request(session, order, item, pending["reason"], pending.get("sealed"), pending, sender_id,
                                 now()).reference


async def answer_aside(form: FormValidationAction, dispatcher: CollectingDispatcher, tracker: Tracker,
                       domain: DomainDict) -> List[Dict[Text, Any]]:
    """A form's turn: a question about the rules is answered and the form paused (its slots kept), else validated;
    a seal state that, with the reason said before, refuses the return for any order ends the asking for one."""
    if _refused_across_turns(dispatcher, tracker):
        return [SlotSet("requested_slot", None), ActiveLoop(None), SlotSet("purpose", None)]
    if _why_asked(dispatcher, tracker):
        return []  # the form asks it again
    if _rule_beside_the_order(dispatcher, tracker):  # the number (or phone) is taken, and the form goes on asking
        return await FormValidationAction.run(form, dispatcher, tracker, domain)
    if not side_question(tracker) or status_asked_for(tracker):  # the status asked again: the form goes on asking
        return await FormValidationAction.run(form, dispatcher, tracker, domain)
    if no_order_number(question_text(tracker)):  # like the "no order number" button: the general rule
        utter_topic(dispatcher, tracker, tracker.get_slot("purpose") or "")
        return [SlotSet("requested_slot", None), ActiveLoop(None), SlotSet("purpose", None)]
    intent = (tracker.latest_message.get("intent") or {}).get("name") or ""
    if not said_this_turn(tracker):  # the intent's own action may have answered it
        utter_topic(dispatcher, tracker, intent, question_text(tracker), likely_intents(tracker))
    asked = tracker.get_slot("requested_slot")
    if asked in _ASKED_AGAIN and not said_this_turn(tracker, f"utter_ask_{asked}"):
        dispatcher.utter_message(response=f"utter_ask_{asked}")  # then the question it interrupted, to go on
    return [SlotSet("requested_slot", None), ActiveLoop(None)]


_MONEY = re.compile(r"(?<!\w)(?:پول|وجه|مبلغ|деньг|сумм)", re.IGNORECASE)  # money asked of, not the order


def _beside_the_order(question: str) -> str:
    """The question asked beside an order's number and phone: the longest stretch of the message between them
    ("мой заказ CK-3004, тел 0919…: ноутбук при доставке был застрахован?"); the whole message when it names neither."""
    named = extract_entities(question, _ORDER_AND_PHONE)
    bounds = [0, *(edge for entity in named for edge in (entity.start, entity.end)), len(question)]
    stretches = [question[bounds[index]: bounds[index + 1]].lstrip(_EDGES) for index in range(0, len(bounds), 2)]
    return max(stretches, key=lambda stretch: len(stretch.split()))  # ("где мой заказ CT-2002? платил картой amex":
    # the "?" is the status question's, the payment told after it no question of its own)


_EDGES = " \t\n,.;:!?؟،؛—-"  # what ends the stretch before: no part of the one after it


def _misuse_refused(tracker: Tracker, store: StorePolicy, language: str) -> Optional[AnswerUnit]:
    """The page's rule refusing a fault the customer told they caused ("خودم تنظیماتشو دستکاری کردم"), plainly
    chosen by their words, when a message of this return tells one; None otherwise."""
    told = next((text for text in recent_texts(tracker, 4) if tells_misuse(text)), None)
    rule = plainly_answered(told, store_index(store)) if told else None
    return rule if rule is not None and rule.topic in RETURN_TOPICS and answers.says_no(rule.text[language]) else None


def _how_to_return_asked(dispatcher: CollectingDispatcher, store: StorePolicy, language: str, question: str,
                         sources: Optional[list[dict[str, str]]] = None) -> bool:
    """"چطوری بفرستم؟": the store's way to send an item back, when that is what is asked (with the page's sentences,
    or the decision's `sources`); True when said."""
    how = answers.how_to_return(store, language) if asks_how_to(question) else None  # type: ignore[arg-type]
    if how:
        dispatcher.utter_message(text=how, sources=sources or cited([store.rules.returns], "returns"))
    return bool(how)


def _own_return_cost_asked(tracker: Tracker, question: str) -> bool:
    """"TS1043 - 0935… هزینه پستش با کیه" while a return is under way: who pays for this order's return, which its
    decision says once the number and phone given prove it (a sale-day purchase pays its own), not the page's rule for
    every order ("CK-3004 . هزینه ارسالش با کیه؟" gets the rule, then its phone asked)."""
    return (tracker.get_slot("purpose") in RETURN_TOPICS and asks_who_pays(question)
            and latest_entity(tracker, "order_id") is not None and latest_entity(tracker, "phone") is not None)


def _case_told_first(tracker: Tracker, question: str) -> bool:
    """"به جای سشوار برام اتو مو فرستادین", "پرینترم روشن نمیشه": a wrong or faulty item told as the conversation's
    first message, asking nothing (not "… اشتباهی اومده هنوز وقت دارم خبر بدم", nor a part of a message that asks how
    to return it, nor damage in transit, whose rule is the answer): that order's matter, the rule said, then the order
    asked for."""
    return (reason_from(None, question) in ("wrong_item", "defect") and question_number(tracker) is None
            and len(recent_texts(tracker)) == 1 and not rules_question(None, question)
            and not asks_if_still_in_time(question) and not re.search(r"[?؟]", question))


def _say_not_the_stores(dispatcher: CollectingDispatcher, order_id: str, store: StorePolicy, language: str) -> None:
    """"«CK-303» is no Chistatek order number; theirs look like CK-3001": told from its shape alone, no order named."""
    dispatcher.utter_message(text=render("lookup.not_the_stores", language, order=order_id,  # type: ignore[arg-type]
                                         store=store.name[language],  # type: ignore[index]
                                         example=digits(store.order_example, language)))  # type: ignore[arg-type]


def _rule_beside(question: str, store: StorePolicy) -> Optional[tuple[AnswerUnit, str]]:
    """The rule the words of a question asked beside an order's number and phone choose ("TS-1041. راستی کد
    رهگیری چجوری برام میاد؟", "CK-3004, 09193333304: ноутбук при доставке был застрахован?"), or of a statement one
    plainly answers ("SR-5003, 1103 — в посылке не было счёта"); not a request, a reason
    for a return, where the order is or the time it has left ("کجاست؟", "сколько дней теста у меня ещё осталось?",
    which its look-up answers, nor "حالا چیکار کنم", which the case told before and the order answer), or a message
    naming no order; with the question read."""
    rest = _beside_the_order(question)
    if (rest == question or wants_something_done(rest) or reason_from(None, rest) or asks_what_to_do(rest)
            or not (rules_question(None, rest) or _tells_more(rest) and plainly_answered(rest, store_index(store)))
            or asks_where_or_when(rest) and not _MONEY.search(rest) or asks_if_still_in_time(rest)):  # "— в посылке
        return None  # не было счёта": a statement a rule plainly answers ("پولم چند روزه برمیگرده؟" asks when of the
        # money, a refund's rule, not of the order)
    chosen = choose_units(rest, (), store_index(store), timed=False)  # a rule its words alone choose, whatever the
    # classifier says (also one that gives no time a "how long?" asks: what the page says, that it gives none)
    return (chosen[0].unit, rest) if chosen else None


# the words that only label an order's number or phone ("последние 4 цифры", "به شماره", "тел"), no statement of their own
_LABELS = re.compile(r"(?<!\w)(?:последн|цифр|номер|мобил|شماره|رقم|آخر|سفارش|موبایل|تلفن)\w*|(?<!\w)(?:тел|телефон\w*|заказ[аеу]?)(?!\w)|"
                     r"(?<!\w)(?:به|با|و|и|мой|моя)(?!\w)|\d+",  # (not "телевизор", "заказали")
                     re.IGNORECASE)
STATEMENT_WORDS = 3  # words beside an order's number and phone, labels aside, that tell something a rule may answer


def _tells_more(rest: str) -> bool:
    """Whether the words beside an order's number and phone tell something besides labelling them."""
    return len(re.findall(r"\w+", _LABELS.sub(" ", rest))) >= STATEMENT_WORDS


def _rule_beside_the_order(dispatcher: CollectingDispatcher, tracker: Tracker) -> bool:
    """"TS-1041. راستی کد رهگیری چجوری برام میاد؟" while the order is asked for: the rule asked beside the number is
    said (the number is taken, the form goes on); True when it was."""
    if tracker.get_slot("requested_slot") not in ORDER_SLOTS:
        return False
    if _own_return_cost_asked(tracker, question_text(tracker)):
        return False  # the form goes on to the order, whose return decision says who pays
    beside = _rule_beside(question_text(tracker), current_store(tracker))
    return beside is not None and utter_units(dispatcher, tracker, beside[1], [beside[0].topic])


def _ask_on(tracker: Tracker) -> List[Dict[Text, Any]]:
    """The return form, to ask what the decision still needs. When it paused on this message already, its question
    asked again beside an answer aside, it is made active again waiting for the answer: started again on the same
    message it would pause again, round and round."""
    asked: Optional[str] = None
    for event in reversed(tracker.events):
        if event.get("event") == "user":
            break
        said = str((event.get("metadata") or {}).get("utter_action") or "") if event.get("event") == "bot" else ""
        asked = asked or (said.removeprefix("utter_ask_") if said.startswith("utter_ask_") else None)
        if asked and event.get("event") == "action" and event.get("name") == "return_form":
            return [ActiveLoop("return_form"), SlotSet("requested_slot", asked), FollowupAction("action_listen")]
    return [FollowupAction("return_form")]


def _ended_this_turn(tracker: Tracker) -> bool:
    """Whether a form ended the flow on the latest message (a refusal whatever the order, "I have no order number"):
    the purpose cleared after it, so the order is not asked for again by the intent's own rule."""
    for event in reversed(tracker.events):
        if event.get("event") == "user":
            return False
        if event.get("event") == "slot" and event.get("name") == "purpose" and event.get("value") is None:
            return True
    return False


def _why_asked(dispatcher: CollectingDispatcher, tracker: Tracker) -> bool:
    """"зачем вам телефон?", "شماره سفارش واسه چی؟" while the order is asked for: why it is wanted, said (True); the
    question is asked again after it."""
    if not why_asked_now(tracker):
        return False
    asked = tracker.get_slot("requested_slot")
    dispatcher.utter_message(text=render(f"lookup.why.{asked}", store_and_language(tracker)[1]))  # type: ignore[arg-type]
    return True


def _refused_across_turns(dispatcher: CollectingDispatcher, tracker: Tracker) -> bool:
    """"بازش کردم دیگه" while the order is asked, after "I don't like its smell, I want to return it": the rule
    refuses it whatever the order, so it is said now (True) instead of asking for the order again."""
    sealed = sealed_from(None, question_text(tracker))
    if (tracker.get_slot("purpose") not in ("return_request", "damaged_item") or tracker.get_slot("verified_order")
            or tracker.get_slot("requested_slot") not in ORDER_SLOTS or sealed is None):
        return False
    return refused_with_reason_before(dispatcher, tracker, sealed)


def _seal_rule_first(dispatcher: CollectingDispatcher, store: StorePolicy, language: str, question: str) -> None:
    """"I don't like its smell, I want to return it": where the seal decides that reason, its rule comes before the
    order is asked for, so an opened item is known refused without a look-up."""
    reason = reason_from(None, question)
    returns = store.rules.returns
    ground = returns.grounds.get(reason) if returns and reason else None
    line = answers.rule_line(ground, language) if ground and ground.requires_seal else None
    if line and sealed_from(None, question) is None and not not_delivered_yet(question):
        dispatcher.utter_message(text=line, sources=cited([ground], "returns"))


def _cancel_rule_first(dispatcher: CollectingDispatcher, store: StorePolicy, language: str, question: str) -> None:
    """"قیمت تو سایت اشتباه بود، سفارشمو کنسل میکنید؟": a rule of cancelling that the question plainly asks and the
    order's decision would not say (the store's right to void a mispriced order) comes before the order is asked for."""
    index = store_index(store)
    plain = plainly_answered(question, index)
    chosen = choose_units(question, ["cancel_order"], index)  # a rule for a way of paying not named is left out
    decided = set(store.rules.cancel.sources) if store.rules.cancel else set()
    if (plain is not None and plain.topic == "cancel_order" and chosen and chosen[0].unit is plain
            and not set(plain.sources) <= decided):
        say_units(dispatcher, [plain], language)


_RULES_SAID = ("utter_store_answer", "utter_topic_not_covered")  # the responses a rules answer is said with


def said_this_turn(tracker: Tracker, *responses: str) -> bool:
    """Whether one of the responses (any reply, when none is named) was already said to the customer's latest message."""
    for event in reversed(tracker.events):
        if event.get("event") == "user":
            return False
        if event.get("event") == "bot" and (not responses or (event.get("metadata") or {}).get("utter_action") in responses):
            return True
    return False


class ValidateOrderLookupForm(FormValidationAction):
    """Checks the shape of the order number and phone before any look-up."""

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> List[Dict[Text, Any]]:
        """A question about the rules is answered instead of asking for the number again."""
        return await answer_aside(self, dispatcher, tracker, domain)

    def name(self) -> Text:
        """Rasa calls it while order_lookup_form runs."""
        return "validate_order_lookup_form"

    async def required_slots(
        self, domain_slots: List[Text], dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> List[Text]:
        """Both, always; slots already given in the first message are not asked again."""
        return ["order_id", "phone"]

    def validate_order_id(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> Dict[Text, Any]:
        """3 to 32 letters, digits or dashes; given with what is wanted done ("SR-5001. میخوام کنسلش کنم") after a
        vague "I have a problem with my order", that is the purpose now."""
        store = current_store(tracker)
        if isinstance(value, str) and valid_order_id(value) and not fits_store_format(value, store.order_example):
            _say_not_the_stores(dispatcher, value, store, store_and_language(tracker)[1])
            return {"order_id": None}
        if isinstance(value, str) and valid_order_id(value):
            wanted = purpose_from_words(question_text(tracker))
            if tracker.get_slot("purpose") == "order_status" and wanted != "order_status":
                return {"order_id": value, "purpose": wanted}
            return {"order_id": value}
        dispatcher.utter_message(response="utter_invalid_order_id")
        return {"order_id": None}

    def validate_phone(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> Dict[Text, Any]:
        """A whole mobile number or its last four digits."""
        if isinstance(value, str) and valid_phone(value):
            return {"phone": value}
        dispatcher.utter_message(response="utter_invalid_phone")
        return {"phone": None}


class ValidateReturnForm(FormValidationAction):
    """Asks only what the decision needs: the item (if several), the reason, the seal (if it matters)."""

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> List[Dict[Text, Any]]:
        """A question about the rules is answered instead of asking for the item or reason again."""
        return await answer_aside(self, dispatcher, tracker, domain)

    def name(self) -> Text:
        """Rasa calls it while return_form runs."""
        return "validate_return_form"

    async def required_slots(
        self, domain_slots: List[Text], dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> List[Text]:
        """Drops the item question for one-item orders and the seal question where no rule needs it."""
        store = current_store(tracker)
        needed: List[Text] = []
        if len(await order_items(store, tracker.get_slot("verified_order") or "")) > 1:
            needed.append("return_item")
        needed.append("return_reason")
        reason = tracker.get_slot("return_reason")
        returns = store.rules.returns
        ground = returns.grounds.get(reason) if returns and reason else None
        verified, sku = tracker.get_slot("verified_order") or "", tracker.get_slot("return_item")
        if ground is not None and ground.requires_seal and await in_database(
                partial(_seal_decides, store, verified, sku, reason)):  # not for a printer refused sealed or not
            needed.append("sealed")
        return needed


def _seal_decides(store: StorePolicy, order_id: str, sku: Optional[str], reason: str, session: Session) -> bool:
    """Whether the seal still decides this item's return for this reason: not where the item is refused either way (a
    large item at Offykala, "even with the seal intact"), nor once the window has passed."""
    order = find_order(session, store.id, order_id)
    known = facts(order) if order is not None else None
    items = known.items if known is not None else ()
    item = next((item for item in items if item.sku == sku), items[0] if len(items) == 1 else None)
    return known is None or item is None or can_return(known, item, reason, now(), store).verdict == "needs_seal"


class ActionAskReturnItem(Action):
    """Asks which item, with one button per item of the verified order."""

    def name(self) -> Text:
        """Rasa's naming for a custom question of return_form."""
        return "action_ask_return_item"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]
    ) -> List[Dict[Text, Any]]:
        """Buttons carry the SKU, shown by name."""
        store, language = store_and_language(tracker)
        items = await order_items(store, tracker.get_slot("verified_order") or "")
        buttons = [{"title": name, "payload": sku} for sku, name in items]
        dispatcher.utter_message(text=render("ask.return_item", language), buttons=buttons)  # type: ignore[arg-type]
        return []


class ActionAskReturnReason(Action):
    """Asks why, offering only the reasons that fit the customer's request."""

    def name(self) -> Text:
        """Rasa's naming for a custom question of return_form."""
        return "action_ask_return_reason"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]
    ) -> List[Dict[Text, Any]]:
        """A damaged item was not a change of mind."""
        store, language = store_and_language(tracker)
        reasons = ["defect", "transport_damage", "wrong_item"]
        if tracker.get_slot("purpose") != "damaged_item":
            reasons.append("change_of_mind")
        buttons = [{"title": render(f"reason.{r}", language), "payload": f"/reason_{r}"} for r in reasons]  # type: ignore[arg-type]
        dispatcher.utter_message(text=render("ask.return_reason", language), buttons=buttons)  # type: ignore[arg-type]
        return []
