"""Whole conversations through the running Rasa and action servers, as a customer sees them."""

from __future__ import annotations

import json
import sqlite3
import uuid

import pytest
import requests

from bot.i18n.format import digits
from bot.nlu.language import detect_language
from bot.stores.installments import offers_installments
from bot.stores.policy import policies

pytestmark = pytest.mark.server


def new_sender() -> str:
    return f"test-{uuid.uuid4().hex[:12]}"


def texts(replies: list[dict]) -> list[str]:
    return [reply["text"] for reply in replies if reply.get("text")]


def last_reply(servers, store: str, *messages: str) -> str:
    """The messages sent in one new conversation; the text of the replies to the last one."""
    sender = new_sender()
    for message in messages[:-1]:
        servers.say(sender, message, store=store)
    return "\n".join(texts(servers.say(sender, messages[-1], store=store)))


def test_persian_greeting_is_answered_in_persian_with_buttons(servers) -> None:
    replies = servers.say(new_sender(), "سلام وقت بخیر", store="tisa")
    assert detect_language(texts(replies)[0]) == "fa"
    assert "تیسا" in texts(replies)[0]
    assert {"/order_status", "/human_handoff"} <= {b["payload"] for b in replies[0]["buttons"]}


def test_the_greeting_offers_installments_only_where_the_store_answers_on_them(servers) -> None:
    offering = {store: offers_installments(policy) for store, policy in policies().items()}
    assert set(offering.values()) == {True, False}, offering  # stores of both kinds are checked
    for store, offers in offering.items():
        for hello in ("سلام", "Здравствуйте!"):
            sender = new_sender()
            buttons = {b["payload"] for b in servers.say(sender, hello, store=store)[0]["buttons"]}
            assert {"/order_status", "/human_handoff"} <= buttons
            assert ("/installment_info" in buttons) is offers, (store, hello)
        # offered exactly where pressing it gets the store's answer rather than "the rules say nothing"
        answer = texts(servers.say(sender, "/installment_info", store=store))
        assert any("нет информации" in text for text in answer) is not offers, (store, answer)


def test_russian_greeting_is_answered_in_russian(servers) -> None:
    replies = servers.say(new_sender(), "Здравствуйте!", store="citadel")
    assert detect_language(texts(replies)[0]) == "ru"
    assert "Citadel" in texts(replies)[0]


def test_russian_customer_of_a_persian_store_gets_russian(servers) -> None:
    sender = new_sender()
    assert detect_language(texts(servers.say(sender, "привет", store="tisa"))[0]) == "ru"
    assert "Тиса" in texts(servers.say(sender, "привет", store="tisa"))[0]
    # and switching language mid-conversation switches the replies
    assert detect_language(texts(servers.say(sender, "سلام", store="tisa"))[0]) == "fa"


def unit_texts(store: str, topic: str, language: str) -> set[str]:
    return {unit.text[language] for unit in policies()[store].units if unit.topic == topic}


def test_store_answer_is_the_rule_of_the_stores_own_page(servers) -> None:
    [reply] = texts(servers.say(new_sender(), "پولم کی برمیگرده حسابم؟", store="sitra"))
    lines = reply.split("\n")
    assert lines and set(lines) <= unit_texts("sitra", "refund_time", "fa")  # one or two rules, not the policy
    [reply] = texts(servers.say(new_sender(), "может ли другой человек получить мой заказ?", store="citadel"))
    assert set(reply.split("\n")) <= unit_texts("citadel", "recipient", "ru")


def test_a_button_gets_the_topics_summary(servers) -> None:
    [reply] = texts(servers.say(new_sender(), "/refund_time", store="sitra"))
    assert reply == policies()["sitra"].answer("refund_time").text["fa"]


def test_a_topic_the_store_is_silent_on_is_not_borrowed(servers) -> None:
    replies = servers.say(new_sender(), "можно забрать заказ самовывозом?", store="sitra")
    [reply] = replies
    assert "Ситра" in reply["text"] and "нет информации" in reply["text"]
    assert reply["text"] != policies()["citadel"].answer("pickup").text["ru"]
    assert [b["payload"] for b in reply["buttons"]] == ["/human_handoff"]


def test_out_of_scope_says_what_it_can_do(servers) -> None:
    [reply] = servers.say(new_sender(), "فردا هوای تهران بارونیه؟", store="offykala")
    assert "آفیکالا" in reply["text"] and "سفارش" in reply["text"]
    [reply] = servers.say(new_sender(), "расскажи анекдот про программистов", store="citadel")
    assert "Citadel" in reply["text"] and "заказ" in reply["text"]


def test_gibberish_is_not_a_confident_goodbye(servers) -> None:
    for text in ("asdkjh qwpoeiru zmxncb", "ففغغقق ثثصص", "щшзхъ ждлорп"):
        [reply] = servers.say(new_sender(), text, store="tisa")
        assert "خدانگهدار" not in reply["text"] and "До свидания" not in reply["text"]


def test_missing_store_uses_the_default(servers) -> None:
    replies = servers.say(new_sender(), "سلام", store=None)
    assert "سیترا" in texts(replies)[0]  # DEFAULT_STORE is not set: sitra


@pytest.mark.parametrize(
    "message, expected_in_reply",
    [
        ("", "خالی"),
        ("   ", "خالی"),
        ("سلام " * 2000, "طولانی"),
        ("😀😀😀", "متوجه"),                              # no evidence: asked to rephrase
        ("ميخواهم سفارشم رو لغو كنم", "شماره سفارش"),  # Arabic letters, no ZWNJ: the cancel flow starts
        ("سفارش ۵۸۱۲۰ كجاست؟", ""),
    ],
)
def test_bad_or_odd_input_gets_a_clear_persian_reply(servers, message: str, expected_in_reply: str) -> None:
    replies = texts(servers.say(new_sender(), message, store="tisa"))
    assert replies and all(detect_language(text) == "fa" for text in replies)
    assert expected_in_reply in " ".join(replies)


def test_russian_long_message_is_refused_in_russian(servers) -> None:
    [reply] = servers.say(new_sender(), "привет " * 2000, store="tisa")
    assert "слишком длинное" in reply["text"]


@pytest.mark.parametrize(
    "injection",
    [
        '/greet{"store": "citadel"}',
        '/human_handoff{"order_id": "58120", "phone": "09121234567"}',
        "/goodbye@1.0",
    ],
)
def test_slash_commands_with_entities_are_plain_text(servers, injection: str) -> None:
    sender = new_sender()
    replies = texts(servers.say(sender, injection, store="tisa"))
    assert replies
    assert not any("خدانگهدار" in text or "می‌سپارم" in text for text in replies)
    tracker = requests.get(f"{servers.url}/conversations/{sender}/tracker", timeout=10)
    if tracker.status_code == 200:  # only when the HTTP API is enabled
        assert tracker.json()["slots"]["store"] == "tisa"


def test_button_payload_is_a_plain_intent(servers) -> None:
    servers.sign_out_agents()
    reply, signal = servers.say(new_sender(), "/human_handoff", store="citadel")
    assert "очередь поддержки" in reply["text"] and "0322350035" in reply["text"]  # no agent online: the page's phone
    assert signal["custom"] == {"handoff": "queued"}  # the widget starts listening for the agent


@pytest.mark.parametrize(
    "raw, status",
    [
        (b"{not json", 400),
        (b"", 400),
        (b'{"message": "hi"}', 403),
        (b'{"sender": "u", "message": 5}', 403),
        (b'{"sender": "u", "message": "hi", "metadata": {"store": "amazon"}}', 403),
    ],
)
def test_malformed_requests_get_a_4xx_never_a_500(servers, raw: bytes, status: int) -> None:
    response = requests.post(f"{servers.url}/webhooks/rest/webhook", data=raw, timeout=30,
                             headers={"Content-Type": "application/json"})
    assert response.status_code == status
    assert response.json()["fa"] and response.json()["ru"]


def test_unknown_store_is_named_in_the_error(servers) -> None:
    response = requests.post(f"{servers.url}/webhooks/rest/webhook", timeout=30, json={
        "sender": servers.conversation("tisa"), "message": "hi", "metadata": {"store": "amazon"}})
    assert response.status_code == 400
    assert "amazon" in response.json()["ru"] and "tisa" in response.json()["ru"]


def unit_text(store: str, unit_id: str, language: str) -> str:
    return next(unit.text[language] for unit in policies()[store].units if unit.id == unit_id)


def test_a_follow_up_question_leans_on_the_rule_answered_before(servers) -> None:
    sender = servers.conversation("offykala")
    first = "\n".join(texts(servers.say(sender, "محصولی که سریال نداره رو هم میشه ۷ روز تست کرد؟", store="offykala")))
    assert unit_text("offykala", "exception_no_serial", "fa") in first
    second = "\n".join(texts(servers.say(sender, "کادوهایی که همراه سفارش میاد چطور؟", store="offykala")))
    assert unit_text("offykala", "exception_gift", "fa") in second
    assert "شماره سفارش" not in second  # a rule, not a look-up


def test_a_day_the_customer_names_starts_the_return_window(servers) -> None:
    replies = texts(servers.say(servers.conversation("offykala"), "پرینتر رو ۱ آذر تحویل گرفتم، تا کی میتونم تستش کنم؟",
                                store="offykala"))
    window = policies()["offykala"].rules.returns.grounds["defect"].window  # type: ignore[union-attr]
    closes = digits(f"{1 + window.amount} آذر", "fa")  # 1 Azar and the test window's days
    assert any(closes in reply for reply in replies), replies


def test_a_return_the_rule_refuses_for_any_order_needs_no_order(servers) -> None:
    replies = texts(servers.say(servers.conversation("tisa"), "عطرمو باز کردم بوش به دلم ننشست، میخوام پسش بدم", store="tisa"))
    rule = policies()["tisa"].rules.returns.grounds["change_of_mind"].conditions["fa"]  # type: ignore[union-attr]
    assert any(rule in reply for reply in replies), replies
    assert not any("شماره سفارش" in reply for reply in replies)  # no look-up: no order could change the answer


@pytest.mark.parametrize("store", ["tisa", "sitra"])
def test_asking_for_a_person_is_told_the_truth(servers, store: str) -> None:
    """No agent is online: queued, and the store's own contact where its page gives one, never a false promise."""
    servers.sign_out_agents()
    [reply] = texts(servers.say(servers.conversation(store), "میخوام با یه آدم صحبت کنم", store=store))
    contact = policies()[store].contact
    assert (contact.text["fa"] in reply) if contact else ("ایمیلی" in reply)
    assert "آنلاین نیستند" in reply and "در صف پشتیبانی" in reply


def test_a_question_that_mentions_the_stores_experts_is_answered_not_handed_off(servers) -> None:
    replies = texts(servers.say(servers.conversation("offykala"),
                                "اگه بفرستم و کارشناساتون بگن ایراد فنی نداره هزینه پستش با کیه؟", store="offykala"))
    rule = next(unit.text["fa"] for unit in policies()["offykala"].units if unit.id == "return_shipping_by_expert_verdict")
    assert any(rule in reply for reply in replies), replies


def test_a_question_read_as_ok_is_still_answered_and_a_plain_yes_is_not(servers) -> None:
    units = {unit.text["fa"] for unit in policies()["tisa"].units}
    question, *contact = texts(servers.say(servers.conversation("tisa"), "من تبریزم، با تیپاکس بفرستم اوکیه؟", store="tisa"))
    assert set(question.split("\n")) <= units                       # a rule of the page, not "ok, what else?"
    assert contact in ([], [policies()["tisa"].contact.text["fa"]])  # and whom to coordinate it with
    [yes] = texts(servers.say(servers.conversation("tisa"), "باشه", store="tisa"))
    assert yes not in units and detect_language(yes) == "fa"       # a plain "ok" asks nothing of the rules


def test_every_question_of_one_message_is_answered_in_order(servers) -> None:
    sender = servers.conversation("citadel")
    said = texts(servers.say(sender, "Холодильник за 900 лари в Батуми: доставка бесплатная? и сколько дней ждать?",
                             store="citadel"))
    assert "бесплатн" in said[0] and "900" in said[0]  # the cost first, for the amount and city given
    assert any("2–3" in text for text in said[1:])  # then the time, for the same city
    with sqlite3.connect(servers.tracker_db) as db:
        stored = [json.loads(row[0]) for row in db.execute(
            "SELECT data FROM events WHERE sender_id = ? AND type_name = 'user' ORDER BY id", (sender,))]
    assert [(event["text"], event["metadata"]["question"], event["metadata"]["questions"]) for event in stored] == [
        ("Холодильник за 900 лари в Батуми: доставка бесплатная?", 1, 2), ("и сколько дней ждать?", 2, 2)]


@pytest.mark.parametrize("store, message, price, days", [
    ("citadel", "Доставка в посёлок за 18 км от Рустави, заказ 900 лари. Цена и сроки?", "36 лари", "3–4"),
    ("citadel", "Телевизор 700 лари в Кутаиси — доставка бесплатная, и за сколько дней привезут", "бесплатн", "2–3"),
    ("tisa", "ارسال به شیراز چند روز طول میکشه هزینه‌اش چقدره برای خرید ۳ میلیونی", "رایگان", "۳ تا ۵ روز"),
])
def test_a_price_and_a_time_asked_in_one_breath_are_both_answered(servers, store: str, message: str, price: str,
                                                                  days: str) -> None:
    said = "\n".join(texts(servers.say(servers.conversation(store), message, store=store)))
    assert price in said and days in said


def test_a_greeting_before_several_questions_does_not_hide_the_first(servers) -> None:
    sender = servers.conversation("citadel")
    said = texts(servers.say(sender, "приветствую, мастеркард подходит? и нужен ли гарантийный талон", store="citadel"))
    assert "MASTERCARD" in said[0] and "талон" in said[-1]
    with sqlite3.connect(servers.tracker_db) as db:
        first, _ = [json.loads(row[0]) for row in db.execute(
            "SELECT data FROM events WHERE sender_id = ? AND type_name = 'user' ORDER BY id", (sender,))]
    assert first["text"] == "мастеркард подходит?"
    assert first["metadata"]["message"] == "приветствую, мастеркард подходит? и нужен ли гарантийный талон"


def test_a_rules_question_beside_an_order_is_answered_at_once_and_the_order_asked_last(servers) -> None:
    sender = servers.conversation("citadel")
    said = texts(servers.say(sender, "где мой заказ CT-2002? и можно ли платить картой Visa?", store="citadel"))
    assert "VISA" in said[0]
    assert "телефон" in said[-1] and sum("телефон" in text for text in said) == 1  # asked once, last
    [status] = texts(servers.say(sender, "5502", store="citadel"))
    assert "CT-2002" in status


def test_where_the_store_computes_nothing_the_rule_the_words_plainly_ask_is_answered(servers) -> None:
    # Chistatek has no installments: a question about its identity check above 10 million toman is still answered
    [reply] = texts(servers.say(new_sender(), "۱۲ میلیون خرید کنم احراز هویت میکنید؟", store="chistatek"))
    assert reply in unit_texts("chistatek", "how_to_order", "fa") and "۱۰ میلیون" in reply
    # Sitra's page says nothing on shipping prices: not covered, not the installments rule asked about before
    sender = new_sender()
    servers.say(sender, "قسطی هم میفروشید؟", store="sitra")
    [reply] = texts(servers.say(sender, "هزینه ارسال تا شیراز چقدره؟", store="sitra"))
    assert "ذکر نشده" in reply
    [reply] = texts(servers.say(new_sender(), "هزینه ارسال چقدره؟", store="sitra"))  # a short first question: no
    assert "ذکر نشده" in reply  # topic before it leans on (was the instalments' terms, by the word "چقدره")


def test_a_rules_question_while_the_order_is_asked_is_answered_once_then_asked_again(servers) -> None:
    sender = new_sender()
    servers.say(sender, "میخوام سفارشمو لغو کنم", store="sitra")
    said = texts(servers.say(sender, "اصلا لغو چه شرایطی داره؟", store="sitra"))
    rule = {policies()["sitra"].answer("cancel_order").text["fa"], *unit_texts("sitra", "cancel_order", "fa")}
    assert len(said) == 2 and said[0] in rule  # the rule once, not three times
    assert "شماره سفارش" in said[1]
    assert "SR-5001" in texts(servers.say(sender, "SR-5001 1101", store="sitra"))[0]


def test_a_question_read_as_yes_no_or_bye_that_no_rule_answers_is_not_covered(servers) -> None:
    # "no lift" read as "no", "card number ... ?" as a farewell: questions of their own, not "ok, anything else?"
    for store, question, honest in (("citadel", "а до 5 этажа занесут? лифта нет", "нет информации"),
                                    ("sitra", "راستی شماره کارتتون برای دفعه بعد چنده؟", "ذکر نشده")):
        replies = texts(servers.say(servers.conversation(store), question, store=store))
        assert any(honest in reply for reply in replies), (question, replies)
    [ok] = texts(servers.say(servers.conversation("citadel"), "хорошо", store="citadel"))
    assert "С чем вам помочь" in ok  # a plain yes still asks what else


def test_a_question_is_never_answered_with_a_farewell_and_a_farewell_still_is(servers) -> None:
    farewell = "خدانگهدار"
    for question in ("دیروز ظهر بوده، یعنی تا فردا ظهر باید برگرده دیگه؟", "راستی شماره کارتتون برای دفعه بعد چنده؟"):
        replies = texts(servers.say(servers.conversation("sitra"), question, store="sitra"))
        assert replies and not any(farewell in reply for reply in replies), (question, replies)
    assert any(farewell in reply for reply in texts(servers.say(servers.conversation("sitra"), "ممنون، خداحافظ",
                                                                store="sitra")))
    [bye] = texts(servers.say(servers.conversation("citadel"), "До свидания!", store="citadel"))
    assert "До свидания" in bye


def test_the_rasa_server_runs_without_jax_and_tensorflow(servers) -> None:
    """bot/rasa_server.py keeps jax and TensorFlow (370 MB together) out of the server, whose model uses neither."""
    mapped = open(f"/proc/{servers._procs[1].pid}/maps", encoding="utf-8").read()
    assert "/tensorflow/" not in mapped and "/jax" not in mapped
    assert texts(servers.say(new_sender(), "سلام", store="tisa"))


def test_a_status_question_the_page_is_silent_on_asks_for_the_order_and_looks_it_up(servers) -> None:
    # Citadel's page says nothing on following an order: the assistant looks it up itself, not "not covered"
    sender = new_sender()
    [asked] = texts(servers.say(sender, "подскажите где посмотреть статус заказа.", store="citadel"))
    assert "номер заказа" in asked and "нет информации" not in asked
    assert "телефон" in "\n".join(texts(servers.say(sender, "CT-2002", store="citadel")))
    assert "CT-2002" in "\n".join(texts(servers.say(sender, "599125502", store="citadel")))


def test_the_return_post_of_a_wrong_or_broken_item_is_that_grounds_rule(servers) -> None:
    said = texts(servers.say(new_sender(), "اگه کلا یه چیز دیگه فرستاده بودین چی، هزینه پست برگشتو میدین", store="tisa"))
    assert unit_text("tisa", "wrong_item_full_refund", "fa") in said
    # who pays, right after saying it is broken: the broken item's post, not the post of a change of mind
    sender = new_sender()
    servers.say(sender, "پرینتر لیزری خریدم ۳ روزه رسیده کار نمیکنه. میتونم برگردونم؟", store="offykala")
    said = "\n".join(texts(servers.say(sender, "هزینه ارسالش با کیه؟", store="offykala")))
    assert unit_text("offykala", "return_shipping_by_expert_verdict", "fa") in said
    assert unit_text("offykala", "cancel_shipping_cost_buyer", "fa") not in said


def test_a_few_words_after_a_rule_lean_on_the_question_before(servers) -> None:
    sender = new_sender()
    servers.say(sender, "عطرای خارجیتون چقدر تا انقضا دارن؟", store="tisa")
    said = texts(servers.say(sender, "ایرانیا چطور؟", store="tisa"))
    assert unit_text("tisa", "expiry_minimum_months", "fa") in said


def test_if_not_then_what_is_a_question_not_a_no(servers) -> None:
    sender = new_sender()
    servers.say(sender, "я за городом, 40 км от кутаиси. беру телевизор за 700 лари — доставка бесплатная будет?", store="citadel")
    said = "\n".join(texts(servers.say(sender, "если нет, сколько?", store="citadel")))
    assert "80 лари" in said and "С чем вам помочь" not in said


def test_an_unsure_reading_leans_on_the_topic_asked_before(servers) -> None:
    # "do I have to register anything?" alone reads as how to order; after a card payment it is that payment's rule
    sender = new_sender()
    servers.say(sender, "سلام پنجشنبه عصر کارت به کارت کردم، کی تایید میشه؟", store="chistatek")
    said = "\n".join(texts(servers.say(sender, "باید جایی چیزی ثبت کنم؟", store="chistatek")))
    assert unit_text("chistatek", "card_payment_details_required", "fa") in said


def test_a_damage_report_is_answered_with_its_rule_and_last_night_is_the_evening(servers) -> None:
    # no question and no "I want to return it": the rule for damage and an offer, not "send the order number"
    said = "\n".join(texts(servers.say(new_sender(), "ديشب ساعت ۹ بسته رسید ولی ظرفا شکسته بود", store="sitra")))
    assert "۲۱:۰۰" in said and "۲۴ ساعت" in said
    assert "شماره سفارش را بفرستید" not in said
    said = "\n".join(texts(servers.say(new_sender(), "у чайника царапина сбоку, заметил на следующий день после получения",
                                                  store="citadel")))
    assert unit_text("citadel", "claims_at_receipt", "ru") in said and "номер заказа" not in said


def test_a_return_the_seal_decides_says_its_rule_first_and_an_opened_seal_ends_it_without_an_order(servers) -> None:
    sender = new_sender()
    first = "\n".join(texts(servers.say(sender, "یه عطر خریدم بوش اصلا به دلم ننشست، میخوام پسش بدم", store="tisa")))
    assert "پلمپ" in first and "شماره سفارش را بفرستید" in first  # the rule, then the order for the rest
    said = "\n".join(texts(servers.say(sender, "بازش کردم دیگه، دو سه بار زدم", store="tisa")))
    assert "امکان مرجوعی وجود ندارد" in said  # refused by the rule: no order asked again, no "not understood"
    assert "شماره سفارش" not in said and "متوجه" not in said and "در چه موردی" not in said


def test_a_moment_counted_back_from_now_starts_the_window(servers) -> None:
    said = "\n".join(texts(servers.say(new_sender(), "یک ساعت و نیم پیش تحویل گرفتم. بدنه خط داره. هنوز وقت دارم؟",
                                       store="chistatek")))
    assert "۳۰ دقیقه وقت دارید" in said


def test_a_window_asked_with_the_order_is_counted_from_its_delivery(servers) -> None:
    said = "\n".join(texts(servers.say(new_sender(), "заказ 58120, телефон заканчивается на 4567. сколько дней теста "
                                                     "у меня ещё осталось?", store="offykala")))
    assert "Заказ доставлен" in said and "у вас ещё" in said


def test_a_moment_named_after_a_rule_with_a_span_gets_its_deadline_and_what_if_is_the_stores_matter(servers) -> None:
    sender = new_sender()
    servers.say(sender, "پرداخت کردم درگاه ارور داد سفارش ثبت نشد ولی پول از حسابم کم شده!!", store="sitra")
    said = "\n".join(texts(servers.say(sender, "دیروز ظهر بود. یعنی تا کی باید صبر کنم؟", store="sitra")))
    assert "۷۲ ساعت یعنی تا" in said and "۱۲:۰۰ (پس‌فردا)" in said  # yesterday noon + 72 h
    said = "\n".join(texts(servers.say(sender, "اگه تا اون موقع برنگشت چیکار کنم", store="sitra")))
    assert "ذکر نشده" in said and "فقط به سؤال" not in said  # the page is silent: a person, not "out of scope"


def test_until_when_asked_again_repeats_the_deadline_counted_from_the_moment_told_before(servers) -> None:
    sender = new_sender()
    said = "\n".join(texts(servers.say(sender, "دیروز عصر حدودای ساعت ۶ پرداخت کردم درگاه ارور داد ولی پول از حسابم کم "
                                               "شد، تکلیف پولم چیه؟", store="sitra")))
    assert "ساعت ۱۸:۰۰ (پس‌فردا)" in said  # the evening said before the hour: 18:00, plus 72 h
    said = "\n".join(texts(servers.say(sender, "یعنی تا کی؟ تا پس‌فردا عصر؟", store="sitra")))
    assert "ساعت ۱۸:۰۰ (پس‌فردا)" in said and "فقط به سؤال" not in said


def test_and_if_i_open_it_after_a_change_of_mind_is_the_opened_seals_refusal(servers) -> None:
    sender = new_sender()
    servers.say(sender, "заказал картриджи, но передумал, их ещё не доставили. можно отказаться?", store="offykala")
    said = "\n".join(texts(servers.say(sender, "и последнее: а если уже получу и вскрою упаковку?", store="offykala")))
    assert "вскрытой пломбой" in said and "нет информации" not in said


def test_a_day_alone_that_closes_a_window_of_hours_is_said_too_late(servers) -> None:
    said = "\n".join(texts(servers.say(new_sender(), "پریروز رسید ظرفا شکسته بود، هنوز وقت دارم خبر بدم؟", store="sitra")))
    assert "۲۴ ساعت تا" in said and "گذشته است" in said  # 24 hours from even the day's last minute are over
    sender = new_sender()
    servers.say(sender, "сколько времени есть чтобы сообщить о царапине на корпусе после получения?", store="chistatek")
    said = "\n".join(texts(servers.say(sender, "я получил позавчера, значит уже поздно?", store="chistatek")))
    assert "истёк" in said and "SMS" not in said  # the window answers, not a rule about orders


def test_when_an_order_on_its_way_arrives_is_counted_for_its_city(servers) -> None:
    sender = new_sender()
    servers.say(sender, "CT-2002 когда привезут?", store="citadel")
    said = "\n".join(texts(servers.say(sender, "599125502", store="citadel")))
    assert "CT-2002" in said and "2–3 рабочих дня — заказ, оформленный" in said  # Batumi, on file: a main city


def test_a_status_request_after_small_talk_asks_for_the_order(servers) -> None:
    said = "\n".join(texts(servers.say(new_sender(), "привет) как дела? хотел узнать где мой заказ", store="sitra")))
    assert "номер заказа" in said  # the greeting does not swallow the request


def test_a_bare_hour_after_a_pickup_time_is_the_pickup_again(servers) -> None:
    sender = new_sender()
    servers.say(sender, "если оформлю самовывоз сегодня в 12:30, когда смогу забрать?", store="citadel")
    said = "\n".join(texts(servers.say(sender, "а если успею до 11?", store="citadel")))
    assert "16:00" in said and "рабочих дня" not in said  # the same day's pickup, not the delivery lanes


def test_an_unopened_item_returned_with_no_fault_named_is_a_change_of_mind(servers) -> None:
    sender = new_sender()
    servers.say(sender, "سلام سشواری که خریدم خرابه روشن نمیشه میخوام پسش بدم. سفارش SR-5003 شمارمم ۰۹۱۲۱۱۱۱۱۰۳",
                store="sitra")
    said = "\n".join(texts(servers.say(sender, "کرم نیوآ هم که تو همین سفارش بود رو میشه پس بدم؟ درشو باز نکردم",
                                       store="sitra")))
    assert "انصراف از خرید" in said and "دلیل مرجوعی چیست" not in said  # Sitra's page is silent on it: a person


