"""Process-wide settings from the environment, with the defaults a demo needs."""

from __future__ import annotations

import os
import secrets
from pathlib import Path

from bot.stores.policy import policies

MAX_MESSAGE_LENGTH = 2000  # characters; longer customer messages are refused politely
PROJECT_ROOT = Path(__file__).resolve().parents[1]
MIN_SECRET_LENGTH = 32


class ConfigError(ValueError):
    """A setting that names something that does not exist."""


def default_store() -> str:
    """The store of conversations whose messages name none (`DEFAULT_STORE`, else sitra)."""
    store = os.environ.get("DEFAULT_STORE", "sitra")
    if store not in policies():
        raise ConfigError(f"DEFAULT_STORE='{store}' is not a known store ({', '.join(policies())})")
    return store


def conversation_secret() -> bytes:
    """The key that signs conversation ids: `CONVERSATION_SECRET`, else one kept in var/.

    Every server process behind one address must share it (set the variable); without it,
    the first start writes a random one to `var/conversation_secret` (mode 600) so that
    conversations survive a restart.
    """
    configured = os.environ.get("CONVERSATION_SECRET", "")
    if configured:
        if len(configured) < MIN_SECRET_LENGTH:
            raise ConfigError(f"CONVERSATION_SECRET must be at least {MIN_SECRET_LENGTH} characters")
        return configured.encode("utf-8")
    path = PROJECT_ROOT / "var" / "conversation_secret"
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        draft = path.with_name(f".{path.name}.{os.getpid()}")
        descriptor = os.open(draft, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(descriptor, "w") as file:
            file.write(secrets.token_hex(32))
        try:
            os.link(draft, path)  # atomic, and never over a secret another process wrote first
        except FileExistsError:
            pass
        finally:
            draft.unlink()
    secret = path.read_text().strip()
    if len(secret) < MIN_SECRET_LENGTH:
        raise ConfigError(f"{path} holds no usable secret: delete it to have a new one written")
    return secret.encode("utf-8")


def failures_per_address(default: int) -> int:
    """How many failed order verifications one client address may make in the lock-out's window
    (`VERIFY_ADDRESS_FAILURES`): an office of customers behind one address may need more than the default."""
    value = os.environ.get("VERIFY_ADDRESS_FAILURES", str(default))
    if not (value.isascii() and value.isdigit()) or int(value) < 1:
        raise ConfigError(f"VERIFY_ADDRESS_FAILURES='{value}' must be a whole number of at least 1, e.g. {default}")
    return int(value)


def rate_limit(variable: str, default: str) -> tuple[int, float]:
    """A rate limit "BURST:PER_MINUTE" from the environment, as (burst, per second)."""
    value = os.environ.get(variable, default)
    try:
        burst, per_minute = (float(part) for part in value.split(":"))
    except ValueError:
        raise ConfigError(f"{variable}='{value}' must be BURST:PER_MINUTE, e.g. {default}") from None
    if burst < 1 or per_minute <= 0:
        raise ConfigError(f"{variable}='{value}': the burst must be at least 1 and the rate positive")
    return int(burst), per_minute / 60
