"""Rasa's hot-path fixes change its speed, not what it accepts or refuses."""

from __future__ import annotations

import pytest
from jsonschema import ValidationError
from rasa.core.actions.action import RemoteAction
from rasa.shared.core.events import ActionExecuted, Event, SlotSet, UserUttered
from rasa.shared.utils.common import all_subclasses

from bot import rasa_patches

rasa_patches.install()


def test_an_action_servers_answer_is_still_validated() -> None:
    action = RemoteAction("action_answer_topic", None)
    assert action._validate_action_result({"events": [{"event": "slot", "name": "x", "value": 1}], "responses": []})
    with pytest.raises(ValidationError, match="Failed to validate Action server response"):
        action._validate_action_result({"events": [{"event": "slot"}], "responses": "not a list"})
    with pytest.raises(ValidationError):
        action._validate_action_result({"events": [{"event": "no such event"}]})


def test_event_types_resolve_as_rasa_resolves_them() -> None:
    for cls in all_subclasses(Event):
        assert Event.resolve_by_type(cls.type_name) is rasa_patches._rasa_resolve_by_type(cls.type_name)
    assert Event.resolve_by_type("no such event", UserUttered) is UserUttered
    assert Event.resolve_by_type("topic") is None
    with pytest.raises(ValueError):
        Event.resolve_by_type("no such event")
    assert Event.from_parameters({"event": "slot", "name": "x", "value": 1}) == SlotSet("x", 1)
    assert isinstance(Event.from_parameters({"event": "action", "name": "action_listen"}), ActionExecuted)
