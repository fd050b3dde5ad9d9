"""Answers a question from the store's own policy page, or says honestly it cannot."""

from __future__ import annotations

import logging
import re
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo
from typing import Any, Dict, List, Optional, Sequence, Text

from rasa_sdk import Action, Tracker
from rasa_sdk.events import FollowupAction, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.context import (
    CERTAIN,
    EARLIER,
    RETURN_TOPICS,
    amount_before,
    as_number,
    classifier_sure,
    computed_again,
    computed_instead,
    current_store,
    earlier_topic,
    last_computed,
    later_question,
    latest_entity,
    likely_intents,
    second_guess,
    sources_of,
    question_text,
    recent_entities,
    question_number,
    recent_texts,
    replies_before,
    store_and_language,
    names_a_price,
    total_again,
)
from actions.db import local_now
from bot import answers
from bot.dialogue import (
    a_day_later,
    refund_to_another,
    asks_when_the_span_starts,
    asks_what_to_do,
    about_own_order,
    wants_something_done,
    asks_if_free,
    asks_about_days_off,
    tells_misuse,
    bounds_a_band,
    asks_another_way,
    asks_express,
    names_express,
    names_installments,
    price_and_cost,
    asks_what_differs,
    REASON_NAMES,
    store_address_asked,
    adds_to_order,
    asks_a_limit,
    asks_a_sum,
    asks_a_price,
    asks_duration,
    asks_if_the_same,
    asks_about_language,
    asks_if_still_in_time,
    asks_in_the_other_unit,
    asks_open,
    asks_what_to_check,
    asks_about_tracking,
    asks_the_converse,
    asks_what_now,
    asks_who_pays,
    asks_why,
    asks_until_when,
    says_the_end_back,
    asks_for_a_person,
    asks_for_contact,
    asks_what_the_assistant_is,
    asks_why_asked,
    corrects,
    counterfactual,
    day_part,
    days_ahead,
    part_of_day_told,
    hour_supposed,
    items_total,
    next_week,
    past_an_hour,
    asks_where_it_is,
    names_a_cancel,
    names_a_return,
    names_a_total,
    names_shipping,
    refers_back,
    forgot_the_step,
    already_ordered,
    of_a_next_order,
    changes_a_placed_order,
    goes_on,
    moments_said,
    moments_told,
    not_delivered_yet,
    past_the_span,
    purpose_from_words,
    reason_from,
    removes_an_item,
    money_after_cancel,
    money_back_to_a_card,
    rules_question,
    says_now,
    says_received,
    tells_arrival,
    sealed_from,
    supposed_moment,
    what_if,
    what_then,
    window_reason,
)
from bot.i18n.format import listing, money
from bot.i18n.replies import render
from bot.nlu.entities import MINUTES_AGO, count_of, counted_as, extract_entities, span_on
from bot.nlu.normalize import to_ascii_digits
from bot.nlu.questions import sentences
from bot.console.service import queue_for_person
from bot.db_settings import DatabaseUnavailable, off_the_loop
from bot.stores.calendar import deadline as window_deadline, is_working_day, next_working_day
from bot.stores.offerings import PAYMENTS, SERVICES, TERMS, Offering, unlisted
from bot.stores.policy import Answer, AnswerUnit, StorePolicy
from bot.stores.returns import refused_for_any_order, window_from
from bot.stores.rules import WEEKDAYS, Reason, ReturnGround, Window
from bot.stores.units import (ANSWERS, ASKS_ALONE_WORDS, ECHO_WORDS, after_its_span, answers_what_is_asked,
                              answers_who_pays, beside_said, broad, choose_units, closest_of, comparable, echoed,
                              far_nearest, limits_amount, meets_amount, plainly_answered, ruled_out, sends_to_people,
                              short_follow_up, store_index, texts_of, with_next_step)

logger = logging.getLogger(__name__)
READ_SURELY = 0.85  # a topic read this surely is the one asked, though the page has no rule on it
LOOK_UP_MESSAGES = 4  # an order's number, its phone and a mistake between them: the messages of one look-up
# "پولمو میخوام", "верните деньги": the money wanted back (not asked when: "پولم کی برمیگرده؟")
_MONEY_DEMANDED = re.compile(r"پول\S* (?:رو |را )?(?:\S+ )?(?:میخوام|میخام|می ?خواهم|لازم دارم)(?!\w)|"
                            r"верните (?:мне )?(?:мои )?деньги|хочу (?:свои |мои )?деньги", re.IGNORECASE)
_FIGURE = re.compile(r"\d")  # a digit of any script: "180", "۱۸۰"
# a rule that says who pays or that nothing is charged: "بدون بهره و کارمزد", "بر عهده تیسا", "за счёт Офикала"
_NO_CHARGE = re.compile(r"بدون (?:بهره|کارمزد|هزینه)|(?:بر|به) ?عهده|за сч[её]т|нес[её]т|оплачива|без процент|без комисс",
                        re.IGNORECASE)
# an amount asked ("دقیقا چقدر میشه؟", "сколько доплачивать?"), which only a figure answers
_HOW_MUCH = re.compile(r"(?<!\w)(?:چقدر|چقد|چه قدر|сколько|каков\w*|какой именно)(?!\w)", re.IGNORECASE)
# a price a rule names: "۲ میلیون تومان", "1,50 лари за км", "бесплатно", "رایگان"
_PRICE = re.compile(r"\d[\d,.٬ ]*\s*(?:میلیون\s*|هزار\s*)?(?:تومان|تومن|ریال|لاری|лари|томан\w*|риал\w*|GEL|₾)|"
                    r"رایگان|бесплатн", re.IGNORECASE)
# a floor named by its number ("на 5 этаже", "طبقه ۵"): a rule's matter, not a figure to compute a price or a time with
_FLOOR = re.compile(r"\d+\s*-?\w{0,2}\s*(?:этаж\w*|طبقه\w*)|طبقه\w*\s*\d+", re.IGNORECASE)


CONTACT_ALONE_WORDS = 6  # "а номер телефона у вас какой?": asked in so few words, the contact is the whole answer


# a span of days or hours in a page's words: "۷ تا ۱۰ روز کاری", "72 часа", "{…within.amount} روز" (a summary that
# gives one is no silence on time; a rule that gives one is what "از کی حساب میشه؟" asks about)
_SPAN_SAID = re.compile(r"(?:[\d۰-۹]|\})\s*(?:(?:تا|-|–|до)\s*(?:[\d۰-۹]+|\{[^}]*\})\s*)?(?:روز|ساعت|дн|час|рабоч)",
                        re.IGNORECASE)


def utter_topic(dispatcher: CollectingDispatcher, tracker: Tracker, topic: str, question: str = "",
                also: Sequence[str] = (), fallback: Optional[str] = None, deadline: bool = True) -> bool:
    """The rules that answer the question, else the topic's summary (broad questions, buttons), else the
    closest rule of the `fallback` topic (a defect where the page has only a warranty), else "not covered".

    `also` are the classifier's other likely intents, after `topic`; `deadline` False when the window was counted
    from the moment told already. True when the page answered.
    """
    store, language = store_and_language(tracker)
    if len(question.split()) <= CONTACT_ALONE_WORDS and utter_contact(dispatcher, tracker, question):
        return True  # "а номер телефона у вас какой?": the store's contact, not the checkout's phone field
    if utter_store_address(dispatcher, tracker, question) or utter_units(dispatcher, tracker, question, [topic, *also],
                                                                          deadline):
        return True
    second = second_guess(tracker)  # torn between two readings: the second's rules before "not covered"
    if second in also and second != topic and utter_units(
            dispatcher, tracker, question, [second, topic, *(name for name in also if name != second)], deadline):
        return True
    if past_the_span(question):  # "and if it isn't back by then?" after the 72 hours: no summary says more than the
        spanned = next((unit for unit in _rules_said_before(tracker, 2) if unit.within is not None), None)  # rule
        if spanned is not None:  # given, which is said again as what the page holds ("а если бы уже 4 дня прошло?")
            dispatcher.utter_message(text=render("return.rule", language, rule=spanned.text[language]),  # type: ignore[arg-type,index]
                                     sources=cited([spanned]))
        dispatcher.utter_message(response="utter_topic_not_covered")  # the page has nothing past it: a person
        return False
    summary = store.answer(topic)
    # (or "پولم چند روز دیگه میاد؟" of a topic whose page gives no time: what the page says of it, with a person)
    silent_on_time = (summary is not None and summary.offers_person and asks_duration(question)
                      and not _SPAN_SAID.search(summary.text[language]))  # type: ignore[index]
    if ((broad(question) or silent_on_time)
            and not (summary and _silent_on_the_day(question, store, [summary.text[language]]))  # type: ignore[index]
            and (summary is None or answers_who_pays(list(summary.text.values()), question))
            and utter_summary(dispatcher, tracker, topic)):
        return True
    if fallback is None and topic == "payment_methods" and _names_unlisted(store, question, PAYMENTS):
        fallback = topic  # "موقع تحویل نقدی میشه؟" that no rule answers on its words: the ways the page names
    units = with_next_step(closest_of(fallback, question, store_index(store)), store)
    nearest = (far_nearest(question, store_index(store)) if not units and not classifier_sure(tracker, READ_SURELY)
               and all(unit.topic != topic for unit in store.units) else None)
    units = [nearest] if nearest else units  # a topic the page has no rule on, read not surely where another rule is
    # far nearest ("فردا خونه نیستم، چی میشه؟" read as a failed payment; not "где посмотреть статус заказа", surely a status)
    if units and answers_who_pays(texts_of(units), question):  # (not where a return is filed for "who pays to send it back?")
        say_units(dispatcher, units, language, question_text(tracker))
        return True
    if utter_contact(dispatcher, tracker, question):
        return True
    dispatcher.utter_message(response="utter_topic_not_covered")
    return False


def utter_unlisted_methods(dispatcher: CollectingDispatcher, tracker: Tracker, topics: Sequence[str]) -> None:
    """"PayPal?" where the page lists cards: the list alone does not say the method is refused, so that it is not
    among the methods the page names, and the way to a person who can say more."""
    if {"payment_methods", "installment_info"} & set(topics):  # (a provider of instalments is a way of paying)
        _utter_unlisted(dispatcher, tracker, question_text(tracker), PAYMENTS, "payment.unlisted")


def _utter_unlisted(dispatcher: CollectingDispatcher, tracker: Tracker, question: str, offerings: Sequence[Offering],
                    reply: str) -> bool:
    """The offerings the question names that the store's page does not (PayPal, installing), said by `reply` with the
    way to a person, not answered by the nearest rule's words; True when said."""
    store, language = store_and_language(tracker)
    named = _names_unlisted(store, question, offerings)
    if named:
        dispatcher.utter_message(text=render(reply, language, store=store.name[language],  # type: ignore[arg-type,index]
                                             named=listing([f"«{offering.name[language]}»" for offering in named],
                                                           language)))  # type: ignore[arg-type]
        offer_person(dispatcher, language)
    return bool(named)


def asks_an_unlisted_service(store: StorePolicy, question: str) -> bool:
    """"И можете завернуть в подарочную упаковку" where the page offers no gift wrapping: a service to say the page
    does not offer, not an order to look up for the return its words were read as (but "хочу вернуть заказ,
    оплачивал бонусами" is that return)."""
    told = names_a_return(question) or names_a_cancel(question) or reason_from(None, question) is not None
    return not told and bool(_names_unlisted(store, question, SERVICES))


def utter_unlisted_service(dispatcher: CollectingDispatcher, tracker: Tracker, question: str) -> bool:
    """"نصبشم انجام میدین؟", "а если доставка задержится, будет компенсация?": a service the page does not name, said
    so with a person, whatever topic the question was read as (not "хочу сдать обратно будильник", a return); True when
    said."""
    return asks_an_unlisted_service(current_store(tracker), question) and _utter_unlisted(
        dispatcher, tracker, question, SERVICES, "service.unlisted")


def _names_unlisted(store: StorePolicy, question: str, offerings: Sequence[Offering]) -> list[Offering]:
    """The offerings the question names that none of the store's rules names (in any language)."""
    return unlisted(question, (text for unit in store.units for text in unit.text.values()), offerings,
                    store.rules.week.country)


def _utter_unlisted_terms(dispatcher: CollectingDispatcher, tracker: Tracker, question: str,
                          topics: Sequence[str]) -> bool:
    """"کارمزدش چند درصده ضامن هم میخواد؟" answered by the instalments' rule: the terms it names that the page does
    not state (a fee, a guarantor), said beside it; only of paying in instalments. True when said."""
    return "installment_info" in topics and _utter_unlisted(dispatcher, tracker, question, TERMS, "term.unlisted")


def utter_contact(dispatcher: CollectingDispatcher, tracker: Tracker, question: str) -> bool:
    """"What is your email?": the store's contact as its page gives it, when it gives one; True when said."""
    return asks_for_contact(question) and _say_answer(dispatcher, tracker, current_store(tracker).contact)


