"""Helpers the tests share: project paths and the real servers, started as `make run` starts them."""

from __future__ import annotations

import json
import os
import re
import secrets
import signal
import socket
import sqlite3
import subprocess
import sys
import time
import uuid
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Iterator

import requests

from bot.processes import stop_process_groups
from bot.stores.numbers import render
from bot.stores.policy import policies

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
ARTIFACTS = ROOT / "tests" / "artifacts"
SUITE_HOUR_UTC = 16  # the suite's clock: 19:30 in Tehran, 20:00 in Tbilisi, hours from midnight and the 11:00 cut-off
CHROMIUM = "/usr/bin/chromium"  # Debian's, installed by scripts/chromium.sh
BROWSER_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]
BROWSER_WAIT = 30_000  # ms: the longest wait for the assistant in a browser test, for actions and expect() alike

QUIET_ENV = {
    "RASA_TELEMETRY_ENABLED": "false",
    "TF_CPP_MIN_LOG_LEVEL": "3",
    "SQLALCHEMY_SILENCE_UBER_WARNING": "1",
    "PYTHONWARNINGS": "ignore",
}


def free_port() -> int:
    """A loopback port nobody listens on right now."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


ACTION_SERVER, RASA_SERVER = 0, 1


class Servers:
    """The action server and the Rasa server, started as `make run` starts them."""

    def __init__(self, model: Path, log_dir: Path, extra_env: dict[str, str] | None = None,
                 rasa_servers: int = 1) -> None:
        """`rasa_servers` > 1: Rasa servers sharing the action server, databases and secrets, as behind a balancer."""
        self.rasa_ports = [free_port() for _ in range(rasa_servers)]
        self.rasa_port = self.rasa_ports[0]
        self.action_port = free_port()
        self.url = f"http://127.0.0.1:{self.rasa_port}"
        self._conversations: dict[tuple[str, str | None], str] = {}
        # the suite starts hundreds of conversations from one address: no rate limits unless a test sets them;
        # a test's `extra_env` wins over everything here (e.g. its own DATABASE_URL or ACTION_ENDPOINT_URL)
        env = {**os.environ, **QUIET_ENV, "CONVERSATION_SECRET": secrets.token_hex(32),
               "CONVERSATION_RATE": "1000000:1000000", "HISTORY_RATE": "1000000:1000000",
               "MESSAGE_RATE": "1000000:1000000", "MESSAGE_ADDRESS_RATE": "1000000:1000000",
               "VERIFY_ADDRESS_FAILURES": "1000000",  # every test conversation comes from loopback
               "ACTION_ENDPOINT_URL": f"http://127.0.0.1:{self.action_port}/webhook",
               "SANIC_HOST": "127.0.0.1", "TRACKER_DB": str(log_dir / "tracker.db"),
               "CONSOLE_KEEP_DIR": str(log_dir / "kept"),
               "DATABASE_URL": f"sqlite:///{log_dir / 'orders.db'}", **(extra_env or {})}
        self.database_url = env["DATABASE_URL"]
        self.tracker_db = log_dir / "tracker.db"
        self.kept = log_dir / "kept"  # where the console writes agents' corrections and stories
        log_dir.mkdir(parents=True, exist_ok=True)
        for stale in ("tracker.db", "tracker.db-wal", "tracker.db-shm", "orders.db"):  # a stale log would be replayed
            (log_dir / stale).unlink(missing_ok=True)
        subprocess.run([sys.executable, "-m", "bot.orders", "load-demo"], cwd=ROOT, env=env, check=True,
                       stdout=subprocess.DEVNULL)
        self._logs = [open(log_dir / "actions.log", "wb"), open(log_dir / "rasa.log", "wb"),
                      *(open(log_dir / f"rasa-{number}.log", "wb") for number in range(2, rasa_servers + 1))]
        python = sys.executable
        self._env, self._log_dir = env, log_dir
        self._commands = [
            [python, "-m", "bot.action_server", "--actions", "actions", "--port", str(self.action_port)],
            *([python, "-m", "bot.rasa_server", "run", "-i", "127.0.0.1", "-p", str(port), "-m", str(model),
               "--credentials", "credentials.yml", "--endpoints", "endpoints.yml"] for port in self.rasa_ports),
        ]
        self._procs = [self._start(ACTION_SERVER), self._start(RASA_SERVER)]
        self._wait(f"{self.url}/webhooks/rest/", log_dir)
        # the others once the first is up: two servers starting at once both create the console's tables in the
        # orders database, and the second fails ("table console_handoffs already exists")
        for which, port in enumerate(self.rasa_ports[1:], RASA_SERVER + 1):
            self._procs.append(self._start(which))
            self._wait(f"http://127.0.0.1:{port}/webhooks/rest/", log_dir)
        self._wait(f"http://127.0.0.1:{self.action_port}/health", log_dir)

    def _start(self, which: int) -> subprocess.Popen:
        """One of the two servers, in its own process group, logging to its file."""
        return subprocess.Popen(self._commands[which], cwd=ROOT, env=self._env, stdout=self._logs[which],
                                stderr=subprocess.STDOUT, start_new_session=True)

    def restart(self, which: int) -> None:
        """Kills one server as a crash would, then starts it again on the same port and databases."""
        self._kill(which)
        self._procs[which] = self._start(which)
        health = f"{self.url}/webhooks/rest/" if which == RASA_SERVER else f"http://127.0.0.1:{self.action_port}/health"
        self._wait(health, self._log_dir)

    def _kill(self, which: int) -> None:
        """SIGKILL to one server's process group."""
        proc = self._procs[which]
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait(timeout=20)

    def _wait(self, url: str, log_dir: Path, timeout: float = 240) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if any(proc.poll() is not None for proc in self._procs):
                self.stop()
                raise RuntimeError(f"a server exited early; see {log_dir}")
            try:
                if requests.get(url, timeout=2).ok:
                    return
            except requests.RequestException:
                pass
            time.sleep(0.5)
        self.stop()
        raise RuntimeError(f"{url} did not come up in {timeout}s; see {log_dir}")

    def conversation(self, store: str | None = "tisa") -> str:
        """A new conversation's signed id, as the widget gets it (`store=None`: the default store)."""
        answer = requests.post(f"{self.url}/webhooks/rest/conversations", json={"store": store} if store else {},
                               timeout=30)
        assert answer.status_code == 200, answer.text
        return answer.json()["sender"]

    def signed(self, name: str, store: str | None = "tisa") -> str:
        """The signed id standing for a test's conversation name (one per name and store)."""
        if name.startswith("c1."):
            return name
        if (name, store) not in self._conversations:
            self._conversations[(name, store)] = self.conversation(store)
        return self._conversations[(name, store)]

    def send(self, sender: str, message: Any, store: str | None = "tisa", **extra: Any) -> requests.Response:
        """Posts one customer message to the REST webhook, in the conversation the name stands for."""
        body: dict[str, Any] = {"sender": self.signed(sender, store), "message": message, **extra}
        if store is not None:
            body.setdefault("metadata", {})["store"] = store
        raw = json.dumps(body, ensure_ascii=False).encode()  # as browsers send it: UTF-8, not \u escapes
        return requests.post(f"{self.url}/webhooks/rest/webhook", data=raw, timeout=60,
                             headers={"Content-Type": "application/json"})

    def say(self, sender: str, message: str, store: str | None = "tisa", **extra: Any) -> list[dict[str, Any]]:
        """Posts a message and returns the bot's replies, asserting a 200."""
        response = self.send(sender, message, store, **extra)
        assert response.status_code == 200, response.text
        return response.json()

    def command(self, *args: str, stdin: str = "") -> subprocess.CompletedProcess:
        """One of the project's commands (`python -m ...`) on these servers' databases and stores."""
        return subprocess.run([sys.executable, "-m", *args], input=stdin, text=True, cwd=ROOT, env=self._env,
                              capture_output=True)

    def add_agent(self, name: str, password: str, stores: str = "all") -> None:
        """Creates a console agent with the documented command, on these servers' database."""
        made = self.command("bot.console", "add-agent", name, "--stores", stores, stdin=password + "\n")
        assert made.returncode == 0, made.stderr

    def sign_out_agents(self) -> None:
        """Ends every console session on these servers' database: no agent is online any more."""
        path = self.database_url.removeprefix("sqlite:///")
        with sqlite3.connect(path) as database:
            database.execute("DELETE FROM console_sessions")

    def stop_action_server(self) -> None:
        """Stops the action server alone, as a crash would: the Rasa server goes on without it."""
        self._kill(ACTION_SERVER)

    def stop(self) -> None:
        stop_process_groups(self._procs)
        for log in self._logs:
            log.close()


