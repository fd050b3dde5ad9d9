"""`make run` as a newcomer runs it: the assistant comes up, and a part that dies takes the rest down, named."""

from __future__ import annotations

import os
import signal
import subprocess
import time
from pathlib import Path

import pytest
import requests

from bot.processes import stop_process_groups
from support import QUIET_ENV, ROOT, free_port

pytestmark = pytest.mark.server

READY = "The assistant is running."


def process_with(*words: str) -> int:
    """The pid of the one process whose command line holds all the words."""
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                command = (entry / "cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
            except OSError:
                continue
            if all(word in command for word in words):
                found.append(int(entry.name))
    assert len(found) == 1, f"{words}: {found}"
    return found[0]


def test_a_dying_action_server_stops_the_assistant_and_says_which_part_died(tmp_path: Path) -> None:
    rasa_port, action_port = free_port(), free_port()
    env = {**os.environ, **QUIET_ENV, "RASA_PORT": str(rasa_port), "ACTION_PORT": str(action_port),
           "TRACKER_DB": str(tmp_path / "tracker.db"), "DATABASE_URL": f"sqlite:///{tmp_path / 'orders.db'}",
           "LOG_DIR": str(tmp_path / "logs")}
    run = subprocess.Popen(["bash", "scripts/run.sh"], cwd=ROOT, env=env, stdout=subprocess.PIPE,
                           stderr=subprocess.STDOUT, text=True, start_new_session=True)
    output: list[str] = []
    try:
        assert run.stdout is not None
        deadline = time.monotonic() + 400
        while time.monotonic() < deadline and not any(READY in line for line in output):
            line = run.stdout.readline()
            assert line, "make run stopped before the assistant was up:\n" + "".join(output)
            output.append(line)
        assert requests.get(f"http://127.0.0.1:{rasa_port}/webhooks/rest/", timeout=10).status_code == 200
        os.kill(process_with("bot.action_server", f"--port {action_port}"), signal.SIGKILL)
        rest, _ = run.communicate(timeout=90)
        output.append(rest)
    finally:
        stop_process_groups([run])
    said = "".join(output)
    assert run.returncode != 0
    assert "The action server (log: " in said and "stopped; stopping the assistant" in said, said[-2000:]
    with pytest.raises(requests.ConnectionError):  # the Rasa server went with it
        requests.get(f"http://127.0.0.1:{rasa_port}/webhooks/rest/", timeout=10)