def utter_store_address(dispatcher: CollectingDispatcher, tracker: Tracker, question: str) -> bool:
    """"آدرستون کجاست؟" (read as an order's status), "адрес для возврата?": the addresses the page gives of the store
    (Citadel's pickup points); where it gives none, or for where to send an item back, that it gives none, with the
    store's contact and a person. No order is asked for. True when said."""
    asked = store_address_asked(question)
    store, language = store_and_language(tracker)
    plain = plainly_answered(question, store_index(store)) if asked == "return" else None
    if asked is None or plain is not None and any(unit.gives_address for unit in store.units):
        return False  # "… на какой адрес отправлять возврат, заказная почта подойдёт?": the rule its words plainly ask
    given = [unit for unit in store.units if unit.gives_address] if asked == "store" else []
    pickup, city = store.rules.pickup, tracker.get_slot("city")
    branch = next((one for one in pickup.branches if one.city == city), None) if pickup and given and city else None
    if branch is not None:  # "تو باتومی میشه خودم بیام تحویل بگیرم؟ آدرستون کجاست؟": that city's branch alone
        dispatcher.utter_message(text=render("address.branch", language, address=branch.address[language]),  # type: ignore[arg-type,index]
                                 sources=cited([pickup], "pickup"))
        return True
    if given:
        say_units(dispatcher, given, language, question)
        return True
    none = render("address.not_given", language, store=store.name[language])  # type: ignore[arg-type,index]
    dispatcher.utter_message(text=none)
    if plain is not None:  # "آدرس دفتر گارانتیتون کجاست دقیقا؟" where the page names the office but gives no address:
        say_units(dispatcher, [plain], language, question)  # that it gives none, then the rule its words ask
    _say_answer(dispatcher, tracker, store.contact)
    offer_person(dispatcher, language)
    return True


def utter_summary(dispatcher: CollectingDispatcher, tracker: Tracker, topic: str) -> bool:
    """The store's summary of the whole topic (its tariff table, its return policy), when it has one; True when said."""
    return _say_answer(dispatcher, tracker, current_store(tracker).answer(topic))


def _say_answer(dispatcher: CollectingDispatcher, tracker: Tracker, answer: Optional[Answer]) -> bool:
    """One of the store's own answers in the customer's language, with its page's sentences; False when there is none."""
    if answer is None:
        return False
    language = store_and_language(tracker)[1]
    text = answer.text[language]  # type: ignore[index]
    dispatcher.utter_message(response="utter_store_answer", answer=text[:1].upper() + text[1:],  # (a contact said
                             sources=cited([answer]))  # alone starts a sentence: "служба поддержки …" is also embedded)
    if answer.offers_person:  # "доставка в Тебриз сколько стоит?" where the page states no price
        offer_person(dispatcher, language)
    return True


# a rule of what lateness brings: "… بدون جریمه دیرکرد تا روز پنجم", "без штрафа за просрочку"
_LATENESS = re.compile(r"جریمه|دیرکرد|штраф|просрочк", re.IGNORECASE)


def _time_not_given(dispatcher: CollectingDispatcher, tracker: Tracker, question: str, topics: Sequence[str]) -> bool:
    """"а сколько длится гарантия на чайник?" where the page's rule of it gives no time: that the page gives none,
    what it says instead, and a person; True when said (a rule just given is not said again to a short question:
    "مدت گارانتیش چقدره؟" after how to activate it)."""
    units = chosen_units(tracker, question, topics, timed=False)
    if not units:
        return False
    store, language = store_and_language(tracker)
    if _only_said_before(tracker, units) and short_follow_up(question):  # (not "مایکروفرم کارت گارانتی داره، چند
        # سال گارانتیه؟", a case told with it, which the rule answers in part)
        dispatcher.utter_message(text=render("unit.no_time_alone", language, store=store.name[language]))  # type: ignore[arg-type,index]
        offer_person(dispatcher, language)
        return True
    dispatcher.utter_message(text=render("unit.no_time", language, store=store.name[language]))  # type: ignore[arg-type,index]
    say_units(dispatcher, units, language, question)
    offer_person(dispatcher, language)
    return True


def utter_units(dispatcher: CollectingDispatcher, tracker: Tracker, question: str, topics: Sequence[str],
                deadline: bool = True) -> bool:
    """The rules of the page that answer the question, when any does, why a close rule does not hold for the amount
    named, and (with `deadline`) the deadline of a span one gives from the moment the message names; True when they
    were said."""
    if utter_unlisted_service(dispatcher, tracker, question):
        return True
    units = chosen_units(tracker, question, topics)
    store, language = store_and_language(tracker)
    if past_the_span(question) and _says_nothing_past(tracker, units) and not (
            asks_for_contact(question) and _names_a_contact(units, language)):
        return False  # "and if it isn't back by then?" is not answered by the rule just given (but "whom do I call?" is,
        # by the number it gives: SnappPay's)
    if not units and asks_duration(question) and _time_not_given(dispatcher, tracker, question, topics):
        return True
    if units and _silent_on_the_day(question, store, [unit.text[language] for unit in units]):  # type: ignore[index]
        units = []  # "جمعه‌ها هم تحویل میدین؟": a time window chosen at checkout says nothing of Fridays
    # (not a rule of what lateness brings: "اگه قسطمو یادم بره جریمه میشم؟" is answered by the late payment's own)
    forgot = forgot_the_step(question) and not any(sends_to_people(unit, language) or _LATENESS.search(
        unit.text[language]) for unit in units)  # type: ignore[index]
    if forgot or not units:
        # "а если я уже оформил и забыл это написать?" (the step again is no answer), "заказ уже оформлен … можно
        # теперь вписать брата?": of an order placed, the page's rule on changing it (by phone, at Citadel); else
        # nothing (a person may know)
        placed = already_ordered(question) if forgot else changes_a_placed_order(question)
        change = [unit for unit in store.units if unit.topic == "order_change"][:1] if placed else []
        if not change:
            return False
        units = with_next_step(change, store)
    if _past_its_window(dispatcher, store, question, units, language):
        return True
    # "а может его принять сосед?" after its order's status: a step taken while ordering, asked of an order placed; the
    # page's way to change an order, and a person
    placed = any(unit.before_ordering for unit in units) and (already_ordered(question) or bool(
        tracker.get_slot("verified_order")) and not of_a_next_order(question))  # ("в следующий раз закажу …": no)
    outside = ruled_out(question, store_index(store), units) if units else None
    units = [unit for unit in units if outside is None or unit is not outside[0]]
    say_units(dispatcher, units, language, question_text(tracker))
    if placed:
        _say_placed_order_change(dispatcher, store, units, language)
    elif _only_said_before(tracker, units) and what_then(question) and not echoed(question, units):
        offer_person(dispatcher, language)  # "شبا ثبت نکردم، اونوقت چی میشه؟" after the refund to the Sheba registered:
        # the page says no more than the rule again, a person may
    elif (not _utter_unlisted_terms(dispatcher, tracker, question, [*topics[:2], *(unit.topic for unit in units)])
          and not offer_person_for_limit(dispatcher, question, units, store, language)
          and _only_said_before(tracker, units) and not echoed(question, units)):
        offer_person(dispatcher, language)  # "а можно на карту а не на шебу?" after the same rule: no more on the page
    if outside:  # "9.8 million: is an ID needed?": the ID rule is for over 10 million, said with the rule that holds
        _say_bound(dispatcher, *outside, store, language)
        units = units or [outside[0]]
    else:
        _say_total_within(dispatcher, question, units, store, language)
    if units:
        if deadline and not utter_deadline(dispatcher, tracker, units) and asks_until_when(question):
            utter_deadline(dispatcher, tracker, units, earlier=True)  # "مهلت تستش تا کیه؟" after "got it on Saturday"
        utter_next_working_day(dispatcher, tracker, units)
        utter_free_shipping_after_return(dispatcher, tracker, units, bool(topics) and topics[0] in RETURN_TOPICS)
        _utter_refund_after_cost(dispatcher, tracker, units)
        utter_whom(dispatcher, tracker, units, question)
    return bool(units)


def utter_whom(dispatcher: CollectingDispatcher, tracker: Tracker, units: Sequence[AnswerUnit], question: str) -> None:
    """"How many days to tell you, and whom?", "how do I send it back?" (coordinate with them): then whom, the store's
    contact, unless the rules gave one."""
    store, language = store_and_language(tracker)
    if not _gives_contact(units, store, language) and (asks_for_contact(question) or any(
            sends_to_people(unit, language) for unit in units)):
        _say_answer(dispatcher, tracker, store.contact)


DAY_OFF_WORDS = 6  # "جمعه‌ها هم تحویل میدین؟", "а в праздники доставляете?": the day is what is asked
# what a rule says of days off or working days: "روزهای کاری", "تعطیلات", "в выходные дни", "рабочий день"
_DAYS_SPOKEN_OF = re.compile(r"تعطیل|جمعه|نوروز|عید|اعیاد|کاری|выходн|праздн|нерабоч|рабоч|суббот|воскрес", re.IGNORECASE)


def _silent_on_the_day(question: str, store: StorePolicy, texts: Sequence[str]) -> bool:
    """Whether a short question asks about a day off (a holiday, or a day of the store's weekend it names: not "заказала
    в прошлую субботу, …", a story's day) and none of the texts that would answer it speaks of days off or working
    days."""
    if not short_follow_up(question, DAY_OFF_WORDS):
        return False
    days = {WEEKDAYS.index(str(found.value)) for found in extract_entities(question, only=frozenset({"weekday"}))
            if str(found.value) in WEEKDAYS}
    asked = asks_about_days_off(question) or bool(days & set(store.rules.week.weekend))
    return asked and not any(_DAYS_SPOKEN_OF.search(text) for text in texts)


def _say_placed_order_change(dispatcher: CollectingDispatcher, store: StorePolicy, units: Sequence[AnswerUnit],
                             language: str) -> None:
    """After a step taken while ordering, for an order placed already: the page's rule for changing one that the step
    names, and a person (the page does not say the step can be taken later)."""
    named = {unit.before_ordering for unit in units}
    change = next((unit for unit in store.units if unit.id in named and unit not in units), None)
    if change is not None:
        rule = answers.rule_alone(change.text[language])  # type: ignore[index]
        said = render("unit.order_placed", language, rule=rule[:1].lower() + rule[1:])  # type: ignore[arg-type]
        dispatcher.utter_message(text=said, sources=cited([change]))
    if not any(unit.offers_person for unit in units):
        offer_person(dispatcher, language)


PLACED_ALONE_WORDS = 6  # "а я уже оформил, что теперь": told in so few words, it leans on the step just given


def placed_before_the_step(dispatcher: CollectingDispatcher, tracker: Tracker) -> bool:
    """"а я уже оформил, что теперь" right after a step taken while ordering (the recipient named in the comment), read
    as an order to look up: of an order placed, the page's rule for changing it and a person; True when said."""
    question = question_text(tracker)
    if not already_ordered(question) or latest_entity(tracker, "order_id") is not None or not short_follow_up(
            question, PLACED_ALONE_WORDS):
        return False
    steps = [unit for unit in _rules_said_before(tracker) if unit.before_ordering]
    if not steps:
        return False
    store, language = store_and_language(tracker)
    _say_placed_order_change(dispatcher, store, steps, language)
    return True


def _past_its_window(dispatcher: CollectingDispatcher, store: StorePolicy, question: str, units: Sequence[AnswerUnit],
                     language: str) -> bool:
    """"و اگه ده روز بعد خراب شه؟" after the 7 days to return a faulty item, "و اگه ۳ ساعت گذشته بود چی؟" after the 2
    hours to report a dent: no, that moment is past the rule's span (not the rule's "yes" again), and what the page
    says follows the span ("after that, no liability"); True when said."""
    span = span_on(question) if what_if(question) and not past_the_span(question) else None  # "а если прошло 100
    # часов, а денег нет?" after the bank's 72 hours is no question of whether the span holds
    supposed = Window(*span) if span is not None else None  # type: ignore[arg-type]
    across = reason_from(None, question) is None  # "а если через 5 дней сломался …" tells a fault of its own, which the
    # 24 hours for transport damage said before are not counted against
    unit = next((unit for unit in units if supposed is not None and unit.within is not None
                 and _longer(supposed, unit.within, across)), None)
    if unit is None or supposed is None or unit.within is None:
        return False
    said = answers.past_window(unit.text[language], unit.within, supposed, language)  # type: ignore[index,arg-type]
    dispatcher.utter_message(text=said, sources=cited([unit]))
    say_units(dispatcher, after_its_span(unit, store), language)
    return True


WORKING_DAYS_MARGIN = 3  # days off (weekends, holidays) a span of days may hold beyond five working days a week


def _longer(supposed: Window, within: Window, across: bool = True) -> bool:
    """Whether a span supposed is past a rule's: in the same unit, longer; in days against hours, longer counted in
    hours; in days against working days, longer even if every week had two days off and a few holidays fell in it
    ("دو هفته" against 7 working days)."""
    if supposed.unit == within.unit:
        return supposed.amount > within.amount
    if not across:  # (`across`: spans of different units are compared at all)
        return False
    if supposed.unit == "days" and within.unit == "hours":  # "اگه دو روز گذشته بود؟" after 24 hours to tell of damage
        return supposed.amount * 24 > within.amount
    return (supposed.unit == "days" and within.unit == "working_days"
            and supposed.amount > within.amount * 7 / 5 + WORKING_DAYS_MARGIN)


