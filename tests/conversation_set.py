"""Plays the conversation sets (tests/data/conversations) against running servers and scores them.

Each conversation was written from the store pages alone (see BRIEF.md there). A turn passes
when every reply is in the customer's language, every `mentions` group has one alternative
in the replies, no `not_mentions` string is there, and the assistant asks for what `asks`
says (read from the conversation's `requested_slot` when the tracker database is given,
otherwise from the reply's words). A conversation passes when all its turns pass.

    python tests/conversation_set.py tests/data/conversations/dev --url http://127.0.0.1:5005 \
        --tracker-db var/tracker.db [--failures]

prints one line: `conversations=.. passed=.. score=.. turns=.. turn_score=..`.
"""

from __future__ import annotations

import argparse
import json
import re
import sqlite3
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Optional

import requests
import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bot.nlu.language import detect_language  # noqa: E402
from bot.stores.units import comparable  # noqa: E402

CONVERSATIONS = ROOT / "tests" / "data" / "conversations"
# what the writers' `asks` names, as the slot the assistant asks for
ASKED_SLOTS = {"order_id": "order_number", "phone": "phone", "return_item": "item", "return_reason": "reason",
               "sealed": "seal", "city": "city", "amount": "amount", "distance": "distance", "time": "time"}
# without the tracker: the words of a question for each
ASKED_WORDS = {
    "order_number": ("شماره سفارش", "شماره‌ی سفارش", "номер заказа"),
    "phone": ("موبایل", "شماره تلفن", "телефон"),
    "amount": ("مبلغ", "сумм"),
    "city": ("شهر", "город"),
    "distance": ("کیلومتر", "км", "расстояни"),
    "time": ("ساعت", "во сколько", "время"),
}
# a short request asks as a question does: "لطفاً شماره سفارش را بفرستید", "пришлите номер телефона" (not a rule's
# "напишите в поддержку: телефон …")
_REQUEST = re.compile(r"بفرستید|بنویسید|пришлите|напишите|укажите|отправьте", re.IGNORECASE)
# a reply's sentences: the question is the one asked, not a rule said before it ("Доставка за город стоит 2 лари за
# км. Какое расстояние в километрах?" asks the distance, not the city)
# an offer is not a request: "اگر مبلغ سفارش را بنویسید، … حساب می‌کنم", "Если напишете сумму, я рассчитаю"
_OFFER = re.compile(r"^\W*(?:اگر|اگه|если)(?!\w)", re.IGNORECASE)
_SENTENCE_END = re.compile(r"(?<=[.!?؟])\s+|\n+")
_SEPARATOR = re.compile(r"(?<=\d)[,٬\u066c\u00a0\u202f ](?=\d{3}(?!\d))")


def canonical(text: str) -> str:
    """Text as the set compares it: ASCII digits, Persian letters, no ZWNJ, no thousands separators."""
    folded = comparable(text)
    return _SEPARATOR.sub("", re.sub(r"\s+", " ", folded))


@dataclass
class TurnResult:
    """One customer turn and what went wrong with the assistant's answer."""

    conversation: str
    user: str
    replies: list[str]
    problems: list[str] = field(default_factory=list)


def load(path: Path) -> list[dict[str, Any]]:
    """The conversations of a set: one YAML file or every YAML file of a folder."""
    files = sorted(path.glob("*.yml")) if path.is_dir() else [path]
    return [conversation for file in files for conversation in yaml.safe_load(file.read_text())]


def requested_slot(tracker_db: Path, sender: str) -> Optional[str]:
    """The slot the assistant asked for last in this conversation, from the tracker store."""
    with sqlite3.connect(tracker_db) as db:
        row = db.execute("SELECT data FROM events WHERE sender_id = ? AND type_name = 'slot' AND "
                         "action_name = 'requested_slot' ORDER BY id DESC LIMIT 1", (sender,)).fetchone()
    return json.loads(row[0]).get("value") if row else None


def asked(replies: list[str], slot: Optional[str]) -> str:
    """What the assistant asked for: the form's slot, else the words of a question or a request, else nothing."""
    if slot:
        return ASKED_SLOTS.get(slot, slot)
    sentences = [sentence for text in replies for sentence in _SENTENCE_END.split(text.strip()) if sentence]
    questions = [canonical(sentence) for sentence in sentences if sentence.endswith(("?", "؟"))]
    questions += [canonical(text) for text in replies if len(text) <= 120 and _REQUEST.search(text) and not _OFFER.match(text)]
    for name, words in ASKED_WORDS.items():
        if any(canonical(word) in question for question in questions for word in words):
            return name
    return "nothing"


