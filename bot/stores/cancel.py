"""Whether an order can still be cancelled under its store's rule."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from bot.stores.facts import OrderFacts
from bot.stores.policy import StorePolicy

CancelVerdict = Literal["possible", "not_possible", "already_closed", "not_covered", "received"]


@dataclass(frozen=True)
class CancelDecision:
    """The verdict and the status it rests on."""

    verdict: CancelVerdict
    status: str


def can_cancel(order: OrderFacts, policy: StorePolicy) -> CancelDecision:
    """Cancelled or returned orders are closed, a delivered one is no longer cancelled where the page has no rule
    (what is left is a return); otherwise the store's allowed statuses decide."""
    if order.status in ("cancelled", "returned"):
        return CancelDecision("already_closed", order.status)
    rule = policy.rules.cancel
    if rule is None:  # a page silent on cancelling leaves it open until the order is in the customer's hands
        return CancelDecision("received" if order.status == "delivered" else "not_covered", order.status)
    verdict: CancelVerdict = "possible" if order.status in rule.allowed_statuses else "not_possible"
    return CancelDecision(verdict, order.status)