def test_a_rules_question_after_a_status_question_keeps_the_status_for_the_order(servers) -> None:
    sender = new_sender()
    servers.say(sender, "где CT-2002? и можно ли вернуть если не понравится?", store="citadel")
    said = "\n".join(texts(servers.say(sender, "599125502", store="citadel")))
    assert "Заказ CT-2002" in said and "передумал" not in said  # its status, the return rule having been answered


def test_a_rule_alone_is_followed_by_the_customers_next_step(servers) -> None:
    said = "\n".join(texts(servers.say(new_sender(), "купил у вас чайник, привезли два дня назад, уже не включается. "
                                                     "гарантия есть?", store="citadel")))
    assert "гарантийный талон" in said and "0322350035" in said  # the card's rule, then whom to ask
    said = "\n".join(texts(servers.say(new_sender(), "كد رهگيري پستي رو از كجا بگيرم؟", store="sitra")))
    assert "پیامک" in said and "سفارش‌های من" in said  # by SMS, and where to see it meanwhile


def test_an_and_if_with_an_order_proven_is_answered_by_its_rule_without_an_offer_to_check(servers) -> None:
    sender = new_sender()
    servers.say(sender, "سفارش ۵۸۱۲۲ کجاست؟", store="offykala")
    servers.say(sender, "۴۴۰۲", store="offykala")  # proven: shipped, not yet delivered
    replies = servers.say(sender, "اگه رسید و جعبه‌اش داغون بود باید چیکار کنم؟", store="offykala")
    said = "\n".join(texts(replies))
    rule = unit_text("offykala", "refuse_damaged_package", "fa").removeprefix("بله، ")  # asked what to do: no "yes"
    assert rule in said  # the rule, not a decision on the order
    assert not any(reply.get("buttons") for reply in replies)  # the order is known: no "check it for my order"


def test_a_plain_and_if_is_read_by_its_own_words_not_the_topic_before(servers) -> None:
    sender = new_sender()
    servers.say(sender, "можно купить в рассрочку через snapppay?", store="tisa")
    said = "\n".join(texts(servers.say(sender, "а если заказ потом отменят, когда вернутся деньги?", store="tisa")))
    assert "7 рабочих дней" in said  # the refund of a cancelled SnappPay order, not an installment rule


def test_the_present_told_after_a_window_counts_it_again_in_either_language(servers) -> None:
    sender = new_sender()
    servers.say(sender, "вчера в 9 вечера привезли заказ, посуда разбита. до какого времени нужно сообщить?", store="sitra")
    said = "\n".join(texts(servers.say(sender, "сейчас 4 часа дня, ещё не поздно?", store="sitra")))
    assert "ещё 5 часов" in said  # read as "no" by the classifier, yet counted: 21:00 yesterday + 24 h, from 16:00
    sender = new_sender()
    servers.say(sender, "ديشب ساعت ۹ بسته رسید ولی ظرفا شکسته بود. تا کی وقت دارم خبر بدم؟", store="sitra")
    said = "\n".join(texts(servers.say(sender, "الان ساعت 4 عصره، هنوز دیر نشده؟", store="sitra")))
    assert "۵ ساعت وقت دارید" in said and "شماره سفارش" not in said  # not a status question asking for the order


def test_a_typed_yes_to_the_offer_to_check_an_order_asks_for_it(servers) -> None:
    sender = new_sender()
    servers.say(sender, "вчера привезли заказ, посуда разбита. что делать?", store="sitra")
    said = "\n".join(texts(servers.say(sender, "да", store="sitra")))
    assert "номер заказа" in said


def test_still_in_time_after_a_damage_rule_counts_its_window_from_the_moment_given(servers) -> None:
    sender = new_sender()
    servers.say(sender, "الان کارتن رو باز کردم دیدم بدنه لپ تاپ خط افتاده", store="chistatek")
    said = "\n".join(texts(servers.say(sender, "یک ساعت و نیم پیش تحویلش گرفتم، هنوز وقت دارم خبر بدم؟", store="chistatek")))
    assert "۳۰ دقیقه وقت دارید" in said  # the 2-hour visual check, from 90 minutes ago
    sender = new_sender()
    servers.say(sender, "купил наушники, один наушник не работает, что делать?", store="chistatek")
    said = "\n".join(texts(servers.say(sender, "получил в воскресенье, успеваю ещё?", store="chistatek")))
    assert "7 рабочих дней — до" in said  # the 7-working-day defect window, from the last Sunday


def test_with_an_order_proven_a_status_worded_question_about_another_rule_gets_that_rule(servers) -> None:
    sender = new_sender()
    servers.say(sender, "سفارش ۵۸۱۲۲ کجاست؟", store="offykala")
    servers.say(sender, "۴۴۰۲", store="offykala")
    said = "\n".join(texts(servers.say(sender, "на что смотреть когда курьер привезёт? коробки у них всегда мятые",
                                       store="offykala")))
    assert "можно её не принимать" in said and "Трек-номер" not in said  # the rule, not the status again


def test_when_will_it_come_with_where_is_my_order_is_one_question_for_the_look_up(servers) -> None:
    said = texts(servers.say(new_sender(), "добрый день где мой заказ? когда привезут", store="sitra"))
    assert said == ["Пришлите, пожалуйста, номер заказа (например SR-5001)."]  # Sitra's page gives no times: not
    sender = new_sender()  # "not covered" before asking for the order whose look-up answers it
    servers.say(sender, "где мой заказ?", store="tisa")
    said = texts(servers.say(sender, "а когда привезут?", store="tisa"))
    assert "3–5 рабочих дней" in said[0] and "номер заказа" in said[-1]  # where the page gives times, they are said


def test_a_free_delivery_quote_says_how_the_page_sends_it(servers) -> None:
    sender = new_sender()
    servers.say(sender, "سلام، یه ادکلن ۱ میلیون و ۸۰۰ تومنی میخوام، ارسالش رایگانه؟", store="tisa")
    said = texts(servers.say(sender, "اگه یه بادی اسپلش ۳۰۰ تومنی هم بذارم میشه ۲ و ۱۰۰، اونوقت چی؟", store="tisa"))
    assert len(said) == 1 and "۲٬۱۰۰٬۰۰۰ تومان رایگان" in said[0] and "پست پیشتاز" in said[0]  # one question, one quote


def test_a_rule_asked_with_a_return_to_be_filed_is_answered_then_the_order_asked_for(servers) -> None:
    sender = new_sender()
    said = texts(servers.say(sender, "سلام، پرینتری که خریدم روشن نمیشه میخوام مرجوعی ثبت کنید. رو تنظیماتش رمز گذاشتم "
                                     "باید برش دارم؟", store="offykala"))
    assert "باید خودتان آن را بردارید" in said[0] and "شماره سفارش" in said[-1]  # the rule, then the order: no offer
    servers.say(sender, "58120", store="offykala")
    said = texts(servers.say(sender, "4567", store="offykala"))
    assert "«نقص فنی یا خرابی» قابل مرجوعی است" in said[0]  # the defect told in the first message is not asked again


def test_an_and_if_read_as_are_you_a_bot_gets_the_rule_it_asks(servers) -> None:
    sender = new_sender()
    servers.say(sender, "если передумаю и захочу вернуть наушники, что от меня требуется?", store="chistatek")
    said = "\n".join(texts(servers.say(sender, "а если почта её помнёт по дороге, кто отвечает?", store="chistatek")))
    assert "ответственность за это несёт покупатель" in said and "автоматический помощник" not in said
    said = "\n".join(texts(servers.say(new_sender(), "ты бот?", store="chistatek")))
    assert "автоматический помощник" in said


def test_a_topic_the_page_had_nothing_on_is_passed_over_by_the_next_follow_up(servers) -> None:
    sender = new_sender()
    servers.say(sender, "پسرم ۱۶ سالشه با حساب خودش خرید کرده ولی کارت بانکی نداره. پول مرجوعی کجا واریز میشه؟",
                store="offykala")
    servers.say(sender, "کارت مامانش باشه اشکال داره؟", store="offykala")  # read as payment methods: not covered
    said = "\n".join(texts(servers.say(sender, "ولی پولو با کارت خودم دادیم نه کارت پدرش", store="offykala")))
    assert "به حساب مبدأ برمی‌گرداند" in said  # the refund rule the conversation was about, not "not covered"


def test_a_new_detail_never_goes_to_a_computation_the_store_does_not_have(servers) -> None:
    sender = new_sender()
    servers.say(sender, "تهرانم. یه ادکلن ۱,۸۰۰,۰۰۰ تومنی میخوام، ارسالش مجانیه؟", store="tisa")
    said = "\n".join(texts(servers.say(sender, "نه عجله دارم، با پیک امروز عصر میاد؟ پولشم خودم میدم", store="tisa")))
    assert "خودتان انتخاب می‌کنید" in said  # Tisa's couriers at a time one chooses, not "not covered" from a pickup


def test_a_rules_question_read_as_a_status_question_gets_the_rule_unless_an_order_is_named(servers) -> None:
    said = texts(servers.say(new_sender(), "отправляю назад ноутбук по 7-дневной проверке, там стоит пароль на вход. так "
                                           "и оставить?", store="offykala"))
    assert "нужно снять (удалить)" in said[0] and not any("номер заказа" in text for text in said)
    said = texts(servers.say(new_sender(), "добрый день. заказ 58120, телефон заканчивается на 4567. сколько дней теста "
                                           "у меня ещё осталось?", store="offykala"))
    assert "58120" in "\n".join(said)  # an order named is looked up, not answered with the general rule


def test_whom_to_tell_is_answered_with_the_stores_contact_and_no_rule_twice(servers) -> None:
    said = texts(servers.say(new_sender(), "بسته امروز رسید در شیشه ترک خورده بود و نصفش ریخته بود 😭 چند روز فرصت دارم "
                                           "خبر بدم و به کی؟", store="tisa"))
    whole = "\n".join(said)
    assert "۷ روز" in whole and "۰۲۱۵۵۶۹۰۶۸۸" in whole  # the window, and whom: the page's phone
    lines = [line for text in said for line in text.splitlines()]
    assert len(lines) == len(set(lines))  # the second part's rule, said by the first answer already, is not repeated


def test_an_order_named_with_another_item_delivered_is_a_return_not_its_status(servers) -> None:
    sender = new_sender()
    servers.say(sender, "заказ ts1046 заказывала версаче эрос 100 мл а пришел 50 мл", store="tisa")
    said = "\n".join(texts(servers.say(sender, "09352222206", store="tisa")))
    assert "не тот товар" in said and "вернут все расходы" in said and "Трек-номер" not in said


def test_a_rules_question_naming_the_stores_experts_read_as_a_wish_for_a_person_gets_the_rule(servers) -> None:
    said = "\n".join(texts(servers.say(new_sender(), "اگه دستگاهو بفرستم و کارشناساتون بگن سالمه، هزینه پستش با کیه؟",
                                       store="offykala")))
    assert "بر عهده مشتری" in said and "در صف پشتیبانی" not in said  # the rule; the conversation is not queued


def test_a_defect_told_in_a_return_question_gets_the_damage_rules(servers) -> None:
    said = "\n".join(texts(servers.say(new_sender(), "Купил у вас МФУ Canon, пользовался 3 дня и он начал мять бумагу. "
                                                     "Я ничего не перенастраивал, всё по инструкции. вернуть можно?",
                                       store="offykala")))
    assert "7" in said and "нет информации" not in said


def test_a_message_telling_both_the_delivery_and_now_is_counted_without_the_days_said_before(servers) -> None:
    sender = new_sender()
    servers.say(sender, "اسکنرمو پریروز تحویل گرفتم، تا کی وقت دارم تستش کنم؟", store="offykala")
    said = "\n".join(texts(servers.say(sender, "یه گوشه‌ش هم ضربه خورده انگار. دیروز ساعت ۱۱ صبح تحويلش گرفتم الان "
                                               "ساعت ۹ صبحه، دیر نشده؟", store="offykala")))
    assert "ساعت ۱۱:۰۰ (امروز) است" in said and "۲ ساعت وقت دارید" in said  # 24 hours from yesterday 11:00, at 9:00 today


def test_ones_own_order_named_with_not_yet_come_is_looked_up_not_answered_with_a_cancel_rule(servers) -> None:
    said = "\n".join(texts(servers.say(new_sender(), "سلام سفارشم هنوز نرسیده، کجاست؟ کدش 58122 ـه", store="offykala")))
    assert "شماره موبایل" in said and "منصرف" not in said


def test_a_sum_the_customer_made_is_the_total_the_distance_is_then_counted_for(servers) -> None:
    sender = new_sender()
    servers.say(sender, "сколько стоит доставка если закажу на 80 лари? я в тбилиси", store="citadel")
    servers.say(sender, "а если еще наушники за 45 добавлю, будет 125", store="citadel")
    said = "\n".join(texts(servers.say(sender, "от вас километров 8 где то", store="citadel")))
    assert "125 лари" in said and "12 лари" in said  # 8 km at 1.50 lari, for the 125 lari said


def test_an_order_verified_as_typed_with_a_dash_is_not_asked_for_again(servers) -> None:
    sender = new_sender()
    servers.say(sender, "добрый день. заказ 58-120, телефон 0912 123 45 67. принтер hp пришел позавчера, коробку даже не "
                        "открывал, передумал. хочу вернуть", store="offykala")
    said = "\n".join(texts(servers.say(sender, "а если он окажется бракованным?", store="offykala")))
    assert "HP LaserJet M236" in said and "номер телефона" not in said  # 58-120 is the 58120 proven a turn ago


def test_a_question_read_as_a_yes_to_the_offer_is_answered_not_taken_as_yes(servers) -> None:
    sender = new_sender()
    servers.say(sender, "پس آنلاین میدم. ولی اگه روز تحویل خونه نباشم چی میشه؟", store="chistatek")  # ends with the offer
    said = "\n".join(texts(servers.say(sender, "خب بعد از ثبت میتونم آدرسو بزنم محل کارم که حتما باشم؟", store="chistatek")))
    assert "شماره سفارش" not in said  # a question, not a "yes" to checking an order


def test_out_of_scope_as_the_classifiers_second_guess_leaves_room_for_a_topic(servers) -> None:
    said = "\n".join(texts(servers.say(new_sender(), "دیروز گوشی سامسونگو ۲۵ میلیون خریدم امروز شده ۲۳! مابه التفاوتشو "
                                                     "برمیگردونین؟", store="chistatek")))
    assert "به هیچ عنوان" in said  # the price is fixed once ordered (order_change, the classifier's third guess)


def test_a_wrong_item_told_as_a_no_gets_its_rule_and_leads_the_next_question_to_returns(servers) -> None:
    sender = new_sender()
    servers.say(sender, "سلام، عطر زارا سفارش دادم، شیشه ای که اومده با عکس سایت یکم فرق داره، اصله اصلا؟", store="tisa")
    said = "\n".join(texts(servers.say(sender, "نه ببخشید دقیق نگاه کردم اصلا یه عطر دیگه‌س! من رد تمپتیشن زده بودم این یه "
                                               "چیز دیگه ست", store="tisa")))
    assert "همه هزینه‌ها" in said  # the product-match guarantee, not "ok, what else?"
    said = "\n".join(texts(servers.say(sender, "خودم با تیپاکس بفرستم براتون؟ فقط آدرس بدین", store="tisa")))
    assert "بدون هماهنگی" in said and "سفارشی" in said  # sending it back: the return's own rule


def test_the_money_of_a_return_with_amounts_gets_the_return_rule_not_a_delivery_price(servers) -> None:
    said = "\n".join(texts(servers.say(new_sender(), "۲ میلیون و ۳۰۰ خرید کردم ارسالش رایگان شد. حالا یه ادکلن ۶۰۰ تومنیشو "
                                                     "میخوام پس بدم، هنوز پلمپه. کل پولشو برمیگردونین؟", store="tisa")))
    assert "کسر" in said  # returning it breaks free shipping: its cost is deducted
    sender = new_sender()
    servers.say(sender, "купила двое духов, одни хочу вернуть, они запечатаны", store="tisa")
    said = "\n".join(texts(servers.say(sender, "заказ был на 2 млн 300 тысяч с бесплатной доставкой, эти духи стоят 600 "
                                               "тысяч. мне вернут все 600?", store="tisa")))
    assert "вычитается" in said or "вычтут" in said


def test_a_second_status_question_while_the_order_is_asked_for_waits_for_the_look_up(servers) -> None:
    sender = new_sender()
    said = texts(servers.say(sender, "заказ 58122, принтер epson — его уже отправили? хочу понять когда курьера ждать",
                             store="offykala"))
    assert said == [said[-1]] and "номер телефона" in said[-1]  # no "the rules say nothing" before the phone is asked
    assert "отправлен" in "\n".join(texts(servers.say(sender, "4402", store="offykala")))  # the form still asks it


def test_a_defect_asked_about_before_first_use_gets_the_test_period(servers) -> None:
    sender = new_sender()
    servers.say(sender, "پرینتر لیزری گرفتم هنوز پلمبه بازش نکردم، پشیمون شدم. پس میگیرین؟", store="offykala")
    said = "\n".join(texts(servers.say(sender, "اگه روشنش کنم و ایراد داشته باشه اونوقت چی؟", store="offykala")))
    assert "فرصت تست" in said or "مهلت تست ۷ روزه" in said  # the 7-day test, not the returned item's condition alone


def test_sending_a_return_oneself_after_a_return_is_about_the_returns_post(servers) -> None:
    sender = new_sender()
    servers.say(sender, "سلام. عطر لانکوم رو میخوام پس بدم، پلمپشو باز نکردم فقط بوش به من نمیاد", store="tisa")
    said = "\n".join(texts(servers.say(sender, "من مشهدم با پست سفارشی میفرستم، رسید پستو چیکار کنم؟", store="tisa")))
    assert "قبض پست" in said and "مبلغ سفارش" not in said  # the receipt rule, not a delivery price


def test_an_amount_outside_a_rules_bound_is_told_the_bound(servers) -> None:
    sender = new_sender()
    servers.say(sender, "если куплю ноутбук за 15 млн туманов, при получении нужны будут документы?", store="chistatek")
    said = "\n".join(texts(servers.say(sender, "а если за 8 млн?", store="chistatek")))
    assert "только для сумм свыше 10\u202f000\u202f000 томан" in said and "8\u202f000\u202f000 томан — меньше" in said
    said = last_reply(servers, "chistatek", "یه گوشی ۱۲ میلیون و ۵۰۰ سفارش دادم، موقع تحویل مدارک شناسایی میخوان؟",
                      "وای ببخشید قیمتو ریالی دیده بودم، ۱۲ میلیون و ۵۰۰ هزار ریال بوده")  # corrected to rial
    assert "۱٬۲۵۰٬۰۰۰ تومان کمتر از آن است، پس شامل آن نمی‌شود" in said  # plainly: the rule is not for it


def test_a_window_that_has_passed_says_what_the_page_says_follows(servers) -> None:
    sender = new_sender()
    servers.say(sender, "сколько времени есть чтобы сообщить о царапине на корпусе после получения?", store="chistatek")
    said = "\n".join(texts(servers.say(sender, "я получил позавчера, значит уже поздно?", store="chistatek")))
    assert "срок 2 часа истёк" in said and "ответственности за них не несёт" in said


def test_a_warranty_question_about_ones_item_says_the_card_rule_with_the_operator(servers) -> None:
    said = "\n".join(texts(servers.say(new_sender(), "чайник philips уже не греет. заказ CT-2003 тел 599125503. это по гарантии?",
                                       store="citadel")))
    assert "0322350035" in said and "гарантийный талон" in said


def test_out_of_town_with_a_distance_is_priced_without_the_amount(servers) -> None:
    said = "\n".join(texts(servers.say(new_sender(), "ارسال به خارج شهر، ۱۵ کیلومتر، چقدر میشه؟", store="citadel")))
    assert "۳۰ لاری" in said and "مبلغ سفارش" not in said


@pytest.mark.parametrize("store, messages, deadline", [
    # a rule with a span, then the moment it began: the span counted from it, with the day named
    ("sitra", ("سفارشم رسیده ولی یکیش ایراد داره. تا کی وقت دارم خبر بدم؟", "امروز ساعت ۱۰ صبح تحویل گرفتم"),
     "ساعت ۱۰:۰۰ (فردا)"),
    ("sitra", ("здравствуйте, оплатил заказ, деньги списались а заказ не оформился",
               "списали в понедельник в 9 утра, до какого времени ждать?"), "(четверг), 9:00"),
])
def test_a_rules_span_is_counted_from_the_moment_the_customer_names(servers, store: str, messages: tuple[str, ...],
                                                                    deadline: str) -> None:
    assert deadline in last_reply(servers, store, *messages)


def test_what_if_told_late_is_the_rule_for_late_not_a_deadline(servers) -> None:
    said = last_reply(servers, "offykala", "آسیب حمل و نقل رو تا چند ساعت میشه گزارش داد", "اگه بعد ساعت ۱۰ خبر بدم چی میشه")
    assert "مستندات" in said and "یعنی تا" not in said


def test_a_pickup_hour_said_before_the_verb_is_the_pickup_time(servers) -> None:
    said = last_reply(servers, "citadel", "если закажу самовывоз в 10:30 когда можно забрать", "а если в 12 закажу")
    assert "на следующий день" in said and "10:00" in said


def test_a_rule_whose_terms_the_page_leaves_open_offers_a_person(servers) -> None:
    replies = servers.say(new_sender(), "а рассрочка на сколько месяцев и какой процент?", store="citadel")
    said = "\n".join(texts(replies))
    assert "не указаны" in said and "оператор поддержки" in said
    assert "/human_handoff" in {button["payload"] for reply in replies for button in reply.get("buttons", [])}


def test_a_distance_without_a_city_is_priced_in_the_cities_with_the_rate_beyond(servers) -> None:
    said = last_reply(servers, "citadel", "а если на 300 лари и до меня 12 км?")
    assert "итого 18 лари" in said and "24 лари" not in said and "За городом — 2 лари за км" in said


@pytest.mark.parametrize("store, message, hello", [
    ("offykala", "здравствуйте, по-русски понимаете?", "Здравствуйте"), ("citadel", "سلام، فارسی هم جواب میدین؟", "سلام"),
])
def test_asked_whether_it_speaks_the_language_it_greets_in_it(servers, store: str, message: str, hello: str) -> None:
    said = last_reply(servers, store, message)
    assert said.startswith(hello) and "нет информации" not in said


def test_a_refund_asked_after_an_installment_computation_is_the_refund_rule(servers) -> None:
    said = last_reply(servers, "tisa", "хочу взять помаду за 45 тысяч туманов в рассрочку через snapp pay, получится?",
                      "а если заказ в рассрочку отменят, первый платеж когда вернется?")
    assert "рабоч" in said and "меньше минимальной" not in said


def test_a_future_fault_asked_of_an_item_gets_the_warranty_rule(servers) -> None:
    said = last_reply(servers, "citadel", "чайник philips пришёл с царапиной, я расписался не глядя. что теперь?",
                      "а если он вообще перестанет включаться через месяц?")
    assert "гарантийн" in said and "0322350035" in said


def test_a_topic_whose_price_the_page_does_not_state_offers_a_person(servers) -> None:
    replies = servers.say(new_sender(), "а доставка в Тебриз сколько стоит?", store="chistatek")
    assert "не указана" in "\n".join(texts(replies))
    assert "/human_handoff" in {button["payload"] for reply in replies for button in reply.get("buttons", [])}


def test_how_to_do_something_after_an_installment_sum_is_its_rule_not_the_schedule_again(servers) -> None:
    said = last_reply(servers, "tisa", "یه عطر ۲ میلیونی با اسنپ پی بخرم هر قسط چقدره؟", "اسنپ پی ندارم اصلا، چطوری فعالش کنم")
    assert "سرویس اعتباری" in said and "قسط ۱:" not in said


def test_what_if_a_wrong_item_came_read_as_are_you_real_gets_the_wrong_item_rule(servers) -> None:
    said = last_reply(servers, "tisa", "اگه واقعا یه چیز دیگه فرستاده باشین چی؟")
    assert "همه هزینه" in said and "دستیار خودکار" not in said


def test_free_shipping_to_another_city_says_how_long_there_not_how_tehran_gets_it(servers) -> None:
    said = last_reply(servers, "tisa", "تهرانم، برای خرید ۲ میلیون و ۱۰۰ ارسال رایگانه؟", "و اگه شیراز باشم؟")
    assert "رایگان" in said and "۳ تا ۵ روز کاری" in said and "پیشتاز" not in said
    assert "پیشتاز" in last_reply(servers, "tisa", "تهرانم، برای خرید ۲ میلیون و ۱۰۰ ارسال رایگانه؟")


def test_a_story_whose_last_question_is_short_gets_the_rule_of_what_it_tells(servers) -> None:
    said = last_reply(servers, "sitra", "добрый вечер. заказал в понедельник сковородку, оплатил онлайн, а смс с трек "
                                        "номером так и нет. это нормально вообще?")
    assert "SMS" in said and "нет информации" not in said
    said = last_reply(servers, "sitra", "سلام وقتتون بخیر. ببخشید طولانی میشه. سه‌شنبه‌ی گذشته یه ماهیتابه و یه مخلوط کن از "
                                        "سایتتون سفارش دادم، آنلاین با کارت خواهرم پرداخت کردم چون کارت خودم رمز دوم نداشت. "
                                        "امروز فهمیدم همسرم همون مخلوط کن رو از یه جای دیگه خریده 😅 هنوز پیامک کد رهگیری هم برام "
                                        "نیومده. میخوام کل سفارشو کنسل کنم، میشه؟")
    assert "شماره سفارش" in said and "ذکر نشده" not in said  # one's whole order to cancel: it is asked for


def test_the_hour_told_as_now_is_not_when_the_item_came(servers) -> None:
    said = last_reply(servers, "offykala", "دیروز عصر پیک دستگاه فکسو آورد، کارتنش خیس بود. امروز صبح دیدم بدنه‌ش ترک خورده.",
                      "الان ساعت ۹ صبحه، دیروز حدود ۶ عصر تحویل گرفتم. هنوز تو مهلتم؟")
    assert "ساعت ۱۸:۰۰" in said and "ساعت ۹:۰۰ بوده" not in said


def test_an_amount_below_a_close_rules_bound_is_told_why_it_does_not_hold(servers) -> None:
    said = last_reply(servers, "chistatek", "یه گوشی سفارش دادم ۹ میلیون و ۸۰۰، خودم سرکارم و برادرم تحویل میگیره. مدرک شناسایی لازمه؟")
    assert "معرفی" in said and "فقط برای مبلغ‌های بیش از ۱۰٬۰۰۰٬۰۰۰ تومان" in said and "۹٬۸۰۰٬۰۰۰ تومان کمتر" in said


def test_a_corrected_distance_is_priced_with_the_total_said_without_a_currency(servers) -> None:
    said = last_reply(servers, "citadel", "сколько у вас доставка по Тбилиси?", "а если на 300? до меня от вас километров 13",
                      "сорри, опечатка — не 13, а 3 км. и сколько это будет?")
    assert "4,50 лари" in said and "300 лари" in said


