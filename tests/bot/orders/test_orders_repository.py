import logging
import os
import re
import subprocess
import sys
from datetime import datetime, timedelta, timezone
from decimal import Decimal
from pathlib import Path

import pytest
from order_samples import ONE_PER_STORE, SPEC_EXAMPLE, jsonl, order_json
from sqlalchemy import inspect, select, text
from sqlalchemy.orm import Session

from bot.orders.importer import import_orders, parse_lines
from bot.orders.models import Order, ReturnRequest, VerificationAttempt
from bot.orders.db import create_schema, make_engine
from bot.orders.repository import (
    CLIENT_LOCKOUT,
    MAX_FAILURES,
    ORDER_LOCKOUT,
    VerifyResult,
    create_return_request,
    find_order,
    fits_store_format,
    in_store_format,
    mask_phone,
    phone_digits,
    phone_matches,
    verify_order,
)
from bot.settings import ConfigError

NOW = datetime(2026, 11, 20, 8, 0, tzinfo=timezone.utc)


def order_with_phone(phone: str) -> Order:
    return Order(phone=phone, phone_digits=phone_digits(phone))


@pytest.mark.parametrize(
    "stored, given, matches",
    [
        # Iranian mobile, every common spelling
        ("09121234567", "09121234567", True),
        ("09121234567", "0912 123 4567", True),
        ("09121234567", "0912-123-45-67", True),
        ("09121234567", "(0912) 123 4567", True),
        ("09121234567", "+989121234567", True),
        ("09121234567", "+98 912 123 4567", True),
        ("09121234567", "989121234567", True),
        ("09121234567", "00989121234567", True),
        ("09121234567", "9121234567", True),
        ("09121234567", "۰۹۱۲۱۲۳۴۵۶۷", True),  # Persian digits
        ("09121234567", "٠٩١٢١٢٣٤٥٦٧", True),  # Arabic-Indic digits
        ("09121234567", "+۹۸ ۹۱۲ ۱۲۳ ۴۵۶۷", True),
        ("+98 912 123 4567", "09121234567", True),  # the store's spelling differs from ours
        ("۰۹۱۲ ۱۲۳ ۴۵۶۷", "9121234567", True),
        # the last four digits
        ("09121234567", "4567", True),
        ("09121234567", "۴۵۶۷", True),
        ("09121234567", " 45-67 ", True),
        ("09121234567", "1234", False),
        ("09121234567", "567", False),
        ("09121234567", "34567", False),
        ("09121234567", "234567", False),
        # wrong numbers
        ("09121234567", "09121234568", False),
        ("09121234567", "0912123456", False),  # a digit short
        ("09121234567", "091212345678", False),  # a digit too many
        ("09121234567", "+79121234567", False),  # another country
        ("09121234567", "19121234567", False),
        ("09121234567", "", False),
        ("09121234567", "call me", False),
        # Georgian mobile
        ("555123456", "555123456", True),
        ("555123456", "555 12 34 56", True),
        ("555123456", "555-123-456", True),
        ("555123456", "+995555123456", True),
        ("555123456", "+995 555 12 34 56", True),
        ("555123456", "995555123456", True),
        ("555123456", "00995555123456", True),
        ("555123456", "3456", True),
        ("+995 555 12 34 56", "555123456", True),
        ("555123456", "555123457", False),
        ("555123456", "+98555123456", False),
        ("555123456", "55123456", False),
    ],
)
def test_phone_matches(stored: str, given: str, matches: bool) -> None:
    assert phone_matches(order_with_phone(stored), given) is matches


@pytest.mark.parametrize(
    "phone, masked",
    [
        ("09121234567", "*******4567"),
        ("۰۹۱۲ ۱۲۳ ۴۵۶۷", "*******4567"),
        ("+98 912 123 4567", "********4567"),
        ("555123456", "*****3456"),
        ("4567", "****"),
        ("", ""),
    ],
)
def test_mask_phone(phone: str, masked: str) -> None:
    assert mask_phone(phone) == masked


@pytest.fixture
def orders(session: Session) -> Session:
    import_orders(session, parse_lines(jsonl(SPEC_EXAMPLE, *ONE_PER_STORE)))
    return session


@pytest.mark.parametrize("typed", ["58120", " 58120 ", "۵۸۱۲۰", "٥٨١٢٠"])
def test_find_order_normalises_digits(orders: Session, typed: str) -> None:
    order = find_order(orders, "offykala", typed)
    assert order is not None and order.order_id == "58120"


