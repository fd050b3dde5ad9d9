"""Return eligibility: `can_return(order, item, reason, now, policy)` -> ReturnDecision."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime
from typing import Literal, Optional
from zoneinfo import ZoneInfo

from bot.stores.calendar import deadline as window_deadline
from bot.stores.facts import ItemFacts, OrderFacts
from bot.stores.policy import StorePolicy
from bot.stores.rules import Payer, Reason, ReturnGround, Window

Verdict = Literal["eligible", "not_eligible", "needs_evidence", "needs_seal", "not_covered"]


@dataclass(frozen=True)
class ReturnDecision:
    """The answer for one item and reason, with every reason behind it."""

    verdict: Verdict
    reason: Reason
    problems: tuple[str, ...]  # why not: window_passed, seal_opened, excluded:large, requires:needs_testing, ...
    deadline: Optional[datetime]  # when the window closes(d), in the store's time zone
    window: Optional[Window]
    shipping: Optional[Payer]
    before_delivery: bool
    ground: Optional[ReturnGround]
    sale_terms: bool = False  # who pays was decided by the store's terms for orders bought in a sale
    delivered_at: Optional[datetime] = None  # when the window began, to say how long ago


def _shipping(ground: ReturnGround, order: OrderFacts) -> Payer:
    """Who pays to send the item back: some stores change it for sale orders."""
    return ground.shipping_on_sale if _sale_terms(ground, order) and ground.shipping_on_sale else ground.shipping


def _sale_terms(ground: ReturnGround, order: OrderFacts) -> bool:
    """Whether the store's terms for orders bought in a sale decide who pays the return's post."""
    return bool(order.on_sale and ground.shipping_on_sale and ground.shipping_on_sale != ground.shipping)


def can_return(
    order: OrderFacts,
    item: ItemFacts,
    reason: Reason,
    now: datetime,
    policy: StorePolicy,
    sealed: Optional[bool] = None,
) -> ReturnDecision:
    """Whether the store takes this item back for this reason now, and on what terms."""
    returns = policy.rules.returns
    ground = returns.grounds.get(reason) if returns else None
    if ground is None:
        return ReturnDecision("not_covered", reason, (), None, None, None, False, None)
    zone = ZoneInfo(policy.timezone)
    problems: list[str] = []
    if order.status in ("cancelled", "returned"):
        problems.append(f"order_{order.status}")
    delivered = order.delivered_at is not None and order.status == "delivered"
    if not delivered:
        if order.status not in ("cancelled", "returned") and not ground.before_delivery:
            problems.append("not_delivered")
        verdict: Verdict = "not_eligible" if problems else "eligible"
        return ReturnDecision(verdict, reason, tuple(problems), None, None, _shipping(ground, order), True, ground,
                              _sale_terms(ground, order))
    if not ground.after_delivery:
        problems.append("not_after_delivery")
    flags = item.flags()
    problems += [f"requires:{flag}" for flag in ground.requires_flags if flag not in flags]
    problems += [f"excluded:{flag}" for flag in ground.excluded_flags if flag in flags]
    if ground.requires_seal and sealed is False:
        problems.append("seal_opened")
    closes = None
    late = False
    if ground.window is not None:
        closes = window_deadline(order.delivered_at, ground.window, zone, policy.rules.week)  # type: ignore[arg-type]
        late = now.astimezone(zone) > closes
        if late and ground.late == "refused":
            problems.append("window_passed")
    if problems:
        verdict = "not_eligible"
    elif ground.requires_seal and sealed is None:
        verdict = "needs_seal"
    elif late:
        verdict = "needs_evidence"
    else:
        verdict = "eligible"
    return ReturnDecision(verdict, reason, tuple(problems), closes, ground.window, _shipping(ground, order), False, ground,
                          _sale_terms(ground, order), order.delivered_at)


def window_from(received: datetime, timed: bool, reason: Reason, policy: StorePolicy) -> Optional[tuple[Window, datetime]]:
    """The store's return window for a reason, counted from when the customer says the item came, and when
    it closes; None where there is no window, or it counts hours and the customer gave only the day."""
    returns = policy.rules.returns
    ground = returns.grounds.get(reason) if returns else None
    if ground is None or ground.window is None or ground.window.unit == "at_delivery":
        return None
    if ground.window.unit == "hours" and not timed:
        return None
    zone = ZoneInfo(policy.timezone)
    return ground.window, window_deadline(received, ground.window, zone, policy.rules.week)


def refused_for_any_order(reason: Reason, sealed: Optional[bool], policy: StorePolicy, item_words: str = "",
                          delivered: bool = True, flags: frozenset[str] = frozenset()) -> Optional[tuple[ReturnGround, str]]:
    """The ground that refuses this return whatever the order, and why: a reason accepted only with the seal
    intact and the seal opened ("I opened the perfume and don't like it"), or an item of a kind the reason
    excludes ("a printer, changed my mind", or an order's item with an excluded flag); None when the order could
    change the answer, or before delivery where the ground accepts the reason whatever the item."""
    returns = policy.rules.returns
    ground = returns.grounds.get(reason) if returns else None
    if ground is None or (not delivered and ground.before_delivery):
        return None
    if ground.requires_seal and sealed is False:
        return ground, "opened"
    said = item_words.lower()
    excluded = any(word.lower() in said for word in ground.excluded_items) or bool(flags & set(ground.excluded_flags))
    return (ground, "excluded") if excluded else None


def one_rule_for_every_reason(policy: StorePolicy) -> Optional[ReturnGround]:
    """The rule every reason the page names shares (the same window, terms and post: Sitra's "call within 24 hours"
    for a fault, damage or a wrong item), where asking why would not change the answer; None where reasons differ."""
    grounds = list(policy.rules.returns.grounds.values()) if policy.rules.returns else []
    if not grounds or any(replace(ground, reason=grounds[0].reason, sources=grounds[0].sources) != grounds[0]
                          for ground in grounds[1:]):
        return None
    return grounds[0]
