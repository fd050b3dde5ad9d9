"""The website chat widget: its script and stylesheet, a demo store page, and history.

A store embeds one tag, served by this channel under /webhooks/widget/:

    <script src="https://ASSISTANT/webhooks/widget/widget.js" data-store="tisa" defer></script>

The widget talks to our hardened REST channel (`POST /webhooks/rest/webhook`); this
channel only serves the files, the store's language and name (`/config`), a demo store
page (`/demo?store=tisa`) and the history of a conversation read from the tracker store
(`/history?sender=...&store=...`), so that a page reload or a navigation finds it again.
Nothing here handles a customer message, so nothing here can be used to skip the guard.
"""

from __future__ import annotations

import hashlib
import html
import logging
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any, Awaitable, Callable, Dict, Iterable, List, Mapping, Optional, Text
from urllib.parse import quote

from rasa.core.channels.channel import InputChannel, UserMessage
from rasa.shared.core.events import BotUttered, Event, UserUttered
from sanic import Blueprint, response
from sanic.request import Request
from sanic.response import HTTPResponse

from bot.channels.gate import RateLimiter, Refused, bad_request, client_address, known_store, signed_store
from bot.channels.guard import SLASH_ESCAPE, UNAVAILABLE, bilingual, language_hint
from bot.channels.parts import as_typed, part_of, said_once
from bot.console.service import handoff_state, merged, said_after
from bot.db_settings import DatabaseUnavailable, off_the_loop
from bot.settings import default_store, rate_limit
from bot.stores.policy import StorePolicy, policies

logger = logging.getLogger(__name__)

STATIC_DIR = Path(__file__).parent / "widget_static"
ASSET_TYPES = {
    "widget.js": "text/javascript; charset=utf-8",
    "widget.css": "text/css; charset=utf-8",
}
MAX_HISTORY = 200  # messages; older ones stay in the tracker store but are not sent to the page
# History requests per client address: 30 at once, then 60 a minute.
HISTORY_RATE = ("HISTORY_RATE", "30:60")
# Polls for an agent's messages per client address (one every 2 s per waiting customer, several behind one office).
UPDATES_RATE = ("UPDATES_RATE", "120:300")
ASSET_CACHE = "public, max-age=300"
DEMO_PAGES = ("home", "catalog")
# The demo page runs the widget under a strict policy: no inline script, same-origin only.
DEMO_CSP = (
    "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
    "connect-src 'self'; img-src 'self' data:; base-uri 'none'; form-action 'none'; "
    "frame-ancestors 'none'"
)


@dataclass(frozen=True)
class Asset:
    """One file of the widget, read once, with its content type and validator."""

    body: bytes
    content_type: str
    etag: str


@lru_cache(maxsize=None)
def load_asset(name: str) -> Asset:
    """The named widget file (only those in ASSET_TYPES), read from the package."""
    body = (STATIC_DIR / name).read_bytes()
    return Asset(body, ASSET_TYPES[name], '"' + hashlib.sha256(body).hexdigest()[:32] + '"')


def _arg(args: Mapping[str, Any], name: str) -> Optional[str]:
    """The first value of a query parameter (Sanic's RequestParameters or a plain dict)."""
    value = args.get(name)
    if isinstance(value, list):
        value = value[0] if value else None
    return value if isinstance(value, str) else None


def parse_store(args: Mapping[str, Any]) -> StorePolicy:
    """The store named by `?store=`, the default one when absent, or a Refused."""
    return known_store(_arg(args, "store") or default_store())


def parse_history_query(args: Mapping[str, Any]) -> tuple[str, StorePolicy]:
    """The signed sender of a history request and its store, or a Refused (403 for an id we did not sign)."""
    sender = _arg(args, "sender") or ""
    store = policies().get(signed_store(sender))
    named = _arg(args, "store")
    if store is None or (named is not None and named != store.id):
        raise Refused(403, "store_mismatch", "this conversation belongs to another store")
    return sender, store


def _buttons(data: Mapping[str, Any]) -> List[Dict[str, str]]:
    """The well-formed buttons (or quick replies) of a bot message."""
    found = []
    offered = [data.get("buttons"), data.get("quick_replies")]
    for button in (button for buttons in offered if isinstance(buttons, list) for button in buttons):
        if isinstance(button, dict) and isinstance(button.get("title"), str) and isinstance(button.get("payload"), str):
            found.append({"title": button["title"], "payload": button["payload"]})
    return found


def conversation_store(events: Iterable[Event]) -> Optional[str]:
    """The store of a conversation: the one its latest customer message came for."""
    store = None
    for event in events:
        if isinstance(event, UserUttered) and isinstance(event.metadata, dict):
            candidate = event.metadata.get("store")
            if isinstance(candidate, str):
                store = candidate
    return store