@contextmanager
def script_server(script: str, directory_variable: str, *args: str) -> Iterator[tuple[str, Path]]:
    """A throw-away server of `scripts/<script> start` in a directory of its own, with the URL it prints; stopped on
    leaving, even after a failure. The test skips when the server cannot be installed or started."""
    import pytest

    directory = Path(f"/tmp/{Path(script).stem}-test-{uuid.uuid4().hex[:12]}")
    env = {**os.environ, directory_variable: str(directory)}
    command = ["bash", str(ROOT / "scripts" / script)]
    try:
        try:
            started = subprocess.run([*command, "start", *args], env=env, capture_output=True, text=True, timeout=900)
        except subprocess.TimeoutExpired:
            pytest.skip(f"scripts/{script} start took more than 15 minutes")
        if started.returncode != 0:
            pytest.skip(f"scripts/{script} could not install or start its server: {started.stderr[-1500:]}")
        yield started.stdout.strip().splitlines()[-1], directory
    finally:
        subprocess.run([*command, "stop"], env=env, capture_output=True, timeout=120)


def filled(data: Any, values: dict[str, Any], path: tuple[Any, ...] = ()) -> Any:
    """A new store's policy data with every FILL mark replaced: by `values[key]` where given, else a text naming the
    key (what an operator writes from the store's page)."""
    from bot.stores.schema import FILL

    if isinstance(data, dict):
        return {key: filled(value, values, (*path, key)) for key, value in data.items()}
    if isinstance(data, list):
        return [filled(value, values, (*path, index)) for index, value in enumerate(data)]
    if isinstance(data, str) and data.startswith(FILL):
        key = str(path[-2] if isinstance(path[-1], int) else path[-1])
        return values.get(key, f"text of {key}")
    return data