def fact_problems(expect: dict[str, Any], language: str, replies: list[str]) -> list[str]:
    """Replies not in the customer's language, `mentions` groups missing, `not_mentions` said."""
    said = canonical("\n".join(replies))
    problems = []
    wrong = [text for text in replies if detect_language(text) not in (None, language)]
    if wrong:
        problems.append(f"not in {language}: {wrong[0][:60]!r}")
    for group in expect.get("mentions") or []:
        if not any(canonical(str(alternative)) in said for alternative in group):
            problems.append(f"missing one of {group}")
    for forbidden in expect.get("not_mentions") or []:
        if canonical(str(forbidden)) in said:
            problems.append(f"says {forbidden!r}")
    return problems


def judge(turn: dict[str, Any], language: str, replies: list[str], asked_for: str) -> list[str]:
    """What is wrong with the replies to one turn (empty: the turn passes)."""
    expect = turn.get("expect") or {}
    problems = ["no reply"] if not replies else []
    problems += fact_problems(expect, language, replies)
    wanted = expect.get("asks") or "nothing"
    if wanted != asked_for:
        problems.append(f"asks {asked_for}, expected {wanted}")
    return problems


def play(conversations: list[dict[str, Any]], url: str, tracker_db: Optional[Path],
         progress: Callable[[str], None] = lambda _: None) -> list[list[TurnResult]]:
    """Plays every conversation in a new conversation of its store; the turn results of each."""
    results = []
    for conversation in conversations:
        started = requests.post(f"{url}/webhooks/rest/conversations", json={"store": conversation["store"]},
                                timeout=60)
        while started.status_code == 429:  # the server's limit on new conversations: wait as it says
            time.sleep(int(started.headers.get("Retry-After", "5")))
            started = requests.post(f"{url}/webhooks/rest/conversations", json={"store": conversation["store"]},
                                    timeout=60)
        started.raise_for_status()
        sender = started.json()["sender"]
        turns = []
        for turn in conversation["turns"]:
            body = json.dumps({"sender": sender, "message": turn["user"]}, ensure_ascii=False).encode()
            answer = requests.post(f"{url}/webhooks/rest/webhook", data=body, timeout=120,
                                   headers={"Content-Type": "application/json"})
            replies = [reply.get("text") or "" for reply in answer.json()] if answer.status_code == 200 else []
            slot = requested_slot(tracker_db, sender) if tracker_db else None
            result = TurnResult(conversation["id"], turn["user"], replies,
                                judge(turn, conversation["language"], replies, asked(replies, slot)))
            if answer.status_code != 200:
                result.problems.insert(0, f"HTTP {answer.status_code}")
            turns.append(result)
        progress("." if all(not turn.problems for turn in turns) else "F")
        results.append(turns)
    return results


def score_line(results: list[list[TurnResult]]) -> str:
    """The one line to compare from run to run."""
    conversations = len(results)
    passed = sum(all(not turn.problems for turn in turns) for turns in results)
    turns = [turn for conversation in results for turn in conversation]
    good = sum(not turn.problems for turn in turns)
    return (f"conversations={conversations} passed={passed} score={passed / max(conversations, 1):.3f} "
            f"turns={len(turns)} turn_score={good / max(len(turns), 1):.3f}")


def failures(results: list[list[TurnResult]]) -> str:
    """The failed turns, for error analysis (use it on the dev set, never to tune on the blind one)."""
    lines = []
    for turn in (turn for conversation in results for turn in conversation if turn.problems):
        lines.append(f"{turn.conversation}: {turn.user}")
        lines += [f"    problem: {problem}" for problem in turn.problems]
        lines += [f"    bot: {reply}" for reply in turn.replies]
    return "\n".join(lines)


def main() -> None:
    """Command line: play a set against a running assistant and print the score line."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("set", type=Path, help="a YAML file or a folder of them")
    parser.add_argument("--url", default="http://127.0.0.1:5005")
    parser.add_argument("--tracker-db", type=Path, help="the server's SQLite tracker store (TRACKER_DB)")
    parser.add_argument("--failures", action="store_true", help="print every failed turn")
    args = parser.parse_args()
    results = play(load(args.set), args.url, args.tracker_db, lambda mark: print(mark, end="", flush=True))
    print()
    if args.failures:
        print(failures(results))
    print(score_line(results))


if __name__ == "__main__":
    main()