def utter_free_shipping_after_return(dispatcher: CollectingDispatcher, tracker: Tracker,
                                     units: Sequence[AnswerUnit], returned: bool = False) -> None:
    """"Bought two for 3.2 million, shipped free; I return the 1.4 million one: all my money back?" after the rule that
    deducts the shipping when the free-shipping condition breaks: that order's total and the item's price compared.
    `returned`: the message asks what sending an item back does, so that rule is said first when no other brought it."""
    store, language = store_and_language(tracker)
    amounts = _amounts_told(_not_a_bound((tracker.latest_message or {}).get("entities") or [], question_text(tracker)))
    told_here = bool(amounts)
    if len(amounts) == 1:  # "اگه به جاش فقط اون بادی اسپلش ۲۰۰ تومنی رو پس بدم چی؟" after a total and an item told,
        before = _amounts_told((recent_entities(tracker)[1:2] or [[]])[0])  # or "۵۰۰ تومنیشو پس بدم چی؟" after
        # "بشه ۲ میلیون و ۳۰۰ چی؟": this item, of that total (one amount before: the total it made, the conversation's)
        total = before[1] if len(before) == 2 else as_number(amount_before(tracker)) if before else None
        if total is not None and amounts[0] < total:
            amounts, told_here = [amounts[0], total], False
    if returned and not amounts:  # "بعد اگه کرمه رو پس بدم چی میشه؟" after "and a 300-thousand cream?" brought the
        amounts = _total_and_item_told(tracker)  # order to 2.1 million: that total and that item
    unit = next((unit for unit in units if unit.free_shipping_kept), None)
    # "کل خریدم دو میلیون و صد بود و ارسالش رایگان شد، این یکی ۶۰۰ تومنه. اگه پسش بدم چی میشه؟" (not "a 400 lipstick
    # and a 3-million perfume: if I return one?", two prices side by side)
    whole = not told_here or names_a_total(question_text(tracker))
    if unit is None and returned and len(amounts) == 2 and whole:
        unit = next((unit for unit in store.units if unit.free_shipping_kept), None)
        say_units(dispatcher, [unit] if unit else [], language)
    if unit is None or len(amounts) != 2 or not whole:
        return
    said = answers.free_shipping_after_return(amounts[1], amounts[0], store, language)  # type: ignore[arg-type]
    if said:
        dispatcher.utter_message(text=said, sources=cited([unit]))


def _utter_refund_after_cost(dispatcher: CollectingDispatcher, tracker: Tracker, units: Sequence[AnswerUnit]) -> None:
    """"یه ماوس ۸۰۰ هزار تومنی … پست برگشتش ۹۰ تومن میشه، چقد برمیگرده؟" after the rule that takes the return's cost
    off the refund (or after another of a return's rules, that one said first): the price less that cost."""
    store, language = store_and_language(tracker)
    unit = next((unit for unit in units if unit.deducts_return_cost), None)
    entities = (tracker.latest_message or {}).get("entities") or []
    told = [(int(entity["start"]), as_number(entity.get("value"))) for entity in entities
            if entity.get("entity") == "amount" and "start" in entity and as_number(entity.get("value")) is not None]
    found = price_and_cost(question_text(tracker), told)  # type: ignore[arg-type]
    if found is None or not any(unit.topic in (*RETURN_TOPICS, "refund_time") for unit in units):
        return
    if unit is None:
        unit = next((unit for unit in store.units if unit.deducts_return_cost), None)
        if unit is None:
            return
        say_units(dispatcher, [unit], language)
    dispatcher.utter_message(text=answers.refund_after_return_cost(*found, store, language),  # type: ignore[arg-type]
                             sources=cited([unit]))  # type: ignore[list-item]


# "… جمعش میره زیر ۲ میلیون", "сумма станет меньше 2 млн": an amount the total is compared with, not one told (not
# "یه کرم زیر ۳۰۰ تومن", an item's price)
_BELOW = re.compile(r"(?:جمع|کل|مجموع|سبد|سفارش|مبلغ|خرید|сумм|итог|всего|заказ)\S*(?:\s+\S+){0,4}\s+"
                    r"(?:زیر|کمتر از|پایین\S* از|پایین|ниже|меньше|менее|(?<!\w)до)\s*$", re.IGNORECASE)
BOUND_BEFORE = 40  # characters before an amount in which the total is compared with it


def _not_a_bound(entities: Sequence[Dict[Text, Any]], text: str) -> list[Dict[Text, Any]]:
    """A message's entities without an amount said as what a total falls below, beside other amounts ("یکیشو که ۵۰۰
    تومنه پس بدم … جمعش میره زیر ۲ میلیون": the 500 thousand, of the total told before)."""
    bounds = [entity for entity in entities if entity.get("entity") == "amount" and "start" in entity
              and _BELOW.search(text[max(0, int(entity["start"]) - BOUND_BEFORE):int(entity["start"])])]
    kept = [entity for entity in entities if entity not in bounds]
    return kept if any(entity.get("entity") == "amount" for entity in kept) else list(entities)


def _amounts_told(entities: Sequence[Dict[Text, Any]]) -> list[float]:
    """The amounts a message's entities name, smallest first, each once ("یه ادکلن ۶۰۰ تومنی … کل ۶۰۰ تومن برمیگرده؟")."""
    return sorted({amount for entity in entities
                   if entity.get("entity") == "amount" and (amount := as_number(entity.get("value"))) is not None})


def _total_and_item_told(tracker: Tracker) -> list[float]:
    """The conversation's order total (the amount kept, a sum the customer brought it to) and the one price the
    customer's message before named below it, smallest first; empty when either is not known."""
    total = as_number(tracker.get_slot("amount"))
    told = _amounts_told((recent_entities(tracker)[1:2] or [[]])[0])
    return [told[0], total] if total is not None and len(told) == 1 and told[0] < total else []


def other_unit_asked(dispatcher: CollectingDispatcher, tracker: Tracker) -> bool:
    """"این ۱۰ میلیون به ریال دقیقا چقد میشه؟" at a store that counts in toman: the amount said (else the one the
    conversation kept) in toman and in rial; True when said."""
    store, language = store_and_language(tracker)
    if store.currency != "toman" or not asks_in_the_other_unit(question_text(tracker)):
        return False
    amount = as_number(latest_entity(tracker, "amount")) or (
        as_number(tracker.get_slot("amount")) if refers_back(question_text(tracker)) else None)
    if amount is None:
        return False
    dispatcher.utter_message(text=answers.in_both_units(amount, language))  # type: ignore[arg-type]
    return True


def utter_next_working_day(dispatcher: CollectingDispatcher, tracker: Tracker, units: Sequence[AnswerUnit]) -> None:
    """"جمعه شب کارت به کارت کردم، کی تایید میشه؟" after a rule done on working days only: the day named, when the store
    does not work on it (its weekend, a public holiday), and the first working day after it."""
    if not any(unit.working_days_only for unit in units):
        return
    store, language = store_and_language(tracker)
    now = local_now(store)
    named, _, _ = moments_said((tracker.latest_message or {}).get("entities") or [], now, question_text(tracker))
    if named is not None and not is_working_day(named.date(), store.rules.week):
        working = next_working_day(named.date(), store.rules.week)
        dispatcher.utter_message(text=answers.next_working_day_said(named, working, now, language))  # type: ignore[arg-type]


def _gives_contact(units: Sequence[AnswerUnit], store: StorePolicy, language: str) -> bool:
    """Whether the rules said already give a contact (the store's phone or address, or another's they send one to:
    SnappPay's line for its refunds), so the store's is not said beside it."""
    return store.contact is None or _names_a_contact(units, language)


def _names_a_contact(units: Sequence[AnswerUnit], language: str) -> bool:
    """Whether the rules give a phone number or an e-mail address of their own."""
    said = to_ascii_digits("\n".join(unit.text[language] for unit in units))  # type: ignore[index]
    return re.search(r"\d[\d-]{5,}\d|\S+@\S+", said) is not None


def utter_deadline(dispatcher: CollectingDispatcher, tracker: Tracker, units: Sequence[AnswerUnit],
                   earlier: bool = False) -> bool:
    """"پول از کارتم کم شد، دیروز ظهر بود": a rule's span ("within 72 hours") counted from the moment the latest
    message names (`earlier`: the message before, for "یعنی تا کی؟" asked again after it); True when said. Hours need
    an hour or a part of the day, not a day alone; "اگه بعد ساعت ۱۰ خبر بدم چی میشه" (what if I tell you late) names no
    moment the span began."""
    unit = next((unit for unit in units if unit.within is not None), None)
    question = question_text(tracker)
    if unit is None or unit.within is None or (what_if(question) and not asks_until_when(question)):
        return False
    store, language = store_and_language(tracker)
    now = local_now(store)
    told = (list(zip(recent_entities(tracker)[1:EARLIER], recent_texts(tracker)[1:EARLIER])) if earlier
            else [((tracker.latest_message or {}).get("entities") or [], question)])
    start, timed, present = None, False, now
    for entities, text in told:  # the latest earlier message that names a moment ("دیشب ساعت ده ... تا کی باید صبر
        start, timed, present = moments_said(entities, now, text)  # کنم؟" sent as two parts: the first names it)
        if start is not None:
            question = text
            break
    hour = day_part(question)
    if start is not None and not timed and hour is not None:
        start, timed = start.replace(hour=hour, minute=0), True  # "دیروز ظهر": the day's noon, said
    if start is None:
        return False
    if unit.within.unit == "hours" and not timed:  # a day alone: the span counted from its last minute, said only
        start = start.replace(hour=23, minute=59, second=0, microsecond=0)  # when over even so ("چهار روز پیش بوده")
    closes = window_deadline(start, unit.within, ZoneInfo(store.timezone), store.rules.week)
    if unit.within.unit == "hours" and not timed and not answers.span_over(closes, present):
        return False
    dispatcher.utter_message(text=answers.deadline_from_moment(start, timed, unit.within, closes, present, language),  # type: ignore[arg-type]
                             sources=cited([unit]))
    if past_the_span(question_text(tracker)):  # "… اگه پسفردا ظهر نیومد چی": what then the page does not say
        dispatcher.utter_message(response="utter_topic_not_covered")
    elif answers.span_over(closes, present):  # "four days on, still not back": what the page says follows the span
        say_units(dispatcher, after_its_span(unit, store), language)  # ("فقط ۳ ساعت گذشته" after the 2 hours'
        # check: no liability then; not another span)
        offer_person(dispatcher, language)  # and a person
    return True


def utter_window(dispatcher: CollectingDispatcher, tracker: Tracker, store: StorePolicy, language: str,
                 question: str, steps: bool = False) -> bool:
    """"Got the printer on 3 Mehr, until when can I test it?", "came yesterday at 5 pm, it is 10 now: still in
    time?": the window counted from the day (and hour) the customer gives; the page's rule after it when the window
    has passed, and with `steps` (no rule said beside it) also while it is open: what to do in the time left."""
    entities = own = (tracker.latest_message or {}).get("entities") or []
    now = local_now(store)
    # "الان ساعت ۴ عصره، دیر نشده؟" after "came last night at 9": that moment, and now (a message that tells both
    # needs no earlier one); "یعنی دقیقا تا ساعت چند وقت دارم؟" after it: that moment's window
    # (of an arrival told, not the day it was ordered)
    again = (not moments_told(own, now) and asks_until_when(question)
             and any(says_received(text) or tells_arrival(text) for text in recent_texts(tracker, 3)[1:]))
    gone_by = any(str(entity.get("value")).startswith(MINUTES_AGO) for entity in own)  # "الان ۵ ساعت گذشته": the
    if (says_now(question) or again) and len(moments_told(entities, now)) < 2 and not gone_by:  # arrival, counted back
        entities = [{key: value for key, value in entity.items() if key != "start"}  # their offsets are not this text's
                    for earlier in reversed(recent_entities(tracker)[1:]) for entity in earlier] + entities
    received, timed, present = moments_said(entities, now, question)
    hour = part_of_day_told(question) if moments_told(own, now) else None
    if received is not None and not timed and hour is not None:  # "دیروز صبح تحویل گرفتم": that morning
        received, timed = received.replace(hour=hour, minute=0), True
    said = [question, *recent_texts(tracker)[1:4]]  # "got it the day before yesterday: too late?" after the damage
    reason = next((found for text in said if (found := window_reason(text))), None) if received else None
    if received is None or reason is None:
        return False
    window = window_from(received, timed, reason, store)
    if window is None and not timed:  # "got it the day before yesterday" and a window of hours: closed even if it
        latest = window_from(received.replace(hour=23, minute=59), True, reason, store)  # came at the day's end
        window = latest if latest is not None and latest[1] < present else None
    if window is None:
        return False
    dispatcher.utter_message(text=answers.window_from_moment(received, timed, *window, present, language))  # type: ignore[arg-type]
    if window[1] < present or steps:  # what the page says follows
        _say_ground_rule(dispatcher, store, reason, language)
    return True


def _say_ground_rule(dispatcher: CollectingDispatcher, store: StorePolicy, reason: Optional[Reason], language: str) -> None:
    """The page's rule for a return reason whose window was just counted (passed, or with what to do in it)."""
    ground = store.rules.returns.grounds.get(reason) if store.rules.returns and reason else None
    if ground is not None and ground.conditions:
        dispatcher.utter_message(text=answers.rule_line(ground, language), sources=cited([ground]))  # type: ignore[arg-type]


def span_passed_supposed(dispatcher: CollectingDispatcher, tracker: Tracker) -> bool:
    """"а если бы заметила только через 9 дней?" right after a rule of a span of days (or one answer later: "and the
    gift paper?" may come between), whatever the classifier read (a delivery's time): that day is past the span; True
    when said."""
    store, language = store_and_language(tracker)
    units = _rules_cited_before(tracker, 2)
    return _past_its_window(dispatcher, store, question_text(tracker), [*units, *_windows_decided_before(tracker)],
                            language)


def _windows_decided_before(tracker: Tracker) -> list[AnswerUnit]:
    """The rules that give the window of a return decided in the last two answers (an order's decision cites its
    ground's sentences, not a rule): "اگه ۹ روز بعد از تحویل خبر میدادم؟" after it is asked of that window."""
    store = current_store(tracker)
    sentences = {source.get("sentence") for source in _sources_before(tracker, 2)}
    grounds = [ground for ground in (store.rules.returns.grounds.values() if store.rules.returns else ())
               if ground.window is not None and sentences.intersection(ground.sources)]
    return [unit for ground in grounds for unit in store.units if unit.within == ground.window
            and unit.topic in RETURN_TOPICS]


