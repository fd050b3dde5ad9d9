"""The attacks of the security review, each replayed against the real servers (see README.md here)."""

from __future__ import annotations

import asyncio
import json
import re
import sqlite3
import time
from pathlib import Path
from typing import Any, Iterator

import pytest
import requests

from support import ARTIFACTS, Servers, free_port, full_phones_in, known_phones

pytestmark = pytest.mark.server

SECRET = "security-suite_secret-0123456789"
TISA_BOT = "7100001:TEST-security-suite-token-0123456789"
GUARDED_LOGS = ARTIFACTS / "security-server-logs"


@pytest.fixture(scope="module")
def guarded(model_path: Path) -> Iterator[Servers]:
    """Servers with tight rate limits, debug logging and a Telegram bot whose API is never reached."""
    running = Servers(model_path, GUARDED_LOGS, extra_env={
        "CONVERSATION_RATE": "30:1", "HISTORY_RATE": "5:1", "MESSAGE_RATE": "5:1", "LOG_LEVEL": "DEBUG",
        "TELEGRAM_BOTS": f"tisa:{TISA_BOT}", "TELEGRAM_SECRET_TOKEN": SECRET,
        "TELEGRAM_API_BASE": f"http://127.0.0.1:{free_port()}",  # nothing listens: no update here needs it
    })
    yield running
    running.stop()


def post_raw(servers: Servers, path: str, raw: bytes, **headers: str) -> requests.Response:
    """A request exactly as an attacker writes it."""
    return requests.post(f"{servers.url}{path}", data=raw, timeout=60,
                         headers={"Content-Type": "application/json", **headers})


def alive(servers: Servers) -> None:
    """The server still answers customers of every store."""
    for store in ("tisa", "citadel"):
        assert servers.say(servers.conversation(store), "سلام", store=store)


def texts(replies: list[dict[str, Any]]) -> str:
    return "\n".join(reply.get("text") or "" for reply in replies)


# 1. One request must not stop the server -------------------------------------------------


@pytest.mark.parametrize(
    "template, status",
    [
        ('{"sender": "x\\udfff", "message": "hi"}', 403),                       # the request that stopped it
        ('{"sender": "SIGNED", "message": "hi \\udfff"}', 400),
        ('{"sender": "SIGNED", "message": "\\ud83d"}', 400),
        ('{"sender": "SIGNED", "message": "a\\u0000b"}', 400),
        ('{"sender": "SIGNED", "message": "\\u001b[31m"}', 400),
        ('{"sender": "SIGNED", "message": "hi", "metadata": {"store": "tisa\\udfff"}}', 400),
        ('{"sender": "SIGNED", "message": "hi", "metadata": {"language": "\\udfff"}}', 200),  # dropped, never kept
        ('{"sender": "x\\udfff\\u0000", "message": "\\udfff"}', 403),
    ],
)
def test_invalid_text_is_refused_and_the_server_keeps_serving(servers: Servers, template: str, status: int) -> None:
    raw = template.replace("SIGNED", servers.conversation("tisa")).encode()
    answer = post_raw(servers, "/webhooks/rest/webhook", raw)
    assert answer.status_code == status, answer.text
    if status != 200:
        assert answer.json()["fa"] and answer.json()["ru"]
    alive(servers)


def test_a_tracker_store_error_never_exits_the_process(tmp_path: Any) -> None:
    """Rasa's SQL tracker store exits the process on any ValueError; ours raises instead."""
    from rasa.core.tracker_store import SQLTrackerStore
    from rasa.shared.core.domain import Domain
    from rasa.shared.core.events import UserUttered
    from rasa.shared.core.trackers import DialogueStateTracker

    from bot.tracker_store import SafeSQLTrackerStore, TrackerStoreError

    tracker = DialogueStateTracker.from_events("x\udfff", [UserUttered("hi")])
    stock = SQLTrackerStore(Domain.empty(), dialect="sqlite", db=str(tmp_path / "stock.db"))
    with pytest.raises(SystemExit):  # what stopped every store's assistant
        asyncio.run(stock.save(tracker))
    ours = SafeSQLTrackerStore(Domain.empty(), db=str(tmp_path / "ours.db"))
    with pytest.raises(TrackerStoreError):
        asyncio.run(ours.save(tracker))


