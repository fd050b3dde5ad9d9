"""Two Rasa servers behind nginx, sharing a PostgreSQL tracker store and a Redis lock store: messages that arrive at
once, in one conversation or in several, are each answered once and stored once, in order.

With Rasa 3.6's own Redis lock store this failed in about half the runs (see bot/lock_store.py for why).
"""

from __future__ import annotations

import json
import re
import secrets
import uuid
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterator

import pytest
import requests
from rasa.shared.core.domain import Domain
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import OperationalError

from bot.action_server import HEADER
from bot.channels.guard import SILENT
from bot.channels.parts import questions_of
from bot.tracker_store import SafeSQLTrackerStore
from support import ARTIFACTS, Servers, script_server

pytestmark = pytest.mark.server

# 20 questions at once in one conversation (in two, at the same time), each a single question (the channel would
# split others into parts).
BURST = ["سلام", "سلام وقت بخیر", "ممنون", "خیلی ممنون", "هزینه ارسال چقدره؟", "ارسال به شیراز چند روز طول میکشه؟",
         "میشه قسطی خرید؟", "شرایط مرجوعی چیه؟", "عطر باز شده رو پس میگیرید؟", "ارسال رایگان از چند تومنه؟",
         "پرداخت در محل دارید؟", "چطور با پشتیبانی تماس بگیرم؟", "کد تخفیف دارید؟", "اصل بودن کالا تضمین شده؟",
         "بسته بندی کادویی دارید؟", "ساعت کاری شما چیه؟", "می‌تونم سفارشم رو لغو کنم؟", "نمونه عطر هدیه میدید؟",
         "سفارشم کی میرسه؟", "خداحافظ"]
# Several conversations at once, in both languages; the order questions need the action server (and its secret).
CONVERSATIONS = [
    ("offykala", ["وضعیت سفارش ۵۸۱۲۰ چیه؟", "سلام", "ممنون", "هزینه ارسال چقدره؟"]),
    ("citadel", ["где мой заказ CT-2002?", "привет", "спасибо", "сколько стоит доставка в Батуми?"]),
    ("tisa", ["سلام", "میشه قسطی خرید؟", "ممنون", "شرایط مرجوعی چیه؟"]),
    ("sitra", ["سلام", "وضعیت سفارش SR-5001 چیه؟", "ممنون", "خداحافظ"]),
    ("chistatek", ["سلام", "ارسال چند روز طول میکشه؟", "ممنون", "پرداخت در محل دارید؟"]),
]


@dataclass
class Balanced:
    """The servers behind nginx, and what the test reads back: the tracker store and nginx's log."""

    servers: Servers
    tracker_url: str
    access_log: Path
    action_secret: str


