"""The blind conversation set, played against the real servers: the score may not fall below its floor.

The set (tests/data/conversations/blind) was written from the store pages alone by writers
who never saw this project's code, data or replies (brief: tests/data/conversations/BRIEF.md),
and is never tuned on: error analysis uses the dev sets (tests/data/conversations/dev, and dev2
to dev181, written later by other writers under the same brief).
"""

from __future__ import annotations

import pytest

from conversation_set import CONVERSATIONS, failures, load, play, score_line
from support import ARTIFACTS

pytestmark = pytest.mark.server

# The score each set must keep: the blind set's is raised as the assistant improves (the goal is 0.95); a dev set's
# is set a little under its score when it arrives and is fixed from.
FLOORS = {
    "blind": 0.84, "dev": 0.90, "dev2": 0.94, "dev3": 0.74, "dev4": 0.88, "dev5": 0.84, "dev6": 0.78, "dev7": 0.78,
    "dev8": 0.86, "dev9": 0.76, "dev10": 0.80, "dev11": 0.84, "dev12": 0.62, "dev13": 0.82, "dev14": 0.70,
    "dev15": 0.80, "dev16": 0.68, "dev18": 0.76, "dev19": 0.82, "dev20": 0.85, "dev21": 0.80, "dev22": 0.75,
    "dev23": 0.75, "dev24": 0.75, "dev25": 0.50, "dev26": 0.80, "dev27": 0.70, "dev28": 0.85, "dev29": 0.60,
    "dev30": 0.80, "dev31": 0.90, "dev32": 0.85, "dev33": 0.70, "dev34": 0.80, "dev35": 0.90, "dev36": 0.75,
    "dev37": 0.90, "dev38": 0.90, "dev39": 0.75, "dev40": 0.85, "dev41": 0.75, "dev42": 0.80, "dev43": 0.80,
    "dev44": 0.85, "dev45": 0.90, "dev46": 0.85, "dev47": 0.90, "dev48": 0.80, "dev49": 0.90, "dev50": 0.85,
    "dev51": 0.85, "dev52": 0.80, "dev53": 0.85, "dev54": 0.90, "dev55": 0.85, "dev56": 0.60, "dev57": 0.75,
    "dev58": 0.75, "dev59": 0.90, "dev60": 0.90, "dev61": 0.90, "dev62": 0.90, "dev63": 0.80, "dev64": 0.90,
    "dev65": 0.90, "dev66": 0.75, "dev67": 0.75, "dev68": 0.85, "dev69": 0.70, "dev70": 0.90, "dev71": 0.80,
    "dev72": 0.85, "dev73": 0.80, "dev74": 0.85, "dev75": 0.90, "dev76": 0.90, "dev77": 0.85, "dev78": 0.65,
    "dev79": 0.85, "dev80": 0.85, "dev81": 0.85, "dev82": 0.75, "dev83": 0.75, "dev84": 0.90, "dev85": 0.90,
    "dev86": 0.90, "dev87": 0.90, "dev88": 0.90, "dev89": 0.90, "dev90": 0.80, "dev91": 0.90, "dev92": 0.90,
    "dev93": 0.75, "dev94": 0.90, "dev95": 0.85, "dev96": 0.90, "dev97": 0.90, "dev98": 0.75, "dev99": 0.80,
    "dev100": 0.90, "dev101": 0.85, "dev102": 0.80, "dev103": 0.90, "dev104": 0.90, "dev105": 0.55, "dev106": 0.80,
    "dev107": 0.85, "dev108": 0.90, "dev109": 0.75, "dev110": 0.85, "dev111": 0.80, "dev112": 0.90, "dev113": 0.55,
    "dev114": 0.75, "dev115": 0.80, "dev116": 0.80, "dev117": 0.85, "dev118": 0.80, "dev119": 0.80, "dev120": 0.75,
    "dev121": 0.85, "dev122": 0.70, "dev123": 0.80, "dev124": 0.85, "dev125": 0.75, "dev126": 0.80, "dev127": 0.85,
    "dev128": 0.85, "dev129": 0.70, "dev130": 0.65, "dev131": 0.75, "dev132": 0.90, "dev133": 0.70, "dev134": 0.75,
    "dev135": 0.80, "dev136": 0.75, "dev137": 0.90, "dev138": 0.80, "dev139": 0.90, "dev140": 0.95, "dev141": 0.90,
    "dev142": 0.70, "dev143": 0.85, "dev144": 0.80, "dev145": 0.80, "dev146": 0.85, "dev147": 0.75, "dev148": 0.95,
    "dev149": 0.75, "dev150": 0.95, "dev151": 0.90, "dev152": 0.65, "dev153": 0.85, "dev154": 0.90, "dev155": 0.80,
    "dev156": 0.95, "dev157": 0.85, "dev158": 0.90, "dev159": 0.85, "dev160": 0.85, "dev161": 0.90, "dev162": 0.95,
    "dev163": 0.90, "dev164": 0.90, "dev165": 0.85, "dev166": 0.85, "dev167": 0.85, "dev168": 0.90, "dev169": 0.80,
    "dev170": 0.95, "dev171": 0.90, "dev172": 0.85, "dev173": 0.90, "dev174": 0.85, "dev175": 0.95,
    "dev176": 0.90, "dev177": 0.90, "dev178": 0.65, "dev179": 0.75, "dev180": 0.80, "dev181": 0.70,
}


@pytest.mark.parametrize("name, floor", FLOORS.items())
def test_conversation_set_scores_above_its_floor(servers, name: str, floor: float) -> None:
    results = play(load(CONVERSATIONS / name), servers.url, servers.tracker_db)
    line = score_line(results)
    print(f"\n{name} conversation set: {line}")
    report = ARTIFACTS / "conversations" / f"{name}.txt"
    report.parent.mkdir(parents=True, exist_ok=True)
    # the dev set's failures are for error analysis; the blind set's stay unread
    report.write_text((failures(results) + "\n" if name.startswith("dev") else "") + line + "\n")
    score = float(line.split("score=")[1].split()[0])
    assert score >= floor, f"{name} set: {line} (floor {floor})"