def test_a_locked_database_is_survived_and_no_phone_reaches_the_logs(guarded: Servers) -> None:
    sender = guarded.conversation("offykala")
    guarded.say(sender, "سلام", store="offykala")  # the session's first events are stored
    tracker_db = sqlite3.connect(GUARDED_LOGS / "tracker.db", timeout=30)
    tracker_db.execute("BEGIN IMMEDIATE")  # readers go on, every write waits and then fails
    try:
        answer = guarded.send(sender, "سفارش 58120 با موبایل 09121234567 کجاست؟", store="offykala")
    finally:
        tracker_db.rollback()
        tracker_db.close()
    assert answer.status_code in (200, 503)  # Rasa answers from memory, or we say we are unavailable
    assert answer.json() and (answer.status_code == 200 or answer.json()["fa"])
    alive(guarded)
    log = (GUARDED_LOGS / "rasa.log").read_text(errors="replace")
    assert "database is locked" in log                # the failure was logged...
    assert "*******4567" in log                       # ...the message too (debug logging is on)...
    assert full_phones_in(log, known_phones()) == []  # ...with the phone masked everywhere


# 2. The phone check cannot be brute-forced ---------------------------------------------


def test_a_new_conversation_per_guess_still_locks_the_order(guarded: Servers) -> None:
    guesses = []
    for guess in range(1000, 1010):  # ten wrong last-four-digits, each from a fresh conversation
        sender = guarded.conversation("offykala")
        guarded.say(sender, "سفارش ۵۸۱۲۳ کجاست؟", store="offykala")
        guesses.append(texts(guarded.say(sender, str(guess), store="offykala")))
    assert all("جور نیستند" in reply for reply in guesses[:9])
    assert "متوقف" in guesses[9]  # the tenth failure locks the order, whatever the conversation

    owner = guarded.conversation("offykala")
    guarded.say(owner, "سفارش ۵۸۱۲۳ کجاست؟", store="offykala")
    replies = guarded.say(owner, "4403", store="offykala")  # even the right digits: nothing is looked up
    assert "متوقف" in texts(replies) and "Panasonic" not in texts(replies)
    assert {"handoff": "queued"} in [reply.get("custom") for reply in replies]  # the owner is queued for a person
    log = (GUARDED_LOGS / "actions.log").read_text(errors="replace")
    assert "WARNING" in log and "order look-ups locked: store=offykala scope=order order_id='58123'" in log


# 3. A verification belongs to its store ---------------------------------------------------


def test_a_verified_order_does_not_open_another_stores_order(servers: Servers) -> None:
    sender = servers.conversation("offykala")
    verified = texts(servers.say(sender, "وضعیت سفارش 58122 موبایل 09124444402", store="offykala"))
    assert "58122" in verified and "Epson" in verified
    answer = requests.post(f"{servers.url}/webhooks/rest/webhook", timeout=30, json={
        "sender": sender, "message": "وضعیت سفارشم چیه؟", "metadata": {"store": "sitra"}})
    assert answer.status_code == 403 and answer.json()["error"] == "store_mismatch"


def test_the_conversations_store_wins_over_a_messages_metadata() -> None:
    from bot.conversation import store_for

    assert store_for({"store": "sitra"}, "offykala", "tisa").id == "offykala"
    assert store_for({"store": "sitra"}, None, "tisa").id == "sitra"


# 4. Conversation ids are issued and signed by the server -------------------------------


def test_invented_or_forged_ids_cannot_write_or_read(servers: Servers) -> None:
    victim = servers.conversation("offykala")
    servers.say(victim, "وضعیت سفارش 58122 موبایل 09124444402", store="offykala")
    prefix, store, nonce, signature = victim.split(".")
    for sender in ("me", "w-0123456789abcdef", f"{prefix}.{store}.{nonce}.{'A' * 43}",
                   f"{prefix}.tisa.{nonce}.{signature}", victim.upper()):
        message = requests.post(f"{servers.url}/webhooks/rest/webhook", timeout=30,
                                json={"sender": sender, "message": "وضعیت سفارشم چیه؟"})
        assert message.status_code == 403 and message.json()["error"] == "forbidden_conversation"
        history = requests.get(f"{servers.url}/webhooks/widget/history", timeout=30,
                               params={"sender": sender, "store": "offykala"})
        assert history.status_code == 403 and "Epson" not in history.text
    own = requests.get(f"{servers.url}/webhooks/widget/history", timeout=30,
                       params={"sender": victim, "store": "offykala"})
    assert own.status_code == 200 and "Epson" in own.text