def test_a_total_said_in_words_after_a_delivery_price_is_priced(servers) -> None:
    said = last_reply(servers, "citadel", "телевизор за тысячу двести лари, доставка в Мцхету бесплатная?",
                      "а если возьму ещё дешевле, за четыреста девяносто девять?")
    assert "499 лари" in said and "1,50 лари за км" in said


def test_declining_the_order_check_gets_the_rule_without_an_offer_to_check(servers) -> None:
    said = last_reply(servers, "tisa", "نه مرسی نمیخواد الان چیزی ثبت کنی یا سفارشمو چک کنی، فقط بگو اگه پسش بفرستم هزینه پستش با کیه؟")
    assert "هزینه بازگشت" in said and "بررسی می‌کنم" not in said
    said = last_reply(servers, "chistatek", "проверять мой заказ не надо, просто скажите: если закажу заново, цена останется та же?")
    assert said and "не отвечает" not in said and "номер заказа" not in said  # was silence ("part of our system…")


def test_how_orders_usually_go_is_the_rule_not_a_request_for_the_order(servers) -> None:
    said = last_reply(servers, "chistatek", "دفعه قبلم تو عید سفارشم یه هفته طول کشید، همیشه اینجوریه؟")
    assert "اعیاد" in said and "شماره سفارش را بفرستید" not in said


def test_a_long_story_of_a_fault_asking_to_send_it_back_gets_the_return_window(servers) -> None:
    said = last_reply(servers, "chistatek", "سلام وقتتون بخیر. من حدود دوازده روز پیش یه لپتاپ ایسوس ازتون گرفتم، پولشم کارت "
                                            "به کارت از حساب بابام زدم چون سقف کارت خودم پر بود. از همون روز اول فنش یه صدای "
                                            "عجیبی میداد گفتم شاید عادیه، ولی الان دیگه داغ میکنه و خودش خاموش میشه. هنوز "
                                            "میتونم بفرستمش براتون که عوضش کنید یا پولمو پس بدید؟")
    assert "۷ روز کاری" in said and "متوجه منظورتان نشدم" not in said


def test_a_sealed_item_asked_after_an_opened_change_of_mind_gets_the_sealed_rule(servers) -> None:
    for store, first, then, expected in (
            ("tisa", "دیشب عطرو بازش کردم ولی بوش به دلم ننشست. میخوام پسش بدم، میشه؟", "و اگه باز نکرده بودمش؟",
             ("پلمپ آن باز نشده", "حراج")),  # accepted sealed; who pays on sale days
            ("tisa", "Открыла духи, запах не понравился, можно вернуть?", "а если бы не вскрывала?",
             ("пломба не вскрыта", "распродаж")),
            ("tisa", "купила духи открыла запах не мой. можно вернуть?",  # read as an order change: still the return's
             "а вторые из того же заказа я не вскрывала, их можно? брала на распродаже", ("пломба не вскрыта",)),  # rule
            ("offykala", "کاغذ A4 رو باز کردم ولی پشیمون شدم، پس میگیرید؟",  # a kind the reason excludes, sealed: refused
             "یه کولر گازی هم سفارش دادم که هنوز پلمپه، اونو دیگه میشه؟", ("حتی با پلمپ سالم",))):
        said = last_reply(servers, store, first, then)
        assert all(part in said for part in expected), (then, said)


def test_a_figure_of_the_rule_just_said_asks_about_it_and_past_its_span_a_person(servers) -> None:
    sender = new_sender()
    servers.say(sender, "پول از حسابم کم شد ولی پرداخت ناموفق شد و سفارش ثبت نشد 😕", store="sitra")
    again = "\n".join(texts(servers.say(sender, "۷۲ ساعت کاری؟ یا همینطوری ۷۲ ساعت؟", store="sitra")))
    assert "توسط بانک" in again and "۲۴ تا ۷۲" not in again  # the bank's 72 hours, not the refund's working hours
    past = "\n".join(texts(servers.say(sender, "اگه تا سه روز دیگه برنگشت چیکار کنم؟", store="sitra")))
    assert "ذکر نشده" in past and "پشتیبانی" in past and "۲۴ تا ۷۲" not in past


def test_a_short_and_if_read_as_a_delivery_time_by_a_guess_is_about_the_topic_before(servers) -> None:
    said = last_reply(servers, "tisa", "ادکلن خارجی بخرم تاریخ انقضاش حداقل چقدره؟", "اگه کمتر از این باشه چی؟")
    assert "اطلاع" in said and "روز کاری" not in said  # a shorter expiry is told, not the delivery times
    said = last_reply(servers, "chistatek", "کارت به کارت کردم پول سفارشو، الان چی باید وارد کنم؟",
                      "امروز جمعه‌ست، امروز تاییدش میکنین؟")
    assert "روزهای کاری" in said and "زمان مشخصی برای ارسال" not in said  # the card payment's days, not a delivery
    said = last_reply(servers, "chistatek", "Вчера заказал телефон, сегодня он подешевел. Пересчитаете?")
    assert "невозможно" in said


def test_both_items_priced_before_together_are_priced_as_one_order(servers) -> None:
    said = last_reply(servers, "citadel", "холодильник за 900 лари в Батуми, доставка сколько будет?",
                      "а утюг за 80 лари туда же?", "а если оба вместе одним заказом")
    assert "980 лари" in said and "бесплатн" in said


def test_a_service_the_page_does_not_offer_is_said_not_covered_with_a_person(servers) -> None:
    said = last_reply(servers, "chistatek", "یه یخچال میخوام بفرستین تهران", "نصبشم انجام میدین؟")
    assert "در قوانین چیستاتک درباره‌ی «نصب» چیزی ذکر نشده" in said and "پشتیبانی" in said
    said = last_reply(servers, "tisa", "а пробники отдельно продаёте?")
    assert "«пробники»" in said and "нет информации" in said and "оператор поддержки" in said


def test_not_checking_ones_order_is_no_testing_window(servers) -> None:
    said = last_reply(servers, "chistatek", "понял. проверять мой заказ не надо, просто скажите: если закажу заново, цена "
                                            "останется вчерашняя?")
    assert "срок" not in said.lower()  # "yesterday's price" with "checking" the order: no return window counted


def test_a_payment_method_the_page_does_not_name_is_said_not_named_with_a_person(servers) -> None:
    said = last_reply(servers, "citadel", "а PayPal или крипта можно?")
    assert "VISA" in said.upper() and "среди способов оплаты не упоминается: «PayPal», «криптовалюта»" in said
    assert "оператор поддержки" in said
    said = last_reply(servers, "sitra", "میشه نقدی حساب کنم؟")
    assert "«پول نقد» در میان روش‌های پرداختی که در قوانین سیترا آمده ذکر نشده است" in said
    assert "روش‌های پرداختی که در قوانین" not in last_reply(servers, "tisa", "میشه نقدی حساب کنم؟")  # cash on delivery, arranged


def test_a_payment_made_on_the_weekend_is_confirmed_on_the_next_working_day(servers) -> None:
    said = last_reply(servers, "chistatek", "جمعه شب كارت به كارت كردم كي تاييد ميشه؟")
    assert "(جمعه) روز کاری نیست" in said and "(شنبه)" in said  # Iran's weekend is Friday
    said = last_reply(servers, "chistatek", "Перевёл с карты на карту в пятницу, когда подтвердят?")
    assert "(пятница) — нерабочий день" in said and "(суббота)" in said
    said = last_reply(servers, "chistatek", "سه‌شنبه کارت به کارت کردم کی تایید میشه؟")
    assert "روزهای کاری" in said and "روز کاری نیست" not in said  # a working day moves nothing


def test_two_questions_answered_by_the_same_rules_say_each_rule_once(servers) -> None:
    said = last_reply(servers, "tisa", "как вернуть товар? куда писать?")
    lines = [line for line in said.split("\n") if len(line) >= 30]
    assert "support@tisaperfume.com" in said and len(lines) == len(set(lines)), said


def test_an_item_added_to_the_total_asked_about_is_added_whatever_the_topic_read(servers) -> None:
    said = last_reply(servers, "tisa", "یه بادی اسپلش ۴۵ تومنی میخوام با اسنپ پی قسطی بخرم میشه؟",
                      "خب یه لوسیون ۱۲ تومنی هم میذارم کنارش، حالا چی؟")
    assert "۵۷٬۰۰۰ تومان" in said and "۱۴٬۲۵۰ تومان" in said  # 45 + 12 thousand, in four payments
    said = last_reply(servers, "tisa", "хочу гель за 45 тысяч томан в рассрочку через snapp pay",
                      "а если ещё маску добавлю и выйдет 120 тыс, сколько тогда каждый платёж?")
    assert "120\u202f000 томан" in said and "30\u202f000 томан" in said  # the sum said, not added again
    said = last_reply(servers, "citadel", "заказ на 350 лари, Тбилиси, от вас где-то 12 км. сколько доставка?",
                      "а если добавлю чайник за 180, чтобы вышло больше 500?")
    assert "530 лари" in said and "бесплатн" in said


def test_whether_an_order_still_ships_free_after_a_return_is_computed(servers) -> None:
    said = last_reply(servers, "tisa", "دوتا عطر گرفتم جمعا ۳ میلیون و ۲۰۰ شد ارسالشم رایگان بود. یکیشو که ۱ میلیون و ۴۰۰ "
                                       "بود پلمپه، میخوام پس بدم. کل پولش برمیگرده؟")
    assert "۱٬۸۰۰٬۰۰۰ تومان" in said and "کسر و باقی واریز" in said  # 1.8 million left: not over 2 million
    said = last_reply(servers, "tisa", "заказ был на 2 млн 300 тысяч с бесплатной доставкой, эти духи стоят 600 тысяч. "
                                       "мне вернут все 600?")
    assert "1\u202f700\u202f000 томан" in said and "вычтут" in said


def test_a_what_if_plainly_about_another_rule_is_not_read_as_a_delivery_time(servers) -> None:
    said = last_reply(servers, "tisa", "قسطای بعدی کی باید بدم؟", "اگه ۳ روز دیر بدم جریمه داره؟")
    assert "روز پنجم" in said and "پست به شهرستان" not in said  # the installments' grace, not the post's 3-5 days


def test_a_question_after_a_told_wish_is_read_on_its_own_where_the_whole_weighs_two_alike(servers) -> None:
    answer = last_reply(servers, "sitra", "سلام وقتتون بخیر، اولین باره می‌خوام از سیترا خرید کنم. ثبت نام چطوریه؟")
    assert "کد تأیید" in answer  # signing up, not only how to order


def test_days_gone_by_since_a_span_began_count_it_down(servers) -> None:
    answer = last_reply(servers, "sitra", "پول از حسابم کم شد ولی سفارش ثبت نشد!! الان چيكار كنم",
                        "الان 2 روز گذشته هنوز برنگشته، نگران باشم؟")
    assert "۷۲ ساعت" in answer and "فردا" in answer  # 72 hours from two days ago end tomorrow


def test_a_rule_that_sends_the_customer_to_the_store_comes_with_its_contact(servers) -> None:
    answer = last_reply(servers, "tisa", "عطرو تو حراج خریدم پلمپشم باز نکردم، ولی فک کنم بوش به دلم نمیشینه. میتونم پس بدم؟",
                        "خب چطوری برگردونمش؟ من اصفهانم")
    assert "قبض" in answer and "۰۲۱۵۵۶۹۰۶۸۸" in answer


def test_an_item_bought_as_a_separate_order_is_priced_alone(servers) -> None:
    answer = last_reply(servers, "citadel", "Присмотрели у вас холодильник за 900 лари. Доставка в Батуми сколько будет?",
                        "супер. а если еще чайник за 80 лари, но отдельным заказом, уже потом?")
    assert "80 лари" in answer and "980" not in answer


def test_the_other_way_round_of_the_rule_just_said_is_that_rule(servers) -> None:
    answer = last_reply(servers, "chistatek", "اگه تا برسه قیمتش گرون شد باید مابه التفاوت بدم؟", "برعکسش چی، ارزون شد پولشو پس میدین؟")
    assert "کاهش یا افزایش" in answer


def test_who_pays_after_a_ground_told_is_that_grounds_rule_not_a_change_of_minds(servers) -> None:
    said = texts(servers.say(new_sender(), "اگه چیزی که رسید با عکس و مشخصات سایت فرق داشت چی؟ هزینه ها با کیه", store="tisa"))
    assert unit_text("tisa", "wrong_item_full_refund", "fa") in said
    assert unit_text("tisa", "return_shipping_normal_days_or_sale", "fa") not in said


def test_an_amount_corrected_after_a_rule_for_any_amount_gets_that_rule_again(servers) -> None:
    answer = last_reply(servers, "sitra", "سلام من ۲ میلیون و ۳۰۰ پرداخت کردم از حسابم کم شد ولی سفارش ثبت نشد!! پولم کی برمیگرده",
                        "ببخشید ۲ میلیون و ۸۰۰ بود نه ۳۰۰. فرقی میکنه؟")
    assert "تغییر نمی‌دهد" in answer and "۷۲ ساعت" in answer


def test_an_and_if_supposing_a_ground_gets_that_grounds_rule_beside_the_topics(servers) -> None:
    said = texts(servers.say(new_sender(), "اگه چیزی که رسید با عکس سایت فرق داشت چی؟", store="tisa"))
    assert unit_text("tisa", "batch_appearance_may_differ", "fa") in said
    assert unit_text("tisa", "wrong_item_full_refund", "fa") in said


def test_a_correction_of_a_fact_is_the_question_before_asked_again_put_right(servers) -> None:
    said = last_reply(servers, "tisa", "ارسال فوری به زاهدان دارید؟ میخوام ۲۴ ساعته برسه", "ببخشید منظورم زنجان بود نه زاهدان")
    assert "ارسال فوری: ۲۴ تا ۴۸ ساعت" in said and "به زاهدان امکان‌پذیر نیست" not in said  # Zanjan has express
    said = last_reply(servers, "offykala", "من ۱۶ سالمه کارت ندارم، پول مرجوعی رو میشه بریزین به کارت بابام؟",
                      "ببخشید اشتباه تایپ کردم، ۱۹ سالمه نه ۱۶")
    assert "صاحب پروفایل" in said and "در قوانین آفیکالا اطلاعاتی" not in said  # was "the rules say nothing"
    said = last_reply(servers, "citadel", "сколько доставка в Кутаиси за 300 лари?", "ой, извините, в Батуми, а не в Кутаиси")
    assert "Батуми" in said and "Кутаиси" not in said
    said = last_reply(servers, "offykala", "اسکنر ۱۰ روز پیش رسید الان خراب شده، شامل تست ۷ روزه میشه؟",
                      "ببخشید اشتباه گفتم، ۱۰ روز پیش سفارش دادم، ۵ روز پیش تحویلش گرفتم")
    assert "پس‌فردا" in said and "گذشته است" not in said  # delivered 5 days ago: two of the 7 days left, not over
    said = last_reply(servers, "citadel", "یه یخچال ۷۰۰ لاری میخوام، ارسال به تفلیس چنده؟",
                      "ببخشید قیمتش ۳۰۰ لاریه نه ۷۰۰. ۶ کیلومتر هم تا شما فاصله دارم")
    assert "۳۰۰ لاری" in said and "۹ لاری" in said  # the price put right and the distance added, not 300 + 700
    said = last_reply(servers, "citadel", "фен за 60 лари, доставка по тбилиси сколько?",
                      "а если еще плойку за 50 возьму, всего 110. от вас 6 км", "ой, не 6, а 10 км")
    assert "110 лари" in said and "15 лари" in said  # the total of the message put right, not the curler added again
    said = last_reply(servers, "citadel", "фен за 60 лари, доставка по тбилиси сколько?",
                      "а если еще плойку за 50 возьму, всего 110. от вас 6 км", "ой, не 6, а 10 км",
                      "ой, не 10, а 12 км")
    assert "110 лари" in said and "18 лари" in said  # a second correction in a row: the same total


def test_a_window_counted_from_the_moment_told_is_said_once(servers) -> None:
    said = last_reply(servers, "chistatek", "بسته ساعت ۳ رسید الان ساعت ۶ عصره، تازه دیدم رو بدنه لپ تاپ خط و خش هست")
    assert said.count("۱۵:۰۰") == 1 and "۱۷:۰۰" in said  # the window's line, not also the rule's deadline from that moment


def test_a_count_said_again_is_the_question_before_with_that_count(servers) -> None:
    said = last_reply(servers, "chistatek", "ماشین لباسشویی با ارسال ویژه کالای سنگین سفارش دادم. خونه‌م همکفه ولی ۹ تا پله "
                      "میخوره تا در، طبقه چندم حساب میشه؟", "ببخشید الان رفتم دوباره شمردم، ۶ تا بیشتر نیست")
    assert "طبقه اول" in said and "سلام" not in said  # was read as a greeting


def test_an_and_if_of_a_wrong_item_read_as_a_return_gets_that_grounds_rule_too(servers) -> None:
    said = last_reply(servers, "tisa", "если придет флакон не такой как на фото на сайте вы доставку тоже вернете?")
    assert unit_text("tisa", "batch_appearance_may_differ", "ru") in said
    assert unit_text("tisa", "wrong_item_full_refund", "ru") in said  # the shipping asked about: refunded for a wrong item


def test_a_topic_the_page_is_silent_on_gives_way_to_the_classifiers_second_guess_when_its_rule_answers(servers) -> None:
    said = last_reply(servers, "sitra", "قسطی هم میفروشین؟", "خب واسه قسطی باید حضوری بیام یا آنلاینه؟")  # read as a pickup
    assert "اعتبارسنجی آنلاین" in said and "ذکر نشده" not in said
    said = last_reply(servers, "offykala", "دقیقا نمیدونید چند روز دیگه؟")  # a delivery time: the page gives none
    assert "۷ روز" not in said  # not the test period's days, the nearest rule of another topic


def test_a_stair_count_gets_its_half_of_the_floor_rule_also_as_an_and_if(servers) -> None:
    first = "یخچال سفارش دادم با ارسال ویژه کالای سنگین. طبقه اولم ولی ۹ تا پله میخوره، طبقه اول حساب میشه؟"
    assert "طبقه دوم" in last_reply(servers, "chistatek", first)
    said = last_reply(servers, "chistatek", first, "اگه از در پارکینگ بیارن فقط ۵ تا پله ست، اونوقت چی؟")
    assert "طبقه اول" in said and "طبقه دوم" not in said  # was read as a delivery time: "no fixed time"


def test_a_question_the_classifier_was_torn_on_gets_the_second_readings_rule(servers) -> None:
    said = last_reply(servers, "sitra", "как вообще оформляется возврат товара, через сайт или надо звонить?")
    assert "«Мои заказы»" in said and "нет информации" not in said  # how to order 0.56, a return 0.43


def test_a_long_story_ending_on_its_question_gets_the_rule_it_asks(servers) -> None:
    said = last_reply(servers, "citadel", "Здравствуйте! Ситуация такая: в прошлую субботу заказала на сайте чайник Philips, "
                      "оплатила визой, курьер привёз позавчера. Я расписалась не глядя, муж на работе был. Вчера вечером "
                      "распаковала — крышка не защёлкивается, похоже брак. Гарантия на него вообще есть?")
    assert "гарантийный талон" in said  # the warranty asked, not the inspection at receipt the story told of


def test_is_it_free_and_a_total_in_the_per_km_band_ask_the_distance(servers) -> None:
    said = last_reply(servers, "citadel", "доставка в Рустави бесплатная будет? микроволновка 349 лари",
                      "ну от вашего склада до неё км 25 примерно")
    assert "37,50 лари" in said  # asked the distance, then priced it


def test_an_and_if_with_a_new_hour_after_a_pickup_time_is_the_pickup_again(servers) -> None:
    said = last_reply(servers, "citadel", "если оформлю самовывоз сейчас, в 10:30, когда можно забрать?",
                      "а если только в 12 успею оформить?")  # read as a return by the classifier
    assert "следующий день" in said and "12:00" in said


def test_a_question_with_a_yes_to_filing_a_return_is_answered_after_it_is_filed(servers) -> None:
    said = last_reply(servers, "tisa", "سلام. سفارش TS-1043 رو دارم، ادکلن لانکوم هنوز پلمپه ولی پشیمون شدم میخوام پسش بدم",
                      "09352222203", "باشه قبول. من شهرستانم، چطوری بفرستمش؟")
    assert "ثبت شد" in said and "قبض پست" in said


def test_a_later_question_of_a_message_leans_on_the_story_it_told_first(servers) -> None:
    said = "\n".join(texts(servers.say(servers.conversation("tisa"), "брал в рассрочку через snapppay, заказ отменили. "
                                       "когда вернут первый платеж и что будет с остальными платежами?", store="tisa")))
    assert "7 рабочих дней" in said and "кредитный баланс" in said  # "the remaining payments" alone is out of scope


def test_a_rule_for_snapppay_orders_is_not_the_answer_to_a_question_that_does_not_name_it(servers) -> None:
    said = last_reply(servers, "tisa", "а адрес доставки ещё можно поменять?")
    assert "02155690688" in said and not said.startswith("Нет, после оформления и оплаты через SnappPay")


def test_days_gone_by_after_a_span_say_how_long_is_left(servers) -> None:
    said = last_reply(servers, "sitra", "Позавчера пытался оплатить заказ картой, выдало ошибку, деньги списались. Когда вернутся?",
                      "ну вот уже почти двое суток прошло. сколько еще максимум ждать?")  # read as a status by a guess
    assert "72 часа" in said and "осталось ещё 24 часа" in said


def test_a_follow_up_no_rule_answers_alone_gets_the_rule_of_the_topic_just_answered(servers) -> None:
    said = last_reply(servers, "tisa", "здравствуйте а какой срок годности у духов? не хочу получить старые",
                      "а если будет меньше?")  # alone, no rule answers it (and the classifier reads "who may receive")
    assert "сообщат" in said and "В правилах Тиса нет информации об этом" not in said
    said = last_reply(servers, "sitra", "باشه پس مرجوعی رو از کجا باید بزنم", "بعدش باید خودم ببرمش پست؟")
    assert "تماس خواهند گرفت" in said  # read as a pickup, which Sitra has none of


def test_a_plea_after_a_refusal_gets_the_rule_again(servers) -> None:
    said = last_reply(servers, "tisa", "عطری که خریدم رو باز کردم ولی بوش اصلا به دلم ننشست، پسش میگیرین؟",
                      "آخه فقط یه پاف زدم رو مچم، تقریبا نو نوئه")  # the refusal cites the page, not a rule's id
    assert "مقررات بهداشتی" in said


def test_the_moment_alone_after_a_window_counts_the_window(servers) -> None:
    said = last_reply(servers, "chistatek", "курьер привез коробку вся мятая. брать или нет?",
                      "ну а если я уже принял и открыл, а там на ноутбуке царапина?", "получил уже часов пять назад...")
    assert "срок 2 часа истёк" in said and "ответственности" in said


def test_a_span_over_with_nothing_back_offers_a_person(servers) -> None:
    sender = new_sender()
    said = "\n".join(texts(servers.say(sender, "پرداخت کردم خطا داد ولی ۱٬۸۵۰٬۰۰۰ تومن از کارتم کم شده!! سفارشم ثبت نشده",
                                       store="sitra")))
    assert "۷۲ ساعت" in said
    replies = servers.say(sender, "الان چهار روز گذشته هنوز برنگشته، دیگه چیکار کنم", store="sitra")
    said = "\n".join(texts(replies))
    assert "گذشته است" in said and "یکی از همکاران پشتیبانی" in said
    assert any(button["payload"] == "/human_handoff" for reply in replies for button in reply.get("buttons") or [])


def test_a_rule_the_payment_schedule_does_not_state_is_answered_after_an_amount(servers) -> None:
    said = last_reply(servers, "tisa", "یه رژ لب ۴۵ تومنی قسطی میشه گرفت؟",
                      "حالا اگه بعدش سفارش لغو شد، قسط اولی که دادم کی برمیگرده؟", "بقیه قسطا چی میشن؟")
    assert "حساب اعتباری" in said and "۴۵٬۰۰۰" not in said  # not the 45-thousand schedule again


def test_a_rule_of_the_classifiers_second_reading_answers_where_its_first_has_none(servers) -> None:
    said = last_reply(servers, "chistatek", "а перед новым годом доставка дольше будет?")  # a price 0.49, a time 0.32
    assert "праздник" in said and "Стоимость доставки" not in said


def test_a_limit_the_page_does_not_give_is_offered_to_a_person(servers) -> None:
    replies = servers.say(new_sender(), "حداقل خرید برای قسطی چقدره؟", store="sitra")
    said = "\n".join(texts(replies))
    assert "بسته به سرویس" in said and "یکی از همکاران پشتیبانی" in said  # Sitra's page names no minimum
    said = last_reply(servers, "tisa", "حداقل خرید برای قسطی چقدره؟")
    assert "۵۰ هزار تومان" in said and "یکی از همکاران" not in said  # Tisa's does


def test_a_window_still_open_says_what_to_do_in_the_time_left(servers) -> None:
    said = last_reply(servers, "sitra", "ديشب ساعت ۹ بسته رسید ولی ظرفا شکسته بود. تا کی وقت دارم خبر بدم؟",
                      "الان ساعت 4 عصره، هنوز دیر نشده؟")
    assert "هنوز ۵ ساعت وقت دارید" in said and "با پشتیبانی سیترا تماس بگیرید" in said


def test_days_gone_by_after_now_are_no_clock(servers) -> None:
    said = last_reply(servers, "tisa", "سلام وقتتون بخیر. پنجشنبه بستم رسید ولی شیشه ادکلن ترک داشت نصفش ریخته بود تو جعبه. "
                                       "الان ۴ روز گذشته هنوز میشه کاری کرد؟")  # "now 4 days gone by" was read as an hour
    assert "۷ روز" in said and "بخشی از سیستم" not in said


def test_a_perfume_tried_on_is_opened_and_the_reasons_rule_answers(servers) -> None:
    said = last_reply(servers, "tisa", "سلام عطر ورساچه اروس گرفتم پریروز رسید، یه بار زدم اصلا بوش به دلم ننشست. میشه پسش بدم؟")
    assert "مقررات بهداشتی" in said and "پلمپ" in said  # the brand's words took it to "not covered"


def test_an_and_if_read_as_a_delivery_time_leans_on_the_rule_just_given(servers) -> None:
    said = last_reply(servers, "tisa", "شما عطرای خارجیتون چقد تاریخ دارن؟", "اگه یکیش کمتر از این بود چی؟")
    assert "به اطلاع شما می‌رسد" in said and "روز کاری" not in said


def test_an_and_if_past_the_span_is_not_the_span_again(servers) -> None:
    said = last_reply(servers, "sitra", "پرداخت کردم از حسابم ۸۵۰ هزار تومن کم شد ولی صفحه ارور داد و سفارشی ثبت نشد!! پولم چی میشه الان",
                      "اگه بعد ۷۲ ساعت برنگشت باید به کی بگم؟")
    assert "یکی از همکاران پشتیبانی" in said and "۷۲ ساعت" not in said


def test_hours_past_a_rules_span_of_hours_are_told_no_with_what_follows(servers) -> None:
    said = last_reply(servers, "chistatek", "ноутбук привезли час назад, открыл коробку — на крышке вмятина",
                      "а если бы прошло 4 часа?")
    assert "2 часа" in said and "4 часа" in said and "ответственност" in said  # past the 2 hours: no liability


