"""The conversation lock shared by several Rasa servers, against a real Redis (`scripts/redis.sh`).

Two stores on one Redis stand for two servers. The interleavings that lose a message with Rasa's
`RedisLockStore` are replayed step by step (another server's change made in the middle of one's
own), then the lock is raced by real processes.
"""

from __future__ import annotations

import asyncio
import multiprocessing
import time
import uuid
from typing import Any, Callable, Iterator

import pytest
import redis
from rasa.core.lock import TicketLock
from rasa.core.lock_store import (DEFAULT_REDIS_LOCK_STORE_KEY_PREFIX, InMemoryLockStore, LockError, LockStore,
                                  RedisLockStore)
from rasa.utils.endpoints import EndpointConfig

from bot.lock_store import WAIT_S, AtomicRedisLockStore, ConfiguredLockStore
from support import script_server


@pytest.fixture(scope="module")
def redis_url() -> Iterator[str]:
    """A throw-away Redis of this module."""
    with script_server("redis.sh", "REDIS_DIR") as (url, _):
        yield url


def rasa_store(url: str) -> RedisLockStore:
    """Rasa's own Redis lock store on the same Redis."""
    parts = redis.connection.parse_url(url)
    return RedisLockStore(host=parts["host"], port=parts["port"], db=parts["db"], password=parts["password"])


STORES: dict[str, Callable[[str], LockStore]] = {"rasa": rasa_store, "ours": AtomicRedisLockStore}


def conversation() -> str:
    """A conversation id no other test uses."""
    return f"c1.tisa.{uuid.uuid4().hex}"


def meanwhile(monkeypatch: pytest.MonkeyPatch, method: str, other: Callable[[], Any]) -> None:
    """Runs `other` (another server's change) once, in the middle of the next change made with TicketLock.`method`."""
    original = getattr(TicketLock, method)
    pending = [other]

    def interleaved(lock: TicketLock, *args: Any) -> Any:
        if pending:
            pending.pop()()
        return original(lock, *args)

    monkeypatch.setattr(TicketLock, method, interleaved)


@pytest.mark.parametrize("kind, tickets_differ", [("rasa", False), ("ours", True)])
def test_two_servers_issuing_tickets_at_once_get_different_tickets(
        redis_url: str, monkeypatch: pytest.MonkeyPatch, kind: str, tickets_differ: bool) -> None:
    first, second, conversation_id = STORES[kind](redis_url), STORES[kind](redis_url), conversation()
    issued = []
    meanwhile(monkeypatch, "issue_ticket", lambda: issued.append(second.issue_ticket(conversation_id)))
    issued.append(first.issue_ticket(conversation_id))
    # Rasa's store: both got ticket 0, so both servers would handle the conversation at once
    assert (issued[0] != issued[1]) is tickets_differ
    assert (len(first.get_lock(conversation_id).tickets) == 2) is tickets_differ


@pytest.mark.parametrize("kind, kept", [("rasa", False), ("ours", True)])
def test_a_ticket_issued_while_another_server_finishes_is_kept(
        redis_url: str, monkeypatch: pytest.MonkeyPatch, kind: str, kept: bool) -> None:
    finishing, arriving, conversation_id = STORES[kind](redis_url), STORES[kind](redis_url), conversation()
    served = finishing.issue_ticket(conversation_id)
    waiting = []
    meanwhile(monkeypatch, "remove_ticket_for", lambda: waiting.append(arriving.issue_ticket(conversation_id)))
    finishing.cleanup(conversation_id, served)
    lock = arriving.get_lock(conversation_id)
    # Rasa's store wrote back the lock it had read, without the new ticket, then deleted it: the message is refused
    assert (lock is not None and [ticket.number for ticket in lock.tickets] == waiting) is kept


def test_the_lock_is_deleted_with_its_last_ticket_and_never_outlives_its_tickets(redis_url: str) -> None:
    store, conversation_id = AtomicRedisLockStore(redis_url), conversation()
    key = store.key_prefix + conversation_id
    ticket = store.issue_ticket(conversation_id, lock_lifetime=30)
    assert 0 < store.red.pttl(key) <= 30_000  # a server that dies holding it leaves nothing behind for long
    store.cleanup(conversation_id, ticket)
    assert store.red.exists(key) == 0


