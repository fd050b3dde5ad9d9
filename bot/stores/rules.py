"""The numeric and conditional rules of a store, as typed data read from its policy file.

Each rule keeps the seed sentences it comes from (`sources`). Parsing raises
PolicyError naming the file and the field, so a bad rule stops the start.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import time
from typing import Any, Callable, Literal, Mapping, Optional, TypeVar

import holidays

from bot.nlu.language import LANGUAGES, Language

Bilingual = Mapping[Language, str]
Reason = Literal["defect", "transport_damage", "wrong_item", "change_of_mind"]
REASONS: tuple[Reason, ...] = ("defect", "transport_damage", "wrong_item", "change_of_mind")
Unit = Literal["days", "working_days", "hours", "at_delivery"]
Payer = Literal["store", "customer", "store_if_confirmed", "not_stated"]
ITEM_FLAGS = ("gift", "large", "hygiene", "needs_testing", "no_serial")
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
HOLIDAY_COUNTRIES = frozenset(holidays.list_supported_countries())

T = TypeVar("T")


class RuleError(ValueError):
    """A rule field that is missing or malformed; the loader adds the file name."""

    def __init__(self, field_name: str, problem: str) -> None:
        """Keeps the dotted field path."""
        super().__init__(f"{field_name}: {problem}")
        self.field_name = field_name
        self.problem = problem


@dataclass(frozen=True)
class Window:
    """"Within N days/working days/hours of delivery", or only at the moment of delivery."""

    amount: int
    unit: Unit


@dataclass(frozen=True)
class ReturnGround:
    """When one reason for a return is accepted, and who pays to send the item back."""

    reason: Reason
    window: Optional[Window]  # None: the page sets no deadline
    late: Literal["refused", "needs_evidence"]
    before_delivery: bool
    after_delivery: bool
    requires_seal: bool
    requires_flags: tuple[str, ...]
    excluded_flags: tuple[str, ...]
    excluded_items: tuple[str, ...]  # what customers call the excluded items ("پرینتر", "принтер"): no order needed
    shipping: Payer
    shipping_on_sale: Optional[Payer]
    conditions: Optional[Bilingual]
    sources: tuple[str, ...]


@dataclass(frozen=True)
class ReturnRules:
    """A store's return grounds, how to send items back and where the money goes."""

    grounds: Mapping[Reason, ReturnGround]
    how: Bilingual
    refund: Optional[Bilingual]
    sources: tuple[str, ...]


@dataclass(frozen=True)
class CancelRules:
    """Which order statuses can still be cancelled, and how."""

    allowed_statuses: tuple[str, ...]
    how: Bilingual
    otherwise: Bilingual
    sources: tuple[str, ...]


@dataclass(frozen=True)
class InstallmentPlan:
    """A buy-now-pay-later plan: equal payments, the first at checkout, then monthly bills."""

    provider: str
    name: Bilingual
    payments: int
    minimum: float
    grace_day: int
    sources: tuple[str, ...]


@dataclass(frozen=True)
class DeliveryTier:
    """A fee for a range of order totals: fixed, per km, or free; each bound open or closed."""

    at_least: Optional[float]
    over: Optional[float]
    below: Optional[float]
    up_to: Optional[float]
    fee: Optional[float]
    per_km: Optional[float]
    cities: tuple[str, ...]
    sources: tuple[str, ...]


@dataclass(frozen=True)
class DeliveryRules:
    """How shipping is priced: tiers by total (with their cities), out of town per km."""

    tiers: tuple[DeliveryTier, ...]
    cities: tuple[str, ...]
    out_of_town_per_km: Optional[float]
    free_over: Optional[float]  # strictly above this total shipping is free everywhere
    below_free: Optional[Bilingual]  # what the page says under that threshold
    above_free: Optional[Bilingual]  # and above it: how the free shipping goes ("by Pishtaz post")
    above_free_cities: tuple[str, ...]  # where that holds ("in Tehran"; everywhere when empty)
    sources: tuple[str, ...]


