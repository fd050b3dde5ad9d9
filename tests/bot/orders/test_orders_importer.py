import json
import re
import shutil
from datetime import datetime, timedelta, timezone
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from order_samples import ONE_PER_STORE, SPEC_EXAMPLE, jsonl, order_json
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from bot.orders import importer
from bot.orders.demo import demo_records
from bot.orders.importer import (
    ItemRecord,
    OrderImportError,
    OrderRecord,
    import_orders,
    parse_lines,
    parse_moment,
    record_to_json,
)
from bot.orders.models import Item, Order
from bot.orders.repository import find_order
from bot.stores.policy import POLICY_DIR, load_policies, policies

TEHRAN = timezone(timedelta(hours=3, minutes=30))


def count(session: Session, model: Any) -> int:
    return session.scalar(select(func.count()).select_from(model)) or 0


def problems_of(lines: list[str]) -> list[str]:
    with pytest.raises(OrderImportError) as caught:
        parse_lines(lines)
    assert str(caught.value) == "\n".join(caught.value.problems)
    return caught.value.problems


def item(**changes: Any) -> list[dict[str, Any]]:
    return [{**SPEC_EXAMPLE["items"][0], **changes}]


# --- good files ------------------------------------------------------------------


def test_the_spec_example_and_one_order_per_store_import(session: Session) -> None:
    records = parse_lines(jsonl(SPEC_EXAMPLE, *ONE_PER_STORE))
    summary = import_orders(session, records)
    assert (summary.created, summary.updated, summary.total) == (5, 0, 5)

    with Session(session.get_bind()) as fresh:
        order = find_order(fresh, "offykala", "58120")
        assert order is not None
        assert (order.phone, order.phone_digits, order.status, order.source) == (
            "09121234567", "09121234567", "delivered", "import",
        )
        assert order.placed_at == datetime(2026, 11, 2, 10, 15, tzinfo=TEHRAN)
        assert order.shipped_at == datetime(2026, 11, 3, 9, 0, tzinfo=TEHRAN)
        assert order.delivered_at == datetime(2026, 11, 5, 17, 40, tzinfo=TEHRAN)
        assert order.delivered_at is not None and order.delivered_at.utcoffset() == timedelta(0)
        assert (order.carrier, order.tracking_code, order.payment_method) == (
            "post", "123456789012345678901234", "online",
        )
        assert order.total == Decimal("18500000") and order.city == "Tehran" and order.on_sale is False
        [printer] = order.items
        assert (printer.position, printer.sku, printer.name, printer.category) == (
            0, "HP-M236", "HP LaserJet M236", "printer",
        )
        assert (printer.price, printer.quantity, printer.serial_number) == (Decimal("18500000"), 1, "CN12345678")
        assert (printer.gift, printer.large, printer.hygiene, printer.needs_testing) == (False, True, False, True)
        assert {store for (store,) in fresh.execute(select(Order.store))} == {
            order["store"] for order in (SPEC_EXAMPLE, *ONE_PER_STORE)
        }


def test_every_corner_of_the_good_lines_is_kept(session: Session) -> None:
    import_orders(session, parse_lines(jsonl(*ONE_PER_STORE)))
    with Session(session.get_bind()) as fresh:
        sitra = find_order(fresh, "sitra", "SR-77001")
        assert sitra is not None
        assert sitra.phone == "۰۹۱۲ ۱۱۱ ۲۲۳۳" and sitra.phone_digits == "09121112233"
        assert sitra.placed_at == datetime(2026, 11, 20, 8, 5, 10, 500000, tzinfo=TEHRAN)
        assert sitra.shipped_at is None and sitra.city is None and sitra.on_sale is False  # missing boolean
        assert [i.name for i in sitra.items] == ["ماهیتابه تفال ۲۸ سانتی‌متر", "مخلوط‌کن پارس خزر"]
        assert [i.gift for i in sitra.items] == [False, False]

        tisa = find_order(fresh, "tisa", "ts-1042")
        assert tisa is not None and tisa.on_sale is True
        assert tisa.shipped_at == datetime(2026, 11, 19, 9, 30, tzinfo=timezone.utc)
        assert all(i.hygiene for i in tisa.items)

        chistatek = find_order(fresh, "chistatek", "CK-3003")
        assert chistatek is not None and chistatek.order_id == "ck-3003"  # kept as given
        assert chistatek.carrier == "Chistatek express"

        citadel = find_order(fresh, "citadel", "CT-2006")
        assert citadel is not None and citadel.phone_digits == "995599125506"
        assert citadel.total == Decimal("149.90")
        assert [(i.price, i.quantity) for i in citadel.items] == [(Decimal("119.90"), 1), (Decimal("15.00"), 2)]
        assert citadel.placed_at == datetime(2026, 10, 1, 8, 0, tzinfo=timezone.utc)


