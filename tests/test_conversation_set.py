"""The blind conversation set, played against the real servers: the score may not fall below its floor.

The set (tests/data/conversations/blind) was written from the store pages alone by writers
who never saw this project's code, data or replies (brief: tests/data/conversations/BRIEF.md),
and is never tuned on: error analysis uses the dev sets (tests/data/conversations/dev, and dev2
to dev99, written later by other writers under the same brief).
"""

from __future__ import annotations

import pytest

from conversation_set import CONVERSATIONS, failures, load, play, score_line
from support import ARTIFACTS

pytestmark = pytest.mark.server

# Conversations of the blind set that must pass. Raised as the assistant improves; the goal is 0.95.
BLIND_FLOOR = 0.84
DEV_FLOOR = 0.90
DEV2_FLOOR = 0.94
DEV3_FLOOR = 0.74
DEV4_FLOOR = 0.88
DEV5_FLOOR = 0.84
DEV6_FLOOR = 0.78
DEV7_FLOOR = 0.78
DEV8_FLOOR = 0.86
DEV9_FLOOR = 0.76
DEV10_FLOOR = 0.80
DEV11_FLOOR = 0.84
DEV12_FLOOR = 0.62
DEV13_FLOOR = 0.82
DEV14_FLOOR = 0.70
DEV15_FLOOR = 0.80
DEV16_FLOOR = 0.68
DEV18_FLOOR = 0.76
DEV19_FLOOR = 0.82
DEV20_FLOOR = 0.85
DEV21_FLOOR = 0.80
DEV22_FLOOR = 0.75
DEV23_FLOOR = 0.75
DEV24_FLOOR = 0.75
DEV25_FLOOR = 0.50
DEV26_FLOOR = 0.80
DEV27_FLOOR = 0.70
DEV28_FLOOR = 0.85
DEV29_FLOOR = 0.60
DEV30_FLOOR = 0.80
DEV31_FLOOR = 0.90
DEV32_FLOOR = 0.85
DEV33_FLOOR = 0.70
DEV34_FLOOR = 0.80
DEV35_FLOOR = 0.90
DEV36_FLOOR = 0.75
DEV37_FLOOR = 0.90
DEV38_FLOOR = 0.90
DEV39_FLOOR = 0.75
DEV40_FLOOR = 0.85
DEV41_FLOOR = 0.75
DEV42_FLOOR = 0.80
DEV43_FLOOR = 0.80
DEV44_FLOOR = 0.85
DEV45_FLOOR = 0.90
DEV46_FLOOR = 0.85
DEV47_FLOOR = 0.90
DEV48_FLOOR = 0.80
DEV49_FLOOR = 0.90
DEV50_FLOOR = 0.85
DEV51_FLOOR = 0.85
DEV52_FLOOR = 0.80
DEV53_FLOOR = 0.85
DEV54_FLOOR = 0.90
DEV55_FLOOR = 0.85
DEV56_FLOOR = 0.60
DEV57_FLOOR = 0.75
DEV58_FLOOR = 0.75
DEV59_FLOOR = 0.90
DEV60_FLOOR = 0.90
DEV61_FLOOR = 0.90
DEV62_FLOOR = 0.90
DEV63_FLOOR = 0.80
DEV64_FLOOR = 0.90
DEV65_FLOOR = 0.90
DEV66_FLOOR = 0.75
DEV67_FLOOR = 0.75
DEV68_FLOOR = 0.85
DEV69_FLOOR = 0.70
DEV70_FLOOR = 0.90
DEV71_FLOOR = 0.80
DEV72_FLOOR = 0.85
DEV73_FLOOR = 0.80
DEV74_FLOOR = 0.85
DEV75_FLOOR = 0.90
DEV76_FLOOR = 0.90
DEV77_FLOOR = 0.85
DEV78_FLOOR = 0.65
DEV79_FLOOR = 0.85
DEV80_FLOOR = 0.85
DEV81_FLOOR = 0.85
DEV82_FLOOR = 0.75
DEV83_FLOOR = 0.75
DEV84_FLOOR = 0.90
DEV85_FLOOR = 0.90
DEV86_FLOOR = 0.90
DEV87_FLOOR = 0.90
DEV88_FLOOR = 0.90
DEV89_FLOOR = 0.90
DEV90_FLOOR = 0.80
DEV91_FLOOR = 0.90
DEV92_FLOOR = 0.90
DEV93_FLOOR = 0.75
DEV94_FLOOR = 0.90
DEV95_FLOOR = 0.85
DEV96_FLOOR = 0.90
DEV97_FLOOR = 0.90
DEV98_FLOOR = 0.75
DEV99_FLOOR = 0.80


