"""Numbers in a store's texts: written once, as rule values, and rendered into every text that states them.

Placeholders. Any Persian or Russian text of a policy file (the `fa:` and `ru:` of `answers`,
`units`, `contact` and of the rules' own texts, such as `below_free` or `conditions`) may name a
value of the file's `rules:` in braces; it is written in when the file loads, the way the text's
language writes numbers (Persian digits and the Persian separators ٬ and ٫; Russian as
`bot/i18n/format.py` writes it):

    {rules.delivery.free_over}                  the number itself: ۲٬۰۰۰٬۰۰۰ / 2 000 000
    {rules.delivery.free_over:million}          in millions, before "میلیون تومان" / "млн томан": ۲ / 2
    {rules.installments[0].minimum:thousand}    in thousands, before "هزار تومان" / "тыс. томан": ۵۰ / 50
    {rules.delivery.tiers[1].per_km}            a fraction as money is written: ۱٫۵۰ / 1,50
    {rules.pickup.same_day_from}                a time of day: ۱۶:۰۰ / 16:00
    {rules.pickup.cutoff:hour}                  its hour alone, after "ساعت" / before "часов": ۱۱ / 11
    {units.failed_payment_reversal.within.amount}  a unit's own value (units are named by id): ۷۲ / 72

The path is where the value stands in the file: keys joined by dots, a list's items by their
position from 0 in brackets (the first tier is `tiers[0]`). The words around the number stay the
text's own. A placeholder that names no number or time of the file stops the load, naming the text.

Literal numbers. `python -m bot.stores check` refuses a number written out in a text, so a rule
changed in one place cannot leave a text behind that still says the old value. The numbers a page
states that are no rule's value (phones, house numbers, "7 to 10 working days" of a payment
provider, the page's own examples) are listed per text under the file's `literal_numbers:`, keyed by
the text's path (`contact`, `answers.<topic>`, `units.<id>`, `rules.<path>`; one list for both
languages), each as written with ASCII digits ("02155690688", "021-96862021"). A listed number that
its text no longer states is refused too. Numbers written as words (هفت‌روزه, пятого) are not seen:
write a rule's value in digits.
"""

from __future__ import annotations

import copy
import re
from decimal import Decimal
from typing import Any, Iterator, Mapping, Optional

from bot.i18n.format import digits, number
from bot.nlu.language import LANGUAGES, Language
from bot.stores.rules import RuleError

_BRACES = re.compile(r"\{([^{}]*)\}")
_PLACEHOLDER = re.compile(r"((?:rules|units)(?:\.[a-z][a-z0-9_]*|\[\d+\])+)(?::(thousand|million|hour))?")
_STEP = re.compile(r"([a-z][a-z0-9_]*)|\[(\d+)\]")
_CLOCK = re.compile(r"\d\d:\d\d")
_SCALES = {"thousand": Decimal(1_000), "million": Decimal(1_000_000)}
# a number as texts write it: digits of either script, with separators between digits ("۲٬۰۰۰", "1,50", "16:00",
# "021-96862021"); a range written with a dash ("7–10") or words ("۷ تا ۱۰") is two numbers
_NUMBER = re.compile(r"[0-9۰-۹٠-٩]+(?:[-/:.,٫٬\u202f\u00a0][0-9۰-۹٠-٩]+)*")
_ASCII_DIGITS = str.maketrans("۰۱۲۳۴۵۶۷۸۹٠١٢٣٤٥٦٧٨٩", "01234567890123456789")


def texts(node: Any, where: str = "") -> Iterator[tuple[dict[str, Any], str, Language]]:
    """Every text of a policy file's data: its mapping (to write it back), its path (units by id), its language."""
    if isinstance(node, dict):
        for key, value in node.items():
            if key in LANGUAGES and isinstance(value, str):
                yield node, where, key
            else:
                yield from texts(value, f"{where}.{key}" if where else str(key))
    elif isinstance(node, list):
        for index, item in enumerate(node):
            named = isinstance(item, dict) and isinstance(item.get("id"), str)
            yield from texts(item, f"{where}.{item['id']}" if named else f"{where}[{index}]")


