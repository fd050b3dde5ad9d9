"""Messages take turns through Rasa: a few at once, the rest in the order they came, and a turn held too long (a part
hanging) lets the next message in."""

from __future__ import annotations

import asyncio

import pytest

from bot.channels.turns import Turns, turns


async def customer(gate: Turns, name: str, log: list[str], hold: float = 0.01) -> None:
    """A message that holds its turn `hold` seconds."""
    async with gate.turn():
        log.append(f"+{name}")
        await asyncio.sleep(hold)
        log.append(f"-{name}")


def most_at_once(log: list[str]) -> int:
    inside = peak = 0
    for entry in log:
        inside += 1 if entry.startswith("+") else -1
        peak = max(peak, inside)
    return peak


async def arriving(gate: Turns, names: str, log: list[str], hold: float = 0.01) -> None:
    """Messages arriving one after the other (each queued before the next comes)."""
    tasks = []
    for name in names:
        tasks.append(asyncio.create_task(customer(gate, name, log, hold)))
        await asyncio.sleep(0)
    await asyncio.gather(*tasks)


def test_at_most_the_limit_are_in_and_the_rest_enter_in_the_order_they_came() -> None:
    log: list[str] = []
    gate = Turns(2, lease=10)
    asyncio.run(arriving(gate, "abcdefg", log))
    assert most_at_once(log) == 2
    assert [entry[1] for entry in log if entry.startswith("+")] == list("abcdefg")
    assert gate.free == 2 and not gate.waiting


def test_no_limit_lets_everyone_in_at_once() -> None:
    log: list[str] = []
    asyncio.run(arriving(Turns(0, lease=10), "abcdef", log))
    assert most_at_once(log) == 6


def test_a_turn_held_past_its_lease_lets_the_next_message_in() -> None:
    async def scene() -> list[str]:
        log: list[str] = []
        gate = Turns(1, lease=0.05)
        hanging = asyncio.create_task(customer(gate, "h", log, hold=1.0))
        await asyncio.sleep(0)
        started = asyncio.get_running_loop().time()
        await customer(gate, "n", log)
        assert asyncio.get_running_loop().time() - started < 0.5  # not the hanging message's whole second
        await hanging
        assert gate.free == 1  # the late message gave back nothing twice
        return log

    assert asyncio.run(scene()) == ["+h", "+n", "-n", "-h"]


def test_a_customer_who_leaves_while_waiting_costs_nobody_a_turn() -> None:
    async def scene() -> list[str]:
        log: list[str] = []
        gate = Turns(1, lease=10)
        first = asyncio.create_task(customer(gate, "a", log, hold=0.05))
        await asyncio.sleep(0)
        gone = asyncio.create_task(customer(gate, "b", log))
        await asyncio.sleep(0)
        gone.cancel()
        await customer(gate, "c", log)
        await first
        with pytest.raises(asyncio.CancelledError):
            await gone
        assert gate.free == 1 and not gate.waiting
        return log

    assert asyncio.run(scene()) == ["+a", "-a", "+c", "-c"]


def test_a_customer_who_leaves_as_the_turn_comes_passes_it_on() -> None:
    async def scene() -> list[str]:
        log: list[str] = []
        gate = Turns(1, lease=10)
        async with gate.turn():
            leaving = asyncio.create_task(customer(gate, "b", log))
            after = asyncio.create_task(customer(gate, "c", log))
            await asyncio.sleep(0)  # both wait
        leaving.cancel()  # b's turn was given as the block ended, before b could run again
        await asyncio.wait_for(after, 2)  # c is let in, not left waiting for a turn nobody gives back
        assert gate.free == 1 and not gate.waiting
        return log

    assert asyncio.run(scene()) == ["+c", "-c"]


def test_a_customer_who_leaves_as_the_turn_is_given_back_leaves_cancelled() -> None:
    async def scene() -> BaseException:
        gate = Turns(1, lease=10)
        async with gate.turn():
            gone = asyncio.create_task(customer(gate, "b", []))
            await asyncio.sleep(0)  # b waits
            gone.cancel()  # b leaves, and before it runs again the holder gives the turn back (skipping b's ticket)
        try:
            await gone
        except BaseException as ended:  # noqa: B036 - what b ended with is the point
            assert gate.free == 1 and not gate.waiting
            return ended
        raise AssertionError("b was let in")

    assert isinstance(asyncio.run(scene()), asyncio.CancelledError)  # not a ValueError from the queue


@pytest.mark.parametrize("value", ["-1", "two", "1.5"])
def test_a_bad_concurrency_is_refused_naming_the_variable(monkeypatch: pytest.MonkeyPatch, value: str) -> None:
    monkeypatch.setenv("MESSAGE_CONCURRENCY", value)
    monkeypatch.setattr("bot.channels.turns._turns", None)
    with pytest.raises(ValueError, match="MESSAGE_CONCURRENCY"):
        turns()
