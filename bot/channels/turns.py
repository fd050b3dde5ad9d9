"""Customers' messages through Rasa a few at a time, first come first served, so a busy hour costs each the same.

The Rasa server has one event loop: every message in it takes turns on the one core, and a
message that calls the action server three times queues three more times behind whatever
arrived meanwhile. With twenty customers at once, a return's first message took three times
as long as a greeting (p95 twice the median). Letting a few messages in at a time (enough to
keep the loop busy while others wait on the action server) and the rest in the order they
came evens that out at the same throughput: a message waits its turn once.

A message that holds its turn longer than a lease (the action server or a database hanging)
lets the next one in, so one slow part never holds up the customers behind it.
"""

from __future__ import annotations

import asyncio
from collections import deque
from contextlib import asynccontextmanager
from typing import AsyncIterator, Optional

from bot.db_settings import count_setting, number_setting

DEFAULT_CONCURRENCY = 3
DEFAULT_LEASE_S = 0.5


class Turns:
    """At most `limit` messages in at once (0: no limit), the others in the order they came; a turn held longer
    than `lease` seconds lets the next message in."""

    def __init__(self, limit: int, lease: float) -> None:
        """An empty gate."""
        self.limit = limit
        self.lease = lease
        self.free = limit
        self.waiting: deque[asyncio.Future[None]] = deque()

    @asynccontextmanager
    async def turn(self) -> AsyncIterator[None]:
        """Waits for this message's turn and gives it back when the message is answered (or its lease ends)."""
        if not self.limit:
            yield
            return
        await self._enter()
        given = False

        def give_back() -> None:
            nonlocal given
            if not given:
                given = True
                self._pass_on()

        lease = asyncio.get_running_loop().call_later(self.lease, give_back)
        try:
            yield
        finally:
            lease.cancel()
            give_back()

    async def _enter(self) -> None:
        """Returns when a turn is this message's: at once if one is free and nobody waits, else after those before it."""
        if self.free > 0 and not self.waiting:
            self.free -= 1
            return
        ticket: asyncio.Future[None] = asyncio.get_running_loop().create_future()
        self.waiting.append(ticket)
        try:
            await ticket
        except asyncio.CancelledError:
            if ticket.done() and not ticket.cancelled():
                self._pass_on()  # the turn came as the customer left: the next one has it
            elif ticket in self.waiting:  # (a turn given back since the customer left has skipped the ticket already)
                self.waiting.remove(ticket)
            raise

    def _pass_on(self) -> None:
        """A turn given back goes to the first message still waiting, else it is free."""
        while self.waiting:
            ticket = self.waiting.popleft()
            if not ticket.done():
                ticket.set_result(None)
                return
        self.free += 1


_turns: Optional[Turns] = None


def turns() -> Turns:
    """This process's gate (`MESSAGE_CONCURRENCY` messages at once, a turn's lease `MESSAGE_TURN_LEASE_S`), made on
    first use, inside the server's event loop."""
    global _turns
    if _turns is None:
        _turns = Turns(count_setting("MESSAGE_CONCURRENCY", DEFAULT_CONCURRENCY, 0),
                       number_setting("MESSAGE_TURN_LEASE_S", DEFAULT_LEASE_S, 0.01))
    return _turns
