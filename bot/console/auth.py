"""Agents' passwords and sign-in tokens, and the brake on guessing them.

Passwords are kept only as scrypt hashes with their own salt and cost (`scrypt$n$r$p$salt$hash`),
so a copied database does not give them away; a token is kept only as its SHA-256. Failed
sign-ins are counted per agent name and per client address: after a few, each answer waits
longer, and past a limit the next tries are refused for a while.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import secrets
import time
from collections import OrderedDict, deque
from typing import Optional

SCRYPT_N, SCRYPT_R, SCRYPT_P = 2**14, 8, 1
MIN_PASSWORD = 8
FREE_FAILURES = 3  # failures answered at once; each later one waits twice as long, up to MAX_DELAY
MAX_DELAY = 8.0  # seconds
LOCK_FAILURES = 10  # failures within WINDOW after which a name or an address is refused until they age out
WINDOW = 15 * 60.0  # seconds


def _b64(data: bytes) -> str:
    """Base64 without padding."""
    return base64.b64encode(data).decode("ascii").rstrip("=")


def _unb64(text: str) -> bytes:
    """Base64 without padding, read back."""
    return base64.b64decode(text + "=" * (-len(text) % 4))


def hash_password(password: str, salt: Optional[bytes] = None) -> str:
    """A slow salted hash of the password, with the parameters to check it later."""
    salt = salt or secrets.token_bytes(16)
    digest = hashlib.scrypt(password.encode("utf-8"), salt=salt, n=SCRYPT_N, r=SCRYPT_R, p=SCRYPT_P, dklen=32)
    return f"scrypt${SCRYPT_N}${SCRYPT_R}${SCRYPT_P}${_b64(salt)}${_b64(digest)}"


# checked when the name is unknown, so that a wrong name takes as long as a wrong password
_DECOY = hash_password("decoy password", b"decoy-salt-16byt")


def check_password(password: str, stored: Optional[str]) -> bool:
    """Whether the password matches the stored hash (False for none, in the same time)."""
    try:
        kind, n, r, p, salt, digest = (stored or _DECOY).split("$")
        computed = hashlib.scrypt(password.encode("utf-8"), salt=_unb64(salt), n=int(n), r=int(r), p=int(p),
                                  dklen=len(_unb64(digest)))
    except (ValueError, TypeError):
        return False
    return stored is not None and kind == "scrypt" and hmac.compare_digest(computed, _unb64(digest))


def new_token() -> tuple[str, str]:
    """A sign-in token for the cookie, and the hash the server keeps of it."""
    token = secrets.token_urlsafe(32)
    return token, token_hash(token)


def token_hash(token: str) -> str:
    """What the server keeps of a token."""
    return hashlib.sha256(token.encode("utf-8", "surrogateescape")).hexdigest()


class LoginThrottle:
    """Failed sign-ins per key (an agent name, a client address) within the last WINDOW seconds."""

    def __init__(self, max_keys: int = 10_000) -> None:
        """Remembers at most `max_keys` keys (the least recently failed are forgotten)."""
        self.max_keys = max_keys
        self._failures: OrderedDict[str, deque[float]] = OrderedDict()

    def _recent(self, key: str, now: float) -> deque[float]:
        """The key's failures still inside the window."""
        failures = self._failures.get(key, deque())
        while failures and now - failures[0] > WINDOW:
            failures.popleft()
        return failures

    def delay(self, keys: tuple[str, ...], now: Optional[float] = None) -> float:
        """Seconds to wait before answering a sign-in for these keys (the worst of them)."""
        now = time.monotonic() if now is None else now
        worst = max((len(self._recent(key, now)) for key in keys), default=0)
        return 0.0 if worst < FREE_FAILURES else min(MAX_DELAY, 2.0 ** (worst - FREE_FAILURES))

    def retry_after(self, keys: tuple[str, ...], now: Optional[float] = None) -> int:
        """Whole seconds until a locked key may try again; 0 when none is locked."""
        now = time.monotonic() if now is None else now
        waits = [WINDOW - (now - failures[-LOCK_FAILURES]) for failures in (self._recent(key, now) for key in keys)
                 if len(failures) >= LOCK_FAILURES]
        return max(1, int(max(waits) + 0.999)) if waits else 0

    def failed(self, keys: tuple[str, ...], now: Optional[float] = None) -> None:
        """Counts a failure against every key."""
        now = time.monotonic() if now is None else now
        for key in keys:
            failures = self._recent(key, now)
            failures.append(now)
            self._failures[key] = failures
            self._failures.move_to_end(key)
        while len(self._failures) > self.max_keys:
            self._failures.popitem(last=False)

    def succeeded(self, keys: tuple[str, ...]) -> None:
        """A right password clears the name's count (not the address's: one office, many agents)."""
        self._failures.pop(keys[0], None)
