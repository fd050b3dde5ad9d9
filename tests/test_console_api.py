"""The agents' console API against the real servers: sessions, CSRF, stores, tries, handoffs, lists and figures.

Agents are made with the documented command (`python -m bot.console add-agent`); customers talk
through the real REST channel and the widget's history and updates endpoints.
"""

from __future__ import annotations

import sqlite3
import time
from typing import Any, Iterator

import pytest
import requests

from bot.stores.policy import policies
from support import free_shipping_words

pytestmark = pytest.mark.server

PASSWORD = "a long test password"
CSRF = "X-Console-CSRF"


class Console:
    """One signed-in agent's browser: its cookie and CSRF value."""

    def __init__(self, url: str, agent: str, password: str = PASSWORD) -> None:
        self.url = f"{url}/console/api"
        self.http = requests.Session()
        answer = self.http.post(f"{self.url}/login", json={"agent": agent, "password": password}, timeout=30)
        assert answer.status_code == 200, answer.text
        self.csrf = answer.json()["csrf"]

    def get(self, path: str, **params: Any) -> requests.Response:
        return self.http.get(f"{self.url}/{path}", params=params, timeout=60)

    def post(self, path: str, body: Any = None, csrf: bool = True) -> requests.Response:
        return self.http.post(f"{self.url}/{path}", json=body, headers={CSRF: self.csrf} if csrf else {}, timeout=60)


@pytest.fixture(scope="module")
def agents(servers: Any) -> Iterator[dict[str, str]]:
    """Three agents: two of Tisa and Citadel, one of Citadel only."""
    stores = {"maryam": "tisa,citadel", "reza": "tisa,citadel", "nino": "citadel"}
    for name, of in stores.items():
        servers.add_agent(name, PASSWORD, of)
    yield stores


def customer_says(servers: Any, sender: str, text: str, store: str = "tisa") -> list[dict[str, Any]]:
    """A customer's message through the REST channel; the replies."""
    return servers.say(sender, text, store=store)


def texts(replies: list[dict[str, Any]]) -> str:
    return "\n".join(reply.get("text") or "" for reply in replies)


ENDPOINTS = [
    ("GET", "me"), ("GET", "intents"), ("POST", "logout"), ("POST", "try"), ("POST", "corrections"),
    ("POST", "stories"), ("GET", "queue"), ("GET", "conversations"), ("GET", "conversations/tg-tisa-1"),
    ("POST", "conversations/tg-tisa-1/take"), ("POST", "conversations/tg-tisa-1/messages"),
    ("POST", "conversations/tg-tisa-1/release"), ("GET", "stats"), ("GET", "no/such/endpoint"),
]


@pytest.mark.parametrize("method, path", ENDPOINTS)
def test_nothing_of_the_api_answers_without_a_session(servers: Any, method: str, path: str) -> None:
    for cookie in ({}, {"console_session": "forged"}):
        answer = requests.request(method, f"{servers.url}/console/api/{path}", json={}, cookies=cookie, timeout=30)
        assert answer.status_code == 401 and answer.json() == {"error": "not_signed_in"}, (path, answer.text)


def test_the_page_is_served_under_a_strict_policy(servers: Any) -> None:
    page = requests.get(f"{servers.url}/console/", timeout=30)
    assert page.status_code == 200 and "<form" in page.text
    assert "script-src 'self'" in page.headers["Content-Security-Policy"]
    assert "frame-ancestors 'none'" in page.headers["Content-Security-Policy"]


def test_sign_in_and_out(servers: Any, agents: dict[str, str]) -> None:
    url = f"{servers.url}/console/api/login"
    wrong_name = requests.post(url, json={"agent": "nobody", "password": PASSWORD}, timeout=30)
    wrong_password = requests.post(url, json={"agent": "nino", "password": "not the password"}, timeout=30)
    assert wrong_name.status_code == wrong_password.status_code == 401
    assert wrong_name.json() == wrong_password.json() == {"error": "bad_login"}  # nothing says which was wrong
    assert requests.post(url, data=b"{not json", timeout=30).status_code == 400
    nino = Console(servers.url, "nino")
    cookie = next(cookie for cookie in nino.http.cookies if cookie.name == "console_session")
    assert cookie.has_nonstandard_attr("HttpOnly") and cookie.get_nonstandard_attr("SameSite") == "Strict"
    me = nino.get("me").json()
    assert (me["agent"], me["stores"], me["csrf"]) == ("nino", ["citadel"], nino.csrf)
    assert nino.post("logout", csrf=False).status_code == 403
    assert nino.post("logout").status_code == 204
    stolen = requests.get(f"{servers.url}/console/api/me", cookies={"console_session": cookie.value}, timeout=30)
    assert stolen.status_code == 401  # the session is dead on the server too, not only in the browser