def test_an_and_if_after_a_rule_gets_the_new_rule_alone(servers) -> None:
    said = last_reply(servers, "chistatek", "الان پیک اومده مانیتورو اورده کارتنش یه طرفش له شده هنوز امضا نکردم. تحویل بگیرم یا نه؟؟",
                      "اگه تحویل گرفته بودم بعد خط و خش میدیدم چی؟")
    assert "۲ ساعت" in said and "۲۴ ساعت" not in said  # not the crushed box's rule again


def test_an_and_if_with_a_distance_after_a_price_and_a_time_gets_both(servers) -> None:
    said = last_reply(servers, "citadel", "Беру телевизор за 1200 лари, живу в Рустави. Доставка платная? и когда привезут?",
                      "а если привезти на дачу, это за городом, 25 км?")
    assert "50 лари" in said and "3–4" in said


def test_a_rules_question_after_a_phone_given_unasked_is_answered_not_met_with_silence(servers) -> None:
    said = last_reply(servers, "sitra", "+995 599 125 502", "باشه مرجوعي رو از كجا ثبت كنم؟")
    assert "سفارش‌های من" in said and "بخشی از سیستم" not in said  # no order to look up: nothing was said before


def test_a_card_other_than_the_profiles_and_a_replacement_out_of_stock_get_their_rules(servers) -> None:
    said = last_reply(servers, "offykala", "خرید رو با کارت بابام کردم ولی کارت مامانمو تو پروفایلم ثبت کنم اشکال داره؟")
    assert "حساب مبدأ" in said  # not the profile card's rule alone
    said = last_reply(servers, "offykala", "اسکنرم ایراد داره میخوام برگردونم، هزینه ارسالشو کی میده؟",
                      "اگه ایراد داشت ولی دیگه از اون مدل نداشتین عوض کنین چی؟")
    assert "استرداد" in said and "اطلاعاتی درباره" not in said  # was "not covered"


def test_a_fault_of_ones_own_settings_is_misuse_and_its_inspection_is_the_experts(servers) -> None:
    sender = new_sender()
    said = "\n".join(texts(servers.say(sender, "купила МФУ 5 дней назад, муж сам полез в настройки, что-то сбил, и "
                                               "теперь не печатает. Можно вернуть по 7-дневному тесту?", store="offykala")))
    assert "неправильным использованием" in said and "крупные товары" not in said  # not the change-of-mind rule
    said = "\n".join(texts(servers.say(sender, "а кто решает, виноваты мы или нет?", store="offykala")))
    assert "специалисты" in said and "окончательное решение" in said  # was "I am an assistant, not a person"
    said = last_reply(servers, "offykala", "کی تصمیم میگیره که خرابی تقصیر من بوده یا ایراد دستگاه؟")
    assert "کارشناسان" in said and "تصمیم نهایی" in said


def test_a_fault_told_after_the_question_is_no_question_of_its_own(servers) -> None:
    said = last_reply(servers, "offykala", "پنجشنبه لپ‌تاپ تحویل گرفتم. مهلت تستم هنوز هست؟ صفحه‌ش گاهی سیاه میشه")
    assert "متوجه منظورتان نشدم" not in said


def test_a_place_just_outside_a_city_is_priced_by_its_distance(servers) -> None:
    said = last_reply(servers, "citadel", "یه تلویزیون ۶۵۰ لاری میخوام خونمون بیرون تفلیسه حدود ۲۰ کیلومتر، ارسالش چقدر میشه؟")
    assert "۴۰" in said and "رایگان است" not in said  # 2 lari a km out of town, even above 500 lari


def test_what_to_do_with_the_post_receipt_is_its_rule(servers) -> None:
    said = last_reply(servers, "offykala", "باشه با پیشتاز میفرستم، رسیدشو چیکار کنم")
    assert "info@offykala.ir" in said


def test_a_rules_question_while_a_decided_return_waits_gets_its_rule_not_the_decision_again(servers) -> None:
    sender = new_sender()
    first = "\n".join(texts(servers.say(sender, "аирподсы из заказа ck3003 один наушник не заряжается тел 09193333303 "
                                                "хочу вернуть", store="chistatek")))
    assert "можно вернуть" in first
    said = "\n".join(texts(servers.say(sender, "как упаковать? коробку я уже выкинул", store="chistatek")))
    assert "застрах" in said and "можно вернуть" not in said


def test_a_fault_told_with_an_opened_seal_gets_no_change_of_mind_refusal(servers) -> None:
    said = last_reply(servers, "offykala", "سلام. پرینتر HP M236 پریروز رسید. پلمپشو باز کردم نصبش کردم طبق دفترچه، "
                                           "ولی مدام کاغذ گیر میکنه. میشه پسش بدم؟")
    assert "در انصراف از خرید" not in said and "۷ روز" in said  # the test period's rule, not "no" then "yes"


def test_where_to_send_a_return_says_to_call_the_warranty_office_first(servers) -> None:
    said = last_reply(servers, "offykala", "آدرس دفتر گارانتیتون کجاس؟ با پیشتاز بفرستم؟")
    assert "پیشتاز" in said and "پیش از هر اقدامی" in said  # the page gives no address: its staff do


def test_an_and_if_it_breaks_after_a_refused_change_of_mind_gets_the_defect_rule(servers) -> None:
    sender = new_sender()
    servers.say(sender, "Заказ 58120, телефон 0912 123 4567. Принтер HP даже не распаковывал, просто передумал. "
                        "Можно вернуть?", store="offykala")
    said = "\n".join(texts(servers.say(sender, "а если он сломается в первую неделю?", store="offykala")))
    assert "7 дней" in said and "нет информации" not in said


def test_a_refund_time_asked_of_no_snapppay_order_is_not_snapppays(servers) -> None:
    said = last_reply(servers, "tisa", "پولم کی برمیگرده؟")
    assert said.startswith("در قوانین تیسا برای بازگشت وجه سفارش‌هایی که با روشی غیر از اسنپ‌پی")  # other orders
    # first, as the page's summary has it: was SnappPay's refund days alone, as if every order were paid with it
    said = last_reply(servers, "tisa", "سفارش اسنپ پیم لغو شد، قسط اولم کی برمیگرده؟")
    assert "۷ روز کاری" in said


def test_an_and_if_on_another_floor_after_the_stairs_rule_gets_the_heavy_delivery_rule(servers) -> None:
    said = last_reply(servers, "chistatek", "Я выбрал доставку тяжелого товара до 4 этажа. у нас до квартиры 8 ступенек, "
                                            "это какой этаж считается?", "а если бы я жил на 5 этаже, донесли бы?")
    assert "четвёртого этажа" in said and "сроки доставки" not in said  # was the delivery times' "none given"


def test_an_unclear_message_telling_a_fault_gets_the_damage_rule(servers) -> None:
    said = last_reply(servers, "sitra", "پنج‌شنبه ۱۵ام سشوار تحویل گرفتم، امروز ۲۰امه. هنوز میتونم اطلاع بدم که روشن نمیشه؟")
    assert "۲۴ ساعت" in said and "متوجه منظورتان نشدم" not in said  # read as unclear, yet it tells a fault


def test_a_fault_told_after_opening_gets_the_defect_window_not_not_covered(servers) -> None:
    said = last_reply(servers, "offykala", "سلام. پرینتر HP M236 پریروز رسید. پلمپشو باز کردم نصبش کردم طبق دفترچه، ولی "
                                           "مدام کاغذ گیر میکنه. میشه پسش بدم؟")
    assert "۷ روز" in said and "ذکر نشده" not in said  # the change-of-mind rules left out took the classifier's word along


def test_an_order_cancelled_whose_money_has_not_come_gets_the_refund_rule(servers) -> None:
    said = last_reply(servers, "tisa", "ок а через snapp pay в рассрочку можно крем за 45 тыс взять?",
                      "заказ отменили а первый платеж уже неделю не вернулся")
    assert "7 рабочих дней" in said and "021-96862021" in said and "номер заказа" not in said  # was a cancel wish


def test_a_dearer_model_after_a_price_is_priced_again_though_read_as_a_return(servers) -> None:
    said = last_reply(servers, "citadel", "холодильник за 450 лари, до дома 8 км по тбилиси. сколько доставка?",
                      "а если возьму модель подороже за 620?")
    assert "бесплатн" in said and "6 лари" not in said  # was the under-100 rule


def test_the_item_named_now_is_the_returns_not_the_gift_asked_of_before(servers) -> None:
    said = last_reply(servers, "offykala", "سلام سفارش ۵۸۱۲۰ موبایل ۰۹۱۲ ۱۲۳ ۴۵۶۷. پرینتر از دیروز کاغذ گیر میکنه. میتونم پس بدم؟",
                      "کاغذ هدیه ای که باهاش فرستادین هم نم کشیده، اونم عوض میکنین؟",
                      "اصلا پشیمون شدم کلا پرینترو نمیخوام. به خاطر اینکه راضی نیستم پس بدم میشه؟")
    assert "HP LaserJet M236" in said and "پرینترها" in said and "پلمپ کالا هنوز باز نشده" not in said  # no seal asked


def test_installing_told_of_ones_own_is_no_service_asked(servers) -> None:
    said = last_reply(servers, "offykala", "купил мфу, при установке сам накосячил с настройками и драйвером, теперь не "
                                           "печатает. могу вернуть в течение 7 дней?")
    assert "неправильным использованием" in said and "нет информации" not in said


def test_an_order_number_without_the_stores_letters_is_found(servers) -> None:
    said = last_reply(servers, "chistatek", "سلام، سفارش ۳۰۰۴ (CK) شماره ۰۹۱۹ ۳۳۳ ۳۳۰۴. لپ تاپ ایسوس خودبخود خاموش میشه، "
                                            "میخوام برگردونم")
    assert "ASUS" in said and "جور نیستند" not in said  # was a mismatch: 3004 is CK-3004


def test_no_but_remove_one_item_gets_the_editing_rule(servers) -> None:
    said = last_reply(servers, "sitra", "سلام سفارش sr۵۰۰۱ به شماره ۰۹۱۲ ۱۱۱ ۱۱۰۱ رو میخوام کنسل کنم",
                      "نه صبر کن کلشو کنسل نکن، فقط مخلوط کن رو حذف کنید ماهیتابه بمونه")
    assert "ثبت نهایی" in said  # was "ok, how can I help?"


def test_how_to_send_after_a_decision_gets_the_how_not_the_decision_again(servers) -> None:
    said = last_reply(servers, "chistatek", "سفارش CK3003 ـ 09193333303 ایرپادم یه طرفش صدا نمیده، چیکار کنم؟",
                      "چطوری بفرستم؟")
    assert "بیمه" in said and "قابل مرجوعی است" not in said


def test_a_wrong_item_told_in_other_words_gets_all_costs_back(servers) -> None:
    said = last_reply(servers, "tisa", "حالا اگه واقعا یه چیز دیگه غیر از اونی که انتخاب کردم فرستاده باشید چی؟")
    assert "همه هزینه" in said and "متوجه منظورتان نشدم" not in said  # read as unclear, yet it tells a wrong item


def test_how_to_send_after_a_question_on_the_gift_is_the_items_how(servers) -> None:
    said = last_reply(servers, "tisa", "سلام سفارش TS-1043 شمارمم ۰۹۳۵۲۲۲۲۲۰۳. لانکوم رو نمیخوام، بازش نکردم پلمپش سالمه. "
                                       "پس میگیرین؟", "اون نمونه هدیه که باهاش اومده بود رو هم باید برگردونم؟",
                      "باشه. من مشهدم، چطوری بفرستمش؟")
    assert "قبض پست" in said and "دلیل مرجوعی" not in said and "قابل مرجوعی است" not in said  # was "why return it?"


def test_a_wrong_item_told_after_the_batches_looks_gets_its_own_rule(servers) -> None:
    said = last_reply(servers, "tisa", "عطر باربری لندنی که برام اومده شیشه‌اش یکم با عکس سایت فرق داره، فیکه؟",
                      "حالا اگه واقعا یه چیز دیگه غیر از اونی که انتخاب کردم فرستاده باشید چی؟")
    assert "همه هزینه" in said and "سری‌های ساخت" not in said  # the topic before no longer outweighs the fault told


def test_a_story_read_surely_as_another_matter_yields_to_its_plain_request(servers) -> None:
    said = last_reply(servers, "sitra", "سلام خسته نباشید. راستش دیشب با خانمم نشسته بودیم گفتیم آشپزخونه یه ماهیتابه و یه "
                                        "مخلوط کن لازم داره، منم هول هولکی سفارش دادم. امروز صبح مادرم زنگ زد گفت دقیقا همینا "
                                        "رو برامون کادو خریده 😅 خلاصه دیگه لازمشون نداریم. میشه سفارشمو کنسل کنم")
    assert "در حال پردازش" in said and "ذکر نشده" not in said  # was read as who may receive it: "not covered"


def test_a_perfume_left_on_ones_hands_is_a_change_of_mind(servers) -> None:
    said = last_reply(servers, "tisa", "سلام عزیزم ببخشید طولانی میشه. هفته پیش تولد خواهرم بود، من از سایتتون یه عطر "
                                       "لانکوم براش گرفتم، بعد دیروز فهمیدم شوهرش عین همونو براش خریده 🙈 حالا این عطر رو "
                                       "دستم مونده. میتونم پسش بدم؟")
    assert "پلمپ" in said and "ذکر نشده" not in said


def test_a_distance_told_after_the_place_is_one_question(servers) -> None:
    said = last_reply(servers, "citadel", "Привет! Хочу холодильник Samsung за 1 250 лари, сколько будет стоить доставка?",
                      "а если в Гори? это где-то 85 км")
    assert "170" in said and "Какое расстояние" not in said  # "где-то" asks nothing: it was a second question


def test_a_parcel_taken_after_the_refuse_it_rule_gets_the_rules_after_taking_it(servers) -> None:
    said = last_reply(servers, "offykala", "پیک الان دم دره، کارتن خیسه و یه طرفش فرو رفته. چیکار کنم؟", "گرفتمش دیگه 😕")
    assert "۲۴ ساعت" in said and "خدانگهدار" not in said  # was read as a goodbye
    said = last_reply(servers, "offykala", "پیک الان دم دره، کارتن خیسه و یه طرفش فرو رفته. چیکار کنم؟", "گرفتمش دیگه 😕",
                      "الان حدود ۳۰ ساعت گذشته، دیگه هیچ کاری نمیشه کرد؟")
    assert "مستندات شفاف" in said and "اطلاعاتی درباره" not in said  # what follows the 24 hours, not "out of scope"
    said = last_reply(servers, "chistatek", "بسته‌ام الان رسید، یه گوشه کارتنش له شده. چیکار کنم؟",
                      "نه دیگه تحویل گرفتم پیک رفت")
    assert "۲ ساعت" in said and "در چه موردی" not in said  # was read as a plain "no"


def test_no_way_at_all_after_a_refusal_for_any_order_says_it_stands(servers) -> None:
    said = last_reply(servers, "tisa", "ورساچه اروس گرفتم، دو سه بار زدم ولی بوش اصلا به من نمیاد. میتونم پسش بدم؟",
                      "یعنی هیچ راهی نداره؟ فقط دو بار زدم")
    assert "پاسخ همان است" in said and "متوجه منظورتان نشدم" not in said


def test_the_seal_told_after_a_rule_that_turns_on_it_gets_the_rule_and_how(servers) -> None:
    said = last_reply(servers, "tisa", "من از سایتتون یه عطر لانکوم برای خواهرم گرفتم، بعد فهمیدم شوهرش عین همونو براش "
                                       "خریده. حالا این عطر رو دستم مونده. میتونم پسش بدم؟", "نه بازش نکردم، پلمپه")
    assert "امور مشتریان" in said and "شماره سفارش را بفرستید" not in said  # was the order asked for, no question asked


def test_whats_up_with_my_microwave_telling_no_fault_is_its_status(servers) -> None:
    said = last_reply(servers, "citadel", "ну что там с моей микроволновкой? заказ ct2002", "+995 599 125 502")
    assert "отправлен" in said and "вернуть нельзя" not in said  # torn with a damage, it told none: was a refused return


def test_another_size_sent_is_a_wrong_item_of_the_order(servers) -> None:
    said = last_reply(servers, "tisa", "سلام!! سفارشم رسید ولی من ادکلن ۱۰۰ میل سفارش داده بودم، ۵۰ میل فرستادین!! حالا "
                                       "چیکار کنم؟", "TS-1046", "۲۲۰۶")
    assert "کالای اشتباه یا مغایر" in said and "دلیل مرجوعی چیست" not in said


def test_a_bare_count_after_the_stairs_rule_counts_stairs(servers) -> None:
    said = last_reply(servers, "chistatek", "ارسال ویژه کالای سنگین؛ از در ورودی تا در واحدمون ۹ تا پله‌ست، این طبقه چندم "
                                            "حساب میشه؟", "و اگه ۵ تا بود؟")
    assert "طبقه اول" in said and "مدت زمان مشخصی" not in said  # was read as a delivery time


def test_not_home_again_after_the_courier_rules_is_not_covered(servers) -> None:
    said = last_reply(servers, "sitra", "ميشه خودم انتخاب كنم كي بيارن؟", "قبلش زنگ میزنن؟",
                      "و اگه بازم اون موقع خونه نبودم چی میشه؟")
    assert "همکاران پشتیبانی" in said and "بازه زمانی" not in said  # was the time-slot rule said again


def test_the_phone_ending_told_in_the_same_message_is_not_asked_again(servers) -> None:
    replies = servers.say(new_sender(), "لپ تاپ ایسوسی که ۱۲ روز پیش بهم رسید (CK-3004) باتریش خیلی زود خالی میشه، هنوز "
                                        "تو ضمانت ۷ روزه هستم؟ شماره‌ام به ۳۳۰۴ ختم میشه", store="chistatek")
    said = "\n".join(texts(replies))
    assert "CK-3004" in said and "شماره موبایلی" not in said  # the ask answered by the next part was said last


def test_a_parcel_marked_delivered_and_not_received_goes_to_a_person(servers) -> None:
    sender = new_sender()
    servers.say(sender, "заказ SR-5003, последние цифры телефона 1103", store="sitra")
    replies = servers.say(sender, "как доставлен?? я ничего не получал", store="sitra")
    said = "\n".join(texts(replies))
    assert "доставлен" in said and "оператор поддержки" in said and "трек-код" not in said
    assert any(button["payload"] == "/human_handoff" for reply in replies for button in reply.get("buttons") or [])


def test_why_after_a_refusal_gets_the_rules_reason(servers) -> None:
    said = last_reply(servers, "tisa", "ورساچه اروس گرفتم، پریروز رسید، یه بار زدم بوش رو دوست ندارم. میشه پس بدم؟",
                      "چرا آخه؟ فقط یه پیس زدم")
    assert "بهداشتی" in said and "پاسخ همان است" in said and "متوجه منظورتان نشدم" not in said


def test_a_parcel_taken_and_the_hours_since_after_the_damage_rule(servers) -> None:
    sender = new_sender()
    for message in ("پیک الان لپ‌تاپ رو آورده دم در، یه گوشه‌ی کارتن له شده. بگیرمش؟",):
        servers.say(sender, message, store="chistatek")
    said = "\n".join(texts(servers.say(sender, "دیگه گرفتمش رفت 😅 بازش کردم یه خط رو درش هست", store="chistatek")))
    assert "۲ ساعت" in said and "شماره سفارش" not in said  # was read as a return, its order asked
    said = "\n".join(texts(servers.say(sender, "حدود سه ساعت پیش تحویلش گرفتم", store="chistatek")))
    assert "گذشته است" in said and "مسئولیتی" in said  # the 2 hours counted from then


def test_how_long_after_an_out_of_town_price_is_the_out_of_town_time(servers) -> None:
    said = last_reply(servers, "citadel", "холодильник за 900 лари, доставка по Тбилиси сколько будет?",
                      "а в Гори? это км 80 от Тбилиси", "и сколько ехать будет?")
    assert "3–4" in said and "нет информации" not in said  # was out of scope


def test_a_returns_postage_priced_is_the_returns_rule(servers) -> None:
    said = last_reply(servers, "offykala", "مرجوعیم تایید شد، با تیپاکس بفرستم؟ کرجم", "رسید پستش رو چیکار کنم؟",
                      "هزینه پستشم حدود دویست و پنجاه تومن شد. با کیه؟")
    assert "کسر" in said and "اطلاعاتی درباره" not in said  # was "not covered" (no delivery tariff at Offykala)


def test_a_distance_in_words_replaces_the_one_before(servers) -> None:
    said = last_reply(servers, "citadel", "یه تلویزیون ۳۰۰ لاری میخوام، خونه‌م حدود ۴۰ کیلومتر بیرون تفلیسه. ارسالش چند "
                                          "میشه؟", "اگه تو خود تفلیس بود، مثلا ده کیلومتری؟")
    assert "۱۵" in said and "۶۰" not in said


def test_a_day_past_the_window_after_its_rule_is_told_no(servers) -> None:
    said = last_reply(servers, "offykala", "اگه پرینتر خراب بشه میشه پس داد؟", "و اگه ده روز بعد خراب شه؟")
    assert said.startswith("خیر") and "۷ روز" in said  # was the rule's "yes" again


def test_the_forms_question_is_said_once_after_a_side_rule(servers) -> None:
    sender = new_sender()
    servers.say(sender, "پرینتر اچ پی M236 گرفتم پریروز رسید، لازمش نداریم هنوز پلمپه. میشه پسش بدیم؟ سفارش ۵۸۱۲۰",
                store="offykala")
    said = texts(servers.say(sender, "و اگه خراب دربیاد چی؟", store="offykala"))
    assert sum("شماره موبایلی" in text for text in said) == 1, said  # the answer asked it, then the form again


def test_an_english_shop_word_in_a_persian_or_russian_message(servers) -> None:
    said = last_reply(servers, "tisa", "سلام میخوام سفارشمو cancel کنم")
    assert "شماره سفارش" in said and "تغییر سفارش" not in said  # was read as a change of the order
    said = last_reply(servers, "citadel", "хочу cancel заказ")
    assert "номер заказа" in said.lower()


def test_a_later_question_of_a_message_read_as_a_matter_of_ones_order_is_answered(servers) -> None:
    said = last_reply(servers, "citadel", "муж может забрать заказ самовывозом вместо меня? и адрес в тбилиси подскажите пожалуста")
    assert "Агладзе" in said  # the address: the second question was left without an answer


def test_a_general_later_question_the_page_leaves_open_asks_no_order(servers) -> None:
    said = last_reply(servers, "offykala", "میشه حضوری بیام از دفترتون بگیرم؟ آدرستون کجاست؟")
    assert "همکاران پشتیبانی" in said and "شماره سفارش" not in said


def test_days_told_that_end_the_span_now_say_it_is_over(servers) -> None:
    said = last_reply(servers, "sitra", "سلام، موقع پرداخت درگاه خطا داد ولی پول از حسابم کم شد، سفارشم هم ثبت نشد. چی میشه "
                                        "الان؟", "الان ۳ روزه گذشته هنوز برنگشته")
    assert "گذشته است" in said and "همکاران پشتیبانی" in said and "۰ دقیقه" not in said


def test_a_cancel_asked_of_a_mispriced_order_gets_the_stores_right_before_the_order_is_asked(servers) -> None:
    said = last_reply(servers, "chistatek", "انگار قیمت مانیتوری که سفارش دادم تو سایت اشتباه بوده، شما میتونید "
                                            "سفارشمو لغو کنید؟")
    assert "باطل" in said and "شماره سفارش" in said  # the price error read as a wrong item sent: a return's questions
    said = last_reply(servers, "chistatek", "хочу отменить заказ")
    assert "номер заказа" in said and "цен" not in said  # a plain cancel names no rule beside the order's decision


def test_a_return_asks_about_the_insurance_of_its_post_gets_whose_risk_it_is(servers) -> None:
    said = last_reply(servers, "chistatek", "برای مرجوعی بیمه‌اش هم باید خودم بکنم؟")
    assert "بیمه حمل" in said and "بر عهده خریدار" in said  # the packing rule without what befalls an uninsured parcel


def test_an_order_placed_on_a_day_off_is_told_the_working_day_it_is_processed(servers) -> None:
    said = last_reply(servers, "citadel", "оформил заказ в субботу, когда его обработают?")
    processed = said.split("обработают", 1)[-1]
    assert "обработают" in said and "(суббота)" not in processed and "(воскресенье)" not in processed  # the rule alone


def test_a_phone_given_with_a_case_to_come_gets_the_status_then_the_cases_rule(servers) -> None:
    said = last_reply(servers, "offykala", "سلام سفارش ۵۸۱۲۲ چی شد؟ پرینتر اپسون",
                      "۰۹۱۲ ۴۴۴ ۴۴۰۲ . وقتی رسید اگه جعبه‌ش داغون بود چیکار کنم؟")
    assert "ارسال شده" in said and "تحویل نگیرید" in said and "دلیل" not in said  # was read as a return: its reason


def test_whether_a_phone_is_insured_in_transit_says_who_answers_for_it(servers) -> None:
    said = last_reply(servers, "chistatek", "مگه گوشی بیمه حمل نداره؟")
    assert "بیمه حمل" in said and "شرکت حمل" in said and "پیگیر" in said  # insured, and whose the damage is


def test_the_end_of_a_span_said_back_is_counted_from_the_moment_told_before(servers) -> None:
    said = last_reply(servers, "sitra", "دیشب ساعت ده پرداخت کردم، پول کم شد ولی سفارش ثبت نشد. تا کی باید صبر کنم؟",
                      "یعنی تا پس فردا شب باید برگرده دیگه؟")
    assert "۷۲ ساعت" in said and "ساعت ۲۲:۰۰" in said and "ذکر نشده" not in said  # was "not covered"


def test_a_fault_supposed_after_a_change_of_mind_refused_gets_the_faults_rule(servers) -> None:
    said = last_reply(servers, "offykala", "یه پرینتر خریدم رسیده ولی هنوز کارتنشو باز نکردم، پشیمون شدم. پس میگیرین؟",
                      "اگه خراب باشه چی؟")
    assert "مهلت تست ۷ روزه" in said and "کالاهای بزرگ" not in said  # not a neighbouring rule of a near tie


def test_a_corrected_hour_after_a_pickup_time_is_the_pickup_again(servers) -> None:
    said = last_reply(servers, "citadel", "оформил самовывоз в 10:50, когда можно забрать?",
                      "нет, посмотрел в почте — заказ прошел в 11:10")
    assert "11:10" in said and "10:00" in said and "номер заказа" not in said  # was read as the order's status


def test_a_change_of_mind_taken_back_for_a_fault_gets_the_faults_decision(servers) -> None:
    said = last_reply(servers, "offykala", "پرینتر سفارش ۵۸۱۲۰ رو میخوام پس بدم، پشیمون شدم، هنوز پلمپه. شمارم ۰۹۱۲ ۱۲۳ ۴۵۶۷",
                      "نه راستش دروغ چرا، پشیمون نشدم، درست چاپ نمیکنه و رو کاغذ خط میندازه")
    assert "نقص فنی" in said and "۷ روز" in said  # "پشیمون نشدم" was read as the change of mind again: refused


