"""The widget channel: its files, the demo page, the config and the history endpoint."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path
from typing import Any, Optional

import pytest
from rasa.core.tracker_store import AwaitableTrackerStore, InMemoryTrackerStore
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import ActionExecuted, BotUttered, SessionStarted, SlotSet, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker
from sanic.request import RequestParameters

from bot.channels.guard import SLASH_ESCAPE
from bot.channels.widget import (
    ASSET_TYPES,
    STATIC_DIR,
    WidgetInput,
    asset_response,
    config_response,
    demo_response,
    history_messages,
    history_response,
    load_asset,
)
from bot.stores.policy import policies
from bot.tracker_store import SafeSQLTrackerStore

ROOT = Path(__file__).resolve().parents[3]
GREETING_BUTTONS = {"buttons": [{"title": "پیگیری سفارش", "payload": "/order_status"},
                                {"title": "صحبت با پشتیبان", "payload": "/human_handoff"}]}


def args(**values: str) -> RequestParameters:
    """Query parameters as Sanic parses them."""
    return RequestParameters({key: [value] for key, value in values.items()})


def body(reply: Any) -> Any:
    return json.loads(reply.body)


# --- the files -------------------------------------------------------------------------

@pytest.mark.parametrize("name, content_type", [("widget.js", "text/javascript"), ("widget.css", "text/css")])
def test_assets_are_served_with_their_content_type_and_a_validator(name: str, content_type: str) -> None:
    reply = asset_response(name)
    assert reply.status == 200
    assert reply.content_type == f"{content_type}; charset=utf-8"
    assert reply.body == (STATIC_DIR / name).read_bytes()
    assert reply.headers["X-Content-Type-Options"] == "nosniff"
    etag = reply.headers["ETag"]
    assert asset_response(name, etag).status == 304
    assert asset_response(name, '"stale"').status == 200


def test_the_widget_uses_nothing_from_outside_and_never_html_from_text() -> None:
    script = load_asset("widget.js").body.decode()
    css = load_asset("widget.css").body.decode()
    for forbidden in ("innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval(", "new Function"):
        assert forbidden not in script, forbidden
    code = re.sub(r"/\*.*?\*/", "", script, flags=re.S)  # the usage comment shows an example URL
    assert set(re.findall(r"https?://[^\s\"'`]+", code)) == {"http://www.w3.org/2000/svg"}  # SVG namespace
    assert "@import" not in css and "url(" not in css and "@font-face" not in css
    assert 'dir: "auto"' in script and "textContent" in script


def test_the_stylesheet_uses_logical_properties_only() -> None:
    css = re.sub(r"/\*.*?\*/", "", load_asset("widget.css").body.decode(), flags=re.S)
    physical = re.findall(r"(?<![\w-])(?:margin|padding|border)-(?:left|right)\b|(?<![\w-])(?:left|right)\s*:|"
                          r"text-align:\s*(?:left|right)", css)
    assert physical == []
    assert "Vazirmatn" in css and "Tahoma" in css  # Persian-friendly, device fonts only


@pytest.mark.skipif(shutil.which("node") is None, reason="node is not installed: the syntax check needs it")
def test_the_script_is_valid_javascript() -> None:
    subprocess.run(["node", "--check", str(STATIC_DIR / "widget.js")], check=True, capture_output=True)


def test_the_blueprint_serves_every_endpoint() -> None:
    async def handler(message: Any) -> None:
        raise AssertionError("the widget channel takes no messages itself")

    blueprint = WidgetInput().blueprint(handler)
    uris = {route.uri for route in blueprint._future_routes}
    assert uris == {"/", "/widget.js", "/widget.css", "/config", "/demo", "/history", "/updates"}
    assert WidgetInput.name() == "widget" and set(ASSET_TYPES) == {"widget.js", "widget.css"}


def test_the_channel_is_enabled_in_credentials() -> None:
    assert "bot.channels.widget.WidgetInput:" in (ROOT / "credentials.yml").read_text(encoding="utf-8")


# --- config and demo page --------------------------------------------------------------

def test_config_gives_the_stores_language_and_names() -> None:
    assert body(config_response(args(store="citadel")))["language"] == "ru"
    tisa = body(config_response(args(store="tisa")))
    assert (tisa["language"], tisa["name"]["fa"], tisa["name"]["ru"]) == ("fa", "تیسا", "Тиса")
    refused = config_response(args(store="amazon"))
    assert refused.status == 400 and body(refused)["error"] == "unknown_store"


@pytest.mark.parametrize("store, language, direction", [("tisa", "fa", "rtl"), ("citadel", "ru", "ltr")])
def test_demo_page_embeds_the_widget_as_a_store_would(store: str, language: str, direction: str) -> None:
    reply = demo_response(args(store=store))
    page = reply.body.decode()
    assert reply.status == 200 and reply.content_type.startswith("text/html")
    assert f'<html lang="{language}" dir="{direction}">' in page
    assert re.search(rf'<script src="widget\.js" data-store="{store}"[^>]*></script>', page)
    assert "<script>" not in page  # no inline script: the demo runs under a strict CSP
    assert "script-src 'self'" in reply.headers["Content-Security-Policy"]
    for other in policies():  # the store picker
        assert f"demo?store={other}" in page
    assert policies()[store].name[language] in page


def test_demo_page_passes_a_chosen_language_and_has_a_second_page() -> None:
    page = demo_response(args(store="tisa", lang="ru-RU", page="catalog")).body.decode()
    assert 'data-language="ru"' in page and '<html lang="ru" dir="ltr">' in page and "Каталог" in page
    page = demo_response(args(store="tisa", lang="en", page="../../etc")).body.decode()
    assert "data-language" not in page and '<html lang="fa"' in page and "<h1>تیسا</h1>" in page


def test_demo_page_for_an_unknown_store_is_a_400_that_escapes_it() -> None:
    reply = demo_response(args(store="<script>alert(1)</script>"))
    page = reply.body.decode()
    assert reply.status == 400
    assert "<script>alert" not in page and "&lt;script&gt;" in page
    assert all(f"demo?store={store}" in page for store in policies())


# --- history ---------------------------------------------------------------------------

def greeting_and_question(store: str = "tisa") -> list:
    meta = {"store": store}
    return [
        ActionExecuted("action_session_start"), SessionStarted(), ActionExecuted("action_listen"),
        UserUttered("/greet", {"name": "greet"}, metadata=meta, timestamp=100.0),
        BotUttered("سلام! چه کمکی از من برمی‌آید؟", GREETING_BUTTONS, timestamp=101.0),
        UserUttered("/order_status", {"name": "order_status"}, metadata=meta, timestamp=102.0),
        SlotSet("store", store),
        BotUttered("برای پیگیری سفارش به tracking.post.ir بروید.", timestamp=103.0),
        UserUttered(SLASH_ESCAPE + '/inform{"x": 1}', {"name": "inform"}, metadata=meta, timestamp=104.0),
        BotUttered(None, {"custom": {"ignored": True}}, timestamp=105.0),
        UserUttered("/empty_message", {"name": "empty_message"}, metadata=meta, timestamp=106.0),
        BotUttered("پیامتان خالی بود.", timestamp=107.0),
    ]


def test_history_shows_what_the_customer_saw() -> None:
    messages = history_messages(greeting_and_question())
    assert [(m["role"], m["text"]) for m in messages] == [
        ("bot", "سلام! چه کمکی از من برمی‌آید؟"),
        ("user", "پیگیری سفارش"),                 # the button's title, not "/order_status"
        ("bot", "برای پیگیری سفارش به tracking.post.ir بروید."),
        ("user", '/inform{"x": 1}'),              # typed text, without the guard's escape
        ("bot", "پیامتان خالی بود."),
    ]                                             # no hidden "/greet", no "/empty_message", no empty bot event
    assert messages[0]["buttons"] == GREETING_BUTTONS["buttons"]
    assert [m["timestamp"] for m in messages] == [101.0, 102.0, 103.0, 104.0, 107.0]


def test_a_message_of_several_questions_is_shown_once_with_its_replies_as_sent() -> None:
    typed = "где мой заказ CT-2002? и можно ли платить Visa?"
    events = [
        UserUttered("где мой заказ CT-2002?", metadata={"question": 1, "questions": 2, "message": typed}, timestamp=1.0),
        BotUttered("Пришлите телефон заказа.", timestamp=2.0),
        UserUttered("и можно ли платить Visa?", metadata={"question": 2, "questions": 2}, timestamp=3.0),
        BotUttered("Citadel принимает VISA.", timestamp=4.0),
        BotUttered("Пришлите телефон заказа.", timestamp=5.0),
        UserUttered("5502", timestamp=6.0),
        BotUttered("Заказ CT-2002: отправлен.", timestamp=7.0),
    ]
    assert [(m["role"], m["text"]) for m in history_messages(events)] == [
        ("user", typed), ("bot", "Citadel принимает VISA."), ("bot", "Пришлите телефон заказа."),
        ("user", "5502"), ("bot", "Заказ CT-2002: отправлен.")]


def test_a_message_read_in_its_own_script_is_shown_as_typed() -> None:
    events = [UserUttered("заказ где?", metadata={"typed": "zakaz gde?"}, timestamp=1.0), BotUttered("Номер?", timestamp=2.0)]
    assert [m["text"] for m in history_messages(events)] == ["zakaz gde?", "Номер?"]


def test_history_keeps_the_latest_messages_only() -> None:
    events = [BotUttered(f"پیام {i}", timestamp=float(i)) for i in range(10)]
    assert [m["text"] for m in history_messages(events, limit=3)] == ["پیام 7", "پیام 8", "پیام 9"]


def test_history_survives_odd_events() -> None:
    events = [UserUttered("   ", timestamp=1.0), UserUttered(None, timestamp=2.0),
              BotUttered("x", {"buttons": "oops", "quick_replies": [{"title": 1}, "y"]}, timestamp=3.0),
              BotUttered(None, {"image": "https://tisa.example/a.png"}, timestamp=4.0)]
    assert history_messages(events) == [
        {"role": "bot", "text": "x", "timestamp": 3.0, "buttons": []},
        {"role": "bot", "text": "", "timestamp": 4.0, "buttons": [], "image": "https://tisa.example/a.png"},
    ]


class Agent:
    """The part of Rasa's agent the history endpoint uses."""

    def __init__(self, tracker_store: Any) -> None:
        self.tracker_store = tracker_store


