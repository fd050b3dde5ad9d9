"""The orders import format (JSON Lines, see docs/orders.md): validate, then upsert.

Every line is validated before anything is written; one bad line rejects the file with
every problem as "line N: field 'x': problem". Importing the same store and order_id
again updates that order and replaces its items, all in one transaction.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal
from typing import Any, Iterable, Mapping, Optional

from sqlalchemy.orm import Session

from bot.nlu.normalize import to_ascii_digits
from bot.orders import repository
from bot.orders.models import (
    CENT,
    PAYMENT_METHODS,
    SOURCES,
    STATUSES,
    Item,
    Order,
)
from bot.stores.policy import policies

ORDER_FIELDS = (
    "store",
    "order_id",
    "phone",
    "status",
    "placed_at",
    "shipped_at",
    "delivered_at",
    "carrier",
    "tracking_code",
    "payment_method",
    "total",
    "city",
    "on_sale",
    "items",
)
ITEM_FIELDS = (
    "sku",
    "name",
    "category",
    "price",
    "quantity",
    "serial_number",
    "gift",
    "large",
    "hygiene",
    "needs_testing",
)
ORDER_ID_LENGTH = (3, 32)
PHONE_DIGITS = (7, 15)  # E.164 allows at most 15 digits
MAX_AMOUNT = Decimal(10) ** 12  # what the Numeric(14, 2) columns hold
MAX_QUANTITY = 100_000
_PHONE_CHARS = re.compile(r"[0-9۰-۹٠-٩+\-() .\u00a0]+")
_MOMENT = re.compile(
    r"(?P<date>\d{4}-\d{2}-\d{2})[Tt ](?P<time>\d{2}:\d{2}(?::\d{2})?)(?:[.,](?P<fraction>\d{1,9}))?"
    r"(?P<offset>[Zz]|[+-]\d{2}(?::?\d{2})?)"
)
_MISSING = object()


@dataclass(frozen=True, kw_only=True)
class ItemRecord:
    """One validated item line."""

    sku: str
    name: str
    category: str
    price: Decimal
    quantity: int
    serial_number: Optional[str] = None
    gift: bool = False
    large: bool = False
    hygiene: bool = False
    needs_testing: bool = False


@dataclass(frozen=True, kw_only=True)
class OrderRecord:
    """One validated order, ready to store; date-times are timezone-aware."""

    store: str
    order_id: str
    phone: str
    status: str
    payment_method: str
    total: Decimal
    items: tuple[ItemRecord, ...]
    placed_at: Optional[datetime] = None
    shipped_at: Optional[datetime] = None
    delivered_at: Optional[datetime] = None
    carrier: Optional[str] = None
    tracking_code: Optional[str] = None
    city: Optional[str] = None
    on_sale: bool = False


@dataclass(frozen=True)
class ImportSummary:
    """How many orders an import created and updated."""

    created: int
    updated: int

    @property
    def total(self) -> int:
        """Orders written."""
        return self.created + self.updated


class OrderImportError(ValueError):
    """A file that cannot be imported, with every problem found, one per line."""

    def __init__(self, problems: list[str]) -> None:
        """Keeps the problems; the message lists them all."""
        super().__init__("\n".join(problems))
        self.problems = problems


class _DuplicateKey(ValueError):
    """A JSON object that names one field twice."""

    def __init__(self, key: str) -> None:
        """Remembers the field."""
        super().__init__(key)
        self.key = key


def _unique_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    """JSON objects whose keys appear once; a repeated key would silently hide a value."""
    result: dict[str, Any] = {}
    for key, value in pairs:
        if key in result:
            raise _DuplicateKey(key)
        result[key] = value
    return result


def _no_constants(name: str) -> Any:
    """NaN and Infinity are not JSON."""
    raise ValueError(f"{name} is not a JSON number")


@dataclass
class _Line:
    """The problems found on one line."""

    number: int
    problems: list[str] = field(default_factory=list)

    def problem(self, name: str, text: str) -> None:
        """Notes one problem with one field."""
        self.problems.append(f"line {self.number}: field '{name}': {text}")


def _type_name(value: Any) -> str:
    """A JSON type name for messages."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, (int, Decimal)):
        return "a number"
    if isinstance(value, str):
        return "a string"
    if isinstance(value, list):
        return "a list"
    return "an object"