def test_ids_are_unguessable_and_bound_to_their_store(servers: Servers) -> None:
    first, second = servers.conversation("tisa"), servers.conversation("tisa")
    assert first != second and re.fullmatch(r"c1\.tisa\.[A-Za-z0-9_-]{22}\.[A-Za-z0-9_-]{43}", first)
    answer = requests.post(f"{servers.url}/webhooks/rest/conversations", json={"store": "amazon"}, timeout=30)
    assert answer.status_code == 400 and answer.json()["error"] == "unknown_store"


def test_a_flooding_conversation_is_refused_politely_and_others_are_answered(guarded: Servers) -> None:
    flooder = guarded.conversation("tisa")
    statuses = []
    for _ in range(10):  # the module's server allows a conversation 5 messages at once, then one a minute
        answer = guarded.send(flooder, "سلام", store="tisa")
        statuses.append(answer.status_code)
        if answer.status_code == 429:
            break
    assert statuses[-1] == 429 and set(statuses[:-1]) == {200} and len(statuses) == 6
    assert int(answer.headers["Retry-After"]) >= 1 and answer.json()["fa"] and answer.json()["ru"]
    assert guarded.say(guarded.conversation("citadel"), "привет", store="citadel")  # another customer meanwhile


def test_starting_conversations_and_reading_history_are_rate_limited(guarded: Servers) -> None:
    statuses = []
    for _ in range(40):  # the module's server allows 30 at once, whatever the other tests took
        answer = requests.post(f"{guarded.url}/webhooks/rest/conversations", json={"store": "tisa"}, timeout=30)
        statuses.append(answer.status_code)
        if answer.status_code == 429:
            break
    assert statuses[-1] == 429 and set(statuses[:-1]) == {200}
    assert int(answer.headers["Retry-After"]) >= 1 and answer.json()["fa"] and answer.json()["ru"]

    history = []
    for _ in range(10):
        answer = requests.get(f"{guarded.url}/webhooks/widget/history", params={"sender": "x"}, timeout=30)
        history.append(answer.status_code)
        if answer.status_code == 429:
            break
    assert history[-1] == 429 and len(history) <= 6


# 5. Smaller ones --------------------------------------------------------------------------


def test_deeply_nested_json_is_a_400(servers: Servers, guarded: Servers) -> None:
    nested = b"[" * 5000 + b"]" * 5000
    assert post_raw(servers, "/webhooks/rest/webhook", nested).status_code == 400
    assert post_raw(servers, "/webhooks/rest/conversations", b'{"a":' * 300 + b"1" + b"}" * 300).status_code == 413
    telegram = post_raw(guarded, "/webhooks/telegram/webhook/tisa", nested,
                        **{"X-Telegram-Bot-Api-Secret-Token": SECRET})
    assert telegram.status_code == 400


def test_large_bodies_are_refused_before_they_are_read(servers: Servers) -> None:
    big = b'{"sender": "x", "message": "' + b"a" * (60 * 1024 * 1024) + b'"}'
    started = time.monotonic()
    try:
        answer = post_raw(servers, "/webhooks/rest/webhook", big)
    except requests.ConnectionError:  # the server may close the connection after its 413
        answer = None
    assert answer is None or answer.status_code == 413
    assert time.monotonic() - started < 30
    store = "x" * 1_000_000
    echoed = post_raw(servers, "/webhooks/rest/conversations", json.dumps({"store": store}).encode())
    assert echoed.status_code == 413 and len(echoed.content) < 2000
    named = requests.post(f"{servers.url}/webhooks/rest/conversations", json={"store": "y" * 500}, timeout=30)
    assert named.status_code == 400 and len(named.content) < 2000 and "y" * 65 not in named.text
    alive(servers)


def test_telegram_checks_the_secret_first_and_never_500s(guarded: Servers) -> None:
    path = "/webhooks/telegram/webhook/"
    update = json.dumps({"update_id": 1, "message": {"chat": {"id": 1, "type": "private"}, "text": "سلام"}}).encode()
    for store in ("tisa", "sitra", "nope"):  # with a wrong secret, every store looks the same
        answer = post_raw(guarded, path + store, update, **{"X-Telegram-Bot-Api-Secret-Token": "wrong"})
        assert (answer.status_code, answer.json()) == (403, {"ok": False, "error": "forbidden"})
    non_ascii = requests.post(f"{guarded.url}{path}tisa", data=update, timeout=30,
                              headers={"X-Telegram-Bot-Api-Secret-Token": "é-секрет".encode().decode("latin-1")})
    assert non_ascii.status_code == 403
    without_bot = post_raw(guarded, path + "sitra", update, **{"X-Telegram-Bot-Api-Secret-Token": SECRET})
    assert without_bot.status_code == 404
