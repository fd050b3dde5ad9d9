"""The website widget in a real browser: Debian's Chromium, headless, driven by Playwright.

The page is the demo store page served by the running Rasa server (the widget channel is
in credentials.yml), and the widget talks to the real REST channel and assistant. Where a
test needs a failure or a reply the assistant would never give, it intercepts that one
request in the browser. Screenshots go to tests/artifacts/widget/.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any, Callable

import pytest
import requests

from support import BROWSER_WAIT

pytestmark = [pytest.mark.server, pytest.mark.usefixtures("chromium")]  # chromium first: skip before starting servers

ROOT = Path(__file__).resolve().parent.parent
SHOTS = ROOT / "tests" / "artifacts" / "widget"
WEBHOOK = "**/webhooks/rest/webhook"


@pytest.fixture
def page(new_page: Callable[..., Any]) -> Any:
    return new_page()


def demo(servers: Any, store: str, **params: str) -> str:
    query = "&".join(f"{key}={value}" for key, value in {"store": store, **params}.items())
    return f"{servers.url}/webhooks/widget/demo?{query}"


def shot(page: Any, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{name}.png"))


def sender_of(page: Any, store: str) -> str:
    return page.evaluate("store => localStorage.getItem(`storeAssistant:${store}:sender`)", store)


def direction(locator: Any) -> str:
    return locator.evaluate("element => getComputedStyle(element).direction")


def transcript(page: Any) -> list[tuple[str, str]]:
    """(role, text) of every message in the chat window."""
    return [(message.get_attribute("data-role"), message.locator(".saw-bubble").inner_text())
            for message in page.locator(".saw-msg").all()]


def answered(page: Any, bot_messages_before: int) -> None:
    """Waits for the assistant's answer to the message just sent."""
    from playwright.sync_api import expect

    page.wait_for_function(
        """count => {
            const root = document.querySelector('#store-assistant-widget').shadowRoot;
            return root.querySelectorAll('.saw-msg--bot').length > count
                && root.querySelector('.saw-typing').hidden;
        }""",
        arg=bot_messages_before, timeout=BROWSER_WAIT)
    expect(page.locator(".saw-error")).to_be_hidden()


def embed_page(page: Any, servers: Any, **attributes: str) -> None:
    """A store page of our own on the server's origin, embedding the widget with these attributes."""
    data = " ".join(f'data-{name.replace("_", "-")}="{value}"' for name, value in attributes.items())
    html = (f'<!doctype html><html lang="fa" dir="rtl"><meta charset="utf-8"><title>فروشگاه</title>'
            f'<h1>فروشگاه آزمایشی</h1><script src="/webhooks/widget/widget.js" {data} defer></script></html>')
    url = f"{servers.url}/embed-test"
    page.route(url, lambda route: route.fulfill(status=200, content_type="text/html; charset=utf-8", body=html))
    page.goto(url)


def test_persian_conversation_with_buttons_survives_reload_and_navigation(servers: Any, page: Any) -> None:
    from playwright.sync_api import expect

    page.goto(demo(servers, "tisa"))
    launcher = page.get_by_role("button", name="گفتگو با پشتیبانی", exact=True)
    expect(launcher).to_have_attribute("aria-expanded", "false")
    launcher.click()
    expect(launcher).to_have_attribute("aria-expanded", "true")
    expect(page.get_by_role("dialog", name="پشتیبانی تیسا", exact=True)).to_be_visible()
    textbox = page.get_by_role("textbox", name="متن پیام", exact=True)
    expect(textbox).to_be_focused()
    expect(textbox).to_have_attribute("placeholder", "پیامتان را بنویسید…")
    assert page.locator(".saw").get_attribute("dir") == "rtl"

    # The assistant opens the conversation with its greeting and buttons.
    bot = page.locator(".saw-msg--bot")
    expect(bot.first.locator(".saw-bubble")).to_contain_text("تیسا")
    button = bot.first.get_by_role("button", name="پیگیری سفارش", exact=True)
    with page.expect_request(WEBHOOK) as sent:
        button.click()
    sender = sender_of(page, "tisa")
    assert json.loads(sent.value.post_data) == {"sender": sender, "message": "/order_status",
                                                "metadata": {"store": "tisa"}}
    user = page.locator(".saw-msg--user .saw-bubble")
    expect(user.last).to_have_text("پیگیری سفارش")  # the title, not the payload
    answered(page, 1)
    expect(textbox).to_be_focused()
    expect(button).to_be_disabled()  # replies already answered stay visible but inactive

    for text in ("سلام، عطری که خریدم رو می‌خوام مرجوع کنم. چطوری؟", "Здравствуйте, как вернуть товар?"):
        before = bot.count()
        textbox.fill(text)
        textbox.press("Enter")
        expect(user.last).to_have_text(text)
        expect(textbox).to_have_value("")
        answered(page, before)

    # Each message takes its own text's direction inside the right-to-left widget.
    assert [direction(bubble) for bubble in user.all()] == ["rtl", "rtl", "ltr"]
    bot_directions = [direction(bubble) for bubble in page.locator(".saw-msg--bot .saw-bubble").all()]
    assert bot_directions[0] == "rtl" and bot_directions[-1] == "ltr"  # the Russian question is answered in Russian
    times = page.locator(".saw-msg time[datetime]")
    expect(times).to_have_count(page.locator(".saw-msg").count())
    assert re.search("[۰-۹]{2}:[۰-۹]{2}", times.first.inner_text())  # Persian digits for a Persian widget
    shot(page, "fa-conversation")

    # A reload finds the conversation on the server, with the window still open.
    seen = transcript(page)
    page.reload()
    expect(page.get_by_role("dialog", name="پشتیبانی تیسا", exact=True)).to_be_visible()
    expect(page.locator(".saw-msg")).to_have_count(len(seen))
    assert transcript(page) == seen
    assert [direction(bubble) for bubble in user.all()] == ["rtl", "rtl", "ltr"]
    expect(bot.first.get_by_role("button", name="پیگیری سفارش", exact=True)).to_be_disabled()
    assert sender_of(page, "tisa") == sender
    shot(page, "fa-after-reload")

    # So does another page of the store, and the conversation goes on there.
    page.get_by_role("link", name="محصولات", exact=True).click()
    expect(page.get_by_role("heading", name="محصولات", exact=True)).to_be_visible()
    expect(page.locator(".saw-msg")).to_have_count(len(seen))
    assert transcript(page) == seen
    before = bot.count()
    textbox.fill("ممنون")
    textbox.press("Enter")
    answered(page, before)
    assert sender_of(page, "tisa") == sender


