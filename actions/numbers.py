"""Questions with numbers: installment schedules, delivery prices, pickup times."""

from __future__ import annotations

import re
from datetime import datetime
from typing import Any, Dict, List, Optional, Text

from rasa_sdk import Action, Tracker
from rasa_sdk.events import FollowupAction, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.context import (
    change_of_mind_opens,
    later_question,
    rest_of_message,
    status_looked_up_before,
    recent_entities,
    CERTAIN,
    COMPUTED,
    RETURN_TOPICS,
    TOTALS,
    amount_before,
    as_number,
    classifier_sure,
    computed_again,
    computed_elsewhere,
    computed_instead,
    current_store,
    earlier_topic,
    last_computed,
    latest_entity,
    told_in_message,
    likely_intents,
    offered_a_person,
    offered_a_return,
    order_named_instead,
    put_right,
    question_number,
    question_text,
    ranked_intents,
    recent_texts,
    store_and_language,
    total_again,
    unclear_before,
)
from actions.db import local_now
from actions.topics import (
    case_follow_up,
    case_of_the_rule_said,
    follow_up_answered,
    offer_person,
    FAULTS,
    ORDER_SLOTS,
    amount_corrected,
    damage_rules_first,
    bound_follow_up,
    count_corrected,
    chosen_units,
    cited,
    deadline_follow_up,
    express_price_asked,
    span_recalled,
    units_cited,
    goes_on_elsewhere,
    inspection_asked,
    greeted_in_their_language,
    ground_told,
    hand_to_person,
    received_after_damage_rule,
    refusal_stands,
    refused_what_if,
    say_units,
    span_passed_supposed,
    sealed_follow_up,
    status_asked_for,
    CONTACT_ALONE_WORDS,
    utter_contact,
    utter_whom,
    utter_store_address,
    utter_free_shipping_after_return,
    other_unit_asked,
    window_supposed,
    utter_store_words,
    utter_summary,
    topics_said_before,
    utter_topic,
    utter_units,
    utter_unlisted_methods,
    utter_unlisted_service,
    why_asked_now,
    what_follows,
    window_asked_now,
)
from bot import answers
from bot.dialogue import (
    names_other_cities,
    says_goodbye,
    says_yes,
    tells_absence,
    asks_grand_total,
    ORDER_PURPOSES,
    REASON_NAMES,
    adds_to_order,
    asks_about_days_off,
    asks_about_sending_back,
    asks_duration,
    asks_own_item_arrival,
    asks_express,
    follow_up_total,
    names_express,
    names_installments,
    asks_how_long,
    asks_a_sum,
    asks_how_much,
    asks_how_to,
    asks_what_it_costs,
    asks_when_collected,
    asks_same_day,
    asks_if_free,
    asks_if_still_in_time,
    asks_where_or_when,
    asks_money_back,
    asks_until_when,
    asks_what_now,
    asks_the_rate,
    pays_in_part,
    asks_who_pays,
    corrects,
    day_part,
    items_total,
    names_a_band,
    names_a_return,
    names_shipping,
    on_the_answer,
    order_amounts,
    ordered_moment,
    purpose_from_words,
    reason_from,
    removes_an_item,
    rules_question,
    said_sum,
    says_weekend,
    sealed_from,
    sends_it_oneself,
    store_address_asked,
    stated_amounts,
    what_if,
    what_then,
    window_reason,
)
from bot.i18n.replies import render
from bot.nlu.entities import OUT_OF_TOWN, extract_entities
from bot.stores.delivery import arrivals, delivery_cost, pickup_slot
from bot.stores.installments import schedule
from bot.stores.policy import StorePolicy
from bot.stores.rules import WEEKDAYS
from bot.stores.units import ANSWERS, ASKS_ALONE_WORDS, broad, names_its_way, plainly_answered, short_follow_up, store_index


def _total(tracker: Tracker, store: StorePolicy, stated: Optional[list[float]] = None) -> Optional[float]:
    """The order total: the items the latest message prices together, with their currency or without ("пылесос за 120
    и чайник за 60 лари"), or its one price without a currency ("а если телевизор за 300?"), else the amount slot.
    `stated`: the prices without a currency, where the caller has read them already."""
    text = (tracker.latest_message or {}).get("text") or ""
    stated = _stated(tracker, store) if stated is None else stated
    said = [as_number(found.get("value")) for found in order_amounts(text, _amounts(tracker), len(stated))]
    total = items_total([amount for amount in said + stated if amount is not None], text)
    if total is None and stated and not said:
        total = stated[0]
    if total is None and len(said) == 1 and not stated:  # the one left of several ("۱.۶ نه ۱.۲"), not the slot's last
        total = said[0]
    if total is None and not said and not stated and adds_to_order(text):  # "а если ещё чайник возьму и будет 250?"
        total = said_sum(text, as_number(tracker.get_slot("amount")), store.currency)
    return total if total is not None else as_number(tracker.get_slot("amount"))


def _amounts(tracker: Tracker) -> list[Dict[Text, Any]]:
    """The amounts with a currency the latest message names, as its entities (with their offsets)."""
    return [found for found in (tracker.latest_message or {}).get("entities") or [] if found.get("entity") == "amount"]


def _stated(tracker: Tracker, store: StorePolicy) -> list[float]:
    """The prices the latest message gives without a currency."""
    latest = tracker.latest_message or {}
    return stated_amounts(latest.get("text") or "", latest.get("entities") or [], store.currency)


def _with_earlier(tracker: Tracker, total: Optional[float], said: bool) -> Optional[float]:
    """The total, with the conversation's earlier one added when the latest message (`said`: naming an amount) adds an
    item to it: "and if I also take a 250-lari soundbar?" after a 300-lari TV is 550; "… и выйдет 120 тыс" is the sum
    said."""
    # a message put right adds only as the one it puts right did, to the total before that ("۴۰۰ لاریه نه ۶۰۰. ۱۰
    # کیلومتر هم …" adds nothing; "ой не 8 а 12 км" after "еще утюг за 70, итого 150" adds the iron to the kettle)
    again = put_right(tracker)
    earlier = as_number(amount_before(tracker, again))
    text = (tracker.latest_message or {}).get("text") or ""
    adds = adds_to_order(_read_before(tracker) if again else text)
    if not (said and adds) or total is None or earlier is None:
        return total
    summed = said_sum(text, earlier, current_store(tracker).currency)
    return summed if summed is not None else total + earlier


def _read_before(tracker: Tracker) -> str:
    """The customer's message before the latest as it was read (a correction: the message it put right, put right)."""
    before = [event for event in reversed(tracker.events) if event.get("event") == "user"][1:2]
    return next((str((event.get("parse_data") or {}).get("text") or event.get("text") or "") for event in before), "")


