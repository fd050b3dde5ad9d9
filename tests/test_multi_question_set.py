"""The multi-question sets, played against the real servers: every question of a message answered, no false split.

The held-out files (tests/data/multi/heldout_*.yml) were written from the store pages alone by
writers who never saw this project's code, data or replies (brief: tests/data/multi/BRIEF.md)
and are never tuned on: error analysis uses the dev files (dev_*.yml), written by the same
writers under the same brief.
"""

from __future__ import annotations

import pytest

from multi_question_set import MULTI, failures, load, play, score_line, split_only
from support import ARTIFACTS

HELDOUT = sorted(MULTI.glob("heldout_*.yml"))
DEV = sorted(MULTI.glob("dev_*.yml"))
# Raised as the assistant improves; the goals are 0.90 of the questions and false splits below 0.02.
HELDOUT_FLOOR = 0.88
DEV_FLOOR = 0.92
FALSE_SPLIT_CEILING = 0.02


def figure(line: str, name: str) -> float:
    """One figure of a score line."""
    return float(line.split(f"{name}=")[1].split()[0])


def test_single_questions_are_rarely_split() -> None:
    line = score_line(split_only(load(HELDOUT)), played=False)
    print(f"\nheld-out splits: {line}")
    assert figure(line, "false_split_rate") <= FALSE_SPLIT_CEILING, line


@pytest.mark.server
@pytest.mark.parametrize("name, files, floor", [("heldout", HELDOUT, HELDOUT_FLOOR), ("dev", DEV, DEV_FLOOR)])
def test_every_question_of_a_message_is_answered(servers, name: str, files: list, floor: float) -> None:
    results = play(load(files), servers.url, servers.tracker_db)
    line = score_line(results)
    print(f"\n{name} multi-question sets: {line}")
    report = ARTIFACTS / "multi" / f"{name}.txt"
    report.parent.mkdir(parents=True, exist_ok=True)
    # the dev files' failures are for error analysis; the held-out ones stay unread
    report.write_text((failures(results) + "\n" if name == "dev" else "") + line + "\n")
    assert figure(line, "question_score") >= floor, f"{name}: {line} (floor {floor})"
