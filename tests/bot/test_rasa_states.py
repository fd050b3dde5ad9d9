"""The policies' states walked once per event are the states Rasa walks from the start, on every prefix of every rule
of the model's data, with turns rewound, forms run again and a message's featurisation changed."""

from __future__ import annotations

from pathlib import Path
from typing import Any, Iterator, Optional

import pytest
from rasa.core.featurizers.tracker_featurizers import MaxHistoryTrackerFeaturizer, TrackerFeaturizer
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import (ActionExecuted, ActionReverted, ActiveLoop, DefinePrevUserUtteredFeaturization,
                                     Event, SlotSet, UserUttered, UserUtteranceReverted)
from rasa.shared.core.trackers import DialogueStateTracker
from rasa.shared.importers.importer import TrainingDataImporter
from rasa.core import training

from bot import rasa_states

ROOT = Path(__file__).resolve().parents[2]
RASA_STATES = rasa_states.RASA_STATES


@pytest.fixture(scope="module")
def domain() -> Domain:
    return Domain.load(str(ROOT / "domain.yml"))


@pytest.fixture(scope="module")
def rules(domain: Domain) -> list[list[Event]]:
    importer = TrainingDataImporter.load_from_dict(domain_path=str(ROOT / "domain.yml"),
                                                   training_data_paths=[str(ROOT / "data")])
    trackers = training.load_data(importer, domain, augmentation_factor=0)
    return [list(tracker.events) for tracker in trackers]


def options(domain: Domain) -> list[tuple[bool, bool, Optional[dict[str, Any]]]]:
    """The rule policy's, the memoization policy's (with rule-only slots and a form), and unset slots left out."""
    slots = [slot.name for slot in domain.slots][:3]
    return [(False, False, None), (False, True, {"slots": slots, "active_loops": list(domain.form_names)[:1]}),
            (True, False, None)]


def assert_grown_alike(domain: Domain, events: list[Event]) -> int:
    """Feeds the events into one tracker a few at a time (as a message's actions add them), asking for its states
    after each few: the walk kept from the call before gives what Rasa's whole walk gives, once the featurizer has
    removed the text of messages read by their intent (in place, on the states kept too). Returns the number of
    comparisons."""
    compared = 0
    for every in (1, 2, 3):
        compared += _grown_alike(domain, events, every)
    return compared


def _grown_alike(domain: Domain, events: list[Event], every: int) -> int:
    """`assert_grown_alike` with the states asked after every `every` events."""
    live = DialogueStateTracker("walked", domain.slots)
    compared = 0
    for position, event in enumerate(events, 1):
        live.update(event)
        if position % every and position < len(events):
            continue
        for omit, ignore, rule_only in options(domain):
            walked = rasa_states.states_for_tracker_history(domain, live, omit, ignore, rule_only)
            whole = RASA_STATES(domain, live, omit, ignore, rule_only)
            TrackerFeaturizer._remove_user_text_if_intent([walked, whole])  # as the featurizers do, in place
            assert walked == whole, (event, omit, ignore)
            compared += 1
    return compared


def test_every_prefix_of_every_rule_walks_to_rasas_states(domain: Domain, rules: list[list[Event]]) -> None:
    assert len(rules) >= 40
    assert sum(assert_grown_alike(domain, events) for events in rules) > 500


def turn(text: str, intent: str) -> list[Event]:
    """A customer's message after the assistant listened."""
    return [ActionExecuted("action_listen"), UserUttered(text, {"name": intent, "confidence": 1.0})]


def conversations(domain: Domain) -> Iterator[list[Event]]:
    """Conversations that change their past: rewound messages and actions, a form run again, a message's features
    switched to its text after it was read.""" 
    form = list(domain.form_names)[0]
    yield [ActionExecuted("action_session_start"), *turn("سلام", "greet"), ActionExecuted("utter_greet"),
           *turn("نه", "deny"), UserUtteranceReverted(), *turn("وضعیت سفارشم", "order_status"),
           ActionExecuted("action_order_flow"), ActionReverted(), ActionExecuted("action_listen")]
    yield [ActionExecuted("action_session_start"), *turn("سفارشم کجاست", "order_status"), ActionExecuted(form),
           ActiveLoop(form), SlotSet("requested_slot", "order_id"), *turn("SR-5001", "inform"), ActionExecuted(form),
           SlotSet("order_id", "SR-5001"), SlotSet("requested_slot", "phone"), *turn("1101", "inform"),
           ActionExecuted(form), SlotSet("phone", "1101"), ActiveLoop(None), ActionExecuted("action_order_flow"),
           *turn("ممنون", "thank")]
    yield [ActionExecuted("action_session_start"), *turn("چیزی", "nlu_fallback"),
           DefinePrevUserUtteredFeaturization(True), ActionExecuted("action_default_fallback"),
           *turn("باشه", "affirm"), DefinePrevUserUtteredFeaturization(False), ActionExecuted("utter_greet")]


def test_conversations_that_change_their_past_walk_to_rasas_states(domain: Domain) -> None:
    for events in conversations(domain):
        assert assert_grown_alike(domain, events)


def test_a_tracker_walked_is_forgotten_with_it(domain: Domain) -> None:
    live = DialogueStateTracker("forgotten", domain.slots)
    live.update(ActionExecuted("action_session_start"))
    rasa_states.states_for_tracker_history(domain, live)
    assert id(live) in rasa_states._WALKS
    key = id(live)
    del live
    assert key not in rasa_states._WALKS



def test_the_last_state_a_featurizer_edits_is_not_the_one_kept(domain: Domain, monkeypatch: pytest.MonkeyPatch) -> None:
    """After a hidden rule turn the last state is one the walk keeps; the memoization policy's featurizer edits the
    last state in place (the text of a message featurised by its text): the next message's states are still Rasa's."""
    featurizer = MaxHistoryTrackerFeaturizer(max_history=None)
    form = sorted(domain.form_names)[0]
    rule_only = {"slots": [], "active_loops": [form]}
    live = DialogueStateTracker("edited", domain.slots)

    def predicted(walk: Any) -> list[Any]:
        monkeypatch.setattr(Domain, "states_for_tracker_history", walk)
        return featurizer.prediction_states([live], domain, ignore_rule_only_turns=True, rule_only_data=rule_only)[0]

    for event in [*turn("hi", "greet"), DefinePrevUserUtteredFeaturization(True), ActionExecuted("utter_greet"),
                  ActionExecuted(form, hide_rule_turn=True), ActiveLoop(form)]:
        live.update(event)
    predicted(rasa_states.states_for_tracker_history)  # edits the last state it was given
    for event in turn("باشه", "affirm"):
        live.update(event)
    assert predicted(rasa_states.states_for_tracker_history) == predicted(RASA_STATES)
