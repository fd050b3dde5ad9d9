"""An agent's corrections become Rasa files that Rasa itself reads and validates with the project's domain."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from bot.console.keep import example_line, keep_example, keep_story, story_steps

ROOT = Path(__file__).resolve().parents[3]


def test_a_corrected_message_is_a_training_example_once_and_of_one_intent(tmp_path: Path) -> None:
    path = keep_example("هزینه ارسال [فوری] چنده؟", "delivery_time", "fa", tmp_path)
    keep_example("هزینه ارسال [فوری] چنده؟", "delivery_cost", "fa", tmp_path)  # corrected again: moved
    keep_example("هزینه   ارسال [فوری] چنده؟", "delivery_cost", "fa", tmp_path)  # the same words: kept once
    keep_example("ارسال رایگان دارید؟", "delivery_cost", "fa", tmp_path)
    assert path == tmp_path / "data" / "nlu" / "fa" / "console.yml"
    assert yaml.safe_load(path.read_text(encoding="utf-8"))["nlu"] == [
        {"intent": "delivery_cost", "examples": "- هزینه ارسال (فوری) چنده؟\n- ارسال رایگان دارید؟\n"}]


@pytest.mark.parametrize("text, line", [
    ("  два\nслова  ", "два слова"),
    ("[CT-2002](order_id)", "(CT-2002)(order_id)"),
])
def test_an_example_is_one_line_without_entity_brackets(text: str, line: str) -> None:
    assert example_line(text) == line


def test_a_tried_conversation_is_a_story_replaced_by_name(tmp_path: Path) -> None:
    turns = [("/greet", "greet", ["utter_greet"]), ("Сколько стоит доставка?", "delivery_cost", ["action_delivery_cost"])]
    assert story_steps(turns) == [{"intent": "greet"}, {"action": "utter_greet"},
                                  {"user": "Сколько стоит доставка?", "intent": "delivery_cost"},
                                  {"action": "action_delivery_cost"}]
    keep_story("citadel delivery", "citadel", turns[1:], tmp_path)
    path = keep_story("citadel delivery", "citadel", turns, tmp_path)
    stories = yaml.safe_load(path.read_text(encoding="utf-8"))["stories"]
    assert [(story["story"], story["metadata"], len(story["steps"])) for story in stories] == [
        ("citadel delivery", {"store": "citadel"}, 4)]


def test_kept_files_pass_rasa_validation_with_the_projects_domain(tmp_path: Path) -> None:
    from rasa.shared.importers.importer import TrainingDataImporter
    from rasa.validator import Validator

    keep_example("доставка в Кутаиси сколько стоит", "delivery_cost", "ru", tmp_path)
    keep_story("citadel delivery", "citadel", [("/greet", "greet", ["utter_greet"]),
                                               ("Сколько стоит доставка?", "delivery_cost", ["action_delivery_cost"])],
               tmp_path)
    importer = TrainingDataImporter.load_from_config(
        str(ROOT / "config.yml"), str(ROOT / "domain.yml"), [str(tmp_path / "data"), str(tmp_path / "tests")])
    validator = Validator.from_importer(importer)
    assert validator.verify_domain_validity()
    assert validator.verify_intents_in_stories(ignore_warnings=True)
    assert validator.verify_utterances_in_stories(ignore_warnings=True)
    assert validator.verify_example_repetition_in_intents(ignore_warnings=False)
    assert len(validator.story_graph.story_steps) == 1
    assert validator.intents.intent_examples[0].get("text") == "доставка в Кутаиси сколько стоит"