def _ordered_at(tracker: Tracker, store: StorePolicy) -> tuple[datetime, bool]:
    """When the order asked about is placed, on the store's clock: now, or the day, weekday and time the customer
    names; and whether the customer named it."""
    text = (tracker.latest_message or {}).get("text") or ""
    now = local_now(store)
    weekday = told_in_message(tracker, "weekday")
    if weekday is None and says_weekend(text) and store.rules.week.weekend:  # "اگه آخر هفته سفارش بدم": its first day off
        weekday = WEEKDAYS[store.rules.week.weekend[0]]
    ordered = ordered_moment(now, weekday, told_in_message(tracker, "time"), text, told_in_message(tracker, "date"))
    return ordered, ordered != now


class ActionInstallments(Action):
    """The store's plans; with an amount, the payment schedule (or why it does not apply)."""

    def name(self) -> Text:
        """For installment_info."""
        return "action_installments"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]
    ) -> List[Dict[Text, Any]]:
        """Computed where the store gives numbers, the store's own words elsewhere."""
        instead = order_named_instead(tracker)
        if instead:  # "мой заказ TS-1041" after the plans: that order
            return instead
        if other_unit_asked(dispatcher, tracker):  # "12 млн риалов это сколько томан?", read by its amount
            return []
        if goes_on_elsewhere(dispatcher, tracker, "installment_info"):
            return []
        store, language = store_and_language(tracker)
        named_amount = latest_entity(tracker, "amount") is not None
        if not named_amount:  # "با دیجی پی یا ازکی وام هم میشه قسطی خرید؟" where the page names SnappPay: not among the
            utter_unlisted_methods(dispatcher, tracker, ["installment_info"])  # ways it names, then its plan
        if not named_amount and another_topic_answers(dispatcher, tracker, store, "installment_info"):
            return []  # "а если заказ в рассрочку отменят, первый платеж когда вернется?": the refund's rule, not the plan
        plans = store.rules.installments
        if not plans:  # an amount is no plan's where the store has none: "یه گوشی ۱۲ میلیونی بخرم کارت ملی لازمه؟" is
            if named_amount and bound_follow_up(dispatcher, tracker):  # the rule the words meet (the ID check), its
                return []  # bound for the amount after it ("فقط همون ۹ میلیون و ۸۰۰"), else the store's words
            question = question_text(tracker)
            if not (question and not names_installments(question) and utter_units(
                    dispatcher, tracker, question, ["installment_info", *likely_intents(tracker)])):
                utter_store_words(dispatcher, tracker, "installment_info")
            return []
        amount = _with_earlier(tracker, _total(tracker, store), named_amount)  # "a 12-thousand lotion too?": added
        question = question_text(tracker)
        asked_how = asks_how_to(question) and not named_amount  # "چطوری فعالش کنم؟" after a sum
        # "اگه قسطو دیر بدم جریمه داره؟" after a sum: a case the page's rule answers, not that sum's plan again
        supposed = (what_if(question) and not asks_a_sum(question)  # ("اگه ۳ ماهه بگیرم قسطش چقدر میشه؟": the plan)
                    and plainly_answered(question, store_index(store)) is not None)
        # "دیر بدم جریمه داره" after 45 thousand, under every plan's minimum: no schedule says it, the rule does
        unplanned = amount is not None and all(amount < plan.minimum for plan in plans)
        rule_asked = (amount is None or asked_how or not named_amount and (_beyond_plans(question, store) or supposed
                                                                            or unplanned)
                      or pays_in_part(question))  # "лимит 1 млн, духи 1,5 млн: можно часть рассрочкой?": no part yet
        if rule_asked and question and (not broad(question) or unplanned and not named_amount  # "قسطای بعدیشو کی
                                        or plainly_answered(question, store_index(store))) and (  # بدم؟" after 45 thousand
                utter_units(dispatcher, tracker, question, ["installment_info", *likely_intents(tracker)])):
            return []  # "when and where do I pay the instalments?", "how do I activate it?": the rule, not the plan
        today = local_now(store).date()
        for plan in plans:
            if amount is None:
                text = answers.installment_plan(plan, store, language) + "\n" + render("installment.ask_amount", language)  # type: ignore[arg-type]
            else:
                text = answers.installment_schedule(schedule(plan, amount, today), store, language)  # type: ignore[arg-type]
            dispatcher.utter_message(text=text, sources=cited([plan], "installments"))
        return [SlotSet("amount", amount)] if amount is not None and amount != as_number(tracker.get_slot("amount")) else []


def _beyond_plans(question: str, store: StorePolicy) -> bool:
    """Whether a question is plainly about a rule the payment schedule does not state ("بقیه قسطا چی میشن؟" after a
    cancelled order's first payment), which answers it rather than the schedule of the amount named before."""
    plain = plainly_answered(question, store_index(store)) if question else None
    return plain is not None and not any(set(plain.sources) & set(plan.sources) for plan in store.rules.installments)


# the ordinary way of shipping named beside express ("доставка", "почтой", "پست", a bare "ارسال"), which asks of both
_REGULAR = re.compile(r"(?<!срочная )(?<!срочной )(?<!быстрая )доставк|почт|(?<!\w)پست(?! پیشتاز)|ارسال(?! ?(?:فوری|سریع|اکسپرس))",
                      re.IGNORECASE)


def utter_delivery_time(dispatcher: CollectingDispatcher, tracker: Tracker, store: StorePolicy, language: str) -> None:
    """How long shipping takes to the customer's city, computed where the store gives times; for a time question, and
    for a price question that also asks how long."""
    rules = store.rules
    if not rules.delivery_times:
        utter_store_words(dispatcher, tracker, "delivery_time")
        return
    city, question = tracker.get_slot("city"), question_text(tracker)
    if names_other_cities(question) and latest_entity(tracker, "city") is None:
        city = None  # "واسه شهرای دیگه فوری چقدر طول میکشه؟" after Kerman: every lane, not Kerman's again
    ordered, named = _ordered_at(tracker, store)
    found = arrivals(rules, city, ordered)
    if names_express(question) and (what_if(question) or not _REGULAR.search(question)):  # "اگه فوری بفرستین کی
        # میرسه؟", "а в исфахан срочная за сколько?": the express lane's days alone (not "сколько идет доставка? есть
        # срочная", which asks both)
        found = [arrived for arrived in found if names_express(arrived.lane.name["fa"])] or found
    if not found:  # e.g. Tehran at Tisa: couriers at a chosen time, in the store's words (its summary says so)
        utter_topic(dispatcher, tracker, "delivery_time")
        return
    unserved = [lane for lane in rules.delivery_times if city is not None and city in lane.not_in]
    text = answers.delivery_times(found, store, language, asks_about_days_off(question),  # type: ignore[arg-type]
                                  ordered if named else None)
    refused = [render("delivery_time.not_served", language, lane=lane.name[language],  # type: ignore[arg-type,index]
                      city=answers.city_name(city, language)) for lane in unserved]  # type: ignore[arg-type]
    dispatcher.utter_message(text="\n".join([*refused, text]),  # what is not possible first: "express to Kerman?"
                             sources=cited([arrived.lane for arrived in found], "delivery_time"))