def history_messages(events: Iterable[Event], limit: int = MAX_HISTORY) -> List[Dict[str, Any]]:
    """What the customer saw: their messages and the bot's, with buttons and times.

    A button click was sent as its payload ("/order_status"); it is shown as the title of
    the button the bot offered. Other commands (the widget's hidden "/greet", the guard's
    "/empty_message") were never typed by the customer and are left out. A message of several
    questions is shown as typed, once, with its replies as they were sent (see `parts`).
    """
    messages: List[Dict[str, Any]] = []
    offered: Dict[str, str] = {}
    replies_from: Optional[int] = None  # where the replies to a message of several questions begin
    for event in events:
        if isinstance(event, UserUttered):
            part = part_of(event.metadata)
            if part is not None and part[0] > 1:
                continue  # a later question of the message shown whole with the first
            if replies_from is not None:
                messages[replies_from:] = said_once(messages[replies_from:])
            replies_from = None
            text = as_typed(event.metadata, event.text or "").strip()
            if text in offered:
                text = offered[text]
            elif text.startswith("/") or not text.lstrip(SLASH_ESCAPE):
                continue
            if part is not None:
                text, replies_from = part[1], len(messages) + 1
            messages.append({"role": "user", "text": text.lstrip(SLASH_ESCAPE), "timestamp": event.timestamp})
        elif isinstance(event, BotUttered):
            data = event.data or {}
            buttons = _buttons(data)
            image = data.get("image") if isinstance(data.get("image"), str) else None
            if not event.text and not buttons and not image:
                continue
            message: Dict[str, Any] = {"role": "bot", "text": event.text or "", "timestamp": event.timestamp,
                                       "buttons": buttons}
            if image:
                message["image"] = image
            messages.append(message)
            offered.update({button["payload"]: button["title"] for button in buttons})
    if replies_from is not None:
        messages[replies_from:] = said_once(messages[replies_from:])
    return messages[-limit:] if limit else messages


def _unavailable() -> HTTPResponse:
    return response.json({"error": "unavailable", **bilingual(UNAVAILABLE)}, status=503)


async def history_response(args: Mapping[str, Any], agent: Any) -> HTTPResponse:
    """The JSON history of one conversation of one store; empty for an unknown sender."""
    try:
        sender, store = parse_history_query(args)
    except Refused as refused:
        return refused.response()
    tracker_store = getattr(agent, "tracker_store", None) if agent is not None else None
    if tracker_store is None:  # the model is still loading
        return _unavailable()
    try:
        tracker = await tracker_store.retrieve_full_tracker(sender)
    except Exception:  # a database that is down is a 503, never a 500
        logger.exception("Reading the history of conversation %s failed", sender)
        return _unavailable()
    events = list(tracker.events) if tracker is not None else []
    # A conversation of another store is not this page's to show.
    messages = history_messages(events) if conversation_store(events) == store.id else []
    try:  # what agents said, and whether one is wanted or holds the conversation (the widget then listens)
        handoff, kept = await off_the_loop(handoff_state, sender), await off_the_loop(said_after, sender)
    except DatabaseUnavailable:
        logger.exception("Reading the handoff of conversation %s failed", sender)
        return _unavailable()
    return response.json({"sender": sender, "store": store.id, "messages": merged(messages, kept)[-MAX_HISTORY:],
                          "handoff": handoff}, headers={"Cache-Control": "no-store"})


def parse_after(args: Mapping[str, Any]) -> int:
    """The number of the last handoff message the widget has (`?after=`), or a 400."""
    after = _arg(args, "after") or "0"
    if not after.isdigit() or len(after) > 12:
        raise bad_request("'after' must be a whole number")
    return int(after)


async def updates_response(args: Mapping[str, Any]) -> HTTPResponse:
    """What agents said after `?after=` and the handoff's state: the widget asks every 2 s while a person is wanted."""
    try:
        sender, _ = parse_history_query(args)
        after = parse_after(args)
        handoff, kept = await off_the_loop(handoff_state, sender), await off_the_loop(said_after, sender, after)
    except Refused as refused:
        return refused.response()
    except DatabaseUnavailable:
        logger.exception("Reading the handoff of conversation %s failed", _arg(args, "sender"))
        return _unavailable()
    return response.json({"handoff": handoff, "messages": [message for message in kept if message["role"] != "user"],
                          "after": kept[-1]["id"] if kept else after}, headers={"Cache-Control": "no-store"})


def config_response(args: Mapping[str, Any]) -> HTTPResponse:
    """The store's language and names, so the widget speaks the store's language."""
    try:
        store = parse_store(args)
    except Refused as refused:
        return refused.response()
    return response.json(
        {"store": store.id, "language": store.language, "name": dict(store.name), "stores": list(policies())},
        headers={"Cache-Control": ASSET_CACHE},
    )