@contextmanager
def new_database(server_url: str) -> Iterator[str]:
    """A database of its own on the test PostgreSQL, for the tracker store; dropped on leaving."""
    name = f"tracker_{uuid.uuid4().hex[:12]}"
    admin = create_engine(server_url, isolation_level="AUTOCOMMIT", future=True)
    try:
        with admin.connect() as connection:
            connection.execute(text(f"CREATE DATABASE {name}"))
        yield make_url(server_url).set(database=name).render_as_string(hide_password=False)
    finally:
        with admin.connect() as connection:
            connection.execute(text(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)"))
        admin.dispose()


@pytest.fixture(scope="module")
def balanced(model_path: Path, postgres_url: str) -> Iterator[Balanced]:
    """Redis, a tracker database, one action server, two Rasa servers and nginx in front; all stopped at the end."""
    with ExitStack() as stack:
        redis_url, _ = stack.enter_context(script_server("redis.sh", "REDIS_DIR"))
        tracker_url = stack.enter_context(new_database(postgres_url))
        secret = secrets.token_hex(32)
        servers = Servers(model_path, ARTIFACTS / "server-logs-scale-out", rasa_servers=2,
                          extra_env={"TRACKER_STORE_URL": tracker_url, "LOCK_STORE_URL": redis_url,
                                     "ACTION_SECRET": secret})
        stack.callback(servers.stop)
        nginx_url, nginx_dir = stack.enter_context(
            script_server("nginx.sh", "NGINX_DIR", *(str(port) for port in servers.rasa_ports)))
        servers.url = nginx_url  # customers, and this test, reach the servers through the balancer only
        yield Balanced(servers, tracker_url, nginx_dir / "access.log", secret)


def send_at_once(balanced: Balanced, messages: list[tuple[str, str, str]]) -> list[list[dict[str, Any]]]:
    """Posts every (sender, store, text) at the same moment; the replies, in the same order."""
    for sender, store in {(sender, store) for sender, store, _ in messages}:
        balanced.servers.signed(sender, store)  # each conversation started once, before the messages race
    with ThreadPoolExecutor(max_workers=len(messages)) as pool:
        answers = list(pool.map(lambda message: balanced.servers.send(message[0], message[2], store=message[1]),
                                messages))
    assert [answer.status_code for answer in answers] == [200] * len(answers), [answer.text for answer in answers]
    return [answer.json() for answer in answers]


def stored_turns(tracker_url: str, sender: str) -> list[tuple[str, list[str]]]:
    """The conversation's stored turns, in order: each user text with the bot's texts after it; each turn complete."""
    engine = create_engine(tracker_url, future=True)
    try:
        with engine.connect() as connection:
            rows = connection.execute(text("SELECT type_name, data FROM events WHERE sender_id = :sender ORDER BY id"),
                                      {"sender": sender}).all()
    finally:
        engine.dispose()
    events = [(kind, json.loads(data)) for kind, data in rows]
    starts = [index for index, (kind, _) in enumerate(events) if kind == "user"]
    turns = []
    for start, end in zip(starts, [*starts[1:], len(events)]):
        turn = events[start:end]
        kind, last = turn[-1]  # the turn ended (the bot listens again) before the next message was handled
        assert kind == "action" and last["name"] == "action_listen", turn
        turns.append((turn[0][1]["text"], [data["text"] for kind, data in turn if kind == "bot" and data.get("text")]))
    return turns


def check_answered_and_stored_once(balanced: Balanced, messages: list[tuple[str, str, str]],
                                   replies: list[list[dict[str, Any]]]) -> None:
    """Every message got a reply of its own, is stored once with that reply, and nothing else is stored."""
    assert all(any(message.get("text") for message in reply) for reply in replies), replies
    assert not [reply for reply in replies if any(message.get("text") in SILENT.values() for message in reply)]
    for sender, store in {(sender, store) for sender, store, _ in messages}:
        sent = {typed: [message["text"] for message in reply if message.get("text")]
                for (to, _, typed), reply in zip(messages, replies) if to == sender}
        turns = stored_turns(balanced.tracker_url, balanced.servers.signed(sender, store))
        assert sorted(user for user, _ in turns) == sorted(sent), (sender, turns)
        assert {user: bot for user, bot in turns} == sent


def passed_messages(access_log: Path) -> list[str]:
    """The Rasa server nginx passed each message to, in order (a message tried on two would name both)."""
    return [match.group(1) for line in access_log.read_text().splitlines()
            if "POST /webhooks/rest/webhook" in line and (match := re.search(r"upstream=(\S+(?:, \S+)*) ", line))]


def check_both_servers_answered(balanced: Balanced, before: int, messages: int) -> None:
    """Each message of the burst went to one Rasa server, and both servers had a share."""
    passed = Counter(passed_messages(balanced.access_log)[before:])
    assert sum(passed.values()) == messages
    assert set(passed) == {f"127.0.0.1:{port}" for port in balanced.servers.rasa_ports}, passed


def test_messages_of_one_conversation_arriving_at_once_are_answered_and_stored_once_in_order(
        balanced: Balanced) -> None:
    assert all(questions_of(typed) == [typed] for typed in BURST)
    messages = [(f"burst-{number}", "tisa", typed) for number in (1, 2) for typed in BURST]
    before = len(passed_messages(balanced.access_log))
    check_answered_and_stored_once(balanced, messages, send_at_once(balanced, messages))
    check_both_servers_answered(balanced, before, len(messages))


def test_messages_of_several_conversations_at_once_are_answered_and_stored_once_each(balanced: Balanced) -> None:
    messages = [(f"several-{store}", store, typed) for store, texts in CONVERSATIONS for typed in texts]
    assert all(questions_of(typed) == [typed] for _, _, typed in messages)
    before = len(passed_messages(balanced.access_log))
    check_answered_and_stored_once(balanced, messages, send_at_once(balanced, messages))
    check_both_servers_answered(balanced, before, len(messages))


def test_the_action_server_answers_only_with_the_secret(balanced: Balanced) -> None:
    actions = f"http://127.0.0.1:{balanced.servers.action_port}"
    assert requests.post(f"{actions}/webhook", json={"next_action": "action_unclear"}, timeout=10).status_code == 401
    for header, status in ((f"secret:{balanced.action_secret}", 200), ("secret:guess", 401)):
        assert requests.get(f"{actions}/actions", headers={HEADER: header}, timeout=10).status_code == status
    assert requests.get(f"{actions}/health", timeout=10).status_code == 200  # probes need no secret


def test_the_tracker_store_on_postgresql_has_its_pool_and_time_limits(balanced: Balanced,
                                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TRACKER_STORE_URL", balanced.tracker_url)
    monkeypatch.setenv("DB_STATEMENT_TIMEOUT_MS", "300")
    store = SafeSQLTrackerStore(Domain.empty())
    try:
        with store.engine.connect() as connection:
            assert connection.execute(text("SHOW statement_timeout")).scalar() == "300ms"
            with pytest.raises(OperationalError, match="statement timeout"):
                connection.execute(text("SELECT pg_sleep(2)"))
        assert store.engine.pool.size() == 5
    finally:
        store.engine.dispose()