class BrokenStore:
    async def retrieve_full_tracker(self, sender: str) -> Optional[DialogueStateTracker]:
        raise ConnectionError("database is down")


@pytest.fixture
def domain() -> Domain:
    return Domain.load(str(ROOT / "domain.yml"))


async def saved(store: Any, sender: str, events: list) -> Any:
    await store.save(DialogueStateTracker.from_events(sender, events))
    return store


@pytest.fixture(autouse=True)
def signer(monkeypatch: pytest.MonkeyPatch) -> Any:
    """The server's signer with a known secret, fresh for each test."""
    from bot.channels import gate

    monkeypatch.setenv("CONVERSATION_SECRET", "w" * 40)
    gate.conversation_ids.cache_clear()
    yield gate.conversation_ids()
    gate.conversation_ids.cache_clear()


async def test_history_reads_the_tracker_store(domain: Domain, signer: Any) -> None:
    sender = signer.issue("tisa")
    store = await saved(AwaitableTrackerStore(InMemoryTrackerStore(domain)), sender, greeting_and_question())
    reply = await history_response(args(sender=sender, store="tisa"), Agent(store))
    assert reply.status == 200 and reply.headers["Cache-Control"] == "no-store"
    answer = body(reply)
    assert (answer["sender"], answer["store"], len(answer["messages"])) == (sender, "tisa", 5)


