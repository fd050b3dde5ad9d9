"""The lock that lets one Rasa server at a time handle a conversation: in memory, or in Redis for several servers.

`LOCK_STORE_URL` (`redis://[:password@]host:port/db`, or `rediss://` for TLS) shares the locks between
every Rasa server behind one address; unset, each server keeps them in memory (Rasa's
`InMemoryLockStore`), which is right for one server process only.

Why not Rasa's `RedisLockStore`: each of its changes to a conversation's lock (issue a ticket, drop an
expired or a finished one, delete the lock) reads the lock, changes it in the server and writes it back.
Two servers doing that at once overwrite each other: both issue the same ticket number, or one
drops the ticket the other just issued, or deletes the lock the other just made. Then two servers
handle one conversation at once, and Rasa's SQL tracker store, which saves only the events past the
number it already holds, drops one message's events (answered, never stored); or a message waits for a
ticket nobody holds any more until Sanic gives up after 60 s (a 503, never answered). Measured with two
servers: 15 and 19 of 20 simultaneous messages of one conversation kept; behind nginx as in
tests/test_scale_out.py, 4 of 7 bursts of 20 lost messages (19, 2, 1 and 1 kept). Here every change is one Redis
transaction (WATCH/MULTI: done again if another server changed the lock meanwhile), so tickets are unique
and a conversation is served one message at a time across servers, in the order the tickets were issued.
"""

from __future__ import annotations

import json
import math
import os
import time
from contextlib import asynccontextmanager
from typing import AsyncGenerator, Callable, Optional, TypeVar

import redis
from rasa.core.lock import TicketLock
from rasa.core.lock_store import (DEFAULT_REDIS_LOCK_STORE_KEY_PREFIX, LOCK_LIFETIME, InMemoryLockStore, LockError,
                                  LockStore, RedisLockStore)
from rasa.core.utils import number_of_sanic_workers
from rasa.utils.endpoints import EndpointConfig

from bot.db_settings import connect_timeout_s

Result = TypeVar("Result")
ATTEMPTS = 50  # changes of one lock tried before giving up: each retry means another server's change went through
WAIT_S = 0.05  # how often a message waiting for its conversation's lock looks again (Rasa's own: every second)


class QuickWait(LockStore):
    """A lock store whose waiting messages look again every WAIT_S, not every second: the second of two messages a
    customer sends at once waits for the first, not for the next whole second (20 at once took about 17 s)."""

    @asynccontextmanager
    async def lock(self, conversation_id: str, lock_lifetime: float = LOCK_LIFETIME,
                   wait_time_in_seconds: float = WAIT_S) -> AsyncGenerator[TicketLock, None]:
        """Rasa's lock with a shorter wait between looks (Rasa's callers give none, so they get this one)."""
        async with super().lock(conversation_id, lock_lifetime, min(wait_time_in_seconds, WAIT_S)) as lock:
            yield lock


class QuickInMemoryLockStore(QuickWait, InMemoryLockStore):
    """Rasa's in-memory lock store (one server process), looking again every WAIT_S."""


class AtomicRedisLockStore(QuickWait, RedisLockStore):
    """Rasa's Redis lock store whose every change of a lock is atomic across servers."""

    def __init__(self, url: str) -> None:
        """A client of the Redis at `url` (not Rasa's from host and port), checked now: a wrong URL stops the start."""
        self.red = redis.Redis.from_url(url, socket_timeout=connect_timeout_s())
        self.key_prefix = DEFAULT_REDIS_LOCK_STORE_KEY_PREFIX
        self.red.ping()

    def _change(self, conversation_id: str, change: Callable[[TicketLock], Result]) -> Result:
        """Applies `change` to the lock (a new one if none) and stores it; redone if another server changed it first."""
        key = self.key_prefix + conversation_id
        for _ in range(ATTEMPTS):
            with self.red.pipeline() as pipe:
                try:
                    pipe.watch(key)
                    stored = pipe.get(key)
                    lock = TicketLock.from_dict(json.loads(stored)) if stored else self.create_lock(conversation_id)
                    result = change(lock)
                    lock.remove_expired_tickets()
                    pipe.multi()
                    if lock.tickets:  # the lock goes when its last ticket (or its last server) does
                        remaining_ms = max(ticket.expires for ticket in lock.tickets) - time.time()
                        pipe.set(key, lock.dumps(), px=max(1, math.ceil(remaining_ms * 1000)))
                    else:
                        pipe.delete(key)
                    pipe.execute()
                    return result
                except redis.WatchError:
                    continue
        raise LockError(f"the lock of conversation '{conversation_id}' kept changing: {ATTEMPTS} attempts")

    def issue_ticket(self, conversation_id: str, lock_lifetime: float = LOCK_LIFETIME) -> int:
        """A ticket no other server holds, at the end of the conversation's queue."""
        try:
            return self._change(conversation_id, lambda lock: lock.issue_ticket(lock_lifetime))
        except redis.RedisError as error:
            raise LockError(f"Error while acquiring lock. Error:\n{error}") from error

    def update_lock(self, conversation_id: str) -> None:
        """Drops expired tickets without losing one another server issues meanwhile."""
        self._change(conversation_id, TicketLock.remove_expired_tickets)

    def finish_serving(self, conversation_id: str, ticket_number: int) -> None:
        """Drops the finished ticket, and the lock with its last ticket, without losing another server's ticket."""
        self._change(conversation_id, lambda lock: lock.remove_ticket_for(ticket_number))

    def cleanup(self, conversation_id: str, ticket_number: int) -> None:
        """Rasa's read-then-delete could delete a lock another server had just issued a ticket on: one change here."""
        self.finish_serving(conversation_id, ticket_number)


class ConfiguredLockStore(LockStore):
    """The lock store endpoints.yml names (Rasa takes a class only): Redis at `LOCK_STORE_URL`, else in memory."""

    def __new__(cls, endpoint_config: Optional[EndpointConfig] = None) -> LockStore:  # type: ignore[misc]
        """An `AtomicRedisLockStore` or a `QuickInMemoryLockStore`, by the environment."""
        url = os.environ.get("LOCK_STORE_URL", "").strip()
        if url:
            return AtomicRedisLockStore(url)
        if number_of_sanic_workers(endpoint_config) > 1:
            # Rasa allows several workers with any custom lock store; in memory each would lock only for itself
            raise LockError("SANIC_WORKERS above 1 needs LOCK_STORE_URL: workers must share their locks")
        return QuickInMemoryLockStore()