@dataclass(frozen=True)
class DeliveryLane:
    """A way of shipping that takes between `least` and `most` units from the order."""

    name: Bilingual
    cities: tuple[str, ...]  # empty: every city not named by another lane
    not_in: tuple[str, ...]  # cities this lane does not serve
    least: int
    most: int
    unit: Unit
    note: Optional[Bilingual]
    sources: tuple[str, ...]


@dataclass(frozen=True)
class Branch:
    """A pickup point."""

    city: str
    address: Bilingual


@dataclass(frozen=True)
class PickupRules:
    """Ordered before the cut-off: same day in a window; later: next day from a time."""

    cutoff: time
    same_day_from: time
    same_day_to: time
    next_day_from: time
    branches: tuple[Branch, ...]
    other_branches: Optional[Bilingual]
    sources: tuple[str, ...]


@dataclass(frozen=True)
class WorkWeek:
    """A store's days off: its weekend, and the public holidays of its country."""

    weekend: tuple[int, ...]  # weekday numbers (Monday = 0) that are not working days
    country: Optional[str] = None  # ISO 3166 code whose public holidays are days off ("IR", "GE")


@dataclass(frozen=True)
class StoreRules:
    """All of a store's computable rules; a None part means its page is silent on it."""

    week: WorkWeek
    weekend_orders_next_working_day: bool
    cancel: Optional[CancelRules]
    returns: Optional[ReturnRules]
    installments: tuple[InstallmentPlan, ...]
    delivery: Optional[DeliveryRules]
    delivery_times: tuple[DeliveryLane, ...]
    pickup: Optional[PickupRules]


def _get(data: Mapping[str, Any], key: str, where: str, kind: type[T], default: Any = ...) -> T:
    """A typed field, its default, or a RuleError."""
    if key not in data or data[key] is None:
        if default is ...:
            raise RuleError(f"{where}.{key}", "missing")
        return default
    value = data[key]
    if kind is float and isinstance(value, int) and not isinstance(value, bool):
        value = float(value)
    if not isinstance(value, kind) or (kind is int and isinstance(value, bool)):
        raise RuleError(f"{where}.{key}", f"expected {kind.__name__}, got {type(value).__name__}")
    return value  # type: ignore[return-value]


def _sources(data: Mapping[str, Any], where: str) -> tuple[str, ...]:
    """The seed sentences a rule rests on: at least one."""
    sources = data.get("source")
    if not isinstance(sources, list) or not sources or not all(isinstance(s, str) and s.strip() for s in sources):
        raise RuleError(f"{where}.source", "expected a non-empty list of seed sentences")
    return tuple(sources)


def _bilingual(data: Any, where: str, optional: bool = False) -> Optional[Bilingual]:
    """A Persian and Russian text."""
    if data is None and optional:
        return None
    if not isinstance(data, dict):
        raise RuleError(where, "expected a mapping with fa and ru")
    for language in LANGUAGES:
        if not isinstance(data.get(language), str) or not data[language].strip():
            raise RuleError(f"{where}.{language}", "missing or empty text")
    return {language: data[language].strip() for language in LANGUAGES}


def _choice(value: Any, allowed: tuple[str, ...], where: str) -> str:
    """One of a fixed set of words."""
    if value not in allowed:
        raise RuleError(where, f"'{value}' is not one of {', '.join(allowed)}")
    return value


def _clock(value: Any, where: str) -> time:
    """"HH:MM" as a time."""
    try:
        hours, minutes = str(value).split(":")
        return time(int(hours), int(minutes))
    except ValueError as error:
        raise RuleError(where, f"expected HH:MM, got '{value}'") from error


def _flags(data: Mapping[str, Any], key: str, where: str) -> tuple[str, ...]:
    """Item flags named by a rule."""
    return tuple(_choice(flag, ITEM_FLAGS, f"{where}.{key}") for flag in data.get(key) or [])


def _item_words(data: Mapping[str, Any], key: str, where: str) -> tuple[str, ...]:
    """Words customers use for a kind of item, in either language."""
    words = data.get(key) or []
    if not isinstance(words, list) or not all(isinstance(word, str) and word.strip() for word in words):
        raise RuleError(f"{where}.{key}", "expected a list of words")
    return tuple(words)


