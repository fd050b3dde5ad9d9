"""Rasa's calls to the action server over connections kept open, with the domain encoded once.

Rasa 3.6's `EndpointConfig.request` opens a new aiohttp session, hence a new TCP connection, for
every call, and each call's JSON body carries the whole domain (27 kB, the same for every call of a
model), encoded again each time. Under load the action calls were a ninth of the Rasa server's CPU:
the body's encoding two fifths of it, the session and connection a fifth. Here JSON posts (the
action server's calls) go through one session per endpoint and event loop, whose connections are
kept 2 s, below the action server's 5 s (Sanic's keep-alive), so a kept connection is never one the
server has closed; the body is the same JSON with the domain's encoding kept per domain. Anything
else (other methods, compression, a CA file) is Rasa's own request. Errors are Rasa's: its
`ClientResponseError` for an HTTP error, aiohttp's for a connection that fails.
"""

from __future__ import annotations

import asyncio
import json
import weakref
from typing import Any, Dict, Optional, Text, Tuple

import aiohttp
from aiohttp.client_exceptions import ContentTypeError
from rasa.core.constants import DEFAULT_REQUEST_TIMEOUT
from rasa.utils.endpoints import ClientResponseError, EndpointConfig, concat_url

KEEP_ALIVE_S = 2.0  # below the action server's keep-alive (Sanic's KEEP_ALIVE_TIMEOUT, 5 s)
JSON = "application/json"

RASA_REQUEST = EndpointConfig.request
_SESSIONS: "weakref.WeakKeyDictionary[asyncio.AbstractEventLoop, Dict[Tuple[Any, ...], aiohttp.ClientSession]]" = (
    weakref.WeakKeyDictionary())
_DOMAINS: Dict[int, Tuple[Dict[str, Any], str]] = {}


def _session(endpoint: EndpointConfig) -> aiohttp.ClientSession:
    """The endpoint's session in this event loop, made on first use (and again if it was closed); the sessions of
    loops that have closed are let go (a session keeps its loop alive, so the weak keys alone never would)."""
    loop = asyncio.get_running_loop()
    if loop not in _SESSIONS:  # a new loop's first call
        for closed in [known for known in _SESSIONS if known.is_closed()]:
            del _SESSIONS[closed]
    sessions = _SESSIONS.setdefault(loop, {})
    key = (endpoint.url, tuple(sorted((endpoint.headers or {}).items())), repr(endpoint.basic_auth))
    session = sessions.get(key)
    if session is None or session.closed:
        auth = (aiohttp.BasicAuth(endpoint.basic_auth["username"], endpoint.basic_auth["password"])
                if endpoint.basic_auth else None)
        session = sessions[key] = aiohttp.ClientSession(
            headers=endpoint.headers, auth=auth, timeout=aiohttp.ClientTimeout(total=DEFAULT_REQUEST_TIMEOUT),
            connector=aiohttp.TCPConnector(keepalive_timeout=KEEP_ALIVE_S))
    return session


async def close_sessions() -> None:
    """Closes this event loop's sessions (at the server's stop)."""
    for session in _SESSIONS.pop(asyncio.get_running_loop(), {}).values():
        await session.close()


def _domain_json(domain: Dict[str, Any]) -> str:
    """The domain's JSON, encoded once per domain object (Rasa hands the same dict for every call of a model)."""
    known = _DOMAINS.get(id(domain))
    if known is None or known[0] is not domain:
        known = _DOMAINS[id(domain)] = (domain, json.dumps(domain))
    return known[1]


def encoded(payload: Dict[str, Any]) -> bytes:
    """The payload as aiohttp's `json=` encodes it, the domain's part taken from `_domain_json`."""
    domain = payload.get("domain")
    rest = {key: value for key, value in payload.items() if key != "domain"}
    if not isinstance(domain, dict) or not rest:
        return json.dumps(payload).encode("utf-8")
    return f'{json.dumps(rest)[:-1]}, "domain": {_domain_json(domain)}}}'.encode("utf-8")


async def request(self: EndpointConfig, method: Text = "post", subpath: Optional[Text] = None,
                  content_type: Optional[Text] = JSON, compress: bool = False, **kwargs: Any) -> Optional[Any]:
    """Rasa's `EndpointConfig.request`, a JSON post through the endpoint's kept session."""
    payload = kwargs.get("json")
    if method != "post" or content_type != JSON or compress or self.cafile or not isinstance(payload, dict):
        return await RASA_REQUEST(self, method, subpath, content_type, compress, **kwargs)
    del kwargs["json"]
    headers = {"Content-Type": JSON, **kwargs.pop("headers", {}), **(self.headers or {})}
    async with _session(self).post(concat_url(self.url, subpath), data=encoded(payload), headers=headers,
                                   params=self.combine_parameters(kwargs), **kwargs) as response:
        if response.status >= 400:
            raise ClientResponseError(response.status, response.reason or "", await response.content.read())
        try:
            return await response.json()
        except ContentTypeError:
            return None
