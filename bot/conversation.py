"""Per-message conversation context: which store and which language, decided once."""

from __future__ import annotations

import re
from typing import Any, Mapping, Optional

from bot.nlu.language import LANGUAGES, Language, detect_language
from bot.stores.policy import StorePolicy, policies

# a code of a letter or two and digits, alone: "СК-3004", "сt 2002", "#58120"
_CODE_ONLY = re.compile(r"\W*(?:[^\W\d_]{1,2}\W*)?\d[\d\s-]*\W*")


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
    """The language the customer wrote in; a hint, the last one or the store's when unclear (as for a number with a
    letter or two, "СК-3004" typed in Cyrillic at a Persian store: an order's code, not a change of language)."""
    detected = None if current in LANGUAGES and _CODE_ONLY.fullmatch(text or "") else detect_language(text or "")
    if detected:
        return detected
    for candidate in (metadata.get("language"), current):
        if candidate in LANGUAGES:
            return candidate  # type: ignore[return-value]
    return store.language