def _string(
    line: _Line, data: Mapping[str, Any], key: str, name: str, max_length: int, nullable: bool = False
) -> Optional[str]:
    """A string field; nullable ones may be null, missing or "" (all stored as null)."""
    value = data.get(key, _MISSING)
    if value is _MISSING or value is None:
        if not nullable:
            line.problem(name, "missing" if value is _MISSING else "must be a string, not null")
        return None
    if not isinstance(value, str):
        line.problem(name, f"must be a string{' or null' if nullable else ''}, not {_type_name(value)}")
        return None
    if not value.strip():
        if not nullable:
            line.problem(name, "must not be empty")
        return None
    if len(value) > max_length:
        line.problem(name, f"longer than {max_length} characters")
        return None
    if "\x00" in value:  # PostgreSQL cannot store it
        line.problem(name, "must not contain NUL characters")
        return None
    return value


def _choice(line: _Line, data: Mapping[str, Any], key: str, choices: tuple[str, ...]) -> Optional[str]:
    """A string from a fixed list."""
    value = _string(line, data, key, key, 200)
    if value is not None and value not in choices:
        line.problem(key, f"{value!r} is not one of {', '.join(choices)}")
        return None
    return value


def _boolean(line: _Line, data: Mapping[str, Any], key: str, name: str) -> bool:
    """A boolean; missing means false."""
    value = data.get(key, False)
    if not isinstance(value, bool):
        line.problem(name, f"must be true or false, not {_type_name(value)}")
        return False
    return value


def _amount(line: _Line, data: Mapping[str, Any], key: str, name: str) -> Optional[Decimal]:
    """A non-negative amount of money with at most two decimal places."""
    value = data.get(key, _MISSING)
    if value is _MISSING:
        line.problem(name, "missing")
        return None
    if isinstance(value, bool) or not isinstance(value, (int, Decimal)):
        line.problem(name, f"must be a number, not {_type_name(value)}")
        return None
    amount = Decimal(value)
    if amount < 0:
        line.problem(name, "must not be negative")
    elif amount >= MAX_AMOUNT:
        line.problem(name, f"must be less than {MAX_AMOUNT:,}")
    elif amount != amount.quantize(CENT):
        line.problem(name, "must have at most two decimal places")
    else:
        return amount.quantize(CENT)
    return None


def _quantity(line: _Line, data: Mapping[str, Any], key: str, name: str) -> Optional[int]:
    """A whole number of pieces, at least one."""
    value = data.get(key, _MISSING)
    if value is _MISSING:
        line.problem(name, "missing")
        return None
    if isinstance(value, bool) or not isinstance(value, (int, Decimal)):
        line.problem(name, f"must be a whole number, not {_type_name(value)}")
        return None
    if not 1 <= value <= MAX_QUANTITY:  # before int(): "1e999999999" must not become a huge int
        line.problem(name, f"must be between 1 and {MAX_QUANTITY:,}")
        return None
    if value != int(value):
        line.problem(name, f"must be a whole number, not {value}")
        return None
    return int(value)


def parse_moment(text: str) -> Optional[datetime]:
    """An ISO 8601 date-time WITH a UTC offset ("Z", "+03:30", "+0330"), else None."""
    match = _MOMENT.fullmatch(text.strip())
    if match is None:
        return None
    offset = match["offset"].upper()
    if offset == "Z":
        offset = "+00:00"
    elif len(offset) == 3:
        offset += ":00"
    elif ":" not in offset:
        offset = f"{offset[:3]}:{offset[3:]}"
    fraction = f".{(match['fraction'] + '00000')[:6]}" if match["fraction"] else ""
    try:
        return datetime.fromisoformat(f"{match['date']}T{match['time']}{fraction}{offset}")
    except ValueError:
        return None


def _moment(line: _Line, data: Mapping[str, Any], key: str) -> Optional[datetime]:
    """An optional date-time that must carry its offset."""
    value = data.get(key)
    if value is None:
        return None
    if not isinstance(value, str):
        line.problem(key, f"must be an ISO 8601 date-time string or null, not {_type_name(value)}")
        return None
    moment = parse_moment(value)
    if moment is None:
        line.problem(
            key, f"{value!r} is not an ISO 8601 date-time with a UTC offset (e.g. 2026-11-02T10:15:00+03:30)"
        )
    return moment


def _order_id(line: _Line, data: Mapping[str, Any]) -> Optional[str]:
    """3–32 letters, digits or "-"; Persian and Arabic-Indic digits become ASCII."""
    value = _string(line, data, "order_id", "order_id", 200)
    if value is None:
        return None
    order_id = to_ascii_digits(value.strip())
    low, high = ORDER_ID_LENGTH
    if not low <= len(order_id) <= high:
        line.problem("order_id", f"must be {low}–{high} characters long, not {len(order_id)}")
        return None
    if not all(char.isalpha() or char in "0123456789-" for char in order_id):
        line.problem("order_id", f"{value!r} may contain only letters, digits and '-'")
        return None
    return order_id


