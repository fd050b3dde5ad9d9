"""Store policies: one YAML file per store, loaded and validated at start-up.

A malformed file stops the start with a message naming the file and the field, so a
store's rules are never half-read. Nothing here knows Rasa.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any, Mapping, Optional

import yaml

from bot.nlu.language import LANGUAGES, Language
from bot.stores.numbers import render_texts, resolve
from bot.stores.rules import RuleError, StoreRules, Window, parse_rules, parse_window
from bot.stores.schema import schema, schema_problem

POLICY_DIR = Path(__file__).parent / "policies"
CURRENCIES: tuple[str, ...] = tuple(schema()["properties"]["currency"]["enum"])  # the schema says them once
TOPICS: tuple[str, ...] = tuple(schema()["definitions"]["topic"]["enum"])


class PolicyError(ValueError):
    """A policy file that cannot be trusted, with the file and field at fault."""

    def __init__(self, path: Path, field_name: str, problem: str) -> None:
        """Formats one clear line for the operator."""
        super().__init__(f"{path.name}: field '{field_name}': {problem}")
        self.path = path
        self.field_name = field_name


@dataclass(frozen=True)
class Answer:
    """A store's own answer on one topic, in both languages, with its seed sentences."""

    topic: str
    sources: tuple[str, ...]
    text: Mapping[Language, str]
    offers_person: bool = False  # the page leaves the topic's question open: a person is offered with the answer


@dataclass(frozen=True)
class UnitCondition:
    """What a message's numbers and places (or the conversation's city) must be for a rule to apply ("over 10 million
    toman", "Tehran")."""

    amount_over: Optional[float] = None
    amount_under: Optional[float] = None
    cities: tuple[str, ...] = ()
    not_cities: tuple[str, ...] = ()
    counted: tuple[str, ...] = ()  # the beginnings of the word for what the rule counts ("پله", "ступен")
    count_up_to: Optional[int] = None  # "up to 6 stairs": at most this many of them
    count_over: Optional[int] = None  # "more than 6 stairs": more than this many
    named: tuple[str, ...] = ()  # words one of which a question names for the rule to apply ("اسنپ", "snapp": SnappPay's)
    reasons: tuple[str, ...] = ()  # the return reasons the rule speaks of: a question telling another leaves it out
    unless: tuple[str, ...] = ()  # words that tell the rule's case is not this one ("سریال داره" of the no-serial rule)
    opened: bool = False  # a rule of an item whose seal is opened: not said to one told sealed


@dataclass(frozen=True)
class AnswerUnit:
    """One rule of a store's page: its source sentence, a short answer, the questions it answers."""

    id: str
    topic: str
    sources: tuple[str, ...]
    text: Mapping[Language, str]
    examples: tuple[str, ...]
    when: Optional[UnitCondition] = None
    within: Optional[Window] = None  # a span the rule gives ("within 72 hours"), counted from a moment the customer names
    next_step: Optional[str] = None  # the id of the unit that says what the customer does next (said after this one)
    offers_person: bool = False  # the page leaves part of the question open (terms, prices): a person is offered with it
    working_days_only: bool = False  # done on working days only: a day named that is not one moves to the next
    free_shipping_kept: bool = False  # whether the order left after a return still ships free decides a deduction
    before_ordering: Optional[str] = None  # a step taken while ordering: the id of the rule for changing an order
    # placed, said when the step is asked of one
    gives_address: bool = False  # the addresses where the store is, which "what is your address?" asks
    at_the_door: bool = False  # a rule for a parcel not taken yet ("do not accept it"): not for one signed for already
    after_status: tuple[str, ...] = ()  # the order states after whose status the rule says what comes next
    deducts_return_cost: bool = False  # the return's cost comes off the refund: a price and a cost told are computed


