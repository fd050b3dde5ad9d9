import re
from collections import Counter
from datetime import datetime, timedelta, timezone
from decimal import Decimal

import pytest
from order_samples import ONE_PER_STORE, jsonl
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from bot.orders import demo
from bot.orders.demo import demo_records, load_demo
from bot.orders.importer import OrderRecord, import_orders, parse_lines
from bot.orders.models import Order
from bot.orders.repository import find_order, verify_order
from bot.stores.policy import policies

NOW = datetime(2026, 11, 20, 8, 0, tzinfo=timezone.utc)
# Odd moments: just after and before midnight in Tehran, a leap day, New Year's Eve in Tbilisi.
NOWS = [
    NOW,
    datetime(2026, 11, 19, 20, 35, tzinfo=timezone.utc),  # 00:05 in Tehran
    datetime(2026, 11, 20, 20, 25, tzinfo=timezone.utc),  # 23:55 in Tehran
    datetime(2028, 2, 29, 12, 0, tzinfo=timezone.utc),
    datetime(2026, 12, 31, 19, 59, tzinfo=timezone.utc),
]


def by_store(records: list[OrderRecord]) -> dict[str, list[OrderRecord]]:
    stores: dict[str, list[OrderRecord]] = {}
    for record in records:
        stores.setdefault(record.store, []).append(record)
    return stores


def days_ago(moment: datetime | None, now: datetime) -> float:
    assert moment is not None
    return (now - moment) / timedelta(days=1)


def test_every_store_has_the_statuses_a_demo_needs() -> None:
    stores = by_store(demo_records(NOW))
    assert set(stores) <= set(policies())  # demo orders only for stores that have a policy file
    for store, records in stores.items():
        assert 5 <= len(records) <= 7, store
        statuses = Counter(record.status for record in records)
        assert {"processing", "shipped", "delivered", "cancelled"} <= set(statuses), store
        shipped = [r for r in records if r.status == "shipped"]
        assert all(r.carrier and r.tracking_code and r.shipped_at and not r.delivered_at for r in shipped), store
        delivered = [days_ago(r.delivered_at, NOW) for r in records if r.status == "delivered"]
        assert any(d <= 3 for d in delivered) and any(d >= 10 for d in delivered), (store, delivered)
        for record in records:
            assert record.placed_at is not None and record.placed_at <= NOW
            assert record.total == sum(item.price * item.quantity for item in record.items)
            assert record.items


@pytest.mark.parametrize("now", NOWS)
def test_dates_are_relative_to_now(now: datetime) -> None:
    for record in demo_records(now):
        moments = [m for m in (record.placed_at, record.shipped_at, record.delivered_at) if m is not None]
        assert moments == sorted(moments), record.order_id
        assert all(m.utcoffset() is not None and m <= now for m in moments), record.order_id
        if record.status in ("shipped", "delivered", "returned"):
            assert record.shipped_at is not None
        if record.status == "delivered":
            assert record.delivered_at is not None
            local_today = now.astimezone(record.delivered_at.tzinfo).date()
            calendar_days = (local_today - record.delivered_at.date()).days
            assert calendar_days in (2, 3, 12), (record.order_id, calendar_days)


def test_order_ids_and_phones_are_fixed_and_unique() -> None:
    first, second = demo_records(NOW), demo_records(NOW + timedelta(days=40))
    assert [(r.store, r.order_id, r.phone) for r in first] == [(r.store, r.order_id, r.phone) for r in second]
    assert len({(r.store, r.order_id) for r in first}) == len(first)
    assert len({r.phone for r in first}) == len(first)
    for record in first:
        if record.store == "citadel":
            assert re.fullmatch(r"5\d{8}", record.phone), record.phone
        else:
            assert re.fullmatch(r"09\d{9}", record.phone), record.phone


