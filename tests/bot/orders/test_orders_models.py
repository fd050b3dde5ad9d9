from datetime import datetime, timedelta, timezone
from decimal import Decimal
from pathlib import Path

import pytest
from sqlalchemy import inspect, select, text
from sqlalchemy.engine import Engine
from sqlalchemy.exc import StatementError
from sqlalchemy.orm import Session

from bot.orders import db
from bot.orders.db import create_schema, database_url, make_engine
from bot.orders.models import Item, Order

TEHRAN = timezone(timedelta(hours=3, minutes=30))
TBILISI = timezone(timedelta(hours=4))


def make_order(**changes: object) -> Order:
    values: dict[str, object] = {
        "store": "citadel",
        "order_id": "CT-1",
        "order_key": "ct-1",
        "phone": "555123456",
        "phone_digits": "555123456",
        "status": "delivered",
        "payment_method": "online",
        "total": Decimal("149.90"),
        "source": "import",
        **changes,
    }
    order = Order(**values)
    order.items.append(Item(position=0, sku="X", name="Чайник", category="kettle", price=Decimal("85"), quantity=1))
    return order


def test_aware_datetimes_round_trip(engine: Engine) -> None:
    placed = datetime(2026, 11, 2, 10, 15, 30, 250000, tzinfo=TEHRAN)
    delivered = datetime(2026, 11, 5, 23, 59, tzinfo=TBILISI)  # next day in UTC
    with Session(engine) as session:
        session.add(make_order(placed_at=placed, delivered_at=delivered))
        session.commit()
    with Session(engine) as session:
        order = session.scalars(select(Order)).one()
        assert order.placed_at == placed and order.delivered_at == delivered
        assert order.shipped_at is None
        for moment in (order.placed_at, order.delivered_at):
            assert moment is not None and moment.tzinfo is not None and moment.utcoffset() == timedelta(0)
        assert order.delivered_at == datetime(2026, 11, 5, 19, 59, tzinfo=timezone.utc)
        # comparisons in SQL use the same UTC values
        later = select(Order.id).where(Order.delivered_at > datetime(2026, 11, 5, 23, 0, tzinfo=TEHRAN))
        assert session.scalars(later).all() == [order.id]


def test_naive_datetimes_are_refused(engine: Engine) -> None:
    with Session(engine) as session:
        session.add(make_order(placed_at=datetime(2026, 11, 2, 10, 15)))
        with pytest.raises(StatementError):
            session.commit()


def test_money_comes_back_as_exact_decimals(engine: Engine) -> None:
    with Session(engine) as session:
        session.add(make_order(total=Decimal("999999999999.99")))
        session.add(make_order(order_id="CT-2", order_key="ct-2", total=Decimal("0.1") + Decimal("0.2")))
        session.commit()
    with Session(engine) as session:
        totals = session.scalars(select(Order.total).order_by(Order.id)).all()
        assert totals == [Decimal("999999999999.99"), Decimal("0.30")]
        assert all(isinstance(total, Decimal) for total in totals)
        assert session.scalars(select(Item.price)).all() == [Decimal("85.00")] * 2


def test_store_and_order_id_are_unique(engine: Engine) -> None:
    with Session(engine) as session:
        session.add(make_order())
        session.add(make_order(order_id="CT-1"))
        with pytest.raises(Exception):
            session.commit()


def test_create_schema_is_idempotent(engine: Engine) -> None:
    create_schema(engine)
    create_schema(engine)
    assert {"orders", "order_items", "return_requests", "verification_attempts"} <= set(
        inspect(engine).get_table_names()
    )


def test_database_url_prefers_the_environment(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("DATABASE_URL", "postgresql+psycopg2://u:p@127.0.0.1:5/x")
    assert database_url() == "postgresql+psycopg2://u:p@127.0.0.1:5/x"
    monkeypatch.delenv("DATABASE_URL")
    monkeypatch.setattr(db, "PROJECT_ROOT", tmp_path)
    assert database_url() == f"sqlite:///{tmp_path / 'var' / 'orders.db'}"
    assert (tmp_path / "var").is_dir()


def test_sqlite_engines_enforce_foreign_keys(tmp_path: Path) -> None:
    engine = make_engine(f"sqlite:///{tmp_path / 'fk.db'}")
    with engine.connect() as connection:
        assert connection.execute(text("PRAGMA foreign_keys")).scalar() == 1
    engine.dispose()


def test_importing_the_package_touches_no_database() -> None:
    import bot.orders.demo
    import bot.orders.importer
    import bot.orders.repository  # noqa: F401

    assert not hasattr(db, "engine")