def another_topic_answers(dispatcher: CollectingDispatcher, tracker: Tracker, store: StorePolicy, own: str) -> bool:
    """A computed answer's question whose words plainly ask another topic's rule gets that rule ("who pays the post to
    send it back?" read as a delivery price, "муж может забрать вместо меня?" read as a pickup time); False when not."""
    question = question_text(tracker)
    other = plainly_answered(question, store_index(store)) if question else None
    return (other is not None and other.topic != own
            and utter_units(dispatcher, tracker, question, [other.topic, *likely_intents(tracker)]))


def utter_return_post(dispatcher: CollectingDispatcher, tracker: Tracker) -> bool:
    """A shipping price asked about a return ("هزینه ارسال برگشتش با کیه", "… میتونم برگردونم؟ هزینه ارسالش با کیه؟"),
    or, after a return's rule or decision, its sending ("چطوری بفرستم؟ من اصفهانم"), or its money ("کل پولشو پس میدین؟"), gets the return rules, with the rule of a wrong or broken item said in this message or the two before first (found
    by the reason's own words where the question alone finds a rule of another topic); True when said."""
    question = question_text(tracker)
    reasons = [reason_from(None, said_before) for said_before in recent_texts(tracker, 3)]
    reason = next((found for found in reasons if found not in (None, "change_of_mind")), None)
    after_return = (earlier_topic(tracker) in RETURN_TOPICS or tracker.get_slot("pending_return") or reason) and (
        asks_who_pays(question) or sends_it_oneself(question))  # "… با عکس سایت فرق داشت چی؟ هزینه ها با کیه": a ground told
    collected = asks_when_collected(question) and (earlier_topic(tracker) in RETURN_TOPICS
                                                   or tracker.get_slot("pending_return") or reason)
    if not question or not (asks_about_sending_back(question) or asks_money_back(question) or after_return or collected):
        return False
    topics = [*(["damaged_item"] if reason else []), "return_request", *likely_intents(tracker)]
    units = chosen_units(tracker, question, topics)
    language = store_and_language(tracker)[1]
    if reason and not reasons[0]:  # that ground's post, found by its own words, rather than a change of mind's
        units = chosen_units(tracker, f"{REASON_NAMES[reason][language]} {question}", topics) or units
    # "من مشهدم و با پست میفرستم" read as a delivery's time: the return's rules, not the days an order takes beside them
    # ("ارسالش رایگان بود چون بالای ۲ میلیون خریده بودم، کل پولم برمیگرده؟", "… بالای ۲ میلیون … یکیشو پس بدم چی
    # میشه؟": of the rules the words come near, the return's that a broken free-shipping condition costs, not free
    # shipping itself)
    kin = (*RETURN_TOPICS, "refund_time", "warranty")
    kept = [unit for unit in units if unit.topic in kin]
    if not kept and (asks_money_back(question) or names_a_return(question)):  # "… یکیشو پس بدم چی میشه؟" beside
        kept = [match.unit for match in store_index(current_store(tracker)).rank(question)[:3] if match.unit.topic in kin][:1]
    units = kept or units
    say_units(dispatcher, units, language, question)
    utter_free_shipping_after_return(dispatcher, tracker, units, True)  # "3.2 million shipped free, I return 1.4: all back?"
    utter_whom(dispatcher, tracker, units, question)  # "چطوری بفرستمش؟": coordinated with whom
    return bool(units)


def utter_delivery_cost(dispatcher: CollectingDispatcher, tracker: Tracker, store: StorePolicy,
                        language: str) -> List[Dict[Text, Any]]:
    """The shipping price from the total, city and distance given, or one question for the missing number (the cities
    as buttons); for a price question, and for a time question that also asks the price of a given total. A message
    naming no number whose words plainly ask another topic's rule (a return's post) gets that rule, not a price, and
    so does one whose amounts are of a return ("what comes back of the 600 I return?"). The total priced (an added
    item's, a price without a currency) is kept as the conversation's amount ("and if I were in Shiraz?", "not 13 km
    but 3" after it are about that total)."""
    # the latest message named an amount, with its currency or without (not a follow-up's total)
    text = (tracker.latest_message or {}).get("text") or ""
    stated = _stated(tracker, store)
    said = latest_entity(tracker, "amount") is not None or bool(stated)
    sent_back = asks_about_sending_back(text) or sends_it_oneself(text) and reason_from(None, text) in FAULTS
    if (not said or sent_back or asks_money_back(text)) and utter_return_post(dispatcher, tracker):
        return []  # "2.3 million, shipped free; I return a 600 one: all my money back?", "a 3-million drive, faulty, I
        # post it: who pays if it is sound?": the return's rule, not a price
    rules = store.rules.delivery
    if rules is None:
        utter_store_words(dispatcher, tracker, "delivery_cost")
        return []
    question = question_text(tracker)
    named = said or any(latest_entity(tracker, entity) is not None for entity in ("city", "distance"))
    topic_before = earlier_topic(tracker)
    if not named and another_topic_answers(dispatcher, tracker, store, "delivery_cost"):
        return []  # words that plainly ask another topic's rule ("муж может забрать вместо меня?")
    if (not named and question and topic_before not in (None, "delivery_cost", "delivery_time")
            and not names_shipping(question) and utter_units(dispatcher, tracker, question, [topic_before])):
        return []  # "حداقلش چقدره" after "SnappPay?": the earlier topic's rule, not a delivery price
    if names_a_band(text, _amounts(tracker)) and not stated and utter_summary(dispatcher, tracker, "delivery_cost"):
        return []  # "до 100 лари сколько доставка?": the store's table of bands, not a price for 100
    if said and names_a_return(text) and utter_units(dispatcher, tracker, question, ["return_request"]):
        return []  # "۲ میلیون و ۳۰۰ بود و ارسالش رایگان اومد. حالا که برمیگردونم چی میشه؟": free shipping on a return
    total = _with_earlier(tracker, _total(tracker, store, stated), said)
    # the total priced is the conversation's, also when no currency made it an amount ("а если на 300?")
    kept = [SlotSet("amount", total)] if total is not None and total != as_number(tracker.get_slot("amount")) else []
    city = tracker.get_slot("city")
    distance = as_number(tracker.get_slot("distance"))
    quote = delivery_cost(rules, total, city, distance)
    buttons = []
    if quote.kind == "need_city":
        places = [*rules.cities, *([OUT_OF_TOWN] if rules.out_of_town_per_km is not None else [])]
        buttons = [{"title": answers.city_name(c, language), "payload": answers.city_name(c, language)} for c in places]  # type: ignore[arg-type]
    if quote.kind == "need_total" and store.answer("delivery_cost"):
        utter_topic(dispatcher, tracker, "delivery_cost")  # the rule first, then the offer to compute it for a total
    there = arrivals(store.rules, city, _ordered_at(tracker, store)[0]) if quote.kind == "free" and city else []
    dispatcher.utter_message(text=answers.delivery_quote(quote, total, city, store, language, asks_if_free(question),  # type: ignore[arg-type]
                                                         there, asks_how_to(question) or asks_the_rate(question)),
                             buttons=buttons, sources=cited([quote.tier or rules], "delivery"))
    if quote.kind == "below_free" and (asks_how_much(question) or asks_the_rate(question)) and not asks_if_free(question):
        offer_person(dispatcher, language)  # "هزینه ارسال تا کرمان چقدره؟ سفارشم ۹۰۰ تومنه": by distance, at checkout;
        # the page names no figure, a person may
    if total is not None:  # "… با پیک بیاد … هزینه پیک با شماست؟": the rule of the way of delivering named, which the
        say_units(dispatcher, [unit for unit in store.units if unit.topic == "delivery_cost"  # table's price is not for
                               and names_its_way(unit, question)
                               and (not unit.when.cities or city in unit.when.cities)], language)  # type: ignore[union-attr]
    return kept