def window_supposed(dispatcher: CollectingDispatcher, tracker: Tracker) -> bool:
    """"اگه تا شنبه صبح طول بکشه تا زنگ بزنم چی؟" after "got it on Thursday at 6 pm, cracked": the window of the reason
    told in the last messages (else of the rule with a span just said), counted from the moment they gave, against the
    one moment this what-if supposes (its first such day after the delivery); True when said."""
    question = question_text(tracker)
    if not what_if(question):
        return False
    store, language = store_and_language(tracker)
    now = local_now(store)
    moments = moments_told((tracker.latest_message or {}).get("entities") or [], now)
    ahead = days_ahead(question)
    if ahead is not None and not any(day for day, _ in moments):  # "اگه فردا ظهر زنگ بزنم دیر نیست؟": that day's date
        day = (now + timedelta(days=ahead)).date()
        moments = [(f"gregorian:{day.month}-{day.day}", next((clock for _, clock in moments if clock), None))]
    if len(moments) == 1 and tells_arrival(question):  # "اگه ۵ روز پیش تحویل گرفته بودم چی؟": the delivery supposed,
        return utter_window(dispatcher, tracker, store, language, question, steps=True)  # its window counted to now
    earlier = next(((entities, text) for entities, text in zip(recent_entities(tracker)[1:], recent_texts(tracker)[1:])
                    if moments_told(entities, now) and not what_if(text)), None)  # a moment told, not supposed
    if len(moments) != 1 or earlier is None:
        return False
    received, timed, _ = moments_said(earlier[0], now, earlier[1])
    reason = next((found for text in recent_texts(tracker)[1:] if (found := window_reason(text))), None)
    window = window_from(received, timed, reason, store) if received is not None and reason is not None else None
    spanned = next((unit for unit in _rules_said_before(tracker)  # a span counted from the delivery (not the bank's
                    if unit.within is not None and unit.topic in RETURN_TOPICS), None)  # 72 hours)
    if window is None and received is not None and spanned is not None:  # "اگه تا شنبه بعد عصر خبر بدم چی؟" after
        span = spanned.within  # the test period's
        window = (span, window_deadline(received, span, ZoneInfo(store.timezone), store.rules.week))  # type: ignore[arg-type]
    day, clock = moments[0]
    if received is None or window is None:
        return False
    supposed: Optional[datetime]
    if day is None and clock and timed and not past_an_hour(question):  # "اگه ساعت ۲ و نیم گفته بودم چی؟" after "came
        supposed = hour_supposed(clock, received, now, day_part(question) is not None, counterfactual(question))
    else:
        supposed = supposed_moment(day, clock, received, day_part(question), timed, next_week(question))
    if supposed is None:
        return False
    dispatcher.utter_message(text=answers.window_supposed(received, timed, *window, supposed, now, language))  # type: ignore[arg-type]
    if supposed > window[1] and reason is not None:  # what the page says of a late report
        _say_ground_rule(dispatcher, store, reason, language)
    elif supposed > window[1] and spanned is not None:  # "اگه ساعت ۸ شب خبر بدم چی میشه؟" after the 2 hours' check
        say_units(dispatcher, after_its_span(spanned, store), language)
    return True


def window_asked_now(dispatcher: CollectingDispatcher, tracker: Tracker) -> bool:
    """"یک ساعت و نیم پیش گرفتم، هنوز وقت دارم؟", "сейчас 4 часа дня, не поздно?", or the moment alone ("получил уже
    часов пять назад..."): the window of the reason said in the last messages, counted from the moment given to now,
    whatever the classifier read; True when said."""
    question = question_text(tracker)
    store, language = store_and_language(tracker)
    # "получил уже часов пять назад...", "حدود سه ساعت پیش تحویلش گرفتم" (not "… پریروز تحویل گرفتم …، مرجوعی ثبت
    # میکنید؟", which asks something else)
    short = (short_follow_up(question, ASKS_ALONE_WORDS) or (says_received(question) or corrects(question)
                                                            and tells_arrival(question))
             and not re.search(r"[?؟]", question))  # "نه ببخشید اشتباه گفتم امروز صبح رسید نه دیروز": counted again
    told = short and bool(moments_told((tracker.latest_message or {}).get("entities") or [], local_now(store)))
    if not (says_now(question) or asks_if_still_in_time(question) or told):
        return False
    return utter_window(dispatcher, tracker, store, language, question, steps=True)


def status_asked_for(tracker: Tracker) -> bool:
    """"когда привезут?", "хочу понять когда курьера ждать" while the order whose status was asked is being asked for:
    the same question, which the order's look-up answers (not "not covered" where the page gives no times); a longer
    time question ("how long does express take in general?", "slower near Nowruz?") asks the store's rule."""
    intent = ((tracker.latest_message or {}).get("intent") or {}).get("name")
    return (tracker.get_slot("purpose") == "order_status" and tracker.get_slot("requested_slot") in ("order_id", "phone")
            and (intent == "order_status" or intent == "delivery_time" and short_follow_up(question_text(tracker)))
            and latest_entity(tracker, "city") is None)


def refused_with_reason_before(dispatcher: CollectingDispatcher, tracker: Tracker, sealed: Optional[bool]) -> bool:
    """The reason given in the last few messages, with the seal state the latest one tells, refused whatever the
    order: said, with the rule; True when it was."""
    reason = next((found for text in recent_texts(tracker, 3) if (found := reason_from(None, text)) is not None), None)
    store, language = store_and_language(tracker)
    return say_refused(dispatcher, reason, refused_for_any_order(reason, sealed, store) if reason else None, language)


def refused_what_if(dispatcher: CollectingDispatcher, tracker: Tracker) -> bool:
    """"и последнее: а если получу и вскрою упаковку?" after a change of mind: the opened seal's refusal; True when said."""
    question = question_text(tracker)
    return what_if(question) and sealed_from(None, question) is False and refused_with_reason_before(
        dispatcher, tracker, False)


def fault_what_if(dispatcher: CollectingDispatcher, tracker: Tracker) -> bool:
    """"اگه خراب باشه چی؟ اونم نمیشه؟" after a change of mind refused whatever the order (a printer, a large item): the
    rule of the fault now supposed, which another reason's refusal says nothing of; True when said."""
    question = question_text(tracker)
    reason = reason_from(None, question)
    if not what_if(question) or reason not in FAULTS or tells_misuse(question):  # ("اگه خودم نصبشو اشتباه انجام بدم
        return False  # و خراب شه چی؟": a fault of one's own making, whose own rule answers)
    told, earlier = next(((text, found) for text in recent_texts(tracker, 3)[1:]
                          if (found := reason_from(None, text)) is not None), ("", None))
    store, language = store_and_language(tracker)
    ground = store.rules.returns.grounds.get(reason) if store.rules.returns else None
    if (earlier != "change_of_mind" or ground is None
            or not refused_for_any_order("change_of_mind", sealed_from(None, told), store, told)):
        return False
    dispatcher.utter_message(text=answers.rule_line(ground, language), sources=cited([ground], "returns"))  # type: ignore[arg-type]
    return True


_SEAL = re.compile(r"پلمپ|پلمب|пломб|seal", re.IGNORECASE)  # a page's sentence that turns on the seal


def refusal_stands(dispatcher: CollectingDispatcher, tracker: Tracker) -> bool:
    """"یعنی هیچ راهی نداره؟ فقط دو بار زدم" after a return refused whatever the order (an opened perfume, no change
    of mind): the answer stands, a person can look at it, and the page's way to ask all the same; asked why ("چرا
    آخه؟ فقط یه پیس زدم"), the rule's reason first. True when said."""
    question = question_text(tracker)
    why = asks_why(question)
    if not (why or asks_what_now(question)):
        return False
    texts = recent_texts(tracker, 3)
    reason = next((found for text in texts if (found := reason_from(None, text)) is not None), None)
    sealed = next((found for text in texts if (found := sealed_from(None, text)) is not None), None)
    store, language = store_and_language(tracker)
    refused = refused_for_any_order(reason, sealed, store) if reason is not None else None
    if refused is None:
        return False
    rule = answers.rule_line(refused[0], language) if why else None  # type: ignore[arg-type]
    dispatcher.utter_message(text="\n".join(filter(None, (rule, answers.refused_again(store, language)))),  # type: ignore[arg-type]
                             buttons=human_button(language))  # type: ignore[arg-type]
    return True


def what_follows(dispatcher: CollectingDispatcher, tracker: Tracker) -> bool:
    """"الان حدود ۳۰ ساعت گذشته، دیگه هیچ کاری نمیشه کرد؟" right after "report it within 24 hours": what the page says
    follows that rule (its next step: clear evidence after the 24 hours), not "out of scope"; True when said."""
    if not asks_what_now(question_text(tracker)):
        return False
    before = _rules_said_before(tracker)
    store, language = store_and_language(tracker)
    steps = [step for unit in before if unit.next_step for step in store.units
             if step.id == unit.next_step and step not in before]
    say_units(dispatcher, steps[:1], language)
    return bool(steps)


def sealed_follow_up(dispatcher: CollectingDispatcher, tracker: Tracker) -> bool:
    """"و اگه باز نکرده بودمش؟", "а вторые я не вскрывала, их можно?", "а если бы … ее еще не доставили?" after a
    return for a reason told before: the rule of that reason for an item still sealed, or not yet delivered (read with
    the reason's name, which the question leaves out); True when said."""
    question = question_text(tracker)
    before_delivery = what_if(question) and not_delivered_yet(question)  # "а если бы … ее еще не доставили?"
    if not (sealed_from(None, question) is True or before_delivery) or reason_from(None, question) is not None:
        return False
    asked = what_if(question) or rules_question(None, question)
    # "نه بازش نکردم، پلمپه" told after a rule that turns on the seal (no form asked it): the answer to that rule
    told = not asked and any(_SEAL.search(source.get("sentence") or "") for source in _sources_before(tracker))
    if not (asked or told):
        return False
    told_with = next(((text, found) for text in recent_texts(tracker, 3)[1:]
                      if (found := reason_from(None, text)) is not None), None)
    if told_with is None:
        return False
    before, reason = told_with
    store, language = store_and_language(tracker)
    # "یه کولر گازی هم دارم که هنوز پلمپه، اونو میشه؟": a kind of item the reason excludes is refused, sealed or not;
    # so is the one told with the reason ("پرینتر رسید ولی پشیمون شدم" then "اگه پلمپ باشه چی؟")
    refused = refused_for_any_order(reason, True, store, f"{before} {question}",
                                    delivered=not not_delivered_yet(question))
    said = say_refused(dispatcher, reason, refused, language) or utter_units(
        dispatcher, tracker, f"{render(f'reason.{reason}', language)} {question}", ["return_request"])  # type: ignore[arg-type]
    if said and refused is None and store.rules.returns is not None and not not_delivered_yet(question):  # taken
        # back: how, as the next step (not before delivery, when nothing is sent back)
        dispatcher.utter_message(text=answers.how_to_return(store, language))  # type: ignore[arg-type]
    return said


def offer_person_for_limit(dispatcher: CollectingDispatcher, question: str, units: Sequence[AnswerUnit],
                           store: StorePolicy, language: str) -> bool:
    """"حداقل مبلغ برای قسطی چقدره؟" answered by rules that name no figure, "طبقه دوم پول اضافه میگیرین؟ چقدر؟" by
    rules that name no price: the page does not give it, a person may; True when said (or the rules offer one)."""
    if not units or any(unit.offers_person for unit in units):
        return bool(units)
    texts = [unit.text[language] for unit in units]  # type: ignore[index]
    amount = _HOW_MUCH.search(question) is not None  # "دقیقا چقدر میشه؟": who pays is no amount
    if asks_a_price(question) and not any(_PRICE.search(text) or not amount and _NO_CHARGE.search(text) for text in texts):
        none = render("price.not_given", language, store=store.name[language])  # type: ignore[arg-type,index]
        dispatcher.utter_message(text=none)
        offer_person(dispatcher, language)
        return True
    if asks_a_limit(question) and not any(_FIGURE.search(text) for text in texts):
        offer_person(dispatcher, language)
        return True
    return False


def say_refused(dispatcher: CollectingDispatcher, reason: Optional[Reason], refused: Optional[tuple[ReturnGround, str]],
                language: str) -> bool:
    """The refusal of a return for any order, with the page's sentence for the console; False when there is none."""
    if refused is None or reason is None:
        return False
    ground, why = refused
    dispatcher.utter_message(text=answers.refused_for_any_order(ground, reason, why, language),  # type: ignore[arg-type]
                             sources=cited([ground], "returns"))
    return True


def _sources_before(tracker: Tracker, messages: int = 1) -> list[dict[str, str]]:
    """The page's sentences (`cited`) behind the assistant's answer to the customer's message before this one (or the
    last few)."""
    return sources_of(replies_before(tracker, messages))


def _units_said_before(tracker: Tracker, messages: int = 1) -> set[str]:
    """The rules (unit ids) the assistant's answer to the customer's message before this one (or the last few) gave."""
    return {source.get("unit") for source in _sources_before(tracker, messages)}  # type: ignore[misc]


def _rules_cited_before(tracker: Tracker, messages: int = 1) -> list[AnswerUnit]:
    """The store's rules the answer before (or the last few) gave, or whose page sentences it cited (a return refused
    for any order cites the hygiene rule's sentence), for a follow-up that goes on with their topic."""
    sources = _sources_before(tracker, messages)
    said, sentences = {source.get("unit") for source in sources}, {source.get("sentence") for source in sources}
    return [unit for unit in current_store(tracker).units if unit.id in said or sentences.intersection(unit.sources)]


def _rules_said_before(tracker: Tracker, messages: int = 1) -> list[AnswerUnit]:
    """The store's rules (`_units_said_before`) that the answer before this message (or the last few) gave."""
    said = _units_said_before(tracker, messages)
    return [unit for unit in current_store(tracker).units if unit.id in said]


