"""The assistant's clock, moved by whole days and by seconds, as the test suite sets it."""

from __future__ import annotations

import os
from datetime import datetime, timezone

import pytest

from bot import clock
from support import SUITE_HOUR_UTC


def test_the_clock_is_moved_by_days_and_seconds(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(clock.DAYS_AHEAD, "2")
    monkeypatch.setenv(clock.SECONDS_AHEAD, "-3600")
    moved = (clock.now() - datetime.now(timezone.utc)).total_seconds()
    assert abs(moved - (2 * 86400 - 3600)) < 5


@pytest.mark.skipif(clock.DAYS_AHEAD in os.environ, reason="the caller set the assistant's clock itself")
def test_the_suites_clock_stands_at_its_hour() -> None:
    started = clock.now()  # (the suite's own setting, made when the tests started)
    assert abs((started.hour * 60 + started.minute) - SUITE_HOUR_UTC * 60) < 120  # within the suite's first two hours