@pytest.mark.parametrize("name, floor", [("blind", BLIND_FLOOR), ("dev", DEV_FLOOR), ("dev2", DEV2_FLOOR),
                                         ("dev3", DEV3_FLOOR), ("dev4", DEV4_FLOOR), ("dev5", DEV5_FLOOR),
                                         ("dev6", DEV6_FLOOR), ("dev7", DEV7_FLOOR), ("dev8", DEV8_FLOOR),
                                         ("dev9", DEV9_FLOOR), ("dev10", DEV10_FLOOR), ("dev11", DEV11_FLOOR),
                                         ("dev12", DEV12_FLOOR), ("dev13", DEV13_FLOOR), ("dev14", DEV14_FLOOR),
                                         ("dev15", DEV15_FLOOR), ("dev16", DEV16_FLOOR), ("dev18", DEV18_FLOOR),
                                         ("dev19", DEV19_FLOOR), ("dev20", DEV20_FLOOR),
                                         ("dev21", DEV21_FLOOR), ("dev22", DEV22_FLOOR), ("dev23", DEV23_FLOOR),
                                         ("dev24", DEV24_FLOOR),
                                         ("dev25", DEV25_FLOOR), ("dev26", DEV26_FLOOR), ("dev27", DEV27_FLOOR),
                                         ("dev28", DEV28_FLOOR), ("dev29", DEV29_FLOOR), ("dev30", DEV30_FLOOR),
                                         ("dev31", DEV31_FLOOR), ("dev32", DEV32_FLOOR), ("dev33", DEV33_FLOOR),
                                         ("dev34", DEV34_FLOOR), ("dev35", DEV35_FLOOR),
                                         ("dev36", DEV36_FLOOR), ("dev37", DEV37_FLOOR),
                                         ("dev38", DEV38_FLOOR), ("dev39", DEV39_FLOOR),
                                         ("dev40", DEV40_FLOOR), ("dev41", DEV41_FLOOR),
                                         ("dev42", DEV42_FLOOR), ("dev43", DEV43_FLOOR),
                                         ("dev44", DEV44_FLOOR), ("dev45", DEV45_FLOOR), ("dev46", DEV46_FLOOR),
                                         ("dev47", DEV47_FLOOR), ("dev48", DEV48_FLOOR), ("dev49", DEV49_FLOOR),
                                         ("dev50", DEV50_FLOOR), ("dev51", DEV51_FLOOR), ("dev52", DEV52_FLOOR),
                                         ("dev53", DEV53_FLOOR), ("dev54", DEV54_FLOOR), ("dev55", DEV55_FLOOR),
                                         ("dev56", DEV56_FLOOR), ("dev57", DEV57_FLOOR), ("dev58", DEV58_FLOOR),
                                         ("dev59", DEV59_FLOOR), ("dev60", DEV60_FLOOR), ("dev61", DEV61_FLOOR),
                                         ("dev62", DEV62_FLOOR), ("dev63", DEV63_FLOOR), ("dev64", DEV64_FLOOR),
                                         ("dev65", DEV65_FLOOR), ("dev66", DEV66_FLOOR), ("dev67", DEV67_FLOOR),
                                         ("dev68", DEV68_FLOOR), ("dev69", DEV69_FLOOR), ("dev70", DEV70_FLOOR),
                                         ("dev71", DEV71_FLOOR), ("dev72", DEV72_FLOOR), ("dev73", DEV73_FLOOR),
                                         ("dev74", DEV74_FLOOR), ("dev75", DEV75_FLOOR),
                                         ("dev76", DEV76_FLOOR), ("dev77", DEV77_FLOOR), ("dev78", DEV78_FLOOR),
                                         ("dev79", DEV79_FLOOR), ("dev80", DEV80_FLOOR), ("dev81", DEV81_FLOOR),
                                         ("dev82", DEV82_FLOOR), ("dev83", DEV83_FLOOR), ("dev84", DEV84_FLOOR),
                                         ("dev85", DEV85_FLOOR), ("dev86", DEV86_FLOOR), ("dev87", DEV87_FLOOR),
                                         ("dev88", DEV88_FLOOR), ("dev89", DEV89_FLOOR), ("dev90", DEV90_FLOOR),
                                         ("dev91", DEV91_FLOOR), ("dev92", DEV92_FLOOR), ("dev93", DEV93_FLOOR),
                                         ("dev94", DEV94_FLOOR), ("dev95", DEV95_FLOOR), ("dev96", DEV96_FLOOR),
                                         ("dev97", DEV97_FLOOR), ("dev98", DEV98_FLOOR), ("dev99", DEV99_FLOOR)])
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
