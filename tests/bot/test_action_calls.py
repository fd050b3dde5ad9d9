"""Calls to the action server go over one kept connection and carry the same JSON as Rasa's (the domain encoded once);
HTTP errors are Rasa's own."""

from __future__ import annotations

import asyncio
import json
from typing import Any

import pytest
from aiohttp import web
from rasa.utils.endpoints import ClientResponseError, EndpointConfig

from bot import action_calls

DOMAIN = {"intents": ["greet", "سلام"], "responses": {"utter_greet": [{"text": "Здравствуйте «x»"}]}, "slots": {}}


class Recorder:
    """An action server that keeps every body, header and connection it was sent, and answers as told."""

    def __init__(self, status: int = 200) -> None:
        self.status = status
        self.bodies: list[Any] = []
        self.secrets: list[str] = []
        self.connections: set[int] = set()

    async def handle(self, request: web.Request) -> web.Response:
        self.bodies.append(await request.json())
        self.secrets.append(request.headers.get("X-Action-Secret", ""))
        self.connections.add(id(request.transport))
        if self.status >= 400:
            return web.json_response({"error": "rejected", "action_name": "x"}, status=self.status)
        return web.json_response({"events": [], "responses": []})


async def calls(recorder: Recorder, payloads: list[dict[str, Any]]) -> list[Any]:
    """The payloads posted one after the other to a recorder on a free loopback port, as Rasa posts them."""
    app = web.Application()
    app.router.add_post("/webhook", recorder.handle)
    runner = web.AppRunner(app)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    port = site._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]
    endpoint = EndpointConfig(f"http://127.0.0.1:{port}/webhook", headers={"X-Action-Secret": "s3"})
    try:
        return [await action_calls.request(endpoint, json=payload, method="post", timeout=5) for payload in payloads]
    finally:
        await action_calls.close_sessions()
        await runner.cleanup()


def payload(number: int) -> dict[str, Any]:
    return {"next_action": "action_answer_topic", "sender_id": f"c{number}", "domain": DOMAIN,
            "tracker": {"events": [{"event": "user", "text": "سلام ۱۲"}]}, "version": "3.6.21"}


def test_calls_share_one_connection_and_carry_rasas_json() -> None:
    recorder = Recorder()
    answers = asyncio.run(calls(recorder, [payload(number) for number in range(3)]))
    assert answers == [{"events": [], "responses": []}] * 3
    assert recorder.bodies == [payload(number) for number in range(3)]
    assert recorder.secrets == ["s3"] * 3
    assert len(recorder.connections) == 1


def test_the_body_is_the_json_rasa_would_send() -> None:
    assert json.loads(action_calls.encoded(payload(1))) == payload(1)
    assert json.loads(action_calls.encoded({"domain": DOMAIN})) == {"domain": DOMAIN}
    assert json.loads(action_calls.encoded({"next_action": "x"})) == {"next_action": "x"}


def test_an_http_error_is_rasas_client_response_error() -> None:
    with pytest.raises(ClientResponseError) as raised:
        asyncio.run(calls(Recorder(status=400), [payload(1)]))
    assert raised.value.status == 400 and b"rejected" in raised.value.text


def test_the_sessions_of_a_closed_loop_are_let_go() -> None:
    async def made() -> asyncio.AbstractEventLoop:
        action_calls._session(EndpointConfig("http://127.0.0.1:9/webhook"))
        return asyncio.get_running_loop()

    first = asyncio.run(made())  # a script's run that never stopped a server: its sessions were not closed
    second = asyncio.run(made())
    try:
        assert first not in action_calls._SESSIONS and second in action_calls._SESSIONS
    finally:
        action_calls._SESSIONS.clear()