def _new_place(tracker: Tracker) -> bool:
    """Whether the latest message names a place, or a distance without a new total (where the days may differ as the
    price does; "۵۰۰ لاری و ۸ کیلومتر" is a new total's price where it was)."""
    return latest_entity(tracker, "city") is not None or (
        latest_entity(tracker, "distance") is not None and latest_entity(tracker, "amount") is None)


def _both_answered_before(tracker: Tracker) -> bool:
    """Whether the answers to the customer's message before this one gave both a delivery's days and its price (a
    message of two questions comes as two parts: the two before this one are read)."""
    users = [index for index, event in enumerate(tracker.events) if event.get("event") == "user"]
    if len(users) < 2:
        return False
    events = list(tracker.events)
    part = (events[users[-2]].get("metadata") or {}).get("question")  # the last part of a message of several
    since = users[-1 - part] if isinstance(part, int) and 1 < part < len(users) else users[-2]
    ran = {event.get("name") for event in events[since:users[-1]] if event.get("event") == "action"}
    return {"action_delivery_time", "action_delivery_cost"} <= ran


# where or whom to call or write: "куда позвонить?", "به کی زنگ بزنم؟"
_WHERE_TO_CALL = re.compile(r"(?<!\w)(?:куда|кому|по какому \w+) (?:\w+ )?(?:позвонить|звонить|написать|обратиться)|"
                            r"(?<!\w)(?:به کی|به کجا|کجا|چه شماره\S*) (?:\S+ )?(?:زنگ|تماس)", re.IGNORECASE)


class ActionDeliveryCost(Action):
    """The shipping price from the total, city and distance the customer gave."""

    def name(self) -> Text:
        """For delivery_cost, and for the details given after its question."""
        return "action_delivery_cost"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]
    ) -> List[Dict[Text, Any]]:
        """A price, or one question for the missing number, with the cities as buttons."""
        question = question_text(tracker)
        if (other_unit_asked(dispatcher, tracker) or grand_total(dispatcher, tracker)  # "این ۱۰ میلیون به ریال دقیقا
                or express_price_asked(dispatcher, tracker)):  # چقد میشه؟", read as a price; "и сколько всего с
            return []  # доставкой?" after one; "فوریش چقدر گرونتره؟", which no page prices
        instead = (order_named_instead(tracker) or back_to_the_return(tracker)
                   or computed_instead(tracker, self.name(), asks_how_much(question)))
        if instead:  # "and if I order at 2 pm, what then?" after a pickup time: the pickup again
            return instead
        if reason_from(None, question) in FAULTS and what_then(question) and ground_told(dispatcher, tracker, question):
            return []  # "… برام ادو تویلت فرستادین!! عطر ۱ میلیون و ۸۰۰ بود ۹۰ تومنم هزینه ارسال دادم. الان چی میشه؟": the
            # ground's rule, not a price
        if goes_on_elsewhere(dispatcher, tracker, "delivery_cost") or utter_unlisted_service(dispatcher, tracker, question):
            return []
        store, language = store_and_language(tracker)
        if asks_how_long(question) and not asks_how_much(question) and not _amounts(tracker):
            utter_delivery_time(dispatcher, tracker, store, language)  # "а перед новым годом доставка дольше будет?",
            return []  # read as a price by a hair: how long, which it asks
        kept = utter_delivery_cost(dispatcher, tracker, store, language)
        if tracker.get_slot("city") and (asks_how_long(question) or _new_place(tracker) and _both_answered_before(tracker)):
            utter_delivery_time(dispatcher, tracker, store, language)  # "Price and how many days?": both answered;
            # "а если бы в Гори, это где-то 80 км?" after both: both again, for the new place
        asked = tracker.get_slot("requested_slot")
        if asked in ORDER_SLOTS and tracker.active_loop_name is None:  # "обратную доставку я оплачиваю?" while the
            dispatcher.utter_message(response=f"utter_ask_{asked}")  # phone is asked again: the rule, then the phone
        return kept


