"""The agents' console in a real browser: Debian's Chromium, headless, driven by Playwright.

The console is served by the running Rasa server at /console/ under a strict CSP, and talks
to the real console API, assistant and databases. An agent is created with the documented
command. One test tries replies (Persian at Tisa, Russian at Citadel) and keeps a correction
and a test story; the other follows a customer of the widget's demo page to a person and back:
the agent takes the conversation from the queue, writes to the customer, and hands it back.
Screenshots go to tests/artifacts/console/.

Corrections and stories are files the server writes; the test servers write them under
CONSOLE_KEEP_DIR (a temporary directory), never into the repository, and the test checks it.
"""

from __future__ import annotations

import re
import secrets
from pathlib import Path
from typing import Any, Callable

import pytest

pytestmark = [pytest.mark.server, pytest.mark.usefixtures("chromium")]  # chromium first: skip before starting servers

ROOT = Path(__file__).resolve().parent.parent
SHOTS = ROOT / "tests" / "artifacts" / "console"
DELIVERED = 8_000  # ms: an agent's message is in the widget within 3 s (its polling); some slack
WEBHOOK = "**/webhooks/rest/webhook"
AGENT = "maryam"
PASSWORD = secrets.token_urlsafe(16)


@pytest.fixture(scope="module")
def console_agent(servers: Any) -> str:
    """An agent of every store, created as the documented command creates one."""
    servers.add_agent(AGENT, PASSWORD, "all")
    return AGENT