def test_a_seal_corrected_after_its_orders_refusal_is_decided_again(servers) -> None:
    said = last_reply(servers, "tisa", "заказ TS-1046, тел 09352222206. Versace распечатал, запах не нравится, хочу вернуть",
                      "стоп, я перепутал, распечатывал другой флакон. Versace еще в пленке, пломба целая")
    assert "можно вернуть" in said and "оплачивает Тиса" in said  # was "I have no information" (read as a wrong item)


def test_a_later_moment_a_what_if_supposes_is_set_against_the_window_told(servers) -> None:
    sender = new_sender()
    first = "\n".join(texts(servers.say(sender, "پنجشنبه ساعت ۶ عصر سفارشمو تحویل گرفتم، جمعه ظهر که بازش کردم دیدم "
                                                "ظرفه ترک داره. هنوز میتونم پیگیری کنم؟", store="sitra")))
    assert "۲۴ ساعت" in first and "۱۸:۰۰" in first and "بازه زمانی" not in first  # the window, not the delivery slot
    late = "\n".join(texts(servers.say(sender, "اگه تا شنبه صبح طول بکشه تا زنگ بزنم چی؟", store="sitra")))
    assert "(شنبه)، ساعت ۹:۰۰ این مهلت گذشته است" in late
    in_time = "\n".join(texts(servers.say(sender, "اگه جمعه ساعت ۵ عصر زنگ بزنم چی؟", store="sitra")))
    assert "هنوز در این مهلت هستید" in in_time


def test_until_when_after_the_day_told_counts_the_test_period_from_it(servers) -> None:
    sender = new_sender()
    servers.say(sender, "پرینتر رو شنبه ساعت ۱۰ صبح تحویل گرفتم، یکشنبه عصر دیدم یه گوشه بدنش شکسته، معلومه از حمل و "
                        "نقله. الان دیره؟", store="offykala")
    said = "\n".join(texts(servers.say(sender, "مهلت تستش تا کیه؟ مثلا اگه درست چاپ نکنه", store="offykala")))
    assert "۷ روز" in said and "شنبه بعد" in said
    russian = "\n".join(texts(servers.say(new_sender(), "купил сканер, привезли в среду. до какого дня действует "
                                                        "проверка 7 дней?", store="offykala")))
    assert "(среда)" in russian and "через неделю" in russian and "нет информации" not in russian


def test_money_back_onto_another_card_and_a_return_breaking_free_shipping(servers) -> None:
    card = "\n".join(texts(servers.say(new_sender(), "پولشو به کارت شوهرم بریزین میشه؟", store="chistatek")))
    assert "معذور" in card
    free = "\n".join(texts(servers.say(new_sender(), "تو حراج نخریدم. ولی کل خریدم دو میلیون و صد بود و ارسالش رایگان "
                                                     "شد، این یکی ۶۰۰ تومنه. اگه پسش بدم چی میشه؟", store="tisa")))
    assert "۱٬۵۰۰٬۰۰۰ تومان" in free and "کسر" in free


def test_free_shipping_after_a_return_from_the_total_told_before_and_a_price_put_right(servers) -> None:
    sender = new_sender()
    servers.say(sender, "سلام من تهرانم یه عطر ۱.۸ میلیونی میخوام بخرم، ارسالش رایگانه؟", store="tisa")
    servers.say(sender, "اگه یه کرم ۳۰۰ هزار تومنی هم بذارم تو سبد چی؟", store="tisa")
    back = "\n".join(texts(servers.say(sender, "بعد اگه کرمه رو پس بدم و فقط عطره بمونه چی میشه؟", store="tisa")))
    assert "۲٬۱۰۰٬۰۰۰ تومان به ۱٬۸۰۰٬۰۰۰ تومان" in back and "کسر" in back  # the total the cream brought it to
    sender = new_sender()
    servers.say(sender, "دو تا عطر خریدم جمعا ۲ میلیون و ۳۰۰، ارسالشم رایگان بود. یکیشون که ۶۰۰ تومنه و پلمپه رو "
                        "میخوام پس بدم، کل ۶۰۰ رو بهم برمیگردونین؟", store="tisa")
    right = "\n".join(texts(servers.say(sender, "اوه ببخشید قاطی کردم، اونی که میخوام پس بدم ۲۰۰ تومنیه نه ۶۰۰ تومنی",
                                        store="tisa")))
    assert "۲٬۳۰۰٬۰۰۰ تومان به ۲٬۱۰۰٬۰۰۰ تومان" in right and "کسر نمی‌شود" in right
    sender = new_sender()  # the total asked as a delivery price just before, one item's price now
    servers.say(sender, "اگه سبدم بشه ۲ میلیون و ۴۰۰ ارسالش رایگانه؟", store="tisa")
    single = "\n".join(texts(servers.say(sender, "بعدا اگه یکیشو که ۶۰۰ تومنه پس بدم چی میشه؟", store="tisa")))
    assert "۲٬۴۰۰٬۰۰۰ تومان به ۱٬۸۰۰٬۰۰۰ تومان" in single and "کسر" in single
    whole = last_reply(servers, "tisa", "کل سفارشم ۳ میلیون بود و ارسالش مجانی شد. اگه پسش بدم همه پولمو میگیرم؟")
    assert "کسر" in whole and "رایگان است" not in whole  # the deduction rule, not the free shipping's price again


def test_a_fault_supposed_after_a_refused_change_of_mind_gets_the_test_period_and_whom_to_coordinate_with(servers) -> None:
    sender = new_sender()
    refused = "\n".join(texts(servers.say(sender, "купил у вас офисное МФУ, позавчера привезли, передумал, коробку даже "
                                                  "не вскрывал. вернуть можно?", store="offykala")))
    assert "даже с целой пломбой" in refused  # an MFP is one of the page's large office machines
    fault = "\n".join(texts(servers.say(sender, "а если найду дефект?", store="offykala")))
    assert "Срок тестирования 7 дней" in fault and "поддержк" in fault


def test_an_amount_asked_in_rial_or_toman_is_converted_whatever_the_topic_it_was_read_as(servers) -> None:
    sender = new_sender()
    servers.say(sender, "میخوام یه گوشی ۱۲ و نیم میلیونی بخرم بفرستم کرج واسه داداشم، خودش میتونه تحویل بگیره؟",
                store="chistatek")
    said = "\n".join(texts(servers.say(sender, "این ۱۰ میلیون به ریال دقیقا چقد میشه؟ قیمتا تو سایت ریالیه",
                                       store="chistatek")))
    assert "۱۰۰٬۰۰۰٬۰۰۰ ریال" in said and "ارسال" not in said
    russian = "\n".join(texts(servers.say(new_sender(), "12 млн риалов это сколько томан?", store="sitra")))
    assert "1\u202f200\u202f000 томан" in russian and "рассрочк" not in russian


def test_a_what_if_after_the_test_period_counted_sets_the_supposed_day_against_it(servers) -> None:
    sender = new_sender()
    servers.say(sender, "سلام، پرینتر رو شنبه تحویل گرفتم، مهلت تستش تا کیه؟", store="offykala")
    said = "\n".join(texts(servers.say(sender, "اگه تا شنبه بعد عصر خبر بدم چی؟", store="offykala")))
    assert "یعنی شنبه بعد" in said and "هنوز در این مهلت هستید" in said and "آسیب" not in said


def test_an_item_taken_off_a_processed_order_gets_its_status_and_the_rule_on_changes(servers) -> None:
    sender = new_sender()
    servers.say(sender, "سلام سفارش SR5001 رو دارم، تابه رو دیگه نمیخوام فقط مخلوط کن بمونه. میشه تابه رو از سفارش "
                        "حذف کنین؟", store="sitra")
    said = "\n".join(texts(servers.say(sender, "۰۹۱۲ ۱۱۱ ۱۱۰۱", store="sitra")))
    assert "در حال پردازش" in said and "ویرایش" in said and "کدام کالا" not in said  # not a return of the pan


def test_an_amount_put_right_after_the_id_rule_gets_its_bound_whatever_else_it_names(servers) -> None:
    sender = new_sender()
    below = "\n".join(texts(servers.say(sender, "سلام یه لپتاپ ۹ میلیون و ۸۰۰ سفارش دادم. موقع تحویل ازم عکس کارت ملی "
                                                "و اینا میگیرن؟", store="chistatek")))
    assert "فقط برای مبلغ‌های بیش از" in below and "بله، در خریدهای" not in below  # no "yes" below the bound
    over = "\n".join(texts(servers.say(sender, "ببخشید اشتباه کردم، با گارانتی و ارسال شده ۱۰ میلیون و ۲۰۰ نه ۹.۸",
                                       store="chistatek")))
    assert "احراز" in over and "تصویربرداری" in over and "گارانتی" not in over


def test_a_follow_up_of_a_return_by_post_and_a_step_forgotten(servers) -> None:
    sender = new_sender()
    servers.say(sender, "میخوام یه هارد اکسترنال رو مرجوع کنم، با تیپاکس بفرستم زودتر میرسه دیگه؟", store="offykala")
    servers.say(sender, "رسید پستو چیکار کنم؟", store="offykala")
    password = "\n".join(texts(servers.say(sender, "هاردم رمز داره، اشکالی نداره؟", store="offykala")))
    assert "رمز عبور" in password and "کارت بانکی" not in password  # the device's password, not the profile's card
    sender = new_sender()
    servers.say(sender, "заказ оформлю я а дома получать будет мама, я на работе. что для этого нужно?", store="citadel")
    forgot = "\n".join(texts(servers.say(sender, "а если я уже оформил и забыл это написать?", store="citadel")))
    assert "телефон" in forgot and "перед завершением покупки" not in forgot  # an order placed is changed by phone
    sender = new_sender()
    servers.say(sender, "мне 16, своей карты нет. если верну наушники, куда деньги придут?", store="offykala")
    refund = "\n".join(texts(servers.say(sender, "и сколько дней ждать возврат?", store="offykala")))
    assert "не указан" in refund and "7 дней" not in refund  # the page gives no refund time


def test_two_prices_side_by_side_are_no_total_and_a_bank_span_is_no_delivery_window(servers) -> None:
    side = last_reply(servers, "tisa", "یه رژ ۴۰۰ تومنی و یه ادکلن ۳ میلیونی خریدم، اگه رژ رو پس بدم چی میشه؟")
    assert "۳٬۰۰۰٬۰۰۰ تومان به" not in side  # the perfume's price is not the order's total
    total = last_reply(servers, "tisa", "کل خریدم دو میلیون و صد بود و ارسالش رایگان شد، این یکی ۶۰۰ تومنه. اگه پسش "
                                        "بدم چی میشه؟")
    assert "۱٬۵۰۰٬۰۰۰ تومان" in total  # a total marked as such is compared
    bank = last_reply(servers, "sitra", "دیروز ساعت ۵ عصر پرداخت کردم پولم کم شد ولی سفارش ثبت نشد", "اگه تا شنبه نیومد چی؟")
    assert "به دستتان رسیده" not in bank  # the bank's 72 hours are not counted as a delivered item's window


def test_a_change_asked_of_a_placed_order_gets_the_rule_on_changes_and_misuse_names_the_test_period(servers) -> None:
    said = last_reply(servers, "citadel", "заказ уже оформлен, CT-2002, 599125502. можно теперь вписать брата?")
    assert "телефонного разговора" in said and "нет информации" not in said  # corrected by phone, then its status
    misuse = last_reply(servers, "offykala", "купил мфу, при установке сам накосячил с настройками и драйвером, теперь не "
                                             "печатает. могу вернуть в течение 7 дней?")
    assert "7-дневного" in misuse and "неправильным использованием" in misuse


def test_where_the_money_back_goes_is_answered_by_the_refund_rules_after_a_return(servers) -> None:
    said = last_reply(servers, "chistatek", "لپتاپم ۱۲ روز پیش رسید، فنش صدا میده و داغ میکنه، هنوز میتونم بفرستمش؟",
                      "اگه یه جوری قبول کردن، پولش به کارت خودم برمیگرده دیگه؟")
    assert "حساب" in said and "هزینه ارسال" not in said  # the account the money goes to, not who pays the post


def test_a_rule_asked_while_the_order_is_asked_for_stores_the_question_for_it_once(servers) -> None:
    sender = servers.conversation("tisa")
    for typed in ("سفارشم کی میرسه؟", "ارسال به شیراز چند روز طول میکشه؟"):
        servers.say(sender, typed, store="tisa")
    sent = texts(servers.say(sender, "عطر باز شده رو پس میگیرید؟", store="tisa"))
    with sqlite3.connect(servers.tracker_db) as db:
        events = [(kind, json.loads(data)) for kind, data in db.execute(
            "SELECT type_name, data FROM events WHERE sender_id = ? ORDER BY id", (sender,))]
    last_user = max(index for index, (kind, _) in enumerate(events) if kind == "user")
    stored = [event["text"] for kind, event in events[last_user:] if kind == "bot"]
    assert stored == sent and sum("شماره سفارش" in text for text in stored) == 1  # the form asks; nothing asks twice


def test_a_delivery_time_the_page_does_not_give_is_said_to_be_not_covered(servers) -> None:
    silent = last_reply(servers, "sitra", "ارسال به شیراز چند روز طول میکشه؟")
    assert "ذکر نشده" in silent and "۷۲ ساعت" not in silent  # not the refund's 24 to 72 working hours
    given = last_reply(servers, "tisa", "ارسال به شیراز چند روز طول میکشه؟")
    assert "۳ تا ۵ روز کاری" in given  # where the page gives it, it is said


def test_a_call_supposed_tomorrow_and_a_delivery_put_right_are_counted_against_the_window(servers) -> None:
    sender = new_sender()
    servers.say(sender, "سلام یه ماهیتابه گرفتم دیروز عصر رسید دسته ش لقه و تکون میخوره چیکار کنم", store="sitra")
    tomorrow = "\n".join(texts(servers.say(sender, "اگه فردا ظهر زنگ بزنم دیر نیست؟", store="sitra")))
    assert "گذشته" in tomorrow and "آنلاین نیستند" not in tomorrow  # the customer's own call, not a wish for a person
    put_right = "\n".join(texts(servers.say(sender, "نه ببخشید اشتباه گفتم امروز صبح رسید نه دیروز", store="sitra")))
    assert "ساعت ۹:۰۰" in put_right and "۲۴ ساعت" in put_right  # counted again from this morning
    box = last_reply(servers, "offykala", "سلام دستگاه کپی اوردن کارتنش خیسه یه گوشش تو رفته پیک دم دره تحویل بگیرم؟؟",
                     "دیر دیدم گرفتمش 😬 حالا چی", "نه اشتباه گفتم دیروز صبح تحویل گرفتم الان عصره")
    assert "ساعت ۹:۰۰" in box and "۲۴ ساعت" in box  # a wet, dented box is damage in transport, its 24 hours


def test_what_if_it_is_not_back_by_a_day_ahead_is_left_to_a_person(servers) -> None:
    said = last_reply(servers, "sitra", "پول از حسابم کم شد ولی سفارش ثبت نشد، دیروز ساعت ۱۰ صبح بود",
                      "یعنی دقیقا تا کی صبر کنم؟ اگه پسفردا ظهر نیومد چی")
    assert "۷۲ ساعت" in said and "ذکر نشده" in said  # the span, and that the page says nothing past it


def test_follow_ups_that_lean_on_the_conversation(servers) -> None:
    ride = last_reply(servers, "citadel", "холодильник за 520 лари в рустави доставка сколько?",
                      "а ехать сколько будет")
    assert "рабочих дня" in ride and "6 лари" not in ride  # the ride's days, not the prices again
    cream = last_reply(servers, "sitra", "заказ SR-5003 тел 09121111103 фен не включается хочу вернуть",
                       "а крем nivea из того же заказа я уже открыла, его тоже примут?")
    assert "передумал" in cream and "не понял" not in cream  # a return of the order's other item
    sealed = last_reply(servers, "tisa", "یه ادکلن گرفتم پریروز رسید پلمپشو باز کردم ولی بوش به دلم ننشست پس میگیرین؟",
                        "اون یکی چی؟ یه بادی اسپلش هم تو همون سفارش بود هنوز پلمپه")
    assert "پلمپ" in sealed and "۰۲۱۵۵۶۹۰۶۸۸" in sealed  # taken back sealed: and how, through customer affairs
    two = last_reply(servers, "tisa", "хочу духи за 45 тысяч томан в рассрочку через snapppay можно?",
                     "а если возьму два флакона по 45 = 90?")
    assert "Сумма 90 000 томан не меньше минимальной" in two.replace("\u202f", " ")
    password = last_reply(servers, "offykala", "برای مرجوعی هارد جعبشو چسب پهن زدم ادرسو روش نوشتم اوکیه؟",
                          "چیا باید همراش باشه", "روش پسورد گذاشتم مشکلی نیست؟")
    assert "رمز" in password and "بردارید" in password  # the packing rules' topic, not "please rephrase"


def test_a_term_the_page_does_not_state_is_said_to_be_missing_beside_the_rule(servers) -> None:
    said = last_reply(servers, "sitra", "گوشی میخوام ۲۸ میلیون قسطی میشه؟", "کارمزدش چند درصده ضامن هم میخواد؟")
    assert "ذکر نشده" in said and "کارمزد" in said and "اعتبار" in said  # the credit services' rule, and the gap
    stated = last_reply(servers, "tisa", "قسطی با اسنپ‌پی سود یا کارمزد داره؟")
    assert "بدون بهره" in stated and "ذکر نشده" not in stated


def test_dev33_kinds_card_to_card_a_distance_from_a_city_and_a_change_of_mind_before_delivery(servers) -> None:
    card = last_reply(servers, "tisa", "А переводом с карты на карту можно?")
    assert "перевод с карты на карту" in card and "онлайн" in card  # not among the ways named: said, with a person
    far = last_reply(servers, "citadel", "холодильник за 1200 лари в Батуми доставка платная?", "а в Зугдиди?",
                     "ну от Тбилиси где-то 320 км")
    assert "640" in far and "бесплатн" not in far  # out of town from Tbilisi, 2 lari a km: not free in Tbilisi
    before = last_reply(servers, "offykala", "اگه قبل اینکه برسه دستم پشیمون میشدم چی؟ اونوقت میشد؟")
    assert "در هر شرایطی" in before and "پلمپ آن باز" not in before and "ذکر نشده" not in before  # any time before
    # delivery, not the opened seal; "اونوقت میشد؟" asks the same again, no second question


def test_another_item_returned_instead_is_set_against_the_total_told_before(servers) -> None:
    said = last_reply(servers, "tisa", "سلام یه سفارش ۲ میلیون و ۳۰۰ داشتم که ارسالش رایگان بود. یه ادکلن ۶۰۰ تومنیش "
                                       "پلمپه و نمیخوامش. اگه پسش بدم کل ۶۰۰ رو برمیگردونین؟",
                      "اگه به جاش فقط اون بادی اسپلش ۲۰۰ تومنی رو پس بدم چی؟")
    assert "۲٬۱۰۰٬۰۰۰" in said and "کسر نمی‌شود" in said  # 2.3 million less 0.2: still above 2 million


def test_review_findings_of_the_dev32_and_dev33_changes(servers) -> None:
    printer = last_reply(servers, "offykala", "پرینتر رسید ولی پشیمون شدم", "اگه پلمپ باشه چی؟")
    assert "حتی با پلمپ سالم" in printer and "روش مرجوعی" not in printer  # the printer told before: refused sealed too
    person = last_reply(servers, "sitra", "سلام یه ماهیتابه گرفتم دیروز عصر رسید دسته ش لقه",
                        "میخوام با یه کارشناس صحبت کنم، اگه فردا زنگ بزنم کسی جواب میده؟")
    assert "صف پشتیبانی" in person  # a person asked for in so many words: handed over
    percent = last_reply(servers, "chistatek", "لپ تاپم خراب شده، مرجوع کنم چند درصد پولم برمیگرده؟")
    assert "کارمزد یا سود اقساط" not in percent  # no instalments asked: no instalment terms
    polite = last_reply(servers, "offykala", "جعبه پرینتر له شده رسید و بدنه‌ش شکسته",
                        "ببخشید دیروز ساعت ۵ عصر زنگ زدم پشتیبانی کسی جواب نداد")
    assert "۱۷:۰۰" not in polite  # a call told, not the delivery put right


def test_a_guess_of_greeting_without_a_greeting_word_and_a_brand_in_persian_letters(servers) -> None:
    said = last_reply(servers, "chistatek", "اگه کالا برسه و بدنه‌ش ضربه خورده باشه تا کی وقت دارم بهتون بگم؟",
                      "عه من فکر میکردم برای خط و خش هم مثل بقیه ۲۴ ساعت وقت دارم")
    assert "دستیار پشتیبانی" not in said and "۲ ساعت" in said  # the visual check's 2 hours, not a greeting
    lancome = last_reply(servers, "tisa", "سلام سفارش TS-1043 رو گرفتم، شمارم 09352222203. لانکوم ۵۰ میل با یه سمپل "
                                          "هدیه بود. لانکوم رو باز نکردم پلمپه ولی پشیمون شدم، چطوری پس بدم؟")
    assert "کدام کالا" not in lancome and "۰۲۱۵۵۶۹۰۶۸۸" in lancome  # the perfume named in Persian letters


def test_a_price_and_a_time_asked_at_once_and_an_amount_no_time_uses(servers) -> None:
    sender = new_sender()
    both = "\n".join(texts(servers.say(sender, "سلام، یه یخچال ۱۲۰۰ لاری میخوام بخرم، باتومی هستم. ارسالش چقدر میشه و "
                                               "چند روزه میرسه؟", store="citadel")))
    assert "رایگان" in both and "روز کاری" in both  # the price and the days
    iron = "\n".join(texts(servers.say(sender, "اگه یه اتو ۷۰ لاری جدا سفارش بدم اون چی؟", store="citadel")))
    assert "۶ لاری" in iron  # an order of its own, under 100 lari: its price, not the days again


def test_where_is_my_order_after_a_story_gets_the_rule_and_asks_for_the_order(servers) -> None:
    said = last_reply(servers, "sitra", "سلام من یه سشوار با یه کرم نیوا سفارش دادم هنوز کد رهگیری برام پیامک نشده. "
                                        "سفارشم کجاست؟")
    assert "پیامک" in said and "شماره سفارش را بفرستید" in said  # the SMS rule, then the order looked up


def test_dev34_and_dev35_kinds_answered_from_the_page(servers) -> None:
    cancel = last_reply(servers, "sitra", "دیروز ظهر پرداخت کردم خطا داد ولی پول از حسابم کم شد. تا کی صبر کنم؟",
                        "اگه یه سفارش موفق رو خودم لغو کنم اونم همون ۷۲ ساعته برمیگرده؟")
    assert "شبا" in cancel and "بانک" not in cancel  # a cancel's refund, not the failed payment's 72 hours again
    late = last_reply(servers, "sitra", "خرید کردم درگاه خطا داد ولی پول از حسابم کم شد. الان حدود ۴۸ ساعت گذشته.",
                      "نه ببخشید اشتباه گفتم، چهار روز پیش بوده نه دو روز. الان چی؟")
    assert "گذشته است" in late and "همکاران پشتیبانی" in late  # the 72 hours over, counted from that day; a person
    days = last_reply(servers, "sitra", "سفارش بدم چند روزه میرسه؟")
    assert "بازه زمانی" in days and "همکاران پشتیبانی" in days  # no days on the page: the window chosen, and a person
    cash = last_reply(servers, "citadel", "دوستم میگفت اینجا میشه موقع تحویل نقدی پول داد، راسته؟")
    assert "VISA" in cash and "«پول نقد»" in cash  # the ways the page names, and that cash is not one of them
    broken = last_reply(servers, "tisa", "а если флакон пришел разбитый?")
    assert "02155690688" in broken  # whom to tell within the 7 days
    shipped = last_reply(servers, "offykala", "سفارش ۵۸۱۲۲ کجاست؟",
                         "09124444402 . راستی اگه موقع تحویل دیدم کارتنش ضربه خورده چیکار کنم؟")
    assert "ارسال شده" in shipped and "امکان مرجوعی وجود ندارد" not in shipped  # its status, then the case supposed


def test_a_count_put_right_and_the_days_left_of_a_window_from_a_day(servers) -> None:
    stairs = last_reply(servers, "chistatek", "یخچال سفارش دادم با ارسال ویژه کالای سنگین. خونه‌مون فکر کنم ۸ تا پله "
                                              "میخوره، یعنی طبقه اول حساب میشه دیگه؟", "نه صبر کن الان شمردم، ۵ تاست")
    assert "طبقه اول" in stairs  # five stairs, not nine ("نه" is also nine) nor a plain "no"
    left = last_reply(servers, "offykala", "دستگاه فتوکپی رو ۳ روز پیش تحویل گرفتم، الان کپی‌هاش خط میندازه. چند روز "
                                           "دیگه از مهلت تستم مونده؟")
    assert "هنوز ۴ روز" in left  # the 7 days from three days ago


def test_what_no_page_offers_is_said_not_covered_not_answered_by_shared_words(servers) -> None:
    gift = last_reply(servers, "sitra", "У вас можно купить подарочный сертификат?")
    assert "подарочные сертификаты" in gift and "рассрочк" not in gift  # not "yes, buy in instalments"
    code = last_reply(servers, "chistatek", "کد تخفیف کجا وارد کنم؟")
    assert "«کد تخفیف»" in code and "همکاران پشتیبانی" in code
    bonus = last_reply(servers, "citadel", "Есть ли программа лояльности, бонусы?")
    assert "бонусы" in bonus and "не человек" not in bonus  # not "I am a bot"


def test_dev36_kinds_other_languages_and_other_ways_of_saying_it(servers) -> None:
    tag = last_reply(servers, "sitra", "заказал в سیترا, его уже отправили. отменить теперь нельзя да")
    assert "нельзя" in tag and "номер заказа" not in tag  # a question without its mark: the rule, no order asked
    late = last_reply(servers, "offykala", "принтер привезли сегодня в 9 утра, внутри треснул лоток. завтра в 8 утра "
                                           "ещё не поздно сообщить", "а если опоздаю?")
    assert "номер заказа" not in late and "доказательств" in late  # an "and if" read as a yes is no yes to a check
    pieces = last_reply(servers, "tisa", "крем стоит 700 тыс, доставка по Тегерану бесплатная?", "а если 3 штуки?")
    assert "2\u202f100\u202f000" in pieces and "бесплатн" in pieces  # three of it: over the 2 million
    far = last_reply(servers, "citadel", "холодильник за 900 лари в Батуми доставка сколько",
                     "а если на дачу за город, километров сорок от Батуми")
    assert "80 лари" in far  # forty km, said after the unit
    wrap = last_reply(servers, "tisa", "Можно срочную доставку в Керман? И можете завернуть в подарочную упаковку")
    assert "подарочн" in wrap and "номер заказа" not in wrap  # the page offers no wrapping: said so, no order asked
    fault = last_reply(servers, "chistatek", "добрый день. AirPods Pro 2 из заказа CK-3003 шипят в левом ухе")
    assert "номер телефона" in fault  # that order's defect, its phone asked (not "not covered")


