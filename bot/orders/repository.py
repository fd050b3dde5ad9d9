"""The only code that knows SQL: order look-ups, private verification, return requests.

Functions take a `Session` and never commit: the caller owns the transaction, e.g.
`with Session(engine) as session, session.begin(): verify_order(session, ...)`. A
verification attempt that is not committed does not count towards the lock-out.
"""

from __future__ import annotations

import logging
import re
import secrets
import string
from dataclasses import dataclass
from datetime import datetime, timedelta
from hmac import compare_digest
from typing import Any, Iterable, Literal, Optional

from sqlalchemy import and_, func, select
from sqlalchemy.orm import Session, selectinload

from bot.nlu.normalize import LOOKALIKES, to_ascii_digits
from bot.orders.models import Item, Order, ReturnRequest, VerificationAttempt
from bot.privacy import LAST_DIGITS, mask_phone, phone_digits
from bot.settings import failures_per_address

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class Lockout:
    """`failures` failed verifications within `window` lock look-ups for `duration` after the last."""

    failures: int
    window: timedelta
    duration: timedelta


# One conversation: a customer who mistyped a few times waits a quarter of an hour.
CONVERSATION_LOCKOUT = Lockout(5, timedelta(minutes=15), timedelta(minutes=15))
# One order, from any conversation: new conversations per guess do not get around it.
ORDER_LOCKOUT = Lockout(10, timedelta(hours=1), timedelta(hours=1))
# One client address, over all its conversations and orders (its failures: VERIFY_ADDRESS_FAILURES, default 20).
CLIENT_LOCKOUT = Lockout(20, timedelta(hours=1), timedelta(hours=1))
MAX_FAILURES = CONVERSATION_LOCKOUT.failures
REFERENCE_PREFIX = "R-"
REFERENCE_ALPHABET = "".join(c for c in string.ascii_uppercase + string.digits if c not in "O0I1")
REFERENCE_LENGTH = 8
MAX_TYPED_ORDER_ID = 64  # as much of what the customer typed as an attempt keeps

VerifyStatus = Literal["ok", "mismatch", "locked"]
LockScope = Literal["conversation", "order", "client"]


@dataclass(frozen=True)
class VerifyResult:
    """The outcome of one verification: the order only when status is "ok"."""

    status: VerifyStatus
    order: Optional[Order]
    locked_until: Optional[datetime]
    attempts_left: int
    lock_scope: Optional[LockScope] = None  # what is locked when locked_until is set


def national_number(digits: str) -> str:
    """The trailing national significant number: no 00/+ prefix, country code or trunk 0."""
    if digits.startswith("00"):
        digits = digits[2:]
    if len(digits) == 12 and digits.startswith("98"):  # Iran: 98 9xx xxx xxxx
        return digits[2:]
    if len(digits) == 12 and digits.startswith("995"):  # Georgia: 995 5xx xxx xxx
        return digits[3:]
    if len(digits) == 11 and digits.startswith("0"):  # Iran: 09xx xxx xxxx
        return digits[1:]
    return digits


def order_key(order_id: str) -> str:
    """How order numbers compare: ASCII digits, Latin letters for Cyrillic look-alikes, no surrounding spaces, lower case."""
    return to_ascii_digits(order_id).translate(LOOKALIKES).strip().lower()


def compact_key(order_id: str) -> str:
    """An order number without its separators: "CT-2002", "ct 2002" and "CT2002" are one order."""
    return re.sub(r"[\s_-]+", "", order_key(order_id))


def in_store_format(order_id: str, example: str) -> str:
    """"۳۰۰۴" at a store whose numbers read "CK-3001": its digits under the store's letters (the phone still has to
    match), as customers drop the letters they see on every page of the store; other numbers as typed."""
    digits = to_ascii_digits(order_id).strip()
    letters = re.fullmatch(r"([A-Za-z]{1,4})-(\d+)", example)
    if letters is None or not digits.isdigit() or len(digits) != len(letters.group(2)):
        return order_id
    return f"{letters.group(1)}-{digits}"


def fits_store_format(order_id: str, example: str) -> bool:
    """Whether a number could be one of the store's at all: its letters (none where the store uses digits alone) and
    at least as many digits as the store's own numbers ("TS-1041" at a store of "SR-5001", "5812" where they read
    "58120", "CK-303" are no one's there: the customer is told so and asked again, with no attempt counted and nothing
    said of any order)."""
    typed = re.fullmatch(r"([a-z]*)(\d+)", compact_key(in_store_format(order_id, example)))
    own = re.fullmatch(r"([a-z]*)(\d+)", compact_key(example))
    if typed is None or own is None:
        return own is None  # a store whose numbers have no such shape checks nothing
    letters, own_letters = typed.group(1), own.group(1)
    heard = len(letters) == len(own_letters) and all(a == b or _BY_EAR.get(a) == b for a, b in zip(letters, own_letters))
    return heard and len(typed.group(2)) >= len(own.group(2))  # ("СР-5003" typed by ear is SR-5003)