class ActionPickup(Action):
    """Branches, and when an order placed now (or at the time given) can be collected."""

    def name(self) -> Text:
        """For pickup."""
        return "action_pickup"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]
    ) -> List[Dict[Text, Any]]:
        """Computed from the store's cut-off and windows."""
        elsewhere = order_named_instead(tracker) or computed_elsewhere(tracker, self.name())
        if elsewhere:  # an order's number, or an amount and a distance, after a pickup time: that order, the price
            return elsewhere
        if goes_on_elsewhere(dispatcher, tracker, "pickup") or utter_unlisted_service(dispatcher, tracker,
                                                                                       question_text(tracker)):
            return []  # ("до скольки вы работаете?": hours no page gives)
        if utter_return_post(dispatcher, tracker):  # "خودم با پست بفرستمش؟ از مشهد" after a return's decision: how
            return []  # to send it back, not a pickup
        store, language = store_and_language(tracker)
        rules = store.rules
        asked = latest_entity(tracker, "time") or day_part(question_text(tracker))  # "at 14:00", "in the evening"
        if rules.pickup is None and utter_store_address(dispatcher, tracker, question_text(tracker)):
            return []  # "ادرس مغازتون کجاس؟ میخام حضوری بیام" where the page has no pickup: that it gives no address
        if asked is None and another_topic_answers(dispatcher, tracker, store, "pickup"):
            return []  # "муж может забрать вместо меня?": who may collect it, not when
        if asked is None and _timed_just_before(tracker):  # "закажу в 12:30. когда можно забрать и куда подъехать?":
            return []  # the part before answered both for its hour
        if rules.pickup is None:
            utter_store_words(dispatcher, tracker, "pickup")
            return []
        ordered, named = _ordered_at(tracker, store)
        slot = pickup_slot(rules.pickup, ordered, rules.week, rules.weekend_orders_next_working_day)
        later = [] if latest_entity(tracker, "city") else extract_entities(rest_of_message(tracker), frozenset({"city"}))
        city = str(later[0].value) if later else tracker.get_slot("city")  # "… когда можно забрать? и где у вас в
        # батуми": the branch the message's later question names, when this part names none
        dispatcher.utter_message(text=answers.pickup(slot, rules.pickup, ordered, asked is not None, language, city,
                                                     named),  # type: ignore[arg-type]
                                 sources=cited([rules.pickup], "pickup"))
        return []


class ActionDeliveryTime(Action):
    """How long each way of shipping takes, and when an order placed now arrives."""

    def name(self) -> Text:
        """For delivery_time."""
        return "action_delivery_time"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]
    ) -> List[Dict[Text, Any]]:
        """Computed per city where the store gives times, the store's words elsewhere; for a named order, its own."""
        if latest_entity(tracker, "order_id") is not None:  # "CT-2002 когда привезут?": when that order comes, not the lanes
            return [SlotSet("purpose", "order_status"), FollowupAction("action_order_flow")]
        if status_asked_for(tracker) and tracker.get_slot("order_id"):  # "у меня заказ ct2002. что дальше? когда
            return []  # привезут?": that order's arrival comes with its status (no order named: the page's times)
        again = back_to_the_return(tracker)
        if again:
            return again
        question = question_text(tracker)
        if case_of_the_rule_said(dispatcher, tracker):  # "а если срочная доставка" after cash on delivery's rule, which
            return []  # says express has none: that rule again, not express's days
        if (asks_who_pays(question) and (reason_from(None, question) in FAULTS or names_a_return(question))
                and utter_units(dispatcher, tracker, question, damage_rules_first(["return_request", *likely_intents(
                    tracker)]))):  # "… перестали заряжаться. кто оплатит доставку если я их верну?": the return's
            return []  # post, not delivery days
        if express_price_asked(dispatcher, tracker) or utter_unlisted_service(dispatcher, tracker, question):
            return []  # "فوریش چقدر گرونتره؟", "до скольки вы работаете?": what no page gives
        if names_installments(question) and not names_shipping(question):  # "اگه قسطو ۱۰ روز دیرتر بدم جریمش چقدره؟":
            return [FollowupAction("action_installments")]  # the plan's days, not a delivery's
        if (asks_what_it_costs(question) and not asks_how_long(question) and latest_entity(tracker, "order_id") is None
                and last_computed(tracker, before_this_message=True) != "action_delivery_time"):  # ("а в Батуми сколько?"
            # after the days: the days there)
            return [FollowupAction("action_delivery_cost")]  # "доставка в батуми скока": its price, not its days
        if _own_order_asked(tracker, question):  # "کی میرسه؟" right after its shipped order's status: that order's
            return [SlotSet("purpose", "order_status"), FollowupAction("action_order_flow")]  # days, not "if you
            # order now"
        if asks_if_still_in_time(question) and _order_follow_up(tracker) == "order_status":  # "چند روز دیگه وقت دارم؟"
            return [SlotSet("purpose", "order_status"), FollowupAction("action_order_flow")]  # after its return decision
        # "списали в понедельник в 9 утра, до какого времени ждать?" after "within 72 hours"; "получил в воскресенье,
        # успеваю?"; "а если бы заметила только через 9 дней?" after the 7 days to report a damage
        if (deadline_follow_up(dispatcher, tracker) or window_supposed(dispatcher, tracker)
                or window_asked_now(dispatcher, tracker) or span_passed_supposed(dispatcher, tracker)):
            return []
        if goes_on_elsewhere(dispatcher, tracker, "delivery_time"):
            return []
        if inspection_asked(dispatcher, tracker):  # "и что проверить когда привезут?": what to look at, not when
            return []
        # "من مشهدم و با پست میفرستم، دیگه کاری لازمه؟" after a return's rules: sending it back from there, not a
        # delivery's days (unless a rule its words name answers)
        if (sends_it_oneself(question) and plainly_answered(question, store_index(current_store(tracker))) is None
                and utter_return_post(dispatcher, tracker)):
            return []
        told = reason_from(None, question) is not None
        if told and tracker.get_slot("verified_order") and what_if(question):
            return [SlotSet("purpose", purpose_from_words(question)), FollowupAction("action_order_flow")]  # "а если
            # окажется бракованным, сколько у меня времени?" of the order looked up: its decision, with its days left
        if told and utter_units(  # "if it comes broken, how many days do I have to
                dispatcher, tracker, question, ["damaged_item", *likely_intents(tracker)]):  # tell you?": the damage rule
            return []
        asks_own = asks_how_long(question) and latest_entity(tracker, "amount") is None
        instead = computed_instead(tracker, self.name(), asks_own) or (
            total_again(tracker) if adds_to_order(question) else []) or (
            computed_elsewhere(tracker, self.name()) if not asks_how_long(question) and not any(
                latest_entity(tracker, name) for name in ("city", "distance")) else [])  # "اگه یه اتو ۷۰ لاری جدا
        # سفارش بدم اون چی؟" after a price and a time: an amount alone, which no time uses, the price for it (a place
        # named keeps its time, with the price beside it)
        if instead:  # "and a 300 TV, 8 km away?", "а если добавлю чайник за 180?" after a price: a price, not a time
            return instead
        if (latest_entity(tracker, "distance") is not None and latest_entity(tracker, "amount") is not None
                and latest_entity(tracker, "city") is None and not asks_how_long(question)):  # "اگه دقیقا ۵۰۰ لاری
            return [FollowupAction("action_delivery_cost")]  # بود و ۸ کیلومتر فاصله داشتم چی؟" after a price and its
            # days, the days last: a new total and a distance are a price's alone (a new place, "за городом, 25 км",
            # "в Гори, где-то 80 км", has days of its own, said with its price below)
        store, language = store_and_language(tracker)
        if latest_entity(tracker, "city") is None and (
                what_if(question) and another_topic_answers(dispatcher, tracker, store, "delivery_time")
                or (leaned := _topic_leaned_on(tracker, question)) is not None
                and utter_units(dispatcher, tracker, question, [leaned])):
            return []  # "اگه ۳ روز دیر بدم جریمه داره؟" (the installments' grace) read as a delivery time by its days;
            # "اگه کمتر از این باشه چی؟" after the expiry guarantee, "امروز جمعه‌ست، تاییدش میکنین؟" after a card
            # payment's details: no word of a delivery time asks them
        answer = CollectingDispatcher()
        utter_delivery_time(answer, tracker, store, language)
        if status_asked_for(tracker) and _says_no_times(answer, store):
            return []  # "где мой заказ? когда привезут" where the page gives no times: the look-up under way answers it
        dispatcher.messages.extend(answer.messages)
        priced = (asks_how_much(question) or latest_entity(tracker, "distance") is not None  # a distance is for a price,
                  or (latest_entity(tracker, "amount") is not None or bool(_stated(tracker, store)))
                  and what_if(question)  # and so is "с тем же заказом на 700" supposed with a place, and a new
                  or _new_place(tracker) and _both_answered_before(tracker))  # place after both ("а в Мцхету?")
        if priced and _total(tracker, store) is not None:  # "is it free, and how many days?", "а если на дачу, за
            return utter_delivery_cost(dispatcher, tracker, store, language)  # городом, 25 км?" after both: both
        return []


