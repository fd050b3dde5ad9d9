"""The channels' door: signed conversation ids, safe text, JSON bodies, rate limits (tables)."""

import json

import pytest

from bot.channels.gate import ConversationIds, RateLimiter, Refused, checked_text, json_object, text_problem
from bot.channels.rest import parse_message, parse_start

IDS = ConversationIds(b"k" * 32)


@pytest.mark.parametrize(
    "text, problem",
    [
        ("سلام", None),
        ("привет\nмир\t!", None),
        ("😀 mixed متن и текст ۱۲۳", None),
        ("x\udfff", "lone surrogate"),
        ("\ud83d", "lone surrogate"),
        ("a\x00b", "U+0000"),
        ("bell\x07", "U+0007"),
        ("\x1b[31mred", "U+001B"),
        ("\ufffe", "non-character"),
    ],
)
def test_text_problem(text: str, problem: str | None) -> None:
    found = text_problem(text)
    assert (found is None) if problem is None else (problem in (found or ""))


@pytest.mark.parametrize("value", [42, None, "x" * 101, "a\x00", "x\udfff"])
def test_checked_text_refuses_with_a_400_in_both_languages(value: object) -> None:
    with pytest.raises(Refused) as refused:
        checked_text(value, "message", 100)
    assert refused.value.status == 400 and refused.value.body["fa"] and refused.value.body["ru"]


@pytest.mark.parametrize(
    "raw",
    [b"{not json", b"", b"\xff\xfe", b"[1, 2]", b'"text"', b"[" * 5000 + b"]" * 5000,
     b'{"a":' * 3000 + b"1" + b"}" * 3000],
)
def test_json_object_refuses_anything_but_one_object(raw: bytes) -> None:
    with pytest.raises(Refused) as refused:
        json_object(raw)
    assert refused.value.status == 400 and refused.value.body["error"] == "bad_request"


def test_signed_ids_name_their_store_and_cannot_be_forged() -> None:
    sender = IDS.issue("tisa")
    assert sender.startswith("c1.tisa.") and len(sender) <= 128
    assert IDS.store_of(sender) == "tisa"
    assert IDS.issue("tisa") != sender
    prefix, store, nonce, signature = sender.split(".")
    flip = {"A": "B"}

    def changed(text: str) -> str:
        return text[:-1] + flip.get(text[-1], "A")

    forged = [
        f"{prefix}.sitra.{nonce}.{signature}",                 # another store, same signature
        f"{prefix}.{store}.{changed(nonce)}.{signature}",      # another nonce
        changed(sender),                                       # another signature
        ConversationIds(b"x" * 32).issue("tisa"),              # another server's secret
        "me", "tg-tisa-12345", "", None, 42, sender + " ",
    ]
    assert [IDS.store_of(candidate) for candidate in forged] == [None] * len(forged)


def test_client_keys_are_stable_and_do_not_hold_the_address() -> None:
    key = IDS.client_key("203.0.113.7")
    assert key == IDS.client_key("203.0.113.7") != IDS.client_key("203.0.113.8")
    assert "203" not in key and len(key) <= 32


def test_rate_limiter_allows_a_burst_then_the_rate() -> None:
    limiter = RateLimiter(burst=3, per_second=0.5)
    assert [limiter.allow("a", now=0.0) for _ in range(4)] == [True, True, True, False]
    assert limiter.allow("b", now=0.0)                      # keys are independent
    assert not limiter.allow("a", now=1.0)                  # half a token back
    assert limiter.allow("a", now=2.1)                      # a whole one
    assert limiter.retry_after("a") >= 1
    with pytest.raises(Refused) as refused:
        limiter.check("a", now=2.2)
    assert refused.value.status == 429 and refused.value.body["retry_after"] >= 1


def test_rate_limiter_forgets_the_least_recently_used_keys() -> None:
    limiter = RateLimiter(burst=1, per_second=0.001, max_keys=2)
    for key in ("a", "b", "c"):
        assert limiter.allow(key, now=0.0)
    assert limiter.allow("a", now=0.0)  # "a" was forgotten: memory stays bounded


@pytest.fixture
def ids(monkeypatch: pytest.MonkeyPatch) -> ConversationIds:
    """The channel's own signer with a known secret."""
    from bot.channels import gate

    monkeypatch.setenv("CONVERSATION_SECRET", "s" * 40)
    gate.conversation_ids.cache_clear()
    yield gate.conversation_ids()
    gate.conversation_ids.cache_clear()


def test_parse_message_keeps_only_our_metadata(ids: ConversationIds) -> None:
    sender = ids.issue("tisa")
    payload = {"sender": sender, "message": "سلام",
               "metadata": {"store": "tisa", "language": "ru-RU", "intent": "x", "client": "spoofed"}}
    assert parse_message(payload, "c-1") == (sender, "سلام", {"store": "tisa", "client": "c-1", "language": "ru"})
    assert parse_message({"sender": sender, "message": None}, "c-1")[1:] == ("", {"store": "tisa", "client": "c-1"})


@pytest.mark.parametrize(
    "change, status, error",
    [
        ({"sender": "u1"}, 403, "forbidden_conversation"),
        ({"sender": None}, 403, "forbidden_conversation"),
        ({"sender": "tg-tisa-12345"}, 403, "forbidden_conversation"),
        ({"metadata": {"store": "sitra"}}, 403, "store_mismatch"),
        ({"metadata": {"store": "amazon"}}, 400, "unknown_store"),
        ({"metadata": {"store": 5}}, 400, "unknown_store"),
        ({"metadata": "tisa"}, 400, "bad_request"),
        ({"message": 42}, 400, "bad_request"),
        ({"message": "hi\udfff"}, 400, "bad_request"),
        ({"message": "\x00"}, 400, "bad_request"),
    ],
)
def test_parse_message_refuses_clearly(ids: ConversationIds, change: dict, status: int, error: str) -> None:
    payload = {"sender": ids.issue("tisa"), "message": "hi", **change}
    with pytest.raises(Refused) as refused:
        parse_message(payload, "c-1")
    assert (refused.value.status, refused.value.body["error"]) == (status, error)
    assert refused.value.body["fa"] and refused.value.body["ru"]


def test_an_unknown_store_is_named_but_not_echoed_at_length() -> None:
    with pytest.raises(Refused) as refused:
        parse_start({"store": "amazon" + "x" * 10_000})
    body = refused.value.body
    assert body["error"] == "unknown_store" and "tisa" in body["ru"]
    assert len(json.dumps(body, ensure_ascii=False)) < 1000


def test_parse_start_defaults_the_store(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DEFAULT_STORE", "citadel")
    assert parse_start({}) == "citadel"
    assert parse_start({"store": "tisa"}) == "tisa"