def test_a_follow_up_told_as_a_statement_and_a_day_named_for_a_pickup(servers) -> None:
    terms = last_reply(servers, "sitra", "سلام، سیترا قسطی هم میفروشه؟ چند قسطه", "یعنی چک و ضامن نمیخواد")
    assert "اعتبارسنجی" in terms and "ضامن" in terms  # the credit check, and that the page names no guarantor
    sunday = last_reply(servers, "citadel", "если оформлю самовывоз в воскресенье, когда можно забрать?")
    assert "нерабочий день" in sunday and "сейчас" not in sunday  # that Sunday, not "if you order now"
    assert "(понедельник) с 10:00" in sunday  # the next working day from the next-day hour (was its 16:00-18:00)
    check = last_reply(servers, "offykala", "где мой заказ 58122? телефон 09124444402",
                       "а что проверить когда принесут")
    assert "вмятин" in check and "Трек-номер" not in check  # the rule for a damaged parcel, not the status again
    tipax = last_reply(servers, "offykala", "برای مرجوعی با تیپاکس بفرستم راحت‌ترم")
    assert "پیشتاز" in tipax and "شماره سفارش را بفرستید" not in tipax  # no question typed, a rule plainly answers
    request = last_reply(servers, "offykala", "میخوام پسش بدم")
    assert "شماره سفارش را بفرستید" in request  # a wish to return stays a request about one's order


def test_review_of_the_dev36_changes(servers) -> None:
    bonus = last_reply(servers, "offykala", "хочу вернуть заказ, оплачивал бонусами")
    assert "номер заказа" in bonus  # a return told, its order asked (not "the page says nothing of bonuses")
    tabriz = last_reply(servers, "tisa", "TS-1046 09352222206 флакон пришёл разбитый",  # its return offered, ignored
                        "ладно, а доставка в Шираз сколько дней?", "а в Тебриз?")
    assert "3–5 рабочих дней" in tabriz and "возврат" not in tabriz.lower()  # no longer a return's follow-up


def test_dev38_kinds_the_steps_of_a_process_and_what_happens_next(servers) -> None:
    steps = last_reply(servers, "sitra", "میشه سفارشمو لغو کنم؟ مراحلش چیه؟")
    assert "پشتیبانی" in steps and "سبد خرید" not in steps  # the steps of cancelling, not of ordering
    edit = last_reply(servers, "sitra", "بعد کنسلی پولم کی برمیگرده؟", "اگه فقط بخوام یکی از کالاها رو حذف کنم چی؟")
    assert "ویرایش" in edit  # an edit of the order, not the refund's hours leaned on
    check = last_reply(servers, "citadel", "что надо проверить, когда курьер привезёт заказ?")
    assert "претензи" in check and "рабочих дня" not in check  # what to look at, not when it comes
    send = last_reply(servers, "tisa", "ادکلنم شکسته رسید، چطوری برگردونم؟",
                      "من تبریزم و با پست میفرستم، کار دیگه ای هست؟")
    assert "قبض" in send and "۳ تا ۵ روز" not in send  # sending it back from a province, not a delivery's days
    trade = last_reply(servers, "chistatek", "گوشی قدیمیمو میگیرین و نو بدین؟")
    assert "ترید-این" in trade and "شماره سفارش" not in trade
    what = last_reply(servers, "offykala", "если коробка помятая, что мне делать, когда привезут?")
    assert "можно её не принимать" in what and not what.startswith("Да,")  # asked what, not whether: no "yes"


def test_dev39_dev40_kinds_spans_supposed_and_numbers_as_typed(servers) -> None:
    late = last_reply(servers, "tisa", "получила посылку 4 дня назад, флакон треснул. что делать?",
                      "а если бы заметила только через 10 дней?")
    assert "истёк" in late and "рабочих дней" not in late  # past the 7 days, not the delivery's days
    iron = last_reply(servers, "citadel", "доставка заказа на 80 лари по тбилиси сколько?",
                      "а если добавлю утюг и выйдет лари 300? до вас км 8")
    assert "12 лари" in iron  # the currency said first is still the amount
    carrier = last_reply(servers, "chistatek", "باربری خراب کرده، مسئولیتش با کیه و شما پیگیری میکنید یا خودم؟")
    assert carrier.count("پیگیر") == 1  # the rule that says the follow-up too, not the follow-up's rule beside it


def test_a_case_supposed_after_an_instalment_sum_is_the_pages_rule(servers) -> None:
    late = last_reply(servers, "tisa", "با اسنپ پی میشه قسطی خرید؟ یه بادی اسپلش ۴۵ تومنی میخوام",
                      "اگه قسطو دیر بدم جریمه داره؟")
    assert "پنجم" in late and "کمتر از حداقل" not in late  # the grace day, not the sum's plan again


def test_until_what_hour_after_a_window_counted_from_a_moment_is_that_window(servers) -> None:
    hour = last_reply(servers, "sitra", "دیشب ساعت ۹ بسته رسید، مخلوط کنش شکسته بود. هنوز میتونم اعتراض کنم؟",
                      "یعنی دقیقا تا ساعت چند وقت دارم؟")
    assert "۲۱:۰۰" in hour  # the deadline from last night's 21:00, not the rule alone


def test_review_of_the_dev39_dev40_changes(servers) -> None:
    ordered = last_reply(servers, "sitra", "پنجشنبه سفارش دادم، کی میرسه؟",
                         "رسید ولی مخلوط کنش شکسته بود. هنوز وقت دارم خبر بدم؟")
    assert "گذشته است" not in ordered  # the day ordered is no arrival: no window counted from it
    plan = last_reply(servers, "tisa", "یه عطر ۳۰۰ تومنی قسطی بخرم قسطاش چقدره", "اگه ۳ ماهه بگیرم قسطش چقدر میشه؟")
    assert "۷۵٬۰۰۰" in plan  # a sum asked of a case: the schedule, not the rule alone


def test_the_stores_address_is_the_pages_or_that_it_gives_none_without_asking_for_an_order(servers) -> None:
    none = last_reply(servers, "chistatek", "آدرس شرکتتون کجاست؟")
    assert "نشانی‌ای ذکر نشده" in none and "شماره سفارش" not in none and "همکاران پشتیبانی" in none
    back = last_reply(servers, "tisa", "на какой адрес для возврата отправлять?")
    assert "адрес не указан" in back and "02155690688" in back  # with the page's customer service
    citadel = last_reply(servers, "citadel", "какой у вас адрес?")
    assert "Агладзе" in citadel  # the pickup points, the only addresses the page gives


def test_a_fact_put_right_before_the_question_in_one_message_is_no_yes_and_no_not_understood(servers) -> None:
    sender = new_sender()
    servers.say(sender, "رژی که فرستادین رنگش با عکس سایت فرق داره", store="tisa")
    said = texts(servers.say(sender, "ببخشید دقیق نگاه کردم، رنگش درسته، فقط جعبش با عکس فرق داره", store="tisa"))
    assert len(said) == 1 and "سری‌های ساخت" in said[0]  # the batches' looks alone: no order asked, nothing unclear
    glass = texts(servers.say(new_sender(), "ببخشید دوباره نگاه کردم، خود عطر درسته، فقط شیشه‌ش با عکس فرق داره",
                              store="tisa"))
    assert "متوجه منظورتان نشدم" not in "\n".join(glass) and "سری‌های ساخت" in "\n".join(glass)


def test_a_damaged_box_signed_for_already_gets_the_rules_for_a_parcel_taken_not_do_not_accept_it(servers) -> None:
    taken = last_reply(servers, "chistatek",
                       "привезли монитор, коробка мятая, но я уже расписался за посылку. как быть?")
    assert "2 час" in taken and "откажитесь от получения" not in taken
    door = last_reply(servers, "chistatek", "курьер у двери, коробка с монитором мятая. что делать?")
    assert "откажитесь от получения" in door  # not taken yet: do not accept it
    signed = last_reply(servers, "offykala", "کارتن اسکنر ضربه خورده بود ولی امضا کردم و گرفتمش، حالا چی کار کنم؟")
    assert "به منزله قبول کالا" in signed and "تحویل نگیرید" not in signed


def test_an_amount_under_a_rules_bound_read_as_a_topic_the_store_has_no_rule_for_gets_the_bound(servers) -> None:
    said = last_reply(servers, "chistatek", "میخوام یه لپتاپ ۹ میلیونی بخرم، موقع تحویل مدارک میخواین؟")
    assert "پس شامل آن نمی‌شود" in said and "ذکر نشده" not in said  # the ID rule is for over 10 million
    other = last_reply(servers, "chistatek", "گوشی ۸ میلیونی رو قسطی میدین؟")
    assert "شامل آن نمی‌شود" not in other  # instalments, which the page leaves open: not the ID rule's bound


def test_a_question_aside_while_the_seal_is_asked_does_not_start_the_return_form_round_and_round(servers) -> None:
    sender = new_sender()
    servers.say(sender, "ورساچه اروس سفارش TS-1046 خوشم نیومد، میشه پسش بدم؟", store="tisa")
    servers.say(sender, "۲۲۰۶", store="tisa")  # the seal is asked
    aside = "\n".join(texts(servers.say(sender, "حتی اگه فقط یه پیس زده باشم؟", store="tisa")))
    assert "امکان مرجوعی وجود ندارد" in aside  # sprayed once: opened, so refused
    after = "\n".join(texts(servers.say(sender, "خب پس چیکار کنم؟ اصلا نمیتونم استفاده‌ش کنم", store="tisa")))
    assert after and "پاسخ نمی‌دهد" not in after  # answered, not "part of our system is not responding"
    sender = new_sender()  # a rules question while the seal is asked: answered, then the seal's answer decides
    servers.say(sender, "ورساچه اروس سفارش TS-1046 خوشم نیومد، میشه پسش بدم؟", store="tisa")
    servers.say(sender, "۲۲۰۶", store="tisa")
    aside = "\n".join(texts(servers.say(sender, "هزینه ارسالش با کیه؟", store="tisa")))
    assert "با تیسا است" in aside and "پلمپ کالا هنوز باز نشده" in aside
    decided = "\n".join(texts(servers.say(sender, "بله پلمپش سالمه", store="tisa")))
    assert "قابل مرجوعی است" in decided and "در چه موردی" not in decided


def test_follow_ups_that_lean_on_the_answer_before(servers) -> None:
    sender = new_sender()
    for message in ("утюг за 80 лари, доставка по тбилиси сколько?", "а если сумма 300?"):
        said = "\n".join(texts(servers.say(sender, message, store="citadel")))
    assert "1,50 лари за км" in said  # the sum named without a currency is the order's new total
    servers.say(sender, "12 км", store="citadel")
    total = "\n".join(texts(servers.say(sender, "а сколько это в итоге?", store="citadel")))
    assert "318 лари" in total  # the order with its delivery
    half = last_reply(servers, "chistatek", "گوشیم ساعت ۱ ظهر رسید، الان ساعت ۴ عصره تازه دیدم کنارش خط افتاده. "
                      "هنوز میشه اعلام کنم؟", "اگه ساعت ۲ و نیم گفته بودم چی؟")
    assert "۱۴:۳۰ هنوز در این مهلت هستید" in half  # half past two in the afternoon, inside the 2 hours
    floor = last_reply(servers, "chistatek", "یخچال با ارسال ویژه کالای سنگین میاد، ۸ تا پله داریم طبقه چندم حساب میشه؟",
                       "طبقه دوم پول اضافه میگیرین؟ چقدر؟")
    assert "مبلغ این را نگفته‌اند" in floor and "همکاران پشتیبانی" in floor  # the page gives no price for it
    confirmed = last_reply(servers, "offykala", "ایرادی که برای دستگاه کپی‌م اعلام کردم رو کارشناساتون تایید نکنن چی میشه؟",
                           "اگه تایید کنن؟")
    assert "بازگشت وجه" in confirmed and "در چه موردی" not in confirmed  # the other case, not "OK, what else?"
    called = last_reply(servers, "chistatek", "و اگه آنلاین بدم ولی موقع تحویل خونه نباشم چی؟",
                        "یعنی اگه ساعت ۱۰ صبح زنگ بزنن تا کی وقت دارم جواب بدم؟")
    assert "۱۰:۰۰ (فردا)" in called and "صف پشتیبانی" not in called  # their call supposed, counted: no hand-off
    refund = last_reply(servers, "sitra", "оплата не прошла а деньги списались", "а если заказ отменить, то сколько ждать?")
    assert "24–72" in refund  # the wait after a cancellation supposed: the refund's hours
    mouse = last_reply(servers, "offykala", "купил у вас принтер, привезли, коробка запечатана, но я передумал. заберете?",
                       "а если бы это была мышка и ее еще не доставили?")
    assert "за счёт покупателя" in mouse and "Пиштаз" not in mouse  # before delivery: no sending back to explain
    leak = last_reply(servers, "tisa", "Тиса, вчера получила духи, флакон протек, вся коробка мокрая! что делать??")
    assert "02155690688" in leak and "нет информации" not in leak  # the damage rule, not "not covered"


def test_a_too_big_copier_a_streaky_printer_and_another_recipient_get_their_rules(servers) -> None:
    copier = last_reply(servers, "offykala", "взял у вас копировальный аппарат canon, пломба целая, просто понял что он "
                                             "великоват для нашего офиса. могу вернуть?")
    assert "даже с целой пломбой" in copier  # a change of mind for a large office machine: refused, sealed or not
    mother = last_reply(servers, "citadel", "хочу заказать маме холодильник, получать будет она, я сама в другом городе. "
                                            "так можно?")
    assert "в поле для комментария" in mother and "нет информации" not in mother
    sender = new_sender()
    servers.say(sender, "سلام پرینتر HP M236 گرفتم دو روزه رسیده، چاپاش خط خطی میاد. سفارش ۵۸۱۲۰", store="offykala")
    streaky = "\n".join(texts(servers.say(sender, "4567 آخرشه", store="offykala")))
    assert "۷ روز" in streaky and "کد رهگیری" not in streaky  # a fault of the order: its return, not its status


def test_a_later_part_of_one_message_goes_on_from_the_first_parts_facts(servers) -> None:
    kettle = last_reply(servers, "sitra", "سلام یه کتری برقی گرفتم رنگش با عکس سایت فرق داشت میخوام پسش بدم. "
                                          "خودم باید ببرم پست یا چی؟ مرجوعی چطوریه")
    assert "سفارش‌های من" in kettle and "شماره سفارش را بفرستید" not in kettle  # asked how: the rules and the offer
    assert "ذکر نشده" not in kettle  # "must I take it to the post?" of a return: its pick-up, not "not covered"
    pickup = last_reply(servers, "citadel", "хочу оформить самовывоз в Кутаиси, закажу сегодня где-то в 12:30. "
                                            "когда можно будет забрать и куда подъехать?")
    assert "на следующий день" in pickup and "16:00" not in pickup  # 12:30's case alone, not "if you order now"
    paper = last_reply(servers, "offykala", "سلام سفارش ۵۸۱۲۰ دارم با موبایل 0912 123 4567. کاغذ هدیه ای که با پرینتر "
                                            "فرستادین مشکل داره، اونم میشه مرجوع کرد؟")
    assert "A4 copy paper" in paper and "کالای هدیه" in paper  # the gift spoken of, not the printer it came with
    copier = last_reply(servers, "offykala", "دستگاه کپی رو شنبه تحویل گرفتم، امروز پنجشنبه‌ست و رو همه کپی ها یه خط "
                                             "سیاه میندازه. هنوز میتونم برگردونم؟")
    assert "کالاهای بزرگ" not in copier and "۷ روز" in copier  # a fault: the test period, not the change-of-mind refusal


def test_a_what_if_leans_on_the_answer_before_as_much_as_it_needs(servers) -> None:
    card = last_reply(servers, "offykala", "по заказу 58120 (тел. 4567): если примут принтер по браку, на какую карту "
                                           "придут деньги?", "а если оплачивал вообще с карты брата?")
    assert "документ" in card and "нет информации" not in card  # the other card's rule, not "not covered"
    normal = last_reply(servers, "tisa", "سفارش TS-1043 با شماره ۰۹۳۵۲۲۲۲۲۰۳. لانکوم رو اصلا باز نکردم پلمپه، منصرف "
                                         "شدم. هزینه پس فرستادنش با کیه؟", "اگه روز عادی خریده بودم فرقی میکرد؟")
    assert "ایام عادی" in normal  # what would differ: who pays on an ordinary day
    supposed = last_reply(servers, "offykala", "هارد اکسترنال ۹ روز پیش تحویل گرفتم، الان یهو دیگه شناخته نمیشه. "
                                               "میتونم پس بدم؟", "اگه ۵ روز پیش تحویل گرفته بودم چی؟")
    assert "مهلت ۷ روز" in supposed and "گذشته است" not in supposed  # the delivery supposed: counted from it
    later = last_reply(servers, "citadel", "если оформлю самовывоз сегодня в 10:40, когда смогу забрать в тбилиси?",
                       "а если успею оформить только в полдвенадцатого?")
    assert "11:30" in later and "на следующий день" in later


def test_a_span_of_hours_and_an_unoffered_service_are_read_as_such(servers) -> None:
    express = last_reply(servers, "tisa", "я из кермана, можно срочную доставку за 24-48 часов?")
    assert "невозможна" in express and "телефон" not in express  # "24-48" is no order number
    install = last_reply(servers, "citadel", "вы устанавливаете кондиционеры? сколько стоит монтаж если куплю у вас?")
    assert "нет информации" in install and "доставк" not in install.lower()


def test_terse_follow_ups_go_on_from_the_computed_answer(servers) -> None:
    sender = new_sender()
    first = "\n".join(texts(servers.say(sender, "доставка в батуми скока", store="citadel")))
    assert "6 лари" in first and "рабочих дня" not in first  # "скока": its price, not its days
    servers.say(sender, "а 80", store="citadel")
    both = "\n".join(texts(servers.say(sender, "а 300 и 10 км", store="citadel")))
    assert "300 лари" in both and "15 лари" in both  # the bare number is the new total, beside the distance
    express = last_reply(servers, "tisa", "доставка в шираз скока дней", "а срочно")
    assert "24–48" in express
    noon = last_reply(servers, "citadel", "самовывоз кутаиси", "закажу в 10:30 когда забрать", "а в 12")
    assert "12:00" in noon and "на следующий день" in noon
    late = last_reply(servers, "tisa", "۴۵ هزاری اقساطی میشه؟", "دیر بدم جریمه داره")
    assert "روز پنجم" in late  # under the minimum: the rule asked, not the minimum again


def test_the_language_told_on_the_way_to_a_question_is_no_greeting(servers) -> None:
    slot = last_reply(servers, "sitra", "Я живу в Тегеране, по-персидски читаю плохо, поэтому пишу по-русски. "
                                        "Хочу заказать пылесос. Можно как-то выбрать время доставки?")
    assert "помощник службы поддержки" not in slot and "интервал" in slot


def test_a_greeting_with_how_are_you_and_a_plain_question_no_rule_answers(servers) -> None:
    greeting = "\n".join(texts(servers.say(new_sender(), "Привет! как дела?)", store="citadel")))
    assert "Здравствуйте" in greeting and "нет информации" not in greeting  # small talk, not out of scope
    showroom = "\n".join(texts(servers.say(new_sender(), "и еще у вас есть шоурум в тегеране? хочу ноут вживую посмотреть",
                                           store="chistatek")))
    assert "нет информации" in showroom and "Напишите, пожалуйста, иначе" not in showroom  # a question, not unclear
    missing = "\n".join(texts(servers.say(new_sender(), "سلام سفارشم هنوز نرسیده، کد رهگیری هم برام نیومده. کی میاد پس؟",
                                          store="sitra")))
    assert "شماره سفارش" in missing and "امکان لغو" not in missing  # one's own order missing: its number asked


def test_a_fault_another_way_and_express_to_a_place_put_right_are_read_whatever_the_topic(servers) -> None:
    airpods = last_reply(servers, "chistatek", "ایرپاد پرو ۲ که ازتون خریدم یه طرفش صدا نمیده، چیکار کنم؟")
    assert "ذکر نشده" not in airpods and "شماره سفارش" in airpods  # a fault of one's own purchase, not "not covered"
    elsewhere = last_reply(servers, "sitra", "كد رهگيري رو چجوري ميدين؟", "پیامکی برام نیومده که، جای دیگه ای هم میشه دیدش؟")
    assert "سفارش‌های من" in elsewhere and "ذکر نشده" not in elsewhere  # the other way the rule gives
    shiraz = last_reply(servers, "tisa", "здравствуйте, я в Кермане живу, если закажу духи, через сколько примерно придут?",
                        "ой извините, я перепутала, посылку надо в Шираз отправить, маме. туда срочно можно?")
    assert "24–48" in shiraz and "в Керман невозможна" not in shiraz  # express's hours to the place named now


def test_to_be_honest_supposes_nothing_and_decants_are_not_on_the_page(servers) -> None:
    fake = last_reply(servers, "tisa", "здравствуйте, купила мужу versace eros, открыли а запах вообще не его. можно вернуть? "
                      "заказ ts 1046, последние цифры телефона 2206", "а если честно он пахнет не так как в магазине. может подделка?")
    assert "подлинность" in fake and "распродаж" not in fake  # "to be honest": its authenticity, not a what-if
    decant = last_reply(servers, "tisa", "شما عطر دکانت یا اسپلیت هم دارین؟ یا فقط شیشه کامل میفروشین")
    assert "دکانت" in decant and "اسنپ" not in decant and "انقضا" not in decant  # no neighbouring rule
    cream = last_reply(servers, "tisa", "یه کرم ایرانی گرفتم که ۵ ماه تا انقضاش مونده، این طبیعیه؟")
    assert "به اطلاع شما می‌رسد" in cream  # under the 6 months: told before buying


def test_a_refund_less_the_return_cost_told_is_computed(servers) -> None:
    mouse = last_reply(servers, "offykala", "یه ماوس ۸۰۰ هزار تومنی گرفتم پلمپشو باز نکردم پشیمون شدم. پست برگشتش ۹۰ تومن "
                                            "میشه، اگه پس بدم چقد به حسابم برمیگرده؟")
    assert "۷۱۰٬۰۰۰ تومان" in mouse and "ذکر نشده" not in mouse  # one question: 800 less 90, not "not covered" after it


def test_an_amount_at_a_store_without_plans_is_the_rule_its_words_meet(servers) -> None:
    id_card = last_reply(servers, "chistatek", "یه سوال دیگه، اگه بعدا یه گوشی ۱۲ میلیونی بخرم کارت ملی لازمه؟")
    assert "هویت" in id_card and "ذکر نشده" not in id_card  # the ID check over 10 million, not "no instalments"
    plans = last_reply(servers, "chistatek", "قسطی هم میفروشین؟ یه گوشی ۱۲ میلیونی میخوام")
    assert "ذکر نشده" in plans and "هویت" not in plans  # instalments asked: the page's silence on them


def test_a_cancel_after_delivery_days_and_express_to_a_city_after_a_status(servers) -> None:
    cancel = last_reply(servers, "tisa", "سلام عطر ساواجم کی میرسه؟", "من اصفهانم، معمولا چند روز طول میکشه؟",
                        "اگه بخوام کنسلش کنم میشه؟")
    assert "لغو" in cancel and "ارسال فوری" not in cancel  # a cancel named: its own matter, not express beside the days
    kerman = last_reply(servers, "tisa", "где мой заказ? ts1041, последние 4 цифры 2201", "я в Кермане, можно срочную доставку?")
    assert "в Керман невозможна" in kerman  # express asked with a city: refused there, whatever the topic read


def test_ones_own_item_a_situation_rule_and_the_same_asked_of_another_case(servers) -> None:
    own = last_reply(servers, "tisa", "سلام عطر ساواجم کی میرسه؟")
    assert "شماره سفارش" in own and "ارسال فوری" not in own  # one's own perfume: its order, not times for a new one
    away = last_reply(servers, "chistatek", "оплатил заказ онлайн курьер приехал а меня не было дома. что теперь?")
    assert "24" in away and "номер заказа" not in away  # the page's rule for a missed delivery, no order asked first
    same = last_reply(servers, "sitra", "اگه سفارشو لغو کنم پولم کِی برمیگرده؟", "مرجوعی هم همینطوره؟ یعنی اگه کالا رو پس بدم")
    assert "۷۲" in same and "سفارش‌های من" not in same  # the refund's hours again, not how to file a return
    when = last_reply(servers, "chistatek", "اگه ایرپادهامو پس بدم پولم کی برمیگرده؟")
    assert "ذکر نشده" in when and "معذور" not in when  # no time on the page: not the account rule in its place
    late = last_reply(servers, "chistatek", "دیروز ساعت ۵ عصر با پرداخت در محل سفارش دادم، الان ساعت ۶ عصره. "
                                            "هنوز چیستاتک میتونه سفارشمو لغو کنه؟")
    assert "گذشته" in late  # the 24 hours counted from the moment told


def test_a_place_changed_a_span_in_weeks_an_unlisted_amend_and_a_return_told_in_few_words(servers) -> None:
    gori = last_reply(servers, "citadel", "телевизор за 450 лари, доставка по Тбилиси сколько будет?", "12 км",
                      "а если те же 520 лари, но в Гори?")
    assert "Какое расстояние" in gori and "24 лари" not in gori  # Tbilisi's 12 km are not Gori's
    weeks = last_reply(servers, "chistatek", "هندزفری که خریدم ایراد فنی داره، هزینه ارسال برگشتش با کیه؟",
                       "اگه دو هفته از تحویلش گذشته باشه چی؟")
    assert "گذشته" in weeks and "ارسال ذکر نشده" not in weeks  # past the 7 working days, not delivery times
    late = last_reply(servers, "citadel", "а если доставка задержится, будет компенсация?")
    assert "компенсац" in late and "6 лари" not in late  # not on the page: not the price table
    printer = last_reply(servers, "offykala", "заказ 58120, последние цифры 4567. принтер не нужен, коробку не открывал, "
                                              "верните деньги")
    assert "нельзя" in printer and "нет информации" not in printer  # a change of mind: the large-item refusal
    stock = last_reply(servers, "chistatek", "سفارشمو ثبت کردم پیامک کد سفارشم اومد، الان زنگ زدن میگن موجود نیست!! مگه میشه؟")
    assert "موجودی" in stock and "شماره سفارش را بفرستید" not in stock  # whether the store may: its rule, no look-up


def test_a_branch_named_by_a_later_question_and_a_fault_supposed_while_the_phone_is_asked(servers) -> None:
    batumi = last_reply(servers, "citadel", "оформил самовывоз в 13:30, когда можно забрать? и где у вас в батуми")
    assert "Абашидзе" in batumi and "Агладзе" not in batumi  # the branch asked of, not every branch
    fault = last_reply(servers, "tisa", "سلام. ورساچه اروس سفارش داده بودم پریروز رسید، دو سه بار زدم ولی بوش اصلا به من "
                                        "نمیاد خیلی شیرینه. میخوام پسش بدم. سفارشم TS-1046 ـه", "یعنی هیچ راهی نداره؟ فقط دو بار زدم",
                       "باشه. و اگه خراب بود چی؟ مثلا اسپریش کار نکنه")
    assert "۷ روز" in fault and "شماره موبایل" not in fault  # the fault's rule, not the phone asked again


def test_the_rule_said_again_for_what_follows_in_a_case_it_does_not_cover_offers_a_person(servers) -> None:
    sheba = last_reply(servers, "sitra", "اگه سفارشمو لغو کنم پولم کی برمیگرده؟",
                       "من شماره شبا تو حسابم ثبت نکردم، اونوقت چی میشه؟")
    assert "۷۲" in sheba and "همکاران پشتیبانی" in sheba  # the page says no more than the rule: a person may