def _written(value: Any, scale: Optional[str], language: Language) -> Optional[str]:
    """A rule's number or time in the text's own script and separators; None for a value no text can state."""
    if isinstance(value, str) and _CLOCK.fullmatch(value):
        if scale is None:
            return digits(value, language)
        return digits(str(int(value[:2])), language) if scale == "hour" and value.endswith(":00") else None
    if isinstance(value, bool) or not isinstance(value, (int, float)) or scale == "hour":
        return None
    if scale is None:
        return number(value, language)
    scaled = Decimal(str(value)) / _SCALES[scale]
    return number(scaled, language, max(0, -int(scaled.normalize().as_tuple().exponent)))


def resolve(path: str, data: Mapping[str, Any], where: str) -> Any:
    """The value at a path of the file's data (`rules.delivery.tiers[1].per_km`, `units.<id>.within.amount`)."""
    node: Any = data
    for key, index in _STEP.findall(path):
        if key and isinstance(node, dict) and key in node:
            node = node[key]
        elif key and isinstance(node, list) and any(isinstance(i, dict) and i.get("id") == key for i in node):
            node = next(item for item in node if isinstance(item, dict) and item.get("id") == key)  # a unit by id
        elif index and isinstance(node, list) and int(index) < len(node):
            node = node[int(index)]
        else:
            raise RuleError(where, f"{path} names nothing in this file")
    return node


def render(text: str, language: Language, data: Mapping[str, Any], where: str = "text") -> str:
    """A text with each placeholder replaced by the rule value it names, so that it follows the rule's changes."""

    def value(braces: re.Match[str]) -> str:
        placeholder = _PLACEHOLDER.fullmatch(braces.group(1))
        if placeholder is None:
            raise RuleError(where, f"'{braces.group()}' is not a placeholder: write {{rules.<path>}} or "
                                   "{units.<id>.<path>}, optionally ending in :thousand, :million or :hour")
        try:
            node = resolve(placeholder.group(1), data, where)
        except RuleError:
            raise RuleError(where, f"{braces.group()} names nothing in this file") from None
        written = _written(node, placeholder.group(2), language)
        if written is None:
            raise RuleError(where, f"{braces.group()} is not a number or a time of day"
                                   + (" on the hour (HH:00)" if placeholder.group(2) == "hour" else ""))
        return written

    return _BRACES.sub(value, text)


def render_texts(data: Mapping[str, Any]) -> dict[str, Any]:
    """A copy of a policy file's data with every text rendered (the data itself keeps its placeholders for `check`)."""
    rendered = copy.deepcopy(dict(data))
    for mapping, where, language in texts(rendered):
        mapping[language] = render(mapping[language], language, data, f"{where}.{language}")
    return rendered


def stray_numbers(data: Mapping[str, Any]) -> list[str]:
    """What `check` refuses in a file's data as written: a number a text restates unlisted, or a listing gone stale."""
    listed = {where: {str(entry) for entry in entries or ()}
              for where, entries in (data.get("literal_numbers") or {}).items()}
    stated: dict[str, set[str]] = {}
    problems = []
    for mapping, where, language in texts(data):
        stated.setdefault(where, set())
        for found in dict.fromkeys(_NUMBER.findall(_BRACES.sub(" ", mapping[language]))):
            written = found.translate(_ASCII_DIGITS)
            stated[where].add(written)
            if written not in listed.get(where, ()):
                problems.append(f"{where}.{language}: the number {found} is neither a {{rules...}} "
                                f"placeholder nor listed under literal_numbers for '{where}'")
    for where, entries in listed.items():
        if where not in stated:
            problems.append(f"literal_numbers.{where}: there is no such text")
            continue
        problems += [f"literal_numbers.{where}: {unstated} is not written in that text"
                     for unstated in sorted(entries - stated[where])]
    return problems
