"""The policies' states of a conversation worked out once per event, not again for every prediction.

Rasa 3.6's rule and memoization policies see a conversation as the list of its states, one before each
action (`Domain.states_for_tracker_history`). Every prediction walks the whole tracker again: a copy
of it is rebuilt event by event and each state recomputed, two or three times per action (the rule
policy once from the text, once from the intent; the memoization policy without rule-only turns),
three or four actions per message. Under load that was a ninth of the Rasa server's CPU, and it
grows with the conversation.

Here each tracker keeps, per set of options, how far it was walked: the events applied, the copy
after them and the states found. A later call whose applied events begin with those (the same
objects) walks only the new ones; anything else (a rewound turn, a form's repeated run folded away)
walks the whole tracker as Rasa does. The one event that changes an event applied before it
(`DefinePrevUserUtteredFeaturization`, on the message just read) comes before any action after that
message, so no state kept has read the message yet. The states are the same lists Rasa computes (tests/bot/test_rasa_states.py
compares both on every prefix of every story and rule of the model's training data).
"""

from __future__ import annotations

import weakref
from dataclasses import dataclass
from typing import Any, Dict, Hashable, List, Optional, Tuple

from rasa.shared.core.constants import PREVIOUS_ACTION
from rasa.shared.core.domain import Domain, State, SubState
from rasa.shared.core.events import ActionExecuted, Event
from rasa.shared.core.trackers import DialogueStateTracker

RASA_STATES = Domain.states_for_tracker_history  # Rasa's own, for comparison (imported before it is replaced)
Options = Tuple[bool, bool, Hashable]  # omit unset slots, ignore rule-only turns, the rule-only data ignored


@dataclass
class _Walk:
    """How far one tracker's states were worked out for one set of options."""

    domain: Domain
    applied: List[Event]  # the applied events walked, in order
    prior: DialogueStateTracker  # the copy of the tracker after `applied`
    states: List[State]  # the states before each action among `applied`
    last_ml_action: Optional[SubState]
    hidden: bool


_WALKS: Dict[int, Tuple["weakref.ref[DialogueStateTracker]", Dict[Options, _Walk]]] = {}


def _options(omit_unset_slots: bool, ignore_rule_only_turns: bool, rule_only_data: Optional[Dict[str, Any]]) -> Options:
    """The options as a key; the rule-only data matter only when rule-only turns are ignored."""
    ignored: Hashable = None
    if ignore_rule_only_turns and rule_only_data:
        ignored = tuple(sorted((key, tuple(value)) for key, value in rule_only_data.items()))
    return omit_unset_slots, ignore_rule_only_turns, ignored


def _walks(tracker: DialogueStateTracker) -> Dict[Options, _Walk]:
    """The walks kept for this tracker object (dropped with it)."""
    key = id(tracker)
    kept = _WALKS.get(key)
    if kept is None or kept[0]() is not tracker:
        kept = (weakref.ref(tracker, lambda _: _WALKS.pop(key, None)), {})
        _WALKS[key] = kept
    return kept[1]


def _still_applies(walk: _Walk, domain: Domain, applied: List[Event]) -> bool:
    """The walk is a beginning of these applied events."""
    if walk.domain is not domain or len(applied) < len(walk.applied):
        return False
    return all(old is new for old, new in zip(walk.applied, applied))


def _state(domain: Domain, prior: DialogueStateTracker, hide: bool, earlier: List[State],
           last_ml_action: Optional[SubState], hidden: bool, options: Options,
           rule_only_data: Optional[Dict[str, Any]]) -> Tuple[Optional[State], Optional[SubState], bool]:
    """One step of Rasa's `Domain.states_for_tracker_history`: the state before an action (None for a hidden
    rule turn), with the last ML action and whether the turn is hidden, as they stand after it."""
    omit_unset_slots, ignore_rule_only_turns, _ = options
    if ignore_rule_only_turns:
        if not hidden:
            last_ml_action = domain._get_prev_action_sub_state(prior)
        if not prior.followup_action and not prior.latest_action_name == prior.active_loop_name:
            hidden = hide
        if hidden:
            return None, last_ml_action, hidden
    state = domain.get_active_state(prior, omit_unset_slots=omit_unset_slots)
    if ignore_rule_only_turns:
        domain._remove_rule_only_features(state, rule_only_data)
        if earlier:
            domain._substitute_rule_only_user_input(state, earlier[-1])
        if last_ml_action:
            state[PREVIOUS_ACTION] = last_ml_action
    return domain._clean_state(state), last_ml_action, hidden


def states_for_tracker_history(self: Domain, tracker: DialogueStateTracker, omit_unset_slots: bool = False,
                               ignore_rule_only_turns: bool = False,
                               rule_only_data: Optional[Dict[str, Any]] = None) -> List[State]:
    """Rasa's states of every step of the tracker's history, walking only the events a kept walk has not seen."""
    options = _options(omit_unset_slots, ignore_rule_only_turns, rule_only_data)
    applied = tracker.applied_events()
    walks = _walks(tracker)
    walk = walks.get(options)
    if walk is None or not _still_applies(walk, self, applied):
        walk = _Walk(self, [], tracker.init_copy(), [], None, False)
    for event in applied[len(walk.applied):]:
        if isinstance(event, ActionExecuted):
            state, walk.last_ml_action, walk.hidden = _state(self, walk.prior, event.hide_rule_turn, walk.states,
                                                             walk.last_ml_action, walk.hidden, options,
                                                             rule_only_data)
            if state is not None:
                walk.states.append(state)
        walk.prior.update(event)
        walk.applied.append(event)
    walks[options] = walk
    last, _, _ = _state(self, walk.prior, False, walk.states, walk.last_ml_action, walk.hidden, options,
                        rule_only_data)
    if last is None and walk.states:  # the featurizers edit the last state in place: not the kept one
        return walk.states[:-1] + [_copied(walk.states[-1])]
    return walk.states + ([last] if last is not None else [])


def _copied(state: State) -> State:
    """A state whose parts can be edited without touching the one it was copied from."""
    return {key: dict(part) for key, part in state.items()}
