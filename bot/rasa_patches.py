"""Costs of Rasa 3.6's message path, removed without changing what it does.

Measured with `make bench` and py-spy (docs/performance.md):

- `RemoteAction._validate_action_result` calls `jsonschema.validate`, which checks Rasa's own
  response schema against the JSON-Schema meta-schema on every call before checking the
  action server's answer: two thirds of the server's CPU under load. The schema is a constant,
  so its validator is built and checked once; answers are still validated, with the same error.
- Even with a kept validator, each event of an answer is checked against all 23 event schemas
  of Rasa's `oneOf` (and an error object built for each that does not match): a seventh of
  the server's CPU. The schemas differ by their `event` constant and `event` is required, so
  at most the one named can match: an answer is checked against that one (and the rest of
  the schema); only an answer that fails goes through the whole schema, for Rasa's own error.
- `Event.resolve_by_type` walks every Event subclass for each stored event a tracker is loaded
  with: a fifth of the time of a long conversation's turn. Known type names are remembered.

Installed once by the Rasa server process (bot/tracker_store.py, which endpoints.yml loads).
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any, Callable, Dict, Optional, Text, Type

from jsonschema.exceptions import best_match
from jsonschema.protocols import Validator
from jsonschema.validators import validator_for
from rasa.core.actions.action import RemoteAction
from rasa.shared.constants import DOCS_BASE_URL
from rasa.shared.core.events import Event
from rasa.shared.utils.schemas.events import EVENT_SCHEMA

_EVENT_TYPES: Dict[str, Type[Event]] = {}
_rasa_resolve_by_type: Callable[..., Optional[Type[Event]]] = Event.resolve_by_type


@lru_cache(maxsize=1)
def _response_validator() -> Validator:
    """The validator of Rasa's action-server response format, its schema checked once."""
    schema = RemoteAction.action_response_format_spec()
    cls = validator_for(schema)
    cls.check_schema(schema)
    return cls(schema)


@lru_cache(maxsize=1)
def _fast_validators() -> tuple[Validator, Dict[str, Validator]]:
    """The response format without its events, and one validator per event type (its schema and the common part)."""
    schema = RemoteAction.action_response_format_spec()
    outer = {**schema, "properties": {k: v for k, v in schema["properties"].items() if k != "events"}}
    common = {key: value for key, value in EVENT_SCHEMA.items() if key != "oneOf"}
    cls = validator_for(schema)
    by_type = {one["properties"]["event"]["const"]: cls({"allOf": [common, one]}) for one in EVENT_SCHEMA["oneOf"]}
    return cls(outer), by_type


def _valid_by_event_type(result: Any) -> bool:
    """Whether the answer is valid, checking each event against its own type's schema only."""
    outer, by_type = _fast_validators()
    if not outer.is_valid(result):
        return False
    events = result.get("events", []) if isinstance(result, dict) else []
    if not isinstance(events, list):
        return False
    for event in events:
        validator = by_type.get(event.get("event")) if isinstance(event, dict) else None  # type: ignore[arg-type]
        if validator is None or not validator.is_valid(event):
            return False
    return True


def _validate_action_result(self: RemoteAction, result: Dict[Text, Any]) -> bool:
    """Rasa's check of an action server's answer: the per-type check, else the whole schema for Rasa's error."""
    if _valid_by_event_type(result):
        return True
    error = best_match(_response_validator().iter_errors(result))
    if error is None:
        return True
    error.message += (
        ". Failed to validate Action server response from API, make sure your response from the "
        f"Action endpoint is valid. For more information about the format visit {DOCS_BASE_URL}/custom-actions"
    )
    raise error


def _resolve_by_type(type_name: Text, default: Optional[Type[Event]] = None) -> Optional[Type[Event]]:
    """Rasa's lookup of an event class by its type name, remembered per name once found."""
    known = _EVENT_TYPES.get(type_name)
    if known is not None:
        return known
    found = _rasa_resolve_by_type(type_name, default)  # Rasa's own answer, its default or error included
    if found is not None and found is not default:
        _EVENT_TYPES[type_name] = found
    return found


def install() -> None:
    """Puts both in place; calling it again changes nothing."""
    RemoteAction._validate_action_result = _validate_action_result  # type: ignore[method-assign]
    Event.resolve_by_type = staticmethod(_resolve_by_type)  # type: ignore[method-assign,assignment]