# Cyrillic letters that look like Latin ones but sound otherwise: "ТС-1043" typed by ear is TS-1043, read by eye TC-1043
_BY_EAR = {"c": "s", "p": "r", "h": "n", "b": "v", "x": "h"}


def key_spellings(order_id: str) -> list[str]:
    """The stored keys a typed order number may stand for: as typed, without separators, with a dash, and its letters
    as a Russian keyboard's look-alikes sound ("ТС-1043", read as TC-1043, is TS-1043)."""
    compact = compact_key(order_id)
    dashed = re.sub(r"^([a-z]+)(?=\d)", r"\1-", compact)
    letters = re.match(r"[a-z]{1,4}(?=-?\d)", dashed)
    heard = {""}
    for letter in letters.group() if letters else "":
        heard = {spelled + sound for spelled in heard for sound in {letter, _BY_EAR.get(letter, letter)}}
    by_ear = {prefix + dashed[letters.end():] for prefix in heard} if letters else set()
    return sorted({order_key(order_id), compact, dashed, *by_ear} - {""})


def phone_matches(order: Order, given: str) -> bool:
    """Whether `given` (a full phone in any common format, or its last four digits) is the order's."""
    given_digits = phone_digits(given)
    stored = order.phone_digits or phone_digits(order.phone)
    if len(given_digits) == LAST_DIGITS:
        return compare_digest(given_digits, stored[-LAST_DIGITS:])
    given_number = national_number(given_digits)
    if len(given_number) < 7:
        return False
    return compare_digest(given_number, national_number(stored))


def find_order(session: Session, store: str, order_id: str) -> Optional[Order]:
    """The store's order with this number (any case, any digits), items loaded."""
    keys = key_spellings(order_id)
    if not keys:
        return None
    query = select(Order).where(Order.store == store, Order.order_key.in_(keys)).options(selectinload(Order.items))
    return session.scalars(query).first()


def orders_by_key(session: Session, store: str, keys: Iterable[str]) -> dict[str, Order]:
    """The store's existing orders among `keys` (see `order_key`), by key."""
    found: dict[str, Order] = {}
    wanted = sorted(set(keys))
    for start in range(0, len(wanted), 500):  # stay under every driver's parameter limit
        chunk = wanted[start : start + 500]
        query = select(Order).where(Order.store == store, Order.order_key.in_(chunk))
        found.update((order.order_key, order) for order in session.scalars(query))
    return found


def count_orders(session: Session, store: str) -> int:
    """How many orders the store has."""
    return session.scalar(select(func.count()).select_from(Order).where(Order.store == store)) or 0


def _require_aware(now: datetime) -> None:
    """Times compared with stored UTC values must carry their zone."""
    if now.tzinfo is None or now.utcoffset() is None:
        raise ValueError("now must be timezone-aware")


def _failures(session: Session, scope: Any, rule: Lockout, now: datetime) -> list[datetime]:
    """The failed attempts matching `scope` that can still matter at `now`, oldest first."""
    query = (
        select(VerificationAttempt.created_at)
        .where(
            scope,
            VerificationAttempt.success.is_(False),
            VerificationAttempt.locked.is_(False),
            VerificationAttempt.created_at > now - rule.window - rule.duration,
            VerificationAttempt.created_at <= now,
        )
        .order_by(VerificationAttempt.created_at)
    )
    return list(session.scalars(query))


def _locked_until(failures: list[datetime], rule: Lockout) -> Optional[datetime]:
    """End of the latest lock: `rule.failures` failures within its window lock from the last of them."""
    until: Optional[datetime] = None
    first = 0
    for last, failed_at in enumerate(failures):
        while failed_at - failures[first] >= rule.window:
            first += 1
        if last - first + 1 >= rule.failures:
            until = failed_at + rule.duration
    return until


def _failures_left(failures: list[datetime], now: datetime, rule: Lockout) -> int:
    """How many more failures are allowed before the lock."""
    recent = sum(1 for failed_at in failures if now - failed_at < rule.window)
    return max(0, rule.failures - recent)


@dataclass
class _Count:
    """The failures of one lock-out scope."""

    scope: LockScope
    rule: Lockout
    failures: list[datetime]

    def locked_until(self, now: datetime) -> Optional[datetime]:
        """The end of a lock in force at `now`, else None."""
        until = _locked_until(self.failures, self.rule)
        return until if until is not None and now < until else None


def _counts(session: Session, sender_id: str, store: str, key: str, client: Optional[str],
            now: datetime) -> list[_Count]:
    """Failures per conversation, per order (from anywhere) and per client address."""
    scopes: list[tuple[LockScope, Any, Lockout]] = [
        ("conversation", VerificationAttempt.sender_id == sender_id, CONVERSATION_LOCKOUT),
        ("order", and_(VerificationAttempt.store == store, VerificationAttempt.order_key == key), ORDER_LOCKOUT),
    ]
    if client:
        per_address = Lockout(failures_per_address(CLIENT_LOCKOUT.failures), CLIENT_LOCKOUT.window,
                              CLIENT_LOCKOUT.duration)
        scopes.append(("client", VerificationAttempt.client == client, per_address))
    return [_Count(scope, rule, _failures(session, where, rule, now)) for scope, where, rule in scopes]