def test_passwords_are_not_stored_in_clear(servers: Any, agents: dict[str, str]) -> None:
    path = servers.database_url.removeprefix("sqlite:///")
    with sqlite3.connect(path) as database:
        rows = database.execute("SELECT name, password_hash FROM console_agents").fetchall()
    assert {name for name, _ in rows} >= set(agents)
    assert all(stored.startswith("scrypt$") and PASSWORD not in stored for _, stored in rows)
    with open(path, "rb") as raw:
        assert PASSWORD.encode() not in raw.read()


@pytest.mark.parametrize("path, body", [
    ("try", {"store": "tisa", "message": "سلام"}),
    ("corrections", {}), ("stories", {}), ("logout", None),
    ("conversations/tg-tisa-1/take", None), ("conversations/tg-tisa-1/messages", {"text": "hi"}),
    ("conversations/tg-tisa-1/release", None),
])
def test_a_change_without_the_csrf_header_is_refused(servers: Any, agents: dict[str, str], path: str,
                                                    body: Any) -> None:
    maryam = Console(servers.url, "maryam")
    answer = maryam.post(path, body, csrf=False)
    assert answer.status_code == 403 and answer.json()["error"] == "csrf"
    maryam.csrf = "wrong"
    assert maryam.post(path, body).status_code == 403


def test_trying_a_persian_and_a_russian_message_shows_what_was_understood_and_why(servers: Any,
                                                                                 agents: dict[str, str]) -> None:
    maryam = Console(servers.url, "maryam")
    persian = maryam.post("try", {"store": "tisa", "message": "هزینه ارسال چقدر است؟", "conversation": None}).json()
    seen = persian["understanding"]
    assert persian["conversation"].startswith("try-tisa-") and persian["turn"] == 0
    assert free_shipping_words() in texts(persian["replies"])
    assert seen["language"] == "fa" and seen["intent"]["name"] == "delivery_cost"
    assert seen["intent_ranking"][0]["name"] == "delivery_cost" and 0 < seen["intent"]["confidence"] <= 1
    assert seen["actions"][0]["name"] == "action_delivery_cost" and seen["policy"] == "RulePolicy"
    assert seen["slots"]["store"] == "tisa"
    page = {sentence for answer in policies()["tisa"].answers.values() for sentence in answer.sources} | {
        sentence for unit in policies()["tisa"].units for sentence in unit.sources}
    assert seen["sources"] and all(source["sentence"] in page for source in seen["sources"])
    follow = maryam.post("try", {"store": "tisa", "message": "برای ۳ میلیون تومان؟",
                                 "conversation": persian["conversation"]}).json()
    assert follow["turn"] == 1 and follow["understanding"]["slots"]["amount"] == 3000000

    russian = maryam.post("try", {"store": "citadel", "message": "Сколько стоит доставка в Батуми за 100 лари?",
                                  "conversation": None}).json()
    understood = russian["understanding"]
    assert understood["language"] == "ru" and understood["intent"]["name"] == "delivery_cost"
    assert "1,50 лари за км" in texts(russian["replies"])  # computed: the 100-500 lari tier
    assert understood["sources"] == [{"store": "citadel", "unit": "delivery", "sentence": (
        "При приобретении продукции на сумму от 100 до 500 лари, цена доставки определяется из расчета: "
        "1 км - 1,50 лари;")}]


def test_tries_stay_with_their_agent_and_their_stores(servers: Any, agents: dict[str, str]) -> None:
    maryam, reza, nino = (Console(servers.url, name) for name in ("maryam", "reza", "nino"))
    assert nino.post("try", {"store": "tisa", "message": "سلام"}).status_code == 403
    tried = maryam.post("try", {"store": "tisa", "message": "سلام"}).json()["conversation"]
    assert reza.post("try", {"store": "tisa", "message": "سلام", "conversation": tried}).status_code == 404
    assert maryam.post("try", {"store": "citadel", "message": "привет", "conversation": tried}).status_code == 404
    assert maryam.get(f"conversations/{tried}").status_code == 404  # a try is not a customer's conversation
    assert maryam.post("try", {"store": "tisa", "message": "x" * 5000}).status_code == 400
    asked = maryam.post("try", {"store": "tisa", "message": "می‌خواهم با پشتیبان صحبت کنم", "conversation": None})
    assert asked.status_code == 200 and "همکاران تیسا" in texts(asked.json()["replies"])  # said, but not queued
    listed = {item["conversation"] for item in maryam.get("queue").json()} | {
        item["conversation"] for item in maryam.get("conversations").json()}
    assert not any(conversation.startswith("try-") for conversation in listed)  # never queued, never listed


