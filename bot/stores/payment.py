"""Payment methods customers name, and whether a store's page names them: "PayPal?" where the page lists cards only
is not answered with the list alone, since the list does not say the method is refused."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterable

from bot.stores.units import comparable


@dataclass(frozen=True)
class Method:
    """One way of paying: its name in each reply language, how customers name it, how a page's rule names it."""

    name: dict[str, str]
    asked: re.Pattern[str]
    listed: re.Pattern[str]


def _words(pattern: str) -> re.Pattern[str]:
    """A pattern matched as whole words of comparable text (a method is not a piece of another word: نقد in نقدینگی)."""
    return re.compile(rf"(?<!\w)(?:{pattern})(?!\w)")


METHODS = (
    Method({"fa": "PayPal", "ru": "PayPal"}, _words(r"pay ?pal|پی ?پال|пэй ?пал|пей ?пал|пайпал"), _words("paypal")),
    Method({"fa": "ارز دیجیتال", "ru": "криптовалюта"},
           _words(r"crypto\w*|bitcoin|usdt|کریپتو|ارز ?(?:های )?دیجیتال|بیت ?کوین|تتر|крипт\w*|биткоин\w*"),
           _words(r"ارز دیجیتال|крипт\w*")),
    Method({"fa": "پول نقد", "ru": "наличные"}, _words(r"نقد|نقدی|نقدا|پول نقد|наличн\w*|налом|наличкой|кэш\w*"),
           _words(r"پرداخت در محل|نقد\w*|наличн\w*|оплат\w* при получении")),
    Method({"fa": "Apple Pay یا Google Pay", "ru": "Apple Pay или Google Pay"},
           _words(r"(?:apple|google) ?pay|(?:اپل|گوگل) ?پی|(?:эппл|эпл|гугл) ?пэй"), _words(r"(?:apple|google) pay")),
)


def unlisted(question: str, rules: Iterable[str]) -> list[Method]:
    """The methods the question names that none of the store's rules (their texts in any language) names."""
    asked = comparable(question)
    named = [method for method in METHODS if method.asked.search(asked)]
    if not named:
        return []
    page = "\n".join(comparable(text) for text in rules)
    return [method for method in named if not method.listed.search(page)]
