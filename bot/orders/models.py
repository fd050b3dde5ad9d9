"""The orders tables: orders and their items, return requests, verification attempts.

Date-times are stored in UTC and always come back timezone-aware (also on SQLite, which
has no time zones); money is `Decimal` with two places on every database.
"""

from __future__ import annotations

import json
from datetime import date, datetime, timezone
from decimal import Decimal
from typing import Any, Optional

from sqlalchemy import (
    Boolean,
    Column,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    Numeric,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.engine import Dialect
from sqlalchemy.orm import Mapped, declarative_base, relationship
from sqlalchemy.types import TypeDecorator, TypeEngine

STATUSES = ("processing", "shipped", "delivered", "cancelled", "returned")
PAYMENT_METHODS = ("online", "cod", "card_to_card", "installment")
SOURCES = ("import", "demo")
CENT = Decimal("0.01")

Base: Any = declarative_base(
    metadata=MetaData(
        naming_convention={
            "ix": "ix_%(table_name)s_%(column_0_N_name)s",
            "uq": "uq_%(table_name)s_%(column_0_N_name)s",
            "ck": "ck_%(table_name)s_%(constraint_name)s",
            "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
            "pk": "pk_%(table_name)s",
        }
    )
)


class UTCDateTime(TypeDecorator):  # type: ignore[type-arg]
    """A timezone-aware date-time, stored in UTC, read back aware in UTC."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: Optional[datetime], dialect: Dialect) -> Optional[datetime]:
        """Refuses naive values; SQLite gets naive UTC, PostgreSQL an aware UTC value."""
        if value is None:
            return None
        if value.tzinfo is None or value.utcoffset() is None:
            raise ValueError(f"naive datetime {value.isoformat()}: give it a time zone")
        value = value.astimezone(timezone.utc)
        return value.replace(tzinfo=None) if dialect.name == "sqlite" else value

    def process_result_value(self, value: Optional[datetime], dialect: Dialect) -> Optional[datetime]:
        """Every value read is aware and in UTC."""
        if value is None:
            return None
        if value.tzinfo is None:
            return value.replace(tzinfo=timezone.utc)
        return value.astimezone(timezone.utc)


class Money(TypeDecorator):  # type: ignore[type-arg]
    """An amount with two decimal places, a `Decimal` in Python on every database."""

    impl = Numeric(14, 2)
    cache_ok = True

    def load_dialect_impl(self, dialect: Dialect) -> TypeEngine:  # type: ignore[type-arg]
        """SQLite has no decimals: it stores a float and we round it back to cents."""
        if dialect.name == "sqlite":
            return dialect.type_descriptor(Numeric(14, 2, asdecimal=False))
        return dialect.type_descriptor(Numeric(14, 2))

    def process_bind_param(self, value: Any, dialect: Dialect) -> Optional[Decimal]:
        """Rounds to cents before storing."""
        if value is None:
            return None
        return Decimal(str(value)).quantize(CENT)

    def process_result_value(self, value: Any, dialect: Dialect) -> Optional[Decimal]:
        """Cents as a `Decimal`, whatever the driver returned."""
        if value is None:
            return None
        return Decimal(repr(value) if isinstance(value, float) else str(value)).quantize(CENT)


def _json_default(value: Any) -> Any:
    """JSON for the few non-JSON values a decision may hold."""
    if isinstance(value, (datetime, date)):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, (set, frozenset, tuple)):
        return list(value)
    raise TypeError(f"{type(value).__name__} is not JSON serialisable")


class JSONText(TypeDecorator):  # type: ignore[type-arg]
    """A dict kept as JSON text (readable in any database browser)."""

    impl = Text
    cache_ok = True

    def process_bind_param(self, value: Any, dialect: Dialect) -> Optional[str]:
        """Serialises with sorted keys and real Persian/Russian letters."""
        if value is None:
            return None
        return json.dumps(value, ensure_ascii=False, sort_keys=True, default=_json_default)

    def process_result_value(self, value: Optional[str], dialect: Dialect) -> Any:
        """Parses the stored text back."""
        return None if value is None else json.loads(value)


class Order(Base):
    """One order of one store, as the store exported it."""

    __tablename__ = "orders"
    __table_args__ = (
        UniqueConstraint("store", "order_id"),
        UniqueConstraint("store", "order_key"),
    )

    id: Mapped[int] = Column(Integer, primary_key=True)
    store: Mapped[str] = Column(String(16), nullable=False)
    order_id: Mapped[str] = Column(String(32), nullable=False)
    # lower-case order_id: look-ups ignore case, so the database must not hold "ab-1" and "AB-1"
    order_key: Mapped[str] = Column(String(32), nullable=False)
    phone: Mapped[str] = Column(String(32), nullable=False)
    phone_digits: Mapped[str] = Column(String(32), nullable=False)
    status: Mapped[str] = Column(String(16), nullable=False)
    placed_at: Mapped[Optional[datetime]] = Column(UTCDateTime)
    shipped_at: Mapped[Optional[datetime]] = Column(UTCDateTime)
    delivered_at: Mapped[Optional[datetime]] = Column(UTCDateTime)
    carrier: Mapped[Optional[str]] = Column(String(64))
    tracking_code: Mapped[Optional[str]] = Column(String(64))
    payment_method: Mapped[str] = Column(String(16), nullable=False)
    total: Mapped[Decimal] = Column(Money, nullable=False)
    city: Mapped[Optional[str]] = Column(String(100))
    on_sale: Mapped[bool] = Column(Boolean, nullable=False, default=False)
    source: Mapped[str] = Column(String(8), nullable=False, default="import")
    items: Mapped[list["Item"]] = relationship(
        "Item",
        back_populates="order",
        order_by="Item.position",
        cascade="all, delete-orphan",
    )

    def __repr__(self) -> str:
        """No phone in reprs: they end up in logs."""
        return f"<Order {self.store}/{self.order_id} {self.status}>"


class Item(Base):
    """One line of an order."""

    __tablename__ = "order_items"
    __table_args__ = (UniqueConstraint("order_pk", "position"),)

    id: Mapped[int] = Column(Integer, primary_key=True)
    order_pk: Mapped[int] = Column(Integer, ForeignKey("orders.id", ondelete="CASCADE"), nullable=False)
    position: Mapped[int] = Column(Integer, nullable=False)
    sku: Mapped[str] = Column(String(64), nullable=False)
    name: Mapped[str] = Column(String(255), nullable=False)
    category: Mapped[str] = Column(String(100), nullable=False)
    price: Mapped[Decimal] = Column(Money, nullable=False)
    quantity: Mapped[int] = Column(Integer, nullable=False)
    serial_number: Mapped[Optional[str]] = Column(String(100))
    gift: Mapped[bool] = Column(Boolean, nullable=False, default=False)
    large: Mapped[bool] = Column(Boolean, nullable=False, default=False)
    hygiene: Mapped[bool] = Column(Boolean, nullable=False, default=False)
    needs_testing: Mapped[bool] = Column(Boolean, nullable=False, default=False)
    order: Mapped[Order] = relationship(Order, back_populates="items")

    def __repr__(self) -> str:
        """Short and log-safe."""
        return f"<Item {self.position} {self.sku} x{self.quantity}>"


class ReturnRequest(Base):
    """A customer's return request, with the decision the rules made at the time."""

    __tablename__ = "return_requests"

    id: Mapped[int] = Column(Integer, primary_key=True)
    reference: Mapped[str] = Column(String(16), nullable=False, unique=True)
    store: Mapped[str] = Column(String(16), nullable=False)
    order_pk: Mapped[int] = Column(Integer, ForeignKey("orders.id"), nullable=False)
    # re-importing an order replaces its items: the link is cleared, the SKU stays
    item_pk: Mapped[Optional[int]] = Column(Integer, ForeignKey("order_items.id", ondelete="SET NULL"))
    item_sku: Mapped[Optional[str]] = Column(String(64))
    reason: Mapped[str] = Column(Text, nullable=False)
    sealed: Mapped[Optional[bool]] = Column(Boolean)
    decision: Mapped[dict[str, Any]] = Column(JSONText, nullable=False)
    sender_id: Mapped[str] = Column(String(255), nullable=False)
    created_at: Mapped[datetime] = Column(UTCDateTime, nullable=False)
    order: Mapped[Order] = relationship(Order)
    item: Mapped[Optional[Item]] = relationship(Item)

    def __repr__(self) -> str:
        """The reference is what the customer sees."""
        return f"<ReturnRequest {self.reference} {self.store}>"


class VerificationAttempt(Base):
    """One try to prove an order is yours (order number plus phone); never holds the phone."""

    __tablename__ = "verification_attempts"
    __table_args__ = (
        Index(None, "sender_id", "created_at"),
        Index(None, "store", "order_key", "created_at"),
        Index(None, "client", "created_at"),
    )

    id: Mapped[int] = Column(Integer, primary_key=True)
    sender_id: Mapped[str] = Column(String(255), nullable=False)
    store: Mapped[str] = Column(String(16), nullable=False)
    order_id: Mapped[str] = Column(String(64), nullable=False)
    # the order number as compared (see repository.order_key): failures count per order too
    order_key: Mapped[Optional[str]] = Column(String(64), nullable=True)
    # a keyed hash of the client's address (web channel), so failures count per client too
    client: Mapped[Optional[str]] = Column(String(32), nullable=True)
    success: Mapped[bool] = Column(Boolean, nullable=False)
    # refused without a look-up because the sender was locked out; does not count as a failure
    locked: Mapped[bool] = Column(Boolean, nullable=False, default=False)
    created_at: Mapped[datetime] = Column(UTCDateTime, nullable=False)