def test_saving_a_correction_and_a_story(servers: Any, agents: dict[str, str]) -> None:
    maryam = Console(servers.url, "maryam")
    tried = maryam.post("try", {"store": "citadel", "message": "привет", "conversation": None}).json()["conversation"]
    maryam.post("try", {"store": "citadel", "message": "сколько стоит доставка в Батуми?", "conversation": tried})
    kept = maryam.post("corrections", {"conversation": tried, "turn": 1, "intent": "delivery_cost"})
    assert kept.status_code == 200, kept.text
    assert kept.json()["file"] == str(servers.kept / "data" / "nlu" / "ru" / "console.yml")
    assert "- сколько стоит доставка в Батуми?" in (servers.kept / "data" / "nlu" / "ru" / "console.yml").read_text()
    for bad in ({"conversation": tried, "turn": 5, "intent": "greet"},
                {"conversation": tried, "turn": 0, "intent": "no_such_intent"},
                {"conversation": "try-citadel-000", "turn": 0, "intent": "greet"}):
        assert maryam.post("corrections", bad).status_code in (400, 404)
    story = maryam.post("stories", {"conversation": tried, "name": "citadel delivery to Batumi"})
    assert story.status_code == 200, story.text
    written = (servers.kept / "tests" / "stories" / "console.yml").read_text()
    assert "story: citadel delivery to Batumi" in written and "action: action_delivery_cost" in written


def test_a_handoff_from_request_to_release(servers: Any, agents: dict[str, str]) -> None:
    maryam, reza, nino = (Console(servers.url, name) for name in ("maryam", "reza", "nino"))
    maryam.get("queue")  # her console is open: she is online
    customer = servers.conversation("tisa")
    customer_says(servers, customer, "سلام")
    asked = customer_says(servers, customer, "می‌خواهم با پشتیبان صحبت کنم")
    assert "الان آنلاین است" in texts(asked) and {"handoff": "queued"} in [reply.get("custom") for reply in asked]
    waiting = [item for item in maryam.get("queue").json() if item["conversation"] == customer]
    assert len(waiting) == 1 and waiting[0]["state"] == "queued" and waiting[0]["channel"] == "widget"
    assert waiting[0]["last_message"] == "می‌خواهم با پشتیبان صحبت کنم" and waiting[0]["language"] == "fa"
    assert customer not in {item["conversation"] for item in nino.get("queue").json()}  # another store's agent
    assert nino.get(f"conversations/{customer}").status_code == 404
    assert nino.post(f"conversations/{customer}/take").status_code == 404

    assert maryam.post(f"conversations/{customer}/take").status_code == 200
    taken = reza.post(f"conversations/{customer}/take")
    assert taken.status_code == 409 and taken.json()["agent"] == "maryam"
    assert reza.post(f"conversations/{customer}/messages", {"text": "من هم هستم"}).status_code == 409

    assert customer_says(servers, customer, "سفارشم نرسیده") == []  # the assistant keeps quiet: she answers
    for text in ("سلام، من مریم هستم", "شماره سفارشتان را بفرمایید"):
        assert maryam.post(f"conversations/{customer}/messages", {"text": text}).status_code == 200
    assert customer_says(servers, customer, "TS-1041") == []
    updates = requests.get(f"{servers.url}/webhooks/widget/updates", params={
        "sender": customer, "store": "tisa", "after": 0}, timeout=30).json()
    assert updates["handoff"]["state"] == "held" and updates["handoff"]["agent"] == "maryam"
    assert [(message["role"], message["text"]) for message in updates["messages"]][1:] == [
        ("agent", "سلام، من مریم هستم"), ("agent", "شماره سفارشتان را بفرمایید")]
    assert "maryam" in updates["messages"][0]["text"]  # "maryam joined"
    again = requests.get(f"{servers.url}/webhooks/widget/updates", params={
        "sender": customer, "store": "tisa", "after": updates["after"]}, timeout=30).json()
    assert again["messages"] == []  # each message once

    assert maryam.post(f"conversations/{customer}/release").status_code == 200
    answered = customer_says(servers, customer, "هزینه ارسال چقدر است؟")
    assert free_shipping_words() in texts(answered)  # the assistant answers again
    transcript = maryam.get(f"conversations/{customer}").json()
    lines = [(line["author"], line["text"]) for line in transcript["messages"]]
    expected = [("customer", "سلام"), ("customer", "می‌خواهم با پشتیبان صحبت کنم"), ("customer", "سفارشم نرسیده"),
                ("agent", "سلام، من مریم هستم"), ("agent", "شماره سفارشتان را بفرمایید"), ("customer", "TS-1041"),
                ("customer", "هزینه ارسال چقدر است؟")]
    assert [line for line in lines if line[0] != "bot"] == expected  # every message once, in order
    assert transcript["handoff"] is None and lines[-1][0] == "bot"
    history = requests.get(f"{servers.url}/webhooks/widget/history", params={"sender": customer, "store": "tisa"},
                           timeout=30).json()
    shown = [(message["role"], message["text"]) for message in history["messages"]]
    assert ("agent", "سلام، من مریم هستم") in shown and ("user", "TS-1041") in shown  # also after a reload
    assert history["handoff"] is None

    listed = maryam.get("conversations", store="tisa", outcome="handed_off").json()
    assert customer in {item["conversation"] for item in listed}
    found = maryam.get("conversations", q="هزينه ارسال").json()  # Arabic ي: found all the same
    assert customer in {item["conversation"] for item in found}
    assert customer not in {item["conversation"] for item in maryam.get("conversations", q="هیچ‌جا-نیست").json()}
    figures = maryam.get("stats", store="tisa", days=7).json()
    assert figures["conversations"] >= 1 and figures["handed_off"] >= 1
    assert 0 <= figures["deflection_rate"] < 1 and len(figures["days"]) == 7
    counts = [item["count"] for item in figures["top_intents"]]
    assert counts and counts == sorted(counts, reverse=True) and len(counts) <= 5  # most frequent first
    assert nino.get("stats", store="tisa").status_code == 403