@pytest.mark.parametrize("typed", ["CK-3003", "ck-3003", "Ck-۳۰۰۳"])
def test_find_order_ignores_case(orders: Session, typed: str) -> None:
    order = find_order(orders, "chistatek", typed)
    assert order is not None and order.order_id == "ck-3003"


def test_find_order_stays_in_its_store(orders: Session) -> None:
    assert find_order(orders, "sitra", "58120") is None
    assert find_order(orders, "offykala", "58121") is None
    assert find_order(orders, "offykala", "") is None


def test_verify_ok_gives_the_order(orders: Session) -> None:
    result = verify_order(orders, "web-1", "offykala", "58120", "+98 912 123 4567", NOW)
    assert result.status == "ok" and result.locked_until is None
    assert result.order is not None and result.order.order_id == "58120"
    assert result.attempts_left == MAX_FAILURES
    assert verify_order(orders, "web-1", "citadel", "ct-2006", "5506", NOW).status == "ok"


def test_a_wrong_pair_reveals_nothing(orders: Session) -> None:
    no_such_order = verify_order(orders, "web-1", "offykala", "99999", "09121234567", NOW)
    wrong_phone = verify_order(orders, "web-2", "offykala", "58120", "09121234568", NOW)
    other_store = verify_order(orders, "web-3", "sitra", "58120", "09121234567", NOW)
    expected = VerifyResult(status="mismatch", order=None, locked_until=None, attempts_left=MAX_FAILURES - 1)
    assert no_such_order == wrong_phone == other_store == expected


def test_every_attempt_is_recorded_without_the_phone(orders: Session) -> None:
    verify_order(orders, "web-1", "offykala", "58120", "09121234567", NOW)
    verify_order(orders, "web-1", "offykala", "58120", "09121230000", NOW + timedelta(seconds=1))
    verify_order(orders, "web-1", "tisa", "no-such", "09121230000", NOW + timedelta(seconds=2))
    orders.commit()
    with Session(orders.get_bind()) as fresh:
        attempts = fresh.scalars(select(VerificationAttempt).order_by(VerificationAttempt.id)).all()
        assert [(a.sender_id, a.store, a.order_id, a.success, a.locked) for a in attempts] == [
            ("web-1", "offykala", "58120", True, False),
            ("web-1", "offykala", "58120", False, False),
            ("web-1", "tisa", "no-such", False, False),
        ]
        assert attempts[0].created_at == NOW
        for attempt in attempts:
            assert "0912" not in repr(vars(attempt))


def test_logs_never_carry_a_full_phone(orders: Session, caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.DEBUG, logger="bot.orders"):
        verify_order(orders, "web-1", "offykala", "58120", "09121234567", NOW)
        verify_order(orders, "web-1", "offykala", "58120", "+98 912 123 0000", NOW)
    assert "*******4567" in caplog.text
    assert "09121234567" not in caplog.text and "9121230000" not in caplog.text
    assert "912 123" not in caplog.text


def fail(session: Session, sender: str, at: datetime) -> VerifyResult:
    return verify_order(session, sender, "offykala", "58120", "0000", at)


def test_five_failures_lock_the_sender_for_fifteen_minutes(orders: Session) -> None:
    results = [fail(orders, "web-1", NOW + timedelta(minutes=i)) for i in range(5)]
    fifth = NOW + timedelta(minutes=4)
    assert [r.status for r in results] == ["mismatch"] * 5
    assert [r.attempts_left for r in results] == [4, 3, 2, 1, 0]
    assert [r.locked_until for r in results] == [None] * 4 + [fifth + timedelta(minutes=15)]
    assert results[-1].lock_scope == "conversation"

    # locked: even the right pair is not looked up
    locked = verify_order(orders, "web-1", "offykala", "58120", "09121234567", fifth + timedelta(minutes=1))
    assert locked == VerifyResult("locked", None, fifth + timedelta(minutes=15), 0, "conversation")
    still = verify_order(orders, "web-1", "offykala", "58120", "09121234567", fifth + timedelta(minutes=14, seconds=59))
    assert still.status == "locked"

    # other senders are not affected
    assert verify_order(orders, "web-2", "offykala", "58120", "4567", fifth + timedelta(minutes=1)).status == "ok"

    # unlocked fifteen minutes after the fifth failure, with a fresh count
    after = verify_order(orders, "web-1", "offykala", "58120", "09121234567", fifth + timedelta(minutes=15))
    assert after.status == "ok" and after.attempts_left == MAX_FAILURES
    assert after.order is not None and after.order.order_id == "58120"

    attempts = orders.scalars(select(VerificationAttempt).where(VerificationAttempt.sender_id == "web-1")).all()
    assert [(a.success, a.locked) for a in attempts] == [(False, False)] * 5 + [(False, True)] * 2 + [(True, False)]


