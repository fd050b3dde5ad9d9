"""Shared fixtures: the trained model, an in-process agent, the real servers and a throw-away PostgreSQL."""

from __future__ import annotations

import asyncio
import os
import subprocess
import time
import uuid
from pathlib import Path
from typing import Any, Iterator

import pytest

from support import ARTIFACTS, ROOT, Servers, full_phones_in, known_phones, logs_since


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


SESSION_STARTED = time.time()


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    """Fails the run when any server log it wrote holds a demo or test order's full phone number."""
    leaks = [(path, phone) for path in logs_since(SESSION_STARTED)
             for phone in full_phones_in(path.read_text(errors="replace"), known_phones())]
    if leaks:
        for path, phone in leaks:
            print(f"\nA full phone number ({phone[:3]}…{phone[-4:]}) is in {path}: phones must be masked in logs")
        session.exitstatus = pytest.ExitCode.TESTS_FAILED