def test_without_an_agent_online_the_customer_gets_the_stores_contact(servers: Any, agents: dict[str, str]) -> None:
    servers.sign_out_agents()
    customer = servers.conversation("offykala")
    asked = customer_says(servers, customer, "می‌خواهم با یک نفر صحبت کنم", store="offykala")
    assert "info@offykala.ir" in texts(asked) and "آنلاین نیستند" in texts(asked)
    maryam = Console(servers.url, "maryam")
    assert customer not in {item["conversation"] for item in maryam.get("queue").json()}  # not her store
    servers.add_agent("sara", PASSWORD, "offykala")
    sara = Console(servers.url, "sara")
    assert customer in {item["conversation"] for item in sara.get("queue").json()}  # queued for when one comes


def test_two_misunderstandings_in_a_row_queue_the_conversation(servers: Any, agents: dict[str, str]) -> None:
    customer = servers.conversation("citadel")
    first = customer_says(servers, customer, "🙂🙂", store="citadel")
    assert not any(reply.get("custom") for reply in first)
    second = customer_says(servers, customer, "🙂🙂🙂", store="citadel")
    assert "дважды" in texts(second) and {"handoff": "queued"} in [reply.get("custom") for reply in second]
    nino = Console(servers.url, "nino")
    queued = [item for item in nino.get("queue").json() if item["conversation"] == customer]
    assert queued and queued[0]["reason"] == "unclear"


def test_messages_during_a_handoff_arrive_once_and_in_order_under_load(servers: Any, agents: dict[str, str]) -> None:
    from concurrent.futures import ThreadPoolExecutor

    maryam = Console(servers.url, "maryam")
    customer = servers.conversation("citadel")
    customer_says(servers, customer, "Позовите оператора", store="citadel")
    assert maryam.post(f"conversations/{customer}/take").status_code == 200
    with ThreadPoolExecutor(4) as pool:  # both sides write at once
        agent = pool.submit(lambda: [maryam.post(f"conversations/{customer}/messages", {"text": f"агент {n}"})
                                     for n in range(8)])
        said = pool.submit(lambda: [customer_says(servers, customer, f"клиент {n}", store="citadel")
                                    for n in range(8)])
        assert all(answer.status_code == 200 for answer in agent.result()) and all(r == [] for r in said.result())
    time.sleep(0.1)
    lines = [line["text"] for line in maryam.get(f"conversations/{customer}").json()["messages"]]
    assert [line for line in lines if line.startswith("агент")] == [f"агент {n}" for n in range(8)]
    assert [line for line in lines if line.startswith("клиент")] == [f"клиент {n}" for n in range(8)]
    assert maryam.post(f"conversations/{customer}/release").status_code == 200


def test_a_yes_to_an_offered_person_queues_the_conversation(servers: Any, agents: dict[str, str]) -> None:
    customer = servers.conversation("citadel")
    offered = customer_says(servers, customer, "Можно вернуть товар, если он не подошёл?", store="citadel")
    assert "/human_handoff" in [button["payload"] for reply in offered for button in reply.get("buttons", [])]
    accepted = customer_says(servers, customer, "да", store="citadel")
    assert {"handoff": "queued"} in [reply.get("custom") for reply in accepted]
    nino = Console(servers.url, "nino")
    assert [item["reason"] for item in nino.get("queue").json() if item["conversation"] == customer] == ["accepted"]
    plain = servers.conversation("citadel")
    customer_says(servers, plain, "Сколько стоит доставка в Батуми за 100 лари?", store="citadel")
    assert not any(reply.get("custom") for reply in customer_says(servers, plain, "да", store="citadel"))
