"""The trained model understands both languages on data it never saw."""

from __future__ import annotations

from pathlib import Path

import pytest
from rasa.shared.nlu.training_data.loading import load_data
from sklearn.metrics import f1_score

ROOT = Path(__file__).resolve().parent.parent

# Floors: the independent test set (writer never saw the training data) must reach the
# 0.95 macro-F1 the product promises; the dev set was written to be unlike the training
# data and used for error analysis, so it is harder (see docs/nlu.md for the figures).
FLOORS = {("test", "fa"): 0.95, ("test", "ru"): 0.95, ("dev", "fa"): 0.90, ("dev", "ru"): 0.89}


def examples(split: str, language: str) -> list:
    path = ROOT / "tests" / "data" / split / language
    path = path if path.exists() else path.with_suffix(".yml")
    return [e for e in load_data(str(path)).intent_examples if e.get("text")]


@pytest.mark.parametrize("split, language", sorted(FLOORS))
def test_held_out_intent_macro_f1(parse, split: str, language: str) -> None:
    items = examples(split, language)
    gold = [e.get("intent") for e in items]
    predicted = [parse(e.get("text"))["intent"]["name"] for e in items]
    score = f1_score(gold, predicted, labels=sorted(set(gold)), average="macro")
    assert score >= FLOORS[(split, language)], f"{split}/{language}: macro-F1 {score:.3f}"
    # every intent is recognised at least most of the time, not just on average
    for intent in set(gold):
        hits = sum(1 for g, p in zip(gold, predicted) if g == intent and p == intent)
        assert hits / gold.count(intent) >= 0.6, (split, language, intent, hits)


@pytest.mark.parametrize(
    "text, intent, entities",
    [
        ("سفارش ۵۸۱۲۰ كجاست؟", "order_status", {("order_id", "58120")}),
        ("ميخوام سفارشم رو کنسل کنم", "cancel_order", set()),
        ("اقساطی ۳ میلیون تومن چجوریه", "installment_info", {("amount", 3000000)}),
        ("где мой заказ CT-2001", "order_status", {("order_id", "CT-2001")}),
        ("сколько стоит доставка заказа на 150 лари в Батуми?", "delivery_cost", {("amount", 150), ("city", "batumi")}),
        ("можно забрать самовывозом в 10:30?", "pickup", {("time", "10:30")}),
        ("09121234567", "inform", {("phone", "09121234567")}),
    ],
)
def test_examples_with_entities(parse, text: str, intent: str, entities: set) -> None:
    result = parse(text)
    assert result["intent"]["name"] == intent
    assert {(e["entity"], e["value"]) for e in result["entities"]} == entities


@pytest.mark.parametrize("text", ["asdkjh qwpoeiru", "ففغغقق ثثصص", "щшзхъ ждлорп", "🙂🙂🙂", "12"])
def test_gibberish_is_not_confidently_a_real_intent(parse, text: str) -> None:
    result = parse(text)
    assert result["intent"]["name"] in ("out_of_scope", "nlu_fallback", "inform") or result["intent"]["confidence"] < 0.5
    assert result["intent"]["name"] not in ("goodbye", "affirm", "deny", "greet")


@pytest.mark.parametrize(
    "text, intent",
    [
        # a story the whole message is read unsurely from (as asking about the recipient), then the request
        ("سلام. ببخشید من یه مخلوط کن با یه ماهیتابه سفارش دادم، بعد شب رفتم خونه دیدم شوهرم از بازار همون مخلوط کن رو "
         "خریده 🤦‍♀️ ماهیتابه هم مامانم گفت از جهیزیه قدیمیش یکی اضافه داره برام میاره. خلاصه دیگه لازمم نیست. میخوام "
         "کل سفارشو کنسل کنم، میشه؟", "cancel_order"),
        # a story whose last question alone would read as a question to the bot keeps the story's reading
        ("здравствуйте, оформил заказ на телефон, а мне пишут что его нет в наличии и заказ отменят, деньги вернут "
         "только через неделю. это как вообще?", None),
    ],
)
def test_a_story_then_a_request_about_ones_order_is_that_request(parse, text: str, intent: str | None) -> None:
    result = parse(text)["intent"]
    if intent is not None:
        assert result["name"] == intent
    else:
        assert result["name"] not in ("bot_challenge", "out_of_scope")