def parse_window(data: Any, where: str) -> Optional[Window]:
    """A span of time a rule gives ({amount, unit}), or None where it gives none."""
    if data is None:
        return None
    if not isinstance(data, dict):
        raise RuleError(where, "expected {amount, unit} or null")
    unit = _choice(data.get("unit"), ("days", "working_days", "hours", "at_delivery"), f"{where}.unit")
    amount = 0 if unit == "at_delivery" else _get(data, "amount", where, int)
    return Window(amount, unit)  # type: ignore[arg-type]


def _ground(reason: Reason, data: Mapping[str, Any], where: str) -> ReturnGround:
    """One return ground."""
    window = parse_window(data.get("window"), f"{where}.window")
    payers = ("store", "customer", "store_if_confirmed", "not_stated")
    on_sale = data.get("shipping_on_sale")
    return ReturnGround(
        reason=reason,
        window=window,
        late=_choice(data.get("late", "refused"), ("refused", "needs_evidence"), f"{where}.late"),  # type: ignore[arg-type]
        before_delivery=_get(data, "before_delivery", where, bool, False),
        after_delivery=_get(data, "after_delivery", where, bool, True),
        requires_seal=_get(data, "requires_seal", where, bool, False),
        requires_flags=_flags(data, "requires_flags", where),
        excluded_flags=_flags(data, "excluded_flags", where),
        excluded_items=_item_words(data, "excluded_items", where),
        shipping=_choice(data.get("shipping"), payers, f"{where}.shipping"),  # type: ignore[arg-type]
        shipping_on_sale=_choice(on_sale, payers, f"{where}.shipping_on_sale") if on_sale else None,  # type: ignore[arg-type]
        conditions=_bilingual(data.get("conditions"), f"{where}.conditions", optional=True),
        sources=_sources(data, where),
    )


def _returns(data: Mapping[str, Any]) -> ReturnRules:
    """The returns section."""
    where = "rules.returns"
    grounds_data = _get(data, "grounds", where, dict)
    grounds = {
        _choice(reason, REASONS, f"{where}.grounds"): _ground(reason, body or {}, f"{where}.grounds.{reason}")
        for reason, body in grounds_data.items()
    }
    return ReturnRules(
        grounds=grounds,  # type: ignore[arg-type]
        how=_bilingual(data.get("how"), f"{where}.how"),  # type: ignore[arg-type]
        refund=_bilingual(data.get("refund"), f"{where}.refund", optional=True),
        sources=_sources(data, where),
    )


def _cancel(data: Mapping[str, Any]) -> CancelRules:
    """The cancellation section."""
    where = "rules.cancel"
    statuses = ("processing", "shipped", "delivered", "cancelled", "returned")
    return CancelRules(
        allowed_statuses=tuple(_choice(s, statuses, f"{where}.allowed_statuses") for s in _get(data, "allowed_statuses", where, list)),
        how=_bilingual(data.get("how"), f"{where}.how"),  # type: ignore[arg-type]
        otherwise=_bilingual(data.get("otherwise"), f"{where}.otherwise"),  # type: ignore[arg-type]
        sources=_sources(data, where),
    )


def _plan(data: Mapping[str, Any], where: str) -> InstallmentPlan:
    """One installment plan."""
    return InstallmentPlan(
        provider=_get(data, "provider", where, str),
        name=_bilingual(data.get("name"), f"{where}.name"),  # type: ignore[arg-type]
        payments=_get(data, "payments", where, int),
        minimum=_get(data, "minimum", where, float),
        grace_day=_get(data, "grace_day", where, int),
        sources=_sources(data, where),
    )