def known_phones() -> list[str]:
    """The national numbers of every demo and test order's phone (what must never reach a log)."""
    sys.path.insert(0, str(ROOT / "tests" / "bot" / "orders"))
    from order_samples import ONE_PER_STORE, SPEC_EXAMPLE

    from bot.orders.demo import DEMO_ORDERS
    from bot.orders.repository import national_number
    from bot.privacy import phone_digits

    phones = [demo.phone for demo in DEMO_ORDERS] + [sample["phone"] for sample in (SPEC_EXAMPLE, *ONE_PER_STORE)]
    return sorted({national_number(phone_digits(phone)) for phone in phones})


def full_phones_in(text: str, phones: list[str]) -> list[str]:
    """The phones that appear whole in `text`: any digits (ASCII, Persian, Arabic-Indic), any spacing."""
    found = []
    for phone in phones:
        digits = "[\\s\\-]?".join(f"[{d}{chr(0x06F0 + int(d))}{chr(0x0660 + int(d))}]" for d in phone)
        if re.search(f"{digits}(?![0-9۰-۹٠-٩])", text):  # after any prefix: 0, +98, 00995 ...
            found.append(phone)
    return found


def logs_since(started: float) -> list[Path]:
    """The server logs the tests wrote since `started` (a time.time())."""
    return [path for path in ARTIFACTS.glob("**/*.log") if path.stat().st_mtime >= started]


def shared_file(*parts: str) -> Path:
    """A file of ../shared; the test skips with the reason when it is absent (fails in CI: REQUIRE_SHARED=1)."""
    import pytest

    path = SHARED.joinpath(*parts)
    if not path.exists():
        reason = f"{path} is absent: this test needs ../shared beside the project"
        if os.environ.get("REQUIRE_SHARED") == "1":
            pytest.fail(reason)
        pytest.skip(reason)
    return path


def free_shipping_words(store: str = "tisa") -> str:
    """How the store's Persian answers write its free-shipping threshold ("۲ میلیون تومان"), from its policy."""
    return render("{rules.delivery.free_over:million} میلیون تومان", "fa", policies()[store].raw)
