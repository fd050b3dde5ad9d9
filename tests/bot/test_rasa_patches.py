"""Rasa's hot-path fixes change its speed, not what it accepts or refuses; an action server that hangs is given up
after the action time limit."""

from __future__ import annotations

import asyncio
import logging
import time
from pathlib import Path

import jsonschema
import pytest
from jsonschema import ValidationError
import rasa.core.processor
from rasa.core.actions.action import RemoteAction
from rasa.core.agent import Agent
from rasa.engine.runner.dask import DaskGraphRunner
from rasa.shared.core.events import ActionExecuted, Event, SlotSet, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker
from rasa.shared.exceptions import RasaException
from rasa.shared.utils.common import all_subclasses

from bot import rasa_patches
from bot.nlu.language import detect_language
from bot.settings import ConfigError
from hanging import SilentServer

rasa_patches.install()


def test_an_action_servers_answer_is_still_validated() -> None:
    action = RemoteAction("action_answer_topic", None)
    assert action._validate_action_result({"events": [{"event": "slot", "name": "x", "value": 1}], "responses": []})
    with pytest.raises(ValidationError, match="Failed to validate Action server response"):
        action._validate_action_result({"events": [{"event": "slot"}], "responses": "not a list"})
    with pytest.raises(ValidationError):
        action._validate_action_result({"events": [{"event": "no such event"}]})


EVENTS = [
    {"event": "slot", "name": "x", "value": None}, {"event": "bot", "text": "hi", "data": {}},
    {"event": "action", "name": "action_listen", "policy": None, "confidence": 1.0},
    {"event": "user", "text": "hi", "parse_data": {"intent": {"name": "greet", "confidence": 1.0}, "entities": []}},
    {"event": "active_loop", "name": None}, {"event": "followup", "name": "utter_x"}, {"event": "reset_slots"},
    {"event": "entities", "entities": [{"entity": "city", "value": "Tbilisi"}]}, {"event": "session_started"},
]
ODD_ANSWERS = [
    {"events": [{"event": "slot"}]}, {"events": [{"event": "no such event"}]}, {"events": [{}]},
    {"events": ["slot"]}, {"events": {"event": "slot"}}, {"events": [{"event": 3}]}, [], "x",
    {"events": [{"event": "user", "parse_data": {"entities": [{"entity": "x"}]}}]},
    {"events": [{"event": "slot", "name": 1, "value": 1}]}, {"events": [{"event": "user", "timestamp": "now"}]},
    {"responses": [{"text": 1}]}, {"events": [{"event": "entities"}]},
]


@pytest.mark.parametrize("answer", [{"events": [event], "responses": []} for event in EVENTS]
                         + [{"events": EVENTS}, {}, {"responses": [{"text": "x"}]}] + ODD_ANSWERS)
def test_the_per_type_check_accepts_and_refuses_what_rasas_schema_does(answer: object) -> None:
    valid = not list(rasa_patches._response_validator().iter_errors(answer))
    assert rasa_patches._valid_by_event_type(answer) is valid
    if valid:
        assert RemoteAction("a", None)._validate_action_result(answer)  # type: ignore[arg-type]
        return
    with pytest.raises(ValidationError) as ours:
        RemoteAction("a", None)._validate_action_result(answer)  # type: ignore[arg-type]
    with pytest.raises(ValidationError) as theirs:
        jsonschema.validate(answer, RemoteAction.action_response_format_spec())
    assert ours.value.message.startswith(theirs.value.message)


def test_event_types_resolve_as_rasa_resolves_them() -> None:
    for cls in all_subclasses(Event):
        assert Event.resolve_by_type(cls.type_name) is rasa_patches._rasa_resolve_by_type(cls.type_name)
    assert Event.resolve_by_type("no such event", UserUttered) is UserUttered
    assert Event.resolve_by_type("topic") is None
    with pytest.raises(ValueError):
        Event.resolve_by_type("no such event")
    assert Event.from_parameters({"event": "slot", "name": "x", "value": 1}) == SlotSet("x", 1)
    assert isinstance(Event.from_parameters({"event": "action", "name": "action_listen"}), ActionExecuted)