async def test_history_reads_the_sql_tracker_store_we_run_with(domain: Domain, tmp_path: Path, signer: Any) -> None:
    sender = signer.issue("citadel")
    sql = AwaitableTrackerStore(SafeSQLTrackerStore(domain, db=str(tmp_path / "tracker.db")))
    store = await saved(sql, sender, greeting_and_question("citadel"))
    messages = body(await history_response(args(sender=sender, store="citadel"), Agent(store)))["messages"]
    assert [m["text"] for m in messages][:2] == ["سلام! چه کمکی از من برمی‌آید؟", "پیگیری سفارش"]


async def test_history_of_an_unknown_conversation_is_empty(domain: Domain, signer: Any) -> None:
    store = await saved(AwaitableTrackerStore(InMemoryTrackerStore(domain)), signer.issue("tisa"),
                        greeting_and_question("tisa"))
    answer = body(await history_response(args(sender=signer.issue("tisa"), store="tisa"), Agent(store)))
    assert answer["messages"] == []


@pytest.mark.parametrize(
    "query, status, error",
    [
        ({}, 403, "forbidden_conversation"),
        ({"store": "tisa"}, 403, "forbidden_conversation"),
        ({"sender": "   ", "store": "tisa"}, 403, "forbidden_conversation"),
        ({"sender": "x" * 129, "store": "tisa"}, 403, "forbidden_conversation"),
        ({"sender": "w-1", "store": "tisa"}, 403, "forbidden_conversation"),         # an id the client made up
        ({"sender": "tg-tisa-12345", "store": "tisa"}, 403, "forbidden_conversation"),  # a Telegram chat
        ({"sender": "SIGNED", "store": "sitra"}, 403, "store_mismatch"),            # another store's page
        ({"sender": "SIGNED", "store": "<b>"}, 403, "store_mismatch"),
    ],
)
async def test_history_refuses_ids_we_did_not_sign(query: dict, status: int, error: str, signer: Any) -> None:
    if query.get("sender") == "SIGNED":
        query = {**query, "sender": signer.issue("tisa")}
    reply = await history_response(args(**query), Agent(BrokenStore()))
    answer = body(reply)
    assert reply.status == status and answer["error"] == error
    assert answer["fa"] and answer["ru"]