def test_russian_conversation_on_a_phone(servers: Any, new_page: Callable[..., Any]) -> None:
    from playwright.sync_api import expect

    page = new_page(viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True, device_scale_factor=2)
    page.goto(demo(servers, "citadel"))
    page.get_by_role("button", name="Чат с поддержкой", exact=True).click()
    dialog = page.get_by_role("dialog", name="Поддержка Citadel", exact=True)
    expect(dialog).to_be_visible()
    box = dialog.bounding_box()
    assert (box["width"], box["height"]) == (390, 844)  # the whole screen on a phone
    assert page.locator(".saw").get_attribute("dir") == "ltr"
    textbox = page.get_by_role("textbox", name="Текст сообщения", exact=True)
    expect(textbox).to_have_attribute("placeholder", "Напишите сообщение…")

    bot = page.locator(".saw-msg--bot")
    expect(bot.first.locator(".saw-bubble")).to_contain_text("Citadel")
    title = "Связаться с оператором"
    bot.first.get_by_role("button", name=title).click()
    user = page.locator(".saw-msg--user .saw-bubble")
    expect(user.last).to_have_text(title)
    answered(page, 1)
    before = bot.count()
    textbox.fill("Добрый день! Мой заказ 58120 ещё не пришёл, где он?")
    textbox.press("Enter")
    answered(page, before)

    assert {direction(bubble) for bubble in page.locator(".saw-bubble").all()} == {"ltr"}
    assert float(page.locator(".saw-bubble").first.evaluate("e => parseFloat(getComputedStyle(e).fontSize)")) >= 15
    assert textbox.evaluate("e => getComputedStyle(e).fontSize") == "16px"  # no zoom-in when typing on a phone
    assert re.fullmatch(r"\d{2}:\d{2}", page.locator(".saw-msg time").first.inner_text())
    shot(page, "ru-phone-conversation")

    seen = transcript(page)
    page.reload()
    expect(page.locator(".saw-msg")).to_have_count(len(seen))
    assert transcript(page) == seen
    shot(page, "ru-phone-after-reload")

    # Closing gives the screen back to the page and the focus to the launcher.
    page.get_by_role("button", name="Закрыть чат", exact=True).click()
    expect(dialog).to_be_hidden()
    expect(page.get_by_role("button", name="Чат с поддержкой", exact=True)).to_be_focused()