def test_items_fit_their_store() -> None:
    stores = by_store(demo_records(NOW))
    tisa_items = [item for record in stores["tisa"] for item in record.items]
    assert all(item.hygiene for item in tisa_items)
    assert [r.on_sale for r in stores["tisa"]].count(True) == 1
    offykala_items = [item for record in stores["offykala"] for item in record.items]
    assert any(item.large and item.needs_testing and item.serial_number for item in offykala_items)
    assert any(item.gift and item.price == 0 for item in offykala_items)
    assert any(not item.large for item in offykala_items)
    chistatek_items = [item for record in stores["chistatek"] for item in record.items]
    assert sum(1 for item in chistatek_items if item.serial_number) >= 4
    assert {85, 320, 640} <= {int(r.total) for r in stores["citadel"]}
    payment_methods = {r.payment_method for r in demo_records(NOW)}
    assert payment_methods == {"online", "cod", "card_to_card", "installment"}
    assert find_spec_example(stores["offykala"]).items[0].sku == "HP-M236"


def find_spec_example(records: list[OrderRecord]) -> OrderRecord:
    [record] = [r for r in records if r.order_id == "58120"]
    assert record.phone == "09121234567" and record.tracking_code == "123456789012345678901234"
    return record


def test_the_docstring_table_lists_every_demo_order() -> None:
    table = demo.__doc__ or ""
    records = demo_records(NOW)
    for record in records:
        row = re.search(rf"^\| {record.store} +\| {record.order_id} +\| {record.phone} +\|(.*)$", table, re.M)
        assert row is not None, record.order_id
        status, payment, total = (cell.strip() for cell in row.group(1).split("|")[:3])
        assert status.startswith(record.status), (record.order_id, status)
        assert payment == record.payment_method, record.order_id
        assert Decimal(total.split()[0].replace(",", "")) == record.total, record.order_id
    stores = "|".join({record.store for record in records})
    assert len(re.findall(rf"^\| (?:{stores}) ", table, re.M)) == len(records)


def test_demo_dates_need_an_aware_now() -> None:
    with pytest.raises(ValueError):
        demo_records(datetime(2026, 11, 20, 8, 0))


def count_orders(session: Session, store: str | None = None) -> int:
    query = select(func.count()).select_from(Order)
    if store is not None:
        query = query.where(Order.store == store)
    return session.scalar(query) or 0


def test_load_demo_loads_every_store_once(session: Session) -> None:
    assert load_demo(session, NOW) == len(demo_records(NOW))
    assert load_demo(session, NOW) == 0
    assert load_demo(session, NOW + timedelta(days=3)) == 0
    with Session(session.get_bind()) as fresh:
        assert count_orders(fresh) == len(demo_records(NOW))
        assert {source for (source,) in fresh.execute(select(Order.source))} == {"demo"}
        order = find_order(fresh, "offykala", "58120")
        assert order is not None and order.delivered_at is not None
        assert [item.sku for item in order.items] == ["HP-M236", "OK-A4-500"]
        result = verify_order(fresh, "demo-user", "offykala", "58120", "4567", NOW)
        assert result.status == "ok"


def test_load_demo_leaves_stores_with_orders_alone(session: Session) -> None:
    import_orders(session, parse_lines(jsonl(ONE_PER_STORE[1])))  # tisa's own TS-1042
    loaded = load_demo(session, NOW)
    tisa_demo = sum(1 for record in demo_records(NOW) if record.store == "tisa")
    assert loaded == len(demo_records(NOW)) - tisa_demo
    with Session(session.get_bind()) as fresh:
        assert count_orders(fresh, "tisa") == 1
        tisa = find_order(fresh, "tisa", "TS-1042")
        assert tisa is not None and tisa.source == "import" and tisa.phone == "+98 935 222 2202"
        assert tisa.items[0].name == "La Roche-Posay Effaclar 400 ml"
        assert find_order(fresh, "tisa", "TS-1041") is None
        assert count_orders(fresh, "sitra") == 6