def test_a_late_instalment_after_a_sum_under_the_minimum_and_the_rest_of_them(servers) -> None:
    late = last_reply(servers, "tisa", "با اسنپ پی میشه قسطی خرید؟ چند قسط میشه؟", "یه رژ لب ۴۵ تومنی میخوام، اونم میشه قسطی؟",
                      "اگه قسطمو آخر ماه یادم بره جریمه میشم؟")
    assert "پنجم" in late and "۴۵٬۰۰۰" not in late  # the late payment's rule, not the sum's minimum again
    rest = last_reply(servers, "tisa", "اگه سفارش اسنپ‌پی لغو بشه قسط اولی که دادم چی میشه؟", "بقیه قسط‌ها چی؟ باید بدمشون؟")
    assert "اقساط پرداخت‌نشده لغو" in rest and "حداقل مبلغ" not in rest  # the unpaid ones' rule, not the plan


def test_is_it_free_at_the_bound_and_a_cancel_the_page_gives_customers_no_way_to(servers) -> None:
    bound = last_reply(servers, "citadel", "سبدم ۴۵۰ لاریه، تفلیس، ۱۰ کیلومتر. ارسالش چقدر میشه؟",
                       "اگه یه هدفون ۵۰ لاری هم بذارم روش که بشه ۵۰۰ لاری، ارسال رایگان میشه؟")
    assert "رایگان نیست" in bound and "بالای ۵۰۰" in bound and "۱۵ لاری" in bound
    cancel = last_reply(servers, "chistatek", "ادرسو اشتباه زدم تو سفارش عوض میشه؟", "خب پس کنسلش کنم؟ میشه؟")
    assert "همکاران پشتیبانی" in cancel and "برای سفارش خودتان بررسی" not in cancel  # a person, not a look at the order
    forgot = last_reply(servers, "citadel", "может брат получить заказ вместо меня", "я уже оформил без коммента что теперь")
    assert "оператор поддержки" in forgot and "не совсем понял" not in forgot  # what follows, left to a person


def test_a_rule_of_its_own_after_a_span_a_returns_money_after_free_shipping_and_how_instalments_work(servers) -> None:
    price = last_reply(servers, "chistatek", "گوشیاتون چند ماه گارانتی دارن؟",
                       "راستی دیروز سفارش دادم امروز قیمتش کم شده، مابه‌التفاوتشو برمیگردونید؟")
    assert "به هیچ عنوان" in price and "روز کاری یعنی" not in price  # the price rule, not the 7 days counted
    money = last_reply(servers, "tisa", "یه لانکوم تو حراج خریدم، پلمپش باز نشده ولی پشیمون شدم میخوام برگردونم",
                       "TS-1043 شمارمم 09352222203", "ارسالش رایگان بود چون بالای ۲ میلیون خریده بودم، کل پولم برمیگرده؟")
    assert "کسر" in money and "در تهران این ارسال رایگان" not in money  # the return's deduction, not free shipping
    works = last_reply(servers, "tisa", "можно ли у вас купить в рассрочку? как это работает")
    assert "4 платежа" in works  # the plan as a whole
    sealed = last_reply(servers, "tisa", "یه عطر گرفتم بازش کردم بوش اصلا خوشم نیومد، میشه پسش بدم؟",
                        "اگه یکی دیگه بخرم و پلمپشو باز نکنم و پشیمون شم، هزینه ارسال برگشتش با کیه؟")
    assert "حراج" in sealed and "پلمپش باز شده" not in sealed  # who pays for a sealed one, not the refusal again


def test_the_test_period_of_a_kind_named_a_fines_size_and_the_same_span_of_a_return(servers) -> None:
    printer = last_reply(servers, "offykala", "на принтер есть 7 дней на проверку?")
    assert "7 дней" in printer and "нет информации" not in printer
    fine = last_reply(servers, "tisa", "а если опоздаю с ежемесячным платежом будет штраф?", "а какой именно штраф после пятого числа?")
    assert "не сказано" in fine and "оператор поддержки" in fine  # the page names no fine's size: a person
    same = last_reply(servers, "sitra", "اگه سفارشمو کنسل کنم پولم کی برمیگرده؟", "اگه مرجوعی باشه چی؟ اونم همینقدر طول میکشه؟")
    assert "۷۲" in same and "ذکر نشده" not in same  # the refund's hours, of a return too


def test_ways_of_paying_the_page_does_not_name_and_amounts_it_does_not_give(servers) -> None:
    gift = last_reply(servers, "sitra", "میتونم با کارت هدیه یا کیف پول پرداخت کنم؟")
    assert "کارت هدیه" in gift and "همکاران پشتیبانی" in gift
    snapp = last_reply(servers, "sitra", "можно у вас купить в рассрочку?", "а какие именно сервисы? snapp pay есть?")
    assert "SnappPay" in snapp and "оператор поддержки" in snapp  # Sitra's page names no provider
    exact = last_reply(servers, "tisa", "سبد خریدم ۱،۸۰۰،۰۰۰ تومنه، تهرانم، ارسالش مجانیه؟", "حالا دقیقا چقدر میشه تا سعادت آباد؟")
    assert "همکاران پشتیبانی" in exact  # who pays is no amount
    kerman = last_reply(servers, "tisa", "هزینه ارسال تا کرمان چقدره؟ سفارشم ۹۰۰ تومنه")
    assert "مسافت" in kerman and "همکاران پشتیبانی" in kerman  # by distance at checkout: no figure on the page


def test_a_branch_of_the_city_named_express_alone_and_a_contact_said_first(servers) -> None:
    batumi = last_reply(servers, "citadel", "تو باتومی میشه خودم بیام تحویل بگیرم؟ آدرستون کجاست؟")
    assert "آباشیدزه" in batumi and "گوگوناوا" not in batumi  # Batumi's branch, not every branch
    express = last_reply(servers, "tisa", "شیرازم، اگه فوری بفرستین کی میرسه دستم؟")
    assert "ارسال فوری" in express and "پست به شهرستان" not in express  # the express lane asked of
    mail = last_reply(servers, "tisa", "на какую почту писать и что указать в письме?")
    assert "Служба поддержки Тиса" in mail and "support@tisaperfume.com" in mail
    snapp = last_reply(servers, "tisa", "با اسنپ پی قسطی خریدم سفارشم لغو شد. قسط اولی که دادم کی برمیگرده؟",
                       "اگه ۱۰ روز کاری گذشت و پول نیومد به کی زنگ بزنم؟")
    assert "۹۶۸۶۲۰۲۱" in snapp and "۰۲۱۵۵۶۹۰۶۸۸" not in snapp  # SnappPay's line, not the store's beside it
    refund = last_reply(servers, "chistatek", "پولم بعد از مرجوعی چند روزه برمیگرده؟")
    assert "همکاران پشتیبانی" in refund  # the page gives no time for it


def test_cash_on_delivery_where_the_page_names_none_interest_and_a_courier_service_for_a_return(servers) -> None:
    cash = last_reply(servers, "offykala", "پرداخت در محل چی، دارین؟")
    assert "پول نقد" in cash and "همکاران پشتیبانی" in cash  # not among the ways of paying its page names
    interest = last_reply(servers, "tisa", "با اسنپ پی میشه قسطی خرید؟", "سودم روش میکشن؟")
    assert "بدون بهره" in interest
    tipax = last_reply(servers, "tisa", "عطری که خریدم پلمپه، میخوام پسش بدم. با تیپاکس بفرستم اوکیه؟ زودتر میرسه")
    assert "پست عادی سفارشی" in tipax


def test_a_shop_address_where_none_is_given_an_instalment_asked_by_its_sum_and_an_hour_in_words(servers) -> None:
    shop = last_reply(servers, "tisa", "ادرس مغازتون کجاس؟ میخام حضوری بیام بخرم اینترنتی بلد نیستم")
    assert "نشانی‌ای ذکر نشده" in shop and "۰۲۱۵۵۶۹۰۶۸۸" in shop  # no address on the page: the contact, not how to order
    first = last_reply(servers, "tisa", "купил на 3 миллиона туманов через SnappPay, заказ отменили. когда вернут деньги?",
                       "а сколько это был первый платеж с 3 млн?")
    assert "750\u202f000" in first  # the plan computes it, whatever the classifier read
    restated = last_reply(servers, "tisa", "میخوام یه عطر ۸۰۰ تومنی (۸۰۰ هزار) با اسنپ پی قسطی بخرم، هر قسطش چقدر میشه؟")
    assert "۲۰۰٬۰۰۰" in restated and "۴۰۰٬۰۰۰" not in restated  # one price said twice, not two items
    spelled = last_reply(servers, "tisa", "یه رژ لب ۴۵ هزار تومنی میخوام قسطی بخرم، میشه؟",
                         "اگه یه ریمل دوازده هزار تومنی هم بذارم میشه پنجاه و هفت تومن، اونوقت چی؟")
    assert "۵۷٬۰۰۰" in spelled and "۷٬۰۰۰٬۰۰۰" not in spelled  # "پنجاه و هفت": one number
    hour = last_reply(servers, "citadel", "Если закажу телефон сегодня около часа дня с самовывозом, когда смогу забрать?")
    assert "13:00" in hour


def test_a_fee_with_what_is_paid_in_all_a_contact_asked_briefly_and_a_seal_opened_after_delivery(servers) -> None:
    fee = last_reply(servers, "citadel", "сколько стоит доставка если заказ на 130 лари? от вас до меня где-то 8 км по Тбилиси")
    assert "12 лари" in fee and "Всего с товаром: 142 лари" in fee
    phone = last_reply(servers, "citadel", "а номер телефона у вас какой?")
    assert "0322350035" in phone and "личный номер" not in phone  # the store's line, not the checkout's field
    opened = last_reply(servers, "offykala", "если я передумал, а клавиатура ещё не доехала, её можно вернуть?",
                        "а если уже получу и распакую?")
    assert "нельзя" in opened and "нет информации" not in opened
    card = last_reply(servers, "sitra", "через сколько вернут деньги после того как возврат подтвердят?",
                      "а можно на карту а не на шебу? шебы в профиле нет")
    assert "Sheba" in card and "оператор поддержки" in card  # the page says no more: a person


def test_what_express_costs_ordering_at_the_weekend_and_free_shipping_lost_by_a_return(servers) -> None:
    express = last_reply(servers, "tisa", "چند روزه میرسه اصفهان؟", "فوری هم دارید؟ فوریش چقدر گرونتره؟")
    assert "مبلغ این را نگفته‌اند" in express and "همکاران پشتیبانی" in express  # no page prices express
    weekend = last_reply(servers, "citadel", "доставка в Тбилиси сколько дней?", "اگه آخر هفته سفارش بدم چی؟")
    assert "روز کاری بعد" in weekend and "(شنبه)" in weekend  # Georgia's weekend: Saturday, processed on Monday
    lost = last_reply(servers, "tisa", "از حراج یه کرم خریدم، پلمپشو باز نکردم، پشیمون شدم. هزینه برگشتش با کیه؟",
                      "خریدم ۲ میلیون و ۳۰۰ بود و ارسالش رایگان اومد. حالا که برمیگردونم چی میشه؟")
    assert "کسر" in lost and "مابقی" in lost
    money = last_reply(servers, "sitra", "میخوام سفارشمو لغو کنم، پولش چند روزه برمیگرده؟", "SR-5001", "۰۹۱۲۱۱۱۱۱۰۱")
    assert "قابل لغو" in money and "۷۲ ساعت کاری" in money  # the money asked with the wish, answered with the decision


def test_a_test_period_still_running_opening_hours_and_the_same_total_in_another_city(servers) -> None:
    running = last_reply(servers, "offykala", "хочу вернуть неисправный ксерокс, отправлю через Tipax или Chapar, так можно?",
                         "получил его 5 дней назад, тестовый срок еще идет?")
    assert "7 дней" in running and "нет информации" not in running
    hours = last_reply(servers, "citadel", "и до скольки вы работаете?")
    assert "часы работы" in hours and "оператор поддержки" in hours  # no page gives them
    moved = last_reply(servers, "citadel", "заказ на 700 лари, до Гори 85 км", "а если бы я жил в Рустави, с тем же заказом на 700?")
    assert "бесплатная" in moved
    minimum = last_reply(servers, "tisa", "اسنپ پی دارید؟", "حداقل خریدش چقدره؟")
    assert "۵۰ هزار" in minimum and "۲ میلیون" not in minimum  # the plan's minimum, not free shipping's beside it


def test_the_support_phone_asked_gets_the_stores_contact_not_the_queue(servers) -> None:
    contact, offer = texts(servers.say(new_sender(), "شماره تماس پشتیبانی چنده؟", store="tisa"))  # was queued
    assert "۰۲۱۵۵۶۹۰۶۸۸" in contact and "صف" not in contact and "همکاران پشتیبانی" in offer  # a person offered
    said = " ".join(texts(servers.say(new_sender(), "номер телефона поддержки какой?", store="citadel")))
    assert "0322350035" in said and "очеред" not in said
    said = texts(servers.say(new_sender(), "شماره تماس پشتیبانی چنده؟", store="sitra"))  # no contact on its page:
    assert "صف پشتیبانی" in said[0] and "شماره یا ایمیلی" in said[0]  # the queue, which says so


def test_a_span_named_again_gets_its_rule_again_whatever_topic_it_reads_as(servers) -> None:
    sender = new_sender()
    servers.say(sender, "اگه کالا مشکل داشت تا کی باید خبر بدم؟", store="sitra")
    [reply] = texts(servers.say(sender, "اون ۲۴ ساعتی که گفتی از وقتی بسته رو تحویل میگیرم حساب میشه یا از وقتی شما "
                                        "ارسالش میکنید؟", store="sitra"))  # read as a shipping price: "not covered"
    assert "۲۴ ساعت پس از دریافت" in reply
    sender = new_sender()
    servers.say(sender, "Если товар оказался бракованным, сколько у меня времени?", store="sitra")
    [reply] = texts(servers.say(sender, "эти 24 часа считаются с момента получения или отправки?", store="sitra"))
    assert "24 часов после получения" in reply


def test_a_distance_after_a_price_and_its_days_is_priced(servers) -> None:
    sender = new_sender()
    servers.say(sender, "سلام، یه ماشین لباسشویی ۶۰۰ لاری میخوام. ارسال به تفلیس رایگانه؟ چند روزه میرسه؟", store="citadel")
    [reply] = texts(servers.say(sender, "اگه دقیقا ۵۰۰ لاری بود و ۸ کیلومتر فاصله داشتم چی؟", store="citadel"))
    assert "۱۲ لاری" in reply  # 500 is not over 500: 8 km at 1.50 (was the per-km rule alone, from the days' action)
    sender = new_sender()
    servers.say(sender, "телевизор за 300 лари, живу в Тбилиси в 10 км от вас. сколько доставка? и если закажу в "
                        "субботу, когда обработают?", store="citadel")
    [reply] = texts(servers.say(sender, "а если добавлю ещё чайник за 250, всего 550 выйдет?", store="citadel"))
    assert "550" in reply and "бесплатн" in reply  # the price again for the total (was the weekend rule)


def test_a_count_said_after_the_thing_counted_is_read(servers) -> None:
    sender = new_sender()
    servers.say(sender, "یخچال رو با ارسال ویژه کالای سنگین میخوام. خونه‌م ۸ تا پله میخوره، طبقه چندم حساب میشه؟",
                store="chistatek")
    [reply] = texts(servers.say(sender, "اگه پله‌هام دقیقا ۶ تا بود چی؟", store="chistatek"))
    assert "طبقه اول" in reply  # was "no delivery days on the page"


def test_a_fault_told_with_its_days_asked_gets_the_rule_not_the_order_asked(servers) -> None:
    said = texts(servers.say(new_sender(), "روتر رو جمعه آوردن، چهارشنبه خراب شد. هنوز ۷ روز تستش برقراره؟",
                             store="offykala"))  # read as a delivery slot: the order was asked
    assert "۷ روز" in said[0] and not any("شماره سفارش" in text for text in said)
    said = texts(servers.say(new_sender(), "роутер привезли в пятницу а в среду он сломался. 7 дней на тест еще "
                                           "действуют?", store="offykala"))
    assert "7 дней" in " ".join(said) and "серийн" not in " ".join(said)  # not the exceptions' "no"


def test_weeks_ago_count_their_weeks(servers) -> None:
    said = texts(servers.say(new_sender(), "لپ تاپ ایسوس رو دو هفته پیش تحویل گرفتم، الان یکی از دکمه های کیبوردش کار "
                                           "نمیکنه. ضمانت هفت روزه شامل حالم میشه؟", store="chistatek"))
    assert any("گذشته" in text for text in said) and not any("هنوز" in text for text in said)


def test_amounts_said_as_people_say_them_price_the_instalments(servers) -> None:
    sender = new_sender()
    servers.say(sender, "یه عطر یک میلیون و دویست هزار تومنی میخوام، با اسنپ پی قسطی بخرم قسطاش چقدر میشه؟", store="tisa")
    said = " ".join(texts(servers.say(sender, "ببخشید اشتباه گفتم، قیمتش یک و ششصده نه یک و دویست", store="tisa")))
    assert "۴۰۰٬۰۰۰" in said and "۳۰۰٬۰۰۰" not in said  # 1.6 million, not the 1.2 denied
    sender = new_sender()
    servers.say(sender, "хочу купить духи за полтора миллиона туманов в рассрочку через снапп пэй, сколько будет "
                        "каждый платеж?", store="tisa")
    said = " ".join(texts(servers.say(sender, "ой нет, они стоят миллион восемьсот", store="tisa")))
    assert "450\u202f000" in said  # a million without its "one" (was 800,000)


def test_a_return_over_free_shipping_gets_what_it_costs_and_a_span_passed_a_person(servers) -> None:
    said = texts(servers.say(new_sender(), "اگه برای ارسال رایگان بالای ۲ میلیون خرید کنم و یکیشو پس بدم چی میشه؟",
                             store="tisa"))
    assert "کسر" in said[0] and "پست پیشتاز" not in said[0]  # was free shipping's own rule, by its amount's words
    sender = new_sender()
    servers.say(sender, "оплата не прошла а деньги с карты списали, когда вернут?", store="sitra")
    said = texts(servers.say(sender, "а если за эти 72 часа так и не вернулись?", store="sitra"))
    assert "нет информации" in said[-1] and "оператор поддержки" in said[-1]  # was the rule again alone


def test_a_how_long_the_page_gives_no_time_for_says_so_with_what_it_says(servers) -> None:
    said = texts(servers.say(new_sender(), "а сколько длится гарантия на чайник philips?", store="citadel"))
    assert "не указан" in said[0] and any("гарантийн" in text and "0322350035" in text for text in said[1:])
    assert "оператор поддержки" in said[-1]  # was "nothing on this in the rules" alone


def test_money_back_with_the_shipping_for_an_item_unlike_the_site_gets_the_match_guarantee(servers) -> None:
    [reply] = texts(servers.say(new_sender(), "عطری که به دستم رسیده با عکس و مشخصاتی که تو سایت بود فرق داره. پولشو "
                                              "با هزینه ارسال پس میدین؟", store="tisa"))  # read as a shipping price
    assert "همه هزینه‌ها" in reply and "بازپس" in reply


def test_a_new_place_after_both_a_price_and_its_days_gets_both_again(servers) -> None:
    sender = new_sender()
    servers.say(sender, "заказала пылесос за 650 лари в субботу, доставка в Батуми. когда привезут и сколько стоит "
                        "доставка?", store="citadel")
    said = " ".join(texts(servers.say(sender, "а если бы в Гори, это где-то 80 км?", store="citadel")))
    assert "160 лари" in said and "3–4 дня" in said  # was the price alone


def test_express_asked_alone_after_the_days_gets_express_alone(servers) -> None:
    sender = new_sender()
    servers.say(sender, "сколько идет доставка в исфахан?", store="tisa")
    said = " ".join(texts(servers.say(sender, "а в исфахан срочная за сколько?", store="tisa")))
    assert "24–48" in said and "3–5" not in said  # was the post's days again beside it


def test_a_fault_is_not_answered_by_a_rule_of_another_matter_its_words_came_near(servers) -> None:
    said = " ".join(texts(servers.say(new_sender(), "Здравствуйте, купил у вас фен, пользовался неделю и он перестал "
                                                    "включаться. Коробку конечно вскрыл. Можно вернуть или поменять?",
                                      store="citadel")))
    assert "гарантийн" in said and "скорректирован" not in said  # was the order corrected by phone, by "поменять"


def test_russian_typed_in_latin_letters_is_read_and_answered_in_russian(servers) -> None:
    said = " ".join(texts(servers.say(new_sender(), "zdravstvuyte, zakaz TS-1046 prishel ne tot aromat, ya zakazyval "
                                                    "drugoi", store="tisa")))
    assert detect_language(said) == "ru" and "телефон" in said  # was asked in Persian, as Persian


def test_persian_typed_in_latin_letters_is_read_as_persian(servers) -> None:
    sender = new_sender()
    said = " ".join(texts(servers.say(sender, "salam mikham sefareshamo cancel konam", store="sitra")))
    assert "شماره سفارش" in said  # was "thanks, what should I do with this?"
    said = " ".join(texts(servers.say(new_sender(), "che tori khodam peygiri konam?", store="tisa")))
    assert said and "بخشی از سیستم" not in said  # was no reply at all


def test_a_total_the_customer_did_not_add_up_is_weighed_against_the_rules_bound(servers) -> None:
    sender = new_sender()
    said = " ".join(texts(servers.say(sender, "یه گوشی ۹ میلیون و ۸۰۰ میخوام با یه قاب ۳۰۰ هزار تومنی. موقع تحویل "
                                              "احراز هویت لازمه؟", store="chistatek")))
    assert digits("10,100,000", "fa").replace(",", "٬") in said
    said = " ".join(texts(servers.say(sender, "اگه قابو نخرم چی؟ فقط همون ۹ میلیون و ۸۰۰", store="chistatek")))
    assert "کمتر" in said  # was "the page does not say"


def test_a_later_question_counts_from_the_day_its_message_named(servers) -> None:
    said = " ".join(texts(servers.say(new_sender(), "سلام یه جاروبرقی ۸۰ لاری میخوام، کوتائیسی هستم. شنبه سفارش میدم. "
                                                    "هزینه ارسال چقدره و کی میرسه؟", store="citadel")))
    assert "۶ لاری" in said and "دوشنبه" in said  # the days were counted from now, not from Saturday


def test_a_bound_compared_with_is_no_total_said(servers) -> None:
    sender = new_sender()
    servers.say(sender, "Хочу заказать холодильник за 450 лари, доставка по Тбилиси. Сколько будет стоить доставка?",
                store="citadel")
    servers.say(sender, "от вас до меня около 12 км", store="citadel")
    said = " ".join(texts(servers.say(sender, "а если добавлю ещё чайник за 70 лари, будет уже больше 500?",
                                      store="citadel")))
    assert "520" in said and "бесплатн" in said  # was an order of 500 lari, paid by the km


def test_a_greeting_with_an_order_asks_about_the_order(servers) -> None:
    said = " ".join(texts(servers.say(new_sender(), "سلام. وضعیت 58120؟", store="offykala")))
    assert "شماره موبایل" in said  # was the greeting alone, the order left unasked


def test_whether_a_place_counts_as_out_of_town_gets_its_price_and_days(servers) -> None:
    sender = new_sender()
    servers.say(sender, "заказ на 800 лари, доставка в гори, это 70 км. сколько стоит и сколько дней?", store="citadel")
    said = " ".join(texts(servers.say(sender, "а в Мцхету? это тоже за город?", store="citadel")))
    assert "бесплатн" in said and "2–3" in said and "140" not in said  # was read as out of town, its days alone


def test_a_way_of_delivering_named_beside_a_free_total_gets_its_own_rule(servers) -> None:
    said = " ".join(texts(servers.say(new_sender(), "سلام من تهرانم، سبدم ۲ میلیون و ۳۰۰ تومنه. میخوام با پیک بیاد. "
                                                    "هزینه پیک با شماست دیگه چون بالای ۲ میلیونه؟", store="tisa")))
    assert "رایگان" in said and "به عهده خریدار" in said  # was "free" alone, as if the courier were


def test_who_pays_the_post_of_a_faulty_item_sent_back_is_the_returns_rule_not_a_price(servers) -> None:
    said = " ".join(texts(servers.say(new_sender(), "یه هارد اکسترنال ۳ میلیونی خریدم، ۴ روز پیش رسید، فکر کنم خرابه. "
                                                    "با پست پیشتاز میفرستمش. اگه کارشناساتون گفتن سالمه هزینه ارسال با "
                                                    "کیه؟", store="offykala")))
    assert "بر عهده مشتری" in said  # was "the page does not say", read as a delivery price for 3 million


def test_a_perfume_supposed_opened_and_disliked_is_refused_at_once(servers) -> None:
    sender = new_sender()
    servers.say(sender, "اگه عطر شکسته یا نشتی برسه دستم چیکار باید بکنم؟", store="tisa")
    said = " ".join(texts(servers.say(sender, "اگه سالم باشه ولی بازش کنم و بوش رو دوست نداشته باشم چی؟ پس میگیرین؟",
                                      store="tisa")))
    assert "امکان مرجوعی وجود ندارد" in said  # was "the page does not say", then the broken perfume's rule again


def test_a_short_follow_up_in_the_words_of_the_rule_just_said_is_about_that_rule(servers) -> None:
    sender = new_sender()
    servers.say(sender, "если куплю духи на распродаже и передумаю, упаковка запечатана, кто платит за обратную "
                        "доставку?", store="tisa")
    said = " ".join(texts(servers.say(sender, "а в обычные дни?", store="tisa")))
    assert "за счёт Тиса" in said and "рабочих дн" not in said  # was the post's delivery days, read by "дни"


def test_an_item_added_for_a_price_or_a_total_it_makes_is_priced_with_the_order(servers) -> None:
    sender = new_sender()
    servers.say(sender, "телевизор за 350 лари, доставка по тбилиси, до меня км 8. сколько выйдет доставка?", store="citadel")
    said = " ".join(texts(servers.say(sender, "а если еще саундбар за 200 добавлю?", store="citadel")))
    assert "550" in said and "бесплатн" in said  # was read as a change of order: the 1.50 lari a km again
    sender = new_sender()
    servers.say(sender, "живу в тбилиси, заказ на 60 лари, сколько доставка", store="citadel")
    said = " ".join(texts(servers.say(sender, "а если еще чайник возьму и будет 250? от вас до меня км 8", store="citadel")))
    assert "12 лари" in said  # was the 60 lari's 6 lari again
    sender = new_sender()
    servers.say(sender, "сколько стоит доставка по Тбилиси, если заказ на 80 лари?", store="citadel")
    said = " ".join(texts(servers.say(sender, "а если доберу до 300 лари? я живу в 10 км от вас", store="citadel")))
    assert "15 лари" in said  # was the table of bands, "до 300" read as a bound


def test_a_price_stub_before_its_full_question_is_one_question(servers) -> None:
    sender = new_sender()
    servers.say(sender, "доставка в деревню под Телави сколько дней занимает", store="citadel")
    said = texts(servers.say(sender, "а по цене? заказ на 700 лари, туда тоже бесплатно?", store="citadel"))
    assert len(said) == 1 and "2 лари за км" in said[0]  # was the per-km rule twice, one for "а по цене?" alone


