"""Shared fixtures: the trained model, an in-process agent, the real servers and a throw-away PostgreSQL."""

from __future__ import annotations

import asyncio
import os
import subprocess
import time
import uuid
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any, Callable, Iterator
from zoneinfo import ZoneInfo

import pytest

from bot.clock import DAYS_AHEAD, SECONDS_AHEAD
from bot.stores.calendar import is_working_day
from bot.stores.policy import policies
from support import (ARTIFACTS, BROWSER_FLAGS, BROWSER_WAIT, CHROMIUM, ROOT, SUITE_HOUR_UTC, Servers, full_phones_in,
                     known_phones, logs_since)


def _suite_clock() -> float:
    """Seconds from now to SUITE_HOUR_UTC of a day that, with the day after it, is a working day at every store (each
    its own week and public holidays): the servers' clock starts there, so that answers that depend on the weekday (a
    Saturday's pickup moves to Monday's window) or the hour ("today at 10 am") are the same whenever the suite runs,
    and a run never crosses a store's midnight (the demo orders' "two days ago" stays two). A day off's own answers
    are tested at dates of their own (tests/bot/test_answers.py)."""
    real = datetime.now(timezone.utc)
    start = real.replace(hour=SUITE_HOUR_UTC, minute=0, second=0, microsecond=0)

    def working(days: int) -> bool:
        moment = start + timedelta(days=days)
        return all(is_working_day(moment.astimezone(ZoneInfo(store.timezone)).date(), store.rules.week)
                   for store in policies().values())

    days = next(days for days in range(14) if working(days) and working(days + 1))
    return (start + timedelta(days=days) - real).total_seconds()


if DAYS_AHEAD not in os.environ:  # the test process's and the servers' clock alike (a clock set by the caller stays)
    os.environ.setdefault(SECONDS_AHEAD, str(_suite_clock()))


@pytest.fixture(scope="session")
def postgres_url() -> Iterator[str]:
    """A throw-away PostgreSQL of this test session (`scripts/postgres.sh`), or ORDERS_TEST_POSTGRES_URL."""
    given = os.environ.get("ORDERS_TEST_POSTGRES_URL")
    if given:
        yield given
        return
    env = {**os.environ, "POSTGRES_DIR": f"/tmp/orders-test-postgres-{uuid.uuid4().hex[:12]}"}
    try:
        started = subprocess.run(
            ["bash", str(ROOT / "scripts" / "postgres.sh"), "start"], env=env, capture_output=True, text=True, timeout=900
        )
    except subprocess.TimeoutExpired:
        pytest.skip("scripts/postgres.sh start took more than 15 minutes")
    if started.returncode != 0:
        pytest.skip(f"PostgreSQL could not be installed or started (scripts/postgres.sh): {started.stderr[-1500:]}")
    try:
        yield started.stdout.strip().splitlines()[-1]
    finally:
        subprocess.run(["bash", str(ROOT / "scripts" / "postgres.sh"), "stop"], env=env, capture_output=True, timeout=120)


@pytest.fixture(scope="session")
def model_path() -> Path:
    """The model for the current data, trained once if missing."""
    from bot.model import train

    return train()


@pytest.fixture(scope="session")
def agent(model_path: Path) -> Any:
    """The trained model loaded in-process, for NLU checks without HTTP."""
    from rasa.core.agent import Agent

    return Agent.load(str(model_path))


@pytest.fixture(scope="session")
def parse(agent: Any):  # type: ignore[no-untyped-def]
    """Parses one text with the loaded model (sync wrapper for table tests)."""
    loop = asyncio.new_event_loop()

    def _parse(text: str) -> dict[str, Any]:
        return loop.run_until_complete(agent.parse_message(text))

    yield _parse
    loop.close()


@pytest.fixture(scope="session")
def servers(model_path: Path) -> Iterator[Servers]:
    """Both servers for the whole session, on free loopback ports, with their own databases."""
    running = Servers(model_path, ARTIFACTS / f"server-logs-{os.getpid()}")
    yield running
    running.stop()


# ---------------------------------------------------------------- a real browser (the widget's and the console's tests)


@pytest.fixture(scope="session")
def chromium() -> str:
    """Debian's Chromium, installed by scripts/chromium.sh if it is missing."""
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        pytest.skip("the playwright package is not installed: pip install -c constraints.txt -e '.[test]'")
    try:
        done = subprocess.run(["bash", str(ROOT / "scripts" / "chromium.sh")], capture_output=True, text=True,
                              timeout=900)
        problem = "" if done.returncode == 0 else (done.stderr or done.stdout).strip()[-500:]
    except (OSError, subprocess.TimeoutExpired) as error:
        problem = str(error)
    if problem or not Path(CHROMIUM).exists():
        pytest.skip(f"Debian's chromium is not installed and scripts/chromium.sh could not install it: {problem}")
    return CHROMIUM


@pytest.fixture(scope="module")
def browser(chromium: str) -> Iterator[Any]:
    """One headless Chromium per module (Playwright's sync API, closed before other modules run)."""
    from playwright.sync_api import expect, sync_playwright

    expect.set_options(timeout=BROWSER_WAIT)
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=chromium, headless=True, args=BROWSER_FLAGS)
        yield launched
        launched.close()
    expect.set_options(timeout=5_000)  # Playwright's default, for any other module


@pytest.fixture
def new_page(browser: Any) -> Iterator[Callable[..., Any]]:
    """Opens pages in fresh browser profiles; a script error or a CSP violation on any of them fails the test."""
    contexts, errors = [], []

    def on_console(message: Any) -> None:
        if "Content Security Policy" in message.text or "Content-Security-Policy" in message.text:
            errors.append(message.text)

    def open_page(**options: Any) -> Any:
        context = browser.new_context(**{"viewport": {"width": 1280, "height": 860}, **options})
        context.set_default_timeout(BROWSER_WAIT)
        contexts.append(context)
        page = context.new_page()
        page.on("pageerror", lambda error: errors.append(str(error)))
        page.on("console", on_console)
        return page

    yield open_page
    for context in contexts:
        context.close()
    assert errors == [], errors


SESSION_STARTED = time.time()


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    """Fails the run when any server log it wrote holds a demo or test order's full phone number."""
    leaks = [(path, phone) for path in logs_since(SESSION_STARTED)
             for phone in full_phones_in(path.read_text(errors="replace"), known_phones())]
    if leaks:
        for path, phone in leaks:
            print(f"\nA full phone number ({phone[:3]}…{phone[-4:]}) is in {path}: phones must be masked in logs")
        session.exitstatus = pytest.ExitCode.TESTS_FAILED