@dataclass(frozen=True)
class StorePolicy:
    """Everything the assistant knows about one store."""

    id: str
    source_document: str
    name: Mapping[Language, str]
    language: Language
    currency: str
    timezone: str
    rules: StoreRules
    answers: Mapping[str, Answer] = field(default_factory=dict)
    units: tuple[AnswerUnit, ...] = ()
    order_example: str = "12345"  # an order number in the store's own format, shown in prompts
    contact: Optional[Answer] = None  # how the page says to reach the store's people, where it says so
    raw: Mapping[str, Any] = field(default_factory=dict, repr=False)  # the file's data as written, placeholders and all

    def answer(self, topic: str) -> Optional[Answer]:
        """The store's answer on a topic, or None where its page is silent."""
        return self.answers.get(topic)


def _require(path: Path, data: Mapping[str, Any], key: str, kind: type) -> Any:
    """One field of the expected type, or a PolicyError naming it."""
    if key not in data:
        raise PolicyError(path, key, "missing")
    value = data[key]
    if not isinstance(value, kind):
        raise PolicyError(path, key, f"expected {kind.__name__}, got {type(value).__name__}")
    return value


def _bilingual(path: Path, data: Mapping[str, Any], where: str) -> dict[Language, str]:
    """A text given in Persian and Russian, both non-empty."""
    texts: dict[Language, str] = {}
    for language in LANGUAGES:
        value = data.get(language)
        if not isinstance(value, str) or not value.strip():
            raise PolicyError(path, f"{where}.{language}", "missing or empty text")
        texts[language] = value.strip()
    return texts


def _answers(path: Path, data: Mapping[str, Any]) -> dict[str, Answer]:
    """The FAQ answers, each on a known topic, sourced and bilingual."""
    answers: dict[str, Answer] = {}
    for topic, body in (data.get("answers") or {}).items():
        where = f"answers.{topic}"
        if topic not in TOPICS:
            raise PolicyError(path, where, f"unknown topic (known: {', '.join(TOPICS)})")
        if not isinstance(body, dict):
            raise PolicyError(path, where, "expected a mapping with source, fa and ru")
        sources = body.get("source")
        if not isinstance(sources, list) or not sources or not all(
            isinstance(s, str) and s.strip() for s in sources
        ):
            raise PolicyError(path, f"{where}.source", "expected a non-empty list of seed sentences")
        answers[topic] = Answer(topic, tuple(sources), _bilingual(path, body, where), bool(body.get("offers_person", False)))
    return answers


UNIT_KEYS = frozenset({"id", "topic", "source", "fa", "ru", "examples", "when", "within", "next_step", "offers_person",
                       "working_days_only", "free_shipping_kept", "before_ordering", "gives_address", "at_the_door",
                       "after_status", "deducts_return_cost"})
WHEN_KEYS = frozenset({"amount_over", "amount_under", "cities", "not_cities", "counted", "count_up_to", "count_over",
                       "named", "reasons", "unless", "opened"})
RETURN_REASONS = frozenset({"defect", "transport_damage", "wrong_item", "change_of_mind"})
_UNIT_ID = re.compile(r"[a-z][a-z0-9_]{2,60}")


