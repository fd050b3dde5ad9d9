"""The domain and the data agree with the intent catalog and with each other."""

import re
from collections import Counter
from pathlib import Path

import pytest
import yaml
from rasa.core.nlg.generator import ResponseVariationFilter
from rasa.shared.nlu.training_data.loading import load_data

from bot.nlu.language import detect_language
from bot.settings import MAX_MESSAGE_LENGTH
from support import shared_file

ROOT = Path(__file__).resolve().parent.parent
DOMAIN = yaml.safe_load((ROOT / "domain.yml").read_text(encoding="utf-8"))


def catalog_intents() -> list[str]:
    return re.findall(r"^\| ([a-z_]+) \|", shared_file("spec", "intents.md").read_text(encoding="utf-8"),
                      flags=re.M)[1:]


def test_every_catalog_intent_is_in_the_domain() -> None:
    intents = catalog_intents()
    assert len(intents) == 29
    assert set(intents) <= set(DOMAIN["intents"])


def test_every_catalog_intent_has_30_examples_in_each_language() -> None:
    for language in ("fa", "ru"):
        examples = load_data(str(ROOT / "data" / "nlu" / language)).intent_examples
        counts = Counter(example.get("intent") for example in examples)
        for intent in catalog_intents():
            assert counts[intent] >= 30, (language, intent, counts[intent])
        wrong_script = [e.get("text") for e in examples if detect_language(e.get("text")) not in (language, None)]
        assert not wrong_script, wrong_script[:5]


def language_of(variation: dict) -> str:
    """The language a variation's condition asks for; Persian where it names none."""
    return next((c["value"] for c in variation.get("condition", []) if c["name"] == "language"), "fa")


def payloads(variation: dict) -> list[str]:
    return [button["payload"] for button in variation.get("buttons", [])]


def test_every_response_speaks_persian_by_default_and_russian_on_request() -> None:
    for name, variations in DOMAIN["responses"].items():
        assert all(language_of(v) in ("fa", "ru") for v in variations), name
        if name == "utter_store_answer":  # the store's own text, already in the right language
            continue
        assert any("condition" not in v for v in variations), name
        assert all(detect_language(v["text"]) == language_of(v) for v in variations), name
        # every Persian variation has a Russian twin with the same buttons (and the other way round)
        fa, ru = (sorted(payloads(v) for v in variations if language_of(v) == language) for language in ("fa", "ru"))
        assert fa and fa == ru, name


@pytest.mark.parametrize("language", ["fa", "ru"])
@pytest.mark.parametrize("offers_installments", [True, False])
def test_the_greeting_offers_installments_only_to_customers_of_stores_that_offer_them(
    language: str, offers_installments: bool
) -> None:
    slots = {"language": language, "offers_installments": offers_installments}
    [greeting] = ResponseVariationFilter(DOMAIN["responses"]).responses_for_utter_action("utter_greet", "rest", slots)
    assert language_of(greeting) == language  # exactly one variation: Rasa would pick among several at random
    assert ("/installment_info" in payloads(greeting)) == offers_installments


def test_the_too_long_reply_states_the_real_limit() -> None:
    [fa, ru] = DOMAIN["responses"]["utter_message_too_long"]
    persian_limit = str(MAX_MESSAGE_LENGTH).translate(str.maketrans("0123456789", "۰۱۲۳۴۵۶۷۸۹"))
    assert persian_limit in fa["text"] and str(MAX_MESSAGE_LENGTH) in ru["text"]


def test_button_payloads_are_known_intents() -> None:
    for variations in DOMAIN["responses"].values():
        for variation in variations:
            for button in variation.get("buttons", []):
                assert button["payload"].lstrip("/") in DOMAIN["intents"]