def topics_said_before(tracker: Tracker, messages: int = 2) -> list[str]:
    """The topics of the rules the last answers gave, in the page's order: what an unplaced question may go on with."""
    return list(dict.fromkeys(unit.topic for unit in _rules_said_before(tracker, messages)))


def follow_up_answered(dispatcher: CollectingDispatcher, tracker: Tracker, unsure: bool = True) -> bool:
    """"ایرانیا چطور؟" right after "عطرای خارجیتون چقدر تا انقضا دارن؟", "а если по дороге разобьётся?", "اگه تایید
    کنن؟" after what follows a fault the experts do not confirm: a few words, or an "and if …", that lean on the
    question before, answered by its topic's rules; True when said. Where the classifier was sure of a topic the page
    is silent on (not `unsure`), a full "and if …" is read with the question before only when it asks what would differ
    ("اگه روز عادی خریده بودم فرقی میکرد؟"), else alone ("а если бы получил и передумал, сколько дней?")."""
    question, texts = question_text(tracker), recent_texts(tracker, 2)
    another = asks_another_way(question)
    if (not question or len(texts) < 2 or not (short_follow_up(question) or what_if(question) or another)
            or past_the_span(question)):
        return False  # ("اگه بعد ۷۲ ساعت برنگشت؟": its rules say nothing past their span)
    # the topic asked before, then the topics of the rules that answered it ("а если с карты брата?" after the refund's
    # card, while a return of the order is offered); a few words read with the question before, an "and if …" first
    # on its own ("а если оплачивал с карты брата?"), then with it where it may lean
    topic = earlier_topic(tracker)
    leans = short_follow_up(question) or unsure or asks_what_differs(question)
    readings = ([f"{texts[1]} {question}"] if short_follow_up(question) or another
                else [question, f"{texts[1]} {question}"][:1 + leans])
    return any(utter_units(dispatcher, tracker, reading, earlier)
               for reading in readings for earlier in ([topic] if topic else [], topics_said_before(tracker, 1)) if earlier)


def case_follow_up(dispatcher: CollectingDispatcher, tracker: Tracker, own: str) -> bool:
    """"и что надо сделать" after "меня не будет дома, брат будет", read as how to order: what to do is the rule of the
    case told before (of another topic than `own`), not this topic's; True when said."""
    question, texts, earlier = question_text(tracker), recent_texts(tracker, 2), earlier_topic(tracker)
    return (asks_what_to_do(question) and earlier is not None and earlier != own and len(texts) == 2
            and utter_units(dispatcher, tracker, f"{texts[1]} {question}", [earlier]))


def _only_said_before(tracker: Tracker, units: Sequence[AnswerUnit], messages: int = 1) -> bool:
    """Whether every rule chosen was already the answer before (or one of the last `messages` answers): said again, it
    would not answer anything new."""
    return bool(units) and {unit.id for unit in units} <= _units_said_before(tracker, messages)


def _says_nothing_past(tracker: Tracker, units: Sequence[AnswerUnit]) -> bool:
    """Whether the rules chosen for "and if it isn't back by then?" say nothing past the span just given: a rule of
    the last two answers again ("و اگه بازم اون موقع خونه نبودم؟" after the time slot and the courier's call), or a
    rule of another topic than the one asked before (the refund's 24–72 hours after the bank's 72)."""
    earlier = earlier_topic(tracker)
    return _only_said_before(tracker, units, 2) or bool(earlier) and all(unit.topic != earlier for unit in units)


# a span named again with a word that points back at it: "اون ۲۴ ساعتی که گفتی", "эти 72 часа", "те 7 дней"
_SPAN_RECALLED = re.compile(r"(?:(?<!\w)(?:اون|همون|این|همین|эти|этих|те|тех|этот|тот)\s+(?P<n>\d+)\s*(?P<unit>ساعت|روز|час|дн|день|сут)"
                            r"|(?P<n2>\d+)\s*(?P<unit2>ساعت|روز)\S*\s+(?:\S+\s+)?(?:که گفتی|که گفتین|که گفتید|که نوشتی|که نوشتین))",
                            re.IGNORECASE)


# a span counted in working time ("۲۴ تا ۷۲ ساعت کاری", "2-3 рабочих дня"), and a day off asked as counted in it or not
_WORKING_SPAN = re.compile(r"(?:روز|ساعت)\S* کاری|рабоч\w* (?:дн\w*|дня|час\w*)", re.IGNORECASE)
_COUNTED = re.compile(r"حساب|جزو|شامل|محسوب|считает|считают|засчитыва|входит|входят|учитыва", re.IGNORECASE)


def days_off_in_the_span(dispatcher: CollectingDispatcher, tracker: Tracker) -> bool:
    """"جمعه هم جزو این ساعتا حساب میشه؟" after a span the page counts in working hours or days: days off are not
    part of it; True when said."""
    question = question_text(tracker)
    if not (asks_about_days_off(question) and _COUNTED.search(question)):
        return False
    language = store_and_language(tracker)[1]
    spans = [(unit, found) for unit in _rules_said_before(tracker)
             if (found := _WORKING_SPAN.search(unit.text[language]))]  # type: ignore[index]
    if not spans:
        return False
    dispatcher.utter_message(text=render("deadline.working_only", language, kind=spans[0][1].group(0)),
                             sources=cited([unit for unit, _ in spans]))
    return True


def span_recalled(dispatcher: CollectingDispatcher, tracker: Tracker) -> bool:
    """"اون ۲۴ ساعتی که گفتی از وقتی تحویل میگیرم حساب میشه؟", "эти 72 часа считаются с какого момента?": the span of
    a rule given in the last answers, named again to ask about it, gets that rule again (it says from when it counts),
    whatever topic the classifier read; True when said."""
    question = question_text(tracker)
    found = _SPAN_RECALLED.search(to_ascii_digits(question))
    if past_the_span(question):  # "а если за эти 72 часа так и не вернулись?": past it, which the rule does not answer
        return False  # again
    if found is None:  # "از وقتی تایید شد حساب میشه؟" right after the refund's 24 to 72 working hours: that rule
        if not asks_when_the_span_starts(question):
            return False
        units = [unit for unit in _rules_cited_before(tracker) if _SPAN_SAID.search(unit.text.get("fa", ""))]
        if len(units) != 1:
            return False
        say_units(dispatcher, units, store_and_language(tracker)[1], question)
        return True
    amount, word = int(found.group("n") or found.group("n2")), (found.group("unit") or found.group("unit2")).lower()
    hours = word in ("ساعت", "час")
    spanned = [unit for unit in current_store(tracker).units if unit.within is not None
               and unit.within.amount == amount and (unit.within.unit == "hours") == hours]
    cited = _rules_cited_before(tracker, 3)
    units = [unit for unit in spanned if unit in cited]
    if not units and asks_when_the_span_starts(question):  # "این ۷ روز از روز خرید حساب میشه؟" after the exceptions
        topics = {unit.topic for unit in cited}  # to the 7-day test: the rule of that span, of the topic just spoken of
        ranked = [match.unit for match in store_index(current_store(tracker)).rank(question)]
        units = sorted((unit for unit in spanned if unit.topic in topics), key=lambda unit: ranked.index(unit)
                       if unit in ranked else len(ranked))
    if not units:
        return False
    say_units(dispatcher, units[:1], store_and_language(tracker)[1], question)
    return True


def deadline_follow_up(dispatcher: CollectingDispatcher, tracker: Tracker) -> bool:
    """"دیروز ظهر بود، تا کی؟" right after a rule with a span: that span counted from the moment named; True when said.
    Not a question whether one is still in time, which the window counted to now answers."""
    question = question_text(tracker)
    if says_now(question) or asks_if_still_in_time(question):
        return False
    units = [unit for unit in _rules_said_before(tracker) if unit.within is not None]
    plain = plainly_answered(question, store_index(current_store(tracker))) if units else None
    if plain is not None and all(plain.topic != unit.topic for unit in units) and not asks_until_when(question):
        return False  # "دیروز سفارش دادم امروز قیمتش کم شده، مابه‌التفاوتشو برمیگردونید؟": a rule of its own asked
    if units and says_the_end_back(question):  # "یعنی تا پس فردا شب؟": counted again from the moment told before
        return utter_deadline(dispatcher, tracker, units, earlier=True)
    return bool(units) and (utter_deadline(dispatcher, tracker, units)  # "یعنی تا کی؟" again: from the moment told before
                            or asks_until_when(question) and utter_deadline(dispatcher, tracker, units, earlier=True))


def received_after_damage_rule(dispatcher: CollectingDispatcher, tracker: Tracker) -> bool:
    """"گرفتمش دیگه 😕" right after the rule for a box damaged at delivery ("do not accept it"): the damage rule for a
    parcel taken already (the 2-hour check, the 24 hours to report), not the same rule again nor "goodbye"; True when
    said. Not when it says when it was taken ("دیروز ساعت ۱۰ صبح تحویل گرفتم"): the window counted from then answers."""
    question = question_text(tracker)
    before = _rules_said_before(tracker)
    store, language = store_and_language(tracker)
    if (not says_received(question) or not any(unit.topic == "damaged_item" for unit in before)
            or moments_told((tracker.latest_message or {}).get("entities") or [], local_now(store))):
        return False
    index, texts = store_index(store), recent_texts(tracker, 2)
    # the rule that answered the message before ("the box is crushed, the courier is here") is the one now past
    past = next((match.unit for match in index.rank(texts[-1]) if match.unit in before), None) if len(texts) > 1 else None
    after = next((match.unit for match in index.rank(question)
                  if match.unit.topic == "damaged_item" and match.unit != past), None)
    if after is None:
        return False
    say_units(dispatcher, with_next_step([after], store), language)
    return True


def bound_follow_up(dispatcher: CollectingDispatcher, tracker: Tracker) -> bool:
    """"а если за 8 млн?" right after "for purchases over 10 million the ID is checked": the rule again for an amount
    it covers, else that it covers only amounts over (or under) its bound; True when said. A price corrected ("ببخشید
    ۹ میلیون و ۸۰۰ بود نه ۱۲") may come a question later."""
    amounts = [float(entity["value"]) for entity in (tracker.latest_message or {}).get("entities") or []
               if entity.get("entity") == "amount"]
    store, language = store_and_language(tracker)
    unit = next((unit for unit in _rules_said_before(tracker, 2) if limits_amount(unit)), None)
    meets = meets_amount(unit, amounts[0]) if unit is not None and len(amounts) == 1 else None
    if unit is None or meets is None:
        return False
    if names_a_return(question_text(tracker)) and any(rule.free_shipping_kept for rule in _rules_said_before(tracker, 2)):
        return False  # "اگه به جاش اون ۲۰۰ تومنی رو پس بدم چی؟": an item's price, of the order total told before
    if meets:
        say_units(dispatcher, [unit], language)
    else:
        _say_bound(dispatcher, unit, amounts[0], store, language)
    return True


def amount_put_right(dispatcher: CollectingDispatcher, tracker: Tracker) -> bool:
    """"ببخشید اشتباه کردم، با گارانتی و ارسال شده ۱۰ میلیون و ۲۰۰ نه ۹.۸" after the ID rule over 10 million, whatever
    its other words were read as: the rule's bound for the amount put right (or, for a rule of any amount, that again);
    not a correction that tells a fault. True when said."""
    question = question_text(tracker)
    return corrects(question) and reason_from(None, question) is None and (
        bound_follow_up(dispatcher, tracker) or amount_corrected(dispatcher, tracker))


def amount_corrected(dispatcher: CollectingDispatcher, tracker: Tracker) -> bool:
    """"ببخشید ۲ میلیون و ۸۰۰ بود نه ۳۰۰. فرقی میکنه؟" right after a rule for any amount ("the bank returns it within
    72 hours"): that the amount changes nothing, with the rule again; True when said."""
    amounts = [entity for entity in (tracker.latest_message or {}).get("entities") or [] if entity.get("entity") == "amount"]
    units = _rules_said_before(tracker)
    if not amounts or not corrects(question_text(tracker)) or not units or any(limits_amount(unit) for unit in units):
        return False
    language = store_and_language(tracker)[1]
    rule = "\n".join(unit.text[language] for unit in units)  # type: ignore[index]
    dispatcher.utter_message(text=render("unit.same_for_any_amount", language, rule=rule), sources=cited(units))  # type: ignore[arg-type]
    return True


_SIDES = {"over": {"fa": "بیش از", "ru": "больше"}, "under": {"fa": "کمتر از", "ru": "меньше"}}


def _say_total_within(dispatcher: CollectingDispatcher, question: str, units: Sequence[AnswerUnit], store: StorePolicy,
                      language: str) -> None:
    """"A 9.8-million phone and a 300-thousand case: is an ID needed?": the sum the rule's bound is met by, which the
    customer did not add up (one amount meets it plainly and needs no line)."""
    unit = next((unit for unit in units if limits_amount(unit)), None)
    if unit is None:  # (most answers: no amounts read again)
        return
    amounts = [float(found.value) for found in extract_entities(question, frozenset({"amount"}))  # ("بالای ۲ میلیون
               if not bounds_a_band(question, {"start": found.start})]  # بشه": the bound reached, no price)
    total = items_total(amounts, question)
    if total is None or not meets_amount(unit, total):
        return
    over, bound = _bound_of(unit)
    dispatcher.utter_message(text=render("unit.total_within", language, side=_SIDES["over" if over else "under"][language],
                                         parts=" + ".join(money(amount, store.currency, language) for amount in amounts),  # type: ignore[arg-type]
                                         amount=money(total, store.currency, language),  # type: ignore[arg-type]
                                         bound=money(bound, store.currency, language)),  # type: ignore[arg-type]
                             sources=cited([unit]))