def test_a_question_after_a_greeting_and_an_excuse_me_is_answered(servers) -> None:
    said = " ".join(texts(servers.say(new_sender(), "سلام ببخشید اگه جنس خراب یا اشتباهی برسه دستم تا چن ساعت وقت "
                                                    "دارم به شما خبر بدم؟", store="sitra")))
    assert "۲۴ ساعت" in said  # was the greeting alone


def test_a_day_off_no_rule_speaks_of_is_not_answered_with_a_yes(servers) -> None:
    said = " ".join(texts(servers.say(new_sender(), "جمعه ها هم تحویل میدین؟", store="sitra")))
    assert "بله" not in said and "پشتیبان" in said  # was "yes", with the delivery window one chooses


def test_hours_gone_by_after_a_damage_rule_count_from_the_arrival(servers) -> None:
    sender = new_sender()
    servers.say(sender, "گوشیم امروز رسید یه خط افتاده روی بدنش، تا کی باید بهتون بگم؟", store="chistatek")
    said = " ".join(texts(servers.say(sender, "الان ۵ ساعت گذشته، دیگه فایده نداره؟", store="chistatek")))
    assert "گذشته است" in said and "مسئولیتی" in said  # was "thanks, what shall I do with this?"


def test_a_fault_of_ones_own_making_supposed_after_a_refusal_is_refused_by_its_rule(servers) -> None:
    sender = new_sender()
    servers.say(sender, "پرینترو تحویل گرفتم پلمپشم باز نکردم ولی دیگه نمیخوامش پس میگیرین؟", store="offykala")
    said = " ".join(texts(servers.say(sender, "اگه خودم نصبشو اشتباه انجام بدم و خراب شه چی؟", store="offykala")))
    assert "خودداری" in said  # was the test period's rule, as for any fault


def test_the_store_cancelling_a_cash_on_delivery_order_gets_its_right_without_an_order_asked(servers) -> None:
    said = servers.say(new_sender(), "دیروز یه هدفون سفارش دادم با پرداخت در محل، امروز پیامک اومده سفارش لغو شده!! "
                                     "مگه میتونین همینجوری کنسل کنین؟", store="chistatek")
    assert "۲۴ ساعت" in " ".join(texts(said)) and "شماره سفارش" not in " ".join(texts(said))


def test_a_bare_number_after_the_distance_was_asked_is_the_distance(servers) -> None:
    sender = new_sender()
    servers.say(sender, "заказ 900 лари, живу в деревне под Гори. доставка бесплатная?", store="citadel")
    said = " ".join(texts(servers.say(sender, "35", store="citadel")))
    assert "70 лари" in said  # was read as a 35-lari total, the distance asked again


def test_an_order_named_where_the_topic_read_has_no_rule_is_looked_up(servers) -> None:
    said = " ".join(texts(servers.say(new_sender(), "где мой заказ ct2002? деньги уже списали", store="citadel")))
    assert "номер телефона" in said  # was "the page says nothing", read as a failed payment
    said = " ".join(texts(servers.say(new_sender(), "سلام سفارش ۵۸۱۲۲ چرا هنوز نرسیده؟", store="offykala")))
    assert "شماره موبایل" in said  # was the rule for a change of mind before delivery
    said = " ".join(texts(servers.say(new_sender(), "мне привезли не тот товар!! заказывал чайник филипс а пришел "
                                                    "какой-то другой", store="citadel")))
    assert "номер заказа" in said  # was "the page says nothing"


def test_a_place_asked_of_a_free_price_after_a_price_is_priced_there(servers) -> None:
    sender = new_sender()
    servers.say(sender, "заказ на 350 лари, до дома 8 км по Тбилиси. сколько будет доставка?", store="citadel")
    said = " ".join(texts(servers.say(sender, "а если доберу товаров до 520 лари?", store="citadel")))
    assert "520" in said and "бесплатн" in said  # was the table of bands
    said = " ".join(texts(servers.say(sender, "а в Гори при заказе на 520 тоже бесплатно?", store="citadel")))
    assert "не бесплатная" in said and "2 лари за км" in said  # was "free over 500", read as a change of order


def test_prices_grouped_by_commas_are_added_up(servers) -> None:
    said = " ".join(texts(servers.say(new_sender(), "سلام دو تا عطر برداشتم یکی ۱,۱۵۰,۰۰۰ یکی ۹۸۰ هزار تومن. تهرانم، "
                                                    "ارسالش رایگان میشه؟", store="tisa")))
    assert "۲٬۱۳۰٬۰۰۰" in said and "رایگان است" in said  # was 980,000 alone, "not free"


def test_from_when_a_span_counts_gets_the_rule_that_gave_it(servers) -> None:
    sender = new_sender()
    servers.say(sender, "هدیه هایی که با سفارش میاد هم مهلت تست ۷ روزه داره؟", store="offykala")
    said = " ".join(texts(servers.say(sender, "این ۷ روز از روز خرید حساب میشه؟", store="offykala")))
    assert "پس از تحویل" in said  # was "the page says nothing"
    sender = new_sender()
    servers.say(sender, "اگه مرجوعیم تایید بشه پولم کجا میاد؟", store="sitra")
    said = " ".join(texts(servers.say(sender, "از وقتی که کالا رو تحویل مامورتون میدم حساب میشه یا از وقتی تایید شد؟",
                                      store="sitra")))
    assert "تأیید مرجوعی" in said and "۷۲ ساعت" in said


def test_a_wrong_item_told_gets_the_rule_and_its_order_asked(servers) -> None:
    said = " ".join(texts(servers.say(new_sender(), "سلام به جای سشوار برام اتو مو فرستادین", store="sitra")))
    assert "۲۴ ساعت" in said and "شماره سفارش" in said  # was "the page says nothing"


def test_what_to_do_goes_on_with_the_case_told_before(servers) -> None:
    sender = new_sender()
    servers.say(sender, "меня не будет дома когда привезут брат будет", store="citadel")
    said = " ".join(texts(servers.say(sender, "и что надо сделать", store="citadel")))
    assert "коммент" in said and "корзину" not in said  # was how to order


def test_the_money_asked_onto_another_card_gets_the_rule_without_an_order(servers) -> None:
    said = " ".join(texts(servers.say(new_sender(), "پولشم به کارت خانمم برگردونید، کارت خودم الان دستم نیست",
                                      store="chistatek")))
    assert "همان حسابی" in said and "شماره سفارش" not in said


def test_who_pays_for_a_sale_day_return_beside_its_order_is_that_orders_answer(servers) -> None:
    sender = new_sender()
    first = " ".join(texts(servers.say(sender, "سلام لانکومی که تو حراج خریدم هنوز پلمپه ولی دیگه نمیخوامش", store="tisa")))
    assert "شماره سفارش" in first  # a change of mind of one's own purchase told: its order asked
    said = " ".join(texts(servers.say(sender, "TS1043 - 09352222203 هزینه پستش با کیه", store="tisa")))
    assert "به عهده شماست" in said and "حراج" in said  # was the page's rule for every order ("با تیسا است" first)


def test_whether_a_weekend_order_going_unanswered_is_normal_gets_the_rule(servers) -> None:
    said = " ".join(texts(servers.say(new_sender(), "оформил заказ в субботу до сих пор никто не позвонил это нормально?",
                                      store="citadel")))
    assert "следующий рабочий день" in said and "номер заказа" not in said  # was the order asked for


def test_sending_abroad_is_said_not_covered_with_a_person(servers) -> None:
    said = last_reply(servers, "sitra", "برای خواهرم که آلمانه هم میفرستید؟")
    assert "«ارسال به خارج از کشور» چیزی ذکر نشده" in said and "همکاران پشتیبانی" in said  # was the invoice rule
    said = last_reply(servers, "citadel", "به ایران هم ارسال دارین؟")
    assert "خارج از کشور" in said and "روز کاری" not in said  # Iran is abroad for Citadel: was its delivery days
    assert "خارج از کشور" not in last_reply(servers, "sitra", "به همه جای ایران ارسال دارین؟")  # its own country


def test_a_rule_asked_beside_an_order_number_alone_asks_no_phone(servers) -> None:
    said = last_reply(servers, "sitra", "سلام سفارش SR5003 دستم رسید ولی فاکتور توش ندیدم. فاکتور جدا میاد؟")
    assert "فاکتور خرید به همراه سفارش" in said and "موبایل" not in said  # was the phone asked after the rule


def test_a_fault_or_a_change_of_mind_told_first_gets_the_rule_and_its_order_asked(servers) -> None:
    said = last_reply(servers, "offykala", "پرینترم روشن نمیشه")
    assert "۷ روز" in said and "شماره سفارش" in said  # was the rule and an offer to check
    said = last_reply(servers, "tisa", "لانکوم رو نمیخوام دیگه")
    assert "پلمپ" in said and "شماره سفارش" in said  # was "OK, what can I help with?" (read as a "no")


def test_a_provider_of_instalments_the_page_does_not_name_is_said_so_before_its_plan(servers) -> None:
    said = last_reply(servers, "tisa", "با دیجی پی یا ازکی وام هم میشه قسطی خرید؟")
    assert "«دیجی‌پی»، «ازکی وام» در میان روش‌های پرداختی" in said and "۵۰ هزار" in said


def test_how_long_a_rule_just_said_lasts_is_said_not_given(servers) -> None:
    said = last_reply(servers, "sitra", "گارانتی هدفونی که گرفتم رو چجوری فعال کنم؟", "مدت گارانتیش چقدره؟")
    assert "مدت یا مهلتی برای این ذکر نشده" in said and "سریال" not in said  # was the rule said again


def test_a_fact_read_as_a_yes_after_the_offer_of_a_person_is_not_a_handoff(servers) -> None:
    said = last_reply(servers, "chistatek", "ارسال سنگین طبقه چطور حساب میشه", "ده تا پله داریم")
    assert "آنلاین نیستند" not in said and "صف پشتیبانی" not in said  # was handed to a person


def test_a_delivery_window_names_its_weekdays(servers) -> None:
    said = last_reply(servers, "citadel", "если закажу в среду, когда привезут в Тбилиси?")
    assert "(среда)" in said and ("(пятница)" in said or "(понедельник)" in said)


def test_the_warranty_office_address_the_page_does_not_give_is_said_not_given(servers) -> None:
    said = last_reply(servers, "offykala", "آدرس دفتر گارانتیتون کجاست دقیقا؟")
    assert "نشانی‌ای ذکر نشده" in said and "پیشتاز" in said and "info@offykala.ir" in said


def test_the_other_cities_after_one_that_has_no_express_get_every_lane(servers) -> None:
    said = last_reply(servers, "tisa", "سلام. ارسال فوري به كرمان دارين؟", "واسه شهرای ديگه فوري چقدر طول ميكشه؟")
    assert "۲۴ تا ۴۸ ساعت" in said and "به کرمان امکان‌پذیر نیست" not in said  # was Kerman's answer again


def test_a_fact_read_as_a_farewell_after_a_rule_gets_a_person_not_a_goodbye(servers) -> None:
    said = last_reply(servers, "sitra", "لغو کردم پولم کی میاد", "شبا ندارم")
    assert "خدانگهدار" not in said and "همکاران پشتیبانی" in said


def test_noon_said_as_a_word_is_the_pickup_hour(servers) -> None:
    said = last_reply(servers, "citadel", "заказал ноутбук HP в 10:30 с самовывозом, я в Кутаиси. Когда и где забрать?",
                      "а если бы заказал в полдень?")
    assert "на следующий день" in said and "10:00" in said


def test_a_change_of_mind_told_with_its_money_wanted_back_is_a_return(servers) -> None:
    said = last_reply(servers, "tisa", "عطرو باز کردم بوش اصلا خوب نیست!! همین الان پولمو میخوام")
    assert "امکان مرجوعی وجود ندارد" in said and "پلمپ" in said  # was the perfume's origin


def test_the_card_money_goes_back_to_is_answered_beside_the_story_of_a_cancel(servers) -> None:
    said = last_reply(servers, "chistatek", "سفارشمو کنسل کردین چون موجودی تموم شده بود، پولم هنوز نیومده. "
                                            "میشه بریزین به کارت خواهرم؟ فوری لازمش دارم")
    assert "همان حسابی" in said and "موجودی" not in said  # was the out-of-stock rule the story met


def test_who_pays_to_send_a_fault_back_is_the_experts_rule_not_a_cancels(servers) -> None:
    said = last_reply(servers, "offykala", "اسکنرم ایراد فنی داشت براتون فرستادم، حالا میگید هزینه ارسالو خودم بدم؟! "
                                           "کی باید بده اخه")
    assert "به تأیید کارشناسان" in said and "به عهده آفیکالا" in said  # was "not covered"


def test_an_orders_code_typed_in_cyrillic_keeps_the_conversations_language(servers) -> None:
    said = last_reply(servers, "chistatek", "سلام سفارشم کجاست", "СК-3004")
    assert "شماره موبایل" in said and "телефон" not in said  # was asked in Russian
    said = last_reply(servers, "citadel", "мне звонили по поводу заказа, вот номер сt-2002")
    assert "номер телефона" in said  # a small Cyrillic с beside a Latin t: CT-2002 (was not read as an order)


def test_a_person_asked_with_a_question_gets_the_queue_and_the_answer(servers) -> None:
    said = last_reply(servers, "citadel", "дайте живого оператора, бот бесполезен. мне про гарантию на телевизор "
                                          "самсунг надо узнать")
    assert "очередь" in said and "гарантийный талон" in said  # was the queue alone


def test_an_order_voided_for_its_price_gets_the_refund_rule_without_an_order_asked(servers) -> None:
    said = last_reply(servers, "chistatek", "یه هارد رو سایت خیلی ارزون زده بود سفارش دادم، الان پیام دادن سفارش "
                                            "باطل شده! پولم چی میشه؟")
    assert "۷۲ ساعت کاری" in said and "شماره سفارش" not in said  # was the order asked


def test_whom_to_call_after_a_span_is_the_number_the_rule_gives(servers) -> None:
    said = last_reply(servers, "tisa", "با اسنپ پی قسطی خریده بودمش، اگه لغو بشه پولم چی میشه؟",
                      "اگه تا ۱۰ روز کاری پولم برنگشت به کی زنگ بزنم؟")
    assert "۰۲۱-۹۶۸۶۲۰۲۱" in said and "ذکر نشده" not in said  # was "not covered"
    said = last_reply(servers, "sitra", "لغو کردم پولم کی میاد", "اگه بعد ۷۲ ساعت برنگشت باید به کی بگم؟")
    assert "همکاران پشتیبانی" in said  # the page gives no number: a person


def test_a_day_off_asked_of_a_span_in_working_hours_is_not_counted(servers) -> None:
    said = last_reply(servers, "sitra", "سلام دیروز سفارشمو لغو کردم پولم کی برمیگرده؟",
                      "جمعه هم جزو این ساعتا حساب میشه؟ اخه فردا جمعه ست")
    assert "«ساعت کاری»" in said and "ذکر نشده" not in said  # was "not covered"


def test_whom_to_call_read_as_a_greeting_gets_the_contact(servers) -> None:
    said = last_reply(servers, "citadel", "Купил фен, а гарантийного талона в коробке нет. Гарантия на него действует?",
                      "куда позвонить уточнить?")
    assert "0322350035" in said and "Чем могу помочь" not in said  # was the greeting


def test_steps_of_a_return_get_where_it_is_filed(servers) -> None:
    said = last_reply(servers, "sitra", "باشه. مراحل مرجوعی کردنش چیه؟ سریع بگید")
    assert "درخواست مرجوعی" in said and "سبد خرید" not in said  # was how to order, or "not covered"


def test_a_pickup_hour_with_words_between_is_the_pickup_again(servers) -> None:
    said = last_reply(servers, "citadel", "если закажу сегодня в 10 утра с самовывозом, когда можно забрать?",
                      "я в Кутаиси, где забирать?", "а если успею оформить только в 12?")
    assert "на следующий день" in said and "10:00" in said and "рабочих дня" not in said  # was the delivery days


def test_an_order_on_its_way_asked_with_its_city_or_its_processing_gets_its_arrival(servers) -> None:
    said = last_reply(servers, "citadel", "где мой заказ ct2002? заказывал в понедельник, Батуми", "+995 599 125 502")
    assert "в пути" in said and "прибудет" in said  # was its status alone
    said = last_reply(servers, "citadel", "оформил заказ CT-2002 в субботу, когда его обработают? мой номер 599125502")
    assert "прибудет" in said


def test_a_change_wanted_of_an_order_named_where_the_page_has_no_rule_looks_it_up(servers) -> None:
    said = last_reply(servers, "offykala", "سلام سفارش ۵۸۱۲۲ رو ميخوام آدرسش عوض كنم")
    assert "شماره موبایل" in said  # was "not covered" at once


def test_how_long_where_the_page_gives_no_time_gets_what_it_says_with_a_person(servers) -> None:
    said = last_reply(servers, "offykala", "مرجوعیم تایید شد، پولم چند روز دیگه میاد؟ شنبه تایید کردن")
    assert "مدت زمان مشخصی" in said and "شماره کارت" in said and "همکاران پشتیبانی" in said  # was "not covered"
    said = last_reply(servers, "tisa", "ایمیل میزنم، چی بنویسم توش؟")
    assert "فاکتور" in said  # what to write, not the address alone


def test_how_to_send_it_after_a_returns_rule_gets_the_post_and_whom(servers) -> None:
    said = last_reply(servers, "offykala", "заказ 58120, телефон 0912 123 4567. принтер работает но я передумал, "
                                           "коробку уже открыл. можно вернуть?",
                      "а если в течение недели найду неисправность?", "и как его тогда отправлять?")
    assert "Пиштаз" in said  # was "no information"
    said = last_reply(servers, "tisa", "سلام عطر لانکوم خریدم ولی بوش به دلم ننشست، میشه پسش بدم؟",
                      "پلمپش باز نشده هنوز. فقط اینکه تو حراج خریدمش، هزینه برگشتش با کیه؟", "اوکی. چطوری بفرستمش؟ من مشهدم")
    assert "قبض" in said and "۰۲۱۵۵۶۹۰۶۸۸" in said  # the post's receipt, and whom to coordinate with


def test_even_if_after_a_refusal_is_the_refusal_again(servers) -> None:
    said = last_reply(servers, "tisa", "ادکلنو باز کردم بوش به دلم ننشست پس میگیرین؟", "حتی اگه فقط یه بار زده باشم؟")
    assert "پلمپ" in said and "ذکر نشده" not in said  # was "not covered"
    said = last_reply(servers, "offykala", "سفارش ۵۸۱۲۰ پرینتره، پشیمون شدم میخوام پسش بدم", "0912 123 4567",
                      "حتی اگه پلمپش باز نشده باشه؟")
    assert "پاسخ همان است" in said  # the order's decision holds (not the opened seal's rule)


def test_who_pays_is_answered_by_a_rule_of_a_cost_or_said_to_be_silent(servers) -> None:
    said = last_reply(servers, "sitra", "كالام مشکل داشت رسید، باید چيكار كنم؟", "هزینه پس فرستادنش با کیه؟")
    assert "ذکر نشده" in said and "درخواست مرجوعی" not in said  # was where a return is filed
    said = last_reply(servers, "chistatek", "Хочу поменять адрес доставки на другой город, заказ уже оформлен",
                      "и ещё: ноутбук сломался через 5 рабочих дней после получения, кто платит за пересылку обратно")
    assert "за счёт Чистатек" in said and "номер заказа" not in said  # was the order asked


def test_a_day_later_after_a_span_of_hours_gets_what_follows_it(servers) -> None:
    said = last_reply(servers, "chistatek", "فردا لپ تاپم میرسه، اگه جعبش له شده بود چیکار کنم؟",
                      "اگه بعد از باز کردن دیدم یه خط روی بدنشه چی؟", "اگه فرداش صبح دیدم چی")
    assert "مسئولیتی" in said and "صورت‌جلسه" not in said  # was the crushed box's rule again


def test_a_question_while_a_return_is_offered_is_answered_and_the_offer_stands(servers) -> None:
    said = last_reply(servers, "tisa", "سلام سفارش TS-1043 رسیده، لانکومو میخوام پس بدم هنوز پلمپه", "۰۹۳۵۲۲۲۲۲۰۳",
                      "من تهران نیستم، چجوری بفرستم؟")
    assert "قبض پست" in said and "ثبت کنم؟" in said and "ثبت نشد" not in said  # was "not filed"


def test_an_order_asked_how_far_it_got_with_its_invoice_number_is_looked_up(servers) -> None:
    said = last_reply(servers, "tisa", "سلام سفارشم به كجا رسيد؟ شماره فاكتور TS-1041")
    assert "شماره موبایل" in said  # was when an invoice number is given


def test_an_hour_after_lunch_is_the_afternoons(servers) -> None:
    said = last_reply(servers, "citadel", "ميخوام خودم از شعبه باتومي بگيرم. اگه ساعت ۹ صبح سفارش بدم کی آماده‌ست؟",
                      "اگه بعد ناهار سفارش بدم چی؟ مثلا ساعت ۲")
    assert "۱۴:۰۰" in said and "روز بعد" in said  # was 02:00, the same day


def test_a_general_question_beside_a_late_order_told_is_answered_without_the_order(servers) -> None:
    said = last_reply(servers, "tisa", "یه دیور ساواج سفارش دادم هنوز نرسیده. میخواستم بدونم عطرای خارجی که میفرستین"
                                       " حداقل چقد تاریخ انقضا دارن؟")
    assert "۴ ماه" in said and "شماره سفارش" not in said


def test_a_case_the_rule_just_given_speaks_of_gets_that_rule_again(servers) -> None:
    said = last_reply(servers, "tisa", "оплата при получении есть", "а если срочная доставка")
    assert "недоступна" in said and "24–48" not in said  # was express delivery's hours
    said = last_reply(servers, "tisa", "پرداخت در محل دارین؟", "اگه ارسال فوری باشه چی؟")
    assert "ارسال فوری امکان پرداخت در محل وجود ندارد" in said


def test_an_order_placed_before_the_step_it_needed_gets_how_to_change_it(servers) -> None:
    said = last_reply(servers, "citadel", "может жена получить заказ вместо меня?", "а я уже оформил, что теперь")
    assert "телефонного разговора" in said and "номер заказа" not in said  # was the order asked


def test_express_to_a_city_read_as_a_return_gets_express_to_that_city(servers) -> None:
    said = last_reply(servers, "tisa", "باشه. یه عطرم برا خواهرم میخوام بفرستم بندرعباس، فوری میشه؟")
    assert "بندرعباس" in said and "امکان‌پذیر نیست" in said and "شماره سفارش" not in said  # was a return's order asked


def test_a_words_mixed_scripts_are_read_in_its_main_script(servers) -> None:
    said = last_reply(servers, "offykala", "принтер пришел сломанный, хочу вернуть", "как отправить? тipax можно?")
    assert "Пиштаз" in said  # was "no information"


def test_a_fault_told_with_who_pays_to_send_it_back_gets_the_stores_rule(servers) -> None:
    said = last_reply(servers, "chistatek", "купил наушники через 3 дня перестали заряжаться. кто оплатит доставку если "
                                            "я их верну?")
    assert "за счёт Чистатек" in said and "сроки доставки" not in said  # was the delivery days the page does not give


def test_damage_supposed_of_a_parcel_someone_else_signs_for_gets_the_rules(servers) -> None:
    said = last_reply(servers, "offykala", "من خونه نیستم پسرم تحویل میگیره، اگه بدون نگاه کردن امضا کنه و بعد معلوم شه "
                                           "جعبه ضربه خورده بوده چی؟")
    assert "قبول کالا" in said and "شماره سفارش" not in said  # was the order asked


def test_a_wrong_item_told_with_its_prices_gets_the_wrong_items_rule(servers) -> None:
    said = last_reply(servers, "tisa", "من ادو پرفیوم سفارش دادم برام ادو تویلت فرستادین!! عطر ۱ میلیون و ۸۰۰ بود ۹۰ "
                                       "تومنم هزینه ارسال دادم. الان چی میشه؟")
    assert "همه هزینه‌ها" in said and "بیشتر از این مبلغ نیست" not in said  # was free shipping's price
    said = last_reply(servers, "tisa", "а если придут не те духи что я выбирала?")
    assert "нет информации" not in said and "доставк" in said  # was "no information"


def test_instalments_where_the_page_names_none_are_said_not_to_be_among_its_ways(servers) -> None:
    said = last_reply(servers, "chistatek", "а в рассрочку можно оплатить?")
    assert "не упоминается: «рассрочка»" in said  # was the list alone
    said = last_reply(servers, "tisa", "سمپل رایگانم میدین؟")
    assert "«نمونه یا تستر»" in said and "ارسال" not in said  # was free shipping


def test_days_of_the_month_said_as_ordinal_words_are_counted_from_the_day_said_today(servers) -> None:
    said = last_reply(servers, "offykala", "هارد اکسترنالو پنجم ماه تحویل گرفتم امروز دهمه، خراب شده. هنوز تو مهلت "
                                           "تستم؟")
    assert f"هنوز {digits('2', 'fa')} روز وقت دارید" in said  # was seven days, counted from today


def test_a_topic_without_rules_read_unsurely_gets_the_rule_its_words_come_far_nearest(servers) -> None:
    said = last_reply(servers, "chistatek", "یه سفارش دیگه هم آنلاین پرداخت کردم ولی فردا خونه نیستم، چی میشه؟")
    assert digits("24", "fa") in said and "اطلاعاتی" not in said  # was "not covered", read as a failed payment
    said = last_reply(servers, "citadel", "подскажите где посмотреть статус заказа.")
    assert "гарантийн" not in said  # read surely as a status: not the warranty card's rule its words came near


def test_a_correction_with_a_remark_and_a_distance_after_it_prices_both(servers) -> None:
    said = last_reply(servers, "citadel", "пылесос за 80 лари, тбилиси. сколько доставка?",
                      "ой не 80 а 350 лари, перепутал с другим. до меня от вас км 12")
    assert "итого 18 лари" in said and "Какое расстояние" not in said  # was the distance asked again


def test_a_few_words_after_a_price_that_ask_no_time_do_not_get_the_days(servers) -> None:
    said = last_reply(servers, "citadel", "холодильник за 900 лари в батуми, доставка платная? и на 7 этаж поднимут?")
    assert "бесплатная" in said and "рабочих дня" not in said and "нет информации" in said  # was the delivery days


def test_whether_the_store_pays_to_send_it_back_is_said_not_covered_where_no_rule_says(servers) -> None:
    said = last_reply(servers, "sitra", "اگه کالا خراب یا ناقص به دستم برسه تا کی باید خبر بدم؟ هزینه ارسال برگشتش هم با "
                                        "شماست؟")
    assert digits("24", "fa") in said and "اطلاعاتی" in said  # was the 24 hours alone, the cost question dropped


@pytest.mark.parametrize("store, message, answer", [
    ("tisa", "عطرو باز کردم بوشو دوس ندارم پس میگیرین", "پلمپ"),  # the store asked, no mark typed
    ("sitra", "если через полгода сломается кто его ремонтирует вы?", "нет информации"),  # a fault supposed, no rule
    ("chistatek", "хочу вернуть наушники просто не понравились. как это сделать", "застраховать"),  # how, oneself
])
def test_a_question_of_the_rules_is_answered_without_its_order_asked(servers, store: str, message: str,
                                                                    answer: str) -> None:
    said = last_reply(servers, store, message)
    assert answer in said and "شماره سفارش" not in said and "номер заказа" not in said  # was the order asked