def asset_response(name: str, if_none_match: Optional[str] = None) -> HTTPResponse:
    """The widget's script or stylesheet, or a 304 when the browser has it already."""
    asset = load_asset(name)
    headers = {"ETag": asset.etag, "Cache-Control": ASSET_CACHE, "X-Content-Type-Options": "nosniff",
               "Cross-Origin-Resource-Policy": "cross-origin"}
    if if_none_match and asset.etag in if_none_match:
        return response.empty(status=304, headers=headers)
    return response.raw(asset.body, content_type=asset.content_type, headers=headers)


DEMO_TEXTS = {
    "fa": {
        "title": "{name} — فروشگاه نمایشی",
        "intro": "این صفحه‌ی نمایشی فروشگاه {name} است. دکمه‌ی گفتگو در گوشه‌ی پایین صفحه همان ویجتی است "
                 "که فروشگاه با یک تگ script به سایت خود اضافه می‌کند.",
        "stores": "فروشگاه‌ها",
        "language": "زبان ویجت",
        "auto": "زبان فروشگاه",
        "pages": "صفحه‌ها",
        "home": "خانه",
        "catalog": "محصولات",
        "catalog_text": "در این صفحه هم گفتگو ادامه دارد: بین صفحه‌ها بروید و صفحه را تازه کنید.",
        "products": ["محصول نمونه‌ی یک", "محصول نمونه‌ی دو", "محصول نمونه‌ی سه"],
        "embed": "کد افزودن ویجت",
    },
    "ru": {
        "title": "{name} — демо-магазин",
        "intro": "Это демонстрационная страница магазина {name}. Кнопка чата в нижнем углу — тот самый виджет, "
                 "который магазин добавляет на свой сайт одним тегом script.",
        "stores": "Магазины",
        "language": "Язык виджета",
        "auto": "язык магазина",
        "pages": "Страницы",
        "home": "Главная",
        "catalog": "Каталог",
        "catalog_text": "Разговор продолжается и здесь: переходите между страницами и обновляйте страницу.",
        "products": ["Демо-товар один", "Демо-товар два", "Демо-товар три"],
        "embed": "Код для встраивания",
    },
}
DEMO_STYLE = """
body{margin:0;font-family:Vazirmatn,Vazir,Tahoma,"Segoe UI","Noto Sans Arabic","Noto Sans",
"DejaVu Sans",Arial,sans-serif;color:#1d2330;background:#f6f7f9;line-height:1.7}
header{display:flex;flex-wrap:wrap;gap:.5rem 1.5rem;align-items:center;padding:.75rem 1.25rem;
background:var(--accent);color:#fff}
header a{color:#fff}
header strong{font-size:1.25rem}
nav ul{display:flex;flex-wrap:wrap;gap:.25rem .75rem;margin:0;padding:0;list-style:none}
nav a[aria-current]{font-weight:bold;text-decoration:none;border-block-end:2px solid currentColor}
main{max-inline-size:60rem;margin-inline:auto;padding:1rem 1.25rem 8rem}
.cards{display:grid;grid-template-columns:repeat(auto-fill,minmax(12rem,1fr));gap:1rem}
.card{background:#fff;border-radius:.75rem;padding:1rem;min-block-size:6rem;box-shadow:0 1px 3px #0002}
pre{direction:ltr;text-align:left;overflow:auto;background:#fff;padding:.75rem;border-radius:.5rem}
"""
DEMO_ACCENTS = {"tisa": "#a4286a", "citadel": "#1f5fbf", "sitra": "#0b7a5f", "chistatek": "#3b4cca",
                "offykala": "#b4530b"}