async def test_history_without_a_store_uses_the_conversations(domain: Domain, signer: Any) -> None:
    sender = signer.issue("citadel")
    store = await saved(AwaitableTrackerStore(InMemoryTrackerStore(domain)), sender, greeting_and_question("citadel"))
    answer = body(await history_response(args(sender=sender), Agent(store)))
    assert answer["store"] == "citadel" and len(answer["messages"]) == 5


@pytest.mark.parametrize("agent", [None, Agent(None), Agent(BrokenStore())])
async def test_history_is_a_503_while_loading_or_when_the_store_is_down(agent: Any, signer: Any) -> None:
    reply = await history_response(args(sender=signer.issue("tisa"), store="tisa"), agent)
    assert reply.status == 503 and body(reply)["error"] == "unavailable"


# --- over HTTP, from the running Rasa server -------------------------------------------

@pytest.mark.server
def test_the_running_server_serves_the_widget(servers: Any) -> None:
    import requests

    base = f"{servers.url}/webhooks/widget"
    served = (("widget.js", "text/javascript"), ("widget.css", "text/css"), ("demo?store=tisa", "text/html"))
    for path, content_type in served:
        reply = requests.get(f"{base}/{path}", timeout=10)
        assert reply.status_code == 200 and reply.headers["Content-Type"].startswith(content_type), path
    for query in ("", "?sender=", "?sender=a&store=nope", "?sender=" + "x" * 300):
        reply = requests.get(f"{base}/history{query}", timeout=10)
        assert reply.status_code == 403 and reply.json()["fa"], query
    assert requests.get(f"{base}/demo?store=nope", timeout=10).status_code == 400


@pytest.mark.server
def test_history_over_http_after_a_conversation(servers: Any) -> None:
    import requests

    sender = servers.conversation("citadel")
    [greeting] = servers.say(sender, "/greet", store="citadel")
    title = next(b["title"] for b in greeting["buttons"] if b["payload"] == "/human_handoff")
    servers.say(sender, "/human_handoff", store="citadel")
    servers.say(sender, "Спасибо!", store="citadel")
    reply = requests.get(f"{servers.url}/webhooks/widget/history", params={"sender": sender, "store": "citadel"},
                         timeout=10)
    messages = reply.json()["messages"]
    user = [m["text"] for m in messages if m["role"] == "user"]
    assert user == [title, "Спасибо!"]
    assert messages[0]["role"] == "bot" and messages[0]["buttons"] == greeting["buttons"]
    assert all(isinstance(m["timestamp"], float) for m in messages)
