"""Connects a store's Telegram bot to this server: the only code that registers webhooks.

    python -m bot.telegram set-webhook --store tisa --url https://example.com/webhooks/telegram/webhook/tisa
    python -m bot.telegram delete-webhook --store tisa
    python -m bot.telegram info [--store tisa]

Reads the same environment as the channel (`TELEGRAM_BOTS`, `TELEGRAM_SECRET_TOKEN`,
`TELEGRAM_API_BASE`; see `bot.channels.telegram_api`). `set-webhook` sends the secret so
Telegram puts it in every update's `X-Telegram-Bot-Api-Secret-Token` header, and asks only
for the update types the channel reads. Nothing printed ever contains a token.
Exit status: 0 done, 1 Telegram refused or was unreachable, 2 bad settings or arguments.
"""

from __future__ import annotations

import argparse
import asyncio
import sys
from typing import Any, Optional, Sequence
from urllib.parse import urlsplit

from bot.channels.telegram_api import BotApi, TelegramError, TelegramSettings, load_settings
from bot.settings import ConfigError

ALLOWED_UPDATES = ["message", "edited_message", "callback_query"]
WEBHOOK_PATH = "/webhooks/telegram/webhook/{store}"


def _parser() -> argparse.ArgumentParser:
    """The command line: three sub-commands."""
    parser = argparse.ArgumentParser(prog="python -m bot.telegram", description=__doc__.split("\n\n")[0])
    commands = parser.add_subparsers(dest="command", required=True)
    setter = commands.add_parser("set-webhook", help="point a store's bot at this server")
    setter.add_argument("--store", required=True, help="store id, one of TELEGRAM_BOTS")
    setter.add_argument("--url", required=True, help=f"public https URL ending in {WEBHOOK_PATH}")
    setter.add_argument("--max-connections", type=int, default=None, help="parallel deliveries (1-100)")
    setter.add_argument("--drop-pending-updates", action="store_true", help="forget updates waiting at Telegram")
    deleter = commands.add_parser("delete-webhook", help="stop deliveries to this server")
    deleter.add_argument("--store", required=True)
    deleter.add_argument("--drop-pending-updates", action="store_true")
    info = commands.add_parser("info", help="show the bots and their webhooks")
    info.add_argument("--store", help="one store (default: every configured store)")
    return parser


def _bot(settings: TelegramSettings, store: str) -> BotApi:
    """The store's bot, or a ConfigError saying which stores have one."""
    token = settings.bots.get(store)
    if token is None:
        configured = ", ".join(settings.bots) or "none"
        raise ConfigError(f"TELEGRAM_BOTS has no bot for store '{store}' (configured: {configured})")
    return BotApi(token, settings.api_base)


def check_url(url: str, store: str) -> list[str]:
    """Problems that make Telegram refuse the URL, and warnings (prefixed "warning:")."""
    parts = urlsplit(url)
    if parts.scheme != "https" or not parts.hostname:
        return ["the webhook URL must be an https:// URL (Telegram calls only https)"]
    expected = WEBHOOK_PATH.format(store=store)
    if not parts.path.rstrip("/").endswith(f"/{store}"):
        return [f"warning: the URL does not end in /{store}; this server expects {expected} for this bot"]
    return []


async def _set_webhook(settings: TelegramSettings, args: argparse.Namespace) -> str:
    """Registers the webhook with our secret; returns what to print."""
    bot = _bot(settings, args.store)
    try:
        me = await bot.get_me()
        await bot.call(
            "setWebhook",
            url=args.url,
            secret_token=settings.secret,
            allowed_updates=ALLOWED_UPDATES,
            max_connections=args.max_connections,
            drop_pending_updates=True if args.drop_pending_updates else None,
        )
    finally:
        await bot.close()
    return f"{args.store}: webhook of @{me.get('username')} set to {args.url}"


async def _delete_webhook(settings: TelegramSettings, args: argparse.Namespace) -> str:
    """Removes the webhook."""
    bot = _bot(settings, args.store)
    try:
        await bot.call("deleteWebhook", drop_pending_updates=True if args.drop_pending_updates else None)
    finally:
        await bot.close()
    return f"{args.store}: webhook deleted"


async def _info(settings: TelegramSettings, args: argparse.Namespace) -> str:
    """Each bot's name and webhook state."""
    stores = [args.store] if args.store else list(settings.bots)
    if not stores:
        raise ConfigError("TELEGRAM_BOTS configures no bot")
    lines = []
    for store in stores:
        bot = _bot(settings, store)
        try:
            me = await bot.get_me()
            hook: Any = await bot.call("getWebhookInfo")
        finally:
            await bot.close()
        hook = hook if isinstance(hook, dict) else {}
        lines.append(f"{store}: @{me.get('username')} (id {me.get('id')})")
        lines.append(f"  webhook: {hook.get('url') or '(none)'}")
        lines.append(f"  pending updates: {hook.get('pending_update_count', 0)}")
        if hook.get("last_error_message"):
            lines.append(f"  last error: {hook['last_error_message']}")
    return "\n".join(lines)


COMMANDS = {"set-webhook": _set_webhook, "delete-webhook": _delete_webhook, "info": _info}


def main(argv: Optional[Sequence[str]] = None) -> int:
    """Runs one command; the exit status says how it went."""
    args = _parser().parse_args(argv)
    try:
        settings = load_settings()
        if args.command == "set-webhook":
            problems = check_url(args.url, args.store)
            for problem in problems:
                print(problem, file=sys.stderr)
            if any(not problem.startswith("warning:") for problem in problems):
                return 2
        print(asyncio.run(COMMANDS[args.command](settings, args)))
    except ConfigError as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    except TelegramError as error:
        print(f"error: Telegram said no: {error}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
