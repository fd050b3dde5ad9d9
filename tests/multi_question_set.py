"""Scores the multi-question sets (tests/data/multi): every question of a message answered, no false split.

The sets were written from the store pages alone (see BRIEF.md there). Two figures:

- **Answers**, played against running servers: each message starts a conversation of its
  store; a question is answered when its `mentions` groups are all in the reply (one
  alternative each) and none of its `not_mentions`, or, for a question marked `asks`, when
  the assistant asks for that; and the reply is in the customer's language.
- **Splits**, without servers: how many parts `bot.nlu.questions.split_questions` makes;
  a single-question message cut in two is a false split.

    python tests/multi_question_set.py tests/data/multi/dev_ru.yml --url http://127.0.0.1:5005 \
        --tracker-db var/tracker.db [--failures]

prints `multi_messages=.. questions=.. answered=.. question_score=.. single_messages=.. single_answered=..
single_score=.. false_splits=.. false_split_rate=..`.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Optional

import requests
import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bot.nlu.questions import split_questions  # noqa: E402
from conversation_set import ASKED_WORDS, asked, canonical, fact_problems, requested_slot  # noqa: E402

MULTI = ROOT / "tests" / "data" / "multi"


@dataclass
class MessageResult:
    """One message, its replies and, per question, what went wrong (empty: answered)."""

    id: str
    kind: str
    message: str
    parts: list[str]
    replies: list[str]
    problems: list[list[str]] = field(default_factory=list)


def load(paths: list[Path]) -> list[dict[str, Any]]:
    """The messages of the given YAML files (a folder: the files whose name starts with a prefix)."""
    return [message for path in paths for message in yaml.safe_load(path.read_text())]


def question_problems(question: dict[str, Any], language: str, replies: list[str], asked_for: str) -> list[str]:
    """What is wrong with the reply for one question (empty: it was answered)."""
    problems = []
    if question.get("asks") and asked_for != question["asks"]:
        problems.append(f"asks {asked_for}, expected {question['asks']}")
    return problems + fact_problems(question, language, replies)


def asked_last(replies: list[str], slot: Optional[str]) -> str:
    """What the assistant asked for, also when a form's question comes last without a question mark: the order or
    phone is asked once, after the rules asked beside it ("send the order's phone.")."""
    found = asked(replies, slot)
    last = canonical(replies[-1]) if replies else ""
    if found == "nothing":
        for name in ("order_number", "phone"):
            if any(canonical(word) in last for word in ASKED_WORDS[name]):
                return name
    return found


def start(url: str, store: str) -> str:
    """A new signed conversation of the store (waiting out the server's limit on new conversations)."""
    while True:
        started = requests.post(f"{url}/webhooks/rest/conversations", json={"store": store}, timeout=60)
        if started.status_code != 429:
            started.raise_for_status()
            return str(started.json()["sender"])
        time.sleep(int(started.headers.get("Retry-After", "5")))


def play(messages: list[dict[str, Any]], url: str, tracker_db: Optional[Path],
         progress: Callable[[str], None] = lambda _: None) -> list[MessageResult]:
    """Sends every message in a new conversation of its store and judges each of its questions."""
    results = []
    for message in messages:
        sender = start(url, message["store"])
        body = json.dumps({"sender": sender, "message": message["message"]}, ensure_ascii=False).encode()
        answer = requests.post(f"{url}/webhooks/rest/webhook", data=body, timeout=120,
                               headers={"Content-Type": "application/json"})
        replies = [reply.get("text") or "" for reply in answer.json()] if answer.status_code == 200 else []
        asked_for = asked_last(replies, requested_slot(tracker_db, sender) if tracker_db else None)
        result = MessageResult(message["id"], message["kind"], message["message"],
                               split_questions(message["message"]), replies)
        for question in message["questions"]:
            problems = question_problems(question, message["language"], replies, asked_for)
            result.problems.append(([f"HTTP {answer.status_code}"] if answer.status_code != 200 else []) + problems)
        progress("." if not any(result.problems) else "F")
        results.append(result)
    return results


def split_only(messages: list[dict[str, Any]]) -> list[MessageResult]:
    """The splits alone, without servers."""
    return [MessageResult(m["id"], m["kind"], m["message"], split_questions(m["message"]), []) for m in messages]


def score_line(results: list[MessageResult], played: bool = True) -> str:
    """The one line to compare from run to run."""
    multi = [result for result in results if result.kind == "multi"]
    single = [result for result in results if result.kind == "single"]
    questions = sum(len(result.problems) for result in multi)
    answered = sum(not problems for result in multi for problems in result.problems)
    false_splits = sum(len(result.parts) > 1 for result in single)
    split = sum(len(result.parts) > 1 for result in multi)
    line = f"multi_messages={len(multi)} split={split} "
    if played:
        single_answered = sum(all(not problems for problems in result.problems) for result in single)
        line += (f"questions={questions} answered={answered} question_score={answered / max(questions, 1):.3f} "
                 f"single_messages={len(single)} single_answered={single_answered} "
                 f"single_score={single_answered / max(len(single), 1):.3f} ")
    else:
        line += f"single_messages={len(single)} "
    return line + f"false_splits={false_splits} false_split_rate={false_splits / max(len(single), 1):.3f}"


def failures(results: list[MessageResult]) -> str:
    """The messages with an unanswered question or a false split, for error analysis on the dev sets only."""
    lines = []
    for result in results:
        false_split = result.kind == "single" and len(result.parts) > 1
        if not any(result.problems) and not false_split:
            continue
        lines.append(f"{result.id}: {result.message}")
        lines.append(f"    parts: {result.parts}")
        lines += [f"    question {number}: {'; '.join(problems)}"
                  for number, problems in enumerate(result.problems, 1) if problems]
        lines += [f"    bot: {reply}" for reply in result.replies]
    return "\n".join(lines)


def main() -> None:
    """Command line: score a set's splits, and its answers against a running assistant when a URL is given."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("sets", type=Path, nargs="+", help="YAML files of messages")
    parser.add_argument("--url", help="a running assistant (without it, only the splits are scored)")
    parser.add_argument("--tracker-db", type=Path, help="the server's SQLite tracker store (TRACKER_DB)")
    parser.add_argument("--failures", action="store_true", help="print every failure (dev sets only)")
    args = parser.parse_args()
    messages = load(args.sets)
    if args.url:
        results = play(messages, args.url, args.tracker_db, lambda mark: print(mark, end="", flush=True))
        print()
    else:
        results = split_only(messages)
    if args.failures:
        print(failures(results))
    print(score_line(results, played=bool(args.url)))


if __name__ == "__main__":
    main()
