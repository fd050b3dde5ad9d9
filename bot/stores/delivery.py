"""Shipping price and self-pickup time, computed from a store's numbers."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Literal, Optional

from bot.stores.calendar import add_working_days, is_working_day, next_working_day
from bot.stores.rules import DeliveryLane, DeliveryRules, DeliveryTier, PickupRules, StoreRules, WorkWeek

QuoteKind = Literal["free", "fee", "need_total", "need_city", "need_distance", "below_free", "cities_or_km"]


@dataclass(frozen=True)
class DeliveryQuote:
    """The price of shipping, or what is still needed to compute it."""

    kind: QuoteKind
    fee: Optional[float] = None
    per_km: Optional[float] = None
    distance_km: Optional[float] = None
    in_cities: Optional[bool] = None
    tier: Optional[DeliveryTier] = None


def _holds(tier: DeliveryTier, total: float) -> bool:
    """Whether the total lies within the tier's bounds ("до 100", "от 100 до 500", "больше 500")."""
    return (
        (tier.at_least is None or total >= tier.at_least)
        and (tier.over is None or total > tier.over)
        and (tier.below is None or total < tier.below)
        and (tier.up_to is None or total <= tier.up_to)
    )


def _tier(rules: DeliveryRules, total: float) -> Optional[DeliveryTier]:
    """The first tier that holds the total."""
    return next((tier for tier in rules.tiers if _holds(tier, total)), None)


def delivery_cost(
    rules: DeliveryRules, total: Optional[float], city: Optional[str], distance_km: Optional[float]
) -> DeliveryQuote:
    """Per km out of town whatever the total; free above a threshold, else the tier for the total in the store's
    cities; without a city, the price in the cities with the out-of-town one beside it when the tier is flat or the distance is
    known (the city is asked only when it matters, with the two rates of a tier priced per km)."""
    out_of_town = city is not None and city not in rules.cities and rules.out_of_town_per_km is not None
    if out_of_town:  # "2 lari a km out of town", whatever the total: nothing to ask but the distance
        if distance_km is None:
            return DeliveryQuote("need_distance", per_km=rules.out_of_town_per_km, in_cities=False)
        return DeliveryQuote("fee", round(rules.out_of_town_per_km * distance_km, 2), rules.out_of_town_per_km, distance_km, False)  # type: ignore[operator]
    if total is None:
        return DeliveryQuote("need_total")
    if rules.free_over is not None and not rules.tiers:
        return DeliveryQuote("free") if total > rules.free_over else DeliveryQuote("below_free")
    if city is None:
        tier, out = _tier(rules, total), rules.out_of_town_per_km
        if tier is None or out is None:
            return DeliveryQuote("need_city")
        if tier.per_km is None:
            # "75 лари, сколько доставка?": 6 лари in the store's cities, per km beyond them; no need to ask where
            return DeliveryQuote("cities_or_km", tier.fee, out, tier=tier)
        if distance_km is None:  # per km in the cities, per km beyond: where matters, both rates said meanwhile
            return DeliveryQuote("need_city", per_km=out, tier=tier)
        # "460 лари, 12 км": the distance priced in the cities, the rate beyond them beside it
        return DeliveryQuote("cities_or_km", round(tier.per_km * distance_km, 2), out, distance_km, tier=tier)
    if city not in rules.cities:
        return DeliveryQuote("below_free", in_cities=False)
    tier = _tier(rules, total)
    if tier is None:
        return DeliveryQuote("below_free", in_cities=True)
    if tier.per_km is not None:
        if distance_km is None:
            return DeliveryQuote("need_distance", per_km=tier.per_km, in_cities=True, tier=tier)
        return DeliveryQuote("fee", round(tier.per_km * distance_km, 2), tier.per_km, distance_km, True, tier)
    if tier.fee == 0:
        return DeliveryQuote("free", 0.0, in_cities=True, tier=tier)
    return DeliveryQuote("fee", tier.fee, in_cities=True, tier=tier)


@dataclass(frozen=True)
class PickupSlot:
    """When an order placed at a given moment can be collected."""

    day: date
    start: time
    end: Optional[time]
    same_day: bool
    moved_from_day_off: bool


def pickup_slot(rules: PickupRules, ordered_at: datetime, week: WorkWeek, weekend_next_working_day: bool) -> PickupSlot:
    """Before the cut-off: the same day's window; from the cut-off on: the next day from its hour. An order placed on
    a day off is processed on the next working day, so it waits from a day before it: that day from the next-day hour."""
    day, moment = ordered_at.date(), ordered_at.time()
    if weekend_next_working_day and not is_working_day(day, week):
        return PickupSlot(next_working_day(day, week), rules.next_day_from, None, False, True)
    if moment < rules.cutoff:
        return PickupSlot(day, rules.same_day_from, rules.same_day_to, True, False)
    return PickupSlot(day + timedelta(days=1), rules.next_day_from, None, False, False)


@dataclass(frozen=True)
class Arrival:
    """When an order placed at a given moment arrives by one lane."""

    lane: DeliveryLane
    earliest: datetime
    latest: datetime
    moved_from_day_off: bool


def lanes_for(lanes: tuple[DeliveryLane, ...], city: Optional[str]) -> tuple[DeliveryLane, ...]:
    """The lanes serving a city (all lanes when the city is not known)."""
    if city is None:
        return lanes
    named = {c for lane in lanes for c in lane.cities}
    return tuple(
        lane for lane in lanes
        if city not in lane.not_in and ((city in lane.cities) or (not lane.cities and city not in named))
    )


def arrival(lane: DeliveryLane, ordered_at: datetime, week: WorkWeek, weekend_next_working_day: bool) -> Arrival:
    """The arrival window: working days skip the weekend; orders on a day off start on the next working day."""
    start = ordered_at
    moved = weekend_next_working_day and not is_working_day(start.date(), week)
    if moved:
        start = datetime.combine(next_working_day(start.date(), week), time(0, 0), tzinfo=start.tzinfo)
    if lane.unit == "hours":
        return Arrival(lane, start + timedelta(hours=lane.least), start + timedelta(hours=lane.most), moved)
    def after(count: int) -> datetime:
        if lane.unit == "working_days":
            day = add_working_days(start.date(), count, week)
        else:
            day = start.date() + timedelta(days=count)
        return datetime.combine(day, time(0, 0), tzinfo=start.tzinfo)
    return Arrival(lane, after(lane.least), after(lane.most), moved)


def arrivals(rules: StoreRules, city: Optional[str], ordered_at: datetime) -> list[Arrival]:
    """When an order placed at `ordered_at` arrives by each of the store's ways of shipping to the city."""
    return [arrival(lane, ordered_at, rules.week, rules.weekend_orders_next_working_day)
            for lane in lanes_for(rules.delivery_times, city)]
