"""Process-wide settings from the environment, with the defaults a demo needs."""

from __future__ import annotations

import os

from bot.stores.policy import policies

MAX_MESSAGE_LENGTH = 2000  # characters; longer customer messages are refused politely


class ConfigError(ValueError):
    """A setting that names something that does not exist."""


def default_store() -> str:
    """The store of conversations whose messages name none (`DEFAULT_STORE`, else sitra)."""
    store = os.environ.get("DEFAULT_STORE", "sitra")
    if store not in policies():
        raise ConfigError(f"DEFAULT_STORE='{store}' is not a known store ({', '.join(policies())})")
    return store
