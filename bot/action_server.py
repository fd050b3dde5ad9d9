"""rasa_sdk's action server that answers only our Rasa servers: `python -m bot.action_server --actions actions ...`.

The action server runs the actions that read orders and file returns, so on a network shared with
other services it must not answer anyone who finds its port. With `ACTION_SECRET` set, every request
but the health check must carry it in the `X-Action-Secret` header (Rasa sends it, endpoints.yml),
else 401; unset or empty, nothing is checked (the demo). Same arguments as `python -m rasa_sdk`.
"""

from __future__ import annotations

import hmac
import logging
import os
import sys
from typing import Optional

import pluggy
from rasa_sdk.__main__ import main
from rasa_sdk.plugin import plugin_manager
from sanic import Sanic
from sanic.request import Request
from sanic.response import HTTPResponse, json
from sqlalchemy.exc import SQLAlchemyError

from actions.db import engine
from bot.stores.units import build_indexes

logger = logging.getLogger(__name__)

HEADER = "X-Action-Secret"
PREFIX = "secret:"  # endpoints.yml sends `secret:<ACTION_SECRET>` (why the prefix: see there)
OPEN_PATHS = ("/health",)  # what an orchestrator's probe asks, without the secret
hookimpl = pluggy.HookimplMarker("rasa_sdk")


def refusal(request: Request, secret: str) -> Optional[HTTPResponse]:
    """401 unless the request carries the secret (compared in constant time) or asks an open path."""
    if request.path in OPEN_PATHS:
        return None
    given = request.headers.get(HEADER, "")
    if hmac.compare_digest(given.encode("utf-8", "surrogateescape"), f"{PREFIX}{secret}".encode("utf-8")):
        return None
    return json({"error": "unauthorized", "problem": f"the {HEADER} header is missing or wrong"}, status=401)


def warm_up() -> None:
    """What the first customers would otherwise wait for, done before the port opens: every store's answer-unit index
    and the orders database's engine (a database down now is no reason not to start: it is retried per message)."""
    build_indexes()
    try:
        engine()
    except SQLAlchemyError:
        logger.exception("The orders database is not reachable at start; each action will try it again")


@hookimpl
def attach_sanic_app_extensions(app: Sanic) -> None:
    """rasa_sdk's own hook for extensions: the warm-up before serving, and the secret check before every route when
    a secret is set."""
    @app.before_server_start
    async def warm(*_: object) -> None:
        warm_up()

    secret = os.environ.get("ACTION_SECRET", "")
    if not secret:
        return

    @app.on_request
    async def check_secret(request: Request) -> Optional[HTTPResponse]:
        return refusal(request, secret)


if __name__ == "__main__":
    plugin_manager().register(sys.modules[__name__])
    main()