def _units(path: Path, data: Mapping[str, Any]) -> tuple[AnswerUnit, ...]:
    """The answer units: one rule of the page each, sourced, bilingual, with example questions."""
    raw = data.get("units") or []
    if not isinstance(raw, list):
        raise PolicyError(path, "units", "expected a list of units")
    units: list[AnswerUnit] = []
    for number, body in enumerate(raw):
        where = f"units[{number}]"
        if not isinstance(body, dict):
            raise PolicyError(path, where, "expected a mapping with id, topic, source, fa, ru, examples")
        unknown = sorted(set(body) - UNIT_KEYS)
        if unknown:
            raise PolicyError(path, f"{where}.{unknown[0]}", f"unknown key (a unit has {', '.join(sorted(UNIT_KEYS))})")
        unit_id = body.get("id")
        if not isinstance(unit_id, str) or not _UNIT_ID.fullmatch(unit_id):
            raise PolicyError(path, f"{where}.id", "expected a snake_case id")
        if any(unit.id == unit_id for unit in units):
            raise PolicyError(path, f"{where}.id", f"'{unit_id}' is used twice")
        where = f"units.{unit_id}"
        if body.get("topic") not in TOPICS:
            raise PolicyError(path, f"{where}.topic", f"unknown topic (known: {', '.join(TOPICS)})")
        source = body.get("source")
        sources = [source] if isinstance(source, str) else source
        if not isinstance(sources, list) or not sources or not all(isinstance(s, str) and s.strip() for s in sources):
            raise PolicyError(path, f"{where}.source", "expected the page's sentence (or a list of them)")
        examples = body.get("examples")
        if not isinstance(examples, list) or not examples or not all(isinstance(e, str) and e.strip() for e in examples):
            raise PolicyError(path, f"{where}.examples", "expected a non-empty list of questions")
        units.append(AnswerUnit(unit_id, body["topic"], tuple(sources), _bilingual(path, body, where),
                                tuple(examples), _condition(path, body.get("when"), f"{where}.when"),
                                _within(path, body.get("within"), f"{where}.within", data), body.get("next_step"),
                                bool(body.get("offers_person", False)), bool(body.get("working_days_only", False)),
                                bool(body.get("free_shipping_kept", False)), body.get("before_ordering"),
                                bool(body.get("gives_address", False)), bool(body.get("at_the_door", False)),
                                tuple(body.get("after_status", ())), bool(body.get("deducts_return_cost", False))))
    known = {unit.id for unit in units}
    for unit in units:
        for key, other in (("next_step", unit.next_step), ("before_ordering", unit.before_ordering)):
            if other is not None and (other not in known or other == unit.id):
                raise PolicyError(path, f"units.{unit.id}.{key}", "expected the id of another unit of this store")
    return tuple(units)


def _within(path: Path, raw: Any, where: str, data: Mapping[str, Any]) -> Optional[Window]:
    """A unit's `within`: the span its rule gives, which a moment the customer names turns into a deadline; written
    as {amount, unit}, or as the path of a rule's window (`rules.returns.grounds.defect.window`), so it follows it."""
    try:
        window = parse_window(resolve(raw, data, where) if isinstance(raw, str) else raw, where)
    except RuleError as error:
        raise PolicyError(path, where, str(error)) from error
    if window is not None and window.unit == "at_delivery":
        raise PolicyError(path, where, "a span needs an amount of days, working days or hours")
    return window


def _condition(path: Path, raw: Any, where: str) -> Optional[UnitCondition]:
    """A unit's `when`: amounts (in the store's currency), city ids and counts of a thing the rule is limited to."""
    if raw is None:
        return None
    if not isinstance(raw, dict) or not raw:
        raise PolicyError(path, where, f"expected a mapping with some of {', '.join(sorted(WHEN_KEYS))}")
    unknown = sorted(set(raw) - WHEN_KEYS)
    if unknown:
        raise PolicyError(path, f"{where}.{unknown[0]}", f"unknown key (known: {', '.join(sorted(WHEN_KEYS))})")
    for key in ("amount_over", "amount_under"):
        if key in raw and not isinstance(raw[key], (int, float)):
            raise PolicyError(path, f"{where}.{key}", "expected a number")
    for key in ("cities", "not_cities"):
        if key in raw and not (isinstance(raw[key], list) and all(isinstance(c, str) for c in raw[key])):
            raise PolicyError(path, f"{where}.{key}", "expected a list of city ids")
    for key in ("count_up_to", "count_over"):
        if key in raw and not isinstance(raw[key], int):
            raise PolicyError(path, f"{where}.{key}", "expected a whole number")
    if ("count_up_to" in raw or "count_over" in raw) != bool(raw.get("counted")):
        raise PolicyError(path, f"{where}.counted", "a count needs the words of what is counted, and those a count")
    for key in ("counted", "named", "unless"):
        if key in raw and not (isinstance(raw[key], list) and raw[key] and all(isinstance(w, str) and w for w in raw[key])):
            raise PolicyError(path, f"{where}.{key}", "expected a list of words")
    if "reasons" in raw and not (isinstance(raw["reasons"], list) and raw["reasons"]
                                 and set(raw["reasons"]) <= RETURN_REASONS):
        raise PolicyError(path, f"{where}.reasons", f"expected a list of {', '.join(sorted(RETURN_REASONS))}")
    return UnitCondition(raw.get("amount_over"), raw.get("amount_under"), tuple(raw.get("cities", ())),
                         tuple(raw.get("not_cities", ())), tuple(raw.get("counted", ())), raw.get("count_up_to"),
                         raw.get("count_over"), tuple(raw.get("named", ())), tuple(raw.get("reasons", ())),
                         tuple(raw.get("unless", ())), bool(raw.get("opened", False)))