def shot(page: Any, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{name}.png"))


def direction(locator: Any) -> str:
    return locator.evaluate("element => getComputedStyle(element).direction")


def sign_in(page: Any, servers: Any, wrong_first: bool = False) -> None:
    """Opens the console (its strict CSP checked) and signs in as the test's agent."""
    from playwright.sync_api import expect

    answer = page.goto(f"{servers.url}/console/")
    assert answer is not None and answer.status == 200
    policy = answer.headers.get("content-security-policy", "")
    assert "script-src 'self'" in policy and "style-src 'self'" in policy and "unsafe-inline" not in policy, policy
    expect(page.locator("#login-form")).to_be_visible()
    page.locator("#login-agent").fill(AGENT)
    if wrong_first:
        page.locator("#login-password").fill(PASSWORD + "x")
        with page.expect_response("**/console/api/login") as refused:
            page.locator("#login-submit").click()
        assert refused.value.status == 401
        expect(page.locator("#login-error")).to_have_text("Wrong agent name or password.")
        expect(page.locator("#app")).to_be_hidden()
    page.locator("#login-password").fill(PASSWORD)
    with page.expect_response("**/console/api/login") as accepted:
        page.locator("#login-submit").click()
    assert accepted.value.status == 200, accepted.value.text()
    expect(page.locator("#agent-name")).to_have_text(AGENT)
    expect(page.locator("#login")).to_be_hidden()


def try_message(page: Any, text: str) -> tuple[Any, dict[str, Any]]:
    """Sends one message in the try pane; the turn on the page and the API's answer."""
    from playwright.sync_api import expect

    turns = page.locator("#try-log .try-turn")
    before = turns.count()
    page.locator("#try-input").fill(text)
    with page.expect_response("**/console/api/try") as answer:
        page.locator("#try-send").click()
    assert answer.value.status == 200, answer.value.text()
    body = answer.value.json()
    # Every POST carries the session's CSRF token and JSON.
    headers = answer.value.request.headers
    assert headers.get("x-console-csrf") and headers.get("content-type") == "application/json"
    expect(turns).to_have_count(before + 1)
    turn = turns.nth(before)  # this turn, also once more turns follow
    expect(turn.locator(".try-reply").first).to_be_visible()
    return turn, body


def check_turn(turn: Any, body: dict[str, Any], language: str, store: str) -> None:
    """The turn shows the replies, the intent and the sources of the API's answer, in the right direction."""
    from playwright.sync_api import expect

    understood = body["understanding"]
    assert understood["language"] == language, understood
    intent = understood["intent"]["name"]
    expect(turn.locator(".understanding .intent")).to_have_text(intent)
    expect(turn.locator(".understanding .language")).to_have_text(language)
    ranking = turn.locator(".understanding .ranking-item")
    expect(ranking).to_have_count(min(5, len(understood["intent_ranking"])))
    expect(ranking.first.locator(".ranking-name")).to_have_text(understood["intent_ranking"][0]["name"])
    texts = [reply["text"] for reply in body["replies"] if reply.get("text")]
    assert texts, body
    expect(turn.locator(".try-reply .bubble")).to_have_text(texts)
    sources = [source for source in understood["sources"] if source["store"] == store]
    assert sources, f"no source of {store} behind the reply: {understood}"
    expect(turn.locator(".source-sentence")).to_have_text([source["sentence"] for source in understood["sources"]])
    wanted = "rtl" if language == "fa" else "ltr"
    assert direction(turn.locator(".try-chat")) == ("rtl" if store == "tisa" else "ltr")
    assert direction(turn.locator(".try-reply .bubble").first) == wanted
    assert direction(turn.locator(".source-sentence").first) == wanted
    assert direction(turn.locator(".understanding")) == "ltr"  # the staff's English labels


def repo_data_files() -> dict[str, tuple[int, int]]:
    """Training data and test stories of the repository, with their sizes and times: nothing may change them."""
    found = {}
    for folder in (ROOT / "data", ROOT / "tests"):
        for path in folder.rglob("*"):
            if path.suffix in (".yml", ".yaml", ".md", ".json") and "artifacts" not in path.parts and path.is_file():
                stat = path.stat()
                found[str(path.relative_to(ROOT))] = (stat.st_size, stat.st_mtime_ns)
    return found


def keep_dir(servers: Any) -> Path:
    """Where the test servers write corrections and stories (CONSOLE_KEEP_DIR); never the repository."""
    configured = getattr(servers, "kept", None) or getattr(servers, "_env", {}).get("CONSOLE_KEEP_DIR")
    if not configured:
        pytest.fail("the servers fixture must set CONSOLE_KEEP_DIR: a correction saved now would go into the repository")
    folder = Path(configured).resolve()
    assert ROOT not in folder.parents or folder.is_relative_to(ROOT / "tests" / "artifacts"), folder  # git-ignored
    return folder


def written_under(folder: Path, name: str) -> Path:
    """The file an answer names (absolute, or relative to the keep directory), which must be there."""
    path = (Path(name) if Path(name).is_absolute() else folder / name).resolve()
    assert path.is_relative_to(folder) and path.is_file(), f"{name} was not written under {folder}"
    return path


def test_try_replies_and_keep_a_correction_and_a_story(servers: Any, console_agent: str,
                                                      new_page: Callable[..., Any]) -> None:
    from playwright.sync_api import expect

    page = new_page()
    sign_in(page, servers, wrong_first=True)
    expect(page.locator("#tab-try")).to_have_attribute("aria-selected", "true")
    assert set(page.locator("#try-store option").evaluate_all("options => options.map(o => o.value)")) >= {
        "tisa", "citadel"}

    # Persian at Tisa: right to left, with the rule of the store's page behind the reply.
    page.locator("#try-store").select_option("tisa")
    turn, persian = try_message(page, "هزینه ارسال چقدر است؟")
    check_turn(turn, persian, "fa", "tisa")
    conversation = persian["conversation"]
    assert conversation and persian["turn"] == 0
    expect(page.locator("#try-conversation")).to_have_text(conversation)
    shot(page, "try-fa")

    # A button of a reply sends its payload; the customer's bubble shows its title.
    greeting, answer = try_message(page, "سلام")
    buttons = [button for reply in answer["replies"] for button in reply.get("buttons", [])]
    if buttons:
        button = greeting.locator(".try-button").first
        expect(button).to_have_text(buttons[0]["title"])
        with page.expect_request("**/console/api/try") as sent:
            button.click()
        assert sent.value.post_data_json == {"store": "tisa", "message": buttons[0]["payload"],
                                             "conversation": conversation}
        expect(page.locator("#try-log .try-turn").last.locator(".try-message")).to_have_text(buttons[0]["title"])
        expect(page.locator("#try-log .try-turn").last.locator(".try-reply").first).to_be_visible()
        expect(button).to_be_disabled()  # only the last answer's buttons stay clickable

    # Keep it: the right intent of the first message, and the whole conversation as a test story.
    folder = keep_dir(servers)
    before = repo_data_files()
    first = page.locator("#try-log .try-turn").first
    intents = first.locator(".correction-intent")
    expect(intents).to_be_enabled()
    names = intents.locator("option").evaluate_all("options => options.map(o => o.value)")
    assert {"delivery_cost", "greet", "human_handoff"} <= set(names)
    intents.select_option("delivery_cost")
    with page.expect_response("**/console/api/corrections") as saved:
        first.locator(".correction-save").click()
    assert saved.value.status == 200, saved.value.text()
    assert saved.value.request.post_data_json == {"conversation": conversation, "turn": 0, "intent": "delivery_cost"}
    correction = saved.value.json()
    assert correction["intent"] == "delivery_cost" and correction["file"], correction
    expect(first.locator(".correction-file")).to_have_text(correction["file"])
    assert "هزینه ارسال چقدر است؟" in written_under(folder, correction["file"]).read_text(encoding="utf-8")

    page.locator("#story-name").fill("delivery price at Tisa, from the console")
    with page.expect_response("**/console/api/stories") as kept:
        page.locator("#story-save").click()
    assert kept.value.status == 200, kept.value.text()
    story = kept.value.json()
    assert story["file"], story
    expect(page.locator("#story-file")).to_have_text(story["file"])
    written_under(folder, story["file"])
    assert repo_data_files() == before  # nothing written into the repository's data or tests

    # Russian at Citadel, in a new conversation: left to right.
    page.locator("#try-store").select_option("citadel")
    expect(page.locator("#try-log .try-turn")).to_have_count(0)
    turn, russian = try_message(page, "Сколько стоит доставка в Батуми?")
    check_turn(turn, russian, "ru", "citadel")
    assert russian["conversation"] != conversation and russian["turn"] == 0
    shot(page, "try-ru")

    # A session that ends on the server brings back the sign-in form (the queue's polling finds out).
    page.context.clear_cookies()
    expect(page.locator("#login-form")).to_be_visible(timeout=10_000)
    expect(page.locator("#login-note")).to_contain_text("session has ended")


def test_customer_reaches_a_person_and_comes_back_to_the_assistant(servers: Any, console_agent: str,
                                                                   new_page: Callable[..., Any]) -> None:
    from playwright.sync_api import expect

    # A customer of Tisa asks for a person in the widget.
    customer = new_page(viewport={"width": 1000, "height": 800})
    customer.goto(f"{servers.url}/webhooks/widget/demo?store=tisa")
    customer.get_by_role("button", name="گفتگو با پشتیبانی", exact=True).click()
    textbox = customer.get_by_role("textbox", name="متن پیام", exact=True)
    expect(customer.locator(".saw-msg--bot").first.locator(".saw-bubble")).to_contain_text("تیسا")
    with customer.expect_response(WEBHOOK) as asked:
        textbox.fill("می‌خواهم با پشتیبان صحبت کنم")
        textbox.press("Enter")
    assert asked.value.status == 200, asked.value.text()
    sender = customer.evaluate("() => localStorage.getItem('storeAssistant:tisa:sender')")
    assert sender

    # The agent sees it in the queue and takes it.
    agent = new_page()
    sign_in(agent, servers)
    agent.locator("#tab-queue").click()
    expect(agent.locator("#panel-queue")).to_be_visible()
    item = agent.locator(f'#queue-list .queue-item[data-conversation="{sender}"]')
    expect(item).to_be_visible(timeout=10_000)
    expect(item.locator(".queue-last")).to_have_text("می‌خواهم با پشتیبان صحبت کنم")
    expect(item.locator(".queue-store")).to_contain_text("tisa")
    expect(item.locator(".queue-language")).to_have_text("fa")
    expect(item.locator(".queue-channel")).to_contain_text(re.compile("widget", re.I))
    expect(item.locator(".queue-reason")).to_have_text("asked for a person")
    assert direction(item.locator(".queue-last")) == "rtl"
    expect(agent.locator("#queue-count")).to_be_visible()
    shot(agent, "queue")
    with agent.expect_response(re.compile(r".*/console/api/conversations/[^/]+/take$")) as taken:
        item.locator(".queue-take").click()
    assert taken.value.status == 200, taken.value.text()
    expect(agent.locator("#conversation-view")).to_be_visible()
    transcript = agent.locator("#queue-transcript")
    expect(transcript.locator(".msg--customer .bubble").last).to_have_text("می‌خواهم با پشتیبان صحبت کنم")
    expect(transcript.locator(".msg--bot").first).to_be_visible()
    expect(item).to_have_attribute("data-state", "mine")

    # The agent writes; the customer reads it in the widget within seconds.
    expect(agent.locator("#agent-text")).to_be_enabled()
    agent.locator("#agent-text").fill("سلام، من مریم هستم")
    with agent.expect_response(re.compile(r".*/console/api/conversations/[^/]+/messages$")) as posted:
        agent.locator("#agent-send").click()
    assert posted.value.status == 200, posted.value.text()
    assert posted.value.request.post_data_json == {"text": "سلام، من مریم هستم"}
    mine = transcript.locator(".msg--agent").last
    expect(mine.locator(".bubble")).to_have_text("سلام، من مریم هستم")
    expect(mine.locator(".msg-author")).to_contain_text(AGENT)
    expect(agent.locator("#agent-text")).to_have_value("")
    delivered = customer.locator(".saw-bubble", has_text="سلام، من مریم هستم")
    expect(delivered).to_be_visible(timeout=DELIVERED)
    assert direction(delivered) == "rtl"
    shot(customer, "widget-agent-reply")

    # While the agent holds it, the customer's messages reach the agent and the assistant is silent.
    with customer.expect_response(WEBHOOK) as said:
        textbox.fill("ممنون، شماره سفارشم ۵۸۱۲۰ است")
        textbox.press("Enter")
    assert said.value.status == 200 and said.value.json() == [], said.value.text()
    expect(transcript.locator(".msg--customer .bubble").last).to_have_text("ممنون، شماره سفارشم ۵۸۱۲۰ است",
                                                                          timeout=DELIVERED)
    # Persian sentences read right to left, also the notice that begins with the agent's Latin name.
    assert {direction(bubble) for bubble in transcript.locator(".bubble").all()} == {"rtl"}
    shot(agent, "transcript")

    # Handed back: the assistant answers the customer again.
    with agent.expect_response(re.compile(r".*/console/api/conversations/[^/]+/release$")) as released:
        agent.locator("#release").click()
    assert released.value.status == 200, released.value.text()
    expect(agent.locator("#agent-text")).to_be_disabled()
    expect(agent.locator("#release")).to_be_disabled()
    with customer.expect_response(WEBHOOK) as answered:
        textbox.fill("هزینه ارسال چقدر است؟")
        textbox.press("Enter")
    assert answered.value.status == 200, answered.value.text()
    replies = [reply["text"] for reply in answered.value.json() if reply.get("text")]
    assert replies, answered.value.text()
    expect(customer.locator(".saw-msg--bot .saw-bubble").last).to_have_text(replies[-1])
    expect(transcript.locator(".msg--bot .bubble").last).to_have_text(replies[-1], timeout=DELIVERED)
    expect(item).to_be_hidden(timeout=10_000)  # no longer waiting for a person
    shot(customer, "widget-after-release")

    # Conversations: found by what was said, read only.
    agent.locator("#tab-conversations").click()
    agent.locator("#conv-q").fill("با پشتیبان صحبت کنم")
    row = agent.locator(f'#conv-list tr[data-conversation="{sender}"]')
    expect(row).to_be_visible()
    row.locator(".conv-open").click()
    read_only = agent.locator("#conv-transcript")
    expect(read_only.locator(".msg--agent .bubble")).to_have_text(["سلام، من مریم هستم"])
    expect(read_only.locator(".msg--customer .bubble").first).to_have_text("می‌خواهم با پشتیبان صحبت کنم")
    expect(agent.locator("#conv-view textarea")).to_have_count(0)
    shot(agent, "conversations")

    # Figures: this conversation is counted, and the chart has a bar per day.
    agent.locator("#tab-figures").click()
    agent.locator("#fig-store").select_option("tisa")
    with agent.expect_response(re.compile(r".*/console/api/stats\?.*days=30.*")) as stats:
        agent.locator("#fig-days").select_option("30")
    figures = stats.value.json()
    assert figures["conversations"] >= 1 and figures["handed_off"] >= 1, figures
    expect(agent.locator("#fig-conversations")).to_have_text(str(figures["conversations"]))
    expect(agent.locator("#fig-handed-off")).to_have_text(str(figures["handed_off"]))
    expect(agent.locator("#fig-deflection")).to_have_text(re.compile(r"^\d+(\.\d)? %$"))
    expect(agent.locator("#fig-svg rect.bar-conv")).to_have_count(30)
    bars = agent.locator("#fig-svg rect.bar-conv")
    drawn = [int(bars.nth(day).get_attribute("data-value") or 0) for day in range(30)]
    assert drawn == [day["conversations"] for day in figures["days"]] and sum(drawn) >= 1  # the days as counted
    shot(agent, "figures")

    # Signing out ends the session on the server too: its cookie, sent again, is refused.
    cookies = agent.context.cookies()
    with agent.expect_response("**/console/api/logout") as out:
        agent.locator("#logout").click()
    assert out.value.status == 204
    expect(agent.locator("#login-form")).to_be_visible()
    agent.context.add_cookies(cookies)
    assert agent.request.get(f"{servers.url}/console/api/me").status == 401
