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
- Each message runs the model's graph twice (NLU, then the policies) through `dask.get`, whose
  scheduling (dependency tables, a thread-pool executor, callbacks) cost a fifth of each run for
  graphs of a dozen nodes that run one after another anyway. `SequentialGraphRunner` calls the
  same nodes, with the same inputs, in a topological order found once per set of targets.
- After every customer message Rasa asks the action server to validate the slot mappings
  (`action_validate_slot_mappings`): a tracker serialised to JSON, an HTTP round trip, the action
  server's parsing and Rasa's check of its answer, for a few pure functions of the message. That
  one action runs in the Rasa server's own process: the same class, the same tracker (as the
  action server would get it) and domain, the same events kept (slots and bot messages).
- Each call to the action server opens a new connection and encodes the whole domain again:
  kept connections and the domain's JSON kept per model (bot/action_calls.py).
- The rule and memoization policies rebuild the conversation's states from its first event for
  every prediction: each tracker keeps how far they were worked out (bot/rasa_states.py).

And one fix that is not about speed: Rasa waits up to 5 minutes (`DEFAULT_REQUEST_TIMEOUT`) for the action server
to answer, so an action server that hangs holds the customer that long. Rasa gives up after `ACTION_TIMEOUT_S`
(default 10 s) as it gives up on an action server that is down: the action's events are lost, the conversation's
state stays as it was, and the channel tells the customer (`bot.channels.guard.silent_reply`).

Installed once by the Rasa server process (bot/tracker_store.py, which endpoints.yml loads).
"""

from __future__ import annotations

import asyncio
import importlib
import logging
from functools import lru_cache
from typing import Any, Callable, Dict, List, Optional, Text, Type

from jsonschema.exceptions import best_match
from jsonschema.protocols import Validator
from jsonschema.validators import validator_for
import rasa.core.processor
from rasa.core.actions.action import ActionExtractSlots, RemoteAction
from rasa.engine.exceptions import GraphRunError
from rasa.engine.runner.dask import DaskGraphRunner
from rasa.shared.constants import DOCS_BASE_URL
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import BotUttered, Event, SlotSet
from rasa.shared.core.trackers import DialogueStateTracker, EventVerbosity
from rasa.shared.exceptions import RasaException
from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher
from rasa.shared.utils.schemas.events import EVENT_SCHEMA
from rasa.utils.endpoints import EndpointConfig

from bot import action_calls, rasa_states
from bot.db_settings import number_setting
from bot.settings import ConfigError

logger = logging.getLogger(__name__)
DEFAULT_ACTION_TIMEOUT_S = 10.0

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


# Custom actions Rasa runs on every message that are run here instead of over HTTP: name -> "module:Class".
IN_PROCESS = {"action_validate_slot_mappings": "actions.context:ValidateSlotMappings"}
_rasa_run_custom_action = ActionExtractSlots._run_custom_action


@lru_cache(maxsize=None)
def _in_process(name: str) -> Any:
    """The rasa-sdk action class named in IN_PROCESS, made once (actions keep no state on self)."""
    module, cls = IN_PROCESS[name].split(":")
    return getattr(importlib.import_module(module), cls)()


# A sentence per language, parsed once at start: the tokenizers and classifiers load what they load on first use.
WARM_UP = ("سیاست مرجوعی چیه؟", "как вернуть товар?")


async def warm_up(agent: Any) -> None:
    """What the first customers would otherwise wait for (about 2.5 s on this machine): each language's first parse
    and the slot actions this process runs."""
    for text in WARM_UP:
        await agent.parse_message(text)
    for name in IN_PROCESS:
        _in_process(name)


_DOMAINS: Dict[int, tuple[Domain, Dict[str, Any]]] = {}


def _domain_dict(domain: Domain) -> Dict[str, Any]:
    """The domain as the action server receives it, made once per loaded model (kept by identity: hashing a
    domain fingerprints it, which costs more than the round trip saved)."""
    known = _DOMAINS.get(id(domain))
    if known is None or known[0] is not domain:
        known = _DOMAINS[id(domain)] = (domain, domain.as_dict())
    return known[1]


async def _run_custom_action(self: ActionExtractSlots, custom_action: Text, output_channel: Any, nlg: Any,
                             tracker: DialogueStateTracker, domain: Domain) -> List[Event]:
    """Slot extraction's custom action: in this process when it is one of IN_PROCESS, else over HTTP as Rasa does."""
    if custom_action not in IN_PROCESS:
        return await _rasa_run_custom_action(self, custom_action, output_channel, nlg, tracker, domain)
    dispatcher = CollectingDispatcher()
    try:
        answered = await _in_process(custom_action).run(
            dispatcher, Tracker.from_dict(tracker.current_state(EventVerbosity.ALL)), _domain_dict(domain))
        events = [Event.from_parameters(event) for event in answered or []]
        events += await RemoteAction._utter_responses(dispatcher.messages, output_channel, nlg, tracker)
    except Exception:  # as Rasa treats a failing action server here: the slots are not filled, the message goes on
        logger.warning("The custom action '%s' failed; its slots are not filled", custom_action, exc_info=True)
        return []
    return [event for event in events if isinstance(event, (SlotSet, BotUttered))]


