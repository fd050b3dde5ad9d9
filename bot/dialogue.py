"""Reading the customer's answer to the question the assistant just asked.

Pure functions over what NLU found: which entity fills which slot depends on the slot
the open form requested ("4567" answers "last four digits of your phone?", not
"order number?"), and free text maps to return reasons and order items.
"""

from __future__ import annotations

import re
from typing import Any, Iterable, Mapping, Optional, Sequence

from bot.nlu.normalize import fold, normalize, to_ascii_digits
from bot.stores.rules import Reason

ORDER_PURPOSES = ("order_status", "cancel_order", "return_request", "damaged_item")
REASON_INTENTS: dict[str, Reason] = {
    "reason_defect": "defect",
    "reason_transport_damage": "transport_damage",
    "reason_wrong_item": "wrong_item",
    "reason_change_of_mind": "change_of_mind",
}
# Words that name a reason, on normalised and folded text (ZWNJ removed, ی/ک, ё->е).
_REASON_WORDS: tuple[tuple[Reason, str], ...] = (
    ("transport_damage", r"حمل|ضربه|شکسته|له شده|بسته.*(پاره|خراب)|при доставке|разбит|помят|в пути|транспорт"),
    ("wrong_item", r"اشتباه|مغایر|فرق دار|عوض فرستاد|не тот|не то|перепутал|другой товар|не соответств"),
    ("change_of_mind", r"پشیمون|پشیمان|منصرف|نمیخوام|نمیخواهم|خوشم نیومد|سلیقه|передумал|не понрав|не подош|не нужн"),
    ("defect", r"خراب|معیوب|نقص|کار نمیکنه|کار نمیکند|روشن نمیشه|ایراد|брак|не работает|сломан|неисправ|дефект|не включ"),
)
_DIGITS = re.compile(r"\d")


def _values(entities: Iterable[Mapping[str, Any]], kind: str) -> list[Any]:
    """Values of one entity type, in message order."""
    return [e.get("value") for e in entities if e.get("entity") == kind and e.get("value") not in (None, "")]


def _asking_for_something_else(requested_slot: Optional[str], slot: str) -> bool:
    """A form is waiting for another slot (an item code must not become an order number)."""
    return requested_slot is not None and requested_slot != slot


def order_id_from(entities: Sequence[Mapping[str, Any]], requested_slot: Optional[str]) -> Optional[str]:
    """The order number the message gives, unless it answers another question."""
    if _asking_for_something_else(requested_slot, "order_id"):
        return None
    values = _values(entities, "order_id")
    return str(values[0]) if values else None


def phone_from(entities: Sequence[Mapping[str, Any]], requested_slot: Optional[str]) -> Optional[str]:
    """A phone entity; when the phone was asked for, a bare number is the phone (or its last 4)."""
    phones = _values(entities, "phone")
    if phones:
        return str(phones[0])
    if requested_slot == "phone":
        numbers = [str(v) for v in _values(entities, "order_id") if str(v).isdigit() and 4 <= len(str(v)) <= 13]
        if numbers:
            return numbers[0]
    return None


def reason_from(intent: Optional[str], text: str) -> Optional[Reason]:
    """A reason from a reason button, else from the words of the message."""
    if intent in REASON_INTENTS:
        return REASON_INTENTS[intent]
    folded = fold(normalize(text or ""))
    for reason, pattern in _REASON_WORDS:
        if re.search(pattern, folded):
            return reason
    return None


def sealed_from(intent: Optional[str]) -> Optional[bool]:
    """"Is the seal intact?" answered yes or no."""
    return {"affirm": True, "deny": False}.get(intent or "")


def item_from(text: str, items: Sequence[tuple[str, str]]) -> Optional[str]:
    """The SKU of the item the customer picked: by SKU (our buttons), by position or by name."""
    typed = fold(normalize(text or "")).strip()
    if not typed:
        return None
    for sku, _ in items:
        if typed == fold(normalize(sku)):
            return sku
    number = to_ascii_digits(typed)
    if number.isdigit() and 1 <= int(number) <= len(items):
        return items[int(number) - 1][0]
    matches = [sku for sku, name in items if typed in fold(normalize(name)) or fold(normalize(name)) in typed]
    return matches[0] if len(matches) == 1 else None


def valid_phone(value: str) -> bool:
    """Four last digits or a whole mobile number (9 to 13 digits)."""
    digits = "".join(_DIGITS.findall(to_ascii_digits(value)))
    return len(digits) == 4 or 9 <= len(digits) <= 13


def valid_order_id(value: str) -> bool:
    """Order numbers are 3 to 32 letters, digits or dashes (spec/orders.md)."""
    return re.fullmatch(r"[A-Za-z0-9-]{3,32}", to_ascii_digits(value)) is not None