def _says_no_times(answer: CollectingDispatcher, store: StorePolicy) -> bool:
    """Whether a delivery time's answer says only that the page gives none: "not covered", or rules that say so
    themselves and hand over to a person (Sitra's "no days on the page, only the window you choose"; a rule that gives
    times offers no person)."""
    if [message.get("response") for message in answer.messages] == ["utter_topic_not_covered"]:
        return True
    offers = {unit.id: unit.offers_person for unit in store.units}
    cited = units_cited(answer)
    return bool(cited) and all(offers.get(unit) for unit in cited)


def _topic_leaned_on(tracker: Tracker, question: str) -> Optional[str]:
    """"اگه کمتر از این باشه چی؟" after the expiry guarantee, read as a delivery time by a guess: a few words that
    name no time of their own, closest to a rule of the topic before, are about it (not "اگه دم عید سفارش بدم دیر
    میرسه؟", read surely, nor "а побыстрее никак?", closest to the express rule): that topic, else None."""
    earlier = earlier_topic(tracker)
    ranked = store_index(current_store(tracker)).rank(question)  # its words closer to a rule of that topic than any other
    if (ranked and ranked[0].score >= ANSWERS and short_follow_up(question, ASKS_ALONE_WORDS) and not asks_how_long(question)
            and ranked[0].unit.topic != "delivery_time" and ranked[0].unit.topic in topics_said_before(tracker, 1)):
        return ranked[0].unit.topic  # "а в обычные дни?" after who pays the post back on sale days: that rule's days,
        # read surely as a delivery time by "дни"
    if asks_how_long(question) or classifier_sure(tracker, CERTAIN) or not broad(question) or earlier in (None, "delivery_time"):
        return None
    return earlier if ranked and ranked[0].unit.topic == earlier else None


# "а по времени?", "а срок?", "زمانش چی؟": a time asked by its noun alone
_TIME_ASKED = re.compile(r"(?<!\w)(?:по времени|срок\w*|сколько дней|زمان\w*|مدت\w*|چند روز\w*)(?!\w)", re.IGNORECASE)


def _computed_next(tracker: Tracker) -> List[Dict[Text, Any]]:
    """"и сколько ехать будет?" right after a delivery price, read as out of scope: a few words whose next reading is
    another computed answer (the delivery time) get it, for the details the conversation holds."""
    ranking = ranked_intents(tracker)
    action = f"action_{ranking[1]}" if len(ranking) > 1 and ranking[0] == "out_of_scope" else None
    question = question_text(tracker)
    if (action not in COMPUTED or last_computed(tracker, before_this_message=True) not in COMPUTED
            or not short_follow_up(question, ASKS_ALONE_WORDS)):
        return []
    if action == "action_delivery_time" and not (asks_where_or_when(question) or _TIME_ASKED.search(question)):
        return []  # "и на 7 этаж поднимут?" after a delivery price asks no time: not the days again
    return [FollowupAction(action)]  # type: ignore[arg-type]


def grand_total(dispatcher: CollectingDispatcher, tracker: Tracker) -> bool:
    """"а сколько это в итоге?" right after a delivery price, naming nothing new (no place, no number: "добавлю утюг за
    девяносто, итого 175. сколько теперь?" prices a new total): the order's total and its delivery together; True
    when said."""
    named = any(latest_entity(tracker, name) for name in ("amount", "city", "distance")) or follow_up_total(
        question_text(tracker), None, current_store(tracker).currency) is not None
    if (named or last_computed(tracker, before_this_message=True) != "action_delivery_cost"
            or not asks_grand_total(question_text(tracker))):
        return False
    store, language = store_and_language(tracker)
    total, rules = as_number(tracker.get_slot("amount")), store.rules.delivery
    if total is None or rules is None:
        return False
    quote = delivery_cost(rules, total, tracker.get_slot("city"), as_number(tracker.get_slot("distance")))
    if quote.kind not in ("fee", "free"):
        return False
    said = answers.with_delivery(total, quote.fee or 0.0, store, language)  # type: ignore[arg-type]
    dispatcher.utter_message(text=said, sources=cited([quote.tier or rules], "delivery"))
    return True


def _timed_just_before(tracker: Tracker) -> bool:
    """Whether the part before, of the same message, named an hour and got the pickup time for it (a later part asking
    when and where again adds nothing, and "now" would be another hour than the one named); not when this part names
    facts of its own or asks about the very day ("а в тот же день можно?")."""
    own, *before = recent_entities(tracker, 2) or [[]]
    return (later_question(tracker) and not own and not asks_same_day(question_text(tracker))
            and last_computed(tracker, before_this_message=True) == "action_pickup"
            and any(entity.get("entity") == "time" for entity in (before[0] if before else [])))


def _own_order_asked(tracker: Tracker, question: str) -> bool:
    """"کی میرسه؟" right after the status of the order verified in this conversation, or "عطر ساواجم کی میرسه؟" of
    one's own item: when that order comes (no amount, distance or day of a new order named)."""
    details = any(latest_entity(tracker, name) for name in ("amount", "distance", "date", "weekday"))
    if asks_own_item_arrival(question) and not details:
        return True
    when = (asks_where_or_when(question) or asks_duration(question)) and not asks_express(question)  # not "فوری
    # بفرستین؟", a way of shipping asked
    return (bool(tracker.get_slot("verified_order")) and bool(current_store(tracker).rules.delivery_times)
            and not details and when and (earlier_topic(tracker) == "order_status" or status_looked_up_before(tracker)))