def test_tries_while_locked_do_not_extend_the_lock(orders: Session) -> None:
    for i in range(5):
        fail(orders, "web-1", NOW + timedelta(minutes=i))
    until = NOW + timedelta(minutes=19)
    for minute in (5, 10, 18):
        assert fail(orders, "web-1", NOW + timedelta(minutes=minute)) == VerifyResult("locked", None, until, 0,
                                                                                   "conversation")
    assert verify_order(orders, "web-1", "offykala", "58120", "4567", until).status == "ok"


def test_the_window_rolls(orders: Session) -> None:
    for minute in (0, 5, 10, 14):
        fail(orders, "web-1", NOW + timedelta(minutes=minute))
    later = fail(orders, "web-1", NOW + timedelta(minutes=16))  # the first failure has left the window
    assert later == VerifyResult("mismatch", None, None, 1)
    locking = fail(orders, "web-1", NOW + timedelta(minutes=17))
    assert locking.locked_until == NOW + timedelta(minutes=32) and locking.attempts_left == 0


def test_a_success_does_not_reset_the_count(orders: Session) -> None:
    for i in range(4):
        fail(orders, "web-1", NOW + timedelta(minutes=i))
    assert verify_order(orders, "web-1", "offykala", "58120", "4567", NOW + timedelta(minutes=5)).attempts_left == 1
    assert fail(orders, "web-1", NOW + timedelta(minutes=6)).attempts_left == 0
    assert verify_order(orders, "web-1", "offykala", "58120", "4567", NOW + timedelta(minutes=7)).status == "locked"


def test_the_lock_counts_across_stores_but_not_across_senders(orders: Session) -> None:
    for i, store in enumerate(["sitra", "tisa", "offykala", "citadel", "chistatek"]):
        verify_order(orders, "tg-42", store, "1000", "09120000000", NOW + timedelta(seconds=i))
    assert verify_order(orders, "tg-42", "tisa", "TS-1042", "2202", NOW + timedelta(minutes=1)).status == "locked"
    assert verify_order(orders, "tg-43", "tisa", "TS-1042", "2202", NOW + timedelta(minutes=1)).status == "ok"


def test_the_lock_survives_a_new_session(orders: Session) -> None:
    for i in range(5):
        fail(orders, "web-1", NOW + timedelta(minutes=i))
    orders.commit()
    with Session(orders.get_bind()) as fresh:
        result = verify_order(fresh, "web-1", "offykala", "58120", "4567", NOW + timedelta(minutes=5))
        assert result.status == "locked"


def test_now_must_be_aware(orders: Session) -> None:
    with pytest.raises(ValueError):
        verify_order(orders, "web-1", "offykala", "58120", "4567", datetime(2026, 11, 20, 8, 0))


# --- return requests -----------------------------------------------------------------


def test_return_requests_get_unique_readable_references(orders: Session) -> None:
    order = find_order(orders, "offykala", "58120")
    assert order is not None
    decision = {"allowed": False, "rule": "large_item", "reply": "کالای حجیم مرجوع نمی‌شود", "deadline": NOW,
                "fee": Decimal("1.50")}
    requests = [
        create_return_request(orders, order, order.items[0], "changed_mind", True, decision, "web-1", NOW)
        for _ in range(60)
    ]
    orders.commit()
    references = [r.reference for r in requests]
    assert len(set(references)) == len(references)
    assert all(re.fullmatch(r"R-[A-Z0-9]{8}", reference) for reference in references)

    with Session(orders.get_bind()) as fresh:
        stored = fresh.scalars(select(ReturnRequest).where(ReturnRequest.reference == references[0])).one()
        assert (stored.store, stored.order.order_id, stored.item_sku, stored.reason, stored.sealed) == (
            "offykala", "58120", "HP-M236", "changed_mind", True,
        )
        assert stored.item is not None and stored.item.sku == "HP-M236"
        assert stored.decision == {
            "allowed": False, "rule": "large_item", "reply": "کالای حجیم مرجوع نمی‌شود",
            "deadline": NOW.isoformat(), "fee": "1.50",
        }
        assert stored.created_at == NOW and stored.created_at.tzinfo is not None