def test_language_attribute_and_new_conversation(servers: Any, page: Any) -> None:
    from playwright.sync_api import expect

    page.goto(demo(servers, "tisa", lang="ru"))  # a Russian-speaking customer of a Persian store
    page.get_by_role("button", name="Чат с поддержкой", exact=True).click()
    bot = page.locator(".saw-msg--bot")
    expect(bot.first.locator(".saw-bubble")).to_contain_text("Тиса")  # greeted in Russian, thanks to the hint
    textbox = page.get_by_role("textbox", name="Текст сообщения", exact=True)
    with page.expect_request(WEBHOOK) as sent:
        textbox.fill("Сколько стоит доставка?")
        textbox.press("Enter")
    assert json.loads(sent.value.post_data)["metadata"] == {"store": "tisa", "language": "ru"}
    answered(page, 1)
    old_sender = sender_of(page, "tisa")

    page.get_by_role("button", name="Новый разговор", exact=True).click()
    expect(page.locator(".saw-msg--user")).to_have_count(0)
    expect(bot).to_have_count(1)  # only the new greeting
    expect(textbox).to_be_focused()
    new_sender = sender_of(page, "tisa")
    assert new_sender and new_sender != old_sender
    expect(page.locator(".saw-sr[role=status]").last).to_have_text("Начат новый разговор.")

    # The old conversation is still on the server; the page now shows the new one after a reload.
    old = requests.get(f"{servers.url}/webhooks/widget/history", params={"sender": old_sender, "store": "tisa"},
                       timeout=10).json()["messages"]
    assert ("user", "Сколько стоит доставка?") in [(m["role"], m["text"]) for m in old]
    page.reload()
    expect(bot).to_have_count(1)
    expect(page.locator(".saw-msg--user")).to_have_count(0)
    expect(bot.first.get_by_role("button", name="Где мой заказ", exact=True)).to_be_enabled()  # not answered yet


def test_server_down_is_said_and_retried(servers: Any, page: Any) -> None:
    from playwright.sync_api import expect

    attempts: list[str] = []

    def refuse(route: Any) -> None:
        attempts.append(route.request.post_data)
        route.abort("connectionrefused")

    page.route(WEBHOOK, refuse)
    embed_page(page, servers, store="tisa", open="true", greet="false", retry_delay="1000", timeout="3000")
    textbox = page.get_by_role("textbox", name="متن پیام", exact=True)
    textbox.fill("سلام")
    textbox.press("Enter")
    alert = page.get_by_role("alert")
    expect(alert).to_contain_text("ارتباط با سرور برقرار نشد")
    expect(alert).to_contain_text("دوباره تلاش می‌کنیم")  # retrying by itself first
    expect(page.locator(".saw-msg--failed")).to_have_count(1)
    expect(page.locator(".saw-failed-note")).to_have_text("ارسال نشد")
    # After the automatic retries, it waits for the customer: the message and the button stay.
    expect(alert).not_to_contain_text("دوباره تلاش می‌کنیم", timeout=15_000)
    assert len(attempts) == 4 and len(set(attempts)) == 1  # the first try and 3 retries, the same message
    retry = alert.get_by_role("button", name="تلاش دوباره", exact=True)
    expect(retry).to_be_visible()
    shot(page, "fa-server-down")

    page.unroute(WEBHOOK)
    retry.click()
    answered(page, 0)
    expect(page.locator(".saw-msg--failed")).to_have_count(0)
    expect(page.locator(".saw-msg--user .saw-bubble")).to_have_text(["سلام"])


def test_timeout_is_said_and_retried(servers: Any, page: Any) -> None:
    from playwright.sync_api import expect

    held: list[Any] = []

    def first_one_hangs(route: Any) -> None:
        if held:
            route.continue_()
        else:
            held.append(route)  # never answered: the widget must give up on it by itself

    page.route(WEBHOOK, first_one_hangs)
    embed_page(page, servers, store="citadel", open="true", greet="false", retry_delay="1500", timeout="1500")
    textbox = page.get_by_role("textbox", name="Текст сообщения", exact=True)
    textbox.fill("Привет!")
    textbox.press("Enter")
    alert = page.get_by_role("alert")
    expect(alert).to_contain_text("Сервер слишком долго не отвечает", timeout=5_000)
    expect(alert).to_contain_text("Попробуем ещё раз")
    shot(page, "ru-timeout")
    answered(page, 0)  # the automatic retry gets through
    assert page.locator(".saw-msg--user .saw-bubble").all_inner_texts() == ["Привет!"]


def test_history_that_cannot_be_loaded_is_said(servers: Any, page: Any) -> None:
    from playwright.sync_api import expect

    page.goto(demo(servers, "tisa"))
    page.get_by_role("button", name="گفتگو با پشتیبانی", exact=True).click()
    expect(page.locator(".saw-msg--bot")).to_have_count(1)
    page.route("**/webhooks/widget/history*", lambda route: route.fulfill(status=503, body="{}"))
    page.reload()
    alert = page.get_by_role("alert")
    expect(alert).to_contain_text("تاریخچه‌ی گفتگو بارگیری نشد")
    page.unroute("**/webhooks/widget/history*")
    alert.get_by_role("button", name="تلاش دوباره", exact=True).click()
    expect(page.locator(".saw-msg--bot")).to_have_count(1)
    expect(alert).to_be_hidden()