def demo_page(store: StorePolicy, page: str = "home", language: Optional[str] = None) -> str:
    """A store-like page that embeds the widget exactly as a store would."""
    ui = language or store.language
    texts = DEMO_TEXTS[ui]
    name = store.name[ui]
    esc = html.escape

    def link(label: str, current: bool, **params: str) -> str:
        query = {"store": store.id, "lang": language or "", "page": page, **params}
        href = "demo?" + "&amp;".join(f"{key}={quote(value)}" for key, value in query.items() if value)
        marker = ' aria-current="page"' if current else ""
        return f'<li><a href="{href}"{marker}>{esc(label)}</a></li>'

    stores = "".join(link(policy.name[ui], policy.id == store.id, store=policy.id, page="home", lang="")
                     for policy in policies().values())
    languages = "".join(link(label, (language or "") == code, lang=code)
                        for label, code in ((texts["auto"], ""), ("فارسی", "fa"), ("Русский", "ru")))
    pages = "".join(link(texts[name_], name_ == page, page=name_) for name_ in DEMO_PAGES)
    if page == "catalog":
        body = f"<h1>{esc(texts['catalog'])}</h1><p>{esc(texts['catalog_text'])}</p><div class=cards>" + "".join(
            f"<div class=card>{esc(product)}</div>" for product in texts["products"]) + "</div>"
    else:
        body = f"<h1>{esc(name)}</h1><p>{esc(texts['intro'].format(name=name))}</p>"
    language_attr = f' data-language="{esc(language)}"' if language else ""
    snippet = (f'<script src="https://ASSISTANT/webhooks/widget/widget.js" data-store="{store.id}"'
               f'{language_attr} defer></script>')
    direction = "rtl" if ui == "fa" else "ltr"
    accent = DEMO_ACCENTS.get(store.id, "#1f5fbf")
    return f"""<!doctype html>
<html lang="{ui}" dir="{direction}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="icon" href="data:,">
<title>{esc(texts['title'].format(name=name))}</title>
<style>:root{{--accent:{accent}}}{DEMO_STYLE}</style>
</head>
<body>
<header>
<strong>{esc(name)}</strong>
<nav aria-label="{esc(texts['pages'])}"><ul>{pages}</ul></nav>
<nav aria-label="{esc(texts['stores'])}"><ul>{stores}</ul></nav>
<nav aria-label="{esc(texts['language'])}"><ul>{languages}</ul></nav>
</header>
<main>
{body}
<h2>{esc(texts['embed'])}</h2>
<pre><code>{esc(snippet)}</code></pre>
</main>
<script src="widget.js" data-store="{store.id}"{language_attr} data-accent="{accent}" defer></script>
</body>
</html>
"""


def demo_response(args: Mapping[str, Any]) -> HTTPResponse:
    """The demo store page for `?store=` (`&page=catalog`, `&lang=ru`), or a 400 page."""
    headers = {"Content-Security-Policy": DEMO_CSP, "X-Content-Type-Options": "nosniff", "Cache-Control": "no-store"}
    try:
        store = parse_store(args)
    except Refused as error:
        items = "".join(f'<li><a href="demo?store={sid}">{html.escape(policy.name["fa"])} · '
                        f'{html.escape(policy.name["ru"])}</a></li>' for sid, policy in policies().items())
        page = (f'<!doctype html><html lang="fa" dir="rtl"><meta charset="utf-8"><title>400</title>'
                f'<p>{html.escape(error.body["fa"])}</p><p dir="ltr">{html.escape(error.body["ru"])}</p>'
                f"<ul>{items}</ul></html>")
        return response.html(page, status=400, headers=headers)
    page = _arg(args, "page") or "home"
    return response.html(demo_page(store, page if page in DEMO_PAGES else "home", language_hint(_arg(args, "lang"))),
                         headers=headers)


class WidgetInput(InputChannel):
    """Serves the website widget; its messages go through the REST channel."""

    @classmethod
    def name(cls) -> Text:
        """Served under /webhooks/widget/."""
        return "widget"

    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> Blueprint:
        """Files, store config, demo page and conversation history."""
        widget = Blueprint(f"store_widget_{id(self)}", __name__)
        histories = RateLimiter(*rate_limit(*HISTORY_RATE))
        polls = RateLimiter(*rate_limit(*UPDATES_RATE))

        @widget.route("/", methods=["GET"])
        async def health(request: Request) -> HTTPResponse:
            return response.json({"status": "ok", "script": "widget.js", "stores": list(policies())})

        @widget.route("/widget.js", methods=["GET"])
        async def script(request: Request) -> HTTPResponse:
            return asset_response("widget.js", request.headers.get("if-none-match"))

        @widget.route("/widget.css", methods=["GET"])
        async def stylesheet(request: Request) -> HTTPResponse:
            return asset_response("widget.css", request.headers.get("if-none-match"))

        @widget.route("/config", methods=["GET"])
        async def config(request: Request) -> HTTPResponse:
            return config_response(request.args)

        @widget.route("/demo", methods=["GET"])
        async def demo(request: Request) -> HTTPResponse:
            return demo_response(request.args)

        @widget.route("/updates", methods=["GET"])
        async def updates(request: Request) -> HTTPResponse:
            try:
                polls.check(client_address(request))
            except Refused as refused:
                return refused.response()
            return await updates_response(request.args)

        @widget.route("/history", methods=["GET"])
        async def history(request: Request) -> HTTPResponse:
            try:
                histories.check(client_address(request))
            except Refused as refused:
                return refused.response()
            return await history_response(request.args, getattr(request.app.ctx, "agent", None))

        return widget
