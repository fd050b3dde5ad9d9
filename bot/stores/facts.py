"""What the store rules need to know about an order: plain data, no database."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Optional


@dataclass(frozen=True)
class ItemFacts:
    """One line of an order, with the flags the return rules look at."""

    sku: str
    name: str
    category: str
    price: float
    quantity: int
    serial_number: Optional[str]
    gift: bool
    large: bool
    hygiene: bool
    needs_testing: bool

    def flags(self) -> frozenset[str]:
        """The item's flags by the names policy files use (`no_serial` when it has none)."""
        named = {"gift": self.gift, "large": self.large, "hygiene": self.hygiene, "needs_testing": self.needs_testing}
        flags = {name for name, on in named.items() if on}
        if not self.serial_number:
            flags.add("no_serial")
        return frozenset(flags)


@dataclass(frozen=True)
class OrderFacts:
    """An order as the rules see it."""

    store: str
    order_id: str
    status: str
    placed_at: Optional[datetime]
    shipped_at: Optional[datetime]
    delivered_at: Optional[datetime]
    carrier: Optional[str]
    tracking_code: Optional[str]
    payment_method: str
    total: float
    city: Optional[str]
    on_sale: bool
    items: tuple[ItemFacts, ...]