def _phone(line: _Line, data: Mapping[str, Any]) -> Optional[str]:
    """A phone number in any common format: digits, spaces, dashes, brackets, a leading +."""
    value = _string(line, data, "phone", "phone", 32)
    if value is None:
        return None
    phone = value.strip()
    digits = repository.phone_digits(phone)
    low, high = PHONE_DIGITS
    if not _PHONE_CHARS.fullmatch(phone) or "+" in phone[1:]:
        line.problem("phone", "may contain only digits, spaces, dashes, brackets and a leading '+'")
        return None
    if not low <= len(digits) <= high:
        line.problem("phone", f"must have {low}–{high} digits, not {len(digits)}")
        return None
    return phone


def _unknown_fields(line: _Line, data: Mapping[str, Any], known: tuple[str, ...], prefix: str = "") -> None:
    """Unknown fields are errors: a misspelt "delivered_at" must not vanish silently."""
    for key in data:
        if key not in known:
            line.problem(f"{prefix}{key}", "unknown field")


def _item(line: _Line, data: Any, position: int) -> Optional[ItemRecord]:
    """One element of "items"."""
    prefix = f"items[{position}]."
    if not isinstance(data, dict):
        line.problem(f"items[{position}]", f"must be an object, not {_type_name(data)}")
        return None
    before = len(line.problems)
    _unknown_fields(line, data, ITEM_FIELDS, prefix)
    columns = Item.__table__.c
    values = {
        "sku": _string(line, data, "sku", prefix + "sku", columns.sku.type.length),
        "name": _string(line, data, "name", prefix + "name", columns.name.type.length),
        "category": _string(line, data, "category", prefix + "category", columns.category.type.length),
        "price": _amount(line, data, "price", prefix + "price"),
        "quantity": _quantity(line, data, "quantity", prefix + "quantity"),
        "serial_number": _string(
            line, data, "serial_number", prefix + "serial_number", columns.serial_number.type.length, nullable=True
        ),
    }
    flags = {key: _boolean(line, data, key, prefix + key) for key in ("gift", "large", "hygiene", "needs_testing")}
    if len(line.problems) > before:
        return None
    return ItemRecord(**values, **flags)


def _parse_record(line: _Line, text: str) -> Optional[OrderRecord]:
    """One line of the file as an order, or None with the problems noted on `line`."""
    try:
        data = json.loads(text, parse_float=Decimal, parse_constant=_no_constants, object_pairs_hook=_unique_keys)
    except _DuplicateKey as duplicate:
        line.problem(duplicate.key, "appears more than once")
        return None
    except ValueError as error:
        line.problems.append(f"line {line.number}: not valid JSON: {error}")
        return None
    except RecursionError:
        line.problems.append(f"line {line.number}: not valid JSON: nested too deeply")
        return None
    if not isinstance(data, dict):
        line.problems.append(f"line {line.number}: must be a JSON object (one order), not {_type_name(data)}")
        return None

    _unknown_fields(line, data, ORDER_FIELDS)
    columns = Order.__table__.c
    store = _choice(line, data, "store", tuple(policies()))  # a store is a policy file
    order_id = _order_id(line, data)
    phone = _phone(line, data)
    status = _choice(line, data, "status", STATUSES)
    moments = {key: _moment(line, data, key) for key in ("placed_at", "shipped_at", "delivered_at")}
    carrier = _string(line, data, "carrier", "carrier", columns.carrier.type.length, nullable=True)
    tracking_code = _string(
        line, data, "tracking_code", "tracking_code", columns.tracking_code.type.length, nullable=True
    )
    payment_method = _choice(line, data, "payment_method", PAYMENT_METHODS)
    total = _amount(line, data, "total", "total")
    city = _string(line, data, "city", "city", columns.city.type.length, nullable=True)
    on_sale = _boolean(line, data, "on_sale", "on_sale")

    raw_items = data.get("items", _MISSING)
    items: list[Optional[ItemRecord]] = []
    if raw_items is _MISSING:
        line.problem("items", "missing")
    elif not isinstance(raw_items, list):
        line.problem("items", f"must be a list, not {_type_name(raw_items)}")
    elif not raw_items:
        line.problem("items", "must hold at least one item")
    else:
        items = [_item(line, item, position) for position, item in enumerate(raw_items)]

    if line.problems:
        return None
    return OrderRecord(
        store=store or "",
        order_id=order_id or "",
        phone=phone or "",
        status=status or "",
        payment_method=payment_method or "",
        total=total if total is not None else Decimal(0),
        items=tuple(item for item in items if item is not None),
        carrier=carrier,
        tracking_code=tracking_code,
        city=city,
        on_sale=on_sale,
        **moments,
    )