def _first_lock(counts: list[_Count], now: datetime) -> Optional[tuple[_Count, datetime]]:
    """The scope whose lock lasts longest at `now`, with its end."""
    locks = [(count, until) for count in counts if (until := count.locked_until(now)) is not None]
    return max(locks, key=lambda lock: lock[1]) if locks else None


def verify_order(
    session: Session, sender_id: str, store: str, order_id: str, phone: str, now: datetime,
    client: Optional[str] = None,
) -> VerifyResult:
    """Checks an order number and phone pair; records the attempt; applies the lock-outs.

    Failures count per conversation, per order (from any conversation, so a new conversation
    for every guess gains nothing) and per client address. A wrong pair gives the same
    "mismatch" whether or not the order exists. The failure that locks still answers
    "mismatch", with `attempts_left` 0 and `locked_until` set; while any scope is locked,
    nothing is looked up and the answer is "locked". Successes do not reset the counts, so
    a customer's own order cannot be used to keep guessing others.
    """
    _require_aware(now)
    key = compact_key(order_id)[:MAX_TYPED_ORDER_ID]
    counts = _counts(session, sender_id, store, key, client, now)
    lock = _first_lock(counts, now)
    if lock is not None:
        _record_attempt(session, sender_id, store, order_id, key, client, success=False, locked=True, now=now)
        _log(sender_id, store, order_id, phone, f"locked ({lock[0].scope})")
        return VerifyResult("locked", None, lock[1], 0, lock[0].scope)

    order = find_order(session, store, order_id)
    success = order is not None and phone_matches(order, phone)
    _record_attempt(session, sender_id, store, order_id, key, client, success=success, locked=False, now=now)
    _log(sender_id, store, order_id, phone, "ok" if success else "mismatch")
    if not success:
        for count in counts:
            count.failures.append(now)
    left = min(_failures_left(count.failures, now, count.rule) for count in counts)
    if success:
        return VerifyResult("ok", order, None, left)
    lock = _first_lock(counts, now + timedelta(microseconds=1))
    if lock is None:
        return VerifyResult("mismatch", None, None, left)
    if lock[0].scope != "conversation":
        logger.warning("order look-ups locked: store=%s scope=%s order_id=%r until=%s after %d failures",
                       store, lock[0].scope, key, lock[1].isoformat(), len(lock[0].failures))
    return VerifyResult("mismatch", None, lock[1], 0, lock[0].scope)


def _record_attempt(
    session: Session, sender_id: str, store: str, order_id: str, key: str, client: Optional[str], *,
    success: bool, locked: bool, now: datetime,
) -> None:
    """Keeps one attempt (never the phone)."""
    attempt = VerificationAttempt(
        sender_id=sender_id,
        store=store[:16],  # whatever a channel claimed; the column is the store id's
        order_id=order_id[:MAX_TYPED_ORDER_ID],
        order_key=key,
        client=client[:32] if client else None,
        success=success,
        locked=locked,
        created_at=now,
    )
    session.add(attempt)
    session.flush()


def _log(sender_id: str, store: str, order_id: str, phone: str, outcome: str) -> None:
    """One log line per attempt, phone masked."""
    logger.info(
        "order verification: sender=%s store=%s order_id=%r phone=%s -> %s",
        sender_id,
        store,
        order_id[:MAX_TYPED_ORDER_ID],
        mask_phone(phone),
        outcome,
    )


def new_reference() -> str:
    """A reference a customer can read out: "R-" and 8 letters/digits without O/0/I/1."""
    return REFERENCE_PREFIX + "".join(secrets.choice(REFERENCE_ALPHABET) for _ in range(REFERENCE_LENGTH))


def create_return_request(
    session: Session,
    order: Order,
    item: Optional[Item],
    reason: str,
    sealed: Optional[bool],
    decision: dict[str, Any],
    sender_id: str,
    now: datetime,
) -> ReturnRequest:
    """Stores a return request under a new unique reference."""
    _require_aware(now)
    if item is not None and item.order is not order:
        raise ValueError(f"item {item.sku} is not part of order {order.store}/{order.order_id}")
    for _ in range(20):
        reference = new_reference()
        taken = session.scalar(select(ReturnRequest.id).where(ReturnRequest.reference == reference))
        if taken is None:
            break
    else:  # pragma: no cover - 32^8 references: twenty collisions in a row is a broken RNG
        raise RuntimeError("could not find a free return reference")
    request = ReturnRequest(
        reference=reference,
        store=order.store,
        order=order,
        item=item,
        item_sku=item.sku if item is not None else None,
        reason=reason,
        sealed=sealed,
        decision=dict(decision),
        sender_id=sender_id,
        created_at=now,
    )
    session.add(request)
    session.flush()
    logger.info("return request %s: store=%s order_id=%s", reference, order.store, order.order_id)
    return request