def test_text_is_never_html_and_links_are_safe(servers: Any, page: Any) -> None:
    from playwright.sync_api import expect

    reply = [{
        "recipient_id": "x",
        "text": '<img src=x onerror="window.pwned=1"> پیگیری: https://tisa.example/orders?id=7&x=1 یا '
                "tracking.post.ir، ایمیل support@tisaperfume.com. javascript:window.pwned=2",
        "buttons": [{"title": "<i>بله</i>", "payload": "/affirm"}],
        "image": "javascript:window.pwned=3",
    }]
    page.route(WEBHOOK, lambda route: route.fulfill(status=200, content_type="application/json",
                                                    body=json.dumps(reply)))
    embed_page(page, servers, store="tisa", open="true", greet="false")
    textbox = page.get_by_role("textbox", name="متن پیام", exact=True)
    textbox.fill('<b onclick="window.pwned=4">سلام</b>')
    textbox.press("Enter")
    answered(page, 0)

    log = page.get_by_role("log", name="پیام‌های گفتگو", exact=True)
    expect(page.locator(".saw-msg--user .saw-bubble")).to_have_text('<b onclick="window.pwned=4">سلام</b>')
    expect(page.locator(".saw-msg--bot .saw-bubble")).to_contain_text("<img src=x")
    assert log.locator("img, b, i, script").count() == 0
    links = page.locator(".saw-msg--bot .saw-bubble a")
    assert [link.get_attribute("href") for link in links.all()] == [
        "https://tisa.example/orders?id=7&x=1", "https://tracking.post.ir/", "mailto:support@tisaperfume.com"]
    assert links.all_inner_texts() == ["https://tisa.example/orders?id=7&x=1", "tracking.post.ir",
                                       "support@tisaperfume.com"]
    assert set(links.first.get_attribute("rel").split()) >= {"noopener", "noreferrer"}
    assert links.first.get_attribute("target") == "_blank"
    expect(page.get_by_role("button", name="<i>بله</i>", exact=True)).to_be_visible()
    assert page.evaluate("() => window.pwned") is None


def test_keyboard_use_and_accessible_structure(servers: Any, page: Any) -> None:
    from playwright.sync_api import expect

    page.goto(demo(servers, "tisa"))
    launcher = page.get_by_role("button", name="گفتگو با پشتیبانی", exact=True)
    launcher.focus()
    page.keyboard.press("Enter")
    textbox = page.get_by_role("textbox", name="متن پیام", exact=True)
    expect(textbox).to_be_focused()
    expect(page.get_by_role("log", name="پیام‌های گفتگو", exact=True)).to_be_visible()
    expect(page.get_by_role("button", name="ارسال", exact=True)).to_be_visible()
    expect(page.get_by_role("button", name="گفتگوی تازه", exact=True)).to_be_visible()
    expect(page.get_by_role("button", name="بستن گفتگو", exact=True)).to_be_visible()
    expect(page.get_by_role("group", name="پاسخ‌های پیشنهادی", exact=True)).to_be_visible()

    page.keyboard.type("سلام")
    page.keyboard.press("Shift+Enter")  # a new line, not a send
    page.keyboard.type("مرسی")
    expect(textbox).to_have_value("سلام\nمرسی")
    expect(page.locator(".saw-msg--user")).to_have_count(0)
    page.keyboard.press("Enter")
    expect(page.locator(".saw-msg--user .saw-bubble")).to_have_text("سلام\nمرسی")
    answered(page, 1)

    page.keyboard.press("Escape")
    expect(page.get_by_role("dialog")).to_be_hidden()
    expect(launcher).to_be_focused()
    expect(launcher).to_have_attribute("aria-expanded", "false")


@pytest.mark.parametrize("stored", ["w-0123456789abcdef0123456789abcdef",            # an id the widget once made up
                                    "c1.tisa.AAAAAAAAAAAAAAAAAAAAAA." + "A" * 43])  # a forged one
def test_an_id_the_server_did_not_sign_is_replaced_by_a_signed_one(servers: Any, page: Any, stored: str) -> None:
    from playwright.sync_api import expect

    page.goto(demo(servers, "tisa"))
    page.evaluate("id => localStorage.setItem('storeAssistant:tisa:sender', id)", stored)
    with page.expect_response("**/webhooks/rest/conversations") as started:
        page.reload()
        page.get_by_role("button", name="گفتگو با پشتیبانی", exact=True).click()
    assert started.value.status == 200
    expect(page.locator(".saw-msg--bot").first.locator(".saw-bubble")).to_contain_text("تیسا")
    sender = sender_of(page, "tisa")
    assert sender != stored and re.fullmatch(r"c1\.tisa\.[\w-]{22}\.[\w-]{43}", sender)
    expect(page.locator(".saw-error")).to_be_hidden()