def _contact(path: Path, raw: Any) -> Optional[Answer]:
    """The store's own phone or e-mail for its customers, sourced and bilingual; absent where the page gives none."""
    if raw is None:
        return None
    if not isinstance(raw, dict):
        raise PolicyError(path, "contact", "expected a mapping with source, fa and ru")
    sources = raw.get("source")
    if not isinstance(sources, list) or not sources or not all(isinstance(s, str) and s.strip() for s in sources):
        raise PolicyError(path, "contact.source", "expected a non-empty list of seed sentences")
    return Answer("contact", tuple(sources), _bilingual(path, raw, "contact"))


def load_policy(path: Path) -> StorePolicy:
    """Reads and validates one store's policy file."""
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as error:
        raise PolicyError(path, "(file)", f"not valid YAML: {error}") from error
    if not isinstance(data, dict):
        raise PolicyError(path, "(file)", "expected a mapping at the top level")
    problem = schema_problem(data)
    if problem is not None:
        raise PolicyError(path, *problem)
    store_id = _require(path, data, "id", str)
    if store_id != path.stem:
        raise PolicyError(path, "id", f"'{store_id}' does not match the file name")
    language = _require(path, data, "language", str)
    if language not in LANGUAGES:
        raise PolicyError(path, "language", f"'{language}' is not one of {LANGUAGES}")
    currency = _require(path, data, "currency", str)
    if currency not in CURRENCIES:
        raise PolicyError(path, "currency", f"'{currency}' is not one of {CURRENCIES}")
    try:
        texts = render_texts(data)  # every text with its rule values written in (bot/stores/numbers.py)
        rules = parse_rules(texts.get("rules"))
    except RuleError as error:
        raise PolicyError(path, error.field_name, error.problem) from error
    return StorePolicy(
        id=store_id,
        source_document=_require(path, data, "source_document", str),
        name=_bilingual(path, _require(path, data, "name", dict), "name"),
        language=language,  # type: ignore[arg-type]
        currency=currency,
        timezone=_require(path, data, "timezone", str),
        rules=rules,
        answers=_answers(path, texts),
        units=_units(path, texts),
        order_example=_require(path, data, "order_example", str),
        contact=_contact(path, texts.get("contact")),
        raw=data,
    )


def load_policies(directory: Path = POLICY_DIR) -> dict[str, StorePolicy]:
    """All stores' policies, keyed by store id; raises PolicyError on the first bad one."""
    policies = {path.stem: load_policy(path) for path in sorted(directory.glob("*.yml"))}
    if not policies:
        raise PolicyError(directory, "(directory)", "no policy files found")
    return policies


@lru_cache(maxsize=1)
def policies() -> dict[str, StorePolicy]:
    """The stores' policies, read once per process: the packaged ones, or those of `STORE_POLICIES` (a folder of
    policy files, for a deployment that keeps its stores outside the code, and for tests)."""
    return load_policies(policy_dir())


def policy_dir() -> Path:
    """Where the stores' policy files are: `STORE_POLICIES`, else the packaged folder."""
    folder = os.environ.get("STORE_POLICIES", "").strip()
    return Path(folder) if folder else POLICY_DIR