def _delivery(data: Mapping[str, Any]) -> DeliveryRules:
    """The delivery pricing section."""
    where = "rules.delivery"
    tiers = []
    for index, tier in enumerate(data.get("tiers") or []):
        at = f"{where}.tiers[{index}]"
        tiers.append(DeliveryTier(
            at_least=_get(tier, "at_least", at, float, None),
            over=_get(tier, "over", at, float, None),
            below=_get(tier, "below", at, float, None),
            up_to=_get(tier, "up_to", at, float, None),
            fee=_get(tier, "fee", at, float, None),
            per_km=_get(tier, "per_km", at, float, None),
            cities=tuple(_get(tier, "cities", at, list, [])),
            sources=_sources(tier, at),
        ))
        if (tiers[-1].fee is None) == (tiers[-1].per_km is None):
            raise RuleError(at, "give exactly one of fee and per_km")
    return DeliveryRules(
        tiers=tuple(tiers),
        cities=tuple(_get(data, "cities", where, list, [])),
        out_of_town_per_km=_get(data, "out_of_town_per_km", where, float, None),
        free_over=_get(data, "free_over", where, float, None),
        below_free=_bilingual(data.get("below_free"), f"{where}.below_free", optional=True),
        above_free=_bilingual(data.get("above_free"), f"{where}.above_free", optional=True),
        above_free_cities=tuple(_get(data, "above_free_cities", where, list, [])),
        sources=_sources(data, where),
    )


def _lane(data: Mapping[str, Any], where: str) -> DeliveryLane:
    """One delivery lane."""
    lane = DeliveryLane(
        name=_bilingual(data.get("name"), f"{where}.name"),  # type: ignore[arg-type]
        cities=tuple(_get(data, "cities", where, list, [])),
        not_in=tuple(_get(data, "not_in", where, list, [])),
        least=_get(data, "least", where, int),
        most=_get(data, "most", where, int),
        unit=_choice(data.get("unit"), ("days", "working_days", "hours"), f"{where}.unit"),  # type: ignore[arg-type]
        note=_bilingual(data.get("note"), f"{where}.note", optional=True),
        sources=_sources(data, where),
    )
    if lane.least > lane.most:
        raise RuleError(f"{where}.least", "must not exceed most")
    return lane


def _pickup(data: Mapping[str, Any]) -> PickupRules:
    """The self-pickup section."""
    where = "rules.pickup"
    branches = tuple(
        Branch(_get(b, "city", f"{where}.branches[{i}]", str), _bilingual(b.get("address"), f"{where}.branches[{i}].address"))  # type: ignore[arg-type]
        for i, b in enumerate(_get(data, "branches", where, list))
    )
    return PickupRules(
        cutoff=_clock(data.get("cutoff"), f"{where}.cutoff"),
        same_day_from=_clock(data.get("same_day_from"), f"{where}.same_day_from"),
        same_day_to=_clock(data.get("same_day_to"), f"{where}.same_day_to"),
        next_day_from=_clock(data.get("next_day_from"), f"{where}.next_day_from"),
        branches=branches,
        other_branches=_bilingual(data.get("other_branches"), f"{where}.other_branches", optional=True),
        sources=_sources(data, where),
    )


def _optional(data: Mapping[str, Any], key: str, parse: Callable[[Mapping[str, Any]], T]) -> Optional[T]:
    """A section the page may be silent on."""
    section = data.get(key)
    if section is None:
        return None
    if not isinstance(section, dict):
        raise RuleError(f"rules.{key}", "expected a mapping")
    return parse(section)


def parse_rules(data: Optional[Mapping[str, Any]]) -> StoreRules:
    """The `rules` section of a policy file (an absent section means no computable rules)."""
    data = data or {}
    calendar = data.get("calendar") or {}
    weekend = tuple(WEEKDAYS.index(_choice(d, WEEKDAYS, "rules.calendar.weekend")) for d in calendar.get("weekend") or [])
    country = calendar.get("holidays")
    if country is not None and country not in HOLIDAY_COUNTRIES:
        raise RuleError("rules.calendar.holidays", f"expected a country code of the holidays library, e.g. IR or GE, got {country!r}")
    plans = data.get("installments") or []
    return StoreRules(
        week=WorkWeek(weekend, country),
        weekend_orders_next_working_day=bool(calendar.get("weekend_orders_next_working_day", False)),
        cancel=_optional(data, "cancel", _cancel),
        returns=_optional(data, "returns", _returns),
        installments=tuple(_plan(plan, f"rules.installments[{i}]") for i, plan in enumerate(plans)),
        delivery=_optional(data, "delivery", _delivery),
        delivery_times=tuple(_lane(lane, f"rules.delivery_times[{i}]") for i, lane in enumerate(data.get("delivery_times") or [])),
        pickup=_optional(data, "pickup", _pickup),
    )