def parse_lines(lines: Iterable[str]) -> list[OrderRecord]:
    """Validates every line of a JSON Lines file; raises `OrderImportError` listing all problems."""
    records: list[OrderRecord] = []
    problems: list[str] = []
    seen: dict[tuple[str, str], int] = {}
    for number, text in enumerate(lines, start=1):
        if number == 1:
            text = text.lstrip("\ufeff")
        if not text.strip():
            continue
        line = _Line(number)
        record = _parse_record(line, text)
        if record is not None:
            key = (record.store, repository.order_key(record.order_id))
            if key in seen:
                line.problem("order_id", f"{record.store} order {record.order_id!r} is already on line {seen[key]}")
            else:
                seen[key] = number
                records.append(record)
        problems.extend(line.problems)
    if problems:
        raise OrderImportError(problems)
    return records


def record_to_json(record: OrderRecord) -> dict[str, Any]:
    """The import-format object for a record (what `parse_lines` reads back)."""

    def moment(value: Optional[datetime]) -> Optional[str]:
        return value.isoformat() if value is not None else None

    def number(value: Decimal) -> Any:
        return int(value) if value == value.to_integral_value() else float(value)

    return {
        "store": record.store,
        "order_id": record.order_id,
        "phone": record.phone,
        "status": record.status,
        "placed_at": moment(record.placed_at),
        "shipped_at": moment(record.shipped_at),
        "delivered_at": moment(record.delivered_at),
        "carrier": record.carrier,
        "tracking_code": record.tracking_code,
        "payment_method": record.payment_method,
        "total": number(record.total),
        "city": record.city,
        "on_sale": record.on_sale,
        "items": [
            {
                "sku": item.sku,
                "name": item.name,
                "category": item.category,
                "price": number(item.price),
                "quantity": item.quantity,
                "serial_number": item.serial_number,
                "gift": item.gift,
                "large": item.large,
                "hygiene": item.hygiene,
                "needs_testing": item.needs_testing,
            }
            for item in record.items
        ],
    }


def _fill(order: Order, record: OrderRecord, source: str) -> None:
    """Copies a record onto an order row, items included."""
    order.order_id = record.order_id
    order.order_key = repository.order_key(record.order_id)
    order.phone = record.phone
    order.phone_digits = repository.phone_digits(record.phone)
    order.status = record.status
    order.placed_at = record.placed_at
    order.shipped_at = record.shipped_at
    order.delivered_at = record.delivered_at
    order.carrier = record.carrier
    order.tracking_code = record.tracking_code
    order.payment_method = record.payment_method
    order.total = record.total
    order.city = record.city
    order.on_sale = record.on_sale
    order.source = source
    order.items.extend(
        Item(
            position=position,
            sku=item.sku,
            name=item.name,
            category=item.category,
            price=item.price,
            quantity=item.quantity,
            serial_number=item.serial_number,
            gift=item.gift,
            large=item.large,
            hygiene=item.hygiene,
            needs_testing=item.needs_testing,
        )
        for position, item in enumerate(record.items)
    )


def import_orders(session: Session, records: Iterable[OrderRecord], source: str = "import") -> ImportSummary:
    """Creates or updates (by store and order_id) every record, items replaced; commits once.

    All or nothing: any error rolls the whole import back and is raised again.
    """
    if source not in SOURCES:
        raise ValueError(f"source must be one of {', '.join(SOURCES)}")
    records = list(records)
    keys: dict[str, list[str]] = {}
    for record in records:
        keys.setdefault(record.store, []).append(repository.order_key(record.order_id))
    created = updated = 0
    try:
        existing = {store: repository.orders_by_key(session, store, store_keys) for store, store_keys in keys.items()}
        for record in records:
            key = repository.order_key(record.order_id)
            order = existing[record.store].get(key)
            if order is None:
                order = Order(store=record.store)
                session.add(order)
                existing[record.store][key] = order
                created += 1
            else:
                order.items.clear()
                session.flush()  # old items go before new ones take their positions
                updated += 1
            _fill(order, record, source)
        session.commit()
    except BaseException:
        session.rollback()
        raise
    return ImportSummary(created=created, updated=updated)
