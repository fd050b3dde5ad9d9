"""What the console shows, computed from Rasa events: a table per function."""

from __future__ import annotations

from rasa.shared.core.events import ActionExecuted, ActiveLoop, BotUttered, Event, UserUttered

from bot.console.views import customer_turns, outcome, top_intents, transcript, understanding

PARSE = {"intent": {"name": "delivery_cost", "confidence": 0.9},
         "intent_ranking": [{"name": "delivery_cost", "confidence": 0.9}, {"name": "delivery_time", "confidence": 0.05}],
         "entities": [{"entity": "amount", "value": 3000000, "start": 5, "end": 19, "extractor": "StoreEntityExtractor"}]}


def user(text: str, at: float, parse: dict | None = None, **metadata: object) -> UserUttered:
    return UserUttered(text, (parse or {}).get("intent"), (parse or {}).get("entities"), parse, timestamp=at,
                       metadata=metadata)


def test_a_message_of_several_questions_is_one_turn_and_buttons_none() -> None:
    events: list[Event] = [
        user("/greet", 1), user("هزینه ارسال؟", 2, question=1, questions=2, message="هزینه ارسال؟ و زمانش؟"),
        user("و زمانش؟", 3, question=2, questions=2), user("ممنون", 4)]
    assert customer_turns(events) == ["هزینه ارسال؟ و زمانش؟", "ممنون"]


def test_understanding_of_the_latest_message() -> None:
    events: list[Event] = [
        user("для 3 млн?", 1.0, PARSE), ActionExecuted("action_listen"),
        ActionExecuted("action_delivery_cost", policy="RulePolicy", confidence=1.0),
        BotUttered("Бесплатно", metadata={"sources": [{"unit": "delivery", "sentence": "Доставка бесплатная."}]}),
        BotUttered("ещё", metadata={"sources": [{"unit": "delivery", "sentence": "Доставка бесплатная."}]}),
        ActionExecuted("action_listen", policy="RulePolicy")]
    seen = understanding(events, {"store": "citadel", "amount": 3000000, "city": None, "language": "ru"}, "citadel")
    assert seen == {
        "language": "ru", "intent": {"name": "delivery_cost", "confidence": 0.9},
        "intent_ranking": PARSE["intent_ranking"],
        "entities": [{"entity": "amount", "value": 3000000, "start": 5, "end": 19}],
        "slots": {"store": "citadel", "amount": 3000000, "language": "ru"},
        "actions": [{"name": "action_delivery_cost", "policy": "RulePolicy", "confidence": 1.0}],
        "policy": "RulePolicy",
        "sources": [{"store": "citadel", "unit": "delivery", "sentence": "Доставка бесплатная."}]}  # said once


def test_the_transcript_puts_both_sides_in_the_order_said() -> None:
    events: list[Event] = [user("позовите оператора", 10.0), BotUttered("Передал", timestamp=11.0),
                           user("спасибо", 30.0), BotUttered("Пожалуйста", timestamp=31.0)]
    kept = [{"id": 1, "role": "agent", "agent": "nino", "text": "Здравствуйте!", "timestamp": 20.0},
            {"id": 2, "role": "user", "text": "где заказ?", "timestamp": 21.0}]
    assert [(line["author"], line["text"], line.get("agent")) for line in transcript(events, kept)] == [
        ("customer", "позовите оператора", None), ("bot", "Передал", None), ("agent", "Здравствуйте!", "nino"),
        ("customer", "где заказ?", None), ("customer", "спасибо", None), ("bot", "Пожалуйста", None)]
    assert transcript(events, kept)[0]["at"] == "1970-01-01T00:00:10+00:00"


def test_outcomes() -> None:
    answered = [user("a", 1), ActionExecuted("action_answer_topic"), ActionExecuted("action_listen")]
    not_understood = [*answered, user("b", 2), ActionExecuted("action_unclear"), ActionExecuted("action_listen")]
    open_form = [user("c", 1), ActionExecuted("order_lookup_form"), ActiveLoop("order_lookup_form")]
    closed_form = [*open_form, ActiveLoop(None), ActionExecuted("action_order_flow")]
    assert [outcome(events, False) for events in (answered, not_understood, open_form, closed_form)] == [
        "answered", "abandoned", "abandoned", "answered"]
    assert outcome(answered, True) == "handed_off"


def test_top_intents_leave_out_the_fallback() -> None:
    assert top_intents(["greet", "nlu_fallback", "delivery_cost", "greet", None], 2) == [
        {"intent": "greet", "count": 2}, {"intent": "delivery_cost", "count": 1}]