def action_timeout_s() -> float:
    """Seconds the Rasa server waits for the action server to run one action (`ACTION_TIMEOUT_S`, default 10)."""
    try:
        return number_setting("ACTION_TIMEOUT_S", DEFAULT_ACTION_TIMEOUT_S, 0.01)
    except ValueError as error:
        raise ConfigError(str(error)) from None


_rasa_remote_run = RemoteAction.run


async def _run_remote_action(self: RemoteAction, output_channel: Any, nlg: Any, tracker: DialogueStateTracker,
                             domain: Domain) -> List[Event]:
    """Rasa's call to the action server, given up after `action_timeout_s()` with the error Rasa raises for an
    action server that is down."""
    limit = action_timeout_s()
    try:
        return await asyncio.wait_for(_rasa_remote_run(self, output_channel, nlg, tracker, domain), limit)
    except asyncio.TimeoutError:
        raise RasaException(f"Failed to execute custom action '{self.name()}': the action server did not answer "
                            f"within {limit:g} s (ACTION_TIMEOUT_S)") from None


class SequentialGraphRunner(DaskGraphRunner):
    """Rasa's graph runner without dask: each needed node once, after the nodes it needs, in the caller's thread."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        """Rasa's runner, with no node order found yet."""
        super().__init__(*args, **kwargs)
        self._orders: Dict[tuple[Text, ...], List[Text]] = {}

    def run(self, inputs: Optional[Dict[Text, Any]] = None, targets: Optional[List[Text]] = None) -> Dict[Text, Any]:
        """The targets' outputs, as `DaskGraphRunner.run` returns them."""
        run_targets = targets if targets else self._graph_schema.target_names
        results: Dict[Text, Any] = {name: (name, value) for name, value in (inputs or {}).items()}  # as dask passes them
        try:
            for name in self._order(tuple(run_targets)):
                node = self._graph_schema.nodes[name]
                results[name] = self._instantiated_nodes[name](*(results.get(need, need) for need in node.needs.values()))
        except RuntimeError as error:
            raise GraphRunError("Error running runner.") from error
        return dict(results[target] for target in run_targets)

    def _order(self, targets: tuple[Text, ...]) -> List[Text]:
        """The nodes the targets need, each after its own needs (found once per set of targets)."""
        if targets not in self._orders:
            nodes, order, seen = self._graph_schema.minimal_graph_schema(list(targets)).nodes, [], set()

            def visit(name: Text) -> None:
                if name in seen or name not in nodes:  # not a node: an input of the run
                    return
                seen.add(name)
                for need in nodes[name].needs.values():
                    visit(need)
                order.append(name)

            for target in targets:
                visit(target)
            self._orders[targets] = order
        return self._orders[targets]


def install() -> None:
    """Puts them in place, the action time limit checked first; calling it again changes nothing."""
    action_timeout_s()
    RemoteAction._validate_action_result = _validate_action_result  # type: ignore[method-assign]
    Event.resolve_by_type = staticmethod(_resolve_by_type)  # type: ignore[method-assign,assignment]
    rasa.core.processor.DaskGraphRunner = SequentialGraphRunner  # type: ignore[misc]
    ActionExtractSlots._run_custom_action = _run_custom_action  # type: ignore[method-assign]
    RemoteAction.run = _run_remote_action  # type: ignore[method-assign]
    Domain.states_for_tracker_history = rasa_states.states_for_tracker_history  # type: ignore[method-assign]
    EndpointConfig.request = action_calls.request  # type: ignore[method-assign]