ASKED_IN_WORDS = 4  # a question mark after this many words is a question asked, not a word or two unclear


def back_to_the_return(tracker: Tracker) -> List[Dict[Text, Any]]:
    """"حتی اگه هزینه پستشو خودم بدم؟", "что теперь делать?" after an order's return decided, read as a delivery
    question: that return again, whose answer stands (and a person); no events when it is no such question."""
    purpose = _order_follow_up(tracker) if asks_what_now(question_text(tracker)) else None
    return [SlotSet("purpose", purpose), FollowupAction("action_order_flow")] if purpose in RETURN_TOPICS else []


def _order_follow_up(tracker: Tracker) -> Optional[str]:
    """What an unclear question asks of an order: of the one it names ("заказ 58122, сколько у меня осталось дней на
    тест?"), what its words want; of the order verified in this conversation ("а когда он придет?"), the classifier's
    likeliest intent (or the next, when the likeliest is "out of scope") when it is about an order, a return for the
    reason it names ("а если … просто передумаю? он же в пломбе"), or its status with the window, asked until when
    after a reason ("до какого дня можно сообщить?"); else None."""
    question = question_text(tracker)
    if latest_entity(tracker, "order_id"):
        return purpose_from_words(question)
    if not tracker.get_slot("verified_order") or not rules_question(None, question):
        return None
    if reason_from(None, question) or names_a_return(question):  # "а крем из того же заказа я уже открыла, его тоже
        return purpose_from_words(question)  # примут?": a return of its item
    earlier = earlier_topic(tracker)
    if asks_what_now(question) and earlier in RETURN_TOPICS:  # "یعنی دیگه هیچ کاری نمیشه کرد؟" after its refusal
        return earlier
    if (asks_until_when(question) or asks_if_still_in_time(question)) and any(
            window_reason(text) for text in recent_texts(tracker, 3)):
        return "order_status"  # "до какого дня можно сообщить?", "چند روز دیگه وقت دارم؟" after its decision, "دیر که
        # نشده؟ دو روزه دستمه" after its refusal: its window, counted
    if (asks_about_sending_back(question) or asks_when_collected(question)) and not asks_money_back(question) and (
            earlier in RETURN_TOPICS):  # "کی میان ببرنش؟", "а отправить обратно как?" after its decision: the return's
        return None  # rule for it, not the order's status
    ranking = [intent for intent in ranked_intents(tracker) if intent != "nlu_fallback"]
    if ranking[:1] == ["out_of_scope"]:  # "پس الان چیکار کنم؟" after its refusal, read as out of scope by a hair
        ranking = ranking[1:2]
    if ranking[:1] and ranking[0] in RETURN_TOPICS and tracker.get_slot("pending_return") and chosen_units(
            tracker, question, ranking[:2]):  # "как упаковать?" while the return decided waits to be filed: its rule,
        return None  # not the whole decision again
    plain = plainly_answered(question, store_index(current_store(tracker))) if ranking[:1] == ["order_status"] else None
    if plain is not None and plain.topic != "order_status" and not asks_where_or_when(question):  # "а что проверить
        return None  # когда принесут" after its status: the rule a question plainly asks, not the status again (but
        # "а трек-номер какой?" is that order's)
    return ranking[0] if ranking and ranking[0] in ORDER_PURPOSES else None


def _seal_corrected(tracker: Tracker) -> List[Dict[Text, Any]]:
    """"стоп, я перепутал, распечатывал другой флакон. Versace еще в пленке" right after a proven order's return
    decision: the seal state corrected, and the decision made again with it; nothing otherwise."""
    question = question_text(tracker)
    sealed = sealed_from(None, question)
    if sealed is None or not corrects(question) or not tracker.get_slot("verified_order"):
        return []
    told = next((text for text in recent_texts(tracker, 3)[1:] if sealed_from(None, text) is not None), None)
    if told is None or sealed_from(None, told) == sealed or reason_from(None, told) is None:
        return []  # the seal said before, with the return's reason, is what is corrected
    return [SlotSet("sealed", sealed), SlotSet("purpose", "return_request"), FollowupAction("action_order_flow")]