def test_a_return_request_may_have_no_item_and_no_seal_answer(orders: Session) -> None:
    order = find_order(orders, "tisa", "TS-1042")
    assert order is not None
    request = create_return_request(orders, order, None, "damaged", None, {}, "web-1", NOW)
    assert request.item is None and request.sealed is None and request.id is not None


def test_a_return_request_item_must_belong_to_the_order(orders: Session) -> None:
    printer_order = find_order(orders, "offykala", "58120")
    other = find_order(orders, "tisa", "TS-1042")
    assert printer_order is not None and other is not None
    with pytest.raises(ValueError):
        create_return_request(orders, printer_order, other.items[0], "damaged", None, {}, "web-1", NOW)


def test_reimporting_an_order_keeps_its_return_requests(orders: Session) -> None:
    order = find_order(orders, "offykala", "58120")
    assert order is not None
    reference = create_return_request(orders, order, order.items[0], "defect", True, {}, "web-1", NOW).reference
    orders.commit()
    import_orders(orders, parse_lines(jsonl(order_json(status="returned"))))
    with Session(orders.get_bind()) as fresh:
        request = fresh.scalars(select(ReturnRequest).where(ReturnRequest.reference == reference)).one()
        assert request.order.status == "returned"
        assert request.item is None and request.item_sku == "HP-M236"  # the old item row was replaced