def _bound_of(unit: AnswerUnit) -> tuple[bool, float]:
    """Whether a rule limited to some amounts is for those over its bound (else under it), and that bound."""
    over = unit.when.amount_over is not None  # type: ignore[union-attr]
    return over, (unit.when.amount_over if over else unit.when.amount_under)  # type: ignore[union-attr,return-value]


def _say_bound(dispatcher: CollectingDispatcher, unit: AnswerUnit, amount: float, store: StorePolicy, language: str) -> None:
    """"This rule is only for amounts over 10 million, and 9.8 million is less; the rule: …"."""
    over, bound = _bound_of(unit)
    rule = answers.rule_alone(unit.text[language])  # type: ignore[index]  # its "yes" was for the bound
    dispatcher.utter_message(text=render("unit.bound_over" if over else "unit.bound_under", language,  # type: ignore[arg-type]
                                         bound=money(bound, store.currency, language),  # type: ignore[arg-type]
                                         amount=money(amount, store.currency, language), rule=rule),  # type: ignore[arg-type]
                             sources=cited([unit]))


WORDS_BEFORE = 4  # the customer's messages whose words name a way of paying for the question after them
SAME_ASKED = 3  # "is it the same for returns?" is read with the two messages before it (a question may come in two parts)


FAULTS = ("defect", "transport_damage", "wrong_item")  # reasons told of a fault, which the damage rules answer


def damage_rules_first(topics: Sequence[str]) -> list[str]:
    """The likely topics with the damage rules first: a fault told asks about them, whatever the message was read as."""
    return ["damaged_item", *(topic for topic in topics if topic != "damaged_item")]


HOURS_A_DAY_PASSES = 12  # a span of fewer hours is over by "the next day", whenever in the day it started


def chosen_units(tracker: Tracker, question: str, topics: Sequence[str], timed: bool = True) -> list[AnswerUnit]:
    """The rules of the conversation's store that answer the question; the city and amount the conversation named
    count where the question names none ("and the address?" after a Tbilisi pickup, "what ID at delivery?" after a
    40-million phone), for every action alike. `timed` False: also those that give no time a "how long?" asks."""
    if not question:
        return []
    earlier = earlier_topic(tracker)
    if earlier and topics and topics[0] != earlier and asks_if_the_same(question):  # "مرجوعی هم همینطوره؟" after a
        # cancel's refund time: that topic's rule, read with what was asked of it
        question = " ".join([*recent_texts(tracker, SAME_ASKED)[:0:-1], question])
        topics = [earlier, *(topic for topic in topics if topic != earlier)]
    # the topic before weighs more than a guess, and an "and if …" leans on it unless its own topic is plain, or it
    # tells a fault that topic is not about ("اگه یه چیز دیگه غیر از اونی که انتخاب کردم فرستاده باشید چی؟" after the
    # batches' looks)
    # ("اوکی حالا اگه بعدا ادکلن ۴۰۰ تومنیشو که پلمپه پس بدم چی میشه؟" after delivery is about the return it names)
    # ("اگه یه سفارش موفق رو خودم لغو کنم اونم همون ۷۲ ساعته برمیگرده؟" after a failed payment's 72 hours: a cancel's)
    # ("راستی اگه فقط بخوام مخلوط کن رو حذف کنم و ماهیتابه بمونه چی؟" after a refund's hours: an edit of the order's)
    first = topics[0] if topics else None  # (a message no intent ranks has no topic of its own)
    own_matter = ((first in RETURN_TOPICS and earlier not in RETURN_TOPICS and names_a_return(question))
                  or (first == "cancel_order" and earlier != "cancel_order" and names_a_cancel(question))
                  or (first == "order_change" and earlier != "order_change"
                      and (removes_an_item(question) or adds_to_order(question))))
    leans = not classifier_sure(tracker) or (what_if(question) and not classifier_sure(tracker, CERTAIN)
                                             and not own_matter)
    if leans and earlier in topics[1:] and (earlier in RETURN_TOPICS or reason_from(None, question) not in FAULTS):
        # of giving an item back, both topics: "هاردم رمز داره، اشکالی نداره؟" after how to post a faulty one back
        lead = [earlier, *(topic for topic in RETURN_TOPICS if topic != earlier)] if earlier in RETURN_TOPICS else [earlier]
        topics = [*lead, *(topic for topic in topics if topic not in lead)]
    if not_delivered_yet(question):  # "can I return it if it hasn't come yet?": the rules for cancelling come first
        topics = ["cancel_order", *topics]
    if money_back_to_a_card(question) or money_after_cancel(question):  # "پولشو به کارت شوهرم بریزین میشه؟", read as
        # a way of paying, "اگه … خودم لغو کنم اونم همون ۷۲ ساعته برمیگرده؟", as a cancel: the refund's rules
        topics = ["refund_time", *(topic for topic in topics if topic != "refund_time")]
    store = current_store(tracker)
    before = _rules_said_before(tracker)
    question = _counted_follow_up(question, before)
    if asks_the_converse(question) and before:  # "برعکسش چی؟": the rule just said, the other way round
        return before
    again = echoed(question, before) if not what_if(question) else []
    if again:
        return again
    hours = next((unit for unit in before if unit.within is not None and unit.within.unit == "hours"
                  and unit.within.amount < HOURS_A_DAY_PASSES), None)
    later = after_its_span(hours, store) if hours is not None and a_day_later(question) else []
    if later:  # "اگه فرداش صبح دیدم چی" after the 2 hours' check: what follows it (no liability), not the crushed box's
        return later
    city, amount = tracker.get_slot("city"), as_number(tracker.get_slot("amount"))
    words_before = "\n".join(recent_texts(tracker, WORDS_BEFORE)[1:])  # a way of paying named earlier counts as named
    chosen = choose_units(question, topics, store_index(store), city, amount, words_before, timed)
    if refund_to_another(question) and not any(match.unit.topic == "refund_time" for match in chosen):
        clause = next((part for part in sentences(question) if refund_to_another(part)), question)
        chosen = [match for match in store_index(store).rank(clause) if match.unit.topic == "refund_time"][:1] or chosen
        # "… موجودی تموم شده بود … میشه بریزین به کارت خواهرم؟": the card the money goes back to, not the story's rule
    if leans and short_follow_up(question) and any(match.unit.topic == earlier for match in chosen):
        chosen = [match for match in chosen if match.unit.topic == earlier]  # "حداقل خریدش چقدره؟" after SnappPay:
        # its minimum, not free shipping's beside it
    story = _story_before(tracker) if not chosen and not classifier_sure(tracker) else None
    if story:  # "… заказ отменили. когда вернут первый платеж и что будет с остальными платежами?": a later question
        # the classifier cannot place alone (not "and where is my order now?") leans on the story told before the first
        chosen = choose_units(f"{story} {question}", topics, store_index(store), city, amount, words_before, timed)
    # "а если будет меньше?" after the expiry's months: a follow-up no rule answers alone, of the topic just answered
    near = (beside_said(question, _rules_cited_before(tracker), store_index(store))  # (not of a matter it names:
            if not chosen and goes_on(question) and not own_matter else None)  # "اگه بخوام کنسلش کنم میشه؟" after days)
    if what_if(question) and len(chosen) > 1:  # "اگه تحویل گرفته بودم بعد خط و خش میدیدم چی؟" after the rule for a
        new = [match for match in chosen if match.unit not in before]  # crushed box: the new rule alone, when it
        chosen = new if any(match.score >= ANSWERS for match in new) else chosen  # answers on its own ("а если
        # повреждение увижу только когда распакую?" after the 24 hours: those again, not the out-of-stock refund beside)
    units = [match.unit for match in chosen] or ([near] if near else [])
    language = store_and_language(tracker)[1]
    if (topics and topics[0] == "delivery_time" and asks_duration(question) and names_shipping(question)
            and not any(names_shipping(unit.text[language]) for unit in units)):  # type: ignore[index]
        return []  # "ارسال به شیراز چند روز طول میکشه؟" where the page gives no delivery time: not the refund's hours
    if timed and not answers_what_is_asked(units, question):
        return []  # "چند روزه برمیگرده؟" after the card the money goes to: no rule gives a time, none answers (nor
        # "هزینه پس فرستادنش با کیه؟" where no rule speaks of a cost)
    # "коробка помятая, я уже расписался и забрал. что делать?": not "do not accept it", the closest rule of its topic
    # for a parcel taken (not "اگه … ضربه خورده بود چیکار کنم؟ دفعه پیش … تحویل گرفتم", a case supposed)
    if says_received(question) and not counterfactual(question) and any(unit.at_the_door for unit in units):
        taken = next((match.unit for match in store_index(store).rank(question)
                      if match.unit.topic == units[0].topic and not match.unit.at_the_door), None)
        units = [unit for unit in units if not unit.at_the_door] or ([taken] if taken else [])
    return with_next_step(units, store)


_DETAIL_ENTITIES = ("amount", "city", "distance", "time", "date", "weekday")  # what a computed answer is computed from


def _counted_follow_up(question: str, said: Sequence[AnswerUnit]) -> str:
    """A short question or a correction with a bare count ("و اگه ۵ تا بود؟", "а если 12?", "نه صبر کن الان شمردم،
    ۵ تاست") right after a rule that counts something (the stairs of a floor) counts that thing: the question with its
    word put in."""
    counted = tuple(noun for unit in said if unit.when for noun in unit.when.counted)
    if not counted or not (short_follow_up(question, ECHO_WORDS) or corrects(question)):
        return question
    told = NO_FIRST.sub("", question)  # the "no" of a correction is no count ("نه" is also nine)
    put = counted_as(told, counted)
    return question if put == told else put


NO_FIRST = re.compile(r"^\W*(?:نه|نخیر|нет)(?!\w)\W*", re.IGNORECASE)


def count_corrected(tracker: Tracker) -> bool:
    """"نه صبر کن الان شمردم، ۵ تاست" right after a rule that counts something: a count put right, which that rule
    answers again (not a plain "no")."""
    question = question_text(tracker)
    return corrects(question) and _counted_follow_up(question, _rules_said_before(tracker)) != question


# words of a supposed case that name nothing of it ("а если …", "اگه … باشه چی؟")
_CASE_WORDS = frozenset("اگه اگر چی چطور چطوری باشه بشه باشد شد شه میشه اونوقت پس حالا و یا هم а если и но то что как "
                        "тогда будет ли бы это а что".split())
CASE_STEM = 5  # a word's first letters, enough to find it inflected in a rule ("срочная" in "при срочной доставке")
CASE_NAMED_WORDS = 3  # a case named in so few words leans on the rule just given


def case_of_the_rule_said(dispatcher: CollectingDispatcher, tracker: Tracker) -> bool:
    """"а если срочная доставка" right after "оплата при получении … при срочной доставке недоступна": a case that the
    one rule just given speaks of, supposed in a short follow-up naming nothing to compute, is answered by that rule
    again (not by the express delivery's days); True when said."""
    question = question_text(tracker)
    words = comparable(question)
    stems = {word[:CASE_STEM] for word in re.findall(r"\w+", words) if len(word) > 2 and word not in _CASE_WORDS}
    if (not what_if(question) or not 0 < len(stems) <= CASE_NAMED_WORDS or reason_from(None, question) is not None
            or re.search(r"\d", words)  # ("و اگه ۵ تا پله باشه؟": a count, which the rule's halves weigh)
            or any(latest_entity(tracker, name) for name in _DETAIL_ENTITIES)):
        return False
    language = store_and_language(tracker)[1]
    texts = [(unit, comparable(unit.text[language])) for unit in _rules_said_before(tracker)]  # type: ignore[index]
    said = [unit for unit, text in texts if all(stem in text for stem in stems)]
    if len(said) != 1:
        return False
    say_units(dispatcher, said, language, question)
    return True


def goes_on_elsewhere(dispatcher: CollectingDispatcher, tracker: Tracker, own: str) -> bool:
    """"а если я получу и вскрою?" after a change of mind, read as this topic: the seal's rule for that reason (no form
    asking). "اگه یکیش کمتر از این بود چی؟" after the expiry's months, read as a delivery time: a follow-up naming
    nothing to compute (no amount, figure, place, time or return reason), leaning on a rule of another topic just
    given, gets the rule its words find with that topic's weight, else that topic's rule that answers it
    (`beside_said`), not this topic's computation; True when it was said. Not "اگه دم عید سفارش بدم دیر میرسه؟", whose
    words find the holidays' rule."""
    question = question_text(tracker)
    if tracker.get_slot("requested_slot") is None and (  # "а если я уже заберу и вскрою упаковку?" after a change of
            refused_what_if(dispatcher, tracker) or sealed_follow_up(dispatcher, tracker)  # mind, read as a pickup:
            or span_recalled(dispatcher, tracker)):  # the opened seal's refusal; "اون ۲۴ ساعتی که گفتی …", read as
        return True  # a price: the rule of that span
    if not goes_on(question):
        return False
    before = _rules_cited_before(tracker)
    question = _counted_follow_up(question, before)  # "و اگه ۵ تا بود؟" after the stairs' rule: stairs, not a figure
    counts = any(unit.when and count_of(question, unit.when.counted) is not None for unit in before)
    if (any(latest_entity(tracker, name) for name in _DETAIL_ENTITIES)
            or not counts and _FIGURE.search(_FLOOR.sub(" ", question))  # "а если добавлю чайник за 180?": a figure
            or reason_from(None, question) is not None):  # to compute with; "а если окажется бракованным?": the return
        return False  # flows' matter
    if not before or any(unit.topic == own for unit in before):
        return False
    store, language = store_and_language(tracker)
    found = [match.unit for match in choose_units(question, [own, *likely_intents(tracker)], store_index(store))]
    if found and found[0].topic == own:
        return False
    units = found or [unit for unit in [beside_said(question, before, store_index(store))] if unit is not None]
    say_units(dispatcher, with_next_step(units, store), language, question_text(tracker))
    return bool(units)


