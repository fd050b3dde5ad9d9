"""Stopping the server processes the benchmark and the tests start, with everything they started."""

from __future__ import annotations

import os
import signal
import subprocess
from typing import Sequence


def stop_process_groups(procs: Sequence[subprocess.Popen], grace: float = 20) -> None:
    """SIGTERM to each process group still running, then SIGKILL to any that outlives `grace` seconds."""
    for proc in procs:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGTERM)
    for proc in procs:
        try:
            proc.wait(timeout=grace)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
