"""The policy files' one schema (policy_schema.yml, JSON Schema draft 7), checked with jsonschema when a file loads.

A problem is reported as the file, the key path and what was expected, with the closest known
key for a misspelled one ("free_ovr": did you mean free_over?). A file written by
`python -m bot.stores new` holds `FILL:` marks that fail the check until each is replaced.
The reference in docs/stores.md is generated from the schema (`reference`), so it cannot drift.
"""

from __future__ import annotations

import difflib
from functools import lru_cache
from pathlib import Path
from typing import Any, Iterator, Optional

import yaml
from jsonschema import Draft7Validator
from jsonschema.exceptions import ValidationError

SCHEMA_PATH = Path(__file__).with_name("policy_schema.yml")
FILL = "FILL:"  # the mark of a part of a new store's file still to be written


@lru_cache(maxsize=1)
def schema() -> dict[str, Any]:
    """The schema, read once."""
    return yaml.safe_load(SCHEMA_PATH.read_text(encoding="utf-8"))


@lru_cache(maxsize=1)
def _validator() -> Draft7Validator:
    """A validator of the schema (itself checked once)."""
    Draft7Validator.check_schema(schema())
    return Draft7Validator(schema())


def _where(path: Any) -> str:
    """A key path as the files are read: rules.delivery.tiers[0].fee."""
    where = ""
    for part in path:
        where += f"[{part}]" if isinstance(part, int) else (f".{part}" if where else str(part))
    return where or "(file)"


def _problem(error: ValidationError) -> tuple[str, str]:
    """The key path and a plain description of one schema error."""
    where = _where(error.absolute_path)
    if error.validator == "additionalProperties":
        known = sorted(error.schema.get("properties", {}))
        unknown = sorted(set(error.instance) - set(known))[0]
        close = difflib.get_close_matches(unknown, known, n=1)
        hint = f"did you mean '{close[0]}'? " if close else ""
        return _where([*error.absolute_path, unknown]), f"unknown key ({hint}known: {', '.join(known)})"
    if error.validator == "required":
        missing = error.message.split("'")[1]
        return _where([*error.absolute_path, missing]), "missing"
    if "propertyNames" in error.schema_path:  # a name of a mapping (a topic, a reason) that is not known
        close = difflib.get_close_matches(str(error.instance), list(map(str, error.validator_value)), n=1)
        hint = f"did you mean '{close[0]}'? " if close else ""
        known = ", ".join(map(str, error.validator_value))
        return _where([*error.absolute_path, error.instance]), f"unknown name ({hint}known: {known})"
    if error.validator == "pattern" and error.validator_value == "\\S":
        return where, "missing or empty text"
    if error.validator == "enum":
        return where, f"{error.instance!r} is not one of {', '.join(map(str, error.validator_value))}"
    if error.validator == "type":
        return where, f"expected {error.validator_value}, got {type(error.instance).__name__}"
    return where, error.message


def _fills(data: Any, path: tuple[Any, ...] = ()) -> Iterator[str]:
    """The key paths of the parts still marked FILL."""
    if isinstance(data, dict):
        for key, value in data.items():
            yield from _fills(value, (*path, key))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            yield from _fills(value, (*path, index))
    elif isinstance(data, str) and data.lstrip().startswith(FILL):
        yield _where(path)


def schema_problem(data: Any) -> Optional[tuple[str, str]]:
    """The first problem of a policy file's data (by key path), or None when it has the schema's shape."""
    fills = list(_fills(data))
    if fills:
        return fills[0], f"not filled in yet (replace the {FILL} mark)"
    errors = sorted(_validator().iter_errors(data), key=lambda error: (list(map(str, error.absolute_path)),
                                                                        str(error.validator)))
    return _problem(errors[0]) if errors else None


# ---------------------------------------------------------------- docs/stores.md


def _resolve(node: dict[str, Any]) -> dict[str, Any]:
    """A node with its $ref followed (its own description kept)."""
    if "$ref" not in node:
        return node
    target = schema()["definitions"][node["$ref"].rsplit("/", 1)[1]]
    return {**_resolve(target), **{key: value for key, value in node.items() if key != "$ref"}}


def _kind(node: dict[str, Any]) -> str:
    """A short description of a value's type."""
    node = _resolve(node)
    if "enum" in node:
        return "one of " + ", ".join(f"`{value}`" for value in node["enum"])
    if "oneOf" in node:
        return " or ".join(_kind(option) for option in node["oneOf"])
    kind = node.get("type", "object")
    if kind == "array":
        return f"list of {_kind(node.get('items', {}))}"
    if kind == "object" and set(node.get("properties", {})) == {"fa", "ru"}:
        return "text in `fa` and `ru`"
    if kind == "object" and set(node.get("properties", {})) == {"fa", "ru", "source"}:
        return "`fa`, `ru` and `source`"
    return " or ".join(kind) if isinstance(kind, list) else str(kind)


def _rows(node: dict[str, Any], prefix: str) -> Iterator[str]:
    """A table row per key below `prefix`, depth first."""
    node = _resolve(node)
    required = set(node.get("required", []))
    for key, child in node.get("properties", {}).items():
        resolved = _resolve(child)
        path = f"{prefix}.{key}" if prefix else key
        example = ", ".join(f"`{value}`" for value in resolved.get("examples", []))
        description = " ".join(str(resolved.get("description", "")).split())
        yield (f"| `{path}` | {_kind(child)} | {'yes' if key in required else ''} | {description}"
               f"{' e.g. ' + example if example else ''} |")
        items = resolved.get("items") if resolved.get("type") == "array" else None
        if items is not None and _resolve(items).get("properties") and _kind(items) not in (
                "text in `fa` and `ru`", "`fa`, `ru` and `source`"):
            yield from _rows(items, f"{path}[]")
        elif resolved.get("properties") and _kind(child) not in ("text in `fa` and `ru`", "`fa`, `ru` and `source`"):
            yield from _rows(child, path)
        elif isinstance(resolved.get("additionalProperties"), dict):
            yield from _rows(resolved["additionalProperties"], f"{path}.<name>")


def reference() -> str:
    """The reference of every key of a policy file, as a Markdown table."""
    header = ["| key | value | required | meaning |", "|---|---|---|---|"]
    return "\n".join([*header, *_rows(schema(), "")]) + "\n"