@pytest.mark.parametrize("store", sorted(policies()))
def test_every_store_with_a_policy_file_is_accepted(store: str) -> None:
    [record] = parse_lines(jsonl(order_json(store=store)))
    assert record.store == store


def test_a_new_policy_file_is_enough_for_its_orders_to_import(
    session: Session, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    for path in POLICY_DIR.glob("*.yml"):
        shutil.copy(path, tmp_path)
    sitra = (POLICY_DIR / "sitra.yml").read_text(encoding="utf-8")
    (tmp_path / "tazeh.yml").write_text(re.sub(r"^id: sitra$", "id: tazeh", sitra, flags=re.M), encoding="utf-8")
    lines = jsonl(order_json(store="tazeh"))
    assert problems_of(lines) == [f"line 1: field 'store': 'tazeh' is not one of {', '.join(policies())}"]

    monkeypatch.setattr(importer, "policies", lambda: load_policies(tmp_path))
    import_orders(session, parse_lines(lines))
    with Session(session.get_bind()) as fresh:
        order = find_order(fresh, "tazeh", "58120")
        assert order is not None and order.store == "tazeh"


def test_blank_lines_and_a_byte_order_mark_are_fine() -> None:
    lines = ["\ufeff" + jsonl(SPEC_EXAMPLE)[0], "", "   ", *jsonl(ONE_PER_STORE[0]), "\n"]
    assert [r.order_id for r in parse_lines(lines)] == ["58120", "SR-77001"]


def test_an_empty_file_imports_nothing(session: Session) -> None:
    assert parse_lines(["", "  "]) == []
    assert import_orders(session, []).total == 0


def test_persian_digits_in_an_order_id_become_ascii() -> None:
    [record] = parse_lines(jsonl(order_json(order_id="۵۸۱۲۰")))
    assert record.order_id == "58120"


@pytest.mark.parametrize(
    "text, expected",
    [
        ("2026-11-02T10:15:00+03:30", datetime(2026, 11, 2, 10, 15, tzinfo=TEHRAN)),
        ("2026-11-02T10:15+03:30", datetime(2026, 11, 2, 10, 15, tzinfo=TEHRAN)),
        ("2026-11-02 10:15:00+0330", datetime(2026, 11, 2, 10, 15, tzinfo=TEHRAN)),
        ("2026-11-02T06:45:00Z", datetime(2026, 11, 2, 6, 45, tzinfo=timezone.utc)),
        ("2026-11-02T06:45:00.123456789z", datetime(2026, 11, 2, 6, 45, 0, 123456, tzinfo=timezone.utc)),
        ("2026-11-02T10:45:00+04", datetime(2026, 11, 2, 10, 45, tzinfo=timezone(timedelta(hours=4)))),
        ("2026-11-02T10:15:00", None),  # no offset
        ("2026-11-02", None),
        ("2026-13-02T10:15:00+03:30", None),
        ("02/11/2026 10:15 +03:30", None),
        ("", None),
    ],
)
def test_parse_moment_needs_an_offset(text: str, expected: datetime | None) -> None:
    assert parse_moment(text) == expected


# --- bad lines ---------------------------------------------------------------------

BAD_LINES = [
    # (what, line 2 of the file, a problem that must be reported)
    ("bad JSON", '{"store": "offykala", "order_id": ', "line 2: not valid JSON"),
    ("NaN is not JSON", json.dumps(SPEC_EXAMPLE).replace("18500000,", "NaN,", 1), "line 2: not valid JSON"),
    ("not an object", "[1, 2, 3]", "line 2: must be a JSON object (one order), not a list"),
    ("missing field", order_json(phone=...), "line 2: field 'phone': missing"),
    ("missing store", order_json(store=...), "line 2: field 'store': missing"),
    ("missing total", order_json(total=...), "line 2: field 'total': missing"),
    ("null for a required field", order_json(status=None), "line 2: field 'status': must be a string, not null"),
    ("wrong type", order_json(total="18500000"), "line 2: field 'total': must be a number, not a string"),
    ("boolean as number", order_json(total=True), "line 2: field 'total': must be a number, not a boolean"),
    ("wrong type bool", order_json(on_sale="no"), "line 2: field 'on_sale': must be true or false, not a string"),
    ("wrong type string", order_json(city=12), "line 2: field 'city': must be a string or null, not a number"),
    ("unknown field", order_json(colour="red"), "line 2: field 'colour': unknown field"),
    ("misspelt field", order_json(deliverd_at="2026-11-05T17:40:00+03:30"), "line 2: field 'deliverd_at': unknown"),
    ("repeated field", json.dumps(SPEC_EXAMPLE)[:-1] + ', "status": "shipped"}', "line 2: field 'status': appears"),
    ("bad store", order_json(store="amazon"), f"line 2: field 'store': 'amazon' is not one of {', '.join(policies())}"),
    ("store in capitals", order_json(store="Tisa"), "line 2: field 'store': 'Tisa' is not one of"),
    ("bad status", order_json(status="sent"), "line 2: field 'status': 'sent' is not one of processing, shipped,"),
    ("bad payment", order_json(payment_method="paypal"), "line 2: field 'payment_method': 'paypal' is not one of"),
    ("order_id too short", order_json(order_id="58"), "line 2: field 'order_id': must be 3–32 characters long"),
    ("order_id too long", order_json(order_id="A" * 33), "line 2: field 'order_id': must be 3–32 characters long"),
    ("order_id with space", order_json(order_id="58 120"), "line 2: field 'order_id': '58 120' may contain only"),
    ("order_id with slash", order_json(order_id="58/120"), "line 2: field 'order_id': '58/120' may contain only"),
    ("order_id a number", order_json(order_id=58120), "line 2: field 'order_id': must be a string, not a number"),
    ("phone with letters", order_json(phone="call me"), "line 2: field 'phone': may contain only digits"),
    ("phone too short", order_json(phone="4567"), "line 2: field 'phone': must have 7–15 digits, not 4"),
    ("date without offset", order_json(placed_at="2026-11-02T10:15:00"), "line 2: field 'placed_at': '2026-11-02T10"),
    ("date only", order_json(delivered_at="2026-11-05"), "line 2: field 'delivered_at': '2026-11-05' is not an ISO"),
    ("date as a number", order_json(shipped_at=1762000000), "line 2: field 'shipped_at': must be an ISO 8601 date"),
    ("impossible date", order_json(placed_at="2026-02-30T10:00:00+03:30"), "line 2: field 'placed_at': "),
    ("negative total", order_json(total=-1), "line 2: field 'total': must not be negative"),
    ("fractions of a cent", order_json(total=1.005), "line 2: field 'total': must have at most two decimal places"),
    ("empty items", order_json(items=[]), "line 2: field 'items': must hold at least one item"),
    ("missing items", order_json(items=...), "line 2: field 'items': missing"),
    ("items not a list", order_json(items={"sku": "X"}), "line 2: field 'items': must be a list, not an object"),
    ("item not an object", order_json(items=["HP-M236"]), "line 2: field 'items[0]': must be an object, not a string"),
    ("item missing sku", order_json(items=[{k: v for k, v in item()[0].items() if k != "sku"}]),
     "line 2: field 'items[0].sku': missing"),
    ("item empty name", order_json(items=item(name=" ")), "line 2: field 'items[0].name': must not be empty"),
    ("item price text", order_json(items=item(price="cheap")), "line 2: field 'items[0].price': must be a number"),
    ("item price negative", order_json(items=item(price=-5)), "line 2: field 'items[0].price': must not be negative"),
    ("item quantity 0", order_json(items=item(quantity=0)), "line 2: field 'items[0].quantity': must be between 1"),
    ("item quantity 1.5", order_json(items=item(quantity=1.5)), "line 2: field 'items[0].quantity': must be a whole"),
    ("item serial number", order_json(items=item(serial_number=123)), "line 2: field 'items[0].serial_number': must be a string or null"),
    ("item gift text", order_json(items=item(gift="yes")), "line 2: field 'items[0].gift': must be true or false"),
    ("item flag null", order_json(items=item(large=None)), "line 2: field 'items[0].large': must be true or false"),
    ("item unknown field", order_json(items=item(colour="red")), "line 2: field 'items[0].colour': unknown field"),
    ("second item bad", order_json(items=item() + [{**item()[0], "quantity": "2"}]), "line 2: field 'items[1].quantity': must be a whole"),
    ("huge quantity", json.dumps(SPEC_EXAMPLE).replace('"quantity": 1', '"quantity": 1e999999999'),
     "line 2: field 'items[0].quantity': must be between 1"),
    ("NUL in a name", order_json(items=item(name="HP\x00")), "line 2: field 'items[0].name': must not contain NUL"),
    ("long tracking code", order_json(tracking_code="9" * 65), "line 2: field 'tracking_code': longer than 64"),
]


@pytest.mark.parametrize("what, bad, expected", BAD_LINES, ids=[case[0] for case in BAD_LINES])
def test_a_bad_line_names_its_line_and_field_and_nothing_is_written(
    session: Session, what: str, bad: Any, expected: str
) -> None:
    import_orders(session, parse_lines(jsonl(ONE_PER_STORE[0])))  # already in the database
    changed_sitra = {**ONE_PER_STORE[0], "status": "cancelled"}
    bad_line = bad if isinstance(bad, str) else json.dumps(bad, ensure_ascii=False)
    lines = [*jsonl(changed_sitra), bad_line, *jsonl(ONE_PER_STORE[1])]

    problems = problems_of(lines)

    assert any(problem.startswith(expected) for problem in problems), problems
    assert all(problem.startswith("line 2: ") for problem in problems), problems
    with Session(session.get_bind()) as fresh:
        assert count(fresh, Order) == 1 and count(fresh, Item) == 2
        sitra = find_order(fresh, "sitra", "SR-77001")
        assert sitra is not None and sitra.status == "processing"


NAUGHTY_LINES = [
    "null", "0", '""', "{}", "[]", '{"items": [{}]}', '{"store": {"$ne": null}}', "[" * 100_000,
    '{"order_id": "\\ud800"}', "\u202e\u0000", "' OR 1=1 --", '{"total": 1e400}', '{"total": -0.0}',
    json.dumps(order_json(order_id="🎁🎁🎁")), json.dumps(order_json(phone="٠٩١٢‐١٢٣‐٤٥٦٧")),
]


@pytest.mark.parametrize("line", NAUGHTY_LINES)
def test_naughty_lines_are_reported_not_crashed_on(line: str) -> None:
    problems = problems_of([line])
    assert problems and all(problem.startswith("line 1: ") for problem in problems)


def test_every_problem_of_every_line_is_reported() -> None:
    lines = [
        *jsonl(SPEC_EXAMPLE),
        json.dumps(order_json(order_id="T1", store="tisa", status="lost", colour="red")),
        "",
        "not json",
        json.dumps(order_json(order_id="TS-2", store="tisa", items=item(price=-1, quantity=0))),
    ]
    problems = problems_of(lines)
    assert problems == [
        "line 2: field 'colour': unknown field",
        "line 2: field 'order_id': must be 3–32 characters long, not 2",
        "line 2: field 'status': 'lost' is not one of processing, shipped, delivered, cancelled, returned",
        problems[3],
        "line 5: field 'items[0].price': must not be negative",
        "line 5: field 'items[0].quantity': must be between 1 and 100,000",
    ]
    assert problems[3].startswith("line 4: not valid JSON")


def test_the_same_order_twice_in_one_file_is_an_error() -> None:
    lines = jsonl(SPEC_EXAMPLE, ONE_PER_STORE[0], order_json(status="returned"))
    assert problems_of(lines) == ["line 3: field 'order_id': offykala order '58120' is already on line 1"]
    other_case = jsonl(ONE_PER_STORE[2], {**ONE_PER_STORE[2], "order_id": "CK-3003"})
    assert problems_of(other_case) == ["line 2: field 'order_id': chistatek order 'CK-3003' is already on line 1"]
    assert len(parse_lines(jsonl(SPEC_EXAMPLE, order_json(store="sitra")))) == 2  # other store, other order


# --- updates -------------------------------------------------------------------------


def test_importing_again_updates_in_place_and_replaces_items(session: Session) -> None:
    first = import_orders(session, parse_lines(jsonl(SPEC_EXAMPLE, *ONE_PER_STORE)))
    again = import_orders(session, parse_lines(jsonl(SPEC_EXAMPLE, *ONE_PER_STORE)))
    assert (first.created, first.updated) == (5, 0)
    assert (again.created, again.updated) == (0, 5)
    assert count(session, Order) == 5
    assert count(session, Item) == 9

    changed = order_json(
        order_id="58120",
        status="returned",
        tracking_code=None,
        on_sale=True,
        items=[
            {"sku": "OK-A4-500", "name": "A4 paper", "category": "paper", "price": 0, "quantity": 3, "gift": True},
            {**SPEC_EXAMPLE["items"][0], "serial_number": "CN99999999"},
        ],
    )
    summary = import_orders(session, parse_lines(jsonl(changed)))
    assert (summary.created, summary.updated) == (0, 1)

    with Session(session.get_bind()) as fresh:
        assert count(fresh, Order) == 5
        assert count(fresh, Item) == 10  # the printer order now has two items
        order = find_order(fresh, "offykala", "58120")
        assert order is not None
        assert (order.status, order.tracking_code, order.on_sale) == ("returned", None, True)
        assert [(i.position, i.sku, i.quantity, i.gift) for i in order.items] == [
            (0, "OK-A4-500", 3, True),
            (1, "HP-M236", 1, False),
        ]
        assert order.items[1].serial_number == "CN99999999"


def test_an_order_id_in_other_letters_case_updates_the_same_order(session: Session) -> None:
    import_orders(session, parse_lines(jsonl(ONE_PER_STORE[2])))  # "ck-3003"
    summary = import_orders(session, parse_lines(jsonl({**ONE_PER_STORE[2], "order_id": "CK-3003"})))
    assert (summary.created, summary.updated) == (0, 1)
    assert [order_id for (order_id,) in session.execute(select(Order.order_id))] == ["CK-3003"]


def test_an_import_is_one_transaction(session: Session) -> None:
    import_orders(session, parse_lines(jsonl(SPEC_EXAMPLE)))
    good = parse_lines(jsonl(order_json(status="returned"), ONE_PER_STORE[0]))
    naive = OrderRecord(
        store="tisa",
        order_id="TS-9",
        phone="09350000000",
        status="processing",
        payment_method="online",
        total=Decimal(1),
        items=(ItemRecord(sku="X", name="X", category="x", price=Decimal(1), quantity=1),),
        placed_at=datetime(2026, 11, 2, 10, 15),  # no zone: refused when written
    )
    with pytest.raises(Exception):
        import_orders(session, [*good, naive])
    with Session(session.get_bind()) as fresh:
        assert count(fresh, Order) == 1
        order = find_order(fresh, "offykala", "58120")
        assert order is not None and order.status == "delivered"


def test_source_must_be_known(session: Session) -> None:
    with pytest.raises(ValueError):
        import_orders(session, [], source="excel")


def test_the_demo_set_is_valid_import_data() -> None:
    now = datetime(2026, 11, 20, 8, 0, tzinfo=timezone.utc)
    records = demo_records(now)
    lines = [json.dumps(record_to_json(record), ensure_ascii=False) for record in records]
    assert parse_lines(lines) == records


def test_an_order_number_typed_by_ear_on_a_russian_keyboard_is_found(session: Session) -> None:
    import_orders(session, parse_lines(jsonl(*ONE_PER_STORE)))
    with Session(session.get_bind()) as fresh:  # "СР-77001": Cyrillic С and Р, read by eye as CP, said as SR
        assert find_order(fresh, "sitra", "CP-77001") is find_order(fresh, "sitra", "SR-77001") is not None
        assert find_order(fresh, "sitra", "CP-77002") is None