def _story_before(tracker: Tracker) -> Optional[str]:
    """What a message that asked several questions told before its first one ("брал в рассрочку через snapppay, заказ
    отменили."), for a later question that leans on it; None for a message of one question, or no story."""
    number = question_number(tracker)
    texts = recent_texts(tracker, number) if number is not None and number > 1 else []
    told = sentences(texts[-1])[:-1] if len(texts) == number else []
    return " ".join(told) or None


def human_button(language: str) -> list[dict[str, str]]:
    """The way to a person, offered whenever the rules cannot answer."""
    return [{"title": render("button.human", language), "payload": "/human_handoff"}]  # type: ignore[arg-type]


def inspection_asked(dispatcher: CollectingDispatcher, tracker: Tracker) -> bool:
    """"и что проверить когда привезут?", read as a delivery's time or an order's status: the page's rule on a parcel
    that comes damaged closest to the question, which says what to look at and when to tell; True when said."""
    question = question_text(tracker)
    if not asks_what_to_check(question):
        return False
    store, language = store_and_language(tracker)
    units = closest_of("damaged_item", question, store_index(store))
    say_units(dispatcher, with_next_step(units, store), language, question)
    return bool(units)


def tracking_asked_with_order(dispatcher: CollectingDispatcher, tracker: Tracker, told: Sequence[AnswerUnit] = ()) -> bool:
    """"… کد رهگیری کی میاد؟ سفارشم TS-1041" before the phone was asked: after that order's status, which says only
    that a code will come, the page's rule on how the code comes and where it is followed (not the rules the status
    `told` already); True when said."""
    asked = next((text for text in recent_texts(tracker, LOOK_UP_MESSAGES) if asks_about_tracking(text)), None)
    if asked is None:
        return False
    said = {unit.id for unit in [*_rules_said_before(tracker, LOOK_UP_MESSAGES), *told]}
    units = [unit for unit in chosen_units(tracker, asked, ["order_status"])
             if unit.topic == "order_status" and unit.id not in said]
    say_units(dispatcher, units, store_and_language(tracker)[1], asked)
    return bool(units)


def offer_person(dispatcher: CollectingDispatcher, language: str) -> None:
    """"If you like, a colleague answers", with the button: after a rule that leaves the question open or a refusal;
    once in an answer (a summary that offers it, said where the page is silent, is not offered twice)."""
    text = render("offer.person", language)
    if any(message.get("text") == text for message in dispatcher.messages):
        return
    dispatcher.utter_message(text=text, buttons=human_button(language))  # type: ignore[arg-type]


def greeted_in_their_language(dispatcher: CollectingDispatcher, tracker: Tracker) -> bool:
    """"по-русски понимаете?", "فارسی هم جواب میدین؟", whatever the classifier read: the greeting, in that language;
    True when said."""
    if not asks_about_language(question_text(tracker)):
        return False
    dispatcher.utter_message(response="utter_greet")
    return True


def say_units(dispatcher: CollectingDispatcher, units: Sequence[AnswerUnit], language: str, question: str = "") -> None:
    """The rules chosen, one answer with a line each (nothing when none was; none whose sentences another says too),
    without an opening "yes" where the customer's `question` asks what or how; the page's sentences go with it for
    the agents' console (`sources` stays in the event's metadata, the customer never receives it)."""
    units = [unit for unit in units  # a rule whose sentences another of its topic says too: said once, by that one
             if unit.offers_person or not any(other is not unit and other.topic == unit.topic
                                              and set(unit.sources) < set(other.sources) for other in units)]
    if units:
        texts = [unit.text[language] for unit in units]  # type: ignore[index]
        dispatcher.utter_message(response="utter_store_answer",
                                 answer="\n".join(map(answers.without_yes, texts) if asks_open(question) else texts),
                                 sources=cited(units))
    if any(unit.offers_person for unit in units):  # "how many months, what interest?" where the page says no terms
        offer_person(dispatcher, language)


def cited(rules: Sequence[Any], label: str = "") -> list[dict[str, str]]:
    """The page's sentences behind an answer, for the console: which unit (or topic, or computed rule) and each
    sentence verbatim. Any rule with `sources` (an answer unit, a topic's summary, a delivery or return rule)."""
    return [{"unit": getattr(rule, "id", None) or getattr(rule, "topic", None) or label, "sentence": sentence}
            for rule in rules if rule is not None for sentence in rule.sources]


async def hand_to_person(dispatcher: CollectingDispatcher, tracker: Tracker, reason: str, lead: str = "") -> None:
    """Queues the conversation for the store's agents and says truthfully what happens next: an agent online will
    answer here, or none is, with the store's own contact from its page; or, with the queue out of reach, that it
    could not be done. The widget starts listening for the agent on the `handoff` signal."""
    store, language = store_and_language(tracker)
    typed = question_text(tracker) or str((tracker.latest_message or {}).get("text") or "")
    name = store.name[language]  # type: ignore[index]
    contact = store.contact.text[language] if store.contact is not None else None  # type: ignore[index]
    try:
        queued = await off_the_loop(queue_for_person, tracker.sender_id, store.id, language, reason, typed)
    except DatabaseUnavailable:
        logger.exception("Could not queue conversation %s for a person", tracker.sender_id)
        down = render("handoff.down_contact" if contact else "handoff.down", language, store=name, contact=contact)  # type: ignore[arg-type]
        dispatcher.utter_message(text=f"{lead} {down}".strip())
        return
    if queued.online:
        text = render("handoff.online", language, store=name)  # type: ignore[arg-type]
    elif contact is not None:
        text = render("handoff.contact", language, store=name, contact=contact)  # type: ignore[arg-type]
    else:
        text = render("handoff.no_contact", language, store=name)  # type: ignore[arg-type]
    dispatcher.utter_message(text=f"{lead} {text}".strip(), json_message={"handoff": "queued"})


def utter_store_words(dispatcher: CollectingDispatcher, tracker: Tracker, topic: str) -> None:
    """Where the store computes nothing for the topic: the rule of the page that answers the question (of this topic
    or a likely one: "and who pays the post?" after a return question), else the topic's summary or "not covered"."""
    store, language = store_and_language(tracker)
    question = question_text(tracker)
    units = chosen_units(tracker, question, [topic, *likely_intents(tracker)])
    # a rule of another topic only when the words plainly ask it, or a short follow-up leans on the topic before, or
    # an "and if …" or a "who pays?" asks a rule of the matter the conversation is on ("اگه فقط ۵ تا پله باشه اونوقت
    # چی؟" after the stairs' rule, "هزینه پستشم حدود دویست و پنجاه تومن شد. با کیه؟" while sending back after a damage),
    # or it goes on with the topic just answered ("بعدش باید خودم ببرمش پست؟" after where to file a return), or the
    # classifier was torn between the two ("а перед новым годом доставка дольше будет?": a price 0.49, a time 0.32)
    if units and (units[0].topic in (topic, second_guess(tracker))
                  or plainly_answered(question, store_index(store)) is not None
                  or short_follow_up(question) and units[0].topic == earlier_topic(tracker)
                  or (what_if(question) or asks_who_pays(question)) and _same_matter(units[0].topic, earlier_topic(tracker))
                  or goes_on(question) and units[0].topic in {unit.topic for unit in _rules_cited_before(tracker)}):
        say_units(dispatcher, units, language, question)
        if not _utter_unlisted_terms(dispatcher, tracker, question, [topic, *(unit.topic for unit in units)]):
            offer_person_for_limit(dispatcher, question, units, store, language)
        utter_deadline(dispatcher, tracker, units)  # "привезли в среду, до какого дня проверка?": counted from that day
        return
    second = second_guess(tracker) if not _covers(store, topic) else None
    units = chosen_units(tracker, question, [second]) if second else []
    # the page has nothing on the topic read, the classifier was torn, and a rule of its second guess answers ("واسه
    # قسطی باید حضوری بیام؟")
    if units and units[0].topic == second:
        say_units(dispatcher, units, language, question)
        return
    # "میخوام لپتاپ ۸ میلیونی بخرم، موقع تحویل مدارک میخواین؟" read as instalments: the ID rule its words are closest
    # to, which is for over 10 million (not "گوشی ۸ میلیونی رو قسطی میدین؟", which no rule answers)
    outside = ruled_out(question, store_index(store), []) if question else None
    top = next(iter(store_index(store).rank(question)), None) if outside else None
    if outside and top is not None and top.unit is outside[0] and top.score >= ANSWERS:
        _say_bound(dispatcher, *outside, store, language)
        return
    utter_topic(dispatcher, tracker, topic)


def _covers(store: StorePolicy, topic: str) -> bool:
    """Whether the store's page says anything on the topic (its summary or a rule of it)."""
    return store.answer(topic) is not None or any(unit.topic == topic for unit in store.units)


ORDER_SLOTS = ("order_id", "phone")  # what proves an order


def _same_matter(topic: str, other: Optional[str]) -> bool:
    """One topic, or both about giving an item back (its post asked after a damage rule is the return's matter)."""
    return topic == other or (topic in RETURN_TOPICS and other in RETURN_TOPICS)


def why_asked_now(tracker: Tracker) -> bool:
    """"зачем вам телефон?", "شماره سفارش واسه چی؟" while the order's number or phone is asked for (which the look-up's
    form explains), whatever the classifier made of it."""
    return (tracker.get_slot("requested_slot") in ORDER_SLOTS and not tracker.get_slot("verified_order")
            and asks_why_asked(question_text(tracker)) and not any(latest_entity(tracker, name) for name in ORDER_SLOTS))



def sent_again_after_mismatch(tracker: Tracker) -> bool:
    """"اا ببخشید اون مال سفارش خواهرمه. شماره خودم ۰۹۳۵…" after an order and phone that did not match, whatever topic
    the classifier read in it: the details sent again, for the look-up."""
    return (bool(tracker.get_slot("lookup_tried")) and not tracker.get_slot("verified_order")
            and tracker.get_slot("requested_slot") in ORDER_SLOTS
            and any(latest_entity(tracker, name) for name in ORDER_SLOTS))


def express_to_place_asked(tracker: Tracker) -> bool:
    """"ой, посылку надо в Шираз отправить, маме. туда срочно можно?" after the post's days, whatever topic the
    classifier read in it: the days (express's with them) to the place named now."""
    question = question_text(tracker)  # ("я в Кермане, можно срочную доставку?", read as a time slot: likewise; not
    intent = ((tracker.latest_message or {}).get("intent") or {}).get("name")  # "наличкой курьеру? и хочу срочную
    return (names_express(question) and latest_entity(tracker, "city") is not None  # доставку", a way of paying)
            and (intent in _OF_DELIVERY or intent in RETURN_TOPICS and reason_from(None, question) is None  # (nor
                 and not names_a_return(question))  # "بفرستم بندرعباس، فوری میشه؟", read as a return by its "send")
            and (asks_express(question) or last_computed(tracker, before_this_message=True) == "action_delivery_time"))


_OF_DELIVERY = ("delivery_slot", "recipient", "order_status", "pickup")  # topics an express question is misread as


def express_price_asked(dispatcher: CollectingDispatcher, tracker: Tracker) -> bool:
    """"فوریش چقدر گرونتره؟", "сколько стоит срочная?": what express costs, which no store's page gives: said so, with
    a person, not the lanes' days nor the post's fee; True when said."""
    question = question_text(tracker)
    if not (names_express(question) and asks_a_price(question)):
        return False
    store, language = store_and_language(tracker)
    dispatcher.utter_message(text=render("price.not_given", language, store=store.name[language]))  # type: ignore[arg-type,index]
    offer_person(dispatcher, language)
    return True