def test_a_new_conversation_per_guess_does_not_get_around_the_order_lock(
    orders: Session, caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level(logging.WARNING, logger="bot.orders"):
        results = [fail(orders, f"guess-{i}", NOW + timedelta(seconds=i)) for i in range(ORDER_LOCKOUT.failures)]
    assert [r.status for r in results] == ["mismatch"] * ORDER_LOCKOUT.failures
    last = NOW + timedelta(seconds=ORDER_LOCKOUT.failures - 1)
    assert (results[-1].locked_until, results[-1].lock_scope) == (last + ORDER_LOCKOUT.duration, "order")
    assert "order look-ups locked: store=offykala scope=order order_id='58120'" in caplog.text  # for the store

    # the owner too, from a fresh conversation, with the right phone: nothing is looked up
    owner = verify_order(orders, "owner", "offykala", "58120", "09121234567", last + timedelta(minutes=1))
    assert (owner.status, owner.order, owner.lock_scope) == ("locked", None, "order")
    # the same number at another store and other orders of this store are not locked
    assert verify_order(orders, "owner", "offykala", "58122", "4402", last + timedelta(minutes=1)).status == "mismatch"
    assert verify_order(orders, "x", "sitra", "58120", "0000", last + timedelta(minutes=1)).status == "mismatch"
    # the lock ends
    after = verify_order(orders, "owner", "offykala", "58120", "4567", last + ORDER_LOCKOUT.duration)
    assert after.status == "ok"


def test_typed_variants_of_one_order_number_count_together(orders: Session) -> None:
    spellings = ["58120", "۵۸۱۲۰", " 58120 ", "٥٨١٢٠"]
    for i in range(ORDER_LOCKOUT.failures):
        verify_order(orders, f"v-{i}", "offykala", spellings[i % len(spellings)], "0000", NOW + timedelta(seconds=i))
    assert verify_order(orders, "v-x", "offykala", "58120", "4567", NOW + timedelta(minutes=1)).status == "locked"


def test_one_client_address_is_locked_over_all_its_conversations_and_orders(orders: Session) -> None:
    for i in range(CLIENT_LOCKOUT.failures):
        result = verify_order(orders, f"c-{i}", "tisa", f"TS-9{i:03d}", "0000", NOW + timedelta(seconds=i), client="addr-1")
    assert (result.locked_until is not None, result.lock_scope) == (True, "client")
    later = NOW + timedelta(minutes=1)
    blocked = verify_order(orders, "c-new", "tisa", "TS-1042", "2202", later, client="addr-1")
    assert (blocked.status, blocked.lock_scope) == ("locked", "client")
    assert verify_order(orders, "c-new", "tisa", "TS-1042", "2202", later, client="addr-2").status == "ok"
    assert verify_order(orders, "c-new2", "tisa", "TS-1042", "2202", later).status == "ok"  # Telegram: no address


def test_the_failures_one_address_may_make_are_set_by_the_environment(orders: Session,
                                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("VERIFY_ADDRESS_FAILURES", "3")  # fewer than the conversation's own 5
    for i in range(3):
        result = verify_order(orders, f"e-{i}", "tisa", f"TS-8{i:03d}", "0000", NOW + timedelta(seconds=i), client="a")
    assert result.lock_scope == "client"
    monkeypatch.setenv("VERIFY_ADDRESS_FAILURES", "none")
    with pytest.raises(ConfigError, match="VERIFY_ADDRESS_FAILURES"):
        verify_order(orders, "e-x", "tisa", "TS-1042", "2202", NOW + timedelta(minutes=1), client="b")


def test_the_action_server_does_not_start_with_a_bad_address_limit() -> None:
    root = Path(__file__).resolve().parents[3]
    started = subprocess.run([sys.executable, "-c", "import actions"], cwd=root, capture_output=True, text=True,
                             env={**os.environ, "VERIFY_ADDRESS_FAILURES": "twenty"})
    assert started.returncode == 1 and "VERIFY_ADDRESS_FAILURES='twenty'" in started.stderr
    fine = subprocess.run([sys.executable, "-c", "import actions"], cwd=root, capture_output=True, text=True,
                          env={**os.environ, "VERIFY_ADDRESS_FAILURES": "20"})
    assert fine.returncode == 0, fine.stderr


def test_an_older_database_gets_the_new_columns(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'old.db'}"
    engine = make_engine(url)
    with engine.begin() as connection:  # verification_attempts as it was before per-order counting
        connection.execute(text(
            "CREATE TABLE verification_attempts (id INTEGER PRIMARY KEY, sender_id VARCHAR(255) NOT NULL, "
            "store VARCHAR(16) NOT NULL, order_id VARCHAR(64) NOT NULL, success BOOLEAN NOT NULL, "
            "locked BOOLEAN NOT NULL, created_at DATETIME NOT NULL)"))
        connection.execute(text(
            "INSERT INTO verification_attempts (sender_id, store, order_id, success, locked, created_at) "
            "VALUES ('old', 'tisa', '1', 0, 0, '2026-01-01 00:00:00')"))
    create_schema(engine)
    create_schema(engine)  # twice: nothing to add the second time
    columns = {column["name"] for column in inspect(engine).get_columns("verification_attempts")}
    assert {"order_key", "client"} <= columns
    with Session(engine) as session, session.begin():
        assert verify_order(session, "new", "tisa", "TS-1", "0000", NOW).status == "mismatch"


@pytest.mark.parametrize("typed", ["CT-2006", "ct-2006", "CT2006", "ct 2006", "СТ-2006", "СТ2006", " ct_2006 "])
def test_an_order_number_typed_any_way_finds_the_order(orders: Session, typed: str) -> None:
    order = find_order(orders, "citadel", typed)
    assert order is not None and order.order_id == "CT-2006"


@pytest.mark.parametrize("typed, example, meant", [
    ("3004", "CK-3001", "CK-3004"), ("۳۰۰۴", "CK-3001", "CK-3004"),   # the store's letters, dropped
    ("58120", "58120", "58120"),                                       # a store of digits alone
    ("30045", "CK-3001", "30045"), ("TS-1043", "CK-3001", "TS-1043"),  # not the store's length; letters of its own
])
def test_digits_alone_are_read_in_the_stores_format(typed: str, example: str, meant: str) -> None:
    assert in_store_format(typed, example) == meant


def test_spellings_of_one_order_count_as_one_for_the_lock(orders: Session) -> None:
    for i, typed in enumerate(["CT-2006", "ct2006", "СТ 2006", "ct-2006"] * 3):
        verify_order(orders, f"s-{i}", "citadel", typed, "0000", NOW + timedelta(seconds=i))
    assert verify_order(orders, "owner", "citadel", "CT-2006", "5506", NOW + timedelta(minutes=1)).status == "locked"


@pytest.mark.parametrize("typed, example, fits", [
    ("SR-5001", "SR-5001", True), ("sr 5003", "SR-5001", True), ("СР-5003", "SR-5001", True),  # (typed by ear)
    ("3004", "CK-3001", True), ("SR-10001", "SR-5001", True),        # its letters dropped; a longer number later on
    ("TS-1041", "SR-5001", False), ("CK-303", "CK-3001", False),     # another store's letters; too few digits
    ("5812", "58120", False), ("58210", "58120", True), ("TS-1041", "58120", False),  # a store of digits alone
])
def test_a_number_that_cannot_be_the_stores_is_told_apart(typed: str, example: str, fits: bool) -> None:
    assert fits_store_format(typed, example) is fits
