"""Per-message conversation context: which store and which language, decided once."""

from __future__ import annotations

from typing import Any, Mapping, Optional

from bot.nlu.language import LANGUAGES, Language, detect_language
from bot.stores.policy import StorePolicy, policies


def store_for(metadata: Mapping[str, Any], current: Optional[str], default: str) -> StorePolicy:
    """The conversation's store once it has one, else the message's, else the configured default.

    A conversation belongs to one store: what it verified (an order number) must never be
    looked up in another store that has an order with the same number.
    """
    known = policies()
    for candidate in (current, metadata.get("store"), default):
        if isinstance(candidate, str) and candidate in known:
            return known[candidate]
    raise KeyError(default)


def language_for(
    text: str,
    metadata: Mapping[str, Any],
    current: Optional[str],
    store: StorePolicy,
) -> Language:
    """The language the customer wrote in; a hint, the last one or the store's when unclear."""
    detected = detect_language(text or "")
    if detected:
        return detected
    for candidate in (metadata.get("language"), current):
        if candidate in LANGUAGES:
            return candidate  # type: ignore[return-value]
    return store.language
