"""The action server answers only calls carrying ACTION_SECRET, which Rasa sends as endpoints.yml says."""

from __future__ import annotations

from types import SimpleNamespace
from typing import Optional

import pytest
from rasa.core.utils import AvailableEndpoints

from bot.action_server import HEADER, refusal
from support import ROOT

SECRET = "3f1c-a-long-shared-secret"


@pytest.mark.parametrize("path, sent, refused", [
    ("/webhook", f"secret:{SECRET}", False),
    ("/actions", f"secret:{SECRET}", False),
    ("/webhook", None, True),
    ("/webhook", "", True),
    ("/webhook", SECRET, True),  # without the prefix endpoints.yml puts before it
    ("/webhook", f"secret:{SECRET}x", True),
    ("/webhook", "secret:${ACTION_SECRET}", True),  # a Rasa server started without the secret
    ("/webhook", "secret:پارسی", True),  # not ASCII: refused, not a crash
    ("/health", None, False),  # probes need no secret
])
def test_only_the_secret_opens_the_action_server(path: str, sent: Optional[str], refused: bool) -> None:
    request = SimpleNamespace(path=path, headers={} if sent is None else {HEADER: sent})
    answer = refusal(request, SECRET)  # type: ignore[arg-type]
    assert (answer is not None and answer.status == 401) is refused


@pytest.mark.parametrize("secret, header", [
    ("s3cr3t", "secret:s3cr3t"),
    ("", "secret:"),
    (None, "secret:${ACTION_SECRET}"),  # unset: Rasa still starts, and an action server without one checks nothing
])
def test_rasa_sends_the_secret_from_the_environment(monkeypatch: pytest.MonkeyPatch, secret: Optional[str],
                                                    header: str) -> None:
    monkeypatch.setenv("ACTION_ENDPOINT_URL", "http://127.0.0.1:9/webhook")
    monkeypatch.setenv("TRACKER_DB", "unused.db")
    if secret is None:
        monkeypatch.delenv("ACTION_SECRET", raising=False)
    else:
        monkeypatch.setenv("ACTION_SECRET", secret)
    endpoints = AvailableEndpoints.read_endpoints(str(ROOT / "endpoints.yml"))
    assert endpoints.action.headers == {HEADER: header}


def test_before_serving_every_stores_index_is_built_and_a_dead_database_does_not_stop_the_start(
        monkeypatch: pytest.MonkeyPatch) -> None:
    from actions import db
    from bot import action_server
    from bot.stores import units
    from bot.stores.policy import policies

    units._INDEXES.clear()
    db.engine.cache_clear()
    monkeypatch.setenv("DATABASE_URL", "sqlite:////nonexistent/folder/orders.db")  # cannot be opened
    action_server.warm_up()
    assert {id(store.units) for store in policies().values()} <= set(units._INDEXES)
    db.engine.cache_clear()