async def test_the_next_message_waits_for_the_first_and_a_dead_servers_ticket_expires(redis_url: str) -> None:
    first, second, conversation_id = AtomicRedisLockStore(redis_url), AtomicRedisLockStore(redis_url), conversation()
    first.issue_ticket(conversation_id, lock_lifetime=0.5)  # a server that died while handling a message
    started = time.monotonic()
    async with second.lock(conversation_id, wait_time_in_seconds=0.05) as lock:
        waited = time.monotonic() - started
        assert lock.now_serving == 1
    assert 0.4 < waited < 5


def count_under_lock(url: str, conversation_id: str, messages: int) -> None:
    """One server: handles `messages` messages of the conversation, each a read-then-write of a shared counter."""
    store, client = AtomicRedisLockStore(url), redis.Redis.from_url(url)

    async def handle_all() -> None:
        for _ in range(messages):
            async with store.lock(conversation_id, wait_time_in_seconds=0.01):
                seen = int(client.get(f"count:{conversation_id}") or 0)
                await asyncio.sleep(0.002)  # another message in between would be lost here
                client.set(f"count:{conversation_id}", seen + 1)

    asyncio.run(handle_all())


def test_four_server_processes_never_handle_one_conversation_at_once(redis_url: str) -> None:
    conversation_id, servers, messages = conversation(), 4, 25
    processes = [multiprocessing.get_context("fork").Process(target=count_under_lock,
                                                              args=(redis_url, conversation_id, messages))
                 for _ in range(servers)]
    try:
        for process in processes:
            process.start()
        deadline = time.monotonic() + 60
        for process in processes:
            process.join(timeout=max(0.1, deadline - time.monotonic()))
    finally:
        for process in processes:
            if process.is_alive():
                process.kill()
                process.join()
    assert [process.exitcode for process in processes] == [0] * servers
    client = redis.Redis.from_url(redis_url)
    assert int(client.get(f"count:{conversation_id}")) == servers * messages
    assert client.exists(DEFAULT_REDIS_LOCK_STORE_KEY_PREFIX + conversation_id) == 0


def test_the_configured_store_is_redis_with_a_url_and_in_memory_without(
        redis_url: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("LOCK_STORE_URL", raising=False)
    monkeypatch.delenv("SANIC_WORKERS", raising=False)
    assert isinstance(ConfiguredLockStore(), InMemoryLockStore)
    monkeypatch.setenv("LOCK_STORE_URL", redis_url)
    assert isinstance(ConfiguredLockStore(), AtomicRedisLockStore)


def test_a_wrong_lock_store_url_or_workers_without_one_stop_the_start(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LOCK_STORE_URL", "redis://127.0.0.1:9/0")  # nothing listens there
    with pytest.raises(redis.ConnectionError):
        ConfiguredLockStore()
    monkeypatch.delenv("LOCK_STORE_URL")
    monkeypatch.setenv("SANIC_WORKERS", "2")
    with pytest.raises(LockError, match="LOCK_STORE_URL"):
        ConfiguredLockStore(EndpointConfig(type="bot.lock_store.ConfiguredLockStore"))


@pytest.mark.parametrize("make", [lambda url: ConfiguredLockStore(), AtomicRedisLockStore])
def test_a_waiting_message_looks_again_every_twentieth_of_a_second_not_every_second(
        make: Callable[[str], LockStore], redis_url: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("LOCK_STORE_URL", raising=False)
    store = make(redis_url)
    waits: list[float] = []
    acquire = store._acquire_lock

    async def recorded(conversation_id: str, ticket: int, wait_time_in_seconds: float) -> TicketLock:
        waits.append(wait_time_in_seconds)
        return await acquire(conversation_id, ticket, wait_time_in_seconds)

    monkeypatch.setattr(store, "_acquire_lock", recorded)

    async def serve() -> None:
        async with store.lock(f"c1.tisa.{uuid.uuid4().hex}"):  # as Rasa's agent asks: no wait given
            pass

    asyncio.run(serve())
    assert waits == [WAIT_S] and WAIT_S <= 0.05