class ActionAnswerTopic(Action):
    """The topic is the intent; the answer is the store's, in the customer's language."""

    def name(self) -> Text:
        """Referenced by the topic rules."""
        return "action_answer_topic"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]
    ) -> List[Dict[Text, Any]]:
        """Utters the store's answer for the latest intent and question."""
        topic = ((tracker.latest_message or {}).get("intent") or {}).get("name") or ""
        if why_asked_now(tracker):  # the look-up's form says why it asks, and asks again
            return []
        if sent_again_after_mismatch(tracker):
            return [FollowupAction("action_order_flow")]
        if express_to_place_asked(tracker):
            return [FollowupAction("action_delivery_time")]
        if (greeted_in_their_language(dispatcher, tracker) or other_unit_asked(dispatcher, tracker)  # "по-русски
                or amount_put_right(dispatcher, tracker)):  # понимаете?", "این ۱۰ میلیون به ریال چقد میشه؟", "۱۰
            return []  # میلیون و ۲۰۰ نه ۹.۸" after the ID rule over 10 million
        if (span_recalled(dispatcher, tracker) or days_off_in_the_span(dispatcher, tracker)
                or deadline_follow_up(dispatcher, tracker) or refused_what_if(dispatcher, tracker)
                or sealed_follow_up(dispatcher, tracker) or window_supposed(dispatcher, tracker)
                or window_asked_now(dispatcher, tracker) or span_passed_supposed(dispatcher, tracker)):
            return []  # "it was yesterday noon" after "within 72 hours"; "and if I open it?" (or "the other one I did
            # not open, can I?") after a change of mind; "got it an hour and a half ago, still in time?" after a damage rule
        question = question_text(tracker)
        if (latest_entity(tracker, "amount") is not None and asks_a_sum(question) and names_installments(question)
                and current_store(tracker).rules.installments):  # "а сколько это был первый платеж с 3 млн?": the plan
            return [FollowupAction("action_installments")]  # computes it, whatever topic the classifier read
        again = computed_again(tracker) if adds_to_order(question) or (  # "а в Гори при заказе на 520 тоже бесплатно?"
            latest_entity(tracker, "city") is not None and asks_if_free(question)  # after a price, read as a change of
            and last_computed(tracker) == "action_delivery_cost") else []  # order: the price there
        if not again and (not classifier_sure(tracker)  # "а если бы заказ был на 520", read as a guess; "а если ещё
                          or adds_to_order(question) and names_a_price(tracker)):  # саундбар за 200 добавлю?" as a change
            again = total_again(tracker)  # of the order
        if again:  # "and if I also add a 600 one?" after a delivery price: the same computation, a new total
            return again
        if (case_follow_up(dispatcher, tracker, topic) or case_of_the_rule_said(dispatcher, tracker)
                or placed_before_the_step(dispatcher, tracker)):  # ("а если срочная доставка" after the rule that says
            return []  # what express changes; "а я уже оформил, что теперь" after naming the recipient while ordering)
        if (topic not in RETURN_TOPICS and reason_from(None, question) == "change_of_mind"
                and _MONEY_DEMANDED.search(question)):  # "عطرو باز کردم بوش اصلا خوب نیست!! همین الان پولمو میخوام",
            return [SlotSet("purpose", "return_request"), FollowupAction("action_order_flow")]  # read as a refund's
            # time or the perfume's origin: a change of mind told with its money wanted back is a return
        answer = CollectingDispatcher()
        likely = likely_intents(tracker)
        covered = utter_topic(answer, tracker, topic, question_text(tracker), likely)
        if (not covered and not any(latest_entity(tracker, name) for name in _DETAIL_ENTITIES)  # (a detail is for
                and follow_up_answered(dispatcher, tracker, unsure=not classifier_sure(tracker))):  # a computation)
            return []  # "а если с карты брата?" after the refund's card, read as ways of paying the page has nothing on
        if covered:
            utter_unlisted_methods(answer, tracker, [topic, *likely[:1]])
            ground_supposed(answer, tracker)
        reason = reason_from(None, question_text(tracker))
        told = reason is not None  # "AirPods из заказа CK-3003 шипят", read as a
        supposed = covered and not told and what_if(question_text(tracker))  # "اگه ایرپادهای سفارش CK-3003 رو پس
        # بدم پولم کی برمیگرده؟": a case supposed of the order named, the rule its answer, no return begun
        named = not covered and latest_entity(tracker, "order_id") is not None and (
            about_own_order(question_text(tracker)) or wants_something_done(question_text(tracker)))  # ("سفارش ۵۸۱۲۲
        # رو میخوام آدرسش عوض کنم" where the page has no rule on changes: that order looked up)
        if covered and not told and _asked_apart_from_its_order(tracker, answer):
            dispatcher.messages.extend(answer.messages)  # "SR5003 دستم رسید ولی فاکتور توش ندیدم. فاکتور جدا میاد؟"
            return []
        if (covered or told or named) and _order_unproven_told_of(tracker) and not supposed:  # change of order the page has nothing on: that
            # order's return, not "not covered"; a demand with a fault ("верните деньги, он виснет! заказ CK-3004 …")
            asked = covered and (not told or rules_question(None, question_text(tracker)))  # needs no rule before it
            dispatcher.messages.extend(answer.messages if asked else [])
            # ("CT-2003 خراب شده، گارانتی داره؟": the rule, then that order checked once proven; "можно поменять модель
            # в заказе SR-5001?": the rule on changes, then where that order stands, not a return of its item; "где мой
            # заказ ct2002? деньги уже списали", read as a failed payment the page is silent on: that order looked up)
            purpose = "order_status" if topic == "order_change" and asked else purpose_from_words(question_text(tracker))
            return [SlotSet("purpose", purpose), FollowupAction("action_order_flow")]
        ground = _ground_told_of_order(tracker)
        if ground:  # "به نظرم اصل نیست" after the order's return was refused for a change of mind: the topic's rule,
            dispatcher.messages.extend(answer.messages if covered else [])  # then that order decided for the ground
            return [SlotSet("purpose", ground), FollowupAction("action_order_flow")]
        fault = reason in ("defect", "transport_damage")
        if not covered and told and (names_a_return(question_text(tracker)) or fault  # "عطرو باز کردم … بوش به من
                                     or reason == "wrong_item"):  # ("мне привезли не тот товар!!" too)
            purpose = "damaged_item" if fault else "return_request"  # نمیسازه. میتونم پسش بدم؟", "ایرپاد … یه طرفش
            ruled = CollectingDispatcher()  # صدا نمیده، چیکار کنم؟" read as a topic the page is silent on: a return
            if (fault and rules_question(None, question_text(tracker))  # or a fault told, which the return or damage
                    and (not asks_what_now(question_text(tracker)) or what_if(question_text(tracker)))  # rules answer for
                    # one's order; asked of the rule (or supposed: "اگه … امضا کنه و بعد معلوم شه جعبه ضربه خورده بوده چی؟")
                    and utter_topic(ruled, tracker, purpose, question_text(tracker), likely)  # ("روتر رو جمعه آوردن،
                    and said_of_faults(ruled, current_store(tracker))):  # چهارشنبه خراب شد. هنوز ۷ روز تستش برقراره؟"),
                dispatcher.messages.extend(ruled.messages)  # the rule and its days, not an order asked (nor a rule of
                return []  # another matter its words came near: "… میشه عوضش کنید؟", an order's change)
            if what_if(question) and rules_question(None, question) and latest_entity(tracker, "order_id") is None:
                dispatcher.messages.extend(answer.messages)  # "если через полгода сломается кто его ремонтирует вы?": a
                return []  # case supposed that no rule answers is said to be not covered, no order asked
            return [SlotSet("purpose", purpose), FollowupAction("action_order_flow")]
        earlier = earlier_topic(tracker)
        if (not covered and tracker.get_slot("verified_order") and asks_what_now(question_text(tracker))
                and earlier in RETURN_TOPICS):  # "то есть ничего нельзя сделать? принимал вообще муж, не я" after its
            return [SlotSet("purpose", earlier), FollowupAction("action_order_flow")]  # refusal: that decision's rule
        instead = [] if covered else computed_instead(tracker, self.name(), False) or total_again(tracker)
        if instead:  # "and in Gori, is there a branch?" after a pickup time, "а если бы заказ был на 520" after a price:
            return instead  # the page is silent on the topic read, so the detail is for the computed answer given last
        dispatcher.messages.extend(answer.messages)
        return []


def units_cited(answer: CollectingDispatcher) -> list[str]:
    """The ids of the rules an answer not yet sent cites, in its order (its messages' `sources`)."""
    return [source.get("unit") for message in answer.messages for source in message.get("sources") or []
            if isinstance(source, dict)]


def said_of_faults(said: CollectingDispatcher, store: StorePolicy) -> bool:
    """Whether an answer gave a rule of giving an item back, its money or its warranty (what a fault told is about),
    or cited none."""
    cited_ids = set(units_cited(said))
    return any(unit.id in cited_ids and unit.topic in FAULT_KIN for unit in store.units) or not cited_ids


FAULT_KIN = (*RETURN_TOPICS, "warranty", "refund_time", "product_authenticity")  # the topics a fault told is about


def ground_supposed(answer: CollectingDispatcher, tracker: Tracker) -> None:
    """"اگه چیزی که رسید با عکس سایت فرق داشت چی؟" answered by a rule of another ground (the batch's looks): the rule of
    the ground it supposes (a wrong item: taken back, every cost refunded) said after it, unless said already."""
    question = question_text(tracker)
    if not what_if(question):
        return
    said = set(units_cited(answer))
    ground = _ground_units(tracker, question)[:1]  # the ground's own rule, not a second one that came near
    if ground and ground[0].id not in said:
        say_units(answer, ground, store_and_language(tracker)[1])


def _order_unproven_told_of(tracker: Tracker) -> bool:
    """Whether the message is about an order not yet proven: one it names, or one named with its phone before while
    it tells a fault ("он перестал включаться, могу вернуть?" after "мой заказ CK-3004, тел 0919…: был застрахован?")."""
    if tracker.get_slot("verified_order"):
        return False
    if latest_entity(tracker, "order_id") is not None:
        return True
    question = question_text(tracker)
    return (bool(tracker.get_slot("order_id") and tracker.get_slot("phone")) and reason_from(None, question) is not None
            and not what_if(question))


_DONE_WITH_AN_ORDER = frozenset({"order_status", "delivery_time", "order_change", "cancel_order", "damaged_item",
                                 "refund_time", "payment_failed"})


def _asked_apart_from_its_order(tracker: Tracker, answer: CollectingDispatcher) -> bool:
    """"SR5003 دستم رسید ولی فاکتور توش ندیدم. فاکتور جدا میاد؟": a rule's question asked beside an order's number
    alone, whose answer (the rules said) is no matter done with an order (where it is, a change, a cancel, a return or
    a fault told, its money): the rule is the answer, and the order's phone is not asked for (given with it, the order
    is looked up: proving it costs nothing more)."""
    question = question_text(tracker)
    if (not latest_entity(tracker, "order_id") or latest_entity(tracker, "phone") or tracker.get_slot("verified_order")
            or tracker.get_slot("requested_slot") or not rules_question(None, question)
            or asks_where_it_is(question) or names_a_cancel(question) or names_a_return(question)):
        return False
    cited = set(units_cited(answer))
    topics = {unit.topic for unit in current_store(tracker).units if unit.id in cited}
    return bool(topics) and (not topics & _DONE_WITH_AN_ORDER or refund_to_another(question))  # ("а можно на
    # карту жены перевести? 6037 …": only to the paying account, whatever the order)


def _ground_told_of_order(tracker: Tracker) -> Optional[str]:
    """What a ground told, not asked, of the order looked up in this conversation wants done with it (a fault: its
    damage decided; a change of mind: its return); None when nothing is told of it."""
    question = question_text(tracker)
    if not tracker.get_slot("verified_order") or reason_from(None, question) is None or rules_question(None, question):
        return None
    return purpose_from_words(question)


def _ground_units(tracker: Tracker, question: str) -> list[AnswerUnit]:
    """The page's rules for the wrong, broken or faulty item a message tells, found by the ground's own words."""
    reason = reason_from(None, question)
    if reason is None or reason not in REASON_NAMES:
        return []
    language = store_and_language(tracker)[1]
    return chosen_units(tracker, f"{REASON_NAMES[reason][language]} {question}", [*RETURN_TOPICS])


def ground_told(dispatcher: CollectingDispatcher, tracker: Tracker, question: str) -> bool:
    """A wrong, broken or faulty item told in a message read as something else: the page's rule for that ground (found
    by its own words, the message naming no rule); True when said."""
    units = _ground_units(tracker, question)
    say_units(dispatcher, units, store_and_language(tracker)[1])
    return bool(units)


class ActionBotChallenge(Action):
    """"Are you a bot?": it says it is the store's automated assistant; an "and if …" the classifier read so ("а если
    почта её помнёт по дороге, кто отвечает?") asks a rule, which is answered instead."""

    def name(self) -> Text:
        """Referenced by the bot challenge rule."""
        return "action_bot_challenge"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]
    ) -> List[Dict[Text, Any]]:
        """The rule an "and if …" asks, with the topic asked before leaning in; else the assistant says what it is."""
        question = question_text(tracker)
        if what_if(question) and ground_told(dispatcher, tracker, question):  # "اگه واقعا یه چیز دیگه فرستاده باشین چی؟"
            return []
        about_a_rule = not asks_what_the_assistant_is(question)  # "а кто решает, виноваты мы или нет?": "who" of a rule
        if (what_if(question) or about_a_rule) and utter_units(dispatcher, tracker, question, likely_intents(tracker)):
            return []
        if about_a_rule and later_question(tracker):  # "…, виноваты мы или нет?" after the rule its first part got
            return []
        dispatcher.utter_message(response="utter_iamabot")
        return []


class ActionHandoff(Action):
    """"Talk to a person": the conversation is queued for the store's agents, and the customer told what happens next."""

    def name(self) -> Text:
        """Referenced by the handoff rules."""
        return "action_handoff"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]
    ) -> List[Dict[Text, Any]]:
        """Queued for a person; a rules question that only mentions the store's experts ("if your experts find no
        fault, who pays?") is answered instead: by its rule, or, read as a wish for a person only by a guess, as the
        classifier's next topic answers it (which offers a person when the page has nothing). A question asked beside
        the wish for a person gets its rule after the queue."""
        question = question_text(tracker)
        if question and not asks_for_a_person(question) and window_supposed(dispatcher, tracker):  # "اگه فردا ظهر
            return []  # زنگ بزنم دیر نیست؟": the customer's own call, supposed, against the window just told
        if question and utter_contact(dispatcher, tracker, question):  # "شماره تماس پشتیبانی چنده؟", "با کی تماس
            offer_person(dispatcher, store_and_language(tracker)[1])  # بگیرم؟": the store's contact as its page gives
            return []  # it, and a person offered, not the queue at once (where it gives none, the queue)
        if question and not asks_for_a_person(question) and rules_question(None, question):
            topics = likely_intents(tracker)
            if topics and not classifier_sure(tracker):  # its rule first, as for any topic
                utter_topic(dispatcher, tracker, topics[0], question, topics[1:])
                return []
            if utter_units(dispatcher, tracker, question, topics):
                return []
        await hand_to_person(dispatcher, tracker, "asked")
        rest = " ".join(part for part in sentences(question) if not asks_for_a_person(part))
        if rest and rest != question.strip():  # "дайте живого оператора. мне про гарантию на телевизор надо узнать":
            utter_units(dispatcher, tracker, rest, likely_intents(tracker))  # the queue, and the rule meanwhile
        return []
