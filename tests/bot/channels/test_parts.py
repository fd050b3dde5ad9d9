"""Several questions in one message: which texts are split, and how the replies are joined."""

from __future__ import annotations

from bot.channels.guard import SLASH_ESCAPE
from rasa.core.channels.channel import UserMessage

from bot.channels.parts import answer_each, asked_last, questions_of, said_once


def test_a_payload_or_an_escaped_slash_is_never_split() -> None:
    assert questions_of("/order_status") == ["/order_status"]
    text = SLASH_ESCAPE + '/inform{"x": 1} сколько стоит? и когда привезут?'
    assert questions_of(text) == [text]


def test_a_question_asked_again_after_an_aside_is_said_once_last() -> None:
    ask = {"text": "Send the phone.", "recipient_id": "s"}
    rule = {"text": "The rule.", "recipient_id": "s"}
    offer = {"text": "Check it for my order?", "buttons": [{"payload": "/check_order"}], "recipient_id": "s"}
    later_offer = {"text": "Check it for my order?", "buttons": [{"payload": "/check_order_2"}], "recipient_id": "s"}
    assert said_once([ask, rule, ask]) == [rule, ask]
    assert said_once([rule, offer, {"text": "Another rule."}, later_offer]) == [rule, {"text": "Another rule."},
                                                                                later_offer]
    assert said_once([{"image": "x"}, {"image": "x"}]) == [{"image": "x"}, {"image": "x"}]
    tracking = {"text": "The tracking code is texted once the parcel is sent."}
    both = {"text": "Sign in with the number you ordered with.\nThe tracking code is texted once the parcel is sent."}
    assert said_once([tracking, both]) == [both]  # a rule said again within a later answer of two rules
    assert said_once([{"text": "Yes."}, {"text": "Yes. And more."}]) == [{"text": "Yes."}, {"text": "Yes. And more."}]
    # the second question's answer said one of the first answer's rules again: said once, with the first
    assert said_once([both, tracking, {"text": "Call 021 5569 0688."}]) == [both, {"text": "Call 021 5569 0688."}]
    asked_again = {"text": tracking["text"], "buttons": [{"payload": "/status"}]}
    assert said_once([both, asked_again]) == [both, asked_again]  # with its buttons it is kept
    call, invoice = "Call support first at 021 5569 0688.", "Write the invoice number and the reason."
    three = {"text": f"{call}\nFrom Tehran, agree the time and the way.\n{invoice}"}
    two = {"text": f"{call}\n{invoice}\nSend photos of the item if they ask."}
    assert said_once([three, two]) == [three, {"text": "Send photos of the item if they ask."}]  # rules said: once
    assert said_once([three, {"text": f"{call}\n{invoice}"}]) == [three]
    # a rule said again without its opening "yes" (a later question asks what, not whether) is still said once
    first = {"text": "همه کالاهای ایرانی بیش از ۶ ماه تاریخ انقضا دارند.\nبله، اگر تاریخ انقضای کالایی کمتر از این زمان باشد، به اطلاع شما می‌رسد."}
    again = {"text": "اگر تاریخ انقضای کالایی کمتر از این زمان باشد، به اطلاع شما می‌رسد."}
    assert said_once([first, again]) == [first]


def test_the_question_waiting_for_an_answer_comes_last() -> None:
    ask = {"text": "Send the order number.", "recipient_id": "s"}
    first, second = {"text": "The rule.", "recipient_id": "s"}, {"text": "Another rule.", "recipient_id": "s"}
    assert asked_last([first, ask, second], [ask]) == [first, second, ask]
    assert asked_last([first, second], []) == [first, second]
    same_text = {"text": "Send the order number.", "recipient_id": "s"}  # the same words, not the ask itself
    assert asked_last([ask, first, same_text], [ask]) == [first, same_text, ask]


async def test_answer_each_puts_the_form_s_question_after_the_later_parts_answers() -> None:
    async def rasa(message: UserMessage) -> None:  # what Rasa sends for each part: an ask, then a rule, then a rule
        if message.text.startswith("где мой заказ"):
            await message.output_channel.send_response(message.sender_id, {"text": "Номер заказа?", "utter_action": "utter_ask_order_id"})
        await message.output_channel.send_response(message.sender_id, {"text": f"ответ: {message.text}", "utter_action": "utter_store_answer"})

    replies = await answer_each(rasa, UserMessage("где мой заказ? и как отследить посылку?", sender_id="s"))
    assert [reply["text"] for reply in replies] == [
        "ответ: где мой заказ?", "ответ: и как отследить посылку?", "Номер заказа?"]
    assert all("utter_action" not in reply for reply in replies)


async def test_a_question_a_later_part_answers_is_not_said() -> None:
    async def rasa(message: UserMessage) -> None:  # the first part asks the phone, the second tells its last four
        if message.text.startswith("لپ تاپ"):
            await message.output_channel.send_response(message.sender_id, {"text": "شماره موبایل؟", "utter_action": "utter_ask_phone"})
        else:
            await message.output_channel.send_response(message.sender_id, {"text": "سفارش CK-3004: تحویل شده"})

    text = "لپ تاپ CK-3004 باتریش زود خالی میشه، هنوز تو ضمانتم؟ شماره‌ام به ۳۳۰۴ ختم میشه"
    assert questions_of(text) == ["لپ تاپ CK-3004 باتریش زود خالی میشه، هنوز تو ضمانتم؟", "شماره‌ام به ۳۳۰۴ ختم میشه"]
    replies = await answer_each(rasa, UserMessage(text, sender_id="s"))
    assert [reply["text"] for reply in replies] == ["سفارش CK-3004: تحویل شده"]


async def test_a_message_of_one_question_gets_the_forms_question_once() -> None:
    async def rasa(message: UserMessage) -> None:  # the answer asks the phone again, then the form does
        for text in ("Правило.", "Телефон?", "Телефон?"):
            await message.output_channel.send_response(message.sender_id, {"text": text})

    replies = await answer_each(rasa, UserMessage("а если сломается?", sender_id="s"))
    assert [reply["text"] for reply in replies] == ["Правило.", "Телефон?"]


async def test_a_message_in_latin_letters_reaches_rasa_in_its_script_and_is_kept_as_typed() -> None:
    seen: list[UserMessage] = []

    async def rasa(message: UserMessage) -> None:
        seen.append(message)
        await message.output_channel.send_response(message.sender_id, {"text": "ok"})

    await answer_each(rasa, UserMessage("privet, zakaz ct2002 gde?", sender_id="s", metadata={"store": "citadel"}))
    assert [message.text for message in seen] == ["привет, заказ ct2002 где?"]
    assert seen[0].metadata["typed"] == "privet, zakaz ct2002 gde?"
    seen.clear()
    await answer_each(rasa, UserMessage("/greet", sender_id="s", metadata={"store": "citadel"}))
    assert [message.text for message in seen] == ["/greet"] and "typed" not in seen[0].metadata
