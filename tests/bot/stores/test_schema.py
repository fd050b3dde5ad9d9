"""One schema for the policy files: misspellings and wrong shapes stop the load; docs and new files come from it."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
import yaml

from bot.stores.__main__ import new_store
from bot.stores.policy import POLICY_DIR, PolicyError, load_policy
from bot.stores.rules import ITEM_FLAGS, REASONS, WEEKDAYS
from bot.stores.schema import reference, schema, schema_problem
from support import filled

ROOT = Path(__file__).resolve().parents[3]


def changed(path: tuple[Any, ...], value: Any = None, rename: str = "") -> dict[str, Any]:
    """Tisa's policy data with one key renamed, replaced or (value None, no rename) removed."""
    data = yaml.safe_load((POLICY_DIR / "tisa.yml").read_text(encoding="utf-8"))
    parent = data
    for part in path[:-1]:
        parent = parent[part]
    if rename:
        parent[rename] = parent.pop(path[-1])
    elif value is None:
        del parent[path[-1]]
    else:
        parent[path[-1]] = value
    return data


@pytest.mark.parametrize("data, where, says", [
    (changed(("rules", "delivery", "free_over"), rename="free_ovr"), "rules.delivery.free_ovr",
     "did you mean 'free_over'?"),
    (changed(("units", 0, "examples"), rename="exampels"), "units[0].exampels", "did you mean 'examples'?"),
    (changed(("language",), rename="langauge"), "langauge", "did you mean 'language'?"),
    (changed(("answers", "delivery_cost"), rename="delivery_costs"), "answers.delivery_costs",
     "did you mean 'delivery_cost'?"),
    (changed(("rules", "returns", "grounds", "defect"), rename="defekt"), "rules.returns.grounds.defekt",
     "did you mean 'defect'?"),
    (changed(("timezone",)), "timezone", "missing"),
    (changed(("units", 0, "fa"), "   "), "units[0].fa", "missing or empty text"),
    (changed(("currency",), "usd"), "currency", "'usd' is not one of toman, gel"),
    (changed(("rules", "installments", 0, "payments"), "four"), "rules.installments[0].payments",
     "expected integer, got str"),
    (changed(("rules", "delivery", "free_over"), -5), "rules.delivery.free_over", "minimum"),
])
def test_a_wrong_key_or_value_is_named_with_what_was_expected(data: dict[str, Any], where: str, says: str) -> None:
    problem = schema_problem(data)
    assert problem is not None and problem[0] == where and says in problem[1], problem


def test_a_misspelled_key_stops_the_load_naming_the_file_and_key(tmp_path: Path) -> None:
    text = (POLICY_DIR / "tisa.yml").read_text(encoding="utf-8")
    assert "\n  delivery:\n" in text
    path = tmp_path / "tisa.yml"
    path.write_text(text.replace("\n  delivery:\n", "\n  delivry:\n", 1), encoding="utf-8")
    with pytest.raises(PolicyError, match=r"tisa.yml: field 'rules.delivry': unknown key \(did you mean 'delivery'"):
        load_policy(path)


def test_the_schema_lists_what_the_rules_know() -> None:
    definitions = schema()["definitions"]
    assert tuple(definitions["flags"]["items"]["enum"]) == ITEM_FLAGS
    assert tuple(schema()["definitions"]["rules"]["properties"]["returns"]["properties"]["grounds"]["propertyNames"][
        "enum"]) == REASONS
    assert tuple(definitions["rules"]["properties"]["calendar"]["properties"]["weekend"]["items"]["enum"]) == WEEKDAYS


def test_the_reference_in_docs_is_the_schemas() -> None:
    docs = (ROOT / "docs" / "stores.md").read_text(encoding="utf-8")
    written = re.search(r"<!-- reference: generated, do not edit by hand -->\n(.*)<!-- end of reference -->", docs, re.S)
    assert written is not None and written.group(1) == reference(), "run: python -m bot.stores docs (docs/stores.md)"
    assert all(f"`{key}`" in written.group(1) for key in schema()["properties"])


NUMBERS = {"amount": 7, "payments": 4, "minimum": 50000, "grace_day": 5, "free_over": 2000000, "least": 1, "most": 3,
           "city": "tehran"}


def test_a_new_store_is_refused_until_filled_then_loads_with_its_rules(tmp_path: Path) -> None:
    assert new_store(["namune", "--language", "fa", "--currency", "toman", "--name", "نمونه"], tmp_path) == 0
    path = tmp_path / "namune.yml"
    with pytest.raises(PolicyError, match="not filled in yet"):
        load_policy(path)
    path.write_text(yaml.safe_dump(filled(yaml.safe_load(path.read_text(encoding="utf-8")), NUMBERS),
                                   allow_unicode=True), encoding="utf-8")
    store = load_policy(path)
    assert (store.id, store.language, store.currency, store.name["fa"]) == ("namune", "fa", "toman", "نمونه")
    assert store.rules.installments[0].payments == 4 and store.rules.delivery.free_over == 2000000  # type: ignore[union-attr]
    assert store.rules.returns.grounds["defect"].window.amount == 7  # type: ignore[union-attr]
    assert new_store(["namune", "--language", "fa", "--currency", "toman", "--name", "x"], tmp_path) == 2  # exists
    assert new_store(["Bad-Id", "--language", "fa", "--currency", "toman", "--name", "x"], tmp_path) == 2
