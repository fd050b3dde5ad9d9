"""The one place computed replies get their words: `render(key, language, **values)`."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from bot.nlu.language import LANGUAGES, Language

CATALOG = Path(__file__).with_name("replies.yml")


@lru_cache(maxsize=1)
def catalog() -> dict[str, dict[Language, str]]:
    """The reply texts, checked once: every key in both languages."""
    data = yaml.safe_load(CATALOG.read_text(encoding="utf-8"))
    for key, texts in data.items():
        missing = [language for language in LANGUAGES if not (texts or {}).get(language)]
        if missing:
            raise ValueError(f"{CATALOG.name}: '{key}' has no text in {missing}")
    return data


def render(key: str, language: Language, **values: Any) -> str:
    """The text for `key` in `language` with the (already formatted) values filled in."""
    return catalog()[key][language].format(**values)


def has(key: str) -> bool:
    """Whether the catalog knows a key (for optional, data-driven keys)."""
    return key in catalog()
