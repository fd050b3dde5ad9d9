"""Helpers the tests share: project paths and the real servers, started as `make run` starts them."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import requests

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
ARTIFACTS = ROOT / "tests" / "artifacts"

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


class Servers:
    """The action server and the Rasa server, started as `make run` starts them."""

    def __init__(self, model: Path, log_dir: Path, extra_env: dict[str, str] | None = None) -> None:
        self.rasa_port = free_port()
        self.action_port = free_port()
        self.url = f"http://127.0.0.1:{self.rasa_port}"
        env = {**os.environ, **QUIET_ENV, **(extra_env or {}),
               "ACTION_ENDPOINT_URL": f"http://127.0.0.1:{self.action_port}/webhook",
               "SANIC_HOST": "127.0.0.1", "TRACKER_DB": str(log_dir / "tracker.db"),
               "DATABASE_URL": f"sqlite:///{log_dir / 'orders.db'}"}
        self.database_url = env["DATABASE_URL"]
        log_dir.mkdir(parents=True, exist_ok=True)
        for stale in ("tracker.db", "orders.db"):
            (log_dir / stale).unlink(missing_ok=True)
        subprocess.run([sys.executable, "-m", "bot.orders", "load-demo"], cwd=ROOT, env=env, check=True,
                       stdout=subprocess.DEVNULL)
        self._logs = [open(log_dir / "actions.log", "wb"), open(log_dir / "rasa.log", "wb")]
        python = sys.executable
        self._procs = [
            subprocess.Popen([python, "-m", "rasa_sdk", "--actions", "actions", "--port", str(self.action_port)],
                             cwd=ROOT, env=env, stdout=self._logs[0], stderr=subprocess.STDOUT, start_new_session=True),
            subprocess.Popen([python, "-m", "rasa", "run", "-i", "127.0.0.1", "-p", str(self.rasa_port), "-m", str(model),
                              "--credentials", "credentials.yml", "--endpoints", "endpoints.yml"],
                             cwd=ROOT, env=env, stdout=self._logs[1], stderr=subprocess.STDOUT, start_new_session=True),
        ]
        self._wait(f"{self.url}/webhooks/rest/", log_dir)
        self._wait(f"http://127.0.0.1:{self.action_port}/health", log_dir)

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

    def send(self, sender: str, message: Any, store: str | None = "tisa", **extra: Any) -> requests.Response:
        """Posts one customer message to the REST webhook."""
        body: dict[str, Any] = {"sender": sender, "message": message, **extra}
        if store is not None:
            body.setdefault("metadata", {})["store"] = store
        return requests.post(f"{self.url}/webhooks/rest/webhook", json=body, timeout=60)

    def say(self, sender: str, message: str, store: str | None = "tisa", **extra: Any) -> list[dict[str, Any]]:
        """Posts a message and returns the bot's replies, asserting a 200."""
        response = self.send(sender, message, store, **extra)
        assert response.status_code == 200, response.text
        return response.json()

    def stop(self) -> None:
        for proc in self._procs:
            if proc.poll() is None:
                os.killpg(proc.pid, signal.SIGTERM)
        for proc in self._procs:
            try:
                proc.wait(timeout=20)
            except subprocess.TimeoutExpired:
                os.killpg(proc.pid, signal.SIGKILL)
        for log in self._logs:
            log.close()