async def test_slot_mappings_are_validated_in_process_with_the_action_servers_answer(
        caplog: pytest.LogCaptureFixture) -> None:
    from rasa.core.actions.action import ActionExtractSlots
    from rasa.core.channels.channel import CollectingOutputChannel
    from rasa.core.nlg import TemplatedNaturalLanguageGenerator
    from rasa.shared.core.domain import Domain
    from rasa.shared.core.trackers import DialogueStateTracker

    from support import ROOT

    domain = Domain.load(str(ROOT / "domain.yml"))
    parse = {"intent": {"name": "order_status", "confidence": 0.9}, "text": "Где заказ CT-2002?",
             "entities": [{"entity": "order_id", "value": "CT-2002", "start": 10, "end": 17}]}
    tracker = DialogueStateTracker.from_events("c1", [
        ActionExecuted("action_listen"),
        UserUttered("Где заказ CT-2002?", parse["intent"], parse["entities"], parse, metadata={"store": "citadel"})],
        slots=domain.slots)
    action = ActionExtractSlots(None)  # no action endpoint: nothing can go over HTTP
    events = await action._run_custom_action("action_validate_slot_mappings", CollectingOutputChannel(),
                                             TemplatedNaturalLanguageGenerator(domain.responses), tracker, domain)
    slots = {event.key: event.value for event in events if isinstance(event, SlotSet)}
    assert slots["store"] == "citadel" and slots["language"] == "ru" and slots["order_id"] == "CT-2002"
    assert slots["store_name"] == "Citadel"
    assert all(isinstance(event, SlotSet) for event in events)
    assert not [record for record in caplog.records if record.levelno >= logging.WARNING]  # nothing to log per message


async def test_an_action_server_that_hangs_is_given_up_after_the_action_time_limit(
        monkeypatch: pytest.MonkeyPatch) -> None:
    from rasa.core.channels.channel import CollectingOutputChannel
    from rasa.core.nlg import TemplatedNaturalLanguageGenerator
    from rasa.shared.core.domain import Domain
    from rasa.shared.core.trackers import DialogueStateTracker
    from rasa.utils.endpoints import EndpointConfig

    monkeypatch.setenv("ACTION_TIMEOUT_S", "0.5")
    with SilentServer() as hanging:
        action = RemoteAction("action_order_flow", EndpointConfig(f"http://127.0.0.1:{hanging.port}/webhook"))
        started = time.monotonic()
        with pytest.raises(RasaException, match="did not answer within 0.5 s"):  # what Rasa gets when it is down
            await action.run(CollectingOutputChannel(), TemplatedNaturalLanguageGenerator({}),
                             DialogueStateTracker("c1", []), Domain.empty())
        waited = time.monotonic() - started
    assert 0.5 <= waited < 2 and hanging.connections == 1


@pytest.mark.parametrize("value, limit", [(None, 10.0), ("", 10.0), ("2.5", 2.5), (" 30 ", 30.0)])
def test_the_action_time_limit_is_ten_seconds_unless_set(monkeypatch: pytest.MonkeyPatch, value: str | None,
                                                          limit: float) -> None:
    if value is None:
        monkeypatch.delenv("ACTION_TIMEOUT_S", raising=False)
    else:
        monkeypatch.setenv("ACTION_TIMEOUT_S", value)
    assert rasa_patches.action_timeout_s() == limit


@pytest.mark.parametrize("value", ["0", "-1", "ten", "nan", "inf", "10s"])
def test_a_wrong_action_time_limit_stops_the_start_naming_the_variable(monkeypatch: pytest.MonkeyPatch,
                                                                        value: str) -> None:
    monkeypatch.setenv("ACTION_TIMEOUT_S", value)
    with pytest.raises(ConfigError, match="ACTION_TIMEOUT_S"):
        rasa_patches.install()


def test_the_warm_up_parses_a_sentence_of_each_language_and_makes_the_in_process_actions() -> None:
    parsed: list[str] = []

    class Agent:
        async def parse_message(self, text: str) -> dict:
            parsed.append(text)
            return {}

    rasa_patches._in_process.cache_clear()
    asyncio.run(rasa_patches.warm_up(Agent()))
    assert sorted(detect_language(text) for text in parsed) == ["fa", "ru"]
    assert rasa_patches._in_process.cache_info().currsize == len(rasa_patches.IN_PROCESS)


def test_the_sequential_graph_runner_parses_and_predicts_as_dasks(model_path: Path,
                                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    def loaded(runner: type) -> Agent:
        monkeypatch.setattr(rasa.core.processor, "DaskGraphRunner", runner)
        return Agent.load(str(model_path))

    dask_agent, sequential = loaded(DaskGraphRunner), loaded(rasa_patches.SequentialGraphRunner)
    assert isinstance(sequential.processor.graph_runner, rasa_patches.SequentialGraphRunner)
    loop = asyncio.new_event_loop()
    try:
        for text in ("سفارشم کجاست؟", "هزینه ارسال به شیراز چقدره", "где мой заказ?", "сколько стоит доставка?", "👍"):
            expected, got = (loop.run_until_complete(agent.parse_message(text)) for agent in (dask_agent, sequential))
            assert got == expected and got["intent"]["name"]
            tracker = DialogueStateTracker.from_events("runner", [ActionExecuted("action_listen"),
                                                                  UserUttered(text, parse_data=got)],
                                                       dask_agent.domain.slots)
            predicted = [agent.processor.predict_next_with_tracker(tracker) for agent in (dask_agent, sequential)]
            assert predicted[0] == predicted[1] and predicted[1]["policy"]
    finally:
        loop.close()
