"""docs/orders.md kept in step with the importer: its fields are the fields read, as documented, and its examples import."""

import json
import re
from pathlib import Path
from typing import Any

import pytest
from order_samples import SPEC_EXAMPLE
from sqlalchemy.orm import Session

from bot.orders.importer import ITEM_FIELDS, ORDER_FIELDS, OrderImportError, import_orders, parse_lines
from bot.orders.models import PAYMENT_METHODS, STATUSES
from bot.orders.repository import find_order

DOC = (Path(__file__).resolve().parents[3] / "docs" / "orders.md").read_text(encoding="utf-8")


def section(title: str) -> str:
    """The text under one "## " heading."""
    return DOC.split(f"\n## {title}\n", 1)[1].split("\n## ", 1)[0]


def blocks(language: str) -> list[str]:
    """The fenced code blocks of one language."""
    return re.findall(rf"^```{language}\n(.*?)^```$", DOC, flags=re.M | re.S)


def table(title: str) -> dict[str, tuple[str, bool, str]]:
    """A field table: each field's type, whether it is required, and its meaning."""
    rows = re.findall(r"^\| `(\w+)` \| ([^|]+) \| (yes|no) \| (.+) \|$", section(title), flags=re.M)
    return {name: (kind, required == "yes", meaning) for name, kind, required, meaning in rows}


ORDERS, ITEMS = table("Order fields"), table("Item fields")
[ONE_ORDER] = [json.loads(block) for block in blocks("json")]
FILE_LINES = [line for block in blocks("jsonl") for line in block.splitlines()]


def problems(order: dict[str, Any]) -> list[str]:
    """What the importer says about a file of this one order."""
    try:
        parse_lines([json.dumps(order, ensure_ascii=False)])
    except OrderImportError as error:
        return error.problems
    return []


def test_the_documented_fields_are_the_fields_the_importer_reads() -> None:
    assert list(ORDERS) == list(ORDER_FIELDS)
    assert list(ITEMS) == list(ITEM_FIELDS)


def test_the_documented_choices_are_the_importers() -> None:
    assert re.findall(r"`(\w+)`", ORDERS["status"][2]) == list(STATUSES)
    assert re.findall(r"`(\w+)`", ORDERS["payment_method"][2]) == list(PAYMENT_METHODS)


def with_field(name: str, value: Any, item: bool) -> dict[str, Any]:
    """The documented order with one field (of the order or of its first item) set, or left out for `...`."""
    target = dict(ONE_ORDER["items"][0]) if item else dict(ONE_ORDER)
    target.pop(name)
    if value is not ...:
        target[name] = value
    return {**ONE_ORDER, "items": [target]} if item else target


@pytest.mark.parametrize("name, item", [(name, False) for name in ORDERS] + [(name, True) for name in ITEMS])
def test_each_field_is_required_or_optional_and_nullable_as_documented(name: str, item: bool) -> None:
    kind, required, _ = (ITEMS if item else ORDERS)[name]
    label = f"items[0].{name}" if item else name
    assert problems(with_field(name, ..., item)) == ([f"line 1: field '{label}': missing"] if required else [])
    assert (problems(with_field(name, None, item)) == []) == kind.endswith("or null"), kind


def test_the_one_order_is_the_example_the_other_tests_use() -> None:
    assert ONE_ORDER == SPEC_EXAMPLE


def test_the_examples_import_into_a_database(session: Session) -> None:
    lines = [json.dumps(ONE_ORDER, ensure_ascii=False), *FILE_LINES]
    summary = import_orders(session, parse_lines(lines))
    assert (summary.created, summary.updated) == (len(lines), 0)
    with Session(session.get_bind()) as fresh:
        for line in lines:
            order = json.loads(line)
            found = find_order(fresh, order["store"], order["order_id"])
            assert found is not None and len(found.items) == len(order["items"]), order["order_id"]


def test_the_refused_file_is_reported_as_documented() -> None:
    second = json.loads(FILE_LINES[1])
    second["status"] = "sent"
    second["items"][0]["quantity"] = 0
    lines = [FILE_LINES[0], json.dumps(second, ensure_ascii=False), *FILE_LINES[2:]]
    with pytest.raises(OrderImportError) as refused:
        parse_lines(lines)
    [said] = blocks("text")
    assert refused.value.problems == said.splitlines()