class ActionUnclear(Action):
    """A message the classifier could not place: a new detail for the last computed answer, else "please rephrase"."""

    def name(self) -> Text:
        """For out_of_scope and low-confidence messages, and a yes, no, thanks or goodbye outside a flow."""
        return "action_unclear"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]
    ) -> List[Dict[Text, Any]]:
        """'And for a 250-lari soundbar?' after a delivery price is the same question again, with its number."""
        question = question_text(tracker)
        if why_asked_now(tracker):  # "همون شماره‌ای که پیامک اومد؟" while the phone is asked: the look-up's form answers
            return []
        intent = ((tracker.latest_message or {}).get("intent") or {}).get("name")
        if intent in ("affirm", "deny") and offered_a_return(tracker):  # "باشه ثبت کن" after the offer said again
            return [FollowupAction("action_return_confirmation")]
        if greeted_in_their_language(dispatcher, tracker) or other_unit_asked(dispatcher, tracker):  # "по-русски
            return []  # понимаете?", "۱۰۰ میلیون ریال چند تومنه؟"
        if (len(question.split()) <= CONTACT_ALONE_WORDS and _WHERE_TO_CALL.search(question)
                and utter_contact(dispatcher, tracker, question)):  # "куда позвонить уточнить?", read
            return []  # as a greeting or as nothing: the store's contact (not "تو ایمیل چی بنویسم؟", what to write)
        corrected = _seal_corrected(tracker)
        if corrected:  # "стоп, я перепутал … пломба целая" after its order's return decision: decided again with it
            return corrected
        if span_recalled(dispatcher, tracker) or deadline_follow_up(dispatcher, tracker) or refused_what_if(
                dispatcher, tracker) or sealed_follow_up(dispatcher, tracker) or refusal_stands(
                dispatcher, tracker) or what_follows(dispatcher, tracker):  # "эти 24 часа считаются с …?"; "it
            return []  # was yesterday noon" after "within 72 hours"; "and if I open it?" (or "a sealed one?") after a change
            # of mind; "no way at all?" after it; "30 hours have passed, nothing to do?" after "within 24 hours"
        if grand_total(dispatcher, tracker) or express_price_asked(dispatcher, tracker):  # "а сколько это в итоге?"
            return []  # after a delivery price: with the order; "فوریش چقدر گرونتره؟": no page gives it
        again = computed_again(tracker) or total_again(tracker) or _computed_next(tracker)
        if (not again and names_express(question) and short_follow_up(question)
                and last_computed(tracker, before_this_message=True) == "action_delivery_time"):
            again = [FollowupAction("action_delivery_time")]  # "а срочно" after the post's days: the days again, express's
        if again:  # a new detail, or "and for 250?", "if it becomes 2.5?": the same question with it; "и сколько ехать
            return again  # будет?" after a delivery price: the time, for the place priced
        if bound_follow_up(dispatcher, tracker) or amount_corrected(dispatcher, tracker):  # "а если за 8 млн?" after
            return []  # the rule for purchases over 10 million; "ببخشید ۲ میلیون و ۸۰۰ بود" after a rule of any amount
        if (window_supposed(dispatcher, tracker) or window_asked_now(dispatcher, tracker)
                or received_after_damage_rule(dispatcher, tracker)):  # "сейчас 4 часа
            return []  # дня, ещё не поздно?" after a window: counted to now; "گرفتمش دیگه 😕" after "do not accept it"
        language = store_and_language(tracker)[1]
        about_order = _order_follow_up(tracker)
        if about_order is not None:  # "а когда он придет?" right after its look-up: for that order
            return [SlotSet("purpose", about_order), FollowupAction("action_order_flow")]
        sending = (asks_about_sending_back(question) or asks_when_collected(question)
                   or sends_it_oneself(question)  # "и как его тогда отправлять?" after a return's rule
                   and store_address_asked(question) is None)  # (not "на какой адрес отправлять")
        if earlier_topic(tracker) in RETURN_TOPICS and sending and not asks_money_back(question) and (
                utter_return_post(dispatcher, tracker)):  # "کی میان ببرنش؟" after a return's rules: its collecting
            return []
        rest = on_the_answer(question) if intent in ("affirm", "deny") else None
        if rest is not None:  # "если нет, сколько?" after "is delivery free?": that question again, or its topic's rules
            last, earlier = last_computed(tracker, before_this_message=True), earlier_topic(tracker)
            if last in TOTALS and last == f"action_{earlier}":  # its total and places are kept in slots
                return [FollowupAction(last)]
            if rest and utter_units(dispatcher, tracker, rest, likely_intents(tracker)):
                return []
        if intent in ("affirm", "deny") and removes_an_item(question):  # "نه صبر کن کلشو کنسل نکن، فقط مخلوط کن رو
            utter_topic(dispatcher, tracker, "order_change", question, likely_intents(tracker), "order_change")  # حذف کنید": an edit
            return []
        if intent == "deny" and change_of_mind_opens(tracker):  # "لانکوم رو نمیخوام دیگه"
            return [SlotSet("purpose", "return_request"), FollowupAction("action_order_flow")]
        plain = intent in ("affirm", "deny", "goodbye", "thank")  # "ok", "no", "bye", "thanks": unless they ask something
        if plain and not short_follow_up(question) and ground_told(dispatcher, tracker, question):
            return []  # "نه ببخشید دقیق نگاه کردم، اصلا یه عطر دیگه‌س!": a wrong item told, read as a "no"
        # "ok?" alone asks nothing; "اگه تایید کنن؟" after the rule for a fault the experts do not confirm asks its
        # other case
        supposed = intent in ("affirm", "deny") and what_if(question) and re.search(r"[?؟]", question) is not None
        asked = (not plain or rules_question(None, question) or supposed or count_corrected(tracker)
                 or intent == "affirm" and not says_yes(question)  # "ده تا پله داریم", read as a yes: told
                 or intent == "goodbye" and not says_goodbye(question)  # "شبا ندارم", read as a farewell: told
                 or intent == "deny" and tells_absence(question))  # "талона в коробке нет": a fact, not a "no"
        topics = likely_intents(tracker)
        if intent == "nlu_fallback":  # "روش پسورد گذاشتم مشکلی نیست؟" after how to pack a return: of its topic first
            said = topics_said_before(tracker)
            topics = [*said, *(topic for topic in topics if topic not in said)]
        if reason_from(None, question) in FAULTS:  # a fault told: "۱۵ام سشوار
            topics = damage_rules_first(topics)  # گرفتم، امروز ۲۰امه. هنوز میتونم اطلاع بدم که روشن نمیشه؟"
        if asked and case_follow_up(dispatcher, tracker, ""):  # "и что надо сделать" after the case told
            return []
        if asked and (utter_store_address(dispatcher, tracker, question)  # "آدرس شرکتتون کجاست؟": not a change of
                      or utter_units(dispatcher, tracker, question, topics)  # the delivery address's rule
                      or utter_contact(dispatcher, tracker, question) or follow_up_answered(dispatcher, tracker)):
            return []  # the classifier was unsure, but a rule of the page (or its contact) plainly answers it
        replies = {"out_of_scope": "utter_out_of_scope", "affirm": "utter_anything_else", "deny": "utter_anything_else",
                   "goodbye": "utter_goodbye", "thank": "utter_you_are_welcome"}
        if intent == "affirm" and offered_a_person(tracker) and says_yes(question):  # "yes" to "shall a colleague
            # answer you?" (not "ده تا پله داریم" after a rule, read as one)
            await hand_to_person(dispatcher, tracker, "accepted")
            return []
        reply = replies.get(intent or "", "utter_default")
        if (reply in ("utter_default", "utter_anything_else") and question_number(tracker) == 1 and corrects(question)
                and not rules_question(None, question)):  # "ببخشید دوباره نگاه کردم، خود عطر درسته،" before "فقط
            return []  # شیشه‌ش با عکس فرق داره": a fact put right that the part after it goes on with; no "not
            # understood" before its answer
        if plain and asked and not short_follow_up(question):  # "a 5th floor, no lift?" read as "no": a question
            reply = "utter_topic_not_covered"  # of its own that no rule of the page answers
        elif intent in ("out_of_scope", "nlu_fallback") and (what_if(question) or what_then(question)) and earlier_topic(
                tracker):  # "and if it does not come
            reply = "utter_topic_not_covered"  # back by then?" after a rule: the store's matter, which its page leaves open
        elif intent == "goodbye" and asked:  # "bye?" is no farewell either; "شبا ندارم" after the refund's rule is
            reply = "utter_topic_not_covered" if earlier_topic(tracker) else "utter_default"  # a case it leaves open
        elif intent == "nlu_fallback" and re.search(r"[?؟]", question) and len(question.split()) >= ASKED_IN_WORDS:
            reply = "utter_topic_not_covered"  # "у вас есть шоурум в тегеране? хочу ноут вживую посмотреть": a plain
            # question no rule answers, which the page leaves to a person, not "please say it otherwise"
        if reply == "utter_default" and unclear_before(tracker):  # not understood twice in a row: a person helps
            await hand_to_person(dispatcher, tracker, "unclear", render("handoff.unclear", language))  # type: ignore[arg-type]
            return []
        dispatcher.utter_message(response=reply)
        return []
