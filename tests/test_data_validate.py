"""Rasa's own consistency check of domain, NLU data, rules and the stories agents saved from the console."""

import os
import subprocess
import sys

from support import QUIET_ENV, ROOT


def test_rasa_data_validate_passes() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "rasa", "data", "validate", "--domain", "domain.yml", "--data", "data", "tests/stories",
         "--config", "config.yml"],
        cwd=ROOT, env={**os.environ, **QUIET_ENV}, capture_output=True, text=True, timeout=600,
    )
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    assert "found labeled with multiple different intents" not in result.stdout + result.stderr
